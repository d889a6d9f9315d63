"""Put a Word agenda together as a ``Meeting``: header, items, and a warning for every loose end."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, time

from referent.danish import format_date
from referent.importing.word.danishtext import (
    When,
    choose_year,
    iso_date,
    normalize,
    parse_when,
    split_title,
    years_in,
)
from referent.importing.word.document import Block, Para, WordDocument, load, paragraphs
from referent.importing.word.header import Header, label_of, read_header, strip_kind
from referent.importing.word.items import Layout, divider, find_items
from referent.importing.word.markdown import to_markdown
from referent.importing.word.package import check_package
from referent.importing.word.sections import ItemParts, read_sections
from referent.importing.word.tables import rows_as_items
from referent.model import Item, Meeting, Numbering, Recommendation
from referent.problems import MeetingFileError, Problem

_SIGN_OFF = re.compile(
    r"^(?:med venlig hilsen|venlig hilsen|mvh\b|underskrift|referatet er godkendt|"
    r"dato og underskrift|sign(?:ed|atur))",
    re.IGNORECASE,
)
_CLOSED_TITLE = re.compile(r"\s*\((?:lukket(?: punkt)?|closed)\)\s*$", re.IGNORECASE)
_INTRO = re.compile(r"^Det indstilles,? at\s*(?P<body>.*?)\s*:$", re.IGNORECASE)


@dataclass
class WordAgenda:
    """The meeting a Word agenda describes, and what the reader could not place in it."""

    meeting: Meeting
    warnings: list[Problem]


def parse_word_agenda(data: bytes, name: str, stem: str = "", today: date | None = None) -> WordAgenda:
    """Read a .docx's bytes; ``name`` is used in messages, ``stem`` (the file name) as a last resort."""
    data = check_package(data, name)
    try:
        document = load(data)
    except MeetingFileError:
        raise
    except Exception as error:  # python-docx, lxml, zipfile: a damaged or strange package
        raise MeetingFileError(
            name, [Problem(None, f"cannot be read as a Word document (it may be damaged): {error}")]
        ) from None
    return _Assembler(document, name, stem, today or date.today()).build()


def _quote(text: str, limit: int = 60) -> str:
    text = normalize(text)
    return f'"{text[: limit - 1]}…"' if len(text) > limit else f'"{text}"'


class _Assembler:
    def __init__(self, document: WordDocument, name: str, stem: str, today: date) -> None:
        self.document = document
        self.name = name
        self.stem = stem
        self.today = today
        self.warnings: list[Problem] = []
        self.next_meeting = ""
        self.actual_end: time | None = None
        self.closed_part = False
        """After a ``Lukkede punkter`` heading every item is closed."""

    def warn(self, message: str, paragraph: int | None = None) -> None:
        self.warnings.append(Problem(None, message, paragraph))

    def fail(self, message: str) -> MeetingFileError:
        return MeetingFileError(self.name, [Problem(None, message)])

    def build(self) -> WordAgenda:
        blocks = [b for b in self.document.blocks if not _is_contents(b)]
        if not any(_has_text(b) for b in blocks):
            raise self.fail("the document is empty")
        layout = find_items(blocks)
        loose_rows: list[Para] = []
        if layout is None and (written_out := rows_as_items(blocks)) is not None:
            blocks, loose_rows = written_out  # an agenda that is a table, one row per item
            layout = find_items(blocks)
        if layout is None:
            raise self.fail(
                "no agenda items were found; write each item as a numbered heading or bold line, "
                "e.g. '1. Godkendelse af dagsorden' (see docs/word-agenda.md)"
            )
        first = layout.headings[0].position
        titles = [split_title(h.text)[0] for h in layout.headings]
        header = read_header(blocks[:first], titles)
        title = self.title(header)
        day, start, end = self.when(header, title)
        loose = [p for p in header.unplaced if not self.divider(p)]  # "Lukket møde" closes every item
        for para in loose_rows:
            if all(para is not kept for kept in loose):
                self.warn(f"a row of the agenda table without an item number was kept in the item above: "
                          f"{_quote(para.text)}", para.index)  # fmt: skip
        items, parts_list = self.items(blocks, layout, header)
        if loose:
            for para in loose:
                self.warn(f"text before the first item was not placed: {_quote(para.text)} "
                          "(kept in item 1's case text)", para.index)  # fmt: skip
            items[0].case = _join(to_markdown(loose, layout.level), items[0].case)
        body = self.body(parts_list, header, title)
        for item in items:
            if item.recommendation.intro == f"Det indstilles, at {body}:":
                item.recommendation.intro = ""
        meeting = Meeting(
            title=title,
            date=day,
            body=body,
            start=start,
            end=end,
            location=header.location,
            chair=header.chair,
            secretary=header.secretary,
            next_meeting=self.next_meeting,
            actual_start=header.actual_start,
            actual_end=self.actual_end,
            participants=header.participants,
            guests=header.guests,
            vacant_seats=header.vacant_seats,
            items=items,
        )
        self.warnings.sort(key=lambda p: p.paragraph or 0)
        return WordAgenda(meeting, self.warnings)

    # -- header ---------------------------------------------------------------------------
    def title(self, header: Header) -> str:
        candidates = sorted(header.title_candidates, key=lambda p: (not p.title, not p.heading, p.index))
        if header.title:
            header.unplaced[:0] = candidates
            return header.title
        if candidates:
            chosen = candidates[0]
            header.unplaced[:0] = [p for p in header.title_candidates if p is not chosen]
            return strip_kind(chosen.text) or normalize(chosen.text)
        fallback, source = normalize(self.document.title), "the document's properties"
        if not fallback:
            fallback, source = normalize(self.stem) or "Dagsorden", "the file name"
        self.warn(f'no meeting title (a "Møde:" line) was found; took "{fallback}" from {source}')
        return fallback

    def when(self, header: Header, title: str) -> tuple[date, time | None, time | None]:
        values = list(header.when)
        if not any(w.has_date for w, _, _ in values):  # a plain date line in the header
            for para in list(header.unplaced):
                found = parse_when(para.text)
                if found.has_date and len(normalize(para.text)) < 80:
                    values.append((found, normalize(para.text), para.index))
                    header.unplaced.remove(para)
                    if found.rest:
                        header.leftovers.append((para, found.rest))
                    break
        dated: tuple[When, str, int | None] | None = next(
            ((w, t, i) for w, t, i in values if w.has_date), None
        )
        timed = next((w for w, _, _ in values if w.start is not None), None)
        for other, other_text, other_index in values:
            if (dated is not None and other is dated[0]) or other is timed:
                continue
            self.warn(f"a further date or time was not used: {_quote(other_text)}", other_index)
        for para, leftover in header.leftovers:
            self.warn(f"part of a date line was not understood: {_quote(leftover)}", para.index)
        start, end = (timed.start, timed.end) if timed else (None, None)
        if dated is None and (in_title := parse_when(title)).has_date:
            dated = (in_title, title, None)
        if dated is None:
            return self.fallback_date(), start, end
        when, text, index = dated
        year = when.year or self.year_for(when, text, index)
        day = when.on(year)
        if day is None:
            self.warn(f"{_quote(text)} is not a date in the calendar; took today's date instead", index)
            return self.today, start, end
        return day, start, end

    def year_for(self, when: When, text: str, index: int | None) -> int:
        """A year for ``Fredag d. 9. december``: from the document's other dates or its properties."""
        written = Counter(years_in(" ".join(p.text for p in paragraphs(self.document.blocks))))
        candidates = [year for year, _ in written.most_common()]
        for moment in (self.document.created, self.document.modified):
            if moment is not None:
                candidates.append(moment.year)
        candidates += [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", self.stem)]
        year = choose_year(when, candidates)
        if year is None:
            year = choose_year(when, [self.today.year]) or self.today.year
            self.warn(
                f"the date {_quote(text)} has no year and none was found in the document; took {year}", index
            )
        return year

    def fallback_date(self) -> date:
        day = iso_date(self.stem)
        if day is not None:
            self.warn(
                f"no meeting date was found in the document; took {format_date(day)} from the file name"
            )
            return day
        created = self.document.created
        if created is not None:
            day = created.date()
            self.warn(
                f"no meeting date was found in the document; took {format_date(day)}, when it was created"
            )
            return day
        self.warn(f"no meeting date was found in the document; took today, {format_date(self.today)}")
        return self.today

    # -- items ----------------------------------------------------------------------------
    def items(
        self, blocks: list[Block], layout: Layout, header: Header
    ) -> tuple[list[Item], list[ItemParts]]:
        items: list[Item] = []
        parts_list: list[ItemParts] = []
        headings = layout.headings
        self.next_meeting, self.actual_end = header.next_meeting, header.actual_end
        previous: int | None = None
        for index, heading in enumerate(headings):
            stop = headings[index + 1].position if index + 1 < len(headings) else len(blocks)
            own = blocks[heading.position + 1 : stop]
            after: list[Block] = []
            if index + 1 == len(headings):
                own, after = self.closing(own)
            closed_here = self.closed_part
            own = self.dividers(own, layout, index + 1)
            heading_parts = split_title(heading.text)
            _, slot, _, presenter = heading_parts
            parts = read_sections(own, has_slot=slot is not None, has_presenter=bool(presenter))
            parts.closed = parts.closed or closed_here
            item = self.item(heading_parts, parts, layout, index + 1, heading.para.index)
            for block in after:
                first = block if isinstance(block, Para) else next(iter(block.paragraphs()), None)
                text = first.text if first is not None else ""
                self.warn(f"text after the last item was not placed: {_quote(text)} "
                          f"(kept in item {index + 1}'s case text)", block.index)  # fmt: skip
            if after:
                item.case = _join(item.case, to_markdown(after, layout.level))
            if heading.number is not None and previous is not None and heading.number != previous + 1:
                self.warn(
                    f"item numbers go from {previous} to {heading.number}; "
                    f"referent numbers the items 1 to {len(headings)} in their order",
                    heading.para.index,
                )
            previous = heading.number if heading.number is not None else previous
            items.append(item)
            parts_list.append(parts)
        return items, parts_list

    def dividers(self, blocks: list[Block], layout: Layout, number: int) -> list[Block]:
        """Headings between items: ``Lukkede punkter`` closes the items after it, ``Åbne punkter``
        opens them again; any other heading above the items' level is kept and reported."""
        kept: list[Block] = []
        for block in blocks:
            if isinstance(block, Para) and block.text.strip() and block.listing is None:
                if self.divider(block):
                    continue
                if layout.level and block.heading and block.heading < layout.level:
                    self.warn(
                        f"a heading above the items' level was kept in item {number}'s case text: "
                        f"{_quote(block.text)}",
                        block.index,
                    )
            kept.append(block)
        return kept

    def divider(self, para: Para) -> bool:
        text = normalize(para.text)
        if len(text) > 60 or not (para.heading or para.bold):
            return False
        kind = divider(text)
        if kind is not None:
            self.closed_part = kind == "closed"
        return kind is not None

    def item(
        self,
        heading: tuple[str, time | None, time | None, str],
        parts: ItemParts,
        layout: Layout,
        number: int,
        index: int,
    ) -> Item:
        """The item under a heading (its ``split_title``) with what its sections say."""
        title, start, end, presenter = heading
        closed = parts.closed
        if _CLOSED_TITLE.search(title):
            title, closed = _CLOSED_TITLE.sub("", title), True
        if title.lower().startswith(("lukket punkt", "lukket:")):
            closed = True
        if not title:
            title = f"Punkt {number}"
            self.warn(f"item {number} has no title; called it {title!r}", index)
        for where_index, where, moved in parts.moved:
            label = "recommendation" if where == "recommendation" else "attachments"
            self.warn(f"text after item {number}'s {label} was put into its case text: {_quote(moved)}",
                      where_index)  # fmt: skip
        return Item(
            title=title,
            start=start or parts.start,
            end=end if start else parts.end,
            presenter=presenter or parts.presenter,
            case=to_markdown(parts.case, layout.level),
            recommendation=Recommendation(
                points=parts.points,
                intro=parts.intro,
                # lettered points stay lettered; numbers or bullets are the house style's choice
                numbering=Numbering.LETTERS if parts.letters else None,
                short=parts.short,
                outcomes=[None] * len(parts.points),
            ),
            attachments=parts.attachments,
            parts=parts.order,
            closed=closed,
            minutes=to_markdown(parts.minutes, layout.level),
        )

    def closing(self, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
        """The last item's own blocks, and what follows its end (``Næste møde: …``, a signature).

        ``Næste møde`` and ``Mødet afsluttet`` lines are read into the meeting; the rest of
        what follows is returned to be kept and warned about.
        """
        end = next((i for i, b in enumerate(blocks) if self.ends_item(b)), None)
        if end is None:
            return blocks, []
        loose: list[Block] = []
        waiting = ""  # a label on a line of its own: its value is the next line
        for block in blocks[end:]:
            if not _has_text(block):
                continue
            if isinstance(block, Para):
                text = normalize(block.text)
                label = label_of(text) if len(text) < 150 else None
                if waiting and label is None and self.closing_value(waiting, text):
                    waiting = ""
                    continue
                waiting = ""
                if label is not None and label[0] in ("next", "ended"):
                    if not label[1]:
                        waiting = label[0]
                        continue
                    if self.closing_value(label[0], label[1]):
                        continue
            loose.append(block)
        return blocks[:end], loose

    def ends_item(self, block: Block) -> bool:
        if not isinstance(block, Para) or block.listing is not None:
            return False
        text = normalize(block.text)
        label = label_of(text) if len(text) < 150 else None
        if label is not None and label[0] in ("next", "ended"):
            return bool(label[1] or block.bold or block.heading)
        return bool(_SIGN_OFF.match(text))

    def closing_value(self, field: str, value: str) -> bool:
        if field == "next":
            if self.next_meeting:
                return False  # a second one is kept as text
            self.next_meeting = value
            return True
        moment = parse_when(value).start
        if moment is None or self.actual_end is not None:
            return False
        self.actual_end = moment
        return True

    def body(self, parts_list: list[ItemParts], header: Header, title: str) -> str:
        """Whom the recommendations address: the ``X`` of the most used ``Det indstilles, at X:``."""
        found = Counter(m["body"] for p in parts_list if (m := _INTRO.match(p.intro)))
        if found:
            return found.most_common(1)[0][0]
        return header.body or title


def _has_text(block: Block) -> bool:
    if isinstance(block, Para):
        return bool(block.text.strip())
    return any(p.text.strip() for p in block.paragraphs())


def _is_contents(block: Block) -> bool:
    """A paragraph of Word's generated table of contents (styles ``toc 1`` …)."""
    return isinstance(block, Para) and block.style.lower().startswith(("toc ", "indholdsfortegnelse"))


def _join(first: str, second: str) -> str:
    parts = [p.strip("\n") for p in (first, second) if p.strip()]
    return "\n\n".join(parts) + "\n" if parts else ""
