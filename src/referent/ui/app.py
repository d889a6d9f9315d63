"""The Textual application: opens a meeting (or the picker) and owns the store and the lock."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import events
from textual.app import SystemCommand
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.timer import Timer

from referent.config import Settings
from referent.live import LiveMeeting
from referent.lock import MeetingLock
from referent.store import Store
from referent.store.base import now as local_now
from referent.ui.dialogs.drafts import Drafts
from referent.ui.i18n import language as current_language
from referent.ui.i18n import set_language, t, tn
from referent.ui.i18n_bindings import translate_bindings
from referent.ui.keys import with_current_ids
from referent.ui.terminal import PasteCut
from referent.ui.textual_compat import ReferentAppBase
from referent.ui.typeahead import KeyRouter

if TYPE_CHECKING:
    from referent.correcting import WordSource
    from referent.importing.word.reader import WordAgenda
    from referent.model import Meeting
    from referent.problems import SeveralMeetings
    from referent.sources import FileDraft
    from referent.ui.screens.minutes import MinutesScreen
    from referent.ui.screens.search import Found

KEYS_CAUGHT_UP_WITHIN = 5.0
"""Seconds a key waits at most for the focused widget to handle the keys before it."""


class ReferentApp(ReferentAppBase[None]):
    """One process, one open meeting at a time; the database is the only state that matters."""

    CSS_PATH = "referent.tcss"
    TITLE = "referent"

    def __init__(
        self,
        store: Store,
        database_path: Path,
        settings: Settings,
        settings_path: Path,
        meeting_id: int | None = None,
        clock: Callable[[], datetime] = local_now,
        draft: FileDraft | None = None,
        review: bool = False,
        export_folder: Path | None = None,
        several: SeveralMeetings | None = None,
    ) -> None:
        set_language(settings.effective_language())  # before any screen is built; see speak_for
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.database_path = database_path
        self.settings = settings
        self.settings_path = settings_path
        self.meeting_id = meeting_id
        self.clock = clock
        self.draft = draft
        """The draft of the file opened; when the file changed, ask before opening."""
        self.fixed_export_folder = export_folder
        """Where F12 writes whatever the meeting (the demo: never beside the sample)."""
        self.start_in_review = review
        """Open the chair's review on top of the minutes screen (``referent review``)."""
        self.several = several
        """The Word file opened holds several meetings and none was named: ask which."""
        self.lock: MeetingLock | None = None
        self.lock_holder = ""
        """Who has the meeting open when this session opened it read-only."""
        self.drafts = Drafts()
        self.keys = KeyRouter()
        """Where each key was handed, so that one typed for a dialog not yet open reaches it."""
        """What was typed in dialogs closed with Esc, for the next time they open."""
        self.notices: dict[str, Notification] = {}
        """Messages shown once while on screen (``ReferentScreen.notify_once``), by their text."""
        self.backed_up = False
        self.shown = False
        """The first frame is on screen."""
        self.typed_ahead: list[events.Key | events.Paste] | None = []
        """Keys typed (or text pasted) in the terminal before the first frame, handled once it is shown
        (None: it is). Typed at once after the command, they went to a screen that had no
        editor focused yet, and were lost."""
        self.warm_up_timer: Timer | None = None
        self.live: LiveMeeting | None = None
        self.reading_first: Screen[bool] | None = None
        """The correction screen shown on opening, before the minutes (keys typed before the
        first frame go past it: nothing is imported then, or they would arrive out of order)."""
        self.undo_stop_signals: Callable[[], None] = lambda: None
        self.not_saved_reason = ""
        """Why the last write the database refused was refused (empty: none was)."""
        self.emergency_copy: Path | None = None
        """The meeting file this session wrote the minutes to when the database would not take
        them (quitting, a signal): written over each time, so there is one."""

    def speak_for(self, meeting: Meeting) -> None:
        """Speak the meeting's language, unless the user chose one (the setting, the locale):
        a Danish agenda gets a Danish screen on a machine whose locale is C. Called before the
        meeting's screens are built; the app's own keys are translated again."""
        language = self.settings.effective_language(meeting)
        if language != current_language():
            set_language(language)
            translate_bindings(self)
            self.refresh_bindings()

    def now(self) -> datetime:
        """Now, in local time (the clock may be a test's, in any zone)."""
        return self.clock().astimezone()

    def on_mount(self) -> None:
        if not self.is_headless:  # a real terminal can be closed under us: save first
            from referent.ui.terminal import on_stop_signals

            self.undo_stop_signals = on_stop_signals(self.stop_on_signal)
        else:  # no one types ahead of a test's Pilot: it presses keys once the app is ready
            self.typed_ahead = None
        if self.settings.keys:
            self.set_keymap(with_current_ids(self.settings.keys))
        for problem in self.settings.problems:
            message = problem.render(str(self.settings_path))
            self.notify(message, severity="warning", timeout=10)
        if self.store.warnings:  # the database is a copy taken while it was open
            message = t(
                "This database was copied while referent had it open (not with 'referent backup'): what "
                "was saved last before the copy may be missing from it."
            )
            self.notify(message, severity="warning", timeout=30)
        self.show_first_screen()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and self.typed_ahead is not None:
            self.typed_ahead.append(event)  # the first frame is not shown yet
            return
        if isinstance(event, events.Key) and self.keys.hold(self, event):
            return  # for a dialog whose field has not got the cursor yet
        if isinstance(event, events.Key):
            self.take_back_focus()
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.keys_before_handled()
        await super().on_event(event)

    def take_back_focus(self) -> None:
        """A key typed on the minutes screen while nothing has the focus goes to the editor."""
        from referent.ui.screens.minutes import MinutesScreen

        screen = self.screen
        if isinstance(screen, MinutesScreen):
            screen.take_back_focus()

    def on_key(self, event: events.Key) -> None:
        """A key back up unhandled: typed for a dialog opened meanwhile, it goes there."""
        self.keys.send_again(self, event)

    async def keys_before_handled(self) -> None:
        """Wait until the focused widget has handled the keys handed to it before this one.

        Textual runs a key the screen binds ahead of the editor (``priority``: Ctrl+↓, Ctrl+Home,
        F2) at once, while keys that came in the same read from the terminal (typed quickly, or
        while the app was busy) may still wait in the editor's queue: the words typed before
        Ctrl+↓ went into the next item. (At most ``KEYS_CAUGHT_UP_WITHIN`` seconds: a widget
        whose message loop has stopped must not hold every key back.)
        """
        focused = self.focused
        if focused is None or not focused.is_running:
            return
        handled = asyncio.Event()
        if focused.call_later(handled.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(handled.wait(), KEYS_CAUGHT_UP_WITHIN)

    def show_first_screen(self) -> None:
        if self.several is not None:
            self.choose_meeting(Path(self.several.filename), self.several)
        elif self.meeting_id is None:
            from referent.ui.screens.picker import PickerScreen

            self.push_screen(PickerScreen())
        elif self.draft is not None:
            self.open_draft(self.draft)
        else:
            self.open_meeting(self.meeting_id)
        self.call_after_refresh(self.first_frame_shown)

    def open_file(self, path: Path, meeting: int | None = None) -> str | None:
        """Open the draft of a file (imported the first time); a Word file of several meetings
        asks which first. Returns what is wrong with the file, for the caller to show."""
        from referent.problems import MeetingFileError, SeveralMeetings
        from referent.sources import draft_for_file

        try:
            draft = draft_for_file(self.store, path, meeting)
        except SeveralMeetings as several:
            self.choose_meeting(path, several)
            return None
        except MeetingFileError as error:
            return str(error)
        self.open_draft(draft)
        return None

    def open_draft(self, draft: FileDraft) -> None:
        """A file's draft: its changes offered first, corrections that no longer apply said."""
        self.draft = draft
        if draft.stale:
            self.notify(stale_notice(len(draft.stale)), severity="warning", timeout=20, markup=False)
        if draft.update is not None:
            self.ask_about_update(draft)
        else:
            self.open_meeting(draft.meeting_id)

    def choose_meeting(self, path: Path, several: SeveralMeetings) -> None:
        """A Word file that holds several meetings: list them (date, name, first item, and the
        draft each already has) and open the one chosen. Never one taken silently."""
        from referent.ui.dialogs.choice import Choice, ChoiceDialog

        choices = []
        for choice in several.choices:
            label = choice.describe()
            known = self.store.find_by_source(path, choice.number)
            if known is not None:
                label += " · " + t("its draft: meeting {id}", id=known[0])
            choices.append(Choice(str(choice.number) if choice.number < 10 else "", label, choice.number))

        def chosen(number: int | None) -> None:
            if number is None:  # not now: to the picker, unless the picker is where she came from
                from referent.ui.screens.picker import PickerScreen

                if not isinstance(self.screen, PickerScreen):
                    self.push_screen(PickerScreen())
                return
            problem = self.open_file(path, number)
            if problem:
                self.notify(problem, severity="error", timeout=30, markup=False)

        title = t("{name} holds {count} meetings: which one?", name=path.name, count=len(several.choices))
        note = t("Each meeting of the file has a draft of its own.")
        self.push_screen(ChoiceDialog(title, choices, note, wide=True), chosen)

    def ask_about_update(self, draft: FileDraft) -> None:
        """The agenda file changed since its draft was made: show what would change, and bring
        it in or keep the draft as it is (approved minutes are never changed by a file)."""
        from referent.agendamerge import describe
        from referent.ui.dialogs.choice import Choice, ChoiceDialog

        if self.store.state(draft.meeting_id).locked:
            self.notify(t("The agenda file has changed, but these minutes are approved: the changes were "
                          "not brought in."), severity="warning", timeout=15)  # fmt: skip
            self.open_meeting(draft.meeting_id)
            return
        assert draft.update is not None
        self.speak_for(draft.update.meeting)
        changes = "\n".join(f"• {describe(change, t)}" for change in draft.update.changes)

        def chosen(value: str | None) -> None:
            if value == "bring":
                from referent.sources import bring_in

                bring_in(self.store, draft)
                self.notify(t("The draft now follows the agenda file; everything recorded is kept."))
            self.open_meeting(draft.meeting_id, correct=value == "bring")

        choices = [
            Choice("b", t("Bring the changes into the draft"), "bring"),
            Choice("k", t("Keep the draft as it is"), "keep"),
        ]
        title = t("The agenda file has changed since its draft was made:")
        note = changes + "\n\n" + t("Everything recorded (minutes, outcomes, attendance) is kept either way.")
        self.push_screen(ChoiceDialog(title, choices, note, wide=True), chosen)

    def open_meeting(self, meeting_id: int, correct: bool = True) -> None:
        """Take the meeting's lock (or open it read-only) and show the live screen; a Word
        agenda's draft on which nothing is recorded yet shows how it was read first (``correct``)."""
        from referent.ui.screens.minutes import MinutesScreen

        self.release_meeting()
        lock = MeetingLock(self.database_path, meeting_id)
        read_only = self.store.read_only or not lock.acquire()
        if not read_only:
            self.lock = lock
        self.meeting_id = meeting_id
        self.live = LiveMeeting(self.store, meeting_id, self.clock, open_elsewhere=read_only)
        self.speak_for(self.live.meeting)  # the notices below too
        if self.store.read_only:
            self.notify(t("The database can only be read here (its file or folder is read-only): nothing "
                          "can be saved."), severity="error", timeout=30)  # fmt: skip
        elif lock.problem:  # a lock file that is a symlink, or another user's: never used
            message = t(
                "This meeting's lock cannot be taken: opened read-only. {problem}", problem=lock.problem
            )
            self.notify(message, severity="error", timeout=30, markup=False)
        elif read_only:
            from referent.ui.base import describe_holder

            self.lock_holder = lock.holder
            message = t(
                "This meeting is open elsewhere ({holder}): opened read-only.",
                holder=describe_holder(lock.holder),
            )
            self.notify(message, severity="warning", timeout=15, markup=False)
        if self.shown:
            self.back_up()
        screen = MinutesScreen(self.live)
        self.push_screen(screen)
        if self.start_in_review:
            self.start_in_review = False
            self.call_after_refresh(screen.action_review)
        elif correct:
            source = self.to_correct(meeting_id)
            if source is not None:
                self.correct_reading(screen, source, first=True, reading=self.reading_made(source))
        if self.draft is not None and self.draft.reading is not None:  # not shown: not kept either
            from dataclasses import replace

            self.draft = replace(self.draft, reading=None)

    def search(self) -> None:
        """The search screen (Ctrl+F); Enter on a hit opens its meeting at that item."""
        from referent.ui.screens.search import SearchScreen

        self.flush_all()
        self.push_screen(SearchScreen(), self.open_found)

    def open_found(self, found: Found | None) -> None:
        """Show the item a search found: in the meeting on screen, or in its own meeting (the
        one on screen is saved and left first). Approved minutes open read-only, as always."""
        from referent.ui.screens.minutes import MinutesScreen

        if found is None:
            return
        current = self.screen
        if isinstance(current, MinutesScreen) and current.live.meeting_id != found.meeting_id:
            self.save_before_leaving()
            self.pop_screen()
            current = self.screen
        if not (isinstance(current, MinutesScreen) and current.live.meeting_id == found.meeting_id):
            self.open_meeting(found.meeting_id, correct=False)
            current = self.screen
        assert isinstance(current, MinutesScreen)
        shown = current
        if found.item_id in shown.live.item_ids:
            index = shown.live.item_ids.index(found.item_id)
            self.call_after_refresh(lambda: shown.enter_item(index, take_up=False))

    def to_correct(self, meeting_id: int) -> WordSource | None:
        """The Word file to show the correction screen for on opening: a Word agenda's draft that
        may be changed, has nothing recorded yet and follows the file as it is (else None)."""
        from referent.correcting import is_word_file, word_source
        from referent.problems import MeetingFileError
        from referent.store import MeetingStatus

        live = self.live
        if live is None or live.read_only or not is_word_file(self.store.source_path(meeting_id)):
            return None
        if self.store.state(meeting_id) is not MeetingStatus.AGENDA:
            return None
        try:
            source = word_source(self.store, meeting_id)
        except MeetingFileError:  # the file is gone: the draft is what there is
            return None
        return source if source is not None and not source.changed else None

    def reading_made(self, source: WordSource) -> WordAgenda | None:
        """The reading of ``source`` made when its draft was opened (imported or brought up to
        date) in this session, if it is still what the file and the kept corrections give; it
        is handed over once (a huge agenda's reading is not kept for the whole session)."""
        from dataclasses import replace

        draft = self.draft
        if draft is None or draft.reading is None or draft.meeting_id != self.meeting_id:
            return None
        self.draft = replace(draft, reading=None)
        if draft.digest != source.digest or draft.read_with != self.store.reading_corrections(
            draft.meeting_id
        ):
            return None
        return draft.reading

    def correct_reading(
        self,
        screen: MinutesScreen,
        source: WordSource,
        first: bool = False,
        reading: WordAgenda | None = None,
    ) -> None:
        """The correction screen over the minutes screen; the minutes screen follows what changed.
        ``reading``: the document already read with the kept corrections (not read again)."""
        from referent.ui.screens.reading import ReadingScreen

        screen.flush()

        def done(changed: bool | None) -> None:
            if changed:
                screen.after_correction()

        reading_screen = ReadingScreen(
            self.store, screen.live.meeting_id, source, first=first, reading=reading
        )
        if first:
            self.reading_first = reading_screen
        self.push_screen(reading_screen, done)

    def first_frame_shown(self) -> None:
        """What the first frame did not wait for: the backup, the warm-up for F12, and the
        garbage collector (the command line holds it off while the app starts)."""
        from referent import gcpause
        from referent.ui.warmup import WARM_UP_AFTER

        self.shown = True
        typed, self.typed_ahead = self.typed_ahead or [], None
        if typed and self.screen is self.reading_first:  # typed at once: meant for the minutes
            self.screen.dismiss(False)
        for key in typed:  # in the order typed, as if typed now
            if isinstance(key, events.Paste):
                self.post_message(events.Paste(key.text))
            else:
                self.post_message(events.Key(key.key, key.character))
        gcpause.let_go()
        self.back_up()
        self.warm_up_timer = self.set_timer(WARM_UP_AFTER, self.warm_up)

    def typing(self) -> None:
        """A key was typed: F12's warm-up waits for a pause in the typing."""
        from referent.ui.warmup import WARM_UP_AFTER

        if self.warm_up_timer is not None:
            self.warm_up_timer.stop()
            self.warm_up_timer = self.set_timer(WARM_UP_AFTER, self.warm_up)

    def warm_up(self) -> None:
        from referent.ui.warmup import warm_up_in_background

        self.warm_up_timer = None
        warm_up_in_background()

    def back_up(self) -> None:
        """The last good state, kept beside the database (once a session, when it may be written)."""
        if self.backed_up or self.live is None or self.live.open_elsewhere:
            return
        from referent.store import make_backup

        self.backed_up = True
        database = self.store.file or self.database_path  # the name it is open by (a hard link: one)
        self.run_worker(partial(make_backup, database), thread=True, group="backup")

    def export_folder(self, meeting_id: int) -> Path:
        """Exports go beside the meeting file they came from, else to the current folder."""
        if self.fixed_export_folder is not None:
            return self.fixed_export_folder
        source = self.store.source_path(meeting_id)
        if source and Path(source).parent.is_dir():
            return Path(source).parent
        return Path.cwd()

    def style_folder(self, meeting_id: int) -> Path:
        """Where a meeting's own ``style`` path is read from: its meeting file's folder (as
        ``referent export`` reads it), else where exports go. The review and F12 both ask here."""
        source = self.store.source_path(meeting_id)
        return Path(source).parent if source else self.export_folder(meeting_id)

    def flush_all(self) -> None:
        """Write every pending change now (quit, suspend, screen switch)."""
        from referent.ui.screens.minutes import MinutesScreen

        for screen in self.screen_stack:
            if isinstance(screen, MinutesScreen):
                screen.flush()

    def save_before_leaving(self) -> None:
        """Every pending change, and the item's clock as it stands (quit, suspend, a signal):
        reopened, the clock goes on where it stopped."""
        self.flush_all()
        if self.live is not None:
            self.live.keep_time()

    def release_meeting(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    async def action_quit(self) -> None:
        from referent.ui.dialogs.drafts import ask_before_quitting

        not_saved = self.minutes_kept_elsewhere()
        if not ask_before_quitting(self, self.quit_now, not_saved):  # words not saved: asked first
            # Behind what is queued already: a dialog answered by the Enter typed just before
            # Ctrl+Q has its answer recorded first (it was lost with the app quitting).
            self.call_next(self.quit_now)

    def quit_now(self) -> None:
        self.leave()

    def leave(self) -> None:
        """Save, let the meeting go and end the app; minutes the database would not take are
        written to an emergency copy first, and where it is is said once the app has ended."""
        self.minutes_kept_elsewhere()  # (saves first)
        self.release_meeting()
        if self.emergency_copy is None and not self.unsaved_minutes():
            self.exit()
            return
        self.exit(return_code=1, message=self.emergency_message())

    def unsaved_minutes(self) -> bool:
        """Minutes on screen that the database would not take (a full disk)."""
        return self.live is not None and bool(self.live.unsaved)

    def minutes_kept_elsewhere(self) -> list[str]:
        """After saving what can be saved: when minutes are still not in the database, write the
        emergency copy (again, over this session's earlier one) and say so, one line for the
        question before quitting (none: everything is saved)."""
        from referent.export import default_filename
        from referent.ui.saving import write_emergency_copy

        self.save_before_leaving()
        if self.live is None or not self.unsaved_minutes():
            return []
        meeting = self.live.stored_copy()
        name = default_filename(meeting, format="toml").replace(".toml", f" ({t('emergency copy')}).toml")
        self.emergency_copy = write_emergency_copy(meeting, name, self.emergency_copy)
        return [self.emergency_message()]

    def emergency_message(self) -> str:
        reason = t(self.not_saved_reason or "the database could not be written")
        if self.emergency_copy is None:
            return t(
                "The minutes are not saved in the database ({reason}), and no copy could be written "
                "in the home folder or the temporary folder: F11 saves one where you choose.",
                reason=reason,
            )
        return t(
            "The minutes are not saved in the database ({reason}). A copy of them is in {path} "
            "('referent open' opens it).",
            reason=reason,
            path=self.emergency_copy,
        )

    def on_unmount(self) -> None:
        from referent import gcpause

        self.save_before_leaving()
        self.release_meeting()
        self.undo_stop_signals()
        gcpause.give_back()  # a review closed with the app within its second (see gcpause)

    def stop_on_signal(self) -> None:
        """The terminal was closed (SIGHUP) or the system asks us to stop (SIGTERM): as Ctrl+Q,
        without asking (minutes the database would not take go to the emergency copy)."""
        self.leave()

    def action_suspend_process(self) -> None:
        self.save_before_leaving()
        super().action_suspend_process()

    def handle_exception(self, error: Exception) -> bool:
        """The one boundary of every action that writes (a key, a dialog's answer, a timer): a
        change the database refused (a full or failing disk, approved minutes, a read-only file)
        is said, never the end of the app, and whatever is on screen stays there."""
        from referent.store import ApprovedMinutes, ReadOnlyDatabase
        from referent.ui.saving import write_failure

        if isinstance(error, (ApprovedMinutes, ReadOnlyDatabase)):
            self.notify(str(error), severity="error", timeout=30, markup=False)
            return True
        reason = write_failure(error)
        if reason is None:
            return False  # a bug: Textual shows it and ends the app
        self.change_not_saved(reason)
        return True

    def change_not_saved(self, reason: str) -> None:
        """A change could not be written: the meeting is read again as stored (with the minutes
        not yet saved kept in it), every minutes screen shows that and says NOT SAVED, and the
        message says what happened. The minutes are tried again by the autosave."""
        from referent.ui.screens.minutes import MinutesScreen

        self.not_saved_reason = reason
        if self.live is not None:
            with contextlib.suppress(Exception):  # (the database cannot even be read: as it was)
                self.live.reload()
        for screen in self.screen_stack:
            if isinstance(screen, MinutesScreen):
                screen.change_not_saved(reason)
        message = t("Not saved: {reason}. That change was not made; your minutes stay on screen.",
                    reason=t(reason))  # fmt: skip
        shown = self.notices.get(message)
        if shown is None or shown.has_expired:
            self.notices[message] = notice = Notification(message, severity="error", timeout=30, markup=False)
            self.post_message(Notify(notice))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the screen by name in the palette, then Textual's own."""
        from referent.ui.commands import screen_commands, translated

        yield from screen_commands(self, screen)
        yield from translated(super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """Textual's palette, asking in the user's language."""
        from textual.command import CommandPalette

        from referent.ui.textual_compat import TranslatedPalette

        if self.use_command_palette and not CommandPalette.is_open(cast(Any, self)):
            palette = TranslatedPalette(
                placeholder=t("Search for commands…"),
                no_matches=t("No matches found"),
                id="--command-palette",
            )
            self.push_screen(palette)

    def search_themes(self) -> None:
        """Textual's theme picker (the palette's Theme command), in the user's language."""
        from textual.theme import ThemeProvider

        from referent.ui.textual_compat import TranslatedPalette

        palette = TranslatedPalette(
            [ThemeProvider], placeholder=t("Search for themes…"), no_matches=t("No matches found")
        )
        self.push_screen(palette)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: Textual's hint that it does not quit, in the user's
        language and with the key as F1 spells it."""
        from referent.ui.keys import describe_key

        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                message = t("Press {key} to quit referent.", key=describe_key(key))
                self.notify(message, title=t("Do you want to quit?"), markup=False)
                return

    def on_paste_cut(self, message: PasteCut) -> None:
        """The terminal began a paste and never ended it: what came is pasted, and said."""
        if message.why != "key":  # (Ctrl+Q ended it: the app is quitting)
            self.notify(
                t("A paste did not end (the terminal never said where it ends): it was ended after "
                  "{count} characters, and what you type now is typed again.", count=message.length),
                severity="warning",
                timeout=15,
            )  # fmt: skip

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        """The palette's Screenshot command saved its file: said in the user's language
        (instead of Textual's own notice, which ``prevent_default`` keeps back)."""
        if event.name == "screenshot":
            event.prevent_default()
            message = t("Saved the screenshot to {path}", path=event.path) if event.path else t("Saved.")
            self.notify(message, title=t("Screenshot"), markup=False)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(t("The screenshot could not be saved."), title=t("Screenshot"), severity="error")


def make_app(
    database: Path,
    meeting_id: int | None = None,
    *,
    store: Store | None = None,
    clock: Callable[[], datetime] = local_now,
    settings_path: Path | None = None,
    draft: FileDraft | None = None,
    review: bool = False,
    export_folder: Path | None = None,
    several: SeveralMeetings | None = None,
) -> ReferentApp:
    """Build the app the same way for the command line and for the tests."""
    from referent.config import load_settings
    from referent.paths import config_path
    from referent.ui.terminal import guard_terminal_input

    guard_terminal_input()  # one byte that is not UTF-8 must not end the app (textual#6456)
    settings_path = settings_path or config_path()
    return ReferentApp(
        store or Store.open(database),
        database,
        load_settings(settings_path),
        settings_path,
        meeting_id,
        clock,
        draft,
        review,
        export_folder,
        several,
    )


def stale_notice(count: int) -> str:
    """Corrections of the reading whose paragraphs the Word file no longer has."""
    return tn(
        "1 of your corrections to how the agenda was read no longer applies: its paragraph is gone "
        "from the file.",
        "{count} of your corrections to how the agenda was read no longer apply: their paragraphs are "
        "gone from the file.",
        count,
    )
