"""Which language referent speaks: the setting, else the locale, else the meeting's own.

A C locale names no language (servers and containers set it): a Danish agenda then gets a
Danish screen and command line, an English one English; without a meeting, Danish."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import DEMO, POLITISK, SIZE, Case, screen_text

from referent import i18n
from referent.config import Settings
from referent.i18n import language_from_environment, meeting_language, text_language
from referent.meetingfile.reader import load_meeting
from referent.model import Meeting
from referent.ui.app import make_app
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.picker import PickerScreen

SAMPLES = Path(__file__).resolve().parents[1] / "sample_agendas"


# --- the rules ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["C", "C.UTF-8", "C.utf8", "POSIX", ""])
def test_a_c_locale_names_no_language(c_locale: None, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("LANG", lang)
    assert language_from_environment() == ""


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "da_DK.UTF-8"}, "da"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_DK.UTF-8"}, "en"),  # English words, Danish formats: English is chosen
        ({"LC_ALL": "C", "LANG": "da_DK.UTF-8"}, "da"),  # a script's LC_ALL=C chooses nothing
        ({"LANG": "C.UTF-8", "LANGUAGE": "da:en"}, "da"),
        ({"LC_MESSAGES": "POSIX", "LANGUAGE": "en"}, "en"),
    ],
)
def test_a_locale_that_names_a_language_chooses_it(
    c_locale: None, monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert language_from_environment() == expected


def test_without_variables_the_process_locale_decides(
    c_locale: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANG")
    monkeypatch.setattr(i18n, "process_locale", lambda: "Danish_Denmark.1252")  # Windows
    assert language_from_environment() == "da"


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("demo-board-meeting.toml", "en"),
        ("direktoerforum-klynge-midt-2023-04-17.toml", "da"),
        ("klyngestyregruppe-midt-2022-03-10.toml", "da"),
        ("politisk-niveau-klynge-midt-2023-03-13.toml", "da"),
    ],
)
def test_a_meetings_language_is_read_from_its_words(sample: str, expected: str) -> None:
    assert meeting_language(load_meeting(SAMPLES / sample)) == expected


def test_a_text_that_says_too_little_counts_as_danish() -> None:
    assert text_language(["Styregruppe", "Anna Hansen", "1.", ""]) == "da"
    assert text_language(["Approval of the agenda", "Any other business"]) == "en"
    assert text_language(["Godkendelse af dagsorden", "Eventuelt"]) == "da"


def test_the_setting_wins_then_the_locale_then_the_meeting(
    c_locale: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    danish, english = load_meeting(POLITISK), load_meeting(DEMO)
    assert Settings().effective_language(danish) == "da"
    assert Settings().effective_language(english) == "en"
    assert Settings().effective_language() == "da"  # no meeting (the picker, `referent list`)
    assert Settings(language="en").effective_language(danish) == "en"
    assert Settings(language="da").effective_language(english) == "da"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert Settings().effective_language(danish) == "en"
    assert Settings(language="da").effective_language(danish) == "da"
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    assert Settings().effective_language(english) == "da"


def test_an_empty_meeting_is_danish() -> None:
    assert meeting_language(Meeting(title="x", date=load_meeting(DEMO).date)) == "da"


# --- the screen ---------------------------------------------------------------------------


async def test_a_danish_agenda_on_a_c_locale_gets_a_danish_screen(c_locale: None, tmp_path: Path) -> None:
    case = Case(tmp_path, sample=POLITISK)
    try:
        app = case.app()
        async with app.run_test(size=SIZE):
            text = screen_text(app)
            assert "Ingen indstilling." in text and "Møde ikke startet" in text
            assert "f1 Hjælp" in text and "kommandoer" in text  # the screen's keys and the app's
            assert "No recommendation" not in text and "palette" not in text
    finally:
        case.close()


async def test_an_english_agenda_on_a_c_locale_gets_an_english_screen(c_locale: None, tmp_path: Path) -> None:
    case = Case(tmp_path, sample=DEMO)
    try:
        app = case.app()
        async with app.run_test(size=SIZE):
            text = screen_text(app)
            assert "Meeting not started" in text and "f1 Help" in text and "palette" in text
    finally:
        case.close()


async def test_the_setting_wins_over_the_agenda(c_locale: None, tmp_path: Path) -> None:
    case = Case(tmp_path, sample=POLITISK)
    case.settings('language = "en"\n')
    try:
        app = case.app()
        async with app.run_test(size=SIZE):
            assert "Meeting not started" in screen_text(app)
    finally:
        case.close()


async def test_the_picker_speaks_danish_and_the_meeting_picked_its_own(
    c_locale: None, tmp_path: Path
) -> None:
    """No meeting yet: Danish. Picking the English demo turns the screen, and the app's own
    keys in the footer, English."""
    case = Case(tmp_path, sample=DEMO)
    try:
        app = make_app(
            case.db_path, None, store=case.store, clock=case.clock, settings_path=case.settings_path
        )
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, PickerScreen)
            text = screen_text(app)
            assert "Seneste møder" in text and "kommandoer" in text
            await pilot.press("enter")
            assert isinstance(app.screen, MinutesScreen)
            text = screen_text(app)
            assert "Meeting not started" in text and "palette" in text and "kommandoer" not in text
    finally:
        case.close()
