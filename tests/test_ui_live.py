"""The live screen driven by real key presses (Textual Pilot), checked in the database.

Every check of what was saved reads the file through a second connection (``Case.stored``),
so it sees only what was committed. Typing costs about 65 ms a key: typed strings are short.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import Timers
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, OptionList, TextArea
from ui_helpers import DEMO, SIZE, Case, notifications, palette_done, saved, screen_text, wait_until

from referent.lock import MeetingLock
from referent.meetingfile.reader import load_meeting
from referent.model import ActionItem, Attendance, ItemStatus, Outcome
from referent.sources import draft_for_file
from referent.store import Store
from referent.ui.app import ReferentApp, make_app
from referent.ui.dialogs.actions import ActionsDialog
from referent.ui.dialogs.choice import ChoiceDialog
from referent.ui.dialogs.conflicts import ConflictDialog
from referent.ui.dialogs.form import FormDialog, ItemDialog
from referent.ui.dialogs.help import HelpDialog
from referent.ui.dialogs.outcomes import OutcomeDialog
from referent.ui.screens import minutes as minutes_screen
from referent.ui.screens.attendance import AttendanceScreen
from referent.ui.screens.minutes import MinutesScreen


def editor(app: ReferentApp) -> TextArea:
    return app.screen.query_one("#editor", TextArea)


def minutes(case: Case) -> list[str]:
    return [item.minutes for item in case.stored().items]


def paste(app: ReferentApp, text: str) -> None:
    """What a terminal's bracketed paste does: the driver hands the app a Paste event.

    (Posted to the editor itself, the event would bubble up to the app, which forwards it to
    the focused editor a second time: the text would be inserted twice.)
    """
    app.post_message(events.Paste(text))


def header(app: ReferentApp) -> str:
    return str(app.screen.query_one("#item-header").render()).splitlines()[0]


# --- opening ---------------------------------------------------------------------------


async def test_editor_has_focus_on_open_and_opening_does_not_start_the_meeting(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, MinutesScreen)
        assert app.focused is editor(app)
        assert header(app) == "1. Approval of the agenda"
        assert "Meeting not started" in screen_text(app)
        await pilot.press("ctrl+down", "ctrl+down")
        assert app.focused is editor(app)
    stored = case.stored()
    assert stored.actual_start is None
    assert all(item.status is ItemStatus.PENDING for item in stored.items)


# --- typing and moving -----------------------------------------------------------------


async def test_type_into_two_items_and_move_between_them(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok")
        await saved(pilot)
        assert minutes(case)[0] == "Ok"
        stored = case.stored()
        assert stored.actual_start == stored.items[0].actual_start == case.clock().time()
        assert stored.items[0].status is ItemStatus.TAKEN

        await pilot.press("ctrl+down", *"Ja")
        await saved(pilot)
        assert header(app) == "2. Renovation of the Mill Street playground"
        assert minutes(case)[:2] == ["Ok", "Ja"]

        await pilot.press("ctrl+up")
        assert header(app) == "1. Approval of the agenda"
        assert editor(app).text == "Ok"
        assert app.focused is editor(app)

        await pilot.press("ctrl+g")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("4", "enter")
        assert header(app) == "4. Staff matter"
        assert editor(app).text == ""
        assert app.focused is editor(app)
        await pilot.press("X")
        await saved(pilot)
        assert minutes(case) == ["Ok", "Ja", "", "X", ""]

        await pilot.press("ctrl+n")  # the second keys of next / previous
        assert header(app) == "5. Any other business"
        await pilot.press("ctrl+b", "ctrl+b")
        assert header(app) == "3. Use of the community centre's sports hall on Saturdays"
    assert case.resume_point()[0] == 3


async def test_switching_at_once_loses_nothing(case: Case) -> None:
    # The periodic autosave never fires by itself in a test: whatever is stored was saved by the switch.
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"ab", "ctrl+down")
        assert minutes(case)[0] == "ab"
        await pilot.press(*"cd", "ctrl+up")
        assert minutes(case)[1] == "cd"
        await pilot.press(*"e", "ctrl+g", "3", "enter")
        assert minutes(case)[0] == "abe"
        await pilot.press(*"f", "f2")
        assert minutes(case)[2] == "f"
        await pilot.press("escape", *"g", "ctrl+q")
    assert minutes(case)[:3] == ["abe", "cd", "fg"]


async def test_go_to_an_item_that_does_not_exist(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g", "9", "enter")
        assert isinstance(app.screen, ItemDialog)  # the dialog stays, saying why
        assert "There is no item 9." in screen_text(app)
        await pilot.press("2", "enter")  # the wrong number is selected: typing replaces it
        assert header(app) == "2. Renovation of the Mill Street playground"
        assert app.focused is editor(app)
        await pilot.press("ctrl+g", "escape")
        assert header(app).startswith("2.")


# --- phrases ---------------------------------------------------------------------------


async def test_insert_phrases_by_key_and_from_the_f5_list(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("alt+g", "enter", "f5")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("3", "enter", "x", "alt+e")
        assert app.focused is editor(app)
        await saved(pilot)
    assert minutes(case)[0] == (
        "Indstillingen blev godkendt.\nIngen bemærkninger.\nx Orienteringen blev taget til efterretning."
    )


async def test_phrases_come_from_the_config_file(case: Case) -> None:
    case.settings('phrases = ["Mødet blev hævet."]\n')
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("alt+g", "alt+e")  # there is no second phrase: nothing happens
        assert editor(app).text == "Mødet blev hævet."
        assert notifications(app) == []


# --- decisions -------------------------------------------------------------------------


async def test_ctrl_o_approves_every_point(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "ctrl+o")
        assert case.stored().items[1].recommendation.outcomes == [Outcome.APPROVED] * 3
        assert ("information", "All points approved.") in notifications(app)
        assert screen_text(app).count("[approved]") == 3
        await pilot.press("ctrl+g", "5", "enter", "ctrl+o")  # item 5 has no recommendation
        assert ("warning", "This item has no recommendation points.") in notifications(app)
        assert app.focused is editor(app)


async def test_outcome_screen_sets_an_outcome_per_point_with_a_digit(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "f4")
        assert isinstance(app.screen, OutcomeDialog)
        await pilot.press("2", "down", "5", "3", "up", "0")  # 2 moved on to point 2, down to 3
        assert case.stored().items[1].recommendation.outcomes == [Outcome.NOTED, None, Outcome.DISCUSSED]
        await pilot.press("a")
        assert case.stored().items[1].recommendation.outcomes == [Outcome.APPROVED] * 3
        await pilot.press("escape")
        assert isinstance(app.screen, MinutesScreen)
        assert app.focused is editor(app)


async def test_each_outcome_moves_on_to_the_next_point(case: Case) -> None:
    """As attendance does: ``3 1 3`` records the three points, not point 1 three times;
    0 clears the point it is on, and the last point keeps the highlight."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "f4", "3", "1", "3")
        assert case.stored().items[1].recommendation.outcomes == [
            Outcome.DISCUSSED,
            Outcome.APPROVED,
            Outcome.DISCUSSED,
        ]
        points = app.screen.query_one("#points", OptionList)
        assert points.highlighted == 2
        await pilot.press("2")  # the last point: corrected where it stands
        assert points.highlighted == 2
        await pilot.press("up", "0")
        assert points.highlighted == 1
        assert case.stored().items[1].recommendation.outcomes == [Outcome.DISCUSSED, None, Outcome.NOTED]


# --- attendance ------------------------------------------------------------------------


async def test_attendance_marks_present_absent_remote(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("p", "a", "r")  # each mark moves to the next person
        people = case.stored().participants
        assert [p.attendance for p in people[:4]] == [
            Attendance.PRESENT,
            Attendance.ABSENT,
            Attendance.REMOTE,
            Attendance.UNKNOWN,
        ]
        assert "2 present, 1 absent, 4 not marked" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MinutesScreen)
        assert app.focused is editor(app)
        assert "2 present · 1 absent · 4 ?" in screen_text(app)


async def test_attendance_substitute_arrived_and_left(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "down", "down", "down", "s")  # Tom Becker
        assert isinstance(app.screen, FormDialog)
        assert "Who attends instead of Tom Becker?" in screen_text(app)
        await pilot.press(*"Bo", "enter")  # then on to the next person, past the "Staff:" heading
        await pilot.press("l")  # Grace Liu came at item 3
        assert "Grace Liu arrived at item" in screen_text(app)
        assert app.screen.query_one(Input).value == "1"  # offered: the current item
        await pilot.press("3", "enter")  # typed over the number offered
        await pilot.press("e", "4", "enter")  # Priya Natarajan left after 4
        assert "Priya Natarajan left after item" not in screen_text(app)
        text = screen_text(app)
        assert "→ Bo" in text
        assert "from item 3" in text
        assert "until item 4" in text
        await pilot.press("up", "up", "up", "s")  # s again on Tom: the substitute recorded is offered
        assert app.screen.query_one(Input).value == "Bo"
    people = {p.name: p for p in case.stored().participants}
    assert (people["Tom Becker"].attendance, people["Tom Becker"].substitute) == (Attendance.ABSENT, "Bo")
    assert (people["Grace Liu"].attendance, people["Grace Liu"].arrived_at) == (Attendance.PRESENT, 3)
    assert (people["Priya Natarajan"].attendance, people["Priya Natarajan"].left_after) == (
        Attendance.PRESENT,
        4,
    )
    assert sum(p.attendance is not Attendance.UNKNOWN for p in people.values()) == 3


async def test_everyone_present_keeps_marks_and_guests_can_be_added(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "a", "A")
        await pilot.press("g", *"Ib", "enter", *"TV", "enter")
        await pilot.press("n", *"Eva", "enter", "enter")
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(table.cursor_row)[1].plain.strip() == "Eva"  # the cursor is on the new person
        assert "8 present, 1 absent, 0 not marked" in screen_text(app)
    stored = case.stored()
    assert [p.attendance for p in stored.participants] == [Attendance.ABSENT] + [Attendance.PRESENT] * 6
    assert [(g.name, g.role, g.attendance) for g in stored.guests] == [
        ("Daniel Reyes", "Riverside Youth Football Club", Attendance.PRESENT),
        ("Ib", "TV", Attendance.PRESENT),
    ]
    assert stored.participants[-1].name == "Eva"


# --- the item menu ---------------------------------------------------------------------


async def test_add_item_numbering_follows_and_the_new_item_is_current(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "x", "f8")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("n", *"Ny", "enter")
        assert header(app) == "3. Ny"
        assert editor(app).text == ""
        assert app.focused is editor(app)
        assert "▶ 3. Ny" in screen_text(app)
        assert "4. Use of the" in screen_text(app)
        await pilot.press("z", "ctrl+s")
        stored = case.stored()
        assert [item.title for item in stored.items][1:4] == [
            "Renovation of the Mill Street playground",
            "Ny",
            "Use of the community centre's sports hall on Saturdays",
        ]
        assert [item.minutes for item in stored.items][1:3] == ["x", "z"]
        assert stored.items[2].actual_start == case.clock().time()  # taken up when entered
    assert case.resume_point()[0] == 3


async def test_move_item_up_and_down(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", *"m", "f8", "u")
        assert header(app) == "1. Renovation of the Mill Street playground"
        await pilot.press("f8", "d", "f8", "d")
        assert header(app) == "3. Renovation of the Mill Street playground"
        await pilot.press("w", "ctrl+s")  # the editor still holds the moved item's text
        assert app.focused is editor(app)
    titles = [item.title for item in case.stored().items]
    assert titles[:3] == [
        "Approval of the agenda",
        "Use of the community centre's sports hall on Saturdays",
        "Renovation of the Mill Street playground",
    ]
    assert case.stored().items[2].minutes == "mw"
    assert case.resume_point()[0] == 3


async def test_postpone_withdraw_and_reopen(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "ctrl+down", "f8", "p")
        assert case.stored().items[1].status is ItemStatus.POSTPONED
        assert "postponed" in screen_text(app)
        await pilot.press("f8", "r")  # "reopen" is offered for a postponed item
        assert case.stored().items[1].status is ItemStatus.PENDING  # looked at, never worked on
        await pilot.press(*"y", "f8", "p", "f8", "r")
        assert case.stored().items[1].status is ItemStatus.TAKEN  # typed in: taken up
        await pilot.press("ctrl+down", "f8", "w")
        assert case.stored().items[2].status is ItemStatus.WITHDRAWN
        assert "withdrawn" in screen_text(app)
        assert app.focused is editor(app)


async def test_conflict_of_interest_space_toggles(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "f8", "i")
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("space", "down", "space")
        assert case.stored().items[1].conflicts == ["Helen Carter", "Samuel Okafor"]
        await pilot.press("space")
        assert case.stored().items[1].conflicts == ["Helen Carter"]
        await pilot.press("escape")
        assert isinstance(app.screen, MinutesScreen)
        assert app.focused is editor(app)
    assert case.stored().items[1].conflicts == ["Helen Carter"]


async def test_conflict_dialog_toggles_with_space_and_enter_and_closes_with_escape(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8", "i", "space", "down", "enter", "enter")
        assert not isinstance(app.screen, MinutesScreen)  # Enter marks, like Space; it does not close
        await pilot.press("escape")
        assert isinstance(app.screen, MinutesScreen)
    assert case.stored().items[0].conflicts == ["Helen Carter"]


# --- action items ----------------------------------------------------------------------


async def test_action_item_and_the_list(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "ctrl+t")
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Rp", "enter", *"Bo", "enter", *"maj", "enter")
        assert isinstance(app.screen, MinutesScreen)
        assert case.stored().items[1].actions == [ActionItem("Rp", "Bo", "maj")]
        await pilot.press("f9")
        assert isinstance(app.screen, ActionsDialog)
        table = app.screen.query_one(DataTable)
        assert [str(cell) for cell in table.get_row_at(0)] == ["2", "Rp", "Bo", "maj"]
        await pilot.press("escape")
        assert app.focused is editor(app)


# --- closing and quitting --------------------------------------------------------------


async def test_close_meeting_records_the_actual_end(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "ctrl+s")  # the meeting starts at 18.02
        case.clock.advance(minutes=88)
        await pilot.press("f8", "c")
        assert ("information", "Meeting closed at 19.30.") in notifications(app)
        assert "Meeting closed 19.30" in screen_text(app)
    stored = case.stored()
    assert (stored.actual_start, stored.actual_end) == (
        case.clock().replace(hour=18, minute=2).time(),
        case.clock().time(),
    )


async def test_ctrl_q_quits_saves_and_releases_the_lock(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"ab", "ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert minutes(case)[0] == "ab"
    lock = MeetingLock(case.db_path, case.meeting_id)
    assert lock.acquire()
    lock.release()


async def test_reopen_finds_everything_as_left(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Hej", "f2", "p", "a", "escape")
        await pilot.press("f8", "n", *"Ny", "enter")  # item 2, current
        await pilot.press(*"abc", "left", "left", "X", "ctrl+q")
    case.close()

    store = Store.open(case.db_path)
    again = make_app(
        case.db_path, case.meeting_id, store=store, clock=case.clock, settings_path=case.settings_path
    )
    try:
        async with again.run_test(size=SIZE) as pilot:
            screen = again.screen
            assert isinstance(screen, MinutesScreen)
            assert not screen.read_only
            assert header(again) == "2. Ny"
            assert editor(again).text == "aXbc"
            assert editor(again).cursor_location == (0, 2)
            assert again.focused is editor(again)
            assert "1 present · 1 absent · 5 ?" in screen_text(again)
            await pilot.press("Y", "ctrl+up")
            assert editor(again).text == "Hej"
        stored = case.stored()
        assert [item.minutes for item in stored.items][:2] == ["Hej", "aXYbc"]
        assert [item.title for item in stored.items][1:3] == [
            "Ny",
            "Renovation of the Mill Street playground",
        ]
        assert [p.attendance for p in stored.participants][:3] == [
            Attendance.PRESENT,
            Attendance.ABSENT,
            Attendance.UNKNOWN,
        ]
    finally:
        store.close()


async def test_reopen_finds_a_cursor_moved_after_the_last_save(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"abc")
        await saved(pilot)
        await pilot.press("home", "ctrl+q")
    assert case.resume_point() == (1, "0,0")


# --- pasted text -----------------------------------------------------------------------


async def test_pasted_text_is_cleaned_and_stored(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        pasted = "Fra Word:\x0blinje\x0cside\x00slut\tfane 😀 ikke\u00a0brudt\r\nny linje"
        paste(app, pasted)
        await saved(pilot)
        expected = "Fra Word:\nlinje\nsideslut\tfane 😀 ikke\u00a0brudt\nny linje"
        assert editor(app).text == expected
        assert minutes(case)[0] == expected


async def test_a_20000_word_paste_works(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        words = " ".join(f"ord{n}" for n in range(20_000))
        paste(app, words)
        await pilot.pause()
        await pilot.press("!")
        await saved(pilot)
    assert minutes(case)[0] == words + "!"


# --- read-only when open elsewhere -----------------------------------------------------


async def test_a_meeting_open_elsewhere_opens_read_only(case: Case) -> None:
    before = case.stored()
    lock = MeetingLock(case.db_path, case.meeting_id)
    assert lock.acquire()
    try:
        app = case.app()
        async with app.run_test(size=SIZE) as pilot:
            assert editor(app).read_only
            (severity, message), *_ = notifications(app)
            assert severity == "warning"
            assert "open elsewhere" in message
            assert "read-only" in message
            assert "READ-ONLY" in screen_text(app)
            await pilot.press(*"abc", "alt+g", "ctrl+o", "ctrl+t")
            assert editor(app).text == ""
            assert isinstance(app.screen, MinutesScreen)
            await pilot.press("f8")
            assert isinstance(app.screen, MinutesScreen)
            paste(app, "pasted")
            await pilot.press("f2", "p", "A", "escape")
            await pilot.pause()
            assert app.lock is None
        assert case.stored() == before
    finally:
        lock.release()


async def test_read_only_session_does_not_move_the_resume_point(case: Case) -> None:
    lock = MeetingLock(case.db_path, case.meeting_id)
    assert lock.acquire()
    try:
        app = case.app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+down", "ctrl+down")
            assert header(app).startswith("3.")
        assert case.resume_point() == (1, "")
    finally:
        lock.release()


# --- language and settings -------------------------------------------------------------


async def test_danish_labels_and_footer(case: Case) -> None:
    case.settings('language = "da"\n')
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the footer's first frame
        text = screen_text(app)
        for danish in (
            "Referat",
            "Møde ikke startet",
            "Hjælp",
            "Fremmøde",
            "Næste",
            "Beslutninger",
            "Gennemsyn",
        ):
            assert danish in text
        for english in ("Minutes", "Attendance", "Next item", "not started"):
            assert english not in text
        assert "Approval of the agenda" in text  # the meeting's own text is never translated
        assert "Ingen sagsfremstilling." in text
        await pilot.press("f2")
        text = screen_text(app)
        assert "Fremmøde" in text
        assert "Navn" in text
        assert "Stedfortræder" in text
        assert "0 til stede, 0 afbud, 7 ikke markeret" in text


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ('colour = "red"\n', "none.toml:1: unknown setting 'colour'"),
        ('language = "fr"\n', 'none.toml:1: \'language\' must be "da" or "en"'),
        ("phrases = [\n", "not valid TOML"),
    ],
)
async def test_a_bad_config_file_warns_but_the_app_runs(case: Case, settings: str, message: str) -> None:
    case.settings(settings)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        warnings = [text for severity, text in notifications(app) if severity == "warning"]
        assert len(warnings) == 1
        assert message in warnings[0]
        assert app.focused is editor(app)
        await pilot.press("alt+g", "ctrl+s")  # the default phrases are used
    assert minutes(case)[0] == "Indstillingen blev godkendt."


# --- help and the command palette -----------------------------------------------------


async def test_f1_lists_the_bindings_of_the_screen(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        for key, description in [
            ("Ctrl+↓ / Ctrl+n", "Next item"),
            ("Ctrl+↑ / Ctrl+b", "Previous item"),
            ("Ctrl+g", "Go to item"),
            ("F2", "Attendance"),
            ("F4", "Outcomes"),
            ("Ctrl+o", "All approved"),
            ("F5", "Phrases"),
            ("F8", "Item"),
            ("Ctrl+t", "Action item"),
            ("F9", "Actions list"),
            ("Ctrl+q", "Quit"),
        ]:
            assert any(key in line and description in line for line in text.splitlines()), (key, description)
        assert "n Add item" in text  # the item menu's keys
        await pilot.press("end")
        assert "Alt+g  Indstillingen blev godkendt." in screen_text(app)
        await pilot.press("escape", "f2", "f1")
        text = screen_text(app)
        assert "Everyone present" in text
        assert "Add guest" in text
        assert "Next item" not in text


async def test_command_palette_lists_the_actions_by_name(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Attendance")
        commands = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: palette_done(app), "the palette's search")
        prompts = [str(commands.get_option_at_index(n).prompt) for n in range(commands.option_count)]
        assert any("Attendance" in prompt for prompt in prompts)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)


# --- `referent open FILE` --------------------------------------------------------------


async def test_open_file_imports_resumes_and_brings_in_a_changed_file(tmp_path: Path) -> None:
    meeting_file = tmp_path / "board.toml"
    shutil.copy(DEMO, meeting_file)
    database = tmp_path / "t.db"
    store = Store.open(database)
    try:
        first = draft_for_file(store, meeting_file)
        assert first.imported and first.update is None
        again = draft_for_file(store, meeting_file)
        assert (again.meeting_id, again.imported, again.update) == (first.meeting_id, False, None)
        store.save_minutes(store.item_ids(first.meeting_id)[0], "Approved as circulated.")

        source = meeting_file.read_text(encoding="utf-8").replace("March meeting", "April meeting")
        meeting_file.write_text(source, encoding="utf-8")

        def app() -> ReferentApp:
            draft = draft_for_file(store, meeting_file)
            assert draft.meeting_id == first.meeting_id and draft.update is not None
            return make_app(
                database, draft.meeting_id, store=store, settings_path=tmp_path / "none.toml", draft=draft
            )

        keep = app()
        async with keep.run_test(size=SIZE) as pilot:
            assert isinstance(keep.screen, ChoiceDialog)
            assert "The agenda file has changed" in screen_text(keep)
            assert "title" in screen_text(keep)  # what would change is shown first
            await pilot.press("k")
            assert isinstance(keep.screen, MinutesScreen)
            assert keep.meeting_id == first.meeting_id
            assert "March meeting" in screen_text(keep)
            assert keep.focused is editor(keep)

        bring = app()  # still changed: kept as it was, so asked again
        async with bring.run_test(size=SIZE) as pilot:
            await pilot.press("b")
            assert isinstance(bring.screen, MinutesScreen)
            assert bring.meeting_id == first.meeting_id  # the same draft, never a second meeting
            assert "April meeting" in screen_text(bring)
        stored = store.load_meeting(first.meeting_id)
        assert stored.title == "Riverside Community Board – April meeting"
        assert stored.items[0].minutes == "Approved as circulated."  # what was typed stays
        assert len(store.list_meetings()) == 1
        after = draft_for_file(store, meeting_file)
        assert (after.meeting_id, after.update) == (first.meeting_id, None)
    finally:
        store.close()


async def test_keys_remapped_in_the_settings_file_work_and_f1_shows_them(case: Case) -> None:
    case.settings('[keys]\nnext_item = "ctrl+l"\nphrase_1 = "alt+x"\n')
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        assert header(app).startswith("2.")
        await pilot.press("alt+x")
        await pilot.press("f1")
        text = screen_text(app)
        assert any("Ctrl+l" in line and "minutes_next_item" in line for line in text.splitlines())
        await pilot.press("end")
        assert "Alt+x  Indstillingen blev godkendt." in screen_text(app)
    assert minutes(case)[1] == "Indstillingen blev godkendt."


async def test_the_next_meeting_line_is_typed_from_the_item_menu(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8", "x", *"24. maj", "enter")
    assert case.stored().next_meeting == "24. maj"


async def test_the_autosave_runs_by_itself(case: Case, timers: Timers) -> None:
    """The timer every other test stands in for: set by the screen every half second, and
    what it does when it fires is to save the words typed (fired here by hand: see ``Timers``)."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        [autosave] = timers.pending("flush")
        assert autosave.repeats and autosave.delay == minutes_screen.AUTOSAVE_SECONDS == 0.5
        await pilot.press(*"Ok")
        assert minutes(case)[0] == ""
        await timers.fire(pilot, "flush")
        assert minutes(case)[0] == "Ok"
        await pilot.press(*" ja")
        await timers.fire(pilot, "flush")  # and again, every time
        assert minutes(case)[0] == "Ok ja"


async def test_keys_that_arrive_together_are_handled_in_the_order_typed(case: Case) -> None:
    """A terminal hands over keys typed quickly (or while the app was busy) in one read. A key
    the screen binds ahead of the editor (Ctrl+↓, Ctrl+Home) waits for the words typed before
    it: they belong to the item they were typed in. (The pty test of Ctrl+Home, its waits
    between keys taken out, typed the X at the end; typed this way, item 1's words went into
    item 2.)"""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        burst = [*"Ok", "ctrl+down", *"Ja", "enter", *"nej", "ctrl+home", *"X", "ctrl+end", *"Y"]
        for key in burst:  # as the driver posts them, all at once
            app.post_message(events.Key(key, key if len(key) == 1 else ("\r" if key == "enter" else None)))
        await pilot.pause()
        await saved(pilot)
        assert minutes(case)[:2] == ["Ok", "XJa\nnejY"]


async def test_editing_keys_that_arrive_together_act_in_the_order_typed(case: Case) -> None:
    """Backspace, ← and Ctrl+Z are the editor's own bindings, which Textual ran only once the key
    had bubbled up to the app, after the letters read with them were typed (Textual #6605): in
    tmux, ``hello world`` ⌫⌫⌫ ``XYZ`` ←← ``-`` came out ``hello worl-d``."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        burst = [*"hello world", *["backspace"] * 3, *"XYZ", "left", "left", "-", "end", *" ok"]
        for key in burst:  # as the driver posts them, all at once
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await saved(pilot)
        assert minutes(case)[0] == "hello woX-YZ ok"


async def test_a_stop_signal_saves_words_whose_change_is_not_announced_yet(case: Case) -> None:
    """SIGHUP or SIGTERM is handled the moment it comes, ahead of the messages waiting: words on
    screen whose ``TextArea.Changed`` has not arrived yet are saved too. (The pty test of the
    signals, its waits taken out, saved nothing now and then: the screen showed the words.)"""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok")
        await saved(pilot)
        editor(app).insert(" og ja")  # the edit is made; its Changed message is not handled yet
        app.stop_on_signal()
        assert minutes(case)[0] == "Ok og ja"


# --- when saving fails ---------------------------------------------------------------------


async def test_a_full_disk_keeps_the_text_says_so_and_a_copy_can_be_saved_elsewhere(
    case: Case, tmp_path: Path
) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Start")
        await saved(pilot)
        store = case.store
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute(f"PRAGMA max_page_count = {store.db.value('PRAGMA page_count')}")  # the disk is full
        paste(app, " lang tekst" * 3000)
        await pilot.press(*" og mere")
        await saved(pilot)  # the autosave tries, and fails
        assert isinstance(app.screen, MinutesScreen)  # the app is still there
        assert editor(app).text.endswith("lang tekst og mere")
        assert "NOT SAVED" in screen_text(app)
        assert any(
            severity == "error" and "the disk is full" in message and "F11" in message
            for severity, message in notifications(app)
        )
        await saved(pilot)  # and tries again, without saying it again
        assert sum("the disk is full" in message for _, message in notifications(app)) == 1
        copy = tmp_path / "copy.toml"
        await pilot.press("f11")
        await pilot.press("ctrl+u", *str(copy), "enter")
        await pilot.pause()
        assert load_meeting(copy).items[0].minutes == editor(app).text  # every word on screen
        store.db.execute("PRAGMA max_page_count = 1073741823")  # space was freed
        await saved(pilot)
        assert "NOT SAVED" not in screen_text(app)
        assert ("information", "Saved again: everything on screen is in the database.") in notifications(app)
    assert minutes(case)[0].endswith("lang tekst og mere")
