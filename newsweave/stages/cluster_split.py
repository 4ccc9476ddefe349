"""The split check's parts: a story's members as features, their pairwise similarity and their grouping in two.

The streaming clusterer (cluster.py) keeps its members' features while a story may still be split, compares
every two of them as it compares an article with a story, and groups them by average linkage; these are the
pieces that do not need the clusterer's state.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np


class Member(NamedTuple):
    """One article's features as the clusterer compares them (what a split check regroups)."""

    vec: np.ndarray
    ents: tuple[str, ...]
    terms: Mapping[str, int]
    day: int | None
    figs: tuple[str, ...] = ()  # the figures its headline and lead state (cluster.stated_figures)


class Terms(Mapping[str, int]):
    """A member's term counts as two arrays of interned words and counts: a fraction of a dict of the
    article's own strings, for the many articles kept in stories that may yet be split (~150 terms each)."""

    __slots__ = ("_counts", "_words")

    def __init__(self, terms: Mapping[str, int]) -> None:
        self._words = tuple(sys.intern(t) for t in terms)
        self._counts = array("I", (terms[t] for t in self._words))

    def __getitem__(self, term: str) -> int:
        try:
            return self._counts[self._words.index(term)]
        except ValueError:
            raise KeyError(term) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def items(self) -> Any:
        return zip(self._words, self._counts, strict=True)


# the features of stored articles, for a split check on a story loaded from the store (absent ids: unknown)
MemberFeatures = Callable[[Sequence[str]], Mapping[str, Member]]


def idf(n_docs: int, df: int) -> float:
    """The inverse document frequency of a term found in ``df`` of ``n_docs`` articles, as the clusterer scores a
    story; ``idfs`` is the same over an array of document frequencies, for ``pair_similarities``."""
    return math.log((1 + n_docs) / (1 + df)) + 1.0


def idfs(n_docs: int, dfs: np.ndarray) -> np.ndarray:
    """``idf`` of every document frequency in ``dfs``."""
    return np.log((1 + n_docs) / (1 + dfs)) + 1.0


ENTITY_CAP = 8  # an article's entity keys counted at most, in the share a story (or another article) names


def pair_similarities(ms: Sequence[Member], entity_weight: float, lexical_weight: float, df: Mapping[str, int],
                      n_docs: int) -> np.ndarray:  # fmt: skip
    """Similarity of every two articles, as the clusterer scores an article against a story of the other alone
    (embedding cosine, entity overlap both ways averaged, TF-IDF term cosine with the stream's document
    frequencies ``df`` over ``n_docs`` articles)."""
    n = len(ms)
    ew, lw = entity_weight, lexical_weight
    v = np.stack([np.asarray(m.vec, dtype=np.float64) for m in ms])
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    v = v / np.where(norms > 0, norms, 1.0)
    sim = (1.0 - ew - lw) * (v @ v.T)
    if ew > 0:
        sets = [set(m.ents) for m in ms]
        ent = np.zeros((n, n))
        for i, a in enumerate(sets):
            if a:
                d = min(len(a), ENTITY_CAP)
                ent[i] = [min(1.0, len(a & b) / d) for b in sets]
        sim += ew * (ent + ent.T) / 2
    if lw > 0:
        col: dict[str, int] = {}
        rows, cols, counts = [], [], []
        for i, m in enumerate(ms):
            for t, k in m.terms.items():
                if k > 0:
                    rows.append(i)
                    cols.append(col.setdefault(t, len(col)))
                    counts.append(k)
        dfs = np.fromiter((df.get(t, 0) for t in col), dtype=np.float64, count=len(col))
        weights = idfs(n_docs, dfs)
        w = np.zeros((n, max(1, len(col))))
        w[rows, cols] = (1 + np.log(np.asarray(counts, dtype=np.float64))) * weights[cols]
        norms = np.linalg.norm(w, axis=1, keepdims=True)
        w = w / np.where(norms > 0, norms, 1.0)
        sim += lw * (w @ w.T)
    return sim


def figure_similarities(ms: Sequence[Member], min_members: int) -> tuple[np.ndarray, np.ndarray]:
    """Cosine of every two members' sets of key figures, the stated figures at least ``min_members`` of them
    state (0 where either states none), and which members state any: twin events of one topic tell their own
    years, magnitudes and counts ("5.6" / "5.9", "125 seats" / "December 15, 2013") where their words are the
    same; a figure one report alone states says nothing of the event."""
    df = Counter(f for m in ms for f in set(m.figs))
    col = {f: j for j, f in enumerate(sorted(f for f, k in df.items() if k >= min_members))}
    w = np.zeros((len(ms), max(1, len(col))))
    for i, m in enumerate(ms):
        for f in set(m.figs):
            if f in col:
                w[i, col[f]] = 1.0
    norms = np.linalg.norm(w, axis=1)
    w = w / np.where(norms > 0, norms, 1.0)[:, None]
    return w @ w.T, norms > 0


def two_groups(sim: np.ndarray) -> tuple[list[int], list[int]]:
    """Average linkage (UPGMA) on a similarity matrix down to two groups, each in index order; the first
    holds index 0. Ties go to the first pair found, so the grouping is deterministic."""
    n = len(sim)
    s = np.array(sim, dtype=np.float64)
    np.fill_diagonal(s, -np.inf)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    active = list(range(n))
    while len(active) > 2:
        sub = s[np.ix_(active, active)]
        k = int(np.argmax(sub))
        a, b = sorted((active[k // len(active)], active[k % len(active)]))
        na, nb = len(groups[a]), len(groups[b])
        s[a] = (na * s[a] + nb * s[b]) / (na + nb)
        s[:, a] = s[a]
        s[a, a] = -np.inf
        groups[a] += groups.pop(b)
        active.remove(b)
    g0, g1 = (sorted(groups[i]) for i in active)
    return (g0, g1) if 0 in g0 else (g1, g0)


def between_within(sim: np.ndarray, a: Sequence[int], b: Sequence[int]) -> tuple[float, float] | None:
    """The mean similarity between two groups of indices and the mean within them (the pairs inside either group),
    or None when neither group has two members: what the split check and the merge guard compare."""
    within = [sim[i, j] for g in (a, b) for x, i in enumerate(g) for j in g[x + 1 :]]
    if not within:
        return None
    return float(sim[np.ix_(a, b)].mean()), float(np.mean(within))


def fiedler_cut(sim: np.ndarray, min_size: int) -> tuple[list[int], list[int]] | None:
    """The two groups, each of at least ``min_size``, along the Fiedler vector of the similarity graph (normalised
    Laplacian) whose between/within similarity is lowest, or None: a balanced cut where average linkage's top cut
    only peels an outlier. The first group holds index 0."""
    n = len(sim)
    if n < 2 * min_size:
        return None
    w = np.clip(np.asarray(sim, dtype=np.float64), 0.0, None)
    np.fill_diagonal(w, 0.0)
    d = w.sum(axis=1)
    dinv = 1.0 / np.sqrt(np.where(d > 0, d, 1.0))
    _, vecs = np.linalg.eigh(np.eye(n) - dinv[:, None] * w * dinv[None, :])
    f = vecs[:, 1] * dinv
    order = np.argsort(f, kind="stable")
    s = np.array(sim, dtype=np.float64)[np.ix_(order, order)]
    np.fill_diagonal(s, 0.0)
    c = s.cumsum(axis=0).cumsum(axis=1)
    ks = np.arange(min_size, n - min_size + 1)
    m = n - ks
    aa = c[ks - 1, ks - 1]
    ab = c[ks - 1, n - 1] - aa
    bb = c[n - 1, n - 1] - 2 * ab - aa
    within = (aa + bb) / (ks * (ks - 1) + m * (m - 1))
    between = ab / (ks * m)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(within > 0, between / within, np.inf)
    k = int(ks[int(np.argmin(ratio))])
    g0, g1 = sorted(order[:k].tolist()), sorted(order[k:].tolist())
    return (g0, g1) if 0 in g0 else (g1, g0)
