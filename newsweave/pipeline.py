"""Runs the stages in order; the only place that knows the order.

read -> clean (per format) -> NLP (sentences, entities, quotes) -> embed -> store -> cluster ->
analyse changed stories -> reports. Work is done in chunks, each committed in one transaction,
so an interrupted run keeps every finished chunk and the next run carries on from there.
"""

from __future__ import annotations

import gzip
import itertools
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .records import Analysis, Article, Skip
from .settings import Settings
from .stages.cluster import (
    StoryClusterer,
    content_terms,
    entity_keys,
    stated_figures,
    stored_member_features,
    template_heading,
)
from .stages.embed import CachedEmbedder, Embedder, embed_text
from .stages.ingest import AlreadyStored, Paths, as_path_list, iter_files, read_inputs
from .stages.registry import link_story
from .stages.textutil import counted
from .stages.warc import WARC_EXT
from .store.sqlite import SQLiteStore
from .workers import become_worker, process_pool

if TYPE_CHECKING:
    from .stages.nlp import NLP

SCHEMA_VERSION = "1.0"


@dataclass
class RunResult:
    read: int = 0  # articles read from the inputs
    new: int = 0  # of which were new to the store
    already_stored: int = 0
    repeated: int = 0  # the same article again in this run's inputs (a duplicate line, a copied file)
    skipped: list[Skip] = field(default_factory=list)
    stories: int = 0
    stories_updated: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)

    def summary_line(self) -> str:
        reasons: dict[str, int] = {}
        for s in self.skipped:  # by kind: "invalid JSON", not one entry per column of each line
            kind = re.split(r" \(|: |; ", s.reason, maxsplit=1)[0]
            reasons[kind] = reasons.get(kind, 0) + 1
        why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items(), key=lambda kv: -kv[1]))
        return (
            f"{counted(self.read, 'article')} read ({self.new} new, {self.already_stored} already stored"
            f"{f', {self.repeated} repeated in the input' if self.repeated else ''}), "
            f"{len(self.skipped)} skipped{f' ({why})' if why else ''}; "
            f"{counted(self.stories, 'story')} ({self.stories_updated} updated)"
        )


def _progress(enabled: bool, **kw: Any) -> Any:
    from tqdm import tqdm

    return tqdm(disable=not enabled, file=sys.stderr, dynamic_ncols=True, **kw)


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """A quick upper bound on the number of articles, for the progress bar (None: not known without
    reading a web archive through)."""
    n = 0
    for f in iter_files(as_path_list(paths)):
        if isinstance(f, Skip):
            continue
        name = f.name.lower()
        if name.endswith(WARC_EXT):
            return None
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
            opener = gzip.open if name.endswith(".gz") else open
            try:
                with opener(f, "rb") as fh:  # type: ignore[operator]
                    n += sum(1 for line in fh if line.strip())
            except (OSError, EOFError, zlib.error):  # unreadable or a broken .gz: read reports it
                n += 1
        else:
            n += 1
    return n


def nlp_workers(s: Settings) -> int:
    """Parse-and-embed worker processes for large inputs: as set, or one per core when there are two or more."""
    if s.nlp_processes >= 0:
        return s.nlp_processes
    cores = os.cpu_count() or 1
    if cores < 2:
        return 0
    # workers that also embed: one per core; workers that only parse: one, beside the embedding here
    return cores if s.nlp_worker_embeds else 1


# -- story analysis, in this process or in workers ----------------------------------------------
_StoryResult = tuple[str, dict[str, Any] | None, dict[str, Any]]


def _story_report(store: Any, settings: Settings, embedder: Embedder, job: tuple[str, list[str]]) -> _StoryResult:
    """One story's report, and the sentence vectors it embedded that the store's cache lacked (the
    caller saves them: a story analysed again embeds only its new claims)."""
    from .stages.story import analyse_story  # (imported before the workers fork: see update_stories)

    sid, ids = job
    if not ids:
        return sid, None, {}
    arts = store.articles(ids)
    emb = CachedEmbedder(embedder, store.sentence_vectors) if settings.compare_embeddings else None
    report = analyse_story(sid, arts, store.analyses(ids), store.embeddings(ids),
                           summary_words=settings.summary_words, embedder=emb)  # fmt: skip
    return sid, report, emb.new if emb is not None else {}


# Set in each story worker by its initializer; never in the parent.
_STORY_WORKER: tuple[Any, Settings, Embedder] | None = None


def _init_story_worker(parent: int, db_path: str, settings: Settings) -> None:
    global _STORY_WORKER
    become_worker(parent)
    _STORY_WORKER = (SQLiteStore(db_path), settings, Embedder.from_settings(settings, threads=1))


def _story_job(job: tuple[str, list[str]]) -> _StoryResult:
    assert _STORY_WORKER is not None
    return _story_report(*_STORY_WORKER, job)


@contextmanager
def _story_pool(db_path: str, settings: Settings, workers: int) -> Iterator[Any]:
    if workers < 2:
        yield None
        return
    pool = process_pool(workers, _init_story_worker, (db_path, settings))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class Pipeline:
    """newsweave's engine over one store. Models load lazily, once."""

    def __init__(self, store: SQLiteStore, settings: Settings | None = None,
                 progress: bool = True) -> None:  # fmt: skip
        self.store = store
        self.settings = settings or Settings()
        self.progress = progress
        s = self.settings
        self._nlp: NLP | None = None  # made when there is something to parse: spaCy takes seconds to import
        self.nlp_workers = nlp_workers(s)
        # every core, even beside a spaCy worker: measured faster than one thread (BENCHMARKS.md)
        self.embedder = Embedder.from_settings(s)
        self._clusterer: StoryClusterer | None = None
        self.timings: dict[str, float] = {}  # seconds spent per stage, summed over the run

    @property
    def nlp(self) -> NLP:
        if self._nlp is None:
            from .stages.nlp import NLP

            s = self.settings
            self._nlp = NLP(s.spacy_model, s.spacy_batch_size, s.nlp_max_chars, s.nlp_parse)
        return self._nlp

    @nlp.setter
    def nlp(self, nlp: NLP) -> None:  # (the web app shares its loaded models across ingests)
        self._nlp = nlp

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
            # the stored articles' features let the split check read stories a run before this one opened
            self._clusterer = StoryClusterer.from_settings(
                s, self.store.story_states(), self.store.term_df(),
                member_features=stored_member_features(self.store, s.cluster_lead_chars))  # fmt: skip
        return self._clusterer

    def _save_clustering(self, c: StoryClusterer, assignments: dict[str, str]) -> None:
        assignments.update(c.moved_articles())  # articles of stories merged into others
        # term counts after the stories: a crash in between under-counts a chunk, never counts one twice
        self.store.save_clustering(c.changed_states(), assignments)
        self.store.save_term_df(*c.changed_df())

    def process_analysed(self, pairs: list[tuple[Article, Analysis]], vecs: Any = None) -> int:
        """Embed (unless ``vecs`` are given), store and cluster analysed articles: one transaction
        to store, one to cluster."""
        if not pairs:
            return 0
        arts = [a for a, _ in pairs]
        if vecs is None:
            with self._timed("embed"):
                vecs = self.embedder.embed([embed_text(a) for a in arts])
        with self._timed("store"):
            added = self.store.add_analysed([(a, an, v) for (a, an), v in zip(pairs, vecs, strict=True)])
        with self._timed("cluster"):
            c = self.clusterer()
            lead = self.settings.cluster_lead_chars
            assignments = {}
            for (a, an), v in zip(pairs, vecs, strict=True):
                terms, figs = content_terms(a.title, a.text, lead), stated_figures(a.title, a.text, lead)
                head = template_heading(a.text)
                assignments[a.id] = c.assign(a.id, v, entity_keys(an), a.published, terms, figs, head)
            self._save_clustering(c, assignments)
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
        lead = self.settings.cluster_lead_chars
        assignments = {
            i: c.assign(i, vecs[i], entity_keys(analyses[i]), arts[i].published,
                        content_terms(arts[i].title, arts[i].text, lead),
                        stated_figures(arts[i].title, arts[i].text, lead), template_heading(arts[i].text))
            for i in ids if i in vecs and i in analyses and i in arts
        }  # fmt: skip
        self._save_clustering(c, assignments)

    def update_stories(self, story_ids: list[str] | None = None) -> int:
        """(Re)analyse the stories whose membership changed since their last analysis. Stories are
        independent: with two or more cores and enough of them, worker processes share the work."""
        stale = story_ids if story_ids is not None else self.store.stale_stories()
        self.store.prune_entity_links()  # stories merged away since the last run
        self._link_stored_reports(set(stale))
        if not stale:
            return 0
        members = self.store.story_members()
        jobs = [(sid, members.get(sid, [])) for sid in stale]
        done = 0
        bar = _progress(self.progress, total=len(stale), desc="stories", unit="story")
        reports: dict[str, dict[str, Any]] = {}
        vectors: dict[str, Any] = {}
        workers = self._story_workers(len(jobs))
        from .stages.story import analyse_story  # noqa: F401 (imported once here, not in every forked worker)

        with _story_pool(self.store.path, self.settings, workers) as pool:
            if pool is None:
                results: Iterable[_StoryResult] = (
                    _story_report(self.store, self.settings, self.embedder, job) for job in jobs
                )
            else:
                results = pool.map(_story_job, jobs, chunksize=2)
            for sid, report, new in results:
                if report is not None:
                    reports[sid] = self._linked(sid, report)
                vectors.update(new)
                if len(reports) >= self.settings.db_batch_size:
                    self.store.save_story_reports(reports)
                    self.store.save_sentence_vectors(vectors)
                    done += len(reports)
                    reports, vectors = {}, {}
                bar.update(1)
        self.store.save_story_reports(reports)
        self.store.save_sentence_vectors(vectors)
        bar.close()
        return done + len(reports)

    def _link_stored_reports(self, skip: set[str]) -> None:
        """Reports saved before entities were linked across stories (an older store) get their links."""
        todo = [sid for sid in self.store.unlinked_stories() if sid not in skip]
        reports = {sid: r for sid in todo if (r := self.store.story_report(sid))}
        if reports:
            self.store.save_story_reports({sid: self._linked(sid, r) for sid, r in reports.items()})

    def _linked(self, story_id: str, report: dict[str, Any]) -> dict[str, Any]:
        """The report with each entity's id across stories (``registry``); the links are saved."""
        ents = report.get("entities", [])
        for e, eid in zip(ents, link_story(self.store, story_id, ents), strict=True):
            e["id"] = eid
        return report

    def _story_workers(self, n_stories: int) -> int:
        s = self.settings
        if s.story_processes >= 0:
            workers = s.story_processes
        else:
            workers = os.cpu_count() or 1
        if workers < 2 or n_stories < s.story_processes_min_stories or self.store.path == ":memory:":
            return 0
        return workers

    # -- whole runs ---------------------------------------------------------------------------
    def ingest(self, paths: Paths, on_skip: Callable[[Skip], None] | None = None) -> RunResult:
        res = RunResult()
        paths = as_path_list(paths)  # (one path alone, as a string, is no list of its characters)
        self.cluster_leftovers()
        total = count_inputs(paths)
        bar = _progress(self.progress, total=total, desc="articles", unit="art")
        batch = self.settings.db_batch_size
        # worker processes pay off only when there is enough to parse (a worker loads its own model)
        big = total is None or total >= self.settings.nlp_processes_min_articles  # a web archive counts as big
        workers = self.nlp_workers if big else 0

        def new_articles() -> Iterator[Article]:
            pending: list[Article] = []
            seen: set[str] = set()
            known = lambda h: bool(self.store.known_inputs([h]))  # noqa: E731
            for item in read_inputs(paths, self.settings, known):
                bar.update(1)
                if isinstance(item, AlreadyStored):  # the same file, stored by an earlier run: not read again
                    res.read += 1
                    res.already_stored += 1
                    continue
                if isinstance(item, Skip):
                    res.skipped.append(item)
                    if on_skip:
                        on_skip(item)
                    continue
                res.read += 1
                if item.id in seen:
                    res.repeated += 1
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
        vecs: list[Any] = []
        # while this process stores and clusters a chunk, the workers run ahead
        ahead = 2 * -(-batch // self.settings.spacy_batch_size) + 2
        in_workers = bool(workers) and self.settings.nlp_worker_embeds
        arts = new_articles()
        first = next(arts, None)  # nothing new (a run again over the same input): spaCy is not even imported
        todo = itertools.chain([first] if first is not None else [], arts)
        stream: Iterator[tuple[Article, Analysis, Any]] = iter(())
        if first is not None and in_workers:
            # each worker parses and embeds (one thread each), so the two big passes share the cores evenly
            stream = self.nlp.analyse_embed_stream(todo, self.embedder, workers, ahead)
        elif first is not None:
            stream = ((a, an, None) for a, an in self.nlp.analyse_stream(todo, workers, ahead))
        for art, an, vec in stream:
            chunk.append((art, an))
            vecs.append(vec)
            if len(chunk) >= batch:
                res.new += self.process_analysed(chunk, np.stack(vecs) if in_workers else None)
                chunk, vecs = [], []
        res.new += self.process_analysed(chunk, np.stack(vecs) if in_workers and vecs else None)
        bar.close()
        # reading, cleaning and parsing run interleaved: their time is what the other stages left
        rest = time.perf_counter() - t - (sum(self.timings.get(k, 0.0) for k in ("embed", "store", "cluster")) - done)
        key = "read+nlp+embed" if in_workers else "read+nlp"  # what the workers do, as this process waits for it
        self.timings[key] = self.timings.get(key, 0.0) + rest
        self.store.log_skips(res.skipped)
        return res

    def _unstored(self, arts: list[Article], res: RunResult) -> list[Article]:
        """Articles whose id is not stored yet (a file stored by an earlier run was already left out
        by its raw bytes when it was read: ``AlreadyStored``)."""
        existing = self.store.existing_ids(a.id for a in arts)
        res.already_stored += len(existing)
        return [a for a in arts if a.id not in existing]

    def run(self, paths: Paths, out_dir: Path | None = None,
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
