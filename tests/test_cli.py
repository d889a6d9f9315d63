"""The ``referent`` command: messages a secretary can act on, exit statuses scripts can rely on."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from referent import __version__
from referent.cli import build_parser, main
from referent.meetingfile.reader import parse_meeting
from referent.meetingfile.writer import dump_meeting
from referent.model import Meeting

GOOD = """\
[meeting]
title = "Styregruppe"
date = 2023-03-13
start = "14.30"

[[participants]]
name = "Anna"

[[items]]
title = "Velkommen"

[[items]]
title = "Eventuelt"
"""

WriteFile = Callable[..., Path]


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m referent ARGS`` in a fresh process; never a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "referent", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def subcommands() -> list[str]:
    [action] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


# --- help and version ---------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"referent {__version__}"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: referent")
    for command in subcommands():
        assert command in out
    assert {"check", "import", "list", "dump"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: referent {command}")
    assert "--db" in out


def test_help_and_version_in_a_real_process(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0 and "usage: referent" in result.stdout
    result = run("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"referent {__version__}")
    result = run("check", "--help", cwd=tmp_path)
    assert result.returncode == 0 and "usage: referent check" in result.stdout


# --- check ------------------------------------------------------------------------------


def test_check_ok(write_file: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_file("møde.toml", GOOD)
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: OK\n"


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        (
            GOOD.replace('start = "14.30"', 'start = "25.61"'),
            4,
            "'start' '25.61' is not a possible time of day",
        ),
        (GOOD + 'titel = "x"\n', 14, "unknown key 'titel' in [items]; did you mean 'title'?"),
        (GOOD + "number = 1\n", 14, "item number 1 stands as item 2"),
        (GOOD + 'conflicts = ["Ana"]\n', 14, "'Ana' is not among the participants; did you mean 'Anna'?"),
        (GOOD + "closed = \n", 14, "not valid TOML: "),
        (GOOD.replace('name = "Anna"', 'name = "Anna"\narrived_at = 9'), 8, "'arrived_at' names item 9"),
    ],
    ids=["time", "unknown-key", "number", "conflict", "syntax", "arrived-at"],
)
def test_check_reports_file_line_message(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str], source: str, line: int, message: str
) -> None:
    path = write_file("møde.toml", source)
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"{path}:{line}: {message}")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("tom.docx", b"", "the file is empty (0 bytes), not a Word document"),
        ("side.docx", b"<!DOCTYPE html>\n<html><body>Dagsorden</body></html>", "this is a web page (HTML)"),
        ("side.toml", b"  <html><body>Dagsorden</body></html>", "this is a web page (HTML)"),
        ("passwd.docx", "/etc/passwd", "is not a Word document (.docx) inside"),
    ],
    ids=["empty-docx", "html-docx", "html-toml", "symlink-to-passwd"],
)
def test_a_file_named_docx_that_is_not_one_gets_a_word_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str, expected: str
) -> None:
    """They were read as meeting files: 'not valid TOML: Invalid statement'."""
    path = tmp_path / name
    if isinstance(content, str):
        path.symlink_to(content)
    else:
        path.write_bytes(content)
    for command in (["check", str(path)], ["import", str(path)]):
        assert main(command) == 2
        captured = capsys.readouterr()
        said = captured.out + captured.err
        assert f"{path}: {expected}" in said and "TOML" not in said and "[meeting]" not in said


@pytest.mark.parametrize(
    ("name", "megabytes", "expected"),
    [
        ("stor.toml", 200, "is 200.0 MB; a meeting file may be at most 10 MB"),
        ("stor.toml", 11, "is 11.0 MB; a meeting file may be at most 10 MB"),
        ("stor.docx", 60, "is 60.0 MB; a Word agenda may be at most 50 MB"),
        ("stor", 200, "is 200.0 MB; a meeting file may be at most 10 MB, a Word agenda 50 MB"),
    ],
)
def test_a_file_too_large_is_told_its_own_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, megabytes: int, expected: str
) -> None:
    """A 200 MB .toml was told the limit is 50 MB, an 11 MB one 10 MB."""
    path = tmp_path / name
    with path.open("wb") as file:  # sparse: costs no disk and no time
        file.truncate(megabytes * 1024 * 1024)
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().out == f"{path}: {expected}\n"


def test_check_shows_invisible_characters_it_quotes(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    """A right-to-left override in a quoted key turned the rest of the line around."""
    path = write_file("møde.toml", GOOD.replace("[meeting]\n", '[meeting]\n"ti\u202etle2" = "x"\n', 1))
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert "unknown key 'ti<U+202E>tle2' in [meeting]" in out
    assert "\u202e" not in out


def test_check_several_files_reports_each(write_file: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_file("a.toml", GOOD)
    bad = write_file("b.toml", GOOD.replace('start = "14.30"', 'start = "14.60"') + "closed = 1\n")
    assert main(["check", str(good), str(bad)]) == 2
    assert capsys.readouterr().out.splitlines() == [
        f"{good}: OK",
        f"{bad}:4: 'start' '14.60' is not a possible time of day",
        f"{bad}:14: 'closed' must be true or false, not 1 (a number)",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "{}: no such file"),
        ("directory", "{}: is a directory, not a meeting file or Word agenda"),
        (b"", "{}:1: the file is empty; a meeting file needs a [meeting] table"),
        (b'[meeting]\ntitle = "x"\n\x00\x00binary', "{}:3: this is a binary file, not a meeting file"),
        (
            '[meeting]\ntitle = "Møde"\n'.encode("latin-1"),
            "{}:2: is not UTF-8 text; save the file as UTF-8 and try again",
        ),
    ],
    ids=["missing", "directory", "empty", "binary", "latin-1"],
)
def test_check_files_that_are_not_meeting_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, expected: str
) -> None:
    path = tmp_path / "møde.toml"
    if content == "directory":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == expected.format(path) + "\n"
    assert captured.err == ""


def test_check_in_a_real_process(tmp_path: Path, write_file: WriteFile) -> None:
    write_file("ok.toml", GOOD)
    write_file("bad.toml", GOOD.replace('start = "14.30"', 'start = "25.61"'))
    write_file("latin.toml", '[meeting]\ntitle = "Møde"\n'.encode("latin-1"))
    result = run("check", "ok.toml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "ok.toml: OK\n")
    result = run("check", "bad.toml", "latin.toml", "missing.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "bad.toml:4: 'start' '25.61' is not a possible time of day",
        "latin.toml:2: is not UTF-8 text; save the file as UTF-8 and try again",
        "missing.toml: no such file",
    ]
    assert result.stderr == ""


# --- import, list, dump -------------------------------------------------------------------


def test_import_list_dump_round_trip(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str], referent_db: Path, full_meeting: Meeting
) -> None:
    path = write_file("møde.toml", dump_meeting(full_meeting))
    assert main(["import", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: imported as meeting 1\n"
    assert referent_db.exists()  # REFERENT_DB is honoured
    assert main(["list"]) == 0
    header, body, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["ID", "DATE", "STATUS", "LAST", "SAVED", "FILE", "TITLE"]
    assert body == full_meeting.body  # the meetings of each body under its name
    assert row.split()[:3] == ["1", "2023-03-13", "draft"]  # a file's approvals are history here
    assert " møde.toml " in row
    assert row.endswith(full_meeting.title)
    assert main(["dump", "1"]) == 0
    dumped = capsys.readouterr().out
    assert dumped == dump_meeting(full_meeting)
    assert parse_meeting(dumped) == full_meeting


def test_list_keeps_a_meeting_to_one_line_of_the_terminal_and_gives_it_whole_to_a_pipe(
    write_file: WriteFile,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    referent_db: Path,
) -> None:
    """Seen at 80 columns: a long title wrapped onto a line of its own."""
    path = write_file("møde.toml", GOOD.replace('title = "', 'title = "' + "Meget lang titel " * 6, 1))
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    assert main(["list"]) == 0  # a pipe (capsys): the whole title
    piped = capsys.readouterr().out.splitlines()[2]
    assert piped.count("Meget lang titel") == 6 and len(piped) > 80
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size((80, 24)))
    assert main(["list"]) == 0
    _, _, row = capsys.readouterr().out.splitlines()
    assert len(row) == 80 and row.endswith("…") and row[:-1] == piped[:79]


def test_list_on_an_empty_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    assert capsys.readouterr().out == "No meetings yet. Import one with: referent import FILE\n"


def test_db_option_wins_over_the_environment(
    tmp_path: Path, write_file: WriteFile, capsys: pytest.CaptureFixture[str], referent_db: Path
) -> None:
    path = write_file("møde.toml", GOOD)
    other = tmp_path / "other.db"
    assert main(["import", str(path), "--db", str(other)]) == 0
    assert other.exists() and not referent_db.exists()
    capsys.readouterr()
    assert main(["list"]) == 0
    assert capsys.readouterr().out.startswith("No meetings yet")
    assert main(["list", "--db", str(other)]) == 0
    assert "Styregruppe" in capsys.readouterr().out


def test_db_option_before_the_command(tmp_path: Path, write_file: WriteFile, referent_db: Path) -> None:
    path = write_file("møde.toml", GOOD)
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "import", str(path)]) == 0
    assert other.exists() and not referent_db.exists()


def test_import_list_dump_in_real_processes(tmp_path: Path, write_file: WriteFile) -> None:
    write_file("møde.toml", GOOD)
    env = {"REFERENT_DB": str(tmp_path / "env.db")}
    result = run("import", "møde.toml", cwd=tmp_path, env=env)
    assert (result.returncode, result.stdout) == (0, "møde.toml: imported as meeting 1\n")
    result = run("list", cwd=tmp_path, env=env)
    assert result.returncode == 0 and "agenda" in result.stdout and "Styregruppe" in result.stdout
    result = run("dump", "1", cwd=tmp_path, env=env)
    assert result.returncode == 0
    assert parse_meeting(result.stdout) == parse_meeting(GOOD)
    result = run("dump", "1", "--db", str(tmp_path / "elsewhere.db"), cwd=tmp_path, env=env)
    assert result.returncode == 1  # --db wins over REFERENT_DB, and names a database that is not there
    assert result.stderr.startswith(f"referent: {tmp_path / 'elsewhere.db'}: there is no database here")
    assert not (tmp_path / "elsewhere.db").exists()


def test_dump_out_writes_the_file_atomically(
    tmp_path: Path, write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(write_file("møde.toml", GOOD))]) == 0
    out = tmp_path / "ud" / "referat.toml"
    out.parent.mkdir()
    out.write_text("old contents", encoding="utf-8")
    capsys.readouterr()
    assert main(["dump", "1", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    assert parse_meeting(out.read_text(encoding="utf-8")) == parse_meeting(GOOD)
    assert sorted(p.name for p in out.parent.iterdir()) == ["referat.toml"]  # no temporary file left


def test_dump_out_that_fails_leaves_the_old_file_intact(
    tmp_path: Path, write_file: WriteFile, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["import", str(write_file("møde.toml", GOOD))]) == 0
    out = tmp_path / "referat.toml"
    out.write_text("old contents", encoding="utf-8")
    before = set(tmp_path.iterdir())

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    capsys.readouterr()
    assert main(["dump", "1", "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "old contents"
    assert set(tmp_path.iterdir()) == before
    err = capsys.readouterr().err
    assert err.startswith(f"referent: {out}: ") and len(err.splitlines()) == 1


def test_dump_out_into_a_missing_folder(tmp_path: Path, write_file: WriteFile, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["import", str(write_file("møde.toml", GOOD))]) == 0
    capsys.readouterr()
    assert main(["dump", "1", "--out", str(tmp_path / "nowhere" / "x.toml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("referent: ") and "does not exist" in err and len(err.splitlines()) == 1


def test_dump_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", "42"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "referent: no meeting with id 42 in the database; see 'referent list'\n"


def test_import_of_an_invalid_file_stores_nothing(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_file("møde.toml", GOOD + 'titel = "x"\nclosed = "ja"\n')
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"referent: {path}:14: unknown key 'titel'")
    assert f"{path}:15: 'closed' must be true or false" in err
    assert main(["list"]) == 0
    assert capsys.readouterr().out.startswith("No meetings yet")


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.toml", "no such file"), (".", "is a directory, not a meeting file or Word agenda")],
    ids=["missing", "directory"],
)
def test_import_of_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    """The same one-line messages as ``referent check`` gives for the same file."""
    assert main(["import", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("referent: ") and err.rstrip().endswith(message) and len(err.splitlines()) == 1


def test_a_database_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "broken.db").write_bytes(b"this is not sqlite" * 300)
    result = run("list", "--db", "broken.db", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("referent: broken.db: the database is damaged")
    assert "Traceback" not in result.stderr


# --- usage errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "phrase"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["--frob"], "unrecognized arguments: --frob"),
        (["check"], "the following arguments are required: FILE"),
        (["list", "--nope"], "unrecognized arguments: --nope"),
        (["dump", "x"], "'x' is not a meeting id"),
        (["dump"], "the following arguments are required: ID"),
        (["import", "a.toml", "b.toml"], "unrecognized arguments: b.toml"),
    ],
    ids=[
        "unknown-command",
        "unknown-option",
        "check-no-file",
        "list-option",
        "dump-bad-id",
        "dump-no-id",
        "import-two",
    ],
)
def test_usage_errors_exit_2_with_usage(
    argv: list[str], phrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: referent")
    assert phrase in err


def test_usage_error_in_a_real_process(tmp_path: Path) -> None:
    result = run("frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: referent") and "invalid choice" in result.stderr
    assert result.stdout == ""
