"""One writer per meeting: an OS file lock that dies with the process holding it.

A second ``referent open`` of a meeting that is open elsewhere must not overwrite it.
An advisory lock on a small file beside the database is released by the operating
system when the holder exits for any reason (``kill -9``, closed terminal), so a crash
never leaves a meeting locked.
"""

from __future__ import annotations

import os
import socket
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


class MeetingLock:
    """Hold with ``acquire()``; ``holder`` says who has it when it is taken."""

    def __init__(self, database: Path, meeting_id: int) -> None:
        self.path = database.with_name(f"{database.name}.meeting-{meeting_id}.lock")
        self._handle: IO[str] | None = None
        self.holder = ""

    def acquire(self) -> bool:
        """Take the lock; False (and ``holder`` filled in) when another process has it."""
        if ":memory:" in str(self.path):
            return True
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open on purpose
        if not _try_lock(handle):
            handle.seek(0)
            self.holder = handle.read().strip() or "another referent"
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {socket.gethostname()}")
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None
