"""Item numbers, time slots, presenters and people as Danish agendas write them (dates: ``dates``).

Pure text functions, no Word: the reader's other modules decide *where* a line stands,
these decide what it says. Every pattern here comes from real agendas (see
shared/reference and docs/word-agenda.md), e.g. ``Mandag den 13. marts 2023 kl. 14.30 –
16.30``, ``Fredag d. 9. december kl. 12.00-13.30``, ``v/ Jens Ravnholt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from referent.dates import MONTH_NAMES, clock, normalize
from referent.model import Attendance

_DASH = r"(?:-|–|—|til)"
_KL = r"(?:kl\.?|klokken)"
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"


def _minutes(text: str) -> bool:
    return "." in text or ":" in text


# -- item headings ----------------------------------------------------------------------
_ITEM_NUMBER = re.compile(
    r"^(?:(?:punkt|pkt\.?|ad\.?|dagsordenspunkt)\s*(?P<word>\d{1,3})\b\s*[.:)–—-]?"
    r"|(?P<plain>\d{1,3})\s*[.)](?!\d))\s*",
    re.IGNORECASE,
)
_SLOT = re.compile(
    rf"[\s,–—-]*\(?\s*(?P<kl1>\b{_KL}\s*)?(?<![\w.,])(?P<start>{_CLOCK})\s*{_DASH}\s*(?P<kl2>{_KL}\s*)?"
    rf"(?P<end>{_CLOCK})\s*\)?\s*$",
    re.IGNORECASE,
)
_ONE_SLOT = re.compile(rf"[\s,–—-]*\(?\s*\b{_KL}\s*(?P<start>{_CLOCK})\s*\)?\s*$", re.IGNORECASE)
_TITLE_PRESENTER = re.compile(r"\s*(?:[–—-]\s*)?\(?\bv\s*/\s*(?P<who>[^()]+?)\s*\)?\s*$", re.IGNORECASE)
_TIME_LINE = re.compile(
    rf"^\(?\s*(?:(?:tid|tidspunkt)\s*:?\s*)?(?:{_KL}\s*)?(?P<start>{_CLOCK})"
    rf"(?:\s*{_DASH}\s*(?:{_KL}\s*)?(?P<end>{_CLOCK}))?\s*\)?\.?$",
    re.IGNORECASE,
)


def item_number(text: str) -> tuple[int | None, str]:
    """``2. Drøftelse …`` → (2, ``Drøftelse …``); also ``2)``, ``Punkt 2:``, ``Pkt. 2``.

    ``24. maj …`` is a date, not item 24.
    """
    match = _ITEM_NUMBER.match(text)
    if match is None:
        return None, text
    rest = text[match.end() :]
    if match["plain"] and rest.split(" ", 1)[0].lower().rstrip(".,") in MONTH_NAMES:
        return None, text
    return int(match["word"] or match["plain"]), rest


def split_title(text: str) -> tuple[str, time | None, time | None, str]:
    """A heading's title, time slot and presenter: ``Årsstatus v/ sekretariatet – kl. 14.00-14.30``."""
    title, start, end, presenter = normalize(text), None, None, ""
    for _ in range(2):  # slot and presenter may come in either order
        if start is None:
            title, start, end = _strip_slot(title)
        if not presenter and (match := _TITLE_PRESENTER.search(title)) and match.start() > 0:
            presenter, title = match["who"].strip(), title[: match.start()].rstrip(" ,–—-")
    return title.strip(), start, end, presenter


def _strip_slot(title: str) -> tuple[str, time | None, time | None]:
    match = _SLOT.search(title)
    if match is not None and match.start() > 0:
        has_kl = bool(match["kl1"] or match["kl2"])
        start, end = clock(match["start"]), clock(match["end"])
        if (has_kl or (_minutes(match["start"]) and _minutes(match["end"]))) and start and end:
            return title[: match.start()].rstrip(" ,–—-"), start, end
    match = _ONE_SLOT.search(title)
    if match is not None and match.start() > 0 and (start := clock(match["start"])) is not None:
        return title[: match.start()].rstrip(" ,–—-"), start, None
    return title, None, None


def time_line(text: str) -> tuple[time, time | None] | None:
    """A line that is only a time slot: ``kl. 14.35 – 15.00``, ``(10.00-10.30)``, ``Tid: kl. 9``."""
    text = normalize(text)
    match = _TIME_LINE.match(text)
    if match is None:
        return None
    if not re.search(_KL, text, re.IGNORECASE) and not _minutes(match["start"]):
        return None
    start = clock(match["start"])
    end = clock(match["end"]) if match["end"] else None
    if start is None or (match["end"] and end is None):
        return None
    return start, end


_PRESENTER = re.compile(
    r"^\(?\s*(?:v\s*/|ved\s*:|oplæg\s+(?:ved|v\s*/)\s*:?|ansvarlig\s*:|præsenteres\s+af|"
    r"fremlægges\s+af|oplægsholder\s*:)\s*(?P<who>.+?)\s*\)?\s*$",
    re.IGNORECASE,
)


def presenter_line(text: str) -> str | None:
    """The presenter of ``v / Eva Sejersdal Knudsen``, ``Ved: …``, ``Oplæg ved …``, ``Ansvarlig: …``."""
    match = _PRESENTER.match(normalize(text))
    if match is None or len(match["who"]) > 150:
        return None
    return match["who"].strip()


# -- people -----------------------------------------------------------------------------
_PARTICLES = {"af", "von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "ten", "ter", "zu"}
_ABSENT = {"afbud", "fraværende", "meldt afbud", "forhindret"}
_REMOTE = {"via teams", "deltog virtuelt", "deltager virtuelt", "virtuelt", "online", "via zoom",
           "via skype", "på teams", "deltog via teams", "deltager via teams", "deltog online"}  # fmt: skip
_ARRIVED = re.compile(r"^(?:deltog\s+)?fra\s+(?:og\s+med\s+)?punkt\s+(\d+)$", re.IGNORECASE)
_LEFT = re.compile(r"^(?:deltog\s+)?(?:til\s+og\s+med|indtil)\s+punkt\s+(\d+)$", re.IGNORECASE)
_SUBSTITUTE = re.compile(
    r"^(?P<who>.+?)\s+deltager\s+(?:i\s+(?:stedet|hendes\s+sted|hans\s+sted|dennes\s+sted)|for\s+.+)\.?$",
    re.IGNORECASE,
)
_TRAILING_BRACKET = re.compile(r"\s*\((?P<inner>[^()]*)\)\s*$")
_DASH_SPLIT = re.compile(r"\s+[–—-]\s+")


@dataclass
class Person:
    """One participant line taken apart."""

    name: str
    role: str = ""
    marker: str = ""
    attendance: Attendance = Attendance.UNKNOWN
    substitute: str = ""
    arrived_at: int | None = None
    left_after: int | None = None


def parse_person(line: str) -> Person:
    """``Mads Duedahl, regionsrådsformand, Region Nordjylland (medformand)``;
    ``Lisbeth Lagoni – Jan Nybo deltager i hendes sted``; ``Ole Stavad (afbud)``."""
    text = normalize(line.replace("\t", ", "))
    person = Person(name="")
    before, colon, after = (part.strip() for part in text.partition(":"))
    if colon and _role_first(before, after):
        text = f"{after}, {before}"  # ``Næstformand: Jes Lunde``: the role comes first
    elif colon and _role_first(after, before):
        text = f"{before}, {after}"  # ``Jes Lunde: næstformand``
    pieces = _DASH_SPLIT.split(text, maxsplit=1)
    if len(pieces) == 2 and (sub := _SUBSTITUTE.match(pieces[1])):
        text, person.substitute, person.attendance = pieces[0], sub["who"].strip(), Attendance.ABSENT
    markers: list[str] = []
    while (match := _TRAILING_BRACKET.search(text)) and match.start() > 0:
        markers[:0] = _notes(match["inner"], person)
        text = text[: match.start()]
    person.marker = ", ".join(markers)
    name, _, role = text.partition(",")
    person.name, person.role = name.strip(), role.strip()
    return person


def _role_first(role: str, name: str) -> bool:
    """``Co-Founder: Clark Banele Mahlangu``: a full name after the colon, a role (no full name
    of its own, at most eight words) before it."""
    words = len(role.split())
    return (
        0 < words <= 8
        and len(name.split()) >= 2
        and looks_like_name(name)
        and not (words >= 2 and looks_like_name(role))
    )


def _notes(inner: str, person: Person) -> list[str]:
    """The parts of a bracket that say how the person attends; the rest is the marker."""
    kept: list[str] = []
    for part in (p.strip() for p in inner.split(",")):
        for piece in _DASH_SPLIT.split(part):
            lowered = piece.lower().strip(" .")
            if lowered in _ABSENT:
                person.attendance = Attendance.ABSENT
            elif lowered in _REMOTE:
                person.attendance = Attendance.REMOTE
            elif arrived := _ARRIVED.match(lowered):
                person.arrived_at = int(arrived[1])
            elif left := _LEFT.match(lowered):
                person.left_after = int(left[1])
            elif sub := _SUBSTITUTE.match(piece.strip()):
                person.substitute, person.attendance = sub["who"].strip(), Attendance.ABSENT
            elif piece.strip():
                kept.append(piece.strip())
    return [", ".join(kept)] if kept else []


def is_group_heading(line: str, emphasised: bool = False) -> bool:
    """``Sekretariat``, ``Udvalgsformænd med observatørstatus:``, ``Fra kommunerne``: a heading
    that participants are listed under, not a person."""
    text = normalize(line)
    if not text:
        return False
    if text.endswith(":"):
        return True
    if "," in line or "\t" in line or _TRAILING_BRACKET.search(text):
        return False
    if emphasised:
        return True
    words = text.split()
    if len(words) == 1:
        return True
    if looks_like_titled_name(text):
        return False  # "Lægefaglig direktør Søren Bak": a person with her role in front
    return any(word[0].islower() and word not in _PARTICLES for word in words)


def looks_like_name(text: str) -> bool:
    """``Jes Lunde``, ``Mette Bolvig Poulsen``, ``Ludwig van Beethoven``: 1–5 capitalised words."""
    words = normalize(text).split()
    if not 1 <= len(words) <= 5:
        return False
    return all(
        (word[0].isupper() and not any(ch.isdigit() for ch in word)) or word in _PARTICLES for word in words
    )


def looks_like_titled_name(text: str) -> bool:
    """``Lægefaglig direktør Søren Bak``: a role in front of a name (the last two words capitalised)."""
    words = normalize(text).split()
    if not 3 <= len(words) <= 7 or any(ch.isdigit() for ch in text):
        return False
    return looks_like_name(" ".join(words[-2:])) and words[-2] not in _PARTICLES


def _namelike(part: str) -> bool:
    """``Kirsten Aagaard (formand)``, ``sognepræst Maria Lund``: a name, its note or role aside."""
    core = _TRAILING_BRACKET.sub("", part).strip()
    return looks_like_name(core) or looks_like_titled_name(core)


LONG_LIST = 5
"""A comma list this long, nearly all names, is a list of people even where a part is no name."""


def split_names(value: str) -> list[str]:
    """``Mads Duedahl, Jes Lunde og Ole Stavad`` → three names; a single ``Name, role`` stays one."""
    text = normalize(value)
    if ";" in text:
        return [part.strip() for part in text.split(";") if part.strip()]
    if ":" in text or re.search(r"\.\s+[A-ZÆØÅÄÖ]", text):
        return [text]  # sentences naming their groups inline ("… Tina Vang. Elevrepræsentanter: …")
    parts: list[str] = []
    for part in (p.strip() for p in re.split(r",|\s+(?:og|and|och|und)\s+", text) if p.strip()):
        if parts and part[:1].islower() and not _namelike(part):
            parts[-1] += f", {part}"  # "John Riis (V), formand, Anette Lauritsen (A)": his role
        else:
            parts.append(part)
    joined_by_og = bool(re.search(r"\s+(?:og|and|och|und)\s+", text))
    names = sum(_namelike(p.split(",")[0]) for p in parts)
    if len(parts) >= 2 and (joined_by_og or len(parts) >= 3) and names == len(parts):
        return parts
    long_list = len(parts) >= LONG_LIST and 3 * names >= 2 * len(parts)
    if long_list and all(len(p.split()) <= 5 for p in parts):
        return parts  # a video meeting's list: names, and here and there "Eveline's iPad"
    return [text] if text else []
