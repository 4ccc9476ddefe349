"""Exact and near-duplicate articles, and which copy is the original (syndication).

``DuplicateIndex`` is an explicit, picklable object (no module state): each ``add`` hashes the
normalised text (exact copies), then asks a MinHash LSH index (datasketch, 128 permutations) for
candidates and confirms each against the stored word 5-shingle sets, because LSH only estimates.
A candidate is a copy when its Jaccard similarity or its containment (overlap over the smaller
set, which catches truncated copies and copies wrapped in other page furniture) passes a
threshold. The defaults (Jaccard >= 0.3, or containment >= 0.5) were chosen on real articles and
copies derived from them: see benchmarks/dedupe.py and
benchmarks/RESULTS_dedupe.md.

While the index holds fewer than ``exhaustive_below`` articles (the articles of one story, as
``story.find_copies`` builds it) a new article is checked against every indexed article, not only
those sharing LSH buckets: LSH estimates Jaccard, and a short copy of a long text (containment near
1, Jaccard under 0.2) slips through it. Past that size the cost per article stays that of LSH.

Which member of a group is the original (``original_of``): a member published by a news agency's own
site (``WIRE_HOSTS``: the AP's, Reuters', AFP's ... sites) or by the outlet that another member credits
(``credit``: "(AP)", "[Source: NPR]"), then the earliest published, then the first added. The real
copies of a 961-article stream were judged by hand in benchmarks/syndication_audit.py.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
# the sites of news agencies: what they publish is the wire story that others republish
WIRE_HOSTS: dict[str, str] = {
    "ap.org": "AP", "apnews.com": "AP", "reuters.com": "Reuters", "afp.com": "AFP", "upi.com": "UPI",
    "dpa.com": "dpa", "efe.com": "EFE", "ansa.it": "ANSA", "kyodonews.net": "Kyodo", "yna.co.kr": "Yonhap",
    "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "tass.com": "TASS", "interfax.com": "Interfax",
    "ptinews.com": "PTI",
}  # fmt: skip
# sites of outlets a text may credit ("[Source: NPR]", "MOSCOW (AFP) -"), beyond the agencies
_OUTLET_HOSTS: dict[str, str] = {
    **WIRE_HOSTS, "npr.org": "NPR", "bbc.co.uk": "BBC", "bbc.com": "BBC", "cnn.com": "CNN",
    "bloomberg.com": "Bloomberg", "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera",
}  # fmt: skip
_SCHEME = "affine64"  # our shingle hashes are 64-bit; datasketch's default scheme wants 32-bit values


@dataclass(frozen=True)
class Match:
    """``article_id`` duplicates the earlier-added ``duplicate_of``; the scores are exact, not estimates."""

    article_id: str
    duplicate_of: str
    kind: Literal["exact", "near"]
    jaccard: float
    containment: float


@dataclass(frozen=True)
class Republication:
    """``copy_id`` (published by ``copy_source``) republishes ``original_id`` of ``original_source``."""

    copy_id: str
    copy_source: str | None
    original_id: str
    original_source: str | None


def words(text: str) -> list[str]:
    """Lower-cased word tokens (``\\w+``): punctuation, case and spacing never make two copies differ."""
    return _WORD.findall(text.lower())


def shingle_hashes(tokens: list[str], k: int = 5) -> frozenset[int]:
    """Stable 64-bit hashes of the word k-shingles (blake2b, so they survive pickling across processes)."""
    if not tokens:
        return frozenset()
    grams = (" ".join(tokens[i : i + k]) for i in range(max(1, len(tokens) - k + 1)))
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams)


@functools.lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a threshold: datasketch finds them by numerical integration (about
    0.2 s), once per threshold here instead of once per index (one index per story)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _identity(v: Any) -> Any:
    return v


def _host_outlet(source: str | None, hosts: dict[str, str]) -> str | None:
    """The outlet whose site ``source`` (a host such as "bigstory.ap.org", or a URL) is, else None."""
    if not source:
        return None
    host = source.strip().lower()
    host = host.split("://", 1)[-1].split("/", 1)[0]
    if " " in host or "." not in host:
        return None
    return next((name for dom, name in hosts.items() if host == dom or host.endswith("." + dom)), None)


class DuplicateIndex:
    """Articles seen so far, for exact and near-duplicate lookups. Add articles in arrival order.

    ``jaccard`` and ``containment`` are the confirmation thresholds (either suffices);
    containment only counts when the smaller text has at least ``min_shingles`` shingles, since a
    short text is "contained" in many long ones. ``lsh_threshold`` is the MinHash LSH candidate
    threshold on estimated Jaccard; it sits well below ``jaccard`` so that truncated or wrapped
    copies (high containment, lower Jaccard) still come back as candidates.
    """

    def __init__(
        self,
        jaccard: float = 0.3,
        containment: float = 0.5,
        min_shingles: int = 20,
        lsh_threshold: float = 0.2,
        num_perm: int = 128,
        k: int = 5,
        seed: int = 1,
        exhaustive_below: int = 100,
    ) -> None:
        self.jaccard = jaccard
        self.containment = containment
        self.min_shingles = min_shingles
        self.lsh_threshold = lsh_threshold
        self.num_perm = num_perm
        self.k = k
        self.seed = seed
        self.exhaustive_below = exhaustive_below
        self._lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(lsh_threshold, num_perm))
        self._perm = MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations
        self._exact: dict[str, str] = {}  # normalised-text hash -> first article id with it
        self._shingles: dict[str, frozenset[int]] = {}
        self._published: dict[str, str | None] = {}
        self._source: dict[str, str | None] = {}
        self._credit: dict[str, str | None] = {}
        self._indexed: list[str] = []  # ids in the LSH index, in order (the exhaustive check's list)
        self._order: dict[str, int] = {}  # arrival rank, the tie-break for the original
        self._matches: dict[str, Match] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    # ---- adding and looking up ----

    def add(
        self, article_id: str, text: str, published: str | None = None, source: str | None = None,
        credit: str | None = None,
    ) -> Match | None:  # fmt: skip
        """Index one article; return the earlier article it duplicates (best-scoring), or None.

        ``source`` is the outlet that published it (a site's host, a name), ``credit`` the outlet its
        text credits (``Article.original_source``). Adding an id twice is a no-op that returns the
        first answer again.
        """
        if article_id in self._order:
            return self._matches.get(article_id)
        tokens = words(text)
        digest = hashlib.sha256(" ".join(tokens).encode()).hexdigest()
        sh = shingle_hashes(tokens, self.k)
        match: Match | None = None
        first = self._exact.get(digest)
        if first is not None and tokens:
            match = Match(article_id, first, "exact", 1.0, 1.0)
        else:
            for c in self._candidates(sh):
                if self.is_copy(c.jaccard, c.containment, c.smaller):
                    match = Match(article_id, c.duplicate_of, "near", c.jaccard, c.containment)
                    break
            self._exact.setdefault(digest, article_id)
        self._order[article_id] = len(self._order)
        self._published[article_id] = published
        self._source[article_id] = source
        self._credit[article_id] = credit
        if match is not None:
            self._matches[article_id] = match
        if sh and (match is None or match.kind == "near"):  # an exact copy adds nothing new to the LSH index
            self._shingles[article_id] = sh
            self._lsh.insert(article_id, self._minhash(sh))
            self._indexed.append(article_id)
        elif sh:
            self._shingles[article_id] = sh
        return match

    def is_copy(self, jaccard: float, containment: float, smaller: int) -> bool:
        """The confirmation rule applied to exact scores."""
        return jaccard >= self.jaccard or (smaller >= self.min_shingles and containment >= self.containment)

    def candidates(self, text: str) -> list[Candidate]:
        """Earlier articles sharing LSH buckets with ``text`` (all of them while the index is small),
        with exact scores, best first (no threshold)."""
        return self._candidates(shingle_hashes(words(text), self.k))

    def _candidates(self, sh: frozenset[int]) -> list[Candidate]:
        if not sh or self._lsh.is_empty():
            return []
        out = []
        small_index = len(self._indexed) < self.exhaustive_below
        for key in self._indexed if small_index else self._lsh.query(self._minhash(sh)):
            other = self._shingles[key]
            inter = len(sh & other)
            small = min(len(sh), len(other))
            out.append(Candidate(key, inter / (len(sh) + len(other) - inter), inter / small, small))
        out.sort(key=lambda c: (-max(c.jaccard, c.containment), self._order[c.duplicate_of]))
        return out

    def match(self, article_id: str) -> Match | None:
        """What ``add`` returned for this article."""
        return self._matches.get(article_id)

    def _minhash(self, sh: frozenset[int]) -> MinHash:
        m = MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=_identity, permutations=self._perm, scheme=_SCHEME)
        m.update_batch(np.fromiter(sh, dtype=np.uint64, count=len(sh)))
        return m

    # ---- groups and originals ----

    def original_of(self, ids: Iterable[str]) -> dict[str, str]:
        """For each copy among ``ids``: id -> the original of its duplicate group within ``ids``.

        Groups join articles linked by matches (transitively); only links between two of ``ids``
        count. The original is, first, a member published by a news agency's own site or by the
        outlet another member's text credits (see ``_is_source``), then the earliest published member
        (no date sorts last; ties: first added); the other members map to it. Ids not in the index
        are ignored.
        """
        keep = [i for i in dict.fromkeys(ids) if i in self._order]
        parent = {i: i for i in keep}

        def root(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for i in keep:
            m = self._matches.get(i)
            if m is not None and m.duplicate_of in parent:
                parent[root(i)] = root(m.duplicate_of)
        groups: dict[str, list[str]] = {}
        for i in keep:
            groups.setdefault(root(i), []).append(i)
        out: dict[str, str] = {}
        for members in groups.values():
            if len(members) < 2:
                continue
            credited = {c for c in (self._credit[i] for i in members) if c}
            orig = min(members, key=lambda i: (not self._is_source(i, credited), self._published[i] or "\uffff",
                                               self._order[i]))  # fmt: skip
            out.update({i: orig for i in members if i != orig})
        return out

    def _is_source(self, article_id: str, credited: set[str]) -> bool:
        """Whether the article's outlet is where the group's text comes from: a news agency's own site,
        or the site or name of an outlet that a member credits (a republisher credits its source)."""
        source = self._source[article_id]
        if _host_outlet(source, WIRE_HOSTS):
            return True
        outlet = _host_outlet(source, _OUTLET_HOSTS) or source
        return bool(outlet) and outlet in credited and self._credit[article_id] in (None, outlet)

    def republications(self, ids: Iterable[str]) -> list[Republication]:
        """``original_of`` with the outlets: which source republished whose article."""
        return [Republication(c, self._source[c], o, self._source[o]) for c, o in sorted(self.original_of(ids).items())]


@dataclass(frozen=True)
class Candidate:
    """An earlier article found through LSH, with its exact scores against the query text."""

    duplicate_of: str
    jaccard: float
    containment: float
    smaller: int  # shingles in the smaller of the two texts
