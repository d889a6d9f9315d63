"""Find the agenda in a document by its structure: which sequence of alike blocks is the items.

People head the items of an agenda (or minutes) in many ways: headings, bold numbered lines,
Word's numbered or bulleted lists, typed numbers (``1.``, ``§ 3``, ``IV.``), typed bullets,
times (``9:10-9:12:``), plain lines under ``Dagsorden``, rows of a table, a heading in a table
cell. A document usually holds several such sequences — the agenda, the points of a
recommendation, a list of decisions or action items, a speaker's bio — so the finder collects
every *family* of alike blocks and chooses between them by evidence:

- a line that introduces the agenda (``Dagsorden``, ``Agenda``, ``Punkter``, ``Saksliste``,
  ``Discussion summary:``) right before the family's first block counts most; a family that
  follows ``Action items:`` or ``Next steps:`` is no agenda;
- numbers that count up, headings, times and tables count for a family, long sentences against;
- a family whose every block lies inside the items of another is their detail (a
  recommendation's points, a bio's list) — unless it lies inside one section of a document
  that is mostly that family (an agenda table under ``1. Agenda``);
- a family that repeats the titles of a later one is an overview of the items.

``find_agenda`` returns the blocks (a table whose rows are items written out as paragraphs)
and the ``Layout`` of item heads the rest of the reader works with.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from referent.dates import has_date, normalize, parse_when, starts_with_date
from referent.export.blocks import Span
from referent.importing.word.danishtext import item_number, split_title
from referent.importing.word.document import Block, Para, Table
from referent.importing.word.header import is_kind_word, label_of
from referent.importing.word.items import Heading, Layout, divider, starts_bold
from referent.importing.word.markers import clean_title, marker
from referent.importing.word.rows import Row, TableReading, read_table, title_text, write_out
from referent.importing.word.sections import section_label

_INTRO = re.compile(
    r"^(?:\d{1,2}[.)]?\s+)?(?:(?:forslag\s+til|udkast\s+til|draft|proposed|revised|meeting|møde|mødets|"
    r"endelig|final)\s+)?"
    r"(?:dagsorden|dagsordenspunkter|dagsordenen|agenda|agendapunkter|punkter|emner|saksliste|sakliste|"
    r"sakslista|dagordning|föredragningslista|ärendelista|ärenden|orden\s+del\s+d[ií]a|temas\s+a\s+tratar|"
    r"tagesordnung|tagesordnungspunkte|programm?e?|program\s+for\s+mødet|items|topics|agenda\s+items|"
    r"agenda\s+topics|discussion\s+points|key\s+discussion\s+points|discussion\s+summary|discussion|"
    r"minutes\s+of\s+the\s+meeting|outcomes\s+and\s+discussion|drøftelser|behandlede\s+sager|sager|"
    r"behandlede\s+punkter|punkter\s+på\s+dagsordenen|til\s+behandling|behandlade\s+ärenden)\b",
    re.IGNORECASE,
)
_AFTER_MATTER = re.compile(
    r"^(?:action\s+items?|action\s+points?|actions?|next\s+steps?|notes?|goals?|tasks?|to\s*do|"
    r"attendees|apologies|decisions?(?:\s+made)?|follow[\s-]*ups?|opfølgning(?:spunkter)?|opgaver|"
    r"handlinger|aktionspunkter|næste\s+skridt|noter|beslutninger|huskeliste|oppfølging(?:spunkter)?|"
    r"oppgaver|uppföljning|åtgärder|åtgärdspunkter|acuerdos|tareas|individual\s+contributions|"
    r"things\s+to\s+be\s+discussed|deltagere|til\s+stede|fraværende|afbud|bilag|"
    r"bilagsliste|vedlagte\s+bilag|attachments|deltakere|forfall|närvarande|frånvarande|underskrifter|"
    r"underskriftsside|underskrift|signatures?|signaturer|underskrifter|actielijst|actiepunten|besluitenlijst|"
    r"aktionsliste|beschlussliste)\s*:?$",
    re.IGNORECASE,
)
_SECTION_PHRASE = re.compile(
    r"^(?:beslutning|afgørelse|indstilling|referat|protokol|vedtak|beslut|decision|resolution|discussion|"
    r"conclusions?|økonomi|økonomiske|supplerende|sagsfremstilling|sagsbeskrivelse|bilag|høring|"
    r"lovgrundlag|retsgrundlag|baggrund|vurdering|saksopplysninger|saksutredning|forslag\s+til|"
    r"recommendation|background|personalemæssige|kommunikation|tidsplan|administrationens|"
    r"udvalgets|direktionens|borgmesterens)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_PIPE_TOPIC = re.compile(r"\|\s*(?:agenda\s+topic|topic|emne|punkt|item)\b", re.IGNORECASE)
_WINDOW = 4
"""How many short paragraphs may stand between an introducing line and the first item."""


@dataclass
class Head:
    """One block that may head an item."""

    position: int
    """Index into the document's top-level blocks."""
    para: Para
    number: int | None
    text: str
    """The title as written, marker gone."""
    explain: bool = False
    """The line may go on to explain the item after its title (a list item, a plain line)."""
    row: int | None = None
    """The row of the table at ``position`` when the head is a table row."""
    reference: str = ""
    """A case reference that stood where the title usually does (``§ 45 Dnr KS 2023/112``): the
    title is then the next paragraph's, and the reference goes to the item's text."""


@dataclass
class Family:
    """Heads that look alike, in document order."""

    kind: str
    heads: list[Head]
    level: int | None = None
    strength: float = 0.0
    """How much the kind of head says "agenda item" by itself."""
    tables: dict[int, TableReading] = field(default_factory=dict)
    score: float = 0.0
    introduced: bool = False


@dataclass
class Agenda:
    """What the finder found: the blocks to read the items from, their heads, and the rows of
    an agenda table that head no item (kept in the item above, to be reported)."""

    blocks: list[Block]
    layout: Layout
    loose: list[Para]


def find_agenda(blocks: list[Block]) -> Agenda | None:
    """The item heads among ``blocks`` and the blocks to read them from; None when there are none."""
    blocks = _unfold(blocks)
    families = [f for f in _families(blocks) if f.heads]
    if not families:
        return None
    for family in families:
        _cut_after_matter(blocks, family)
    families = [f for f in families if f.heads]
    if not families:
        return None
    for family in families:
        family.score = _score(blocks, family)
    families = [f for f in families if len(f.heads) > 1 or f.introduced or f.heads[0].number is not None]
    if not families:
        return None  # one unnumbered heading names the document ("Indkaldelse til møde i …")
    chosen = _choose(blocks, families)
    return _layout(blocks, chosen)


# -- the blocks ---------------------------------------------------------------------------
def _unfold(blocks: list[Block]) -> list[Block]:
    """A small table that holds a heading (a case-management system's item heading in a cell)
    stands for its paragraphs: the heading is found like any other."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and _heading_box(block):
            for row in block.rows:
                for cell in row:
                    for inner in cell.blocks:
                        out.append(replace(inner, in_table=False) if isinstance(inner, Para) else inner)
        else:
            out.append(block)
    return out


def _heading_box(table: Table) -> bool:
    if len(table.rows) > 3 or any(len(row) > 4 for row in table.rows):
        return False
    direct = [b for row in table.rows for cell in row for b in cell.blocks if isinstance(b, Para)]
    return any(p.heading and p.text.strip() and not label_of(normalize(p.text)) for p in direct)


def _text(para: Para) -> str:
    """The paragraph's first line of text (some put the title after line breaks)."""
    return para.lines[0] if para.lines else ""


def _excluded(text: str, *, numbered: bool = False) -> bool:
    """Lines that never head an item: labels of the header or of an item's sections, dividers,
    and — unless numbered (``1. Dagsorden`` is an item) — the document's own kind, what
    introduces the agenda and what follows it (``Action items``)."""
    if not text or not any(ch.isalnum() for ch in text) or _URL.match(text):
        return True
    if text.count("|") >= 2 and not _PIPE_TOPIC.search(text):
        return True  # Meeting date | time 5/4/2018 | 3:30pm | Meeting location …
    if len(text) <= 60 and has_date(text) and len(parse_when(text).rest) < 3:
        return True  # a date alone is no item's title
    label = label_of(text)
    if label is not None and label[0] != "next" and (not numbered or ":" in text or "\t" in text):
        return True  # a header line; numbered, only with its colon ("3. APOLOGIES FOR ABSENCE" is an item)
    section = section_label(Para(0, [Span(text)]))
    if (section is not None and not (numbered and section[1])) or divider(text):
        return True  # "Indstilling", "Bilag: …"; but "3. Lukket punkt: Personalesag" is an item
    if numbered:
        return False
    return is_kind_word(text) or bool(_AFTER_MATTER.match(text)) or bool(_INTRO.fullmatch(text.rstrip(":. ")))


# -- families -----------------------------------------------------------------------------
def _families(blocks: list[Block]) -> list[Family]:
    paragraphs = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Para) and not b.in_table and _text(b)]
    found: list[Family] = []
    found += _heading_families(paragraphs)
    found += _bold_families(paragraphs)
    found += _list_families(paragraphs)
    found += _typed_families(paragraphs)
    found += _row_families(blocks)
    found += _line_families(blocks, paragraphs)
    return found


def _heading_families(paragraphs: list[tuple[int, Para]]) -> list[Family]:
    by_level: dict[int, list[Head]] = {}
    for position, para in paragraphs:
        if not para.heading or para.title:
            continue
        text = _text(para)
        number, rest = _number_of(para, text)
        head = Head(position, para, number, rest)
        if number is not None and _reference_only(rest):
            head = _titled_below(paragraphs, position, head)
        if _excluded(head.text, numbered=number is not None) or len(text) > 300:
            continue
        by_level.setdefault(para.heading, []).append(head)
    families = []
    for level, heads in by_level.items():
        numbered = [h for h in heads if h.number is not None]
        if len(numbered) * 2 > len(heads) and numbered:
            # a section heading between numbered items is the item's ("Beslutning i Udvalget …")
            last = numbered[-1].position
            heads = [
                h for h in heads
                if h.number is not None
                or (h.position > last and not _SECTION_PHRASE.match(h.text) and not h.text.endswith(":"))
            ]  # fmt: skip
            heads = _longest_rising(heads)
            strength = 3.0
        else:
            heads = [h for h in heads if not _SECTION_PHRASE.match(h.text) and not h.text.endswith(":")]
            strength = 1.5
        families.append(Family(f"heading {level}", heads, level=level, strength=strength - 0.1 * level))
    return families


_REFERENCE = re.compile(
    r"^(?:(?:dnr|diarienr|diarienummer|sagsnr|sags\s*nr|j\.?\s*nr|journalnr|saksnr|arkivsaksnr|ref|"
    r"sag|ärende)\.?\s*:?\s*)?[A-ZÆØÅÄÖ]{0,4}\s*\d[\d./-]*(?:\s*-\s*[\w.]+)*$",
    re.IGNORECASE,
)


def _reference_only(rest: str) -> bool:
    """Nothing but a case or journal number where the title would be: ``Dnr KS 2023/112``."""
    return not rest.strip() or (bool(_REFERENCE.match(rest.strip())) and not rest.strip().isalpha())


def _titled_below(paragraphs: list[tuple[int, Para]], position: int, head: Head) -> Head:
    """The head whose title stands in the paragraph right below it (a deeper heading, a bold or
    short line); unchanged when there is none."""
    following = next(((i, p) for i, p in paragraphs if i > position), None)
    if following is None or following[0] != position + 1:
        return head
    below = following[1]
    text = _text(below)
    deeper = below.heading is not None and (head.para.heading is None or below.heading > head.para.heading)
    if not text or len(text) > 200 or not (deeper or below.bold) or marker(text) is not None:
        return head
    return replace(head, text=text, reference=head.text)


def _number_of(para: Para, text: str) -> tuple[int | None, str]:
    """The number a paragraph shows (Word's own or typed) and its text without it."""
    if para.listing is not None and para.listing.ordered:
        return para.listing.number, text
    found = marker(text)
    if (
        found is not None
        and found.kind in ("number", "roman", "section", "word", "case")
        and found.depth == 1
    ):
        return found.number, found.rest
    number, rest = item_number(text)
    return number, rest


def _bold_families(paragraphs: list[tuple[int, Para]]) -> list[Family]:
    heads = []
    for position, para in paragraphs:
        if para.heading or not starts_bold(para) or (para.listing is not None and para.listing.level > 0):
            continue
        text = _text(para)
        number, rest = _number_of(para, text)
        if number is None or not rest.strip() or _excluded(rest, numbered=True) or len(text) > 300:
            continue
        heads.append(Head(position, para, number, rest))
    return [Family("bold", _longest_rising(heads), strength=2.5)]


def _list_families(paragraphs: list[tuple[int, Para]]) -> list[Family]:
    """Word lists: the paragraphs at a list's top level; lists that look alike are one family
    (an agenda split into sections, each its own list)."""
    groups: dict[tuple[str, str], list[Head]] = {}
    top: dict[str, int] = {}
    for _, para in paragraphs:
        if para.listing is not None:
            top[para.listing.list_id] = min(top.get(para.listing.list_id, 9), para.listing.level)
    for position, para in paragraphs:
        listing = para.listing
        if listing is None or listing.level != top[listing.list_id] or para.heading:
            continue
        text = _text(para)
        if _excluded(text.split(":", 1)[0]) or _excluded(text):
            continue
        key = (listing.kind, listing.pattern if listing.ordered else "•")
        number = listing.number if listing.ordered else None
        groups.setdefault(key, []).append(Head(position, para, number, text, explain=True))
    return [
        Family(f"list {kind[0]}", heads, strength=1.5 if kind[0] != "bullet" else 1.0)
        for kind, heads in groups.items()
    ]


def _typed_families(paragraphs: list[tuple[int, Para]]) -> list[Family]:
    groups: dict[tuple[str, str], list[Head]] = {}
    for position, para in paragraphs:
        if para.listing is not None:
            continue
        text = _text(para)
        found = marker(text)
        if found is None or found.kind == "letter" or found.depth > 1 or not found.rest.strip():
            continue
        rest = found.rest
        if found.kind == "bullet" and (inner := marker(rest)) is not None and inner.kind == "word":
            rest = inner.rest  # ● Topic #1: …
        numbered = found.kind not in ("bullet", "time")
        if _excluded(rest, numbered=numbered) or len(text) > 400:
            continue
        key = (found.kind, found.end if found.kind != "bullet" else found.label)
        groups.setdefault(key, []).append(Head(position, para, found.number, rest, explain=True))
    families = []
    strengths = {
        "time": 2.0,
        "section": 2.5,
        "case": 2.5,
        "word": 2.0,
        "number": 1.5,
        "roman": 2.0,
        "bullet": 0.8,
    }
    for (kind, _), heads in groups.items():
        if kind in ("number", "roman", "section", "word", "case"):
            heads = _longest_rising(heads)
        families.append(Family(f"typed {kind}", heads, strength=strengths.get(kind, 1.0)))
    return families


def _row_families(blocks: list[Block]) -> list[Family]:
    """Tables whose rows are items; tables of one shape (a report per table) are one family."""
    by_shape: dict[tuple[object, ...], Family] = {}
    for position, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        reading = read_table(block)
        rows = [r for r in reading.rows if r.title]
        if reading.numbered:
            rows = _main_series([r for r in rows if r.number is not None])
        elif not reading.timed:
            continue  # plain rows: only under an introducing line (see _line_families)
        rows = [r for r in rows if not _excluded(title_text(r)) and len(title_text(r)) <= 300]
        if not rows:
            continue
        strength = 2.5 if reading.numbered else 2.0
        family = by_shape.setdefault(reading.shape, Family("rows", [], strength=strength))
        family.tables[position] = reading
        for row in rows:
            text = title_text(row)
            if reading.numbered and row.title_cell is not None and (found := marker(text)) is not None:
                text = found.rest if found.kind in ("number", "roman", "section", "word") else text
            family.heads.append(Head(position, row.title[0], row.number, text, row=row.position))
    return [family for family in by_shape.values() if len(family.heads) >= 2]


def _main_series(rows: list[Row]) -> list[Row]:
    """The rows numbered in the table's main series: ``PS 12/23`` cases, not the ``RS 1/23``
    documents for information listed under one of them."""
    series = Counter(_series(row.label) for row in rows)
    if len(series) < 2:
        return rows
    main = series.most_common(1)[0][0]
    return [row for row in rows if _series(row.label) == main]


def _series(label: str) -> str:
    """The letters before a number's digits: ``PS`` of ``PS 12/23`` (none for ``3`` or ``IV``)."""
    match = re.match(r"^\s*([^\W\d_]+)\s*\d", label)
    return match[1].upper() if match else ""


def _line_families(blocks: list[Block], paragraphs: list[tuple[int, Para]]) -> list[Family]:
    """Plain lines (or a table's plain rows) right under a line that introduces the agenda. A
    ``Dagsorden`` at the very top names the document (the title and the header follow it)."""
    families = []
    for order, (position, para) in enumerate(paragraphs):
        if order < 2 or not _introduces(_text(para)):
            continue
        heads: list[Head] = []
        for index in range(position + 1, min(len(blocks), position + 80)):
            block = blocks[index]
            if isinstance(block, Table):
                if heads:
                    break
                reading = read_table(block)
                rows = [r for r in reading.rows if r.title and not _excluded(title_text(r))]
                if len(rows) >= 2:
                    family = Family("rows plain", [], strength=1.5)
                    family.tables[index] = reading
                    family.heads = [
                        Head(index, r.title[0], r.number, title_text(r), row=r.position) for r in rows
                    ]
                    families.append(family)
                break
            text = _text(block)
            if not text:
                continue
            if block.heading or (label_of(text) is not None and not heads) or block.listing is not None:
                if heads:
                    break
                continue
            if _excluded(text) or len(text) > 200 or marker(text) is not None or starts_with_date(text):
                break
            if _sentence(text) or (block.bold and heads and not heads[-1].para.bold):
                break  # "Sakspapirer til sak 3 og 4 er vedlagt.", a bold label of what comes next
            heads.append(Head(index, block, None, text, explain=True))
        if len(heads) >= 2:
            families.append(Family("lines", heads, strength=1.0))
    return families


def _sentence(text: str) -> bool:
    """A line of prose rather than an item's title: it goes on after a full stop, or ends in one
    after many words."""
    return bool(re.search(r"[.!?]\s+[A-ZÆØÅÄÖ]", text)) or (text.endswith(".") and len(text.split()) > 10)


def _longest_rising(heads: list[Head]) -> list[Head]:
    """The longest stretch numbered upwards (a bold ``2. møde i …`` title above item 1 is no
    item); unnumbered heads stay with the stretch they stand in."""
    runs: list[list[Head]] = []
    last = 0
    for head in heads:
        if head.number is None:
            if runs:
                runs[-1].append(head)
            continue
        if runs and head.number == last and _goes_on(head, runs[-1]):
            continue  # "6. Høringssvar … (fortsat)": the item goes on (the reader says so)
        if runs and head.number > last:
            runs[-1].append(head)
        else:
            runs.append([head])
        last = head.number
    return max(runs, key=lambda run: sum(h.number is not None for h in run)) if runs else []


_GOES_ON = re.compile(
    r"\((?:fortsat|forts\.?|fortsettelse|fortsättning|continued|cont\.?|continuación)\)", re.I
)


def _goes_on(head: Head, run: list[Head]) -> bool:
    """A head that repeats the number before it as a continuation of that item."""
    numbered = [h for h in run if h.number is not None]
    same = bool(numbered) and _fold(numbered[-1].text)[:20] == _fold(head.text)[:20]
    return bool(_GOES_ON.search(head.text)) or same


# -- evidence -----------------------------------------------------------------------------
def _introduces(text: str) -> bool:
    return len(text) <= 80 and bool(_INTRO.match(text.strip()))


def _before(blocks: list[Block], head: Head, skip: set[int] | None = None) -> Iterable[tuple[Para, str]]:
    """The paragraphs (and their lines) before a head, nearest first; in its table first when
    it is a row (but for the rows in ``skip``: the table's column names)."""
    if head.row is not None:
        table = blocks[head.position]
        assert isinstance(table, Table)
        for number, row in reversed(list(enumerate(table.rows[: head.row]))):
            if skip and number in skip:
                continue
            for cell in reversed(row):
                for para in reversed(cell.paragraphs()):
                    if para.text.strip():
                        yield para, normalize(para.text)
    for index in range(head.position - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, Table):
            for para in reversed(block.paragraphs()):
                if para.text.strip():
                    yield para, normalize(para.text)
            continue
        for line in reversed(block.text.split("\n")):
            if line.strip():
                yield block, normalize(line)


def _intro_of(blocks: list[Block], head: Head, family: Family | None = None) -> str:
    """``agenda`` when a line right before ``head`` introduces the agenda; ``after`` when the line
    just before it introduces what follows an agenda (``Action items:``) or details (``In this
    talk, David will show how to:``); else empty. An earlier head of the family ends the search."""
    own = {id(h.para) for h in family.heads} if family is not None else set()
    reading = family.tables.get(head.position) if family is not None and head.row is not None else None
    names = reading.header_rows if reading is not None else None
    for seen, (para, text) in enumerate(_before(blocks, head, names)):
        if seen >= _WINDOW or len(text) > 120 or id(para) in own:
            break
        if _introduces(text):
            return "agenda"
        if seen == 0 and (_AFTER_MATTER.match(text) or (text.endswith(":") and _detail_intro(text))):
            return "after"
        if (
            seen == 0
            and text.endswith(":")
            and family is not None
            and family.kind.startswith(("list bullet", "typed bullet"))
        ):
            return "after"  # "Praktisk information:" over bullets: details of that, not the agenda
        if para.heading:
            break  # a heading of its own stands between
    return ""


def _detail_intro(text: str) -> bool:
    """``In this talk, David will show a demo on how to:``: a sentence that ends in a colon
    introduces details, not the agenda."""
    return len(text.split()) >= 4 or text.lower().startswith(("things", "det indstilles", "herunder"))


def _cut_after_matter(blocks: list[Block], family: Family) -> None:
    """Heads that follow ``Action items:`` (up to the next introducing line) are no items.
    Headings and numbered lines head items whatever stands before them."""
    if family.kind.startswith(("heading", "bold")):
        family.introduced = _intro_of(blocks, family.heads[0], family) == "agenda"
        return
    kept: list[Head] = []
    cut = False
    previous: Head | None = None
    for head in family.heads:
        fresh = previous is None or _gap(blocks, previous, head)
        if fresh:
            intro = _intro_of(blocks, head, family)
            if intro == "after":
                cut = True
            elif intro == "agenda":
                cut = False
        if not cut:
            kept.append(head)
        previous = head
    family.heads = kept
    family.introduced = bool(kept) and _intro_of(blocks, kept[0], family) == "agenda"


def _gap(blocks: list[Block], previous: Head, head: Head) -> bool:
    """Something other than the previous head's own lines stands between two heads."""
    if previous.position == head.position:
        return False
    between = blocks[previous.position + 1 : head.position]
    return any(
        isinstance(b, Para) and b.text.strip() and (b.bold or b.heading or _text(b).endswith(":"))
        for b in between
    )


def _score(blocks: list[Block], family: Family) -> float:
    heads = family.heads
    score = family.strength + math.log2(len(heads) + 1)
    if family.introduced:
        score += 4.0
    numbers = [h.number for h in heads if h.number is not None]
    if len(numbers) >= 2 and sum(b > a for a, b in pairwise(numbers)) >= len(numbers) // 2:
        score += 1.0
    long = sum(1 for h in heads if len(h.text) > 150 and not h.explain)
    score -= 3.0 * long / len(heads)
    if len(heads) == 1:
        score -= 2.0
    return score


def _choose(blocks: list[Block], families: list[Family]) -> Family:
    """The family with the best evidence, after details and overviews give way."""
    ranked = sorted(families, key=lambda f: f.score, reverse=True)
    for family in ranked:
        beaten = False
        for other in ranked:
            if other is family or not other.heads:
                continue
            if _inside(family, other) and not _agenda_in_a_section(family, other):
                beaten = True  # the points of a recommendation, a speaker's list
                break
            if _overview(family, other):
                beaten = True
                break
        if not beaten:
            return family
    return ranked[0]


def _spans(family: Family) -> list[tuple[int, int]]:
    """Where each item of the family begins, as (block, row) for ordering."""
    return [(h.position, h.row if h.row is not None else -1) for h in family.heads]


def _inside(inner: Family, outer: Family) -> bool:
    """Every head of ``inner`` lies within the items of ``outer`` (after its first head); an
    overview of ``inner``'s items at the top holds nothing of them."""
    if inner is outer or (inner.introduced and not outer.introduced) or _overview(outer, inner):
        return False
    if outer.score < inner.score - 3.0:
        return False
    outer_spans = _spans(outer)
    first, own = outer_spans[0], set(outer_spans)
    inner_spans = _spans(inner)
    return all(span > first and span not in own for span in inner_spans)


def _agenda_in_a_section(inner: Family, outer: Family) -> bool:
    """All of ``inner`` stands in one item of ``outer`` and it is much longer: ``outer`` is the
    document's sections (``1. Agenda``, ``2. Deadlines``) and ``inner`` the agenda."""
    outer_spans = _spans(outer)
    inner_spans = _spans(inner)
    slots = {sum(1 for o in outer_spans if o < span) for span in inner_spans}
    return len(slots) == 1 and len(inner.heads) >= 2 * len(outer.heads) and not outer.introduced


def _overview(first: Family, later: Family) -> bool:
    """``first`` lists the titles of ``later``'s items before them: an overview at the top."""
    if _spans(first)[-1] >= _spans(later)[0] or len(later.heads) < 2:
        return False
    titles = {_fold(h.text) for h in later.heads}
    repeated = sum(1 for h in first.heads if _fold(h.text) in titles)
    return repeated * 2 >= len(first.heads)


def _fold(text: str) -> str:
    """A title as an overview and its item are compared: a typed table of contents' page number
    (``Godkendelse af dagsorden⇥3``) aside."""
    return _PAGE_NUMBER.sub("", split_title(normalize(text))[0]).casefold()


_PAGE_NUMBER = re.compile(r"\s+\d{1,3}$")


# -- the chosen family as a layout --------------------------------------------------------
def _layout(blocks: list[Block], family: Family) -> Agenda:
    """The blocks with the family's tables written out, and its heads as ``Heading``s."""
    loose: list[Para] = []
    rows_at: dict[int, set[int]] = {}
    for head in family.heads:
        if head.row is not None:
            rows_at.setdefault(head.position, set()).add(head.row)
    out: list[Block] = []
    headings: list[Heading] = []
    by_para: dict[int, Head] = {id(h.para): h for h in family.heads if h.row is None}
    for position, block in enumerate(blocks):
        if position in rows_at:
            reading = family.tables.get(position) or read_table(block)  # type: ignore[arg-type]
            written = write_out(reading, rows_at[position])
            by_row = {h.row: h for h in family.heads if h.position == position}
            start = len(out)
            out += written.paragraphs
            loose += written.loose
            for head_para, row in written.heads:
                offset = next(i for i, p in enumerate(written.paragraphs) if p is head_para)
                headings.append(_heading(start + offset, head_para, by_row[row.position]))
            continue
        out.append(block)
        own = by_para.get(id(block))
        if own is not None and isinstance(block, Para):
            headings.append(_heading(len(out) - 1, block, own))
    headings.sort(key=lambda h: h.position)
    return Agenda(out, Layout(headings, family.level), loose)


def _heading(position: int, para: Para, head: Head) -> Heading:
    title = clean_title(head.text, explain=head.explain)
    spill = " ".join(part for part in (head.reference, title.spill) if part)
    below = 1 if head.reference else 0
    return Heading(
        position, para, head.number, title.text, spill=spill, presenter=title.presenter, below=below
    )
