"""The real app in a pseudo-terminal: bytes that are not UTF-8, a closed terminal, ``kill``."""

from __future__ import annotations

import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Terminal, referent, saved_minutes, wait_until_saved
from ui_helpers import DEMO

from referent.lock import MeetingLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals: POSIX only")
REPLACEMENT = "\ufffd"


class Session:
    """``referent open møde.toml`` in a pseudo-terminal, on a database of its own."""

    def __init__(self, folder: Path, autosave_seconds: float | None = None, typed_ahead: str = "") -> None:
        self.folder = folder
        self.database = folder / "referent.db"
        shutil.copy(DEMO, folder / "møde.toml")
        env = {"REFERENT_DB": str(self.database), "REFERENT_CONFIG": str(folder / "none.toml")}
        if autosave_seconds is not None:
            env["REFERENT_AUTOSAVE_SECONDS"] = str(autosave_seconds)
        self.app = Terminal(referent("open", "møde.toml"), size=(120, 36), env=env, cwd=folder)
        self.app.send(typed_ahead)  # at once: before anything is drawn
        self.app.wait_for("Minutes")  # the live screen is up, the editor has the focus

    def saved_minutes(self) -> str:
        return saved_minutes(self.database)

    def wait_until_saved(self, text: str) -> str:
        return wait_until_saved(self.database, text)

    def unlocked(self) -> bool:
        lock = MeetingLock(self.database, 1)
        if not lock.acquire():
            return False
        lock.release()
        return True


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = Session(tmp_path)
    yield opened
    opened.app.close()


@pytest.fixture
def slow_session(tmp_path: Path) -> Iterator[Session]:
    """The half-second autosave held back: only a signal can save what was just typed."""
    opened = Session(tmp_path, autosave_seconds=3600)
    yield opened
    opened.app.close()


def test_a_byte_that_is_not_utf8_becomes_a_replacement_character(session: Session) -> None:
    app = session.app
    app.send("abc ")
    app.wait_for("abc")  # each write handled before the next is sent, as typed
    app.send(b"bl\xe5")  # "blå" pasted from a Latin-1 terminal (\xe5 could begin a character:
    app.send("def")  # the decoder waits for the next byte to tell)
    app.wait_for("bl" + REPLACEMENT + "def")  # on screen
    assert app.process.poll() is None, "the app died"
    expected = "abc bl" + REPLACEMENT + "def"
    assert session.wait_until_saved(expected) == expected
    app.send(b"\xff\xfe ghi")  # never valid anywhere in UTF-8
    app.wait_for(REPLACEMENT * 2 + " ghi")
    app.send(b"\x1b[200~paste \xe6\xf8\xe5\x1b[201~")  # a bracketed paste of Latin-1 æøå
    app.wait_for("paste " + REPLACEMENT * 3)
    app.send(" jkl")
    expected += REPLACEMENT * 2 + " ghi" + "paste " + REPLACEMENT * 3 + " jkl"
    assert session.wait_until_saved(expected) == expected
    app.send("\x11")  # Ctrl+Q
    assert app.wait() == 0
    assert session.unlocked()


def test_closing_the_terminal_saves_the_last_words(slow_session: Session) -> None:
    app = slow_session.app
    app.send("the last words")
    app.wait_for("the last words")
    assert slow_session.saved_minutes() == ""  # not saved by a timer
    app.hang_up()  # the kernel sends SIGHUP
    assert app.wait() == 0
    assert slow_session.saved_minutes() == "the last words"
    assert slow_session.unlocked()


ALTERNATE_SCREEN = b"\x1b[?1049h"
"""What the app writes when it starts application mode (the terminal's alternate screen)."""


def test_sigcont_without_ctrl_z_does_not_start_the_app_again(session: Session) -> None:
    """Closing a terminal sends SIGHUP and SIGCONT. Textual took every SIGCONT for a return from
    Ctrl+Z and started application mode again (a second output thread), and an app quitting
    for the SIGHUP could hang for ever on the first one's writes to the closed terminal."""
    app = session.app
    assert app.drawn().count(ALTERNATE_SCREEN) == 1
    app.signal(signal.SIGCONT)  # handled before the keys below (a signal is, at the next step)
    app.send("still here")
    app.wait_for("still here")
    assert app.drawn().count(ALTERNATE_SCREEN) == 1  # not started a second time
    app.send("\x11")  # Ctrl+Q
    assert app.wait() == 0


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM])
def test_a_stop_signal_saves_and_exits_cleanly(slow_session: Session, number: signal.Signals) -> None:
    app = slow_session.app
    app.send("signalled words")
    app.wait_for("signalled words")
    assert slow_session.saved_minutes() == ""
    app.signal(number)
    assert app.wait() == 0
    assert slow_session.saved_minutes() == "signalled words"
    assert slow_session.unlocked()


def test_keys_typed_while_the_app_starts_go_into_the_minutes(tmp_path: Path) -> None:
    """The secretary types (and pastes) right after the command, before the screen is there:
    nothing is lost."""
    session = Session(tmp_path, typed_ahead="Godkendt \x1b[200~uden\x1b[201~")
    try:
        session.app.send(" bemærkninger.")
        session.app.wait_for("Godkendt uden bemærkninger.")
        session.app.send("\x11")  # Ctrl+Q saves and quits
        assert session.app.wait() == 0
    finally:
        session.app.close()
    assert session.saved_minutes() == "Godkendt uden bemærkninger."
