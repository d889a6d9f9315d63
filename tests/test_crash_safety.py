"""``kill -9`` while typing loses only what the autosave had not written yet, and never damages
the database.

How often the autosave writes (every half second: "at most the last second" lost) is the
screen's timer, checked in ``test_ui_live.test_the_autosave_runs_by_itself``; here the real
app, typing without a pause in a process of its own, is killed between two saves, and
everything a save had written must be there, whole.
"""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from terminal import saved_minutes

from referent.lock import MeetingLock
from referent.meetingfile.reader import load_meeting
from referent.store import Store

DEMO = Path(__file__).resolve().parents[1] / "sample_agendas" / "demo-board-meeting.toml"
DEADLINE = 120.0
"""Seconds after which a test that would otherwise hang gives up (a busy machine takes longer
to pass; the deadline is not what is tested)."""
SAVES = 3
"""Saves seen while the typing goes on before the kill: the autosave does not wait for a pause."""

# Runs the app headless and types into the editor without end. Each character is logged right
# before its key is pressed (a save may come as soon as it is handled); the log is flushed to the
# OS at once, so it outlives the SIGKILL.
CHILD = """\
import asyncio
import sys
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
                log.write(LETTERS[count % len(LETTERS)])
                log.flush()
                await pilot.press(LETTERS[count % len(LETTERS)])
                count += 1


asyncio.run(main())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and a headless child: POSIX only")
def test_kill_9_while_typing_keeps_every_save_whole(tmp_path: Path) -> None:
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
    seen: list[str] = []  # each text the autosave was seen to have written, while typing went on
    try:
        deadline = time.monotonic() + DEADLINE
        while len(seen) < SAVES:
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            assert time.monotonic() < deadline, f"saves seen while typing: {seen}"
            minutes = saved_minutes(database, meeting_id)
            if minutes and minutes != (seen[-1] if seen else ""):
                seen.append(minutes)
            time.sleep(0.05)  # (how often to look)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=DEADLINE)
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

    everything = log.read_text(encoding="utf-8")
    # the child never stops typing: saves that grow were made while it typed, not after
    assert all(later.startswith(earlier) and later != earlier for earlier, later in itertools.pairwise(seen))
    saved = saved_minutes(database, meeting_id)
    assert saved.startswith(seen[-1]), f"a save was lost: {seen[-1]!r} then {saved!r}"
    assert everything.startswith(saved)  # nothing garbled, nothing invented

    lock = MeetingLock(database, meeting_id)
    assert lock.acquire(), "the killed process left the meeting locked"
    lock.release()
