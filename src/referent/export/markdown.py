"""The minutes (or agenda) as Markdown: readable as plain text in an e-mail, convertible by pandoc.

Case and minutes texts are Markdown already and pass through (a line starting with a
Danish date, ``24. maj …``, is kept from becoming list item 24, as in Word; in the minutes,
one Enter is a new line, as in Word: a hard break is added where Markdown would join); the lines
referent words itself (names, titles, labels) are escaped where they would otherwise
turn into Markdown structure, e.g. an attachment called ``1. udkast``.
"""

from __future__ import annotations

from referent.export.blocks import escape_dates, lettered_lines, soft_break_lines, without_blank_lines_around
from referent.export.content import DocumentView, ItemView, Line
from referent.model import Numbering, Recommendation

_SPECIAL = str.maketrans({"*": "\\*", "`": "\\`", "[": "\\[", "]": "\\]", "<": "\\<"})


def render_markdown(view: DocumentView) -> str:
    """The whole document as Markdown text, ending in one newline."""
    label = f"{view.label} {chr(0x2013)} {view.mark}" if view.mark else view.label
    parts: list[str] = [f"# {escape(view.title, line_start=False)}", f"**{escape(label)}**"]
    parts += [f"**{escape(line)}**" for line in view.opening]
    for row in view.header:
        parts.append(_row(row.label, row.lines, colon=view.header_layout == "table"))
    parts += [escape(line) for line in view.corrections]
    for item in view.items:
        parts += _item(item, view.number_suffix)
    if view.summary:
        parts.append(f"## {escape(view.summary_label, line_start=False)}")
        parts.append(_bullets(view.summary))
    parts += [escape(line) for line in view.closing]
    if view.approval:
        parts.append(escape(view.approval))
    return "\n\n".join(part.strip("\n") for part in parts if part.strip()) + "\n"


def escape(text: str, *, line_start: bool = True) -> str:
    """Text that Markdown shows as written: inline marks escaped, no accidental list or heading."""
    text = text.translate(_SPECIAL)
    if not line_start:
        return text
    number, dot, rest = text.partition(".")
    if dot and number.isdigit() and (not rest or rest[0] == " "):
        return f"{number}\\.{rest}"
    if text and text[0] in "#>+-" and (len(text) == 1 or text[1] in " #"):
        return "\\" + text
    return text


def _row(label: str, lines: list[Line], *, colon: bool = True) -> str:
    """``**Tid:** …``; a row of several lines as its label over a list (as lines: no colon)."""
    single = len(lines) == 1 and not lines[0].group
    label = f"**{escape(label.rstrip(':'))}{':' if colon or single else ''}**"
    if single:
        return f"{label} {escape(lines[0].text, line_start=False)}"
    out = [label]
    for line in lines:
        out.append(f"\n*{escape(line.text)}*\n" if line.group else f"- {escape(line.text)}")
    return "\n".join(out)


def _bullets(texts: list[str]) -> str:
    return "\n".join(f"- {escape(text)}" for text in texts)


def _item(item: ItemView, suffix: str) -> list[str]:
    parts = [f"## {escape(item.heading, line_start=False)}"]
    if item.closed_note:
        parts.append(f"*{escape(item.closed_note)}*")
    if item.presenter:
        parts.append(escape(item.presenter))
    writers = {
        "case": lambda: [_markdown_text(item.case)],
        "recommendation": lambda: _recommendation(item, suffix),
        "attachments": lambda: _attachments(item, suffix),
        "minutes": lambda: _minutes(item),
    }
    for part in item.order:
        parts += writers[part]()
    return parts


def _markdown_text(text: str) -> str:
    """A case text as written, with the line breaks that keep its lettered lists (``a) …``,
    ``b) …``, which Markdown has not) on lines of their own, as in Word."""
    text = escape_dates(text.strip())
    return _hard_breaks(text, [number - 1 for number in lettered_lines(text) if number > 0])


def minutes_markdown(text: str) -> str:
    """A minutes text as typed, every single line break in a paragraph a hard break (two spaces
    at the end of the line): one Enter is a new line in Word, and so for every Markdown reader
    (the chair's draft, pandoc); lettered lists are on lines of their own with it. Empty lines
    around it go; the first line's indentation stays (four spaces are code, in Word too)."""
    text = escape_dates(without_blank_lines_around(text))
    return _hard_breaks(text, soft_break_lines(text))


def _hard_breaks(text: str, ends: list[int]) -> str:
    """``text`` with a hard break at the end of each line numbered in ``ends`` (0-based)."""
    lines = text.split("\n")
    for number in ends:
        if lines[number].strip():  # within a paragraph: a hard break after it
            lines[number] += "  "
    return "\n".join(lines)


def _listed(texts: list[str], form: str, suffix: str) -> str:
    """Points or attachments as bullets, numbers (``1)`` in a ``1)`` style) or letters."""
    if form == "bullets":
        return _bullets(texts)
    if form == "letters":
        lettered = Recommendation(numbering=Numbering.LETTERS)
        return "  \n".join(
            f"{lettered.label(i)}{suffix} {escape(text, line_start=False)}" for i, text in enumerate(texts)
        )
    return "\n".join(f"{i}{suffix} {escape(text, line_start=False)}" for i, text in enumerate(texts, start=1))


def _recommendation(item: ItemView, suffix: str) -> list[str]:
    parts: list[str] = []
    if item.short:
        parts.append(f"{escape(item.short_label)} {escape(item.short)}")
    if item.intro:
        if item.recommendation_label:
            parts.append(escape(item.recommendation_label))
        parts.append(escape(item.intro))
        parts.append(_listed(item.points, item.point_form, suffix))
    return parts


def _attachments(item: ItemView, suffix: str) -> list[str]:
    if not item.attachments:
        return []
    if item.attachment_form == "inline":
        return [escape(f"{item.attachments_label} {', '.join(item.attachments)}")]
    return [escape(item.attachments_label), _listed(item.attachments, item.attachment_form, suffix)]


def _minutes(item: ItemView) -> list[str]:
    minutes = item.minutes
    if minutes is None:
        return []
    parts = [f"**{escape(minutes.label)}**"]
    parts += [escape(note) for note in minutes.notes]
    parts.append(minutes_markdown(minutes.text))
    parts += [escape(correction) for correction in minutes.corrections]
    parts += [escape(outcome) for outcome in minutes.outcomes]
    if minutes.actions:
        parts += [escape(minutes.actions_label), _bullets(minutes.actions)]
    for remark in minutes.remarks:
        if remark.label.strip():
            parts.append(f"**{escape(remark.label.strip())}**")
        parts += [_verbatim(paragraph) for paragraph in remark.paragraphs]
    return parts


def _verbatim(paragraph: str) -> str:
    """A paragraph shown exactly as typed: every line escaped, line breaks kept as hard breaks."""
    return "  \n".join(escape(line) for line in paragraph.split("\n"))
