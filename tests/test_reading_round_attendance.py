"""The reading round's header block: a reviewer's changes to the attendance lines (Deltagere,
Afbud) — tracked as Word writes them, or typed over — become proposals, are accepted onto the
meeting's attendance and read back from the exported minutes; a line that names nobody is
refused with the reason; the other rows, a heading's number or time, are told as ignored with
their words; a comment on the header block becomes the first item's."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reviewer import NO_OFFICE, OFFICE, Reviewer, saved_again_by_libreoffice
from test_reading_round import MINUTES, reading_copy, run

from referent.model import Attendance, Participant
from referent.readinground.document import read_returned
from referent.store import Store

OLE = "Ole Stavad, regionsrådsmedlem"
TORBEN = "Torben Froberg Poulsen, næstformand i Sundheds- og Kulturudvalget, Aalborg Kommune"
MADS = "Mads Duedahl, regionsrådsformand, Region Nordjylland (medformand)"
PARTICIPANTS = "attendance, participants:"
MAJA = "Maja Lynderup Behrmann, AC-fuldmægtig, Region Nordjylland"


@pytest.fixture
def copy(tmp_path: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Meeting 1 (Ole present; Torben, Mads and Lina absent) and its reading copy."""
    return reading_copy(capsys, tmp_path)


def people(referent_db: Path) -> dict[str, Participant]:
    store = Store.open(referent_db)
    try:
        meeting = store.load_meeting(1)
        return {p.name: p for p in meeting.participants + meeting.guests}
    finally:
        store.close()


def header_rows(path: Path) -> dict[str, list[str]]:
    """The exported minutes' header block, read back: each row's label and its lines."""
    table = docx.Document(str(path)).tables[0]
    return {row.cells[0].text: row.cells[1].text.split("\n") for row in table.rows}


def test_the_reading_copy_marks_the_header_rows_and_keeps_them_as_sent(copy: Path, referent_db: Path) -> None:
    returned = read_returned(copy.read_bytes(), str(copy))
    header = {name: part for (number, name), part in returned.parts.items() if number == 0}
    assert sorted(header) == [
        "header_absent", "header_chair", "header_location",
        "header_participants", "header_title", "header_when",
    ]  # fmt: skip
    assert header["header_absent"].original.split("\n\n")[0] == MADS
    assert "Udvalgsformænd med observatørstatus:" in header["header_participants"].original
    store = Store.open(referent_db)
    kept = store.reading_copy(1)
    store.close()
    assert kept is not None and kept.sent["header"]["absent"].endswith("Region Nordjylland")


def test_tracked_changes_on_the_attendance_lines_are_accepted_onto_the_attendance(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
        .insert(OLE, " (afbud)")  # Deltagere: Ole sent apologies
        .delete(TORBEN)  # Afbud: Torben came after all
        .new_paragraph_after(MAJA, "Søren Kjær, studentermedhjælper")  # someone not on the list, added
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "check", str(back))
    assert status == 0
    lines = out.splitlines()
    header = lines.index("  The header block")
    assert lines[header + 1 : header + 4] == [  # in the order of the copy
        f"    attendance, participants: «{OLE}» → «{OLE} (afbud)» (Jes Lunde, 2023-03-15 09:30)",
        "    attendance, participants: + «Søren Kjær, studentermedhjælper» (Jes Lunde, 2023-03-15 09:30)",
        f"    attendance, absent: - «{TORBEN}» (Jes Lunde, 2023-03-15 09:30)",
    ]
    assert "ignored" not in out
    assert lines.index("  The header block") < lines.index(f"Bring them in with: referent review {back}")

    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0, out
    assert f"accepted: the header block: {PARTICIPANTS} «{OLE}» → «{OLE} (afbud)» (Jes Lunde)" in out
    now = people(referent_db)
    assert now["Ole Stavad"].attendance is Attendance.ABSENT
    assert now["Torben Froberg Poulsen"].attendance is Attendance.PRESENT
    added = now["Søren Kjær"]
    assert (added.role, added.group) == ("studentermedhjælper", "Sekretariat")
    assert added.attendance is Attendance.PRESENT
    store = Store.open(referent_db)
    decided = [(p.part, p.status, p.decided_by) for p in store.proposals(1)]
    store.close()
    assert decided == [("attendance", "accepted", "Jes Lunde")] * 3

    assert run(capsys, "export", "1", "--out", str(tmp_path / "minutes.docx"))[0] == 0
    rows = header_rows(tmp_path / "minutes.docx")
    assert f"{OLE}" not in rows["Deltagere"] and f"{OLE}" in rows["Afbud"]
    assert TORBEN in rows["Deltagere"] and TORBEN not in rows["Afbud"]
    assert rows["Deltagere"][-1] == "Søren Kjær, studentermedhjælper"  # under Sekretariat, the last group

    status, out, _ = run(capsys, "review", str(back), "--accept-all")  # the same command again
    assert status == 0
    assert out.count("accepted already: the header block: attendance, ") == 3
    assert people(referent_db) == now


def test_an_attendance_line_typed_over_is_found_against_the_line_as_sent(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde")
        .type_over("Rikke Svenstrup", "Rikke Svendstrup")  # the name's spelling corrected
        .type_over(MADS, f"{MADS} – Jan Nybo deltager i stedet")  # who came in Mads's place
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "check", str(back))
    assert (
        "    attendance, participants [untracked]: «Rikke Svenstrup, PLO-Nordjylland» → "
        "«Rikke Svendstrup, PLO-Nordjylland» (Jes Lunde)" in out.splitlines()
    )
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0, out
    now = people(referent_db)
    assert "Rikke Svenstrup" not in now and now["Rikke Svendstrup"].attendance is Attendance.PRESENT
    assert (now["Mads Duedahl"].attendance, now["Mads Duedahl"].substitute) == (Attendance.ABSENT, "Jan Nybo")
    assert run(capsys, "export", "1", "--out", str(tmp_path / "minutes.docx"))[0] == 0
    rows = header_rows(tmp_path / "minutes.docx")
    assert "Rikke Svendstrup, PLO-Nordjylland" in rows["Deltagere"]
    assert rows["Afbud"][0] == f"{MADS} – Jan Nybo deltager i stedet"


def test_a_line_that_names_nobody_or_several_is_refused_with_the_reason(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    store = Store.open(referent_db)
    store.add_participant(1, Participant(name="Ole  STAVAD", role="gæst"), guest=True)  # folds alike
    store.close()
    back = (
        Reviewer.open(copy, "Jes Lunde")
        .new_paragraph_after(MADS, "Hans Hansen")  # Afbud: someone not on the list
        .insert(OLE, " (afbud)")  # Ole, who is now two people
        .save(tmp_path / "back.docx")
    )
    before = people(referent_db)
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 1
    assert (
        "not applied: the header block: attendance, absent: + «Hans Hansen» — «Hans Hansen» names nobody on "
        "the list of participants: mark it in referent" in out
    )
    assert (
        f"not applied: the header block: attendance, participants: «{OLE}» → «{OLE} (afbud)» — "
        f"«{OLE} (afbud)» names more than one person on the list: mark it in referent" in out
    )
    assert people(referent_db) == before
    store = Store.open(referent_db)
    assert [p.status for p in store.proposals(1)] == ["open", "open"]  # left to decide in the review
    store.close()


def test_the_other_rows_and_a_headings_time_are_told_with_their_words(
    copy: Path, tmp_path: Path, capsys
) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde")
        .replace("Mødelokale K", "Mødelokale L")
        .replace("14.35", "14.40")  # item 1's heading: "– kl. 14.30 – 14.35"
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "check", str(back))
    assert status == 0
    lines = out.splitlines()
    assert (
        "  ignored: the header block's place row: «Mødelokale K» → «Mødelokale L» is not read (of the header "
        "block only the attendance lines are); make it in referent" in lines
    )
    assert (
        "  ignored: item 1 (Velkommen og godkendelse af dagsorden): «14.35» → «14.40» in the heading's "
        "number or time is not read; make it in referent" in lines
    )
    assert "no tracked changes and no comments" in out


def test_a_comment_on_the_header_block_becomes_the_first_items(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    back = (
        Reviewer.open(copy, "Ole Stavad", "2023-03-16T14:05:00Z")
        .comment("Mødelokale K", "Mødelokale K", "Var det ikke lokale L?")
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "check", str(back))
    lines = out.splitlines()
    header = lines.index("  The header block")
    assert lines[header + 1].startswith("    comment: Var det ikke lokale L? (on «Mødelokale K")
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0 and "1 comment added" in out
    assert "ignored" not in out
    store = Store.open(referent_db)
    (comment,) = store.load_meeting(1).items[0].comments
    store.close()
    assert comment.who == "Ole Stavad"
    assert comment.text.startswith("On the header block: Var det ikke lokale L? («Mødelokale K")
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert "0 comments added" in out  # not twice


def test_a_danish_meeting_says_it_in_danish(
    copy: Path, tmp_path: Path, referent_db: Path, capsys, c_locale: None
) -> None:
    back = (
        Reviewer.open(copy, "Ole Stavad")
        .comment("Mødelokale K", "Mødelokale K", "Lokale L?")
        .insert(OLE, " (afbud)")
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "review", str(back), "--accept-all")  # the meeting's language
    assert status == 0, out
    danish = f"godtaget: mødeoplysningerne: deltagelse, deltagere: «{OLE}» → «{OLE} (afbud)» (Ole Stavad)"
    assert danish in out
    store = Store.open(referent_db)
    (comment,) = store.load_meeting(1).items[0].comments
    store.close()
    assert comment.text.startswith("Om mødeoplysningerne: Lokale L?")


@pytest.mark.skipif(OFFICE is None, reason=NO_OFFICE)
def test_an_attendance_change_survives_a_save_by_libreoffice(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    edited = (
        Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
        .insert(OLE, " (afbud)")
        .delete(TORBEN)
        .replace("Mødelokale K", "Mødelokale L")
        .save(tmp_path / "edited.docx")
    )
    resaved = saved_again_by_libreoffice(edited, tmp_path)
    assert "_referent_header_absent" in _document_xml(resaved)  # the row's bookmark kept
    status, out, _ = run(capsys, "review", str(resaved), "--accept-all")
    assert status == 0, out
    assert f"accepted: the header block: {PARTICIPANTS} «{OLE}» → «{OLE} (afbud)» (Jes Lunde)" in out
    assert f"accepted: the header block: attendance, absent: - «{TORBEN}» (Jes Lunde)" in out
    assert "the header block's place row: «Mødelokale K» → «Mødelokale L» is not read" in out
    assert out.count("accepted: ") == 2  # nothing else read as a change (Mads and Lina stay absent)
    now = people(referent_db)
    assert now["Ole Stavad"].attendance is Attendance.ABSENT
    assert now["Torben Froberg Poulsen"].attendance is Attendance.PRESENT
    assert now["Mads Duedahl"].attendance is Attendance.ABSENT


def _document_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode()


def test_a_header_written_as_lines_with_absences_inline_is_read_too(
    tmp_path: Path, referent_db: Path, capsys
) -> None:
    """The house style "nord": the header as lines (no table), "(afbud)" and "(via Teams)" after
    the names, no Afbud row."""
    assert run(capsys, "import", str(MINUTES))[0] == 0
    store = Store.open(referent_db)
    store.update_meeting(1, style="nord")
    store.close()
    copy = tmp_path / "copy.docx"
    assert run(capsys, "export", "1", "--for-review", "--out", str(copy))[0] == 0
    back = (
        Reviewer.open(copy, "Jes Lunde")
        .insert(OLE, " (via Teams)")
        .delete(" (afbud)", occurrence=0)  # the first "(afbud)" alone, Torben's: he came after all
        .replace("Mødelokale K", "Mødelokale L")
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0, out
    assert f"accepted: the header block: {PARTICIPANTS} «{OLE}» → «{OLE} (via Teams)» (Jes Lunde)" in out
    assert f"accepted: the header block: {PARTICIPANTS} «{TORBEN} (afbud)» → «{TORBEN}» (Jes Lunde)" in out
    assert "the header block's place row: «Mødelokale K» → «Mødelokale L» is not read" in out
    now = people(referent_db)
    assert now["Ole Stavad"].attendance is Attendance.REMOTE
    assert now["Torben Froberg Poulsen"].attendance is Attendance.PRESENT
    assert now["Mads Duedahl"].attendance is Attendance.ABSENT


def test_words_typed_after_a_rows_bookmark_end_are_still_the_rows(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    """Word does not widen a bookmark for words typed at its end: " (afbud)" after the last line
    of Deltagere lands after the row's bookmarkEnd, in the same paragraph."""
    from reviewer import W

    reviewer = Reviewer.open(copy, "Jes Lunde").insert(MAJA, " (afbud)")
    insertion = next(reviewer.document.iter(W + "ins"))
    end = next(e for e in insertion.itersiblings() if e.tag == W + "bookmarkEnd")
    insertion.addprevious(end)  # the bookmark ends before the words typed
    back = reviewer.save(tmp_path / "back.docx")
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0, out
    assert f"accepted: the header block: {PARTICIPANTS} «{MAJA}» → «{MAJA} (afbud)» (Jes Lunde)" in out
    assert "ignored" not in out
    assert people(referent_db)["Maja Lynderup Behrmann"].attendance is Attendance.ABSENT


def test_the_words_kept_in_constants_are_in_the_catalogue() -> None:
    """Translated where shown (``t(STANDS[...])``), so not found by the check of ``t`` literals."""
    import ast
    import inspect

    from referent.cli.reading import DONE_LINES
    from referent.i18n import DANISH
    from referent.readinground import attendance, bringing
    from referent.readinground.document import IGNORED

    def first_arguments(module: object, function: str) -> list[str]:
        return [
            node.args[0].value
            for node in ast.walk(ast.parse(inspect.getsource(module)))  # type: ignore[arg-type]
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == function
            and node.args and isinstance(node.args[0], ast.Constant)
        ]  # fmt: skip

    refusals = first_arguments(attendance, "Refused") + first_arguments(bringing, "phrase")
    assert len(refusals) >= 5
    words = [
        *bringing.STANDS.values(), *DONE_LINES.values(), *bringing.HEADER_ROWS.values(),
        *attendance.ROW_WORDS.values(), *IGNORED.values(), *bringing.IGNORED_HERE.values(),
        bringing.ON_HEADER, *refusals,
    ]  # fmt: skip
    assert [text for text in words if text not in DANISH] == []


def test_lines_are_paired_by_the_person_they_name_never_by_place() -> None:
    from referent.readinground.attendance import attendance_proposals
    from referent.readinground.document import PARAGRAPH, Part, Segment

    part = Part(0, "header_participants")
    who = ("Jes Lunde", "2023-03-15T09:30:00Z")
    for segment in (
        Segment("Sekretariat" + PARAGRAPH),
        Segment("Hans", "del", *who), Segment("Olga", "ins", *who),  # one out, another in: not a rename
        Segment(PARAGRAPH + "Rikke Svenstrup", "del", *who),
        Segment(PARAGRAPH + "Rikke Svendstrup", "ins", *who),  # the spelling: a rename
        Segment(", PLO"),
    ):  # fmt: skip
        part.add(segment)
    found = [(p.old, p.new, p.after) for p in attendance_proposals(part, None, "", {"sekretariat"})]
    assert sorted(found) == [
        ("", "Olga", "Sekretariat"),
        ("Hans", "", "Sekretariat"),
        ("Rikke Svenstrup, PLO", "Rikke Svendstrup, PLO", "Sekretariat"),
    ]
