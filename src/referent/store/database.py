"""The SQLite connection under the store: opened safely, one transaction helper, plain rows.

The runtime store speaks SQL through the standard library's ``sqlite3``; sqlite-utils
keeps the schema and its migrations (``store.schema``) and is imported only when the file
needs migrating, because its import (click, pluggy, dateutil) would cost every start of
the app about a tenth of a second.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MEMORY = ":memory:"


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class SaveFailed(DatabaseError):
    """A change could not be written (a full disk, a file that became read-only, a failing
    disk); nothing of it was stored, and the caller still has what it tried to save."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
        """Why, in a few words a screen can translate: ``the disk is full``."""


_REASONS = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_READONLY": "the database file cannot be written any more (it became read-only)",
    "SQLITE_IOERR": "the disk could not be written (an input/output error)",
    "SQLITE_CANTOPEN": "the database file cannot be opened any more (was it moved or deleted?)",
    "SQLITE_BUSY": "another program is writing to the database",
}


def save_failed(error: sqlite3.Error, path: Path | None) -> SaveFailed:
    """A SQLite error on writing, in words: what happened to which file."""
    code = getattr(error, "sqlite_errorname", "") or ""
    reason = next((words for prefix, words in _REASONS.items() if code.startswith(prefix)), str(error))
    return SaveFailed(f"{path or 'the database'}: nothing could be saved: {reason}", reason)


class Database:
    """One connection in autocommit mode; ``transaction()`` is the only way to change rows."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None, read_only: bool = False):
        self.connection = connection
        self.path = path
        """The database file; None for an in-memory database."""
        self.read_only = read_only
        self.warnings: list[str] = []
        """What the user should know about the file, found when it was opened (a copy taken
        while it was open)."""
        self.before_first_write: Callable[[], None] | None = None
        """Run once, before the first transaction (``opening._mark_open``)."""
        self.closing: Callable[[], None] | None = None
        """How to close it, when more than the connection is to be let go (``opening.connect``)."""
        connection.row_factory = sqlite3.Row
        self._depth = 0

    @classmethod
    def connect(cls, path: Path, *, read_only: bool = False, options: str = "mode=ro") -> Database:
        if str(path) == MEMORY:
            return cls(sqlite3.connect(MEMORY, isolation_level=None))
        if read_only:
            uri = f"{path.resolve().as_uri()}?{options}"
            return cls(sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None), path, True)
        return cls(sqlite3.connect(str(path), timeout=5.0, isolation_level=None), path)

    # --- reading ----------------------------------------------------------------------

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self.connection.execute(sql, parameters)]

    def one(self, sql: str, parameters: Sequence[Any] = ()) -> dict[str, Any] | None:
        row = self.connection.execute(sql, parameters).fetchone()
        return dict(row) if row is not None else None

    def value(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.connection.execute(sql, parameters).fetchone()
        return row[0] if row is not None else None

    # --- writing (inside ``transaction``) ----------------------------------------------

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, parameters)

    def insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(f"[{column}]" for column in row)
        marks = ", ".join("?" for _ in row)
        cursor = self.connection.execute(
            f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", list(row.values())
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> int:
        """Change the named columns of one row; returns the number of rows changed (0 or 1)."""
        if not values:
            return 0
        assignments = ", ".join(f"[{column}] = ?" for column in values)
        cursor = self.connection.execute(
            f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*values.values(), row_id]
        )
        return cursor.rowcount

    @property
    def in_transaction(self) -> bool:
        """Inside ``transaction()``: what is written now is committed when the outermost one ends."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested calls join the outer transaction.

        ``BEGIN IMMEDIATE`` takes the write lock at once, so a second process waits (up to
        the busy timeout) before it reads what it is about to change, never after.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        if self.before_first_write is not None:
            first, self.before_first_write = self.before_first_write, None
            first()
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise save_failed(error, self.path) from error
        self._depth = 1
        try:
            yield
        except BaseException as error:
            self._depth = 0
            self._rollback()
            if isinstance(error, sqlite3.OperationalError):
                raise save_failed(error, self.path) from error
            raise
        self._depth = 0
        try:
            self.connection.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._rollback()
            raise save_failed(error, self.path) from error
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                self.connection.execute("ROLLBACK")

    def close(self) -> None:
        closing, self.closing = self.closing, None
        if closing is not None:
            closing()
        else:
            self.connection.close()
