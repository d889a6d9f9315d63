"""The agenda on the left of the live screen: one row per item, its state at a glance."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from referent.danish import format_time
from referent.model import ItemStatus, Meeting

STATE_MARKS = {
    ItemStatus.PENDING: ("·", "dim"),
    ItemStatus.TAKEN: ("✓", "green"),
    ItemStatus.POSTPONED: ("↷", "yellow"),
    ItemStatus.WITHDRAWN: ("✗", "red"),
}


class AgendaList(OptionList):
    """The agenda: number, state mark, title and planned time. Items with minutes are bold."""

    can_focus = False  # the editor keeps the focus; items are reached with keys or the mouse

    def show(self, meeting: Meeting, current: int) -> None:
        options = []
        for index, item in enumerate(meeting.items):
            has_minutes = bool(item.minutes.strip())
            mark, style = ("▶", "bold reverse") if index == current else STATE_MARKS[item.status]
            line = Text(f"{mark} ", style=style)
            title_style = "bold" if has_minutes else "dim" if item.status is ItemStatus.WITHDRAWN else ""
            line.append(f"{index + 1}. {item.title}", style=title_style)
            if item.closed:
                line.append(" 🔒", style="magenta")
            if item.start:
                line.append(f" · {format_time(item.start)}", style="dim")
            options.append(Option(line, id=f"item-{index}"))
        self.set_options(options)
        self.highlighted = current
