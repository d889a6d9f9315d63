"""The documentation keeps up with the code: every command, key and file key is described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from referent.cli import build_parser
from referent.meetingfile.reader import SECTIONS, SUB_SECTIONS, TOP_LEVEL
from referent.ui.dialogs.actions import ActionsDialog
from referent.ui.dialogs.followups import FollowUpsDialog
from referent.ui.dialogs.history import HistoryDialog
from referent.ui.keys import describe_key
from referent.ui.screens.attendance import AttendanceScreen
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.reading import ReadingScreen
from referent.ui.screens.review import ReviewScreen

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MEETING_FILE_DOC = (ROOT / "docs" / "meeting-file.md").read_text(encoding="utf-8")


def _subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"]
    return sorted(actions[0].choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`referent {command}" in README


def key_table(heading: str) -> list[list[str]]:
    """The cells of the first table under ``heading`` in the README (the header row left out)."""
    section = README.split(f"\n{heading}\n", 1)[1]
    rows = [line for line in section.split("\n|---", 1)[1].splitlines()[1:]]
    rows = rows[: next((n for n, row in enumerate(rows) if not row.startswith("|")), len(rows))]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]


def key_names(text: str) -> set[str]:
    """``Ctrl+Home / Ctrl+End (or Alt+Home)``, ``Enter or E``, ``↑ ↓``: each key named, in lower case."""
    return {name.lower() for name in re.split(r",|/|\(|\)|\bor\b|\s", text) if name}


KEY_TABLES = {
    MinutesScreen: "### Keys on the minutes screen",
    AttendanceScreen: "### Keys on the attendance screen",
    ReviewScreen: "## The chair's review and approval",
    ActionsDialog: "### Keys in the list of action items (F9)",
    FollowUpsDialog: "### Keys in the follow-ups of earlier meetings (F7)",
    ReadingScreen: "### Correcting how the agenda was read",
}


def documented_keys(screen: type) -> set[str]:
    """The keys the README's table for ``screen`` names in its key column (an item's history:
    the keys in bold in the review's row for H)."""
    if screen is HistoryDialog:
        [history] = [row for row in key_table(KEY_TABLES[ReviewScreen]) if row[0] == "H"]
        return {name for bold in re.findall(r"\*\*(.+?)\*\*", history[1]) for name in key_names(bold)}
    return {name for row in key_table(KEY_TABLES[screen]) for name in key_names(row[0])}


@pytest.mark.parametrize(
    "screen",
    [
        MinutesScreen,
        AttendanceScreen,
        ReviewScreen,
        ReadingScreen,
        HistoryDialog,
        ActionsDialog,
        FollowUpsDialog,
    ],
    ids=lambda screen: screen.__name__,
)
def test_every_key_is_in_the_readme(screen: type) -> None:
    """Each key of the screen is named in the key column of the screen's own table in the
    README, spelt as F1 help spells it (a letter must be a key of that table, not any letter
    anywhere in the README)."""
    documented = documented_keys(screen)
    for binding in screen.BINDINGS:
        for key in binding.key.split(","):
            shown = describe_key(key).lower()
            if key in ("A", "N"):  # an upper-case letter is written Shift+letter
                shown = f"shift+{key.lower()}"
            assert shown in documented, f"{screen.__name__}: {key} ({binding.description}) not in its table"


def test_the_key_tables_are_read_as_tables() -> None:
    """The check above reads what it should: a key missing from a table is missed."""
    assert {"p", "a", "shift+a", "esc", "f2"} <= documented_keys(AttendanceScreen)
    assert "x" not in documented_keys(AttendanceScreen)  # a key of the review, not of attendance
    assert {"ctrl+home", "alt+end", "alt+l", "ctrl+pgup"} <= documented_keys(MinutesScreen)
    assert {"b", "r"} <= documented_keys(HistoryDialog)


@pytest.mark.parametrize(
    ("section", "key"),
    [
        (section, key)
        for section, keys in SECTIONS.items()
        for key in keys
        if section != "guests" and key not in SUB_SECTIONS
    ],
)
def test_every_meeting_file_key_is_documented(section: str, key: str) -> None:
    assert re.search(rf"\| `{key}` \|", MEETING_FILE_DOC), f"[{section}] {key} is not in docs/meeting-file.md"


@pytest.mark.parametrize("table", [t for t in TOP_LEVEL if t != "format"])
def test_every_table_is_documented(table: str) -> None:
    assert f"[{table}]" in MEETING_FILE_DOC or f"[[{table}]]" in MEETING_FILE_DOC


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    """`.ci/run` is the README's one test command, and that command runs every check."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    test_section = README.split("## Test", 1)[1].split("```sh\n", 1)[1].split("\n```", 1)[0]
    assert ci == test_section.strip()
    for check in ("ruff check", "ruff format --check", "mypy --strict src", "pytest -n auto"):
        assert check in ci
