"""The agenda and the public version, made by taking things out of the meeting itself.

Filtering the model, before any document is built, is what makes the public version safe:
a closed item's case text, recommendation, attachments, minutes and follow-ups are not in
the data any writer sees, so they cannot leak into the body, the properties or a stray
XML part. The same filters serve the Word, text and meeting-file exports.

What each filter keeps is declared on the model's fields (``model.declare``): the agenda
keeps the ``AGENDA`` part, the public version drops ``private`` fields everywhere and keeps
only the ``heading`` fields of a closed item. A new field is filtered by its declaration.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from referent.fields import Field, Kind, fields_of
from referent.model import Item, Meeting, Part


def _filtered(record: Any, drop: Callable[[Any, Field], bool]) -> Any:
    """A copy of ``record`` with every field ``drop`` names reset to its default, recursively."""
    values: dict[str, Any] = {}
    for spec in fields_of(type(record)):
        value = getattr(record, spec.name)
        if drop(record, spec):
            values[spec.name] = spec.default()
        elif spec.kind is Kind.NESTED:
            values[spec.name] = _filtered(value, drop)
        elif spec.kind is Kind.ROWS:
            values[spec.name] = [_filtered(row, drop) for row in value]
        else:
            values[spec.name] = copy.deepcopy(value)
    return type(record)(**values)


def public_meeting(meeting: Meeting) -> Meeting:
    """A copy without anything private, in which every closed item keeps only its heading.

    Private are the chair's comments, whether the chair approved with problems still
    listed, and the reasons for reopening (which may speak of a closed item): the approvals
    stay, because they decide whether the minutes are a draft; an open item's correction
    keeps its date.
    """

    def drop(record: Any, spec: Field) -> bool:
        closed = isinstance(record, Item) and record.closed
        return spec.private or (closed and not spec.heading)

    result: Meeting = _filtered(meeting, drop)
    return result


def agenda_meeting(meeting: Meeting) -> Meeting:
    """A copy without what the meeting recorded or the review added: the agenda as sent out."""
    result: Meeting = _filtered(meeting, lambda _, spec: spec.part is not Part.AGENDA)
    return result
