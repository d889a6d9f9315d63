"""The held-out validation corpus (tests/fixtures/validation-agendas) is well formed.

These tests check the corpus, not the reader: every file opens, truth.json and sources.tsv agree with the
folder and with the schema of ../shared/real-agendas, every truth item is text a reader of the page can see,
and the corpus still holds the producers and traps its README promises. How well referent reads it is
measured by ../shared/tools/score_real_agendas.py, on purpose not here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree

CORPUS = Path(__file__).parent / "fixtures" / "validation-agendas"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KEYS = {"title", "date", "time", "place", "items", "multi_meeting", "notes"}
SOURCE_COLUMNS = ["file", "repo", "commit", "path", "language", "description", "program", "modelled_on"]


def load_truth() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    return data


def load_sources() -> list[dict[str, str]]:
    lines = (CORPUS / "sources.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == SOURCE_COLUMNS
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        assert len(cols) == len(SOURCE_COLUMNS), f"sources.tsv:{n}: {len(cols)} columns"
        rows.append(dict(zip(SOURCE_COLUMNS, cols, strict=True)))
    return rows


def main_part(path: Path) -> bytes:
    """The main part, found through _rels/.rels as Word does (Word for the web calls it document2.xml)."""
    with zipfile.ZipFile(path) as z:
        rels = etree.fromstring(z.read("_rels/.rels"))
        target = next(r.get("Target") for r in rels if r.get("Type", "").endswith("/officeDocument"))
        return z.read(target.lstrip("/"))


def visible_paragraphs(path: Path) -> list[str]:
    """Paragraph texts as a reader of the page sees them: no hidden runs, no deleted text, no comments."""
    root = etree.fromstring(main_part(path))
    out = []
    for para in root.iter(f"{W}p"):
        parts = []
        for run in para.iter(f"{W}r"):
            rpr = run.find(f"{W}rPr")
            if rpr is not None and rpr.find(f"{W}vanish") is not None:
                continue
            for node in run:
                if node.tag == f"{W}t":
                    parts.append(node.text or "")
                elif node.tag in (f"{W}tab", f"{W}br"):
                    parts.append(" ")
        out.append("".join(parts))
    return out


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


DOCS = sorted(p.name for p in CORPUS.glob("*.docx"))


def test_truth_sources_and_folder_name_the_same_files() -> None:
    truth = load_truth()
    sources = load_sources()
    assert DOCS, "no documents in the corpus"
    assert sorted(truth) == DOCS
    assert sorted(r["file"] for r in sources) == DOCS
    names = [r["path"] for r in sources]
    assert len(set(names)) == len(names), "two documents would be copied under the same name by the scorer"
    for row in sources:
        assert row["path"].endswith(".docx") and "/" not in row["path"], row
        assert row["language"] in {"da", "nb", "sv", "de", "en", "nl"}, row
        assert row["description"] and row["program"] and row["modelled_on"], row


@pytest.mark.parametrize("name", DOCS)
def test_document_opens_in_python_docx(name: str) -> None:
    path = CORPUS / name
    assert zipfile.ZipFile(path).testzip() is None
    document = Document(str(path))
    assert any(p.text.strip() for p in document.paragraphs) or document.tables


@pytest.mark.parametrize("name", DOCS)
def test_truth_entry_follows_the_schema(name: str) -> None:
    entry = load_truth()[name]
    keys = set(entry)
    assert keys == KEYS | ({"meetings"} if entry["multi_meeting"] else set()), keys
    assert entry["title"] is None or (isinstance(entry["title"], str) and entry["title"].strip())
    if entry["date"] is not None:
        dt.date.fromisoformat(entry["date"])
    if entry["time"] is not None:
        assert re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", entry["time"]), entry["time"]
    assert entry["place"] is None or entry["place"].strip()
    assert isinstance(entry["items"], list) and all(
        isinstance(i, str) and i == i.strip() and i for i in entry["items"]
    )
    assert isinstance(entry["notes"], str) and len(entry["notes"]) > 40, "say what the document does in notes"
    if not entry["multi_meeting"]:
        assert len(set(map(norm, entry["items"]))) == len(entry["items"]), "an item twice in one meeting"
        return
    meetings = entry["meetings"]
    assert len(meetings) >= 2
    for meeting in meetings:
        dt.date.fromisoformat(meeting["date"])
    # convention of ../shared/real-agendas: the top level describes the first meeting
    assert entry["date"] == meetings[0]["date"]
    if "items" in meetings[0]:
        assert entry["items"] == meetings[0]["items"]


@pytest.mark.parametrize("name", DOCS)
def test_every_truth_item_is_visible_text_of_the_document(name: str) -> None:
    entry = load_truth()[name]
    text = "\n".join(norm(p) for p in visible_paragraphs(CORPUS / name))
    items = list(entry["items"])
    for meeting in entry.get("meetings", []):
        items += meeting.get("items", [])
    for item in items:
        assert norm(item) in text, f"{name}: truth item not visible in the document: {item!r}"


def test_a_document_without_items_says_why() -> None:
    empty = {n: e for n, e in load_truth().items() if not e["items"]}
    assert empty, "the corpus should hold a document with no agenda items (to be refused politely)"
    for name, entry in empty.items():
        assert not entry["multi_meeting"], name
        assert "no agenda" in entry["notes"].lower() or "no items" in entry["notes"].lower(), name


def test_the_corpus_holds_the_producers_and_traps_its_readme_names() -> None:
    """Each habit the README promises is present in at least one file, so the set cannot quietly lose one."""
    found: dict[str, list[str]] = {}

    def mark(what: str, name: str) -> None:
        found.setdefault(what, []).append(name)

    for name in DOCS:
        with zipfile.ZipFile(CORPUS / name) as z:
            parts = z.namelist()
            app = z.read("docProps/app.xml").decode("utf-8") if "docProps/app.xml" in parts else ""
            styles = z.read("word/styles.xml").decode("utf-8")
        body = main_part(CORPUS / name).decode("utf-8")
        if "word/document2.xml" in parts:
            mark("word for the web", name)
        if not any(p.startswith("docProps/") for p in parts):
            mark("google docs", name)
        if "LibreOffice" in app:
            mark("libreoffice", name)
        for style_id in ("Overskrift1", "Rubrik1", "berschrift1", "Kop2", "Listeavsnitt"):
            if f'w:styleId="{style_id}"' in styles:
                mark("localized styles", name)
        if "<w:vanish/>" in body:
            mark("hidden text", name)
        if "word/comments.xml" in parts:
            mark("comments", name)
        if "<w:del " in body and "<w:ins " in body:
            mark("tracked changes", name)
        if "TOC \\o" in body:
            mark("toc field", name)
        if "<w:numPr>" in body or "<w:numPr/>" in body:
            mark("word numbering", name)
        if "<w:tbl>" in body:
            mark("tables", name)
    for what in (
        "word for the web",
        "google docs",
        "libreoffice",
        "localized styles",
        "hidden text",
        "comments",
        "tracked changes",
        "toc field",
        "word numbering",
        "tables",
    ):
        assert what in found, f"no document in the corpus has {what}"
    truth = load_truth()
    assert sum(e["multi_meeting"] for e in truth.values()) >= 3
    languages = {r["language"] for r in load_sources()}
    assert languages >= {"da", "nb", "sv", "de", "en", "nl"}
