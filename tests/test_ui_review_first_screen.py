"""The review's first screen comes first: the thread that renders the rest of a long draft, and
drawing ahead, wait until the parts on screen are mounted and laid out (``DraftView.when_drawn``).
What is waited for is the screen's refresh after their mounting, not their height: a part that
lays out to no height at all holds nothing up.

(Speed is measured in bench/review_bench.py; these check the order of the work and what is
drawn, never how long it took.)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import Timers
from test_ui_review import drafted
from test_ui_review_draft import WIDTH, InParts, many_items, rest_held_back, until
from ui_helpers import DEMO, SIZE, Case, screen_text

from referent.ui.warmup import REVIEW_MODULES
from referent.ui.widgets import draft as draft_module
from referent.ui.widgets.draft import DraftPart, DraftView


def draft_view(case_app: Any) -> DraftView:
    return case_app.screen.query_one("#draft", DraftView)


async def test_the_rest_of_a_long_draft_is_rendered_only_once_the_first_screen_is_laid_out(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Begun at once, the thread shared the processor with the first screen's parts."""
    from referent.ui.screens import review

    many_items(case, 20)
    seen: list[tuple[bool, list[int], bool, bool]] = []
    render_aside = review.ReviewScreen._render_aside

    def watched(self: review.ReviewScreen, *args: Any) -> None:
        view = self.query_one("#draft", DraftView)
        parts = list(self.query(DraftPart))
        laid_out = all(part.is_mounted and part.outer_size.height > 0 for part in parts)
        drawn = getattr(view, "screen_drawn", False)
        seen.append((drawn, [part.index for part in parts], laid_out, "UDKAST" in screen_text(self.app)))
        render_aside(self, *args)

    monkeypatch.setattr(review.ReviewScreen, "_render_aside", watched)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await drafted(pilot)
        assert len(seen) == 1
        screen_drawn, indexes, laid_out, header_shown = seen[0]
        assert screen_drawn and indexes[:1] == [0] and laid_out and header_shown
        assert len(draft_view(app).parts) == 1 + 5 + 20  # and then the whole draft came


async def test_the_whole_long_draft_comes_and_reads_in_order(case: Case) -> None:
    many_items(case, 20)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await drafted(pilot)
        view = draft_view(app)
        assert view.source == app.screen.draft_text()  # type: ignore[attr-defined]
        view.focus()
        order: list[int] = []
        for _ in range(80):  # about 25 screens
            for number in re.findall(r"Referat af punkt (\d+):", screen_text(app)):
                if not order or int(number) > order[-1]:
                    order.append(int(number))
            if order and order[-1] == 19:
                break
            await pilot.press("pagedown")
            await until(pilot, lambda: view.screen_drawn)
        assert order == list(range(20))


async def test_end_pressed_as_the_review_opens_reaches_the_last_item(case: Case) -> None:
    """End in the draft as soon as the review is there: whatever of the first screen was laid
    out by then, the very end of the whole draft is shown once it came."""
    many_items(case, 20)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        view = draft_view(app)
        view.focus()
        await pilot.press("end")
        assert app.focused is view
        await drafted(pilot)
        at_the_end = lambda: view.scroll_y == view.max_scroll_y  # noqa: E731
        await until(pilot, lambda: "Referat af punkt 19" in screen_text(app) and at_the_end())


async def test_a_part_that_lays_out_to_no_height_does_not_hold_up_the_rest(
    case: Case, monkeypatch: pytest.MonkeyPatch, timers: Timers
) -> None:
    """The draft's header drawn with no height (it never says a height of its own): the first
    screen still counts as drawn, the rest of the draft is rendered and drawn ahead."""
    many_items(case, 20)
    flat = DraftPart.DEFAULT_CSS + "\nDraftPart.-none { height: 0; }\n"
    monkeypatch.setattr(DraftPart, "DEFAULT_CSS", flat)
    made = DraftPart.__init__

    def made_flat(self: DraftPart, index: int, part: str) -> None:
        made(self, index, part)
        if index == 0:
            self.add_class("-none")

    monkeypatch.setattr(DraftPart, "__init__", made_flat)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await drafted(pilot)
        view = draft_view(app)
        header = next(part for part in app.screen.query(DraftPart) if part.index == 0)
        assert header.is_mounted and header.outer_size.height == 0
        assert view.screen_drawn and len(view.parts) == 1 + 5 + 20
        assert await timers.run_out(pilot, "_draw_ahead") >= 1  # drawing ahead goes on
        assert len(view.drawn_parts()) > 1


async def test_parts_shorter_than_estimated_are_followed_by_the_next_before_the_screen_counts_as_drawn(
    monkeypatch: pytest.MonkeyPatch, timers: Timers
) -> None:
    """Every part estimated a screen and more, each only five lines: the parts that fill the
    screen are drawn before ``when_drawn`` calls back (drawing ahead, held here, never ran)."""
    monkeypatch.setattr(draft_module, "estimate_height", lambda part, width: 500)
    items = (f"## {n}. Punkt {n}\n\nKort referat af punkt {n}.\n\n" for n in range(1, 30))
    markdown = "# Referat\n\n" + "".join(items)
    app = InParts()
    async with app.run_test(size=(WIDTH, 30)) as pilot:
        view = app.query_one(DraftView)
        called: list[str] = []
        view.show(markdown)
        view.when_drawn(lambda: called.append(screen_text(app)))  # type: ignore[arg-type]
        await until(pilot, lambda: bool(called))
        drawn = list(app.query(DraftPart))
        assert sum(part.outer_size.height for part in drawn) >= view.scrollable_content_region.height
        assert "Kort referat af punkt 4." in called[0]  # the screen was full when it called back
        assert not [timer for timer in timers.made if timer.what == "_draw_ahead" and timer.stopped]
        assert timers.pending("_draw_ahead")  # drawing ahead begins only now


async def test_when_drawn_calls_at_once_when_the_screen_is_drawn_or_the_draft_hidden() -> None:
    app = InParts()
    async with app.run_test(size=(WIDTH, 30)) as pilot:
        view = app.query_one(DraftView)
        view.show("# Referat\n\n## 1. Punkt\n\nTekst.\n")
        await until(pilot, lambda: view.screen_drawn)
        called: list[int] = []
        view.when_drawn(lambda: called.append(1))
        assert called == [1]
        view.display = False
        view.show("# Referat\n\n## 1. Punkt\n\nAnden tekst.\n")
        view.when_drawn(lambda: called.append(2))
        assert called == [1, 2]  # nothing is drawn while hidden: nothing to wait for


async def test_drawing_ahead_waits_for_the_rest_of_a_long_draft(
    case: Case, monkeypatch: pytest.MonkeyPatch, timers: Timers
) -> None:
    """While the thread renders the rest, the app draws nothing more than the screen (a key
    pressed then shares the processor with the thread only); then it draws ahead."""
    many_items(case, 20)
    release = rest_held_back(monkeypatch)
    app = case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        view = draft_view(app)
        await until(pilot, lambda: view.screen_drawn)
        assert view.more_coming and not timers.pending("_draw_ahead")
        release.set()
        await drafted(pilot)
        assert not view.more_coming and timers.pending("_draw_ahead")
        on_screen = view.drawn_parts()
        await timers.run_out(pilot, "_draw_ahead")
        assert len(view.drawn_parts()) > len(on_screen)


async def test_parts_removed_before_they_were_laid_out_hold_nothing_up() -> None:
    """The draft shown twice in one go (a change as the review opens): the first parts are
    removed while they are being mounted; the screen counts as drawn with the second."""
    app = InParts()
    async with app.run_test(size=(WIDTH, 30)) as pilot:
        view = app.query_one(DraftView)
        view.show("# Referat\n\n## 1. Punkt\n\nEn.\n")
        view.show("# Referat, rettet\n\n## 1. Punkt\n\nTo.\n")
        called: list[str] = []
        view.when_drawn(lambda: called.append(screen_text(app)))  # type: ignore[arg-type]
        await until(pilot, lambda: bool(called))
        assert "Referat, rettet" in called[0] and "To." in called[0]
        assert [part.index for part in app.query(DraftPart)] == [0, 1]


FIRST_REVIEW = """
import asyncio, json, sys
from pathlib import Path
from referent.ui.app import make_app
from referent.ui.warmup import warm_up

async def main():
    app = make_app(Path("t.db"), 1, settings_path=Path("none.toml"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        if WARM:
            warm_up()  # what the app's warm-up thread does once the typing pauses
        before = set(sys.modules)
        await pilot.press("ctrl+r")
        while not (type(app.screen).__name__ == "ReviewScreen" and app.screen.query("DraftPart")):
            await pilot.pause()
        loaded = sorted(name for name in set(sys.modules) - before if name.startswith("referent"))
        Path("loaded.json").write_text(json.dumps(loaded), encoding="utf-8")

asyncio.run(main())
"""


@pytest.mark.parametrize("warm", [True, False])
def test_after_the_warm_up_the_first_review_imports_nothing(tmp_path: Path, warm: bool) -> None:
    """The review's screen, widgets and the reading round's modules its problems ask for are
    imported by the warm-up; without it the first Ctrl+R imports them itself."""
    shutil.copyfile(DEMO, tmp_path / "meeting.toml")
    env = {**os.environ, "REFERENT_DB": str(tmp_path / "t.db")}
    env["REFERENT_CONFIG"] = str(tmp_path / "none.toml")
    subprocess.run([sys.executable, "-m", "referent", "import", "meeting.toml"], cwd=tmp_path, env=env,
                   check=True, capture_output=True)  # fmt: skip
    code = f"WARM = {warm!r}\n" + FIRST_REVIEW
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True,
                   timeout=120)  # fmt: skip
    loaded = json.loads((tmp_path / "loaded.json").read_text(encoding="utf-8"))
    if warm:
        assert loaded == []
    else:
        assert set(REVIEW_MODULES) <= set(loaded)
