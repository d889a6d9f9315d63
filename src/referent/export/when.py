"""Dates and times worded as a house style writes them: ``Fredag d. 9. december kl. 12.00-13.30``.

The pieces (weekday, ``den`` or ``d.``, the year, ``14.30`` or ``14:30``, the dash between
times) are style settings in ``[header]``; the Danish names come from ``referent.danish``.
"""

from __future__ import annotations

from datetime import date, time

from referent.danish import MONTHS, WEEKDAYS
from referent.export.style import HeaderStyle


def clock(value: time, header: HeaderStyle) -> str:
    """``14.30`` or ``14:30``."""
    return f"{value.hour:02d}{header.time_separator}{value.minute:02d}"


def at(value: time | None, header: HeaderStyle) -> str:
    """``kl. 13:00``, or empty without a time."""
    return f"kl. {clock(value, header)}" if value is not None else ""


def span(start: time | None, end: time | None, header: HeaderStyle) -> str:
    """``kl. 14.30 – 16.30``, ``kl. 14.30`` or empty."""
    if start is None:
        return ""
    if end is None:
        return at(start, header)
    return f"{at(start, header)}{header.time_dash}{clock(end, header)}"


def day(value: date, header: HeaderStyle) -> str:
    """``Mandag den 13. marts 2023``, ``Fredag d. 9. december`` or ``26. august 2022``."""
    text = f"{value.day}. {MONTHS[value.month - 1]}"
    if header.year:
        text += f" {value.year}"
    if not header.weekday:
        return text
    words = [WEEKDAYS[value.weekday()].capitalize(), header.day_word.strip(), text]
    return " ".join(word for word in words if word)


def when(value: date, start: time | None, end: time | None, header: HeaderStyle) -> str:
    """The header's date and planned times in one line."""
    times = span(start, end, header)
    return f"{day(value, header)}{header.before_time}{times}" if times else day(value, header)
