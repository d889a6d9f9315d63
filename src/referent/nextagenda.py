"""The next meeting's agenda, made from this meeting's minutes.

A body meets again and again, and its next agenda starts from its last meeting: the same body,
its standing participants with their attendance cleared, the date the minutes gave for the next
meeting, the standing items (approving the last minutes, following up the open action items,
any other business) and the items the minutes said come back (postponed, "genoptages på næste
møde"). The secretary adds the new items in Word. The item titles are the meeting's own Danish
text, never translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from referent.danish import format_date
from referent.dates import parse_when
from referent.model import (
    Attendance,
    Item,
    ItemStatus,
    Meeting,
    Outcome,
    Participant,
    Recommendation,
    folded,
)

if TYPE_CHECKING:
    from referent.store import Store

APPROVE_MINUTES = "Godkendelse af referat fra sidste møde"
FOLLOW_UP = "Opfølgning"
CLOSED_FOLLOW_UP = "Opfølgning på lukkede punkter"
ANY_OTHER_BUSINESS = "Eventuelt"
STANDING = {folded(title) for title in (APPROVE_MINUTES, FOLLOW_UP, ANY_OTHER_BUSINESS)} | {
    folded("Godkendelse af dagsorden"),
    folded("Godkendelse af referat"),
}
"""Items every meeting has: they are made anew, never carried as items that come back."""

COMES_BACK = re.compile(
    r"\b(udsat|udsættes|genoptages|tages op igen|drøftes igen på næste møde|behandles på næste møde)\b"
)
"""What minutes write of an item that comes back at the next meeting (matched case folded)."""

DEFAULT_INTERVAL = timedelta(days=28)
"""The next meeting's date when the minutes give none: four weeks on, the same weekday."""


@dataclass(frozen=True)
class OpenAction:
    """An action item still open, and where it was agreed."""

    what: str
    who: str = ""
    due: str = ""
    agreed_on: date | None = None
    item_title: str = ""
    closed: bool = False
    """Agreed under a closed item: followed up in a closed item of its own, never in public."""


@dataclass(frozen=True)
class NextAgenda:
    """The agenda, and whether its date came from the minutes' ``next_meeting`` line."""

    meeting: Meeting
    date_from_minutes: bool


def written_date(text: str, after: date) -> tuple[date | None, time | None, time | None]:
    """The date (and times, ``kl. 14.00-16.00``) ``text`` names, in any form the Word reader
    knows (``8. maj 2023``, ``8.5.2023``, ``2023-05-08``, ``May 8``); a day and month without a
    year is the first such day from ``after`` on."""
    when = parse_when(text)
    day = when.on(when.year) if when.year else None
    if when.has_date and when.year is None:
        day = when.on(after.year)
        if day is None or day < after:
            day = when.on(after.year + 1)
    return day, when.start, when.end


def is_follow_up_item(item: Item) -> bool:
    """The item where the meeting follows up earlier action items (``Opfølgning …``, also the
    closed one for the action items of closed items)."""
    return folded(item.title).startswith(folded(FOLLOW_UP))


def comes_back(item: Item) -> bool:
    """The minutes say the item comes back at the next meeting."""
    if folded(item.title) in STANDING or is_follow_up_item(item):
        return False
    if item.status is ItemStatus.POSTPONED:
        return True
    if any(outcome is Outcome.POSTPONED for outcome in item.recommendation.outcomes):
        return True
    return bool(COMES_BACK.search(folded(item.minutes)))


def next_title(title: str) -> str:
    """``2. møde på Politisk Niveau`` is followed by ``3. møde på Politisk Niveau``."""
    found = re.match(r"(\d+)(\.\s*møde\b)", title, re.IGNORECASE)
    if found is None:
        return title
    return f"{int(found[1]) + 1}{found[2]}{title[found.end() :]}"


def follow_up_text(actions: list[OpenAction]) -> str:
    """The Opfølgning item's case text: the open action items, as a list (Markdown)."""
    if not actions:
        return "Der er ingen åbne opfølgningspunkter fra tidligere møder."
    lines = ["Åbne opfølgningspunkter fra tidligere møder:", ""]
    for action in actions:
        detail = ", ".join(
            part for part in (action.who, f"senest {action.due}" if action.due else "") if part
        )
        line = f"- {action.what}" + (f" ({detail})" if detail else "")
        if action.agreed_on is not None:
            line += f" – fra mødet {format_date(action.agreed_on, weekday=False)}"
            if action.item_title:
                line += f", {action.item_title}"
        lines.append(line)
    return "\n".join(lines)


def cleared(person: Participant) -> Participant:
    """A participant as the next agenda lists them: attendance and its notes cleared."""
    return replace(
        person,
        attendance=Attendance.UNKNOWN,
        substitute="",
        arrived_at=None,
        left_after=None,
        substitute_phrase="",
    )


def agenda_item(item: Item) -> Item:
    """An item that comes back, as the agenda has it: what the meeting recorded left out."""
    recommendation = replace(item.recommendation, points=list(item.recommendation.points), outcomes=[])
    return Item(
        title=item.title,
        presenter=item.presenter,
        closed=item.closed,
        case=item.case,
        recommendation=recommendation,
        attachments=list(item.attachments),
        parts=list(item.parts),
    )


def next_agenda(
    meeting: Meeting,
    open_actions: list[OpenAction],
    participants: list[Participant] | None = None,
    style: str | None = None,
    location: str | None = None,
) -> NextAgenda:
    """The next meeting's agenda after ``meeting``. ``participants``, ``style``, ``location``:
    the body's standing ones (default: this meeting's)."""
    day, start, end = written_date(meeting.next_meeting, meeting.date)
    from_minutes = day is not None and day > meeting.date
    if not from_minutes:
        day, start, end = meeting.date + DEFAULT_INTERVAL, None, None
    assert day is not None
    items = [
        Item(
            title=APPROVE_MINUTES,
            recommendation=Recommendation(
                points=[f"referatet fra mødet {format_date(meeting.date, weekday=False)} godkendes"]
            ),
        ),
        Item(
            title=FOLLOW_UP,
            case=follow_up_text([action for action in open_actions if not action.closed]),
            recommendation=Recommendation(points=["status på opfølgningspunkterne tages til efterretning"]),
        ),
        *(
            [
                Item(
                    title=CLOSED_FOLLOW_UP,
                    closed=True,
                    case=follow_up_text([action for action in open_actions if action.closed]),
                )
            ]
            if any(action.closed for action in open_actions)
            else []
        ),
        *(agenda_item(item) for item in meeting.items if comes_back(item)),
        Item(title=ANY_OTHER_BUSINESS),
    ]
    people = participants if participants is not None else meeting.participants
    agenda = Meeting(
        title=next_title(meeting.title),
        date=day,
        body=meeting.body,
        start=start or meeting.start,
        end=end or meeting.end,
        location=location if location is not None else meeting.location,
        chair=meeting.chair,
        secretary=meeting.secretary,
        style=style if style is not None else meeting.style,
        participants=[cleared(person) for person in people],
        vacant_seats=list(meeting.vacant_seats),
        items=items,
    )
    return NextAgenda(agenda, from_minutes)


def style_beside(style: str, source: str) -> str:
    """The meeting's own style as the next agenda names it: a style file beside the meeting
    file becomes its full path, since the agenda may be written elsewhere."""
    from pathlib import Path

    from referent.export.style import BUILT_IN

    if not style or style in BUILT_IN or not source or Path(style).expanduser().is_absolute():
        return style
    return str((Path(source).parent / style).resolve())


def from_store(store: Store, meeting_id: int) -> NextAgenda:
    """The next agenda after a meeting in the database: its body's standing participants and
    place, and the action items of the body's meetings up to this one still open."""
    meeting = store.load_meeting(meeting_id)
    body = store.body_of(meeting_id)
    still_open = [
        f
        for f in store.open_follow_ups(body.id)
        if (f.meeting_date, f.meeting_id) <= (meeting.date, meeting_id)
    ]
    still_open.sort(key=lambda f: (f.meeting_date, f.meeting_id, f.item_number, f.action_id))
    actions = [OpenAction(f.what, f.who, f.due, f.meeting_date, f.item_title, f.closed) for f in still_open]
    style = style_beside(meeting.style, store.source_path(meeting_id))
    return next_agenda(meeting, actions, body.participants, style=style, location=body.location or None)
