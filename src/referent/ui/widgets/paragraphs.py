"""The correction screen's list of a Word document's paragraphs: one line each, what it became.

A 40-page agenda has about a thousand paragraphs and every correction changes what many of
them became, so the list draws only the lines on screen (Textual's line API) and takes a new
reading whole without building a widget per row.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from referent.importing.word.corrections import Placed, Role

ROLE_TAGS = {
    Role.TEXT: ("·", "dim"),
    Role.HEADER: ("H", "bold blue"),
    Role.PARTICIPANT: ("P", "bold magenta"),
}
"""What a row shows for a paragraph that is no item (an item shows its number); H and P are
the keys that make a line a header line or a participant."""
UNCERTAIN = ("?", "bold black on yellow")
MARKED = ("✎", "cyan")
"""The paragraph's role is the secretary's, not the reader's."""
IN_TABLE = "┆"


class ParagraphList(ScrollView, can_focus=True):
    """The paragraphs, the selected one highlighted; arrows, PgUp/PgDn, Home/End move."""

    BINDINGS = [
        Binding("up", "move(-1)", "", show=False),
        Binding("down", "move(1)", "", show=False),
        Binding("pageup", "page(-1)", "", show=False),
        Binding("pagedown", "page(1)", "", show=False),
        Binding("home", "move_to(0)", "", show=False),
        Binding("end", "move_to(-1)", "", show=False),
    ]

    COMPONENT_CLASSES = {"paragraph-list--cursor"}
    DEFAULT_CSS = """
    ParagraphList {
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .paragraph-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .paragraph-list--cursor {
            background: $block-cursor-background;
        }
    }
    """

    @dataclass
    class Moved(Message):
        """The selection moved to row ``index``."""

        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Placed] = []
        self.cursor = 0
        self._number_width = 1

    def show(self, rows: list[Placed]) -> None:
        """A new reading of the same document: the selection stays on its row."""
        self.rows = rows
        self._number_width = len(str(max((p.paragraph for p in rows), default=1)))
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self.refresh()

    @property
    def selected(self) -> Placed | None:
        return self.rows[self.cursor] if self.rows else None

    def select(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index != self.cursor:
            self.refresh_line(self.cursor)
            self.cursor = index
            self.refresh_line(index)
        self.scroll_to_region(Region(0, index, 1, 1), animate=False, immediate=True)
        self.post_message(self.Moved(index))

    def refresh_line(self, index: int) -> None:
        y = index - int(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def action_move(self, step: int) -> None:
        self.select(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.select(self.cursor + direction * max(1, self.size.height - 1))

    def action_move_to(self, index: int) -> None:
        self.select(index if index >= 0 else len(self.rows) - 1)

    def on_click(self, event: events.Click) -> None:
        self.select(int(self.scroll_offset.y) + event.y)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        line = self.line(self.rows[index], width)
        strip = Strip(list(line.render(self.app.console))).adjust_cell_length(width)
        strip = strip.apply_style(self.rich_style)
        if index == self.cursor:  # the whole row, over what each part's own style says
            cursor = self.get_component_rich_style("paragraph-list--cursor", partial=True)
            strip = Strip([Segment(text, (style or Style()) + cursor, ctrl) for text, style, ctrl in strip])
        return strip

    def line(self, placed: Placed, width: int) -> Text:
        """``  12 ?✎  3. Regnskab 2022``: ¶, doubt, whose, what it became, its text."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{placed.paragraph:>{self._number_width}} ", style="dim")
        text.append(*(UNCERTAIN if placed.uncertain else (" ", "")))
        text.append(*(MARKED if placed.marked else (" ", "")))
        if placed.role is Role.ITEM:
            text.append(f"{placed.item or '':>3}. ", style="bold green")
            style = "bold"
        else:
            tag, tag_style = ROLE_TAGS[placed.role]
            text.append(f"{tag:>4} ", style=tag_style)
            style = "dim" if placed.role is Role.TEXT and placed.item is None else ""
        if placed.in_table:
            text.append(IN_TABLE, style="dim")
        text.append(placed.text, style=style)
        text.truncate(width, overflow="ellipsis")
        return text

    def on_focus(self, event: events.Focus) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self, event: events.Blur) -> None:
        self.refresh_line(self.cursor)
