"""How long ``referent export`` takes as a whole process, against pandoc on the same meeting.

For the largest sample minutes and synthetic meetings of 100, 200 and 400 items, each run
times ``referent export MEETING.toml --out X.docx`` — the meeting file's draft, imported
before, exported from the database, as the secretary exports after the meeting — and
``pandoc X.md -o Y.docx`` (the same meeting's Markdown export), interleaved, and prints the
medians, the ratio (goals, issue 13: at most 2.0 on the sample, 0.5 at 400 items) and whether
the time grows linearly with the number of items.

    .venv/bin/python bench/export_bench.py [--runs 7]
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from benchkit import REFERENT, compiled  # noqa: E402

from referent.export import export_meeting, style_spec  # noqa: E402
from referent.meetingfile.reader import load_meeting  # noqa: E402
from referent.meetingfile.writer import dump_meeting  # noqa: E402
from referent.model import Meeting  # noqa: E402

MINUTES = ROOT / "tests" / "fixtures" / "minutes"


def sample(path: Path) -> Meeting:
    """A sample's meeting, its own style file (beside the fixtures) named by its full path."""
    meeting = load_meeting(path)
    meeting.style = style_spec(meeting, base_dir=path.parent) if meeting.style else ""
    return meeting


def synthetic(size: int) -> Meeting:
    """A meeting of ``size`` items, cycling through the items of all sample minutes."""
    samples = [sample(path) for path in sorted(MINUTES.glob("*.toml"))]
    pool = [item for meeting in samples for item in meeting.items]
    meeting = copy.deepcopy(samples[0])
    meeting.items = [copy.deepcopy(pool[i % len(pool)]) for i in range(size)]
    for item in meeting.items:
        item.start = item.end = None  # times would not be in order
    return meeting


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def measure(name: str, meeting: Meeting, folder: Path, runs: int) -> tuple[float, float]:
    """Median seconds of (referent export, pandoc) for one meeting."""
    source = folder / f"{name}.toml"
    source.write_text(dump_meeting(meeting), encoding="utf-8")
    markdown = folder / f"{name}.md"
    export_meeting(meeting, markdown, format="md")
    ours_cmd = [
        REFERENT,
        "export",
        str(source),
        "--out",
        str(folder / f"{name}.docx"),
    ]
    pandoc_cmd = ["pandoc", str(markdown), "-o", str(folder / f"{name}-pandoc.docx")]
    # the secretary's own database is never touched; one exists, as it does for her
    own = {"REFERENT_DB": str(folder / "referent.db"), "REFERENT_CONFIG": str(folder / "none")}
    env = compiled({**os.environ, **own}, folder)
    # exported as the secretary does after the meeting: the file's draft, from the database
    subprocess.run([REFERENT, "import", str(source)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    timed(ours_cmd, env), timed(pandoc_cmd)  # warm the file cache and the bytecode cache
    ours, pandoc = [], []
    for _ in range(runs):
        ours.append(timed(ours_cmd, env))
        pandoc.append(timed(pandoc_cmd))
    return statistics.median(ours), statistics.median(pandoc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (Debian: apt-get install pandoc)")
        return 1
    largest = max(MINUTES.glob("*.toml"), key=lambda p: p.stat().st_size)
    cases = [(largest.stem, sample(largest))] + [(f"{n} items", synthetic(n)) for n in (100, 200, 400)]
    print(f"{'meeting':<45} {'referent':>9} {'pandoc':>9} {'ratio':>6}")
    results: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, meeting in cases:
            ours, pandoc = measure(name.replace(" ", "-"), meeting, Path(tmp), args.runs)
            results[name] = (ours, pandoc)
            print(f"{name:<45} {ours:>8.3f}s {pandoc:>8.3f}s {ours / pandoc:>6.2f}")
    t100, t200, t400 = (results[f"{n} items"][0] for n in (100, 200, 400))
    per_item_low, per_item_high = (t200 - t100) / 100, (t400 - t200) / 200
    linear = per_item_high <= 1.5 * per_item_low
    print(
        f"growth: {per_item_low * 1000:.2f} ms/item from 100 to 200 items, "
        f"{per_item_high * 1000:.2f} ms/item from 200 to 400: {'linear' if linear else 'NOT linear'}"
    )
    sample_ratio = results[largest.stem][0] / results[largest.stem][1]
    big_ratio = results["400 items"][0] / results["400 items"][1]
    verdicts = ("OK" if sample_ratio <= 2.0 else "MISSED", "OK" if big_ratio <= 0.5 else "MISSED")
    print(
        f"ratio referent/pandoc: sample {sample_ratio:.2f} (goal ≤ 2.0: {verdicts[0]}), "
        f"400 items {big_ratio:.2f} (goal ≤ 0.5: {verdicts[1]})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
