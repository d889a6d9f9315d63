"""An edited agenda file brought into its draft: the agenda's words change, the records stay."""

from __future__ import annotations

import copy
from datetime import time
from pathlib import Path

import pytest
from conftest import FakeClock

from referent.agendamerge import ChangeKind, describe, plan_update
from referent.meetingfile.reader import load_meeting
from referent.model import ActionItem, Attendance, Item, ItemStatus, Meeting, Outcome, Participant
from referent.store import ApprovedMinutes, Store

DEMO = Path(__file__).resolve().parents[1] / "sample_agendas" / "demo-board-meeting.toml"


@pytest.fixture
def agenda() -> Meeting:
    return load_meeting(DEMO)


def kinds(update_changes: list[object]) -> list[tuple[str, str]]:
    return [(c.kind.value, c.subject) for c in update_changes]  # type: ignore[attr-defined]


def worked_on(store: Store, meeting_id: int) -> None:
    """Minutes, outcomes, attendance and an action item, as during a meeting."""
    ids = store.item_ids(meeting_id)
    store.save_minutes(ids[1], "The playground renovation was approved.")
    meeting = store.load_meeting(meeting_id)
    rec = meeting.items[1].recommendation
    store.update_item(ids[1], recommendation=type(rec)(**{**vars(rec), "outcomes": [Outcome.APPROVED] * 3}))
    store.update_item(ids[1], status=ItemStatus.TAKEN)
    store.add_action(ids[1], ActionItem("Order the equipment", "Tom", "1 May"))
    people = store.participant_ids(meeting_id)
    store.update_participant(people[0], attendance=Attendance.PRESENT)
    store.update_participant(people[1], attendance=Attendance.ABSENT)


def test_an_unchanged_agenda_plans_nothing(agenda: Meeting) -> None:
    assert plan_update(agenda, copy.deepcopy(agenda)).empty


def test_everything_recorded_stays_and_the_agendas_words_change(store: Store, agenda: Meeting) -> None:
    meeting_id = store.import_meeting(agenda)
    worked_on(store, meeting_id)
    edited = copy.deepcopy(agenda)
    edited.items[1].title = "Renovation of the Mill Street playground"  # unchanged
    edited.items[1].case = "A new case text."
    edited.items[1].start, edited.items[1].end = time(18, 10), time(18, 50)
    edited.items.insert(2, Item(title="Budget follow-up", presenter="Tom Hughes"))
    edited.location = "Town hall, room 2"
    edited.participants.append(Participant("Nina Olsen", "treasurer"))
    update = plan_update(store.load_meeting(meeting_id), edited, store.items_from_file(meeting_id))
    assert ("item changed", "2. Renovation of the Mill Street playground") in kinds(update.changes)
    assert ("item added", "3. Budget follow-up") in kinds(update.changes)
    assert ("person added", "Nina Olsen") in kinds(update.changes)
    store.update_agenda(meeting_id, update, "new digest")
    stored = store.load_meeting(meeting_id)
    playground = stored.items[1]
    assert playground.case == "A new case text." and playground.start == time(18, 10)
    assert playground.minutes == "The playground renovation was approved."
    assert playground.recommendation.outcomes == [Outcome.APPROVED] * 3
    assert playground.status is ItemStatus.TAKEN
    assert [a.what for a in playground.actions] == ["Order the equipment"]
    assert stored.items[2].title == "Budget follow-up"
    assert stored.location == "Town hall, room 2"
    assert [p.attendance for p in stored.participants[:2]] == [Attendance.PRESENT, Attendance.ABSENT]
    assert stored.participants[-1].name == "Nina Olsen"
    assert [r.text for r in store.revisions(store.item_ids(meeting_id)[1])][-1] == playground.minutes


def test_a_removed_item_is_dropped_only_when_nothing_was_recorded(store: Store, agenda: Meeting) -> None:
    meeting_id = store.import_meeting(agenda)
    worked_on(store, meeting_id)  # item 2 has minutes; item 3 has nothing
    edited = copy.deepcopy(agenda)
    del edited.items[1:3]
    update = plan_update(store.load_meeting(meeting_id), edited, store.items_from_file(meeting_id))
    assert ("item kept", "2. Renovation of the Mill Street playground") in kinds(update.changes)
    removed = [c for c in update.changes if c.kind is ChangeKind.ITEM_REMOVED]
    assert [c.subject.split(". ", 1)[0] for c in removed] == ["3"]
    store.update_agenda(meeting_id, update, "d")
    stored = store.load_meeting(meeting_id)
    titles = [item.title for item in stored.items]
    assert "Renovation of the Mill Street playground" in titles
    assert agenda.items[2].title not in titles
    kept = stored.items[titles.index("Renovation of the Mill Street playground")]
    assert kept.not_in_agenda and kept.minutes == "The playground renovation was approved."
    assert titles.index("Renovation of the Mill Street playground") == 1  # where it stood


def test_an_item_added_during_the_meeting_is_never_taken_for_removed(store: Store, agenda: Meeting) -> None:
    meeting_id = store.import_meeting(agenda)
    store.add_item(meeting_id, Item(title="Urgent: the roof"), before=store.item_ids(meeting_id)[2])
    update = plan_update(store.load_meeting(meeting_id), agenda, store.items_from_file(meeting_id))
    assert update.empty
    store.update_agenda(meeting_id, update, "d")
    assert store.load_meeting(meeting_id).items[2].title == "Urgent: the roof"


def test_a_corrected_title_and_a_move_keep_the_minutes_with_their_item(store: Store, agenda: Meeting) -> None:
    meeting_id = store.import_meeting(agenda)
    worked_on(store, meeting_id)
    edited = copy.deepcopy(agenda)
    edited.items[1].title = "Renovation of the Mill Street playgrund"  # a typo fixed the other way
    edited.items.append(edited.items.pop(1))  # and moved to the end
    update = plan_update(store.load_meeting(meeting_id), edited, store.items_from_file(meeting_id))
    assert any(c.kind is ChangeKind.ITEM_MOVED for c in update.changes)
    assert any(c.kind is ChangeKind.ITEM_CHANGED and "title" in c.detail for c in update.changes)
    store.update_agenda(meeting_id, update, "d")
    last = store.load_meeting(meeting_id).items[-1]
    assert last.title == "Renovation of the Mill Street playgrund"
    assert last.minutes == "The playground renovation was approved."


def test_outcomes_follow_their_points_and_a_dropped_point_with_an_outcome_is_kept(agenda: Meeting) -> None:
    draft = copy.deepcopy(agenda)
    rec = draft.items[1].recommendation
    rec.outcomes = [Outcome.APPROVED, Outcome.REJECTED, None]
    edited = copy.deepcopy(agenda)
    points = edited.items[1].recommendation.points
    edited.items[1].recommendation.points = [points[1] + " (amended)", points[2]]  # first point dropped
    update = plan_update(draft, edited)
    merged = update.meeting.items[1].recommendation
    assert merged.points[:2] == [points[1] + " (amended)", points[2]]
    assert merged.outcomes[:2] == [Outcome.REJECTED, None]  # the reworded point keeps its outcome
    assert (merged.points[2], merged.outcomes[2]) == (points[0], Outcome.APPROVED)
    assert any(c.kind is ChangeKind.POINT_KEPT for c in update.changes)


def test_a_person_with_attendance_is_kept_when_the_file_drops_them(agenda: Meeting) -> None:
    draft = copy.deepcopy(agenda)
    draft.participants[0].attendance = Attendance.PRESENT
    edited = copy.deepcopy(agenda)
    first, second = edited.participants[0].name, edited.participants[1].name
    del edited.participants[:2]
    update = plan_update(draft, edited)
    assert ("person kept", first) in kinds(update.changes)
    assert ("person removed", second) in kinds(update.changes)
    names = [p.name for p in update.meeting.participants]
    assert first in names and second not in names


def test_late_arrivals_follow_their_item_when_items_move(agenda: Meeting) -> None:
    draft = copy.deepcopy(agenda)
    draft.participants[0].arrived_at = 3
    edited = copy.deepcopy(agenda)
    edited.items.insert(0, Item(title="Opening"))
    update = plan_update(draft, edited)
    assert update.meeting.participants[0].arrived_at == 4


def test_approved_minutes_refuse_an_agenda_update(store: Store, agenda: Meeting, clock: FakeClock) -> None:
    meeting_id = store.import_meeting(agenda)
    store.approve(meeting_id, "Helen Carter")
    edited = copy.deepcopy(agenda)
    edited.location = "Elsewhere"
    update = plan_update(store.load_meeting(meeting_id), edited)
    with pytest.raises(ApprovedMinutes):
        store.update_agenda(meeting_id, update, "d")
    assert store.load_meeting(meeting_id).location == agenda.location


def test_every_change_reads_as_a_sentence(agenda: Meeting) -> None:
    edited = copy.deepcopy(agenda)
    edited.title = "New title"
    edited.items.pop()
    edited.items[0].presenter = "Someone else"
    update = plan_update(agenda, edited)
    sentences = [describe(change) for change in update.changes]
    assert "The meeting's title: now New title" in sentences
    assert any(s.startswith("Item 1. ") and s.endswith("presenter changed") for s in sentences)
    assert any("no longer in the file; removed" in s for s in sentences)


def test_every_word_for_a_changed_field_has_a_danish_translation() -> None:
    """The change list's words are put into Danish one by one (``describe``): none may be missing."""
    from referent.agendamerge import _PART_NAMES
    from referent.ui.i18n import DANISH

    assert [word for word in _PART_NAMES.values() if word not in DANISH] == []
