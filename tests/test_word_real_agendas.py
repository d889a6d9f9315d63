"""The Word reader on documents written as people write them: every item, the date, and files
that hold several meetings, document by document.

The corpora's ``truth.json`` says what a person reads in each document. Titles are compared as
``../shared/tools/score_real_agendas.py`` compares them (number and trailing punctuation aside,
case aside, 0.9 alike), so a test here fails where the scorer would count a miss. The public
documents in ``../shared/real-agendas`` are read when the folder is there (it sits beside the
checkout in CI); the two corpora in ``tests/fixtures`` always.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from referent.importing.word import parse_word_agenda
from referent.problems import MeetingFileError, SeveralMeetings

ROOT = Path(__file__).parent.parent
CORPORA = [
    ROOT / "tests" / "fixtures" / "nordic-agendas",
    ROOT / "tests" / "fixtures" / "validation-agendas",
    ROOT.parent / "shared" / "real-agendas",
]


def documents() -> list[tuple[Path, dict[str, object]]]:
    found = []
    for folder in CORPORA:
        if (folder / "truth.json").exists():
            truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
            found += [(folder / name, entry) for name, entry in truth.items()]
    return found


def names() -> dict[str, str]:
    """Each file's original name (a title or a date may be read from it)."""
    out = {}
    for folder in CORPORA:
        if (folder / "sources.tsv").exists():
            for line in (folder / "sources.tsv").read_text(encoding="utf-8").splitlines()[1:]:
                columns = line.split("\t")
                out[str(folder / columns[0])] = Path(columns[3]).stem
    return out


def folded(text: object) -> str:
    """As the scorer compares titles."""
    text = unicodedata.normalize("NFKC", str(text or "")).lower().strip()
    text = re.sub(r"^(§\s*)?\d+[.)]?\s+", "", text)
    text = re.sub(r"^§\d+\s*", "", text)
    text = re.sub(r"[\s:.;,]+$", "", text)
    return re.sub(r"\s+", " ", text)


def alike(got: str, want: str) -> bool:
    a, b = folded(got), folded(want)
    if a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9:
        return True
    short, long = sorted([a, b], key=len)
    return len(short) >= 15 and long.startswith(short)


KNOWN_MISSES = {
    "en_wids_raleigh_nashville_agenda": "a cell's 'KEYNOTE' and the talk's title on the next line are one "
    "item's title to a person; the reader takes the first line (the talk's title goes to the case text)",
    "en_asepa_sediment_workshop_agenda": "one cell holds two activities as two paragraphs (24 of 25 read: "
    "a cell's further paragraphs are the item's text, as in every other table agenda)",
}
"""Documents the reader does not read wholly right, and why: kept visible here, not hidden."""
DOCUMENTS = [
    pytest.param(path, truth, id=f"{path.parent.name}/{path.stem}",
                 marks=[pytest.mark.xfail(reason=KNOWN_MISSES[path.stem], strict=True)]
                 if path.stem in KNOWN_MISSES else [])
    for path, truth in documents()
]  # fmt: skip
STEMS = names()


@pytest.mark.parametrize(("path", "truth"), DOCUMENTS)
def test_every_item_and_the_date_as_a_person_reads_them(path: Path, truth: dict[str, object]) -> None:
    data = path.read_bytes()
    stem = STEMS.get(str(path), path.stem)
    if truth.get("multi_meeting"):
        with pytest.raises(SeveralMeetings) as several:
            parse_word_agenda(data, path.name, stem)
        assert len(several.value.choices) >= 2
        return
    items = list(truth["items"])  # type: ignore[call-overload]
    if not items:  # a document with no agenda at all is refused, politely
        with pytest.raises(MeetingFileError, match="no agenda items"):
            parse_word_agenda(data, path.name, stem)
        return
    meeting = parse_word_agenda(data, path.name, stem).meeting
    titles = [item.title for item in meeting.items]
    known = sum(1 for got, want in zip(titles, items, strict=False) if alike(got, want))
    # the scorer allows one title in 25 to be read only nearly right; every document we hold is exact
    assert len(titles) == len(items) and known >= len(items) - len(items) // 25, titles
    if truth.get("date"):
        assert meeting.date.isoformat() == truth["date"]


def test_a_file_of_several_meetings_reads_the_one_asked_for() -> None:
    path = ROOT / "tests" / "fixtures" / "nordic-agendas" / "sv_hembygdsforening_protokoll_2022.docx"
    with pytest.raises(SeveralMeetings) as several:
        parse_word_agenda(path.read_bytes(), path.name)
    choices = several.value.choices
    assert [c.title for c in choices][:2] == ["Styrelsemöte 2022-01-18", "Styrelsemöte 2022-03-15"]
    assert all(c.first_item == "Mötets öppnande" for c in choices)
    second = parse_word_agenda(path.read_bytes(), path.name, meeting=2)
    assert second.meeting.date.isoformat() == "2022-03-15"
    assert second.warnings[0].message.startswith("the file holds 5 meetings; read meeting 2")
    with pytest.raises(MeetingFileError, match="there is no meeting 9: the file holds 5"):
        parse_word_agenda(path.read_bytes(), path.name, meeting=9)


def test_lettered_points_stay_lettered_with_the_lines_that_go_on_with_them() -> None:
    """A Word list's lettered level (a.–d.) under item 4, each point followed by an unnumbered
    paragraph in the list's style: one lettered list in the case text, exported as Word's own
    lettered list with each point's text under it, and item 5 after it."""
    path = ROOT / "tests" / "fixtures" / "nordic-agendas" / "da_sundhedsklynge_referat_linjer.docx"
    meeting = parse_word_agenda(path.read_bytes(), path.name).meeting
    case = meeting.items[3].case
    assert case.startswith(
        "a. Kommunerne\\\nEsbjerg Kommune åbner 8 nye akutpladser 1. maj.\\\nb. Sydvestjysk"
    )
    from referent.export.blocks import ListBlock, parse_blocks

    (lettered,) = parse_blocks(case)
    assert isinstance(lettered, ListBlock) and lettered.letters and len(lettered.items) == 4
    assert meeting.items[4].title == "De fælles midler"


def test_typed_lettered_lines_keep_their_letters() -> None:
    import io

    import docx

    made = docx.Document()
    for text, style in [("Møde: Bestyrelsen", None), ("Dato: 5. september 2023", None),
                        ("1. Budget", "Heading 1"), ("Tre forslag:", None), ("a) Første", None),
                        ("b) Andet", None), ("c) Tredje", None), ("2. Eventuelt", "Heading 1")]:  # fmt: skip
        made.add_paragraph(text, style=style)
    out = io.BytesIO()
    made.save(out)
    case = parse_word_agenda(out.getvalue(), "A.docx").meeting.items[0].case
    assert "a) Første\nb) Andet\nc) Tredje" in case


def test_text_before_the_first_item_keeps_its_order_whatever_its_formatting() -> None:
    """A plain line, a bold label, its value in italics: kept in that order (bold lines were put
    first, parting a label from its value)."""
    import io

    import docx

    made = docx.Document()
    for text, bold, italic in [("Bestyrelsesmøde", True, False), ("5. september 2023", False, False),
                               ("Husk at melde afbud", False, False), ("Praktisk:", True, False),
                               ("Kaffe fra kl. 9", False, True)]:  # fmt: skip
        run = made.add_paragraph().add_run(text)
        run.bold, run.italic = bold or None, italic or None
    made.add_paragraph("1. Godkendelse af dagsorden", style="Heading 1")
    made.add_paragraph("2. Eventuelt", style="Heading 1")
    out = io.BytesIO()
    made.save(out)
    read = parse_word_agenda(out.getvalue(), "A.docx").meeting
    lines = [line for line in read.items[0].case.splitlines() if line]
    assert (read.title, lines) == (
        "Bestyrelsesmøde",
        ["Husk at melde afbud", "**Praktisk:**", "*Kaffe fra kl. 9*"],
    )


HEADER_READ_RIGHT = {"title": 35, "time": 51, "place": 47}
"""How many meetings' title, starting time and place (of the documents held here) are read as a
person reads them. A title is a matter of judgement where a page names the body, the meeting and
the document's kind together, so these are counted rather than failed on one by one; they may
only go up."""


def _header_value(meeting: object, field: str) -> str:
    if field == "time":
        start = getattr(meeting, "start", None)
        return start.strftime("%H:%M") if start else ""
    return str(getattr(meeting, {"title": "title", "place": "location"}[field]) or "")


def test_the_meetings_title_time_and_place_as_a_person_reads_them_do_not_get_worse() -> None:
    if not (CORPORA[-1] / "truth.json").exists():
        pytest.skip("the public documents sit beside the checkout (../shared), counted with the rest")
    right = dict.fromkeys(HEADER_READ_RIGHT, 0)
    wrong = []
    for path, truth in documents():
        if truth.get("multi_meeting") or not truth.get("items"):
            continue
        meeting = parse_word_agenda(path.read_bytes(), path.name, STEMS.get(str(path), path.stem)).meeting
        for field in HEADER_READ_RIGHT:
            got, want = _header_value(meeting, field), str(truth.get(field) or "")
            if (not got and not want) or (want and alike(got, want)):
                right[field] += 1
            else:
                wrong.append(f"{path.name} {field}: {got!r}, a person reads {want!r}")
    print(right, "not right:", *wrong, sep="\n  ")
    assert all(right[field] >= floor for field, floor in HEADER_READ_RIGHT.items()), right
