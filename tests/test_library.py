"""The library of past meetings in the store: bodies, the search index kept in step, follow-ups."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from referent.model import ActionItem, ActionState, Item, Meeting, Participant
from referent.store import Store, searchindex
from referent.store.bodies import UnknownBody

if TYPE_CHECKING:
    from conftest import FakeClock

FIXTURES = Path(__file__).parent / "fixtures"


def meeting(
    day: date, *items: Item, body: str = "Sundhedsudvalget", people: tuple[str, ...] = ("Anna",)
) -> Meeting:
    return Meeting(
        title=f"Møde i {body}",
        date=day,
        body=body,
        location="Rådhuset",
        participants=[Participant(name) for name in people],
        items=list(items),
    )


def found(store: Store, query: str, public: bool = False) -> list[tuple[int, str]]:
    """(meeting, item title) of every hit, best first."""
    return [(hit.meeting_id, hit.item_title) for hit in store.search(query, public=public)]


def indexed(store: Store) -> dict[int, tuple[str, str]]:
    """The index as a search finds it, item id -> (title stems, text stems)."""
    store.refresh_search()
    rows = store.db.query(f"SELECT rowid, title, words FROM {searchindex.TABLE}")
    return {row["rowid"]: (row["title"], row["words"]) for row in rows}


def rebuilt(store: Store) -> dict[int, tuple[str, str]]:
    """The index as built from nothing: what ``indexed`` must equal after every change."""
    copy = sqlite3.connect(":memory:")
    store.db.connection.backup(copy)
    copy.execute(f"DELETE FROM {searchindex.TABLE}")
    copy.execute(f"INSERT INTO {searchindex.STALE} SELECT id FROM items")
    searchindex.refresh(copy)
    rows = copy.execute(f"SELECT rowid, title, words FROM {searchindex.TABLE}").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


# --- search in Danish forms ------------------------------------------------------------------


def test_search_finds_the_danish_forms_of_a_word(store: Store) -> None:
    first = store.import_meeting(
        meeting(
            date(2023, 3, 13),
            Item("Sundhedsaftalen 2024", case="Udkastet drøftes."),
            Item("Budget", minutes="Sagen sendes til udvalg og BØRNEUDVALGET."),
            Item("Eventuelt", minutes="Intet."),
        )
    )
    assert found(store, "sundhedsaftale") == [(first, "Sundhedsaftalen 2024")]
    assert found(store, "sundhedsaftalerne") == [(first, "Sundhedsaftalen 2024")]
    assert found(store, "udvalget") == [(first, "Budget")]
    assert found(store, "børneudvalg") == [(first, "Budget")]  # æøå, whatever the case
    assert found(store, "SUNDHEDSAFTALE udkast") == [(first, "Sundhedsaftalen 2024")]
    assert found(store, "sundhedsaftale budget") == []  # every word must be in the item
    assert found(store, "kommissorium") == []
    assert found(store, "  ,.; ") == []


def test_a_base_word_finds_its_definite_form_snowball_stems_apart(store: Store) -> None:
    """Snowball stems ``budget`` to ``budg`` but ``budgettet`` to ``budget``: the word typed
    finds both, and is highlighted in both."""
    first = store.import_meeting(
        meeting(
            date(2023, 3, 13),
            Item("Økonomi", minutes="Budgettet for 2024 blev godkendt."),
            Item("Drift", minutes="Et nyt budget lægges frem. Kapaciteten øges."),
            Item("Eventuelt", minutes="Hansen deltog."),
        )
    )
    assert sorted(found(store, "budget")) == [(first, "Drift"), (first, "Økonomi")]
    assert found(store, "budgettet") == [(first, "Økonomi")]
    assert found(store, "kapacitet") == [(first, "Drift")]
    assert found(store, "han") == []  # the stems are not stemmed again: Hansen is not "han"
    marked = {text for hit in store.search("budget") for text, hit_word in hit.snippet if hit_word}
    assert marked == {"Budgettet", "budget"}


def test_a_hit_shows_where_it_is_and_the_words_found(store: Store) -> None:
    store.import_meeting(meeting(date(2023, 1, 9), Item("Andet")))
    meeting_id = store.import_meeting(
        meeting(
            date(2023, 3, 13),
            Item("Godkendelse"),
            Item("Aftaler", minutes="Vi drøftede sundhedsaftalerne længe."),
        )
    )
    (hit,) = store.search("sundhedsaftale")
    assert (hit.meeting_id, hit.meeting_date, hit.item_number, hit.body) == (
        meeting_id,
        date(2023, 3, 13),
        2,
        "Sundhedsudvalget",
    )
    assert [text for text, marked in hit.snippet if marked] == ["sundhedsaftalerne"]
    assert "".join(text for text, _ in hit.snippet) == "Vi drøftede sundhedsaftalerne længe."


def test_a_word_in_the_title_ranks_before_one_in_the_text(store: Store) -> None:
    store.import_meeting(
        meeting(
            date(2023, 3, 13),
            Item("Budget", case="Handleplanen nævnes her i forbifarten blandt mange andre ord om budgettet."),
            Item("Handleplan for udvalget"),
        )
    )
    assert [title for _, title in found(store, "handleplan")] == ["Handleplan for udvalget", "Budget"]


def test_a_closed_item_is_never_a_public_hit(store: Store) -> None:
    meeting_id = store.import_meeting(
        meeting(
            date(2023, 3, 13),
            Item("Personalesag", closed=True, case="Sundhedsaftalen og en medarbejder."),
            Item("Sundhedsaftalen"),
        )
    )
    assert sorted(found(store, "sundhedsaftale")) == [
        (meeting_id, "Personalesag"),
        (meeting_id, "Sundhedsaftalen"),
    ]
    assert found(store, "sundhedsaftale", public=True) == [(meeting_id, "Sundhedsaftalen")]
    assert found(store, "medarbejder", public=True) == []
    assert [hit.closed for hit in store.search("medarbejder")] == [True]


# --- the index follows every change ----------------------------------------------------------


def test_the_index_follows_edits_actions_reordering_and_the_agenda(store: Store) -> None:
    meeting_id = store.import_meeting(meeting(date(2023, 3, 13), Item("Budget"), Item("Eventuelt")))
    budget, other = store.item_ids(meeting_id)
    store.save_minutes(budget, "Handleplanen blev godkendt.")
    stale = f"SELECT item_id FROM {searchindex.STALE}"
    assert store.db.value(stale) == budget  # a save only marks the item: typing stays fast
    assert found(store, "handleplan") == [(meeting_id, "Budget")]
    assert store.db.value(stale) is None
    store.save_minutes(budget, "Budgettet blev godkendt.")
    assert found(store, "handleplan") == []
    store.update_item(other, title="Trafikplan")
    assert found(store, "trafikplanen") == [(meeting_id, "Trafikplan")]
    store.add_action(other, ActionItem("Cykelstierne undersøges", "Forvaltningen"))
    assert found(store, "cykelsti") == [(meeting_id, "Trafikplan")]
    store.replace_row("actions", other, 0, ActionItem("Busserne tælles", "Forvaltningen"))
    assert (found(store, "cykelsti"), found(store, "bus")) == ([], [(meeting_id, "Trafikplan")])
    store.delete_row("actions", other, 0)
    assert found(store, "bus") == []
    store.move_item(other, -1)
    assert [hit.item_number for hit in store.search("trafikplan")] == [1]
    assert indexed(store) == rebuilt(store)
    assert store.db.value(f"SELECT COUNT(*) FROM {searchindex.STALE}") == 0


def test_corrections_after_approval_are_found_and_the_old_words_are_not(store: Store) -> None:
    meeting_id = store.import_meeting(meeting(date(2023, 3, 13), Item("Budget", minutes="Udsat til juni.")))
    (budget,) = store.item_ids(meeting_id)
    store.approve(meeting_id, "Formanden")
    store.reopen(meeting_id, "Forkert måned")
    store.save_minutes(budget, "Udsat til august.")
    store.approve(meeting_id, "Formanden")
    assert found(store, "juni") == []
    assert found(store, "august") == [(meeting_id, "Budget")]
    assert indexed(store) == rebuilt(store)


def test_a_deleted_meeting_leaves_the_index(store: Store) -> None:
    kept = store.import_meeting(meeting(date(2023, 1, 9), Item("Sundhedsaftalen")))
    gone = store.import_meeting(
        meeting(date(2023, 3, 13), Item("Sundhedsaftalen", actions=[ActionItem("Aftalen sendes ud")]))
    )
    store.delete_meeting(gone)
    assert found(store, "sundhedsaftale") == [(kept, "Sundhedsaftalen")]
    assert found(store, "sendes") == []
    assert set(indexed(store)) == set(store.item_ids(kept))
    assert [m.id for m in store.list_meetings()] == [kept]


def test_approved_minutes_cannot_be_deleted(store: Store) -> None:
    from referent.store import ApprovedMinutes

    meeting_id = store.import_meeting(meeting(date(2023, 3, 13), Item("Budget")))
    store.approve(meeting_id, "Formanden")
    with pytest.raises(ApprovedMinutes):
        store.delete_meeting(meeting_id)
    assert found(store, "budget") == [(meeting_id, "Budget")]


def test_a_database_from_before_is_migrated_bodies_follow_ups_and_index(tmp_path: Path) -> None:
    """``schema-m010.db`` was written by referent before this change (see its README)."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "databases" / "schema-m010.db", path)
    store = Store.open(path)
    try:
        assert store.db.value("SELECT COUNT(*) FROM meetings WHERE body_id IS NULL") == 0
        assert [body.name for body in store.bodies()] == [
            "Direktørforum",
            "Politisk Niveau Sundhedsklynge Midt",
            "Klyngestyregruppe Nord",
        ]
        politisk = store.body_of(1)
        assert politisk.participants[0].name == "Mads Duedahl"
        assert "Sundhedsaftalen sendes til udvalget" in [f.what for f in store.open_follow_ups(politisk.id)]
        hits = {(hit.meeting_id, hit.item_number) for hit in store.search("sundhedsaftale")}
        assert (1, 2) in hits and (1, 3) in hits
        assert (1, 2) in {(hit.meeting_id, hit.item_number) for hit in store.search("udvalg")}  # the action
        assert indexed(store) == rebuilt(store)
        assert store.load_meeting(1).approved  # moved and indexed, not changed
    finally:
        store.close()


# --- bodies ----------------------------------------------------------------------------------


def test_meetings_join_the_body_their_agenda_names_and_list_grouped_newest_first(store: Store) -> None:
    march = store.import_meeting(meeting(date(2023, 3, 13), Item("A")))
    other = store.import_meeting(meeting(date(2023, 2, 1), Item("B"), body="Ældrerådet"))
    may = store.import_meeting(meeting(date(2023, 5, 8), Item("C"), body="sundhedsudvalget "))
    untitled = store.import_meeting(Meeting("Kulturforum", date(2022, 1, 1)))
    assert [(m.body, m.id) for m in store.list_meetings()] == [
        ("Sundhedsudvalget", may),
        ("Sundhedsudvalget", march),
        ("Ældrerådet", other),
        ("Kulturforum", untitled),  # no body named: its title
    ]
    assert store.find_body("sundhed").name == "Sundhedsudvalget"
    with pytest.raises(UnknownBody, match="Ældrerådet"):
        store.find_body("Teknik")


def test_a_body_takes_its_standing_people_style_and_place_from_its_newest_meeting(store: Store) -> None:
    old = store.import_meeting(meeting(date(2023, 3, 13), Item("A"), people=("Anna", "Bo")))
    new = store.import_meeting(meeting(date(2023, 5, 8), Item("A"), people=("Anna", "Cecilie")))
    store.import_meeting(meeting(date(2022, 5, 8), Item("A"), people=("Dorte",)))  # older: changes nothing
    assert [p.name for p in store.body_of(old).participants] == ["Anna", "Cecilie"]
    store.delete_meeting(new)
    assert [p.name for p in store.body_of(old).participants] == ["Anna", "Bo"]


def test_a_meeting_is_moved_to_another_body_even_when_approved(store: Store) -> None:
    first = store.import_meeting(meeting(date(2023, 3, 13), Item("A"), body="Sundhedsudvalget"))
    second = store.import_meeting(meeting(date(2023, 5, 8), Item("A"), body="Sundhedsudvalg"))
    store.approve(second, "Formanden")
    body = store.set_body(second, "sundhedsudvalget")
    assert body.id == store.body_of(first).id
    assert [b.name for b in store.bodies()] == ["Sundhedsudvalget"]  # the one left empty is gone
    assert store.load_meeting(second).approved
    with pytest.raises(ValueError):
        store.set_body(first, "  ")


# --- follow-ups ------------------------------------------------------------------------------


def test_follow_ups_are_carried_until_marked_done_or_dropped(store: Store) -> None:
    first = store.import_meeting(
        meeting(
            date(2023, 3, 13),
            Item(
                "Budget",
                actions=[
                    ActionItem("Tal indhentes", "Økonomi", "1. april 2023"),
                    ActionItem("Plan skrives", "Sekretariatet", "primo juni"),
                    ActionItem("Notat udsendes", "Anna", "1. februar 2023"),
                ],
            ),
        )
    )
    store.import_meeting(meeting(date(2023, 3, 1), Item("X"), body="Ældrerådet"))
    second = store.import_meeting(meeting(date(2023, 5, 8), Item("Opfølgning")))
    third = store.import_meeting(meeting(date(2023, 6, 12), Item("Opfølgning")))
    assert [f.what for f in store.follow_ups_for(first)] == []
    numbers, plan, notat = (f.action_id for f in store.follow_ups_for(second))
    store.approve(first, "Formanden")  # the meeting that agreed them is approved: still marked
    store.mark_follow_up(second, numbers, ActionState.DONE)
    store.mark_follow_up(second, plan, ActionState.OPEN)  # carried
    store.mark_follow_up(second, notat, ActionState.DROPPED)
    marked = {f.what: (f.state, f.carried, f.state_on) for f in store.follow_ups_for(second)}
    assert marked == {
        "Tal indhentes": (ActionState.DONE, False, date(2023, 5, 8)),
        "Plan skrives": (ActionState.OPEN, True, date(2023, 5, 8)),
        "Notat udsendes": (ActionState.DROPPED, False, date(2023, 5, 8)),
    }
    assert [f.what for f in store.follow_ups_for(third)] == ["Plan skrives"]
    assert [f.what for f in store.open_follow_ups()] == ["Plan skrives"]
    done = store.load_meeting(first).items[0].actions[0]
    assert (done.state, done.state_on) == (ActionState.DONE, date(2023, 5, 8))
    store.approve(second, "Formanden")
    from referent.store import ApprovedMinutes

    with pytest.raises(ApprovedMinutes):
        store.mark_follow_up(second, plan, ActionState.DONE)


def test_open_follow_ups_are_listed_overdue_first(store: Store, clock: FakeClock) -> None:
    store.import_meeting(
        meeting(
            date(2023, 1, 9),
            Item(
                "Budget",
                actions=[
                    ActionItem("Uden dato", "A", "snarest"),
                    ActionItem("Senere", "B", "1. maj 2023"),
                    ActionItem("Overskredet", "C", "1. marts 2023"),
                    ActionItem("Meget overskredet", "D", "15. januar"),
                ],
            ),
        )
    )
    assert clock().date() == date(2023, 3, 13)
    follow_ups = store.open_follow_ups()
    assert [f.what for f in follow_ups] == ["Meget overskredet", "Overskredet", "Senere", "Uden dato"]
    assert [f.overdue(clock().date()) for f in follow_ups] == [True, True, False, False]
    assert follow_ups[0].due_date == date(2023, 1, 15)  # the first 15 January after the meeting


def test_closing_the_store_indexes_what_changed(store: Store, tmp_path: Path) -> None:
    meeting_id = store.import_meeting(meeting(date(2023, 3, 13), Item("Budget")))
    (budget,) = store.item_ids(meeting_id)
    store.save_minutes(budget, "Handleplanen blev godkendt.")
    store.close()
    reader = sqlite3.connect(tmp_path / "t.db")
    try:
        assert reader.execute(f"SELECT COUNT(*) FROM {searchindex.STALE}").fetchone() == (0,)
        match = f"SELECT rowid FROM {searchindex.TABLE} WHERE {searchindex.TABLE} MATCH 'handleplan'"
        assert reader.execute(match).fetchall() == [(budget,)]
    finally:
        reader.close()
