"""The full-text index of every item's words, kept in step with the items by SQLite itself.

FTS5 holds one row per item (its rowid is the item's id): the stems of its title, and of its
case text, recommendation, outcomes, minutes and action items (``referent.searchwords``).
Stemming needs Python, so triggers do not index: they note an item as stale
(``search_stale``) whenever its words, or its action items, change in any way, and the store
indexes the stale items again before it searches and when it is closed (``refresh``), not on
every save of a text being typed. Whatever writes the rows, a search sees them as they are
now; a deleted item leaves the index at once.
"""

from __future__ import annotations

import json
import sqlite3

from referent.model import Outcome

TABLE = "search_index"
STALE = "search_stale"

OUTCOME_WORDS = {
    Outcome.APPROVED.value: "godkendt",
    Outcome.NOTED.value: "taget til efterretning",
    Outcome.DISCUSSED.value: "drøftet",
    Outcome.POSTPONED.value: "udsat",
    Outcome.REJECTED.value: "ikke godkendt",
}
"""An outcome as the minutes print it, so that ``godkendt`` finds the items approved."""

SCHEMA = f"""
CREATE VIRTUAL TABLE {TABLE} USING fts5(title, words, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE {STALE} (item_id INTEGER PRIMARY KEY);
CREATE TRIGGER search_item_added AFTER INSERT ON items
  BEGIN INSERT OR IGNORE INTO {STALE} VALUES (new.id); END;
CREATE TRIGGER search_item_changed
  AFTER UPDATE OF title, case_text, minutes, rec_intro, rec_points, rec_short, rec_outcomes ON items
  BEGIN INSERT OR IGNORE INTO {STALE} VALUES (new.id); END;
CREATE TRIGGER search_item_deleted AFTER DELETE ON items
  BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; DELETE FROM {STALE} WHERE item_id = old.id; END;
CREATE TRIGGER search_action_added AFTER INSERT ON actions
  BEGIN INSERT OR IGNORE INTO {STALE} VALUES (new.item_id); END;
CREATE TRIGGER search_action_changed AFTER UPDATE OF what, who, due ON actions
  BEGIN INSERT OR IGNORE INTO {STALE} VALUES (new.item_id); END;
CREATE TRIGGER search_action_deleted AFTER DELETE ON actions
  BEGIN INSERT OR IGNORE INTO {STALE} VALUES (old.item_id); END;
"""


def create(connection: sqlite3.Connection) -> None:
    """The index, its stale list and the triggers; every item is stale (``refresh`` fills it)."""
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            connection.execute(statement)
    connection.execute(f"INSERT OR IGNORE INTO {STALE} SELECT id FROM items")


def refresh(connection: sqlite3.Connection) -> int:
    """Index the stale items again (inside the caller's transaction); returns how many."""
    stale = [row[0] for row in connection.execute(f"SELECT item_id FROM {STALE}")]
    if not stale:
        return 0
    from referent.searchwords import stemmed

    for start in range(0, len(stale), 500):
        chunk = stale[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        actions: dict[int, list[str]] = {}
        for item_id, what, who, due in connection.execute(
            f"SELECT item_id, what, who, due FROM actions WHERE item_id IN ({marks}) ORDER BY position", chunk
        ):
            actions.setdefault(item_id, []).extend((what or "", who or "", due or ""))
        rows = []
        for row in connection.execute(
            "SELECT id, title, case_text, rec_intro, rec_points, rec_short, rec_outcomes, minutes"
            f" FROM items WHERE id IN ({marks})",
            chunk,
        ):
            item_id, title, case, intro, points, short, outcomes, minutes = row
            words = [
                case or "",
                intro or "",
                *json.loads(points or "[]"),
                short or "",
                *(OUTCOME_WORDS.get(value, "") for value in json.loads(outcomes or "[]")),
                minutes or "",
                *actions.get(item_id, []),
            ]
            rows.append((item_id, stemmed([title or ""]), stemmed(words)))
        connection.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", chunk)
        connection.executemany(f"INSERT INTO {TABLE} (rowid, title, words) VALUES (?, ?, ?)", rows)
        connection.execute(f"DELETE FROM {STALE} WHERE item_id IN ({marks})", chunk)
    return len(stale)
