"""80×24, the size of a laptop terminal, as a first-class size: one line per agenda item, an
editor of ten lines or more (most of the screen in the writing layout), dialogs whose titles
are not cut, notifications that leave the key hints alone; and the keys to the start and the
end of the text as a real terminal sends them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from terminal import CTRL_Q, Terminal
from textual.widgets import OptionList, TextArea
from textual.widgets._footer import FooterKey
from ui_helpers import POLITISK, Case, saved, screen_text

from referent.model import ActionItem, Comment
from referent.store import Store
from referent.ui.app import ReferentApp
from referent.ui.dialogs.choice import ChoiceDialog
from referent.ui.widgets.item import ItemTop
from referent.ui.widgets.keyhints import Fit, Hint, KeyHints, fit

SMALL = (80, 24)


@pytest.fixture
def case(politisk: Case) -> Case:
    return politisk


def editor_lines(app: ReferentApp) -> int:
    return app.screen.query_one("#editor", TextArea).size.height


async def test_one_line_per_agenda_item(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SMALL):
        agenda = app.screen.query_one("#agenda", OptionList)
        titles = [item.title for item in case.stored().items]
        lines = [line.split("│")[0] for line in screen_text(app).splitlines()[1:]]
        assert [line[:4] for line in lines[: len(titles)]] == [
            f"{m} {n}." for m, n in zip("▶·····", "123456", strict=True)
        ]
        assert lines[len(titles)].strip() == ""  # nothing wrapped onto a next line
        assert "1. Velkommen og g…" in lines[0]  # cut, the full title is in the header
        assert agenda.styles.scrollbar_gutter == "stable"  # a scrollbar never covers a title
        assert f"1. {titles[0]}" in screen_text(app)


async def test_the_editor_has_ten_lines_and_f3_gives_it_most_of_the_screen(case: Case) -> None:
    item_id = case.store.item_ids(case.meeting_id)[1]  # with a recommendation and attachments
    case.store.add_comment(item_id, Comment("Tjek navnene", who="Jes Lunde"))
    case.store.add_action(item_id, ActionItem("Send udkastet"))
    app = case.app()
    async with app.run_test(size=SMALL) as pilot:
        assert editor_lines(app) >= 10
        await pilot.press("ctrl+down")
        assert editor_lines(app) >= 10
        await pilot.press("f3")  # writing: the case text and the recommendation give way
        assert editor_lines(app) > 24 // 2
        assert not app.screen.query_one("#case-pane").display
        await pilot.press("ctrl+up")
        assert editor_lines(app) >= 16
        await pilot.press("f3")  # reading: the case text gets most of it
        assert app.screen.query_one("#case-pane").size.height > editor_lines(app)
        await pilot.press("f3")
        assert editor_lines(app) >= 10


async def test_dialog_titles_are_not_cut(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+g", "3", "enter", "f8")
        assert isinstance(app.screen, ChoiceDialog)
        text = " ".join(line.strip("█ ") for line in screen_text(app).splitlines())
        assert "Sundhedsaftalen 2019" in text  # the end of item 3's long title


async def test_notifications_leave_the_key_hints_and_the_status_line_alone(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SMALL, notifications=True) as pilot:  # drawn, as in a terminal
        await pilot.press(*"Godkendt")
        await saved(pilot)
        before = screen_text(app).splitlines()[-2:]
        await pilot.press("ctrl+s")  # "Saved."
        for _ in range(50):  # the toast is drawn after the message is handled
            if "Saved." in screen_text(app):
                break
            await pilot.pause()
        assert "Saved." in screen_text(app)
        assert screen_text(app).splitlines()[-2:] == before


async def test_hidden_recommendation_lines_are_marked_on_the_box(case: Case) -> None:
    """Item 5's third point is under the box's edge at 80×24: its top edge says so, and that
    F4 lists every point; scrolled to the end (the mouse wheel), or with room, no mark."""
    app = case.app()
    async with app.run_test(size=SMALL) as pilot:
        box = app.screen.query_one("#item-top", ItemTop)
        assert box.border_title == ""  # item 1: no recommendation
        await pilot.press("ctrl+g", "5", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "3. Beslutter" not in text  # hidden, and
        hidden = round(box.max_scroll_y)
        assert hidden > 0
        assert f"▼ {hidden} more lines · F4: every point" in text  # said on screen
        box.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert "3. Beslutter" in screen_text(app)
        assert box.border_title == ""
        await pilot.resize_terminal(160, 60)
        await pilot.press("ctrl+up", "ctrl+down")
        await pilot.pause()
        assert box.max_scroll_y == 0 and box.border_title == ""


# --- the key hints: left out whole, never cut ------------------------------------------------


def footer_keys(app: ReferentApp) -> tuple[list[FooterKey], FooterKey | None]:
    """The footer's keys as laid out, and its palette key (docked on the right), if shown."""
    keys = list(app.screen.query_one(KeyHints).query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    return [key for key in keys if key not in palette], palette[0] if palette else None


def assert_none_cut(app: ReferentApp) -> list[str]:
    """Every key shown lies wholly on the screen, left of the palette key: their descriptions."""
    keys, palette = footer_keys(app)
    edge = palette.region.x if palette else app.size.width
    for key in keys:
        assert key.region.right <= edge, (key.description, key.region, edge)
        assert f"{key.key_display} {key.description}" in screen_text(app).splitlines()[-1]
    return [key.description for key in keys]


@pytest.mark.parametrize("language", ["en", "da"])
async def test_no_key_hint_is_cut_at_80_columns(case: Case, language: str) -> None:
    """Textual's Footer cut what did not fit (``f5 Phras``); the hints that do not fit are left
    out whole (F1 lists every key): at 80 columns, Ctrl+Up and the palette's key first."""
    case.settings(f'language = "{language}"\n')
    app = case.app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()  # the footer's first frame
        shown = assert_none_cut(app)
        phrases, attendance = ("Phrases", "Attendance") if language == "en" else ("Tekster", "Fremmøde")
        assert phrases in shown and attendance in shown
        assert ("Previous" if language == "en" else "Forrige") not in shown
        assert footer_keys(app)[1] is None
        await pilot.press("f2")
        await pilot.pause()
        shown = assert_none_cut(app)
        assert shown[:3] == (
            ["Back", "Help", "Present"] if language == "en" else ["Tilbage", "Hjælp", "Til stede"]
        )


async def test_a_wider_terminal_shows_every_key_hint_again(case: Case) -> None:
    app = case.app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "Previous" not in assert_none_cut(app)
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        await pilot.pause()
        assert "Previous" in assert_none_cut(app)
        assert footer_keys(app)[1] is not None  # the palette's key is back too


def test_the_hints_fit_as_textual_lays_them_out() -> None:
    """``fit``'s arithmetic, case by case; the Pilot tests above hold it to Textual's layout."""
    hints = [Hint("a", "f1", "Help"), Hint("b", "f2", "Attendance"), Hint("previous_item", "^↑", "Previous")]
    palette = Hint("palette", "^p", "palette")
    wide = sum(hint.width(False) for hint in hints) + palette.width(True) + 2
    assert fit(hints, palette, wide) == Fit(False, ("a", "b", "previous_item"), True)
    assert fit(hints, palette, wide - 1).compact
    compact = sum(hint.width(True) for hint in hints) - 1
    assert fit(hints, palette, compact) == Fit(True, ("a", "b", "previous_item"), False)
    assert fit(hints, palette, compact - 1) == Fit(True, ("a", "b"), False)  # Ctrl+Up gives way first
    assert fit(hints, None, 19) == Fit(True, ("a", "previous_item"), False)  # then whatever still fits


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_ctrl_home_and_ctrl_end_as_a_terminal_sends_them(tmp_path: Path) -> None:
    """xterm (and tmux with its default xterm-keys) send ESC [1;5H and ESC [1;5F."""
    database = tmp_path / "t.db"
    meeting = tmp_path / "m.toml"
    meeting.write_text(POLITISK.read_text(encoding="utf-8"), encoding="utf-8")
    env = {"REFERENT_DB": str(database), "REFERENT_CONFIG": str(tmp_path / "none.toml")}
    command = [sys.executable, "-m", "referent", "open", str(meeting)]
    with Terminal(command, size=SMALL, env=env, cwd=tmp_path) as term:
        term.wait_for("Velkommen")
        term.type("ab\rcd")
        term.send("\x1b[1;5H")  # Ctrl+Home
        term.type("X")
        term.send("\x1b[1;5F")  # Ctrl+End
        term.type("Y")
        term.wait_for("cdY")
        term.send(CTRL_Q)
        assert term.wait() == 0
    store = Store.open(database)
    try:
        [summary] = store.list_meetings()
        assert store.load_meeting(summary.id).items[0].minutes == "Xab\ncdY"
    finally:
        store.close()
    assert os.listdir(tmp_path)  # the app ran where it was told
