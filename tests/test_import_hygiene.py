"""Start-up stays lean: the core never imports Textual, and `referent check` needs no database or Word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORE = [
    "referent",
    "referent.model",
    "referent.danish",
    "referent.textclean",
    "referent.meetingfile.tomlpos",
    "referent.meetingfile.reader",
    "referent.meetingfile.writer",
    "referent.store",
    "referent.schema",
    "referent.paths",
    "referent.cli",
]
HEAVY = ("textual", "sqlite_utils", "docx", "lxml", "platformdirs")

REPORT = f"""
import json, sys
print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))))
"""


def loaded_after(code: str, cwd: Path) -> set[str]:
    """Which heavy top-level packages a fresh interpreter has imported after running ``code``."""
    result = subprocess.run(
        [sys.executable, "-c", code + REPORT],
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


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module: str, tmp_path: Path) -> None:
    loaded = loaded_after(f"import {module}", tmp_path)
    assert "textual" not in loaded
    assert "docx" not in loaded


def test_the_whole_core_together_does_not_import_textual(tmp_path: Path) -> None:
    assert "textual" not in loaded_after("\n".join(f"import {m}" for m in CORE), tmp_path)


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


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_import_nothing_heavy(option: str, tmp_path: Path) -> None:
    code = f"from referent.cli import main\ntry:\n    main([{option!r}])\nexcept SystemExit:\n    pass\n"
    assert loaded_after(code, tmp_path) == set()


def test_cli_and_meeting_file_modules_import_nothing_heavy(tmp_path: Path) -> None:
    loaded = loaded_after(
        "import referent.cli, referent.meetingfile.reader, referent.meetingfile.writer", tmp_path
    )
    assert loaded == set()
