"""Word agendas the reader gets wrong, written the way a secretary writes them in Word.

Shared by the tests of the correction screen and of the corrections kept with a draft. Nothing
here uses referent's reader or exporter.
"""

from __future__ import annotations

from pathlib import Path

import docx


class Agenda:
    """A .docx written paragraph by paragraph: Word's Title and Heading 1 styles, bold lines."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.document.core_properties.comments = ""

    def p(self, text: str, style: str | None = None, *, bold: bool = False) -> Agenda:
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(text).bold = bold or None
        return self

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


def board_agenda(updated: bool = False) -> Agenda:
    """A board's agenda the reader gets wrong: the board's two members are plain lines under
    the place (read as loose text, uncertain) and the chair's briefing is a bold line, not a
    heading (read as text of item 2). The ``updated`` version, as the chair sends it a week
    later: a line added under item 1 and item 2's case text reworded."""
    agenda = (
        Agenda()
        .p("Bestyrelsesmøde i Skovbrynet", "Title")
        .p("Dato: 5. september 2023 kl. 19.00-21.00")
        .p("Sted: Fælleshuset, Birkevej 2")
        .p("Jens Hansen, formand")
        .p("Mette Holm, kasserer")
        .p("1. Godkendelse af dagsorden", "Heading 1")
        .p("Dagsordenen godkendes.")
    )
    if updated:
        agenda.p("Husk at melde afbud til formanden.")
    agenda.p("2. Regnskab 2022", "Heading 1")
    agenda.p(
        "Kassereren gennemgår det reviderede regnskab." if updated else "Kassereren gennemgår regnskabet."
    )
    agenda.p("Orientering fra formanden", bold=True)
    agenda.p("Formanden orienterer om vejen.")
    agenda.p("Bilag", "Heading 1")
    agenda.p("Regnskab 2022.pdf")
    agenda.p("3. Eventuelt", "Heading 1")
    return agenda


def three_meetings() -> Agenda:
    """A year's board meetings in one file: three headers, each with its own date and items."""
    agenda = Agenda()
    for day, first in (
        ("5. september 2023", "Velkommen"),
        ("3. oktober 2023", "Budget 2024"),
        ("7. november 2023", "Julefrokost"),
    ):
        agenda.p("Bestyrelsesmøde", "Title").p(f"Dato: {day} kl. 19.00")
        agenda.p(f"1. {first}", "Heading 1").p("Tekst.").p("2. Eventuelt", "Heading 1")
    return agenda
