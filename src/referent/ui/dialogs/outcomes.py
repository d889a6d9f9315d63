"""Record the decision on each point of the current item's recommendation."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from referent.live import LiveMeeting
from referent.model import Outcome
from referent.ui.dialogs.base import Dialog
from referent.ui.i18n import t

OUTCOME_KEYS = {
    "1": Outcome.APPROVED,
    "2": Outcome.NOTED,
    "3": Outcome.DISCUSSED,
    "4": Outcome.POSTPONED,
    "5": Outcome.REJECTED,
}


class OutcomeDialog(Dialog[None]):
    """Arrows choose a point, 1–5 set its outcome and move on to the next, 0 clears it,
    ``a`` approves every point."""

    BINDINGS = [
        Binding("escape,f4", "close", "Back", id="outcomes_close"),
        Binding("a", "approve_all", "All approved", id="outcomes_all"),
    ]

    def __init__(self, live: LiveMeeting, index: int) -> None:
        super().__init__()
        self.live = live
        self.index = index

    def compose(self) -> ComposeResult:
        item = self.live.meeting.items[self.index]
        with Vertical(classes="dialog wide"):
            yield Label(f"{t('Outcome per point')}: {self.index + 1}. {item.title}", classes="dialog-title")
            yield OptionList(id="points")
            keys = "   ".join(f"{key} {t(outcome.value)}" for key, outcome in OUTCOME_KEYS.items())
            yield Static(f"{keys}   0 {t('none')}   a {t('All approved')}", classes="dialog-note")

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        points = self.query_one("#points", OptionList)
        highlighted = points.highlighted or 0
        rec = self.live.meeting.items[self.index].recommendation
        options = []
        for number, point in enumerate(rec.points):
            outcome = rec.outcomes[number] if number < len(rec.outcomes) else None
            line = Text(f"{rec.label(number)}. {point}  ")
            line.append(
                f"[{t(outcome.value) if outcome else t('none')}]", style="bold green" if outcome else "dim"
            )
            options.append(Option(line))
        points.set_options(options)
        points.highlighted = min(highlighted, len(options) - 1)
        points.focus()

    def on_key(self, event: events.Key) -> None:
        if event.character not in (*OUTCOME_KEYS, "0"):
            return
        event.stop()
        if self.refused(self.live):
            return
        points = self.query_one("#points", OptionList)
        point = points.highlighted or 0
        outcome = OUTCOME_KEYS.get(event.character or "")
        self.live.set_outcome(self.index, point, outcome)
        if outcome is not None:  # on to the next point, as attendance moves on; 0 (a correction) stays
            points.highlighted = min(point + 1, points.option_count - 1)
        self.show()

    def action_approve_all(self) -> None:
        if not self.refused(self.live):
            self.live.approve_all(self.index)
            self.show()
