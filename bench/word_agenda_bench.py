"""How long reading a 40-page, 30-item Word agenda takes as a whole process.

Run: ``.venv/bin/python bench/word_agenda_bench.py [--runs 9]``. The agenda is made from
the items of every sample agenda and sample minutes (case texts with lists and tables,
recommendations, attachments), exported by referent in the default house style; the page
count is LibreOffice's when it is installed, else estimated. Each run times, interleaved:

- ``read_source``: ``python -c`` importing ``referent.importing`` and reading the agenda;
- ``bare``: ``python -c "import docx; docx.Document(path)"``, the floor any reader stands on.

It prints the medians, the difference (what the reader itself costs) and the ratio.
Target: ``read_source`` under 0.5 s whole process.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from benchkit import compiled  # noqa: E402

from referent.export import render  # noqa: E402
from referent.export.filters import agenda_meeting  # noqa: E402
from referent.meetingfile.reader import load_meeting  # noqa: E402
from referent.model import Meeting  # noqa: E402

SOURCES = [
    *sorted((ROOT / "sample_agendas").glob("*.toml")),
    *sorted((ROOT / "tests/fixtures/minutes").glob("*.toml")),
]
TARGET = 0.5
ITEMS = 30
WORDS_PER_PAGE = 450  # Arial 10.5 pt on A4 with the house margins, lists and headings included


def agenda(items: int = ITEMS, pages: int = 40) -> Meeting:
    """A 30-item agenda of about ``pages`` pages: the samples' items in turn, their case texts
    written out as often as it takes."""
    samples = [agenda_meeting(load_meeting(path)) for path in SOURCES]
    pool = [item for meeting in samples for item in meeting.items if item.case.strip()]
    meeting = copy.deepcopy(next(m for m in samples if m.title.startswith("2. møde")))
    chosen = [copy.deepcopy(pool[index % len(pool)]) for index in range(items)]
    words = sum(len(item.case.split()) for item in chosen)
    repeat = max(1, round(pages * WORDS_PER_PAGE / words))
    for item in chosen:
        item.case = "\n\n".join([item.case.strip()] * repeat) + "\n"
        item.start = item.end = None  # cycled items' times would not be in order
    meeting.items = chosen
    return meeting


def pages(path: Path, words: int) -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return f"about {words / WORDS_PER_PAGE:.0f} (estimated from {words} words)"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", folder, str(path)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        pdf = (Path(folder) / f"{path.stem}.pdf").read_bytes()
    count = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    return f"{count} (LibreOffice), {words} words"


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    meeting = agenda()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dagsorden.docx"
        path.write_bytes(render(meeting, agenda=True)[0])
        words = sum(
            len((i.case + i.title + " ".join(i.recommendation.points)).split()) for i in meeting.items
        )
        print(
            f"agenda: {len(meeting.items)} items, {path.stat().st_size // 1024} KB, "
            f"pages: {pages(path, words)}"
        )
        reader = [
            sys.executable, "-c",
            "import sys\nfrom pathlib import Path\nfrom referent.importing import read_source\n"
            "source = read_source(Path(sys.argv[1]))\nassert len(source.meeting.items) == 30, source\n",
            str(path),
        ]  # fmt: skip
        bare = [sys.executable, "-c", "import sys, docx\ndocx.Document(sys.argv[1])", str(path)]
        env = compiled(dict(os.environ), Path(folder))
        timed(reader, env), timed(bare, env)  # warm the file cache and the bytecode cache
        ours: list[float] = []
        floor: list[float] = []
        for _ in range(args.runs):
            ours.append(timed(reader, env))
            floor.append(timed(bare, env))
    ours_median, floor_median = statistics.median(ours), statistics.median(floor)
    print(
        f"read_source, whole process:        median {ours_median:.3f} s  "
        f"(min {min(ours):.3f}, {args.runs} runs)"
    )
    print(f"python -c 'import docx; Document': median {floor_median:.3f} s  (min {min(floor):.3f})")
    print(
        f"the reader's own share: {ours_median - floor_median:.3f} s; ratio {ours_median / floor_median:.2f}"
    )
    verdict = "under" if ours_median < TARGET else "OVER"
    print(f"target: under {TARGET} s whole process: {verdict} ({ours_median:.3f} s)")
    return 0 if ours_median < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
