"""One writer per meeting: an OS file lock that dies with the process holding it.

A second ``referent open`` of a meeting that is open elsewhere must not overwrite it.
An advisory lock on a small file beside the database is released by the operating
system when the holder exits for any reason (``kill -9``, closed terminal), so a crash
never leaves a meeting locked.

The lock file is named from the database's identity, not from how its path was spelled:
symlinks (a linked folder, a linked file), ``./`` and ``..`` are resolved first, as SQLite
itself does for its ``-wal`` file, so every spelling of one database meets the same lock.
(A case-insensitive disk gives a differently cased spelling the same lock file by itself.)
The lock file is readable by its owner only: it names the user's machine and process.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


OWNER_ONLY = 0o600
_SUFFIX = ".lock"


def lock_path(database: Path, meeting_id: int) -> Path:
    """The lock file of one meeting: beside the database's real file, named after it."""
    real = database.resolve()
    return real.with_name(f"{real.name}.meeting-{meeting_id}{_SUFFIX}")


def lock_files(database: Path) -> list[Path]:
    """Every meeting's lock file of ``database`` that exists (an export must not replace one)."""
    real = database.resolve()
    prefix = f"{real.name}.meeting-"
    try:
        names = os.listdir(real.parent)
    except OSError:
        return []
    return [real.parent / n for n in names if n.startswith(prefix) and n.endswith(_SUFFIX)]


class MeetingLock:
    """Hold with ``acquire()``; ``holder`` says who has it when it is taken."""

    def __init__(self, database: Path, meeting_id: int) -> None:
        self.in_memory = ":memory:" in str(database)
        self.path = database if self.in_memory else lock_path(database, meeting_id)
        self._handle: IO[str] | None = None
        self.holder = ""

    def acquire(self) -> bool:
        """Take the lock; False (and ``holder`` filled in) when another process has it."""
        if self.in_memory:
            return True
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, OWNER_ONLY)
        if hasattr(os, "fchmod"):  # a lock file left by an older referent may be 0644
            with contextlib.suppress(OSError):  # not ours to change: locking still works
                os.fchmod(descriptor, OWNER_ONLY)
        handle = os.fdopen(descriptor, "r+", encoding="utf-8")  # held open on purpose
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
