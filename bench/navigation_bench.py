"""Moving through the agenda: what Ctrl+↓ (next item) costs at 30, 400 and 2,000 items.

Run: ``.venv/bin/python bench/navigation_bench.py [--runs 3] [--moves 20]``; an older checkout
is measured by running this file with its interpreter (see ``benchkit``).

Measured in the app (Textual's Pilot, headless, 120×36), from the key handed to the app to the
last frame it caused (``keyclock``): the key's own work is what may grow with the agenda, and
a terminal adds the same to referent and to its comparison. referent opens a synthetic meeting
(every item with a case text, two recommendation points and 30 words of minutes) through
``make_app`` as the command line does; the comparison is the same widgets without referent in
the same run (a title line, an OptionList with a row per item, the item's header, its
recommendation, its case text in a Markdown widget, a soft-wrapping TextArea with its minutes,
a status line and a Footer), where Ctrl+↓ moves the highlight and shows the next item. Runs
are interleaved; each run opens a fresh app, lets it settle (``SETTLE``: referent makes F12
ready a second after opening, once) and makes ``--moves`` moves from item 1; medians.

Goal (issue 13): next item ≤ 1.5× the comparison at 400 and at 2,000 items.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchkit import (
    as_the_command_line,
    environment,
    import_file,
    meeting_file,
    ms,
    ratio_line,
    referent_environment,
    version,
)
from keyclock import KeyClock
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Markdown, OptionList, Static, TextArea

SIZES = (30, 400, 2000)
GOAL = 1.5
SIZE = (120, 36)
SETTLE = 1.5
"""Seconds the app is open before the first move (referent makes F12 ready a second after)."""


class Bare(App[None]):
    """The minutes screen's widgets without referent: Ctrl+↓ shows the next item."""

    CSS = """
    #agenda { width: 25%; height: 1fr; }
    #item { width: 1fr; }
    #header { height: auto; }
    #case-pane { height: 1fr; }
    #editor { height: 1fr; min-height: 10; }
    """
    BINDINGS = [Binding("ctrl+down", "next_item", "Next", priority=True)]

    def __init__(self, meeting: dict[str, Any]) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = meeting["items"]
        self.meeting_title = meeting["meeting"]["title"]
        self.current = 0

    def compose(self) -> ComposeResult:
        yield Static(self.meeting_title, id="title-bar")
        with Horizontal():
            rows = [f"· {n + 1}. {item['title']}" for n, item in enumerate(self.items)]
            yield OptionList(*rows, id="agenda")
            with Vertical(id="item"):
                yield Static(id="header")
                yield Static(id="recommendation")
                with VerticalScroll(id="case-pane"):
                    yield Markdown(id="case")
                yield TextArea(id="editor", soft_wrap=True)
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        item = self.items[self.current]
        self.query_one("#agenda", OptionList).highlighted = self.current
        self.query_one("#header", Static).update(f"{self.current + 1}. {item['title']}")
        self.query_one("#recommendation", Static).update("\n".join(item["recommendation"]))
        self.query_one("#case", Markdown).update(item["case"])
        editor = self.query_one("#editor", TextArea)
        editor.load_text(item.get("minutes", ""))
        editor.focus()
        self.query_one("#status", Static).update(f"Punkt {self.current + 1}")

    def action_next_item(self) -> None:
        if self.current < len(self.items) - 1:
            self.current += 1
            self.show()


def referent_app(folder: Path, items: int) -> App[None]:
    from referent.ui.app import make_app

    env = environment(folder, f"nav-{items}")
    with referent_environment(env):
        return make_app(Path(env["REFERENT_DB"]), 1, settings_path=folder / "none.toml")


async def moves(app: App[None], count: int) -> list[float]:
    """Open the app, make ``count`` moves to the next item; each move's seconds."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for area in app.screen.query(TextArea):
            area.cursor_blink = False  # a blinking cursor paints twice a second
        clock = KeyClock(app)
        await asyncio.sleep(SETTLE)  # what happens once after opening (F12's warm-up) happens first
        return [await clock.key("ctrl+down") for _ in range(count)]


def main() -> None:
    import tomllib

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    options = parser.parse_args()
    print(f"referent from {version()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="navigation-bench-") as name:
        folder = Path(name)
        files = {}
        for items in options.sizes:
            path = meeting_file(folder, items, minutes_words=30)
            env = environment(folder, f"nav-{items}")
            import_file(path, env)
            shutil.copyfile(env["REFERENT_DB"], folder / f"nav-{items}.imported")
            files[items] = tomllib.loads(path.read_text(encoding="utf-8"))
        results: dict[tuple[str, int], list[float]] = {}
        for run in range(options.runs):  # interleaved: a busy moment of the machine falls on both
            for items in options.sizes:
                for who in ("referent", "bare"):
                    if who == "referent":  # from the draft as imported (a run leaves it at item 21)
                        shutil.copyfile(folder / f"nav-{items}.imported", folder / f"nav-{items}.db")
                        with as_the_command_line():
                            times = asyncio.run(moves(referent_app(folder, items), options.moves))
                    else:
                        times = asyncio.run(moves(Bare(files[items]), options.moves))
                    results.setdefault((who, items), []).extend(times)
                    print(f"run {run + 1} {who:8} {items:5} items: median {ms(statistics.median(times))}",
                          flush=True)  # fmt: skip
    print(f"\nNext item (Ctrl+↓), {options.moves} moves × {options.runs} runs, medians:")
    for items in options.sizes:
        print(ratio_line(f"{items} items", results[("referent", items)], results[("bare", items)], GOAL,
                         "same widgets"))  # fmt: skip
    if len(options.sizes) > 1:
        small, large = min(options.sizes), max(options.sizes)
        medians = {items: statistics.median(results[("referent", items)]) for items in (small, large)}
        growth = medians[large] / medians[small]
        print(f"  referent {large} items / {small} items: {growth:.2f}")


if __name__ == "__main__":
    sys.exit(main())
