"""Terminal input that must not end the app, nor send the typing nowhere (through a real pty).

Junk from a broken terminal or a paste of escape codes: numbers Textual's parser cannot turn
into a key (``ESC [ 1114112 u``, ``ESC [ 99999999999999999999999 A``) raised in its input
thread and the app ended with status 0; a bracketed paste whose end marker never comes
(``ESC [ 200 ~``) swallowed every key after it, Ctrl+Q too; a mouse event that lands where
nothing can take the focus took it from the editor, and what was typed went nowhere.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_terminal import Session
from textual import events
from textual.widgets import TextArea
from ui_helpers import SIZE, Case, saved

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals: POSIX only")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = Session(tmp_path)
    yield opened
    opened.app.close()


@POSIX_ONLY
@pytest.mark.parametrize(
    "junk",
    [
        b"\x1b[1114112u",  # a key past the last character Unicode has
        b"\x1b[99999999999999999999999A",  # an arrow with a number no integer type holds
        b"\x1b[1;99999999999999999999999A",
        b"\x1b[<0;99999999999999999999;1M",  # a mouse click far off any screen
        b"\x1b[<0;1;1M\x1b[<0;1;1m",  # a click on the title bar, where nothing takes the focus
        b"\x1b[<64;60;20M",  # the wheel over the case text
        b"\x1b[<0;500;300M\x1b[<0;500;300m",  # a click past the screen's edge: no widget there
        b"\x1b[O",  # the terminal says it lost the focus, and never that it has it again
    ],
)
def test_junk_from_the_terminal_is_dropped_and_typing_goes_on(session: Session, junk: bytes) -> None:
    app = session.app
    app.send("abc")
    app.wait_for("abc")
    app.send(junk)
    app.send("def")
    app.wait_for("abcdef")
    assert app.process.poll() is None, "the app died"
    assert session.wait_until_saved("abcdef") == "abcdef"


@POSIX_ONLY
def test_ctrl_q_inside_a_paste_that_never_ends_ends_it_and_quits(session: Session) -> None:
    app = session.app
    app.send("abc ")
    app.wait_for("abc")
    app.send(b"\x1b[200~pasted")  # the end marker never comes
    app.send("\x11")  # Ctrl+Q
    assert app.wait() == 0
    assert session.saved_minutes() == "abc pasted"


@POSIX_ONLY
def test_an_idle_paste_that_never_ends_is_ended_and_typing_goes_on(session: Session) -> None:
    """A terminal sends a paste at once: nothing more for two seconds inside one means its end
    marker is not coming (the test waits for what the screen shows, never for a time)."""
    app = session.app
    app.send(b"\x1b[200~pasted")
    app.wait_for("did not end")  # the message, once the paste was idle
    app.send(" typed")
    app.wait_for("pasted typed")
    assert app.process.poll() is None
    assert session.wait_until_saved("pasted typed") == "pasted typed"


# --- the parser itself, fed as the driver feeds it -------------------------------------------


def tokens(data: str, paste_limit: int = 1_000) -> list[str]:
    from referent.ui.terminal import guard_terminal_input
    from referent.ui.textual_compat import GuardedParser

    guard_terminal_input()
    parser = GuardedParser()
    parser.paste_limit = paste_limit
    return [describe(token) for token in parser.feed(data)]


def describe(token: object) -> str:
    from textual import events

    from referent.ui.terminal import PasteCut

    if isinstance(token, events.Key):
        return token.key
    if isinstance(token, events.Paste):
        return f"paste {token.text!r}"
    if isinstance(token, PasteCut):
        return f"cut {token.why} {token.length}"
    return type(token).__name__


def test_the_parser_drops_what_it_cannot_read_and_reads_on() -> None:
    assert tokens("a\x1b[1114112ub\x1b[99999999999999999999999Ac\x1b[<0;99999999999999999999;1Md") == [
        "a",
        "b",
        "c",
        "d",
    ]


def test_the_parser_ends_a_paste_past_its_limit_and_reads_on() -> None:
    assert tokens("\x1b[200~" + "x" * 12 + "ab", paste_limit=10) == [
        "paste 'xxxxxxxxxx'",
        "cut size 10",
        "x",
        "x",
        "a",
        "b",
    ]


def test_ctrl_q_inside_a_paste_ends_it_and_is_a_key() -> None:
    assert tokens("\x1b[200~pasted\x11") == ["paste 'pasted'", "cut key 6", "ctrl+q"]


def test_a_paste_that_ends_is_one_paste() -> None:
    assert tokens("\x1b[200~pasted\x1b[201~a") == ["paste 'pasted'", "a"]


# --- the app: a key that comes while nothing has the focus -------------------------------------


async def test_keys_right_after_a_click_where_no_widget_is_go_into_the_editor(case: Case) -> None:
    """Posted together, as the driver posts what one read brought: the click past the screen's
    edge took the focus from the editor, and the keys after it went nowhere."""
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"abc")
        for mouse in (events.MouseDown, events.MouseUp):
            app.post_message(mouse(None, 499, 299, 0, 0, 1, False, False, False, screen_x=499, screen_y=299))
        for key in "def":
            app.post_message(events.Key(key, key))
        app.post_message(events.AppBlur())  # a terminal that says it lost the focus, then a key
        app.post_message(events.Key("g", "g"))
        await pilot.pause()
        await saved(pilot)
        assert app.screen.query_one("#editor", TextArea).text == "abcdefg"
    assert case.stored().items[0].minutes == "abcdefg"
