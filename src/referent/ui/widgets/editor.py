"""The minutes editor: a TextArea that stays fast in a paragraph of 20,000 words.

Textual's ``TextArea`` draws each screen row of a soft-wrapped line by styling the whole
line and cutting it into all its wrapped sections (``Text.divide``), then keeping one:
a 20,000-word paragraph costs ~40 ms a row, ~1 s for a screenful, on every key. The
editor here draws a row from its own section only, with the same styles clipped to it
(the same ``Strip``: the tests compare row by row with Textual's), and wraps
incrementally (``IncrementalWrappedDocument``). Rows the fast path does not cover (line
numbers, syntax highlighting, suggestions, lines that fit) are drawn by Textual itself.
Per key, TextArea also measures the line up to the cursor for a Tab that was not pressed,
and a word jump lists every word boundary from the start of the line: both are skipped.

A key repaints only the rows it changed (TextArea repaints the whole editor whenever the
cursor moves), and a new screen row neither lays the screen out again nor waits for the next
key to come into view (``refresh_size``), so a key at the end of a long paragraph costs what
it costs in a one-line item (``bench/paragraph_bench.py``). What Textual does privately is
reached through ``referent.ui.textual_compat`` only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.expand_tabs import expand_text_tabs_from_widths
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Location, Selection, WrappedDocument

from referent.textclean import clean_text
from referent.ui.textual_compat import TextAreaParts, bindings_map, wrap_settings
from referent.ui.typeahead import run_own_binding
from referent.ui.widgets.wrapping import IncrementalWrappedDocument

_Styles = list[tuple[Style | None, int, int]]
WORD_WINDOW = 256
"""Characters looked at, at first, for the word boundary before the cursor."""
ROWS_KEPT = 4
"""Drawn rows kept, in screenfuls: a row drawn again unchanged is taken from them."""

EDITING_ACTIONS = {
    "delete_left",
    "delete_right",
    "delete_word_left",
    "delete_word_right",
    "delete_line",
    "delete_to_start_of_line",
    "delete_to_end_of_line",
    "delete_to_end_of_line_or_delete_line",
    "cut",
    "paste",
    "undo",
    "redo",
}
"""The text area's own keys that change the text (for these a read-only editor says why)."""


def _editing_keys() -> frozenset[str]:
    keys: set[str] = set()
    for binding in TextArea.BINDINGS:
        if not isinstance(binding, tuple) and binding.action in EDITING_ACTIONS:
            keys.update(binding.key.split(","))
    return frozenset(keys)


class MinutesEditor(TextAreaParts):
    """The minutes text area: pasted text is cleaned of characters Word cannot hold, a long
    paragraph is wrapped and drawn around the cursor only, and in minutes that may not change
    a key that would change them is answered with ``Refused``."""

    class Refused(Message):
        """Typing, deleting or pasting was refused: the editor is read-only."""

    class NoSuchKey(Message):
        """Alt and a letter that no binding took: nothing is typed (say so)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    EDITING_KEYS = _editing_keys()
    TAKING_BACK = frozenset(("undo", "redo"))
    """Actions that take back (or bring back) a batch of typing: Ctrl+Z, Ctrl+Y."""

    _incremental_wrap: IncrementalWrappedDocument
    _key_is_not_tab = False
    _rows: dict[tuple[object, ...], Strip] | None = None
    _bracket_shown: Location | None = None

    selection: Reactive[Selection] = reactive(Selection(), init=False, always_update=True, repaint=False)
    """As TextArea's, but a moved cursor repaints only the rows it changes (``watch_selection``),
    not the whole editor: at the end of a long paragraph that was a screenful of text a key."""

    def __init__(
        self, *args: Any, before_taking_back: Callable[[], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.before_taking_back = before_taking_back
        """Called before an undo or redo runs: the screen saves the wording it takes back."""

    async def on_paste(self, event: events.Paste) -> None:
        if self.read_only:
            self.post_message(self.Refused())
        event.text = clean_text(event.text)  # the TextArea's own handler inserts it after us

    async def on_key(self, event: events.Key) -> None:
        self._key_is_not_tab = event.key != "tab"  # the TextArea's own handler runs after us
        if event.key.startswith("alt+") and event.is_printable:
            # A terminal sends Alt+X as Esc then x, read as "alt+x" with the character x: a
            # key the secretary meant as a command (a phrase key misremembered), not a letter.
            # The bound ones (the phrases) never get here: their bindings take them first.
            event.prevent_default()  # TextArea's own handler would type the letter
            self.post_message(self.NoSuchKey(event.key))
            return
        if self.read_only and (
            event.is_printable or event.key in ("enter", "tab") or event.key in self.EDITING_KEYS
        ):
            self.post_message(self.Refused())
        if event.is_printable:
            return  # typed by TextArea's own handler, after us
        bound = bindings_map(self).key_to_bindings.get(event.key, ())
        if self.before_taking_back is not None and any(b.action in self.TAKING_BACK for b in bound):
            self.before_taking_back()  # the wording it takes back is saved and kept first
        await run_own_binding(self, event)  # in the order typed, not once the key is back up

    def columns_to_next_tab_stop(self) -> int:
        """Spaces a Tab inserts. TextArea works this out for every key, measuring the whole
        line up to the cursor (milliseconds in a long paragraph); only Tab needs it."""
        if self._key_is_not_tab:
            self._key_is_not_tab = False
            return self.indent_width
        return super().columns_to_next_tab_stop()

    def get_cursor_word_left_location(self) -> Location:
        """Where Ctrl+Left (and Ctrl+W) goes: as TextArea's, looking back only as far as needed
        (TextArea lists every word boundary from the start of the line)."""
        row, column = self.cursor_location
        if row > 0 and column == 0:
            return super().get_cursor_word_left_location()
        text = self.document[row][:column].rstrip()
        size = WORD_WINDOW
        while True:  # (the pattern looks behind the window's start: its boundaries are the line's)
            begin = max(0, len(text) - size)
            boundaries = [match.start() for match in self.word_pattern.finditer(text, begin)]
            if boundaries or begin == 0:
                return row, boundaries[-1] if boundaries else 0
            size *= 2

    def get_cursor_word_right_location(self) -> Location:
        """Where Ctrl+Right goes: as TextArea's, stopping at the first word boundary."""
        row, column = self.selection.end
        line = self.document[row]
        if row < self.document.line_count - 1 and column == len(line):
            return super().get_cursor_word_right_location()
        rest = line[column:]
        stripped = rest.lstrip()
        boundary = self.word_pattern.search(stripped)
        return row, (column + len(rest) - len(stripped) + boundary.start() if boundary else len(line))

    @property
    def wrapped_document(self) -> IncrementalWrappedDocument:
        """The wrapped view of the document: always an incremental one."""
        return self._incremental_wrap

    @wrapped_document.setter
    def wrapped_document(self, wrapped: WrappedDocument) -> None:
        # TextArea builds a plain WrappedDocument (width 0, not wrapped yet) for every new
        # document; it is replaced here before anything wraps or navigates with it.
        if not isinstance(wrapped, IncrementalWrappedDocument):
            wrapped = IncrementalWrappedDocument(wrapped.document, *wrap_settings(wrapped))
        self._incremental_wrap = wrapped

    def render_row(self, y: int) -> Strip:
        """One screen row; a row of a wrapped line is drawn from its own section only."""
        if self.show_line_numbers or self.suggestion or self.has_highlights or not self.soft_wrap:
            return self.textual_row(y)
        wrapped = self.wrapped_document
        row = y + self.scroll_offset.y
        if row >= len(wrapped.offset_to_line_info):
            return self.textual_row(y)
        line_index, section = wrapped.offset_to_line_info[row]
        offsets = wrapped.get_offsets(line_index)
        line = self.document.get_line(line_index)
        if not offsets or not wrapped._is_plain(line):
            return self.textual_row(y)
        return self._render_section(line_index, line, offsets, section)

    def refresh_size(self) -> None:
        """The height of the wrapped text, for scrolling, and a repaint of the rows an edit changed.

        TextArea sets ``virtual_size``, which lays out the whole screen again whenever it changes
        (a new screen row: every ninety keys at the end of a paragraph), after it scrolled to the
        cursor with the old height: a key typed onto a new last row stayed out of sight until the
        next key (Textual 8.2.8). Here the new height is set without a layout, as Textual's own
        ``_size_updated`` does when none is needed (the editor's place on screen does not depend
        on its text), and then the cursor is scrolled into view, in the key's own frame."""
        if not self.soft_wrap or not self.is_mounted:
            super().refresh_size()
            return
        changed = self.wrapped_document.take_changed_rows()
        if changed is not None:  # (the rows the text changed in, and all below when rows moved)
            self._refresh_rows(*changed)
        size = Size(0, self.wrapped_document.height)
        if size == self.virtual_size:
            self.refresh_scrollbars()
            return
        self.set_height_without_layout(size)
        self.scroll_cursor_visible()

    def watch_selection(self, previous: Selection, selection: Selection) -> None:
        """Repaint the rows the cursor, the selection, the cursor's line or a matched bracket
        were or are in (after TextArea's own watcher: it found the bracket)."""
        if not self.is_mounted:
            return
        wrapped = self.wrapped_document
        ends = [*previous, *selection]
        if previous.is_empty and selection.is_empty:  # the cursor moved: its old and new rows
            for place in (previous.end, selection.end):
                row = wrapped.location_to_offset(place).y
                self._refresh_rows(row, row)
        else:  # the rows between the outermost ends of the two selections
            self._refresh_rows(*(wrapped.location_to_offset(place).y for place in (min(ends), max(ends))))
        if self.highlight_cursor_line and previous.end[0] != selection.end[0]:
            for line in (previous.end[0], selection.end[0]):  # every row of the two lines
                line = min(line, self.document.line_count - 1)
                end = (line, len(self.document[line]))
                self._refresh_rows(wrapped.location_to_offset((line, 0)).y, wrapped.location_to_offset(end).y)
        for bracket in (self._bracket_shown, self.matching_bracket):
            if bracket is not None:
                row = wrapped.location_to_offset(bracket).y
                self._refresh_rows(row, row)
        self._bracket_shown = self.matching_bracket

    def _refresh_rows(self, first: int, last: int | None) -> None:
        """Repaint screen rows ``first`` to ``last`` (None: to the bottom) as far as they are seen."""
        top = round(self.scroll_offset.y)
        bottom = top + self.size.height - 1
        first, last = max(first, top), bottom if last is None else min(last, bottom)
        if first <= last:
            self.refresh_lines(first, last - first + 1)

    def _line_styles(self, line_index: int, length: int) -> _Styles:
        """The styles ``TextArea._render_line`` gives the line, in its order: (style, start, end)."""
        theme = self.area_theme
        styles: _Styles = []
        start, end = self.selection
        cursor_row, cursor_column = end
        has_cursor = self.has_cursor
        highlight_cursor_line = self.highlight_cursor_line and has_cursor
        cursor_line_style = theme.cursor_line_style if (theme and highlight_cursor_line) else None
        if has_cursor and cursor_line_style and cursor_row == line_index:
            styles.append((cursor_line_style, 0, length + 1))
        (top_row, top_column), (bottom_row, bottom_column) = sorted(self.selection)
        if start != end and top_row <= line_index <= bottom_row:
            selection_style = theme.selection_style if theme else None
            if line_index == top_row == bottom_row:
                styles.append((selection_style, top_column, bottom_column))
            elif line_index == top_row:
                styles.append((selection_style, top_column, length))
            elif line_index == bottom_row:
                styles.append((selection_style, 0, bottom_column))
            else:
                styles.append((selection_style, 0, length))
        bracket = self.matching_bracket
        brackets = has_cursor and self.match_cursor_bracket and bracket is not None and start == end
        bracket_style = theme.bracket_matching_style if theme else None
        if cursor_row == line_index:
            if brackets:
                styles.append((bracket_style, cursor_column, cursor_column + 1))
            if self.draws_cursor:
                styles.append((theme.cursor_style if theme else None, cursor_column, cursor_column + 1))
        if brackets and theme and bracket is not None and bracket[0] == line_index:
            styles.append((bracket_style, bracket[1], bracket[1] + 1))
        return styles

    def _render_section(self, line_index: int, line: str, offsets: list[int], section: int) -> Strip:
        """What ``TextArea._render_line`` draws for one section of a wrapped line.

        TextArea draws every row of the editor again whenever the cursor moves (its own cache
        of rows is keyed by the selection), however little changed: at the end of a long
        paragraph that is a screenful of text on every key. A row is drawn from its text and
        the styles on it, so a row drawn before with the same is taken from ``_rows``."""
        theme = self.area_theme
        base_style = theme.base_style if theme and theme.base_style is not None else self.rich_style
        padded_length = len(line) + 1  # a space at the end for the cursor
        begin = offsets[section - 1] if section else 0
        end = offsets[section] if section < len(offsets) else padded_length
        plain = line[begin:] + " " if end == padded_length else line[begin:end]
        spans = []
        for style, start, stop in self._line_styles(line_index, len(line)):
            clipped_start, clipped_end = max(0, start - begin), min(stop - begin, end - begin)
            if style and clipped_end > clipped_start:  # as Text.stylize and Text.divide keep a span
                spans.append(Span(clipped_start, clipped_end, style))
        tab_widths = self.wrapped_document.get_tab_widths(line_index)
        section_tab_widths: list[int] = []
        if any(tab_widths):  # a tab is at least one cell wide: no width, no tab
            tabs_before = line.count("\t", 0, begin)
            section_tab_widths = tab_widths[tabs_before : tabs_before + plain.count("\t")]
        cursor_row = self.selection.end[0]
        if cursor_row == line_index and self.highlight_cursor_line:
            line_style = theme.cursor_line_style if (theme and self.has_cursor) else None
        else:
            line_style = theme.base_style if theme else None
        target_width = self.scrollable_content_region.size.width - self.gutter_width
        key = (plain, tuple(spans), tuple(section_tab_widths), line_style, base_style, target_width)
        rows = self._rows
        if rows is None or len(rows) > ROWS_KEPT * max(1, self.size.height):
            rows = self._rows = {}
        strip = rows.get(key)
        if strip is None:
            text = Text(plain, end="", spans=spans)
            if section_tab_widths:
                text = expand_text_tabs_from_widths(text, section_tab_widths)
            strip = Strip(text.render(self.app.console), cell_length=text.cell_len)
            strip = rows[key] = strip.extend_cell_length(target_width, line_style).apply_style(base_style)
        return strip
