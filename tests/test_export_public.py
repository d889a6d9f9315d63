"""Closed items: complete in the internal minutes, nothing but the heading in the public version."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import generate
import pytest
from export_support import document_text, zip_text
from hypothesis import HealthCheck, given, settings

from referent.export import export_meeting, render
from referent.export.filters import agenda_meeting, public_meeting
from referent.fields import Field, fields_of
from referent.model import (
    ActionItem,
    Attendance,
    Item,
    Meeting,
    Part,
    Participant,
    Recommendation,
)

SECRETS = [
    "Fortrolig sagsfremstilling om Hemmelig Ejendom",
    "Godkender salget af Hemmelig Ejendom",
    "Vurderingsrapport Hemmelig",
    "Salget blev godkendt for 12,5 mio. kr.",
    "Forhandle kontrakten med køberen",
    "Advokatfirmaet Hemmelighed",
]


def closed_meeting() -> Meeting:
    return Meeting(
        title="Møde med et lukket punkt",
        date=date(2023, 5, 24),
        body="Udvalget",
        secretary="Maja Lynderup Behrmann",
        participants=[
            Participant("Jes Lunde", attendance=Attendance.PRESENT),
            Participant("Jan Mainz", attendance=Attendance.PRESENT),
        ],
        items=[
            Item("Åbent punkt", case="Alle må læse dette.", minutes="Taget til efterretning."),
            Item(
                "Salg af ejendom",
                closed=True,
                presenter="Borgmester Hemmelighedsfuld",
                case=f"{SECRETS[0]}.\n\n| Køber | Pris |\n|---|---|\n| X | 12,5 mio. |",
                recommendation=Recommendation(
                    points=[SECRETS[1]], intro="Det indstilles, at Udvalget i lukket møde:"
                ),
                attachments=[SECRETS[2]],
                minutes=SECRETS[3],
                conflicts=["Jan Mainz"],
                actions=[ActionItem(SECRETS[4], SECRETS[5], "1. juni")],
            ),
            Item("Eventuelt", minutes="Ingen bemærkninger"),
        ],
    )


def test_internal_minutes_hold_the_closed_item_in_full():
    text = document_text(docx.Document(io.BytesIO(render(closed_meeting())[0])))
    for secret in SECRETS:
        assert secret in text
    assert "Lukket punkt" in text


@pytest.mark.parametrize("fmt", ["docx", "md", "toml"])
@pytest.mark.parametrize("agenda", [False, True])
def test_public_version_holds_nothing_of_the_closed_item(tmp_path: Path, fmt: str, agenda: bool):
    path = tmp_path / f"public.{fmt}"
    export_meeting(closed_meeting(), path, format=fmt, public=True, agenda=agenda)
    everything = zip_text(path) if fmt == "docx" else path.read_text(encoding="utf-8")
    for secret in [*SECRETS, "Hemmelig", "Borgmester Hemmelighedsfuld", "lukket møde", "12,5", "inhabil"]:
        assert secret not in everything, f"{secret!r} leaked into the public {fmt}"
    assert "Salg af ejendom" in everything
    assert "Alle må læse dette." in everything
    if fmt != "toml":
        assert "Lukket punkt" in everything


def test_public_docx_shows_the_heading_and_the_words_lukket_punkt(tmp_path: Path):
    path = tmp_path / "public.docx"
    export_meeting(closed_meeting(), path, public=True)
    lines = document_text(docx.Document(str(path))).splitlines()
    index = lines.index("2. Salg af ejendom")
    assert lines[index + 1] == "Lukket punkt"
    assert lines[index + 2] == "3. Eventuelt"
    with zipfile.ZipFile(path) as archive:  # no hyperlink or media parts carried over either
        assert not [n for n in archive.namelist() if "comments" in n or "media" in n]


# --- the filters follow the fields' declarations ------------------------------------------


def _declared(predicate: Callable[[Field], bool]) -> set[str]:
    """``Class.field`` of every field of a meeting's parts for which ``predicate`` holds."""
    return {name for name, spec in generate.field_specs().items() if predicate(spec)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generate.meetings())
def test_the_agenda_keeps_only_agenda_fields_and_the_public_version_nothing_private(meeting: Meeting) -> None:
    recorded = _declared(lambda spec: spec.part is not Part.AGENDA)
    assert not generate.every_field_set(agenda_meeting(meeting)) & recorded
    public = public_meeting(meeting)
    assert not generate.every_field_set(public) & _declared(lambda spec: spec.private)
    for item in public.items:
        if item.closed:
            not_heading = {f"Item.{s.name}" for s in fields_of(Item) if not s.heading}
            assert not generate.every_field_set(Meeting("t", meeting.date, items=[item])) & not_heading
