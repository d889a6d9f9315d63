"""What a real terminal does that Pilot never shows: bytes that are not UTF-8, and hanging up.

Textual's Linux driver decodes terminal input with a strict UTF-8 decoder in its input
thread (Textualize/textual#6456, open): one byte pasted from a Latin-1 terminal
(``bl\\xe5``) raises there, and the app ends, losing what was typed since the last save.
``guard_terminal_input`` gives that decoder ``errors="replace"``: the broken byte becomes
U+FFFD (shown as �) and typing goes on.

Closing the terminal window sends SIGHUP and ``kill`` sends SIGTERM; by default either
ends the process at once, without ``on_unmount`` and so without saving.
``on_stop_signals`` runs a callback in the event loop instead, where saving is safe. Closing
the window also sends SIGCONT, which Textual took for a return from Ctrl+Z (application mode
started again on the closed terminal, and the app hung while quitting): only a return from
Ctrl+Z resumes now.

Junk from a broken terminal (a key or mouse position with a number no integer holds) raised in
Textual's parser and ended the input thread; a paste whose end marker never came swallowed
every key after it, Ctrl+Q too. ``guard_terminal_input`` guards the parser as well
(``textual_compat.GuardedParser``): the junk is dropped, and such a paste is ended by Ctrl+Q,
by its size or by a pause, with a message (``PasteCut``).
"""

from __future__ import annotations

import asyncio
import codecs
import functools
import signal
import sys
from collections.abc import Callable

from textual.message import Message

STOP_SIGNALS = ("SIGHUP", "SIGTERM")
PASTE_LIMIT = 4_000_000
"""Characters a paste may have before it is taken for one whose end never comes (a real paste
of a whole report is a few hundred thousand)."""
PASTE_IDLE_SECONDS = 2.0
"""Seconds without a character inside a paste before it is taken for one whose end never comes
(a terminal sends a paste at once)."""


def _lenient_decoder(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """Stands in for ``codecs.getincrementaldecoder`` inside Textual's drivers."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def guard_terminal_input() -> bool:
    """Make Textual's input thread replace undecodable bytes, drop what its parser cannot read
    and end a paste that never ends; False where it cannot be done.

    The drivers look ``getincrementaldecoder`` and ``XTermParser`` up in their own module each
    time the input thread starts, so replacing those names is enough. A Textual that no longer
    uses them is left alone (the pseudo-terminal tests then show whether it still needs guarding).
    """
    if sys.platform == "win32":  # the Windows driver reads characters, not bytes
        return False
    from textual.drivers import linux_driver, linux_inline_driver

    from referent.ui.textual_compat import GuardedParser, guard_parser, resume_only_after_suspend

    GuardedParser.paste_limit = PASTE_LIMIT
    GuardedParser.paste_idle = PASTE_IDLE_SECONDS
    GuardedParser.paste_cut = PasteCut
    guarded = False
    for module in (linux_driver, linux_inline_driver):
        if getattr(module, "getincrementaldecoder", None) in (codecs.getincrementaldecoder, _lenient_decoder):
            module.getincrementaldecoder = _lenient_decoder  # type: ignore[attr-defined]
            guarded = True
        guarded = guard_parser(module) and guarded
    return resume_only_after_suspend(linux_driver.LinuxDriver) and guarded


class PasteCut(Message):
    """A bracketed paste whose end marker never came was ended (the terminal sent
    ``ESC [ 200 ~`` and then nothing that ends it): ``why`` it was ended ("key": Ctrl+Q came
    inside it, "size": past ``PASTE_LIMIT`` characters, "idle": nothing more came for
    ``PASTE_IDLE_SECONDS``) and the ``length`` it had."""

    def __init__(self, why: str, length: int) -> None:
        super().__init__()
        self.why = why
        self.length = length


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
