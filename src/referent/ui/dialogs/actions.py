"""Every action item (opfølgning) of the meeting in one list, to read, edit and delete."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from referent.live import LiveMeeting
from referent.model import ActionItem
from referent.ui.dialogs.base import Dialog
from referent.ui.dialogs.choice import ConfirmDialog
from referent.ui.dialogs.form import ActionDialog
from referent.ui.i18n import t

FIXED_COLUMNS = (("Item", 5), ("Who", 18), ("By when", 16))


def add_columns(table: DataTable[str], width: int, columns: tuple[tuple[str, int], ...]) -> None:
    """The first of ``columns``, then "What" with the width the dialog has left (it is at most
    the screen's ``width``), then the rest of ``columns``."""
    inner = min(100, width) - 4
    what = max(16, inner - sum(column_width + 2 for _, column_width in columns) - 2)
    (first, first_width), *rest = columns
    table.add_column(t(first), width=first_width)
    table.add_column(t("What"), width=what)
    for label, column_width in rest:
        table.add_column(t(label), width=column_width)


class ActionsDialog(Dialog[None]):
    """Item, what, who, by when; Enter edits the highlighted one, d deletes it."""

    BINDINGS = [
        Binding("escape,f9", "close", "Back", id="actions_close"),
        Binding("enter,e", "edit", "Edit", id="actions_edit"),
        Binding("d,delete", "delete", "Delete", id="actions_delete"),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self.rows: list[tuple[int, int]] = []
        """(item index, position among the item's action items) of each row."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("Actions list"), classes="dialog-title")
            yield DataTable(id="actions", cursor_type="row")
            yield Static(t("No action items yet."), id="no-actions")
            yield Static(t("Enter or e: edit   d or Del: delete   Esc: back"), classes="dialog-note")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        add_columns(table, self.size.width, FIXED_COLUMNS)
        self.show()
        table.focus()

    def show(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.rows = []
        for index, item in enumerate(self.live.meeting.items):
            for position, action in enumerate(item.actions):
                self.rows.append((index, position))
                table.add_row(str(index + 1), action.what, action.who or "–", action.due or "–")
        table.display = bool(self.rows)
        self.query_one("#no-actions").display = not self.rows
        if self.rows:
            table.move_cursor(row=max(0, min(row, len(self.rows) - 1)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # Enter on a row: the table's own key
        self.action_edit()

    def _highlighted(self) -> tuple[int, int] | None:
        table = self.query_one(DataTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def action_edit(self) -> None:
        chosen = self._highlighted()
        if chosen is None or self.refused(self.live):
            return
        index, position = chosen

        def edited(action: ActionItem) -> None:
            self.live.update_action(index, position, action)
            self.show()

        title = f"{t('Action item')}: {index + 1}. {self.live.meeting.items[index].title}"
        self.ask(ActionDialog(title, self.live.meeting.items[index].actions[position]), edited)

    def action_delete(self) -> None:
        chosen = self._highlighted()
        if chosen is None or self.refused(self.live):
            return
        index, position = chosen
        action = self.live.meeting.items[index].actions[position]

        def confirmed(yes: bool) -> None:
            if yes:
                self.live.delete_action(index, position)
                self.show()

        question = t("Delete the action item '{what}'?", what=action.what)
        self.ask(ConfirmDialog(question, t("Delete"), safe_no=True), confirmed)
