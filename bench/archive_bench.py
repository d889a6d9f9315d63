"""Measure the library at the size of a real archive: search, list and the next agenda.

Ten years of a body meeting monthly: 120 meetings, about 2,000 items, 5 MB of text (case
texts and minutes made from the words of the real minutes in ``tests/fixtures/minutes``, so
the vocabulary is a council's). Beside referent's search, the same words are looked up by
``LIKE`` over the same rows in the same run: the comparison (it finds fewer: no Danish forms,
and case only for ASCII).

Run: ``.venv/bin/python bench/archive_bench.py``. Goals (issue 22): search ≤ 50 ms, the
picker's list and ``referent list`` ≤ 100 ms, the next agenda ≤ 0.5 s.
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchkit import REAL_MINUTES, REFERENT, compiled, environment, ms, verdict

from referent.danish import MONTHS
from referent.model import ActionItem, Item, Meeting, Participant, Recommendation
from referent.store import Store

MEETINGS, ITEMS_EACH, TEXT_BYTES = 120, 17, 5_000_000
QUERIES = ("sundhedsaftale", "kommissorium", "udvalget", "handleplanen godkendt")
RUNS = 30


def vocabulary() -> list[str]:
    """The words of the real minutes, as written (with their case and endings)."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(REAL_MINUTES.glob("*.toml")))
    return re.findall(r"[^\W\d_]{2,}", text)


def due(rng: random.Random, agreed: date) -> str:
    """A due date as minutes write it: most a date some weeks on, some words."""
    if rng.random() < 0.2:
        return rng.choice(("næste møde", "snarest", "primo juni", "løbende"))
    on = agreed + timedelta(days=rng.randint(14, 120))
    return f"{on.day}. {MONTHS[on.month - 1]} {on.year}"


def archive(store: Store) -> int:
    """Fill ``store`` with the archive; returns the id of the last meeting."""
    rng = random.Random(22)
    words = vocabulary()
    per_item = TEXT_BYTES // (MEETINGS * ITEMS_EACH)

    def text(size: int) -> str:
        chosen: list[str] = []
        length = 0
        while length < size:
            word = rng.choice(words)
            chosen.append(word + ("." if rng.random() < 0.07 else ""))
            length += len(word) + 1
        return " ".join(chosen)

    day = date(2014, 1, 13)
    last = 0
    for number in range(1, MEETINGS + 1):
        items = [
            Item(
                f"Punkt {n}: {text(40)}",
                case=text(per_item // 2),
                recommendation=Recommendation(points=[text(60)]),
                minutes=text(per_item // 2),
                closed=rng.random() < 0.03,
                actions=[ActionItem(text(50), "Sekretariatet", due(rng, day))] if rng.random() < 0.1 else [],
            )
            for n in range(1, ITEMS_EACH + 1)
        ]
        meeting = Meeting(
            f"{number}. møde i Sundhedsudvalget",
            day,
            body="Sundhedsudvalget",
            next_meeting=f"Næste møde: {(day + timedelta(days=28)).strftime('%d.%m.%Y')}",
            participants=[Participant(f"Deltager {n}") for n in range(15)],
            items=items,
        )
        last = store.import_meeting(meeting)
        day += timedelta(days=30)
    return last


def timed(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    action()  # warm: the stemmer imported, the pages in the cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def like(store: Store, query: str) -> list[int]:
    """The comparison: every word somewhere in the item's texts, by ``LIKE``."""
    conditions = " AND ".join(
        "(title LIKE ? OR case_text LIKE ? OR minutes LIKE ? OR rec_points LIKE ?)" for _ in query.split()
    )
    parameters = [f"%{word}%" for word in query.split() for _ in range(4)]
    return [
        row["id"] for row in store.db.query(f"SELECT id FROM items WHERE {conditions} LIMIT 50", parameters)
    ]


def line(label: str, values: list[float], goal: float | None = None) -> str:
    median = statistics.median(values)
    judged = f"  (goal ≤ {goal * 1000:.0f} ms: {verdict(median, goal)})" if goal is not None else ""
    return f"  {label:42} median {ms(median)}   worst {ms(max(values))}{judged}"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        env = compiled(environment(folder, "archive"), folder)
        database = Path(env["REFERENT_DB"])
        store = Store.open(database)
        start = time.perf_counter()
        last = archive(store)
        built = time.perf_counter() - start
        start = time.perf_counter()
        store.refresh_search()  # what the first search (or closing the store) does after the imports
        indexed = time.perf_counter() - start
        items = store.db.value("SELECT COUNT(*) FROM items")
        size = store.db.value(
            "SELECT SUM(LENGTH(title) + LENGTH(case_text) + LENGTH(minutes) + LENGTH(rec_points)) FROM items"
        )
        megabytes = database.stat().st_size / 1e6
        print(f"archive: {MEETINGS} meetings, {items} items, {size / 1e6:.1f} MB of text")
        print(f"  stored in {built:.1f} s, indexed in {indexed:.1f} s; database {megabytes:.1f} MB")

        print("search (in the process, as the app's search screen and the command run it):")
        for query in QUERIES:
            hits = len(store.search(query))
            found_by_like = len(like(store, query))
            print(line(f"referent  '{query}' ({hits} hits)", timed(lambda q=query: store.search(q)), 0.05))
            print(line(f"LIKE      '{query}' ({found_by_like} hits)", timed(lambda q=query: like(store, q))))
        print(
            line(
                "referent '--public' 'sundhedsaftale'",
                timed(lambda: store.search("sundhedsaftale", public=True)),
                0.05,
            )
        )

        print("list and follow-ups (in the process):")
        print(line("list_meetings() (the picker, `list`)", timed(store.list_meetings), 0.1))
        print(line("open_follow_ups() (`actions`)", timed(store.open_follow_ups), 0.1))

        item = store.item_ids(last)[0]
        text = store.load_meeting(last).items[0].minutes

        def save_then_search() -> None:
            store.save_minutes(item, text + " sundhedsaftalen")
            store.search("sundhedsaftale")

        print(line("save minutes, then search (re-indexes one item)", timed(save_then_search), 0.05))
        store.close()

        print("the commands, whole (a new process each, as the secretary types them):")
        for label, argv, goal in (
            ("referent list", [REFERENT, "list"], None),
            ("referent search sundhedsaftale", [REFERENT, "search", "sundhedsaftale"], None),
            (
                "referent next ID --out next.toml",
                [REFERENT, "next", str(last), "--out", str(folder / "n.toml")],
                0.5,
            ),
            (
                "referent next ID --out next.docx",
                [REFERENT, "next", str(last), "--out", str(folder / "n.docx")],
                0.5,
            ),
        ):
            values = timed(lambda a=argv: subprocess.run(a, env=env, check=True, capture_output=True), runs=5)
            print(line(label, values, goal))
        print(
            "  (a whole command includes starting Python and importing referent; the goals for list "
            "and search are for the work itself, above)"
        )


if __name__ == "__main__":
    main()
