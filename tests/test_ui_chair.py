"""The chair's half, driven by real key presses: comments the secretary sees and marks done,
history that restores what was chosen, the meeting's end asked for, approved minutes that
say why nothing changes, and the review's Danish."""

from __future__ import annotations

from datetime import time

from test_ui_review import (
    GAPS,
    answer,
    choose_problem,
    draft,
    problems,
    review_open,
    three_wordings,
    title_bar,
)
from textual import events
from textual.widgets import Input, OptionList, TextArea
from ui_helpers import SIZE, Case, notifications, screen_text

from referent.lock import MeetingLock
from referent.model import Comment
from referent.ui.app import ReferentApp
from referent.ui.dialogs.choice import ChoiceDialog
from referent.ui.dialogs.form import TimeDialog
from referent.ui.dialogs.history import HistoryDialog
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.review import ReviewScreen

APPROVED = (
    "warning",
    "The minutes are approved and cannot be changed. "
    "To correct them, reopen them in the review: Ctrl+R, then o.",
)


def item_notes(app: ReferentApp) -> str:
    notes = app.screen.query_one("#item-notes")
    return str(notes.render()) if notes.display else ""


def agenda_line(app: ReferentApp, number: int) -> str:
    agenda = app.screen.query_one("#agenda", OptionList)
    return str(agenda.get_option_at_index(number - 1).prompt)


def forget_messages(app: ReferentApp) -> None:
    """Clear what is shown, so that the next refused key must say it again."""
    app.clear_notifications()
    app.notices.clear()


# --- the chair's comments ------------------------------------------------------------------


async def test_a_comment_is_seen_by_the_secretary_until_she_marks_it_dealt_with(case: Case) -> None:
    draft(case)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "ctrl+r", "c", *"Tjek", "enter")  # typed at once: item 2
        line = "Item 2: the chair's comment: Tjek"
        assert line in problems(app)
        await choose_problem(pilot, line)  # the secretary goes to it
        assert isinstance(app.screen, MinutesScreen)
        assert "✎ Helen Carter: Tjek" in item_notes(app)
        assert "✎" in agenda_line(app, 2)
        assert "✎" not in agenda_line(app, 1)

        await pilot.press("ctrl+r", "x")  # x on another problem: it says what x is for
        assert ("warning", "Highlight one of the chair's comments first, then press x.") in notifications(app)
        await pilot.press("home", *["down"] * problems(app).index(line), "x")
        assert line not in problems(app)
        assert problems(app) == GAPS
        await pilot.press("escape")
        assert "✎" not in item_notes(app)  # its action item is still shown
        assert "✎" not in agenda_line(app, 2)
    assert [c.done for c in case.stored().items[1].comments] == [True]


async def test_the_item_menu_marks_the_items_comments_dealt_with(case: Case) -> None:
    case.store.add_comment(case.store.item_ids(case.meeting_id)[0], Comment("Tjek", who="Helen Carter"))
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        assert "✎ Helen Carter: Tjek" in item_notes(app)
        await pilot.press("f8")
        assert "The chair's comments are dealt with" in screen_text(app)
        await pilot.press("k")
        assert item_notes(app) == ""
        await pilot.press("f8")
        assert "The chair's comments are dealt with" not in screen_text(app)  # none left
    assert case.stored().items[0].comments[0].done


# --- history -------------------------------------------------------------------------------


async def test_after_compare_restore_restores_the_wording_chosen(case: Case) -> None:
    item_id = three_wordings(case)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await pilot.press("h", "4", "enter", "up", "up", "b", "r")  # compare with the first, restore it
        assert isinstance(app.screen, HistoryDialog)
        assert case.stored().items[3].minutes == "Udsat."
        assert ("information", "Restored; the restore is itself a new revision.") in notifications(app)
        forget_messages(app)
        await pilot.press("r")  # the newest, the current wording: nothing happens, and it says so
        assert notifications(app) == [
            ("information", "This wording is the current one already: nothing to restore.")
        ]
    texts = [r.text for r in case.store.revisions(item_id)]
    assert texts == ["Udsat.", "Udsat til næste møde.", "Udsat til juni.", "Udsat."]


async def test_the_history_shows_its_keys_at_80x24(case: Case) -> None:
    draft(case)
    app = case.app(review=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await review_open(pilot)
        await pilot.press("h", "2", "enter")
        assert isinstance(app.screen, HistoryDialog)
        assert "b: compare with this   r: restore   Esc: back" in screen_text(app)
        assert "History: 2. Renovation of the Mill Street playground" in screen_text(app)


# --- the meeting's end, recorded afterwards --------------------------------------------------


async def test_enter_on_the_missing_end_asks_when_it_ended(case: Case) -> None:
    draft(case)
    case.clock.advance(hours=15)  # the review is held the next morning
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await choose_problem(pilot, "The meeting's end was not recorded")
        assert isinstance(app.screen, TimeDialog)
        assert app.screen.query_one(Input).value == "19.15"  # the planned end of item 3, the last taken
        await pilot.press("ctrl+u", *"25.61", "enter")
        assert "'25.61' is not a time of day: write it as 14.30." in screen_text(app)
        await pilot.press(*"19.20", "enter")
        assert isinstance(app.screen, ReviewScreen)
        assert "The meeting's end was not recorded" not in problems(app)
    assert case.stored().actual_end == time(19, 20)


# --- approved minutes ------------------------------------------------------------------------


async def test_approved_minutes_say_why_nothing_changes_and_what_to_do(case: Case) -> None:
    draft(case, gaps=False)
    case.store.approve(case.meeting_id, "Helen Carter")
    before = case.stored()
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "APPROVED" in text and "READ-ONLY" not in text
        for keys in (
            ["x"],
            ["backspace"],
            ["enter"],
            ["f8"],
            ["ctrl+t"],
            ["ctrl+o"],
            ["alt+g"],
            ["f5"],
            ["ctrl+s"],
        ):
            forget_messages(app)
            await pilot.press(*keys)
            assert isinstance(app.screen, MinutesScreen), keys
            assert notifications(app) == [APPROVED], keys
        forget_messages(app)
        app.post_message(events.Paste("pasted"))
        await pilot.pause()
        assert notifications(app) == [APPROVED]
        await pilot.press("f2")
        for key in "parselcAgn":
            forget_messages(app)
            await pilot.press(key)
            assert notifications(app) == [APPROVED], key
        await pilot.press("escape", *"abcdef")  # a refused key pressed often: one message, not six
        await pilot.pause()
        assert notifications(app) == [APPROVED]
        assert app.screen.query_one("#editor", TextArea).text == "Godkendt."
    assert case.stored() == before


async def test_a_meeting_open_elsewhere_says_so_in_danish(case: Case) -> None:
    case.settings('language = "da"\n')
    lock = MeetingLock(case.db_path, case.meeting_id)
    assert lock.acquire()
    try:
        app = case.app()
        async with app.run_test(size=SIZE) as pilot:
            (_, message), *_ = notifications(app)
            assert "(proces " in message and " på " in message and "process" not in message
            assert "KUN LÆSNING" in screen_text(app)
            forget_messages(app)
            await pilot.press("x")
            [(_, message)] = notifications(app)
            assert message.startswith("Skrivebeskyttet: mødet er åbent et andet sted (proces ")
    finally:
        lock.release()


async def test_approving_in_danish_is_answered_with_j_and_counts_one_mangel(case: Case) -> None:
    case.settings('language = "da"\n')
    draft(case, gaps=False)
    case.store.update_meeting(case.meeting_id, actual_end=None)  # one problem left: the end
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, ChoiceDialog)
        text = screen_text(app)
        assert "Der er stadig 1 mangel." in text
        assert " j   Godkend alligevel" in text and " y " not in text
        await pilot.press("enter")  # Enter alone does not approve with a problem left
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("a", "j")
        await answer(pilot, "")  # the chair's name is offered
        assert title_bar(app).endswith("· godkendt")
        await pilot.press("f1")
        text = screen_text(app)
        assert "F5" not in text and "Standardtekster" not in text  # no phrases in the review
        assert "Copy selected text" not in text
    assert [a.by for a in case.stored().approvals] == ["Helen Carter"]
