"""Read and validate a meeting file (TOML) into a ``Meeting``, with ``FILE:LINE:`` problems.

Every problem in a file is collected before giving up, so a secretary fixes them in one
pass. The keys are the model's fields (``referent.fields``), gathered in ``SECTIONS``; the
documentation in ``docs/meeting-file.md`` describes each, and a test keeps the two in step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path as FilePath
from typing import Any

from referent.danish import format_time, parse_time
from referent.fields import Field, Kind, fields_of, flat_fields
from referent.i18n import t
from referent.meetingfile.tomlpos import Path, key_lines, line_of
from referent.model import (
    Attendance,
    Item,
    Meeting,
    Outcome,
    Participant,
    folded,
)
from referent.problems import FileProblem, MeetingFileError, Problem, load_toml, unknown_key
from referent.textclean import clean_text

FORMAT_VERSION = 1


# The kinds of value a key may hold. Each returns the value converted, or raises ValueError.
def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(t("must be text in quotes, not {value}", value=_describe(value)))
    return clean_text(value)


def _name(value: Any) -> str:
    """A title or a person's name: text that is more than spaces."""
    text = _text(value)
    if not text.strip():
        raise ValueError(t("must not be empty"))
    return text


def _text_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(t('must be a list of texts: ["first", "second"]'))
    return [clean_text(v) for v in value]


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(t("must be true or false, not {value}", value=_describe(value)))
    return value


def _whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(t("must be a whole number, not {value}", value=_describe(value)))
    return value


def _clock(value: Any) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str):
        return parse_time(value)
    raise ValueError(t('must be a time in quotes, like "14.30", not {value}', value=_describe(value)))


def _day(value: Any) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(t("must be a date written as 2023-03-13, not {value}", value=_describe(value)))


def _moment(value: Any) -> datetime:
    """A point in time; one written without a UTC offset is in the computer's local time."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = datetime.fromisoformat(value.strip())
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.astimezone()
    message = t("must be a date and time written as 2023-03-13T16:40:00, not {value}", value=_describe(value))
    raise ValueError(message)


def _choice(kind: type[Any]) -> Callable[[Any], Any]:
    allowed = [member.value for member in kind]

    def convert(value: Any) -> Any:
        if not isinstance(value, str) or value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            raise ValueError(
                t("must be one of {choices}, not {value}", choices=choices, value=_describe(value))
            )
        return kind(value)

    return convert


def _choice_list(kind: type[Any]) -> Callable[[Any], Any]:
    """A list of values of ``kind`` in an order, each at most once: ``["case", "attachments"]``."""
    allowed = [member.value for member in kind]
    choices = ", ".join(repr(a) for a in allowed)

    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            raise ValueError(f"must be a list of {choices}, not {_describe(value)}")
        for entry in value:
            if not isinstance(entry, str) or entry not in allowed:
                raise ValueError(f"has {_describe(entry)}; each must be one of {choices}")
            if value.count(entry) > 1:
                raise ValueError(f"names '{entry}' twice")
        return [kind(entry) for entry in value]

    return convert


def _outcomes(value: Any) -> list[Outcome | None]:
    allowed = [o.value for o in Outcome]
    if not isinstance(value, list) or not all(
        isinstance(v, str) and (v in allowed or v == "") for v in value
    ):
        choices = ", ".join(map(repr, allowed))
        raise ValueError(t('must be a list with one of {choices} or "" per point', choices=choices))
    return [Outcome(v) if v else None for v in value]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        return t("'{value}' (text)", value=value)
    if isinstance(value, int | float):
        return t("{value} (a number)", value=value)
    if isinstance(value, list):
        return t("a list")
    if isinstance(value, dict):
        return t("a table")
    return type(value).__name__


Converter = Callable[[Any], Any]

CONVERTERS: dict[Kind, Callable[[Field], Converter]] = {
    Kind.TEXT: lambda spec: _name if spec.required else _text,  # a title, a name: not empty
    Kind.TEXTS: lambda _: _text_list,
    Kind.CLOCK: lambda _: _clock,
    Kind.DATE: lambda _: _day,
    Kind.MOMENT: lambda _: _moment,
    Kind.FLAG: lambda _: _flag,
    Kind.NUMBER: lambda _: _whole_number,
    Kind.CHOICE: lambda spec: _choice(spec.choices or str),
    Kind.CHOICES: lambda spec: _choice_list(spec.choices or str),
    Kind.OUTCOMES: lambda _: _outcomes,
    Kind.ROWS: lambda _: lambda value: value,  # checked as a section of its own
}
"""How the value of each kind of field is checked and converted."""
ORDERED = (("start", "end"), ("actual_start", "actual_end"), ("at", "reopened_at"))
"""Keys whose second value may not come before the first, wherever they stand together."""


def _section(cls: type[Any]) -> dict[str, Converter]:
    return {spec.key: CONVERTERS[spec.kind](spec) for spec, _ in flat_fields(cls)}


def _rows(cls: type[Any]) -> dict[str, type[Any]]:
    """The ``[[name]]`` tables under a table of ``cls`` and what each row becomes."""
    return {spec.key: spec.row_type for spec in fields_of(cls) if spec.kind is Kind.ROWS and spec.row_type}


SUB_SECTIONS = _rows(Item)
"""The [[items.X]] tables and what each row becomes."""
MEETING_ROWS = {
    name: kind for name, kind in _rows(Meeting).items() if name not in ("participants", "guests", "items")
}
"""The meeting's own [[X]] tables that are plain rows (approvals, vacant seats)."""
SECTIONS: dict[str, dict[str, Converter]] = {
    "meeting": {key: c for key, c in _section(Meeting).items() if key not in _rows(Meeting)},
    "participants": _section(Participant),
    "guests": _section(Participant),
    "items": {"number": _whole_number, **_section(Item)},
    **{name: _section(kind) for name, kind in SUB_SECTIONS.items()},
    **{name: _section(kind) for name, kind in MEETING_ROWS.items()},
}
TOP_LEVEL = ("format", "meeting", *_rows(Meeting))
REQUIRED = {
    name: tuple(spec.key for spec, _ in flat_fields(kind) if spec.required)
    for name, kind in {"meeting": Meeting, "participants": Participant, "guests": Participant,
                       "items": Item, **SUB_SECTIONS, **MEETING_ROWS}.items()
}  # fmt: skip


def build(cls: type[Any], values: dict[str, Any], rows: dict[str, list[Any]] | None = None) -> Any:
    """A model object from a table's converted values (by file key): nested parts gathered
    from their flat keys, rows added as given, everything missing left at its default."""
    arguments: dict[str, Any] = dict(rows or {})
    for spec in fields_of(cls):
        if spec.kind is Kind.NESTED:
            assert spec.row_type is not None
            arguments[spec.name] = build(spec.row_type, values)
        elif spec.kind is not Kind.ROWS and spec.key in values:
            arguments[spec.name] = values[spec.key]
        elif spec.required and spec.kind is Kind.TEXT:
            arguments[spec.name] = ""  # reported as missing; keeps the rest of the file checkable
    return cls(**arguments)


def load_meeting(path: str | FilePath) -> Meeting:
    """Read a meeting file from disk; raises ``MeetingFileError`` for anything wrong with it."""
    return read_meeting_file(path)[0]


def read_meeting_file(path: str | FilePath) -> tuple[Meeting, str]:
    """The meeting in a file and the file's text (to remember what was imported)."""
    from referent.fileio import read_user_file

    try:
        source = read_user_file(path, t("meeting file"))
    except FileProblem as error:
        raise MeetingFileError(str(path), [error.problem]) from None
    return parse_meeting(source, str(path)), source


def parse_meeting(source: str, name: str = "<meeting>") -> Meeting:
    """Parse and validate meeting-file text."""
    if not source.strip():
        raise MeetingFileError(
            name, [Problem(1, t("the file is empty; a meeting file needs a [meeting] table"))]
        )
    try:
        data = load_toml(source)
    except FileProblem as error:
        raise MeetingFileError(name, [error.problem]) from None
    reader = _Reader(source)
    meeting = reader.meeting(data)
    if reader.problems:
        raise MeetingFileError(name, sorted(reader.problems, key=lambda p: p.line or 0))
    assert meeting is not None
    return meeting


class _Reader:
    """Builds a ``Meeting`` from parsed TOML, collecting problems instead of stopping."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    @cached_property
    def lines(self) -> dict[Path, int]:
        """Where each key stands: worked out only when there is a problem to place (a valid
        400-item file would otherwise spend a fifth of its parsing time on it)."""
        return key_lines(self.source)

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(line_of(self.lines, path) or 1, message))

    def section(self, data: Any, section: str, path: Path) -> dict[str, Any]:
        """Convert the keys of one table; unknown and missing keys become problems."""
        if not isinstance(data, dict):
            self.problem(path, t("'{key}' must be a table", key=path[-1]))
            return {}
        spec = SECTIONS[section]
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in spec:
                self.problem(
                    (*path, key), unknown_key(key, list(spec), _table_name(section).strip("[]").join("[]"))
                )
                continue
            try:
                values[key] = spec[key](value)
            except ValueError as error:
                self.problem((*path, key), f"'{key}' {error}")
        for key in REQUIRED.get(section, ()):
            if key not in data:
                self.problem(path, t("'{key}' is missing from {where}", key=key, where=_where(section, path)))
        return values

    def array(self, data: dict[str, Any], key: str, path: Path) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem((*path, key), t("'{key}' must be written as [[{key}]] tables", key=key))
            return []
        return value

    def meeting(self, data: dict[str, Any]) -> Meeting | None:
        for key in data:
            if key not in TOP_LEVEL:
                self.problem((key,), unknown_key(key, list(TOP_LEVEL), t("a meeting file")))
        version = data.get("format", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            self.problem(
                ("format",),
                t("format {version} is not known; this referent reads format {known}", version=repr(version),
                  known=FORMAT_VERSION),
            )  # fmt: skip
        if "meeting" not in data:
            self.problem((), t("the [meeting] table is missing"))
        head = self.section(data.get("meeting", {}), "meeting", ("meeting",))
        self.check_order(head, ("meeting",))
        participants = [
            self.participant(p, ("participants", i))
            for i, p in enumerate(self.array(data, "participants", ()))
        ]
        guests = [
            self.participant(p, ("guests", i), "guests") for i, p in enumerate(self.array(data, "guests", ()))
        ]
        items = [self.item(raw, ("items", i)) for i, raw in enumerate(self.array(data, "items", ()))]
        rows: dict[str, list[Any]] = {"participants": participants, "guests": guests, "items": items}
        for name, kind in MEETING_ROWS.items():  # approvals, vacant seats: plain rows
            rows[name] = self.rows(data, name, (), kind)
        self.check_names(participants, guests)
        self.check_references(participants + guests, items, data)
        if self.problems:
            return None
        meeting: Meeting = build(Meeting, head, rows)
        return meeting

    def rows(self, data: dict[str, Any], name: str, path: Path, kind: type[Any]) -> list[Any]:
        """The ``[[name]]`` tables under ``path`` as ``kind``; a row missing a required key is dropped
        (its problem is reported)."""
        built = []
        for index, raw in enumerate(self.array(data, name, path)):
            values = self.section(raw, name, (*path, name, index))
            self.check_order(values, (*path, name, index))
            if all(key in values for key in REQUIRED.get(name, ())):
                built.append(build(kind, values))
        return built

    def participant(self, data: Any, path: Path, section: str = "participants") -> Participant:
        values = self.section(data, section, path)
        if values.get("substitute") and values.get("attendance") in (Attendance.PRESENT, Attendance.REMOTE):
            self.problem((*path, "substitute"), t("a participant with a substitute cannot also be present"))
        person: Participant = build(Participant, values)
        return person

    def item(self, data: Any, path: Path) -> Item:
        values = self.section(data, "items", path)
        self.check_order(values, path)
        number = values.pop("number", None)
        position = int(path[-1]) + 1
        if number is not None and number != position:
            self.problem(
                (*path, "number"),
                t(
                    "item number {number} stands as item {position}: items are numbered in the order "
                    "they are written",
                    number=number,
                    position=position,
                ),
            )
        table = data if isinstance(data, dict) else {}
        rows = {name: self.rows(table, name, path, kind) for name, kind in SUB_SECTIONS.items()}
        item: Item = build(Item, values, rows)
        rec = item.recommendation
        if len(rec.outcomes) > len(rec.points):
            counts = t("{outcomes} outcomes for {points} recommendation points", outcomes=len(rec.outcomes),
                       points=len(rec.points))  # fmt: skip
            self.problem((*path, "outcomes"), counts)
        rec.outcomes += [None] * (len(rec.points) - len(rec.outcomes))
        return item

    def check_order(self, values: dict[str, Any], path: Path) -> None:
        for first, last in ORDERED:
            if values.get(first) and values.get(last) and _before(values[last], values[first]):
                self.problem(
                    (*path, last),
                    t(
                        "'{last}' {later} is before '{first}' {earlier}",
                        last=last,
                        later=_show(values[last]),
                        first=first,
                        earlier=_show(values[first]),
                    ),
                )

    def check_names(self, participants: list[Participant], guests: list[Participant]) -> None:
        """One person, one entry: conflicts and attendance name people, so a name must be unique."""
        seen: dict[str, str] = {}
        people = [("participants", i, p) for i, p in enumerate(participants)]
        for section, index, person in people + [("guests", i, p) for i, p in enumerate(guests)]:
            key = folded(person.name)
            if key in seen:
                twice = t("'{name}' is named twice (also {other})", name=person.name, other=seen[key])
                self.problem((section, index, "name"), twice)
            elif key:
                which = t("participant {number}") if section == "participants" else t("guest {number}")
                seen[key] = which.format(number=index + 1)

    def check_references(self, people: list[Participant], items: list[Item], data: dict[str, Any]) -> None:
        """Item numbers and names that must point at something in the same file."""
        numbers: dict[int, int] = {}
        for index, raw in enumerate(data.get("items", []) if isinstance(data.get("items"), list) else []):
            number = raw.get("number") if isinstance(raw, dict) else None
            if isinstance(number, bool) or not isinstance(number, int):
                continue  # a wrong type is reported by the item's own check
            if number in numbers:
                self.problem(
                    ("items", index, "number"),
                    t(
                        "item number {number} is used twice (also by item {other})",
                        number=number,
                        other=numbers[number] + 1,
                    ),
                )
            else:
                numbers[number] = index
        names = {p.name for p in people}
        count = len(items)
        for section in ("participants", "guests"):
            raw_people = data.get(section, [])
            for index, person in enumerate(raw_people if isinstance(raw_people, list) else []):
                if not isinstance(person, dict):
                    continue
                for key in ("arrived_at", "left_after"):
                    value = person.get(key)
                    if isinstance(value, int) and not isinstance(value, bool) and not 1 <= value <= count:
                        self.problem(
                            (section, index, key),
                            t(
                                "'{key}' names item {value}, but the meeting has {count} items",
                                key=key,
                                value=value,
                                count=count,
                            ),
                        )
                arrived, left = person.get("arrived_at"), person.get("left_after")
                if isinstance(arrived, int) and isinstance(left, int) and left < arrived:
                    self.problem(
                        (section, index, "left_after"),
                        t(
                            "left after item {left}, before arriving at item {arrived}",
                            left=left,
                            arrived=arrived,
                        ),
                    )
        for index, item in enumerate(items):
            for name in item.conflicts:
                if name not in names:
                    self.problem(
                        ("items", index, "conflicts"),
                        unknown_key(name, sorted(names), t("the participants"), "'{}' is not among {}"),
                    )


def _before(later: time | datetime, earlier: time | datetime) -> bool:
    mixed = (
        isinstance(later, datetime)
        and isinstance(earlier, datetime)
        and ((later.tzinfo is None) != (earlier.tzinfo is None))
    )
    if mixed:  # a naive time is local time
        later, earlier = later.astimezone(), earlier.astimezone()  # type: ignore[union-attr]
    return later < earlier  # type: ignore[operator]


def _show(moment: time | datetime) -> str:
    return (
        moment.isoformat(sep=" ", timespec="minutes") if isinstance(moment, datetime) else format_time(moment)
    )


def _table_name(section: str) -> str:
    """How the file writes the table: ``[meeting]``, ``[[items]]``, ``[[items.actions]]``."""
    if section == "meeting":
        return "[meeting]"
    return f"[[items.{section}]]" if section in SUB_SECTIONS else f"[[{section}]]"


def _where(section: str, path: Path) -> str:
    if section == "meeting":
        return "[meeting]"
    where = t("{table} number {number}", table=_table_name(section), number=int(path[-1]) + 1)
    if section in SUB_SECTIONS:  # path is ("items", i, section, j)
        where = t("{where} of item {number}", where=where, number=int(path[1]) + 1)
    return where
