"""Put a Word agenda together as a ``Meeting``: header, items, and a warning for every loose end."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from referent.dates import (
    WEEKDAY_NAMES,
    When,
    choose_year,
    has_date,
    iso_date,
    normalize,
    parse_when,
    years_in,
)
from referent.export.blocks import Span
from referent.i18n import phrase
from referent.importing.word.agenda import Agenda, find_agenda
from referent.importing.word.corrections import Corrections, Mark, Placed, Role, paragraph_key
from referent.importing.word.danishtext import split_title
from referent.importing.word.document import Block, Cell, Para, Table, WordDocument, load, paragraphs
from referent.importing.word.header import Header, label_of, read_header, strip_kind
from referent.importing.word.items import Heading, Layout, divider
from referent.importing.word.markdown import to_markdown
from referent.importing.word.markers import marker
from referent.importing.word.meetings import Part, split_meetings
from referent.importing.word.sections import ItemParts, read_sections
from referent.model import Item, Meeting, Numbering, Recommendation
from referent.problems import MeetingChoice, MeetingFileError, Problem, SeveralMeetings

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
    placed: list[Placed] = field(default_factory=list)
    """Every paragraph with text, and what the reading made of it (the correction screen's list)."""
    stale: list[Mark] = field(default_factory=list)
    """Corrections whose paragraph the document no longer has (not applied)."""
    meetings: int = 1
    """How many meetings the document holds (this is one of them)."""


def parse_word_agenda(
    data: bytes,
    name: str,
    stem: str = "",
    today: date | None = None,
    meeting: int | None = None,
    corrections: Corrections | None = None,
    whole_when_none: bool = False,
) -> WordAgenda:
    """Read a .docx's bytes; ``name`` is used in messages, ``stem`` (the file name) as a last resort.
    A document that holds several meetings is read only with ``meeting`` (1-based) saying which;
    without it, ``SeveralMeetings`` lists them. ``corrections`` are the secretary's, applied.
    A document in which no item is found is refused, or with ``whole_when_none`` (a draft is
    made of it, whose items the secretary marks on the correction screen) read as one item."""
    corrections = corrections or Corrections()
    meeting = meeting or corrections.meeting
    try:
        document = load(data, name)
    except MeetingFileError:
        raise
    except Exception as error:  # lxml, zipfile: a damaged or strange package
        raise MeetingFileError(
            name,
            [
                Problem(
                    None,
                    phrase("cannot be read as a Word document (it may be damaged): {error}", error=error),
                )
            ],
        ) from None
    blocks = [b for b in document.blocks if not _is_contents(b)]
    parts = split_meetings(blocks)
    if len(parts) == 1:
        return _Assembler(document, name, stem, today or date.today(), corrections, whole_when_none).build(
            blocks
        )
    ends = [later.start for later in parts[1:]] + [len(blocks)]
    ranges = [(part, blocks[part.start : end]) for part, end in zip(parts, ends, strict=True)]
    if meeting is None:
        raise SeveralMeetings(
            name, [_choice(number, part, own) for number, (part, own) in enumerate(ranges, 1)]
        )
    if not 1 <= meeting <= len(parts):
        raise MeetingFileError(
            name,
            [
                Problem(
                    None,
                    phrase(
                        "there is no meeting {meeting}: the file holds {count}",
                        meeting=meeting,
                        count=len(parts),
                    ),
                )
            ],
        )
    part, own = ranges[meeting - 1]
    agenda = _Assembler(document, name, stem, today or date.today(), corrections, whole_when_none).build(own)
    agenda.meetings = len(parts)
    first = own[0]
    agenda.warnings.insert(
        0,
        Problem(
            None,
            phrase(
                "the file holds {count} meetings; read meeting {meeting}: {label}",
                count=len(parts),
                meeting=meeting,
                label=_quote(part.label),
            ),
            first.index,
        ),
    )
    return agenda


def _choice(number: int, part: Part, blocks: list[Block]) -> MeetingChoice:
    """How a meeting of a file with several is listed: its date, its name, its first item."""
    found = find_agenda(blocks)
    first = found.layout.headings[0].text if found is not None and found.layout.headings else ""
    when = part.when
    day = ""
    if when is not None and when.has_date:
        day = f"{when.day}.{when.month}." + (f"{when.year}" if when.year else "")
    return MeetingChoice(number, day, normalize(part.label)[:70], normalize(first)[:60])


def _quote(text: str, limit: int = 60) -> str:
    text = normalize(text)
    return f'"{text[: limit - 1]}…"' if len(text) > limit else f'"{text}"'


class _Assembler:
    def __init__(
        self,
        document: WordDocument,
        name: str,
        stem: str,
        today: date,
        corrections: Corrections,
        whole_when_none: bool = False,
    ) -> None:
        self.document = document
        self.whole_when_none = whole_when_none
        self.corrections = corrections
        self.roles: dict[int, Role] = {}
        """The secretary's role for a paragraph, by ¶ (from ``corrections``)."""
        self.titles: dict[int, str] = {}
        self.stale: list[Mark] = []
        self.name = name
        self.stem = stem
        self.today = today
        self.warnings: list[Problem] = []
        self.next_meeting = ""
        self.actual_end: time | None = None
        self.closed_part = False
        """After a ``Lukkede punkter`` heading every item is closed."""
        self.date_index: int | None = None
        """The ¶ of the line the meeting's date was read from, when it was not labelled."""

    def warn(self, message: str, paragraph: int | None = None) -> None:
        where = self.document.places.get(paragraph, "") if paragraph else ""
        self.warnings.append(Problem(None, message, paragraph, where))

    def fail(self, message: str) -> MeetingFileError:
        return MeetingFileError(self.name, [Problem(None, message)])

    def build(self, blocks: list[Block]) -> WordAgenda:
        if not any(_has_text(b) for b in blocks):
            raise self.fail(phrase("the document is empty"))
        for index, what in self.document.unread:
            self.warn(
                phrase("{what} could not be read; copy its text into the document itself", what=what), index
            )
        self.resolve(blocks)
        blocks = [_flattened(b) if self.item_in(b) else b for b in blocks]
        found = find_agenda(blocks)
        if found is None and not any(r is Role.ITEM for r in self.roles.values()):
            if not self.whole_when_none:
                raise self.fail(
                    phrase(
                        "no agenda items were found; write each item as a numbered heading or bold line, "
                        "e.g. '1. Godkendelse af dagsorden', or open the document (referent open) and "
                        "mark its items with i (see docs/word-agenda.md)"
                    )
                )
            found = self.one_item(blocks)
        if found is None:
            found = Agenda(blocks, Layout([], None), [])
        blocks, layout = found.blocks, self.corrected(found.blocks, found.layout)
        if not layout.headings:
            raise self.fail(phrase("no agenda items are left: mark at least one paragraph as an item"))
        found = replace(found, blocks=blocks, layout=layout)
        first = layout.headings[0].position
        titles = [split_title(h.text)[0] for h in layout.headings]
        moved = [
            b for b in blocks[first:] if isinstance(b, Para) and self.roles.get(b.index) in _HEADER_ROLES
        ]
        people = [
            p
            for p in blocks[:first] + moved
            if isinstance(p, Para) and self.roles.get(p.index) is Role.PARTICIPANT
        ]
        header_blocks = [b for b in blocks[:first] if not (isinstance(b, Para) and b in people)]
        header = read_header(header_blocks + [p for p in moved if p not in people], titles, people)
        title = self.title(header)
        day, start, end = self.when(header, title, blocks[:first])
        self.place_line(header)
        # kept as written ("Lukket møde" closes every item, and is no text)
        loose = sorted((p for p in header.unplaced if not self.divider(p)), key=lambda p: p.index)
        for para in found.loose:
            if all(para is not kept for kept in loose):
                self.warn(
                    phrase(
                        "a row of the agenda table without an item number was kept in the item above:"
                        " {quoted}",
                        quoted=_quote(para.text),
                    ),
                    para.index,
                )
        items, parts_list = self.items(blocks, layout, header)
        if start is None:  # "Beginn: 14:00 Uhr" in a Protokoll, or a programme: "6:00pm: Catering"
            start = header.actual_start or (items[0].start if items else None)
        if loose:
            for para in loose:
                self.warn(
                    phrase(
                        "text before the first item was not placed: {quoted} (kept in item 1's case text)",
                        quoted=_quote(para.text),
                    ),
                    para.index,
                )
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
        self.overrides(meeting)
        self.warnings.sort(key=lambda p: p.paragraph or 0)
        placed = self.placements(blocks, layout, header, loose)
        return WordAgenda(meeting, self.warnings, placed, self.stale)

    def one_item(self, blocks: list[Block]) -> Agenda:
        """A document in which no items were found, read as one item headed by its first line:
        refused, it could only be typed again; read, the secretary marks its items on the
        correction screen (the warning says how), and nothing of it is lost meanwhile."""
        position, first = next(
            (n, b) for n, b in enumerate(blocks) if isinstance(b, Para) and b.text.strip()
        )  # there is one: an empty document was refused above
        assert isinstance(first, Para)
        title = normalize(first.text.split("\n")[0])
        self.warn(
            phrase(
                "no agenda items were found, so the whole document is one item for now: mark each "
                "item with i when it is opened (referent open), or write each item as a numbered "
                "heading or bold line, e.g. '1. Godkendelse af dagsorden' (see docs/word-agenda.md)"
            ),
            first.index,
        )
        return Agenda(blocks, Layout([Heading(position, first, None, title)], None), [])

    # -- the secretary's corrections ------------------------------------------------------
    def resolve(self, blocks: list[Block]) -> None:
        """The corrections' marks by ¶ number; a mark whose paragraph is gone is stale."""
        found: dict[tuple[str, int], int] = {}
        for key, nth, para in _keyed(blocks):
            found[(key, nth)] = para.index
        for mark in self.corrections.marks:
            index = found.get((mark.key, mark.nth))
            if index is None:
                self.stale.append(mark)
                self.warn(
                    phrase(
                        "a correction no longer applies (its paragraph is gone): {quoted}",
                        quoted=_quote(mark.key),
                    )
                )
                continue
            self.roles[index] = mark.role
            if mark.title:
                self.titles[index] = mark.title

    def item_in(self, block: Block) -> bool:
        """A table with a paragraph the secretary made an item: it is read as paragraphs."""
        return isinstance(block, Table) and any(
            self.roles.get(p.index) is Role.ITEM for p in block.paragraphs()
        )

    def corrected(self, blocks: list[Block], layout: Layout) -> Layout:
        """The item heads with the secretary's marks applied: a head marked otherwise is none, a
        paragraph marked an item is one, and a head she retitled has her title."""
        heads = {
            h.para.index: h for h in layout.headings if self.roles.get(h.para.index, Role.ITEM) is Role.ITEM
        }
        for position, block in enumerate(blocks):
            if not isinstance(block, Para) or self.roles.get(block.index) is not Role.ITEM:
                continue
            if block.index not in heads:
                text = normalize(block.text.split("\n")[0]) if block.text.strip() else ""
                found = marker(text)
                number = found.number if found is not None else None
                title = found.rest if found is not None and found.kind != "time" else text
                heads[block.index] = Heading(position, block, number, title)
        out = []
        for head in sorted(heads.values(), key=lambda h: h.position):
            if head.para.index in self.titles:
                head = replace(head, text=self.titles[head.para.index], spill="")
            out.append(head)
        return Layout(out, layout.level)

    def overrides(self, meeting: Meeting) -> None:
        if self.corrections.title:
            meeting.title = self.corrections.title
        if self.corrections.date:
            meeting.date = self.corrections.date
        if self.corrections.start:
            meeting.start = self.corrections.start
        if self.corrections.end:
            meeting.end = self.corrections.end

    def placements(
        self, blocks: list[Block], layout: Layout, header: Header, loose: list[Para]
    ) -> list[Placed]:
        """Every paragraph with text and what the reading made of it, in document order."""
        doubts: dict[int, str] = {}
        for warning in self.warnings:
            if warning.paragraph and warning.paragraph not in doubts:
                doubts[warning.paragraph] = warning.message
        first = layout.headings[0].position
        role_of: dict[int, tuple[Role, int | None]] = {}
        people = {id(p) for p in header.people}
        for block in blocks[:first]:
            for para in paragraphs([block]):
                role = Role.PARTICIPANT if id(para) in people else Role.HEADER
                role_of[para.index] = (Role.TEXT, 1) if para in loose else (role, None)
        for number, heading in enumerate(layout.headings, start=1):
            stop = layout.headings[number].position if number < len(layout.headings) else len(blocks)
            for block in blocks[heading.position + 1 : stop]:
                for para in paragraphs([block]):
                    if self.roles.get(para.index) in _HEADER_ROLES:
                        role_of[para.index] = (self.roles[para.index], None)
                    else:
                        role_of.setdefault(para.index, (Role.TEXT, number))
            role_of[heading.para.index] = (Role.ITEM, number)
        placed = []
        for key, nth, para in _keyed(self.document.blocks):
            role, item = role_of.get(para.index, (Role.TEXT, None))
            placed.append(
                Placed(
                    para.index,
                    key,
                    nth,
                    normalize(para.text),
                    role,
                    item,
                    doubts.get(para.index, ""),
                    para.index in self.roles,
                    para.in_table,
                )
            )
        return placed

    # -- header ---------------------------------------------------------------------------
    def title(self, header: Header) -> str:
        candidates = sorted(header.title_candidates, key=lambda p: (not p.title, not p.heading, p.index))
        if header.title:
            header.unplaced[:0] = candidates
            return header.title
        # a letterhead ("Vesterå Kommune", "Lakeview Unified School District") names who writes,
        # not the meeting: a title below it, or the body, is the meeting's name
        named = [p for p in candidates if not _LETTERHEAD.search(normalize(p.text))]
        if named or (candidates and not header.body):
            chosen = (named or candidates)[0]
            header.unplaced[:0] = [p for p in header.title_candidates if p is not chosen]
            return strip_kind(chosen.text) or normalize(chosen.text)
        header.unplaced[:0] = candidates
        if header.body:
            return header.body  # "Utvalg: Formannskapet": the meeting is the body's
        top = header.unplaced[0] if header.unplaced else None
        if top is not None and top is header.first and _title_like(top.text):
            header.unplaced = header.unplaced[1:]  # a plain first line names the meeting
            return strip_kind(top.text) or normalize(top.text)
        fallback, source = normalize(self.document.title), phrase("the document's properties")
        if not fallback and header.kind_line is not None:  # "Meeting Agenda": what the page says
            fallback, source = normalize(header.kind_line.text), phrase("the document's heading")
        if not fallback:
            fallback, source = normalize(self.stem) or "Dagsorden", phrase("the file name")
        self.warn(
            phrase(
                'no meeting title (a "Møde:" line) was found; took "{title}" from {source}',
                title=fallback,
                source=source,
            )
        )
        return fallback

    def when(self, header: Header, title: str, before: list[Block]) -> tuple[date, time | None, time | None]:
        values = list(header.when)
        if not any(w.has_date for w, _, _ in values):  # a date line, or a sentence, in the header
            found = self.unlabelled_date(header, before)
            if found is not None:
                values.append(found)
        dated: tuple[When, str, int | None] | None = next(
            ((w, t, i) for w, t, i in values if w.has_date), None
        )
        timed = next((w for w, _, _ in values if w.start is not None), None)
        place = None
        if not header.location and dated is not None and (place := place_after_time(dated[1])):
            header.location = place  # "… kl. 13.00 i mødelokale 2, Rådhuset. Der er kaffe …"
        for other, other_text, other_index in values:
            if (dated is not None and other is dated[0]) or other is timed:
                continue
            self.warn(
                phrase("a further date or time was not used: {quoted}", quoted=_quote(other_text)),
                other_index,
            )
        for para, leftover in header.leftovers:
            if place and _LEFTOVER_WORDS.sub("", leftover.replace(place, "")).strip(" ,.;:–-") == "":
                continue  # the words left over were the place
            self.warn(
                phrase("part of a date line was not understood: {quoted}", quoted=_quote(leftover)),
                para.index,
            )
        start, end = (timed.start, timed.end) if timed else (None, None)
        if dated is None and (in_title := parse_when(title)).has_date:
            dated = (in_title, title, None)
        if dated is None:
            return self.fallback_date(), start, end
        when, text, index = dated
        when = self.reading(when)
        year = when.year or self.year_for(when, text, index)
        day = when.on(year)
        if day is None:
            self.warn(
                phrase(
                    "{quoted} is not a date in the calendar; took today's date instead", quoted=_quote(text)
                ),
                index,
            )
            return self.today, start, end
        return day, start, end

    def unlabelled_date(self, header: Header, before: list[Block]) -> tuple[When, str, int] | None:
        """The meeting's date where no label gives it: a date line, or a sentence that names the
        meeting (``Mødet afholdes tirsdag den 16. marts 2021 kl. 13.00``) rather than a letter's
        own date (``Aalborg, 2. februar 2021``) or a deadline. A date from a sentence is said."""
        unplaced = {id(p) for p in header.unplaced}
        best: tuple[float, When, str, Para] | None = None
        for para in paragraphs(before):
            for line in para.text.split("\n"):
                text = normalize(line)
                found = parse_when(text)
                if not found.has_date or len(text) > 400:
                    continue
                weight = _date_weight(text, found, self.document.created)
                if best is None or weight > best[0]:
                    best = (weight, found, text, para)
        if best is None or best[0] <= 0:
            return None
        weight, found, text, para = best
        self.date_index = para.index
        if len(text) < 80 and id(para) in unplaced and not _SENTENCE_DATE.search(text):
            header.unplaced = [p for p in header.unplaced if p is not para]  # a date line: read
            if found.rest:
                header.leftovers.append((para, found.rest))
        else:
            self.warn(
                phrase("the meeting's date was taken from a sentence: {quoted}", quoted=_quote(text)),
                para.index,
            )
        return found, text, para.index

    def place_line(self, header: Header) -> None:
        """Without a ``Sted:`` label, the line right under the date line that names a place
        (``Sydvestjysk Sygehus, mødelokale A2.14``) is where the meeting is."""
        if header.location or self.date_index is None:
            return
        for para in header.unplaced:
            if para.index == self.date_index + 1 and len(normalize(para.text)) <= 160:
                if _PLACE_WORDS.search(para.text):
                    header.location = normalize(para.text)
                    header.unplaced = [p for p in header.unplaced if p is not para]
                return

    def reading(self, when: When) -> When:
        """A numeric date both readings allow (``8/1/15``): the American one when the document's
        other dates are written that way, or when it falls nearer the day the file was made."""
        if when.month_first is None:
            return when
        day, month = when.month_first
        american = replace(when, day=day, month=month, month_first=None)
        european = replace(when, month_first=None)
        text = " ".join(p.text for p in paragraphs(self.document.blocks))
        if _EUROPEAN.search(text):
            return european  # a Danish, Norwegian, Swedish, German or Spanish document: day first
        slashes = re.findall(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])", text)
        if any(int(a) > 12 >= int(b) for a, b in slashes):
            return european  # 20/05/2025 elsewhere: day first
        if any(int(b) > 12 >= int(a) for a, b in slashes):
            return american  # 1/20/17 elsewhere: month first
        made = self.document.created or self.document.modified
        if made is None or when.year is None:
            return european
        distances = []
        for candidate in (european, american):
            on = candidate.on(when.year)
            distances.append(abs((on - made.date()).days) if on is not None else 10**6)
        return american if distances[1] < distances[0] else european

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
                phrase(
                    "the date {quoted} has no year and none was found in the document; took {year}",
                    quoted=_quote(text),
                    year=year,
                ),
                index,
            )
        return year

    def fallback_date(self) -> date:
        day = iso_date(self.stem)
        if day is not None:
            self.warn(
                phrase(
                    "no meeting date was found in the document; took {date} from the file name",
                    date=day,
                )
            )
            return day
        created = self.document.created
        if created is not None:
            day = created.date()
            self.warn(
                phrase(
                    "no meeting date was found in the document; took {date}, when it was created",
                    date=day,
                )
            )
            return day
        self.warn(phrase("no meeting date was found in the document; took today, {date}", date=self.today))
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
        renumbered = False
        for index, heading in enumerate(headings):
            stop = headings[index + 1].position if index + 1 < len(headings) else len(blocks)
            own = blocks[heading.position + 1 + heading.below : stop]
            after: list[Block] = []
            if index + 1 == len(headings):
                own, after = self.closing(own)
            closed_here = self.closed_part
            own = self.dividers(own, layout, index + 1)
            own = [b for b in own if not (isinstance(b, Para) and self.roles.get(b.index) in _HEADER_ROLES)]
            own = _head_leftovers(heading) + own
            self.continued(own, heading, index + 1)
            title, slot, end, presenter = split_title(heading.text)
            heading_parts = (title, slot, end, presenter or heading.presenter)
            parts = read_sections(own, has_slot=slot is not None, has_presenter=bool(presenter))
            parts.closed = parts.closed or closed_here
            item = self.item(heading_parts, parts, layout, index + 1, heading.para.index)
            for block in after:
                first = block if isinstance(block, Para) else next(iter(block.paragraphs()), None)
                text = first.text if first is not None else ""
                self.warn(
                    phrase(
                        "text after the last item was not placed:"
                        " {quoted} (kept in item {number}'s case text)",
                        quoted=_quote(text),
                        number=index + 1,
                    ),
                    block.index,
                )
            if after:
                item.case = _join(item.case, to_markdown(after, layout.level))
            if heading.number is not None and previous is not None and heading.number != previous + 1:
                if not renumbered:
                    self.warn(
                        phrase(
                            "item numbers go from {previous} to {number}; "
                            "referent numbers the items 1 to {count} in their order",
                            previous=previous,
                            number=heading.number,
                            count=len(headings),
                        ),
                        heading.para.index,
                    )
                renumbered = True
            previous = heading.number if heading.number is not None else previous
            items.append(item)
            parts_list.append(parts)
        return items, parts_list

    def continued(self, blocks: list[Block], heading: Heading, number: int) -> None:
        """A heading inside the item that repeats its number or goes on with it (``8. Eventuelt
        (fortsat)``): kept in the item, and said, since the item heads look like another item."""
        for block in blocks:
            if not isinstance(block, Para) or not (block.bold or block.heading):
                continue
            found = marker(normalize(block.text))
            if found is None or found.number is None or heading.number is None:
                continue
            again = found.number == heading.number or _CONTINUED.search(block.text)
            if again and found.number <= heading.number:
                self.warn(
                    phrase(
                        "a heading that goes on with item {number} was kept in it: {quoted}",
                        number=number,
                        quoted=_quote(block.text),
                    ),
                    block.index,
                )

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
                        phrase(
                            "a heading above the items' level was kept in item {number}'s case text:"
                            " {quoted}",
                            number=number,
                            quoted=_quote(block.text),
                        ),
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
            self.warn(
                phrase("item {number} has no title; called it {title}", number=number, title=repr(title)),
                index,
            )
        for where_index, where, moved in parts.moved:
            if where == "recommendation":
                moved_text = phrase(
                    "text after item {number}'s recommendation was put into its case text: {quoted}",
                    number=number,
                    quoted=_quote(moved),
                )
            else:
                moved_text = phrase(
                    "text after item {number}'s attachments was put into its case text: {quoted}",
                    number=number,
                    quoted=_quote(moved),
                )
            self.warn(moved_text, where_index)
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


_HEADER_ROLES = (Role.HEADER, Role.PARTICIPANT)


def _title_like(text: str) -> bool:
    """A short line that is no sentence and no date: ``Bestyrelsesmøde i Skovbrynet``."""
    text = normalize(text)
    return 3 <= len(text) <= 120 and not text.endswith((".", ":")) and not has_date(text)


def _keyed(blocks: list[Block]) -> list[tuple[str, int, Para]]:
    """Every paragraph with text, with the name a correction gives it (key, nth)."""
    seen: dict[str, int] = {}
    out = []
    for para in paragraphs(blocks):
        if not para.text.strip():
            continue
        key = paragraph_key(para.text)
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        out.append((key, nth, para))
    return out


def _flattened(table: Block) -> Block:
    """A table read as its paragraphs (as one would read it aloud), for an item in one of its
    cells: returned as a table of one row and cell that the finder unfolds."""
    assert isinstance(table, Table)
    cell = Cell([replace(p, in_table=False) for p in table.paragraphs()])
    return Table(table.index, [[cell]])


def _head_leftovers(heading: Heading) -> list[Block]:
    """What the head's paragraph holds besides its title: the explanation after ``Title:``, and
    lines after the title line (a manual line break): the first words of the item's text."""
    lines = heading.para.text.split("\n") if not heading.below else []
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    rest = "\n".join(lines[first + 1 :]).strip("\n")
    texts = [text for text in (heading.spill, rest) if text.strip()]
    return [Para(heading.para.index, [Span(text)]) for text in texts]


_CONTINUED = re.compile(
    r"\((?:fortsat|forts\.?|fortsettelse|fortsättning|continued|cont\.?|continuación)\)", re.I
)
_EUROPEAN = re.compile(r"[æøåäöüñßÆØÅÄÖÜÑ]|\b(?:og|och|und|der|die|das|del|los|las|ikke|inte|nicht)\b")
"""Signs of a document in a language that writes the day before the month."""
_LETTERHEAD = re.compile(
    r"\b(?:kommune|kommun|region|district|county|municipality|kommunes\s+\w+)\s*$", re.IGNORECASE
)
"""The name of a municipality, region or district at the top of the page: who writes."""
_AT = r"(?:i|på|in|at|en|im|auf|a)"
_ARTICLE = r"(?:the|der|dem|el|la)"
_PLACE_AFTER_TIME = re.compile(
    r"(?:\d{1,2}[.:]\d{2}|\d{1,2}\s*[ap]\.?\s?m\b\.?)(?:\s*(?:uhr|uur|h)\b)?"
    rf"\s+{_AT}\s+(?:{_ARTICLE}\s+)?"
    r"(?P<place>[^.;:!?()]{3,80}?)\s*(?:[.;!?](?:\s|$)|$)",
    re.IGNORECASE,
)
_LEFTOVER_WORDS = re.compile(rf"\b(?:{_AT}|{_ARTICLE})\b", re.IGNORECASE)
"""The words that lead to a place (``kl. 19.00 i Sognehuset``): left over once it is read."""


def place_after_time(text: str) -> str | None:
    """``den 16. marts 2021 kl. 13.00 i mødelokale 2, Rådhuset. Der er kaffe …`` → ``mødelokale
    2, Rådhuset``: where a date line or sentence says the meeting is, right after its time."""
    found = _PLACE_AFTER_TIME.search(normalize(text))
    if found is None or len(found["place"].split()) > 10:
        return None
    place = found["place"].strip(" ,")
    named = any(word[:1].isupper() for word in place.split()) or _PLACE_WORDS.search(place)
    return place if named else None  # "en segunda convocatoria": at a time, but no place


_PLACE_WORDS = re.compile(
    r"\b(?:mødelokale|mødelokalet|lokale|rådhus\w*|regionshus\w*|sal|salen|room|building|hall|kontor|skole|"
    r"center|centre|centret|sygehus|hospital|teams|zoom|online|videomøde|møterom|lokal|lokalen|sala|edificio|"
    r"\w+vej|\w+gade|street|road|allé|plads|torv|\w+huset)\b",
    re.IGNORECASE,
)
_MEETING_WORDS = re.compile(
    r"møde|mødes|afholdes|holdes|indkald|meeting|\bmeets\b|will be held|held on|avholdes|møte|möte|"
    r"sammanträde|hålls|reuni[oó]n|reúnen|sesión|asamblea|celebrará|celebrada|convoca|sitzung|tagung|"
    r"findet|\bstatt\b|kallar|kalles",
    re.IGNORECASE,
)
"""Words that say a sentence is about the meeting (parts of words too: ``årsmöte``, ``bestyrelsesmøde``)."""
_DEADLINE_WORDS = re.compile(
    r"\b(?:senest|frist|deadline|by|before|innen|senast|antes|bis|afbud|forfall|tilmelding|meld)\b",
    re.IGNORECASE,
)
_LETTER_DATE = re.compile(
    r"^(?P<place>[A-ZÆØÅÄÖ][\w.-]+(?:\s[A-ZÆØÅÄÖ][\w.-]+)?),?\s+(?:den\s+|d\.\s*|el\s+)?\d{1,2}\b"
)
"""A letter's own date at its head: ``Aalborg, 2. februar 2021``, ``Göteborg 12 februari 2024``."""
_SENTENCE_DATE = re.compile(r"\w{3,}\s+\w{3,}\s+\w{3,}.*\d|\d.*\w{3,}\s+\w{3,}\s+\w{3,}\s+\w{3,}")


def _date_weight(text: str, found: When, made: datetime | None) -> float:
    """How surely a line's date is the meeting's: a date line or a sentence about the meeting
    more than a letter's own date, a deadline or a date long before the file was made."""
    letter = _LETTER_DATE.match(text)
    if letter and letter["place"].lower() not in WEEKDAY_NAMES and len(found.rest.split()) <= 3:
        weight = 0.3  # "Aalborg, 2. februar 2021": the letter's date
    elif _DEADLINE_WORDS.search(text) and not _MEETING_WORDS.search(text):
        weight = 0.1
    elif len(found.rest.split()) <= 4:
        weight = 2.0  # a date line
    elif _MEETING_WORDS.search(text):
        weight = 2.5
    else:
        weight = 0.5
    if found.start is not None:
        weight += 1.0
    on = found.on(found.year) if found.year is not None else None
    if made is not None and on is not None and (made.date() - on).days > 45:
        weight -= 1.5  # long before the file was made: a reference to an earlier meeting
    return weight


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
