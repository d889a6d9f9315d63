"""The current item's case text: plain in the first frame, as Markdown from just after it.

Textual's Markdown widget costs the first frame its import (markdown-it, ~90 ms) and a widget
for every paragraph; the case text is read after the item's title and recommendation, so the
first frame shows it as plain text and the Markdown widget takes its place once it is built.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import sys
import threading
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widgets import Markdown


CASE_PIECE = 10_000
"""Characters of case text built at a time (about five screens of the pane): a case text of
10,000 paragraphs built whole wrapped every line of it before the first frame, and then made a
widget of each paragraph. The next piece is built when scrolling comes near the end of what is."""


def piece_end(text: str, start: int, size: int = CASE_PIECE) -> int:
    """Where the piece of ``text`` that begins at ``start`` ends: at the first paragraph break
    past ``size`` characters (else a line break, else anywhere: one paragraph of megabytes)."""
    if len(text) - start <= size:
        return len(text)
    for mark in ("\n\n", "\n"):
        cut = text.find(mark, start + size, start + 4 * size)
        if cut >= 0:
            return cut + len(mark)
    return start + 4 * size


MARKDOWN_MODULE = "textual.widgets.markdown"
"""Textual's Markdown widget, imported in a thread (its public module; it imports the rest)."""


async def _import_aside(module: str) -> None:
    """Import ``module`` in a thread of its own, the app's keys answered meanwhile (a daemon
    thread: quitting at once does not wait for it)."""
    loop = asyncio.get_running_loop()
    imported: asyncio.Future[None] = loop.create_future()

    def done() -> None:
        if not imported.done():
            imported.set_result(None)

    def work() -> None:
        importlib.import_module(module)
        with contextlib.suppress(RuntimeError):  # the app has ended meanwhile
            loop.call_soon_threadsafe(done)

    threading.Thread(target=work, name="referent-import", daemon=True).start()
    await imported


class CasePane(VerticalScroll):
    """The case text, scrolled from the editor (it never takes the focus)."""

    can_focus = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.built = 0
        """How much of ``text`` is built (see ``CASE_PIECE``)."""
        self._markdown: Markdown | None = None
        self._building = False

    def compose(self) -> ComposeResult:
        yield Static(id="case-plain", markup=False)

    def show(self, text: str) -> None:
        """Show ``text`` (Markdown) from its beginning: its first piece."""
        self.text = text
        self.built = piece_end(text, 0)
        if self._markdown is not None:
            self._markdown.update(text[: self.built])
        else:
            self.query_one("#case-plain", Static).update(text[: self.built])
        self.scroll_home(animate=False)

    def page_down(self) -> None:
        """Scroll a page down; near the end of what is built, the next piece is built first."""
        if self.built < len(self.text) and self.max_scroll_y - self.scroll_y <= 2 * self.size.height:
            end = piece_end(self.text, self.built)
            piece, self.built = self.text[self.built : end], end
            if self._markdown is not None:
                self._markdown.append(piece)
            else:
                self.query_one("#case-plain", Static).update(self.text[:end])
        self.scroll_page_down(animate=False)

    async def as_markdown(self) -> None:
        """Put the Markdown widget in the plain text's place once it holds the text shown."""
        if self._markdown is not None or self._building:
            return
        self._building = True
        if MARKDOWN_MODULE not in sys.modules:
            await _import_aside(MARKDOWN_MODULE)
            if not self.is_attached:  # the app ended meanwhile
                return
        from textual.widget import MountError
        from textual.widgets import Markdown

        markdown = Markdown(id="case")
        markdown.display = False
        try:
            await self.mount(markdown)
            built = None
            while built != self.text[: self.built]:  # the secretary may have moved on meanwhile
                built = self.text[: self.built]
                await markdown.update(built)
        except MountError:
            if self.is_attached and markdown.is_attached:
                raise
            return  # the pane or the widget was taken down meanwhile (the app quitting, the screen left)
        if not self.is_attached:
            return
        self._markdown = markdown
        markdown.display = True
        await self.query_one("#case-plain").remove()
