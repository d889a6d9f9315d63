"""One database, one name in use, one writer per meeting: OS file locks that die with their process.

A second ``referent open`` of a meeting that is open elsewhere must not overwrite it. An
advisory lock is released by the operating system when its holder exits for any reason
(``kill -9``, closed terminal), so a crash never leaves a meeting locked.

A database's locks are found by the file's identity (device and inode), never by its name:
a hard link (``ln r.db hard.db``), a bind mount, a symlink, ``./`` and ``..`` are all names of
one file, and only its identity is the same under every one of them. So the locks live in a
folder of their own per database, named ``DEVICE-INODE``, inside the user's lock folder
(``paths.lock_folder``). Beside the database they could not be: a hard link in another
folder, or a file bind-mounted elsewhere, would have had a lock of its own.

The name matters to SQLite: it keeps the write-ahead log (the newest saves) in ``NAME-wal``,
named after the name the database was opened by. Two names open at once are two logs, and
saves lost between them; so every referent that opens a database holds its ``database.lock``
(shared) and opens it by the name recorded there: the first opener's (``DatabaseClaim``).
A log left by a crash under another name is found and used, so SQLite brings it back.

Every lock file is opened without following a symlink (a symlink named like a lock file
must not make referent write over what it points to), must be the user's own, and is
owner-only: it names the user's machine and process.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from referent.i18n import t

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _share(handle: IO[str]) -> None:
        """Windows has no shared lock: the database lock is not held (see ``DatabaseClaim``)."""
else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _share(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH)


OWNER_ONLY = 0o600
DATABASE_LOCK = "database.lock"
"""Held (shared) by every referent with the database open; says the name it is open by."""
_MUTEX = "opening.lock"
"""Held for a moment while a referent opens or closes the database, so that 'am I the first'
and 'am I the last' have one answer."""
_MUTEX_PATIENCE = 10.0
"""Seconds to wait for another referent that is opening or closing the same database."""


class LockError(OSError):
    """A lock file or folder that referent must not use (a symlink, another user's); says which."""


def identity(path: Path) -> tuple[int, int]:
    """The file's device and inode: the same for every name of it (raises ``OSError``)."""
    info = os.stat(path)
    return info.st_dev, info.st_ino


def lock_folder(database: Path) -> Path:
    """The folder of the locks of ``database`` (an existing file), named by its identity."""
    from referent.paths import lock_folder as root

    device, inode = identity(database)
    return root() / f"{device}-{inode}"


def lock_path(database: Path, meeting_id: int) -> Path:
    """The lock file of one meeting of ``database``."""
    return lock_folder(database) / f"meeting-{meeting_id}.lock"


def lock_files(database: Path) -> list[Path]:
    """Every lock file of ``database`` that exists (an export must not replace one)."""
    try:
        folder = lock_folder(database)
        return [folder / name for name in os.listdir(folder)]
    except OSError:
        return []


def _private_folder(folder: Path) -> None:
    """Make ``folder`` (the user's own, owner-only) if it is not there; refuse one that is not ours."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise LockError(
            t("{path}: is not a folder (a symbolic link?); referent keeps its locks there", path=folder)
        )
    _must_be_ours(folder, info)
    if stat.S_IMODE(info.st_mode) & 0o077 and hasattr(os, "chmod"):
        folder.chmod(0o700)  # referent's own folder: owner-only, as it made it


def _must_be_ours(path: Path, info: os.stat_result) -> None:
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise LockError(
            t(
                "{path}: belongs to another user (uid {uid}), so referent does not use it; if no referent of "
                "that user is running, remove it",
                path=path,
                uid=info.st_uid,
            )
        )


def prepared_folder(database: Path) -> Path:
    """The lock folder of ``database``, made if it is not there (the user's own, owner-only);
    ``LockError`` if it, or the user's lock folder, is not ours or not a folder."""
    folder = lock_folder(database)
    try:
        _private_folder(folder.parent)
        _private_folder(folder)
    except LockError:
        raise
    except OSError as error:
        reason = t(
            "{path}: cannot make referent's lock folder: {error}", path=folder, error=error.strerror or error
        )
        raise LockError(reason) from None
    return folder


def _open_lock_file(folder: Path, name: str) -> IO[str]:
    """The lock file ``name`` in ``folder`` (``prepared_folder``), opened read-write (created
    owner-only if new), never through a symlink; ``LockError`` if it is not an ordinary file of
    the user's own."""
    path = folder / name
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), OWNER_ONLY)
    except OSError as error:
        if os.path.islink(path):
            raise LockError(
                t(
                    "{path}: is a symbolic link where referent keeps a lock file; referent does not follow "
                    "it: remove it",
                    path=path,
                )
            ) from None
        reason = t(
            "{path}: the lock file cannot be opened: {error}", path=path, error=error.strerror or error
        )
        raise LockError(reason) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise LockError(
                t("{path}: is not an ordinary file where referent keeps a lock file: remove it", path=path)
            )
        _must_be_ours(path, info)
        if stat.S_IMODE(info.st_mode) & 0o077 and hasattr(os, "fchmod"):
            os.fchmod(descriptor, OWNER_ONLY)  # our own lock file (checked above)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "r+", encoding="utf-8")


class MeetingLock:
    """Hold with ``acquire()``; ``holder`` says who has it when it is taken, ``problem`` why it
    could not be tried (a lock file that is a symlink, or another user's)."""

    def __init__(self, database: Path, meeting_id: int) -> None:
        self.in_memory = ":memory:" in str(database)
        self.database = database
        self.meeting_id = meeting_id
        self._handle: IO[str] | None = None
        self.holder = ""
        self.problem = ""

    @property
    def path(self) -> Path:
        return self.database if self.in_memory else lock_path(self.database, self.meeting_id)

    def acquire(self) -> bool:
        """Take the lock; False when another process has it (``holder`` filled in) or when the
        lock file cannot be used (``problem`` filled in)."""
        if self.in_memory:
            return True
        try:
            handle = _open_lock_file(prepared_folder(self.database), f"meeting-{self.meeting_id}.lock")
        except OSError as error:  # LockError, or the database gone
            self.problem = str(error)
            return False
        if not _try_lock(handle):
            handle.seek(0)
            self.holder = handle.read().strip() or "another referent"
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        import socket  # here: an export only asks which files are locks, and pays nothing for it

        handle.write(f"process {os.getpid()} on {socket.gethostname()}")
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None


class DatabaseClaim:
    """Held by every referent that has the database open: the name SQLite opens it by.

    ``acquire()`` returns the name to open the database by: the one recorded by the
    referent that has it open already, else the name given (resolved), else the name under
    which a crash left a write-ahead log. ``first`` says that no other referent had it open.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self.first = False
        self._handle: IO[str] | None = None
        self._folder = Path()

    def acquire(self) -> Path:
        real = Path(os.path.realpath(self.database))
        if sys.platform == "win32":  # pragma: no cover - no shared locks; SQLite's own locking
            self.first = True
            return real
        own = identity(real)
        self._folder = prepared_folder(real)
        with self._opening():
            handle = _open_lock_file(self._folder, DATABASE_LOCK)
            try:
                self.first = _try_lock(handle)
                recorded = handle.read().strip()
                if self.first:
                    name = _left_log(recorded, real, own) or real
                    if recorded != str(name):  # (truncating is slow on some disks: only when it changed)
                        handle.seek(0)
                        handle.truncate()
                        handle.write(f"{name}\n")
                        handle.flush()
                else:
                    name = Path(recorded)
                    if not recorded or _identity_or_none(name) != own:
                        raise LockError(
                            t(
                                "{path}: is open in another referent by a name that no longer names it "
                                "({name}); close that referent first",
                                path=self.database,
                                name=recorded or t("unknown"),
                            )
                        )
                _share(handle)  # (from exclusive: no one can come between, we hold the opening lock)
            except BaseException:
                handle.close()
                raise
        self._handle = handle
        return name

    def release(self, close: Callable[[bool], None]) -> None:
        """Let go of the database: ``close(last)`` closes it, ``last`` True when no other
        referent has it open (nobody can open it meanwhile)."""
        if self._handle is None:
            close(True)
            return
        handle, self._handle = self._handle, None
        closing = False
        try:
            with self._opening():
                closing = True
                close(_try_lock(handle))  # (a refused upgrade drops the shared lock: we are leaving)
        except OSError:
            if closing:
                raise
            close(False)  # the opening lock could not be had: closed all the same, marked open
        finally:
            handle.close()

    @contextlib.contextmanager
    def _opening(self) -> Iterator[None]:
        mutex = _open_lock_file(self._folder, _MUTEX)
        try:
            deadline = time.monotonic() + _MUTEX_PATIENCE
            while not _try_lock(mutex):
                if time.monotonic() > deadline:
                    raise LockError(
                        t(
                            "{path}: another referent has been opening or closing this database for "
                            "{seconds} seconds (stopped?); try again",
                            path=self.database,
                            seconds=f"{_MUTEX_PATIENCE:.0f}",
                        )
                    )
                time.sleep(0.02)
            yield
        finally:
            mutex.close()


def _identity_or_none(path: Path) -> tuple[int, int] | None:
    try:
        return identity(path)
    except OSError:
        return None


def _left_log(recorded: str, real: Path, own: tuple[int, int]) -> Path | None:
    """Another name of this database under which a write-ahead log was left (a crash): SQLite
    reads a log only under the name it belongs to, so the database must be opened by that name."""
    names = [Path(recorded)] if recorded and Path(recorded) != real else []
    with contextlib.suppress(OSError):
        names += [real.parent / n[: -len("-wal")] for n in os.listdir(real.parent) if n.endswith("-wal")]
    for name in names:
        if name == real:
            continue
        try:
            has_log = os.stat(f"{name}-wal").st_size > 0
        except OSError:
            continue
        if has_log and _identity_or_none(name) == own:
            return name
    return None
