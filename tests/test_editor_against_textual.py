"""The minutes editor against Textual's own TextArea, on random edit sequences (hypothesis).

The editor keeps its own wrapping (``IncrementalWrappedDocument``, re-wrapping only around an
edit) and its own word jumps; everything else is Textual's. Here the same sequence of edits
(typing, inserting, pasting many lines, deleting, undo, redo in batches, cursor moves with and
without selecting, a new width) is applied to a ``MinutesEditor`` and to a stock ``TextArea``,
and after every step the two hold the same document, the same wrapped lines (every piece of
state a ``WrappedDocument`` keeps, and a fresh wrap of the text by Textual too), the same
selection and the same cursor on screen; the editor never raises.

The widgets are driven unmounted, through their public methods and actions: what a key does
minus the drawing, a few milliseconds an example. What needs a screen (scroll bars coming and
going, drawing) is checked with real keys in ``test_a_few_key_sequences_match_textual``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Document, Location, Selection, WrappedDocument

from referent.textclean import clean_text
from referent.ui.widgets import wrapping
from referent.ui.widgets.editor import MinutesEditor
from referent.ui.widgets.wrapping import IncrementalWrappedDocument

WRAP_STATE = ("_wrap_offsets", "_offset_to_line_info", "_line_index_to_offsets", "_tab_width_cache")
PIECES = ["ord", "a", "bb", "ø", " ", "  ", "\n", "漢", "😀", "e\u0301", "\u00a0", "\t", "x" * 30, "(", ")"]
RARE = ["\x07", "\n\n"]  # a character rich.Text drops (the editor falls back on Textual's own path)
CHARACTERS = ["a", "b", " ", "ø", "漢", "(", ")", "\t", "-"]
WIDTHS = [1, 2, 3, 5, 8, 13, 21, 40, 80]
MOVES = [
    "cursor_left",
    "cursor_right",
    "cursor_up",
    "cursor_down",
    "cursor_line_start",
    "cursor_line_end",
    "cursor_word_left",
    "cursor_word_right",
]
DELETIONS = ["delete_left", "delete_right", "delete_word_left", "delete_word_right", "delete_line"]

texts = st.lists(st.sampled_from(PIECES + RARE), max_size=40).map("".join)
in_a_line = [piece for piece in PIECES if piece != "\n"]
long_lines = st.lists(st.sampled_from(in_a_line), min_size=40, max_size=300).map("".join)
many_lines = st.lists(st.lists(st.sampled_from(PIECES[:6]), max_size=6).map("".join), min_size=2, max_size=25)
where = st.tuples(st.floats(0, 1), st.floats(0, 1))

Step = tuple[Any, ...]
steps: st.SearchStrategy[Step] = st.one_of(
    st.tuples(st.just("type"), st.sampled_from(CHARACTERS)),
    st.tuples(st.just("insert"), texts, where),
    st.tuples(st.just("paste"), many_lines.map("\n".join)),
    st.tuples(st.just("replace"), texts, where, where),
    st.tuples(st.just("action"), st.sampled_from(DELETIONS)),
    st.tuples(st.just("move"), st.sampled_from(MOVES), st.booleans()),
    st.tuples(st.just("select"), where, where),
    st.tuples(st.just("jump"), where),  # the cursor moved without a checkpoint: edits batch
    st.tuples(st.just("checkpoint")),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
    st.tuples(st.just("resize"), st.sampled_from(WIDTHS)),
)


def location(area: TextArea, fractions: tuple[float, float]) -> Location:
    """A place in the document, chosen by fractions of its lines and of the line's length."""
    lines = area.document.lines
    row = min(len(lines) - 1, int(fractions[0] * len(lines)))
    return row, min(len(lines[row]), int(fractions[1] * (len(lines[row]) + 1)))


def apply(area: TextArea, step: Step, tab_width: int) -> None:
    """What a key (or a paste) does to the text area, without the screen."""
    kind = step[0]
    if kind == "type":  # TextArea._on_key
        result = area.replace(step[1], *area.selection, maintain_selection_offset=False)
        area.move_cursor(result.end_location)
    elif kind == "insert":
        area.insert(step[1], location(area, step[2]))
    elif kind == "paste":  # TextArea._on_paste, with the editor's cleaning
        result = area.replace(clean_text(step[1]), *area.selection, maintain_selection_offset=False)
        area.move_cursor(result.end_location)
    elif kind == "replace":
        area.replace(step[1], location(area, step[2]), location(area, step[3]))
    elif kind == "action":
        getattr(area, f"action_{step[1]}")()
    elif kind == "move":
        getattr(area, f"action_{step[1]}")(select=step[2])
    elif kind == "select":
        area.selection = Selection(location(area, step[1]), location(area, step[2]))
    elif kind == "jump":
        area.selection = Selection.cursor(location(area, step[1]))
    elif kind == "checkpoint":
        area.history.checkpoint()
    elif kind == "undo":
        area.undo()
    elif kind == "redo":
        area.redo()
    elif kind == "resize":  # TextArea._on_resize
        area.wrapped_document.wrap(step[1], tab_width)


def new_area(kind: type[TextArea], text: str, width: int, tab_width: int) -> TextArea:
    area = kind(text, soft_wrap=True)
    area.indent_width = tab_width
    area.history.checkpoint_timer = float("inf")  # batches by what is typed, never by the clock
    area.wrapped_document.wrap(width, tab_width)
    return area


def assert_same(ours: TextArea, stock: TextArea, width: int, tab_width: int) -> None:
    """The same document, wrap, selection and cursor; and the wrap is a fresh wrap's too."""
    assert ours.text == stock.text
    assert ours.selection == stock.selection
    assert ours.navigator.last_x_offset == stock.navigator.last_x_offset
    wrapped, textual = ours.wrapped_document, stock.wrapped_document
    fresh = WrappedDocument(Document(stock.text), width, tab_width)
    for name in WRAP_STATE:
        assert getattr(wrapped, name) == getattr(textual, name) == getattr(fresh, name), name
    for line_index in range(stock.document.line_count):
        assert wrapped.get_sections(line_index) == textual.get_sections(line_index)
    for place in ours.selection:
        offset = textual.location_to_offset(place)
        assert wrapped.location_to_offset(place) == offset
        for y in (offset.y - 1, offset.y, offset.y + 1):  # (the rest is get_sections, compared above)
            for x in (0, offset.x, width + 3):
                assert wrapped.offset_to_location(Offset(x, y)) == textual.offset_to_location(Offset(x, y))


def screen_rows(wrapped: WrappedDocument) -> list[str]:
    """The text of every screen row of the wrapped document, top to bottom."""
    return [section for line in range(wrapped.document.line_count) for section in wrapped.get_sections(line)]


def assert_only_changed_rows_differ(before: list[str], after: list[str], changed: Any) -> None:
    """The editor repaints only the rows its wrapped document says changed: every other row
    must show what it showed."""
    first, last = changed if changed is not None else (len(after), len(after))
    assert before[:first] == after[:first]
    if last is not None:
        assert len(before) == len(after)
        assert before[last + 1 :] == after[last + 1 :]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(texts, long_lines),  # (a long line: many rows, re-wrapped in place)
    width=st.sampled_from(WIDTHS),
    tab_width=st.sampled_from([2, 4, 8]),
    window=st.sampled_from([8, 64, wrapping.FIRST_WINDOW]),
    sequence=st.lists(steps, max_size=25),
)
def test_random_edit_sequences_match_textual(
    text: str, width: int, tab_width: int, window: int, sequence: list[Step]
) -> None:
    first_window = wrapping.FIRST_WINDOW
    wrapping.FIRST_WINDOW = window  # small windows: the re-wrap walks through many
    try:
        ours = new_area(MinutesEditor, text, width, tab_width)
        stock = new_area(TextArea, text, width, tab_width)
        assert_same(ours, stock, width, tab_width)
        wrapped = ours.wrapped_document
        assert isinstance(wrapped, IncrementalWrappedDocument)
        wrapped.take_changed_rows()
        for step in sequence:
            rows_before = screen_rows(wrapped)
            apply(stock, step, tab_width)
            apply(ours, step, tab_width)
            if step[0] == "resize":
                width = step[1]
            assert_same(ours, stock, width, tab_width)
            assert_only_changed_rows_differ(rows_before, screen_rows(wrapped), wrapped.take_changed_rows())
    finally:
        wrapping.FIRST_WINDOW = first_window


def test_deleting_a_character_rich_drops_repaints_the_rows_after_it() -> None:
    """Hypothesis found it: a line holding a bell character is cut Textual's way, which shows
    every row after it shifted by one (rich drops the character); deleting it re-wraps in place
    and meets the old breaks again, but the rows to the end of the line show other text."""
    first_window = wrapping.FIRST_WINDOW
    wrapping.FIRST_WINDOW = 8
    try:
        area = new_area(MinutesEditor, "x" * 15 + "\x07 " + "x" * 15, 2, 2)
        wrapped = area.wrapped_document
        assert isinstance(wrapped, IncrementalWrappedDocument)
        wrapped.take_changed_rows()
        before = screen_rows(wrapped)
        area.replace("", (0, 15), (0, 16))  # the bell goes
        assert_only_changed_rows_differ(before, screen_rows(wrapped), wrapped.take_changed_rows())
    finally:
        wrapping.FIRST_WINDOW = first_window


def test_typing_in_a_long_line_changes_a_few_rows_around_the_cursor_only() -> None:
    """Wherever a letter or a space is typed (or one deleted) in a line of 100 words, the rows
    that change are a few around the cursor's, and the wrapped document says which (the editor
    repaints those); a new row moves, and so changes, every row below."""
    text = " ".join(["ordet", "og", "referatet", "sekretariatet"] * 25)
    for edit in ("x", " ", ""):
        for column in range(0, 400, 3):
            area = new_area(MinutesEditor, text, 20, 4)
            wrapped = area.wrapped_document
            assert isinstance(wrapped, IncrementalWrappedDocument)
            wrapped.take_changed_rows()
            before = screen_rows(wrapped)
            area.replace(edit, (0, column), (0, column + (not edit)))
            after, changed = screen_rows(wrapped), wrapped.take_changed_rows()
            assert_only_changed_rows_differ(before, after, changed)
            assert changed is not None
            first, last = changed
            row = wrapped.location_to_offset((0, column)).y
            assert row - 2 <= first <= row, (edit, column, changed)
            assert (last is None) == (len(before) != len(after))
            assert last is None or row <= last <= first + 4, (edit, column, changed)


# --- with real keys, on screen ----------------------------------------------------------------


class Stock(TextArea):
    """Textual's TextArea with two fixes the editor has, made here as the editor makes them:
    otherwise Textual's own. An undo that removes lines while a scroll bar goes away raises
    (Textualize/textual#6686); and when the text gets a new row (or a new width gives it more
    rows), TextArea scrolls to the cursor before it knows the new height, so a key typed onto a
    new last row stays out of sight until the next key."""

    def _recompute_cursor_offset(self) -> None:
        self._cursor_offset = self.wrapped_document.location_to_offset(
            self.clamp_visitable(self.cursor_location)
        )

    def _refresh_size(self) -> None:
        height = self.virtual_size.height
        super()._refresh_size()
        if self.is_mounted and self.virtual_size.height != height:
            self.scroll_cursor_visible()


class Pair(App[None]):
    """The editor above Textual's TextArea, the two of the same size."""

    CSS = "TextArea { width: 1fr; height: 1fr; }"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield MinutesEditor(self.text, soft_wrap=True, id="ours")
        yield Stock(self.text, soft_wrap=True, id="stock")


KEYS = ["a", "space", "enter", "backspace", "delete", "ctrl+z", "ctrl+y", "ctrl+w", "left", "right", "up",
        "down", "home", "end", "shift+left", "shift+up", "shift+down", "ctrl+left", "ctrl+right"]  # fmt: skip
key_steps = st.one_of(
    st.tuples(st.just("keys"), st.lists(st.sampled_from(KEYS), min_size=1, max_size=6)),
    st.tuples(st.just("paste"), many_lines.map("\n".join)),
    st.tuples(st.just("size"), st.sampled_from([(40, 14), (60, 20), (30, 40)])),
)


def drawn(area: TextArea, render: Callable[[TextArea, int], Strip] | None = None) -> list[tuple[Any, ...]]:
    """The rows as ``render`` draws them (the widget's own ``_render_line``, by default), segment
    by segment."""
    rows = [(render or type(area)._render_line)(area, y) for y in range(area.size.height)]
    return [(tuple(strip), strip.cell_length) for strip in rows]


def characters(area: TextArea) -> list[str]:
    return [area._render_line(y).text for y in range(area.size.height)]


def on_screen(app: App[None], area: TextArea) -> list[tuple[str, tuple[Any, ...]]]:
    """The area's rows as the screen shows them: a row not repainted keeps what it showed."""
    region = area.region
    rows = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [(row.text, tuple(row.crop(region.x, region.right))) for row in rows]


async def run_pair(text: str, sequence: list[Step]) -> None:
    app = Pair(text)
    async with app.run_test(size=(60, 20)) as pilot:
        ours, stock = app.query_one("#ours", TextArea), app.query_one("#stock", TextArea)
        for area in (ours, stock):
            area.history.checkpoint_timer = float("inf")
            area.cursor_blink = False  # (a blink between two looks at the screen is no change)
        for step in sequence:
            if step[0] == "size":
                await pilot.resize_terminal(*step[1])
                await pilot.pause()
                continue
            for area in (stock, ours):  # the editor last: it keeps the focus, as in the app
                area.focus()
                await pilot.pause()
                if step[0] == "keys":
                    await pilot.press(*step[1])
                else:
                    area.post_message(events.Paste(step[1]))
                    await pilot.pause()
            assert ours.text == stock.text
            assert ours.selection == stock.selection
            assert (
                ours.cursor_screen_offset - ours.region.offset
                == stock.cursor_screen_offset - stock.region.offset
            )
            assert ours.scroll_offset == stock.scroll_offset
            assert characters(ours) == characters(stock)
            assert drawn(ours) == drawn(ours, TextArea._render_line)  # every style, as Textual draws it
            shown = on_screen(app, ours)  # the editor repaints only the rows that changed:
            ours.refresh()
            await pilot.pause()
            assert shown == on_screen(app, ours)  # no row shows anything stale
            assert [text for text, _ in shown] == [text for text, _ in on_screen(app, stock)]


paragraph_pieces = st.sampled_from(["ord ", "og ", "  ", "x" * 30, "ø", "(", ")", "\n"])
paragraphs = st.lists(paragraph_pieces, min_size=30, max_size=150).map("".join)  # rows of a line


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.tuples(paragraphs, texts).map("".join), sequence=st.lists(key_steps, min_size=1, max_size=6))
def test_a_few_key_sequences_match_textual(text: str, sequence: list[Step]) -> None:
    asyncio.run(run_pair(text, sequence))
