"""An agenda written as a table, one row per item: ``1 | Godkendelse af dagsorden | 10.00-10.05 | Formanden``.

Small committees often send the agenda as nothing but such a table. Each row whose first
cell is an item number becomes what the rest of the reader already understands: a bold
``1. Godkendelse af dagsorden`` heading, its time and presenter on lines of their own, and
the other cells as the item's text (under their column's label when it is a section such
as ``Indstilling`` or ``Bilag``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from referent.export.blocks import Span
from referent.importing.word.danishtext import presenter_line, time_line
from referent.importing.word.dates import normalize
from referent.importing.word.document import Block, Cell, Para, Table
from referent.importing.word.sections import section_label

_NUMBER = re.compile(r"^(?:punkt|pkt\.?)?\s*(\d{1,3})\s*[.):]?$", re.IGNORECASE)
_PRESENTER_COLUMNS = {"ansvarlig", "oplæg", "oplæg ved", "ved", "hvem", "præsenteres af", "oplægsholder",
                      "fremlægges af", "v/", "tovholder"}  # fmt: skip
_TIME_COLUMNS = {"tid", "tidspunkt", "kl.", "kl", "klokken"}
_COLUMNS = _PRESENTER_COLUMNS | _TIME_COLUMNS | {
    "punkt", "pkt", "pkt.", "nr", "nr.", "nummer", "#", "emne", "titel", "overskrift", "dagsordenspunkt",
    "sag", "indhold", "bemærkninger", "bemærkning", "formål", "note", "noter", "type", "item", "topic",
}  # fmt: skip


def _number(cell: Cell) -> int | None:
    paragraphs = [p for p in cell.paragraphs() if p.text.strip()]
    if len(paragraphs) == 1 and paragraphs[0].listing is not None and paragraphs[0].listing.ordered:
        if not _NUMBER.match(normalize(paragraphs[0].text)):
            return None  # a Word-numbered paragraph with a title in it is no number cell
        return paragraphs[0].listing.number
    match = _NUMBER.match(normalize(cell.text))
    return int(match[1]) if match else None


def _item_rows(table: Table) -> list[tuple[int | None, list[Cell]]]:
    """Every row but a header row, with its item number (None for a row that has none)."""
    rows: list[tuple[int | None, list[Cell]]] = []
    for position, row in enumerate(table.rows):
        cells = [c for c in row if c.text.strip()]
        number = _number(cells[0]) if len(cells) >= 2 else None
        if cells and (number is not None or position > 0 or not _column_names(table)):
            rows.append((number, row))
    return rows


def rows_as_items(blocks: list[Block]) -> tuple[list[Block], list[Para]] | None:
    """``blocks`` with each item table written out as headed items, and the first paragraph of
    each row in it that has no item number (``Pause``: kept as text, to be reported)."""
    loose: list[Para] = []
    out: list[Block] = []
    changed = False
    for block in blocks:
        rows = _item_rows(block) if isinstance(block, Table) else []
        numbers = [n for n, _ in rows if n is not None]
        if isinstance(block, Table) and len(numbers) >= 2 and all(b > a for a, b in pairwise(numbers)):
            expanded, skipped = _expand(block, rows)
            out += expanded
            loose += skipped
            changed = True
        else:
            out.append(block)
    return (out, loose) if changed else None


def _expand(table: Table, rows: list[tuple[int | None, list[Cell]]]) -> tuple[list[Block], list[Para]]:
    """Each item row as heading, time and presenter lines, its text, then its labelled columns;
    a row without a number goes with the item above it, as text."""
    columns = _column_names(table)
    out: list[Block] = []
    loose: list[Para] = []
    labelled: list[Block] = []
    for number, row in rows:
        if number is None:
            paragraphs = [p for cell in row for p in cell.paragraphs() if p.text.strip()]
            out += paragraphs
            loose += paragraphs[:1]
            continue
        out += labelled
        prelude: list[Para] = []
        text: list[Para] = []
        labelled = []
        title = ""
        for column, cell in enumerate(row[1:], start=1):
            paragraphs = [p for p in cell.paragraphs() if p.text.strip()]
            if not paragraphs:
                continue
            name = columns[column] if column < len(columns) else ""
            value = normalize(cell.text)
            slot, presenter = time_line(value), presenter_line(value)
            if name in _TIME_COLUMNS or (len(paragraphs) == 1 and slot is not None):
                prelude.insert(0, _para(paragraphs[0].index, value if slot else f"kl. {value}"))
            elif name in _PRESENTER_COLUMNS or presenter is not None:
                prelude.append(_para(paragraphs[0].index, value if presenter else f"v/ {value}"))
            elif not title:
                title = normalize(paragraphs[0].text)
                text += paragraphs[1:]
            elif name and section_label(label := _para(paragraphs[0].index, name)) is not None:
                labelled += [label, *paragraphs]
            else:
                text += paragraphs
        out += [Para(row[0].paragraphs()[0].index, [Span(f"{number}. {title}", bold=True)]), *prelude, *text]
    out += labelled
    return out, loose


def _column_names(table: Table) -> list[str]:
    """The first row's texts when it is a header row: every cell in it names a column."""
    if not table.rows:
        return []
    names = [normalize(cell.text).lower().rstrip(":") for cell in table.rows[0]]
    if not all(not name or name in _COLUMNS or section_label(_para(0, name)) for name in names):
        return []  # a row with something to say is no header row: it is kept
    return names


def _para(index: int, text: str) -> Para:
    return Para(index, [Span(text)])
