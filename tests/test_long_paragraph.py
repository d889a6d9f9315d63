"""A 20,000-word paragraph: the editor wraps, draws and moves exactly as Textual's TextArea does,
while re-wrapping only around each edit; typed text is saved.

Every check compares with Textual itself: a fresh ``WrappedDocument`` wrap of the same text
at the same width, Textual's ``DocumentNavigator`` on it, and ``TextArea._render_line``.
"""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len
from textual import events
from textual.document._document import Document, Selection
from textual.document._document_navigator import DocumentNavigator
from textual.document._wrapped_document import WrappedDocument
from textual.widgets import TextArea
from ui_helpers import Case

from referent.ui.app import ReferentApp
from referent.ui.widgets import editor as editor_module
from referent.ui.widgets import wrapping
from referent.ui.widgets.editor import MinutesEditor
from referent.ui.widgets.wrapping import IncrementalWrappedDocument

SIZE = (100, 30)
SENTENCE = (
    "det indstilles at direktørforum godkender handleplanen for sundhedsklyngen midt og drøfter "
    "indsatserne med forbehold politisk godkendelse i kommunerne regionen borgerne sekretariatet "
    "orienterede om økonomien arbejdsgruppen følger op på næste møde bemærkninger (se bilag) blev taget"
)
WORDS = SENTENCE.split(" ")
WRAP_STATE = ("_wrap_offsets", "_offset_to_line_info", "_line_index_to_offsets", "_tab_width_cache")


def paragraph(words: int = 20_000, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def assert_wrapped_as_textual_does(
    wrapped: WrappedDocument, text: str, width: int, tab_width: int = 4
) -> None:
    """Everything a WrappedDocument keeps equals a fresh wrap of ``text`` by Textual."""
    assert wrapped.document.text == text
    stock = WrappedDocument(Document(text), width, tab_width)
    for name in WRAP_STATE:
        assert getattr(wrapped, name) == getattr(stock, name), name
    for line_index, line in enumerate(stock.document.lines):
        assert wrapped.get_sections(line_index) == stock.get_sections(line_index)
        for column in sorted({0, len(line) // 2, len(line)}):
            location = (line_index, column)
            assert wrapped.location_to_offset(location) == stock.location_to_offset(location)


def edit(
    wrapped: IncrementalWrappedDocument, start: tuple[int, int], end: tuple[int, int], text: str
) -> None:
    """What ``TextArea.edit`` does to the document and its wrapping."""
    document = wrapped.document
    assert isinstance(document, Document)
    result = document.replace_range(start, end, text)
    wrapped.wrap_range(start, end, result.end_location)


# --- the wrapping itself ----------------------------------------------------------------


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize(
    ("removed", "inserted"),
    [
        (0, "x"),
        (0, " "),
        (0, "  "),
        (1, ""),
        (12, ""),
        (0, "\n"),
        (0, "ord\n\nord"),
        (3, paragraph(300, seed=2)),
    ],
)
def test_an_edit_in_a_20000_word_paragraph_wraps_as_textual_does(
    where: str, removed: int, inserted: str
) -> None:
    text = paragraph()
    column = {"start": 3, "middle": len(text) // 2, "end": len(text) - removed}[where]
    wrapped = IncrementalWrappedDocument(Document(text), 75)
    edit(wrapped, (0, column), (0, column + removed), inserted)
    assert_wrapped_as_textual_does(wrapped, text[:column] + inserted + text[column + removed :], 75)


def test_an_edit_rewraps_only_around_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing in the middle of 20,000 words wraps a few rows' worth of text, not the paragraph."""
    wrapped_lengths: list[int] = []
    stock_wrap = wrapping.compute_wrap_offsets

    def counting_wrap(text: str, *arguments: object, **options: object) -> list[int]:
        wrapped_lengths.append(len(text))
        return stock_wrap(text, *arguments, **options)  # type: ignore[arg-type]

    text = paragraph()
    wrapped = IncrementalWrappedDocument(Document(text), 75)
    monkeypatch.setattr(wrapping, "compute_wrap_offsets", counting_wrap)
    middle = len(text) // 2
    for offset, letter in enumerate("referat"):
        edit(wrapped, (0, middle + offset), (0, middle + offset), letter)
    end = len(text) + len("referat")
    edit(wrapped, (0, end), (0, end), "!")
    assert 0 < sum(wrapped_lengths) < len(text) / 4  # Textual's own: 8 × the whole paragraph
    monkeypatch.undo()
    assert_wrapped_as_textual_does(wrapped, text[:middle] + "referat" + text[middle:] + "!", 75)


PIECES = [
    "a",
    "b",
    "ø",
    " ",
    " ",
    "  ",
    "漢",
    "😀",
    "e\u0301",
    "\u00a0",
    "\t",
    "\n",
    "x" * 30,
    "(",
    ")",
    "\x07",
]


def random_text(rng: random.Random, length: int, tabs: bool) -> str:
    return "".join(piece for piece in rng.choices(PIECES, k=length) if tabs or piece != "\t")


@pytest.mark.parametrize("seed", range(40))
def test_random_edits_wrap_as_textual_does(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide, combining and control characters, non-breaking spaces, words longer than a row,
    tabs, narrow widths, edits across lines; small windows so the re-wrap walks through many."""
    monkeypatch.setattr(wrapping, "FIRST_WINDOW", 16)
    rng = random.Random(seed)
    width, tab_width, tabs = rng.choice([0, 1, 2, 3, 7, 20, 41]), rng.choice([2, 4, 8]), rng.random() < 0.3
    wrapped = IncrementalWrappedDocument(Document(random_text(rng, 300, tabs)), width, tab_width)
    for _ in range(25):
        lines = wrapped.document.lines
        row = rng.randrange(len(lines))
        column = rng.randint(0, len(lines[row]))
        last_row = min(len(lines) - 1, row + rng.choice([0, 0, 0, 1, 2]))
        low = column if last_row == row else 0
        last_column = rng.randint(low, min(len(lines[last_row]), low + rng.choice([0, 1, 3, 40])))
        edit(
            wrapped, (row, column), (last_row, last_column), random_text(rng, rng.choice([0, 1, 2, 50]), tabs)
        )
        assert_wrapped_as_textual_does(wrapped, wrapped.document.text, width, tab_width)


# --- in the app -------------------------------------------------------------------------


def with_minutes(case: Case, text: str) -> Case:
    case.store.save_minutes(case.store.item_ids(case.meeting_id)[0], text)
    return case


def the_editor(app: ReferentApp) -> MinutesEditor:
    return app.screen.query_one("#editor", MinutesEditor)


def assert_editor_wrapped_as_textual_does(editor: MinutesEditor) -> None:
    assert isinstance(editor.wrapped_document, IncrementalWrappedDocument)
    assert_wrapped_as_textual_does(
        editor.wrapped_document, editor.text, editor.wrap_width, editor.indent_width
    )


def stored_minutes(case: Case) -> str:
    return case.stored().items[0].minutes


async def test_typing_at_the_end_and_in_the_middle_wraps_as_textual_does_and_is_saved(case: Case) -> None:
    text = paragraph()
    app = with_minutes(case, text).app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        assert editor.cursor_location == (0, len(text))
        assert editor.wrapped_document.height > 2000  # really one paragraph over many rows
        await pilot.press(*" Godkendt.")
        assert_editor_wrapped_as_textual_does(editor)
        middle = len(text) // 2
        editor.move_cursor((0, middle))
        await pilot.press(*"midt ", "backspace", "backspace")
        assert_editor_wrapped_as_textual_does(editor)
        await pilot.press("ctrl+s")
        expected = text[:middle] + "mid" + text[middle:] + " Godkendt."
        assert editor.text == expected
    assert stored_minutes(case) == expected


async def test_the_cursor_moves_through_wrapped_rows_as_textual_moves_it(case: Case) -> None:
    app = with_minutes(case, paragraph()).app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        stock = WrappedDocument(Document(editor.text), editor.wrap_width, editor.indent_width)
        navigator = DocumentNavigator(stock)
        moves = {
            "up": navigator.get_location_above,
            "down": navigator.get_location_below,
            "left": navigator.get_location_left,
            "right": navigator.get_location_right,
            "end": navigator.get_location_end,
            "home": navigator.get_location_home,
        }
        rows_moved = set()
        for key in ["up", "up", "left", "up", "home", "down", "end", "up", "right", "down", "down", "up"]:
            before = editor.cursor_location
            row_before = editor.cursor_screen_offset.y
            navigator.last_x_offset = editor.navigator.last_x_offset
            expected = moves[key](before)
            await pilot.press(key)
            assert editor.cursor_location == expected, key
            assert editor.cursor_location[0] == 0  # still in the one paragraph
            if key in ("up", "down"):
                rows_moved.add(row_before - editor.cursor_screen_offset.y)
        assert rows_moved == {1, -1}  # one screen row at a time, within the paragraph
        await pilot.press("up", *"x")
        assert_editor_wrapped_as_textual_does(editor)


async def test_a_selection_across_wrapped_rows_is_drawn_deleted_undone_and_redone(case: Case) -> None:
    text = paragraph()
    app = with_minutes(case, text).app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        await pilot.press("shift+up", "shift+up", "shift+left")
        start, end = sorted(editor.selection)
        assert end == (0, len(text))
        wrapped = editor.wrapped_document
        assert wrapped.location_to_offset(end).y - wrapped.location_to_offset(start).y == 2  # 3 rows
        await pilot.press("backspace")
        assert editor.text == text[: start[1]]
        assert_editor_wrapped_as_textual_does(editor)
        await pilot.press(*"ny")
        await pilot.press("ctrl+z")  # the typing, then the deletion
        assert editor.text == text[: start[1]]
        await pilot.press("ctrl+z")
        assert editor.text == text
        assert_editor_wrapped_as_textual_does(editor)
        await pilot.press("ctrl+y", "ctrl+y")
        assert editor.text == text[: start[1]] + "ny"
        assert_editor_wrapped_as_textual_does(editor)
        await pilot.press("ctrl+s")
    assert stored_minutes(case) == text[: start[1]] + "ny"


async def test_a_pasted_20000_word_paragraph_then_typing(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        pasted = paragraph(seed=3) + "\x0bslut"  # a manual line break from Word becomes a newline
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        await pilot.press(*"!.")
        expected = pasted.replace("\x0b", "\n") + "!."
        assert editor.text == expected
        assert_editor_wrapped_as_textual_does(editor)
        await pilot.press("up", *"x")  # into the last row of the paragraph
        assert editor.cursor_location[0] == 0
        assert_editor_wrapped_as_textual_does(editor)
        await pilot.press("ctrl+z")
        assert_editor_wrapped_as_textual_does(editor)
        await pilot.press("ctrl+s")
        assert stored_minutes(case) == editor.text


async def test_tab_still_indents_to_the_next_tab_stop(case: Case) -> None:
    text = paragraph(2_000)
    app = with_minutes(case, text).app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        await pilot.press(*"ab", "tab", *"cd")
        width_before = cell_len(text + "ab") % editor.indent_width
        assert editor.text == text + "ab" + " " * (editor.indent_width - width_before) + "cd"
        assert_editor_wrapped_as_textual_does(editor)


async def test_word_jumps_land_where_textual_lands(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(editor_module, "WORD_WINDOW", 4)  # small: the look-back widens often
    rng = random.Random(11)
    pieces = ["ord", " ", "   ", ".", ", ", "(se", "bilag)", "æøå", "漢字", "\u00a0", "-", "1.", "\t"]
    lines = ["".join(rng.choices(pieces, k=200)) for _ in range(3)]
    app = with_minutes(case, "\n".join(lines)).app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        textual_left = TextArea.get_cursor_word_left_location
        textual_right = TextArea.get_cursor_word_right_location
        for row, line in enumerate(lines):
            for column in range(len(line) + 1):
                editor.selection = Selection.cursor((row, column))
                assert editor.get_cursor_word_left_location() == textual_left(editor)
                assert editor.get_cursor_word_right_location() == textual_right(editor)
        editor.selection = Selection.cursor((2, len(lines[2])))
        expected = TextArea.get_cursor_word_left_location(editor)
        await pilot.press("ctrl+left")
        assert editor.cursor_location == expected
        _, word_start = TextArea.get_cursor_word_left_location(editor)
        await pilot.press("ctrl+w")  # deletes the word before the cursor
        assert editor.document.lines[2] == lines[2][:word_start] + lines[2][expected[1] :]
        assert editor.cursor_location == (2, word_start)


# --- drawing ----------------------------------------------------------------------------


def drawn_rows(editor: MinutesEditor) -> list[tuple[list[object], int]]:
    return [(list(strip), strip.cell_length) for strip in map(editor._render_line, range(editor.size.height))]


def textual_rows(editor: MinutesEditor) -> list[tuple[list[object], int]]:
    rows = [TextArea._render_line(editor, y) for y in range(editor.size.height)]
    return [(list(strip), strip.cell_length) for strip in rows]


async def test_rows_are_drawn_exactly_as_textual_draws_them(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cursor, cursor line, selections within and across rows and lines, a matched bracket,
    tabs, wide characters, no focus, read-only: row by row, the same strips as Textual's."""
    words = paragraph(4_000).split(" ")
    words[-40] = "(bilag\t1)"  # a tab and a bracket pair near the end, in view
    words[-30] = "漢字😀\tx"
    words[10] = "\tfane"  # and a tab long before, which shifts the tab widths
    first = " ".join(words)
    text = f"{first}\n\n{paragraph(3_000, seed=5)}\nkort linje"
    app = with_minutes(case, text).app()
    fast_rows = 0
    own_section = MinutesEditor._render_section

    def counted(self: MinutesEditor, *arguments: object) -> object:
        nonlocal fast_rows
        fast_rows += 1
        return own_section(self, *arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(MinutesEditor, "_render_section", counted)
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        bracket = first.index("(bilag")
        lines = editor.document.lines
        states = [
            Selection.cursor((0, bracket)),  # on a bracket: its partner is marked too
            Selection((0, bracket - 150), (0, bracket + 5)),  # across wrapped rows
            Selection((0, bracket + 3), (0, bracket - 2)),  # backwards
            Selection((0, len(first) - 200), (2, 300)),  # across paragraphs and an empty line
            Selection.cursor((2, len(lines[2]))),
            Selection.cursor((3, 2)),
        ]
        for selection in states:
            for focused, read_only, cursor_line in [
                (True, False, True),
                (False, False, True),
                (True, True, False),
            ]:
                editor.selection = selection
                editor.read_only = read_only
                editor.highlight_cursor_line = cursor_line
                if focused:
                    editor.focus()
                else:
                    editor.blur()
                editor.scroll_cursor_visible()
                await pilot.pause()
                assert drawn_rows(editor) == textual_rows(editor), (selection, focused, read_only)
    assert fast_rows > 100  # the rows were really drawn by the editor's own path
