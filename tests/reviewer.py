"""A reviewer in Word, as a script: tracked changes and comments written into a reading copy
the way Word writes them (``w:ins`` / ``w:del`` with ``w:author`` and ``w:date``, ``w:delText``,
``w:moveFrom`` / ``w:moveTo``, ``w:rPrChange``, ``w:commentRangeStart`` … ``w:commentReference``
and ``word/comments.xml`` with its relationship and content type)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


@dataclass
class Reviewer:
    """Edits one copy; ``save`` writes it. Each change finds its words inside one run."""

    author: str
    date: str = "2023-03-15T09:30:00Z"
    files: dict[str, bytes] = field(default_factory=dict)
    document: etree._Element | None = None
    comments: list[tuple[int, str, str, str]] = field(default_factory=list)
    next_id: int = 900

    @classmethod
    def open(cls, path: Path, author: str, date: str = "2023-03-15T09:30:00Z") -> Reviewer:
        with zipfile.ZipFile(path) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        reviewer = cls(author, date, files)
        reviewer.document = etree.fromstring(files["word/document.xml"])
        return reviewer

    def as_(self, author: str, date: str | None = None) -> Reviewer:
        """The same copy edited next by someone else (one document, two reviewers)."""
        self.author = author
        self.date = date or self.date
        return self

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _change(self, tag: str) -> etree._Element:
        return etree.Element(
            W + tag, {W + "id": self._id(), W + "author": self.author, W + "date": self.date}
        )

    def _find(self, words: str, occurrence: int = 0) -> tuple[etree._Element, etree._Element, int]:
        """The run (outside any change) whose text holds ``words``, its w:t, and where."""
        seen = 0
        for t in self.document.iter(W + "t"):
            run = t.getparent()
            if run.getparent().tag in (W + "ins", W + "del", W + "moveTo", W + "moveFrom"):
                continue
            at = (t.text or "").find(words)
            if at >= 0:
                if seen == occurrence:
                    return run, t, at
                seen += 1
        raise AssertionError(f"no run holds {words!r}")

    def _split(
        self, words: str, occurrence: int = 0
    ) -> tuple[etree._Element, etree._Element, etree._Element]:
        """Cut the run around ``words``: (run before, the run of the words, run after)."""
        run, t, at = self._find(words, occurrence)
        text = t.text or ""
        pieces = [text[:at], words, text[at + len(words) :]]
        runs = []
        for piece in pieces:
            new = etree.fromstring(etree.tostring(run))
            new_t = new.find(W + "t")
            new_t.text = piece
            new_t.set(XML_SPACE, "preserve")
            runs.append(new)
        for new in runs:
            run.addprevious(new)
        run.getparent().remove(run)
        return runs[0], runs[1], runs[2]

    def _as_deleted(self, run: etree._Element) -> None:
        t = run.find(W + "t")
        t.tag = W + "delText"

    def replace(self, old: str, new: str, occurrence: int = 0) -> Reviewer:
        """Select ``old`` and type ``new`` with Track Changes on: a w:del then a w:ins."""
        _, middle, _ = self._split(old, occurrence)
        deletion = self._change("del")
        middle.addprevious(deletion)
        deletion.append(middle)
        self._as_deleted(middle)
        if new:
            insertion = self._change("ins")
            deletion.addnext(insertion)
            run = etree.fromstring(etree.tostring(middle))
            run.find(W + "delText").tag = W + "t"
            run.find(W + "t").text = new
            insertion.append(run)
        return self

    def delete(self, old: str, occurrence: int = 0) -> Reviewer:
        return self.replace(old, "", occurrence)

    def insert(self, after: str, new: str, occurrence: int = 0) -> Reviewer:
        """Type ``new`` right after the words ``after``."""
        _, middle, _ = self._split(after, occurrence)
        insertion = self._change("ins")
        middle.addnext(insertion)
        run = etree.fromstring(etree.tostring(middle))
        run.find(W + "t").text = new
        insertion.append(run)
        return self

    def move(self, words: str, after: str) -> Reviewer:
        """Drag ``words`` to after ``after`` (w:moveFrom at the old place, w:moveTo at the new)."""
        _, middle, _ = self._split(words)
        source = self._change("moveFrom")
        middle.addprevious(source)
        source.append(middle)
        self._as_deleted(middle)
        _, anchor, _ = self._split(after)
        target = self._change("moveTo")
        anchor.addnext(target)
        run = etree.fromstring(etree.tostring(middle))
        run.find(W + "delText").tag = W + "t"
        target.append(run)
        return self

    def bold(self, words: str) -> Reviewer:
        """Make ``words`` bold: a formatting change only (w:rPrChange), which is not read."""
        _, middle, _ = self._split(words)
        rpr = middle.find(W + "rPr")
        if rpr is None:
            rpr = etree.Element(W + "rPr")
            middle.insert(0, rpr)
        old = etree.fromstring(etree.tostring(rpr))
        etree.SubElement(rpr, W + "b")
        change = self._change("rPrChange")
        change.append(old)
        rpr.append(change)
        return self

    def type_over(self, old: str, new: str) -> Reviewer:
        """Change words with Track Changes off: no trace of it but the words."""
        _, t, at = self._find(old)
        t.text = (t.text or "")[:at] + new + (t.text or "")[at + len(old) :]
        return self

    def new_paragraph_after(self, words: str, text: str) -> Reviewer:
        """Press Enter at the end of the paragraph holding ``words`` and type ``text``, tracked:
        as Word writes it, the first paragraph's mark is the inserted one (``w:pPr/w:rPr/w:ins``)
        and the new paragraph's words are an insertion."""
        run, _, _ = self._find(words)
        paragraph = run.getparent()
        while paragraph.tag != W + "p":
            paragraph = paragraph.getparent()
        new = etree.Element(W + "p")
        ppr = paragraph.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            paragraph.insert(0, ppr)
        new.append(etree.fromstring(etree.tostring(ppr)))
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, W + "rPr")
        rpr.append(self._change("ins"))
        insertion = self._change("ins")
        new.append(insertion)
        r = etree.SubElement(insertion, W + "r")
        t = etree.SubElement(r, W + "t")
        t.text = text
        ends = [child for child in paragraph if child.tag == W + "bookmarkEnd"]
        paragraph.addnext(new)
        for end in ends:  # Word keeps a bookmark's end with the paragraph's (new) mark
            new.append(end)
        return self

    def comment(self, first: str, last: str, text: str) -> Reviewer:
        """A comment anchored from the run of ``first`` to the run of ``last`` (which may be in
        another paragraph): Word's commentRangeStart / End and the reference run."""
        key = self._id()
        run, _, _ = self._find(first)
        run.addprevious(etree.Element(W + "commentRangeStart", {W + "id": key}))
        end_run, _, _ = self._find(last)
        end = etree.Element(W + "commentRangeEnd", {W + "id": key})
        end_run.addnext(end)
        reference = etree.Element(W + "r")
        etree.SubElement(reference, W + "commentReference", {W + "id": key})
        end.addnext(reference)
        self.comments.append((int(key), self.author, self.date, text))
        return self

    def page_layout(self) -> Reviewer:
        """Change the margins with Track Changes on (w:sectPrChange): not read."""
        sect = self.document.find(f"{W}body/{W}sectPr")
        change = self._change("sectPrChange")
        change.append(etree.Element(W + "sectPr"))
        sect.append(change)
        return self

    def save(self, path: Path) -> Path:
        files = dict(self.files)
        core = files["docProps/core.xml"].decode()  # Word names who saved the copy last
        start, end = core.find("<cp:lastModifiedBy"), core.find("</cp:lastModifiedBy>")
        if start >= 0 and end > start:
            core = core[:start] + f"<cp:lastModifiedBy>{self.author}" + core[end:]
            files["docProps/core.xml"] = core.encode()
        files["word/document.xml"] = etree.tostring(self.document, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)  # fmt: skip
        if self.comments:
            root = etree.Element(W + "comments", nsmap={"w": W_NS})
            for key, author, date, text in self.comments:
                attributes = {
                    W + "id": str(key),
                    W + "author": author,
                    W + "date": date,
                    W + "initials": author[:2],
                }
                comment = etree.SubElement(root, W + "comment", attributes)
                for line in text.split("\n"):
                    p = etree.SubElement(comment, W + "p")
                    r = etree.SubElement(p, W + "r")
                    etree.SubElement(r, W + "t").text = line
            files["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)  # fmt: skip
            rels = files["word/_rels/document.xml.rels"].decode()
            if COMMENTS_TYPE not in rels:
                rels = rels.replace(
                    "</Relationships>",
                    f'<Relationship Id="rIdComments" Type="{COMMENTS_TYPE}" '
                    'Target="comments.xml"/></Relationships>',
                )
                files["word/_rels/document.xml.rels"] = rels.encode()
            types = files["[Content_Types].xml"].decode()
            if "comments+xml" not in types:
                types = types.replace(
                    "</Types>",
                    f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_CONTENT}"/></Types>',
                )
                files["[Content_Types].xml"] = types.encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        path.write_bytes(buffer.getvalue())
        return path


OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
"""LibreOffice, where it is installed: a returned copy saved again as a second word processor would."""
NO_OFFICE = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"


def saved_again_by_libreoffice(path: Path, folder: Path) -> Path:
    """``path`` opened and saved as .docx by LibreOffice (its own profile in ``folder``)."""
    assert OFFICE is not None, NO_OFFICE
    out_dir = folder / "libreoffice"
    subprocess.run(
        [OFFICE, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--convert-to", "docx",
         "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out_dir / path.name
