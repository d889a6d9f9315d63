"""Take attendance: the invited participants in their groups, then guests; one key a mark."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from referent.live import LiveMeeting
from referent.model import Attendance, Participant
from referent.ui.base import ReferentScreen
from referent.ui.dialogs.ask import AskScreen
from referent.ui.i18n import t

MARKS = {
    Attendance.UNKNOWN: ("?", "dim"),
    Attendance.PRESENT: (lambda: t("Present"), "green"),
    Attendance.ABSENT: (lambda: t("Absent"), "red"),
    Attendance.REMOTE: (lambda: t("Remote"), "cyan"),
}


class AttendanceScreen(ReferentScreen, Screen[None]):
    """Arrows choose a person; p/a/r/s/l/e mark them; A marks everyone not yet marked present."""

    BINDINGS = [
        Binding("escape,f2", "close", "Back", id="attendance_close", priority=True),
        Binding("f1", "help", "Help", id="attendance_help"),
        Binding("p", "mark('present')", "Present", id="mark_present"),
        Binding("a", "mark('absent')", "Absent", tooltip="Absent (afbud)", id="mark_absent"),
        Binding("r", "mark('remote')", "Remote", id="mark_remote"),
        Binding("s", "substitute", "Substitute", id="mark_substitute"),
        Binding("A", "everyone", "All present", tooltip="Everyone present", id="everyone_present"),
        Binding("l", "arrived", "Late", tooltip="Arrived at item", id="mark_arrived"),
        Binding("e", "left", "Left", tooltip="Left after item", id="mark_left"),
        Binding("g", "add(True)", "Guest", tooltip="Add guest", id="add_guest"),
        Binding("n", "add(False)", "Add", tooltip="Add participant", id="add_participant"),
        Binding("c", "clear", "Clear", id="mark_clear"),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live

    def compose(self) -> ComposeResult:
        yield Static(f" {t('Attendance')} · {self.live.meeting.title}", id="title-bar")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static(id="attendance-counts")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("Attendance"), width=13)
        table.add_column(t("Name"), width=30)
        table.add_column(t("Role"), width=44)
        table.add_column("", width=20)
        self.show()
        table.focus()

    def show(self) -> None:
        """One row per person under their group's heading, as the minutes will list them."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        group = ""
        for person_id, person, guest in self.live.people():
            heading = t("Guests") if guest else person.group
            if heading and heading != group:
                table.add_row("", Text(heading, style="bold italic"), "", "", key=f"group-{person_id}")
            group = heading
            role = person.role + (f" ({person.marker})" if person.marker else "")
            table.add_row(
                self._mark(person),
                Text(person.name, style="bold"),
                role,
                self._note(person),
                key=str(person_id),
            )
        table.move_cursor(row=max(0, min(row, table.row_count - 1)))
        present, absent, unknown = self.live.counts()
        self.query_one("#attendance-counts", Static).update(
            f" {present} {t('present')}, {absent} {t('absent')}, {unknown} {t('not marked')}"
        )

    @staticmethod
    def _mark(person: Participant) -> Text:
        label, style = MARKS[person.attendance]
        return Text(label() if callable(label) else str(label), style=style)

    def _note(self, person: Participant) -> str:
        notes = []
        if person.substitute:
            notes.append(f"→ {person.substitute}")
        if person.arrived_at:
            notes.append(f"{t('Arrived at item')} {person.arrived_at}")
        if person.left_after:
            notes.append(f"{t('Left after item')} {person.left_after}")
        return "; ".join(notes)

    def _selected(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None and key.isdigit() else None  # not on a group heading

    def action_mark(self, attendance: str) -> None:
        person_id = self._selected()
        if person_id is not None and not self.live.read_only:
            self.live.mark(person_id, Attendance(attendance))
            self.show()
            self.query_one(DataTable).action_cursor_down()

    def action_clear(self) -> None:
        person_id = self._selected()
        if person_id is not None and not self.live.read_only:
            self.live.mark(person_id, Attendance.UNKNOWN)
            self.live.arrived_at(person_id, None)
            self.live.left_after(person_id, None)
            self.show()

    def action_everyone(self) -> None:
        if not self.live.read_only:
            self.live.mark_everyone_present()
            self.show()

    def action_substitute(self) -> None:
        person_id = self._selected()
        if person_id is None or self.live.read_only:
            return

        def answered(answer: list[str] | None) -> None:
            if answer:
                self.live.mark(person_id, Attendance.ABSENT, substitute=answer[0])
                self.show()

        self.app.push_screen(AskScreen(t("Who attends instead?"), [(t("Name"), "")]), answered)

    def _ask_item(self, title: str, store: str) -> None:
        person_id = self._selected()
        if person_id is None or self.live.read_only:
            return

        def answered(answer: list[str] | None) -> None:
            if not answer:
                return
            number = answer[0]
            if not number.isdigit() or not 1 <= int(number) <= len(self.live.item_ids):
                self.notify(t("There is no item {number}.", number=number), severity="warning")
                return
            getattr(self.live, store)(person_id, int(number) - 1)
            self.show()

        default = str(self.live.current + 1)
        self.app.push_screen(AskScreen(title, [(t("Item number"), default)]), answered)

    def action_arrived(self) -> None:
        self._ask_item(t("Arrived at item"), "arrived_at")

    def action_left(self) -> None:
        self._ask_item(t("Left after item"), "left_after")

    def action_add(self, guest: bool) -> None:
        if self.live.read_only:
            return

        def answered(answer: list[str] | None) -> None:
            if answer:
                self.live.add_person(answer[0], answer[1], guest=guest)
                self.show()
                table = self.query_one(DataTable)
                table.move_cursor(row=table.get_row_index(str(self._last_added(guest))))

        title = t("Name of the guest") if guest else t("Name of the participant")
        self.app.push_screen(AskScreen(title, [(t("Name"), ""), (t("Role"), "")]), answered)

    def _last_added(self, guest: bool) -> int:
        return (self.live.guest_ids if guest else self.live.participant_ids)[-1]

    def action_close(self) -> None:
        self.dismiss(None)
