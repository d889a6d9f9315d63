"""The Word reader's pieces: Danish dates and lines, Word's list numbering, Markdown from runs."""

from __future__ import annotations

from datetime import time

import pytest
from lxml import etree

from referent.dates import parse_when
from referent.importing.word.danishtext import (
    is_group_heading,
    item_number,
    parse_person,
    presenter_line,
    split_names,
    split_title,
    time_line,
)
from referent.importing.word.document import Para, Span, Table
from referent.importing.word.header import label_of
from referent.importing.word.markdown import to_markdown
from referent.importing.word.numbering import ListCounter
from referent.importing.word.styles import StyleSheet
from referent.model import Attendance


@pytest.mark.parametrize(
    ("text", "day", "month", "year", "weekday", "start", "end"),
    [
        ("Mandag den 13. marts 2023 kl. 14.30 – 16.30", 13, 3, 2023, 0, "14.30", "16.30"),
        ("Fredag d. 9. december kl. 12.00-13.30", 9, 12, None, 4, "12.00", "13.30"),
        ("26. august 2022", 26, 8, 2022, None, None, None),
        ("kl. 13:00", None, None, None, None, "13.00", None),
        ("10. marts 2022 kl. 14.00-15.20", 10, 3, 2022, None, "14.00", "15.20"),
        ("Mandag d. 17. april, kl. 10:30-12:00", 17, 4, None, 0, "10.30", "12.00"),
        ("13.03.2023 kl. 9-11", 13, 3, 2023, None, "09.00", "11.00"),
        ("Tirsdag den 5. sep. 2023 kl. 8.30", 5, 9, 2023, 1, "08.30", None),
        ("onsdag 1/2-24, fra kl. 10 til 12", 1, 2, 2024, 2, "10.00", "12.00"),
        ("2023-03-13", 13, 3, 2023, None, None, None),
    ],
)
def test_danish_dates_and_times_as_councils_write_them(
    text: str, day: int, month: int, year: int | None, weekday: int | None, start: str | None, end: str | None
) -> None:
    when = parse_when(text)
    clock = lambda t: t.strftime("%H.%M") if t else None  # noqa: E731
    assert (when.day, when.month, when.year, when.weekday) == (day, month, year, weekday)
    assert (clock(when.start), clock(when.end)) == (start, end)
    assert when.rest == ""


@pytest.mark.parametrize("text", ["Sundhedsaftalen 2019-2023", "punkt 3-4 udgår", "side 12"])
def test_numbers_that_are_no_times_stay_text(text: str) -> None:
    when = parse_when(text)
    assert (when.start, when.has_date) == (None, False)


def test_what_is_neither_date_nor_time_is_kept() -> None:
    assert parse_when("Mandag den 13. marts 2023 kl. 14, Regionshuset").rest == "Regionshuset"


@pytest.mark.parametrize(
    ("heading", "number", "title", "start", "end", "presenter"),
    [
        ("2. Drøftelse af 1. udkast til ny Sundhedsaftale – kl. 14.35 – 15.00", 2,
         "Drøftelse af 1. udkast til ny Sundhedsaftale", time(14, 35), time(15, 0), ""),
        ("3) Årsstatus 2021 for Klynge Midt v/ sekretariatet", 3, "Årsstatus 2021 for Klynge Midt",
         None, None, "sekretariatet"),
        ("Punkt 4: Eventuelt (kl. 10.00-10.30)", 4, "Eventuelt", time(10), time(10, 30), ""),
        ("Pkt. 5 Godkendelse kl. 10.00", 5, "Godkendelse", time(10), None, ""),
        ("Sundhedsaftalen 2019-2023", None, "Sundhedsaftalen 2019-2023", None, None, ""),
        ("24. maj holdes mødet", None, "24. maj holdes mødet", None, None, ""),
        ("1.5 mio. kr. til indsatsen", None, "1.5 mio. kr. til indsatsen", None, None, ""),
    ],
)  # fmt: skip
def test_item_headings_give_number_title_slot_and_presenter(
    heading: str, number: int | None, title: str, start: time | None, end: time | None, presenter: str
) -> None:
    found, rest = item_number(heading)
    assert found == number
    assert split_title(rest) == (title, start, end, presenter)


@pytest.mark.parametrize(
    ("line", "who"),
    [("v / Eva Sejersdal Knudsen", "Eva Sejersdal Knudsen"), ("v/ Jens Ravnholt", "Jens Ravnholt"),
     ("v/sekretariatet", "sekretariatet"), ("Ved: Bente Graversen", "Bente Graversen"),
     ("Oplæg ved Mikkel Grimmeshave", "Mikkel Grimmeshave"), ("Ansvarlig: Chefforum", "Chefforum"),
     ("Ved mødet drøftes sagen", None), ("vi drøfter", None)],
)  # fmt: skip
def test_presenter_lines(line: str, who: str | None) -> None:
    assert presenter_line(line) == who


@pytest.mark.parametrize(
    ("line", "slot"),
    [("kl. 14.35 – 15.00", (time(14, 35), time(15))), ("(10.00-10.30)", (time(10), time(10, 30))),
     ("Tid: kl. 9", (time(9), None)), ("2019", None), ("12 deltagere", None)],
)  # fmt: skip
def test_time_slots_on_their_own_line(line: str, slot: tuple[time, time | None] | None) -> None:
    assert time_line(line) == slot


def test_participant_lines_with_roles_markers_and_absences() -> None:
    person = parse_person("Mads Duedahl, regionsrådsformand, Region Nordjylland (medformand)")
    assert (person.name, person.role, person.marker) == (
        "Mads Duedahl", "regionsrådsformand, Region Nordjylland", "medformand",
    )  # fmt: skip
    person = parse_person("Lisbeth Lagoni – Jan Nybo deltager i hendes sted")
    assert (person.name, person.attendance, person.substitute) == (
        "Lisbeth Lagoni",
        Attendance.ABSENT,
        "Jan Nybo",
    )
    person = parse_person("Ib Nellemann, formand (medformand, afbud – Jan Nybo deltager i stedet)")
    assert (person.marker, person.attendance, person.substitute) == (
        "medformand",
        Attendance.ABSENT,
        "Jan Nybo",
    )
    assert parse_person("Ole Stavad (via Teams)").attendance is Attendance.REMOTE
    assert parse_person("Jens Hansen i hans sted").name == "Jens Hansen i hans sted"  # no dash: a name
    late = parse_person("Henrik Ravn, chef (deltog fra punkt 2, deltog til og med punkt 5)")
    assert (late.arrived_at, late.left_after, late.marker) == (2, 5, "")


@pytest.mark.parametrize(
    ("line", "group"),
    [("Administrativ deltagelse", True), ("Sekretariat", True),
     ("Udvalgsformænd med observatørstatus:", True), ("Fra kommunerne", True), ("Staff:", True),
     ("Jan Mainz", False), ("Ludwig van Beethoven", False),
     ("Bente Graversen, Aalborg Kommune", False), ("Jens Hansen (formand)", False)],
)  # fmt: skip
def test_group_headings_are_told_from_people(line: str, group: bool) -> None:
    assert is_group_heading(line) is group


def test_names_with_their_party_or_role_beside_them_are_split_and_sentences_are_not() -> None:
    members = "Kirsten Aagaard (formand), Jørn Bak (næstformand), Else Dam, sognepræst Maria Lund"
    assert split_names(members) == [
        "Kirsten Aagaard (formand)", "Jørn Bak (næstformand)", "Else Dam", "sognepræst Maria Lund",
    ]  # fmt: skip
    assert split_names("John Riis (V), formand, Anette Lauritsen (A), Kim Bonde (C)") == [
        "John Riis (V), formand", "Anette Lauritsen (A)", "Kim Bonde (C)",
    ]  # fmt: skip
    inline_groups = "Forældre: Maria Dahl (formand), Kasper Friis, Lars Bro. Elever: Ida (9.b), Malte (8.a)"
    assert split_names(inline_groups) == [inline_groups]  # reported as not placed, not guessed


def test_a_role_before_or_after_a_colon_is_the_persons_role() -> None:
    """As a member list is often typed: the role, a colon, the name (or the other way round)."""
    person = parse_person("Director 1 (CEO, Chairperson): Siyabonga Boikhuitso Soko")
    assert (person.name, person.role, person.marker) == (
        "Siyabonga Boikhuitso Soko",
        "Director 1",
        "CEO, Chairperson",
    )
    assert parse_person("Co-Founder: Clark Banele Mahlangu").name == "Clark Banele Mahlangu"
    assert parse_person("Næstformand: Jes Lunde").role == "Næstformand"
    after = parse_person("Jes Lunde: næstformand")
    assert (after.name, after.role) == ("Jes Lunde", "næstformand")
    assert parse_person("Mette Bolvig: Jes Lunde").name == "Mette Bolvig: Jes Lunde"  # two names: not guessed


def test_no_span_of_times_reaches_across_the_date() -> None:
    """``nr. 5 –`` before the date and ``kl. 19.00`` after it were read as 5.00–19.00."""
    when = parse_when("Møde nr. 5 – onsdag 2. okt. 2024 kl. 19.00 i Sognehuset")
    assert (when.day, when.month, when.start, when.end) == (2, 10, time(19), None)
    assert parse_when("torsdag 3. maj 2024 14.00–16.00").end == time(16)


def test_a_room_named_by_its_kind_is_the_whole_place() -> None:
    assert label_of("Mødelokale B, Rådhuset") == ("location", "Mødelokale B, Rådhuset")
    assert label_of("Sted Mødelokale D") == ("location", "Mødelokale D")


def test_names_in_one_line_are_split_but_a_role_is_not() -> None:
    assert split_names("Mads Duedahl, Jes Lunde og Ole Stavad") == ["Mads Duedahl", "Jes Lunde", "Ole Stavad"]
    assert split_names("Bente Graversen, Aalborg Kommune") == ["Bente Graversen, Aalborg Kommune"]
    assert split_names("Jan Mainz, direktør, Psykiatrien") == ["Jan Mainz, direktør, Psykiatrien"]


def test_a_long_list_of_names_is_split_even_where_a_part_is_a_device_and_in_english() -> None:
    """A video meeting's participant list, pasted: names, one of them twice, and a device or two."""
    zoom = "Pastor Chiu, Stephen Ng, Fred Ng, Eveline’s iPad, Cherry Tang, Iva Yeung, YP iPhone, Elsa U"
    assert split_names(zoom) == [part.strip() for part in zoom.split(",")]
    assert split_names("Mary Smith and John Jones") == ["Mary Smith", "John Jones"]
    assert split_names("Anna Berg och Olle Lind") == ["Anna Berg", "Olle Lind"]
    mostly_words = "Budget, drift, anlæg, Ole Stavad, personale"  # a sentence, not a list of people
    assert split_names(mostly_words) == [mostly_words]


# -- numbering.xml ------------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(body: str) -> ListCounter:
    root = etree.fromstring(f'<w:numbering xmlns:w="{W}">{body}</w:numbering>')
    return ListCounter(root, StyleSheet(None))


def abstract(abstract_id: int, *levels: tuple[str, str]) -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def num(num_id: int, abstract_id: int, restart: bool = False) -> str:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def test_lists_sharing_a_definition_count_on_unless_restarted() -> None:
    counter = numbering(abstract(1, ("decimal", "%1.")) + num(1, 1) + num(2, 1) + num(3, 1, restart=True))
    labels = [counter.next(n, 0).label for n in ("1", "1", "2", "3", "3")]  # type: ignore[union-attr]
    assert labels == ["1.", "2.", "3.", "1.", "2."]


def test_levels_letters_compound_numbers_and_bullets() -> None:
    counter = numbering(
        abstract(1, ("decimal", "%1."), ("lowerLetter", "%2)"), ("decimal", "%1.%2.%3"))
        + abstract(2, ("bullet", "\uf0b7"), ("none", ""))
        + num(1, 1) + num(2, 2)
    )  # fmt: skip
    sequence = [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("2", 0), ("2", 1)]
    found = [counter.next(n, level) for n, level in sequence]
    # each level shows its own format, as Word does (without isLgl): "1.b.1"
    assert [f.label if f else None for f in found] == ["1.", "a)", "b)", "1.b.1", "2.", "a)", "•", None]
    assert [f.kind if f else None for f in found] == [
        "number", "letter", "letter", "number", "number", "letter", "bullet", None,
    ]  # fmt: skip


def test_an_unknown_or_zero_list_is_no_list() -> None:
    counter = numbering(abstract(1, ("decimal", "%1.")) + num(1, 1))
    assert counter.next("0", 0) is None
    assert counter.next("7", 0) is None


# -- Markdown -----------------------------------------------------------------------------
def para(*spans: Span | str, **fields: object) -> Para:
    return Para(1, [s if isinstance(s, Span) else Span(s) for s in spans], **fields)  # type: ignore[arg-type]


def test_bold_italic_and_links_become_markdown() -> None:
    text = to_markdown([para("Se ", Span("handleplanen ", bold=True), Span("her", link="https://x.dk/a b"),
                             " og ", Span("bilag 1", italic=True), ".")])  # fmt: skip
    assert text == "Se **handleplanen** [her](https://x.dk/a%20b) og *bilag 1*.\n"


def test_markdown_characters_in_the_text_are_escaped() -> None:
    text = to_markdown(
        [para("2 * 3 = 6 og _vigtigt_"), para("1. udkast blev sendt ud."), para("# 5 medlemmer")]
    )
    assert text == "2 \\* 3 = 6 og \\_vigtigt\\_\n\n1\\. udkast blev sendt ud.\n\n\\# 5 medlemmer\n"


def test_typed_markers_become_lists_and_dates_do_not() -> None:
    blocks = [para("• første"), para("\t– under"), para("• anden"), para("24. maj holdes mødet"),
              para("1. Godkender"), para("2. Drøfter")]  # fmt: skip
    assert (
        to_markdown(blocks)
        == "- første\n  - under\n- anden\n\n24. maj holdes mødet\n\n1. Godkender\n2. Drøfter\n"
    )


def test_a_line_break_is_a_hard_break() -> None:
    assert to_markdown([para("Første linje\nAnden linje")]) == "Første linje\\\nAnden linje\n"


def test_a_table_is_a_pipe_table_without_the_header_bold() -> None:
    def cell(*paragraphs: Para) -> object:
        from referent.importing.word.document import Cell

        return Cell(list(paragraphs))

    table = Table(1, [[cell(para(Span("Tema", bold=True))), cell(para(Span("Indsats", bold=True)))],
                      [cell(para("Lighed")), cell(para("A | B"), para("C"))]])  # type: ignore[list-item]  # fmt: skip
    assert to_markdown([table]) == "| Tema | Indsats |\n|---|---|\n| Lighed | A \\| B C |\n"


def test_a_symbol_run_shows_the_glyph_a_list_level_with_the_same_bullet_shows() -> None:
    """One table of Symbol/Wingdings bullets serves both: ``w:sym`` F076 once came out as ``v``
    while the same bullet in a list's level text was ``❖``."""
    from referent.importing.word.document import _symbol
    from referent.importing.word.numbering import SYMBOL_BULLETS

    for private, glyph in SYMBOL_BULLETS.items():
        assert _symbol(f"{ord(private):04X}") == glyph
    assert _symbol("F041") == "A"  # a private-use copy of a letter is the letter


@pytest.mark.parametrize(
    ("text", "day", "month", "year", "start", "end", "rest"),
    [
        ("tisdagen den 14 mars 2023 kl. 13.15", 14, 3, 2023, "13.15", None, ""),
        ("tirsdag 14. mars 2023 kl. 10:00", 14, 3, 2023, "10.00", None, ""),
        ("lunes, 15 de marzo de 2023, 10:00 h", 15, 3, 2023, "10.00", None, ""),
        ("Dienstag, 12. März 2024, 10.00 Uhr", 12, 3, 2024, "10.00", None, ""),
        ("April 15, 2024", 15, 4, 2024, None, None, ""),
        ("WEDNESDAY, MARCH 23, 2016", 23, 3, 2016, None, None, ""),
        ("Nov 18 - 22, 2019, Reno, USA", 18, 11, 2019, None, None, "Reno, USA"),
        ("August 4th, 2017", 4, 8, 2017, None, None, ""),
        ("26th/Feb/2018", 26, 2, 2018, None, None, ""),
        ("12-Aug-2022 at 10:00 PM in ZOOM", 12, 8, 2022, "22.00", None, "ZOOM"),
        ("23 January, 2012", 23, 1, 2012, None, None, ""),
        ("23.05.13", 23, 5, 2013, None, None, ""),
        ("16/3/16", 16, 3, 2016, None, None, ""),
        ("24-09-2020", 24, 9, 2020, None, None, ""),
        ("15-17/1-2017", 15, 1, 2017, None, None, ""),
        ("15.-17. januar 2017", 15, 1, 2017, None, None, ""),
        ("20231203 CAG", 3, 12, 2023, None, None, "CAG"),
        ("1/20/17", 20, 1, 2017, None, None, ""),
        ("8/1/15 – 8/2/15", 8, 1, 2015, None, None, ""),
        ("July 21st / 10:00 AM / CONFERENCE ROOM", 21, 7, None, "10.00", None, "CONFERENCE ROOM"),
        ("12.15pm -2pm", None, None, None, "12.15", "14.00", ""),
        ("10:00 am - 12:00 pm ET", None, None, None, "10.00", "12.00", ""),
        ("1pm -2pm", None, None, None, "13.00", "14.00", ""),
        ("15hrs", None, None, None, "15.00", None, ""),
        ("11:00", None, None, None, "11.00", None, ""),
    ],
)  # fmt: skip
def test_dates_and_times_in_the_languages_of_real_meeting_documents(
    text: str,
    day: int | None,
    month: int | None,
    year: int | None,
    start: str | None,
    end: str | None,
    rest: str,
) -> None:
    when = parse_when(text)
    clock = lambda t: t.strftime("%H.%M") if t else None  # noqa: E731
    assert (when.day, when.month, when.year) == (day, month, year)
    assert (clock(when.start), clock(when.end), when.rest) == (start, end, rest)


def test_a_numeric_date_both_readings_allow_keeps_the_american_one_for_the_caller() -> None:
    assert parse_when("8/1/15").month_first == (1, 8)  # 8 January, or August 1st
    assert parse_when("5/4/2018").month_first == (4, 5)
    assert parse_when("20/05/2025").month_first is None  # only one reading is a date
    assert parse_when("23.05.13").month_first is None  # dots are never American
    assert parse_when("1/2-24").month_first is None  # the Danish D/M-YY
