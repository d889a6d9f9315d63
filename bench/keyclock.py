"""Time a key's own work inside a Textual app: from the key to the last frame it caused.

Pilot's ``press`` waits until the process looks idle, in steps of a fiftieth of a second: a
figure read around it is mostly Pilot's own waiting. Here the key is handed to the app as the
driver hands it over, every message handled and every frame painted is stamped with the
clock, and the key is *answered* at the last frame painted before the app fell quiet (nothing
handled and nothing painted for ``QUIET`` seconds). Waiting for the quiet is not counted.

Used by the benchmarks that measure what a key costs in the app (moving through the agenda,
the chair's review); what a terminal adds is the same for referent and for its comparison,
and is measured through a real pseudo-terminal elsewhere (start-up, typing).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

QUIET = 0.08
"""Seconds without a message or a frame after which the app is taken to be done with a key."""
TIMEOUT = 60.0

_last_activity = [0.0]
_installed = [False]


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

    MessagePump._dispatch_message = stamped  # type: ignore[method-assign]


class KeyClock:
    """``clock = KeyClock(app)`` once the app runs; ``seconds = await clock.key("ctrl+down")``."""

    def __init__(self, app: App[Any]) -> None:
        _install()
        self.app = app
        self.frames: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.frames.append(time.perf_counter())
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]

    async def quiet(self) -> None:
        """Until nothing was handled or painted for ``QUIET`` seconds."""
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
            last = max(_last_activity[0], self.frames[-1] if self.frames else 0.0)
            if time.perf_counter() - last > QUIET:
                return
        raise TimeoutError("the app never fell quiet")

    def send(self, key: str, character: str | None = None) -> None:
        """Hand ``key`` to the app as its driver does, and return at once."""
        event = events.Key(key, character)
        event.set_sender(self.app)
        assert self.app._driver is not None
        self.app._driver.send_message(event)

    async def key(self, key: str, character: str | None = None) -> float:
        """Seconds from handing ``key`` to the app until the last frame it caused."""
        await self.quiet()
        started = time.perf_counter()
        self.send(key, character)
        await self.quiet()
        painted = [frame for frame in self.frames if frame > started]
        if not painted:
            raise AssertionError(f"{key} changed nothing on screen")
        return painted[-1] - started

    async def call(self, work: Any) -> float:
        """Seconds from calling ``work()`` (in the app's loop) until the last frame it caused."""
        await self.quiet()
        started = time.perf_counter()
        result = work()
        if asyncio.iscoroutine(result) or isinstance(result, asyncio.Future):
            await result
        await self.quiet()
        painted = [frame for frame in self.frames if frame > started]
        return (painted[-1] if painted else time.perf_counter()) - started
