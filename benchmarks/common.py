"""Shared helpers for the benchmarks: data location, splits, metrics, machine description."""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared")) / "data"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def heldout(key: str, share: int = 3) -> bool:
    """Deterministic split: about 1/share of the keys are kept aside for the final check."""
    return int(hashlib.md5(key.encode()).hexdigest(), 16) % share == 0


def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    by_g: dict[str, set[int]] = defaultdict(set)
    by_p: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_g[g].add(i)
        by_p[p].add(i)
    prec = rec = 0.0
    for g, p in zip(gold, pred, strict=True):
        inter = len(by_g[g] & by_p[p])
        prec += inter / len(by_p[p])
        rec += inter / len(by_g[g])
    n = len(gold)
    p, r = prec / n, rec / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(gold: list[str], pred: list[str], empty: float = 0.0) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 over same-cluster pairs; ``empty`` is the precision (recall)
    when no pair is predicted (in the gold)."""

    def pairs(c: Counter[Any]) -> float:
        return sum(v * (v - 1) / 2 for v in c.values())

    tp = pairs(Counter(zip(gold, pred, strict=True)))
    pp, gp = pairs(Counter(pred)), pairs(Counter(gold))
    p = tp / pp if pp else empty
    r = tp / gp if gp else empty
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise_f1(gold: list[str], pred: list[str]) -> float:
    return pairwise(gold, pred)[2]


def ari(gold: list[str], pred: list[str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(gold, pred))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    return f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def worktree(ref: str) -> Path:
    """A temporary git worktree of revision ``ref``, to run an earlier newsweave beside this one in
    the same session (``code_env``); removed when the benchmark exits, whether it succeeds or not."""
    path = Path(tempfile.mkdtemp()) / "baseline"
    subprocess.run(["git", "worktree", "add", "--detach", str(path), ref], cwd=ROOT, check=True, capture_output=True)
    atexit.register(subprocess.run, ["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=False)
    return path


def code_env(code: Path) -> dict[str, str] | None:
    """The environment under which `python -m newsweave`, started in ``code``, runs that checkout's
    package (None for this checkout: the installed one)."""
    return dict(os.environ, PYTHONPATH=str(code)) if code != ROOT else None


def export_tree_ensemble(model: Any, path: Path, features: Any, description: str, target: str) -> None:
    """Write a fitted scikit-learn HistGradientBoostingClassifier as the JSON that
    ``newsweave.stages.clean_model.TreeEnsemble`` reads: per tree its nodes as [feature, threshold,
    left, right, value] (a leaf has feature -1)."""
    import numpy as np

    trees = [[[-1, 0.0, 0, 0, round(float(n["value"]), 8)] if n["is_leaf"] else
              [int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]), 0.0]
              for n in predictor.nodes] for (predictor,) in model._predictors]  # fmt: skip
    spec = {"model": description, "target": target, "features": list(features),
            "baseline": float(np.ravel(model._baseline_prediction)[0]), "trees": trees}  # fmt: skip
    path.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")


def stream_sample(n: int, rng: Any) -> list[Any]:
    """``n`` articles of the 961-article stream (../shared/data/clustering_stream), read as
    ``newsweave run`` reads them and drawn with ``rng`` (a random.Random), for the audit scripts."""
    from newsweave.records import Article
    from newsweave.settings import Settings
    from newsweave.stages.ingest import read_inputs

    arts = [a for a in read_inputs([SHARED / "clustering_stream" / "articles.jsonl"], Settings())
            if isinstance(a, Article)]  # fmt: skip
    return list(rng.sample(arts, min(n, len(arts))))


def stored_stories(store_path: str, stories_path: str) -> Iterator[tuple[dict[str, Any], list[Any], dict[str, Any]]]:
    """(story of the run's stories.json, its articles, their stored analyses) for every story of a
    `newsweave run`, read from a copy of its store (the run's own store is never written)."""
    from newsweave.store.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "s.db"
        shutil.copy(store_path, copy)
        store = SQLiteStore(str(copy))
        try:
            for st in json.loads(Path(stories_path).read_text(encoding="utf-8"))["stories"]:
                ids = [a["id"] for a in st["articles"]]
                yield st, store.articles(ids), store.analyses(ids)
        finally:
            store.close()


def stored_comparison_inputs(run: Path) -> tuple[Any, Iterator[dict[str, Any]]]:
    """What the cross-source comparison of each story of a `newsweave run` reads, from the run's
    store: the store-cached MiniLM embedder (its ``new`` counts sentences embedded afresh) and, story
    by story, {"report", "key", "split", "articles", "analyses", "copies"} (split by ``heldout`` of
    the first article's external id). The store is closed when the stories are exhausted."""
    from newsweave.settings import Settings
    from newsweave.stages.embed import CachedEmbedder, Embedder
    from newsweave.stages.story import find_copies
    from newsweave.store.sqlite import SQLiteStore

    reports = json.loads((run / "out" / "stories.json").read_text())["stories"]
    store = SQLiteStore(str(run / "s.db"))
    emb = CachedEmbedder(Embedder.from_settings(Settings(), threads=1), store.sentence_vectors)

    def stories() -> Iterator[dict[str, Any]]:
        try:
            for rep in reports:
                ids = [a["id"] for a in rep["articles"]]
                by_id = {a.id: a for a in store.articles(ids)}
                arts = [by_id[i] for i in ids if i in by_id]
                key = rep["articles"][0].get("external_id") or rep["articles"][0]["id"]
                yield {"report": rep, "key": key, "split": "held-out" if heldout(key) else "dev", "articles": arts,
                       "analyses": store.analyses(ids), "copies": find_copies(arts)}  # fmt: skip
        finally:
            store.close()

    return emb, stories()


def set_constants(module: Any, assignments: list[str]) -> None:
    """``--set NAME=VALUE`` for a benchmark: each constant of ``module`` takes the value, read as a
    number and cast to the constant's type (0 / 1 for a switch)."""
    for kv in assignments:
        name, value = kv.split("=", 1)
        setattr(module, name, type(getattr(module, name))(float(value)))
