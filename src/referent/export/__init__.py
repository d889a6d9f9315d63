"""Export a meeting: a Word document in the house layout, Markdown text, or the meeting file.

This package is the domain core of the export and must never import Textual (a test
checks): the CLI and the UI both call ``export_meeting``. python-docx is imported only
when a Word document is actually written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from referent.export.content import Removal, build_view
from referent.export.filters import agenda_meeting, public_meeting
from referent.export.resolve import check_file, meeting_style, style_spec
from referent.export.style import HouseStyle, StyleError, load_style
from referent.fileio import WriteError, write_atomically
from referent.model import Meeting

__all__ = [
    "FORMATS",
    "ExportReport",
    "HouseStyle",
    "StyleError",
    "WriteError",
    "check_file",
    "default_filename",
    "export_docx",
    "export_markdown",
    "export_meeting",
    "export_toml",
    "format_for",
    "load_style",
    "meeting_style",
    "render",
    "style_spec",
]

FORMATS = ("docx", "md", "toml")
_SUFFIXES = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "md", ".toml": "toml"}
_UNSAFE = str.maketrans({c: " " for c in '/\\:*?"<>|\t\n\r'})


@dataclass
class ExportReport:
    """What an export wrote, and which parts of the meeting lost characters on the way."""

    path: Path
    format: str
    removed: list[Removal] = field(default_factory=list)

    def warnings(self) -> list[str]:
        return [removal.describe() for removal in self.removed]


def render(
    meeting: Meeting,
    *,
    format: str = "docx",
    agenda: bool = False,
    public: bool = False,
    style: HouseStyle | str | Path | None = None,
    for_review: bool = False,
    identifier: str = "",
) -> tuple[bytes, list[Removal]]:
    """The file's bytes and the removals, without writing anything.

    ``style`` is a ``HouseStyle``, a built-in name or a style file; ``None`` is ``default``.
    The meeting's own style is ``meeting_style(meeting, settings.styles, folder)``.
    ``for_review`` marks the copy for the reading round (the house style's ``review`` word in
    the running header instead of ``UDKAST``); the meeting file has no such mark.
    ``identifier`` is kept in a Word document's properties (see ``export.naming``).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if public:
        meeting = public_meeting(meeting)
    if agenda:
        meeting = agenda_meeting(meeting)
    if format == "toml":
        from referent.meetingfile.writer import dump_meeting

        return dump_meeting(meeting).encode("utf-8"), []
    house = style if isinstance(style, HouseStyle) else load_style(style)
    view = build_view(meeting, house, agenda=agenda, public=public, for_review=for_review)
    if format == "md":
        from referent.export.markdown import render_markdown

        return render_markdown(view).encode("utf-8"), view.removed
    from referent.export.word import render_docx

    return render_docx(view, house, identifier), view.removed


def export_meeting(
    meeting: Meeting,
    path: str | Path,
    *,
    format: str = "docx",
    agenda: bool = False,
    public: bool = False,
    style: HouseStyle | str | Path | None = None,
    for_review: bool = False,
    identifier: str = "",
) -> ExportReport:
    """Write the export to ``path`` atomically; raises ``WriteError`` or ``StyleError``."""
    data, removed = render(
        meeting,
        format=format,
        agenda=agenda,
        public=public,
        style=style,
        for_review=for_review,
        identifier=identifier,
    )
    target = Path(path)
    write_atomically(target, data)
    return ExportReport(target, format, removed)


def export_docx(meeting: Meeting, path: str | Path, **options: object) -> ExportReport:
    """The minutes (or with ``agenda=True`` the agenda) as a Word document."""
    return export_meeting(meeting, path, format="docx", **options)  # type: ignore[arg-type]


def export_markdown(meeting: Meeting, path: str | Path, **options: object) -> ExportReport:
    """The same document as Markdown text, for e-mail."""
    return export_meeting(meeting, path, format="md", **options)  # type: ignore[arg-type]


def export_toml(meeting: Meeting, path: str | Path, **options: object) -> ExportReport:
    """The meeting file (after the agenda/public filters, if asked for)."""
    return export_meeting(meeting, path, format="toml", **options)  # type: ignore[arg-type]


def format_for(path: str | Path | None, requested: str | None = None) -> str:
    """The format asked for, else the one the file name implies, else Word."""
    if requested:
        return requested
    if path is None:
        return "docx"
    return _SUFFIXES.get(Path(path).suffix.lower(), "docx")


def default_filename(
    meeting: Meeting,
    *,
    agenda: bool = False,
    public: bool = False,
    format: str = "docx",
    review: str = "",
) -> str:
    """``2023-03-13 Referat Politisk Niveau Sundhedsklynge Midt.docx``: sortable, safe on Windows.

    ``review`` is the reading-round mark (``Til gennemlæsning``), added in brackets.
    """
    kind = "Dagsorden" if agenda else "Referat"
    name = _safe(meeting.body or meeting.title)
    suffix = " (offentlig)" if public else ""
    if _safe(review):
        suffix += f" ({_safe(review)})"
    return f"{meeting.date.isoformat()} {kind} {name}{suffix}.{format}"


def _safe(text: str) -> str:
    return " ".join(text.translate(_UNSAFE).split()).strip(" .")
