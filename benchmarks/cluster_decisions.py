"""Where the streaming clusterer goes wrong on the 961-article stream, and what was tried (issue 4).

Dev topics only (the split of cluster_stream.py; held-out is not read). Four parts:

1. ``taxonomy``: every join in the stream (file order + shuffles) sorted by outcome: right story,
   wrong story while the article's own event had no story yet (the first article of an ECB+ sibling
   event joining its twin's story), wrong story while its own story existed, or a new story.
2. ``pairs``: a teacher-forced stream (each article joins the story of its gold event) that records,
   for each article and its 5 best candidate stories, the similarity parts (embedding cosine to the
   centroid, entity overlap, term cosine), member-level scores (best member cosine, best member term
   cosine), the story's size, the norm of its summed embeddings over its size ("cohesion") and the
   mean similarity at which its members joined. ROC AUCs: same-event against sibling-event stories,
   and against the critical decisions (sibling story while the article's own event has none yet).
3. ``lr``: logistic regressions over those features, cross-validated by dev topic (GroupKFold 5).
4. ``variants``: F1 in the stream (dev, file order + 5 shuffles) of join rules built on them: a
   learned join score, the best member cosine in the similarity, a higher bar for tight stories,
   marginal joins that leave the story's centroid and terms as they were, splitting off an outlier
   member with a later article that fits it better than the story, and the last two together.

    .venv/bin/python benchmarks/cluster_decisions.py [--seeds 5] [--parts taxonomy,pairs,lr,variants]
        [--set split_ratio=0.8]   # clusterer parameters; the taxonomy then also counts the splits
        [--first-seed 100]   # fresh shuffles only: checks the variants on orders no choice was made on
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cluster_stream import decision_taxonomy, default_params, features, score, topic  # noqa: E402
from benchmarks.common import SHARED, heldout, load_jsonl, machine, stamp  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.cluster import StoryClusterer, _Story, content_terms  # noqa: E402

RECORDS = load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
VECS, ENTS = features(RECORDS)
TERMS = [content_terms(r.get("title"), r.get("text") or "", Settings().cluster_lead_chars) for r in RECORDS]
DEV = [i for i in range(len(RECORDS)) if not heldout(topic(RECORDS[i]["event"]))]
EVENT = {r["id"]: r["event"] for r in RECORDS}
P: dict[str, Any] = dict(default_params(), merge_threshold=0.0)  # merges off: a join counts where it is made


FIRST_SEED = 0  # 0: the file order and cluster_stream.py's shuffles; else fresh shuffles only (--first-seed)


def orders(part: list[int], seeds: int) -> list[list[int]]:
    """The file order and the shuffles cluster_stream.py reports (same seeds), or fresh shuffles."""
    out = [list(part)] if FIRST_SEED == 0 else []
    for sd in range(FIRST_SEED, FIRST_SEED + seeds):
        idx = list(part)
        random.Random(sd).shuffle(idx)
        out.append(idx)
    return out


def new_story(c: StoryClusterer, i: int) -> _Story:
    return c._open(RECORDS[i]["id"], VECS[i], ENTS[i], TERMS[i], None)


def parts(c: StoryClusterer, i: int, st: _Story, aw: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    """Embedding cosine, entity overlap and term cosine of article i to story st (the clusterer's own)."""
    return {"cos": float(st.centroid() @ VECS[i]), "ent": c._entity_overlap(ENTS[i], st) if ENTS[i] else 0.0,
            "lex": c._lexical(aw, st, idf)}  # fmt: skip


# -- 1. taxonomy ------------------------------------------------------------------------------
def taxonomy(seeds: int) -> dict[str, int]:
    out: Counter[str] = Counter()
    for o in orders(DEV, seeds):
        c = StoryClusterer(**P)
        sids: list[str] = []
        split_off: list[dict[str, str]] = []
        where: dict[str, str] = {}  # article -> its story now
        for i in o:
            sids.append(c.assign(RECORDS[i]["id"], VECS[i], ENTS[i], RECORDS[i].get("published"), TERMS[i]))
            split_off.append({})
            for a, sid in c.moved_articles().items():  # a split check parted a story: name its new half
                if sid not in split_off[-1] and c.stories[sid].members[0] == a:
                    split_off[-1][sid] = EVENT[a]
                    stay, gone = (Counter(EVENT[m] for m in c.stories[x].members).most_common(1)[0][0]
                                  for x in (c.story_of(where.get(a, sids[-1])), sid))  # fmt: skip
                    out["split: halves' main events differ" if stay != gone else "split: one event parted"] += 1
                where[a] = sid
            where.setdefault(RECORDS[i]["id"], sids[-1])
        out += decision_taxonomy([RECORDS[i]["event"] for i in o], sids, split_off)
    return dict(out)


# -- 2. teacher-forced pairs ------------------------------------------------------------------
def pairs(seeds: int) -> list[dict[str, Any]]:
    rows = []
    for oi, o in enumerate(orders(DEV, seeds)):
        c = StoryClusterer(**dict(P, threshold=-9.0))
        by_event: dict[str, _Story] = {}
        event_of: dict[str, str] = {}
        members: dict[str, list[tuple[np.ndarray, dict[str, float]]]] = {}
        joined: dict[str, list[float]] = {}
        for i in o:
            ev = RECORDS[i]["event"]
            c.n_docs += 1
            c.df.update(TERMS[i].keys())
            sims = c.similarities(VECS[i], ENTS[i], None, TERMS[i])
            aw, idf = c.term_weights(TERMS[i])
            unit = {t: w / idf[t] for t, w in aw.items()}  # the article's own unit TF-IDF vector
            cand = np.flatnonzero(np.isfinite(sims))
            for r in cand[np.argsort(-sims[cand])][:5].tolist():
                st = c._live[r]
                k = len(st.members)
                mem = members[st.id]
                sev = event_of[st.id]
                rows.append({
                    "order": oi, "event": ev, "k": k, "sim": float(sims[r]), **parts(c, i, st, aw, idf),
                    "pos": int(sev == ev), "sib": int(sev != ev and topic(sev) == topic(ev)),
                    "new": int(ev not in by_event),
                    "mc1": float(max(float(v @ VECS[i]) for v, _ in mem)),
                    "ml1": max(sum(unit[t] * w for t, w in m.items() if t in unit) for _, m in mem),
                    "coh": float(np.linalg.norm(st.vec_sum)) / k,
                    "mjs": float(np.mean(joined[st.id])) if joined.get(st.id) else float("nan"),
                })  # fmt: skip
            if ev in by_event:
                st = by_event[ev]
                joined.setdefault(st.id, []).append(float(sims[st.row]))
                st.members.append(RECORDS[i]["id"])
                c._absorb(st, VECS[i], Counter(ENTS[i]), Counter(TERMS[i]), None, None)
            else:
                st = by_event[ev] = new_story(c, i)
                event_of[st.id] = ev
            members.setdefault(st.id, []).append((VECS[i], unit))
    return rows


def aucs(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    from sklearn.metrics import roc_auc_score

    out: dict[str, dict[str, float]] = {}
    sib = [r for r in rows if r["pos"] or r["sib"]]
    crit = [r for r in rows if r["k"] >= 2 and (r["pos"] or (r["sib"] and r["new"]))]
    for r in rows:
        r["tight"] = r["sim"] - 0.5 * max(0.0, (r["mjs"] if r["mjs"] == r["mjs"] else 0.4) - 0.4)
    for f in ("sim", "cos", "ent", "lex", "mc1", "ml1", "tight"):
        out[f] = {
            "same_vs_sibling": round(float(roc_auc_score([r["pos"] for r in sib], [r[f] for r in sib])), 4),
            "same_vs_critical": round(float(roc_auc_score([r["pos"] for r in crit], [r[f] for r in crit])), 4),
        }
    out["_counts"] = {"rows": len(rows), "same_vs_sibling": len(sib),
                      "critical_sibling_rows": sum(1 for r in crit if not r["pos"])}  # fmt: skip
    return out


# -- 3. logistic regressions ------------------------------------------------------------------
LR_SETS = {"cos+ent+lex": ["cos", "ent", "lex"], "+members": ["cos", "ent", "lex", "mc1", "ml1"],
           "+size+cohesion": ["cos", "ent", "lex", "coh", "lk"],
           "all": ["cos", "ent", "lex", "mc1", "ml1", "coh", "lk"]}  # fmt: skip


def lr(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    y = np.array([r["pos"] for r in rows])
    groups = [topic(r["event"]) for r in rows]
    sib = np.array([bool(r["pos"] or r["sib"]) for r in rows])
    sim = np.array([r["sim"] for r in rows])
    base = {"all": round(float(roc_auc_score(y, sim)), 4),
            "same_vs_sibling": round(float(roc_auc_score(y[sib], sim[sib])), 4)}  # fmt: skip
    out: dict[str, Any] = {"sum_as_configured": base}
    for name, cols in LR_SETS.items():
        x = np.array([[math.log(r["k"]) if f == "lk" else r[f] for f in cols] for r in rows])
        p = np.zeros(len(rows))
        for tr, te in GroupKFold(5).split(x, y, groups):
            p[te] = LogisticRegression(max_iter=3000).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
        full = LogisticRegression(max_iter=3000).fit(x, y)
        out[name] = {"all": round(float(roc_auc_score(y, p)), 4),
                     "same_vs_sibling": round(float(roc_auc_score(y[sib], p[sib])), 4),
                     "coef": [round(float(v), 3) for v in full.coef_[0]],
                     "intercept": round(float(full.intercept_[0]), 3)}  # fmt: skip
    return out


# -- 4. join rules in the stream --------------------------------------------------------------
class Variant(StoryClusterer):
    """The clusterer with one experimental join rule (``rule``); ``knobs`` are its parameters."""

    rule: str = "base"
    knobs: dict[str, float] = {}  # noqa: RUF012

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.mem: dict[str, list[np.ndarray]] = {}
        self.joined: dict[str, list[float]] = {}
        self.seeds_of: dict[str, list[int]] = {}
        self.moved: dict[str, str] = {}
        self.splits = 0
        self.cur = -1  # index of the article being assigned
        self.raw = np.zeros(0)

    def similarities(self, vec, ents=(), day=None, terms=None, rows=None):  # type: ignore[no-untyped-def]
        sims = super().similarities(vec, ents, day, terms, rows)
        if rows is not None or not len(sims):
            return sims
        self.raw = sims.copy()
        kn = self.knobs
        aw, idf = self.term_weights(TERMS[self.cur]) if self.rule == "learned" else ({}, {})
        for r in np.flatnonzero(np.isfinite(sims)).tolist():
            st = self._live[r]
            if self.rule == "learned":  # logistic regression over the three parts replaces the weighted sum
                f = parts(self, self.cur, st, aw, idf)
                sims[r] = kn["b"] + kn["cos"] * f["cos"] + kn["ent"] * f["ent"] + kn["lex"] * f["lex"]
            elif self.rule == "member":  # part of the centroid cosine replaced by the best member cosine
                best = float(max(float(m @ vec) for m in self.mem[st.id]))
                cw = 1 - self.entity_weight - self.lexical_weight
                sims[r] += cw * kn["share"] * (best - float(self._matrix[r] @ vec))
            elif self.rule in ("tight", "tight+split"):  # a higher bar for stories whose members joined high
                js = self.joined.get(st.id)
                m = float(np.mean(js)) if js else kn["c0"]
                sims[r] -= kn["gamma"] * max(0.0, m - kn["c0"])
        return sims

    def _absorb(self, st, vec, ents, terms, first, last):  # type: ignore[no-untyped-def]
        if self.rule == "core" and len(self.raw) and float(self.raw.max()) < self.threshold + self.knobs["margin"]:
            # a marginal join: the article is a member but does not move the story's centroid or terms
            if self.knobs.get("entities"):
                st.entities.update(ents)
            return
        super()._absorb(st, vec, ents, terms, first, last)

    def assign_i(self, i: int) -> str:
        self.cur = i
        n0 = len(self.stories)
        sid = self.assign(RECORDS[i]["id"], VECS[i], ENTS[i], RECORDS[i].get("published"), TERMS[i])
        if len(self.stories) == n0:
            st = self.stories[sid]
            raw = float(self.raw[st.row])
            if self.rule in ("split", "tight+split"):
                out = self._split(st, i, raw)
                if out is not None:
                    return out
            self.joined.setdefault(sid, []).append(raw)
        self.mem.setdefault(sid, []).append(VECS[i])
        return sid

    def _split(self, st: _Story, i: int, raw: float) -> str | None:
        """Outlier members (joined this much under the story's mean) are kept as seeds; an article that
        fits a seed better than the story leaves with it as a new story."""
        kn, best = self.knobs, None
        aw, idf = self.term_weights(TERMS[i])
        for j, s in enumerate(self.seeds_of.get(st.id, [])):
            one = _Story("seed", [RECORDS[s]["id"]], VECS[s].copy(), Counter(ENTS[s]), Counter(TERMS[s]), None, None)
            one.tfw = {t: 1 + math.log(n) for t, n in one.terms.items()}
            f = parts(self, i, one, aw, idf)
            ew, lw = self.entity_weight, self.lexical_weight
            ss = (1 - ew - lw) * f["cos"] + ew * f["ent"] + lw * f["lex"]
            if ss >= self.threshold and ss > raw + kn["mu"] and (best is None or ss > best[0]):
                best = (ss, j)
        js = self.joined.get(st.id, [])
        if best is None:
            if js and raw < float(np.mean(js)) - kn["delta"] and len(self.seeds_of.get(st.id, [])) < 4:
                self.seeds_of.setdefault(st.id, []).append(i)
            return None
        s = self.seeds_of[st.id].pop(best[1])
        for a in (s, i):  # both leave the story
            st.members.remove(RECORDS[a]["id"])
            st.vec_sum = st.vec_sum - VECS[a]
            st.entities.subtract(Counter(ENTS[a]))
            st.terms.subtract(Counter(TERMS[a]))
        st.entities = Counter({k: v for k, v in st.entities.items() if v > 0})
        st.terms = Counter({k: v for k, v in st.terms.items() if v > 0})
        st.tfw, st.norm_docs = {t: 1 + math.log(n) for t, n in st.terms.items()}, -1
        self._matrix[st.row] = st.centroid()
        ns = new_story(self, s)
        ns.members.append(RECORDS[i]["id"])
        self._absorb(ns, VECS[i], Counter(ENTS[i]), Counter(TERMS[i]), None, None)
        self.moved[RECORDS[s]["id"]] = ns.id
        self.joined[ns.id] = [best[0]]
        self.mem[ns.id] = [VECS[s], VECS[i]]
        self.splits += 1
        return ns.id


def stream(rule: str, knobs: dict[str, float], seeds: int, **over: Any) -> dict[str, Any]:
    f1, p, r, splits = [], [], [], []
    for o in orders(DEV, seeds):
        c = Variant(**dict(P, **over))
        c.rule, c.knobs = rule, knobs
        pred = [c.assign_i(i) for i in o]
        pred = [c.moved.get(RECORDS[i]["id"], x) for i, x in zip(o, pred, strict=True)]
        s = score(o, RECORDS, pred)
        f1.append(s["bcubed_f1"])
        p.append(s["bcubed_p"])
        r.append(s["bcubed_r"])
        splits.append(c.splits)
    return {"mean_f1": round(float(np.mean(f1)), 4), "sd": round(float(np.std(f1, ddof=1)), 4),
            "file_order_f1": round(f1[0], 4), "mean_p": round(float(np.mean(p)), 4),
            "mean_r": round(float(np.mean(r)), 4), "each": [round(x, 4) for x in f1],
            **({"splits": splits} if "split" in rule else {})}  # fmt: skip


def variants(seeds: int, coef: dict[str, float]) -> dict[str, Any]:
    res: dict[str, Any] = {"base": stream("base", {}, seeds)}
    for th in (-2.0, -1.5, -1.0):
        res[f"learned threshold {th}"] = stream("learned", coef, seeds, threshold=th)
    for share, th in itertools.product((0.5, 1.0), (0.275, 0.3)):
        res[f"member share {share} threshold {th}"] = stream("member", {"share": share}, seeds, threshold=th)
    for g, c0 in itertools.product((0.25, 0.5), (0.3, 0.4, 0.5)):
        res[f"tight gamma {g} c0 {c0}"] = stream("tight", {"gamma": g, "c0": c0}, seeds)
    for m, e in itertools.product((0.05, 0.1, 0.15, 0.2), (0, 1)):
        res[f"core margin {m} entities {e}"] = stream("core", {"margin": m, "entities": e}, seeds)
    for d, mu in itertools.product((0.05, 0.1, 0.2), (0.0, 0.05)):
        res[f"split delta {d} mu {mu}"] = stream("split", {"delta": d, "mu": mu}, seeds)
    for g, c0, d, mu in ((0.25, 0.4, 0.2, 0.0), (0.5, 0.5, 0.2, 0.0), (0.25, 0.4, 0.05, 0.05)):
        knobs = {"gamma": g, "c0": c0, "delta": d, "mu": mu}
        res[f"tight gamma {g} c0 {c0} + split delta {d} mu {mu}"] = stream("tight+split", knobs, seeds)
    for k, v in res.items():
        print(k, v, file=sys.stderr)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=5, help="shuffled arrival orders besides the file order")
    ap.add_argument("--parts", default="taxonomy,pairs,lr,variants")
    ap.add_argument("--first-seed", type=int, default=0,
                    help="shuffles from this seed on, no file order (100: orders no choice was made on)")  # fmt: skip
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                    help="clusterer parameters for every part, e.g. split_ratio=0.8 (the split check)")  # fmt: skip
    args = ap.parse_args()
    for kv in args.set:
        k, v = kv.split("=", 1)
        P[k] = float(v) if "." in v else int(v)
    global FIRST_SEED
    FIRST_SEED = args.first_seed
    todo = set(args.parts.split(","))
    out: dict[str, Any] = {"params": P, "dev_articles": len(DEV), "first_seed": FIRST_SEED}
    if "taxonomy" in todo:
        out["taxonomy"] = taxonomy(args.seeds)
    coef = {"b": -6.74, "cos": 5.54, "ent": 2.94, "lex": 7.12}  # an earlier fit on similar rows; --parts lr refits
    if todo & {"pairs", "lr"}:
        rows = pairs(2)  # file order + 2 shuffles: enough rows, and quick
        out["pairs_auc"] = aucs(rows)
        out["lr"] = lr(rows)
        c3 = out["lr"]["cos+ent+lex"]
        coef = {"b": c3["intercept"], **dict(zip(("cos", "ent", "lex"), c3["coef"], strict=True))}
    if "variants" in todo:
        out["learned_coef"] = coef
        out["variants"] = variants(args.seeds, coef)
    out["when"] = stamp()
    out["machine"] = machine()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
