"""docs/word-agenda.md promises only what the reader does: every label and form it lists is read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from referent.dates import parse_when
from referent.importing.word.danishtext import presenter_line
from referent.importing.word.document import Para, Span
from referent.importing.word.header import label_of
from referent.importing.word.sections import section_label

DOC = (Path(__file__).resolve().parents[1] / "docs" / "word-agenda.md").read_text(encoding="utf-8")


def table_labels(heading: str) -> list[tuple[str, str]]:
    """(label, the row's meaning) for every backticked label in the table after ``heading``."""
    section = DOC.split(heading, 1)[1]
    rows = [line for line in section.split("\n\n")[0].splitlines() if line.startswith("| `")]
    return [
        (label, row.split("|")[2]) for row in rows for label in re.findall(r"`([^`]+)`", row.split("|")[1])
    ]


HEADER = table_labels("| the label in your agenda |")
SECTIONS = table_labels("| label | what follows it |")


def test_the_tables_were_found() -> None:
    assert len(HEADER) > 30 and len(SECTIONS) > 12


@pytest.mark.parametrize(("label", "meaning"), HEADER)
def test_every_header_label_in_the_docs_is_read(label: str, meaning: str) -> None:
    found = label_of(f"{label}: 13. marts 2023 kl. 14.30")
    assert found is not None, label
    assert found[1] == "13. marts 2023 kl. 14.30"


@pytest.mark.parametrize(("label", "meaning"), SECTIONS)
def test_every_section_label_in_the_docs_is_read(label: str, meaning: str) -> None:
    text = label.replace("…", "Direktørforum")
    for form in (text, f"{text}:" if not text.endswith(":") else text):
        assert section_label(Para(1, [Span(form)])) is not None, form


def test_every_date_written_in_the_docs_is_read() -> None:
    part = DOC.split("**Dates and times**", 1)[1].split("When the year", 1)[0]
    examples = re.findall(r"`([^`]*\d[^`]*)`", part)
    assert len(examples) >= 6
    for example in examples:
        when = parse_when(example)
        assert when.has_date or when.start is not None, example


def test_every_presenter_form_in_the_docs_is_read() -> None:
    part = DOC.split("Presenters are read from", 1)[1].split(". An item", 1)[0]
    forms = re.findall(r"`([^`]+)`", part)
    assert len(forms) == 6
    for form in forms:
        assert presenter_line(form.replace("…", "Jens Hansen")) == "Jens Hansen", form
