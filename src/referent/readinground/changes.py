"""Proposed corrections: what a reviewer changed in one part, and applying one to the text now.

A proposal is a replacement in the part's words as they were sent: ``old`` (deleted, may be
empty) becomes ``new`` (inserted, may be empty), between the words ``before`` and ``after``.
Applying it looks for those words in the text as it is now (the minutes' Markdown, the
title), with as much of the words around it as still match: a correction is never put where
its words cannot be found unambiguously; it is then shown against both versions instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from referent.readinground.document import PARAGRAPH, Part
from referent.review import word_diff

CONTEXT = 40
"""Characters kept on each side of a change, to find its place again."""
TRACKED, MOVED, UNTRACKED = "tracked", "moved", "untracked"


@dataclass(frozen=True)
class Proposal:
    number: int
    """The item's number in the copy."""
    part: str
    kind: str
    """``tracked``, ``moved`` (one half of a moved passage) or ``untracked`` (typed over)."""
    author: str
    date: str
    start: int
    """Where in the words as sent the change begins (to tell overlapping changes)."""
    old: str
    new: str
    before: str
    after: str

    @property
    def end(self) -> int:
        return self.start + len(self.old)


def tracked_proposals(part: Part) -> list[Proposal]:
    """The part's tracked changes: neighbouring insertions and deletions by one reviewer are
    one replacement."""
    original = part.original
    found: list[Proposal] = []
    position = 0
    group: list[tuple[str, str]] = []  # (state, text)
    head: tuple[str, str, bool] | None = None  # author, date, moved
    start = 0

    def close() -> None:
        nonlocal group, head
        if head is not None and group:
            old = "".join(text for state, text in group if state == "del")
            new = "".join(text for state, text in group if state == "ins")
            if old != new:
                found.append(_proposal(part, MOVED if head[2] else TRACKED, head[0], head[1],
                                       original, start, old, new))  # fmt: skip
        group, head = [], None

    for segment in part.segments:
        if not segment.state:
            close()
            position += len(segment.text)
            continue
        key = (segment.author, segment.date[:10], segment.moved)
        if head is None or head[0] != key[0] or head[2] != key[2]:
            close()
            head, start = (segment.author, segment.date, segment.moved), position
        group.append((segment.state, segment.text))
        if segment.state == "del":
            position += len(segment.text)
    close()
    return found


def untracked_proposals(part: Part, sent: str, author: str, date: str) -> list[Proposal]:
    """What the reviewer typed over without Track Changes: the copy's words as sent against the
    words that were actually sent."""
    original = part.original
    if original == sent:
        return []
    found: list[Proposal] = []
    position = 0
    old, new, start = "", "", -1
    for change in word_diff(sent, original):
        if change.kind == "equal":
            if start >= 0:
                found.append(_proposal(part, UNTRACKED, author, date, sent, start, old, new))
                old, new, start = "", "", -1
            position += len(change.text)
            continue
        if start < 0:
            start = position
        if change.kind == "delete":
            old += change.text
            position += len(change.text)
        else:
            new += change.text
    if start >= 0:
        found.append(_proposal(part, UNTRACKED, author, date, sent, start, old, new))
    return found


def line_proposals(part: Part, sent: str | None, author: str) -> list[Proposal]:
    """Outcome lines (``Ad 2: Godkendt``) are decisions, not wording: each line changed is one
    proposal of the whole line (``old`` empty: a line added; ``new`` empty: a line removed),
    by whoever changed words in it; and lines typed over, against the lines as sent."""
    found: list[Proposal] = []
    added, removed = lines_changed_by(part, "del"), lines_changed_by(part, "ins")
    for old, new in _paired(paragraph_lines(part.original), paragraph_lines(part.reviewed)):
        who, date = added.get(new) or removed.get(old) or ("", "")
        found.append(Proposal(part.number, part.name, TRACKED, who, date, 0, old, new, "", ""))
    if sent is not None:
        for old, new in _paired(paragraph_lines(sent), paragraph_lines(part.original)):
            found.append(Proposal(part.number, part.name, UNTRACKED, author, "", 0, old, new, "", ""))
    return found


def lines_changed_by(part: Part, left_out: str) -> dict[str, tuple[str, str]]:
    """Each line of one view of the part (without the ``left_out`` segments) that holds a
    change, with the author and date of its first change."""
    lines: list[list[str]] = [["", "", ""]]
    for segment in part.segments:
        if segment.state == left_out:
            continue
        for index, piece in enumerate(segment.text.split(PARAGRAPH)):
            if index:
                lines.append(["", "", ""])
            lines[-1][0] += piece
            if segment.state and piece.strip() and not lines[-1][1]:
                lines[-1][1:] = [segment.author, segment.date]
    return {text.strip(): (who, date) for text, who, date in lines if who}


def paragraph_lines(text: str) -> list[str]:
    """The part's lines (its paragraphs), without blank ones."""
    return [line.strip() for line in text.split(PARAGRAPH) if line.strip()]


def _label(line: str) -> str:
    """What names an outcome line's point: the words before its colon (``Ad 2``)."""
    return line.partition(":")[0].strip().casefold()


def _paired(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """(old, new) for each line that differs, paired by the point it names."""
    old = {_label(line): line for line in before}
    new = {_label(line): line for line in after}
    pairs = [(line, new.get(label, "")) for label, line in old.items() if new.get(label) != line]
    return pairs + [("", line) for label, line in new.items() if label not in old]


def _proposal(
    part: Part, kind: str, author: str, date: str, text: str, start: int, old: str, new: str
) -> Proposal:
    end = start + len(old)
    return Proposal(
        number=part.number,
        part=part.name,
        kind=kind,
        author=author,
        date=date,
        start=start,
        old=old,
        new=new,
        before=text[max(0, start - CONTEXT) : start],
        after=text[end : end + CONTEXT],
    )


def apply(text: str, old: str, new: str, before: str, after: str) -> str | None:
    """``text`` with ``old`` (between ``before`` and ``after``) replaced by ``new``; None when
    that place cannot be found once and only once in ``text``."""
    for width in (CONTEXT, 20, 10, 4, 0):
        left, right = before[len(before) - width :] if width else "", after[:width]
        if not (old or left or right):
            break
        needle = left + old + right
        first = text.find(needle)
        if first < 0:
            continue
        if text.find(needle, first + 1) >= 0:
            return None  # found more than once: not put anywhere by guess
        at = first + len(left)
        return text[:at] + new + text[at + len(old) :]
    if not text and not old and not before.strip() and not after.strip():
        return new  # the whole (empty) text is written
    return None


def reads_as(text: str, old: str, new: str, before: str, after: str) -> bool:
    """Whether ``text`` already reads as the correction would make it: its new words stand
    between the words around it (at least ten characters of them where the part has them), and
    its old words do not."""
    if old == new:
        return False
    for width in (CONTEXT, 20, 10):
        left, right = before[max(0, len(before) - width) :], after[:width]
        if not (left.strip() or right.strip()):
            return False
        if left + new + right in text and (left + old + right) not in text:
            return True
    return False


def describe(old: str, new: str) -> str:
    """``«old» → «new»`` in a line (the CLI's listing)."""
    shown = [" ".join(part.split()) for part in (old, new)]
    if not shown[0]:
        return f"+ «{shown[1]}»"
    if not shown[1]:
        return f"- «{shown[0]}»"
    return f"«{shown[0]}» → «{shown[1]}»"
