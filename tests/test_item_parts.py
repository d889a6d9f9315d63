"""An item keeps the order of its parts that its agenda has: in the meeting file and the store."""

from __future__ import annotations

import copy
import io
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from referent.agendamerge import describe, plan_update
from referent.export import render
from referent.export.content import build_view
from referent.export.style import BUILT_IN, ItemStyle, item_order, load_style, parse_style
from referent.importing.word import parse_word_agenda
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
        assert schema.pending(before)[:2] == ["m008_item_parts", "m009_time_spent"]
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


# --- the house style's order and the item's own ------------------------------------------


def items_style(order: list[str], fixed: bool = False) -> ItemStyle:
    return load_style("default").items._replace(order=order, fixed_order=fixed)


DEFAULT_ORDER = ["case", "recommendation", "attachments", "minutes"]
NORD_ORDER = ["case", "attachments", "recommendation", "minutes"]
MINUTES_FIRST = ["minutes", "case", "recommendation", "attachments"]


@pytest.mark.parametrize(
    ("style_order", "own", "printed"),
    [
        (DEFAULT_ORDER, [], DEFAULT_ORDER),  # no order of its own: the style's
        (NORD_ORDER, [CASE, REC, ATT], ["case", "recommendation", "attachments", "minutes"]),
        (DEFAULT_ORDER, [CASE, ATT, REC], ["case", "attachments", "recommendation", "minutes"]),
        (DEFAULT_ORDER, [ATT, REC], ["case", "attachments", "recommendation", "minutes"]),  # case first
        (NORD_ORDER, [REC, CASE], ["attachments", "recommendation", "case", "minutes"]),
        (DEFAULT_ORDER, [CASE, MIN, REC], ["case", "attachments", "minutes", "recommendation"]),
        (MINUTES_FIRST, [REC, CASE], ["minutes", "recommendation", "case", "attachments"]),
        (DEFAULT_ORDER, [ATT, ATT, CASE], ["recommendation", "attachments", "case", "minutes"]),
    ],
)  # fmt: skip
def test_a_part_the_item_does_not_place_goes_where_the_style_puts_it(
    style_order: list[str], own: list[ItemPart], printed: list[str]
) -> None:
    assert item_order(items_style(style_order), own) == tuple(printed)


@pytest.mark.parametrize("order", [DEFAULT_ORDER, NORD_ORDER])
def test_a_fixed_order_ignores_the_items_own(order: list[str]) -> None:
    assert item_order(items_style(order, fixed=True), [MIN, ATT, REC, CASE]) == tuple(order)


@pytest.mark.parametrize("style", BUILT_IN)
def test_the_built_in_styles_follow_the_agenda(style: str) -> None:
    assert load_style(style).items.fixed_order is False


@pytest.mark.parametrize("style", BUILT_IN)
@pytest.mark.parametrize("path", MEETING_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_existing_files_print_every_item_in_the_styles_order(path: Path, style: str) -> None:
    house = load_style(style)
    view = build_view(load_meeting(path), house, agenda=False, public=False)
    assert {item.order for item in view.items} == {tuple(house.items.order)}


# --- a Word agenda whose items order their parts differently -----------------------------

STATUS = ("Årsstatus 2021", "Klyngerne gør status for 2021.", "Udkast til årsstatus",
          "Klyngestyregruppen godkender årsstatus")  # fmt: skip
"""Title, case text, attachment and recommendation of the item with Bilag before Indstilling."""
SETUP = ("Forberedelse til Sundhedsklynge", "Sekretariatet har lavet et oplæg.",
         "Beskrivelse af organiseringen", "Drøfter oplægget")  # fmt: skip
"""The same for the item with Indstilling before Bilag."""


def word_agenda() -> bytes:
    """As the Klyngestyregruppe writes it (``Bilag: X`` then ``Indstilling: X``) in one item, as
    Politisk Niveau does (``Det indstilles, at …:``, points, then ``Bilag:`` and a list) in the next."""
    import docx

    document = docx.Document()
    document.add_paragraph("Møde i Klyngestyregruppe Midt", style="Title")
    document.add_paragraph("Dato: 10. marts 2022 kl. 14.00-15.20")
    title, case, attachment, recommendation = STATUS
    document.add_paragraph(title, style="Heading 1")
    document.add_paragraph(case)
    document.add_paragraph(f"Bilag: {attachment}")
    document.add_paragraph(f"Indstilling: {recommendation}")
    title, case, attachment, recommendation = SETUP
    document.add_paragraph(title, style="Heading 1")
    document.add_paragraph(case)
    document.add_paragraph("Det indstilles, at Klyngestyregruppen:")
    document.add_paragraph(recommendation, style="List Number")
    document.add_paragraph("Bilag:")
    document.add_paragraph(attachment, style="List Bullet")
    document.add_paragraph("Eventuelt", style="Heading 1")
    document.add_paragraph("Planlægning af næste møde")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read_agenda() -> Meeting:
    read = parse_word_agenda(word_agenda(), "klyngestyregruppe.docx")
    assert read.warnings == []
    return read.meeting


def test_the_word_reader_records_each_items_order() -> None:
    items = read_agenda().items
    assert [item.title for item in items] == [STATUS[0], SETUP[0], "Eventuelt"]
    assert items[0].parts == [CASE, ATT, REC]
    assert items[1].parts == [CASE, REC, ATT]
    assert items[2].parts == []  # a case text alone has no order to keep


def taken(meeting: Meeting) -> Meeting:
    for number, item in enumerate(meeting.items, start=1):
        item.minutes = f"Referatet af punkt {number}."
    return meeting


def printed_order(lines: list[str], title: str, markers: dict[str, str]) -> list[str]:
    """The parts of the item headed ``title`` in the order ``lines`` print them: each part is
    where its marker text first stands between this heading and the next item's."""
    titles = (STATUS[0], SETUP[0], "Eventuelt")
    start = next(n for n, line in enumerate(lines) if line.endswith(title))
    end = next((n for n in range(start + 1, len(lines)) if lines[n].endswith(titles)), len(lines))
    found = {
        part: next(n for n in range(start, end) if marker in lines[n]) for part, marker in markers.items()
    }
    return sorted(found, key=found.__getitem__)


def markers(item: tuple[str, str, str, str], number: int) -> dict[str, str]:
    _, case, attachment, recommendation = item
    return {"case": case, "attachments": attachment, "recommendation": recommendation,
            "minutes": f"Referatet af punkt {number}."}  # fmt: skip


def docx_lines(data: bytes) -> list[str]:
    """The body's paragraphs in order, as python-docx reads them back (header table left out)."""
    import docx
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    return [block.text for block in document.iter_inner_content() if isinstance(block, Paragraph)]


@pytest.mark.parametrize("style", BUILT_IN)
def test_a_word_agenda_with_two_orders_exports_each_item_in_its_own_order(style: str) -> None:
    lines = docx_lines(render(taken(read_agenda()), style=style)[0])
    assert printed_order(lines, STATUS[0], markers(STATUS, 1)) == [
        "case",
        "attachments",
        "recommendation",
        "minutes",
    ]
    assert printed_order(lines, SETUP[0], markers(SETUP, 2)) == [
        "case",
        "recommendation",
        "attachments",
        "minutes",
    ]


@pytest.mark.parametrize("style", BUILT_IN)
def test_the_agenda_exported_again_keeps_each_items_order(style: str) -> None:
    without_minutes = {part: text for part, text in markers(STATUS, 1).items() if part != "minutes"}
    lines = docx_lines(render(read_agenda(), agenda=True, style=style)[0])
    assert printed_order(lines, STATUS[0], without_minutes) == ["case", "attachments", "recommendation"]
    without_minutes = {part: text for part, text in markers(SETUP, 2).items() if part != "minutes"}
    assert printed_order(lines, SETUP[0], without_minutes) == ["case", "recommendation", "attachments"]


@pytest.mark.parametrize("style", BUILT_IN)
def test_the_text_export_keeps_each_items_order(style: str) -> None:
    lines = render(taken(read_agenda()), format="md", style=style)[0].decode("utf-8").splitlines()
    assert printed_order(lines, STATUS[0], markers(STATUS, 1)) == [
        "case",
        "attachments",
        "recommendation",
        "minutes",
    ]
    assert printed_order(lines, SETUP[0], markers(SETUP, 2)) == [
        "case",
        "recommendation",
        "attachments",
        "minutes",
    ]


@pytest.mark.parametrize(("base", "order"), [("default", DEFAULT_ORDER), ("nord", NORD_ORDER)])
@pytest.mark.parametrize("format", ["docx", "md"])
def test_a_style_that_fixes_the_order_prints_every_item_in_it(
    base: str, order: list[str], format: str
) -> None:
    style = parse_style(f'extends = "{base}"\n[items]\nfixed_order = true\n', "fixed.toml")
    data = render(taken(read_agenda()), format=format, style=style)[0]
    lines = docx_lines(data) if format == "docx" else data.decode("utf-8").splitlines()
    assert printed_order(lines, STATUS[0], markers(STATUS, 1)) == order
    assert printed_order(lines, SETUP[0], markers(SETUP, 2)) == order


def test_an_item_made_in_the_app_takes_the_styles_order() -> None:
    meeting = read_agenda()
    store = Store.open(":memory:")
    try:
        meeting_id = store.import_meeting(meeting)
        store.add_item(meeting_id, Item(title="Nyt punkt"))
        assert store.load_meeting(meeting_id).items[-1].parts == []
    finally:
        store.close()


@pytest.mark.parametrize("style", BUILT_IN)
def test_the_order_survives_exporting_and_reading_again(style: str) -> None:
    agenda = read_agenda()
    again = parse_word_agenda(render(agenda, agenda=True, style=style)[0], "again.docx").meeting
    assert [item.parts for item in again.items] == [item.parts for item in agenda.items]


def test_an_agenda_that_orders_an_item_anew_says_so_and_brings_it_in() -> None:
    draft = read_agenda()
    edited = copy.deepcopy(draft)
    edited.items[1].parts = [CASE, ATT, REC]
    update = plan_update(draft, edited)
    assert [describe(change) for change in update.changes] == [
        f"Item 2. {SETUP[0]}: order of the parts changed"
    ]
    assert update.meeting.items[1].parts == [CASE, ATT, REC]
