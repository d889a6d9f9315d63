"""Files that are no usable Word agenda get one clear message naming the file, never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from word_agendas import Layout, build_agenda

from referent.export.filters import agenda_meeting
from referent.importing import read_source
from referent.importing import sniff as sniff_module
from referent.importing.word import package as package_module
from referent.importing.word import parse_word_agenda, read_word_agenda
from referent.meetingfile.reader import load_meeting
from referent.problems import MeetingFileError

FIXTURES = Path(__file__).parent / "fixtures" / "word"
SAMPLE = Path(__file__).parent.parent / "sample_agendas" / "demo-board-meeting.toml"


def message(path: Path) -> str:
    """The one problem both entry points report for ``path``."""
    with pytest.raises(MeetingFileError) as word:
        read_word_agenda(path)
    with pytest.raises(MeetingFileError) as source:
        read_source(path)
    assert [p.render(str(path)) for p in word.value.problems] == [
        p.render(str(path)) for p in source.value.problems
    ]
    assert len(word.value.problems) == 1
    rendered = word.value.problems[0].render(str(path))
    assert rendered.startswith(f"{path}: ")
    return rendered


def agenda_bytes() -> bytes:
    return build_agenda(agenda_meeting(load_meeting(SAMPLE)))


def test_a_truncated_docx_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "dagsorden.docx"
    path.write_bytes(agenda_bytes()[:5000])
    assert "damaged" in message(path)


def test_a_docx_with_a_broken_part_is_damaged(tmp_path: Path) -> None:
    data = bytearray(agenda_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + 60):  # spoil the compressed text: its checksum fails
        data[offset] ^= 0xFF
    path = tmp_path / "dagsorden.docx"
    path.write_bytes(bytes(data))
    assert "damaged" in message(path)


def test_a_docx_whose_xml_is_not_xml_cannot_be_read(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(agenda_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = content[: len(content) // 2]
            target.writestr(info, content)
    path = tmp_path / "dagsorden.docx"
    path.write_bytes(out.getvalue())
    assert "cannot be read as a Word document" in message(path)


def test_a_password_protected_docx_says_to_remove_the_password() -> None:
    text = message(FIXTURES / "encrypted-password-hemmelig.docx")
    assert "protected by a password" in text and "Encrypt with Password" in text


def test_an_old_doc_says_to_save_it_as_docx() -> None:
    text = message(FIXTURES / "old-binary.doc")
    assert "old Word document (.doc)" in text and "save it as .docx" in text


@pytest.mark.parametrize("name", ["agenda.pdf", "dagsorden.docx"])
def test_a_pdf_says_to_save_it_as_docx_whatever_its_name(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes((FIXTURES / "agenda.pdf").read_bytes())
    text = message(path)
    assert "this is a PDF" in text and "save it as .docx" in text


def test_an_empty_document_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "tom.docx"
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.save(str(path))
    assert message(path).endswith("the document is empty")


def test_an_empty_file_named_docx_is_no_word_document(tmp_path: Path) -> None:
    path = tmp_path / "tom.docx"
    path.write_bytes(b"")
    assert "the file is empty (0 bytes), not a Word document" in message(path)


def test_a_document_without_items_says_how_items_are_written_or_marked(tmp_path: Path) -> None:
    path = tmp_path / "brev.docx"
    document = docx.Document()
    document.add_paragraph("Kære alle")
    document.add_paragraph("Vi ses til mødet på torsdag. Husk at læse bilagene.")
    document.add_paragraph("Med venlig hilsen Sekretariatet")
    document.save(str(path))
    text = message(path)
    assert "no agenda items were found" in text and "1. Godkendelse af dagsorden" in text
    assert "mark its items with i" in text


def test_its_draft_is_one_item_whose_items_are_marked_on_the_correction_screen(tmp_path: Path) -> None:
    """Refused when it is opened, it could only be typed again: its draft is one item, nothing of
    it lost, with a warning saying how to mark the items."""
    from referent.sources import draft_for_file
    from referent.store import Store

    path = tmp_path / "dagsorden.docx"
    document = docx.Document()
    for line in ("Bestyrelsesmøde", "Godkendelse af referat", "Budget 2024", "Eventuelt"):
        document.add_paragraph(line)
    document.save(str(path))
    store = Store.open(tmp_path / "t.db")
    try:
        draft = draft_for_file(store, path)
        [item] = store.load_meeting(draft.meeting_id).items
    finally:
        store.close()
    assert item.title == "Bestyrelsesmøde" and "Budget 2024" in item.case and "Eventuelt" in item.case
    [said] = [w.render(str(path)) for w in draft.warnings if w.paragraph == 1]
    assert "no agenda items were found" in said and "mark each item with i" in said


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "enorm.docx"
    with path.open("wb") as file:  # sparse: costs no disk and no time
        file.truncate(sniff_module.MAX_FILE_BYTES + 1024 * 1024)
    text = message(path)
    assert "is 51.0 MB" in text and "at most 50 MB" in text


def test_a_huge_document_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small .docx can unpack to gigabytes (a zip bomb): the unpacked size is checked first."""
    path = tmp_path / "bombe.docx"
    path.write_bytes(agenda_bytes())
    monkeypatch.setattr(package_module, "MAX_XML_BYTES", 20_000)
    text = message(path)
    assert "unpacked" in text and "MB of text" in text


def test_other_office_files_and_zips_say_what_they_are(tmp_path: Path) -> None:
    for member, kind in (
        ("xl/workbook.xml", "an Excel workbook"),
        ("content.xml", "an OpenDocument file (LibreOffice)"),
        ("notes.txt", "a zip archive"),
    ):
        path = tmp_path / f"{kind.split()[1]}.docx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(member, "<x/>")
        assert f"this is {kind}, not a Word document" in message(path)


def test_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    assert message(tmp_path).endswith("is a directory, not a meeting file or Word agenda")
    assert message(tmp_path / "findes-ikke.docx").endswith("no such file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "agenda.docx"
    os.mkfifo(fifo)
    code = (
        "import sys\nfrom pathlib import Path\nfrom referent.importing import read_source\n"
        "from referent.problems import MeetingFileError\n"
        "try:\n    read_source(Path(sys.argv[1]))\nexcept MeetingFileError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=120
    )
    assert (
        result.stdout.strip() == f"{fifo}: is not an ordinary file (a device, a pipe or a socket), "
        "not a meeting file or Word agenda"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_not_read_forever() -> None:
    assert "not an ordinary file" in message(Path("/dev/zero"))


def rewritten(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info, change(content) if info.filename == part else content)
    return out.getvalue()


def test_a_strict_open_xml_document_says_how_to_save_it(tmp_path: Path) -> None:
    strict = rewritten(
        agenda_bytes(),
        "word/document.xml",
        lambda xml: xml.replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        ),
    )
    path = tmp_path / "strict.docx"
    path.write_bytes(strict)
    assert "Strict Open XML" in message(path)


@pytest.mark.parametrize(
    "content_type",
    [
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    ],
    ids=["dotx", "docm"],
)
def test_a_template_or_a_document_with_macros_is_read(content_type: bytes, tmp_path: Path) -> None:
    docx_type = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    data = rewritten(agenda_bytes(), "[Content_Types].xml", lambda xml: xml.replace(docx_type, content_type))
    path = tmp_path / "skabelon.dotx"
    path.write_bytes(data)
    assert read_source(path).meeting.title == "Riverside Community Board – March meeting"


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["word/document.xml", "word/numbering.xml", "word/styles.xml", None]),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255)), max_size=6),
)
def test_a_damaged_file_never_raises_anything_but_a_meeting_file_error(
    part: str | None, flips: list[tuple[int, int]]
) -> None:
    """Bytes changed in the zip (caught by its checksums) or inside a part's XML (re-zipped)."""

    def flip(content: bytes) -> bytes:
        changed = bytearray(content)
        for position, value in flips:
            changed[position % len(changed)] ^= value
        return bytes(changed)

    data = rewritten(DAMAGE_SOURCE, part, flip) if part else flip(DAMAGE_SOURCE)
    try:
        parse_word_agenda(data, "AGENDA.docx")
    except MeetingFileError as error:
        assert len(error.problems) == 1 and error.problems[0].message


DAMAGE_SOURCE = build_agenda(agenda_meeting(load_meeting(SAMPLE)), Layout(numbering="auto-style"))
