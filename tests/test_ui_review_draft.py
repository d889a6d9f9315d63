"""The chair's draft drawn a part at a time: it reads exactly as one Markdown widget draws the
whole draft, only the parts near the screen are widgets, and paging finds the text in place.

(Speed is measured in bench/review_bench.py; these check what is drawn, not how fast.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import Timers
from test_ui_review import answer, draft, drafted, review_open
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Markdown
from ui_helpers import SAMPLES, SIZE, Case, screen_text, wait_until

from referent.model import Item, ItemPart, Recommendation
from referent.ui.widgets.draft import (
    DraftPart,
    DraftView,
    PlainBulletList,
    PlainOrderedList,
    estimate_height,
    split_parts,
)

WIDTH = 74


def lines(app: App[None]) -> list[str]:
    found = [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]
    while found and not found[-1]:
        found.pop()
    return found


class OneWidget(App[None]):
    """The draft as the review drew it before: one Markdown widget in a scrolling pane."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(id="draft")


class InParts(App[None]):
    def compose(self) -> ComposeResult:
        yield DraftView(id="draft")


async def drawn_whole(app: App[None], markdown: str) -> list[str]:
    """Every line of ``markdown`` as ``app`` draws it in a terminal tall enough for all of it."""
    async with app.run_test(size=(WIDTH, 1200)) as pilot:
        target = app.query_one("#draft")
        if isinstance(target, DraftView):
            target.show(markdown)
        else:
            assert isinstance(target, Markdown)
            await target.update(markdown)
        for _ in range(6):
            await pilot.pause()
        return lines(app)


def the_draft(case: Case) -> str:
    from referent.export import render

    meeting = case.stored()
    meeting.items[1].minutes = "Godkendt med **to** bemærkninger:\n\n- den ene\n- den anden\n\nTak."
    return render(meeting, format="md")[0].decode("utf-8")


async def test_the_draft_in_parts_reads_as_one_markdown_widget(case: Case) -> None:
    markdown = the_draft(case)
    assert len(split_parts(markdown)) == 1 + len(case.stored().items)  # the header, then an item each
    whole = await drawn_whole(OneWidget(), markdown)
    parts = await drawn_whole(InParts(), markdown)
    assert "  1. Approval of the agenda – kl. 18.00 – 18.05" in parts
    assert parts == whole


LISTS = (
    "# Referat\n\n"
    "- Ulla Astman, regionsrådsformand, Region Nordjylland, med en rolle så lang at den ombrydes "
    "over mere end én linje i udkastet\n"
    "- **Fed** og *kursiv* i et punkt\n"
    "- kort\n\n"
    "Efter listen.\n\n"
    "- ydre\n  - indre\n\n"
    "- første afsnit\n\n  andet afsnit\n\n"
    "Det indstilles, at:\n\n"
    + "".join(
        f"{n}. punkt nummer {n}, som er langt nok til at blive ombrudt i et smalt vindue\n"
        for n in range(1, 11)
    )
    + "\nSlut.\n"
)


async def test_a_list_of_one_paragraph_items_reads_as_textuals_own_lists() -> None:
    """Drawn as a grid of bullets and paragraphs (two widgets an item), a list reads as Textual
    draws it: the same bullets, the wrapped lines under the text, the same space around it;
    nested lists and items of several paragraphs are Textual's own."""
    whole = await drawn_whole(OneWidget(), LISTS)
    parts = await drawn_whole(InParts(), LISTS)
    assert parts == whole
    wrapped = parts.index(next(line for line in parts if "Ulla Astman" in line)) + 1
    assert parts[wrapped].startswith("  ") and parts[wrapped].strip()  # under the text, not the bullet
    app = InParts()
    async with app.run_test(size=(WIDTH, 200)) as pilot:
        app.query_one(DraftView).show(LISTS)
        for _ in range(4):
            await pilot.pause()
        lists = app.query(PlainBulletList)
        # the first list; the outer list (an item with a list in it, one of two paragraphs),
        # Textual's own; the list inside it, plain again
        assert [plain.has_class("-plain") for plain in lists] == [True, False, True]
        assert app.query_one(PlainOrderedList).has_class("-plain")


def test_the_draft_is_cut_before_each_item_and_never_inside_a_code_block() -> None:
    markdown = "# M\n\nHoved\n\n## 1. A\n\ntekst\n\n```\n## ikke et punkt\n```\n\n## 2. B\n\nslut\n"
    assert split_parts(markdown) == [
        "# M\n\nHoved\n\n",
        "## 1. A\n\ntekst\n\n```\n## ikke et punkt\n```\n\n",
        "## 2. B\n\nslut\n",
    ]
    assert "".join(split_parts(markdown)) == markdown


def test_an_estimate_grows_with_the_text_and_shrinks_with_the_width() -> None:
    short, long = "## 1. A\n\nEt ord.\n", "## 1. A\n\n" + "ord " * 400 + "\n"
    assert estimate_height(short, 70) < estimate_height(long, 70)
    assert estimate_height(long, 40) > estimate_height(long, 70)


def rest_held_back(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The thread that renders a long draft's rest waits until the event returned is set."""
    from referent.ui.screens import review

    release = threading.Event()
    prepare = review.prepare_draft

    def held(*args: Any) -> review.PreparedDraft:
        assert release.wait(60), "never released"
        return prepare(*args)

    monkeypatch.setattr(review, "prepare_draft", held)
    return release


def many_items(case: Case, count: int = 40) -> None:
    """The demo meeting with ``count`` more items, each with minutes."""
    store, meeting_id = case.store, case.meeting_id
    for number in range(count):
        item = Item(title=f"Ekstra punkt {number}", case=f"Sag {number}.", recommendation=Recommendation())
        item_id = store.add_item(meeting_id, item)
        store.save_minutes(item_id, f"Referat af punkt {number}: " + "ord " * 60)


async def until(pilot: Pilot[None], shown: Callable[[], bool]) -> None:
    """Let the app draw until ``shown`` holds (parts drawn ahead and measured settle in a few
    frames, a thread renders the rest of the draft); fails if it never does. A number of frames
    was too few on a busy machine: the deadline only ends a test that would hang."""
    await wait_until(pilot, shown, "drawn")


async def test_only_the_parts_near_the_screen_are_widgets(case: Case, timers: Timers) -> None:
    many_items(case)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        view = app.screen.query_one("#draft", DraftView)
        assert len(view.parts) == 1 + 5 + 40
        on_screen = view.drawn_parts()
        assert on_screen[0] == 0
        assert await timers.run_out(pilot, "_draw_ahead") > 1  # then a part at a time while idle
        first = view.drawn_parts()
        assert first[: len(on_screen)] == on_screen and len(first) > len(on_screen)
        assert len(first) < len(view.parts) // 2  # the screen, and a screen ahead
        assert len(app.screen.query(DraftPart)) == len(first)
        view.focus()
        await pilot.press("end")
        await until(pilot, lambda: "Referat af punkt 39" in screen_text(app))  # the end, in view
        last = view.drawn_parts()
        assert last[-1] == len(view.parts) - 1 and 0 not in last and len(last) < len(view.parts) // 2
        await pilot.press("home")
        await until(pilot, lambda: "UDKAST" in screen_text(app))  # the header, not the title bar
        assert view.drawn_parts()[0] == 0


async def test_paging_through_the_draft_shows_every_item_in_turn(case: Case) -> None:
    many_items(case, 12)
    app = case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        await review_open(pilot)
        view = app.screen.query_one("#draft", DraftView)
        view.focus()
        seen = screen_text(app)
        wanted = [f"Referat af punkt {number}:" for number in range(12)]
        for _ in range(30):  # the draft is about 15 screens long
            if all(text in seen for text in wanted):
                break
            await pilot.press("pagedown")
            await pilot.pause()
            seen += screen_text(app)
        assert [text for text in wanted if text not in seen] == []


async def test_a_remark_draws_again_only_from_the_part_it_changed(case: Case) -> None:
    draft(case)
    app = case.app(review=True)
    async with app.run_test(size=(120, 60)) as pilot:
        await review_open(pilot)
        view = app.screen.query_one("#draft", DraftView)
        assert view.drawn_parts()[:2] == [0, 1]
        header = next(part for part in app.screen.query(DraftPart) if part.index == 0)
        await pilot.press("m")
        await answer(pilot, "Tom", "Nej tak")  # a remark on the item offered
        for _ in range(3):
            await pilot.pause()
        assert header in app.screen.query(DraftPart)  # the header was kept as it was drawn
        assert "Nej tak" in view.source
        assert "Nej tak" in screen_text(app)


async def test_end_shows_the_very_end_even_where_the_parts_are_taller_than_estimated(
    tmp_path: Path,
) -> None:
    """Seen at 80×24 on the Direktørforum sample (long case texts with lists near the end): one
    End showed item 6's case text, and only a second End reached item 7's ``Referat:``."""
    case = Case(tmp_path, sample=SAMPLES / "direktoerforum-klynge-midt-2023-04-17.toml")
    try:
        app = case.app(review=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await review_open(pilot)
            view = app.screen.query_one("#draft", DraftView)
            view.focus()
            await pilot.press("end")
            for _ in range(20):  # the parts near the end are drawn and measured
                await pilot.pause()
            assert view.scroll_y == view.max_scroll_y
            assert "7. Eventuelt" in screen_text(app)
            await pilot.press("pageup")  # and the reader can go back up from there
            for _ in range(5):
                await pilot.pause()
            assert view.scroll_y < view.max_scroll_y
            assert "7. Eventuelt" not in screen_text(app)
    finally:
        case.close()


async def test_the_draft_prints_an_item_in_its_agendas_order_as_the_export_does(case: Case) -> None:
    """Item 3's agenda had its Bilag before the Indstilling: the chair reads it so, as it will print."""
    from referent.export import render

    draft(case)
    sports_hall = case.store.item_ids(case.meeting_id)[2]
    case.store.update_item(sports_hall, parts=[ItemPart.CASE, ItemPart.ATTACHMENTS, ItemPart.RECOMMENDATION])
    app = case.app(review=True)
    async with app.run_test(size=(120, 200)) as pilot:
        await review_open(pilot)
        view = app.screen.query_one("#draft", DraftView)
        assert view.source == render(case.stored(), format="md")[0].decode("utf-8")
        await until(pilot, lambda: "Discusses the club's request" in screen_text(app))
        text = screen_text(app)
        assert text.index("Letter from Riverside Youth Football Club") < text.index(
            "Discusses the club's request"
        )


async def test_a_long_meetings_first_items_are_drawn_at_once_and_the_rest_follows(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More than ``FIRST_ITEMS`` items: the first frame shows the draft's first items, rendered
    at once; the whole draft, rendered in a thread meanwhile, follows, and what is drawn stays."""
    from referent.ui.screens import review

    many_items(case, 20)
    release = rest_held_back(monkeypatch)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        view = app.screen.query_one("#draft", DraftView)
        whole = split_parts(app.screen.draft_text())  # type: ignore[attr-defined]
        assert len(whole) == 1 + 5 + 20
        assert view.parts == whole[: review.FIRST_ITEMS]  # the header and the first items
        first = list(app.screen.query(DraftPart))
        assert first and "Referat" in screen_text(app)
        release.set()
        await drafted(pilot)
        assert view.parts == whole
        assert all(part in app.screen.query(DraftPart) for part in first)  # not drawn again
        view.focus()
        await pilot.press("end")
        await until(pilot, lambda: "Referat af punkt 19" in screen_text(app))


async def test_end_pressed_before_the_rest_of_a_long_draft_came_shows_its_very_end(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    many_items(case, 20)
    release = rest_held_back(monkeypatch)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        view = app.screen.query_one("#draft", DraftView)
        view.focus()
        await pilot.press("end")  # the end of the first items: all there is yet
        release.set()
        await drafted(pilot)
        at_the_end = lambda: view.scroll_y == view.max_scroll_y  # noqa: E731
        await until(pilot, lambda: "Referat af punkt 19" in screen_text(app) and at_the_end())


def test_the_first_items_render_as_they_do_in_the_whole_draft() -> None:
    """The first frame's parts are the whole draft's first parts, on the real minutes: nothing
    is drawn twice when the rest follows."""
    from referent.export import render
    from referent.meetingfile.reader import load_meeting
    from referent.ui.screens.review import FIRST_ITEMS

    for path in sorted((SAMPLES.parent / "tests" / "fixtures" / "minutes").glob("*.toml")):
        meeting = load_meeting(path)
        meeting.items = meeting.items * 3
        first = replace(meeting, items=meeting.items[:FIRST_ITEMS])
        whole_parts = split_parts(render(meeting, format="md")[0].decode("utf-8"))
        first_parts = split_parts(render(first, format="md")[0].decode("utf-8"))
        assert first_parts[:FIRST_ITEMS] == whole_parts[:FIRST_ITEMS], path.name
