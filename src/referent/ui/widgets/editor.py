"""The minutes editor."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea

from referent.textclean import clean_text

EDITING_ACTIONS = {
    "delete_left",
    "delete_right",
    "delete_word_left",
    "delete_word_right",
    "delete_line",
    "delete_to_start_of_line",
    "delete_to_end_of_line",
    "delete_to_end_of_line_or_delete_line",
    "cut",
    "paste",
    "undo",
    "redo",
}
"""The text area's own keys that change the text (for these a read-only editor says why)."""


def _editing_keys() -> frozenset[str]:
    keys: set[str] = set()
    for binding in TextArea.BINDINGS:
        if not isinstance(binding, tuple) and binding.action in EDITING_ACTIONS:
            keys.update(binding.key.split(","))
    return frozenset(keys)


class MinutesEditor(TextArea):
    """The minutes text area; pasted text is cleaned of characters Word cannot hold, and in
    minutes that may not change, a key that would change them is answered with ``Refused``."""

    class Refused(Message):
        """Typing, deleting or pasting was refused: the editor is read-only."""

    EDITING_KEYS = _editing_keys()

    def on_key(self, event: events.Key) -> None:
        if self.read_only and (
            event.is_printable or event.key in ("enter", "tab") or event.key in self.EDITING_KEYS
        ):
            self.post_message(self.Refused())

    async def _on_paste(self, event: events.Paste) -> None:
        if self.read_only:
            self.post_message(self.Refused())
        event.text = clean_text(event.text)  # the TextArea's own handler inserts it after us
