"""Files in and out: check a meeting file, Word agenda or style; export; the settings file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from referent.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WARNINGS,
    CommandError,
    check_output,
    is_meeting_id,
    open_store,
)
from referent.cli.common import write_atomically as write_file
from referent.cli.language import command, speak
from referent.i18n import t, tn

if TYPE_CHECKING:
    from referent.model import Meeting


def cmd_check(args: argparse.Namespace) -> int:
    """Validate files: a Word agenda says what was read; meeting and style files OK or FILE:LINE;
    a reading copy returned from Word, what it proposes."""
    from referent.cli.reading import check_copy, reading_copy
    from referent.importing.sniff import read_agenda_bytes
    from referent.problems import MeetingFileError

    status = EXIT_OK
    for name in args.files:  # a reading copy without the agenda reader's imports
        try:
            copy = reading_copy(Path(name), read_agenda_bytes(Path(name)))
        except MeetingFileError:
            copy = False  # (said by the check below)
        if copy:
            status = max(status, check_copy(args, Path(name), read_agenda_bytes(Path(name))))
        else:
            status = max(status, _check_others(args, [name]))
    return status


def _check_others(args: argparse.Namespace, files: list[str]) -> int:
    """Word agendas, meeting files and style files."""
    from referent.export.resolve import check_file
    from referent.importing import parse_source, read_agenda_bytes, summary_lines
    from referent.importing.sniff import WORD_SUFFIXES, file_kind
    from referent.problems import MeetingFileError
    from referent.textclean import visible

    status = EXIT_OK
    for name in files:
        path = Path(name)
        try:
            data = read_agenda_bytes(path)
            # a Word agenda (or a PDF, a .doc, a web page, a text named .docx: told what to do)
            if file_kind(data) != "text" or path.suffix.lower() in WORD_SUFFIXES:
                source = parse_source(path, data, args.meeting)
                speak(source.meeting)  # what was read, in the agenda's language (unless chosen)
                if source.warnings:  # read, but not all of it could be placed: not "OK"
                    print(tn("{name}: read as a Word agenda, with 1 warning (below):",
                             "{name}: read as a Word agenda, with {count} warnings (below):",
                             len(source.warnings), name=visible(name)))  # fmt: skip
                    status = max(status, EXIT_WARNINGS)
                else:
                    print(t("{name}: OK, read as a Word agenda:", name=visible(name)))
                print("\n".join(f"  {visible(line)}" for line in summary_lines(source.meeting)))
                for warning in source.warnings:
                    print(warning.render(name))
                continue
        except MeetingFileError as error:
            print("\n".join(problem.render(name) for problem in error.problems))
            status = EXIT_USAGE
            continue
        problems = check_file(name)
        for line in problems:
            print(line)
        if problems:
            status = EXIT_USAGE
        else:
            print(f"{visible(name)}: OK")
    return status


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
    from referent.export.naming import free_path, identity
    from referent.paths import config_path

    kind = format_for(args.out, args.format)
    if args.for_review and kind == "toml":
        raise CommandError(
            t("--for-review makes a Word or text copy; it cannot be a meeting file"), EXIT_USAGE
        )
    meeting, source, key, meeting_id = _export_source(args)
    speak(meeting)
    if args.for_review and meeting.approved and not args.agenda:
        raise CommandError(
            t("these minutes are approved: a copy for the reading round is made of a draft; "
              "export them without --for-review"),
            EXIT_USAGE,
        )  # fmt: skip
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
    mark = identity(meeting, key, kind="agenda" if args.agenda else "minutes", public=args.public,
                    for_review=args.for_review)  # fmt: skip
    if args.out:
        out = Path(args.out)  # asked for by name: written over, as asked
    else:
        review = style.document.review if style is not None and args.for_review else ""
        out = free_path(Path(default_filename(meeting, format=kind, review=review, **options)), mark)
    check_output(args, out, source)
    copy = _record_copy(args, meeting_id) if args.for_review and kind == "docx" and not args.agenda else None
    try:
        report = export_meeting(
            meeting, out, format=kind, style=style, for_review=args.for_review,
            identifier=f"{mark} copy {copy}" if copy else mark, **options,
        )  # fmt: skip
    except WriteError as error:
        raise CommandError(str(error)) from error
    if copy:
        _keep_sent(args, copy, meeting_id, meeting, out)
    for warning in report.warnings():
        print(f"referent: {warning}", file=sys.stderr)
    print(out)
    return EXIT_OK


def _record_copy(args: argparse.Namespace, meeting_id: int | None) -> int | None:
    """A reading copy of a meeting in the database is numbered there, so that what it said can
    be kept (``_keep_sent``) and its returned copy compared with it."""
    if meeting_id is None:
        return None
    store = open_store(args)
    try:
        return None if store.read_only else store.record_reading_copy(meeting_id)
    finally:
        store.close()


def _keep_sent(
    args: argparse.Namespace, copy: int, meeting_id: int | None, meeting: Meeting, out: Path
) -> None:
    from referent.readinground.bringing import sent_words

    assert meeting_id is not None
    store = open_store(args)
    try:
        store.keep_sent(copy, sent_words(out.read_bytes(), store.item_ids(meeting_id), meeting))
    finally:
        store.close()


def _export_source(args: argparse.Namespace) -> tuple[Meeting, str, str, int | None]:
    """The meeting named by SOURCE, its file ('' if none), what names it in a document and its
    id in the database (None: exported from the file itself).

    A meeting id, or a file: the file's draft in the database when it has one (with the
    minutes typed into it), else the file itself (a meeting file or a Word agenda)."""
    from referent.export.naming import file_key, meeting_key
    from referent.importing import file_digest, parse_source, read_agenda_bytes
    from referent.paths import database_path
    from referent.problems import MeetingFileError

    database = database_path(args.db)
    if is_meeting_id(args.source):
        from referent.store import UnknownMeeting

        store = open_store(args)
        try:
            meeting_id = int(args.source)
            return (
                store.load_meeting(meeting_id),
                store.source_path(meeting_id),
                meeting_key(database, meeting_id),
                meeting_id,
            )
        except UnknownMeeting as error:
            raise CommandError(t("{error}; see 'referent list'", error=error)) from error
        finally:
            store.close()
    path = Path(args.source)
    try:
        data = read_agenda_bytes(path)  # (a file that is not there, or not a file, is refused here)
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    if database.exists():  # no database: nothing was ever imported, and none is made here
        store = open_store(args)
        try:
            known = store.find_by_source(path, args.meeting)
            if known is not None:  # the draft is exported: the file need not be parsed
                meeting_id, digest = known
                meeting = store.load_meeting(meeting_id)
                if digest != file_digest(data):
                    speak(meeting)
                    print("referent: " + t("{path} has changed since its draft was made or updated; the "
                          "draft (meeting {id}) is exported. Bring the changes in with: {command}", path=path,
                          id=meeting_id, command=command("open", path)), file=sys.stderr)  # fmt: skip
                return meeting, str(path), meeting_key(database, meeting_id), meeting_id
        finally:
            store.close()
    try:
        source = parse_source(path, data, args.meeting)
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    return source.meeting, str(path), file_key(path), None


def cmd_config(args: argparse.Namespace) -> int:
    """Print where the settings file is; with --init, write a commented example there."""
    from referent.config import EXAMPLE, load_settings
    from referent.paths import config_path

    path = config_path()
    if args.init:
        if path.exists():
            raise CommandError(t("{path}: already exists; edit it, or remove it first", path=path))
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, EXAMPLE.encode())
    print(path)
    for problem in load_settings(path).problems:
        print(problem.render(str(path)), file=sys.stderr)
    return EXIT_OK
