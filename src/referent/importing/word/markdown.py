"""Paragraphs and tables of a Word document as the meeting file's Markdown (case and minutes texts).

The inverse of ``export/blocks.py`` + the Word writer: paragraphs become paragraphs, Word
lists (and lines typed as ``• …`` or ``1. …``) become Markdown lists with their nesting,
bold/italic/struck runs become ``**``/``*``/``~~``, links become ``[text](url)`` and tables
become pipe tables. Text that Markdown would read as markup is escaped, so what the
secretary wrote is what the export prints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from referent.danish import MONTHS
from referent.export.blocks import Span
from referent.importing.word.document import Block, Para, Table

_BULLET = re.compile(r"^\s*(?:[•·▪◦○●■□➢✓*]|[-–—](?=\s)|o(?=\t))\s*")
_NUMBER = re.compile(r"^\s*(?P<n>\d{1,3})[.)]\s+(?=\S)")
_LETTER = re.compile(r"^\s*(?P<l>[a-zA-Z])\)\s+(?=\S)")
_SPECIAL = re.compile(r"[\\*_`\[~<]")
_PUNCTUATION_AFTER_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_MARKS = re.compile(r"([*`])")
_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")
_LINK_LIKE = re.compile(r"\[(?=[^\]]*\]\()")
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|\+(?=\s)|-(?=\s)|=+\s*$|-+\s*$)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


@dataclass(frozen=True)
class TypedMarker:
    """A list marker typed into the text instead of made by Word: ``• ``, ``- ``, ``2. ``, ``b) ``."""

    kind: str
    """``bullet``, ``number`` or ``letter``."""
    value: int
    rest: str


def typed_marker(text: str) -> TypedMarker | None:
    """The marker a paragraph's text starts with, if any; ``24. maj …`` is a date, not one."""
    if match := _BULLET.match(text):
        if text[match.end() :].strip():
            return TypedMarker("bullet", 0, text[match.end() :])
        return None
    if match := _NUMBER.match(text):
        rest = text[match.end() :]
        if rest.split(" ", 1)[0].lower().rstrip(".,") in MONTHS:
            return None
        return TypedMarker("number", int(match["n"]), rest)
    if match := _LETTER.match(text):
        return TypedMarker("letter", ord(match["l"].lower()) - ord("a") + 1, text[match.end() :])
    return None


def to_markdown(blocks: Sequence[Block], item_level: int | None = None) -> str:
    """Markdown for ``blocks``; headings deeper than the items' level become ``#`` headings."""
    writer = _Writer(item_level)
    paragraphs = [b for b in blocks if isinstance(b, Para) and b.text.strip()]
    typed_lists = _typed_list_members(paragraphs)
    for block in blocks:
        if isinstance(block, Table):
            writer.flush()
            if table := table_markdown(block):
                writer.chunks.append(table)
        elif block.text.strip():
            writer.paragraph(block, id(block) in typed_lists)
    writer.flush()
    return "\n\n".join(writer.chunks) + "\n" if writer.chunks else ""


def _typed_list_members(paragraphs: list[Para]) -> set[int]:
    """Paragraphs typed as ``1. …`` that are a list: a neighbour is a list item too.

    A lone ``1. udkast til …`` is a sentence, and is escaped rather than made a list.
    """
    members: set[int] = set()
    markers = [typed_marker(p.text) if p.listing is None else None for p in paragraphs]
    for index, marker in enumerate(markers):
        if marker is None:
            continue
        if marker.kind == "bullet":
            members.add(id(paragraphs[index]))
            continue
        neighbours = [index - 1, index + 1]
        if any(0 <= i < len(markers) and (markers[i] or paragraphs[i].listing) for i in neighbours):
            members.add(id(paragraphs[index]))
    return members


class _Writer:
    def __init__(self, item_level: int | None) -> None:
        self.item_level = item_level
        self.chunks: list[str] = []
        self.lines: list[str] = []
        self.stack: list[tuple[int, int]] = []
        """The open list levels: (level, column where the item's text starts)."""
        self.lettered: list[str] = []
        """A lettered list being written: one paragraph of lines (``a. …``, the lines that go on
        with a point, ``b. …``), which the export reads as one lettered list."""

    def flush(self) -> None:
        if self.lettered:
            self.chunks.append("\\\n".join(self.lettered))
            self.lettered = []
        if self.lines:
            self.chunks.append("\n".join(self.lines))
        self.lines, self.stack = [], []

    def paragraph(self, para: Para, typed_list: bool) -> None:
        if para.listing is not None and para.listing.kind == "letter" and not self.lines:
            marker = _list_marker(para.listing.kind, para.listing.number, para.listing.label)
            if marker[0].isalpha():
                self.lettered.append(marker + inline(para.spans).replace("\\\n", " "))
                return
        if self.lettered and para.listing is None and _LIST_STYLE.search(para.style):
            self.lettered.append(inline(para.spans).replace("\\\n", " "))  # goes on with the point
            return
        if self.lettered:
            self.flush()
        if para.listing is not None:
            listing = para.listing
            marker = _list_marker(listing.kind, listing.number, listing.label)
            self.list_item(listing.level, marker, para.spans)
            return
        if typed_list and (typed := typed_marker(para.text)) is not None:
            marker = {"number": f"{typed.value}. ", "letter": f"{chr(ord('a') + typed.value - 1)}) "}.get(
                typed.kind, "- "
            )  # lettered points stay lettered: the export reads "a)" lines as a lettered list
            self.list_item(
                _typed_level(para), marker, strip_prefix(para.spans, len(para.text) - len(typed.rest))
            )
            return
        self.flush()
        if para.heading and (self.item_level is None or para.heading > self.item_level):
            depth = para.heading - self.item_level if self.item_level else para.heading
            self.chunks.append("#" * min(depth, 6) + " " + escape(" ".join(para.text.split())))
        elif para.quote:
            self.chunks.append("> " + inline(para.spans))
        else:
            self.chunks.append(inline(para.spans, line_start=True))

    def list_item(self, level: int, marker: str, spans: list[Span]) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        indent = self.stack[-1][1] if self.stack else 0
        text = inline(spans, line_start=True, continuation=" " * (indent + len(marker)))
        self.lines.append(" " * indent + marker + text)
        self.stack.append((level, indent + len(marker)))


_LIST_STYLE = re.compile(r"list|liste|liststycke|lista", re.IGNORECASE)
"""Word's list paragraph style in its languages (List Paragraph, Listeafsnit, Liststycke): a
paragraph in it without a number goes on with the point above."""


def _list_marker(kind: str, number: int, label: str) -> str:
    """How a Word list item starts in Markdown: ``3. ``, ``- ``, or its letter as Word shows it
    (``a. ``, ``b) ``: the export reads such lines as a lettered list, and never as 1., 2.)."""
    if kind == "letter" and re.fullmatch(r"[a-zA-Z]{1,2}[.)]", label):
        return f"{label.lower()} "
    return f"{number}. " if kind != "bullet" else "- "


def _typed_level(para: Para) -> int:
    """Typed sub-points are indented with tabs or spaces before the marker."""
    leading = len(para.text) - len(para.text.lstrip(" \t"))
    return min(leading, 8) if "\t" in para.text[:leading] else leading // 3


def strip_prefix(spans: list[Span], length: int) -> list[Span]:
    """The spans without their first ``length`` characters (a typed marker, a label)."""
    out: list[Span] = []
    for span in spans:
        if length >= len(span.text):
            length -= len(span.text)
            continue
        out.append(Span(span.text[length:], span.bold, span.italic, span.strike, link=span.link))
        length = 0
    return out


def escape(text: str) -> str:
    """Plain text that Markdown shows as written (inline marks only)."""
    if not _SPECIAL.search(text):
        return text
    text = _PUNCTUATION_AFTER_BACKSLASH.sub(r"\\\\", text)
    text = _MARKS.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _LINK_LIKE.sub(r"\\[", text)
    return text.replace("~~", "\\~\\~").replace("<http", "\\<http")


def _escape_line_start(line: str) -> str:
    stripped = line.lstrip(" ")
    if (match := _ORDERED_START.match(stripped)) and not _is_date(stripped):
        return f"{match[1]}\\{match[2]}{stripped[match.end() :]}"
    if _LINE_START.match(stripped):
        return "\\" + stripped
    return stripped


def _is_date(text: str) -> bool:
    words = text.split(maxsplit=2)
    return len(words) > 1 and words[1].lower().rstrip(".,") in MONTHS


def inline(spans: list[Span], *, line_start: bool = False, continuation: str = "") -> str:
    """One paragraph's spans as Markdown; a manual line break becomes a hard break."""
    pieces: list[str] = []
    for span in spans:
        pieces.append(_span(span))
    text = "".join(pieces).strip()
    lines = [line.strip() for line in text.split("\n")]
    if line_start:
        lines = [_escape_line_start(line) for line in lines]
    return ("\\\n" + continuation).join(line for line in lines if line) if lines else ""


def _span(span: Span) -> str:
    text = span.text
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    marked = escape(core)
    if span.link:
        url = span.link.replace(")", "%29").replace(" ", "%20")
        marked = f"[{marked.replace(']', chr(92) + ']')}]({url})"
    if span.strike:
        marked = f"~~{marked}~~"
    if span.italic:
        marked = f"*{marked}*"
    if span.bold:
        marked = f"**{marked}**"
    return lead + marked + trail


def table_markdown(table: Table) -> str:
    """A pipe table; the first row is the header (its all-bold cells lose the bold)."""
    rows: list[list[str]] = []
    for row_index, row in enumerate(table.rows):
        cells: list[str] = []
        for cell in row:
            cells.append(_cell(cell.paragraphs(), header=row_index == 0))
            cells += [""] * (cell.span - 1)
        rows.append(cells)
    rows = [r for r in rows if r]
    if not rows or not any(any(c.strip() for c in r) for r in rows):
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in range(width)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(line.replace("|  |", "| |") for line in lines)


def _cell(paragraphs: list[Para], *, header: bool) -> str:
    text = ""
    for para in paragraphs:
        if not para.text.strip():
            continue
        spans = para.spans
        if header and para.bold:
            spans = [Span(s.text, False, s.italic, s.strike, link=s.link) for s in spans]
        typed = typed_marker(para.text) if para.listing is None else None
        if typed is not None and typed.kind == "bullet":
            spans = strip_prefix(spans, len(para.text) - len(typed.rest))
        part = inline(spans).replace("\\\n", " ").replace("|", "\\|")
        listed = para.listing is not None or typed is not None
        separator = "; " if listed and text and not text.endswith(":") else " "
        text = f"{text}{separator}{part}" if text else part
    return text
