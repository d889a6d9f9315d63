"""One writer per meeting, whatever the spelling of the database's path."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from referent.lock import MeetingLock, lock_files, lock_path

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks and modes: POSIX")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "referent.db"
    path.write_bytes(b"")
    return path


def test_a_second_lock_on_the_same_meeting_is_refused_and_names_the_holder(database: Path) -> None:
    first, second = MeetingLock(database, 1), MeetingLock(database, 1)
    assert first.acquire()
    try:
        assert not second.acquire()
        assert str(os.getpid()) in second.holder
        assert MeetingLock(database, 2).acquire()  # another meeting of the same database is free
    finally:
        first.release()
    assert second.acquire()
    second.release()


@posix_only
def test_a_symlink_to_the_database_in_another_folder_is_the_same_database(
    database: Path, tmp_path: Path
) -> None:
    """The issue's case: REFERENT_DB=/d/db.db and REFERENT_DB=/d/link/db.db, a symlink to it."""
    (tmp_path / "link").mkdir()
    through_link = tmp_path / "link" / database.name
    through_link.symlink_to(database)
    holder = MeetingLock(through_link, 1)
    assert holder.acquire()
    try:
        assert not MeetingLock(database, 1).acquire()
    finally:
        holder.release()
    holder = MeetingLock(database, 1)
    assert holder.acquire()
    try:
        assert not MeetingLock(through_link, 1).acquire()
    finally:
        holder.release()


@posix_only
def test_a_symlinked_folder_is_the_same_database(database: Path, tmp_path: Path) -> None:
    (tmp_path / "folder-link").symlink_to(database.parent, target_is_directory=True)
    holder = MeetingLock(tmp_path / "folder-link" / database.name, 1)
    assert holder.acquire()
    try:
        assert not MeetingLock(database, 1).acquire()
    finally:
        holder.release()


@posix_only
def test_a_symlinked_file_and_other_spellings_are_the_same_database(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "other-name.db"
    link.symlink_to(database)
    monkeypatch.chdir(database.parent)
    spellings = [link, Path("referent.db"), Path("./referent.db"), Path("../data/./referent.db")]
    holder = MeetingLock(database, 3)
    assert holder.acquire()
    try:
        for spelling in spellings:
            other = MeetingLock(spelling, 3)
            assert not other.acquire(), spelling
    finally:
        holder.release()


@posix_only
def test_the_lock_file_is_owner_only(database: Path) -> None:
    lock = MeetingLock(database, 1)
    assert lock.acquire()
    try:
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    finally:
        lock.release()


@posix_only
def test_an_old_world_readable_lock_file_is_tightened(database: Path) -> None:
    path = lock_path(database, 1)
    path.write_text("process 1 on old", encoding="utf-8")
    path.chmod(0o644)
    lock = MeetingLock(database, 1)
    assert lock.acquire()
    lock.release()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_lock_files_lists_the_locks_of_this_database_only(database: Path) -> None:
    one, two = MeetingLock(database, 1), MeetingLock(database, 12)
    assert one.acquire() and two.acquire()
    other = MeetingLock(database.with_name("other.db"), 1)
    assert other.acquire()
    try:
        assert sorted(lock_files(database)) == sorted([one.path, two.path])
    finally:
        for lock in (one, two, other):
            lock.release()


def test_an_in_memory_database_needs_no_lock() -> None:
    assert MeetingLock(Path(":memory:"), 1).acquire()


@posix_only
async def test_the_app_opens_read_only_when_another_spelling_holds_the_meeting(tmp_path: Path) -> None:
    """REFERENT_DB=/d/db.db and REFERENT_DB=/d/link/db.db: the second writer is refused."""
    from textual.widgets import TextArea
    from ui_helpers import DEMO, SIZE

    from referent.meetingfile.reader import load_meeting
    from referent.store import Store
    from referent.ui.app import make_app

    real = tmp_path / "d"
    (real / "link").mkdir(parents=True)
    store = Store.open(real / "db.db")
    (real / "link" / "db.db").symlink_to(real / "db.db")
    meeting_id = store.import_meeting(load_meeting(DEMO))
    elsewhere = MeetingLock(real / "link" / "db.db", meeting_id)
    assert elsewhere.acquire()
    try:
        app = make_app(real / "db.db", meeting_id, store=store, settings_path=tmp_path / "none.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"abc")
            assert app.lock is None
            editor = app.screen.query_one("#editor", TextArea)
            assert editor.read_only and editor.text == ""
    finally:
        elsewhere.release()
        store.close()
