"""The chair's review: the draft as it will read, the problems left, the chair's changes.

Opened from the minutes screen (Ctrl+R) or with ``referent review``. Jumping to a
problem returns to the minutes screen on that item; Ctrl+R comes back here. The first
opening of the review remembers every item's text, so the secretary can see each
correction the chair made as a word-level diff.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from referent.live import LiveMeeting
from referent.review import ProblemKind, ReviewProblem, find_problems
from referent.ui.base import ReferentScreen
from referent.ui.dialogs.choice import ConfirmDialog
from referent.ui.dialogs.form import (
    ItemDialog,
    ItemNote,
    ItemNoteDialog,
    ItemRemark,
    RemarkDialog,
    TextDialog,
    TimeDialog,
)
from referent.ui.i18n import t, tn
from referent.ui.screens.review_reading import ReadingRoundView
from referent.ui.widgets.diff import diff_text
from referent.ui.widgets.draft import DraftView, estimate_height, split_parts
from referent.ui.widgets.keyhints import KeyHints

if TYPE_CHECKING:
    from referent.export.style import HouseStyle
    from referent.model import Meeting

FIRST_ITEMS = 8
"""A meeting of more items has its draft rendered in a thread (the review answers keys
meanwhile; 2,000 items of real minutes take a quarter of a second), and the first time it is
shown, these first items are rendered at once for the first frame."""

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
    ProblemKind.NOT_IN_AGENDA: "Item {number} is no longer in the agenda file: kept for what was recorded",
    ProblemKind.PROPOSAL: "Item {number}: proposed correction: {detail}",
}


def describe(problem: ReviewProblem) -> str:
    if problem.kind is ProblemKind.PROPOSAL and problem.item is None:  # an attendance line
        return t("Header block: proposed correction: {detail}", detail=problem.detail)
    number = "" if problem.item is None else str(problem.item + 1)
    return t(PROBLEM_TEXTS[problem.kind], number=number, detail=problem.detail)


class ReviewScreen(ReferentScreen, Screen[int | None]):
    """Dismissed with the index of an item to open in the editor, or None to go back."""

    BINDINGS = [
        # in the order of the footer, which is cut at 80 columns: approving comes first
        Binding("escape,ctrl+r", "back", "Back", id="review_back", priority=True),
        Binding("f1", "help", "Help", id="review_help"),
        Binding("a", "approve", "Approve", id="review_approve"),
        Binding("o", "reopen", "Reopen", id="review_reopen"),
        Binding("c", "comment", "Comment", id="review_comment"),
        Binding("m", "remark", "Protocol remark", id="review_remark"),
        Binding("h", "history", "History", id="review_history"),
        Binding("d", "toggle_changes", "Changes", id="review_changes"),
        Binding(
            "x",
            "comment_done",
            "Comment done",
            tooltip="The chair's comment is dealt with",
            id="review_comment_done",
        ),
        Binding(
            "n",
            "next_agenda",
            "Next agenda",
            show=False,
            tooltip="The next meeting's agenda (approved minutes)",
            id="review_next_agenda",
        ),
        Binding(
            "i",
            "bring_in",
            "Reading copy",
            tooltip="Bring in a reading copy returned from Word",
            id="review_bring_in",
            show=False,  # the footer is full at 80 columns: F1 lists them
        ),
        Binding(
            "y",
            "accept_proposal",
            "Accept correction",
            tooltip="Accept the highlighted proposed correction",
            id="review_accept",
            show=False,  # the footer is full at 80 columns: F1 lists them
        ),
        Binding(
            "r",
            "reject_proposal",
            "Reject correction",
            tooltip="Reject the highlighted proposed correction",
            id="review_reject",
            show=False,  # the footer is full at 80 columns: F1 lists them
        ),
        Binding(
            "p",
            "accept_person",
            "Accept all from this person",
            tooltip="Accept every correction the reviewer of the highlighted one proposed",
            id="review_accept_person",
            show=False,  # the footer is full at 80 columns: F1 lists them
        ),
        # the problem list handles Enter itself; this names the key in F1 help
        Binding("enter", "go_to_problem", "Go to problem", id="review_go", show=False),
    ]

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self.showing_changes = False
        self.problems: list[ReviewProblem] = []
        self.style_warned = False
        self._drafting: Worker[PreparedDraft] | None = None
        self._draft_asked = 0
        self.draft_pending = False
        """A long meeting's draft is being rendered in a thread; the draft shown is not the latest."""
        self.reading = ReadingRoundView(live)

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="review"):
            with Vertical(id="review-side"):
                yield Label(id="problems-label", classes="dialog-title")
                yield OptionList(id="problems")
            with Vertical(id="review-pane"):
                yield DraftView(id="draft")
                with VerticalScroll(id="changes-pane"):
                    yield Static(id="changes")
        yield KeyHints()

    def on_mount(self) -> None:
        self.live.start_review()
        # the meeting as the minutes screen left it (saved before Ctrl+R); a read-only session
        # reads what the other session wrote
        self.refresh_review(reload=self.live.open_elsewhere)
        self.query_one("#problems", OptionList).focus()

    def refresh_review(self, reload: bool = True) -> None:
        if reload:
            self.live.reload()
        meeting = self.live.meeting
        self.query_one("#title-bar", Static).update(
            f" {t('Review')} · {meeting.title} · {t(self.live.state)}"
        )
        found, proposals = find_problems(meeting), self.proposal_rows()
        # the attendance lines' proposals under the header block's problems, as in the draft
        header = next((n for n, p in enumerate(found) if p.item is not None), len(found))
        on_header = [p for p in proposals if p.item is None]
        rest = [p for p in proposals if p.item is not None]
        self.problems = found[:header] + on_header + found[header:] + rest
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
        self.show_draft()
        self.query_one("#changes", Static).update(self.changes_text())
        self.query_one("#draft").display = not self.showing_changes
        self.query_one("#changes-pane").display = self.showing_changes

    def draft_style(self) -> HouseStyle | None:
        """The meeting's own house style (or, if that cannot be read, ``default``, saying why once)."""
        from referent.export import StyleError, meeting_style

        folder = self.referent.style_folder(self.live.meeting_id)
        try:
            return meeting_style(self.live.meeting, self.referent.settings.styles, folder)
        except StyleError as error:
            if not self.style_warned:
                self.style_warned = True
                self.notify(str(error), severity="error", timeout=15)
            return None

    def draft_text(self) -> str:
        """The draft as the minutes will read, in the meeting's house style."""
        return draft_markdown(self.live.meeting, self.draft_style())

    def show_draft(self) -> None:
        """Show the draft; a long meeting's is rendered in a thread, and the first time it is
        shown, its first items at once (the rest of the draft follows when it is ready)."""
        meeting, style = self.live.meeting, self.draft_style()
        draft = self.query_one("#draft", DraftView)
        self._draft_asked += 1
        if len(meeting.items) <= FIRST_ITEMS:
            self._drafting, self.draft_pending = None, False
            draft.show(draft_markdown(meeting, style))
            return
        self.draft_pending = True
        begin = partial(self._render_aside, self._draft_asked, meeting, style)
        if draft.parts:
            begin()
            return
        # the header and the first items (the last one rendered may end the draft) for the first
        # frame; the thread begins once the parts on screen are laid out, not to share the
        # processor with them
        first = replace(meeting, items=meeting.items[:FIRST_ITEMS])
        draft.show_parts(split_parts(draft_markdown(first, style))[:FIRST_ITEMS], more=True)
        draft.when_drawn(begin)

    def _render_aside(self, asked: int, meeting: Meeting, style: HouseStyle | None) -> None:
        if asked != self._draft_asked:  # a later draft was asked for meanwhile
            return
        draft = self.query_one("#draft", DraftView)
        work = partial(prepare_draft, meeting, style, lambda: draft.width)
        self._drafting = self.run_worker(work, thread=True, exclusive=True, group="draft")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker is self._drafting and event.state is WorkerState.SUCCESS and worker.result is not None:
            self._drafting, self.draft_pending = None, False
            parts, width, heights = worker.result
            guessed = {(part, width): height for part, height in zip(parts, heights, strict=False)}
            self.query_one("#draft", DraftView).show_parts(parts, guessed)  # ({} when no width was known)

    def proposal_rows(self) -> list[ReviewProblem]:
        """The corrections proposed in reading copies and not yet decided, as rows of the list."""
        from referent.readinground.attendance import PART, ROW_WORDS
        from referent.readinground.bringing import conflicts
        from referent.readinground.changes import describe

        proposals = self.reading.proposals()
        paired = conflicts(proposals)
        rows = []
        for proposal in proposals:
            if proposal.status != "open" or proposal.item_id not in self.live.item_ids:
                continue
            who = ", ".join(proposal.authors) or t("unknown reviewer")
            attendance = proposal.part == PART
            row = f"{t(ROW_WORDS.get(proposal.before, proposal.before))}: " if attendance else ""
            detail = f"{who}: {row}{describe(proposal.old, proposal.new)}"
            if proposal.kind in ("untracked", "moved"):
                detail += f" [{t(proposal.kind)}]"
            if proposal.id in paired:
                detail += f" [{t('conflicts with another proposal')}]"
            index = None if attendance else self.live.item_ids.index(proposal.item_id)
            rows.append(ReviewProblem(ProblemKind.PROPOSAL, index, detail, proposal.id))
        return rows

    def changes_text(self) -> Text:
        """Every correction proposed in a reading copy, against the words as sent and (when the
        item was changed since) against the words now; then every item the chair changed since
        the review began. All as word diffs."""
        text = self.reading.proposals_text(self.live.meeting)
        snapshot = self.live.review_snapshot()
        for index, item in enumerate(self.live.meeting.items):
            before = snapshot.get(index, "")
            if before == item.minutes:
                continue
            text.append(f"\n{index + 1}. {item.title}\n", style="bold")
            text.append(diff_text(before, item.minutes))
            text.append("\n")
        return text if text else Text(t("No changes since the review began."), style="dim italic")

    # --- the reading round -------------------------------------------------------------

    def action_bring_in(self) -> None:
        """Bring in a reading copy returned from Word: its changes become proposed corrections."""
        if self.refused(self.live, in_review=True):
            return

        def bring(name: str) -> None:
            message, severity = self.reading.bring_in(name, self.draft_style())
            self.notify(message, severity=severity, markup=False, timeout=10)
            self.refresh_review()

        dialog = TextDialog(t("Bring in a reading copy"), t("The returned copy (.docx)"),
                            required=t("Type the copy's file name."))  # fmt: skip
        self.ask(dialog, bring)

    def highlighted_proposal(self) -> int | None:
        problem = self.highlighted_problem()
        if problem is None or problem.kind is not ProblemKind.PROPOSAL:
            self.notify(t("Highlight a proposed correction first."), severity="warning")
            return None
        return problem.position

    def action_accept_proposal(self) -> None:
        chosen = self.highlighted_proposal()
        if chosen is not None and not self.refused(self.live, in_review=True):
            self.decided(self.reading.accept([chosen], self.draft_style()))

    def action_reject_proposal(self) -> None:
        chosen = self.highlighted_proposal()
        if chosen is not None and not self.refused(self.live, in_review=True):
            self.reading.reject(chosen)
            self.notify(t("The proposed correction is rejected."))
            self.refresh_review()

    def action_accept_person(self) -> None:
        chosen = self.highlighted_proposal()
        if chosen is not None and not self.refused(self.live, in_review=True):
            self.decided(self.reading.accept(self.reading.same_reviewer(chosen), self.draft_style()))

    def decided(self, outcome: tuple[int, int, list[str]]) -> None:
        accepted, not_applied, reasons = outcome
        self.notify(tn("1 correction accepted.", "{count} corrections accepted.", accepted))
        if not_applied:
            self.notify(
                tn("1 correction no longer fits the words now: decide it by hand.",
                   "{count} corrections no longer fit the words now: decide them by hand.", not_applied),
                severity="warning",
            )  # fmt: skip
        for reason in reasons:  # an attendance line that names nobody, or several
            self.notify(reason, severity="warning", markup=False, timeout=10)
        self.refresh_review()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.go_to(self.problems[int(event.option.id or 0)])

    def highlighted_problem(self) -> ReviewProblem | None:
        highlighted = self.query_one("#problems", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.problems):
            return self.problems[highlighted]
        return None

    def action_go_to_problem(self) -> None:
        problem = self.highlighted_problem()
        if problem is not None:
            self.go_to(problem)

    def go_to(self, problem: ReviewProblem) -> None:
        """Open what fixes ``problem``: the attendance, the item in the editor, or the clock."""
        if problem.kind in (ProblemKind.NO_ATTENDANCE, ProblemKind.UNMARKED):
            from referent.ui.screens.attendance import AttendanceScreen

            self.referent.push_screen(AttendanceScreen(self.live), lambda _: self.refresh_review())
        elif problem.kind is ProblemKind.NOT_CLOSED:
            self.ask_for_the_end()
        elif problem.kind is ProblemKind.PROPOSAL:  # the word diff shows it
            self.showing_changes = False
            self.action_toggle_changes()
        elif problem.item is not None:
            self.dismiss(problem.item)

    def ask_for_the_end(self) -> None:
        """The meeting's end, recorded afterwards: when did it end? (Not "now": the review
        may be held the next morning.)"""
        if self.refused(self.live, in_review=True):
            return

        def close(end: time) -> None:
            self.live.close_meeting(at=end)
            self.refresh_review()

        label = t("Ended at (offered: the planned end of the last item taken up)")
        self.ask(TimeDialog(t("When did the meeting end?"), label, self.live.suggested_end()), close)

    # --- the chair's actions -----------------------------------------------------------

    def action_toggle_changes(self) -> None:
        """Show the chair's changes or the draft; both are up to date, so only swap them."""
        self.showing_changes = not self.showing_changes
        self.query_one("#draft").display = not self.showing_changes
        self.query_one("#changes-pane").display = self.showing_changes

    def action_comment(self) -> None:
        if self.live.open_elsewhere and self.refused(self.live):
            return  # comments are welcome on approved minutes: they are never exported

        def add(note: ItemNote) -> None:
            self.live.add_comment(note.index, note.text, who=self.live.meeting.chair)
            self.refresh_review()

        count, current = len(self.live.item_ids), self.live.current
        dialog = ItemNoteDialog(
            t("Comment"), t("Comment for the secretary"), count, current, required=t("Type the comment.")
        )
        self.ask(dialog, add)

    def action_comment_done(self) -> None:
        """The secretary has dealt with the highlighted comment of the chair."""
        problem = self.highlighted_problem()
        if problem is None or problem.kind is not ProblemKind.COMMENT:
            self.notify(t("Highlight one of the chair's comments first, then press x."), severity="warning")
            return
        if self.live.open_elsewhere and self.refused(self.live):
            return
        assert problem.item is not None and problem.position is not None
        self.live.set_comment_done(problem.item, problem.position)
        self.notify(t("The comment is marked as dealt with."))
        self.refresh_review()

    def action_remark(self) -> None:
        if self.refused(self.live, in_review=True):
            return

        def add(answer: ItemRemark) -> None:
            self.live.add_remark(answer.index, answer.remark.who, answer.remark.text)
            self.refresh_review()

        self.ask(RemarkDialog(len(self.live.item_ids), self.live.current), add)

    def action_history(self) -> None:
        from referent.ui.dialogs.history import HistoryDialog

        def show(index: int) -> None:
            self.referent.push_screen(HistoryDialog(self.live, index), lambda _: self.refresh_review())

        self.ask(ItemDialog(t("History"), len(self.live.item_ids), self.live.current), show)

    def action_next_agenda(self) -> None:
        from referent.ui.screens.review_next import write_next_agenda

        write_next_agenda(self)

    def action_approve(self) -> None:
        meeting = self.live.meeting
        if meeting.approved:
            self.notify(t("The minutes are approved already, by {name}.", name=meeting.approvals[-1].by))
            return
        if self.refused(self.live, in_review=True):
            return
        to_fix = [p for p in self.problems if not p.is_reminder]

        def ask_name(anyway: bool) -> None:
            def approve(name: str) -> None:
                self.live.approve(name, with_problems=anyway)
                self.notify(t("Approved by {name}.", name=name), markup=False)
                self.refresh_review()

            # the chair, else whoever approved last time (a meeting file need not name a chair)
            name = meeting.chair or (meeting.approvals[-1].by if meeting.approvals else "")
            required = t("A name is needed: who approves the minutes?")
            self.ask(TextDialog(t("Approve the minutes"), t("Approved by"), name, required=required), approve)

        if not to_fix:
            ask_name(False)
            return
        question = tn("1 problem is still listed.", "{count} problems are still listed.", len(to_fix))
        confirm = ConfirmDialog(question, t("Approve anyway"), safe_no=True)
        self.ask(confirm, lambda yes: ask_name(True) if yes else None)

    def action_reopen(self) -> None:
        if not self.live.meeting.approved:
            self.notify(t("The minutes are not approved: there is nothing to reopen."), severity="warning")
            return
        if self.live.open_elsewhere and self.refused(self.live):
            return

        def reopen(reason: str) -> None:
            self.live.reopen(reason)
            self.notify(t("Reopened for correction."))
            self.refresh_review()

        required = t("A reason is needed: it is printed with each correction.")
        self.ask(TextDialog(t("Reopen for correction"), t("Reason"), required=required), reopen)

    def action_back(self) -> None:
        self.dismiss(None)


PreparedDraft = tuple[list[str], int, list[int]]
"""The draft's parts, and the width their heights were estimated at (none when 0)."""


def draft_markdown(meeting: Meeting, style: HouseStyle | None) -> str:
    from referent.export import render

    return render(meeting, format="md", style=style)[0].decode("utf-8")


def prepare_draft(meeting: Meeting, style: HouseStyle | None, width: Callable[[], int]) -> PreparedDraft:
    """In a thread: the draft cut into parts, and their heights at the width the draft has by
    then (the first frame has laid it out while the draft was rendered)."""
    parts = split_parts(draft_markdown(meeting, style))
    at = width()
    return parts, at, [estimate_height(part, at) for part in parts] if at else []
