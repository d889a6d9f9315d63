"""Follow-ups carried from meeting to meeting: which action items are still open, and marking them.

An action item agreed at one meeting stays open until a later meeting of the same body marks it
done or dropped in its *Opfølgning* item; one carried to the next meeting stays open, marked at
this meeting so that its minutes show it as carried. Marking is the later meeting's change (it
is refused once that meeting is approved), never a change to the minutes where the item was
agreed, which may long be approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from referent.i18n import t
from referent.model import ActionState
from referent.store.base import StoreBase


@dataclass(frozen=True)
class FollowUp:
    """An action item, where it was agreed and where it stands."""

    action_id: int
    what: str
    who: str
    due: str
    state: ActionState
    state_on: date | None
    marked_at: int | None
    """The meeting that last marked it (done, dropped or carried); None: never marked."""
    meeting_id: int
    meeting_date: date
    meeting_title: str
    body: str
    item_number: int
    item_title: str
    due_date: date | None = None
    """``due`` read as a date, when it is one (``1. maj 2023``; ``primo maj`` is none)."""
    closed: bool = False
    """Agreed under a closed item: never in anything public."""

    @property
    def carried(self) -> bool:
        """Talked about at a later meeting and left open for the next."""
        return self.state is ActionState.OPEN and self.marked_at is not None

    def state_at(self, meeting_id: int) -> str:
        """Where it stands as meeting ``meeting_id`` sees it: ``open``, ``done``, ``dropped``, or
        ``carried`` when this meeting carried it on (one carried by an earlier meeting is open)."""
        if self.state is ActionState.OPEN:
            return "carried" if self.marked_at == meeting_id else "open"
        return self.state.value

    def overdue(self, today: date) -> bool:
        return self.state is ActionState.OPEN and self.due_date is not None and self.due_date < today


def due_date(due: str, agreed: date) -> date | None:
    """The date ``due`` names; a day and month without a year is the first such day after
    the meeting that agreed it."""
    from referent.nextagenda import written_date

    return written_date(due, agreed)[0]


_SELECT = """SELECT a.id, a.what, a.who, a.due, a.state, a.state_on, a.state_meeting,
       m.id AS meeting_id, m.date, m.title AS meeting_title, COALESCE(b.name, '') AS body,
       i.position, i.title AS item_title, i.closed
     FROM actions a JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id
     LEFT JOIN bodies b ON b.id = m.body_id"""


def _follow_up(row: dict[str, Any]) -> FollowUp:
    agreed = date.fromisoformat(row["date"])
    return FollowUp(
        action_id=row["id"],
        what=row["what"],
        who=row["who"] or "",
        due=row["due"] or "",
        state=ActionState(row["state"]),
        state_on=date.fromisoformat(row["state_on"]) if row["state_on"] else None,
        marked_at=row["state_meeting"],
        meeting_id=row["meeting_id"],
        meeting_date=agreed,
        meeting_title=row["meeting_title"],
        body=row["body"],
        item_number=row["position"] + 1,
        item_title=row["item_title"],
        due_date=due_date(row["due"] or "", agreed),
        closed=bool(row["closed"]),
    )


class FollowUps(StoreBase):
    """Open follow-ups of a body, those a meeting deals with, and marking them."""

    def open_follow_ups(self, body_id: int | None = None) -> list[FollowUp]:
        """The open action items of the body's meetings (every body's: None), overdue first,
        then by due date, then oldest meeting first. Copies of a meeting are left out."""
        where = "WHERE a.state = 'open' AND m.copy_of IS NULL"
        rows = self.db.query(
            f"{_SELECT} {where}" + (" AND m.body_id = ?" if body_id is not None else ""),
            [body_id] if body_id is not None else [],
        )
        today = self.clock().date()
        found = [_follow_up(row) for row in rows]
        return sorted(
            found,
            key=lambda f: (
                not f.overdue(today),
                f.due_date or date.max,
                f.meeting_date,
                f.item_number,
                f.action_id,
            ),
        )

    def follow_ups_for(self, meeting_id: int) -> list[FollowUp]:
        """What the meeting's *Opfølgning* deals with: the action items of the body's earlier
        meetings still open, and those this meeting has marked already; oldest first."""
        row = self._meeting_row_by_id(meeting_id)
        if row["body_id"] is None:
            return []
        rows = self.db.query(
            f"""{_SELECT} WHERE m.body_id = ? AND m.copy_of IS NULL AND m.id != ?
                AND (m.date < ? OR (m.date = ? AND m.id < ?))
                AND (a.state = 'open' OR a.state_meeting = ?)
              ORDER BY m.date, m.id, i.position, a.position""",
            [row["body_id"], meeting_id, row["date"], row["date"], meeting_id, meeting_id],
        )
        return [_follow_up(r) for r in rows]

    def mark_follow_up(self, meeting_id: int, action_id: int, state: ActionState) -> None:
        """The meeting marks a follow-up done, dropped or (``OPEN``) carried to the next meeting,
        on the meeting's date. A change of this meeting's minutes: refused once they are approved."""
        meeting = self._meeting_row_by_id(meeting_id)
        if self.db.one("SELECT id FROM actions WHERE id = ?", [action_id]) is None:
            raise LookupError(t("no action item with id {id}", id=action_id))
        with self._writing(meeting_id):
            self.db.update(
                "actions",
                action_id,
                {"state": state.value, "state_on": meeting["date"], "state_meeting": meeting_id},
            )
