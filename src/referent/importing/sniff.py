"""What kind of file a secretary handed us, told by its first bytes rather than its name.

A renamed file, a PDF saved as ``dagsorden.docx`` or a password-protected document (which
Word stores as an OLE container, not a zip) must each get a message saying what to do,
never a traceback. Only regular files are read (``fileio.read_user_bytes``), and only up to
``MAX_FILE_BYTES``: a FIFO, ``/dev/zero`` or a 2 GB file is refused before anything is read.
"""

from __future__ import annotations

from pathlib import Path

from referent.i18n import t
from referent.problems import FileProblem, MeetingFileError

MEGABYTE = 1024 * 1024
MAX_FILE_BYTES = 50 * MEGABYTE
"""Agendas are well under 5 MB even with pictures; 50 MB leaves room and keeps a mistake cheap."""
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "open it in Word and save it as .docx (File → Save As → Word Document) first"
NOT_WORD = (
    "is not a Word document (.docx) inside: damaged, or another kind of file renamed; save it again in Word"
)
"""(Translated where it is used: ``t(NOT_WORD)``.)"""


def read_agenda_bytes(path: Path) -> bytes:
    """The bytes of a meeting file or Word agenda; ``MeetingFileError`` for anything that is not
    a readable ordinary file of at most ``MAX_FILE_BYTES`` (a Word agenda) or
    ``fileio.MAX_FILE_BYTES`` (a meeting file, ``.toml``): each is told its own limit."""
    from referent.fileio import MAX_FILE_BYTES as MAX_TEXT_BYTES
    from referent.fileio import read_user_bytes

    suffix = path.suffix.lower()
    word, text = MAX_FILE_BYTES // MEGABYTE, MAX_TEXT_BYTES // MEGABYTE
    if suffix in WORD_SUFFIXES:
        limit, allowed = MAX_FILE_BYTES, t("a Word agenda may be at most {limit} MB", limit=word)
    elif suffix == ".toml":
        limit, allowed = MAX_TEXT_BYTES, t("a meeting file may be at most {limit} MB", limit=text)
    else:  # either: the larger limit now, a meeting file's once it is known to be text
        limit = MAX_FILE_BYTES
        allowed = t("a meeting file may be at most {toml} MB, a Word agenda {docx} MB", toml=text, docx=word)
    try:
        return read_user_bytes(path, t("meeting file or Word agenda"), limit, allowed)
    except FileProblem as error:
        raise MeetingFileError(str(path), [error.problem]) from None


def file_kind(data: bytes) -> str:
    """``zip`` (a .docx, or another zip), ``pdf``, ``ole`` (.doc, encrypted .docx), ``rtf``,
    ``html`` (a web page) or ``text``."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF"):
        return "pdf"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def refusal(kind: str, data: bytes) -> str | None:
    """Why a file of ``kind`` cannot be read as an agenda; None for the kinds we read."""
    if kind == "pdf":
        return t("this is a PDF, not a Word document; {what}", what=t(_SAVE_AS))
    if kind == "rtf":
        return t("this is an RTF document, not a .docx; {what}", what=t(_SAVE_AS))
    if kind == "html":
        return t("this is a web page (HTML), not a Word document or a meeting file; {what}", what=t(_SAVE_AS))
    if kind == "ole":
        if "EncryptedPackage".encode("utf-16-le") in data:
            return t(
                "this Word document is protected by a password, so it cannot be read; in Word remove the "
                "password (File → Info → Protect Document → Encrypt with Password) and save it again"
            )
        if "WordDocument".encode("utf-16-le") in data:
            return t("this is an old Word document (.doc); {what}", what=t(_SAVE_AS))
        return t("this is an old Office file, not a Word .docx; {what}", what=t(_SAVE_AS))
    return None


def not_word(data: bytes) -> str:
    """Why a file named like a Word document (``.docx``) that is none of the kinds above (text,
    or nothing) is not read: never as a meeting file, whose messages would make no sense."""
    if not data:
        return t("the file is empty (0 bytes), not a Word document; save the agenda again in Word")
    return t(NOT_WORD)
