"""Agendas written as tables: which rows are items, and each such row written out as an item.

Councils, committees and templates put an agenda in a table in many ways: ``1 | Godkendelse
af dagsorden | 10.00-10.05 | Formanden``; ``AI# | Topic | Specs | Rapporteur`` with numbers
such as ``7.10.8``; ``10:00 | Welcome & opening remarks / speakers``; ``10 min | Talk | Name``
under ``Day 1: Monday …`` rows; a roman numeral beside the title; ``1. Apologies`` typed in
the only cell; a case-management system's one table per report, numbers restarting in each.

``read_table`` sorts a table's rows into column names, group rows (one cell across the
table: ``DAY 2``, ``REPORT OF THE … dated …``) and rows with a title, and finds the column
that numbers or times the rows. ``write_out`` turns a table whose rows are items into what
the rest of the reader understands: a head paragraph per item, its time slot and presenter
on lines of their own, and the other cells as its text (under their column's label when that
is a section such as ``Indstilling`` or ``Bilag``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from referent.dates import normalize
from referent.export.blocks import Span
from referent.importing.word.danishtext import looks_like_name, presenter_line, time_line
from referent.importing.word.document import Cell, Para, Table
from referent.importing.word.markers import Marker, marker
from referent.importing.word.sections import section_label

_NUMBER_CELL = re.compile(
    r"^(?:punkt|pkt\.?|item|sak|sag|§)?\s*(?P<n>\d{1,3})(?P<sub>(?:\.\d{1,3})*)\s*[.):]?$", re.IGNORECASE
)
_ROMAN_CELL = re.compile(r"^(?P<r>[ivxlcIVXLC]{1,7})\s*[.)]?$")
_CASE_CELL = re.compile(
    r"^(?:(?:ps|rs|os|sak|sag|dnr|ärende)\s*(?P<n>\d{1,4})\s*/\s*\d{2,4}|(?P<k>\d{1,3})/\d{1,2})$",
    re.IGNORECASE,
)
_PREFIXED_CELL = re.compile(r"^(?:top\s*)?[A-ZÆØÅÄÖÜ]{1,2}\s*(?P<n>\d{1,3})(?P<sub>(?:\.\d{1,3})*)\s*[.:)]?$")
"""A number with a letter before it: German ``Ö 1`` (öffentlich), ``N 2``, ``TOP Ö 5.1``."""
"""A case number as Norwegian and Swedish systems number their agenda: ``PS 12/23``; ``2/1``
(case 2 of meeting 1)."""
_CLOCK = r"(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s*(?:[ap]\.?m\.?)?"
_TIME_CELL = re.compile(
    rf"^(?:kl\.?\s*)?(?P<start>{_CLOCK}|[0-2]\d[0-5]\d)(?:\s*(?:-|–|—|til|to)\s*(?P<end>{_CLOCK}|[0-2]\d[0-5]\d))?"
    r"(?:\s*(?:h|hrs|uhr))?$",
    re.IGNORECASE,
)
_DURATION_CELL = re.compile(
    r"^(?:ca\.?\s*)?\d{1,3}(?:[.,]\d)?\s*(?:min(?:ut(?:es|ter))?\.?|mins|hrs?|hours?|timer?|t\.?)$",
    re.IGNORECASE,
)
PRESENTER_COLUMNS = {"ansvarlig", "oplæg", "oplæg ved", "ved", "hvem", "præsenteres af", "oplægsholder",
                     "fremlægges af", "v/", "tovholder", "presenter", "presenters", "speaker", "speakers",
                     "rapporteur", "who", "lead", "responsible", "owner", "ansvar", "föredragande",
                     "saksbehandler", "sagsbehandler", "responsable", "ponente"}  # fmt: skip
TIME_COLUMNS = {
    "tid",
    "tidspunkt",
    "kl.",
    "kl",
    "klokken",
    "time",
    "tider",
    "hora",
    "zeit",
    "duration",
    "varighed",
}
TITLE_COLUMNS = {"emne", "titel", "overskrift", "dagsordenspunkt", "punkt", "item", "topic", "subject", "sak",
                 "sag", "ärende", "tema", "agenda item", "agenda", "dagsorden", "beskrivelse", "title",
                 "aktivitet", "activity", "session", "saksliste", "ärenden"}  # fmt: skip
NUMBER_COLUMNS = {"nr", "nr.", "nummer", "#", "no", "no.", "ai#", "§", "pkt", "pkt.", "punkt nr.", "item no.",
                  "sak nr.", "saksnr.", "utvalgs-saksnr.", "utvalgssaksnr.", "saksnr", "sagsnr.", "sagsnr",
                  "ärende nr", "ärendenr", "paragraf", "pkt. nr.", "top", "top nr.",
                  "tagesordnungspunkt"}  # fmt: skip
_OTHER_COLUMNS = {"bemærkninger", "bemærkning", "formål", "note", "noter", "notes", "type", "specs",
                  "disposition", "status", "materiale", "bilag", "indstilling", "beslutning", "comments",
                  "lukket", "closed", "innhold", "innehåll", "indhold",
                  "kommentar", "action", "handling", "decision"}  # fmt: skip
COLUMN_NAMES = PRESENTER_COLUMNS | TIME_COLUMNS | TITLE_COLUMNS | NUMBER_COLUMNS | _OTHER_COLUMNS


@dataclass
class Row:
    """One row of a table with a title: what numbers it, when, the title and its cells."""

    position: int
    cells: list[Cell]
    """The row's cells in grid order (a merged cell once)."""
    number: int | None = None
    label: str = ""
    """The number as written: ``7.10.8``, ``IV``."""
    depth: int = 1
    time: str = ""
    """The time cell's text: ``10:00``, ``0800-1000``, ``10 min``."""
    title_cell: int | None = None
    title: list[Para] = field(default_factory=list)
    """The paragraphs that make the title (one, or a title wrapped over several)."""


@dataclass
class TableReading:
    """What a table says about itself: its column names, group rows and rows with a title."""

    table: Table
    width: int
    """How many grid columns the table has."""
    names: list[str]
    """The header row's texts by grid column (lower case), or empty when it has none."""
    header_rows: set[int]
    groups: dict[int, Para]
    """Rows that are one cell across the table: ``DAY 2``, ``REPORT OF … dated …``."""
    rows: list[Row]
    numbered: bool
    """A column numbers the rows (or the title cells start with a typed number)."""
    timed: bool
    """A column gives each row a time or a duration."""
    number_column: int | None = None
    time_column: int | None = None

    @property
    def shape(self) -> tuple[object, ...]:
        """What tables of one agenda have in common (a report per table, a day per table); a
        table of sub-points only (``2.1``, ``2.2``) is another kind than the items' table."""
        columns = tuple(r.title_cell for r in self.rows[:1])
        numbered = [r for r in self.rows if r.number is not None]
        subs = bool(numbered) and all(r.depth > 1 for r in numbered)
        return (self.width, self.numbered, self.timed, columns, subs)


def _grid(row: list[Cell]) -> list[tuple[int, Cell]]:
    """Each cell with the grid column it starts in."""
    out, column = [], 0
    for cell in row:
        out.append((column, cell))
        column += max(1, cell.span)
    return out


def _texts(cell: Cell) -> list[Para]:
    return [p for p in cell.paragraphs() if p.text.strip()]


def cell_number(cell: Cell) -> tuple[int, str, int] | None:
    """(number, label, depth) of a cell that holds only an item number: ``3``, ``2.1``, ``IV.``,
    ``§ 4``, or an empty Word-numbered paragraph."""
    paragraphs = _texts(cell)
    if not paragraphs:
        listed = [p for p in cell.paragraphs() if p.listing is not None and p.listing.ordered]
        if len(listed) == 1 and listed[0].listing is not None:
            return listed[0].listing.number, listed[0].listing.label.rstrip("."), 1
        return None
    if len(paragraphs) != 1:
        return None
    para = paragraphs[0]
    text = normalize(para.text)
    if para.listing is not None and para.listing.ordered and not text.rstrip(".)"):
        return para.listing.number, para.listing.label.rstrip("."), 1
    if match := _NUMBER_CELL.match(text):
        sub = match["sub"] or ""
        return int(match["n"]), match["n"] + sub, 1 + sub.count(".")
    if match := _CASE_CELL.match(text):
        return int(match["n"] or match["k"]), text, 1
    if match := _PREFIXED_CELL.match(text):
        sub = match["sub"] or ""
        return int(match["n"]), text, 1 + sub.count(".")
    if match := _ROMAN_CELL.match(text):
        from referent.importing.word.markers import roman_value

        value = roman_value(match["r"])
        if value is not None:
            return value, match["r"].upper(), 1
    return None


def cell_time(cell: Cell) -> str | None:
    """The text of a cell that holds only a time, a span of times or a duration."""
    paragraphs = _texts(cell)
    if not paragraphs:
        return None
    text = normalize(" ".join(p.text for p in paragraphs))
    if _TIME_CELL.match(text) and (
        re.search(r"[.:]|[ap]\.?m|^kl|h$|hrs$|uhr$", text, re.I) or len(text) >= 4
    ):
        return text
    if _DURATION_CELL.match(text):
        return text
    if len(paragraphs) in (2, 3) and all(
        _TIME_CELL.match(normalize(p.text)) for p in (paragraphs[0], paragraphs[-1])
    ):
        return text  # 10:30 / Q1 / 11:00 stacked in one cell
    return None


def read_table(table: Table) -> TableReading:
    """Sort the table's rows (see the module docstring)."""
    width = max((sum(max(1, c.span) for c in row) for row in table.rows), default=0)
    names: list[str] = []
    header_rows: set[int] = set()
    groups: dict[int, Para] = {}
    bodies: list[tuple[int, list[tuple[int, Cell]]]] = []
    for position, cells in enumerate(table.rows):
        filled = [(column, cell) for column, cell in _grid(cells) if _texts(cell) or cell_number(cell)]
        if not filled:
            continue
        if not bodies and not names and _is_header_row(filled):
            names = [""] * width
            for column, cell in filled:
                names[column] = normalize(cell.text).lower().rstrip(":")
            header_rows.add(position)
            continue
        only = filled[0][1] if len(filled) == 1 else None
        across = only is not None and width >= 2 and (only.span >= max(2, width - 1) or _bold(only))
        if only is not None and across and len(_texts(only)) <= 3:
            groups[position] = _texts(only)[0]
            continue
        bodies.append((position, filled))
    number_column = _column_where(bodies, lambda cell: cell_number(cell) is not None, names, NUMBER_COLUMNS)
    time_column = _column_where(bodies, lambda cell: cell_time(cell) is not None, names, TIME_COLUMNS)
    rows = []
    titled_column = next((c for c, name in enumerate(names) if name in TITLE_COLUMNS), None)
    for position, filled in bodies:
        row = Row(position, [cell for _, cell in filled])
        named = [(c, cell) for c, cell in filled if c == titled_column]
        if named and _titled(named[0][1], ""):
            row.title_cell, row.title = row.cells.index(named[0][1]), _title_paragraphs(named[0][1])
        for column, cell in filled:
            if column == number_column and (found := cell_number(cell)) is not None:
                row.number, row.label, row.depth = found
            elif column == time_column and (when := cell_time(cell)) is not None:
                row.time = when
            elif row.title_cell is None and _titled(cell, names[column] if column < len(names) else ""):
                row.title_cell = row.cells.index(cell)
                row.title = _title_paragraphs(cell)
        rows.append(row)
    typed = sum(1 for r in rows if r.title and _typed_number(r.title[0]) is not None)
    numbered = number_column is not None or typed >= 2
    if number_column is None and typed >= 2:
        for row in rows:
            if row.title and (typed_number := _typed_number(row.title[0])) is not None:
                row.number, row.label, row.depth = typed_number.number, typed_number.label, typed_number.depth
    return TableReading(
        table,
        width,
        names,
        header_rows,
        groups,
        rows,
        numbered,
        time_column is not None,
        number_column,
        time_column,
    )


def _bold(cell: Cell) -> bool:
    return all(p.bold for p in _texts(cell))


def _is_header_row(filled: list[tuple[int, Cell]]) -> bool:
    """A first row that names the columns: ``Nr. | Emne | Ansvarlig``, ``AI# | Topic | Specs``."""
    if len(filled) < 2:
        return False
    names = [normalize(cell.text).lower().rstrip(":") for _, cell in filled]
    known = sum(1 for name in names if name in COLUMN_NAMES or section_label(Para(0, [Span(name)])))
    bold = all(_bold(cell) for _, cell in filled) and all(len(name) <= 40 for name in names)
    return known == len(names) or (bold and known * 2 >= len(names))


def _column_where(
    bodies: list[tuple[int, list[tuple[int, Cell]]]],
    test: Callable[[Cell], bool],
    names: list[str],
    known: set[str],
) -> int | None:
    """The first column whose filled cells mostly pass ``test`` (two at least; the others may be
    empty: a time only where the time changes), or the column whose header says so."""
    hits: dict[int, int] = {}
    filled: dict[int, int] = {}
    for _, cells in bodies:
        for column, cell in cells:
            filled[column] = filled.get(column, 0) + 1
            if test(cell):
                hits[column] = hits.get(column, 0) + 1
    for column, name in enumerate(names):
        if name in known and hits.get(column, 0) >= 1:
            return column
    enough = 1 if len(bodies) == 1 else 2  # a report of one item: a table of one row
    good = [c for c, n in sorted(hits.items()) if n >= enough and n * 10 >= filled[c] * 7]
    return good[0] if good else None


def _titled(cell: Cell, name: str) -> bool:
    """A cell that can hold the row's title: text that is not a person or a time alone."""
    paragraphs = _texts(cell)
    if not paragraphs or name in PRESENTER_COLUMNS or name in TIME_COLUMNS or name in NUMBER_COLUMNS:
        return False
    first = normalize(paragraphs[0].text)
    return presenter_line(first) is None and any(ch.isalpha() for ch in first)


def _title_paragraphs(cell: Cell) -> list[Para]:
    """The paragraphs of a cell that make its title: the first, and those that go on with it
    (a title wrapped over lines by hand, or ``If there is time:`` before what there is time for)."""
    paragraphs = _texts(cell)
    title = [paragraphs[0]]
    for para in paragraphs[1:]:
        previous = normalize(title[-1].text)
        text = normalize(para.text)
        if para.listing is not None or len(title) >= 3 or _person(text):
            break
        ends_open = not previous.endswith((".", "!", "?", ")")) and (
            previous.endswith((":", "–", "-", ","))
            or text[:1].islower()
            or (len(previous) >= 60 and len(text) < 60)
        )
        if not ends_open:
            break
        title.append(para)
    return title


def _person(text: str) -> bool:
    """``Kelsea Best, Doctoral Candidate, Vanderbilt University``: a speaker under a title."""
    name, comma, _ = text.partition(",")
    return bool(comma) and looks_like_name(name)


def _typed_number(para: Para) -> Marker | None:
    found = marker(para.text)
    return found if found is not None and found.kind in ("number", "roman", "section", "word") else None


def title_text(row: Row) -> str:
    """The row's title on one line."""
    return " ".join(normalize(p.text) for p in row.title)


@dataclass
class Written:
    """A table written out: its paragraphs, each head row's head paragraph, and the first
    paragraph of each row after the first head that heads nothing (kept with the item above)."""

    paragraphs: list[Para]
    heads: list[tuple[Para, Row]]
    loose: list[Para]


def write_out(reading: TableReading, heads: set[int]) -> Written:
    """The table as paragraphs: for every row in ``heads`` (positions) a head paragraph with the
    title, its time and presenter as lines of their own, then its other cells; other rows as
    plain paragraphs (their text kept, never dropped)."""
    table = reading.table
    out: list[Para] = []
    made: list[tuple[Para, Row]] = []
    loose: list[Para] = []
    by_position = {row.position: row for row in reading.rows}
    labelled: list[Para] = []
    for position, row_cells in enumerate(table.rows):
        if position in reading.header_rows:
            continue
        if position in reading.groups:
            out += labelled
            labelled = []
            para = reading.groups[position]
            out.append(Para(para.index, [Span(normalize(para.text), bold=True)]))
            continue
        row = by_position.get(position)
        if row is None:
            continue
        if position not in heads:
            paragraphs = [p for cell in row.cells for p in _texts(cell)]
            out += paragraphs
            if made and paragraphs:
                loose.append(paragraphs[0])
            continue
        out += labelled
        labelled = []
        title_paras = row.title
        first = title_paras[0] if title_paras else next(p for c in row.cells for p in _texts(c))
        head = Para(first.index, [Span(title_text(row) if title_paras else normalize(first.text), bold=True)])
        out.append(head)
        made.append((head, row))
        prelude: list[Para] = []
        text: list[Para] = []
        for index, cell in enumerate(row.cells):
            paragraphs = _texts(cell)
            if not paragraphs:
                continue
            column = _column_of(row_cells, cell)
            name = reading.names[column] if column < len(reading.names) else ""
            if index == row.title_cell:
                text += [p for p in paragraphs if all(p is not t for t in title_paras)]
                continue
            value = normalize(" ".join(p.text for p in paragraphs))
            if column == reading.number_column and row.number is not None:
                continue  # the number cell: the number is the item's
            if column == reading.time_column and row.time:
                prelude.insert(0, _time_para(paragraphs[0].index, value))
            elif name in PRESENTER_COLUMNS or presenter_line(value) is not None:
                who = presenter_line(value) or value
                prelude.append(Para(paragraphs[0].index, [Span(f"v/ {who}")]))
            elif name and section_label(label := Para(paragraphs[0].index, [Span(name)])) is not None:
                labelled += [label, *paragraphs]
            else:
                text += paragraphs
        out += prelude + text
    out += labelled
    return Written(out, made, loose)


def _column_of(row: list[Cell], cell: Cell) -> int:
    for column, found in _grid(row):
        if found is cell:
            return column
    return 0


def _time_para(index: int, value: str) -> Para:
    """A time cell as a line the item reader takes as the slot: ``0800-1000`` → ``kl. 08.00-10.00``."""
    text = re.sub(r"\b([0-2]\d)([0-5]\d)\b", r"\1.\2", value)
    if time_line(text) is None and time_line(f"kl. {text}") is not None:
        text = f"kl. {text}"
    return Para(index, [Span(text)])
