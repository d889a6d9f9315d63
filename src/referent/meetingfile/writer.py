"""Write a ``Meeting`` back as a meeting file that a person can read and edit.

The writer is ours rather than a generic TOML dumper because the file is meant for
people: keys in the documented order, defaults left out, case and minutes texts as
multi-line blocks, one list entry per line. ``parse_meeting(dump_meeting(m)) == m`` is
tested on the reference meetings and on generated text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from referent.danish import format_time
from referent.fields import Kind, fields_of, flat_fields
from referent.meetingfile.reader import FORMAT_VERSION
from referent.model import Meeting

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


def _list(values: list[str]) -> str:
    if not values:
        return "[]"
    inline = f"[{', '.join(values)}]"
    if len(inline) <= 72 and "\n" not in inline:
        return inline
    inner = "".join(f"    {v},\n" for v in values)
    return f"[\n{inner}]"


WRITERS: dict[Kind, Callable[[Any], str]] = {
    Kind.TEXT: quote_block,
    Kind.TEXTS: lambda values: _list([quote_block(v) for v in values]),
    Kind.CLOCK: lambda value: quote(format_time(value)),
    Kind.DATE: lambda value: value.isoformat(),
    Kind.MOMENT: lambda value: value.astimezone().isoformat(timespec="seconds"),  # in local time
    Kind.FLAG: lambda value: "true" if value else "false",
    Kind.NUMBER: str,
    Kind.CHOICE: lambda value: quote(value.value),
    Kind.CHOICES: lambda values: _list([quote(v.value) for v in values]),
    Kind.OUTCOMES: lambda values: _list([quote(o.value if o else "") for o in values]),
}
"""How a value of each kind of field is written."""


def _keys(record: Any) -> list[str]:
    """``key = value`` lines for a record's fields (nested ones flat), leaving out what is at
    its default, but never a key the reader requires (an item added live may have no title yet)."""
    lines = []
    for spec, parent in flat_fields(type(record)):
        if spec.kind is Kind.ROWS:
            continue
        value = getattr(getattr(record, parent.name) if parent else record, spec.name)
        if spec.kind is Kind.OUTCOMES:
            value = list(value)
            while value and value[-1] is None:  # the reader pads outcomes to the points again
                value.pop()
        if value is None or spec.is_default(value):
            continue
        lines.append(f"{spec.key} = {WRITERS[spec.kind](value)}")
    return lines


def _rows(record: Any, prefix: str) -> list[list[str]]:
    """The ``[[prefix.name]]`` tables of a record's row fields, one block per row."""
    return [
        [f"[[{prefix}{spec.key}]]", *_keys(row)]
        for spec in fields_of(type(record))
        if spec.kind is Kind.ROWS
        for row in getattr(record, spec.name)
    ]


def dump_meeting(meeting: Meeting) -> str:
    """The meeting file text for ``meeting``."""
    blocks: list[list[str]] = [
        ["# A referent meeting file: see docs/meeting-file.md", f"format = {FORMAT_VERSION}"],
        ["[meeting]", *_keys(meeting)],
    ]
    for spec in fields_of(Meeting):
        if spec.kind is not Kind.ROWS:
            continue
        for number, row in enumerate(getattr(meeting, spec.name), start=1):
            block = [f"[[{spec.key}]]"]
            if spec.name == "items":
                block.append(f"number = {number}")
            block += _keys(row)
            for child in _rows(row, f"{spec.key}."):
                block += ["", *child]
            blocks.append(block)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
