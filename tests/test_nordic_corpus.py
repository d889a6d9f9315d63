"""The Nordic/Spanish meeting-document corpus (tests/fixtures/nordic-agendas) is well-formed: every
file opens, truth.json and sources.tsv describe the same files, and what truth.json says is in them.
Not the reader's score: that is ../shared/tools/score_real_agendas.py."""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

CORPUS = Path(__file__).parent / "fixtures" / "nordic-agendas"
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
FILES = sorted(p.name for p in CORPUS.glob("*.docx"))
KEYS = {"title", "date", "time", "place", "items", "multi_meeting", "notes"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def sources() -> list[dict[str, str]]:
    lines = (CORPUS / "sources.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == ["file", "repo", "commit", "path", "language", "description"]
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def text_of(name: str) -> str:
    """What is written in the body (tables and content controls too), line breaks and tabs as spaces."""
    body = docx.Document(str(CORPUS / name)).element.body
    parts = []
    for el in body.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:p")):
        parts.append((el.text or "") if el.tag == qn("w:t") else " ")
    return re.sub(r"\s+", " ", "".join(parts).replace("\u00a0", " "))


def test_truth_sources_and_files_list_the_same_documents() -> None:
    rows = sources()
    assert [r["file"] for r in rows] == list(TRUTH)
    assert sorted(TRUTH) == FILES
    paths = [r["path"] for r in rows]
    assert len(set(paths)) == len(paths)
    for row in rows:
        assert row["repo"] == row["commit"] == "-", row["file"]
        assert row["path"].endswith(".docx") and "/" not in row["path"], row["file"]
        assert row["description"].strip(), row["file"]
        assert row["file"].startswith(row["language"] + "_"), row["file"]


def test_the_corpus_covers_the_languages_and_several_meeting_files_it_promises() -> None:
    languages = Counter(r["language"] for r in sources())
    assert languages["da"] >= 6 and languages["nb"] >= 4 and languages["sv"] >= 4 and languages["es"] >= 2
    assert 18 <= len(FILES) <= 22
    assert 3 <= sum(t["multi_meeting"] for t in TRUTH.values()) <= 4


@pytest.mark.parametrize("name", FILES)
def test_every_document_opens_with_python_docx(name: str) -> None:
    document = docx.Document(str(CORPUS / name))
    assert list(document.iter_inner_content())
    assert len(text_of(name)) > 300


@pytest.mark.parametrize("name", FILES)
def test_truth_has_the_schema_of_the_shared_truth(name: str) -> None:
    t = TRUTH[name]
    assert set(t) >= KEYS, name
    assert t["date"] is None or ISO_DATE.fullmatch(t["date"]), t["date"]
    assert t["time"] is None or CLOCK.fullmatch(t["time"]), t["time"]
    assert t["items"] and all(isinstance(i, str) and i.strip() == i and i for i in t["items"])
    assert len(t["notes"]) > 200
    if t["multi_meeting"]:
        assert len(t["meetings"]) >= 2
        first = t["meetings"][0]
        assert (t["date"], t["items"]) == (first["date"], first["items"])  # top level = first meeting
        for meeting in t["meetings"]:
            assert ISO_DATE.fullmatch(meeting["date"]) and meeting["items"]
    else:
        assert "meetings" not in t


@pytest.mark.parametrize("name", FILES)
def test_what_truth_says_is_written_in_the_document(name: str) -> None:
    """Items and places are read, not invented: each is in the document as typed (a title split by
    a manual line break counts as joined by a space)."""
    text = text_of(name)
    t = TRUTH[name]
    meetings = t.get("meetings", [t])
    for meeting in meetings:
        for item in meeting["items"]:
            assert item in text, f"{name}: {item!r}"
        if meeting.get("place"):
            assert meeting["place"] in text, f"{name}: {meeting['place']!r}"


def test_the_programs_that_saved_the_documents_are_the_ones_the_notes_name() -> None:
    """The notes say who saved each file; the package must say the same (a rebuild that lost
    LibreOffice or Word for the web would quietly test something else)."""
    for name in FILES:
        notes = TRUTH[name]["notes"]
        with zipfile.ZipFile(CORPUS / name) as z:
            names = z.namelist()
            app = z.read("docProps/app.xml").decode() if "docProps/app.xml" in names else ""
            rels = z.read("_rels/.rels").decode()
        if "saved as .docx by LibreOffice" in notes:
            assert "<Application>LibreOffice" in app, name
        elif "Google Docs export" in notes:
            assert app == "", name
        else:
            assert "<Application>Microsoft Office Word</Application>" in app, name
        if "Saved by Word for the web" in notes:
            assert "word/document.xml" not in names and 'Target="word/document2.xml"' in rels, name
        else:
            assert 'Target="word/document.xml"' in rels, name
