"""What every screen of referent shares: its keys named in the user's language, the
typed app, F1 help for the keys of that very screen, typed questions, and the one way
a refused change is explained."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.css.query import NoMatches
from textual.notifications import Notification, Notify, SeverityLevel

from referent.live import LiveMeeting, ReadOnly
from referent.ui.i18n import t
from referent.ui.i18n_bindings import translate_bindings
from referent.ui.textual_compat import GuardedMessages

if TYPE_CHECKING:
    from textual.screen import Screen

    from referent.ui.app import ReferentApp

AnswerT = TypeVar("AnswerT")


def describe_holder(holder: str) -> str:
    """Who holds a meeting's lock, in the user's language (the lock file says it in English)."""
    match = re.fullmatch(r"process (\d+) on (.+)", holder)
    if match:
        return t("process {pid} on {host}", pid=match[1], host=match[2])
    return holder or t("another referent")


def read_only_message(reason: ReadOnly, holder: str = "", in_review: bool = False) -> str:
    """Why nothing can be changed, and what to do about it."""
    if reason is ReadOnly.DATABASE:
        return t(
            "The database can only be read here (its file or folder is read-only): nothing can be saved."
        )
    if reason is ReadOnly.APPROVED:
        if in_review:
            return t("The minutes are approved: reopen them first (o).")
        return t(
            "The minutes are approved and cannot be changed. To correct them, reopen them in the review: Ctrl+R, then o."  # noqa: E501
        )
    return t(
        "Read-only: this meeting is open elsewhere ({holder}). Make the change there, or close it there and open it here again.",  # noqa: E501
        holder=describe_holder(holder),
    )


class ReferentScreen(GuardedMessages):
    """Mixin, first in the bases: ``class AttendanceScreen(ReferentScreen, Screen[None])``.
    A write the database refuses in one of its actions or handlers is the app's to say
    (``ReferentApp.handle_exception``); the screen goes on handling keys (``GuardedMessages``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(cast(Any, self))

    @property
    def referent(self) -> ReferentApp:
        return cast("ReferentApp", cast(Any, self).app)

    def action_help(self) -> None:
        from referent.ui.dialogs.help import HelpDialog

        self.referent.push_screen(HelpDialog(cast("Screen[object]", self)))

    def ask(self, dialog: Screen[AnswerT], then: Callable[[AnswerT], None]) -> None:
        """Show ``dialog``; ``then(answer)`` once it is answered (nothing when it is cancelled)."""

        def answered(answer: AnswerT | None) -> None:
            if answer is None:
                return
            try:
                then(answer)
            except NoMatches:
                # Answered just before Ctrl+Q: the answer is recorded, but the app quitting has
                # taken the screen down that would show it. Anything else is a bug: raised.
                if cast(Any, self).is_attached:
                    raise
            except Exception as error:  # the database refused the answer: what was typed stays
                keep_answer(dialog, error)
                raise  # (said by the app: ``ReferentApp.handle_exception``)

        self.referent.push_screen(dialog, answered)

    def notify_once(self, message: str, severity: SeverityLevel = "information") -> None:
        """A notification, unless the same one is still on screen (a refused key pressed
        ten times gives one message, not ten)."""
        app = self.referent
        shown = app.notices.get(message)
        if shown is not None and not shown.has_expired:
            return
        notice = Notification(message, severity=severity, timeout=app.NOTIFICATION_TIMEOUT, markup=False)
        app.notices[message] = notice
        app.post_message(Notify(notice))

    def refused(self, live: LiveMeeting, in_review: bool = False) -> bool:
        """True (after saying why and what to do) when ``live`` may not be changed now."""
        reason = live.read_only_reason
        if reason is None:
            return False
        self.notify_once(read_only_message(reason, self.referent.lock_holder, in_review), "warning")
        return True


def keep_answer(dialog: object, error: Exception) -> None:
    """The answer typed in ``dialog`` could not be saved (a full disk): it is back, as typed,
    the next time the dialog opens (as if it had been closed with Esc)."""
    from referent.ui.dialogs.base import Dialog
    from referent.ui.saving import write_failure

    if isinstance(dialog, Dialog) and write_failure(error) is not None:
        dialog.keep_answer()
