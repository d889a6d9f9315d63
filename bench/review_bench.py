"""The chair's review: opening it, a key pressed while it is being built, D (changes), paging
through the draft, and the word diff, at 30 and at 400 items.

Run: ``.venv/bin/python bench/review_bench.py [--runs 3] [--sizes 30 400]``; an older checkout is
measured by running this file with its interpreter (see ``benchkit``).

Measured in the app (Textual's Pilot, headless, 120×36) from the key handed to the app
(``keyclock``), since what is measured is the review's own work: a synthetic meeting with 40
words of minutes in every item, a review already begun, and every fifth item's minutes changed
since (so D has changes to show), opened through ``make_app`` as the command line does, and
left for ``SETTLE`` seconds first (referent makes F12 ready a second after opening, once):

* open: Ctrl+R on the minutes screen until the first frame that shows what the screen shows in
  the end ("drawn": the problems and the draft's first screen, its scroll bar included), until
  the first frame showing the draft's first lines, and until the app falls quiet ("quiet":
  the whole draft built, where it is built whole; parts drawn ahead, where not);
* D: the changes shown, and D again (the draft back), each until its screen is drawn;
* paging in the draft (focused, as with Tab): PgDn, and End (the draft's last item drawn);
* a key meanwhile: the review opened again, and ↓ in the problem list pressed the moment the
  review is first drawn (its first frame showing the draft's ``Referat``), until the frame that
  shows the highlight moved.

The word diff is timed on its own for one item of 500, 2,000 and 5,000 words (a word changed
in every 50, a sentence inserted in the middle), against the same diff over words that keep the
white space after them (``difflib`` over ``\\S+\\s*``), the issue's comparison.

Goals (issue 13): open ≤ 0.3 s and every key answered within 50 ms from the first frame, for 30
and for 400 items; D ≤ 0.2 s; the word diff linear (5,000 words ≤ 0.3 s).
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchkit import (
    WORDS,
    as_the_command_line,
    environment,
    import_file,
    limit_line,
    meeting_file,
    ms,
    referent_environment,
    version,
    words,
)
from keyclock import KeyClock
from textual.app import App
from textual.widgets import OptionList, TextArea

SIZE = (120, 36)
SETTLE = 1.5
"""Seconds the minutes screen is open before Ctrl+R (referent makes F12 ready a second after)."""
OPEN_GOAL, KEY_GOAL, D_GOAL, DIFF_GOAL = 0.3, 0.05, 0.2, 0.3
CHANGED_EVERY = 5
DRAFT_MARK = "Referat"


def prepare(folder: Path, items: int) -> dict[str, str]:
    """A draft in review: every item with minutes, every fifth changed since the review began."""
    from referent.store import Store

    env = environment(folder, f"review-{items}")
    import_file(meeting_file(folder, items, minutes_words=40), env)
    store = Store.open(Path(env["REFERENT_DB"]))
    store.start_review(1)
    for number, item_id in enumerate(store.item_ids(1)):
        if number % CHANGED_EVERY == 0:
            store.save_minutes(item_id, f"Rettet af formanden {number}: " + words(40, number + 9) + ".")
    store.close()
    return env


def screen_shows(app: App[None], text: str) -> bool:
    return any(text in strip.text for strip in app.screen._compositor.render_strips())


class Watch:
    """Stamps the first frame after ``since`` at which ``condition()`` holds; the time the
    checks themselves took is left out."""

    def __init__(self, app: App[None], condition: Callable[[], bool]) -> None:
        self.condition, self.met_at, self.since, self.checking = condition, 0.0, 0.0, 0.0
        self.then: Callable[[], None] | None = None
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None or self.met_at or not self.since:
                return
            now = time.perf_counter()
            met = self.condition()
            self.checking += time.perf_counter() - now
            if met:
                self.met_at = now - self.checking
                if self.then is not None:
                    self.then()

        app._display = display  # type: ignore[method-assign]

    def arm(self, then: Callable[[], None] | None = None) -> None:
        self.met_at, self.since, self.checking, self.then = 0.0, time.perf_counter(), 0.0, then

    @property
    def seconds(self) -> float:
        return self.met_at - self.since if self.met_at else float("nan")


async def session(folder: Path, env: dict[str, str]) -> dict[str, float]:
    """One chair's session: open the review, D twice, PgDn, End; back, and open it again with a
    key pressed the moment it is first drawn."""
    from referent.ui.app import make_app

    with referent_environment(env):
        app = make_app(Path(env["REFERENT_DB"]), 1, settings_path=folder / "none.toml")
    app.animation_level = "none"  # PgDn and End scroll at once: the work, not an animation, is timed
    result: dict[str, float] = {}
    with as_the_command_line():
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for area in app.screen.query(TextArea):
                area.cursor_blink = False
            clock = KeyClock(app)
            await asyncio.sleep(SETTLE)  # what happens once after opening (F12's warm-up) happens first
            result["open: drawn"], result["open: quiet"] = await clock.settled("ctrl+r")
            result["open: draft's first lines"] = clock.until_shown(DRAFT_MARK)
            result["D: changes"], _ = await clock.settled("d")
            result["D: draft again"], _ = await clock.settled("d")
            draft = app.screen.query_one("#draft")  # (an older review scrolls the pane around it)
            (draft if draft.can_focus else app.screen.query_one("#review-pane")).focus()
            result["PgDn in the draft"], _ = await clock.settled("pagedown")
            result["End of the draft"], _ = await clock.settled("end")
            await clock.key("escape")

            def review_drawn() -> bool:
                return type(app.screen).__name__ == "ReviewScreen" and screen_shows(app, DRAFT_MARK)

            opened = Watch(app, review_drawn)
            moved = Watch(app, lambda: app.screen.query_one("#problems", OptionList).highlighted == 1)

            def press_down() -> None:  # the moment the review is first drawn
                moved.arm()
                clock.send("down")

            opened.arm(press_down)
            await clock.key("ctrl+r")
            result["key meanwhile"] = moved.seconds
    return result


def minutes_text(count: int, seed: int) -> str:
    """``count`` words as minutes are written: sentences of 6 to 18 words, a paragraph now and then."""
    rng = random.Random(seed)
    sentences: list[str] = []
    while sum(len(sentence.split()) for sentence in sentences) < count:
        length = rng.randint(6, 18)
        sentence = " ".join(rng.choice(WORDS) for _ in range(length))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    text = ""
    for number, sentence in enumerate(sentences):
        text += sentence + ("\n\n" if number % 6 == 5 else " ")
    return text.strip()


def corrected(text: str, every: int) -> str:
    """The chair's corrections: a word changed in every ``every``, a sentence inserted midway."""
    tokens = text.split(" ")
    for n in range(every // 2, len(tokens), every):
        tokens[n] = "ændret"
    tokens.insert(len(tokens) // 2, "Her er en ny sætning som formanden skrev ind.")
    return " ".join(tokens)


def diff_times(count: int, every: int, repeat: int) -> tuple[float, float]:
    """Seconds for the word diff of one item of ``count`` words, and for the comparison."""
    from referent.review import word_diff

    old = minutes_text(count, count)
    new = corrected(old, every)
    pattern = re.compile(r"\S+\s*")
    ours, theirs = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        word_diff(old, new)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        difflib.SequenceMatcher(a=pattern.findall(old), b=pattern.findall(new), autojunk=False).get_opcodes()
        theirs.append(time.perf_counter() - started)
        if ours[-1] + theirs[-1] > 2:  # one of them is slow enough to be read from one run
            break
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[30, 400])
    options = parser.parse_args()
    print(f"referent from {version()}", flush=True)
    goals: dict[str, float | None]
    results: dict[int, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="review-bench-") as name:
        folder = Path(name)
        envs = {items: prepare(folder, items) for items in options.sizes}
        for run in range(options.runs):
            for items in options.sizes:
                figures = asyncio.run(session(folder, envs[items]))
                for label, seconds in figures.items():
                    results.setdefault(items, {}).setdefault(label, []).append(seconds)
                summary = ", ".join(f"{label} {ms(seconds).strip()}" for label, seconds in figures.items())
                print(f"run {run + 1}, {items} items: {summary}", flush=True)
    goals = {"open: drawn": OPEN_GOAL, "open: quiet": None, "open: draft's first lines": OPEN_GOAL,
             "key meanwhile": KEY_GOAL, "D: changes": D_GOAL, "D: draft again": D_GOAL,
             "PgDn in the draft": KEY_GOAL, "End of the draft": None}  # fmt: skip
    for items, figures in results.items():
        print(f"\nThe review, {items} items ({options.runs} runs):")
        for label, values in figures.items():
            print(limit_line(label, values, goals[label]))
    for every, what in ((500, "a word in 500 changed"), (50, "a word in 50 changed")):
        print(f"\nThe word diff of one item ({what}, a sentence inserted midway):")
        for count in (500, 2000, 5000):
            ours, theirs = diff_times(count, every, 3)
            print(f"  {count:5} words: referent {ms(ours)}   difflib over \\S+\\s* {ms(theirs)}   "
                  f"ratio {ours / theirs:5.2f}   (goal ≤ {DIFF_GOAL * 1000:.0f} ms: "
                  f"{'OK' if ours <= DIFF_GOAL else 'MISSED'})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
