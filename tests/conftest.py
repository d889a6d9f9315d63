"""Shared fixtures: a store with a fake clock, a file writer, and a private database path."""

from __future__ import annotations

import os
import tempfile
import time as time_module
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from referent.model import (
    ActionItem,
    ActionState,
    Approval,
    Attendance,
    Comment,
    Correction,
    Item,
    ItemPart,
    ItemStatus,
    Meeting,
    Numbering,
    Outcome,
    Participant,
    Recommendation,
    Remark,
    VacantSeat,
)
from referent.store import Store

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.pilot import Pilot
    from ui_helpers import Case

# Hypothesis keeps its examples and caches in the temporary folder, not in the checkout.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "referent-hypothesis")

# Every test runs in UTC: times of day shown on screen and printed in documents are local
# time, and a test must read the same on any machine.
os.environ["TZ"] = "UTC"
time_module.tzset()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: two workers a core. Much of the suite waits rather than computes (apps in
    pseudo-terminals, child processes, fsync), so a core has room for a second worker: on two
    cores the suite takes 85–90 s with four workers, 106 s with two."""
    return 2 * (os.cpu_count() or 1)


class FakeClock:
    """A wall clock that only moves when a test moves it."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2023, 3, 13, 14, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, **units: float) -> datetime:
        self.now += timedelta(seconds=seconds, **units)
        return self.now


@dataclass(eq=False)
class HandTimer:
    """A timer of referent's in a test: it never fires by itself; ``Timers.fire`` fires it."""

    owner: MessagePump
    delay: float
    callback: Callable[[], Any]
    repeats: bool
    name: str
    stopped: bool = False
    paused: bool = False

    @property
    def what(self) -> str:
        """The callback's name (``flush``, ``as_markdown``, ``give_back``, ``_draw_ahead``...)."""
        return str(getattr(self.callback, "__name__", type(self.callback).__name__))

    @property
    def pending(self) -> bool:
        return not self.stopped and not self.paused and self.owner.is_running

    def stop(self) -> None:
        self.stopped = True

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def reset(self) -> None:
        self.paused = False


class Timers:
    """referent's own timers (the autosave, the status line's clock, the case text's Markdown,
    the take-up, F12's warm-up, the collector given back after Ctrl+R, the review's parts drawn
    ahead) held by the test: on a busy machine a real timer fires whenever the machine lets it,
    between two keys or not at all, and a test that depends on it fails now and then. A test
    fires them by hand, as it saves by hand; Textual's own timers (the screen's refresh, the
    cursor blink) run as they do."""

    def __init__(self) -> None:
        self.made: list[HandTimer] = []

    def pending(self, what: str | None = None) -> list[HandTimer]:
        return [timer for timer in self.made if timer.pending and what in (None, timer.what)]

    async def fire(self, pilot: Pilot[Any], what: str) -> int:
        """What the timers calling ``what`` would do once their time came; the number fired
        (at least one: firing a timer that is not set is a mistake in the test)."""
        due = self.pending(what)
        assert due, f"no timer calling {what} is set (set: {[t.what for t in self.pending()]})"
        for timer in due:
            if not timer.repeats:
                timer.stopped = True
            timer.owner.call_later(timer.callback)
        await pilot.pause()
        return len(due)

    async def run_out(self, pilot: Pilot[Any], what: str, most: int = 1000) -> int:
        """Fire the timers calling ``what`` until none is set (a callback that sets its own timer
        again, as drawing ahead does); the number of rounds."""
        rounds = 0
        while self.pending(what):
            assert rounds < most, f"{what} keeps setting its timer"
            await self.fire(pilot, what)
            rounds += 1
        return rounds


TIMERS = Timers()
"""The running test's timers (for helpers that are handed only a pilot, as snapshots' ``run_before``)."""


def _ours(callback: object) -> bool:
    """A timer of referent's own; Textual's timers re-homed in ``textual_compat`` (the
    palette's "No matches" countdown, translated) stay Textual's."""
    module = str(getattr(callback, "__module__", ""))
    return module.startswith("referent.") and module != "referent.ui.textual_compat"


@pytest.fixture(autouse=True)
def timers(monkeypatch: pytest.MonkeyPatch) -> Timers:
    """Every test holds referent's timers (see ``Timers``); ask for this fixture to fire them."""
    from textual.message_pump import MessagePump

    global TIMERS
    held = TIMERS = Timers()
    set_timer, set_interval = MessagePump.set_timer, MessagePump.set_interval

    def hand_timer(owner: MessagePump, delay: float, callback: Any, repeats: bool, name: str | None) -> Any:
        timer = HandTimer(owner, delay, callback, repeats, name or "")
        held.made.append(timer)
        return timer

    def held_timer(self: MessagePump, delay: float, callback: Any = None, **options: Any) -> Any:
        if not _ours(callback):
            return set_timer(self, delay, callback, **options)
        return hand_timer(self, delay, callback, False, options.get("name"))

    def held_interval(self: MessagePump, interval: float, callback: Any = None, **options: Any) -> Any:
        if not _ours(callback):
            return set_interval(self, interval, callback, **options)
        return hand_timer(self, interval, callback, True, options.get("name"))

    monkeypatch.setattr(MessagePump, "set_timer", held_timer)
    monkeypatch.setattr(MessagePump, "set_interval", held_interval)
    return held


CHECKOUT = Path(__file__).resolve().parents[1]
LEFT_BY_TOOLS = {".pytest_cache", ".ruff_cache", ".mypy_cache", "__pycache__", "snapshot_report.html"}


@pytest.fixture(autouse=True)
def writes_only_in_its_folder() -> Iterator[None]:
    """A test writes in its own temporary folder, never in the checkout: a relative path (a
    database ``t.db`` opened from the checkout, the lock file beside it) fails the test that
    left it. (A lock file left this way was once committed.)"""
    before = set(os.listdir(CHECKOUT))
    yield
    left = set(os.listdir(CHECKOUT)) - before - LEFT_BY_TOOLS
    assert not left, f"left in the checkout {CHECKOUT}: {sorted(left)}"


@pytest.fixture(autouse=True)
def no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scrolling (PgDn, End) and the like are animated over real time: in a test they land at
    once, so what is on screen after a key does not depend on how fast the machine is."""
    import textual.constants

    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def notifications_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notification expires by the wall clock (Textual reads ``time()``): in a test it stays
    until it is dismissed, so a slow machine never sees it go (or a second one come) early."""
    import textual.notifications

    now = time_module.time()
    monkeypatch.setattr(textual.notifications, "time", lambda: now)


@pytest.fixture(autouse=True)
def english_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Without a language setting referent follows the locale (then the meeting): pin English
    (LANGUAGE=en: C.UTF-8 names no language) so every test reads the same words anywhere,
    and reset the language (module state) afterwards. A test of the C locale removes LANGUAGE."""
    from referent.i18n import set_language

    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LANGUAGE", "en")
    yield
    set_language("en")


@pytest.fixture
def c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose locale is C.UTF-8 and nothing else (the suite pins LANGUAGE=en): the
    language then follows the meeting, else Danish."""
    from referent import i18n

    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(i18n, "process_locale", lambda: "C.UTF-8")


@pytest.fixture(autouse=True)
def referent_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point REFERENT_DB (and the lock folder) into the test's folder: no test may touch the
    user's own database or locks; nor read the user's own settings (their language would
    change every command's words)."""
    path = tmp_path / "env" / "referent.db"
    monkeypatch.setenv("REFERENT_DB", str(path))
    monkeypatch.setenv("REFERENT_LOCKS", str(tmp_path / "locks"))
    monkeypatch.setenv("REFERENT_CONFIG", str(tmp_path / "env" / "no-settings.toml"))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    store = Store.open(tmp_path / "t.db", clock=clock)
    yield store
    store.close()


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """``write_file("m.toml", text)`` (or bytes) writes into the test's folder; returns the path."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode(encoding) if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def full_meeting() -> Meeting:
    """A meeting with every field of every part set to something other than its default
    (a test checks that it really is every field)."""
    return Meeting(
        title="2. møde på Politisk Niveau – Sundhedsklynge Midt",
        date=date(2023, 3, 13),
        body="Politisk Niveau",
        start=time(14, 30),
        end=time(16, 30),
        location="Mødelokale K, Regionshuset",
        chair="Jes Lunde",
        secretary="Maja Lynderup Behrmann",
        next_meeting="24. maj 2023 kl. 14.00",
        actual_start=time(14, 34),
        actual_end=time(16, 21),
        participants=[
            Participant(
                name="Mads Duedahl",
                role="regionsrådsformand, Region Nordjylland",
                marker="medformand",
                attendance=Attendance.PRESENT,
                left_after=2,
            ),
            Participant(
                name="Ib Nellemann",
                role="formand, Jammerbugt Kommune",
                group="Udvalgsformænd med observatørstatus:",
                attendance=Attendance.REMOTE,
                arrived_at=2,
                left_after=3,
            ),
            Participant(
                name="Jan Mainz",
                attendance=Attendance.ABSENT,
                substitute="Jan Nybo",
                substitute_phrase="Jan Nybo deltager i hans sted",
            ),
        ],
        vacant_seats=[
            VacantSeat(
                "(Repræsentant fra kommunalt PLO-niveau - endnu ikke udpeget)",
                group="Udvalgsformænd med observatørstatus:",
            )
        ],
        style="nord",
        guests=[
            Participant(
                name="Louise Weikop", role="Aalborg Kommune", group="Gæster", attendance=Attendance.PRESENT
            )
        ],
        items=[
            Item(
                title="Velkommen",
                start=time(14, 30),
                end=time(14, 35),
                presenter="Jes Lunde",
                case="Der bydes velkommen.\n",
                parts=[ItemPart.CASE, ItemPart.MINUTES],  # prints as every style's order does
                status=ItemStatus.TAKEN,
                actual_start=time(14, 34),
                minutes="Formanden bød velkommen.",
            ),
            Item(
                title="Handleplan",
                start=time(14, 35),
                end=time(15, 30),
                presenter="Mikkel Grimmeshave og Daniel Simonsen",
                case="Fire temaer:\n\n- Mental sundhed\n- Træning\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                recommendation=Recommendation(
                    points=[
                        "Godkender handleplanen",
                        "Drøfter midlerne",
                        "Tager orienteringen til efterretning",
                    ],
                    intro="Det indstilles, at Politisk Niveau i fællesskab:",
                    numbering=Numbering.LETTERS,
                    outcomes=[Outcome.APPROVED, None, Outcome.NOTED],
                ),
                attachments=["Handleplan", "Bilag 1: Fordeling af midler"],
                status=ItemStatus.TAKEN,
                actual_start=time(14, 41),
                conflicts=["Jan Mainz", "Louise Weikop"],
                minutes="Indstillingen blev godkendt.\n\nDrøftet uden bemærkninger.",
                actions=[
                    ActionItem(
                        what="Sekretariatet beskriver projekterne",
                        who="Sekretariatet",
                        due="næste møde",
                        state=ActionState.DONE,
                        state_on=date(2023, 5, 24),
                    ),
                    ActionItem(what="Udsend handleplanen"),
                ],
                remarks=[Remark(who="Ole Stavad", text="Jeg tager forbehold for finansieringen.")],
                comments=[
                    Comment(
                        "Tjek beløbet i punkt b",
                        who="Jes Lunde",
                        at=datetime(2023, 3, 13, 16, 40, tzinfo=UTC),
                        done=True,
                    )
                ],
                corrections=[
                    Correction(datetime(2023, 3, 14, 9, 15, tzinfo=UTC), "Navnet var stavet forkert")
                ],
            ),
            Item(
                title="Lukket punkt: Personalesag",
                closed=True,
                recommendation=Recommendation(short="Klyngestyregruppen drøfter emnet"),
                status=ItemStatus.POSTPONED,
            ),
            Item(
                title="Eventuelt",
                status=ItemStatus.WITHDRAWN,
                not_in_agenda=True,
                recommendation=Recommendation(points=["x"], outcomes=[Outcome.REJECTED]),
            ),
        ],
        approvals=[
            Approval(
                "Jes Lunde",
                datetime(2023, 3, 13, 16, 45, tzinfo=UTC),
                with_problems=True,
                reopened_at=datetime(2023, 3, 14, 9, 0, tzinfo=UTC),
                reopen_reason="Navnet var stavet forkert",
                imported=True,
            ),
            Approval("Jes Lunde", datetime(2023, 3, 14, 10, 0, tzinfo=UTC), imported=True),
        ],
        meeting_corrections=[
            Correction(datetime(2023, 3, 14, 9, 30, tzinfo=UTC), "Navnet var stavet forkert")
        ],
    )


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    """The demo board meeting in a fresh database, and how to open the app on it."""
    from ui_helpers import Case

    opened = Case(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def politisk(tmp_path: Path) -> Iterator[Case]:
    """The Politisk Niveau sample (a real meeting, Danish) in a fresh database."""
    from ui_helpers import POLITISK, Case

    opened = Case(tmp_path, sample=POLITISK)
    yield opened
    opened.close()
