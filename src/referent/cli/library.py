"""The library of past meetings: bodies, search, open follow-ups and the next agenda.

``body`` files a meeting under the right body, ``search`` finds words in every meeting's
minutes, ``actions`` lists what is still open across a body's meetings, and ``next`` writes
the next meeting's agenda from this one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from referent.cli.common import EXIT_OK, EXIT_USAGE, CommandError, check_output, is_meeting_id, open_store
from referent.cli.language import speak
from referent.i18n import t

if TYPE_CHECKING:
    from referent.model import Meeting
    from referent.searchwords import Segment
    from referent.store import FollowUp, Store


def cmd_body(args: argparse.Namespace) -> int:
    """Put a meeting in the body it belongs to (made if new); print where it is now."""
    from referent.store import UnknownMeeting

    store = open_store(args)
    try:
        before = store.body_of(args.id)
        body = store.set_body(args.id, args.name)
    except UnknownMeeting as error:
        raise CommandError(t("{error}; see 'referent list'", error=error)) from error
    except ValueError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    finally:
        store.close()
    if before.id == body.id:
        print(t("meeting {id} belongs to {body}", id=args.id, body=body.name))
    else:
        print(t("meeting {id} moved from {before} to {body}", id=args.id, before=before.name, body=body.name))
    return EXIT_OK


def highlighted(segments: list[Segment], tty: bool) -> str:
    """A snippet with the words found in bold on a terminal, between ``**`` when piped."""
    mark = ("\x1b[1;4m", "\x1b[0m") if tty else ("**", "**")
    return "".join(f"{mark[0]}{text}{mark[1]}" if hit else text for text, hit in segments)


def cmd_search(args: argparse.Namespace) -> int:
    """Print the items whose words match, best first: meeting, date, item, the words found."""
    store = open_store(args)
    try:
        hits = store.search(" ".join(args.words), public=args.public, limit=args.limit)
    finally:
        store.close()
    if not hits:
        print(t("Nothing found."))
        return EXIT_OK
    tty = sys.stdout.isatty()
    for hit in hits:
        closed = "  " + t("(closed item)") if hit.closed else ""
        print(
            f"{hit.meeting_date.isoformat()}  "
            + t("meeting {id}", id=hit.meeting_id)
            + f"  {hit.meeting_title}  ·  "
            + t("item {number}", number=hit.item_number)
            + f": {hit.item_title}{closed}"
        )
        print("    " + highlighted(hit.snippet, tty))
    return EXIT_OK


def cmd_actions(args: argparse.Namespace) -> int:
    """The open follow-ups of a body's meetings (of every body without BODY), overdue first."""
    from referent.store import UnknownBody

    store = open_store(args)
    try:
        try:
            body = store.find_body(args.body) if args.body else None
        except UnknownBody as error:
            raise CommandError(str(error), EXIT_USAGE) from error
        follow_ups = store.open_follow_ups(body.id if body else None)
        today = store.clock().date()
    finally:
        store.close()
    if not follow_ups:
        print(t("No open follow-ups."))
        return EXIT_OK
    for follow_up in follow_ups:
        print(_follow_up_line(follow_up, today, show_body=body is None))
    return EXIT_OK


def _follow_up_line(follow_up: FollowUp, today: object, show_body: bool) -> str:
    from datetime import date

    assert isinstance(today, date)
    late = t("OVERDUE") + "  " if follow_up.overdue(today) else ""
    who = follow_up.who or "–"
    due = t("by {due}", due=follow_up.due) if follow_up.due else t("no date")
    carried = "  " + t("(carried)") if follow_up.carried else ""
    where = t(
        "meeting {id} of {date}, item {number}",
        id=follow_up.meeting_id,
        date=follow_up.meeting_date.isoformat(),
        number=follow_up.item_number,
    )
    body = f"{follow_up.body}: " if show_body and follow_up.body else ""
    return f"{late}{who}: {follow_up.what} ({due}){carried}  ·  {body}{where}"


def cmd_next(args: argparse.Namespace) -> int:
    """Write the next meeting's agenda from a meeting (its id, or a file's draft): a meeting
    file or a Word agenda by the name given; without --out both, named by date and body."""
    from referent.export import default_filename, format_for

    meeting, source, next_meeting = _next_from(args)
    speak(meeting)
    if args.out:
        outs = [Path(args.out)]
    else:
        outs = [Path(default_filename(next_meeting, agenda=True, format=kind)) for kind in ("toml", "docx")]
        for out in outs:
            if out.exists():
                raise CommandError(
                    t("{path}: already exists; name the file to write with --out", path=out), EXIT_USAGE
                )
    for out in outs:
        check_output(args, out, source)
        _write_agenda(next_meeting, out, format_for(out))
        print(out)
    return EXIT_OK


def _next_from(args: argparse.Namespace) -> tuple[Meeting, str, Meeting]:
    """The meeting, its file ('' if none) and its next agenda."""
    from referent.model import ActionState
    from referent.nextagenda import OpenAction, from_store, next_agenda
    from referent.paths import database_path
    from referent.store import UnknownMeeting

    store: Store | None = None
    meeting_id: int | None = None
    try:
        if is_meeting_id(args.source):
            store = open_store(args)
            meeting_id = int(args.source)
        else:
            path = Path(args.source)
            if database_path(args.db).exists():
                store = open_store(args)
                known = store.find_by_source(path, None)
                meeting_id = known[0] if known else None
            if meeting_id is None:
                meeting, source = _meeting_from_file(path)
                actions = [
                    OpenAction(a.what, a.who, a.due, meeting.date, item.title, item.closed)
                    for item in meeting.items
                    for a in item.actions
                    if a.state is ActionState.OPEN
                ]
                return meeting, source, next_agenda(meeting, actions).meeting
        assert store is not None and meeting_id is not None
        made = from_store(store, meeting_id)
        meeting, source = store.load_meeting(meeting_id), store.source_path(meeting_id)
        if not made.date_from_minutes:
            print(
                "referent: "
                + t(
                    "the minutes give no date for the next meeting; the agenda says {date}: "
                    "correct it in the file",
                    date=made.meeting.date.isoformat(),
                ),
                file=sys.stderr,
            )
        return meeting, source, made.meeting
    except UnknownMeeting as error:
        raise CommandError(t("{error}; see 'referent list'", error=error)) from error
    finally:
        if store is not None:
            store.close()


def _meeting_from_file(path: Path) -> tuple[Meeting, str]:
    from referent.importing import parse_source, read_agenda_bytes
    from referent.problems import MeetingFileError

    try:
        return parse_source(path, read_agenda_bytes(path), None).meeting, str(path)
    except MeetingFileError as error:
        raise CommandError(str(error), EXIT_USAGE) from error


def _write_agenda(meeting: Meeting, out: Path, kind: str) -> None:
    from referent.config import load_settings
    from referent.export import StyleError, WriteError, export_meeting, meeting_style
    from referent.paths import config_path

    try:
        style = None if kind == "toml" else meeting_style(meeting, load_settings(config_path()).styles)
        export_meeting(meeting, out, format=kind, agenda=True, style=style)
    except StyleError as error:
        raise CommandError(str(error), EXIT_USAGE) from error
    except WriteError as error:
        raise CommandError(str(error)) from error
