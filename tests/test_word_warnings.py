"""Nothing in a Word agenda is silently dropped: loose text is kept and reported with its ¶."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path

import docx
from docx.table import Table

from referent.importing.word import parse_word_agenda, read_word_agenda
from referent.problems import Problem

Entry = str | tuple[str, str] | list[list[str]]


def agenda(*entries: Entry, created: date | None = date(2023, 3, 1)) -> bytes:
    """A .docx: ``"text"`` a paragraph, ``("Heading 1", text)`` or ``("bold", text)``; rows a table."""
    document = docx.Document()
    for entry in entries:
        if isinstance(entry, list):
            table = document.add_table(rows=len(entry), cols=len(entry[0]))
            for row, texts in zip(table.rows, entry, strict=True):
                for cell, text in zip(row.cells, texts, strict=True):
                    cell.paragraphs[0].add_run(text)
        elif isinstance(entry, tuple) and entry[0] == "bold":
            document.add_paragraph().add_run(entry[1]).bold = True
        elif isinstance(entry, tuple):
            document.add_paragraph(entry[1], style=entry[0])
        else:
            document.add_paragraph(entry)
    if created is not None:  # python-docx's blank template otherwise says 2013, and is known to
        document.core_properties.created = datetime(created.year, created.month, created.day)
        document.core_properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HEADER: list[list[str]] = [
    ["Møde", "Direktørforum"],
    ["Tid", "Mandag den 13. marts 2023 kl. 10.00 – 12.00"],
    ["Sted", "Mødelokale D"],
]


def rendered(problems: list[Problem]) -> list[str]:
    return [p.render("AGENDA.docx") for p in problems]


def test_text_before_the_first_item_is_kept_and_named_by_its_paragraph() -> None:
    data = agenda(
        "Sundhedsklynge Midt",  # ¶1
        HEADER,  # ¶2–7
        "",  # ¶8
        "Husk at melde afbud til sekretariatet.",  # ¶9
        ("Heading 1", "1. Godkendelse af dagsorden"),  # ¶10
        "Dagsordenen godkendes.",
        ("Heading 1", "2. Eventuelt"),
    )
    read = parse_word_agenda(data, "AGENDA.docx")
    assert rendered(read.warnings) == [
        'AGENDA.docx:¶1: text before the first item was not placed: "Sundhedsklynge Midt" '
        "(kept in item 1's case text)",
        'AGENDA.docx:¶9: text before the first item was not placed: "Husk at melde afbud til sekretariatet." '
        "(kept in item 1's case text)",
    ]
    assert read.meeting.items[0].case == (
        "Sundhedsklynge Midt\n\nHusk at melde afbud til sekretariatet.\n\nDagsordenen godkendes.\n"
    )
    assert read.meeting.title == "Direktørforum" and read.meeting.location == "Mødelokale D"


def test_text_after_the_last_item_is_kept_and_the_next_meeting_is_read() -> None:
    data = agenda(
        HEADER,
        ("Heading 1", "1. Godkendelse af dagsorden"),  # ¶7
        ("Heading 1", "2. Eventuelt"),  # ¶8
        "Intet.",  # ¶9
        "Næste møde: 24. maj 2023 kl. 14.00",  # ¶10
        "Med venlig hilsen",  # ¶11
        "Sekretariatet",  # ¶12
    )
    read = parse_word_agenda(data, "AGENDA.docx")
    assert rendered(read.warnings) == [
        f'AGENDA.docx:¶{n}: text after the last item was not placed: "{text}" (kept in item 2\'s case text)'
        for n, text in ((11, "Med venlig hilsen"), (12, "Sekretariatet"))
    ]
    assert read.meeting.next_meeting == "24. maj 2023 kl. 14.00"
    assert read.meeting.items[1].case == "Intet.\n\nMed venlig hilsen\n\nSekretariatet\n"


def test_a_paragraph_number_counts_table_cells_in_document_order() -> None:
    """¶ is python-docx's iter_inner_content order with every table cell's paragraphs counted."""
    data = agenda(HEADER, "", "Løs tekst", ("Heading 1", "1. Punkt"), "")
    document = docx.Document(io.BytesIO(data))
    expected = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            expected += sum(len(cell.paragraphs) for row in block.rows for cell in row.cells)
        else:
            expected += 1
            if block.text == "Løs tekst":
                break
    [warning] = parse_word_agenda(data, "AGENDA.docx").warnings
    assert warning.paragraph == expected == 8


def test_text_after_a_recommendation_list_goes_to_the_case_text_with_a_warning() -> None:
    document = docx.Document()
    document.add_paragraph("Møde: Direktørforum")
    document.add_paragraph("Dato: 13. marts 2023")
    document.add_heading("1. Handleplan", 1)  # ¶3
    document.add_paragraph("Baggrunden er kendt.")
    document.add_paragraph("Det indstilles, at Direktørforum:")
    document.add_paragraph("Godkender handleplanen", style="List Number")
    document.add_paragraph("Sagen har været drøftet i Chefforum.")  # ¶7
    buffer = io.BytesIO()
    document.save(buffer)
    read = parse_word_agenda(buffer.getvalue(), "AGENDA.docx")
    assert rendered(read.warnings) == [
        "AGENDA.docx:¶7: text after item 1's recommendation was put into its case text: "
        '"Sagen har været drøftet i Chefforum."'
    ]
    item = read.meeting.items[0]
    assert item.recommendation.points == ["Godkender handleplanen"]
    assert item.case == "Baggrunden er kendt.\n\nSagen har været drøftet i Chefforum.\n"


def test_a_date_without_a_year_takes_it_from_another_date_in_the_document() -> None:
    data = agenda(
        [["Tid", "Fredag d. 9. december kl. 12.00-13.30"]],
        ("Heading 1", "1. Status"),
        "Sagen blev drøftet på mødet den 3. oktober 2022.",
        created=None,
    )
    read = parse_word_agenda(data, "AGENDA.docx")
    assert read.meeting.date == date(2022, 12, 9)  # a Friday
    assert (read.meeting.start, read.meeting.end) == (time(12, 0), time(13, 30))
    assert read.warnings == [] or all("title" in w.message for w in read.warnings)


def test_the_weekday_decides_between_candidate_years() -> None:
    """``Mandag d. 17. april``: 17 April was a Monday in 2023, not in 2022 (the file's creation)."""
    table = [["Møde", "Direktørforum"], ["Tid", "Mandag d. 17. april, kl. 10:30-12:00"]]
    data = agenda(table, ("Heading 1", "1. Punkt"), created=date(2022, 12, 20))
    assert parse_word_agenda(data, "x.docx").meeting.date == date(2023, 4, 17)


def test_a_date_without_a_year_and_nothing_to_take_it_from_is_warned_about() -> None:
    table = [["Møde", "Direktørforum"], ["Tid", "9. december kl. 12.00"]]
    data = agenda(table, ("Heading 1", "1. Punkt"), created=None)
    read = parse_word_agenda(data, "x.docx", today=date(2031, 5, 1))
    assert read.meeting.date == date(2031, 12, 9)
    assert rendered(read.warnings) == [
        'AGENDA.docx:¶4 (table 1, row 2, column 2): the date "9. december kl. 12.00" has no year and none '
        "was found in the document; took 2031"
    ]


def test_no_date_at_all_is_taken_from_the_file_name_and_said(tmp_path: Path) -> None:
    path = tmp_path / "2023-04-17 Dagsorden Direktørforum.docx"
    path.write_bytes(agenda([["Møde", "Direktørforum"]], ("Heading 1", "1. Punkt"), created=None))
    read = read_word_agenda(path)
    assert read.meeting.date == date(2023, 4, 17)
    assert rendered(read.warnings) == [
        "AGENDA.docx: no meeting date was found in the document; "
        "took Monday 17 April 2023 from the file name"  # in the language of the message
    ]


def test_no_title_is_taken_from_the_file_name_and_said(tmp_path: Path) -> None:
    path = tmp_path / "Direktørforum april.docx"
    path.write_bytes(agenda([["Tid", "17. april 2023"]], ("Heading 1", "1. Punkt")))
    read = read_word_agenda(path)
    assert read.meeting.title == "Direktørforum april"
    assert 'took "Direktørforum april" from the file name' in read.warnings[0].message


def test_item_numbers_that_jump_are_warned_about() -> None:
    data = agenda(HEADER, ("Heading 1", "1. Første"), ("Heading 1", "2. Anden"), ("Heading 1", "4. Fjerde"))
    read = parse_word_agenda(data, "AGENDA.docx")
    assert [i.title for i in read.meeting.items] == ["Første", "Anden", "Fjerde"]
    assert rendered(read.warnings) == [
        "AGENDA.docx:¶9: item numbers go from 2 to 4; referent numbers the items 1 to 3 in their order"
    ]


def test_an_overview_of_the_items_at_the_top_is_not_reported() -> None:
    """Many agendas list the items first, then describe them: the list repeats, it is not lost."""
    data = agenda(
        HEADER,
        ("bold", "Dagsorden"),
        "1. Godkendelse af dagsorden – kl. 10.00",
        "2. Handleplan",
        ("Heading 1", "1. Godkendelse af dagsorden – kl. 10.00 – 10.05"),
        ("Heading 1", "2. Handleplan"),
    )
    read = parse_word_agenda(data, "x.docx")
    assert read.warnings == []
    assert read.meeting.items[0].case == ""


def test_problems_still_render_with_lines_and_without_positions() -> None:
    assert Problem(3, "wrong").render("m.toml") == "m.toml:3: wrong"
    assert Problem(None, "empty").render("m.toml") == "m.toml: empty"
    assert Problem(None, "loose", paragraph=57).render("AGENDA.docx") == "AGENDA.docx:¶57: loose"
    assert Problem(3, "wrong") == Problem(line=3, message="wrong", paragraph=None)
