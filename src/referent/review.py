"""What the chair checks before approving: the problems left in a draft, and what changed.

Plain functions over a ``Meeting``; the review screen turns their results into words in
the user's language, so problems are kinds with details, not sentences.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from referent.model import Attendance, ItemStatus, Meeting


class ProblemKind(StrEnum):
    NO_ATTENDANCE = "no_attendance"  # nobody marked at all
    UNMARKED = "unmarked"  # one participant not marked, when others are
    NOT_TAKEN = "not_taken"  # an item never taken up
    NO_MINUTES = "no_minutes"  # an item taken without minutes
    NO_OUTCOME = "no_outcome"  # a recommendation point without a decision
    ACTION_INCOMPLETE = "action_incomplete"  # a follow-up without owner or date
    NOT_CLOSED = "not_closed"  # the meeting's end was never recorded
    CLOSED_ITEM = "closed_item"  # a reminder: left out of the public version
    COMMENT = "comment"  # the chair's comment, until the secretary marks it done
    NOT_IN_AGENDA = "not_in_agenda"  # a reminder: the agenda file dropped it; kept for its records
    PROPOSAL = "proposal"  # a correction proposed in a returned reading copy, not yet decided


@dataclass(frozen=True)
class ReviewProblem:
    """One thing to look at; ``item`` is the item's index (None for the meeting as a whole),
    ``position`` which of the item's comments it is (for a comment), or the proposal's id (for
    a correction proposed in a reading copy: the review adds those, from the store)."""

    kind: ProblemKind
    item: int | None = None
    detail: str = ""
    position: int | None = None

    @property
    def is_reminder(self) -> bool:
        """Reminders are shown but need no fixing before approval."""
        return self.kind in (ProblemKind.CLOSED_ITEM, ProblemKind.NOT_IN_AGENDA)


def find_problems(meeting: Meeting) -> list[ReviewProblem]:
    """Every problem in the draft, in reading order: attendance first, then item by item."""
    problems: list[ReviewProblem] = []
    people = meeting.participants + meeting.guests
    unmarked = [p for p in people if p.attendance is Attendance.UNKNOWN]
    if people and len(unmarked) == len(people):
        problems.append(ReviewProblem(ProblemKind.NO_ATTENDANCE))
    else:
        problems += [ReviewProblem(ProblemKind.UNMARKED, detail=p.name) for p in unmarked]
    for index, item in enumerate(meeting.items):
        if item.status is ItemStatus.WITHDRAWN:
            continue
        if item.status is ItemStatus.PENDING:
            problems.append(ReviewProblem(ProblemKind.NOT_TAKEN, index))
        if not item.has_minutes:
            problems.append(ReviewProblem(ProblemKind.NO_MINUTES, index))
        if item.status is ItemStatus.TAKEN:
            rec = item.recommendation
            for point, _ in enumerate(rec.points):
                if point >= len(rec.outcomes) or rec.outcomes[point] is None:
                    problems.append(ReviewProblem(ProblemKind.NO_OUTCOME, index, str(point + 1)))
        for action in item.actions:
            if not action.who.strip() or not action.due.strip():
                problems.append(ReviewProblem(ProblemKind.ACTION_INCOMPLETE, index, action.what))
        problems += [
            ReviewProblem(ProblemKind.COMMENT, index, comment.text, position)
            for position, comment in enumerate(item.comments)
            if not comment.done
        ]
        if item.closed:
            problems.append(ReviewProblem(ProblemKind.CLOSED_ITEM, index))
        if item.not_in_agenda:
            problems.append(ReviewProblem(ProblemKind.NOT_IN_AGENDA, index))
    if meeting.actual_start and not meeting.actual_end:
        problems.append(ReviewProblem(ProblemKind.NOT_CLOSED))
    return problems


_TOKENS = re.compile(r"\A\s+|\S+\s*")
"""A word with the white space after it (and any white space the text starts with). A space
of its own would match every other space: the diff of a 5,000-word text took ten seconds."""
_ENDS_SENTENCE = re.compile(r"[.!?:;]\s*\Z|\n")
"""A word that ends a sentence (or a line)."""
SMALL = 200
"""Words (both texts together) below which the changed middle is compared word by word at once."""
LARGE = 2000
"""Words of a changed run above which common words are not used to start a match (``autojunk``)."""


@dataclass(frozen=True)
class Change:
    """A run of words: ``equal``, ``delete`` (only in the old text) or ``insert`` (only in the new)."""

    kind: str
    text: str


def word_diff(old: str, new: str) -> list[Change]:
    """The words removed and added between two wordings, for the chair's corrections.

    Linear in practice: words are compared with the white space after them, and a long text
    sentence by sentence first. The white space a replaced run of words ends with on both
    sides is shown as unchanged, not as changed."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    changes: list[Change] = []
    # what did not change at either end is set aside first: most corrections are a few words
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-tail - 1] == after[-tail - 1]:
        tail += 1
    _add(changes, "equal", "".join(before[:head]))
    middle_before, middle_after = before[head : len(before) - tail], after[head : len(after) - tail]
    if len(middle_before) + len(middle_after) <= SMALL:
        _diff(changes, middle_before, middle_after)
    else:
        _diff_sentences(changes, middle_before, middle_after)
    _add(changes, "equal", "".join(before[len(before) - tail :]))
    return changes


def _sentences(tokens: list[str]) -> list[list[str]]:
    """The words cut into sentences (a sentence ends with its full stop or its line)."""
    sentences: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        current.append(token)
        if _ENDS_SENTENCE.search(token):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def _diff_sentences(changes: list[Change], before: list[str], after: list[str]) -> None:
    """A long text's diff: the sentences that stayed the same first, then the words of those
    that changed. Words alone are quadratic where a few words recur everywhere ("at", "og"):
    every "og" matches every other; whole sentences rarely recur."""
    old, new = _sentences(before), _sentences(after)
    old_keys, new_keys = ["".join(sentence) for sentence in old], ["".join(sentence) for sentence in new]
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            _add(changes, "equal", "".join(old_keys[a1:a2]))
        else:
            _diff(changes, [w for s in old[a1:a2] for w in s], [w for s in new[b1:b2] for w in s])


def _diff(changes: list[Change], before: list[str], after: list[str]) -> None:
    large = len(before) + len(after) > LARGE  # one long sentence: quick rather than smallest
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=large)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        deleted, inserted = "".join(before[a1:a2]), "".join(after[b1:b2])
        if tag == "equal":
            _add(changes, "equal", deleted)
            continue
        tail = _common_space(deleted, inserted) if tag == "replace" else ""
        _add(changes, "delete", deleted[: len(deleted) - len(tail)])
        _add(changes, "insert", inserted[: len(inserted) - len(tail)])
        _add(changes, "equal", tail)


def _common_space(first: str, second: str) -> str:
    """The white space both texts end with."""
    tail = ""
    while len(tail) < min(len(first), len(second)):
        char = first[-len(tail) - 1]
        if char != second[-len(tail) - 1] or not char.isspace():
            break
        tail = char + tail
    return tail


def _add(changes: list[Change], kind: str, text: str) -> None:
    """Append a run, joining it to the one before when it is of the same kind."""
    if not text:
        return
    if changes and changes[-1].kind == kind:
        changes[-1] = Change(kind, changes[-1].text + text)
    else:
        changes.append(Change(kind, text))
