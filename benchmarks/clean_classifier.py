"""Does a learned line classifier beat the rule-based span of ``newsweave.stages.clean``? (DEV pages only.)

Each dev page's dump (rendered by benchmarks/extract_text.py, cached under benchmarks/results/text_dumps/)
is split into lines as ``clean_text_dump`` splits it; a line's label says whether it belongs to the
page's gold main text: a line of 4+ words when at least half of its words are covered by word
3-grams of gold_text, a shorter line when it equals a gold line (or, 2-3 words, sits inside one).
Keeping exactly the lines labelled 1 is the ceiling of any line-level cleaner (printed).
Features (FEATURES below): the line itself (length, sentence end, capitalisation, stop-word,
digit, punctuation, navigation- and link-word ratios, bullets, tabs, repetition, position), its
neighbours (prose before/after, words in a +-3 line window, run of short lines) and where it sits
relative to the rule-based heaviest span (inside, before, after, distance, the rule's own weight).
Model: scikit-learn logistic regression on standardised features over prose and soft lines
(furniture and metadata lines stay dropped), each line weighted by its word count (or that over
the page's word count). Scored with five-fold cross-validation over dev pages (grouped by page)
with the benchmark's per-page token F1, against the rule-based cleaner on the same pages.
Held-out pages are never read. The classifier is not shipped unless it wins clearly.
``--lexical`` scores the richer variant instead: the same features plus the rule's own decision and
the line's words (lower-cased word and punctuation unigrams and bigrams, first and last token, the
previous line's unigrams; CRC-32 hashed into 2^14 columns), liblinear logistic regression C 0.3,
kept at a threshold or used only to flip the rule's decision when sure.

    .venv/bin/python benchmarks/clean_classifier.py [--lexical]
"""

from __future__ import annotations

import math
import re
import statistics
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.extract_html import load_pages, prf  # noqa: E402
from benchmarks.extract_text import DUMPS, render_all  # noqa: E402
from newsweave.stages import clean  # noqa: E402
from newsweave.stages.textutil import ENGLISH_STOP  # noqa: E402

_TOK = re.compile(r"\w+")
FOLDS = 5

FEATURES = (
    "prose", "soft", "in_span", "before_span", "after_span", "log_words", "ends_sentence", "titlecase",
    "stop_ratio", "digit_ratio", "punct_ratio", "nav_ratio", "bullet", "pipe_or_tab", "repeated", "position",
    "log_dist_span", "section_end", "after_comments", "prev_prose", "next_prose", "prev_log_words",
    "next_log_words", "window_prose", "window_log_words", "span_weight", "all_caps", "starts_lower",
    "log_short_run", "colon_end", "quoted", "prev_colon", "link_words", "span_share",
)  # fmt: skip
BULLET = clean._BULLET
LINK_WORDS = clean._LINK_WORDS


def line_features(lines: list[str], kinds: list[clean.Kind], span: tuple[int, int]) -> list[list[float]]:
    """One feature vector per line (names in FEATURES) for the line classifier: the line itself,
    its neighbours and where it sits relative to the heaviest span (``clean._best_span``)."""
    nlines = len(lines)
    words = [clean._words(ln) for ln in lines]
    counts = [len(w) for w in words]
    weights = clean._weights(kinds, lines)
    seen = Counter(ln.lower() for ln in lines)
    lo, hi = span
    span_words = sum(counts[i] for i in range(lo, hi + 1) if kinds[i] == "prose") if hi >= lo else 0
    total_prose = sum(c for c, k in zip(counts, kinds, strict=True) if k == "prose") or 1
    comments = False
    # runs of consecutive short (non-prose) lines: menus come in runs, headings alone
    run = [0] * nlines
    i = 0
    while i < nlines:
        j = i
        while j < nlines and kinds[j] != "prose":
            j += 1
        for r in range(i, j):
            run[r] = j - i
        i = max(j, i + 1)
    out: list[list[float]] = []
    for i, ln in enumerate(lines):
        w, n, k = words[i], counts[i], kinds[i]
        comments = comments or bool(clean._COMMENTS_HEAD.match(ln))
        chars = max(len(ln), 1)
        lw = [x.lower() for x in w]
        win = range(max(0, i - 3), min(nlines, i + 4))
        win_words = sum(counts[j] for j in win)
        win_prose = sum(counts[j] for j in win if kinds[j] == "prose")
        dist = 0 if lo <= i <= hi else (lo - i if i < lo else i - hi)
        prev = lines[i - 1] if i else ""
        out.append(
            [
                float(k == "prose"),
                float(k == "soft"),
                float(lo <= i <= hi),
                float(i < lo),
                float(i > hi),
                math.log1p(n),
                float(clean._ends_sentence(ln)),
                clean._titlecase_ratio(w),
                sum(x in ENGLISH_STOP for x in lw) / n if n else 0.0,
                sum(ch.isdigit() for ch in ln) / chars,
                sum(not ch.isalnum() and not ch.isspace() for ch in ln) / chars,
                sum(x in clean._NAV_WORDS for x in lw) / n if n else 0.0,
                float(bool(BULLET.match(ln))),
                float("|" in ln or "\t" in ln),
                float(seen[ln.lower()] > 1),
                i / nlines,
                math.log1p(dist),
                float(bool(clean._SECTION_END.match(ln))),
                float(comments),
                float(i > 0 and kinds[i - 1] == "prose"),
                float(i + 1 < nlines and kinds[i + 1] == "prose"),
                math.log1p(counts[i - 1]) if i else 0.0,
                math.log1p(counts[i + 1]) if i + 1 < nlines else 0.0,
                win_prose / win_words if win_words else 0.0,
                math.log1p(win_words),
                max(-5.0, min(5.0, weights[i] / 10)),
                float(ln.isupper()),
                float(ln[0].islower()),
                math.log1p(run[i]),
                float(ln.endswith(":")),
                float(any(q in ln for q in '"“”«»')),
                float(prev.endswith(":")),
                sum(x in LINK_WORDS for x in lw) / n if n else 0.0,
                span_words / total_prose,
            ]
        )
    return out


def _toks(s: str) -> list[str]:
    return _TOK.findall(s.lower())


def line_labels(gold: str, lines: list[str]) -> list[int]:
    """1 for a dump line that belongs to the gold main text, else 0 (see the module docstring)."""
    gold_lines = [" ".join(_toks(g)) for g in gold.splitlines() if _toks(g)]
    exact = set(gold_lines)
    g = _toks(gold)
    grams = {tuple(g[i : i + 3]) for i in range(len(g) - 2)}
    out = []
    for ln in lines:
        t = _toks(ln)
        key = " ".join(t)
        if not t:
            out.append(0)
        elif len(t) < 4:
            inside = len(t) >= 2 and any(f" {key} " in f" {gl} " for gl in gold_lines)
            out.append(int(key in exact or inside))
        else:
            cov = [False] * len(t)
            for i in range(len(t) - 2):
                if tuple(t[i : i + 3]) in grams:
                    cov[i] = cov[i + 1] = cov[i + 2] = True
            out.append(int(sum(cov) >= len(t) / 2))
    return out


def build(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    data = []
    for p in pages:
        lines, _, kinds = clean._prepare((DUMPS / f"{p['id']}.txt").read_text(encoding="utf-8"))
        span = clean._best_span(kinds, lines) if lines else (0, -1)
        x = np.array(line_features(lines, kinds, span) if lines else [], dtype=float)
        data.append(
            {
                "gold": p["gold_text"],
                "lines": lines,
                "rule": clean._select_body(kinds, lines) if lines else [],
                "X": x.reshape(len(lines), len(FEATURES)),
                "y": np.array(line_labels(p["gold_text"], lines), dtype=int),
                "n": np.array([max(len(_toks(ln)), 1) for ln in lines], dtype=float),
                "cand": np.array([k in ("prose", "soft") for k in kinds], dtype=bool),
            }
        )
    return data


def fit(data: list[dict[str, Any]], c: float, weighting: str) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows = [d for d in data if d["cand"].any()]
    x = np.vstack([d["X"][d["cand"]] for d in rows])
    y = np.concatenate([d["y"][d["cand"]] for d in rows])
    n = [d["n"][d["cand"]] for d in rows]
    w = np.concatenate([v / v.sum() for v in n] if weighting == "words/page" else n)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=3000))
    model.fit(x, y, logisticregression__sample_weight=w * (len(w) / w.sum()))
    return model


def _text(d: dict[str, Any], keep: list[int]) -> str:
    return "\n\n".join(d["lines"][i] for i in keep)


HASH_BITS = 14
_LEX = re.compile(r"[^\W_]+|[^\w\s]")


def lexical(lines: list[str]) -> Any:
    """Hashed word features of each line and its predecessor (sparse, 2**HASH_BITS columns)."""
    import scipy.sparse as sp

    def feats(s: str, prefix: str, bigrams: bool) -> list[str]:
        t = [x.lower() for x in _LEX.findall(s)][:40]
        out = [f"{prefix}u:{x}" for x in t] + ([f"{prefix}f:{t[0]}", f"{prefix}l:{t[-1]}"] if t else [])
        return out + ([f"{prefix}b:{a}_{b}" for a, b in zip(t, t[1:], strict=False)] if bigrams else [])

    rows, cols = [], []
    for i, ln in enumerate(lines):
        fs = feats(ln, "", True) + (feats(lines[i - 1], "p", False) if i else [])
        for col in {zlib.crc32(f.encode()) % (1 << HASH_BITS) for f in fs}:
            rows.append(i)
            cols.append(col)
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(lines), 1 << HASH_BITS))


def main_lexical(data: list[dict[str, Any]], mean_f1: Any) -> None:
    """Cross-validated dev F1 of the structural + rule-decision + hashed-word line model."""
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    for d in data:
        rule = np.zeros((len(d["lines"]), 1))
        rule[d["rule"]] = 1.0
        d["S"], d["L"] = np.hstack([d["X"], rule]), lexical(d["lines"])
    fold = [i % FOLDS for i in range(len(data))]
    probs: list[np.ndarray] = [np.zeros(len(d["lines"])) for d in data]
    for f in range(FOLDS):
        rows = [d for d, g in zip(data, fold, strict=True) if g != f and d["cand"].any()]
        scaler = StandardScaler().fit(np.vstack([d["S"][d["cand"]] for d in rows]))

        def design(d: dict[str, Any], scaler: Any = scaler) -> Any:
            return sp.hstack([sp.csr_matrix(scaler.transform(d["S"][d["cand"]])), d["L"][d["cand"]]]).tocsr()

        n = [d["n"][d["cand"]] for d in rows]
        w = np.concatenate([v / v.sum() for v in n])
        model = LogisticRegression(C=0.3, max_iter=2000, solver="liblinear")
        model.fit(sp.vstack([design(d) for d in rows]), np.concatenate([d["y"][d["cand"]] for d in rows]),
                  sample_weight=w * len(w) / w.sum())  # fmt: skip
        for k, (d, g) in enumerate(zip(data, fold, strict=True)):
            if g == f and d["cand"].any():
                probs[k][d["cand"]] = model.predict_proba(design(d))[:, 1]
    for th in (0.4, 0.5, 0.6):
        texts = [
            _text(d, [i for i, v in enumerate(pr) if d["cand"][i] and v >= th])
            for d, pr in zip(data, probs, strict=True)
        ]
        print(f"lexical + structural LR, threshold {th:.1f}: CV dev F1 {mean_f1(texts):.4f}")
    for lo, hi in ((0.0, 0.9), (0.05, 0.9), (0.0, 0.8), (0.1, 0.7)):
        texts = []
        for d, pr in zip(data, probs, strict=True):
            rule = set(d["rule"])
            keep = [i for i, v in enumerate(pr) if d["cand"][i] and (v >= lo if i in rule else v >= hi)]
            texts.append(_text(d, keep))
        print(f"rule flipped by it (kept line dropped at p < {lo}, other added at p >= {hi}): {mean_f1(texts):.4f}")


def main() -> None:
    pages = [p for p in load_pages() if p["split"] == "dev"]
    render_all(pages)
    data = build(pages)
    print(f"{stamp()} - {machine()}; {len(data)} dev pages, {sum(len(d['lines']) for d in data)} lines\n")

    def mean_f1(texts: list[str]) -> float:
        return statistics.fmean(prf(d["gold"], t)[2] for d, t in zip(data, texts, strict=True))

    print(f"span rule (clean._select_body, no block model): dev F1 {mean_f1([_text(d, d['rule']) for d in data]):.4f}")
    oracle = [_text(d, [i for i in range(len(d["lines"])) if d["y"][i]]) for d in data]
    print(f"ceiling, every line labelled 1 kept: dev F1 {mean_f1(oracle):.4f}")
    oracle = [_text(d, [i for i in range(len(d["lines"])) if d["y"][i] and d["cand"][i]]) for d in data]
    print(f"ceiling over prose and soft lines only: dev F1 {mean_f1(oracle):.4f}\n")
    if "--lexical" in sys.argv:
        main_lexical(data, mean_f1)
        return
    fold = [i % FOLDS for i in range(len(data))]
    for weighting in ("words", "words/page"):
        for c in (0.1, 1.0):
            models = [fit([d for d, g in zip(data, fold, strict=True) if g != f], c, weighting) for f in range(FOLDS)]
            probs = []
            for d, g in zip(data, fold, strict=True):
                pr = np.zeros(len(d["lines"]))
                if d["cand"].any():
                    pr[d["cand"]] = models[g].predict_proba(d["X"][d["cand"]])[:, 1]
                probs.append(pr)
            for th in (0.4, 0.5, 0.6):
                texts = [
                    _text(d, [i for i, v in enumerate(pr) if d["cand"][i] and v >= th])
                    for d, pr in zip(data, probs, strict=True)
                ]
                name = f"logistic regression, weight {weighting:10s} C {c:3.1f} threshold {th:.1f}"
                print(f"{name}: CV dev F1 {mean_f1(texts):.4f}")


if __name__ == "__main__":
    main()
