"""Pick one of several choices by its key, or answer yes or no."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from referent.ui.dialogs.base import Dialog
from referent.ui.i18n import no_key, t, yes_key

ValueT = TypeVar("ValueT")


@dataclass(frozen=True)
class Choice(Generic[ValueT]):
    """One line of a ``ChoiceDialog``: pressing ``key`` picks ``value``."""

    key: str
    label: str
    value: ValueT


class ChoiceDialog(Dialog[ValueT]):
    """A titled list of choices; a choice's key picks it at once, arrows and Enter work too."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice_cancel")]

    def __init__(
        self,
        title: str,
        choices: Sequence[Choice[ValueT]],
        note: str = "",
        highlighted: int = 0,
        *,
        wide: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.note = note
        self.highlighted = highlighted
        """The choice Enter picks before an arrow is pressed."""
        self.wide = wide
        """A wide dialog, for a note of long lines (a list of changes)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide" if self.wide else "dialog"):
            yield Label(self.title_text, classes="dialog-title")
            options = []
            for choice in self.choices:
                line = Text()
                line.append(f" {choice.key} ", style="bold reverse")
                line.append(f"  {choice.label}")
                options.append(Option(line))
            choices = OptionList(*options)
            choices.highlighted = self.highlighted
            yield choices
            if self.note:
                yield Static(self.note, classes="dialog-note")

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.character is not None and event.character == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index].value)


class ConfirmDialog(ChoiceDialog[bool]):
    """A question answered yes (y, j in Danish) or no; Escape is no. Enter alone answers no
    when ``safe_no`` (a question before something that cannot be undone)."""

    def __init__(self, question: str, yes: str, no: str = "", *, safe_no: bool = False) -> None:
        choices = [Choice(yes_key(), yes, True), Choice(no_key(), no or t("Cancel"), False)]
        super().__init__(question, choices, highlighted=1 if safe_no else 0)


class QuitQuestion(ConfirmDialog):
    """Quit although words typed in a dialog would be lost (``lost``: one line each), or minutes
    the database would not take are only in their emergency copy (``minutes``)? Enter and Esc
    stay; Ctrl+Q again quits (see ``drafts.ask_before_quitting``)."""

    def __init__(self, lost: Sequence[str], minutes: Sequence[str] = ()) -> None:
        if minutes:  # the database would not take the minutes: where their copy is comes first
            question = t("Quit? Not everything is saved:")
            lost = [*minutes, *(t("Typed in a dialog: {what}", what=line) for line in lost)]
        else:
            question = t("Quit? What you typed in these dialogs is not saved:")
        super().__init__(question, t("Quit anyway"), t("Back"), safe_no=True)
        self.note = "\n".join(f"• {line}" for line in lost)
        self.wide = True
