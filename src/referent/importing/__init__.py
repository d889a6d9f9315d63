"""Reading a meeting from a file on disk, whatever its format: one entry point chooses the reader.

``read_source(path)`` looks at the file's first bytes, not its name: a zip holding
``word/document.xml`` is a Word agenda (``importing.word``), anything else is read as a
meeting file (TOML, ``meetingfile.reader``); a PDF, an old .doc or a password-protected
document gets a message saying what to do. Only regular files are read, up to
``MAX_FILE_BYTES``. Heavy readers (python-docx) are imported only when needed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from referent.danish import format_time
from referent.i18n import spoken_date, t, tn
from referent.importing.sniff import (
    MAX_FILE_BYTES,
    WORD_SUFFIXES,
    file_kind,
    not_word,
    read_agenda_bytes,
    refusal,
)
from referent.model import Meeting
from referent.problems import FileProblem, MeetingFileError, Problem

if TYPE_CHECKING:  # python-docx and the reader are imported only when a Word file is read
    from referent.importing.word.corrections import Corrections, Mark, Placed
    from referent.importing.word.reader import WordAgenda

__all__ = [
    "MAX_FILE_BYTES",
    "Source",
    "file_digest",
    "parse_source",
    "read_agenda_bytes",
    "read_source",
    "summary_lines",
]


@dataclass(frozen=True)
class Source:
    """A meeting read from a file, and what identifies the file's content."""

    meeting: Meeting
    digest: str
    """``file_digest`` of the file's bytes: the same file always gives the same digest."""
    kind: str
    """``toml`` or ``docx``."""
    warnings: list[Problem] = field(default_factory=list)
    """What a Word agenda's reader could not place (always empty for a meeting file)."""
    placed: list[Placed] = field(default_factory=list)
    """A Word agenda's paragraphs and what each became (the correction screen's list)."""
    stale: list[Mark] = field(default_factory=list)
    """The secretary's corrections whose paragraph the Word file no longer has (not applied)."""
    meetings: int = 1
    """How many meetings the file holds (a Word file may hold several)."""
    reading: WordAgenda | None = None
    """A Word agenda's reading whole, as the correction screen shows it (None: a meeting file)."""


def read_source(path: Path, meeting: int | None = None) -> Source:
    """The meeting in ``path`` (a meeting file or a Word agenda); raises ``MeetingFileError``
    (``SeveralMeetings`` for a Word file of several meetings read without ``meeting``)."""
    path = Path(path)
    return parse_source(path, read_agenda_bytes(path), meeting)


def file_digest(data: bytes) -> str:
    """What a file's content is remembered by: the same bytes, the same digest."""
    return hashlib.sha256(data).hexdigest()


def parse_source(
    path: Path,
    data: bytes,
    meeting: int | None = None,
    corrections: Corrections | None = None,
    whole_when_none: bool = False,
) -> Source:
    """The meeting in ``data``, the bytes of the file at ``path`` (as ``read_agenda_bytes`` gives);
    ``meeting`` chooses one of a Word file that holds several, and a Word agenda is read with
    the secretary's ``corrections``. A file that holds fewer meetings than ``meeting`` is refused.
    ``whole_when_none``: a Word document without items is one item (see ``parse_word_agenda``)."""
    name = str(path)
    digest = file_digest(data)
    kind = file_kind(data)
    reason = refusal(kind, data)
    if reason is not None:
        raise MeetingFileError(name, [Problem(None, reason)])
    if kind == "zip":
        from referent.importing.word.reader import parse_word_agenda

        agenda = parse_word_agenda(
            data, name, path.stem, meeting=meeting, corrections=corrections, whole_when_none=whole_when_none
        )
        if meeting is not None and meeting > agenda.meetings:
            raise MeetingFileError(name, [_no_such_meeting(meeting, agenda.meetings)])
        return Source(
            agenda.meeting,
            digest,
            "docx",
            agenda.warnings,
            agenda.placed,
            agenda.stale,
            agenda.meetings,
            agenda,
        )
    if path.suffix.lower() in WORD_SUFFIXES:
        raise MeetingFileError(name, [Problem(None, not_word(data))])
    from referent.fileio import MAX_FILE_BYTES as MAX_TEXT_BYTES
    from referent.fileio import decode_text, too_large
    from referent.meetingfile.reader import parse_meeting

    try:
        if len(data) > MAX_TEXT_BYTES:
            raise FileProblem(Problem(None, too_large(len(data), MAX_TEXT_BYTES, "meeting file")))
        text = decode_text(data, t("meeting file"))
    except FileProblem as error:
        raise MeetingFileError(name, [error.problem]) from None
    if meeting is not None and meeting > 1:
        raise MeetingFileError(name, [_no_such_meeting(meeting, 1)])
    return Source(parse_meeting(text, name), digest, "toml", [])


def _no_such_meeting(meeting: int, count: int) -> Problem:
    return Problem(None, tn("there is no meeting {meeting}: the file holds 1 meeting",
                            "there is no meeting {meeting}: the file holds {count} meetings", count,
                            meeting=meeting))  # fmt: skip


def summary_lines(meeting: Meeting) -> list[str]:
    """What ``referent check AGENDA.docx`` prints: what the reader understood, briefly (in the
    language of the command line: ``fredag den 26. august 2022``)."""
    when = spoken_date(meeting.date)
    if meeting.start is not None:
        when += f", {format_time(meeting.start)}"
        if meeting.end is not None:
            when += f"–{format_time(meeting.end)}"
    lines = [meeting.title, f"  {when}" + (f", {meeting.location}" if meeting.location else "")]
    if meeting.chair:
        lines.append("  " + t("chair: {name}", name=meeting.chair))
    groups = {p.group for p in meeting.participants}
    people = t(
        "{participants} in {groups}",
        participants=tn("1 participant", "{count} participants", len(meeting.participants)),
        groups=tn("1 group", "{count} groups", len(groups)),
    )
    absent = sum(1 for p in meeting.participants if p.absent)
    if absent:
        people += " " + t("({count} sent apologies)", count=absent)
    if meeting.guests:
        people += ", " + tn("1 guest", "{count} guests", len(meeting.guests))
    lines.append(f"  {people}")
    lines.append("  " + tn("1 item:", "{count} items:", len(meeting.items)))
    width = len(str(len(meeting.items)))
    for number, item in enumerate(meeting.items, start=1):
        extra = " " + t("(closed)") if item.closed else ""
        lines.append(f"    {number:>{width}}. {item.title}{extra}")
    return lines
