"""An agenda's items as the reader found them: their heads, and the headings that divide them.

``agenda.find_agenda`` decides which blocks head the items; a ``Heading`` is one of them and a
``Layout`` all of them. ``divider`` tells a heading that divides the items (``Lukkede
punkter``) from one that is an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referent.importing.word.document import Para


@dataclass(frozen=True)
class Heading:
    """An item heading: the paragraph, the number it shows (if any) and its title."""

    position: int
    """Index into the document's top-level blocks."""
    para: Para
    number: int | None
    text: str
    spill: str = ""
    """What followed the title on the heading's own line (``Title: a sentence …``, a duration):
    the first words of the item's case text."""
    presenter: str = ""
    below: int = 0
    """How many paragraphs under the head belong to it (a title under ``§ 45 Dnr KS 2023/112``)."""


@dataclass(frozen=True)
class Layout:
    headings: list[Heading]
    level: int | None
    """The heading level of the items, or None when they are bold paragraphs or list items."""


_CLOSED_PART = re.compile(
    r"^(?:(?:lukkede?|fortrolige?)\s+(?:punkter|dagsordenspunkter|sager|del|møde|dagsorden)"
    r"|lukket\s+møde|for\s+lukkede\s+døre)\s*:?$",
    re.IGNORECASE,
)
_OPEN_PART = re.compile(
    r"^(?:åbne?|åbent|offentlige?)\s+(?:punkter|dagsordenspunkter|sager|del|møde|dagsorden)\s*:?$",
    re.IGNORECASE,
)


def divider(text: str) -> str | None:
    """``closed`` for ``Lukkede punkter``/``Lukket møde``, ``open`` for ``Åbne punkter``: a heading
    that divides the items rather than being one."""
    if _CLOSED_PART.match(text):
        return "closed"
    return "open" if _OPEN_PART.match(text) else None


def starts_bold(para: Para) -> bool:
    """Bold from the start for at least half the text: ``**1. Velkommen** (kl. 10.00)``."""
    visible = [s for s in para.spans if s.text.strip()]
    if not visible or not visible[0].bold:
        return False
    bold = sum(len(s.text) for s in visible if s.bold)
    return bold * 2 >= sum(len(s.text) for s in visible)
