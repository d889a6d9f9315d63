"""What the benchmarks share: synthetic meetings as files, a database made by the CLI, and verdicts.

The meetings are written as meeting files by hand (plain TOML, no referent import) and put into
a database with ``referent import``, so the same bench can measure an older checkout
of referent: run the bench with that checkout's interpreter (``/work/wt-before/.venv/bin/python
bench/navigation_bench.py``) and everything it measures is that checkout's code.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_agendas"
REFERENT = str(Path(sys.executable).with_name("referent"))
"""The command the user types: the ``referent`` script installed beside the interpreter (not
``python -m referent``, which also runs ``runpy``)."""
LARGEST_SAMPLE = max(SAMPLES.glob("*.toml"), key=lambda path: path.stat().st_size)

SENTENCE = (
    "det indstilles at direktørforum godkender handleplanen for sundhedsklyngen midt og drøfter "
    "indsatserne med forbehold for politisk godkendelse i kommunerne regionen borgerne sekretariatet "
    "orienterede om økonomien arbejdsgruppen følger op på næste møde bemærkninger blev taget til "
    "efterretning"
)
WORDS = SENTENCE.split(" ")


def words(count: int, seed: int = 0) -> str:
    """``count`` Danish words, the same for the same seed, with a full stop now and then."""
    chosen = [WORDS[(seed * 7 + n * 13 + n * n) % len(WORDS)] for n in range(count)]
    return " ".join(word + ("." if n % 11 == 10 else "") for n, word in enumerate(chosen))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(text: str) -> str:
    """A TOML literal block string: parsed quickly, no escapes needed (the words hold no quotes)."""
    return "'''\n" + text + "\n'''"


def case_text(number: int) -> str:
    """An item's case text that says which item it is in its first words (the benches wait for it)."""
    first = f"Sag {number} handler om {words(40, number)}."
    return "\n\n".join([first, words(60, number + 1) + ".", words(50, number + 2) + "."])


def meeting_file(folder: Path, items: int, minutes_words: int = 0, name: str = "", title: str = "") -> Path:
    """A meeting file of ``items`` items (30 participants, a case text and two recommendation
    points each), with ``minutes_words`` words of minutes in every item when asked for."""
    title = title or f"Syntetisk dagsorden med {items} punkter"
    lines = [
        "format = 1",
        "",
        "[meeting]",
        f"title = {_quote(title)}",
        "date = 2023-03-13",
        'body = "Politisk Niveau"',
        'start = "09.00"',
        'end = "17.00"',
        'chair = "Deltager 0"',
        "",
    ]
    for n in range(30):
        lines += ["[[participants]]", f'name = "Deltager {n}"', 'role = "direktør"']
        lines += ['group = "Direktørforum:"', ""]
    for n in range(1, items + 1):
        lines += [
            "[[items]]",
            f"number = {n}",
            f"title = {_quote(f'Punkt {n}: ' + words(6, n))}",
            f"case = {_block(case_text(n))}",
            f"recommendation = [{_quote(words(12, n))}, {_quote(words(9, n + 3))}]",
        ]
        if minutes_words:
            lines.append(f"minutes = {_block(f'Referat {n}: ' + words(minutes_words, n + 5) + '.')}")
        lines.append("")
    path = folder / (name or f"syntetisk-{items}.toml")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


REAL_MINUTES = ROOT / "tests" / "fixtures" / "minutes"
"""The minutes of three real meetings (transcribed from the published PDFs), as meeting files."""


def real_minutes_file(folder: Path, items: int) -> Path:
    """A meeting file of ``items`` items with real minutes: the header and participants of the
    Politisk Niveau meeting, then the items of the three real meetings in turn (case texts,
    recommendations, minutes), repeated (and numbered on) until there are ``items``."""
    header = ""
    blocks: list[str] = []
    for path in sorted(REAL_MINUTES.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        first = text.index("\n[[items]]\n") + 1
        if "politisk" in path.name:
            header = text[:first]
        blocks += ["[[items]]\n" + block for block in text[first:].split("[[items]]\n")[1:]]
    out = [header]
    for n in range(items):
        block = re.sub(r"^number = \d+$", f"number = {n + 1}", blocks[n % len(blocks)], count=1, flags=re.M)
        if n >= len(blocks):  # a title of its own: the same title twice is the same item to a merge
            copy = f"({n // len(blocks) + 1})"
            block = re.sub(r'^title = "(.*)"$', rf'title = "\1 {copy}"', block, count=1, flags=re.M)
        out.append(block.rstrip("\n") + "\n\n")
    path = folder / f"real-minutes-{items}.toml"
    path.write_text("".join(out), encoding="utf-8")
    return path


def environment(folder: Path, name: str) -> dict[str, str]:
    """The environment of a referent of our own: its own database and no settings file."""
    return {
        **os.environ,
        "REFERENT_DB": str(folder / f"{name}.db"),
        "REFERENT_CONFIG": str(folder / "none.toml"),
        "LANG": "C.UTF-8",
    }


def compiled(env: dict[str, str], folder: Path) -> dict[str, str]:
    """``env`` with Python's bytecode cached in ``folder``, as an installed package has it (pip
    compiles on install): a checkout run with ``PYTHONDONTWRITEBYTECODE`` (set on this machine)
    would compile referent from source on every run, which an installed Textual or python-docx
    never does. Run each command once before timing it, to fill the cache."""
    env = {**env, "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def import_file(path: Path, env: dict[str, str]) -> None:
    """Make the file's draft in the database ``env`` names, with the CLI (any version has it)."""
    subprocess.run([REFERENT, "import", str(path)], env=env, check=True,
                   capture_output=True)  # fmt: skip


@contextmanager
def as_the_command_line() -> Iterator[None]:
    """The garbage collector as ``referent open`` leaves it to the app it starts (held until
    the first frame, where the measured referent does that): an app run in here runs as the
    command line's does."""
    try:
        from referent import gcpause  # type: ignore[attr-defined, unused-ignore]
    except ImportError:  # an older referent: the collector as Python leaves it
        yield
        return
    gcpause.hold()
    try:
        yield
    finally:
        gcpause.restore()


@contextmanager
def referent_environment(env: dict[str, str]) -> Iterator[None]:
    """``REFERENT_DB`` and ``REFERENT_CONFIG`` of ``env`` for the code run in this process."""
    saved = {key: os.environ.get(key) for key in ("REFERENT_DB", "REFERENT_CONFIG")}
    os.environ.update({key: env[key] for key in saved})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def verdict(value: float, goal: float) -> str:
    return "OK" if value <= goal else "MISSED"


def ratio_line(label: str, mine: list[float], theirs: list[float], goal: float, comparison: str) -> str:
    """One printed result: the medians, their ratio and whether the goal is met."""
    a, b = statistics.median(mine), statistics.median(theirs)
    return (f"  {label:28} referent {ms(a)}   {comparison} {ms(b)}   ratio {a / b:5.2f}"
            f"  (goal ≤ {goal}: {verdict(a / b, goal)})")  # fmt: skip


def limit_line(label: str, values: list[float], goal_seconds: float | None) -> str:
    """One printed result against an absolute goal (the median, and the worst)."""
    measured = [value for value in values if value == value]  # (NaN: not seen in that run)
    if len(measured) < len(values):
        label += f" ({len(measured)} of {len(values)} runs)"
    values = measured or [float("nan")]
    middle = statistics.median(values)
    goal = (
        "no goal"
        if goal_seconds is None
        else f"goal ≤ {goal_seconds * 1000:.0f} ms: {verdict(middle, goal_seconds)}"
    )
    return f"  {label:28} median {ms(middle)}   worst {ms(max(values))}   ({goal})"


def version() -> str:
    """Which referent is measured: the checkout its package was loaded from."""
    import referent

    return str(Path(referent.__file__).resolve().parents[2])
