"""The correction screen: how a Word agenda was read, put right with single keys.

Left, the document's paragraphs, each with what the reading made of it (an item and its
number, text of the item above, a header line, a participant) and a question mark where the
reader was unsure; right, the meeting as read. A key on the selected paragraph corrects its
role; each correction reads the document again in a worker (a 40-page agenda takes a few
tenths of a second), so the keys never wait. Enter brings the corrected reading into the
draft and keeps the corrections with it, so that the next version of the file is read the
same way; Esc goes on to the minutes without them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from functools import partial
from typing import TYPE_CHECKING, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from referent.correcting import Correcting, WordSource, item_heading, kept_corrections, read, uncertain_after
from referent.danish import format_time, parse_time
from referent.i18n import said, spoken_date
from referent.importing.word.corrections import Placed, Role
from referent.problems import MeetingFileError
from referent.store import Store
from referent.ui.base import ReferentScreen
from referent.ui.dialogs.form import Field, FormDialog, Invalid, TextDialog
from referent.ui.i18n import t, tn
from referent.ui.widgets.keyhints import KeyHints
from referent.ui.widgets.lines import TextLines
from referent.ui.widgets.paragraphs import ParagraphList

if TYPE_CHECKING:
    from referent.importing.word.corrections import Corrections
    from referent.importing.word.reader import WordAgenda
    from referent.model import Meeting

ValueT = TypeVar("ValueT")


@dataclass(frozen=True)
class Typed(Generic[ValueT]):
    """A dialog's answer that may be "as read" (None): a cancelled dialog answers nothing at all."""

    value: ValueT | None


class DayDialog(FormDialog[Typed[date]]):
    """The meeting's date, as a secretary types it; empty: as read."""

    def __init__(self, shown: date) -> None:
        label = t("Date (e.g. 6.9.2023 or 6. september 2023; empty: as read)")
        super().__init__(
            t("The meeting's date"), [Field("day", label, f"{shown.day}.{shown.month}.{shown.year}")]
        )
        self.year = shown.year

    def answer(self, values: Mapping[str, str]) -> Typed[date]:
        from referent.correcting import parse_day

        if not values["day"]:
            return Typed(None)
        try:
            return Typed(parse_day(values["day"], self.year))
        except ValueError:
            raise Invalid(
                "day", t("'{value}' is not a date: write it as 6.9.2023.", value=values["day"])
            ) from None


class ClockDialog(FormDialog[Typed[time]]):
    """A time of day (14.30; 14:30 is understood too); empty: as read."""

    def __init__(self, title: str, shown: time | None) -> None:
        label = t("Time (e.g. 14.30; empty: as read)")
        super().__init__(title, [Field("time", label, format_time(shown) if shown else "", "14.30")])

    def answer(self, values: Mapping[str, str]) -> Typed[time]:
        if not values["time"]:
            return Typed(None)
        try:
            return Typed(parse_time(values["time"]))
        except ValueError:
            message = t("'{value}' is not a time of day: write it as 14.30.", value=values["time"])
            raise Invalid("time", message) from None


ROLE_WORDS = {
    Role.ITEM: "an item",
    Role.TEXT: "text",
    Role.HEADER: "a line of the header",
    Role.PARTICIPANT: "a participant",
}


class ReadingScreen(ReferentScreen, Screen[bool]):
    """Dismissed with True when the draft now follows the corrected reading, False otherwise."""

    BINDINGS = [
        Binding("f1", "help", "Help", id="reading_help"),
        Binding(
            "enter",
            "accept",
            "Accept",
            tooltip="Accept the reading and go on to the minutes",
            id="reading_accept",
        ),
        Binding(
            "escape",
            "leave",
            "Skip",
            tooltip="Go on to the minutes without these corrections",
            id="reading_leave",
        ),
        Binding("i", "role('item')", "Item", tooltip="Make the paragraph an item", id="reading_item"),
        Binding(
            "t", "role('text')", "Text", tooltip="Not an item: text of the item above", id="reading_text"
        ),
        Binding(
            "h",
            "role('header')",
            "Header",
            tooltip="A line of the header (title, date, place)",
            id="reading_header",
        ),
        Binding("p", "role('participant')", "Person", tooltip="A participant", id="reading_participant"),
        Binding(
            "c",
            "as_read",
            "As read",
            tooltip="As the reader read it (your mark taken away)",
            id="reading_as_read",
            show=False,
        ),
        Binding("r", "retitle", "Retitle", tooltip="Retitle the item", id="reading_retitle", show=False),
        Binding("m", "meeting_title", "Title", tooltip="The meeting's title", id="reading_title", show=False),
        Binding("d", "date", "Date", tooltip="The meeting's date", id="reading_date", show=False),
        Binding("s", "start", "Start", tooltip="When the meeting starts", id="reading_start", show=False),
        Binding("e", "end", "End", tooltip="When the meeting ends", id="reading_end", show=False),
        Binding(
            "n",
            "uncertain(1)",
            "Next ?",
            tooltip="Next uncertain paragraph",
            id="reading_next_uncertain",
            show=False,
        ),
        Binding(
            "N",
            "uncertain(-1)",
            "Previous ?",
            tooltip="Previous uncertain paragraph",
            id="reading_previous_uncertain",
            show=False,
        ),
        Binding(
            "u,ctrl+z", "undo", "Undo", tooltip="Undo the last correction", id="reading_undo", show=False
        ),
    ]

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        source: WordSource,
        first: bool = False,
        reading: WordAgenda | None = None,
    ) -> None:
        """``reading``: ``source`` already read with the corrections kept with the draft (the
        reading made when the draft was imported): shown at once, not read again."""
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.source = source
        self.first = first
        """Shown on opening, before the minutes (typing at once goes past it: see the app)."""
        self.correcting = Correcting(kept_corrections(store, meeting_id))
        self.reading: WordAgenda | None = None
        self.read_with: Corrections | None = None
        """The corrections ``reading`` was read with."""
        self.made = reading
        self.lines_of: WordAgenda | None = None
        """The reading the meeting pane shows the lines of."""
        self.line_of_item: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="reading-main"):
            yield ParagraphList(id="paragraphs")
            yield TextLines(id="reading-meeting")
        yield Static(id="reading-detail")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one(ParagraphList).focus()
        self.query_one("#reading-meeting").can_focus = False
        self.show_title()
        if self.made is not None:
            made, self.made = self.made, None
            self.took(self.correcting.corrections, made)
        else:
            self.read_again()

    # --- reading, in a worker ---------------------------------------------------------------

    @property
    def reading_now(self) -> bool:
        return self.read_with != self.correcting.corrections

    def read_again(self) -> None:
        """Read the document with the corrections as they are now; the last reading asked for wins."""
        corrections = self.correcting.corrections
        self.run_worker(
            partial(_read, self.source, corrections),
            thread=True,
            exclusive=True,
            group="reading",
            exit_on_error=False,
        )
        self.show_title()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "reading":
            return
        if event.state is WorkerState.ERROR:  # a fault in the reader: said, the reading kept as it was
            self.notify(
                t("The document could not be read again: {error}", error=worker.error),
                severity="error",
                timeout=20,
                markup=False,
            )
            self.take_back()
            return
        if event.state is not WorkerState.SUCCESS or worker.result is None:
            return
        corrections, result = worker.result
        if corrections != self.correcting.corrections:
            return  # a reading asked for before the last correction: another is on its way
        if isinstance(result, MeetingFileError):
            problem = "; ".join(said(problem.message) for problem in result.problems)
            if self.reading is None:  # the first reading: there is nothing to correct
                self.notify(
                    t("The agenda file cannot be read: {problem}", problem=problem),
                    severity="error",
                    timeout=20,
                    markup=False,
                )
                self.dismiss(False)
                return
            self.notify(t("Not so: {problem}", problem=problem), severity="warning", timeout=15, markup=False)
            self.take_back()
            return
        self.took(corrections, result)

    def took(self, corrections: Corrections, result: WordAgenda) -> None:
        """Show a reading made with ``corrections`` (the current ones)."""
        first = self.reading is None
        self.reading, self.read_with = result, corrections
        self.show_reading()
        if first and result.stale:
            from referent.ui.app import stale_notice

            self.notify(stale_notice(len(result.stale)), severity="warning", timeout=20, markup=False)

    def take_back(self) -> None:
        """The last correction could not be read: it is undone, and the reading shown stays."""
        self.correcting.undo()
        if self.reading_now:
            self.read_again()
        self.show_title()

    # --- what is shown ----------------------------------------------------------------------

    def show_reading(self) -> None:
        assert self.reading is not None
        paragraphs = self.query_one(ParagraphList)
        paragraphs.show(self.reading.placed)
        self.show_title()
        self.show_selected()

    def show_title(self) -> None:
        parts = [t("How the agenda was read: {name}", name=self.source.path.name)]
        if self.reading is not None:
            if self.reading.meetings > 1 and self.source.meeting:
                parts.append(
                    t("meeting {number} of {count}", number=self.source.meeting, count=self.reading.meetings)
                )
            doubts = sum(1 for p in self.reading.placed if p.uncertain)
            if doubts:
                parts.append(tn("1 uncertain (n)", "{count} uncertain (n)", doubts))
            if self.reading.stale:
                parts.append(
                    tn(
                        "1 correction no longer applies",
                        "{count} corrections no longer apply",
                        len(self.reading.stale),
                    )
                )
        steps = len(self.correcting.history)
        if steps:
            parts.append(tn("1 correction", "{count} corrections", steps))
        if self.source.changed:
            parts.append(t("the file has changed: Enter brings its changes in"))
        if self.reading_now:
            parts.append(t("reading…"))
        self.query_one("#title-bar", Static).update(Text(" " + " · ".join(parts)))

    def show_selected(self) -> None:
        """The selected paragraph in full, and the meeting with its item marked."""
        placed = self.query_one(ParagraphList).selected
        detail = Text(no_wrap=False)
        if placed is not None:
            detail.append(f"¶{placed.paragraph} · ", style="dim")
            detail.append(self.describe(placed), style="bold")
            mark = self.mark_of(placed)
            if mark is not None and mark is not placed.role:  # the reader could not do it here
                detail.append(
                    " · " + t("marked {role}: not possible here", role=t(ROLE_WORDS[mark])),
                    style="bold yellow",
                )
            elif placed.marked:
                detail.append(" · " + t("your correction"), style="cyan")
            detail.append("\n")
            if placed.uncertain:
                detail.append("? ", style="bold black on yellow")
                detail.append(said(placed.uncertain), style="yellow")
            else:
                detail.append(placed.text)
        self.query_one("#reading-detail", Static).update(detail)
        self.show_meeting(
            placed.item if placed is not None and placed.role in (Role.ITEM, Role.TEXT) else None
        )

    def mark_of(self, placed: Placed) -> Role | None:
        """The role the secretary gave the paragraph in the reading shown (None: the reader's)."""
        marks = self.read_with.marks if self.read_with is not None else ()
        return next((m.role for m in marks if (m.key, m.nth) == (placed.key, placed.nth)), None)

    def describe(self, placed: Placed) -> str:
        if placed.role is Role.ITEM:
            return t("item {number}", number=placed.item)
        if placed.role is Role.TEXT:
            if placed.item is None:
                return t("not part of this meeting")
            return t("text of item {number}", number=placed.item)
        return t(ROLE_WORDS[placed.role])

    def show_meeting(self, item: int | None) -> None:
        """The meeting as read: title, when, where, participants in their groups, the items."""
        if self.reading is None:
            return
        pane = self.query_one("#reading-meeting", TextLines)
        if self.lines_of is not self.reading:  # made once a reading (a line per item), not every move
            notes = [said(w.message) for w in self.reading.warnings if not w.paragraph]
            lines, self.line_of_item = meeting_lines(self.reading.meeting, notes)
            pane.show(lines)
            self.lines_of = self.reading
        pane.highlight(self.line_of_item.get(item) if item is not None else None)

    def on_paragraph_list_moved(self, event: ParagraphList.Moved) -> None:
        self.show_selected()

    # --- the corrections --------------------------------------------------------------------

    def selected(self) -> Placed | None:
        return self.query_one(ParagraphList).selected if self.reading is not None else None

    def corrected(self, changed: bool, move_on: bool = False) -> None:
        if changed:
            self.read_again()
        if move_on:
            paragraphs = self.query_one(ParagraphList)
            paragraphs.select(paragraphs.cursor + 1)

    def action_role(self, role: str) -> None:
        placed = self.selected()
        if placed is not None:
            self.corrected(self.correcting.role(placed, Role(role)), move_on=True)

    def action_as_read(self) -> None:
        placed = self.selected()
        if placed is not None:
            if not placed.marked and not any(
                (m.key, m.nth) == (placed.key, placed.nth) for m in self.correcting.corrections.marks
            ):
                self.notify(t("This paragraph is read as the reader read it."), timeout=5)
            self.corrected(self.correcting.as_read(placed), move_on=True)

    def action_retitle(self) -> None:
        placed = self.selected()
        if placed is None or self.reading is None:
            return
        heading = item_heading(self.reading.placed, placed)
        if heading is None or heading.item is None:
            self.notify(t("This paragraph is in no item: make it an item first (i)."), severity="warning")
            return
        title = self.reading.meeting.items[heading.item - 1].title
        dialog = TextDialog(
            t("Title of item {number}", number=heading.item), t("Title (empty: as the paragraph says)"), title
        )
        self.ask(dialog, lambda answer: self.corrected(self.correcting.retitle(heading, answer)))

    def action_meeting_title(self) -> None:
        if self.reading is not None:
            dialog = TextDialog(
                t("The meeting's title"), t("Title (empty: as read)"), self.reading.meeting.title
            )
            self.ask(dialog, lambda answer: self.corrected(self.correcting.meeting_title(answer)))

    def action_date(self) -> None:
        if self.reading is not None:
            self.ask(
                DayDialog(self.reading.meeting.date),
                lambda answer: self.corrected(self.correcting.meeting_date(answer.value)),
            )

    def action_start(self) -> None:
        if self.reading is not None:
            self.ask(
                ClockDialog(t("When the meeting starts"), self.reading.meeting.start),
                lambda answer: self.corrected(self.correcting.start(answer.value)),
            )

    def action_end(self) -> None:
        if self.reading is not None:
            self.ask(
                ClockDialog(t("When the meeting ends"), self.reading.meeting.end),
                lambda answer: self.corrected(self.correcting.end(answer.value)),
            )

    def action_uncertain(self, direction: int) -> None:
        if self.reading is None:
            return
        paragraphs = self.query_one(ParagraphList)
        found = uncertain_after(self.reading.placed, paragraphs.cursor, direction)
        if found is None:
            self.notify(t("Nothing here is uncertain."), timeout=5)
        else:
            paragraphs.select(found)

    def action_undo(self) -> None:
        if self.correcting.undo():
            self.read_again()
        else:
            self.notify(t("There is no correction to undo."), timeout=5)

    # --- going on ---------------------------------------------------------------------------

    def action_accept(self) -> None:
        """The draft follows the reading as corrected, and keeps the corrections."""
        from referent.correcting import bring_into_draft
        from referent.store import ApprovedMinutes, DatabaseError, ReadOnlyDatabase

        if not self.correcting.changed and not self.source.changed:
            self.dismiss(False)
            return
        corrections = self.correcting.corrections
        reading = self.reading
        if reading is None or self.read_with != corrections:  # still reading: read it now
            try:
                reading = read(self.source, corrections)
            except MeetingFileError as error:
                self.notify(str(error), severity="error", timeout=20, markup=False)
                return
        try:
            update = bring_into_draft(self.store, self.meeting_id, self.source, corrections, reading.meeting)
        except (ApprovedMinutes, ReadOnlyDatabase, DatabaseError) as error:
            self.notify(str(error), severity="error", timeout=30, markup=False)
            return
        if update.changes:
            self.notify(
                tn(
                    "The draft follows the corrected reading (1 change); everything recorded is kept.",
                    "The draft follows the corrected reading ({count} changes); everything recorded is kept.",
                    len(update.changes),
                )
            )
        self.dismiss(True)

    def action_leave(self) -> None:
        """On to the minutes as the draft is; corrections not accepted are asked about first."""
        if not self.correcting.changed:
            self.dismiss(False)
            return
        from referent.ui.dialogs.choice import ConfirmDialog

        question = tn(
            "Go on to the minutes without your correction?",
            "Go on to the minutes without your {count} corrections?",
            len(self.correcting.history),
        )
        dialog = ConfirmDialog(question, t("Yes, without them"), t("No, stay here"), safe_no=True)

        def answered(leave: bool) -> None:
            if leave:
                self.dismiss(False)

        self.ask(dialog, answered)


def _read(source: WordSource, corrections: Corrections) -> tuple[Corrections, WordAgenda | MeetingFileError]:
    """One reading, for the worker: with the corrections it was read with, or why it failed."""
    try:
        return corrections, read(source, corrections)
    except MeetingFileError as error:
        return corrections, error


def meeting_lines(meeting: Meeting, notes: list[str]) -> tuple[list[tuple[str, str]], dict[int, int]]:
    """The meeting as read, one ``(text, style)`` line each; and the line of each item."""
    lines: list[tuple[str, str]] = []

    def line(content: str, style: str = "") -> None:
        lines.append((content, style))

    line(meeting.title, "bold")
    line(spoken_date(meeting.date))
    if meeting.start is not None:
        line(format_time(meeting.start) + (f"–{format_time(meeting.end)}" if meeting.end is not None else ""))
    if meeting.location:
        line(meeting.location)
    for note in notes:
        line(f"? {note}", "yellow")
    line("")
    people = meeting.participants
    line(tn("1 participant", "{count} participants", len(people)), "bold")
    group = ""
    for person in people:
        if person.group and person.group != group:
            line(f" {person.group}", "italic")
            group = person.group
        line("  " + person.name + (f", {person.role}" if person.role else ""))
    if meeting.guests:
        line(tn("1 guest", "{count} guests", len(meeting.guests)), "bold")
        for guest in meeting.guests:
            line("  " + guest.name + (f", {guest.role}" if guest.role else ""))
    line("")
    line(tn("1 item:", "{count} items:", len(meeting.items)), "bold")
    where: dict[int, int] = {}
    width = len(str(len(meeting.items)))
    for number, entry in enumerate(meeting.items, start=1):
        where[number] = len(lines)
        line(f" {number:>{width}}. {entry.title}")
    return lines, where
