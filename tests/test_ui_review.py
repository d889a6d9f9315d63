"""The chair's review, approval, reopening and history, driven by real key presses.

The demo meeting is made a draft through the store before the app opens (fast), then
everything the chair does is done with keys, and checked in the database through a
second connection (``Case.stored``). The store runs on the test's clock, so every stamp
(revision, approval, correction) is fixed.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea
from ui_helpers import SIZE, Case, notifications, screen_text, wait_until

from referent import cli
from referent.agendamerge import plan_update
from referent.cli import drafts as cli_drafts
from referent.lock import MeetingLock
from referent.meetingfile.reader import load_meeting
from referent.model import ActionItem, Attendance, Comment, Correction, ItemStatus, Outcome, Remark
from referent.sources import FileDraft
from referent.ui.app import ReferentApp
from referent.ui.dialogs.choice import ChoiceDialog
from referent.ui.dialogs.form import FormDialog
from referent.ui.dialogs.history import HistoryDialog
from referent.ui.screens.attendance import AttendanceScreen
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.review import ReviewScreen

# --- drafts made through the store -------------------------------------------------------

GAPS = [
    "Priya Natarajan: attendance not marked",
    "Daniel Reyes: attendance not marked",
    "Item 2, point 2: no outcome",
    "Item 2, point 3: no outcome",
    "Item 2: action item without owner or date: Send the offers to the residents",
    "Item 3 has no minutes",
    "Item 4 is closed: left out of the public version",
    "Item 5 was not taken",
    "Item 5 has no minutes",
    "The meeting's end was not recorded",
]
"""The problems of ``draft(case)``, in the order the review lists them."""
REMINDER = "Item 4 is closed: left out of the public version"


def draft(case: Case, gaps: bool = True) -> None:
    """The demo meeting taken from 18.00: with a gap of every kind (see ``GAPS``), or with
    nothing left to fix but the closed item's reminder. Item 4 (closed) was postponed."""
    store, meeting_id = case.store, case.meeting_id
    items = store.item_ids(meeting_id)
    people = store.participant_ids(meeting_id) + store.participant_ids(meeting_id, guests=True)
    for person in people[:5] if gaps else people:  # with gaps: Priya and the guest not marked
        store.update_participant(person, attendance=Attendance.PRESENT)
    store.update_meeting(meeting_id, actual_start=time(18, 0))
    meeting = store.load_meeting(meeting_id)
    taken = [
        (time(18, 0), "Godkendt.", [Outcome.APPROVED]),
        (
            time(18, 5),
            "Tilbuddet blev godkendt.",
            [Outcome.APPROVED, *([None, None] if gaps else [Outcome.APPROVED] * 2)],
        ),
        (time(18, 45), "" if gaps else "Drøftet.", [Outcome.DISCUSSED, Outcome.DISCUSSED]),
    ]
    for index, (start, minutes, outcomes) in enumerate(taken):
        recommendation = meeting.items[index].recommendation
        recommendation.outcomes = outcomes
        store.update_item(
            items[index], status=ItemStatus.TAKEN, actual_start=start, recommendation=recommendation
        )
        store.save_minutes(items[index], minutes)
    if gaps:
        store.add_action(items[1], ActionItem("Send the offers to the residents"))
    else:
        store.add_action(items[1], ActionItem("Send the offers", who="Grace Liu", due="1 April"))
        store.update_item(items[4], status=ItemStatus.WITHDRAWN)
        store.update_meeting(meeting_id, actual_end=time(19, 50))
    store.update_item(items[3], status=ItemStatus.POSTPONED)
    store.save_minutes(items[3], "Udsat.")


# --- reading the screens -----------------------------------------------------------------


def problems(app: ReferentApp) -> list[str]:
    """The lines of the review's problem list, as shown."""
    listing = app.screen.query_one("#problems", OptionList)
    return [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]


def content(app: ReferentApp, selector: str) -> str:
    """The text a Static (or Label) of the active screen was given."""
    return str(app.screen.query_one(selector, Static).content)


def title_bar(app: ReferentApp) -> str:
    return content(app, "#title-bar").strip()


def editor(app: ReferentApp) -> TextArea:
    return app.screen.query_one("#editor", TextArea)


def header(app: ReferentApp) -> str:
    return str(app.screen.query_one("#item-header").render()).splitlines()[0]


def styled(text: Text) -> list[tuple[str, str]]:
    """(words, style) of every styled run of a rich Text."""
    return [(text.plain[span.start : span.end], str(span.style)) for span in text.spans]


async def review_open(pilot: Pilot[None]) -> None:
    """``review=True`` opens the review after the first refresh: wait for it, and for the whole
    draft (a long meeting's is rendered in a thread)."""
    for _ in range(20):
        screen = pilot.app.screen
        if isinstance(screen, ReviewScreen) and screen.is_mounted and title_bar(pilot.app):  # type: ignore[arg-type]
            await drafted(pilot)
            return
        await pilot.pause()
    raise AssertionError(f"the review did not open: {pilot.app.screen}")


async def drafted(pilot: Pilot[None]) -> None:
    """Until the draft rendered in a thread (a long meeting's) is on screen: a condition."""
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    await wait_until(pilot, lambda: not screen.draft_pending, "the draft rendered in a thread")


async def choose_problem(pilot: Pilot[None], line: str) -> None:
    """Highlight the problem that reads ``line`` with the arrow keys and press Enter."""
    index = problems(pilot.app)  # type: ignore[arg-type]
    await pilot.press("home", *["down"] * index.index(line), "enter")


async def answer(pilot: Pilot[None], *values: str) -> None:
    """Type into the fields of an FormDialog, one after another, Enter after each."""
    assert isinstance(pilot.app.screen, FormDialog)
    for value in values:
        await pilot.press(*value, "enter")


# --- problems and jumping to them --------------------------------------------------------


async def test_review_true_opens_the_review_of_a_draft_with_each_problem(case: Case) -> None:
    draft(case)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        assert [type(s) for s in app.screen_stack[-2:]] == [MinutesScreen, ReviewScreen]
        assert title_bar(app) == "Review · Riverside Community Board – March meeting · in review"
        assert app.focused is app.screen.query_one("#problems", OptionList)
        assert problems(app) == GAPS
        text = screen_text(app)
        assert "Problems: 9" in text  # the closed item is a reminder, not a problem
        for line in GAPS:  # long lines wrap in the list
            assert line[:36] in text
    assert case.store.state(case.meeting_id) == "in review"
    assert case.store.review_snapshot(case.meeting_id) is not None


async def test_enter_on_missing_minutes_opens_the_item_and_writing_them_removes_the_problem(
    case: Case,
) -> None:
    draft(case)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, MinutesScreen)
        await pilot.press("x", "ctrl+r")  # what was typed is saved before the review reads it
        assert isinstance(app.screen, ReviewScreen)
        assert case.stored().items[0].minutes == "Godkendt.x"

        await choose_problem(pilot, "Item 3 has no minutes")
        assert isinstance(app.screen, MinutesScreen)
        assert header(app) == "3. Use of the community centre's sports hall on Saturdays"
        assert app.focused is editor(app)
        assert ("information", "Ctrl+R: back to the review.") in notifications(app)
        await pilot.press(*"Ok", "ctrl+r")
        assert isinstance(app.screen, ReviewScreen)
        assert problems(app) == [line for line in GAPS if line != "Item 3 has no minutes"]
        assert "Problems: 8" in screen_text(app)
        await pilot.press("escape")  # Escape (or Ctrl+R) back to the minutes, where one was
        assert isinstance(app.screen, MinutesScreen)
        assert header(app).startswith("3. ")
        assert app.focused is editor(app)
    assert case.stored().items[2].minutes == "Ok"


async def test_jumping_to_problems_looks_without_taking_up_and_attendance_is_fixed_there(
    case: Case,
) -> None:
    draft(case)
    case.store.update_meeting(case.meeting_id, actual_end=time(19, 50))
    case.clock.advance(hours=2)  # the chair reviews after the meeting
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await choose_problem(pilot, "Item 5 was not taken")
        assert header(app) == "5. Any other business"
        await pilot.press("ctrl+r")
        assert "Item 5 was not taken" in problems(app)  # looking at an item does not take it up

        await choose_problem(pilot, "Daniel Reyes: attendance not marked")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("A", "escape")  # everyone not yet marked is present
        assert isinstance(app.screen, ReviewScreen)
        assert not any("attendance not marked" in line for line in problems(app))
        assert "Problems: 6" in screen_text(app)
    stored = case.stored()
    assert {p.attendance for p in stored.participants + stored.guests} == {Attendance.PRESENT}
    assert (stored.items[4].status, stored.items[4].actual_start) == (ItemStatus.PENDING, None)


# --- what the chair changed --------------------------------------------------------------


async def test_the_chairs_edits_show_as_a_word_diff(case: Case) -> None:
    draft(case)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await pilot.press("d")
        assert "No changes since the review began." in screen_text(app)
        assert not app.screen.query_one("#draft").display
        await pilot.press("d")
        assert app.screen.query_one("#draft").display

        await choose_problem(pilot, "Item 2, point 2: no outcome")
        assert editor(app).text == "Tilbuddet blev godkendt."  # the cursor is at the end
        await pilot.press("ctrl+w", "ctrl+w", *"nej", "ctrl+r", "d")  # two words out, one in
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "2. Renovation of the Mill Street playground" in text
        assert "Tilbuddet blev godkendt. nej" in text  # the deleted words, a space, the inserted one
        assert "1. Approval of the agenda" not in text  # unchanged items are not listed
        changes = styled(app.screen.changes_text())  # type: ignore[attr-defined]
        assert [words for words, style in changes if "strike" in style] == ["godkendt."]
        assert [words for words, style in changes if "underline" in style] == ["nej"]
    assert case.stored().items[1].minutes == "Tilbuddet blev nej"


# --- approval and reopening --------------------------------------------------------------


async def test_approve_without_problems_locks_the_minutes(case: Case) -> None:
    draft(case, gaps=False)
    case.clock.advance(minutes=2)
    case.store.save_minutes(case.store.item_ids(case.meeting_id)[0], "Godkendt af alle.")  # a 2nd wording
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        assert problems(app) == [REMINDER]
        assert "Problems: 0" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)  # no question first: there is nothing to fix
        assert app.screen.query_one(Input).value == "Helen Carter"  # the chair, ready to confirm
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        assert title_bar(app).endswith("· approved")
        assert ("information", "Approved by Helen Carter.") in notifications(app)
        await pilot.press("a")  # approving twice does nothing
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("h", "enter", "up", "r")  # nor does restoring an older wording
        assert isinstance(app.screen, HistoryDialog)
        await pilot.press("escape", "c")  # a comment is still welcome
        await answer(pilot, "Ja")  # typed where the cursor starts: the comment

        await pilot.press("escape")
        assert isinstance(app.screen, MinutesScreen)
        assert editor(app).read_only
        await pilot.press("x", "enter", "backspace", "ctrl+s", "alt+g")
        assert editor(app).text == "Godkendt af alle."
        await pilot.press("ctrl+down", *"z")  # leaving the app saves what is pending, if anything
    stored = case.stored()
    assert [(a.by, a.at, a.with_problems) for a in stored.approvals] == [
        ("Helen Carter", case.clock.now, False)
    ]
    assert [i.minutes for i in stored.items] == [
        "Godkendt af alle.",
        "Tilbuddet blev godkendt.",
        "Drøftet.",
        "Udsat.",
        "",
    ]
    assert stored.items[0].comments == [Comment("Ja", who="Helen Carter", at=case.clock.now)]
    assert case.store.state(case.meeting_id) == "approved"


async def test_approve_with_problems_asks_first(case: Case) -> None:
    draft(case)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, ChoiceDialog)
        assert content(app, ".dialog-title") == "9 problems are still listed."
        await pilot.press("n")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("a", "y", "ctrl+u", "enter")  # then no name: it says a name is needed
        assert isinstance(app.screen, FormDialog)
        assert "A name is needed: who approves the minutes?" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert case.stored().approvals == []

        await pilot.press("a", "y")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+u", *"Sam", "enter")  # another name than the chair's
        assert isinstance(app.screen, ReviewScreen)
        assert title_bar(app).endswith("· approved")
    assert [(a.by, a.with_problems) for a in case.stored().approvals] == [("Sam", True)]


async def test_reopen_with_a_reason_and_a_change_becomes_a_correction(case: Case) -> None:
    draft(case, gaps=False)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await pilot.press("o")  # not approved: nothing to reopen
        assert isinstance(app.screen, ReviewScreen)
        assert ("warning", "The minutes are not approved: there is nothing to reopen.") in notifications(app)
        await pilot.press("a", "enter")
        case.clock.advance(days=1)
        await pilot.press("m")  # a protocol remark needs the minutes reopened
        assert isinstance(app.screen, ReviewScreen)
        assert ("warning", "The minutes are approved: reopen them first (o).") in notifications(app)
        await pilot.press("o", "enter")  # no reason: not reopened, and it says a reason is needed
        assert "A reason is needed" in screen_text(app)
        await pilot.press("escape")
        assert title_bar(app).endswith("· approved")

        await pilot.press("o")
        await answer(pilot, "Typo")
        assert isinstance(app.screen, ReviewScreen)
        assert title_bar(app).endswith("· reopened")
        assert ("information", "Reopened for correction.") in notifications(app)
        await pilot.press("escape")
        assert not editor(app).read_only
        await pilot.press("backspace", *" OK", "ctrl+s")
    stored = case.stored()
    assert stored.items[0].minutes == "Godkendt OK"
    assert stored.items[0].corrections == [Correction(case.clock.now, "Typo")]
    assert [(a.reopened_at, a.reopen_reason) for a in stored.approvals] == [(case.clock.now, "Typo")]
    assert case.store.state(case.meeting_id) == "reopened"
    assert "Godkendt." in [r.text for r in case.store.revisions(case.store.item_ids(case.meeting_id)[0])]


async def test_a_second_session_cannot_approve_or_reopen(case: Case) -> None:
    """The meeting's lock: the chair's laptop has it open, a second copy is read-only."""
    draft(case, gaps=False)
    lock = MeetingLock(case.db_path, case.meeting_id)
    assert lock.acquire()
    try:
        app = case.app(review=True)
        async with app.run_test(size=SIZE) as pilot:
            await review_open(pilot)
            await pilot.press("a")  # nothing asked, nothing approved
            assert isinstance(app.screen, ReviewScreen)
            case.store.approve(case.meeting_id, "Helen Carter")  # by the session holding the lock
            await pilot.press("o", "c")  # neither reopened nor commented
            assert isinstance(app.screen, ReviewScreen)
    finally:
        lock.release()
    stored = case.stored()
    assert [(a.by, a.reopened_at) for a in stored.approvals] == [("Helen Carter", None)]
    assert case.store.review_snapshot(case.meeting_id) is None  # a read-only review starts nothing


# --- history -----------------------------------------------------------------------------


def revision_texts(case: Case) -> list[str]:
    return [r.text for r in case.store.revisions(case.store.item_ids(case.meeting_id)[3])]


def diff_words(app: ReferentApp) -> tuple[list[str], list[str]]:
    """(deleted words, inserted words) of the history's diff."""
    runs = styled(app.screen.query_one("#diff", Static).content)  # type: ignore[arg-type]
    deleted = [w for words, style in runs if "strike" in style for w in words.split()]
    inserted = [w for words, style in runs if "underline" in style for w in words.split()]
    return deleted, inserted


def three_wordings(case: Case) -> int:
    """The draft with item 4 worded three times, two minutes apart ("Udsat.", "Udsat til næste
    møde.", "Udsat til juni."): its id."""
    draft(case, gaps=False)
    item_id = case.store.item_ids(case.meeting_id)[3]
    for text in ("Udsat til næste møde.", "Udsat til juni."):
        case.clock.advance(minutes=2)
        case.store.save_minutes(item_id, text)
    return item_id


async def test_history_lists_compares_and_restores_as_a_new_revision(case: Case) -> None:
    three_wordings(case)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await pilot.press("h")
        assert isinstance(app.screen, FormDialog)  # which item: the current one, unless changed
        assert app.screen.query_one(Input).value == "1"
        await pilot.press("ctrl+u")
        await answer(pilot, "4")
        history = app.screen
        assert isinstance(history, HistoryDialog)
        assert content(app, ".dialog-title") == "History: 4. Staff matter"
        listing = history.query_one("#revisions", OptionList)
        lines = [str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)]
        assert [line[:14] for line in lines] == ["14.03 18:02:00", "14.03 18:04:00", "14.03 18:06:00"]
        assert [line.split()[2] for line in lines] == ["1", "4", "3"]  # words
        assert listing.highlighted == 2  # the current wording, against the one before
        assert diff_words(app) == (["næste", "møde."], ["juni."])

        await pilot.press("up", "b")  # compare with the second wording: it stays highlighted
        assert (history.base, listing.highlighted) == (1, 1)
        assert str(listing.get_option_at_index(1).prompt).endswith("[base]")
        await pilot.press("up")  # the first against the base: what the second one removed
        assert diff_words(app) == (["Udsat", "til", "næste", "møde."], ["Udsat."])
        await pilot.press("down", "b")  # b on the base again: compare with the one before
        assert history.base is None
        assert not any("[base]" in line for line in lines)

        await pilot.press("home", "r")  # the first wording back
        assert ("information", "Restored; the restore is itself a new revision.") in notifications(app)
        assert (listing.option_count, listing.highlighted) == (4, 3)
        assert case.stored().items[3].minutes == "Udsat."
        await pilot.press("h")  # h closes the history too
        assert isinstance(app.screen, ReviewScreen)
    assert revision_texts(case) == ["Udsat.", "Udsat til næste møde.", "Udsat til juni.", "Udsat."]


# --- comments and protocol remarks ----------------------------------------------------------


async def test_comments_and_remarks_go_on_the_item_the_chair_was_reading_or_the_one_named(case: Case) -> None:
    draft(case)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "ctrl+r", "c")
        assert isinstance(app.screen, FormDialog)
        assert content(app, ".dialog-title") == "Comment"
        assert app.screen.query_one("#field-item", Input).value == "2"  # the item of the minutes screen
        assert app.focused is app.screen.query_one("#field-text", Input)  # the comment is typed at once
        await answer(pilot, "Ok")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("c", *"x", "shift+tab", "9", "enter", "enter")  # no item 9: nothing typed is lost
        assert isinstance(app.screen, FormDialog)
        assert "There is no item 9." in screen_text(app)
        await pilot.press("3", "enter", "end", *"yz", "enter")
        await pilot.press("m")
        assert content(app, ".dialog-title") == "Protocol remark"
        await answer(pilot, "Tom", "Nej")  # from who: the item is the one offered, 2
        assert isinstance(app.screen, ReviewScreen)
    stored = case.stored()
    assert [item.comments for item in stored.items] == [
        [],
        [Comment("Ok", who="Helen Carter", at=case.clock.now)],
        [Comment("xyz", who="Helen Carter", at=case.clock.now)],
        [],
        [],
    ]
    assert stored.items[1].minutes == "Tilbuddet blev godkendt."  # a comment is not part of the minutes
    assert [item.remarks for item in stored.items] == [[], [Remark(who="Tom", text="Nej")], [], [], []]


# --- the changed meeting file, and the command line ---------------------------------------


def changed_file(case: Case) -> FileDraft:
    """The draft as ``referent open FILE`` finds it after someone retitled item 2 in the file."""
    agenda = load_meeting(case.sample)
    agenda.items[1].title = "Renovation of the Mill Street playground, phase 1"
    update = plan_update(case.stored(), agenda)
    assert not update.empty
    return FileDraft(case.meeting_id, "a digest", update=update)


@pytest.mark.parametrize("approvals", [1, 2])
async def test_a_changed_file_is_not_brought_into_approved_minutes(case: Case, approvals: int) -> None:
    draft(case, gaps=False)
    case.store.approve(case.meeting_id, "Helen Carter")
    if approvals == 2:  # corrected: reopened, changed and approved again
        case.clock.advance(days=1)
        case.store.reopen(case.meeting_id, "Typo")
        case.store.save_minutes(case.store.item_ids(case.meeting_id)[0], "Godkendt!")
        case.store.approve(case.meeting_id, "Helen Carter")
    app = case.app(draft=changed_file(case))
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, MinutesScreen)
        assert not any(isinstance(s, ChoiceDialog) for s in app.screen_stack)
        assert (
            "warning",
            "The agenda file has changed, but these minutes are approved: the changes were not brought in.",
        ) in notifications(app)
    assert len(case.store.list_meetings()) == 1
    assert case.stored().items[1].title == "Renovation of the Mill Street playground"


async def test_a_changed_file_of_a_draft_is_offered_with_what_changes(case: Case) -> None:
    draft(case)
    app = case.app(draft=changed_file(case))
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, ChoiceDialog)
        assert "Bring the changes into the draft" in screen_text(app)
        assert "phase 1: title changed" in screen_text(app)  # what would change, before it does


def test_referent_review_opens_the_app_in_the_review(
    case: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[dict[str, Any]] = []

    def run_app(
        store: Any, database: Path, meeting_id: int | None, draft: Any = None, review: bool = False, **_: Any
    ) -> int:
        opened.append({"meeting": meeting_id, "review": review})
        store.close()
        return 0

    monkeypatch.setattr(cli_drafts, "run_app", run_app)
    database = str(case.db_path)
    assert cli.main(["review", str(case.meeting_id), "--db", database]) == 0
    assert cli.main(["open", str(case.meeting_id), "--db", database]) == 0
    assert opened == [
        {"meeting": case.meeting_id, "review": True},
        {"meeting": case.meeting_id, "review": False},
    ]
    assert cli.main(["review", "42", "--db", database]) == 1
    assert "no meeting with id 42" in capsys.readouterr().err


async def test_the_review_reads_the_meetings_own_style_beside_its_file_as_f12_does(tmp_path: Path) -> None:
    """Where exports go (the demo's folder, say) is not where a meeting's ``style`` path is read
    from: the review looked there and showed the draft in ``default`` with an error."""
    from ui_helpers import DEMO

    folder = tmp_path / "møder"
    folder.mkdir()
    meeting_file = folder / "møde.toml"
    meeting_file.write_text(
        DEMO.read_text(encoding="utf-8").replace("[meeting]\n", '[meeting]\nstyle = "egen.toml"\n', 1),
        encoding="utf-8",
    )
    (folder / "egen.toml").write_text('[labels]\nminutes = "Beslutning:"\n', encoding="utf-8")
    case = Case(tmp_path, sample=meeting_file)
    try:
        elsewhere = tmp_path / "eksport"
        elsewhere.mkdir()
        app = case.app(review=True, export_folder=elsewhere)
        async with app.run_test(size=SIZE) as pilot:
            await review_open(pilot)
            draft = app.screen.query_one("#draft").source  # type: ignore[attr-defined]
            assert "**Beslutning:**" in draft and "**Referat:**" not in draft
            assert not [message for severity, message in notifications(app) if severity == "error"]
    finally:
        case.close()
