"""The minutes text and its history: every saved wording of an item can be read back.

Saves within ``REVISION_WINDOW`` of a revision's first save update that revision in place,
so three hours of typing leave a few hundred revisions, not a hundred thousand; a closed
revision is packed with zlib once.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from referent.store.base import StoreBase
from referent.store.rows import moment
from referent.textclean import clean_text

REVISION_WINDOW = timedelta(seconds=60)
"""Saves within this span of a revision's first save update that revision in place."""


@dataclass(frozen=True)
class Revision:
    """A saved wording of an item's minutes, covering saves from ``started_at`` to ``saved_at``."""

    id: int
    started_at: datetime
    saved_at: datetime
    text: str


class Revisions(StoreBase):
    """Saving minutes and reading their history."""

    def save_minutes(self, item_id: int, text: str, cursor: str | None = None) -> None:
        """Store an item's minutes text (and, in the same transaction, that the reader is in
        this item at ``cursor``); rapid saves coalesce into one revision per window."""
        text = clean_text(text)
        row = self.db.one("SELECT meeting_id, minutes FROM items WHERE id = ?", [item_id])
        if row is None:
            raise LookupError(f"no item with id {item_id}")
        if (row["minutes"] or "") == text:
            return
        meeting_id = row["meeting_id"]
        with self._writing(meeting_id) as stamp:
            self.db.execute(
                "UPDATE items SET minutes = ?, updated_at = ? WHERE id = ?", [text, stamp, item_id]
            )
            self._record_revision(item_id, text, stamp)
            self._record_correction(meeting_id, item_id)
            if cursor is not None:
                self.db.execute(
                    "UPDATE meetings SET current_item = ?, cursor = ? WHERE id = ?",
                    [item_id, cursor, meeting_id],
                )

    def _record_revision(self, item_id: int, text: str, stamp: str) -> None:
        latest = self.db.one(
            "SELECT id, started_at, text FROM revisions WHERE item_id = ? ORDER BY id DESC LIMIT 1", [item_id]
        )
        if latest and latest["text"] is not None:
            if moment(stamp) - moment(latest["started_at"]) < REVISION_WINDOW:
                self.db.execute(
                    "UPDATE revisions SET text = ?, saved_at = ? WHERE id = ?", [text, stamp, latest["id"]]
                )
                return
            self._close_open_revision(item_id)
        self.db.insert(
            "revisions",
            {"item_id": item_id, "started_at": stamp, "saved_at": stamp, "text": text, "packed": None},
        )

    def _close_open_revision(self, item_id: int) -> None:
        """Pack the item's open revision once, rather than on every keystroke's save."""
        for row in self.db.query(
            "SELECT id, text FROM revisions WHERE item_id = ? AND text IS NOT NULL", [item_id]
        ):
            packed = zlib.compress(row["text"].encode(), 6)
            self.db.execute("UPDATE revisions SET text = NULL, packed = ? WHERE id = ?", [packed, row["id"]])

    def _close_revisions_of_meeting(self, meeting_id: int) -> None:
        for row in self.db.query("SELECT id FROM items WHERE meeting_id = ?", [meeting_id]):
            self._close_open_revision(row["id"])

    def revisions(self, item_id: int) -> list[Revision]:
        """An item's saved wordings, oldest first; the last one is the current text."""
        return [
            Revision(
                id=r["id"],
                started_at=moment(r["started_at"]),
                saved_at=moment(r["saved_at"]),
                text=r["text"] if r["text"] is not None else zlib.decompress(r["packed"]).decode(),
            )
            for r in self.db.query("SELECT * FROM revisions WHERE item_id = ? ORDER BY id", [item_id])
        ]

    def restore_revision(self, item_id: int, revision_id: int) -> bool:
        """Make an earlier wording current again, as a new revision; False when it already is."""
        old = next((r for r in self.revisions(item_id) if r.id == revision_id), None)
        if old is None:
            raise LookupError(f"no revision {revision_id} of item {item_id}")
        row = self._row("items", item_id)
        if (row["minutes"] or "") == old.text:
            return False
        with self._writing(row["meeting_id"]) as stamp:
            self.db.execute(
                "UPDATE items SET minutes = ?, updated_at = ? WHERE id = ?", [old.text, stamp, item_id]
            )
            self._close_open_revision(item_id)
            self.db.insert(
                "revisions",
                {
                    "item_id": item_id,
                    "started_at": stamp,
                    "saved_at": stamp,
                    "text": old.text,
                    "packed": None,
                },
            )
            self._record_correction(row["meeting_id"], item_id)
        return True
