"""Shared by the UI tests: a sample meeting in a fresh database, a clock set by hand, screen text."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import conftest
from conftest import FakeClock
from textual.pilot import Pilot

from referent.importing import file_digest
from referent.meetingfile.reader import load_meeting
from referent.model import Meeting
from referent.store import Store
from referent.ui.app import ReferentApp, make_app

SAMPLES = Path(__file__).resolve().parents[1] / "sample_agendas"
DEMO = SAMPLES / "demo-board-meeting.toml"
"""5 items (item 2 has 3 points, item 5 none); Helen, Samuel, Maria, Tom, then under "Staff:"
Grace and Priya; one guest, Daniel."""
POLITISK = SAMPLES / "politisk-niveau-klynge-midt-2023-03-13.toml"
SIZE = (120, 36)


@dataclass
class Case:
    """One meeting in a fresh database under ``tmp_path``, and how to open the app on it."""

    folder: Path
    sample: Path = DEMO
    clock: FakeClock = field(default_factory=lambda: FakeClock(datetime(2024, 3, 14, 18, 2, 0, tzinfo=UTC)))
    db_path: Path = field(init=False)
    store: Store = field(init=False)
    meeting_id: int = field(init=False)
    settings_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.db_path = self.folder / "t.db"
        self.settings_path = self.folder / "none.toml"
        self.store = Store.open(self.db_path, clock=self.clock)  # stamps of revisions and approvals fixed
        source = self.sample.read_text(encoding="utf-8")
        self.meeting_id = self.store.import_meeting(
            load_meeting(self.sample), str(self.sample), file_digest(source.encode())
        )

    def app(self, **options: Any) -> ReferentApp:
        """The app as the command line builds it, on this case's store, clock and settings."""
        options.setdefault("store", self.store)
        options.setdefault("clock", self.clock)
        options.setdefault("settings_path", self.settings_path)
        return make_app(self.db_path, self.meeting_id, **options)

    def settings(self, text: str) -> None:
        self.settings_path.write_text(text, encoding="utf-8")

    def stored(self, meeting_id: int | None = None) -> Meeting:
        """The meeting as a second connection reads it from the file: only what was committed."""
        store = Store.open(self.db_path)
        try:
            return store.load_meeting(meeting_id or self.meeting_id)
        finally:
            store.close()

    def resume_point(self) -> tuple[int, str]:
        """(item number, cursor) a new session would resume at."""
        store = Store.open(self.db_path)
        try:
            item_id, cursor = store.resume_point(self.meeting_id)
            ids = store.item_ids(self.meeting_id)
            return (ids.index(item_id) + 1 if item_id in ids else 1), cursor  # never set: item 1
        finally:
            store.close()

    def close(self) -> None:
        self.store.close()


def screen_text(app: ReferentApp) -> str:
    """The characters of the active screen as the terminal shows them."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app: ReferentApp) -> list[tuple[str, str]]:
    """(severity, message) of the notifications shown so far (and not yet expired)."""
    return [(n.severity, n.message) for n in app._notifications]


async def saved(pilot: Pilot[None]) -> None:
    """What the half-second autosave does, now: the tests never wait for the real clock."""
    app = pilot.app
    assert isinstance(app, ReferentApp)
    await pilot.pause()  # what was sent (a paste, a key) is handled first
    app.flush_all()
    await pilot.pause()


async def settled(pilot: Pilot[None]) -> None:
    """What a moment without keys brings on screen, the timers that bring it fired by hand: the
    case text as Markdown, the review's draft drawn ahead of what is on screen."""
    for what in ("as_markdown", "_draw_ahead"):
        await conftest.TIMERS.run_out(pilot, what)


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], what: str, deadline: float = 60
) -> None:
    """Let the app work until ``condition()`` holds: for what Textual does on its own clock or
    in a thread (the command palette's search). The deadline only ends a test that would
    otherwise hang; a busy machine merely takes longer to pass."""
    give_up = time.monotonic() + deadline
    while not condition():
        assert time.monotonic() < give_up, f"{what}: not within {deadline} s"
        await pilot.pause(0.01)


async def quits(app: ReferentApp, deadline: float = 60) -> None:
    """Let the app run until it has stopped (quitting may wait on a thread that saves): a number
    of pauses was too few on a busy machine. The deadline only ends a test that would hang."""
    give_up = time.monotonic() + deadline
    while app.is_running:
        assert time.monotonic() < give_up, f"the app did not stop within {deadline} s"
        await asyncio.sleep(0.01)


def palette_done(app: ReferentApp) -> bool:
    """The command palette has shown what its search found (it searches in a worker, and shows
    what it found in batches a quarter of a second apart)."""
    from textual.command import CommandList, CommandPalette

    searching = any(
        worker.group == CommandPalette._GATHER_COMMANDS_GROUP and not worker.is_finished
        for worker in app.workers
    )
    return not searching and app.screen.query_one(CommandList).option_count > 0
