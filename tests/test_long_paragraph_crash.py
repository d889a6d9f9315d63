"""``kill -9`` after typing into a 20,000-word paragraph loses nothing that was saved.

The real app runs in a pseudo-terminal, as a user runs it: keys are written to the terminal
a character at a time, and the app's own autosave must have written every one of them (an app
that re-wrapped the whole paragraph at every key would leave them waiting in the terminal for
minutes, and a crash would lose them all); then it is killed. How fast a key is answered is
measured in ``bench/``, not here: the deadline only ends a test that would otherwise hang.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from terminal import Terminal, referent, saved_minutes

from referent.meetingfile.reader import load_meeting
from referent.store import Store

DEMO = Path(__file__).resolve().parents[1] / "sample_agendas" / "demo-board-meeting.toml"
COLUMNS, ROWS = 100, 30
KEYS = 32  # four seconds of a typist's 8 keys a second
DEADLINE = 120.0
END_MARK = "SLUTORD"
WORDS = [
    "referatet",
    "godkendt",
    "med",
    "bemærkninger",
    "sekretariatet",
    "orienterede",
    "om",
    "økonomien",
    "og",
    "kommunerne",
]


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal and SIGKILL: POSIX only")
def test_kill_9_after_typing_in_a_20000_word_paragraph_loses_nothing_saved(tmp_path: Path) -> None:
    rng = random.Random(7)
    text = " ".join(rng.choice(WORDS) for _ in range(20_000 - 1)) + " " + END_MARK
    database = tmp_path / "t.db"
    store = Store.open(database)
    meeting_id = store.import_meeting(load_meeting(DEMO))
    store.save_minutes(store.item_ids(meeting_id)[0], text)
    store.close()
    env = {
        **os.environ,
        "REFERENT_DB": str(database),
        "REFERENT_CONFIG": str(tmp_path / "none.toml"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
    }
    terminal = Terminal(referent("open", str(meeting_id)), size=(COLUMNS, ROWS), env=env, cwd=tmp_path)
    letters = "abcdefghijklmnoprstuvwxyz"
    typed = "".join(letters[n % len(letters)] for n in range(KEYS))
    try:
        terminal.wait_for(END_MARK, timeout=DEADLINE)  # the end of the paragraph is on screen
        terminal.type(typed)
        deadline = time.monotonic() + DEADLINE
        while (kept := saved_minutes(database, meeting_id)[len(text) :]) != typed:
            assert terminal.process.poll() is None, "the app ended"
            assert time.monotonic() < deadline, f"saved {len(kept)} of {KEYS} keys"
            time.sleep(0.1)  # (how often to look)
        os.kill(terminal.process.pid, signal.SIGKILL)
        terminal.process.wait(timeout=DEADLINE)
    finally:
        terminal.close()

    saved = saved_minutes(database, meeting_id)
    assert saved.startswith(text), "the paragraph itself was damaged"
    assert saved[len(text) :] == typed, "typed text lost, garbled or invented"
