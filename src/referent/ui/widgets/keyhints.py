"""The key hints at the bottom of every screen: Textual's Footer, built once.

Textual's Footer builds its keys again whenever a screen's bindings may have changed (every
focus change: five times while the minutes screen starts), and each key it builds restyles
itself twice on mounting (its ``compact`` starts True and is then bound to the footer's).
Here the keys are built again only when what they show changed, and each is born with the
style it ends with; what is drawn is exactly Textual's Footer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from referent.ui.textual_compat import FooterKey, follows_footer

_Shown = tuple[tuple[str, str, str, bool, str], ...]


def _shown(screen: Screen[Any]) -> _Shown:
    """What the footer shows of ``screen``'s bindings: each shown key, its text and state."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyHints(Footer):
    """Textual's Footer that builds its keys only when they change."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._built: _Shown | None = None

    def compose(self) -> Iterator[Widget]:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # The command palette's key keeps Textual's compact default; the others follow
                # the footer's. Set before mounting: no watcher runs, no restyling.
                compact = self.compact if follows_footer(widget) else True
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = _shown(screen)
        if shown == self._built:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:  # it was built
            self._built = shown
