"""Danish dates and times as the house layout writes them.

The locale module is not used on purpose: the machine's locale must not change what a
public document says, and ``da_DK`` is often not installed.
"""

from __future__ import annotations

import re
from datetime import date, time

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
EN_DASH = "\u2013"

_TIME = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*$")


def format_time(value: time) -> str:
    """``14.30``: Danish documents separate hours and minutes with a dot."""
    return f"{value.hour:02d}.{value.minute:02d}"


def parse_time(text: str) -> time:
    """Read ``14.30`` or ``14:30``; raise ``ValueError`` with a message a secretary understands."""
    match = _TIME.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a time; write it as 14.30")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"'{text}' is not a possible time of day")
    return time(hour, minute)


def format_date(value: date, *, weekday: bool = True) -> str:
    """``Mandag den 13. marts 2023`` (or ``13. marts 2023`` without the weekday)."""
    plain = f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
    if not weekday:
        return plain
    return f"{WEEKDAYS[value.weekday()].capitalize()} den {plain}"


def format_span(start: time | None, end: time | None) -> str:
    """``kl. 14.30 – 16.30``, ``kl. 14.30`` or empty, with an en dash between times."""
    if start is None:
        return ""
    if end is None:
        return f"kl. {format_time(start)}"
    return f"kl. {format_time(start)} {EN_DASH} {format_time(end)}"


def format_when(day: date, start: time | None, end: time | None, *, weekday: bool = True) -> str:
    """The header's Tid line: ``Mandag den 13. marts 2023 kl. 14.30 – 16.30``."""
    span = format_span(start, end)
    text = format_date(day, weekday=weekday)
    return f"{text} {span}" if span else text
