"""What every part of the store shares: the connection, the clock and the one way to write.

``StoreBase._writing`` is the transaction every change passes through, so it is where
approved minutes are protected and where a change after reopening becomes a correction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from referent.i18n import t
from referent.model import Approval, Correction
from referent.store.database import Database
from referent.store.rows import stamp, to_row

Clock = Callable[[], datetime]


def now() -> datetime:
    """The wall clock, in local time with its offset: every clock in referent unless a test's."""
    return datetime.now().astimezone()


class UnknownMeeting(LookupError):
    """No meeting with that id in the database."""


class ApprovedMinutes(PermissionError):
    """A change to minutes that the chair has approved; they must be reopened first."""


class ReadOnlyDatabase(PermissionError):
    """The database file or its folder cannot be written (a read-only disk, another user's file)."""


class StoreBase:
    """The connection, the clock and the transaction helper; see ``Store``."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self.db = db
        self.clock = clock
        self._approvals: dict[int, dict[str, Any] | None] = {}
        """The last approval of each meeting, read once: every write asks for it."""
        self.last_saved: dict[int, datetime] = {}
        """When a change to each meeting was last committed through this store (this session):
        the minutes, attendance, an outcome, an action item, a remark, the order of items …"""
        self._changing: dict[int, datetime] = {}
        """Meetings changed in the transaction still open: ``last_saved`` once it commits."""

    def close(self) -> None:
        self._before_closing()
        self.db.close()

    def _before_closing(self) -> None:
        """What is done last with the file open (``Searching`` indexes what changed)."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several changes committed together (one fsync): what the store's methods do inside
        joins this transaction. ``last_saved`` moves when the outermost one commits."""
        outermost = not self.db.in_transaction
        try:
            with self.db.transaction():
                yield
        except BaseException:
            if outermost:
                self._changing.clear()  # rolled back: nothing was saved
            raise
        if outermost:
            self.last_saved.update(self._changing)
            self._changing.clear()

    @contextmanager
    def _writing(
        self,
        meeting_id: int,
        while_approved: bool = False,
        changes_minutes: bool = True,
        meeting_change: bool = False,
    ) -> Iterator[str]:
        """One transaction that also stamps the meeting as changed; yields the time stamp.

        Every change passes here, so this is where approved minutes are protected: from the
        UI, the CLI or anything else, a change to them is refused until they are reopened.
        Only a change to the minutes moves "last saved" (not where the reader's cursor is),
        both the stored one and this session's ``last_saved``.
        A ``meeting_change`` (the header, attendance, the order of items) after a reopening
        is a dated correction of the meeting, as an item's own changes are of the item.
        """
        self._must_be_writable()
        if not while_approved and self._approval_in_force(meeting_id):
            raise ApprovedMinutes(
                t("meeting {id} is approved and cannot be changed; reopen it for correction first: "
                  "'referent review {id}', then o (reopen) with the reason", id=meeting_id)
            )  # fmt: skip
        now = self.clock()
        moment = stamp(now)
        with self.transaction():
            yield moment
            if meeting_change:
                self._record_meeting_correction(meeting_id)
            if changes_minutes:
                self.db.execute("UPDATE meetings SET updated_at = ? WHERE id = ?", [moment, meeting_id])
                self._changing[meeting_id] = now

    def _must_be_writable(self) -> None:
        if self.db.read_only:
            raise ReadOnlyDatabase(
                t("{path}: the database can only be read here (the file or its folder is read-only); "
                  "nothing can be saved", path=self.db.path)
            )  # fmt: skip

    def _last_approval(self, meeting_id: int) -> dict[str, Any] | None:
        if meeting_id not in self._approvals:
            self._approvals[meeting_id] = self.db.one(
                "SELECT * FROM approvals WHERE meeting_id = ? AND imported = 0 ORDER BY id DESC LIMIT 1",
                [meeting_id],
            )
        return self._approvals[meeting_id]

    def _approval_in_force(self, meeting_id: int) -> dict[str, Any] | None:
        last = self._last_approval(meeting_id)
        return last if last and not last["reopened_at"] else None

    def _forget_approval(self, meeting_id: int) -> None:
        self._approvals.pop(meeting_id, None)

    def _record_correction(self, meeting_id: int, item_id: int) -> None:
        """After a reopening, the first change to an item (its minutes, outcomes, status,
        remarks, follow-ups) is a dated correction of that item."""
        last = self._last_approval(meeting_id)
        if not last or not last["reopened_at"]:
            return
        already = self.db.value(
            "SELECT 1 FROM corrections WHERE item_id = ? AND at >= ?", [item_id, last["reopened_at"]]
        )
        if already is None:
            correction = Correction(self.clock(), last["reopen_reason"] or "")
            self._insert_child(
                "corrections", item_id, self._next_position("corrections", "item_id", item_id), correction
            )

    def _record_meeting_correction(self, meeting_id: int) -> None:
        """After a reopening, the first change that is no item's is a correction of the meeting."""
        last = self._last_approval(meeting_id)
        if not last or not last["reopened_at"]:
            return
        already = self.db.value(
            "SELECT 1 FROM meeting_corrections WHERE meeting_id = ? AND at >= ?",
            [meeting_id, last["reopened_at"]],
        )
        if already is None:
            correction = Correction(self.clock().replace(microsecond=0), last["reopen_reason"] or "")
            self.db.insert("meeting_corrections", {"meeting_id": meeting_id, **to_row(correction)})

    def _insert_approval(self, meeting_id: int, approval: Approval) -> None:
        self.db.insert("approvals", {"meeting_id": meeting_id, **to_row(approval)})

    def _insert_child(self, table: str, item_id: int, position: int, row: Any) -> int:
        return self.db.insert(table, {"item_id": item_id, "position": position, **to_row(row)})

    def _row(self, table: str, row_id: int) -> dict[str, Any]:
        row = self.db.one(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        if row is None:
            raise LookupError(f"no {table[:-1]} with id {row_id}")
        return row

    def _meeting_row_by_id(self, meeting_id: int) -> dict[str, Any]:
        try:
            return self._row("meetings", meeting_id)
        except LookupError:
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id)) from None

    def _next_position(self, table: str, parent: str, parent_id: int) -> int:
        return int(
            self.db.value(
                f"SELECT COALESCE(MAX(position) + 1, 0) FROM [{table}] WHERE [{parent}] = ?", [parent_id]
            )
        )
