"""The live screen: agenda on the left, the current item and its minutes editor on the right.

The editor has the focus whenever an item is entered, so the secretary can type at once;
every other action is a key that works from inside the editor (``priority=True``).
Typed text is written to the database by a half-second interval timer and on every
switch, so at most about a second of typing can be lost to a crash. The item menu (F8)
and the export (F12) live in modules of their own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList, Static, TextArea

from referent.live import TIME_KEPT_EVERY, LiveMeeting
from referent.model import ActionItem
from referent.nextagenda import is_follow_up_item
from referent.store import SaveFailed
from referent.ui.base import ReferentScreen
from referent.ui.i18n import t
from referent.ui.keys import describe_key, phrase_action
from referent.ui.widgets.agenda import AgendaList
from referent.ui.widgets.case import CasePane
from referent.ui.widgets.editor import MinutesEditor
from referent.ui.widgets.item import ItemHeader, ItemNotes, ItemTop, RecommendationView
from referent.ui.widgets.keyhints import KeyHints
from referent.ui.widgets.status import StatusLine

AUTOSAVE_SECONDS = 0.5
TAKE_UP_AFTER = 60.0
"""Seconds an item stays on screen during the meeting before it counts as taken up."""
COLLECT_AFTER_REVIEW = 1.0
"""Seconds after Ctrl+R the garbage collector runs again: the review is drawn by then."""
LAYOUTS = ("layout-normal", "layout-writing", "layout-reading")
"""F3 cycles: case text and editor share the height; the editor gets most of the screen (the
recommendation and the case text are hidden); the case text gets most of it."""
MARKDOWN_AFTER = 0.25
"""Seconds after the screen is mounted before the case text's Markdown widget is imported (in a
thread) and built: a thread started at once shares the processor with the first frame as the
terminal draws it (about 50 ms later on screen at 400 items)."""


PHRASE_KEYS = ("alt+g", "alt+e", "alt+i", "alt+d", "alt+u", "alt+m", "alt+t", "alt+k", "alt+l")
"""Default keys of phrases 1–9: Alt+letter, mnemonic for the Danish defaults (Godkendt,
Efterretning, Ingen bemærkninger, Drøftet, Udsat, Med bemærkninger, Trukket). Alt+digit
cannot be used: Textual reads Esc+1 as "¡" (a macOS Option key), so it never arrives."""


def _phrase_bindings() -> list[Binding]:
    return [
        Binding(
            key, phrase_action(n), "Insert phrase", show=False, priority=True, id=f"minutes_phrase_{n + 1}"
        )
        for n, key in enumerate(PHRASE_KEYS)
    ]


def _binding(
    keys: str, action: str, description: str, name: str, show: bool = True, tooltip: str = ""
) -> Binding:
    """A key of the minutes screen: it works from inside the editor, and its id says its screen."""
    return Binding(keys, action, description, show=show, tooltip=tooltip, id=f"minutes_{name}", priority=True)


class MinutesScreen(ReferentScreen, Screen[None]):
    """Take the minutes: one item at a time, all from the keyboard."""

    BINDINGS = [
        _binding("f1", "help", "Help", "help"),
        _binding("f2", "attendance", "Attendance", "attendance"),
        _binding("ctrl+down,ctrl+n", "next_item", "Next", "next_item", tooltip="Next item"),
        _binding("ctrl+up,ctrl+b", "previous_item", "Previous", "previous_item", tooltip="Previous item"),
        _binding("ctrl+g", "go_to_item", "Go to", "go_to_item", show=False, tooltip="Go to item"),
        _binding(
            "f3",
            "layout",
            "Case text",
            "layout",
            show=False,
            tooltip="Case text: normal / hidden / tall",
        ),
        _binding("f4", "outcomes", "Outcomes", "outcomes"),
        _binding("ctrl+o", "approve_all", "All approved", "approve_all", show=False),
        _binding("f5", "phrases", "Phrases", "phrases"),
        _binding("f8", "item_menu", "Item", "item_menu", tooltip="Item menu"),
        _binding("ctrl+t", "add_action", "Action item", "add_action", show=False),
        _binding("f9", "actions_list", "Actions list", "actions_list", show=False),
        _binding(
            "f7",
            "follow_ups",
            "Follow-ups",
            "follow_ups",
            show=False,
            tooltip="Follow-ups from earlier meetings: done, carried, dropped",
        ),
        _binding("ctrl+r", "review", "Review", "review"),
        _binding(
            "ctrl+f", "search", "Search", "search", show=False, tooltip="Search every meeting's minutes"
        ),
        _binding("f12", "export", "Export", "export", show=False, tooltip="Export the minutes (Word)"),
        _binding(
            "shift+pagedown,ctrl+pagedown", "scroll_case(1)", "Scroll case text down", "case_down", show=False
        ),
        _binding("shift+pageup,ctrl+pageup", "scroll_case(-1)", "Scroll case text up", "case_up", show=False),
        _binding("ctrl+home,alt+home", "text_start", "Start of the text", "text_start", show=False),
        _binding("ctrl+end,alt+end", "text_end", "End of the text", "text_end", show=False),
        _binding("ctrl+s", "save_now", "Save now", "save_now", show=False),
        _binding("f11", "save_copy", "Save a copy", "save_copy", show=False, tooltip="Save a copy elsewhere"),
        *_phrase_bindings(),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self._take_up_timer: Timer | None = None
        self.editing_item: int | None = None
        """Index of the item whose text is in the editor; edits belong to it."""
        self.saved_text: str | None = None
        """What the database holds for the item in the editor (None: not known to be what the
        editor holds). Whether there is anything to save is read from the editor against it
        when a save is due, never from TextArea's ``Changed`` message: that arrives turns of the
        event loop later, and a signal, a quit or a switch handled meanwhile lost the newest words."""
        self.save_error = ""
        """Why saving fails (a full disk); empty while it works. The status line shows it."""
        self.layout_index = 0
        """Index in ``LAYOUTS``."""

    @property
    def read_only(self) -> bool:
        """Nothing may change: the meeting is open elsewhere, or its minutes are approved."""
        return self.live.read_only

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="main"):
            yield AgendaList(id="agenda")
            with Vertical(id="item", classes=LAYOUTS[self.layout_index]):
                yield ItemHeader(id="item-header")
                with ItemTop(id="item-top"):
                    yield ItemNotes(id="item-notes")
                    yield RecommendationView(id="recommendation")
                yield CasePane(id="case-pane")
                yield Static(t("Minutes"), id="minutes-label")
                yield MinutesEditor(
                    id="editor",
                    soft_wrap=True,
                    tab_behavior="indent",
                    read_only=self.read_only,
                    before_taking_back=self.keep_wording,
                )
        yield StatusLine(id="status")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#item-top").can_focus = False
        self.show_title()
        self.enter_item(self.live.current, self.live.cursor)
        self.set_interval(autosave_seconds(), self.flush)
        self.set_interval(1.0, self.every_second)
        self.set_timer(MARKDOWN_AFTER, self.query_one(CasePane).as_markdown)  # not for the first frame

    def show_title(self) -> None:
        meeting = self.live.meeting
        self.query_one("#title-bar", Static).update(f" {meeting.title} · {meeting.date.strftime('%d.%m.%Y')}")

    def after_correction(self) -> None:
        """The draft now follows corrections of how its Word agenda was read: items may have
        come, gone or moved; the item in front of the secretary stays in front of her."""
        self.live.keep_time()  # the clock so far is the item's, wherever it now stands
        self.editing_item = None  # (flushed before the correction screen: nothing to save)
        self.live.reload()
        self.show_title()
        self.enter_item(self.live.current, take_up=False)

    # --- the editor and its autosave --------------------------------------------------

    @property
    def editor(self) -> MinutesEditor:
        return self.query_one("#editor", MinutesEditor)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.editing_item is not None and not self.read_only:
            self.referent.typing()  # (only F12's warm-up: saving asks the editor itself)

    def on_paste(self, event: events.Paste) -> None:
        """Pasted text is in the editor by now (the event bubbles up after): the wording saved
        before it stays in the history, however short the paste."""
        if self.editing_item is not None:
            self.live.keep_wording(self.editing_item)

    def keep_wording(self) -> None:
        """Save the editor's text and keep it in the history whatever comes next."""
        self.flush()
        if self.editing_item is not None:
            self.live.keep_wording(self.editing_item)

    def take_back_focus(self) -> None:
        """A key comes while no widget has the focus: it goes to the editor. A mouse event where
        no widget is (junk from the terminal, a click past the edge) or a terminal that said it
        lost the focus left none, and what was typed went nowhere. (Focus moved elsewhere on
        purpose stays there.)"""
        if self.focused is None:
            self.set_focus(self.editor)

    def on_minutes_editor_refused(self, event: MinutesEditor.Refused) -> None:
        """Typing, deleting or pasting into minutes that may not change: say why."""
        self.refused(self.live)

    def on_minutes_editor_no_such_key(self, event: MinutesEditor.NoSuchKey) -> None:
        """Alt and a letter that is no key here typed nothing: say so (once while shown)."""
        self.notify_once(t("{key} is not a key here: F1 shows the keys.", key=describe_key(event.key)))

    def flush(self, always: bool = False) -> None:
        """Write the editor's text to the database if it differs from what was last written
        (``always``: even if not)."""
        if self.editing_item is None or self.read_only:
            return
        text = self.editor.text
        if text == self.saved_text and not always and not self.save_error:  # (NOT SAVED: try again)
            self.live.remember_cursor(_cursor(self.editor))  # a moved cursor is resumed too
            return
        item = self.live.meeting.items[self.editing_item]
        shown = (item.has_minutes, item.status)
        try:
            self.live.save_minutes(self.editing_item, text, _cursor(self.editor))
            self.saved_text = text
            self.live.save_unsaved()  # items left while saving failed
        except SaveFailed as error:  # the text stays on screen and in the meeting; tried again
            self.saving_failed(error.reason)
            return
        if self.save_error:
            self.save_error = ""
            self.notify(t("Saved again: everything on screen is in the database."), timeout=10)
        if (item.has_minutes, item.status) != shown:  # the agenda marks items with minutes
            self.show_item(rows=(self.editing_item,))
        self.refresh_status()

    def enter_item(self, index: int, cursor: str = "", take_up: bool = True) -> None:
        """Save the item being left, show item ``index`` and put the cursor in its text.

        Looking is not taking up: during the meeting an item is taken up when it is worked on,
        or when it stays on screen for ``TAKE_UP_AFTER`` seconds; looking at one from the
        review, or after the meeting was closed, never takes it up (``take_up=False``).
        """
        self.flush()  # also remembers the cursor in the item being left
        self.live.go_to(index, cursor)
        if self._take_up_timer is not None:
            self._take_up_timer.stop()
            self._take_up_timer = None
        if take_up and self.live.started and not self.live.closed and not self.read_only:
            item = self.live.current
            self._take_up_timer = self.set_timer(TAKE_UP_AFTER, lambda: self.taken_up_by_staying(item))
        index = self.live.current
        self.editing_item = index
        editor = self.editor
        text = self.live.item.minutes
        with editor.prevent(TextArea.Changed):
            editor.load_text(text)
        unsaved = self.live.item_ids[index] in self.live.unsaved  # a save failed: try again
        self.saved_text = None if unsaved else text
        editor.move_cursor(_parse_cursor(cursor) if cursor else editor.document.end)
        editor.scroll_cursor_visible()
        self.show_item(rows=())  # moving changes the rows of the items left and entered only
        self.query_one(CasePane).show(self.live.item.case.strip() or f"*{t('No case text.')}*")
        editor.focus()

    def taken_up_by_staying(self, index: int) -> None:
        if index == self.live.current and not self.read_only:
            self.live.take_up(index)
            self.show_item(rows=(index,))

    def show_item(self, rows: Iterable[int] | None = None) -> None:
        """Redraw what the current item's state shows in: header, notes, points, agenda, status.

        ``rows``: the only agenda items whose state may have changed besides the current one
        (before and now); None, the default, looks at every item."""
        meeting, index = self.live.meeting, self.live.current
        self.query_one(ItemHeader).show(meeting, index)
        follow_ups = self.live.follow_ups() if is_follow_up_item(meeting.items[index]) else []
        self.query_one(ItemNotes).show(meeting, index, follow_ups, self.live.meeting_id)
        self.query_one(RecommendationView).show(meeting, index)
        self.query_one(AgendaList).show(meeting, index, rows)
        self.refresh_status()

    def every_second(self) -> None:
        """The status line's clocks move on; the time on the item is stored now and then."""
        self.live.keep_time(every=TIME_KEPT_EVERY)
        self.refresh_status()

    def refresh_status(self) -> None:
        self.query_one(StatusLine).show(self.live, self.referent.now(), self.live.saved_at, self.save_error)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "agenda" and event.option_index != self.live.current:
            self.enter_item(event.option_index)

    # --- moving through the agenda and the text ------------------------------------------

    def action_next_item(self) -> None:
        if self.live.current < len(self.live.item_ids) - 1:
            self.enter_item(self.live.current + 1)

    def action_previous_item(self) -> None:
        if self.live.current > 0:
            self.enter_item(self.live.current - 1)

    def action_go_to_item(self) -> None:
        from referent.ui.dialogs.form import ItemDialog

        self.flush()
        self.ask(ItemDialog(t("Go to item"), len(self.live.item_ids), self.live.current), self.enter_item)

    def action_text_start(self) -> None:
        self.editor.move_cursor((0, 0))
        self.editor.scroll_cursor_visible()

    def action_text_end(self) -> None:
        self.editor.move_cursor(self.editor.document.end)
        self.editor.scroll_cursor_visible()

    # --- the item's content -----------------------------------------------------------

    def action_layout(self) -> None:
        pane = self.query_one("#item")
        pane.remove_class(LAYOUTS[self.layout_index])
        self.layout_index = (self.layout_index + 1) % len(LAYOUTS)
        pane.add_class(LAYOUTS[self.layout_index])
        self.editor.scroll_cursor_visible()

    def action_scroll_case(self, direction: int) -> None:
        pane = self.query_one(CasePane)
        if direction > 0:
            pane.page_down()
        else:
            pane.scroll_page_up(animate=False)

    def action_phrase(self, number: int) -> None:
        phrases = self.referent.settings.phrases
        if number < len(phrases) and not self.refused(self.live):
            self.keep_wording()  # a phrase may be no longer than a burst of typing
            self.insert_text(phrases[number])

    def insert_text(self, text: str) -> None:
        """Insert at the cursor, on a line of its own when the cursor is mid-line."""
        editor = self.editor
        row, column = editor.cursor_location
        line = editor.document.get_line(row)
        prefix = " " if column > 0 and not line[:column].endswith((" ", "\t")) else ""
        editor.insert(prefix + text)
        editor.focus()

    def action_phrases(self) -> None:
        from referent.ui.dialogs.choice import Choice, ChoiceDialog

        if self.refused(self.live):
            return
        phrases = self.referent.settings.phrases[:9]
        choices = [Choice(str(n + 1), phrase, n) for n, phrase in enumerate(phrases)]
        note = t("Press a number to insert, Escape to cancel.")
        self.ask(ChoiceDialog(t("Standard phrases"), choices, note), self.action_phrase)

    def action_approve_all(self) -> None:
        if self.refused(self.live):
            return
        if not self.live.item.recommendation.points:
            self.notify(t("This item has no recommendation points."), severity="warning")
            return
        self.flush()
        self.live.approve_all(self.live.current)
        self.notify(t("All points approved."))
        self.show_item()

    def action_outcomes(self) -> None:
        from referent.ui.dialogs.outcomes import OutcomeDialog

        if not self.live.item.recommendation.points:
            self.notify(t("This item has no recommendation points."), severity="warning")
            return
        self.flush()
        self.referent.push_screen(OutcomeDialog(self.live, self.live.current), lambda _: self.show_item())

    def action_add_action(self) -> None:
        from referent.ui.dialogs.form import ActionDialog

        if self.refused(self.live):
            return
        self.flush()
        index = self.live.current

        def add(action_item: ActionItem) -> None:
            self.live.add_action(index, action_item)
            self.show_item()

        title = f"{t('Action item')}: {index + 1}. {self.live.item.title}"
        self.ask(ActionDialog(title), add)

    def action_actions_list(self) -> None:
        from referent.ui.dialogs.actions import ActionsDialog

        self.flush()
        self.referent.push_screen(ActionsDialog(self.live), lambda _: self.show_item())

    def action_search(self) -> None:
        self.flush()
        self.referent.search()

    def action_follow_ups(self) -> None:
        """The follow-ups of the body's earlier meetings, to mark as the meeting deals with them."""
        from referent.ui.dialogs.followups import FollowUpsDialog

        self.flush()
        self.referent.push_screen(FollowUpsDialog(self.live), lambda _: self.show_item())

    def action_item_menu(self) -> None:
        from referent.ui.screens.minutes_menu import open_item_menu

        if not self.refused(self.live):
            self.flush()
            open_item_menu(self)

    # --- other screens ----------------------------------------------------------------

    def action_export(self) -> None:
        from referent.ui.screens.minutes_export import export_minutes

        self.flush()
        export_minutes(self)

    def action_review(self) -> None:
        from referent import gcpause
        from referent.ui.screens.review import ReviewScreen

        self.flush()
        gcpause.hold()  # (see gcpause) given back by the app's timer, even if the review is closed
        self.referent.set_timer(COLLECT_AFTER_REVIEW, gcpause.give_back)
        self.referent.push_screen(ReviewScreen(self.live), self.after_review)

    def after_review(self, item: int | None) -> None:
        """Back from the review: approval may have locked the minutes, or reopened them."""
        self.live.reload()
        self.editor.read_only = self.read_only
        if item is not None:
            self.enter_item(item, take_up=False)
            self.notify(t("Ctrl+R: back to the review."))
        else:
            self.enter_item(self.live.current, _cursor(self.editor), take_up=False)

    def action_attendance(self) -> None:
        from referent.ui.screens.attendance import AttendanceScreen

        self.flush()
        self.referent.push_screen(AttendanceScreen(self.live), lambda _: self.after_attendance())

    def after_attendance(self) -> None:
        self.show_item()
        self.editor.focus()

    def action_help(self) -> None:
        self.flush()
        super().action_help()

    def saving_failed(self, reason: str) -> None:
        """Say once, and keep saying on the status line, that saving fails and what to do
        (``reason``: why, in words ``t`` translates)."""
        self.referent.not_saved_reason = reason
        said = t("Nothing could be saved: {reason}", reason=t(reason))
        if not self.save_error:
            self.notify(
                t("{reason}. Your text stays on screen and is saved as soon as it can be; "
                  "F11 saves a copy of the minutes elsewhere, F12 exports them.", reason=said),
                severity="error",
                timeout=60,
                markup=False,
            )  # fmt: skip
        self.save_error = said
        self.refresh_status()

    def change_not_saved(self, reason: str) -> None:
        """A change made here (or in a dialog or screen on top) was refused by the database, which
        the meeting was read again from: show it as stored, and NOT SAVED until a save goes
        through (the autosave tries again, also when the text has not changed)."""
        if not self.save_error:
            self.save_error = t("Nothing could be saved: {reason}", reason=t(reason))
        self.show_item()

    def action_save_copy(self) -> None:
        """Save the minutes as they stand on screen to a meeting file of the secretary's choice:
        the way out when the database cannot be written (a full disk)."""
        from referent.ui.screens.minutes_export import ask_for_copy

        self.flush()
        ask_for_copy(self)

    def action_save_now(self) -> None:
        if self.refused(self.live):
            return
        self.flush(always=True)
        self.notify(t("Saved."))


def autosave_seconds() -> float:
    """``REFERENT_AUTOSAVE_SECONDS`` holds the autosave back, so a test can tell that a
    signal (not the timer) saved the last words; nobody needs it in practice."""
    try:
        return float(os.environ.get("REFERENT_AUTOSAVE_SECONDS", AUTOSAVE_SECONDS))
    except ValueError:
        return AUTOSAVE_SECONDS


def _cursor(editor: TextArea) -> str:
    row, column = editor.cursor_location
    return f"{row},{column}"


def _parse_cursor(text: str) -> tuple[int, int]:
    try:
        row, column = (int(part) for part in text.split(","))
    except ValueError:
        return (0, 0)
    return (row, column)
