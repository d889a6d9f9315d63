"""The reading round on the command line: check a returned copy, bring it in, accept its changes.

``referent check COPY.docx`` lists what the copy proposes without changing anything;
``referent review COPY.docx`` brings it into its meeting's review; with ``--accept NAME`` or
``--accept-all`` the corrections are accepted without the app, and what changed is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from referent.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandError, open_store
from referent.cli.language import command, speak
from referent.i18n import said, t, tn
from referent.textclean import visible

if TYPE_CHECKING:
    from referent.export.style import HouseStyle
    from referent.model import Meeting
    from referent.readinground.bringing import Located
    from referent.readinground.changes import Proposal
    from referent.store import Store

_WORD = (".docx", ".docm")


def reading_copy(path: Path, data: bytes, any_minutes: bool = False) -> bool:
    """Whether ``data`` is a reading copy referent made (``any_minutes``: or any minutes it
    exported, which ``review`` then refuses with the reason)."""
    if path.suffix.lower() not in _WORD or not data.startswith(b"PK"):
        return False
    from referent.readinground.record import peek_record

    record = peek_record(data)
    return record is not None and record.kind == "minutes" and (record.for_review or any_minutes)


def check_copy(args: argparse.Namespace, path: Path, data: bytes) -> int:
    """Which meeting and version the copy was made for, and per item each change and comment."""
    from referent.paths import database_path
    from referent.problems import MeetingFileError
    from referent.readinground.bringing import STANDS, ReadingRoundError, locate, preview
    from referent.readinground.document import HEADER

    name = visible(str(path))
    if not database_path(args.db).exists():  # checking makes no database
        print(t("{name}: a reading copy of a meeting that is not in this database (another database, "
                "a file exported on its own, or a meeting deleted since)", name=name))  # fmt: skip
        return EXIT_USAGE
    store = open_store(args)
    try:
        try:
            located = locate(store, path, data)
        except (ReadingRoundError, MeetingFileError) as error:
            print(str(error))
            return EXIT_USAGE
        meeting = store.load_meeting(located.meeting_id)
        speak(meeting)
        proposals, ignored = preview(store, located, _style(store, located.meeting_id, meeting))
    finally:
        store.close()
    made = located.made_at.astimezone().strftime("%d.%m.%Y %H:%M") if located.made_at else "?"
    print(t("{name}: a reading copy of meeting {id} ({title}, {date}), the draft as it was on {made}",
            name=name, id=located.meeting_id, title=visible(meeting.title), date=meeting.date.isoformat(),
            made=made))  # fmt: skip
    copy = located.copy
    numbers = sorted(
        {p.number for p, _ in proposals} | {c.number for c in copy.comments if c.number is not None}
    )
    if not numbers and not copy.comments:
        print("  " + t("no tracked changes and no comments"))
    outside = [c for c in copy.comments if c.number is None]
    if outside or any(p.number == HEADER for p, _ in proposals):
        print(f"  {t('The header block')}")  # before item 1, as in the copy
    for proposal, stands in (entry for entry in proposals if entry[0].number == HEADER):
        line = _proposal_line(proposal.part, proposal.kind, proposal.old, proposal.new, proposal.before)
        print(f"    {line} ({_who(proposal.author, proposal.date)})")
        if stands:
            print(f"      {t(STANDS[stands])}")
    for comment in outside:
        anchor = f" ({t('on')} «{visible(_short(comment.anchor))}»)" if comment.anchor else ""
        print(f"    {t('comment')}: {visible(comment.text)}{anchor} ({_who(comment.author, comment.date)})")
    for number in numbers:
        if number == HEADER:
            continue
        title = meeting.items[number - 1].title if number <= len(meeting.items) else "?"
        print(f"  {number}. {visible(title)}")
        for proposal, stands in (entry for entry in proposals if entry[0].number == number):
            print(f"    {_proposal_line(proposal.part, proposal.kind, proposal.old, proposal.new)}"
                  f" ({_who(proposal.author, proposal.date)})")  # fmt: skip
            if stands:
                print(f"      {t(STANDS[stands])}")
        for comment in (c for c in copy.comments if c.number == number):
            anchor = f" ({t('on')} «{visible(_short(comment.anchor))}»)" if comment.anchor else ""
            print(
                f"    {t('comment')}: {visible(comment.text)}{anchor} ({_who(comment.author, comment.date)})"
            )
    _print_ignored(ignored)
    print(t("Bring them in with: {command}", command=command("review", path)))
    return EXIT_OK


def review_copy(args: argparse.Namespace, path: Path, data: bytes) -> int:
    """Bring the copy into its meeting; accept as asked; else open the meeting's review."""
    from referent.problems import MeetingFileError
    from referent.readinground.bringing import ReadingRoundError, bring_in, locate

    store = open_store(args)
    try:
        try:
            located = locate(store, path, data)
            meeting = store.load_meeting(located.meeting_id)
            speak(meeting)
            brought = bring_in(store, located, _style(store, located.meeting_id, meeting))
        except (ReadingRoundError, MeetingFileError) as error:
            raise CommandError(str(error), EXIT_USAGE) from error
        print(_brought_line(path, located, len(brought.proposals), brought.new, brought.comments))
        _print_done(store, located, brought.done)
        _print_ignored(brought.ignored)
        if args.accept is None and not args.accept_all:
            from referent.cli.drafts import run_app
            from referent.paths import database_path

            return run_app(store, database_path(args.db), located.meeting_id, None, review=True, several=None)
        return _accept(store, located, None if args.accept_all else args.accept)
    finally:
        store.close()


def _accept(store: Store, located: Located, name: str | None) -> int:
    from referent.readinground.bringing import NotApplied, accept, by_reviewer

    chosen = by_reviewer(store.proposals(located.meeting_id), name)
    if not chosen:
        print(t("nothing to accept from {name}", name=name) if name else t("nothing to accept"))
        return EXIT_OK
    meeting = store.load_meeting(located.meeting_id)
    ids = store.item_ids(located.meeting_id)
    style = _style(store, located.meeting_id, meeting)
    status = EXIT_OK
    for proposal in chosen:
        where = _where(meeting, ids, proposal.item_id, proposal.part)
        line = _proposal_line(proposal.part, proposal.kind, proposal.old, proposal.new, proposal.before)
        try:
            accept(store, proposal, style)
        except NotApplied as error:
            if error.reason:
                print(t("not applied: {where}: {change} — {reason}", where=where, change=line,
                        reason=said(error.reason)))  # fmt: skip
            else:
                print(t("not applied: {where}: {change} — those words have changed since the copy was sent; "
                        "decide in the review", where=where, change=line))  # fmt: skip
            status = EXIT_FAILED
            continue
        print(
            t(
                "accepted: {where}: {change} ({who})",
                where=where,
                change=line,
                who=", ".join(proposal.authors),
            )
        )
    return status


DONE_LINES = {
    "accepted": "accepted already: {where}: {change} ({who})",
    "rejected": "rejected already: {where}: {change} ({who})",
    "reads": "the text now reads as the correction would make it: {where}: {change} ({who})",
}
"""What bringing a copy in again says of a change with nothing left to decide."""


def _print_done(store: Store, located: Located, done: list[tuple[int, Proposal, str]]) -> None:
    """Per change decided already (the same copy brought in again) or in the text already."""
    if not done:
        return
    meeting = store.load_meeting(located.meeting_id)
    ids = store.item_ids(located.meeting_id)
    for item_id, proposal, stands in done:
        where = _where(meeting, ids, item_id, proposal.part)
        line = _proposal_line(proposal.part, proposal.kind, proposal.old, proposal.new, proposal.before)
        print(t(DONE_LINES[stands], where=where, change=line, who=proposal.author or t("unknown reviewer")))


def _where(meeting: Meeting, ids: list[int], item_id: int, part: str) -> str:
    """``3. Title`` of the item a proposal is for; the header block for an attendance line."""
    from referent.readinground.attendance import PART

    if part == PART:
        return t("the header block")
    index = ids.index(item_id)
    return f"{index + 1}. {visible(meeting.items[index].title)}"


def _style(store: Store, meeting_id: int, meeting: Meeting) -> HouseStyle | None:
    """The meeting's house style (its outcome words), as ``referent export`` finds it."""
    from referent.config import load_settings
    from referent.export import StyleError, meeting_style
    from referent.paths import config_path

    source = store.source_path(meeting_id)
    try:
        return meeting_style(
            meeting, load_settings(config_path()).styles, Path(source).parent if source else Path.cwd()
        )
    except StyleError:
        return None


def _brought_line(path: Path, located: Located, found: int, new: int, comments: int) -> str:
    return t(
        "{name}: meeting {id}: {changes}, {new} not brought in before; {comments}",
        name=visible(str(path)),
        id=located.meeting_id,
        changes=tn("1 proposed correction", "{count} proposed corrections", found),
        new=new,
        comments=tn("1 comment added", "{count} comments added", comments),
    )


def _proposal_line(part: str, kind: str, old: str, new: str, row: str = "") -> str:
    """``minutes: «old» → «new»``; an attendance line with its row: ``attendance, absent: + «…»``."""
    from referent.readinground.attendance import PART, ROW_WORDS
    from referent.readinground.changes import describe

    label = {"title": t("title"), "minutes": t("minutes"), "outcomes": t("outcome")}.get(part, part)
    if part == PART:
        label = f"{t('attendance')}, {t(ROW_WORDS.get(row, row))}"
    marks = {"untracked": f" [{t('untracked')}]", "moved": f" [{t('moved')}]"}.get(kind, "")
    return f"{label}{marks}: {visible(describe(old, new))}"


def _who(author: str, date: str) -> str:
    when = date[:16].replace("T", " ") if date else ""
    who = author or t("unknown reviewer")
    return f"{who}, {when}" if when else who


def _short(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _print_ignored(ignored: list[str]) -> None:
    from referent.readinground.bringing import say_ignored

    for entry in ignored:
        print("  " + t("ignored: {what}", what=visible(say_ignored(entry))))
