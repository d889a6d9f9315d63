"""The blank document the built-in house styles start from, prepared once and shipped.

python-docx's own blank document defines all 164 of Word's built-in styles in a 438 KB
``styles.xml``: every export parsed it, searched it for a dozen styles and wrote it out again
(7 of the 26 ms an export of the largest sample took), and every document sent out carried
styles no paragraph uses. The prepared blank keeps the styles the writer uses
(``wordstyles.USED_STYLES``), the styles they are based on, linked to or followed by, and
Word's defaults; everything else (the page, numbering, theme, settings, the latent styles) is
python-docx's, unchanged. Word documents written by hand carry the same: the styles in use.

Made again after an upgrade of python-docx (a test says when): ``python -m referent.export.blank``.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.styles import BabelFish

from referent.export.wordstyles import USED_STYLES
from referent.export.wordxml import BLANK, drop_history

_LINKS = ("w:basedOn", "w:link", "w:next")


def make_blank() -> bytes:
    """python-docx's blank document with only the styles referent uses, as .docx bytes."""
    document = Document()
    drop_history(document)
    styles = document.styles.element
    every = styles.findall(qn("w:style"))
    by_id = {style.get(qn("w:styleId")): style for style in every}
    kept: set[str] = set()
    used = {BabelFish.ui2internal(name) for name in USED_STYLES}  # "Heading 1" is "heading 1"

    def keep(style: Any) -> None:
        style_id = style.get(qn("w:styleId"))
        if style_id in kept:
            return
        kept.add(style_id)
        for tag in _LINKS:
            link = style.find(qn(tag))
            if link is not None and link.get(qn("w:val")) in by_id:
                keep(by_id[link.get(qn("w:val"))])

    for style in every:
        name = style.find(qn("w:name"))
        if style.get(qn("w:default")) == "1" or (name is not None and name.get(qn("w:val")) in used):
            keep(style)
    for style in every:
        if style.get(qn("w:styleId")) not in kept:
            styles.remove(style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    BLANK.write_bytes(make_blank())
    print(BLANK)
