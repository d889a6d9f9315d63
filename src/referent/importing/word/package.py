"""Is this zip a Word document of a sane size? Checked before python-docx is asked to open it."""

from __future__ import annotations

import io
import zipfile

from referent.problems import MeetingFileError, Problem

MAX_XML_BYTES = 40 * 1024 * 1024
"""The unpacked text of a document (word/document.xml) is read up to this size: a 400-page
agenda is about 10 MB; beyond that it is a mistake or a zip bomb, not an agenda."""
_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")
_OTHER_ZIPS = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "content.xml": "an OpenDocument file (LibreOffice)",
}


def check_package(data: bytes, name: str) -> None:
    """A zip that holds a Word document of a sane size, or a ``MeetingFileError`` saying what it is."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise MeetingFileError(
            name,
            [Problem(None, "the file is damaged: it is not a complete .docx (try saving it again in Word)")],
        ) from None
    if "word/document.xml" not in names:
        kind = next((what for part, what in _OTHER_ZIPS.items() if part in names), "a zip archive")
        raise MeetingFileError(
            name, [Problem(None, f"this is {kind}, not a Word document; save the agenda as .docx in Word")]
        )
    unpacked = sum(infos[part].file_size for part in _PARTS if part in infos)
    if unpacked > MAX_XML_BYTES:
        raise MeetingFileError(
            name,
            [
                Problem(
                    None,
                    f"the document's text is {unpacked / 1024 / 1024:.0f} MB unpacked; referent reads "
                    f"Word agendas up to {MAX_XML_BYTES // 1024 // 1024} MB of text",
                )
            ],
        )
    try:
        bad = archive.testzip()
    except Exception:
        bad = "?"
    if bad is not None:
        raise MeetingFileError(
            name,
            [Problem(None, f"the file is damaged (part {bad} cannot be unpacked); save it again in Word")],
        )
