"""The current item: its header and its recommendation, always in view while the decision is typed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from referent.danish import format_span
from referent.model import Item, ItemStatus, Meeting
from referent.ui.i18n import t


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
    text.rstrip()
    return text


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
