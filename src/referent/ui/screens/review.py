"""The chair's review: the draft as it will read, the problems left, the chair's changes.

Opened from the minutes screen (Ctrl+R) or with ``referent review``. Jumping to a
problem returns to the minutes screen on that item; Ctrl+R comes back here. The first
opening of the review remembers every item's text, so the secretary can see each
correction the chair made as a word-level diff.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from referent.danish import format_time
from referent.live import LiveMeeting
from referent.review import ProblemKind, ReviewProblem, find_problems
from referent.ui.base import ReferentScreen
from referent.ui.dialogs.ask import AskScreen
from referent.ui.dialogs.choice import Choice, ChoiceScreen
from referent.ui.i18n import t
from referent.ui.widgets.diff import diff_text

PROBLEM_TEXTS = {
    ProblemKind.NO_ATTENDANCE: "Attendance has not been taken",
    ProblemKind.UNMARKED: "{detail}: attendance not marked",
    ProblemKind.NOT_TAKEN: "Item {number} was not taken",
    ProblemKind.NO_MINUTES: "Item {number} has no minutes",
    ProblemKind.NO_OUTCOME: "Item {number}, point {detail}: no outcome",
    ProblemKind.ACTION_INCOMPLETE: "Item {number}: action item without owner or date: {detail}",
    ProblemKind.NOT_CLOSED: "The meeting's end was not recorded",
    ProblemKind.CLOSED_ITEM: "Item {number} is closed: left out of the public version",
    ProblemKind.COMMENT: "Item {number}: the chair's comment: {detail}",
}


def describe(problem: ReviewProblem) -> str:
    number = "" if problem.item is None else str(problem.item + 1)
    return t(PROBLEM_TEXTS[problem.kind], number=number, detail=problem.detail)


class ReviewScreen(ReferentScreen, Screen[int | None]):
    """Dismissed with the index of an item to open in the editor, or None to go back."""

    BINDINGS = [
        Binding("escape,ctrl+r", "back", "Back", id="review_back", priority=True),
        # the problem list handles Enter itself; this makes the key visible in the footer
        Binding("enter", "go_to_problem", "Go to problem", id="review_go"),
        Binding("f1", "help", "Help", id="review_help"),
        Binding("d", "toggle_changes", "Changes", id="review_changes"),
        Binding("c", "comment", "Comment", id="review_comment"),
        Binding("m", "remark", "Protocol remark", id="review_remark"),
        Binding("h", "history", "History", id="review_history"),
        Binding("a", "approve", "Approve", id="review_approve"),
        Binding("o", "reopen", "Reopen", id="review_reopen"),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self.showing_changes = False
        self.problems: list[ReviewProblem] = []
        self.style_warned = False

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="review"):
            with Vertical(id="review-side"):
                yield Label(id="problems-label", classes="dialog-title")
                yield OptionList(id="problems")
            with VerticalScroll(id="review-pane"):
                yield Markdown(id="draft")
                yield Static(id="changes")
        yield Footer()

    def on_mount(self) -> None:
        self.live.start_review()
        self.refresh_review()
        self.query_one("#problems", OptionList).focus()

    def refresh_review(self) -> None:
        self.live.reload()
        meeting = self.live.meeting
        state = self.live.store.state(self.live.meeting_id)
        self.query_one("#title-bar", Static).update(f" {t('Review')} · {meeting.title} · {t(state)}")
        self.problems = find_problems(meeting)
        to_fix = [p for p in self.problems if not p.is_reminder]
        self.query_one("#problems-label", Label).update(f"{t('Problems')}: {len(to_fix)}")
        options = [
            Option(Text(describe(p), style="dim" if p.is_reminder else ""), id=str(n))
            for n, p in enumerate(self.problems)
        ]
        problems = self.query_one("#problems", OptionList)
        highlighted = problems.highlighted
        problems.set_options(options)
        if options:
            problems.highlighted = min(highlighted or 0, len(options) - 1)
        self.query_one("#draft", Markdown).update(self.draft_text())
        self.query_one("#changes", Static).update(self.changes_text())
        self.query_one("#draft").display = not self.showing_changes
        self.query_one("#changes").display = self.showing_changes

    def draft_text(self) -> str:
        """The draft as the minutes will read: in the meeting's own house style (or, if that
        cannot be read, in ``default``, saying why once)."""
        from referent.export import StyleError, meeting_style, render

        meeting = self.live.meeting
        folder = self.referent.export_folder(self.live.meeting_id)
        try:
            style = meeting_style(meeting, self.referent.settings.styles, folder)
        except StyleError as error:
            if not self.style_warned:
                self.style_warned = True
                self.notify(str(error), severity="error", timeout=15)
            style = None
        return render(meeting, format="md", style=style)[0].decode("utf-8")

    def changes_text(self) -> Text:
        """Every item the chair changed since the review began, as a word diff."""
        snapshot = self.live.review_snapshot()
        text = Text()
        for index, item in enumerate(self.live.meeting.items):
            before = snapshot.get(index, "")
            if before == item.minutes:
                continue
            text.append(f"\n{index + 1}. {item.title}\n", style="bold")
            text.append(diff_text(before, item.minutes))
            text.append("\n")
        return text if text else Text(t("No changes since the review began."), style="dim italic")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.go_to(self.problems[int(event.option.id or 0)])

    def action_go_to_problem(self) -> None:
        highlighted = self.query_one("#problems", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.problems):
            self.go_to(self.problems[highlighted])

    def go_to(self, problem: ReviewProblem) -> None:
        """Open what fixes ``problem``: the attendance, the item in the editor, or the clock."""
        if problem.kind in (ProblemKind.NO_ATTENDANCE, ProblemKind.UNMARKED):
            from referent.ui.screens.attendance import AttendanceScreen

            self.app.push_screen(AttendanceScreen(self.live), lambda _: self.refresh_review())
        elif problem.kind is ProblemKind.NOT_CLOSED and not self.live.read_only:
            now = format_time(self.referent.now().time())

            def close(value: str | None) -> None:
                if value == "yes":
                    self.live.close_meeting()
                    self.refresh_review()

            choices = [Choice("y", t("Yes"), "yes"), Choice("n", t("No"), "no")]
            self.app.push_screen(
                ChoiceScreen(t("Record the meeting's end now ({time})?", time=now), choices), close
            )
        elif problem.item is not None:
            self.dismiss(problem.item)

    # --- the chair's actions -----------------------------------------------------------

    def action_toggle_changes(self) -> None:
        """Show the chair's changes or the draft; both are up to date, so only swap them."""
        self.showing_changes = not self.showing_changes
        self.query_one("#draft").display = not self.showing_changes
        self.query_one("#changes").display = self.showing_changes

    def ask_about_item(
        self, title: str, fields: list[tuple[str, str]], then: Callable[[int, list[str]], None]
    ) -> None:
        """Ask which item (the one the chair was reading, by default) and ``fields``, then
        call ``then(index, answers)``."""
        count = len(self.live.item_ids)

        def answered(answer: list[str] | None) -> None:
            if not answer:
                return
            number, *rest = answer
            if not number.isdigit() or not 1 <= int(number) <= count:
                self.notify(t("There is no item {number}.", number=number), severity="warning")
                return
            then(int(number) - 1, rest)

        fields = [(t("Item number"), str(self.live.current + 1)), *fields]
        self.app.push_screen(AskScreen(title, fields), answered)

    def action_comment(self) -> None:
        if self.live.open_elsewhere:
            return

        def add(index: int, answer: list[str]) -> None:
            if answer[0]:
                self.live.add_comment(index, answer[0], who=self.live.meeting.chair)
                self.refresh_review()

        self.ask_about_item(t("Comment"), [(t("Comment for the secretary"), "")], add)

    def action_remark(self) -> None:
        if self.live.open_elsewhere:
            self.notify(t("Read-only: this meeting is open elsewhere."), severity="warning")
            return
        if self.live.read_only:
            self.notify(t("The minutes are approved: reopen them first (o)."), severity="warning")
            return

        def add(index: int, answer: list[str]) -> None:
            who, text = answer
            if who and text:
                self.live.add_remark(index, who, text)
                self.refresh_review()

        fields = [(t("Who"), ""), (t("Remark, word for word"), "")]
        self.ask_about_item(t("Protocol remark"), fields, add)

    def action_history(self) -> None:
        from referent.ui.dialogs.history import HistoryScreen

        def show(index: int, _: list[str]) -> None:
            screen = HistoryScreen(self.live, index)
            self.app.push_screen(screen, lambda _: self.refresh_review())

        self.ask_about_item(t("History"), [], show)

    def action_approve(self) -> None:
        if self.live.read_only:
            return
        to_fix = [p for p in self.problems if not p.is_reminder]

        def ask_name(anyway: bool) -> None:
            def approve(answer: list[str] | None) -> None:
                if answer:
                    self.live.approve(answer[0], with_problems=anyway)
                    self.notify(t("Approved by {name}.", name=answer[0]))
                    self.refresh_review()

            meeting = self.live.meeting
            # the chair, else whoever approved last time (a meeting file need not name a chair)
            name = meeting.chair or (meeting.approvals[-1].by if meeting.approvals else "")
            self.app.push_screen(AskScreen(t("Approve the minutes"), [(t("Approved by"), name)]), approve)

        if not to_fix:
            ask_name(False)
            return
        choices = [Choice("y", t("Approve anyway"), "yes"), Choice("n", t("Cancel"), "no")]
        title = t("{count} problems are still listed.", count=len(to_fix))
        self.app.push_screen(
            ChoiceScreen(title, choices), lambda value: ask_name(True) if value == "yes" else None
        )

    def action_reopen(self) -> None:
        if self.live.open_elsewhere or not self.live.meeting.approved:
            return

        def reopen(answer: list[str] | None) -> None:
            if answer:
                self.live.reopen(answer[0])
                self.notify(t("Reopened for correction."))
                self.refresh_review()

        self.app.push_screen(AskScreen(t("Reopen for correction"), [(t("Reason"), "")]), reopen)

    def action_back(self) -> None:
        self.dismiss(None)
