"""The garbage collector held off while the app starts, and let go once its first frame is shown.

Start-up makes objects that live as long as the app (modules, widgets, the meeting): a
collection during start-up only looks at them again and again (a tenth of the start-up time).
Once the first frame is on screen the collector runs again, and what start-up built is frozen
out of its way (``gc.freeze``): later collections, while typing, need not look at it.

The chair's review is built the same way: the collector held while it is built and drawn,
and given back a second later (not frozen: the review's objects go when it is closed). A full
collection of what a 400-item review builds takes about 60 ms; in the middle of its first
frames it made a key pressed as the review appeared wait twice as long.

A command that ends (``referent export``, or the app quitting) freezes everything before the
interpreter exits: its last collections would otherwise look at every object once more, a
tenth of an export's time, to free memory the process is about to give back anyway.
"""

from __future__ import annotations

import gc

_held = False
_frozen = False


def hold() -> None:
    """No collection until ``let_go`` (the command line, before it starts the app)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def let_go() -> None:
    """Collect again, leaving out what exists now (the app, once its first frame is shown)."""
    global _held, _frozen
    if _held:
        _held = False
        gc.enable()
        gc.freeze()
        _frozen = True


def give_back() -> None:
    """Collect again, freezing nothing: after a screen that lives only while it is open (the
    review) was built and drawn without a collection in the middle of it."""
    global _held
    if _held:
        _held = False
        gc.enable()


def before_exit() -> None:
    """Out of the interpreter's last collections: all that exists now (the process ends)."""
    global _frozen
    let_go()
    gc.freeze()
    _frozen = True


def restore() -> None:
    """As before ``hold``: for a caller that goes on after the app (a test calling the CLI)."""
    global _held, _frozen
    if _frozen:
        gc.unfreeze()
        _frozen = False
    if _held:
        gc.enable()
        _held = False
