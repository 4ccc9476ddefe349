"""Rival stories with a contrastive choice, against ECB+ twin-event over-merges (issue 4).

The critical decision of the stream is the first article of the second event of an ECB+ topic: the
clash penalty of cluster_names.py diverts many of them into a new story Y, but the event's later
articles still join the twin's older, bigger story A, whose plain similarity favours it. Here, when
an article clears the join threshold of A without the penalty but opens Y, Y and A become rivals
(``link=clash``; or, without the clash, ``link=near``: a join to A under threshold + ``near`` opens
Y instead; or ``link=shadow``: the clash diverts nothing, the article joins A as a seed, and a later
article that would join A but fits a seed at the threshold and better than A contrastively leaves
with the seed as Y). Later, when an article's best candidate has a rival among the candidates within
``margin``, it chooses between them contrastively, on what tells them apart rather than on the
plain similarity:

- ``emb``: the embedding, as the mean cosine to the members (vec . vec_sum / k: fair between a
  one-article story and a big one, whose centroid is smoother) or the centroid cosine;
- ``names``: share of the article's lead names among the names of one story the other lacks;
- ``terms``: TF-IDF cosine with the terms of one story the other lacks.

The pick joins if the best similarity of the group (without the clash penalty with ``raw_gate``)
clears the threshold. ``young`` adds a bias towards the smaller of two rivals; ``merge_rivals=False``
keeps the product's story merging from merging two rivals. Per run the script counts the links, the
links between stories opened by different gold events (``links_right``; the others split an event),
the contrastive choices and those that changed the plain pick. Dev topics only unless ``--heldout``:
orders as cluster_decisions.py draws them (file order + ``random.shuffle`` seeds 0..4; ``--first-seed
100 --seeds 10``: fresh shuffles only). ``base`` reproduces the product's clusterer exactly (same
stories as cluster_stream.run_stream on every order). Nothing here is in newsweave/.

    .venv/bin/python benchmarks/cluster_rivals.py [--seeds 5] [--first-seed 100] [--variants a,b]
        [--heldout] [--taxonomy]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cluster_names import NAME, NameClusterer  # noqa: E402
from benchmarks.cluster_stream import decision_taxonomy, default_params, features, score, topic  # noqa: E402
from benchmarks.common import SHARED, heldout, load_jsonl, machine, stamp  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.cluster import StoryClusterer, _day, _Story, content_terms  # noqa: E402


class RivalClusterer(NameClusterer):
    """NameClusterer (clash penalty) plus rival links and a contrastive choice between rivals."""

    def __init__(self, *, link: str = "clash", near: float = 0.0, margin: float = 0.1,
                 w_emb: float = 0.3, w_names: float = 0.3, w_terms: float = 0.4, emb: str = "mean",
                 raw_gate: bool = True, young: float = 0.0, merge_rivals: bool = True, **kw: Any) -> None:  # fmt: skip
        super().__init__(**kw)
        self.link, self.near, self.margin, self.emb, self.raw_gate = link, near, margin, emb, raw_gate
        self.w = (w_emb, w_names, w_terms)
        self.young, self.merge_rivals = young, merge_rivals  # bias towards the smaller of two rivals; merges
        self.rivals: dict[str, set[str]] = {}
        self.clashed: set[int] = set()  # live rows the clash penalty hit for the current article
        self.n_links = self.n_choices = self.n_switched = 0
        self.links: list[tuple[str, str]] = []  # (new story, the story it is a rival of)
        self.choice_log: list[tuple[str, str, str]] = []  # (article, plain best story, contrastive pick)
        self.seeds: dict[str, list[tuple[str, np.ndarray, tuple[str, ...], dict[str, int], int | None]]] = {}
        self.moved: dict[str, str] = {}  # seed article -> the story it left with (link=shadow)

    def clash(self, ents: tuple[str, ...], st: _Story) -> bool:
        out = super().clash(ents, st)
        if out:
            self.clashed.add(st.row)
        return out

    # -- the contrastive score of story s against story t ------------------------------------
    def _emb(self, vec: np.ndarray, st: _Story) -> float:
        if self.emb == "mean":
            return float(st.vec_sum @ vec) / len(st.members)
        return float(st.centroid() @ vec)

    @staticmethod
    def _names(st: _Story) -> set[str]:
        k = len(st.members)
        return {e for e, m in st.entities.items() if 2 * m >= k}

    def _only_terms(self, aw: dict[str, float], s: _Story, t: _Story) -> float:
        only = s.tfw.keys() - t.tfw.keys()
        if not only:
            return 0.0
        norm = math.sqrt(sum((s.tfw[x] * self._idf(x)) ** 2 for x in only))
        return sum(aw[x] * s.tfw[x] for x in only & aw.keys()) / norm if norm > 0 else 0.0

    def contrast(self, vec: np.ndarray, ents: tuple[str, ...], aw: dict[str, float], s: _Story, t: _Story) -> float:
        """> 0: the article fits s better than t on what tells them apart."""
        we, wn, wt = self.w
        d = we * (self._emb(vec, s) - self._emb(vec, t))
        if wn and ents:
            ns, nt = self._names(s), self._names(t)
            mine = ents[:8]
            d += wn * (sum(e in ns and e not in t.entities for e in mine)
                       - sum(e in nt and e not in s.entities for e in mine)) / len(mine)  # fmt: skip
        if wt and aw:
            d += wt * (self._only_terms(aw, s, t) - self._only_terms(aw, t, s))
        return d

    # -- streaming ----------------------------------------------------------------------------
    def assign(self, article_id: str, vec: np.ndarray, ents: tuple[str, ...] = (),
               published: str | None = None, terms: Mapping[str, int] | None = None) -> str:  # fmt: skip
        day = _day(published)
        self._advance_clock(day)
        if terms and ents:  # as NameClusterer.assign
            self.df.update(NAME + e for e in set(ents))
        if terms:
            self.n_docs += 1
            self.df.update(terms.keys())
            self._df_changed.update(terms.keys())
        self.clashed = set()
        sims = self.similarities(vec, ents, day, terms)
        raw = sims.copy()
        for r in self.clashed:
            raw[r] += self.clash_penalty
        if self.link == "shadow":  # the clash diverts nothing: it only marks the article as a seed
            sims = raw
        gate = raw if self.raw_gate else sims
        target: _Story | None = None
        rival_of: _Story | None = None
        if len(sims) and np.isfinite(sims).any():
            b = int(sims.argmax())
            best = self._live[b]
            group = [best] + [self.stories[x] for x in sorted(self.rivals.get(best.id, ()))
                              if x in self.stories and self.stories[x].row >= 0
                              and np.isfinite(sims[self.stories[x].row])
                              and sims[self.stories[x].row] >= sims[b] - self.margin]  # fmt: skip
            if len(group) > 1 and max(float(gate[s.row]) for s in group) >= self.threshold:
                aw = self.term_weights(terms)[0] if terms else {}
                pick = group[0]
                for s in group[1:]:
                    d = self.contrast(vec, ents, aw, s, pick)
                    d += self.young * ((len(s.members) < len(pick.members)) - (len(s.members) > len(pick.members)))
                    if d > 0:
                        pick = s
                self.n_choices += 1
                self.choice_log.append((article_id, best.id, pick.id))
                self.n_switched += pick is not best
                target = pick
            elif float(sims[b]) >= self.threshold:
                target = best
                if self.link == "near" and float(sims[b]) < self.threshold + self.near and not self.rivals.get(best.id):
                    target, rival_of = None, best  # a marginal join to a rival-free story opens a rival instead
            elif self.link == "clash" and float(raw.max()) >= self.threshold:
                rival_of = self._live[int(raw.argmax())]  # diverted by the clash
        if target is not None and self.link == "shadow":
            split = self._split(target, article_id, vec, ents, terms, day)
            if split is not None:
                return split
        if target is not None:
            st = target
            if self.link == "shadow" and st.row in self.clashed and len(self.seeds.get(st.id, [])) < 3:
                self.seeds.setdefault(st.id, []).append((article_id, vec, ents, dict(terms or {}), day))
            st.members.append(article_id)
            self._absorb(st, vec, Counter(ents), Counter(dict(terms or {})), day, day)
            self._changed.add(st.id)
            if self.merge_threshold > 0:
                near = np.flatnonzero(np.isfinite(sims))
                near = near[near != st.row]
                if not self.merge_rivals:  # a story is never merged with its rivals
                    riv = {self.stories[x].row for x in self.rivals.get(st.id, ()) if x in self.stories}
                    near = np.array([r for r in near.tolist() if r not in riv], dtype=int)
                if len(near):
                    st = self._maybe_merge(st, near)
            return st.id
        st = self._open(article_id, vec, ents, terms, day)
        if rival_of is not None:
            self._link(st, rival_of)
        return st.id

    def _link(self, y: _Story, a: _Story) -> None:
        self.n_links += 1
        self.links.append((y.id, a.id))
        self.rivals.setdefault(y.id, set()).add(a.id)
        self.rivals.setdefault(a.id, set()).add(y.id)

    def _split(self, a: _Story, article_id: str, vec: np.ndarray, ents: tuple[str, ...],
               terms: Mapping[str, int] | None, day: int | None) -> str | None:  # fmt: skip
        """``link=shadow``: an article about to join story A that fits one of A's seeds (members the clash
        fired against when they joined) at the threshold and better than A on what tells them apart
        leaves with the seed as a new story, A's rival."""
        seeds = self.seeds.get(a.id)
        if not seeds:
            return None
        aw, idf = self.term_weights(terms) if terms else ({}, {})
        ew, lw = self.entity_weight, self.lexical_weight
        best = None
        for j, (sid, svec, sents, sterms, sday) in enumerate(seeds):
            one = _Story("seed", [sid], svec.astype(np.float32).copy(), Counter(sents), Counter(sterms), sday, sday)
            one.tfw = {t: 1 + math.log(k) for t, k in one.terms.items()}
            ent = StoryClusterer._entity_overlap(ents, one) if ents else 0.0
            sim = (1 - ew - lw) * float(one.centroid() @ vec) + ew * ent + lw * self._lexical(aw, one, idf)
            if sim >= self.threshold and self.contrast(vec, ents, aw, one, a) > 0 and (best is None or sim > best[0]):
                best = (sim, j)
        if best is None:
            return None
        sid, svec, sents, sterms, sday = seeds.pop(best[1])
        a.members.remove(sid)
        a.vec_sum = a.vec_sum - svec
        a.entities = Counter({k: v for k, v in (a.entities - Counter(sents)).items() if v > 0})
        a.terms = Counter({k: v for k, v in (a.terms - Counter(sterms)).items() if v > 0})
        a.tfw, a.norm_docs = {t: 1 + math.log(k) for t, k in a.terms.items()}, -1
        self._matrix[a.row] = a.centroid()
        y = self._open(sid, svec, sents, sterms, sday)
        y.members.append(article_id)
        self._absorb(y, vec, Counter(ents), Counter(dict(terms or {})), day, day)
        self.moved[sid] = y.id
        self._link(y, a)
        return y.id


CLASH = {"clash_penalty": 0.05}  # cluster_names.py's "clash any kind / 0.05"
EVERY = {"clash_penalty": 0.1, "clash_all": True, "absent_share": 0.2}  # its best dev rule
EVERY_ONLY = {"clash_penalty": 0.1, "clash_all": True}
VARIANTS: dict[str, dict[str, Any]] = {
    "base": {"link": "none"},
    "clash 0.05 alone": {**CLASH, "link": "none"},
    "clash 0.05 + rivals / mean emb + names + terms": {**CLASH},
    "clash 0.05 + rivals; margin 0.05": {**CLASH, "margin": 0.05},
    "clash 0.05 + rivals; margin 0.2": {**CLASH, "margin": 0.2},
    "clash 0.05 + rivals; any rival candidate (margin 1)": {**CLASH, "margin": 1.0},
    "clash 0.05 + rivals; centroid emb": {**CLASH, "emb": "centroid"},
    "clash 0.05 + rivals; emb only": {**CLASH, "w_names": 0.0, "w_terms": 0.0},
    "clash 0.05 + rivals; names only": {**CLASH, "w_emb": 0.0, "w_terms": 0.0},
    "clash 0.05 + rivals; terms only": {**CLASH, "w_emb": 0.0, "w_names": 0.0},
    "clash 0.05 + rivals; penalised gate": {**CLASH, "raw_gate": False},
    "clash 0.1 + rivals": {"clash_penalty": 0.1},
    "clash 0.15 + rivals": {"clash_penalty": 0.15},
    "clash any kind; 2 lead names 0.15 + rivals": {"clash_penalty": 0.15, "lead": 2},
    "clash every kind 0.1 alone": {**EVERY_ONLY, "link": "none"},
    "clash every kind 0.1 + rivals": EVERY_ONLY,
    "clash every kind 0.2 alone": {**EVERY_ONLY, "clash_penalty": 0.2, "link": "none"},
    "clash every kind 0.2 + rivals": {**EVERY_ONLY, "clash_penalty": 0.2},
    "clash every kind 0.1 + rivals; never merged; young 0.06": {**EVERY_ONLY, "merge_rivals": False, "young": 0.06},
    "clash every kind; absent under 20 % 0.1 alone": {**EVERY, "link": "none"},
    "clash every kind; absent under 20 % 0.05 + rivals": {**EVERY, "clash_penalty": 0.05},
    "clash every kind; absent under 20 % 0.1 + rivals": EVERY,
    "every/absent 20 % 0.05 + rivals; never merged": {**EVERY, "clash_penalty": 0.05, "merge_rivals": False},
    "every/absent 20 % 0.1 + rivals; rivals never merged": {**EVERY, "merge_rivals": False},
    "every/absent 20 % 0.2 + rivals; never merged": {**EVERY, "clash_penalty": 0.2, "merge_rivals": False},
    "every/absent 20 % 0.3 + rivals; never merged": {**EVERY, "clash_penalty": 0.3, "merge_rivals": False},
    "every/absent 20 % 0.1 + rivals; young 0.03": {**EVERY, "young": 0.03},
    "every/absent 20 % 0.1 + rivals; young 0.06": {**EVERY, "young": 0.06},
    "every/absent 20 % 0.1 + rivals; young 0.1": {**EVERY, "young": 0.1},
    "every/absent 20 % 0.1 + rivals; young 0.06; margin 0.2": {**EVERY, "young": 0.06, "margin": 0.2},
    "every/absent 20 % 0.1 + rivals; never merged; young 0.06": {**EVERY, "merge_rivals": False, "young": 0.06},
    "every/absent 20 % 0.1 + rivals; terms only": {**EVERY, "w_emb": 0.0, "w_names": 0.0},
    "every/absent 20 % 0.1 + rivals; centroid emb": {**EVERY, "emb": "centroid"},
    "shadow seeds; clash any kind (0.05)": {**CLASH, "link": "shadow"},
    "shadow seeds; clash every kind": {**EVERY_ONLY, "link": "shadow"},
    "shadow seeds; every kind; absent under 20 %": {**EVERY, "link": "shadow"},
    "shadow seeds; every kind; absent under 20 %; never merged": {**EVERY, "link": "shadow", "merge_rivals": False},
    "near 0.05 rivals (no clash)": {"link": "near", "near": 0.05},
    "near 0.1 rivals (no clash)": {"link": "near", "near": 0.1},
    "near 0.05 rivals + clash 0.05": {**CLASH, "link": "near", "near": 0.05},
}


def orders(part: list[int], seeds: int, first_seed: int) -> list[list[int]]:
    """cluster_decisions.py's orders: the file order and random.shuffle seeds, or fresh shuffles only."""
    out = [list(part)] if first_seed == 0 else []
    for sd in range(first_seed, first_seed + seeds):
        idx = list(part)
        random.Random(sd).shuffle(idx)
        out.append(idx)
    return out


def run(o: list[int], data: tuple, kw: dict[str, Any]) -> tuple[list[str], RivalClusterer]:
    records, vecs, ents, terms = data
    c = RivalClusterer(**kw)
    pred = [c.assign(records[i]["id"], vecs[i], ents[i], records[i].get("published"), terms[i]) for i in o]
    pred = [c.moved.get(records[i]["id"], p) for i, p in zip(o, pred, strict=True)]
    return [c.story_of(p) for p in pred], c


def links_right(c: RivalClusterer, records: list[dict]) -> int:
    """Rival links between stories opened by articles of different gold events (the rest split an event)."""
    ev = {r["id"]: r["event"] for r in records}
    first = lambda sid: ev[c.stories[c.story_of(sid)].members[0]] if c.story_of(sid) in c.stories else None  # noqa: E731
    return sum(first(y) != first(a) for y, a in c.links)


def choice_outcomes(c: RivalClusterer, records: list[dict]) -> Counter[str]:
    """Each contrastive choice against the plain pick: right when the story was opened by the article's event."""
    ev = {r["id"]: r["event"] for r in records}
    out: Counter[str] = Counter()
    for a, plain, pick in c.choice_log:
        ok = [ev[c.stories[c.story_of(s)].members[0]] == ev[a] if c.story_of(s) in c.stories else False
              for s in (plain, pick)]  # fmt: skip
        out[f"plain {'right' if ok[0] else 'wrong'}, pick {'right' if ok[1] else 'wrong'}"] += 1
    return out


def taxonomy(o: list[int], records: list[dict], pred: list[str]) -> Counter[str]:
    """cluster_decisions.py's taxonomy of each decision, from the predicted stories (merges never fire here)."""
    return decision_taxonomy([records[i]["event"] for i in o], pred)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--first-seed", type=int, default=0, help="0: file order + shuffles 0..; else fresh shuffles only")
    ap.add_argument("--variants", help="keys of VARIANTS separated by commas (default: all)")
    ap.add_argument("--heldout", action="store_true", help="the held-out topics instead of dev (look once)")
    ap.add_argument("--taxonomy", action="store_true", help="also sort every decision by outcome")
    args = ap.parse_args()
    records = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
    vecs, ents = features(records)
    terms = [content_terms(r.get("title"), r.get("text") or "", Settings().cluster_lead_chars) for r in records]
    part = [i for i in range(len(records)) if heldout(topic(records[i]["event"])) == args.heldout]
    data = (records, vecs, ents, terms)
    ords = orders(part, args.seeds, args.first_seed)
    names = args.variants.split(",") if args.variants else list(VARIANTS)
    out: dict[str, Any] = {"part": "heldout" if args.heldout else "dev", "first_seed": args.first_seed,
                           "orders": len(ords), "params": default_params(), "results": {}}  # fmt: skip
    for name in names:
        kw = dict(default_params(), **VARIANTS[name])
        sc, links, right, choices, switched = [], [], [], [], []
        tax: Counter[str] = Counter()
        outcomes: Counter[str] = Counter()
        for o in ords:
            pred, c = run(o, data, kw)
            sc.append(score(o, records, pred))
            links.append(c.n_links)
            right.append(links_right(c, records))
            choices.append(c.n_choices)
            switched.append(c.n_switched)
            outcomes.update(choice_outcomes(c, records))
            if args.taxonomy:
                tax.update(taxonomy(o, records, pred))
        f1 = [x["bcubed_f1"] for x in sc]
        row = {"mean_f1": round(float(np.mean(f1)), 4), "sd": round(float(np.std(f1, ddof=1)), 4),
               "first_f1": round(f1[0], 4), "mean_p": round(float(np.mean([x["bcubed_p"] for x in sc])), 4),
               "mean_r": round(float(np.mean([x["bcubed_r"] for x in sc])), 4), "each": [round(x, 4) for x in f1],
               "links": links, "links_right": right, "choices": choices, "switched": switched,
               "choices_all_orders": dict(sorted(outcomes.items()))}  # fmt: skip
        if args.taxonomy:
            row["taxonomy"] = dict(sorted(tax.items()))
        out["results"][name] = row
        print(f"{name}: " + json.dumps({k: v for k, v in row.items() if k != "taxonomy"}), file=sys.stderr)
    out["when"] = stamp()
    out["machine"] = machine()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
