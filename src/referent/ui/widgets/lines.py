"""Lines of text in a scrolling pane, each drawn only when it is on screen.

The correction screen's meeting as read has a line per item: a ``Static`` of a 12,000-item
agenda wrapped and drew all of them again on every arrow key (1.5 s a key). Here a line is
made when it is drawn, and moving the highlight draws two lines again.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class TextLines(ScrollView):
    """``(text, style)`` lines, one row each, cut with an ellipsis; one of them highlighted."""

    DEFAULT_CSS = """
    TextLines {
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: list[tuple[str, str]] = []
        self.highlighted: int | None = None
        """The line shown reversed (None: none)."""

    def show(self, lines: list[tuple[str, str]]) -> None:
        """New lines (the highlight is kept on its line number)."""
        self.lines = lines
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines))
        self.refresh()

    def highlight(self, line: int | None) -> None:
        """Highlight ``line`` (None: nothing), and scroll it into the middle when it is out of sight."""
        if line == self.highlighted:
            return
        for old_or_new in (self.highlighted, line):
            if old_or_new is not None:
                self.refresh_line(old_or_new)
        self.highlighted = line
        height = self.scrollable_content_region.height
        if line is not None and not self.scroll_y <= line < self.scroll_y + height:
            self.scroll_to(y=max(0, line - height // 2), animate=False, immediate=True)

    def refresh_line(self, line: int) -> None:
        y = line - int(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.lines))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        if not 0 <= index < len(self.lines):
            return Strip.blank(width, self.rich_style)
        content, style = self.lines[index]
        if index == self.highlighted:
            style = f"{style} reverse".strip()
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(content, style=style)  # (a Text's own style is not in what ``render`` gives)
        text.truncate(width, overflow="ellipsis")
        strip = Strip(list(text.render(self.app.console))).adjust_cell_length(width)
        return strip.apply_style(self.rich_style)
