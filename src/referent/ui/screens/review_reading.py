"""The reading round in the review: bring in a returned copy, show and decide its corrections.

The screen's keys call these; the work is ``referent.readinground``'s. A correction is shown
as a word diff of the words as sent, and, when the item was changed in referent after the copy
was sent, also of the words now (or that it no longer fits them): typed words are never
overwritten silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.text import Text

from referent.live import LiveMeeting
from referent.ui.i18n import t, tn
from referent.ui.widgets.diff import diff_text

if TYPE_CHECKING:
    from referent.export.style import HouseStyle
    from referent.model import Meeting
    from referent.store.readinground import StoredProposal

Severity = Literal["information", "warning", "error"]


class ReadingRoundView:
    """The reading round of the meeting ``live`` has open."""

    def __init__(self, live: LiveMeeting) -> None:
        self.live = live

    def proposals(self) -> list[StoredProposal]:
        return self.live.store.proposals(self.live.meeting_id)

    def bring_in(self, name: str, style: HouseStyle | None = None) -> tuple[str, Severity]:
        """Bring in the copy at ``name``: what was found (or why not), and how to show it
        (``style``: the meeting's, which wrote the attendance lines)."""
        from referent.importing import read_agenda_bytes
        from referent.problems import MeetingFileError
        from referent.readinground.bringing import ReadingRoundError, bring_in, locate, say_ignored

        path = Path(name.strip().strip("'\"")).expanduser()
        try:
            data = read_agenda_bytes(path)
            located = locate(self.live.store, path, data, self.live.meeting_id)
            brought = bring_in(self.live.store, located, style)
        except (ReadingRoundError, MeetingFileError) as error:
            return str(error), "error"
        lines = [
            t("{name}: {changes} ({new} new), {comments}.", name=path.name,
              changes=tn("1 proposed correction", "{count} proposed corrections", len(brought.proposals)),
              new=brought.new, comments=tn("1 comment added", "{count} comments added", brought.comments)),
        ]  # fmt: skip
        if brought.done:
            lines.append(
                tn("1 of them has nothing left to decide (decided already, or the text reads so now).",
                   "{count} of them have nothing left to decide (decided already, or the text reads "
                   "so now).", len(brought.done))
            )  # fmt: skip
        if len(brought.proposals) > len(brought.done):
            keys = "Y accepts the highlighted correction, R rejects it, P accepts all from its reader; "
            lines.append(t(keys + "D shows them word by word."))
        lines += [t("ignored: {what}", what=say_ignored(entry)) for entry in brought.ignored]
        return "\n".join(lines), "warning" if brought.ignored else "information"

    def accept(self, ids: list[int], style: HouseStyle | None = None) -> tuple[int, int, list[str]]:
        """Accept the proposals ``ids``: how many were applied, how many were not, and why not
        where an attendance line says why (``style``: the meeting's, for the words of an outcome
        or attendance line)."""
        from referent.i18n import said
        from referent.readinground.bringing import NotApplied, accept

        wanted = {proposal.id: proposal for proposal in self.proposals() if proposal.status == "open"}
        accepted = missed = 0
        reasons: list[str] = []
        for chosen in ids:
            if chosen not in wanted:
                continue
            try:
                accept(self.live.store, wanted[chosen], style)
                accepted += 1
            except NotApplied as error:
                missed += 1
                if error.reason:
                    reasons.append(said(error.reason))
        if accepted:
            self.live.reload()  # attendance accepted is the meeting's, not an item's
        return accepted, missed, reasons

    def reject(self, chosen: int) -> None:
        from referent.readinground.bringing import reject

        proposal = next((p for p in self.proposals() if p.id == chosen), None)
        if proposal is not None:
            reject(self.live.store, proposal)

    def same_reviewer(self, chosen: int) -> list[int]:
        """Every open proposal of the reviewers of proposal ``chosen``."""
        proposals = self.proposals()
        first = next((p for p in proposals if p.id == chosen), None)
        if first is None:
            return []
        names = set(first.authors)
        return [p.id for p in proposals if p.status == "open" and names & set(p.authors)]

    def proposals_text(self, meeting: Meeting) -> Text:
        """Each open proposal as a word diff: of the words as sent, and of the words now when
        the item was changed since."""
        from referent.readinground.attendance import PART, ROW_WORDS
        from referent.readinground.changes import apply

        text = Text()
        item_ids = self.live.item_ids
        for proposal in self.proposals():
            if proposal.status != "open" or proposal.item_id not in item_ids:
                continue
            if proposal.part == PART:  # an attendance line: the line as sent and as proposed
                who = ", ".join(proposal.authors) or t("unknown reviewer")
                kind = f" [{t(proposal.kind)}]" if proposal.kind == "untracked" else ""
                row = t(ROW_WORDS.get(proposal.before, proposal.before))
                text.append(f"\n{t('The header block')} · {row} · {who}{kind}\n", style="bold")
                text.append(diff_text(proposal.old, proposal.new))
                text.append("\n")
                continue
            index = item_ids.index(proposal.item_id)
            item = meeting.items[index]
            who = ", ".join(proposal.authors) or t("unknown reviewer")
            kind = f" [{t(proposal.kind)}]" if proposal.kind in ("untracked", "moved") else ""
            label = {"title": t("title"), "minutes": t("minutes")}.get(proposal.part, t("outcome"))
            text.append(f"\n{index + 1}. {item.title} · {label} · {who}{kind}\n", style="bold")
            sent = proposal.sent
            as_sent = apply(sent, proposal.old, proposal.new, proposal.before, proposal.after)
            text.append(f"{t('As sent')}: ", style="dim")
            text.append(diff_text(sent, as_sent) if as_sent is not None else Text(sent))
            text.append("\n")
            now = item.title if proposal.part == "title" else item.minutes
            if proposal.part != "outcomes" and self._changed_since(proposal, now):
                fitted = apply(now, proposal.old, proposal.new, proposal.before, proposal.after)
                text.append(f"{t('Now')}: ", style="dim")
                if fitted is None:
                    gone = t("the words have changed since the copy was sent; this correction no longer fits")
                    text.append(gone, style="italic yellow")
                else:
                    text.append(diff_text(now, fitted))
                text.append("\n")
        return text

    def _changed_since(self, proposal: StoredProposal, now: str) -> bool:
        """Whether the item's words were changed in referent after the copy was sent."""
        if proposal.copy_id is None:
            return False
        kept = self.live.store.reading_copy(proposal.copy_id)
        if kept is None:
            return False
        for entry in kept.sent.get("items", {}).values():
            if entry.get("id") == proposal.item_id:
                return bool(entry.get(proposal.part) != now)
        return False
