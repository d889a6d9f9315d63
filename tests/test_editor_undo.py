"""Undo and redo of pasted text in the minutes editor, pressed as the secretary presses them.

Textual's own ``TextArea`` (8.2.8) crashes here too (Textualize/textual#6686): undoing a paste
shortens the document before the cursor is put back, and a scroll bar that goes away meanwhile
asks where the cursor is on screen, on a line that no longer exists.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot
from ui_helpers import Case, saved

from referent.ui.app import ReferentApp
from referent.ui.widgets.editor import MinutesEditor

SIZE = (100, 30)
LINES = "\n".join(f"linje {number}" for number in range(1, 21))
WORDS = " ".join(f"ord{number}" for number in range(100))
PARAGRAPHS = "\n\n".join([WORDS] * 3)


def the_editor(app: ReferentApp) -> MinutesEditor:
    return app.screen.query_one("#editor", MinutesEditor)


@pytest.mark.parametrize("pasted", [LINES, PARAGRAPHS], ids=["20 short lines", "3 paragraphs of 100 words"])
async def test_ctrl_z_after_a_paste_takes_the_paste_back(case: Case, pasted: str) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        await pilot.press(*"Før ")
        app.post_message(events.Paste(pasted))
        await pilot.pause()
        assert editor.text == "Før " + pasted
        await pilot.press("ctrl+z")
        assert editor.text == "Før "
        assert editor.cursor_location == (0, 4)
        await pilot.press("ctrl+y", *"!")
        assert editor.text == "Før " + pasted + "!"
        await saved(pilot)
    assert case.stored().items[0].minutes == "Før " + pasted + "!"


# --- Alt and a letter ---------------------------------------------------------------------


async def as_the_terminal_sends(pilot: Pilot[None], key: str, character: str) -> None:
    """A key as the driver hands it over: Pilot's ``press("alt+x")`` gives no character."""
    pilot.app.post_message(events.Key(key, character))
    await pilot.pause()


async def test_alt_and_a_letter_that_is_no_key_types_nothing_and_says_so(case: Case) -> None:
    """A terminal sends Alt+X as Esc then x, which Textual reads as "alt+x" with the character
    "x": TextArea typed the x. (Seen in tmux: ``send-keys M-x``.)"""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        editor = the_editor(app)
        await pilot.press(*"ab")
        await as_the_terminal_sends(pilot, "alt+x", "x")
        await as_the_terminal_sends(pilot, "alt+shift+q", "Q")
        await as_the_terminal_sends(pilot, "alt+x", "x")
        await pilot.press("c")
        assert editor.text == "abc"
        hints = [n.message for n in app._notifications if "Alt+" in n.message]
        assert hints == [
            "Alt+x is not a key here: F1 shows the keys.",
            "Alt+Shift+q is not a key here: F1 shows the keys.",
        ]  # once each, however often pressed
        await as_the_terminal_sends(pilot, "alt+g", "g")  # a phrase key (Godkendt) still works
        assert editor.text.startswith("abc ") and len(editor.text) > len("abc g")
