"""What the minutes screen records (issue 19): the history keeps the wording before a phrase, a
paste or an undo, however quickly it follows the typing; "saved hh:mm" follows every change.

Pressed with Pilot; the clock is the case's and is moved by hand (it never moves by itself, so
every save below comes "at once" after the one before: only the screen's word keeps a wording).
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea
from ui_helpers import SIZE, Case, saved

from referent.ui.app import ReferentApp


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
