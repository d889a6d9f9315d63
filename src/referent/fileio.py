"""Write a file so that it is either complete or untouched: temporary name, then rename.

An export or dump interrupted half-way (power cut, Ctrl-C, a full disk) must never leave
a truncated ``.docx`` where the last good one was, so every file referent hands to a
person goes through ``write_atomically``. And no export or dump may write over what it
must not: the database and its companion files, the meeting file it came from, or a
device, pipe or folder (``check_output``). Files are compared by identity (device and
inode), never by how their names are spelled.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database; writing over one damages the database."""


class WriteError(OSError):
    """A file could not be written; the message says why in words a secretary understands."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk and rename it."""
    import tempfile  # here: it pulls in shutil, bz2 and lzma, which nothing else needs

    check_output(path, {})
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


def check_output(path: Path, protected: Mapping[Path, str]) -> None:
    """Raise ``WriteError`` if writing ``path`` would replace a protected file or a non-file.

    ``protected`` maps a path to what it is, for the message (``"the database"``). A path
    that exists is compared by identity, so a symlink, ``./`` or another letter case
    (on a disk that ignores case) is caught; one that does not exist yet by its real path.
    """
    try:
        target = os.stat(path)
    except OSError:
        target = None
    if target is not None and stat.S_ISDIR(target.st_mode):
        raise WriteError(f"{path}: is a folder, not a file; give a file name")
    if target is not None and not stat.S_ISREG(target.st_mode):
        raise WriteError(f"{path}: is not an ordinary file (a device, a pipe or a socket); give a file name")
    real = _real(path)
    for other, what in protected.items():
        try:
            known = os.stat(other)
        except OSError:
            same = target is None and _real(other) == real
        else:
            same = target is not None and (known.st_dev, known.st_ino) == (target.st_dev, target.st_ino)
        if same:
            raise WriteError(f"{path}: is {what}; it must not be written over: give another file name")


def protected_files(database: Path, source: str | Path = "") -> dict[Path, str]:
    """What an export or dump must not write over, each named for a message: the database,
    its SQLite companions and lock files, and the meeting file ``source`` (if any)."""
    from referent.lock import lock_files

    files = {database: f"the database {database}"}
    real = Path(os.path.realpath(database))  # SQLite names its companions after the real file
    for suffix in DATABASE_COMPANIONS:
        files[real.with_name(real.name + suffix)] = f"a file of the database {database}"
    for lock in lock_files(database):
        files[lock] = f"a lock file of the database {database}"
    if source:
        files[Path(source)] = "the meeting file this meeting comes from"
    return files


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))
