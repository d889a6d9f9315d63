"""The Opfølgning item in the app: the earlier meetings' open follow-ups, marked with one key each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ui_helpers import SIZE, Case, notifications, screen_text

from referent.meetingfile.writer import dump_meeting
from referent.model import ActionItem, ActionState, Item, Meeting, Participant
from referent.ui.dialogs.followups import FollowUpsDialog


def meeting(day: date, *items: Item) -> Meeting:
    return Meeting("Sundhedsudvalget", day, body="Sundhedsudvalget", participants=[Participant("Anna")],
                   items=list(items))  # fmt: skip


@pytest.fixture
def case(tmp_path: Path) -> Case:
    """May's meeting open, after March's with two action items (and another body's with one)."""
    may = tmp_path / "maj.toml"
    may.write_text(
        dump_meeting(
            meeting(date(2023, 5, 8), Item("Godkendelse af referat"), Item("Opfølgning"), Item("Eventuelt"))
        ),
        encoding="utf-8",
    )
    case = Case(tmp_path, sample=may)
    actions = [ActionItem("Tal indhentes", "Økonomi", "1. april 2023"), ActionItem("Plan skrives", "Anna")]
    case.store.import_meeting(meeting(date(2023, 3, 13), Item("Budget", actions=actions)))
    other = Meeting("Ældrerådet", date(2023, 3, 1), items=[Item("X", actions=[ActionItem("Ikke vores")])])
    case.store.import_meeting(other)
    return case


async def test_the_follow_up_item_lists_them_and_one_key_marks_each(case: Case) -> None:
    app = case.app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert "Tal indhentes" not in screen_text(app)  # only on the Opfølgning item
            await pilot.press("ctrl+down")
            shown = screen_text(app)
            assert "Follow-ups from earlier meetings (F7 marks them):" in shown
            assert "○ Tal indhentes (Økonomi, 1. april 2023, 13.03.2023)" in shown
            assert "○ Plan skrives" in shown and "Ikke vores" not in shown
            await pilot.press("f7")
            assert isinstance(app.screen, FollowUpsDialog)
            await pilot.press("d", "c")  # the first done, then on to the second: carried
            assert "carried" in screen_text(app)
            await pilot.press("escape")
            shown = screen_text(app)
            assert "✓ Tal indhentes" in shown and "→ Plan skrives" in shown
    finally:
        case.close()
    stored = case.stored(1 + case.meeting_id).items[0].actions
    assert [(a.state, a.state_on) for a in stored] == [
        (ActionState.DONE, date(2023, 5, 8)),
        (ActionState.OPEN, date(2023, 5, 8)),
    ]


async def test_approved_minutes_mark_nothing(case: Case) -> None:
    case.store.approve(case.meeting_id, "Formanden")
    app = case.app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+down", "f7", "d")
            assert notifications(app)  # says why nothing changes
    finally:
        case.close()
    assert [a.state for a in case.stored(1 + case.meeting_id).items[0].actions] == [ActionState.OPEN] * 2


async def test_ctrl_f_finds_an_item_of_another_meeting_and_opens_it_read_only_when_approved(
    case: Case,
) -> None:
    from referent.ui.screens.minutes import MinutesScreen
    from referent.ui.screens.search import SearchScreen

    march = case.meeting_id + 1
    case.store.save_minutes(case.store.item_ids(march)[0], "Sundhedsaftalerne blev drøftet.")
    case.store.approve(march, "Formanden")
    app = case.app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+f")
            assert isinstance(app.screen, SearchScreen)
            await pilot.press(*"aftale", "enter")
            assert "Nothing found." in screen_text(app)
            await pilot.press("ctrl+a", "ctrl+k", *"sundhedsaftale", "enter")
            shown = screen_text(app)
            assert "1 found" in shown and "13.03.2023" in shown and "Item 1: Budget" in shown
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MinutesScreen)
            assert (screen.live.meeting_id, screen.live.current) == (march, 0)
            assert screen.read_only and "Sundhedsaftalerne blev drøftet." in screen_text(app)
    finally:
        case.close()


async def test_search_hits_say_what_enter_does_and_up_goes_back_to_the_words(case: Case) -> None:
    """Enter in the words already marks the best hit: the hint says Enter opens it (↓ first would
    open the second), and ↑ on the first hit goes back to the words to search again."""
    from textual.widgets import Input

    from referent.ui.screens.search import SearchScreen

    march = case.meeting_id + 1
    case.store.save_minutes(case.store.item_ids(march)[0], "Budgettet blev drøftet. Budgettet igen.")
    case.store.save_minutes(case.store.item_ids(case.meeting_id)[0], "Budgettet nævnt.")
    app = case.app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+f", *"budget", "enter")
            assert isinstance(app.screen, SearchScreen)
            assert "2 found, best first: Enter opens the marked one" in screen_text(app)
            await pilot.press("up")
            assert isinstance(app.focused, Input)
            await pilot.press("ctrl+a", "ctrl+k", *"budgettet", "enter", "down", "up", "up")
            assert isinstance(app.focused, Input) and app.focused.value == "budgettet"
    finally:
        case.close()


async def test_n_in_the_review_writes_the_next_agenda_once_approved(case: Case, tmp_path: Path) -> None:
    from referent.meetingfile.reader import load_meeting

    folder = tmp_path / "out"
    folder.mkdir()
    app = case.app(review=True, export_folder=folder)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("n")
            assert any("approve them first" in message for _, message in notifications(app))
            assert list(folder.iterdir()) == []
            case.store.approve(case.meeting_id, "Formanden")
            app.live.reload()
            await pilot.press("n")
            await pilot.pause()
    finally:
        case.close()
    written = sorted(path.name for path in folder.iterdir())
    assert written == [
        "2023-06-05 Dagsorden Sundhedsudvalget.docx",
        "2023-06-05 Dagsorden Sundhedsudvalget.toml",
    ]
    agenda = load_meeting(folder / written[1])
    assert "Tal indhentes" in agenda.items[1].case and "Ikke vores" not in agenda.items[1].case
