"""What the secretary put right in how a Word agenda was read, kept with the file's draft.

No reader can guess everything: a line that is an item, a heading that is not, a name that
belongs with the participants. The secretary corrects it once (the correction screen) and
the corrections are kept with the draft; reading the document again — an updated agenda,
``import --update`` — applies them again. A correction names a paragraph by its text (folded:
case and spacing aside) and which of the paragraphs with that text it is, so it still finds
its paragraph when other paragraphs are added, removed or moved; one whose paragraph is gone
is reported as no longer applying, never applied elsewhere.

Pure data and JSON: no Word, no UI.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, time
from enum import StrEnum
from typing import Any

from referent.model import folded

KEY_LENGTH = 160
"""How much of a paragraph's text names it: enough to tell paragraphs apart, short enough
that an edit at its end (a typo put right) does not lose the correction."""


class Role(StrEnum):
    """What a paragraph is to the meeting."""

    ITEM = "item"  # it heads an item
    TEXT = "text"  # text of the item above it (before the first item: of the first)
    HEADER = "header"  # a line of the header: title, date, place, a label
    PARTICIPANT = "participant"  # a participant (or a group heading of participants)


def paragraph_key(text: str) -> str:
    """The name a correction gives a paragraph: its folded text, first ``KEY_LENGTH`` characters."""
    return folded(text)[:KEY_LENGTH]


@dataclass(frozen=True)
class Mark:
    """One paragraph's role, as the secretary set it."""

    key: str
    nth: int
    """Which paragraph with this key (0 = the first in the document)."""
    role: Role
    title: str = ""
    """For ``ITEM``: the item's title, when the secretary wrote it (empty: from the paragraph)."""


@dataclass(frozen=True)
class Corrections:
    """Everything the secretary corrected in one document's reading."""

    marks: tuple[Mark, ...] = ()
    title: str = ""
    date: date | None = None
    start: time | None = None
    end: time | None = None
    meeting: int | None = None
    """Which meeting of a file that holds several (1-based)."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.marks or self.title or self.date or self.start or self.end or self.meeting)

    def marked(self, key: str, nth: int, role: Role, title: str = "") -> Corrections:
        """These corrections with one paragraph's role set (a second mark of it replaces the first)."""
        kept = tuple(m for m in self.marks if (m.key, m.nth) != (key, nth))
        return replace(self, marks=(*kept, Mark(key, nth, role, title)))

    def unmarked(self, key: str, nth: int) -> Corrections:
        """These corrections without the paragraph's mark: it is read as the reader finds it."""
        return replace(self, marks=tuple(m for m in self.marks if (m.key, m.nth) != (key, nth)))

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "marks": [
                {"key": m.key, "nth": m.nth, "role": m.role.value, **({"title": m.title} if m.title else {})}
                for m in self.marks
            ]
        }
        if self.title:
            data["title"] = self.title
        if self.date:
            data["date"] = self.date.isoformat()
        if self.start:
            data["start"] = self.start.strftime("%H:%M")
        if self.end:
            data["end"] = self.end.strftime("%H:%M")
        if self.meeting:
            data["meeting"] = self.meeting
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Corrections:
        """The corrections stored as ``text``; nothing (never an error) for text that is not
        theirs: a correction that cannot be read is one the secretary makes again."""
        if not text:
            return cls()
        try:
            data = json.loads(text)
            marks = tuple(
                Mark(str(m["key"]), int(m["nth"]), Role(m["role"]), str(m.get("title", "")))
                for m in data.get("marks", [])
            )
            return cls(
                marks=marks,
                title=str(data.get("title", "")),
                date=date.fromisoformat(data["date"]) if data.get("date") else None,
                start=time.fromisoformat(data["start"]) if data.get("start") else None,
                end=time.fromisoformat(data["end"]) if data.get("end") else None,
                meeting=int(data["meeting"]) if data.get("meeting") else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls()


@dataclass(frozen=True)
class Placed:
    """One paragraph of the document and what the reading made of it (for the correction screen)."""

    paragraph: int
    """Its ¶ number."""
    key: str
    nth: int
    text: str
    """Its text, on one line."""
    role: Role
    item: int | None = None
    """The number of the item it heads or belongs to."""
    uncertain: str = ""
    """Why the secretary should look at it (the reader's warning), or empty."""
    marked: bool = False
    """Its role is the secretary's, not the reader's."""
    in_table: bool = False
