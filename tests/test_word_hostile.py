"""Word files that bite: small files that would hang the reader or take gigabytes, and text a
reader of the page never sees. Each is read by ``referent check`` in a child process whose
memory is measured (its peak resident size), with a timeout only as a guard against a hang."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from word_agendas import Layout, build_agenda

from referent.export import render
from referent.export.filters import agenda_meeting
from referent.importing.word import parse_word_agenda
from referent.meetingfile.reader import load_meeting

SAMPLE = Path(__file__).parent.parent / "sample_agendas" / "demo-board-meeting.toml"
MEGABYTE = 1024 * 1024
MEMORY_LIMIT = 300 * MEGABYTE
"""Issue 20: each hostile file costs at most 300 MB (its time is measured in bench/)."""


def agenda() -> bytes:
    return build_agenda(agenda_meeting(load_meeting(SAMPLE)))


def rezipped(data: bytes, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> bytes:
    """``data`` with parts replaced (None: removed) and parts added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change.get(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


_RELS = "word/_rels/document.xml.rels"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def with_bomb(data: bytes, part: str, size: int = 1024 * MEGABYTE) -> bytes:
    """``data`` with ``part`` (replaced or added, and related from the document as Word relates
    it) made of ``size`` bytes of zeros: deflated, about a thousandth of that."""
    source = zipfile.ZipFile(io.BytesIO(data))
    related = {"word/footnotes.xml": "footnotes", "word/media/image1.png": "image"}
    rels = source.read(_RELS)
    if part in related:
        target = part.removeprefix("word/")
        rels = rels.replace(
            b"</Relationships>",
            f'<Relationship Id="rIdBomb" Type="{_REL}{related[part]}" Target="{target}"/>'
            "</Relationships>".encode(),
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_zip:
        for info in source.infolist():
            if info.filename != part:
                target_zip.writestr(
                    info.filename, rels if info.filename == _RELS else source.read(info.filename)
                )
        with target_zip.open(part, "w", force_zip64=True) as member:
            block = b"\0" * MEGABYTE
            for _ in range(size // MEGABYTE):
                member.write(block)
    return out.getvalue()


def lying_header(data: bytes) -> bytes:
    """The main part's size in the zip's headers says 1 KB; it holds 12 MB (two million empty
    paragraphs, deflated to a few kilobytes)."""
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    padded = document.replace(b"<w:sectPr", b"<w:p/>" * 2_000_000 + b"<w:sectPr", 1)
    archive = bytearray(rezipped(data, {"word/document.xml": padded}))
    with zipfile.ZipFile(io.BytesIO(bytes(archive))) as check:
        local = check.getinfo("word/document.xml").header_offset
    archive[local + 22 : local + 26] = (1024).to_bytes(4, "little")
    name = b"word/document.xml"
    entry = archive.find(b"PK\x01\x02")
    while entry != -1:  # the central directory's entry for it
        length = int.from_bytes(archive[entry + 28 : entry + 30], "little")
        if archive[entry + 46 : entry + 46 + length] == name:
            archive[entry + 24 : entry + 28] = (1024).to_bytes(4, "little")
        entry = archive.find(b"PK\x01\x02", entry + 4)
    return bytes(archive)


def numbering_with(fmt: str, start: int) -> bytes:
    """An agenda whose items are numbered by Word (each heading's number comes from a list),
    every list made to start at ``start`` in format ``fmt``."""
    data = build_agenda(agenda_meeting(load_meeting(SAMPLE)), Layout(numbering="auto"))
    numbering = zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml").decode()
    numbering = re.sub(r'<w:numFmt w:val="\w+"/>', f'<w:numFmt w:val="{fmt}"/>', numbering)
    numbering = re.sub(r'<w:start w:val="\d+"/>', f'<w:start w:val="{start}"/>', numbering)
    assert str(start) in numbering
    return rezipped(data, {"word/numbering.xml": numbering.encode()})


def spanning(span: int) -> bytes:
    data = agenda()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    document = document.replace(b"<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{span}"/>'.encode(), 1)
    return rezipped(data, {"word/document.xml": document})


PEAK_MEMORY = Path(__file__).parent.parent / "bench" / "peak_memory.py"
"""Runs ``referent`` and writes its own peak memory (``wait4``'s ``ru_maxrss`` carries over the
parent's: a pytest worker grown past 300 MB made every child look that big)."""


def read_in_child(data: bytes, tmp_path: Path) -> tuple[str, int]:
    """``referent check`` of ``data`` in a child process: what it printed and its own peak memory."""
    path = tmp_path / "dagsorden.docx"
    path.write_bytes(data)
    output = tmp_path / "said.txt"
    with output.open("w", encoding="utf-8") as said:
        child = subprocess.Popen(
            [sys.executable, str(PEAK_MEMORY), str(tmp_path / "peak.txt"), "check", str(path)],
            stdout=said, stderr=subprocess.STDOUT, cwd=tmp_path,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", "LANGUAGE": "en"},
        )  # fmt: skip
        try:
            child.wait(timeout=120)  # only ends a child that would hang the test
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    text = output.read_text(encoding="utf-8")
    assert "Traceback" not in text
    return text, int((tmp_path / "peak.txt").read_text(encoding="ascii")) * 1024  # kB


HOSTILE = {
    "w:start 10^12 in lowerRoman": lambda: numbering_with("lowerRoman", 10**12),
    "w:start 2*10^10 in lowerLetter": lambda: numbering_with("lowerLetter", 2 * 10**10),
    "gridSpan 10^8": lambda: spanning(10**8),
    "gridSpan 10^9": lambda: spanning(10**9),
    "a 1 GB bomb in the footnotes": lambda: with_bomb(agenda(), "word/footnotes.xml"),
    "a 1 GB bomb in an image": lambda: with_bomb(agenda(), "word/media/image1.png"),
    "a 1 GB bomb in core.xml": lambda: with_bomb(agenda(), "docProps/core.xml"),
    "a 1 GB bomb in [Content_Types].xml": lambda: with_bomb(agenda(), "[Content_Types].xml"),
    "document.xml whose zip header lies about its size": lambda: lying_header(agenda()),
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_small_hostile_word_file_is_read_or_refused_within_bounds(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    said, peak = read_in_child(make(), tmp_path)
    assert "dagsorden.docx" in said
    assert peak <= MEMORY_LIMIT, f"{peak / MEGABYTE:.0f} MB"


def test_the_peak_measured_is_the_childs_own_not_its_parents(tmp_path: Path) -> None:
    """A test process grown past the bound by earlier tests (xdist workers do) must not make a
    small child look big: the measurement of the whole suite depends on it."""
    grown = bytearray(MEMORY_LIMIT + 50 * MEGABYTE)
    grown[::4096] = b"\x01" * len(range(0, len(grown), 4096))  # resident, not just reserved
    try:
        said, peak = read_in_child(agenda(), tmp_path)
    finally:
        del grown
    assert "dagsorden.docx" in said
    assert peak < MEMORY_LIMIT / 2, f"{peak / MEGABYTE:.0f} MB"


def test_a_number_beyond_words_bound_is_clamped_not_written_out() -> None:
    from referent.importing.word.document import load, paragraphs

    listed = [p.listing for p in paragraphs(load(numbering_with("lowerRoman", 10**12)).blocks) if p.listing]
    assert listed and all(len(listing.label) <= 50 for listing in listed)  # 32767 at most: 41 letters


def test_a_hundred_thousand_empty_paragraphs_are_refused_with_a_message(tmp_path: Path) -> None:
    data = agenda()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    many = document.replace(b"</w:body>", b"<w:p/>" * 150_000 + b"</w:body>")
    said, peak = read_in_child(rezipped(data, {"word/document.xml": many}), tmp_path)
    assert "more than 100,000 paragraphs" in said
    assert peak <= MEMORY_LIMIT


def hidden_variants() -> bytes:
    """The demo agenda with a hidden run in a case text, a hidden paragraph, a hidden heading
    (an item no one sees) and a paragraph in a style that is hidden."""
    data = agenda()
    source = zipfile.ZipFile(io.BytesIO(data))
    document = source.read("word/document.xml").decode()
    hidden_run = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>SKJULT-ORD</w:t></w:r>"
    document = document.replace("</w:t></w:r></w:p>", "</w:t></w:r>" + hidden_run + "</w:p>", 3)
    hidden = (
        "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>SKJULT-AFSNIT</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:specVanish/></w:rPr></w:pPr>'
        "<w:r><w:rPr><w:specVanish/></w:rPr><w:t>3. SKJULT-PUNKT</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:pStyle w:val="Skjult"/></w:pPr><w:r><w:t>SKJULT-TYPOGRAFI</w:t></w:r></w:p>'
    )
    document = document.replace("<w:sectPr", hidden + "<w:sectPr", 1)
    styles = (
        source.read("word/styles.xml")
        .decode()
        .replace(
            "</w:styles>",
            '<w:style w:type="paragraph" w:styleId="Skjult"><w:name w:val="Skjult"/>'
            "<w:rPr><w:vanish/></w:rPr></w:style></w:styles>",
        )
    )
    return rezipped(data, {"word/document.xml": document.encode(), "word/styles.xml": styles.encode()})


def test_hidden_text_is_not_read_and_never_reaches_any_export() -> None:
    read = parse_word_agenda(hidden_variants(), "A.docx").meeting
    everything = repr(read)
    for word in ("SKJULT-ORD", "SKJULT-AFSNIT", "SKJULT-PUNKT", "SKJULT-TYPOGRAFI"):
        assert word not in everything
    for public in (False, True):
        for kind in ("docx", "md"):
            data, _ = render(read, format=kind, public=public)
            text = data if kind == "md" else zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
            assert b"SKJULT" not in text


def test_a_text_box_is_read_where_it_stands_and_a_placeholder_is_not() -> None:
    data = agenda()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    box = (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/'
        '2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:txbx><w:txbxContent><w:p><w:r><w:t>TEKST-I-BOKS</w:t></w:r></w:p>'
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>TEKST-I-BOKS</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    placeholder = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>"
        "<w:t>Klik eller tryk her for at skrive tekst.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document = document.replace("<w:sectPr", box + placeholder + "<w:sectPr", 1)
    read = parse_word_agenda(rezipped(data, {"word/document.xml": document.encode()}), "A.docx").meeting
    last = read.items[-1].case
    assert last.count("TEKST-I-BOKS") == 1  # the box once: its DrawingML, not also its VML copy
    assert "Klik eller tryk her" not in repr(read)


def test_a_document_saved_by_word_for_the_web_is_read() -> None:
    data = agenda()
    source = zipfile.ZipFile(io.BytesIO(data))
    renamed = {"word/document.xml": None}
    added = {"word/document2.xml": source.read("word/document.xml")}
    rels = source.read("_rels/.rels").replace(b"word/document.xml", b"word/document2.xml")
    types = source.read("[Content_Types].xml").replace(b"/word/document.xml", b"/word/document2.xml")
    doc_rels = source.read("word/_rels/document.xml.rels")
    moved = rezipped(
        data,
        {**renamed, "_rels/.rels": rels, "[Content_Types].xml": types, "word/_rels/document.xml.rels": None},
        {**added, "word/_rels/document2.xml.rels": doc_rels},
    )
    assert "word/document.xml" not in zipfile.ZipFile(io.BytesIO(moved)).namelist()
    assert len(parse_word_agenda(moved, "A.docx").meeting.items) == 5


def test_an_embedded_document_is_reported_not_dropped_silently() -> None:
    data = agenda()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    relationships = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    chunk = b'<w:altChunk xmlns:r="' + relationships + b'" r:id="rIdX"/>'
    document = document.replace(b"<w:sectPr", chunk + b"<w:sectPr", 1)
    read = parse_word_agenda(rezipped(data, {"word/document.xml": document}), "A.docx")
    assert any("altChunk" in w.message for w in read.warnings)
