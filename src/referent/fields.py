"""Every field of the model as the meeting file, its writer and the database see it.

The model's dataclasses are the one declaration of a field (``model.declare``): its name,
its type, and where it is called otherwise. This module reads them into ``Field`` records,
so the file reader, the writer and the store are driven by the same list; a field added to
the model is read, written and stored without another list to update, and a field of a
kind nobody handles yet fails loudly (``TypeError``) instead of being dropped.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from referent.model import Outcome, Part


class Kind(StrEnum):
    """What kind of value a field holds; each reader, writer and store knows every kind."""

    TEXT = "text"
    TEXTS = "texts"  # a list of texts
    CLOCK = "clock"  # a time of day
    DATE = "date"
    MOMENT = "moment"  # a point in time (datetime)
    FLAG = "flag"
    NUMBER = "number"
    CHOICE = "choice"  # one value of a StrEnum
    CHOICES = "choices"  # values of one StrEnum, in an order, each at most once
    OUTCOMES = "outcomes"  # an outcome (or none) per recommendation point
    NESTED = "nested"  # a dataclass whose fields stand flat in the parent's table
    ROWS = "rows"  # a list of dataclasses: a table of their own


@dataclass(frozen=True)
class Field:
    """One model field and its names and kind."""

    name: str
    """The attribute in the model."""
    kind: Kind
    key: str
    """The key in the meeting file."""
    column: str
    """The column in the database."""
    part: Part
    required: bool
    """No default: the meeting file must give it."""
    optional: bool
    """``None`` is a value (an unset time, a missing reference)."""
    choices: type[StrEnum] | None
    row_type: type[Any] | None
    """The dataclass of a ``NESTED`` or ``ROWS`` field."""
    item_number: bool
    private: bool
    heading: bool
    _field: dataclasses.Field[Any]

    def default(self) -> Any:
        """A fresh default value (a new list for list fields)."""
        if self._field.default_factory is not dataclasses.MISSING:
            return self._field.default_factory()
        if self._field.default is dataclasses.MISSING:
            raise TypeError(f"{self.name} has no default")
        return self._field.default

    def is_default(self, value: Any) -> bool:
        return not self.required and value == self.default()


_FIELDS: dict[type[Any], tuple[Field, ...]] = {}


def fields_of(cls: type[Any]) -> tuple[Field, ...]:
    """The fields of a model dataclass, in declaration order (worked out once per class)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = _read_fields(cls)
    return _FIELDS[cls]


def _read_fields(cls: type[Any]) -> tuple[Field, ...]:
    hints = typing.get_type_hints(cls)
    found = []
    for declared in dataclasses.fields(cls):
        kind, optional, choices, row_type = _kind(hints[declared.name], f"{cls.__name__}.{declared.name}")
        meta = declared.metadata
        required = declared.default is dataclasses.MISSING and declared.default_factory is dataclasses.MISSING
        found.append(
            Field(
                name=declared.name,
                kind=kind,
                key=meta.get("file") or declared.name,
                column=meta.get("column") or declared.name,
                part=meta.get("part", Part.AGENDA),
                required=required,
                optional=optional,
                choices=choices,
                row_type=row_type,
                item_number=bool(meta.get("item_number")),
                private=bool(meta.get("private")),
                heading=bool(meta.get("heading")),
                _field=declared,
            )
        )
    return tuple(found)


def flat_fields(cls: type[Any]) -> tuple[tuple[Field, Field | None], ...]:
    """The fields of ``cls`` with ``NESTED`` ones replaced by theirs: (field, its parent or None).

    This is how a table of the meeting file or a row of the database sees a record: an
    item's recommendation stands flat in the item's table as ``recommendation_intro`` …"""
    flat: list[tuple[Field, Field | None]] = []
    for spec in fields_of(cls):
        if spec.kind is Kind.NESTED:
            assert spec.row_type is not None
            flat += [(inner, spec) for inner in fields_of(spec.row_type)]
        else:
            flat.append((spec, None))
    return tuple(flat)


def _kind(hint: Any, where: str) -> tuple[Kind, bool, type[StrEnum] | None, type[Any] | None]:
    """(kind, optional, enum, dataclass) of a type hint."""
    optional = False
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"{where}: cannot store a union of {rest}")
        hint, optional = rest[0], True
        args = typing.get_args(hint)
    if typing.get_origin(hint) is list:
        (inner,) = args
        if inner is str:
            return Kind.TEXTS, optional, None, None
        if isinstance(inner, type) and issubclass(inner, StrEnum):
            return Kind.CHOICES, optional, inner, None
        if inner == Outcome | None:
            return Kind.OUTCOMES, optional, Outcome, None
        if dataclasses.is_dataclass(inner):
            return Kind.ROWS, optional, None, typing.cast(type[Any], inner)
        raise TypeError(f"{where}: no kind for a list of {inner}")
    simple = {str: Kind.TEXT, time: Kind.CLOCK, date: Kind.DATE, datetime: Kind.MOMENT,
              bool: Kind.FLAG, int: Kind.NUMBER}  # fmt: skip
    if hint in simple:
        return simple[hint], optional, None, None
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return Kind.CHOICE, optional, hint, None
    if dataclasses.is_dataclass(hint):
        return Kind.NESTED, optional, None, typing.cast(type[Any], hint)
    raise TypeError(f"{where}: no kind for {hint}")
