"""What the store records (issue 19): the minutes' history keeps every wording worth going back
to and stays small; "last saved" follows every change to a meeting.

A wording that stood for a few seconds is kept; so is the wording before a paste, a phrase,
a replaced selection or an undo, however quickly it followed. Keystrokes in between coalesce.
The clock is moved by hand: nothing here waits.
"""

from __future__ import annotations

import random
from datetime import date, time
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referent.model import Attendance, Item, Meeting, Participant
from referent.store import REVISION_WINDOW, SETTLED, Store
from referent.store.revisions import edit_size

if TYPE_CHECKING:
    from conftest import FakeClock

AUTOSAVE = 0.5
"""Seconds between two autosaves while typing (the screen's interval)."""


def one_item(store: Store) -> int:
    meeting_id = store.import_meeting(Meeting(title="Udvalg", date=date(2023, 3, 13), items=[Item("A")]))
    return store.item_ids(meeting_id)[0]


def texts(store: Store, item: int) -> list[str]:
    return [revision.text for revision in store.revisions(item)]


def type_out(store: Store, clock: FakeClock, item: int, start: str, typed: str) -> str:
    """``typed`` added to ``start`` a few characters an autosave, as a secretary types."""
    text = start
    for begin in range(0, len(typed), 4):
        clock.advance(AUTOSAVE)
        text += typed[begin : begin + 4]
        store.save_minutes(item, text)
    return text


def test_keystrokes_coalesce_into_one_wording(store: Store, clock: FakeClock) -> None:
    item = one_item(store)
    text = type_out(store, clock, item, "", "Formanden bød velkommen til mødet.")
    assert texts(store, item) == [text]


def test_a_wording_that_stood_a_few_seconds_is_kept(store: Store, clock: FakeClock) -> None:
    item = one_item(store)
    first = type_out(store, clock, item, "", "Formanden bød velkommen.")
    clock.advance(SETTLED.total_seconds())  # the secretary listens
    second = type_out(store, clock, item, first, " Mødet blev holdt.")
    assert texts(store, item) == [first, second]


def test_a_pause_shorter_than_that_coalesces(store: Store, clock: FakeClock) -> None:
    item = one_item(store)
    first = type_out(store, clock, item, "", "Formanden bød")
    clock.advance(SETTLED.total_seconds() - 1)
    second = type_out(store, clock, item, first, " velkommen.")
    assert texts(store, item) == [second]


def test_the_wording_before_a_paste_is_kept(store: Store, clock: FakeClock) -> None:
    """The issue's case: typed, then pasted within the same minute; the typed wording was gone."""
    item = one_item(store)
    typed = type_out(store, clock, item, "", "Sekretariatet orienterede.")
    clock.advance(AUTOSAVE)
    pasted = typed + "\n\nUddrag af notatet: projektet er forsinket med tre måneder."
    store.save_minutes(item, pasted)
    assert texts(store, item) == [typed, pasted]


def test_the_wording_before_a_replaced_selection_is_kept(store: Store, clock: FakeClock) -> None:
    item = one_item(store)
    typed = type_out(store, clock, item, "", "Indstillingen blev godkendt af et enigt udvalg.")
    clock.advance(AUTOSAVE)
    replaced = typed.replace("af et enigt udvalg", "med 5 stemmer mod 2")
    store.save_minutes(item, replaced)
    assert texts(store, item) == [typed, replaced]


def test_the_wording_before_an_undo_is_kept(store: Store, clock: FakeClock) -> None:
    """An undo takes back a whole batch of typing (up to 100 characters) at once."""
    item = one_item(store)
    start = type_out(store, clock, item, "", "Drøftet.")
    clock.advance(SETTLED.total_seconds())
    typed = type_out(store, clock, item, start, " Udvalget bad om en ny sag til næste møde.")
    clock.advance(AUTOSAVE)
    store.save_minutes(item, start)  # Ctrl+Z
    assert texts(store, item) == [start, typed, start]


def test_keep_wording_keeps_what_is_saved_whatever_comes_next(store: Store, clock: FakeClock) -> None:
    """A phrase of a few characters is no bigger than a burst of typing: the screen says so."""
    item = one_item(store)
    typed = type_out(store, clock, item, "", "Punktet")
    store.keep_wording(item)
    store.keep_wording(item)  # twice: nothing more
    clock.advance(AUTOSAVE)
    store.save_minutes(item, typed + " Udsat.")
    assert texts(store, item) == [typed, typed + " Udsat."]


def test_keep_wording_without_a_wording_does_nothing(store: Store) -> None:
    item = one_item(store)
    store.keep_wording(item)
    assert texts(store, item) == []


def test_continuous_typing_still_closes_a_revision_a_window(store: Store, clock: FakeClock) -> None:
    item = one_item(store)
    saves = int(REVISION_WINDOW.total_seconds() / AUTOSAVE)
    first = type_out(store, clock, item, "", "x" * 4 * saves)
    second = type_out(store, clock, item, first, "y" * 8)
    assert texts(store, item) == [first, second]


def _edit_size_slowly(before: str, after: str) -> int:
    shortest = min(len(before), len(after))
    prefix = next((n for n in range(shortest) if before[n] != after[n]), shortest)
    suffix = next((n for n in range(shortest - prefix) if before[-1 - n] != after[-1 - n]), shortest - prefix)
    return max(len(before), len(after)) - prefix - suffix


@given(st.text("ab\n", max_size=14), st.text("ab\n", max_size=14))
def test_edit_size_is_the_larger_of_what_one_edit_inserts_or_removes(before: str, after: str) -> None:
    assert edit_size(before, after) == _edit_size_slowly(before, after)
    assert edit_size("Godkendt.", "Godkendt af alle.") == len(" af alle")


def test_a_meeting_of_typing_and_listening_keeps_the_database_small(clock: FakeClock) -> None:
    """Three hours over 15 items: bursts of typing (2-20 s) between pauses (2-40 s), now and
    then a paste or a phrase: every wording that stood is kept, and the file stays small.
    (In memory: the pages are what the file would hold, without a disk's wait on every save.)"""
    store = Store.open(":memory:", clock=clock)
    try:
        meeting_id = store.import_meeting(
            Meeting(title="Udvalg", date=date(2023, 3, 13), items=[Item(str(n)) for n in range(15)])
        )
        ids = store.item_ids(meeting_id)
        rng = random.Random(19)
        words = ["og", "det", "at", "er", "kommunen", "indstillingen", "godkendt", "drøftet", "sagen"]
        current = dict.fromkeys(ids, "")
        seconds = 3 * 60 * 60
        elapsed = 0.0
        stood = 0
        while elapsed < seconds:
            item = ids[int(elapsed * len(ids) // seconds)]
            burst = rng.uniform(2, 20)
            if rng.random() < 0.05:  # a paste or a phrase
                current[item] += " " + " ".join(rng.choices(words, k=30))
                store.save_minutes(item, current[item])
            else:
                typed = " ".join(rng.choices(words, k=int(burst)))
                current[item] = type_out(store, clock, item, current[item], " " + typed)
                elapsed += len(typed) / 4 * AUTOSAVE
            pause = rng.uniform(2, 40)
            stood += pause >= SETTLED.total_seconds()
            clock.advance(pause)
            elapsed += pause
        size = store.db.value("PRAGMA page_count") * store.db.value("PRAGMA page_size")
        revisions = sum(len(store.revisions(item)) for item in ids)
        assert revisions >= stood  # every pause of a few seconds left its wording
        assert all(store.revisions(item)[-1].text == current[item] for item in ids if current[item])
        typed = sum(len(text) for text in current.values())
        print(f"{size / 1e6:.2f} MB, {revisions} revisions, {stood} pauses, {typed} characters")
        assert size < 2 * 1024 * 1024, f"{size / 1e6:.2f} MB for {revisions} revisions"
    finally:
        store.close()


# --- last saved ----------------------------------------------------------------------------


def test_last_saved_follows_every_committed_change_and_nothing_else(store: Store, clock: FakeClock) -> None:
    meeting_id = store.import_meeting(
        Meeting(title="Udvalg", date=date(2023, 3, 13), participants=[Participant("Anna")], items=[Item("A")])
    )
    [item] = store.item_ids(meeting_id)
    [anna] = store.participant_ids(meeting_id)
    assert store.last_saved == {}  # importing is not this session's saving
    store.update_meeting(meeting_id, current_item=item, cursor="0,0")
    assert store.last_saved == {}  # where the reader is, is no change
    clock.advance(60)
    store.update_participant(anna, attendance=Attendance.PRESENT)
    saved = clock.now
    assert store.last_saved == {meeting_id: saved}
    clock.advance(60)
    with pytest.raises(RuntimeError), store.transaction():
        store.update_meeting(meeting_id, actual_start=time(14, 0))
        raise RuntimeError("rolled back")
    assert store.last_saved == {meeting_id: saved}
    with store.transaction():
        store.update_meeting(meeting_id, actual_start=time(14, 0))
        assert store.last_saved == {meeting_id: saved}  # not before the commit
    assert store.last_saved == {meeting_id: clock.now}
