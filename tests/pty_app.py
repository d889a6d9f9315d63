"""Run the real ``referent`` in a pseudo-terminal: what a terminal sends, not what Pilot presses.

Pilot hands keys to the app as events; a real terminal sends bytes that Textual's input
thread must decode, and closes with SIGHUP. Only a pseudo-terminal shows those.
"""

from __future__ import annotations

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
from pathlib import Path

ROWS, COLUMNS = 36, 120


def _take_terminal() -> None:
    """In the child, after setsid: make the pseudo-terminal its controlling terminal, so
    closing the other end sends SIGHUP, as closing a terminal window does."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """``python -m referent ARGS`` on a pseudo-terminal of 120×36; everything it draws is kept."""

    def __init__(self, *args: str, env: dict[str, str], cwd: Path) -> None:
        master, terminal = os.openpty()
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", **env}
        environment.pop("TEXTUAL", None)
        self.child = subprocess.Popen(
            [sys.executable, "-m", "referent", *args],
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=environment,
            cwd=cwd,
            start_new_session=True,
            preexec_fn=_take_terminal,  # only an ioctl, right before exec
        )
        os.close(terminal)
        self.master: int | None = master
        self._output = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.master is not None
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the child has gone and the terminal with it
                return
            if not data:
                return
            with self._lock:
                self._output += data

    @property
    def output(self) -> bytes:
        with self._lock:
            return bytes(self._output)

    def wait_for(self, text: str | bytes, timeout: float = 30) -> None:
        """Wait until ``text`` has been drawn (after everything drawn so far is not enough)."""
        wanted = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while wanted not in self.output:
            if self.child.poll() is not None:
                raise AssertionError(f"the app exited ({self.child.returncode}) before drawing {text!r}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen ends with {self.output[-500:]!r}")
            time.sleep(0.05)

    def send(self, data: str | bytes, pause: float = 0.05) -> None:
        """Bytes as a terminal sends them for keys pressed (or text pasted)."""
        assert self.master is not None
        os.write(self.master, data.encode() if isinstance(data, str) else data)
        time.sleep(pause)

    def hang_up(self) -> None:
        """Close the terminal window: the kernel sends SIGHUP to the app."""
        self._stop.set()
        self._reader.join()
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def signal(self, number: signal.Signals) -> None:
        self.child.send_signal(number)

    def wait(self, timeout: float = 20) -> int:
        return self.child.wait(timeout=timeout)

    def close(self) -> None:
        if self.child.poll() is None:
            self.child.kill()
            self.child.wait()
        self.hang_up()
