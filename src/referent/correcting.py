"""The correction screen's work, without the screen: a draft's Word file read again with the
secretary's corrections, one correction at a time, and the draft brought to follow them.

A correction changes how the document is *read*, never the document: each one is a new
reading (``read``, a plain function a worker thread can run), and accepting them brings
that reading into the draft the way an updated agenda file is brought in
(``agendamerge``), so minutes typed under an item stay with it. The corrections are kept
with the draft (``Store.update_agenda``), and every later reading of the file applies them
again (``sources.draft_for_file``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING

from referent.importing import file_digest, read_agenda_bytes
from referent.importing.sniff import WORD_SUFFIXES, file_kind
from referent.store import Store

if TYPE_CHECKING:  # the reader (and python-docx) only once a document is read
    from referent.agendamerge import AgendaUpdate
    from referent.importing.word.corrections import Corrections, Placed, Role
    from referent.importing.word.reader import WordAgenda
    from referent.model import Meeting


@dataclass(frozen=True)
class WordSource:
    """A draft's Word file as it is now."""

    path: Path
    data: bytes
    digest: str
    meeting: int | None
    """Which meeting of the file the draft is, when the file holds several."""
    changed: bool = False
    """The file changed since the draft last followed it: accepting brings its changes in too."""


def is_word_file(path: str) -> bool:
    """A file the draft was made from that can only be a Word agenda (by its name: cheap)."""
    return bool(path) and Path(path).suffix.lower() in WORD_SUFFIXES


def word_source(store: Store, meeting_id: int) -> WordSource | None:
    """The draft's Word file as it is now; None when the draft was not made from a Word file.
    Raises ``MeetingFileError`` when the file cannot be read (gone, unreadable)."""
    name = store.source_path(meeting_id)
    if not is_word_file(name):
        return None
    path = Path(name)
    data = read_agenda_bytes(path)
    if file_kind(data) != "zip":
        return None
    digest = file_digest(data)
    changed = digest != store.source_digest(meeting_id)
    return WordSource(path, data, digest, store.source_meeting(meeting_id), changed)


def kept_corrections(store: Store, meeting_id: int) -> Corrections:
    """The corrections kept with the draft (none: an empty ``Corrections``)."""
    from referent.importing.word.corrections import Corrections

    return Corrections.from_json(store.reading_corrections(meeting_id))


def read(source: WordSource, corrections: Corrections) -> WordAgenda:
    """The document read with ``corrections``; raises ``MeetingFileError`` when they leave it
    unreadable (no item left). Touches no database: a worker thread may run it."""
    from referent.importing.word.reader import parse_word_agenda

    return parse_word_agenda(
        source.data,
        str(source.path),
        source.path.stem,
        meeting=source.meeting,
        corrections=corrections,
        whole_when_none=True,  # a draft may be of a document whose items are not marked yet
    )


def bring_into_draft(
    store: Store, meeting_id: int, source: WordSource, corrections: Corrections, meeting: Meeting
) -> AgendaUpdate:
    """The draft follows ``meeting`` (the document read with ``corrections``), and keeps the
    corrections; everything recorded stays with its item or person. Refused (``ApprovedMinutes``)
    for approved minutes."""
    from referent.agendamerge import plan_update

    update = plan_update(store.load_meeting(meeting_id), meeting, store.items_from_file(meeting_id))
    kept = "" if corrections.empty else corrections.to_json()
    if update.empty:
        store.keep_reading_corrections(meeting_id, kept, source.digest)
    else:
        store.update_agenda(meeting_id, update, source.digest, kept)
    return update


@dataclass
class Correcting:
    """The corrections made on the screen so far, each a step that can be undone."""

    kept: Corrections
    """As kept with the draft when the screen opened."""
    corrections: Corrections = field(init=False)
    history: list[Corrections] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.corrections = self.kept

    @property
    def changed(self) -> bool:
        """Something is corrected that is not kept yet."""
        return self.corrections != self.kept

    def change(self, corrections: Corrections) -> bool:
        """One correction more (False when it changes nothing)."""
        if corrections == self.corrections:
            return False
        self.history.append(self.corrections)
        self.corrections = corrections
        return True

    def undo(self) -> bool:
        """Take back the last correction (False when there is none)."""
        if not self.history:
            return False
        self.corrections = self.history.pop()
        return True

    # --- the corrections the screen's keys make ---------------------------------------------

    def role(self, paragraph: Placed, role: Role) -> bool:
        """The paragraph is an item, text, a header line or a participant (an item keeps the
        title the secretary gave it)."""
        from referent.importing.word.corrections import Role

        title = next(
            (m.title for m in self.corrections.marks if (m.key, m.nth) == (paragraph.key, paragraph.nth)), ""
        )
        return self.change(
            self.corrections.marked(paragraph.key, paragraph.nth, role, title if role is Role.ITEM else "")
        )

    def as_read(self, paragraph: Placed) -> bool:
        """The paragraph is read as the reader reads it: the secretary's mark is taken away."""
        return self.change(self.corrections.unmarked(paragraph.key, paragraph.nth))

    def retitle(self, heading: Placed, title: str) -> bool:
        """The item headed by ``heading`` is called ``title`` (empty: as the paragraph says)."""
        from referent.importing.word.corrections import Role

        return self.change(self.corrections.marked(heading.key, heading.nth, Role.ITEM, title))

    def meeting_title(self, title: str) -> bool:
        return self.change(replace(self.corrections, title=title))

    def meeting_date(self, day: date | None) -> bool:
        return self.change(replace(self.corrections, date=day))

    def start(self, start: time | None) -> bool:
        """The meeting's planned start (None: as read)."""
        return self.change(replace(self.corrections, start=start))

    def end(self, end: time | None) -> bool:
        """The meeting's planned end (None: as read)."""
        return self.change(replace(self.corrections, end=end))


def parse_day(text: str, year: int) -> date:
    """A date as a secretary types it: ``6.9.2023``, ``6/9 2023``, ``6. september 2023``,
    ``2023-09-06``; without a year, in ``year``. Raises ``ValueError``."""
    from referent.dates import iso_date, parse_when

    found = iso_date(text)
    if found is not None:
        return found
    when = parse_when(text)
    day = when.on(when.year or year) if when.has_date else None
    if day is None:
        raise ValueError(text)
    return day


def item_heading(placed: list[Placed], paragraph: Placed) -> Placed | None:
    """The paragraph that heads the item ``paragraph`` is or belongs to."""
    from referent.importing.word.corrections import Role

    if paragraph.item is None:
        return None
    return next((p for p in placed if p.role is Role.ITEM and p.item == paragraph.item), None)


def uncertain_after(placed: list[Placed], index: int, direction: int) -> int | None:
    """The next uncertain paragraph after ``index`` in ``direction`` (round the end), or None."""
    count = len(placed)
    for step in range(1, count + 1):
        candidate = (index + direction * step) % count
        if placed[candidate].uncertain:
            return candidate
    return None
