"""Dialogs never drop what was typed, driven by real key presses: Esc keeps it as a draft that
is back when the same dialog opens again for the same thing; quitting with words typed in a
dialog asks first. The demo meeting: Helen, Samuel, Maria, Tom; item 2 has three points."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from terminal import Terminal
from textual import events
from textual.widgets import Input
from ui_helpers import POLITISK, SIZE, Case, notifications, quits, screen_text, wait_until

from referent.model import ActionItem, Attendance
from referent.store import Store
from referent.ui.app import ReferentApp
from referent.ui.dialogs.choice import QuitQuestion
from referent.ui.dialogs.form import FormDialog, ItemDialog
from referent.ui.screens.attendance import AttendanceScreen
from referent.ui.screens.minutes import MinutesScreen


def fields(app: ReferentApp) -> list[str]:
    """The text of each field of the dialog on screen."""
    assert isinstance(app.screen, FormDialog)
    return [field.value for field in app.screen.query(Input)]


KEPT = "Kept what you typed: it is back when you open this again."


@pytest.mark.parametrize(
    ("start", "opens", "typed", "back"),
    [
        (["f2"], ["s"], ["B", "o"], ["Bo"]),  # a substitute for Helen
        (["f2"], ["n"], ["E", "v", "a", "enter", "T", "V"], ["Eva", "TV"]),  # a participant added
        ([], ["ctrl+t"], ["R", "p", "enter", "B", "o"], ["Rp", "Bo", ""]),  # an action item
        ([], ["f8", "n"], ["N", "y"], ["Ny"]),  # a new item
        (["ctrl+r"], ["c"], ["T", "j", "e", "k"], ["1", "Tjek"]),  # the chair's comment
        (["ctrl+r"], ["m"], ["T", "o", "m", "enter", "N", "e", "j"], ["1", "Tom", "Nej"]),  # a remark
    ],
    ids=["substitute", "participant", "action-item", "new-item", "comment", "remark"],
)
async def test_esc_keeps_what_was_typed_for_the_next_time(
    case: Case, start: list[str], opens: list[str], typed: list[str], back: list[str]
) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*start, *opens, *typed, "escape")
        assert not isinstance(app.screen, FormDialog)
        assert ("information", KEPT) in notifications(app)
        await pilot.press(*opens)
        assert fields(app) == back
        assert "What you typed before is back" in screen_text(app)


async def test_a_draft_belongs_to_what_its_dialog_is_about(case: Case) -> None:
    """Bo was typed as Helen's substitute: Samuel's dialog is empty, Helen's has Bo, and once
    answered the draft is gone."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "s", *"Bo", "escape", "down", "s")
        assert "instead of Samuel Okafor" in screen_text(app)
        assert fields(app) == [""]
        await pilot.press("escape", "up", "s")
        assert fields(app) == ["Bo"]
        await pilot.press(*"b")  # typed on, not over
        assert fields(app) == ["Bob"]
        await pilot.press("backspace", "enter")  # answered: Helen sends Bo
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("up", "s")
        assert fields(app) == ["Bo"]  # what is recorded, offered as any answer is
        assert "What you typed before is back" not in screen_text(app)
    helen = case.stored().participants[0]
    assert (helen.attendance, helen.substitute) == (Attendance.ABSENT, "Bo")


async def test_an_action_item_edited_and_a_new_one_keep_drafts_of_their_own(case: Case) -> None:
    case.store.add_action(case.store.item_ids(case.meeting_id)[0], ActionItem("Send", "Bo"))
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", *"Ny", "escape", "f9", "enter")  # edit the one listed
        assert fields(app) == ["Send", "Bo", ""]
        await pilot.press("end", "t", "escape", "escape", "ctrl+t")
        assert fields(app) == ["Ny", "", ""]
        await pilot.press("escape", "f9", "enter")
        assert fields(app) == ["Sendt", "Bo", ""]


async def test_nothing_typed_nothing_kept(case: Case) -> None:
    """Esc on what was offered, untouched, or on a number (go to item 4: typed again in a
    moment, and one brought back would be a wrong answer offered) keeps nothing."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "escape", "ctrl+g", "4", "escape")
        assert notifications(app) == []
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, ItemDialog)
        assert fields(app) == ["1"]
        await pilot.press("escape", "ctrl+q")
        await pilot.pause()
        assert not app.is_running  # nothing to ask about


async def test_quitting_with_words_in_an_open_dialog_asks_first(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", *"Send", "ctrl+q")
        assert isinstance(app.screen, QuitQuestion)
        text = screen_text(app)
        assert "What you typed in these dialogs is not saved" in text
        assert "Action item: 1. Approval of the agenda: Send" in text
        await pilot.press("enter")  # Enter is no: back to the dialog, its words as they were
        assert isinstance(app.screen, FormDialog)
        assert fields(app) == ["Send", "", ""]
        await pilot.press("ctrl+q", "ctrl+q")  # Ctrl+Q again is yes
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_quitting_with_a_draft_kept_asks_first(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "s", *"Bo", "escape", "escape", "ctrl+q")
        assert isinstance(app.screen, QuitQuestion)
        assert "Who attends instead of Helen Carter?: Bo" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MinutesScreen)
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running


# --- keys typed faster than the screen follows -------------------------------------------------


async def burst(app: ReferentApp, *keys: str) -> None:
    """Keys as a terminal delivers them when typed ahead of the screen: all read at once, each
    handed to the app before the first is handled (Pilot's ``press`` waits after each key)."""
    for key in keys:
        character = {"enter": "\r"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def test_keys_typed_as_a_dialog_opens_go_into_it(case: Case) -> None:
    """'s' then 'Bo' at once: the dialog was not on screen yet for 'Bo', which was lost; Enter
    then gave Helen no substitute. And 'p' after Enter marks the next person: it was typed
    into the closing dialog ('Bop')."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await burst(app, "s", "B", "o")
        typed = lambda: isinstance(app.screen, FormDialog) and fields(app) == ["Bo"]  # noqa: E731
        await wait_until(pilot, typed, "Bo typed into the dialog")
        await burst(app, "enter", "p")

        def marked() -> bool:  # the dialog closed, and p marked the next person
            stored = case.stored().participants[1]
            return isinstance(app.screen, AttendanceScreen) and stored.attendance is Attendance.PRESENT

        await wait_until(pilot, marked, "Samuel marked present")
    helen, samuel = case.stored().participants[:2]
    assert (helen.attendance, helen.substitute) == (Attendance.ABSENT, "Bo")
    assert samuel.attendance is Attendance.PRESENT


async def test_a_correction_typed_quickly_in_a_dialog_is_made_where_it_was_typed(case: Case) -> None:
    """Backspace, ← and Delete are the field's bindings: Textual ran them after the keys read with them
    (in tmux, Ctrl+U '3' Enter in the "arrived at item" field emptied it)."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "s")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog), "the substitute dialog")
        await burst(app, *"Bx", "backspace", *"ox", "left", "delete", "end", *"b", "backspace", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, AttendanceScreen), "the dialog answered")
    helen = case.stored().participants[0]
    assert (helen.attendance, helen.substitute) == (Attendance.ABSENT, "Bo")


async def test_keys_typed_after_enter_go_to_the_next_field(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(app, "ctrl+t", "R", "p", "enter", "B", "o", "enter", "m", "a", "j", "enter")

        def recorded() -> bool:  # and the dialog closed on the last Enter
            return isinstance(app.screen, MinutesScreen) and bool(case.stored().items[0].actions)

        await wait_until(pilot, recorded, "the action item is recorded")
    assert case.stored().items[0].actions == [ActionItem("Rp", "Bo", "maj")]


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_an_action_item_typed_ahead_in_a_real_terminal(tmp_path: Path) -> None:
    """Ctrl+T and the whole action item in one write, as a fast typist's keys arrive when the
    machine is busy: every word lands in its field, and what follows goes into the minutes."""
    database = tmp_path / "t.db"
    env = {"REFERENT_DB": str(database), "REFERENT_CONFIG": str(tmp_path / "none.toml")}
    command = [sys.executable, "-m", "referent", "open", str(POLITISK)]
    with Terminal(command, size=(80, 24), env=env, cwd=tmp_path) as term:
        term.wait_for("Velkommen")
        term.send("\x14Send udkast\rSekretariatet\r1. maj\rGodkendt")
        term.wait_for("Godkendt")
        term.wait_for("saved ")  # saved: a Ctrl+Q at once may still overtake the last words
        term.send("\x11")  # Ctrl+Q
        assert term.wait() == 0
    store = Store.open(database)
    try:
        [summary] = store.list_meetings()
        item = store.load_meeting(summary.id).items[0]
    finally:
        store.close()
    assert item.actions == [ActionItem("Send udkast", "Sekretariatet", "1. maj")]
    assert item.minutes == "Godkendt"


async def test_an_answer_typed_just_before_ctrl_q_is_recorded_without_a_crash(case: Case) -> None:
    """The action item's last Enter and Ctrl+Q in one burst: the answer is recorded while the app
    quits, and showing it on the screen being taken down is not a crash (it was: NoMatches).
    Ctrl+Q is acted on when it is read, so the words typed between may be overtaken by it."""
    app = case.app()
    async with app.run_test(size=SIZE):
        await burst(app, "ctrl+t", "R", "p", "enter", "enter", "enter", "G", "o", "d", "ctrl+q")
        await quits(app)
    assert case.stored().items[0].actions == [ActionItem("Rp")]


async def test_text_of_several_lines_pasted_goes_in_whole(case: Case) -> None:
    """A remark copied from an e-mail: Textual's field kept its first line and dropped the rest."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r", "m", *"Tom", "enter")
        app.post_message(events.Paste("Jeg tager forbehold\nfor punkt 2.\r\n\n"))
        await pilot.pause()
        assert fields(app) == ["1", "Tom", "Jeg tager forbehold for punkt 2."]
