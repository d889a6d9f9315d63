"""The reading round in the database: copies sent, corrections proposed, what was decided.

A correction proposed twice (two reviewers, or the same copy brought in again) is one row
with every reviewer's name; an accepted correction of the minutes is saved as a revision of
its own that names the reviewer (``revisions.by``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from referent.store.approvals import Approvals
from referent.store.rows import moment, stamp
from referent.textclean import clean_text

OPEN, ACCEPTED, REJECTED = "open", "accepted", "rejected"


@dataclass(frozen=True)
class ReadingCopy:
    id: int
    meeting_id: int
    made_at: datetime
    sent: dict[str, Any]
    """``{"items": {"3": {"id": item id, "title": …, "minutes": …}}}``: what the copy said."""


@dataclass(frozen=True)
class StoredProposal:
    id: int
    meeting_id: int
    copy_id: int | None
    item_id: int
    part: str
    kind: str
    authors: tuple[str, ...]
    date: str
    start: int
    old: str
    new: str
    before: str
    after: str
    sent: str
    """The part's words as the copy was sent (to show the change against them)."""
    status: str
    decided_by: str
    decided_at: datetime | None


class ReadingRound(Approvals):
    """Reading copies and the corrections proposed in them."""

    def record_reading_copy(self, meeting_id: int) -> int:
        """A new reading copy of the meeting (its words are kept with ``keep_sent``)."""
        self._must_be_writable()
        with self.transaction():
            return self.db.insert(
                "reading_copies",
                {"meeting_id": meeting_id, "made_at": stamp(self.clock()), "sent": "{}"},
            )

    def keep_sent(self, copy_id: int, sent: dict[str, Any]) -> None:
        with self.transaction():
            self.db.update("reading_copies", copy_id, {"sent": json.dumps(sent, ensure_ascii=False)})

    def reading_copy(self, copy_id: int) -> ReadingCopy | None:
        row = self.db.one("SELECT * FROM reading_copies WHERE id = ?", [copy_id])
        if row is None:
            return None
        return ReadingCopy(
            row["id"], row["meeting_id"], moment(row["made_at"]), json.loads(row["sent"] or "{}")
        )

    def propose(
        self, meeting_id: int, copy_id: int | None, item_id: int, values: dict[str, Any]
    ) -> tuple[int, bool]:
        """Keep a proposed correction; the same one already kept gets the reviewer's name added.
        Returns its id and whether it is new."""
        same = self.db.one(
            "SELECT id, authors FROM reading_proposals WHERE meeting_id = ? AND item_id = ? AND part = ? "
            "AND old = ? AND new = ? AND before = ? AND after = ?",
            [
                meeting_id,
                item_id,
                values["part"],
                values["old"],
                values["new"],
                values["before"],
                values["after"],
            ],
        )
        author = clean_text(values.pop("author", "")).strip()
        with self.transaction():
            if same is not None:
                authors = json.loads(same["authors"])
                if author not in authors:
                    self.db.update(
                        "reading_proposals", same["id"], {"authors": json.dumps([*authors, author])}
                    )
                return int(same["id"]), False
            row = {
                **values,
                "meeting_id": meeting_id,
                "copy_id": copy_id,
                "item_id": item_id,
                "authors": json.dumps([author], ensure_ascii=False),
                "status": OPEN,
            }
            return self.db.insert("reading_proposals", row), True

    def proposals(self, meeting_id: int) -> list[StoredProposal]:
        """Every correction proposed for the meeting: the attendance lines' (kept on the first
        item) first, then item by item, in the order of its words."""
        rows = self.db.query(
            "SELECT p.* FROM reading_proposals p JOIN items i ON i.id = p.item_id WHERE p.meeting_id = ? "
            "ORDER BY p.part = 'attendance' DESC, i.position, p.part DESC, p.start, p.id",
            [meeting_id],
        )
        return [
            StoredProposal(
                id=r["id"],
                meeting_id=r["meeting_id"],
                copy_id=r["copy_id"],
                item_id=r["item_id"],
                part=r["part"],
                kind=r["kind"],
                authors=tuple(json.loads(r["authors"])),
                date=r["date"] or "",
                start=r["start"] or 0,
                old=r["old"] or "",
                new=r["new"] or "",
                before=r["before"] or "",
                after=r["after"] or "",
                sent=r["sent"] or "",
                status=r["status"],
                decided_by=r["decided_by"] or "",
                decided_at=moment(r["decided_at"]) if r["decided_at"] else None,
            )
            for r in rows
        ]

    def decide(self, proposal_id: int, status: str, by: str = "") -> None:
        """Record that a proposal was accepted or rejected (or opened again)."""
        with self.transaction():
            self.db.update(
                "reading_proposals",
                proposal_id,
                {
                    "status": status,
                    "decided_by": by or None,
                    "decided_at": stamp(self.clock()) if by else None,
                },
            )

    def save_reviewed_minutes(self, item_id: int, text: str, by: str) -> None:
        """An item's minutes as a reviewer's accepted correction has them: a revision of their
        own, naming the reviewer in the history."""
        text = clean_text(text)
        row = self._row("items", item_id)
        with self._writing(row["meeting_id"]) as when:
            self.db.execute(
                "UPDATE items SET minutes = ?, updated_at = ? WHERE id = ?", [text, when, item_id]
            )
            self._close_open_revision(item_id)
            self.db.insert(
                "revisions",
                {
                    "item_id": item_id,
                    "started_at": when,
                    "saved_at": when,
                    "text": text,
                    "packed": None,
                    "by": by,
                },
            )
            self._close_open_revision(item_id)  # the next keystroke starts a revision of its own
            self._record_correction(row["meeting_id"], item_id)
