"""Issue 8: the lean attribute_ruler (``_AttributeTable`` in newsweave/stages/nlp.py) against spaCy's.

    nice -n 10 .venv/bin/python benchmarks/spacy_lean.py [--repeat 3] [--limit N]

Over the 961 articles of ../shared/data/clustering_stream (no labels are read):
1. Identity: the model as spaCy loads it (``exclude=["lemmatizer"]``, its own attribute_ruler) and
   newsweave's ``NLP`` (the table in its place) parse every article; the share of tokens whose POS,
   tag, dep, head, morphology, lemma, entity or sentence start differ, and the number of articles
   whose ``analyse_doc`` output (sentences, mentions, quotes) differs. The same for ``parse="cues"``.
2. CPU: process time of the ruler and of the table over the same parsed Docs (fresh copies each
   repeat), and of the whole spaCy pass (``nlp.pipe``), both in the product's batches of 8 Docs,
   one process; medians of ``--repeat``, the two interleaved.
Writes benchmarks/results/spacy_lean.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, SHARED, load_jsonl, machine, stamp  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.nlp import NLP, analyse_doc  # noqa: E402
from newsweave.workers import batched  # noqa: E402


def spacy_nlp(cues: bool = False) -> NLP:
    """An ``NLP`` that runs the model's own attribute_ruler (the reference)."""
    import spacy

    ref = NLP(parse="cues" if cues else "all")
    ref._nlp = spacy.load(Settings().spacy_model, exclude=["lemmatizer"])
    ref._nlp.max_length = max(ref.max_chars + 1000, 1_000_000)
    if cues:
        ref._nlp.enable_pipe("senter")
    return ref


def differences(texts: list[str], ids: list[str], cues: bool) -> dict[str, Any]:
    import numpy as np
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    attrs = {"pos": POS, "tag": TAG, "dep": DEP, "head": HEAD, "morph": MORPH, "lemma": LEMMA,
             "ent_iob": ENT_IOB, "ent_type": ENT_TYPE, "sent_start": SENT_START}  # fmt: skip
    ref = spacy_nlp(cues)
    new = NLP(parse="cues" if cues else "all")
    tokens, diff = 0, dict.fromkeys(attrs, 0)
    analyses = 0
    for i, a, b in zip(ids, ref.docs(texts), new.docs(texts), strict=True):
        assert [t.text for t in a] == [t.text for t in b]
        x, y = a.to_array(list(attrs.values())), b.to_array(list(attrs.values()))
        tokens += len(a)
        for j, k in enumerate(attrs):
            diff[k] += int(np.sum(x[:, j] != y[:, j]))
        analyses += analyse_doc(i, a) != analyse_doc(i, b)
    return {"tokens": tokens, "tokens_differing": diff, "articles": len(texts), "analyses_differing": analyses}


def cpu(texts: list[str], repeat: int) -> dict[str, Any]:
    import spacy

    ref = spacy.load(Settings().spacy_model, exclude=["lemmatizer"])
    new = NLP().load()._nlp
    docs = list(ref.pipe(texts, batch_size=8, disable=["attribute_ruler", "ner"]))
    out: dict[str, list[float]] = {"ruler_s": [], "table_s": [], "spacy_pass_ruler_s": [], "spacy_pass_table_s": []}
    for _ in range(repeat):
        for key, proc in (("ruler_s", ref.get_pipe("attribute_ruler")), ("table_s", new.get_pipe("attribute_ruler"))):
            copies = [d.copy() for d in docs]
            t = time.process_time()
            for group in batched(copies, 8):  # the product's batches (spacy_batch_size)
                for _d in proc.pipe(group, batch_size=8):
                    pass
            out[key].append(round(time.process_time() - t, 2))
        for key, nlp in (("spacy_pass_ruler_s", ref), ("spacy_pass_table_s", new)):
            t = time.process_time()
            for group in batched(texts, 8):
                for _d in nlp.pipe(group, batch_size=8):
                    pass
            out[key].append(round(time.process_time() - t, 2))
    return {k: {"median": statistics.median(v), "runs": v} for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (0: all)")
    ap.add_argument("--skip-cpu", action="store_true")
    ap.add_argument("--cues-limit", type=int, default=300, help="articles compared with parse='cues'")
    args = ap.parse_args()
    recs = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    if args.limit:
        recs = recs[: args.limit]
    texts, ids = [r.get("text") or "" for r in recs], [r["id"] for r in recs]
    res: dict[str, Any] = {"date": stamp(), "machine": machine(), "articles": len(recs)}
    res["identity_all"] = differences(texts, ids, cues=False)
    print(json.dumps(res["identity_all"]), flush=True)
    n = args.cues_limit
    res["identity_cues"] = differences(texts[:n], ids[:n], cues=True)
    print(json.dumps(res["identity_cues"]), flush=True)
    if not args.skip_cpu:
        res["cpu"] = cpu(texts, args.repeat)
        print(json.dumps(res["cpu"]), flush=True)
    out = ROOT / "benchmarks" / "results" / "spacy_lean.json"
    out.write_text(json.dumps(res, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
