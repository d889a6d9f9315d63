"""The live screen: agenda on the left, the current item and its minutes editor on the right.

The editor has the focus whenever an item is entered, so the secretary can type at once;
every other action is a key that works from inside the editor (``priority=True``).
Typed text is written to the database by a half-second interval timer and on every
switch, so at most about a second of typing can be lost to a crash.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Markdown, OptionList, Static, TextArea

from referent.danish import format_time
from referent.live import LiveMeeting
from referent.model import ActionItem, ItemStatus, Meeting
from referent.ui.base import ReferentScreen
from referent.ui.dialogs.ask import AskScreen
from referent.ui.dialogs.choice import Choice, ChoiceScreen
from referent.ui.i18n import t
from referent.ui.widgets.agenda import AgendaList
from referent.ui.widgets.editor import MinutesEditor
from referent.ui.widgets.item import ItemHeader, RecommendationView
from referent.ui.widgets.status import StatusLine

AUTOSAVE_SECONDS = 0.5
TAKE_UP_AFTER = 60.0
"""Seconds an item stays on screen during the meeting before it counts as taken up."""
CHANGING_ACTIONS = {"approve_all", "add_action", "item_menu", "phrase", "phrases", "save_now"}
CASE_SIZES = ("case-hidden", "case-normal", "case-tall")


PHRASE_KEYS = ("alt+g", "alt+e", "alt+i", "alt+d", "alt+u", "alt+m", "alt+t", "alt+k", "alt+l")
"""Default keys of phrases 1–9: Alt+letter, mnemonic for the Danish defaults (Godkendt,
Efterretning, Ingen bemærkninger, Drøftet, Udsat, Med bemærkninger, Trukket). Alt+digit
cannot be used: Textual reads Esc+1 as "¡" (a macOS Option key), so it never arrives."""


def _phrase_bindings() -> list[Binding]:
    return [
        Binding(key, f"phrase({n})", "Insert phrase", show=False, priority=True, id=f"phrase_{n + 1}")
        for n, key in enumerate(PHRASE_KEYS)
    ]


class MinutesScreen(ReferentScreen, Screen[None]):
    """Take the minutes: one item at a time, all from the keyboard."""

    BINDINGS = [
        Binding("f1", "help", "Help", id="help", priority=True),
        Binding("f2", "attendance", "Attendance", id="attendance", priority=True),
        Binding("ctrl+down,ctrl+n", "next_item", "Next", tooltip="Next item", id="next_item", priority=True),
        Binding(
            "ctrl+up,ctrl+b",
            "previous_item",
            "Previous",
            tooltip="Previous item",
            id="previous_item",
            priority=True,
        ),
        Binding(
            "ctrl+g", "go_to_item", "Go to", tooltip="Go to item", id="go_to_item", priority=True, show=False
        ),
        Binding("f3", "case_size", "Case text", id="case_text", priority=True, show=False),
        Binding("f4", "outcomes", "Outcomes", id="outcomes", priority=True),
        Binding("ctrl+o", "approve_all", "All approved", id="approve_all", priority=True, show=False),
        Binding("f5", "phrases", "Phrases", id="phrases", priority=True),
        Binding("f8", "item_menu", "Item", id="item_menu", priority=True),
        Binding("ctrl+t", "add_action", "Action item", id="add_action", priority=True, show=False),
        Binding("f9", "actions_list", "Actions list", id="actions_list", priority=True, show=False),
        Binding("ctrl+r", "review", "Review", id="review", priority=True),
        Binding(
            "f12",
            "export",
            "Export",
            tooltip="Export the minutes (Word)",
            id="export",
            priority=True,
            show=False,
        ),
        Binding(
            "shift+pagedown,ctrl+pagedown",
            "scroll_case(1)",
            "Scroll case text down",
            show=False,
            id="case_down",
            priority=True,
        ),
        Binding(
            "shift+pageup,ctrl+pageup",
            "scroll_case(-1)",
            "Scroll case text up",
            show=False,
            id="case_up",
            priority=True,
        ),
        Binding("ctrl+s", "save_now", "Save now", show=False, id="save_now", priority=True),
        *_phrase_bindings(),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self._take_up_timer: Timer | None = None
        self.editing_item: int | None = None
        """Index of the item whose text is in the editor; edits belong to it."""
        self.dirty = False
        self.saved_at: datetime | None = None
        self.case_size = 1

    @property
    def read_only(self) -> bool:
        """Nothing may change: the meeting is open elsewhere, or its minutes are approved."""
        return self.live.read_only

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="main"):
            yield AgendaList(id="agenda")
            with Vertical(id="item"):
                yield ItemHeader(id="item-header")
                with VerticalScroll(id="recommendation-pane"):
                    yield RecommendationView(id="recommendation")
                with VerticalScroll(id="case-pane", classes=CASE_SIZES[self.case_size]):
                    yield Markdown(id="case")
                yield Static(t("Minutes"), id="minutes-label")
                yield MinutesEditor(
                    id="editor", soft_wrap=True, tab_behavior="indent", read_only=self.read_only
                )
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#case-pane").can_focus = False
        meeting = self.live.meeting
        self.query_one("#title-bar", Static).update(f" {meeting.title} · {meeting.date.strftime('%d.%m.%Y')}")
        self.enter_item(self.live.current, self.live.cursor)
        self.set_interval(autosave_seconds(), self.flush)
        self.set_interval(1.0, self.refresh_status)

    # --- the editor and its autosave --------------------------------------------------

    @property
    def editor(self) -> MinutesEditor:
        return self.query_one("#editor", MinutesEditor)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.editing_item is not None and not self.read_only:
            self.dirty = True

    def flush(self) -> None:
        """Write the editor's text to the database if it changed since the last write."""
        if self.editing_item is None or self.read_only:
            return
        if not self.dirty:
            self.live.remember_cursor(_cursor(self.editor))  # a moved cursor is resumed too
            return
        self.dirty = False
        item = self.live.meeting.items[self.editing_item]
        shown = (bool(item.minutes.strip()), item.status)
        self.live.save_minutes(self.editing_item, self.editor.text, _cursor(self.editor))
        self.saved_at = self.referent.now()
        if (bool(item.minutes.strip()), item.status) != shown:  # the agenda marks items with minutes
            self.refresh_agenda()
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
        with editor.prevent(TextArea.Changed):
            editor.load_text(self.live.item.minutes)
        editor.move_cursor(_parse_cursor(cursor) if cursor else editor.document.end)
        editor.scroll_cursor_visible()
        self.show_item()
        editor.focus()

    def taken_up_by_staying(self, index: int) -> None:
        if index == self.live.current and not self.read_only:
            self.live.take_up(index)
            self.refresh_agenda()
            self.show_item()

    def show_item(self) -> None:
        meeting, index = self.live.meeting, self.live.current
        self.query_one(ItemHeader).show(meeting, index)
        self.query_one(RecommendationView).show(meeting, index)
        case = meeting.items[index].case.strip() or f"*{t('No case text.')}*"
        self.query_one("#case", Markdown).update(case)
        self.query_one("#case-pane", VerticalScroll).scroll_home(animate=False)
        self.refresh_agenda()
        self.refresh_status()

    def refresh_agenda(self) -> None:
        self.query_one(AgendaList).show(self.live.meeting, self.live.current)

    def refresh_status(self) -> None:
        self.query_one(StatusLine).show(self.live, self.referent.now(), self.saved_at, self.read_only)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "agenda" and event.option_index != self.live.current:
            self.enter_item(event.option_index)

    # --- moving through the agenda ----------------------------------------------------

    def action_next_item(self) -> None:
        if self.live.current < len(self.live.item_ids) - 1:
            self.enter_item(self.live.current + 1)

    def action_previous_item(self) -> None:
        if self.live.current > 0:
            self.enter_item(self.live.current - 1)

    def action_go_to_item(self) -> None:
        def go(answer: list[str] | None) -> None:
            if not answer:
                return
            number = answer[0]
            if number.isdigit() and 1 <= int(number) <= len(self.live.item_ids):
                self.enter_item(int(number) - 1)
            else:
                self.notify(t("There is no item {number}.", number=number), severity="warning")

        self.flush()
        self.app.push_screen(AskScreen(t("Go to item"), [(t("Item number"), "")]), go)

    # --- the item's content -----------------------------------------------------------

    def action_case_size(self) -> None:
        pane = self.query_one("#case-pane")
        pane.remove_class(CASE_SIZES[self.case_size])
        self.case_size = (self.case_size + 1) % len(CASE_SIZES)
        pane.add_class(CASE_SIZES[self.case_size])

    def action_scroll_case(self, direction: int) -> None:
        pane = self.query_one("#case-pane", VerticalScroll)
        if direction > 0:
            pane.scroll_page_down(animate=False)
        else:
            pane.scroll_page_up(animate=False)

    def action_phrase(self, number: int) -> None:
        phrases = self.referent.settings.phrases
        if number < len(phrases) and not self.read_only:
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
        phrases = self.referent.settings.phrases[:9]
        choices = [Choice(str(n + 1), phrase, str(n)) for n, phrase in enumerate(phrases)]

        def chosen(value: str | None) -> None:
            if value is not None:
                self.action_phrase(int(value))

        self.app.push_screen(
            ChoiceScreen(t("Standard phrases"), choices, t("Press a number to insert, Escape to cancel.")),
            chosen,
        )

    def action_approve_all(self) -> None:
        if self.read_only:
            return
        if not self.live.item.recommendation.points:
            self.notify(t("This item has no recommendation points."), severity="warning")
            return
        self.flush()
        self.live.approve_all(self.live.current)
        self.notify(t("All points approved."))
        self.show_item()

    def action_outcomes(self) -> None:
        from referent.ui.dialogs.outcomes import OutcomeScreen

        if not self.live.item.recommendation.points:
            self.notify(t("This item has no recommendation points."), severity="warning")
            return
        self.flush()
        self.app.push_screen(OutcomeScreen(self.live, self.live.current), lambda _: self.show_item())

    def action_add_action(self) -> None:
        if self.read_only:
            return

        def add(answer: list[str] | None) -> None:
            if answer:
                self.live.add_action(self.live.current, ActionItem(*answer))
                self.show_item()

        self.flush()
        fields = [(t("What"), ""), (t("Who"), ""), (t("By when"), "")]
        self.app.push_screen(AskScreen(t("Action item"), fields), add)

    def action_actions_list(self) -> None:
        from referent.ui.dialogs.actions import ActionsScreen

        self.flush()
        self.app.push_screen(ActionsScreen(self.live.meeting))

    # --- the item menu: agenda changes, status, conflicts, the meeting ---------------

    def action_item_menu(self) -> None:
        if self.read_only:
            return
        self.flush()
        item = self.live.item
        choices = [
            Choice("n", t("Add item"), "add"),
            Choice("u", t("Move item up"), "up"),
            Choice("d", t("Move item down"), "down"),
            Choice("p", t("Postpone item"), "postponed"),
            Choice("w", t("Withdraw item"), "withdrawn"),
            Choice("i", t("Conflict of interest"), "conflict"),
            Choice("s", t("Start meeting"), "start"),
            Choice("c", t("Close meeting"), "close"),
            Choice("x", t("Next meeting"), "next_meeting"),
        ]
        if item.status in (ItemStatus.POSTPONED, ItemStatus.WITHDRAWN):
            choices.insert(5, Choice("r", t("Reopen item"), "reopen"))
        title = f"{t('Item menu')}: {self.live.current + 1}. {item.title}"
        self.app.push_screen(ChoiceScreen(title, choices), self.item_menu_chosen)

    def item_menu_chosen(self, value: str | None) -> None:
        live, index = self.live, self.live.current
        if value == "add":
            self.app.push_screen(AskScreen(t("Add item"), [(t("Title of the new item"), "")]), self.add_item)
        elif value in ("up", "down"):
            live.move_item(index, -1 if value == "up" else 1)
            self.editing_item = live.current
            self.show_item()
        elif value in ("postponed", "withdrawn"):
            live.set_status(index, ItemStatus(value))
            self.show_item()
        elif value == "reopen":
            live.set_status(index, ItemStatus.TAKEN if live.item.actual_start else ItemStatus.PENDING)
            self.show_item()
        elif value == "conflict":
            from referent.ui.dialogs.conflicts import ConflictScreen

            self.app.push_screen(ConflictScreen(live, index), lambda _: self.show_item())
        elif value == "start":
            live.start_meeting()
            started = live.meeting.actual_start
            self.notify(t("Meeting started at {time}.", time=format_time(started) if started else ""))
            self.show_item()
        elif value == "close":
            live.close_meeting()
            ended = live.meeting.actual_end
            self.notify(t("Meeting closed at {time}.", time=format_time(ended) if ended else ""))
            self.refresh_status()
        elif value == "next_meeting":

            def store_next(answer: list[str] | None) -> None:
                if answer is not None:
                    live.set_next_meeting(answer[0])

            field = [(t("When and where, as the minutes should say it"), live.meeting.next_meeting)]
            self.app.push_screen(AskScreen(t("Next meeting"), field), store_next)

    def add_item(self, answer: list[str] | None) -> None:
        if not answer:
            return
        index = self.live.add_item(answer[0], before=self.live.current + 1)
        self.editing_item = self.live.current
        self.enter_item(index)

    # --- other screens ----------------------------------------------------------------

    def action_export(self) -> None:
        """Write the minutes as it stands now to a Word file, off the UI thread."""
        self.flush()
        meeting = self.live.store.load_meeting(self.live.meeting_id)  # a copy the thread owns alone
        folder = self.referent.export_folder(self.live.meeting_id)
        source = self.live.store.source_path(self.live.meeting_id)
        self.notify(t("Exporting the minutes…"), timeout=3)
        self.export_in_background(meeting, folder, source, dict(self.referent.settings.styles))

    @work(thread=True, exclusive=True, group="export")
    def export_in_background(
        self, meeting: Meeting, folder: Path, source: str, styles: dict[str, str]
    ) -> None:
        from referent.export import StyleError, WriteError, default_filename, export_docx, meeting_style
        from referent.export.naming import free_path, identity, meeting_key
        from referent.fileio import check_output, protected_files

        database = self.referent.database_path
        mark = identity(meeting, meeting_key(database, self.live.meeting_id), kind="minutes", public=False,
                        for_review=False)  # fmt: skip
        # its own earlier export is replaced; another meeting's or version's gets a name of its own
        target = free_path(folder / default_filename(meeting), mark)
        try:  # in the meeting's own house style; never over the database or the meeting file
            check_output(target, protected_files(database, source))
            style = meeting_style(meeting, styles, Path(source).parent if source else folder)
            report = export_docx(meeting, target, style=style, identifier=mark)
        except (WriteError, StyleError, OSError) as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=15)
            return
        message = t("Minutes exported to {path}", path=report.path)
        for warning in report.warnings():
            message += "\n" + warning
        self.app.call_from_thread(self.notify, message, timeout=15)

    def action_review(self) -> None:
        from referent.ui.screens.review import ReviewScreen

        self.flush()
        self.app.push_screen(ReviewScreen(self.live), self.after_review)

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
        self.app.push_screen(AttendanceScreen(self.live), lambda _: self.after_attendance())

    def after_attendance(self) -> None:
        self.show_item()
        self.editor.focus()

    def action_help(self) -> None:
        self.flush()
        super().action_help()

    def action_save_now(self) -> None:
        self.dirty = self.dirty or not self.read_only
        self.flush()
        self.notify(t("Saved."))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only screen shows the minutes but offers nothing that changes them."""
        return not (self.read_only and action in CHANGING_ACTIONS)


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
