"""Model objects to database rows and back, driven by the fields' one declaration.

Each kind of field has one way to be stored: clock times as ``HH:MM``, dates as ISO,
lists as JSON, and every point in time as UTC with milliseconds (``stamp``) so that
stamps sort as text across a change of UTC offset. Text is cleaned on the way in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from referent.fields import Field, Kind, fields_of, flat_fields
from referent.model import Outcome
from referent.textclean import clean_text


def stamp(moment: datetime) -> str:
    """The one way a point in time is stored: UTC, ISO 8601, milliseconds."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a time without a zone is the computer's local time
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def moment(text: str) -> datetime:
    """A stored stamp as an aware datetime in local time."""
    return datetime.fromisoformat(text).astimezone()


def _texts_in(values: list[str]) -> str:
    return json.dumps([clean_text(v) for v in values], ensure_ascii=False)


def _outcomes_in(values: list[Outcome | None]) -> str:
    return json.dumps([o.value if o else "" for o in values])


TO_COLUMN: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: clean_text,
    Kind.TEXTS: _texts_in,
    Kind.CLOCK: lambda value: value.strftime("%H:%M"),
    Kind.DATE: lambda value: value.isoformat(),
    Kind.MOMENT: stamp,
    Kind.FLAG: int,
    Kind.NUMBER: int,
    Kind.CHOICE: lambda value: value.value,
    Kind.CHOICES: lambda values: json.dumps([v.value for v in values]),
    Kind.OUTCOMES: _outcomes_in,
}
"""How a value of each kind is stored (``None`` is stored as NULL whatever the kind)."""

FROM_COLUMN: dict[Kind, Callable[[Any, Field], Any]] = {
    Kind.TEXT: lambda value, _: value,
    Kind.TEXTS: lambda value, _: json.loads(value),
    Kind.CLOCK: lambda value, _: time.fromisoformat(value),
    Kind.DATE: lambda value, _: date.fromisoformat(value),
    Kind.MOMENT: lambda value, _: moment(value),
    Kind.FLAG: lambda value, _: bool(value),
    Kind.NUMBER: lambda value, _: int(value),
    Kind.CHOICE: lambda value, spec: spec.choices(value) if spec.choices else value,
    Kind.CHOICES: lambda value, spec: [spec.choices(v) if spec.choices else v for v in json.loads(value)],
    Kind.OUTCOMES: lambda value, _: [Outcome(o) if o else None for o in json.loads(value)],
}


def to_column(spec: Field, value: Any) -> Any:
    return None if value is None else TO_COLUMN[spec.kind](value)


def to_row(record: Any, item_id: Callable[[int | None], int | None] | None = None) -> dict[str, Any]:
    """The columns of ``record`` (its nested parts flat; its row lists are tables of their own).

    ``item_id`` turns an item number into the item's id for fields that refer to an item."""
    row: dict[str, Any] = {}
    for spec, parent in flat_fields(type(record)):
        if spec.kind is Kind.ROWS:
            continue
        value = getattr(getattr(record, parent.name) if parent else record, spec.name)
        if spec.item_number:
            row[spec.column] = item_id(value) if item_id else value
        else:
            row[spec.column] = to_column(spec, value)
    return row


def from_row(
    cls: type[Any],
    row: dict[str, Any],
    *,
    item_number: Callable[[int | None], int | None] | None = None,
    rows: dict[str, list[Any]] | None = None,
) -> Any:
    """A model object from its row; ``rows`` gives its row lists, ``item_number`` maps item ids."""
    arguments: dict[str, Any] = dict(rows or {})
    for spec in fields_of(cls):
        if spec.kind is Kind.ROWS:
            continue
        if spec.kind is Kind.NESTED:
            assert spec.row_type is not None
            arguments[spec.name] = from_row(spec.row_type, row)
            continue
        value = row[spec.column]
        if spec.item_number:
            arguments[spec.name] = item_number(value) if item_number else value
        elif value is None:
            arguments[spec.name] = None if spec.optional or spec.required else spec.default()
        else:
            arguments[spec.name] = FROM_COLUMN[spec.kind](value, spec)
    return cls(**arguments)


def row_fields(cls: type[Any]) -> dict[str, type[Any]]:
    """The row lists of ``cls`` that are tables of their own: attribute (= table) -> row class."""
    return {spec.name: spec.row_type for spec in fields_of(cls) if spec.kind is Kind.ROWS and spec.row_type}
