"""Files a person hands referent: read only ordinary text files of sane size; write so
that a file is either complete or untouched (temporary name, then rename).

Meeting, style and settings files are read by ``read_user_file``: a symlink to
``/dev/zero``, a FIFO, a 2 GB file or a UTF-16 file gives one clear problem, never a
hang, all the memory or a traceback.

An export or dump interrupted half-way (power cut, Ctrl-C, a full disk) must never leave
a truncated ``.docx`` where the last good one was, so every file referent hands to a
person goes through ``write_atomically``. And no export or dump may write over what it
must not: the database and its companion files, the meeting file it came from, or a
device, pipe or folder (``check_output``). Files are compared by identity (device and
inode), never by how their names are spelled.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from referent.i18n import t
from referent.problems import FileProblem, Problem

MAX_FILE_MEGABYTES = 10
"""The largest meeting, style or settings file read (docs/meeting-file.md says so too): a
meeting of 400 items with long case texts is about 2 MB, and TOML of this size parses in
a few seconds."""
MAX_FILE_BYTES = MAX_FILE_MEGABYTES * 1024 * 1024
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database; writing over one damages the database."""


def database_companions(database: Path) -> list[Path]:
    """The files SQLite keeps beside ``database``, named after the real file (a database
    reached through a symbolic link has them beside its target)."""
    real = Path(os.path.realpath(database))
    return [real.with_name(real.name + suffix) for suffix in DATABASE_COMPANIONS]


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


def check_output(
    path: Path, protected: Mapping[Path, str], folders: Mapping[Path, str] | None = None
) -> None:
    """Raise ``WriteError`` if writing ``path`` would replace a protected file or a non-file,
    or put a file inside a protected folder.

    ``protected`` maps a path to what it is, for the message (``"the database"``); so does
    ``folders`` (``"the backups of the database"``: a file named like a backup would be taken
    for one). A path that exists is compared by identity, so a symlink, ``./`` or another
    letter case (on a disk that ignores case) is caught; one that does not exist yet by its
    real path.
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
    for folder, what in (folders or {}).items():
        inside = _real(folder)
        if os.path.dirname(real) == inside or os.path.dirname(real).startswith(inside + os.sep):
            raise WriteError(f"{path}: is inside {what} ({folder}); give a file name elsewhere")


def protected_files(
    database: Path, source: str | Path = "", sources: Mapping[int, str] | None = None
) -> dict[Path, str]:
    """What an export or dump must not write over, each named for a message: the database,
    its SQLite companions and lock files, the meeting file ``source`` (if any) and the file
    every meeting of the database was imported from (``sources``, by meeting id)."""
    from referent.lock import lock_files

    files = {Path(source): "the meeting file this meeting comes from"} if source else {}
    files[database] = f"the database {database}"
    for companion in database_companions(database):
        files[companion] = f"a file of the database {database}"
    for lock in lock_files(database):
        files[lock] = f"a lock file of the database {database}"
    from referent.store.opening import backups

    for backup in backups(database):
        files[backup] = f"a backup of the database {database}"
    for meeting_id, other in (sources or {}).items():
        files.setdefault(Path(other), f"the file meeting {meeting_id} was imported from")
    return files


def protected_folders(database: Path) -> dict[Path, str]:
    """Folders no export or dump may write into: the database's backups and referent's locks."""
    from referent.paths import lock_folder
    from referent.store.opening import backup_folder

    return {backup_folder(database): "the backups of the database", lock_folder(): "referent's lock folder"}


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def read_user_bytes(
    path: str | os.PathLike[str], kind: str, limit: int = MAX_FILE_BYTES, allowed: str = ""
) -> bytes:
    """The bytes of a file a person handed us (``kind``: "meeting file"); ``FileProblem`` if it
    is missing, not an ordinary file (a FIFO, a device: refused before anything is read, so
    ``/dev/zero`` cannot eat the memory nor a pipe hang the app) or larger than ``limit``
    (``allowed`` says what the limits are, when not "a KIND may be at most LIMIT MB")."""
    raw = b""
    try:
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode) and info.st_size <= limit:
            # O_NONBLOCK: a file swapped for a FIFO after the check must not hang the open
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(path, flags), "rb") as file:
                info = os.fstat(file.fileno())
                raw = file.read(limit + 1) if stat.S_ISREG(info.st_mode) else b""
    except FileNotFoundError:
        raise FileProblem(Problem(None, t("no such file")), missing=True) from None
    except OSError as error:
        raise FileProblem(
            Problem(None, t("cannot be read: {error}", error=error.strerror or error))
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(Problem(None, t("is a directory, not a {kind}", kind=kind)))
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(
            Problem(
                None, t("is not an ordinary file (a device, a pipe or a socket), not a {kind}", kind=kind)
            )
        )
    if info.st_size > limit or len(raw) > limit:
        raise FileProblem(Problem(None, too_large(max(info.st_size, len(raw)), limit, kind, allowed)))
    return raw


def too_large(size: int, limit: int, kind: str, allowed: str = "") -> str:
    tenths = math.ceil(size / 1024 / 1024 * 10)  # 10 MB + 1 byte: "10.1"
    allowed = allowed or t("a {kind} may be at most {limit} MB", kind=kind, limit=limit // 1024 // 1024)
    return t("is {size} MB; {allowed}", size=tenths / 10, allowed=allowed)


def read_user_file(path: str | os.PathLike[str], kind: str) -> str:
    """The UTF-8 text of a file a person wrote; ``FileProblem`` as ``read_user_bytes`` or when
    it is not UTF-8 text."""
    return decode_text(read_user_bytes(path, kind), kind)


def decode_text(raw: bytes, kind: str) -> str:
    """UTF-8 text (a BOM is allowed), or a ``FileProblem`` saying what the bytes are instead."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _interleaved_nuls(raw):
        raise FileProblem(Problem(None, t("the file is UTF-16; save it as UTF-8")))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise FileProblem(Problem(line, t("this is a binary file, not a {kind}", kind=kind)))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FileProblem(
            Problem(line, t("is not UTF-8 text; save the file as UTF-8 and try again"))
        ) from None


def _interleaved_nuls(raw: bytes) -> bool:
    """UTF-16 without a BOM: in Latin text every other byte is NUL, the others are not."""
    head = raw[:512]
    half = len(head) // 2
    if half < 2:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= half * 0.6 and min(even, odd) <= half * 0.05
