"""Missed indirect attributions on PolNeAR train 'taken' by a prediction that went to another gold
attribution (two-fold CV inside train, as ``quotes_polnear.py --cv``): the taking prediction runs on
over the missed one. Grouped by where the taker comes from (hand rule or learned cue), where the
missed attribution's cue lies (inside the taker's content or not), and the dependency that joins the
missed cue's clause to the taker's content (conj, advcl, relcl ...). Never reads held-out. Run:
``nice -n 10 .venv/bin/python benchmarks/quotes_runover.py [N]`` (N examples per class)."""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import load_jsonl  # noqa: E402
from benchmarks.quotes_polnear import DATA, docs, gold_quotes  # noqa: E402
from benchmarks.quotes_recall import cv_missed  # noqa: E402
from newsweave.stages.quotes import extract_quotes  # noqa: E402


def main() -> int:
    n_ex = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    arts = load_jsonl(DATA)
    ds = docs(arts)
    classes: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for i, pairs, missed_ind, _preds, _model in cv_missed(arts, ds):
        art, doc = arts[i], ds[i]
        gold = gold_quotes(art)
        hand = {q.content.start for q in extract_quotes(doc, learned=False, keep_nested=True)}
        quotes = {q.content.start: q for q in extract_quotes(doc)}
        for a in art["attributions"]:
            if a["content"][0] not in missed_ind:
                continue
            g = next(x for x in gold if x.start == a["content"][0])
            taker = next(((ga, p) for ga, p in pairs if len(g.chars & p.chars) / len(g.chars) > 0.3), None)
            if taker is None:
                continue
            ga, p = taker
            q = quotes.get(p.start)
            src = "hand" if p.start in hand else "learned"
            if q is not None and q.direct:
                src = "direct"
            cue = a.get("cue")
            where, dep = "nocue", "-"
            if cue:
                toks = [t for t in doc if cue[0] <= t.idx < cue[1]]
                inside = bool(toks) and min(p.chars) <= toks[0].idx <= max(p.chars)
                where = "cue-in" if inside else "cue-out"
                if toks and inside:
                    t = doc[toks[0].i : toks[-1].i + 1].root
                    # climb to the child of the taker content's top token
                    while t.head.i != t.i and min(p.chars) <= t.head.idx <= max(p.chars):
                        if t.dep_ in ("conj", "advcl", "relcl", "acl", "parataxis", "ccomp", "xcomp"):
                            break
                        t = t.head
                    dep = t.dep_
            order = "A<B" if ga.start < g.start else "A>B"
            cls = f"{src} {where} {dep.split('/')[0]} {order}"
            classes[cls] += 1
            t_ = art["text"]
            lo, hi = min(p.chars), max(p.chars) + 1
            cue_txt = q.cue.text if q is not None and q.cue else "-"
            examples[cls].append(
                f"cue={cue_txt!r} P[{t_[lo:hi][:220]}]  B-cue={cue[2] if cue else '-'!r} "
                f"B[{t_[a['content'][0] : a['content'][1]][:120]}]".replace("\n", " | ")
            )
    rnd = random.Random(0)
    print(f"taken misses {sum(classes.values())}")
    for cls, n in classes.most_common():
        print(f"{n:5d}  {cls}")
        for x in rnd.sample(examples[cls], min(n_ex, len(examples[cls]))):
            print("         ", x[:400])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
