"""The chair's review without the screen: problems, word diffs, approval, reopening, corrections."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent.cli import main
from referent.export import render
from referent.meetingfile.reader import parse_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import (
    ActionItem,
    Approval,
    Attendance,
    Comment,
    Item,
    ItemStatus,
    Meeting,
    Outcome,
    Participant,
    Recommendation,
    Remark,
)
from referent.review import Change, ProblemKind, ReviewProblem, find_problems, word_diff
from referent.store import ApprovedMinutes, Store

if TYPE_CHECKING:
    from conftest import FakeClock


def complete_meeting() -> Meeting:
    """Minutes with nothing left to fix: everyone marked, every item taken and written up."""
    return Meeting(
        title="Møde i Styregruppen",
        date=date(2023, 3, 13),
        body="Styregruppen",
        chair="Jes Lunde",
        actual_start=time(14, 34),
        actual_end=time(16, 21),
        participants=[
            Participant(name="Anna Ørsted", attendance=Attendance.PRESENT),
            Participant(name="Bo Ærø", attendance=Attendance.ABSENT),
        ],
        guests=[Participant(name="Åse Gæst", attendance=Attendance.REMOTE)],
        items=[
            Item(title="Godkendelse af dagsorden", status=ItemStatus.TAKEN, minutes="Godkendt."),
            Item(
                title="Handleplan",
                status=ItemStatus.TAKEN,
                minutes="Indstillingen blev godkendt.",
                recommendation=Recommendation(
                    points=["Godkender handleplanen", "Drøfter midlerne"],
                    outcomes=[Outcome.APPROVED, Outcome.DISCUSSED],
                ),
                actions=[ActionItem("Udsend handleplanen", who="Sekretariatet", due="1. maj 2023")],
            ),
            Item(title="Eventuelt", status=ItemStatus.WITHDRAWN),
        ],
    )


def kinds(meeting: Meeting) -> list[tuple[ProblemKind, int | None, str]]:
    return [(p.kind, p.item, p.detail) for p in find_problems(meeting)]


# --- find_problems ----------------------------------------------------------------------


def test_complete_minutes_have_no_problems() -> None:
    assert find_problems(complete_meeting()) == []


def test_nobody_marked_is_one_attendance_problem_not_one_per_person() -> None:
    meeting = complete_meeting()
    for person in meeting.participants + meeting.guests:
        person.attendance = Attendance.UNKNOWN
    assert kinds(meeting) == [(ProblemKind.NO_ATTENDANCE, None, "")]


def test_a_meeting_without_participants_has_no_attendance_problem() -> None:
    meeting = complete_meeting()
    meeting.participants, meeting.guests = [], []
    assert find_problems(meeting) == []


def test_each_unmarked_person_is_named_once_others_are_marked() -> None:
    meeting = complete_meeting()
    meeting.participants[1].attendance = Attendance.UNKNOWN
    meeting.guests[0].attendance = Attendance.UNKNOWN
    assert kinds(meeting) == [
        (ProblemKind.UNMARKED, None, "Bo Ærø"),
        (ProblemKind.UNMARKED, None, "Åse Gæst"),
    ]


def test_an_item_not_taken_is_listed_and_so_are_its_missing_minutes() -> None:
    meeting = complete_meeting()
    meeting.items[0].status = ItemStatus.PENDING
    meeting.items[0].minutes = ""
    assert kinds(meeting) == [(ProblemKind.NOT_TAKEN, 0, ""), (ProblemKind.NO_MINUTES, 0, "")]


@pytest.mark.parametrize("minutes", ["", "   \n\t "])
def test_a_taken_item_without_minutes(minutes: str) -> None:
    meeting = complete_meeting()
    meeting.items[1].minutes = minutes
    assert kinds(meeting) == [(ProblemKind.NO_MINUTES, 1, "")]


def test_a_withdrawn_item_needs_nothing() -> None:
    meeting = complete_meeting()
    meeting.items[2].recommendation = Recommendation(points=["x"])
    meeting.items[2].actions = [ActionItem("Noget")]
    assert find_problems(meeting) == []


def test_every_point_without_an_outcome_is_a_problem_of_its_own() -> None:
    meeting = complete_meeting()
    meeting.items[1].recommendation = Recommendation(
        points=["Godkender", "Drøfter", "Tager til efterretning"], outcomes=[None, Outcome.NOTED]
    )  # point 1 undecided, point 3 has no entry at all
    assert kinds(meeting) == [(ProblemKind.NO_OUTCOME, 1, "1"), (ProblemKind.NO_OUTCOME, 1, "3")]


def test_outcomes_are_not_asked_of_a_postponed_item() -> None:
    meeting = complete_meeting()
    meeting.items[1].status = ItemStatus.POSTPONED
    meeting.items[1].recommendation = Recommendation(points=["Godkender"])
    assert find_problems(meeting) == []


@pytest.mark.parametrize(("who", "due"), [("", "1. maj"), ("Sekretariatet", ""), ("", ""), ("  ", "1. maj")])
def test_an_action_item_without_owner_or_date(who: str, due: str) -> None:
    meeting = complete_meeting()
    meeting.items[1].actions.append(ActionItem("Beskriv projekterne", who=who, due=due))
    assert kinds(meeting) == [(ProblemKind.ACTION_INCOMPLETE, 1, "Beskriv projekterne")]


def test_the_meeting_end_not_recorded() -> None:
    meeting = complete_meeting()
    meeting.actual_end = None
    assert kinds(meeting) == [(ProblemKind.NOT_CLOSED, None, "")]
    meeting.actual_start = None  # never started: nothing to close either
    assert find_problems(meeting) == []


def test_a_closed_item_is_a_reminder_not_a_problem() -> None:
    meeting = complete_meeting()
    meeting.items[1].closed = True
    problems = find_problems(meeting)
    assert problems == [ReviewProblem(ProblemKind.CLOSED_ITEM, 1)]
    assert problems[0].is_reminder
    assert [p for p in problems if not p.is_reminder] == []


def test_each_comment_not_dealt_with_is_a_problem_that_knows_which_comment_it_is() -> None:
    meeting = complete_meeting()
    meeting.items[1].comments = [
        Comment("Tjek beløbet", who="Jes Lunde"),
        Comment("Stavefejl", who="Jes Lunde", done=True),
        Comment("Navnet", who="Jes Lunde"),
    ]
    assert find_problems(meeting) == [
        ReviewProblem(ProblemKind.COMMENT, 1, "Tjek beløbet", position=0),
        ReviewProblem(ProblemKind.COMMENT, 1, "Navnet", position=2),
    ]


def test_reminders_are_the_closed_item_and_the_item_the_agenda_file_dropped() -> None:
    assert [kind for kind in ProblemKind if ReviewProblem(kind).is_reminder] == [
        ProblemKind.CLOSED_ITEM,
        ProblemKind.NOT_IN_AGENDA,
    ]


def test_an_item_the_agenda_file_dropped_is_listed_as_a_reminder() -> None:
    meeting = complete_meeting()
    meeting.items[1].not_in_agenda = True
    assert ReviewProblem(ProblemKind.NOT_IN_AGENDA, 1) in find_problems(meeting)


def test_problems_come_in_reading_order() -> None:
    meeting = complete_meeting()
    meeting.actual_end = None
    meeting.participants[0].attendance = Attendance.UNKNOWN
    meeting.items[0].minutes = ""
    meeting.items[1].closed = True
    meeting.items[1].recommendation.outcomes = [Outcome.APPROVED]
    meeting.items[1].actions = [ActionItem("Ring til Bo")]
    assert kinds(meeting) == [
        (ProblemKind.UNMARKED, None, "Anna Ørsted"),
        (ProblemKind.NO_MINUTES, 0, ""),
        (ProblemKind.NO_OUTCOME, 1, "2"),
        (ProblemKind.ACTION_INCOMPLETE, 1, "Ring til Bo"),
        (ProblemKind.CLOSED_ITEM, 1, ""),
        (ProblemKind.NOT_CLOSED, None, ""),
    ]


# --- word_diff ----------------------------------------------------------------------------

OLD = "Indstillingen blev godkendt.\n\nDrøftet uden bemærkninger."


def parts(changes: list[Change], *keep: str) -> str:
    return "".join(c.text for c in changes if c.kind in keep)


def test_inserted_words() -> None:
    new = "Indstillingen blev enstemmigt godkendt.\n\nDrøftet uden bemærkninger."
    changes = word_diff(OLD, new)
    assert [(c.kind, c.text.strip()) for c in changes if c.kind != "equal"] == [("insert", "enstemmigt")]
    assert parts(changes, "equal", "insert") == new
    assert parts(changes, "equal", "delete") == OLD


def test_punctuation_belongs_to_its_word() -> None:
    changes = word_diff("Indstillingen blev godkendt.", "Indstillingen blev godkendt med én stemme imod.")
    assert [(c.kind, c.text) for c in changes if c.kind != "equal"] == [
        ("delete", "godkendt."),
        ("insert", "godkendt med én stemme imod."),
    ]


def test_deleted_words() -> None:
    new = "Indstillingen blev godkendt.\n\nDrøftet."
    changes = word_diff(OLD, new)
    assert "".join(c.text for c in changes if c.kind == "insert") == "Drøftet."
    assert "uden bemærkninger." in parts(changes, "delete")
    assert parts(changes, "equal", "delete") == OLD
    assert parts(changes, "equal", "insert") == new


def test_a_replaced_word_is_a_delete_then_an_insert() -> None:
    changes = word_diff("Sagen blev udsat til næste møde.", "Sagen blev trukket til næste møde.")
    assert changes == [
        Change("equal", "Sagen blev "),
        Change("delete", "udsat"),
        Change("insert", "trukket"),
        Change("equal", " til næste møde."),
    ]


def test_unchanged_text_is_one_equal_run() -> None:
    assert word_diff(OLD, OLD) == [Change("equal", OLD)]
    assert word_diff("", "") == []


def test_from_nothing_and_to_nothing() -> None:
    assert word_diff("", "Godkendt.") == [Change("insert", "Godkendt.")]
    assert word_diff("Godkendt.", "") == [Change("delete", "Godkendt.")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (OLD, "Indstillingen  blev\tgodkendt.\n\n\nDrøftet  uden  bemærkninger. "),
        ("Æbler, ærter og øl", "æbler, Ærter og Øl og å"),
        ("  indrykket\n- punkt 1\n- punkt 2\n", "- punkt 1\n  - punkt 1a\n- punkt 2"),
        ("Mødet sluttede kl. 16.21", "Mødet sluttede kl. 16.30.\n\nRettet: tidspunkt"),
        ("a a a b", "a b b b a"),
    ],
)
def test_whitespace_is_kept_so_the_parts_give_back_both_texts(old: str, new: str) -> None:
    changes = word_diff(old, new)
    assert parts(changes, "equal", "insert") == new
    assert parts(changes, "equal", "delete") == old
    assert {c.kind for c in changes} <= {"equal", "insert", "delete"}
    assert all(c.text for c in changes)


# --- the store: review, approval, reopening ----------------------------------------------


def draft(store: Store) -> tuple[int, list[int]]:
    """The complete meeting as a draft in the store: (meeting id, item ids)."""
    meeting_id = store.import_meeting(complete_meeting())
    return meeting_id, store.item_ids(meeting_id)


def test_start_review_remembers_the_minutes_once(store: Store, clock: FakeClock) -> None:
    meeting_id, ids = draft(store)
    assert store.review_snapshot(meeting_id) is None
    snapshot = store.start_review(meeting_id)
    assert snapshot == {ids[0]: "Godkendt.", ids[1]: "Indstillingen blev godkendt.", ids[2]: ""}
    clock.advance(minutes=5)
    store.save_minutes(ids[0], "Godkendt uden bemærkninger.")
    assert store.start_review(meeting_id) == snapshot  # a second opening keeps the first wording
    assert store.review_snapshot(meeting_id) == snapshot
    assert store.load_meeting(meeting_id).items[0].minutes == "Godkendt uden bemærkninger."


def test_the_chairs_edits_start_a_new_revision(store: Store, clock: FakeClock) -> None:
    meeting_id, ids = draft(store)
    store.save_minutes(ids[0], "Godkendt af alle.")  # within the window of the imported revision
    assert [r.text for r in store.revisions(ids[0])] == ["Godkendt af alle."]
    store.start_review(meeting_id)
    store.save_minutes(ids[0], "Godkendt af alle fremmødte.")  # same minute: still a new revision
    assert [r.text for r in store.revisions(ids[0])] == ["Godkendt af alle.", "Godkendt af alle fremmødte."]


def test_approve_records_who_when_and_whether_problems_were_left(store: Store, clock: FakeClock) -> None:
    meeting_id, _ = draft(store)
    approval = store.approve(meeting_id, "  Jes Lunde ", with_problems=True)
    expected = Approval(by="Jes Lunde", at=clock.now, with_problems=True)
    assert approval == expected
    meeting = store.load_meeting(meeting_id)
    assert meeting.approvals == [expected]
    assert meeting.approved


@pytest.mark.parametrize("name", ["", "   "])
def test_approve_needs_a_name(store: Store, name: str) -> None:
    meeting_id, _ = draft(store)
    with pytest.raises(ValueError, match="who approves"):
        store.approve(meeting_id, name)
    assert store.load_meeting(meeting_id).approvals == []


def test_a_second_approval_is_refused(store: Store, clock: FakeClock) -> None:
    meeting_id, _ = draft(store)
    store.approve(meeting_id, "Jes Lunde")
    clock.advance(minutes=1)
    with pytest.raises(ApprovedMinutes):
        store.approve(meeting_id, "Anna Ørsted")
    assert [a.by for a in store.load_meeting(meeting_id).approvals] == ["Jes Lunde"]


def approved(store: Store) -> tuple[int, list[int], list[int]]:
    """An approved meeting: (meeting id, item ids, participant ids)."""
    meeting_id, ids = draft(store)
    store.approve(meeting_id, "Jes Lunde")
    return meeting_id, ids, store.participant_ids(meeting_id)


WRITES: dict[str, Callable[[Store, int, list[int], list[int]], Any]] = {
    "save_minutes": lambda s, m, i, p: s.save_minutes(i[0], "Ændret efter godkendelsen."),
    "update_item": lambda s, m, i, p: s.update_item(i[1], status=ItemStatus.POSTPONED),
    "update_item outcomes": lambda s, m, i, p: s.update_item(
        i[1], recommendation=Recommendation(points=["Godkender"], outcomes=[Outcome.REJECTED])
    ),
    "update_participant": lambda s, m, i, p: s.update_participant(p[0], attendance=Attendance.ABSENT),
    "add_participant": lambda s, m, i, p: s.add_participant(m, Participant(name="Ny")),
    "add_item": lambda s, m, i, p: s.add_item(m, Item(title="Nyt punkt")),
    "move_item": lambda s, m, i, p: s.move_item(i[0], 1),
    "add_action": lambda s, m, i, p: s.add_action(i[0], ActionItem("Noget", "Bo", "i morgen")),
    "add_remark": lambda s, m, i, p: s.add_remark(i[0], Remark("Bo Ærø", "Jeg er uenig.")),
    "update_meeting title": lambda s, m, i, p: s.update_meeting(m, title="Nyt navn"),
    "update_meeting end": lambda s, m, i, p: s.update_meeting(m, actual_end=time(17, 0)),
    "update_meeting cursor and title": lambda s, m, i, p: s.update_meeting(m, cursor="0,0", location="x"),
    "restore_revision": lambda s, m, i, p: s.restore_revision(i[0], s.revisions(i[0])[0].id),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_approved_minutes_refuse_every_write_and_say_how_to_reopen(
    store: Store, clock: FakeClock, write: Callable[[Store, int, list[int], list[int]], Any]
) -> None:
    meeting_id, ids, people = approved(store)
    if write is WRITES["restore_revision"]:  # needs a second wording to go back from
        store.reopen(meeting_id, "Stavefejl")
        clock.advance(minutes=2)
        store.save_minutes(ids[0], "Godkendt!")
        store.approve(meeting_id, "Jes Lunde")
    before = store.load_meeting(meeting_id)
    revisions = store.revisions(ids[0])
    clock.advance(minutes=1)
    with pytest.raises(ApprovedMinutes) as refused:
        write(store, meeting_id, ids, people)
    message = str(refused.value)
    assert "approved" in message
    assert f"referent review {meeting_id}" in message and "reopen" in message
    assert store.load_meeting(meeting_id) == before
    assert store.revisions(ids[0]) == revisions


def test_approved_minutes_can_still_be_read_moved_through_and_commented(store: Store) -> None:
    meeting_id, ids, _ = approved(store)
    store.update_meeting(meeting_id, current_item=ids[1], cursor="0,5")
    assert store.resume_point(meeting_id) == (ids[1], "0,5")
    store.update_meeting(meeting_id, cursor="0,7")
    comment = Comment("Husk bilaget", who="Jes Lunde", at=datetime(2023, 3, 13, 17, 0, tzinfo=UTC))
    store.add_comment(ids[1], comment)
    meeting = store.load_meeting(meeting_id)
    assert meeting.items[1].comments == [comment]
    assert meeting.approved
    assert store.state(meeting_id) == "approved"


def test_start_review_of_approved_minutes_is_allowed(store: Store) -> None:
    meeting_id, ids, _ = approved(store)
    assert store.start_review(meeting_id)[ids[0]] == "Godkendt."


def test_reopen_needs_a_reason(store: Store) -> None:
    meeting_id, _, _ = approved(store)
    for reason in ("", "  \n "):
        with pytest.raises(ValueError, match="reason"):
            store.reopen(meeting_id, reason)
    assert store.load_meeting(meeting_id).approved


def test_reopen_needs_an_approval_in_force(store: Store) -> None:
    meeting_id, _ = draft(store)
    with pytest.raises(ValueError, match="not approved"):
        store.reopen(meeting_id, "Stavefejl")
    store.approve(meeting_id, "Jes Lunde")
    store.reopen(meeting_id, "Stavefejl")
    with pytest.raises(ValueError, match="not approved"):
        store.reopen(meeting_id, "Igen")


def test_reopen_records_when_and_why_and_unlocks(store: Store, clock: FakeClock) -> None:
    meeting_id, ids, _ = approved(store)
    clock.advance(days=1)
    store.reopen(meeting_id, "  Forkert beløb i punkt 2 ")
    meeting = store.load_meeting(meeting_id)
    assert not meeting.approved and meeting.approval is None
    (approval,) = meeting.approvals
    assert approval.reopened_at == clock.now
    assert approval.reopen_reason == "Forkert beløb i punkt 2"
    store.update_item(ids[1], status=ItemStatus.TAKEN)  # writable again
    store.add_remark(ids[1], Remark("Bo Ærø", "Tilføjet efter genåbning."))


def test_a_correction_is_recorded_once_per_item_per_reopening(store: Store, clock: FakeClock) -> None:
    meeting_id, ids, _ = approved(store)
    clock.advance(days=1)
    store.reopen(meeting_id, "Stavefejl")
    clock.advance(minutes=1)
    first = clock.now
    store.save_minutes(ids[0], "Godkendt uden bemærkninger.")
    clock.advance(minutes=2)
    store.save_minutes(ids[0], "Godkendt uden bemærkninger!")  # the same item again: no second one
    store.save_minutes(ids[0], "Godkendt uden bemærkninger!")  # unchanged text: nothing at all
    items = store.load_meeting(meeting_id).items
    assert [(c.at, c.reason) for c in items[0].corrections] == [(first, "Stavefejl")]
    assert items[1].corrections == [] and items[2].corrections == []
    store.approve(meeting_id, "Jes Lunde")
    clock.advance(days=1)
    store.reopen(meeting_id, "Navn stavet forkert")
    clock.advance(minutes=1)
    second = clock.now
    store.save_minutes(ids[0], "Godkendt uden bemærkninger.")
    store.save_minutes(ids[1], "Indstillingen blev godkendt af Anna Ørsted.")
    items = store.load_meeting(meeting_id).items
    assert [(c.at, c.reason) for c in items[0].corrections] == [
        (first, "Stavefejl"),
        (second, "Navn stavet forkert"),
    ]
    assert [(c.at, c.reason) for c in items[1].corrections] == [(second, "Navn stavet forkert")]


def test_changes_before_any_approval_are_not_corrections(store: Store, clock: FakeClock) -> None:
    meeting_id, ids = draft(store)
    store.start_review(meeting_id)
    clock.advance(minutes=2)
    store.save_minutes(ids[0], "Godkendt af alle.")
    assert store.load_meeting(meeting_id).items[0].corrections == []


def test_a_changed_outcome_after_reopening_is_a_correction(store: Store, clock: FakeClock) -> None:
    meeting_id, ids, _ = approved(store)
    clock.advance(days=1)
    store.reopen(meeting_id, "Punkt b blev ikke godkendt")
    store.update_item(
        ids[1],
        recommendation=Recommendation(
            points=["Godkender handleplanen", "Drøfter midlerne"],
            outcomes=[Outcome.APPROVED, Outcome.REJECTED],
        ),
    )
    assert [c.reason for c in store.load_meeting(meeting_id).items[1].corrections] == [
        "Punkt b blev ikke godkendt"
    ]


def test_the_approved_wording_stays_in_the_history(store: Store, clock: FakeClock) -> None:
    meeting_id, ids, _ = approved(store)
    clock.advance(seconds=5)  # within the revision window: must not overwrite the approved wording
    store.reopen(meeting_id, "Stavefejl")
    store.save_minutes(ids[0], "Godkendt med rettelse.")
    clock.advance(seconds=1)  # typing on: the two saves are one wording
    store.save_minutes(ids[0], "Godkendt med rettelsen.")
    assert [r.text for r in store.revisions(ids[0])] == ["Godkendt.", "Godkendt med rettelsen."]


def test_restore_revision_is_a_new_revision_and_deletes_nothing(store: Store, clock: FakeClock) -> None:
    meeting_id, ids = draft(store)
    for text in ("Første udkast.", "Andet udkast.", "Tredje udkast."):
        clock.advance(minutes=2)
        store.save_minutes(ids[0], text)
    before = store.revisions(ids[0])
    assert [r.text for r in before] == ["Godkendt.", "Første udkast.", "Andet udkast.", "Tredje udkast."]
    clock.advance(seconds=10)  # within the window of the last revision: still a revision of its own
    store.restore_revision(ids[0], before[1].id)
    after = store.revisions(ids[0])
    assert after[:-1] == before
    assert after[-1].text == "Første udkast." and after[-1].id not in {r.id for r in before}
    assert after[-1].saved_at == clock.now
    assert store.load_meeting(meeting_id).items[0].minutes == "Første udkast."
    clock.advance(seconds=10)
    store.save_minutes(ids[0], "Første udkast, rettet.")  # typing on after a restore
    texts = [r.text for r in store.revisions(ids[0])]
    assert texts == [*(r.text for r in before), "Første udkast.", "Første udkast, rettet."]


def test_restoring_the_current_wording_changes_nothing(store: Store, clock: FakeClock) -> None:
    _, ids = draft(store)
    clock.advance(minutes=2)
    store.save_minutes(ids[0], "Andet udkast.")
    revisions = store.revisions(ids[0])
    store.restore_revision(ids[0], revisions[-1].id)
    assert store.revisions(ids[0]) == revisions
    with pytest.raises(LookupError):
        store.restore_revision(ids[0], 9999)


def test_a_restore_after_reopening_is_a_correction(store: Store, clock: FakeClock) -> None:
    meeting_id, ids = draft(store)
    clock.advance(minutes=2)
    store.save_minutes(ids[0], "Godkendt med ændring.")
    store.approve(meeting_id, "Jes Lunde")
    clock.advance(days=1)
    store.reopen(meeting_id, "Ændringen var en fejl")
    store.restore_revision(ids[0], store.revisions(ids[0])[0].id)
    item = store.load_meeting(meeting_id).items[0]
    assert item.minutes == "Godkendt."
    assert [c.reason for c in item.corrections] == ["Ændringen var en fejl"]


STATES = ["agenda", "draft", "in review", "approved", "reopened", "corrected"]


def bring_to(store: Store, clock: FakeClock, meeting_id: int, state: str) -> None:
    """Take a fresh one-item meeting through the steps up to ``state``."""
    (item_id,) = store.item_ids(meeting_id)
    for step in STATES[1 : STATES.index(state) + 1]:
        clock.advance(minutes=1)
        if step == "draft":
            store.save_minutes(item_id, "Godkendt.")
        elif step == "in review":
            store.start_review(meeting_id)
        elif step == "reopened":
            store.reopen(meeting_id, "Stavefejl")
        else:
            store.approve(meeting_id, "Jes Lunde")


def one_item(title: str = "Dagsorden") -> Meeting:
    return Meeting(title=title, date=date(2023, 3, 13), items=[Item("A")])


def test_state_from_agenda_to_corrected(store: Store, clock: FakeClock) -> None:
    states = []
    for state in STATES:
        meeting_id = store.import_meeting(one_item())
        bring_to(store, clock, meeting_id, state)
        states.append(store.state(meeting_id))
    assert states == STATES


def test_referent_list_shows_each_meetings_state(
    referent_db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(referent_db, clock=clock)
    try:
        for state in STATES:
            bring_to(store, clock, store.import_meeting(one_item(f"Møde {state}")), state)
    finally:
        store.close()
    assert main(["list"]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert header.split()[:3] == ["ID", "DATE", "STATUS"]
    rows = [line.strip() for line in lines if line.startswith("  ")]  # under each body's name
    assert len(rows) == len(STATES)
    shown = {}
    for row in rows:
        match = re.fullmatch(r"\d+\s+2023-03-13\s+(.+?)\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Møde (.+)", row)
        assert match, row
        shown[match[2]] = match[1]
    assert shown == {state: state for state in STATES}


def test_approvals_survive_dump_and_import_as_history_never_in_force(store: Store, clock: FakeClock) -> None:
    """A dumped file can be edited: its approvals are kept, marked imported, and approve nothing
    here (issue 12: an import never creates an approval that did not happen in this database)."""
    meeting_id, ids = draft(store)
    store.approve(meeting_id, "Jes Lunde", with_problems=True)
    clock.advance(days=1)
    store.reopen(meeting_id, "Stavefejl")
    store.save_minutes(ids[0], "Godkendt uden bemærkninger.")
    store.add_comment(ids[0], Comment("Set", who="Jes Lunde", at=datetime(2023, 3, 14, 9, 0, tzinfo=UTC)))
    clock.advance(minutes=5)
    store.approve(meeting_id, "Anna Ørsted")
    meeting = store.load_meeting(meeting_id)
    assert len(meeting.approvals) == 2 and meeting.items[0].corrections and meeting.approved

    text = dump_meeting(meeting)
    assert parse_meeting(text) == meeting
    forged = parse_meeting(text.replace("Godkendt uden bemærkninger.", "Godkendt uden forbehold."))
    copy_id = store.import_meeting(forged)
    copy = store.load_meeting(copy_id)
    assert copy.approvals == [replace(a, imported=True) for a in meeting.approvals]
    assert copy.items[0].corrections == meeting.items[0].corrections
    assert store.state(copy_id) == "draft" and not copy.approved
    store.save_minutes(store.item_ids(copy_id)[0], "Ændret i kopien.")  # a draft: not locked
    assert "Referatet er godkendt" not in render(copy, format="md")[0].decode()
    again = store.load_meeting(store.import_meeting(parse_meeting(dump_meeting(copy))))
    assert again.approvals == copy.approvals  # history stays history


def test_an_imported_reopened_approval_is_history(store: Store) -> None:
    meeting = complete_meeting()
    meeting.approvals = [
        Approval(
            by="Jes Lunde",
            at=datetime(2023, 3, 13, 17, 0, tzinfo=UTC),
            reopened_at=datetime(2023, 3, 14, 9, 0, tzinfo=UTC),
            reopen_reason="Stavefejl",
        )
    ]
    meeting_id = store.import_meeting(meeting)
    assert store.state(meeting_id) == "draft"
    store.save_minutes(store.item_ids(meeting_id)[0], "Godkendt, rettet.")
    assert store.load_meeting(meeting_id).approvals == [replace(meeting.approvals[0], imported=True)]
    assert not store.load_meeting(meeting_id).items[0].corrections  # no reopening here: no correction


def test_approval_time_is_an_aware_time_to_the_second(store: Store, clock: FakeClock) -> None:
    clock.now = clock.now + timedelta(microseconds=123456)
    meeting_id, _ = draft(store)
    approval = store.approve(meeting_id, "Jes Lunde")
    assert approval.at.tzinfo is not None and approval.at.microsecond == 0


def test_recommendation_labels_never_run_out() -> None:
    from referent.model import Numbering, Recommendation

    lettered = Recommendation(numbering=Numbering.LETTERS)
    assert [lettered.label(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]
    assert [Recommendation().label(i) for i in (0, 9)] == ["1", "10"]


@pytest.mark.parametrize(
    "change",
    [
        lambda s, m: s.update_participant(s.participant_ids(m)[0], attendance=Attendance.ABSENT),
        lambda s, m: s.update_meeting(m, next_meeting="Næste møde er 1. juni."),
        lambda s, m: s.update_meeting(m, location="Et andet lokale"),
        lambda s, m: s.move_item(s.item_ids(m)[1], -1),
        lambda s, m: s.add_participant(m, Participant("Ny gæst"), guest=True),
        lambda s, m: s.add_item(m, Item("Nyt punkt")),
    ],
    ids=["attendance", "next meeting", "header", "order", "guest", "item"],
)
def test_every_change_to_reopened_minutes_is_a_dated_correction(
    store: Store, clock: FakeClock, change: Callable[[Store, int], object]
) -> None:
    meeting_id, _ = draft(store)
    store.approve(meeting_id, "Jes Lunde")
    clock.advance(days=1)
    store.reopen(meeting_id, "Ole Stavad var til stede")
    change(store, meeting_id)
    change_again = store.load_meeting(meeting_id)
    assert [(c.at, c.reason) for c in change_again.meeting_corrections] == [
        (clock.now, "Ole Stavad var til stede")
    ]
    document = render(change_again, format="md")[0].decode()
    assert "Rettet den 14. marts 2023: Ole Stavad var til stede" in document
    public = render(change_again, format="md", public=True)[0].decode()
    assert "Rettet den 14. marts 2023." in public and "Ole Stavad var til stede" not in public


def test_moving_around_reopened_minutes_is_no_correction(store: Store, clock: FakeClock) -> None:
    meeting_id, ids = draft(store)
    store.approve(meeting_id, "Jes Lunde")
    store.reopen(meeting_id, "Stavefejl")
    store.update_meeting(meeting_id, current_item=ids[1], cursor="0,1")
    assert store.load_meeting(meeting_id).meeting_corrections == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \nabcæø.", max_size=60), st.text(alphabet=" \nabcæø.", max_size=60))
def test_a_word_diff_gives_back_both_texts(old: str, new: str) -> None:
    changes = word_diff(old, new)
    assert parts(changes, "equal", "delete") == old
    assert parts(changes, "equal", "insert") == new
    assert all(c.text for c in changes)
    assert all(a.kind != b.kind for a, b in itertools.pairwise(changes))
