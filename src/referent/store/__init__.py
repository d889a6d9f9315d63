"""Drafts in SQLite: every change is written as it happens, and minutes keep their history.

One database file holds every meeting. It is opened in WAL mode with ``synchronous=FULL``
so that a killed process or a power cut loses nothing that was saved, and it is created
readable by its owner only: minutes are confidential until they are approved.

The store is one class put together from a module per responsibility: ``meetings``
(import, load, live changes), ``revisions`` (the minutes' history), ``approvals`` (review
and approval), ``listing`` (summaries); ``base`` holds the one transaction helper every
change passes through, ``rows`` the model-to-row mapping, ``schema`` the migrations.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from referent.store import schema
from referent.store.approvals import Approvals
from referent.store.base import ApprovedMinutes, Clock, UnknownMeeting, now
from referent.store.database import MEMORY, Database, DatabaseError, create_private_file
from referent.store.listing import Listing, MeetingStatus, MeetingSummary
from referent.store.meetings import MeetingRecords
from referent.store.revisions import REVISION_WINDOW, Revision

__all__ = [
    "REVISION_WINDOW",
    "ApprovedMinutes",
    "DatabaseError",
    "MeetingStatus",
    "MeetingSummary",
    "Revision",
    "Store",
    "UnknownMeeting",
    "digest",
]


def digest(source: str | bytes) -> str:
    """What a meeting file's content is remembered by, to notice when the file changes."""
    return hashlib.sha256(source.encode() if isinstance(source, str) else source).hexdigest()


class Store(MeetingRecords, Approvals, Listing):
    """The meetings database. Use ``Store.open(path)``; every method commits before returning."""

    @classmethod
    def open(cls, path: str | os.PathLike[str], clock: Clock = now) -> Store:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
        path = Path(path)
        if str(path) != MEMORY:
            # SQLite gives the -wal and -shm files the permissions of the database file.
            create_private_file(path)
        db = Database.connect(path)
        if str(path) != MEMORY:
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")  # per connection: survive a power cut
        db.execute("PRAGMA foreign_keys=ON")
        if schema.pending(db.connection):
            schema.apply(db.connection)
        return cls(db, clock)
