"""SVG snapshots of the screens that matter, at a fixed size, with a fixed clock and no cursor blink.

Accept changed ones with ``pytest tests/test_ui_snapshots.py --snapshot-update`` only after
looking at the report. The paths the help screen prints are relative (the test runs in its
own folder) so that the pictures do not depend on where the tests run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea
from ui_helpers import POLITISK, SIZE, Case, saved

from referent.ui.app import ReferentApp, make_app

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's fixture: ``snap_compare(app, press=..., run_before=..., terminal_size=...)``."""


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Case]:
    monkeypatch.chdir(tmp_path)
    case = Case(tmp_path, sample=POLITISK)
    yield case
    case.close()


def app_for(case: Case, language: str = "") -> ReferentApp:
    settings = Path("config.toml")
    if language:
        settings.write_text(f'language = "{language}"\n', encoding="utf-8")
    return make_app(Path("t.db"), case.meeting_id, store=case.store, clock=case.clock, settings_path=settings)


async def no_blink(pilot: Pilot[None]) -> None:
    pilot.app.screen.query_one("#editor", TextArea).cursor_blink = False


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
