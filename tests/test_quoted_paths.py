"""Paths with spaces and worse: a command referent prints runs as printed, and the picker
takes a path the way a terminal types a file dropped into it."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import DEMO, SIZE, Case, screen_text

from referent.cli.language import command
from referent.paths import shell_word, typed_path
from referent.ui.app import make_app
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.picker import PickerScreen

posix_only = pytest.mark.skipif(os.name == "nt", reason="a POSIX shell runs the printed commands")

NAMES = [
    "Dagsorden 26. august 2022.docx",
    "Referat (udkast) – Bestyrelsen & Co.docx",
    "plain-name_1.docx",
    "it's Jens' dagsorden.docx",
    'a "quoted" word.docx',
    "$HOME and `date`.docx",
    "back\\slash.docx",
    "hurra!.docx",
    "tab\tand *star?.docx",
]


def fake_referent(folder: Path) -> dict[str, str]:
    """An environment whose ``referent`` prints the words it was given, as JSON."""
    script = folder / "bin" / "referent"
    script.parent.mkdir()
    script.write_text(
        f"#!{sys.executable}\nimport json, sys\nprint(json.dumps(sys.argv[1:]))\n", encoding="utf-8"
    )
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{script.parent}{os.pathsep}{os.environ['PATH']}"}


def real_referent(folder: Path) -> dict[str, str]:
    """An environment whose ``referent`` is this checkout's, run by this Python."""
    script = folder / "bin" / "referent"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m referent "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{script.parent}{os.pathsep}{os.environ['PATH']}"}


def shell(line: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", "-c", line],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


# --- printed commands -----------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("name", NAMES)
def test_a_printed_command_gives_the_program_the_path_as_one_word(tmp_path: Path, name: str) -> None:
    env = fake_referent(tmp_path)
    for path in (name, f"/srv/møder/{name}"):
        line = command("import", "--copy", path)
        ran = shell(line, env, tmp_path)
        assert ran.returncode == 0, ran.stderr
        assert json.loads(ran.stdout) == ["import", "--copy", path], line
        assert shlex.split(line) == ["referent", "import", "--copy", path]


def test_plain_paths_stay_bare_and_readable_ones_get_double_quotes() -> None:
    assert shell_word("/srv/moeder/plain-name_1.docx") == "/srv/moeder/plain-name_1.docx"
    assert shell_word("Dagsorden 26. august 2022.docx") == '"Dagsorden 26. august 2022.docx"'
    assert shell_word("it's.docx") == '"it\'s.docx"'
    assert shell_word("$HOME.docx") == "'$HOME.docx'"  # double quotes would expand it
    assert shell_word("hurra!.docx") == "'hurra!.docx'"  # bash's history expansion, in double quotes


@posix_only
def test_the_suggested_commands_of_import_run_as_printed(tmp_path: Path) -> None:
    """The issue's case: 'Open it with: referent open Dagsorden 26. august 2022.docx' failed
    when copied. Each command referent suggests is run, copied from its output."""
    env = real_referent(tmp_path)
    agenda = tmp_path / "Dagsorden 26. august 2022.toml"
    shutil.copy(DEMO, agenda)
    first = shell(command("import", agenda.name), env, tmp_path)
    assert first.returncode == 0, first.stderr
    again = shell(command("import", agenda.name), env, tmp_path).stdout.splitlines()
    suggested = again[1].removeprefix("Open it with: ")
    open_command, copy_command = suggested.split("   (an independent copy: ")
    assert shlex.split(open_command) == ["referent", "open", agenda.name]
    copied = shell(copy_command.removesuffix(")"), env, tmp_path)
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout == f"{agenda.name}: imported as meeting 2 (a copy of meeting 1)\n"

    agenda.write_text(
        agenda.read_text(encoding="utf-8").replace("March meeting", "April meeting"), encoding="utf-8"
    )
    changed = shell(command("import", agenda.name), env, tmp_path).stdout.splitlines()
    update = changed[-1].removeprefix("Nothing was changed. Bring these into the draft with: ")
    updated = shell(update, env, tmp_path)
    assert updated.returncode == 0, updated.stderr
    assert updated.stdout.startswith(f"{agenda.name}: the draft, meeting 1, now follows the file:")

    exported = shell(command("export", agenda.name, "--out", "x.md"), env, tmp_path)
    assert exported.returncode == 0, exported.stderr  # the draft is up to date: no suggestion


# --- the picker -----------------------------------------------------------------------------

AGENDA = "Dagsorden 26. august 2022.toml"


def dropped(folder: Path) -> dict[str, str]:
    """How terminals type a file dropped into them (and a person who types it plainly)."""
    path = folder / AGENDA
    escaped = str(path).replace(" ", "\\ ")
    uri = "file://" + str(path).replace(" ", "%20")
    return {
        "plain": str(path),
        "single quotes (GNOME Terminal, Konsole)": f"'{path}' ",
        "double quotes (Windows Terminal)": f'"{path}"',
        "backslash escapes (macOS Terminal, iTerm2)": escaped,
        "file URI": uri,
        "file URI with localhost": "file://localhost" + uri.removeprefix("file://"),
    }


@pytest.mark.parametrize("how", list(dropped(Path("/x"))))
def test_typed_path_reads_what_a_terminal_types(tmp_path: Path, how: str) -> None:
    (tmp_path / AGENDA).write_text("x", encoding="utf-8")
    assert typed_path(dropped(tmp_path)[how]) == tmp_path / AGENDA


def test_a_name_that_holds_quotes_is_taken_as_it_is(tmp_path: Path) -> None:
    quoted = tmp_path / "'dagsorden'.toml"
    quoted.write_text("x", encoding="utf-8")
    assert typed_path(str(quoted)) == quoted
    unmatched = tmp_path / "it's.toml"
    unmatched.write_text("x", encoding="utf-8")
    assert typed_path(str(unmatched)) == unmatched


def test_a_path_that_is_not_there_is_named_without_its_quotes(tmp_path: Path) -> None:
    assert typed_path(f"'{tmp_path}/mangler.docx' ") == tmp_path / "mangler.docx"
    assert typed_path("~/x.docx") == Path.home() / "x.docx"


@pytest.mark.parametrize(
    "how",
    ["single quotes (GNOME Terminal, Konsole)", "backslash escapes (macOS Terminal, iTerm2)", "file URI"],
)
async def test_the_picker_opens_a_dropped_file(tmp_path: Path, how: str) -> None:
    case = Case(tmp_path)
    shutil.copy(DEMO, tmp_path / AGENDA)
    try:
        app = make_app(
            case.db_path, None, store=case.store, clock=case.clock, settings_path=case.settings_path
        )
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, PickerScreen)
            await pilot.press("tab")  # from the list to the path field
            app.screen.query_one("#path").value = dropped(tmp_path)[how]  # type: ignore[attr-defined]
            await pilot.press("enter")
            assert isinstance(app.screen, MinutesScreen), screen_text(app)
        assert case.store.find_by_source(tmp_path / AGENDA) is not None
    finally:
        case.close()
