"""Round 15's error analysis of the missed indirect attributions on PolNeAR train (two-fold CV inside
train, the folds of ``quotes_polnear.py --cv``; never reads held-out): every indirect gold attribution
that no prediction matches at 0.3, with where the rules stand on it (``taken``: a prediction overlaps
it > 0.3 but went to another gold attribution; ``dropped``: a hand-rule output overlaps it but was
left out as nested or covered; ``model``: a learned candidate overlaps it but the model scored it under
the threshold, with its probability; ``near``: something overlaps it, <= 0.3; ``none``: nothing) and a
few shape tags of its gold cue (part of speech, dependency, 'according to', a belief verb, a
possessive noun source, a sentence-initial 'For X,', the cue inside the content, nested in another
attribution); the indirect pairs matched at 0.3 but not at 0.8, with the characters the
prediction lacks before and after the gold content; and the false positives (predictions no gold
attribution takes at 0.3), by origin (direct, hand rule, learned candidate with its key and probability)
with the share of the nearest gold content over them. Records go to a JSON file for reading.

    nice -n 10 .venv/bin/python benchmarks/quotes_missed.py [--seed 5] [--out /tmp/missed.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import load_jsonl  # noqa: E402
from benchmarks.quotes_polnear import DATA, docs, gold_quotes, learn_cues, match, newsweave_preds  # noqa: E402
from benchmarks.quotes_recall import scored_candidates  # noqa: E402
from newsweave.stages import quote_context as qc  # noqa: E402
from newsweave.stages import quote_direct as qd  # noqa: E402
from newsweave.stages import quote_learned as qr  # noqa: E402
from newsweave.stages.quotes import extract_quotes  # noqa: E402

BELIEF = frozenset(
    "believe think want hope expect fear feel worry doubt know consider plan intend wish prefer like "
    "support oppose favor agree disagree see understand suspect assume trust need".split()
)


def _tags(doc: Any, art: dict[str, Any], a: dict[str, Any]) -> list[str]:
    text, cue, con, src = art["text"], a.get("cue"), a["content"], a.get("source")
    tags = []
    if not cue:
        return ["nocue"]
    ct = cue[2].lower()
    toks = [t for t in doc if cue[0] <= t.idx < cue[1]]
    if not toks:
        return ["cue-untok"]
    head = doc[toks[0].i : toks[-1].i + 1].root
    tags.append(f"pos={head.pos_}")
    tags.append(f"dep={head.dep_}")
    tags.append(f"lemma={head.lemma_.lower()}")
    if "according" in ct:
        tags.append("according")
    if head.lemma_.lower() in BELIEF:
        tags.append("belief")
    if con[0] < cue[0]:
        tags.append("content-before-cue")
    if con[0] <= cue[0] < con[1]:
        tags.append("cue-in-content")
    if (
        src
        and head.pos_ == "NOUN"
        and (text[src[1] - 2 : src[1]] in ("'s", "’s") or src[2].lower() in ("his", "her", "their", "its", "our", "my"))
    ):
        tags.append("poss-noun")
    s = next(sp for sp in doc.sents if sp.start_char <= cue[0] < sp.end_char)
    if s.text.lower().startswith(("for ", "to ")) and cue[0] - s.start_char < 4:
        tags.append("for-X")
    if not src:
        tags.append("nosrc")
    others = [b for b in art["attributions"] if b is not a]
    if any(b["content"][0] <= con[0] and con[1] <= b["content"][1] for b in others):
        tags.append("inside-other")
    if any(b.get("cue") and con[0] <= b["cue"][0] < con[1] for b in others):
        tags.append("holds-other")
    return tags


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", default="/tmp/quotes_missed.json")
    args = ap.parse_args()
    arts = load_jsonl(DATA)
    ds = docs(arts)
    train = [i for i, a in enumerate(arts) if a["compartment"] == "train"]
    random.Random(args.seed).shuffle(train)
    folds = [sorted(train[: len(train) // 2]), sorted(train[len(train) // 2 :])]
    saved = qr.LEARNED_CUES, qr.LEARNED_MODEL
    run = newsweave_preds(extract_quotes)
    missed_recs: list[dict[str, Any]] = []
    bound_recs: list[dict[str, Any]] = []
    fp_recs: list[dict[str, Any]] = []
    for k in (0, 1):
        fit, test = folds[k], folds[1 - k]
        learned = learn_cues([arts[i] for i in fit], [ds[i] for i in fit], 3, 0.5, 1, 8.0, 3, 0.5, 0.3)
        model = learned["model"]
        qr.LEARNED_CUES, qr.LEARNED_MODEL = frozenset(learned["cues"]), model
        for i in test:
            art, doc = arts[i], ds[i]
            text = art["text"]
            gold = gold_quotes(art)
            preds = run(doc)
            pairs, missed, left = match(gold, preds, 0.3)
            ctx = qc.Ctx(doc)
            qd.direct_quotes(ctx)
            hand = list(extract_quotes(doc, learned=False, keep_nested=True))
            hand_chars = [frozenset(range(q.content.start, q.content.end)) for q in hand]
            by_start = {a["content"][0]: a for a in art["attributions"]}
            for g, p in pairs:
                if g.direct or len(g.chars & p.chars) / len(g.chars) > 0.8:
                    continue
                a = by_start[g.start]
                gs, ge = min(g.chars), max(g.chars) + 1
                ps, pe = min(p.chars), max(p.chars) + 1
                bound_recs.append({
                    "art": i, "ov": round(len(g.chars & p.chars) / len(g.chars), 2),
                    "lack_before": max(0, ps - gs), "lack_after": max(0, ge - pe),
                    "extra_before": max(0, gs - ps), "extra_after": max(0, pe - ge),
                    "hand": p.chars in hand_chars, "cue": (a.get("cue") or [0, 0, ""])[2],
                    "gold": text[gs:ge], "pred": text[ps:pe],
                    "ctx": text[max(0, min(gs, ps) - 80) : max(ge, pe) + 40],
                    "tags": _tags(doc, art, a),
                })  # fmt: skip
            cands = [(c, pr, key, v.text) for c, pr, key, v in scored_candidates(ctx, hand, model)]
            for p in left:  # the false positives: where each came from and what gold lies near it
                ps, pe = min(p.chars), max(p.chars) + 1
                cand = next((c for c in cands if c[0] <= p.chars and len(c[0]) > 0.8 * len(p.chars)), None)
                origin = "direct" if p.direct else "hand" if p.chars in hand_chars else "learned" if cand else "other"
                near = max(gold, key=lambda g: len(g.chars & p.chars), default=None)
                fp_recs.append({
                    "art": i, "origin": origin, "key": cand[2] if cand else "",
                    "p": round(cand[1], 2) if cand else None,
                    "pred": text[ps:pe][:300],
                    "gold_ov": round(len(near.chars & p.chars) / len(p.chars), 2) if near else 0.0,
                    "ctx": (text[max(0, ps - 150) : ps] + "{" + text[ps:pe][:300] + "}").replace("\n", " | "),
                })  # fmt: skip
            for g in missed:
                if g.direct:
                    continue
                a = by_start[g.start]

                def ov(c: frozenset[int], g: Any = g) -> float:
                    return len(g.chars & c) / len(g.chars)

                if any(ov(p.chars) > 0.3 for p in preds):
                    where, det = "taken", ""
                elif any(ov(c) > 0.3 for c in hand_chars):
                    where, det = "dropped", ""
                elif (best := max((c for c in cands if ov(c[0]) > 0.3), key=lambda c: c[1], default=None)) is not None:
                    where, det = "model", f"{best[2]} p={best[1]:.2f} v={best[3]}"
                elif (
                    any(ov(p.chars) > 0 for p in preds)
                    or any(ov(c) > 0 for c in hand_chars)
                    or any(ov(c[0]) > 0 for c in cands)
                ):
                    where, det = "near", ""
                else:
                    where, det = "none", ""
                cue, con = a.get("cue") or [a["content"][0]] * 2 + [""], a["content"]
                lo, hi = min(con[0], cue[0]), max(con[1], cue[1])
                missed_recs.append({
                    "art": i, "where": where, "det": det, "cue": cue[2],
                    "src": (a.get("source") or [0, 0, ""])[2], "content": con[2][:300],
                    "ctx": (text[max(0, lo - 100) : lo] + "{" + text[lo:hi][:300] + "}").replace("\n", " | "),
                    "tags": _tags(doc, art, a),
                })  # fmt: skip
    qr.LEARNED_CUES, qr.LEARNED_MODEL = saved
    Path(args.out).write_text(json.dumps({"missed": missed_recs, "bounds": bound_recs, "fps": fp_recs}, indent=1))
    print(
        f"missed indirect {len(missed_recs)}: "
        + ", ".join(f"{k} {v}" for k, v in Counter(r["where"] for r in missed_recs).most_common())
    )
    print("false positives:", ", ".join(f"{k} {v}" for k, v in Counter(r["origin"] for r in fp_recs).most_common()))
    tc: Counter[str] = Counter(t for r in missed_recs for t in r["tags"] if not t.startswith("lemma="))
    print("tags:", ", ".join(f"{k} {v}" for k, v in tc.most_common(40)))
    print(f"indirect pairs @0.3 not @0.8: {len(bound_recs)}; hand {sum(r['hand'] for r in bound_recs)}; "
          f"lack before only {sum(1 for r in bound_recs if r['lack_before'] and not r['lack_after'])}, after only "
          f"{sum(1 for r in bound_recs if r['lack_after'] and not r['lack_before'])}, both "
          f"{sum(1 for r in bound_recs if r['lack_after'] and r['lack_before'])}, neither (fragments) "
          f"{sum(1 for r in bound_recs if not r['lack_after'] and not r['lack_before'])}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
