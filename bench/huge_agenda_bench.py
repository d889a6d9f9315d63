"""A huge Word agenda opened in the app: seconds and peak memory, whole process (issue 20, item 9).

Makes Word agendas of 10 items with ``--paragraphs`` paragraphs between them (and one of as many
items with five paragraphs each), then measures for each, whole process and fresh each run:

- ``referent check FILE``: the Word reader alone;
- ``referent open FILE`` in the headless driver, Ctrl+Q pressed at once: reading, importing,
  the correction screen and the first frame, until the app has ended (the goal: 2 s at 10,000).

Run it with another checkout's interpreter to measure that checkout. Peak memory is the
child's own peak resident size (``VmHWM``, read inside it as it ends): the ``ru_maxrss`` that
``wait4`` gives carries over the peak of the process that started it, here this script with the
agenda it built.
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

from benchkit import REFERENT, compiled, version

GOAL_SECONDS = 2.0
SENTENCE = "det indstilles at bestyrelsen godkender handleplanen og drøfter indsatserne med forbehold"


def agenda(path: Path, paragraphs: int, items: int) -> Path:
    """A Word agenda: a title with the date, then ``items`` numbered headings with the
    paragraphs shared out between them."""
    from docx import Document

    document = Document()
    document.add_heading("Dagsorden til bestyrelsesmøde 12. marts 2025", 0)
    for number in range(1, items + 1):
        document.add_heading(f"{number}. Punkt nummer {number}", 1)
        for paragraph in range(paragraphs // items):
            document.add_paragraph(f"Afsnit {paragraph} i punkt {number}: {SENTENCE}.")
    document.save(str(path))
    return path


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak megabytes of one run of ``referent`` with ``command``'s arguments."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak_file:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("peak_memory.py")), peak_file.name, *command[1:]],
            env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        status = child.wait()
        seconds = time.perf_counter() - started
        if status not in (0, 1):
            raise RuntimeError(f"{command} ended with {status}")
        return seconds, int(Path(peak_file.name).read_text(encoding="ascii")) / 1024


def measure(path: Path, folder: Path, runs: int) -> None:
    env = compiled({**os.environ, "REFERENT_CONFIG": str(folder / "none.toml"), "LANG": "C.UTF-8"}, folder)
    headless = {
        **env,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "TEXTUAL_PRESS": "ctrl+q",
    }
    for label, command, environment in (
        ("check", [REFERENT, "check", str(path)], env),
        ("open, headless, Ctrl+Q", [REFERENT, "open", str(path)], headless),
    ):
        results = []
        for run_number in range(runs + 1):  # the first run fills the bytecode cache: not counted
            database = folder / f"run-{label[:4]}-{run_number}.db"
            seconds, megabytes = run(command, {**environment, "REFERENT_DB": str(database)})
            if run_number:
                results.append((seconds, megabytes))
        median = statistics.median(seconds for seconds, _ in results)
        peak = max(megabytes for _, megabytes in results)
        goal = f"  (goal {GOAL_SECONDS:.0f} s at 10,000 paragraphs)" if label.startswith("open") else ""
        print(f"  {label:26} {median:7.2f} s   peak {peak:6.0f} MB{goal}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"referent {version()}, Python {sys.version.split()[0]}; medians of {args.runs} runs")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for items in (10, args.paragraphs // 5):
            path = agenda(folder / f"agenda-{items}.docx", args.paragraphs, items)
            print(f"{args.paragraphs} paragraphs in {items} items ({path.stat().st_size // 1024} KB):")
            measure(path, folder, args.runs)


if __name__ == "__main__":
    main()
