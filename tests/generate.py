"""Meetings generated field by field from the model's own declarations, for round-trip tests.

The strategy is derived from ``referent.fields``: every field of every part gets a value,
so a field added to the model is generated at once, and a round trip that forgets it
somewhere (the file reader, the writer, the database) fails. Only the rules a valid
meeting keeps (an item reference points at an item, outcomes match the points, …) are
written here by hand, in ``make_valid``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from referent.fields import Field, Kind, fields_of
from referent.model import Attendance, Meeting, Participant, folded
from referent.textclean import clean_text

CHARACTERS = st.one_of(
    st.characters(exclude_categories=()),
    st.sampled_from(list("\"'\\\n\t #[]={}.,:æøå😀\u00a0\r\x0b\x00\u202e")),
)
TEXT = st.text(CHARACTERS, max_size=30).map(clean_text)
NAME = TEXT.filter(lambda text: bool(text.strip()))
"""A text that is required to say something: a title, a name."""
CLOCK = st.builds(time, st.integers(0, 23), st.integers(0, 59))
ZONES = st.sampled_from(
    [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=2)), timezone(-timedelta(hours=5))]
)
MOMENT = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)).map(lambda m: m.replace(microsecond=0)),
    ZONES,
)
SIZES = {"participants": 4, "guests": 2, "items": 4, "approvals": 3}


def _value(spec: Field) -> st.SearchStrategy[Any]:
    kinds: dict[Kind, Callable[[], st.SearchStrategy[Any]]] = {
        Kind.TEXT: lambda: NAME if spec.required else TEXT,
        Kind.TEXTS: lambda: st.lists(TEXT, max_size=3),
        Kind.CLOCK: lambda: CLOCK,
        Kind.DATE: lambda: st.dates(),
        Kind.MOMENT: lambda: MOMENT,
        Kind.FLAG: lambda: st.booleans(),
        Kind.NUMBER: lambda: st.integers(1, 9),
        Kind.CHOICE: lambda: st.sampled_from(list(spec.choices or [])),
        Kind.CHOICES: lambda: st.lists(st.sampled_from(list(spec.choices or [])), unique=True),
        Kind.OUTCOMES: lambda: st.lists(st.none() | st.sampled_from(list(spec.choices or [])), max_size=4),
        Kind.NESTED: lambda: records(spec.row_type),
        Kind.ROWS: lambda: st.lists(records(spec.row_type), max_size=SIZES.get(spec.name, 2)),
    }
    value = kinds[spec.kind]()  # a KeyError here: a kind of field the generator does not know yet
    return st.none() | value if spec.optional else value


def records(cls: type[Any] | None) -> st.SearchStrategy[Any]:
    """Any record of the model class ``cls``, every field set (or left at its default)."""
    assert cls is not None
    return st.builds(cls, **{spec.name: _value(spec) for spec in fields_of(cls)})


def make_valid(meeting: Meeting) -> Meeting:
    """The rules the meeting file enforces, applied to a generated meeting."""
    count = len(meeting.items)
    people = meeting.participants + meeting.guests
    seen: set[str] = set()
    keys: set[str] = set()
    for number, person in enumerate(people):
        while folded(person.name) in keys:  # unique (as the reader compares them): conflicts
            person.name = f"{person.name} {number}"  # and substitutes refer to them
        keys.add(folded(person.name))
        seen.add(person.name)
        _valid_person(person, count)
    names = sorted(seen)
    for item in meeting.items:
        item.start, item.end = _ordered(item.start, item.end)
        rec = item.recommendation
        rec.outcomes = (rec.outcomes + [None] * len(rec.points))[: len(rec.points)]
        item.conflicts = [names[len(c) % len(names)] for c in item.conflicts] if names else []
        item.conflicts = list(dict.fromkeys(item.conflicts))
    meeting.start, meeting.end = _ordered(meeting.start, meeting.end)
    meeting.actual_start, meeting.actual_end = _ordered(meeting.actual_start, meeting.actual_end)
    for approval in meeting.approvals:
        if approval.reopened_at is not None and approval.reopened_at < approval.at:
            approval.reopened_at, approval.at = approval.at, approval.reopened_at
    return meeting


def _valid_person(person: Participant, items: int) -> None:
    if person.attendance in (Attendance.PRESENT, Attendance.REMOTE):
        person.substitute = ""
    arrived, left = person.arrived_at, person.left_after
    if not items:
        person.arrived_at = person.left_after = None
        return
    if arrived is not None:
        person.arrived_at = arrived = min(arrived, items)
    if left is not None:
        person.left_after = max(min(left, items), arrived or 1)


def _ordered(first: Any, last: Any) -> tuple[Any, Any]:
    if first is not None and last is not None and last < first:
        return last, first
    return first, last


def meetings() -> st.SearchStrategy[Meeting]:
    """Valid meetings with every field of every part generated."""
    return records(Meeting).map(make_valid)


def every_field_set(meeting: Meeting) -> set[str]:
    """``Class.field`` for each field that holds something other than its default somewhere in
    ``meeting``: how a test sees that generation reaches every field."""
    found: set[str] = set()

    def visit(record: Any) -> None:
        for spec in fields_of(type(record)):
            value = getattr(record, spec.name)
            if not spec.required and value == spec.default():
                continue
            found.add(f"{type(record).__name__}.{spec.name}")
            if spec.kind is Kind.NESTED:
                visit(value)
            elif spec.kind is Kind.ROWS:
                for row in value:
                    visit(row)

    visit(meeting)
    return found


def field_specs() -> dict[str, Field]:
    """``Class.field`` -> its declaration, for every field of every part of a meeting."""
    found: dict[str, Field] = {}

    def visit(cls: type[Any]) -> None:
        for spec in fields_of(cls):
            found[f"{cls.__name__}.{spec.name}"] = spec
            if spec.row_type is not None and dataclasses.is_dataclass(spec.row_type):
                visit(spec.row_type)

    visit(Meeting)
    return found


def all_fields() -> set[str]:
    """``Class.field`` for every field of every part of a meeting."""
    return set(field_specs())
