"""Streaming story clustering: each new article joins the most similar live story or opens one.

Similarity combines three signals between the article and a story: the cosine between the
article's embedding (title + lead) and the story centroid, the overlap of their named entities,
and a TF-IDF cosine of their content terms (title + lead; document frequencies are counted as
articles arrive, so the IDF is the stream's own). Only the stories nearest by embedding (a matrix
product, then the top few) get the entity and term scores, which keeps an assignment fast with
100,000 stories in the index. When a story grows, it is compared with the other live stories the
same way, and if it now looks like one of them (similarity >= ``merge_threshold``) the two are
merged: the smaller into the bigger, whose id stays. Stories whose last article is older than
``dormant_days`` before the newest date seen leave the live index (they stay stored). With
``split_ratio`` set, a story of ``split_min``..``split_max`` articles that grows is checked for two
events in one: its members are grouped in two by average linkage over the same similarity, and if
both groups are large enough and the similarity between them is at most ``split_ratio`` times the
one within them, the group without the story's first article leaves as a story of its own (and may merge at once
with a story of its event); a smaller group, or a balanced cut that average linkage hid behind an outlier, parts at
the stricter ``split_small_ratio`` / ``split_fiedler``; and no merge is
made that the check would cut again, or (``merge_guard``) of two stories whose members' similarity between the
two is at most that share of the one within them (fragments of one event merge, twin events do not). With
``rejoin_size``, a story that grows takes in the near stories of that many articles or fewer whose articles would
join it now: an article that opened a story because its event's story was still too thin to match rejoins it.
Deterministic for a given arrival order; the state is a list of StoryState records plus a
document-frequency table that the store persists, so a later run continues the same stories. The
split check also needs the members' own features: they are kept in memory while a story is in the
size window, and for stories loaded from the store they are asked of ``member_features``
(``stored_member_features`` reads them back from the store; without it, such a story is not checked).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from ..records import Analysis, StoryState
from .cluster_split import (
    ENTITY_CAP,
    Member,
    MemberFeatures,
    Terms,
    between_within,
    fiedler_cut,
    figure_similarities,
    pair_similarities,
    two_groups,
)
from .cluster_split import idf as term_idf
from .textutil import ENGLISH_STOP

if TYPE_CHECKING:
    from ..settings import Settings
    from ..store import Store

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
_STRIP = "the ", "a ", "an "
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_WORD = re.compile(r"[^\W\d_][^\W_]+")
# a small story is re-checked against the story an article joined only if the article was this share of the join
# threshold close to it: the dev re-joins all had >= 0.15 (threshold 0.275), and at 100,000 stories most of the
# 32 candidates are far one-article stories, each a similarity to compute
REJOIN_NEAR = 0.5
# a figure as the text states it: digits in groups of three, or with a decimal part, not inside a word or a longer
# number ("5.9", "2013", "1,300"; not "IE8", "2m" or the parts of "1.2.3")
_FIGURE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\w|[.,]\d)")


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


def content_terms(title: str | None, text: str, lead_chars: int = 1000) -> dict[str, int]:
    """Content words of the headline and the lead with their counts (lower-cased, stop words and
    words shorter than three letters dropped): what the lexical similarity compares."""
    s = f"{title or ''}\n{text[:lead_chars]}".lower()
    return dict(Counter(w for w in _WORD.findall(s) if len(w) > 2 and w not in ENGLISH_STOP))


def stated_figures(title: str | None, text: str, lead_chars: int = 1000) -> tuple[str, ...]:
    """The figures the headline and the lead state, each once in order of appearance: years, magnitudes, counts
    ("2013", "5.9", "125"); one-digit numbers (list marks, times, "8 years" in every report) and numbers with a
    leading zero (dates' and phone numbers' parts) are left out."""
    out: dict[str, None] = {}
    for f in _FIGURE.findall(f"{title or ''}\n{text[:lead_chars]}"):
        if len(f) > 1 and (f[0] != "0" or f.startswith("0.")):
            out.setdefault(f.replace(",", ""))
    return tuple(out)


# a recurring column's issues ("NATIONAL FORECAST" atop each day's weather) share a heading and the column's words
# but report different days: two issues this many days apart are no one event (dev: +0.0024, the one such column)
TEMPLATE_GAP_DAYS = 2
_HEADING_WORDS = 5


def template_heading(text: str) -> str | None:
    """The text's opening line if it is a short all-capitals heading (a column's or section's name: at most five
    words, no sentence end), else None."""
    line = " ".join(text.lstrip().split("\n", 1)[0].split())
    if not line or len(line.split()) > _HEADING_WORDS or not line.isupper() or line[-1] in ".!?\"'":
        return None
    return line


_ARTICLE_ID = re.compile(r"a(?=[0-9a-f]*\d)[0-9a-f]+")  # records.content_id("a", ...): "a" and hex digits


def story_id_for(article_id: str) -> str:
    """A story is named after the article that opened it: "a1b2..." (newsweave's own article ids) ->
    "s1b2...", any other id (``newsweave cluster`` keeps the input's) -> "s-" + id ("a" -> "s-a")."""
    return "s" + article_id[1:] if _ARTICLE_ID.fullmatch(article_id) else "s-" + article_id


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def stored_member_features(store: Store, lead_chars: int) -> MemberFeatures:
    """Stored articles' features as ``assign`` was given them (the pipeline's embedding, ``entity_keys`` of the
    analysis, ``content_terms`` of the lead, the publication day), read back for a split check."""

    def read(ids: Sequence[str]) -> dict[str, Member]:
        arts = {a.id: a for a in store.articles(ids)}
        analyses, vecs = store.analyses(ids), store.embeddings(ids)
        return {
            i: Member(vecs[i], entity_keys(analyses[i]), content_terms(arts[i].title, arts[i].text, lead_chars),
                      _day(arts[i].published), stated_figures(arts[i].title, arts[i].text, lead_chars))
            for i in ids if i in arts and i in analyses and i in vecs
        }  # fmt: skip

    return read


@dataclass
class _Story:
    id: str
    members: list[str]
    vec_sum: np.ndarray
    entities: Counter[str]
    terms: Counter[str]
    first: int | None
    last: int | None
    row: int = -1  # row in the live index, -1 when dormant
    tfw: dict[str, float] = field(default_factory=dict)  # sub-linear term weights, from ``terms``
    norm: float = 0.0  # TF-IDF norm of the terms, with the IDF of when it was computed
    norm_docs: int = -1  # articles counted then (-1: terms changed since)
    feats: dict[str, Member] = field(default_factory=dict)  # members' features, kept while a split check may come
    issues: dict[str, tuple[str, int]] = field(default_factory=dict)  # member -> its template heading and day

    def centroid(self) -> np.ndarray:
        n = float(np.linalg.norm(self.vec_sum))
        return (self.vec_sum / n if n > 0 else self.vec_sum).astype(np.float32)


@dataclass
class StoryClusterer:
    """Online clusterer. ``assign`` is called once per article in arrival order."""

    threshold: float = 0.5
    entity_weight: float = 0.25
    lexical_weight: float = 0.0  # weight of the TF-IDF term cosine; the embedding cosine gets the rest
    time_window_days: float = 30.0
    time_penalty: float = 0.1
    place_penalty: float = 0.1  # taken off when article and story name places but none in common
    candidates: int = 32  # stories nearest by embedding that get the entity and term scores
    story_terms: int = 100  # content terms kept per story
    dormant_days: float = 0.0  # stories quiet this long before the newest date seen leave the index (0: never)
    merge_threshold: float = 0.0  # a grown story this similar to another live story is merged with it (0: never)
    norm_refresh: float = 1.1  # a story's TF-IDF norm is redone when the stream grew by this factor (1: exact, 3x CPU)
    split_ratio: float = 0.0  # a grown story splits when its two groups' between/within similarity is <= this (0: no)
    split_min: int = 12  # story sizes at which a split is checked (dev: 8 0.894, 12 0.902; BENCHMARKS.md)
    split_max: int = 32
    split_share: float = 0.3  # each group holds at least this share of the members ...
    split_group: int = 4  # ... and at least this many
    split_small_ratio: float = 0.0  # a group under split_share (still >= split_group) splits off at this ratio (0: no)
    split_fiedler: float = 0.0  # when average linkage's top cut only peels a few, fiedler_cut's at this ratio (0: no)
    merge_after_split: bool = True  # a group a split sets apart may merge at once with a story of its own event
    merge_guard: float = 0.0  # with split_ratio: no merge of two stories whose members' between/within is <= this
    split_figures: float = 0.0  # with split_ratio: a cut whose stated figures' between/within is <= this ... (0: no)
    split_figures_sim: float = 0.0  # ... and whose members' between/within similarity is <= this splits too
    figure_weight: float = 0.3  # weight of the key figures' cosine in the cut that split_figures checks
    figure_key: int = 3  # a figure stated by this many members is a key figure (one report's own says nothing)
    figure_within: float = 0.5  # the two groups' members share key figures: their mean cosine within is >= this
    rejoin_size: int = 0  # with split_ratio: a near story of at most this many articles is re-checked when a story
    # grows, and joins it when each of its articles would now (join similarity >= threshold) (0: never)
    member_features: MemberFeatures | None = None  # stored members' features (stories loaded from the store)
    stories: dict[str, _Story] = field(default_factory=dict)
    df: Counter[str] = field(default_factory=Counter)  # term -> articles containing it
    n_docs: int = 0
    clock: int | None = None  # newest publication day seen
    _live: list[_Story] = field(default_factory=list)
    _matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    _last: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    _changed: set[str] = field(default_factory=set)
    _removed: set[str] = field(default_factory=set)  # stories merged away since the last changed_states()
    _moved: dict[str, str] = field(default_factory=dict)  # article -> story, for articles moved by a merge
    merged_into: dict[str, str] = field(default_factory=dict)  # story merged away -> the story that absorbed it
    split_to: dict[str, str] = field(default_factory=dict)  # article -> the story a split moved it to
    _df_changed: set[str] = field(default_factory=set)
    _blas: Any = None  # threadpoolctl controller, made on first use

    @classmethod
    def from_settings(cls, s: Settings, states: Iterable[StoryState] = (),
                      df: tuple[int, Mapping[str, int]] | None = None,
                      member_features: MemberFeatures | None = None) -> StoryClusterer:  # fmt: skip
        """The clusterer configured by the settings, continuing from stored states and term counts
        (``member_features``: the stored articles' features, for split checks on loaded stories)."""
        return cls.from_states(
            states, df, threshold=s.cluster_threshold, entity_weight=s.cluster_entity_weight,
            lexical_weight=s.cluster_lexical_weight, time_window_days=s.cluster_time_window_days,
            time_penalty=s.cluster_time_penalty, place_penalty=s.cluster_place_penalty,
            candidates=s.cluster_candidates, story_terms=s.cluster_story_terms, dormant_days=s.cluster_dormant_days,
            merge_threshold=s.cluster_merge_threshold, merge_guard=s.cluster_merge_guard, split_ratio=s.cluster_split,
            split_small_ratio=s.cluster_split_small, split_fiedler=s.cluster_split_fiedler,
            split_figures=s.cluster_split_figures, split_figures_sim=s.cluster_split_figures_sim,
            rejoin_size=s.cluster_rejoin, member_features=member_features,
        )  # fmt: skip

    @classmethod
    def from_states(cls, states: Iterable[StoryState], df: tuple[int, Mapping[str, int]] | None = None,
                    **kw: Any) -> StoryClusterer:  # fmt: skip
        c = cls(**kw)
        for st in states:
            vec = np.asarray(st.centroid, dtype=np.float32) * max(1, len(st.members))
            c.stories[st.id] = _Story(st.id, list(st.members), vec, Counter(dict(st.entities)),
                                      Counter(dict(st.terms)), _day(st.first), _day(st.last))  # fmt: skip
            c.stories[st.id].tfw = {t: 1 + math.log(k) for t, k in st.terms if k > 0}
            last = _day(st.last)
            if last is not None and (c.clock is None or last > c.clock):
                c.clock = last
        if df is not None:
            c.n_docs, c.df = int(df[0]), Counter(dict(df[1]))
        c._rebuild()
        return c

    # -- the live index -----------------------------------------------------------------------
    def _dormant(self, st: _Story) -> bool:
        return bool(self.dormant_days > 0 and self.clock is not None and st.last is not None
                    and st.last < self.clock - self.dormant_days)  # fmt: skip

    def _rebuild(self) -> None:
        """Index the live stories again (after loading, or when some went dormant)."""
        for st in self.stories.values():
            st.row = -1
        self._live = [st for st in self.stories.values() if not self._dormant(st)]
        dim = next((len(st.vec_sum) for st in self.stories.values()), 0)
        cap = max(64, 2 * len(self._live))
        self._matrix = np.zeros((cap, dim), dtype=np.float32)
        self._last = np.full(cap, np.nan)
        for i, st in enumerate(self._live):
            st.row = i
            self._matrix[i] = st.centroid()
            self._last[i] = np.nan if st.last is None else st.last

    def _append(self, st: _Story) -> None:
        n = len(self._live)
        if self._matrix.shape[1] != len(st.vec_sum):
            if n:
                raise ValueError(
                    f"embedding of {st.id} has {len(st.vec_sum)} dimensions, the stories have "
                    f"{self._matrix.shape[1]}: was the embedding model changed? (use a new store)"
                )
            self._matrix = np.zeros((64, len(st.vec_sum)), dtype=np.float32)  # first story: dimension known now
            self._last = np.full(64, np.nan)
        if n == len(self._matrix):  # grow by doubling: amortised O(1) per new story
            self._matrix = np.vstack([self._matrix, np.zeros_like(self._matrix)])
            self._last = np.concatenate([self._last, np.full(n, np.nan)])
        st.row = n
        self._live.append(st)
        self._matrix[n] = st.centroid()
        self._last[n] = np.nan if st.last is None else st.last

    def _remove(self, st: _Story) -> None:
        """Take a story out of the live index: the last row moves into its place."""
        row, last = st.row, len(self._live) - 1
        if row != last:
            mv = self._live[last]
            self._live[row], mv.row = mv, row
            self._matrix[row] = self._matrix[last]
            self._last[row] = self._last[last]
        self._live.pop()
        self._last[last] = np.nan
        st.row = -1

    def _advance_clock(self, day: int | None) -> None:
        if day is None or (self.clock is not None and day <= self.clock):
            return
        self.clock = day
        if self.dormant_days > 0 and len(self._live):
            with np.errstate(invalid="ignore"):
                quiet = self._last[: len(self._live)] < day - self.dormant_days
            if quiet.any():
                self._rebuild()

    @property
    def live_count(self) -> int:
        """Stories in the live index (the others are dormant)."""
        return len(self._live)

    # -- similarity ---------------------------------------------------------------------------
    def _one_blas_thread(self) -> Any:
        """One BLAS thread for the small products here: a matrix-vector product gains little from two, and on
        busy cores the threads' hand-over cost 24 ms instead of 0.1 ms at 5,000 stories (cluster_scale.py)."""
        if self._blas is None:
            from threadpoolctl import ThreadpoolController  # comes with scikit-learn

            self._blas = ThreadpoolController()
        return self._blas.limit(limits=1, user_api="blas")

    def _idf(self, term: str) -> float:
        return term_idf(self.n_docs, self.df.get(term, 0))

    def term_weights(self, terms: Mapping[str, int]) -> tuple[dict[str, float], dict[str, float]]:
        """The article's term weights for ``_lexical`` (tf * idf^2, unit norm after one idf) and the IDFs used."""
        idf = {t: self._idf(t) for t in terms}
        aw = {t: (1 + math.log(n)) * idf[t] for t, n in terms.items()}
        na = math.sqrt(sum(w * w for w in aw.values()))
        return {t: w * idf[t] / na for t, w in aw.items()}, idf

    @staticmethod
    def _entity_overlap(ents: tuple[str, ...], st: _Story) -> float:
        """Share of the article's entity keys (at most 8 counted) that the story names, each weighted by
        how many of the story's articles name it (full weight from half of them)."""
        k = len(st.members)
        shared = sum(min(1.0, 2.0 * st.entities[e] / k) for e in ents if e in st.entities)
        return min(1.0, shared / min(len(ents), ENTITY_CAP))

    def _lexical(self, aw: dict[str, float], st: _Story, idf: dict[str, float]) -> float:
        """TF-IDF cosine between the article's weighted terms ``aw`` (tf * idf^2, unit norm after one
        idf) and the story's terms (sub-linear counts). ``idf`` memoises IDFs within one article."""
        shared = aw.keys() & st.tfw.keys()
        if not shared:
            return 0.0
        if st.norm_docs < 0 or self.n_docs > self.norm_refresh * st.norm_docs:
            # the story's norm follows the IDF lazily: recomputed when its terms change or the
            # stream has grown by a given share since, which keeps this cheap
            total = 0.0
            for t, w in st.tfw.items():
                x = idf.get(t)
                if x is None:
                    x = idf[t] = self._idf(t)
                total += (w * x) ** 2
            st.norm = math.sqrt(total)
            st.norm_docs = self.n_docs
        return sum(aw[t] * st.tfw[t] for t in shared) / st.norm if st.norm > 0 else 0.0

    def similarities(self, vec: np.ndarray, ents: tuple[str, ...] = (), day: int | None = None,
                     terms: Mapping[str, int] | None = None, rows: np.ndarray | None = None) -> np.ndarray:  # fmt: skip
        """Combined similarity of one article to every live story (-inf where it cannot reach the
        threshold), or only to the stories in the given live-index ``rows``."""
        n = len(self._live)
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        if rows is not None:
            cos = np.full(n, -np.inf, dtype=np.float32)
            cos[rows] = self._matrix[rows] @ vec
        else:
            with self._one_blas_thread():
                cos = self._matrix[:n] @ vec
        ew, lw = self.entity_weight, self.lexical_weight
        cw = 1.0 - ew - lw
        # a story whose cosine is below this cannot reach the threshold even with full entity and term scores
        floor = (self.threshold - ew - lw) / cw if cw > 0 else -np.inf
        cand = np.flatnonzero(cos >= floor)
        if len(cand) > self.candidates:
            cand = np.sort(cand[np.argpartition(-cos[cand], self.candidates)[: self.candidates]])
        sims = np.full(n, -np.inf, dtype=np.float32)
        if not len(cand):
            return sims
        sims[cand] = cw * cos[cand]
        places = [e for e in ents[:6] if e.startswith("@")]
        aw, idf = self.term_weights(terms) if terms and lw > 0 else ({}, {})
        extras = []
        for i in cand.tolist():
            st = self._live[i]
            extra = 0.0
            if ents and (ew > 0 or self.place_penalty > 0):
                k = len(st.members)
                extra += ew * self._entity_overlap(ents, st)
                if places and self.place_penalty > 0:
                    main = [e for e, m in st.entities.most_common(8) if e.startswith("@") and 2 * m >= k]
                    if main and not any(p in st.entities for p in places):
                        extra -= self.place_penalty
            if aw:
                extra += lw * self._lexical(aw, st, idf)
            if day is not None and self.time_penalty > 0 and st.first is not None and st.last is not None:
                # soft decay: the further the article is from the story's time span, the less it fits
                gap = max(0, st.first - day, day - st.last)
                extra -= self.time_penalty * min(1.0, gap / self.time_window_days)
            extras.append(extra)
        sims[cand] += np.asarray(extras, dtype=np.float32)
        return sims

    # -- streaming ----------------------------------------------------------------------------
    def assign(self, article_id: str, vec: np.ndarray, ents: tuple[str, ...] = (),
               published: str | None = None, terms: Mapping[str, int] | None = None,
               figures: Sequence[str] = (), heading: str | None = None) -> str:  # fmt: skip
        """Put one article into a story and return the story id (``figures``: the ones its lead states,
        ``stated_figures``, for the split check; ``heading``: ``template_heading`` of its text)."""
        day = _day(published)
        self._advance_clock(day)
        if terms:  # the article counts in the document frequencies before it is compared
            self.n_docs += 1
            self.df.update(terms.keys())
            self._df_changed.update(terms.keys())
        sims = self.similarities(vec, ents, day, terms)
        issue = (heading, day) if heading and day is not None else None
        if issue is not None:
            self._other_issues(sims, issue)
        if len(sims) and float(sims.max()) >= self.threshold:
            st = self._live[int(sims.argmax())]
            st.members.append(article_id)
            if issue is not None:
                st.issues[article_id] = issue
            self._absorb(st, vec, Counter(ents), Counter(dict(terms or {})), day, day)
            self._changed.add(st.id)
            if self.split_ratio > 0:
                self._keep_features(st, {article_id: Member(vec, tuple(ents), Terms(terms or {}), day, tuple(figures))})
            small = self._small_near(sims, st) if self.rejoin_size > 0 and self.split_ratio > 0 else []  # (rows: now)
            if self.merge_threshold > 0:
                # the stories the article was also close to are the ones it may have bridged
                near = np.flatnonzero(np.isfinite(sims))
                near = near[near != st.row]
                if len(near):
                    st = self._maybe_merge(st, near)
            if self.split_ratio > 0 and self.split_min <= len(st.members) <= self.split_max:
                st = self._maybe_split(st, article_id)
            if small:
                st = self._rejoin(st, small)
        else:
            st = self._open(article_id, vec, ents, terms, day, figures)
            if issue is not None:
                st.issues[article_id] = issue
        return st.id

    def _other_issues(self, sims: np.ndarray, issue: tuple[str, int]) -> None:
        """Rule out (in place) the stories holding an issue of the article's column from another day: the
        column's words make its issues alike, not its news."""
        heading, day = issue
        for i in np.flatnonzero(np.isfinite(sims)).tolist():
            if any(h == heading and abs(d - day) >= TEMPLATE_GAP_DAYS for h, d in self._live[i].issues.values()):
                sims[i] = -np.inf

    def _open(self, article_id: str, vec: np.ndarray, ents: Iterable[str], terms: Mapping[str, int] | None,
              day: int | None, figures: Sequence[str] = ()) -> _Story:  # fmt: skip
        """A new story of one article, indexed unless it is already dormant."""
        ents = tuple(ents)
        st = _Story(story_id_for(article_id), [article_id], vec.astype(np.float32).copy(), Counter(ents),
                    Counter(dict(terms or {})), day, day)  # fmt: skip
        st.tfw = {t: 1 + math.log(k) for t, k in st.terms.items()}
        if self.split_ratio > 0:
            st.feats[article_id] = Member(st.vec_sum.copy(), tuple(ents), Terms(terms or {}), day, tuple(figures))
        self.stories[st.id] = st
        if not self._dormant(st):
            self._append(st)
        self._changed.add(st.id)
        return st

    def _absorb(self, st: _Story, vec: np.ndarray, ents: Counter[str], terms: Counter[str],
                first: int | None, last: int | None) -> None:  # fmt: skip
        """Add an article's (or a merged story's) features to a live story."""
        st.vec_sum = st.vec_sum + vec
        st.entities.update(ents)
        if terms:
            st.terms.update(terms)
            if len(st.terms) > self.story_terms:
                keep = sorted(st.terms.items(), key=lambda kv: (-kv[1], kv[0]))[: self.story_terms]
                st.terms = Counter(dict(keep))
            st.tfw = {t: 1 + math.log(k) for t, k in st.terms.items()}
            st.norm_docs = -1
        for d in (first, last):
            if d is not None:
                st.first = d if st.first is None else min(st.first, d)
                st.last = d if st.last is None else max(st.last, d)
        if st.last is not None:
            self._last[st.row] = st.last
        self._matrix[st.row] = st.centroid()

    def _maybe_merge(self, st: _Story, rows: np.ndarray) -> _Story:
        """Merge ``st`` with the story among live-index ``rows`` it now resembles most, if that is
        close enough; return the survivor."""
        k = len(st.members)
        ents = tuple(e for e, _ in st.entities.most_common(12))
        # the story as one pseudo-article: its centroid, main entities and (average) term counts
        terms = {t: max(1, round(n / k)) for t, n in st.terms.items()}
        sims = self.similarities(st.centroid(), ents, None, terms, rows)
        if not len(sims) or float(sims.max()) < self.merge_threshold:
            return st
        other = self._live[int(sims.argmax())]
        keep, gone = (other, st) if len(other.members) >= len(st.members) else (st, other)
        size = len(keep.members) + len(gone.members)
        if self.split_ratio > 0 and size <= self.split_max and (size >= self.split_min or self.merge_guard > 0):
            # no merge that the split check would cut again (twin stories a split made look alike as wholes), nor
            # one of two stories whose members stay apart (merge_guard: fragments of one event merge, twins not)
            ms, more = self._member_list(keep), self._member_list(gone)
            if ms is not None and more is not None:
                with self._one_blas_thread():
                    sim = self.pair_similarities(ms + more)
                if (size >= self.split_min and self.split_check(ms + more, sim) is not None) or (
                    self.merge_guard > 0 and self._apart(sim, len(ms), self.merge_guard)
                ):
                    return st
        return self._merge(keep, gone)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        """Merge two live stories: the smaller's articles move into the bigger, whose id stays; return it."""
        keep, gone = (a, b) if len(a.members) >= len(b.members) else (b, a)
        keep.members.extend(gone.members)
        keep.issues.update(gone.issues)
        self._absorb(keep, gone.vec_sum, gone.entities, gone.terms, gone.first, gone.last)
        if self.split_ratio > 0:
            self._keep_features(keep, gone.feats)
        for art in gone.members:
            self._moved[art] = keep.id
        del self.stories[gone.id]
        self.merged_into[gone.id] = keep.id
        self._changed.discard(gone.id)
        self._removed.add(gone.id)
        self._changed.add(keep.id)
        self._remove(gone)
        return keep

    # -- re-check of small stories -------------------------------------------------------------
    def _small_near(self, sims: np.ndarray, st: _Story) -> list[str]:
        """The stories of at most ``rejoin_size`` articles the article was near (its candidates), by id: their
        articles opened them when no story was close enough, and the story that grew may be now."""
        near = np.flatnonzero(sims >= REJOIN_NEAR * self.threshold).tolist()
        small = {self._live[i].id for i in near if i != st.row and len(self._live[i].members) <= self.rejoin_size}
        return sorted(small)

    def _rejoin(self, st: _Story, small: Sequence[str]) -> _Story:
        """Merge into ``st`` each small story whose every article would join ``st`` now (its join similarity to it
        >= ``threshold``; a lower or higher bar did worse on dev); return the story that holds the article ``assign``
        placed."""
        for sid in small:
            other = self.stories.get(sid)
            if other is None or other is st or other.row < 0 or st.row < 0 or len(other.members) > self.rejoin_size:
                continue
            ms = self._member_list(other)
            if ms is None:
                continue
            row = np.array([st.row], dtype=np.int64)
            if all(float(self.similarities(np.asarray(m.vec, dtype=np.float32), m.ents, None, m.terms, row)[st.row])
                   >= self.threshold for m in ms):  # fmt: skip
                st = self._merge(st, other)
        return st

    # -- split check --------------------------------------------------------------------------
    def _keep_features(self, st: _Story, feats: Mapping[str, Member]) -> None:
        """Remember members' features while the story is small enough for a split check; forget them after."""
        if len(st.members) > self.split_max:
            st.feats.clear()
        else:
            st.feats.update(feats)

    def _member_list(self, st: _Story) -> list[Member] | None:
        """The members' features in arrival order (stored ones asked of ``member_features``), or None if unknown."""
        missing = [a for a in st.members if a not in st.feats]
        if missing and self.member_features is not None:
            got = self.member_features(missing)
            st.feats.update((a, got[a]._replace(terms=Terms(got[a].terms))) for a in missing if a in got)
        if any(a not in st.feats for a in st.members):
            return None
        return [st.feats[a] for a in st.members]

    def pair_similarities(self, ms: Sequence[Member]) -> np.ndarray:
        """Similarity of every two members, as ``similarities`` scores an article against a story of the other."""
        return pair_similarities(ms, self.entity_weight, self.lexical_weight, self.df, self.n_docs)

    def split_check(self, ms: Sequence[Member], sim: np.ndarray | None = None) -> list[int] | None:
        """The members (indices) that should leave the story, or None: two groups by average linkage, both of
        at least max(``split_group``, ``split_share`` of the members), and the mean similarity between them at
        most ``split_ratio`` times the mean within them (a smaller group of >= ``split_group``: at most
        ``split_small_ratio`` times); when that top cut sets only a few members apart, the best balanced cut along
        the Fiedler vector (``fiedler_cut``) at most ``split_fiedler`` times. The group with the first member
        stays. ``sim``: the members' ``pair_similarities`` if already computed."""
        n = len(ms)
        if sim is None:
            with self._one_blas_thread():
                sim = self.pair_similarities(ms)
        stay, leave = two_groups(sim)
        need = max(self.split_group, math.ceil(self.split_share * n))
        small = min(len(stay), len(leave))
        ratio = self.split_ratio if small >= need else self.split_small_ratio
        if small >= self.split_group and ratio > 0 and self._parted(sim, stay, leave, ratio):
            return leave
        if self.split_fiedler > 0 and small < need:
            with self._one_blas_thread():
                cut = fiedler_cut(sim, need)
            if cut is not None and self._parted(sim, *cut, self.split_fiedler):
                return cut[1]
        return self._figure_cut(ms, sim, need) if self.split_figures > 0 else None

    def _figure_cut(self, ms: Sequence[Member], sim: np.ndarray, need: int) -> list[int] | None:
        """The members that leave when their stated figures part the story (twin events: "5.6" / "5.9"): the best
        cut (average linkage, or the Fiedler cut when that peels fewer than ``need``) of the similarity plus
        ``figure_weight`` times the key figures' cosine (``figure_similarities``), kept if, over the members that
        state key figures, their cosine within the two groups is >= ``figure_within`` and between them at most
        ``split_figures`` times that, and the similarity's between/within is at most ``split_figures_sim``."""
        fsim, states = figure_similarities(ms, self.figure_key)
        if int(states.sum()) < 2 * self.split_group:
            return None
        both = sim + self.figure_weight * fsim
        stay, leave = two_groups(both)
        if min(len(stay), len(leave)) < need:
            with self._one_blas_thread():
                cut = fiedler_cut(both, need)
            if cut is None:
                return None
            stay, leave = cut
        fa, fb = [i for i in stay if states[i]], [i for i in leave if states[i]]
        means = between_within(fsim, fa, fb) if len(fa) > 1 and len(fb) > 1 else None
        if means is None or means[1] < self.figure_within or means[0] > self.split_figures * means[1]:
            return None
        return leave if self._parted(sim, stay, leave, self.split_figures_sim) else None

    @staticmethod
    def _parted(sim: np.ndarray, a: Sequence[int], b: Sequence[int], ratio: float) -> bool:
        """Whether the mean similarity between two groups is at most ``ratio`` times the one within them."""
        means = between_within(sim, a, b)
        return means is not None and means[1] > 0 and means[0] <= ratio * means[1]

    @staticmethod
    def _apart(sim: np.ndarray, k: int, ratio: float) -> bool:
        """Whether the first ``k`` articles of a similarity matrix (one story) and the others (another story) are
        two groups: the mean similarity between them at most ``ratio`` times the mean within them (the pairs
        inside either story; False when neither has two members)."""
        means = between_within(sim, range(k), range(k, len(sim)))
        return means is not None and means[0] <= ratio * means[1]

    def _maybe_split(self, st: _Story, article_id: str) -> _Story:
        """Split ``st`` in two if its members form two groups (``split_check``); return the story that now
        holds ``article_id``."""
        ms = self._member_list(st)
        if ms is None:
            return st
        leave = self.split_check(ms)
        if leave is None:
            return st
        gone = set(leave)
        moved = [a for i, a in enumerate(st.members) if i in gone]
        st.members = [a for i, a in enumerate(st.members) if i not in gone]
        new_id, k = story_id_for(moved[0]), 2
        while new_id in self.stories or new_id in self.merged_into:  # an id once used by a merged-away story
            new_id, k = f"{story_id_for(moved[0])}-{k}", k + 1
        new = _Story(new_id, moved, st.vec_sum, Counter(), Counter(), None, None)
        new.feats = {a: st.feats.pop(a) for a in moved}
        new.issues = {a: st.issues.pop(a) for a in moved if a in st.issues}
        self._refill(st)
        self._refill(new)
        self.stories[new_id] = new
        self._matrix[st.row] = st.centroid()
        self._last[st.row] = np.nan if st.last is None else st.last
        if not self._dormant(new):
            self._append(new)
        for a in moved:
            self.split_to[a] = self._moved[a] = new_id
        self._changed.update((st.id, new_id))
        out = new if article_id in new.feats else st
        if self.merge_after_split and self.merge_threshold > 0 and new.row >= 0:
            rows = np.array([r for r in range(len(self._live)) if r not in (st.row, new.row)], dtype=np.int64)
            if len(rows):
                kept = self._maybe_merge(new, rows)
                if out is new:
                    out = kept
        return out

    def _refill(self, st: _Story) -> None:
        """A story's summed embedding, entity and term counts and time span, from its members' features."""
        ms = [st.feats[a] for a in st.members]
        st.vec_sum = np.sum([np.asarray(m.vec, dtype=np.float32) for m in ms], axis=0).astype(np.float32)
        terms: Counter[str] = Counter()
        st.entities = Counter()
        for m in ms:
            st.entities.update(m.ents)
            terms.update(m.terms)
        st.terms = Counter(dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[: self.story_terms]))
        st.tfw = {t: 1 + math.log(k) for t, k in st.terms.items() if k > 0}
        st.norm_docs = -1
        days = [m.day for m in ms if m.day is not None]
        st.first, st.last = (min(days), max(days)) if days else (None, None)

    def story_of(self, story_id: str) -> str:
        """The story that now holds the articles once given ``story_id`` (the same id unless it was merged away)."""
        while story_id in self.merged_into:
            story_id = self.merged_into[story_id]
        return story_id

    def final_story(self, article_id: str, story_id: str) -> str:
        """The story that now holds an article that ``assign`` put in ``story_id`` (after merges and splits)."""
        return self.story_of(self.split_to.get(article_id, story_id))

    def moved_articles(self) -> dict[str, str]:
        """Articles moved to another story by merges or splits since the last call (article -> story), then
        forget them."""
        out, self._moved = self._moved, {}
        return out

    def changed_states(self) -> list[StoryState]:
        """States of the stories touched since the last call (to persist), then forget them."""
        out = [self._state(self.stories[i]) for i in self.stories if i in self._changed]
        # stories merged away: an empty state tells the store to drop them
        out += [StoryState(id=i, members=(), centroid=()) for i in sorted(self._removed)]
        self._changed, self._removed = set(), set()
        return out

    def changed_df(self) -> tuple[int, dict[str, int]]:
        """The number of articles counted and the document frequencies changed since the last call."""
        out = {t: self.df[t] for t in sorted(self._df_changed)}
        self._df_changed = set()
        return self.n_docs, out

    @staticmethod
    def _state(s: _Story) -> StoryState:
        iso = lambda d: date.fromordinal(d).isoformat() if d is not None else None  # noqa: E731
        return StoryState(
            id=s.id, members=tuple(s.members), centroid=tuple(float(x) for x in s.centroid()),
            entities=tuple(s.entities.most_common(60)), first=iso(s.first), last=iso(s.last),
            terms=tuple(sorted(s.terms.items(), key=lambda kv: (-kv[1], kv[0]))),
        )  # fmt: skip
