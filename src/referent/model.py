"""The meeting as plain data: what an agenda holds and what the minutes add to it.

One model serves both documents, so a prepared agenda and finished minutes are the same
kind of object (and the same kind of file). Nothing here knows about files, SQLite or
the screen.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any


class Part(StrEnum):
    """Which document a field belongs to; the agenda version keeps only ``AGENDA`` fields."""

    AGENDA = "agenda"  # prepared before the meeting
    RECORD = "record"  # what the meeting recorded
    REVIEW = "review"  # the chair's review after it


def declare(
    default: Any = MISSING,
    *,
    factory: Any = MISSING,
    file: str = "",
    column: str = "",
    part: Part = Part.AGENDA,
    item_number: bool = False,
    private: bool = False,
    heading: bool = False,
) -> Any:
    """A model field with what the meeting file, the database and the filters need to know.

    This is the one declaration of a field: ``referent.fields`` reads it for the file reader,
    the writer and the store, so a new field is added here and nowhere else by hand.
    ``file`` / ``column`` name the field where it is not called the same; ``item_number``
    marks a reference to an item (a number in the file, an item id in the database);
    ``private`` fields never reach the public version; ``heading`` fields are all a closed
    item shows in it.
    """
    metadata = {
        "file": file, "column": column, "part": part,
        "item_number": item_number, "private": private, "heading": heading,
    }  # fmt: skip
    if factory is not MISSING:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


_UNSEEN_IN_NAMES = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def folded(text: str) -> str:
    """``text`` as people compare it: case, spacing and invisible characters (a zero-width
    space, a bidi mark, a soft hyphen) do not count. Two names that fold alike are one person
    (the meeting file allows one entry each); titles that fold alike match."""
    return " ".join(_UNSEEN_IN_NAMES.sub("", text).casefold().split())


class Attendance(StrEnum):
    """How a participant took part; ``UNKNOWN`` until the secretary marks it."""

    UNKNOWN = "unknown"
    PRESENT = "present"
    ABSENT = "absent"  # afbud: sent apologies
    REMOTE = "remote"  # present online


class ItemStatus(StrEnum):
    """Where an agenda item stands in the meeting."""

    PENDING = "pending"  # not taken (yet)
    TAKEN = "taken"
    POSTPONED = "postponed"  # udsat
    WITHDRAWN = "withdrawn"  # trukket


class Outcome(StrEnum):
    """What the meeting decided on one point of a recommendation."""

    APPROVED = "approved"  # godkendt
    NOTED = "noted"  # taget til efterretning
    DISCUSSED = "discussed"  # drøftet
    POSTPONED = "postponed"  # udsat
    REJECTED = "rejected"  # ikke godkendt


class ItemPart(StrEnum):
    """A part under an item's heading (and presenter line), which an agenda may order its own way."""

    CASE = "case"  # sagsfremstilling
    RECOMMENDATION = "recommendation"  # indstilling
    ATTACHMENTS = "attachments"  # bilag
    MINUTES = "minutes"  # referat


class Numbering(StrEnum):
    """How the points of a recommendation are listed: ``1.``, ``a.`` or as bullets."""

    NUMBERS = "1"
    LETTERS = "a"
    BULLETS = "-"


@dataclass
class Participant:
    """Someone invited to the meeting (or a guest), and for minutes how they attended."""

    name: str
    role: str = declare("")
    """Role and organisation as written after the name: ``direktør, Aalborg Kommune``."""
    marker: str = declare("")
    """Written in brackets after the role: ``medformand`` gives ``(medformand)``."""
    group: str = declare("", column="group_heading")
    """The heading the participant is listed under, verbatim: ``Direktørforum:``."""
    attendance: Attendance = declare(Attendance.UNKNOWN, part=Part.RECORD)
    substitute: str = declare("", part=Part.RECORD)
    """Who attends in this participant's place (with apologies from the participant)."""
    arrived_at: int | None = declare(None, part=Part.RECORD, item_number=True, column="arrived_at_item")
    """Number of the first item the participant attended, when they came late."""
    left_after: int | None = declare(None, part=Part.RECORD, item_number=True, column="left_after_item")
    """Number of the last item the participant attended, when they left early."""
    substitute_phrase: str = declare("", part=Part.RECORD)
    """How the minutes say who came instead, word for word (``Jan Nybo deltager i hendes
    sted``), where the house style's one sentence does not fit; empty: the style's."""

    @property
    def absent(self) -> bool:
        """Not at the meeting: sent apologies, or someone came in their place."""
        return self.attendance is Attendance.ABSENT or bool(self.substitute)


@dataclass
class Recommendation:
    """``Det indstilles, at <body>:`` and its points, or the one-line ``Indstilling: …`` form.

    Its fields stand flat in the item's table of the meeting file and the database."""

    intro: str = declare("", file="recommendation_intro", column="rec_intro")
    """Overrides the intro line; empty means ``Det indstilles, at <meeting body>:``."""
    points: list[str] = declare(factory=list, file="recommendation", column="rec_points")
    numbering: Numbering | None = declare(None, file="recommendation_numbering", column="rec_numbering")
    """``None``: the form the house style gives recommendation points."""
    short: str = declare("", file="recommendation_short", column="rec_short")
    """The short form's text: ``Klyngestyregruppen drøfter emnet``."""
    outcomes: list[Outcome | None] = declare(factory=list, file="outcomes", column="rec_outcomes",
                                             part=Part.RECORD)  # fmt: skip
    """Decision per point, in the order of ``points``; ``None`` where none is recorded."""

    def label(self, index: int) -> str:
        """How point ``index`` (0-based) is referred to: ``1``, ``2`` … or ``a``, ``b`` … ``aa``."""
        if self.numbering is not Numbering.LETTERS:
            return str(index + 1)
        letters = ""
        index += 1
        while index:  # a … z, aa, ab …: never runs out
            index, rest = divmod(index - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters


@dataclass
class VacantSeat:
    """A seat on the body that no one holds yet: printed as the council writes it, at the end
    of its group, and never counted or asked about (it is no participant)."""

    text: str
    """Word for word: ``(Repræsentant fra kommunalt PLO-niveau - endnu ikke udpeget)``."""
    group: str = declare("", column="group_heading")


class ActionState(StrEnum):
    """Where a follow-up stands: open until a later meeting marks it done or dropped (a follow-up
    carried to the next meeting stays open)."""

    OPEN = "open"
    DONE = "done"  # udført
    DROPPED = "dropped"  # udgået


@dataclass
class ActionItem:
    """A follow-up agreed under an item (opfølgning): what, who, by when, and where it stands."""

    what: str
    who: str = declare("")
    due: str = declare("")
    """Free text, as minutes write it: ``1. maj 2023`` or ``primo maj``."""
    state: ActionState = declare(ActionState.OPEN, part=Part.RECORD)
    state_on: date | None = declare(None, part=Part.RECORD)
    """The day it was marked done, dropped or carried (the date of the meeting that did it)."""


@dataclass
class Remark:
    """A participant's protocol remark or dissent (protokolbemærkning), printed word for word."""

    who: str
    text: str


@dataclass
class Comment:
    """The chair's note to the secretary on an item; never exported."""

    text: str
    who: str = declare("")
    at: datetime | None = declare(None)
    done: bool = declare(False)
    """The secretary has dealt with it; until then the review lists it."""


@dataclass
class Correction:
    """An item's minutes were changed after approval: when, and why."""

    at: datetime
    reason: str = declare("", private=True)
    """Why the minutes were reopened; it may speak of a closed item, so the public version
    prints only the date."""


@dataclass
class Approval:
    """The chair approved the minutes; ``reopened_at`` is set when they were reopened later."""

    by: str = declare(column="by_name")
    at: datetime = declare()
    with_problems: bool = declare(False, private=True)
    """The review still listed problems and the chair approved anyway."""
    reopened_at: datetime | None = declare(None)
    reopen_reason: str = declare("", private=True)
    imported: bool = declare(False)
    """Read from a file, not given in this database: kept as history, never in force (so a
    file edited after its approval cannot pass for approved minutes)."""


@dataclass
class Item:
    """One agenda item. Its number is its position in the meeting (1-based)."""

    title: str = declare(heading=True)
    start: time | None = declare(None, heading=True)
    end: time | None = declare(None, heading=True)
    presenter: str = declare("")
    """Who presents the item, written after ``v /``."""
    closed: bool = declare(False, heading=True)
    """A closed item (lukket punkt) is left out of the public version."""
    case: str = declare("", column="case_text")
    """The case text (sagsfremstilling) in Markdown."""
    recommendation: Recommendation = declare(factory=Recommendation)
    attachments: list[str] = declare(factory=list)
    parts: list[ItemPart] = declare(factory=list)
    """The order of the parts as this item's agenda has them (the Word reader records it): agendas
    put ``Bilag`` before ``Indstilling`` or after it, and the minutes print an item as its agenda
    did unless the house style fixes one order. A part left out (every part, when empty) goes
    where the style's order puts it."""
    status: ItemStatus = declare(ItemStatus.PENDING, part=Part.RECORD)
    actual_start: time | None = declare(None, part=Part.RECORD)
    conflicts: list[str] = declare(factory=list, part=Part.RECORD)
    """Names of participants who did not take part in this item (inhabil)."""
    minutes: str = declare("", part=Part.RECORD)
    """The minutes text (referat) typed during the meeting, in Markdown."""
    not_in_agenda: bool = declare(False, part=Part.RECORD)
    """The agenda file no longer has this item; it is kept because the meeting recorded
    something under it (the review lists it until it is dealt with)."""
    actions: list[ActionItem] = declare(factory=list, part=Part.RECORD)
    remarks: list[Remark] = declare(factory=list, part=Part.REVIEW)
    comments: list[Comment] = declare(factory=list, part=Part.REVIEW, private=True)
    corrections: list[Correction] = declare(factory=list, part=Part.REVIEW)

    @property
    def has_minutes(self) -> bool:
        """Something other than white space was typed (asked on every autosave and move:
        no stripped copy of a long text is made)."""
        return bool(self.minutes) and not self.minutes.isspace()


@dataclass
class Meeting:
    """A whole meeting: header, participants, items; an agenda or minutes alike."""

    title: str
    date: date
    body: str = declare("")
    """Whom recommendations address: ``Det indstilles, at <body>:``."""
    start: time | None = declare(None)
    end: time | None = declare(None)
    location: str = declare("")
    chair: str = declare("")
    secretary: str = declare("")
    """The minute-taker (referent)."""
    style: str = declare("")
    """The house style of the meeting's documents: a built-in name (``nord``) or a style file,
    relative to the meeting file; empty: the settings' style for the body, else ``default``."""
    actual_start: time | None = declare(None, part=Part.RECORD)
    actual_end: time | None = declare(None, part=Part.RECORD)
    next_meeting: str = declare("", part=Part.RECORD)
    """The closing ``Næste møde`` line of the minutes."""
    participants: list[Participant] = declare(factory=list)
    guests: list[Participant] = declare(factory=list)
    vacant_seats: list[VacantSeat] = declare(factory=list)
    """Seats no one holds yet, printed in their group; never counted or asked about."""
    items: list[Item] = declare(factory=list)
    approvals: list[Approval] = declare(factory=list, part=Part.REVIEW)
    """Every approval, oldest first; the minutes are locked while the last one stands."""
    meeting_corrections: list[Correction] = declare(factory=list, part=Part.REVIEW)
    """Changes after a reopening that are not an item's minutes (attendance, the header, the
    order of items, the next-meeting line): dated like an item's corrections."""

    @property
    def approval(self) -> Approval | None:
        """The approval in force: the last one given here, unless it was reopened."""
        given = [approval for approval in self.approvals if not approval.imported]
        if given and given[-1].reopened_at is None:
            return given[-1]
        return None

    @property
    def approved(self) -> bool:
        return self.approval is not None

    def recommendation_intro(self, item: Item) -> str:
        """The intro line an item's recommendation is printed with."""
        if item.recommendation.intro:
            return item.recommendation.intro
        return f"Det indstilles, at {self.body}:" if self.body else "Det indstilles, at:"
