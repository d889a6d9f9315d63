"""Show binding descriptions in the user's language, in the footer, help and palette."""

from __future__ import annotations

from dataclasses import replace
from weakref import WeakKeyDictionary

from textual.binding import Binding
from textual.dom import DOMNode

from referent.ui.i18n import t
from referent.ui.textual_compat import bindings_map

_english: WeakKeyDictionary[DOMNode, dict[str, list[Binding]]] = WeakKeyDictionary()
"""Each node's bindings as written (English), kept to translate them again: the app's own are
translated before the meeting, whose language may be another, is opened."""


def translate_bindings(node: DOMNode) -> None:
    """Translate ``node``'s own copy of its bindings into the current language.

    Textual copies a class's bindings into each instance at construction; replacing the
    descriptions there keeps the ids (and so user keymaps) intact.
    """
    own = bindings_map(node).key_to_bindings
    english = _english.setdefault(node, {key: list(b) for key, b in own.items()})
    for key, bindings in english.items():
        own[key] = [
            replace(
                binding,
                description=t(binding.description),
                tooltip=t(binding.tooltip) if binding.tooltip else "",
            )
            for binding in bindings
        ]
