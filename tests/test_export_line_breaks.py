"""One Enter in the minutes is a new line in Word, in the Markdown export and in the chair's draft
(issue 19): a line break in the same paragraph, as the editor shows it; an empty line begins a new
paragraph; Markdown lists, bold and headings work as before. Case texts (from agenda files) keep
CommonMark's reading, where a single line break is a space.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from export_support import ListNumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from referent.export import render
from referent.export.blocks import Block, ListBlock, parse_blocks, soft_break_lines
from referent.export.markdown import minutes_markdown
from referent.model import Item, Meeting

TYPED = "Formanden bød velkommen.\nMødet blev holdt i lokale K.\n\nSekretariatet orienterede."


def minutes_meeting(minutes: str, case: str = "") -> Meeting:
    return Meeting(title="Udvalg", date=date(2023, 3, 13), items=[Item("Punkt", case=case, minutes=minutes)])


def word_paragraphs(minutes: str, case: str = "") -> list[Paragraph]:
    """The paragraphs after the item's ``Referat:`` label (or its heading, for the case text)."""
    document = docx.Document(io.BytesIO(render(minutes_meeting(minutes, case))[0]))
    paragraphs = list(document.paragraphs)
    start = next(n for n, p in enumerate(paragraphs) if p.text == "Referat:")
    return paragraphs[start + 1 :]


def breaks(paragraph: Paragraph) -> int:
    return len(paragraph._p.findall(f".//{qn('w:br')}"))


# --- Word ----------------------------------------------------------------------------------


def test_one_enter_is_a_line_break_in_word_and_an_empty_line_a_new_paragraph() -> None:
    first, second, *_ = word_paragraphs(TYPED)
    assert first.text == "Formanden bød velkommen.\nMødet blev holdt i lokale K."  # python-docx: w:br is \n
    assert breaks(first) == 1
    assert [child.tag for child in first.runs[0]._r if child.tag != qn("w:rPr")] == [
        qn("w:t"),
        qn("w:br"),
        qn("w:t"),
    ]
    assert second.text == "Sekretariatet orienterede."
    assert breaks(second) == 0


def test_lists_bold_and_lettered_lists_work_as_before() -> None:
    typed = (
        "Udvalget besluttede:\n- at **godkende** planen\n- at sende den i høring\n\na) Mundtlig\nb) Skriftlig"
    )
    paragraphs = word_paragraphs(typed)
    numbers = ListNumbers(paragraphs[0].part.document)
    shown = [(numbers.label(p), p.text) for p in paragraphs[:5]]
    assert shown == [
        ("", "Udvalget besluttede:"),
        ("•", "at godkende planen"),
        ("•", "at sende den i høring"),
        ("a)", "Mundtlig"),
        ("b)", "Skriftlig"),
    ]
    assert [run.text for run in paragraphs[1].runs if run.bold] == ["godkende"]


def test_a_line_break_inside_a_list_item_and_a_bold_passage() -> None:
    paragraphs = word_paragraphs("- første linje\n  anden linje\n\n**fed\nogså fed**")
    assert paragraphs[0].text == "første linje\nanden linje"
    assert paragraphs[1].text == "fed\nogså fed" and all(run.bold for run in paragraphs[1].runs)


def test_the_case_text_keeps_commonmark_where_one_line_break_is_a_space() -> None:
    document = docx.Document(io.BytesIO(render(minutes_meeting("", case="linje et\nlinje to"))[0]))
    assert "linje et linje to" in [p.text for p in document.paragraphs]


# --- the Markdown export and the chair's draft ---------------------------------------------


def test_the_markdown_export_makes_each_enter_a_hard_break() -> None:
    text = render(minutes_meeting(TYPED), format="md")[0].decode()
    assert "Formanden bød velkommen.  \nMødet blev holdt i lokale K.\n\nSekretariatet orienterede." in text


def test_a_text_with_markup_gets_its_breaks_where_commonmark_has_soft_ones() -> None:
    typed = "**Beslutning:**\nGodkendt.\n- a\n- b\n  fortsat\n\n| x | y |\n|---|---|\n| 1 | 2 |\nslut"
    assert minutes_markdown(typed) == (
        "**Beslutning:**  \nGodkendt.\n- a\n- b  \n  fortsat\n\n| x | y |\n|---|---|\n| 1 | 2 |\nslut"
    )


def test_a_line_already_ending_in_a_hard_break_is_left_as_typed() -> None:
    assert minutes_markdown("en\\\nto  \ntre") == "en\\\nto  \ntre"


def test_a_code_span_across_lines_is_no_line_break() -> None:
    typed = "se `kode\nmed` her\nog så"
    assert soft_break_lines(typed) == [1]
    assert minutes_markdown(typed) == "se `kode\nmed` her  \nog så"


def test_a_backslash_before_a_closing_backtick_does_not_escape_it() -> None:
    """Hypothesis found it: inside a code span a backslash is text, so the span ends at the next
    backtick and the lines after it are the paragraph's (each a hard break)."""
    typed = "`\n\\`| x | y |\n|---|---|\n| 1 | 2 |"
    assert soft_break_lines(typed) == [1, 2]


def test_a_line_of_spaces_ending_an_unclosed_code_block_is_nothing_in_either() -> None:
    """Hypothesis found it: Word printed the blank last line as a code line of one space, while
    the Markdown export had dropped it with the blank lines around the text."""
    typed = "```\n \n"
    assert parse_blocks(minutes_markdown(typed)) == parse_blocks(typed, line_breaks=True)
    [code] = parse_blocks(typed, line_breaks=True)
    assert not isinstance(code, ListBlock) and code.kind == "code" and code.spans[0].text == ""


_PIECES = st.sampled_from(
    ["ord", "Ord", " ", "  ", "\n", "\n\n", "- ", "1. ", "a) ", "b) ", "**", "*", "`", "``", "> ", "# ",
     "| x | y |\n|---|---|\n| 1 | 2 |", "\\", "---", "24. maj", "    ", "\t", "_", "[", "](u)"]
)  # fmt: skip


def shown(blocks: list[Block]) -> list[Block]:
    """The blocks as a reader sees them: without the source lines lettered items started on."""
    return [
        replace(block, items=[shown(item) for item in block.items], lines=[])
        if isinstance(block, ListBlock)
        else block
        for block in blocks
    ]


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_commonmark_reads_the_markdown_export_as_word_reads_the_minutes(typed: str) -> None:
    """What the chair reads (the Markdown export, read by a CommonMark reader such as the draft
    view or pandoc) is what Word shows: the same blocks, the same line breaks."""
    assert shown(parse_blocks(minutes_markdown(typed))) == shown(parse_blocks(typed, line_breaks=True))


def test_lettered_lists_are_found_as_before() -> None:
    [letters] = parse_blocks("a) Mundtlig\nb) Skriftlig", line_breaks=True)
    assert isinstance(letters, ListBlock) and letters.letters and len(letters.items) == 2
