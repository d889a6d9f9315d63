"""What every command shares: its errors, the database, and safe writing of files."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from referent.i18n import t

if TYPE_CHECKING:
    from referent.store import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_WARNINGS = 1
"""``check``: the file was read, but some of it could not be placed (each is reported)."""


class CommandError(Exception):
    """A failure to report as one line on stderr, with the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def open_store(args: argparse.Namespace, adds: bool = False) -> Store:
    """The database; what the user should know about it (a copy taken while it was open) on
    stderr. A database named with ``--db`` that is not there is made only by a command that
    ``adds`` a meeting (import, open FILE), and only in a folder that exists: a mistyped
    ``--db`` must not leave folders and empty databases behind."""
    from referent.paths import database_path
    from referent.store import DatabaseError, Store

    path = database_path(args.db)
    if args.db and not os.path.lexists(path):
        if not adds:
            raise CommandError(
                f"{path}: there is no database here; check --db (without it, referent uses {database_path()})"
            )
        if not (path.parent if str(path.parent) else Path(".")).is_dir():
            raise CommandError(
                f"{path}: the folder {path.parent} does not exist; check --db, or make the folder first"
            )
    try:
        store = Store.open(path)
    except DatabaseError as error:  # damaged, from a newer referent, unreadable: it says what to do
        raise CommandError(str(error)) from error
    except Exception as error:  # sqlite3.DatabaseError, OSError: say which file, never a traceback
        raise CommandError(t("{path}: cannot open the database: {error}", path=path, error=error)) from error
    for warning in store.warnings:
        print(f"referent: {warning}", file=sys.stderr)
    return store


def check_output(args: argparse.Namespace, out: Path, source: str | Path = "") -> None:
    """An export or dump never writes over the database (its companions, locks and backups),
    the file of any of its meetings, or a non-file, nor into its backups or lock folders."""
    from referent.fileio import WriteError, protected_files, protected_folders
    from referent.fileio import check_output as check
    from referent.paths import database_path

    database = database_path(args.db)
    sources: dict[int, str] = {}
    if os.path.lexists(database):
        from referent.store import Store

        try:
            store = Store.open(database)
        except Exception:
            pass
        else:
            try:
                sources = store.sources()
            finally:
                store.close()
    try:
        check(out, protected_files(database, source, sources), protected_folders(database))
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
