"""The minutes text and its history: every wording worth going back to can be read back.

A save starts a new revision, keeping the wording it replaces, when that wording stood for
``SETTLED`` (the secretary paused), when the save changes more than a burst of typing could
(``KEYSTROKES``: a paste, a replaced selection, an undo), when the screen asked for it
(``keep_wording``: before a phrase is inserted), or when the revision has coalesced saves for
``REVISION_WINDOW``. Otherwise the save updates the open revision in place: keystrokes
coalesce, so three hours of typing leave hundreds of revisions, not a hundred thousand. A
closed revision is packed with zlib once.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from referent.store.base import StoreBase
from referent.store.rows import moment
from referent.textclean import clean_text

REVISION_WINDOW = timedelta(seconds=60)
"""The longest a revision coalesces saves: continuous typing still leaves one a minute."""
SETTLED = timedelta(seconds=5)
"""A wording that stood this long before the next save is kept (the next save starts a new
revision): a pause in the typing, the secretary listening."""
KEYSTROKES = 12
"""More characters than this inserted or removed by one save is no burst of typing (an autosave
comes every half second): a paste, a replaced selection or an undo, and the wording before it
is kept. A larger burst (a slow machine) errs on the safe side: one revision more."""


@dataclass(frozen=True)
class Revision:
    """A saved wording of an item's minutes, covering saves from ``started_at`` to ``saved_at``."""

    id: int
    started_at: datetime
    saved_at: datetime
    text: str
    by: str = ""
    """The reviewer whose correction this wording is (the reading round); empty: typed here."""


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

    def keep_wording(self, item_id: int) -> None:
        """Keep the item's wording as it is saved now, whatever the next save brings (the screen
        asks before it inserts a phrase, or as text is pasted): the next save starts a revision."""
        self._must_be_writable()
        open_revision = self.db.value(
            "SELECT 1 FROM revisions WHERE item_id = ? AND text IS NOT NULL LIMIT 1", [item_id]
        )
        if open_revision is not None:
            with self.db.transaction():  # the wording is as it was: nothing changed, nothing to stamp
                self._close_open_revision(item_id)

    def _record_revision(self, item_id: int, text: str, stamp: str) -> None:
        latest = self.db.one(
            "SELECT id, started_at, saved_at, text FROM revisions WHERE item_id = ? ORDER BY id DESC LIMIT 1",
            [item_id],
        )
        if latest and latest["text"] is not None:
            now = moment(stamp)
            if (
                now - moment(latest["saved_at"]) < SETTLED
                and now - moment(latest["started_at"]) < REVISION_WINDOW
                and edit_size(latest["text"], text) <= KEYSTROKES
            ):
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
                by=r.get("by") or "",
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


def edit_size(before: str, after: str) -> int:
    """How many characters the one edit that turns ``before`` into ``after`` inserts or removes,
    whichever is more (what the two share at the start and at the end is kept).

    The shared start and end are found by comparing ever smaller slices (C's memcmp, not a
    Python loop a character), each character about once: an autosave of a 170,000-character
    text spends some 50 µs here."""
    shortest = min(len(before), len(after))
    prefix = _shared(lambda low, high: before[low:high] == after[low:high], shortest)
    b, a = len(before), len(after)
    suffix = _shared(
        lambda low, high: before[b - high : b - low] == after[a - high : a - low], shortest - prefix
    )
    return max(b, a) - prefix - suffix


def _shared(same: Callable[[int, int], bool], most: int) -> int:
    """The largest n <= ``most`` such that the first n characters agree, ``same(low, high)``
    telling whether characters low to high do (those before low are known to)."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if same(low, middle):
            low = middle
        else:
            high = middle - 1
    return low
