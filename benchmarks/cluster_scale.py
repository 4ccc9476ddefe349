"""How the streaming clusterer's time per article grows with the stream and with the index.

The 961 articles of ../shared/data/clustering_stream (their cached embeddings, entity keys and
content terms, as benchmarks/cluster_stream.py computes them) are replicated to 1k, 10k and 100k
articles. Copy r of an article is made a different story, not a duplicate, like this:
  - its embedding is turned by a random signed permutation of the coordinates (seeded by r, an
    orthogonal map): cosines between articles of the same copy are unchanged, cosines across
    copies are about 0 (measured: mean and sd printed as "cross_copy_cosine");
  - its entity keys and content terms carry the suffix "#r" (so copies share no names or words);
  - its publication date, when it has one, is shifted by r * --shift-days days.
Copies follow each other, each in file order. Part 1 streams them and times every assignment;
part 2 loads an index of --stories stories (single-article stories built the same way, loaded
through ``from_states`` as a later run would) and times 961 more articles against it. Times are
for the assignment only (embedding and NER are done before); the machine's other load counts.

    .venv/bin/python benchmarks/cluster_scale.py [--sizes 1000 10000 100000] [--stories 100000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cluster_stream import features  # noqa: E402
from benchmarks.common import SHARED, load_jsonl, machine, peak_rss_mb, stamp  # noqa: E402
from newsweave.records import StoryState  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.cluster import StoryClusterer, content_terms, stated_figures  # noqa: E402


def turn(vecs: np.ndarray, r: int) -> np.ndarray:
    """The vectors under a random signed permutation of the coordinates (an orthogonal map), fixed by r."""
    rng = np.random.default_rng(1000 + r)
    perm = rng.permutation(vecs.shape[1])
    signs = rng.choice(np.array([-1.0, 1.0], dtype=np.float32), size=vecs.shape[1])
    return np.ascontiguousarray(vecs[:, perm] * signs)


def shifted(iso: str | None, days: int) -> str | None:
    if not iso:
        return None
    try:
        return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


class Copies:
    """Copy r of article i: rotated embedding, suffixed entities and terms, shifted date."""

    def __init__(self, records: list[dict], vecs: np.ndarray, ents: list, terms: list, shift_days: int,
                 figs: list[tuple[str, ...]]) -> None:  # fmt: skip
        self.records, self.vecs, self.ents, self.terms, self.shift = records, vecs, ents, terms, shift_days
        self.figs = figs
        self._rot: dict[int, np.ndarray] = {}

    def vecs_of(self, r: int) -> np.ndarray:
        if r == 0:
            return self.vecs
        if r not in self._rot:
            self._rot = {r: turn(self.vecs, r)}  # keep one copy's vectors
        return self._rot[r]

    def article(self, r: int, i: int) -> tuple[str, np.ndarray, tuple[str, ...], dict[str, int], str | None,
                                               tuple[str, ...]]:  # fmt: skip
        rec = self.records[i]
        sfx = f"#{r}" if r else ""
        terms = {t + sfx: n for t, n in self.terms[i].items()}
        ents = tuple(e + sfx for e in self.ents[i])
        figs = tuple(f + sfx for f in self.figs[i])
        return f"{rec['id']}{sfx}", self.vecs_of(r)[i], ents, terms, shifted(rec.get("published"), r * self.shift), figs


def summary(lat: list[tuple[float, float]]) -> dict[str, float]:
    """Wall-clock and CPU (process) time per assignment: on a shared machine the wall clock also
    counts the time other jobs held the cores, the CPU time does not."""
    wall, cpu = np.asarray(lat).T * 1000
    return {"p50_ms": float(np.percentile(wall, 50)), "p95_ms": float(np.percentile(wall, 95)),
            "p99_ms": float(np.percentile(wall, 99)), "cpu_p50_ms": float(np.percentile(cpu, 50)),
            "cpu_p95_ms": float(np.percentile(cpu, 95)), "cpu_p99_ms": float(np.percentile(cpu, 99)),
            "articles_per_s": float(1000 / wall.mean()), "articles_per_cpu_s": float(1000 / cpu.mean())}  # fmt: skip


def timed_assign(c: StoryClusterer, art: tuple, lat: list[tuple[float, float]]) -> None:
    aid, v, e, terms, pub, figs = art
    t, p = time.perf_counter(), time.process_time()
    c.assign(aid, v, e, pub, terms, figs)
    lat.append((time.perf_counter() - t, time.process_time() - p))


def stream(copies: Copies, n: int, s: Settings) -> dict:
    c = StoryClusterer.from_settings(s)
    lat: list[tuple[float, float]] = []
    m = len(copies.records)
    t0 = time.perf_counter()
    for k in range(n):
        timed_assign(c, copies.article(k // m, k % m), lat)
    last = lat[-min(n, 1000) :]
    return {"articles": n, "stories": len(c.stories), "live_stories": c.live_count,
            "seconds": time.perf_counter() - t0, **summary(lat), "last_1000": summary(last)}  # fmt: skip


def big_index(copies: Copies, n_stories: int, s: Settings) -> dict:
    """Load n_stories single-article stories, then time 961 new articles against them."""
    m = len(copies.records)
    states = []
    t = time.perf_counter()
    for k in range(n_stories):
        aid, v, e, terms, pub, _ = copies.article(1 + k // m, k % m)
        states.append(StoryState(id="s-" + aid, members=(aid,), centroid=tuple(v.tolist()),
                                 entities=tuple((x, 1) for x in e), first=pub, last=pub,
                                 terms=tuple(terms.items())))  # fmt: skip
    df: dict[str, int] = {}
    for st in states:
        for term, _ in st.terms:
            df[term] = df.get(term, 0) + 1
    c = StoryClusterer.from_settings(s, states, (n_stories, df))
    load_s = time.perf_counter() - t
    del states
    lat: list[tuple[float, float]] = []
    for i in range(m):  # copy 0: the original articles, unrelated to the loaded ones
        timed_assign(c, copies.article(0, i), lat)
    return {"stories_loaded": n_stories, "live_stories": c.live_count, "build_and_load_s": load_s,
            "articles": m, **summary(lat)}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    ap.add_argument("--stories", type=int, default=100000, help="index size for part 2 (0: skip)")
    ap.add_argument("--shift-days", type=int, default=30, help="date shift between copies")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE", help="override settings fields")
    args = ap.parse_args()
    s = Settings()
    for kv in args.set:
        k, v = kv.split("=", 1)
        s = s.with_(**{k: type(getattr(s, k))(v)})
    records = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    vecs, ents = features(records)
    terms = [content_terms(r.get("title"), r.get("text") or "", s.cluster_lead_chars) for r in records]
    figs = [stated_figures(r.get("title"), r.get("text") or "", s.cluster_lead_chars) for r in records]
    copies = Copies(records, np.ascontiguousarray(vecs, dtype=np.float32), ents, terms, args.shift_days, figs)
    cross = (copies.vecs_of(0)[:300] @ copies.vecs_of(1)[:300].T).ravel()
    out: dict = {"cross_copy_cosine": {"mean": float(cross.mean()), "sd": float(cross.std()),
                                       "max": float(cross.max())}}  # fmt: skip
    out["settings"] = {k: v for k, v in s.to_dict().items() if k.startswith("cluster_")}
    out["stream"] = []
    for n in args.sizes:
        out["stream"].append(stream(copies, n, s))
        print(json.dumps(out["stream"][-1]), file=sys.stderr)
    if args.stories:
        out["index"] = big_index(copies, args.stories, s)
    out["peak_rss_mb"] = peak_rss_mb()
    out["when"] = stamp()
    out["machine"] = machine()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
