"""What a key at the end of a long paragraph makes the screen do: no more than in a one-line item.

Checked by what the editor asks Textual to repaint and lay out (never by the clock: the time a
key takes in a real terminal is measured by ``bench/paragraph_bench.py``). Whether what is on
screen is then right, row for row, is checked against Textual's own TextArea in
``test_editor_against_textual``.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from textual.geometry import Region
from ui_helpers import Case

from referent.ui.app import ReferentApp
from referent.ui.screens import minutes as minutes_screen
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.widgets.editor import MinutesEditor
from referent.ui.widgets.status import StatusLine

SIZE = (100, 30)
WORDS = ["referatet", "godkendt", "med", "bemærkninger", "sekretariatet", "orienterede", "om"]


def paragraph(words: int) -> str:
    rng = random.Random(5)
    return " ".join(rng.choice(WORDS) for _ in range(words))


class Refreshes:
    """Every ``refresh`` the editor asks for: the rows (all of them when no region is given),
    and whether the screen is to be laid out again."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[tuple[Region, ...], bool]] = []
        original = MinutesEditor.refresh

        def recorded(editor: MinutesEditor, *regions: Region, **options: Any) -> Any:
            self.calls.append((regions, bool(options.get("layout"))))
            return original(editor, *regions, **options)

        monkeypatch.setattr(MinutesEditor, "refresh", recorded)

    def rows(self, editor: MinutesEditor) -> set[int]:
        height = editor.size.height
        rows: set[int] = set()
        for regions, _ in self.calls:
            for region in regions or (Region(0, 0, editor.size.width, height),):
                rows.update(y for y in range(region.y, region.bottom) if 0 <= y < height)
        return rows

    def layouts(self) -> int:
        return sum(layout for _, layout in self.calls)


def parts(app: ReferentApp) -> tuple[MinutesScreen, MinutesEditor]:
    screen = app.screen
    assert isinstance(screen, MinutesScreen)
    return screen, screen.query_one("#editor", MinutesEditor)


def cursor_row_on_screen(editor: MinutesEditor) -> int:
    """The cursor's row within the editor's visible rows (0 is the top one)."""
    return editor.wrapped_document.location_to_offset(editor.cursor_location).y - round(editor.scroll_y)


@pytest.fixture
def long_item(case: Case) -> Case:
    case.store.save_minutes(case.store.item_ids(case.meeting_id)[0], paragraph(5_000))
    return case


async def test_a_key_at_the_end_of_a_long_paragraph_repaints_the_cursor_row_only(
    long_item: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = long_item.app()
    async with app.run_test(size=SIZE) as pilot:
        _, editor = parts(app)
        await pilot.pause()
        refreshes = Refreshes(monkeypatch)
        for key in ["q", "space", "backspace", "left", "right"]:
            refreshes.calls.clear()
            await pilot.press(key)
            if editor.virtual_size.height == editor.wrapped_document.height:  # (no new row)
                assert refreshes.rows(editor) == {cursor_row_on_screen(editor)}, key
            assert refreshes.layouts() == 0


async def test_a_key_onto_a_new_row_scrolls_in_its_own_frame_without_a_layout(
    long_item: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's TextArea scrolls to the cursor before it knows the new height: the key typed
    onto a new last row stayed out of sight until the next key, and the whole screen was laid
    out again."""
    app = long_item.app()
    async with app.run_test(size=SIZE) as pilot:
        _, editor = parts(app)
        await pilot.pause()
        refreshes = Refreshes(monkeypatch)
        rows = editor.wrapped_document.height
        while editor.wrapped_document.height == rows:
            refreshes.calls.clear()
            await pilot.press("q")
        assert cursor_row_on_screen(editor) == editor.scrollable_content_region.height - 1  # the last row
        assert editor.virtual_size.height == editor.wrapped_document.height
        assert refreshes.layouts() == 0


async def test_the_status_line_is_drawn_only_when_it_changes_and_never_lays_out_the_screen(
    long_item: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(minutes_screen, "AUTOSAVE_SECONDS", 60)  # the test saves when it wants
    app = long_item.app()
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = parts(app)
        await pilot.press("q")
        updates: list[bool] = []
        original = StatusLine.update

        def recorded(status: StatusLine, *args: Any, layout: bool = True) -> None:
            updates.append(layout)
            original(status, *args, layout=layout)

        monkeypatch.setattr(StatusLine, "update", recorded)
        screen.refresh_status()
        screen.flush()  # the autosave, which shows "saved HH:MM"
        screen.refresh_status()
        assert updates == [False]  # "no changes yet" became "saved": drawn once, no layout
        long_item.clock.advance(minutes=1)
        screen.refresh_status()
        screen.refresh_status()
        assert updates == [False, False]
