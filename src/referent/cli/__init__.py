"""The ``referent`` command: one subcommand per thing a secretary does from the shell.

The commands live beside this module by what they work on: ``drafts`` (open, import,
list, dump, review, demo: the meetings in the database) and ``documents`` (check, export,
config: files going in and out). Heavy modules (sqlite-utils, Textual, python-docx) are
imported inside the commands that use them, so ``referent check`` and ``--help`` start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from referent import __version__, gcpause
from referent.cli.common import EXIT_OK, CommandError
from referent.cli.documents import cmd_check, cmd_config, cmd_export
from referent.cli.drafts import cmd_backup, cmd_demo, cmd_dump, cmd_import, cmd_list, cmd_open
from referent.cli.language import speak, translate_argparse
from referent.cli.library import cmd_actions, cmd_body, cmd_next, cmd_search
from referent.i18n import t

__all__ = ["CommandError", "build_parser", "main"]


def _meeting_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(t("'{value}' is not a meeting id (see 'referent list')", value=text))
    return int(text)


def _meeting_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            t("'{value}' is not a meeting's number in the file (1, 2, …)", value=text)
        )
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the current language (see ``language.speak``)."""
    db_help = t("the database file (default: $REFERENT_DB, else referent.db in the user data folder)")
    # --db works before and after the command; SUPPRESS keeps a subcommand from resetting it to None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar=t("PATH"), default=argparse.SUPPRESS, help=db_help)
    parser = argparse.ArgumentParser(
        prog="referent",
        description=t(
            "Take the minutes of a council meeting live, review them with the chair, export them as Word."
        ),
    )
    parser.add_argument("--db", metavar=t("PATH"), help=db_help)
    parser.add_argument(
        "--version",
        action="version",
        version=f"referent {__version__}",
        help=t("show program's version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar=t("COMMAND"))

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    source_help = t("a meeting file (.toml) or the council's Word agenda (.docx)")
    check = add(
        "check",
        cmd_check,
        t(
            "Check meeting files, Word agendas and house style files: OK (for a Word agenda, what was read) "
            "or FILE:LINE: problem for each (exit 2 if any is wrong)."
        ),
    )
    check.add_argument(
        "files", nargs="+", metavar=t("FILE"), help=t("{source}, or a style file", source=source_help)
    )
    meeting_help = t(
        "which meeting to read, when a Word file holds several (1 = the first; check lists them)"
    )
    check.add_argument("--meeting", type=_meeting_number, metavar=t("N"), help=meeting_help)
    imported = add(
        "import",
        cmd_import,
        t(
            "Store a meeting file or Word agenda in the database as a draft and print its id; a file "
            "imported before keeps its one draft."
        ),
    )
    imported.add_argument("file", metavar=t("FILE"), help=source_help)
    imported.add_argument("--meeting", type=_meeting_number, metavar=t("N"), help=meeting_help)
    how = imported.add_mutually_exclusive_group()
    how.add_argument("--copy", action="store_true", help=t("make a second, independent copy of the meeting"))
    how.add_argument(
        "--update",
        action="store_true",
        help=t("bring the file's changes into its draft (what changes is listed)"),
    )
    add(
        "list",
        cmd_list,
        t(
            "List the meetings in the database by body, newest first: id, date, status, last saved, file, "
            "title."
        ),
    )
    body = add(
        "body",
        cmd_body,
        t("Put a meeting in the body (udvalg, forum) it belongs to; a new name makes a new body."),
    )
    body.add_argument("id", type=_meeting_id, metavar="ID", help=t("the meeting's id (see 'referent list')"))
    body.add_argument("name", metavar=t("NAME"), help=t("the body's name"))
    search = add(
        "search",
        cmd_search,
        t(
            "Find words in the titles, case texts, minutes, outcomes and action items of every meeting, "
            "in their Danish forms; best first, the words found highlighted."
        ),
    )
    search.add_argument("words", nargs="+", metavar=t("WORD"), help=t("the words to find (all of them)"))
    search.add_argument(
        "--public", action="store_true", help=t("as the public may see it: closed items never shown")
    )
    search.add_argument(
        "--limit", type=int, default=50, metavar=t("N"), help=t("show at most N items (default: 50)")
    )
    actions = add(
        "actions",
        cmd_actions,
        t(
            "List the open follow-ups (action items) across a body's meetings: who, what, by when, "
            "from which meeting; overdue first."
        ),
    )
    actions.add_argument(
        "body", nargs="?", metavar=t("BODY"), help=t("the body's name, or part of it (default: every body)")
    )
    following = add(
        "next",
        cmd_next,
        t(
            "Write the next meeting's agenda from this meeting: body, standing participants, date, the "
            "standing items, the open follow-ups and the items that come back."
        ),
    )
    following.add_argument(
        "source", metavar=t("ID|FILE"), help=t("a meeting id, or {source}: its draft, if it has one",
                                               source=source_help)
    )  # fmt: skip
    following.add_argument(
        "--out",
        metavar=t("FILE"),
        help=t(
            "a meeting file (.toml) or a Word agenda (.docx), by its name (default: both, by date and body)"
        ),
    )
    dump = add("dump", cmd_dump, t("Write a meeting from the database back out as a meeting file."))
    dump.add_argument("id", type=_meeting_id, metavar="ID", help=t("the meeting's id (see 'referent list')"))
    dump.add_argument("--out", metavar=t("FILE"), help=t("write to FILE instead of standard output"))
    export = add("export", cmd_export, t("Write the minutes (or the agenda) as a Word document."))
    export.add_argument(
        "source",
        metavar=t("SOURCE"),
        help=t("a meeting id, or {source}: its draft, if it has one", source=source_help),
    )
    export.add_argument("--out", metavar=t("FILE"), help=t("where to write (default: date, kind, body)"))
    export.add_argument("--meeting", type=_meeting_number, metavar=t("N"), help=meeting_help)
    export.add_argument("--agenda", action="store_true", help=t("the agenda instead of the minutes"))
    export.add_argument("--public", action="store_true", help=t("the public version: no closed content"))
    export.add_argument(
        "--style",
        metavar=t("NAME|FILE"),
        help=t("house style: default, nord or a file (default: the meeting's own)"),
    )
    export.add_argument("--format", choices=("docx", "md", "toml"), help=t("default: from --out, else docx"))
    export.add_argument(
        "--for-review",
        action="store_true",
        help=t("a copy for the reading round: marked 'Til gennemlæsning' in the header and the file name"),
    )
    opened = add(
        "open",
        cmd_open,
        t(
            "Open a meeting to take its minutes: a meeting file or Word agenda (imported the first time, "
            "its draft after that) or a meeting id."
        ),
    )
    opened.add_argument(
        "target",
        nargs="?",
        metavar=t("FILE|ID"),
        help=t("a meeting file, a Word agenda or a meeting id; without it, pick from recent meetings"),
    )
    opened.add_argument("--meeting", type=_meeting_number, metavar=t("N"), help=meeting_help)
    review = add(
        "review", cmd_open, t("Open the chair's review of a meeting: the draft, its problems, approval.")
    )
    review.add_argument(
        "target",
        metavar=t("FILE|ID"),
        help=t("a meeting file, a Word agenda, a meeting id, or a reading copy returned from Word"),
    )
    review.add_argument("--meeting", type=_meeting_number, metavar=t("N"), help=meeting_help)
    accepting = review.add_mutually_exclusive_group()
    accepting.add_argument(
        "--accept",
        metavar=t("NAME"),
        help=t(
            "accept every change of this reviewer in the reading copy, without the app; print what changed"
        ),
    )
    accepting.add_argument(
        "--accept-all",
        action="store_true",
        help=t("accept every reviewer's changes in the reading copy, without the app; print what changed"),
    )
    demo = add(
        "demo",
        cmd_demo,
        t("Try referent on a sample agenda in a temporary database (your own database is not touched)."),
    )
    demo.add_argument(
        "sample",
        nargs="?",
        default="politisk-niveau",
        metavar=t("SAMPLE"),
        help=t("part of a sample's name (default: politisk-niveau)"),
    )
    backup = add(
        "backup",
        cmd_backup,
        t(
            "Copy the database safely, even while referent is writing to it (a plain copy may miss the "
            "newest minutes): into its backups folder, or to --out FILE; the copy's path is printed."
        ),
    )
    backup.add_argument("--out", metavar=t("FILE"), help=t("where to write the copy"))
    config = add("config", cmd_config, t("Print where the settings file (language, phrases, keys) is."))
    config.add_argument(
        "--init", action="store_true", help=t("write a commented example settings file there")
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    speak()  # before a meeting is known: the setting, the locale, else Danish
    translate_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.target = None
        args.handler = cmd_open  # plain `referent` opens the meeting picker
    gcpause.hold()  # the app lets the garbage collector go once its first frame is shown
    try:
        return _run(args)
    except BrokenPipeError:  # `referent check X.docx | head -3`: the reader has seen enough
        _quiet_stdout()
        return EXIT_OK
    finally:
        if argv is None:  # the process ends with the command
            gcpause.before_exit()
        else:  # called with arguments (a test): the process goes on
            gcpause.restore()


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's flush at exit finds no broken pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run(args: argparse.Namespace) -> int:
    from referent.store import ApprovedMinutes, ReadOnlyDatabase

    try:
        return int(args.handler(args))
    except CommandError as error:
        print(f"referent: {error}", file=sys.stderr)
        return error.status
    except (ApprovedMinutes, ReadOnlyDatabase) as error:  # a change refused: it says why
        print(f"referent: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
