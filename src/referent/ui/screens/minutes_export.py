"""F12 and F11 on the minutes screen: the minutes as they stand, to a Word file (off the UI
thread) or, when the database cannot be written, to a meeting file of the secretary's choice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from referent.model import Meeting
from referent.ui.i18n import t

if TYPE_CHECKING:
    from referent.ui.screens.minutes import MinutesScreen


def export_minutes(screen: MinutesScreen) -> None:
    """Export a copy of the meeting the thread owns alone; say where it went when it is done."""
    live = screen.live
    meeting = live.stored_copy()
    folder = screen.referent.export_folder(live.meeting_id)
    styles = dict(screen.referent.settings.styles)
    source = live.source_path  # read here: the database belongs to this thread
    style_folder = screen.referent.style_folder(live.meeting_id)
    screen.notify(t("Exporting the minutes…"), timeout=3)
    screen.run_worker(
        lambda: _export(screen, meeting, live.meeting_id, folder, source, styles, style_folder),
        thread=True,
        exclusive=True,
        group="export",
    )


def _export(
    screen: MinutesScreen,
    meeting: Meeting,
    meeting_id: int,
    folder: Path,
    source: str,
    styles: dict[str, str],
    style_folder: Path,
) -> None:
    from referent.export import StyleError, WriteError, default_filename, export_docx, meeting_style
    from referent.export.naming import free_path, identity, meeting_key
    from referent.fileio import check_output, protected_files

    app = screen.referent
    database = app.database_path
    mark = identity(
        meeting, meeting_key(database, meeting_id), kind="minutes", public=False, for_review=False
    )
    # its own earlier export is replaced; another meeting's or version's gets a name of its own
    target = free_path(folder / default_filename(meeting), mark)
    try:  # in the meeting's own house style; never over the database or the meeting file
        check_output(target, protected_files(database, source))
        style = meeting_style(meeting, styles, style_folder)
        report = export_docx(meeting, target, style=style, identifier=mark)
    except (WriteError, StyleError, OSError) as error:
        app.call_from_thread(app.notify, str(error), severity="error", timeout=15, markup=False)
        return
    message = t("Minutes exported to {path}", path=report.path)
    for warning in report.warnings():
        message += "\n" + warning
    app.call_from_thread(app.notify, message, timeout=15, markup=False)


def default_copy_path(meeting: Meeting) -> Path:
    """``~/2023-03-13 Referat Politisk Niveau (kopi).toml``: the home folder is rarely the full disk."""
    from referent.export import default_filename

    name = default_filename(meeting, format="toml")
    return Path.home() / name.replace(".toml", f" ({t('copy')}).toml")


def ask_for_copy(screen: MinutesScreen) -> None:
    """Ask where, then write the whole meeting (with every word on screen) as a meeting file."""
    from referent.ui.dialogs.form import TextDialog

    live = screen.live
    meeting = live.stored_copy()
    screen.referent.push_screen(
        TextDialog(
            t("Save a copy of the minutes elsewhere"),
            t("File (a meeting file: 'referent open' opens it again)"),
            str(default_copy_path(meeting)),
            required=t("Say where to save the copy."),
        ),
        lambda answer: _save_copy(screen, meeting, answer) if answer else None,
    )


def _save_copy(screen: MinutesScreen, meeting: Meeting, answer: str) -> None:
    from referent.fileio import WriteError, check_output, protected_files, write_atomically
    from referent.meetingfile.writer import dump_meeting

    path = Path(answer).expanduser()
    try:
        check_output(path, protected_files(screen.referent.database_path, screen.live.source_path))
        write_atomically(path, dump_meeting(meeting).encode("utf-8"))
    except (WriteError, OSError) as error:
        screen.notify(str(error), severity="error", timeout=15, markup=False)
        return
    screen.notify(t("A copy of the minutes is in {path}", path=path), timeout=15, markup=False)
