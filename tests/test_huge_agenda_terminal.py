"""A huge Word agenda opened in a real terminal: Ctrl+Q, a closed terminal and SIGTERM end
``referent open`` while it is still reading, and while the app lays out an agenda of thousands
of items (issue 20, item 9).

Before the app runs, the terminal is in its ordinary mode, where Ctrl+Q is flow control (XON)
and never reaches the program: a Ctrl+Q typed during a long read was swallowed. These tests
start the open of a generated agenda of 20,000 paragraphs, wait until referent has the terminal
for its reading (Ctrl+Q no longer flow control), then stop it and see the process end with the
terminal's settings given back. Deadlines only end a hung test; nothing here times the read.
"""

from __future__ import annotations

import copy
import signal
import sys
import termios
import time
from pathlib import Path

import pytest
from terminal import CTRL_Q, Terminal, referent

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal: POSIX")

PARAGRAPHS = 20_000


@pytest.fixture(scope="module")
def huge_agenda(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from docx import Document

    path = tmp_path_factory.mktemp("huge") / "Dagsorden.docx"
    document = Document()
    document.add_heading("Dagsorden til bestyrelsesmøde 12. marts 2025", 0)
    for number in range(1, 11):
        document.add_heading(f"{number}. Punkt nummer {number}", 1)
        for paragraph in range(PARAGRAPHS // 10):
            document.add_paragraph(f"Afsnit {paragraph} i punkt {number}: det indstilles at godkende.")
    document.save(str(path))
    return path


def reading(term: Terminal, timeout: float = 60.0) -> bool:
    """Whether referent took the terminal for its reading (Ctrl+Q its quit character, no longer
    flow control) before the deadline, which only ends a hung test."""
    assert term.master is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and term.process.poll() is None:
        if termios.tcgetattr(term.master)[6][termios.VQUIT] == CTRL_Q.encode():
            return True
        time.sleep(0.01)  # (how often to look)
    return False


def flow_control(term: Terminal) -> bool:
    assert term.master is not None
    return bool(termios.tcgetattr(term.master)[0] & termios.IXON)


def stop(term: Terminal, how: str, ended_with: tuple[int, ...]) -> None:
    """Ctrl+Q, SIGTERM or a closed terminal: the app ends by itself (not killed by the signal;
    the wait only ends a hung test) and gives the terminal's settings back."""
    if how == "ctrl+q":
        term.send(CTRL_Q)
    elif how == "sigterm":
        term.signal(signal.SIGTERM)
    else:
        term.hang_up()
    status = term.wait(timeout=120)
    assert status in ended_with, status
    if how != "hang up":
        assert flow_control(term), "the terminal's settings were not given back"


@pytest.mark.parametrize("how", ["ctrl+q", "sigterm", "hang up"])
def test_a_huge_agenda_being_read_can_be_stopped(huge_agenda: Path, tmp_path: Path, how: str) -> None:
    env = {"REFERENT_DB": str(tmp_path / "referent.db"), "REFERENT_CONFIG": str(tmp_path / "none.toml")}
    with Terminal(referent("open", str(huge_agenda)), size=(100, 30), env=env, cwd=tmp_path) as term:
        assert flow_control(term)  # the terminal as the user has it
        assert reading(term), "referent never took the terminal while reading"
        stop(term, how, ended_with=(0, 1, 130))


ITEMS = 12_000


@pytest.fixture(scope="module")
def agenda_of_many_items(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12,000 numbered headings with a paragraph each (made by copying XML: python-docx's
    ``add_paragraph`` takes minutes for this many)."""
    from docx import Document

    path = tmp_path_factory.mktemp("many") / "Dagsorden.docx"
    document = Document()
    document.add_heading("Dagsorden til bestyrelsesmøde 12. marts 2025", 0)
    heading = document.add_heading("1. Punkt", 1)._p
    text = document.add_paragraph("Afsnit")._p
    body = text.getparent()
    body.remove(heading)
    body.remove(text)
    end = body[-1]  # the section properties: the paragraphs go before them
    for number in range(1, ITEMS + 1):
        for model, words in (
            (heading, f"{number}. Punkt nummer {number}"),
            (text, f"Sagen om punkt {number}."),
        ):
            paragraph = copy.deepcopy(model)
            paragraph.xpath(".//w:t")[0].text = words
            end.addprevious(paragraph)
    document.save(str(path))
    return path


@pytest.mark.parametrize("how", ["ctrl+q", "sigterm", "hang up"])
def test_an_agenda_of_thousands_of_items_being_laid_out_can_be_stopped(
    agenda_of_many_items: Path, tmp_path: Path, how: str
) -> None:
    """Enter on the correction screen goes on to the minutes, whose agenda has 12,000 rows;
    Ctrl+Q (or the signal) comes right behind it. Every row was made and measured before the
    app looked at the next key (and the correction screen read the file a second time
    meanwhile): Ctrl+Q waited for all of it. The wait below only ends a hung test."""
    env = {"REFERENT_DB": str(tmp_path / "referent.db"), "REFERENT_CONFIG": str(tmp_path / "none.toml")}
    with Terminal(referent("open", str(agenda_of_many_items)), size=(100, 30), env=env, cwd=tmp_path) as term:
        term.wait_for("Dagsorden.docx ·", timeout=120)  # the correction screen's title: the app runs
        term.wait_for("12000", timeout=60)  # ... and shows the reading of every item
        term.send("\r")  # on to the minutes
        stop(term, how, ended_with=(0, 1))
