"""Search across the minutes of every meeting: ranked hits with the words that matched.

The index (``searchindex``) holds stems; a hit is ranked by FTS5's BM25 (a word in an item's
title counts more than one in its text), and its words are found again in the item's own text
to show them highlighted. A ``public`` search never sees a closed item.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from dataclasses import dataclass
from datetime import date

from referent.searchwords import Segment, candidates, match_expression, query_stems, snippet
from referent.store import searchindex
from referent.store.base import StoreBase
from referent.store.database import DatabaseError
from referent.store.searchindex import OUTCOME_WORDS

TITLE_WEIGHT = 4.0
"""How much more a word in an item's title counts than one in its text."""


@dataclass(frozen=True)
class SearchHit:
    """One item whose words match: where it is, and the words around the match."""

    meeting_id: int
    meeting_title: str
    meeting_date: date
    body: str
    item_id: int
    item_number: int
    item_title: str
    closed: bool
    approved: bool
    snippet: list[Segment]
    """The item's text around the first match (its title if nothing else matched), the matching
    words marked."""


class Searching(StoreBase):
    """``search``, and keeping the index in step: before every search, and on closing."""

    def refresh_search(self) -> None:
        """Index the items changed since the index last followed (none, mostly: one query).
        Not done on every save, which must stay fast while a long text is typed: indexing a
        20,000-word minutes text on each save took 150 ms."""
        if self.db.read_only or not self.db.value(f"SELECT 1 FROM {searchindex.STALE} LIMIT 1"):
            return
        with self.transaction():
            searchindex.refresh(self.db.connection)

    def _before_closing(self) -> None:
        with contextlib.suppress(DatabaseError, sqlite3.Error):  # (the next search indexes it then)
            self.refresh_search()

    def search(self, query: str, public: bool = False, limit: int = 50) -> list[SearchHit]:
        """The items whose words (in their Danish forms) are all in ``query``, best first."""
        expression = match_expression(query)
        if not expression:
            return []
        self.refresh_search()
        cursor = self.db.connection.execute(
            f"""SELECT rowid FROM {searchindex.TABLE} WHERE {searchindex.TABLE} MATCH ?
               ORDER BY bm25({searchindex.TABLE}, {TITLE_WEIGHT}, 1.0)""",
            [expression],
        )  # ranked on the index alone: the items' texts are read for the hits shown only
        closed = (
            {row["id"] for row in self.db.query("SELECT id FROM items WHERE closed = 1")} if public else set()
        )
        ranked = list(itertools.islice((row[0] for row in cursor if row[0] not in closed), limit))
        cursor.close()
        if not ranked:
            return []
        marks = ", ".join("?" for _ in ranked)
        found = {
            row["item_id"]: row
            for row in self.db.query(
                f"""SELECT i.id AS item_id, i.meeting_id, i.position, i.title, i.closed, i.case_text,
                     i.minutes, i.rec_intro, i.rec_points, i.rec_short, i.rec_outcomes,
                     m.title AS meeting_title, m.date, COALESCE(b.name, '') AS body,
                     (SELECT a.reopened_at IS NULL FROM approvals a
                      WHERE a.meeting_id = m.id AND a.imported = 0 ORDER BY a.id DESC LIMIT 1) AS approved
                   FROM items i JOIN meetings m ON m.id = i.meeting_id
                   LEFT JOIN bodies b ON b.id = m.body_id
                   WHERE i.id IN ({marks})""",
                ranked,
            )
        }
        rows = [found[item_id] for item_id in ranked if item_id in found]
        wanted = query_stems(query)
        maybe = candidates(wanted)
        hits = []
        for row in rows:
            texts = [
                row["minutes"] or "",
                row["case_text"] or "",
                *self._action_texts(row["item_id"]),
                row["rec_intro"] or "",
                *json.loads(row["rec_points"] or "[]"),
                row["rec_short"] or "",
                " ".join(OUTCOME_WORDS.get(value, "") for value in json.loads(row["rec_outcomes"] or "[]")),
            ]
            shown = next((part for text in texts if (part := snippet(text, wanted, maybe=maybe))), None)
            hits.append(
                SearchHit(
                    meeting_id=row["meeting_id"],
                    meeting_title=row["meeting_title"],
                    meeting_date=date.fromisoformat(row["date"]),
                    body=row["body"],
                    item_id=row["item_id"],
                    item_number=row["position"] + 1,
                    item_title=row["title"],
                    closed=bool(row["closed"]),
                    approved=bool(row["approved"]),
                    snippet=shown or snippet(row["title"], wanted, maybe=maybe) or [(row["title"], False)],
                )
            )
        return hits

    def _action_texts(self, item_id: int) -> list[str]:
        rows = self.db.query(
            "SELECT what, who, due FROM actions WHERE item_id = ? ORDER BY position", [item_id]
        )
        return [" – ".join(part for part in (r["what"], r["who"], r["due"]) if part) for r in rows]
