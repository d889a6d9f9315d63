"""A reading copy with 200 tracked changes, brought in and shown, beside pandoc reading it.

Run: ``.venv/bin/python bench/reading_round_bench.py [--runs 7]`` (``pandoc`` for the
comparison: Debian's ``pandoc``; without it the comparison is left out and said so).

A 40-item meeting of 20 participants with minutes in every item is imported and exported as a
reading copy with the CLI; a reviewer's 200 tracked changes (replacements, written as Word
writes them: see ``tests/reviewer.py``), two changes to the attendance lines and a comment are
put in it. Timed, whole process, as the user runs it, interleaved in each run:

- ``referent check COPY``: read, every change found and listed per item;
- ``referent review COPY --accept NOBODY``: read and brought into the database (the first run
  keeps the 200 proposals, the later ones find them kept), and listed;
- ``pandoc --track-changes=all -t plain COPY``: the same document read by pandoc, changes kept;

and, in this process once its imports are done, reading the copy, finding its meeting and every
proposal (``locate`` + ``preview``): the work itself, without Python's start.

Goal: bringing the copy in and showing it in at most 0.5 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from benchkit import REFERENT, compiled, environment, limit_line, ms, words  # noqa: E402

ITEMS = 40
CHANGES_PER_ITEM = 5
PEOPLE = 20
"""Participants in the header block; the reviewer marks one of them absent and one present."""
TARGET = 0.5


def meeting_file(folder: Path) -> Path:
    """40 items, each with five sentences of minutes that begin ``Referat N.K:``."""
    lines = ["format = 1", "", "[meeting]", 'title = "Læserunde"', "date = 2023-03-13", 'chair = "Formand"']
    lines.append("")
    for n in range(1, PEOPLE + 1):
        attendance = "absent" if n % 4 == 0 else "present"
        lines += ["[[participants]]", f'name = "Deltager {n}"', f'role = "medlem {n}"']
        lines += [f'attendance = "{attendance}"', ""]
    for n in range(1, ITEMS + 1):
        sentences = [f"Referat {n}.{k}: {words(25, n * 10 + k)}." for k in range(1, CHANGES_PER_ITEM + 1)]
        lines += ["[[items]]", f"number = {n}", f'title = "Punkt {n}"', 'status = "taken"']
        lines += ["minutes = '''\n" + "\n\n".join(sentences) + "\n'''", ""]
    path = folder / "laeserunde.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def returned_copy(folder: Path, env: dict[str, str]) -> Path:
    from reviewer import Reviewer

    subprocess.run([REFERENT, "import", str(meeting_file(folder))], env=env, check=True, capture_output=True)
    copy = folder / "copy.docx"
    subprocess.run([REFERENT, "export", "1", "--for-review", "--out", str(copy)], env=env, check=True,
                   capture_output=True)  # fmt: skip
    reviewer = Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
    for n in range(1, ITEMS + 1):
        for k in range(1, CHANGES_PER_ITEM + 1):
            reviewer.replace(f"Referat {n}.{k}:", f"Referatet {n}.{k}:")
    reviewer.comment(words(25, 11)[:20], words(25, 12)[:20], "Er dette korrekt?")  # over two paragraphs
    reviewer.insert("Deltager 1, medlem 1", " (afbud)")  # the attendance lines: two more changes
    reviewer.delete("Deltager 4, medlem 4")  # off the Afbud row: came after all
    return reviewer.save(folder / "returned.docx")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr or done.stdout}")
    return elapsed, done.stdout


def in_process(copy: Path, env: dict[str, str], runs: int = 7) -> list[float]:
    from benchkit import referent_environment

    from referent.readinground.bringing import locate, preview
    from referent.store import Store

    data = copy.read_bytes()
    with referent_environment(env):
        store = Store.open(env["REFERENT_DB"])
        try:
            preview(store, locate(store, copy, data))  # imports done
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                preview(store, locate(store, copy, data))
                times.append(time.perf_counter() - start)
        finally:
            store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        env = compiled(environment(folder, "bench"), folder)
        copy = returned_copy(folder, env)
        check = [REFERENT, "check", str(copy)]
        review = [REFERENT, "review", str(copy), "--accept", "nobody"]
        other = [pandoc, "--track-changes=all", "-t", "plain", str(copy)] if pandoc else None
        _, listed = timed(check, env)  # fills the bytecode cache; and what is shown
        shown = sum(1 for line in listed.splitlines() if "«Referat " in line or "«Deltager " in line)
        _, brought = timed(review, env)
        inside = in_process(copy, env)
        times: dict[str, list[float]] = {"check": [], "review": [], "pandoc": []}
        for _ in range(runs):
            times["check"].append(timed(check, env)[0])
            times["review"].append(timed(review, env)[0])
            if other:
                times["pandoc"].append(timed(other, env)[0])
    print(f"reading copy: {ITEMS} items, {ITEMS * CHANGES_PER_ITEM} tracked changes, 2 in the attendance "
          f"lines of {PEOPLE} people, 1 comment; {runs} runs")  # fmt: skip
    print(f"  listed by check: {shown} changes; review: {brought.splitlines()[0].split(': ', 1)[-1]}")
    print(limit_line("referent check COPY", times["check"], TARGET))
    print(limit_line("referent review COPY --accept", times["review"], TARGET))
    print(limit_line("in process: read, find, list", inside, TARGET))
    if other:
        theirs = statistics.median(times["pandoc"])
        print(f"  {'pandoc --track-changes=all':28} median {ms(theirs)}   (check: "
              f"{statistics.median(times['check']) / theirs:.2f}×, review: "
              f"{statistics.median(times['review']) / theirs:.2f}× pandoc's time)")  # fmt: skip
    else:
        print("  pandoc is not installed here: no comparison (Debian: apt-get install pandoc)")


if __name__ == "__main__":
    main()
