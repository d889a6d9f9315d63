"""The key hints at the bottom of every screen: Textual's Footer, built once, never cut.

Textual's Footer builds its keys again whenever a screen's bindings may have changed (every
focus change: five times while the minutes screen starts), and each key it builds restyles
itself twice on mounting (its ``compact`` starts True and is then bound to the footer's).
Here the keys are built again only when what they show changed, and each is born with the
style it ends with; what is drawn is exactly Textual's Footer.

Textual's Footer also cuts whatever does not fit (``f5 Phras``, at 80 columns). Here the
hints that do not fit are left out whole, see ``fit``; F1 lists every key.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from referent.ui.textual_compat import FooterKey, bindings_ready, follows_footer

_Shown = tuple[tuple[str, str, str, bool, str], ...]

GIVE_WAY = ("previous_item",)
"""Actions whose hints are left out first when the footer is narrow, before the others are
left out from the end: Ctrl+Up goes without saying beside Ctrl+Down. The order of a screen's
bindings is otherwise the order of importance (the review puts approving first)."""


@dataclass(frozen=True)
class Hint:
    """What a footer key shows: ``key`` and ``description`` as drawn."""

    action: str
    key: str
    description: str

    def width(self, compact: bool) -> int:
        """Cells the key takes in the footer, as Textual's CSS lays it out: padding around the
        key and after the description, or (compact) one space between them and a margin after."""
        if compact:
            return cell_len(self.key) + 1 + cell_len(self.description) + 1
        return 1 + cell_len(self.key) + 1 + cell_len(self.description) + 1


@dataclass(frozen=True)
class Fit:
    """How the hints fit a width: compact or not, which actions are shown, and the palette key."""

    compact: bool
    shown: tuple[str, ...]
    palette: bool


def fit(hints: Sequence[Hint], palette: Hint | None, width: int, give_way: Sequence[str] = GIVE_WAY) -> Fit:
    """The most a footer ``width`` cells wide shows without cutting a hint: every hint as
    Textual draws it; else compact; else without the palette's key (Ctrl+P works all the same);
    else the hints in order of importance, each that still fits."""

    def used(shown: Sequence[Hint], compact: bool) -> int:
        total = sum(hint.width(compact) for hint in shown)
        return total - 1 if compact and shown else total  # the last margin may fall off the edge

    def palette_width(compact: bool) -> int:
        # Textual keeps the palette's key compact; it has a border on its left, and (in a footer
        # that is not compact) a cell of padding on its right.
        return 0 if palette is None else palette.width(True) + (1 if compact else 2)

    everyone = tuple(hint.action for hint in hints)
    for compact in (False, True):
        if used(hints, compact) + palette_width(compact) <= width:
            return Fit(compact, everyone, palette is not None)
    if used(hints, True) <= width:
        return Fit(True, everyone, False)
    first = [hint for hint in hints if hint.action not in give_way]
    last = sorted((hint for hint in hints if hint.action in give_way), key=lambda h: give_way.index(h.action))
    shown: list[Hint] = []
    for hint in first + last:
        if used([*shown, hint], True) <= width:
            shown.append(hint)
    return Fit(True, tuple(hint.action for hint in hints if hint in shown), False)


def _shown(screen: Screen[Any]) -> _Shown:
    """What the footer shows of ``screen``'s bindings: each shown key, its text and state."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


def _hints(screen: Screen[Any]) -> tuple[list[Hint], Hint | None]:
    """The hints Textual's Footer would show for ``screen`` (one per action, as it does), and
    the palette's key, read from the bindings: nothing is built to measure them."""
    app = screen.app
    hints: dict[str, Hint] = {}
    for _, binding, _, _ in screen.active_bindings.values():
        if binding.show and binding.action not in hints:
            hints[binding.action] = Hint(binding.action, app.get_key_display(binding), binding.description)
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in screen.active_bindings:
        binding = screen.active_bindings[app.COMMAND_PALETTE_BINDING].binding
        palette = Hint(binding.action, app.get_key_display(binding), binding.description)
    return list(hints.values()), palette


def _is_palette(key: FooterKey) -> bool:
    return key.has_class("-command-palette")


class KeyHints(Footer):
    """Textual's Footer that builds its keys only when they change, and leaves out whole the
    hints that do not fit the width."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._built: _Shown | None = None
        self.fitted: Fit | None = None
        """How the keys built last fit the width (None: not built yet)."""

    def _fit(self) -> Fit:
        hints, palette = _hints(self.screen)
        return fit(hints, palette if self.show_command_palette else None, self.app.size.width)

    def compose(self) -> Iterator[Widget]:
        if not bindings_ready(self):
            return
        self.fitted = fitted = self._fit()
        # set before the keys are made: no watcher runs, no restyling
        self.set_reactive(Footer.compact, fitted.compact)
        self.set_class(fitted.compact, "-compact", update=False)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if not (fitted.palette if _is_palette(widget) else widget.action in fitted.shown):
                    continue
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

    def on_resize(self, event: events.Resize) -> None:
        """Another width may fit other hints: built again only when it does."""
        if self.fitted is not None and self._fit() != self.fitted:
            self.call_after_refresh(self.recompose)
