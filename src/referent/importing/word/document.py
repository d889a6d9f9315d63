"""A .docx body as a flat sequence of paragraphs and tables, in reading order, ready to interpret.

python-docx opens the package; the body is then walked with plain lxml, because
``document.paragraphs`` skips tables, content controls and tracked insertions, and list
numbers are not in the text at all (they are resolved here, see ``numbering``).

**Paragraph numbers (¶).** Every paragraph gets a 1-based number in document order: the
body's paragraphs, and each table's paragraphs row by row, cell by cell (a nested table in
place), exactly where the table stands. For a document without content controls this is
the order of ``document.iter_inner_content()`` with each table expanded into its cells'
paragraphs; a content control's paragraphs are counted where it stands. Empty paragraphs
count too, so ¶57 is the 57th paragraph Word would step through.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from referent.importing.word.numbering import ListCounter, Listing
from referent.importing.word.styles import VAL, StyleSheet, W, flag, num_properties, outline_level

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_WRAPPERS = {W + "ins", W + "smartTag", W + "customXml", W + "fldSimple", W + "moveTo", W + "dir", W + "bdo"}
_BLOCK_WRAPPERS = {W + "customXml", W + "ins", W + "moveTo"}
_PRIVATE_BULLETS = {0xF0B7: "•", 0xF0A7: "▪", 0xF0D8: "➢", 0xF0FC: "✓"}


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph's text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    link: str = ""


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

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

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
        out: list[Para] = []
        for block in self.blocks:
            out.extend([block] if isinstance(block, Para) else block.paragraphs())
        return out

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


@dataclass
class WordDocument:
    blocks: list[Block]
    paragraphs: int
    """How many paragraphs the document has (the last ¶ number)."""
    title: str = ""
    """The title in the file's properties (File → Info), which referent's export sets."""
    created: datetime | None = None
    modified: datetime | None = None


def load(data: bytes) -> WordDocument:
    """Read a .docx from its bytes. Raises whatever python-docx and lxml raise for a bad file."""
    import docx

    document = docx.Document(io.BytesIO(data))
    part = document.part
    numbering_root = _related_element(part, _NUMBERING)
    styles = StyleSheet(_related_element(part, _STYLES))
    links = {rel_id: rel.target_ref for rel_id, rel in part.rels.items() if rel.reltype == _HYPERLINK}
    walker = _Walker(styles, ListCounter(numbering_root, styles), links)
    blocks = walker.container(document.element.body, in_table=False)
    properties = document.core_properties
    return WordDocument(
        blocks=blocks,
        paragraphs=walker.count,
        title=properties.title or "",
        created=properties.created,
        modified=properties.modified,
    )


def _related_element(part: Any, relationship: str) -> Any:
    """The XML root of the part related to the document by ``relationship``; None when absent."""
    try:
        related = part.part_related_by(relationship)
    except KeyError:
        return None
    return getattr(related, "element", None)


class _Walker:
    def __init__(self, styles: StyleSheet, counter: ListCounter, links: dict[str, str]) -> None:
        self.styles = styles
        self.counter = counter
        self.links = links
        self.count = 0
        self.character_styles: dict[str, tuple[bool | None, bool | None]] = {}

    def container(self, element: Any, *, in_table: bool) -> list[Block]:
        blocks: list[Block] = []
        for child in element:
            tag = child.tag
            if tag == W + "p":
                blocks.append(self.paragraph(child, in_table))
            elif tag == W + "tbl":
                blocks.append(self.table(child))
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    blocks += self.container(content, in_table=in_table)
            elif tag in _BLOCK_WRAPPERS:
                blocks += self.container(child, in_table=in_table)
        return blocks

    def table(self, element: Any) -> Table:
        table = Table(index=self.count + 1)
        for tr in _children(element, W + "tr"):
            row: list[Cell] = []
            for tc in _children(tr, W + "tc"):
                span = 1
                tcpr = tc.find(W + "tcPr")
                if tcpr is not None and (grid := tcpr.find(W + "gridSpan")) is not None:
                    span = max(1, int(grid.get(VAL, "1")) if grid.get(VAL, "1").isdigit() else 1)
                row.append(Cell(self.container(tc, in_table=True), span))
            table.rows.append(row)
        return table

    def paragraph(self, element: Any, in_table: bool) -> Para:
        self.count += 1
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
        spans: list[Span] = []
        self.runs(element, spans, bold, italic, "")
        return Para(
            index=self.count,
            spans=_merge(spans),
            style=style.name or style.style_id,
            heading=direct_outline if direct_outline is not None else style.heading,
            title=style.title,
            quote=style.quote,
            listing=listing,
            in_table=in_table,
        )

    def runs(self, element: Any, out: list[Span], bold: bool, italic: bool, link: str) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "r":
                self.run(child, out, bold, italic, link)
            elif tag == W + "hyperlink":
                target = self.links.get(child.get(_R + "id", ""), "")
                self.runs(child, out, bold, italic, target or link)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.runs(content, out, bold, italic, link)
            elif tag in _WRAPPERS:
                self.runs(child, out, bold, italic, link)

    def run(self, r: Any, out: list[Span], bold: bool, italic: bool, link: str) -> None:
        strike = False
        rpr = r.find(W + "rPr")
        if rpr is not None:
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                style_bold, style_italic = self.character_style(rstyle.get(VAL, ""))
                bold = style_bold if style_bold is not None else bold
                italic = style_italic if style_italic is not None else italic
            direct = flag(rpr.find(W + "b"))
            bold = direct if direct is not None else bold
            direct = flag(rpr.find(W + "i"))
            italic = direct if direct is not None else italic
            strike = bool(flag(rpr.find(W + "strike")) or flag(rpr.find(W + "dstrike")))
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
        text = "".join(pieces)
        if text:
            out.append(Span(text, bold, italic, strike, link))

    def character_style(self, style_id: str) -> tuple[bool | None, bool | None]:
        if style_id not in self.character_styles:
            info = self.styles.get(style_id) if style_id in self.styles.raw else None
            self.character_styles[style_id] = (info.bold, info.italic) if info else (None, None)
        return self.character_styles[style_id]


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
    if value in _PRIVATE_BULLETS:
        return _PRIVATE_BULLETS[value]
    if 0xF020 <= value <= 0xF0FF:  # a symbol font's private-use copy of an ASCII-range glyph
        value -= 0xF000
    return chr(value)


def _merge(spans: list[Span]) -> list[Span]:
    """Neighbouring runs with the same formatting as one span (Word splits runs freely)."""
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.strike, last.link) == (
            span.bold,
            span.italic,
            span.strike,
            span.link,
        ):
            merged[-1] = Span(last.text + span.text, span.bold, span.italic, span.strike, span.link)
        else:
            merged.append(span)
    return merged
