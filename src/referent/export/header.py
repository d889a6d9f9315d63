"""The header block worded in a house style: who attended, in their groups, and when and where.

How absences show (an ``Afbud`` row, ``(afbud)`` after the name, or both), where guests go
(a row of their own or a group under ``Deltagere``) and where vacant seats stand are style
settings; the Word and text writers only lay out the rows built here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from referent.danish import EN_DASH
from referent.export import when
from referent.export.style import HouseStyle
from referent.model import Attendance, Meeting, Participant, VacantSeat

Clean = Callable[[str], str]


@dataclass
class Line:
    """One line of a header cell; ``group`` marks a sub-heading such as ``Sekretariat``."""

    text: str
    group: bool = False


@dataclass
class HeaderRow:
    label: str
    lines: list[Line]
    key: str = ""
    """The style's name of the row (``participants``, ``absent``, ``location`` …): a reading
    copy marks the row's lines with it (``record.header_name``)."""


def build_header(meeting: Meeting, style: HouseStyle, agenda: bool, clean: Clean) -> list[HeaderRow]:
    """The rows the style names, in its order; a row with nothing to say only if ``show_empty``."""
    minutes = not agenda
    header = style.header
    start = (meeting.actual_start or meeting.start) if minutes else meeting.start
    end = (meeting.actual_end or meeting.end) if minutes else meeting.end
    values: dict[str, list[Line]] = {
        "title": _lines(clean(meeting.title)),
        "when": _lines(when.when(meeting.date, meeting.start, meeting.end, header)),
        "date": _lines(when.day(meeting.date, header)),
        "time": _lines(when.span(meeting.start, meeting.end, header)),
        "started": _lines(when.at(start, header)),
        "ended": _lines(when.at(end, header)),
        "location": _lines(clean(meeting.location)),
        "chair": _lines(clean(meeting.chair)),
        "secretary": _lines(clean(meeting.secretary)),
    }
    mode = style.participants.absences
    absent = [p for p in meeting.participants + meeting.guests if minutes and p.absent]

    def listed(people: list[Participant]) -> list[Participant]:
        # "list": the absent leave their group for the Afbud row; "inline" and "both" keep them
        return [p for p in people if not (mode == "list" and minutes and p.absent)]

    participants = _grouped(listed(meeting.participants), meeting.vacant_seats, style, minutes, clean)
    guests = _grouped(listed(meeting.guests), [], style, minutes, clean)
    if style.participants.guests == "group" and guests:
        heading = [Line(clean(style.labels.guests_group), group=True)] if style.labels.guests_group else []
        participants, guests = participants + heading + guests, []
    values["participants"] = participants
    values["guests"] = guests
    values["absent"] = [_absence(p, style, clean) for p in absent]
    rows = header.agenda_rows if agenda else header.rows
    return [
        HeaderRow(getattr(style.labels, name), values[name], name)
        for name in rows
        if values[name] or name in header.show_empty
    ]


def opening_lines(meeting: Meeting, style: HouseStyle, label: str, clean: Clean) -> list[str]:
    """The lines above the header (``Referat`` / the body); an empty one is left out."""
    values = {
        "document": label,
        "title": clean(meeting.title.strip()),
        "body": clean((meeting.body or meeting.title).strip()),
        "date": when.day(meeting.date, style.header),
    }
    lines = [line.format(**values).strip() for line in style.header.opening]
    return [line for line in lines if line]


def _lines(text: str) -> list[Line]:
    return [Line(text)] if text.strip() else []


def _grouped(
    people: list[Participant], seats: list[VacantSeat], style: HouseStyle, minutes: bool, clean: Clean
) -> list[Line]:
    """One line per person under their group headings, groups in order of first appearance;
    a vacant seat at the end of its group, as written."""
    groups: dict[str, list[Line]] = {}
    for person in people:
        groups.setdefault(person.group.strip(), []).append(
            Line(_person(person, _notes(person, style) if minutes else [], clean))
        )
    for seat in seats:
        groups.setdefault(seat.group.strip(), []).append(Line(clean(seat.text.strip())))
    lines: list[Line] = []
    for group, members in groups.items():
        if group:
            lines.append(Line(clean(group), group=True))
        lines += members
    return lines


def _notes(person: Participant, style: HouseStyle) -> list[str]:
    """The minutes' remarks after a name: virtual attendance, afbud, late or early."""
    words = style.participants
    if person.absent:
        if words.absences == "both":  # the Afbud row says it
            return []
        note = words.absent_marker
        if person.substitute:
            note = f"{note} {EN_DASH} {_substitute(person, style)}"
        return [note]
    notes: list[str] = []
    if person.attendance is Attendance.REMOTE:
        notes.append(words.remote_marker)
    if person.arrived_at:
        notes.append(words.arrived.format(item=person.arrived_at))
    if person.left_after:
        notes.append(words.left.format(item=person.left_after))
    return notes


def _substitute(person: Participant, style: HouseStyle) -> str:
    """``Jan Nybo deltager i stedet``, or the meeting's own sentence for this person.

    The own sentence may say ``{substitute}`` and ``{name}``; one that does not name the
    substitute (who was changed during the meeting) is stale and gives way to the style's.
    """
    phrase = person.substitute_phrase.strip()
    phrase = phrase.replace("{substitute}", person.substitute).replace("{name}", person.name)
    if phrase and person.substitute.strip() in phrase:
        return phrase
    return style.participants.substitute.format(substitute=person.substitute, name=person.name)


def _person(person: Participant, notes: list[str], clean: Clean, *, role: bool = True) -> str:
    text = clean(person.name.strip())
    if role and person.role.strip():
        text += f", {clean(person.role.strip())}"
    extras = [clean(person.marker.strip())] if role and person.marker.strip() else []
    extras += [clean(n) for n in notes if n]
    return f"{text} ({', '.join(extras)})" if extras else text


def _absence(person: Participant, style: HouseStyle, clean: Clean) -> Line:
    """An Afbud line: ``Lisbeth Lagoni – Jan Nybo deltager i stedet``."""
    text = _person(person, [], clean, role=style.participants.absent_with_role)
    if person.substitute:
        text += f" {EN_DASH} {clean(_substitute(person, style))}"
    return Line(text)
