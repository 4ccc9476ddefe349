"""Why gold corroborated facts are missed, on the dev clusters of benchmarks/gold/compare_gold.json only.

For every dev fact that no predicted group matches (benchmarks/compare.py's rule: a group overlapping the
fact's sentences in 2 articles), prints the reason, one of:
- ``no claim``: a gold sentence gave no claim (not a statement, too short/long, < 3 content words);
- ``grouped apart``: two claims of the fact are similar (``compare.similarity``) but ended in different
  groups (star grouping took one of them first) or the speaker rule split them;
- ``not similar``: no pair of the fact's claims of different articles is similar; for the closest pair
  (embedding cosine) it prints the shared words, the shared words that are not the story's own, the
  TF-IDF cosine, the embedding cosine (if the pair was embedded, and what it would be), the figures rule
  and the speakers;
and, for found facts, nothing. Also lists gold unique sentences that are not shown and why (no claim,
in a corroborated group, not new enough, ranked out, echo).

    nice -n 10 .venv/bin/python benchmarks/compare_misses.py [--unique]

The spaCy parses and the sentence vectors are cached under /tmp (the dev clusters only; held-out is never
read).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout  # noqa: E402
from benchmarks.compare import GOLD, hits, load_cluster, score_cluster, sentences_of, spans  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages import compare  # noqa: E402
from newsweave.stages.facts import story_facts  # noqa: E402
from newsweave.stages.story import find_copies  # noqa: E402

CACHE = Path("/tmp/compare_dev_cache.pkl")
VEC_CACHE = Path("/tmp/compare_dev_vectors.pkl")


def dev_data() -> list[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(gold entry, articles by key, analyses) of every dev cluster, parsed once and cached."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    entries = [e for e in gold["clusters"] if not heldout(e["id"])]
    if CACHE.exists():
        cached = pickle.loads(CACHE.read_bytes())
        if [e["id"] for e, _, _ in cached] == [e["id"] for e in entries]:
            return [(e, arts, ans) for e, (_, arts, ans) in zip(entries, cached, strict=True)]
    from newsweave.stages.nlp import NLP

    settings = Settings()
    nlp = NLP(settings.spacy_model).load()
    out = []
    for entry in entries:
        arts = load_cluster(entry, settings)
        analyses = {a.id: an for a, an in nlp.analyse_stream(list(arts.values()))}
        out.append((entry, arts, analyses))
    CACHE.write_bytes(pickle.dumps(out))
    return out


class CachingEmbedder:
    """The pipeline's embedder with a per-text cache kept on disk between runs."""

    def __init__(self) -> None:
        self.cache: dict[str, np.ndarray] = pickle.loads(VEC_CACHE.read_bytes()) if VEC_CACHE.exists() else {}
        self.model: Any = None
        self.dirty = False

    def embed(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            if self.model is None:
                from newsweave.stages.embed import Embedder

                self.model = Embedder(threads=1).load()
            for t, v in zip(todo, self.model.embed(todo), strict=True):
                self.cache[t] = v
            self.dirty = True
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)

    def save(self) -> None:
        if self.dirty:
            VEC_CACHE.write_bytes(pickle.dumps(self.cache))


def run_dev(embedder: Any, show: bool = False) -> dict[str, list[int]]:
    """Totals of benchmarks/compare.py's counts over the dev clusters."""
    totals: dict[str, list[int]] = {"corr": [0] * 4, "uniq": [0] * 5, "conf": [0] * 4}
    for entry, arts, analyses in dev_data():
        articles = list(arts.values())
        copies = find_copies(articles)
        _, numbers = story_facts(articles, analyses)
        out = compare.compare_sources(articles, analyses, copies, numbers, embedder=embedder)
        c = score_cluster(entry, arts, analyses, out)
        if show:
            print(entry["id"], c["corr"], c["uniq"], c["conf"])
        for kind in totals:
            totals[kind] = [a + b for a, b in zip(totals[kind], c[kind], strict=True)]
    return totals


def explain(embedder: CachingEmbedder, unique: bool) -> None:
    for entry, arts, analyses in dev_data():
        articles = list(arts.values())
        copies = find_copies(articles)
        _, numbers = story_facts(articles, analyses)
        out = compare.compare_sources(articles, analyses, copies, numbers, embedder=embedder)
        claims = compare._claims(articles, analyses, copies)
        negated = np.array([compare._negated(c.text) for c in claims], dtype=bool)
        stats = compare.PairStats.of(claims, numbers)
        vectors = compare.claim_vectors(claims, embedder, negated, stats)
        sim = compare.similarity(claims, vectors, stats=stats)
        full = embedder.embed([c.text for c in claims])  # every claim, to see what a cosine would be
        speakers = compare.speaker_keys(claims, analyses)
        topic = compare.story_words(claims)
        groups = [spans(g["sentences"]) for g in out["corroborated"]]
        print(f"=== {entry['id']}  {len(claims)} claims; story words: {sorted(topic)[:25]}")
        for f in entry["corroborated"]:
            sents = set().union(*(sentences_of(arts[k], analyses[arts[k].id], qs) for k, qs in f["support"].items()))
            if any(len(hits(g, sents)) >= 2 for g in groups):
                print(f"  FOUND  {f['fact']}")
                continue
            print(f"  MISSED {f['fact']}")
            members: dict[str, list[int]] = {}
            for i, c in enumerate(claims):
                if any(g[0] == c.article and g[1] < c.end and c.start < g[2] for g in sents):
                    members.setdefault(c.article, []).append(i)
            for k in f["support"]:
                if arts[k].id not in members:
                    print(f"     no claim in {k}: {f['support'][k]}")
            pairs = [(i, j) for a in members for b in members if a < b for i in members[a] for j in members[b]]
            if not pairs:
                continue
            if any(sim[i, j] for i, j in pairs):
                i, j = next((i, j) for i, j in pairs if sim[i, j])
                sp = (speakers[i], speakers[j])
                print(f"     similar but grouped apart (speakers {sp}):")
            else:
                i, j = max(pairs, key=lambda p: float(full[p[0]] @ full[p[1]]))
                print("     not similar; closest pair:")
            a, b = claims[i], claims[j]
            shared = set(a.words) & set(b.words)
            emb = "embedded" if vectors.size and vectors[i].any() and vectors[j].any() else "not embedded"
            fig = bool(stats.figures[i, j]) if stats.figures is not None else None
            print(f"       cos {float(full[i] @ full[j]):.2f} ({emb}) tfidf {stats.tfidf[i, j]:.2f}"
                  f" shared {sorted(shared)} rare {sorted(shared - topic)} figures {fig}"
                  f" speakers {speakers[i]},{speakers[j]}")  # fmt: skip
            print(f"       A: {a.text[:200]}")
            print(f"       B: {b.text[:200]}")
        if not unique:
            continue
        shown = [(u["article"], u["start"], u["end"]) for u in out["unique"]]
        arts_text = {a.id: a.text for a in articles}
        words_of: dict[str, set[str]] = {}
        for a in articles:
            if a.id not in copies:
                words_of.setdefault(compare.outlet_of(a), set()).update(compare.content_words(a.text))
        elsewhere = {o: set().union(*(w for p, w in words_of.items() if p != o)) for o in words_of}
        echo = compare._echoes(claims, stats)
        for u in entry["unique"]:
            sents = sentences_of(arts[u["article"]], analyses[arts[u["article"]].id], [u["quote"]])
            if hits(shown, sents):
                continue
            mine = [c for c in claims if any(g[0] == c.article and g[1] < c.end and c.start < g[2] for g in sents)]
            in_group = any(hits(g, sents) for g in groups)
            why = "no claim" if not mine else "in a group" if in_group else ""
            if not why:
                c = mine[0]
                text = " ".join(arts_text[c.article][c.sentence[0] : c.sentence[1]].split())
                words = set(compare.content_words(text))
                new = words - elsewhere.get(c.outlet, set())
                share = len(new) / max(1, len(words))
                why = (f"not new ({share:.2f})" if share < compare.MIN_NEW_SHARE
                       else f"ranked out (new {len(new)}, echo {bool(echo.get((c.article, c.sentence)))})")  # fmt: skip
            print(f"  UNIQUE missed ({why}): {u['quote'][:120]}")
        gold_u = set().union(*(sentences_of(arts[u["article"]], analyses[arts[u["article"]].id], [u["quote"]])
                               for u in entry["unique"]))  # fmt: skip
        for u in out["unique"]:
            if not hits([(u["article"], u["start"], u["end"])], gold_u):
                print(f"  UNIQUE shown, not gold: {u['text'][:120]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unique", action="store_true", help="also the gold unique sentences not shown")
    ap.add_argument("--totals", action="store_true", help="only the dev totals (corr, uniq, conf counts)")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a constant of newsweave.stages.compare (a tuning trial)",
    )
    args = ap.parse_args()
    for kv in args.set:
        name, value = kv.split("=", 1)
        setattr(compare, name, type(getattr(compare, name))(float(value)))
    embedder = CachingEmbedder()
    if args.totals:
        print(run_dev(embedder, show=True))
    else:
        explain(embedder, args.unique)
    embedder.save()


if __name__ == "__main__":
    main()
