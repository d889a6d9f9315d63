"""The Word reader on documents people wrote: how much it gets right, and how long it takes.

Run: ``.venv/bin/python bench/real_agendas.py [--runs 7]`` (with ``referent`` installed in the
venv; ``pandoc`` for the comparison: Debian's ``pandoc``).

1. **Right**: ``../shared/tools/score_real_agendas.py`` (the scorer the result is judged by)
   on ``../shared/real-agendas`` (public documents people wrote), ``tests/fixtures/nordic-agendas``
   and ``tests/fixtures/validation-agendas`` (documents built as people write them, the second
   one held out while the reader was tuned on the others); its summary line for each: mean item
   recall and precision over single-meeting documents, every item right, date right,
   several-meeting files said. Documents with no agenda at all are left out of the scorer (it
   cannot score them) and checked here: they must be refused.
2. **Fast**: ``referent check FILE`` as the user runs it, whole process, on the largest real
   document and on a 40-page, 30-item agenda, beside ``pandoc -t plain FILE`` reading the same
   document in the same run, interleaved; medians and their ratio. Goal: the 40-page agenda in
   at most 0.5 s.
"""

from __future__ import annotations

import argparse
import json
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

from benchkit import compiled  # noqa: E402
from word_agenda import agenda, pages  # noqa: E402

from referent.export import render  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_real_agendas.py"
CORPORA = {
    "public documents (../shared/real-agendas)": SHARED / "real-agendas",
    "Nordic corpus (tests/fixtures/nordic-agendas)": ROOT / "tests/fixtures/nordic-agendas",
    "held-out corpus (tests/fixtures/validation-agendas)": ROOT / "tests/fixtures/validation-agendas",
}
TARGET = 0.5
REFERENT = str(Path(sys.executable).with_name("referent"))


def quality() -> bool:
    """Each corpus's summary line from the scorer; False when a document without an agenda was read."""
    env = {**os.environ, "PATH": f"{Path(REFERENT).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    good = True
    for label, folder in CORPORA.items():
        if not folder.is_dir() or not SCORER.exists():
            print(f"{label}: not here")
            continue
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch)
            scored = {name: t for name, t in truth.items() if t.get("items") or t.get("multi_meeting")}
            for name in scored:
                shutil.copy(folder / name, copy / name)
            shutil.copy(folder / "sources.tsv", copy / "sources.tsv")
            (copy / "truth.json").write_text(json.dumps(scored, ensure_ascii=False), encoding="utf-8")
            result = subprocess.run(
                [sys.executable, str(SCORER), str(copy)], capture_output=True, text=True, env=env, timeout=600
            )
        print(f"{label}:\n  {result.stdout.strip().splitlines()[-1]}")
        for name in sorted(set(truth) - set(scored)):  # no agenda at all: must be refused
            said = subprocess.run([REFERENT, "check", str(folder / name)], capture_output=True, text=True)
            refused = said.returncode == 2 and "no agenda items" in said.stdout + said.stderr
            good = good and refused
            print(f"  {name}: no agenda in it: {'refused, as it should be' if refused else 'READ (wrong)'}")
    return good


def _text_size(path: Path) -> int:
    """How much text the document holds (its main part unpacked), pictures aside."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return max(
            (i.file_size for i in archive.infolist() if i.filename.startswith("word/document")), default=0
        )


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, timeout=120)
    return time.perf_counter() - started


def speed(runs: int) -> bool:
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (Debian: apt-get install pandoc): no comparison")
    with tempfile.TemporaryDirectory() as folder:
        env = compiled(dict(os.environ), Path(folder))
        meeting = agenda()
        forty = Path(folder) / "dagsorden.docx"
        forty.write_bytes(render(meeting, agenda=True)[0])
        words = sum(
            len((i.case + i.title + " ".join(i.recommendation.points)).split()) for i in meeting.items
        )
        largest = max((SHARED / "real-agendas").glob("*.docx"), key=_text_size, default=None)
        documents = {f"40-page agenda ({pages(forty, words)})": forty}
        if largest is not None:
            documents[f"largest real document ({largest.name}, {largest.stat().st_size // 1024} KB)"] = (
                largest
            )
        met = True
        for label, path in documents.items():
            ours_command = [REFERENT, "check", str(path)]
            pandoc_command = ["pandoc", "-t", "plain", str(path), "-o", os.devnull]
            timed(ours_command, env)  # fill the bytecode and file caches
            ours: list[float] = []
            theirs: list[float] = []
            for _ in range(runs):
                ours.append(timed(ours_command, env))
                if shutil.which("pandoc"):
                    theirs.append(timed(pandoc_command, env))
            mine = statistics.median(ours)
            line = (
                f"{label}:\n  referent check, whole process: median {mine:.3f} s "
                f"(min {min(ours):.3f}, {runs} runs)"
            )
            if theirs:
                other = statistics.median(theirs)
                line += f"\n  pandoc -t plain, same file:     median {other:.3f} s; ratio {mine / other:.2f}"
            print(line)
            if path is forty:
                met = mine <= TARGET
                print(f"  goal: at most {TARGET} s: {'met' if met else 'MISSED'}")
        return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    right = quality()
    fast = speed(args.runs)
    return 0 if right and fast else 1


if __name__ == "__main__":
    raise SystemExit(main())
