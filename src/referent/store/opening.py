"""Opening the database safely: owner-only, checked, from a newer referent refused, read-only
where it cannot be written, and a backup of the last good state kept beside it.

Every way into the minutes passes here, so a damaged file is said to be damaged (with how
to check it and where the last good copy is) instead of looking like an empty database,
and a database that a newer referent has migrated is never written by an older one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from datetime import datetime
from functools import partial
from pathlib import Path

from referent.fileio import database_companions
from referent.i18n import t, tn
from referent.paths import shell_word
from referent.store import schema
from referent.store.database import MEMORY, Database, DatabaseError

BACKUPS_KEPT = 5
"""How many backups are kept beside the database at least: the newest, made at each opening.
Older ones go only when a newer backup holds everything they hold (``_rotate``)."""
OPEN = 1
"""``user_version`` of a database that a referent has open; 0 when the last one closed it.
A copy of the file that says OPEN without a ``-wal`` beside it was taken while referent
had it open (a plain ``cp``), and may lack what was saved last."""
_SQLITE = b"SQLite format 3\0"


class DamagedDatabase(DatabaseError):
    """The file is not a sound SQLite database (zeroed pages, a truncated copy, another file)."""


class NewerDatabase(DatabaseError):
    """A newer referent changed the database's layout; this one must not write to it."""


def connect(path: Path) -> Database:
    """The database at ``path`` (made if there is none), ready for use: writable if it can be,
    else read-only. Opened by the name every referent that has it open uses (``DatabaseClaim``)."""
    if str(path) == MEMORY:
        memory = Database.connect(path)
        _prepare(memory)
        return memory
    if not os.path.lexists(path):
        create(path)
    from referent.lock import DatabaseClaim

    claim = DatabaseClaim(path)
    try:
        name = claim.acquire()
    except OSError as error:  # a lock file that is a symlink, or another user's: says which
        raise DatabaseError(str(error)) from None
    db: Database | None = None
    try:
        left_log = _has_log(name)
        _check_file(name, path)
        tighten(name)
        db = _writable(name, path) or _read_only(name, path)
        _check(db, path)
        if not db.read_only and not _write_ahead(db):
            db.connection.close()
            db = _read_only(name, path)
        if claim.first:
            _warn_if_copied(db, path, left_log)
        if not db.read_only:
            db.before_first_write = partial(_mark_open, db)
        _prepare(db)
    except BaseException:
        claim.release(lambda _last: db.connection.close() if db is not None else None)
        raise
    db.closing = partial(claim.release, partial(_close, db))
    return db


def create(path: Path) -> None:
    """A new, empty database at ``path`` (and its folder), owner-only, made whole under a
    temporary name and then given its name: a file of 0 bytes is never one of referent's
    (a sync tool or a crash can leave one), so it can be called damaged."""
    import tempfile

    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".new")
    except OSError as error:
        raise DatabaseError(
            t("{path}: cannot create the database here: the folder is not writable ({error})", path=path,
              error=error.strerror)
        ) from None  # fmt: skip
    os.close(handle)  # mkstemp made it owner-only: SQLite gives its -wal and -shm the same
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            schema.apply(connection)
        finally:
            connection.close()
        try:
            os.link(temporary, path)  # never over a database another referent made meanwhile
        except FileExistsError:
            pass
        except OSError:  # a disk without hard links (FAT): rename, if the name is still free
            if not os.path.lexists(path):
                os.replace(temporary, path)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseError(
            t("{path}: cannot create the database: {error}", path=path, error=error)
        ) from None
    finally:
        for leftover in (temporary, f"{temporary}-wal", f"{temporary}-shm"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _has_log(name: Path) -> bool:
    """A ``-wal`` with something in it is beside the database: one open now, or left by a
    crash (SQLite reads it)."""
    try:
        return os.stat(f"{name}-wal").st_size > 0
    except OSError:
        return False


def _check_file(name: Path, shown: Path) -> None:
    """An ordinary file, and not one cut short: SQLite takes an empty file for a new database,
    and reads a truncated one until it meets the missing pages. (The page count in the file's
    header is the file's own, as of the last time the log was folded in: a log beside it
    never makes the file shorter than its header says.)"""
    try:
        info = os.stat(name)
    except OSError as error:
        reason = t("{path}: cannot be opened: {error}", path=shown, error=error.strerror or error)
        raise DatabaseError(reason) from None
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(
            t("{path}: is not an ordinary file, so it is no database; check the path", path=shown)
        )
    if info.st_size == 0:  # (SQLite writes the first page into the file itself, log or not)
        raise DamagedDatabase(damaged_message(shown, t("the file is empty: 0 bytes")))
    try:
        with open(name, "rb") as file:
            header = file.read(100)
    except OSError:
        return  # cannot be read: said below, by the read-only opening
    if len(header) < 100 or not header.startswith(_SQLITE):
        return  # no database at all: SQLite says so below
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # the page count is valid (SQLite 3.7.0 and later)
    if page < 512 or info.st_size % page or (counted and info.st_size < pages * page):
        have = (
            t("{have} of its {pages} pages", have=info.st_size // page, pages=pages)
            if counted and page >= 512
            else t("{size} bytes", size=info.st_size)
        )
        raise DamagedDatabase(damaged_message(shown, t("the file is cut short: it holds {have}", have=have)))


def _writable(path: Path, shown: Path) -> Database | None:
    if _read_only_file(path) or not os.access(path.parent, os.W_OK):
        return None  # a read-only file or folder: SQLite would fail on the first write, or at once
    try:
        db = Database.connect(path)
        db.value("SELECT COUNT(*) FROM sqlite_master")  # (changes nothing before it is checked)
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) or "malformed" in str(error):
            raise DamagedDatabase(damaged_message(shown, str(error))) from None
        return None
    return db


def _write_ahead(db: Database) -> bool:
    """Switch to WAL (kept in the file); False where that cannot be written."""
    try:
        return bool(db.value("PRAGMA journal_mode=WAL") == "wal")
    except sqlite3.OperationalError:
        return False


def _read_only_file(path: Path) -> bool:
    """Made read-only by its owner (0444, 0440), or not writable by us: never written. Asked of
    the mode too, since root may write any file: read-only means read-only for root as well."""
    info = os.stat(path)
    mode = stat.S_IMODE(info.st_mode)
    owner = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    return not os.access(path, os.W_OK) or not mode & 0o222 or (owner and not mode & stat.S_IWUSR)


def _read_only(path: Path, shown: Path) -> Database:
    """The database opened for reading only, when it cannot be written: `list` and `export` work."""
    for options in ("mode=ro", "mode=ro&immutable=1"):  # immutable: no -shm can be made in the folder
        try:
            db = Database.connect(path, read_only=True, options=options)
            db.value("SELECT COUNT(*) FROM sqlite_master")
        except sqlite3.DatabaseError as error:
            if "not a database" in str(error) or "malformed" in str(error):
                raise DamagedDatabase(damaged_message(shown, str(error))) from None
            continue
        return db
    raise DatabaseError(
        t("{path}: cannot be read: check that the file and its folder can be read by you", path=shown)
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
            t(
                "{path}: this database was made by a newer referent (it has '{change}'); upgrade referent to "
                "open it. Nothing was changed.",
                path=path,
                change=newer[-1],
            )
        )
    if not schema.applied(db.connection) and db.value("SELECT COUNT(*) FROM sqlite_master"):
        raise DatabaseError(
            t(
                "{path}: is a database of another program, not referent's; nothing was changed. Check the "
                "path (--db, REFERENT_DB)",
                path=path,
            )
        )


def _prepare(db: Database) -> None:
    if db.read_only:
        if schema.pending(db.connection):
            raise DatabaseError(
                t(
                    "{path}: this database is from an older referent and must be brought up to date, but it "
                    "cannot be written here: open it once where it can be written",
                    path=db.path,
                )
            )
        return
    db.execute("PRAGMA synchronous=FULL")  # per connection: survive a power cut
    db.execute("PRAGMA foreign_keys=ON")
    if schema.pending(db.connection):
        with db.transaction():  # (marks the file open first)
            pass
        schema.apply(db.connection)


def _warn_if_copied(db: Database, shown: Path, left_log: bool) -> None:
    """Opened first (no other referent has it open): a file marked open without a log
    beside it is a copy taken while a referent had it open, and may lack the newest saves."""
    if db.value("PRAGMA user_version") == OPEN and not left_log:
        db.warnings.append(
            t(
                "{path}: this file was copied while referent had it open (not with 'referent backup'): "
                "what was saved last before the copy may be missing from it. Copy a database with "
                "'referent backup --out FILE'.",
                path=shown,
            )
        )


def _mark_open(db: Database) -> None:
    """Before the first change: mark the file open in the file itself, not only in the log,
    so that a plain copy taken from now on says so. A session that only reads writes nothing."""
    with contextlib.suppress(sqlite3.Error):  # (a full disk: the change itself says so)
        if db.value("PRAGMA user_version") != OPEN:
            db.execute(f"PRAGMA user_version = {OPEN}")
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _close(db: Database, last: bool) -> None:
    """The last referent to close the database marks it closed; SQLite then folds the log in."""
    if last and not db.read_only:
        with contextlib.suppress(sqlite3.Error):
            if db.value("PRAGMA user_version") == OPEN:
                db.execute("PRAGMA user_version = 0")
    db.connection.close()


def tighten(path: Path) -> None:
    """Minutes are confidential until approved: the database and its companions owner-only.
    Only permissions for others are taken away, never one added: a file its owner made
    read-only (0444, 0440) is left as it is, and opened read-only."""
    for file in (path, *database_companions(path)):
        try:
            info = file.stat()
            mode = stat.S_IMODE(info.st_mode)
            if info.st_uid == os.getuid() and mode & stat.S_IWUSR and mode & 0o077:
                file.chmod(mode & ~0o077)
        except OSError:
            continue  # absent, or not ours: nothing to tighten


# --- backups ---------------------------------------------------------------------------


def backup_folder(database: Path) -> Path:
    """Beside the database's real file (a symlink's target), whatever name it was opened by."""
    real = Path(os.path.realpath(database))
    return real.with_name(real.name + ".backups")


def backups(database: Path) -> list[Path]:
    """The backups of ``database``, oldest first."""
    folder = backup_folder(database)
    stem = Path(os.path.realpath(database)).stem
    return sorted(folder.glob(f"{stem}-*.db")) if folder.is_dir() else []


def make_backup(database: Path, now: datetime | None = None) -> Path | None:
    """Copy the database beside it, and keep the newest ``BACKUPS_KEPT`` and every older one
    that holds something no newer kept backup holds; None when it cannot be done (a
    read-only folder). ``database`` is the name it is open by (``Store.file``)."""
    if str(database) == MEMORY or not database.is_file():
        return None
    folder = backup_folder(database)
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(os.path.realpath(database)).stem}-{moment}.db"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        copy_database(database, target)
    except (OSError, sqlite3.Error):
        return None
    _rotate(database)
    return target


def copy_database(database: Path, target: Path) -> None:
    """A consistent copy of ``database`` at ``target``, owner-only, made with SQLite's backup API
    (what another connection is writing meanwhile is in it, or not, never half), under a
    temporary name then renamed: ``target`` is whole or untouched. Raises ``OSError`` or
    ``sqlite3.Error``."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(handle)
    partial = Path(temporary)
    try:
        source = sqlite3.connect(
            f"{Path(os.path.realpath(database)).as_uri()}?mode=ro", uri=True, timeout=5.0
        )
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA user_version = 0")  # a whole copy: not one taken while open
        finally:
            copy.close()
            source.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


Holdings = dict[tuple[int, str], tuple[str, int]]
"""What a database holds, to compare backups: each meeting (id, when it was imported) with
when its minutes were last saved and how many approvals it has had."""


def holdings(path: Path) -> Holdings | None:
    """What the database file at ``path`` holds; None if it cannot be read as one."""
    try:
        connection = sqlite3.connect(f"{Path(os.path.realpath(path)).as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        try:
            rows = connection.execute(
                "SELECT m.id, m.imported_at, m.updated_at,"
                " (SELECT COUNT(*) FROM approvals a WHERE a.meeting_id = m.id) FROM meetings m"
            ).fetchall()
        except sqlite3.OperationalError:  # a backup from before approvals
            rows = connection.execute("SELECT id, imported_at, updated_at, 0 FROM meetings").fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return {(row[0], str(row[1] or "")): (str(row[2] or ""), int(row[3])) for row in rows}


def _covers(newer: Holdings, older: Holdings) -> bool:
    """``newer`` holds every meeting of ``older``, saved as late or later."""
    for key, (saved, approvals) in older.items():
        mine = newer.get(key)
        if mine is None or mine[0] < saved or mine[1] < approvals:
            return False
    return True


def _rotate(database: Path) -> None:
    """Keep the newest ``BACKUPS_KEPT`` backups, and an older one while no kept newer backup
    holds what it holds: a database emptied or replaced (a sync tool, a wrong copy) and
    then opened again and again never rotates the last good backup away."""
    every = backups(database)
    if len(every) <= BACKUPS_KEPT:
        return
    held = {backup: holdings(backup) for backup in every}
    kept = every[-BACKUPS_KEPT:]
    for old in reversed(every[:-BACKUPS_KEPT]):  # the newest of them first: it may cover the rest
        mine = held[old]
        if mine is None or any(_covers(theirs, mine) for k in kept if (theirs := held[k]) is not None):
            old.unlink(missing_ok=True)
        else:
            kept.append(old)


def damaged_message(path: Path, detail: str) -> str:
    """What to say about a damaged database: what, how to check it, where the last good copy is."""
    lines = [
        t("{path}: the database is damaged ({detail}); nothing was changed.", path=path, detail=detail),
        t("Check it with: {command}", command=f"sqlite3 {shell_word(path)} 'pragma integrity_check'"),
    ]
    kept = backups(path)
    if not kept:
        lines.append(t("There is no backup of it yet."))
        return "\n".join(lines)
    newest = holdings(kept[-1])
    lines.append(
        t(
            "The newest backup is {backup} ({what}): move the damaged file aside and copy that one in its "
            "place.",
            backup=kept[-1],
            what=_described(kept[-1], newest),
        )
    )
    fuller = [b for b in kept[:-1] if (h := holdings(b)) and (newest is None or not _covers(newest, h))]
    if fuller:
        lines.append(
            t(
                "An older backup holds meetings or minutes the newest does not: {backup} ({what}).",
                backup=fuller[-1],
                what=_described(fuller[-1], holdings(fuller[-1])),
            )
        )
    return "\n".join(lines)


def _described(backup: Path, held: Holdings | None) -> str:
    made = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    if held is None:
        return t("made {made}, cannot be read", made=made)
    return tn("made {made}, 1 meeting", "made {made}, {count} meetings", len(held), made=made)
