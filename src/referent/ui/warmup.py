"""What the first frame does not need but a key soon will, made ready in the background.

F12 exports the minutes in a thread; its imports (python-docx with lxml, markdown-it, the
export package) and python-docx's first document cost it half a second the first time. Once
the first frame is on screen and the secretary has not typed for a second (the app's timer,
``WARM_UP_AFTER``), a thread of its own does that once per process: it renders a one-item
meeting as a Word document in memory, which loads everything a real export loads. (A daemon
thread: quitting never waits for it.)

The same thread then imports the chair's review (its screen, its widgets, the reading round's
modules its problem list asks): the first Ctrl+R paid 40 to 60 ms for those imports before it
drew anything.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from datetime import date

WARM_UP_AFTER = 1.0
"""Seconds without typing before the export is made ready: keys typed should not share the
processor with it, and F12 is not pressed at once."""
_started = threading.Event()


def warm_up_in_background() -> None:
    """Start the warm-up (once per process); returns at once."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=warm_up, name="referent-warm-up", daemon=True).start()


def warm_up() -> None:
    """Import and run once what an export needs; import what the review needs."""
    with contextlib.suppress(Exception):  # a warm-up that fails costs nothing: F12 says why itself
        exercise_export()
    with contextlib.suppress(Exception):  # as above: the first Ctrl+R imports them itself
        import_review()


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


REVIEW_MODULES = (
    "referent.ui.screens.review",
    "referent.readinground.bringing",
    "referent.readinground.changes",
)
"""What the review's first opening imports beyond what the minutes screen has."""


def import_review() -> None:
    """The modules of the chair's review, imported (nothing of them is run)."""
    for module in REVIEW_MODULES:
        importlib.import_module(module)
