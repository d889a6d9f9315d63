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
    from referent.model import Meeting
    from referent.store import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DESCRIPTION = "Take the minutes of a council meeting live, review them with the chair, export them as Word."


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
    """Validate meeting files and house style files; print OK or FILE:LINE problems."""
    from referent.export.resolve import check_file

    status = EXIT_OK
    for name in args.files:
        problems = check_file(name)
        for line in problems:
            print(line)
        if problems:
            status = EXIT_USAGE
        else:
            print(f"{name}: OK")
    return status


def cmd_import(args: argparse.Namespace) -> int:
    """Store a meeting file in the database and print the new meeting's id."""
    from referent.meetingfile.reader import read_meeting_file
    from referent.problems import MeetingFileError
    from referent.store import digest

    try:
        meeting, source = read_meeting_file(args.file)
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    store = _open_store(args)
    try:
        meeting_id = store.import_meeting(meeting, source_path=args.file, source_digest=digest(source))
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
        saved = m.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if m.updated_at else ""
        rows.append((str(m.id), m.date.isoformat(), m.status, saved, m.title))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4]
        )
    return EXIT_OK


def cmd_dump(args: argparse.Namespace) -> int:
    """Write a meeting from the database as a meeting file (to stdout or --out)."""
    from referent.meetingfile.writer import dump_meeting
    from referent.store import UnknownMeeting

    store = _open_store(args)
    try:
        meeting = store.load_meeting(args.id)
        source = store.source_path(args.id)
    except UnknownMeeting as error:
        raise CommandError(f"{error}; see 'referent list'") from error
    finally:
        store.close()
    text = dump_meeting(meeting)
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    check_output(args, Path(args.out), source)
    write_atomically(Path(args.out), text.encode())
    print(args.out)
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    """Open a meeting for minute-taking: a meeting file (imported the first time) or an id."""
    from referent.paths import database_path
    from referent.store import UnknownMeeting

    store = _open_store(args)
    target = args.target
    changed_file = None
    try:
        if target is None:
            meeting_id = None
        elif target.isdigit() and not Path(target).exists():
            meeting_id = int(target)
            store.source_path(meeting_id)  # raises UnknownMeeting for a wrong id
        else:
            meeting_id, changed_file = _meeting_for_file(store, Path(target))
    except UnknownMeeting as error:
        store.close()
        raise CommandError(f"{error}; see 'referent list'") from error
    except CommandError:
        store.close()
        raise
    return _run_app(store, database_path(args.db), meeting_id, changed_file, review=args.command == "review")


def _meeting_for_file(store: Store, path: Path) -> tuple[int, tuple[Path, str] | None]:
    """The draft of a meeting file: imported now if new; flagged if the file changed since."""
    from referent.problems import MeetingFileError
    from referent.sources import draft_for_file

    try:
        draft = draft_for_file(store, path)
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    changed = None if draft.changed_source is None else (path, draft.changed_source)
    return draft.meeting_id, changed


def _run_app(
    store: Store,
    database: Path,
    meeting_id: int | None,
    changed_file: tuple[Path, str] | None = None,
    review: bool = False,
) -> int:
    from referent.ui.app import make_app

    app = make_app(database, meeting_id, store=store, changed_file=changed_file, review=review)
    try:
        app.run()
    finally:
        store.close()
    return EXIT_OK if app.return_code in (None, 0) else EXIT_FAILED


def sample_agendas() -> Path:
    """The sample agendas: inside the package when installed from a wheel, else the checkout's."""
    installed = Path(__file__).resolve().parent / "sample_agendas"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "sample_agendas"


def cmd_demo(args: argparse.Namespace) -> int:
    """Open a sample agenda in a throw-away database, leaving the user's own untouched."""
    import tempfile

    from referent.store import Store

    samples = sorted(sample_agendas().glob("*.toml"))
    chosen = [p for p in samples if args.sample in p.stem]
    if not chosen:
        names = ", ".join(p.stem for p in samples)
        raise CommandError(f"no sample agenda matches '{args.sample}'; choose from: {names}", EXIT_USAGE)
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="referent-demo-"))
    try:
        database = folder / "demo.db"
        store = Store.open(database)
        meeting_id, _ = _meeting_for_file(store, chosen[0])
        status = _run_app(store, database, meeting_id)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # a demo leaves nothing behind
    print("The demo's database was thrown away; 'referent open FILE' keeps your minutes.")
    return status


def cmd_config(args: argparse.Namespace) -> int:
    """Print where the settings file is; with --init, write a commented example there."""
    from referent.config import EXAMPLE, load_settings
    from referent.paths import config_path

    path = config_path()
    if args.init:
        if path.exists():
            raise CommandError(f"{path}: already exists; edit it, or remove it first")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, EXAMPLE.encode())
    print(path)
    for problem in load_settings(path).problems:
        print(problem.render(str(path)), file=sys.stderr)
    return EXIT_OK


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


def cmd_export(args: argparse.Namespace) -> int:
    """Write the minutes (or agenda) as Word, Markdown or a meeting file; print the path."""
    from referent.config import load_settings
    from referent.export import (
        StyleError,
        WriteError,
        default_filename,
        export_meeting,
        format_for,
        load_style,
        meeting_style,
    )
    from referent.paths import config_path

    kind = format_for(args.out, args.format)
    if args.for_review and kind == "toml":
        raise CommandError("--for-review makes a Word or text copy; it cannot be a meeting file", EXIT_USAGE)
    meeting, source = _export_source(args)
    folder = Path(source).parent if source else Path.cwd()
    try:  # a meeting file has no house style; without --style, the meeting's own
        if kind == "toml":
            style = None
        elif args.style:
            style = load_style(args.style)
        else:
            style = meeting_style(meeting, load_settings(config_path()).styles, folder)
    except StyleError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    options = {"agenda": args.agenda, "public": args.public}
    review = style.document.review if style is not None and args.for_review else ""
    out = Path(args.out or default_filename(meeting, format=kind, review=review, **options))
    check_output(args, out, source)
    try:
        report = export_meeting(meeting, out, format=kind, style=style, for_review=args.for_review, **options)
    except WriteError as error:
        raise CommandError(str(error)) from error
    for warning in report.warnings():
        print(f"referent: {warning}", file=sys.stderr)
    print(out)
    return EXIT_OK


def _export_source(args: argparse.Namespace) -> tuple[Meeting, str]:
    """The meeting named by SOURCE (a meeting file, or else a meeting id) and its file."""
    from referent.meetingfile.reader import load_meeting
    from referent.problems import MeetingFileError

    if args.source.isdigit() and not Path(args.source).exists():
        from referent.store import UnknownMeeting

        store = _open_store(args)
        try:
            return store.load_meeting(int(args.source)), store.source_path(int(args.source))
        except UnknownMeeting as error:
            raise CommandError(f"{error}; see 'referent list'") from error
        finally:
            store.close()
    try:
        return load_meeting(args.source), args.source
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error


def _meeting_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a meeting id (see 'referent list')")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    db_help = "the database file (default: $REFERENT_DB, else referent.db in the user data folder)"
    # --db works before and after the command; SUPPRESS keeps a subcommand from resetting it to None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    parser = argparse.ArgumentParser(prog="referent", description=DESCRIPTION)
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--version", action="version", version=f"referent {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    check = add(
        "check",
        cmd_check,
        "Check meeting files and house style files; print OK or FILE:LINE: problem for each "
        "(exit 2 if any is wrong).",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="meeting files or style files (.toml)")
    imported = add(
        "import", cmd_import, "Store a meeting file in the database as a new meeting and print its id."
    )
    imported.add_argument("file", metavar="FILE", help="a meeting file (.toml)")
    add("list", cmd_list, "List the meetings in the database: id, date, status, last saved, title.")
    dump = add("dump", cmd_dump, "Write a meeting from the database back out as a meeting file.")
    dump.add_argument("id", type=_meeting_id, metavar="ID", help="the meeting's id (see 'referent list')")
    dump.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    export = add("export", cmd_export, "Write the minutes (or the agenda) as a Word document.")
    export.add_argument("source", metavar="SOURCE", help="a meeting file (.toml) or a meeting id")
    export.add_argument("--out", metavar="FILE", help="where to write (default: date, kind, body)")
    export.add_argument("--agenda", action="store_true", help="the agenda instead of the minutes")
    export.add_argument("--public", action="store_true", help="the public version: no closed content")
    export.add_argument(
        "--style",
        metavar="NAME|FILE",
        help="house style: default, nord or a file (default: the meeting's own)",
    )
    export.add_argument("--format", choices=("docx", "md", "toml"), help="default: from --out, else docx")
    export.add_argument(
        "--for-review",
        action="store_true",
        help="a copy for the reading round: marked 'Til gennemlæsning' in the header and the file name",
    )
    opened = add(
        "open",
        cmd_open,
        "Open a meeting to take its minutes: a meeting file (imported the first time) or a meeting id.",
    )
    opened.add_argument(
        "target",
        nargs="?",
        metavar="FILE|ID",
        help="a meeting file or a meeting id; without it, pick from recent meetings",
    )
    review = add(
        "review", cmd_open, "Open the chair's review of a meeting: the draft, its problems, approval."
    )
    review.add_argument("target", metavar="FILE|ID", help="a meeting file or a meeting id")
    demo = add(
        "demo",
        cmd_demo,
        "Try referent on a sample agenda in a temporary database (your own database is not touched).",
    )
    demo.add_argument(
        "sample",
        nargs="?",
        default="politisk-niveau",
        metavar="SAMPLE",
        help="part of a sample's name (default: politisk-niveau)",
    )
    config = add("config", cmd_config, "Print where the settings file (language, phrases, keys) is.")
    config.add_argument("--init", action="store_true", help="write a commented example settings file there")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.target = None
        args.handler = cmd_open  # plain `referent` opens the meeting picker
    try:
        return int(args.handler(args))
    except CommandError as error:
        print(f"referent: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
