"""The rules of taking minutes live and of the chair's review, kept out of the UI.

``LiveMeeting`` wraps the store for one open meeting: it knows the current item, when
the meeting and each item were actually taken up, and turns the secretary's and the
chair's actions (mark attendance, add an item, record outcomes, approve, reopen) into
stored changes. The screens only call these methods and redraw from ``meeting``.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from enum import StrEnum

from referent.live_attendance import AttendanceRecords
from referent.model import (
    ActionItem,
    ActionState,
    Comment,
    Item,
    ItemStatus,
    Meeting,
    Outcome,
    Remark,
)
from referent.store import DatabaseError, FollowUp, MeetingStatus, Revision, SaveFailed, Store
from referent.store.base import now as local_now

TIME_KEPT_EVERY = timedelta(seconds=30)
"""How often the time on the current item is stored while the meeting stays on it (the screen
asks every second): a crash loses at most this much of the item's clock."""


class ReadOnly(StrEnum):
    """Why nothing may be changed in a meeting."""

    OPEN_ELSEWHERE = "open elsewhere"  # another referent has it open: it is the one writer
    APPROVED = "approved"  # the chair approved the minutes: reopen them first
    DATABASE = "database read-only"  # the database's file or folder cannot be written


class LiveMeeting(AttendanceRecords):
    """One meeting open for minute-taking; every method stores its change at once (who is
    there: ``AttendanceRecords``)."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        clock: Callable[[], datetime] = local_now,
        open_elsewhere: bool = False,
    ) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.clock = clock
        self.open_elsewhere = open_elsewhere
        """Another process holds the meeting's lock: this session only reads, and moving
        around stores nothing, not even the position."""
        if store.read_only:
            self.open_elsewhere = True  # nothing can be stored, not even where the reader is
        self.meeting: Meeting = store.load_meeting(meeting_id)
        self.item_ids: list[int] = []
        self.participant_ids: list[int] = []
        self.guest_ids: list[int] = []
        self._refresh_ids()
        item_id, self.cursor = store.resume_point(meeting_id)
        self.current = self.item_ids.index(item_id) if item_id in self.item_ids else 0
        self.unsaved: dict[int, str] = {}
        """Minutes that could not be saved (a full disk), by item id: kept until a save succeeds."""
        self._spent: dict[int, timedelta] = store.time_spent(meeting_id)
        """Time the meeting has spent on each item, by item id: as stored, plus this session's."""
        self._kept: dict[int, timedelta] = dict(self._spent)
        """What ``_spent`` was when it was last stored, by item id."""
        self._kept_at = clock()
        """When the time on an item was last stored."""
        self._working_since: datetime | None = None
        """When the meeting began working on the current item (None: it is not); never earlier
        than this session's start, so the time the app was closed does not count."""
        self._start_working()

    @property
    def read_only_reason(self) -> ReadOnly | None:
        """Why changes are refused now, or None when they are allowed."""
        if self.store.read_only:
            return ReadOnly.DATABASE
        if self.open_elsewhere:
            return ReadOnly.OPEN_ELSEWHERE
        if self.meeting.approved:
            return ReadOnly.APPROVED
        return None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def saved_at(self) -> datetime | None:
        """When a change to the meeting was last saved in this session (None: nothing yet)."""
        return self.store.last_saved.get(self.meeting_id)

    @property
    def state(self) -> MeetingStatus:
        """Where the minutes stand (draft, in review, approved, …), as stored."""
        return self.store.state(self.meeting_id)

    @property
    def source_path(self) -> str:
        """The meeting file the meeting was made from ('' when there is none)."""
        return self.store.source_path(self.meeting_id)

    def stored_copy(self) -> Meeting:
        """The meeting as it stands, a copy of its own for work off the UI thread (an export):
        as stored, with the minutes that could not be saved yet (a full disk) in their place."""
        try:
            meeting = self.store.load_meeting(self.meeting_id)
        except DatabaseError:
            return copy.deepcopy(self.meeting)  # the database cannot even be read: what is on screen
        self._keep_unsaved(meeting)
        return meeting

    # --- reading ----------------------------------------------------------------------

    @property
    def item(self) -> Item:
        return self.meeting.items[self.current]

    @property
    def started(self) -> bool:
        return self.meeting.actual_start is not None

    @property
    def closed(self) -> bool:
        return self.meeting.actual_end is not None

    # --- moving through the agenda ----------------------------------------------------

    def go_to(self, index: int, cursor: str = "") -> None:
        """Make item ``index`` current; remembered so reopening resumes here.

        Looking is not taking up: an item is taken up when the meeting works on it (minutes,
        an outcome, a conflict, an action item: ``take_up``), or when the screen has shown
        it for a while (``TAKE_UP_AFTER``, the screen's timer)."""
        index = max(0, min(len(self.item_ids) - 1, index))
        self._stop_working()
        unchanged = (index, cursor) == (self.current, self.cursor)
        self.current = index
        self._start_working()
        self.cursor = cursor
        if not self.open_elsewhere and not unchanged:  # reopening where it was stores nothing
            self._store_position(current_item=self.item_ids[index], cursor=cursor or None)

    def remember_cursor(self, cursor: str) -> None:
        if cursor != self.cursor and not self.open_elsewhere:
            self.cursor = cursor
            self._store_position(cursor=cursor)

    def _store_position(self, **position: object) -> None:
        """Where the secretary is, for reopening: on a full disk she still moves on (the
        minutes themselves say that they are not saved; where she was is not worth a message)."""
        with contextlib.suppress(DatabaseError):
            self.store.update_meeting(self.meeting_id, **position)

    # --- the meeting's own clock ------------------------------------------------------

    def _now(self) -> time:
        return self.clock().astimezone().time().replace(second=0, microsecond=0)

    def start_meeting(self) -> None:
        """Record the actual start (once) and that the current item is taken up now."""
        if self.started:
            return
        now = self._now()
        self.store.update_meeting(self.meeting_id, actual_start=now)
        self.meeting.actual_start = now
        self.take_up(self.current)

    def set_next_meeting(self, text: str) -> None:
        """The closing ``Næste møde`` line of the minutes."""
        self.store.update_meeting(self.meeting_id, next_meeting=text)
        self.meeting.next_meeting = text

    def close_meeting(self, at: time | None = None) -> None:
        """Record the actual end of the meeting: now, or ``at`` when it is recorded later
        (again if it is closed a second time)."""
        self.start_meeting()
        self._stop_working()
        end = at or self._now()
        self.store.update_meeting(self.meeting_id, actual_end=end)
        self.meeting.actual_end = end

    def suggested_end(self) -> time:
        """A sensible end when it is recorded afterwards (a review the next morning): the
        planned end of the last item taken up, else the meeting's planned end, else now."""
        taken = [item for item in self.meeting.items if item.actual_start is not None]
        if taken and taken[-1].end:
            return taken[-1].end
        return self.meeting.end or self._now()

    # --- the time spent on an item -----------------------------------------------------

    def _start_working(self) -> None:
        """The current item is worked on from now if the meeting runs and it was taken up."""
        item = self.meeting.items[self.current] if self.meeting.items else None
        running = self.started and not self.closed
        self._working_since = self.clock() if running and item and item.actual_start else None

    def _stop_working(self) -> None:
        self._count_time()
        self._working_since = None
        if self.item_ids:
            self._keep_time(self.item_ids[self.current])

    def _count_time(self) -> None:
        """Add the time since ``_working_since`` to the current item's (and count on from now)."""
        if self._working_since is None or not self.item_ids:
            return
        now = self.clock()
        item_id = self.item_ids[self.current]
        worked = max(timedelta(), now - self._working_since)  # a clock set back counts nothing
        self._spent[item_id] = self._spent.get(item_id, timedelta()) + worked
        self._working_since = now

    def keep_time(self, every: timedelta = timedelta()) -> None:
        """Store the time spent on the current item so far, unless it was stored less than
        ``every`` ago (quitting stores it at once; the screen every ``TIME_KEPT_EVERY``)."""
        if self._working_since is None or self.clock() - self._kept_at < every:
            return
        self._count_time()
        self._keep_time(self.item_ids[self.current])

    def _keep_time(self, item_id: int) -> None:
        spent = self._spent.get(item_id)
        if spent is None or spent == self._kept.get(item_id) or self.open_elsewhere:
            return  # a session that only reads stores nothing: the one that writes counts
        try:
            self.store.keep_time_spent(item_id, spent)
        except DatabaseError:
            return  # tried again at the next occasion; the clock is not worth a message
        self._kept[item_id] = spent
        self._kept_at = self.clock()

    def time_spent(self, index: int) -> timedelta | None:
        """How long the meeting has worked on item ``index``, in every session (None: not at all)."""
        item_id = self.item_ids[index]
        spent = self._spent.get(item_id)
        if index == self.current and self._working_since is not None:
            spent = (spent or timedelta()) + max(timedelta(), self.clock() - self._working_since)
        return spent

    def take_up(self, index: int) -> None:
        """The meeting is dealing with item ``index``: record its start and mark it taken.

        After the meeting was closed nothing is timed any more: minutes typed then (a late
        correction) still mark a pending item taken, but give it no start time.
        """
        item = self.meeting.items[index]
        if not self.started or item.actual_start is not None:
            return
        if index == self.current and not self.closed:
            self._working_since = self.clock()
        changes: dict[str, object] = {}
        if not self.closed:
            item.actual_start = self._now()
            changes["actual_start"] = item.actual_start
        if item.status is ItemStatus.PENDING:
            item.status = ItemStatus.TAKEN
            changes["status"] = item.status
        if changes:
            self.store.update_item(self.item_ids[index], **changes)

    # --- what the secretary records ---------------------------------------------------

    def save_minutes(self, index: int, text: str, cursor: str | None = None) -> None:
        """Store the minutes of item ``index`` (and the cursor in it, in the same transaction);
        the first words typed start the meeting."""
        item_id = self.item_ids[index]
        try:
            with self.store.transaction():
                if not self.started and text.strip():
                    self.start_meeting()
                self.take_up(index)
                self.store.save_minutes(item_id, text, cursor)
        except SaveFailed:
            # nothing was stored: the meeting is read again as stored (the start, the item
            # taken up), with the text kept here until a save succeeds
            self.unsaved[item_id] = text
            with contextlib.suppress(DatabaseError):
                self.reload()
            self._keep_unsaved()
            raise
        self.unsaved.pop(item_id, None)
        self.meeting.items[index].minutes = text
        if cursor is not None:
            self.current, self.cursor = index, cursor

    def save_unsaved(self) -> None:
        """Try again to store the minutes that could not be saved (a full disk), every item's:
        the secretary may have moved on from the item whose save failed. Raises ``SaveFailed``
        while the disk still refuses; what is stored leaves ``unsaved``."""
        for item_id, text in list(self.unsaved.items()):
            if item_id not in self.item_ids:  # the item is gone (another session deleted it)
                del self.unsaved[item_id]
                continue
            self.save_minutes(self.item_ids.index(item_id), text)

    def keep_wording(self, index: int) -> None:
        """The wording of item ``index`` as saved now stays in its history whatever the next save
        brings (a phrase, a paste, an undo: changes that can be as small as a burst of typing)."""
        if self.read_only:
            return
        with contextlib.suppress(DatabaseError):  # the text itself is saved (or said unsaved) by its save
            self.store.keep_wording(self.item_ids[index])

    def _keep_unsaved(self, meeting: Meeting | None = None) -> None:
        """The texts not yet stored stand in ``meeting`` (the one on screen unless another is
        given): an export or a copy saved elsewhere has every word the screen has."""
        meeting = meeting if meeting is not None else self.meeting
        for item_id, text in self.unsaved.items():
            if item_id in self.item_ids:
                meeting.items[self.item_ids.index(item_id)].minutes = text

    def set_status(self, index: int, status: ItemStatus) -> None:
        self.meeting.items[index].status = status
        self.store.update_item(self.item_ids[index], status=status)

    def set_outcome(self, index: int, point: int, outcome: Outcome | None) -> None:
        recommendation = self.meeting.items[index].recommendation
        outcomes = list(recommendation.outcomes) + [None] * (
            len(recommendation.points) - len(recommendation.outcomes)
        )
        outcomes[point] = outcome
        self._store_outcomes(index, outcomes)

    def approve_all(self, index: int) -> None:
        """Every point of the item's recommendation approved: the most common decision."""
        points = self.meeting.items[index].recommendation.points
        self._store_outcomes(index, [Outcome.APPROVED] * len(points))

    def _store_outcomes(self, index: int, outcomes: list[Outcome | None]) -> None:
        item = self.meeting.items[index]
        item.recommendation = replace(item.recommendation, outcomes=outcomes)
        self.store.update_item(self.item_ids[index], recommendation=item.recommendation)
        self.take_up(index)

    def toggle_conflict(self, index: int, name: str) -> bool:
        """Mark ``name`` as not taking part in item ``index`` (or undo it); True when marked."""
        conflicts = self.meeting.items[index].conflicts
        marked = name not in conflicts
        if marked:
            conflicts.append(name)
        else:
            conflicts.remove(name)
        with self.store.transaction():
            self.store.update_item(self.item_ids[index], conflicts=conflicts)
            self.take_up(index)
        return marked

    def add_action(self, index: int, action: ActionItem) -> None:
        with self.store.transaction():
            self.store.add_action(self.item_ids[index], action)
            self.take_up(index)
        self.meeting.items[index].actions.append(action)

    def update_action(self, index: int, position: int, action: ActionItem) -> None:
        """Change the ``position``-th action item of item ``index`` (its what, who or due date)."""
        self.store.replace_row("actions", self.item_ids[index], position, action)
        self.meeting.items[index].actions[position] = action

    def delete_action(self, index: int, position: int) -> None:
        self.store.delete_row("actions", self.item_ids[index], position)
        del self.meeting.items[index].actions[position]

    def follow_ups(self) -> list[FollowUp]:
        """What the *Opfølgning* item deals with: the action items of the body's earlier
        meetings still open, and those this meeting has marked."""
        return self.store.follow_ups_for(self.meeting_id)

    def mark_follow_up(self, action_id: int, state: ActionState) -> None:
        """Mark an earlier meeting's action item done, dropped or (``OPEN``) carried on."""
        self.store.mark_follow_up(self.meeting_id, action_id, state)

    def set_comment_done(self, index: int, position: int, done: bool = True) -> None:
        """The secretary has dealt with the chair's comment (or takes it up again)."""
        comment = replace(self.meeting.items[index].comments[position], done=done)
        self.store.replace_row("comments", self.item_ids[index], position, comment)
        self.meeting.items[index].comments[position] = comment

    def open_comments(self) -> list[tuple[int, int, Comment]]:
        """The chair's comments not yet marked done: (item index, position, comment)."""
        return [
            (index, position, comment)
            for index, item in enumerate(self.meeting.items)
            for position, comment in enumerate(item.comments)
            if not comment.done
        ]

    # --- changing the agenda ----------------------------------------------------------

    def add_item(self, title: str, before: int | None = None) -> int:
        """Add an item (before item index ``before``, else at the end); returns its index."""
        before_id = self.item_ids[before] if before is not None and before < len(self.item_ids) else None
        new_id = self.store.add_item(self.meeting_id, Item(title=title), before=before_id)
        current_id = self.item_ids[self.current]
        self.reload()
        self.current = self.item_ids.index(current_id)
        return self.item_ids.index(new_id)

    def move_item(self, index: int, offset: int) -> int:
        """Move item ``index`` up (negative) or down; returns its new index."""
        item_id = self.item_ids[index]
        current_id = self.item_ids[self.current]
        self.store.move_item(item_id, offset)
        self.reload()
        self.current = self.item_ids.index(current_id)
        return self.item_ids.index(item_id)

    # --- the chair's review -------------------------------------------------------------

    def start_review(self) -> None:
        """Remember every item's minutes as the review begins (once), to show the chair's changes."""
        if not self.read_only:
            self.store.start_review(self.meeting_id)

    def review_snapshot(self) -> dict[int, str]:
        """Item index -> minutes as they were when the review began (empty before a review)."""
        snapshot = self.store.review_snapshot(self.meeting_id) or {}
        return {index: snapshot.get(item_id, "") for index, item_id in enumerate(self.item_ids)}

    def add_comment(self, index: int, text: str, who: str = "") -> None:
        """The chair's note to the secretary on item ``index``; allowed on approved minutes."""
        at = self.clock().replace(microsecond=0)
        self.store.add_comment(self.item_ids[index], Comment(text, who=who, at=at))
        self.reload()

    def add_remark(self, index: int, who: str, text: str) -> None:
        """A participant's protocol remark, printed word for word under the item's minutes."""
        self.store.add_remark(self.item_ids[index], Remark(who=who, text=text))
        self.reload()

    def revisions(self, index: int) -> list[Revision]:
        return self.store.revisions(self.item_ids[index])

    def restore(self, index: int, revision_id: int) -> bool:
        """Make an earlier wording of item ``index`` current again; False when it already was."""
        restored = self.store.restore_revision(self.item_ids[index], revision_id)
        if restored:
            self.reload()
        return restored

    def approve(self, by: str, with_problems: bool = False) -> None:
        """The chair approves the minutes; from now on they are read-only."""
        self.store.approve(self.meeting_id, by, with_problems=with_problems)
        self.reload()

    def reopen(self, reason: str) -> None:
        """Reopen approved minutes for correction; every change after this is a dated correction."""
        self.store.reopen(self.meeting_id, reason)
        self.reload()

    # --- keeping in step with the store -----------------------------------------------

    def _refresh_ids(self) -> None:
        self.item_ids = self.store.item_ids(self.meeting_id)
        self.participant_ids = self.store.participant_ids(self.meeting_id)
        self.guest_ids = self.store.participant_ids(self.meeting_id, guests=True)

    def reload(self) -> None:
        """Read the meeting again after changes made straight through the store; the current
        item stays current wherever it now stands (the agenda may have changed under it)."""
        ids = self.item_ids
        current = ids[self.current] if 0 <= self.current < len(ids) else None
        self.meeting = self.store.load_meeting(self.meeting_id)
        self._refresh_ids()
        if current in self.item_ids:
            self.current = self.item_ids.index(current)
        else:
            self.current = max(0, min(self.current, len(self.item_ids) - 1))
        self._keep_unsaved()
