"""A meeting knows its house style (issue 10, points 13 and 14): the meeting file's ``style``,
else the settings' ``[styles]`` for its body, else ``default`` — and the review, F12,
``referent export`` and the agenda all use it without a flag; ``referent check`` checks style files.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from export_support import NORD, listing
from ui_helpers import SIZE, Case, screen_text

from referent.cli import main
from referent.config import load_settings
from referent.export import meeting_style, style_spec
from referent.meetingfile.reader import load_meeting
from referent.model import Item, Meeting
from referent.store import Store
from referent.ui.screens.review import ReviewScreen
from referent.ui.widgets.draft import DraftView

NORD_MEETING = NORD / "klyngestyregruppe-nord-2022-08-26.toml"
VEST = 'extends = "nord"\n[labels]\nminutes = "Beslutning:"\n'


def small(**changes: object) -> Meeting:
    base = Meeting(
        title="Styregruppe", date=date(2023, 3, 13), body="Praksisudvalget", items=[Item("Eventuelt")]
    )
    return replace(base, **changes)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings file of the test's own (``REFERENT_CONFIG``), empty until a test writes it."""
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir()
    path.write_text("", encoding="utf-8")
    monkeypatch.setenv("REFERENT_CONFIG", str(path))
    return path


# --- where the style comes from ---------------------------------------------------------


def test_the_meeting_files_style_first_then_the_settings_for_its_body_then_default(tmp_path: Path):
    styles = {"Praksisudvalget": "nord"}
    assert style_spec(small(style="default"), styles) == "default"  # its own, even over the settings
    assert style_spec(small(style="vest.toml"), styles, tmp_path) == str(tmp_path / "vest.toml")
    assert style_spec(small(), styles) == "nord"
    assert style_spec(small(body="", title="Praksisudvalget"), styles) == "nord"  # no body: its title
    assert style_spec(small(body="Andet udvalg"), styles) == "default"
    (tmp_path / "vest.toml").write_text(VEST, encoding="utf-8")
    style = meeting_style(small(style="vest.toml"), base_dir=tmp_path)
    assert style.labels.minutes == "Beslutning:" and style.items.numbering == "1)"


def test_settings_map_bodies_to_styles_relative_to_the_settings_file(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[styles]\n"Praksisudvalget" = "nord"\n"Direktørforum" = "df.toml"\n', encoding="utf-8")
    assert load_settings(path).styles == {
        "Praksisudvalget": "nord",
        "Direktørforum": str(tmp_path / "df.toml"),
    }
    path.write_text('language = "da"\n[styles]\nPraksisudvalget = 3\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.styles == {}
    assert [p.render("config.toml") for p in settings.problems] == [
        'config.toml:2: [styles] must map bodies to styles, like "Direktørforum" = "nord"'
    ]


# --- referent export ----------------------------------------------------------------------


def headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def test_export_uses_the_meetings_own_style_without_a_flag(tmp_path: Path, settings: Path, capsys):
    out = tmp_path / "referat.docx"
    assert main(["export", str(NORD_MEETING), "--out", str(out)]) == 0
    lines = listing(docx.Document(str(out)))
    assert lines[:3] == [
        "Title | Referat",
        "Title | Klyngestyregruppe Nord",
        "Tabeltekst | Mødedato: 26. august 2022",
    ]
    assert main(["export", str(NORD_MEETING), "--out", str(out), "--agenda"]) == 0
    assert listing(docx.Document(str(out)))[0] == "Title | Dagsorden"
    assert main(["export", str(NORD_MEETING), "--out", str(out), "--style", "default"]) == 0  # --style wins
    assert headings(out)[0] == "1. Godkendelse af dagsorden – kl. 13.00 – 13.05"


def test_export_by_id_finds_the_style_file_beside_the_meeting_file(tmp_path: Path, settings: Path, capsys):
    folder = tmp_path / "møder"
    folder.mkdir()
    (folder / "vest.toml").write_text(VEST, encoding="utf-8")
    source = folder / "møde.toml"
    source.write_text(
        '[meeting]\ntitle = "Vest"\ndate = 2023-03-13\nstyle = "vest.toml"\n'
        '[[items]]\ntitle = "Eventuelt"\nminutes = "Intet."\n',
        encoding="utf-8",
    )
    db = tmp_path / "referent.db"
    assert main(["import", str(source), "--db", str(db)]) == 0
    out = tmp_path / "ud.docx"
    assert main(["export", "1", "--db", str(db), "--out", str(out)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "1) Eventuelt" in texts and "Beslutning:" in texts


def test_export_takes_the_body_style_from_the_settings(tmp_path: Path, settings: Path, capsys):
    settings.write_text('[styles]\n"Praksisudvalget" = "nord"\n', encoding="utf-8")
    source = tmp_path / "m.toml"
    source.write_text(
        '[meeting]\ntitle = "M"\nbody = "Praksisudvalget"\ndate = 2023-03-13\n[[items]]\ntitle = "A"\n'
    )
    out = tmp_path / "m.docx"
    assert main(["export", str(source), "--out", str(out)]) == 0
    assert headings(out) == ["1) A"]


def test_a_missing_style_file_stops_the_export_with_exit_2(tmp_path: Path, settings: Path, capsys):
    source = tmp_path / "m.toml"
    source.write_text('[meeting]\ntitle = "M"\ndate = 2023-03-13\nstyle = "mangler.toml"\n', encoding="utf-8")
    assert main(["export", str(source), "--out", str(tmp_path / "m.docx")]) == 2
    assert f"{tmp_path / 'mangler.toml'}: no such style file" in capsys.readouterr().err
    assert not (tmp_path / "m.docx").exists()


# --- referent check -----------------------------------------------------------------------


def test_check_validates_style_files(tmp_path: Path, capsys):
    good = tmp_path / "vest.toml"
    good.write_text(VEST, encoding="utf-8")
    bad = tmp_path / "fejl.toml"
    bad.write_text('extends = "nord"\n[labels]\nminute = "x"\n[items]\norder = ["case"]\n', encoding="utf-8")
    assert main(["check", str(good), str(bad)]) == 2
    assert capsys.readouterr().out.splitlines() == [
        f"{good}: OK",
        f"{bad}:3: unknown key 'minute' in [labels]; did you mean 'minutes'?",
        f"{bad}:5: 'order' must name each of case, recommendation, attachments, minutes once",
    ]
    only_items = tmp_path / "items.toml"  # [items] as a table: a style; [[items]] would be a meeting
    only_items.write_text('[items]\nnumbering = "1-"\n', encoding="utf-8")
    assert main(["check", str(only_items)]) == 2
    assert capsys.readouterr().out == f"{only_items}:2: 'numbering' must be one of '1.', '1)'\n"


def test_check_reports_a_meeting_files_style_that_cannot_be_used(tmp_path: Path, capsys):
    source = tmp_path / "m.toml"
    source.write_text('[meeting]\ntitle = "M"\ndate = 2023-03-13\nstyle = "nordd"\n', encoding="utf-8")
    assert main(["check", str(source)]) == 2
    assert capsys.readouterr().out == (
        f"{source}:4: style 'nordd': no such style file; the built-in styles are default, nord\n"
    )
    (tmp_path / "vest.toml").write_text('[labels]\ntitel = "x"\n', encoding="utf-8")
    source.write_text('[meeting]\ntitle = "M"\ndate = 2023-03-13\nstyle = "vest.toml"\n', encoding="utf-8")
    assert main(["check", str(source)]) == 2
    assert capsys.readouterr().out == (
        f"{tmp_path / 'vest.toml'}:2: unknown key 'titel' in [labels]; did you mean 'title'?\n"
    )
    assert main(["check", str(NORD_MEETING)]) == 0


# --- the review and F12 -------------------------------------------------------------------


@pytest.fixture
def nord_case(tmp_path: Path):
    """The Nord meeting, copied to the test's folder (F12 writes beside the meeting file)."""
    folder = tmp_path / "møder"
    folder.mkdir()
    sample = Path(shutil.copy(NORD_MEETING, folder / NORD_MEETING.name))
    case = Case(tmp_path, sample=sample)
    yield case
    case.close()


async def open_review(pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    for _ in range(20):
        screen = pilot.app.screen
        if isinstance(screen, ReviewScreen) and screen.is_mounted:
            await pilot.pause()
            return screen
        await pilot.pause()
    raise AssertionError(f"the review did not open: {pilot.app.screen}")


async def test_the_review_reads_in_the_meetings_own_style(nord_case: Case) -> None:
    app = nord_case.app(review=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        draft = screen.draft_text()
        assert "**Mødedato:** 26. august 2022" in draft
        assert "- Carl Clausen, direktør, Vesthavn Kommune (afbud)" in draft
        assert "(via Teams)" in draft and "**Tid:**" not in draft and "**Afbud" not in draft
        assert "## 1) Godkendelse af dagsorden" in draft
        assert screen.query_one("#draft", DraftView).source == draft
        text = screen_text(app)
        assert "Mødedato: 26. august 2022" in text
        assert "Mødet påbegyndt: kl. 13:00" in text
        assert "Carl Clausen, direktør, Vesthavn Kommune (afbud)" in text


async def test_f12_exports_in_the_meetings_own_style(nord_case: Case) -> None:
    app = nord_case.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = sorted((nord_case.folder / "møder").glob("*.docx"))
    assert [p.name for p in written] == ["2022-08-26 Referat Klyngestyregruppe Nord.docx"]
    lines = listing(docx.Document(str(written[0])))
    assert lines[:3] == [
        "Title | Referat",
        "Title | Klyngestyregruppe Nord",
        "Tabeltekst | Mødedato: 26. august 2022",
    ]


def test_the_style_is_kept_by_the_database(tmp_path: Path):
    store = Store.open(tmp_path / "t.db")
    try:
        meeting = load_meeting(NORD_MEETING)
        stored = store.load_meeting(store.import_meeting(meeting, str(NORD_MEETING)))
    finally:
        store.close()
    assert stored.style == "nord" and stored.vacant_seats == meeting.vacant_seats
    assert stored == meeting
