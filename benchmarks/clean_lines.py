"""Can a line-level stacked model (auto-context) correct ``clean_text_dump`` beyond its block model? (DEV only.)

Stage 0 is the shipped cleaner: the span rule's body corrected by the block model (benchmarks/clean_segments.py),
the block model's probabilities taken out of fold. Stage 1: boosted trees (the block model's settings) over each
prose/soft line with the line's own features (benchmarks/clean_classifier.line_features), those of the lines just
before and after it, the stage-0 decision, the rule's decision, the title flag and the block probability of its
block and its neighbours' blocks; target: the line's gold label, lines weighted by words over the page's words.
Then either a Viterbi pass over the stage-1 probabilities (keep/drop, emissions log p weighted by log words, a
cost per switch), or (``--stages``) stages 2 and 3 (auto-context): the same design plus the previous stage's
probabilities of the neighbouring lines (1 and 2 lines before/after, word-weighted means over 3 and 10 lines on
each side). Decisions: keep the lines at p >= t, or flip stage 0's decision only when sure (kept line dropped at
p < lo, other added at p >= hi). Every stage is scored by 5-fold CV over dev pages (the folds of
clean_classifier.py everywhere); held-out pages are never read. The built dev data is cached in /tmp.

    .venv/bin/python benchmarks/clean_lines.py [--stages]
"""

from __future__ import annotations

import pickle
import statistics
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.clean_classifier import FOLDS, build  # noqa: E402
from benchmarks.clean_segments import boosted_trees, cross_validate, keep_lines, prepare  # noqa: E402
from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.extract_html import load_pages, prf  # noqa: E402
from benchmarks.extract_text import render_all  # noqa: E402
from newsweave.stages import clean  # noqa: E402

CACHE = Path("/tmp/clean_lines_data.pkl")


def load() -> list[dict[str, Any]]:
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    pages = [p for p in load_pages() if p["split"] == "dev"]
    render_all(pages)
    data = build(pages)
    prepare(data)
    CACHE.write_bytes(pickle.dumps(data))
    return data


def stage0(data: list[dict[str, Any]]) -> None:
    """Out-of-fold block probabilities and the shipped decision per line."""
    probs = cross_validate(data, boosted_trees, "gold")
    for d, p in zip(data, probs, strict=True):
        n = len(d["lines"])
        flips = (
            np.where(
                d["SX"][:, 0] > 0,
                p < clean.SEGMENT_DROP,
                p >= np.where(d["SX"][:, 2] > 0, clean.SEGMENT_ADD_ABOVE, clean.SEGMENT_ADD),
            )
            if len(p)
            else np.zeros(0, dtype=bool)
        )
        d["keep0"] = keep_lines(d, flips, "flip")
        k0 = np.zeros(n)
        k0[d["keep0"]] = 1
        rule = np.zeros(n)
        rule[d["rule"]] = 1
        bp = np.full(n, -1.0)
        bprev = np.full(n, -1.0)
        bnext = np.full(n, -1.0)
        for j, c in enumerate(d["SC"]):
            for i in c:
                bp[i] = p[j]
                bprev[i] = p[j - 1] if j else -1.0
                bnext[i] = p[j + 1] if j + 1 < len(p) else -1.0
        title = np.zeros(n)
        if d["title"] is not None:
            title[d["title"]] = 1
        d["Z0"] = np.column_stack([k0, rule, bp, bprev, bnext, title])


def shift(a: np.ndarray, k: int, fill: float = 0.0) -> np.ndarray:
    out = np.full_like(a, fill)
    if k > 0:
        out[k:] = a[:-k]
    elif k < 0:
        out[:k] = a[-k:]
    else:
        out[:] = a
    return out


def base_design(d: dict[str, Any]) -> np.ndarray:
    x, z = d["X"], d["Z0"]
    if not len(x):
        return np.zeros((0, 2 * x.shape[1] + 3 * z.shape[1]))
    nb = [shift(x, 1), shift(x, -1)]
    zb = [shift(z, 1, -1), shift(z, -1, -1)]
    return np.hstack([x, *nb, z, *zb])


def context(p: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Neighbours' probabilities: previous, next, word-weighted means over windows of 3 and 10 lines each side."""
    cols = [shift(p, 1, -1), shift(p, -1, -1), shift(p, 2, -1), shift(p, -2, -1)]
    pw, cw = np.concatenate([[0], np.cumsum(p * w)]), np.concatenate([[0], np.cumsum(w)])
    n = len(p)
    idx = np.arange(n)
    for k in (3, 10):
        for lo, hi in ((np.maximum(idx - k, 0), idx), (idx + 1, np.minimum(idx + 1 + k, n))):
            s, c = pw[hi] - pw[lo], cw[hi] - cw[lo]
            cols.append(np.where(c > 0, s / np.maximum(c, 1e-9), -1))
    return np.column_stack(cols)


def viterbi(p: np.ndarray, n: np.ndarray, cand: np.ndarray, switch: float = 1.0) -> list[int]:
    """Keep/drop over the prose and soft lines: each line scores its words times log p (keep) or log(1 - p)
    (drop), a change of state between consecutive candidate lines costs ``switch``; the best path's kept lines."""
    idx = [i for i in range(len(p)) if cand[i]]
    if not idx:
        return []
    q = np.clip(p[idx], 1e-4, 1 - 1e-4)
    w = np.log1p(n[idx])
    em = np.column_stack([w * np.log(1 - q), w * np.log(q)])  # state 0 drop, 1 keep
    score = em[0].copy()
    back = np.zeros((len(idx), 2), dtype=int)
    for t in range(1, len(idx)):
        new = np.empty(2)
        for s in (0, 1):
            stay, move = score[s], score[1 - s] - switch
            back[t, s] = s if stay >= move else 1 - s
            new[s] = max(stay, move) + em[t, s]
        score = new
    s = int(score.argmax())
    path = [s]
    for t in range(len(idx) - 1, 0, -1):
        s = back[t, s]
        path.append(s)
    path.reverse()
    return [i for i, k in zip(idx, path, strict=True) if k]


def cv_lines(data: list[dict[str, Any]], key: str, **tree: Any) -> list[np.ndarray]:
    fold = [i % FOLDS for i in range(len(data))]
    out = [np.zeros(len(d["lines"])) for d in data]
    for f in range(FOLDS):
        rows = [d for d, g in zip(data, fold, strict=True) if g != f and d["cand"].any()]
        x = np.vstack([d[key][d["cand"]] for d in rows])
        y = np.concatenate([d["y"][d["cand"]] for d in rows])
        w = np.concatenate([d["n"][d["cand"]] / d["n"][d["cand"]].sum() for d in rows])
        model = boosted_trees(**tree).fit(x, y, sample_weight=w)
        for k, (d, g) in enumerate(zip(data, fold, strict=True)):
            if g == f and d["cand"].any():
                out[k][d["cand"]] = model.predict_proba(d[key][d["cand"]])[:, 1]
    return out


def main() -> None:
    data = load()
    print(f"{stamp()} - {machine()}; {len(data)} dev pages\n", flush=True)

    def mean_f1(keeps: list[list[int]]) -> float:
        return statistics.fmean(
            prf(d["gold"], "\n\n".join(d["lines"][i] for i in k))[2] for d, k in zip(data, keeps, strict=True)
        )

    stage0(data)
    print(f"stage 0 (rule + block model, CV): {mean_f1([d['keep0'] for d in data]):.4f}", flush=True)
    oracle = [[i for i in range(len(d["lines"])) if d["y"][i] and d["cand"][i]] for d in data]
    print(f"line oracle over prose/soft: {mean_f1(oracle):.4f}")

    def report(name: str, probs: list[np.ndarray]) -> None:
        cells = []
        for th in (0.4, 0.5, 0.6):
            keeps = [
                [i for i in range(len(d["lines"])) if d["cand"][i] and p[i] >= th and i != d["title"]]
                for d, p in zip(data, probs, strict=True)
            ]
            cells.append(f"keep p>={th}: {mean_f1(keeps):.4f}")
        for lo, hi in ((0.1, 0.9), (0.2, 0.8), (0.3, 0.7), (0.5, 0.5)):
            keeps = []
            for d, p in zip(data, probs, strict=True):
                k0 = set(d["keep0"])
                keeps.append(
                    [
                        i
                        for i in range(len(d["lines"]))
                        if d["cand"][i] and i != d["title"] and (p[i] >= lo if i in k0 else p[i] >= hi)
                    ]
                )
            cells.append(f"flip {lo}/{hi}: {mean_f1(keeps):.4f}")
        print(f"{name}: " + "; ".join(cells), flush=True)

    for d in data:
        d["D1"] = base_design(d)
    p1 = cv_lines(data, "D1")
    report("stage 1", p1)
    for lam in (0.5, 1.0, 2.0, 4.0, 8.0):
        keeps = [
            [i for i in viterbi(p, d["n"], d["cand"], lam) if i != d["title"]] for d, p in zip(data, p1, strict=True)
        ]
        print(f"stage 1 smoothed by Viterbi, switch cost {lam}: {mean_f1(keeps):.4f}", flush=True)
    if "--stages" not in sys.argv:
        return
    prev = p1
    for s in (2, 3):
        for d, p in zip(data, prev, strict=True):
            d[f"D{s}"] = np.hstack([d["D1"], p[:, None], context(p, d["n"] * d["cand"])]) if len(p) else d["D1"]
        prev = cv_lines(data, f"D{s}")
        report(f"stage {s}", prev)


if __name__ == "__main__":
    main()
