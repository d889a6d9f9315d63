"""Which house style a meeting's documents are in, and ``referent check`` for either kind of file.

A meeting knows its style: its meeting file's ``style`` (a built-in name or a file beside
the meeting file), else the user's settings for its body (``[styles]`` in config.toml),
else ``default``. The review, F12, ``referent export`` and the agenda all ask here, so the
chair reads the draft in the layout that will be circulated.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from referent.export.style import BUILT_IN, HouseStyle, StyleError, is_style_source, load_style
from referent.i18n import t
from referent.model import Meeting
from referent.problems import FileProblem, MeetingFileError, Problem


def style_spec(
    meeting: Meeting, styles: Mapping[str, str] | None = None, base_dir: Path | None = None
) -> str:
    """The style a meeting asks for: a built-in name or a file path (``default`` if nothing)."""
    own = meeting.style.strip()
    if own:
        if own in BUILT_IN or base_dir is None or Path(own).expanduser().is_absolute():
            return own
        return str(base_dir / own)
    body = " ".join((meeting.body or meeting.title).split())
    return (styles or {}).get(body, "default")


def meeting_style(
    meeting: Meeting, styles: Mapping[str, str] | None = None, base_dir: Path | None = None
) -> HouseStyle:
    """The meeting's house style (see the module docstring); raises ``StyleError`` if it cannot be used.

    ``base_dir`` is the meeting file's folder, against which its own ``style`` path is read.
    """
    return load_style(style_spec(meeting, styles, base_dir))


def check_file(name: str) -> list[str]:
    """``referent check``: the problems of a meeting file or of a house style file, rendered
    ``FILE:LINE: message``; empty when the file is fine. A meeting file's own style is checked too."""
    from referent.fileio import read_user_file
    from referent.meetingfile.reader import read_meeting_file
    from referent.meetingfile.tomlpos import key_lines, line_of

    path = Path(name)
    try:
        if is_style_source(read_user_file(path, t("meeting file"))):
            load_style(path)
            return []
    except FileProblem:
        pass  # the meeting-file reader says what is wrong with the file
    except StyleError as error:
        return [problem.render(error.filename) for problem in error.problems]
    try:
        meeting, source = read_meeting_file(name)
    except MeetingFileError as error:
        return [problem.render(name) for problem in error.problems]
    if not meeting.style.strip():
        return []
    try:
        meeting_style(meeting, base_dir=path.parent)
    except StyleError as error:  # a style that cannot be read is named at the meeting file's line
        line = line_of(key_lines(source), ("meeting", "style"))
        return [
            Problem(line, f"style '{meeting.style}': {p.message}").render(name)
            if p.line is None
            else p.render(error.filename)
            for p in error.problems
        ]
    return []
