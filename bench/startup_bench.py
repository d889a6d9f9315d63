"""Measure the live screen: start-up to the first frame, and keystrokes with autosave on.

Run: ``.venv/bin/python bench/startup_bench.py``. Start-up is the wall time of a whole
process that opens a meeting headless and exits after its first frame, compared in the
same run with a bare Textual app showing the same widgets and text (target: ratio ≤ 1.3).
Keystrokes are timed through Textual's Pilot with autosave on and off (target: no
difference), and one autosave of a 20,000-word text is timed on its own.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGEST_SAMPLE = ROOT / "sample_agendas" / "direktoerforum-klynge-midt-2023-04-17.toml"
RUNS = 7


def child_referent(database: str, meeting_id: str) -> None:
    """Open the meeting headless and exit as soon as the first frame is drawn."""
    from datetime import datetime

    from referent.ui.app import make_app

    app = make_app(
        Path(database), int(meeting_id), clock=datetime.now, settings_path=Path(database + ".none")
    )
    app.call_after_refresh(lambda: app.call_after_refresh(app.exit))
    app.run(headless=True)


def child_bare(meeting_file: str) -> None:
    """The same widgets with the same text, but none of referent: the floor to compare with."""
    import tomllib

    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import Footer, Markdown, OptionList, Static, TextArea

    data = tomllib.loads(Path(meeting_file).read_text(encoding="utf-8"))
    items = data["items"]

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(data["meeting"]["title"])
            with Horizontal():
                yield OptionList(*[f"{n}. {item['title']}" for n, item in enumerate(items, 1)])
                with Vertical():
                    yield Static(items[0]["title"])
                    with VerticalScroll():
                        yield Static("\n".join(items[0].get("recommendation", [])))
                    with VerticalScroll():
                        yield Markdown(items[0].get("case", ""))
                    yield TextArea(items[0].get("minutes", ""))
            yield Static("status")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

    Bare().run(headless=True)


def timed_process(*arguments: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, *arguments], check=True)
    return time.perf_counter() - started


def synthetic_agenda(path: Path, items: int) -> None:
    from datetime import date

    from referent.meetingfile.writer import dump_meeting
    from referent.model import Item, Meeting, Recommendation

    rng = random.Random(2)
    words = [
        "sundhedsklynge",
        "handleplan",
        "indsats",
        "drøftelse",
        "godkendelse",
        "kommune",
        "region",
        "borger",
    ]
    meeting = Meeting(
        title="Syntetisk dagsorden med 200 punkter",
        date=date(2023, 3, 13),
        body="Direktørforum",
        items=[
            Item(
                title=" ".join(rng.choice(words) for _ in range(6)),
                case="\n\n".join(" ".join(rng.choice(words) for _ in range(60)) for _ in range(3)),
                recommendation=Recommendation(points=["Godkender indstillingen"]),
            )
            for _ in range(items)
        ],
    )
    path.write_text(dump_meeting(meeting), encoding="utf-8")


def startup(folder: Path, meeting_file: Path) -> None:
    from referent.meetingfile.reader import load_meeting
    from referent.store import Store

    database = folder / f"{meeting_file.stem}.db"
    store = Store.open(database)
    meeting_id = store.import_meeting(load_meeting(meeting_file))
    store.close()
    timed_process("bare", str(meeting_file))  # warm the file cache for both
    ours = [timed_process("referent", str(database), str(meeting_id)) for _ in range(RUNS)]
    bare = [timed_process("bare", str(meeting_file)) for _ in range(RUNS)]
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"{meeting_file.name}:")
    print(
        f"  referent to first frame: median {statistics.median(ours) * 1000:6.0f} ms (min {min(ours) * 1000:.0f})"
    )
    print(
        f"  bare Textual, same widgets: median {statistics.median(bare) * 1000:3.0f} ms (min {min(bare) * 1000:.0f})"
    )
    print(f"  ratio {ratio:.2f}   (target ≤ 1.3: {'OK' if ratio <= 1.3 else 'MISSED'})")


async def keystrokes(folder: Path) -> None:
    from datetime import datetime

    from referent.meetingfile.reader import load_meeting
    from referent.store import Store
    from referent.ui.app import make_app
    from referent.ui.screens import minutes

    database = folder / "keys.db"
    store = Store.open(database)
    results = {}
    flush = 0.0
    modes = (
        ("autosave off", 10_000.0),
        ("autosave on (every 0.5 s)", 0.5),
        ("autosave on, in a 20,000-word text", 0.5),
    )
    for label, interval in modes:
        minutes.AUTOSAVE_SECONDS = interval
        meeting_id = store.import_meeting(load_meeting(LARGEST_SAMPLE))  # a fresh draft per mode
        if "20,000" in label:
            store.save_minutes(store.item_ids(meeting_id)[0], " ".join(["ord"] * 20_000))
        app = make_app(database, meeting_id, store=store, clock=datetime.now, settings_path=folder / "none")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            timings = []
            for character in "Indstillingen blev godkendt med bemærkninger. ":
                started = time.perf_counter()
                await pilot.press(character if character != " " else "space")
                timings.append(time.perf_counter() - started)
            results[label] = timings
            screen = app.screen
            assert isinstance(screen, minutes.MinutesScreen)
            if "20,000" in label:
                screen.dirty = True
                started = time.perf_counter()
                screen.flush()
                flush = time.perf_counter() - started
    for label, timings in results.items():
        print(f"  {label}: median {statistics.median(timings) * 1000:.1f} ms per key (Pilot round trip)")
    print(f"  one autosave of a 20,000-word text: {flush * 1000:.1f} ms")
    store.close()


def main() -> None:
    if len(sys.argv) > 1:
        {"referent": child_referent, "bare": child_bare}[sys.argv[1]](*sys.argv[2:])
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print("Start-up, process start to first frame (headless):")
        startup(folder, LARGEST_SAMPLE)
        synthetic = folder / "synthetic-200.toml"
        synthetic_agenda(synthetic, 200)
        startup(folder, synthetic)
        print("Keystrokes:")
        asyncio.run(keystrokes(folder))


if __name__ == "__main__":
    main()
