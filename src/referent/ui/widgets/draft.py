"""The chair's draft as the minutes will read, drawn a part at a time as it comes into view.

One Markdown widget for the whole draft mounts about 13 widgets an item (5,000 for 400 items,
35 seconds) and lays them all out again whenever anything on the screen changes. Here the draft
is cut into parts, the header and then one part an item (at its ``## `` heading), and only the
parts on screen, with a screen above and below, are Markdown widgets; the parts before and after
them are two blank spacers of their height (measured once a part was drawn, else estimated from
its text). A part drawn alone looks exactly as it does in one widget for the whole draft: the
space Textual leaves between two blocks is the larger of their margins, and between two parts
the first block's top margin is made up for (see the CSS).

What waits for the parts on screen (drawing ahead, and whatever is handed to ``when_drawn``,
such as rendering the rest of a long draft in a thread) begins once they are mounted and laid
out: a thread started with the screen took half the processor from the first frame (Python
runs one thread at a time), and a part drawn ahead delayed it by its own layout. Being laid
out is the screen's refresh after every part drawn for it is mounted, not their height: a part
may lay out to no height at all. While the rest of a long draft is on its way (``more``),
nothing is drawn ahead either: a key pressed meanwhile shares the processor with the thread only.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.events import Mount
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Markdown

from referent.ui.textual_compat import (
    MarkdownBullet,
    MarkdownBulletList,
    MarkdownList,
    MarkdownOrderedList,
    MarkdownParagraph,
    build_markdown,
    pending_children,
)

HEADING = "## "
"""An item's part begins at its heading."""
_FENCE = re.compile(r"^(```|~~~)")
AHEAD_SCREENS = 1.0
"""Parts drawn ahead beyond what is on screen, above and below, in screen heights."""
AHEAD_DELAY = 0.05
"""Seconds of quiet before the next part is drawn ahead."""
KEEP_SCREENS = 3.0
"""Drawn parts further than this from the screen are given back to the spacers."""


def split_parts(markdown: str) -> list[str]:
    """The draft cut before each ``## `` heading (never inside a fenced code block)."""
    parts: list[str] = []
    current: list[str] = []
    fenced = False
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        if line.startswith(HEADING) and not fenced and current:
            parts.append("".join(current))
            current = []
        current.append(line)
    if current:
        parts.append("".join(current))
    return parts


def estimate_height(part: str, width: int) -> int:
    """Lines a part will take at ``width`` (its blocks wrapped, a blank line after each, two
    before a heading): the spacers' height until the part is drawn and measured."""
    room = max(8, width - 4)  # the Markdown widget's padding
    lines = 0
    for block in re.split(r"\n\s*\n", part.strip("\n")):
        rows = block.splitlines()
        if not rows:
            continue
        if rows[0].startswith("#"):
            lines += 3 + max(0, math.ceil(cell_len(rows[0].lstrip("# ")) / room) - 1)
            continue
        if rows[0].startswith("|"):
            lines += len(rows) + 2
            continue
        text_room = room - 2 if rows[0].lstrip()[:2] in ("- ", "* ") or rows[0][:1].isdigit() else room
        lines += sum(max(1, math.ceil(cell_len(row) / text_room)) for row in rows) + 1
    return max(1, lines)


def plain_rows(rows: list[Widget]) -> list[Widget] | None:
    """Textual's list rows, a ``Horizontal(bullet, Vertical(paragraph))`` an item, as the
    bullets and paragraphs of a two-column grid: two widgets an item instead of four. None
    where an item holds more than one paragraph (or a list): those keep Textual's rows."""
    cells: list[Widget] = []
    for row in rows:
        children = pending_children(row)
        if len(children) != 2 or not isinstance(children[0], MarkdownBullet):
            return None
        blocks = pending_children(children[1])
        if len(blocks) != 1 or type(blocks[0]) is not MarkdownParagraph:
            return None
        cells += [children[0], blocks[0]]
    return cells


def plain_list(widget: MarkdownList, rows: list[Widget]) -> list[Widget]:
    """``rows`` as a grid where every item is one paragraph (the ``-plain`` class); else as
    they are. (The two lists below are each a subclass of Textual's own: Textual's CSS follows
    the first base class only, and theirs gives the list its margins.)"""
    cells = plain_rows(rows)
    if cells is None:
        return rows
    widget.add_class("-plain")
    return cells


PLAIN_CSS = """
{name}.-plain {{
    layout: grid;
    grid-size: 2;
    grid-columns: auto 1fr;
    grid-rows: auto;
    height: auto;
}}
"""


class PlainBulletList(MarkdownBulletList):
    """A list whose every item is one paragraph (the participants, the attachments) drawn as a
    grid with Textual's own bullets. It looks the same; a list of 30 participants was 120 of
    the header's 170 widgets, and every layout of the review's screen lays each out again."""

    DEFAULT_CSS = PLAIN_CSS.format(name="PlainBulletList")

    def compose(self) -> ComposeResult:
        yield from plain_list(self, list(super().compose()))


class PlainOrderedList(MarkdownOrderedList):
    """A recommendation's points: as ``PlainBulletList``, with Textual's own numbers."""

    DEFAULT_CSS = PLAIN_CSS.format(name="PlainOrderedList")

    def compose(self) -> ComposeResult:
        yield from plain_list(self, list(super().compose()))


class DraftPart(Markdown):
    """One part of the draft, built when it is mounted: Textual's Markdown parses in a thread
    and mounts its blocks later, but a part that comes into view is drawn in the same frame."""

    DEFAULT_CSS = """
    DraftPart.-follows > MarkdownHeader:first-child { margin: 1 0 1 0; }
    """
    BLOCKS = {**Markdown.BLOCKS, "bullet_list_open": PlainBulletList, "ordered_list_open": PlainOrderedList}

    def __init__(self, index: int, part: str) -> None:
        super().__init__(classes="-follows" if index else "")
        self.index = index
        self.part = part

    def compose(self) -> ComposeResult:
        yield from build_markdown(self, self.part)

    def on_mount(self, event: Mount) -> None:
        event.prevent_default()  # Markdown's own would parse the (empty) initial text again

    def on_resize(self, event: events.Resize) -> None:
        draft = self.parent
        if isinstance(draft, DraftView):
            draft.measured(self, event.size.height)


class Spacer(Widget):
    """The height of the parts not drawn."""

    DEFAULT_CSS = "Spacer { height: 0; }"


class DraftView(VerticalScroll):
    """The draft, scrolling: only the parts near the screen are widgets. The parts on screen
    are drawn at once; those within ``AHEAD_SCREENS`` above and below one at a time while
    nothing else happens, so that paging finds them drawn. (The parts are its own children:
    each level of containers with an automatic height costs Textual a layout pass more.)"""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: list[str] = []
        self.heights: list[int] = []
        self.known: dict[tuple[str, int], int] = {}
        """Measured heights of drawn parts, by (text, width)."""
        self.guessed: dict[tuple[str, int], int] = {}
        """Estimated heights worked out with the parts elsewhere (in a thread), by (text, width)."""
        self.drawn: list[DraftPart] = []
        """The parts that are widgets: always a run of neighbours, in order."""
        self.width = 0
        self._ahead: Timer | None = None
        self._follow_end = False
        """End was pressed: the end stays in view as the parts drawn there turn out taller than
        estimated (until the reader scrolls back up)."""
        self._adjusting = False
        self._settling = 0
        """Runs of parts mounted for the screen and not yet laid out."""
        self.screen_drawn = False
        """The parts on screen are mounted and laid out (and nothing is waiting to be)."""
        self._when_drawn: list[Callable[[], object]] = []
        self.more_coming = False
        """The parts shown are the first of a draft whose rest is on its way (see ``show_parts``)."""

    def compose(self) -> ComposeResult:
        yield Spacer(id="draft-above")
        yield Spacer(id="draft-below")

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)

    def _scrolled(self, old: float, new: float) -> None:
        if new < old and new < self.max_scroll_y and not self._adjusting:  # the reader went back
            self._follow_end = False  # up (not the end pulled in when a part came out shorter)
        self._update()

    def action_scroll_end(self) -> None:
        """End: the very end of the draft, at once, and kept in view while it is drawn."""
        self._follow_end = True
        self._to_end()

    def _to_end(self) -> None:
        if self._follow_end and self.scroll_y != self.max_scroll_y:
            self.scroll_end(animate=False, immediate=True)

    @property
    def source(self) -> str:
        """The whole draft's Markdown, as ``Markdown.source`` gives it."""
        return "".join(self.parts)

    # --- what is shown --------------------------------------------------------------------

    def show(self, markdown: str) -> None:
        """Show the draft; parts whose text is unchanged stay as they are."""
        self.show_parts(split_parts(markdown))

    def show_parts(
        self, parts: list[str], guessed: dict[tuple[str, int], int] | None = None, *, more: bool = False
    ) -> None:
        """Show the draft cut into ``parts`` (``split_parts``), with their estimated heights when
        they were worked out already (``guessed``, by text and width). ``more``: these are the
        first parts of a draft whose rest is on its way (rendered in a thread); drawing ahead
        waits for it, not to share the processor with that thread (and with a key pressed
        meanwhile)."""
        self.more_coming = more
        if guessed is not None:
            self.guessed = guessed
        if parts == self.parts:
            if not more and self.screen_drawn and self.display and self.drawn:
                self._draw_ahead_later()  # the rest came and it was there already
            return
        self.parts = parts
        if self._follow_end:  # End was pressed before the rest of a long draft came
            self.call_after_refresh(self._to_end)
        if not self.width:
            return  # laid out first: the resize draws it
        changed = [part for part in self.drawn if part.index >= len(parts) or parts[part.index] != part.part]
        if changed:  # the run of drawn parts is drawn again from the first part that changed
            first = self.drawn.index(changed[0])
            for part in self.drawn[first:]:
                part.remove()
            self.drawn = self.drawn[:first]
        self._estimate()
        self._update()

    def on_resize(self, event: events.Resize) -> None:
        """At a new width the drawn parts wrap again by themselves (and say their new height);
        the others are estimated again."""
        width = self.scrollable_content_region.width
        if width != self.width:
            self.width = width
            self._estimate()
        self._update()

    def on_show(self) -> None:
        self._update()  # the pane may have scrolled while the changes were shown

    def _estimate(self) -> None:
        width = self.width
        drawn = {part.index: part.outer_size.height for part in self.drawn if part.outer_size.height}
        self.heights = [
            drawn.get(index)
            or self.known.get((part, width))
            or self.guessed.get((part, width))
            or estimate_height(part, width)
            for index, part in enumerate(self.parts)
        ]

    def measured(self, part: DraftPart, height: int) -> None:
        """A drawn part's real height: kept, and what is on screen stays where it was."""
        index = part.index
        if part not in self.drawn or index >= len(self.heights) or not height:
            return
        self.known[(part.part, self.width)] = height
        change = height - self.heights[index]
        if not change:
            return
        top = sum(self.heights[:index])
        self.heights[index] = height
        if self._follow_end:
            self.call_after_refresh(self._to_end)
        elif top + height <= self.scroll_y:  # above the screen: what is on screen stays put
            self._adjusting = True
            try:
                self.scroll_to(y=self.scroll_y + change, animate=False, immediate=True)
            finally:
                self._adjusting = False

    # --- which parts are widgets ----------------------------------------------------------

    def _parts_between(self, screens: float) -> range:
        """The parts on screen, and within ``screens`` screen heights above and below it."""
        if not self.parts:
            return range(0)
        screen = max(1, self.scrollable_content_region.height)
        top = self.scroll_y - screens * screen
        bottom = self.scroll_y + screen + screens * screen
        ends = list(accumulate(self.heights))
        last = len(self.parts) - 1
        first = min(bisect_right(ends, max(0, top)), last)
        return range(first, max(first, min(bisect_right(ends, max(0, bottom - 1)), last)) + 1)

    @property
    def _window(self) -> range:
        return range(self.drawn[0].index, self.drawn[-1].index + 1) if self.drawn else range(0)

    def when_drawn(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the parts on screen are mounted and laid out (at once if they
        are, or if the draft is not shown: then nothing is drawn to wait for)."""
        if self.screen_drawn or not self.display:
            callback()
        else:
            self._when_drawn.append(callback)

    def _now_drawn(self) -> None:
        """The parts on screen are laid out: what waited for them begins."""
        self.screen_drawn = True
        waiting, self._when_drawn = self._when_drawn, []
        for callback in waiting:
            callback()
        if self.display and self.drawn and not self.more_coming:
            self._draw_ahead_later()

    def _settle(self) -> None:
        """Once the parts just mounted for the screen are laid out, look again: a part shorter
        than estimated leaves room for the next. Laid out is the screen's refresh after every
        drawn part is mounted (a part removed meanwhile is not waited for; nor is a height)."""
        self.screen_drawn = False
        self._settling += 1

        def mounted() -> None:
            if not all(part.is_mounted for part in self.drawn):
                self.call_after_refresh(mounted)  # look again after the next refresh
            else:
                self.call_after_refresh(laid_out)  # the refresh that lays them out

        def laid_out() -> None:
            self._settling -= 1
            for part in self.drawn:  # measured now, whether or not their Resize came yet
                self.measured(part, part.outer_size.height)
            self._update()

        self.call_after_refresh(mounted)

    def _update(self) -> None:
        """Draw what is on screen now; keep what is near; once it is laid out, draw ahead."""
        if not self.width:
            return  # laid out first: the resize draws it
        if not self.display or not self.parts:
            if not self._settling:
                self._now_drawn()
            return
        visible = self._parts_between(0)
        window = self._window
        if window and visible.start <= window.stop and visible.stop >= window.start:  # they touch
            wanted = range(min(window.start, visible.start), max(window.stop, visible.stop))
        else:
            wanted = visible
        near = self._parts_between(KEEP_SCREENS)
        wanted = range(max(wanted.start, near.start), min(wanted.stop, near.stop))
        mounted = self._draw(wanted) if wanted != window else False
        if wanted == window:  # the parts not drawn may have changed (more of them, another width)
            self._size_spacers()
        if mounted:
            self._settle()
        elif not self._settling:
            self._now_drawn()

    def _size_spacers(self) -> None:
        """The spacers above and below the drawn parts: the height of the parts they stand for."""
        window = self._window
        above, below = self.query_one("#draft-above", Spacer), self.query_one("#draft-below", Spacer)
        above.styles.height = sum(self.heights[: window.start])
        below.styles.height = sum(self.heights[window.stop :]) if window else sum(self.heights)

    def _draw(self, wanted: range) -> bool:
        """Make exactly the parts ``wanted`` widgets, keeping those that already are; whether
        any was mounted."""
        kept = [part for part in self.drawn if part.index in wanted]
        for part in self.drawn:
            if part.index not in wanted:
                part.remove()
        have = {part.index for part in kept}
        new = [index for index in wanted if index not in have]
        before = [DraftPart(index, self.parts[index]) for index in new if not kept or index < kept[0].index]
        after = [DraftPart(index, self.parts[index]) for index in new if kept and index > kept[-1].index]
        above, below = self.query_one("#draft-above", Spacer), self.query_one("#draft-below", Spacer)
        if before:
            self.mount_all(before, after=above)
        if after:
            self.mount_all(after, before=below)
        self.drawn = before + kept + after
        self._size_spacers()
        if self._follow_end:
            self.call_after_refresh(self._to_end)
        return bool(before or after)

    def _draw_ahead_later(self) -> None:
        if self._ahead is not None:
            self._ahead.stop()
        self._ahead = self.set_timer(AHEAD_DELAY, self._draw_ahead)

    def _draw_ahead(self) -> None:
        """Draw the next part below (else above) the drawn ones, within reach; one at a time, so
        that a key pressed meanwhile waits for one part at most."""
        self._ahead = None
        if not self.display or not self.drawn:
            return
        window, ahead = self._window, self._parts_between(AHEAD_SCREENS)
        if window.stop < ahead.stop:
            self._draw(range(window.start, window.stop + 1))
        elif window.start > ahead.start:
            self._draw(range(window.start - 1, window.stop))
        else:
            return
        self._draw_ahead_later()

    def drawn_parts(self) -> list[int]:
        """The indexes of the parts that are widgets now."""
        return [part.index for part in self.drawn]
