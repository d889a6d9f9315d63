"""The terminal while ``referent open`` reads a file, before the app has the terminal.

A huge Word agenda takes seconds to read, and the app's event loop (which handles Ctrl+Q,
a closed terminal and SIGTERM) does not run yet. Meanwhile the terminal is in its ordinary
mode, where Ctrl+Q is XON (flow control): the terminal itself swallows it and the app never
sees it, so Ctrl+Q typed while a huge agenda was read was lost and the app opened anyway.

``stoppable_reading`` makes Ctrl+Q the terminal's quit character while the file is read (the
kernel turns it into SIGQUIT at once, however busy the reader is), and makes SIGQUIT, SIGHUP
and SIGTERM end the read with ``Stopped`` (nothing is typed yet, so there is nothing to save).
Afterwards Ctrl+Q is no longer flow control, so a Ctrl+Q typed while the app starts reaches
the app as a typed-ahead key; the terminal's own settings come back when the command ends.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

CTRL_Q = b"\x11"
STOPPING_SIGNALS = ("SIGQUIT", "SIGHUP", "SIGTERM")


class Stopped(KeyboardInterrupt):
    """Ctrl+Q, a closed terminal or SIGTERM while the file was read: the command ends."""


def _stop(number: int, frame: FrameType | None) -> None:
    raise Stopped(number)


@contextlib.contextmanager
def stoppable_reading() -> Iterator[Callable[[], None]]:
    """While the block runs, Ctrl+Q, SIGHUP and SIGTERM end it with ``Stopped``; call what it
    yields when the reading is done and the app is about to start (Ctrl+Q then waits for the
    app). The terminal's settings are given back when the block ends."""
    if sys.platform == "win32" or not sys.stdin.isatty():
        yield lambda: None
        return
    import termios

    fd = sys.stdin.fileno()
    try:
        before: list[Any] = termios.tcgetattr(fd)
    except termios.error:
        yield lambda: None
        return
    handlers = {}
    for name in STOPPING_SIGNALS:
        number = getattr(signal, name)
        handlers[number] = signal.signal(number, _stop)

    def set_mode(quit_on_ctrl_q: bool) -> None:
        mode = [*before[:6], list(before[6])]
        mode[0] &= ~termios.IXON  # Ctrl+Q is no longer XON, swallowed by the terminal
        if quit_on_ctrl_q:
            mode[6][termios.VQUIT] = CTRL_Q
        with contextlib.suppress(termios.error, OSError):  # a closed terminal
            termios.tcsetattr(fd, termios.TCSANOW, mode)

    def reading_done() -> None:
        if not handlers:  # done already
            return
        set_mode(quit_on_ctrl_q=False)
        for number, handler in handlers.items():
            signal.signal(number, handler)
        handlers.clear()

    set_mode(quit_on_ctrl_q=True)
    try:
        yield reading_done
    finally:
        reading_done()
        with contextlib.suppress(termios.error, OSError):  # keys typed ahead are kept (not flushed)
            termios.tcsetattr(fd, termios.TCSANOW, before)
