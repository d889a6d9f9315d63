"""Recording during the meeting, driven by real key presses: action items edited and deleted,
looking without taking up, attendance that moves on and says whom, conflicts among the
people present, the item menu and the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, TextArea
from ui_helpers import POLITISK, SIZE, Case, notifications, palette_done, saved, screen_text, wait_until

from referent.model import ActionItem, Attendance, ItemStatus
from referent.ui.app import ReferentApp
from referent.ui.dialogs.actions import ActionsDialog
from referent.ui.dialogs.choice import ChoiceDialog
from referent.ui.dialogs.conflicts import ConflictDialog
from referent.ui.dialogs.form import ActionDialog, ItemDialog, TextDialog
from referent.ui.screens.attendance import AttendanceScreen
from referent.ui.screens.minutes import MinutesScreen


def header(app: ReferentApp) -> list[str]:
    return str(app.screen.query_one("#item-header").render()).splitlines()


def status(app: ReferentApp) -> str:
    return str(app.screen.query_one("#status").render())


def rows(app: ReferentApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell).strip() for cell in table.get_row_at(n)] for n in range(table.row_count)]


# --- action items --------------------------------------------------------------------------


async def test_action_items_are_edited_and_deleted_from_the_list(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "ctrl+t")
        assert isinstance(app.screen, ActionDialog)
        assert "By when (a date, or e.g. next meeting)" in screen_text(app)  # what the date field expects
        await pilot.press(*"Rp", "enter", "enter", "enter")  # who and when may wait
        await pilot.press("ctrl+down", "ctrl+t", *"Svar", "enter", *"Bo", "enter", *"maj", "enter", "f9")
        assert isinstance(app.screen, ActionsDialog)
        assert rows(app) == [["2", "Rp", "–", "–"], ["3", "Svar", "Bo", "maj"]]
        await pilot.press("enter")  # edit the first: its fields are offered
        assert isinstance(app.screen, ActionDialog)
        assert app.focused is app.screen.query_one("#field-what", Input)
        await pilot.press("enter", *"Eva", "enter", *"1. april", "enter")
        assert rows(app)[0] == ["2", "Rp", "Eva", "1. april"]
        await pilot.press("down", "d")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # Enter alone keeps it
        assert len(rows(app)) == 2
        await pilot.press("delete", "y")
        assert rows(app) == [["2", "Rp", "Eva", "1. april"]]
        await pilot.press("e", "ctrl+u", "enter", "enter", "enter")  # what is to be done cannot be emptied
        assert "Type what is to be done." in screen_text(app)
        await pilot.press("escape", "escape", "ctrl+up")
        assert isinstance(app.screen, MinutesScreen)
        assert "Action item: Rp (Eva, 1. april)" in str(app.screen.query_one("#item-notes").render())
    stored = case.stored()
    assert stored.items[1].actions == [ActionItem("Rp", "Eva", "1. april")]
    assert stored.items[2].actions == []


# --- looking is not taking up --------------------------------------------------------------


async def test_peeking_does_not_take_up_and_the_clock_shows_the_time_spent(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ok")  # the meeting starts at 18.02 with item 1
        await saved(pilot)
        await pilot.press("ctrl+down", "ctrl+down", "ctrl+g", "2", "enter")  # looking around
        assert header(app)[1] == "v / Grace Liu · kl. 18.05 – 18.45"  # no status: not taken up
        assert "Item 2: │" in status(app)  # and no clock
        assert "taken" not in screen_text(app).replace("taken up at", "")
        case.clock.advance(minutes=3)
        await pilot.press("x")  # worked on: taken up now
        await saved(pilot)
        assert header(app)[1] == "v / Grace Liu · kl. 18.05 – 18.45 · taken up at 18.05"
        case.clock.advance(minutes=7)
        await pilot.press("ctrl+up")
        case.clock.advance(minutes=30)  # 30 minutes back on item 1 do not count for item 2
        await pilot.press("ctrl+down")
        app.screen.refresh_status()  # type: ignore[attr-defined]
        assert "Item 2: 0:07/0:40" in status(app)
    stored = case.stored()
    assert [item.status for item in stored.items[:3]] == [
        ItemStatus.TAKEN,
        ItemStatus.TAKEN,
        ItemStatus.PENDING,
    ]


# --- attendance ----------------------------------------------------------------------------


async def test_every_mark_moves_on_and_group_headings_are_never_chosen(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "down", "down", "down", "s")  # Tom Becker, the last before "Staff:"
        await pilot.press(*"Bo", "enter")
        table = app.screen.query_one(DataTable)
        assert rows(app)[table.cursor_row][1] == "Grace Liu"  # past the heading
        await pilot.press("l", "2", "enter")
        assert rows(app)[table.cursor_row][1] == "Priya Natarajan"
        await pilot.press("down")  # onto the "Guests" heading: on to Daniel
        assert rows(app)[table.cursor_row][1] == "Daniel Reyes"
        await pilot.press("up")  # and back past it
        assert rows(app)[table.cursor_row][1] == "Priya Natarajan"
        await pilot.press("e", "3", "enter")  # left after 3: she was there, so she is present
        assert isinstance(app.screen, AttendanceScreen)
    people = {p.name: p for p in case.stored().participants}
    assert (people["Tom Becker"].attendance, people["Tom Becker"].substitute) == (Attendance.ABSENT, "Bo")
    assert (people["Grace Liu"].attendance, people["Grace Liu"].arrived_at) == (Attendance.PRESENT, 2)
    assert (people["Priya Natarajan"].attendance, people["Priya Natarajan"].left_after) == (
        Attendance.PRESENT,
        3,
    )


def grouped_from_the_start(folder: Path) -> Path:
    """The Politisk Niveau sample with its first six members under a heading of their own, as
    a Word agenda with participant groups reads: the list starts with a group heading."""
    text = POLITISK.read_text(encoding="utf-8")
    members = ("Mads Duedahl", "Jes Lunde", "Mogens Christen Gade", "Ole Stavad", "Rikke Svenstrup")
    for name in (*members, "Mette Bolvig Poulsen"):
        text = text.replace(f'name = "{name}"\n', f'name = "{name}"\ngroup = "Medlemmer"\n')
    path = folder / "grouped.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("first_heading", [False, True], ids=["first-group-untitled", "heading-first"])
async def test_p_eight_times_marks_eight_people_across_groups(tmp_path: Path, first_heading: bool) -> None:
    """Each mark moves on to the next person, past a group heading: it stuck on the last person
    of the first group when the list started with a heading (every later mark fell on her)."""
    case = Case(tmp_path, sample=grouped_from_the_start(tmp_path) if first_heading else POLITISK)
    try:
        app = case.app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f2", *"pppppppp")
            table = app.screen.query_one(DataTable)
            assert rows(app)[table.cursor_row][1] == "Pia Buus Pinstrup"  # the 9th, in the 2nd group
            await pilot.press("l")
            assert "Pia Buus Pinstrup arrived at item" in screen_text(app)
        marks = [person.attendance for person in case.stored().participants]
    finally:
        case.close()
    assert marks == [Attendance.PRESENT] * 8 + [Attendance.UNKNOWN] * (len(marks) - 8)


async def test_at_80_columns_group_headings_and_names_are_whole(politisk: Case) -> None:
    """A heading reads as one line across the table, and the names get the room an empty
    note column does not need (the heading was cut into the columns with gaps, a name cut)."""
    app = politisk.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        top = screen_text(app)
        await pilot.press("pagedown", "pagedown")
        bottom = screen_text(app)
    assert " Udvalgsformænd med observatørstatus:  " in top
    assert "Lina Hundebøll Jespersen " in top
    assert " Administrativ deltagelse " in top
    assert " Daniel Kjærgaard Simonsen " in bottom
    assert " Sekretariat " in bottom


@pytest.mark.parametrize("columns", [80, 100])
async def test_the_attendance_notes_are_on_screen_at_80_and_100_columns(case: Case, columns: int) -> None:
    app = case.app()
    async with app.run_test(size=(columns, 24)) as pilot:
        await pilot.press("f2", "s", *"Bo Berg", "enter", "l", "3", "enter", "e", "4", "enter")
        text = screen_text(app)
        for note in ("→ Bo Berg", "from item 3", "until item 4"):
            assert note in text, (columns, note)


async def test_the_attendance_dialogs_say_whom_they_are_about(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "down", "s")
        assert isinstance(app.screen, TextDialog)
        assert "Who attends instead of Samuel Okafor?" in screen_text(app)
        await pilot.press("escape", "l")
        assert isinstance(app.screen, ItemDialog)
        assert "Samuel Okafor arrived at item" in screen_text(app)
        await pilot.press("escape", "e")
        assert "Samuel Okafor left after item" in screen_text(app)


# --- conflicts of interest -----------------------------------------------------------------


async def test_conflicts_are_offered_among_the_people_present_and_shown_with_the_item(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "p", "a", "r", "s", *"Bo", "enter", "escape")  # Tom sends Bo
        await pilot.press("ctrl+down", "f8", "i")
        assert isinstance(app.screen, ConflictDialog)
        offered = [str(option.prompt) for option in app.screen.query_one("#people")._options]
        assert offered == ["Helen Carter", "Maria Lindqvist", "Bo"]
        await pilot.press("down", "space", "escape")
        assert "Not taking part (conflict of interest): Maria Lindqvist" in str(
            app.screen.query_one("#item-notes").render()
        )
    assert case.stored().items[1].conflicts == ["Maria Lindqvist"]


# --- the item menu and the command palette -------------------------------------------------


async def test_the_item_menu_offers_start_only_before_the_meeting_started(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        assert "Start meeting" in screen_text(app)
        await pilot.press("s")
        assert ("information", "Meeting started at 18.02.") in notifications(app)
        await pilot.press("f8")
        assert "Start meeting" not in screen_text(app)
        await pilot.press("s")  # nothing behind the key any more
        assert isinstance(app.screen, ChoiceDialog)


async def palette(pilot, search: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(title, help) of the commands the palette finds for ``search``."""
    app = pilot.app
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*search)
    commands = app.screen.query_one(CommandList)
    await wait_until(pilot, lambda: palette_done(app), "the palette's search")
    await pilot.pause()
    found = []
    for n in range(commands.option_count):
        prompt = commands.get_option_at_index(n).prompt
        lines = str(prompt).splitlines()
        found.append((lines[0], lines[1] if len(lines) > 1 else ""))
    return found


async def test_the_palette_names_each_command_once_and_reaches_the_item_menu_in_danish(case: Case) -> None:
    case.settings('language = "da"\n')
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        found = await palette(pilot, "fremmøde")
        assert ("Fremmøde", "F2") in found
        assert all(title != help_text for title, help_text in found)
        await pilot.press("escape")
        assert ("Inhabilitet", "F8 i") in await palette(pilot, "inhabil")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("escape")
        assert ("Udsæt punkt", "F8 p") in await palette(pilot, "udsæt")
        await pilot.press("escape")
        assert ("Afslut mødet", "F8 c") in await palette(pilot, "afslut")
        await pilot.press("escape")
        titles = [title for title, _ in await palette(pilot, "e")]
        assert "Farvetema" in titles and "Theme" not in titles and "Keys" not in titles
        assert app.screen.query_one(Input).placeholder == "Søg efter kommandoer …"


async def test_the_editor_reaches_the_start_and_the_end_of_the_text(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        editor = app.screen.query_one("#editor", TextArea)
        await pilot.press(*"ab", "enter", *"cd")
        await pilot.press("ctrl+home", "X", "ctrl+end", "Y", "alt+home", "1", "alt+end", "2")
        assert editor.text == "1Xab\ncdY2"


def test_a_heading_longer_than_the_table_runs_on_to_a_second_line() -> None:
    from referent.ui.screens.attendance import _heading_cells

    heading = "Fra Patientinddragelsesudvalget i Sundhedsklynge Midt, med observatørstatus og taleret:"
    cells = _heading_cells(heading, [11, 27, 6, 34])
    pieces = [cell.plain.split("\n") for cell in cells]
    lines = ["".join(piece[line] for piece in pieces) for line in range(2)]
    assert all(len(line) == 78 for line in lines)
    assert " ".join(line.strip() for line in lines) == heading
