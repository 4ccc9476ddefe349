"""Runs the stages in order; the only place that knows the order.

read -> clean (per format) -> NLP (sentences, entities, quotes) -> embed -> store -> cluster ->
analyse changed stories -> reports. Work is done in chunks, each committed in one transaction,
so an interrupted run keeps every finished chunk and the next run carries on from there.
"""

from __future__ import annotations

import gzip
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .records import Analysis, Article, Skip
from .settings import Settings
from .stages.cluster import StoryClusterer, entity_keys
from .stages.embed import Embedder, embed_text
from .stages.ingest import iter_files, read_inputs
from .stages.nlp import NLP
from .stages.story import analyse_story
from .store.sqlite import SQLiteStore

SCHEMA_VERSION = "1.0"


@dataclass
class RunResult:
    read: int = 0  # articles read from the inputs
    new: int = 0  # of which were new to the store
    already_stored: int = 0
    skipped: list[Skip] = field(default_factory=list)
    stories: int = 0
    stories_updated: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)

    def summary_line(self) -> str:
        reasons: dict[str, int] = {}
        for s in self.skipped:
            reasons[s.reason] = reasons.get(s.reason, 0) + 1
        why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items(), key=lambda kv: -kv[1]))
        return (
            f"{self.read} articles read ({self.new} new, {self.already_stored} already stored), "
            f"{len(self.skipped)} skipped{f' ({why})' if why else ''}; "
            f"{self.stories} stories ({self.stories_updated} updated)"
        )


def _progress(enabled: bool, **kw: Any) -> Any:
    from tqdm import tqdm

    return tqdm(disable=not enabled, file=sys.stderr, dynamic_ncols=True, **kw)


def count_inputs(paths: Iterable[str | Path]) -> int:
    """A quick upper bound on the number of articles, for the progress bar."""
    n = 0
    for f in iter_files(list(paths)):
        if isinstance(f, Skip):
            continue
        name = f.name.lower()
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
            opener = gzip.open if name.endswith(".gz") else open
            try:
                with opener(f, "rb") as fh:  # type: ignore[operator]
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


class Pipeline:
    """newsweave's engine over one store. Models load lazily, once."""

    def __init__(self, store: SQLiteStore, settings: Settings | None = None,
                 progress: bool = True) -> None:  # fmt: skip
        self.store = store
        self.settings = settings or Settings()
        self.progress = progress
        s = self.settings
        self.nlp = NLP(s.spacy_model, s.spacy_batch_size, s.nlp_max_chars)
        self.embedder = Embedder(s.embed_max_tokens, s.embed_batch_size, s.embed_threads)
        self._clusterer: StoryClusterer | None = None
        self.timings: dict[str, float] = {}  # seconds spent per stage, summed over the run

    @contextmanager
    def _timed(self, stage: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - t

    # -- stages -------------------------------------------------------------------------------
    def clusterer(self) -> StoryClusterer:
        if self._clusterer is None:
            s = self.settings
            self._clusterer = StoryClusterer.from_states(
                self.store.story_states(), threshold=s.cluster_threshold,
                entity_weight=s.cluster_entity_weight, time_window_days=s.cluster_time_window_days,
                time_penalty=s.cluster_time_penalty, place_penalty=s.cluster_place_penalty,
            )  # fmt: skip
        return self._clusterer

    def process_analysed(self, pairs: list[tuple[Article, Analysis]]) -> int:
        """Embed, store and cluster analysed articles: one transaction to store, one to cluster."""
        if not pairs:
            return 0
        arts = [a for a, _ in pairs]
        with self._timed("embed"):
            vecs = self.embedder.embed([embed_text(a) for a in arts])
        with self._timed("store"):
            added = self.store.add_analysed([(a, an, v) for (a, an), v in zip(pairs, vecs, strict=True)])
        with self._timed("cluster"):
            c = self.clusterer()
            assignments = {}
            for (a, an), v in zip(pairs, vecs, strict=True):
                assignments[a.id] = c.assign(a.id, v, entity_keys(an), a.published)
            self.store.save_clustering(c.changed_states(), assignments)
        return added

    def cluster_leftovers(self) -> None:
        """Articles stored by an interrupted run before they were clustered."""
        ids = self.store.unclustered_ids()
        if not ids:
            return
        arts = {a.id: a for a in self.store.articles(ids)}
        analyses = self.store.analyses(ids)
        vecs = self.store.embeddings(ids)
        c = self.clusterer()
        assignments = {
            i: c.assign(i, vecs[i], entity_keys(analyses[i]), arts[i].published)
            for i in ids if i in vecs and i in analyses
        }  # fmt: skip
        self.store.save_clustering(c.changed_states(), assignments)

    def update_stories(self, story_ids: list[str] | None = None) -> int:
        """(Re)analyse the stories whose membership changed since their last analysis."""
        stale = story_ids if story_ids is not None else self.store.stale_stories()
        if not stale:
            return 0
        members = self.store.story_members()
        done = 0
        bar = _progress(self.progress, total=len(stale), desc="stories", unit="story")
        reports: dict[str, dict[str, Any]] = {}
        for sid in stale:
            ids = members.get(sid, [])
            if ids:
                arts = self.store.articles(ids)
                reports[sid] = analyse_story(
                    sid, arts, self.store.analyses(ids), self.store.embeddings(ids),
                    summary_words=self.settings.summary_words,
                )  # fmt: skip
            if len(reports) >= self.settings.db_batch_size:
                self.store.save_story_reports(reports)
                done += len(reports)
                reports = {}
            bar.update(1)
        self.store.save_story_reports(reports)
        bar.close()
        return done + len(reports)

    # -- whole runs ---------------------------------------------------------------------------
    def ingest(self, paths: list[str | Path], on_skip: Callable[[Skip], None] | None = None) -> RunResult:
        res = RunResult()
        self.cluster_leftovers()
        total = count_inputs(paths)
        bar = _progress(self.progress, total=total, desc="articles", unit="art")
        batch = self.settings.db_batch_size
        # worker processes pay off only when there is enough to parse
        processes = self.settings.nlp_processes if total >= self.settings.nlp_processes_min_articles else 1

        def new_articles() -> Iterator[Article]:
            pending: list[Article] = []
            seen: set[str] = set()
            for item in read_inputs(paths, self.settings):
                bar.update(1)
                if isinstance(item, Skip):
                    res.skipped.append(item)
                    if on_skip:
                        on_skip(item)
                    continue
                res.read += 1
                if item.id in seen:
                    res.already_stored += 1
                    continue
                seen.add(item.id)
                pending.append(item)
                if len(pending) >= batch:
                    yield from self._unstored(pending, res)
                    pending = []
            yield from self._unstored(pending, res)

        t = time.perf_counter()
        done = sum(self.timings.get(k, 0.0) for k in ("embed", "store", "cluster"))
        chunk: list[tuple[Article, Analysis]] = []
        for pair in self.nlp.analyse_stream(new_articles(), processes):
            chunk.append(pair)
            if len(chunk) >= batch:
                res.new += self.process_analysed(chunk)
                chunk = []
        res.new += self.process_analysed(chunk)
        bar.close()
        # reading, cleaning and parsing run interleaved: their time is what the other stages left
        rest = time.perf_counter() - t - (sum(self.timings.get(k, 0.0) for k in ("embed", "store", "cluster")) - done)
        self.timings["read+nlp"] = self.timings.get("read+nlp", 0.0) + rest
        self.store.log_skips(res.skipped)
        return res

    def _unstored(self, arts: list[Article], res: RunResult) -> list[Article]:
        existing = self.store.existing_ids(a.id for a in arts)
        res.already_stored += len(existing)
        return [a for a in arts if a.id not in existing]

    def run(self, paths: list[str | Path], out_dir: Path | None = None,
            on_skip: Callable[[Skip], None] | None = None) -> RunResult:  # fmt: skip
        t = time.perf_counter()
        res = self.ingest(paths, on_skip)
        with self._timed("story_analysis"):
            res.stories_updated = self.update_stories()
        with self._timed("report"):
            doc = self.document()
            res.stories = len(doc["stories"])
            if out_dir is not None:
                from .report import write_reports

                res.outputs = write_reports(doc, out_dir)
        self.timings["total"] = time.perf_counter() - t
        return res

    def document(self) -> dict[str, Any]:
        """The stories.json document for everything in the store."""
        stories = self.store.story_reports()
        stories.sort(key=lambda s: (s.get("last_published") or "", s["id"]), reverse=True)
        stories.sort(key=lambda s: -s["size"])  # biggest first, then newest
        return {
            "schema_version": SCHEMA_VERSION,
            "generated": datetime.now(UTC).isoformat(timespec="seconds"),
            "stories": stories,
        }
