"""Time a key's own work inside a Textual app: from the key to the last frame it caused.

Pilot's ``press`` waits until the process looks idle, in steps of a fiftieth of a second: a
figure read around it is mostly Pilot's own waiting. Here the key is handed to the app as the
driver hands it over, every message handled and every frame painted is stamped with the
clock, and the key is *answered* at the last frame painted before the app fell quiet (nothing
handled, nothing painted and nothing working in a thread of the event loop's executor for
``QUIET`` seconds). Waiting for the quiet is not counted.

Used by the benchmarks that measure what a key costs in the app (moving through the agenda,
the chair's review); what a terminal adds is the same for referent and for its comparison,
and is measured through a real pseudo-terminal elsewhere (start-up, typing).
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

QUIET = 0.08
"""Seconds without a message or a frame after which the app is taken to be done with a key."""
TIMEOUT = 60.0

_last_activity = [0.0]
_handled = [0]
"""Messages handled so far: a key counts as taken up once one was handled after it."""
_installed = [False]
_in_executor = [0]


def _install() -> None:
    """Stamp every message handled, in any app of this process (once)."""
    if _installed[0]:
        return
    _installed[0] = True
    original = MessagePump._dispatch_message

    async def stamped(self: MessagePump, message: Any) -> None:
        try:
            await original(self, message)
        finally:
            _last_activity[0] = time.perf_counter()
            _handled[0] += 1

    MessagePump._dispatch_message = stamped  # type: ignore[method-assign]


def _count_executor_jobs(loop: asyncio.AbstractEventLoop) -> None:
    """Work handed to a thread (Textual's Markdown parses there) is work too: count it."""
    if getattr(loop, "_keyclock_counted", False):
        return
    original = loop.run_in_executor

    def counted(executor: Any, function: Any, *args: Any) -> asyncio.Future[Any]:
        _in_executor[0] += 1
        future = original(executor, function, *args)

        def done(_: object) -> None:
            _in_executor[0] -= 1
            _last_activity[0] = time.perf_counter()

        future.add_done_callback(done)
        return future

    loop.run_in_executor = counted  # type: ignore[method-assign]
    loop._keyclock_counted = True  # type: ignore[attr-defined]


_BARS = str.maketrans("", "", "▁▂▃▄▅▆▇█▔▕▏▎▍▌▋▊▉")


def _without_bars(text: str) -> str:
    """A screen's text without the block characters scroll bars are drawn with: a thumb that
    settles a frame later (a part measured after it was drawn) is not what the user waits for."""
    return text.translate(_BARS)


class KeyClock:
    """``clock = KeyClock(app)`` once the app runs; ``seconds = await clock.key("ctrl+down")``."""

    def __init__(self, app: App[Any]) -> None:
        _install()
        _count_executor_jobs(asyncio.get_running_loop())
        self.app = app
        self.frames: list[float] = []
        self.capture = False
        """Keep what each frame shows (``settled``); the time it takes is left out."""
        self.texts: list[str] = []
        self.spent: list[float] = []
        """Seconds spent keeping texts before each frame (a running total)."""
        self._spent = 0.0
        self._last = (0, 0.0, 0.0)
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            now = time.perf_counter()
            self.frames.append(now)
            self.spent.append(self._spent)
            if self.capture:
                strips = screen._compositor.render_strips()
                self.texts.append("\n".join(strip.text for strip in strips))
                self._spent += time.perf_counter() - now
            else:
                self.texts.append("")

        app._display = display  # type: ignore[method-assign]

    async def quiet(self, handled: int = -1) -> None:
        """Until nothing was handled or painted for ``QUIET`` seconds (and no thread of the
        app's own, such as referent's warm-up for F12, is at work); and, given the count of
        messages ``handled`` when a key was sent, not before the app took the key up (on a
        busy machine it may not get round to it within ``QUIET``)."""
        deadline = time.perf_counter() + TIMEOUT
        while _handled[0] <= handled and time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
        while time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
            last = max(_last_activity[0], self.frames[-1] if self.frames else 0.0)
            working = any(thread.name.startswith("referent-") for thread in threading.enumerate())
            if working:
                _last_activity[0] = time.perf_counter()
            elif not _in_executor[0] and time.perf_counter() - last > QUIET:
                return
        raise TimeoutError("the app never fell quiet")

    def send(self, key: str, character: str | None = None) -> None:
        """Hand ``key`` to the app as its driver does, and return at once."""
        _last_activity[0] = time.perf_counter()  # the quiet is counted from the key on
        event = events.Key(key, character)
        event.set_sender(self.app)
        assert self.app._driver is not None
        self.app._driver.send_message(event)

    async def key(self, key: str, character: str | None = None) -> float:
        """Seconds from handing ``key`` to the app until the last frame it caused."""
        await self.quiet()
        started, handled = time.perf_counter(), _handled[0]
        self.send(key, character)
        await self.quiet(handled)
        painted = [frame for frame in self.frames if frame > started]
        if not painted:
            raise AssertionError(f"{key} changed nothing on screen")
        return painted[-1] - started

    async def settled(self, key: str, character: str | None = None, shows: str = "") -> tuple[float, float]:
        """Seconds from handing ``key`` to the app until the first frame that shows what the
        screen shows in the end (the key is answered; scroll bars aside), and until the last
        frame it caused. Given ``shows``, the end is not before a frame shows it (a busy machine
        can leave the app unscheduled for longer than ``QUIET`` in the middle of its work)."""
        await self.quiet()
        self.capture = True
        first = len(self.frames)
        started, spent, handled = time.perf_counter(), self._spent, _handled[0]
        self.send(key, character)
        await self.quiet(handled)
        deadline = time.perf_counter() + TIMEOUT
        while shows and not (len(self.frames) > first and shows in self.texts[-1]):
            assert time.perf_counter() < deadline, f"{key}: {shows!r} never shown"
            await asyncio.sleep(0.005)
            await self.quiet()
        self.capture = False
        if len(self.frames) == first:
            raise AssertionError(f"{key} changed nothing on screen")
        self._last = (first, started, spent)
        final = _without_bars(self.texts[-1])
        answered = next(n for n in range(first, len(self.frames)) if _without_bars(self.texts[n]) == final)
        return self._since(answered), self._since(len(self.frames) - 1)

    def _since(self, frame: int) -> float:
        _, started, spent = self._last
        return self.frames[frame] - started - (self.spent[frame] - spent)

    def until_shown(self, text: str) -> float:
        """Of the last ``settled`` key: seconds until the first frame that showed ``text``."""
        first, _, _ = self._last
        shown = next((n for n in range(first, len(self.frames)) if text in self.texts[n]), None)
        return self._since(shown) if shown is not None else float("nan")

    async def call(self, work: Any) -> float:
        """Seconds from calling ``work()`` (in the app's loop) until the last frame it caused."""
        await self.quiet()
        started = _last_activity[0] = time.perf_counter()
        result = work()
        if asyncio.iscoroutine(result) or isinstance(result, asyncio.Future):
            await result
        await self.quiet()
        painted = [frame for frame in self.frames if frame > started]
        return (painted[-1] if painted else time.perf_counter()) - started
