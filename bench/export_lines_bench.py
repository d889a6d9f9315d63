"""Export time of one paragraph of 1,000, 4,000 and 16,000 lines: it must grow linearly.

Issue 12 found the export quadratic in the lines of one paragraph (4,000 lines 3.9 s,
8,000 lines 14.5 s): ``_merge`` in export/blocks.py added each line to the growing text.
For each size this times ``render`` in process (the fastest of a few runs) and prints the
cost per line: at 16,000 lines it should stay within 1.5 times that at 1,000. As a
comparison measured alike, the same lines are exported as separate paragraphs too. The
whole process (``referent export FILE --out X.docx``) starts Python first, so for it the
cost per *added* line from 1,000 to 4,000 is compared with that from 4,000 to 16,000.
Before the fix the in-process cost per line at 16,000 lines was about twice that at 1,000.

    .venv/bin/python bench/export_lines_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from benchkit import REFERENT  # noqa: E402

from referent.export import render  # noqa: E402
from referent.meetingfile.writer import dump_meeting  # noqa: E402
from referent.model import Item, Meeting  # noqa: E402

SIZES = (1_000, 4_000, 16_000)


def lines(count: int) -> list[str]:
    """Lines of about 300 characters, as pasted from a document: long enough for a cost
    that grows with the paragraph's length to show."""
    words = "formanden bemærkede, at sagen om budgettet skal drøftes igen i udvalget "
    return [f"Linje {n}: {words * 4}" for n in range(count)]


def meeting(count: int, separator: str) -> Meeting:
    text = separator.join(lines(count))
    return Meeting(title="Møde", date=date(2023, 3, 13), items=[Item(title="Punkt", minutes=text)])


def whole_process(source: Path, out: Path, runs: int) -> float:
    """The fastest of ``runs``: the least disturbed by whatever else the machine is doing."""
    command = [REFERENT, "export", str(source), "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def in_process(subject: Meeting, runs: int) -> float:
    render(subject, format="docx")  # python-docx imported, the style read: not part of the cost
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render(subject, format="docx")
        times.append(time.perf_counter() - start)
    return min(times)


def verdict(ratio: float) -> str:
    return f"{ratio:.2f} ({'linear' if ratio <= 1.5 else 'NOT linear'}; target at most 1.5)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    process: dict[int, float] = {}
    inside: dict[int, float] = {}
    apart: dict[int, float] = {}
    heading = (("lines", 7), ("whole process", 14), ("in process", 11), ("µs/line", 8))
    heading += (("as paragraphs", 14), ("µs/line", 8))
    print(" ".join(f"{name:>{width}}" for name, width in heading))
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            source = Path(tmp) / f"lines-{size}.toml"
            source.write_text(dump_meeting(meeting(size, "\n")), encoding="utf-8")
            process[size] = whole_process(source, Path(tmp) / f"lines-{size}.docx", args.runs)
            inside[size] = in_process(meeting(size, "\n"), args.runs)
            apart[size] = in_process(meeting(size, "\n\n"), args.runs)
            print(
                f"{size:>7} {process[size]:>13.3f}s {inside[size]:>10.3f}s {inside[size] / size * 1e6:>8.1f} "
                f"{apart[size]:>13.3f}s {apart[size] / size * 1e6:>8.1f}"
            )
    small, middle, large = SIZES
    print(
        f"in process, one paragraph: µs/line at {large:,} / at {small:,} = "
        + verdict((inside[large] / large) / (inside[small] / small))
    )
    print(
        f"in process, as paragraphs (comparison): µs/line at {large:,} / at {small:,} = "
        + verdict((apart[large] / large) / (apart[small] / small))
    )
    # a whole process starts Python and imports first: compare the cost of the added lines
    low = (process[middle] - process[small]) / (middle - small)
    high = (process[large] - process[middle]) / (large - middle)
    print(
        f"whole process: {low * 1e6:.1f} µs per added line from {small:,} to {middle:,}, "
        f"{high * 1e6:.1f} from {middle:,} to {large:,}: ratio " + verdict(high / low)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
