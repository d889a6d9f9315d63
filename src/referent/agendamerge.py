"""An edited agenda file brought into its draft: the agenda's new words, the meeting's records kept.

When the file a draft was made from changes (an item added, a title corrected, a case text
rewritten, a participant added), the draft takes the agenda's new words while everything
the meeting recorded (minutes, outcomes, attendance, action items, remarks, comments,
corrections) stays with the item or person it belongs to. Items are matched by title, then
by a title that is nearly the same; people by name. An item the file no longer has is
dropped only when nothing was recorded under it; otherwise it is kept and flagged
(``not_in_agenda``). Items added during the meeting were never in the file and stay.

Nothing here touches the database: ``plan_update`` says what will happen, so the secretary
can see it first, and ``Store.update_agenda`` does it.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from referent.fields import Kind, fields_of
from referent.model import Attendance, Item, Meeting, Outcome, Part, Participant, Recommendation, folded

SIMILAR_TITLE = 0.75
"""How alike two titles must be (difflib's ratio) to be taken for the same item, corrected."""
SIMILAR_POINT = 0.6
"""How alike two recommendation points must be to be taken for the same point, reworded."""


class ChangeKind(StrEnum):
    HEADER = "header"  # a field of the meeting's header: subject is the field
    ITEM_ADDED = "item added"
    ITEM_REMOVED = "item removed"
    ITEM_KEPT = "item kept"  # the file no longer has it, but something was recorded under it
    ITEM_CHANGED = "item changed"  # detail: which parts
    ITEM_MOVED = "item moved"
    POINT_KEPT = "point kept"  # a recommendation point the file dropped, kept for its outcome
    PERSON_ADDED = "person added"
    PERSON_REMOVED = "person removed"
    PERSON_KEPT = "person kept"  # the file no longer has them, but their attendance was taken
    PERSON_CHANGED = "person changed"


@dataclass(frozen=True)
class AgendaChange:
    """One change, for the secretary to read before it happens."""

    kind: ChangeKind
    subject: str
    """The item's number and title, the person's name or the header field."""
    detail: str = ""


@dataclass
class AgendaUpdate:
    """The draft as it will be, and where each item and person of it comes from."""

    meeting: Meeting
    item_origin: list[int | None]
    """Per item of ``meeting``: its index in the draft now, or None for an item new in the file."""
    people_origin: dict[str, list[int | None]]
    """``participants`` / ``guests``: per person, their index in the draft now, or None."""
    changes: list[AgendaChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.changes


def plan_update(draft: Meeting, agenda: Meeting, from_file: list[bool] | None = None) -> AgendaUpdate:
    """What bringing ``agenda`` (the file as it is now) into ``draft`` does.

    ``from_file`` says which of the draft's items came from the file (the others were added
    during the meeting and are never taken for removed); by default, all of them."""
    from_file = from_file if from_file is not None else [True] * len(draft.items)
    changes: list[AgendaChange] = []
    merged = copy.deepcopy(draft)
    for spec in fields_of(Meeting):
        if spec.part is Part.AGENDA and spec.kind is not Kind.ROWS:
            old, new = getattr(draft, spec.name), getattr(agenda, spec.name)
            if old != new:
                changes.append(
                    AgendaChange(ChangeKind.HEADER, _PART_NAMES.get(spec.name, spec.name), _show(new))
                )
                setattr(merged, spec.name, copy.deepcopy(new))
    merged.vacant_seats = copy.deepcopy(agenda.vacant_seats)
    items, origin = _merge_items(draft, agenda, from_file, changes)
    people_origin: dict[str, list[int | None]] = {}
    for group in ("participants", "guests"):
        people, people_origin[group] = _merge_people(
            getattr(draft, group), getattr(agenda, group), draft, changes
        )
        setattr(merged, group, people)
    renumber = {old + 1: new + 1 for new, old in enumerate(origin) if old is not None}
    for person in merged.participants + merged.guests:
        person.arrived_at = renumber.get(person.arrived_at) if person.arrived_at else None
        person.left_after = renumber.get(person.left_after) if person.left_after else None
    merged.items = items
    return AgendaUpdate(merged, origin, people_origin, changes)


# --- items -------------------------------------------------------------------------------


def _merge_items(
    draft: Meeting, agenda: Meeting, from_file: list[bool], changes: list[AgendaChange]
) -> tuple[list[Item], list[int | None]]:
    matches = _match([i.title for i in draft.items], [i.title for i in agenda.items], from_file)
    old_for = {new: old for old, new in matches.items()}
    items: list[Item] = []
    origin: list[int | None] = []
    for new_index, new_item in enumerate(agenda.items):
        old_index = old_for.get(new_index)
        number = f"{new_index + 1}. {new_item.title}"
        if old_index is None:
            items.append(copy.deepcopy(new_item))
            changes.append(AgendaChange(ChangeKind.ITEM_ADDED, number))
        else:
            item, changed, kept_points = _merge_item(draft.items[old_index], new_item)
            items.append(item)
            if changed:
                changes.append(AgendaChange(ChangeKind.ITEM_CHANGED, number, ", ".join(changed)))
            changes += [AgendaChange(ChangeKind.POINT_KEPT, number, point) for point in kept_points]
        origin.append(old_index)
    moved = _moved([o for o in origin if o is not None])
    for new_index, old_index in enumerate(origin):
        if old_index in moved:
            detail = f"{old_index + 1} → {new_index + 1}"
            changes.append(
                AgendaChange(ChangeKind.ITEM_MOVED, f"{new_index + 1}. {items[new_index].title}", detail)
            )
    # the draft's items the file does not have: added during the meeting, or dropped by the file
    for old_index, old_item in enumerate(draft.items):
        if old_index in matches:
            continue
        subject = f"{old_index + 1}. {old_item.title}"
        if from_file[old_index] and not _recorded(old_item):
            changes.append(AgendaChange(ChangeKind.ITEM_REMOVED, subject))
            continue
        kept = copy.deepcopy(old_item)
        if from_file[old_index]:
            kept.not_in_agenda = True
            changes.append(AgendaChange(ChangeKind.ITEM_KEPT, subject))
        at = _after(old_index, origin)
        items.insert(at, kept)
        origin.insert(at, old_index)
    return items, origin


def _match(old: list[str], new: list[str], eligible: list[bool]) -> dict[int, int]:
    """old index -> new index for the draft's items from the file: the same title, else one
    nearly the same (a corrected title)."""
    candidates = [o for o in range(len(old)) if eligible[o]]
    pairs = _pair([folded(old[o]) for o in candidates], [folded(t) for t in new], SIMILAR_TITLE)
    return {candidates[index]: new_index for index, new_index in pairs.items()}


def _merge_item(old: Item, new: Item) -> tuple[Item, list[str], list[str]]:
    """The draft's item with the file's words: (item, which parts changed, points kept)."""
    item = copy.deepcopy(old)
    changed: list[str] = []
    for spec in fields_of(Item):
        if spec.part is not Part.AGENDA or spec.kind in (Kind.ROWS, Kind.NESTED):
            continue
        if getattr(old, spec.name) != getattr(new, spec.name):
            setattr(item, spec.name, copy.deepcopy(getattr(new, spec.name)))
            changed.append(_PART_NAMES.get(spec.name, spec.name))
    item.recommendation, kept = _merge_recommendation(old.recommendation, new.recommendation)
    if _agenda_of(old.recommendation) != _agenda_of(new.recommendation):
        changed.append("recommendation")
    item.not_in_agenda = False
    return item, list(dict.fromkeys(changed)), kept


def _merge_recommendation(old: Recommendation, new: Recommendation) -> tuple[Recommendation, list[str]]:
    """The file's points, each with the outcome recorded for it: found by its words, else by the
    most alike point (a reworded one). A point with an outcome the file dropped is kept."""
    old_outcomes = old.outcomes + [None] * (len(old.points) - len(old.outcomes))
    pairs = _pair([folded(p) for p in old.points], [folded(p) for p in new.points], SIMILAR_POINT)
    outcomes: list[Outcome | None] = [None] * len(new.points)
    for old_index, new_index in pairs.items():
        outcomes[new_index] = old_outcomes[old_index]
    points = list(new.points)
    kept = []
    for index, point in enumerate(old.points):
        if index not in pairs and old_outcomes[index] is not None:
            points.append(point)
            outcomes.append(old_outcomes[index])
            kept.append(point)
    return replace(copy.deepcopy(new), points=points, outcomes=outcomes), kept


def _pair(old: list[str], new: list[str], threshold: float) -> dict[int, int]:
    """old index -> new index: equal texts first (in order), then the most alike above ``threshold``."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for new_index, text in enumerate(new):
        for old_index, candidate in enumerate(old):
            if old_index not in pairs and candidate == text:
                pairs[old_index] = new_index
                taken.add(new_index)
                break
    scored = sorted(
        (-difflib.SequenceMatcher(a=old[o], b=new[n]).ratio(), abs(o - n), o, n)
        for o in range(len(old))
        if o not in pairs
        for n in range(len(new))
        if n not in taken
    )
    for score, _, old_index, new_index in scored:
        if -score < threshold:
            break
        if old_index not in pairs and new_index not in taken:
            pairs[old_index] = new_index
            taken.add(new_index)
    return pairs


def _agenda_of(rec: Recommendation) -> tuple[Any, ...]:
    return tuple(getattr(rec, s.name) for s in fields_of(Recommendation) if s.part is Part.AGENDA)


def _recorded(item: Item) -> bool:
    """Whether the meeting recorded anything under the item (then it is never dropped)."""
    for spec in fields_of(Item):
        if spec.part is not Part.AGENDA and not spec.is_default(getattr(item, spec.name)):
            return True
    return any(outcome is not None for outcome in item.recommendation.outcomes)


def _moved(sequence: list[int]) -> set[int]:
    """The entries of ``sequence`` outside one longest increasing run: the items that moved."""
    if not sequence:
        return set()
    best: list[list[int]] = []
    for value in sequence:
        shorter = [r for r in best if r[-1] < value]
        run: list[int] = max(shorter, key=len) if shorter else []
        best.append([*run, value])
    longest: list[int] = max(best, key=len)
    keep = set(longest)
    return {value for value in sequence if value not in keep}


def _after(old_index: int, origin: list[int | None]) -> int:
    """Where a kept item goes: after the nearest item before it in the draft that is still there."""
    for previous in range(old_index - 1, -1, -1):
        if previous in origin:
            return origin.index(previous) + 1
    return 0


# --- people ------------------------------------------------------------------------------


def _merge_people(
    old: list[Participant], new: list[Participant], draft: Meeting, changes: list[AgendaChange]
) -> tuple[list[Participant], list[int | None]]:
    by_name = {folded(p.name): index for index, p in enumerate(old)}
    people: list[Participant] = []
    origin: list[int | None] = []
    seen: set[int] = set()
    for person in new:
        old_index = by_name.get(folded(person.name))
        if old_index is None or old_index in seen:
            people.append(copy.deepcopy(person))
            origin.append(None)
            changes.append(AgendaChange(ChangeKind.PERSON_ADDED, person.name))
            continue
        seen.add(old_index)
        merged = copy.deepcopy(old[old_index])
        changed = []
        for spec in fields_of(Participant):
            if spec.part is Part.AGENDA and getattr(merged, spec.name) != getattr(person, spec.name):
                setattr(merged, spec.name, getattr(person, spec.name))
                changed.append(_PART_NAMES.get(spec.name, spec.name))
        if changed:
            changes.append(AgendaChange(ChangeKind.PERSON_CHANGED, person.name, ", ".join(changed)))
        people.append(merged)
        origin.append(old_index)
    named = {name for item in draft.items for name in item.conflicts}
    for index, person in enumerate(old):
        if index in seen:
            continue
        if person.attendance is not Attendance.UNKNOWN or person.name in named:
            people.append(copy.deepcopy(person))
            origin.append(index)
            changes.append(AgendaChange(ChangeKind.PERSON_KEPT, person.name))
        else:
            changes.append(AgendaChange(ChangeKind.PERSON_REMOVED, person.name))
    return people, origin


# --- words -------------------------------------------------------------------------------

_PART_NAMES = {
    "start": "planned time", "end": "planned time", "case": "case text", "closed": "closed item",
    "title": "title", "presenter": "presenter", "attachments": "attachments", "role": "role",
    "marker": "marker", "group": "group", "body": "body", "date": "date", "location": "place",
    "chair": "chair", "secretary": "secretary", "style": "house style", "parts": "order of the parts",
}  # fmt: skip
"""The words for a changed field, as the secretary calls it."""


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


CHANGE_TEXTS = {
    ChangeKind.HEADER: "The meeting's {subject}: now {detail}",
    ChangeKind.ITEM_ADDED: "Item {subject}: new in the file",
    ChangeKind.ITEM_REMOVED: "Item {subject}: no longer in the file; removed (nothing was recorded)",
    ChangeKind.ITEM_KEPT: "Item {subject}: no longer in the file; kept, as something was recorded under it",
    ChangeKind.ITEM_CHANGED: "Item {subject}: {detail} changed",
    ChangeKind.ITEM_MOVED: "Item {subject}: moved ({detail})",
    ChangeKind.POINT_KEPT: "Item {subject}: the point “{detail}” left the file; kept with its outcome",
    ChangeKind.PERSON_ADDED: "{subject}: new in the file",
    ChangeKind.PERSON_REMOVED: "{subject}: no longer in the file; removed",
    ChangeKind.PERSON_KEPT: "{subject}: no longer in the file; kept, as their attendance was taken",
    ChangeKind.PERSON_CHANGED: "{subject}: {detail} changed",
}
"""How each kind of change is told, in English; the screen translates these sentences."""


def describe(change: AgendaChange, translate: Callable[[str], str] = str) -> str:
    """One change as a sentence (``translate`` puts the sentence and its words in the UI's language)."""
    detail = change.detail
    if change.kind in (ChangeKind.ITEM_CHANGED, ChangeKind.PERSON_CHANGED):
        detail = ", ".join(translate(word.strip()) for word in change.detail.split(","))
    subject = translate(change.subject) if change.kind is ChangeKind.HEADER else change.subject
    return translate(CHANGE_TEXTS[change.kind]).format(subject=subject, detail=detail)
