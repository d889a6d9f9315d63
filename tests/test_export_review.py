"""The export after the chair's review: draft mark, approval line, corrections, remarks, comments.

Read back with python-docx (and, for what must never be there, the whole .docx archive), as
the other export tests do; every rule is checked in both built-in styles.
"""

from __future__ import annotations

import io
import tomllib
import zipfile
from datetime import UTC, date, datetime, time
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph
from export_support import MINUTES, document_text, zip_text

from referent.cli import main
from referent.export import default_filename, export_meeting, render
from referent.export.style import StyleError, parse_style
from referent.meetingfile.reader import load_meeting, parse_meeting
from referent.model import (
    Approval,
    Attendance,
    Comment,
    Correction,
    Item,
    ItemStatus,
    Meeting,
    Outcome,
    Participant,
    Recommendation,
    Remark,
)
from referent.store import Store

STYLES = ["default", "nord"]
COMMENT = "Maja: husk at rette Oles titel før udsendelse"
CLOSED_COMMENT = "Tjek købesummen i det lukkede punkt"
REMARK = (
    "Jeg kan ikke støtte indstillingen, fordi *økonomien* ikke er afklaret.\n"
    "1. Budgettet mangler.\n"
    "- Tidsplanen er for stram.\n\n"
    "Jeg ønsker det ført til protokols.\tTak."
)
CLOSED_REMARK = "Ole Stavad tog forbehold for Hemmelig Ejendom"
CLOSED_REASON = "Købesum for Hemmelig Ejendom rettet"


def reviewed(approvals: list[Approval] | None = None) -> Meeting:
    """A meeting after the review: a remark, comments, a correction, a closed item."""
    return Meeting(
        title="3. møde i Testudvalget",
        date=date(2023, 3, 13),
        body="Testudvalget",
        start=time(14, 30),
        end=time(16, 30),
        chair="Jes Lunde",
        secretary="Maja Lynderup Behrmann",
        next_meeting="24. maj 2023 kl. 14.00",
        participants=[
            Participant("Jes Lunde", "rådmand", attendance=Attendance.PRESENT),
            Participant("Ole Stavad", "regionsrådsmedlem", attendance=Attendance.PRESENT),
        ],
        items=[
            Item(
                "Handleplan",
                recommendation=Recommendation(points=["Godkender handleplanen"], outcomes=[Outcome.APPROVED]),
                minutes="Handleplanen blev godkendt med Ole Stavads rettelse.",
                status=ItemStatus.TAKEN,
                remarks=[Remark("Ole Stavad", REMARK)],
                comments=[Comment(COMMENT, "Jes Lunde", datetime(2023, 3, 13, 16, 40, tzinfo=UTC))],
                corrections=[
                    Correction(
                        datetime(2023, 3, 14, 9, 15, tzinfo=UTC), "Navnet på Ole Stavad var stavet forkert"
                    )
                ],
            ),
            Item(
                "Salg af ejendom",
                closed=True,
                minutes="Salget blev godkendt.",
                status=ItemStatus.TAKEN,
                remarks=[Remark("Ole Stavad", CLOSED_REMARK)],
                comments=[Comment(CLOSED_COMMENT)],
                corrections=[Correction(datetime(2023, 3, 14, 9, 20, tzinfo=UTC), CLOSED_REASON)],
            ),
        ],
        approvals=approvals if approvals is not None else [],
    )


APPROVED = [Approval("Jes Lunde", datetime(2023, 3, 13, 16, 45, tzinfo=UTC))]
REOPENED = [
    Approval(
        "Jes Lunde",
        datetime(2023, 3, 13, 16, 45, tzinfo=UTC),
        reopened_at=datetime(2023, 3, 14, 9, 0, tzinfo=UTC),
        reopen_reason="Navnet på Ole Stavad var stavet forkert",
    )
]


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.iter_inner_content() if isinstance(p, Paragraph)]


def headers(data: bytes) -> str:
    """Every header and footer part of the archive, as XML text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith(("word/header", "word/footer"))
        )


def running_header(document: docx.document.Document) -> str:
    return document.sections[0].header.paragraphs[-1].text


# -- UDKAST and the approval line ------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_a_draft_is_marked_and_has_no_approval_line(style: str):
    data = render(reviewed(), style=style)[0]
    document = read(data)
    assert running_header(document) == "3. møde i Testudvalget\tReferat – UDKAST"
    assert "godkendt af" not in document_text(document)


@pytest.mark.parametrize("style", STYLES)
def test_approved_minutes_carry_no_draft_mark_and_end_with_the_approval(style: str):
    data = render(reviewed(APPROVED), style=style)[0]
    assert "UDKAST" not in headers(data)
    assert "UDKAST" not in zip_text_of(data)
    document = read(data)
    assert running_header(document) == "3. møde i Testudvalget\tReferat"
    next_meeting = {"default": "Næste møde: 24. maj 2023 kl. 14.00", "nord": "24. maj 2023 kl. 14.00"}
    assert texts(document)[-2:] == [
        next_meeting[style],  # nord prints the meeting file's sentence without a label
        "Referatet er godkendt af Jes Lunde den 13. marts 2023.",
    ]
    last = [p for p in document.iter_inner_content() if isinstance(p, Paragraph)][-1]
    assert last.paragraph_format.space_before  # set apart from the last item's text
    md = render(reviewed(APPROVED), format="md", style=style)[0].decode()
    assert "UDKAST" not in md
    assert md.startswith("# 3. møde i Testudvalget\n\n**Referat**\n")
    assert md.endswith("\n\nReferatet er godkendt af Jes Lunde den 13. marts 2023.\n")


def zip_text_of(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


@pytest.mark.parametrize("style", STYLES)
def test_reopened_minutes_are_a_draft_again_until_approved_again(style: str):
    document = read(render(reviewed(REOPENED), style=style)[0])
    assert running_header(document).endswith("Referat – UDKAST")
    assert "godkendt af" not in document_text(document)
    again = [*REOPENED, Approval("Ole Stavad", datetime(2023, 3, 15, 10, 0, tzinfo=UTC))]
    document = read(render(reviewed(again), style=style)[0])
    assert "UDKAST" not in running_header(document)
    assert texts(document)[-1] == "Referatet er godkendt af Ole Stavad den 15. marts 2023."
    assert "Jes Lunde den 13. marts" not in document_text(document)  # only the approval in force


def test_approving_with_problems_prints_nothing_more():
    anyway = [Approval("Jes Lunde", datetime(2023, 3, 13, 16, 45, tzinfo=UTC), with_problems=True)]
    plain = document_text(read(render(reviewed(APPROVED))[0]))
    assert document_text(read(render(reviewed(anyway))[0])) == plain
    assert render(reviewed(anyway), format="md")[0] == render(reviewed(APPROVED), format="md")[0]


def test_the_approval_line_is_configurable_and_can_be_switched_off():
    style = parse_style('[closing]\napproval = "Godkendt {date} af {by}"\n', "s.toml")
    document = read(render(reviewed(APPROVED), style=style)[0])
    assert texts(document)[-1] == "Godkendt 13. marts 2023 af Jes Lunde"
    off = parse_style('extends = "nord"\n[closing]\napproval = ""\n', "s.toml")
    document = read(render(reviewed(APPROVED), style=off)[0])
    assert texts(document)[-1] == "24. maj 2023 kl. 14.00"
    assert "godkendt af" not in document_text(document)


def test_a_wrong_placeholder_in_the_new_keys_is_reported_with_its_line():
    source = (
        '[closing]\napproval = "Godkendt af {chair}"\n'
        '[items]\ncorrection = "Rettet {when}"\n'
        '[labels]\nremark = "Bemærkning fra {name}:"\n'
    )
    with pytest.raises(StyleError) as caught:
        parse_style(source, "s.toml")
    assert str(caught.value).splitlines() == [
        "s.toml:2: 'approval' uses {chair}; it can use {by}, {date}",
        "s.toml:4: 'correction' uses {when}; it can use {date}, {reason}",
        "s.toml:6: 'remark' uses {name}; it can use {who}",
    ]


# -- corrections and protocol remarks ----------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_a_correction_follows_the_corrected_minutes_with_its_date_and_reason(style: str):
    document = read(render(reviewed(REOPENED), style=style)[0])
    paragraphs = [p for p in document.iter_inner_content() if isinstance(p, Paragraph)]
    lines = [p.text for p in paragraphs]
    text = lines.index("Handleplanen blev godkendt med Ole Stavads rettelse.")
    assert paragraphs[text].paragraph_format.keep_with_next  # never a page break in between
    assert lines[text + 1] == "Rettet den 14. marts 2023: Navnet på Ole Stavad var stavet forkert"
    assert lines[text + 2] == "Ad 1: Godkendt"
    md = render(reviewed(REOPENED), format="md", style=style)[0].decode()
    assert (
        "Handleplanen blev godkendt med Ole Stavads rettelse.\n\n"
        "Rettet den 14. marts 2023: Navnet på Ole Stavad var stavet forkert\n\nAd 1: Godkendt"
    ) in md


def test_several_corrections_without_a_reason_and_in_another_wording():
    meeting = reviewed()
    meeting.items[0].corrections = [
        Correction(datetime(2023, 3, 14, 9, 15, tzinfo=UTC), "Stavefejl"),
        Correction(datetime(2023, 4, 2, 11, 0, tzinfo=UTC), ""),
        Correction(datetime(2023, 4, 3, 23, 30, tzinfo=UTC), "  Dato  rettet\n"),
    ]
    lines = texts(read(render(meeting)[0]))
    assert "Rettet den 14. marts 2023: Stavefejl" in lines
    assert "Rettet den 2. april 2023." in lines  # no dangling colon: a full stop
    assert any(line.startswith("Rettet den ") and line.endswith(" 2023: Dato rettet") for line in lines)
    style = parse_style('[items]\ncorrection = "({date}: rettet – {reason})"\n', "s.toml")
    lines = texts(read(render(meeting, style=style)[0]))
    assert "(14. marts 2023: rettet – Stavefejl)" in lines


@pytest.mark.parametrize("style", STYLES)
def test_a_protocol_remark_is_printed_word_for_word_under_the_minutes(style: str):
    document = read(render(reviewed(APPROVED), style=style)[0])
    paragraphs = [p for p in document.iter_inner_content() if isinstance(p, Paragraph)]
    lines = [p.text for p in paragraphs]
    label = lines.index("Protokolbemærkning fra Ole Stavad:")
    assert all(run.bold for run in paragraphs[label].runs)
    assert paragraphs[label].paragraph_format.keep_with_next
    assert lines[label + 1] == (
        "Jeg kan ikke støtte indstillingen, fordi *økonomien* ikke er afklaret.\n"
        "1. Budgettet mangler.\n"
        "- Tidsplanen er for stram."
    )
    assert lines[label + 2] == "Jeg ønsker det ført til protokols.\tTak."
    # after the item's decision, before the next item
    assert (
        lines.index("Ad 1: Godkendt")
        < label
        < lines.index("2. Salg af ejendom".replace(".", style_suffix(style)))
    )
    assert paragraphs[label + 1]._p.pPr.numPr is None  # not turned into a list


def style_suffix(style: str) -> str:
    return ")" if style == "nord" else "."


def test_a_remark_in_markdown_text_stays_as_typed():
    md = render(reviewed(APPROVED), format="md")[0].decode()
    assert "**Protokolbemærkning fra Ole Stavad:**" in md
    assert (
        "Jeg kan ikke støtte indstillingen, fordi \\*økonomien\\* ikke er afklaret.  \n"
        "1\\. Budgettet mangler.  \n"
        "\\- Tidsplanen er for stram.\n\nJeg ønsker det ført til protokols.\tTak."
    ) in md


def test_the_remark_label_is_configurable():
    style = parse_style('[labels]\nremark = "Afvigende mening ({who}):"\n', "s.toml")
    assert "Afvigende mening (Ole Stavad):" in texts(read(render(reviewed(), style=style)[0]))


# -- comments are never exported ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("version", ["minutes", "agenda", "public", "review"])
@pytest.mark.parametrize("style", STYLES)
def test_comments_are_in_no_document(tmp_path: Path, fmt: str, version: str, style: str):
    path = tmp_path / f"x.{fmt}"
    export_meeting(
        reviewed(APPROVED),
        path,
        format=fmt,
        style=style,
        agenda=version == "agenda",
        public=version == "public",
        for_review=version == "review",
    )
    everything = zip_text(path) if fmt == "docx" else path.read_text(encoding="utf-8")
    for comment in (COMMENT, CLOSED_COMMENT, "husk at rette", "købesummen"):
        assert comment not in everything, f"a comment leaked into the {version} {fmt}"


@pytest.mark.parametrize("version", ["agenda", "public", "agenda+public"])
def test_agenda_and_public_meeting_files_carry_no_comments(tmp_path: Path, version: str):
    path = tmp_path / "x.toml"
    export_meeting(
        reviewed(APPROVED), path, format="toml", agenda="agenda" in version, public="public" in version
    )
    text = path.read_text(encoding="utf-8")
    for comment in (COMMENT, CLOSED_COMMENT, "husk at rette", "købesummen", "[[items.comments]]"):
        assert comment not in text
    assert parse_meeting(text, "x.toml").title == "3. møde i Testudvalget"


def test_the_internal_meeting_file_keeps_everything_for_the_round_trip(tmp_path: Path):
    path = tmp_path / "x.toml"
    export_meeting(reviewed(REOPENED), path, format="toml")
    assert load_meeting(path) == reviewed(REOPENED)


def test_the_agenda_meeting_file_has_nothing_of_the_review():
    data = tomllib.loads(render(reviewed(APPROVED), format="toml", agenda=True)[0].decode())
    assert "approvals" not in data
    for item in data["items"]:
        assert not {"remarks", "comments", "corrections"} & set(item)


def test_the_public_meeting_file_keeps_open_remarks_and_nothing_of_closed_items():
    anyway = [Approval("Jes Lunde", datetime(2023, 3, 13, 16, 45, tzinfo=UTC), with_problems=True), *REOPENED]
    anyway[1] = Approval(**{**vars(REOPENED[0]), "reopen_reason": CLOSED_REASON})
    text = render(reviewed(anyway), format="toml", public=True)[0].decode()
    data = tomllib.loads(text)
    open_item, closed_item = data["items"]
    assert open_item["remarks"] == [{"who": "Ole Stavad", "text": REMARK}]
    assert "reason" not in open_item["corrections"][0]  # the reason for reopening is not published
    assert not {"remarks", "comments", "corrections", "minutes"} & set(closed_item)
    for secret in (CLOSED_REMARK, CLOSED_REASON, "Hemmelig", "Salget blev godkendt"):
        assert secret not in text
    assert [a["by"] for a in data["approvals"]] == ["Jes Lunde", "Jes Lunde"]
    assert not any("with_problems" in a or "reopen_reason" in a for a in data["approvals"])


@pytest.mark.parametrize("style", STYLES)
def test_the_public_document_keeps_open_remarks_and_corrections_only(style: str):
    """An open item's correction is dated in public, without the reason for reopening: that
    reason is the chair's, and may speak of a closed item."""
    data = render(reviewed(REOPENED), style=style, public=True)[0]
    text = zip_text_of(data)
    assert "Protokolbemærkning fra Ole Stavad:" in text
    assert "Rettet den 14. marts 2023." in text
    for secret in (CLOSED_REMARK, CLOSED_REASON, "Hemmelig", "Navnet på Ole Stavad var stavet forkert"):
        assert secret not in text
    internal = document_text(read(render(reviewed(REOPENED), style=style)[0]))
    assert CLOSED_REMARK in internal and CLOSED_REASON in internal  # the internal minutes hold all


# -- the copy for the reading round -----------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_for_review_marks_the_header_and_the_file_name(tmp_path: Path, monkeypatch, capsys, style: str):
    source = tmp_path / "møde.toml"
    export_meeting(reviewed(), source, format="toml")
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(source), "--for-review", "--style", style]) == 0
    name = "2023-03-13 Referat Testudvalget (Til gennemlæsning).docx"
    assert capsys.readouterr().out.strip() == name
    document = docx.Document(str(tmp_path / name))
    assert running_header(document) == "3. møde i Testudvalget\tReferat – Til gennemlæsning"
    assert "UDKAST" not in headers((tmp_path / name).read_bytes())
    assert main(["export", str(source), "--for-review", "--public", "--format", "md"]) == 0
    name = "2023-03-13 Referat Testudvalget (offentlig) (Til gennemlæsning).md"
    assert capsys.readouterr().out.strip() == name
    assert (
        (tmp_path / name)
        .read_text(encoding="utf-8")
        .startswith("# 3. møde i Testudvalget\n\n**Referat – Til gennemlæsning**\n")
    )


def test_the_review_mark_comes_from_the_house_style(tmp_path: Path, monkeypatch, capsys):
    source = tmp_path / "møde.toml"
    export_meeting(reviewed(), source, format="toml")
    style = tmp_path / "vest.toml"
    style.write_text('[document]\nreview = "Høringsudkast"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(source), "--for-review", "--style", str(style)]) == 0
    name = "2023-03-13 Referat Testudvalget (Høringsudkast).docx"
    assert capsys.readouterr().out.strip() == name
    assert running_header(docx.Document(str(tmp_path / name))).endswith("Referat – Høringsudkast")


def test_without_for_review_the_file_names_are_unchanged():
    meeting = reviewed(APPROVED)
    assert default_filename(meeting) == "2023-03-13 Referat Testudvalget.docx"
    assert (
        default_filename(meeting, agenda=True, public=True)
        == "2023-03-13 Dagsorden Testudvalget (offentlig).docx"
    )
    assert default_filename(meeting, review="Til/gennemlæsning?") == (
        "2023-03-13 Referat Testudvalget (Til gennemlæsning).docx"
    )


def test_for_review_cannot_be_a_meeting_file(tmp_path: Path, capsys):
    source = tmp_path / "møde.toml"
    export_meeting(reviewed(), source, format="toml")
    assert main(["export", str(source), "--for-review", "--out", str(tmp_path / "x.toml")]) == 2
    assert "--for-review" in capsys.readouterr().err
    assert not (tmp_path / "x.toml").exists()


# -- the whole way: store, approval, reopening, correction, export ------------------------


def test_approve_reopen_correct_and_export_from_the_database(tmp_path: Path, capsys):
    db = tmp_path / "referent.db"
    now = [datetime(2023, 3, 13, 12, 0, tzinfo=UTC)]
    store = Store.open(db, clock=lambda: now[0])
    meeting = load_meeting(MINUTES / "politisk-niveau-klynge-midt-2023-03-13.toml")
    meeting_id = store.import_meeting(meeting)
    item_ids = store.item_ids(meeting_id)
    store.add_comment(item_ids[1], Comment(COMMENT, "Jes Lunde"))
    store.add_remark(item_ids[1], Remark("Ole Stavad", "Jeg stemmer imod."))
    store.approve(meeting_id, "Jes Lunde")
    store.close()
    out = tmp_path / "godkendt.docx"

    def export() -> list[str]:
        assert main(["export", str(meeting_id), "--db", str(db), "--out", str(out)]) == 0
        assert COMMENT not in zip_text(out)
        return texts(docx.Document(str(out)))

    lines = export()
    assert "UDKAST" not in zip_text(out)
    assert lines[-1] == "Referatet er godkendt af Jes Lunde den 13. marts 2023."
    assert "Jeg stemmer imod." in lines
    now[0] = datetime(2023, 3, 14, 12, 0, tzinfo=UTC)
    store = Store.open(db, clock=lambda: now[0])
    store.reopen(meeting_id, "Forkert årstal")
    old = store.load_meeting(meeting_id).items[1].minutes
    store.save_minutes(item_ids[1], old + "\n\nTilføjet efter godkendelsen.")
    store.close()
    lines = export()
    assert "Referat – UDKAST" in docx.Document(str(out)).sections[0].header.paragraphs[-1].text
    assert "godkendt af Jes Lunde" not in "\n".join(lines)
    added = lines.index("Tilføjet efter godkendelsen.")
    assert lines[added + 1] == "Rettet den 14. marts 2023: Forkert årstal"
    now[0] = datetime(2023, 3, 15, 12, 0, tzinfo=UTC)
    store = Store.open(db, clock=lambda: now[0])
    store.approve(meeting_id, "Jes Lunde")
    store.close()
    lines = export()
    assert "UDKAST" not in zip_text(out)
    assert lines[-1] == "Referatet er godkendt af Jes Lunde den 15. marts 2023."
    assert "Rettet den 14. marts 2023: Forkert årstal" in lines


def test_empty_wordings_leave_the_lines_out():
    style = parse_style('[labels]\nremark = ""\n[items]\ncorrection = ""\n[document]\ndraft = ""\n', "s.toml")
    for fmt in ("docx", "md"):
        data = render(reviewed(REOPENED), format=fmt, style=style)[0]
        text = document_text(read(data)) if fmt == "docx" else data.decode()
        assert "Rettet" not in text and "Protokolbemærkning" not in text and "UDKAST" not in text
        assert "Jeg ønsker det ført til protokols." in text
