"""What a line starts with when it heads an agenda item, and the title left after it.

People mark items in many ways besides Word's own numbering: ``1.``, ``1)``, ``1:``,
``1.Greeted`` (no space), ``2.1``, ``IV.``, ``§ 3``, ``Punkt 4:``, ``Topic #1:``, ``PS 12/23``,
a typed bullet (``●``, ``•``, ``-``), or the item's time (``9:10-9:12:``, ``6:30pm:``,
``kl. 10.00``). ``marker(text)`` finds one and says what kind it is, so that the agenda finder
can tell which lines are alike; ``clean_title`` takes the title apart from what people write
around it (a duration, ``Title: a sentence of explanation``, a template's ``| Agenda topic X |``).

Pure text functions: no Word here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from referent.dates import MONTH_NAMES, normalize

_ROMAN = re.compile(r"^(?=[ivxlc])(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

_HIERARCHICAL = re.compile(
    r"^(?P<n>\d{1,3})(?P<sub>(?:\.\d{1,3})+)?(?:(?P<end>[.):])(?:[-–](?=\s))?(?=\s|[^\W\d_]|$)|(?=\s))\s*"
)
_ROMAN_START = re.compile(r"^(?P<r>[ivxlcIVXLC]{1,7})(?P<end>[.)])\s+(?=\S)")
_SECTION = re.compile(r"^§\s*(?P<n>\d{1,4})\s*[.:)–—-]?\s*(?=\S)")
_WORD_NUMBER = re.compile(
    r"^(?P<word>punkt|pkt\.?|ad\s+pkt\.?|ad\.?|dagsordenspunkt|dagsordenpunkt|agenda\s+item|item|topic|"
    r"sak|sag|saksnr\.?|sak\s+nr\.?|sag\s+nr\.?|ärende|punto|tema|tagesordnungspunkt|top|zu\s+top)"
    r"\s*(?:nr\.?\s*)?#?\s*(?:[A-ZÆØÅÄÖÜ]{1,2}\s+)?(?P<n>\d{1,3})(?P<sub>(?:\.\d{1,3})*)\b\s*[.:)–—-]?\s*",
    re.IGNORECASE,
)
_CASE_NUMBER = re.compile(
    r"^(?P<word>ps|rs|os|sak)\s*(?P<n>\d{1,4})\s*/\s*\d{2,4}\b\s*[.:–—-]?\s*", re.IGNORECASE
)
_ORDINALS = ("primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno",
             "décimo", "undécimo", "duodécimo")  # fmt: skip
_ORDINAL_WORD = re.compile(rf"^(?P<w>{'|'.join(_ORDINALS)})\s*[.:]?-?\s+(?=\S)", re.IGNORECASE)
"""Spanish minutes number their points in words: ``PRIMERO.- Lectura y aprobación …``."""
_BULLET = re.compile(r"^(?P<b>[•·▪◦○●■□➢✓►▶➤◆◇❖*]|[-–—](?=\s)|o(?=\t|\s{2,}))\s*(?=\S)")
_CLOCK = r"(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s*(?:[ap]\.?m\.?)?"
_TIME_START = re.compile(
    rf"^(?P<kl>(?:kl\.?|klokken|klockan|at)\s*)?(?P<start>{_CLOCK})"
    rf"(?:\s*(?:-|–|—|til|to)\s*(?P<end>{_CLOCK}))?(?:\s*(?:h|hrs|uhr))?\s*(?P<sep>[:.\-–—|]|\t)?\s+(?=\S)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\s*[(\[]\s*(?:ca\.?\s*|approx\.?\s*|c\.\s*)?\d{1,3}(?:[.,]\d)?\s*"
    r"(?:min(?:ut(?:es|ter|ter)?)?\.?|mins|hrs?|hours?|timer?|tim(?:me|mar)?|t\.)\s*[)\]]\s*$",
    re.IGNORECASE,
)
_CASE_SUFFIX = re.compile(
    r"\s*\((?:\s*|(?:sagsnr\.?\s*|j\.?\s*nr\.?\s*)?\d[\d./-]{5,}[\w-]*)\)\s*$", re.IGNORECASE
)
"""A case-management system's number after a title, or its empty ``( )``: ``… (2024-0081123)``."""
_TOPIC_PREFIX = re.compile(r"^(?:topic|emne|tema|item|punkt)\s*#?\s*\d{1,3}\s*[:.–—-]\s*", re.IGNORECASE)
_PIPE_TOPIC = re.compile(
    r"^(?:agenda\s+topic|topic|emne|punkt|dagsordenspunkt|item|title|titel|overskrift)\s*:?\s*(?P<t>.+)$",
    re.IGNORECASE,
)
_PIPE_PRESENTER = re.compile(
    r"^(?:presenter|presented\s+by|oplægsholder|ansvarlig|ved|responsible)\s*:?\s*(?P<who>.+)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Marker:
    """What a line starts with: ``kind`` is ``number``, ``roman``, ``section``, ``word``, ``case``,
    ``bullet``, ``letter`` or ``time``; ``label`` is the marker as written (``2.1``, ``IV``, ``§ 3``)."""

    kind: str
    number: int | None
    label: str
    rest: str
    depth: int = 1
    """How many parts a hierarchical number has: ``7.10.8`` is 3 deep."""
    end: str = ""
    """The character after the number (``.``, ``)``, ``:``), part of what makes lines alike."""
    reference: str = ""
    """A reference written before the number (``PC/24/041``)."""


def roman_value(text: str) -> int | None:
    """``iv`` → 4; None for what is no roman numeral."""
    if not _ROMAN.match(text):
        return None
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = _ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _is_month(word: str) -> bool:
    return word.lower().rstrip(".,") in MONTH_NAMES


_REFERENCE_FIRST = re.compile(r"^(?P<ref>[A-ZÆØÅ]{1,6}[ /-]?\d{1,4}(?:[/.-]\d{1,5}){1,3})\s+")
"""A minute's reference before its number: ``PC/24/041⇥1.⇥APOLOGIES``."""


def marker(text: str) -> Marker | None:
    """The item marker ``text`` starts with, if any. ``24. maj`` is a date and ``1.5 hr`` a
    duration, not items. A reference before the number (``PC/24/041⇥1.⇥…``) is set aside."""
    found = _REFERENCE_FIRST.match(text)
    inner = marker(text[found.end() :]) if found else None
    if found and inner is not None and inner.kind in ("number", "roman", "section", "word"):
        return replace(inner, reference=found["ref"])
    text = normalize(text)
    if not text:
        return None
    if match := _SECTION.match(text):
        return Marker("section", int(match["n"]), f"§ {match['n']}", text[match.end() :])
    if match := _CASE_NUMBER.match(text):
        rest = text[match.end() :]
        if rest:
            label = normalize(text[: match.end()]).rstrip(" .:–—-")
            return Marker("case", int(match["n"]), label, rest)
    if match := _WORD_NUMBER.match(text):
        rest = text[match.end() :]
        if not _is_month(rest.split(" ", 1)[0]):
            label = f"{match['n']}{match['sub']}"
            return Marker("word", int(match["n"]), label, rest, depth=1 + match["sub"].count("."))
    if match := _HIERARCHICAL.match(text):
        rest = text[match.end() :]
        first = rest.split(" ", 1)[0]
        plausible = bool(rest) and not _is_month(first) and not (_unit(first) and not match["end"])
        plausible = plausible and not (match["sub"] and rest[:1].isdigit())
        if plausible and (match["end"] or match["sub"] or _looks_titled(rest)):
            sub = match["sub"] or ""
            depth = 1 + sub.count(".")
            end = match["end"] or ""
            return Marker("number", int(match["n"]), match["n"] + sub, rest, depth=depth, end=end)
    if match := _ORDINAL_WORD.match(text):
        word = match["w"].lower().replace("septimo", "séptimo")
        if word in _ORDINALS:
            return Marker("word", _ORDINALS.index(word) + 1, match["w"], text[match.end() :])
    if match := _ROMAN_START.match(text):
        value = roman_value(match["r"])
        if value is not None:
            return Marker("roman", value, match["r"], text[match.end() :], end=match["end"])
    match = _TIME_START.match(text)
    if match and _is_time(match) and not _unit(text[match.end() :].split(" ", 1)[0]):
        return Marker("time", None, normalize(text[: match.end()]).rstrip(" :.-–—|"), text[match.end() :])
    if match := _BULLET.match(text):
        return Marker("bullet", None, match["b"], text[match.end() :])
    return None


def _looks_titled(rest: str) -> bool:
    """``3 Meeting reports`` (a number and a space) heads an item only before a capital."""
    return rest[:1].isupper()


def _unit(word: str) -> bool:
    return bool(
        re.fullmatch(r"(?:min(?:ut(?:es|ter))?\.?|mins|hrs?|hours?|timer?|%|kr\.?|mio\.?|dkk)", word, re.I)
    )


def _is_time(match: re.Match[str]) -> bool:
    """A clock time, not a plain number: ``9:10``, ``6:30pm``, ``kl. 10``, ``10.00-11.00``."""
    start = match["start"]
    has_minutes = ":" in start or "." in start
    has_ampm = bool(re.search(r"[ap]\.?m", start, re.IGNORECASE))
    return bool(match["kl"]) or has_minutes or has_ampm or (match["end"] is not None and has_minutes)


def clock_of(label: str) -> tuple[str, str] | None:
    """The start and end written in a time marker's label, as they stand (``9:10``, ``9:12``)."""
    parts = re.split(
        r"\s*(?:-|–|—|til|to)\s*", re.sub(r"^(?:kl\.?|klokken|klockan|at)\s*", "", label, flags=re.I)
    )
    if not parts or not parts[0]:
        return None
    return parts[0], parts[1] if len(parts) > 1 else ""


@dataclass(frozen=True)
class Title:
    """A head's title, what was said after it on the same line (for the case text), and a
    presenter a template's ``| Presenter X`` field named."""

    text: str
    spill: str = ""
    presenter: str = ""


def clean_title(text: str, *, explain: bool) -> Title:
    """The title of a head whose marker is gone. ``explain``: the line may go on to explain
    the item (a list item or a plain line, not a heading), so ``Title: a sentence …`` keeps
    the words before the colon as the title and the sentence for the case text."""
    text = normalize(text)
    presenter = ""
    if text.count("|") >= 2:  # Word's "Minutes" template: Time allotted | 10 Minutes | Agenda topic X |
        fields = [normalize(f) for f in text.split("|") if normalize(f)]
        topic = next((m["t"] for f in fields if (m := _PIPE_TOPIC.match(f))), None)
        if topic is not None:
            presenter = next((m["who"] for f in fields if (m := _PIPE_PRESENTER.match(f))), "")
            others = [f for f in fields if not _PIPE_TOPIC.match(f) and not _PIPE_PRESENTER.match(f)]
            return Title(topic, " | ".join(others), presenter)
    text = _TOPIC_PREFIX.sub("", text)
    spill = ""
    if (case := _CASE_SUFFIX.search(text)) and case.start() > 0:
        spill = case.group().strip(" ()") if case.group().strip(" ()") else ""
        text = text[: case.start()].rstrip()
    if (match := _DURATION.search(text)) and match.start() > 0:
        spill = match.group().strip()
        text = text[: match.start()].rstrip(" –—-,")
    if explain:
        head, colon, rest = text.partition(":")
        words = head.split()
        if (
            colon
            and rest.strip()
            and 1 <= len(words) <= 9
            and len(head) <= 70
            and (rest.rstrip().endswith((".", "!", "?")) or (len(rest) > 60 and len(words) <= 5))
            and not re.search(r"\d$", head)  # "kl. 10:30" is a time, not a title and its text
        ):
            return Title(head.strip(), _join(rest.strip(), spill), presenter)
        if len(text) > 150 and (cut := re.search(r"(?<=[a-zæøå0-9)])[.!?]\s+(?=[A-ZÆØÅ])", text)):
            return Title(text[: cut.start() + 1], _join(text[cut.end() :], spill), presenter)
    return Title(text, spill, presenter)


def _join(first: str, second: str) -> str:
    return " ".join(part for part in (first, second) if part)
