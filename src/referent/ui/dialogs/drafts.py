"""What was typed in a dialog and not answered: kept when the dialog is closed with Esc, brought
back when the same dialog opens again for the same thing, and asked about before quitting.

Esc keeps rather than asks: during a meeting Esc is the reflex that clears the screen when
the chair moves on or someone walks in, and a question on top of the dialog at that moment
is one more thing in the way. The words wait for the secretary instead, and Esc says so.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referent.ui.app import ReferentApp


@dataclass(frozen=True)
class Draft:
    """The text of each field of a dialog (``title``), by the field's name."""

    title: str
    values: tuple[tuple[str, str], ...]

    def describe(self) -> str:
        """One line for the question before quitting: the dialog and what was typed in it."""
        typed = " / ".join(text.strip() for _, text in self.values if text.strip())
        return f"{self.title}: {typed}"


class Drafts:
    """The drafts of one session of the app, by what their dialog is about (``key``)."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, Draft] = {}

    def keep(self, key: Hashable, draft: Draft) -> None:
        self._kept[key] = draft

    def take(self, key: Hashable) -> Draft | None:
        """The draft for ``key``, which the dialog now holds (it is kept again on Esc)."""
        return self._kept.pop(key, None)

    def __iter__(self) -> Iterator[Draft]:
        return iter(list(self._kept.values()))

    def __len__(self) -> int:
        return len(self._kept)


def unsaved(app: ReferentApp) -> list[str]:
    """Every text typed in a dialog and not answered: those open, then the drafts kept."""
    from referent.ui.dialogs.base import Dialog

    lines = []
    for screen in app.screen_stack:
        if isinstance(screen, Dialog):
            draft = screen.draft()
            if draft is not None:
                lines.append(draft.describe())
    return lines + [draft.describe() for draft in app.drafts]


def ask_before_quitting(app: ReferentApp, quit_now: Callable[[], None], minutes: Sequence[str] = ()) -> bool:
    """True when quitting would lose words typed in a dialog, or leave minutes that the database
    would not take (``minutes``: what to say of them): the question is on screen then, and
    ``quit_now`` runs if the answer is yes. Ctrl+Q on the question itself is a yes."""
    from referent.ui.dialogs.choice import QuitQuestion

    if isinstance(app.screen, QuitQuestion):
        return False
    lost = unsaved(app)
    if not lost and not minutes:
        return False
    app.push_screen(QuitQuestion(lost, minutes), lambda yes: quit_now() if yes else None)
    return True
