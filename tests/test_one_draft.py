"""One meeting, one draft: the same file always addresses the same draft, from the shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from terminal import CTRL_Q, Terminal
from test_word_hostile import rezipped

from referent.cli import main
from referent.export import render
from referent.meetingfile.reader import load_meeting
from referent.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_agendas" / "demo-board-meeting.toml"


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "board.toml"
    shutil.copy(DEMO, path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def stored(referent_db: Path) -> Store:
    return Store.open(referent_db)


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_importing_a_file_twice_makes_one_draft(
    meeting_file: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "import", str(meeting_file))[1] == f"{meeting_file}: imported as meeting 1\n"
    status, out, _ = run(capsys, "import", str(meeting_file))
    assert status == 0
    assert "already imported as meeting 1" in out and "nothing changed" in out
    assert f"referent open {meeting_file}" in out
    store = stored(referent_db)
    assert [m.id for m in store.list_meetings()] == [1]
    store.close()


def test_a_copy_only_when_asked_and_named_as_a_copy(
    meeting_file: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(meeting_file))
    assert run(capsys, "import", "--copy", str(meeting_file))[1] == (
        f"{meeting_file}: imported as meeting 2 (a copy of meeting 1)\n"
    )
    _, out, _ = run(capsys, "list")
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "copy of 1" in rows["2"] and "copy" not in rows["1"]
    assert "board.toml" in rows["1"]
    store = stored(referent_db)
    store.save_minutes(store.item_ids(1)[0], "In the draft.")
    store.close()
    run(capsys, "export", str(meeting_file), "--format", "md", "--out", str(meeting_file.with_suffix(".md")))
    assert "In the draft." in meeting_file.with_suffix(".md").read_text(encoding="utf-8")  # never the copy


def test_a_changed_file_is_listed_then_brought_in_keeping_the_minutes(
    meeting_file: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(meeting_file))
    store = stored(referent_db)
    store.save_minutes(store.item_ids(1)[1], "The playground was discussed.")
    store.close()
    text = meeting_file.read_text(encoding="utf-8").replace("March meeting", "March meeting (moved)")
    meeting_file.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "import", str(meeting_file))
    assert status == 0
    assert "The file has changed since:" in out and "The meeting's title: now" in out
    assert "Nothing was changed" in out
    store = stored(referent_db)
    assert store.load_meeting(1).title.endswith("March meeting")
    store.close()
    status, out, _ = run(capsys, "import", "--update", str(meeting_file))
    assert status == 0 and "now follows the file" in out
    store = stored(referent_db)
    meeting = store.load_meeting(1)
    assert meeting.title.endswith("(moved)")
    assert meeting.items[1].minutes == "The playground was discussed."
    assert len(store.list_meetings()) == 1
    store.close()
    assert "nothing changed" in run(capsys, "import", str(meeting_file))[1]


def test_export_of_a_file_exports_its_draft(
    meeting_file: Path, referent_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "import", str(meeting_file))
    store = stored(referent_db)
    store.save_minutes(store.item_ids(1)[0], "The agenda was approved as circulated.")
    store.close()
    out = tmp_path / "referat.docx"
    assert run(capsys, "export", str(meeting_file), "--out", str(out))[0] == 0
    assert "The agenda was approved as circulated." in docx_text(out)


def test_the_default_name_never_replaces_another_meetings_document(
    meeting_file: Path,
    referent_db: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    run(capsys, "import", str(meeting_file))
    run(capsys, "import", "--copy", str(meeting_file))
    first = Path(run(capsys, "export", "1")[1].strip())
    assert run(capsys, "export", "1")[1].strip() == str(first)  # its own document: replaced
    second = Path(run(capsys, "export", "2")[1].strip())
    assert second != first and second.name.endswith(" (2).docx")  # another meeting's: kept
    store = stored(referent_db)
    store.approve(1, "Helen Carter")
    store.close()
    approved = Path(run(capsys, "export", "1")[1].strip())
    assert approved not in (first, second)  # the draft's document is not replaced by the approved
    assert "UDKAST" in docx.Document(str(first)).sections[0].header.paragraphs[0].text


def test_the_default_name_never_replaces_a_document_saved_again_in_word(
    meeting_file: Path,
    referent_db: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Exported, then opened and saved in Word (which counts its saves in ``cp:revision``): the
    same command again writes a new file and leaves the one edited in Word as it was."""
    monkeypatch.chdir(tmp_path)
    run(capsys, "import", str(meeting_file))
    first = Path(run(capsys, "export", "1", "--for-review")[1].strip())
    core = zipfile.ZipFile(first).read("docProps/core.xml").decode()
    assert "<cp:revision>1</cp:revision>" in core
    saved_by_word = core.replace("<cp:revision>1<", "<cp:revision>3<").encode()
    first.write_bytes(rezipped(first.read_bytes(), {"docProps/core.xml": saved_by_word}))  # the chair's edits
    edited = first.read_bytes()
    again = Path(run(capsys, "export", "1", "--for-review")[1].strip())
    assert again != first and again.name.endswith(" (2).docx")
    assert first.read_bytes() == edited
    assert run(capsys, "export", "1", "--for-review")[1].strip() == str(again)  # (2) is its own


def test_a_reading_round_copy_of_approved_minutes_is_refused(
    meeting_file: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(meeting_file))
    store = stored(referent_db)
    store.approve(1, "Helen Carter")
    store.close()
    status, _, err = run(capsys, "export", "1", "--for-review")
    assert status == 2 and "approved" in err


def test_a_word_agenda_goes_through_the_same_cycle(
    tmp_path: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "dagsorden.docx"
    agenda.write_bytes(render(load_meeting(DEMO), agenda=True)[0])
    status, out, _ = run(capsys, "check", str(agenda))
    assert status == 0 and "read as a Word agenda" in out and "5 items" in out
    assert run(capsys, "import", str(agenda))[1] == f"{agenda}: imported as meeting 1\n"
    assert "already imported as meeting 1" in run(capsys, "import", str(agenda))[1]
    store = stored(referent_db)
    store.save_minutes(store.item_ids(1)[0], "Approved.")
    store.close()
    toml = tmp_path / "møde.toml"
    run(capsys, "export", str(agenda), "--format", "toml", "--out", str(toml))
    assert load_meeting(toml).items[0].minutes == "Approved."


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal: POSIX only")
def test_the_readme_sequence_as_a_user_types_it(meeting_file: Path, tmp_path: Path) -> None:
    """import, open and type, quit, import again, open FILE, export FILE: the minutes are there."""
    database = tmp_path / "user.db"
    env = {"REFERENT_DB": str(database), "REFERENT_CONFIG": str(tmp_path / "none.toml")}
    referent = [sys.executable, "-m", "referent"]

    def command(*args: str) -> str:
        environment = {**os.environ, **env}
        result = subprocess.run(
            [*referent, *args], capture_output=True, text=True, env=environment, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "imported as meeting 1" in command("import", str(meeting_file))
    with Terminal([*referent, "open", str(meeting_file)], size=(80, 24), env=env, cwd=tmp_path) as term:
        term.wait_for("Approval of the agenda")
        term.type("Approved as circulated.")
        term.wait_for("circulated.")
        term.send(CTRL_Q)
        assert term.wait() == 0
    assert "already imported as meeting 1" in command("import", str(meeting_file))
    with Terminal([*referent, "open", str(meeting_file)], size=(80, 24), env=env, cwd=tmp_path) as term:
        term.wait_for("Approved as circulated.")  # the same draft, resumed
        term.send(CTRL_Q)
        assert term.wait() == 0
    out = Path(command("export", str(meeting_file)).strip())
    assert "Approved as circulated." in docx_text(tmp_path / out)
