"""The attendance lines of a returned copy: what a reviewer changed in them, and what it means.

The header block's rows ``participants`` (Deltagere), ``absent`` (Afbud) and ``guests``
(Gæster) are lists of lines, one a person (``Ole Stavad, regionsrådsmedlem (afbud)``) under
group headings. A reviewer's change is read line by line, like an outcome line: each line
changed is one proposal of the whole line, kept on the meeting's first item as the part
``attendance`` with the row's name in ``before`` and the group heading above the line in
``after``. Accepting one reads the line as the house style writes it (the absent and remote
markers, ``– X deltager i stedet``) and marks the person it names present, absent (with a
substitute) or remote, renames them, or adds them; a line that names nobody, or more than one
person, is refused with the reason, never guessed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from referent.danish import EN_DASH
from referent.model import Attendance, Meeting, Participant, folded
from referent.readinground.changes import TRACKED, UNTRACKED, Proposal, lines_changed_by, paragraph_lines
from referent.readinground.document import HEADER, HEADER_PART, Part

if TYPE_CHECKING:
    from referent.export.style import HouseStyle

PART = "attendance"
"""The part an attendance proposal is kept as (on the meeting's first item)."""
ROWS = ("participants", "absent", "guests")
"""The header block's rows whose changes become proposals; the others are reported as ignored."""
ROW_LINES = 100_000
"""A proposal's ``start`` is its row's place in ``ROWS`` times this plus its line's number."""
ROW_WORDS = {"participants": "participants", "absent": "absent", "guests": "guests"}
"""A row's name in a message (English; translated where shown)."""


def row_of(part: Part) -> str:
    """The header row a part of the header block is (``participants``), or ``""``."""
    if part.number != HEADER or not part.name.startswith(HEADER_PART):
        return ""
    return part.name[len(HEADER_PART) :]


def attendance_proposals(part: Part, sent: str | None, author: str, groups: set[str]) -> list[Proposal]:
    """The lines of one attendance row the reviewer changed: tracked (the copy's lines as sent
    against them as left) and typed over (the lines sent against the copy's lines as sent).
    ``groups``: the group headings (folded), which are no person's line."""
    row = row_of(part)
    order = ROWS.index(row) * ROW_LINES if row in ROWS else 0  # rows in order in the store
    found: list[Proposal] = []
    added, removed = lines_changed_by(part, "del"), lines_changed_by(part, "ins")
    original = paragraph_lines(part.original)
    for start, old, new, group in _paired(original, paragraph_lines(part.reviewed), groups):
        who, date = added.get(new) or removed.get(old) or ("", "")
        found.append(Proposal(HEADER, PART, TRACKED, who, date, order + start, old, new, row, group))
    if sent is not None:
        for start, old, new, group in _paired(paragraph_lines(sent), original, groups):
            found.append(Proposal(HEADER, PART, UNTRACKED, author, "", order + start, old, new, row, group))
    return found


def _heading(line: str, groups: set[str]) -> bool:
    return folded(line) in groups or line.rstrip().endswith(":")


def _paired(before: list[str], after: list[str], groups: set[str]) -> list[tuple[int, str, str, str]]:
    """(line number, old, new, the group heading above the new line) for each person's line
    that differs: a line as sent and as changed are paired when they name the same person, or
    when the name's spelling was corrected (``_corrected``); the rest stand alone (a line
    removed, a line added)."""
    found: list[tuple[int, str, str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds = [(a, line) for a, line in enumerate(before[a1:a2], start=a1) if not _heading(line, groups)]
        news = [(b, line) for b, line in enumerate(after[b1:b2], start=b1) if not _heading(line, groups)]
        pairs: list[tuple[tuple[int, str] | None, tuple[int, str] | None]] = []
        for old in list(olds):  # a line of the same person, changed: one proposal
            same = next((new for new in news if _name_key(new[1]) == _name_key(old[1])), None)
            if same is not None:
                pairs.append((old, same))
                olds.remove(old)
                news.remove(same)
        for old in list(olds):  # a name's spelling corrected (the rest of the line as it was)
            like = next((new for new in news if _corrected(old[1], new[1])), None)
            if like is not None:
                pairs.append((old, like))
                olds.remove(old)
                news.remove(like)
        pairs += [(old, None) for old in olds] + [(None, new) for new in news]  # removed, added
        for old_line, new_line in sorted(pairs, key=lambda pair: (pair[1] or pair[0] or (0, ""))[0]):
            at = new_line[0] if new_line is not None else b1
            group = next((line for line in reversed(after[:at]) if _heading(line, groups)), "")
            start = old_line[0] if old_line is not None else a2 + (at - b1)
            found.append((start, old_line[1] if old_line else "", new_line[1] if new_line else "", group))
    return found


def _corrected(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with the name's spelling corrected: the rest of the line is
    the same, or the names are nearly alike. Else a line removed and another added."""
    old_name, new_name = _name(old), _name(new)
    if not (old_name.strip() and new_name.strip()):
        return False
    rest = old[len(old_name) :].strip()
    if rest and rest == new[len(new_name) :].strip():  # the same role and notes
        return True
    return difflib.SequenceMatcher(a=folded(old_name), b=folded(new_name)).ratio() >= 0.8


def _name(line: str) -> str:
    """The words of a line before its role, notes or substitute: the name, as written."""
    return re.split(rf",|\(| {EN_DASH} | - ", line, maxsplit=1)[0]


def _name_key(line: str) -> str:
    """Who a line names, to pair a person's line as sent with it as changed."""
    return folded(_name(line))


# --- reading a line ------------------------------------------------------------------------


@dataclass
class Said:
    """What one attendance line says, as the house style writes it."""

    name: str
    role: str = ""
    absent: bool = False
    remote: bool = False
    substitute: str = ""
    notes: list[str] = field(default_factory=list)


def read_line(line: str, style: HouseStyle) -> Said:
    """``Name, role (marker, afbud – X deltager i stedet)`` or ``Name, role – X deltager i stedet``."""
    words = style.participants
    text = " ".join(line.split())
    notes: list[str] = []
    found = re.search(r"\(([^()]*)\)\s*$", text)
    if found:
        notes = [note.strip() for note in found[1].split(",") if note.strip()]
        text = text[: found.start()].strip()
    tail = ""
    for dash in (f" {EN_DASH} ", " - "):
        if dash in text:
            text, tail = (piece.strip() for piece in text.split(dash, 1))
            break
    name, _, role = text.partition(",")
    said = Said(name.strip(), role.strip())
    absent_word, remote_word = folded(words.absent_marker), folded(words.remote_marker)
    for note in notes:
        head, _, rest = note.partition(EN_DASH)
        if absent_word and folded(head) == absent_word:
            said.absent = True
            said.substitute = _substitute(rest, style) if rest.strip() else ""
        elif remote_word and folded(note) == remote_word:
            said.remote = True
        else:
            said.notes.append(note)
    if tail:
        said.absent, said.substitute = True, _substitute(tail, style)
    return said


def _substitute(text: str, style: HouseStyle) -> str:
    """Who came instead, read back from the style's sentence (``{substitute} deltager i stedet``)."""
    form = style.participants.substitute
    pattern = re.escape(form).replace(r"\{substitute\}", "(?P<substitute>.+?)").replace(r"\{name\}", ".+?")
    found = re.fullmatch(pattern, text.strip(), re.IGNORECASE)
    return (found["substitute"] if found and "{substitute}" in form else text).strip()


# --- what accepting a line does --------------------------------------------------------------


class Refused(Exception):
    """An attendance line that cannot be applied: the message says why (English; translated
    where shown, with ``values``)."""

    def __init__(self, reason: str, **values: str) -> None:
        super().__init__(reason)
        self.reason, self.values = reason, values


@dataclass
class Marking:
    """What accepting one attendance proposal changes: one person's fields, or a person added."""

    person: int | None
    """Index into the meeting's participants then guests; None: a person added."""
    guest: bool = False
    changes: dict[str, Any] = field(default_factory=dict)
    added: Participant | None = None

    @property
    def nothing(self) -> bool:
        """The meeting already says what the line says."""
        return self.person is not None and not self.changes


def marking(meeting: Meeting, row: str, old: str, new: str, group: str, style: HouseStyle) -> Marking:
    """What the line ``new`` (``old`` before; either may be empty) in row ``row`` makes of the
    meeting's attendance. Raises ``Refused`` when the line names nobody or several people."""
    people = meeting.participants + meeting.guests
    both = style.participants.absences == "both"  # the group lines say nothing of absence
    if not new.strip():
        said = read_line(old, style)
        index = _person(people, said.name, old)
        if row == "absent":  # no longer under Afbud: she came after all
            return _changes(people, index, len(meeting.participants), attendance=Attendance.PRESENT,
                            substitute="")  # fmt: skip
        return _changes(people, index, len(meeting.participants), attendance=Attendance.ABSENT)
    said = read_line(new, style)
    if row == "absent":
        index = _person(people, said.name, new)
        return _changes(people, index, len(meeting.participants), attendance=Attendance.ABSENT,
                        substitute=said.substitute)  # fmt: skip
    values: dict[str, Any] = {}
    if said.absent:
        values = {"attendance": Attendance.ABSENT, "substitute": said.substitute}
    elif said.remote:
        values = {"attendance": Attendance.REMOTE, "substitute": ""}
    elif not both:
        values = {"attendance": Attendance.PRESENT, "substitute": ""}
    matches = _matches(people, said.name)
    if len(matches) > 1:
        raise Refused("«{line}» names more than one person on the list: mark it in referent", line=new)
    if matches:
        if said.role and folded(said.role) != folded(people[matches[0]].role):
            values["role"] = said.role
        return _changes(people, matches[0], len(meeting.participants), **values)
    if old.strip():  # the name itself was corrected: the person of the old line, renamed
        earlier = _person(people, read_line(old, style).name, old)
        values["name"] = said.name
        if said.role and folded(said.role) != folded(people[earlier].role):
            values["role"] = said.role
        return _changes(people, earlier, len(meeting.participants), **values)
    if not said.name:
        raise Refused("«{line}» names nobody", line=new)
    attendance = values.get("attendance", Attendance.PRESENT)
    person = Participant(name=said.name, role=said.role, group=group, attendance=attendance,
                         substitute=values.get("substitute", ""))  # fmt: skip
    return Marking(None, guest=row == "guests", added=person)


def _matches(people: list[Participant], name: str) -> list[int]:
    wanted = folded(name)
    return [index for index, person in enumerate(people) if wanted and folded(person.name) == wanted]


def _person(people: list[Participant], name: str, line: str) -> int:
    matches = _matches(people, name)
    if not matches:
        raise Refused("«{line}» names nobody on the list of participants: mark it in referent", line=line)
    if len(matches) > 1:
        raise Refused("«{line}» names more than one person on the list: mark it in referent", line=line)
    return matches[0]


def _changes(people: list[Participant], index: int, participants: int, **values: Any) -> Marking:
    """The fields of person ``index`` that ``values`` change (none: it says so already)."""
    person = people[index]
    changed = {name: value for name, value in values.items() if getattr(person, name) != value}
    return Marking(index, guest=index >= participants, changes=changed)
