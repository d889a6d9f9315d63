"""The WordprocessingML that python-docx has no API for, in one place.

List numbering that restarts per list, PAGE/NUMPAGES fields, the spell-check language,
borderless tables, clean document properties and council templates (.dotx included):
each is a known python-docx gap (see shared/pitfalls.md) solved here with plain lxml.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LANGUAGE = "da-DK"
BULLETS = ("•", "o", "▪")
_DOTX = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def element(tag: str, **attributes: str) -> Any:
    """``element("w:lang", val="da-DK")``: a WordprocessingML element with w: attributes."""
    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), value)
    return node


BLANK = Path(__file__).with_name("blank.docx")
"""python-docx's blank document prepared for referent (``referent.export.blank``)."""


def open_template(path: Path | None) -> DocxDocument:
    """The blank document (``BLANK``), or a council template with its body emptied.

    Word templates (.dotx) differ from documents only in one content type, which
    python-docx refuses; it is rewritten in memory. The template's last section
    properties (page size, margins, headers, footers) are kept.
    """
    if path is None:
        return Document(str(BLANK))
    data = path.read_bytes()
    if _DOTX in _content_types(data):
        data = _as_document(data)
    document = Document(io.BytesIO(data))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def drop_history(document: DocxDocument) -> None:
    """Parts that only carry a template's history: Word 2010 style copies, app stats."""
    for rels, kind in (
        (document.part.rels, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"),
        (document.part.package.rels, RT.EXTENDED_PROPERTIES),
    ):
        for rel_id, rel in list(rels.items()):
            if rel.reltype == kind:
                rels.pop(rel_id)


def _content_types(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("[Content_Types].xml")


def _as_document(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_DOTX, _DOCX)
            target.writestr(info, content)
    return out.getvalue()


def set_language(document: DocxDocument, language: str = LANGUAGE) -> None:
    """Danish spell-check: ``w:lang`` in the styles' document defaults, and no style overriding it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = element("w:rPrDefault")
        defaults.insert(0, run_default)
    properties = run_default.find(qn("w:rPr"))
    if properties is None:
        properties = element("w:rPr")
        run_default.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)
    for style_lang in styles.iterfind(f"{qn('w:style')}/{qn('w:rPr')}/{qn('w:lang')}"):
        style_lang.attrib.pop(qn("w:val"), None)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)


def set_properties(
    document: DocxDocument, *, title: str, author: str, subject: str, identifier: str = ""
) -> None:
    """Title, author and dates of this export, and none of python-docx's own traces.

    ``identifier`` names the meeting and version the document was written for, so that a
    later export can tell its own earlier file from another meeting's (``export.naming``)."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.identifier = identifier
    props.language = LANGUAGE
    props.revision = 1
    props.created = now
    props.modified = now
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of python-docx's blank page
            package.rels.pop(rel_id)


class Numbering:
    """Creates list definitions and a fresh ``w:num`` per list, so every list restarts.

    Word continues a numbered list across the whole document unless each list has its
    own ``w:num`` with a ``startOverride``; every paragraph of the list must carry it.
    One list definition is made per form (bullets; numbers or letters followed by ``.`` or
    ``)``), when first used: the item numbering of a house style and the ``1.`` a
    secretary typed in a case text are different forms.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.root = document.part.numbering_part.element
        abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in self.root.iterfind(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in self.root.iterfind(qn("w:num"))]
        self.next_abstract = max(abstract_ids, default=0) + 1
        self.next_num = max(num_ids, default=0) + 1
        self.cleanup = self.root.find(qn("w:numIdMacAtCleanup"))
        self.abstract: dict[tuple[str, str], int] = {}

    def new_list(self, kind: str, level: int = 0, start: int = 1, suffix: str = ".") -> int:
        """A new list instance of ``bullet``, ``number`` or ``letter``; returns its numId."""
        key = (kind, "" if kind == "bullet" else suffix)
        if key not in self.abstract:
            if kind == "bullet":
                levels = [("bullet", BULLETS[lvl % 3]) for lvl in range(9)]
            else:
                levels = _ladder("lowerLetter" if kind == "letter" else "decimal", suffix)
            self.abstract[key] = self._abstract(levels)
        num_id = self.next_num
        self.next_num += 1
        num = element("w:num", numId=str(num_id))
        num.append(element("w:abstractNumId", val=str(self.abstract[key])))
        override = element("w:lvlOverride", ilvl=str(level))
        override.append(element("w:startOverride", val=str(start)))
        num.append(override)
        if self.cleanup is not None:
            self.cleanup.addprevious(num)
        else:
            self.root.append(num)
        return num_id

    def _abstract(self, levels: list[tuple[str, str]]) -> int:
        abstract_id = self.next_abstract
        self.next_abstract += 1
        node = element("w:abstractNum", abstractNumId=str(abstract_id))
        node.append(element("w:multiLevelType", val="hybridMultilevel"))
        for level, (fmt, text) in enumerate(levels):
            lvl = element("w:lvl", ilvl=str(level))
            lvl.append(element("w:start", val="1"))
            lvl.append(element("w:numFmt", val=fmt))
            lvl.append(element("w:lvlText", val=text))
            lvl.append(element("w:lvlJc", val="left"))
            paragraph = element("w:pPr")
            paragraph.append(element("w:ind", left=str(360 * (level + 1)), hanging="360"))
            lvl.append(paragraph)
            node.append(lvl)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:  # the schema wants every abstractNum before the nums
            first_num.addprevious(node)
        else:
            self.root.append(node)
        return abstract_id


def _ladder(fmt: str, suffix: str) -> list[tuple[str, str]]:
    """Level formats for a numbered list; nested Markdown lists keep the form the writer typed."""
    return [(fmt, f"%{lvl + 1}{suffix}") for lvl in range(9)]


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) as begin/instruction/separate/result/end runs."""
    for part in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_r()
        if part == "instr":
            instr = element("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = f" {instruction} "
            run.append(instr)
        elif part == "result":
            run.text = placeholder
        else:
            run.append(element("w:fldChar", fldCharType=part))


def no_borders(table: Any) -> None:
    """Explicit ``nil`` borders: a template's default table style may draw them."""
    properties = table.tblPr
    borders = properties.find(qn("w:tblBorders"))
    if borders is not None:
        properties.remove(borders)
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", val="nil"))
    properties.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"
    )
