"""Is this zip a Word document of a sane size? Checked before python-docx is asked to open it."""

from __future__ import annotations

import io
import zipfile
import zlib

from referent.problems import MeetingFileError, Problem

MAX_XML_BYTES = 40 * 1024 * 1024
"""The unpacked text of a document (word/document.xml) is read up to this size: a 400-page
agenda is about 10 MB; beyond that it is a mistake or a zip bomb, not an agenda."""
_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")
_BROKEN = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError,
           KeyError)  # fmt: skip
"""What zipfile raises for a damaged or unusual archive (RuntimeError: a member with a password)."""
_STRICT = b"purl.oclc.org/ooxml/wordprocessingml/main"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_OTHER_ZIPS = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "content.xml": "an OpenDocument file (LibreOffice)",
}


def check_package(data: bytes, name: str) -> bytes:
    """The bytes of a Word document python-docx can open (a .dotx or .docm made into a .docx),
    or a ``MeetingFileError`` saying what the zip is instead, or that it is damaged or too large."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        infos = {info.filename: info for info in archive.infolist()}
    except _BROKEN:
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
    try:  # reading a part checks its checksum
        head = archive.read("word/document.xml")[:2000]
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        for part in _PARTS[1:]:
            if part in names:
                archive.read(part)
    except _BROKEN:
        raise MeetingFileError(
            name, [Problem(None, "the file is damaged (its text cannot be unpacked); save it again in Word")]
        ) from None
    if _STRICT in head:
        raise MeetingFileError(
            name,
            [
                Problem(
                    None,
                    "this document is saved as 'Strict Open XML', which referent cannot read; "
                    "save it in Word as an ordinary Word Document (.docx)",
                )
            ],
        )
    if any(kind in types for kind in _OTHER_MAIN_TYPES):
        try:
            return _as_document(archive, types)
        except _BROKEN:
            raise MeetingFileError(
                name,
                [Problem(None, "the file is damaged (a part cannot be unpacked); save it again in Word")],
            ) from None
    return data


def _as_document(archive: zipfile.ZipFile, types: bytes) -> bytes:
    """A template (.dotx) or a document with macros (.docm) differs from a .docx only in its
    main part's content type, which python-docx refuses: it is rewritten in memory."""
    for kind in _OTHER_MAIN_TYPES:
        types = types.replace(kind, _DOCUMENT_TYPE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            content = types if info.filename == "[Content_Types].xml" else archive.read(info.filename)
            target.writestr(info, content)
    return out.getvalue()
