"""The correction screen: how a Word agenda was read, put right with single keys before the minutes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path

import pytest
from correction_docs import board_agenda, three_meetings
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input
from ui_helpers import notifications, saved, screen_text

from referent.importing.word.corrections import Corrections, Role
from referent.problems import SeveralMeetings
from referent.sources import draft_for_file
from referent.store import Store
from referent.ui.app import ReferentApp, make_app
from referent.ui.dialogs.choice import ChoiceDialog, ConfirmDialog
from referent.ui.dialogs.form import FormDialog
from referent.ui.screens.minutes import MinutesScreen
from referent.ui.screens.picker import PickerScreen
from referent.ui.screens.reading import ReadingScreen
from referent.ui.widgets.paragraphs import ParagraphList

SIZE = (100, 30)
BRIEFING = "Orientering fra formanden"


class Board:
    """The board's agenda in a folder of its own, its draft in a fresh database."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.agenda = board_agenda().save(folder / "dagsorden.docx")
        self.db_path = folder / "t.db"
        self.store = Store.open(self.db_path)
        self.meeting_id = draft_for_file(self.store, self.agenda).meeting_id

    def app(self, **options: object) -> ReferentApp:
        options.setdefault("store", self.store)
        options.setdefault("settings_path", self.folder / "none.toml")
        return make_app(self.db_path, self.meeting_id, **options)  # type: ignore[arg-type]

    def titles(self) -> list[str]:
        return [item.title for item in self.store.load_meeting(self.meeting_id).items]

    def kept(self) -> Corrections:
        return Corrections.from_json(self.store.reading_corrections(self.meeting_id))


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Board]:
    opened = Board(tmp_path)
    yield opened
    opened.store.close()


async def read(pilot: Pilot[None]) -> None:
    """The reading in the worker is done and shown (the tests never wait for the clock)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def reading(app: ReferentApp) -> ReadingScreen:
    assert isinstance(app.screen, ReadingScreen), type(app.screen).__name__
    return app.screen


async def go_to(pilot: Pilot[None], text: str) -> None:
    """Arrow down to the paragraph that says ``text`` (from wherever the selection is)."""
    screen = reading(pilot.app)  # type: ignore[arg-type]
    paragraphs = screen.query_one(ParagraphList)
    target = next(n for n, p in enumerate(paragraphs.rows) if p.text == text)
    step = "down" if target > paragraphs.cursor else "up"
    await pilot.press(*[step] * abs(target - paragraphs.cursor))
    assert paragraphs.selected is not None and paragraphs.selected.text == text


def role_of(app: ReferentApp, text: str) -> tuple[Role, int | None]:
    placed = next(p for p in reading(app).query_one(ParagraphList).rows if p.text == text)
    return placed.role, placed.item


async def test_opening_a_word_agenda_shows_how_it_was_read_before_the_minutes(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        shown = screen_text(app)
        assert "How the agenda was read: dagsorden.docx · 2 uncertain (n)" in shown
        assert " 2. 2. Regnskab 2022" in shown and "· Orientering fra formanden" in shown  # what each became
        assert "3 items:" in shown and "0 participants" in shown  # the meeting as read, on the right
        assert (
            "Tuesday 5 September 2023" in shown
            and "19.00–21.00" in shown
            and "Fælleshuset, Birkevej 2" in shown
        )
        await pilot.press("escape")  # nothing corrected: straight on
        assert isinstance(app.screen, MinutesScreen)
    assert board.kept() == Corrections()


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every Word document the reader reads, in order."""
    from referent.importing.word import reader

    made: list[str] = []
    original = reader.parse_word_agenda

    def counted(data: bytes, name: str, *args: object, **kwargs: object) -> reader.WordAgenda:
        made.append(name)
        return original(data, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "parse_word_agenda", counted)
    return made


async def test_a_word_agenda_imported_on_opening_is_read_once_for_the_draft_and_its_correction_screen(
    tmp_path: Path, readings: list[str]
) -> None:
    """``referent open NEW.docx``: the draft's reading is what the correction screen shows (a
    huge agenda was read a second time there, seconds before the first screen)."""
    agenda = board_agenda().save(tmp_path / "dagsorden.docx")
    store = Store.open(tmp_path / "t.db")
    try:
        draft = draft_for_file(store, agenda)
        assert readings == [str(agenda)]
        settings = tmp_path / "none.toml"
        app = make_app(tmp_path / "t.db", draft.meeting_id, store=store, draft=draft, settings_path=settings)
        async with app.run_test(size=SIZE) as pilot:
            await read(pilot)
            assert "How the agenda was read: dagsorden.docx · 2 uncertain (n)" in screen_text(app)
            assert role_of(app, "2. Regnskab 2022") == (Role.ITEM, 2)
            assert readings == [str(agenda)]  # not read again for the screen
            await go_to(pilot, BRIEFING)
            await pilot.press("i")  # a correction reads the document again, as always
            await read(pilot)
            assert role_of(app, BRIEFING) == (Role.ITEM, 3)
            assert readings == [str(agenda)] * 2
    finally:
        store.close()


async def test_a_draft_opened_again_reads_its_file_for_the_correction_screen(
    board: Board, readings: list[str]
) -> None:
    """An unchanged file's draft is not read on opening (the digest says so): the screen reads it."""
    draft = draft_for_file(board.store, board.agenda)
    assert readings == []
    app = board.app(draft=draft)
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        assert role_of(app, "2. Regnskab 2022") == (Role.ITEM, 2)
        assert readings == [str(board.agenda)]


async def test_moving_through_the_paragraphs_does_not_make_the_meeting_pane_again(
    board: Board, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The meeting as read has a line per item: it was made and drawn whole again on every
    arrow key (1.5 s a key at 12,000 items). It is made once a reading; a move marks its item."""
    from referent.ui.screens import reading as screen_module
    from referent.ui.widgets.lines import TextLines

    made: list[int] = []
    original = screen_module.meeting_lines

    def counted(*args: object) -> tuple[list[tuple[str, str]], dict[int, int]]:
        made.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(screen_module, "meeting_lines", counted)
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, "2. Regnskab 2022")
        await go_to(pilot, "3. Eventuelt")
        pane = reading(app).query_one("#reading-meeting", TextLines)
        assert pane.highlighted is not None and pane.lines[pane.highlighted][0] == " 3. Eventuelt"
        assert len(made) == 1
        await pilot.press("i")  # a correction: a new reading, its lines made once
        await read(pilot)
        assert len(made) == 2


async def test_i_makes_a_paragraph_an_item_and_enter_brings_it_into_the_draft(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, BRIEFING)
        await pilot.press("i")
        await read(pilot)
        assert role_of(app, BRIEFING) == (Role.ITEM, 3)
        assert role_of(app, "3. Eventuelt") == (Role.ITEM, 4)
        shown = screen_text(app)
        assert "4 items:" in shown and "3. Orientering fra formanden" in shown and "1 correction" in shown
        assert board.titles() == ["Godkendelse af dagsorden", "Regnskab 2022", "Eventuelt"]  # not yet
        await pilot.press("enter")
        assert isinstance(app.screen, MinutesScreen)
        assert "3. Orientering fr" in screen_text(app)  # the agenda on the left follows
    assert board.titles() == ["Godkendelse af dagsorden", "Regnskab 2022", BRIEFING, "Eventuelt"]
    assert [(m.role, m.nth) for m in board.kept().marks] == [(Role.ITEM, 0)]


async def test_t_joins_an_item_with_the_one_above(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, "2. Regnskab 2022")
        await pilot.press("t")
        await read(pilot)
        assert role_of(app, "2. Regnskab 2022") == (Role.TEXT, 1)
        assert role_of(app, "3. Eventuelt") == (Role.ITEM, 2)
        await pilot.press("enter")
    meeting = board.store.load_meeting(board.meeting_id)
    assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden", "Eventuelt"]
    assert "Regnskab 2022" in meeting.items[0].case and "Kassereren gennemgår" in meeting.items[0].case


async def test_h_and_p_move_lines_into_the_header_and_the_participants(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, "Jens Hansen, formand")
        await pilot.press("p", "p")  # each key moves on to the next paragraph
        await read(pilot)
        assert role_of(app, "Jens Hansen, formand") == (Role.PARTICIPANT, None)
        assert role_of(app, "Mette Holm, kasserer") == (Role.PARTICIPANT, None)
        assert "2 participants" in screen_text(app) and "Mette Holm, kasserer" in screen_text(app)
        assert "uncertain" not in screen_text(app).splitlines()[0]  # the reader's doubts are gone
        await go_to(pilot, "Regnskab 2022.pdf")
        await pilot.press("h")
        await read(pilot)
        assert role_of(app, "Regnskab 2022.pdf") == (Role.HEADER, None)
        await pilot.press("enter")
    meeting = board.store.load_meeting(board.meeting_id)
    assert [(p.name, p.role) for p in meeting.participants] == [
        ("Jens Hansen", "formand"),
        ("Mette Holm", "kasserer"),
    ]
    assert "Regnskab 2022.pdf" not in meeting.items[1].case


async def test_r_retitles_an_item_and_m_d_s_e_put_the_header_right(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, "Kassereren gennemgår regnskabet.")  # text of item 2: its item is retitled
        await pilot.press("r")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+u", *"Regnskab", "enter")
        await read(pilot)
        assert "2. Regnskab  " in screen_text(app)  # the item on the right, retitled
        await pilot.press("m", "ctrl+u", *"Ordinært møde", "enter")
        await pilot.press("d", "ctrl+u", *"6.9.2023", "enter")
        await pilot.press("s", "ctrl+u", *"18.30", "enter")
        await pilot.press("e", "ctrl+u", *"2o", "enter")  # not a time: said in the dialog, which stays
        assert isinstance(app.screen, FormDialog) and "is not a time of day" in screen_text(app)
        await pilot.press("ctrl+u", *"20:00", "enter")
        await read(pilot)
        shown = screen_text(app)
        assert "Ordinært møde" in shown and "Wednesday 6 September 2023" in shown and "18.30–20.00" in shown
        await pilot.press("enter")
    meeting = board.store.load_meeting(board.meeting_id)
    assert (meeting.title, meeting.date, meeting.start, meeting.end) == (
        "Ordinært møde", date(2023, 9, 6), time(18, 30), time(20, 0),
    )  # fmt: skip
    assert meeting.items[1].title == "Regnskab"


async def test_u_undoes_and_c_takes_the_mark_away(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, BRIEFING)
        await pilot.press("i", "up")
        await read(pilot)
        await pilot.press("c")  # as the reader read it
        await read(pilot)
        assert role_of(app, BRIEFING) == (Role.TEXT, 2)
        await pilot.press("u")  # the mark is back
        await read(pilot)
        assert role_of(app, BRIEFING) == (Role.ITEM, 3)
        await pilot.press("u", "u")  # and gone; there is nothing more to undo
        await read(pilot)
        assert role_of(app, BRIEFING) == (Role.TEXT, 2)
        assert ("information", "There is no correction to undo.") in notifications(app)
        await pilot.press("escape")  # nothing left to lose: no question
        assert isinstance(app.screen, MinutesScreen)
    assert board.kept() == Corrections()


async def test_n_and_shift_n_go_from_one_uncertain_paragraph_to_the_next(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        paragraphs = reading(app).query_one(ParagraphList)
        await pilot.press("n")
        assert paragraphs.selected is not None and paragraphs.selected.text == "Jens Hansen, formand"
        assert "? text before the first item was not placed" in screen_text(app)  # why, below the list
        await pilot.press("n")
        assert paragraphs.selected.text == "Mette Holm, kasserer"
        await pilot.press("n")  # round the end
        assert paragraphs.selected.text == "Jens Hansen, formand"
        await pilot.press("N")
        assert paragraphs.selected.text == "Mette Holm, kasserer"


async def test_esc_after_corrections_asks_before_leaving_them(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, BRIEFING)
        await pilot.press("i")
        await read(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Go on to the minutes without your correction?" in screen_text(app)
        await pilot.press("enter")  # Enter alone answers no: she stays
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("escape", "y")
        assert isinstance(app.screen, MinutesScreen)
    assert board.titles() == ["Godkendelse af dagsorden", "Regnskab 2022", "Eventuelt"]
    assert board.kept() == Corrections()


async def test_a_correction_that_leaves_no_item_is_refused_and_taken_back(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        for item in ("1. Godkendelse af dagsorden", "2. Regnskab 2022", "3. Eventuelt"):
            await go_to(pilot, item)
            await pilot.press("t")
            await read(pilot)
        assert any("Not so: no agenda items are left" in message for _, message in notifications(app))
        assert role_of(app, "3. Eventuelt") == (Role.ITEM, 1)  # the last one was taken back
        assert len(reading(app).correcting.corrections.marks) == 2


async def test_the_item_menu_brings_the_screen_back_with_the_corrections_kept(board: Board) -> None:
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, BRIEFING)
        await pilot.press("i", "enter")
        await pilot.press(*"Orienteret.")
        await saved(pilot)
        await pilot.press("f8", "a")
        await read(pilot)
        assert role_of(app, BRIEFING) == (Role.ITEM, 3)
        assert "✎  3. Orientering fra formanden" in screen_text(app)  # her mark
        await go_to(pilot, "3. Eventuelt")
        await pilot.press("t", "enter")
        await read(pilot)
        assert isinstance(app.screen, MinutesScreen)
        assert "Orienteret." in app.screen.editor.text  # the item in front of her stays in front of her
        assert "4. Eventuelt" not in screen_text(app)
    assert board.titles() == ["Godkendelse af dagsorden", "Regnskab 2022", BRIEFING]


async def test_typing_at_once_goes_past_the_reading_to_the_minutes(board: Board) -> None:
    """Keys typed before the first frame are meant for the minutes (the app replays them)."""
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        assert isinstance(app.screen, ReadingScreen)
        app.typed_ahead = [events.Key("G", "G"), events.Key("o", "o")]  # as a terminal's first keys
        app.first_frame_shown()
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert app.screen.editor.text == "Go"


async def test_a_meeting_with_minutes_opens_on_the_minutes(board: Board) -> None:
    board.store.save_minutes(board.store.item_ids(board.meeting_id)[0], "Godkendt.")
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)


async def test_a_document_without_items_opens_as_one_item_and_its_items_are_marked_with_i(
    tmp_path: Path,
) -> None:
    """Plain lines, no numbers, no headings, no bold: refused before, so the agenda had to be typed
    again; now the whole text is one item and the secretary marks the items with i."""
    from correction_docs import Agenda

    lines = ("Bestyrelsesmøde", "Godkendelse af referat", "Referatet er udsendt.", "Budget 2024", "Eventuelt")
    agenda = Agenda()
    for line in lines:
        agenda.p(line)
    path = agenda.save(tmp_path / "dagsorden.docx")
    store = Store.open(tmp_path / "t.db")
    try:
        meeting_id = draft_for_file(store, path).meeting_id
        assert [item.title for item in store.load_meeting(meeting_id).items] == ["Bestyrelsesmøde"]
        app = make_app(tmp_path / "t.db", meeting_id, store=store, settings_path=tmp_path / "none.toml")
        async with app.run_test(size=SIZE) as pilot:
            await read(pilot)
            assert "no agenda items were found" in screen_text(app)  # the first line: why, and how
            for title in ("Godkendelse af referat", "Budget 2024", "Eventuelt"):
                await go_to(pilot, title)
                await pilot.press("i")
                await read(pilot)
            assert role_of(app, "Bestyrelsesmøde") == (Role.HEADER, None)  # the one item gave way
            assert role_of(app, "Referatet er udsendt.") == (Role.TEXT, 1)
            await pilot.press("enter")
            assert isinstance(app.screen, MinutesScreen)
        meeting = store.load_meeting(meeting_id)
        assert [item.title for item in meeting.items] == [
            "Godkendelse af referat",
            "Budget 2024",
            "Eventuelt",
        ]
        assert meeting.items[0].case == "Referatet er udsendt.\n"  # Markdown, as the reader writes it
    finally:
        store.close()


async def test_a_file_of_several_meetings_asks_which_and_opens_its_draft(tmp_path: Path) -> None:
    agenda = three_meetings().save(tmp_path / "bestyrelsen-2023.docx")
    store = Store.open(tmp_path / "t.db")
    try:
        with pytest.raises(SeveralMeetings) as several:
            draft_for_file(store, agenda)
        app = make_app(
            tmp_path / "t.db", store=store, settings_path=tmp_path / "none.toml", several=several.value
        )
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ChoiceDialog)
            shown = screen_text(app)
            assert "bestyrelsen-2023.docx holds 3 meetings: which one?" in shown
            assert "3.10.2023 – Bestyrelsesmøde (first item: Budget 2024)" in shown
            await pilot.press("2")
            await read(pilot)
            assert "meeting 2 of 3" in screen_text(app) and "Budget 2024" in screen_text(app)
            await pilot.press("escape")
            assert isinstance(app.screen, MinutesScreen)
        assert store.find_by_source(agenda, 2) is not None and store.find_by_source(agenda, 1) is None
        # from the picker: the path typed, the choice shown, the draft made before marked
        app = make_app(tmp_path / "t.db", store=store, settings_path=tmp_path / "none.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            await pilot.pause()
            assert "bestyrelsen-2023.docx (meeting 2 of the" in screen_text(app)
            path = app.screen.query_one("#path", Input)
            path.focus()
            path.value = str(agenda)  # (typed: tmp_path is long, and typing is not what is tested)
            await pilot.press("enter")
            assert isinstance(app.screen, ChoiceDialog)
            assert "Budget 2024) · its draft: meeting 1" in screen_text(app)
            await pilot.press("escape")  # not now: back in the picker
            assert isinstance(app.screen, PickerScreen)
    finally:
        store.close()


async def test_the_issues_case_fixed_with_keys_minutes_taken_then_the_agenda_updated(board: Board) -> None:
    """Open a document the reader gets wrong, fix it with keys, take minutes; the chair sends
    an updated agenda (a line added, item 2's text reworded), it is opened again: the fixes
    and the minutes are still there."""
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, "Jens Hansen, formand")
        await pilot.press("p", "p")
        await go_to(pilot, BRIEFING)
        await pilot.press("i", "up", "r", "ctrl+u", *"Formandens orientering", "enter")
        await read(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, MinutesScreen)
        await pilot.press(*"Godkendt.", "ctrl+down", "ctrl+down", *"Vejen er lavet.")
        await saved(pilot)
        await pilot.press("ctrl+q")

    board_agenda(updated=True).save(board.agenda)
    draft = draft_for_file(board.store, board.agenda)
    assert draft.update is not None and draft.stale == []
    app = board.app(draft=draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # what the new version changes, first
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)  # minutes are taken: straight to them
        shown = screen_text(app)
        assert "3. Formandens ori" in shown and "4. Eventuelt" in shown
    meeting = board.store.load_meeting(board.meeting_id)
    assert [i.title for i in meeting.items] == [
        "Godkendelse af dagsorden", "Regnskab 2022", "Formandens orientering", "Eventuelt",
    ]  # fmt: skip
    assert [p.name for p in meeting.participants] == ["Jens Hansen", "Mette Holm"]
    assert [i.minutes for i in meeting.items] == ["Godkendt.", "", "Vejen er lavet.", ""]
    assert "Husk at melde afbud til formanden." in meeting.items[0].case
    assert meeting.items[1].case.startswith("Kassereren gennemgår det reviderede regnskab.")
    assert len(board.kept().marks) == 3


async def test_an_update_whose_corrections_no_longer_apply_says_so(board: Board) -> None:
    store = board.store
    from referent.correcting import Correcting, bring_into_draft, word_source
    from referent.correcting import read as read_word

    source = word_source(store, board.meeting_id)
    assert source is not None
    correcting = Correcting(Corrections())
    placed = next(p for p in read_word(source, correcting.corrections).placed if p.text == BRIEFING)
    correcting.role(placed, Role.ITEM)
    bring_into_draft(store, board.meeting_id, source, correcting.corrections,
                     read_word(source, correcting.corrections).meeting)  # fmt: skip
    changed = board_agenda()
    changed.document.paragraphs[9].runs[0].text = "Orientering fra næstformanden"
    changed.save(board.agenda)
    draft = draft_for_file(store, board.agenda)
    assert len(draft.stale) == 1
    app = board.app(draft=draft)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")  # bring the new version in
        await read(pilot)
        expected = (
            "1 of your corrections to how the agenda was read no longer applies: its paragraph is gone "
            "from the file."
        )
        assert ("warning", expected) in notifications(app)
        assert "1 correction no longer applies" in screen_text(app)


def test_the_correction_screen_at_80x24(tmp_path: Path, snap_compare: Callable[..., bool]) -> None:
    """A paragraph made an item (its mark, the meeting on the right with four items), then the
    first uncertain paragraph selected: why it is uncertain, below the list."""
    board = Board(tmp_path)

    async def correct(pilot: Pilot[None]) -> None:
        await read(pilot)
        await go_to(pilot, BRIEFING)
        await pilot.press("i")
        await read(pilot)
        await pilot.press("n")

    try:
        assert snap_compare(board.app(), run_before=correct, terminal_size=(80, 24))
    finally:
        board.store.close()


async def test_a_mark_the_reader_cannot_follow_is_said(board: Board) -> None:
    """A name line before the first item marked a header line stays text (the header has no
    place for it): the screen says so instead of showing a mark that did nothing."""
    app = board.app()
    async with app.run_test(size=SIZE) as pilot:
        await read(pilot)
        await go_to(pilot, "Jens Hansen, formand")
        await pilot.press("h", "up")
        await read(pilot)
        assert role_of(app, "Jens Hansen, formand") == (Role.TEXT, 1)
        assert "marked a line of the header: not possible here" in screen_text(app)
        await pilot.press("p")
        await read(pilot)
        await pilot.press("up")
        assert "your correction" in screen_text(app) and "not possible" not in screen_text(app)
