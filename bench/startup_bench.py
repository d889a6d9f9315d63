"""Start-up as the secretary waits for it: ``referent open FILE`` to its first frame.

Run: ``.venv/bin/python bench/startup_bench.py [--runs N]``; an older checkout is measured by
running this file with its interpreter (see ``benchkit``).

Measured through the command the user runs (``referent open FILE``, resuming a
draft that was imported before), against a bare Textual app of the same shape in the same
run (a Header, an OptionList with a row per item, a TextArea, a Footer), runs interleaved:

* headless: the whole process with Textual's headless driver, quitting with Ctrl+Q as soon
  as the app is ready (``TEXTUAL_DRIVER``, ``TEXTUAL_PRESS``: Textual's own switches), so
  quitting is in it too;
* in a real terminal: a pseudo-terminal read by a terminal emulator (pyte), from the start
  of the process until the meeting's title and the agenda's rows are visible on the screen
  (looked for every millisecond);
* the first key: in the same terminal, a letter typed the moment they are visible, until
  it shows in the text area (is the app still busy with its start when the user starts?).

Both run with compiled bytecode, as an installed package does (pip compiles it on install; a
checkout run with ``PYTHONDONTWRITEBYTECODE`` would compile referent from source every
time, which Textual, installed, never does): a cache folder of the run's own, filled by one
run of each before the measured ones. Each referent run starts from a copy of the same
database, so a letter typed in one run is not in the next.

Goals (issue 13): headless ≤ 1.3×, in a real terminal ≤ 1.5× the bare app, for the
largest sample and a 400-item meeting.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from benchkit import LARGEST_SAMPLE, REFERENT, ROOT, compiled, import_file, meeting_file, ratio_line, version

sys.path.insert(0, str(ROOT / "tests"))  # the pseudo-terminal the tests use

BARE = """
import sys
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList, TextArea

TITLE, COUNT = sys.argv[1], int(sys.argv[2])

class Bare(App[None]):
    TITLE = TITLE
    AUTO_FOCUS = "TextArea"  # as referent's editor: a letter typed goes into it
    CSS = "OptionList { height: 1fr; } TextArea { height: 1fr; }"  # the text area shows its text

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*[f"{n}. Punkt nummer {n}" for n in range(1, COUNT + 1)])
        yield TextArea("")
        yield Footer()

Bare().run()
"""
GOALS = {"headless": 1.3, "terminal": 1.5}
LETTER = "Q"  # in no title, no case text and no key hint


def headless(command: list[str], env: dict[str, str]) -> float:
    environment = {
        **env,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "TEXTUAL_PRESS": "ctrl+q",
    }
    started = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def in_terminal(command: list[str], env: dict[str, str], visible: tuple[str, ...]) -> tuple[float, float]:
    """Seconds until every text in ``visible`` is on screen (looked for every millisecond);
    then from a letter typed until it is shown."""
    from terminal import CTRL_Q, Terminal

    started = time.perf_counter()
    with Terminal(command, size=(100, 30), env=env) as term:
        while not all(text in term.text() for text in visible):
            if time.perf_counter() - started > 120:
                raise RuntimeError(f"{visible} never all showed:\n{term.text()}")
            time.sleep(0.001)
        seen = time.perf_counter() - started
        before = term.text().count(LETTER)
        typed = time.perf_counter()
        term.send(LETTER)
        while term.text().count(LETTER) <= before:
            if time.perf_counter() - typed > 30:
                raise RuntimeError(f"the letter never showed:\n{term.text()}")
            time.sleep(0.001)
        answered = time.perf_counter() - typed
        term.send(CTRL_Q)
        term.wait(timeout=30)
    return seen, answered


def measure(meeting_path: Path, runs: int, folder: Path) -> None:
    data = tomllib.loads(meeting_path.read_text(encoding="utf-8"))
    title, items = data["meeting"]["title"], len(data["items"])
    pristine = folder / f"{meeting_path.stem}.db"
    database = folder / f"{meeting_path.stem}-run.db"
    env = compiled({**os.environ, "REFERENT_DB": str(pristine), "REFERENT_CONFIG": str(folder / "none.toml"),
                    "LANG": "C.UTF-8"}, folder)  # fmt: skip
    import_file(meeting_path, env)
    env["REFERENT_DB"] = str(database)
    bare_script = folder / "bare.py"
    bare_script.write_text(BARE, encoding="utf-8")
    ours = [REFERENT, "open", str(meeting_path)]
    bare = [sys.executable, str(bare_script), title, str(items)]
    # the frame is there when the title and the agenda are: its second row (the first item's
    # title is also in the item's own pane)
    ours_visible = (title[:30], f"2. {data['items'][1]['title'][:10]}")
    bare_visible = (title[:30], "2. Punkt nummer 2")

    def fresh() -> None:  # the same draft in every run
        for suffix in ("", "-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        shutil.copyfile(pristine, database)

    fresh()
    headless(ours, env), headless(bare, env)  # fill the bytecode cache (not measured)
    results: dict[str, list[float]] = {}
    for _ in range(runs):  # interleaved, so a busy moment of the machine falls on both
        for who, command, visible in (("referent", ours, ours_visible), ("bare", bare, bare_visible)):
            fresh()
            results.setdefault(f"{who} headless", []).append(headless(command, env))
            fresh()
            seen, answered = in_terminal(command, env, visible)
            results.setdefault(f"{who} terminal", []).append(seen)
            results.setdefault(f"{who} first key", []).append(answered)
    print(f"{meeting_path.name} ({items} items), medians of {runs} interleaved runs:")
    for where in ("headless", "terminal"):
        print(ratio_line(where, results[f"referent {where}"], results[f"bare {where}"], GOALS[where], "bare"))
    mine = statistics.median(results["referent first key"])
    floor = statistics.median(results["bare first key"])
    print(f"  {'first key (no goal)':28} referent {mine * 1000:7.1f} ms   bare {floor * 1000:7.1f} ms   "
          f"ratio {mine / floor:5.2f}", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"referent from {version()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as name:
        folder = Path(name)
        for meeting_path in (LARGEST_SAMPLE, meeting_file(folder, 400)):
            measure(meeting_path, args.runs, folder)


if __name__ == "__main__":
    main()
