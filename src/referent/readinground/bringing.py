"""Bring a returned reading copy into its meeting, and accept or reject what it proposes.

The copy's record names the meeting (and the copy, whose words as sent the database keeps);
a copy of another meeting, of approved minutes, or a document that is no reading copy is
refused with a message. Tracked changes and changes typed over (found against the words as
sent) become proposed corrections, kept until someone accepts or rejects them; comments
become the chair's comments. Accepting applies a correction to the text as it is now: when
the secretary changed those words after the copy was sent, it is not applied by guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referent.i18n import DANISH, Phrase, phrase, t
from referent.model import Comment, Meeting, Outcome, folded
from referent.readinground.attendance import PART as ATTENDANCE
from referent.readinground.attendance import ROWS as ATTENDANCE_ROWS
from referent.readinground.attendance import Refused, attendance_proposals, marking, row_of
from referent.readinground.changes import (
    Proposal,
    apply,
    describe,
    line_proposals,
    reads_as,
    tracked_proposals,
    untracked_proposals,
)
from referent.readinground.document import HEADER, READ_PARTS, Part, ReturnedCopy, read_returned
from referent.readinground.record import CopyRecord, meeting_key, parse_record

if TYPE_CHECKING:
    from referent.export.style import HouseStyle
    from referent.store import Store
    from referent.store.readinground import StoredProposal


class ReadingRoundError(Exception):
    """A copy that cannot be brought in: the message says why and what to do."""


@dataclass
class Located:
    """A returned copy and the meeting it belongs to."""

    meeting_id: int
    copy: ReturnedCopy
    record: CopyRecord
    sent: dict[str, Any]
    """The words of the copy's items as sent (empty when the database did not keep them)."""
    made_at: datetime | None = None


@dataclass
class BroughtIn:
    """What bringing a copy in found and kept."""

    proposals: list[Proposal] = field(default_factory=list)
    new: int = 0
    """Proposals not kept before (the rest were proposed already: their reviewer is added)."""
    comments: int = 0
    ignored: list[str] = field(default_factory=list)
    done: list[tuple[int, Proposal, str]] = field(default_factory=list)
    """Proposals with nothing left to decide: item id, proposal, how it stands (``DONE``)."""


def sent_words(data: bytes, item_ids: list[int], meeting: Meeting) -> dict[str, Any]:
    """What a reading copy (``data``, just written) says in each item's parts, kept with the copy:
    the text a reviewer's untracked changes are found against."""
    copy = read_returned(data, "")
    items: dict[str, Any] = {}
    for number, (item_id, item) in enumerate(zip(item_ids, meeting.items, strict=False), start=1):
        parts = {
            name: copy.parts[(number, name)].original for name in READ_PARTS if (number, name) in copy.parts
        }
        items[str(number)] = {"id": item_id, "title": item.title, "minutes": item.minutes, "parts": parts}
    header = {row_of(part): part.original for (number, _), part in copy.parts.items() if number == HEADER}
    return {"items": items, "header": header}


def meeting_for_key(store: Store, key: str) -> int | None:
    """The meeting in this database whose documents carry ``key`` (``export.naming.meeting_key``)."""
    database = store.file
    if database is None:
        return None
    for summary in store.list_meetings():
        if meeting_key(database, summary.id) == key:
            return summary.id
    return None


def locate(store: Store, path: Path, data: bytes, meeting_id: int | None = None) -> Located:
    """Read the copy in ``data`` and find its meeting; ``meeting_id``: the meeting it must be.
    Raises ``ReadingRoundError`` (or ``MeetingFileError`` for a damaged file)."""
    copy = read_returned(data, str(path))
    record = parse_record(copy.identifier)
    name = str(path)
    if record is None or record.kind != "minutes":
        raise ReadingRoundError(
            t("{name}: not a reading copy of minutes made by referent (its properties do not say which "
              "meeting it was made for); make one with 'referent export ID --for-review'", name=name)
        )  # fmt: skip
    if record.approved:
        raise ReadingRoundError(
            t("{name}: a copy of approved minutes, not a reading copy of a draft: nothing in it is "
              "brought in", name=name)
        )  # fmt: skip
    if not record.for_review:
        raise ReadingRoundError(
            t("{name}: a draft exported without --for-review, not a reading copy; send the reviewers "
              "a copy made with 'referent export ID --for-review'", name=name)
        )  # fmt: skip
    found = meeting_for_key(store, record.meeting_key)
    if found is None:
        raise ReadingRoundError(
            t("{name}: a reading copy of a meeting that is not in this database (another database, "
              "a file exported on its own, or a meeting deleted since)", name=name)
        )  # fmt: skip
    if meeting_id is not None and found != meeting_id:
        title = store.summary(found).title
        raise ReadingRoundError(
            t("{name}: a reading copy of another meeting (meeting {id}: {title}), not of this one",
              name=name, id=found, title=title)
        )  # fmt: skip
    sent: dict[str, Any] = {}
    made_at = None
    if record.copy is not None:
        kept = store.reading_copy(record.copy)
        if kept is not None and kept.meeting_id == found:
            sent, made_at = kept.sent, kept.made_at
    return Located(found, copy, record, sent, made_at)


def preview(
    store: Store, located: Located, style: HouseStyle | None = None
) -> tuple[list[tuple[Proposal, str]], list[str]]:
    """What the copy proposes, without keeping anything: each proposal with how it stands to the
    text now and to what was decided (``STANDS``), and what was ignored (``style``: the
    meeting's, which wrote the attendance lines; None: ``default``)."""
    found, ignored = _changes(store, located)
    standing = _standing(store, located, found, style)
    return [(proposal, stands) for _, proposal, _, stands in standing], ignored


def _standing(
    store: Store, located: Located, found: list[tuple[int, Proposal, str]], style: HouseStyle | None
) -> list[tuple[int, Proposal, str, str]]:
    """Each proposal (item id, proposal, words as sent) with how it stands: ``accepted`` or
    ``rejected`` (decided already: the same copy brought in again), ``reads`` (the text now
    reads as the correction would make it), ``fits`` / ``stale`` (the item changed in referent
    since the copy was sent), or ``""``."""
    meeting = store.load_meeting(located.meeting_id)
    item_ids = store.item_ids(located.meeting_id)
    decided = {
        _key(p.item_id, p.part, p.old, p.new, p.before, p.after): p.status
        for p in store.proposals(located.meeting_id)
        if p.status != "open"
    }
    shown: list[tuple[int, Proposal, str, str]] = []
    if any(proposal.part == ATTENDANCE for _, proposal, _ in found):
        style = _house(style)  # read once, not once a line
    for item_id, proposal, sent in found:
        status = decided.get(_key(item_id, proposal.part, proposal.old, proposal.new, proposal.before,
                                  proposal.after))  # fmt: skip
        if status is not None:
            shown.append((item_id, proposal, sent, status))
            continue
        item = meeting.items[item_ids.index(item_id)]
        if proposal.part == ATTENDANCE:
            shown.append((item_id, proposal, sent, _attendance_standing(meeting, proposal, style)))
            continue
        if proposal.part == "outcomes":
            shown.append((item_id, proposal, sent, ""))
            continue
        now = item.title if proposal.part == "title" else item.minutes
        kept = located.sent.get("items", {}).get(str(proposal.number), {})
        then = kept.get(proposal.part)
        if then is None or then == now:
            shown.append((item_id, proposal, sent, ""))
            continue
        if reads_as(now, proposal.old, proposal.new, proposal.before, proposal.after):
            shown.append((item_id, proposal, sent, "reads"))
            continue
        fits = apply(now, proposal.old, proposal.new, proposal.before, proposal.after) is not None
        shown.append((item_id, proposal, sent, "fits" if fits else "stale"))
    return shown


def _attendance_standing(meeting: Meeting, proposal: Proposal, style: HouseStyle | None) -> str:
    """``reads`` when the meeting's attendance already says what the line says."""
    try:
        said = marking(meeting, proposal.before, proposal.old, proposal.new, proposal.after, _house(style))
    except Refused:
        return ""  # decided in the review, where accepting it says why it cannot be
    return "reads" if said.nothing else ""


def _house(style: HouseStyle | None) -> HouseStyle:
    if style is not None:
        return style
    from referent.export import load_style

    return load_style(None)


def _key(item_id: int, part: str, old: str, new: str, before: str, after: str) -> tuple[object, ...]:
    """What makes two proposals the same one (as ``store.propose`` tells them)."""
    return item_id, part, old, new, before, after


STANDS = {
    "accepted": "accepted already",
    "rejected": "rejected already",
    "reads": "the text now reads as the correction would make it",
    "fits": "changed in referent since the copy was sent; the correction still fits the text now",
    "stale": "changed in referent since the copy was sent; the correction no longer fits the text now: "
    "decide in the review",
}
"""How a proposal stands to what was decided and to an item changed after the copy was sent
(English; translated where shown)."""
DONE = ("accepted", "rejected", "reads")
"""Standings that leave nothing to decide: bringing the copy in again changes nothing for them."""


def _reading_order(entry: tuple[tuple[int, str], Part]) -> tuple[int, int]:
    (number, name), _ = entry
    return number, READ_PARTS.index(name) if name in READ_PARTS else len(READ_PARTS)


def _changes(store: Store, located: Located) -> tuple[list[tuple[int, Proposal, str]], list[str]]:
    """Each proposal with its item's id and the part's words as sent; what was ignored."""
    meeting = store.load_meeting(located.meeting_id)
    item_ids = store.item_ids(located.meeting_id)
    copy = located.copy
    ignored = list(copy.ignored)
    found: list[tuple[int, Proposal, str]] = []
    header_sent: dict[str, str] | None = located.sent.get("header") if located.sent else None
    groups = {folded(p.group) for p in meeting.participants + meeting.guests if p.group.strip()}
    for (number, name), part in sorted(copy.parts.items(), key=_reading_order):
        if number == HEADER:
            row = row_of(part)
            sent_row = header_sent.get(row) if header_sent is not None else None
            if row in ATTENDANCE_ROWS and item_ids:
                for proposal in attendance_proposals(part, sent_row, copy.last_modified_by, groups):
                    found.append((item_ids[0], proposal, sent_row if sent_row is not None else part.original))
            else:
                _ignore_header_row(ignored, row, part, sent_row)
            continue
        if name not in READ_PARTS:
            continue
        item_id, sent_part, title = _sent(located, number, name, item_ids, meeting)
        if item_id is None:
            if part.changed:
                _ignore(ignored, "gone")
            continue
        if name == "outcomes":
            proposals = line_proposals(part, sent_part, copy.last_modified_by)
        else:
            proposals = tracked_proposals(part)
            if sent_part is not None:
                proposals += untracked_proposals(part, sent_part, copy.last_modified_by, "")
        for proposal in proposals:
            if name == "title":
                base = sent_part if proposal.kind == "untracked" and sent_part is not None else part.original
                clipped = _within_title(proposal, base, title)
                if clipped is None:
                    heading = phrase("item {number} ({title}): {change} in the heading's number or time is "
                                     "not read; make it in referent", number=str(number), title=title,
                                     change=describe(proposal.old, proposal.new))  # fmt: skip
                    _ignore(ignored, heading)
                    continue
                proposal = clipped
            found.append((item_id, proposal, sent_part if sent_part is not None else part.original))
    return found, ignored


HEADER_ROWS = {
    "title": "meeting title",
    "when": "time of the meeting",
    "date": "date",
    "time": "time of the meeting",
    "started": "started at",
    "ended": "ended at",
    "location": "place",
    "chair": "chair",
    "secretary": "secretary",
}
"""The header block's rows other than attendance, as a message names them (English; translated)."""


def _ignore_header_row(ignored: list[str], row: str, part: Part, sent: str | None) -> None:
    """A change to a header row that is not read (the place, the time, the chair …): told
    with the row and the words, each once."""
    changes = tracked_proposals(part)
    if sent is not None:
        changes += untracked_proposals(part, sent, "", "")
    for change in changes:
        words = describe(change.old, change.new)
        told = phrase("the header block's {row} row: {change} is not read (of the header block only the "
                      "attendance lines are); make it in referent", row=phrase(HEADER_ROWS.get(row, row)),
                      change=words)  # fmt: skip
        _ignore(ignored, told)


def bring_in(store: Store, located: Located, style: HouseStyle | None = None) -> BroughtIn:
    """Keep the copy's proposed corrections and comments with its meeting (all or nothing);
    ``style``: the meeting's, which wrote the attendance lines (None: ``default``)."""
    meeting = store.load_meeting(located.meeting_id)
    if meeting.approved:
        raise ReadingRoundError(
            t("meeting {id} is approved: reopen it for correction before bringing in a reading copy "
              "('referent review {id}', then o)", id=located.meeting_id)
        )  # fmt: skip
    found, ignored = _changes(store, located)
    result = BroughtIn(ignored=ignored)
    item_ids = store.item_ids(located.meeting_id)
    with store.transaction():
        for item_id, proposal, sent, stands in _standing(store, located, found, style):
            result.proposals.append(proposal)
            if stands in DONE:
                result.done.append((item_id, proposal, stands))
            if stands == "reads":
                continue  # nothing to decide: not kept as an open proposal
            values = {
                "part": proposal.part,
                "kind": proposal.kind,
                "author": proposal.author,
                "date": proposal.date,
                "start": proposal.start,
                "old": proposal.old,
                "new": proposal.new,
                "before": proposal.before,
                "after": proposal.after,
                "sent": sent,
            }
            _, new = store.propose(located.meeting_id, located.record.copy, item_id, values)
            result.new += new
        for comment in located.copy.comments:
            on_header = comment.number is None
            where = item_ids[0] if on_header and item_ids else None
            if comment.number is not None:
                where = _item_id(located, comment.number, item_ids)
            if where is None:
                continue
            item_id = where
            text = comment.text + (f" («{_short(comment.anchor)}»)" if comment.anchor else "")
            either = {text}
            if on_header:  # brought in before in either language
                either = {f"{prefix} {text}" for prefix in (ON_HEADER, DANISH[ON_HEADER])}
                text = f"{t(ON_HEADER)} {text}"
            item = meeting.items[item_ids.index(item_id)]
            if any(c.text in either and folded(c.who) == folded(comment.author) for c in item.comments):
                continue  # brought in before
            store.add_comment(item_id, Comment(text, who=comment.author, at=_moment(comment.date)))
            result.comments += 1
    return result


ON_HEADER = "On the header block:"
"""Before a comment anchored in the header block, which is kept as a comment on the first item."""


def _short(text: str, most: int = 200) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


IGNORED_HERE = {
    "gone": "changes to an item the meeting no longer has are not read",
}
"""English; translated where shown (with ``document.IGNORED``). What is told with its item and
words (a heading's number or time, a header row) is a ``Phrase`` instead of a key."""


def say_ignored(entry: str) -> str:
    """One entry of ``ignored`` in the language of now: a key of ``IGNORED`` /
    ``IGNORED_HERE``, or a ``Phrase`` that names the item and the words."""
    from referent.i18n import said
    from referent.readinground.document import IGNORED

    if isinstance(entry, Phrase):
        return said(entry)
    return t({**IGNORED, **IGNORED_HERE}.get(entry, entry))


def _ignore(ignored: list[str], kind: str) -> None:
    if kind not in ignored:
        ignored.append(kind)


def _item_id(located: Located, number: int, item_ids: list[int]) -> int | None:
    """The item numbered ``number`` in the copy: by the id kept with it, else by its place."""
    kept = located.sent.get("items", {}).get(str(number))
    if kept is not None:
        return int(kept["id"]) if kept["id"] in item_ids else None
    return item_ids[number - 1] if 1 <= number <= len(item_ids) else None


def _sent(
    located: Located, number: int, name: str, item_ids: list[int], meeting: Meeting
) -> tuple[int | None, str | None, str]:
    """The item id, the part's words as sent (None: not kept) and the item's title as sent."""
    item_id = _item_id(located, number, item_ids)
    kept = located.sent.get("items", {}).get(str(number))
    if kept is not None:
        return item_id, kept["parts"].get(name, ""), kept["title"]
    title = meeting.items[item_ids.index(item_id)].title if item_id is not None else ""
    return item_id, None, title


def _within_title(proposal: Proposal, text: str, title: str) -> Proposal | None:
    """A change in the heading (``text``, as the proposal's ``start`` counts) as a change of the
    title: the number and the time are referent's."""
    begin = text.find(title) if title else -1
    if begin < 0:
        return None
    offset = proposal.start
    end = begin + len(title)
    if offset < begin or offset + len(proposal.old) > end:
        return None
    before = text[begin:offset]
    after = text[offset + len(proposal.old) : end]
    return Proposal(
        proposal.number, proposal.part, proposal.kind, proposal.author, proposal.date,
        offset - begin, proposal.old, proposal.new, before, after,
    )  # fmt: skip


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        return None


# --- deciding ------------------------------------------------------------------------------


class NotApplied(Exception):
    """The correction's words are no longer where the copy had them (or not only there); or,
    with a ``reason``, an attendance line that cannot be applied (it names nobody, or several)."""

    def __init__(self, proposal_id: int, reason: str = "") -> None:
        super().__init__(proposal_id)
        self.reason = reason
        """A ``Phrase`` (said in the language of the moment it is shown), or empty."""


def current_text(store: Store, proposal: StoredProposal) -> str:
    row = store.db.one("SELECT title, minutes FROM items WHERE id = ?", [proposal.item_id])
    assert row is not None
    return (row["title"] if proposal.part == "title" else row["minutes"]) or ""


def accept(store: Store, proposal: StoredProposal, style: HouseStyle | None = None) -> str:
    """Apply the correction to the text as it is now and keep it as the reviewer's; returns the
    new text. Raises ``NotApplied`` when its place cannot be found. ``style`` (the meeting's;
    None: ``default``) gives the words of an outcome line."""
    if proposal.part == "outcomes":
        _accept_outcome(store, proposal, style)
        return proposal.new
    if proposal.part == ATTENDANCE:
        _accept_attendance(store, proposal, style)
        return proposal.new
    now = current_text(store, proposal)
    changed = apply(now, proposal.old, proposal.new, proposal.before, proposal.after)
    if changed is None:
        raise NotApplied(proposal.id)
    reviewers = ", ".join(proposal.authors)
    with store.transaction():
        if proposal.part == "title":
            store.update_item(proposal.item_id, title=" ".join(changed.split()))
        else:
            store.save_reviewed_minutes(proposal.item_id, changed, by=reviewers)
        store.decide(proposal.id, "accepted", by=reviewers)
    return changed


def _accept_outcome(store: Store, proposal: StoredProposal, style: HouseStyle | None) -> None:
    """An outcome line changed (``Ad 2: Godkendt`` → ``Ad 2: Ikke godkendt``): the point's
    outcome set to the one the new line names (removed: none)."""
    if style is None:
        from referent.export import load_style

        style = load_style(None)
    row = store.db.one("SELECT meeting_id FROM items WHERE id = ?", [proposal.item_id])
    assert row is not None
    meeting = store.load_meeting(row["meeting_id"])
    item = meeting.items[store.item_ids(row["meeting_id"]).index(proposal.item_id)]
    recommendation = item.recommendation
    pattern = _outcome_pattern(style.items.outcome)
    words = {folded(getattr(style.outcomes, o.name.lower())).rstrip("."): o for o in Outcome}
    old, new = pattern.match(proposal.old.strip()), pattern.match(proposal.new.strip())
    named = new or old
    if named is None or (proposal.new.strip() and new is None):
        raise NotApplied(proposal.id)
    labels = [recommendation.label(index) for index in range(len(recommendation.points))]
    if named["point"] not in labels:
        raise NotApplied(proposal.id)
    index = labels.index(named["point"])
    outcome = words.get(folded(new["outcome"]).rstrip(".")) if new is not None else None
    if new is not None and outcome is None:
        raise NotApplied(proposal.id)  # not one of the style's outcomes
    outcomes = list(recommendation.outcomes) + [None] * (len(labels) - len(recommendation.outcomes))
    outcomes[index] = outcome
    recommendation.outcomes = outcomes
    with store.transaction():
        store.update_item(proposal.item_id, recommendation=recommendation)
        store.decide(proposal.id, "accepted", by=", ".join(proposal.authors))


def _accept_attendance(store: Store, proposal: StoredProposal, style: HouseStyle | None) -> None:
    """An attendance line changed: the person it names marked as it now says (present, absent
    with or without a substitute, remote), renamed, or added; refused with the reason when the
    line names nobody on the list or more than one person."""
    row = store.db.one("SELECT meeting_id FROM items WHERE id = ?", [proposal.item_id])
    assert row is not None
    meeting_id = row["meeting_id"]
    meeting = store.load_meeting(meeting_id)
    try:
        said = marking(meeting, proposal.before, proposal.old, proposal.new, proposal.after, _house(style))
    except Refused as refused:
        raise NotApplied(proposal.id, phrase(refused.reason, **refused.values)) from refused
    people = store.participant_ids(meeting_id) + store.participant_ids(meeting_id, guests=True)
    reviewers = ", ".join(proposal.authors)
    with store.transaction():
        if said.added is not None:
            store.add_participant(meeting_id, said.added, guest=said.guest)
        elif said.person is not None and said.changes:
            store.update_participant(people[said.person], **said.changes)
        store.decide(proposal.id, "accepted", by=reviewers)


def _outcome_pattern(form: str) -> re.Pattern[str]:
    """The style's outcome line (``Ad {point}: {outcome}``) as a pattern that reads one back."""
    pattern = (
        re.escape(form).replace(r"\{point\}", "(?P<point>.+?)").replace(r"\{outcome\}", "(?P<outcome>.+?)")
    )
    return re.compile(f"^{pattern}\\.?$", re.IGNORECASE)


def reject(store: Store, proposal: StoredProposal) -> None:
    store.decide(proposal.id, "rejected", by=", ".join(proposal.authors))


def conflicts(proposals: list[StoredProposal]) -> dict[int, list[int]]:
    """Open proposals that change the same words of one part differently: id -> the others."""
    found: dict[int, list[int]] = {}
    live = [p for p in proposals if p.status == "open"]
    for index, first in enumerate(live):
        for second in live[index + 1 :]:
            if (first.item_id, first.part) != (second.item_id, second.part):
                continue
            if _overlap(first, second) and (first.old, first.new) != (second.old, second.new):
                found.setdefault(first.id, []).append(second.id)
                found.setdefault(second.id, []).append(first.id)
    return found


def _overlap(first: StoredProposal, second: StoredProposal) -> bool:
    if first.part == ATTENDANCE:  # one line of one row (``start`` counts lines, not characters)
        return first.start == second.start and first.sent == second.sent
    a1, a2 = first.start, first.start + len(first.old)
    b1, b2 = second.start, second.start + len(second.old)
    return a1 <= b2 and b1 <= a2 and first.sent == second.sent


def by_reviewer(proposals: list[StoredProposal], name: str | None) -> list[StoredProposal]:
    """The open proposals of one reviewer (``None``: of every reviewer)."""
    wanted = folded(name) if name is not None else None
    return [
        p
        for p in proposals
        if p.status == "open" and (wanted is None or wanted in {folded(a) for a in p.authors})
    ]
