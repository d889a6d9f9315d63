"""The bodies (udvalg, forum) whose meetings the database holds, and which meeting is whose.

A meeting joins the body its agenda names (``body``, else its title) when it is stored; the
secretary corrects that with ``referent body ID NAME``. What a body's next agenda starts from,
its standing participants, house style and usual place, is always its newest meeting's, so it
never goes stale.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from referent.i18n import t
from referent.model import Participant, folded
from referent.store.base import StoreBase, UnknownMeeting
from referent.textclean import clean_text


class UnknownBody(LookupError):
    """No body of that name (or several match it)."""


@dataclass(frozen=True)
class Body:
    """A body and what its newest meeting says of it."""

    id: int
    name: str
    style: str = ""
    location: str = ""
    participants: list[Participant] = field(default_factory=list)
    """The standing participants, as the newest meeting lists them (attendance left out)."""


def join(connection: sqlite3.Connection, meeting_id: int, name: str | None = None) -> int:
    """Put the meeting in the body called ``name`` (default: the one its agenda names), made if
    new; returns the body's id. The bodies it leaves and joins follow their newest meetings."""
    row = connection.execute(
        "SELECT body, title, body_id FROM meetings WHERE id = ?", [meeting_id]
    ).fetchone()
    chosen = " ".join(clean_text(name or row[0] or row[1] or "").split())
    key = folded(chosen)
    found = connection.execute("SELECT id FROM bodies WHERE key = ?", [key]).fetchone()
    if found is None:
        body_id = int(
            connection.execute(
                "INSERT INTO bodies (name, key, style, location, participants) VALUES (?, ?, '', '', '[]')",
                [chosen, key],
            ).lastrowid
            or 0
        )
    else:
        body_id = int(found[0])
    connection.execute("UPDATE meetings SET body_id = ? WHERE id = ?", [body_id, meeting_id])
    follow_newest(connection, body_id)
    if row[2] is not None and row[2] != body_id:
        follow_newest(connection, int(row[2]))
    return body_id


def follow_newest(connection: sqlite3.Connection, body_id: int) -> None:
    """The body's standing participants, style and place from its newest meeting (a copy of a
    meeting does not count); a body left without meetings is removed."""
    newest = connection.execute(
        "SELECT id, style, location FROM meetings WHERE body_id = ?"
        " ORDER BY copy_of IS NOT NULL, date DESC, id DESC LIMIT 1",
        [body_id],
    ).fetchone()
    if newest is None:
        connection.execute("DELETE FROM bodies WHERE id = ?", [body_id])
        return
    people = [
        {"name": name, "role": role or "", "marker": marker or "", "group": group or ""}
        for name, role, marker, group in connection.execute(
            "SELECT name, role, marker, group_heading FROM participants"
            " WHERE meeting_id = ? AND guest = 0 ORDER BY position",
            [newest[0]],
        )
    ]
    connection.execute(
        "UPDATE bodies SET style = ?, location = ?, participants = ? WHERE id = ?",
        [newest[1] or "", newest[2] or "", json.dumps(people, ensure_ascii=False), body_id],
    )


def join_all(connection: sqlite3.Connection) -> None:
    """Every meeting without a body joins the one its agenda names (a database from before bodies)."""
    for (meeting_id,) in connection.execute(
        "SELECT id FROM meetings WHERE body_id IS NULL ORDER BY id"
    ).fetchall():
        join(connection, int(meeting_id))


def _body(row: dict[str, object]) -> Body:
    people = [Participant(**person) for person in json.loads(str(row["participants"] or "[]"))]
    return Body(
        int(str(row["id"])), str(row["name"]), str(row["style"] or ""), str(row["location"] or ""), people
    )


class Bodies(StoreBase):
    """Bodies, and moving a meeting to another."""

    def bodies(self) -> list[Body]:
        """Every body, the one that met last first."""
        rows = self.db.query(
            "SELECT b.* FROM bodies b ORDER BY"
            " (SELECT MAX(m.date) FROM meetings m WHERE m.body_id = b.id) DESC, b.name"
        )
        return [_body(row) for row in rows]

    def body_of(self, meeting_id: int) -> Body:
        """The body the meeting belongs to."""
        row = self.db.one(
            "SELECT b.* FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ?", [meeting_id]
        )
        if row is None:
            self._meeting_row_by_id(meeting_id)  # raises UnknownMeeting for a wrong id
            raise UnknownMeeting(t("no meeting with id {id} in the database", id=meeting_id))
        return _body(row)

    def find_body(self, name: str) -> Body:
        """The body called ``name`` (case and spacing aside), else the one whose name holds it."""
        key = folded(name)
        rows = self.db.query("SELECT * FROM bodies WHERE key = ?", [key]) or [
            row for row in self.db.query("SELECT * FROM bodies ORDER BY name") if key in str(row["key"])
        ]
        if len(rows) == 1:
            return _body(rows[0])
        names = ", ".join(str(row["name"]) for row in self.db.query("SELECT name FROM bodies ORDER BY name"))
        if not rows:
            raise UnknownBody(t("no body called '{name}'; the bodies are: {names}", name=name, names=names))
        several = ", ".join(str(row["name"]) for row in rows)
        raise UnknownBody(t("'{name}' matches several bodies: {names}", name=name, names=several))

    def set_body(self, meeting_id: int, name: str) -> Body:
        """Move the meeting to the body called ``name`` (made if new): where it is filed, not a
        change to its minutes, so approved minutes may be moved too."""
        self._meeting_row_by_id(meeting_id)
        if not " ".join(clean_text(name).split()):
            raise ValueError(t("give the body's name"))
        with self._writing(meeting_id, while_approved=True, changes_minutes=False):
            body_id = join(self.db.connection, meeting_id, name)
        return _body(self.db.one("SELECT * FROM bodies WHERE id = ?", [body_id]) or {})

    def body_meetings(self, body_id: int) -> list[int]:
        """The ids of the body's meetings, oldest first (copies left out)."""
        rows = self.db.query(
            "SELECT id FROM meetings WHERE body_id = ? AND copy_of IS NULL ORDER BY date, id", [body_id]
        )
        return [int(row["id"]) for row in rows]
