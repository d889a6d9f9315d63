"""Drafts in SQLite: every change is written as it happens, and minutes keep their history.

One database file holds every meeting. It is opened in WAL mode with ``synchronous=FULL``
so that a killed process or a power cut loses nothing that was saved, and it is created
readable by its owner only: minutes are confidential until they are approved.

The store is one class put together from a module per responsibility: ``meetings``
(import, load, live changes), ``revisions`` (the minutes' history), ``approvals`` (review
and approval), ``readinground`` (reading copies and the corrections proposed in them),
``listing`` (summaries); ``base`` holds the one transaction helper every
change passes through, ``rows`` the model-to-row mapping, ``schema`` the migrations.
"""

from __future__ import annotations

import os
from pathlib import Path

from referent.store.base import ApprovedMinutes, Clock, ReadOnlyDatabase, UnknownMeeting, now
from referent.store.bodies import Bodies, Body, UnknownBody
from referent.store.database import DatabaseError, SaveFailed
from referent.store.followups import FollowUp, FollowUps
from referent.store.listing import Listing, MeetingStatus, MeetingSummary
from referent.store.meetings import MeetingRecords
from referent.store.opening import (
    DamagedDatabase,
    NewerDatabase,
    backups,
    connect,
    copy_database,
    make_backup,
)
from referent.store.readinground import ReadingRound
from referent.store.revisions import REVISION_WINDOW, SETTLED, Revision
from referent.store.searching import SearchHit, Searching

__all__ = [
    "REVISION_WINDOW",
    "SETTLED",
    "ApprovedMinutes",
    "Body",
    "DamagedDatabase",
    "DatabaseError",
    "FollowUp",
    "MeetingStatus",
    "MeetingSummary",
    "NewerDatabase",
    "ReadOnlyDatabase",
    "Revision",
    "SaveFailed",
    "SearchHit",
    "Store",
    "UnknownBody",
    "UnknownMeeting",
    "backups",
    "copy_database",
    "make_backup",
]


class Store(MeetingRecords, ReadingRound, Listing, Bodies, FollowUps, Searching):
    """The meetings database. Use ``Store.open(path)``; every method commits before returning."""

    @classmethod
    def open(cls, path: str | os.PathLike[str], clock: Clock = now) -> Store:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date;
        read-only where it cannot be written (``read_only``). Raises ``DamagedDatabase``,
        ``NewerDatabase`` or ``DatabaseError`` with a message that says what to do."""
        return cls(connect(Path(path)), clock)

    @property
    def file(self) -> Path | None:
        """The name the database is open by (every referent with it open uses the same one:
        ``lock.DatabaseClaim``); None in memory. Backups are made of this."""
        return self.db.path

    @property
    def warnings(self) -> list[str]:
        """What the user should be told about the file (a copy taken while it was open)."""
        return self.db.warnings

    @property
    def read_only(self) -> bool:
        """The file or its folder cannot be written: reading works, every change is refused."""
        return self.db.read_only
