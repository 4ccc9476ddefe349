"""Dense contextual features for the learned-cue model, measured by the two-fold CV inside PolNeAR
train of ``quotes_model.py`` (same folds, same candidates, same assembly): spaCy's ``doc.tensor``
(the shared tok2vec output of en_core_web_sm, 96 values per token, which the product's
``NLP(parse="all")`` keeps on every Doc) for the cue token, the holder, the content's head and the
content's mean, standardised and added to the sparse features of the logistic model, or a PCA
projection of them fitted on the fitting half, or a second-stage model over [the sparse model's
out-of-fold logit + dense features]. The cached parses (DocBin) do not store the tensor; it is
recomputed here by the pipeline's own ``tok2vec`` on the cached tokens (identical to a fresh
parse: the tok2vec reads only the token texts).

    nice -n 10 .venv/bin/python benchmarks/quotes_dense.py [--variants a,b] [--cache]

Never reads held-out."""

from __future__ import annotations

import argparse
import math
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import quotes_model as qmod  # noqa: E402
from benchmarks.common import load_jsonl  # noqa: E402
from benchmarks.quotes_polnear import DATA, MODEL, THRESHOLDS, Q, docs, gold_quotes, score  # noqa: E402

CACHE = Path(__file__).resolve().parent / "results" / "quotes_dense_cands.pkl"  # (gitignored)
SENTVECS = Path(__file__).resolve().parent / "results" / "polnear_train_sentvecs.pkl"  # (gitignored)
TENSORS = Path(__file__).resolve().parent / "results" / "polnear_train_tensors.pkl"  # (gitignored)


def pos_features(ctx: Any, v: Any, key: str, lo: int, hi: int, subj: Any, found: list[Any]) -> list[str]:
    """The product's features plus the candidate's token positions (prefix 'x:', read here only)."""
    span = ctx.doc[lo:hi]
    root = span.root.i if len(span) else lo
    s_lo, s_hi = ctx.sents[ctx.sent_of[v.i]]
    return qmod.BASE(ctx, v, key, lo, hi, subj, found) + [
        f"x:pos={v.i},{subj.i if subj is not None else -1},{lo},{hi},{root},{s_lo},{s_hi}"
    ]


def tensors(ds: list[Any], idx: list[int]) -> dict[int, Any]:
    if TENSORS.exists():
        got = pickle.loads(TENSORS.read_bytes())
        if set(idx) <= set(got):
            return got
    import spacy

    t2v = spacy.load(MODEL).get_pipe("tok2vec")
    t = time.process_time()
    out = {}
    for i in idx:
        out[i] = t2v(ds[i]).tensor.astype(np.float32)
    print(f"tok2vec over {len(idx)} docs: {time.process_time() - t:.1f} s CPU", file=sys.stderr)
    TENSORS.write_bytes(pickle.dumps(out))
    return out


def sentvecs(ds: list[Any], data: dict[int, Any]) -> dict[int, dict[int, Any]]:
    """MiniLM (the product's int8 ONNX ``Embedder``, 128 tokens, one thread) of every sentence that
    holds a candidate's cue, per train doc: {doc index: {sentence start token: vector}}; cached."""
    if SENTVECS.exists():
        got = pickle.loads(SENTVECS.read_bytes())
        if set(data) <= set(got):
            return got
    from newsweave.stages.embed import Embedder

    emb = Embedder(max_tokens=128, batch_size=16, threads=1).load()
    out: dict[int, dict[int, Any]] = {}
    n_sent = 0
    t = time.process_time()
    for i in sorted(data):
        bounds = sorted({_pos(f)[5:7] for f, _ok in data[i][0]} | {_pos(f)[5:7] for f, _q in data[i][2]})
        texts = [ds[i][a:b].text for a, b in bounds]
        vecs = emb.embed(texts) if texts else []
        out[i] = {a: v for (a, _b), v in zip(bounds, vecs, strict=True)}
        n_sent += len(texts)
    secs = time.process_time() - t
    print(f"MiniLM over {n_sent} candidate sentences of {len(data)} docs ({n_sent / len(data):.1f} per doc): "
          f"{secs:.1f} s CPU", file=sys.stderr)  # fmt: skip
    t = time.process_time()
    emb2 = Embedder(max_tokens=256, batch_size=4, threads=1).load()
    for i in sorted(data)[:200]:
        emb2.embed([ds[i].text[:3000]])
    print(f"(for scale: the product's 256-token article embedding, 200 docs: {time.process_time() - t:.1f} s CPU)",
          file=sys.stderr)  # fmt: skip
    SENTVECS.write_bytes(pickle.dumps(out))
    return out


def _pos(f: list[str]) -> tuple[int, ...]:
    x = next(y for y in f if y.startswith("x:pos="))
    return tuple(int(z) for z in x[6:].split(","))


SV: dict[int, dict[int, Any]] = {}


def dense_of(f: list[str], ten: Any, parts: str, doc_i: int = -1) -> np.ndarray:
    vi, si, lo, hi, root, s_lo, _s_hi = _pos(f)
    zero = np.zeros(ten.shape[1], dtype=np.float32)
    out = []
    if "c" in parts:
        out.append(ten[vi])
    if "h" in parts:
        out.append(ten[si] if si >= 0 else zero)
    if "r" in parts:
        out.append(ten[root])
    if "m" in parts:
        out.append(ten[lo:hi].mean(0))
    if "S" in parts:
        out.append(SV[doc_i][s_lo])
    return np.concatenate(out)


def base_feats(f: list[str]) -> list[str]:
    return [x for x in f if not x.startswith("x:")]


class Model:
    """Sparse one-hot features + standardised (optionally PCA-projected) dense ones, one L2 logistic."""

    def __init__(self, c: float, scale: float, pca: int) -> None:
        self.c, self.scale, self.pca = c, scale, pca

    def fit(self, feats: list[list[str]], dense: np.ndarray | None, y: np.ndarray) -> Model:
        from scipy import sparse
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        self.dv = DictVectorizer()
        x = self.dv.fit_transform([dict.fromkeys(f, 1) for f in feats])
        if dense is not None:
            self.mu, self.sd = dense.mean(0), dense.std(0) + 1e-6
            z = (dense - self.mu) / self.sd
            if self.pca:
                from sklearn.decomposition import PCA

                self.proj = PCA(self.pca, random_state=0).fit(z)
                z = self.proj.transform(z)
                self.zsd = z.std(0) + 1e-6
                z = z / self.zsd
            x = sparse.hstack([x, sparse.csr_matrix(z * self.scale)]).tocsr()
        self.m = LogisticRegression(C=self.c, max_iter=5000).fit(x, y)
        return self

    def logit(self, feats: list[list[str]], dense: np.ndarray | None) -> np.ndarray:
        from scipy import sparse

        x = self.dv.transform([dict.fromkeys(f, 1) for f in feats])
        if dense is not None:
            z = (dense - self.mu) / self.sd
            if self.pca:
                z = self.proj.transform(z) / self.zsd
            x = sparse.hstack([x, sparse.csr_matrix(z * self.scale)]).tocsr()
        return np.asarray(self.m.decision_function(x))


def run(data: dict[int, Any], ten: dict[int, Any], arts: list[dict[str, Any]], folds: list[list[int]],
        parts: str, c: float, scale: float, pca: int, ps: list[float]) -> dict[float, Any]:  # fmt: skip
    golds: dict[float, list[list[Q]]] = {p: [] for p in ps}
    preds: dict[float, list[list[Q]]] = {p: [] for p in ps}
    for k in (0, 1):
        fit, test = folds[k], folds[1 - k]
        feats = [base_feats(f) for i in fit for f, _ok in data[i][0]]
        y = np.array([ok for i in fit for _f, ok in data[i][0]], dtype=int)
        dense = np.stack([dense_of(f, ten[i], parts, i) for i in fit for f, _ok in data[i][0]]) if parts else None
        m = Model(c, scale, pca).fit(feats, dense, y)
        for i in test:
            _rows, found, cands = data[i]
            if cands:
                tf = [base_feats(f) for f, _q in cands]
                td = np.stack([dense_of(f, ten[i], parts, i) for f, _q in cands]) if parts else None
                lg = m.logit(tf, td)
            else:
                lg = np.zeros(0)
            _keep(arts[i], found, cands, lg, golds, preds)
    return {p: {thr: score(golds[p], preds[p], thr) for thr in THRESHOLDS} for p in ps}


def _keep(art: dict[str, Any], found: list[Any], cands: list[Any], lg: Any,
          golds: dict[float, list[list[Q]]], preds: dict[float, list[list[Q]]]) -> None:  # fmt: skip
    """One test doc's gold and predictions at each threshold: the hand rules + candidates accepted."""
    for p in golds:
        cut = math.log(p / (1 - p))
        acc = [q for (_f, q), g in zip(cands, lg, strict=True) if g >= cut]
        golds[p].append(gold_quotes(art))
        preds[p].append(qmod.as_preds(qmod.assemble(found, acc)))


def run_stack(data: dict[int, Any], ten: dict[int, Any], arts: list[dict[str, Any]], folds: list[list[int]],
              parts: str, c: float, c2: float, ps: list[float]) -> dict[float, Any]:  # fmt: skip
    """A second-stage logistic model over [the sparse model's out-of-fold logit, dense features]."""
    from sklearn.linear_model import LogisticRegression

    golds: dict[float, list[list[Q]]] = {p: [] for p in ps}
    preds: dict[float, list[list[Q]]] = {p: [] for p in ps}
    for k in (0, 1):
        fit, test = folds[k], folds[1 - k]
        inner = [fit[0::2], fit[1::2]]
        xs, ys, lg = [], [], []
        for j in (0, 1):
            rows = [(f, ok) for i in inner[j] for f, ok in data[i][0]]
            y = np.array([ok for _, ok in rows], dtype=int)
            m = Model(c, 1.0, 0).fit([base_feats(f) for f, _ in rows], None, y)
            sub = [(f, i, ok) for i in inner[1 - j] for f, ok in data[i][0]]
            xs += [(f, i) for f, i, _ok in sub]
            ys += [ok for _f, _i, ok in sub]
            lg.append(m.logit([base_feats(f) for f, _i, _ok in sub], None))
        logits = np.concatenate(lg)
        dense = np.stack([dense_of(f, ten[i], parts, i) for f, i in xs])
        mu, sd = dense.mean(0), dense.std(0) + 1e-6
        x2 = np.hstack([logits[:, None], (dense - mu) / sd])
        m2 = LogisticRegression(C=c2, max_iter=5000).fit(x2, np.array(ys, dtype=int))
        rows = [(f, ok) for i in fit for f, ok in data[i][0]]
        m1 = Model(c, 1.0, 0).fit([base_feats(f) for f, _ in rows], None, np.array([ok for _, ok in rows], dtype=int))
        for i in test:
            _rows, found, cands = data[i]
            if cands:
                l1 = m1.logit([base_feats(f) for f, _q in cands], None)
                d = (np.stack([dense_of(f, ten[i], parts, i) for f, _q in cands]) - mu) / sd
                g2 = m2.decision_function(np.hstack([l1[:, None], d]))
            else:
                g2 = np.zeros(0)
            _keep(arts[i], found, cands, g2, golds, preds)
    return {p: {thr: score(golds[p], preds[p], thr) for thr in THRESHOLDS} for p in ps}


def speed(arts: list[dict[str, Any]], ds: list[Any], other: Path, n: int = 300, rounds: int = 3) -> int:
    """CPU time of ``extract_quotes`` on the first ``n`` train docs with the product's model and with
    the one in ``other`` (say the file before a change), alternating, medians of ``rounds``."""
    import json
    import statistics

    from newsweave.stages import quote_learned as ql
    from newsweave.stages.quotes import extract_quotes

    sample = [d for a, d in zip(arts, ds, strict=True) if a["compartment"] == "train"][:n]
    models = {"now": ql.LEARNED_MODEL, str(other): json.loads(other.read_text()).get("model")}
    times: dict[str, list[float]] = {k: [] for k in models}
    for _ in range(rounds):
        for name, model in models.items():
            ql.LEARNED_MODEL = model
            t = time.process_time()
            for d in sample:
                extract_quotes(d)
            times[name].append(time.process_time() - t)
    for name, ts in times.items():
        each = ", ".join(f"{x:.2f}" for x in ts)
        print(f"{name}: {len(sample)} docs, median {statistics.median(ts):.2f} s CPU ({each})")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", default="base,c,chm,chrm")
    ap.add_argument("--cache", action="store_true", help="reuse the last collected candidates (same code only)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--ps", default="0.3")
    ap.add_argument("--speed", default="", help="a quote_cues.json to time the quote rules against (CPU, train docs)")
    args = ap.parse_args()
    arts = load_jsonl(DATA)
    ds = docs(arts)
    if args.speed:
        return speed(arts, ds, Path(args.speed))
    folds = qmod.train_folds(arts, args.seed)
    train = folds[0] + folds[1]
    t = time.time()
    if args.cache and CACHE.exists():
        data = pickle.loads(CACHE.read_bytes())
    else:
        qmod.all_features = pos_features
        data = qmod.collect(arts, ds, sorted(train))
        CACHE.write_bytes(pickle.dumps(data))
    print(f"collected in {time.time() - t:.0f}s", file=sys.stderr)
    ten = tensors(ds, sorted(train))
    if any("S" in v.split("-")[0] for v in args.variants.split(",")):
        SV.update(sentvecs(ds, data))
    ps = [float(p) for p in args.ps.split(",")]
    for name in filter(None, args.variants.split(",")):
        # name: parts[-sSCALE][-pPCA][-cC][-stack]
        bits = name.split("-")
        parts = "" if bits[0] == "base" else bits[0]
        scale, pca, c, stack = 1.0, 0, 0.5, False
        for b in bits[1:]:
            if b == "stack":
                stack = True
            elif b.startswith("s"):
                scale = float(b[1:])
            elif b.startswith("p"):
                pca = int(b[1:])
            elif b.startswith("c"):
                c = float(b[1:])
        t = time.time()
        res = (run_stack(data, ten, arts, folds, parts, 0.5, c, ps) if stack
               else run(data, ten, arts, folds, parts, c, scale, pca, ps))  # fmt: skip
        for p, r in res.items():
            print(qmod.line(f"{name} p{p}", r) + f"  ({time.time() - t:.0f}s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
