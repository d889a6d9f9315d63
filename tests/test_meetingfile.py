"""Reading meeting files: every key, and every mistake reported at its line."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from referent.fileio import decode_text
from referent.meetingfile.reader import (
    SECTIONS,
    MeetingFileError,
    Problem,
    load_meeting,
    parse_meeting,
)
from referent.meetingfile.tomlpos import key_lines, line_of
from referent.model import Attendance, ItemStatus, Meeting, Numbering, Outcome
from referent.problems import FileProblem

DOCS = Path(__file__).resolve().parents[1] / "docs" / "meeting-file.md"

# Every key of every table, and the same meeting as the ``full_meeting`` fixture.
FULL = '''\
format = 1

[meeting]
title = "2. møde på Politisk Niveau – Sundhedsklynge Midt"
body = "Politisk Niveau"
date = 2023-03-13
start = "14.30"
end = "16.30"
location = "Mødelokale K, Regionshuset"
chair = "Jes Lunde"
secretary = "Maja Lynderup Behrmann"
actual_start = "14.34"
actual_end = "16:21"
next_meeting = "24. maj 2023 kl. 14.00"
style = "nord"

[[participants]]
name = "Mads Duedahl"
role = "regionsrådsformand, Region Nordjylland"
marker = "medformand"
attendance = "present"
left_after = 2

[[participants]]
name = "Ib Nellemann"
role = "formand, Jammerbugt Kommune"
group = "Udvalgsformænd med observatørstatus:"
attendance = "remote"
arrived_at = 2
left_after = 3

[[participants]]
name = "Jan Mainz"
attendance = "absent"
substitute = "Jan Nybo"
substitute_phrase = "Jan Nybo deltager i hans sted"

[[vacant_seats]]
text = "(Repræsentant fra kommunalt PLO-niveau - endnu ikke udpeget)"
group = "Udvalgsformænd med observatørstatus:"

[[guests]]
name = "Louise Weikop"
role = "Aalborg Kommune"
group = "Gæster"
attendance = "present"

[[items]]
number = 1
title = "Velkommen"
start = "14.30"
end = "14.35"
presenter = "Jes Lunde"
case = """
Der bydes velkommen.
"""
parts = ["case", "minutes"]
status = "taken"
actual_start = "14.34"
minutes = "Formanden bød velkommen."

[[items]]
number = 2
title = "Handleplan"
start = "14.35"
end = "15.30"
presenter = "Mikkel Grimmeshave og Daniel Simonsen"
case = """
Fire temaer:

- Mental sundhed
- Træning

| a | b |
|---|---|
| 1 | 2 |
"""
recommendation_intro = "Det indstilles, at Politisk Niveau i fællesskab:"
recommendation = [
    "Godkender handleplanen",
    "Drøfter midlerne",
    "Tager orienteringen til efterretning",  # a comma after the last entry is allowed
]
recommendation_numbering = "a"
attachments = ["Handleplan", "Bilag 1: Fordeling af midler"]
status = "taken"
actual_start = "14.41"
outcomes = ["approved", "", "noted"]
conflicts = ["Jan Mainz", "Louise Weikop"]
minutes = """
Indstillingen blev godkendt.

Drøftet uden bemærkninger."""

[[items.actions]]
what = "Sekretariatet beskriver projekterne"
who = "Sekretariatet"
due = "næste møde"
state = "done"
state_on = 2023-05-24

[[items.actions]]
what = "Udsend handleplanen"

[[items.remarks]]
who = "Ole Stavad"
text = "Jeg tager forbehold for finansieringen."

[[items.comments]]
text = "Tjek beløbet i punkt b"
who = "Jes Lunde"
at = 2023-03-13T16:40:00+00:00
done = true

[[items.corrections]]
at = 2023-03-14T09:15:00Z
reason = "Navnet var stavet forkert"

[[items]]
title = "Lukket punkt: Personalesag"
closed = true
recommendation_short = "Klyngestyregruppen drøfter emnet"
status = "postponed"

[[items]]
number = 4
title = "Eventuelt"
recommendation = ["x"]
outcomes = ["rejected"]
status = "withdrawn"
not_in_agenda = true

[[approvals]]
by = "Jes Lunde"
at = 2023-03-13T16:45:00+00:00
with_problems = true
reopened_at = 2023-03-14T09:00:00+00:00
reopen_reason = "Navnet var stavet forkert"
imported = true

[[approvals]]
by = "Jes Lunde"
at = 2023-03-14T10:00:00+00:00
imported = true

[[meeting_corrections]]
at = 2023-03-14T09:30:00+00:00
reason = "Navnet var stavet forkert"
'''


def test_full_file_reads_into_the_full_meeting(full_meeting: Meeting) -> None:
    assert parse_meeting(FULL) == full_meeting


@pytest.mark.parametrize("section", ["meeting", "participants", "vacant_seats", "guests", "items", "actions"])
def test_full_file_uses_every_key(section: str) -> None:
    used = set(re.findall(r"^(\w+) =", FULL, flags=re.MULTILINE))
    nested = set(SECTIONS)  # keys such as items.actions are tables of their own
    missing = set(SECTIONS[section]) - used - nested
    assert not missing, f"FULL does not use {sorted(missing)} of [{section}]"


def test_full_file_values() -> None:
    meeting = parse_meeting(FULL)
    assert meeting.date == date(2023, 3, 13)
    assert meeting.actual_end == time(16, 21)  # "16:21" is read too
    assert [p.attendance for p in meeting.participants] == [
        Attendance.PRESENT,
        Attendance.REMOTE,
        Attendance.ABSENT,
    ]
    handleplan = meeting.items[1]
    assert handleplan.recommendation.numbering is Numbering.LETTERS
    assert handleplan.recommendation.outcomes == [Outcome.APPROVED, None, Outcome.NOTED]
    assert handleplan.case.startswith("Fire temaer:\n\n- Mental sundhed")  # first newline trimmed
    assert handleplan.minutes.endswith("bemærkninger.")
    assert [a.what for a in handleplan.actions] == [
        "Sekretariatet beskriver projekterne",
        "Udsend handleplanen",
    ]
    assert meeting.items[0].actions == []
    assert meeting.items[2].closed and meeting.items[2].status is ItemStatus.POSTPONED


def test_the_documented_example_reads() -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", text, flags=re.DOTALL)
    assert example, "docs/meeting-file.md has no ```toml example"
    meeting = parse_meeting(example[1])
    assert meeting.title == "2. møde på Politisk Niveau Sundhedsklynge Midt"
    assert [p.name for p in meeting.participants] == ["Mads Duedahl", "Ib Nellemann"]
    assert [g.name for g in meeting.guests] == ["Louise Weikop"]
    assert [i.title for i in meeting.items][-1] == "Eventuelt"
    assert meeting.items[1].recommendation.points == [
        "Godkender handleplanen for Sundhedsklynge Midt",
        "Godkender udmøntningen af sundhedsklyngens midler",
    ]
    assert meeting.items[1].recommendation.outcomes == [None, None]


def test_minimal_file_and_defaults() -> None:
    meeting = parse_meeting('[meeting]\ntitle = "M"\ndate = 2023-03-13\n')
    assert meeting == Meeting(title="M", date=date(2023, 3, 13))


def test_texts_are_cleaned_on_the_way_in() -> None:
    meeting = parse_meeting('[meeting]\ntitle = "a\\u000bb\\u0001c"\ndate = 2023-03-13\n')
    assert meeting.title == "a\nbc"


def test_a_local_time_without_quotes_is_read() -> None:
    meeting = parse_meeting('[meeting]\ntitle = "M"\ndate = 2023-03-13\nstart = 14:30:45\n')
    assert meeting.start == time(14, 30)


# --- every mistake, at its line -------------------------------------------------------

BASE = """\
format = 1

[meeting]
title = "Møde i udvalget"
date = 2023-03-13
start = "14.30"
end = "16.30"

[[participants]]
name = "Anna Jensen"

[[participants]]
name = "Bo Hansen"

[[guests]]
name = "Carl Gæst"

[[items]]
number = 1
title = "Godkendelse af dagsorden"

[[items]]
number = 2
title = "Eventuelt"
"""
# Lines: 3 [meeting], 4 title, 7 end, 9/10 Anna, 12/13 Bo, 15/16 Carl, 18-20 item 1,
# 22-24 item 2; appended lines start at 25 and belong to item 2.


def edit(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def append(*lines: str) -> str:
    return BASE + "".join(f"{line}\n" for line in lines)


def test_base_is_valid() -> None:
    meeting = parse_meeting(BASE)
    assert len(meeting.items) == 2 and len(meeting.participants) == 2


MALFORMED: list[tuple[Any, ...]] = [
    # TOML syntax: the line comes from the parser
    ("toml-no-value", append("presenter = "), 25, "not valid TOML"),
    ("toml-unclosed-string", edit('title = "Eventuelt"', 'title = "Eventuelt'), 24, "not valid TOML"),
    ("toml-duplicate-key", append('title = "Igen"'), 25, "not valid TOML"),
    ("toml-duplicate-table", append("[meeting]"), 25, "not valid TOML"),
    # wrong types
    ("closed-text", append('closed = "yes"'), 25, "'closed' must be true or false, not 'yes' (text)"),
    ("closed-number", append("closed = 1"), 25, "'closed' must be true or false"),
    (
        "title-number",
        edit('title = "Møde i udvalget"', "title = 5"),
        4,
        "'title' must be text in quotes, not 5",
    ),
    ("title-bool", edit('title = "Eventuelt"', "title = true"), 24, "'title' must be text in quotes"),
    ("number-text", edit("number = 2", 'number = "2"'), 23, "'number' must be a whole number"),
    ("number-float", edit("number = 2", "number = 2.0"), 23, "'number' must be a whole number"),
    (
        "arrived-text",
        edit('name = "Anna Jensen"', 'name = "Anna Jensen"\narrived_at = "2"'),
        11,
        "whole number",
    ),
    (
        "date-text",
        edit("date = 2023-03-13", 'date = "13-03-2023"'),
        5,
        "must be a date written as 2023-03-13",
    ),
    ("date-datetime", edit("date = 2023-03-13", "date = 2023-03-13T10:00:00"), 5, "must be a date"),
    ("time-number", edit('start = "14.30"', "start = 1430"), 6, 'must be a time in quotes, like "14.30"'),
    ("list-text", append('recommendation = "Godkender"'), 25, 'must be a list of texts: ["first", "second"]'),
    ("list-numbers", append("attachments = [1, 2]"), 25, "'attachments' must be a list of texts"),
    ("conflicts-text", append('conflicts = "Anna Jensen"'), 25, "'conflicts' must be a list of texts"),
    ("meeting-not-table", "meeting = 5\n", 1, "'meeting' must be a table"),
    ("meeting-array", append("[[meeting]]", 'title = "x"'), 25, "not valid TOML"),
    (
        "items-single-table",
        edit("[[items]]\nnumber = 2", "[items]\nnumber = 2").replace(
            '[[items]]\nnumber = 1\ntitle = "Godkendelse af dagsorden"\n\n', ""
        ),
        18,
        "'items' must be written as [[items]] tables",
    ),
    (
        "participants-list",
        'participants = ["Anna"]\n' + BASE.split("[[participants]]")[0],
        1,
        "'participants' must be written as [[participants]] tables",
    ),
    # unknown keys
    ("unknown-item-key", append('titel = "x"'), 25, "unknown key 'titel' in [items]; did you mean 'title'?"),
    (
        "unknown-meeting-key",
        edit('end = "16.30"', 'end = "16.30"\nlokation = "x"'),
        8,
        "unknown key 'lokation' in [meeting]; did you mean 'location'?",
    ),
    (
        "unknown-participant-key",
        edit('name = "Bo Hansen"', 'name = "Bo Hansen"\nrolle = "x"'),
        14,
        "unknown key 'rolle' in [participants]; did you mean 'role'?",
    ),
    ("unknown-key-no-guess", append('xyzzy = "x"'), 25, "unknown key 'xyzzy' in [items]"),
    ("unknown-top-level-table", append("[agenda]", "x = 1"), 25, "unknown key 'agenda' in a meeting file"),
    ("misspelt-top-level-table", append("[item]", 'title = "x"'), 25, "did you mean 'items'?"),
    (
        "misspelt-top-level-array",
        append("[[item]]", 'title = "x"'),
        25,
        "unknown key 'item' in a meeting file; did you mean 'items'?",
    ),
    (
        "unknown-top-level-key",
        edit("format = 1", "formt = 1"),
        1,
        "unknown key 'formt' in a meeting file; did you mean 'format'?",
    ),
    (
        "format-unknown",
        edit("format = 1", "format = 2"),
        1,
        "format 2 is not known; this referent reads format 1",
    ),
    # times
    (
        "time-impossible",
        edit('end = "16.30"', 'end = "25.61"'),
        7,
        "'end' '25.61' is not a possible time of day",
    ),
    ("time-60-minutes", append('start = "14.60"'), 25, "'start' '14.60' is not a possible time of day"),
    (
        "time-not-a-time",
        append('actual_start = "abc"'),
        25,
        "'actual_start' 'abc' is not a time; write it as 14.30",
    ),
    (
        "meeting-end-before-start",
        edit('end = "16.30"', 'end = "14.00"'),
        7,
        "'end' 14.00 is before 'start' 14.30",
    ),
    (
        "item-end-before-start",
        append('start = "15.00"', 'end = "14.45"'),
        26,
        "'end' 14.45 is before 'start' 15.00",
    ),
    (
        "actual-end-before-actual-start",
        edit('end = "16.30"', 'end = "16.30"\nactual_start = "14.35"\nactual_end = "14.30"'),
        9,
        "'actual_end' 14.30 is before 'actual_start' 14.35",
    ),
    # item numbers
    (
        "duplicate-number",
        edit("number = 2", "number = 1"),
        23,
        "item number 1 is used twice (also by item 1)",
    ),
    (
        "number-not-position",
        edit("number = 2", "number = 3"),
        23,
        "item number 3 stands as item 2: items are numbered in the order they are written",
    ),
    # missing things
    ("missing-meeting", 'format = 1\n\n[[items]]\ntitle = "x"\n', 1, "the [meeting] table is missing"),
    ("missing-title", edit('title = "Møde i udvalget"\n', ""), 3, "'title' is missing from [meeting]"),
    ("missing-date", edit("date = 2023-03-13\n", ""), 3, "'date' is missing from [meeting]"),
    (
        "missing-item-title",
        edit('title = "Eventuelt"\n', ""),
        22,
        "'title' is missing from [[items]] number 2",
    ),
    (
        "missing-name",
        edit('name = "Bo Hansen"', 'role = "x"'),
        12,
        "'name' is missing from [[participants]] number 2",
    ),
    (
        "missing-guest-name",
        edit('name = "Carl Gæst"', 'role = "x"'),
        15,
        "'name' is missing from [[guests]] number 1",
    ),
    ("empty-file", "", 1, "the file is empty; a meeting file needs a [meeting] table"),
    ("blank-file", " \n\n\t\n", 1, "the file is empty"),
    ("only-comments", "# just a comment\n", 1, "the [meeting] table is missing"),
    # references between parts of the file
    (
        "arrived-at-no-such-item",
        edit('name = "Anna Jensen"', 'name = "Anna Jensen"\narrived_at = 3'),
        11,
        "'arrived_at' names item 3, but the meeting has 2 items",
    ),
    (
        "left-after-item-0",
        edit('name = "Carl Gæst"', 'name = "Carl Gæst"\nleft_after = 0'),
        17,
        "'left_after' names item 0, but the meeting has 2 items",
    ),
    (
        "left-before-arrived",
        edit('name = "Anna Jensen"', 'name = "Anna Jensen"\narrived_at = 2\nleft_after = 1'),
        12,
        "left after item 1, before arriving at item 2",
    ),
    (
        "outcomes-longer",
        append('recommendation = ["Godkender"]', 'outcomes = ["approved", "noted"]'),
        26,
        "2 outcomes for 1 recommendation points",
    ),
    (
        "outcomes-without-points",
        append('outcomes = ["approved"]'),
        25,
        "1 outcomes for 0 recommendation points",
    ),
    (
        "conflict-not-participant",
        append('conflicts = ["Ana Jensen"]'),
        25,
        "'Ana Jensen' is not among the participants; did you mean 'Anna Jensen'?",
    ),
    ("conflict-stranger", append('conflicts = ["Zygmunt"]'), 25, "'Zygmunt' is not among the participants"),
    (
        "substitute-and-present",
        edit('name = "Anna Jensen"', 'name = "Anna Jensen"\nattendance = "present"\nsubstitute = "Jens"'),
        12,
        "a participant with a substitute cannot also be present",
    ),
    (
        "guest-substitute-and-remote",
        edit('name = "Carl Gæst"', 'name = "Carl Gæst"\nsubstitute = "Jens"\nattendance = "remote"'),
        17,
        "a participant with a substitute cannot also be present",
    ),
    # enumerations
    (
        "bad-attendance",
        edit('name = "Bo Hansen"', 'name = "Bo Hansen"\nattendance = "here"'),
        14,
        "'attendance' must be one of 'unknown', 'present', 'absent', 'remote', not 'here' (text)",
    ),
    (
        "bad-status",
        append('status = "done"'),
        25,
        "'status' must be one of 'pending', 'taken', 'postponed', 'withdrawn', not 'done'",
    ),
    (
        "bad-numbering",
        append('recommendation_numbering = "i"'),
        25,
        "'recommendation_numbering' must be one of '1', 'a', '-', not 'i'",
    ),
    (
        "numbering-number",
        append("recommendation_numbering = 1"),
        25,
        "must be one of '1', 'a', '-', not 1 (a number)",
    ),
    (
        "bad-outcome",
        append('recommendation = ["a"]', 'outcomes = ["godkendt"]'),
        26,
        "'outcomes' must be a list with one of 'approved', 'noted', 'discussed', 'postponed', 'rejected'",
    ),
    # the line locator must not be fooled
    (
        "key-in-action",
        append("", "[[items.actions]]", 'what = "Følg op"', "who = 3"),
        28,
        "'who' must be text in quotes, not 3",
    ),
    (
        "unknown-key-in-second-action",
        append("", "[[items.actions]]", 'what = "a"', "", "[[items.actions]]", 'what = "b"', 'hvem = "x"'),
        31,
        "unknown key 'hvem' in [items.actions]",
    ),
    ("action-without-what", append("", "[[items.actions]]", 'who = "x"'), 26, "'what' is missing"),
    (
        "key-after-multiline-string",
        append('case = """', 'status = "done"', "titel = 5", "[[items]]", '"""', 'status = "nope"'),
        30,
        "'status' must be one of",
    ),
    (
        "key-after-literal-multiline-string",
        append("case = '''", 'start = "99.99"', "[[items]]", "'''", 'start = "24.00"'),
        29,
        "'start' '24.00' is not a possible time of day",
    ),
    (
        "key-after-multiline-array",
        append("recommendation = [", '    "a = 1",', '    "b",', "]", 'attachments = "x"'),
        29,
        "'attachments' must be a list of texts",
    ),
    (
        "key-after-array-of-arrays",
        append("conflicts = [", "  [", '    "x"', "  ],", "]", "closed = 2"),
        30,
        "'closed' must be true or false",
    ),
]


@pytest.mark.parametrize(
    ("source", "line", "phrase"), [pytest.param(*c[1:4], id=c[0], marks=c[4:]) for c in MALFORMED]
)
def test_malformed(source: str, line: int, phrase: str) -> None:
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(source, "møde.toml")
    problems = caught.value.problems
    matching = [p for p in problems if phrase in p.message]
    assert matching, f"no problem says {phrase!r}: {problems}"
    assert matching[0].line == line, problems
    assert all(p.line for p in problems)  # every problem points at a line
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert str(caught.value).startswith("møde.toml:")


def test_problems_are_rendered_as_file_line_message() -> None:
    assert Problem(7, "wrong").render("m.toml") == "m.toml:7: wrong"
    assert Problem(None, "no such file").render("m.toml") == "m.toml: no such file"
    error = MeetingFileError("m.toml", [Problem(3, "a"), Problem(9, "b")])
    assert str(error) == "m.toml:3: a\nm.toml:9: b"


def test_every_problem_is_reported_sorted_by_line() -> None:
    source = (
        edit('title = "Møde i udvalget"', 'titel = "Møde i udvalget"')
        .replace('end = "16.30"', 'end = "25.61"')
        .replace('name = "Anna Jensen"', 'name = "Anna Jensen"\narrived_at = 7')
        + 'closed = 1\nconflicts = ["Nobody"]\n'
    )
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(source)
    problems = caught.value.problems
    assert [p.line for p in problems] == [3, 4, 7, 11, 26, 27]
    assert "'title' is missing" in problems[0].message
    assert "did you mean 'title'" in problems[1].message
    assert "25.61" in problems[2].message
    assert "arrived_at" in problems[3].message
    assert "closed" in problems[4].message
    assert "Nobody" in problems[5].message


def test_a_syntax_error_at_the_end_of_the_file_is_still_one_clear_problem() -> None:
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting('[meeting]\ntitle = """never closed\n')
    [problem] = caught.value.problems
    assert problem.message.startswith("not valid TOML: ")
    assert "(at " not in problem.message  # the position is in the line, not repeated in words


def test_number_true_is_only_a_type_error() -> None:
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(edit("number = 2", "number = true"))
    assert [p.message for p in caught.value.problems] == [
        "'number' must be a whole number, not true (true/false)"
    ]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_in_a_string_do_not_shift_line_numbers(separator: str) -> None:
    source = edit('title = "Møde i udvalget"', f'title = "Møde{separator}i udvalget"')
    source = source.replace('end = "16.30"', 'end = "25.61"')
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(source)
    assert [p.line for p in caught.value.problems] == [7]


# --- reading from disk ------------------------------------------------------------------


def test_load_meeting_from_disk(write_file: Callable[..., Path]) -> None:
    path = write_file("møde.toml", BASE)
    assert load_meeting(path) == parse_meeting(BASE)


def test_a_byte_order_mark_and_crlf_are_accepted(write_file: Callable[..., Path]) -> None:
    path = write_file("bom.toml", "\ufeff" + BASE.replace("\n", "\r\n"))
    assert load_meeting(path) == parse_meeting(BASE)


def test_crlf_file_reports_the_right_line() -> None:
    source = edit('end = "16.30"', 'end = "25.61"').replace("\n", "\r\n")
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(source)
    assert [p.line for p in caught.value.problems] == [7]


@pytest.mark.parametrize(
    ("content", "line", "phrase"),
    [
        (b'[meeting]\ntitle = "x"\n\x00\x01\x02', 3, "this is a binary file, not a meeting file"),
        ('[meeting]\ntitle = "Møde"\n'.encode("latin-1"), 2, "is not UTF-8 text; save the file as UTF-8"),
    ],
    ids=["binary", "latin-1"],
)
def test_not_a_text_file(write_file: Callable[..., Path], content: bytes, line: int, phrase: str) -> None:
    path = write_file("bad.toml", content)
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    assert caught.value.problems == [Problem(line, caught.value.problems[0].message)]
    assert phrase in caught.value.problems[0].message
    with pytest.raises(FileProblem):
        decode_text(content, "meeting file")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(tmp_path / "nowhere.toml")
    assert caught.value.problems == [Problem(None, "no such file")]
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(tmp_path)
    assert caught.value.problems == [Problem(None, "is a directory, not a meeting file")]


# --- the line locator -----------------------------------------------------------------

TRICKY = '''\
"quoted key" = 1
a . b. "c d" = 2
'x.y' = 3
s = """
[[items]]
title = "not a key"
"""
t = \'\'\'
[meeting]
x = """
\'\'\'
e = "escaped \\" [[items]] quote"
p = 'C:\\path\\'
# a comment with [[items]] and title = "x"
[ meeting ] # [comment]
title = "T" # [
[[items]]
title = "a"
arr = [  # [
  "x]",
  ["y"],
]
after = 1
[[items.actions]]
what = "w"
[[items]]
case = """q \\""" still inside"""
[[items.actions]]
what = "w2"
[[items.actions]]
what = """closes with extra quotes"""""
n = 2
  indented = 3
'''


def test_key_lines_on_tricky_input() -> None:
    import tomllib

    tomllib.loads(TRICKY)  # the input is valid TOML
    assert key_lines(TRICKY) == {
        ("quoted key",): 1,
        ("a", "b", "c d"): 2,
        ("x.y",): 3,
        ("s",): 4,
        ("t",): 8,
        ("e",): 12,
        ("p",): 13,
        ("meeting",): 15,
        ("meeting", "title"): 16,
        ("items",): 17,  # an array of tables stands where its first table does
        ("items", 0): 17,
        ("items", 0, "title"): 18,
        ("items", 0, "arr"): 19,
        ("items", 0, "after"): 23,
        ("items", 0, "actions"): 24,
        ("items", 0, "actions", 0): 24,
        ("items", 0, "actions", 0, "what"): 25,
        ("items", 1): 26,
        ("items", 1, "case"): 27,
        ("items", 1, "actions"): 28,
        ("items", 1, "actions", 0): 28,
        ("items", 1, "actions", 0, "what"): 29,
        ("items", 1, "actions", 1): 30,
        ("items", 1, "actions", 1, "what"): 31,
        ("items", 1, "actions", 1, "n"): 32,
        ("items", 1, "actions", 1, "indented"): 33,
    }


def test_line_of_falls_back_to_the_nearest_ancestor() -> None:
    lines = key_lines(BASE)
    assert line_of(lines, ("items", 1, "title")) == 24
    assert line_of(lines, ("items", 1, "conflicts")) == 22  # not written: the item's header
    assert line_of(lines, ("items", 1, "actions", 0, "what")) == 22
    assert line_of(lines, ("nothing",)) is None
