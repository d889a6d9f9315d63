"""Where an export goes when no file name is given: a name of its own, never another's file.

The default name (``2023-03-13 Referat Politisk Niveau.docx``) is the same for every version
of a meeting's minutes, and can be the same for two meetings of one body on one day. A
Word document referent writes carries in its properties which meeting and version it was
made for (``identity``), so an export replaces its own earlier document but picks a free
name (``… (2).docx``) rather than write over another meeting's or another version's, or its
own once it was saved again in Word (a chair's returned reading copy, a secretary's last
touches). An explicit ``--out`` overwrites, as the user asked.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from referent.model import Meeting
from referent.readinground.record import meeting_key

__all__ = ["file_key", "free_path", "identity", "meeting_key"]


def file_key(path: Path) -> str:
    """The name in its documents of a meeting exported straight from its file."""
    return "file " + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]


def identity(meeting: Meeting, meeting_key: str, *, kind: str, public: bool, for_review: bool) -> str:
    """Which document this is: the meeting (``meeting_key``: the database's meeting, or the
    file), the kind and the version (draft, or which approval); written into the .docx."""
    version = f"approved {len(meeting.approvals)}" if meeting.approved else "draft"
    flags = "".join(f" {flag}" for flag, on in (("public", public), ("for-review", for_review)) if on)
    return f"referent {meeting_key} {kind} {version}{flags}"


def free_path(path: Path, mark: str) -> Path:
    """``path`` if it is free or holds the same document (``mark`` in its properties), else the
    first free ``name (2).docx``, ``name (3).docx`` …"""
    candidate = path
    number = 1
    while candidate.exists() and not _ours(candidate, mark):
        number += 1
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
    return candidate


def _ours(path: Path, mark: str) -> bool:
    """Whether ``path`` is a Word document referent wrote for the same document ``mark``."""
    if path.suffix.lower() != ".docx" or not path.is_file():
        return False
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            properties = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    escaped = mark.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    saved_again = re.search(r"<cp:revision>\s*(\d{1,9})\s*</cp:revision>", properties)
    if saved_again and int(saved_again.group(1)) > 1:
        return False  # saved since in Word (which counts its saves here): someone's work, kept
    # a reading copy's record ends in its number (``copy 3``): each export of it is the same document
    return f">{escaped}</dc:identifier>" in properties or f">{escaped} copy " in properties
