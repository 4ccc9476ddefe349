"""Gradient-boosted trees stored as plain JSON, evaluated without scikit-learn (the text-dump cleaner's model).

The file is written by benchmarks/clean_segments.py --write from a scikit-learn
HistGradientBoostingClassifier: a baseline log-odds and, per tree, its nodes as
[feature, threshold, left, right, value] (a leaf has feature -1; a row goes left when its value of the
feature is <= threshold). The probability is the logistic of the baseline plus one leaf value per tree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Node = tuple[int, float, int, int, float]


@dataclass(frozen=True)
class TreeEnsemble:
    """A binary classifier: baseline log-odds plus the leaf values of every tree."""

    features: tuple[str, ...]
    baseline: float
    trees: tuple[tuple[Node, ...], ...]

    def probability(self, row: Sequence[float]) -> float:
        """Probability of the positive class for one feature row (ordered as ``features``)."""
        score = self.baseline
        for nodes in self.trees:
            feature, threshold, left, right, value = nodes[0]
            while feature >= 0:
                feature, threshold, left, right, value = nodes[left if row[feature] <= threshold else right]
            score += value
        return 1.0 / (1.0 + math.exp(-score))


def load_tree_ensemble(path: Path, features: Sequence[str]) -> TreeEnsemble:
    """Read a model file; its feature names must be ``features``, in order (else the file is stale)."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    if tuple(spec["features"]) != tuple(features):
        raise ValueError(
            f"{path} was trained on other features than this code computes; "
            "run `.venv/bin/python benchmarks/clean_segments.py --write` to retrain it"
        )
    trees = tuple(
        tuple((int(f), float(t), int(a), int(b), float(v)) for f, t, a, b, v in nodes) for nodes in spec["trees"]
    )
    return TreeEnsemble(tuple(spec["features"]), float(spec["baseline"]), trees)
