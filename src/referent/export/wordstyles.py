"""The paragraph and table styles an export uses: found once by name, then used by id.

Looking a style up by name scans every style (six times slower over a whole export, see
pitfalls), and a council template may call Heading 1 ``Overskrift1`` internally. So each
style is resolved once here, created when the template lacks it, and the writer only ever
sets ids. Without a council template the built-in look (A4, fonts, spacing) is applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from referent.export.style import HouseStyle
from referent.export.wordxml import element

TABLE_TEXT = "Tabeltekst"
"""Our own style for the header block and table cells: body text without spacing."""
USED_STYLES = (
    "Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Paragraph",
    "Quote", "Header", "Footer", "Table Grid",
)  # fmt: skip
"""Word's built-in styles the writer uses (``TABLE_TEXT`` is made where missing): the blank
document keeps these of Word's 164 (see ``referent.export.blank``)."""


@dataclass(frozen=True)
class StyleIds:
    normal: str
    title: str
    """The opening lines above the header (``Referat``, the body's name)."""
    headings: tuple[str, str, str, str]
    """Heading 1 (items) to Heading 4 (headings inside case texts)."""
    list: str
    table_text: str
    quote: str
    header: str
    footer: str
    table_grid: str


def prepare_styles(document: DocxDocument, style: HouseStyle) -> StyleIds:
    """Resolve (or create) every style the writer needs and give them the house look."""
    styles = document.styles
    paragraph = WD_STYLE_TYPE.PARAGRAPH

    def resolve(name: str, kind: Any = paragraph) -> Any:
        try:
            return styles[name]
        except KeyError:  # absent or only latent in the template: create it
            created = styles.add_style(name, kind)
            if kind == paragraph:
                created.base_style = styles["Normal"]
            return created

    normal = resolve("Normal")
    headings = [resolve(f"Heading {level}") for level in range(1, 5)]
    for level, heading in enumerate(headings):
        _outline(heading.element, level)
    title = resolve("Title")
    table_text = resolve(TABLE_TEXT)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.space_before = Pt(0)
    grid = resolve("Table Grid", WD_STYLE_TYPE.TABLE)
    if grid.element.find(qn("w:tblPr")) is None:
        _grid_borders(grid.element)
    ids = StyleIds(
        normal=normal.style_id,
        title=title.style_id,
        headings=(headings[0].style_id, headings[1].style_id, headings[2].style_id, headings[3].style_id),
        list=resolve("List Paragraph").style_id,
        table_text=table_text.style_id,
        quote=resolve("Quote").style_id,
        header=resolve("Header").style_id,
        footer=resolve("Footer").style_id,
        table_grid=grid.style_id,
    )
    if style.template is None:
        _built_in_look(document, normal, headings, title)
    fonts = style.fonts
    for target, size, bold in (  # bold None: as the style already is
        (normal, fonts.size, None),
        (title, fonts.heading_size and fonts.heading_size + 2, True),
        (headings[0], fonts.heading_size, True),
        *((h, fonts.size and fonts.size + 1, True) for h in headings[1:]),
        (resolve("Header"), fonts.small_size, None),
        (resolve("Footer"), fonts.small_size, None),
    ):
        _font(target.element, fonts.body, size, bold if style.template is None else None)
    return ids


def _built_in_look(document: DocxDocument, normal: Any, headings: list[Any], title: Any) -> None:
    """A4 with Danish-office margins, plain black headings and title, modest spacing."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
        section.header_distance = section.footer_distance = Cm(1.2)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for level, heading in enumerate(headings):
        heading.paragraph_format.space_before = Pt(14 if level == 0 else 8)
        heading.paragraph_format.space_after = Pt(4)
        heading.paragraph_format.keep_with_next = True
        _plain(heading.element)
    _plain(title.element)
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = Pt(2)


def _plain(style_element: Any) -> None:
    """No theme colour, underline border or letter spacing: black text like the councils' own."""
    for path in ("w:rPr/w:color", "w:pPr/w:pBdr", "w:rPr/w:spacing", "w:rPr/w:kern"):
        found = style_element.find("/".join(qn(part) for part in path.split("/")))
        if found is not None:
            found.getparent().remove(found)


def _font(style_element: Any, name: str | None, size: float | None, bold: bool | None) -> None:
    """Set font, size and weight on a style, removing theme fonts that would win over them."""
    rpr = style_element.get_or_add_rPr()
    if name:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = element("w:rFonts")
            rpr.insert(0, fonts)
        for attribute in list(fonts.attrib):
            if attribute.endswith("Theme") or attribute.endswith("theme"):
                del fonts.attrib[attribute]
        for script in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{script}"), name)
    if size:
        rpr.sz_val = Pt(size)
        complex_size = rpr.find(qn("w:szCs"))
        if complex_size is not None:  # right-to-left scripts follow the same size
            complex_size.set(qn("w:val"), str(round(size * 2)))
    if bold is not None:  # (CT_RPr has no b_val: setting one silently did nothing)
        rpr.get_or_add_b().val = bold


def _outline(style_element: Any, level: int) -> None:
    """The navigation pane lists paragraphs whose style has an outline level."""
    ppr = style_element.get_or_add_pPr()
    if ppr.find(qn("w:outlineLvl")) is None:
        ppr.append(element("w:outlineLvl", val=str(level)))
    if ppr.find(qn("w:keepNext")) is None:
        ppr.insert(0, element("w:keepNext"))


def _grid_borders(style_element: Any) -> None:
    properties = element("w:tblPr")
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", val="single", sz="4", space="0", color="auto"))
    properties.append(borders)
    style_element.append(properties)
