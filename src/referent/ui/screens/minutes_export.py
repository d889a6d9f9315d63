"""F12 on the minutes screen: write the minutes as they stand to a Word file, off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from referent.model import Meeting
from referent.ui.i18n import t

if TYPE_CHECKING:
    from referent.ui.screens.minutes import MinutesScreen


def export_minutes(screen: MinutesScreen) -> None:
    """Export a copy of the meeting the thread owns alone; say where it went when it is done."""
    meeting = screen.live.stored_copy()
    folder = screen.referent.export_folder(screen.live.meeting_id)
    screen.notify(t("Exporting the minutes…"), timeout=3)
    screen.run_worker(lambda: _export(screen, meeting, folder), thread=True, exclusive=True, group="export")


def _export(screen: MinutesScreen, meeting: Meeting, folder: Path) -> None:
    from referent.export import StyleError, WriteError, default_filename, export_docx

    app = screen.referent
    try:
        report = export_docx(meeting, folder / default_filename(meeting))
    except (WriteError, StyleError, OSError) as error:
        app.call_from_thread(app.notify, str(error), severity="error", timeout=15, markup=False)
        return
    message = t("Minutes exported to {path}", path=report.path)
    for warning in report.warnings():
        message += "\n" + warning
    app.call_from_thread(app.notify, message, timeout=15, markup=False)
