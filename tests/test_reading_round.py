"""The reading round: a reading copy goes out, comes back from Word with tracked changes and
comments, is checked, brought in, accepted in part, and the exported minutes read as decided."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from reviewer import NO_OFFICE, OFFICE, Reviewer, saved_again_by_libreoffice

from referent.cli import main
from referent.readinground.bringing import conflicts, locate, preview
from referent.readinground.document import read_returned
from referent.store import Store

MINUTES = Path(__file__).parent / "fixtures" / "minutes" / "politisk-niveau-klynge-midt-2023-03-13.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exited:
        status = int(exited.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def reading_copy(capsys: pytest.CaptureFixture[str], folder: Path) -> Path:
    """``MINUTES`` imported as meeting 1 and its reading copy exported, as sent to the reviewers."""
    assert run(capsys, "import", str(MINUTES))[0] == 0
    out = folder / "copy.docx"
    status, _, err = run(capsys, "export", "1", "--for-review", "--out", str(out))
    assert status == 0, err
    return out


@pytest.fixture
def copy(tmp_path: Path, referent_db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Meeting 1 (six items, minutes typed) and its reading copy."""
    return reading_copy(capsys, tmp_path)


def minutes(referent_db: Path, number: int) -> str:
    store = Store.open(referent_db)
    try:
        return store.load_meeting(1).items[number - 1].minutes
    finally:
        store.close()


def exported_paragraphs(capsys: pytest.CaptureFixture[str], path: Path) -> list[str]:
    assert run(capsys, "export", "1", "--out", str(path))[0] == 0
    return [p.text for p in docx.Document(str(path)).paragraphs]


# --- the copy that goes out ------------------------------------------------------------------


def test_the_reading_copy_records_its_meeting_and_copy_and_marks_its_parts(
    copy: Path, referent_db: Path
) -> None:
    with zipfile.ZipFile(copy) as archive:
        core = archive.read("docProps/core.xml").decode()
        body = archive.read("word/document.xml").decode()
    assert "minutes draft for-review copy 1</dc:identifier>" in core
    assert 'w:name="_referent_1_title"' in body and 'w:name="_referent_4_minutes"' in body
    store = Store.open(referent_db)
    kept = store.reading_copy(1)
    store.close()
    assert kept is not None and kept.meeting_id == 1
    assert kept.sent["items"]["4"]["parts"]["minutes"].startswith("Handleplanen blev drøftet mht.")
    assert kept.sent["items"]["1"]["parts"]["title"].startswith("1. Velkommen og godkendelse af dagsorden")


def test_a_copy_without_changes_proposes_nothing(copy: Path, referent_db: Path, capsys) -> None:
    status, out, _ = run(capsys, "check", str(copy))
    assert status == 0
    assert "a reading copy of meeting 1 (2. møde på Politisk Niveau Sundhedsklynge Midt, 2023-03-13)" in out
    assert "no tracked changes and no comments" in out


# --- what is read ----------------------------------------------------------------------------


def test_tracked_changes_are_read_with_author_and_date_and_formatting_is_ignored(
    copy: Path, tmp_path: Path
) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
        .replace("Ingen bemærkninger", "Ingen bemærkninger til dagsordenen")
        .delete(" Der var enighed om, at handleplanen rummer gode indsatser, som er til gavn for borgerne.")
        .insert("Indstillingen blev godkendt", " uden bemærkninger")
        .bold("Følgende emner")
        .save(tmp_path / "back.docx")
    )
    returned = read_returned(back.read_bytes(), str(back))
    changed = {key: part for key, part in returned.parts.items() if part.changed}
    assert sorted(changed) == [(1, "minutes"), (3, "minutes"), (4, "minutes")]
    assert changed[(1, "minutes")].original == "Ingen bemærkninger"
    assert changed[(1, "minutes")].reviewed == "Ingen bemærkninger til dagsordenen"
    assert changed[(3, "minutes")].reviewed == "Indstillingen blev godkendt uden bemærkninger."
    assert {s.author for s in changed[(4, "minutes")].segments if s.state} == {"Jes Lunde"}
    assert {s.date for s in changed[(4, "minutes")].segments if s.state} == {"2023-03-15T09:30:00Z"}
    assert returned.ignored == ["formatting"]


def test_check_lists_each_change_and_comment_per_item(copy: Path, tmp_path: Path, capsys) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
        .replace("Indstillingen blev godkendt", "Indstillingen blev godkendt enstemmigt")
        .insert("Velkommen", " og farvel")
        .comment("Handleplanen blev drøftet", "Handleplanen blev således", "Er dette korrekt?")
        .page_layout()
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "check", str(back))
    assert status == 0
    lines = out.splitlines()
    first = lines.index("  1. Velkommen og godkendelse af dagsorden")
    assert lines[first + 1] == "    title: + «og farvel» (Jes Lunde, 2023-03-15 09:30)"
    third = lines.index(
        "  3. Godkendelse af Sundhedsklynge Midts input til slutstatus af Sundhedsaftalen 2019"
    )
    assert lines[third + 1] == (
        "    minutes: «Indstillingen blev godkendt» → «Indstillingen blev godkendt enstemmigt» "
        "(Jes Lunde, 2023-03-15 09:30)"
    )
    fourth = lines.index("  4. Godkendelse af handleplan for Sundhedsklynge Midt")
    assert lines[fourth + 1].startswith("    comment: Er dette korrekt? (on «Handleplanen blev drøftet mht.")
    assert "  ignored: changes to the page layout are not read: the house style decides it" in lines
    assert f"Bring them in with: referent review {back}" in lines
    assert minutes_untouched(copy)


def minutes_untouched(copy: Path) -> bool:
    """``check`` changed nothing: no proposal is kept."""
    import os

    store = Store.open(os.environ["REFERENT_DB"])
    try:
        return store.proposals(1) == []
    finally:
        store.close()


def test_a_comment_over_several_runs_and_paragraphs_becomes_the_chairs_comment(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    back = (
        Reviewer.open(copy, "Ole Stavad", "2023-03-16T14:05:00Z")
        .replace("fælles udfordringer", "fælles udfordringer")  # the anchor's first word in a run of its own
        .comment(
            "Handleplanen blev drøftet", "Handleplanen blev således", "Skal indsats 10 nævnes?\nOg hvornår?"
        )
        .save(tmp_path / "back.docx")
    )
    returned = read_returned(back.read_bytes(), str(back))
    (comment,) = returned.comments
    assert (comment.author, comment.date, comment.number) == ("Ole Stavad", "2023-03-16T14:05:00Z", 4)
    assert comment.text == "Skal indsats 10 nævnes?\nOg hvornår?"
    assert comment.anchor.startswith(
        "Handleplanen blev drøftet mht., om indsatserne rammer rigtigt ift. de fælles"
    )
    assert "borgerne. Handleplanen blev således godkendt" in comment.anchor  # over two paragraphs
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0 and "1 comment added" in out
    store = Store.open(referent_db)
    (added,) = store.load_meeting(1).items[3].comments
    store.close()
    assert added.who == "Ole Stavad" and added.text.startswith(
        "Skal indsats 10 nævnes?\nOg hvornår? («Handleplanen"
    )
    assert added.at is not None and added.at.isoformat().startswith("2023-03-16T14:05")
    assert run(capsys, "review", str(back), "--accept-all")[1].count("0 comments added") == 1  # not twice


def test_words_typed_over_without_track_changes_are_found(
    copy: Path, tmp_path: Path, referent_db: Path
) -> None:
    back = (
        Reviewer.open(copy, "Mette Bolvig Poulsen")
        .type_over("Følgende emner", "Disse emner")
        .save(tmp_path / "back.docx")
    )
    store = Store.open(referent_db)
    located = locate(store, back, back.read_bytes())
    shown, _ = preview(store, located)
    store.close()
    ((proposal, stands),) = shown
    assert (proposal.number, proposal.part, proposal.kind) == (5, "minutes", "untracked")
    assert (proposal.old, proposal.new, proposal.author) == ("Følgende", "Disse", "Mette Bolvig Poulsen")
    assert stands == ""


def test_a_move_is_read_as_its_two_halves(copy: Path, tmp_path: Path) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde")
        .move(
            " Der var enighed om, at handleplanen rummer gode indsatser, som er til gavn for borgerne.",
            "politisk godkendelse i kommunerne",
        )
        .save(tmp_path / "back.docx")
    )
    part = read_returned(back.read_bytes(), str(back)).parts[(4, "minutes")]
    assert [s.moved for s in part.segments if s.state] == [True, True]
    assert "politisk godkendelse i kommunerne Der var enighed om" in part.reviewed
    assert "sundhedsvæsnet står overfor. Der var enighed" in part.original


def test_header_furniture_and_other_parts_are_told_as_ignored(copy: Path, tmp_path: Path, capsys) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde")
        .replace("Mødelokale K", "Mødelokale L")  # the header block
        .replace(
            "Godkender handleplanen for Sundhedsklynge Midt", "Godkender handleplanen"
        )  # the recommendation
        .save(tmp_path / "back.docx")
    )
    status, out, _ = run(capsys, "check", str(back))
    assert status == 0
    assert (
        "  ignored: the header block's place row: «Mødelokale K» → «Mødelokale L» is not read (of the "
        "header block only the attendance lines are); make it in referent"
    ) in out.splitlines()
    assert "ignored: changes outside an item's title, minutes and outcomes" in out
    assert "no tracked changes and no comments" in out


# --- refused ---------------------------------------------------------------------------------


def test_what_is_no_reading_copy_is_refused_with_a_message(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    plain = tmp_path / "plain.docx"
    assert run(capsys, "export", "1", "--out", str(plain))[0] == 0
    status, _, err = run(capsys, "review", str(plain))
    assert status == 2 and "a draft exported without --for-review, not a reading copy" in err
    assert "Traceback" not in err

    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(copy.read_bytes()[:3000])
    status, out, err = run(capsys, "check", str(damaged))
    assert status == 2 and "damaged" in out + err and "Traceback" not in out + err

    other = tmp_path / "other.db"
    assert run(capsys, "--db", str(other), "import", str(MINUTES))[0] == 0
    status, _, err = run(capsys, "--db", str(other), "review", str(copy), "--accept-all")
    assert status == 2 and "a reading copy of a meeting that is not in this database" in err

    store = Store.open(referent_db)
    store.approve(1, "Jes Lunde", with_problems=True)
    store.close()
    approved = tmp_path / "approved.docx"
    assert run(capsys, "export", "1", "--out", str(approved))[0] == 0
    status, _, err = run(capsys, "review", str(approved))
    assert status == 2 and "a copy of approved minutes" in err
    status, _, err = run(capsys, "review", str(copy), "--accept-all")
    assert status == 2 and "meeting 1 is approved: reopen it for correction" in err


# --- accepted, rejected, exported --------------------------------------------------------------


def test_accept_one_reviewer_and_the_exported_minutes_read_as_decided(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    chair = (
        Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
        .replace("Ingen bemærkninger", "Ingen bemærkninger til dagsordenen")
        .insert("Velkommen", " og farvel")
        .new_paragraph_after("Indstillingen blev godkendt", "Der var ingen bemærkninger.")
        .save(tmp_path / "chair.docx")
    )
    member = (
        Reviewer.open(copy, "Ole Stavad", "2023-03-16T10:00:00Z")
        .delete("Følgende emner til dialog med Patientinddragelsesudvalget blev drøftet: ")
        .save(tmp_path / "member.docx")
    )
    status, out, _ = run(capsys, "review", str(chair), "--accept", "jes lunde")
    assert status == 0, out
    assert "accepted: 1. Velkommen og godkendelse af dagsorden: title: + «og farvel» (Jes Lunde)" in out
    assert out.count("accepted:") == 3
    status, out, _ = run(capsys, "review", str(member), "--accept", "Jes Lunde")
    assert status == 0 and "nothing to accept from Jes Lunde" in out  # Ole's change waits in the review

    paragraphs = exported_paragraphs(capsys, tmp_path / "minutes.docx")
    assert "1. Velkommen og farvel og godkendelse af dagsorden – kl. 14.30 – 14.35" in paragraphs
    assert "Ingen bemærkninger til dagsordenen" in paragraphs
    third = paragraphs.index("Indstillingen blev godkendt.")
    assert paragraphs[third + 1] == "Der var ingen bemærkninger."
    assert any(p.startswith("Følgende emner til dialog") for p in paragraphs)  # not accepted
    store = Store.open(referent_db)
    item_ids = store.item_ids(1)
    history = store.revisions(item_ids[0])
    proposals = store.proposals(1)
    store.close()
    assert history[-1].by == "Jes Lunde" and history[-1].text == "Ingen bemærkninger til dagsordenen\n"
    assert [p.status for p in proposals if p.authors == ("Ole Stavad",)] == ["open"]


def test_the_same_change_twice_is_one_proposal_and_conflicting_ones_are_paired(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    for name, new in (
        ("Jes Lunde", "Ingen kommentarer"),
        ("Ole Stavad", "Ingen kommentarer"),
        ("Rikke Svenstrup", "Intet"),
    ):
        back = Reviewer.open(copy, name).replace("Ingen bemærkninger", new).save(tmp_path / f"{name}.docx")
        assert run(capsys, "review", str(back), "--accept", "nobody")[0] == 0
    store = Store.open(referent_db)
    proposals = [p for p in store.proposals(1) if p.item_id == store.item_ids(1)[0]]
    store.close()
    assert [(p.authors, p.new) for p in proposals] == [
        (("Jes Lunde", "Ole Stavad"), "Ingen kommentarer"),
        (("Rikke Svenstrup",), "Intet"),
    ]
    assert conflicts(proposals) == {proposals[0].id: [proposals[1].id], proposals[1].id: [proposals[0].id]}
    status, out, _ = run(capsys, "review", str(tmp_path / "Jes Lunde.docx"), "--accept-all")
    assert (
        "accepted: 1. Velkommen og godkendelse af dagsorden: "
        "minutes: «Ingen bemærkninger» → «Ingen kommentarer» (Jes Lunde, Ole Stavad)" in out
    )
    assert (
        "not applied: 1. Velkommen og godkendelse af dagsorden: minutes: «Ingen bemærkninger» → «Intet»"
        in out
    )
    assert status == 1
    assert minutes(referent_db, 1) == "Ingen kommentarer\n"


def test_an_item_edited_after_the_copy_was_sent_is_never_overwritten(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde")
        .replace("vigtige for dem", "vigtige for udvalget")
        .replace("Følgende emner", "Disse emner")
        .save(tmp_path / "back.docx")
    )
    store = Store.open(referent_db)
    item_id = store.item_ids(1)[4]
    typed = store.load_meeting(1).items[4].minutes.replace("Følgende emner", "De følgende emner")
    store.save_minutes(item_id, typed)
    store.close()
    status, out, _ = run(capsys, "check", str(back))
    assert (
        out.count("changed in referent since the copy was sent; the correction still fits the text now") == 1
    )
    assert out.count("the correction no longer fits the text now: decide in the review") == 1
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 1
    assert (
        "not applied: 5. Forberedelse af drøftelse med Patientinddragelsesudvalget: "
        "minutes: «Følgende emner» → «Disse emner»" in out
    )
    now = minutes(referent_db, 5)
    assert now.startswith("De følgende emner til dialog") and "vigtige for udvalget" in now


@pytest.mark.skipif(OFFICE is None, reason=NO_OFFICE)
def test_a_copy_saved_again_by_libreoffice_keeps_its_record_changes_and_comments(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    edited = (
        Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
        .replace("Ingen bemærkninger", "Ingen bemærkninger til dagsordenen")
        .comment("Indstillingen blev godkendt", "Indstillingen blev godkendt", "Enstemmigt?")
        .save(tmp_path / "edited.docx")
    )
    resaved = saved_again_by_libreoffice(edited, tmp_path)
    returned = read_returned(resaved.read_bytes(), str(resaved))
    assert returned.identifier.endswith("for-review copy 1")
    status, out, _ = run(capsys, "review", str(resaved), "--accept-all")
    assert status == 0, out
    assert (
        "accepted: 1. Velkommen og godkendelse af dagsorden: "
        "minutes: «Ingen bemærkninger» → «Ingen bemærkninger til dagsordenen» (Jes Lunde)" in out
    )
    assert minutes(referent_db, 1) == "Ingen bemærkninger til dagsordenen\n"
    store = Store.open(referent_db)
    (comment,) = store.load_meeting(1).items[2].comments
    store.close()
    assert comment.who == "Jes Lunde" and comment.text.startswith("Enstemmigt?")


def test_checking_a_copy_where_there_is_no_database_makes_none(copy: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "elsewhere" / "none.db"
    missing.parent.mkdir()
    status, out, _ = run(capsys, "--db", str(missing), "check", str(copy))
    assert status == 2 and "a reading copy of a meeting that is not in this database" in out
    assert not missing.exists()


def test_an_outcome_line_changed_in_word_changes_the_points_outcome(
    tmp_path: Path, referent_db: Path, capsys
) -> None:
    from referent.model import Outcome

    assert run(capsys, "import", str(MINUTES))[0] == 0
    store = Store.open(referent_db)
    item_id = store.item_ids(1)[3]
    recommendation = store.load_meeting(1).items[3].recommendation
    recommendation.outcomes = [Outcome.APPROVED, Outcome.APPROVED]
    store.update_item(item_id, recommendation=recommendation)
    store.close()
    out = tmp_path / "copy.docx"
    assert run(capsys, "export", "1", "--for-review", "--out", str(out))[0] == 0
    back = (
        Reviewer.open(out, "Jes Lunde")
        .replace("Ad 2: Godkendt", "Ad 2: Ikke godkendt")
        .save(tmp_path / "b.docx")
    )
    status, printed, _ = run(capsys, "check", str(back))
    assert "    outcome: «Ad 2: Godkendt» → «Ad 2: Ikke godkendt» (Jes Lunde, 2023-03-15 09:30)" in printed
    status, printed, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0, printed
    store = Store.open(referent_db)
    assert store.load_meeting(1).items[3].recommendation.outcomes == [Outcome.APPROVED, Outcome.REJECTED]
    store.close()
    assert "Ad 2: Ikke godkendt" in exported_paragraphs(capsys, tmp_path / "minutes.docx")


# --- the same command twice ------------------------------------------------------------------


def _state(referent_db: Path) -> tuple[object, ...]:
    """Everything a second run could change: the texts, the history, the proposals."""
    store = Store.open(referent_db)
    try:
        meeting = store.load_meeting(1)
        ids = store.item_ids(1)
        return (
            [(item.title, item.minutes, item.recommendation.outcomes) for item in meeting.items],
            [(p.name, p.attendance, p.substitute) for p in meeting.participants + meeting.guests],
            [len(store.revisions(item_id)) for item_id in ids],
            store.proposals(1),
        )
    finally:
        store.close()


def test_the_same_copy_brought_in_twice_presents_nothing_as_new_and_changes_nothing(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    from referent.readinground.bringing import reject

    back = (
        Reviewer.open(copy, "Jes Lunde", "2023-03-15T09:30:00Z")
        .replace("Ingen bemærkninger", "Ingen kommentarer")
        .insert("Velkommen", " og farvel")
        .replace("Indstillingen blev godkendt", "Indstillingen blev vedtaget")
        .type_over("Følgende emner", "Disse emner")
        .save(tmp_path / "back.docx")
    )
    assert run(capsys, "review", str(back), "--accept", "nobody")[0] == 0
    store = Store.open(referent_db)
    (vedtaget,) = [p for p in store.proposals(1) if p.new.endswith("vedtaget")]
    reject(store, vedtaget)
    store.close()
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0 and out.count("accepted: ") == 3, out
    before = _state(referent_db)

    status, out, _ = run(capsys, "check", str(back))
    assert status == 0
    lines = out.splitlines()
    title = lines.index("    title: + «og farvel» (Jes Lunde, 2023-03-15 09:30)")
    assert lines[title + 1] == "      accepted already"
    rejected = lines.index(
        "    minutes: «Indstillingen blev godkendt» → «Indstillingen blev vedtaget» "
        "(Jes Lunde, 2023-03-15 09:30)"
    )
    assert lines[rejected + 1] == "      rejected already"
    assert out.count("      accepted already") == 3
    assert "changed in referent since the copy was sent" not in out

    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0, out
    assert "0 not brought in before" in out
    assert (
        "accepted already: 1. Velkommen og farvel og godkendelse af dagsorden: title: + «og farvel» "
        "(Jes Lunde)" in out
    )
    assert out.count("accepted already: ") == 3 and out.count("rejected already: ") == 1
    assert "accepted: " not in out.replace("accepted already: ", "")
    assert _state(referent_db) == before


def test_a_correction_the_secretary_typed_already_is_told_so_not_proposed(
    copy: Path, tmp_path: Path, referent_db: Path, capsys
) -> None:
    back = (
        Reviewer.open(copy, "Jes Lunde").replace("Følgende emner", "Disse emner").save(tmp_path / "back.docx")
    )
    store = Store.open(referent_db)
    item_id = store.item_ids(1)[4]
    typed = store.load_meeting(1).items[4].minutes.replace("Følgende emner", "Disse emner")
    store.save_minutes(item_id, typed)
    store.close()
    status, out, _ = run(capsys, "check", str(back))
    assert status == 0
    assert "      the text now reads as the correction would make it" in out
    assert "no longer fits" not in out
    before = _state(referent_db)
    status, out, _ = run(capsys, "review", str(back), "--accept-all")
    assert status == 0, out
    assert (
        "the text now reads as the correction would make it: 5. Forberedelse af drøftelse med "
        "Patientinddragelsesudvalget: minutes: «Følgende emner» → «Disse emner» (Jes Lunde)" in out
    )
    assert "not applied" not in out
    assert _state(referent_db) == before
