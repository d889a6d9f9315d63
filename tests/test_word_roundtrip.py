"""Every sample agenda exported by referent (each built-in style) reads back as the same agenda."""

from __future__ import annotations

from pathlib import Path

import pytest
from agenda_view import agenda_view

from referent.export import render
from referent.export.filters import agenda_meeting
from referent.importing.word import parse_word_agenda
from referent.meetingfile.reader import load_meeting
from referent.model import Attendance, Meeting, Numbering

ROOT = Path(__file__).parent.parent
AGENDAS = sorted((ROOT / "sample_agendas").glob("*.toml"))
MINUTES = sorted((ROOT / "tests" / "fixtures" / "minutes").glob("*.toml"))
STYLES = ("default", "nord")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("sample", AGENDAS, ids=lambda p: p.stem)
def test_an_exported_agenda_reads_back_the_same(sample: Path, style: str) -> None:
    meeting = load_meeting(sample)
    data, _ = render(meeting, agenda=True, style=style)
    read = parse_word_agenda(data, f"{sample.stem}.docx")
    expected = agenda_meeting(meeting)
    if style == "nord":  # a Nord document is headed by the body's name and names no chair
        heading = meeting.body or meeting.title
        expected.title, expected.chair = heading[:1].upper() + heading[1:], ""
    assert agenda_view(read.meeting) == agenda_view(expected)
    assert read.warnings == []


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("sample", AGENDAS, ids=lambda p: p.stem)
def test_the_case_text_comes_back_as_the_same_markdown(sample: Path, style: str) -> None:
    meeting = load_meeting(sample)
    read = parse_word_agenda(render(meeting, agenda=True, style=style)[0], "x.docx").meeting
    for got, expected in zip(read.items, meeting.items, strict=True):
        assert got.case == expected.case


def test_the_round_trip_is_not_trivially_equal() -> None:
    """The comparison sees a difference when there is one (a changed title, a lost point)."""
    meeting = load_meeting(AGENDAS[-1])
    read = parse_word_agenda(render(meeting, agenda=True)[0], "x.docx").meeting
    read.items[1].recommendation.points.pop()
    assert agenda_view(read) != agenda_view(agenda_meeting(meeting))


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("sample", MINUTES, ids=lambda p: p.stem)
def test_exported_minutes_bring_their_minutes_and_absences_along(sample: Path, style: str) -> None:
    meeting = load_meeting(sample)
    read = parse_word_agenda(render(meeting, style=style)[0], "x.docx").meeting
    assert [i.title for i in read.items] == [i.title for i in meeting.items]
    for got, expected in zip(read.items, meeting.items, strict=True):
        assert " ".join(expected.minutes.split()) in " ".join(got.minutes.split())
    absent = {p.name for p in meeting.participants if p.attendance is Attendance.ABSENT or p.substitute}
    assert {p.name for p in read.participants if p.attendance is Attendance.ABSENT} == absent
    substitutes = {p.name: p.substitute for p in meeting.participants if p.substitute}
    assert {p.name: p.substitute for p in read.participants if p.substitute} == substitutes
    if style == "nord":  # the nord minutes print "Mødet påbegyndt" and "Mødet afsluttet"
        assert (read.actual_start, read.actual_end) == (
            meeting.actual_start or meeting.start,
            meeting.actual_end or meeting.end,
        )


def test_a_full_meeting_reads_back_intro_letters_short_form_and_closed_item(full_meeting: Meeting) -> None:
    expected = agenda_meeting(full_meeting)
    # the export lists participants group by group (the first group first): so does the reader
    groups = list(dict.fromkeys(p.group for p in expected.participants))
    expected.participants.sort(key=lambda p: groups.index(p.group))
    read = parse_word_agenda(render(full_meeting, agenda=True)[0], "x.docx").meeting
    # the only intro is an item's own ("… i fællesskab:"), so the body cannot be told apart from it
    assert agenda_view(read, body=False) == agenda_view(expected, body=False)
    handleplan = read.items[1]
    assert read.recommendation_intro(handleplan) == "Det indstilles, at Politisk Niveau i fællesskab:"
    assert handleplan.recommendation.numbering is Numbering.LETTERS
    assert read.items[2].closed and read.items[2].recommendation.short == "Klyngestyregruppen drøfter emnet"
