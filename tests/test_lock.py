"""One writer per meeting and one name in use per database, whatever its path: a symlink, a
hard link, another spelling. Lock files are never followed through a symlink, nor used when
they are another user's."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from referent.cli import main
from referent.lock import MeetingLock, lock_files, lock_folder, lock_path
from referent.model import Item, Meeting
from referent.store import DatabaseError, Store

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks, hard links and modes: POSIX")
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


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
    path.parent.mkdir(parents=True)
    path.write_text("process 1 on old", encoding="utf-8")
    path.chmod(0o644)
    lock = MeetingLock(database, 1)
    assert lock.acquire()
    lock.release()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_lock_files_lists_the_locks_of_this_database_only(database: Path) -> None:
    one, two = MeetingLock(database, 1), MeetingLock(database, 12)
    assert one.acquire() and two.acquire()
    database.with_name("other.db").write_bytes(b"")
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


# --- hard links: one file, two names -------------------------------------------------------


def two_meetings(path: Path) -> tuple[int, int]:
    store = Store.open(path)
    try:
        meeting = Meeting(title="Styregruppe", date=date(2023, 3, 13), items=[Item(title="A")])
        return store.import_meeting(meeting), store.import_meeting(meeting)
    finally:
        store.close()


@posix_only
@pytest.mark.parametrize("elsewhere", [False, True], ids=["same-folder", "other-folder"])
def test_a_hard_link_to_the_database_meets_the_same_lock(tmp_path: Path, elsewhere: bool) -> None:
    """The issue's case: ``ln r.db hard.db``; both opened writable, each with its own lock."""
    real = tmp_path / "r.db"
    two_meetings(real)
    hard = (tmp_path / "other" if elsewhere else tmp_path) / "hard.db"
    hard.parent.mkdir(exist_ok=True)
    os.link(real, hard)
    holder = MeetingLock(real, 1)
    assert holder.acquire()
    try:
        second = MeetingLock(hard, 1)
        assert not second.acquire()
        assert str(os.getpid()) in second.holder
    finally:
        holder.release()


@posix_only
def test_two_writers_through_a_hard_link_lose_nothing(tmp_path: Path) -> None:
    """Each opened through its own name, two referents wrote two logs (r.db-wal, hard.db-wal),
    and one's saved minutes disappeared when the other's log was folded in. Now the second
    opens the database by the name the first has it open by."""
    real = tmp_path / "r.db"
    first_id, second_id = two_meetings(real)
    hard = tmp_path / "hard.db"
    os.link(real, hard)
    one, two = Store.open(real), Store.open(hard)
    try:
        assert one.file == two.file == real
        one.save_minutes(one.item_ids(first_id)[0], "Skrevet gennem r.db.")
        two.save_minutes(two.item_ids(second_id)[0], "Skrevet gennem hard.db.")
        assert not (tmp_path / "hard.db-wal").exists()
    finally:
        one.close()
        two.close()
    for name in (real, hard):
        store = Store.open(name)
        try:
            assert store.load_meeting(first_id).items[0].minutes == "Skrevet gennem r.db."
            assert store.load_meeting(second_id).items[0].minutes == "Skrevet gennem hard.db."
        finally:
            store.close()


@posix_only
def test_a_log_left_by_a_crash_under_another_name_is_read(tmp_path: Path) -> None:
    """A referent killed while it had r.db open leaves r.db-wal; opened next through hard.db,
    SQLite would not have looked there, and the minutes in the log were gone."""
    real = tmp_path / "r.db"
    meeting_id, _ = two_meetings(real)
    hard = tmp_path / "other" / "hard.db"
    hard.parent.mkdir()
    os.link(real, hard)
    crash = (
        "import os, sys\n"
        "from referent.store import Store\n"
        "store = Store.open(sys.argv[1])\n"
        "store.save_minutes(store.item_ids(int(sys.argv[2]))[0], 'Gemt lige før nedbruddet.')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(real), str(meeting_id)], check=True, env=os.environ)
    assert (tmp_path / "r.db-wal").stat().st_size > 0
    store = Store.open(hard)
    try:
        assert store.load_meeting(meeting_id).items[0].minutes == "Gemt lige før nedbruddet."
    finally:
        store.close()


# --- lock files that are not ours ----------------------------------------------------------


@posix_only
def test_a_symlink_named_like_a_lock_file_is_not_followed(database: Path, tmp_path: Path) -> None:
    victim = tmp_path / "important.txt"
    victim.write_text("do not touch", encoding="utf-8")
    victim.chmod(0o644)
    path = lock_path(database, 1)
    path.parent.mkdir(parents=True)
    path.symlink_to(victim)
    old_style = database.with_name(f"{database.name}.meeting-1.lock")  # where it used to be
    old_style.symlink_to(victim)
    lock = MeetingLock(database, 1)
    assert not lock.acquire()
    assert "symbolic link" in lock.problem and str(path) in lock.problem
    assert victim.read_text(encoding="utf-8") == "do not touch"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644


@posix_only
def test_a_symlink_named_like_the_database_lock_refuses_the_database_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "r.db"
    two_meetings(database)
    victim = tmp_path / "important.txt"
    victim.write_text("do not touch", encoding="utf-8")
    (lock_folder(database) / "database.lock").unlink()
    (lock_folder(database) / "database.lock").symlink_to(victim)
    with pytest.raises(DatabaseError, match="symbolic link"):
        Store.open(database)
    assert main(["list", "--db", str(database)]) == 1
    err = capsys.readouterr().err
    assert "symbolic link" in err and "Traceback" not in err
    assert victim.read_text(encoding="utf-8") == "do not touch"


@posix_only
@pytest.mark.skipif(not ROOT_USER, reason="only root can give a file to another user")
def test_a_lock_file_of_another_user_is_refused_with_a_message(database: Path) -> None:
    """As another user it was a PermissionError traceback; as root, it was used. Neither now."""
    path = lock_path(database, 1)
    path.parent.mkdir(parents=True)
    path.write_text("process 1 on theirs", encoding="utf-8")
    os.chown(path, NOBODY, NOBODY)
    lock = MeetingLock(database, 1)
    assert not lock.acquire()
    assert "belongs to another user" in lock.problem
    assert path.read_text(encoding="utf-8") == "process 1 on theirs"
    assert path.stat().st_uid == NOBODY


@posix_only
@pytest.mark.skipif(not ROOT_USER, reason="only root can give a file to another user")
def test_a_database_lock_of_another_user_refuses_the_database_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "r.db"
    two_meetings(database)
    os.chown(lock_folder(database) / "database.lock", NOBODY, NOBODY)
    assert main(["list", "--db", str(database)]) == 1
    err = capsys.readouterr().err
    assert "belongs to another user" in err and "Traceback" not in err


@posix_only
def test_a_lock_folder_of_another_user_is_refused(database: Path) -> None:
    if not ROOT_USER:
        pytest.skip("only root can give a folder to another user")
    folder = lock_folder(database)
    folder.mkdir(parents=True)
    os.chown(folder, NOBODY, NOBODY)
    lock = MeetingLock(database, 1)
    assert not lock.acquire()
    assert "belongs to another user" in lock.problem


@posix_only
async def test_the_app_opens_read_only_and_says_why_when_the_lock_file_is_a_symlink(tmp_path: Path) -> None:
    from textual.widgets import TextArea
    from ui_helpers import DEMO, SIZE, notifications

    from referent.meetingfile.reader import load_meeting
    from referent.ui.app import make_app

    store = Store.open(tmp_path / "db.db")
    meeting_id = store.import_meeting(load_meeting(DEMO))
    (tmp_path / "victim").write_text("x", encoding="utf-8")
    lock_path(tmp_path / "db.db", meeting_id).symlink_to(tmp_path / "victim")
    try:
        app = make_app(tmp_path / "db.db", meeting_id, store=store, settings_path=tmp_path / "none.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"abc")
            assert app.lock is None
            assert app.screen.query_one("#editor", TextArea).read_only
            assert any("symbolic link" in text for _severity, text in notifications(app))
    finally:
        store.close()
    assert (tmp_path / "victim").read_text(encoding="utf-8") == "x"
