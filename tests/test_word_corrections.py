"""The secretary's corrections to how a Word agenda was read: applied, kept, applied again."""

from __future__ import annotations

import io
from datetime import date, time

import docx
import pytest

from referent.importing.word import parse_word_agenda
from referent.importing.word.corrections import Corrections, Mark, Role, paragraph_key
from referent.problems import MeetingFileError


def document(*paragraphs: str | tuple[str, str]) -> bytes:
    """A .docx of plain paragraphs (a text, or (text, style))."""
    made = docx.Document()
    made.core_properties.comments = ""
    for paragraph in paragraphs:
        text, style = paragraph if isinstance(paragraph, tuple) else (paragraph, None)
        made.add_paragraph(text, style=style)
    out = io.BytesIO()
    made.save(out)
    return out.getvalue()


PLAIN = document(
    "Bestyrelsesmøde i Skovbrynet",
    "Dato: 5. september 2023 kl. 19.00",
    "Velkommen",
    "Formanden byder velkommen.",
    "Regnskab 2022",
    "Kassereren gennemgår regnskabet.",
    "Sted: Fælleshuset, Birkevej 2",
    "Jens Hansen, kasserer",
    "Eventuelt",
)


def items(corrections: Corrections, data: bytes = PLAIN) -> list[str]:
    return [
        item.title for item in parse_word_agenda(data, "AGENDA.docx", corrections=corrections).meeting.items
    ]


def item_marks(*titles: str) -> Corrections:
    corrections = Corrections()
    for title in titles:
        corrections = corrections.marked(paragraph_key(title), 0, Role.ITEM)
    return corrections


def test_a_document_no_reader_understands_is_one_item_until_its_items_are_marked() -> None:
    with pytest.raises(MeetingFileError, match="no agenda items were found"):
        parse_word_agenda(PLAIN, "AGENDA.docx")  # check: refused, saying how to write or mark them
    read = parse_word_agenda(PLAIN, "AGENDA.docx", whole_when_none=True)  # a draft: one item
    assert [item.title for item in read.meeting.items] == ["Bestyrelsesmøde i Skovbrynet"]
    assert any("no agenda items were found" in warning.message for warning in read.warnings)
    assert [p.item for p in read.placed] == [1] * len(read.placed)  # all of it in the one item
    assert items(item_marks("Velkommen", "Regnskab 2022", "Eventuelt")) == [
        "Velkommen",
        "Regnskab 2022",
        "Eventuelt",
    ]


def test_an_item_marked_as_text_joins_the_item_above() -> None:
    corrections = item_marks("Velkommen", "Regnskab 2022", "Eventuelt").marked(
        paragraph_key("Regnskab 2022"), 0, Role.TEXT
    )
    read = parse_word_agenda(PLAIN, "AGENDA.docx", corrections=corrections).meeting
    assert [i.title for i in read.items] == ["Velkommen", "Eventuelt"]
    assert "Regnskab 2022" in read.items[0].case and "Kassereren gennemgår regnskabet." in read.items[0].case


def test_lines_moved_into_the_header_and_the_participants_are_read_there() -> None:
    corrections = (
        item_marks("Velkommen", "Regnskab 2022", "Eventuelt")
        .marked(paragraph_key("Sted: Fælleshuset, Birkevej 2"), 0, Role.HEADER)
        .marked(paragraph_key("Jens Hansen, kasserer"), 0, Role.PARTICIPANT)
    )
    read = parse_word_agenda(PLAIN, "AGENDA.docx", corrections=corrections).meeting
    assert read.location == "Fælleshuset, Birkevej 2"
    assert [(p.name, p.role) for p in read.participants] == [("Jens Hansen", "kasserer")]
    assert "Fælleshuset" not in read.items[1].case and "Jens Hansen" not in read.items[1].case


def test_title_date_times_and_an_items_title_are_the_secretarys() -> None:
    corrections = Corrections(
        marks=(Mark(paragraph_key("Velkommen"), 0, Role.ITEM, "Velkomst ved formanden"),),
        title="Ordinært bestyrelsesmøde",
        date=date(2023, 9, 6),
        start=time(18, 30),
        end=time(20, 0),
    )
    corrections = corrections.marked(paragraph_key("Eventuelt"), 0, Role.ITEM)
    read = parse_word_agenda(PLAIN, "AGENDA.docx", corrections=corrections).meeting
    assert (read.title, read.date, read.start, read.end) == (
        "Ordinært bestyrelsesmøde", date(2023, 9, 6), time(18, 30), time(20, 0),
    )  # fmt: skip
    assert [i.title for i in read.items] == ["Velkomst ved formanden", "Eventuelt"]


def test_corrections_apply_again_to_an_updated_document_and_a_lost_one_is_said() -> None:
    corrections = item_marks("Velkommen", "Regnskab 2022", "Eventuelt")
    updated = document(
        "Bestyrelsesmøde i Skovbrynet",
        "Dato: 5. september 2023 kl. 19.00",
        "Husk at melde afbud.",  # a paragraph added above
        "Velkommen",
        "Formanden byder velkommen.",
        "Regnskab 2023",  # the title an item was marked by has changed
        "Kassereren gennemgår regnskabet.",
        "Eventuelt",
    )
    read = parse_word_agenda(updated, "AGENDA.docx", corrections=corrections)
    assert [i.title for i in read.meeting.items] == ["Velkommen", "Eventuelt"]
    assert [m.key for m in read.stale] == [paragraph_key("Regnskab 2022")]
    assert any("no longer applies" in w.message for w in read.warnings)


def test_the_same_text_twice_is_told_apart_by_its_place() -> None:
    data = document(
        "Møde: Bestyrelsen", "Dato: 5. september 2023", "Orientering", "Tekst.", "Orientering", "Mere."
    )
    second = Corrections().marked(paragraph_key("Orientering"), 1, Role.ITEM)
    first = second.marked(paragraph_key("Orientering"), 0, Role.ITEM)
    assert [i.case for i in parse_word_agenda(data, "A.docx", corrections=first).meeting.items] == [
        "Tekst.\n", "Mere.\n",
    ]  # fmt: skip
    only_second = parse_word_agenda(data, "A.docx", corrections=second)
    roles = [p.role for p in only_second.placed if p.text == "Orientering"]
    assert roles[0] is not Role.ITEM and roles[1] is Role.ITEM


def test_corrections_survive_json_and_bad_json_is_no_corrections() -> None:
    corrections = Corrections(
        marks=(
            Mark("velkommen", 0, Role.ITEM, "Velkomst"),
            Mark("jens hansen, kasserer", 2, Role.PARTICIPANT),
        ),
        title="Møde", date=date(2023, 9, 6), start=time(18, 30), meeting=2,
    )  # fmt: skip
    assert Corrections.from_json(corrections.to_json()) == corrections
    assert Corrections.from_json("{not json") == Corrections()
    assert Corrections.from_json('{"marks": [{"key": 1}]}') == Corrections()


def test_the_reading_says_what_each_paragraph_became() -> None:
    corrections = item_marks("Velkommen", "Regnskab 2022", "Eventuelt").marked(
        paragraph_key("Jens Hansen, kasserer"), 0, Role.PARTICIPANT
    )
    read = parse_word_agenda(PLAIN, "AGENDA.docx", corrections=corrections)
    roles = [(p.text, p.role.value, p.item, p.marked) for p in read.placed]
    assert roles == [
        ("Bestyrelsesmøde i Skovbrynet", "header", None, False),
        ("Dato: 5. september 2023 kl. 19.00", "header", None, False),
        ("Velkommen", "item", 1, True),
        ("Formanden byder velkommen.", "text", 1, False),
        ("Regnskab 2022", "item", 2, True),
        ("Kassereren gennemgår regnskabet.", "text", 2, False),
        ("Sted: Fælleshuset, Birkevej 2", "text", 2, False),
        ("Jens Hansen, kasserer", "participant", None, True),
        ("Eventuelt", "item", 3, True),
    ]
