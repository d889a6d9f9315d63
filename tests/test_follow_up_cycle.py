"""Three meetings of one body in a row, typed in a real terminal: follow-ups carried to the next.

March's minutes get two action items and are approved; ``referent next`` writes May's agenda;
in May's *Opfølgning* one is marked done and one carried, and May is approved; June's agenda
and June's *Opfølgning* show only the one carried.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from terminal import CTRL_Q, ESCAPE, Terminal, referent

from referent.meetingfile.reader import load_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import Item, Meeting, Participant

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal: POSIX only")

CTRL_T, CTRL_R, ENTER = "\x14", "\x12", "\r"
CTRL_DOWN = "\x1b[1;5B"
F7 = "\x1b[18~"


def approve(term: Terminal) -> None:
    """Ctrl+R, A; yes, although problems are listed (attendance was not taken); the chair's
    name as offered."""
    term.send(CTRL_R)
    term.wait_for("Review ·")
    term.send("a")
    term.wait_for("still listed")
    term.send("y")
    term.wait_for("Approved by")
    term.send(ENTER)
    term.wait_for("Approved by Anna Holm")


def test_three_meetings_of_one_body_carry_their_follow_ups(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('language = "en"\n', encoding="utf-8")
    env = {"REFERENT_DB": str(tmp_path / "r.db"), "REFERENT_CONFIG": str(settings),
           "REFERENT_LOCKS": str(tmp_path / "locks")}  # fmt: skip

    def command(*args: str) -> str:
        result = subprocess.run(
            referent(*args), capture_output=True, text=True, env={**os.environ, **env}, cwd=tmp_path
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    march = tmp_path / "marts.toml"
    march.write_text(
        dump_meeting(
            Meeting(
                "1. møde i Sundhedsudvalget",
                date(2023, 3, 13),
                body="Sundhedsudvalget",
                chair="Anna Holm",
                next_meeting="Næste møde: 8. maj 2023 kl. 14.00",
                participants=[Participant("Anna Holm"), Participant("Bo Berg")],
                items=[Item("Budget"), Item("Eventuelt")],
            )
        ),
        encoding="utf-8",
    )
    with Terminal(referent("open", str(march)), size=(100, 30), env=env, cwd=tmp_path) as term:
        term.wait_for("Budget")
        for what, who in (("Tal indhentes", "Bo Berg"), ("Plan skrives", "Anna Holm")):
            term.send(CTRL_T)
            term.wait_for("What")
            term.type(what)
            term.send(ENTER)
            term.type(who)
            term.send(ENTER)
            term.send(ENTER)
            term.wait_for(f"Action item: {what}")
        approve(term)
        term.send(CTRL_Q)
        assert term.wait() == 0

    may = tmp_path / "maj.toml"
    assert command("next", "1", "--out", str(may)) == f"{may}\n"
    assert load_meeting(may).date == date(2023, 5, 8)
    with Terminal(referent("open", str(may)), size=(100, 30), env=env, cwd=tmp_path) as term:
        term.wait_for("Opfølgning")
        term.send(CTRL_DOWN)
        term.wait_for("○ Tal indhentes")
        term.wait_for("○ Plan skrives")
        term.send(F7)
        term.wait_for("Follow-ups from earlier meetings")
        term.send("d")
        term.wait_for("done")
        term.send("c")
        term.wait_for("carried")
        term.send(ESCAPE)
        term.wait_for("✓ Tal indhentes")
        term.wait_for("→ Plan skrives")
        approve(term)
        term.send(CTRL_Q)
        assert term.wait() == 0

    june = tmp_path / "juni.toml"
    command("next", "2", "--out", str(june))
    follow_up = load_meeting(june).items[1]
    assert follow_up.title == "Opfølgning"
    assert "Plan skrives" in follow_up.case and "Tal indhentes" not in follow_up.case
    with Terminal(referent("open", str(june)), size=(100, 30), env=env, cwd=tmp_path) as term:
        term.wait_for("Opfølgning")
        term.send(CTRL_DOWN)
        screen = term.wait_for("○ Plan skrives")
        assert "Tal indhentes" not in screen
        term.send(CTRL_Q)
        assert term.wait() == 0
    assert "Anna Holm: Plan skrives" in command("actions", "Sundhedsudvalget")
    assert "Tal indhentes" not in command("actions")
