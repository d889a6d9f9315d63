"""``referent body``, ``search``, ``actions`` and ``next`` as a secretary runs them."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from referent.cli import main
from referent.importing import parse_source, read_agenda_bytes
from referent.meetingfile.reader import load_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import (
    ActionItem,
    ActionState,
    Attendance,
    Item,
    ItemStatus,
    Meeting,
    Outcome,
    Participant,
    Recommendation,
)
from referent.nextagenda import APPROVE_MINUTES, FOLLOW_UP, comes_back, next_title
from referent.store import Store


def minutes(day: date = date(2023, 3, 13)) -> Meeting:
    return Meeting(
        title="2. møde i Sundhedsudvalget",
        date=day,
        body="Sundhedsudvalget",
        location="Rådhuset",
        next_meeting="Næste møde er mandag den 8. maj kl. 14.00-16.00 på Rådhuset.",
        participants=[
            Participant("Anna Holm", "formand", attendance=Attendance.PRESENT),
            Participant("Bo Berg", attendance=Attendance.ABSENT, substitute="Carl Dam"),
        ],
        guests=[Participant("Gæst Gæstesen")],
        items=[
            Item("Godkendelse af dagsorden", minutes="Godkendt."),
            Item(
                "Sundhedsaftalen",
                case="Udkast til Sundhedsaftalen.",
                recommendation=Recommendation(points=["udkastet godkendes"], outcomes=[Outcome.APPROVED]),
                minutes="Godkendt.",
                status=ItemStatus.TAKEN,
                actions=[
                    ActionItem("Aftalen sendes til udvalget", "Sekretariatet", "1. april 2023"),
                    ActionItem("Høringssvar samles", "Anna Holm", "1. januar 2099"),
                ],
            ),
            Item("Trafikplan", case="Planen for cykelstier.", status=ItemStatus.POSTPONED),
            Item("Budget", minutes="Punktet genoptages på næste møde."),
            Item("Personalesag", closed=True, case="Sundhedsaftalen og en medarbejder.", minutes="Drøftet."),
            Item("Eventuelt", minutes="Intet."),
        ],
    )


@pytest.fixture
def imported(tmp_path: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The minutes above as meeting 1 (a meeting file's draft)."""
    path = tmp_path / "marts.toml"
    path.write_text(dump_meeting(minutes()), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    return path


def test_search_prints_meeting_date_item_and_the_words_found(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "sundhedsaftale"]) == 0
    out = capsys.readouterr().out
    assert "2023-03-13  meeting 1  2. møde i Sundhedsudvalget  ·  item 2: Sundhedsaftalen" in out
    assert "Udkast til **Sundhedsaftalen**." in out
    assert "item 5: Personalesag  (closed item)" in out
    assert main(["search", "sundhedsaftale", "--public"]) == 0
    public = capsys.readouterr().out
    assert "item 2: Sundhedsaftalen" in public and "Personalesag" not in public
    assert main(["search", "medarbejderen", "--public"]) == 0
    assert capsys.readouterr().out == "Nothing found.\n"


def test_body_moves_a_meeting_and_list_shows_it_there(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["body", "1", "Social- og sundhedsudvalget"]) == 0
    assert capsys.readouterr().out == "meeting 1 moved from Sundhedsudvalget to Social- og sundhedsudvalget\n"
    assert main(["list"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Social- og sundhedsudvalget"
    assert main(["body", "7", "X"]) == 1
    assert "no meeting with id 7" in capsys.readouterr().err


def test_actions_lists_the_open_follow_ups_overdue_first(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["actions", "sundhed"]) == 0
    first, second = capsys.readouterr().out.splitlines()
    assert first.startswith("OVERDUE  Sekretariatet: Aftalen sendes til udvalget (by 1. april 2023)")
    assert first.endswith("meeting 1 of 2023-03-13, item 2")
    assert second.startswith("Anna Holm: Høringssvar samles (by 1. januar 2099)")
    assert main(["actions", "Teknik"]) == 2
    assert "no body called 'Teknik'" in capsys.readouterr().err


def test_next_writes_the_next_agenda_as_a_meeting_file(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "maj.toml"
    assert main(["next", "1", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    agenda = load_meeting(out)
    assert (agenda.title, agenda.date, agenda.start, agenda.end) == (
        "3. møde i Sundhedsudvalget",
        date(2023, 5, 8),
        time(14, 0),
        time(16, 0),
    )
    assert (agenda.body, agenda.location) == ("Sundhedsudvalget", "Rådhuset")
    assert [(p.name, p.attendance, p.substitute) for p in agenda.participants] == [
        ("Anna Holm", Attendance.UNKNOWN, ""),
        ("Bo Berg", Attendance.UNKNOWN, ""),
    ]
    assert agenda.guests == []
    assert [item.title for item in agenda.items] == [
        APPROVE_MINUTES,
        FOLLOW_UP,
        "Trafikplan",
        "Budget",
        "Eventuelt",
    ]
    follow_up = agenda.items[1].case
    assert "- Aftalen sendes til udvalget (Sekretariatet, senest 1. april 2023)" in follow_up
    assert "Høringssvar samles" in follow_up
    assert agenda.items[2].case == "Planen for cykelstier."
    assert all(item.status is ItemStatus.PENDING and not item.minutes for item in agenda.items)


def test_next_from_the_file_writes_a_word_agenda_that_reads_back(
    imported: Path, tmp_path: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(referent_db)
    try:
        done = store.open_follow_ups()[0]
        assert done.what == "Aftalen sendes til udvalget"
        with store.transaction():  # as a later meeting would have marked it
            store.db.execute(
                "UPDATE actions SET state = ? WHERE id = ?", [ActionState.DONE.value, done.action_id]
            )
    finally:
        store.close()
    out = tmp_path / "maj.docx"
    assert main(["next", str(imported), "--out", str(out)]) == 0
    agenda = parse_source(out, read_agenda_bytes(out), None).meeting
    assert (agenda.title, agenda.date) == ("3. møde i Sundhedsudvalget", date(2023, 5, 8))
    assert [item.title for item in agenda.items] == [
        APPROVE_MINUTES,
        FOLLOW_UP,
        "Trafikplan",
        "Budget",
        "Eventuelt",
    ]
    assert "Høringssvar samles" in agenda.items[1].case
    assert "Aftalen sendes til udvalget" not in agenda.items[1].case
    assert [p.name for p in agenda.participants] == ["Anna Holm", "Bo Berg"]


def test_next_without_out_writes_both_and_never_over_a_file(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["next", "1"]) == 0
    written = capsys.readouterr().out.splitlines()
    assert written == [
        "2023-05-08 Dagsorden Sundhedsudvalget.toml",
        "2023-05-08 Dagsorden Sundhedsudvalget.docx",
    ]
    assert main(["next", "1"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_next_of_an_unknown_meeting_says_so(
    referent_db: Path, imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["next", "9"]) == 1
    assert "no meeting with id 9" in capsys.readouterr().err


def test_what_comes_back_and_the_next_title() -> None:
    assert comes_back(Item("Budget", minutes="Punktet blev UDSAT."))
    assert comes_back(
        Item("Budget", recommendation=Recommendation(points=["a"], outcomes=[Outcome.POSTPONED]))
    )
    assert not comes_back(Item("Budget", minutes="Forudsat at midlerne findes, godkendt."))
    assert not comes_back(Item("Eventuelt", status=ItemStatus.POSTPONED))
    assert next_title("12. møde i Ældrerådet") == "13. møde i Ældrerådet"
    assert next_title("Møde i Ældrerådet") == "Møde i Ældrerådet"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Næste møde: 8. maj 2023 kl. 14.00", (date(2023, 5, 8), time(14, 0), None)),
        ("mandag den 8. maj kl. 14.00-16.00 på Rådhuset", (date(2023, 5, 8), time(14, 0), time(16, 0))),
        ("Næste møde er 7. november.", (date(2023, 11, 7), None, None)),
        ("15. januar", (date(2024, 1, 15), None, None)),  # the first 15 January after the meeting
        ("12.5.2023", (date(2023, 5, 12), None, None)),
        ("2023-05-08 kl 9", (date(2023, 5, 8), time(9, 0), None)),
        ("3. okt. 2023", (date(2023, 10, 3), None, None)),
        ("31. februar 2023", (None, None, None)),
        ("primo maj", (None, None, None)),
        # every form the Word reader knows (one parser for both): English, Nordic, a bare time
        ("Next meeting: May 8, 2023, 7:00pm", (date(2023, 5, 8), time(19, 0), None)),
        ("tisdagen den 14 mars 2023 kl. 13.15", (date(2023, 3, 14), time(13, 15), None)),
    ],
)
def test_the_dates_minutes_write(text: str, expected: tuple[date | None, time | None, time | None]) -> None:
    from referent.nextagenda import written_date

    assert written_date(text, date(2023, 3, 13)) == expected


def test_a_closed_items_follow_up_is_never_in_the_public_agenda(
    tmp_path: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = minutes()
    meeting.items[4].actions = [ActionItem("Medarbejderen kontaktes", "Direktøren", "1. april 2023")]
    path = tmp_path / "marts.toml"
    path.write_text(dump_meeting(meeting), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    out = tmp_path / "maj.toml"
    assert main(["next", "1", "--out", str(out)]) == 0
    agenda = load_meeting(out)
    assert "Medarbejderen" not in agenda.items[1].case
    closed = [item for item in agenda.items if item.closed]
    assert [item.title for item in closed] == ["Opfølgning på lukkede punkter"]
    assert "Medarbejderen kontaktes" in closed[0].case
    public = tmp_path / "maj-offentlig.md"
    assert main(["export", str(out), "--agenda", "--public", "--out", str(public)]) == 0
    assert "Medarbejderen" not in public.read_text(encoding="utf-8")
    assert "Aftalen sendes til udvalget" in public.read_text(encoding="utf-8")
    assert main(["search", "medarbejderen", "--public"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Nothing found."
