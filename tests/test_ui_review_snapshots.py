"""SVG snapshots of the chair's review and of an item's history, at 120×36 with a fixed clock.

The demo meeting is a draft with a gap of every kind (``test_ui_review.draft``); the store
runs on the test's clock, so the history's times are fixed. Accept changed pictures with
``pytest tests/test_ui_review_snapshots.py --snapshot-update`` only after looking at them.
"""

from __future__ import annotations

from collections.abc import Callable

from test_ui_review import draft, review_open
from textual.pilot import Pilot
from ui_helpers import SIZE, Case, settled

SnapCompare = Callable[..., bool]


async def wait_for_review(pilot: Pilot[None]) -> None:
    await review_open(pilot)
    await settled(pilot)  # the draft drawn ahead, as a moment after Ctrl+R


def test_review_screen(case: Case, snap_compare: SnapCompare) -> None:
    draft(case)
    assert snap_compare(case.app(review=True), run_before=wait_for_review, terminal_size=SIZE)


def test_history_screen(case: Case, snap_compare: SnapCompare) -> None:
    """Item 2 written three times, two minutes apart; the chair's last change highlighted."""
    draft(case)
    item_id = case.store.item_ids(case.meeting_id)[1]
    for text in (
        "Tilbuddet fra Greenway Play blev godkendt.",
        "Tilbuddet fra Greenway Play blev godkendt med 4 stemmer mod 1.",
    ):
        case.clock.advance(minutes=2)
        case.store.save_minutes(item_id, text)
    press = ["h", "ctrl+u", "2", "enter"]  # h asks which item
    assert snap_compare(case.app(review=True), run_before=wait_for_review, press=press, terminal_size=SIZE)


def test_history_screen_80x24(case: Case, snap_compare: SnapCompare) -> None:
    """The key hints are on screen at 80×24."""
    draft(case)
    item_id = case.store.item_ids(case.meeting_id)[1]
    for text in ("Tilbuddet blev godkendt.", "Tilbuddet fra Greenway Play blev godkendt."):
        case.clock.advance(minutes=2)
        case.store.save_minutes(item_id, text)
    press = ["h", "2", "enter"]
    assert snap_compare(
        case.app(review=True), run_before=wait_for_review, press=press, terminal_size=(80, 24)
    )
