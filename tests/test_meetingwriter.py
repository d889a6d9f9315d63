"""Writing a meeting back as a file: it reads back as the same meeting, and a person can read it."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import generate
import pytest
from hypothesis import HealthCheck, given, settings

from referent.meetingfile.reader import MeetingFileError, load_meeting, parse_meeting
from referent.meetingfile.writer import dump_meeting, quote, quote_block
from referent.model import (
    ActionItem,
    Item,
    Meeting,
    Outcome,
    Participant,
    Recommendation,
)
from referent.textclean import clean_text

ROOT = Path(__file__).resolve().parents[1]
REAL_FILES = sorted((ROOT / "tests" / "fixtures" / "minutes").glob("*.toml")) + sorted(
    (ROOT / "sample_agendas").glob("*.toml")
)
HEADER = ["# A referent meeting file: see docs/meeting-file.md", "format = 1"]


def round_trip(meeting: Meeting) -> Meeting:
    return parse_meeting(dump_meeting(meeting), "<dumped>")


def test_full_meeting_round_trips(full_meeting: Meeting) -> None:
    assert round_trip(full_meeting) == full_meeting


def test_the_full_meeting_sets_every_field_of_every_part(full_meeting: Meeting) -> None:
    assert generate.every_field_set(full_meeting) == generate.all_fields()


def test_full_meeting_file_reads_like_the_documentation(full_meeting: Meeting) -> None:
    text = dump_meeting(full_meeting)
    assert text.splitlines()[:2] == HEADER
    assert (ROOT / "docs" / "meeting-file.md").is_file()  # the header points at a real file
    assert text.endswith("\n") and not text.endswith("\n\n")
    for line in [
        "[meeting]",
        'start = "14.30"',
        "date = 2023-03-13",
        'attendance = "remote"',
        "arrived_at = 2",
        "closed = true",
        'recommendation_numbering = "a"',
        'outcomes = ["approved", "", "noted"]',
        'status = "postponed"',
        "[[items.actions]]",
        'due = "næste møde"',
        "number = 4",
    ]:
        assert line in text.splitlines(), line
    # case and minutes are blocks that read like the text itself
    assert 'case = """\nFire temaer:\n\n- Mental sundhed\n- Træning\n' in text
    assert 'minutes = """\nIndstillingen blev godkendt.\n\nDrøftet uden bemærkninger.\\\n"""' in text


def test_defaults_are_left_out_so_an_agenda_stays_small() -> None:
    agenda = Meeting(
        title="Styregruppe",
        date=date(2023, 3, 13),
        participants=[Participant(name="Anna")],
        items=[
            Item(title="Velkommen"),
            Item(title="Eventuelt", recommendation=Recommendation(points=["Godkender"], outcomes=[None])),
        ],
    )
    assert dump_meeting(agenda) == (
        "# A referent meeting file: see docs/meeting-file.md\n"
        "format = 1\n"
        "\n"
        "[meeting]\n"
        'title = "Styregruppe"\n'
        "date = 2023-03-13\n"
        "\n"
        "[[participants]]\n"
        'name = "Anna"\n'
        "\n"
        "[[items]]\n"
        "number = 1\n"
        'title = "Velkommen"\n'
        "\n"
        "[[items]]\n"
        "number = 2\n"
        'title = "Eventuelt"\n'
        'recommendation = ["Godkender"]\n'
    )
    assert round_trip(agenda) == agenda


def test_trailing_empty_outcomes_are_left_out() -> None:
    item = Item(
        title="P", recommendation=Recommendation(points=["a", "b", "c"], outcomes=[None, Outcome.NOTED, None])
    )
    meeting = Meeting(title="M", date=date(2023, 1, 2), items=[item])
    assert 'outcomes = ["", "noted"]' in dump_meeting(meeting).splitlines()
    assert round_trip(meeting) == meeting


def test_long_lists_are_written_one_entry_per_line() -> None:
    points = [f"Godkender det lange punkt nummer {n} i indstillingen" for n in range(1, 4)]
    meeting = Meeting(
        title="M",
        date=date(2023, 1, 2),
        items=[Item(title="P", recommendation=Recommendation(points=points, outcomes=[None] * 3))],
    )
    text = dump_meeting(meeting)
    assert "recommendation = [\n" + "".join(f'    "{p}",\n' for p in points) + "]\n" in text
    assert round_trip(meeting) == meeting


TRICKY_TEXTS = [
    'say "hi"',
    'a """ b',
    '"""',
    "''' literal quotes '''",
    'trailing quote"',
    'x\n"',
    'x\n""',
    "trailing backslash\\",
    "x\n\\",
    "back\\slash \\n \\u00e6 \\t",
    "line \\\nending backslash",
    "tab\there\n\tand here",
    "emoji 😀 👨‍👩‍👧 🇩🇰",
    "Rødgrød æøå ÆØÅ \u00a0nbsp \u2013 dash",
    "שלום\nمرحبا",
    "\x7f delete and \x85 next line",
    "two\nlines",
    "ends with newline\n",
    "\n",
    "\n\n",
    "\nstarts with newline",
    "  leading and trailing spaces  ",
    "ends with spaces \n  ",
    "# not a comment\n[[items]]\ntitle = 'not a key'",
    "key = value\n[meeting]",
    "a\r\nb\rc",  # cleaned to newlines
    "Word\x0bline\x0cpage\x00nul",  # cleaned
]


@pytest.mark.parametrize("raw", TRICKY_TEXTS)
def test_tricky_texts_round_trip_in_every_text_field(raw: str) -> None:
    text = clean_text(raw)
    person = Participant(name="N" + text, role=text, marker=text, group=text, substitute=text)
    item = Item(
        title="T" + text,
        presenter=text,
        case=text,
        recommendation=Recommendation(points=[text, "p2"], intro=text, short=text, outcomes=[None, None]),
        attachments=[text, text],
        minutes=text,
        conflicts=["N" + text],
        actions=[ActionItem(what="W" + text, who=text, due=text)],
    )
    meeting = Meeting(
        title="M" + text,
        date=date(2023, 3, 13),
        body=text,
        location=text,
        chair=text,
        secretary=text,
        next_meeting=text,
        participants=[person],
        guests=[dataclasses.replace(person, name="G" + text)],
        items=[item],
    )
    assert round_trip(meeting) == meeting


@pytest.mark.parametrize("text", [t for t in map(clean_text, TRICKY_TEXTS) if "\n" not in t])
def test_one_line_texts_stay_on_one_line(text: str) -> None:
    assert "\n" not in quote(text)
    assert quote_block(text) == quote(text)


@pytest.mark.parametrize("text", ['x\n"""', 'x\n""""', '\\\n"""'])
def test_a_multi_line_text_ending_in_triple_quotes_round_trips(text: str) -> None:
    meeting = Meeting(title="M", date=date(2023, 3, 13), items=[Item(title="P", minutes=text)])
    assert round_trip(meeting).items[0].minutes == text


def test_an_untitled_item_is_written_but_refused_when_read() -> None:
    """Issue 12: empty titles are mistakes; the app never makes one (its dialogs refuse it)."""
    meeting = Meeting(title="M", date=date(2023, 3, 13), items=[Item(title="")])
    with pytest.raises(MeetingFileError, match="'title' must not be empty"):
        round_trip(meeting)


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_meeting_files_round_trip(path: Path) -> None:
    meeting = load_meeting(path)
    text = dump_meeting(meeting)
    assert parse_meeting(text) == meeting
    assert dump_meeting(parse_meeting(text)) == text  # writing is stable


# --- generated meetings -----------------------------------------------------------------


def test_the_generator_reaches_every_field_of_every_part() -> None:
    """What the round trips below rely on: no field of the model is left at its default."""
    seen: set[str] = set()

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(generate.meetings())
    def collect(meeting: Meeting) -> None:
        seen.update(generate.every_field_set(meeting))

    collect()
    assert seen == generate.all_fields()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generate.meetings())
def test_generated_meetings_round_trip(meeting: Meeting) -> None:
    """Every field of every part (generated from the model's declarations) survives the file."""
    assert round_trip(meeting) == meeting


@settings(max_examples=300, deadline=None)
@given(generate.TEXT)
def test_generated_texts_round_trip_as_case(text: str) -> None:
    meeting = Meeting(title="M", date=date(2023, 3, 13), items=[Item(title="P", case=text)])
    assert round_trip(meeting).items[0].case == text
