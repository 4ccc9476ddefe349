"""SQLite store: WAL journal, one transaction per batch, so an interrupted run loses nothing stored."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..records import Analysis, Article, KnownEntity, Skip, StoryState

SCHEMA_VERSION = 1
MAX_ENTITY_VARIANTS = 100  # names kept per entity across stories (most stories first), for matching and display

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
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sentence_vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (hash TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id));
-- entities across stories (stages/registry.py): one row per entity, one per (story, entity of the story),
-- and the blocking keys each story's entity is found under
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, family TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL,
    variants TEXT NOT NULL, stories INTEGER NOT NULL, mentions INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_links (
    story_id TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL,
    variants TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (story_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_links_entity ON entity_links(entity_id);
CREATE TABLE IF NOT EXISTS entity_keys (
    key TEXT NOT NULL, entity_id TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (key, entity_id, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_keys_story ON entity_keys(story_id);
-- per entity, how many stories and mentions each (name, label) has: the entity's name and label come from
-- these few rows, kept by delta as stories are linked and unlinked
CREATE TABLE IF NOT EXISTS entity_names (
    entity_id TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL, stories INTEGER NOT NULL,
    mentions INTEGER NOT NULL, PRIMARY KEY (entity_id, name, label)
) WITHOUT ROWID;
"""


# Full-text search over article titles and texts and over quote wordings and speakers. A plain
# (not external-content) FTS5 table: the articles are stored as JSON, and snippet() needs the text.
# Quote rows belong to a story report and are replaced with it; article rows are added with the article.
_SEARCH_DDL = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    kind UNINDEXED, story UNINDEXED, article UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
_SEARCH_VERSION = "1"  # meta 'search_index': the back-fill of older stores has run
_FTS_TOKEN = re.compile(r"\w", re.UNICODE)
_MARK_START, _MARK_END = "\x02", "\x03"


def fts_query(text: str) -> str | None:
    """A user's words as a safe FTS5 query: every word a quoted phrase, all required (``word*`` is a
    prefix). FTS5 syntax in the input (quotes, ``AND``, ``NEAR(``, ``col:``) is matched as plain text."""
    terms = []
    for word in text.split()[:32]:
        prefix = word.endswith("*")
        word = word.replace('"', " ").replace("*", " ").strip()
        if not _FTS_TOKEN.search(word):
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def _marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip the snippet's highlight markers; return the plain text and the highlighted offsets."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    at, start = 0, -1
    for ch in snippet:
        if ch == _MARK_START:
            start = at
        elif ch == _MARK_END:
            if start >= 0:
                marks.append((start, at))
            start = -1
        else:
            out.append(ch)
            at += 1
    return "".join(out), marks


def _quote_rows(story_id: str, report: dict[str, Any]) -> list[tuple[str, str, str | None, str, str]]:
    rows = []
    for q in report.get("quotes") or []:
        if not isinstance(q, dict):
            continue
        for w in q.get("wordings") or []:
            if isinstance(w, dict) and w.get("text"):
                ids = [str(i) for i in w.get("articles") or [] if i]
                rows.append(("quote", story_id, ids[0] if ids else None, str(q.get("speaker") or ""), str(w["text"])))
    return rows


def _fold(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


def _with_entity_names(report: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """A stored report with each entity under its name across stories (``entities`` table), and the
    quote ledger's speakers with it (the report keeps the story's own names, which may change later)."""
    rename = {e["name"]: names[e["id"]] for e in report.get("entities", ())
              if e.get("id") in names and names[e["id"]] != e["name"]}  # fmt: skip
    if not rename:
        return report
    for e in report["entities"]:
        if e["name"] in rename:
            if e["name"] not in e["variants"]:
                e["variants"] = [*e["variants"], e["name"]]
            e["name"] = rename[e["name"]]
    for q in report.get("quotes", ()):
        if q.get("speaker") in rename:
            q["speaker"] = rename[q["speaker"]]
    return report


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(ids: list[str], n: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), n):
        yield ids[i : i + n]


class StoreError(RuntimeError):
    pass


class SQLiteStore:
    def __init__(self, path: str, read_only: bool = False) -> None:
        """Open (or create) the store at ``path``. ``read_only`` opens an existing store that sits in a folder
        newsweave cannot write (a read-only mount, a shared folder): nothing is written, not even SQLite's
        journal files, so it must have been closed cleanly (no pending ``-wal`` file beside it)."""
        self.path = path
        if read_only:
            self._open_read_only(path)
            return
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(_DDL)
            self._ensure_search_index()
            self._ensure_entity_tallies()
        except (sqlite3.DatabaseError, OSError) as e:
            raise StoreError(f"cannot open store {path!r}: {e} (is it a newsweave database?)") from e
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise StoreError(f"store {path!r} has schema {row[0]}, this newsweave needs {SCHEMA_VERSION}")

    def _open_read_only(self, path: str) -> None:
        if not Path(path).is_file():
            raise StoreError(f"no store at {path!r} to read")
        folder = Path(path).resolve().parent
        # In a writable folder the store is read as it changes (another process may be adding articles);
        # in a read-only one it is read as immutable: SQLite neither locks nor journals, which the folder
        # would refuse, and a pending -wal file cannot be read.
        live = os.access(folder, os.W_OK | os.X_OK)
        wal = Path(path + "-wal")
        if not live and wal.exists() and wal.stat().st_size > 0:
            raise StoreError(f"store {path!r} was not closed cleanly (its -wal file holds changes) and its folder "
                             "is read-only: copy the store with its -wal file to a writable folder")  # fmt: skip
        mode = "mode=ro" if live else "mode=ro&immutable=1"
        try:
            self.db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?{mode}", uri=True, timeout=30,
                                      isolation_level=None)  # fmt: skip
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open store {path!r} read-only: {e} (is it a newsweave database?)") from e
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(f"store {path!r} has schema {found}, this newsweave needs {SCHEMA_VERSION}")

    # -- articles -----------------------------------------------------------------------------
    def _present(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Which of ``values`` the (fixed, internal) table's column holds."""
        found: set[str] = set()
        for chunk in _chunks(list(values)):
            q = f"SELECT {column} FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.db.execute(q, chunk))
        return found

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        return self._present("articles", "id", ids)

    def known_inputs(self, hashes: Iterable[str]) -> set[str]:
        return self._present("inputs", "hash", hashes)

    def add_analysed(self, items: list[tuple[Article, Analysis, np.ndarray]]) -> int:
        now = _now()
        with self._tx():
            known = self.existing_ids(a.id for a, _, _ in items)
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
            self.db.executemany("INSERT OR IGNORE INTO inputs (hash, article_id) VALUES (?, ?)",
                                [(a.input_hash, a.id) for a, _, _ in items if a.input_hash])  # fmt: skip
            fresh = {a.id: a for a, _, _ in items if a.id not in known}
            self.db.executemany(
                "INSERT INTO search_fts (kind, story, article, title, body) VALUES ('article', NULL, ?, ?, ?)",
                [(a.id, a.title or "", a.text) for a in fresh.values()],
            )
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
        return self._vectors("SELECT article_id, embedding FROM analyses WHERE article_id", ids)

    def _vectors(self, select: str, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """float32 vectors by key: ``select`` is the query up to its ``IN (...)``."""
        out: dict[str, np.ndarray] = {}
        for chunk in _chunks(list(keys)):
            for k, b in self.db.execute(f"{select} IN ({','.join('?' * len(chunk))})", chunk):
                out[k] = np.frombuffer(b, dtype=np.float32)
        return out

    def sentence_vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        return self._vectors("SELECT key, vec FROM sentence_vectors WHERE key", keys)

    def save_sentence_vectors(self, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        with self._tx():
            self.db.executemany(
                "INSERT OR IGNORE INTO sentence_vectors VALUES (?, ?)",
                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()],
            )

    # -- stories ------------------------------------------------------------------------------
    def story_states(self) -> list[StoryState]:
        out = []
        for (s,) in self.db.execute("SELECT state FROM stories ORDER BY rowid"):
            d = json.loads(s)
            out.append(
                StoryState(
                    id=d["id"], members=tuple(d["members"]), centroid=tuple(d["centroid"]),
                    entities=tuple((k, int(n)) for k, n in d.get("entities", ())),
                    first=d.get("first"), last=d.get("last"), terms=tuple((k, int(n)) for k, n in d.get("terms", ())),
                )
            )  # fmt: skip
        return out

    def term_df(self) -> tuple[int, dict[str, int]]:
        """The clusterer's document frequencies: articles counted, and per term how many contain it."""
        row = self.db.execute("SELECT value FROM meta WHERE key='term_docs'").fetchone()
        return (int(row[0]) if row else 0), dict(self.db.execute("SELECT term, df FROM term_df"))

    def save_term_df(self, n_docs: int, df: dict[str, int]) -> None:
        """Replace the counts of the given terms and the number of articles counted, in one transaction."""
        with self._tx():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('term_docs', ?)", (str(n_docs),))
            self.db.executemany("INSERT OR REPLACE INTO term_df (term, df) VALUES (?, ?)", list(df.items()))

    def save_clustering(self, states: list[StoryState], assignments: dict[str, str]) -> None:
        """Replace changed story states and member assignments in one transaction."""
        now = _now()
        with self._tx():
            for st in states:
                state = json.dumps({
                    "id": st.id, "members": list(st.members), "centroid": [round(x, 6) for x in st.centroid],
                    "entities": [list(e) for e in st.entities], "first": st.first, "last": st.last,
                    "terms": [list(t) for t in st.terms],
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
            self.db.executemany("DELETE FROM search_fts WHERE kind='quote' AND story=?", [(s,) for s in reports])
            # quotes of stories merged away since their report was saved
            self.db.execute("DELETE FROM search_fts WHERE kind='quote' AND story NOT IN (SELECT id FROM stories)")
            self.db.executemany(
                "INSERT INTO search_fts (kind, story, article, title, body) VALUES (?, ?, ?, ?, ?)",
                [row for sid, r in reports.items() for row in _quote_rows(sid, r)],
            )

    def story_reports(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT report FROM stories WHERE report IS NOT NULL").fetchall()
        reports = [json.loads(r[0]) for r in rows]
        names = dict(self.db.execute("SELECT id, name FROM entities"))
        return [_with_entity_names(r, names) for r in reports]

    def story_report(self, story_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT report FROM stories WHERE id=? OR id LIKE ? ORDER BY id=? DESC LIMIT 1",
            (story_id, story_id + "%", story_id),
        ).fetchone()
        if not row or not row[0]:
            return None
        report = json.loads(row[0])
        ids = [e["id"] for e in report.get("entities", ()) if e.get("id")]
        names = dict(self.db.execute(f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids))
        return _with_entity_names(report, names)

    # -- entities across stories -------------------------------------------------------------------
    def _ensure_entity_tallies(self) -> None:
        """Fill ``entity_names`` once in a store whose entity links were made before it existed."""
        if self.db.execute("SELECT 1 FROM entity_names LIMIT 1").fetchone() is not None:
            return
        if self.db.execute("SELECT 1 FROM entity_links LIMIT 1").fetchone() is None:
            return
        with self._tx():
            self.db.execute("INSERT INTO entity_names SELECT entity_id, name, label, COUNT(*), SUM(mentions) "
                            "FROM entity_links GROUP BY entity_id, name, label")  # fmt: skip

    def entity_candidates(self, keys: Iterable[str], per_key: int = 50) -> list[KnownEntity]:
        """Entities found under any of the blocking keys (at most ``per_key`` per key), by id."""
        ids: set[str] = set()
        for k in keys:
            ids.update(r[0] for r in self.db.execute(
                "SELECT DISTINCT entity_id FROM entity_keys WHERE key=? LIMIT ?", (k, per_key)))  # fmt: skip
        if not ids:
            return []
        rows = self.db.execute(
            f"SELECT id, name, family, variants FROM entities WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id",
            sorted(ids),
        )
        return [KnownEntity(i, n, f, tuple(json.loads(v))) for i, n, f, v in rows]

    def save_entity_links(self, story_id: str, links: list[tuple[KnownEntity, str, int, list[str]]]) -> None:
        """Replace a story's entity links in one transaction: (entity as linked, with the story's own
        name and names; the story's label; its mentions; its blocking keys) per entity of the story.
        The counts of the entities touched change by the difference, their names gain the story's (at
        most ``MAX_ENTITY_VARIANTS``), their name and label are chosen again (a full name before a bare
        one, then the most mentioned, then the longest; the most mentioned label), and entities left
        without a story are deleted. The cost does not grow with the number of stories an entity is in."""
        with self._tx():
            touched = self._drop_entity_links(story_id)
            for ent, label, mentions, keys in links:  # a story links an entity once (registry.link_story)
                touched.add(ent.id)
                self.db.execute(
                    "INSERT INTO entity_links VALUES (?, ?, ?, ?, ?, ?)",
                    (story_id, ent.id, ent.name, label, json.dumps(list(ent.variants), ensure_ascii=False), mentions),
                )
                self.db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?)",
                                    [(k, ent.id, story_id) for k in keys])  # fmt: skip
                self._tally(ent.id, ent.name, label, 1, mentions)
                row = self.db.execute("SELECT variants FROM entities WHERE id=?", (ent.id,)).fetchone()
                if row is None:
                    names = json.dumps(list(ent.variants)[:MAX_ENTITY_VARIANTS], ensure_ascii=False)
                    self.db.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, 0, 0)",
                                    (ent.id, ent.family, ent.name, label, names))  # fmt: skip
                else:
                    known = json.loads(row[0])
                    more = [v for v in ent.variants if v not in known][: max(0, MAX_ENTITY_VARIANTS - len(known))]
                    if more:
                        self.db.execute("UPDATE entities SET variants=? WHERE id=?",
                                        (json.dumps(known + more, ensure_ascii=False), ent.id))  # fmt: skip
            self._refresh_entities(sorted(touched))

    def _tally(self, entity_id: str, name: str, label: str, stories: int, mentions: int) -> None:
        self.db.execute(
            "INSERT INTO entity_names VALUES (?, ?, ?, ?, ?) ON CONFLICT(entity_id, name, label) DO UPDATE SET "
            "stories = stories + excluded.stories, mentions = mentions + excluded.mentions",
            (entity_id, name, label, stories, mentions),
        )

    def _drop_entity_links(self, story_id: str) -> set[str]:
        """Delete a story's entity links and keys, taking them off the tallies; returns the entities
        they pointed to."""
        rows = self.db.execute("SELECT entity_id, name, label, mentions FROM entity_links WHERE story_id=?",
                               (story_id,)).fetchall()  # fmt: skip
        for eid, name, label, mentions in rows:
            self._tally(eid, name, label, -1, -mentions)
        self.db.execute("DELETE FROM entity_names WHERE stories <= 0")
        self.db.execute("DELETE FROM entity_links WHERE story_id=?", (story_id,))
        self.db.execute("DELETE FROM entity_keys WHERE story_id=?", (story_id,))
        return {r[0] for r in rows}

    def _refresh_entities(self, ids: list[str]) -> None:
        """An entity's name, label and counts from its tallies (a few rows each); deleted when no story
        names it any more."""
        for eid in ids:
            names = self.db.execute("SELECT name, SUM(mentions), SUM(stories) FROM entity_names WHERE entity_id=? "
                                    "GROUP BY name", (eid,)).fetchall()  # fmt: skip
            if not names:
                self.db.execute("DELETE FROM entities WHERE id=?", (eid,))
                continue
            name = max(names, key=lambda r: _name_rank(r[0], r[1], [n for n, _m, _s in names]))[0]
            q = ("SELECT label FROM entity_names WHERE entity_id=? GROUP BY label "  # a kind before none ("OTHER")
                 "ORDER BY label = 'OTHER', SUM(mentions) DESC, label DESC")  # fmt: skip
            label = self.db.execute(q, (eid,)).fetchone()[0]
            mentions = sum(int(r[1]) for r in names)
            stories = sum(int(r[2]) for r in names)  # a story links an entity once (registry.link_story)
            self.db.execute("UPDATE entities SET name=?, label=?, stories=?, mentions=? WHERE id=?",
                            (name, label, stories, mentions, eid))  # fmt: skip

    def unlinked_stories(self) -> list[str]:
        """Stories whose report lists entities but which have no entity links (stores from before
        entities across stories)."""
        q = ("SELECT id FROM stories WHERE report IS NOT NULL AND json_array_length(report, '$.entities') > 0 "
             "AND id NOT IN (SELECT DISTINCT story_id FROM entity_links) ORDER BY rowid")  # fmt: skip
        return [r[0] for r in self.db.execute(q)]

    def prune_entity_links(self) -> int:
        """Drop the entity links of stories that no longer exist (merged away); returns how many."""
        q = "SELECT DISTINCT story_id FROM entity_links WHERE story_id NOT IN (SELECT id FROM stories)"
        with self._tx():
            gone = [r[0] for r in self.db.execute(q)]
            touched: set[str] = set()
            for sid in gone:
                touched |= self._drop_entity_links(sid)
            self._refresh_entities(sorted(touched))
        return len(gone)

    def entities(self, query: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Entities across stories, most stories first; ``query`` matches a name or variant (case and
        accents ignored, substring). Returns the total matching and one page."""
        rows = self.db.execute("SELECT id, name, label, variants, stories, mentions FROM entities "
                               "ORDER BY stories DESC, mentions DESC, name").fetchall()  # fmt: skip
        out = []
        needle = _fold(query) if query else None
        for i, n, lab, vs, st, m in rows:
            variants = json.loads(vs)
            if needle and not any(needle in _fold(x) for x in [n, *variants]):
                continue
            out.append({"id": i, "name": n, "label": lab, "variants": variants, "stories": st, "mentions": m})
        return len(out), out[offset : offset + limit]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity with the stories it is in (story id, the story's own name for it, mentions)."""
        row = self.db.execute("SELECT id, name, label, variants, stories, mentions FROM entities WHERE id=?",
                              (entity_id,)).fetchone()  # fmt: skip
        if row is None:
            return None
        links = self.db.execute("SELECT story_id, name, mentions FROM entity_links WHERE entity_id=? "
                                "ORDER BY mentions DESC, story_id", (entity_id,)).fetchall()  # fmt: skip
        stories = [{"story": s, "name": n, "mentions": m} for s, n, m in links]
        return {"id": row[0], "name": row[1], "label": row[2], "variants": json.loads(row[3]), "mentions": row[5],
                "stories": stories}  # fmt: skip

    def unclustered_ids(self) -> list[str]:
        q = ("SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id=a.id "
             "WHERE m.article_id IS NULL ORDER BY a.seq")  # fmt: skip
        return [r[0] for r in self.db.execute(q)]

    def stale_stories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM stories WHERE report IS NULL")]

    # -- full-text search ---------------------------------------------------------------------
    def _ensure_search_index(self) -> None:
        """Create the FTS5 table; fill it once from what a store made before it already holds."""
        self.db.executescript(_SEARCH_DDL)
        row = self.db.execute("SELECT value FROM meta WHERE key='search_index'").fetchone()
        if row is not None and row[0] == _SEARCH_VERSION:
            return
        with self._tx():
            self.db.execute("DELETE FROM search_fts")
            self.db.execute(
                "INSERT INTO search_fts (kind, story, article, title, body) SELECT 'article', NULL, id, "
                "coalesce(json_extract(data, '$.title'), ''), json_extract(data, '$.text') FROM articles ORDER BY seq"
            )
            for sid, report in self.db.execute("SELECT id, report FROM stories WHERE report IS NOT NULL").fetchall():
                rows = _quote_rows(sid, json.loads(report))
                self.db.executemany("INSERT INTO search_fts (kind, story, article, title, body) VALUES (?, ?, ?, ?, ?)",
                                    rows)  # fmt: skip
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('search_index', ?)", (_SEARCH_VERSION,))

    def search(self, query: str, limit: int = 20, snippets: bool = True) -> list[dict[str, Any]]:
        """Articles and quotes matching every word of ``query``, best first (BM25).

        Each hit: ``kind`` (article|quote), ``story`` (None for an article not yet in a story),
        ``article``, ``title`` (article title or quote speaker), ``snippet`` (plain text; empty
        without ``snippets``, which is ~5x faster) and ``highlights`` ([start, end] offsets of the
        matched words in the snippet)."""
        match = fts_query(query)
        if match is None or limit < 1:
            return []
        snippet = "snippet(search_fts, 4, char(2), char(3), '…', 24)" if snippets else "''"
        q = ("SELECT search_fts.kind, coalesce(search_fts.story, m.story_id), search_fts.article, search_fts.title, "
             f"{snippet} FROM search_fts "
             "LEFT JOIN story_members m ON search_fts.kind = 'article' AND m.article_id = search_fts.article "
             "WHERE search_fts MATCH ? AND (search_fts.kind = 'article' "
             "OR search_fts.story IN (SELECT id FROM stories)) ORDER BY rank LIMIT ?")  # fmt: skip
        hits = []
        for kind, story, article, title, snippet in self.db.execute(q, (match, int(limit))):
            text, marks = _marks(snippet or "")
            hits.append({"kind": kind, "story": story, "article": article, "title": title or None,
                         "snippet": text, "highlights": [list(m) for m in marks]})  # fmt: skip
        return hits

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


def _name_rank(name: str, mentions: int, names: list[str]) -> tuple[bool, bool, bool, int, int, str]:
    """How well a name of an entity names it across stories, best highest: a full name ("United States")
    before one word, then one not in capitals only ("Taipei", not "TAIPEI") and no cut form of another
    of its names ("Colorado", not "Colo"; "Connecticut", not "Conn"), then the most mentioned, the longest."""
    n = name.strip()
    letters = [c for c in n if c.isalpha()]
    shouting = len(letters) > 4 and all(c.isupper() for c in letters)
    low = n.lower().rstrip(".")
    cut = any(len(o) > len(n) + 1 and o.lower().startswith(low) and " " not in o.strip() for o in names)
    return (" " in n, not shouting, not cut, mentions, len(n), n)


class _Tx:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (including KeyboardInterrupt)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
