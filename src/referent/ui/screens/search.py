"""Search every meeting's minutes (Ctrl+F from the picker or the minutes screen).

The words are typed at the top; Enter searches, the hits are listed best first with the meeting,
the date, the item and the words found highlighted, and Enter on a hit opens that item
(approved minutes open read-only, as they always do). Closed items are found too: whoever holds
the database may read them, and a hit says it is closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from referent.store import SearchHit
from referent.ui.base import ReferentScreen
from referent.ui.i18n import t
from referent.ui.typeahead import InOrderInput
from referent.ui.widgets.keyhints import KeyHints


@dataclass(frozen=True)
class Found:
    """The item chosen: its meeting and its id."""

    meeting_id: int
    item_id: int


def hit_line(hit: SearchHit) -> Text:
    """Two lines of the list: where the hit is, and the words around it with the words found."""
    line = Text(f"{hit.meeting_date.strftime('%d.%m.%Y')}  ", style="bold")
    line.append(f"{hit.meeting_title}  ·  ", style="dim")
    line.append(f"{t('Item')} {hit.item_number}: {hit.item_title}", style="bold")
    if hit.closed:
        line.append(f"  ({t('Closed item')})", style="yellow")
    line.append("\n    ")
    for text, marked in hit.snippet:
        line.append(text, style="reverse bold" if marked else "")
    return line


class HitList(OptionList):
    """The hits; ↑ on the first goes back to the words, to search again without the mouse."""

    def action_cursor_up(self) -> None:
        if self.highlighted in (None, 0):
            self.screen.query_one("#words", Input).focus()
            return
        super().action_cursor_up()


class SearchScreen(ReferentScreen, Screen[Found | None]):
    """Type words, Enter: the best hit is marked, Enter opens it, ↑↓ choose; Esc goes back."""

    BINDINGS = [Binding("escape", "close", "Back", id="search_close")]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Static(" referent · " + t("Search the minutes"), id="title-bar")
        with Vertical(id="search"):
            yield Label(t("Words to find (in every meeting, in their Danish forms)"), classes="dialog-title")
            yield InOrderInput(placeholder=t("e.g. sundhedsaftale"), id="words")
            yield Static(id="search-count")
            yield HitList(id="hits")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#hits", OptionList).display = False
        self.query_one("#words", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.hits = self.referent.store.search(event.value)
        hits = self.query_one("#hits", HitList)
        hits.clear_options()
        hits.add_options(Option(hit_line(hit), id=str(n)) for n, hit in enumerate(self.hits))
        hits.display = bool(self.hits)
        found = t("{count} found, best first: Enter opens the marked one, ↑↓ choose", count=len(self.hits))
        count = found if self.hits else t("Nothing found.")
        self.query_one("#search-count", Static).update(count)
        if self.hits:
            hits.highlighted = 0
            hits.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        hit = self.hits[int(event.option.id or 0)]
        self.dismiss(Found(hit.meeting_id, hit.item_id))

    def action_close(self) -> None:
        self.dismiss(None)
