"""Each reference meeting, exported in its house style, paragraph by paragraph against a listing.

The listing (``tests/fixtures/listings/<meeting>.<style>.txt``) has one line per paragraph, in
order: its Word style, list number or bullet, ``bold`` if all of it is, and its text; the
header table's paragraphs are prefixed with their cell. So a change of order (Bilag before or
after the Indstilling), of list form (``1.``, ``1)``, ``a)``, bullets) or of a style is a
failing test, which the word-similarity test does not notice.

After an intended change to the layout, write the listings anew and read the diff:

    REFERENT_UPDATE_LISTINGS=1 .venv/bin/python -m pytest -q tests/test_export_listings.py
    git diff tests/fixtures/listings/
"""

from __future__ import annotations

import difflib
import io
import os
from pathlib import Path

import docx
import pytest
from export_support import LISTINGS, MINUTES, NORD, SAMPLES, listing

from referent.export import meeting_style, render
from referent.export.style import HouseStyle, load_style
from referent.meetingfile.reader import load_meeting

NORD_MEETING = NORD / "klyngestyregruppe-nord-2022-08-26.toml"
CASES = [
    *[(MINUTES / f"{sample}.toml", None, False) for sample in SAMPLES],  # each in its own style
    (MINUTES / "politisk-niveau-klynge-midt-2023-03-13.toml", "nord", False),
    (NORD_MEETING, None, False),
    (NORD_MEETING, None, True),
]


def export_listing(path: Path, style: HouseStyle | str | None, agenda: bool = False) -> list[str]:
    meeting = load_meeting(path)
    house = meeting_style(meeting, base_dir=path.parent) if style is None else style
    data, _ = render(meeting, style=house, agenda=agenda)
    return listing(docx.Document(io.BytesIO(data)))


def listing_path(path: Path, style: str, agenda: bool) -> Path:
    return LISTINGS / f"{path.stem}{'.agenda' if agenda else ''}.{style}.txt"


def read_listing(path: Path) -> list[str]:
    """The expected lines; a missing file reads as empty (and fails with the whole export shown)."""
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []


@pytest.mark.parametrize(
    ("path", "style", "agenda"),
    CASES,
    ids=[f"{p.stem}{'-agenda' if a else ''}-{s or 'own'}" for p, s, a in CASES],
)
def test_the_export_reads_paragraph_by_paragraph_as_its_listing(path: Path, style: str | None, agenda: bool):
    name = style or meeting_style(load_meeting(path), base_dir=path.parent).name
    expected_file = listing_path(path, name, agenda)
    actual = export_listing(path, style, agenda)
    if os.environ.get("REFERENT_UPDATE_LISTINGS"):
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text("\n".join(actual) + "\n", encoding="utf-8")
    expected = read_listing(expected_file)
    diff = "\n".join(difflib.unified_diff(expected, actual, str(expected_file), "export", lineterm=""))
    assert actual == expected, f"the export differs from its listing:\n{diff}"


def test_the_listings_name_their_styles():
    """Politisk Niveau is the default (Midt) layout; the other two have their council's own file."""
    names = {p.name for p in LISTINGS.glob("*.txt")}
    assert "politisk-niveau-klynge-midt-2023-03-13.default.txt" in names
    assert "klyngestyregruppe-midt-2022-03-10.klyngestyregruppe-midt.txt" in names
    assert "direktoerforum-klynge-midt-2023-04-17.direktoerforum-midt.txt" in names
    assert "klyngestyregruppe-nord-2022-08-26.nord.txt" in names


def test_swapping_bilag_and_indstilling_fails_the_listing():
    """The listing notices what the similarity test does not: the same words in another order."""
    path = MINUTES / "politisk-niveau-klynge-midt-2023-03-13.toml"
    expected = read_listing(listing_path(path, "default", False))
    default = load_style()
    swapped = default._replace(
        items=default.items._replace(order=["case", "attachments", "recommendation", "minutes"])
    )
    actual = export_listing(path, swapped)
    assert sorted(actual) == sorted(expected)  # the same paragraphs …
    assert actual != expected  # … in another order
    bullets = default._replace(items=default.items._replace(attachment_list="numbers"))
    assert export_listing(path, bullets) != expected
