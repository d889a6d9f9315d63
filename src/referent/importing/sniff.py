"""What kind of file a secretary handed us, told by its first bytes rather than its name.

A renamed file, a PDF saved as ``dagsorden.docx`` or a password-protected document (which
Word stores as an OLE container, not a zip) must each get a message saying what to do,
never a traceback. Only regular files are read, and only up to ``MAX_FILE_BYTES``: a FIFO,
``/dev/zero`` or a 2 GB file is refused before anything is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from referent.problems import MeetingFileError, Problem

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Agendas are well under 5 MB even with pictures; 50 MB leaves room and keeps a mistake cheap."""
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "open it in Word and save it as .docx (File → Save As → Word Document) first"
NOT_WORD = (
    "is not a Word document (.docx) inside: damaged, or another kind of file renamed; save it again in Word"
)


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``; a ``MeetingFileError`` for anything that is not a readable file."""
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO nobody writes to must not hang; it is refused just below
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise MeetingFileError(name, [Problem(None, "no such file")]) from None
    except IsADirectoryError:
        raise MeetingFileError(name, [Problem(None, "is a directory, not a meeting file")]) from None
    except OSError as error:
        raise MeetingFileError(name, [Problem(None, f"cannot be read: {error.strerror}")]) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise MeetingFileError(name, [Problem(None, "is a directory, not a meeting file")])
        if not stat.S_ISREG(info.st_mode):
            raise MeetingFileError(
                name, [Problem(None, "is not a regular file (a pipe or a device); give the path of a file")]
            )
        if info.st_size > limit:
            raise MeetingFileError(name, [Problem(None, _too_large(info.st_size, limit))])
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    except OSError as error:
        raise MeetingFileError(name, [Problem(None, f"cannot be read: {error.strerror}")]) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew while we looked
        raise MeetingFileError(name, [Problem(None, _too_large(len(data), limit))])
    return data


def _too_large(size: int, limit: int) -> str:
    return (
        f"is {size / 1024 / 1024:.0f} MB; referent reads agendas and meeting files "
        f"up to {limit // 1024 // 1024} MB"
    )


def file_kind(data: bytes) -> str:
    """``zip`` (a .docx, or another zip), ``pdf``, ``ole`` (.doc, encrypted .docx), ``rtf`` or ``text``."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF"):
        return "pdf"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return "text"


def refusal(kind: str, data: bytes) -> str | None:
    """Why a file of ``kind`` cannot be read as an agenda; None for the kinds we read."""
    if kind == "pdf":
        return f"this is a PDF, not a Word document; {_SAVE_AS}"
    if kind == "rtf":
        return f"this is an RTF document, not a .docx; {_SAVE_AS}"
    if kind == "ole":
        if "EncryptedPackage".encode("utf-16-le") in data:
            return (
                "this Word document is protected by a password, so it cannot be read; in Word remove the "
                "password (File → Info → Protect Document → Encrypt with Password) and save it again"
            )
        if "WordDocument".encode("utf-16-le") in data:
            return f"this is an old Word document (.doc); {_SAVE_AS}"
        return f"this is an old Office file, not a Word .docx; {_SAVE_AS}"
    return None
