"""More forms found in real agendas, each in a small document of its own."""

from __future__ import annotations

import io
from datetime import date, time

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from referent.importing.word import parse_word_agenda
from referent.model import Attendance

W = nsdecls("w")
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


class Doc:
    """A small .docx written line by line, with raw WordprocessingML where python-docx has no API."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.document.core_properties.comments = ""

    def p(self, text: str = "", style: str | None = None, *, bold: bool = False) -> Doc:
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(text).bold = bold or None
        return self

    def table(self, *rows: list[str]) -> Doc:
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, texts in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                for index, line in enumerate(text.split("\n")):
                    paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                    paragraph.add_run(line)
        return self

    def xml(self, body: str) -> Doc:
        end = self.document.element.body[-1]
        end.addprevious(parse_xml(body))
        return self

    def read(self):  # type: ignore[no-untyped-def]
        buffer = io.BytesIO()
        self.document.save(buffer)
        return parse_word_agenda(buffer.getvalue(), "AGENDA.docx")


def test_an_overview_table_of_the_items_at_the_top_is_recognised() -> None:
    read = (
        Doc()
        .p("Møde: Direktørforum").p("Dato: 17. april 2023")
        .table(["1.", "Godkendelse af dagsorden", "10.30-10.35"], ["2.", "Handleplan", "10.35-11.30"])
        .p("1. Godkendelse af dagsorden – kl. 10.30 – 10.35", "Heading 1")
        .p("2. Handleplan – kl. 10.35 – 11.30", "Heading 1")
        .read()
    )  # fmt: skip
    assert read.warnings == []
    assert [(i.title, i.start) for i in read.meeting.items] == [
        ("Godkendelse af dagsorden", time(10, 30)), ("Handleplan", time(10, 35)),
    ]  # fmt: skip


def test_participants_given_as_a_table_of_their_own() -> None:
    read = (
        Doc()
        .p("Møde: Direktørforum").p("Dato: 17. april 2023").p("Deltagere:", bold=True)
        .table(["Navn", "Organisation"], ["Bente Graversen", "Aalborg Kommune"], ["Jan Mainz", "Psykiatrien"])
        .p("1. Godkendelse af dagsorden", "Heading 1")
        .read()
    )  # fmt: skip
    assert [(p.name, p.role) for p in read.meeting.participants] == [
        ("Bente Graversen", "Aalborg Kommune"), ("Jan Mainz", "Psykiatrien"),
    ]  # fmt: skip
    assert read.warnings == []


def test_names_in_one_line_tid_og_sted_and_an_afbud_only_person() -> None:
    read = (
        Doc()
        .p("Møde: Klyngestyregruppe Midt")
        .p("Tid og sted: Torsdag den 10. marts 2022 kl. 14.00-15.20, Regionshuset")
        .p("Deltagere: Bente Graversen, Eva Sejersdal Knudsen og Hanne Madsen")
        .p("Afbud: Hanne Madsen og Lisbeth Lagoni")
        .p("Gæster: Ingen")
        .p("1. Orientering", "Heading 1")
        .read()
    )  # fmt: skip
    meeting = read.meeting
    assert (meeting.date, meeting.start, meeting.end, meeting.location) == (
        date(2022, 3, 10), time(14), time(15, 20), "Regionshuset",
    )  # fmt: skip
    names = [(p.name, p.role, p.attendance) for p in meeting.participants]
    assert names == [
        ("Bente Graversen", "", Attendance.UNKNOWN),
        ("Eva Sejersdal Knudsen", "", Attendance.UNKNOWN),
        ("Hanne Madsen", "", Attendance.ABSENT),
        ("Lisbeth Lagoni", "", Attendance.ABSENT),  # named under Afbud only: added, as absent
    ]
    assert meeting.guests == [] and read.warnings == []


def test_an_attendees_line_from_a_video_meeting_is_read_as_its_people_each_once() -> None:
    """Pasted from the meeting program: a name twice and devices among the names. Found in a real
    church council's minutes, where only the secretary was read before."""
    read = (
        Doc()
        .p("All-campus Council Meeting Minutes", bold=True)
        .p("Date: May 14, 2025", bold=True)
        .p("Secretary: Fred Ng")
        .p("Attendees: Pastor Chiu, Stephen Ng, Fred Ng, Eveline’s iPad, Cherry Tang, Iva Yeung, "
           "Cherry Tang, YP iPhone and Sam Yung")
        .p("1. Addressing Misinformation", "Heading 1")
        .read()
    )  # fmt: skip
    assert [p.name for p in read.meeting.participants] == [
        "Pastor Chiu", "Stephen Ng", "Fred Ng", "Eveline’s iPad", "Cherry Tang", "Iva Yeung", "YP iPhone",
        "Sam Yung",
    ]  # fmt: skip
    assert [i.title for i in read.meeting.items] == ["Addressing Misinformation"]


def test_attendees_as_a_bulleted_list_of_role_colon_name() -> None:
    """A real founding meeting's agenda: 'Attendees', then one bullet a person, role first."""
    read = (
        Doc()
        .p("Subsidiary Foundational Meeting", "Title")
        .p("Date: Friday 3 October 2025")
        .p("Attendees", bold=True)
        .p("Director 1 (CEO, Chairperson): Siyabonga Boikhuitso Soko", "List Bullet")
        .p("Co-Founder: Clark Banele Mahlangu", "List Bullet")
        .p("1. Vision Alignment and Introductions", "Heading 1")
        .read()
    )  # fmt: skip
    assert [(p.name, p.role) for p in read.meeting.participants] == [
        ("Siyabonga Boikhuitso Soko", "Director 1"), ("Clark Banele Mahlangu", "Co-Founder"),
    ]  # fmt: skip
    assert not any("not placed" in str(warning) for warning in read.warnings)


def test_an_afbud_line_naming_participants_is_split_at_its_commas() -> None:
    read = (
        Doc()
        .p("Møde: Klyngestyregruppe Midt").p("Dato: 10. marts 2022")
        .p("Deltagere:").p("Bente Graversen, Aalborg Kommune").p("Hanne Madsen, Jammerbugt Kommune")
        .p("Jens Hansen, Region Nordjylland")
        .p("Afbud: Hanne Madsen, Bente Graversen")
        .p("1. Orientering", "Heading 1")
        .read()
    )  # fmt: skip
    assert [p.attendance for p in read.meeting.participants] == [
        Attendance.ABSENT, Attendance.ABSENT, Attendance.UNKNOWN,
    ]  # fmt: skip


def test_date_and_time_on_separate_lines_and_actual_times() -> None:
    read = (
        Doc()
        .p("Møde: Direktørforum").p("Dato: 26. august 2022").p("Tidspunkt: kl. 13:00")
        .p("Mødet påbegyndt: kl. 13.04").p("Mødet afsluttet: kl. 14.50").p("Referent: Malene Horsholt")
        .p("Punkt 1: Godkendelse af dagsorden", bold=True)
        .read()
    )  # fmt: skip
    meeting = read.meeting
    assert (meeting.date, meeting.start, meeting.end) == (date(2022, 8, 26), time(13), None)
    assert (meeting.actual_start, meeting.actual_end, meeting.secretary) == (
        time(13, 4), time(14, 50), "Malene Horsholt",
    )  # fmt: skip
    assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden"]


def test_lukkede_punkter_closes_the_items_after_it() -> None:
    read = (
        Doc()
        .p("Møde: Byrådet").p("Dato: 13. marts 2023").p("Åbne punkter", "Heading 1")
        .p("1. Godkendelse af dagsorden", "Heading 2").p("Dagsordenen godkendes.")
        .p("Lukkede punkter", "Heading 1")
        .p("2. Personalesag", "Heading 2").p("3. Ejendomskøb", "Heading 2")
        .read()
    )  # fmt: skip
    assert [(i.title, i.closed) for i in read.meeting.items] == [
        ("Godkendelse af dagsorden", False), ("Personalesag", True), ("Ejendomskøb", True),
    ]  # fmt: skip
    assert read.meeting.items[0].case == "Dagsordenen godkendes.\n"
    assert read.warnings == []


def test_a_heading_above_the_items_level_is_kept_and_reported() -> None:
    read = (
        Doc()
        .p("Møde: Byrådet").p("Dato: 13. marts 2023")
        .p("1. Godkendelse af dagsorden", "Heading 2")
        .p("Punkter til orientering", "Heading 1")  # ¶4
        .p("2. Status", "Heading 2")
        .read()
    )  # fmt: skip
    assert [p.render("AGENDA.docx") for p in read.warnings] == [
        "AGENDA.docx:¶4: a heading above the items' level was kept in item 1's case text: "
        '"Punkter til orientering"'
    ]
    assert read.meeting.items[0].case == "**Punkter til orientering**\n"  # Heading 1 is bold


def test_content_controls_tracked_changes_and_links_are_read_as_word_shows_them() -> None:
    link = (
        f'<w:p {W} {R}><w:r><w:t xml:space="preserve">Se </w:t></w:r>'
        '<w:hyperlink r:id="rIdLink"><w:r><w:t>lovforslaget</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="x"><w:r><w:t xml:space="preserve"> i dag</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="x"><w:r><w:delText> slettet</w:delText></w:r></w:del>'
        '<w:r><w:t>.</w:t></w:r></w:p>'
    )  # fmt: skip
    doc = Doc().p("Møde: Byrådet").p("Dato: 13. marts 2023")
    doc.xml(
        f'<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        "<w:r><w:t>1. Lovforslag om sundhedsklynger</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    doc.xml(link)
    doc.document.part.rels.add_relationship(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        "https://example.org/lov",
        "rIdLink",
        is_external=True,
    )
    read = doc.read()
    [item] = read.meeting.items
    assert item.title == "Lovforslag om sundhedsklynger"
    assert item.case == "Se [lovforslaget](https://example.org/lov) i dag.\n"


def test_word_numbering_with_its_own_words_and_a_time_on_its_own_line() -> None:
    doc = Doc()
    numbering = doc.document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="Punkt %1:"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    doc.p("Møde: Byrådet").p("Dato: 13. marts 2023")
    for title in ("Godkendelse af dagsorden", "Eventuelt"):
        doc.xml(
            f'<w:p {W}><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/>'
            f'<w:numId w:val="77"/></w:numPr></w:pPr><w:r><w:t>{title}</w:t></w:r></w:p>'
        )
        doc.p("Kl. 10.00 - 10.15").p("Ansvarlig: Formanden")
    read = doc.read()
    assert [(i.title, i.start, i.end, i.presenter) for i in read.meeting.items] == [
        ("Godkendelse af dagsorden", time(10), time(10, 15), "Formanden"),
        ("Eventuelt", time(10), time(10, 15), "Formanden"),
    ]


def test_an_agenda_that_is_one_numbered_list() -> None:
    read = (
        Doc()
        .p("Dagsorden", "Title").p("Møde: Bestyrelsen").p("Dato: 5. september 2023")
        .p("Godkendelse af dagsorden", "List Number").p("Valg af dirigent", "List Number")
        .p("Der foreslås Jens Hansen.").p("Eventuelt", "List Number")
        .read()
    )  # fmt: skip
    assert [i.title for i in read.meeting.items] == [
        "Godkendelse af dagsorden",
        "Valg af dirigent",
        "Eventuelt",
    ]
    assert read.meeting.items[1].case == "Der foreslås Jens Hansen.\n"


def test_recommendation_written_as_one_sentence_and_as_plain_points() -> None:
    read = (
        Doc()
        .p("Møde: Direktørforum").p("Dato: 17. april 2023")
        .p("1. Dagsorden", "Heading 1").p("Indstilling", bold=True)
        .p("Det indstilles, at Direktørforum godkender dagsordenen.")
        .p("2. Handleplan", "Heading 1").p("Indstilling:", bold=True)
        .p("Godkender handleplanen").p("Drøfter midlerne")
        .p("3. Akutplan", "Heading 1").p("Indstilling", "Heading 2")
        .p("a) Drøfter planen").p("b) Udpeger en gruppe")
        .read()
    )  # fmt: skip
    first, second, third = read.meeting.items
    assert (
        read.meeting.recommendation_intro(first) == "Det indstilles, at Direktørforum godkender dagsordenen."
    )
    assert first.recommendation.points == []
    assert second.recommendation.points == ["Godkender handleplanen", "Drøfter midlerne"]
    assert third.recommendation.points == ["Drøfter planen", "Udpeger en gruppe"]
    assert third.recommendation.numbering.value == "a"


def test_an_agenda_that_is_a_table_one_row_per_item() -> None:
    read = (
        Doc()
        .p("Dagsorden", "Title").p("Møde: Bestyrelsen").p("Dato: 5. september 2023")
        .table(
            ["Punkt", "Emne", "Tid", "Ansvarlig", "Indstilling"],  # ¶4–8
            ["1", "Godkendelse af dagsorden", "18.00-18.05", "Formanden", "Godkendes"],  # ¶9–13
            ["", "Pause", "", "", ""],  # ¶14–18
            ["2", "Regnskab 2022\nRegnskabet viser et overskud.", "18.05-18.30", "Bo Jensen", "Godkendes"],
            ["3.", "Eventuelt", "18.30", "", ""],
        )
        .read()
    )  # fmt: skip
    items = read.meeting.items
    assert [(i.title, i.start, i.end, i.presenter) for i in items] == [
        ("Godkendelse af dagsorden", time(18), time(18, 5), "Formanden"),
        ("Regnskab 2022", time(18, 5), time(18, 30), "Bo Jensen"),
        ("Eventuelt", time(18, 30), None, ""),
    ]
    assert [i.recommendation.short for i in items] == ["Godkendes", "Godkendes", ""]
    assert [i.case for i in items] == ["Pause\n", "Regnskabet viser et overskud.\n", ""]
    assert [p.render("AGENDA.docx") for p in read.warnings] == [
        "AGENDA.docx:¶15 (table 1, row 3, column 2): a row of the agenda table without an item number "
        'was kept in the item above: "Pause"'
    ]


def test_naeste_moede_can_be_an_item_of_its_own() -> None:
    read = (
        Doc()
        .p("Møde: Bestyrelsen").p("Dato: 5. september 2023")
        .p("Godkendelse af dagsorden", "Heading 1").p("Næste møde", "Heading 1").p("Aftales på mødet.")
        .read()
    )  # fmt: skip
    assert [i.title for i in read.meeting.items] == ["Godkendelse af dagsorden", "Næste møde"]
    assert read.meeting.items[1].case == "Aftales på mødet.\n"


# --- the meeting's title as the page gives it -------------------------------------------------


def title_of(doc: Doc) -> str:
    return str(doc.p("1. Velkommen", "Heading 1").read().meeting.title)


def test_meeting_agenda_at_the_top_is_the_documents_kind_and_its_title_when_nothing_else_is() -> None:
    """'Meeting Agenda' was read as the label Meeting with the value 'Agenda'."""
    doc = Doc().p("Meeting Agenda", bold=True).p("Location: Room 227").p("Date: 1/20/17")
    assert title_of(doc) == "Meeting Agenda"


def test_a_title_styled_cell_beside_the_kind_is_the_title() -> None:
    doc = Doc().table(["Orange Team", "DATE: February 6, 2026"]).p("MEETING AGENDA", "Heading 1")
    doc.document.tables[0].rows[0].cells[0].paragraphs[0].style = "Title"
    assert title_of(doc) == "Orange Team"


def test_the_kind_in_front_of_or_behind_the_title_is_left_out() -> None:
    assert title_of(
        Doc().p("Agenda of 2018 Feb Deep Learning Sydney Meet-up", bold=True).p("Date: 26/02/2018")
    ) == ("2018 Feb Deep Learning Sydney Meet-up")
    assert title_of(Doc().p("Battleship Project Meeting |Minutes", "Title").p("Date: 5/4/2018")) == (
        "Battleship Project Meeting"
    )
    assert (
        title_of(Doc().p("Direktørforum – dagsorden", "Title").p("Dato: 17. april 2023")) == "Direktørforum"
    )


def test_a_date_line_is_not_the_title_and_the_body_is_when_no_title_is_given() -> None:
    lines = Doc().p("DRAFT AGENDA", bold=True).p("Day 1: Monday, November 29, 2021", bold=True)
    read = lines.p("1. Welcome", "Heading 1").read()
    assert (read.meeting.title, read.meeting.date) == ("DRAFT AGENDA", date(2021, 11, 29))
    assert title_of(Doc().p("Møteprotokoll").p("Utvalg: Formannskapet").p("Tid: 14.03.2023 kl. 10:00")) == (
        "Formannskapet"
    )


def test_the_place_named_right_after_the_time_in_a_date_line_or_sentence_is_where_the_meeting_is() -> None:
    def place(line: str) -> str:
        return str(
            Doc()
            .p("Møde i Ældrerådet", bold=True)
            .p(line)
            .p("1. Velkommen", "Heading 1")
            .read()
            .meeting.location
        )

    assert place(
        "Mødet afholdes den 16. marts 2021 kl. 13.00 i mødelokale 2, Rådhuset. Der er kaffe fra kl. 12.45."
    ) == ("mødelokale 2, Rådhuset")
    assert (
        place("Thursday 9 May 2024 at 7.30pm in the Village Hall, Church Road") == "Village Hall, Church Road"
    )
    assert place("Reunión el 9 de mayo de 2024 a las 17:00 en segunda convocatoria") == ""  # no place named


def test_the_time_on_a_line_of_its_own_a_protocols_beginning_or_the_first_item_starts_the_meeting() -> None:
    def start(doc: Doc) -> time | None:
        return doc.read().meeting.start  # type: ignore[no-any-return]

    below_the_date = Doc().p("Teknik- og Miljøudvalget", bold=True).p("Dato: 23.05.13").p("Kl. 15.00")
    assert start(below_the_date.p("1. Godkendelse", "Heading 1")) == time(15)
    protocol = Doc().p("Protokoll", bold=True).p("Datum: Samstag, 23. März 2024").p("Beginn: 14:00 Uhr")
    assert start(protocol.p("1. Eröffnung", "Heading 1")) == time(14)
    dutch = (
        Doc().p("Agenda algemene ledenvergadering").p("Datum: woensdag 3 april 2024").p("Aanvang: 20.00 uur")
    )
    assert start(dutch.p("Locatie: Buurthuis De Boog").p("1. Opening", "Heading 1")) == time(20)
    programme = Doc().p("Budgetseminar", bold=True).p("Dato: 2. maj 2024")
    assert start(
        programme.table(["Tid", "Punkt"], ["17.00-18.00", "Ankomst"], ["18.00-18.30", "Velkomst"])
    ) == time(17)


def test_a_letterhead_is_who_writes_not_the_meetings_name() -> None:
    """A municipality's or district's name at the top of the page: the title below it, or the
    body the header names, is the meeting's."""
    school = (
        Doc()
        .p("Lakeview Unified School District", "Title")
        .p("Board of Education – Regular Meeting", "Title")
    )
    assert title_of(school.p("Date: May 9, 2024")) == "Board of Education – Regular Meeting"
    council = Doc().p("Vesterå Kommune", bold=True).p("Dagsorden").p("Udvalg: Kultur- og Fritidsudvalget")
    assert title_of(council.p("Dato: 9. april 2024")) == "Kultur- og Fritidsudvalget"
    stamped = Doc().p("ANSLAG/BEVIS").p("Organ: Kommunstyrelsen").p("Datum: 2024-03-12")
    assert title_of(stamped) == "Kommunstyrelsen"


def test_a_whole_list_of_names_on_the_line_under_the_label_is_each_of_them() -> None:
    """'Til stede:' and, on the next line, the members (a line of its own for a person with her
    organisation, 'Bente Graversen, Aalborg Kommune', stays one person)."""
    read = (
        Doc().p("FAU-møte", bold=True).p("Dato: 12. mars 2024").p("Til stede:")
        .p("Hanne Vik (leder), Ola Berg, Sara Lie, Mohammed Ali, Ingrid Foss, rektor Terje Holm")
        .p("Afbud:").p("Bente Graversen, Aalborg Kommune")
        .p("1. Godkjenning av innkalling", "Heading 1")
        .read()
    )  # fmt: skip
    assert [p.name for p in read.meeting.participants] == [
        "Hanne Vik", "Ola Berg", "Sara Lie", "Mohammed Ali", "Ingrid Foss", "rektor Terje Holm",
        "Bente Graversen",
    ]  # fmt: skip
    assert read.meeting.participants[-1].role == "Aalborg Kommune"
