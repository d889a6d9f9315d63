"""Soft wrap that re-wraps only what an edit can change, so typing stays fast in a long paragraph.

Textual's ``WrappedDocument`` re-wraps every line an edit touches from its first character
and cuts a line into its wrapped sections with ``rich.Text.divide`` (one ``Text`` per
section) whenever it converts between document locations and screen offsets: both cost
the whole paragraph on every key. ``IncrementalWrappedDocument`` gives exactly the same
wrap offsets (the same greedy algorithm, Textual's own ``compute_wrap_offsets``), but
computes them only around the edit:

Textual's wrapper walks a line chunk by chunk (a chunk is a word with the blanks after
it) and breaks in front of a chunk that does not fit. At a break in front of a chunk the
wrapper's whole state is "a new row starts here", so wrapping the rest of the line from
that break alone gives the same breaks as wrapping the whole line. Hence:

- breaks in front of chunks that end before the edit are kept, and wrapping resumes at
  the last of them;
- wrapping stops again at the first break in front of a chunk, after the edit, that the
  old text also had at the same place (shifted by the edit's length): from there on the
  text and so the breaks are the old ones, shifted.

Lines with tab characters (whose widths depend on everything before them) are wrapped
whole, as Textual does.

The rows between the two (where wrapping resumed, where it met the old breaks again) are the
only ones whose text can differ; every row below them too when the number of rows changed.
The editor repaints those (``changed_rows``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise, repeat

from rich.cells import cell_len
from textual.expand_tabs import expand_tabs_inline, get_tab_widths
from textual.geometry import Offset, clamp
from textual.widgets.text_area import DocumentBase, Location

from referent.ui.textual_compat import WrappedDocumentParts, compute_wrap_offsets, re_chunk

FIRST_WINDOW = 2048
"""Characters wrapped at a time after an edit before looking for the old breaks again."""

MAX_CHARACTER_WIDTH = 2
"""Below this width one character may not fit in a row, and Textual's wrapper then breaks
twice at the same place: such narrow widths are wrapped whole."""

_CHUNK_START = re.compile(r"(?<=\s)\S")
RICH_STRIPPED = "\x07\x08\x0b\x0c\x0d"
"""Characters ``rich.Text`` silently drops: a line holding one is cut the way Textual does."""


def _starts_chunk(text: str, index: int) -> bool:
    """A chunk (``\\S+\\s*``) starts here: a non-blank after a blank."""
    return 0 < index < len(text) and text[index - 1].isspace() and not text[index].isspace()


def common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix (compared by halves, at C speed)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix(a: str, b: str) -> int:
    """The length of the longest common suffix."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low


def _resume_point(text: str, old_text: str, old_offsets: list[int]) -> int:
    """The last old break in front of a chunk that ends before the first changed character."""
    same = common_prefix(text, old_text)
    index = bisect_left(old_offsets, same) - 1
    while index >= 0:
        offset = old_offsets[index]
        if _starts_chunk(text, offset):
            chunk = re_chunk.match(text, offset)
            if chunk is not None and chunk.end() < same:
                return offset
        index -= 1
    return 0


def _window_end(text: str, start: int, size: int) -> int:
    """The first chunk start at or after ``start + size`` (or the end): a clean place to stop."""
    found = _CHUNK_START.search(text, start + size)
    return found.start() if found else len(text)


def rewrap_line(
    text: str,
    width: int,
    tab_size: int,
    before: tuple[str, list[int]] | None = None,
    after: tuple[str, list[int]] | None = None,
) -> list[int]:
    """The wrap offsets ``compute_wrap_offsets`` gives for ``text``, reusing known ones.

    ``before`` and ``after`` are an old line and its wrap offsets that ``text`` shares a
    beginning, respectively an ending, with (however long: it is measured here).
    """
    return rewrap(text, width, tab_size, before, after)[0]


def rewrap(
    text: str,
    width: int,
    tab_size: int,
    before: tuple[str, list[int]] | None = None,
    after: tuple[str, list[int]] | None = None,
) -> tuple[list[int], int, int | None]:
    """As ``rewrap_line``, and where the wrapped rows may differ from the old ones: from the
    row starting at the second value (a character position) up to the row ending at the third
    (None: to the end of the line); the rows before and after are the old ones."""
    if not width:
        return [], 0, None
    if "\t" in text or width < MAX_CHARACTER_WIDTH:  # (a too-wide character folds oddly)
        offsets = compute_wrap_offsets(
            text, width, tab_size, precomputed_tab_sections=get_tab_widths(text, tab_size)
        )
        return offsets, 0, None
    start = _resume_point(text, *before) if before else 0
    offsets = before[1][: bisect_right(before[1], start)] if before and start else []
    resumed = start
    if after:
        old_text, old_offsets = after
        shift = len(text) - len(old_text)
        same_from = len(text) - common_suffix(text, old_text)
    size = FIRST_WINDOW
    while True:
        end = _window_end(text, start, size)
        found = [start + offset for offset in compute_wrap_offsets(text[start:end], width, tab_size)]
        for number, offset in enumerate(found):
            if after and offset > same_from and _starts_chunk(text, offset):
                old = bisect_left(old_offsets, offset - shift)
                if old < len(old_offsets) and old_offsets[old] == offset - shift:
                    rest = [o + shift for o in old_offsets[old + 1 :]]
                    return offsets + found[: number + 1] + rest, resumed, offset
        if end == len(text):
            return offsets + found, resumed, None
        fresh = [offset for offset in found if _starts_chunk(text, offset)]
        if fresh:  # all breaks in the window are right; go on from the last clean one
            offsets += found[: found.index(fresh[-1])]
            start = fresh[-1]
            offsets.append(start)
        size *= 2


class IncrementalWrappedDocument(WrappedDocumentParts):
    """A ``WrappedDocument`` that re-wraps around an edit and slices sections as strings."""

    def __init__(self, document: DocumentBase, width: int = 0, tab_width: int = 4) -> None:
        self._texts: list[str] = []
        self.changed_rows: tuple[int, int | None] | None = None
        """The screen rows whose text may differ since the editor last asked (``take_changed_rows``):
        first and last (None: to the end, as rows moved). The editor repaints only these."""
        super().__init__(document, width, tab_width)

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        super().wrap(width, tab_width)
        self._texts = list(self.document.lines)  # what the offsets were computed from
        self.changed_rows = (0, None)

    def take_changed_rows(self) -> tuple[int, int | None] | None:
        """The rows changed since the last call (see ``changed_rows``), and forget them."""
        changed, self.changed_rows = self.changed_rows, None
        return changed

    def _rows_changed(self, first: int, last: int | None) -> None:
        if self.changed_rows is not None:
            old_first, old_last = self.changed_rows
            first = min(first, old_first)
            last = None if last is None or old_last is None else max(last, old_last)
        self.changed_rows = (first, last)

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        """Re-wrap the lines of an edit (called after the document was edited).

        The lines are chosen exactly as ``WrappedDocument.wrap_range`` chooses them.
        """
        if len(self._texts) != len(self.wrap_offsets):  # never expected: start afresh
            self.wrap(self.wrapped_width, self.tab_size)
            return
        old_max_index = len(self.line_index_to_offsets) - 1
        new_max_index = self.document.line_count - 1
        start_line = clamp(start[0], 0, min(old_max_index, new_max_index))
        old_end_line = clamp(old_end[0], 0, old_max_index)
        new_end_line = clamp(new_end[0], 0, new_max_index)
        top, old_bottom = sorted((start_line, old_end_line))
        new_bottom = max(start_line, new_end_line)

        old_texts = self._texts[top : old_bottom + 1]
        old_offsets = self.wrap_offsets[top : old_bottom + 1]
        new_lines = self.document.lines[top : new_bottom + 1]
        new_offsets: list[list[int]] = []
        new_tab_widths: list[list[int]] = []
        first_changes: tuple[int, int | None] = (0, None)  # the first line's changed rows, by ``rewrap``
        for number, line in enumerate(new_lines):
            if number < len(old_texts) and old_texts[number] == line:
                offsets = old_offsets[number]
            else:
                first = (old_texts[0], old_offsets[0]) if number == 0 else None
                last = (old_texts[-1], old_offsets[-1]) if number == len(new_lines) - 1 else None
                offsets, resumed, synced = rewrap(line, self.wrapped_width, self.tab_size, first, last)
                if number == 0:
                    first_changes = (bisect_right(offsets, resumed), synced)
            new_offsets.append(offsets)
            if "\t" in line:
                new_tab_widths.append([width for _, width in get_tab_widths(line, self.tab_size)])
            else:
                new_tab_widths.append([0] if line else [])

        top_y = self.line_index_to_offsets[top][0]
        old_bottom_y = self.line_index_to_offsets[old_bottom][-1]
        line_offsets: list[list[int]] = []
        line_info: list[tuple[int, int]] = []
        y = top_y
        for line_index, offsets in enumerate(new_offsets, top):
            rows = len(offsets) + 1
            line_offsets.append(list(range(y, y + rows)))
            line_info.extend(zip(repeat(line_index, rows), range(rows), strict=True))
            y += rows
        self.offset_to_line_info[top_y : old_bottom_y + 1] = line_info
        self.line_index_to_offsets[top : old_bottom + 1] = line_offsets
        self.tab_width_cache[top : old_bottom + 1] = new_tab_widths
        self.wrap_offsets[top : old_bottom + 1] = new_offsets
        self._texts[top : old_bottom + 1] = new_lines

        line_shift = new_bottom - old_bottom
        if line_shift:
            below = top_y + len(line_info)
            self.offset_to_line_info[below:] = [
                (index + line_shift, section) for index, section in self.offset_to_line_info[below:]
            ]
        row_shift = len(line_info) - (old_bottom_y - top_y + 1)
        first_row, last_break = first_changes
        first_y = top_y + (first_row if new_lines[0] != old_texts[0] else 0)
        if row_shift:  # every row below moved
            self._rows_changed(first_y, None)
        elif (
            len(new_lines) == len(old_texts) == 1
            and last_break is not None
            and self._is_plain(old_texts[0])
            and self._is_plain(new_lines[0])
        ):  # re-wrapped in place (a line cut Textual's way, with a character rich drops, shows
            # every row after that character shifted by it: those rows change with it)
            self._rows_changed(first_y, top_y + new_offsets[0].index(last_break))
        else:
            self._rows_changed(first_y, top_y + len(line_info) - 1)
        if row_shift:
            below = top + len(new_lines)
            self.line_index_to_offsets[below:] = [
                [y + row_shift for y in ys] for ys in self.line_index_to_offsets[below:]
            ]

    def location_to_offset(self, location: Location) -> Offset:
        """As ``WrappedDocument.location_to_offset``, cutting out only the cursor's section.

        A location beyond the document is taken to its end: undoing a paste shortens the
        document before TextArea puts the cursor back, and a scroll bar going away meanwhile
        asks where the old cursor is (Textual's own raises: Textualize/textual#6686).
        """
        line_index = clamp(location[0], 0, len(self.line_index_to_offsets) - 1)
        line = self.document[line_index]
        column = clamp(location[1], 0, len(line))
        offsets = self.get_offsets(line_index)
        if not offsets or not self._is_plain(line):
            return super().location_to_offset((line_index, column))
        section = bisect_right(offsets, column)
        begin = offsets[section - 1] if section else 0
        end = offsets[section] if section < len(offsets) else len(line)
        before_cursor = line[begin:end][: column - begin]
        x_offset = cell_len(expand_tabs_inline(before_cursor, self.tab_size))
        return Offset(x_offset, self.line_index_to_offsets[line_index][section])

    def get_sections(self, line_index: int) -> list[str]:
        """The line cut at its wrap offsets, as ``Text.divide`` cuts it, without a ``Text``."""
        line = self.document[line_index]
        if not self._is_plain(line):
            return super().get_sections(line_index)
        bounds = [0, *self.wrap_offsets[line_index], len(line)]
        return [line[begin:end] for begin, end in pairwise(bounds)]

    @staticmethod
    def _is_plain(line: str) -> bool:
        """No character that ``rich.Text`` would drop (one ``in`` each: microseconds)."""
        return not any(character in line for character in RICH_STRIPPED)
