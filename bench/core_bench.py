"""Measure the foundation: validating and importing a 400-item meeting, and saving minutes.

Run: ``.venv/bin/python bench/core_bench.py``. Targets (issue 2): validate + import of
the 400-item meeting under 0.5 s; one save of a 20,000-word minutes text under 2 ms.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

from referent.meetingfile.reader import parse_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import Item, Meeting, Participant, Recommendation
from referent.store import Store

WORDS = [
    "det",
    "indstilles",
    "at",
    "direktørforum",
    "godkender",
    "handleplanen",
    "for",
    "sundhedsklynge",
    "midt",
    "og",
    "drøfter",
    "indsatserne",
    "med",
    "forbehold",
    "for",
    "politisk",
    "godkendelse",
    "i",
    "kommunerne",
    "samt",
    "regionen",
]


def words(count: int, rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) + ("." if rng.random() < 0.08 else "") for _ in range(count))


def synthetic_meeting(items: int, rng: random.Random) -> Meeting:
    return Meeting(
        title="Syntetisk møde",
        date=date(2023, 3, 13),
        body="Direktørforum",
        start=clock(9, 0),
        end=clock(17, 0),
        participants=[
            Participant(f"Deltager {n}", "direktør, Aalborg Kommune", group="Direktørforum:")
            for n in range(30)
        ],
        items=[
            Item(
                title=f"Punkt om {words(5, rng)}",
                presenter="Eva Sejersdal Knudsen",
                case="\n\n".join(words(80, rng) for _ in range(3))
                + "\n\n- "
                + "\n- ".join(words(8, rng) for _ in range(4)),
                recommendation=Recommendation(points=[words(10, rng), words(12, rng)]),
                attachments=[f"Bilag {n}" for n in range(2)],
            )
            for _ in range(items)
        ],
    )


def best_of(runs: int, action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    rng = random.Random(1)
    source = dump_meeting(synthetic_meeting(400, rng))
    with tempfile.TemporaryDirectory() as folder:
        parse_seconds = best_of(5, lambda: parse_meeting(source))
        meeting = parse_meeting(source)
        counter = iter(range(100))

        def import_fresh() -> None:
            store = Store.open(Path(folder) / f"import-{next(counter)}.db")
            store.import_meeting(meeting)
            store.close()

        import_seconds = best_of(5, import_fresh)
        print(f"400-item meeting file: {len(source) / 1024:.0f} KiB")
        print(f"  validate (parse + check):  {parse_seconds * 1000:7.1f} ms")
        print(f"  import into SQLite:        {import_seconds * 1000:7.1f} ms")
        total = parse_seconds + import_seconds
        verdict = "OK" if total < 0.5 else "MISSED"
        print(f"  together:                  {total * 1000:7.1f} ms   (target < 500 ms: {verdict})")

        store = Store.open(Path(folder) / "saves.db")
        meeting_id = store.import_meeting(synthetic_meeting(3, rng))
        item_id = store.item_ids(meeting_id)[0]
        text = words(20_000, rng)
        timings = []
        for n in range(1000):
            edited = f"{text} {n}"
            started = time.perf_counter()
            store.save_minutes(item_id, edited)
            timings.append(time.perf_counter() - started)
        store.close()  # closing checkpoints the WAL into the database file
        size = (Path(folder) / "saves.db").stat().st_size
        mean = statistics.mean(timings) * 1000
        p95 = statistics.quantiles(timings, n=20)[18] * 1000
        print(
            f"save a {len(text.split())}-word minutes text ({len(text.encode()) / 1024:.0f} KiB) 1,000 times:"
        )
        verdict = "OK" if mean < 2 else "MISSED"
        worst = max(timings) * 1000
        print(f"  mean {mean:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms   (target < 2 ms: {verdict})")
        print(f"  database file after the saves: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
