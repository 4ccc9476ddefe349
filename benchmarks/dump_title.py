"""Train and check the headline model of plain-text dumps (newsweave/stages/dump_meta.py).

Data: the WCXB text dumps that benchmarks/extract_text.py renders and caches, dev pages only (the
held-out pages are scored by benchmarks/extract_text_meta.py, never used here). For each page,
``clean_text_dump`` finds the body; every candidate line around its start gets ``dump_meta.features``;
the label is whether the line is the gold title (after folding case, whitespace, quotes and dashes).
Scores: share of dev pages whose chosen title (less a label, date or site name, as ``clean.bare_title``
cuts it for the cleaner) equals the gold one, by 5-fold cross-validation over
pages (the model picks the best candidate when its probability clears the bar, else the cleaner's own
title rule answers), for a few model settings and bars; ``--draws N`` repeats it over N draws of the folds (the
first by page id, the others by a salted CRC of it) and prints each and their mean, as one draw is noisy (±0.01);
``--write`` trains on all dev pages and writes newsweave/stages/dump_title_model.json.

    .venv/bin/python benchmarks/dump_title.py [--draws N] [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import export_tree_ensemble, machine, stamp  # noqa: E402
from benchmarks.extract_html import cache_dir, load_pages  # noqa: E402
from benchmarks.extract_meta import norm  # noqa: E402
from newsweave.stages import dump_meta  # noqa: E402
from newsweave.stages.clean import bare_title, clean_text_dump  # noqa: E402
from newsweave.stages.clean_model import load_tree_ensemble  # noqa: E402

DUMPS = cache_dir("text_dumps")
# depth 4 since session 16 (depth 3 before): 5-fold CV at bar 0.05 over three fold draws +0.011, +0.005, +0.006
TREES = {"max_iter": 150, "max_depth": 4, "learning_rate": 0.05, "min_samples_leaf": 20}
VARIANTS = ({}, {"max_iter": 300}, {"max_depth": 3}, {"min_samples_leaf": 60})
BARS = (0.05, 0.1, 0.2, 0.3, 0.5)


def cleaned(page: dict[str, Any]) -> tuple[list[str], list[str], str | None, list[str]]:
    """The dump's non-empty lines, the body paragraphs the cleaner keeps, its rule's title (without the
    headline model) and the site names the page states, which the title loses as a suffix (cached per page
    under benchmarks/results/dump_clean/, keyed by the cleaner's source)."""
    import hashlib
    import inspect

    from newsweave.stages import clean

    key = hashlib.sha1(inspect.getsource(clean).encode()).hexdigest()[:12]
    cache = cache_dir("dump_clean") / f"{page['id']}-{key}.json"
    if cache.exists():
        lines, body, title, sites = json.loads(cache.read_text(encoding="utf-8"))
        return lines, body, title, sites
    dump = (DUMPS / f"{page['id']}.txt").read_text(encoding="utf-8")
    model_title = clean.find_title
    clean.find_title = lambda *_: None  # the body and the rule's title as the model will see them
    try:
        res = clean_text_dump(dump)
    finally:
        clean.find_title = model_title
    lines = [ln.strip() for ln in re.split(r"\r\n|\r|\n", dump) if ln.strip()]  # as clean.py splits
    sites = clean.page_sites(*clean._prepare(clean.unwrap_dump(dump)))
    body = [b.strip() for b in res.text.split("\n\n") if b.strip()]
    cache.write_text(json.dumps([lines, body, res.title, sites]), encoding="utf-8")
    return lines, body, res.title, sites


def page_rows(page: dict[str, Any]) -> dict[str, Any]:
    lines, body, rule, sites = cleaned(page)
    start = lines.index(body[0]) if body and body[0] in lines else 0
    idx, rows = dump_meta.features(lines, start, body)
    gold = norm(page["gold_title"])
    x = np.array(rows, dtype=float).reshape(-1, len(dump_meta.FEATURES))
    return {"id": page["id"], "lines": lines, "idx": idx, "x": x,
            "y": np.array([norm(lines[i]) == gold for i in idx], dtype=bool), "rule": rule, "gold": gold,
            "sites": sites}  # fmt: skip


def learner(**changes: Any) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**(TREES | changes), early_stopping=False, random_state=0)


def pick(d: dict[str, Any], probs: np.ndarray, bar: float) -> str | None:
    if len(probs) and probs.max() > bar:
        best = d["idx"][int(probs.argmax())]
        if dump_meta.BREADCRUMB_RULE:
            best = dump_meta.breadcrumb_tail(d["lines"], d["idx"], best)
        return bare_title(d["lines"][best], d["lines"], best, d["sites"])
    return d["rule"]


def fold_of(page_id: str, draw: int, folds: int) -> int:
    """The page's fold in draw ``draw``: draw 0 by the id itself, the others by a salted CRC of it."""
    if draw:
        return zlib.crc32(f"{draw}:{page_id}".encode()) % folds
    return int(page_id, 36) % folds if page_id.isalnum() else zlib.crc32(page_id.encode()) % folds


def cross_validate(
    data: list[dict[str, Any]], changes: dict[str, Any], folds: int = 5, draw: int = 0
) -> list[np.ndarray]:
    fold = [fold_of(d["id"], draw, folds) for d in data]
    out: list[np.ndarray] = [np.zeros(0)] * len(data)
    for f in range(folds):
        train = [d for d, g in zip(data, fold, strict=True) if g != f and len(d["x"])]
        model = learner(**changes).fit(np.vstack([d["x"] for d in train]), np.concatenate([d["y"] for d in train]))
        for k, (d, g) in enumerate(zip(data, fold, strict=True)):
            if g == f:
                out[k] = model.predict_proba(d["x"])[:, 1] if len(d["x"]) else np.zeros(0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="train on all dev pages and write the model file")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation (with --write)")
    ap.add_argument("--draws", type=int, default=1, help="fold draws per setting (their mean is printed too)")
    args = ap.parse_args()
    pages = [p for p in load_pages() if p["split"] == "dev" and (DUMPS / f"{p['id']}.txt").exists()]
    data = [page_rows(p) for p in pages]
    reach = np.mean([d["y"].any() for d in data])
    rule = np.mean([norm(d["rule"]) == d["gold"] for d in data])
    print(f"{stamp()} - {machine()}; {len(data)} dev pages; gold title among the candidates: {reach:.3f}; "
          f"the cleaner's rule alone: {rule:.3f}")  # fmt: skip
    for changes in () if args.no_cv else VARIANTS:
        table = []
        for draw in range(args.draws):
            probs = cross_validate(data, changes, draw=draw)
            table.append([np.mean([norm(pick(d, p, bar)) == d["gold"] for d, p in zip(data, probs, strict=True)])
                          for bar in BARS])  # fmt: skip
            cells = ", ".join(f"bar {b}: {a:.3f}" for b, a in zip(BARS, table[-1], strict=True))
            print(f"5-fold CV {TREES | changes}{f' draw {draw}' if args.draws > 1 else ''}: {cells}", flush=True)
        if args.draws > 1:
            cells = ", ".join(f"bar {b}: {a:.3f}" for b, a in zip(BARS, np.mean(table, axis=0), strict=True))
            print(f"  mean of {args.draws} draws: {cells}")
    if args.write:
        rows = [d for d in data if len(d["x"])]
        x, y = np.vstack([d["x"] for d in rows]), np.concatenate([d["y"] for d in rows])
        model = learner().fit(x, y)
        export_tree_ensemble(model, dump_meta.MODEL_PATH, dump_meta.FEATURES,
                             f"scikit-learn HistGradientBoostingClassifier({TREES}, random_state=0), "
                             "exported by benchmarks/dump_title.py --write",
                             "a candidate line is the gold title (WCXB dev text dumps)")  # fmt: skip
        ours = load_tree_ensemble(dump_meta.MODEL_PATH, dump_meta.FEATURES)
        diff = max(abs(ours.probability(r) - p) for r, p in zip(x, model.predict_proba(x)[:, 1], strict=True))
        print(f"wrote {dump_meta.MODEL_PATH} ({len(ours.trees)} trees); max |p - sklearn p| {diff:.2e}")
        if diff > 1e-6:
            raise SystemExit("the exported trees do not reproduce scikit-learn's probabilities")


if __name__ == "__main__":
    main()
