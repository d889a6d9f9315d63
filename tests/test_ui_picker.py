"""Plain ``referent``: pick a recent meeting, or type the path of a meeting file."""

from __future__ import annotations

import shutil
from pathlib import Path

from ui_helpers import POLITISK, SIZE, Case, screen_text

from referent.importing import file_digest
from referent.ui.app import ReferentApp, make_app
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.picker import PickerScreen


def picker(case: Case) -> ReferentApp:
    """``referent`` without a meeting: the app opens on the picker."""
    return make_app(case.db_path, None, store=case.store, clock=case.clock, settings_path=case.settings_path)


async def test_the_picker_lists_meetings_and_enter_opens_one(tmp_path: Path) -> None:
    case = Case(tmp_path)
    second = case.store.import_meeting(case.stored())  # two meetings: the newest is listed first
    app = picker(case)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PickerScreen)
        text = screen_text(app)
        assert "Riverside Community Board" in text
        await pilot.press("down", "enter")
        assert isinstance(app.screen, MinutesScreen)
        assert app.meeting_id == case.meeting_id != second
    case.close()


async def test_typing_a_path_imports_and_opens_the_file(tmp_path: Path) -> None:
    case = Case(tmp_path)
    copy = tmp_path / "politisk.toml"
    shutil.copy(POLITISK, copy)
    app = picker(case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")  # from the list to the path field
        app.screen.query_one("#path").value = str(copy)
        await pilot.press("enter")
        assert isinstance(app.screen, MinutesScreen)
        assert "Politisk Niveau" in app.live.meeting.title
    assert case.store.find_by_source(copy) is not None
    case.close()


async def test_a_bad_path_is_explained_and_nothing_is_imported(tmp_path: Path) -> None:
    case = Case(tmp_path)
    broken = tmp_path / "broken.toml"
    broken.write_text('[meeting]\ntitle = "x"\ndate = 2023-02-30\n', encoding="utf-8")
    app = picker(case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        app.screen.query_one("#path").value = str(broken)
        await pilot.press("enter")
        assert isinstance(app.screen, PickerScreen)
        assert f"{broken}:3:" in screen_text(app)
    assert len(case.store.list_meetings()) == 1
    case.close()


async def test_a_path_already_imported_resumes_its_draft(tmp_path: Path) -> None:
    case = Case(tmp_path)
    copy = tmp_path / "politisk.toml"
    shutil.copy(POLITISK, copy)
    first = case.store.import_meeting(case.stored(), str(copy), file_digest(copy.read_bytes()))
    case.store.save_minutes(case.store.item_ids(first)[0], "Allerede skrevet.")
    app = picker(case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        app.screen.query_one("#path").value = str(copy)
        await pilot.press("enter")
        assert isinstance(app.screen, MinutesScreen)
        assert app.meeting_id == first  # the same draft, not a second empty meeting
    assert len(case.store.list_meetings()) == 2  # the Case's own meeting and this one
    case.close()


async def test_the_picker_lists_each_bodys_meetings_under_its_name_newest_first(tmp_path: Path) -> None:
    from dataclasses import replace
    from datetime import date

    case = Case(tmp_path)
    demo = case.stored()
    older = case.store.import_meeting(replace(demo, date=date(2020, 1, 6)))
    other = case.store.import_meeting(
        replace(demo, title="Ældrerådet", body="Ældrerådet", date=date(2021, 1, 4))
    )
    app = picker(case)
    async with app.run_test(size=SIZE) as pilot:
        lines = [line.strip(" ▊▎▌▐│") for line in screen_text(app).splitlines()]
        board = next(n for n, line in enumerate(lines) if line.startswith(demo.body))
        elders = next(n for n, line in enumerate(lines) if line.startswith("Ældrerådet"))
        assert board < elders  # the body that met last first
        ids = [int(line.split()[0]) for line in lines if line[:1].isdigit()]
        assert ids == [case.meeting_id, older, other]  # newest first within a body
        await pilot.press("enter")
        assert app.meeting_id == case.meeting_id
    case.close()
