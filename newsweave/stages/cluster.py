"""Streaming story clustering: each new article joins the most similar live story or opens one.

Similarity combines the cosine between the article's embedding (title + lead) and the story
centroid with the overlap of their named entities, less a penalty that grows with the distance
between the article's date and the story's time span. Deterministic for a given arrival order; the state is a list of
StoryState records that the store persists, so a later run continues the same stories.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..records import Analysis, StoryState

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
_STRIP = "the ", "a ", "an "


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def entity_keys(analysis: Analysis, limit: int = 12) -> tuple[str, ...]:
    """The article's most mentioned entities as match keys (surname for people, lower-cased;
    places carry an "@" so that stories set in different places can be told apart)."""
    counts: Counter[str] = Counter()
    for m in analysis.mentions:
        if m.label not in ENTITY_LABELS:
            continue
        key = " ".join(m.text.lower().replace("'s", "").replace("’s", "").split())
        for p in _STRIP:
            if key.startswith(p):
                key = key[len(p) :]
        if m.label == "PERSON" and " " in key:
            key = key.rsplit(" ", 1)[1]
        elif m.label in _PLACES:
            key = "@" + key
        if len(key) > 1:
            counts[key] += 1
    return tuple(k for k, _ in counts.most_common(limit))


def story_id_for(article_id: str) -> str:
    """A story is named after the article that opened it ("a1b2..." -> "s1b2...")."""
    return "s" + article_id[1:] if article_id.startswith("a") else "s-" + article_id


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


@dataclass
class _Live:
    id: str
    members: list[str]
    vec_sum: np.ndarray
    entities: Counter[str]
    first: int | None
    last: int | None

    def centroid(self) -> np.ndarray:
        n = float(np.linalg.norm(self.vec_sum))
        return self.vec_sum / n if n > 0 else self.vec_sum


@dataclass
class StoryClusterer:
    """Online clusterer. ``assign`` is called once per article in arrival order."""

    threshold: float = 0.5
    entity_weight: float = 0.25
    time_window_days: float = 30.0
    time_penalty: float = 0.1
    place_penalty: float = 0.1  # taken off when article and story name places but none in common
    stories: list[_Live] = field(default_factory=list)
    _matrix: np.ndarray | None = None
    _changed: set[str] = field(default_factory=set)

    @classmethod
    def from_states(cls, states: Iterable[StoryState], **kw: float) -> StoryClusterer:
        c = cls(**kw)  # type: ignore[arg-type]
        for st in states:
            vec = np.asarray(st.centroid, dtype=np.float32) * max(1, len(st.members))
            c.stories.append(
                _Live(
                    st.id,
                    list(st.members),
                    vec,
                    Counter(dict(st.entities)),
                    _day(st.first),
                    _day(st.last),
                )
            )
        c._rebuild()
        return c

    def _rebuild(self) -> None:
        self._matrix = np.stack([s.centroid() for s in self.stories]).astype(np.float32) if self.stories else None

    def similarities(self, vec: np.ndarray, ents: tuple[str, ...], day: int | None) -> np.ndarray:
        """Combined similarity of one article to every live story (-inf where not allowed)."""
        if self._matrix is None:
            return np.zeros(0, dtype=np.float32)
        cos = self._matrix @ vec
        sims = (1.0 - self.entity_weight) * cos
        if ents and (self.entity_weight > 0 or self.place_penalty > 0):
            ent = np.zeros(len(self.stories), dtype=np.float32)
            places = [e for e in ents[:6] if e.startswith("@")]
            # only stories close in embedding space need the entity terms
            for i in np.flatnonzero(cos > self.threshold - self.entity_weight - 0.05).tolist():
                st = self.stories[i]
                n = len(st.members)
                shared = sum(min(1.0, 2.0 * st.entities[e] / n) for e in ents if e in st.entities)
                ent[i] = self.entity_weight * min(1.0, shared / min(len(ents), 8))
                if places and self.place_penalty > 0:
                    main = [e for e, k in st.entities.most_common(8) if e.startswith("@") and 2 * k >= n]
                    if main and not any(p in st.entities for p in places):
                        ent[i] -= self.place_penalty
            sims = sims + ent
        if day is not None and self.time_penalty > 0:
            # soft decay: the further the article is from the story's time span, the less it fits
            for i, st in enumerate(self.stories):
                if st.first is None or st.last is None:
                    continue
                gap = max(0, st.first - day, day - st.last)
                if gap:
                    sims[i] -= self.time_penalty * min(1.0, gap / self.time_window_days)
        return sims

    def assign(self, article_id: str, vec: np.ndarray, ents: tuple[str, ...] = (),
               published: str | None = None) -> str:  # fmt: skip
        """Put one article into a story and return the story id."""
        day = _day(published)
        sims = self.similarities(vec, ents, day)
        if len(sims) and float(sims.max()) >= self.threshold:
            i = int(sims.argmax())
            st = self.stories[i]
            st.members.append(article_id)
            st.vec_sum = st.vec_sum + vec
            st.entities.update(ents)
            if day is not None:
                st.first = day if st.first is None else min(st.first, day)
                st.last = day if st.last is None else max(st.last, day)
            assert self._matrix is not None
            self._matrix[i] = st.centroid()
        else:
            st = _Live(story_id_for(article_id), [article_id], vec.astype(np.float32).copy(),
                       Counter(ents), day, day)  # fmt: skip
            self.stories.append(st)
            row = st.centroid()[None, :]
            self._matrix = row if self._matrix is None else np.vstack([self._matrix, row])
        self._changed.add(st.id)
        return st.id

    def changed_states(self) -> list[StoryState]:
        """States of the stories touched since the last call (to persist), then forget them."""
        out = [self._state(s) for s in self.stories if s.id in self._changed]
        self._changed = set()
        return out

    @staticmethod
    def _state(s: _Live) -> StoryState:
        iso = lambda d: date.fromordinal(d).isoformat() if d is not None else None  # noqa: E731
        return StoryState(
            id=s.id, members=tuple(s.members), centroid=tuple(float(x) for x in s.centroid()),
            entities=tuple(s.entities.most_common(60)), first=iso(s.first), last=iso(s.last),
        )  # fmt: skip
