"""The chair's review and approval: the snapshot the review starts from, approving, reopening."""

from __future__ import annotations

import json

from referent.model import Approval
from referent.store.revisions import Revisions
from referent.store.rows import stamp
from referent.textclean import clean_text


class Approvals(Revisions):
    """Review snapshot, approval and reopening; the approval lock itself is in ``_writing``."""

    def start_review(self, meeting_id: int) -> dict[int, str]:
        """Remember every item's minutes as they are when the chair's review begins (once)."""
        snapshot = self.review_snapshot(meeting_id)
        if snapshot is not None:
            return snapshot
        snapshot = {
            r["id"]: r["minutes"] or ""
            for r in self.db.query("SELECT id, minutes FROM items WHERE meeting_id = ?", [meeting_id])
        }
        with self._writing(meeting_id, while_approved=True) as moment:
            self._close_revisions_of_meeting(meeting_id)  # the chair's edits start new revisions
            self.db.update(
                "meetings",
                meeting_id,
                {"review_started_at": moment, "review_snapshot": json.dumps(snapshot, ensure_ascii=False)},
            )
        return snapshot

    def review_snapshot(self, meeting_id: int) -> dict[int, str] | None:
        """Item id -> minutes as they were when the review began; None before any review."""
        row = self._meeting_row_by_id(meeting_id)
        if not row["review_snapshot"]:
            return None
        return {int(k): v for k, v in json.loads(row["review_snapshot"]).items()}

    def approve(self, meeting_id: int, by: str, with_problems: bool = False) -> Approval:
        """Record the chair's approval; from now on the minutes cannot be changed."""
        approval = Approval(
            by=clean_text(by).strip(), at=self.clock().replace(microsecond=0), with_problems=with_problems
        )
        if not approval.by:
            raise ValueError("say who approves the minutes")
        with self._writing(meeting_id):  # refused when already approved
            self._insert_approval(meeting_id, approval)
            self._close_revisions_of_meeting(meeting_id)  # the approved wording stays in the history
        self._forget_approval(meeting_id)
        return approval

    def reopen(self, meeting_id: int, reason: str) -> None:
        """Reopen approved minutes for correction; each item changed is then marked as corrected."""
        reason = clean_text(reason).strip()
        if not reason:
            raise ValueError("give the reason for reopening approved minutes")
        last = self._approval_in_force(meeting_id)
        if last is None:
            raise ValueError(f"meeting {meeting_id} is not approved, so there is nothing to reopen")
        with self._writing(meeting_id, while_approved=True):
            reopened = stamp(self.clock().replace(microsecond=0))
            self.db.update("approvals", last["id"], {"reopened_at": reopened, "reopen_reason": reason})
            self._close_revisions_of_meeting(meeting_id)
        self._forget_approval(meeting_id)
