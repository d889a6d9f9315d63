"""A full or failing disk never ends the app: every key that writes says NOT SAVED, keeps the text,
and saves it once the disk takes it again; leaving writes an emergency copy of the minutes.

The disk is the test's (``failing_disk``): the store's connection refuses each write as a full
disk does, SQLite's ``SQLITE_FULL`` at the commit or the system's ``ENOSPC``. Before, a
``SaveFailed`` raised in an action reached Textual's message loop, which stopped: Ctrl+↓,
Ctrl+N, Ctrl+O and F2 → p left an app that handled no more keys, and quitting lost the text.
"""

from __future__ import annotations

import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import failing_disk
import pytest
from failing_disk import Disk, fill_up
from terminal import Terminal, wait_until_saved
from textual.widgets import TextArea
from ui_helpers import DEMO, SIZE, Case, notifications, saved, screen_text

from referent.meetingfile.reader import load_meeting
from referent.model import Attendance, Outcome
from referent.store import Store
from referent.ui.app import ReferentApp
from referent.ui.dialogs.choice import QuitQuestion
from referent.ui.screens.minutes import MinutesScreen

KINDS = ["sqlite", "os"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The home folder, where the emergency copy goes first."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temporary folder, where the emergency copy goes when the home folder takes none."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def editor(app: ReferentApp) -> TextArea:
    return app.screen.query_one("#editor", TextArea)


def minutes_screen(app: ReferentApp) -> MinutesScreen:
    [screen] = [screen for screen in app.screen_stack if isinstance(screen, MinutesScreen)]
    return screen


def stored_minutes(case: Case) -> list[str]:
    return [item.minutes for item in case.stored().items]


async def typed_while_full(pilot, app: ReferentApp, disk: Disk) -> str:  # type: ignore[no-untyped-def]
    """'Start' saved, then the disk full and ' og mere' typed: the autosave fails."""
    await pilot.press(*"Start")
    await saved(pilot)
    disk.full = True
    await pilot.press(*" og mere")
    await saved(pilot)
    assert "NOT SAVED" in screen_text(app)
    return "Start og mere"


async def still_takes_keys(pilot, app: ReferentApp) -> None:  # type: ignore[no-untyped-def]
    """Back on the minutes screen (Esc out of whatever is open), a key typed lands in the editor:
    neither the app nor the screen stopped handling messages."""
    assert app.is_running
    for _ in range(3):
        if isinstance(app.screen, MinutesScreen):
            break
        await pilot.press("escape")
    assert isinstance(app.screen, MinutesScreen)
    before = editor(app).text
    await pilot.press("end", "!")
    assert editor(app).text == before + "!"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("keys", [["ctrl+down"], ["ctrl+n"], ["ctrl+up"], ["ctrl+s"], ["ctrl+o"]])
async def test_a_key_that_writes_on_a_full_disk_keeps_the_text_and_the_app(
    case: Case, kind: str, keys: list[str]
) -> None:
    disk = fill_up(case.store, kind)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        if keys == ["ctrl+up"]:
            await pilot.press("ctrl+down")  # from item 2 back to item 1
        text = await typed_while_full(pilot, app, disk)
        item = minutes_screen(app).live.current
        refused = disk.refused
        await pilot.press(*keys)
        await pilot.pause()
        assert disk.refused > refused  # the key did try to write
        assert app.is_running
        assert "NOT SAVED" in screen_text(app)
        assert minutes_screen(app).live.unsaved  # kept until the disk takes it
        moved = {"ctrl+down": 1, "ctrl+n": 1, "ctrl+up": -1}.get(keys[0], 0)
        assert minutes_screen(app).live.current == item + moved  # the key did what it does
        disk.full = False
        await saved(pilot)
        assert "NOT SAVED" not in screen_text(app)
        assert stored_minutes(case)[item] == text  # the text typed on the full disk, saved now
        await still_takes_keys(pilot, app)
    if keys == ["ctrl+o"]:
        assert Outcome.APPROVED not in case.stored().items[item].recommendation.outcomes  # not made


@pytest.mark.parametrize("kind", KINDS)
async def test_attendance_on_a_full_disk_is_not_marked_and_the_app_goes_on(case: Case, kind: str) -> None:
    disk = fill_up(case.store, kind)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        text = await typed_while_full(pilot, app, disk)
        await pilot.press("f2", "p")
        await pilot.pause()
        assert app.is_running
        assert any("Not saved: the disk is full" in message for _, message in notifications(app))
        participants = minutes_screen(app).live.meeting.participants
        assert all(person.attendance is Attendance.UNKNOWN for person in participants)
        await pilot.press("escape")
        assert "NOT SAVED" in screen_text(app)
        disk.full = False
        await pilot.press("f2", "p")  # the same key, now that the disk takes it
        await pilot.press("escape")
        await saved(pilot)
        assert "NOT SAVED" not in screen_text(app)
        await still_takes_keys(pilot, app)
    stored = case.stored()
    assert stored.items[0].minutes == text
    assert stored.participants[0].attendance is Attendance.PRESENT


@pytest.mark.parametrize("kind", KINDS)
async def test_an_outcome_on_a_full_disk_is_not_recorded_and_the_app_goes_on(case: Case, kind: str) -> None:
    disk = fill_up(case.store, kind)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down")  # item 2 has three points
        text = await typed_while_full(pilot, app, disk)
        await pilot.press("f4", "1")
        await pilot.pause()
        assert app.is_running
        assert "[none]" in screen_text(app)  # the dialog shows what is stored
        disk.full = False
        await pilot.press("1")
        await pilot.press("escape")
        await saved(pilot)
        assert "NOT SAVED" not in screen_text(app)
        await still_takes_keys(pilot, app)
    stored = case.stored().items[1]
    assert stored.minutes == text
    assert stored.recommendation.outcomes[0] is Outcome.APPROVED


@pytest.mark.parametrize("kind", KINDS)
async def test_an_action_item_typed_on_a_full_disk_is_kept_for_the_next_time(case: Case, kind: str) -> None:
    disk = fill_up(case.store, kind)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        text = await typed_while_full(pilot, app, disk)
        await pilot.press("ctrl+t", *"Ring", "enter", *"Tom", "enter", "enter")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, MinutesScreen)
        assert "NOT SAVED" in screen_text(app)
        disk.full = False
        await pilot.press("ctrl+t")  # what was typed is back
        await pilot.pause()
        await pilot.press("enter", "enter", "enter")
        await saved(pilot)
        assert "NOT SAVED" not in screen_text(app)
        await still_takes_keys(pilot, app)
    stored = case.stored().items[0]
    assert stored.minutes == text
    assert [(action.what, action.who) for action in stored.actions] == [("Ring", "Tom")]


@pytest.mark.parametrize("kind", KINDS)
async def test_a_comment_in_the_review_on_a_full_disk_is_kept_and_the_review_goes_on(
    case: Case, kind: str
) -> None:
    disk = fill_up(case.store, kind)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        text = await typed_while_full(pilot, app, disk)
        await pilot.press("ctrl+r", "c", *"Ret", "enter")
        await pilot.pause()
        assert app.is_running
        assert type(app.screen).__name__ == "ReviewScreen"
        assert any("Not saved: the disk is full" in message for _, message in notifications(app))
        disk.full = False
        await pilot.press("c")  # what was typed is back
        await pilot.pause()
        await pilot.press("enter", "escape")
        await saved(pilot)
        assert "NOT SAVED" not in screen_text(app)
        await still_takes_keys(pilot, app)
    stored = case.stored().items[0]
    assert stored.minutes == text
    assert [comment.text for comment in stored.comments] == ["Ret"]


async def test_quitting_with_minutes_not_saved_asks_and_leaves_an_emergency_copy(
    case: Case, home: Path
) -> None:
    disk = fill_up(case.store)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        text = await typed_while_full(pilot, app, disk)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitQuestion)  # asked
        [copy] = home.glob("*.toml")
        assert str(copy) in app.screen.note and "(emergency copy)" in screen_text(app)
        assert load_meeting(copy).items[0].minutes == text
        await pilot.press("escape")  # stay
        assert isinstance(app.screen, MinutesScreen)
        await pilot.press(*" igen")
        await pilot.press("ctrl+q", "ctrl+q")  # asked again; Ctrl+Q on the question quits
        await pilot.pause()
    assert app.return_code == 1
    assert list(home.glob("*.toml")) == [copy]  # one copy, written over with the newest words
    assert load_meeting(copy).items[0].minutes == text + " igen"
    assert stored_minutes(case)[0] == "Start"


async def test_the_emergency_copy_goes_to_the_temporary_folder_when_home_cannot_be_written(
    case: Case, tmp_path: Path, temporary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "home-is-a-file"
    not_a_folder.write_text("")
    monkeypatch.setenv("HOME", str(not_a_folder))
    disk = fill_up(case.store, "os")
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        text = await typed_while_full(pilot, app, disk)
        app.stop_on_signal()  # SIGTERM: no question
        await pilot.pause()
    [copy] = temporary.glob("*.toml")
    assert load_meeting(copy).items[0].minutes == text
    assert app.return_code == 1


async def test_a_stop_signal_with_minutes_not_saved_writes_the_copy_without_asking(
    case: Case, home: Path
) -> None:
    disk = fill_up(case.store)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        text = await typed_while_full(pilot, app, disk)
        app.stop_on_signal()
        await pilot.pause()
    [copy] = home.glob("*.toml")
    assert load_meeting(copy).items[0].minutes == text


async def test_quitting_with_everything_saved_asks_nothing_and_writes_no_copy(case: Case, home: Path) -> None:
    disk = fill_up(case.store)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await typed_while_full(pilot, app, disk)
        disk.full = False
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert list(home.iterdir()) == []
    assert stored_minutes(case)[0] == "Start og mere"


# --- a real terminal: SIGTERM while the disk is full ------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals: POSIX only")
def test_sigterm_on_a_full_disk_writes_the_emergency_copy_and_ends(tmp_path: Path) -> None:
    """The real app (its connections on the test's disk, full while a flag file exists) in a
    pseudo-terminal: typed on a full disk, then ``kill``: it ends by itself, without asking,
    and the words typed are in the emergency copy in the home folder."""
    shutil.copy(DEMO, tmp_path / "møde.toml")
    home = tmp_path / "home"
    home.mkdir()
    flag = tmp_path / "disk-is-full"
    database = tmp_path / "referent.db"
    env = {"REFERENT_DB": str(database), "REFERENT_CONFIG": str(tmp_path / "none.toml"), "HOME": str(home)}
    argv = [sys.executable, str(Path(failing_disk.__file__)), str(flag), "open", "møde.toml"]
    with Terminal(argv, size=(120, 36), env=env, cwd=tmp_path) as app:
        app.wait_for("Minutes")
        app.send("Start")
        app.wait_for("saved")  # the status line: an autosave went through …
        assert wait_until_saved(database, "Start") == "Start"  # … of all five letters (on a busy
        flag.touch()  # machine the first could hold 'Sta', and the disk filled before 'rt')
        app.send(" og mere")
        app.wait_for("NOT SAVED")
        assert app.process.poll() is None
        app.signal(signal.SIGTERM)
        assert app.wait() == 1
    [copy] = home.glob("*.toml")
    assert load_meeting(copy).items[0].minutes == "Start og mere"
    store = Store.open(database)
    try:
        assert store.load_meeting(1).items[0].minutes == "Start"
    finally:
        store.close()
