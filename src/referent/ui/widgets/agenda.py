"""The agenda on the left of the live screen: one line per item, its state at a glance."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from referent.danish import format_time
from referent.model import Item, ItemStatus, Meeting

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


class AgendaList(OptionList):
    """The agenda: state mark, number, title cut to one line, planned time; items with minutes
    are bold. The full title is in the item's header on the right."""

    can_focus = False  # the editor keeps the focus; items are reached with keys or the mouse

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Meeting, int] | None = None
        self._prompts: list[Text] = []

    def show(self, meeting: Meeting, current: int) -> None:
        self._shown = (meeting, current)
        width = self.scrollable_content_region.width or 40
        lines = [self._line(index, item, index == current, width) for index, item in enumerate(meeting.items)]
        if len(lines) == len(self._prompts):  # rebuilding every row is slow on a long agenda
            for index, (old, new) in enumerate(zip(self._prompts, lines, strict=True)):
                if old != new:
                    self.replace_option_prompt_at_index(index, new)
        else:
            self.set_options(Option(line, id=f"item-{index}") for index, line in enumerate(lines))
        self._prompts = lines
        self.highlighted = current

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None:
            self._prompts = []
            self.show(*self._shown)

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
        title_style = "bold" if item.minutes.strip() else "dim" if item.status is ItemStatus.WITHDRAWN else ""
        line = Text(f"{mark} ", style=style)
        line.append(prefix + title, style=title_style)
        if suffix:
            pad = max(0, width - line.cell_len - suffix.cell_len)
            line.append(" " * pad)
            line.append_text(suffix)
        return line
