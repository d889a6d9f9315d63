"""Every action item (opfølgning) of the meeting in one list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from referent.model import Meeting
from referent.ui.base import ReferentScreen
from referent.ui.i18n import t


class ActionsScreen(ReferentScreen, ModalScreen[None]):
    """Read-only overview: item, what, who, by when."""

    BINDINGS = [Binding("escape,f9", "close", "Back", id="close")]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("Actions list"), classes="dialog-title")
            rows = [
                (str(number), action.what, action.who, action.due)
                for number, item in enumerate(self.meeting.items, start=1)
                for action in item.actions
            ]
            if rows:
                table: DataTable[str] = DataTable(cursor_type="row")
                table.add_columns(t("Item"), t("What"), t("Who"), t("By when"))
                table.add_rows(rows)
                yield table
            else:
                yield Static(t("No action items yet."))

    def action_close(self) -> None:
        self.dismiss(None)
