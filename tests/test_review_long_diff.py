"""The chair's word diff of a long item: sentence by sentence first, then word by word.

Its speed is measured in bench/review_bench.py; here, that a long text's diff still names
exactly the words the chair changed and gives back both texts.
"""

from __future__ import annotations

import random

from referent.review import LARGE, SMALL, Change, word_diff

WORDS = [
    "at",
    "og",
    "det",
    "i",
    "til",
    "blev",
    "godkendt",
    "drøftet",
    "sagen",
    "udvalget",
    "forslaget",
    "med",
    "bemærkninger",
    "om",
]


def text(words: int, seed: int = 1, sentence: int = 12) -> str:
    rng = random.Random(seed)
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(w + ("." if (n + 1) % sentence == 0 else "") for n, w in enumerate(chosen))


def parts(changes: list[Change], *keep: str) -> str:
    return "".join(change.text for change in changes if change.kind in keep)


def test_a_long_text_names_only_the_words_changed() -> None:
    old = text(3 * SMALL)
    words = old.split(" ")
    for n in (40, 300, 555):
        words[n] = "ÆNDRET"
    new = " ".join(words)
    changes = word_diff(old, new)
    assert parts(changes, "equal", "delete") == old
    assert parts(changes, "equal", "insert") == new
    assert [c.text.strip(" .") for c in changes if c.kind == "insert"] == ["ÆNDRET"] * 3
    assert len([c for c in changes if c.kind == "delete"]) == 3


def test_a_sentence_inserted_in_a_long_text_is_one_insert() -> None:
    old = text(3 * SMALL, seed=2)
    cut = old.index(". ", len(old) // 2) + 2
    new = old[:cut] + "Formanden tilføjede denne sætning. " + old[cut:]
    changes = word_diff(old, new)
    assert [c.text for c in changes if c.kind == "insert"] == ["Formanden tilføjede denne sætning. "]
    assert not [c for c in changes if c.kind == "delete"]


def test_one_endless_sentence_still_gives_back_both_texts() -> None:
    old = text(2 * LARGE, seed=3, sentence=10**9)  # no full stop anywhere
    words = old.split(" ")
    words[LARGE] = "ÆNDRET"
    del words[100]
    new = " ".join(words)
    changes = word_diff(old, new)
    assert parts(changes, "equal", "delete") == old
    assert parts(changes, "equal", "insert") == new
    assert all(change.text for change in changes)
