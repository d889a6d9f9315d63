"""A meeting's own file: one draft per file, found again by its path, its changes brought in.

``referent open FILE``, ``import``, ``export FILE``, ``review FILE``, ``demo`` and the picker
all come here, so the same file (a meeting file or a Word agenda) always addresses the same
draft, whatever was typed into it and however the file was edited since. A second,
independent copy is made only when asked for (``import --copy``) and is named as a copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from referent.importing import file_digest, parse_source, read_agenda_bytes
from referent.problems import Problem
from referent.store import Store

if TYPE_CHECKING:  # the agenda is compared only when the file changed
    from referent.agendamerge import AgendaUpdate
    from referent.importing.word.corrections import Corrections, Mark
    from referent.importing.word.reader import WordAgenda


@dataclass(frozen=True)
class FileDraft:
    """The draft of a file, and what the file says now if it changed since it was read."""

    meeting_id: int
    digest: str
    """The file's content as it is now."""
    imported: bool = False
    """The draft was made just now: the file was new to the database."""
    update: AgendaUpdate | None = None
    """The file's agenda changed since the draft was made or last updated: what bringing the
    changes in would do (see ``bring_in``). None when there is nothing to bring in."""
    warnings: list[Problem] = field(default_factory=list)
    """What a Word agenda's reader could not place (only when the file was read now)."""
    stale: list[Mark] = field(default_factory=list)
    """The secretary's corrections of the reading whose paragraph the file no longer has: kept,
    not applied (only when the file was read now)."""
    reading: WordAgenda | None = None
    """A Word agenda's reading made now, with the corrections kept with the draft then
    (``read_with``): the correction screen shown on opening starts from it instead of reading
    the file again (a second read of a 2,000-item agenda took over a second)."""
    read_with: str = ""
    """The kept corrections ``reading`` was read with (their JSON; empty: none)."""


def draft_for_file(store: Store, path: Path, meeting: int | None = None) -> FileDraft:
    """The draft of ``path`` (of its meeting ``meeting``, when the Word file holds several):
    imported if the file is new; raises ``MeetingFileError`` (``SeveralMeetings`` for a file
    of several meetings without ``meeting``).

    A Word document in which no item is found becomes a draft of one item, with a warning: its
    items are marked on the correction screen (refused, it could only be typed again).

    An unchanged file is recognised by its digest and not parsed again (10,000 paragraphs in
    2,000 items take most of a second to parse). A changed one is read with the corrections the
    secretary made to its reading, so they apply again to the new version."""
    data = read_agenda_bytes(path)
    digest = file_digest(data)
    known = store.find_by_source(path, meeting)
    if known is not None and known[1] == digest:
        return FileDraft(known[0], digest)
    kept = store.reading_corrections(known[0]) if known is not None else ""
    corrections = _corrections(kept)
    source = parse_source(path, data, meeting, corrections, whole_when_none=True)
    reading = source.reading
    if known is None:
        meeting_id = store.import_meeting(
            source.meeting, str(path), digest, source_meeting=meeting if source.meetings > 1 else None
        )
        return FileDraft(
            meeting_id, digest, imported=True, warnings=source.warnings, reading=reading, read_with=kept
        )
    meeting_id = known[0]
    from referent.agendamerge import plan_update

    update = plan_update(store.load_meeting(meeting_id), source.meeting, store.items_from_file(meeting_id))
    if update.empty:  # an edit that changes nothing of the agenda (a comment, a blank line)
        store.remember_source(meeting_id, digest)
        return FileDraft(
            meeting_id, digest, warnings=source.warnings, stale=source.stale, reading=reading, read_with=kept
        )
    return FileDraft(
        meeting_id,
        digest,
        update=update,
        warnings=source.warnings,
        stale=source.stale,
        reading=reading,
        read_with=kept,
    )


def stored_corrections(store: Store, meeting_id: int) -> Corrections | None:
    """The corrections kept with a draft (None when it has none: the reader is not imported)."""
    return _corrections(store.reading_corrections(meeting_id))


def _corrections(kept: str) -> Corrections | None:
    if not kept:
        return None
    from referent.importing.word.corrections import Corrections

    return Corrections.from_json(kept)


def bring_in(store: Store, draft: FileDraft) -> None:
    """Bring the file's changes into its draft (refused, ``ApprovedMinutes``, when approved)."""
    if draft.update is not None:
        store.update_agenda(draft.meeting_id, draft.update, draft.digest)


def import_copy(store: Store, path: Path, meeting: int | None = None) -> tuple[int, int | None]:
    """An independent copy of the file's meeting: (its id, the id of the file's draft it is a
    copy of, or None when the file had no draft: then this is the draft). The copy is read
    with the draft's corrections, and keeps them."""
    data = read_agenda_bytes(path)
    known = store.find_by_source(path, meeting)
    original = known[0] if known else None
    corrections = stored_corrections(store, original) if original is not None else None
    source = parse_source(path, data, meeting, corrections, whole_when_none=True)
    meeting_id = store.import_meeting(
        source.meeting,
        str(path),
        file_digest(data),
        copy_of=original,
        source_meeting=meeting if source.meetings > 1 else None,
        reading_corrections=corrections.to_json() if corrections is not None else None,
    )
    return meeting_id, original
