"""Agendas referent did not write: the samples in other councils' layouts read back right.

Each layout combines forms seen in real agendas (see ``word_agendas.Layout``); every
sample is written in every layout, read back, and compared field by field with the
meeting it was written from.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from agenda_view import agenda_view
from word_agendas import Layout, build_agenda

from referent.export.filters import agenda_meeting
from referent.importing.word import parse_word_agenda
from referent.meetingfile.reader import load_meeting
from referent.model import Attendance, Meeting

AGENDAS = sorted((Path(__file__).parent.parent / "sample_agendas").glob("*.toml"))

LAYOUTS = {
    "referent-like table, Heading 1, typed 1.": Layout(),
    "header as lines, bold items typed 1), typed lists and markers": Layout(
        header="lines", labels="nord", items="bold", numbering="typed)", presenter="v/ ",
        recommendation="typed", attachments="typed", lists="typed",
    ),
    "Danish Word: Overskrift1 ids, numPr on the heading, labels as headings": Layout(
        dialect="danish", numbering="auto", slot="paren", presenter="Ved:", section_labels="heading",
        case_label=True, recommendation="label",
    ),
    "council template: outline-level style numbered by the style, date without year": Layout(
        dialect="localized", items="outline", numbering="auto-style", slot="line", presenter="Oplæg ved",
        section_labels="bold", attachments="numbered", attachments_first=True, recommendation="bullets",
        absences="inline", date="noyear", kind_word=True,
    ),
    "Google Docs: Title paragraph, unlabelled date, Punkt 1:, w:b val=1": Layout(
        dialect="google", header="titled", numbering="punkt", presenter="Ansvarlig:", date="numeric",
        attachments="typed", breaks=True,
    ),
    "LibreOffice names, header with tabs, (lukket punkt) in the title": Layout(
        dialect="libreoffice", header="tabs", numbering="auto-style", closed="title",
    ),
    "header without colons, Overskrift 1 names, bold labels": Layout(
        header="spaces", dialect="localized", section_labels="bold", case_label=True, presenter="v/ ",
    ),
    "new nord: Mødedato lines, bulleted Indstilling, numbered bilag first, (afbud) inline": Layout(
        header="lines", labels="nord", numbering="typed)", recommendation="bullets", attachments="numbered",
        attachments_first=True, absences="inline", presenter="v/ ",
    ),
}  # fmt: skip


def with_absences(meeting: Meeting) -> Meeting:
    """The agenda as sent out when apologies are already known: one afbud, one with a substitute."""
    changed = copy.deepcopy(meeting)
    people = changed.participants
    if len(people) >= 4:
        people[1].attendance = Attendance.ABSENT
        people[3].attendance, people[3].substitute = Attendance.ABSENT, "Jan Nybo"
    return changed


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
@pytest.mark.parametrize("sample", AGENDAS, ids=lambda p: p.stem)
def test_a_sample_in_another_layout_reads_back_the_same(sample: Path, layout: Layout) -> None:
    meeting = with_absences(agenda_meeting(load_meeting(sample)))
    read = parse_word_agenda(build_agenda(meeting, layout), f"{sample.stem}.docx")
    body = layout.recommendation != "bullets"  # without "Det indstilles, at X:" nothing names the body
    exact = layout.lists == "word"  # typed case-text lists come back as lists, numbered as typed
    assert agenda_view(read.meeting, body=body, exact_case=exact) == agenda_view(
        meeting, body=body, exact_case=exact
    )
    assert [w.render("x") for w in read.warnings] == []


def test_the_layouts_really_differ() -> None:
    """Each layout writes a different document (a typo in a Layout field would make two the same)."""
    meeting = agenda_meeting(load_meeting(AGENDAS[-1]))
    texts = {build_agenda(meeting, layout) for layout in LAYOUTS.values()}
    assert len(texts) == len(LAYOUTS)


def test_remote_attendance_written_inline_is_read() -> None:
    meeting = agenda_meeting(load_meeting(AGENDAS[-1]))
    meeting.participants[0].attendance = Attendance.REMOTE
    read = parse_word_agenda(build_agenda(meeting, Layout(absences="inline")), "x.docx").meeting
    assert read.participants[0].attendance is Attendance.REMOTE
    assert read.participants[0].marker == meeting.participants[0].marker


def test_minutes_under_beslutning_labels_are_read_as_the_items_minutes() -> None:
    meeting = agenda_meeting(load_meeting(AGENDAS[-1]))
    meeting.items[0].minutes = "Indstillingen blev godkendt."
    meeting.items[1].minutes = "Drøftet.\n\n- Sekretariatet følger op\n- Næste møde i maj"
    for label, labels in (("Referat:", "bold"), ("Beslutning", "heading"), ("Beslutning:", "plain")):
        layout = Layout(minutes=label, section_labels=labels)
        read = parse_word_agenda(build_agenda(meeting, layout), "x.docx").meeting
        assert [i.minutes.strip() for i in read.items] == [i.minutes.strip() for i in meeting.items]
