"""Issue 10, point by point: each house-style setting (or meeting-file key) built into a Word
document and read back paragraph by paragraph, with its style and list number, in order.

``listed(...)`` lines read ``style [number] [bold] | text`` (see ``export_support.listing``);
the header table's paragraphs start ``[row,column]``.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, time

import docx
import pytest
from export_support import listing

from referent.export import render
from referent.export.style import StyleError, parse_style
from referent.meetingfile.reader import parse_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import Attendance, Item, Meeting, Numbering, Participant, Recommendation, VacantSeat


def meeting(**changes: object) -> Meeting:
    """One item with every part: case, two recommendation points, two attachments, minutes."""
    base = Meeting(
        title="Møde i Testudvalget",
        date=date(2022, 12, 9),  # a Friday
        body="Testudvalget",
        start=time(12, 0),
        end=time(13, 30),
        location="Rådhuset",
        participants=[
            Participant(
                "Anna Andersen", "borgmester", "formand", group="Udvalget:", attendance=Attendance.PRESENT
            ),
            Participant("Bo Berg", "direktør", group="Udvalget:", attendance=Attendance.ABSENT),
        ],
        guests=[Participant("Ida Iversen", "projektleder", attendance=Attendance.PRESENT)],
        items=[
            Item(
                "Handleplan",
                start=time(12, 0),
                end=time(12, 45),
                case="Sagen kort.",
                recommendation=Recommendation(
                    points=["Godkender planen", "Drøfter midlerne"], outcomes=[None, None]
                ),
                attachments=["Handleplan", "Budget"],
                minutes="Planen blev godkendt.",
            )
        ],
    )
    return replace(base, **changes)


def listed(source: str = "", subject: Meeting | None = None, *, agenda: bool = False) -> list[str]:
    """The listing of ``subject`` exported in a style file with ``source`` as its text."""
    style = parse_style(source, "test.toml")
    data, _ = render(subject or meeting(), style=style, agenda=agenda)
    return listing(docx.Document(io.BytesIO(data)))


def item_part(lines: list[str]) -> list[str]:
    """The lines from the first item heading on."""
    first = next(i for i, line in enumerate(lines) if line.startswith("Heading 1 |"))
    return lines[first:]


def header_part(lines: list[str]) -> list[str]:
    first = next(i for i, line in enumerate(lines) if line.startswith("Heading 1 |"))
    return lines[:first]


# --- 1. the order of an item's parts --------------------------------------------------------


def test_1_default_order_is_case_recommendation_attachments_minutes():
    assert item_part(listed()) == [
        "Heading 1 | 1. Handleplan – kl. 12.00 – 12.45",
        "Normal | Sagen kort.",
        "Normal | Det indstilles, at Testudvalget:",
        "List Paragraph 1. | Godkender planen",
        "List Paragraph 2. | Drøfter midlerne",
        "Normal | Bilag:",
        "List Paragraph • | Handleplan",
        "List Paragraph • | Budget",
        "Normal bold | Referat:",
        "Normal | Planen blev godkendt.",
    ]


def test_1_bilag_before_the_indstilling_or_after_the_referat():
    before = item_part(listed('[items]\norder = ["case", "attachments", "recommendation", "minutes"]\n'))
    assert [line.split(" | ")[1] for line in before[1:6]] == [
        "Sagen kort.", "Bilag:", "Handleplan", "Budget", "Det indstilles, at Testudvalget:",
    ]  # fmt: skip
    after = item_part(listed('[items]\norder = ["case", "recommendation", "minutes", "attachments"]\n'))
    assert after[-5:] == [
        "Normal bold | Referat:",
        "Normal | Planen blev godkendt.",
        "Normal | Bilag:",
        "List Paragraph • | Handleplan",
        "List Paragraph • | Budget",
    ]


def test_1_an_order_must_name_every_part_once():
    with pytest.raises(StyleError) as error:
        parse_style('[items]\norder = ["case", "minutes", "case"]\n', "s.toml")
    assert str(error.value) == (
        "s.toml:2: 'order' must name each of case, recommendation, attachments, minutes once"
    )


# --- 2. list forms of recommendation points and attachments -----------------------------


def test_2_recommendation_points_as_bullets_or_letters_and_numbered_attachments():
    lines = item_part(listed('[items]\nrecommendation_list = "bullets"\nattachment_list = "numbers"\n'))
    assert lines[3:8] == [
        "List Paragraph • | Godkender planen",
        "List Paragraph • | Drøfter midlerne",
        "Normal | Bilag:",
        "List Paragraph 1. | Handleplan",
        "List Paragraph 2. | Budget",
    ]
    lettered = item_part(listed('[items]\nnumbering = "1)"\nrecommendation_list = "letters"\n'))
    assert lettered[3:5] == ["List Paragraph a) | Godkender planen", "List Paragraph b) | Drøfter midlerne"]


def test_2_an_items_own_form_wins_over_the_style():
    def with_form(numbering: Numbering | None) -> Meeting:
        subject = meeting()
        subject.items[0].recommendation.numbering = numbering
        return subject

    bullets_style = '[items]\nrecommendation_list = "bullets"\n'
    assert (
        item_part(listed(bullets_style, with_form(Numbering.NUMBERS)))[3]
        == "List Paragraph 1. | Godkender planen"
    )
    assert item_part(listed("", with_form(Numbering.BULLETS)))[3] == "List Paragraph • | Godkender planen"
    assert item_part(listed(bullets_style, with_form(None)))[3] == "List Paragraph • | Godkender planen"


def test_2_the_meeting_file_says_bullets_with_a_dash():
    text = dump_meeting(meeting()).replace(
        "recommendation = [", 'recommendation_numbering = "-"\nrecommendation = ['
    )
    assert parse_meeting(text).items[0].recommendation.numbering is Numbering.BULLETS
    assert parse_meeting(dump_meeting(meeting())).items[0].recommendation.numbering is None  # the style's


def test_2_attachments_inline_on_the_label_line():
    lines = item_part(listed('[items]\nattachment_list = "inline"\n'))
    assert "Normal | Bilag: Handleplan, Budget" in lines
    assert not any(line.endswith("| Handleplan") for line in lines)


# --- 3. numbered lists in case and minutes keep the form they were written in --------------


def test_3_item_numbering_1_paren_leaves_the_texts_lists_as_written():
    subject = meeting()
    subject.items[0].case = "Punkter:\n\n1. første\n2. anden"
    subject.items[0].minutes = "Aftalt:\n\n1) tre\n2) fire"
    lines = item_part(listed('[items]\nnumbering = "1)"\n'))
    lines = item_part(listed('[items]\nnumbering = "1)"\n', subject))
    assert lines[0].startswith("Heading 1 | 1) Handleplan")
    assert "List Paragraph 1. | første" in lines and "List Paragraph 2. | anden" in lines
    assert "List Paragraph 1) | tre" in lines and "List Paragraph 2) | fire" in lines
    assert "List Paragraph 1) | Godkender planen" in lines  # referent's own list follows the style
    default = item_part(listed("", subject))
    assert "List Paragraph 1) | tre" in default  # … and "1)" stays "1)" in the default style too


# --- 4. an Indstilling: label above "Det indstilles, at …:" --------------------------------


def test_4_a_recommendation_label_above_the_intro():
    lines = item_part(listed('[labels]\nrecommendation = "Indstilling:"\n'))
    assert lines[2:5] == [
        "Normal | Indstilling:",
        "Normal | Det indstilles, at Testudvalget:",
        "List Paragraph 1. | Godkender planen",
    ]
    short = meeting()
    short.items[0].recommendation = Recommendation(short="Udvalget drøfter emnet")
    lines = item_part(listed('[labels]\nrecommendation = "Indstilling:"\n', short))
    assert [line for line in lines if "Indstilling" in line] == [
        "Normal | Indstilling: Udvalget drøfter emnet"
    ]


# --- 5. the header as a table or as lines, with opening lines -------------------------------


def test_5_the_header_as_lines_under_opening_lines():
    source = (
        '[header]\nlayout = "lines"\nopening = ["{document}", "{body}"]\n'
        'rows = ["date", "started", "ended", "location", "participants"]\n'
        '[labels]\ndate = "Mødedato"\nlocation = "Mødested"\n'
    )
    subject = meeting(actual_start=time(12, 5), actual_end=time(13, 20))
    assert header_part(listed(source, subject)) == [
        "Title | Referat",
        "Title | Testudvalget",
        "Tabeltekst | Mødedato: Fredag den 9. december 2022",
        "Tabeltekst | Mødet påbegyndt: kl. 12.05",
        "Tabeltekst | Mødet afsluttet: kl. 13.20",
        "Tabeltekst | Mødested: Rådhuset",
        "Tabeltekst bold | Deltagere",
        "Tabeltekst | Udvalget:",
        "Tabeltekst | Anna Andersen, borgmester (formand)",
        "Normal | ",
    ]
    agenda = header_part(listed(source.replace("rows", "agenda_rows"), subject, agenda=True))
    assert agenda[:2] == ["Title | Dagsorden", "Title | Testudvalget"]


def test_5_opening_lines_above_a_header_table():
    lines = header_part(listed('[header]\nopening = ["{title}"]\nrows = ["when"]\n'))
    assert lines == [
        "Title | Møde i Testudvalget",
        "[1,1] Tabeltekst bold | Tid",
        "[1,2] Tabeltekst | Fredag den 9. december 2022 kl. 12.00 – 13.30",
        "Normal | ",
    ]


# --- 6. dates and times ---------------------------------------------------------------------


def test_6_d_without_the_year_and_a_dash_without_spaces():
    source = '[header]\nday_word = "d."\nyear = false\ntime_dash = "-"\nrows = ["when"]\n'
    assert header_part(listed(source))[1] == "[1,2] Tabeltekst | Fredag d. 9. december kl. 12.00-13.30"


def test_6_times_with_a_colon_everywhere_and_a_comma_before_kl():
    source = (
        '[header]\ntime_separator = ":"\nbefore_time = ", "\nweekday = false\nrows = ["when", "started"]\n'
    )
    lines = listed(source)
    assert lines[1] == "[1,2] Tabeltekst | 9. december 2022, kl. 12:00 – 13:30"
    assert lines[3] == "[2,2] Tabeltekst | kl. 12:00"
    assert item_part(lines)[0] == "Heading 1 | 1. Handleplan – kl. 12:00 – 12:45"


# --- 7. an absent person in her group and under Afbud -------------------------------------


def lagoni() -> Meeting:
    return meeting(
        participants=[
            Participant("Anna Andersen", "borgmester", group="Direktørforum:", attendance=Attendance.PRESENT),
            Participant(
                "Lisbeth Lagoni",
                "Sygeplejefaglig direktør",
                group="Direktørforum:",
                substitute="Jan Nybo",
                substitute_phrase="Jan Nybo deltager i hendes sted.",
            ),
        ],
        guests=[],
    )


def test_7_both_forms_at_once():
    source = (
        '[participants]\nabsences = "both"\nabsent_with_role = false\n'
        '[header]\nrows = ["participants", "absent"]\n'
    )
    assert header_part(listed(source, lagoni())) == [
        "[1,1] Tabeltekst bold | Deltagere",
        "[1,2] Tabeltekst | Direktørforum:",
        "[1,2] Tabeltekst | Anna Andersen, borgmester",
        "[1,2] Tabeltekst | Lisbeth Lagoni, Sygeplejefaglig direktør",
        "[2,1] Tabeltekst bold | Afbud",
        "[2,2] Tabeltekst | Lisbeth Lagoni – Jan Nybo deltager i hendes sted.",
        "Normal | ",
    ]


def test_7_inline_keeps_the_afbud_row_when_rows_name_it():
    source = '[participants]\nabsences = "inline"\n[header]\nrows = ["participants", "absent"]\n'
    lines = header_part(listed(source))
    assert "[1,2] Tabeltekst | Bo Berg, direktør (afbud)" in lines
    assert lines[-3:] == [
        "[2,1] Tabeltekst bold | Afbud",
        "[2,2] Tabeltekst | Bo Berg, direktør",
        "Normal | ",
    ]


def test_7_list_moves_the_absent_out_of_their_group():
    lines = header_part(listed('[header]\nrows = ["participants", "absent"]\n'))
    assert not any("Bo Berg, direktør (" in line for line in lines)
    assert "[2,2] Tabeltekst | Bo Berg, direktør" in lines


# --- 8. the substitute sentence per person --------------------------------------------------


def test_8_the_meetings_own_sentence_where_the_styles_does_not_fit():
    subject = lagoni()
    subject.participants.append(
        Participant("Carl Clausen", "direktør", group="Direktørforum:", substitute="Dorthe Dahl")
    )
    rows = '[header]\nrows = ["absent"]\n'
    assert header_part(listed(rows, subject)) == [
        "[1,1] Tabeltekst bold | Afbud",
        "[1,2] Tabeltekst | Lisbeth Lagoni, Sygeplejefaglig direktør – Jan Nybo deltager i hendes sted.",
        "[1,2] Tabeltekst | Carl Clausen, direktør – Dorthe Dahl deltager i stedet",  # the style's sentence
        "Normal | ",
    ]
    inline = header_part(
        listed('[participants]\nabsences = "inline"\n[header]\nrows = ["participants"]\n', subject)
    )
    lagoni_line = "Lisbeth Lagoni, Sygeplejefaglig direktør (afbud – Jan Nybo deltager i hendes sted.)"
    assert inline[3:5] == [
        f"[1,2] Tabeltekst | {lagoni_line}",
        "[1,2] Tabeltekst | Carl Clausen, direktør (afbud – Dorthe Dahl deltager i stedet)",
    ]


def test_8_a_sentence_about_another_substitute_gives_way_to_the_styles():
    subject = lagoni()
    subject.participants[1].substitute = "Per Hansen"  # changed during the meeting
    assert header_part(listed('[header]\nrows = ["absent"]\n', subject))[1] == (
        "[1,2] Tabeltekst | Lisbeth Lagoni, Sygeplejefaglig direktør – Per Hansen deltager i stedet"
    )
    subject.participants[1].substitute_phrase = "{substitute} deltager i {name}s sted"
    assert header_part(listed('[header]\nrows = ["absent"]\n', subject))[1].endswith(
        "Lisbeth Lagoni, Sygeplejefaglig direktør – Per Hansen deltager i Lisbeth Lagonis sted"
    )


def test_8_the_sentence_is_kept_by_the_meeting_file():
    text = dump_meeting(lagoni())
    assert 'substitute_phrase = "Jan Nybo deltager i hendes sted."' in text.splitlines()
    assert parse_meeting(text) == lagoni()


# --- 9. a vacant seat -----------------------------------------------------------------------


def vacant() -> Meeting:
    seat = VacantSeat("(Repræsentant fra kommunalt PLO-niveau - endnu ikke udpeget)", "Almen praksis:")
    subject = meeting(vacant_seats=[seat])
    subject.participants.insert(
        1, Participant("Hans Holm", "læge", group="Almen praksis:", attendance=Attendance.PRESENT)
    )
    return subject


def test_9_a_vacant_seat_is_printed_as_written_at_the_end_of_its_group():
    for agenda in (False, True):
        rows = '[header]\nrows = ["participants"]\nagenda_rows = ["participants"]\n'
        lines = header_part(listed(rows, vacant(), agenda=agenda))
        invited = ["[1,2] Tabeltekst | Bo Berg, direktør"] if agenda else []  # absent: under Afbud
        assert lines[1:-1] == [
            "[1,2] Tabeltekst | Udvalget:",
            "[1,2] Tabeltekst | Anna Andersen, borgmester (formand)",
            *invited,
            "[1,2] Tabeltekst | Almen praksis:",
            "[1,2] Tabeltekst | Hans Holm, læge",
            "[1,2] Tabeltekst | (Repræsentant fra kommunalt PLO-niveau - endnu ikke udpeget)",
        ]


def test_9_a_vacant_seat_is_never_counted_or_asked_about(store):
    from referent.live import LiveMeeting
    from referent.review import ProblemKind, find_problems

    subject = vacant()
    subject.participants[-1].attendance = Attendance.ABSENT
    live = LiveMeeting(store, store.import_meeting(subject))
    assert live.meeting.vacant_seats == subject.vacant_seats
    assert live.counts() == (3, 1, 0)  # Anna, Hans, the guest present; Bo absent; nothing unmarked
    kinds = {p.kind for p in find_problems(live.meeting)}
    assert ProblemKind.UNMARKED not in kinds and ProblemKind.NO_ATTENDANCE not in kinds


def test_9_the_meeting_file_writes_and_reads_vacant_seats():
    text = dump_meeting(vacant())
    assert "[[vacant_seats]]" in text.splitlines()
    assert parse_meeting(text) == vacant()


# --- 10. guests as a group inside Deltagere -----------------------------------------------


def test_10_guests_under_their_heading_in_the_deltagere_cell():
    lines = header_part(
        listed('[participants]\nguests = "group"\n[header]\nrows = ["participants", "guests"]\n')
    )
    assert lines == [
        "[1,1] Tabeltekst bold | Deltagere",
        "[1,2] Tabeltekst | Udvalget:",
        "[1,2] Tabeltekst | Anna Andersen, borgmester (formand)",
        "[1,2] Tabeltekst | Gæster:",
        "[1,2] Tabeltekst | Ida Iversen, projektleder",
        "Normal | ",
    ]
    row = header_part(listed('[header]\nrows = ["participants", "guests"]\n'))
    assert row[-3:] == [
        "[2,1] Tabeltekst bold | Gæster",
        "[2,2] Tabeltekst | Ida Iversen, projektleder",
        "Normal | ",
    ]


# --- 11. lettered sub-lists in case and minutes texts ---------------------------------------


def test_11_lettered_lists_become_lettered_lists():
    subject = meeting()
    subject.items[0].case = (
        "Orientering:\n\n1. Arbejdsgrupperne\n   a) Mundtlig orientering\n   b) Kort status\n2. Andet\n\n"
        "Temaer:\n\na. Mental trivsel\n\nb. Søvn\n"
    )
    subject.items[0].minutes = "Aftalt:\na) første\nb) anden"
    lines = item_part(listed("", subject))
    assert lines[1:10] == [
        "Normal | Orientering:",
        "List Paragraph 1. | Arbejdsgrupperne",
        "List Paragraph a) | Mundtlig orientering",
        "List Paragraph b) | Kort status",
        "List Paragraph 2. | Andet",
        "Normal | Temaer:",
        "List Paragraph a. | Mental trivsel",
        "List Paragraph b. | Søvn",
        "Normal | Det indstilles, at Testudvalget:",
    ]
    assert lines[-3:] == ["Normal | Aftalt:", "List Paragraph a) | første", "List Paragraph b) | anden"]


def test_11_the_review_text_keeps_lettered_items_on_lines_of_their_own():
    subject = meeting()
    subject.items[0].minutes = "Aftalt:\na) første\nb) anden"
    md = render(subject, format="md")[0].decode()
    assert "Aftalt:  \na) første  \nb) anden" in md
    wide = "| " + " | ".join(f"k{c}" for c in range(70)) + " |"  # too wide for Word: kept as text
    subject.items[0].minutes = "\n".join(
        [wide, "|" + "---|" * 70, wide, "", "Aftalt:", "a) første", "b) anden"]
    )
    md = render(subject, format="md")[0].decode()
    assert "Aftalt:  \na) første  \nb) anden" in md


# --- 12. an empty next-meeting label ----------------------------------------------------------


def test_12_an_empty_label_leaves_the_sentence_without_a_leading_space():
    subject = meeting(next_meeting="Næste møde i udvalget er 7. november.")
    lines = listed('[labels]\nnext_meeting = ""\n', subject)
    assert lines[-1] == "Normal | Næste møde i udvalget er 7. november."
    md = render(subject, format="md", style=parse_style('[labels]\nnext_meeting = ""\n', "s.toml"))[
        0
    ].decode()
    assert md.endswith("\n\nNæste møde i udvalget er 7. november.\n")
    assert listed("", subject)[-1] == "Normal | Næste møde: Næste møde i udvalget er 7. november."


# --- the built-in nord ------------------------------------------------------------------------


def test_nord_is_the_layout_the_issue_describes():
    subject = meeting(
        actual_start=time(13, 0), actual_end=time(15, 0), next_meeting="Næste møde er 7. november."
    )
    subject.participants[0].attendance = Attendance.REMOTE
    lines = listing(docx.Document(io.BytesIO(render(subject, style="nord")[0])))
    assert lines[:9] == [
        "Title | Referat",
        "Title | Testudvalget",
        "Tabeltekst | Mødedato: 9. december 2022",
        "Tabeltekst | Mødet påbegyndt: kl. 13:00",
        "Tabeltekst | Mødet afsluttet: kl. 15:00",
        "Tabeltekst | Mødested: Rådhuset",
        "Tabeltekst bold | Deltagere",
        "Tabeltekst | Udvalget:",
        "Tabeltekst | Anna Andersen, borgmester (formand, via Teams)",
    ]
    assert "Tabeltekst | Bo Berg, direktør (afbud)" in lines
    assert item_part(lines) == [
        "Heading 1 | 1) Handleplan – kl. 12:00 – 12:45",
        "Normal | Sagen kort.",
        "Normal | Bilag:",
        "List Paragraph 1) | Handleplan",
        "List Paragraph 2) | Budget",
        "Normal | Indstilling:",
        "Normal | Det indstilles, at Testudvalget:",
        "List Paragraph • | Godkender planen",
        "List Paragraph • | Drøfter midlerne",
        "Normal bold | Referat:",
        "Normal | Planen blev godkendt.",
        "Normal | Næste møde er 7. november.",
    ]
