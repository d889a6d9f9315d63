"""Mark who does not take part in the current item (inhabilitet)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static

from referent.live import LiveMeeting
from referent.ui.base import ReferentScreen
from referent.ui.i18n import t


class ConflictScreen(ReferentScreen, ModalScreen[None]):
    """Space toggles a participant; each toggle is stored at once."""

    BINDINGS = [Binding("escape", "close", "Back", id="close")]

    def __init__(self, live: LiveMeeting, index: int) -> None:
        super().__init__()
        self.live = live
        self.index = index

    def compose(self) -> ComposeResult:
        conflicts = self.live.meeting.items[self.index].conflicts
        people = [(person.name, person.name, person.name in conflicts) for _, person, _ in self.live.people()]
        with Vertical(classes="dialog wide"):
            yield Label(t("Who does not take part in this item?"), classes="dialog-title")
            yield SelectionList[str](*people, id="people")
            yield Static(t("Space or Enter: mark / unmark   Esc: back"), classes="dialog-note")

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        self.live.toggle_conflict(self.index, event.selection.value)

    def action_close(self) -> None:
        self.dismiss(None)
