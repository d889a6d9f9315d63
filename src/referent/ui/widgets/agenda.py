"""The agenda on the left of the live screen: one line per item, its state at a glance.

Moving to the next item costs the same at 30 and at 2,000 items: only the rows whose state
changed are drawn again. ``OptionList`` can replace a row's prompt, but it then forgets every
row's height and drawing; a row here is always one line high, so the replaced row is the only
one forgotten (``textual_compat.redraw_option``). A row is made only when it is drawn
(``LazyRow``): opening an agenda of 2,000 items makes the rows on screen, not 2,000.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from functools import partial

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events

from referent.danish import format_time
from referent.model import Item, ItemStatus, Meeting
from referent.ui.textual_compat import LazyRow, OneLineOptionList, redraw_option

STATE_MARKS = {
    ItemStatus.PENDING: ("·", "dim"),
    ItemStatus.TAKEN: ("✓", "green"),
    ItemStatus.POSTPONED: ("↷", "yellow"),
    ItemStatus.WITHDRAWN: ("✗", "red"),
}
MIN_TITLE = 18
"""Cells of the title kept before the planned time is left out of a narrow agenda."""
COMMENT_MARK = "✎"
"""The chair left a comment on the item that the secretary has not yet dealt with."""

_Signature = tuple[str, ItemStatus, bool, bool, bool, time | None, bool]


def _signature(item: Item, current: bool) -> _Signature:
    """Everything a row shows of its item: the row is drawn again only when this changes."""
    has_comment = any(not comment.done for comment in item.comments)
    return (item.title, item.status, item.has_minutes, has_comment, item.closed, item.start, current)


class AgendaList(OneLineOptionList):
    """The agenda: state mark, number, title cut to one line, planned time; items with minutes
    are bold. The full title is in the item's header on the right."""

    can_focus = False  # the editor keeps the focus; items are reached with keys or the mouse

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._meeting: Meeting | None = None
        self._current = 0
        self._width = 0
        self._signatures: list[_Signature] = []

    def show(self, meeting: Meeting, current: int, rows: Iterable[int] | None = None) -> None:
        """Show ``meeting`` with item ``current`` marked. ``rows``: the only items that may have
        changed since the last call besides the current one (then and now); None: any item may
        have (a meeting read again is always looked at whole)."""
        width = self.scrollable_content_region.width
        if not width:  # not laid out yet: the first resize shows it, cut to its width
            self._meeting, self._current = meeting, current
            return
        items = meeting.items
        if width != self._width or len(items) != len(self._signatures):
            self._signatures = [_signature(item, index == current) for index, item in enumerate(items)]
            self.set_options(
                LazyRow(partial(self._line, index, item, index == current, width), id=f"item-{index}")
                for index, item in enumerate(items)
            )
        else:
            whole = rows is None or meeting is not self._meeting
            indexes = range(len(items)) if whole else {self._current, current, *(rows or ())}
            for index in indexes:
                if not 0 <= index < len(items):
                    continue
                signature = _signature(items[index], index == current)
                if signature != self._signatures[index]:
                    self._signatures[index] = signature
                    self._replace_row(index, self._line(index, items[index], index == current, width))
        self._meeting, self._current, self._width = meeting, current, width
        self.highlighted = current

    def _replace_row(self, index: int, prompt: Text) -> None:
        """Draw one row again, keeping what is known of every other row."""
        redraw_option(self, index, prompt)

    def on_resize(self, event: events.Resize) -> None:
        if self._meeting is not None:
            self._width = 0  # every row is cut to the new width
            self.show(self._meeting, self._current)

    @staticmethod
    def _line(index: int, item: Item, current: bool, width: int) -> Text:
        mark, style = ("▶", "bold reverse") if current else STATE_MARKS[item.status]
        prefix = f"{index + 1}. "
        suffix = Text()
        if any(not comment.done for comment in item.comments):
            suffix.append(f" {COMMENT_MARK}", style="bold yellow")
        if item.closed:
            suffix.append(" 🔒", style="magenta")
        room = width - 2 - cell_len(prefix) - suffix.cell_len
        if item.start and room - 6 >= MIN_TITLE:  # the planned time only where the title keeps room
            suffix.append(f" {format_time(item.start)}", style="dim")
            room -= 6
        room = max(4, room)
        title = item.title if cell_len(item.title) <= room else set_cell_size(item.title, room - 1) + "…"
        title_style = "bold" if item.has_minutes else "dim" if item.status is ItemStatus.WITHDRAWN else ""
        line = Text(f"{mark} ", style=style)
        line.append(prefix + title, style=title_style)
        if suffix:
            pad = max(0, width - line.cell_len - suffix.cell_len)
            line.append(" " * pad)
            line.append_text(suffix)
        return line
