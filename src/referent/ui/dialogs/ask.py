"""Fill in a few text fields."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from referent.textclean import clean_text
from referent.ui.base import ReferentScreen


class AskScreen(ReferentScreen, ModalScreen[list[str] | None]):
    """A few text fields; Enter in the last one answers, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, fields: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            for label, value in self.fields:
                yield Label(label)
                yield Input(value=value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        position = inputs.index(event.input)
        if position < len(inputs) - 1:
            inputs[position + 1].focus()
            return
        answers = [clean_text(field.value).strip() for field in inputs]
        self.dismiss(answers if answers[0] else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
