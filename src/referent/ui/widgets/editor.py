"""The minutes editor."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from referent.textclean import clean_text


class MinutesEditor(TextArea):
    """The minutes text area; pasted text is cleaned of characters Word cannot hold."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.text = clean_text(event.text)  # the TextArea's own handler inserts it after us
