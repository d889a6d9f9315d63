"""Documents that hold several meetings: a running log, a year's minutes, agenda and minutes one
after the other.

A meeting begins where its own header begins. Two things show that one file holds several:

- the header's date label comes back with other dates (``Date: 23 January, 2012`` … ``Date:
  1 February, 2012``; ``Dato:`` or ``Date/Location:``, on a line of its own or inside a
  paragraph of lines);
- alike heads that are dates, or start with one (``20231203 CAG``, ``26/05/2017`` as the top
  level of a list), with different dates — unless they are the days of one event (``Day 1:
  Monday …``, ``Dag 2``).

``split_meetings`` returns where each meeting begins (an index into the top-level blocks) and
the date it names; a document of one meeting gives one part. Parts with the same date (an
agenda and its minutes) are one meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from referent.dates import When, has_date, normalize, parse_when, starts_with_date
from referent.importing.word.document import Block, Para
from referent.importing.word.header import is_kind_word, label_of
from referent.importing.word.markers import marker

_DAY_LABEL = re.compile(r"^(?:day|dag|dia|día|tag|päivä)\s*\d{1,2}\b", re.IGNORECASE)
_DATE_LABELS = re.compile(
    r"^(?:date|dato|datum|fecha|mødedato|møtedato|mötesdatum|date/location|date/time|dato/sted|"
    r"dato og tid|tid og sted|date and time|date & time)\s*[:\t]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Part:
    """One meeting of several: where it begins and the date its header names."""

    start: int
    """Index of its first block among the document's top-level blocks."""
    when: When | None
    """The date the part's header names (``None`` when its date label is empty)."""
    label: str
    """The line that names it: its title line or the line with its date."""

    def day(self) -> tuple[int, int, int | None] | None:
        if self.when is None or not self.when.has_date:
            return None
        return (self.when.day or 0, self.when.month or 0, self.when.year)


def _lines(block: Block) -> list[str]:
    return block.lines if isinstance(block, Para) else []


def _date_labels(blocks: list[Block]) -> list[tuple[int, When | None, str]]:
    """Every header date label at the top level: (block, the date it gives, the line)."""
    found = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Para) or block.in_table or block.listing is not None:
            continue
        for line in _lines(block)[:8]:
            labelled = bool(_DATE_LABELS.match(line))
            if labelled or (label_of(line) or ("", ""))[0] in ("when", "when_where"):
                when = parse_when(line.split(":", 1)[1] if ":" in line else line)
                if when.has_date or (labelled and not when.rest and when.start is None):
                    found.append((index, when if when.has_date else None, line))
                    break
    return found


def _dated_heads(blocks: list[Block]) -> list[tuple[int, When, str]]:
    """Alike heads (bold lines, headings, a list's top level) that begin with a date."""
    groups: dict[str, list[tuple[int, When, str]]] = {}
    for index, block in enumerate(blocks):
        if not isinstance(block, Para) or block.in_table:
            continue
        lines = _lines(block)
        if not lines or len(lines[0]) > 80 or _DAY_LABEL.match(lines[0]):
            continue
        if not has_date(lines[0]):
            continue
        when = parse_when(lines[0])
        if when.year is None or not starts_with_date(lines[0]):
            continue
        if block.listing is not None:
            key = f"list {block.listing.list_id} {block.listing.level}"
        elif block.heading:
            key = f"heading {block.heading}"
        else:
            key = "bold" if block.bold else "plain"
        groups.setdefault(key, []).append((index, when, lines[0]))
    best = max(groups.values(), key=len, default=[])
    return best if len({(w.day, w.month, w.year) for _, w, _ in best}) >= 2 else []


_HEADER_FIELDS = {"when", "when_where", "location", "participants", "absent", "guests", "chair", "secretary",
                  "started"}  # fmt: skip


def _header_clusters(blocks: list[Block]) -> list[tuple[int, set[str], When | None]]:
    """Runs of header lines (a title, ``Sted:``, ``Til stede:`` and the names under it,
    ``Närvarande:``, ``Asistentes:``) that name two kinds of header field or more: (the first
    label's block, the kinds, the date they give). A run ends at an item: a list paragraph, a
    numbered line, a heading below the top level, prose, a table."""
    clusters: list[tuple[int, set[str], When | None]] = []
    first: int | None = None
    kinds: set[str] = set()
    found: When | None = None

    def close() -> None:
        if first is not None and len(kinds) >= 2:
            clusters.append((first, set(kinds), found))

    for index, block in enumerate(blocks):
        lines = _lines(block)
        if isinstance(block, Para) and not lines:
            continue
        if not _header_like(block, lines):
            close()
            first, kinds, found = None, set(), None
            continue
        for line in lines[:8]:
            label = label_of(line)
            if label is None or label[0] not in _HEADER_FIELDS:
                continue
            first = index if first is None else first
            kinds.add(label[0])
            if label[0] in ("when", "when_where") and label[1] and found is None:
                when = parse_when(label[1])
                found = when if when.has_date else None
    close()
    return clusters


def _header_like(block: Block, lines: list[str]) -> bool:
    if not isinstance(block, Para) or block.in_table or block.listing is not None:
        return False
    text = lines[0]
    found = marker(text)
    numbered = found is not None and found.kind not in ("time", "bullet")
    return (
        not numbered
        and not (block.heading is not None and block.heading > 1)
        and (len(lines) > 1 or len(text) <= 160)
    )


def split_meetings(blocks: list[Block]) -> list[Part]:
    """Where each meeting in ``blocks`` begins; one part for a document of one meeting."""
    clusters = [c for c in _header_clusters(blocks) if _followed(blocks, c[0])]
    if len(clusters) >= 2 and _apart(blocks, [first for first, _, _ in clusters]):
        parts = []
        floor = 0
        for first, _, when in clusters:
            start = _header_start(blocks, first, floor)
            parts.append(Part(start, when or _date_near(blocks, start, first), ""))
            floor = first + 1
        merged = _merged(_titled(blocks, parts))
        if sum(part.day() is not None for part in merged) >= 2:
            return merged
        return [Part(0, None, "")]  # headers again without dates: nothing to choose a meeting by
    labels = _date_labels(blocks)
    dates = {(w.day, w.month, w.year) for _, w, _ in labels if w is not None}
    if (
        len(labels) >= 2
        and (len(dates) >= 2 or len(labels) >= 3)
        and _apart(blocks, [i for i, _, _ in labels])
    ):
        parts = [
            Part(_header_start(blocks, index, floor), when, line)
            for index, when, line, floor in _with_floors(labels)
        ]
        return _merged(_titled(blocks, parts))
    heads = _dated_heads(blocks)
    if len(heads) >= 2:
        return _merged([Part(index, when, line) for index, when, line in heads])
    titles = _dated_titles(blocks)
    if len(titles) >= 2:
        parts = [
            Part(_header_start(blocks, index, floor), when, line)
            for index, when, line, floor in _with_floors(titles)
        ]
        merged = _merged(parts)
        if len(merged) >= 2:
            return merged
    return [Part(0, None, "")]


_MEETING_NAME = re.compile(
    r"møde|møte|möte|meeting|minutes|agenda|dagsorden|referat|protokol|sitzung|niederschrift|"
    r"sammanträde|reuni[oó]n|acta|notulen|vergadering|session|sesión",
    re.IGNORECASE,
)
"""A title line that names a meeting (``Bestyrelsesmøde``, ``Vorstandssitzung``, ``Møte 2``)."""


def _dated_titles(blocks: list[Block]) -> list[tuple[int, When | None, str]]:
    """Alike title lines that name a meeting and its date (``Bestyrelsesmøde 12. februar 2024``,
    ``Protokoll der Vorstandssitzung vom 08.01.2024``, ``Møte 2 – 7. november 2023``), each
    followed by items of its own whose numbers start again: several meetings. Dated section
    headings inside one agenda's items (``Beslutning i Byrådet den 20. maj 2021``) are not: the
    items between them go on counting."""
    from referent.importing.word.agenda import find_agenda

    groups: dict[str, list[tuple[int, When | None, str]]] = {}
    for index, block in enumerate(blocks):
        if not isinstance(block, Para) or block.in_table or block.listing is not None:
            continue
        lines = _lines(block)
        if not lines or len(lines[0]) > 120 or not (block.bold or block.heading or block.title):
            continue
        found = marker(lines[0])
        if found is not None and found.kind not in ("time", "bullet"):
            continue
        if not has_date(lines[0]) or not _MEETING_NAME.search(lines[0]):
            continue
        when = parse_when(lines[0])
        key = f"heading {block.heading}" if block.heading else "bold"
        groups.setdefault(key, []).append((index, when, lines[0]))
    best = max(groups.values(), key=len, default=[])
    if len({(w.day, w.month, w.year) for _, w, _ in best if w is not None}) < 2:
        return []
    starts = [index for index, _, _ in best] + [len(blocks)]
    restarting = 0
    for start, end in pairwise(starts):
        agenda = find_agenda(blocks[start + 1 : end])
        if agenda is None:
            continue
        numbers = [h.number for h in agenda.layout.headings if h.number is not None]
        if not numbers or numbers[0] == 1:
            restarting += 1
    return best if restarting >= 2 and restarting * 2 >= len(best) else []


def _followed(blocks: list[Block], index: int) -> bool:
    """Something of substance follows a header (a meeting's items): not the ``Næste møde`` lines
    at the end of a document."""
    after = [b for b in blocks[index + 1 : index + 40] if not isinstance(b, Para) or b.text.strip()]
    return len(after) >= 3


def _date_near(blocks: list[Block], start: int, first: int) -> When | None:
    """The date a meeting's header names outside a date label: ``Bestyrelsesmøde 16/3/16``,
    ``Reunión … celebrada el 12 de enero de 2022``, ``Styrelsemöte 2022-01-18``."""
    for block in blocks[start : first + 4]:
        for line in _lines(block)[:3]:
            if not has_date(line):
                continue
            when = parse_when(line)
            if when.year is not None and len(line) <= 120:
                return when
    return None


def _with_floors(
    labels: list[tuple[int, When | None, str]],
) -> list[tuple[int, When | None, str, int]]:
    """Each label with the block after the previous label: a header never reaches back past it."""
    out, floor = [], 0
    for index, when, line in labels:
        out.append((index, when, line, floor))
        floor = index + 1
    return out


def _apart(blocks: list[Block], indexes: list[int]) -> bool:
    """Something of substance (a list, several paragraphs) stands between consecutive labels."""
    for first, second in pairwise(indexes):
        between = [b for b in blocks[first + 1 : second] if isinstance(b, Para) and b.text.strip()]
        if len(between) < 2 and not any(not isinstance(b, Para) for b in blocks[first + 1 : second]):
            return False
    return True


def _header_start(blocks: list[Block], index: int, floor: int) -> int:
    """The first block of the header the line at ``index`` belongs to: back over the short lines
    above it, to the earliest title-like one among them (``Minutes of Meeting # 2``, ``Team
    Members`` and its names, ``Styrelsemöte 2022-03-15``); never into the items above (a list, a
    numbered line, a heading below the top level, prose)."""
    zone: list[int] = []
    for position in range(index - 1, floor - 1, -1):
        block = blocks[position]
        if not isinstance(block, Para):
            break
        text = normalize(block.text)
        if not text:
            continue
        numbered = marker(text) is not None and marker(text).kind != "time"  # type: ignore[union-attr]
        deep = block.heading is not None and block.heading > 1
        if block.listing is not None or numbered or deep or len(text) > 90:
            break
        zone.append(position)
    titled = [p for p in zone if _title_like(blocks[p])]
    return min(titled) if titled else index


def _title_like(block: Block) -> bool:
    return isinstance(block, Para) and bool(block.bold or block.heading or block.title or (_lines(block) and
                                            is_kind_word(_lines(block)[0])))  # fmt: skip


def _titled(blocks: list[Block], parts: list[Part]) -> list[Part]:
    """Each part named by the last title-like line of its header before its labels
    (``Bestyrelsesmøde 16/3/16``, ``Minutes of Meeting # 2``), else by the line with its date."""
    named = []
    for part in parts:
        label = part.label
        for block in blocks[part.start : part.start + 8]:
            lines = _lines(block)
            if not lines:
                continue
            if _DATE_LABELS.match(lines[0]) or label_of(lines[0]) is not None:
                break
            if _title_like(block):
                label = " ".join(lines[:2]) if is_kind_word(lines[0]) and len(lines) > 1 else lines[0]
        named.append(Part(part.start, part.when, label))
    return named


def _merged(parts: list[Part]) -> list[Part]:
    """Consecutive parts with the same date are one meeting (its agenda, then its minutes)."""
    out: list[Part] = []
    for part in parts:
        if out and part.day() is not None and part.day() == out[-1].day():
            continue
        out.append(part)
    return out


def part_date(part: Part, year: int | None = None) -> date | None:
    """The part's date, the year supplied when its line leaves it out."""
    if part.when is None:
        return None
    return part.when.on(part.when.year or year or 0) if (part.when.year or year) else None
