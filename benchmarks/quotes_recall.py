"""Missed indirect attributions on PolNeAR train without any candidate (two-fold CV inside train, as
``quotes_polnear.py --cv``): a gold attribution that no prediction matches at 0.3 and that no hand-rule
output (nested ones kept) nor any learned-cue candidate (``cue_candidates``, before the model)
overlaps by more than 0.3. These are grouped by construction of the gold cue: its head word's part of
speech, dependency and lemma, the content before or after the cue, a source or none, and a few
surface patterns (colon lead-in, 'according to', post-posed 'X, he said', 'in ... poll', 'reportedly').
Never reads held-out. Run: ``nice -n 10 .venv/bin/python benchmarks/quotes_recall.py [N]`` (N
examples per class)."""

from __future__ import annotations

import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import load_jsonl  # noqa: E402
from benchmarks.quotes_polnear import DATA, Q, docs, gold_quotes, learn_cues, match, newsweave_preds  # noqa: E402
from newsweave.stages import quote_context as qc  # noqa: E402
from newsweave.stages import quote_direct as qd  # noqa: E402
from newsweave.stages import quote_learned as qr  # noqa: E402
from newsweave.stages.quotes import extract_quotes  # noqa: E402

DUMP = Path(__file__).resolve().parent / "results" / "quotes_recall_misses.json"  # (gitignored)


def cv_preds(arts: list[dict[str, Any]], ds: list[Any]) -> dict[int, list[Any]]:
    """Two-fold CV predictions of the product on train (settings of quotes_polnear.py's defaults)."""
    train = [i for i, a in enumerate(arts) if a["compartment"] == "train"]
    random.Random(5).shuffle(train)
    folds = [sorted(train[: len(train) // 2]), sorted(train[len(train) // 2 :])]
    saved = qr.LEARNED_CUES, qr.LEARNED_MODEL
    run = newsweave_preds(extract_quotes)
    out = {}
    for k in (0, 1):
        fit, test = folds[k], folds[1 - k]
        learned = learn_cues([arts[i] for i in fit], [ds[i] for i in fit], 3, 0.5, 1, 8.0, 3, 0.5, 0.3)
        qr.LEARNED_CUES, qr.LEARNED_MODEL = frozenset(learned["cues"]), learned.get("model")
        for i in test:
            out[i] = run(ds[i])
    qr.LEARNED_CUES, qr.LEARNED_MODEL = saved
    return out


def candidates(doc: Any) -> list[frozenset[int]]:
    """Every span the rules could offer: hand-rule output with nested ones, learned-cue candidates."""
    ctx = qc.Ctx(doc)
    qd.direct_quotes(ctx)
    found = list(extract_quotes(doc, learned=False, keep_nested=True))
    out = [frozenset(range(q.content.start, q.content.end)) for q in found]
    for _v, _key, (lo, hi), _s in qr.cue_candidates(ctx, found):
        out.append(frozenset(range(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))))
    return out


def construction(doc: Any, art: dict[str, Any], a: dict[str, Any]) -> tuple[str, str]:
    """(class, detail) of a gold attribution's cue."""
    text = art["text"]
    cue, con, src = a.get("cue"), a["content"], a.get("source")
    if not cue:
        return "no-cue", "-"
    ctext = cue[2].lower()
    toks = [t for t in doc if cue[0] <= t.idx < cue[1]]
    if not toks:
        return "cue-untokenised", ctext
    span = doc[toks[0].i : toks[-1].i + 1]
    head = span.root
    before = con[0] < cue[0]
    where = "before" if before else "after"
    between = text[cue[1] : con[0]] if not before else text[con[1] : cue[0]]
    s = "src" if src else "nosrc"
    if "according" in ctext:
        return "according", where
    if ctext.strip() in (":",) or between.strip().startswith(":") and not before:
        return "colon", f"{head.lemma_}/{head.pos_}"
    if head.pos_ == "ADP" or ctext.strip() in ("in", "for", "to", "from", "by", "on"):
        return f"prep:{head.lower_}", where
    if head.lemma_ in ("reportedly", "allegedly", "apparently", "purportedly", "supposedly"):
        return "adverb", head.lower_
    if head.pos_ == "VERB" and before:
        return f"verb-before/{s}", head.lemma_
    if head.pos_ in ("NOUN", "PROPN"):
        poss = any(c.dep_ == "poss" for c in head.lefts) or (
            src and src[1] <= cue[0] and text[src[1] - 2 : src[1]] in ("'s", "’s")
        )
        return f"noun/{'poss' if poss else s}/{head.dep_}", head.lemma_
    if head.pos_ == "ADJ":
        return f"adj/{s}", head.lemma_
    if head.pos_ in ("VERB", "AUX"):
        kids = {c.dep_ for c in head.children}
        what = "passive" if "auxpass" in kids else ("vb-" + head.dep_)
        return f"verb/{what}/{s}", head.lemma_
    return f"other:{head.pos_}/{s}", head.lemma_


def cv_missed(arts: list[dict[str, Any]], ds: list[Any]) -> Iterator[tuple[int, list[Any], set[int], list[Q], Any]]:
    """Two-fold CV inside train (the folds of ``quotes_polnear.py --cv``): for every test article with
    an indirect attribution missed at 0.3, (index, matched pairs, the missed ones' starts, predictions,
    the fold's model); the fold's learned cues are in force while it yields."""
    train = [i for i, a in enumerate(arts) if a["compartment"] == "train"]
    random.Random(5).shuffle(train)
    folds = [sorted(train[: len(train) // 2]), sorted(train[len(train) // 2 :])]
    saved = qr.LEARNED_CUES, qr.LEARNED_MODEL
    run = newsweave_preds(extract_quotes)
    try:
        for k in (0, 1):
            fit, test = folds[k], folds[1 - k]
            learned = learn_cues([arts[i] for i in fit], [ds[i] for i in fit], 3, 0.5, 1, 8.0, 3, 0.5, 0.3)
            qr.LEARNED_CUES, qr.LEARNED_MODEL = frozenset(learned["cues"]), learned.get("model")
            for i in test:
                preds = run(ds[i])
                pairs, missed, _left = match(gold_quotes(arts[i]), preds, 0.3)
                missed_ind = {g.start for g in missed if not g.direct}
                if missed_ind:
                    yield i, pairs, missed_ind, preds, learned.get("model")
    finally:
        qr.LEARNED_CUES, qr.LEARNED_MODEL = saved


def _chars_of(doc: Any, lo: int, hi: int) -> frozenset[int]:
    return frozenset(range(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])))


def scored_candidates(ctx: Any, hand: list[Any], model: dict[str, Any]) -> list[tuple[frozenset[int], float, str, Any]]:
    """Every learned-cue candidate of a doc with the model's probability (-1 for an act never scored):
    (content characters, probability, key, cue token)."""
    import math

    doc, out = ctx.doc, []
    for v, key, (lo, hi), subj in qr.cue_candidates(ctx, hand):
        if not qr.scorable(v, key):
            p = -1.0
        else:
            f = qr.candidate_features(ctx, v, key, lo, hi, subj, hand)
            p = 1 / (1 + math.exp(-(model["bias"] + sum(model["weights"].get(x, 0.0) for x in f))))
        out.append((_chars_of(doc, lo, hi), p, key, v))
    return out


def classify(n_ex: int, only: str | None) -> int:
    """Every missed indirect attribution on train (two-fold CV predictions), in classes: (taken) a
    prediction overlaps it > 0.3 but went to another gold attribution; (dropped) a hand-rule output
    overlaps it > 0.3 but was left out as nested or covered; (b) a learned candidate overlaps it > 0.3
    but the model scored it under the threshold (or it is an act never scored), by its probability;
    (c) a candidate or prediction overlaps it, but only <= 0.3 (a span too different); (a) nothing
    overlaps it at all, by construction of the gold cue."""

    arts = load_jsonl(DATA)
    ds = docs(arts)
    rnd = random.Random(0)
    top: Counter[str] = Counter()
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    n_missed = 0
    for i, _pairs, missed_ind, preds, model in cv_missed(arts, ds):
        art, doc = arts[i], ds[i]
        gold = gold_quotes(art)
        ctx = qc.Ctx(doc)
        qd.direct_quotes(ctx)
        hand = list(extract_quotes(doc, learned=False, keep_nested=True))
        hand_chars = [frozenset(range(q.content.start, q.content.end)) for q in hand]
        cands = [(c, p, key) for c, p, key, _v in scored_candidates(ctx, hand, model)]
        for a in art["attributions"]:
            if a["content"][0] not in missed_ind:
                continue
            g = next(x for x in gold if x.start == a["content"][0])
            n_missed += 1

            def ov(c: frozenset[int], g: Q = g) -> float:
                return len(g.chars & c) / len(g.chars)

            cue = a.get("cue") or [0, 0, ""]
            if any(ov(p.chars) > 0.3 for p in preds):
                cls, det = "taken", "-"
            elif any(ov(c) > 0.3 for c in hand_chars):
                cls, det = "dropped", "-"
            elif (best := max((c for c in cands if ov(c[0]) > 0.3), key=lambda c: c[1], default=None)) is not None:
                p = best[1]
                cls = "b:act" if p < 0 else f"b:p{min(int(p * 10), 2) / 10:.1f}"
                det = best[2].split("|")[1]
            elif (
                any(ov(p.chars) > 0 for p in preds)
                or any(ov(c) > 0 for c in hand_chars)
                or any(ov(c[0]) > 0 for c in cands)
            ):
                cls, det = "c", "pred" if any(ov(p.chars) > 0 for p in preds) else "cand"
            else:
                c2, det = construction(doc, art, a)
                cls = "a:" + c2
            top[cls.split(":")[0]] += 1
            if only and not f"{cls}:{det}".startswith(only):
                continue
            classes[cls][det] += 1
            t, (cs, ce) = art["text"], a["content"][:2]
            lo_, hi_ = min(cs, cue[0] or cs), max(ce, cue[1])
            src = (a.get("source") or [0, 0, "-"])[2]
            examples[cls].append(
                f"<{src}> [{det}] {t[max(0, lo_ - 40) : lo_]}{{{t[lo_:hi_][:200]}}}  CUE={cue[2]!r}".replace(
                    "\n", " | "
                )
            )
    print(f"indirect misses (CV) {n_missed}: " + ", ".join(f"{k} {v}" for k, v in top.most_common()))
    for cls, c in sorted(classes.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{sum(c.values()):5d}  {cls}: {', '.join(f'{k} {v}' for k, v in c.most_common(12))}")
        for x in rnd.sample(examples[cls], min(n_ex, len(examples[cls]))):
            print("         ", x[:330])
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--classes"]:  # (a) / (b) / (c) of every miss: classify(N, class prefix)
        return classify(int(sys.argv[2]) if len(sys.argv) > 2 else 3, sys.argv[3] if len(sys.argv) > 3 else None)
    n_ex = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    only = sys.argv[2] if len(sys.argv) > 2 else None  # a class (prefix) and optional detail: 'verb/vb-ROOT/src:say'
    arts = load_jsonl(DATA)
    ds = docs(arts)
    preds = cv_preds(arts, ds)
    rnd = random.Random(0)
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    n_missed = n_none = 0
    dump: list[list[int]] = []  # (article index, attribution index) of each candidate-less miss
    for i, p in preds.items():
        art, doc = arts[i], ds[i]
        gold = gold_quotes(art)
        _pairs, missed, _left = match(gold, p, 0.3)
        missed_ind = {g.start for g in missed if not g.direct}
        if not missed_ind:
            continue
        cands = candidates(doc)
        for a in art["attributions"]:
            if a["content"][0] not in missed_ind:
                continue
            g = next(x for x in gold if x.start == a["content"][0])
            n_missed += 1
            if any(len(g.chars & c) / len(g.chars) > 0.3 for c in cands):
                continue
            n_none += 1
            dump.append([i, art["attributions"].index(a)])
            cls, det = construction(doc, art, a)
            if only and not f"{cls}:{det}".startswith(only):
                continue
            classes[cls][det] += 1
            t, (cs, ce) = art["text"], a["content"][:2]
            cue = a.get("cue") or [cs, cs, ""]
            lo, hi = min(cs, cue[0]), max(ce, cue[1])
            src = (a.get("source") or [0, 0, "-"])[2]
            examples[cls].append(
                f"<{src}> [{det}] {t[max(0, lo - 40) : lo]}{{{t[lo:hi][:200]}}}  CUE={cue[2]!r}".replace("\n", " | ")
            )
    DUMP.write_text(json.dumps(dump))
    print(f"indirect misses (CV) {n_missed}, without any candidate {n_none}")
    for cls, c in sorted(classes.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{sum(c.values()):5d}  {cls}: {', '.join(f'{k} {v}' for k, v in c.most_common(12))}")
        for x in rnd.sample(examples[cls], min(n_ex, len(examples[cls]))):
            print("         ", x[:330])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
