"""Entity resolution within a story: one canonical name per real entity, spelling variants merged.

Mentions are merged when their names share a consonant skeleton and look alike
("Sergei Lavrov" / "Sergey Lavrov", "Khan Sheikhun" / "Khan Shaykhun", "ExxonMobil" /
"Exxon Mobil"), and a surname alone joins the full name that ends with it ("Lavrov").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from ..records import Mention

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
_PLACE = frozenset({"GPE", "LOC", "FAC"})
_VOWELS = re.compile(r"[aeiouy]")


def normalise(surface: str) -> str:
    s = " ".join(surface.replace("’", "'").split())
    s = re.sub(r"'s$|'$", "", s)
    s = re.sub(r"^(the|The)\s+", "", s)
    return s.strip(" .,;:-\"'")


def fold(s: str) -> str:
    """Lower-case ASCII letters and spaces only."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z ]+", " ", s.lower()).split())


def skeleton(s: str) -> str:
    """Consonant skeleton: spaces and vowels dropped (first letter kept), repeats collapsed."""
    f = fold(s).replace(" ", "")
    if not f:
        return ""
    body = _VOWELS.sub("", f[1:])
    out = f[0]
    for ch in body:
        if ch != out[-1]:
            out += ch
    return out


_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "der", "la"})


def _core(f: str) -> str:
    """A folded name without name particles ("bashar al assad" -> "bashar assad")."""
    return " ".join(w for w in f.split() if w not in _PARTICLES) or f


def acronym(s: str) -> str | None:
    """Initials of a multi-word name ("United States" -> "us"), or the letters of an acronym."""
    words = [w for w in re.split(r"[\s-]+", s) if w]
    if len(words) > 1 and all(w[0].isupper() for w in words if w.lower() not in ("of", "and", "the")):
        return "".join(w[0] for w in words if w.lower() not in ("of", "and", "the")).lower()
    letters = s.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
        return letters.lower()
    return None


def similar(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb or fa.replace(" ", "") == fb.replace(" ", "") or _core(fa) == _core(fb):
        return True
    ab, bb = acronym(a), acronym(b)
    if ab and ab == bb and (" " in a) != (" " in b):  # "US" / "U.S." / "United States"
        return True
    ratio = SequenceMatcher(None, fa, fb).ratio()
    return ratio >= 0.92 or (ratio >= 0.75 and skeleton(a) == skeleton(b))


def _family(label: str) -> str:
    return "PLACE" if label in _PLACE else label


@dataclass
class _Cluster:
    family: str
    surfaces: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    def name(self) -> str:
        # the most informative variant: most tokens, then most mentioned, then first seen
        return max(self.surfaces, key=lambda s: (len(s.split()), self.surfaces[s]))


def resolve_entities(
    items: Iterable[tuple[str, Mention]],
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Group (article id, mention) pairs into entities.

    Returns the entities (name, label, variants, mentions, articles; most mentioned first) and a
    map from every variant surface to its canonical name.
    """
    by_surface: dict[str, Counter[str]] = defaultdict(Counter)
    arts: dict[str, set[str]] = defaultdict(set)
    order: list[str] = []
    for art_id, m in items:
        if m.label not in LABELS:
            continue
        s = normalise(m.text)
        if len(s) < 2 or not any(ch.isalpha() for ch in s):
            continue
        if s not in by_surface:
            order.append(s)
        by_surface[s][m.label] += 1
        arts[s].add(art_id)
    # each surface takes its majority label family; multi-word names first so surnames find them
    order.sort(key=lambda s: -len(s.split()))
    clusters: list[_Cluster] = []
    for s in order:
        fam = _family(by_surface[s].most_common(1)[0][0])
        target = None
        for c in clusters:
            if c.family == fam and any(similar(s, v) for v in c.surfaces):
                target = c
                break
        if target is None and len(s.split()) == 1:
            target = _surname_owner(s, clusters, fam)
        if target is None:
            target = _Cluster(fam)
            clusters.append(target)
        n = sum(by_surface[s].values())
        target.surfaces[s] += n
        target.labels.update(by_surface[s])
        target.articles |= arts[s]
    out: list[dict[str, Any]] = []
    canon: dict[str, str] = {}
    for c in clusters:
        name = c.name()
        for v in c.surfaces:
            canon[v] = name
        out.append({
            "name": name,
            "label": _label(c),
            "variants": sorted(c.surfaces, key=lambda v: -c.surfaces[v]),
            "mentions": sum(c.surfaces.values()),
            "articles": sorted(c.articles),
        })  # fmt: skip
    out.sort(key=lambda e: (-len(e["articles"]), -int(e["mentions"]), str(e["name"])))
    return out, canon


def _label(c: _Cluster) -> str:
    """The cluster's label, within its family (a person mentioned by surname stays a PERSON)."""
    inside = [(n, lab) for lab, n in c.labels.items() if _family(lab) == c.family]
    return max(inside)[1] if inside else c.labels.most_common(1)[0][0]


def _surname_owner(s: str, clusters: list[_Cluster], fam: str) -> _Cluster | None:
    """The person cluster whose full name ends with this single word (the most mentioned one)."""
    best, best_n = None, 0
    for c in clusters:
        if c.family != "PERSON" or fam not in ("PERSON", "ORG", "PLACE"):
            continue
        for v in c.surfaces:
            parts = v.split()
            if len(parts) > 1 and similar(parts[-1], s):
                n = sum(c.surfaces.values())
                if n > best_n:
                    best, best_n = c, n
    return best


def canonical_lookup(canon: dict[str, str]) -> Any:
    """A function mapping any name (a variant, or a surname) to its canonical entity name."""

    folded = {fold(k): v for k, v in canon.items()}

    def lookup(name: str) -> str:
        n = normalise(name)
        if n in canon:
            return canon[n]
        f = fold(n)
        if f in folded:
            return folded[f]
        for k, v in canon.items():
            if similar(k, n):
                return v
        return n

    return lookup
