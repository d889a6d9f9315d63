"""The chair's first review (Ctrl+R) of a meeting with real minutes, at 400 and 2,000 items, and a
key pressed as it appears; then D, paging, and the word diff.

Run: ``.venv/bin/python bench/review_bench.py [--runs 3] [--sizes 400 2000]``; an older checkout
is measured by running this file with its interpreter (see ``benchkit``).

The meeting: the minutes of the three real meetings in ``tests/fixtures/minutes`` (their case
texts, recommendations and minutes as the councils wrote them), their items repeated to 400 and
2,000 (``benchkit.real_minutes_file``), put in a database with ``referent import``; the review
has never been begun. Each figure comes from a process of its own, as the chair meets it: the
meeting opened through ``make_app`` as the command line opens it (bytecode cached, as an
installed package has it), on a fresh copy of that database, left for ``SETTLE`` seconds (F12's
warm-up happens first), then:

* first Ctrl+R: from the key handed to the app (``keyclock``) until the first frame that shows
  what the screen shows in the end ("drawn": the problems and the draft's first screen), until
  the draft's first lines, and until the app falls quiet (parts drawn ahead); this is the review's
  first opening, which imports its screen, remembers every item's text and renders the draft;
* a key meanwhile (another process): ↓ in the problem list pressed the moment the first Ctrl+R
  first shows the draft's ``Referat``, until the frame that shows the highlight moved;
* then D (the changes) and D again, PgDn and End in the draft, and Ctrl+R a second time.

The comparison, in the same run and measured the same way, is Textual's floor for the same
first frame: a bare Textual app whose Ctrl+R pushes a screen with an OptionList of the same
problems beside a Markdown widget holding the draft's first parts (the parts referent draws
first), at the same size. It is what any Textual screen showing that picture costs; what
referent adds above it is its own work (remembering the texts, rendering the whole draft,
finding the problems, the parts beyond the first screen). The screen referent's review
replaced, one Markdown widget for the whole draft, takes half a minute at 400 items: no
comparison at all.

The word diff is timed on its own for one item of 500, 2,000 and 5,000 words against the same
diff over words that keep the white space after them (``difflib`` over ``\\S+\\s*``).

Goals (issue 19): the first Ctrl+R at 400 items ≤ 0.3 s ("drawn"), a key meanwhile answered
within 50 ms; at 2,000 items, looked at (no goal). Issue 13: D ≤ 0.2 s; the word diff linear.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchkit import (
    WORDS,
    as_the_command_line,
    compiled,
    environment,
    import_file,
    limit_line,
    ms,
    real_minutes_file,
    referent_environment,
    version,
)

SIZE = (120, 36)
SETTLE = 1.5
"""Seconds the minutes screen is open before Ctrl+R (referent makes F12 ready a second after)."""
OPEN_GOAL, KEY_GOAL, D_GOAL, DIFF_GOAL = 0.3, 0.05, 0.2, 0.3
DRAFT_MARK = "Referat"
FIRST_PARTS = 3
"""Parts of the draft the comparison shows: the header and the first items, as many as the
review draws for its first screen at 120×36 on these meetings (and a little more)."""


def prepare(folder: Path, items: int) -> Path:
    """The database of a draft of ``items`` items with real minutes, never reviewed."""
    env = environment(folder, f"real-{items}")
    import_file(real_minutes_file(folder, items), env)
    return Path(env["REFERENT_DB"])


def fresh_copy(database: Path, folder: Path, name: str) -> Path:
    """A copy of ``database`` made with SQLite's backup (whole, whatever its journal holds)."""
    target = folder / f"{name}.db"
    for stale in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        stale.unlink(missing_ok=True)
    source, copy = sqlite3.connect(database), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return target


# --- inside one measured process ---------------------------------------------------------------


def screen_shows(app: Any, text: str) -> bool:
    return any(text in strip.text for strip in app.screen._compositor.render_strips())


class Watch:
    """Stamps the first frame after ``arm`` at which ``condition()`` holds; the time the
    checks themselves took is left out."""

    def __init__(self, app: Any, condition: Callable[[], bool]) -> None:
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

        app._display = display

    def arm(self, then: Callable[[], None] | None = None) -> None:
        self.met_at, self.since, self.checking, self.then = 0.0, time.perf_counter(), 0.0, then

    @property
    def seconds(self) -> float:
        return self.met_at - self.since if self.met_at else float("nan")


def referent_app(database: Path, folder: Path) -> Any:
    from referent.ui.app import make_app

    with referent_environment({"REFERENT_DB": str(database), "REFERENT_CONFIG": str(folder / "none.toml")}):
        return make_app(database, 1, settings_path=folder / "none.toml")


def comparison_app(database: Path) -> Any:
    """A bare Textual app: a TextArea with item 1's minutes; Ctrl+R pushes a screen with the
    problems in an OptionList beside the draft's first parts as text in a Static, ↓ moves in the
    problems, Esc goes back."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Footer, Label, OptionList, Static, TextArea

    from referent.export import render
    from referent.review import find_problems
    from referent.store import Store

    store = Store.open(database)
    try:
        meeting = store.load_meeting(1)
    finally:
        store.close()
    markdown = render(meeting, format="md")[0].decode("utf-8")
    first = "## ".join(re.split(r"^## ", markdown, flags=re.MULTILINE)[:FIRST_PARTS])
    problems = [f"{problem.kind.name} {problem.item} {problem.detail}" for problem in find_problems(meeting)]

    class Review(Screen[None]):
        BINDINGS = [Binding("escape,ctrl+r", "app.pop_screen", "Back")]

        def compose(self) -> ComposeResult:
            yield Static(f" Review · {meeting.title}")
            with Horizontal():
                with Vertical(id="side"):
                    yield Label(f"Problems: {len(problems)}")
                    yield OptionList(*problems, id="problems")
                with VerticalScroll():
                    yield Static(first, markup=False)
            yield Footer()

        def on_mount(self) -> None:
            self.query_one(OptionList).focus()

    class Comparison(App[None]):
        CSS = "#side { width: 40%; } #problems { height: 1fr; }"
        BINDINGS = [Binding("ctrl+r", "review", "Review", priority=True)]

        def compose(self) -> ComposeResult:
            yield Static(meeting.title)
            yield TextArea(meeting.items[0].minutes, soft_wrap=True)
            yield Footer()

        def action_review(self) -> None:
            self.push_screen(Review())

    return Comparison()


async def session(which: str, database: Path, folder: Path, key_meanwhile: bool) -> dict[str, float]:
    """One process's figures: the first Ctrl+R and what follows it, or a key pressed meanwhile."""
    from keyclock import KeyClock
    from textual.widgets import OptionList, TextArea

    app = comparison_app(database) if which == "comparison" else referent_app(database, folder)
    app.animation_level = "none"  # PgDn and End scroll at once: the work, not an animation, is timed
    result: dict[str, float] = {}
    with as_the_command_line():
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for area in app.screen.query(TextArea):
                area.cursor_blink = False
            clock = KeyClock(app)
            await asyncio.sleep(SETTLE)  # what happens once after opening (F12's warm-up) happens first
            await clock.quiet()
            if key_meanwhile:

                def review_drawn() -> bool:
                    return app.screen is not app.screen_stack[0] and screen_shows(app, DRAFT_MARK)

                opened = Watch(app, review_drawn)
                moved = Watch(app, lambda: app.screen.query_one("#problems", OptionList).highlighted == 1)

                def press_down() -> None:  # the moment the review is first drawn
                    moved.arm()
                    clock.send("down")

                opened.arm(press_down)
                await clock.key("ctrl+r")
                result["key meanwhile"] = moved.seconds
                return result
            drawn, quiet = await clock.settled("ctrl+r", shows=DRAFT_MARK)
            result["first Ctrl+R: drawn"], result["first Ctrl+R: quiet"] = drawn, quiet
            result["first Ctrl+R: draft's first lines"] = clock.until_shown(DRAFT_MARK)
            if which == "comparison":
                await clock.key("escape")
                result["Ctrl+R again: drawn"], _ = await clock.settled("ctrl+r", shows=DRAFT_MARK)
                return result
            result["D: changes"], _ = await clock.settled("d")
            result["D: draft again"], _ = await clock.settled("d")
            app.screen.query_one("#draft").focus()
            result["PgDn in the draft"], _ = await clock.settled("pagedown")
            result["End of the draft"], _ = await clock.settled("end")
            await clock.key("escape")
            result["Ctrl+R again: drawn"], _ = await clock.settled("ctrl+r", shows=DRAFT_MARK)
    return result


def run_session(which: str, database: Path, folder: Path, key_meanwhile: bool) -> dict[str, float]:
    """``session`` in a process of its own (the review's first opening is a process's first)."""
    env = compiled({**os.environ, "REFERENT_DB": str(database), "REFERENT_CONFIG": str(folder / "none.toml")},
                   folder)  # fmt: skip
    command = [sys.executable, __file__, "--session", which, str(database), str(folder)]
    if key_meanwhile:
        command.append("--key-meanwhile")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{which} session failed:\n{done.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


# --- the word diff ---------------------------------------------------------------------------


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


GOALS: dict[str, float | None] = {
    "first Ctrl+R: drawn": OPEN_GOAL, "first Ctrl+R: draft's first lines": OPEN_GOAL,
    "first Ctrl+R: quiet": None, "key meanwhile": KEY_GOAL, "D: changes": D_GOAL,
    "D: draft again": D_GOAL, "PgDn in the draft": KEY_GOAL, "End of the draft": None,
    "Ctrl+R again: drawn": OPEN_GOAL,
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[400, 2000])
    parser.add_argument("--session", nargs=3, metavar=("WHICH", "DATABASE", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--key-meanwhile", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.session:
        which, database, folder = options.session
        figures = asyncio.run(session(which, Path(database), Path(folder), options.key_meanwhile))
        print(json.dumps(figures))
        return
    print(f"referent from {version()}", flush=True)
    results: dict[tuple[int, str], dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="review-bench-") as name:
        folder = Path(name)
        databases = {items: prepare(folder, items) for items in options.sizes}
        for items in options.sizes:  # once, unmeasured: fills the bytecode cache
            run_session("referent", fresh_copy(databases[items], folder, "warm"), folder, False)
            run_session("comparison", fresh_copy(databases[items], folder, "warm"), folder, False)
        for run in range(options.runs):
            for items in options.sizes:
                for which in ("referent", "comparison"):
                    figures = {}
                    for meanwhile in (False, True):
                        copy = fresh_copy(databases[items], folder, f"{which}-{items}")
                        figures.update(run_session(which, copy, folder, meanwhile))
                    for label, seconds in figures.items():
                        results.setdefault((items, which), {}).setdefault(label, []).append(seconds)
                    summary = ", ".join(f"{label} {ms(value).strip()}" for label, value in figures.items())
                    print(f"run {run + 1}, {items} items, {which}: {summary}", flush=True)
    for items in options.sizes:
        ours, floor = results[(items, "referent")], results[(items, "comparison")]
        print(f"\nThe first review, {items} items ({options.runs} runs; comparison: Textual's floor for the "
              f"same first frame):")  # fmt: skip
        for label, values in ours.items():
            goal = GOALS[label] if items <= 400 else None  # 2,000 items: looked at
            line = limit_line(label, values, goal)
            if label in floor:
                mine, theirs = statistics.median(values), statistics.median(floor[label])
                line += f"   comparison {ms(theirs)}   ratio {mine / theirs:5.2f}"
            print(line)
    for every, what in ((500, "a word in 500 changed"), (50, "a word in 50 changed")):
        print(f"\nThe word diff of one item ({what}, a sentence inserted midway):")
        for count in (500, 2000, 5000):
            ours_diff, theirs_diff = diff_times(count, every, 3)
            print(f"  {count:5} words: referent {ms(ours_diff)}   difflib over \\S+\\s* {ms(theirs_diff)}   "
                  f"ratio {ours_diff / theirs_diff:5.2f}   (goal ≤ {DIFF_GOAL * 1000:.0f} ms: "
                  f"{'OK' if ours_diff <= DIFF_GOAL else 'MISSED'})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
