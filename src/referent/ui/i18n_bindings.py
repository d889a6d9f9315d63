"""Show binding descriptions in the user's language, in the footer, help and palette."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from referent.ui.i18n import t
from referent.ui.textual_compat import bindings_map


def translate_bindings(node: DOMNode) -> None:
    """Translate ``node``'s own copy of its bindings.

    Textual copies a class's bindings into each instance at construction; replacing the
    descriptions there keeps the ids (and so user keymaps) intact.
    """
    own = bindings_map(node).key_to_bindings
    for key, bindings in own.items():
        own[key] = [
            replace(
                binding,
                description=t(binding.description),
                tooltip=t(binding.tooltip) if binding.tooltip else "",
            )
            for binding in bindings
        ]
