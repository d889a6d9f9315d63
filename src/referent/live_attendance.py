"""Who is at the meeting: the attendance part of ``LiveMeeting``, kept in a module of its own.

Marks, substitutes, late arrivals and early departures, guests added on the day, and who
may be marked as not taking part in an item (only people present).
"""

from __future__ import annotations

from referent.model import Attendance, Meeting, Participant
from referent.store import Store


class AttendanceRecords:
    """Mixin of ``LiveMeeting``: the attributes below are ``LiveMeeting``'s."""

    store: Store
    meeting_id: int
    meeting: Meeting
    participant_ids: list[int]
    guest_ids: list[int]
    item_ids: list[int]

    def reload(self) -> None:
        raise NotImplementedError

    def people(self) -> list[tuple[int, Participant, bool]]:
        """Every participant then every guest, as (id, participant, is_guest)."""
        return [
            (pid, p, False) for pid, p in zip(self.participant_ids, self.meeting.participants, strict=True)
        ] + [(gid, g, True) for gid, g in zip(self.guest_ids, self.meeting.guests, strict=True)]

    def counts(self) -> tuple[int, int, int]:
        """(present incl. remote, absent, not marked) over participants and guests."""
        present = absent = unknown = 0
        for _, person, _ in self.people():
            if person.attendance in (Attendance.PRESENT, Attendance.REMOTE):
                present += 1
            elif person.attendance is Attendance.ABSENT:
                absent += 1
            else:
                unknown += 1
        return present, absent, unknown

    def mark(self, person_id: int, attendance: Attendance, substitute: str = "") -> None:
        """Present, remote, absent (afbud), or absent with a substitute attending instead."""
        changes: dict[str, object] = {"attendance": attendance, "substitute": substitute}
        self.store.update_participant(person_id, **changes)
        self.reload()

    def mark_everyone_present(self) -> None:
        """Everyone not yet marked is present; marks already made are kept."""
        for person_id, person, _ in self.people():
            if person.attendance is Attendance.UNKNOWN:
                self.store.update_participant(person_id, attendance=Attendance.PRESENT)
        self.reload()

    def arrived_at(self, person_id: int, index: int | None) -> None:
        """The participant came late, from item ``index`` on (None clears it)."""
        changes: dict[str, object] = {"arrived_at": None if index is None else self.item_ids[index]}
        person = self.person(person_id)
        if index is not None and person.attendance in (Attendance.UNKNOWN, Attendance.ABSENT):
            changes["attendance"] = Attendance.PRESENT
            changes["substitute"] = ""  # she came herself after all
        self.store.update_participant(person_id, **changes)
        self.reload()

    def left_after(self, person_id: int, index: int | None) -> None:
        """The participant left after item ``index`` (None clears it): she was there until
        then, so one not marked (or marked absent) is present."""
        changes: dict[str, object] = {"left_after": None if index is None else self.item_ids[index]}
        person = self.person(person_id)
        if index is not None and person.attendance in (Attendance.UNKNOWN, Attendance.ABSENT):
            changes["attendance"] = Attendance.PRESENT
            changes["substitute"] = ""
        self.store.update_participant(person_id, **changes)
        self.reload()

    def add_person(self, name: str, role: str = "", guest: bool = False) -> int:
        """Someone not on the list turned up: added as present."""
        person = Participant(name=name, role=role, attendance=Attendance.PRESENT)
        person_id = self.store.add_participant(self.meeting_id, person, guest=guest)
        self.reload()
        return person_id

    def person(self, person_id: int) -> Participant:
        for pid, person, _ in self.people():
            if pid == person_id:
                return person
        raise LookupError(f"no participant with id {person_id}")

    def conflict_candidates(self, index: int) -> list[str]:
        """Who can be marked as not taking part in item ``index``: the people present (a
        substitute in place of the member she replaces), and anyone already marked. Before
        anyone is marked present, everyone not marked absent (attendance may come later)."""
        present: tuple[Attendance, ...] = (Attendance.PRESENT, Attendance.REMOTE)
        people = [person for _, person, _ in self.people()]
        if not any(person.attendance in present for person in people):
            present = (*present, Attendance.UNKNOWN)
        names: list[str] = []
        for person in people:
            if person.attendance in present:
                names.append(person.name)
            elif person.attendance is Attendance.ABSENT and person.substitute:
                names.append(person.substitute)
        marked = self.meeting.items[index].conflicts
        return names + [name for name in marked if name not in names]
