"""The status line: meeting clock, time on the item, attendance counts, last save."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual.widgets import Static

from referent.danish import format_time
from referent.live import LiveMeeting, ReadOnly
from referent.ui.i18n import t


class StatusLine(Static):
    """Meeting clock, time on the item against its slot, attendance counts, last save.

    Asked to show itself every second and after every autosave, it changes about once a minute:
    only a change is drawn, and without laying the screen out again (it is one line high, its
    width is the screen's). A layout measures every widget on the screen and costs the key
    typed meanwhile; at the end of a long paragraph it also redrew the editor's scroll bar."""

    _shown: Text | None = None

    def show(self, live: LiveMeeting, now: datetime, saved_at: datetime | None, save_error: str = "") -> None:
        meeting = live.meeting
        parts: list[Text] = []
        reason = live.read_only_reason
        if reason is ReadOnly.APPROVED:  # locked until reopened in the review
            parts.append(Text(t("APPROVED"), style="bold reverse green"))
        elif reason is not None:  # another referent has it open, or the database cannot be written
            parts.append(Text(t("READ-ONLY"), style="bold reverse red"))
        if meeting.actual_end:
            parts.append(Text(f"{t('Meeting')} {t('closed')} {format_time(meeting.actual_end)}"))
        elif meeting.actual_start:
            started = datetime.combine(now.date(), meeting.actual_start, now.tzinfo)
            parts.append(Text(f"{t('Meeting')} {_duration(now - started)}"))
        else:
            parts.append(Text(f"{t('Meeting')} {t('not started')}", style="dim"))
        parts.append(self._item_clock(live, now))
        present, absent, unknown = live.counts()
        counts = f"{present} {t('present')} · {absent} {t('absent')}"
        if unknown:
            counts += f" · {unknown} ?"
        parts.append(Text(counts))
        if save_error:  # the text is on screen only: say so where the eye goes
            parts.append(Text(t("NOT SAVED"), style="bold reverse red"))
        else:
            saved = (  # any change saved in this session (the text, attendance, an outcome …)
                f"{t('saved')} {saved_at.astimezone().strftime('%H:%M')}" if saved_at else t("no changes yet")
            )
            parts.append(Text(saved, style="dim"))
        text = Text(" │ ").join(parts)
        if text != self._shown:
            self._shown = text
            self.update(text, layout=False)

    @staticmethod
    def _item_clock(live: LiveMeeting, now: datetime) -> Text:
        item = live.item
        label = f"{t('Item')} {live.current + 1}:"
        spent = live.time_spent(live.current)
        if not live.started or live.closed or spent is None:
            return Text(
                label, style="dim"
            )  # no clock before the meeting, after it, or before the item is taken up
        if item.start and item.end:
            planned = datetime.combine(now.date(), item.end) - datetime.combine(now.date(), item.start)
            text = Text(f"{label} {_duration(spent)}/{_duration(planned)}")
            if spent > planned:
                text.append(f" {t('over by')} {_duration(spent - planned)}", style="bold white on red")
            return text
        return Text(f"{label} {_duration(spent)}")


def _duration(span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds()) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"
