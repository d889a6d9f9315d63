"""One entry point reads a meeting from a file by what the file is, not what it is called."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from word_agendas import build_agenda

from referent.export import render
from referent.importing import file_digest, read_source, summary_lines
from referent.meetingfile.reader import load_meeting
from referent.problems import MeetingFileError

SAMPLES = Path(__file__).parent.parent / "sample_agendas"
DEMO = SAMPLES / "demo-board-meeting.toml"


def test_a_meeting_file_is_read_as_toml_with_the_digest_of_its_bytes() -> None:
    source = read_source(DEMO)
    assert source.kind == "toml" and source.warnings == []
    assert source.meeting == load_meeting(DEMO)
    assert source.digest == file_digest(DEMO.read_bytes())


def test_a_word_agenda_is_read_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    data = render(load_meeting(DEMO), agenda=True)[0]
    for name in ("dagsorden.docx", "dagsorden.toml", "dagsorden"):
        path = tmp_path / name
        path.write_bytes(data)
        source = read_source(path)
        assert source.kind == "docx"
        assert source.meeting.title == "Riverside Community Board – March meeting"
        assert len(source.digest) == 64


def test_the_digest_follows_the_bytes(tmp_path: Path) -> None:
    meeting = load_meeting(DEMO)
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    first.write_bytes(build_agenda(meeting))
    second.write_bytes(first.read_bytes())
    assert read_source(first).digest == read_source(second).digest
    meeting.items[0].title = "Approval of the agenda and the minutes"
    second.write_bytes(build_agenda(meeting))
    assert read_source(first).digest != read_source(second).digest


def test_a_meeting_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + DEMO.read_bytes())
    assert read_source(path).meeting == load_meeting(DEMO)


def test_meeting_file_problems_keep_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[meeting]\ntitle = 5\ndate = 2023-03-13\n", encoding="utf-8")
    with pytest.raises(MeetingFileError) as error:
        read_source(path)
    assert [p.render(str(path)) for p in error.value.problems] == [
        f"{path}:2: 'title' must be text in quotes, not 5 (a number)"
    ]


def test_text_named_docx_is_not_read_as_a_meeting_file(tmp_path: Path) -> None:
    path = tmp_path / "dagsorden.docx"
    path.write_bytes(DEMO.read_bytes())
    with pytest.raises(MeetingFileError, match="is not a Word document"):
        read_source(path)


def test_the_summary_says_what_was_understood() -> None:
    lines = summary_lines(load_meeting(SAMPLES / "politisk-niveau-klynge-midt-2023-03-13.toml"))
    assert lines[:4] == [
        "2. møde på Politisk Niveau Sundhedsklynge Midt",
        "  Monday 13 March 2023, 14.30–16.30, "
        "Mødelokale K i Regionshuset, Niels Bohrs Vej 30, 9220 Aalborg Øst",
        "  chair: Jes Lunde",
        "  22 participants in 4 groups",
    ]
    assert lines[4:6] == ["  6 items:", "    1. Velkommen og godkendelse af dagsorden"]
    assert lines[-1] == "    6. Eventuelt"


def test_the_summary_counts_guests_apologies_and_closed_items() -> None:
    meeting = load_meeting(DEMO)
    meeting.participants[1].substitute = "Jan Nybo"
    lines = summary_lines(meeting)
    assert "  6 participants in 2 groups (1 sent apologies), 1 guest" in lines
    assert "    4. Staff matter (closed)" in lines


def heavy_modules_after(code: str, cwd: Path) -> list[str]:
    report = (
        "import json, sys\nprint(json.dumps([m for m in ('docx', 'lxml', 'textual') if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\n{report}"], capture_output=True, text=True, cwd=cwd, timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.splitlines()[-1]))


def test_importing_the_readers_does_not_import_python_docx(tmp_path: Path) -> None:
    code = "import referent.importing, referent.importing.word, referent.importing.word.reader"
    assert heavy_modules_after(code, tmp_path) == []


def test_reading_a_meeting_file_does_not_import_python_docx(tmp_path: Path) -> None:
    assert heavy_modules_after(READ.format(path=str(DEMO)), tmp_path) == []


READ = "from pathlib import Path\nfrom referent.importing import read_source\nread_source(Path({path!r}))"


def test_reading_a_word_agenda_loads_lxml_but_not_python_docx(tmp_path: Path) -> None:
    """The check above can fail: reading a .docx loads lxml. python-docx (0.1 s more) is for
    writing: the reader opens the package itself, within its bounds."""
    path = tmp_path / "a.docx"
    path.write_bytes(build_agenda(load_meeting(DEMO)))
    assert heavy_modules_after(READ.format(path=str(path)), tmp_path) == ["lxml"]
