"""Keys over 100 ms while typing at the end of a 20,000-word paragraph, against a one-line item.

The real app (``referent open``) runs in a pseudo-terminal of 100×30, as a user runs it; keys
are written to the terminal at a typist's speed (8 a second, "qqqq " over and over: the text
holds no "q") with the autosave and the status line's clock running. A key's latency is the
time from writing it until the screen shows it: the bench reads everything the app writes in a
thread of its own, feeds it to a terminal emulator (``pyte``) and notes when the count of "q"
on screen first reaches that key. Reading the pseudo-terminal directly costs the machine much
less than polling a tmux pane would, and both cases pay it alike.

Two cases, interleaved, each run in a fresh process on a database of its own:

- ``long``: item 1 holds one 20,000-word paragraph, the cursor at its end (every ~90 keys the
  text reaches a new screen row, and the paragraph's rows scroll up);
- ``short``: item 1 holds one line.

Prints median, p95, worst and the number of keys over 100 ms per case. Done (issue 19): the
long paragraph has no more keys over 100 ms than the one-line item.

    .venv/bin/python bench/paragraph_bench.py [--runs 3] [--keys 160] [--words 20000]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import random
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import threading
import time
from pathlib import Path

import pyte
from benchkit import REFERENT, WORDS, compiled, environment, percentile, version

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_agendas" / "demo-board-meeting.toml"
WIDTH, HEIGHT = 100, 30
KEY_INTERVAL = 0.125  # 8 keys a second
TYPED = "qqqq "
END_MARK = "SLUTORD"  # the text's last word: on screen when the app is ready
SLOW = 0.100
"""A key slower than this is one the typist notices."""
SETTLE = 3.0
"""Seconds from the text on screen to the first key: what the app does after its first frame
(F12's warm-up starts a second after it) is over, in both cases."""


class PtyApp:
    """A command in a pseudo-terminal of its own, its screen read back by ``pyte``."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        self.screen = pyte.Screen(WIDTH, HEIGHT)
        self.stream = pyte.ByteStream(self.screen)
        self.lock = threading.Lock()
        self.q_seen: list[float] = []
        """When the screen first showed 1, 2, 3, … "q"."""
        self.baseline: int | None = None
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env={**env, "TERM": "xterm-256color"},
            cwd=cwd, start_new_session=True,  # a process group of its own: killed whole at the end
        )  # fmt: skip
        os.close(slave)
        self.master = master
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            arrived = time.perf_counter()
            with self.lock:
                self.stream.feed(data)
                if self.baseline is not None:
                    count = "".join(self.screen.display).count("q") - self.baseline
                    while len(self.q_seen) < count:
                        self.q_seen.append(arrived)

    def text(self) -> str:
        with self.lock:
            return "\n".join(self.screen.display)

    def start_counting(self) -> None:
        with self.lock:
            self.baseline = "".join(self.screen.display).count("q")

    def send(self, character: str) -> None:
        os.write(self.master, character.encode())

    def close(self) -> None:
        """Kill the whole process group (the app and anything it started), whatever state it is in."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        with contextlib.suppress(OSError):
            os.close(self.master)
        self.reader.join(timeout=5)


def prepare(folder: Path, name: str, minutes: str) -> tuple[list[str], dict[str, str]]:
    """A database with the demo meeting, item 1 holding ``minutes`` (cursor at the end); the
    command line and environment that open it."""
    from referent.meetingfile.reader import load_meeting
    from referent.store import Store

    env = compiled(environment(folder, name), folder)
    store = Store.open(Path(env["REFERENT_DB"]))
    meeting_id = store.import_meeting(load_meeting(DEMO))
    store.save_minutes(store.item_ids(meeting_id)[0], minutes)
    store.close()
    return [REFERENT, "open", str(meeting_id)], env


def started(argv: list[str], env: dict[str, str], folder: Path) -> PtyApp:
    """The app, once it shows its text and what it does after its first frame is done (the
    case text's Markdown, the backup, F12's warm-up a second later)."""
    app = PtyApp(argv, env, folder)
    deadline = time.monotonic() + 90
    while END_MARK not in app.text():
        if time.monotonic() > deadline or app.process.poll() is not None:
            app.close()
            raise RuntimeError(f"the app never showed its text:\n{app.text()}")
        time.sleep(0.05)
    time.sleep(SETTLE)
    return app


def warm(argv: list[str], env: dict[str, str], folder: Path) -> None:
    """Run the app once untimed: Python compiles what it imports (the first run of a fresh
    bytecode cache imports F12's warm-up from source), as an installed package has it done."""
    started(argv, env, folder).close()


def measure(argv: list[str], env: dict[str, str], folder: Path, keys: int) -> list[float]:
    """Type ``keys`` keys at 8/s once the app shows its text; the latency of each "q"."""
    app = started(argv, env, folder)
    try:
        app.start_counting()
        sent: list[float] = []
        next_key = time.perf_counter()
        for index in range(keys):
            time.sleep(max(0.0, next_key - time.perf_counter()))
            character = TYPED[index % len(TYPED)]
            now = time.perf_counter()
            app.send(character)
            if character == "q":
                sent.append(now)
            next_key += KEY_INTERVAL
        deadline = time.monotonic() + 60
        while len(app.q_seen) < len(sent) and time.monotonic() < deadline:
            time.sleep(0.05)
        with app.lock:
            seen = list(app.q_seen)
        if len(seen) < len(sent):
            raise RuntimeError(f"only {len(seen)} of {len(sent)} keys were shown:\n{app.text()}")
        return [shown - typed for typed, shown in zip(sent, seen, strict=False)]
    finally:
        app.close()


def paragraph(words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join([rng.choice(WORDS) for _ in range(words - 1)] + [END_MARK])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=160)
    parser.add_argument("--words", type=int, default=20_000)
    options = parser.parse_args()
    print(f"referent from {version()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="paragraph-bench-") as name:
        folder = Path(name)
        cases = {
            "long": prepare(folder, "long", paragraph(options.words)),
            "short": prepare(folder, "short", f"Kort referat. {END_MARK}"),
        }
        for argv, env in cases.values():
            warm(argv, env, folder)
        latencies: dict[str, list[float]] = {case: [] for case in cases}
        for run in range(options.runs):
            for case, (argv, env) in cases.items():
                result = measure(argv, env, folder, options.keys)
                latencies[case].extend(result)
                slow = sum(latency > SLOW for latency in result)
                print(
                    f"run {run + 1} {case:5}: median {statistics.median(result) * 1000:6.1f} ms,"
                    f" worst {max(result) * 1000:6.1f} ms, {slow} keys over {SLOW * 1000:.0f} ms",
                    flush=True,
                )
    print(f"\n{options.keys} keys at 8/s × {options.runs} runs, {options.words:,} words vs one line:")
    over: dict[str, int] = {}
    for case, values in latencies.items():
        over[case] = sum(latency > SLOW for latency in values)
        print(
            f"  {case:5}: median {statistics.median(values) * 1000:6.1f} ms"
            f"   p95 {percentile(values, 0.95) * 1000:6.1f} ms   worst {max(values) * 1000:6.1f} ms"
            f"   over {SLOW * 1000:.0f} ms: {over[case]} of {len(values)}"
        )
    done = over["long"] <= over["short"]
    print(f"  keys over {SLOW * 1000:.0f} ms, long ≤ short: {'OK' if done else 'MISSED'}")


if __name__ == "__main__":
    main()
