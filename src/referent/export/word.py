"""Lay a ``DocumentView`` out as a Word document in the house layout.

Everything is built on python-docx's XML elements with style ids resolved once
(``wordstyles``); the WordprocessingML python-docx lacks is in ``wordxml``. The result is
Word-native: headings in the navigation pane, real lists and tables, editable text.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from functools import partial
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Emu
from docx.table import Table as DocxTable
from lxml import etree  # type: ignore[import-untyped]  # no stubs; python-docx builds on it

from referent.export.blocks import Block, ListBlock, Paragraph, Span, Table, parse_blocks
from referent.export.content import DocumentView, HeaderRow, ItemView, Line, MinutesView
from referent.export.style import HouseStyle
from referent.export.wordpage import page_furniture, text_width
from referent.export.wordstyles import StyleIds, prepare_styles
from referent.export.wordxml import (
    Numbering,
    drop_history,
    element,
    no_borders,
    open_template,
    set_language,
    set_properties,
)
from referent.readinground.record import header_name, part_name

LABEL_WIDTH = Cm(3.2)
_ALIGN = {"center": "center", "right": "right"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_sub = etree.SubElement


def render_docx(view: DocumentView, style: HouseStyle, identifier: str = "") -> bytes:
    """The .docx file's bytes for ``view``."""
    document = open_template(style.template)
    ids = prepare_styles(document, style)
    set_language(document)
    drop_history(document)
    writer = _Writer(document, ids, Numbering(document), view.number_suffix)
    writer.part_marks = view.part_marks
    for line in view.opening:
        writer.paragraph(ids.title, line, keep_next=True)
    if view.header_layout == "lines":
        writer.header_lines(view.header)
    else:
        writer.header_block(view.header)
    for correction in view.corrections:  # of the header and attendance, after a reopening
        writer.paragraph(ids.normal, correction)
    for item in view.items:
        writer.item(item)
    if view.summary:
        writer.paragraph(ids.headings[0], view.summary_label)
        writer.bullets(view.summary)
    for line in view.closing:
        writer.paragraph(ids.normal, line)
    if view.approval:  # set apart, so that it cannot be read as part of the last item or remark
        writer.paragraph(ids.normal, view.approval, space_before=480)
    page_furniture(document, view, ids)
    set_properties(document, title=view.title, author=view.author, subject=view.label, identifier=identifier)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Writer:
    """Appends paragraphs and tables to the document body."""

    def __init__(self, document: DocxDocument, ids: StyleIds, numbering: Numbering, suffix: str) -> None:
        self.document = document
        self.body = document.element.body
        self.end = self.body.find(qn("w:sectPr"))
        self.ids = ids
        self.numbering = numbering
        self.suffix = suffix
        """``.`` or ``)``: the house style's form of the numbers referent writes itself."""
        self.bullet_id = numbering.new_list("bullet")
        self.width = text_width(document)
        self.part_marks = False
        """Wrap each item's parts in hidden bookmarks (``part_name``), for the reading copy."""
        self.bookmarks = 0

    # -- paragraphs -------------------------------------------------------------------
    # Built with plain lxml calls: python-docx's add_p() scans the body for w:sectPr on
    # every call, which made a 400-item export quadratic.
    def paragraph(
        self,
        style_id: str,
        content: str | list[Span] = "",
        *,
        parent: Any = None,
        keep_next: bool = False,
        bold: bool = False,
        num: tuple[int, int] | None = None,
        indent: int = 0,
        space_before: int = 0,
        align: str = "",
    ) -> Any:
        if parent is None:
            p = self.body.makeelement(_W + "p")
            self.end.addprevious(p)
        else:
            p = _sub(parent, _W + "p")
        ppr = _sub(p, _W + "pPr")
        _sub(ppr, _W + "pStyle", {_VAL: style_id})
        if keep_next:
            _sub(ppr, _W + "keepNext")
        if num is not None:
            numpr = _sub(ppr, _W + "numPr")
            _sub(numpr, _W + "ilvl", {_VAL: str(num[1])})
            _sub(numpr, _W + "numId", {_VAL: str(num[0])})
        spans = [Span(content, bold=bold)] if isinstance(content, str) else content
        if _right_to_left(spans):
            _sub(ppr, _W + "bidi")
        if space_before:
            _sub(ppr, _W + "spacing", {_W + "before": str(space_before)})
        if indent and num is None:
            _sub(ppr, _W + "ind", {_W + "left": str(indent)})
        if align:
            _sub(ppr, _W + "jc", {_VAL: align})
        for span in spans:
            self.run(p, span)
        return p

    def run(self, p: Any, span: Span) -> None:
        target = p
        if span.link:
            rel_id = self.document.part.relate_to(span.link, RT.HYPERLINK, is_external=True)
            target = _sub(p, _W + "hyperlink", {qn("r:id"): rel_id})
        r = _sub(target, _W + "r")
        if span.bold or span.italic or span.strike or span.code or span.link:
            rpr = _sub(r, _W + "rPr")
            if span.code:
                _sub(rpr, _W + "rFonts", {_W + k: "Courier New" for k in ("ascii", "hAnsi", "cs")})
            if span.bold:
                _sub(rpr, _W + "b")
            if span.italic:
                _sub(rpr, _W + "i")
            if span.strike:
                _sub(rpr, _W + "strike")
            if span.link:
                _sub(rpr, _W + "color", {_VAL: "0563C1"})
                _sub(rpr, _W + "u", {_VAL: "single"})
        for index, line in enumerate(span.text.split("\n")):
            if index:
                _sub(r, _W + "br")
            for position, piece in enumerate(line.split("\t")):
                if position:
                    _sub(r, _W + "tab")
                if piece:
                    _sub(r, _W + "t", {_SPACE: "preserve"}).text = piece

    def bullets(self, texts: list[str]) -> None:
        for text in texts:
            self.paragraph(self.ids.list, text, num=(self.bullet_id, 0))

    def points(self, texts: list[str], form: str) -> None:
        """A list referent makes itself: ``bullets``, or ``numbers`` / ``letters`` in the style's form."""
        if form == "bullets":
            self.bullets(texts)
            return
        num_id = self.numbering.new_list("letter" if form == "letters" else "number", suffix=self.suffix)
        for text in texts:
            self.paragraph(self.ids.list, text, num=(num_id, 0))

    def new_table(self, rows: int, columns: int) -> DocxTable:
        tbl = CT_Tbl.new_tbl(rows, columns, self.width)
        self.end.addprevious(tbl)
        return DocxTable(tbl, self.document._body)

    # -- the header block ---------------------------------------------------------------
    def header_block(self, rows: list[HeaderRow]) -> None:
        if not rows:
            return
        table = self.new_table(len(rows), 2)
        tbl = table._tbl
        no_borders(tbl)
        # wide enough for the longest label on one line ("Mødet påbegyndt"), never below 3.2 cm
        longest = max(len(row.label) for row in rows)
        label_width = Emu(max(LABEL_WIDTH, min(Cm(0.26 * longest + 0.4), Cm(6))))
        widths = (label_width, Emu(self.width - label_width))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        previous_lines = 1
        for row, data in zip(table.rows, rows, strict=True):
            label, value = row.cells
            label.width, value.width = widths
            before = 170 if previous_lines > 1 else 0  # air after a list such as Deltagere
            self._cell(label._tc, [Line(data.label)], bold=True, before=before)
            self._cell(value._tc, data.lines or [Line("")], before=before)
            if self.part_marks and data.key:
                paragraphs = value._tc.findall(_W + "p")
                self.bookmark(header_name(data.key), paragraphs[0], paragraphs[-1])
            previous_lines = len(data.lines)
        self.paragraph(self.ids.normal)  # air between the header block and item 1

    def header_lines(self, rows: list[HeaderRow]) -> None:
        """The header as lines, ``Mødedato: 26. august 2022``; a row of several lines (Deltagere)
        as a bold heading over its lines and groups, with air around it."""
        if not rows:
            return
        for index, row in enumerate(rows):
            single = len(row.lines) == 1 and not row.lines[0].group
            air = 170 if index and (not single or len(rows[index - 1].lines) > 1) else 0
            if single:
                text = _labelled(row.label, row.lines[0].text)
                p = self.paragraph(self.ids.table_text, text, space_before=air)
                if self.part_marks and row.key:
                    self.bookmark(header_name(row.key), p, p)
                continue
            self.paragraph(self.ids.table_text, row.label, bold=True, keep_next=True, space_before=air)
            written = []
            for position, line in enumerate(row.lines):
                space = 170 if line.group and position else 0
                written.append(
                    self.paragraph(self.ids.table_text, line.text, space_before=space, keep_next=line.group)
                )
            if self.part_marks and row.key and written:
                self.bookmark(header_name(row.key), written[0], written[-1])
        self.paragraph(self.ids.normal)  # air between the header and item 1

    def _cell(self, tc: Any, lines: list[Line], *, bold: bool = False, before: int = 0) -> None:
        tc.remove(tc.p_lst[0])
        for index, line in enumerate(lines):
            # a blank line's worth of air above each group heading
            space = before if index == 0 else 170 if line.group else 0
            self.paragraph(self.ids.table_text, line.text, parent=tc, bold=bold, space_before=space)

    # -- items --------------------------------------------------------------------------
    def item(self, item: ItemView) -> None:
        ids = self.ids
        number = item.number
        self.marked(part_name(number, "title"), lambda: self.paragraph(ids.headings[0], item.heading))
        if item.closed_note:
            self.paragraph(ids.normal, item.closed_note, bold=True, keep_next=bool(item.presenter))
        if item.presenter:
            self.marked(part_name(number, "presenter"),
                        lambda: self.paragraph(ids.normal, item.presenter, keep_next=True))  # fmt: skip
        parts = {
            "case": lambda: self.blocks(parse_blocks(item.case)),
            "recommendation": lambda: self.recommendation(item),
            "attachments": lambda: self.attachments(item),
            "minutes": lambda: self.minutes(item),
        }
        for part in item.order:
            if part == "minutes":
                parts[part]()
            else:
                self.marked(part_name(number, part), parts[part])

    def marked(self, name: str, write: Callable[[], object]) -> None:
        """Write a part; in a reading copy, between a hidden bookmark's start and end (Word
        and LibreOffice keep bookmarks when they save, and a reader of the page never sees them)."""
        if not self.part_marks:
            write()
            return
        before = self.end.getprevious()
        write()
        first = before.getnext() if before is not None else self.body[0]
        if first is None or first is self.end:
            return
        last = self.end.getprevious()
        start_p = first if first.tag == _W + "p" else next(first.iter(_W + "p"), None)
        end_p = last if last.tag == _W + "p" else [*last.iter(_W + "p")][-1:]
        if isinstance(end_p, list):
            end_p = end_p[0] if end_p else None
        if start_p is None or end_p is None:
            return
        self.bookmark(name, start_p, end_p)

    def bookmark(self, name: str, start_p: Any, end_p: Any) -> None:
        """A hidden bookmark ``name`` from the start of paragraph ``start_p`` to the end of ``end_p``."""
        self.bookmarks += 1
        mark = str(self.bookmarks)
        start = start_p.makeelement(_W + "bookmarkStart", {_W + "id": mark, _W + "name": name})
        ppr = start_p.find(_W + "pPr")
        if ppr is not None:
            ppr.addnext(start)
        else:
            start_p.insert(0, start)
        _sub(end_p, _W + "bookmarkEnd", {_W + "id": mark})

    def recommendation(self, item: ItemView) -> None:
        ids = self.ids
        if item.short:
            self.paragraph(ids.normal, [Span(item.short_label + " "), Span(item.short)])
        if item.intro:
            if item.recommendation_label:
                self.paragraph(ids.normal, item.recommendation_label, keep_next=True)
            self.paragraph(ids.normal, item.intro, keep_next=bool(item.points))
            self.points(item.points, item.point_form)

    def attachments(self, item: ItemView) -> None:
        if not item.attachments:
            return
        if item.attachment_form == "inline":  # Bilag: Udkast til årsstatus 2021
            self.paragraph(self.ids.normal, f"{item.attachments_label} {', '.join(item.attachments)}")
            return
        self.paragraph(self.ids.normal, item.attachments_label, keep_next=True)
        self.points(item.attachments, item.attachment_form)

    def minutes(self, item: ItemView) -> None:
        ids = self.ids
        minutes = item.minutes
        if minutes is None:
            return
        number = item.number
        self.marked(part_name(number, "label"),
                    lambda: self.paragraph(ids.normal, minutes.label, bold=True, keep_next=True))  # fmt: skip
        if minutes.notes:
            self.marked(part_name(number, "notes"),
                        lambda: [self.paragraph(ids.normal, note) for note in minutes.notes])  # fmt: skip
        # one Enter: a new line, as typed
        self.marked(
            part_name(number, "minutes"), lambda: self.blocks(parse_blocks(minutes.text, line_breaks=True))
        )
        last = self.end.getprevious()
        if minutes.corrections and last is not None and last.tag == _W + "p":
            last.get_or_add_pPr().keepNext_val = True  # the correction stays with the text it corrects
        for part, lines in (("corrections", minutes.corrections), ("outcomes", minutes.outcomes)):
            if lines:
                self.marked(part_name(number, part), partial(self.lines, lines))
        self.marked(part_name(number, "after"), lambda: self.after_minutes(minutes))

    def lines(self, lines: list[str]) -> None:
        for line in lines:
            self.paragraph(self.ids.normal, line)

    def after_minutes(self, minutes: MinutesView) -> None:
        """Follow-ups and protocol remarks: after the minutes' text, corrections and outcomes."""
        ids = self.ids
        if minutes.actions:
            self.paragraph(ids.normal, minutes.actions_label, keep_next=True)
            self.bullets(minutes.actions)
        for remark in minutes.remarks:
            if remark.label.strip():
                self.paragraph(ids.normal, remark.label, bold=True, keep_next=True)
            for paragraph in remark.paragraphs:  # word for word: not read as Markdown
                self.paragraph(ids.normal, paragraph)

    # -- Markdown blocks ----------------------------------------------------------------
    def blocks(self, blocks: list[Block], level: int = 0) -> None:
        for block in blocks:
            if isinstance(block, ListBlock):
                self.list(block, level)
            elif isinstance(block, Table):
                self.table(block)
            else:
                self.block_paragraph(block, indent=360 * level if level else 0)

    def block_paragraph(
        self, block: Paragraph, *, indent: int = 0, num: tuple[int, int] | None = None
    ) -> None:
        if block.kind == "heading":
            style_id = self.ids.headings[min(block.level, 3)]
        elif block.kind == "quote":
            style_id = self.ids.quote
        else:
            style_id = self.ids.list if num or indent else self.ids.normal
        self.paragraph(style_id, block.spans, num=num, indent=indent, keep_next=block.kind == "heading")

    def list(self, block: ListBlock, level: int) -> None:
        """A list in a case or minutes text, in the form it was written (``1.``, ``1)``, ``a)``)."""
        if block.ordered:
            kind = "letter" if block.letters else "number"
            num_id = self.numbering.new_list(kind, level, block.start, block.delimiter)
        else:
            num_id = self.bullet_id
        for item in block.items:
            numbered = False
            for inner in item:
                if isinstance(inner, Paragraph) and not numbered:
                    self.block_paragraph(inner, num=(num_id, level))
                    numbered = True
                elif isinstance(inner, Paragraph):  # a second paragraph in the same item
                    self.block_paragraph(inner, indent=360 * (level + 1))
                elif isinstance(inner, ListBlock):
                    self.list(inner, level + 1)
                else:
                    self.table(inner)

    def table(self, block: Table) -> None:
        rows = [block.header, *block.rows]  # at most MAX_TABLE_COLUMNS wide (see blocks.py)
        columns = max(len(row) for row in rows)
        table = self.new_table(len(rows), columns)
        tbl = table._tbl
        tbl.tblPr.style = self.ids.table_grid
        widths = _column_widths(rows, columns, self.width)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        # the rows' own elements: python-docx's row.cells lays out the whole table on every call
        for index, (tr, cells) in enumerate(zip(tbl.tr_lst, rows, strict=True)):
            for column, tc in enumerate(tr.tc_lst):
                tc.width = widths[column]
                spans = cells[column] if column < len(cells) else []
                if index == 0:
                    spans = [Span(s.text, True, s.italic, s.strike, s.code, s.link) for s in spans]
                tc.remove(tc.p_lst[0])
                align = _ALIGN.get(block.align[column] if column < len(block.align) else "", "")
                self.paragraph(self.ids.table_text, spans, parent=tc, align=align)
        header = tbl.tr_lst[0].get_or_add_trPr()
        header.append(element("w:tblHeader"))  # repeat the header row on each page
        self.paragraph(self.ids.normal)


def _labelled(label: str, text: str) -> str:
    """``Mødedato: 26. august 2022``: the label with one colon, then the value."""
    label = label.strip()
    return f"{label.rstrip(':')}: {text}" if label else text


def _column_widths(rows: list[list[list[Span]]], columns: int, total: int) -> list[Emu]:
    """Columns as wide as their longest text suggests (within limits), filling the page width."""
    weights = []
    for column in range(columns):
        longest = max(
            (len("".join(s.text for s in row[column])) for row in rows if column < len(row)), default=0
        )
        weights.append(min(max(longest, 8), 60))
    return [Emu(total * weight // sum(weights)) for weight in weights]


def _right_to_left(spans: list[Span]) -> bool:
    """Whether the paragraph's first strongly directed character is Hebrew or Arabic."""
    for span in spans:
        for char in span.text:
            direction = unicodedata.bidirectional(char)
            if direction in ("R", "AL"):
                return True
            if direction == "L":
                return False
    return False
