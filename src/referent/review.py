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


@dataclass(frozen=True)
class ReviewProblem:
    """One thing to look at; ``item`` is the item's index (None for the meeting as a whole),
    ``position`` which of the item's comments it is (for a comment)."""

    kind: ProblemKind
    item: int | None = None
    detail: str = ""
    position: int | None = None

    @property
    def is_reminder(self) -> bool:
        """Reminders are shown but need no fixing before approval."""
        return self.kind is ProblemKind.CLOSED_ITEM


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
        if not item.minutes.strip():
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
    if meeting.actual_start and not meeting.actual_end:
        problems.append(ReviewProblem(ProblemKind.NOT_CLOSED))
    return problems


_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Change:
    """A run of words: ``equal``, ``delete`` (only in the old text) or ``insert`` (only in the new)."""

    kind: str
    text: str


def word_diff(old: str, new: str) -> list[Change]:
    """The words removed and added between two wordings, for the chair's corrections."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            changes.append(Change("equal", "".join(before[a1:a2])))
            continue
        if tag in ("delete", "replace"):
            changes.append(Change("delete", "".join(before[a1:a2])))
        if tag in ("insert", "replace"):
            changes.append(Change("insert", "".join(after[b1:b2])))
    return changes
