"""Every private Textual name referent uses, in one place (Textual is pinned to 8.2.x for them).

Textual's public API has no way to do a few things referent needs, so it reaches in, here only:

- the minutes editor wraps as TextArea wraps (``compute_wrap_offsets``), keeps the state of a
  ``WrappedDocument`` up to date around an edit, draws a row of a long paragraph itself, and
  changes three steps of TextArea (drawing a row, the height for scrolling, the width of a Tab);
- the agenda draws one row again without OptionList forgetting every other row, and makes a
  row only when it is drawn (``LazyRow``, ``OneLineOptionList``);
- the key hints build Textual's footer keys once, as the footer would;
- the chair's draft builds Markdown blocks at once and draws simple lists as a grid;
- the bindings of a screen get their descriptions in the user's language;
- the app hears of an exception before Textual ends the app for it, and a screen whose handler
  raised one the app dealt with goes on handling keys;
- the command palette says "No matches found" in the user's language;
- the terminal's input is read by Textual's parser guarded against junk and endless pastes;
- a closed terminal's SIGCONT does not start application mode again (``resume_only_after_suspend``).

Each is given a name of referent's own here. Everything else imports Textual's public modules
only (``tests/test_textual_compat.py`` checks it), and ``missing()`` lists what the installed
Textual lacks of what is used here: a test calls it, so an upgrade that renames one fails the
suite with its name instead of drawing an empty footer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rich.align import Align
from rich.text import Text
from textual._parser import ParseError, ParseTimeout, Peek1, Read1
from textual._wrap import compute_wrap_offsets, re_chunk
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.binding import BindingsMap
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.dom import DOMNode
from textual.events import MouseEvent
from textual.geometry import Size
from textual.message import Message
from textual.message_pump import MessagePump
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, TextArea
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option
from textual.widgets.text_area import Location, TextAreaTheme, WrappedDocument

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.events import Event
    from textual.visual import VisualType
    from textual.widgets import Footer, Markdown
    from textual.widgets._markdown import (
        MarkdownBullet,
        MarkdownBulletList,
        MarkdownList,
        MarkdownOrderedList,
        MarkdownParagraph,
    )

__all__ = [
    "FooterKey",
    "GuardedMessages",
    "GuardedParser",
    "LazyRow",
    "MarkdownBullet",
    "MarkdownBulletList",
    "MarkdownList",
    "MarkdownOrderedList",
    "MarkdownParagraph",
    "OneLineOptionList",
    "ReferentAppBase",
    "TextAreaParts",
    "TranslatedPalette",
    "WrappedDocumentParts",
    "bindings_map",
    "bindings_ready",
    "build_markdown",
    "compute_wrap_offsets",
    "follows_footer",
    "forward_event",
    "guard_parser",
    "missing",
    "pending_children",
    "re_chunk",
    "redraw_option",
    "resume_only_after_suspend",
]

_MARKDOWN_NAMES = (
    "MarkdownBullet",
    "MarkdownBulletList",
    "MarkdownList",
    "MarkdownOrderedList",
    "MarkdownParagraph",
)


def __getattr__(name: str) -> Any:
    """Textual's Markdown block classes, imported when first asked for (markdown-it costs the
    first frame ~90 ms, and only the chair's draft needs them)."""
    if name in _MARKDOWN_NAMES:
        from textual.widgets import _markdown

        return getattr(_markdown, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- the minutes editor ---------------------------------------------------------------------


class WrappedDocumentParts(WrappedDocument):
    """Textual's ``WrappedDocument``, its state under names of referent's own: the very lists it
    keeps (a change made through them is made to it), for the editor's re-wrap around an edit."""

    @property
    def wrap_offsets(self) -> list[list[int]]:
        """For each line, where it breaks into screen rows."""
        return self._wrap_offsets

    @property
    def offset_to_line_info(self) -> list[tuple[int, int]]:
        """For each screen row, (line, section of the line)."""
        return self._offset_to_line_info

    @property
    def line_index_to_offsets(self) -> list[list[int]]:
        """For each line, the screen rows it takes."""
        return self._line_index_to_offsets

    @property
    def tab_width_cache(self) -> list[list[int]]:
        """For each line, the widths of its tabs."""
        return self._tab_width_cache

    @property
    def wrapped_width(self) -> int:
        return self._width

    @property
    def tab_size(self) -> int:
        return self._tab_width


def wrap_settings(wrapped: WrappedDocument) -> tuple[int, int]:
    """The width and tab width any ``WrappedDocument`` was wrapped at."""
    return wrapped._width, wrapped._tab_width


_T = TypeVar("_T")


class TextAreaParts(TextArea):
    """Textual's ``TextArea``, what the minutes editor reads of its state under names of
    referent's own, and three of its steps as methods to override: ``render_row`` (a screen
    row), ``refresh_size`` (the height of the text for scrolling, after an edit or a new width)
    and ``columns_to_next_tab_stop``. Each calls TextArea's own unless overridden."""

    @property
    def area_theme(self) -> TextAreaTheme | None:
        """The TextArea theme in use (its styles for the cursor, the selection, …)."""
        return cast("TextAreaTheme | None", self._theme)

    @property
    def has_cursor(self) -> bool:
        """A cursor can be used (not read-only without one)."""
        return self._has_cursor

    @property
    def draws_cursor(self) -> bool:
        """The cursor is drawn now (focus, blink)."""
        return self._draw_cursor

    @property
    def matching_bracket(self) -> Location | None:
        """Where the bracket matching the one at the cursor is (None: none is)."""
        return self._matching_bracket_location

    @property
    def has_highlights(self) -> bool:
        """Syntax highlighting is at work."""
        return bool(self._highlights)

    @property
    def word_pattern(self) -> re.Pattern[str]:
        """Where word jumps stop."""
        return self._word_pattern

    def _render_line(self, y: int) -> Strip:
        return self.render_row(y)

    def render_row(self, y: int) -> Strip:
        """Screen row ``y`` of the editor (counted from its top, not scrolled)."""
        return self.textual_row(y)

    def textual_row(self, y: int) -> Strip:
        """Screen row ``y`` as TextArea draws it."""
        return super()._render_line(y)

    def _refresh_size(self) -> None:
        self.refresh_size()

    def refresh_size(self) -> None:
        """Set the size of the text for scrolling (TextArea's own: sets ``virtual_size``)."""
        super()._refresh_size()

    def set_height_without_layout(self, size: Size) -> None:
        """Set ``virtual_size`` without laying the screen out again, and the scroll bars to it,
        as Textual's ``Widget._size_updated`` does when no layout is needed."""
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)

    def refresh_scrollbars(self) -> None:
        """Show or hide the scroll bars for the current sizes."""
        self._refresh_scrollbars()

    def _find_columns_to_next_tab_stop(self) -> int:
        return self.columns_to_next_tab_stop()

    def columns_to_next_tab_stop(self) -> int:
        """Spaces a Tab inserts at the cursor (TextArea works it out for every key)."""
        return super()._find_columns_to_next_tab_stop()


# --- the agenda ------------------------------------------------------------------------------


def redraw_option(option_list: OptionList, index: int, prompt: VisualType) -> None:
    """Give option ``index`` a new prompt and draw its row again, keeping what is known of every
    other row. OptionList's own ``replace_option_prompt_at_index`` forgets every row's height and
    drawing (170 ms at 400 rows); a row of the same height is the only one forgotten here."""
    option = option_list.get_option_at_index(index)
    height = option_list._line_cache.heights.get(index)
    option._set_prompt(prompt)
    padding = option_list.get_component_styles("option-list--option").padding
    width = option_list.scrollable_content_region.width - option_list._get_left_gutter_width() - padding.width
    rules = cast("RulesMap", option_list.styles)
    if height is None or option_list._get_visual(option).get_height(rules, width) != height:
        option_list._clear_caches()  # (its height changed) every row is measured again
        return
    cache = option_list._option_render_cache
    for key in [key for key in list(cache.keys()) if key[0] is option]:
        cache.discard(key)
    line = option_list._line_cache.index_to_line.get(index)
    if line is not None:
        option_list.refresh_line(line)


class LazyRow(Option):
    """An option whose prompt is made by ``make`` the first time it is drawn or asked for:
    OptionList asks for every prompt when it is given its options, and an agenda of 2,000
    items spent a quarter of a second making rows that were never on screen."""

    def __init__(self, make: Callable[[], VisualType], id: str | None = None) -> None:
        super().__init__("", id=id)
        self._make: Callable[[], VisualType] | None = make

    @property
    def _prompt(self) -> VisualType:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return self._made

    @_prompt.setter
    def _prompt(self, prompt: VisualType) -> None:
        self._made, self._make = prompt, None


class OneLineOptionList(OptionList):
    """An OptionList whose options are each one line high (``text-wrap: nowrap``, no dividers):
    its rows are counted, not measured, so a row is made only when it is drawn."""

    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        for index in range(lines[-1][0] + 1 if lines else 0, len(self.options)):
            cache.index_to_line[index] = len(lines)
            cache.heights[index] = 1
            lines.append((index, 0))
        size = Size(self.scrollable_content_region.width - self._get_left_gutter_width(), len(lines))
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)


# --- the key hints ---------------------------------------------------------------------------


def bindings_ready(footer: Footer) -> bool:
    """The footer knows the screen's bindings (before that, composing it shows nothing)."""
    return footer._bindings_ready


def follows_footer(key: FooterKey) -> bool:
    """The footer key takes its look from the footer (bound to it with ``data_bind``); the
    command palette's key is the one that does not."""
    return bool(key._reactive_connect)


# --- the chair's draft -----------------------------------------------------------------------


def pending_children(widget: Widget) -> list[Widget]:
    """The widgets ``widget`` was composed with, before it is mounted."""
    return list(widget._pending_children)


def build_markdown(markdown: Markdown, source: str) -> Iterable[Widget]:
    """The block widgets of ``source``, built now (Markdown parses in a thread and mounts its
    blocks later), with the widget holding ``source`` as if it had parsed it."""
    markdown._markdown = source
    markdown._theme = markdown.app.theme
    return markdown._build_from_source(source)


# --- bindings and the app --------------------------------------------------------------------


def forward_event(target: Widget, event: Event) -> None:
    """Hand ``event`` to ``target`` as the app hands on a key read from the terminal (a key
    posted instead would be taken for a new one)."""
    target._forward_event(event)


def bindings_map(node: DOMNode) -> BindingsMap:
    """The node's own copy of its bindings (Textual copies the class's for each instance)."""
    return node._bindings


class GuardedMessages(MessagePump):
    """A message pump (the app, a screen) whose handlers may raise what the app deals with
    (``handle_exception``: a write the database refused) without it ending: Textual stops a
    pump's message loop after any exception its handler raised, even one the app handled, and
    a screen (or the app) that handles no more keys looks like a dead app. Put it before
    Textual's class in the bases."""

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except Exception as error:
            if not handled_by_app(self, error):
                raise


def handled_by_app(pump: MessagePump, error: Exception) -> bool:
    """The app dealt with ``error`` (its ``handle_exception`` said so)."""
    handler = getattr(pump.app, "handle_exception", None)
    return bool(handler is not None and handler(error))


class ReferentAppBase(GuardedMessages, App[_T]):
    """Textual's ``App`` that lets ``handle_exception`` deal with an exception raised in an
    action, a handler, a timer or a callback before Textual ends the app for it; the pump
    whose handler raised goes on (see ``GuardedMessages``, which every screen uses too)."""

    def handle_exception(self, error: Exception) -> bool:
        """True when ``error`` was dealt with and the app goes on."""
        return False

    def _handle_exception(self, error: Exception) -> None:
        if not self.handle_exception(error):
            super()._handle_exception(error)


# --- the terminal's input ------------------------------------------------------------------


PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
CTRL_Q = "\x11"
MOUSE_REACH = 100_000
"""Cells from the corner no terminal's screen reaches: a mouse event past it is junk."""


class GuardedParser(XTermParser):
    """Textual's parser of what the terminal sends, guarded (see ``referent.ui.terminal``):

    - a sequence it cannot turn into an event (a key or a mouse position past what Python's
      numbers hold: ``ESC [ 1114112 u``) raises inside its parse; the parse starts afresh
      instead of the input thread ending (and the app with it): the sequence is dropped;
    - a bracketed paste whose end marker never comes swallowed every key after it: it is
      ended when Ctrl+Q comes inside it (Ctrl+Q then quits), past ``paste_limit`` characters,
      or after ``paste_idle`` seconds without more, and the app is told (``paste_cut``; the parse
      is handed the end marker, so the text pasted so far arrives as the paste).
    """

    paste_limit = 1_000_000
    paste_idle = 2.0
    paste_cut: Callable[[str, int], Message] | None = None
    """The message (a class of referent's) sent to the app when a paste is ended so, built from
    why ("key", "size", "idle") and how many characters it had."""

    def parse_mouse_code(self, code: str) -> Message | None:
        """A mouse event, unless it is somewhere no screen reaches (a position of 10^20 cells
        left the app alive but deaf to every key after it)."""
        event = super().parse_mouse_code(code)
        if isinstance(event, MouseEvent) and max(abs(event.x), abs(event.y)) > MOUSE_REACH:
            return None
        return event

    def parse(self, token_callback: Callable[[Message], None]) -> Generator[Read1 | Peek1, str, None]:
        while True:
            try:
                yield from self._parse_once(token_callback)
                return
            except (ParseError, GeneratorExit):
                raise
            except Exception:  # ValueError, OverflowError, …: junk, dropped; the parse starts afresh
                continue

    def _parse_once(self, token_callback: Callable[[Message], None]) -> Generator[Read1 | Peek1, str, None]:
        """Textual's parse, with a paste that never ends ended (see the class)."""
        inner = super().parse(token_callback)
        recent = ""
        pasted = -1  # characters of the paste so far (-1: not in a paste)

        def end_paste(why: str) -> Read1 | Peek1:
            nonlocal pasted
            awaiting: Read1 | Peek1 = Read1()
            for character in PASTE_END:  # what was pasted so far arrives as the paste
                awaiting = inner.send(character)
            if self.paste_cut is not None:
                token_callback(self.paste_cut(why, pasted))
            pasted = -1
            return awaiting

        try:
            awaiting = next(inner)
            while True:
                request = Read1(self.paste_idle) if pasted >= 0 and isinstance(awaiting, Read1) else awaiting
                try:
                    character = yield request
                except ParseTimeout:
                    awaiting = end_paste("idle") if pasted >= 0 else inner.throw(ParseTimeout())
                    continue
                except GeneratorExit:
                    inner.close()
                    raise
                except ParseError as error:  # the end of the input
                    awaiting = inner.throw(error)
                    continue
                if pasted >= 0 and (character == CTRL_Q or pasted >= self.paste_limit):
                    awaiting = end_paste("key" if character == CTRL_Q else "size")
                awaiting = inner.send(character)
                recent = (recent + character)[-len(PASTE_START) :]
                if recent == PASTE_START:
                    pasted = 0
                elif recent == PASTE_END:
                    pasted = -1
                elif pasted >= 0:
                    pasted += 1
        except StopIteration:
            return


def guard_parser(module: object) -> bool:
    """Make a Textual driver module build ``GuardedParser`` (it looks ``XTermParser`` up in its
    own module each time its input thread starts); False when it does not use one."""
    if getattr(module, "XTermParser", None) not in (XTermParser, GuardedParser):
        return False
    module.XTermParser = GuardedParser  # type: ignore[attr-defined]
    return True


def resume_only_after_suspend(driver_class: type[Any]) -> bool:
    """Make the driver's SIGCONT handler resume application mode only when SIGTSTP (Ctrl+Z)
    suspended it; False when the driver has no such handler.

    Closing the terminal sends SIGHUP *and SIGCONT*. Textual's Linux driver took every SIGCONT
    for the return from Ctrl+Z and started application mode again inside the signal handler:
    a second output thread, with the first one's queue full of writes to the closed terminal,
    and the app, which was quitting for the SIGHUP, waited on it for ever (a 12,000-item
    agenda, a window closed while it was laid out)."""
    original = getattr(driver_class, "_sigcont_application", None)
    if original is None or getattr(original, "guarded", False):
        return original is not None

    def _sigcont_application(self: Any, *args: Any) -> None:
        if self._must_signal_resume:  # set by the driver's SIGTSTP handler when it suspended
            original(self, *args)

    _sigcont_application.guarded = True  # type: ignore[attr-defined]
    driver_class._sigcont_application = _sigcont_application
    return True


# --- the command palette in the user's language (Textual's "No matches found") ----------


class TranslatedPalette(CommandPalette):
    """Textual's command palette, saying ``no_matches`` where Textual says "No matches found"
    (its placeholder is public: ``placeholder``)."""

    def __init__(
        self,
        providers: ProviderSource | None = None,
        *,
        placeholder: str,
        no_matches: str,
        id: str | None = None,
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """``CommandPalette._start_no_matches_countdown`` of textual/command.py, its one
        English line translated (a test holds the two together)."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # empty: discovering, where no commands is nothing to point out
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


# --- what the installed Textual lacks ----------------------------------------------------------


def missing() -> list[str]:
    """The private names used above that the installed Textual does not have (empty: all there)."""
    from textual.drivers.linux_driver import LinuxDriver
    from textual.widgets import Footer, Markdown
    from textual.widgets import _markdown as markdown_module
    from textual.widgets.text_area import Document

    footer = Footer()
    markdown = Markdown()
    option_list = OptionList("a")
    used: dict[str, tuple[object, str]] = {
        "WrappedDocument": (
            WrappedDocument(Document("a"), 10, 4),
            "_wrap_offsets _offset_to_line_info _line_index_to_offsets _tab_width_cache _width _tab_width",
        ),
        "TextArea": (
            TextArea("a"),
            "_theme _has_cursor _draw_cursor _matching_bracket_location _highlights _word_pattern "
            "_render_line _refresh_size _scroll_update _refresh_scrollbars _find_columns_to_next_tab_stop",
        ),
        "OptionList": (
            option_list,
            "_line_cache _get_left_gutter_width _get_visual _clear_caches _option_render_cache "
            "_update_lines _scroll_update",
        ),
        "OptionList._line_cache": (option_list._line_cache, "heights index_to_line lines"),
        "Option": (Option("a"), "_set_prompt _prompt"),
        "Widget": (footer, "_pending_children _reactive_connect _bindings _forward_event"),
        "Footer": (footer, "_bindings_ready"),
        "Markdown": (markdown, "_markdown _theme _build_from_source"),
        "App": (App, "_handle_exception"),
        "MessagePump": (MessagePump, "_dispatch_message"),
        "XTermParser": (XTermParser, "parse parse_mouse_code"),
        "LinuxDriver": (LinuxDriver, "_sigcont_application _sigtstp_application"),
        "CommandPalette": (
            CommandPalette,
            "_start_no_matches_countdown _stop_no_matches_countdown _NO_MATCHES _NO_MATCHES_COUNTDOWN",
        ),
        "textual.widgets._markdown": (markdown_module, " ".join(_MARKDOWN_NAMES)),
    }
    return [
        f"{where}.{name}"
        for where, (owner, names) in used.items()
        for name in names.split()
        if not hasattr(owner, name)
    ]
