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
boosted trees on all dev pages and writes newsweave/stages/clean_model.json.

    .venv/bin/python benchmarks/clean_segments.py [--write]
"""

from __future__ import annotations

import argparse
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


def keep_lines(d: dict[str, Any], decide: np.ndarray, mode: str) -> list[int]:
    """Lines kept: the segments decided 1 ("gold"), or the rule's body with the decided segments flipped."""
    if mode == "gold":
        return sorted(i for c, k in zip(d["SC"], decide, strict=True) if k for i in c)
    keep = set(d["rule"])
    for c, k, x in zip(d["SC"], decide, d["SX"], strict=True):
        if k:
            keep = keep - set(c) if x[0] > 0 else keep | {i for i in c if not clean.page_note(d["lines"][i])}
    return sorted(keep - {d["title"]})


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


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"train on all dev pages and write {clean.SEGMENT_MODEL}")
    ap.add_argument("--grid", action="store_true", help="dev CV of the boosted trees' settings and thresholds (GRID)")
    args = ap.parse_args()
    pages = [p for p in load_pages() if p["split"] == "dev"]
    render_all(pages)
    data = build(pages)
    prepare(data)
    print(f"{stamp()} - {machine()}; {len(data)} dev pages, {sum(len(d['SC']) for d in data)} segments\n")
    if args.write:
        write_model(data, clean.SEGMENT_MODEL)
        return

    def mean_f1(keeps: list[list[int]]) -> float:
        texts = ["\n\n".join(d["lines"][i] for i in k) for d, k in zip(data, keeps, strict=True)]
        return statistics.fmean(prf(d["gold"], t)[2] for d, t in zip(data, texts, strict=True))

    if args.grid:
        for changes in ({}, *GRID):
            probs = cross_validate(data, lambda changes=changes: boosted_trees(**changes), "gold")
            cells = []
            for add, above, drop in ((0.5, 0.8, 0.05), (0.4, 0.8, 0.05), (0.6, 0.8, 0.05), (0.5, 0.7, 0.05),
                                     (0.5, 0.9, 0.05), (0.5, 0.8, 0.1), (0.5, 0.8, 0.02)):  # fmt: skip
                flips = [
                    np.where(d["SX"][:, 0] > 0, p < drop, p >= np.where(d["SX"][:, 2] > 0, above, add))
                    for d, p in zip(data, probs, strict=True)
                ]
                keeps = [keep_lines(d, f, "flip") for d, f in zip(data, flips, strict=True)]
                cells.append(f"add {add}/{above} drop {drop}: {mean_f1(keeps):.4f}")
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
