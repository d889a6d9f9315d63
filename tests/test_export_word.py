"""The Word export read back with python-docx: structure, styles, numbering, fields, properties."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from export_support import MINUTES, ListNumbers, document_text, listing, open_docx

from referent.export import export_docx, render
from referent.meetingfile.reader import load_meeting
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


def meeting(**changes: object) -> Meeting:
    """A small meeting exercising every part of the layout."""
    base = Meeting(
        title="3. møde i Testudvalget",
        date=date(2023, 3, 13),
        body="Testudvalget",
        start=time(14, 30),
        end=time(16, 30),
        location="Mødelokale K",
        chair="Jes Lunde",
        secretary="Maja Lynderup Behrmann",
        next_meeting="24. maj 2023 kl. 14.00",
        participants=[
            Participant("Jes Lunde", "rådmand, Aalborg Kommune", "medformand", attendance=Attendance.PRESENT),
            Participant("Ole Stavad", "regionsrådsmedlem", attendance=Attendance.REMOTE),
            Participant(
                "Lisbeth Lagoni", "direktør", group="Administrativ deltagelse", substitute="Jan Nybo"
            ),
            Participant(
                "Jan Mainz",
                "direktør, Psykiatrien",
                group="Administrativ deltagelse",
                attendance=Attendance.ABSENT,
            ),
            Participant(
                "Henrik Ravn",
                "chef",
                group="Administrativ deltagelse",
                attendance=Attendance.PRESENT,
                arrived_at=2,
            ),
            Participant(
                "Bibi Pedersen", "konsulent", group="Sekretariat", attendance=Attendance.PRESENT, left_after=1
            ),
        ],
        guests=[Participant("Louise Weikop", "Aalborg Kommune", attendance=Attendance.PRESENT)],
        items=[
            Item(
                "Godkendelse af dagsorden",
                start=time(14, 30),
                end=time(14, 35),
                recommendation=Recommendation(points=["Godkender dagsordenen"], outcomes=[Outcome.APPROVED]),
                minutes="Indstillingen blev godkendt.",
                status=ItemStatus.TAKEN,
            ),
            Item(
                "Handleplan",
                start=time(14, 35),
                end=time(15, 0),
                presenter="Mikkel Grimmeshave",
                case=(
                    "Indledning med **fed** og *kursiv* tekst.\n\n"
                    "- punkt et\n- punkt to\n  1. under et\n  2. under to\n\n"
                    "| Tema | Indsats |\n|---|---|\n| Lighed | Samarbejde |\n| Øvrige | E-nærhospital |\n"
                ),
                recommendation=Recommendation(
                    points=["Godkender handleplanen", "Godkender midlerne", "Drøfter opfølgningen"],
                    outcomes=[Outcome.APPROVED, None, Outcome.DISCUSSED],
                ),
                attachments=["Handleplan", "Bilag 1: Fordeling af midler"],
                minutes="Handleplanen blev drøftet.\n\n1. første bemærkning\n2. anden bemærkning",
                conflicts=["Jan Mainz"],
                actions=[ActionItem("Sekretariatet beskriver projekterne", "Sekretariatet", "næste møde")],
                status=ItemStatus.TAKEN,
            ),
            Item(
                "Udsat punkt",
                recommendation=Recommendation(points=["Vælger en", "Vælger to"], numbering=Numbering.LETTERS),
                status=ItemStatus.POSTPONED,
            ),
            Item(
                "Eventuelt",
                recommendation=Recommendation(short="Udvalget drøfter emnet"),
                minutes="Ingen bemærkninger",
            ),
        ],
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def body_blocks(document: docx.document.Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def paragraphs(document: docx.document.Document) -> list[Paragraph]:
    return [b for b in body_blocks(document) if isinstance(b, Paragraph)]


def header_rows(document: docx.document.Document) -> dict[str, list[str]]:
    table = body_blocks(document)[0]
    assert isinstance(table, Table)
    return {row.cells[0].text: [p.text for p in row.cells[1].paragraphs] for row in table.rows}


@pytest.fixture(scope="module")
def minutes_doc() -> docx.document.Document:
    return read(render(meeting())[0])


def test_header_block_is_a_borderless_table_with_bold_labels(minutes_doc):
    table = body_blocks(minutes_doc)[0]
    assert isinstance(table, Table)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    for row in table.rows:
        assert all(run.bold for p in row.cells[0].paragraphs for run in p.runs)
    assert list(header_rows(minutes_doc)) == [
        "Møde",
        "Tid",
        "Sted",
        "Mødeleder",
        "Deltagere",
        "Afbud",
        "Gæster",
        "Referent",
    ]


def test_header_values_in_danish(minutes_doc):
    rows = header_rows(minutes_doc)
    assert rows["Møde"] == ["3. møde i Testudvalget"]
    assert rows["Tid"] == ["Mandag den 13. marts 2023 kl. 14.30 – 16.30"]
    assert rows["Sted"] == ["Mødelokale K"]
    assert rows["Mødeleder"] == ["Jes Lunde"]
    assert rows["Referent"] == ["Maja Lynderup Behrmann"]
    assert rows["Gæster"] == ["Louise Weikop, Aalborg Kommune"]


def test_participants_in_groups_with_attendance_notes(minutes_doc):
    assert header_rows(minutes_doc)["Deltagere"] == [
        "Jes Lunde, rådmand, Aalborg Kommune (medformand)",
        "Ole Stavad, regionsrådsmedlem (deltog virtuelt)",
        "Administrativ deltagelse",
        "Henrik Ravn, chef (deltog fra punkt 2)",
        "Sekretariat",
        "Bibi Pedersen, konsulent (deltog til og med punkt 1)",
    ]


def test_absences_and_substitutes_in_the_afbud_row(minutes_doc):
    assert header_rows(minutes_doc)["Afbud"] == [
        "Lisbeth Lagoni, direktør – Jan Nybo deltager i stedet",
        "Jan Mainz, direktør, Psykiatrien",
    ]


def test_nord_opens_with_lines_and_marks_absences_inline():
    document = read(render(meeting(actual_start=time(14, 34), actual_end=time(16, 2)), style="nord")[0])
    assert len(document.tables) == 1  # only the case text's table: the header is lines
    assert listing(document)[:18] == [
        "Title | Referat",
        "Title | Testudvalget",
        "Tabeltekst | Mødedato: 13. marts 2023",
        "Tabeltekst | Mødet påbegyndt: kl. 14:34",
        "Tabeltekst | Mødet afsluttet: kl. 16:02",
        "Tabeltekst | Mødested: Mødelokale K",
        "Tabeltekst bold | Deltagere",
        "Tabeltekst | Jes Lunde, rådmand, Aalborg Kommune (medformand)",
        "Tabeltekst | Ole Stavad, regionsrådsmedlem (via Teams)",
        "Tabeltekst | Administrativ deltagelse",
        "Tabeltekst | Lisbeth Lagoni, direktør (afbud – Jan Nybo deltager i stedet)",
        "Tabeltekst | Jan Mainz, direktør, Psykiatrien (afbud)",
        "Tabeltekst | Henrik Ravn, chef (deltog fra punkt 2)",
        "Tabeltekst | Sekretariat",
        "Tabeltekst | Bibi Pedersen, konsulent (deltog til og med punkt 1)",
        "Tabeltekst | Gæster: Louise Weikop, Aalborg Kommune",
        "Tabeltekst | Referent: Maja Lynderup Behrmann",
        "Normal | ",
    ]
    headings = [p.text for p in paragraphs(document) if p.style.name == "Heading 1"]
    assert headings[0] == "1) Godkendelse af dagsorden – kl. 14:30 – 14:35"
    assert headings[-1] == "Opfølgning"  # nord lists the follow-ups again at the end
    texts = [p.text for p in paragraphs(document)]
    summary = (
        "2) Handleplan: Sekretariatet beskriver projekterne (ansvarlig: Sekretariatet, frist: næste møde)"
    )
    assert texts[texts.index("Opfølgning") + 1] == summary
    assert texts[-1] == "24. maj 2023 kl. 14.00"  # the meeting's own sentence, no label


def test_nord_without_actual_times_prints_the_planned_ones():
    rows = [line for line in listing(read(render(meeting(), style="nord")[0])) if "Mødet" in line]
    assert rows == ["Tabeltekst | Mødet påbegyndt: kl. 14:30", "Tabeltekst | Mødet afsluttet: kl. 16:30"]


def test_item_headings_are_heading_1_with_time_slots_and_keep_with_next(minutes_doc):
    headings = [p for p in paragraphs(minutes_doc) if p.style.name == "Heading 1"]
    assert [h.text for h in headings] == [
        "1. Godkendelse af dagsorden – kl. 14.30 – 14.35",
        "2. Handleplan – kl. 14.35 – 15.00",
        "3. Udsat punkt",
        "4. Eventuelt",
    ]
    style = headings[0].style
    assert style.paragraph_format.keep_with_next
    assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"  # navigation pane


def test_presenter_line_follows_the_heading(minutes_doc):
    texts = [p.text for p in paragraphs(minutes_doc)]
    index = texts.index("2. Handleplan – kl. 14.35 – 15.00")
    assert texts[index + 1] == "v / Mikkel Grimmeshave"
    assert paragraphs(minutes_doc)[index + 1].paragraph_format.keep_with_next


def test_case_text_keeps_bold_italic_and_nested_lists(minutes_doc):
    intro = next(p for p in paragraphs(minutes_doc) if p.text.startswith("Indledning"))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in intro.runs] == [
        ("Indledning med ", False, False), ("fed", True, False), (" og ", False, False),
        ("kursiv", False, True), (" tekst.", False, False),
    ]  # fmt: skip
    numbers = ListNumbers(minutes_doc)
    listed = {
        p.text: (numbers.num_pr(p), numbers.label(p)) for p in paragraphs(minutes_doc) if numbers.num_pr(p)
    }
    assert listed["punkt et"][1] == "•"
    assert listed["under et"][0][1] == 1 and listed["under et"][1] == "1."
    assert listed["under to"][1] == "2."


def test_recommendation_lists_restart_for_each_item(minutes_doc):
    numbers = ListNumbers(minutes_doc)
    seen = {}
    for p in paragraphs(minutes_doc):
        if numbers.num_pr(p):
            seen[p.text] = (numbers.num_pr(p)[0], numbers.label(p))
    assert seen["Godkender dagsordenen"][1] == "1."
    assert [seen[t][1] for t in ("Godkender handleplanen", "Godkender midlerne", "Drøfter opfølgningen")] == [
        "1.",
        "2.",
        "3.",
    ]
    assert [seen[t][1] for t in ("Vælger en", "Vælger to")] == ["a.", "b."]
    # every list has its own w:num, and each new w:num restarts with a startOverride of 1
    ids = {seen["Godkender dagsordenen"][0], seen["Godkender handleplanen"][0], seen["Vælger en"][0]}
    assert len(ids) == 3
    assert seen["Godkender handleplanen"][0] == seen["Drøfter opfølgningen"][0]  # every paragraph carries it
    root = minutes_doc.part.numbering_part.element
    for num_id in ids:
        num = root.xpath(f'w:num[@w:numId="{num_id}"]')[0]
        assert num.xpath("w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_recommendation_intro_and_short_form(minutes_doc):
    texts = [p.text for p in paragraphs(minutes_doc)]
    assert texts.count("Det indstilles, at Testudvalget:") == 3
    assert "Indstilling: Udvalget drøfter emnet" in texts


def test_pipe_table_becomes_a_word_table_with_a_style(minutes_doc):
    tables = [b for b in body_blocks(minutes_doc) if isinstance(b, Table)]
    assert len(tables) == 2
    table = tables[1]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Tema", "Indsats"], ["Lighed", "Samarbejde"], ["Øvrige", "E-nærhospital"],
    ]  # fmt: skip
    assert table.style.name == "Table Grid"
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)


def test_attachments_label_and_bullets(minutes_doc):
    texts = [p.text for p in paragraphs(minutes_doc)]
    index = texts.index("Bilag:")
    assert texts[index + 1 : index + 3] == ["Handleplan", "Bilag 1: Fordeling af midler"]


def test_referat_sections_with_outcomes_conflicts_and_actions(minutes_doc):
    texts = [p.text for p in paragraphs(minutes_doc)]
    labels = [p for p in paragraphs(minutes_doc) if p.text == "Referat:"]
    assert len(labels) == 4 and all(r.bold for p in labels for r in p.runs)
    start = texts.index("Referat:", texts.index("2. Handleplan – kl. 14.35 – 15.00"))
    assert texts[start + 1 : start + 9] == [
        "Jan Mainz deltog ikke i behandlingen af punktet (inhabil).",  # a sentence, with its full stop
        "Handleplanen blev drøftet.",
        "første bemærkning",
        "anden bemærkning",
        "Ad 1: Godkendt",
        "Ad 3: Drøftet",
        "Opfølgning:",
        "Sekretariatet beskriver projekterne (ansvarlig: Sekretariatet, frist: næste møde)",
    ]
    assert "Punktet blev udsat." in texts
    assert texts[-1] == "Næste møde: 24. maj 2023 kl. 14.00"


def test_agenda_has_no_minutes_and_the_invited_participants():
    document = read(render(meeting(), agenda=True)[0])
    text = document_text(document)
    assert "Referat:" not in text and "Indstillingen blev godkendt" not in text and "inhabil" not in text
    rows = header_rows(document)
    assert "Afbud" not in rows
    assert "Jan Mainz, direktør, Psykiatrien" in rows["Deltagere"]
    assert "Lisbeth Lagoni, direktør" in rows["Deltagere"]
    assert "Næste møde" not in text
    header = document.sections[0].header.paragraphs[-1].text
    assert header.endswith("Dagsorden") and "UDKAST" not in header


def test_running_header_marks_the_draft_and_footer_has_page_fields(minutes_doc):
    section = minutes_doc.sections[0]
    header = section.header.paragraphs[-1]
    assert header.text == "3. møde i Testudvalget\tReferat – UDKAST"
    assert [r.bold for r in header.runs][-1]
    instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [f.get(qn("w:fldCharType")) for f in section.footer._element.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert "/" in section.footer.paragraphs[-1].text


def test_language_is_danish_in_the_styles(minutes_doc):
    styles = minutes_doc.styles.element
    assert styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["da-DK"]
    assert not styles.xpath("w:style/w:rPr/w:lang/@w:val")


def test_core_properties_name_the_secretary_and_no_python_docx(tmp_path):
    report = export_docx(meeting(), tmp_path / "m.docx")
    props = open_docx(report.path).core_properties
    assert props.title == "3. møde i Testudvalget"
    assert props.author == "Maja Lynderup Behrmann"
    assert props.subject == "Referat"
    assert props.comments == ""
    assert props.language == "da-DK"
    assert abs(props.created - datetime.now(UTC)) < timedelta(minutes=5)
    assert props.modified == props.created
    with zipfile.ZipFile(report.path) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(n) for n in names)
    assert b"python-docx" not in everything
    assert "docProps/thumbnail.jpeg" not in names


def test_bad_characters_are_removed_and_reported():
    broken = meeting()
    broken.items[1].minutes = "Tekst\x00 med\x07 styretegn\x1b og \ufffe slut"
    broken.items[0].title = "Godkendelse\x01 af dagsorden"
    data, removed = render(broken)
    assert [(r.where, len(r.characters)) for r in removed] == [
        ("punkt 1 (Godkendelse af dagsorden)", 1),
        ("punkt 2 (Handleplan)", 4),
    ]
    assert "U+0007" in removed[-1].describe()
    text = document_text(read(data))
    assert "Tekst med styretegn og  slut" in text


def test_emoji_tabs_and_right_to_left_text_export():
    item = Item("Blandet 🎉", minutes="Fest 🎉🇩🇰 godkendt\n\nKolonne\tto\n\nمرحبا بالعالم\n\nשלום עולם")
    document = read(render(meeting(items=[item]))[0])
    text = document_text(document)
    assert "Fest 🎉🇩🇰 godkendt" in text
    assert "Kolonne\tto" in text
    arabic = next(p for p in paragraphs(document) if p.text == "مرحبا بالعالم")
    assert arabic._p.pPr.find(qn("w:bidi")) is not None
    assert "שלום עולם" in text


def test_a_20000_word_minutes_text_exports(tmp_path):
    paragraph = " ".join(f"ord{n}" for n in range(200))
    long_text = "\n\n".join([paragraph] * 100)
    report = export_docx(meeting(items=[Item("Langt punkt", minutes=long_text)]), tmp_path / "long.docx")
    text = document_text(open_docx(report.path))
    assert text.count("ord199") == 100
    assert len(text.split()) > 20_000


def test_items_are_headings_in_the_minutes_fixture():
    data, _ = render(load_meeting(MINUTES / "politisk-niveau-klynge-midt-2023-03-13.toml"))
    headings = [p.text for p in paragraphs(read(data)) if p.style.name == "Heading 1"]
    assert headings[1] == "2. Drøftelse af 1. udkast til ny Sundhedsaftale – kl. 14.35 – 15.00"
    assert len(headings) == 6


def test_council_template_docx_and_dotx_supply_styles_and_letterhead(tmp_path: Path):
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Region Nordjylland – brevhoved"
    template.add_paragraph("Skabelonens egen tekst, som ikke må komme med")
    template.styles["Normal"].font.name = "Georgia"
    docx_path = tmp_path / "house.docx"
    template.save(docx_path)
    dotx_path = tmp_path / "house.dotx"
    with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(dotx_path, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, content)
    for path in (docx_path, dotx_path):
        style_file = tmp_path / f"{path.suffix[1:]}.toml"
        style_file.write_text(f'[document]\ntemplate = "{path.name}"\n', encoding="utf-8")
        document = read(render(meeting(), style=style_file)[0])
        header = [p.text for p in document.sections[0].header.paragraphs]
        assert header[0] == "Region Nordjylland – brevhoved"
        assert header[-1].endswith("Referat – UDKAST")
        assert "Skabelonens egen tekst" not in document_text(document)
        assert document.styles["Normal"].font.name == "Georgia"  # the template's font, not ours
