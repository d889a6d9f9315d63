"""Start-up stays lean: the core never imports Textual, and `referent check` needs no database or Word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("textual", "sqlite_utils", "docx", "lxml", "platformdirs")

REPORT = """
import json, sys
print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}} & set({watched!r}))))
"""


def loaded_after(code: str, cwd: Path, watched: tuple[str, ...] = HEAVY) -> set[str]:
    """Which of the ``watched`` top-level packages (the heavy ones) a fresh interpreter has
    imported after running ``code``."""
    result = subprocess.run(
        [sys.executable, "-c", code + REPORT.format(watched=watched)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_the_report_sees_an_import(tmp_path: Path) -> None:
    assert "docx" in loaded_after("import docx", tmp_path)  # the check itself works


def core_modules() -> list[str]:
    """Every module of referent outside the UI package, found by walking the package."""
    import pkgutil

    import referent

    found = ["referent"]
    for module in pkgutil.walk_packages(referent.__path__, "referent."):
        if module.name != "referent.__main__" and not module.name.startswith(("referent.ui.", "referent.ui")):
            found.append(module.name)
    return sorted(found)


def test_the_walk_finds_the_core() -> None:
    modules = core_modules()
    assert {"referent.model", "referent.store.base", "referent.export.word", "referent.review"} <= set(
        modules
    )
    assert not [m for m in modules if m.startswith("referent.ui")]


def test_no_core_module_imports_textual(tmp_path: Path) -> None:
    """The layering rule, for every module outside ``referent.ui``: the first that pulls in
    Textual is named."""
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, f'{name} imports textual'\n"
    )
    loaded_after(code, tmp_path)


def test_opening_a_database_that_needs_no_migration_imports_no_sqlite_utils(tmp_path: Path) -> None:
    """sqlite-utils keeps the schema; a start that finds nothing to migrate does not pay for it."""
    from referent.store import Store

    Store.open(tmp_path / "t.db").close()  # created and migrated here, in the test's process
    code = "from referent.store import Store\nStore.open('t.db').list_meetings()\n"
    assert "sqlite_utils" not in loaded_after(code, tmp_path)


def test_check_imports_neither_database_nor_word_nor_textual(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text('[meeting]\ntitle = "M"\ndate = 2023-03-13\n', encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[meeting]\ntitle = 5\n", encoding="utf-8")
    code = (
        "from referent.cli import main\n"
        "assert main(['check', 'm.toml']) == 0\n"
        "assert main(['check', 'bad.toml']) == 2\n"
    )
    loaded = loaded_after(code, tmp_path)
    assert loaded.isdisjoint({"textual", "sqlite_utils", "docx"}), loaded


def test_an_export_imports_only_what_it_uses(tmp_path: Path) -> None:
    """The secretary waits for ``referent export``: no Textual, no sqlite-utils, and none of
    what only a wrong key needs (difflib, for "did you mean")."""
    from referent.cli import main

    meeting = tmp_path / "m.toml"
    meeting.write_text('[meeting]\ntitle = "M"\ndate = 2023-03-13\n', encoding="utf-8")
    database = tmp_path / "r.db"
    assert main(["import", str(meeting), "--db", str(database)]) == 0  # made and migrated here
    export = "['export', 'm.toml', '--db', 'r.db', '--out', 'x.docx']"
    code = f"from referent.cli import main\nassert main({export}) == 0\n"
    watched = ("textual", "sqlite_utils", "difflib", "docx")
    assert loaded_after(code, tmp_path, watched) == {"docx"}


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_import_nothing_heavy(option: str, tmp_path: Path) -> None:
    code = f"from referent.cli import main\ntry:\n    main([{option!r}])\nexcept SystemExit:\n    pass\n"
    assert loaded_after(code, tmp_path) == set()


def test_cli_and_meeting_file_modules_import_nothing_heavy(tmp_path: Path) -> None:
    loaded = loaded_after(
        "import referent.cli, referent.meetingfile.reader, referent.meetingfile.writer", tmp_path
    )
    assert loaded == set()
