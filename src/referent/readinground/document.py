"""Read a returned reading copy: per item part, its words with each tracked change; its comments.

The copy marks every part of an item it prints with a hidden bookmark (``_referent_3_minutes``,
see ``export.word.part_name``); a paragraph belongs to the last part begun before it, so a
paragraph the reviewer added at the end of the minutes is still the minutes. A run inside
``w:ins`` / ``w:moveTo`` was inserted, inside ``w:del`` / ``w:moveFrom`` deleted, each with
its ``w:author`` and ``w:date``; formatting changes (``w:rPrChange``, ``w:pPrChange``) and
changes outside the items (the running header, page layout) are counted and reported as
ignored, never read as text. The header block's rows are marked too
(``_referent_header_absent``, see ``export.word``): each row's lines are the part
``header_<row>`` of number ``HEADER``, ending with the paragraph its bookmark ends in (Word
leaves words typed at the end of a row's last line after the bookmark's end);
``attendance`` reads the attendance rows, and changes to the other rows (time, place, chair)
are reported with their words. The package is opened by the Word reader's
bounded, entity-free ``open_package``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from referent.importing.word.package import open_package
from referent.readinground.record import HEADER_MARK, PART_MARK

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _T, _DEL_TEXT = _W + "p", _W + "r", _W + "t", _W + "delText"
_TAB, _BR, _CR = _W + "tab", _W + "br", _W + "cr"
_INSERTED = {_W + "ins", _W + "moveTo"}
_DELETED = {_W + "del", _W + "moveFrom"}
_MOVES = {_W + "moveTo", _W + "moveFrom"}
_BOOKMARK, _BOOKMARK_END = _W + "bookmarkStart", _W + "bookmarkEnd"
_COMMENT_START, _COMMENT_END = _W + "commentRangeStart", _W + "commentRangeEnd"
_FORMATTING = (_W + "rPrChange", _W + "pPrChange", _W + "tblPrChange", _W + "trPrChange", _W + "tcPrChange")
_LAYOUT = _W + "sectPrChange"
PARAGRAPH = "\n\n"
"""Between two paragraphs of a part: a blank line, as the minutes' Markdown has it."""


@dataclass
class Segment:
    """A run of a part's words: unchanged (``state`` empty), ``ins`` or ``del``."""

    text: str
    state: str = ""
    author: str = ""
    date: str = ""
    moved: bool = False


@dataclass
class Part:
    """One part of one item as the returned copy has it."""

    number: int
    """The item's number in the copy (1-based)."""
    name: str
    """``title``, ``minutes``, or a part referent does not take corrections of (``case`` …)."""
    segments: list[Segment] = field(default_factory=list)
    last_paragraph: int = -1
    last_mark: Segment | None = None

    def add(self, segment: Segment) -> None:
        last = self.segments[-1] if self.segments else None
        if last is not None and (last.state, last.author, last.date, last.moved) == (
            segment.state, segment.author, segment.date, segment.moved,
        ):  # fmt: skip
            last.text += segment.text
        else:
            self.segments.append(segment)

    @property
    def original(self) -> str:
        """The words as they were sent (every tracked change undone)."""
        return "".join(s.text for s in self.segments if s.state != "ins")

    @property
    def reviewed(self) -> str:
        """The words as the reviewer left them (every tracked change accepted)."""
        return "".join(s.text for s in self.segments if s.state != "del")

    @property
    def changed(self) -> bool:
        return any(s.state for s in self.segments)


@dataclass
class ReviewComment:
    """A reviewer's comment: who, when, what, and the words it was anchored to."""

    author: str
    date: str
    text: str
    anchor: str = ""
    number: int | None = None
    """The item it was anchored in; None outside the items."""


@dataclass
class ReturnedCopy:
    identifier: str
    last_modified_by: str
    parts: dict[tuple[int, str], Part]
    comments: list[ReviewComment]
    ignored: list[str]
    """Kinds of change not read (keys into ``IGNORED``), each once, in the order found."""


IGNORED = {
    "formatting": "formatting changes (bold, italics, layout) are not read: the house style decides them",
    "header": (
        "changes in the header block outside its rows' lines (the lines above it, the row labels; in a copy "
        "made before attendance was read, all of it) are not read; make them in referent"
    ),
    "furniture": "changes in the running header or the footer are not read: referent writes them",
    "layout": "changes to the page layout are not read: the house style decides it",
    "other part": (
        "changes outside an item's title, minutes and outcomes (the case, the recommendation, the "
        "attachments, follow-ups) are not read; make them in referent"
    ),
}
"""English; translated where shown."""

READ_PARTS = ("title", "minutes", "outcomes")
"""The parts a reviewer's change is proposed for; changes elsewhere are reported as ignored."""
HEADER = 0
"""The number of the header block's parts (``header_participants`` …): before item 1."""
HEADER_PART = "header_"
"""How the name of a header block row's part begins (``header_absent``)."""


def read_returned(data: bytes, name: str) -> ReturnedCopy:
    """Read the copy in ``data`` (``name`` for messages); raises ``MeetingFileError`` when it is
    damaged or no Word document."""
    package = open_package(data, name, review_parts=True)
    walker = _Walker()
    body = package.document.find(_W + "body")
    if body is not None:
        walker.walk(body)
    for root in package.furniture.values():
        if any(root.iter(*_INSERTED, *_DELETED)):
            walker.ignore("furniture")
    comments = walker.comments(package.comment_part)
    return ReturnedCopy(
        identifier=package.identifier,
        last_modified_by=package.last_modified_by,
        parts=walker.parts,
        comments=comments,
        ignored=walker.ignored,
    )


class _Walker:
    """One pass over the body in document order."""

    def __init__(self) -> None:
        self.parts: dict[tuple[int, str], Part] = {}
        self.ignored: list[str] = []
        self.current: Part | None = None
        self.paragraph = -1
        self.mark: Segment | None = None
        """The state of the current paragraph's mark (inserted or deleted with Enter)."""
        self.open_comments: dict[str, list[str]] = {}
        self.anchors: dict[str, tuple[int | None, str]] = {}
        self.header_marks: dict[str, Part] = {}
        """The header block's bookmarks begun and not yet ended, by id."""
        self.ending: Part | None = None
        """A header row whose bookmark ended in this paragraph: it ends with the paragraph."""

    def ignore(self, kind: str) -> None:
        if kind not in self.ignored:
            self.ignored.append(kind)

    def walk(self, body: Any) -> None:
        for element in body.iter():
            tag = element.tag
            if tag == _P:
                if self.ending is not None and self.current is self.ending:
                    self.current = None  # the paragraph after the row's end: out of the row
                self.ending = None
                self.paragraph += 1
                self.mark = _paragraph_mark(element)
                self.after_label()
                for comment in self.open_comments.values():
                    comment.append(" ")
            elif tag == _BOOKMARK:
                self.begin_part(element.get(_W + "name", ""), element.get(_W + "id", ""))
            elif tag == _BOOKMARK_END:
                ended = self.header_marks.pop(element.get(_W + "id", ""), None)
                if ended is not None and self.current is ended:
                    self.ending = ended  # with its paragraph: Word leaves words typed at the end after it
            elif tag in (_T, _DEL_TEXT, _TAB, _BR, _CR):
                self.text(element)
            elif tag == _COMMENT_START:
                self.open_comments[element.get(_W + "id", "")] = []
            elif tag == _COMMENT_END:
                key = element.get(_W + "id", "")
                words = self.open_comments.pop(key, [])
                self.anchors[key] = (self.item_number(), "".join(words))
            elif tag in _FORMATTING:
                self.ignore("formatting")
            elif tag == _LAYOUT:
                self.ignore("layout")
        for key, words in self.open_comments.items():  # a range never closed: to the end
            self.anchors.setdefault(key, (self.item_number(), "".join(words)))

    def item_number(self) -> int | None:
        """The item the walk is in; None before the first (the header block)."""
        part = self.current
        return part.number if part is not None and part.number != HEADER else None

    def after_label(self) -> None:
        """A paragraph after the ``Referat:`` label of an item without minutes is its minutes
        (the reviewer wrote them)."""
        part = self.current
        if part is not None and part.name == "label" and part.last_paragraph >= 0:
            key = (part.number, "minutes")
            self.current = self.parts.setdefault(key, Part(part.number, "minutes"))

    def begin_part(self, name: str, mark: str) -> None:
        if name.startswith(HEADER_MARK) and len(name) > len(HEADER_MARK):
            key = (HEADER, HEADER_PART + name[len(HEADER_MARK) :])
            self.current = self.parts.setdefault(key, Part(*key))
            self.header_marks[mark] = self.current
            return
        if not name.startswith(PART_MARK):
            return
        number, _, part = name[len(PART_MARK) :].partition("_")
        if not number.isdigit() or not part:
            return
        key = (int(number), part)
        self.current = self.parts.setdefault(key, Part(int(number), part))

    def text(self, element: Any) -> None:
        run = element.getparent()
        if run is None or run.tag != _R or _hidden(run):
            return
        tag = element.tag
        text = element.text or "" if tag in (_T, _DEL_TEXT) else "\t" if tag == _TAB else "\n"
        if tag == _BR and element.get(_W + "type") in ("page", "column"):
            return
        if not text:
            return
        state, author, date, moved = "", "", "", False
        ancestor = run.getparent()
        while ancestor is not None and ancestor.tag != _P:
            if ancestor.tag in _INSERTED or ancestor.tag in _DELETED:
                kind = "ins" if ancestor.tag in _INSERTED else "del"
                if state and kind != state:
                    return  # inserted by one reviewer, deleted by another: in neither text
                if not state:
                    state, author, date = kind, ancestor.get(_W + "author", ""), ancestor.get(_W + "date", "")
                    moved = ancestor.tag in _MOVES
            ancestor = ancestor.getparent()
        if state != "del":
            for words in self.open_comments.values():
                words.append(text)
        part = self.current
        if part is None:
            if state:
                self.ignore("header")
            return
        if part.name not in READ_PARTS and part.number != HEADER:
            if state:
                self.ignore("other part")
            part.last_paragraph = self.paragraph
            return
        if part.last_paragraph != self.paragraph:
            if part.last_paragraph >= 0:
                mark = part.last_mark or Segment("")
                part.add(Segment(PARAGRAPH, mark.state, mark.author, mark.date))
            part.last_paragraph = self.paragraph
        part.last_mark = self.mark
        part.add(Segment(text, state, author, date, moved))

    def comments(self, root: Any) -> list[ReviewComment]:
        if root is None:
            return []
        found: list[ReviewComment] = []
        for comment in root.iter(_W + "comment"):
            key = comment.get(_W + "id", "")
            paragraphs = [
                "".join(t.text or "" for t in p.iter(_T) if not _in_deleted(t)) for p in comment.iter(_P)
            ]
            number, anchor = self.anchors.get(key, (None, ""))
            found.append(
                ReviewComment(
                    author=comment.get(_W + "author", ""),
                    date=comment.get(_W + "date", ""),
                    text="\n".join(p for p in paragraphs if p.strip()).strip(),
                    anchor=" ".join(anchor.split()),
                    number=number,
                )
            )
        return found


def _paragraph_mark(paragraph: Any) -> Segment | None:
    """Whether the paragraph's mark (its Enter) was inserted or deleted as a tracked change."""
    ppr = paragraph.find(_W + "pPr")
    rpr = ppr.find(_W + "rPr") if ppr is not None else None
    if rpr is None:
        return None
    for child in rpr:
        if child.tag in _INSERTED or child.tag in _DELETED:
            state = "ins" if child.tag in _INSERTED else "del"
            return Segment("", state, child.get(_W + "author", ""), child.get(_W + "date", ""))
    return None


def _hidden(run: Any) -> bool:
    rpr = run.find(_W + "rPr")
    return rpr is not None and rpr.find(_W + "vanish") is not None


def _in_deleted(element: Any) -> bool:
    ancestor = element.getparent()
    while ancestor is not None:
        if ancestor.tag in _DELETED:
            return True
        ancestor = ancestor.getparent()
    return False
