"""The reading round in the review, driven by keys: a reading copy is exported, a reviewer
corrects it in "Word" (a script writing tracked changes and a comment as Word does), it is
brought in with I, one correction accepted with Y and one rejected with N, the comment dealt
with, the minutes approved and exported: the corrections are in, the history names the reviewer."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reviewer import Reviewer
from rich.text import Text
from test_ui_review import REMINDER, answer, draft, editor, problems, review_open, styled
from textual.widgets import Static
from ui_helpers import SIZE, Case, notifications

from referent.cli import main
from referent.ui.dialogs.form import FormDialog
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.review import ReviewScreen

ACCEPTED = (
    "Item 2: proposed correction: Mark Olsen: "
    "«Tilbuddet blev godkendt» → «Tilbuddet blev godkendt enstemmigt»"
)
REJECTED = "Item 3: proposed correction: Mark Olsen: - «Drøftet.»"
KEYS = (
    "Y accepts the highlighted correction, R rejects it, P accepts all from its reader; "
    "D shows them word by word."
)
COMMENT = "Item 1: the chair's comment: Hvem stillede forslaget? («Godkendt.»)"


def export(case: Case, *args: str) -> None:
    assert main(["--db", str(case.db_path), "export", str(case.meeting_id), *args]) == 0


def mark_olsens_copy(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Reviewer:
    """The drafted meeting's reading copy (``copy.docx`` in the folder the test works in),
    opened by the reviewer Mark Olsen to change it."""
    draft(case, gaps=False)
    monkeypatch.chdir(tmp_path)
    export(case, "--for-review", "--out", "copy.docx")
    return Reviewer.open(tmp_path / "copy.docx", "Mark Olsen", "2024-03-15T08:00:00Z")


async def highlight(pilot, line: str) -> None:
    await pilot.press("home", *["down"] * problems(pilot.app).index(line))


async def test_a_returned_copy_is_brought_in_decided_approved_and_exported(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (
        mark_olsens_copy(case, tmp_path, monkeypatch)
        .replace("Tilbuddet blev godkendt", "Tilbuddet blev godkendt enstemmigt")
        .delete("Drøftet.")
        .comment("Godkendt.", "Godkendt.", "Hvem stillede forslaget?")
        .save(tmp_path / "r.docx")
    )
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        assert problems(app) == [REMINDER]
        await pilot.press("i")
        assert isinstance(app.screen, FormDialog)
        await answer(pilot, "r.docx")
        assert isinstance(app.screen, ReviewScreen)
        brought = "r.docx: 2 proposed corrections (2 new), 1 comment added."
        assert ("information", f"{brought}\n{KEYS}") in notifications(app)
        assert problems(app) == [COMMENT, REMINDER, ACCEPTED, REJECTED]
        assert "Problems: 3" in str(app.screen.query_one("#problems-label").render())

        await pilot.press("d")  # the word diff of what is proposed
        changes = app.screen.query_one("#changes", Static).content
        assert isinstance(changes, Text)
        assert "2. Renovation of the Mill Street playground · minutes · Mark Olsen\n" in changes.plain
        assert (
            "As sent: Tilbuddet blev godkendt. godkendt enstemmigt.\n" in changes.plain
        )  # struck, then added
        assert ("godkendt.", "strike red") in styled(changes) and (
            "godkendt enstemmigt.",
            "bold green underline",
        ) in styled(changes)
        await pilot.press("d")

        await highlight(pilot, ACCEPTED)
        await pilot.press("y")
        assert ("information", "1 correction accepted.") in notifications(app)
        await pilot.press("escape")  # the secretary's editor shows the accepted wording
        assert isinstance(app.screen, MinutesScreen)
        current = app.screen.live.current
        await pilot.press(*(["ctrl+up"] * (current - 1) if current > 1 else ["ctrl+down"] * (1 - current)))
        assert editor(app).text == "Tilbuddet blev godkendt enstemmigt."
        await pilot.press("ctrl+r")
        await review_open(pilot)
        await highlight(pilot, REJECTED)
        await pilot.press("r")
        await highlight(pilot, COMMENT)
        await pilot.press("x")
        assert problems(app) == [REMINDER]
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # the chair approves
        assert title_bar_state(app) == "approved"

    stored = case.stored()
    assert [i.minutes for i in stored.items][:3] == [
        "Godkendt.",
        "Tilbuddet blev godkendt enstemmigt.",
        "Drøftet.",
    ]
    item_two = case.store.item_ids(case.meeting_id)[1]
    assert case.store.revisions(item_two)[-1].by == "Mark Olsen"
    assert [(p.status, p.authors) for p in case.store.proposals(case.meeting_id)] == [
        ("accepted", ("Mark Olsen",)),
        ("rejected", ("Mark Olsen",)),
    ]
    export(case, "--out", "final.docx")
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "final.docx")).paragraphs]
    assert "Tilbuddet blev godkendt enstemmigt." in paragraphs
    assert "Drøftet." in paragraphs
    assert not any("Hvem stillede" in p for p in paragraphs)  # comments are never exported
    capsys.readouterr()


def title_bar_state(app) -> str:
    return str(app.screen.query_one("#title-bar", Static).content).strip().rsplit("· ", 1)[-1]


TOM = "Tom Becker, board member, West Ward"
ABSENT_TOM = f"Header block: proposed correction: Mark Olsen: participants: «{TOM}» → «{TOM} (afbud)»"
NEWCOMER = "Header block: proposed correction: Mark Olsen: participants: + «Olga Berg, observer»"


async def test_attendance_proposals_are_listed_under_the_header_block_and_decided_by_keys(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (
        mark_olsens_copy(case, tmp_path, monkeypatch)
        .insert(TOM, " (afbud)")  # Tom sent apologies
        .new_paragraph_after("Maria Lindqvist, board member, East Ward", "Olga Berg, observer")
        .save(tmp_path / "r.docx")
    )
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        await pilot.press("i")
        await answer(pilot, "r.docx")
        assert isinstance(app.screen, ReviewScreen)
        assert ("information", f"r.docx: 2 proposed corrections (2 new), 0 comments added.\n{KEYS}") in (
            notifications(app)
        )
        assert problems(app) == [ABSENT_TOM, NEWCOMER, REMINDER]  # the header block's, before the items'

        await pilot.press("d")  # the lines as sent and as proposed
        changes = app.screen.query_one("#changes", Static).content
        assert isinstance(changes, Text)
        assert "The header block · participants · Mark Olsen\n" in changes.plain
        await pilot.press("d")

        await highlight(pilot, ABSENT_TOM)
        await pilot.press("y")
        assert ("information", "1 correction accepted.") in notifications(app)
        await highlight(pilot, NEWCOMER)
        await pilot.press("r")
        assert ("information", "The proposed correction is rejected.") in notifications(app)
        assert problems(app) == [REMINDER]
        assert "Tom Becker, board member, West Ward (afbud)" not in draft_text(app)  # the Afbud row says it
        await pilot.press("a")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # the chair approves
        assert title_bar_state(app) == "approved"

    stored = case.stored()
    tom = next(p for p in stored.participants if p.name == "Tom Becker")
    assert tom.attendance.value == "absent"
    assert "Olga Berg" not in [p.name for p in stored.participants + stored.guests]
    assert [(p.part, p.status, p.decided_by) for p in case.store.proposals(case.meeting_id)] == [
        ("attendance", "accepted", "Mark Olsen"),
        ("attendance", "rejected", "Mark Olsen"),
    ]
    export(case, "--out", "final.docx")
    table = docx.Document(str(tmp_path / "final.docx")).tables[0]
    rows = {row.cells[0].text: row.cells[1].text.split("\n") for row in table.rows}
    assert TOM not in rows["Deltagere"] and rows["Afbud"] == [TOM]
    assert not any("Olga Berg" in line for lines in rows.values() for line in lines)
    capsys.readouterr()


def draft_text(app) -> str:
    return app.screen.draft_text()
