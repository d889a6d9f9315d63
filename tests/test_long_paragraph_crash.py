"""``kill -9`` while typing into a 20,000-word paragraph loses at most the last second.

The real app runs in a pseudo-terminal, as a user runs it: keys are written to the terminal
at a typist's speed (8 a second), and a key counts from the moment it was typed, not from
when the app got round to it. An app that falls behind leaves the keys waiting in the
terminal, and a crash loses them all.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from terminal import Terminal, referent

from referent.meetingfile.reader import load_meeting
from referent.store import Store

DEMO = Path(__file__).resolve().parents[1] / "sample_agendas" / "demo-board-meeting.toml"
COLUMNS, ROWS = 100, 30
KEY_INTERVAL = 0.125  # 8 keys a second
TYPING_SECONDS = 4.0
ALLOWED_LOSS_SECONDS = 1.0
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
def test_kill_9_while_typing_in_a_20000_word_paragraph_loses_at_most_the_last_second(tmp_path: Path) -> None:
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
    typed: list[tuple[str, float]] = []
    try:
        terminal.wait_for(END_MARK, timeout=60)  # the end of the paragraph is on screen
        time.sleep(1.0)  # let start-up settle
        letters = "abcdefghijklmnoprstuvwxyz"
        started = next_key = time.monotonic()
        while next_key - started < TYPING_SECONDS:
            time.sleep(max(0.0, next_key - time.monotonic()))
            letter = letters[len(typed) % len(letters)]
            terminal.send(letter)
            typed.append((letter, time.monotonic()))
            next_key += KEY_INTERVAL
        killed_at = time.monotonic()
        os.kill(terminal.process.pid, signal.SIGKILL)
    finally:
        terminal.close()

    store = Store.open(database)
    try:
        saved = store.load_meeting(meeting_id).items[0].minutes
    finally:
        store.close()
    everything = "".join(letter for letter, _ in typed)
    old_enough = "".join(letter for letter, at in typed if at < killed_at - ALLOWED_LOSS_SECONDS)
    assert len(old_enough) >= 16, "too little was typed to tell"
    assert saved.startswith(text), "the paragraph itself was damaged"
    kept = saved[len(text) :]
    assert everything.startswith(kept), "typed text garbled or invented"
    assert kept.startswith(old_enough), f"lost {len(everything) - len(kept)} of {len(everything)} keys"
