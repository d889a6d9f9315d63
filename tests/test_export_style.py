"""House styles: the built-ins load, a council's file overrides only what it names, mistakes have lines."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from referent.export.style import BUILT_IN, SECTIONS, STYLES_DIR, StyleError, load_style, parse_style

DOC = (Path(__file__).resolve().parents[1] / "docs" / "house-style.md").read_text(encoding="utf-8")


def test_built_in_styles_load():
    default, nord = load_style(), load_style("nord")
    assert default.labels.when == "Tid" and default.participants.absences == "list"
    assert nord.participants.absences == "inline" and nord.items.numbering == "1)"
    assert nord.labels.date == "Mødedato" and nord.labels.location == "Mødested"
    assert "absent" not in nord.header.rows
    assert nord.labels.minutes == default.labels.minutes  # inherited from default
    assert default.template is None


def test_a_style_file_changes_only_what_it_names(tmp_path: Path):
    path = tmp_path / "vest.toml"
    path.write_text(
        'extends = "nord"\n[labels]\nminutes = "Beslutning:"\n[fonts]\nsize = 12\n', encoding="utf-8"
    )
    style = load_style(path)
    assert style.labels.minutes == "Beslutning:"
    assert style.items.numbering == "1)"  # from nord
    assert style.fonts.size == 12.0 and style.fonts.body == "Calibri"
    assert style.name == "vest"


def test_mistakes_are_reported_with_their_lines(tmp_path: Path):
    source = (
        '[labels]\ntitel = "Møde"\n'
        '[items]\nnumbering = "1-"\nconflict = "{navn} var inhabil"\n'
        '[header]\nrows = ["title", "wen"]\n'
        '[fonts]\nsize = "stor"\n'
        "[farver]\n"
        '[document]\ntemplate = "mangler.docx"\n'
    )
    with pytest.raises(StyleError) as error:
        parse_style(source, "min.toml", base_dir=tmp_path)
    assert str(error.value).splitlines() == [
        "min.toml:2: unknown key 'titel' in [labels]; did you mean 'title'?",
        "min.toml:4: 'numbering' must be one of '1.', '1)'",
        "min.toml:5: 'conflict' uses {navn}; it can use {name}",
        "min.toml:7: 'wen' is not one of the header rows; did you mean 'when'?",
        "min.toml:9: 'size' must be a number of points, like 10.5",
        "min.toml:10: unknown section [farver]",
        f"min.toml:12: the template {tmp_path / 'mangler.docx'} does not exist",
    ]


def test_invalid_toml_and_missing_files(tmp_path: Path):
    with pytest.raises(StyleError, match=r"x.toml:1: not valid TOML"):
        parse_style("[labels\n", "x.toml")
    with pytest.raises(StyleError, match="no such style file; the built-in styles are default, nord"):
        load_style("vestjylland")


def test_a_template_leaves_fonts_to_the_template_unless_named(tmp_path: Path):
    (tmp_path / "house.docx").write_bytes(b"")
    style = parse_style(
        '[document]\ntemplate = "house.docx"\n[fonts]\nsize = 11\n', "s.toml", base_dir=tmp_path
    )
    assert style.template == tmp_path / "house.docx"
    assert style.fonts.body is None and style.fonts.size == 11.0


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_style_files_are_shipped(name: str):
    assert (STYLES_DIR / f"{name}.toml").is_file()


@pytest.mark.parametrize(
    ("section", "key"),
    [
        (s, k)
        for s, values in tomllib.loads((STYLES_DIR / "default.toml").read_text("utf-8")).items()
        for k in values
    ],
)
def test_every_style_key_is_documented(section: str, key: str):
    assert section in SECTIONS
    assert f"[{section}]" in DOC
    assert re.search(rf"\| `{key}` \|", DOC), f"[{section}] {key} is not in docs/house-style.md"


def test_the_new_choices_are_checked_with_their_lines():
    source = (
        '[header]\nlayout = "tabel"\nopening = ["{dokument}"]\ntime_separator = ","\n'
        '[participants]\nabsences = "begge"\nguests = "gruppe"\n'
        '[items]\nrecommendation_list = "bogstaver"\nattachment_list = "tal"\norder = "case"\n'
    )
    with pytest.raises(StyleError) as error:
        parse_style(source, "s.toml")
    assert str(error.value).splitlines() == [
        "s.toml:2: 'layout' must be one of 'table', 'lines'",
        "s.toml:3: 'opening' uses {dokument}; it can use {body}, {date}, {document}, {title}",
        "s.toml:4: 'time_separator' must be one of '.', ':'",
        "s.toml:6: 'absences' must be one of 'list', 'inline', 'both'",
        "s.toml:7: 'guests' must be one of 'row', 'group'",
        "s.toml:9: 'recommendation_list' must be one of 'numbers', 'letters', 'bullets'",
        "s.toml:10: 'attachment_list' must be one of 'bullets', 'numbers', 'inline'",
        's.toml:11: \'order\' must be a list of texts: ["first", "second"]',
    ]


def test_nord_is_laid_over_default_with_the_issues_layout():
    nord = load_style("nord")
    assert nord.header.layout == "lines" and nord.header.opening == ["{document}", "{body}"]
    assert nord.items.order == ["case", "attachments", "recommendation", "minutes"]
    assert (nord.items.recommendation_list, nord.items.attachment_list) == ("bullets", "numbers")
    assert nord.labels.recommendation == "Indstilling:" and nord.labels.next_meeting == ""
    assert nord.participants.remote_marker == "via Teams" and nord.header.time_separator == ":"
    default = load_style()
    assert default.header.layout == "table" and default.items.order[1] == "recommendation"
