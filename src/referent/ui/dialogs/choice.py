"""Pick one of several choices by its key."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from referent.ui.base import ReferentScreen


@dataclass(frozen=True)
class Choice:
    """One line of a ``ChoiceScreen``: pressing ``key`` picks ``value``."""

    key: str
    label: str
    value: str


class ChoiceScreen(ReferentScreen, ModalScreen[str | None]):
    """A titled list of choices; a choice's key picks it at once, arrows and Enter work too."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, title: str, choices: list[Choice], note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            options = []
            for choice in self.choices:
                line = Text()
                line.append(f" {choice.key} ", style="bold reverse")
                line.append(f"  {choice.label}")
                options.append(Option(line, id=choice.value))
            yield OptionList(*options)
            if self.note:
                yield Static(self.note, classes="dialog-note")

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.character is not None and event.character == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
