"""The part of an agenda before the first item: title, when, where, who.

Councils write it as a two-column table (``Tid`` | ``Mandag den 13. marts 2023 …``) or as
lines (``Mødedato: …``, ``Sted Mødelokale D``), with the participants one per line under
group headings, absences as an ``Afbud`` row or inline ``(afbud)``. Both forms are read
into the same ``Header``; every line that says nothing the reader knows is returned in
``unplaced`` so the caller can keep it and warn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time

from referent.dates import When, normalize, parse_when
from referent.export.blocks import Span
from referent.importing.word.danishtext import (
    LONG_LIST,
    Person,
    is_group_heading,
    item_number,
    looks_like_name,
    looks_like_titled_name,
    parse_person,
    presenter_line,
    split_names,
    split_title,
)
from referent.importing.word.document import Block, Cell, Para, Table
from referent.model import Attendance, Participant, VacantSeat

LABELS: dict[str, str] = {
    **dict.fromkeys(("møde", "mødetitel", "mødets titel", "mødenavn", "titel", "meeting", "meeting title",
                     "møte", "möte", "sammanträde", "reunión", "sitzung"), "title"),
    **dict.fromkeys(("udvalg", "forum", "organ", "utvalg", "nämnd"), "body"),
    **dict.fromkeys(
        ("tid", "tidspunkt", "dato", "mødedato", "dato og tid", "dato og tidspunkt", "mødetidspunkt",
         "mødetid", "hvornår", "date", "time", "dato/tid", "dato og klokkeslæt", "dates", "date/time",
         "date and time", "date & time", "meeting date", "datum", "tid och datum", "fecha", "hora",
         "fecha y hora", "zeit", "uhrzeit", "møtedato", "møtetid", "mötesdatum", "klokkeslett", "klockslag",
         "datum und uhrzeit", "when", "sammanträdesdatum", "sammanträdestid", "sitzungstag", "sitzungsdatum",
         "termin", "aanvang", "tijd"),
        "when",
    ),
    **dict.fromkeys(("tid og sted", "dato og sted", "tid/sted", "date/location", "tid och plats",
                     "tid og stad", "date and place", "fecha y lugar", "plats och tid"), "when_where"),
    **dict.fromkeys(
        ("sted", "mødested", "lokale", "mødelokale", "adresse", "location", "place", "lokation", "venue",
         "location/platform", "platform", "where", "møtested", "møterom", "plats", "lokal", "mötesplats",
         "lugar", "ort", "raum", "sala", "sitzungsort", "tagungsort", "locatie", "plaats"),
        "location",
    ),
    **dict.fromkeys(("mødeleder", "ordstyrer", "formand", "chair", "mødeleder/ordstyrer", "chairperson",
                     "chairman", "chaired by", "facilitator", "møteleder", "ordförande", "mötesordförande",
                     "preside", "presidente", "sitzungsleitung", "vorsitz", "vorsitzender",
                     "vorsitzende"), "chair"),
    **dict.fromkeys(("referent", "sekretær", "protokolfører", "referent/sekretær", "secretary",
                     "minute taker", "minutes taker", "note taker", "notetaker", "recorder",
                     "scribe", "sekreterare", "protokollförare", "secretario", "secretaria",
                     "protokollant", "skrivar", "schriftführer", "schriftführerin", "protokollführer",
                     "protokollführerin"), "secretary"),
    **dict.fromkeys(
        ("deltagere", "inviterede", "medlemmer", "til stede", "fremmødte", "deltagere i mødet",
         "participants", "deltager", "attendees", "attendance", "present", "members present", "invited",
         "deltakere", "tilstede", "møtende", "møtende medlemmer", "närvarande", "deltagare", "ledamöter",
         "beslutande", "asistentes", "presentes", "anwesend", "teilnehmer", "teilnehmende"),
        "participants",
    ),
    **dict.fromkeys(("afbud", "fraværende", "meldt afbud", "afbud fra", "absent", "apologies", "regrets",
                     "not present", "forfall", "meldt forfall", "frånvarande", "förhinder", "ausentes",
                     "excusados", "entschuldigt", "abwesend"), "absent"),
    **dict.fromkeys(("gæster", "gæst", "inviterede gæster", "guests", "also present", "in attendance",
                     "observers", "gjester", "gäster", "övriga närvarande", "invitados", "gäste"), "guests"),
    **dict.fromkeys(("mødet påbegyndt", "mødet startede", "mødestart", "mødet begyndte", "start time",
                     "meeting started", "meeting opened", "møtet startet", "mötet öppnades",
                     "hora de inicio", "beginn", "sitzungsbeginn"), "started"),
    **dict.fromkeys(("mødet afsluttet", "mødet sluttede", "mødet hævet", "mødeslut", "end time",
                     "meeting ended", "meeting closed", "møtet slutt", "møtet hevet",
                     "mötet avslutades", "hora de finalización", "hora de fin", "ende",
                     "sitzungsende"), "ended"),
    **dict.fromkeys(("næste møde", "next meeting", "neste møte", "nästa möte", "próxima reunión",
                     "nächste sitzung"), "next"),
}  # fmt: skip
KIND_WORDS = {"dagsorden", "referat", "mødereferat", "beslutningsreferat", "dagsorden og referat",
              "indholdsfortegnelse", "udkast", "agenda", "minutes", "indhold", "orden del día",
              "orden del dia",
              "saksliste", "sakliste", "dagordning", "föredragningslista", "tagesordnung", "agenda items",
              "agenda topics", "meeting agenda", "meeting minutes", "draft agenda", "møteprotokoll",
              "protokoll", "mötesprotokoll", "protokol", "acta", "innkalling", "kallelse", "convocatoria",
              "indkaldelse", "temas a tratar", "punkter", "program", "programme"}  # fmt: skip
"""A document's own kind, printed at its top: recognised and left out."""
_LISTS = {"participants", "absent", "guests"}
_SPACE_LABELS = {
    "title",
    "when",
    "when_where",
    "location",
    "chair",
    "secretary",
    "absent",
    "participants",
    "guests",
}
_PLACE_LABELS = {"sted", "mødested", "location", "place", "where", "venue", "adresse", "lokation", "møtested",
                 "plats", "mötesplats", "ort", "lugar", "sitzungsort", "tagungsort"}  # fmt: skip
"""Labels of a place that stand in front of it (``Sted Mødelokale D``); the others (``Mødelokale``,
``Lokale``, ``Sala``) are the first word of the place's own name when no colon follows them."""
_BY_LENGTH = sorted((label for label in LABELS if LABELS[label] in _SPACE_LABELS), key=len, reverse=True)
"""Labels that may stand without a colon (``Sted Mødelokale D``), longest first."""
_FIRST_WORDS = {label.split()[0] for label in _BY_LENGTH}
_LABEL_WORDS = max(len(label.split()) for label in LABELS) + 1
"""Words a line's head may have and be a label (one more: ``Sted .`` is ``sted `` after the dot)."""
_LABEL_END = re.compile(r"(:|\t)")
_COLUMN_HEADINGS = {"navn", "name", "organisation", "funktion", "titel", "rolle", "stilling", "deltager",
                    "myndighed", "repræsenterer", "role", "organisation/funktion", "bemærkning"}  # fmt: skip
_VACANT = re.compile(
    r"^\(.*\b(?:ikke udpeget|vakant|ubesat)\b.*\)$"
    r"|\((?:endnu\s+)?(?:ikke udpeget|vakant|ubesat|ikke oppnevnt|ej utsedd|vacante|vacant)\)\s*$"
    r"|^(?:repræsentant|representant|en repræsentant|ledig plads|vakant|vacant)\b[^,]*$",
    re.IGNORECASE,
)
"""A seat no one holds yet, as councils write it: ``(Repræsentant fra … - endnu ikke udpeget)``,
``Repræsentant fra Vejen Kommune (endnu ikke udpeget)``, or ``Repræsentant fra kommunalt
PLO-niveau`` on a line of its own, naming no one."""
_NOBODY = {"ingen", "-", "–", "—", "ingen afbud", "none", "intet"}
_KINDS = r"(?:dagsorden|referat|agenda|minutes)"
_KIND_PREFIX = re.compile(rf"^{_KINDS}\s*(?:[:–—|-]|\s(?:for|til|fra|of)\b)\s*", re.IGNORECASE)
"""``Dagsorden for …``, ``Agenda of …``, ``Referat – …``: the kind in front of the meeting's name."""
_KIND_SUFFIX = re.compile(rf"\s*[:–—|-]\s*(?:møde)?{_KINDS}\s*$", re.IGNORECASE)
"""``Battleship Project Meeting |Minutes``, ``Direktørforum – dagsorden``: the kind behind it."""


@dataclass
class Header:
    title: str = ""
    body: str = ""
    title_candidates: list[Para] = field(default_factory=list)
    """Title-style, heading or bold paragraphs before any label, in document order."""
    when: list[tuple[When, str, int]] = field(default_factory=list)
    """Each date-and-time value with its text and ¶, in order."""
    location: str = ""
    chair: str = ""
    secretary: str = ""
    next_meeting: str = ""
    actual_start: time | None = None
    actual_end: time | None = None
    participants: list[Participant] = field(default_factory=list)
    guests: list[Participant] = field(default_factory=list)
    vacant_seats: list[VacantSeat] = field(default_factory=list)
    unplaced: list[Para] = field(default_factory=list)
    leftovers: list[tuple[Para, str]] = field(default_factory=list)
    """Words in a date line that are neither date nor time: ``(inkl. frokost)``."""
    people: list[Para] = field(default_factory=list)
    """The paragraphs that named participants, guests or absences (or headed a group of them)."""
    first: Para | None = None
    """The header's first paragraph with text (a kind word such as ``Dagsorden`` aside)."""
    kind_line: Para | None = None
    """The first line that names the document's kind (``Meeting Agenda``), before any label."""


def label_of(text: str) -> tuple[str, str] | None:
    """``Mødedato: 13. marts 2023`` → (``when``, ``13. marts 2023``); ``Deltagere`` → (``participants``, "").

    Without a colon or tab (``Sted Mødelokale D``) a label counts only when the value fits it.
    """
    head, separator, value = (
        _LABEL_END.split(text, maxsplit=1) if ":" in text or "\t" in text else (text, "", "")
    )
    words = head.split()
    if len(words) <= _LABEL_WORDS:  # (a longer head is no label: most lines, looked at quickly)
        key = " ".join(words).lower().rstrip(".")
        if key in LABELS:
            return LABELS[key], normalize(value) if separator else ""
    first = text.split(maxsplit=1)
    if not first or first[0].lower() not in _FIRST_WORDS:
        return None
    plain = normalize(text)
    if is_kind_word(plain):
        return None  # "Meeting Agenda" is the document's kind, not the label Meeting and "Agenda"
    lowered = plain.lower()
    for label in _BY_LENGTH:
        if lowered.startswith(label + " "):
            field_name, value = LABELS[label], plain[len(label) + 1 :].strip()
            if field_name in ("when", "when_where"):
                when = parse_when(value)
                if not (when.has_date or when.start):
                    continue
            elif field_name == "title" and not value[:1].isupper() and not value[:1].isdigit():
                continue  # "Møde i Direktørforum" is a title, not the label Møde
            elif len(value) > 120 or (
                field_name in ("chair", "secretary", "absent") and not looks_like_name(value.split(",")[0])
            ):
                continue
            if field_name == "location" and label not in _PLACE_LABELS:
                return field_name, plain  # "Mødelokale B, Rådhuset": the room's name begins with its kind
            return field_name, value
    return None


def is_kind_word(text: str) -> bool:
    return normalize(text).lower().rstrip(":.") in KIND_WORDS


def strip_kind(title: str) -> str:
    """``Dagsorden for møde i Direktørforum`` → ``Møde i Direktørforum``; ``Battleship Project
    Meeting |Minutes`` → ``Battleship Project Meeting``."""
    rest = _KIND_SUFFIX.sub("", _KIND_PREFIX.sub("", normalize(title)))
    return rest[:1].upper() + rest[1:] if rest else ""


class _HeaderReader:
    def __init__(self, titles: list[str]) -> None:
        self.titles = {normalize(t).casefold() for t in titles if t.strip()}
        self.header = Header()
        self.field = ""
        """The list being read (participants, absent, guests) or a label still waiting for its value."""
        self.group = ""
        self.group_para: Para | None = None
        """The paragraph of a group heading no one has been listed under yet."""
        self.absent: list[tuple[Person, str, Para, Para | None]] = []
        """Each Afbud line: the person, the group heading above it (and its paragraph), its paragraph."""
        self.seen_label = False

    def block(self, block: Block) -> None:
        if isinstance(block, Table):
            self.table(block)
        else:
            self.line(block, block.text)

    def repeats_a_title(self, text: str) -> bool:
        """A line of the agenda's overview at the top (``2. Handleplan … kl. 14.35``): the item
        itself follows below, so the line is recognised, not reported."""
        title = split_title(item_number(normalize(text))[1])[0].casefold()
        return bool(title) and title in self.titles

    def table(self, table: Table) -> None:
        for row in table.rows:
            cells = [c for c in row if c.text.strip()]
            if not cells:
                continue
            first = normalize(row[0].text).rstrip(":").lower() if row[0].text.strip() else ""
            if first not in LABELS and self.overview_row(cells):
                continue
            if self.field in _LISTS and first not in LABELS and len(cells) > 1:
                self.person_row(cells)
            elif first in LABELS and len(cells) > 1:
                self.start(LABELS[first], "", row[0].paragraphs()[0])
                lines = [
                    (para, piece)
                    for cell in row[1:]
                    for para in cell.paragraphs()
                    for piece in para.text.split("\n")
                    if piece.strip()
                ]
                if self.field in _LISTS:
                    for para, piece in lines:
                        self.value_line(para, piece, strict=False)
                elif lines:
                    joiner = ", " if self.field == "location" else " "
                    self.value_line(lines[0][0], joiner.join(normalize(piece) for _, piece in lines))
            else:  # a row without a label: the list above goes on, or lines of their own
                for cell in cells:
                    for para in cell.paragraphs():
                        self.line(para, para.text, strict=self.field not in _LISTS)
        self.field = ""
        self.set_group("", None)

    def overview_row(self, cells: list[Cell]) -> bool:
        """A row of an overview table (number, title, time, presenter): every cell is one of
        those and one repeats an item's title, so nothing in it is lost by passing over it."""
        known = 0
        for cell in cells:
            text = normalize(cell.text)
            if self.repeats_a_title(text):
                known += 1
                continue
            number, after_number = item_number(text)
            when = parse_when(text)
            if (
                not (number is not None and not after_number.strip())
                and not (when.start and not when.rest)
                and not looks_like_name(text)
                and not presenter_line(text)
            ):
                return False
        return known > 0

    def person_row(self, cells: list[Cell]) -> None:
        """A row of a participants table: ``Jes Lunde | rådmand | Aalborg Kommune``."""
        texts = [normalize(c.text) for c in cells]
        if all(t.lower().rstrip(":") in _COLUMN_HEADINGS for t in texts):
            return  # the table's own header row: Navn | Organisation
        line = ", ".join(texts)  # one paragraph for the row, so that a report quotes all of it
        self.value_line(Para(cells[0].paragraphs()[0].index, [Span(line)]), line, strict=False)

    def line(self, para: Para, text: str, *, strict: bool = True) -> None:
        if self.header.first is None and text.strip() and not is_kind_word(text):
            self.header.first = para
        for piece in text.split("\n"):
            if not piece.strip() or self.repeats_a_title(piece):
                continue
            found = label_of(piece)
            if found is not None:
                self.start(found[0], found[1], para)
            elif self.field:
                self.value_line(para, piece, strict=strict)
            elif is_kind_word(piece):
                if self.header.kind_line is None and not self.seen_label:
                    self.header.kind_line = para
                continue
            elif (when := parse_when(piece)).start and not when.has_date and not when.rest:
                self.header.when.append((when, normalize(piece), para.index))  # "Kl. 15.00" below the date
            elif not self.seen_label and (para.title or para.heading or para.bold) and not _dated(when):
                self.header.title_candidates.append(para)
            else:
                self.unplace(para)

    def start(self, name: str, value: str, para: Para) -> None:
        self.seen_label = True
        self.set_group("", None)
        self.field = name
        if value:
            self.value_line(para, value, single=True)

    def value_line(self, para: Para, text: str, *, single: bool = False, strict: bool = True) -> None:
        name, value, header = self.field, normalize(text), self.header
        if not value:
            return
        if name in _LISTS:
            self.person_line(para, text, single=single, strict=strict)
            return
        self.field = ""
        single_fields = {"title": "title", "body": "body", "chair": "chair", "secretary": "secretary",
                         "next": "next_meeting"}  # fmt: skip
        if name in single_fields:
            attribute = single_fields[name]
            if getattr(header, attribute) and getattr(header, attribute) != value:
                self.unplace(para)  # said twice: the first stands, the second is reported
            else:
                setattr(header, attribute, value)
        elif name in ("when", "when_where"):
            when = parse_when(value)
            if not (when.has_date or when.start):
                self.unplace(para)
                return
            header.when.append((when, value, para.index))
            if name == "when_where" and when.rest and not header.location:
                header.location = when.rest
            elif when.rest:
                header.leftovers.append((para, when.rest))
        elif name == "location":
            header.location = f"{header.location}, {value}" if header.location else value
        elif name in ("started", "ended"):
            moment = parse_when(value).start
            if moment is None:
                self.unplace(para)
            elif name == "started":
                header.actual_start = moment
            else:
                header.actual_end = moment

    def person_line(self, para: Para, text: str, *, single: bool, strict: bool) -> None:
        """One line of a participant list; in lines (not a table) a line that is no person ends it."""
        value = normalize(text)
        if value.lower().rstrip(".") in _NOBODY:
            return
        if self.field == "participants" and _VACANT.match(value):  # "(… - endnu ikke udpeget)"
            self.header.vacant_seats.append(VacantSeat(value, self.group))
            self.group_para = None  # the group's heading said something
            return
        heading = (
            is_group_heading(value, para.emphasised) and len(value.split()) <= 6 and not value.endswith(".")
        )
        if heading and not single:  # a value on the label's own line is people: "Afbud: A og B"
            self.set_group(value, para)
            return
        listed = split_names(value)  # on a line of its own under the label: only a whole list
        lines = listed if single or len(listed) >= LONG_LIST else [value]
        strict = strict and len(lines) < LONG_LIST  # the list as a whole is people
        known = {_key(p.name) for p in self.header.participants + self.header.guests}
        parts = [part.strip() for part in value.split(",")]
        if self.field == "absent" and single and len(parts) > 1 and all(_key(p) in known for p in parts):
            lines = parts  # "Afbud: Hanne Madsen, Bente Graversen": two of the participants
        for line in lines:
            person = parse_person(line)
            if not person.name or (
                strict and not looks_like_name(person.name) and not looks_like_titled_name(person.name)
            ):
                self.field = ""
                self.set_group("", None)
                self.unplace(para)
                return
            if self.field == "absent":
                if person.attendance is Attendance.UNKNOWN:
                    person.attendance = Attendance.ABSENT
                self.absent.append((person, self.group, para, self.group_para))
                self.group_para = None  # whether the heading said anything is decided in finish()
                continue
            target = self.header.participants if self.field == "participants" else self.header.guests
            if any(_key(p.name) == _key(person.name) and p.group == self.group for p in target):
                continue  # named twice in one group (a video meeting's list): one person, once
            target.append(_participant(person, self.group))
            self.header.people.append(para)
            if self.group_para is not None:
                self.header.people.append(self.group_para)
            self.group_para = None

    def set_group(self, group: str, para: Para | None) -> None:
        """A new group heading; one that nobody was listed under is reported, not lost."""
        if self.group_para is not None:
            self.unplace(self.group_para)
        self.group, self.group_para = group, para

    def unplace(self, para: Para) -> None:
        if all(kept is not para for kept in self.header.unplaced):
            self.header.unplaced.append(para)

    def finish(self) -> Header:
        """Absences from an Afbud row are marked on the participants they name (or added)."""
        self.set_group("", None)
        header = self.header
        known = {_key(p.name): p for p in header.participants + header.guests}
        used_groups: set[int] = set()
        for person, group, para, group_para in self.absent:
            match = known.pop(_key(person.name), None)  # each listed participant is matched once
            if match is None:
                header.participants.append(_participant(person, group))
                used_groups.add(id(group_para))
                continue
            if match.group == group:
                used_groups.add(id(group_para))
            match.attendance = person.attendance
            match.substitute = person.substitute or match.substitute
            for attribute in ("role", "marker"):
                said, listed = getattr(person, attribute), getattr(match, attribute)
                if said and listed and said != listed:
                    self.unplace(para)  # the Afbud line says more than the list: kept, reported
                elif said:
                    setattr(match, attribute, said)
        for group_para in {id(g): g for _, _, _, g in self.absent if g is not None}.values():
            if id(group_para) not in used_groups:  # a heading in the Afbud list that said nothing new
                self.unplace(group_para)
        return header


def _dated(when: When) -> bool:
    """``Day 1: Monday, November 29, 2021``: a line that is a date (and little else) is when the
    meeting is, not what it is called."""
    return when.has_date and len(when.rest.split()) <= 3


def _participant(person: Person, group: str) -> Participant:
    return Participant(
        name=person.name,
        role=person.role,
        marker=person.marker,
        group=group,
        attendance=person.attendance,
        substitute=person.substitute,
        arrived_at=person.arrived_at,
        left_after=person.left_after,
    )


def _key(name: str) -> str:
    return normalize(name).casefold()


def read_header(
    blocks: list[Block], titles: list[str] | None = None, participants: list[Para] | None = None
) -> Header:
    """Everything the blocks before the first item say about the meeting; ``titles`` are the
    items' titles, so that an overview of the items at the top is recognised. ``participants``
    are paragraphs the secretary said are participants (or their group headings)."""
    reader = _HeaderReader(titles or [])
    for block in blocks:
        reader.block(block)
    reader.field = ""
    reader.set_group("", None)
    for para in participants or []:
        reader.field = "participants"
        reader.person_line(para, para.text, single=False, strict=False)
        if reader.field != "participants":  # not a person after all: kept, as any line is
            reader.unplace(para)
    return reader.finish()
