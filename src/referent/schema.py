"""The database schema, as sqlite-utils migrations: each change to it is a new function.

Never edit a migration that has shipped; add the next one. ``apply`` is idempotent.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("referent")


@migrations()
def m001_initial(db: Database) -> None:
    db["meetings"].create(
        {
            "id": int, "title": str, "body": str, "date": str, "start": str, "end": str,
            "location": str, "chair": str, "secretary": str, "next_meeting": str,
            "actual_start": str, "actual_end": str,
            "source_path": str, "source_sha256": str, "imported_at": str, "updated_at": str,
            "current_item": int,
        },
        pk="id",
        not_null={"title", "date"},
    )  # fmt: skip
    db["items"].create(
        {
            "id": int, "meeting_id": int, "position": int, "title": str, "start": str,
            "end": str, "presenter": str, "closed": int, "case_text": str,
            "rec_intro": str, "rec_points": str, "rec_numbering": str, "rec_short": str,
            "rec_outcomes": str, "attachments": str, "status": str, "actual_start": str,
            "minutes": str, "conflicts": str, "updated_at": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )  # fmt: skip
    db["items"].create_index(["meeting_id", "position"])
    db["participants"].create(
        {
            "id": int, "meeting_id": int, "position": int, "guest": int, "name": str,
            "role": str, "marker": str, "group_heading": str, "attendance": str,
            "substitute": str, "arrived_at_item": int, "left_after_item": int,
        },
        pk="id",
        foreign_keys=[
            ("meeting_id", "meetings", "id"),
            ("arrived_at_item", "items", "id"),
            ("left_after_item", "items", "id"),
        ],
    )  # fmt: skip
    db["participants"].create_index(["meeting_id", "position"])
    db["actions"].create(
        {"id": int, "item_id": int, "position": int, "what": str, "who": str, "due": str},
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db["actions"].create_index(["item_id", "position"])
    # A revision is open (``text``) while it coalesces saves, then packed (zlib, ``packed``).
    db["revisions"].create(
        {"id": int, "item_id": int, "started_at": str, "saved_at": str, "text": str, "packed": bytes},
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db["revisions"].create_index(["item_id", "id"])


@migrations()
def m002_review_and_approval(db: Database) -> None:
    """Where the cursor was (to resume there), and the chair's review: remarks, comments,
    corrections, approvals and the snapshot of the draft when the review began."""
    db["meetings"].add_column("cursor", str)
    db["meetings"].add_column("review_started_at", str)
    db["meetings"].add_column("review_snapshot", str)  # JSON: item id -> minutes when review began
    for table, columns in (
        ("remarks", {"who": str, "text": str}),
        ("comments", {"text": str, "who": str, "at": str}),
        ("corrections", {"at": str, "reason": str}),
    ):
        db[table].create(
            {"id": int, "item_id": int, "position": int, **columns},
            pk="id",
            foreign_keys=[("item_id", "items", "id")],
        )
        db[table].create_index(["item_id", "position"])
    db["approvals"].create(
        {
            "id": int, "meeting_id": int, "by_name": str, "at": str, "with_problems": int,
            "reopened_at": str, "reopen_reason": str,
        },
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )  # fmt: skip
    db["approvals"].create_index(["meeting_id", "id"])


@migrations()
def m003_house_styles(db: Database) -> None:
    """A meeting's own house style and vacant seats (JSON: [[text, group], …]), a substitute
    sentence per person; recommendation points without a form of their own take the style's."""
    db.table("meetings").add_column("style", str)
    db.table("meetings").add_column("vacant_seats", str)
    db.table("participants").add_column("substitute_phrase", str)
    # Until now "1" was both the default and the only way to say "numbers": it meant "the default".
    db.execute("UPDATE items SET rec_numbering = NULL WHERE rec_numbering = '1'")


def apply(db: Database) -> None:
    migrations.apply(db)
