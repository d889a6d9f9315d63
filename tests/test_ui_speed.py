"""What keeps the screens fast, checked by what they do (never by the clock: bench/ measures time).

Moving through the agenda draws again only the rows whose state changed; the rest keep what
was drawn, so a move costs the same at 30 and at 2,000 items.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import Timers
from rich.text import Text
from textual.widgets import Markdown, OptionList, Static
from textual.widgets._footer import FooterKey
from ui_helpers import SIZE, Case, saved, screen_text

from referent import cli, gcpause
from referent.ui.app import ReferentApp, make_app
from referent.ui.screens.minutes import COLLECT_AFTER_REVIEW, MARKDOWN_AFTER
from referent.ui.warmup import exercise_export
from referent.ui.widgets.agenda import AgendaList
from referent.ui.widgets.case import CasePane


def agenda(app: ReferentApp) -> OptionList:
    return app.screen.query_one("#agenda", OptionList)


def prompts(app: ReferentApp) -> list[object]:
    rows = agenda(app)
    return [rows.get_option_at_index(index).prompt for index in range(rows.option_count)]


def agenda_text(app: ReferentApp) -> list[str]:
    return [str(prompt) for prompt in prompts(app)]


def redrawn(before: list[object], after: list[object]) -> list[int]:
    """The rows given a new prompt."""
    return [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old is not new]


@pytest.fixture
def lines_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The index of every agenda row worked out, in order."""
    made: list[int] = []
    original = AgendaList._line

    def counted(index: int, *args: Any) -> Text:
        made.append(index)
        return original(index, *args)

    monkeypatch.setattr(AgendaList, "_line", staticmethod(counted))
    return made


async def test_moving_draws_again_only_the_rows_left_and_entered(case: Case, lines_made: list[int]) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        before = prompts(app)
        assert agenda_text(app)[0].startswith("▶ 1.")
        lines_made.clear()
        await pilot.press("ctrl+down")
        assert lines_made == [0, 1]  # not a line for every item of the agenda
        assert redrawn(before, prompts(app)) == [0, 1]
        assert agenda_text(app)[0].startswith("· 1.")
        assert agenda_text(app)[1].startswith("▶ 2.")
        assert agenda(app).highlighted == 1
        assert "▶ 2. Renovation" in screen_text(app)  # what is drawn follows the rows
        assert "· 1. Approval" in screen_text(app)


async def test_an_agenda_of_2000_items_makes_only_the_rows_on_screen(
    case: Case, lines_made: list[int]
) -> None:
    """A huge Word agenda: OptionList asked for every row's prompt when it was given them, and
    2,000 rows were made (and measured) before the first frame showed 30 of them."""
    from datetime import date

    from referent.model import Item, Meeting

    items = [Item(title=f"Punkt nummer {number}") for number in range(1, 2001)]
    meeting_id = case.store.import_meeting(
        Meeting("Stort møde", date(2025, 3, 12), items=items), "stort.toml", "x"
    )
    app = make_app(
        case.db_path, meeting_id, store=case.store, clock=case.clock, settings_path=case.settings_path
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "▶ 1. Punkt nummer 1 " in shown and "· 20. Punkt nummer 20" in shown
        assert agenda(app).option_count == 2000
        assert 20 <= len(lines_made) <= SIZE[1]  # the rows on screen, each made once
        assert sorted(set(lines_made)) == sorted(lines_made) == list(range(len(lines_made)))
        lines_made.clear()
        await pilot.press("ctrl+down")
        assert lines_made == [0, 1] and "▶ 2. Punkt nummer 2" in screen_text(app)


async def test_the_first_words_saved_make_only_their_row_bold(case: Case, lines_made: list[int]) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "ctrl+down", *"Ok")
        before = prompts(app)
        lines_made.clear()
        await saved(pilot)
        assert lines_made == [2]
        assert redrawn(before, prompts(app)) == [2]
        row = agenda(app).get_option_at_index(2).prompt
        assert isinstance(row, Text)
        assert any(span.style == "bold" for span in row.spans)  # the title: it has minutes
        await pilot.press("ctrl+up")  # item 3 keeps its bold title and its state after it is left
        assert agenda_text(app)[2].startswith("✓ 3.")


async def test_a_narrower_agenda_cuts_every_title_again(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        wide = agenda_text(app)
        await pilot.resize_terminal(80, 24)
        narrow = agenda_text(app)
        assert all(len(b) <= len(a) for a, b in zip(wide, narrow, strict=True))
        assert any("…" in line for line in narrow)
        await pilot.press("ctrl+down")
        assert agenda_text(app)[1].startswith("▶ 2.")


# --- the key hints -------------------------------------------------------------------------


@pytest.fixture
def keys_built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The description of every footer key made, in order."""
    made: list[str] = []
    original = FooterKey.__init__

    def counted(self: FooterKey, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self.description)

    monkeypatch.setattr(FooterKey, "__init__", counted)
    return made


async def test_the_key_hints_are_built_once(case: Case, keys_built: list[str]) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the meeting's screen settled first
        shown = [key.description for key in app.screen.query(FooterKey)]
        assert "Next" in shown
        assert keys_built == shown  # not again at every focus change while the screen starts
        await pilot.press("ctrl+down", "f2")
        attendance = [key.description for key in app.screen.query(FooterKey)]
        await pilot.press("escape")  # back: the minutes screen's keys are still the ones built
        assert keys_built == shown + attendance
        assert [key.description for key in app.screen.query(FooterKey)] == shown


async def test_the_key_hints_change_with_the_keys(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")  # attendance: keys of its own
        shown = [key.description for key in app.screen.query(FooterKey)]
        assert "Present" in shown and "Next" not in shown
        await pilot.press("escape")
        assert "Next" in [key.description for key in app.screen.query(FooterKey)]


# --- what the first frame does not wait for ------------------------------------------------


async def test_the_case_text_becomes_markdown_after_the_first_frame(case: Case, timers: Timers) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(CasePane)
        await pilot.press("ctrl+down")  # item 2: a case text with a list and a table
        assert pane.query("#case-plain") and not pane.query("#case")  # plain until the timer
        [timer] = timers.pending("as_markdown")
        assert timer.delay == MARKDOWN_AFTER
        await timers.fire(pilot, "as_markdown")
        markdown = pane.query_one("#case", Markdown)
        assert not pane.query("#case-plain")
        assert markdown.source == case.stored().items[1].case.strip()
        assert "• equipment for children under five" in screen_text(app)  # drawn as a list


async def test_an_item_entered_while_the_markdown_is_built_is_the_one_shown(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        pane = CasePane(id="another")
        await app.screen.mount(pane)
        pane.show("Første")
        assert str(pane.query_one("#case-plain", Static).content) == "Første"  # plain, at once
        building = asyncio.ensure_future(pane.as_markdown())
        pane.show("**Anden** sag")  # the secretary moved on before it was built
        await building
        await pilot.pause()
        assert pane.query_one(Markdown).source == "**Anden** sag"
        assert pane.text == "**Anden** sag"


def test_the_garbage_collector_is_held_while_the_app_starts_and_given_back() -> None:
    assert gc.isenabled()
    gcpause.hold()
    try:
        assert not gc.isenabled()
        gcpause.let_go()  # the first frame is shown
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up built is out of the collector's way
    finally:
        gcpause.restore()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


async def test_the_review_is_built_without_a_collection_and_then_collected_again(
    case: Case, timers: Timers
) -> None:
    """No collection while the chair's review is built and drawn; a moment later (the app's
    timer, fired here by hand) the collector runs again, freezing nothing (the review's objects
    go when it is closed)."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        while not app.shown:  # the start-up's own hold is over (see gcpause)
            await pilot.pause()
        frozen = gc.get_freeze_count()
        await pilot.press("ctrl+r")
        assert type(app.screen).__name__ == "ReviewScreen"
        assert not gc.isenabled()
        [timer] = timers.pending("give_back")
        assert timer.owner is app  # the app's: the review may be closed before it fires
        assert timer.delay == COLLECT_AFTER_REVIEW
        await timers.fire(pilot, "give_back")
        assert gc.isenabled()
        # nothing frozen (the count can only fall: a frozen object of an earlier test that dies)
        assert gc.get_freeze_count() <= frozen
        await pilot.press("ctrl+r", "ctrl+r")  # back, to the review again, and quit before its timer
        assert type(app.screen).__name__ == "ReviewScreen"
        assert not gc.isenabled()
    assert gc.isenabled()  # given back as the app closed


def test_a_command_run_as_a_process_ends_without_the_last_collections() -> None:
    """``referent`` (argv from the command line) freezes what exists before the interpreter
    exits; a test calling ``main`` with arguments gets its collector back as it was."""
    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0, gc.isenabled()))\n"
        "from referent.cli import main\n"
        "sys.argv = ['referent', 'check', sys.argv[1]]\n"
        "status = main()\n"
        "print('status', status)\n"
    )
    meeting = Path(__file__).parents[1] / "sample_agendas" / "demo-board-meeting.toml"
    command = [sys.executable, "-c", probe, str(meeting)]
    run = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "status 0" in run.stdout
    assert "frozen at exit: True True" in run.stdout
    assert gc.isenabled()
    main_status = cli.main(["check", str(meeting)])
    assert main_status == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_warm_up_makes_an_export_ready() -> None:
    exercise_export()  # raises if the export it stands for fails
    assert {"docx", "referent.export.word"} <= set(sys.modules)


FIRST_FRAME = """
import json, sys
from referent.ui import app as app_module

display = app_module.ReferentApp._display

def first_frame(self, screen, renderable):
    display(self, screen, renderable)
    if renderable is not None and type(screen).__name__ == "MinutesScreen":
        loaded = sorted(name for name in sys.modules if name.startswith(WATCHED))
        with open("loaded.json", "w", encoding="utf-8") as out:
            json.dump(loaded, out)
        self.exit()

app_module.ReferentApp._display = first_frame
from referent.cli import main
main(["open", "meeting.toml"])
"""
WATCHED = ("markdown_it", "docx", "lxml", "sqlite_utils", "referent.export", "referent.agendamerge",
           "referent.ui.dialogs.form", "textual.widgets._markdown")  # fmt: skip


def test_the_first_frame_imports_nothing_it_does_not_show(tmp_path: Path) -> None:
    """Resuming a meeting file: no Markdown parser, no Word writer, no export, no agenda merge
    and no dialogs are imported before the first frame (they come after it, or when asked for)."""
    import shutil
    import subprocess

    from ui_helpers import DEMO

    shutil.copyfile(DEMO, tmp_path / "meeting.toml")
    env = {
        **os.environ,
        "REFERENT_DB": str(tmp_path / "t.db"),
        "REFERENT_CONFIG": str(tmp_path / "none.toml"),
    }
    env["TEXTUAL_DRIVER"] = "textual.drivers.headless_driver:HeadlessDriver"
    subprocess.run([sys.executable, "-m", "referent", "import", "meeting.toml"], cwd=tmp_path, env=env,
                   check=True, capture_output=True)  # fmt: skip
    code = f"WATCHED = {WATCHED!r}\n" + FIRST_FRAME
    subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True, timeout=60
    )
    loaded = json.loads((tmp_path / "loaded.json").read_text(encoding="utf-8"))
    assert loaded == []


# --- the autosave ----------------------------------------------------------------------------


async def test_an_autosave_is_one_transaction_with_the_cursor_in_it(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the half-second timer writes: the first words (which start the meeting and take the
    item up) and the next ones, each in one transaction (one fsync) holding the cursor."""
    monkeypatch.setenv("REFERENT_AUTOSAVE_SECONDS", "3600")  # saved here, by hand, not by the timer
    statements: list[str] = []
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Godkendt")
        case.store.db.connection.set_trace_callback(statements.append)
        await saved(pilot)
        first = list(statements)
        statements.clear()
        await pilot.press(*" ok")
        await saved(pilot)
        case.store.db.connection.set_trace_callback(None)
    for save in (first, statements):
        begins = [n for n, sql in enumerate(save) if sql.startswith("BEGIN")]
        commits = [n for n, sql in enumerate(save) if sql == "COMMIT"]
        assert len(begins) == 1 and len(commits) == 1, save
        inside = save[begins[0] : commits[0]]
        assert any(sql.startswith("UPDATE items SET minutes") for sql in inside)
        assert any("cursor" in sql and sql.startswith("UPDATE meetings") for sql in inside)
    assert any("actual_start" in sql for sql in first)  # the first words started the meeting
    assert case.resume_point() == (1, "0,11")
    assert case.stored().items[0].minutes == "Godkendt ok"


async def test_f12s_warm_up_waits_for_a_pause_in_the_typing(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []
    monkeypatch.setattr("referent.ui.warmup.warm_up_in_background", lambda: started.append(True))
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        waiting = app.warm_up_timer
        assert waiting is not None  # set once the first frame was shown
        await pilot.press("x")
        assert app.warm_up_timer is not None and app.warm_up_timer is not waiting  # from this key on
        assert not started
        app.warm_up()  # what the timer does after a second without typing
        assert started == [True]
        await pilot.press("y")
        assert app.warm_up_timer is None  # once is enough


async def test_a_case_pane_closed_while_its_markdown_is_built_lets_it_go(case: Case) -> None:
    """The Markdown widget comes a moment after the screen: quitting (or leaving the screen) in
    that moment must not fail the build on a pane that is being taken down."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        for step in range(4):  # taken down before, and at each of the build's waits
            pane = CasePane(id=f"closing-{step}")
            await app.screen.mount(pane)
            pane.show("**Sag**")
            building = asyncio.ensure_future(pane.as_markdown())
            for _ in range(step):
                await asyncio.sleep(0)
            await pane.remove()
            await building  # raises if the build fails on the removed pane
            await pilot.pause()
