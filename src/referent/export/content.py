"""What the document says, worded in the house style, before any file format is chosen.

The Word and the text writers lay out the same ``DocumentView``, so the two can never
disagree on who attended or how an item is headed. Every text passes through a
``Cleaner`` here, which removes what Word's XML cannot hold and remembers where.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from referent.danish import EN_DASH, format_date
from referent.export import when
from referent.export.header import HeaderRow, Line, build_header, opening_lines
from referent.export.style import HouseStyle, item_order
from referent.model import ActionItem, Item, ItemStatus, Meeting, Numbering
from referent.textclean import clean_text, forbidden_characters

__all__ = ["MEETING", "Cleaner", "DocumentView", "HeaderRow", "ItemView", "Line", "Removal", "build_view"]
POINT_FORMS = {Numbering.NUMBERS: "numbers", Numbering.LETTERS: "letters", Numbering.BULLETS: "bullets"}

MEETING = "mødets oplysninger"


@dataclass(frozen=True)
class Removal:
    """Characters dropped from one part of the meeting (``where``), for telling the user."""

    where: str
    characters: list[str]

    def describe(self) -> str:
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in self.characters}))
        count = len(self.characters)
        noun = "character" if count == 1 else "characters"
        return f"{self.where}: removed {count} {noun} Word cannot hold ({codes})"


class Cleaner:
    """``clean_text`` that also records what it removed, per part of the meeting."""

    def __init__(self) -> None:
        self.where = MEETING
        self.removed: dict[str, list[str]] = {}

    def __call__(self, text: str) -> str:
        bad = forbidden_characters(text)
        if bad:
            self.removed.setdefault(self.where, []).extend(bad)
        return clean_text(text)

    def removals(self) -> list[Removal]:
        return [Removal(where, chars) for where, chars in self.removed.items()]


@dataclass
class RemarkView:
    """A protocol remark: the bold attribution, then the text word for word."""

    label: str
    paragraphs: list[str]
    """Plain text, not Markdown; a single line break inside a paragraph is kept as one."""


@dataclass
class MinutesView:
    """The ``Referat:`` section of an item."""

    label: str
    notes: list[str]
    text: str
    """The minutes in Markdown."""
    outcomes: list[str]
    actions_label: str
    actions: list[str]
    corrections: list[str] = field(default_factory=list)
    """``Rettet den 14. marts 2023: …``, one per correction after approval, after the text."""
    remarks: list[RemarkView] = field(default_factory=list)


@dataclass
class ItemView:
    number: int
    title: str
    heading: str
    closed_note: str = ""
    presenter: str = ""
    case: str = ""
    """The case text in Markdown."""
    short_label: str = ""
    short: str = ""
    recommendation_label: str = ""
    """``Indstilling:`` above the intro line, where the style has such a label."""
    intro: str = ""
    points: list[str] = field(default_factory=list)
    point_form: str = "numbers"
    """``numbers``, ``letters`` or ``bullets``."""
    attachments_label: str = ""
    attachments: list[str] = field(default_factory=list)
    attachment_form: str = "bullets"
    """``bullets``, ``numbers`` or ``inline`` (on the label's line)."""
    minutes: MinutesView | None = None
    order: tuple[str, ...] = ("case", "recommendation", "attachments", "minutes")
    """The parts under the heading and presenter line: in the item's own order, unless the
    style fixes one (``style.item_order``)."""


@dataclass
class DocumentView:
    kind: str
    """``minutes`` or ``agenda``."""
    title: str
    label: str
    """``Referat`` or ``Dagsorden``: the running header's word."""
    mark: str
    """After the label in the running header: ``UDKAST`` while the minutes are not approved
    (empty for agendas and approved minutes), or ``Til gennemlæsning`` for the reading round."""
    author: str
    opening: list[str]
    """Lines above the header, e.g. ``Referat`` and the body's name."""
    header_layout: str
    """``table`` or ``lines``."""
    header: list[HeaderRow]
    items: list[ItemView]
    summary_label: str
    summary: list[str]
    closing: list[str]
    approval: str
    """``Referatet er godkendt af … den …``: the last line of approved minutes, or empty."""
    number_suffix: str
    page_numbers: str
    removed: list[Removal]
    corrections: list[str] = field(default_factory=list)
    """``Rettet den …`` for changes after a reopening that are no item's (attendance, the
    header, the order of items), printed under the header."""
    part_marks: bool = False
    """Mark each item's parts with hidden bookmarks (the reading copy), so that the changes
    a reviewer makes in Word can be told apart by item and part (``referent.readinground``)."""


def build_view(
    meeting: Meeting, style: HouseStyle, *, agenda: bool, public: bool, for_review: bool = False
) -> DocumentView:
    """Word the (already filtered) meeting in ``style``; ``public`` shows closed items as such.

    ``for_review`` marks the copy for the reading round instead of as a draft. Comments
    (the chair's notes to the secretary) are never part of a view.
    """
    clean = Cleaner()
    header = build_header(meeting, style, agenda, clean)
    label = style.document.agenda if agenda else style.document.minutes
    opening = opening_lines(meeting, style, label, clean)
    suffix = style.items.numbering[-1]
    items: list[ItemView] = []
    summary: list[str] = []
    for number, item in enumerate(meeting.items, start=1):
        clean.where = f"punkt {number} ({clean_text(item.title).strip()[:40]})"
        view = _item(meeting, item, number, style, agenda, clean)
        if public and item.closed:
            view = ItemView(number, view.title, view.heading, closed_note=view.closed_note)
        items.append(view)
        if view.minutes and style.closing.actions_summary:
            summary += [f"{number}{suffix} {view.title}: {a}" for a in view.minutes.actions]
    clean.where = MEETING
    closing: list[str] = []
    approval_line = ""
    if not agenda:
        if style.closing.next_meeting and meeting.next_meeting.strip():
            # an empty label leaves the meeting's own sentence: "Næste møde i udvalget er 7. november."
            words = [style.labels.next_meeting.strip(), clean(meeting.next_meeting.strip())]
            closing.append(" ".join(word for word in words if word))
        values = {
            "chair": clean(meeting.chair),
            "secretary": clean(meeting.secretary),
            "date": format_date(meeting.date, weekday=False),
        }
        closing += [line.format(**values) for line in style.closing.lines]
        approval = meeting.approval
        if approval is not None and style.closing.approval:
            # approving with problems still listed is recorded, not published
            by = clean(approval.by.strip())
            approval_line = style.closing.approval.format(by=by, date=_day(approval.at))
    mark = "" if agenda or meeting.approved else style.document.draft
    if for_review and style.document.review:
        mark = style.document.review
    return DocumentView(
        kind="agenda" if agenda else "minutes",
        title=clean(meeting.title),
        label=label,
        mark=mark,
        author=clean(meeting.secretary),
        opening=opening,
        header_layout=style.header.layout,
        header=header,
        items=items,
        summary_label=style.labels.actions_summary,
        summary=summary,
        closing=closing,
        approval=approval_line,
        number_suffix=suffix,
        page_numbers=style.document.page_numbers,
        removed=clean.removals(),
        part_marks=for_review and not agenda,
        corrections=[]
        if agenda
        else [
            line for c in meeting.meeting_corrections if (line := _correction(c.at, c.reason, style, clean))
        ],
    )


def _item(
    meeting: Meeting, item: Item, number: int, style: HouseStyle, agenda: bool, clean: Cleaner
) -> ItemView:
    words, labels = style.items, style.labels
    title = clean(item.title.strip())
    heading = f"{number}{words.numbering[-1]} {title}"
    span = when.span(item.start, item.end, style.header)
    if words.time_slots and span:
        heading += f" {EN_DASH} {span}"
    view = ItemView(number=number, title=title, heading=heading, order=item_order(words, item.parts))
    view.closed_note = labels.closed if item.closed else ""
    if words.presenters and item.presenter.strip():
        view.presenter = f"{labels.presenter} {clean(item.presenter.strip())}"
    view.case = clean(item.case)
    rec = item.recommendation
    if rec.short.strip():
        view.short_label, view.short = labels.recommendation_short, clean(rec.short.strip())
    if rec.points or rec.intro.strip():
        view.recommendation_label = labels.recommendation.strip()
        view.intro = clean(meeting.recommendation_intro(item))
        view.points = [clean(p) for p in rec.points]
        view.point_form = POINT_FORMS[rec.numbering] if rec.numbering else words.recommendation_list
    if item.attachments:
        view.attachments_label = labels.attachments
        view.attachments = [clean(a) for a in item.attachments]
        view.attachment_form = words.attachment_list
    if not agenda:
        view.minutes = _minutes(item, style, clean)
    return view


def _minutes(item: Item, style: HouseStyle, clean: Cleaner) -> MinutesView:
    words = style.items
    text = clean(item.minutes)
    notes: list[str] = []
    status = {ItemStatus.POSTPONED: words.postponed, ItemStatus.WITHDRAWN: words.withdrawn}.get(
        item.status, ""
    )
    if status and status.lower().rstrip(".") not in text.lower():
        notes.append(status)
    notes += [words.conflict.format(name=clean(name)) for name in item.conflicts]
    rec = item.recommendation
    outcomes: list[str] = []
    for index, outcome in enumerate(rec.outcomes):
        if outcome is not None:
            point = rec.label(index)
            outcomes.append(
                words.outcome.format(point=point, outcome=getattr(style.outcomes, outcome.name.lower()))
            )
    actions = [_action(a, style, clean) for a in item.actions]
    corrections = [line for c in item.corrections if (line := _correction(c.at, c.reason, style, clean))]
    remarks = [
        RemarkView(style.labels.remark.format(who=clean(r.who.strip())), _paragraphs(clean(r.text)))
        for r in item.remarks
        if r.text.strip()
    ]
    return MinutesView(
        style.labels.minutes, notes, text, outcomes, style.labels.actions, actions, corrections, remarks
    )


def _day(moment: datetime) -> str:
    """``14. marts 2023``: the local date of a stamp (a stamp with a zone is converted first)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return format_date(moment.date(), weekday=False)


def _correction(at: datetime, reason: str, style: HouseStyle, clean: Cleaner) -> str:
    """``Rettet den 14. marts 2023: <reason>``; without a reason (or in the public version,
    which leaves it out) ``Rettet den 14. marts 2023.``: no dangling colon."""
    reason = " ".join(clean(reason).split())
    line = style.items.correction.format(date=_day(at), reason=reason)
    if reason:
        return line
    line = line.rstrip().rstrip(":;,\u2013-").rstrip()
    return line if line.endswith((".", ")", "!")) else f"{line}."


def _paragraphs(text: str) -> list[str]:
    """Paragraphs split at blank lines; the words and line breaks inside them as typed."""
    lines = [line.rstrip() for line in text.strip().replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return ["\n".join(p) for p in paragraphs if p]


def _action(action: ActionItem, style: HouseStyle, clean: Cleaner) -> str:
    details = []
    if action.who.strip():
        details.append(style.items.action_who.format(who=clean(action.who.strip())))
    if action.due.strip():
        details.append(style.items.action_due.format(due=clean(action.due.strip())))
    what = clean(action.what.strip())
    return f"{what} ({', '.join(details)})" if details else what
