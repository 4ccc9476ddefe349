"""Entities across stories (``stages.registry``) against the hand-built entity gold.

The gold (``benchmarks/gold/entities_gold.json``, see ``benchmarks/entities.py``) lists every person,
organisation and place of eleven real stories with all its surface forms. Here every ARTICLE is
treated as a story of its own: its mentions are resolved alone (``resolve_entities``), then the
articles' entities are linked across articles by a linker, all the articles of a part (dev or
held-out) pooled in the gold's order, as a store would see them arrive. So every co-reference the
linker finds is one across stories.

Items: (article, gold form) for every gold form written in the article (whole word, case as
written). Gold identity: the gold entity; entities of different gold stories are one when they share
their gold name or a form up to spaces and dots ("United States" in two stories; "U.N." / "UN"). A
form the spaCy analysis did not find in that article is an item no linker can link (the same for
every linker). Pairs of items from different articles are scored,
split into pairs inside one gold story (the same event told by several outlets) and pairs across gold
stories (different events: the case where names are most ambiguous).

Linkers in the same run, on the same per-article entities:
- none: every article's entities stay apart (the floor);
- exact name: entities with the same folded canonical name and label family are one;
- newsweave: ``registry.link_story`` into an empty in-memory store, one story after the other.
Reference, not a linker: the whole gold story resolved as ONE story by ``resolve_entities`` (what
newsweave does when the articles land in one story), its entities linked across stories by the registry.

Split: as ``benchmarks/entities.py`` (md5 order, the last third held out).

    .venv/bin/python benchmarks/entities_across.py [--show] [--speed] [--audit N] [--scale K [--baseline REF]]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import SHARED, machine, stamp  # noqa: E402
from benchmarks.entities import GOLD, load_articles  # noqa: E402
from newsweave.records import Analysis, Article  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.entities import _family, fold, normalise, resolve_entities  # noqa: E402
from newsweave.stages.ingest import read_inputs  # noqa: E402
from newsweave.stages.nlp import NLP  # noqa: E402
from newsweave.stages.registry import LINKED_LABELS, link_story  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402

Story = tuple[str, list[Article]]  # a story id and its articles
# a linker: the stories' resolved entities in arrival order -> one global key per entity
Linker = Callable[[list[list[dict[str, Any]]]], list[list[str]]]


def link_none(stories: list[list[dict[str, Any]]]) -> list[list[str]]:
    return [[f"{i}:{j}" for j in range(len(ents))] for i, ents in enumerate(stories)]


def link_exact(stories: list[list[dict[str, Any]]]) -> list[list[str]]:
    return [[f"{_family(str(e['label']))}|{fold(str(e['name']))}" for e in ents] for ents in stories]


def link_newsweave(stories: list[list[dict[str, Any]]]) -> list[list[str]]:
    store = SQLiteStore(":memory:")
    try:
        return [link_story(store, f"s{i}", ents) for i, ents in enumerate(stories)]
    finally:
        store.close()


LINKERS: dict[str, Linker] = {"none": link_none, "exact name": link_exact, "newsweave": link_newsweave}


def story_entities(arts: list[Article], analyses: dict[str, Analysis]) -> list[dict[str, Any]]:
    ents, _ = resolve_entities([(a.id, m) for a in arts for m in analyses[a.id].mentions],
                               texts={a.id: a.text for a in arts})  # fmt: skip
    return [e for e in ents if e["label"] in LINKED_LABELS]


def occurs(form: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def gold_items(clusters: list[dict[str, Any]], arts: dict[str, list[Article]]) -> list[tuple[str, str, str, str]]:
    """(gold story, article id, folded form, gold key) for each gold form written in each article."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for c in clusters:  # one gold identity across stories: shared gold name or form
        for i, e in enumerate(c["entities"]):
            for n in [e["name"], *e["forms"]]:
                parent[root(f"{c['id']}#{i}")] = root("name:" + fold(normalise(n)).replace(" ", ""))
    out = []
    for c in clusters:
        for i, e in enumerate(c["entities"]):
            key = root(f"{c['id']}#{i}")
            for form in dict.fromkeys(e["forms"]):
                for a in arts[c["id"]]:
                    if occurs(form, a.text):
                        out.append((c["id"], a.id, fold(normalise(form)), key))
    return list(dict.fromkeys(out))


def predictions(
    stories: list[Story], ents: list[list[dict[str, Any]]], keys: list[list[str]]
) -> dict[tuple[str, str], str]:
    """(article id, folded form) -> the global key the linker gave the entity holding that form."""
    out: dict[tuple[str, str], str] = {}
    for (_sid, arts), es, ks in zip(stories, ents, keys, strict=True):
        for e, k in zip(es, ks, strict=True):
            for v in [e["name"], *e["variants"]]:
                for a in e["articles"]:
                    if any(x.id == a for x in arts):
                        out.setdefault((a, fold(str(v))), k)
    return out


def score(items: list[tuple[str, str, str, str]], pred: dict[tuple[str, str], str]) -> dict[str, Any]:
    """Pairwise precision / recall over pairs of items from different articles, inside one gold story
    and across gold stories."""
    res = {"within": [0, 0, 0], "across": [0, 0, 0]}  # tp, predicted, gold
    errors: list[str] = []
    p = [pred.get((a, f)) for _c, a, f, _k in items]
    for i in range(len(items)):
        ci, ai, fi, ki = items[i]
        for j in range(i + 1, len(items)):
            cj, aj, fj, kj = items[j]
            if ai == aj:
                continue
            part = res["within" if ci == cj else "across"]
            same_gold = ki == kj
            same_pred = p[i] is not None and p[i] == p[j]
            part[0] += same_gold and same_pred
            part[1] += same_pred
            part[2] += same_gold
            if same_pred and not same_gold and len(errors) < 200:
                errors.append(f"wrong link {fi!r} ({ci}) ~ {fj!r} ({cj})")
    out: dict[str, Any] = {"errors": sorted(set(errors))}
    for part, (tp, np_, ng) in res.items():
        pr = tp / np_ if np_ else 1.0
        rc = tp / ng if ng else 1.0
        out[part] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0, ng)
    tp, np_, ng = (res["within"][i] + res["across"][i] for i in range(3))
    pr, rc = (tp / np_ if np_ else 1.0), (tp / ng if ng else 1.0)
    out["all"] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0, ng)
    return out


def speed(nlp: NLP) -> None:
    """Linking time per story: every DUC 2003 and MultiLing 2011 article as a story of its own."""
    settings = Settings()
    arts = [a for pack in ("clustering_duc2003", "clustering_multiling2011", "clustering_stream")
            for a in read_inputs([SHARED / pack / "articles.jsonl"], settings) if isinstance(a, Article)]  # fmt: skip
    arts = list({a.id: a for a in arts}.values())
    analyses = {a.id: an for a, an in nlp.analyse_stream(arts)}
    ents = [story_entities([a], analyses) for a in arts]
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        link_newsweave(ents)
        times.append(time.perf_counter() - t0)
    n = sum(map(len, ents))
    t = sorted(times)[1]
    print(f"\nlinking {len(arts)} one-article stories ({n} entities) into an empty in-memory store: median of 3 "
          f"{t:.2f} s, {1000 * t / len(arts):.2f} ms per story, {1e6 * t / n:.0f} µs per entity")  # fmt: skip


# Linking at scale, run in a subprocess so that an earlier checkout (``--baseline``) can run the same code:
# argv: entities JSON (one list of story entities per one-article story), copies K, store path
SCALE_RUN = r"""
import json, sys, time
from newsweave.stages.registry import link_story
from newsweave.store.sqlite import SQLiteStore
stories = json.load(open(sys.argv[1]))
k = int(sys.argv[2])
store = SQLiteStore(sys.argv[3])
per_copy = []
for c in range(k):
    t0 = time.perf_counter()
    for i, ents in enumerate(stories):
        link_story(store, f"s{c}-{i}", ents)
    per_copy.append(1000 * (time.perf_counter() - t0) / len(stories))
t0 = time.perf_counter()
for i, ents in enumerate(stories[:200]):  # a story analysed again after it grew: its links are replaced
    link_story(store, f"s0-{i}", ents)
relink = 1000 * (time.perf_counter() - t0) / 200
top = store.db.execute("SELECT MAX(stories) FROM entities").fetchone()[0]
print(json.dumps({"first": per_copy[0], "last": per_copy[-1], "relink": relink, "top": top}))
"""


def scale(nlp: NLP, copies: int, baseline: str | None) -> None:
    """ms per story when the 957 one-article stories of the stream are linked ``copies`` times into one
    on-disk store (so "United States" gathers thousands of links), and when 200 of them are relinked at
    the end; with ``baseline``, the same for that revision, interleaved (shared machine)."""
    import subprocess
    import tempfile

    from benchmarks.common import ROOT, code_env, worktree

    cache = ROOT / "benchmarks" / "results" / "stream_story_entities.json"
    if not cache.exists():
        settings = Settings()
        arts = [a for a in read_inputs([SHARED / "clustering_stream" / "articles.jsonl"], settings)
                if isinstance(a, Article)]  # fmt: skip
        analyses = {a.id: an for a, an in nlp.analyse_stream(arts)}
        cache.write_text(json.dumps([story_entities([a], analyses) for a in arts]), encoding="utf-8")
    codes = {"newsweave": ROOT}
    if baseline:
        codes[f"newsweave at {baseline}"] = worktree(baseline)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
    for _repeat in range(2):
        for name, code in codes.items():
            with tempfile.TemporaryDirectory() as tmp:
                cmd = [sys.executable, "-c", SCALE_RUN, str(cache), str(copies), f"{tmp}/s.db"]
                out = subprocess.run(cmd, env=code_env(code), cwd=code, capture_output=True, text=True, check=True)
                results[name].append(json.loads(out.stdout))
    print(f"\nlinking at scale: 957 one-article stories x {copies} copies into one on-disk store, then 200 "
          f"relinked; ms per story, median of 2 runs (interleaved)")  # fmt: skip
    print("| code | first copy | last copy | relink at the end | stories of the biggest entity |")
    print("|---|---|---|---|---|")
    for name, runs in results.items():
        med = {k: sorted(r[k] for r in runs)[len(runs) // 2] for k in runs[0]}
        print(f"| {name} | {med['first']:.2f} | {med['last']:.2f} | {med['relink']:.2f} | {int(med['top'])} |")


def audit(nlp: NLP, n: int) -> None:
    """Cross-event links on the 961-article stream, every gold event one story (the gold event is used
    here only to build the stories): how many entities are linked across events, and ``n`` of those links
    drawn at random (seed 0) for a person to judge (no gold exists for them)."""
    import random

    path = SHARED / "clustering_stream" / "articles.jsonl"
    event = {r["id"]: r["event"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}
    groups: dict[str, list[Article]] = {}
    for a in read_inputs([path], Settings()):
        if isinstance(a, Article):
            groups.setdefault(event[a.external_id], []).append(a)
    analyses = {a.id: an for a, an in nlp.analyse_stream([a for g in groups.values() for a in g])}
    names = list(groups)
    ents = [story_entities(groups[g], analyses) for g in names]
    t0 = time.perf_counter()
    keys = link_newsweave(ents)
    dt = time.perf_counter() - t0
    seen: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for g, es, ks in zip(names, ents, keys, strict=True):
        for e, k in zip(es, ks, strict=True):
            seen.setdefault(k, []).append((g, e))
    multi = {k: v for k, v in seen.items() if len(v) > 1}
    pairs = [(k, a, b) for k, v in sorted(multi.items()) for i, a in enumerate(v) for b in v[i + 1 :]
             if a[1]["name"] != b[1]["name"]]  # fmt: skip
    print(f"\nstream audit: {len(names)} events as stories, {sum(map(len, ents))} entities linked in {dt:.2f} s; "
          f"{len(seen)} entities, {len(multi)} in two events or more; {len(pairs)} cross-event links between "
          f"different names (the ones that need judging), {n} of them at random:")  # fmt: skip
    for k, (ga, ea), (gb, eb) in random.Random(0).sample(pairs, min(n, len(pairs))):
        print(f"  {k} [{ea['label']}] {ea['name']!r} {ea['variants'][:4]} ({ga}) ~ {eb['name']!r} "
              f"{eb['variants'][:4]} ({gb})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print the newsweave linker's wrong links on dev")
    ap.add_argument("--speed", action="store_true", help="also time the linker on ~1,100 one-article stories")
    ap.add_argument("--audit", type=int, metavar="N", default=0,
                    help="also link the 961-article stream's events and print N cross-event links to judge")
    ap.add_argument("--scale", type=int, metavar="K", default=0,
                    help="also time linking the stream's 957 one-article stories K times into one store")
    ap.add_argument("--baseline", metavar="REF", help="with --scale: also time revision REF (git worktree)")
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    arts = load_articles(gold)
    nlp = NLP()
    analyses: dict[str, Analysis] = {a.id: an for a, an in nlp.analyse_stream([a for v in arts.values() for a in v])}
    order = sorted(gold["clusters"], key=lambda c: hashlib.md5(f"entities:{c['id']}".encode()).hexdigest())
    n_held = -(-len(order) // 3)
    held = {c["id"] for c in order[-n_held:]}
    parts = {"dev": [c for c in gold["clusters"] if c["id"] not in held],
             "held-out": [c for c in gold["clusters"] if c["id"] in held]}  # fmt: skip
    print(f"# entities across stories, {stamp()}, {machine()}")
    print("| part | linker | within one event P | R | F1 | across events P | R | F1 | all P | R | **F1** |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    shown: list[str] = []
    for part, clusters in parts.items():
        items = gold_items(clusters, arts)
        one: list[Story] = [(a.id, [a]) for c in clusters for a in arts[c["id"]]]
        whole: list[Story] = [(c["id"], arts[c["id"]]) for c in clusters]
        runs = [(name, one, fn) for name, fn in LINKERS.items()]
        runs.append(("reference: each event as one story, then newsweave", whole, link_newsweave))
        for name, stories, fn in runs:
            ents = [story_entities(sa, analyses) for _sid, sa in stories]
            s = score(items, predictions(stories, ents, fn(ents)))
            w, x, a = s["within"], s["across"], s["all"]
            print(f"| {part} | {name} | {w[0]:.3f} | {w[1]:.3f} | {w[2]:.3f} | {x[0]:.3f} | {x[1]:.3f} | "
                  f"{x[2]:.3f} | {a[0]:.3f} | {a[1]:.3f} | **{a[2]:.3f}** |")  # fmt: skip
            if part == "dev" and name == "newsweave":
                shown = s["errors"]
        print(f"{part}: {len(items)} (article, form) items; gold pairs within events {s['within'][3]}, "
              f"across events {s['across'][3]}")  # fmt: skip
    if args.show:
        print("\ndev wrong links (newsweave):")
        for e in shown:
            print("  ", e)
    if args.speed:
        speed(nlp)
    if args.audit:
        audit(nlp, args.audit)
    if args.scale:
        scale(nlp, args.scale, args.baseline)


if __name__ == "__main__":
    main()
