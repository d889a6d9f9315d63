"""A .docx body as a flat sequence of paragraphs and tables, in reading order, ready to interpret.

``package`` opens the package within fixed bounds; the body is then walked with lxml (list
numbers are not in the text at all: they are resolved here, see ``numbering``). What a reader
of the page does not see is not read: hidden text (``w:vanish``, directly or through a
style), deleted text, a content control's placeholder ("Klik eller tryk her for at skrive
tekst."). What is seen but lives elsewhere is read where it stands: a text box's paragraphs
follow the paragraph that anchors it, and of ``mc:AlternateContent`` the first choice is read.
An embedded document (``w:altChunk``) cannot be read and is reported.

**Paragraph numbers (¶).** Every paragraph gets a 1-based number in document order: the
body's paragraphs, and each table's paragraphs row by row, cell by cell (a nested table in
place), exactly where the table stands. For a document without content controls this is
the order of ``document.iter_inner_content()`` with each table expanded into its cells'
paragraphs; a content control's paragraphs are counted where it stands. Empty paragraphs
count too, so ¶57 is the 57th paragraph Word would step through.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from referent.export.blocks import Span, merge_spans  # text with one formatting, as Markdown has it
from referent.i18n import phrase
from referent.importing.word.numbering import SYMBOL_BULLETS, ListCounter, Listing
from referent.importing.word.package import Package, open_package
from referent.importing.word.styles import (
    VAL,
    StyleSheet,
    W,
    flag,
    hidden_flag,
    num_properties,
    outline_level,
)

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WRAPPERS = {W + "ins", W + "smartTag", W + "customXml", W + "fldSimple", W + "moveTo", W + "dir", W + "bdo"}
_BLOCK_WRAPPERS = {W + "customXml", W + "ins", W + "moveTo"}
_TEXT_BOX = W + "txbxContent"
MAX_PARAGRAPHS = 100_000
"""A 400-page agenda has about 10,000 paragraphs."""
READ_SECONDS = 30
MAX_COLUMNS = 63
"""Word's own bound on a table's columns (``w:gridSpan`` beyond it is hostile or broken)."""


@dataclass
class Para:
    """One paragraph: its text as spans, and what its style and numbering make of it."""

    index: int
    """The ¶ number (see the module docstring)."""
    spans: list[Span]
    style: str = ""
    heading: int | None = None
    title: bool = False
    quote: bool = False
    listing: Listing | None = None
    in_table: bool = False

    @cached_property
    def text(self) -> str:
        """The paragraph's text (asked for again and again while the agenda is found: kept)."""
        return "".join(span.text for span in self.spans)

    @cached_property
    def lines(self) -> list[str]:
        """The lines of its text with words one space apart (a manual line break makes a line),
        empty ones left out."""
        from referent.dates import normalize

        return [normalize(line) for line in self.text.split("\n") if line.strip()]

    @property
    def bold(self) -> bool:
        """Every visible character is bold (a bold paragraph reads as a heading)."""
        visible = [s for s in self.spans if s.text.strip()]
        return bool(visible) and all(s.bold for s in visible)

    @property
    def emphasised(self) -> bool:
        visible = [s for s in self.spans if s.text.strip()]
        return bool(visible) and all(s.bold or s.italic for s in visible)


@dataclass
class Cell:
    blocks: list[Para | Table]
    span: int = 1
    """How many grid columns the cell covers (``w:gridSpan``)."""

    def paragraphs(self) -> list[Para]:
        return paragraphs(self.blocks)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs())


@dataclass
class Table:
    index: int
    """The ¶ number of the table's first paragraph."""
    rows: list[list[Cell]] = field(default_factory=list)

    def paragraphs(self) -> list[Para]:
        return [p for row in self.rows for cell in row for p in cell.paragraphs()]


Block = Para | Table


def paragraphs(blocks: list[Block]) -> list[Para]:
    """Every paragraph of ``blocks``, those in tables included, in order."""
    out: list[Para] = []
    for block in blocks:
        out.extend([block] if isinstance(block, Para) else block.paragraphs())
    return out


@dataclass
class WordDocument:
    blocks: list[Block]
    paragraphs: int
    """How many paragraphs the document has (the last ¶ number)."""
    unread: list[tuple[int, str]] = field(default_factory=list)
    """(¶ where it stands, what) of content that could not be read: an embedded document."""
    places: dict[int, str] = field(default_factory=dict)
    """Where each paragraph in a table stands: ``table 2, row 3, column 1`` (a ¶ number counts the
    paragraphs in tables too, which is hard to follow in Word)."""
    title: str = ""
    """The title in the file's properties (File → Info), which referent's export sets."""
    created: datetime | None = None
    modified: datetime | None = None


def load(data: bytes, name: str = "AGENDA.docx") -> WordDocument:
    """Read a .docx from its bytes; ``MeetingFileError`` for a file that is no usable .docx."""
    package: Package = open_package(data, name)
    styles = StyleSheet(package.styles)
    walker = _Walker(styles, ListCounter(package.numbering, styles), package.links, name)
    body = package.document.find(W + "body")
    if body is None:
        from referent.problems import MeetingFileError, Problem

        raise MeetingFileError(
            name, [Problem(None, phrase("cannot be read as a Word document: it has no body"))]
        )
    blocks = walker.container(body, in_table=False)
    # python-docx's blank template says it was made in December 2013: not the agenda's date
    untouched = package.comments == "generated by python-docx"
    return WordDocument(
        blocks=blocks,
        paragraphs=walker.count,
        unread=walker.unread,
        places=walker.places,
        title=package.title,
        created=None if untouched else package.created,
        modified=None if untouched else package.modified,
    )


class _Walker:
    def __init__(self, styles: StyleSheet, counter: ListCounter, links: dict[str, str], name: str) -> None:
        self.name = name
        self.styles = styles
        self.counter = counter
        self.links = links
        self.count = 0
        self.character_styles: dict[str, tuple[bool | None, bool | None, bool | None]] = {}
        self.boxes: list[Any] = []
        """Text boxes met in the paragraph being read: their paragraphs follow it."""
        self.unread: list[tuple[int, str]] = []
        self.deadline = time.monotonic() + READ_SECONDS
        self.tables = 0
        self.places: dict[int, str] = {}
        """Where a paragraph in a table is, as Word shows it (table 2, row 3, column 1), by ¶."""

    def container(self, element: Any, *, in_table: bool) -> list[Block]:
        blocks: list[Block] = []
        for child in element:
            tag = child.tag
            if tag == W + "p":
                para = self.paragraph(child, in_table)
                boxes, self.boxes = self.boxes, []
                if para is not None:
                    blocks.append(para)
                for box in boxes:
                    blocks += self.container(box, in_table=in_table)
            elif tag == W + "tbl":
                blocks.append(self.table(child))
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None and not _placeholder(child):
                    blocks += self.container(content, in_table=in_table)
            elif tag in _BLOCK_WRAPPERS:
                blocks += self.container(child, in_table=in_table)
            elif tag == _MC + "AlternateContent":
                chosen = _chosen(child)
                if chosen is not None:
                    blocks += self.container(chosen, in_table=in_table)
            elif tag == W + "altChunk":
                self.unread.append((self.count + 1, phrase("an embedded document (altChunk)")))
        return blocks

    def bounds(self) -> None:
        """An agenda has a few thousand paragraphs and is read in a fraction of a second: a
        document far beyond that is refused with a message rather than read for minutes."""
        from referent.problems import MeetingFileError, Problem

        if self.count > MAX_PARAGRAPHS:
            raise MeetingFileError(
                self.name,
                [
                    Problem(
                        None,
                        phrase(
                            "the document has more than {count} paragraphs;"
                            " referent reads agendas up to that size",
                            count=f"{MAX_PARAGRAPHS:,}",
                        ),
                    )
                ],
            )
        if time.monotonic() > self.deadline:
            raise MeetingFileError(
                self.name,
                [
                    Problem(
                        None,
                        phrase(
                            "reading the document took more than {seconds} seconds; "
                            "it is not an agenda referent can read",
                            seconds=READ_SECONDS,
                        ),
                    )
                ],
            )

    def table(self, element: Any) -> Table:
        table = Table(index=self.count + 1)
        self.tables += 1
        number = self.tables
        for row_number, tr in enumerate(_children(element, W + "tr"), start=1):
            row: list[Cell] = []
            for column, tc in enumerate(_children(tr, W + "tc"), start=1):
                first = self.count + 1
                span = 1
                tcpr = tc.find(W + "tcPr")
                if tcpr is not None and (grid := tcpr.find(W + "gridSpan")) is not None:
                    text = grid.get(VAL, "1")
                    span = min(max(1, int(text) if text.isdigit() and len(text) < 6 else 1), MAX_COLUMNS)
                row.append(Cell(self.container(tc, in_table=True), span))
                for index in range(first, self.count + 1):
                    self.places.setdefault(index, f"table {number}, row {row_number}, column {column}")
            table.rows.append(row)
        return table

    def paragraph(self, element: Any, in_table: bool) -> Para | None:
        """The paragraph, or None when the whole of it is hidden."""
        self.count += 1
        if self.count % 2000 == 0:
            self.bounds()
        ppr = element.find(W + "pPr")
        style_id = None
        direct_num: tuple[str | None, int | None] = (None, None)
        direct_outline = None
        if ppr is not None:
            pstyle = ppr.find(W + "pStyle")
            style_id = pstyle.get(VAL) if pstyle is not None else None
            numpr = ppr.find(W + "numPr")
            if numpr is not None:
                direct_num = num_properties(numpr)
            direct_outline = outline_level(ppr)
        style = self.styles.get(style_id)
        num_id = direct_num[0] if direct_num[0] is not None else style.num_id
        level = direct_num[1] if direct_num[1] is not None else (style.num_level or 0)
        listing = self.counter.next(num_id, level) if num_id else None
        bold = style.bold if style.bold is not None else self.styles.default_bold
        italic = style.italic if style.italic is not None else self.styles.default_italic
        hidden = bool(style.hidden)
        spans: list[Span] = []
        self.runs(element, spans, bold, italic, "", hidden)
        if not spans and _hidden_mark(ppr, hidden):
            return None  # hidden as a whole (its style or its mark): a reader of the page sees nothing
        return Para(
            index=self.count,
            spans=merge_spans(spans),
            style=style.name or style.style_id,
            heading=direct_outline if direct_outline is not None else style.heading,
            title=style.title,
            quote=style.quote,
            listing=listing,
            in_table=in_table,
        )

    def runs(self, element: Any, out: list[Span], bold: bool, italic: bool, link: str, hidden: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "r":
                self.run(child, out, bold, italic, link, hidden)
            elif tag == W + "hyperlink":
                target = self.links.get(child.get(_R + "id", ""), "")
                self.runs(child, out, bold, italic, target or link, hidden)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None and not _placeholder(child):
                    self.runs(content, out, bold, italic, link, hidden)
            elif tag == _MC + "AlternateContent":
                chosen = _chosen(child)
                if chosen is not None:
                    self.runs(chosen, out, bold, italic, link, hidden)
            elif tag in _WRAPPERS:
                self.runs(child, out, bold, italic, link, hidden)

    def run(self, r: Any, out: list[Span], bold: bool, italic: bool, link: str, hidden: bool) -> None:
        strike = False
        rpr = r.find(W + "rPr")
        if rpr is not None:
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                style_bold, style_italic, style_hidden = self.character_style(rstyle.get(VAL, ""))
                bold = style_bold if style_bold is not None else bold
                italic = style_italic if style_italic is not None else italic
                hidden = style_hidden if style_hidden is not None else hidden
            direct = flag(rpr.find(W + "b"))
            bold = direct if direct is not None else bold
            direct = flag(rpr.find(W + "i"))
            italic = direct if direct is not None else italic
            direct = hidden_flag(rpr)
            hidden = direct if direct is not None else hidden
            strike = bool(flag(rpr.find(W + "strike")) or flag(rpr.find(W + "dstrike")))
        if hidden:
            return
        pieces: list[str] = []
        for child in r:
            tag = child.tag
            if tag == W + "t":
                pieces.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                pieces.append("\t")
            elif tag == W + "br":
                if child.get(W + "type") not in ("page", "column"):
                    pieces.append("\n")
            elif tag == W + "cr":
                pieces.append("\n")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "sym":
                pieces.append(_symbol(child.get(W + "char", "")))
            elif tag in (W + "drawing", W + "pict", _MC + "AlternateContent"):
                self.boxes += _text_boxes(child)
        text = "".join(pieces)
        if text:
            out.append(Span(text, bold, italic, strike, link=link))

    def character_style(self, style_id: str) -> tuple[bool | None, bool | None, bool | None]:
        if style_id not in self.character_styles:
            info = self.styles.get(style_id) if style_id in self.styles.raw else None
            found = (info.bold, info.italic, info.hidden) if info else (None, None, None)
            self.character_styles[style_id] = found
        return self.character_styles[style_id]


_INSTRUCTION = re.compile(
    r"klik (?:eller tryk )?her|click (?:or tap )?here|tap here|klikk (?:eller trykk )?her|"
    r"klicka (?:eller tryck )?här|haga clic|pulse aquí|klicken oder tippen|hier klicken|"
    r"(?:skriv|type|enter|angiv|indtast|skriv inn|ange|escriba|geben sie) "
    r"(?:her|here|text|tekst|en dato|a date)|"
    r"vælg et element|choose an item|velg et element|välj ett objekt|elija un elemento",
    re.IGNORECASE,
)


def _placeholder(sdt: Any) -> bool:
    """A content control still showing Word's instruction ("Klik eller tryk her for at skrive
    tekst."): not the agenda's text. A template's own placeholder that the author kept (an
    agenda template's "CALL TO ORDER") is shown on the page and is read."""
    properties = sdt.find(W + "sdtPr")
    if properties is None or flag(properties.find(W + "showingPlcHdr")) is not True:
        return False
    content = sdt.find(W + "sdtContent")
    text = "".join(t.text or "" for t in content.iter(W + "t")) if content is not None else ""
    return not text.strip() or bool(_INSTRUCTION.search(text))


def _chosen(alternate: Any) -> Any:
    """Of ``mc:AlternateContent``, the content Word shows: the first choice, else the fallback."""
    choice = alternate.find(_MC + "Choice")
    return choice if choice is not None else alternate.find(_MC + "Fallback")


def _text_boxes(element: Any) -> list[Any]:
    """The text boxes (DrawingML or VML) in a run's drawing, each once (of an
    ``mc:AlternateContent`` only the chosen one)."""
    if element.tag == _MC + "AlternateContent":
        element = _chosen(element)
        if element is None:
            return []
    return [
        box for box in element.iter(_TEXT_BOX) if not any(a.tag == _TEXT_BOX for a in box.iterancestors())
    ]


def _hidden_mark(ppr: Any, hidden: bool) -> bool:
    """The paragraph's own mark is hidden (its style, or ``w:vanish`` on its run properties)."""
    if (
        ppr is not None
        and (rpr := ppr.find(W + "rPr")) is not None
        and (said := hidden_flag(rpr)) is not None
    ):
        return said
    return hidden


def _children(element: Any, tag: str) -> list[Any]:
    """Direct children with ``tag``, also those wrapped in a content control or custom XML."""
    found = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                found += _children(content, tag)
        elif child.tag == W + "customXml":
            found += _children(child, tag)
    return found


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if chr(value) in SYMBOL_BULLETS:
        return SYMBOL_BULLETS[chr(value)]
    if 0xF020 <= value <= 0xF0FF:  # a symbol font's private-use copy of an ASCII-range glyph
        value -= 0xF000
    return chr(value)
