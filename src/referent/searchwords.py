"""Words as search compares them: Danish stems, whatever the case, with æ, ø and å kept.

SQLite's FTS5 has no Danish stemmer, so referent stems in Python (Snowball's Danish, the
``snowballstemmer`` package) and gives FTS5 the stems: ``Sundhedsaftalen``,
``sundhedsaftalerne`` and ``sundhedsaftale`` are all ``sundhedsaftal``, ``udvalget`` is
``udvalg``. The same stemming turns a query into stems and marks the words of a hit that
matched. The stemmer is imported where it is first used (start-up is measured).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

WORD = re.compile(r"[^\W_]+")
"""A word: letters and digits (Unicode: æøå, é, ü …); everything else separates words."""


@cache
def _stemmer() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("danish")


@cache
def stem(word: str) -> str:
    """One word's stem, case folded: ``Udvalget`` → ``udvalg``."""
    folded = word.casefold()
    return str(_stemmer().stemWord(folded))


def stems(text: str) -> list[str]:
    """The stems of every word of ``text``, in order."""
    return [stem(word) for word in WORD.findall(text)]


def stemmed(texts: Iterable[str]) -> str:
    """The stems of ``texts`` as one line of words: what the search index holds."""
    return " ".join(" ".join(stems(text)) for text in texts if text)


def forms(word: str) -> set[str]:
    """The stems a query word finds: its own stem, and the word itself as a stem.

    Snowball takes ``-et`` off a base word but leaves it on the word's definite form:
    ``budget`` is ``budg`` while ``budgettet`` is ``budget``, ``kapacitet`` is ``kapacit`` while
    ``kapaciteten`` is ``kapacitet``. The word typed, taken as a stem, finds those forms too.
    (Stemming the stems again would also join ``budgettet`` and ``budget``, but joins ``Hansen``
    with ``han`` as well.)"""
    return {stem(word), word.casefold()}


def query_stems(query: str) -> set[str]:
    """Every stem a hit of ``query`` may have: what its words are highlighted by."""
    return {form for word in WORD.findall(query) for form in forms(word)}


def match_expression(query: str) -> str:
    """An FTS5 query: every word of ``query`` (one of its ``forms``) must be there. '' when it
    has no words."""
    wanted = dict.fromkeys(tuple(sorted(forms(word))) for word in WORD.findall(query))
    return " AND ".join("(" + " OR ".join(f'"{form}"' for form in group) + ")" for group in wanted)


Segment = tuple[str, bool]
"""A piece of text, and whether it is a word the search found (to highlight)."""


def candidates(wanted: set[str]) -> re.Pattern[str]:
    """Words that may have one of the ``wanted`` stems: a Danish Snowball stem is always the
    start of the word (case folded; it only takes endings off), so only words that begin with
    a wanted stem need stemming to be sure."""
    starts = "|".join(re.escape(stem) for stem in sorted(wanted, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{starts})[^\W_]*", re.IGNORECASE)


def snippet(
    text: str, wanted: set[str], room: int = 12, maybe: re.Pattern[str] | None = None
) -> list[Segment] | None:
    """The part of ``text`` around its first word whose stem is ``wanted``, about ``room``
    words either side, with the matching words marked; None when no word matches.
    ``maybe``: ``candidates(wanted)``, made once for many texts. Only the text around the hit
    is split into words: a minutes text may be long."""
    maybe = maybe or candidates(wanted)
    hit = next((m for m in maybe.finditer(text) if stem(m.group()) in wanted), None)
    if hit is None:
        return None
    since = max(0, hit.start() - _AROUND)
    before = list(WORD.finditer(text, since, hit.start()))
    if since and before and before[0].start() == since:
        before = before[1:]  # perhaps the end of a word cut in two
    at_start = not since and len(before) <= room
    after = list(itertools.islice(WORD.finditer(text, hit.end()), room + 1))
    at_end = len(after) <= room
    words = [*before[-room:], hit, *after[:room]]
    start = 0 if at_start else words[0].start()
    end = len(text) if at_end else words[-1].end()
    segments: list[Segment] = [] if at_start else [("…", False)]
    position = start
    for word in words:
        if stem(word.group()) in wanted:
            if word.start() > position:
                segments.append((text[position : word.start()], False))
            segments.append((word.group(), True))
            position = word.end()
    if end > position:
        segments.append((text[position:end], False))
    if not at_end:
        segments.append(("…", False))
    return [(piece if marked else _SPACES.sub(" ", piece), marked) for piece, marked in segments if piece]


_AROUND = 400
"""Characters either side of a hit a snippet is made from (``room`` words fit in them)."""

_SPACES = re.compile(r"\s+")
