"""Shared fixtures: a store with a fake clock, a file writer, and a private database path."""

from __future__ import annotations

import os
import tempfile
import time as time_module
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from referent.model import (
    ActionItem,
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
                        what="Sekretariatet beskriver projekterne", who="Sekretariatet", due="næste møde"
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
