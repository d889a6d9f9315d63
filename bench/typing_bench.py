"""Keystroke latency as the typist waits: the real app in a pseudo-terminal (tmux), keys at 8/s.

Four cases run interleaved, each in a fresh process in a 100×30 tmux pane:

- ``long``: referent on a meeting whose item 1 holds one 20,000-word paragraph, cursor at its end;
- ``mid``: the same, typing in the middle of the paragraph;
- ``short``: referent on the same meeting with a one-line item 1;
- ``bare``: a bare Textual ``TextArea`` (soft wrap) holding the same 20,000-word paragraph, of
  the size the minutes editor has on referent's screen (not the whole screen: a bigger text area
  draws more on every key).

Keys are sent with ``tmux send-keys`` at typist speed ("qqqq " repeated: the paragraph holds no
"q"). A key's latency is the time from sending it until the pane shows it (the count of "q" on
screen reaches it), polled with ``capture-pane``. Prints median, p95 and worst per case, how far
the screen fell behind at the end, and the ratios long/short, long/bare, mid/short, mid/bare.

    .venv/bin/python bench/typing_bench.py [--runs 3] [--keys 40] [--words 20000]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchkit import REFERENT, WORDS  # (they hold no "q": the typed keys are counted by it)

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_agendas" / "demo-board-meeting.toml"
WIDTH, HEIGHT = 100, 30
KEY_INTERVAL = 0.125  # 8 keys a second
TYPED = "qqqq "
END_MARK = "SLUTORD"  # the paragraph's last word: on screen when the app is ready
DRAIN_TIMEOUT = 180.0
MIDDLE_MARK = "MIDTORD"  # the middle word: the "middle" case types right after it


def paragraph(words: int, seed: int = 1) -> str:
    """``words`` Danish words as one paragraph (no newline, no "q"), the middle mark halfway,
    ending in the end mark."""
    rng = random.Random(seed)
    chosen = [rng.choice(WORDS) for _ in range(words - 1)] + [END_MARK]
    chosen[words // 2] = MIDDLE_MARK
    return " ".join(chosen)


def child_bare(text_file: str, size: str = "") -> None:
    """A bare Textual TextArea with the same text and soft wrap: the floor to compare with;
    ``size`` ("80x20") makes it that size, as the minutes editor is (no border, no padding)."""
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    text = Path(text_file).read_text(encoding="utf-8")
    width, height = size.split("x") if size else ("1fr", "1fr")

    class Bare(App[None]):
        CSS = f"TextArea {{ width: {width}; height: {height}; border: none; padding: 0; }}"

        def compose(self) -> ComposeResult:
            yield TextArea(text, soft_wrap=True, id="editor")

        def on_mount(self) -> None:
            editor = self.query_one(TextArea)
            editor.focus()
            editor.move_cursor(editor.document.end)
            editor.scroll_cursor_visible()

    Bare().run()


def editor_size(database: Path) -> str:
    """The minutes editor's size ("80x20") when referent shows the meeting of ``database`` in a
    terminal of the bench's size (measured headless, with the code being measured)."""
    import asyncio

    from referent.store import Store
    from referent.ui.app import make_app

    store = Store.open(database)
    try:
        meeting_id = store.list_meetings()[0].id
    finally:
        store.close()

    async def measure() -> str:
        app = make_app(database, meeting_id, settings_path=database.parent / "none.toml")  # (as run)
        async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
            await pilot.pause()
            size = app.screen.query_one("#editor").outer_size
            return f"{size.width}x{size.height}"

    return asyncio.run(measure())


def prepare(folder: Path, minutes: str, name: str, cursor: int | None = None) -> str:
    """A database with the demo meeting, item 1 holding ``minutes`` (and the cursor at column
    ``cursor`` if given, else at the end); the command that opens it."""
    from referent.meetingfile.reader import load_meeting
    from referent.store import Store

    database = folder / f"{name}.db"
    store = Store.open(database)
    meeting_id = store.import_meeting(load_meeting(DEMO))
    store.save_minutes(store.item_ids(meeting_id)[0], minutes)
    if cursor is not None:
        store.update_meeting(meeting_id, cursor=f"0,{cursor}")
    store.close()
    environment = f"REFERENT_DB={database} REFERENT_CONFIG={folder / 'none.toml'} LANG=C.UTF-8"
    return f"cd {folder} && env {environment} {REFERENT} open {meeting_id}"


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    behind_at_end: float = 0.0
    complete: bool = True


class Pane:
    """One tmux server of our own (a private socket) running one command in a fixed-size pane."""

    def __init__(self, command: str, socket: str) -> None:
        self.socket = socket
        started = subprocess.run(
            ["tmux", "-L", socket, "new-session", "-d", "-s", "bench", "-x", str(WIDTH), "-y", str(HEIGHT),
             command],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if started.returncode:
            raise RuntimeError(f"tmux did not start: {started.stderr}")
        self.tmux("set-option", "-t", "bench", "remain-on-exit", "on")  # show why, should it exit
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())
        self.pane_pid = int(self.tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip() or 0)
        """The pane's first process: tmux makes it the leader of a process group of its own,
        which holds the app (and anything the app starts)."""

    def tmux(self, *arguments: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *arguments], capture_output=True, text=True, check=False
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def send(self, character: str) -> None:
        self.tmux("send-keys", "-t", "bench", "-l", character)

    def close(self) -> None:
        """Kill the pane's process group, then the server. Killing the server alone hangs up on
        the app, which then saves and exits in its own time, or not at all when it is far behind
        (one run left six ``referent open`` processes behind)."""
        if self.pane_pid:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pane_pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and _group_alive(self.pane_pid):
                time.sleep(0.05)
        self.tmux("kill-server")
        if self.socket_path.name == self.socket:  # tmux leaves the socket file behind
            self.socket_path.unlink(missing_ok=True)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def measure(command: str, ready: str, keys: int, socket: str) -> Run:
    """Type ``keys`` keys at 8/s once ``ready`` is on screen; the latency of each "q"."""
    pane = Pane(command, socket)
    try:
        deadline = time.monotonic() + 60
        while ready not in pane.screen():
            if time.monotonic() > deadline:
                raise RuntimeError(f"the app never showed its text:\n{pane.screen()}")
            time.sleep(0.05)
        time.sleep(1.0)  # let start-up settle
        baseline = pane.screen().count("q")
        sent: list[float] = []  # when each "q" was sent
        shown: list[float] = []  # when each "q" was first seen
        sequence = (TYPED * (keys // len(TYPED) + 1))[:keys]
        next_key = time.perf_counter()
        index = 0
        last_sent = next_key
        while index < len(sequence) or len(shown) < len(sent):
            now = time.perf_counter()
            if index < len(sequence) and now >= next_key:
                character = sequence[index]
                pane.send(character)
                if character == "q":
                    sent.append(now)
                last_sent = now
                index += 1
                next_key += KEY_INTERVAL
                continue
            if index == len(sequence) and now - last_sent > DRAIN_TIMEOUT:
                return Run([b - a for a, b in zip(sent, shown, strict=False)], now - last_sent, False)
            count = pane.screen().count("q") - baseline
            seen_at = time.perf_counter()
            while len(shown) < min(count, len(sent)):
                shown.append(seen_at)
            time.sleep(0.002)
        latencies = [b - a for a, b in zip(sent, shown, strict=True)]
        return Run(latencies, latencies[-1])
    finally:
        pane.close()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "bare":
        child_bare(*sys.argv[2:4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--words", type=int, default=20_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="typing-bench-") as name:
        folder = Path(name)
        text = paragraph(options.words)
        text_file = folder / "paragraph.txt"
        text_file.write_text(text, encoding="utf-8")
        middle = text.index(MIDDLE_MARK) + len(MIDDLE_MARK) + 1
        long = prepare(folder, text, "long")
        size = editor_size(folder / "long.db")
        print(f"the minutes editor, and the bare TextArea: {size}", flush=True)
        commands = {  # case: (command, what is on screen when it is ready)
            "long": (long, END_MARK),
            "mid": (prepare(folder, text, "middle", cursor=middle), MIDDLE_MARK),
            "short": (prepare(folder, f"Kort referat. {END_MARK}", "short"), END_MARK),
            "bare": (f"{sys.executable} {Path(__file__).resolve()} bare {text_file} {size}", END_MARK),
        }
        results: dict[str, list[Run]] = {case: [] for case in commands}
        for run in range(options.runs):
            for case, (command, ready) in commands.items():
                socket = f"typing-bench-{os.getpid()}-{run}-{case}"  # a fresh server per run
                result = measure(command, ready, options.keys, socket)
                results[case].append(result)
                state = "" if result.complete else " (gave up waiting)"
                print(
                    f"run {run + 1} {case:5}: median {statistics.median(result.latencies) * 1000:7.0f} ms,"
                    f" behind at the end {result.behind_at_end:6.2f} s{state}",
                    flush=True,
                )
        print(f"\nKeystroke latency, {options.keys} keys at 8/s, {options.words:,} words:", end=" ")
        print(f"{options.runs} runs")
        medians: dict[str, float] = {}
        for case, runs in results.items():
            everything = [latency for run in runs for latency in run.latencies]
            medians[case] = statistics.median(everything)
            p95 = percentile(everything, 0.95)
            behind = max(run.behind_at_end for run in runs)
            print(
                f"  {case:5}: median {medians[case] * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms"
                f"   worst {max(everything) * 1000:7.0f} ms   behind at the end (worst run) {behind:6.2f} s"
            )
        for case in ("long", "mid"):
            print(f"  ratio {case}/short {medians[case] / medians['short']:6.2f}")
            print(f"  ratio {case}/bare  {medians[case] / medians['bare']:6.2f}")


if __name__ == "__main__":
    main()
