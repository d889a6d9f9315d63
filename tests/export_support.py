"""Reading exported .docx files back for the export tests: text with list numbers, XML, zip parts."""

from __future__ import annotations

import difflib
import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

TESTS = Path(__file__).parent
MINUTES = TESTS / "fixtures" / "minutes"
REFERENCE = TESTS / "fixtures" / "reference"
NORD = TESTS / "fixtures" / "nord"
LISTINGS = TESTS / "fixtures" / "listings"
AGENDAS = TESTS.parent / "sample_agendas"
SAMPLES = sorted(p.stem for p in MINUTES.glob("*.toml"))

_FORMATS = {"decimal": lambda n: str(n), "lowerLetter": lambda n: "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]}


def open_docx(path: Path) -> DocxDocument:
    return docx.Document(str(path))


class ListNumbers:
    """Computes the number Word shows before a numbered paragraph (``1.``, ``b)``), as Word does."""

    def __init__(self, document: DocxDocument) -> None:
        root = document.part.numbering_part.element
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        for abstract in root.iterfind(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterfind(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt")).get(qn("w:val"))
                text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt,
                    text,
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        for num in root.iterfind(qn("w:num")):
            overrides = {
                int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
                for o in num.iterfind(qn("w:lvlOverride"))
                if o.find(qn("w:startOverride")) is not None
            }
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            self.nums[num.get(qn("w:numId"))] = (abstract_id, overrides)
        self.counters: dict[str, dict[int, int]] = {}

    @staticmethod
    def num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
        ppr = paragraph._p.pPr
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            return None
        return numpr.find(qn("w:numId")).get(qn("w:val")), int(numpr.find(qn("w:ilvl")).get(qn("w:val")))

    def label(self, paragraph: Paragraph) -> str:
        """``"2."`` for a numbered paragraph, ``"•"`` for a bullet, ``""`` otherwise."""
        found = self.num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        abstract_id, overrides = self.nums[num_id]
        fmt, text, start = self.levels[abstract_id][level]
        if fmt == "bullet":
            return text
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, overrides.get(level, start) - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        return re.sub(r"%(\d)", lambda m: _FORMATS.get(fmt, str)(counters.get(int(m[1]) - 1, 1)), text)


def document_text(document: DocxDocument) -> str:
    """The body as lines of text in order, numbered list items with their numbers, tables by row."""
    numbers = ListNumbers(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            label = numbers.label(block)
            prefix = f"{label} " if label and label not in ("•", "o", "▪") else ""
            lines.append(prefix + block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def listing(document: DocxDocument) -> list[str]:
    """One line per paragraph, in order, ``style [list label] [bold] | text``: the layout of a
    document as a reader sees it. A table's paragraphs are prefixed ``[row,column]``."""
    numbers = ListNumbers(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_listed(block, numbers))
            continue
        for r, row in enumerate(block.rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                lines += [f"[{r},{c}] {_listed(p, numbers)}" for p in cell.paragraphs]
    return lines


def _listed(paragraph: Paragraph, numbers: ListNumbers) -> str:
    words = [paragraph.style.name if paragraph.style is not None else "?"]
    label = numbers.label(paragraph)
    if label:
        words.append(label)
    runs = [run for run in paragraph.runs if run.text]
    if runs and all(run.bold for run in runs):
        words.append("bold")
    text = paragraph.text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    return f"{' '.join(words)} | {text}"


def zip_text(path: Path) -> str:
    """Every part of the .docx archive, decoded: what a determined reader could find."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


_URL = re.compile(r"https?://\S+")
_BULLET = re.compile(r"^\s*[•o▪-]\s+", re.MULTILINE)
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*([a-zæøå])")
_PUNCTUATION = "\"”“'‘’:;,.()[]–—/•"


def words(text: str) -> list[str]:
    """Words to compare: PDF artefacts (hyphenation at line ends, bullets, links) undone."""
    text = _URL.sub(" ", text)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = _BULLET.sub("", text)
    out = []
    for word in text.split():
        word = word.strip(_PUNCTUATION)
        if word:
            out.append(word)
    return out


def similarity(reference: str, exported: str) -> float:
    return difflib.SequenceMatcher(None, words(reference), words(exported), autojunk=False).ratio()
