"""The database schema, as sqlite-utils migrations: each change to it is a new function.

Never edit a migration that has shipped; add the next one to ``MIGRATIONS``. sqlite-utils
is imported only by ``apply``, when ``pending`` finds something to do: most starts of the
app find nothing and pay nothing for it.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "referent"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils' Migrations records what ran


def m001_initial(db: Database) -> None:
    db.table("meetings").create(
        {
            "id": int,
            "title": str,
            "body": str,
            "date": str,
            "start": str,
            "end": str,
            "location": str,
            "chair": str,
            "secretary": str,
            "next_meeting": str,
            "actual_start": str,
            "actual_end": str,
            "source_path": str,
            "source_sha256": str,
            "imported_at": str,
            "updated_at": str,
            "current_item": int,
        },
        pk="id",
        not_null={"title", "date"},
    )
    db.table("items").create(
        {
            "id": int,
            "meeting_id": int,
            "position": int,
            "title": str,
            "start": str,
            "end": str,
            "presenter": str,
            "closed": int,
            "case_text": str,
            "rec_intro": str,
            "rec_points": str,
            "rec_numbering": str,
            "rec_short": str,
            "rec_outcomes": str,
            "attachments": str,
            "status": str,
            "actual_start": str,
            "minutes": str,
            "conflicts": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db.table("items").create_index(["meeting_id", "position"])
    db.table("participants").create(
        {
            "id": int,
            "meeting_id": int,
            "position": int,
            "guest": int,
            "name": str,
            "role": str,
            "marker": str,
            "group_heading": str,
            "attendance": str,
            "substitute": str,
            "arrived_at_item": int,
            "left_after_item": int,
        },
        pk="id",
        foreign_keys=[
            ("meeting_id", "meetings", "id"),
            ("arrived_at_item", "items", "id"),
            ("left_after_item", "items", "id"),
        ],
    )
    db.table("participants").create_index(["meeting_id", "position"])
    db.table("actions").create(
        {"id": int, "item_id": int, "position": int, "what": str, "who": str, "due": str},
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("actions").create_index(["item_id", "position"])
    # A revision is open (``text``) while it coalesces saves, then packed (zlib, ``packed``).
    db.table("revisions").create(
        {"id": int, "item_id": int, "started_at": str, "saved_at": str, "text": str, "packed": bytes},
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("revisions").create_index(["item_id", "id"])


def m002_review_and_approval(db: Database) -> None:
    """Where the cursor was (to resume there), and the chair's review: remarks, comments,
    corrections, approvals and the snapshot of the draft when the review began."""
    db.table("meetings").add_column("cursor", str)
    db.table("meetings").add_column("review_started_at", str)
    db.table("meetings").add_column("review_snapshot", str)  # JSON: item id -> minutes when review began
    for table, columns in (
        ("remarks", {"who": str, "text": str}),
        ("comments", {"text": str, "who": str, "at": str}),
        ("corrections", {"at": str, "reason": str}),
    ):
        db.table(table).create(
            {"id": int, "item_id": int, "position": int, **columns},
            pk="id",
            foreign_keys=[("item_id", "items", "id")],
        )
        db.table(table).create_index(["item_id", "position"])
    db.table("approvals").create(
        {
            "id": int,
            "meeting_id": int,
            "by_name": str,
            "at": str,
            "with_problems": int,
            "reopened_at": str,
            "reopen_reason": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db.table("approvals").create_index(["meeting_id", "id"])


def m003_one_time_convention(db: Database) -> None:
    """Every stamp in UTC with milliseconds: approvals, corrections and comments were kept
    as local time without a zone, which sorts wrong across a change of UTC offset."""
    for table, columns in (
        ("approvals", ("at", "reopened_at")),
        ("corrections", ("at",)),
        ("comments", ("at",)),
    ):
        for column in columns:
            for row in list(db.query(f"SELECT id, [{column}] AS value FROM {table} WHERE [{column}] != ''")):
                db.execute(
                    f"UPDATE {table} SET [{column}] = ? WHERE id = ?", [utc_stamp(row["value"]), row["id"]]
                )


def utc_stamp(text: str) -> str:
    """A stored time as UTC with milliseconds; one without a zone is local time."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def m004_comments_done(db: Database) -> None:
    """The secretary marks each of the chair's comments done."""
    db.table("comments").add_column("done", int, not_null_default=0)


def m005_one_draft_per_file(db: Database) -> None:
    """A file has one draft; a second, independent copy is made only when asked for and is
    named as a copy wherever it is listed. Which items came from the file is remembered, so
    that an item the file no longer has can be told from one added during the meeting.

    Earlier versions made a new meeting on every import of the same file: of those, the one
    the secretary worked on last (else the first) stays the file's draft, the others become
    copies of it."""
    db.table("meetings").add_column("copy_of", int)
    db.table("items").add_column("from_file", int, not_null_default=1)
    db.table("items").add_column("not_in_agenda", int, not_null_default=0)
    groups: dict[str, list[dict[str, object]]] = {}
    for row in db.query(
        """SELECT m.id, m.source_path,
             (SELECT MAX(i.updated_at) FROM items i WHERE i.meeting_id = m.id
                AND (i.minutes != '' OR i.status != 'pending')) AS worked_on
           FROM meetings m WHERE m.source_path IS NOT NULL ORDER BY m.id"""
    ):
        groups.setdefault(str(row["source_path"]), []).append(row)
    for rows in groups.values():
        worked = [r for r in rows if r["worked_on"]]
        draft = max(worked, key=lambda r: str(r["worked_on"])) if worked else rows[0]
        for row in rows:
            if row is not draft:
                db.execute("UPDATE meetings SET copy_of = ? WHERE id = ?", [draft["id"], row["id"]])


def m006_house_styles(db: Database) -> None:
    """A meeting's own house style and vacant seats, a substitute sentence per person;
    recommendation points without a form of their own take the style's."""
    db.table("meetings").add_column("style", str)
    db.table("participants").add_column("substitute_phrase", str)
    db.table("vacant_seats").create(
        {"id": int, "meeting_id": int, "text": str, "group_heading": str},
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db.table("vacant_seats").create_index(["meeting_id", "id"])
    # Until now "1" was both the default and the only way to say "numbers": it meant "the default".
    db.execute("UPDATE items SET rec_numbering = NULL WHERE rec_numbering = '1'")


def m007_approvals_kept_as_history(db: Database) -> None:
    """An approval read from a file is kept as history, never in force; changes after a
    reopening that are no item's minutes are dated corrections of the meeting."""
    db.table("approvals").add_column("imported", int, not_null_default=0)
    db.table("meeting_corrections").create(
        {"id": int, "meeting_id": int, "at": str, "reason": str},
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db.table("meeting_corrections").create_index(["meeting_id", "id"])


def m008_item_parts(db: Database) -> None:
    """The order of an item's parts as its agenda has them (JSON, as ``attachments``); NULL, as in
    every item stored before, is the house style's order."""
    db.table("items").add_column("parts", str)


def m009_time_spent(db: Database) -> None:
    """The time the meeting has worked on each item (seconds), so that its clock goes on after
    the app is closed and opened again; NULL: never worked on."""
    db.table("items").add_column("time_spent", float)


def m010_word_corrections(db: Database) -> None:
    """What the secretary corrected in how a Word agenda was read (JSON, see
    ``importing.word.corrections``), applied again whenever the file is read again; and which
    meeting of a file that holds several the draft is (1-based; NULL: the file holds one), so
    that each meeting of such a file has a draft of its own."""
    db.table("meetings").add_column("reading_corrections", str)
    db.table("meetings").add_column("source_meeting", int)


def m011_reading_round(db: Database) -> None:
    """The reading round: each reading copy sent out with the words of its items as sent
    (JSON), the corrections and comments proposed in the copies that came back and what was
    decided about each, and who a revision of the minutes came from (a reviewer whose
    correction was accepted; NULL: typed in referent)."""
    db.table("reading_copies").create(
        {"id": int, "meeting_id": int, "made_at": str, "sent": str},
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db.table("reading_copies").create_index(["meeting_id", "id"])
    db.table("reading_proposals").create(
        {
            "id": int,
            "meeting_id": int,
            "copy_id": int,
            "item_id": int,
            "part": str,
            "kind": str,
            "authors": str,
            "date": str,
            "start": int,
            "old": str,
            "new": str,
            "before": str,
            "after": str,
            "sent": str,
            "status": str,
            "decided_by": str,
            "decided_at": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id"), ("item_id", "items", "id")],
    )
    db.table("reading_proposals").create_index(["meeting_id", "item_id", "id"])
    db.table("revisions").add_column("by", str)


def m012_bodies_follow_ups_search(db: Database) -> None:
    """The meetings of one body (udvalg, forum) kept together, each meeting in the body its
    agenda names; where each action item stands (open, done, dropped), on which day and at which
    meeting; and the full-text index of every item, built now for the meetings already here and
    kept in step by triggers (``store.searchindex``)."""
    from referent.store import bodies, searchindex

    db.table("bodies").create(
        {"id": int, "name": str, "key": str, "style": str, "location": str, "participants": str},
        pk="id",
        not_null={"name", "key"},
    )
    db.table("bodies").create_index(["key"], unique=True)
    db.table("meetings").add_column("body_id", int)
    db.table("actions").add_column("state", str, not_null_default="open")
    db.table("actions").add_column("state_on", str)
    db.table("actions").add_column("state_meeting", int)
    bodies.join_all(db.conn)
    searchindex.create(db.conn)
    searchindex.refresh(db.conn)


MIGRATIONS = (
    m001_initial,
    m002_review_and_approval,
    m003_one_time_convention,
    m004_comments_done,
    m005_one_draft_per_file,
    m006_house_styles,
    m007_approvals_kept_as_history,
    m008_item_parts,
    m009_time_spent,
    m010_word_corrections,
    m011_reading_round,
    m012_bodies_follow_ups_search,
)
"""In the order they run; each runs once per database."""


def applied(connection: sqlite3.Connection) -> list[str]:
    """Names of the migrations this database has had, read without sqlite-utils."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return []
    rows = connection.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
    )
    return [row[0] for row in rows]


def unknown(connection: sqlite3.Connection) -> list[str]:
    """Migrations a newer referent ran on this database that this one does not know."""
    known = {migration.__name__ for migration in MIGRATIONS}
    return [name for name in applied(connection) if name not in known]


def pending(connection: sqlite3.Connection) -> list[str]:
    done = set(applied(connection))
    return [migration.__name__ for migration in MIGRATIONS if migration.__name__ not in done]


def migration_set() -> Migrations:
    """The migrations as sqlite-utils' ``Migrations`` (importing sqlite-utils)."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    for migration in MIGRATIONS:
        migrations()(migration)
    return migrations


def apply(connection: sqlite3.Connection) -> None:
    """Bring the schema up to date (idempotent)."""
    from sqlite_utils import Database

    migration_set().apply(Database(connection, execute_plugins=False))
