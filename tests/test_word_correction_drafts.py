"""The secretary's corrections of a Word agenda's reading are kept with its draft and applied
again whenever the file is read again; each meeting of a file that holds several has a draft."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from correction_docs import board_agenda, three_meetings

from referent import cli
from referent.cli import drafts as cli_drafts
from referent.correcting import Correcting, bring_into_draft, kept_corrections, read, word_source
from referent.importing.word.corrections import Corrections, Role, paragraph_key
from referent.meetingfile.reader import load_meeting
from referent.sources import draft_for_file
from referent.store import Store, schema

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def corrected(store: Store, meeting_id: int, *marks: tuple[str, Role]) -> None:
    """What the correction screen does when she presses keys and Enter: the draft follows."""
    source = word_source(store, meeting_id)
    assert source is not None
    correcting = Correcting(kept_corrections(store, meeting_id))
    for text, role in marks:
        placed = next(p for p in read(source, correcting.corrections).placed if p.text == text)
        assert correcting.role(placed, role)
    bring_into_draft(
        store, meeting_id, source, correcting.corrections, read(source, correcting.corrections).meeting
    )


# --- the store ---------------------------------------------------------------------------


def test_a_database_written_before_corrections_were_kept_is_migrated(tmp_path: Path) -> None:
    """``schema-m009.db`` was written by referent before this change (see its README): two
    meeting files, a Word agenda's draft with minutes, and a copy of it."""
    path = tmp_path / "referent.db"
    shutil.copyfile(FIXTURES / "databases" / "schema-m009.db", path)
    with sqlite3.connect(path) as before:
        assert schema.pending(before)[0] == "m010_word_corrections"
        columns = [row[1] for row in before.execute("PRAGMA table_info(meetings)")]
        assert "reading_corrections" not in columns and "source_meeting" not in columns
    store = Store.open(path)
    try:
        assert schema.pending(store.db.connection) == []
        files = [
            FIXTURES / "minutes" / "politisk-niveau-klynge-midt-2023-03-13.toml",
            FIXTURES / "nord" / "klyngestyregruppe-nord-2022-08-26.toml",
        ]
        for meeting_id, file in enumerate(files, start=1):
            assert store.load_meeting(meeting_id) == load_meeting(file)
        word = store.source_path(3)
        assert word.endswith("direktoerforum-libreoffice.docx") and store.source_path(4) == word
        assert store.load_meeting(3).items[0].minutes == "Godkendt."
        assert [store.reading_corrections(3), store.source_meeting(3)] == ["", None]
        # the file's draft is found as before, as its meeting 1 too, never the copy (4)
        assert store.find_by_source(word) is not None and store.find_by_source(word)[0] == 3  # type: ignore[index]
        assert store.find_by_source(word, 1) is not None and store.find_by_source(word, 1)[0] == 3  # type: ignore[index]
        assert store.find_by_source(word, 2) is None
        assert [(m.id, m.source_meeting) for m in store.list_meetings() if m.id in (3, 4)] == [
            (4, None),
            (3, None),
        ]
    finally:
        store.close()


def test_corrections_are_kept_with_the_draft_and_applied_to_the_updated_file(tmp_path: Path) -> None:
    agenda = board_agenda().save(tmp_path / "dagsorden.docx")
    store = Store.open(tmp_path / "t.db")
    try:
        meeting_id = draft_for_file(store, agenda).meeting_id
        assert [i.title for i in store.load_meeting(meeting_id).items] == [
            "Godkendelse af dagsorden", "Regnskab 2022", "Eventuelt",
        ]  # fmt: skip
        corrected(store, meeting_id, ("Orientering fra formanden", Role.ITEM),
                  ("Jens Hansen, formand", Role.PARTICIPANT))  # fmt: skip
        meeting = store.load_meeting(meeting_id)
        titles = ["Godkendelse af dagsorden", "Regnskab 2022", "Orientering fra formanden", "Eventuelt"]
        assert [i.title for i in meeting.items] == titles
        assert [p.name for p in meeting.participants] == ["Jens Hansen"]
        kept = Corrections.from_json(store.reading_corrections(meeting_id))
        assert {(m.key, m.role) for m in kept.marks} == {
            (paragraph_key("Orientering fra formanden"), Role.ITEM),
            (paragraph_key("Jens Hansen, formand"), Role.PARTICIPANT),
        }
        briefing = store.item_ids(meeting_id)[2]
        store.save_minutes(briefing, "Formanden orienterede.")

        board_agenda(updated=True).save(agenda)
        draft = draft_for_file(store, agenda)
        assert draft.update is not None and draft.stale == []
        assert [i.title for i in draft.update.meeting.items] == titles  # read with her corrections
        store.update_agenda(meeting_id, draft.update, draft.digest)
        meeting = store.load_meeting(meeting_id)
        assert [i.title for i in meeting.items] == titles
        assert meeting.items[1].case.startswith("Kassereren gennemgår det reviderede regnskab.")
        assert (
            meeting.items[2].minutes == "Formanden orienterede." and store.item_ids(meeting_id)[2] == briefing
        )
        assert store.reading_corrections(meeting_id) == kept.to_json()  # an update keeps them
    finally:
        store.close()


def test_corrections_that_change_nothing_are_kept_without_a_change_to_the_draft(tmp_path: Path) -> None:
    agenda = board_agenda().save(tmp_path / "dagsorden.docx")
    store = Store.open(tmp_path / "t.db")
    try:
        meeting_id = draft_for_file(store, agenda).meeting_id
        saved = store.list_meetings()[0].updated_at
        corrected(store, meeting_id, ("2. Regnskab 2022", Role.ITEM))  # an item already
        assert store.list_meetings()[0].updated_at == saved  # not a change of the minutes
        assert Corrections.from_json(store.reading_corrections(meeting_id)).marks[0].role is Role.ITEM
    finally:
        store.close()


# --- the command line --------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What ``referent open`` would show: the app is not started."""
    calls: list[dict[str, Any]] = []

    def run_app(
        store: Store, database: Path, meeting_id: int | None, draft: Any = None, **options: Any
    ) -> int:
        calls.append({"meeting": meeting_id, "draft": draft, **options})
        store.close()
        return 0

    monkeypatch.setattr(cli_drafts, "run_app", run_app)
    return calls


def test_each_meeting_of_a_file_has_a_draft_of_its_own(
    tmp_path: Path, referent_db: Path, opened: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = three_meetings().save(tmp_path / "bestyrelsen-2023.docx")
    assert run(capsys, "open", str(agenda), "--meeting", "2")[0] == 0
    assert run(capsys, "open", str(agenda), "--meeting", "3")[0] == 0
    assert run(capsys, "open", str(agenda), "--meeting", "2")[0] == 0  # found again
    assert [call["meeting"] for call in opened] == [1, 2, 1]
    assert [call["draft"].imported for call in opened] == [True, True, False]
    store = Store.open(referent_db)
    try:
        assert [store.load_meeting(n).items[0].title for n in (1, 2)] == ["Budget 2024", "Julefrokost"]
        assert [store.source_meeting(n) for n in (1, 2)] == [2, 3]
        store.save_minutes(store.item_ids(2)[0], "Julefrokosten holdes i december.")
    finally:
        store.close()
    status, out, _ = run(capsys, "import", str(agenda), "--meeting", "3")
    assert status == 0 and "already imported as meeting 2" in out
    out_file = tmp_path / "referat.md"
    assert run(capsys, "export", str(agenda), "--meeting", "3", "--out", str(out_file))[0] == 0
    assert "Julefrokosten holdes i december." in out_file.read_text(encoding="utf-8")
    status, out, _ = run(capsys, "import", str(agenda), "--meeting", "1")
    assert (status, out) == (0, f"{agenda}: imported as meeting 3\n")
    _, out, _ = run(capsys, "list")
    assert "bestyrelsen-2023.docx (meeting 3 of the file)" in out


def test_a_file_of_several_meetings_is_never_read_silently(
    tmp_path: Path, opened: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = three_meetings().save(tmp_path / "bestyrelsen-2023.docx")
    run(capsys, "import", str(agenda), "--meeting", "2")
    status, _, err = run(capsys, "import", str(agenda))
    assert status == 2
    assert "this file holds 3 meetings; choose one with --meeting N:" in err
    assert "  2. 3.10.2023 – Bestyrelsesmøde (first item: Budget 2024)" in err
    assert "  meeting 2 has its draft: meeting 1" in err
    status, _, err = run(capsys, "open", str(agenda), "--meeting", "4")
    assert status == 2 and "there is no meeting 4: the file holds 3" in err
    with pytest.raises(SystemExit) as refused:  # argparse's own way out (it once crashed here)
        cli.main(["import", str(agenda), "--meeting", "x"])
    assert refused.value.code == 2 and "'x' is not a meeting's number in the file" in capsys.readouterr().err
    # open without --meeting starts the app with the choice, and imports nothing yet
    assert run(capsys, "open", str(agenda))[0] == 0
    several = opened[-1]["several"]
    assert opened[-1]["meeting"] is None
    assert [(c.number, c.first_item) for c in several.choices] == [
        (1, "Velkommen"), (2, "Budget 2024"), (3, "Julefrokost"),
    ]  # fmt: skip


def test_a_file_of_one_meeting_has_no_second_meeting(
    tmp_path: Path, opened: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = board_agenda().save(tmp_path / "dagsorden.docx")
    assert run(capsys, "import", str(agenda), "--meeting", "1")[1] == f"{agenda}: imported as meeting 1\n"
    status, _, err = run(capsys, "open", str(agenda), "--meeting", "2")
    assert status == 2 and "there is no meeting 2: the file holds 1 meeting" in err
    assert run(capsys, "open", str(agenda))[0] == 0 and opened[-1]["meeting"] == 1  # meeting 1 is the file


def test_corrections_that_no_longer_apply_are_said(
    tmp_path: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = board_agenda().save(tmp_path / "dagsorden.docx")
    run(capsys, "import", str(agenda))
    store = Store.open(referent_db)
    try:
        corrected(
            store, 1, ("Orientering fra formanden", Role.ITEM), ("Jens Hansen, formand", Role.PARTICIPANT)
        )
    finally:
        store.close()
    changed = board_agenda()
    changed.document.paragraphs[9].runs[0].text = "Orientering fra næstformanden"  # the marked line
    changed.save(agenda)
    status, out, err = run(capsys, "import", "--update", str(agenda))
    assert status == 0 and "now follows the file" in out
    assert (
        f"referent: {agenda}: 1 of your corrections to how it was read no longer applies: its paragraph "
        "is gone from the file (the correction is kept, not applied)"
    ) in err
    store = Store.open(referent_db)
    try:
        assert [p.name for p in store.load_meeting(1).participants] == ["Jens Hansen"]  # the other applies
        assert len(Corrections.from_json(store.reading_corrections(1)).marks) == 2  # kept, not applied
    finally:
        store.close()
