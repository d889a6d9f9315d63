"""Dates and times as meeting documents write them, in Danish, Norwegian, Swedish, German,
Spanish and English.

``parse_when(text)`` finds a date and a time (or a span of times) anywhere in a line:
``Mandag den 13. marts 2023 kl. 14.30 – 16.30``, ``tisdagen den 14 mars 2023 kl. 13.15``,
``15 de marzo de 2023``, ``April 15, 2024``, ``Nov 18 - 22, 2019``, ``26th/Feb/2018``,
``12-Aug-2022``, ``23.05.13``, ``16/3/16``, ``24-09-2020``, ``15-17/1-2017``, ``20231203``,
``7:00pm``, ``12.15pm -2pm``, ``15hrs``. A numeric date both of whose numbers could be the
month (``8/1/15``) is read day first, as Europe writes it, and says so (``When.month_first``
holds the other reading) so that the caller can choose by what else the document says.

Pure text functions, no Word: the machine's locale is never used (see ``referent.danish``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from referent.danish import MONTHS, WEEKDAYS

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("januar", "januari", "january", "jan", "enero", "jänner"),
    2: ("februar", "februari", "february", "feb", "febrero", "februarary"),
    3: ("marts", "mars", "march", "mar", "märz", "marzo", "mrt"),
    4: ("april", "apr", "abril"),
    5: ("maj", "mai", "may", "mayo"),
    6: ("juni", "june", "jun", "junio"),
    7: ("juli", "july", "jul", "julio"),
    8: ("august", "augusti", "aug", "agosto"),
    9: ("september", "sep", "sept", "septiembre", "setiembre"),
    10: ("oktober", "october", "okt", "oct", "octubre"),
    11: ("november", "nov", "noviembre"),
    12: ("december", "desember", "dezember", "dec", "des", "dez", "diciembre", "dic"),
}
MONTH_NAMES: dict[str, int] = {word: month for month, words in _MONTH_WORDS.items() for word in words}
"""Every month name and abbreviation the reader knows, lower case, to its number."""
assert all(MONTH_NAMES[name] == number for number, name in enumerate(MONTHS, start=1))

_WEEKDAY_WORDS: dict[int, tuple[str, ...]] = {
    0: ("mandag", "måndag", "monday", "mon", "montag", "lunes"),
    1: ("tirsdag", "tisdag", "tuesday", "tue", "tues", "dienstag", "martes"),
    2: ("onsdag", "wednesday", "wed", "mittwoch", "miércoles", "miercoles"),
    3: ("torsdag", "thursday", "thu", "thur", "thurs", "donnerstag", "jueves"),
    4: ("fredag", "friday", "fri", "freitag", "viernes"),
    5: ("lørdag", "lördag", "saturday", "sat", "samstag", "sábado", "sabado"),
    6: ("søndag", "söndag", "sunday", "sun", "sonntag", "domingo"),
}
WEEKDAY_NAMES: dict[str, int] = {word: day for day, words in _WEEKDAY_WORDS.items() for word in words}
assert all(WEEKDAY_NAMES[name] == number for number, name in enumerate(WEEKDAYS))

_MONTH = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAY_NAMES, key=len, reverse=True))
# "tisdagen den", "Monday the", "Mandag d."
_WEEKDAY_PREFIX = rf"(?:\b(?P<wd>{_WEEKDAY})(?:en|e)?\b\.?[\s,]*(?:(?:den|d\.|the|el|der)\s*)?)?"
_ORDINAL = r"(?:st|nd|rd|th|\.|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DASH = r"(?:-|–|—|til|to|bis|till)"

_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
_COMPACT = re.compile(
    r"(?<![\d.,/-])(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?![\d])"
)
_DAY_FIRST = re.compile(
    rf"{_WEEKDAY_PREFIX}(?<![\d.])(?P<day>\d{{1,2}}){_ORDINAL}(?:\s*[-–]\s*\d{{1,2}}{_ORDINAL})?"
    rf"\s*(?:de\s+|of\s+|[/-]\s*)?(?P<month>{_MONTH})\b\.?(?:\s*(?:de|del|[/-])?[\s,]*{_YEAR}\b)?",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"{_WEEKDAY_PREFIX}\b(?P<month>{_MONTH})\b\.?\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL}(?!\d)"
    rf"(?:\s*[-–]\s*\d{{1,2}}{_ORDINAL}(?!\d))?(?:[\s,]+{_YEAR}\b)?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"{_WEEKDAY_PREFIX}(?<![\d.,/])(?P<day>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}}(?=/))?(?P<sep>[./-])"
    r"(?P<month>\d{1,2})(?P<sep2>[./-])(?P<year>(?:19|20)\d{2}|\d{2})(?![\d]|[.,]\d)",
    re.IGNORECASE,
)
_CLOCK = r"(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?"
_AMPM = r"\s*(?P<{0}>[ap])\.?\s?m\b\.?"
_KL = r"(?:kl\.?|klokken|klockan|at|um|a\s+las)"
_SPAN = re.compile(
    rf"(?:\b(?:fra|from|från|de)\s+)?(?P<kl1>{_KL}\s*)?(?<![\w.,:])(?P<start>{_CLOCK})(?:{_AMPM.format('ap1')})?"
    rf"\s*{_DASH}\s*(?P<kl2>{_KL}\s*)?(?P<end>{_CLOCK})(?:{_AMPM.format('ap2')})?(?![\d])(?:\s*(?:h|hrs|uhr)\b)?",
    re.IGNORECASE,
)
_ONE_TIME = re.compile(
    rf"(?:\b{_KL}\s*(?P<kl>{_CLOCK})(?:{_AMPM.format('ap1')})?(?![\d])"
    rf"|(?<![\w.,:/])(?P<ampm>{_CLOCK}){_AMPM.format('ap2')}"
    rf"|(?<![\w.,:/])(?P<hrs>{_CLOCK})\s*(?:h|hrs|uhr)\b"
    rf"|(?<![\w.,:/-])(?P<bare>(?:[01]?\d|2[0-3])[:.][0-5]\d)(?![\d.,:/-]))",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(
    rf"^[\s,.;:–—|/-]*(?:(?:den\b|d\.|the\b|on\b|at\b|de\b|el\b|in\b|i\b|på\b|en\b|{_KL}(?!\w))\s*)*"
    r"|[\s,.;:–—|/-]*(?:\b(?:ET|EST|EDT|CET|CEST|UTC|GMT|h|hrs)\b)?[\s,.;:–—|/-]*$",
    re.IGNORECASE,
)


_RANGE_DASH = re.compile(r"^\s*(?:-|–|—|to|til|till|bis|al)\s*", re.IGNORECASE)


def normalize(text: str) -> str:
    """One plain space between words: Word's non-breaking and thin spaces included (``str.split``
    splits at every Unicode space, as the pattern did, several times faster)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class When:
    """What a date-and-time line says; the year may be missing (``Fredag d. 9. december``)."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    """0 = Monday, as ``date.weekday()``; ``None`` when the line names no weekday."""
    start: time | None = None
    end: time | None = None
    rest: str = ""
    """The text that is neither date nor time: ``Regionshuset`` in ``Tid og sted: … kl. 14, Regionshuset``."""
    month_first: tuple[int, int] | None = None
    """(day, month) read the American way, for a numeric date such as ``8/1/15`` that both
    readings allow; ``day``/``month`` hold the European reading."""

    @property
    def has_date(self) -> bool:
        return self.day is not None and self.month is not None

    def on(self, year: int) -> date | None:
        """The date in ``year``, or None when day and month do not make a date."""
        if self.day is None or self.month is None:
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def iso_date(text: str) -> date | None:
    """A ``2023-03-13`` date anywhere in ``text`` (a file name), if it is a date."""
    match = _ISO.search(text)
    if match is None:
        return None
    return When(day=int(match["day"]), month=int(match["month"])).on(int(match["year"]))


_NUMBERS_DATE = re.compile(r"\d[./-]\d|\d{8}")
"""What a date written in numbers cannot do without: ``13.3``, ``2023-03``, ``20231203``."""
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_AS_THE_PATTERNS_FOLD = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})
"""Letters the date patterns (``re.IGNORECASE``) take for ``i`` and ``s`` where ``str.lower``
does not."""
_ORDINAL_LETTERS = ("st", "nd", "rd", "th")


def _may_hold_date(text: str) -> bool:
    """False only when no date pattern can match ``text``: it has no numbers written as a date
    and no month name. A month name ends a run of letters (``\\b``), and is the whole run or
    follows an ordinal's letters (``1stmarch``, ``1ºmarzo``). Some 60 % of reading a huge
    agenda went to the date patterns, tried on every short line; this look takes a tenth."""
    if _NUMBERS_DATE.search(text):
        return True
    for run in _LETTER_RUN.findall(text):
        word = run.translate(_AS_THE_PATTERNS_FOLD).lower()
        if word in MONTH_NAMES or word[1:] in MONTH_NAMES:
            return True
        if word[:2] in _ORDINAL_LETTERS and word[2:] in MONTH_NAMES:
            return True
    return False


def has_date(text: str) -> bool:
    """``parse_when(text).has_date``, found out quickly (most lines hold no date)."""
    return _find_date(normalize(text)) is not None


def _find_date(text: str) -> tuple[dict[str, object], re.Match[str]] | None:
    """The first date written in ``text`` (by position), as When's fields, and its match."""
    if not any(char.isdigit() for char in text) or not _may_hold_date(text):
        return None  # every form of a date has a number in it, and a month or numbers as a date
    return _date_by_patterns(text)


def _date_by_patterns(text: str) -> tuple[dict[str, object], re.Match[str]] | None:
    """``_find_date`` without the quick look first: every pattern tried."""
    found: list[tuple[int, int, dict[str, object], re.Match[str]]] = []
    for priority, pattern in enumerate((_ISO, _COMPACT, _DAY_FIRST, _MONTH_FIRST, _NUMERIC)):
        for match in pattern.finditer(text):
            fields = _fields(pattern, match)
            if fields is not None:
                found.append((match.start(), priority, fields, match))
                break
    if not found:
        return None
    _, _, fields, match = min(found, key=lambda f: (f[0], f[1]))
    return fields, match


def _fields(pattern: re.Pattern[str], match: re.Match[str]) -> dict[str, object] | None:
    groups = match.groupdict()
    day, month_text, year_text = match["day"], match["month"], groups.get("year")
    if month_text.isdigit():
        month = int(month_text)
    else:  # as the pattern matched it: ``ſeptember`` and ``APRİL`` too (a KeyError before)
        month = MONTH_NAMES.get(month_text.translate(_AS_THE_PATTERNS_FOLD).lower().rstrip("."), 0)
    day_number = int(day)
    month_first: tuple[int, int] | None = None
    if pattern is _NUMERIC:
        if month > 12 and day_number <= 12:  # 1/20/17: only the American reading is a date
            day_number, month = month, day_number
        elif (
            month <= 12 and day_number <= 12 and match["sep"] == match["sep2"] == "/" and day_number != month
        ):
            month_first = (month, day_number)
    if not (1 <= month <= 12 and 1 <= day_number <= 31):
        return None
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        year += 2000
    weekday = groups.get("wd")
    return {
        "day": day_number,
        "month": month,
        "year": year,
        "weekday": WEEKDAY_NAMES.get(weekday.translate(_AS_THE_PATTERNS_FOLD).lower()) if weekday else None,
        "month_first": month_first,
    }


def parse_when(text: str) -> When:
    """Find a date and a time (or span of times) anywhere in ``text``."""
    text = normalize(text)
    found: dict[str, object] = {}
    joint: int | None = None
    date_found = _find_date(text)
    if date_found is not None:
        found, match = date_found
        after = text[match.end() :]
        dash = _RANGE_DASH.match(after)
        second = _find_date(after[dash.end() :]) if dash else None
        if dash and second and second[1].start() == 0:  # 8/1/15 – 8/2/15: it starts on the first day
            after = after[dash.end() + second[1].end() :]
        before, after = text[: match.start()].strip(), after.strip()
        text = f"{before} {after}".strip()
        joint = len(before) if before and after else None
    start, end, text = _times(text, joint)
    rest = normalize(_LEFTOVER.sub("", text))
    return When(start=start, end=end, rest=rest, **found)  # type: ignore[arg-type]


def _times(text: str, joint: int | None = None) -> tuple[time | None, time | None, str]:
    """The first span of times or single time in ``text``; ``joint`` is where a date was taken
    out, which no span reaches across (``Møde nr. 5 – onsdag 2. okt. kl. 19.00`` is not 5–19)."""
    if not any(char.isdigit() for char in text):
        return None, None, text
    for match in _SPAN.finditer(text):
        if joint is not None and match.start() < joint < match.end():
            continue
        marked = match["kl1"] or match["kl2"] or match["ap1"] or match["ap2"]
        # 14-16 alone may be anything (pages, years); with kl., am/pm or minutes it is a time span
        if not marked and not (_minutes(match["start"]) and _minutes(match["end"])):
            continue
        end_pm = match["ap2"]
        start = clock(
            match["start"], match["ap1"] or (end_pm if _before_noon(match["start"], end_pm) else None)
        )
        end = clock(match["end"], end_pm)
        if start is not None and end is not None:
            return start, end, (text[: match.start()] + " " + text[match.end() :]).strip()
    for single in _ONE_TIME.finditer(text):
        value = single["kl"] or single["ampm"] or single["hrs"] or single["bare"]
        moment = clock(value, single["ap1"] or single["ap2"])
        if moment is not None:
            return moment, None, (text[: single.start()] + " " + text[single.end() :]).strip()
    return None, None, text


def _before_noon(start: str, end_pm: str | None) -> bool:
    """``12.15 - 2pm``: the start shares the end's am/pm unless that would put it after the end."""
    return end_pm is not None and end_pm.lower() == "p" and int(re.split(r"[.:]", start)[0]) < 12


def _minutes(text: str) -> bool:
    return "." in text or ":" in text


def clock(text: str, ampm: str | None = None) -> time | None:
    """``14.30``, ``14:30`` or ``14`` as a time of day (``ampm`` ``a``/``p`` for 12-hour times);
    None when it is not one."""
    hour_text, _, minute = text.replace(":", ".").partition(".")
    try:
        hour = int(hour_text)
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        return time(hour, int(minute or 0))
    except ValueError:
        return None


def years_in(text: str) -> list[int]:
    """The years of the full dates written in ``text``, to supply a year a date leaves out."""
    years = [
        int(m["year"]) for pattern in (_DAY_FIRST, _MONTH_FIRST) for m in pattern.finditer(text) if m["year"]
    ]
    years += [int(m["year"]) for m in _ISO.finditer(text)]
    return [y for y in years if 1990 <= y <= 2100]


def choose_year(when: When, candidates: list[int]) -> int | None:
    """The year for a date without one: the first candidate (or a year next to it) whose
    calendar agrees with the weekday the line names."""
    for candidate in candidates:
        for year in (candidate, candidate + 1, candidate - 1):
            day = when.on(year)
            if day is not None and (when.weekday is None or day.weekday() == when.weekday):
                return year
    return None


def starts_with_date(line: str) -> bool:
    """``20231203 CAG``, ``Monday, 3 May …``, ``15-17/1-2017, Hotel …``: the line opens with its
    date (a weekday or month name may come first)."""
    found = _find_date(normalize(line))
    if found is None:
        return False
    before = normalize(line)[: found[1].start()].strip(" ,.:–—-")
    return not before
