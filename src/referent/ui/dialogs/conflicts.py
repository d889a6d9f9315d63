"""Mark who does not take part in the current item (inhabilitet)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, SelectionList, Static

from referent.live import LiveMeeting
from referent.model import Attendance
from referent.ui.dialogs.base import Dialog
from referent.ui.i18n import t


class ConflictDialog(Dialog[None]):
    """Space toggles a person present; each toggle is stored at once."""

    BINDINGS = [Binding("escape", "close", "Back", id="conflicts_close")]

    def __init__(self, live: LiveMeeting, index: int) -> None:
        super().__init__()
        self.live = live
        self.index = index

    def compose(self) -> ComposeResult:
        item = self.live.meeting.items[self.index]
        names = self.live.conflict_candidates(self.index)
        people = [(name, name, name in item.conflicts) for name in names]
        with Vertical(classes="dialog wide"):
            title = f"{t('Who does not take part in this item?')} {self.index + 1}. {item.title}"
            yield Label(title, classes="dialog-title")
            present = (Attendance.PRESENT, Attendance.REMOTE)
            if not any(person.attendance in present for _, person, _ in self.live.people()):
                note = t("Attendance is not taken yet: everyone not marked absent is listed.")
                yield Static(note, classes="dialog-note")
            yield SelectionList[str](*people, id="people")
            yield Static(t("Space or Enter: mark / unmark   Esc: back"), classes="dialog-note")

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        if self.refused(self.live):
            return
        self.live.toggle_conflict(self.index, event.selection.value)
