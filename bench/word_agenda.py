"""A 40-page, 30-item Word agenda made from the samples, for the reader's speed bench
(``real_agendas.py``): case texts with lists and tables, recommendations, attachments."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from referent.export.filters import agenda_meeting
from referent.meetingfile.reader import load_meeting
from referent.model import Meeting

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "sample_agendas").glob("*.toml")),
    *sorted((ROOT / "tests/fixtures/minutes").glob("*.toml")),
]
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
