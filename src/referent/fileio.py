"""Write a file so that it is either complete or untouched: temporary name, then rename.

An export or dump interrupted half-way (power cut, Ctrl-C, a full disk) must never leave
a truncated ``.docx`` where the last good one was, so every file referent hands to a
person goes through ``write_atomically``.
"""

from __future__ import annotations

import os
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; the message says why in words a secretary understands."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk and rename it."""
    import tempfile  # here: it pulls in shutil, bz2 and lzma, which nothing else needs

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(f"{path}: cannot write in this folder: {error.strerror}") from error
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(_reason(path, error)) from error


def _reason(path: Path, error: OSError) -> str:
    if isinstance(error, PermissionError) and path.exists():
        # Windows refuses to replace a document that Word has open.
        return f"{path}: the file is open in another program or write-protected; close it and try again"
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return f"{path}: is a folder, not a file"
    return f"{path}: cannot be written: {error.strerror or error}"
