"""An item's saved wordings: when each was written, what changed, and restoring one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from referent.live import LiveMeeting
from referent.store import Revision
from referent.ui.dialogs.base import Dialog
from referent.ui.i18n import t
from referent.ui.widgets.diff import diff_text


class HistoryDialog(Dialog[None]):
    """Arrows pick a revision; the diff shows what it changed against the base (the revision
    before it, or the one marked with ``b``); ``r`` restores it as a new revision."""

    DEFAULT_CSS = """
    HistoryDialog .dialog {
        height: 90%;
    }
    HistoryDialog #history {
        height: 1fr;
    }
    HistoryDialog #revisions {
        width: 30;
        height: 1fr;
        max-height: 100%;
    }
    HistoryDialog #history-diff {
        width: 1fr;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("escape,h", "close", "Back", id="history_close"),
        Binding("b", "mark_base", "Compare with this", id="history_base"),
        Binding("r", "restore", "Restore", id="history_restore"),
    ]

    def __init__(self, live: LiveMeeting, index: int) -> None:
        super().__init__()
        self.live = live
        self.index = index
        self.revisions: list[Revision] = []
        self.base: int | None = None
        """Index (in ``revisions``) of the revision marked to compare with."""

    def compose(self) -> ComposeResult:
        item = self.live.meeting.items[self.index]
        with Vertical(classes="dialog wide"):
            yield Label(f"{t('History')}: {self.index + 1}. {item.title}", classes="dialog-title")
            with Horizontal(id="history"):
                yield OptionList(id="revisions")
                with VerticalScroll(id="history-diff"):
                    yield Static(id="diff")
            yield Static(t("b: compare with this   r: restore   Esc: back"), classes="dialog-note")

    def on_mount(self) -> None:
        self.load()

    def load(self, highlight: int | None = None) -> None:
        """List the revisions again, with ``highlight`` (else the newest) highlighted."""
        self.revisions = self.live.revisions(self.index)
        options = []
        for number, revision in enumerate(self.revisions):
            line = Text(f"{revision.saved_at.astimezone().strftime('%d.%m %H:%M:%S')}  ")
            words = len(revision.text.split())
            line.append(f"{words} {t('word') if words == 1 else t('words')}", style="dim")
            if number == self.base:
                line.append(f"  [{t('base')}]", style="bold yellow")
            options.append(Option(line))
        revisions = self.query_one("#revisions", OptionList)
        revisions.set_options(options)
        if options:
            newest = len(options) - 1
            revisions.highlighted = newest if highlight is None else min(highlight, newest)
        revisions.focus()
        self.show_diff()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_diff()

    def show_diff(self) -> None:
        highlighted = self.query_one("#revisions", OptionList).highlighted
        if highlighted is None or not self.revisions:
            self.query_one("#diff", Static).update("")
            return
        base = self.base if self.base is not None else highlighted - 1
        before = self.revisions[base].text if base >= 0 else ""
        self.query_one("#diff", Static).update(diff_text(before, self.revisions[highlighted].text))

    def action_mark_base(self) -> None:
        highlighted = self.query_one("#revisions", OptionList).highlighted
        self.base = None if highlighted == self.base else highlighted
        self.load(highlight=highlighted)  # the user's choice stays highlighted

    def action_restore(self) -> None:
        highlighted = self.query_one("#revisions", OptionList).highlighted
        if highlighted is None or self.refused(self.live, in_review=True):
            return
        if not self.live.restore(self.index, self.revisions[highlighted].id):
            self.notify(t("This wording is the current one already: nothing to restore."))
            return
        self.notify(t("Restored; the restore is itself a new revision."))
        self.base = None
        self.load()
