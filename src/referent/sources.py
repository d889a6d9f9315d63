"""The draft of a meeting file: imported the first time it is opened, found again after.

Shared by ``referent open``, ``referent demo`` and the picker, so that opening the same
file twice, by any way, resumes the same draft instead of starting an empty one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from referent.meetingfile.reader import read_meeting_file
from referent.store import Store, digest


@dataclass(frozen=True)
class FileDraft:
    """The meeting to open, and the file's new text when it changed since it was imported."""

    meeting_id: int
    changed_source: str | None = None


def draft_for_file(store: Store, path: Path) -> FileDraft:
    """Import ``path`` if it is new; raises ``MeetingFileError`` for a file that can't be read."""
    meeting, source = read_meeting_file(path)
    known = store.find_by_source(path)
    if known is None:
        return FileDraft(store.import_meeting(meeting, str(path), digest(source)))
    meeting_id, imported = known
    return FileDraft(meeting_id, None if imported == digest(source) else source)
