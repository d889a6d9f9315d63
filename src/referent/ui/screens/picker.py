"""``referent`` without arguments: pick a recent meeting, or type the path of a meeting file."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from referent.ui.base import ReferentScreen
from referent.ui.i18n import t
from referent.ui.typeahead import InOrderInput
from referent.ui.widgets.keyhints import KeyHints


class PickerScreen(ReferentScreen, Screen[None]):
    """Enter on a meeting opens it (listed under its body, newest first; Ctrl+F searches them
    all); a path typed below imports and opens that file (a Word file of several meetings asks
    which)."""

    BINDINGS = [Binding("ctrl+f", "search", "Search", id="picker_search", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static(" referent", id="title-bar")
        with Vertical(id="picker"):
            yield Label(t("Recent meetings"), classes="dialog-title")
            meetings = self.referent.store.list_meetings()
            options = []
            body: str | None = None
            for summary in meetings:
                if summary.body != body:  # each body's meetings under its name, newest first
                    body = summary.body
                    options.append(
                        Option(Text(body or t("(no body)"), style="bold underline"), disabled=True)
                    )
                line = Text(f"{summary.id:>4}  {summary.date.isoformat()}  ", style="bold")
                line.append(f"{t(summary.status):<13} ", style="dim")
                line.append(summary.title)
                source = Path(summary.source_path).name if summary.source_path else ""
                if summary.source_meeting is not None:
                    source += " " + t("(meeting {number} of the file)", number=summary.source_meeting)
                if summary.copy_of is not None:
                    source = f"{source} ({t('copy of')} {summary.copy_of})".strip()
                if source:
                    line.append(f"  · {source}", style="dim")
                options.append(Option(line, id=str(summary.id)))
            yield OptionList(*options, id="meetings")
            if not meetings:
                yield Static(t("No meetings yet: type the path of a Word agenda or meeting file below."))
            yield Label(t("Open a Word agenda or meeting file"), classes="dialog-title")
            yield InOrderInput(
                placeholder=t("Path to a Word agenda (.docx) or meeting file (.toml)"), id="path"
            )
        yield Static(id="picker-error")
        yield KeyHints()

    def on_mount(self) -> None:
        meetings = self.query_one("#meetings", OptionList)
        if meetings.option_count:
            meetings.highlighted = 1  # the first meeting, under its body's name
            meetings.focus()
        else:
            self.query_one("#path", Input).focus()

    def action_search(self) -> None:
        self.referent.search()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.referent.open_meeting(int(event.option.id or 0))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Open the file's draft: imported the first time, the same draft every time after. The
        path as typed, or as a terminal types a file dropped into it (quoted, escaped, a URI)."""
        from referent.paths import typed_path

        problem = self.referent.open_file(typed_path(event.value))
        if problem:
            self.query_one("#picker-error", Static).update(Text(problem, style="bold red"))
