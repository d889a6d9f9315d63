"""What the first frame does not need but a key soon will, made ready in the background.

F12 exports the minutes in a thread; its imports (python-docx with lxml, markdown-it, the
export package) and python-docx's first document cost it half a second the first time. A
second after the first frame is on screen, a thread of its own does that once per process:
it renders a one-item meeting as a Word document in memory, which loads everything a real
export loads. (A daemon thread: quitting never waits for it.)
"""

from __future__ import annotations

import contextlib
import threading
import time
from datetime import date

WARM_UP_AFTER = 1.0
"""Seconds after the first frame before the export is made ready: F12 is not pressed at once,
and the first keys typed should not share the processor with it."""
_started = threading.Event()


def warm_up_in_background() -> None:
    """Start the warm-up (once per process); returns at once."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=warm_up, name="referent-warm-up", daemon=True).start()


def warm_up() -> None:
    """Import and run once what an export needs, a moment after the first frame."""
    time.sleep(WARM_UP_AFTER)
    with contextlib.suppress(Exception):  # a warm-up that fails costs nothing: F12 says why itself
        exercise_export()


def exercise_export() -> None:
    """A one-item meeting as a Word document and as Markdown, in memory."""
    from referent.export import render
    from referent.model import Item, Meeting, Recommendation

    meeting = Meeting(
        title="Opvarmning",
        date=date(2024, 1, 1),
        items=[Item(title="Punkt", case="**Sag**\n\n- a", recommendation=Recommendation(points=["a"]))],
    )
    render(meeting, format="docx")
    render(meeting, format="md")
