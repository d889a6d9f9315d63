"""The widgets of the live screen: agenda list, item view, minutes editor, status line."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import events
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from referent.danish import format_span, format_time
from referent.live import LiveMeeting
from referent.model import Item, ItemStatus, Meeting
from referent.review import word_diff
from referent.textclean import clean_text
from referent.ui.i18n import t

STATE_MARKS = {
    ItemStatus.PENDING: ("·", "dim"),
    ItemStatus.TAKEN: ("✓", "green"),
    ItemStatus.POSTPONED: ("↷", "yellow"),
    ItemStatus.WITHDRAWN: ("✗", "red"),
}


class AgendaList(OptionList):
    """The agenda: number, state mark, title and planned time. Items with minutes are bold."""

    can_focus = False  # the editor keeps the focus; items are reached with keys or the mouse

    def show(self, meeting: Meeting, current: int) -> None:
        options = []
        for index, item in enumerate(meeting.items):
            has_minutes = bool(item.minutes.strip())
            mark, style = ("▶", "bold reverse") if index == current else STATE_MARKS[item.status]
            line = Text(f"{mark} ", style=style)
            title_style = "bold" if has_minutes else "dim" if item.status is ItemStatus.WITHDRAWN else ""
            line.append(f"{index + 1}. {item.title}", style=title_style)
            if item.closed:
                line.append(" 🔒", style="magenta")
            if item.start:
                line.append(f" · {format_time(item.start)}", style="dim")
            options.append(Option(line, id=f"item-{index}"))
        self.set_options(options)
        self.highlighted = current


def _points(meeting: Meeting, item: Item) -> Text:
    """The recommendation as the minutes will print it, with any recorded outcomes."""
    rec = item.recommendation
    text = Text()
    if rec.short:
        text.append(f"{t('Recommendation')}: ", style="bold")
        text.append(rec.short)
    elif rec.points:
        text.append(meeting.recommendation_intro(item) + "\n", style="bold")
        for number, point in enumerate(rec.points):
            label = rec.label(number)
            text.append(f" {label}. {point}")
            outcome = rec.outcomes[number] if number < len(rec.outcomes) else None
            if outcome:
                text.append(f"  [{t(outcome.value)}]", style="bold green")
            text.append("\n")
    else:
        text.append(t("No recommendation."), style="dim italic")
    if item.attachments:
        text.append(f"\n{t('Attachments')}: ", style="bold")
        text.append("; ".join(item.attachments))
    return text.rstrip() or text


class ItemHeader(Static):
    """Number, title, presenter, planned slot and state of the current item."""

    def show(self, meeting: Meeting, index: int) -> None:
        item = meeting.items[index]
        text = Text(f"{index + 1}. {item.title}", style="bold")
        details = [f"v / {item.presenter}"] if item.presenter else []
        span = format_span(item.start, item.end)
        if span:
            details.append(span)
        if item.status is not ItemStatus.PENDING:
            details.append(t(item.status.value))
        if details:
            text.append("\n" + "  ·  ".join(details), style="italic")
        if item.closed:
            text.append(f"  [{t('Closed item')}]", style="bold magenta")
        self.update(text)


class RecommendationView(Static):
    """The recommendation, always in view while the decision is typed."""

    def show(self, meeting: Meeting, index: int) -> None:
        self.update(_points(meeting, meeting.items[index]))


class MinutesEditor(TextArea):
    """The minutes text area; pasted text is cleaned of characters Word cannot hold."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.text = clean_text(event.text)  # the TextArea's own handler inserts it after us


class StatusLine(Static):
    """Meeting clock, time on the item against its slot, attendance counts, last save."""

    def show(self, live: LiveMeeting, now: datetime, saved_at: datetime | None, read_only: bool) -> None:
        meeting = live.meeting
        parts: list[Text] = []
        if read_only:
            parts.append(Text(t("READ-ONLY"), style="bold reverse red"))
        if meeting.actual_end:
            parts.append(Text(f"{t('Meeting')} {t('closed')} {format_time(meeting.actual_end)}"))
        elif meeting.actual_start:
            started = datetime.combine(now.date(), meeting.actual_start)
            parts.append(Text(f"{t('Meeting')} {_duration(now - started)}"))
        else:
            parts.append(Text(f"{t('Meeting')} {t('not started')}", style="dim"))
        parts.append(self._item_clock(live, now))
        present, absent, unknown = live.counts()
        counts = f"{present} {t('present')} · {absent} {t('absent')}"
        if unknown:
            counts += f" · {unknown} ?"
        parts.append(Text(counts))
        saved = (
            f"{t('saved')} {saved_at.strftime('%H:%M')}" if saved_at else t("no changes yet")
        )  # in this session; earlier ones are stored
        parts.append(Text(saved, style="dim"))
        self.update(Text(" │ ").join(parts))

    @staticmethod
    def _item_clock(live: LiveMeeting, now: datetime) -> Text:
        item = live.item
        label = f"{t('Item')} {live.current + 1}:"
        if not live.started or live.closed or item.actual_start is None:
            return Text(label, style="dim")  # no clock before the meeting, or after it
        spent = now - datetime.combine(now.date(), item.actual_start)
        if item.start and item.end:
            planned = datetime.combine(now.date(), item.end) - datetime.combine(now.date(), item.start)
            text = Text(f"{label} {_duration(spent)}/{_duration(planned)}")
            if spent > planned:
                text.append(f" {t('over by')} {_duration(spent - planned)}", style="bold white on red")
            return text
        return Text(f"{label} {_duration(spent)}")


DIFF_STYLES = {"delete": "strike red", "insert": "bold green underline"}


def diff_text(before: str, after: str) -> Text:
    """Words removed struck through in red, words added underlined in green; a replaced
    word and its replacement are kept apart by a space so they do not run together."""
    text = Text()
    previous = ""
    for change in word_diff(before, after):
        if previous == "delete" and change.kind == "insert" and not change.text[:1].isspace():
            text.append(" ")
        text.append(change.text, style=DIFF_STYLES.get(change.kind, ""))
        previous = change.kind
    return text


def _duration(span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds()) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"
