"""What the minutes screen records (issue 19): the history keeps the wording before a phrase, a
paste or an undo, however quickly it follows the typing; "saved hh:mm" follows every change.

Pressed with Pilot; the clock is the case's and is moved by hand (it never moves by itself, so
every save below comes "at once" after the one before: only the screen's word keeps a wording).
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea
from ui_helpers import SIZE, Case, saved, screen_text

from referent.ui.app import ReferentApp
from referent.ui.widgets.draft import DraftView


def history(case: Case, index: int = 0) -> list[str]:
    return [revision.text for revision in case.store.revisions(case.store.item_ids(case.meeting_id)[index])]


def editor(app: ReferentApp) -> TextArea:
    return app.screen.query_one("#editor", TextArea)


async def test_the_wording_before_a_phrase_is_kept(case: Case) -> None:
    case.settings('phrases = ["Udsat."]')  # shorter than what a burst of typing adds
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok")
        await saved(pilot)
        await pilot.press("alt+g")
        await saved(pilot)
    assert history(case) == ["Ok", "Ok Udsat."]


async def test_the_wording_before_a_paste_is_kept(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok")
        await saved(pilot)
        app.post_message(events.Paste(", ja"))  # what a terminal's bracketed paste sends
        await saved(pilot)
    assert history(case) == ["Ok", "Ok, ja"]


async def test_the_wording_before_an_undo_is_kept(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok")
        await saved(pilot)
        await pilot.press(*"ay")  # not saved yet when Ctrl+Z takes it back
        await pilot.press("ctrl+z")
        await saved(pilot)
        undone = editor(app).text
        assert undone != "Okay"
        await pilot.press("ctrl+y")  # and redone: the wording before the redo is kept too
        await saved(pilot)
        assert editor(app).text == "Okay"
    assert history(case) == ["Okay", undone, "Okay"]


# --- "saved hh:mm" -------------------------------------------------------------------------


def status(app: ReferentApp) -> str:
    return str(app.screen.query_one("#status").render())


async def test_saved_follows_every_change_not_only_the_text(case: Case) -> None:
    """Attendance, an outcome, an action item and an item menu action each move "saved"."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        assert "no changes yet" in status(app)
        case.clock.advance(minutes=1)  # 18:03
        await pilot.press("f2", "p", "escape")  # Helen Brooks present
        assert "saved 18:03" in status(app)
        case.clock.advance(minutes=1)
        await pilot.press("ctrl+down", "ctrl+o")  # item 2: every point approved
        assert "saved 18:04" in status(app)
        case.clock.advance(minutes=1)
        await pilot.press("ctrl+t", *"Rp", "enter", "enter", "enter")  # an action item
        await pilot.pause()
        assert "saved 18:05" in status(app)
        case.clock.advance(minutes=1)
        await pilot.press("f8", "p")  # item menu: postpone
        await pilot.pause()
        assert "saved 18:06" in status(app)
        case.clock.advance(minutes=1)
        await pilot.press("ctrl+down")  # moving on is no change
        app.screen.refresh_status()  # type: ignore[attr-defined]
        assert "saved 18:06" in status(app)


async def test_a_remark_in_the_review_moves_saved_on_the_minutes_screen(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        case.clock.advance(minutes=3)
        await pilot.press("m", *"Bo", "enter", *"Nej", "enter")  # a protocol remark on item 1
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert [r.text for r in case.stored().items[0].remarks] == ["Nej"]
        assert "saved 18:05" in status(app)


# --- the item clock ------------------------------------------------------------------------


async def test_the_item_clock_goes_on_after_quitting_and_reopening(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok")  # the meeting starts at 18:02 with item 1 (18.00-18.05)
        await saved(pilot)
        case.clock.advance(minutes=4)
        await pilot.press("ctrl+q")
    case.clock.advance(hours=1)  # referent is closed for an hour: that is no time on the item
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        case.clock.advance(minutes=2)
        app.screen.refresh_status()  # type: ignore[attr-defined]
        assert "Item 1: 0:06/0:05 over by 0:01" in status(app)


# --- line breaks as typed ------------------------------------------------------------------


async def test_the_chairs_draft_shows_each_enter_as_a_new_line(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok", "enter", *"Ja")
        await saved(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        draft = app.screen.query_one(DraftView)
        draft.scroll_to(y=30, animate=False)  # item 1's minutes
        await pilot.pause()
        await pilot.pause()
        rows = [line.rstrip() for line in screen_text(app).splitlines()]
        assert not any("Ok Ja" in row for row in rows)
        assert any(row.endswith("   Ok") for row in rows) and any(row.endswith("   Ja") for row in rows)
