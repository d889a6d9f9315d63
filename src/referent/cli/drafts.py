"""The meetings in the database: open (and review), import, list, dump, and the demo.

A file has one draft: ``open FILE`` resumes it, ``import FILE`` a second time says so and
changes nothing, and a changed file's agenda is brought into the same draft (``open`` asks,
``import --update`` does it); an independent copy is made only with ``import --copy``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from referent.cli.common import EXIT_OK, EXIT_USAGE, CommandError, check_output, is_meeting_id, open_store
from referent.cli.common import write_atomically as write_file
from referent.cli.language import command, speak
from referent.i18n import t, tn

if TYPE_CHECKING:
    from referent.problems import SeveralMeetings
    from referent.sources import FileDraft
    from referent.store import Store


def cmd_open(args: argparse.Namespace) -> int:
    """Open a meeting for minute-taking (or its review): a file's draft, or a meeting id. A
    Word file that holds several meetings, opened without ``--meeting``, shows the choice.
    Ctrl+Q, a closed terminal or SIGTERM while a (huge) file is read end the command."""
    from referent.cli.opening_terminal import stoppable_reading

    with stoppable_reading() as reading_done:
        return _open(args, reading_done)


def _open(args: argparse.Namespace, reading_done: Callable[[], None]) -> int:
    from referent.paths import database_path
    from referent.problems import SeveralMeetings
    from referent.store import UnknownMeeting

    target = args.target
    if args.command == "review" and target is not None and not is_meeting_id(target):
        from referent.cli.reading import reading_copy, review_copy
        from referent.importing import read_agenda_bytes
        from referent.problems import MeetingFileError

        try:
            data = read_agenda_bytes(Path(target))
        except MeetingFileError as error:
            raise CommandError(str(error), EXIT_USAGE) from error
        if reading_copy(Path(target), data, any_minutes=True):
            return review_copy(args, Path(target), data)
    if getattr(args, "accept", None) is not None or getattr(args, "accept_all", False):
        raise CommandError(
            t("--accept and --accept-all take a returned reading copy (COPY.docx)"), EXIT_USAGE
        )
    store = open_store(args, adds=target is not None and not is_meeting_id(target))
    draft = None
    several = None
    try:
        if target is None:
            meeting_id = None
        elif is_meeting_id(target):
            meeting_id = int(target)
            store.source_path(meeting_id)  # raises UnknownMeeting for a wrong id
        else:
            try:
                draft = file_draft(store, Path(target), getattr(args, "meeting", None), choose=True)
                meeting_id = draft.meeting_id
            except SeveralMeetings as error:  # the app lists them and takes one
                meeting_id, several = None, error
    except UnknownMeeting as error:
        store.close()
        raise CommandError(t("{error}; see 'referent list'", error=error)) from error
    except (CommandError, KeyboardInterrupt):  # (Ctrl+Q or a signal while reading: Stopped)
        store.close()
        raise
    reading_done()
    return run_app(
        store, database_path(args.db), meeting_id, draft, review=args.command == "review", several=several
    )


def file_draft(store: Store, path: Path, meeting: int | None = None, choose: bool = False) -> FileDraft:
    """The draft of a meeting file or Word agenda (imported now if new); its reading problems
    as a ``CommandError`` (exit 2), what a Word agenda's reader could not place on stderr, and
    the corrections of its reading that no longer apply. ``choose``: a file of several
    meetings read without ``meeting`` raises ``SeveralMeetings`` (the app offers the choice)."""
    from referent.problems import MeetingFileError, SeveralMeetings
    from referent.sources import draft_for_file

    try:
        draft = draft_for_file(store, path, meeting)
    except SeveralMeetings as error:
        if choose:
            raise
        raise CommandError(several_meetings(store, path, error), EXIT_USAGE) from error
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    for warning in draft.warnings:
        print(warning.render(str(path)), file=sys.stderr)
    if draft.stale:
        print("referent: " + stale_message(path, len(draft.stale)), file=sys.stderr)
    return draft


def several_meetings(store: Store, path: Path, error: SeveralMeetings) -> str:
    """A file of several meetings named without ``--meeting``: the meetings, and which of them
    has a draft already."""
    lines = [problem.render(str(path)) for problem in error.problems]
    for choice in error.choices:
        known = store.find_by_source(path, choice.number)
        if known is not None:
            lines.append("  " + t("meeting {number} has its draft: meeting {id}", number=choice.number,
                                  id=known[0]))  # fmt: skip
    return "\n".join(lines)


def stale_message(path: Path | str, count: int) -> str:
    """Corrections of a Word agenda's reading whose paragraphs the file no longer has."""
    return tn(
        "{path}: 1 of your corrections to how it was read no longer applies: its paragraph is gone "
        "from the file (the correction is kept, not applied)",
        "{path}: {count} of your corrections to how it was read no longer apply: their paragraphs are "
        "gone from the file (the corrections are kept, not applied)",
        count,
        path=path,
    )


def run_app(
    store: Store,
    database: Path,
    meeting_id: int | None,
    draft: FileDraft | None = None,
    review: bool = False,
    export_folder: Path | None = None,
    several: SeveralMeetings | None = None,
) -> int:
    from referent.ui.app import make_app

    app = make_app(
        database,
        meeting_id,
        store=store,
        draft=draft,
        review=review,
        export_folder=export_folder,
        several=several,
    )
    try:
        app.run()
    finally:
        store.close()
    return EXIT_OK if app.return_code in (None, 0) else 1


def sample_agendas() -> Path:
    """The sample agendas: inside the package when installed from a wheel, else the checkout's."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "sample_agendas"
    return installed if installed.is_dir() else package.parents[1] / "sample_agendas"


def cmd_demo(args: argparse.Namespace) -> int:
    """Open a sample agenda in a throw-away database, leaving the user's own untouched."""
    import tempfile

    from referent.store import Store

    samples = sorted(sample_agendas().glob("*.toml"))
    chosen = [p for p in samples if args.sample in p.stem]
    if not chosen:
        names = ", ".join(p.stem for p in samples)
        message = t(
            "no sample agenda matches '{sample}'; choose from: {names}", sample=args.sample, names=names
        )
        raise CommandError(message, EXIT_USAGE)
    folder = Path(tempfile.mkdtemp(prefix="referent-demo-"))
    try:
        database = folder / "demo.db"
        store = Store.open(database)
        draft = file_draft(store, chosen[0])
        # F12 writes to the current folder: never beside the sample, inside the package
        status = run_app(store, database, draft.meeting_id, export_folder=Path.cwd())
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # a demo leaves nothing behind
    print(t("The demo's database was thrown away; 'referent open FILE' keeps your minutes."))
    return status


def cmd_import(args: argparse.Namespace) -> int:
    """Make the draft of a file, or say which it is; ``--copy``, ``--update`` as the parser says."""
    from referent.agendamerge import describe
    from referent.problems import MeetingFileError, SeveralMeetings
    from referent.sources import bring_in, import_copy
    from referent.store import ApprovedMinutes, make_backup

    path = Path(args.file)
    store = open_store(args, adds=True)
    if not store.read_only and store.file is not None:
        make_backup(store.file)  # the last good state, before anything is added
    try:
        if args.copy:
            try:
                meeting_id, original = import_copy(store, path, args.meeting)
            except SeveralMeetings as error:
                raise CommandError(several_meetings(store, path, error), EXIT_USAGE) from error
            except MeetingFileError as error:
                raise CommandError(str(error), EXIT_USAGE) from error
            speak(partial(store.load_meeting, meeting_id))
            if original is None:
                print(t("{path}: imported as meeting {id}", path=path, id=meeting_id))
            else:
                print(t("{path}: imported as meeting {id} (a copy of meeting {original})", path=path,
                        id=meeting_id, original=original))  # fmt: skip
            return EXIT_OK
        draft = file_draft(store, path, args.meeting)
        speak(
            draft.update.meeting
            if draft.update is not None
            else partial(store.load_meeting, draft.meeting_id)
        )
        if draft.imported:
            print(t("{path}: imported as meeting {id}", path=path, id=draft.meeting_id))
            return EXIT_OK
        if draft.update is None:
            print(
                t("{path}: already imported as meeting {id}, its draft; nothing changed.", path=path,
                  id=draft.meeting_id),
                t("Open it with: {command}   (an independent copy: {copy})", command=command("open", path),
                  copy=command("import", "--copy", path)),
                sep="\n",
            )  # fmt: skip
            return EXIT_OK
        changes = [f"  {describe(change, t)}" for change in draft.update.changes]
        if not args.update:
            print(
                t("{path}: already imported as meeting {id}, its draft. The file has changed since:",
                  path=path, id=draft.meeting_id),
                *changes,
                t("Nothing was changed. Bring these into the draft with: {command}",
                  command=command("import", "--update", path)),
                sep="\n",
            )  # fmt: skip
            return EXIT_OK
        try:
            bring_in(store, draft)
        except ApprovedMinutes as error:
            raise CommandError(f"{path}: {error}") from error
        follows = t("{path}: the draft, meeting {id}, now follows the file:", path=path, id=draft.meeting_id)
        print(follows, *changes, sep="\n")
        return EXIT_OK
    finally:
        store.close()


def cmd_list(args: argparse.Namespace) -> int:
    """Show the meetings in the database by body, newest first, told apart: status, file, and
    which is a copy."""
    store = open_store(args)
    try:
        meetings = store.list_meetings()
    finally:
        store.close()
    if not meetings:
        print(t("No meetings yet. Import one with: referent import FILE"))
        return EXIT_OK
    rows = [(t("ID"), t("DATE"), t("STATUS"), t("LAST SAVED"), t("FILE"), t("TITLE"))]
    bodies: list[tuple[int, str]] = []  # (row index where a body's meetings start, its name)
    for m in meetings:
        if not bodies or bodies[-1][1] != m.body:
            bodies.append((len(rows), m.body))
        saved = m.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if m.updated_at else ""
        source = Path(m.source_path).name if m.source_path else ""
        if m.source_meeting is not None:
            source += " " + t("(meeting {number} of the file)", number=m.source_meeting)
        if m.copy_of is not None:
            source = f"{source} ({t('copy of')} {m.copy_of})".strip()
        rows.append((str(m.id), m.date.isoformat(), t(m.status), saved, source, m.title))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    room = shutil.get_terminal_size().columns if sys.stdout.isatty() else 0
    headings = dict(bodies)
    for index, row in enumerate(rows):
        if index in headings:
            print(("\n" if index > 1 else "") + (headings[index] or t("(no body)")))
        line = "  " + "  ".join(cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True))
        line += "  " + row[5]
        if room and len(line) > room:  # one line a meeting on screen, as ls does; whole when piped
            line = line[: room - 1] + "…"
        print(line)
    return EXIT_OK


def cmd_dump(args: argparse.Namespace) -> int:
    """Write a meeting from the database as a meeting file (to stdout or --out)."""
    from referent.meetingfile.writer import dump_meeting
    from referent.store import UnknownMeeting

    store = open_store(args)
    try:
        meeting = store.load_meeting(args.id)
        source = store.source_path(args.id)
    except UnknownMeeting as error:
        raise CommandError(t("{error}; see 'referent list'", error=error)) from error
    finally:
        store.close()
    text = dump_meeting(meeting)
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    check_output(args, Path(args.out), source)
    write_file(Path(args.out), text.encode())
    print(args.out)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """A consistent copy of the database, even while referent is writing to it: into its
    backups folder (kept with the others), or to ``--out``. A plain ``cp`` of an open
    database can miss what was saved last (it is in the ``-wal`` beside it)."""
    import sqlite3

    from referent.store import copy_database, make_backup

    store = open_store(args)
    try:
        if store.file is None:
            raise CommandError(t("an in-memory database has nothing to back up"))
        if args.out:
            out = Path(args.out)
            check_output(args, out)
            try:
                copy_database(store.file, out)
            except (OSError, sqlite3.Error) as error:
                reason = getattr(error, "strerror", None) or error
                message = t("{path}: the backup could not be written: {reason}", path=out, reason=reason)
                raise CommandError(message) from error
        else:
            made = make_backup(store.file)
            if made is None:
                message = t("{path}: the backup could not be written beside the database", path=store.file)
                raise CommandError(message)
            out = made
    finally:
        store.close()
    print(out)
    return EXIT_OK
