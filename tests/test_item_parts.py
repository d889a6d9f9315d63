"""An item keeps the order of its parts that its agenda has: in the meeting file and the store."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from referent.meetingfile.reader import MeetingFileError, load_meeting, parse_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import Item, ItemPart, Meeting, Recommendation
from referent.store import Store, schema

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
MEETING_FILES = [
    *sorted((ROOT / "sample_agendas").glob("*.toml")),
    *sorted((FIXTURES / "minutes").glob("*.toml")),
    *sorted((FIXTURES / "nord").glob("*.toml")),
]
CASE, REC, ATT, MIN = ItemPart.CASE, ItemPart.RECOMMENDATION, ItemPart.ATTACHMENTS, ItemPart.MINUTES


def two_orders() -> Meeting:
    """Two items ordering the same parts differently, and one that leaves it to the style."""
    rec = Recommendation(points=["Godkender årsstatus"], outcomes=[None])
    return Meeting(
        title="Møde i Klyngestyregruppen",
        date=date(2022, 3, 10),
        body="Klyngestyregruppen",
        items=[
            Item(
                "Årsstatus", case="Sag.", recommendation=rec, attachments=["Udkast"], parts=[CASE, ATT, REC]
            ),
            Item(
                "Ny struktur", case="Sag.", recommendation=rec, attachments=["Bilag"], parts=[CASE, REC, ATT]
            ),
            Item(title="Eventuelt"),
        ],
    )


# --- the meeting file ----------------------------------------------------------------


def test_the_order_round_trips_through_the_meeting_file() -> None:
    meeting = two_orders()
    text = dump_meeting(meeting)
    assert 'parts = ["case", "attachments", "recommendation"]' in text.splitlines()
    assert 'parts = ["case", "recommendation", "attachments"]' in text.splitlines()
    assert text.count("parts =") == 2  # the item without an order of its own has no key
    assert parse_meeting(text) == meeting


@pytest.mark.parametrize("path", MEETING_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_existing_files_have_no_order_of_their_own_and_gain_none(path: Path) -> None:
    meeting = load_meeting(path)
    assert all(item.parts == [] for item in meeting.items)
    assert "parts" not in dump_meeting(meeting)


BASE = """\
[meeting]
title = "M"
date = 2023-03-13

[[items]]
title = "Punkt"
"""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('parts = "case"', "'parts' must be a list of 'case', 'recommendation', 'attachments', 'minutes', "
                           "not 'case' (text)"),
        ('parts = ["case", "bilag"]', "'parts' has 'bilag' (text); each must be one of 'case', "
                                      "'recommendation', 'attachments', 'minutes'"),
        ("parts = [1]", "'parts' has 1 (a number); each must be one of"),
        ('parts = ["case", "attachments", "case"]', "'parts' names 'case' twice"),
    ],
)  # fmt: skip
def test_a_wrong_order_is_reported_at_its_line(line: str, message: str) -> None:
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(BASE + line + "\n", "møde.toml")
    [problem] = caught.value.problems
    assert problem.line == 7
    assert problem.message.startswith(message)


def test_an_order_may_name_some_parts_only() -> None:
    meeting = parse_meeting(BASE + 'parts = ["attachments", "recommendation"]\n')
    assert meeting.items[0].parts == [ATT, REC]


# --- the store ---------------------------------------------------------------------------


def test_the_order_round_trips_through_the_store_and_can_be_changed() -> None:
    store = Store.open(":memory:")
    try:
        meeting_id = store.import_meeting(two_orders())
        assert store.load_meeting(meeting_id) == two_orders()
        last = store.item_ids(meeting_id)[2]
        store.update_item(last, parts=[MIN, CASE])
        assert store.load_meeting(meeting_id).items[2].parts == [MIN, CASE]
    finally:
        store.close()


def test_a_database_written_before_the_order_was_kept_is_migrated(tmp_path: Path) -> None:
    """``schema-m007.db`` was written by referent before this change (see its README)."""
    path = tmp_path / "referent.db"
    shutil.copyfile(FIXTURES / "databases" / "schema-m007.db", path)
    with sqlite3.connect(path) as before:
        assert schema.pending(before) == ["m008_item_parts"]
        assert "parts" not in [row[1] for row in before.execute("PRAGMA table_info(items)")]
    store = Store.open(path)
    try:
        assert schema.pending(store.db.connection) == []
        files = [
            FIXTURES / "minutes" / "politisk-niveau-klynge-midt-2023-03-13.toml",
            FIXTURES / "nord" / "klyngestyregruppe-nord-2022-08-26.toml",
        ]
        for meeting_id, file in enumerate(files, start=1):
            stored = store.load_meeting(meeting_id)
            assert stored == load_meeting(file)  # every item in the style's order, as before
            assert dump_meeting(stored) == dump_meeting(load_meeting(file))
        item_id = store.item_ids(1)[1]
        store.update_item(item_id, parts=[CASE, ATT, REC])
        assert store.load_meeting(1).items[1].parts == [CASE, ATT, REC]
    finally:
        store.close()
