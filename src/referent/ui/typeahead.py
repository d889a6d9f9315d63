"""Keys typed faster than the screen follows, sent where the user meant them, in order.

Textual hands a key to the widget focused when the key is read, and runs a screen's key
bindings when the key comes back up unhandled. Typed ahead of the screen, keys went astray:

- typed right after the key that opens a dialog (Ctrl+T, then the action item at once), a key
  was handed to the screen under the dialog, or to the dialog before its field had the
  cursor; either way it was lost;
- typed right after Enter in a dialog's field, keys went into that field (they were meant for
  the next one), and after the last field's Enter into the dialog closing (they were meant for
  the screen beneath).

``KeyRouter`` holds the keys for a dialog until its field has the cursor, and sends a key
that came back up from a screen a dialog now covers to the dialog; ``forward`` hands a key
to whatever has the cursor now (``FieldInput`` uses it for keys that reached it too late).
Handing a key on uses Textual's private ``_forward_event`` (what the app does with a key read
from the terminal), through ``textual_compat.forward_event``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual import events
from textual.widgets import Input

from referent.ui.textual_compat import bindings_map, forward_event

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own (not priority) binding for ``event`` now; True when one ran.

    Textual types a printable key at once, in the widget, but runs the widget's bound keys
    (Backspace, ←, Ctrl+U, Ctrl+Z) only once the key has bubbled up to the app. Keys read
    together — typed quickly, or while the app was busy saving — were applied out of order:
    ``hello world`` Backspace ×3 ``XYZ`` became ``hello world`` (Textual issue #6605). The
    widget is first in the chain Textual searches, so what runs is what would have run."""
    for binding in bindings_map(widget).key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class InOrderInput(Input):
    """Textual's ``Input`` whose bound keys (Backspace, ←, Ctrl+U, Enter) act in the order typed."""

    async def on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            await run_own_binding(self, event)


class WaitsForKeys:
    """Mixin of a screen that takes typed keys only once its field has the cursor: until it
    calls ``KeyRouter.ready``, the keys typed are held for it."""

    keys_ready = False


def forward(app: App[Any], event: events.Key) -> None:
    """Hand ``event`` (again) to what has the cursor now, as the app hands a key read."""
    key = events.Key(event.key, event.character)
    focused = app.focused
    if focused is not None:
        forward_event(focused, key)
    else:
        forward_event(app.screen, key)


class KeyRouter:
    """Where each key was handed, and the keys held for a dialog not ready yet."""

    def __init__(self) -> None:
        self._handed_to: WeakKeyDictionary[events.Key, Screen[Any]] = WeakKeyDictionary()
        self._held: list[events.Key] = []

    def hold(self, app: App[Any], event: events.Key) -> bool:
        """True when ``event``, read from the terminal, is held for a dialog not ready yet;
        else it is noted which screen it is handed to."""
        if event.is_forwarded:
            return False
        screen = app.screen
        if isinstance(screen, WaitsForKeys) and not screen.keys_ready:
            self._held.append(event)
            return True
        self._handed_to[event] = screen
        return False

    def ready(self, app: App[Any], screen: WaitsForKeys) -> None:
        """``screen``'s field has the cursor: the keys held for it go there, in order, before
        any typed later."""
        screen.keys_ready = True
        held, self._held = self._held, []
        for event in held:
            forward(app, event)

    def send_again(self, app: App[Any], event: events.Key) -> bool:
        """True (and the key handed on) when ``event`` came back up unhandled from a screen
        that a newer one now covers: the key was typed for the newer one."""
        screen = self._handed_to.pop(event, None)
        if screen is None or screen is app.screen or screen not in app.screen_stack:
            return False  # a screen closed meanwhile: its bindings below run as Textual runs them
        event.stop()
        event.prevent_default()
        if isinstance(app.screen, WaitsForKeys) and not app.screen.keys_ready:
            self._held.append(events.Key(event.key, event.character))
        else:
            forward(app, event)
        return True
