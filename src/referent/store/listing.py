"""Which meetings the database holds and where each stands: ``referent list`` and the picker."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from referent.i18n import t
from referent.store.base import StoreBase, UnknownMeeting
from referent.store.rows import moment


class MeetingStatus(StrEnum):
    """Where a meeting's minutes stand; the UI words each in the user's language."""

    AGENDA = "agenda"  # nothing recorded yet
    DRAFT = "draft"
    IN_REVIEW = "in review"
    APPROVED = "approved"
    REOPENED = "reopened"  # approved, then reopened for correction
    CORRECTED = "corrected"  # approved again after a reopening

    @property
    def locked(self) -> bool:
        """Approved minutes: every change is refused until they are reopened."""
        return self in (MeetingStatus.APPROVED, MeetingStatus.CORRECTED)


@dataclass(frozen=True)
class MeetingSummary:
    """One line of ``referent list``."""

    id: int
    date: date
    title: str
    status: MeetingStatus
    updated_at: datetime | None
    source_path: str
    copy_of: int | None = None
    """The meeting this one is a copy of (``referent import --copy``), else None."""
    source_meeting: int | None = None
    """Which meeting of its file it is, when the file holds several (1-based), else None."""
    body: str = ""
    """The body (udvalg, forum) the meeting belongs to."""


def _status(row: dict[str, Any]) -> MeetingStatus:
    """Where a meeting's minutes stand, from its ``list_meetings`` row."""
    if row["approvals"]:
        if not row["approved"]:
            return MeetingStatus.REOPENED
        return MeetingStatus.CORRECTED if row["approvals"] > 1 else MeetingStatus.APPROVED
    if row["review_started_at"]:
        return MeetingStatus.IN_REVIEW
    return MeetingStatus.DRAFT if row["recorded"] else MeetingStatus.AGENDA


class Listing(StoreBase):
    """Summaries of meetings, and finding the meeting made from a file."""

    def list_meetings(self, meeting_id: int | None = None) -> list[MeetingSummary]:
        """Every meeting (or just ``meeting_id``) grouped by body, the body that met last first,
        and within a body the newest meeting first (of one day, the one changed last)."""
        where = "" if meeting_id is None else "WHERE m.id = ?"
        rows = self.db.query(
            """SELECT m.id, m.date, m.title, m.updated_at, m.source_path, m.review_started_at, m.copy_of,
                 m.source_meeting, COALESCE(b.name, '') AS body,
                 (SELECT MAX(o.date) FROM meetings o WHERE o.body_id IS m.body_id) AS body_last,
                 EXISTS(SELECT 1 FROM items i
                        WHERE i.meeting_id = m.id AND (i.minutes != '' OR i.status != 'pending'))
                 OR EXISTS(SELECT 1 FROM participants p
                           WHERE p.meeting_id = m.id AND p.attendance != 'unknown')
                 OR m.actual_start IS NOT NULL AS recorded,
                 (SELECT COUNT(*) FROM approvals a WHERE a.meeting_id = m.id AND a.imported = 0) AS approvals,
                 (SELECT a.reopened_at IS NULL FROM approvals a WHERE a.meeting_id = m.id AND a.imported = 0
                  ORDER BY a.id DESC LIMIT 1) AS approved
               FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id """
            + where
            + " ORDER BY body_last DESC, body, m.body_id, m.date DESC, m.updated_at DESC, m.id DESC",
            [] if meeting_id is None else [meeting_id],
        )
        return [
            MeetingSummary(
                id=row["id"],
                date=date.fromisoformat(row["date"]),
                title=row["title"],
                status=_status(row),
                updated_at=moment(row["updated_at"]) if row["updated_at"] else None,
                source_path=row["source_path"] or "",
                copy_of=row["copy_of"],
                source_meeting=row["source_meeting"],
                body=row["body"],
            )
            for row in rows
        ]

    def summary(self, meeting_id: int) -> MeetingSummary:
        """One meeting's line of ``referent list``."""
        found = self.list_meetings(meeting_id)
        if not found:
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))
        return found[0]

    def state(self, meeting_id: int) -> MeetingStatus:
        return self.summary(meeting_id).status

    def find_by_source(
        self, path: str | os.PathLike[str], meeting: int | None = None
    ) -> tuple[int, str | None] | None:
        """The draft made from the file at ``path`` (never a copy), with the SHA-256 of the file
        as it was last read into the draft. ``meeting``: the draft of that meeting of a file
        that holds several; meeting 1 is also the draft made while the file held only one."""
        row = self.db.one(
            "SELECT id, source_sha256 FROM meetings"
            " WHERE source_path = ? AND copy_of IS NULL"
            " AND (source_meeting IS ? OR (? = 1 AND source_meeting IS NULL))"
            " ORDER BY source_meeting IS NULL, id LIMIT 1",
            [str(Path(path).resolve()), meeting, meeting],
        )
        return (row["id"], row["source_sha256"]) if row else None

    def sources(self) -> dict[int, str]:
        """The file each meeting was imported from (those that have one): an export must not
        write over any of them."""
        rows = self.db.query("SELECT id, source_path FROM meetings WHERE source_path IS NOT NULL ORDER BY id")
        return {row["id"]: row["source_path"] for row in rows if row["source_path"]}
