"""The ``referent`` command: one subcommand per thing a secretary does from the shell.

Heavy modules (sqlite-utils, Textual, python-docx) are imported inside the commands that
use them, so ``referent check`` and ``--help`` start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from referent import __version__

if TYPE_CHECKING:
    from referent.store import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure to report as one line on stderr, with the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def _open_store(args: argparse.Namespace) -> Store:
    from referent.paths import database_path
    from referent.store import Store

    path = database_path(args.db)
    try:
        return Store.open(path)
    except Exception as error:  # sqlite3.DatabaseError, OSError: say which file, never a traceback
        raise CommandError(f"{path}: cannot open the database: {error}") from error


def cmd_check(args: argparse.Namespace) -> int:
    """Validate meeting files; print OK or FILE:LINE problems."""
    from referent.meetingfile import MeetingFileError, load_meeting

    status = EXIT_OK
    for name in args.files:
        try:
            load_meeting(name)
        except MeetingFileError as error:
            for problem in error.problems:
                print(problem.render(name))
            status = EXIT_USAGE
        else:
            print(f"{name}: OK")
    return status


def cmd_import(args: argparse.Namespace) -> int:
    """Store a meeting file in the database and print the new meeting's id."""
    from referent.meetingfile import MeetingFileError, decode_source, parse_meeting

    try:
        source = decode_source(args.file, Path(args.file).read_bytes())
        meeting = parse_meeting(source, args.file)
    except OSError as error:
        raise CommandError(f"{args.file}: cannot be read: {error.strerror}", EXIT_USAGE) from error
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    store = _open_store(args)
    try:
        meeting_id = store.import_meeting(meeting, source_path=args.file, source_text=source)
    finally:
        store.close()
    print(f"{args.file}: imported as meeting {meeting_id}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """Show the meetings in the database."""
    store = _open_store(args)
    try:
        meetings = store.list_meetings()
    finally:
        store.close()
    if not meetings:
        print("No meetings yet. Import one with: referent import FILE.toml")
        return EXIT_OK
    rows = [("ID", "DATE", "STATUS", "LAST SAVED", "TITLE")]
    for m in meetings:
        saved = m.updated_at.strftime("%Y-%m-%d %H:%M") if m.updated_at else ""
        rows.append((str(m.id), m.date.isoformat(), m.status, saved, m.title))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4])
    return EXIT_OK


def cmd_dump(args: argparse.Namespace) -> int:
    """Write a meeting from the database as a meeting file (to stdout or --out)."""
    from referent.meetingwriter import dump_meeting
    from referent.store import UnknownMeeting

    store = _open_store(args)
    try:
        meeting = store.load_meeting(args.id)
    except UnknownMeeting as error:
        raise CommandError(f"{error}; see 'referent list'") from error
    finally:
        store.close()
    text = dump_meeting(meeting)
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    write_atomically(Path(args.out), text.encode())
    print(args.out)
    return EXIT_OK


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name beside ``path`` and rename: never a half-written file."""
    import os
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CommandError(f"{path}: cannot write here: {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"{path}: cannot be written: {error.strerror}") from error


def _meeting_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a meeting id (see 'referent list')")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", help="the database file (default: $REFERENT_DB, else referent.db in the user data folder)"
    )
    parser = argparse.ArgumentParser(
        prog="referent",
        description="Take the minutes of a council meeting live, review them with the chair, export them as Word.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"referent {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    check = add("check", cmd_check, "Check meeting files; print OK or FILE:LINE: problem for each (exit 2 if any is wrong).")
    check.add_argument("files", nargs="+", metavar="FILE", help="meeting files (.toml)")
    imported = add("import", cmd_import, "Store a meeting file in the database as a new meeting and print its id.")
    imported.add_argument("file", metavar="FILE", help="a meeting file (.toml)")
    add("list", cmd_list, "List the meetings in the database: id, date, status, last saved, title.")
    dump = add("dump", cmd_dump, "Write a meeting from the database back out as a meeting file.")
    dump.add_argument("id", type=_meeting_id, metavar="ID", help="the meeting's id (see 'referent list')")
    dump.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.handler(args))
    except CommandError as error:
        print(f"referent: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
