"""The agenda and the public version, made by taking things out of the meeting itself.

Filtering the model, before any document is built, is what makes the public version safe:
a closed item's case text, recommendation, attachments, minutes and follow-ups are not in
the data any writer sees, so they cannot leak into the body, the properties or a stray
XML part. The same filters serve the Word, text and meeting-file exports.

The chair's comments to the secretary are in neither version: they are never published
(the Word and text writers leave them out of every version; only the internal meeting
file keeps them, for the round trip).
"""

from __future__ import annotations

import copy
from dataclasses import replace

from referent.model import Attendance, Item, ItemStatus, Meeting


def public_meeting(meeting: Meeting) -> Meeting:
    """A copy in which every closed item keeps only its number, title and time slot.

    Open items keep their protocol remarks and corrections; no item keeps its comments.
    The approvals stay (they decide whether the minutes are a draft), but not whether the
    chair approved with problems still listed (recorded, not published), nor the reason for
    reopening, which may speak of a closed item (each open item's correction has its own).
    """
    items = [
        _closed_shell(item) if item.closed else replace(copy.deepcopy(item), comments=[])
        for item in meeting.items
    ]
    approvals = [replace(a, with_problems=False, reopen_reason="") for a in meeting.approvals]
    return replace(copy.deepcopy(meeting), items=items, approvals=approvals)


def _closed_shell(item: Item) -> Item:
    return Item(title=item.title, start=item.start, end=item.end, closed=True)


def agenda_meeting(meeting: Meeting) -> Meeting:
    """A copy without what the meeting itself recorded: the agenda as it was sent out.

    That includes the review: no remarks, comments, corrections or approvals.
    """
    people = [
        replace(p, attendance=Attendance.UNKNOWN, substitute="", arrived_at=None, left_after=None)
        for p in meeting.participants
    ]
    guests = [
        replace(p, attendance=Attendance.UNKNOWN, substitute="", arrived_at=None, left_after=None)
        for p in meeting.guests
    ]
    items = [
        replace(
            item,
            recommendation=replace(item.recommendation, outcomes=[None] * len(item.recommendation.points)),
            minutes="",
            status=ItemStatus.PENDING,
            actual_start=None,
            conflicts=[],
            actions=[],
            remarks=[],
            comments=[],
            corrections=[],
        )
        for item in copy.deepcopy(meeting.items)
    ]
    return replace(
        copy.deepcopy(meeting),
        participants=people,
        guests=guests,
        items=items,
        next_meeting="",
        actual_start=None,
        actual_end=None,
        approvals=[],
    )
