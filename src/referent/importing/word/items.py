"""Which paragraphs of a Word agenda are the items' headings.

Agendas head their items in three ways, tried in this order:

1. **Headings** (any heading style or outline level) that carry an item number, typed
   (``1.``, ``1)``, ``Punkt 1``) or made by Word's automatic numbering. The level with
   the most numbered headings is the items' level.
2. **Bold paragraphs** that start with an item number, numbered 1, 2, 3 … in order.
3. **Headings without numbers** (``Godkendelse af dagsorden`` in Heading 2), at the
   highest level used more than once; or, failing all, the paragraphs of one numbered
   list with text between them (an agenda that is a plain numbered list of items).

An agenda that is a table, one row per item, is first written out as such paragraphs
(``tables.rows_as_items``).

Section labels (``Sagsfremstilling``, ``Indstilling``, ``Bilag`` …), a document's own
``Dagsorden``/``Referat`` and header lines are never items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from referent.importing.word.danishtext import item_number
from referent.importing.word.dates import normalize
from referent.importing.word.document import Block, Para
from referent.importing.word.header import is_kind_word, label_of
from referent.importing.word.markdown import typed_marker
from referent.importing.word.sections import section_label


@dataclass(frozen=True)
class Heading:
    """An item heading: the paragraph, the number it shows (if any) and the rest of its text."""

    position: int
    """Index into the document's top-level blocks."""
    para: Para
    number: int | None
    text: str


@dataclass(frozen=True)
class Layout:
    headings: list[Heading]
    level: int | None
    """The heading level of the items, or None when they are bold paragraphs or list items."""


def _candidate(para: Para) -> tuple[int | None, str] | None:
    """(number, text) of a paragraph that could head an item; None for labels and the like."""
    if para.in_table or not (para.heading or _starts_bold(para)):
        return None  # items are headed by headings or bold paragraphs (lists: see _numbered_list)
    text = normalize(para.text)
    if len(text) > 300 or not any(ch.isalnum() for ch in text):
        return None
    listed = para.listing is not None and para.listing.ordered
    number, rest = (para.listing.number, text) if listed else item_number(text)  # type: ignore[union-attr]
    if number is None and not para.heading:
        return None  # only headings may go without a number
    if number is not None and not rest.strip():
        return None
    label = label_of(text)
    if label is not None and (label[1] or label[0] != "next"):
        return None  # a header line in a heading style; "Næste møde" alone may be an item
    if section_label(para) is not None or is_kind_word(text) or divider(text):
        return None
    return number, rest


_CLOSED_PART = re.compile(
    r"^(?:(?:lukkede?|fortrolige?)\s+(?:punkter|dagsordenspunkter|sager|del|møde|dagsorden)"
    r"|lukket\s+møde|for\s+lukkede\s+døre)\s*:?$",
    re.IGNORECASE,
)
_OPEN_PART = re.compile(
    r"^(?:åbne?|åbent|offentlige?)\s+(?:punkter|dagsordenspunkter|sager|del|møde|dagsorden)\s*:?$",
    re.IGNORECASE,
)


def divider(text: str) -> str | None:
    """``closed`` for ``Lukkede punkter``/``Lukket møde``, ``open`` for ``Åbne punkter``: a heading
    that divides the items rather than being one."""
    if _CLOSED_PART.match(text):
        return "closed"
    return "open" if _OPEN_PART.match(text) else None


def _increasing(numbers: list[int]) -> bool:
    return all(b > a for a, b in pairwise(numbers))


def _longest_run(headings: list[Heading]) -> list[Heading]:
    """The longest stretch numbered upwards: a bold ``2. møde i …`` title above item 1 is no item."""
    runs: list[list[Heading]] = []
    for heading in headings:
        if runs and (heading.number or 0) > (runs[-1][-1].number or 0):
            runs[-1].append(heading)
        else:
            runs.append([heading])
    return max(runs, key=len) if runs else []


def find_items(blocks: list[Block]) -> Layout | None:
    """The item headings among the top-level ``blocks``; None when there are none."""
    paragraphs = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Para)]
    candidates = {i: c for i, p in paragraphs if (c := _candidate(p)) is not None}
    by_level: dict[int, list[Heading]] = {}
    for position, para in paragraphs:
        if para.heading and position in candidates and not para.title:
            number, text = candidates[position]
            by_level.setdefault(para.heading, []).append(Heading(position, para, number, text))
    numbered_levels = {
        level: sum(h.number is not None for h in found)
        for level, found in by_level.items()
        if any(h.number is not None for h in found)
    }
    if numbered_levels:
        level = max(numbered_levels, key=lambda lvl: (numbered_levels[lvl], -lvl))
        run = _longest_run([h for h in by_level[level] if h.number is not None])
        # an unnumbered heading at the items' level after the first item is an item too ("Eventuelt")
        others = [h for h in by_level[level] if h.number is None and h.position > run[0].position]
        return Layout(sorted(run + others, key=lambda h: h.position), level)
    bold = [
        Heading(position, para, *candidates[position])
        for position, para in paragraphs
        if position in candidates
        and candidates[position][0] is not None
        and _starts_bold(para)
        and (para.listing is None or para.listing.level == 0)
    ]
    bold_run = _longest_run(bold)
    if len(bold_run) >= 2:
        return Layout(bold_run, None)
    for level in sorted(by_level):
        if len(by_level[level]) >= 2:
            return Layout(by_level[level], level)
    if bold_run:
        return Layout(bold_run, None)
    if by_level:
        level = min(by_level)
        return Layout(by_level[level], level)
    return _numbered_list(blocks, paragraphs)


def _starts_bold(para: Para) -> bool:
    """Bold from the start for at least half the text: ``**1. Velkommen** (kl. 10.00)``."""
    visible = [s for s in para.spans if s.text.strip()]
    if not visible or not visible[0].bold:
        return False
    bold = sum(len(s.text) for s in visible if s.bold)
    return bold * 2 >= sum(len(s.text) for s in visible)


def _numbered_list(blocks: list[Block], paragraphs: list[tuple[int, Para]]) -> Layout | None:
    """An agenda written as one numbered list: its level-0 paragraphs, numbered 1, 2, 3 …"""
    lists: dict[str, list[Heading]] = {}
    for position, para in paragraphs:
        listing = para.listing
        if not para.text.strip() or para.in_table:
            continue
        if listing is not None and listing.ordered and listing.level == 0:
            lists.setdefault(listing.list_id, []).append(
                Heading(position, para, listing.number, normalize(para.text))
            )
        elif listing is None and (typed := typed_marker(para.text)) and typed.kind == "number":
            lists.setdefault("typed", []).append(Heading(position, para, typed.value, normalize(typed.rest)))
    best = [
        found
        for found in lists.values()
        if len(found) >= 2 and _increasing([h.number or 0 for h in found]) and found[0].number == 1
    ]
    if not best:
        return None
    return Layout(max(best, key=len), None)
