"""Issue 8: ``nlp_parse="cues"`` (tagger and parser only on sentences that can hold a quote) against
``"all"``: quotes on PolNeAR, entities and sentences on the stream, CPU of the spaCy pass.

    nice -n 10 .venv/bin/python benchmarks/spacy_cues.py [--repeat 3] [--heldout] [--skip-stream]

1. PolNeAR (../shared/data/quotes_polnear): newsweave's quotes from the full parse (the DocBin cache
   of benchmarks/quotes_polnear.py) and from a fresh ``NLP(parse="cues")`` parse made by the current
   code (the cues cache of quotes_polnear.py is only compared, not used), scored with
   quotes_polnear.py's matcher on the train compartment; a paired bootstrap over train articles
   (1000 resamples) gives the noise of the difference. ``--heldout`` also scores the dev
   compartment (the held-out set: look once, at the end).
2. Stream (../shared/data/clustering_stream, 961 articles, no labels read): ``analyse_doc`` with
   both parses: articles whose mentions, sentences or quotes differ, quote counts; CPU (process
   time) of ``NLP.docs`` in the product's batches of 8, one process, medians of ``--repeat``, the
   two interleaved.
Writes benchmarks/results/spacy_cues.json.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import quotes_polnear as qp  # noqa: E402
from benchmarks.common import ROOT, SHARED, load_jsonl, machine, stamp  # noqa: E402
from newsweave.stages.nlp import NLP, analyse_doc  # noqa: E402
from newsweave.stages.quotes import extract_quotes  # noqa: E402
from newsweave.workers import batched  # noqa: E402


def counts(gold: list[Any], pred: list[Any], thr: float) -> tuple[int, int, int, int, int]:
    """One article's (matched gold, gold, matched predictions, predictions, speaker matches)."""
    pairs, _, _ = qp.match(gold, pred, thr)
    return len(pairs), len(gold), len(pairs), len(pred), sum(qp.speaker_ok(g, p) for g, p in pairs)


def f1s(rows: list[tuple[int, ...]]) -> tuple[float, float]:
    tp, g, _, n, spk = (sum(c) for c in zip(*rows, strict=True)) if rows else (0, 0, 0, 0, 0)
    p, r = (tp / n if n else 0.0), (tp / g if g else 0.0)
    return (2 * p * r / (p + r) if p + r else 0.0), (spk / tp if tp else 0.0)


def polnear(heldout: bool) -> dict[str, Any]:
    import numpy as np
    from spacy.attrs import DEP, HEAD, POS, TAG
    from spacy.tokens import DocBin

    arts = load_jsonl(qp.DATA)
    full = qp.docs(arts)
    nlp = NLP(parse="cues", max_chars=2_000_000)
    t = time.process_time()
    cues = list(nlp.docs(a["text"] for a in arts))
    out: dict[str, Any] = {"cue_parse_cpu_s": round(time.process_time() - t, 1)}
    cache = qp.CACHE.with_name("polnear_docs_cues.spacy")
    if cache.exists():
        cached = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.load()._nlp.vocab))
        same = len(cached) == len(cues) and all(
            np.array_equal(a.to_array([HEAD, DEP, TAG, POS]), b.to_array([HEAD, DEP, TAG, POS]))
            for a, b in zip(cached, cues, strict=True)
        )
        out["cues_cache_identical"] = same
    run = qp.newsweave_preds(extract_quotes)
    for comp in ("train", "dev") if heldout else ("train",):
        idx = [i for i, a in enumerate(arts) if a["compartment"] == comp]
        golds = [qp.gold_quotes(arts[i]) for i in idx]
        preds = {k: [run(ds[i]) for i in idx] for k, ds in (("all", full), ("cues", cues))}
        res: dict[str, Any] = {"articles": len(idx)}
        for thr in qp.THRESHOLDS:
            rows = {k: [counts(g, p, thr) for g, p in zip(golds, preds[k], strict=True)] for k in preds}
            for k in rows:
                f, spk = f1s(rows[k])
                res[f"{k}_f1@{thr}"] = round(100 * f, 2)
                res[f"{k}_speaker@{thr}"] = round(100 * spk, 2)
            rng, diffs, sdiffs = random.Random(0), [], []
            for _ in range(1000):
                pick = [rng.randrange(len(idx)) for _ in idx]
                (fa, sa), (fc, sc) = (f1s([rows[k][i] for i in pick]) for k in ("all", "cues"))
                diffs.append(100 * (fc - fa))
                sdiffs.append(100 * (sc - sa))
            diffs.sort()
            sdiffs.sort()
            res[f"cues_minus_all_f1@{thr}_95ci"] = [round(diffs[25], 2), round(diffs[974], 2)]
            res[f"cues_minus_all_speaker@{thr}_95ci"] = [round(sdiffs[25], 2), round(sdiffs[974], 2)]
        res["quotes_all"] = sum(map(len, preds["all"]))
        res["quotes_cues"] = sum(map(len, preds["cues"]))
        out[comp] = res
        print(comp, json.dumps(res), flush=True)
    return out


def stream(repeat: int) -> dict[str, Any]:
    recs = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    texts, ids = [r.get("text") or "" for r in recs], [r["id"] for r in recs]
    nlps = {"all": NLP(parse="all").load(), "cues": NLP(parse="cues").load()}
    an = {k: [analyse_doc(i, d) for i, d in zip(ids, n.docs(texts), strict=True)] for k, n in nlps.items()}
    pairs = list(zip(an["all"], an["cues"], strict=True))
    out: dict[str, Any] = {
        "articles": len(recs),
        "mentions_differ": sum(a.mentions != b.mentions for a, b in pairs),
        "sentences_differ": sum(a.sentences != b.sentences for a, b in pairs),
        "sentences_all": sum(len(a.sentences) for a, _ in pairs),
        "sentences_cues": sum(len(b.sentences) for _, b in pairs),
        "quotes_differ": sum(a.quotes != b.quotes for a, b in pairs),
        "quotes_all": sum(len(a.quotes) for a, _ in pairs),
        "quotes_cues": sum(len(b.quotes) for _, b in pairs),
    }
    print(json.dumps(out), flush=True)
    cpu: dict[str, list[float]] = {"all": [], "cues": []}
    for _ in range(repeat):
        for k, n in nlps.items():
            t = time.process_time()
            for group in batched(texts, 8):  # the product's batches (spacy_batch_size)
                for _d in n.docs(group):
                    pass
            cpu[k].append(round(time.process_time() - t, 2))
    out["cpu_s"] = {k: {"median": statistics.median(v), "runs": v} for k, v in cpu.items()}
    print(json.dumps(out["cpu_s"]), flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--heldout", action="store_true", help="also score PolNeAR's held-out dev compartment")
    ap.add_argument("--skip-stream", action="store_true")
    ap.add_argument("--skip-polnear", action="store_true")
    args = ap.parse_args()
    res: dict[str, Any] = {"date": stamp(), "machine": machine()}
    if not args.skip_polnear:
        res["polnear"] = polnear(args.heldout)
    if not args.skip_stream:
        res["stream"] = stream(args.repeat)
    out = ROOT / "benchmarks" / "results" / "spacy_cues.json"
    out.write_text(json.dumps(res, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
