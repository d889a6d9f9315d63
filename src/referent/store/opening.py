"""Opening the database safely: owner-only, checked, from a newer referent refused, read-only
where it cannot be written, and a backup of the last good state kept beside it.

Every way into the minutes passes here, so a damaged file is said to be damaged (with how
to check it and where the last good copy is) instead of looking like an empty database,
and a database that a newer referent has migrated is never written by an older one.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

from referent.fileio import database_companions
from referent.i18n import t
from referent.paths import shell_word
from referent.store import schema
from referent.store.database import MEMORY, Database, DatabaseError, create_private_file

BACKUPS_KEPT = 5
"""How many backups are kept beside the database: the newest, made at each opening."""


class DamagedDatabase(DatabaseError):
    """The file is not a sound SQLite database (zeroed pages, a truncated copy, another file)."""


class NewerDatabase(DatabaseError):
    """A newer referent changed the database's layout; this one must not write to it."""


def connect(path: Path) -> Database:
    """The database at ``path``, ready for use: writable if it can be, else read-only."""
    if str(path) == MEMORY:
        db = Database.connect(path)
        _prepare(db)
        return db
    try:
        create_private_file(path)  # SQLite gives the -wal and -shm files the database's permissions
    except OSError:
        if not path.is_file():
            raise DatabaseError(
                t("{path}: cannot create the database here: the folder is not writable", path=path)
            ) from None
    tighten(path)
    db = _writable(path) or _read_only(path)
    try:
        _check(db, path)
        _prepare(db)
    except BaseException:
        db.close()
        raise
    return db


def _writable(path: Path) -> Database | None:
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return None  # a read-only file or folder: SQLite would fail on the first write, or at once
    try:
        db = Database.connect(path)
        db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) or "malformed" in str(error):
            raise DamagedDatabase(damaged_message(path, str(error))) from None
        return None
    return db


def _read_only(path: Path) -> Database:
    """The database opened for reading only, when it cannot be written: `list` and `export` work."""
    for options in ("mode=ro", "mode=ro&immutable=1"):  # immutable: no -shm can be made in the folder
        try:
            db = Database.connect(path, read_only=True, options=options)
            db.value("SELECT COUNT(*) FROM sqlite_master")
        except sqlite3.DatabaseError as error:
            if "not a database" in str(error) or "malformed" in str(error):
                raise DamagedDatabase(damaged_message(path, str(error))) from None
            continue
        return db
    raise DatabaseError(
        t("{path}: cannot be read: check that the file and its folder can be read by you", path=path)
    )


def _check(db: Database, path: Path) -> None:
    try:
        verdict = db.value("PRAGMA quick_check(1)")
    except sqlite3.DatabaseError as error:
        raise DamagedDatabase(damaged_message(path, str(error))) from None
    if verdict != "ok":
        raise DamagedDatabase(damaged_message(path, str(verdict)))
    newer = schema.unknown(db.connection)
    if newer:
        raise NewerDatabase(
            t("{path}: this database was made by a newer referent (it has '{change}'); upgrade referent to "
              "open it. Nothing was changed.", path=path, change=newer[-1])
        )  # fmt: skip


def _prepare(db: Database) -> None:
    if db.read_only:
        if schema.pending(db.connection):
            raise DatabaseError(
                t("{path}: this database is from an older referent and must be brought up to date, but it "
                  "cannot be written here: open it once where it can be written", path=db.path)
            )  # fmt: skip
        return
    db.execute("PRAGMA synchronous=FULL")  # per connection: survive a power cut
    db.execute("PRAGMA foreign_keys=ON")
    if schema.pending(db.connection):
        schema.apply(db.connection)


def tighten(path: Path) -> None:
    """Minutes are confidential until approved: the database and its companions owner-only."""
    for file in (path, *database_companions(path)):
        try:
            info = file.stat()
            if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
                file.chmod(0o600)
        except OSError:
            continue  # absent, or not ours: nothing to tighten


# --- backups ---------------------------------------------------------------------------


def backup_folder(database: Path) -> Path:
    return database.with_name(database.name + ".backups")


def backups(database: Path) -> list[Path]:
    """The backups of ``database``, oldest first."""
    folder = backup_folder(database)
    return sorted(folder.glob(f"{database.stem}-*.db")) if folder.is_dir() else []


def make_backup(database: Path, now: datetime | None = None) -> Path | None:
    """Copy the database (SQLite's backup API: consistent while it is in use) beside it and
    keep the newest ``BACKUPS_KEPT``; None when it cannot be done (a read-only folder)."""
    if str(database) == MEMORY or not database.is_file():
        return None
    folder = backup_folder(database)
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{database.stem}-{moment}.db"
    partial = target.with_suffix(".partial")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        create_private_file(partial)
        source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        partial.replace(target)
    except (OSError, sqlite3.Error):
        partial.unlink(missing_ok=True)
        return None
    for old in backups(database)[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def damaged_message(path: Path, detail: str) -> str:
    """What to say about a damaged database: what, how to check it, where the last good copy is."""
    lines = [
        t("{path}: the database is damaged ({detail}); nothing was changed.", path=path, detail=detail),
        t("Check it with: {command}", command=f"sqlite3 {shell_word(path)} 'pragma integrity_check'"),
    ]
    kept = backups(path)
    if kept:
        made = datetime.fromtimestamp(kept[-1].stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        lines.append(
            t("The last good copy is {copy} (made {made}): move the damaged file aside and copy that one in "
              "its place.", copy=kept[-1], made=made)
        )  # fmt: skip
    else:
        lines.append(t("There is no backup of it yet."))
    return "\n".join(lines)
