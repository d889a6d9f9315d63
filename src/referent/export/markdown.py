"""The minutes (or agenda) as Markdown: readable as plain text in an e-mail, convertible by pandoc.

Case and minutes texts are Markdown already and pass through (a line starting with a
Danish date, ``24. maj …``, is kept from becoming list item 24, as in Word); the lines
referent words itself (names, titles, labels) are escaped where they would otherwise
turn into Markdown structure, e.g. an attachment called ``1. udkast``.
"""

from __future__ import annotations

from referent.export.blocks import escape_dates
from referent.export.content import DocumentView, ItemView, Line
from referent.model import Numbering, Recommendation

_SPECIAL = str.maketrans({"*": "\\*", "`": "\\`", "[": "\\[", "]": "\\]", "<": "\\<"})


def render_markdown(view: DocumentView) -> str:
    """The whole document as Markdown text, ending in one newline."""
    label = f"{view.label} {chr(0x2013)} {view.mark}" if view.mark else view.label
    parts: list[str] = [f"# {escape(view.title, line_start=False)}", f"**{escape(label)}**"]
    for row in view.header:
        parts.append(_row(row.label, row.lines))
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


def _row(label: str, lines: list[Line]) -> str:
    label = f"**{escape(label.rstrip(':'))}:**"
    if len(lines) == 1 and not lines[0].group:
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
    parts.append(escape_dates(item.case.strip()))
    if item.short:
        parts.append(f"{escape(item.short_label)} {escape(item.short)}")
    if item.intro:
        parts.append(escape(item.intro))
        if item.letters:
            lettered = Recommendation(numbering=Numbering.LETTERS)
            parts.append(
                "  \n".join(
                    f"{lettered.label(i)}{suffix} {escape(p, line_start=False)}"
                    for i, p in enumerate(item.points)
                )
            )
        else:
            parts.append(
                "\n".join(
                    f"{i}{suffix} {escape(p, line_start=False)}" for i, p in enumerate(item.points, start=1)
                )
            )
    if item.attachments:
        parts += [escape(item.attachments_label), _bullets(item.attachments)]
    minutes = item.minutes
    if minutes is not None:
        parts.append(f"**{escape(minutes.label)}**")
        parts += [escape(note) for note in minutes.notes]
        parts.append(escape_dates(minutes.text.strip()))
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
