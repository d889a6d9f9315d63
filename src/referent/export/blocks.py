"""Turn the secretary's Markdown into a few plain blocks that a document writer can lay out.

Case and minutes texts are Markdown (docs/meeting-file.md). ``markdown-it-py`` parses
them (CommonMark plus pipe tables and ~~strike~~); this module reduces its syntax tree to
paragraphs of styled spans, lists (nested) and tables, so the Word and text writers never
see Markdown syntax and no regular expression ever guesses at it.

CommonMark has no lettered lists, but Danish minutes have them (``a) Mundtlig orientering``,
``b) Kort status``). They are found on the block level only: within a paragraph the parser
has already made, a line whose source starts ``a)`` or ``a.`` begins a lettered list, and
the following lines starting ``b)``, ``c)`` … (same mark) are its items; a paragraph that
starts with the next letter continues the list. ``a\\)`` keeps a line from becoming one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from referent.danish import MONTHS

if TYPE_CHECKING:  # imported where a text needs it: most minutes are plain paragraphs
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode


@dataclass(frozen=True)
class Span:
    """A piece of text with one formatting; ``"\\n"`` inside ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    link: str = ""


@dataclass
class Paragraph:
    """A paragraph; ``kind`` is ``text``, ``heading`` (with ``level``), ``quote``, ``code`` or ``rule``."""

    spans: list[Span]
    kind: str = "text"
    level: int = 0


@dataclass
class ListBlock:
    """A bullet, numbered or lettered list; each item holds blocks (its text, then nested lists)."""

    ordered: bool
    items: list[list[Block]] = field(default_factory=list)
    start: int = 1
    delimiter: str = "."
    """What follows the number or letter, as the text writes it: ``1.`` or ``1)``."""
    letters: bool = False
    lines: list[int] = field(default_factory=list)
    """For a lettered list: the source line (0-based) each item starts on."""


@dataclass
class Table:
    """A pipe table: a header row and body rows of cells, each cell a list of spans."""

    header: list[list[Span]]
    rows: list[list[list[Span]]]
    align: list[str]
    """``left``, ``center``, ``right`` or ``""`` per column."""


Block = Paragraph | ListBlock | Table


MAX_TABLE_COLUMNS = 63
"""Word shows no wider table."""
MAX_TABLE_CELLS = 10_000
"""Each cell costs some kilobytes while parsed and laid out; a larger table stays text."""
_DELIMITER_ROW = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # HTML off: a secretary typing "<3" or "<indsæt navn>" must see it in the document.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


_MARKUP = re.compile(
    r"[\\`*_\[\]<>&~|#\t]"  # emphasis, code, links, entities, strike, tables, headings, escapes, tabs
    r"|^[ \t]*(?:[-+=]|\d+[.)]|[A-Za-z][.)](?:\s|$))"  # lists (lettered too), rules, underlined headings
    r"|^(?: {4}|[ ]{0,3}\t)"  # indented code
    r"| {2,}$",  # a hard line break
    re.MULTILINE,
)
"""Anything that could make a text more than plain paragraphs; only then is it parsed."""


def parse_blocks(text: str, *, line_breaks: bool = False) -> list[Block]:
    """The blocks of a Markdown text; empty text gives no blocks.

    ``line_breaks``: a single line break inside a paragraph stays a line break, as the minutes
    editor shows it (the minutes: one Enter is a new line, an empty line a new paragraph).
    Without it, CommonMark's reading: a single line break is a space (case texts, written in
    agenda files and by the Word reader, where lines may be wrapped anywhere). Typed minutes
    lose their blank lines around, as in the Markdown export (a line of spaces at the end of an
    unclosed code block was a code line in Word and nothing in Markdown)."""
    return _parse(without_blank_lines_around(text) if line_breaks else text, line_breaks)[0]


_BLANK_LINES_AROUND = re.compile(r"\A(?:[ \t]*\n)+|(?:\n[ \t]*)+\Z")


def without_blank_lines_around(text: str) -> str:
    """``text`` without the empty (or blank) lines before and after it; the first line's
    indentation stays (four spaces are code)."""
    return _BLANK_LINES_AROUND.sub("", text)


def _parse(text: str, line_breaks: bool = False) -> tuple[list[Block], list[int]]:
    """The blocks, and the lines of ``text`` (0-based, ascending) that are not in the text
    parsed (the ``|---|`` lines of tables kept as text): line numbers in the blocks count
    without them."""
    if not text.strip():
        return [], []
    if not _MARKUP.search(text.replace("\r", "\n")):  # plain paragraphs, as markdown-it would make them
        joined = "\n" if line_breaks else " "
        return [Paragraph([Span(joined.join(paragraph))]) for paragraph in _plain_paragraphs(text)], []
    from markdown_it.tree import SyntaxTreeNode

    tokens, dropped = _tokens(text)
    if line_breaks:
        for token in tokens:
            for child in token.children or ():
                if child.type == "softbreak":
                    child.type = "hardbreak"
    return _blocks(SyntaxTreeNode(tokens).children), dropped


def _tokens(text: str) -> tuple[list[Token], list[int]]:
    """markdown-it's tokens of a text (its dates and large tables tamed), and the lines left out."""
    tamed, dropped = tame_tables(text)
    return _parser().parse(escape_dates(tamed)), dropped


def soft_break_lines(text: str) -> list[int]:
    """The lines (0-based) of ``text`` that end in a soft line break: a single line break inside
    a paragraph, which CommonMark reads as a space. The minutes' Markdown makes each a hard break,
    so that any Markdown reader (the chair's draft, pandoc) shows the lines as Word does."""
    if not text.strip():
        return []
    if not _MARKUP.search(text.replace("\r", "\n")):  # plain paragraphs: every line followed by one
        lines = [line.strip(" \t") for line in re.split(r"\r\n?|\n", text)]
        return [n for n in range(len(lines) - 1) if lines[n] and lines[n + 1]]
    tokens, dropped = _tokens(text)
    found: list[int] = []
    for token in tokens:
        if token.type == "inline" and token.map and token.children:
            found += [token.map[0] + line for line in _soft_breaks(token)]
    return _lines_of(text, found, dropped)


def _soft_breaks(inline: Token) -> list[int]:
    """The lines (0-based, within the paragraph) that end in a soft line break.

    A paragraph's line breaks are its break tokens in order, unless a code span runs across
    lines (its line break is a space in the code): those are found and skipped."""
    kinds = [child.type for child in inline.children or () if child.type in ("softbreak", "hardbreak")]
    lines = list(range(inline.content.count("\n")))
    if len(kinds) != len(lines):
        inside = _breaks_in_code_spans(inline.content)
        lines = [line for line in lines if line not in inside]
        if len(kinds) != len(lines):
            return []  # the code spans were not found as markdown-it found them: nothing is guessed
    return [line for line, kind in zip(lines, kinds, strict=True) if kind == "softbreak"]


_BACKTICKS = re.compile(r"`+")


def _breaks_in_code_spans(content: str) -> set[int]:
    """Which line breaks of a paragraph's text (counted from 0) are inside a code span: a run of
    backticks up to the next run of as many (CommonMark; no other inline mark comes first). A
    backslash escapes an opening backtick, but not a closing one: inside a code span it is text."""
    newlines = [match.start() for match in re.finditer("\n", content)]
    runs: list[tuple[int, int, int]] = []  # (start, end, where it may open: an escaped first tick is text)
    for match in _BACKTICKS.finditer(content):
        start, end = match.span()
        slashes = len(content[:start]) - len(content[:start].rstrip("\\"))
        runs.append((start, end, start + slashes % 2))
    inside: set[int] = set()
    index = 0
    while index < len(runs):
        _, opening_end, opening_start = runs[index]
        length = opening_end - opening_start
        closing = next((n for n in range(index + 1, len(runs)) if runs[n][1] - runs[n][0] == length), None)
        if length == 0 or closing is None:
            index += 1
            continue
        end = runs[closing][0]
        inside |= {n for n, at in enumerate(newlines) if opening_end <= at < end}
        index = closing + 1
    return inside


def _plain_paragraphs(text: str) -> list[list[str]]:
    """Lines (stripped, as CommonMark strips them) grouped into paragraphs at blank lines."""
    paragraphs: list[list[str]] = [[]]
    for line in re.split(r"\r\n?|\n", text):
        stripped = line.strip(" \t")
        if stripped:
            paragraphs[-1].append(stripped)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def plain_text(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


def _blocks(nodes: list[SyntaxTreeNode]) -> list[Block]:
    blocks: list[Block] = []
    for node in nodes:
        kind = node.type
        if kind == "paragraph":
            _paragraph(node, blocks)
        elif kind == "heading":
            blocks.append(Paragraph(_inline(node), "heading", int(node.tag[1:])))
        elif kind in ("bullet_list", "ordered_list"):
            blocks.extend(_list(node))
        elif kind == "table":
            blocks.append(_table(node))
        elif kind == "blockquote":
            for inner in _blocks(node.children):
                if isinstance(inner, Paragraph) and inner.kind == "text":
                    inner = replace(inner, kind="quote", level=1)
                blocks.append(inner)
        elif kind in ("code_block", "fence"):
            blocks.append(Paragraph([Span(node.content.rstrip("\n"), code=True)], "code"))
        elif kind == "hr":
            blocks.append(Paragraph([], "rule"))
        elif kind in ("html_block",):  # unreachable with html off; kept as text for safety
            blocks.append(Paragraph([Span(node.content.rstrip("\n"))]))
    return blocks


def _list(node: SyntaxTreeNode) -> list[Block]:
    ordered = node.type == "ordered_list"
    start = int(node.attrs.get("start", 1)) if ordered else 1
    delimiter = node.markup if ordered and node.markup in (".", ")") else "."
    return [ListBlock(ordered, [_blocks(item.children) for item in node.children], start, delimiter)]


SourceLine = tuple[str, str, "list[SyntaxTreeNode]"]
"""One line of a paragraph: its source text, the break before it (``softbreak``, ``hardbreak``
or ``""``) and its inline nodes."""


def letter_mark(line: str) -> tuple[str, str] | None:
    """``("b", ")")`` for a source line starting ``b) `` (after indentation), else ``None``."""
    text = line.lstrip(" ")
    if len(text) > 2 and "a" <= text[0] <= "z" and text[1] in ".)" and text[2] in " \t":
        return text[0], text[1]
    return None


def _paragraph(node: SyntaxTreeNode, blocks: list[Block]) -> None:
    """A paragraph, or the lettered list (or further list items) it holds; see the module docstring."""
    lines = _source_lines(node)
    if lines is None:
        blocks.append(Paragraph(_inline(node)))
        return
    marks = [letter_mark(source) for source, _, _ in lines]
    previous = blocks[-1] if blocks else None
    if isinstance(previous, ListBlock) and previous.letters and marks[0] == _next_letter(previous):
        letters, first = previous, 0
    else:
        first_a = [i for i, mark in enumerate(marks) if mark is not None and mark[0] == "a"]
        if not first_a:
            blocks.append(Paragraph(_inline(node)))
            return
        first = first_a[0]
        if first:
            blocks.append(Paragraph(_spans(lines[:first])))
        delimiter = (marks[first] or ("a", "."))[1]
        letters = ListBlock(True, [], 1, delimiter, letters=True)
        blocks.append(letters)
    item: list[SourceLine] = []
    top = node.map[0] if node.map else 0
    for number, (line, mark) in enumerate(zip(lines, marks, strict=True)):
        if number < first:
            continue
        if item and mark == _next_letter(letters, pending=1):
            letters.items.append([Paragraph(_spans(item, drop_mark=True))])
            item = []
        if not item:
            letters.lines.append(top + number)
        item.append(line)
    letters.items.append([Paragraph(_spans(item, drop_mark=True))])


_LETTER_A = re.compile(r"(?:^|[\s>])a[.)][ \t]", re.MULTILINE)
"""Where a lettered list could begin: ``a)`` or ``a.`` at the start of a line's text (after
indentation, a quote's ``>`` or a list's marker). A text without one has no lettered list,
and is not parsed to find out (the review renders every case and minutes text)."""


def lettered_lines(text: str) -> list[int]:
    """The lines (0-based) of ``text`` on which an item of a lettered list starts."""
    if not _LETTER_A.search(text):
        return []
    return _lettered_lines_parsed(text)


def _lettered_lines_parsed(text: str) -> list[int]:
    found: list[int] = []

    def walk(blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, ListBlock):
                found.extend(block.lines)
                for item in block.items:
                    walk(item)

    blocks, dropped = _parse(text)
    walk(blocks)
    return _lines_of(text, found, dropped)


def _lines_of(text: str, found: list[int], dropped: list[int]) -> list[int]:
    """Lines counted in the text parsed (without the ``dropped`` ones) as lines of ``text``."""
    lines = []
    for line in sorted(found):
        for gone in dropped:
            if gone <= line:
                line += 1
        lines.append(line)
    return lines


def _next_letter(letters: ListBlock, pending: int = 0) -> tuple[str, str]:
    """The mark the list's next item would have (``pending`` items not added yet)."""
    return chr(ord("a") + (len(letters.items) + pending) % 26), letters.delimiter


def _source_lines(node: SyntaxTreeNode) -> list[SourceLine] | None:
    """The paragraph's lines, split at line breaks; ``None`` when the source lines and the
    parsed lines do not line up (a code span across lines), so nothing is guessed."""
    inline = next((child for child in node.children if child.type == "inline"), None)
    if inline is None:
        return None
    sources = inline.content.split("\n")
    breaks: list[str] = [""]
    groups: list[list[SyntaxTreeNode]] = [[]]
    for child in inline.children:
        if child.type in ("softbreak", "hardbreak"):
            breaks.append(child.type)
            groups.append([])
        else:
            groups[-1].append(child)
    if len(groups) != len(sources):
        return None
    return list(zip(sources, breaks, groups, strict=True))


def _spans(lines: list[SourceLine], *, drop_mark: bool = False) -> list[Span]:
    """The spans of some lines of a paragraph, joined at their breaks as a paragraph joins them."""
    spans: list[Span] = []
    for index, (_, kind, nodes) in enumerate(lines):
        if index:
            spans.append(Span("\n" if kind == "hardbreak" else " "))
        _walk(nodes, Span(""), spans)
    if drop_mark and spans:  # "b) Kort status" -> "Kort status"
        spans[0] = replace(spans[0], text=spans[0].text.lstrip(" ")[2:].lstrip(" \t"))
    return merge_spans(spans)


def escape_dates(text: str) -> str:
    """``24. maj holdes mødet`` at the start of a line is a Danish date, not list item 24.

    CommonMark reads any ``<digits>. `` at a line start as a numbered list; Danish writes
    dates that way. A backslash before the dot keeps such a line a paragraph.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.lstrip(" ")
        number, dot, rest = stripped.partition(". ")
        if dot and number.isdigit() and len(line) - len(stripped) < 4:
            words = rest.split(maxsplit=1)
            if words and words[0].lower().rstrip(",.") in MONTHS:
                lines[index] = f"{line[: len(line) - len(stripped)]}{number}\\. {rest}"
    return "\n".join(lines)


def tame_tables(text: str) -> tuple[str, list[int]]:
    """A table wider than Word can show or larger than ``MAX_TABLE_CELLS`` stays text; and the
    lines (0-based) left out.

    markdown-it makes several tokens of every cell (a 5,000-column table of 50 rows took
    0.9 GB), and Word shows at most 63 columns. Such a table is kept word for word, each
    row on a line of its own (a hard line break), without its ``|---|`` line.
    """
    if "|" not in text or "-" not in text:
        return text, []
    lines = text.split("\n")
    kept: list[str] = []
    dropped: list[int] = []
    index = 0
    while index < len(lines):
        delimiter = lines[index + 1] if index + 1 < len(lines) else ""
        if "|" in delimiter and _DELIMITER_ROW.match(delimiter):
            end = index + 2
            while end < len(lines) and lines[end].strip():
                end += 1
            columns = len(delimiter.strip().strip("|").split("|"))
            if columns > MAX_TABLE_COLUMNS or columns * (end - index - 1) > MAX_TABLE_CELLS:
                rows = [lines[index], *lines[index + 2 : end]]
                kept += [row.rstrip() + "  " for row in rows[:-1]] + rows[-1:]
                dropped.append(index + 1)
                index = end
                continue
        kept.append(lines[index])
        index += 1
    return "\n".join(kept), dropped


def _table(node: SyntaxTreeNode) -> Table:
    header: list[list[Span]] = []
    rows: list[list[list[Span]]] = []
    align: list[str] = []
    for section in node.children:
        for row in section.children:
            cells = [_inline(cell) for cell in row.children]
            if section.type == "thead":
                header = cells
                align = [str(c.attrs.get("style", "")).removeprefix("text-align:") for c in row.children]
            else:
                rows.append(cells)
    return Table(header, rows, align)


def _inline(node: SyntaxTreeNode) -> list[Span]:
    """The spans of a paragraph, heading or table cell."""
    spans: list[Span] = []
    for child in node.children:
        if child.type == "inline":
            _walk(child.children, Span(""), spans)
    return merge_spans(spans)


def _walk(nodes: list[SyntaxTreeNode], style: Span, out: list[Span]) -> None:
    for node in nodes:
        kind = node.type
        if kind == "text":
            out.append(replace(style, text=node.content))
        elif kind == "softbreak":
            out.append(replace(style, text=" "))
        elif kind == "hardbreak":
            out.append(replace(style, text="\n"))
        elif kind == "code_inline":
            out.append(replace(style, text=node.content, code=True))
        elif kind == "strong":
            _walk(node.children, replace(style, bold=True), out)
        elif kind == "em":
            _walk(node.children, replace(style, italic=True), out)
        elif kind == "s":
            _walk(node.children, replace(style, strike=True), out)
        elif kind == "link":
            _walk(node.children, replace(style, link=str(node.attrs.get("href", ""))), out)
        elif kind == "image":
            out.append(replace(style, text=node.content or str(node.attrs.get("src", ""))))
        else:  # anything else markdown-it may add later: keep its text
            out.append(replace(style, text=node.content))


def merge_spans(spans: list[Span]) -> list[Span]:
    """Join neighbours with the same formatting (so Word gets few runs; a Word document read
    in, whose runs Word splits freely, gives few spans); empty spans are left out.

    Each run's texts are joined once at its end: adding them one by one copied the growing
    text for every line and made a 16,000-line paragraph take seconds (issue 12).
    """
    merged: list[Span] = []
    texts: list[list[str]] = []
    for span in spans:
        if not span.text:
            continue
        if merged and _format(merged[-1]) == _format(span):
            texts[-1].append(span.text)
        else:
            merged.append(span)
            texts.append([span.text])
    return [
        replace(span, text="".join(parts)) if len(parts) > 1 else span
        for span, parts in zip(merged, texts, strict=True)
    ]


def _format(span: Span) -> tuple[bool, bool, bool, bool, str]:
    return (span.bold, span.italic, span.strike, span.code, span.link)
