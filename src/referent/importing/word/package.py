"""Open a .docx package within fixed bounds and hand the reader the XML parts it reads.

Only the parts an agenda's text lives in are read — the main document, its styles and
numbering, the relationships that name them and hyperlinks, the core properties — never
pictures, fonts or embedded files. The main part is found through ``_rels/.rels`` as Word
does (Word for the web saves it as ``word/document2.xml``), not by its name.

Every part is unpacked with a counted read (``ZipFile.open(...).read(limit + 1)``): a zip
header that lies about a part's size, or a zip bomb in any part, costs at most the bound
(``MAX_XML_BYTES`` for all parts together) before it is refused. XML is parsed without
entities or network access (no XXE, no billion laughs).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from referent.i18n import phrase
from referent.problems import MeetingFileError, Problem

MAX_XML_BYTES = 40 * 1024 * 1024
"""All the parts read, unpacked, together: a 400-page agenda's text is about 10 MB; beyond
this it is a mistake or a zip bomb, not an agenda."""
_BROKEN = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError,
           KeyError)  # fmt: skip
"""What zipfile raises for a damaged or unusual archive (RuntimeError: a member with a password)."""
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_R = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = f"{_R}/officeDocument"
_STRICT_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_CORE_SUFFIX = "/metadata/core-properties"
_STYLES = f"{_R}/styles"
_NUMBERING = f"{_R}/numbering"
_HYPERLINK = f"{_R}/hyperlink"
_ALT_CHUNK = f"{_R}/aFChunk"
_COMMENTS = f"{_R}/comments"
_FURNITURE = (f"{_R}/header", f"{_R}/footer")
_STRICT = b"purl.oclc.org/ooxml/wordprocessingml/main"
_WORD_TYPES = (
    b"wordprocessingml.document.main+xml",
    b"wordprocessingml.template.main+xml",
    b"ms-word.document.macroEnabled.main+xml",
    b"ms-word.template.macroEnabledTemplate.main+xml",
)
_OTHER_ZIPS = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "content.xml": "an OpenDocument file (LibreOffice)",
}
ZIP_ARCHIVE = "a zip archive"
_DAMAGED = "the file is damaged: it is not a complete .docx (try saving it again in Word)"
_UNPACK = "the file is damaged (its text cannot be unpacked); save it again in Word"


@dataclass
class Package:
    """The parts of a Word document that hold an agenda, parsed."""

    document: Any
    """The main part's root element (``w:document``)."""
    styles: Any = None
    numbering: Any = None
    links: dict[str, str] = field(default_factory=dict)
    """Hyperlink relationship id → target."""
    chunks: set[str] = field(default_factory=set)
    """Relationship ids of embedded documents (``w:altChunk``), which are not read."""
    title: str = ""
    comments: str = ""
    created: datetime | None = None
    modified: datetime | None = None
    identifier: str = ""
    """``dc:identifier``: which meeting and version referent wrote the document for."""
    last_modified_by: str = ""
    comment_part: Any = None
    """``word/comments.xml`` (reviewers' comments), read only when asked for (``review_parts``)."""
    furniture: dict[str, Any] = field(default_factory=dict)
    """Headers and footers by part name, read only when asked for (``review_parts``)."""


def _parser() -> Any:
    from lxml import etree  # type: ignore[import-untyped]  # no stubs

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def open_package(data: bytes, name: str, review_parts: bool = False) -> Package:
    """The agenda's parts of the .docx in ``data``, or a ``MeetingFileError`` saying what the file
    is instead, that it is damaged, or too large. ``review_parts`` also reads the comments,
    headers and footers (a returned reading copy: ``referent.readinground``)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except _BROKEN:
        raise MeetingFileError(name, [Problem(None, phrase(_DAMAGED))]) from None
    reader = _Reader(archive, names, name)
    package_rels = reader.relationships("_rels/.rels", "")
    main = next((target for kind, target, _ in package_rels.values() if kind == _OFFICE_DOCUMENT), None)
    if main is None and any(kind == _STRICT_DOCUMENT for kind, _, _ in package_rels.values()):
        raise reader.strict()
    if main is None and "word/document.xml" in names:
        main = "word/document.xml"  # a package without its relationships: where Word puts it
    if main is None or main not in names:
        kind = next((what for part, what in _OTHER_ZIPS.items() if part in names), ZIP_ARCHIVE)
        message = phrase(
            "this is {kind}, not a Word document; save the agenda as .docx in Word", kind=phrase(kind)
        )
        raise MeetingFileError(name, [Problem(None, message)])
    types = reader.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if types and not any(kind in types for kind in _WORD_TYPES):
        raise MeetingFileError(
            name,
            [Problem(None, phrase("this is not a Word document inside; save the agenda as .docx in Word"))],
        )
    raw = reader.read(main)
    if _STRICT in raw[:4000]:
        raise reader.strict()
    package = Package(document=reader.parse(raw, main))
    base = posixpath.dirname(main)
    rels_name = posixpath.join(base, "_rels", posixpath.basename(main) + ".rels")
    for rel_id, (kind, target, external) in reader.relationships(rels_name, base).items():
        if kind == _HYPERLINK:
            package.links[rel_id] = target
        elif kind == _ALT_CHUNK:
            package.chunks.add(rel_id)
        elif external:
            continue
        elif kind == _STYLES and target in names:
            package.styles = reader.parse(reader.read(target), target)
        elif kind == _NUMBERING and target in names:
            package.numbering = reader.parse(reader.read(target), target)
        elif review_parts and kind == _COMMENTS and target in names:
            package.comment_part = reader.parse(reader.read(target), target)
        elif review_parts and kind in _FURNITURE and target in names:
            package.furniture[target] = reader.parse(reader.read(target), target)
    # LibreOffice names the relationship ``…/officedocument/2006/relationships/metadata/core-properties``
    core = next((target for kind, target, _ in package_rels.values() if kind.endswith(_CORE_SUFFIX)), None)
    if core is not None and core in names:
        _core_properties(package, reader, core)
    return package


class _Reader:
    """Counted reads out of one archive, within one budget for all parts together."""

    def __init__(self, archive: zipfile.ZipFile, names: set[str], name: str) -> None:
        self.archive = archive
        self.names = names
        self.name = name
        self.left = MAX_XML_BYTES

    def read(self, part: str) -> bytes:
        try:
            with self.archive.open(part) as member:
                content = member.read(self.left + 1)
        except _BROKEN:
            raise MeetingFileError(self.name, [Problem(None, phrase(_UNPACK))]) from None
        if len(content) > self.left:
            unpacked = MAX_XML_BYTES - self.left + len(content)
            raise MeetingFileError(
                self.name,
                [
                    Problem(
                        None,
                        phrase(
                            "the document's text is more than {size} MB unpacked; "
                            "referent reads Word agendas up to {limit} MB of text",
                            size=f"{unpacked / 1024 / 1024:.0f}",
                            limit=MAX_XML_BYTES // 1024 // 1024,
                        ),
                    )
                ],
            )
        self.left -= len(content)
        return content

    def parse(self, raw: bytes, part: str) -> Any:
        from lxml import etree

        try:
            return etree.fromstring(raw, _parser())
        except (etree.XMLSyntaxError, ValueError) as error:
            raise MeetingFileError(
                self.name,
                [
                    Problem(
                        None,
                        phrase(
                            "cannot be read as a Word document (it may be damaged): {error}",
                            error=f"{part}: {error}",
                        ),
                    )
                ],
            ) from None

    def relationships(self, part: str, base: str) -> dict[str, tuple[str, str, bool]]:
        """id → (type, target as a part name or external address, external)."""
        if part not in self.names:
            return {}
        root = self.parse(self.read(part), part)
        found: dict[str, tuple[str, str, bool]] = {}
        for rel in root.iter(f"{_PACKAGE_R}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(base, target))
                )
            found[rel.get("Id", "")] = (rel.get("Type", ""), target, external)
        return found

    def strict(self) -> MeetingFileError:
        return MeetingFileError(
            self.name,
            [
                Problem(
                    None,
                    phrase(
                        "this document is saved as 'Strict Open XML', which referent cannot read; "
                        "save it in Word as an ordinary Word Document (.docx)"
                    ),
                )
            ],
        )


_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


def _core_properties(package: Package, reader: _Reader, part: str) -> None:
    """Title, comments and dates from ``docProps/core.xml``; a damaged one is left out."""
    try:
        root = reader.parse(reader.read(part), part)
    except MeetingFileError:
        return
    package.title = (root.findtext(f"{_DC}title") or "").strip()
    package.comments = (root.findtext(f"{_DC}description") or "").strip()
    package.created = _moment(root.findtext(f"{_DCTERMS}created"))
    package.modified = _moment(root.findtext(f"{_DCTERMS}modified"))
    package.identifier = (root.findtext(f"{_DC}identifier") or "").strip()
    package.last_modified_by = (root.findtext(f"{_CP}lastModifiedBy") or "").strip()


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    text = re.sub(r"Z$", "+00:00", text.strip())
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
