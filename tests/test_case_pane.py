"""A case text of thousands of paragraphs is built a piece at a time, as it is scrolled to.

Built whole, a Word agenda's item of 10,000 paragraphs wrapped every line before the first frame
and then made a widget of each paragraph (seconds, and keys that waited). What is built is bounded
by ``CASE_PIECE``, whatever the length; Shift+PgDn near the end of it builds the next piece.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown
from ui_helpers import DEMO, SIZE, Case, settled

from referent.meetingfile.reader import load_meeting
from referent.meetingfile.writer import dump_meeting
from referent.ui.widgets.case import CASE_PIECE, CasePane, piece_end


def paragraphs(count: int) -> str:
    return "\n\n".join(
        f"Afsnit {number}: det indstilles at bestyrelsen godkender planen." for number in range(count)
    )


def long_case(folder: Path, count: int) -> Case:
    meeting = load_meeting(DEMO)
    meeting.items[0].case = paragraphs(count)
    sample = folder / "long.toml"
    sample.write_text(dump_meeting(meeting), encoding="utf-8")
    return Case(folder, sample=sample)


def blocks(pane: CasePane) -> int:
    return len(pane.query_one("#case", Markdown).children)


async def test_a_case_text_of_10000_paragraphs_builds_a_bounded_piece(tmp_path: Path) -> None:
    case = long_case(tmp_path, 10_000)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(CasePane)
        assert len(pane.text) > 60 * CASE_PIECE
        assert pane.built <= 2 * CASE_PIECE  # the plain text of the first frame too
        assert "Afsnit 0:" in str(pane.query_one("#case-plain").render())
        await settled(pilot)
        assert blocks(pane) <= 2 * CASE_PIECE // 60  # one widget a paragraph, of the piece only
        before = blocks(pane)
        for _ in range(40):
            await pilot.press("shift+pagedown")
        await pilot.pause()
        assert pane.built > 2 * CASE_PIECE and blocks(pane) > before  # more, as it was scrolled to
        assert blocks(pane) <= pane.built // 60
    case.close()


async def test_scrolling_down_reaches_the_last_paragraph(tmp_path: Path) -> None:
    case = long_case(tmp_path, 700)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(CasePane)
        await settled(pilot)
        assert pane.built < len(pane.text)
        for _ in range(400):
            if pane.built == len(pane.text) and pane.scroll_y >= pane.max_scroll_y:
                break
            await pilot.press("shift+pagedown")
        await pilot.pause()
        assert pane.built == len(pane.text)
        markdown = pane.query_one("#case", Markdown)
        assert markdown.source == pane.text  # every paragraph, in order, once
    case.close()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("short", 0, 5),
        ("a" * 30 + "\n\n" + "b" * 30, 0, 32),  # (size 20) at the paragraph break past the size
        ("a" * 30 + "\n" + "b" * 30, 0, 31),  # no paragraph break: at a line break
        ("a" * 200, 0, 80),  # one long paragraph: four sizes at most
    ],
)
def test_a_piece_ends_at_a_paragraph_break(text: str, start: int, end: int) -> None:
    assert piece_end(text, start, size=20) == end
