"""The agenda and the public version, made by taking things out of the meeting itself.

Filtering the model, before any document is built, is what makes the public version safe:
a closed item's case text, recommendation, attachments, minutes and follow-ups are not in
the data any writer sees, so they cannot leak into the body, the properties or a stray
XML part. The same filters serve the Word, text and meeting-file exports.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from referent.model import Attendance, Item, ItemStatus, Meeting


def public_meeting(meeting: Meeting) -> Meeting:
    """A copy in which every closed item keeps only its number, title and time slot."""
    items = [_closed_shell(item) if item.closed else copy.deepcopy(item) for item in meeting.items]
    return replace(copy.deepcopy(meeting), items=items)


def _closed_shell(item: Item) -> Item:
    return Item(title=item.title, start=item.start, end=item.end, closed=True)


def agenda_meeting(meeting: Meeting) -> Meeting:
    """A copy without what the meeting itself recorded: the agenda as it was sent out."""
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
    )
