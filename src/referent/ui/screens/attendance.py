"""Take attendance: the invited participants in their groups, then guests; one key a mark."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Static

from referent.live import LiveMeeting
from referent.model import Attendance, Participant
from referent.ui.base import ReferentScreen
from referent.ui.dialogs.form import ItemDialog, NewPerson, PersonDialog, TextDialog
from referent.ui.i18n import t
from referent.ui.widgets.keyhints import KeyHints

MARKS = {
    Attendance.UNKNOWN: ("?", "dim"),
    Attendance.PRESENT: ("Present", "green"),
    Attendance.ABSENT: ("Absent", "red"),
    Attendance.REMOTE: ("Remote", "cyan"),
}
HEADING = "heading-"
"""Row keys of group headings start with this; people's row keys are their ids."""
NAME_MAX = 32
"""A name longer than this is cut (with an ellipsis); every name of the samples fits."""
ROLE_MIN = 10
"""The role column never gets less: it gives way to the names and the notes first."""


class AttendanceScreen(ReferentScreen, Screen[None]):
    """Arrows choose a person; p/a/r/s/l/e mark them and move on; A marks everyone not yet
    marked present."""

    BINDINGS = [
        Binding("escape,f2", "close", "Back", id="attendance_close", priority=True),
        Binding("f1", "help", "Help", id="attendance_help"),
        Binding("p", "mark('present')", "Present", id="attendance_present"),
        Binding("a", "mark('absent')", "Absent", tooltip="Absent (afbud)", id="attendance_absent"),
        Binding("r", "mark('remote')", "Remote", id="attendance_remote"),
        Binding("s", "substitute", "Substitute", id="attendance_substitute"),
        Binding("A", "everyone", "All present", tooltip="Everyone present", id="attendance_everyone"),
        Binding("l", "arrived", "Late", tooltip="Arrived at item", id="attendance_arrived"),
        Binding("e", "left", "Left", tooltip="Left after item", id="attendance_left"),
        Binding("g", "add(True)", "Guest", tooltip="Add guest", id="attendance_add_guest"),
        Binding("n", "add(False)", "Add", tooltip="Add participant", id="attendance_add_participant"),
        Binding("c", "clear", "Clear", id="attendance_clear"),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self._row = 0
        """The row the cursor was on, to know which way it moved."""

    def compose(self) -> ComposeResult:
        yield Static(f" {t('Attendance')} · {self.live.meeting.title}", id="title-bar")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True, cell_padding=0)
        yield Static(id="attendance-counts")
        yield KeyHints()

    def on_mount(self) -> None:
        self.show()
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.show()

    def _columns(self, table: DataTable[object], people: list[tuple[int, Participant, bool]]) -> list[int]:
        """Mark, name, the notes (substitute, late, left), then the role, which gets what is
        left: a name is shown whole (up to ``NAME_MAX``), the notes as long as they are, an
        empty note column takes only its label's width. Adds the columns, returns the widths."""
        width = max(self.size.width, 60) - 2  # the table's scrollbar
        labels = [t(label) for label in ("Attendance", "Name", "Note", "Role")]
        marks = [self._mark(person).plain for _, person, _ in people] or ["?"]
        names = [person.name for _, person, _ in people]
        notes = [self._note(person) for _, person, _ in people]
        mark = max(cell_len(text) for text in (labels[0], *marks)) + 2
        name = min(NAME_MAX, max(cell_len(text) for text in (labels[1], *names))) + 2
        note = max(cell_len(text) for text in (labels[2], *notes)) + 2
        note = max(cell_len(labels[2]) + 2, min(note, width - mark - name - ROLE_MIN))
        role = max(ROLE_MIN, width - mark - name - note)
        widths = [mark, name, note, role]
        for label, column_width in zip(labels, widths, strict=True):
            table.add_column(_cell(label, column_width), width=column_width)
        return widths

    def show(self) -> None:
        """One row per person under their group's heading, as the minutes will list them."""
        table: DataTable[object] = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        people = self.live.people()
        widths = self._columns(table, people)
        group = ""
        for person_id, person, guest in people:
            heading = t("Guests") if guest else person.group
            if heading and heading != group:
                cells = _heading_cells(heading, widths)
                table.add_row(*cells, key=f"{HEADING}{person_id}", height=cells[0].plain.count("\n") + 1)
            group = heading
            role = person.role + (f" ({person.marker})" if person.marker else "")
            mark = self._mark(person)
            table.add_row(
                _cell(mark.plain, widths[0], str(mark.style)),
                _cell(person.name, widths[1], "bold"),
                _cell(self._note(person), widths[2]),
                _cell(role, widths[3]),
                key=str(person_id),
            )
        self._row = max(0, min(row, table.row_count - 1))
        table.move_cursor(row=self._row)
        self._off_heading(1)
        present, absent, unknown = self.live.counts()
        self.query_one("#attendance-counts", Static).update(
            f" {present} {t('present')}, {absent} {t('absent')}, {unknown} {t('not marked')}"
        )

    @staticmethod
    def _mark(person: Participant) -> Text:
        label, style = MARKS[person.attendance]
        return Text(t(label) if label != "?" else label, style=style)

    def _note(self, person: Participant) -> str:
        notes = []
        if person.substitute:
            notes.append(f"→ {person.substitute}")
        if person.arrived_at:
            notes.append(t("from item {number}", number=person.arrived_at))
        if person.left_after:
            notes.append(t("until item {number}", number=person.left_after))
        return "; ".join(notes)

    # --- the cursor: on people only ------------------------------------------------------

    def _is_heading(self, row: int) -> bool:
        table = self.query_one(DataTable)
        key = table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value
        return key is not None and key.startswith(HEADING)

    def _off_heading(self, direction: int) -> None:
        """Group headings are not people: the cursor moves past them in ``direction``."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        while 0 <= row < table.row_count and self._is_heading(row):
            row += direction
        if not 0 <= row < table.row_count:  # a heading at the very end or start: turn back
            row = table.cursor_row
            while 0 <= row < table.row_count and self._is_heading(row):
                row -= direction
        if 0 <= row < table.row_count and row != table.cursor_row:
            table.move_cursor(row=row)
        self._row = table.cursor_row

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """An arrow key or a click landed on a row: off a heading, the way the cursor went.

        Only the row the cursor is on now counts: rebuilding the table posts highlights of
        rows it passed through (row 0 among them), which arrive after the cursor moved on.
        Taken for a move up, such a highlight sent the cursor back from the heading a mark
        had moved it onto, so every later mark fell on the last person of the group."""
        row = event.cursor_row
        if row != self.query_one(DataTable).cursor_row:
            return
        if self._is_heading(row):
            self._off_heading(1 if row >= self._row else -1)
        else:
            self._row = row

    def _selected(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None and key.isdigit() else None

    def _next(self) -> None:
        """On to the next person after a mark, past any group heading; the last one stays."""
        table = self.query_one(DataTable)
        row = table.cursor_row + 1
        while row < table.row_count and self._is_heading(row):
            row += 1
        if row < table.row_count:
            table.move_cursor(row=row)
            self._row = row

    # --- marking ---------------------------------------------------------------------------

    def _person_to_change(self) -> tuple[int, Participant] | None:
        """The highlighted person, if a mark may be changed now (else say why)."""
        person_id = self._selected()
        if person_id is None or self.refused(self.live):
            return None
        return person_id, self.live.person(person_id)

    def action_mark(self, attendance: str) -> None:
        chosen = self._person_to_change()
        if chosen is not None:
            self.live.mark(chosen[0], Attendance(attendance))
            self.show()
            self._next()

    def action_clear(self) -> None:
        chosen = self._person_to_change()
        if chosen is not None:
            person_id = chosen[0]
            self.live.mark(person_id, Attendance.UNKNOWN)
            self.live.arrived_at(person_id, None)
            self.live.left_after(person_id, None)
            self.show()

    def action_everyone(self) -> None:
        if not self.refused(self.live):
            self.live.mark_everyone_present()
            self.show()

    def action_substitute(self) -> None:
        chosen = self._person_to_change()
        if chosen is None:
            return
        person_id, person = chosen

        def answered(name: str) -> None:
            self.live.mark(person_id, Attendance.ABSENT, substitute=name)
            self.show()
            self._next()

        title = t("Who attends instead of {name}?", name=person.name)
        self.ask(TextDialog(title, t("Name of the substitute (empty: none)"), person.substitute), answered)

    def _ask_item(self, title: str, record: Callable[[int, int | None], None]) -> None:
        chosen = self._person_to_change()
        if chosen is None:
            return
        person_id, person = chosen

        def answered(index: int) -> None:
            record(person_id, index)
            self.show()
            self._next()

        dialog = ItemDialog(title.format(name=person.name), len(self.live.item_ids), self.live.current)
        self.ask(dialog, answered)

    def action_arrived(self) -> None:
        self._ask_item(t("{name} arrived at item"), self.live.arrived_at)

    def action_left(self) -> None:
        self._ask_item(t("{name} left after item"), self.live.left_after)

    def action_add(self, guest: bool) -> None:
        if self.refused(self.live):
            return

        def answered(person: NewPerson) -> None:
            person_id = self.live.add_person(person.name, person.role, guest=guest)
            self.show()
            table = self.query_one(DataTable)
            table.move_cursor(row=table.get_row_index(str(person_id)))

        title = t("Name of the guest") if guest else t("Name of the participant")
        self.ask(PersonDialog(title), answered)

    def action_close(self) -> None:
        self.dismiss(None)


def _cell(text: str, width: int, style: str = "") -> Text:
    """A cell's text with its own space each side (the table has no padding: see
    ``_heading_cells``), cut with an ellipsis when it is wider than the column."""
    cell = Text(text, style=style)
    cell.truncate(max(width - 2, 1), overflow="ellipsis")
    return Text.assemble(" ", cell, " ")


def _heading_cells(heading: str, widths: list[int]) -> list[Text]:
    """A group heading across the whole row: the heading's lines cut at the columns' edges.

    The table has no padding of its own between columns, so the pieces meet exactly and the
    heading reads as one line over the table (a heading cut word by word into the columns had
    gaps in it, and a long word was cut off)."""
    total = sum(widths)
    lines = [f" {line}".ljust(total) for line in textwrap.wrap(heading, max(total - 2, 1)) or [""]]
    cells = []
    start = 0
    for width in widths:
        piece = "\n".join(line[start : start + width] for line in lines)
        cells.append(Text(piece, style="bold italic"))
        start += width
    return cells
