"""``kill -9`` while typing loses at most the last second and never damages the database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from referent.lock import MeetingLock
from referent.meetingfile.reader import load_meeting
from referent.store import Store

DEMO = Path(__file__).resolve().parents[1] / "sample_agendas" / "demo-board-meeting.toml"
TYPING_SECONDS = 3.0
ALLOWED_LOSS_SECONDS = 1.0

# Runs the app headless and types into the editor without end. Each character is logged with
# the time right after its key press was handled; the log is flushed to the OS at once, so
# it outlives the SIGKILL.
CHILD = """\
import asyncio
import sys
import time
from pathlib import Path

from referent.ui.app import make_app

database, meeting_id, log_path, settings = sys.argv[1:5]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


async def main() -> None:
    app = make_app(Path(database), int(meeting_id), settings_path=Path(settings))
    async with app.run_test(size=(120, 36)) as pilot:
        with open(log_path, "a", encoding="utf-8") as log:
            count = 0
            while True:
                letter = LETTERS[count % len(LETTERS)]
                await pilot.press(letter)
                log.write(f"{letter} {time.time()!r}\\n")
                log.flush()
                count += 1


asyncio.run(main())
"""


def typed(log: Path) -> list[tuple[str, float]]:
    entries = []
    for line in log.read_text(encoding="utf-8").splitlines():
        letter, _, stamp = line.partition(" ")
        try:
            entries.append((letter, float(stamp)))
        except ValueError:  # a last line cut short by the kill
            break
    return entries


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and a headless child: POSIX only")
def test_kill_9_while_typing_loses_at_most_the_last_second(tmp_path: Path) -> None:
    database = tmp_path / "t.db"
    store = Store.open(database)
    meeting_id = store.import_meeting(load_meeting(DEMO))
    store.close()
    script = tmp_path / "type_forever.py"
    script.write_text(CHILD, encoding="utf-8")
    log = tmp_path / "typed.log"
    log.touch()
    env = {**os.environ, "LANG": "C.UTF-8"}
    child = subprocess.Popen(
        [sys.executable, str(script), str(database), str(meeting_id), str(log), str(tmp_path / "none.toml")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not log.read_text(encoding="utf-8"):  # wait for the first key press
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            assert time.monotonic() < deadline, "the child never started typing"
            time.sleep(0.05)
        time.sleep(TYPING_SECONDS)
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stderr:
            child.stderr.close()

    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()

    entries = typed(log)
    everything = "".join(letter for letter, _ in entries)
    old_enough = "".join(letter for letter, stamp in entries if stamp < killed_at - ALLOWED_LOSS_SECONDS)
    assert len(old_enough) >= 10, "too little was typed to tell"
    store = Store.open(database)
    try:
        saved = store.load_meeting(meeting_id).items[0].minutes
    finally:
        store.close()
    assert saved.startswith(old_enough), f"lost {len(old_enough) - len(saved)} characters"
    assert everything.startswith(saved)  # nothing garbled, nothing invented

    lock = MeetingLock(database, meeting_id)
    assert lock.acquire(), "the killed process left the meeting locked"
    lock.release()
