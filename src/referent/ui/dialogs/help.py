"""F1: every key of the screen in front of the user, the item menu's keys and the standard
phrases where they work, and the files used."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from referent.ui.dialogs.base import Dialog
from referent.ui.i18n import t
from referent.ui.keys import describe_key, phrase_number


class HelpDialog(Dialog[None]):
    """Lists the bindings of ``screen`` (as remapped), then the phrases and where settings live."""

    BINDINGS = [Binding("escape,f1,q", "close", "Back", id="help_close")]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        # Read while ``screen`` is still the active one: its bindings as remapped by the user.
        self.rows: dict[str, tuple[list[str], str, str]] = {}
        """action -> (keys, description, binding id: what [keys] in config.toml remaps)"""
        self.phrase_keys: dict[int, str] = {}
        for key, active in screen.app.active_bindings.items():
            binding = active.binding
            number = phrase_number(binding.action)
            if number is not None:  # listed with their text below
                self.phrase_keys.setdefault(number + 1, describe_key(key))
                continue
            if binding.action.startswith("app.focus"):  # Textual's own focus keys
                continue
            if active.node in (screen, screen.app) and binding.description:
                description = binding.tooltip or binding.description
                keys, _, _ = self.rows.setdefault(binding.action, ([], description, binding.id or ""))
                keys.append(describe_key(key))
        self.menu = _item_menu_keys(screen)

    def compose(self) -> ComposeResult:
        app = self.referent
        keys = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        keys.add_column(style="bold")
        keys.add_column()
        keys.add_column(style="dim")
        for key_names, description, binding_id in self.rows.values():
            keys.add_row(" / ".join(key_names), description, binding_id)
        with VerticalScroll(classes="dialog wide"):
            yield Label(t("Keys on this screen (↑ ↓ PgDn to read on, Esc to close)"), classes="dialog-title")
            yield Static(keys)
            if self.menu:
                yield Label(t("Item menu (F8), then"), classes="dialog-title")
                yield Static(self.menu)
            if self.phrase_keys:
                yield Label(t("Standard phrases"), classes="dialog-title")
                phrases = Text()
                for number, phrase in enumerate(app.settings.phrases[:9], start=1):
                    phrases.append(f"{self.phrase_keys.get(number, 'F5')}  ", style="bold")
                    phrases.append(phrase + "\n")
                yield Static(phrases)
            yield Static(Text(f"{app.settings_path}\n{app.database_path}", style="dim"))


def _item_menu_keys(screen: Screen[object]) -> Text | None:
    """The item menu's keys, on the screen that has the menu."""
    from referent.ui.screens.minutes import MinutesScreen
    from referent.ui.screens.minutes_menu import ENTRIES

    if not isinstance(screen, MinutesScreen):
        return None
    text = Text()
    for number, entry in enumerate(ENTRIES):
        if number:
            text.append("   ")
        text.append(entry.key, style="bold")
        text.append(f" {t(entry.label)}")
    return text
