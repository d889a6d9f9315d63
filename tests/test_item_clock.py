"""The item clock (time the meeting spent on an item) is stored and goes on after quitting and
reopening (issue 19); the time the app was closed does not count. A fake clock, no Textual."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from conftest import FakeClock

from referent.importing import file_digest
from referent.live import TIME_KEPT_EVERY, LiveMeeting
from referent.meetingfile.reader import load_meeting
from referent.store import Store

DEMO = Path(__file__).resolve().parents[1] / "sample_agendas" / "demo-board-meeting.toml"


@pytest.fixture
def live(store: Store, clock: FakeClock) -> LiveMeeting:
    meeting_id = store.import_meeting(load_meeting(DEMO), str(DEMO), file_digest(DEMO.read_bytes()))
    return LiveMeeting(store, meeting_id, clock)


def reopened(live: LiveMeeting, open_elsewhere: bool = False) -> LiveMeeting:
    """The same meeting as a new session finds it in the database."""
    return LiveMeeting(live.store, live.meeting_id, live.clock, open_elsewhere=open_elsewhere)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def test_the_item_clock_goes_on_after_quit_and_reopen(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "Velkommen.")  # the meeting starts, item 1 is taken up
    clock.advance(minutes=7)
    live.keep_time()  # what quitting does
    clock.advance(minutes=45)  # the app is closed: this does not count
    again = reopened(live)
    assert again.time_spent(0) == minutes(7)
    clock.advance(minutes=3)
    assert again.time_spent(0) == minutes(10)


def test_moving_on_stores_the_time_of_the_item_left(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "Velkommen.")
    clock.advance(minutes=4)
    live.save_minutes(1, "Godkendt.")  # item 2 taken up while item 1 is still current
    live.go_to(1)
    clock.advance(minutes=9)
    live.go_to(2)  # looked at only
    clock.advance(minutes=20)
    again = reopened(live)  # without quitting (a crash): what moving on stored is there
    assert (again.time_spent(0), again.time_spent(1), again.time_spent(2)) == (minutes(4), minutes(9), None)


def test_a_crash_loses_at_most_the_last_half_minute(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "Velkommen.")
    for _ in range(5 * 60):  # five minutes of the screen's one-second tick
        clock.advance(1)
        live.keep_time(every=TIME_KEPT_EVERY)
    clock.advance(20)
    live.keep_time(every=TIME_KEPT_EVERY)  # less than TIME_KEPT_EVERY since the last: not stored
    spent = reopened(live).time_spent(0)
    assert spent is not None
    assert minutes(5) - TIME_KEPT_EVERY <= spent <= minutes(5)


def test_closing_the_meeting_stops_and_stores_the_clock(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "Velkommen.")
    clock.advance(minutes=12)
    live.close_meeting()
    clock.advance(minutes=30)
    again = reopened(live)
    assert again.time_spent(0) == minutes(12)


def test_a_session_that_only_reads_stores_no_time(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "Velkommen.")
    clock.advance(minutes=2)
    live.keep_time()
    reader = reopened(live, open_elsewhere=True)
    clock.advance(minutes=5)
    reader.keep_time()
    reader.go_to(1)
    assert reopened(live).time_spent(0) == minutes(2)


def test_keeping_the_time_is_no_change_to_the_minutes(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "Velkommen.")
    saved, listed = live.saved_at, live.store.list_meetings()[0].updated_at
    clock.advance(minutes=5)
    live.keep_time()
    assert reopened(live).time_spent(0) == minutes(5)
    assert (live.saved_at, live.store.list_meetings()[0].updated_at) == (saved, listed)
