"""The Textual application: opens a meeting (or the picker) and owns the store and the lock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from textual.app import App, SystemCommand
from textual.notifications import Notification
from textual.screen import Screen

from referent.config import Settings
from referent.live import LiveMeeting
from referent.lock import MeetingLock
from referent.store import Store, digest
from referent.ui.dialogs.choice import Choice, ChoiceDialog
from referent.ui.i18n import set_language, t
from referent.ui.i18n_bindings import translate_bindings
from referent.ui.keys import with_current_ids


def _local_now() -> datetime:
    return datetime.now().astimezone()


class ReferentApp(App[None]):
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
        clock: Callable[[], datetime] = _local_now,
        changed_file: tuple[Path, str] | None = None,
        review: bool = False,
    ) -> None:
        set_language(settings.effective_language())  # before any screen is built
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.database_path = database_path
        self.settings = settings
        self.settings_path = settings_path
        self.meeting_id = meeting_id
        self.clock = clock
        self.changed_file = changed_file
        """A meeting file that differs from what was imported: ask before opening."""
        self.start_in_review = review
        """Open the chair's review on top of the minutes screen (``referent review``)."""
        self.lock: MeetingLock | None = None
        self.lock_holder = ""
        """Who has the meeting open when this session opened it read-only."""
        self.notices: dict[str, Notification] = {}
        """Messages shown once while on screen (``ReferentScreen.notify_once``), by their text."""
        self.live: LiveMeeting | None = None

    def now(self) -> datetime:
        """Now, in local time (the clock may be a test's, in any zone)."""
        return self.clock().astimezone()

    def on_mount(self) -> None:
        if self.settings.keys:
            self.set_keymap(with_current_ids(self.settings.keys))
        for problem in self.settings.problems:
            message = problem.render(str(self.settings_path))
            self.notify(message, severity="warning", timeout=10)
        if self.meeting_id is None:
            from referent.ui.screens.picker import PickerScreen

            self.push_screen(PickerScreen())
        elif self.changed_file is not None:
            self.ask_about_changed_file(self.meeting_id, *self.changed_file)
        else:
            self.open_meeting(self.meeting_id)

    def ask_about_changed_file(self, meeting_id: int, path: Path, source: str) -> None:
        """The file was edited after it was imported: keep the draft or import it anew."""
        if self.store.state(meeting_id).locked:
            # approved minutes are never replaced by a file: they are reopened and corrected
            self.notify(t("The meeting file has changed, but these minutes are approved: not re-imported."),
                        severity="warning", timeout=15)  # fmt: skip
            self.open_meeting(meeting_id)
            return

        def chosen(value: str | None) -> None:
            if value == "reimport":
                from referent.meetingfile.reader import parse_meeting

                meeting = parse_meeting(source, str(path))
                self.open_meeting(self.store.import_meeting(meeting, str(path), digest(source)))
            else:
                self.open_meeting(meeting_id)

        choices = [Choice("k", t("Keep the draft"), "keep"), Choice("r", t("Re-import the file"), "reimport")]
        self.push_screen(
            ChoiceDialog(t("The meeting file has changed since it was imported."), choices), chosen
        )

    def open_meeting(self, meeting_id: int) -> None:
        """Take the meeting's lock (or open it read-only) and show the live screen."""
        from referent.ui.screens.minutes import MinutesScreen

        self.release_meeting()
        lock = MeetingLock(self.database_path, meeting_id)
        read_only = not lock.acquire()
        if read_only:
            from referent.ui.base import describe_holder

            self.lock_holder = lock.holder
            message = t(
                "This meeting is open elsewhere ({holder}): opened read-only.",
                holder=describe_holder(lock.holder),
            )
            self.notify(message, severity="warning", timeout=15, markup=False)
        else:
            self.lock = lock
        self.meeting_id = meeting_id
        self.live = LiveMeeting(self.store, meeting_id, self.clock, open_elsewhere=read_only)
        screen = MinutesScreen(self.live)
        self.push_screen(screen)
        if self.start_in_review:
            self.start_in_review = False
            self.call_after_refresh(screen.action_review)

    def export_folder(self, meeting_id: int) -> Path:
        """Exports go beside the meeting file they came from, else to the current folder."""
        source = self.store.source_path(meeting_id)
        if source and Path(source).parent.is_dir():
            return Path(source).parent
        return Path.cwd()

    def flush_all(self) -> None:
        """Write every pending change now (quit, suspend, screen switch)."""
        from referent.ui.screens.minutes import MinutesScreen

        for screen in self.screen_stack:
            if isinstance(screen, MinutesScreen):
                screen.flush()

    def release_meeting(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    async def action_quit(self) -> None:
        self.flush_all()
        self.release_meeting()
        self.exit()

    def on_unmount(self) -> None:
        self.flush_all()
        self.release_meeting()

    def action_suspend_process(self) -> None:
        self.flush_all()
        super().action_suspend_process()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the screen by name in the palette, then Textual's own."""
        from referent.ui.commands import screen_commands, translated

        yield from screen_commands(self, screen)
        yield from translated(super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """Textual's palette, asking in the user's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast(Any, self)):
            self.push_screen(CommandPalette(placeholder=t("Search for commands…"), id="--command-palette"))


def make_app(
    database: Path,
    meeting_id: int | None = None,
    *,
    store: Store | None = None,
    clock: Callable[[], datetime] = _local_now,
    settings_path: Path | None = None,
    changed_file: tuple[Path, str] | None = None,
    review: bool = False,
) -> ReferentApp:
    """Build the app the same way for the command line and for the tests."""
    from referent.config import load_settings
    from referent.paths import config_path

    settings_path = settings_path or config_path()
    return ReferentApp(
        store or Store.open(database),
        database,
        load_settings(settings_path),
        settings_path,
        meeting_id,
        clock,
        changed_file,
        review,
    )
