"""The one home of every use of a private Textual name (textual 8.2.8), each in a small
function or class; tests fail loudly when Textual moves what they use."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.widgets.option_list import Option

# --- the command palette in the user's language (Textual's "No matches found") -------------


class TranslatedPalette(CommandPalette):
    """Textual's command palette, saying ``no_matches`` where Textual says "No matches found"
    (its placeholder is public: ``placeholder``)."""

    def __init__(
        self,
        providers: ProviderSource | None = None,
        *,
        placeholder: str,
        no_matches: str,
        id: str | None = None,
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """``CommandPalette._start_no_matches_countdown`` of textual/command.py, its one
        English line translated (a test holds the two together)."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # empty: discovering, where no commands is nothing to point out
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
