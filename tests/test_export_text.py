"""The Markdown/text export: the same document as the Word one, readable in an e-mail."""

from __future__ import annotations

from pathlib import Path

from export_support import MINUTES

from referent.export import default_filename, export_markdown, export_toml, format_for, render
from referent.export.markdown import escape
from referent.meetingfile.reader import load_meeting

POLITISK = load_meeting(MINUTES / "politisk-niveau-klynge-midt-2023-03-13.toml")


def text(**options: object) -> str:
    return render(POLITISK, format="md", **options)[0].decode("utf-8")  # type: ignore[arg-type]


def test_markdown_has_header_items_recommendations_and_minutes():
    md = text()
    assert md.startswith("# 2. møde på Politisk Niveau Sundhedsklynge Midt\n\n**Referat – UDKAST**\n")
    assert "**Tid:** Mandag den 13. marts 2023 kl. 14.30 – 16.30" in md
    assert "*Udvalgsformænd med observatørstatus:*" in md
    assert "**Afbud:**\n- Mads Duedahl, regionsrådsformand, Region Nordjylland (medformand)" in md
    assert (
        "## 2. Drøftelse af 1. udkast til ny Sundhedsaftale – kl. 14.35 – 15.00\n\nv / Eva Sejersdal Knudsen"
        in md
    )
    assert "Det indstilles, at Politisk Niveau Sundhedsklynge Midt:\n\n1. Godkender handleplanen" in md
    assert "Bilag:\n\n- 1\\. udkast til ny Sundhedsaftale" in md  # not a nested numbered list
    assert md.count("**Referat:**") == 6
    assert "| Tema | Indsats |" in md


def test_agenda_and_nord_variants():
    agenda = text(agenda=True, style="nord")
    assert "**Referat:**" not in agenda and "**Dagsorden**" in agenda
    assert "## 1) Velkommen og godkendelse af dagsorden" in agenda
    assert "- Godkender handleplanen for Sundhedsklynge Midt" in agenda  # nord: bullets
    assert "Bilag:\n\n1) Handleplan for Sundhedsklynge Midt" in agenda  # … and numbered Bilag
    assert agenda.index("Bilag:") < agenda.index("Indstilling:\n\nDet indstilles, at Politisk")


def test_show_empty_keeps_a_row_without_content(tmp_path: Path):
    style = tmp_path / "s.toml"
    style.write_text('[header]\nshow_empty = ["guests"]\n', encoding="utf-8")
    assert "**Gæster:**" in text(style=style)
    assert "**Gæster:**" not in text()


def test_escape_only_what_would_become_markdown():
    assert escape("1. udkast") == "1\\. udkast"
    assert escape("2023 blev godt") == "2023 blev godt"
    assert escape("- ikke en liste") == "\\- ikke en liste"
    assert escape("a *b* [c]") == "a \\*b\\* \\[c\\]"
    assert escape("1. udkast", line_start=False) == "1. udkast"


def test_api_writes_files_and_names_them(tmp_path: Path):
    report = export_markdown(POLITISK, tmp_path / "r.md", agenda=True)
    assert report.format == "md" and report.path.read_text(encoding="utf-8").startswith("# ")
    assert report.warnings() == []
    round_trip = export_toml(POLITISK, tmp_path / "r.toml")
    assert load_meeting(round_trip.path) == POLITISK
    assert format_for("x.TXT") == "md" and format_for("x.docx") == "docx" and format_for(None) == "docx"
    assert format_for("x.md", "toml") == "toml"
    assert (
        default_filename(POLITISK, format="md") == "2023-03-13 Referat Politisk Niveau Sundhedsklynge Midt.md"
    )
