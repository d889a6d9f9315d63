"""The SQLite store: meetings go in and come out equal, saves are safe, history is kept small."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import generate
import pytest
from hypothesis import HealthCheck, given, settings
from sqlite_utils import Database

from referent.importing import file_digest
from referent.meetingfile.reader import parse_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import (
    ActionItem,
    Attendance,
    Item,
    ItemStatus,
    Meeting,
    Numbering,
    Outcome,
    Participant,
    Recommendation,
)
from referent.store import REVISION_WINDOW, Store, UnknownMeeting, schema

if TYPE_CHECKING:
    from conftest import FakeClock


def small_meeting(items: int = 3) -> Meeting:
    return Meeting(
        title="Styregruppe",
        date=date(2023, 3, 13),
        participants=[Participant(name="Anna"), Participant(name="Bo")],
        guests=[Participant(name="Gæst")],
        items=[Item(title=chr(ord("A") + n)) for n in range(items)],
    )


def titles(store: Store, meeting_id: int) -> list[str]:
    return [item.title for item in store.load_meeting(meeting_id).items]


# --- whole meetings ---------------------------------------------------------------------


def test_import_then_load_gives_an_equal_meeting(store: Store, full_meeting: Meeting) -> None:
    meeting_id = store.import_meeting(full_meeting)
    assert store.load_meeting(meeting_id) == full_meeting


def test_a_meeting_survives_closing_and_reopening(tmp_path: Path, full_meeting: Meeting) -> None:
    store = Store.open(tmp_path / "t.db")
    meeting_id = store.import_meeting(full_meeting)
    ids = (
        store.item_ids(meeting_id),
        store.participant_ids(meeting_id),
        store.participant_ids(meeting_id, True),
    )
    store.close()
    store = Store.open(tmp_path / "t.db")
    try:
        assert store.load_meeting(meeting_id) == full_meeting
        assert (
            store.item_ids(meeting_id),
            store.participant_ids(meeting_id),
            store.participant_ids(meeting_id, True),
        ) == ids
    finally:
        store.close()


def test_ids_are_stable(store: Store) -> None:
    first = store.import_meeting(small_meeting())
    items = store.item_ids(first)
    people = store.participant_ids(first)
    second = store.import_meeting(small_meeting())
    assert second != first
    assert store.item_ids(first) == items and store.participant_ids(first) == people
    assert set(store.item_ids(second)).isdisjoint(items)
    new = store.add_item(first, Item(title="Ny"), before=items[0])
    store.move_item(items[2], -2)
    assert set(store.item_ids(first)) == {*items, new}  # reordering keeps every id
    assert (
        store.participant_ids(first, guests=True) != people
        and len(store.participant_ids(first, guests=True)) == 1
    )


def test_import_records_where_the_file_came_from(store: Store, tmp_path: Path) -> None:
    import hashlib

    meeting_id = store.import_meeting(
        small_meeting(), source_path=str(tmp_path / "m.toml"), source_digest=file_digest(b"text")
    )
    assert store.find_by_source(tmp_path / "m.toml") == (meeting_id, hashlib.sha256(b"text").hexdigest())
    assert store.find_by_source(tmp_path / "other.toml") is None
    [summary] = store.list_meetings()
    assert summary.source_path == str((tmp_path / "m.toml").resolve())


def test_unknown_meeting(store: Store) -> None:
    store.import_meeting(small_meeting())
    for call in (
        lambda: store.load_meeting(999),
        lambda: store.update_meeting(999, title="x"),
        lambda: store.resume_point(999),
    ):
        with pytest.raises(UnknownMeeting, match="no meeting with id 999"):
            call()
    assert issubclass(UnknownMeeting, LookupError)
    assert store.item_ids(999) == []


def test_unknown_rows_raise_lookup_error(store: Store) -> None:
    with pytest.raises(LookupError):
        store.save_minutes(999, "x")
    with pytest.raises(LookupError):
        store.update_participant(999, attendance=Attendance.PRESENT)


# --- list_meetings --------------------------------------------------------------------


def test_list_meetings_agenda_then_draft(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    assert [(m.id, m.status, m.title, m.date) for m in store.list_meetings()] == [
        (meeting_id, "agenda", "Styregruppe", date(2023, 3, 13))
    ]
    store.save_minutes(store.item_ids(meeting_id)[0], "Godkendt.")
    assert store.list_meetings()[0].status == "draft"


@pytest.mark.parametrize(
    "record",
    [
        lambda s, m: s.update_participant(s.participant_ids(m)[0], attendance=Attendance.ABSENT),
        lambda s, m: s.update_item(s.item_ids(m)[1], status=ItemStatus.TAKEN),
        lambda s, m: s.update_meeting(m, actual_start=time(14, 31)),
    ],
    ids=["attendance", "status", "actual-start"],
)
def test_anything_recorded_makes_a_draft(store: Store, record) -> None:  # type: ignore[no-untyped-def]
    meeting_id = store.import_meeting(small_meeting())
    store.update_item(store.item_ids(meeting_id)[0], title="Still an agenda")
    assert store.list_meetings()[0].status == "agenda"
    record(store, meeting_id)
    assert store.list_meetings()[0].status == "draft"


def test_list_meetings_most_recently_changed_first(store: Store, clock: FakeClock) -> None:
    first = store.import_meeting(small_meeting())
    clock.advance(60)
    second = store.import_meeting(small_meeting())
    assert [m.id for m in store.list_meetings()] == [second, first]
    clock.advance(60)
    store.save_minutes(store.item_ids(first)[0], "x")
    summaries = store.list_meetings()
    assert [m.id for m in summaries] == [first, second]
    assert summaries[0].updated_at == clock.now
    assert summaries[1].updated_at == clock.now - timedelta(seconds=60)


def test_list_meetings_on_an_empty_database(store: Store) -> None:
    assert store.list_meetings() == []


def test_list_meetings_order_across_a_change_of_utc_offset(store: Store, clock: FakeClock) -> None:
    summer, winter = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))
    clock.now = datetime(2023, 10, 29, 2, 30, tzinfo=summer)  # 00:30 UTC
    earlier = store.import_meeting(small_meeting())
    clock.now = datetime(2023, 10, 29, 2, 10, tzinfo=winter)  # 01:10 UTC: later
    later = store.import_meeting(small_meeting())
    assert [m.id for m in store.list_meetings()] == [later, earlier]


# --- minutes and their history --------------------------------------------------------


def test_save_minutes_is_stored(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[1]
    store.save_minutes(item, "Indstillingen blev godkendt. 😀")
    meeting = store.load_meeting(meeting_id)
    assert [i.minutes for i in meeting.items] == ["", "Indstillingen blev godkendt. 😀", ""]


def test_save_minutes_cleans_control_characters(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[0]
    store.save_minutes(item, "Linje\x0bto\x00\r\ntre\x07")
    assert store.load_meeting(meeting_id).items[0].minutes == "Linje\nto\ntre"
    assert store.revisions(item)[-1].text == "Linje\nto\ntre"


def test_saving_unchanged_minutes_is_a_no_op(store: Store, clock: FakeClock) -> None:
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[0]
    store.save_minutes(item, "Tekst")
    saved_at = store.list_meetings()[0].updated_at
    clock.advance(REVISION_WINDOW.total_seconds() * 3)
    store.save_minutes(item, "Tekst")
    store.save_minutes(item, "Tekst\x00")  # the same once cleaned
    assert store.list_meetings()[0].updated_at == saved_at
    assert len(store.revisions(item)) == 1


def test_revisions_coalesce_within_the_window(store: Store, clock: FakeClock) -> None:
    """Saves a second apart (typing, no pause) update one revision."""
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[0]
    started = clock.now
    for n in range(1, 6):
        store.save_minutes(item, "x" * n)
        clock.advance(1)
    [revision] = store.revisions(item)
    assert revision.text == "xxxxx"
    assert revision.started_at == started
    assert revision.saved_at == started + timedelta(seconds=4)


def test_a_new_revision_starts_after_the_window(store: Store, clock: FakeClock) -> None:
    """Typing without a pause still leaves a revision a window (see test_history for the rest)."""
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[0]
    text = "first"
    store.save_minutes(item, text)
    for _ in range(int(REVISION_WINDOW.total_seconds()) - 1):
        clock.advance(1)
        text += "."
        store.save_minutes(item, text)
    clock.advance(1)  # the window is measured from the revision's first save
    store.save_minutes(item, "second")
    assert [r.text for r in store.revisions(item)] == [text, "second"]


def test_older_revisions_are_packed_and_read_back_identically(store: Store, clock: FakeClock) -> None:
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[0]
    texts = ["Første udkast æøå", "Andet udkast 😀\n\t– med tab", "Tredje\n\nudkast " * 50]
    for text in texts:
        store.save_minutes(item, text)
        clock.advance(REVISION_WINDOW.total_seconds())
    assert [r.text for r in store.revisions(item)] == texts
    rows = list(store.db.query("SELECT text, packed FROM revisions WHERE item_id = ? ORDER BY id", [item]))
    assert [r["text"] is None for r in rows] == [True, True, False]  # only the open one is plain
    assert all(r["packed"] for r in rows[:2]) and rows[2]["packed"] is None
    assert len(rows[1]["packed"]) < len(texts[1].encode()) + 20


def test_imported_minutes_are_the_first_revision(store: Store, full_meeting: Meeting) -> None:
    meeting_id = store.import_meeting(full_meeting)
    first = store.item_ids(meeting_id)[0]
    assert [r.text for r in store.revisions(first)] == [full_meeting.items[0].minutes]
    assert store.revisions(store.item_ids(meeting_id)[2]) == []


def test_three_hours_of_typing_keep_the_database_small(tmp_path: Path, clock: FakeClock) -> None:
    """One save a second for 3 hours, ~5 characters a second, over 15 items in turn."""
    path = tmp_path / "long.db"
    store = Store.open(path, clock=clock)
    meeting_id = store.import_meeting(small_meeting(items=15))
    ids = store.item_ids(meeting_id)
    words = [
        "og",
        "det",
        "at",
        "er",
        "en",
        "til",
        "på",
        "som",
        "med",
        "kommunen",
        "indstillingen",
        "godkendt",
    ]
    rng = random.Random(13)
    texts = dict.fromkeys(ids, "")
    pending = ""
    seconds = 3 * 60 * 60
    for second in range(seconds):
        item = ids[second * len(ids) // seconds]
        while len(pending) < 5:
            pending += rng.choice(words) + rng.choice("  ,.\n")
        texts[item] += pending[:5]
        pending = pending[5:]
        store.save_minutes(item, texts[item])
        clock.advance(1)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size + sum(p.stat().st_size for p in tmp_path.glob("long.db-*"))
    try:
        assert size < 5 * 1024 * 1024, f"{size / 1e6:.1f} MB"
        meeting = store.load_meeting(meeting_id)
        assert [i.minutes for i in meeting.items] == [texts[i] for i in ids]
        assert sum(len(t) for t in texts.values()) == 5 * seconds
        per_item = seconds // len(ids)
        window = int(REVISION_WINDOW.total_seconds())
        for item in ids:  # one revision per window of typing, the last one is the text
            revisions = store.revisions(item)
            assert abs(len(revisions) - per_item / window) <= 1
            assert revisions[-1].text == texts[item]
    finally:
        store.close()


# --- live changes -----------------------------------------------------------------------


def test_update_item(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[1]
    recommendation = Recommendation(
        points=["Godkender", "Drøfter"],
        intro="Intro",
        numbering=Numbering.LETTERS,
        outcomes=[Outcome.APPROVED, None],
    )
    store.update_item(
        item,
        title="Ny titel\x00",
        start=time(9, 5),
        end=time(10, 0),
        presenter="Jan",
        closed=True,
        case="Sag\x0bfremstilling",
        recommendation=recommendation,
        attachments=["Bilag 1"],
        status=ItemStatus.TAKEN,
        actual_start=time(9, 7),
        conflicts=["Anna"],
    )
    assert store.load_meeting(meeting_id).items[1] == Item(
        title="Ny titel",
        start=time(9, 5),
        end=time(10, 0),
        presenter="Jan",
        closed=True,
        case="Sag\nfremstilling",
        recommendation=recommendation,
        attachments=["Bilag 1"],
        status=ItemStatus.TAKEN,
        actual_start=time(9, 7),
        conflicts=["Anna"],
    )
    store.update_item(item, start=None, closed=False)
    changed = store.load_meeting(meeting_id).items[1]
    assert changed.start is None and changed.closed is False and changed.title == "Ny titel"


def test_update_participant(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    anna, bo = store.participant_ids(meeting_id)
    items = store.item_ids(meeting_id)
    store.update_participant(anna, attendance=Attendance.REMOTE, arrived_at=items[1], left_after=items[2])
    store.update_participant(
        bo, attendance=Attendance.ABSENT, substitute="Carl", role="direktør", group="Chefer:"
    )
    people = store.load_meeting(meeting_id).participants
    assert people == [
        Participant(name="Anna", attendance=Attendance.REMOTE, arrived_at=2, left_after=3),
        Participant(
            name="Bo", role="direktør", group="Chefer:", attendance=Attendance.ABSENT, substitute="Carl"
        ),
    ]
    store.update_participant(anna, arrived_at=None)
    assert store.load_meeting(meeting_id).participants[0].arrived_at is None


def test_update_meeting(store: Store, clock: FakeClock) -> None:
    meeting_id = store.import_meeting(small_meeting())
    clock.advance(5)
    store.update_meeting(
        meeting_id,
        title="Nyt navn",
        date=date(2023, 4, 1),
        location="TEAMS",
        actual_start=time(14, 31),
        actual_end=time(16, 2),
        next_meeting="1. maj",
    )
    meeting = store.load_meeting(meeting_id)
    assert (meeting.title, meeting.date, meeting.location) == ("Nyt navn", date(2023, 4, 1), "TEAMS")
    assert (meeting.actual_start, meeting.actual_end, meeting.next_meeting) == (
        time(14, 31),
        time(16, 2),
        "1. maj",
    )
    assert store.list_meetings()[0].updated_at == clock.now
    item = store.item_ids(meeting_id)[2]
    store.update_meeting(meeting_id, current_item=item, cursor="4,17")
    assert store.resume_point(meeting_id) == (item, "4,17")


@pytest.mark.parametrize(
    "call",
    [
        lambda s, m: s.update_item(s.item_ids(m)[0], minutes="use save_minutes"),
        lambda s, m: s.update_item(s.item_ids(m)[0], title="ok", colour="red"),
        lambda s, m: s.update_participant(s.participant_ids(m)[0], email="a@b"),
        lambda s, m: s.update_meeting(m, id=7),
        lambda s, m: s.update_meeting(m, source_path="/tmp/x"),
    ],
    ids=["item-minutes", "item-unknown", "participant", "meeting-id", "meeting-source"],
)
def test_unknown_fields_raise_type_error_and_change_nothing(store: Store, call) -> None:  # type: ignore[no-untyped-def]
    meeting_id = store.import_meeting(small_meeting())
    before = store.load_meeting(meeting_id)
    with pytest.raises(TypeError, match="cannot change"):
        call(store, meeting_id)
    assert store.load_meeting(meeting_id) == before


def test_add_item_before_an_id_and_at_the_end(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    a, b, c = store.item_ids(meeting_id)
    new = store.add_item(meeting_id, Item(title="Før B", minutes="m", actions=[ActionItem("w")]), before=b)
    assert store.item_ids(meeting_id) == [a, new, b, c]
    last = store.add_item(meeting_id, Item(title="Sidst"))
    assert store.item_ids(meeting_id) == [a, new, b, c, last]
    first = store.add_item(meeting_id, Item(title="Først"), before=a)
    assert titles(store, meeting_id) == ["Først", "A", "Før B", "B", "C", "Sidst"]
    assert store.item_ids(meeting_id)[0] == first
    added = store.load_meeting(meeting_id).items[2]
    assert added.minutes == "m" and added.actions == [ActionItem("w")]


def test_move_item_numbering_and_arrivals_follow(store: Store) -> None:
    meeting = small_meeting(items=4)
    meeting.participants[0].arrived_at = 3  # Anna arrived at C
    meeting.participants[1].left_after = 2  # Bo left after B
    meeting_id = store.import_meeting(meeting)
    a, b, c, d = store.item_ids(meeting_id)
    store.move_item(c, -2)
    assert store.item_ids(meeting_id) == [c, a, b, d]
    assert titles(store, meeting_id) == ["C", "A", "B", "D"]
    anna, bo = store.load_meeting(meeting_id).participants
    assert (anna.arrived_at, bo.left_after) == (1, 3)  # still C and B, by their new numbers
    store.move_item(c, 10)  # clamped to the end
    assert store.item_ids(meeting_id) == [a, b, d, c]
    store.move_item(a, -1)  # already first: nothing changes
    assert store.item_ids(meeting_id) == [a, b, d, c]
    store.add_item(meeting_id, Item(title="Ny"), before=a)
    anna, bo = store.load_meeting(meeting_id).participants
    assert (anna.arrived_at, bo.left_after) == (5, 3)


def test_add_participant_and_guest(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    new = store.add_participant(meeting_id, Participant(name="Dorte\x00", role="chef", arrived_at=2))
    guest = store.add_participant(meeting_id, Participant(name="Ekstern"), guest=True)
    assert store.participant_ids(meeting_id)[-1] == new
    assert store.participant_ids(meeting_id, guests=True)[-1] == guest
    meeting = store.load_meeting(meeting_id)
    assert meeting.participants[-1] == Participant(name="Dorte", role="chef", arrived_at=2)
    assert [g.name for g in meeting.guests] == ["Gæst", "Ekstern"]


def test_add_action(store: Store) -> None:
    meeting_id = store.import_meeting(small_meeting())
    item = store.item_ids(meeting_id)[1]
    first = store.add_action(item, ActionItem("Skriv\x00 notat", "Sekretariatet", "1. maj"))
    second = store.add_action(item, ActionItem("Indkald"))
    assert first != second
    assert store.load_meeting(meeting_id).items[1].actions == [
        ActionItem("Skriv notat", "Sekretariatet", "1. maj"),
        ActionItem("Indkald"),
    ]
    assert store.load_meeting(meeting_id).items[0].actions == []


# --- the database file ------------------------------------------------------------------


def test_wal_and_synchronous_full_on_every_connection(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    Store.open(path).close()
    store = Store.open(path)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # kept in the file
    finally:
        raw.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_database_and_folder_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a common, permissive umask
    try:
        path = tmp_path / "new" / "folder" / "referent.db"
        store = Store.open(path)
        try:
            store.import_meeting(small_meeting())
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
            wal = path.with_name("referent.db-wal")
            assert wal.exists()
            assert stat.S_IMODE(wal.stat().st_mode) == 0o600
        finally:
            store.close()
    finally:
        os.umask(old)


def test_migrations_twice_are_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store = Store.open(path)
    store.import_meeting(small_meeting())
    store.close()
    db = Database(path)
    schema_before = sorted(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
    applied_before = schema.migration_set().applied(db)
    assert schema.migration_set().pending(db) == []
    schema.apply(db.conn)
    schema.apply(db.conn)
    assert sorted(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()) == schema_before
    assert schema.migration_set().applied(db) == applied_before
    db.close()


def _first_migration_only(path: Path) -> Database:
    db = Database(path)
    later = [m.name for m in schema.migration_set().pending(db)][1:]
    schema.migration_set().apply(db, stop_before=later or None)
    assert [m.name for m in schema.migration_set().applied(db)] == ["m001_initial"]
    return db


def test_a_database_from_the_first_migration_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = _first_migration_only(path)
    db["meetings"].insert(
        {"id": 1, "title": "Gammelt møde", "date": "2022-03-10", "updated_at": "2022-03-10T10:00:00"}
    )
    db["items"].insert(
        {
            "id": 7,
            "meeting_id": 1,
            "position": 0,
            "title": "Punkt",
            "closed": 0,
            "rec_points": '["Godkender"]',
            "rec_numbering": "1",
            "rec_outcomes": '["approved"]',
            "attachments": "[]",
            "status": "taken",
            "minutes": "Godkendt.",
            "conflicts": "[]",
        }
    )
    db["participants"].insert(
        {
            "id": 3,
            "meeting_id": 1,
            "position": 0,
            "guest": 0,
            "name": "Anna",
            "attendance": "present",
            "arrived_at_item": 7,
        }
    )
    db.close()
    store = Store.open(path)
    try:
        assert schema.pending(store.db.connection) == []
        assert store.load_meeting(1) == Meeting(
            title="Gammelt møde",
            date=date(2022, 3, 10),
            participants=[Participant(name="Anna", attendance=Attendance.PRESENT, arrived_at=1)],
            items=[
                Item(
                    title="Punkt",
                    recommendation=Recommendation(points=["Godkender"], outcomes=[Outcome.APPROVED]),
                    status=ItemStatus.TAKEN,
                    minutes="Godkendt.",
                )
            ],
        )
        store.save_minutes(7, "Godkendt uden bemærkninger.")  # and it can be worked on
        assert store.load_meeting(1).items[0].minutes == "Godkendt uden bemærkninger."
    finally:
        store.close()


def test_a_database_from_the_first_committed_schema_can_store_the_cursor(tmp_path: Path) -> None:
    path = tmp_path / "b03a364.db"
    db = _first_migration_only(path)  # m001 is as committed in b03a364: no cursor column
    assert "cursor" not in db["meetings"].columns_dict
    db.close()
    store = Store.open(path)
    try:
        meeting_id = store.import_meeting(small_meeting())
        store.update_meeting(meeting_id, cursor="1,0")
        assert store.resume_point(meeting_id) == (None, "1,0")
    finally:
        store.close()


REFERENCE_FILES = sorted((Path(__file__).parents[1] / "sample_agendas").glob("*.toml")) + sorted(
    (Path(__file__).parent / "fixtures" / "minutes").glob("*.toml")
)


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reference_meetings_round_trip_through_the_database(store: Store, path: Path) -> None:
    """File → database → file gives the same meeting, and the same file text."""
    from referent.meetingfile.reader import load_meeting
    from referent.meetingfile.writer import dump_meeting

    meeting = load_meeting(path)
    stored = store.load_meeting(store.import_meeting(meeting))
    assert stored == meeting
    assert dump_meeting(stored) == dump_meeting(meeting)


# --- every field through the database ---------------------------------------------------


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generate.meetings())
def test_generated_meetings_round_trip_through_the_database(meeting: Meeting) -> None:
    """model -> database -> model and file -> database -> file, with every field of every part."""
    store = Store.open(":memory:")
    try:
        history = [replace(approval, imported=True) for approval in meeting.approvals]  # never in force
        assert store.load_meeting(store.import_meeting(meeting)) == replace(meeting, approvals=history)
        text = dump_meeting(replace(meeting, approvals=history))
        assert dump_meeting(store.load_meeting(store.import_meeting(parse_meeting(text)))) == text
    finally:
        store.close()
