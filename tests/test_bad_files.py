"""Hostile or broken meeting, style and settings files: one clear message each, never a hang,
all the memory or a traceback (issue 12, point 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from referent.config import load_settings
from referent.export.style import StyleError, load_style
from referent.fileio import MAX_FILE_BYTES
from referent.meetingfile.reader import MeetingFileError, load_meeting, parse_meeting

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="/dev/zero, FIFOs and rlimits: POSIX")
GOOD = '[meeting]\ntitle = "Møde"\ndate = 2023-03-13\n[[items]]\ntitle = "Eventuelt"\n'


def meeting_problems(path: Path) -> list[str]:
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    return [problem.render(path.name) for problem in caught.value.problems]


def style_problems(path: Path) -> list[str]:
    with pytest.raises(StyleError) as caught:
        load_style(path)
    return [problem.render(path.name) for problem in caught.value.problems]


def settings_problems(path: Path) -> list[str]:
    return [problem.render(path.name) for problem in load_settings(path).problems]


READERS: dict[str, Callable[[Path], list[str]]] = {
    "meeting": meeting_problems,
    "style": style_problems,
    "settings": settings_problems,
}
KINDS = {"meeting": "meeting file", "style": "style file", "settings": "settings file"}


# --- files that are not files: run in a child with a time and memory limit -------------

CHILD = """\
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))  # 1 GB: /dev/zero must not eat it
from pathlib import Path
from referent.config import load_settings
from referent.export.style import StyleError, load_style
from referent.meetingfile.reader import MeetingFileError, load_meeting

kind, path = sys.argv[1], Path(sys.argv[2])
try:
    if kind == "meeting":
        load_meeting(path)
    elif kind == "style":
        load_style(path)
    else:
        print("\\n".join(p.render(str(path)) for p in load_settings(path).problems))
except (MeetingFileError, StyleError) as error:
    print(error)
"""


def read_in_child(kind: str, path: Path, tmp_path: Path) -> str:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), kind, str(path)],
        capture_output=True,
        text=True,
        timeout=120,  # a FIFO read without care never returns (a deadline, not a duration)
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


@posix_only
@pytest.mark.parametrize("kind", READERS)
def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path, kind: str) -> None:
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    assert read_in_child(kind, link, tmp_path) == (
        f"{link}: is not an ordinary file (a device, a pipe or a socket), not a {KINDS[kind]}"
    )


@posix_only
@pytest.mark.parametrize("kind", READERS)
def test_a_fifo_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert "is not an ordinary file" in read_in_child(kind, fifo, tmp_path)


@pytest.mark.parametrize("kind", READERS)
def test_a_file_over_the_size_limit_is_refused(tmp_path: Path, kind: str) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as file:  # sparse: no 10 MB written to the test's disk
        file.write(GOOD.encode())
        file.truncate(MAX_FILE_BYTES + 1)
    assert READERS[kind](big) == [f"big.toml: is 10.1 MB; a {KINDS[kind]} may be at most 10 MB"]


def test_a_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "full.toml"
    padding = "# " + "x" * 1000 + "\n"
    text = GOOD + padding * ((MAX_FILE_BYTES - len(GOOD.encode())) // len(padding))
    path.write_text(text, encoding="utf-8")
    assert load_meeting(path).title == "Møde"


@pytest.mark.parametrize("kind", READERS)
def test_a_folder_is_refused(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert READERS[kind](folder) == [f"folder.toml: is a directory, not a {KINDS[kind]}"]


# --- deep nesting ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", READERS)
@pytest.mark.parametrize(
    "value",
    ["[" * 500, "[" * 500 + "]" * 500, "{a = " * 500 + "1" + "}" * 500],
    ids=["open", "closed", "tables"],
)
def test_deep_nesting_is_a_problem_with_a_line(tmp_path: Path, kind: str, value: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(f"# a comment\n\nphrases = {value}\n", encoding="utf-8")
    [problem] = READERS[kind](path)
    assert problem.startswith("deep.toml:3: lists or tables nested 500 levels deep"), problem


def test_deep_nesting_over_many_lines_names_the_deepest(tmp_path: Path) -> None:
    source = GOOD + "attachments = [\n" + "[\n" * 600 + "]\n" * 600 + "]\n"
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(source, "m.toml")
    [problem] = caught.value.problems
    assert problem.line == 6 + 600 and "601 levels" in problem.message


# --- UTF-16 ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", READERS)
@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("utf-16"),
        GOOD.encode("utf-16-be"),
        GOOD.encode("utf-16-le"),
        b"\xfe\xff" + GOOD.encode("utf-16-be"),
    ],
    ids=["bom", "big-endian", "little-endian", "bom-big-endian"],
)
def test_a_utf16_file_is_named_as_such(tmp_path: Path, kind: str, data: bytes) -> None:
    path = tmp_path / "u16.toml"
    path.write_bytes(data)
    assert READERS[kind](path) == ["u16.toml: the file is UTF-16; save it as UTF-8"]


def test_a_binary_file_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_bytes(GOOD.encode() + b"\x00\x01\x02\x03" * 50)
    assert meeting_problems(path) == ["b.toml:6: this is a binary file, not a meeting file"]


# --- mistakes in a readable file ---------------------------------------------------------

PEOPLE = """\
[meeting]
title = "Møde"
date = 2023-03-13

[[participants]]
name = "Anna Jensen"

[[participants]]
name = "Bo Hansen"

[[guests]]
name = "Carl Gæst"

[[items]]
title = "Eventuelt"
"""
# Lines: 2 title, 6 Anna, 9 Bo, 12 Carl, 15 item title


def problems_in(source: str) -> list[tuple[int | None, str]]:
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(source)
    return [(p.line, p.message) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ('title = "Møde"', 'title = ""', 2),
        ('title = "Eventuelt"', 'title = "   "', 15),
        ('name = "Bo Hansen"', 'name = ""', 9),
        ('name = "Carl Gæst"', 'name = " \\t "', 12),
    ],
    ids=["meeting-title", "item-title", "participant-name", "guest-name"],
)
def test_empty_titles_and_names_are_errors(old: str, new: str, line: int) -> None:
    key = new.split(" =")[0]
    assert problems_in(PEOPLE.replace(old, new)) == [(line, f"'{key}' must not be empty")]


@pytest.mark.parametrize(
    ("old", "new", "line", "also"),
    [
        ('name = "Bo Hansen"', 'name = "Anna Jensen"', 9, "participant 1"),
        ('name = "Carl Gæst"', 'name = "anna  jensen "', 12, "participant 1"),
        ('name = "Bo Hansen"', 'name = "Anna\u200b Jensen"', 9, "participant 1"),
        ('name = "Bo Hansen"', 'name = "Anna\u200f Jensen\ufeff"', 9, "participant 1"),
        ('name = "Bo Hansen"', 'name = "Anna Jen\u00adsen"', 9, "participant 1"),
    ],
    ids=["two-participants", "participant-and-guest", "zero-width-space", "bidi-mark-and-bom", "soft-hyphen"],
)
def test_a_person_named_twice_is_an_error(old: str, new: str, line: int, also: str) -> None:
    """Invisible characters do not make another person: "Helen Carter" and "Helen\u200b Carter"
    were two participants. Those that do nothing are dropped as the file is read; the rest are
    not counted when names are compared."""
    source = PEOPLE.replace(old, new)
    name = new.split('"')[1].encode().decode("unicode-escape").encode("latin-1").decode()
    name = name.replace("\u200b", "").replace("\u200f", "").replace("\ufeff", "")
    assert problems_in(source) == [(line, f"'{name}' is named twice (also {also})")]


def test_two_guests_with_the_same_name_are_an_error() -> None:
    source = PEOPLE + '\n[[guests]]\nname = "Carl Gæst"\n'
    assert problems_in(source) == [(18, "'Carl Gæst' is named twice (also guest 1)")]


APPROVAL = '\n[[approvals]]\nby = "Formand"\nat = {at}\nreopened_at = {reopened}\n'


@pytest.mark.parametrize(
    ("at", "reopened"),
    [
        ("2023-03-14T09:00:00", "2023-03-13T16:40:00"),
        ("2023-03-14T09:00:00+01:00", "2023-03-14T08:59:00+01:00"),
        ("2023-03-14T09:00:00+01:00", "2023-03-14T07:00:00Z"),
    ],
    ids=["naive", "same-zone", "other-zone"],
)
def test_an_approval_reopened_before_it_was_given_is_an_error(at: str, reopened: str) -> None:
    [(line, message)] = problems_in(PEOPLE + APPROVAL.format(at=at, reopened=reopened))
    assert line == 20
    assert message.startswith("'reopened_at' ") and "is before 'at'" in message


@pytest.mark.parametrize(
    ("at", "reopened"),
    [("2023-03-13T16:40:00", "2023-03-14T09:00:00"), ("2023-03-14T09:00:00+01:00", "2023-03-14T08:30:00Z")],
)
def test_an_approval_reopened_after_it_was_given_is_fine(at: str, reopened: str) -> None:
    [approval] = parse_meeting(PEOPLE + APPROVAL.format(at=at, reopened=reopened)).approvals
    assert approval.reopened_at is not None


def test_a_naive_and_a_zoned_moment_are_compared_without_a_traceback() -> None:
    problems = problems_in(
        PEOPLE + APPROVAL.format(at="2023-03-14T09:00:00", reopened="2020-01-01T00:00:00Z")
    )
    assert [line for line, _ in problems] == [20]


# --- the command line ---------------------------------------------------------------------


@posix_only
def test_referent_check_reports_a_fifo_and_deep_nesting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 500 + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "referent", "check", "pipe.toml", "deep.toml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        "pipe.toml: is not an ordinary file (a device, a pipe or a socket), not a meeting file or Word "
        "agenda",
        "deep.toml:1: lists or tables nested 500 levels deep: too deep to read",
    ]
