"""What a document's styles mean for reading it: heading level, bold, list numbering.

Word, LibreOffice, Google Docs and pandoc name their styles differently (``Heading 1``,
``heading 1``, ``Overskrift 1`` in a Danish Word, ids like ``Heading1`` or
``Overskrift1``), so a heading is recognised by name *or* id, case-insensitively, or by
the outline level the style (or a style it is based on) gives its paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VAL = W + "val"
_HEADING = re.compile(r"^(?:heading|overskrift|überschrift|rubrik|titre|título|titulo)\s*(\d)$")
_TITLE = {"title", "titel", "subtitle", "undertitel"}
_QUOTE = {"quote", "citat", "intense quote", "block text", "blocktext", "intenst citat"}
_OFF = {"0", "false", "off", "none"}


def flag(element: Any) -> bool | None:
    """A WordprocessingML on/off property (``<w:b/>``, ``<w:b w:val="0"/>``); None when absent."""
    if element is None:
        return None
    return element.get(VAL, "true").lower() not in _OFF


@dataclass(frozen=True)
class StyleInfo:
    """What reading needs of one paragraph (or character) style, its base styles included."""

    style_id: str
    name: str
    heading: int | None = None
    """1 for Heading 1 …; from the name, the id or ``w:outlineLvl``."""
    title: bool = False
    quote: bool = False
    bold: bool | None = None
    italic: bool | None = None
    num_id: str | None = None
    """``w:numPr`` set on the style: every paragraph in the style is a list item."""
    num_level: int | None = None
    hidden: bool | None = None
    """``w:vanish`` in the style: its text is not shown (and must not be read as the agenda)."""


class StyleSheet:
    """The styles of one document, resolved through ``w:basedOn`` once and remembered."""

    def __init__(self, root: Any) -> None:
        self.raw: dict[str, Any] = {}
        self.default_paragraph = ""
        self.default_bold = self.default_italic = False
        self.resolved: dict[str, StyleInfo] = {}
        if root is None:
            return
        for style in root.iterfind(W + "style"):
            style_id = style.get(W + "styleId", "")
            self.raw[style_id] = style
            is_default = style.get(W + "default") in ("1", "true", "on")
            if style.get(W + "type") == "paragraph" and is_default and not self.default_paragraph:
                self.default_paragraph = style_id
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if defaults is not None:
            self.default_bold = bool(flag(defaults.find(W + "b")))
            self.default_italic = bool(flag(defaults.find(W + "i")))

    def get(self, style_id: str | None) -> StyleInfo:
        """The style of that id; a paragraph without one (or with an unknown one) has the default."""
        key = style_id if style_id in self.raw else self.default_paragraph
        info = self.resolved.get(key)
        if info is None:
            info = self._resolve(key, set())
            self.resolved[key] = info
        return info

    def _resolve(self, style_id: str, seen: set[str]) -> StyleInfo:
        element = self.raw.get(style_id)
        if element is None or style_id in seen:  # no such style, or a loop of basedOn
            return StyleInfo(style_id, "")
        seen.add(style_id)
        based = element.find(W + "basedOn")
        base = self._resolve(based.get(VAL, ""), seen) if based is not None else StyleInfo("", "")
        name_element = element.find(W + "name")
        name = name_element.get(VAL, "") if name_element is not None else ""
        ppr = element.find(W + "pPr")
        rpr = element.find(W + "rPr")
        heading = _heading_of(name, style_id)
        if heading is None and ppr is not None:
            heading = outline_level(ppr)
        num_id, num_level = base.num_id, base.num_level
        if ppr is not None and (numpr := ppr.find(W + "numPr")) is not None:
            found_id, found_level = num_properties(numpr)
            num_id = found_id if found_id is not None else num_id
            num_level = found_level if found_level is not None else num_level
        bold = flag(rpr.find(W + "b")) if rpr is not None else None
        italic = flag(rpr.find(W + "i")) if rpr is not None else None
        hidden = hidden_flag(rpr)
        lowered = name.lower()
        return StyleInfo(
            style_id=style_id,
            name=name,
            heading=heading if heading is not None else base.heading,
            title=lowered in _TITLE or style_id.lower() in _TITLE or base.title,
            quote=lowered in _QUOTE or base.quote,
            bold=bold if bold is not None else base.bold,
            italic=italic if italic is not None else base.italic,
            num_id=num_id,
            num_level=num_level,
            hidden=hidden if hidden is not None else base.hidden,
        )


def hidden_flag(rpr: Any) -> bool | None:
    """Whether run properties hide their text (``w:vanish``, ``w:specVanish``); None when they do not say."""
    if rpr is None:
        return None
    found = [flag(rpr.find(W + tag)) for tag in ("vanish", "specVanish")]
    said = [value for value in found if value is not None]
    return any(said) if said else None


def _heading_of(name: str, style_id: str) -> int | None:
    for candidate in (name.lower().strip(), style_id.lower()):
        match = _HEADING.match(candidate)
        if match and match[1] != "0":
            return int(match[1])
    return None


def outline_level(ppr: Any) -> int | None:
    """``w:outlineLvl`` 0–8 as heading level 1–9; 9 means body text."""
    outline = ppr.find(W + "outlineLvl")
    if outline is None:
        return None
    try:
        level = int(outline.get(VAL, "9"))
    except ValueError:
        return None
    return level + 1 if 0 <= level < 9 else None


def num_properties(numpr: Any) -> tuple[str | None, int | None]:
    """``(numId, ilvl)`` of a ``w:numPr``, each None when not given."""
    num = numpr.find(W + "numId")
    level = numpr.find(W + "ilvl")
    num_id = num.get(VAL) if num is not None else None
    try:
        ilvl = int(level.get(VAL, "0")) if level is not None else None
    except ValueError:
        ilvl = None
    return num_id, ilvl
