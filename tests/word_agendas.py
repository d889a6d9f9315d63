"""Word agendas as councils write them, built with python-docx for the reader's tests.

referent's own export is one layout among many. ``build_agenda(meeting, Layout(...))``
writes the same meeting the way other agendas do: the header as a table or as lines, with
or without colons; items as headings (English, lower-case or Danish style names, a custom
style with only an outline level) or as bold paragraphs; numbered by typed text or by
Word's automatic numbering on the paragraph or on the style; time slots after the title,
in brackets or on their own line; presenters as ``v /``, ``v/``, ``Ved:``, ``Oplæg ved``,
``Ansvarlig:``; section labels plain, bold or as headings; recommendation points and
attachments as Word lists or typed markers; and the style names and run formatting of
Word, LibreOffice and Google Docs. Nothing here uses referent's reader or exporter.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, time

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from referent.danish import MONTHS, WEEKDAYS
from referent.export.blocks import ListBlock, Paragraph, Span, Table, parse_blocks
from referent.model import Attendance, Item, Meeting, Numbering, Participant

W_NS = nsdecls("w")


@dataclass(frozen=True)
class Layout:
    """How one agenda is written. Every choice is a form found in real council agendas."""

    header: str = "table"  # table | lines | tabs | spaces | titled (Title paragraph, unlabelled date line)
    labels: str = "default"  # default: Møde/Tid/Sted; nord: Mødedato/Tidspunkt/Mødested
    date: str = (
        "long"  # long: Mandag den 13. marts 2023 kl. 14.30 – 16.30; noyear: Mandag d. 13. marts kl. …;
    )
    # numeric: 13.03.2023, kl. 14:30-16:30
    absences: str = "list"  # list: an Afbud row as well; inline: (afbud) after the name
    breaks: bool = False  # participants in one table cell separated by line breaks, not paragraphs
    items: str = "heading"  # heading | bold | outline (a custom style with only an outline level)
    dialect: str = (
        "word"  # word | danish (ids Overskrift1) | localized (names "Overskrift 1") | libreoffice | google
    )
    numbering: str = (
        "typed."  # typed. | typed) | punkt | auto (numPr on the paragraph) | auto-style (on the style)
    )
    slot: str = "dash"  # dash: – kl. 14.35 – 15.00; paren: (kl. 14.35-15.00); line: on a line of its own
    presenter: str = "v / "  # v / | v/ | Ved: | Oplæg ved | Ansvarlig:
    section_labels: str = "plain"  # plain | bold | heading
    case_label: bool = False  # "Sagsfremstilling" before the case text
    recommendation: str = (
        "word"  # word | typed | label (Indstilling label + intro) | bullets (label + bullets)
    )
    attachments: str = "word"  # word | typed | numbered
    attachments_first: bool = False  # Bilag before the recommendation
    lists: str = "word"  # case-text lists: word | typed
    closed: str = "line"  # line: a bold "Lukket punkt" under the heading; title: "(lukket punkt)" after it
    kind_word: bool = False  # "Dagsorden" printed at the very top
    minutes: str = "Referat:"  # the label of an item's minutes (written when the meeting has them)


STYLE_IDS = {
    "word": ("Heading1", "heading 1", "Heading2", "heading 2", "ListParagraph", "Title"),
    "danish": ("Overskrift1", "heading 1", "Overskrift2", "heading 2", "Listeafsnit", "Titel"),
    "localized": ("Overskrift1", "Overskrift 1", "Overskrift2", "Overskrift 2", "Listeafsnit", "Titel"),
    "libreoffice": ("Heading1", "Heading 1", "Heading2", "Heading 2", "ListParagraph", "Title"),
    "google": ("Heading1", "heading 1", "Heading2", "heading 2", "Normal", "Title"),
}
PRESENTERS = {"v / ": "v / {}", "v/ ": "v/ {}", "Ved:": "Ved: {}", "Oplæg ved": "Oplæg ved {}",
              "Ansvarlig:": "Ansvarlig: {}"}  # fmt: skip


def danish_date(meeting: Meeting, form: str) -> str:
    day, start, end = meeting.date, meeting.start, meeting.end
    weekday = WEEKDAYS[day.weekday()].capitalize()
    span = ""
    if start is not None:
        separator = ":" if form == "numeric" else "."
        clock = lambda t: f"{t.hour:02d}{separator}{t.minute:02d}"  # noqa: E731
        span = f"kl. {clock(start)}" + (f"-{clock(end)}" if end and form != "long" else "")
        if end and form == "long":
            span += f" – {clock(end)}"
    if form == "noyear":
        text = f"{weekday} d. {day.day}. {MONTHS[day.month - 1]}"
    elif form == "numeric":
        text = f"{day.day:02d}.{day.month:02d}.{day.year}"
    else:
        text = f"{weekday} den {day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{text}, {span}" if span and form == "numeric" else f"{text} {span}".strip()


def person_line(person: Participant, layout: Layout, *, with_absence: bool) -> str:
    text = person.name + (f", {person.role}" if person.role else "")
    notes = [person.marker] if person.marker else []
    if with_absence and person.attendance is Attendance.ABSENT:
        notes.append("afbud" + (f" – {person.substitute} deltager i stedet" if person.substitute else ""))
    if with_absence and person.attendance is Attendance.REMOTE:
        notes.append("via Teams")
    return text + (f" ({', '.join(notes)})" if notes else "")


def absence_line(person: Participant) -> str:
    line = person.name + (f", {person.role}" if person.role else "")
    return line + (f" – {person.substitute} deltager i hendes sted" if person.substitute else "")


def _clock(value: time) -> str:
    return f"{value.hour:02d}.{value.minute:02d}"


class _Builder:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.document = docx.Document()
        self.body = self.document.element.body
        self.ids = STYLE_IDS[layout.dialect]
        self.numbering = self.document.part.numbering_part.element
        self.next_num = 900
        self._styles()
        self.bullets = self._abstract("bullet", "●" if layout.dialect == "google" else "\uf0b7")
        self.decimal = self._abstract("decimal", "%1.")
        self.letters = self._abstract("lowerLetter", "%1)")
        self.bullet_num = self._num(self.bullets)

    # -- styles and numbering --------------------------------------------------------------
    def _styles(self) -> None:
        styles = self.document.styles.element
        renames = {"Heading1": self.ids[:2], "Heading2": self.ids[2:4], "Title": (self.ids[5], "Title")}
        if self.layout.dialect != "google":
            renames["ListParagraph"] = (self.ids[4], "List Paragraph")
        for style in styles.iterfind(qn("w:style")):
            old = style.get(qn("w:styleId"))
            if old in renames:
                new_id, new_name = renames[old]
                style.set(qn("w:styleId"), new_id)
                style.find(qn("w:name")).set(qn("w:val"), new_name)
                if self.layout.dialect in ("localized", "libreoffice"):  # no outline level to lean on
                    for outline in style.iter(qn("w:outlineLvl")):
                        outline.getparent().remove(outline)
        for based in styles.iter(qn("w:basedOn")):
            if based.get(qn("w:val")) in renames:
                based.set(qn("w:val"), renames[based.get(qn("w:val"))][0])
        if self.layout.items == "outline":  # a council template's own item style
            styles.append(
                parse_xml(
                    f'<w:style {W_NS} w:type="paragraph" w:customStyle="1" w:styleId="Punktoverskrift">'
                    '<w:name w:val="Punktoverskrift"/><w:basedOn w:val="Normal"/>'
                    '<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
                )
            )
        if self.layout.numbering == "auto-style":
            self.item_num = self._num(self._abstract("decimal", "%1."))
            target = "Punktoverskrift" if self.layout.items == "outline" else self.ids[0]
            for style in styles.iterfind(qn("w:style")):
                if style.get(qn("w:styleId")) == target:
                    ppr = style.find(qn("w:pPr"))
                    if ppr is None:
                        ppr = parse_xml(f"<w:pPr {W_NS}/>")
                        style.append(ppr)
                    ppr.insert(0, parse_xml(f'<w:numPr {W_NS}><w:numId w:val="{self.item_num}"/></w:numPr>'))
        elif self.layout.numbering == "auto":
            self.item_num = self._num(self._abstract("decimal", "%1."))

    def _abstract(self, fmt: str, text: str) -> int:
        abstract_id = 500 + len(self.numbering.findall(qn("w:abstractNum")))
        levels = "".join(
            f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text.replace("%1", f"%{lvl + 1}")}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (lvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for lvl in range(9)
        )
        node = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>')
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(node)
        else:
            self.numbering.append(node)
        return abstract_id

    def _num(self, abstract_id: int, restart: bool = False) -> int:
        self.next_num += 1
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        self.numbering.append(
            parse_xml(
                f'<w:num {W_NS} w:numId="{self.next_num}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{override}</w:num>"
            )
        )
        return self.next_num

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(
        self,
        content: str | list[Span],
        style: str = "",
        *,
        bold: bool = False,
        num: tuple[int, int] | None = None,
        parent: object = None,
    ) -> object:
        paragraph = (parent or self.document).add_paragraph()
        if style:
            paragraph._p.style = style
        if num is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(
                parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
            )
        spans = [Span(content, bold=bold)] if isinstance(content, str) else content
        for span in spans:
            for index, piece in enumerate(span.text.split("\n")):
                run = paragraph.add_run()
                if index:
                    run.add_break()
                run.add_text(piece)
                if span.bold:
                    self._on(run, "w:b")
                if span.italic:
                    self._on(run, "w:i")
                if self.layout.dialect == "google":  # Google writes every run's font and size
                    rpr = run._r.get_or_add_rPr()
                    rpr.insert(0, parse_xml(f'<w:rFonts {W_NS} w:ascii="Arial" w:hAnsi="Arial"/>'))
        return paragraph

    def _on(self, run: object, tag: str) -> None:
        rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
        value = ' w:val="1"' if self.layout.dialect == "google" else ""
        rpr.append(parse_xml(f"<{tag} {W_NS}{value}/>"))

    def label(self, text: str) -> None:
        """A section label: plain, bold or a heading; with the colon unless it is a heading."""
        form = self.layout.section_labels
        if form == "heading":
            self.paragraph(text.rstrip(":"), self.ids[2])
        else:
            self.paragraph(text, bold=form == "bold")

    # -- the document ---------------------------------------------------------------------------
    def build(self, meeting: Meeting) -> bytes:
        layout = self.layout
        if layout.kind_word:
            self.paragraph("Dagsorden", self.ids[5])
        self.header(meeting)
        for number, item in enumerate(meeting.items, start=1):
            self.item(meeting, number, item)
        properties = self.document.core_properties
        properties.title, properties.comments, properties.author = "", "", "Sekretariatet"
        properties.created = datetime(meeting.date.year, meeting.date.month, 1, 9, 0)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def header(self, meeting: Meeting) -> None:
        layout = self.layout
        nord = layout.labels == "nord"
        when = danish_date(meeting, layout.date)
        rows: list[tuple[str, list[str]]] = []
        if layout.header == "titled":
            self.paragraph(meeting.title, self.ids[5])
            self.paragraph(when, bold=True)
        else:
            rows.append(("Møde", [meeting.title]))
            if nord:
                date_only = when.split(" kl.")[0].rstrip(",")
                rows.append(("Mødedato", [date_only]))
                if meeting.start:
                    rows.append(("Tidspunkt", ["kl. " + when.split(" kl. ")[1]]))
            else:
                rows.append(("Tid" if meeting.start else "Dato", [when]))
        if meeting.location:
            rows.append(("Mødested" if nord else "Sted", [meeting.location]))
        if meeting.chair:
            rows.append(("Mødeleder", [meeting.chair]))
        inline = layout.absences == "inline"
        rows.append(("Deltagere", self.people(meeting.participants, inline)))
        absent = [p for p in meeting.participants if p.attendance is Attendance.ABSENT]
        if absent and not inline:
            rows.append(("Afbud", [absence_line(p) for p in absent]))
        if meeting.guests:
            rows.append(("Gæster", self.people(meeting.guests, inline)))
        if meeting.secretary:
            rows.append(("Referent", [meeting.secretary]))
        if layout.header == "table":
            table = self.document.add_table(rows=len(rows), cols=2)
            for row, (label, lines) in zip(table.rows, rows, strict=True):
                row.cells[0].paragraphs[0].add_run(label).bold = True
                cell = row.cells[1]
                cell._tc.remove(cell.paragraphs[0]._p)
                if layout.breaks:
                    self.paragraph("\n".join(lines), parent=cell)
                else:
                    for line in lines:
                        self.paragraph(line, parent=cell)
            self.paragraph("")
            return
        separator = {"lines": ": ", "tabs": "\t", "spaces": " ", "titled": ": "}[layout.header]
        for label, lines in rows:
            if len(lines) == 1 and label not in ("Deltagere", "Gæster", "Afbud"):
                self.paragraph(f"{label}{separator}{lines[0]}")
            else:
                self.paragraph(label + (":" if separator.strip() else ""), bold=True)
                for line in lines:
                    self.paragraph(line)

    def people(self, people: list[Participant], inline: bool) -> list[str]:
        lines: list[str] = []
        group = ""
        for person in people:
            if person.group != group:
                group = person.group
                lines.append(group)
            lines.append(person_line(person, self.layout, with_absence=inline))
        return lines

    def item(self, meeting: Meeting, number: int, item: Item) -> None:
        layout = self.layout
        prefix = {"typed.": f"{number}. ", "typed)": f"{number}) ", "punkt": f"Punkt {number}: "}.get(
            layout.numbering, ""
        )
        title = prefix + item.title
        if item.closed and layout.closed == "title":
            title += " (lukket punkt)"
        slot = ""
        if item.start:
            end = f"{_clock(item.end)}" if item.end else ""
            if layout.slot == "dash":
                slot = f" – kl. {_clock(item.start)}" + (f" – {end}" if end else "")
            elif layout.slot == "paren":
                slot = f" (kl. {_clock(item.start)}" + (f"-{end}" if end else "") + ")"
        style = {"heading": self.ids[0], "outline": "Punktoverskrift", "bold": ""}[layout.items]
        num = (self.item_num, 0) if layout.numbering == "auto" else None
        self.paragraph(title + slot, style, bold=layout.items == "bold", num=num)
        if item.closed and layout.closed == "line":
            self.paragraph("Lukket punkt", bold=True)
        if item.start and layout.slot == "line":
            self.paragraph(f"kl. {_clock(item.start)}" + (f"-{_clock(item.end)}" if item.end else ""))
        if item.presenter:
            self.paragraph(PRESENTERS[layout.presenter].format(item.presenter))
        if item.case.strip():
            if layout.case_label:
                self.label("Sagsfremstilling")
            self.blocks(parse_blocks(item.case))
        if layout.attachments_first:
            self.attachments(item)
        self.recommendation(meeting, item)
        if not layout.attachments_first:
            self.attachments(item)
        if item.minutes.strip():
            self.label(layout.minutes)
            self.blocks(parse_blocks(item.minutes))

    def recommendation(self, meeting: Meeting, item: Item) -> None:
        rec, layout = item.recommendation, self.layout
        if rec.short:
            if layout.section_labels == "plain":
                self.paragraph(f"Indstilling: {rec.short}")
            else:
                self.label("Indstilling:")
                self.paragraph(rec.short)
        if not rec.points:
            return
        letters = rec.numbering is Numbering.LETTERS
        if layout.recommendation == "bullets":
            self.label("Indstilling:")
            for point in rec.points:
                self.paragraph(point, self.ids[4], num=(self.bullet_num, 0))
            return
        if layout.recommendation == "label":
            self.label("Indstilling:")
        self.paragraph(meeting.recommendation_intro(item))
        if layout.recommendation == "typed":
            for index, point in enumerate(rec.points):
                self.paragraph(f"{rec.label(index)}{')' if letters else '.'} {point}")
            return
        num = self._num(self.letters if letters else self.decimal, restart=True)
        for point in rec.points:
            self.paragraph(point, self.ids[4], num=(num, 0))

    def attachments(self, item: Item) -> None:
        if not item.attachments:
            return
        form = self.layout.attachments
        self.label("Bilag:")
        num = self._num(self.decimal, restart=True) if form == "numbered" else self.bullet_num
        for attachment in item.attachments:
            if form == "typed":
                self.paragraph(f"- {attachment}" if self.layout.dialect == "google" else f"• {attachment}")
            else:
                self.paragraph(attachment, self.ids[4], num=(num, 0))

    def blocks(self, blocks: list[object], level: int = 0) -> None:
        for block in blocks:
            if isinstance(block, ListBlock):
                self.list(block, level)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Paragraph):
                if block.kind == "heading":
                    self.paragraph("".join(s.text for s in block.spans), self.ids[2])
                else:
                    self.paragraph(block.spans)

    def list(self, block: ListBlock, level: int) -> None:
        num = self._num(self.decimal, restart=True) if block.ordered else self.bullet_num
        for index, entry in enumerate(block.items, start=block.start):
            for inner in entry:
                if isinstance(inner, ListBlock):
                    self.list(inner, level + 1)
                elif isinstance(inner, Paragraph):
                    if self.layout.lists == "typed":
                        marker = f"{index}. " if block.ordered else "• "
                        self.paragraph([Span("\t" * level + marker), *inner.spans])
                    else:
                        self.paragraph(inner.spans, self.ids[4], num=(num, level))

    def table(self, block: Table) -> None:
        rows = [block.header, *block.rows]
        table = self.document.add_table(rows=len(rows), cols=len(block.header))
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, spans in zip(row.cells, cells, strict=False):
                cell._tc.remove(cell.paragraphs[0]._p)
                bold = row is table.rows[0]
                self.paragraph([Span(s.text, bold or s.bold, s.italic) for s in spans], parent=cell)


def build_agenda(meeting: Meeting, layout: Layout | None = None) -> bytes:
    """The .docx bytes of ``meeting`` written as an agenda in ``layout``."""
    return _Builder(layout or Layout()).build(meeting)
