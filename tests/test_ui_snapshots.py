"""SVG snapshots of the screens that matter, at a fixed size, with a fixed clock and no cursor blink.

Accept changed ones with ``pytest tests/test_ui_snapshots.py --snapshot-update`` only after
looking at the report. The paths the help screen prints are relative (the test runs in its
own folder) so that the pictures do not depend on where the tests run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea
from ui_helpers import SIZE, Case, saved, settled

from referent.ui.app import ReferentApp, make_app

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's fixture: ``snap_compare(app, press=..., run_before=..., terminal_size=...)``."""


@pytest.fixture
def case(politisk: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    monkeypatch.chdir(tmp_path)  # F12 writes here
    return politisk


def app_for(case: Case, language: str = "") -> ReferentApp:
    settings = Path("config.toml")
    if language:
        settings.write_text(f'language = "{language}"\n', encoding="utf-8")
    return make_app(Path("t.db"), case.meeting_id, store=case.store, clock=case.clock, settings_path=settings)


async def no_blink(pilot: Pilot[None]) -> None:
    await pilot.pause()  # the meeting's screen settled first
    pilot.app.screen.query_one("#editor", TextArea).cursor_blink = False
    await settled(pilot)  # the case text as Markdown, as a moment after the first frame


async def type_a_little(pilot: Pilot[None]) -> None:
    """Minutes in item 1, then on to item 2 and a few words there, all saved."""
    await no_blink(pilot)
    await pilot.press(*"Godkendt.", "ctrl+down", *"Drøftet")
    await saved(pilot)  # as the autosave would have: "saved 18:02", not "no changes yet"


def test_main_screen_english(case: Case, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_for(case), run_before=type_a_little, terminal_size=SIZE)


def test_main_screen_danish(case: Case, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_for(case, "da"), run_before=type_a_little, terminal_size=SIZE)


def test_main_screen_80x24(case: Case, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_for(case), run_before=type_a_little, terminal_size=(80, 24))


def test_attendance_screen(case: Case, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_for(case), press=["f2", "p", "a", "r"], run_before=no_blink, terminal_size=SIZE)


def test_help_screen(case: Case, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_for(case), press=["f1"], run_before=no_blink, terminal_size=SIZE)


# --- 80×24, the size of a laptop terminal ---------------------------------------------------

SMALL = (80, 24)


def test_attendance_screen_80x24(case: Case, snap_compare: SnapCompare) -> None:
    """The notes (substitute, late, left early) are on screen at 80 columns."""

    async def mark(pilot: Pilot[None]) -> None:
        await no_blink(pilot)
        await pilot.press("f2", "p", "s", *"Jan Nybo", "enter", "l", "3", "enter", "e", "4", "enter", "r")

    assert snap_compare(app_for(case, "da"), run_before=mark, terminal_size=SMALL)


def test_actions_list_80x24(case: Case, snap_compare: SnapCompare) -> None:
    """F9: every action item with who and by when."""

    async def add(pilot: Pilot[None]) -> None:
        await no_blink(pilot)
        await pilot.press("ctrl+down", "ctrl+t", *"Send udkastet", "enter", *"Sekretariatet", "enter")
        await pilot.press(*"1. maj", "enter", "ctrl+t", *"Svar til KKR", "enter", "enter", "enter", "f9")

    assert snap_compare(app_for(case, "da"), run_before=add, terminal_size=SMALL)


def test_main_screen_with_notes_80x24(case: Case, snap_compare: SnapCompare) -> None:
    """The chair's comment, a conflict of interest and an action item shown with the item."""
    item_id = case.store.item_ids(case.meeting_id)[1]
    from referent.model import ActionItem, Comment

    case.store.add_comment(item_id, Comment("Tjek navnene", who="Jes Lunde"))
    case.store.update_item(item_id, conflicts=["Ole Stavad"])
    case.store.add_action(item_id, ActionItem("Send udkastet", who="Sekretariatet"))
    assert snap_compare(app_for(case, "da"), run_before=type_a_little, terminal_size=SMALL)


def test_main_screen_hidden_points_80x24(case: Case, snap_compare: SnapCompare) -> None:
    """Item 5's third point is under the edge of the recommendation box: the edge says so."""

    async def item_5(pilot: Pilot[None]) -> None:
        await no_blink(pilot)
        await pilot.press("ctrl+g", "5", "enter")
        await pilot.pause()

    assert snap_compare(app_for(case, "da"), run_before=item_5, terminal_size=SMALL)
