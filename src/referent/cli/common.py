"""What every command shares: its errors, the database, and safe writing of files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from referent.i18n import t

if TYPE_CHECKING:
    from referent.store import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure to report as one line on stderr, with the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def open_store(args: argparse.Namespace) -> Store:
    from referent.paths import database_path
    from referent.store import DatabaseError, Store

    path = database_path(args.db)
    try:
        return Store.open(path)
    except DatabaseError as error:  # damaged, from a newer referent, unreadable: it says what to do
        raise CommandError(str(error)) from error
    except Exception as error:  # sqlite3.DatabaseError, OSError: say which file, never a traceback
        raise CommandError(t("{path}: cannot open the database: {error}", path=path, error=error)) from error


def check_output(args: argparse.Namespace, out: Path, source: str | Path = "") -> None:
    """An export or dump never writes over the database, the meeting's own file, or a non-file."""
    from referent.fileio import WriteError, protected_files
    from referent.fileio import check_output as check
    from referent.paths import database_path

    try:
        check(out, protected_files(database_path(args.db), source))
    except WriteError as error:
        raise CommandError(str(error)) from error


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name beside ``path`` and rename: never a half-written file."""
    from referent.fileio import WriteError
    from referent.fileio import write_atomically as write

    try:
        write(path, data)
    except WriteError as error:
        raise CommandError(str(error)) from error


def is_meeting_id(target: str) -> bool:
    """``3`` names meeting 3, unless a file of that name is meant."""
    return target.isdigit() and not Path(target).exists()
