"""What every modal dialog shares: centred on the screen, framed, with a title that wraps."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen

from referent.ui.base import ReferentScreen

if TYPE_CHECKING:
    from referent.ui.dialogs.drafts import Draft

ResultT = TypeVar("ResultT")


class Dialog(ReferentScreen, ModalScreen[ResultT]):
    """A modal dialog: compose its content inside ``Vertical(classes="dialog")`` (``wide``
    for lists and tables). Dismissed with its typed answer, or None when cancelled."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog .dialog {
        width: 64;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        background: $surface;
        border: thick $primary;
        padding: 0 1;
    }
    Dialog .dialog.wide {
        width: 100;
    }
    Dialog .dialog Label {
        width: 100%;
    }
    Dialog .dialog-title {
        width: 100%;
        text-style: bold;
        margin: 1 0 0 0;
    }
    Dialog .dialog-note {
        width: 100%;
        color: $text-muted;
    }
    Dialog .dialog-error {
        width: 100%;
        height: auto;
        color: $text-error;
        text-style: bold;
    }
    Dialog OptionList, Dialog SelectionList, Dialog DataTable {
        height: auto;
        max-height: 20;
    }
    """

    def draft(self) -> Draft | None:
        """What was typed here and not answered (None: nothing; only form dialogs have text)."""
        return None

    def keep_draft(self) -> None:
        """Closed without an answer: what was typed is kept for the next time (form dialogs)."""

    def keep_answer(self) -> None:
        """Answered, but the answer could not be saved: what was typed is kept for the next
        time, as ``keep_draft`` keeps it (form dialogs)."""

    def action_close(self) -> None:
        """Closed without an answer (None): what a dialog's Esc binding does. Nothing typed
        is lost: a form dialog keeps it as a draft first."""
        self.keep_draft()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """The same, for dialogs whose Esc reads "Cancel"."""
        self.action_close()
