"""Start-up as the secretary waits for it: ``referent open FILE`` to its first frame.

Run: ``.venv/bin/python bench/startup_bench.py [--runs N]``.

Measured through the command the user runs (``python -m referent open FILE``, resuming a
draft that was imported before), against a bare Textual app of the same shape in the same
run (Header, an OptionList with a row per item, a TextArea, a Footer), runs interleaved:

* headless: the whole process with Textual's headless driver, quitting with Ctrl+Q as soon
  as the app is ready (``TEXTUAL_DRIVER``, ``TEXTUAL_PRESS``: Textual's own switches);
* in a real terminal: a pseudo-terminal read by a terminal emulator (pyte), from the start
  of the process until the meeting's title is visible on the screen.

Goals (issue 13): headless ≤ 1.3×, in a real terminal ≤ 1.5× the bare app, for the
largest sample and a 400-item meeting.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the pseudo-terminal the tests use

BARE = '''
import sys
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList, TextArea

TITLE, COUNT = sys.argv[1], int(sys.argv[2])

class Bare(App[None]):
    TITLE = TITLE

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*[f"{n}. Punkt nummer {n}" for n in range(1, COUNT + 1)])
        yield TextArea("")
        yield Footer()

Bare().run()
'''


def largest_sample() -> Path:
    return max((ROOT / "sample_agendas").glob("*.toml"), key=lambda p: p.stat().st_size)


def synthetic(folder: Path, items: int) -> Path:
    from datetime import date

    from referent.meetingfile.writer import dump_meeting
    from referent.model import Item, Meeting, Participant, Recommendation

    words = "sundhedsklynge handleplan indsats drøftelse godkendelse kommune region borger".split()
    meeting = Meeting(
        title=f"Syntetisk dagsorden med {items} punkter",
        date=date(2023, 3, 13),
        body="Politisk Niveau",
        participants=[Participant(f"Deltager {n}", "direktør", group="Direktørforum:") for n in range(30)],
        items=[
            Item(
                title=f"Punkt {n}: {' '.join(words[(n + k) % len(words)] for k in range(5))}",
                case="\n\n".join(" ".join(words) * 4 for _ in range(3)),
                recommendation=Recommendation(points=[" ".join(words)]),
            )
            for n in range(items)
        ],
    )
    path = folder / f"syntetisk-{items}.toml"
    path.write_text(dump_meeting(meeting), encoding="utf-8")
    return path


def headless(command: list[str], env: dict[str, str]) -> float:
    environment = {
        **env,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "TEXTUAL_PRESS": "ctrl+q",
    }
    started = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def in_terminal(command: list[str], env: dict[str, str], visible: str) -> float:
    from terminal import CTRL_Q, Terminal

    started = time.perf_counter()
    with Terminal(command, size=(100, 30), env=env) as term:
        term.wait_for(visible, timeout=120)
        seen = time.perf_counter() - started
        term.send(CTRL_Q)
        term.wait(timeout=30)
    return seen


def measure(meeting_file: Path, runs: int, folder: Path) -> None:
    from referent.meetingfile.reader import load_meeting

    meeting = load_meeting(meeting_file)
    database = folder / f"{meeting_file.stem}.db"
    env = {**os.environ, "REFERENT_DB": str(database), "REFERENT_CONFIG": str(folder / "none.toml"),
           "PYTHONPYCACHEPREFIX": str(folder / "pycache")}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "referent", "import", str(meeting_file)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    bare_script = folder / "bare.py"
    bare_script.write_text(BARE, encoding="utf-8")
    ours = [sys.executable, "-m", "referent", "open", str(meeting_file)]
    bare = [sys.executable, str(bare_script), meeting.title, str(len(meeting.items))]
    visible = meeting.title[:30]
    results: dict[str, list[float]] = {"ours headless": [], "bare headless": [], "ours terminal": [],
                                       "bare terminal": []}  # fmt: skip
    for _ in range(runs):  # interleaved, so a busy moment of the machine falls on both
        results["ours headless"].append(headless(ours, env))
        results["bare headless"].append(headless(bare, env))
        results["ours terminal"].append(in_terminal(ours, env, visible))
        results["bare terminal"].append(in_terminal(bare, env, visible))
    print(f"{meeting_file.name} ({len(meeting.items)} items), medians of {runs} interleaved runs:")
    for where, goal in (("headless", 1.3), ("terminal", 1.5)):
        mine, floor = statistics.median(results[f"ours {where}"]), statistics.median(results[f"bare {where}"])
        verdict = "OK" if mine / floor <= goal else "MISSED"
        print(f"  {where:9} referent {mine * 1000:6.0f} ms   bare Textual {floor * 1000:6.0f} ms   "
              f"ratio {mine / floor:.2f}  (goal ≤ {goal}: {verdict})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for meeting_file in (largest_sample(), synthetic(folder, 400)):
            measure(meeting_file, args.runs, folder)


if __name__ == "__main__":
    main()
