"""A damaged database, a newer one, a read-only one, loose permissions, and the backups."""

from __future__ import annotations

import os
import shlex
import sqlite3
import stat
from pathlib import Path

import pytest
from conftest import FakeClock

from referent.cli import main
from referent.model import Item, Meeting
from referent.store import (
    DamagedDatabase,
    DatabaseError,
    NewerDatabase,
    ReadOnlyDatabase,
    Store,
    backups,
    make_backup,
)
from referent.store.opening import BACKUPS_KEPT

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def meeting() -> Meeting:
    from datetime import date

    return Meeting(title="Styregruppe", date=date(2023, 3, 13), items=[Item(title="A"), Item(title="B")])


def made(path: Path, minutes: str = "Godkendt.") -> int:
    store = Store.open(path)
    meeting_id = store.import_meeting(meeting())
    store.save_minutes(store.item_ids(meeting_id)[0], minutes)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return meeting_id


def zero_pages(path: Path, first: int, count: int) -> None:
    """What a failing disk leaves: whole pages of zeros in the middle of the file."""
    with sqlite3.connect(path) as connection:
        page = connection.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as file:
        file.seek(page * first)
        file.write(b"\0" * page * count)


def test_a_damaged_database_says_so_how_to_check_it_and_where_the_last_good_copy_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Mine møder" / "referent.db"  # a space: the command to check it quotes it
    path.parent.mkdir()
    made(path)
    good = make_backup(path)
    assert good is not None
    zero_pages(path, 1, 3)
    with pytest.raises(DamagedDatabase) as raised:
        Store.open(path)
    message = str(raised.value)
    assert "the database is damaged" in message
    [check] = [line.removeprefix("Check it with: ") for line in message.splitlines() if "sqlite3" in line]
    assert shlex.split(check) == ["sqlite3", str(path), "pragma integrity_check"]
    assert str(good) in message
    for command in (["list"], ["import", str(tmp_path / "x.toml")], ["export", "1"], ["open", "1"]):
        assert main([*command, "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert "the database is damaged" in err and "Traceback" not in err
    restored = Store.open(good)  # the backup is a sound database with the minutes in it
    assert restored.load_meeting(1).items[0].minutes == "Godkendt."
    restored.close()


def test_a_file_that_is_no_database_is_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "referent.db"
    path.write_bytes(b"PK\x03\x04 this is a Word document, renamed" * 100)
    with pytest.raises(DamagedDatabase):
        Store.open(path)


def test_a_database_from_a_newer_referent_is_refused_and_not_written(tmp_path: Path) -> None:
    path = tmp_path / "referent.db"
    made(path)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('referent', 'm099_future', 'x')"
        )
    before = path.read_bytes()
    with pytest.raises(NewerDatabase, match="made by a newer referent"):
        Store.open(path)
    assert path.read_bytes() == before


@pytest.mark.skipif(ROOT_USER, reason="root writes into read-only folders")
def test_a_database_in_a_read_only_folder_can_be_listed_and_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "referent.db"
    made(path, "Skrevet før mappen blev låst.")
    folder.chmod(0o500)
    try:
        store = Store.open(path)
        assert store.read_only
        assert store.load_meeting(1).items[0].minutes == "Skrevet før mappen blev låst."
        with pytest.raises(ReadOnlyDatabase):
            store.save_minutes(store.item_ids(1)[0], "x")
        with pytest.raises(ReadOnlyDatabase):
            store.import_meeting(meeting())
        store.close()
        assert main(["list", "--db", str(path)]) == 0
        assert "Styregruppe" in capsys.readouterr().out
        out = tmp_path / "referat.md"
        assert main(["export", "1", "--out", str(out), "--db", str(path)]) == 0
        assert "Skrevet før mappen blev låst." in out.read_text(encoding="utf-8")
        assert main(["import", str(tmp_path / "none.toml"), "--db", str(path)]) == 2  # the file is missing
    finally:
        folder.chmod(0o700)


def test_a_database_that_cannot_be_written_is_opened_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the test above, for any user (root writes into read-only folders): the check that
    decides it is made to say no."""
    path = tmp_path / "referent.db"
    made(path, "Skrevet før.")
    monkeypatch.setattr("referent.store.opening.os.access", lambda _path, mode: mode != os.W_OK)
    store = Store.open(path)
    assert store.read_only and store.load_meeting(1).items[0].minutes == "Skrevet før."
    with pytest.raises(ReadOnlyDatabase, match="can only be read here"):
        store.update_meeting(1, location="x")
    store.close()
    assert main(["list", "--db", str(path)]) == 0
    assert main(["dump", "1", "--db", str(path)]) == 0
    assert "Skrevet før." in capsys.readouterr().out


def test_an_existing_open_database_and_its_companions_are_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "referent.db"
    made(path)
    store = Store.open(path)
    store.save_minutes(store.item_ids(1)[1], "wal")  # the -wal and -shm exist while it is open
    companions = [path] + [
        path.with_name(path.name + s) for s in ("-wal", "-shm") if path.with_name(path.name + s).exists()
    ]
    for file in companions:
        file.chmod(0o644)
    store.close()
    Store.open(path).close()
    for file in [path] + [path.with_name(path.name + s) for s in ("-wal", "-shm")]:
        if file.exists():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_a_database_reached_through_a_link_has_its_companions_made_owner_only(tmp_path: Path) -> None:
    """SQLite keeps the -wal and -shm beside the real file, not beside the link."""
    from referent.store.opening import tighten

    real = tmp_path / "real" / "referent.db"
    real.parent.mkdir()
    made(real)
    link = tmp_path / "referent.db"
    link.symlink_to(real)
    wal = real.with_name(real.name + "-wal")
    wal.write_bytes(b"")
    wal.chmod(0o644)
    tighten(link)
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600


def test_backups_are_consistent_owner_only_and_the_newest_few_are_kept(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "referent.db"
    made(path)
    made_backups = []
    for _ in range(BACKUPS_KEPT + 2):
        clock.advance(minutes=1)
        made_backups.append(make_backup(path, clock.now))
    kept = backups(path)
    assert kept == made_backups[-BACKUPS_KEPT:]
    for backup in kept:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        with sqlite3.connect(backup) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stat.S_IMODE(backups(path)[0].parent.stat().st_mode) == 0o700


def test_import_makes_a_backup_first(tmp_path: Path, write_file, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "referent.db"
    made(path)
    source = write_file("m.toml", '[meeting]\ntitle = "M"\ndate = 2023-03-13\n')
    assert main(["import", str(source), "--db", str(path)]) == 0
    (backup,) = backups(path)
    store = Store.open(backup)
    assert [m.title for m in store.list_meetings()] == ["Styregruppe"]  # the state before the import
    store.close()


def test_exports_never_write_into_the_backups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "referent.db"
    made(path)
    backup = make_backup(path)
    assert backup is not None
    before = backup.read_bytes()
    assert main(["export", "1", "--out", str(backup), "--db", str(path)]) == 1
    assert backup.read_bytes() == before


# --- an empty or truncated database is damaged, not new ----------------------------------


def test_an_empty_database_is_damaged_not_new_and_points_at_the_newest_backup(
    tmp_path: Path,
    write_file,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    """A sync tool or a crash left 0 bytes: it was 'No meetings yet' (exit 0), 'import' wrote
    a new database into it, and five more openings rotated every good backup away."""
    path = tmp_path / "referent.db"
    made(path)
    good = make_backup(path)
    assert good is not None
    path.write_bytes(b"")
    source = write_file("m.toml", '[meeting]\ntitle = "M"\ndate = 2023-03-13\n')
    for _ in range(BACKUPS_KEPT + 1):
        assert main(["list", "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert "the database is damaged (the file is empty: 0 bytes)" in err and "Traceback" not in err
        assert f"The newest backup is {good}" in err and "1 meeting" in err
        assert main(["import", str(source), "--db", str(path)]) == 1
        capsys.readouterr()
    assert path.read_bytes() == b""
    assert backups(path) == [good]


def test_a_database_cut_short_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "referent.db"
    made(path)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size - 1000)  # not a whole number of pages
    with pytest.raises(DamagedDatabase, match="the file is cut short"):
        Store.open(path)
    with path.open("r+b") as file:
        file.truncate(4096)  # whole pages, fewer than the header counts
    with pytest.raises(DamagedDatabase, match=r"the file is cut short: it holds 1 of its \d+ pages"):
        Store.open(path)


def test_a_new_database_is_never_an_empty_file(tmp_path: Path) -> None:
    """Made whole under a temporary name, then named: so an empty file can be called damaged."""
    path = tmp_path / "new" / "referent.db"
    store = Store.open(path)
    store.close()
    assert path.stat().st_size > 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["referent.db"]  # no temporary left
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM meetings").fetchone() == (0,)


def test_a_database_of_another_program_is_refused_and_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="a database of another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_backups_are_rotated_by_what_they_hold_not_by_count_alone(tmp_path: Path, clock: FakeClock) -> None:
    """A database emptied or replaced, then opened again and again: the last backup that
    held the meetings is kept; the older ones it holds all of go as before."""
    path = tmp_path / "referent.db"
    made(path, "Det gode referat.")
    good = []
    for _ in range(3):
        clock.advance(minutes=1)
        good.append(make_backup(path, clock.now))
    for companion in tmp_path.glob("referent.db*"):  # replaced by an empty one (a sync tool)
        if companion.is_file():
            companion.unlink()
    Store.open(path).close()
    empty = []
    for _ in range(BACKUPS_KEPT + 3):
        clock.advance(minutes=1)
        empty.append(make_backup(path, clock.now))
    assert backups(path) == [good[-1], *empty[-BACKUPS_KEPT:]]
    restored = Store.open(good[-1])
    assert restored.load_meeting(1).items[0].minutes == "Det gode referat."
    restored.close()
    with pytest.raises(DamagedDatabase) as raised:  # and the damaged message points at it
        path.write_bytes(b"")
        Store.open(path)
    assert f"An older backup holds meetings or minutes the newest does not: {good[-1]}" in str(raised.value)


# --- read-only means read-only --------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o444, 0o440, 0o400], ids=oct)
def test_a_read_only_database_stays_read_only(
    tmp_path: Path, mode: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was chmod-ed to 0600 by 'list' or 'open', and then written (root writes any file)."""
    path = tmp_path / "referent.db"
    made(path, "Arkiveret.")
    path.chmod(mode)
    before = path.read_bytes()
    assert main(["list", "--db", str(path)]) == 0
    assert "Styregruppe" in capsys.readouterr().out
    store = Store.open(path)
    try:
        assert store.read_only
        with pytest.raises(ReadOnlyDatabase):
            store.save_minutes(store.item_ids(1)[0], "x")
    finally:
        store.close()
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_bytes() == before


def test_only_others_permissions_are_taken_away(tmp_path: Path) -> None:
    path = tmp_path / "referent.db"
    made(path)
    path.chmod(0o640)
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- a copy of the database -----------------------------------------------------------------


def test_a_plain_copy_taken_while_the_database_is_open_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    path = tmp_path / "referent.db"
    made(path, "Gammelt.")
    store = Store.open(path)
    store.save_minutes(store.item_ids(1)[0], "Det nyeste.")  # in referent.db-wal, not yet in the file
    shutil.copy(path, tmp_path / "cp.db")
    shutil.copy(path, tmp_path / "with-log.db")
    shutil.copy(tmp_path / "referent.db-wal", tmp_path / "with-log.db-wal")
    assert main(["backup", "--out", str(tmp_path / "safe.db"), "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "safe.db")
    store.close()
    shutil.copy(path, tmp_path / "after.db")

    copy = Store.open(tmp_path / "cp.db")
    assert copy.load_meeting(1).items[0].minutes == "Gammelt."  # what a plain copy misses
    assert any("was copied while referent had it open" in w for w in copy.warnings)
    copy.close()
    assert main(["list", "--db", str(tmp_path / "cp.db")]) == 0
    assert "copied while referent had it open" not in capsys.readouterr().err  # said once: opened since
    for name in ("with-log.db", "safe.db", "after.db"):
        other = Store.open(tmp_path / name)
        assert other.load_meeting(1).items[0].minutes == "Det nyeste.", name
        assert other.warnings == [], name
        other.close()


def test_a_copy_warning_reaches_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    path = tmp_path / "referent.db"
    made(path)
    store = Store.open(path)
    store.save_minutes(store.item_ids(1)[0], "Det nyeste.")
    shutil.copy(path, tmp_path / "cp.db")
    store.close()
    assert main(["list", "--db", str(tmp_path / "cp.db")]) == 0
    assert "was copied while referent had it open" in capsys.readouterr().err


def test_a_session_that_only_reads_does_not_change_the_file(tmp_path: Path) -> None:
    path = tmp_path / "referent.db"
    made(path)
    before = path.read_bytes()
    store = Store.open(path)
    store.load_meeting(1)
    store.close()
    assert path.read_bytes() == before


def test_backup_without_out_goes_to_the_backups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "referent.db"
    made(path)
    assert main(["backup", "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip() == str(backups(path)[-1])
    assert main(["backup", "--out", str(tmp_path / "referent.db-wal"), "--db", str(path)]) == 1
    assert "of the database" in capsys.readouterr().err


# --- a mistyped --db ------------------------------------------------------------------------


def test_a_mistyped_db_makes_no_folders_and_no_database(
    tmp_path: Path,
    write_file,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    source = write_file("m.toml", '[meeting]\ntitle = "M"\ndate = 2023-03-13\n')
    typo = tmp_path / "Dokumnter" / "referent.db"
    for command in (
        ["list"],
        ["dump", "1"],
        ["export", "1"],
        ["open", "1"],
        ["backup"],
        ["import", str(source)],
    ):
        assert main([*command, "--db", str(typo)]) == 1, command
        err = capsys.readouterr().err
        assert str(typo) in err and "Traceback" not in err
    assert not typo.parent.exists()
    assert main(["list", "--db", str(tmp_path / "referent.db")]) == 1
    assert "there is no database here" in capsys.readouterr().err
    assert not (tmp_path / "referent.db").exists()
    assert main(["import", str(source), "--db", str(tmp_path / "referent.db")]) == 0  # a folder that exists
    assert (tmp_path / "referent.db").exists()


async def test_the_app_says_when_its_database_is_a_copy_taken_while_open(tmp_path: Path) -> None:
    import shutil

    from ui_helpers import SIZE, notifications

    from referent.ui.app import make_app

    path = tmp_path / "referent.db"
    made(path)
    store = Store.open(path)
    store.save_minutes(store.item_ids(1)[0], "Det nyeste.")
    shutil.copy(path, tmp_path / "cp.db")
    store.close()
    copy = Store.open(tmp_path / "cp.db")
    try:
        app = make_app(tmp_path / "cp.db", 1, store=copy, settings_path=tmp_path / "none.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            shown = [text for severity, text in notifications(app) if severity == "warning"]
            assert any("copied while referent had it open" in text for text in shown), shown
    finally:
        copy.close()
