"""Write a ``Meeting`` back as a meeting file that a person can read and edit.

The writer is ours rather than a generic TOML dumper because the file is meant for
people: keys in the documented order, defaults left out, case and minutes texts as
multi-line blocks, one list entry per line. ``parse_meeting(dump_meeting(m)) == m`` is
tested on the reference meetings and on generated text.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date, datetime, time
from typing import Any

from referent.danish import format_time
from referent.meetingfile.reader import FORMAT_VERSION, REQUIRED
from referent.model import ITEM_ROWS, Approval, Attendance, Item, ItemStatus, Meeting, Participant, VacantSeat

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_control(match: re.Match[str]) -> str:
    char = match[0]
    return _ESCAPES.get(char, f"\\u{ord(char):04x}")


def quote(text: str) -> str:
    """A one-line TOML basic string."""
    text = _SURROGATE.sub("", text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{_CONTROL.sub(_escape_control, text)}"'


def quote_block(text: str) -> str:
    """A multi-line TOML string that reads like the text itself."""
    if "\n" not in text:
        return quote(text)
    text = _SURROGATE.sub("", text).replace("\\", "\\\\")
    # Escape every quote that two more follow, and a final one: no three ever stand together.
    text = re.sub(r'"(?="")|"\Z', lambda _: '\\"', text)
    text = re.sub("[\x00-\x08\x0b-\x1f\x7f]", _escape_control, text)
    # A line-ending backslash lets the closing quotes stand on their own line without
    # adding a newline the text did not have.
    closing = '"""' if text.endswith("\n") else '\\\n"""'
    return f'"""\n{text}{closing}'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, time):
        return quote(format_time(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        if not value:
            return "[]"
        inline = f"[{', '.join(_value(v) for v in value)}]"
        if len(inline) <= 72 and "\n" not in inline:
            return inline
        inner = "".join(f"    {_value(v)},\n" for v in value)
        return f"[\n{inner}]"
    return quote_block(str(value))


def _keys(pairs: list[tuple[str, Any]], section: str = "") -> list[str]:
    """``key = value`` lines, leaving out what is empty or the default, but never a key the
    reader requires in ``section`` (an item added live may have no title yet)."""
    required = REQUIRED.get(section, ())
    return [
        f"{key} = {_value(value)}"
        for key, value in pairs
        if (key in required and value is not None) or value not in (None, "", [], False)
    ]


def _participant(table: str, person: Participant) -> list[str]:
    attendance = None if person.attendance is Attendance.UNKNOWN else person.attendance.value
    return [f"[[{table}]]", *_keys([
        ("name", person.name), ("role", person.role), ("marker", person.marker),
        ("group", person.group), ("attendance", attendance), ("substitute", person.substitute),
        ("substitute_phrase", person.substitute_phrase),
        ("arrived_at", person.arrived_at), ("left_after", person.left_after),
    ], table)]  # fmt: skip


def _vacant_seat(seat: VacantSeat) -> list[str]:
    return ["[[vacant_seats]]", *_keys([("text", seat.text), ("group", seat.group)], "vacant_seats")]


def _item(number: int, item: Item) -> list[str]:
    rec = item.recommendation
    outcomes = [o.value if o else "" for o in rec.outcomes]
    while outcomes and not outcomes[-1]:
        outcomes.pop()
    lines = ["[[items]]", *_keys([
        ("number", number), ("title", item.title), ("start", item.start), ("end", item.end),
        ("presenter", item.presenter), ("closed", item.closed), ("case", item.case),
        ("recommendation_intro", rec.intro), ("recommendation", rec.points),
        ("recommendation_numbering", None if rec.numbering is None else rec.numbering.value),
        ("recommendation_short", rec.short), ("attachments", item.attachments),
        ("status", None if item.status is ItemStatus.PENDING else item.status.value),
        ("actual_start", item.actual_start), ("outcomes", outcomes),
        ("conflicts", item.conflicts), ("minutes", item.minutes),
    ], "items")]  # fmt: skip
    for table, kind in ITEM_ROWS.items():
        for row in getattr(item, table):
            pairs = [(field.name, getattr(row, field.name)) for field in fields(kind)]
            lines += ["", f"[[items.{table}]]", *_keys(pairs, table)]
    return lines


def _approval(approval: Approval) -> list[str]:
    return ["[[approvals]]", *_keys([
        ("by", approval.by), ("at", approval.at), ("with_problems", approval.with_problems),
        ("reopened_at", approval.reopened_at), ("reopen_reason", approval.reopen_reason),
    ], "approvals")]  # fmt: skip


def dump_meeting(meeting: Meeting) -> str:
    """The meeting file text for ``meeting``."""
    header = [
        ("title", meeting.title), ("body", meeting.body), ("date", meeting.date),
        ("start", meeting.start), ("end", meeting.end), ("location", meeting.location),
        ("chair", meeting.chair), ("secretary", meeting.secretary),
        ("actual_start", meeting.actual_start), ("actual_end", meeting.actual_end),
        ("next_meeting", meeting.next_meeting), ("style", meeting.style),
    ]  # fmt: skip
    blocks: list[list[str]] = [
        ["# A referent meeting file: see docs/meeting-file.md", f"format = {FORMAT_VERSION}"],
        ["[meeting]", *_keys(header, "meeting")],
    ]
    blocks += [_participant("participants", p) for p in meeting.participants]
    blocks += [_vacant_seat(seat) for seat in meeting.vacant_seats]
    blocks += [_participant("guests", p) for p in meeting.guests]
    blocks += [_item(n, item) for n, item in enumerate(meeting.items, start=1)]
    blocks += [_approval(approval) for approval in meeting.approvals]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
