"""Undo and redo of pasted text in the minutes editor, pressed as the secretary presses them.

Textual's own ``TextArea`` (8.2.8) crashes here too (Textualize/textual#6686): undoing a paste
shortens the document before the cursor is put back, and a scroll bar that goes away meanwhile
asks where the cursor is on screen, on a line that no longer exists.
"""

from __future__ import annotations

import pytest
from textual import events
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
