"""The numbers Word shows before list paragraphs and numbered headings, from numbering.xml.

Automatic numbers are not in a paragraph's text. A paragraph (or its style) names a
``w:num``; the num points at a ``w:abstractNum`` whose ``w:lvl`` says the format
(``decimal``, ``lowerLetter``, ``bullet`` …) and the text (``%1.``). Numbers count on per
abstract list across the document, as Word does, and restart where a num carries a
``w:startOverride`` (how referent's own export, and Word's "restart at 1", restarts a list).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from referent.importing.word.styles import VAL, StyleSheet, W

_LEVELS = 9
_KINDS = {"bullet": "bullet", "lowerLetter": "letter", "upperLetter": "letter",
          "lowerRoman": "roman", "upperRoman": "roman", "none": "none"}  # fmt: skip
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf06f": "o", "\uf076": "❖",
                  "\uf0a8": "◦", "\uf0de": "⇒", "\uf0e0": "→"}  # fmt: skip
"""Bullets drawn from the Symbol and Wingdings fonts (private-use characters), as the glyphs
they show: in a list's level text and in a run's ``w:sym``."""


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass(frozen=True)
class Listing:
    """A paragraph's place in a list: ``kind`` is ``bullet``, ``number``, ``letter`` or ``roman``."""

    kind: str
    level: int
    number: int
    label: str
    """What Word shows: ``1.``, ``b)``, ``2.1``, ``•``."""
    list_id: str
    """The ``w:num`` the paragraph belongs to; paragraphs of one list share it."""
    pattern: str = ""
    """The level's format and text as Word defines them (``decimal %1.``): lists that look alike
    share it, whatever their numbers."""

    @property
    def ordered(self) -> bool:
        return self.kind != "bullet"


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class ListCounter:
    """Counts list numbers in document order; ``next`` is called once per numbered paragraph."""

    def __init__(self, root: Any, styles: StyleSheet) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[tuple[str, int]] = set()
        self.styles = styles
        if root is None:
            return
        for abstract in root.iterfind(W + "abstractNum"):
            abstract_id = abstract.get(W + "abstractNumId", "")
            self.abstracts[abstract_id] = {
                int(lvl.get(W + "ilvl", "0")): _level(lvl) for lvl in abstract.iterfind(W + "lvl")
            }
            link = abstract.find(W + "numStyleLink")
            if link is not None:  # the list is defined by a numbering style
                self.style_links[abstract_id] = link.get(VAL, "")
        for num in root.iterfind(W + "num"):
            reference = num.find(W + "abstractNumId")
            entry = _Num(reference.get(VAL, "") if reference is not None else "")
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = override.find(W + "startOverride")
                if start is not None:
                    entry.starts[ilvl] = _int(start.get(VAL), 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId", "")] = entry

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        abstract = num.abstract
        link = self.style_links.get(abstract)
        if link and depth < 3:  # numStyleLink → the style's numPr → its num → its abstract
            linked = self.styles.get(link).num_id
            if linked and linked != num_id:
                return self._abstract_of(linked, depth + 1) or abstract
        return abstract

    def next(self, num_id: str, level: int) -> Listing | None:
        """The listing of the next paragraph in list ``num_id`` at ``level``; None for no number."""
        if num_id in ("", "0"):
            return None
        abstract = self._abstract_of(num_id)
        if abstract is None:
            return None
        level = min(max(level, 0), _LEVELS - 1)
        num = self.nums[num_id]
        levels = {**self.abstracts.get(abstract, {}), **num.levels}
        spec = levels.get(level, Level())
        kind = _KINDS.get(spec.fmt, "number")
        if kind == "none":
            return None
        counters = self.counters.setdefault(abstract, [None] * _LEVELS)
        if level in num.starts and (num_id, level) not in self.started:
            self.started.add((num_id, level))
            counters[level] = num.starts[level] - 1
        current = counters[level]
        counters[level] = spec.start if current is None else min(current + 1, MAX_NUMBER)
        for deeper in range(level + 1, _LEVELS):  # a sub-list restarts under each new item
            counters[deeper] = None
        number = counters[level] or 0
        if kind == "bullet":
            label = SYMBOL_BULLETS.get(spec.text, spec.text) or "•"
        else:
            label = spec.text
            for index in range(_LEVELS):
                if f"%{index + 1}" in label:
                    value = (
                        counters[index] if counters[index] is not None else levels.get(index, Level()).start
                    )
                    label = label.replace(
                        f"%{index + 1}", _format(value or 0, levels.get(index, Level()).fmt)
                    )
        return Listing(kind, level, number, label.strip() or "•", num_id, f"{spec.fmt} {spec.text}")


def _level(lvl: Any) -> Level:
    start = lvl.find(W + "start")
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    return Level(
        start=_int(start.get(VAL) if start is not None else None, 1),
        fmt=fmt.get(VAL, "decimal") if fmt is not None else "decimal",
        text=text.get(VAL, "") if text is not None else "",
    )


MAX_NUMBER = 32767
"""Word's own bound on a list's numbers (``w:start``, ``w:startOverride``): a file that asks for
more is hostile or broken, and a number of 10**12 would make roman numerals or letters without end."""


def _int(text: str | None, default: int) -> int:
    try:
        value = int(text) if text is not None else default
    except ValueError:
        return default
    return min(max(value, 0), MAX_NUMBER)


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else "a"
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip
    out = ""
    for amount, numeral in numerals:
        while value >= amount:
            out += numeral
            value -= amount
    return out or "0"
