"""A disk that fills up when the test says so: the store's connection refuses every write.

``fill_up(store)`` wraps a store's connection; ``disk.full = True`` makes each write fail as a
full disk makes it fail (SQLite's ``SQLITE_FULL`` at the commit, or the operating system's
``ENOSPC``), ``disk.full = False`` frees the space again. No tmpfs, no root, no real disk.

Run as a program (``python failing_disk.py FLAG referent open …``) it is referent with every
connection on such a disk, full while the file FLAG exists: for tests in a pseudo-terminal.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

WRITES = ("BEGIN", "COMMIT", "INSERT", "UPDATE", "DELETE", "REPLACE")


class Disk:
    """Full or not (``full``), and how it says so: ``"sqlite"`` or ``"os"``."""

    def __init__(self, kind: str = "sqlite", full: Callable[[], bool] | None = None) -> None:
        self.kind = kind
        self._full = False
        self._asked = full
        self.refused = 0
        """Writes refused so far."""

    @property
    def full(self) -> bool:
        return self._asked() if self._asked is not None else self._full

    @full.setter
    def full(self, value: bool) -> None:
        self._full = value

    def error(self) -> Exception:
        self.refused += 1
        if self.kind == "os":
            return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
        return error


class FailingConnection:
    """A sqlite3 connection whose writes the ``disk`` refuses while it is full (reads go on)."""

    def __init__(self, connection: sqlite3.Connection, disk: Disk) -> None:
        self.__dict__["connection"] = connection
        self.__dict__["disk"] = disk

    def _check(self, sql: str) -> None:
        verb = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if self.disk.full and verb in WRITES:
            raise self.disk.error()

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        self._check(sql)
        return self.connection.execute(sql, parameters)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        self._check(sql)
        return self.connection.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.connection, name, value)


def fill_up(store: Any, kind: str = "sqlite") -> Disk:
    """Put ``store`` on a disk that fills up on demand (not full yet)."""
    disk = Disk(kind)
    store.db.connection = FailingConnection(store.db.connection, disk)
    return disk


def run_referent(flag: Path, argv: list[str]) -> int:
    """``referent ARGV`` with every database connection on a disk full while ``flag`` exists."""
    from referent.cli import main
    from referent.store.database import Database

    connect = Database.connect.__func__  # type: ignore[attr-defined]
    disk = Disk(os.environ.get("FAILING_DISK_KIND", "sqlite"), full=flag.exists)

    def failing_connect(cls: type[Database], path: Path, **options: Any) -> Database:
        database: Database = connect(cls, path, **options)
        database.connection = FailingConnection(database.connection, disk)  # type: ignore[assignment]
        return database

    Database.connect = classmethod(failing_connect)  # type: ignore[assignment, method-assign]
    return main(argv)


if __name__ == "__main__":
    sys.exit(run_referent(Path(sys.argv[1]), sys.argv[2:]))
