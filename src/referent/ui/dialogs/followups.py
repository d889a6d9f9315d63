"""The follow-ups of earlier meetings (F7): one key marks each done, carried or dropped.

While the meeting talks about its *Opfølgning* item, the secretary goes down the list of the
action items the body's earlier meetings left open and marks each as the meeting says; one
carried to the next meeting stays open and comes back on its *Opfølgning*.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from referent.live import LiveMeeting
from referent.model import ActionState
from referent.store import FollowUp
from referent.ui.dialogs.actions import add_columns
from referent.ui.dialogs.base import Dialog
from referent.ui.i18n import t

FIXED_COLUMNS = (("Status", 12), ("Who", 16), ("By when", 14), ("From", 10))


def state_word(state: str) -> str:
    """Where a follow-up stands (``FollowUp.state_at``), in the user's language."""
    return {"open": t("open"), "done": t("done"), "dropped": t("dropped"), "carried": t("carried")}[state]


class FollowUpsDialog(Dialog[None]):
    """The follow-ups of earlier meetings: d done, c carried, x dropped, Esc back."""

    BINDINGS = [
        Binding("escape,f7", "close", "Back", id="follow_ups_close"),
        Binding("d", "mark('done')", "Done", id="follow_ups_done"),
        Binding("c", "mark('open')", "Carried", id="follow_ups_carried"),
        Binding("x", "mark('dropped')", "Dropped", id="follow_ups_dropped"),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self.follow_ups: list[FollowUp] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("Follow-ups from earlier meetings"), classes="dialog-title")
            yield DataTable(id="follow-ups", cursor_type="row")
            yield Static(t("No open follow-ups from earlier meetings."), id="no-follow-ups")
            yield Static(
                t("d: done   c: carried to the next meeting   x: dropped   Esc: back"), classes="dialog-note"
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        add_columns(table, self.size.width, FIXED_COLUMNS)
        self.show()
        table.focus()

    def show(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.follow_ups = self.live.follow_ups()
        for follow_up in self.follow_ups:
            table.add_row(
                state_word(follow_up.state_at(self.live.meeting_id)),
                follow_up.what,
                follow_up.who or "–",
                follow_up.due or "–",
                follow_up.meeting_date.strftime("%d.%m.%Y"),
            )
        table.display = bool(self.follow_ups)
        self.query_one("#no-follow-ups").display = not self.follow_ups
        if self.follow_ups:
            table.move_cursor(row=max(0, min(row, len(self.follow_ups) - 1)))

    def action_mark(self, state: str) -> None:
        table = self.query_one(DataTable)
        if not self.follow_ups or self.refused(self.live):
            return
        chosen = self.follow_ups[max(0, min(table.cursor_row, len(self.follow_ups) - 1))]
        self.live.mark_follow_up(chosen.action_id, ActionState(state))
        self.show()
        if table.cursor_row < len(self.follow_ups) - 1:
            table.move_cursor(row=table.cursor_row + 1)  # on to the next, as the meeting goes down the list
