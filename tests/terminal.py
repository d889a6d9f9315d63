"""A real terminal for tests: the app runs in a pseudo-terminal and the screen is read back.

Pilot presses keys inside the app; a user's terminal sends bytes. Some faults only show
through the real driver (an invalid UTF-8 byte, a closed terminal, a key the terminal
encodes differently), so these tests run the command as a user would, in a pty, and read
the screen with ``pyte``, a terminal emulator.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pyte


def saved_minutes(database: Path, meeting_id: int = 1) -> str:
    """Item 1's minutes as a second connection reads them: only what was committed."""
    from referent.store import Store

    store = Store.open(database)
    try:
        return store.load_meeting(meeting_id).items[0].minutes
    finally:
        store.close()


def wait_until_saved(database: Path, text: str, meeting_id: int = 1, timeout: float = 60) -> str:
    """What the app's own autosave (its timer, in the child) has written, once it is ``text``
    (or whatever it is when the deadline, there only to end a hung test, passes)."""
    deadline = time.monotonic() + timeout
    while (saved := saved_minutes(database, meeting_id)) != text and time.monotonic() < deadline:
        time.sleep(0.1)  # (how often to look)
    return saved


def referent(*args: str) -> list[str]:
    """The command line of ``referent ARGS``, run by this Python."""
    return [sys.executable, "-m", "referent", *args]


def _take_terminal() -> None:
    """In the child, after setsid: the pseudo-terminal becomes its controlling terminal, so
    closing the other end sends SIGHUP, as closing a terminal window does."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``with Terminal([...], size=(80, 24)) as term: term.wait_for("Dagsorden")``."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        size: tuple[int, int] = (80, 24),
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        columns, lines = size
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        self._lock = threading.Lock()
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", **(env or {})}
        environment.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            cwd=cwd,
            start_new_session=True,  # its own session, with the pty as its controlling terminal
            preexec_fn=_take_terminal,  # only an ioctl, right before exec
        )
        os.close(slave)
        self.master: int | None = master
        self._hanging_up = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.master is not None
        master = self.master
        while not self._hanging_up.is_set():
            # A read blocked on the master holds it open: closing it would not hang up (no SIGHUP)
            # until the program wrote again. Look every so often whether to stop instead.
            if not select.select([master], [], [], 0.05)[0]:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # the child is gone and the terminal with it, or we hung up
                return
            if not data:
                return
            with self._lock:
                self.output += data
                self.stream.feed(data)

    # --- what the user sees -----------------------------------------------------------

    def text(self) -> str:
        with self._lock:
            return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """Wait until ``text`` is on the screen; returns the screen. The deadline only ends a
        test that would otherwise hang: a busy machine takes longer, and passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.text()
            if text in screen:
                return screen
            if self.process.poll() is not None:
                self._reader.join(timeout=30)  # the last output read to its end (the pty closes)
                screen = self.text()
                if text in screen:
                    return screen
                raise AssertionError(
                    f"the program ended ({self.process.returncode}) before showing {text!r}:\n{screen}"
                )
            time.sleep(0.05)  # (how often to look, not how long to wait)
        raise AssertionError(f"{text!r} did not appear within {timeout} s:\n{self.text()}")

    def drawn(self) -> bytes:
        """Everything the program has written, as bytes (escape sequences and all)."""
        with self._lock:
            return bytes(self.output)

    # --- what the user does -----------------------------------------------------------

    def send(self, data: str | bytes) -> None:
        """Bytes as a terminal sends them for keys pressed (or text pasted)."""
        assert self.master is not None, "the terminal was closed"
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def type(self, text: str) -> None:
        """Type ``text`` a character at a time (a write each), as keys pressed, not a paste.
        Nothing waits between them: the program may read them one by one or several at once,
        as it may from a fast typist, and the test waits for what they show."""
        for character in text:
            self.send(character)

    def signal(self, number: signal.Signals) -> None:
        os.killpg(self.process.pid, number)

    def hang_up(self) -> None:
        """Close the terminal window: the kernel sends SIGHUP to the program."""
        if self.master is not None:
            self._hanging_up.set()
            if threading.current_thread() is not self._reader:
                self._reader.join(timeout=30)
            with contextlib.suppress(OSError):
                os.close(self.master)
            self.master = None

    def wait(self, timeout: float = 60.0) -> int:
        """The program's exit status, once it has ended (the deadline only ends a hung test)."""
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.hang_up()
        self._reader.join(timeout=5)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


CTRL_Q = "\x11"
ESCAPE = "\x1b"
