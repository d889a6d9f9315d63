"""Drafts in SQLite: every change is written as it happens, and minutes keep their history.

One database file holds every meeting. It is opened in WAL mode with
``synchronous=FULL`` so that a killed process or a power cut loses nothing that was
saved, and it is created readable by its owner only: minutes are confidential until
they are approved. Items and participants are rows with stable ids, so the live screen
can change one of them without rewriting the meeting; references between them
(arrived at item N) use item ids and survive reordering.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from referent import schema
from referent.model import (
    ITEM_ROWS,
    ActionItem,
    Approval,
    Attendance,
    Comment,
    Correction,
    Item,
    ItemStatus,
    Meeting,
    Numbering,
    Outcome,
    Participant,
    Recommendation,
    Remark,
    VacantSeat,
)
from referent.textclean import clean_text

REVISION_WINDOW = timedelta(seconds=60)
"""Saves within this span of a revision's first save update that revision in place."""

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now().astimezone()


class UnknownMeeting(LookupError):
    """No meeting with that id in the database."""


class ApprovedMinutes(PermissionError):
    """A change to minutes that the chair has approved; they must be reopened first."""


@dataclass(frozen=True)
class MeetingSummary:
    """One line of ``referent list``."""

    id: int
    date: date
    title: str
    status: str
    updated_at: datetime | None
    source_path: str


@dataclass(frozen=True)
class Revision:
    """A saved wording of an item's minutes, covering saves from ``started_at`` to ``saved_at``."""

    id: int
    started_at: datetime
    saved_at: datetime
    text: str


def digest(source_text: str) -> str:
    """What a meeting file's text is remembered by, to notice when the file changes."""
    return hashlib.sha256(source_text.encode()).hexdigest()


def _clock_text(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _clock_value(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _stamp(moment: datetime) -> str:
    """Stamps are stored in UTC so that they sort as text across a change of UTC offset
    (the night summer time ends, a laptop in another time zone)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def create_private_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable by the owner only, if it does not exist."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


class Store:
    """The meetings database. Use ``Store.open(path)``; every method commits before returning."""

    def __init__(self, db: Database, clock: Clock = _now) -> None:
        self.db = db
        self.clock = clock

    @classmethod
    def open(cls, path: str | os.PathLike[str], clock: Clock = _now) -> Store:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
        path = Path(path)
        if str(path) != ":memory:":
            # SQLite gives the -wal and -shm files the permissions of the database file.
            create_private_file(path)
        connection = sqlite3.connect(str(path), timeout=5.0)
        db = Database(connection)
        if str(path) != ":memory:":
            db.enable_wal()
        db.execute("PRAGMA synchronous=FULL")  # per connection: survive a power cut
        db.execute("PRAGMA foreign_keys=ON")
        schema.apply(db)
        return cls(db, clock)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _writing(
        self, meeting_id: int, while_approved: bool = False, changes_minutes: bool = True
    ) -> Iterator[str]:
        """One transaction that also stamps the meeting as changed; yields the time stamp.

        Every change passes here, so this is where approved minutes are protected: from the
        UI, the CLI or anything else, a change to them is refused until they are reopened.
        Only a change to the minutes moves "last saved" (not where the reader's cursor is).
        """
        if not while_approved and self._approval_in_force(meeting_id):
            raise ApprovedMinutes(
                f"meeting {meeting_id} is approved and cannot be changed; reopen it for correction"
                f" first: 'referent review {meeting_id}', then o (reopen) with the reason"
            )
        stamp = _stamp(self.clock())
        with self.db.atomic():
            yield stamp
            if changes_minutes:
                self.db.execute("UPDATE meetings SET updated_at = ? WHERE id = ?", [stamp, meeting_id])

    def _approval_in_force(self, meeting_id: int) -> dict[str, Any] | None:
        last = self._last_approval(meeting_id)
        return last if last and not last["reopened_at"] else None

    def _last_approval(self, meeting_id: int) -> dict[str, Any] | None:
        return next(
            iter(
                self.db.query(
                    "SELECT * FROM approvals WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", [meeting_id]
                )
            ),
            None,
        )

    def _moment(self) -> datetime:
        """Now, as the minutes state it: local time to the second."""
        return self.clock().astimezone().replace(tzinfo=None, microsecond=0)

    # --- whole meetings ---------------------------------------------------------------

    def import_meeting(
        self, meeting: Meeting, source_path: str | None = None, source_text: str | None = None
    ) -> int:
        """Store a new meeting and return its id, which never changes."""
        stamp = _stamp(self.clock())
        with self.db.atomic():
            meeting_id = int(
                self.db["meetings"]
                .insert(
                    {
                        **self._meeting_row(meeting),
                        "source_path": str(Path(source_path).resolve()) if source_path else None,
                        "source_sha256": digest(source_text) if source_text is not None else None,
                        "imported_at": stamp,
                        "updated_at": stamp,
                    }
                )
                .last_pk
            )
            item_ids = [
                self._insert_item(meeting_id, position, item, stamp)
                for position, item in enumerate(meeting.items)
            ]
            for guest, people in ((False, meeting.participants), (True, meeting.guests)):
                for position, person in enumerate(people):
                    self._insert_participant(meeting_id, position, person, guest, item_ids)
            for approval in meeting.approvals:
                self._insert_approval(meeting_id, approval)
        return meeting_id

    def load_meeting(self, meeting_id: int) -> Meeting:
        """The meeting as it stands now, as a plain ``Meeting``."""
        row = self._meeting_row_by_id(meeting_id)
        items_rows = list(
            self.db.query("SELECT * FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id])
        )
        number_of = {r["id"]: n for n, r in enumerate(items_rows, start=1)}
        children = self._item_children(meeting_id)
        participants: list[Participant] = []
        guests: list[Participant] = []
        for person in self.db.query(
            "SELECT * FROM participants WHERE meeting_id = ? ORDER BY position", [meeting_id]
        ):
            (guests if person["guest"] else participants).append(
                self._participant_from_row(person, number_of)
            )
        return Meeting(
            title=row["title"],
            date=date.fromisoformat(row["date"]),
            body=row["body"] or "",
            start=_clock_value(row["start"]),
            end=_clock_value(row["end"]),
            location=row["location"] or "",
            chair=row["chair"] or "",
            secretary=row["secretary"] or "",
            next_meeting=row["next_meeting"] or "",
            actual_start=_clock_value(row["actual_start"]),
            actual_end=_clock_value(row["actual_end"]),
            style=row["style"] or "",
            vacant_seats=[VacantSeat(text, group) for text, group in json.loads(row["vacant_seats"] or "[]")],
            participants=participants,
            guests=guests,
            items=[self._item_from_row(r, children.get(r["id"], {})) for r in items_rows],
            approvals=[
                Approval(
                    by=a["by_name"],
                    at=datetime.fromisoformat(a["at"]),
                    with_problems=bool(a["with_problems"]),
                    reopened_at=datetime.fromisoformat(a["reopened_at"]) if a["reopened_at"] else None,
                    reopen_reason=a["reopen_reason"] or "",
                )
                for a in self.db.query(
                    "SELECT * FROM approvals WHERE meeting_id = ? ORDER BY id", [meeting_id]
                )
            ],
        )

    def _item_children(self, meeting_id: int) -> dict[int, dict[str, list[Any]]]:
        """Actions, remarks, comments and corrections of every item: item id -> table -> rows."""
        children: dict[int, dict[str, list[Any]]] = {}
        for table, (kind, fields) in CHILD_TABLES.items():
            for row in self.db.query(
                f"SELECT c.* FROM {table} c JOIN items i ON c.item_id = i.id"
                " WHERE i.meeting_id = ? ORDER BY c.position",
                [meeting_id],
            ):
                values = {f: _from_column(f, row[f]) for f in fields}
                children.setdefault(row["item_id"], {}).setdefault(table, []).append(kind(**values))
        return children

    def _insert_child(self, table: str, item_id: int, position: int, row: Any) -> int:
        _, fields = CHILD_TABLES[table]
        values = {f: _to_column(getattr(row, f)) for f in fields}
        return int(self.db[table].insert({"item_id": item_id, "position": position, **values}).last_pk)

    def list_meetings(self, meeting_id: int | None = None) -> list[MeetingSummary]:
        """Every meeting (or just ``meeting_id``), most recently changed first."""
        where = "" if meeting_id is None else "WHERE m.id = ?"
        rows = self.db.query(
            """SELECT m.*,
                 EXISTS(SELECT 1 FROM items i
                        WHERE i.meeting_id = m.id AND (i.minutes != '' OR i.status != 'pending'))
                 OR EXISTS(SELECT 1 FROM participants p
                           WHERE p.meeting_id = m.id AND p.attendance != 'unknown')
                 OR m.actual_start IS NOT NULL AS recorded,
                 (SELECT COUNT(*) FROM approvals a WHERE a.meeting_id = m.id) AS approvals,
                 (SELECT a.reopened_at IS NULL FROM approvals a WHERE a.meeting_id = m.id
                  ORDER BY a.id DESC LIMIT 1) AS approved
               FROM meetings m """
            + where
            + " ORDER BY m.updated_at DESC, m.id DESC",
            [] if meeting_id is None else [meeting_id],
        )
        return [
            MeetingSummary(
                id=row["id"],
                date=date.fromisoformat(row["date"]),
                title=row["title"],
                status=_status(row),
                updated_at=datetime.fromisoformat(row["updated_at"]) if row["updated_at"] else None,
                source_path=row["source_path"] or "",
            )
            for row in rows
        ]

    def find_by_source(self, path: str | os.PathLike[str]) -> tuple[int, str | None] | None:
        """The newest meeting imported from ``path``, with the SHA-256 of the text imported."""
        for row in self.db.query(
            "SELECT id, source_sha256 FROM meetings WHERE source_path = ? ORDER BY id DESC LIMIT 1",
            [str(Path(path).resolve())],
        ):
            return row["id"], row["source_sha256"]
        return None

    def resume_point(self, meeting_id: int) -> tuple[int | None, str]:
        """The item that was current when the meeting was last open, and the cursor in it."""
        row = self._meeting_row_by_id(meeting_id)
        return row["current_item"], row["cursor"] or ""

    def item_ids(self, meeting_id: int) -> list[int]:
        """Ids of the meeting's items, in agenda order (index 0 is item 1)."""
        return [
            r["id"]
            for r in self.db.query(
                "SELECT id FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        ]

    def participant_ids(self, meeting_id: int, guests: bool = False) -> list[int]:
        """Ids of the meeting's participants (or guests), in listed order."""
        return [
            r["id"]
            for r in self.db.query(
                "SELECT id FROM participants WHERE meeting_id = ? AND guest = ? ORDER BY position",
                [meeting_id, int(guests)],
            )
        ]

    # --- minutes text and its history -------------------------------------------------

    def save_minutes(self, item_id: int, text: str) -> None:
        """Store an item's minutes text; rapid saves coalesce into one revision per window."""
        text = clean_text(text)
        row = self.db.execute("SELECT meeting_id, minutes FROM items WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise LookupError(f"no item with id {item_id}")
        row = {"meeting_id": row[0], "minutes": row[1]}
        if (row["minutes"] or "") == text:
            return
        with self._writing(row["meeting_id"]) as stamp:
            self.db.execute(
                "UPDATE items SET minutes = ?, updated_at = ? WHERE id = ?", [text, stamp, item_id]
            )
            self._record_revision(item_id, text, stamp)
            self._record_correction(row["meeting_id"], item_id)

    def _record_correction(self, meeting_id: int, item_id: int) -> None:
        """After a reopening, the first change to an item (its minutes, outcomes, status,
        remarks, follow-ups) is a dated correction of that item."""
        last = self._last_approval(meeting_id)
        if not last or not last["reopened_at"]:
            return
        already = self.db.execute(
            "SELECT 1 FROM corrections WHERE item_id = ? AND at >= ?", [item_id, last["reopened_at"]]
        ).fetchone()
        if already is None:
            position = self._next_position("corrections", "item_id", item_id)
            correction = Correction(self._moment(), last["reopen_reason"] or "")
            self._insert_child("corrections", item_id, position, correction)

    def _record_revision(self, item_id: int, text: str, stamp: str) -> None:
        latest = next(
            iter(
                self.db.query(
                    "SELECT id, started_at, text FROM revisions WHERE item_id = ? ORDER BY id DESC LIMIT 1",
                    [item_id],
                )
            ),
            None,
        )
        if latest and latest["text"] is not None:
            if datetime.fromisoformat(stamp) - datetime.fromisoformat(latest["started_at"]) < REVISION_WINDOW:
                self.db.execute(
                    "UPDATE revisions SET text = ?, saved_at = ? WHERE id = ?", [text, stamp, latest["id"]]
                )
                return
            self._close_open_revision(item_id)
        self.db["revisions"].insert(
            {"item_id": item_id, "started_at": stamp, "saved_at": stamp, "text": text, "packed": None}
        )

    def _close_open_revision(self, item_id: int) -> None:
        """Pack the item's open revision once, rather than on every keystroke's save."""
        for row in self.db.query(
            "SELECT id, text FROM revisions WHERE item_id = ? AND text IS NOT NULL", [item_id]
        ):
            packed = zlib.compress(row["text"].encode(), 6)
            self.db.execute("UPDATE revisions SET text = NULL, packed = ? WHERE id = ?", [packed, row["id"]])

    def _close_revisions_of_meeting(self, meeting_id: int) -> None:
        for item_id in self.item_ids(meeting_id):
            self._close_open_revision(item_id)

    def revisions(self, item_id: int) -> list[Revision]:
        """An item's saved wordings, oldest first; the last one is the current text."""
        return [
            Revision(
                id=r["id"],
                started_at=datetime.fromisoformat(r["started_at"]),
                saved_at=datetime.fromisoformat(r["saved_at"]),
                text=r["text"] if r["text"] is not None else zlib.decompress(r["packed"]).decode(),
            )
            for r in self.db.query("SELECT * FROM revisions WHERE item_id = ? ORDER BY id", [item_id])
        ]

    # --- review and approval ----------------------------------------------------------

    def source_path(self, meeting_id: int) -> str:
        """The meeting file the meeting was imported from ('' when it was not)."""
        row = self.db.execute("SELECT source_path FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        if row is None:
            raise UnknownMeeting(f"no meeting with id {meeting_id} in the database")
        return row[0] or ""

    def summary(self, meeting_id: int) -> MeetingSummary:
        """One meeting's line of ``referent list``."""
        found = self.list_meetings(meeting_id)
        if not found:
            raise UnknownMeeting(f"no meeting with id {meeting_id} in the database")
        return found[0]

    def state(self, meeting_id: int) -> str:
        """``agenda``, ``draft``, ``in review``, ``approved``, ``reopened`` or ``corrected``."""
        return self.summary(meeting_id).status

    def start_review(self, meeting_id: int) -> dict[int, str]:
        """Remember every item's minutes as they are when the chair's review begins (once)."""
        snapshot = self.review_snapshot(meeting_id)
        if snapshot is not None:
            return snapshot
        snapshot = {
            r["id"]: r["minutes"] or ""
            for r in self.db.query("SELECT id, minutes FROM items WHERE meeting_id = ?", [meeting_id])
        }
        with self._writing(meeting_id, while_approved=True) as stamp:
            self._close_revisions_of_meeting(meeting_id)  # the chair's edits start new revisions
            self.db["meetings"].update(
                meeting_id,
                {"review_started_at": stamp, "review_snapshot": json.dumps(snapshot, ensure_ascii=False)},
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
        approval = Approval(by=clean_text(by).strip(), at=self._moment(), with_problems=with_problems)
        if not approval.by:
            raise ValueError("say who approves the minutes")
        with self._writing(meeting_id):  # refused when already approved
            self._insert_approval(meeting_id, approval)
            self._close_revisions_of_meeting(meeting_id)  # the approved wording stays in the history
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
            reopened = self._moment().isoformat(timespec="seconds")
            self.db["approvals"].update(last["id"], {"reopened_at": reopened, "reopen_reason": reason})
            self._close_revisions_of_meeting(meeting_id)

    def _insert_approval(self, meeting_id: int, approval: Approval) -> None:
        reopened = approval.reopened_at.isoformat(timespec="seconds") if approval.reopened_at else None
        self.db["approvals"].insert(
            {
                "meeting_id": meeting_id,
                "by_name": approval.by,
                "at": approval.at.isoformat(timespec="seconds"),
                "with_problems": int(approval.with_problems),
                "reopened_at": reopened,
                "reopen_reason": approval.reopen_reason,
            }
        )

    def restore_revision(self, item_id: int, revision_id: int) -> None:
        """Make an earlier wording current again; the restore is itself a new revision."""
        old = next((r for r in self.revisions(item_id) if r.id == revision_id), None)
        if old is None:
            raise LookupError(f"no revision {revision_id} of item {item_id}")
        row = self._row("items", item_id)
        if (row["minutes"] or "") == old.text:
            return
        with self._writing(row["meeting_id"]) as stamp:
            self.db.execute(
                "UPDATE items SET minutes = ?, updated_at = ? WHERE id = ?", [old.text, stamp, item_id]
            )
            self._close_open_revision(item_id)
            self.db["revisions"].insert(
                {"item_id": item_id, "started_at": stamp, "saved_at": stamp, "text": old.text, "packed": None}
            )
            self._record_correction(row["meeting_id"], item_id)

    # --- live changes -----------------------------------------------------------------

    def update_meeting(self, meeting_id: int, **changes: Any) -> None:
        """Change header fields: ``title``, ``location``, ``actual_start`` (a ``time``), …"""
        allowed = {"title", "body", "date", "start", "end", "location", "chair", "secretary",
                   "next_meeting", "actual_start", "actual_end", "current_item", "cursor"}  # fmt: skip
        row = {key: self._column_value(value) for key, value in _checked(changes, allowed).items()}
        where_only = set(changes) <= {"current_item", "cursor"}  # reading approved minutes moves too
        # Plain SQL on the named columns: this runs on every item switch and cursor move, and
        # the meetings row carries the review snapshot, which there is no need to read back.
        assignments = ", ".join(f"[{column}] = ?" for column in row)
        with self._writing(meeting_id, while_approved=where_only, changes_minutes=not where_only):
            cursor = self.db.execute(
                f"UPDATE meetings SET {assignments} WHERE id = ?", [*row.values(), meeting_id]
            )
            if cursor.rowcount == 0:
                raise UnknownMeeting(f"no meeting with id {meeting_id} in the database")

    def update_item(self, item_id: int, **changes: Any) -> None:
        """Change an item's fields by their ``Item`` names (``status``, ``recommendation``, …)."""
        row = self._row("items", item_id)
        allowed = {"title", "start", "end", "presenter", "closed", "case", "recommendation",
                   "attachments", "status", "actual_start", "conflicts"}  # fmt: skip
        values: dict[str, Any] = {}
        for key, value in _checked(changes, allowed).items():
            if key == "recommendation":
                values.update(_recommendation_row(value))
            elif key == "case":
                values["case_text"] = clean_text(value)
            else:
                values[key] = self._column_value(value)
        with self._writing(row["meeting_id"]) as stamp:
            self.db["items"].update(item_id, {**values, "updated_at": stamp})
            if any(row.get(column) != value for column, value in values.items()):
                self._record_correction(row["meeting_id"], item_id)  # outcomes, status, … after reopening

    def update_participant(self, participant_id: int, **changes: Any) -> None:
        """Change attendance and the like; ``arrived_at`` / ``left_after`` take item ids."""
        row = self._row("participants", participant_id)
        allowed = {"name", "role", "marker", "group", "attendance", "substitute", "arrived_at", "left_after"}
        renamed = {"group": "group_heading", "arrived_at": "arrived_at_item", "left_after": "left_after_item"}
        values = {renamed.get(k, k): self._column_value(v) for k, v in _checked(changes, allowed).items()}
        with self._writing(row["meeting_id"]):
            self.db["participants"].update(participant_id, values)

    def add_participant(self, meeting_id: int, person: Participant, guest: bool = False) -> int:
        """Add a participant (or guest) at the end of the list; returns its id."""
        with self._writing(meeting_id):
            position = self._next_position("participants", "meeting_id", meeting_id)
            return self._insert_participant(meeting_id, position, person, guest, self.item_ids(meeting_id))

    def add_item(self, meeting_id: int, item: Item, before: int | None = None) -> int:
        """Insert an item before the item with id ``before`` (or at the end); returns its id."""
        ids = self.item_ids(meeting_id)
        index = ids.index(before) if before is not None else len(ids)
        with self._writing(meeting_id) as stamp:
            new_id = self._insert_item(meeting_id, len(ids), item, stamp)
            self._renumber(meeting_id, [*ids[:index], new_id, *ids[index:]])
        return new_id

    def move_item(self, item_id: int, offset: int) -> None:
        """Move an item ``offset`` places up (negative) or down; numbering follows."""
        row = self._row("items", item_id)
        ids = self.item_ids(row["meeting_id"])
        index = ids.index(item_id)
        target = max(0, min(len(ids) - 1, index + offset))
        if target == index:
            return
        ids.insert(target, ids.pop(index))
        with self._writing(row["meeting_id"]):
            self._renumber(row["meeting_id"], ids)

    def add_action(self, item_id: int, action: ActionItem) -> int:
        """Add a follow-up to an item; returns its id."""
        return self._add_child("actions", item_id, action)

    def add_remark(self, item_id: int, remark: Remark) -> int:
        """Add a protocol remark (a participant's dissent or remark) to an item."""
        return self._add_child("remarks", item_id, remark)

    def add_comment(self, item_id: int, comment: Comment) -> int:
        """Add the chair's comment for the secretary; allowed on approved minutes (never exported)."""
        return self._add_child("comments", item_id, comment, while_approved=True)

    def _add_child(self, table: str, item_id: int, row: Any, while_approved: bool = False) -> int:
        meeting_id = self._row("items", item_id)["meeting_id"]
        with self._writing(meeting_id, while_approved=while_approved):
            if table != "comments":  # a comment is a note to the secretary, not a change
                self._record_correction(meeting_id, item_id)
            return self._insert_child(table, item_id, self._next_position(table, "item_id", item_id), row)

    # --- rows <-> model ---------------------------------------------------------------

    def _row(self, table: str, row_id: int) -> dict[str, Any]:
        try:
            return dict(self.db[table].get(row_id))  # type: ignore[union-attr]
        except Exception as error:  # sqlite_utils.db.NotFoundError
            raise LookupError(f"no {table[:-1]} with id {row_id}") from error

    def _meeting_row_by_id(self, meeting_id: int) -> dict[str, Any]:
        try:
            return self._row("meetings", meeting_id)
        except LookupError:
            raise UnknownMeeting(f"no meeting with id {meeting_id} in the database") from None

    def _next_position(self, table: str, parent: str, parent_id: int) -> int:
        row = next(
            iter(
                self.db.query(
                    f"SELECT COALESCE(MAX(position) + 1, 0) AS p FROM {table} WHERE {parent} = ?", [parent_id]
                )
            )
        )
        return int(row["p"])

    def _renumber(self, meeting_id: int, ordered_ids: list[int]) -> None:
        for position, item_id in enumerate(ordered_ids):
            self.db.execute(
                "UPDATE items SET position = ? WHERE id = ? AND meeting_id = ?",
                [position, item_id, meeting_id],
            )

    @staticmethod
    def _column_value(value: Any) -> Any:
        if isinstance(value, time):
            return _clock_text(value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list):
            return json.dumps([clean_text(v) for v in value], ensure_ascii=False)
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, bool):
            return int(value)
        return value

    @staticmethod
    def _meeting_row(meeting: Meeting) -> dict[str, Any]:
        return {
            "title": meeting.title, "body": meeting.body, "date": meeting.date.isoformat(),
            "start": _clock_text(meeting.start), "end": _clock_text(meeting.end),
            "location": meeting.location, "chair": meeting.chair, "secretary": meeting.secretary,
            "next_meeting": meeting.next_meeting, "actual_start": _clock_text(meeting.actual_start),
            "actual_end": _clock_text(meeting.actual_end), "current_item": None,
            "style": clean_text(meeting.style),
            "vacant_seats": json.dumps(
                [[clean_text(s.text), clean_text(s.group)] for s in meeting.vacant_seats], ensure_ascii=False
            ),
        }  # fmt: skip

    def _insert_item(self, meeting_id: int, position: int, item: Item, stamp: str) -> int:
        item_id = int(
            self.db["items"]
            .insert(
                {
                    "meeting_id": meeting_id,
                    "position": position,
                    "title": clean_text(item.title),
                    "start": _clock_text(item.start),
                    "end": _clock_text(item.end),
                    "presenter": clean_text(item.presenter),
                    "closed": int(item.closed),
                    "case_text": clean_text(item.case),
                    **_recommendation_row(item.recommendation),
                    "attachments": json.dumps(item.attachments, ensure_ascii=False),
                    "status": item.status.value,
                    "actual_start": _clock_text(item.actual_start),
                    "minutes": clean_text(item.minutes),
                    "conflicts": json.dumps(item.conflicts, ensure_ascii=False),
                    "updated_at": stamp,
                }
            )
            .last_pk
        )
        for table in CHILD_TABLES:
            for position_, child in enumerate(getattr(item, table)):
                self._insert_child(table, item_id, position_, child)
        if item.minutes:
            self.db["revisions"].insert(
                {
                    "item_id": item_id,
                    "started_at": stamp,
                    "saved_at": stamp,
                    "text": clean_text(item.minutes),
                    "packed": None,
                }
            )
        return item_id

    @staticmethod
    def _item_from_row(row: dict[str, Any], children: dict[str, list[Any]]) -> Item:
        return Item(
            title=row["title"],
            start=_clock_value(row["start"]),
            end=_clock_value(row["end"]),
            presenter=row["presenter"] or "",
            case=row["case_text"] or "",
            recommendation=Recommendation(
                points=json.loads(row["rec_points"]),
                intro=row["rec_intro"] or "",
                numbering=Numbering(row["rec_numbering"]) if row["rec_numbering"] else None,
                short=row["rec_short"] or "",
                outcomes=[Outcome(o) if o else None for o in json.loads(row["rec_outcomes"])],
            ),
            attachments=json.loads(row["attachments"]),
            closed=bool(row["closed"]),
            minutes=row["minutes"] or "",
            status=ItemStatus(row["status"]),
            actual_start=_clock_value(row["actual_start"]),
            conflicts=json.loads(row["conflicts"]),
            actions=children.get("actions", []),
            remarks=children.get("remarks", []),
            comments=children.get("comments", []),
            corrections=children.get("corrections", []),
        )

    def _insert_participant(
        self, meeting_id: int, position: int, person: Participant, guest: bool, item_ids: list[int]
    ) -> int:
        def item_id(number: int | None) -> int | None:
            return item_ids[number - 1] if number and 0 < number <= len(item_ids) else None

        return int(
            self.db["participants"]
            .insert(
                {
                    "meeting_id": meeting_id,
                    "position": position,
                    "guest": int(guest),
                    "name": clean_text(person.name),
                    "role": clean_text(person.role),
                    "marker": clean_text(person.marker),
                    "group_heading": clean_text(person.group),
                    "attendance": person.attendance.value,
                    "substitute": clean_text(person.substitute),
                    "substitute_phrase": clean_text(person.substitute_phrase),
                    "arrived_at_item": item_id(person.arrived_at),
                    "left_after_item": item_id(person.left_after),
                }
            )
            .last_pk
        )

    @staticmethod
    def _participant_from_row(row: dict[str, Any], number_of: dict[int, int]) -> Participant:
        return Participant(
            name=row["name"],
            role=row["role"] or "",
            marker=row["marker"] or "",
            group=row["group_heading"] or "",
            attendance=Attendance(row["attendance"]),
            substitute=row["substitute"] or "",
            arrived_at=number_of.get(row["arrived_at_item"]),
            left_after=number_of.get(row["left_after_item"]),
            substitute_phrase=row["substitute_phrase"] or "",
        )


def _status(row: dict[str, Any]) -> str:
    """Where a meeting's minutes stand, from its ``list_meetings`` row."""
    if row["approvals"]:
        if not row["approved"]:
            return "reopened"
        return "corrected" if row["approvals"] > 1 else "approved"
    if row["review_started_at"]:
        return "in review"
    return "draft" if row["recorded"] else "agenda"


CHILD_TABLES: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    table: (kind, tuple(field.name for field in dataclasses.fields(kind)))
    for table, kind in ITEM_ROWS.items()
}
"""Rows that belong to one item, in order: table -> (model class, its fields = the columns)."""


def _to_column(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return clean_text(value) if isinstance(value, str) else value


def _from_column(field: str, value: Any) -> Any:
    if field == "at":
        return datetime.fromisoformat(value) if value else None
    return value or ""


def _recommendation_row(rec: Recommendation) -> dict[str, Any]:
    return {
        "rec_intro": clean_text(rec.intro),
        "rec_points": json.dumps([clean_text(p) for p in rec.points], ensure_ascii=False),
        "rec_numbering": Numbering(rec.numbering).value if rec.numbering else None,
        "rec_short": clean_text(rec.short),
        "rec_outcomes": json.dumps([o.value if o else "" for o in rec.outcomes]),
    }


def _checked(changes: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"cannot change {', '.join(sorted(unknown))}")
    return changes
