"""One item's paragraphs sorted into case text, recommendation, attachments and minutes.

After the heading may come a time slot on its own line, the presenter (``v / …``,
``Ved: …``, ``Oplæg ved …``, ``Ansvarlig: …``) and ``Lukket punkt``. Then section labels
(plain, bold or heading; with or without a colon; ``Bilag: X`` and ``Indstilling: X`` on
one line) switch where the following paragraphs go. Text that fits no section is kept in
the case text and reported. The order in which the parts were first filled is kept: agendas
differ in it, and the minutes print each item in its agenda's order (``Item.parts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import time

from referent.dates import normalize
from referent.export.blocks import Span
from referent.importing.word.danishtext import presenter_line, time_line
from referent.importing.word.document import Block, Para, Table
from referent.importing.word.markdown import strip_prefix, typed_marker
from referent.model import ItemPart

_LABELS: dict[str, str] = {
    **dict.fromkeys(
        ("sagsfremstilling", "baggrund", "sagsbeskrivelse", "beskrivelse", "sagen", "resumé", "resume",
         "sagsresumé", "redegørelse", "beskrivelse af sagen", "baggrund for sagen", "case"),
        "case",
    ),
    **dict.fromkeys(
        ("indstilling", "indstillinger", "forslag til beslutning", "indstilling til beslutning",
         "forslag til indstilling", "recommendation"),
        "recommendation",
    ),
    **dict.fromkeys(("bilag", "bilagsliste", "vedlagte bilag", "bilag til punktet", "vedhæftede bilag",
                     "attachments"), "attachments"),
    **dict.fromkeys(
        ("referat", "beslutning", "beslutninger", "referat og beslutning", "beslutning og referat",
         "protokol", "protokollat", "minutes", "decision"),
        "minutes",
    ),
    **dict.fromkeys(("lukket punkt", "lukket", "lukket sag", "(lukket punkt)", "closed"), "closed"),
}  # fmt: skip


def section_label(para: Para) -> tuple[str, str] | None:
    """(section, text after the label) for ``Indstilling:``, ``Bilag: X``, ``Det indstilles, at …``."""
    text = normalize(para.text)
    if not text:
        return None
    if text.lower().startswith("det indstilles"):
        return "intro", text
    head, colon, rest = text.partition(":")
    key = head.strip().lower().rstrip(".")
    if key in _LABELS and (colon or not rest):
        return _LABELS[key], rest.strip()
    return None


@dataclass
class ItemParts:
    """What one item's paragraphs said, before it becomes an ``Item``."""

    start: time | None = None
    end: time | None = None
    presenter: str = ""
    closed: bool = False
    case: list[Block] = field(default_factory=list)
    minutes: list[Block] = field(default_factory=list)
    intro: str = ""
    points: list[str] = field(default_factory=list)
    letters: bool = False
    short: str = ""
    attachments: list[str] = field(default_factory=list)
    moved: list[tuple[int, str, str]] = field(default_factory=list)
    """(¶, where it came from, text) of text that fit no section and was put in the case text."""
    order: list[ItemPart] = field(default_factory=list)
    """The parts in the order the item's paragraphs first filled them (``Item.parts``); empty
    for an item of one part or none, which has no order of its own to keep."""

    def filled(self) -> list[ItemPart]:
        """The parts that hold something so far."""
        held = {
            ItemPart.CASE: self.case,
            ItemPart.RECOMMENDATION: self.intro or self.points or self.short,
            ItemPart.ATTACHMENTS: self.attachments,
            ItemPart.MINUTES: self.minutes,
        }
        return [part for part, value in held.items() if value]


class SectionReader:
    """Feeds an item's blocks, in order, into its sections."""

    def __init__(self, *, has_slot: bool = False, has_presenter: bool = False) -> None:
        self.parts = ItemParts()
        self.has_slot = has_slot
        """The heading gave the time slot: a time line below it is text, not a second slot."""
        self.has_presenter = has_presenter
        self.section = "case"
        self.prelude = True
        self.listed_points = False
        self.listed_attachments = False
        self.point_level = 0

    def read(self, blocks: list[Block]) -> ItemParts:
        seen: list[ItemPart] = []
        for block in blocks:
            if isinstance(block, Table):
                self.table(block)
            elif block.text.strip():
                self.paragraph(block)
            seen += [part for part in self.parts.filled() if part not in seen]
        self.parts.order = seen if len(seen) > 1 else []
        return self.parts

    def table(self, table: Table) -> None:
        self.prelude = False
        if self.section == "minutes":
            self.parts.minutes.append(table)
            return
        if self.section != "case":
            first = next((p for p in table.paragraphs() if p.text.strip()), None)
            self.parts.moved.append((table.index, self.section, normalize(first.text) if first else ""))
        self.parts.case.append(table)

    def paragraph(self, para: Para) -> None:
        parts, text = self.parts, normalize(para.text)
        if self.prelude and self.prelude_line(para, text):
            return
        label = section_label(para)
        if label is not None:
            self.label(para, *label)
            return
        self.prelude = False
        if self.section == "case":
            parts.case.append(para)
        elif self.section == "minutes":
            parts.minutes.append(para)
        elif self.section == "recommendation":
            self.recommendation(para, text)
        else:
            self.attachment(para, text)

    def prelude_line(self, para: Para, text: str) -> bool:
        """The lines right after a heading: time slot, presenter, ``Lukket punkt``."""
        parts = self.parts
        if not self.has_slot and parts.start is None and (slot := time_line(text)) is not None:
            parts.start, parts.end = slot
            return True
        if not self.has_presenter and not parts.presenter and (who := presenter_line(text)) is not None:
            parts.presenter = who
            return True
        return False

    def label(self, para: Para, kind: str, rest: str) -> None:
        parts = self.parts
        if kind == "closed":
            parts.closed = True
            if rest:  # "Lukket punkt: personsag" keeps its words
                parts.case.append(_after_label(para))
            return
        self.prelude = kind == "case" and not rest and self.prelude
        if kind == "intro":
            self.section = "recommendation"
            if parts.intro or parts.points:
                self.move(para, "recommendation")
            else:
                parts.intro = rest
            return
        self.section = kind
        if kind == "case":
            if parts.case and not rest:  # a second heading such as Baggrund: kept, in bold
                parts.case.append(Para(para.index, [Span(normalize(para.text).rstrip(":"), bold=True)]))
            elif rest:
                parts.case.append(_after_label(para))
        elif kind == "recommendation" and rest:
            if rest.lower().startswith("det indstilles") and (parts.intro or parts.points):
                self.move(para, "recommendation")
            elif rest.lower().startswith("det indstilles"):
                parts.intro = rest
            elif parts.short:
                parts.short = f"{parts.short} {rest}"
            else:
                parts.short = rest
        elif kind == "attachments" and rest:
            parts.attachments.append(rest)
        elif kind == "minutes" and rest:
            parts.minutes.append(_after_label(para))

    def recommendation(self, para: Para, text: str) -> None:
        parts = self.parts
        typed = typed_marker(para.text) if para.listing is None else None
        if para.listing is not None or typed is not None:
            level = para.listing.level if para.listing is not None else 0
            point = normalize(typed.rest) if typed is not None else text
            if not parts.points:
                self.listed_points, self.point_level = True, level
                kind = para.listing.kind if para.listing is not None else typed.kind if typed else ""
                parts.letters = kind == "letter"
            if level > self.point_level and parts.points:
                parts.points[-1] = f"{parts.points[-1]}; {point}"
            elif parts.short and not parts.points:
                parts.points, parts.short = [parts.short, point], ""
            else:
                parts.points.append(point)
        elif self.listed_points:
            self.move(para, "recommendation")
        elif parts.points:
            parts.points.append(text)
        elif text.endswith(":") and not parts.intro and not parts.short:
            parts.intro = text
        elif parts.intro and not parts.intro.endswith(":"):
            self.section = "case"  # "Det indstilles, at … godkendes." said it all: the case goes on
            parts.case.append(para)
        elif parts.intro:
            parts.points.append(text)
        elif parts.short:
            parts.points, parts.short = [parts.short, text], ""
        else:
            parts.short = text

    def attachment(self, para: Para, text: str) -> None:
        typed = typed_marker(para.text) if para.listing is None else None
        if para.listing is not None or typed is not None:
            self.listed_attachments = True
            self.parts.attachments.append(normalize(typed.rest) if typed is not None else text)
        elif self.listed_attachments or len(text) > 250:
            self.move(para, "attachments")
        else:
            self.parts.attachments.append(text)

    def move(self, para: Para, where: str) -> None:
        self.parts.moved.append((para.index, where, normalize(para.text)))
        self.parts.case.append(para)
        self.section = "case"


def _after_label(para: Para) -> Para:
    """The paragraph without its ``Label:`` (``Referat: Godkendt.`` → ``Godkendt.``)."""
    colon = para.text.index(":") + 1
    skip = colon + len(para.text[colon:]) - len(para.text[colon:].lstrip())
    return replace(para, spans=strip_prefix(para.spans, skip), heading=None, listing=None)


def read_sections(blocks: list[Block], *, has_slot: bool = False, has_presenter: bool = False) -> ItemParts:
    """Sort one item's blocks (everything after its heading) into its parts; ``has_slot`` and
    ``has_presenter`` say the heading already named them."""
    return SectionReader(has_slot=has_slot, has_presenter=has_presenter).read(blocks)
