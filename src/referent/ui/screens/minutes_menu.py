"""The item menu of the minutes screen (F8): agenda changes, the item's status, conflicts, the meeting.

One list of entries serves the menu, F1 help and the command palette, so a key or a name
is never offered in one place and missing in another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from typing import TYPE_CHECKING

from referent.danish import format_time
from referent.live import LiveMeeting
from referent.model import ItemStatus
from referent.ui.dialogs.choice import Choice, ChoiceDialog
from referent.ui.dialogs.form import TextDialog
from referent.ui.i18n import t

if TYPE_CHECKING:
    from referent.ui.screens.minutes import MinutesScreen


class MenuAction(Enum):
    ADD = auto()
    UP = auto()
    DOWN = auto()
    POSTPONE = auto()
    WITHDRAW = auto()
    REOPEN = auto()
    CONFLICT = auto()
    COMMENTS_DONE = auto()
    START = auto()
    CLOSE = auto()
    NEXT_MEETING = auto()
    READING = auto()


@dataclass(frozen=True)
class MenuEntry:
    key: str
    label: str
    """English; shown through ``t``."""
    action: MenuAction
    offered: Callable[[LiveMeeting], bool] = lambda live: True


def _from_word(live: LiveMeeting) -> bool:
    from referent.correcting import is_word_file

    return is_word_file(live.source_path)


def _set_aside(live: LiveMeeting) -> bool:
    return live.item.status in (ItemStatus.POSTPONED, ItemStatus.WITHDRAWN)


ENTRIES = [
    MenuEntry("n", "Add item", MenuAction.ADD),
    MenuEntry("u", "Move item up", MenuAction.UP),
    MenuEntry("d", "Move item down", MenuAction.DOWN),
    MenuEntry(
        "p", "Postpone item", MenuAction.POSTPONE, lambda live: live.item.status is not ItemStatus.POSTPONED
    ),
    MenuEntry(
        "w", "Withdraw item", MenuAction.WITHDRAW, lambda live: live.item.status is not ItemStatus.WITHDRAWN
    ),
    MenuEntry("r", "Reopen item", MenuAction.REOPEN, _set_aside),
    MenuEntry("i", "Conflict of interest", MenuAction.CONFLICT),
    MenuEntry(
        "k",
        "The chair's comments are dealt with",
        MenuAction.COMMENTS_DONE,
        lambda live: any(not comment.done for comment in live.item.comments),
    ),
    MenuEntry("s", "Start meeting", MenuAction.START, lambda live: not live.started),
    MenuEntry("c", "Close meeting", MenuAction.CLOSE),
    MenuEntry("x", "Next meeting", MenuAction.NEXT_MEETING),
    MenuEntry("a", "How the Word agenda was read", MenuAction.READING, _from_word),
]


def offered_entries(live: LiveMeeting) -> list[MenuEntry]:
    """The entries that make sense for the current item and the meeting as it stands."""
    return [entry for entry in ENTRIES if entry.offered(live)]


def open_item_menu(screen: MinutesScreen) -> None:
    live = screen.live
    choices = [Choice(entry.key, t(entry.label), entry.action) for entry in offered_entries(live)]
    title = f"{t('Item menu')}: {live.current + 1}. {live.item.title}"
    screen.ask(ChoiceDialog(title, choices), lambda action: run_menu_action(screen, action))


def run_menu_action(screen: MinutesScreen, action: MenuAction) -> None:
    """Do ``action`` on the current item (from the menu or the command palette)."""
    live, index = screen.live, screen.live.current
    if screen.refused(live):
        return
    screen.flush()
    if action is MenuAction.ADD:
        dialog = TextDialog(
            t("Add item"), t("Title of the new item"), required=t("The new item needs a title.")
        )
        screen.ask(dialog, lambda title: _add_item(screen, title))
    elif action in (MenuAction.UP, MenuAction.DOWN):
        live.move_item(index, -1 if action is MenuAction.UP else 1)
        screen.editing_item = live.current
        screen.show_item()
    elif action is MenuAction.POSTPONE:
        live.set_status(index, ItemStatus.POSTPONED)
        screen.show_item()
    elif action is MenuAction.WITHDRAW:
        live.set_status(index, ItemStatus.WITHDRAWN)
        screen.show_item()
    elif action is MenuAction.REOPEN:
        live.set_status(index, ItemStatus.TAKEN if live.item.actual_start else ItemStatus.PENDING)
        screen.show_item()
    elif action is MenuAction.CONFLICT:
        from referent.ui.dialogs.conflicts import ConflictDialog

        screen.referent.push_screen(ConflictDialog(live, index), lambda _: screen.show_item())
    elif action is MenuAction.COMMENTS_DONE:
        for comment_index, position, _ in live.open_comments():
            if comment_index == index:
                live.set_comment_done(index, position)
        screen.show_item()
    elif action is MenuAction.START:
        _start(screen)
    elif action is MenuAction.CLOSE:
        live.close_meeting()
        ended = live.meeting.actual_end
        screen.notify(t("Meeting closed at {time}.", time=format_time(ended) if ended else ""))
        screen.show_item()
    elif action is MenuAction.READING:
        _show_reading(screen)
    elif action is MenuAction.NEXT_MEETING:
        label = t("When and where, as the minutes should say it")
        screen.ask(TextDialog(t("Next meeting"), label, live.meeting.next_meeting), live.set_next_meeting)


def _show_reading(screen: MinutesScreen) -> None:
    """The correction screen again: how the draft's Word agenda was read, to correct it."""
    from referent.correcting import word_source
    from referent.problems import MeetingFileError

    try:
        source = word_source(screen.live.store, screen.live.meeting_id)
    except MeetingFileError as error:
        screen.notify(t("The agenda file cannot be read: {problem}", problem=error), severity="error",
                      timeout=20, markup=False)  # fmt: skip
        return
    if source is None:
        screen.notify(t("This meeting was not read from a Word agenda."), severity="warning")
        return
    screen.referent.correct_reading(screen, source)


def _start(screen: MinutesScreen) -> None:
    live = screen.live
    if live.started:
        started = live.meeting.actual_start
        screen.notify(t("The meeting started at {time}.", time=format_time(started) if started else ""))
        return
    live.start_meeting()
    started = live.meeting.actual_start
    screen.notify(t("Meeting started at {time}.", time=format_time(started) if started else ""))
    screen.show_item()


def _add_item(screen: MinutesScreen, title: str) -> None:
    index = screen.live.add_item(title, before=screen.live.current + 1)
    screen.editing_item = screen.live.current
    screen.enter_item(index)
