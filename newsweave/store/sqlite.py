"""SQLite store: WAL journal, one transaction per batch, so an interrupted run loses nothing stored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..records import Analysis, Article, Skip, StoryState

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    data TEXT NOT NULL,
    embedding BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    report TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id)
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS skips (origin TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(ids: list[str], n: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), n):
        yield ids[i : i + n]


class StoreError(RuntimeError):
    pass


class SQLiteStore:
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(_DDL)
        except (sqlite3.DatabaseError, OSError) as e:
            raise StoreError(f"cannot open store {path!r}: {e} (is it a newsweave database?)") from e
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise StoreError(f"store {path!r} has schema {row[0]}, this newsweave needs {SCHEMA_VERSION}")

    # -- articles -----------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            q = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.db.execute(q, chunk))
        return found

    def add_analysed(self, items: list[tuple[Article, Analysis, np.ndarray]]) -> int:
        now = _now()
        with self._tx():
            before = self.db.total_changes
            self.db.executemany(
                "INSERT OR IGNORE INTO articles (id, data, added_at) VALUES (?, ?, ?)",
                [(a.id, json.dumps(a.to_dict(), ensure_ascii=False), now) for a, _, _ in items],
            )
            added = self.db.total_changes - before
            self.db.executemany(
                "INSERT OR IGNORE INTO analyses (article_id, data, embedding) VALUES (?, ?, ?)",
                [
                    (a.id, json.dumps(an.to_dict(), ensure_ascii=False),
                     np.asarray(v, dtype=np.float32).tobytes())
                    for a, an, v in items
                ],
            )  # fmt: skip
        return added

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.db.execute("SELECT data FROM articles ORDER BY seq").fetchall()
            return [Article.from_dict(json.loads(r[0])) for r in rows]
        by_id: dict[str, Article] = {}
        wanted = list(ids)
        for chunk in _chunks(wanted):
            q = f"SELECT id, data FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            for i, d in self.db.execute(q, chunk):
                by_id[i] = Article.from_dict(json.loads(d))
        return [by_id[i] for i in wanted if i in by_id]

    def article_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def analyses(self, ids: Iterable[str]) -> dict[str, Analysis]:
        out: dict[str, Analysis] = {}
        for chunk in _chunks(list(ids)):
            q = f"SELECT article_id, data FROM analyses WHERE article_id IN ({','.join('?' * len(chunk))})"
            for i, d in self.db.execute(q, chunk):
                out[i] = Analysis.from_dict(i, json.loads(d))
        return out

    def embeddings(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for chunk in _chunks(list(ids)):
            q = f"SELECT article_id, embedding FROM analyses WHERE article_id IN ({','.join('?' * len(chunk))})"
            for i, b in self.db.execute(q, chunk):
                out[i] = np.frombuffer(b, dtype=np.float32)
        return out

    # -- stories ------------------------------------------------------------------------------
    def story_states(self) -> list[StoryState]:
        out = []
        for (s,) in self.db.execute("SELECT state FROM stories ORDER BY rowid"):
            d = json.loads(s)
            out.append(
                StoryState(
                    id=d["id"], members=tuple(d["members"]), centroid=tuple(d["centroid"]),
                    entities=tuple((k, int(n)) for k, n in d.get("entities", ())),
                    first=d.get("first"), last=d.get("last"),
                )
            )  # fmt: skip
        return out

    def save_clustering(self, states: list[StoryState], assignments: dict[str, str]) -> None:
        """Replace changed story states and member assignments in one transaction."""
        now = _now()
        with self._tx():
            for st in states:
                state = json.dumps({
                    "id": st.id, "members": list(st.members), "centroid": [round(x, 6) for x in st.centroid],
                    "entities": [list(e) for e in st.entities], "first": st.first, "last": st.last,
                })  # fmt: skip
                self.db.execute(
                    "INSERT INTO stories (id, state, report, updated_at) VALUES (?, ?, NULL, ?) "
                    "ON CONFLICT(id) DO UPDATE SET state=excluded.state, report=NULL, "
                    "updated_at=excluded.updated_at",
                    (st.id, state, now),
                )
            live = {st.id for st in states if st.members}
            self.db.executemany(
                "INSERT INTO story_members (article_id, story_id) VALUES (?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET story_id=excluded.story_id",
                list(assignments.items()),
            )
            for st in states:
                if st.id not in live:  # merged away
                    self.db.execute("DELETE FROM stories WHERE id=?", (st.id,))

    def story_members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        q = "SELECT m.story_id, m.article_id FROM story_members m JOIN articles a ON a.id=m.article_id ORDER BY a.seq"
        for s, a in self.db.execute(q):
            out.setdefault(s, []).append(a)
        return out

    def save_story_reports(self, reports: dict[str, dict[str, Any]]) -> None:
        with self._tx():
            self.db.executemany(
                "UPDATE stories SET report=?, updated_at=? WHERE id=?",
                [(json.dumps(r, ensure_ascii=False), _now(), sid) for sid, r in reports.items()],
            )

    def story_reports(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT report FROM stories WHERE report IS NOT NULL").fetchall()
        return [json.loads(r[0]) for r in rows]

    def story_report(self, story_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT report FROM stories WHERE id=? OR id LIKE ? ORDER BY id=? DESC LIMIT 1",
            (story_id, story_id + "%", story_id),
        ).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def unclustered_ids(self) -> list[str]:
        q = ("SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id=a.id "
             "WHERE m.article_id IS NULL ORDER BY a.seq")  # fmt: skip
        return [r[0] for r in self.db.execute(q)]

    def stale_stories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM stories WHERE report IS NULL")]

    # -- misc ---------------------------------------------------------------------------------
    def log_skips(self, skips: list[Skip]) -> None:
        if skips:
            now = _now()
            with self._tx():
                self.db.executemany("INSERT INTO skips VALUES (?, ?, ?)", [(s.origin, s.reason, now) for s in skips])

    def close(self) -> None:
        self.db.close()

    def _tx(self) -> _Tx:
        return _Tx(self.db)


class _Tx:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (including KeyboardInterrupt)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
