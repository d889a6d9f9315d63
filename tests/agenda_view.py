"""What an agenda says, as plain data: two meetings compared field by field, case text word for word."""

from __future__ import annotations

import re

from referent.model import Meeting, Participant


def words(text: str) -> list[str]:
    """The words of a text, for 'word for word' (Markdown marks and spacing aside)."""
    return re.findall(r"\w+", text)


def agenda_view(meeting: Meeting, *, body: bool = True, exact_case: bool = True) -> dict[str, object]:
    """Everything an agenda says that a reader must get back, as plain data to compare."""
    view: dict[str, object] = {
        "title": meeting.title,
        "date": meeting.date,
        "start": meeting.start,
        "end": meeting.end,
        "location": meeting.location,
        "chair": meeting.chair,
        "secretary": meeting.secretary,
        "participants": [_person(p) for p in meeting.participants],
        "guests": [_person(p) for p in meeting.guests],
        "vacant seats": [(seat.text, seat.group) for seat in meeting.vacant_seats],
    }
    if body:
        view["body"] = meeting.body
    for number, item in enumerate(meeting.items, start=1):
        rec = item.recommendation
        view[f"item {number}"] = {
            "title": item.title,
            "start": item.start,
            "end": item.end,
            "presenter": item.presenter,
            "points": rec.points,
            "intro": meeting.recommendation_intro(item) if (rec.points or rec.intro) and body else "",
            "short": rec.short,
            "numbering": rec.numbering if rec.points else None,
            "attachments": item.attachments,
            "closed": item.closed,
            "case": item.case.strip() if exact_case else words(item.case),
            "minutes": item.minutes.strip(),
        }
    view["items"] = len(meeting.items)
    return view


def _person(person: Participant) -> tuple[str, str, str, str, str, str]:
    return (person.name, person.role, person.marker, person.group, person.attendance.value, person.substitute)
