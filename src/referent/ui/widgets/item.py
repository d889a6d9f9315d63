"""The current item: its header, what was recorded beside the minutes, and its recommendation,
always in view while the decision is typed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from referent.danish import format_span, format_time
from referent.model import Item, ItemStatus, Meeting
from referent.store.followups import FollowUp
from referent.ui.i18n import t


def status_label(item: Item) -> str:
    """What the item's status means to the secretary; nothing while it waits its turn."""
    if item.status is ItemStatus.TAKEN:
        if item.actual_start:
            return t("taken up at {time}", time=format_time(item.actual_start))
        return t("taken up")
    if item.status is ItemStatus.POSTPONED:
        return t("postponed")
    if item.status is ItemStatus.WITHDRAWN:
        return t("withdrawn")
    return ""


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
        text.rstrip()
        text.append(f"\n{t('Attachments')}: ", style="bold")
        text.append("; ".join(item.attachments))
    text.rstrip()
    return text


class ItemHeader(Static):
    """Number and full title; presenter, planned slot and state on one line under it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Meeting, int] | None = None

    def show(self, meeting: Meeting, index: int) -> None:
        self._shown = (meeting, index)
        item = meeting.items[index]
        text = Text(f"{index + 1}. {item.title}", style="bold")
        details = [f"v / {item.presenter}"] if item.presenter else []
        span = format_span(item.start, item.end)
        if span:
            details.append(span)
        status = status_label(item)
        if status:
            details.append(status)
        if details or item.closed:
            line = Text(" · ".join(details), style="italic")
            if item.closed:
                line.append(f"  [{t('Closed item')}]", style="bold magenta")
            width = self.size.width
            if width and line.cell_len > width:  # one line: the title may take two
                line.truncate(width - 1)
                line.append("…")
            text.append("\n")
            text.append_text(line)
        self.update(text)

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None:
            self.show(*self._shown)


_MARKS = {"open": "○", "done": "✓", "dropped": "✗", "carried": "→"}
"""How a follow-up's state shows in the Opfølgning item's notes: open, done, dropped, carried."""


class ItemNotes(Static):
    """What the minutes screen must not hide: the chair's comments not yet dealt with, who
    does not take part (inhabil), and the item's action items. Hidden when there are none."""

    def show(
        self, meeting: Meeting, index: int, follow_ups: Sequence[FollowUp] = (), meeting_id: int = 0
    ) -> None:
        """``follow_ups``: on the *Opfølgning* item, the earlier meetings' follow-ups (F7 marks them)."""
        item = meeting.items[index]
        lines: list[Text] = []
        if follow_ups:
            lines.append(Text(t("Follow-ups from earlier meetings (F7 marks them):"), style="bold"))
        for follow_up in follow_ups:
            line = Text(f"  {_MARKS[follow_up.state_at(meeting_id)]} ", style="bold")
            line.append(follow_up.what)
            details = [part for part in (follow_up.who, follow_up.due) if part.strip()]
            details.append(follow_up.meeting_date.strftime("%d.%m.%Y"))
            line.append(f" ({', '.join(details)})", style="dim")
            lines.append(line)
        for comment in item.comments:
            if not comment.done:
                line = Text(f"✎ {comment.who or t('The chair')}: ", style="bold yellow")
                line.append(comment.text, style="yellow")
                lines.append(line)
        if item.conflicts:
            line = Text(f"{t('Not taking part (conflict of interest)')}: ", style="bold")
            line.append(", ".join(item.conflicts))
            lines.append(line)
        for action in item.actions:
            line = Text(f"{t('Action item')}: ", style="bold")
            line.append(action.what)
            details = [part for part in (action.who, action.due) if part.strip()]
            line.append(
                f" ({', '.join(details)})" if details else f" ({t('no owner or date yet')})", style="dim"
            )
            lines.append(line)
        self.display = bool(lines)
        self.update(Text("\n").join(lines))


class RecommendationView(Static):
    """The recommendation, always in view while the decision is typed."""

    points = 0
    """How many points the recommendation shown has (F4 lists them all)."""

    def show(self, meeting: Meeting, index: int) -> None:
        item = meeting.items[index]
        self.points = 0 if item.recommendation.short else len(item.recommendation.points)
        self.update(_points(meeting, item))


class ItemTop(VerticalScroll):
    """What was recorded beside the minutes and the recommendation, above the case text: it
    gets at most part of the height and the rest scrolls. While lines are hidden below, its
    top edge says how many (and that F4 lists every point): a third point under the edge
    was hidden with no more sign of it than the scrollbar, which the keyboard cannot move."""

    def on_resize(self, event: events.Resize) -> None:
        self.mark_hidden()  # the box changed size

    def watch_virtual_size(self, size: Size) -> None:
        self.mark_hidden()  # what it holds did (a full layout sends no Resize for that)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.mark_hidden()

    def mark_hidden(self) -> None:
        hidden = round(self.max_scroll_y - self.scroll_y)
        if hidden <= 0:
            self.border_title = ""
            return
        mark = t("▼ 1 more line") if hidden == 1 else t("▼ {count} more lines", count=hidden)
        if any(view.points and view.display for view in self.query(RecommendationView)):
            mark += " · " + t("F4: every point")
        self.border_title = mark
