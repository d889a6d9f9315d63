"""What a real terminal does that Pilot never shows: bytes that are not UTF-8, and hanging up.

Textual's Linux driver decodes terminal input with a strict UTF-8 decoder in its input
thread (Textualize/textual#6456, open): one byte pasted from a Latin-1 terminal
(``bl\\xe5``) raises there, and the app ends, losing what was typed since the last save.
``guard_terminal_input`` gives that decoder ``errors="replace"``: the broken byte becomes
U+FFFD (shown as �) and typing goes on.

Closing the terminal window sends SIGHUP and ``kill`` sends SIGTERM; by default either
ends the process at once, without ``on_unmount`` and so without saving.
``on_stop_signals`` runs a callback in the event loop instead, where saving is safe.
"""

from __future__ import annotations

import asyncio
import codecs
import functools
import signal
import sys
from collections.abc import Callable

STOP_SIGNALS = ("SIGHUP", "SIGTERM")


def _lenient_decoder(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """Stands in for ``codecs.getincrementaldecoder`` inside Textual's drivers."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def guard_terminal_input() -> bool:
    """Make Textual's input thread replace undecodable bytes; False where it cannot be done.

    The drivers look ``getincrementaldecoder`` up in their own module each time the input
    thread starts, so replacing that name is enough. A Textual that no longer uses it is
    left alone (the pseudo-terminal test then shows whether it still needs guarding).
    """
    if sys.platform == "win32":  # the Windows driver reads characters, not bytes
        return False
    from textual.drivers import linux_driver, linux_inline_driver

    guarded = False
    for module in (linux_driver, linux_inline_driver):
        if getattr(module, "getincrementaldecoder", None) in (codecs.getincrementaldecoder, _lenient_decoder):
            module.getincrementaldecoder = _lenient_decoder  # type: ignore[attr-defined]
            guarded = True
    return guarded


def on_stop_signals(callback: Callable[[], None]) -> Callable[[], None]:
    """Run ``callback`` in the running event loop on SIGHUP or SIGTERM; returns the undo."""
    loop = asyncio.get_running_loop()
    installed: list[int] = []
    for name in STOP_SIGNALS:
        number = getattr(signal, name, None)
        if number is None:  # Windows has no SIGHUP
            continue
        try:
            loop.add_signal_handler(number, callback)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows
            continue
        installed.append(number)

    def undo() -> None:
        for number in installed:
            loop.remove_signal_handler(number)

    return undo
