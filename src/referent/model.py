"""The meeting as plain data: what an agenda holds and what the minutes add to it.

One model serves both documents, so a prepared agenda and finished minutes are the same
kind of object (and the same kind of file). Nothing here knows about files, SQLite or
the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum


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


class Numbering(StrEnum):
    """How the points of a recommendation are listed: ``1.``, ``a.`` or as bullets."""

    NUMBERS = "1"
    LETTERS = "a"
    BULLETS = "-"


@dataclass
class Participant:
    """Someone invited to the meeting (or a guest), and for minutes how they attended."""

    name: str
    role: str = ""
    """Role and organisation as written after the name: ``direktør, Aalborg Kommune``."""
    marker: str = ""
    """Written in brackets after the role: ``medformand`` gives ``(medformand)``."""
    group: str = ""
    """The heading the participant is listed under, verbatim: ``Direktørforum:``."""
    attendance: Attendance = Attendance.UNKNOWN
    substitute: str = ""
    """Who attends in this participant's place (with apologies from the participant)."""
    arrived_at: int | None = None
    """Number of the first item the participant attended, when they came late."""
    left_after: int | None = None
    """Number of the last item the participant attended, when they left early."""
    substitute_phrase: str = ""
    """How the minutes say who came instead, word for word (``Jan Nybo deltager i hendes
    sted``), where the house style's one sentence does not fit; empty: the style's."""


@dataclass
class Recommendation:
    """``Det indstilles, at <body>:`` and its points, or the one-line ``Indstilling: …`` form."""

    points: list[str] = field(default_factory=list)
    intro: str = ""
    """Overrides the intro line; empty means ``Det indstilles, at <meeting body>:``."""
    numbering: Numbering | None = None
    """``None``: the form the house style gives recommendation points."""
    short: str = ""
    """The short form's text: ``Klyngestyregruppen drøfter emnet``."""
    outcomes: list[Outcome | None] = field(default_factory=list)
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
    group: str = ""


@dataclass
class ActionItem:
    """A follow-up agreed under an item (opfølgning): what, who, by when."""

    what: str
    who: str = ""
    due: str = ""
    """Free text, as minutes write it: ``1. maj 2023`` or ``primo maj``."""


@dataclass
class Remark:
    """A participant's protocol remark or dissent (protokolbemærkning), printed word for word."""

    who: str
    text: str


@dataclass
class Comment:
    """The chair's note to the secretary on an item; never exported."""

    text: str
    who: str = ""
    at: datetime | None = None


@dataclass
class Correction:
    """An item's minutes were changed after approval: when, and why."""

    at: datetime
    reason: str


@dataclass
class Approval:
    """The chair approved the minutes; ``reopened_at`` is set when they were reopened later."""

    by: str
    at: datetime
    with_problems: bool = False
    """The review still listed problems and the chair approved anyway."""
    reopened_at: datetime | None = None
    reopen_reason: str = ""


@dataclass
class Item:
    """One agenda item. Its number is its position in the meeting (1-based)."""

    title: str
    start: time | None = None
    end: time | None = None
    presenter: str = ""
    """Who presents the item, written after ``v /``."""
    case: str = ""
    """The case text (sagsfremstilling) in Markdown."""
    recommendation: Recommendation = field(default_factory=Recommendation)
    attachments: list[str] = field(default_factory=list)
    closed: bool = False
    """A closed item (lukket punkt) is left out of the public version."""
    minutes: str = ""
    """The minutes text (referat) typed during the meeting, in Markdown."""
    status: ItemStatus = ItemStatus.PENDING
    actual_start: time | None = None
    conflicts: list[str] = field(default_factory=list)
    """Names of participants who did not take part in this item (inhabil)."""
    actions: list[ActionItem] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)


ITEM_ROWS: dict[str, type[ActionItem | Remark | Comment | Correction]] = {
    "actions": ActionItem,
    "remarks": Remark,
    "comments": Comment,
    "corrections": Correction,
}
"""The lists of rows an item holds, by attribute name. Each class's fields, in order, are its
keys in the meeting file (``[[items.actions]]``) and its columns in the database."""


@dataclass
class Meeting:
    """A whole meeting: header, participants, items; an agenda or minutes alike."""

    title: str
    date: date
    body: str = ""
    """Whom recommendations address: ``Det indstilles, at <body>:``."""
    start: time | None = None
    end: time | None = None
    location: str = ""
    chair: str = ""
    secretary: str = ""
    """The minute-taker (referent)."""
    next_meeting: str = ""
    actual_start: time | None = None
    actual_end: time | None = None
    participants: list[Participant] = field(default_factory=list)
    guests: list[Participant] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    """Every approval, oldest first; the minutes are locked while the last one stands."""
    style: str = ""
    """The house style of the meeting's documents: a built-in name (``nord``) or a style file,
    relative to the meeting file; empty: the settings' style for the body, else ``default``."""
    vacant_seats: list[VacantSeat] = field(default_factory=list)

    @property
    def approval(self) -> Approval | None:
        """The approval in force: the last one, unless it was reopened."""
        if self.approvals and self.approvals[-1].reopened_at is None:
            return self.approvals[-1]
        return None

    @property
    def approved(self) -> bool:
        return self.approval is not None

    def recommendation_intro(self, item: Item) -> str:
        """The intro line an item's recommendation is printed with."""
        if item.recommendation.intro:
            return item.recommendation.intro
        return f"Det indstilles, at {self.body}:" if self.body else "Det indstilles, at:"
