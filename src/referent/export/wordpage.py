"""The page around the text: the running header, the page numbers, the width between margins.

Apart from ``word`` because it works on the section's header and footer parts, not the body.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docx.text.paragraph import Paragraph as DocxParagraph

from referent.export.content import DocumentView
from referent.export.wordstyles import StyleIds
from referent.export.wordxml import add_field


def page_furniture(document: DocxDocument, view: DocumentView, ids: StyleIds) -> None:
    """Running header (title, Referat/Dagsorden, UDKAST or the review mark) and ``side/antal``."""
    section = document.sections[-1]
    width = text_width(document)
    header = section.header
    header.is_linked_to_previous = False
    p = _free_paragraph(header, ids.header)
    tabs = p.paragraph_format.tab_stops
    for inherited in document.styles.element.xpath(f'w:style[@w:styleId="{ids.header}"]/w:pPr/w:tabs/w:tab'):
        # the style's centre tab would catch our one tab before the right margin
        tabs.add_tab_stop(Emu(int(inherited.get(qn("w:pos"))) * 635), WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Emu(width), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(f"{view.title}\t{view.label}")
    if view.mark:
        p.add_run(f" \u2013 {view.mark}").bold = True
    footer = section.footer
    footer.is_linked_to_previous = False
    if any("PAGE" in (t.text or "") for t in footer._element.iter(qn("w:instrText"))):
        return  # the council's template numbers its pages itself
    p = _free_paragraph(footer, ids.footer)
    p.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
    pattern = view.page_numbers
    for piece in pattern.replace("{pages}", "\0NUMPAGES\0").replace("{page}", "\0PAGE\0").split("\0"):
        if piece in ("PAGE", "NUMPAGES"):
            add_field(p._p, piece)
        elif piece:
            p.add_run(piece)


def text_width(document: DocxDocument) -> Emu:
    """The width between the margins of the last section (A4 with 2.5 cm margins if unknown)."""
    section = document.sections[-1]
    page = section.page_width or Cm(21)
    return Emu(page - (section.left_margin or Cm(2.5)) - (section.right_margin or Cm(2.5)))


def _free_paragraph(part: Any, style_id: str) -> DocxParagraph:
    """The header's one empty paragraph, or a new one after the template's letterhead."""
    paragraphs: list[DocxParagraph] = part.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0]._p.xpath(".//w:drawing"):
        p = paragraphs[0]
    else:
        p = DocxParagraph(part._element.add_p(), part)
    p._p.get_or_add_pPr().style = style_id
    return p
