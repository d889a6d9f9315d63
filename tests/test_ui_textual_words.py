"""What Textual itself says on referent's screens (Ctrl+C's hint, the palette's placeholder
and "No matches found", the theme picker, the screenshot notices) is in the user's language."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input
from ui_helpers import POLITISK, SIZE, Case, screen_text

from referent.i18n import DANISH
from referent.ui.app import ReferentApp
from referent.ui.screens.attendance import AttendanceScreen
from referent.ui.textual_compat import TranslatedPalette


@pytest.fixture
def danish(tmp_path: Path) -> Case:
    case = Case(tmp_path, sample=POLITISK)
    case.settings('language = "da"\n')
    return case


def toasts(app: ReferentApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def no_matches_shown(pilot: Pilot[None]) -> list[str]:
    """The palette's rows once the search for what was typed has ended with nothing: the
    countdown before "No matches found" (half a second) is made a millisecond."""
    commands = pilot.app.screen.query_one(CommandList)

    def rows() -> list[str]:
        prompts = [commands.get_option_at_index(n).prompt for n in range(commands.option_count)]
        return [str(getattr(prompt, "renderable", prompt)) for prompt in prompts]

    for _ in range(400):  # the search polls its providers: wait for its end (the notice), not a time
        await pilot.pause(0.05)
        if any(commands.get_option_at_index(n).id == "--no-matches" for n in range(commands.option_count)):
            break
    return rows()


@pytest.fixture
def no_countdown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CommandPalette, "_NO_MATCHES_COUNTDOWN", 0.001)  # (0 divides by zero)


async def test_ctrl_c_says_how_to_quit_in_danish(danish: Case) -> None:
    try:
        app = danish.app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f2")  # the attendance list has the focus: Ctrl+C does not copy there
            assert isinstance(app.screen, AttendanceScreen)
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert toasts(app) == [("Vil du afslutte?", "Tryk Ctrl+q for at afslutte referent.")]
    finally:
        danish.close()


async def test_the_palette_says_no_matches_in_danish(danish: Case, no_countdown: None) -> None:
    try:
        app = danish.app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            assert app.screen.query_one(Input).placeholder == "Søg efter kommandoer …"
            await pilot.press(*"zqzq")
            assert await no_matches_shown(pilot) == ["Ingen match"]
            assert "No matches" not in screen_text(app)
    finally:
        danish.close()


async def test_the_theme_picker_asks_in_danish(danish: Case) -> None:
    try:
        app = danish.app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p", *"Farvetema")
            commands = app.screen.query_one(CommandList)
            for _ in range(400):  # until the search for all of it is shown, not a time
                await pilot.pause(0.05)
                if commands.option_count and "Farvetema" in str(commands.get_option_at_index(0).prompt):
                    break
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            assert app.screen.query_one(Input).placeholder == "Søg efter farvetemaer …"
    finally:
        danish.close()


async def test_the_screenshot_notices_are_danish_and_textuals_are_kept_back(
    danish: Case, tmp_path: Path
) -> None:
    try:
        app = danish.app()
        async with app.run_test(size=SIZE) as pilot:
            saved = tmp_path / "skærm.svg"
            app.post_message(events.DeliveryComplete(key="1", path=saved, name="screenshot"))
            await pilot.pause()
            assert toasts(app) == [("Skærmbillede", f"Skærmbilledet er gemt i {saved}")]
            app.clear_notifications()
            app.post_message(events.DeliveryFailed(key="2", exception=OSError("full"), name="screenshot"))
            await pilot.pause()
            assert toasts(app) == [("Skærmbillede", "Skærmbilledet kunne ikke gemmes.")]
    finally:
        danish.close()


@pytest.mark.parametrize("keys", [[], ["f2"], ["f9"]], ids=["minutes", "attendance", "actions"])
async def test_the_palette_lists_every_command_in_danish(danish: Case, keys: list[str]) -> None:
    """What Ctrl+P lists before anything is typed: referent's actions and Textual's own
    (Focus Next, Theme, Screenshot…), each titled in Danish."""
    try:
        app = danish.app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*keys, "ctrl+p")
            commands = app.screen.query_one(CommandList)
            for _ in range(400):  # until the commands are listed, not a time
                await pilot.pause(0.05)
                if commands.option_count > 5:
                    break
            titles = [
                str(commands.get_option_at_index(n).prompt).split("\n")[0]
                for n in range(commands.option_count)
            ]
            danish_words = set(DANISH.values())
            english = [
                t for t in titles if t not in danish_words and not t.startswith("Indsæt standardtekst: ")
            ]
            assert len(titles) > 5 and english == []
    finally:
        danish.close()


# --- the copy of Textual's code is held to Textual's -----------------------------------


def test_textuals_no_matches_code_is_still_what_translated_palette_copies() -> None:
    """TranslatedPalette._start_no_matches_countdown is a copy of Textual's with its words
    translated: this fails when Textual changes the original (then copy it again)."""
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    for line in (
        "self._stop_no_matches_countdown()",
        "if search_value:",
        "command_list = self.query_one(CommandList)",
        'Align.center(Text("No matches found", style="not bold")),',
        "disabled=True,",
        "id=self._NO_MATCHES,",
        "self._list_visible = True",
        "self._list_visible = False",
        "self._no_matches_timer = self.set_timer(",
        "self._NO_MATCHES_COUNTDOWN,",
    ):
        assert line in source, line
    assert source.count("add_option(") == 1 and source.count("self.") == 8


async def test_in_english_the_translated_palette_shows_what_textuals_shows(
    case: Case, no_countdown: None
) -> None:
    """The same search in Textual's palette and in referent's: the same rows."""
    shown = []
    for palette in (
        lambda: CommandPalette(),
        lambda: TranslatedPalette(placeholder="Search for commands…", no_matches="No matches found"),
    ):
        app = case.app()
        async with app.run_test(size=SIZE) as pilot:
            await app.push_screen(palette())
            await pilot.press(*"zqzq")
            rows = await no_matches_shown(pilot)
            commands = app.screen.query_one(CommandList)
            options = [commands.get_option_at_index(n) for n in range(commands.option_count)]
            shown.append((rows, [(o.id, o.disabled) for o in options], commands.has_class("--visible")))
    assert shown[0] == shown[1] == (["No matches found"], [("--no-matches", True)], True)
