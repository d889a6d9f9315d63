"""The rules of live minute-taking (``referent.live``), tested plainly: no Textual, a fake clock."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from conftest import FakeClock

from referent.importing import file_digest
from referent.live import LiveMeeting, ReadOnly
from referent.meetingfile.reader import load_meeting
from referent.model import ActionItem, Attendance, ItemStatus, Outcome
from referent.store import SaveFailed, Store

DEMO = Path(__file__).resolve().parents[1] / "sample_agendas" / "demo-board-meeting.toml"
# The demo board meeting: 4 participants, then 2 under "Staff:", 1 guest; 5 items, item 2 with 3 points.


@pytest.fixture
def meeting_id(store: Store) -> int:
    return store.import_meeting(load_meeting(DEMO), str(DEMO), file_digest(DEMO.read_bytes()))


@pytest.fixture
def live(store: Store, meeting_id: int, clock: FakeClock) -> LiveMeeting:
    return LiveMeeting(store, meeting_id, clock)


def reopened(live: LiveMeeting) -> LiveMeeting:
    """The same meeting as a new session would find it in the database."""
    return LiveMeeting(live.store, live.meeting_id, live.clock)


def titles(live: LiveMeeting) -> list[str]:
    return [item.title for item in live.store.load_meeting(live.meeting_id).items]


# --- starting the meeting ------------------------------------------------------------


def test_opening_and_moving_do_not_start_the_meeting(live: LiveMeeting) -> None:
    assert live.current == 0
    live.go_to(2)
    live.save_minutes(2, "  \n ")  # whitespace is not the first words of the minutes
    stored = live.store.load_meeting(live.meeting_id)
    assert not live.started
    assert stored.actual_start is None
    assert all(item.actual_start is None and item.status is ItemStatus.PENDING for item in stored.items)


def test_first_typed_words_start_the_meeting_and_take_up_item_1(live: LiveMeeting) -> None:
    live.save_minutes(0, "Dagsordenen blev godkendt.")
    stored = live.store.load_meeting(live.meeting_id)
    assert stored.actual_start == time(14, 30)  # minutes, not seconds
    assert stored.items[0].actual_start == time(14, 30)
    assert stored.items[0].status is ItemStatus.TAKEN
    assert stored.items[0].minutes == "Dagsordenen blev godkendt."
    assert stored.items[1].actual_start is None
    assert stored.items[1].status is ItemStatus.PENDING


def test_start_is_recorded_once(live: LiveMeeting, clock: FakeClock) -> None:
    live.start_meeting()
    clock.advance(minutes=10)
    live.start_meeting()
    live.save_minutes(0, "Mere tekst.")
    assert live.store.load_meeting(live.meeting_id).actual_start == time(14, 30)


# --- moving through the agenda -------------------------------------------------------


def test_go_to_remembers_the_item_and_the_cursor(live: LiveMeeting) -> None:
    live.go_to(3, "2,5")
    assert live.store.resume_point(live.meeting_id) == (live.item_ids[3], "2,5")
    again = reopened(live)
    assert again.current == 3
    assert again.cursor == "2,5"
    assert again.item.title == "Staff matter"


def test_remember_cursor_is_stored(live: LiveMeeting) -> None:
    live.go_to(1)
    live.remember_cursor("0,7")
    assert reopened(live).cursor == "0,7"
    assert reopened(live).current == 1


def test_go_to_clamps_to_the_agenda(live: LiveMeeting) -> None:
    live.go_to(99)
    assert live.current == 4
    live.go_to(-3)
    assert live.current == 0


def test_take_up_only_once_the_meeting_has_started(live: LiveMeeting, clock: FakeClock) -> None:
    live.take_up(1)
    assert live.store.load_meeting(live.meeting_id).items[1].actual_start is None

    live.start_meeting()
    clock.advance(minutes=5)
    live.take_up(1)
    clock.advance(minutes=5)
    live.take_up(1)  # a second take-up keeps the first time
    item = live.store.load_meeting(live.meeting_id).items[1]
    assert item.actual_start == time(14, 35)
    assert item.status is ItemStatus.TAKEN


def test_take_up_keeps_a_postponed_status(live: LiveMeeting) -> None:
    live.set_status(2, ItemStatus.POSTPONED)
    live.start_meeting()
    live.take_up(2)
    item = live.store.load_meeting(live.meeting_id).items[2]
    assert item.actual_start == time(14, 30)
    assert item.status is ItemStatus.POSTPONED


# --- decisions -----------------------------------------------------------------------


def test_approve_all_approves_every_point(live: LiveMeeting) -> None:
    live.approve_all(1)
    assert live.store.load_meeting(live.meeting_id).items[1].recommendation.outcomes == [Outcome.APPROVED] * 3


def test_set_outcome_per_point_and_clear_it(live: LiveMeeting) -> None:
    live.set_outcome(1, 1, Outcome.NOTED)
    assert live.store.load_meeting(live.meeting_id).items[1].recommendation.outcomes == [
        None,
        Outcome.NOTED,
        None,
    ]
    live.set_outcome(1, 2, Outcome.REJECTED)
    live.set_outcome(1, 1, None)
    assert live.store.load_meeting(live.meeting_id).items[1].recommendation.outcomes == [
        None,
        None,
        Outcome.REJECTED,
    ]


def test_recording_an_outcome_takes_up_the_item_of_a_started_meeting(live: LiveMeeting) -> None:
    live.start_meeting()
    live.approve_all(1)
    item = live.store.load_meeting(live.meeting_id).items[1]
    assert item.status is ItemStatus.TAKEN
    assert item.actual_start == time(14, 30)


def test_toggle_conflict(live: LiveMeeting) -> None:
    assert live.toggle_conflict(2, "Samuel Okafor") is True
    assert live.toggle_conflict(2, "Tom Becker") is True
    assert live.store.load_meeting(live.meeting_id).items[2].conflicts == ["Samuel Okafor", "Tom Becker"]
    assert live.toggle_conflict(2, "Samuel Okafor") is False
    assert live.store.load_meeting(live.meeting_id).items[2].conflicts == ["Tom Becker"]


def test_add_action(live: LiveMeeting) -> None:
    live.add_action(1, ActionItem("Send the contract", "Grace Liu", "1. april"))
    stored = live.store.load_meeting(live.meeting_id)
    assert stored.items[1].actions == [ActionItem("Send the contract", "Grace Liu", "1. april")]


# --- changing the agenda -------------------------------------------------------------


def test_add_item_before_an_index_numbering_follows_current_stays(live: LiveMeeting) -> None:
    live.go_to(2)
    current_id = live.item_ids[2]
    index = live.add_item("Nyt punkt", before=1)
    assert index == 1
    assert titles(live)[:3] == [
        "Approval of the agenda",
        "Nyt punkt",
        "Renovation of the Mill Street playground",
    ]
    assert live.current == 3
    assert live.item_ids[live.current] == current_id
    assert live.item.title == "Use of the community centre's sports hall on Saturdays"
    assert reopened(live).current == 3  # the stored resume point is an item id


def test_add_item_at_the_end(live: LiveMeeting) -> None:
    assert live.add_item("Eventuelt 2") == 5
    assert titles(live)[-1] == "Eventuelt 2"
    assert live.current == 0


def test_move_item_current_stays_current(live: LiveMeeting) -> None:
    live.go_to(1)
    assert live.move_item(1, 1) == 2
    assert live.current == 2
    assert live.item.title == "Renovation of the Mill Street playground"
    assert titles(live)[1:3] == [
        "Use of the community centre's sports hall on Saturdays",
        "Renovation of the Mill Street playground",
    ]
    assert live.move_item(0, -1) == 0  # already first: stays
    assert live.move_item(4, 3) == 4  # already last: stays
    assert live.move_item(4, -1) == 3
    assert live.current == 2


# --- attendance ----------------------------------------------------------------------


def test_mark_and_substitute(live: LiveMeeting) -> None:
    helen, samuel = live.participant_ids[:2]
    live.mark(helen, Attendance.REMOTE)
    live.mark(samuel, Attendance.ABSENT, substitute="Bo Berg")
    people = live.store.load_meeting(live.meeting_id).participants
    assert people[0].attendance is Attendance.REMOTE
    assert (people[1].attendance, people[1].substitute) == (Attendance.ABSENT, "Bo Berg")
    live.mark(samuel, Attendance.PRESENT)
    assert live.store.load_meeting(live.meeting_id).participants[1].substitute == ""


def test_mark_everyone_present_keeps_existing_marks(live: LiveMeeting) -> None:
    helen, samuel = live.participant_ids[:2]
    live.mark(helen, Attendance.ABSENT, substitute="Bo Berg")
    live.mark(samuel, Attendance.REMOTE)
    live.mark_everyone_present()
    stored = live.store.load_meeting(live.meeting_id)
    assert [p.attendance for p in stored.participants] == [
        Attendance.ABSENT,
        Attendance.REMOTE,
        *[Attendance.PRESENT] * 4,
    ]
    assert stored.participants[0].substitute == "Bo Berg"
    assert stored.guests[0].attendance is Attendance.PRESENT


def test_arrived_at_and_left_after_store_item_ids_and_survive_moves(live: LiveMeeting) -> None:
    maria, tom = live.participant_ids[2:4]
    live.arrived_at(maria, 2)  # came at item 3
    live.left_after(tom, 3)  # left after item 4
    people = live.store.load_meeting(live.meeting_id).participants
    assert (people[2].arrived_at, people[2].attendance) == (3, Attendance.PRESENT)  # arriving = present
    assert people[3].left_after == 4
    row = live.store.db.one("SELECT * FROM participants WHERE id = ?", [maria])
    assert row["arrived_at_item"] == live.item_ids[2]

    live.move_item(2, -2)  # item 3 becomes item 1 …
    live.move_item(3, 1)  # … and item 4 becomes item 5
    people = live.store.load_meeting(live.meeting_id).participants
    assert people[2].arrived_at == 1
    assert people[3].left_after == 5

    live.arrived_at(maria, None)
    live.left_after(tom, None)
    people = live.store.load_meeting(live.meeting_id).participants
    assert (people[2].arrived_at, people[3].left_after) == (None, None)


def test_arrived_at_keeps_remote(live: LiveMeeting) -> None:
    helen = live.participant_ids[0]
    live.mark(helen, Attendance.REMOTE)
    live.arrived_at(helen, 1)
    assert live.store.load_meeting(live.meeting_id).participants[0].attendance is Attendance.REMOTE


def test_a_late_arrival_who_had_sent_a_substitute_attends_herself(live: LiveMeeting) -> None:
    helen = live.participant_ids[0]
    live.mark(helen, Attendance.ABSENT, substitute="Carl Berg")
    live.arrived_at(helen, 2)
    stored = live.store.load_meeting(live.meeting_id)
    assert (stored.participants[0].attendance, stored.participants[0].substitute) == (Attendance.PRESENT, "")
    from referent.meetingfile.reader import parse_meeting
    from referent.meetingfile.writer import dump_meeting

    assert parse_meeting(dump_meeting(stored)) == stored  # a valid meeting file still


def test_add_person_guest_and_participant(live: LiveMeeting) -> None:
    guest_id = live.add_person("Ib Holm", "journalist", guest=True)
    participant_id = live.add_person("Eva Dahl", "suppleant")
    stored = live.store.load_meeting(live.meeting_id)
    assert stored.guests[-1].name == "Ib Holm"
    assert stored.guests[-1].role == "journalist"
    assert stored.guests[-1].attendance is Attendance.PRESENT
    assert stored.participants[-1].name == "Eva Dahl"
    assert stored.participants[-1].attendance is Attendance.PRESENT
    assert live.guest_ids[-1] == guest_id
    assert live.participant_ids[-1] == participant_id
    assert len(live.people()) == 9


def test_counts(live: LiveMeeting) -> None:
    assert live.counts() == (0, 0, 7)
    ids = live.participant_ids
    live.mark(ids[0], Attendance.PRESENT)
    live.mark(ids[1], Attendance.REMOTE)  # remote counts as present
    live.mark(ids[2], Attendance.ABSENT)
    live.mark(live.guest_ids[0], Attendance.PRESENT)
    assert live.counts() == (3, 1, 3)
    live.add_person("Ib Holm", guest=True)
    assert live.counts() == (4, 1, 3)


# --- closing -------------------------------------------------------------------------


def test_close_meeting_records_the_actual_end(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "Godkendt.")
    clock.advance(minutes=95)
    live.close_meeting()
    stored = live.store.load_meeting(live.meeting_id)
    assert stored.actual_start == time(14, 30)
    assert stored.actual_end == time(16, 5)
    assert live.closed


def test_closing_an_unstarted_meeting_also_starts_it(live: LiveMeeting) -> None:
    live.close_meeting()
    stored = live.store.load_meeting(live.meeting_id)
    assert stored.actual_start == stored.actual_end == time(14, 30)


# --- the chair's review, without a screen ------------------------------------------------


def test_read_only_has_two_named_reasons(store: Store, meeting_id: int, clock: FakeClock) -> None:
    writer = LiveMeeting(store, meeting_id, clock)
    elsewhere = LiveMeeting(store, meeting_id, clock, open_elsewhere=True)
    assert writer.read_only_reason is None and not writer.read_only
    assert elsewhere.read_only_reason is ReadOnly.OPEN_ELSEWHERE
    writer.approve("Helen Carter")
    assert writer.read_only_reason is ReadOnly.APPROVED and writer.read_only
    writer.reopen("A name was misspelt")
    assert writer.read_only_reason is None


def test_a_session_open_elsewhere_stores_not_even_where_it_is(
    store: Store, meeting_id: int, clock: FakeClock
) -> None:
    elsewhere = LiveMeeting(store, meeting_id, clock, open_elsewhere=True)
    elsewhere.go_to(3, "0,4")
    elsewhere.remember_cursor("0,5")
    assert store.resume_point(meeting_id) == (None, "")


def test_review_actions_store_and_reload(live: LiveMeeting, clock: FakeClock) -> None:
    live.save_minutes(0, "First wording.")
    live.start_review()
    clock.advance(minutes=2)
    live.save_minutes(0, "The chair's wording.")
    assert live.review_snapshot()[0] == "First wording."
    live.add_comment(0, "Check the figures", who="Helen Carter")
    live.add_remark(0, "Tom Hughes", "I voted against.")
    first = live.revisions(0)[0]
    assert live.restore(0, first.id)
    assert not live.restore(0, first.id)  # the current wording already: nothing happens
    assert live.meeting.items[0].minutes == "First wording."
    assert [c.text for c in live.meeting.items[0].comments] == ["Check the figures"]
    assert [(r.who, r.text) for r in live.meeting.items[0].remarks] == [("Tom Hughes", "I voted against.")]
    live.approve("Helen Carter", with_problems=True)
    stored = reopened(live).meeting
    assert stored.approved and stored.approvals[-1].with_problems


def test_the_end_can_be_recorded_at_a_time_given(live: LiveMeeting) -> None:
    live.close_meeting(at=time(16, 5))
    assert reopened(live).meeting.actual_end == time(16, 5)


def test_saving_with_the_cursor_is_one_transaction(live: LiveMeeting, store: Store, meeting_id: int) -> None:
    statements: list[str] = []
    store.db.connection.set_trace_callback(statements.append)
    live.save_minutes(1, "Approved.", "0,9")
    store.db.connection.set_trace_callback(None)
    assert sum(s.startswith("COMMIT") for s in statements) == 1
    assert store.resume_point(meeting_id) == (store.item_ids(meeting_id)[1], "0,9")


# --- when saving fails ---------------------------------------------------------------------


def fill_the_disk(store: Store) -> None:
    """What a full disk does to SQLite: the file may not grow by one more page."""
    pages = store.db.value("PRAGMA page_count")
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_keeps_the_text_and_says_why(live: LiveMeeting, store: Store, meeting_id: int) -> None:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    fill_the_disk(store)
    long_text = "Mødet drøftede sagen grundigt. " * 2000
    with pytest.raises(SaveFailed, match="the disk is full"):
        live.save_minutes(0, long_text, "0,5")
    assert live.meeting.items[0].minutes == long_text  # an export or a copy elsewhere has it
    assert live.unsaved == {live.item_ids[0]: long_text}
    assert not live.started  # nothing half-recorded: the start is recorded with the first save
    assert store.load_meeting(meeting_id).items[0].minutes == ""
    live.reload()  # e.g. after marking attendance: the unsaved text stays in view
    assert live.meeting.items[0].minutes == long_text
    store.db.execute("PRAGMA max_page_count = 1073741823")  # space was freed
    live.save_minutes(0, long_text + "Slut.")
    assert live.unsaved == {}
    stored = reopened(live).meeting
    assert stored.items[0].minutes == long_text + "Slut."
    assert stored.actual_start is not None


# --- what the screens ask of the meeting ---------------------------------------------------


def test_leaving_early_means_she_was_there(live: LiveMeeting) -> None:
    helen, samuel, maria = live.participant_ids[:3]
    live.left_after(helen, 2)  # not marked: she was there until item 3
    live.mark(samuel, Attendance.ABSENT, substitute="Bo Berg")
    live.left_after(samuel, 1)  # marked absent by mistake: she came herself after all
    live.mark(maria, Attendance.REMOTE)
    live.left_after(maria, 3)  # remote stays remote
    people = reopened(live).meeting.participants
    assert [(p.attendance, p.substitute, p.left_after) for p in people[:3]] == [
        (Attendance.PRESENT, "", 3),
        (Attendance.PRESENT, "", 2),
        (Attendance.REMOTE, "", 4),
    ]
    live.left_after(helen, None)
    assert reopened(live).meeting.participants[0].attendance is Attendance.PRESENT  # clearing keeps the mark


def test_conflicts_are_offered_among_the_people_present(live: LiveMeeting) -> None:
    everyone = [person.name for _, person, _ in live.people()]
    assert live.conflict_candidates(0) == everyone  # nobody marked yet: nobody is ruled out
    helen, samuel, maria, tom = live.participant_ids[:4]
    live.mark(helen, Attendance.PRESENT)
    live.mark(samuel, Attendance.ABSENT, substitute="Bo Berg")
    live.mark(maria, Attendance.REMOTE)
    live.mark(tom, Attendance.ABSENT)
    assert live.conflict_candidates(0) == ["Helen Carter", "Bo Berg", "Maria Lindqvist"]
    live.toggle_conflict(1, "Tom Becker")  # marked before he was marked absent: still offered, to undo
    assert live.conflict_candidates(1)[-1] == "Tom Becker"


def test_state_and_a_copy_for_the_export(live: LiveMeeting) -> None:
    assert live.state == "agenda"
    live.save_minutes(0, "Godkendt.")
    assert live.state == "draft"
    copy = live.stored_copy()
    assert copy == live.meeting and copy is not live.meeting
    live.approve("Helen Carter")
    assert live.state == "approved"
