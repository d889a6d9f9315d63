"""N in the review, once the minutes are approved: the next meeting's agenda, beside them.

The same agenda ``referent next`` writes (``nextagenda.from_store``), as a meeting file and as a
Word agenda in the meeting's house style, named by date and body in the folder the minutes'
exports go to; an agenda already there is never written over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from referent.ui.i18n import t

if TYPE_CHECKING:
    from referent.ui.screens.review import ReviewScreen


def write_next_agenda(screen: ReviewScreen) -> None:
    from referent.export import StyleError, WriteError, default_filename, export_meeting, meeting_style
    from referent.nextagenda import from_store

    live = screen.live
    if not live.meeting.approved:
        screen.notify(t("The next agenda is made from approved minutes: approve them first (A)."),
                      severity="warning")  # fmt: skip
        return
    made = from_store(live.store, live.meeting_id)
    folder = screen.referent.export_folder(live.meeting_id)
    outs = [folder / default_filename(made.meeting, agenda=True, format=kind) for kind in ("toml", "docx")]
    there = [out for out in outs if out.exists()]
    if there:
        screen.notify(t("{path}: already exists; nothing was written", path=there[0]), severity="error",
                      markup=False)  # fmt: skip
        return
    try:
        style = meeting_style(made.meeting, screen.referent.settings.styles)
        for out in outs:
            export_meeting(made.meeting, out, format=out.suffix[1:], agenda=True,
                           style=None if out.suffix == ".toml" else style)  # fmt: skip
    except (StyleError, WriteError) as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    written = "\n".join(str(out) for out in outs)
    note = (
        ""
        if made.date_from_minutes
        else "\n" + t("The minutes give no date for the next meeting: correct it.")
    )
    screen.notify(t("The next agenda:") + "\n" + written + note, timeout=15, markup=False)
