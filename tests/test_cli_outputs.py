"""An export or dump never writes over the database, the meeting's own file, or a non-file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from ui_helpers import DEMO, SIZE, notifications

from referent.cli import main
from referent.export import default_filename
from referent.lock import MeetingLock
from referent.meetingfile.reader import load_meeting
from referent.store import Store
from referent.ui.app import ReferentApp, make_app

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks: POSIX")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def intact(database: Path, meeting_id: int) -> bool:
    """The file is still an SQLite database that holds the meeting."""
    connection = sqlite3.connect(database)
    try:
        if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            return False
    finally:
        connection.close()
    store = Store.open(database)
    try:
        return store.load_meeting(meeting_id).title == load_meeting(DEMO).title
    finally:
        store.close()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder holds møde.toml and referent.db, which imported it as meeting 1."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(DEMO, work / "møde.toml")
    monkeypatch.chdir(work)
    monkeypatch.setenv("REFERENT_DB", str(work / "referent.db"))
    assert main(["import", "møde.toml"]) == 0
    return work


def refused(args: list[str], capsys: pytest.CaptureFixture[str], *, says: str) -> None:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("referent: "), err
    assert says in err, err
    assert "give another file name" in err or "give a file name" in err, err


@pytest.mark.parametrize(
    "args",
    [
        ["export", "1", "--out", "referent.db"],
        ["export", "1", "--out", "./referent.db", "--format", "md"],
        ["export", "møde.toml", "--out", "referent.db"],  # the database, though this export does not use it
        ["dump", "1", "--out", "referent.db"],
        ["dump", "1", "--out", "../work/referent.db"],
    ],
)
def test_never_over_the_database(folder: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    before = digest(folder / "referent.db")
    refused(args, capsys, says="is the database")
    assert digest(folder / "referent.db") == before
    assert intact(folder / "referent.db", 1)


@posix_only
def test_never_over_the_database_through_a_symlink(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    (folder / "alias.docx").symlink_to(folder / "referent.db")
    before = digest(folder / "referent.db")
    refused(["export", "1", "--out", str(tmp_path / "link" / "referent.db")], capsys, says="is the database")
    refused(["dump", "1", "--out", "alias.docx"], capsys, says="is the database")
    assert digest(folder / "referent.db") == before
    assert (folder / "alias.docx").is_symlink()


def test_never_over_the_databases_own_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(folder / "referent.db")  # an open database has its -wal and -shm
    lock = MeetingLock(folder / "referent.db", 1)
    assert lock.acquire()
    try:
        for name in ("referent.db-wal", "referent.db-shm", str(lock.path)):
            assert (folder / name).exists(), name
            refused(["export", "1", "--out", name, "--format", "md"], capsys, says="of the database")
        refused(["export", "1", "--out", "referent.db-journal"], capsys, says="of the database")
        assert not (folder / "referent.db-journal").exists()
    finally:
        lock.release()
        store.close()
    assert intact(folder / "referent.db", 1)


@pytest.mark.parametrize(
    "args",
    [
        ["export", "møde.toml", "--public", "--out", "møde.toml"],
        ["export", "møde.toml", "--out", "./møde.toml", "--format", "docx"],
        ["export", "1", "--public", "--out", "møde.toml"],  # the file meeting 1 was imported from
        ["dump", "1", "--out", "møde.toml"],
    ],
)
def test_never_over_the_meeting_file(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    before = (folder / "møde.toml").read_bytes()
    refused(args, capsys, says="the meeting file")
    assert (folder / "møde.toml").read_bytes() == before


def test_never_over_another_meetings_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'export 2 --out Dagsorden.docx' overwrote meeting 1's agenda: only the exported meeting's
    own file was protected."""
    shutil.copy(folder / "møde.toml", folder / "andet.toml")
    assert main(["import", "andet.toml"]) == 0
    before = (folder / "møde.toml").read_bytes()
    refused(["export", "2", "--out", "møde.toml"], capsys, says="the file meeting 1 was imported from")
    refused(["dump", "2", "--out", "./møde.toml"], capsys, says="the file meeting 1 was imported from")
    assert (folder / "møde.toml").read_bytes() == before


def test_never_into_the_backups_or_the_lock_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file named like a backup would be taken for one; a lock file's name for a lock."""
    from referent.lock import lock_folder
    from referent.store import backups, make_backup

    make_backup(folder / "referent.db")
    backup = backups(folder / "referent.db")[-1]
    a_backup_name = backup.with_name("referent-20991231-235959-000000.db")
    refused(["export", "1", "--out", str(a_backup_name)], capsys, says="inside the backups of the database")
    assert not a_backup_name.exists()
    a_lock_name = lock_folder(folder / "referent.db") / "meeting-7.lock"
    refused(["dump", "1", "--out", str(a_lock_name)], capsys, says="inside referent's lock folder")
    assert not a_lock_name.exists()


@posix_only
def test_never_over_a_pipe_a_folder_or_a_device(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(folder / "pipe")
    (folder / "sub").mkdir()
    refused(["export", "1", "--out", "pipe"], capsys, says="not an ordinary file")
    refused(["dump", "1", "--out", "pipe"], capsys, says="not an ordinary file")
    refused(["export", "1", "--out", "sub"], capsys, says="is a folder")
    refused(["export", "møde.toml", "--out", "/dev/null"], capsys, says="not an ordinary file")
    assert (folder / "pipe").is_fifo()
    assert (folder / "sub").is_dir()


def test_an_ordinary_export_and_dump_still_write(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "1", "--out", "referat.docx"]) == 0
    assert main(["dump", "1", "--out", "kopi.toml"]) == 0
    assert (folder / "referat.docx").stat().st_size > 0
    assert load_meeting(folder / "kopi.toml").title == load_meeting(DEMO).title
    assert main(["export", "1", "--out", "referat.docx"]) == 0  # an earlier export is replaced


# --- F12 in the app ------------------------------------------------------------------------


def open_app(folder: Path, database_name: str | None = None) -> tuple[ReferentApp, Path, int]:
    source = folder / "møde.toml"
    shutil.copy(DEMO, source)
    meeting = load_meeting(source)
    database = folder / (database_name or default_filename(meeting))
    store = Store.open(database)
    meeting_id = store.import_meeting(meeting, str(source), source.read_text(encoding="utf-8"))
    return (
        make_app(database, meeting_id, store=store, settings_path=folder / "none.toml"),
        database,
        meeting_id,
    )


async def test_f12_exports_beside_the_meeting_file(tmp_path: Path) -> None:
    app, _, _ = open_app(tmp_path, "referent.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("exported" in message for _, message in notifications(app))
    assert (tmp_path / default_filename(load_meeting(DEMO))).stat().st_size > 0


async def test_f12_never_writes_over_the_database(tmp_path: Path) -> None:
    """A database that happens to carry the export's name stays a database: the export, which
    never writes over a file it did not make, takes a name of its own."""
    app, database, meeting_id = open_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not [message for severity, message in notifications(app) if severity == "error"]
    assert intact(database, meeting_id)
    assert database.with_name(f"{database.stem} (2).docx").stat().st_size > 0
