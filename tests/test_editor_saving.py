"""Whatever the editor holds is what a save writes, however soon after the edit the save comes.

TextArea tells of an edit with a ``Changed`` message, which reaches the screen a few turns of
the event loop later. A save that trusted it (a flag set by the message) stored the text as it
was before the newest words whenever the save came first: a signal, a quit, a switch of item,
all handled between two keys on a busy machine. The screen now asks the editor.
"""

from __future__ import annotations

import os
import signal
import sys

import pytest
from ui_helpers import Case, saved

from referent.ui.app import ReferentApp
from referent.ui.screens import minutes as minutes_screen
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.terminal import on_stop_signals
from referent.ui.widgets.editor import MinutesEditor

SIZE = (100, 30)


def parts(app: ReferentApp) -> tuple[MinutesScreen, MinutesEditor]:
    screen = app.screen
    assert isinstance(screen, MinutesScreen)
    return screen, screen.query_one("#editor", MinutesEditor)


def stored(case: Case, item: int = 0) -> str:
    return case.stored().items[item].minutes


async def test_text_inserted_and_saved_in_the_same_turn_is_saved(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        screen, editor = parts(app)
        editor.insert("typed")
        screen.flush()  # before the Changed message could reach the screen
        assert stored(case) == "typed"
        await pilot.pause()
        editor.undo()
        screen.flush()
        assert stored(case) == ""
        editor.redo()
        screen.flush()
        assert stored(case) == "typed"


async def test_an_item_left_in_the_same_turn_as_the_last_key_keeps_it(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        screen, editor = parts(app)
        editor.insert("first")
        screen.action_next_item()
        editor.insert("second")
        screen.action_previous_item()
        assert (stored(case, 0), stored(case, 1)) == ("first", "second")
        assert editor.text == "first"
        await pilot.pause()
        screen.flush()  # the Changed messages of both edits arrive after the switches: no harm
        assert (stored(case, 0), stored(case, 1)) == ("first", "second")


async def test_quitting_in_the_same_turn_as_the_last_key_keeps_it(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE):
        _, editor = parts(app)
        editor.insert("the last word")
        await app.action_quit()
    assert stored(case) == "the last word"


async def test_a_text_changed_back_is_not_written_again(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minutes_screen, "AUTOSAVE_SECONDS", 60)  # only the saves the test asks for
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = parts(app)
        await pilot.press(*"ab")
        await saved(pilot)
        writes: list[str] = []
        save_minutes = screen.live.save_minutes
        monkeypatch.setattr(screen.live, "save_minutes", lambda *a: writes.append(a[1]) or save_minutes(*a))
        await pilot.press("c", "backspace")  # changed, and changed back
        await saved(pilot)
        assert writes == []
        await pilot.press("ctrl+s")  # asked for: written even so
        assert writes == ["ab"]
    assert stored(case) == "ab"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM to oneself: POSIX")
async def test_a_stop_signal_right_after_a_key_saves_it(case: Case) -> None:
    """The real signal handler, the signal delivered between the edit and its message."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        undo = on_stop_signals(app.stop_on_signal)  # (a headless app installs none)
        try:
            _, editor = parts(app)
            editor.insert("signalled")
            os.kill(os.getpid(), signal.SIGTERM)
            await pilot.pause()
        finally:
            undo()
    assert stored(case) == "signalled"


async def test_text_that_could_not_be_saved_is_saved_once_it_can_after_a_switch(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The item left while the disk was full is not taken for saved when it is entered again."""
    monkeypatch.setattr(minutes_screen, "AUTOSAVE_SECONDS", 60)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        screen, editor = parts(app)
        store = case.store
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute(f"PRAGMA max_page_count = {store.db.value('PRAGMA page_count')}")  # a full disk
        editor.insert(" lang tekst" * 3000)
        await pilot.press("ctrl+down")  # the save on leaving fails
        await pilot.press("ctrl+up")
        assert editor.text == " lang tekst" * 3000  # kept on screen
        store.db.execute("PRAGMA max_page_count = 1073741823")  # space was freed
        screen.flush()
        assert stored(case) == " lang tekst" * 3000
