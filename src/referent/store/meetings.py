"""Whole meetings and their parts in the database: import, load, and the changes made live.

Items and participants are rows with stable ids, so the live screen can change one of
them without rewriting the meeting; references between them (arrived at item N) use item
ids and survive reordering.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referent.fields import Kind, fields_of, flat_fields
from referent.i18n import t
from referent.model import ActionItem, Comment, Item, Meeting, Part, Participant, Remark
from referent.store import bodies
from referent.store.base import StoreBase, UnknownMeeting
from referent.store.rows import from_row, row_fields, stamp, to_column, to_row

if TYPE_CHECKING:
    from referent.agendamerge import AgendaUpdate

MEETING_STATE = {"current_item", "cursor"}
"""Where the reader is, stored with the meeting but not a change to it."""
MEETING_ROWS = {
    name: kind
    for name, kind in row_fields(Meeting).items()
    if name not in ("participants", "guests", "items")
}
"""The meeting's plain row lists (approvals, vacant seats): a table each, rows in the order stored."""


def _columns(cls: type[Any]) -> dict[str, tuple[str, Any]]:
    """Field name -> (column, field) for the fields of ``cls`` that are columns."""
    return {spec.name: (spec.column, spec) for spec, _ in flat_fields(cls) if spec.kind is not Kind.ROWS}


class MeetingRecords(StoreBase):
    """Import, load and change meetings; ``Store`` adds history, approval and listing."""

    def import_meeting(
        self,
        meeting: Meeting,
        source_path: str | None = None,
        source_digest: str | None = None,
        copy_of: int | None = None,
        source_meeting: int | None = None,
        reading_corrections: str | None = None,
    ) -> int:
        """Store a new meeting and return its id, which never changes; ``copy_of`` marks it as an
        independent copy of that meeting (the file's draft stays the other one).
        ``source_meeting``: which meeting of a file that holds several it is (1-based);
        ``reading_corrections``: how the secretary corrected the file's reading (JSON)."""
        self._must_be_writable()
        moment = stamp(self.clock())
        with self.db.transaction():
            meeting_id = self.db.insert(
                "meetings",
                {
                    **to_row(meeting),
                    "source_path": str(Path(source_path).resolve()) if source_path else None,
                    "source_sha256": source_digest,
                    "imported_at": moment,
                    "updated_at": moment,
                    "current_item": None,
                    "copy_of": copy_of,
                    "source_meeting": source_meeting,
                    "reading_corrections": reading_corrections,
                },
            )
            item_ids = [
                self._insert_item(meeting_id, position, item, moment)
                for position, item in enumerate(meeting.items)
            ]
            for guest, people in ((False, meeting.participants), (True, meeting.guests)):
                for position, person in enumerate(people):
                    self._insert_participant(meeting_id, position, person, guest, item_ids)
            for table in MEETING_ROWS:
                for row in getattr(meeting, table):
                    values = to_row(row)
                    if table == "approvals":  # an approval is given here, never by a file
                        values["imported"] = 1
                    self.db.insert(table, {"meeting_id": meeting_id, **values})
            bodies.join(self.db.connection, meeting_id)
        self._forget_approval(meeting_id)
        return meeting_id

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove a meeting and everything it holds (a draft imported by mistake): from the
        search index too. Approved minutes are refused: they are the council's record."""
        body_id = self._meeting_row_by_id(meeting_id)["body_id"]
        with self._writing(meeting_id, changes_minutes=False):
            for item_id in self.item_ids(meeting_id):
                self._delete_item(item_id)
            for table in ("participants", "approvals", "vacant_seats", "meeting_corrections"):
                self.db.execute(f"DELETE FROM [{table}] WHERE meeting_id = ?", [meeting_id])
            self.db.execute("UPDATE meetings SET copy_of = NULL WHERE copy_of = ?", [meeting_id])
            self.db.execute("UPDATE actions SET state_meeting = NULL WHERE state_meeting = ?", [meeting_id])
            self.db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
            if body_id is not None:
                bodies.follow_newest(self.db.connection, int(body_id))
        self._forget_approval(meeting_id)

    def load_meeting(self, meeting_id: int) -> Meeting:
        """The meeting as it stands now, as a plain ``Meeting``."""
        row = self._meeting_row_by_id(meeting_id)
        item_rows = self.db.query("SELECT * FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id])
        number_of = {r["id"]: n for n, r in enumerate(item_rows, start=1)}
        children = self._item_children(meeting_id)
        people: dict[bool, list[Participant]] = {False: [], True: []}
        for person in self.db.query(
            "SELECT * FROM participants WHERE meeting_id = ? ORDER BY position", [meeting_id]
        ):
            people[bool(person["guest"])].append(from_row(Participant, person, item_number=number_of.get))
        items = [from_row(Item, r, rows=children.get(r["id"], {})) for r in item_rows]
        rows = {"participants": people[False], "guests": people[True], "items": items}
        for table, kind in MEETING_ROWS.items():
            rows[table] = [
                from_row(kind, r)
                for r in self.db.query(
                    f"SELECT * FROM [{table}] WHERE meeting_id = ? ORDER BY id", [meeting_id]
                )
            ]
        meeting: Meeting = from_row(Meeting, row, rows=rows)
        return meeting

    def _item_children(self, meeting_id: int) -> dict[int, dict[str, list[Any]]]:
        """Actions, remarks, comments and corrections of every item: item id -> table -> rows."""
        children: dict[int, dict[str, list[Any]]] = {}
        for table, kind in row_fields(Item).items():
            for row in self.db.query(
                f"SELECT c.* FROM {table} c JOIN items i ON c.item_id = i.id"
                " WHERE i.meeting_id = ? ORDER BY c.position",
                [meeting_id],
            ):
                children.setdefault(row["item_id"], {}).setdefault(table, []).append(from_row(kind, row))
        return children

    def source_path(self, meeting_id: int) -> str:
        """The meeting file the meeting was imported from ('' when it was not)."""
        row = self.db.one("SELECT source_path FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))
        return str(row["source_path"] or "")

    def resume_point(self, meeting_id: int) -> tuple[int | None, str]:
        """The item that was current when the meeting was last open, and the cursor in it."""
        row = self.db.one("SELECT current_item, cursor FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))
        return row["current_item"], row["cursor"] or ""

    def item_ids(self, meeting_id: int) -> list[int]:
        """Ids of the meeting's items, in agenda order (index 0 is item 1)."""
        return [
            r["id"]
            for r in self.db.query(
                "SELECT id FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id]
            )
        ]

    def time_spent(self, meeting_id: int) -> dict[int, timedelta]:
        """Item id -> how long the meeting has worked on the item, as last stored (items never
        worked on are left out)."""
        return {
            r["id"]: timedelta(seconds=r["time_spent"])
            for r in self.db.query(
                "SELECT id, time_spent FROM items WHERE meeting_id = ? AND time_spent IS NOT NULL",
                [meeting_id],
            )
        }

    def keep_time_spent(self, item_id: int, spent: timedelta) -> None:
        """Store how long the meeting has worked on an item: bookkeeping, like where the reader
        is, so no change to the minutes (not "saved", not a correction, allowed when approved)."""
        meeting_id = self._row("items", item_id)["meeting_id"]
        with self._writing(meeting_id, while_approved=True, changes_minutes=False):
            self.db.update("items", item_id, {"time_spent": spent.total_seconds()})

    def participant_ids(self, meeting_id: int, guests: bool = False) -> list[int]:
        """Ids of the meeting's participants (or guests), in listed order."""
        return [
            r["id"]
            for r in self.db.query(
                "SELECT id FROM participants WHERE meeting_id = ? AND guest = ? ORDER BY position",
                [meeting_id, int(guests)],
            )
        ]

    # --- live changes -----------------------------------------------------------------

    def update_meeting(self, meeting_id: int, **changes: Any) -> None:
        """Change header fields by their ``Meeting`` names (``title``, ``actual_start``, …) or
        where the reader is (``current_item``, ``cursor``)."""
        columns = _columns(Meeting)
        row: dict[str, Any] = {}
        for name, value in changes.items():
            if name in MEETING_STATE:
                row[name] = value
            elif name in columns:
                column, spec = columns[name]
                row[column] = to_column(spec, value)
            else:
                raise TypeError(f"cannot change {name}")
        where_only = set(changes) <= MEETING_STATE  # reading approved minutes moves too
        with self._writing(
            meeting_id,
            while_approved=where_only,
            changes_minutes=not where_only,
            meeting_change=not where_only,
        ):
            if self.db.update("meetings", meeting_id, row) == 0:
                raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))

    def update_item(self, item_id: int, **changes: Any) -> None:
        """Change an item's fields by their ``Item`` names (``status``, ``recommendation``, …)."""
        row = self._row("items", item_id)
        columns = _columns(Item)
        values: dict[str, Any] = {}
        for name, value in changes.items():
            spec = next((s for s in fields_of(Item) if s.name == name), None)
            if spec is None or spec.kind is Kind.ROWS:
                raise TypeError(f"cannot change {name}")
            if name == "minutes":
                raise TypeError("cannot change minutes here: save_minutes keeps their history")
            if spec.kind is Kind.NESTED:
                values.update(to_row(value))
            else:
                column, field = columns[name]
                values[column] = to_column(field, value)
        with self._writing(row["meeting_id"]) as moment:
            self.db.update("items", item_id, {**values, "updated_at": moment})
            if any(row.get(column) != value for column, value in values.items()):
                self._record_correction(row["meeting_id"], item_id)  # outcomes, status, … after reopening

    def update_participant(self, participant_id: int, **changes: Any) -> None:
        """Change attendance and the like; ``arrived_at`` / ``left_after`` take item ids."""
        row = self._row("participants", participant_id)
        columns = _columns(Participant)
        values: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in columns:
                raise TypeError(f"cannot change {name}")
            column, spec = columns[name]
            values[column] = value if spec.item_number else to_column(spec, value)
        with self._writing(row["meeting_id"], meeting_change=True):
            self.db.update("participants", participant_id, values)

    def add_participant(self, meeting_id: int, person: Participant, guest: bool = False) -> int:
        """Add a participant (or guest) at the end of the list; returns its id."""
        with self._writing(meeting_id, meeting_change=True):
            position = self._next_position("participants", "meeting_id", meeting_id)
            return self._insert_participant(meeting_id, position, person, guest, self.item_ids(meeting_id))

    def add_item(self, meeting_id: int, item: Item, before: int | None = None) -> int:
        """Insert an item before the item with id ``before`` (or at the end); returns its id."""
        ids = self.item_ids(meeting_id)
        index = ids.index(before) if before is not None else len(ids)
        with self._writing(meeting_id, meeting_change=True) as moment:
            new_id = self._insert_item(meeting_id, len(ids), item, moment, from_file=False)
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
        with self._writing(row["meeting_id"], meeting_change=True):
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

    def replace_row(self, table: str, item_id: int, index: int, row: Any) -> None:
        """Put ``row`` in place of the item's ``index``-th row of ``table`` (an action item
        edited, a comment marked done); a comment may change on approved minutes."""
        meeting_id = self._row("items", item_id)["meeting_id"]
        with self._writing(meeting_id, while_approved=table == "comments"):
            self.db.update(table, self._child_id(table, item_id, index), to_row(row))
            if table != "comments":
                self._record_correction(meeting_id, item_id)

    def delete_row(self, table: str, item_id: int, index: int) -> None:
        """Remove the item's ``index``-th row of ``table`` (an action item entered by mistake)."""
        meeting_id = self._row("items", item_id)["meeting_id"]
        with self._writing(meeting_id):
            self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [self._child_id(table, item_id, index)])
            self._record_correction(meeting_id, item_id)

    def _child_id(self, table: str, item_id: int, index: int) -> int:
        found = self.db.value(
            f"SELECT id FROM [{table}] WHERE item_id = ? ORDER BY position LIMIT 1 OFFSET ?", [item_id, index]
        )
        if found is None:
            raise LookupError(f"item {item_id} has no {table[:-1]} number {index + 1}")
        return int(found)

    def _add_child(self, table: str, item_id: int, row: Any, while_approved: bool = False) -> int:
        meeting_id = self._row("items", item_id)["meeting_id"]
        with self._writing(meeting_id, while_approved=while_approved):
            if table != "comments":  # a comment is a note to the secretary, not a change
                self._record_correction(meeting_id, item_id)
            return self._insert_child(table, item_id, self._next_position(table, "item_id", item_id), row)

    # --- rows -------------------------------------------------------------------------

    def _renumber(self, meeting_id: int, ordered_ids: list[int]) -> None:
        self.db.connection.executemany(
            "UPDATE items SET position = ? WHERE id = ? AND meeting_id = ?",
            [(position, item_id, meeting_id) for position, item_id in enumerate(ordered_ids)],
        )

    def _insert_item(
        self, meeting_id: int, position: int, item: Item, moment: str, from_file: bool = True
    ) -> int:
        row = {"meeting_id": meeting_id, "position": position, **to_row(item), "updated_at": moment}
        item_id = self.db.insert("items", {**row, "from_file": int(from_file)})
        for table in row_fields(Item):
            for index, child in enumerate(getattr(item, table)):
                self._insert_child(table, item_id, index, child)
        if item.minutes:
            self.db.insert(
                "revisions",
                {
                    "item_id": item_id,
                    "started_at": moment,
                    "saved_at": moment,
                    "text": to_row(item)["minutes"],
                    "packed": None,
                },
            )
        return item_id

    def _insert_participant(
        self, meeting_id: int, position: int, person: Participant, guest: bool, item_ids: list[int]
    ) -> int:
        def item_id(number: int | None) -> int | None:
            return item_ids[number - 1] if number and 0 < number <= len(item_ids) else None

        row = {"meeting_id": meeting_id, "position": position, "guest": int(guest), **to_row(person, item_id)}
        return self.db.insert("participants", row)

    # --- the agenda file changed -------------------------------------------------------

    def remember_source(self, meeting_id: int, source_digest: str) -> None:
        """The file was read again and brings nothing new: remember it as read (not a change)."""
        with self._writing(meeting_id, while_approved=True, changes_minutes=False):
            self.db.update("meetings", meeting_id, {"source_sha256": source_digest})

    def items_from_file(self, meeting_id: int) -> list[bool]:
        """Per item, in agenda order: whether it came from the agenda file (not added live)."""
        return [bool(r["from_file"]) for r in self.db.query(
            "SELECT from_file FROM items WHERE meeting_id = ? ORDER BY position", [meeting_id])]  # fmt: skip

    def reading_corrections(self, meeting_id: int) -> str:
        """How the secretary corrected the reading of the meeting's Word agenda (JSON; '' for none)."""
        row = self.db.one("SELECT reading_corrections FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))
        return str(row["reading_corrections"] or "")

    def source_digest(self, meeting_id: int) -> str:
        """The SHA-256 of the meeting's file as it was last read into the draft ('' if none)."""
        row = self.db.one("SELECT source_sha256 FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))
        return str(row["source_sha256"] or "")

    def source_meeting(self, meeting_id: int) -> int | None:
        """Which meeting of its file the meeting is, when the file holds several (1-based)."""
        row = self.db.one("SELECT source_meeting FROM meetings WHERE id = ?", [meeting_id])
        if row is None:
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))
        return int(row["source_meeting"]) if row["source_meeting"] else None

    def keep_reading_corrections(self, meeting_id: int, corrections: str, source_digest: str) -> None:
        """Keep the secretary's corrections of the reading when they change nothing in the draft,
        with the file as read (``source_digest``); refused for approved minutes, as every
        change of their agenda is."""
        with self._writing(meeting_id, changes_minutes=False):
            self.db.update(
                "meetings",
                meeting_id,
                {"reading_corrections": corrections or None, "source_sha256": source_digest},
            )

    def update_agenda(
        self, meeting_id: int, update: AgendaUpdate, source_digest: str, corrections: str | None = None
    ) -> None:
        """Bring an edited agenda file into the draft as ``update`` plans it (``agendamerge``):
        the agenda's words change, what the meeting recorded stays; refused for approved minutes.
        ``corrections`` (JSON), when given, are kept with it in the same transaction: the draft
        follows the secretary's corrections of the reading."""
        item_ids = self.item_ids(meeting_id)
        people_ids = {"participants": self.participant_ids(meeting_id),
                      "guests": self.participant_ids(meeting_id, guests=True)}  # fmt: skip
        meeting = update.meeting
        header = {
            spec.column: to_column(spec, getattr(meeting, spec.name))
            for spec in fields_of(Meeting)
            if spec.part is Part.AGENDA and spec.kind is not Kind.ROWS
        }
        with self._writing(meeting_id, meeting_change=True) as moment:
            kept = {} if corrections is None else {"reading_corrections": corrections or None}
            self.db.update("meetings", meeting_id, {**header, **kept, "source_sha256": source_digest})
            kept_ids: list[int] = []
            for position, (item, origin) in enumerate(zip(meeting.items, update.item_origin, strict=True)):
                if origin is None:
                    kept_ids.append(self._insert_item(meeting_id, position, item, moment))
                    continue
                item_id = item_ids[origin]
                self.db.update("items", item_id, {**_agenda_columns(item), "position": position})
                kept_ids.append(item_id)
            for item_id in set(item_ids) - set(kept_ids):
                self._delete_item(item_id)
            for group, origins in update.people_origin.items():
                self._update_people(meeting_id, getattr(meeting, group), origins, people_ids[group],
                                    group == "guests", kept_ids)  # fmt: skip
            self.db.execute("DELETE FROM vacant_seats WHERE meeting_id = ?", [meeting_id])
            for seat in meeting.vacant_seats:
                self.db.insert("vacant_seats", {"meeting_id": meeting_id, **to_row(seat)})
            body_id = self.db.value("SELECT body_id FROM meetings WHERE id = ?", [meeting_id])
            if body_id is not None:
                bodies.follow_newest(self.db.connection, int(body_id))  # its people may have changed

    def _update_people(
        self,
        meeting_id: int,
        people: list[Participant],
        origins: list[int | None],
        ids: list[int],
        guest: bool,
        item_ids: list[int],
    ) -> None:
        kept = []
        offset = 0 if not guest else len(self.participant_ids(meeting_id))
        for index, (person, origin) in enumerate(zip(people, origins, strict=True)):
            position = offset + index + (10_000 if guest else 0)
            if origin is None:
                kept.append(self._insert_participant(meeting_id, position, person, guest, item_ids))
                continue
            columns = {spec.column: to_column(spec, getattr(person, spec.name))
                       for spec in fields_of(Participant) if spec.part is Part.AGENDA}  # fmt: skip
            self.db.update("participants", ids[origin], {**columns, "position": position})
            kept.append(ids[origin])
        for person_id in set(ids) - set(kept):
            self.db.execute("DELETE FROM participants WHERE id = ?", [person_id])

    def _delete_item(self, item_id: int) -> None:
        """An item the agenda file dropped and the meeting never used: gone with all it holds."""
        for table in (*row_fields(Item), "revisions"):
            self.db.execute(f"DELETE FROM [{table}] WHERE item_id = ?", [item_id])
        for column in ("arrived_at_item", "left_after_item"):
            self.db.execute(f"UPDATE participants SET [{column}] = NULL WHERE [{column}] = ?", [item_id])
        self.db.execute("UPDATE meetings SET current_item = NULL WHERE current_item = ?", [item_id])
        self.db.execute("DELETE FROM items WHERE id = ?", [item_id])


def _agenda_columns(item: Item) -> dict[str, Any]:
    """An item's columns that the agenda file gives (and its outcomes, which follow the points)."""
    row = to_row(item)
    names = {spec.column for spec, _ in flat_fields(Item) if spec.part is Part.AGENDA}
    names |= {"rec_outcomes", "not_in_agenda"}
    return {column: value for column, value in row.items() if column in names}
