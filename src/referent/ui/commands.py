"""The command palette (Ctrl+P): every action of the screen once, by name, with its keys; the
item menu's actions; and Textual's own commands in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from referent.ui.i18n import t
from referent.ui.keys import describe_key, phrase_number

if TYPE_CHECKING:
    from referent.ui.app import ReferentApp

TEXTUAL_COMMANDS = {"Theme", "Quit", "Maximize", "Minimize", "Screenshot"}
"""Textual's own commands that are offered (translated). Its "Keys" panel is left out: F1 is
referent's help, in the user's language."""


def screen_commands(app: ReferentApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """The screen's actions, one command each, titled by what they do, their keys as help."""
    found: dict[str, tuple[str, list[str], Callable[[], object]]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if active.node is not screen or not binding.description:
            continue
        title = binding.tooltip or binding.description
        number = phrase_number(binding.action)
        if number is not None:  # nine of them: name each by its text
            if number >= len(app.settings.phrases):
                continue
            title = f"{title}: {app.settings.phrases[number]}"
        _, keys, _ = found.setdefault(
            binding.action, (title, [], partial(active.node.run_action, binding.action))
        )
        keys.append(describe_key(key))
    for title, keys, run in found.values():
        yield SystemCommand(title, " / ".join(keys), run)
    yield from _item_menu_commands(screen)


def _item_menu_commands(screen: Screen[object]) -> Iterable[SystemCommand]:
    from referent.ui.screens.minutes import MinutesScreen
    from referent.ui.screens.minutes_menu import offered_entries, run_menu_action

    if not isinstance(screen, MinutesScreen):
        return
    for entry in offered_entries(screen.live):
        yield SystemCommand(t(entry.label), f"F8 {entry.key}", partial(run_menu_action, screen, entry.action))


def translated(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's own commands, in the user's language."""
    for command in commands:
        if command.title in TEXTUAL_COMMANDS:
            yield SystemCommand(t(command.title), t(command.help), command.callback, command.discover)
