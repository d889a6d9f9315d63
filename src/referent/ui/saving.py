"""When the database refuses a write: which errors that is, and the emergency copy on leaving.

A full or failing disk must never end the app: every action that writes reaches the app's
``handle_exception`` when the store refuses (``ReferentApp.change_not_saved`` says it), and
what the secretary typed stays on screen. Leaving while minutes are not in the database
writes them first as a meeting file (what F11 writes) where a file can still be written:
the home folder, else the temporary folder.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referent.model import Meeting


def write_failure(error: BaseException) -> str | None:
    """Why nothing could be saved, in words ``t`` translates, when ``error`` is the database
    (or the disk under it) refusing a write; None for anything else (a bug stays a bug)."""
    from referent.store import ApprovedMinutes, DatabaseError, ReadOnlyDatabase, SaveFailed
    from referent.store.database import save_failed

    if isinstance(error, (ApprovedMinutes, ReadOnlyDatabase)):  # refusals with their own message
        return None
    if isinstance(error, SaveFailed):
        return error.reason
    if isinstance(error, DatabaseError):
        return str(error)
    if isinstance(error, (sqlite3.OperationalError, OSError)):
        return save_failed(error, None).reason
    if type(error) is sqlite3.DatabaseError:  # a file damaged under us
        return save_failed(error, None).reason
    return None


def emergency_folders() -> list[Path]:
    """Where an emergency copy goes, first that can be written: the home folder (rarely on the
    disk that filled up with the database), then the temporary folder."""
    return [Path.home(), Path(tempfile.gettempdir())]


def write_emergency_copy(meeting: Meeting, name: str, earlier: Path | None = None) -> Path | None:
    """Write ``meeting`` as a meeting file named ``name`` into the first folder that takes it
    (``earlier``: the copy this session wrote before, written over); None when none does."""
    from referent.fileio import write_atomically
    from referent.meetingfile.writer import dump_meeting

    data = dump_meeting(meeting).encode("utf-8")
    places = [earlier] if earlier is not None else []
    places += [_free_name(folder / name) for folder in emergency_folders()]
    for path in places:
        try:
            write_atomically(path, data)
        except OSError:  # (WriteError too) full, read-only, gone: the next place
            continue
        return path
    return None


def _free_name(path: Path) -> Path:
    """``path``, or ``name 2.toml``, ``name 3.toml`` … : an earlier session's copy is kept."""
    number = 1
    candidate = path
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.stem} {number}{path.suffix}")
    return candidate
