"""The prepared blank document: python-docx's own with only the styles referent writes with,
and an export from it styled exactly as one from python-docx's blank."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from export_support import MINUTES, SAMPLES
from lxml import etree  # type: ignore[import-untyped]

from referent.export import render, wordxml
from referent.export.blank import make_blank
from referent.export.wordstyles import USED_STYLES
from referent.meetingfile.reader import load_meeting

PYTHON_DOCX_BLANK = Path(docx.__file__).parent / "templates" / "default.docx"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_shipped_blank_is_what_python_docx_makes_today() -> None:
    """After an upgrade of python-docx this fails: run ``python -m referent.export.blank``."""
    assert parts(wordxml.BLANK.read_bytes()) == parts(make_blank())


def test_the_blank_keeps_the_styles_referent_uses_and_what_they_build_on() -> None:
    names = [style.name for style in docx.Document(str(wordxml.BLANK)).styles]
    assert set(USED_STYLES) <= set(names)
    assert {"Heading 1 Char", "Default Paragraph Font", "Normal Table"} <= set(names)  # linked, defaults
    assert "Intense Quote" not in names and len(names) < 30  # of python-docx's 164
    blank = parts(wordxml.BLANK.read_bytes())
    assert len(blank["word/styles.xml"]) < len(parts(PYTHON_DOCX_BLANK.read_bytes())["word/styles.xml"]) / 10


def used_styles(document: bytes) -> dict[str, bytes]:
    """The styles the body uses and every style they are based on, as XML, by id."""
    files = parts(document)
    body = etree.fromstring(files["word/document.xml"])
    styles = etree.fromstring(files["word/styles.xml"])
    by_id = {style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))}
    wanted = {
        node.get(qn("w:val")) for tag in ("w:pStyle", "w:rStyle", "w:tblStyle") for node in body.iter(qn(tag))
    }
    found: dict[str, bytes] = {}
    while wanted:
        style_id = wanted.pop()
        if style_id in found or style_id not in by_id:
            continue
        found[style_id] = etree.tostring(by_id[style_id])
        based = by_id[style_id].find(qn("w:basedOn"))
        if based is not None:
            wanted.add(based.get(qn("w:val")))
    return found


@pytest.mark.parametrize("sample", SAMPLES)
def test_an_export_from_the_blank_is_styled_as_one_from_python_docx(
    sample: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = load_meeting(MINUTES / f"{sample}.toml")
    meeting.style = ""  # the built-in style: the blank is what it starts from
    ours = render(meeting, format="docx")[0]
    monkeypatch.setattr(wordxml, "BLANK", PYTHON_DOCX_BLANK)
    theirs = render(meeting, format="docx")[0]
    assert parts(ours)["word/document.xml"] == parts(theirs)["word/document.xml"]
    assert parts(ours)["word/numbering.xml"] == parts(theirs)["word/numbering.xml"]
    used = used_styles(ours)
    assert {"Normal", "Heading1", "Tabeltekst"} <= set(used)
    assert used == used_styles(theirs)
    docdefaults = [
        etree.fromstring(parts(d)["word/styles.xml"]).find(qn("w:docDefaults")) for d in (ours, theirs)
    ]
    assert etree.tostring(docdefaults[0]) == etree.tostring(docdefaults[1])
