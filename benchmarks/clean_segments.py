"""Can a learned model over blocks of lines correct the rule-based body of ``clean_text_dump``? (DEV pages only.)

A page's lines are cut into segments: runs of prose lines (single short lines between them included) and
runs of 2+ short lines, the same cut ``clean._select_body`` makes inside its span. A segment's label is
the share of its prose/soft words on lines that belong to gold_text (line labels of
benchmarks/clean_classifier.py). Features (clean.SEGMENT_FEATURES, computed by clean._segment_features):
how much of it the rule keeps, where it sits relative to the rule's body (before, after, distance in
lines and segments, a section-end line in between), its size and share of the page's and of the body's
words, its line mix (prose, short, furniture, metadata), line length, sentence ends, title case,
stop-word / navigation-word / link-word / bullet / digit ratios, a ":" line before it, its neighbours' rule
shares, and how close its content words are to the rest of the body and to the title (cosine). Models:
logistic regression (standardised) and scikit-learn HistGradientBoosting, 5-fold cross-validation over
dev pages, two targets: "gold" (segment label > 0.5, each segment weighted by its share of the page's
words) and "flip" (does adding an outside segment to, or removing an inside one from, the rule's body
raise the page's F1; weighted by the F1 change). Decisions: keep the segments the model says (gold), or
start from the rule's body and flip what the model says ("rule flipped at 0.5" with the gold target is
what clean_text_dump does). Printed: the rule, the segment oracles, CV dev F1. ``--write`` trains the
boosted trees on all dev pages and writes newsweave/stages/clean_model.json. ``--embed`` (measured, not
shipped) adds the product's sentence model: each block's cosine to the rest of the body, the title and its
neighbours (EMBED_FEATURES), a logistic regression on the block's vector stacked as one more feature, and a
plain rule (drop the body's first or last block when its cosine to the rest is low); vectors are cached in
benchmarks/results/clean_segment_vectors.npz (about 7 minutes to embed the 11,184 dev block texts).

    .venv/bin/python benchmarks/clean_segments.py [--write | --grid | --embed [--parts trees,genre,rule]]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.clean_classifier import FOLDS, build  # noqa: E402
from benchmarks.common import export_tree_ensemble, machine, stamp  # noqa: E402
from benchmarks.extract_html import load_pages, prf, tokens  # noqa: E402
from benchmarks.extract_text import render_all  # noqa: E402
from newsweave.stages import clean  # noqa: E402
from newsweave.stages.clean_model import load_tree_ensemble  # noqa: E402


def _f1(g: Counter[str], p: Counter[str]) -> float:
    tp = sum((g & p).values())
    ng, np_ = sum(g.values()), sum(p.values())
    if not ng and not np_:
        return 1.0
    return 2 * tp / (ng + np_) if tp else 0.0


def prepare(data: list[dict[str, Any]]) -> None:
    """Add segments, features, gold shares and the page-F1 change of flipping each segment."""
    for d in data:
        kinds = clean._prepare("\n".join(d["lines"]))[2]
        d["kinds"] = kinds
        d["SC"], rows = clean._segment_features(d["lines"], kinds, d["rule"])
        d["SX"] = np.array(rows, dtype=float).reshape(len(d["SC"]), len(clean.SEGMENT_FEATURES))
        d["title"] = clean._find_title(kinds, d["lines"], d["rule"][0]) if d["rule"] else None
        cnt = d["n"]
        d["SY"] = np.array([sum(cnt[i] for i in c if d["y"][i]) / max(sum(cnt[i] for i in c), 1) for c in d["SC"]])
        d["SW"] = np.array([sum(cnt[i] for i in c) for c in d["SC"]], dtype=float)
        gold, line_toks, rule = tokens(d["gold"]), [tokens(ln) for ln in d["lines"]], set(d["rule"])
        base: Counter[str] = Counter()
        for i in rule:
            base.update(line_toks[i])
        f0, deltas = _f1(gold, base), []
        for c in d["SC"]:
            seg: Counter[str] = Counter()
            inside = [i for i in c if i in rule]
            for i in inside or c:
                seg.update(line_toks[i])
            deltas.append(_f1(gold, base - seg if inside else base + seg) - f0)
        d["SD"] = np.array(deltas)


VECTORS = Path(__file__).resolve().parent / "results" / "clean_segment_vectors.npz"  # cache, not in git
# --embed (measured, not shipped): the product's sentence model (stages/embed.py) reads each block's meaning;
# a block's embedding (its first EMBED_CHARS characters, EMBED_TOKENS tokens) against the body's less the
# block's, the title's and its neighbours'
EMBED_FEATURES = clean.SEGMENT_FEATURES + ("emb_body", "emb_title", "emb_prev", "emb_next")
EMBED_CHARS, EMBED_TOKENS = 600, 128


def segment_texts(lines: list[str], cands: list[list[int]], title: int | None) -> list[str]:
    """What the sentence model embeds: each block's text (cut to EMBED_CHARS), then the title's."""
    out = ["\n".join(lines[i] for i in c)[:EMBED_CHARS] for c in cands]
    return out + [lines[title][:EMBED_CHARS] if title is not None else ""]


def embedding_features(rows: list[list[float]], vecs: np.ndarray) -> list[list[float]]:
    """EMBED_FEATURES' last four columns appended to each block's row, from the unit vectors of segment_texts
    (the title's last; empty texts zero rows): the cosine of a block to the body's less its own (the body: its
    blocks' vectors weighted by the words the rule keeps of them), to the title, to the blocks before and after."""
    blocks, title = vecs[:-1], vecs[-1]
    weight = np.array([r[0] * math.expm1(r[7]) for r in rows], dtype=np.float32)  # rule_share x words
    body = (blocks * weight[:, None]).sum(axis=0)
    out = []
    for j, row in enumerate(rows):
        rest = body - weight[j] * blocks[j]
        norm = float(np.linalg.norm(rest))
        nb = [float(blocks[j] @ blocks[k]) if 0 <= k < len(rows) else 0.0 for k in (j - 1, j + 1)]
        out.append(row + [float(blocks[j] @ rest) / norm if norm > 1e-9 else 0.0, float(blocks[j] @ title), *nb])
    return out


def add_embeddings(data: list[dict[str, Any]]) -> None:
    """Append the sentence-model features (clean.embedding_features) to every page's SX, with the product's
    embedder; the vectors are cached by text in VECTORS so a second run embeds nothing."""
    import hashlib

    def key(t: str) -> str:
        return hashlib.sha1(f"{EMBED_TOKENS}\x00{t}".encode()).hexdigest()

    cache: dict[str, np.ndarray] = {}
    if VECTORS.is_file():
        z = np.load(VECTORS)
        cache = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))
    texts = [segment_texts(d["lines"], d["SC"], d["title"]) for d in data]
    todo = list(dict.fromkeys(t for ts in texts for t in ts if key(t) not in cache))
    if todo:
        from newsweave.stages.embed import Embedder

        embedder = Embedder(max_tokens=EMBED_TOKENS, batch_size=32, threads=1)
        for b in range(0, len(todo), 512):
            for t, v in zip(todo[b : b + 512], embedder.embed(todo[b : b + 512]), strict=True):
                cache[key(t)] = v
            print(f"embedded {min(b + 512, len(todo))}/{len(todo)} block texts", flush=True)
        VECTORS.parent.mkdir(parents=True, exist_ok=True)
        np.savez(VECTORS, keys=np.array(list(cache)), vecs=np.array(list(cache.values()), dtype=np.float32))
    for d, ts in zip(data, texts, strict=True):
        vecs = np.array([cache[key(t)] for t in ts], dtype=np.float32)
        d["SV"] = vecs[:-1]
        rows = embedding_features(d["SX"].tolist(), vecs)
        d["SX"] = np.array(rows, dtype=float).reshape(len(d["SC"]), len(EMBED_FEATURES))


def keep_lines(d: dict[str, Any], decide: np.ndarray, mode: str) -> list[int]:
    """Lines kept: the segments decided 1 ("gold"), or the rule's body with the decided segments flipped."""
    if mode == "gold":
        return sorted(i for c, k in zip(d["SC"], decide, strict=True) if k for i in c)
    keep = set(d["rule"])
    for c, k, x in zip(d["SC"], decide, d["SX"], strict=True):
        if k:
            keep = keep - set(c) if x[0] > 0 else keep | {i for i in c if not clean.page_note(d["lines"][i])}
    text = sorted(keep - {d["title"]})
    return [i for i in text if i not in clean.page_furniture(d["lines"], d["kinds"], text)]  # as clean_text_dump


CELLS = ((0.5, 0.8, 0.05), (0.4, 0.8, 0.05), (0.6, 0.8, 0.05), (0.5, 0.7, 0.05), (0.5, 0.9, 0.05), (0.5, 0.8, 0.1),
         (0.5, 0.8, 0.02))  # (add, add above the body, drop) thresholds scored by --grid and --embed  # fmt: skip


def flipped(
    data: list[dict[str, Any]], probs: list[np.ndarray], add: float, above: float, drop: float
) -> list[list[int]]:
    """Lines kept when the rule's body is corrected as clean_text_dump does at these thresholds: outside blocks
    added at p >= add (above the body at p >= above), inside blocks dropped at p < drop."""
    flips = [
        np.where(d["SX"][:, 0] > 0, p < drop, p >= np.where(d["SX"][:, 2] > 0, above, add))
        for d, p in zip(data, probs, strict=True)
    ]
    return [keep_lines(d, f, "flip") for d, f in zip(data, flips, strict=True)]


def cross_validate(data: list[dict[str, Any]], make: Any, target: str) -> list[np.ndarray]:
    """Out-of-fold probabilities for every dev page's segments (folds by page)."""
    fold = [i % FOLDS for i in range(len(data))]
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for f in range(FOLDS):
        rows = [d for d, g in zip(data, fold, strict=True) if g != f and len(d["SX"])]
        x = np.vstack([d["SX"] for d in rows])
        if target == "gold":
            y = np.concatenate([d["SY"] for d in rows]) > 0.5
            w = np.concatenate([d["SW"] / max(d["SW"].sum(), 1.0) for d in rows])
        else:
            delta = np.concatenate([d["SD"] for d in rows])
            y, w = delta > 0, np.abs(delta) + 1e-4
        model = make()
        key = f"{model.steps[-1][0]}__sample_weight" if hasattr(model, "steps") else "sample_weight"
        model.fit(x, y, **{key: w})
        for k, (d, g) in enumerate(zip(data, fold, strict=True)):
            if g == f and len(d["SX"]):
                out[k] = model.predict_proba(d["SX"])[:, 1]
    return out


# the shipped model's settings (chosen by --grid on dev CV)
TREES = {"max_iter": 200, "max_depth": 4, "learning_rate": 0.05, "min_samples_leaf": 20, "l2_regularization": 0.0}
GRID = (  # --grid: variants scored by dev CV, each against the shipped TREES
    {"max_iter": 100},
    {"max_iter": 400, "learning_rate": 0.025},
    {"max_depth": 3},
    {"min_samples_leaf": 80, "l2_regularization": 1.0},
)


def boosted_trees(**changes: Any) -> Any:
    """The shipped model's learner (seeded; early stopping off so all dev pages train the same trees)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**(TREES | changes), early_stopping=False, random_state=0)


def export(model: Any, path: Path) -> None:
    """Write a fitted HistGradientBoostingClassifier as the JSON that ``clean_model.TreeEnsemble`` reads."""
    export_tree_ensemble(
        model, path, clean.SEGMENT_FEATURES,
        f"scikit-learn HistGradientBoostingClassifier({', '.join(f'{k}={v}' for k, v in TREES.items())}, "
        "random_state=0), exported by benchmarks/clean_segments.py --write",
        "a block of lines belongs to the gold main text (over half its words); WCXB dev pages",
    )


def write_model(data: list[dict[str, Any]], path: Path) -> None:
    """Train on every dev page's segments, export, and check the export predicts what scikit-learn does."""
    rows = [d for d in data if len(d["SX"])]
    x = np.vstack([d["SX"] for d in rows])
    y = np.concatenate([d["SY"] for d in rows]) > 0.5
    w = np.concatenate([d["SW"] / max(d["SW"].sum(), 1.0) for d in rows])
    model = boosted_trees().fit(x, y, sample_weight=w)
    export(model, path)
    ours = load_tree_ensemble(path, clean.SEGMENT_FEATURES)
    diff = max(abs(ours.probability(r) - p) for r, p in zip(x, model.predict_proba(x)[:, 1], strict=True))
    print(f"wrote {path} ({path.stat().st_size:,} bytes, {len(ours.trees)} trees); max |p - sklearn p| {diff:.2e}")
    if diff > 1e-6:
        raise SystemExit("the exported trees do not reproduce scikit-learn's probabilities")


def genre_scores(data: list[dict[str, Any]], train: list[int], test: list[int], c: float) -> None:
    """A block's kind from its meaning: logistic regression on the block's 384-d vector (is it gold?), fitted on
    the ``train`` pages' blocks; its probability goes into SX's last column for the ``test`` pages."""
    from sklearn.linear_model import LogisticRegression

    rows = [data[k] for k in train if len(data[k]["SC"])]
    x = np.vstack([d["SV"] for d in rows])
    y = np.concatenate([d["SY"] for d in rows]) > 0.5
    w = np.concatenate([d["SW"] / max(d["SW"].sum(), 1.0) for d in rows])
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y, sample_weight=w * len(rows))
    for k in test:
        if len(data[k]["SC"]):
            data[k]["SX"][:, -1] = model.predict_proba(data[k]["SV"])[:, 1]


def cross_validate_genre(data: list[dict[str, Any]], c: float) -> list[np.ndarray]:
    """cross_validate with a stacked genre column: in each outer fold, the training pages' genre scores are
    out-of-fold within them (4 inner folds), the held-out fold's from a model on all training pages."""
    fold = [i % FOLDS for i in range(len(data))]
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for f in range(FOLDS):
        train = [k for k, g in enumerate(fold) if g != f]
        test = [k for k, g in enumerate(fold) if g == f]
        for inner in range(4):
            genre_scores(data, [k for n, k in enumerate(train) if n % 4 != inner],
                         [k for n, k in enumerate(train) if n % 4 == inner], c)  # fmt: skip
        genre_scores(data, train, test, c)
        rows = [data[k] for k in train if len(data[k]["SX"])]
        x = np.vstack([d["SX"] for d in rows])
        y = np.concatenate([d["SY"] for d in rows]) > 0.5
        w = np.concatenate([d["SW"] / max(d["SW"].sum(), 1.0) for d in rows])
        model = boosted_trees().fit(x, y, sample_weight=w)
        for k in test:
            if len(data[k]["SX"]):
                out[k] = model.predict_proba(data[k]["SX"])[:, 1]
    return out


def compare_embed(data: list[dict[str, Any]], mean_f1: Any, parts: str = "trees,genre,rule") -> None:
    """Dev 5-fold CV of the shipped trees with the word features alone and with the sentence-model features
    (each at the shipped thresholds and a few others), and the plain rule: drop the body's first or last block
    when its cosine to the rest of the body is under a threshold."""
    full = [d["SX"] for d in data]
    n = len(clean.SEGMENT_FEATURES)
    for name, cols in (("word features", list(range(n))), ("+ emb_body, emb_title, emb_prev, emb_next",
                       list(range(n + 4))), ("+ emb_body, emb_title", list(range(n + 2)))):  # fmt: skip
        if "trees" not in parts:
            break
        for d, x in zip(data, full, strict=True):
            d["SX"] = x[:, cols]
        for changes in ({}, {"min_samples_leaf": 80, "l2_regularization": 1.0}):
            probs = cross_validate(data, lambda changes=changes: boosted_trees(**changes), "gold")
            out = [f"{a}/{b}/{c} {mean_f1(flipped(data, probs, a, b, c)):.4f}" for a, b, c in CELLS]
            print(f"{name}, trees {changes or 'shipped'}: CV " + "; ".join(out), flush=True)
    for c in (0.3, 3.0) if "genre" in parts else ():
        for name, cols in (("word features + genre", list(range(n))), ("all emb features + genre", list(range(n + 4)))):
            for d, x in zip(data, full, strict=True):
                d["SX"] = np.hstack([x[:, cols], np.zeros((len(x), 1))])
            keeps = flipped(data, cross_validate_genre(data, c), 0.5, 0.8, 0.05)
            print(f"{name} (logistic regression on the block vector, C {c}, stacked): CV 0.5/0.8/0.05 "
                  f"{mean_f1(keeps):.4f}", flush=True)  # fmt: skip
    for d, x in zip(data, full, strict=True):
        d["SX"] = x
    for th in (0.1, 0.2, 0.3, 0.4) if "rule" in parts else ():
        keeps = []
        for d in data:
            inside = [j for j, x in enumerate(d["SX"]) if x[0] > 0]
            drop = {j for j in inside[:1] + inside[-1:] if len(inside) > 1 and d["SX"][j, n] < th}
            keeps.append(keep_lines(d, np.array([j in drop for j in range(len(d["SC"]))]), "flip"))
        print(f"span rule, first/last block of the body dropped under emb_body {th}: dev {mean_f1(keeps):.4f}")
    print(f"span rule alone: dev {mean_f1([d['rule'] for d in data]):.4f}")


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"train on all dev pages and write {clean.SEGMENT_MODEL}")
    ap.add_argument("--grid", action="store_true", help="dev CV of the boosted trees' settings and thresholds (GRID)")
    ap.add_argument(
        "--embed", action="store_true", help="dev CV with the sentence-model features (EMBED_FEATURES) against the "
        "word features alone, with a stacked block-vector classifier, and the plain cosine rule (cached vectors)"
    )  # fmt: skip
    ap.add_argument("--parts", default="trees,genre,rule", help="with --embed: which comparisons to run")
    ap.add_argument("--cv", action="store_true", help="only the span rule and the shipped trees' dev CV (quick)")
    args = ap.parse_args()
    pages = [p for p in load_pages() if p["split"] == "dev"]
    render_all(pages)
    data = build(pages)
    prepare(data)
    print(f"{stamp()} - {machine()}; {len(data)} dev pages, {sum(len(d['SC']) for d in data)} segments\n")
    if args.write:
        write_model(data, clean.SEGMENT_MODEL)
        return
    if args.embed:
        add_embeddings(data)

    def mean_f1(keeps: list[list[int]]) -> float:
        texts = ["\n\n".join(d["lines"][i] for i in k) for d, k in zip(data, keeps, strict=True)]
        return statistics.fmean(prf(d["gold"], t)[2] for d, t in zip(data, texts, strict=True))

    if args.embed:
        compare_embed(data, mean_f1, args.parts)
        return

    if args.cv:
        print(f"span rule alone (clean._select_body): dev F1 {mean_f1([d['rule'] for d in data]):.4f}")
        probs = cross_validate(data, boosted_trees, "gold")
        cv = mean_f1(flipped(data, probs, clean.SEGMENT_ADD, clean.SEGMENT_ADD_ABOVE, clean.SEGMENT_DROP))
        print(f"shipped trees, 5-fold CV at the shipped thresholds: dev F1 {cv:.4f}")
        return
    if args.grid:
        for changes in ({}, *GRID):
            probs = cross_validate(data, lambda changes=changes: boosted_trees(**changes), "gold")
            cells = [f"add {a}/{b} drop {c}: {mean_f1(flipped(data, probs, a, b, c)):.4f}" for a, b, c in CELLS]
            print(f"trees {TREES | changes}: " + "; ".join(cells), flush=True)
        return
    print(f"span rule alone (clean._select_body): dev F1 {mean_f1([d['rule'] for d in data]):.4f}")
    oracle = mean_f1([keep_lines(d, d["SY"] > 0.5, "gold") for d in data])
    print(f"oracle, segments with label > 0.5 kept: {oracle:.4f}")
    oracle = mean_f1([keep_lines(d, d["SD"] > 0, "flip") for d in data])
    print(f"oracle, rule with every F1-raising flip: {oracle:.4f}\n")
    models = {
        "logistic regression C 0.1": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=3000)),
        "HistGradientBoosting 200 trees depth 4": boosted_trees,
    }
    for name, make in models.items():
        for target in ("gold", "flip"):
            probs = cross_validate(data, make, target)
            cells = []
            for th in (0.3, 0.5, 0.7):
                if target == "gold":
                    keeps = [keep_lines(d, p >= th, "gold") for d, p in zip(data, probs, strict=True)]
                    cells.append(f"keep p>={th}: {mean_f1(keeps):.4f}")
                    # what clean_text_dump does at th = SEGMENT_ADD: add outside segments at p >= th (above the
                    # body at p >= SEGMENT_ADD_ABOVE), drop inside ones at p < SEGMENT_DROP
                    flips = [
                        np.where(
                            d["SX"][:, 0] > 0,
                            p < clean.SEGMENT_DROP,
                            p >= np.where(d["SX"][:, 2] > 0, max(th, clean.SEGMENT_ADD_ABOVE), th),
                        )
                        for d, p in zip(data, probs, strict=True)
                    ]
                    keeps = [keep_lines(d, f, "flip") for d, f in zip(data, flips, strict=True)]
                    cells.append(f"rule flipped at {th}: {mean_f1(keeps):.4f}")
                else:
                    keeps = [keep_lines(d, p >= th, "flip") for d, p in zip(data, probs, strict=True)]
                    cells.append(f"flip p>={th}: {mean_f1(keeps):.4f}")
            print(f"{name}, target {target}: " + "; ".join(cells))


if __name__ == "__main__":
    main()
