"""Agendas saved by pandoc and LibreOffice (committed fixtures, and made afresh when the tools are here)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from agenda_view import agenda_view

from referent.export.filters import agenda_meeting
from referent.importing.word import read_word_agenda
from referent.meetingfile.reader import load_meeting

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures" / "word"
SAMPLES = TESTS.parent / "sample_agendas"
PANDOC = shutil.which("pandoc")


def expected(sample: str) -> dict[str, object]:
    return agenda_view(agenda_meeting(load_meeting(SAMPLES / f"{sample}.toml")))


def test_a_pandoc_made_agenda_reads_back_the_same() -> None:
    read = read_word_agenda(FIXTURES / "politisk-niveau-pandoc.docx")
    assert agenda_view(read.meeting) == expected("politisk-niveau-klynge-midt-2023-03-13")
    assert read.warnings == []


def test_a_libreoffice_saved_agenda_reads_back_the_same() -> None:
    read = read_word_agenda(FIXTURES / "direktoerforum-libreoffice.docx")
    assert agenda_view(read.meeting) == expected("direktoerforum-klynge-midt-2023-04-17")
    assert read.warnings == []


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed (Debian: apt-get install pandoc)")
def test_the_installed_pandoc_makes_a_readable_agenda_too(tmp_path: Path) -> None:
    assert PANDOC is not None
    target = tmp_path / "agenda.docx"
    subprocess.run([PANDOC, str(FIXTURES / "politisk-niveau-pandoc.md"), "-o", str(target)], check=True)
    assert agenda_view(read_word_agenda(target).meeting) == expected("politisk-niveau-klynge-midt-2023-03-13")
