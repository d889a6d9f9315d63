"""Markdown to blocks: what the secretary types becomes paragraphs, lists and tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referent.export.blocks import (
    MAX_TABLE_COLUMNS,
    ListBlock,
    Paragraph,
    Span,
    Table,
    escape_dates,
    lettered_lines,
    parse_blocks,
    plain_text,
)


def test_paragraphs_with_bold_italic_strike_code_and_links():
    (block,) = parse_blocks("Tekst med **fed**, *kursiv*, ~~slettet~~, `kode` og [et link](https://rn.dk).")
    assert isinstance(block, Paragraph)
    assert block.spans == [
        Span("Tekst med "), Span("fed", bold=True), Span(", "), Span("kursiv", italic=True), Span(", "),
        Span("slettet", strike=True), Span(", "), Span("kode", code=True), Span(" og "),
        Span("et link", link="https://rn.dk"), Span("."),
    ]  # fmt: skip


def test_soft_breaks_join_and_hard_breaks_stay():
    (block,) = parse_blocks("første linje\nanden linje  \ntredje")
    assert plain_text(block.spans) == "første linje anden linje\ntredje"


def test_bullet_and_numbered_lists_nest():
    (outer,) = parse_blocks("- a\n- b\n\n  3. x\n  4. y\n")  # only 1. may interrupt a paragraph
    assert isinstance(outer, ListBlock) and not outer.ordered
    inner = outer.items[1][1]
    assert isinstance(inner, ListBlock) and inner.ordered and inner.start == 3
    assert [plain_text(i[0].spans) for i in inner.items] == ["x", "y"]


def test_pipe_table_with_alignment():
    (table,) = parse_blocks("| Tema | Indsats |\n|---|:-:|\n| Lighed | **Social** Sundhed |\n")
    assert isinstance(table, Table)
    assert [plain_text(c) for c in table.header] == ["Tema", "Indsats"]
    assert table.rows[0][1][0] == Span("Social", bold=True)
    assert table.align == ["", "center"]


def test_headings_quotes_code_and_rules():
    blocks = parse_blocks("## Indsats 10\n\n> citat\n\n```\nkode\n```\n\n---\n")
    assert [(b.kind, b.level) for b in blocks if isinstance(b, Paragraph)] == [
        ("heading", 2), ("quote", 1), ("code", 0), ("rule", 0),
    ]  # fmt: skip


def test_html_is_text_not_markup():
    (block,) = parse_blocks("Skriv <indsæt navn> her")
    assert plain_text(block.spans) == "Skriv <indsæt navn> her"


def test_a_danish_date_at_a_line_start_is_not_a_list():
    (block,) = parse_blocks("24. maj holdes næste møde.")
    assert isinstance(block, Paragraph)
    assert plain_text(block.spans) == "24. maj holdes næste møde."
    assert escape_dates("1. Godkender\n13. marts, kl. 10") == "1. Godkender\n13\\. marts, kl. 10"
    (numbered,) = parse_blocks("1. Godkender\n2. Drøfter")
    assert isinstance(numbered, ListBlock)


def test_empty_text_has_no_blocks():
    assert parse_blocks("") == []
    assert parse_blocks("  \n\n ") == []


def test_a_line_starting_with_a_danish_date_is_no_list_in_the_markdown_export() -> None:
    from datetime import date

    from referent.export import render
    from referent.model import Item, Meeting

    meeting = Meeting(
        title="M", date=date(2023, 5, 1), items=[Item(title="T", minutes="24. maj holdes mødet.")]
    )
    text = render(meeting, format="md")[0].decode()
    assert "24\\. maj holdes mødet." in text


def test_numbered_lists_remember_their_delimiter():
    (dots,) = parse_blocks("1. en\n2. to")
    (parens,) = parse_blocks("1) en\n2) to")
    assert isinstance(dots, ListBlock) and dots.delimiter == "."
    assert isinstance(parens, ListBlock) and parens.delimiter == ")"


def items_text(block: ListBlock) -> list[str]:
    return [plain_text(item[0].spans) for item in block.items]  # type: ignore[union-attr]


def test_lettered_lines_after_a_paragraph_line_become_a_lettered_list():
    intro, letters = parse_blocks("Dagsorden:\na) Mundtlig orientering\nom status\nb) **Kort** status")
    assert isinstance(intro, Paragraph) and plain_text(intro.spans) == "Dagsorden:"
    assert isinstance(letters, ListBlock) and letters.letters and letters.delimiter == ")"
    assert items_text(letters) == ["Mundtlig orientering om status", "Kort status"]
    assert letters.items[1][0].spans[0] == Span("Kort", bold=True)  # type: ignore[union-attr]


def test_lettered_paragraphs_continue_one_list_and_a_plain_one_ends_it():
    letters, after = parse_blocks("a. Mental trivsel\n\nb. Søvn\n\nc. Kost\n\nAndet.")
    assert isinstance(letters, ListBlock) and letters.delimiter == "."
    assert items_text(letters) == ["Mental trivsel", "Søvn", "Kost"]
    assert isinstance(after, Paragraph)


def test_a_lettered_sub_list_under_a_numbered_item():
    (numbered,) = parse_blocks("1. Orientering\n   a) Mundtlig\n   b) Skriftlig\n2. Andet")
    assert isinstance(numbered, ListBlock) and not numbered.letters
    first = numbered.items[0]
    assert plain_text(first[0].spans) == "Orientering"  # type: ignore[union-attr]
    assert isinstance(first[1], ListBlock) and items_text(first[1]) == ["Mundtlig", "Skriftlig"]


@pytest.mark.parametrize(
    "text",
    [
        "b) uden a) først",  # a list starts at a
        "c) tre\nb) to",
        "a\\) ikke en liste",  # the backslash says so
        "Afsnit med a) midt i linjen",
        "a)uden mellemrum",
        "A) store bogstaver er ikke en liste",
    ],
)
def test_no_lettered_list_where_none_is_written(text: str):
    assert all(isinstance(block, Paragraph) for block in parse_blocks(text))


def test_mixed_marks_and_a_second_a_start_new_items_only_where_they_follow():
    intro, letters = parse_blocks("x\na) en\nb. ikke næste\nb) to")
    assert isinstance(intro, Paragraph) and isinstance(letters, ListBlock)
    assert items_text(letters) == ["en b. ikke næste", "to"]


def test_lettered_lines_are_the_source_lines_of_the_items():
    assert lettered_lines("Intro\na) en\nb) to\n\n1. x\n   a) y\n   b) z\n") == [1, 2, 5, 6]


def test_lettered_lines_count_the_lines_of_a_table_kept_as_text():
    """A table too wide for Word is kept as text without its ``|---|`` line: the lines after it
    are still numbered as the secretary wrote them (they were one too early)."""
    wide = "| " + " | ".join(f"k{c}" for c in range(MAX_TABLE_COLUMNS + 1)) + " |"
    table = [wide, "|" + "---|" * (MAX_TABLE_COLUMNS + 1), wide]
    text = "\n".join([*table, "", "Intro", "a) en", "b) to"])
    assert lettered_lines(text) == [5, 6]


# --- plain paragraphs are not parsed ------------------------------------------------------


def _parsed(text: str) -> list[object]:
    """What markdown-it makes of ``text``: the way every text went before the short cut."""
    from markdown_it.tree import SyntaxTreeNode

    from referent.export import blocks

    return blocks._blocks(SyntaxTreeNode(blocks._parser().parse(blocks.escape_dates(text))).children)


PLAIN = st.text(alphabet="abcæøå ABC\n\t\r.,:;!?'\"()/%=-+0123456789", max_size=80)


@settings(max_examples=400, deadline=None)
@given(PLAIN)
def test_a_plain_text_gives_what_markdown_it_gives(text: str) -> None:
    from referent.export.blocks import _MARKUP, parse_blocks

    if text.strip() and not _MARKUP.search(text.replace("\r", "\n")):
        assert parse_blocks(text) == _parsed(text)


LETTERED = st.text(alphabet="abAB .)\t\n\r>-*+1#&;97x|`", max_size=60)


@settings(max_examples=600, deadline=None)
@given(LETTERED)
def test_the_short_cut_to_no_lettered_list_finds_what_the_parse_finds(text: str) -> None:
    """A text with no ``a)`` or ``a.`` where a line's text can begin is not parsed to look for a
    lettered list (the review renders every case and minutes text of the meeting)."""
    from referent.export.blocks import _lettered_lines_parsed

    assert lettered_lines(text) == _lettered_lines_parsed(text)


@pytest.mark.parametrize(
    "text",
    ["> a) første\n> b) anden", "- a) første\n  b) anden", "1. a. første\n   b. anden",
     "Intro\n  a) x\n  b) y", ">a) første\n>b) anden", "Intro\r\na) x\r\nb) y"],
)  # fmt: skip
def test_lettered_lists_inside_quotes_lists_and_indented_are_still_found(text: str) -> None:
    from referent.export.blocks import _lettered_lines_parsed

    assert lettered_lines(text) == _lettered_lines_parsed(text) != []


def test_danish_abbreviations_are_no_reason_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from referent.export import blocks

    def parsed(text: str) -> list[int]:
        raise AssertionError(f"parsed: {text!r}")

    monkeypatch.setattr(blocks, "_lettered_lines_parsed", parsed)
    assert lettered_lines("Godkendt, bl.a. med ca. 5 rettelser af punkt 2a. Se\nbilag a og b.") == []


def test_plain_minutes_do_not_import_markdown_it(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from referent.export.blocks import parse_blocks\n"
        "parse_blocks('Indstillingen blev godkendt.\\n\\nIngen bemærkninger.')\n"
        "assert 'markdown_it' not in sys.modules\n"
        "parse_blocks('- en liste')\n"
        "assert 'markdown_it' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)
