"""Indirect attributions on PolNeAR train whose gold cue is a noun, an adjective or a light-verb act
('made clear', 'took the position', 'expressed concern', 'his view', 'the claim', 'in a statement'),
as the two-fold CV predictions inside train (``quotes_polnear.py --cv``'s folds) handle them: missed
at 0.3, or matched at 0.3 but not at 0.8, per cue class, and whether a learned-cue candidate
(``cue_candidates``, before the model) with its cue word inside the gold cue overlaps the content.
Never reads held-out. Run: ``nice -n 10 .venv/bin/python benchmarks/quotes_nouncues.py [N]`` (N
examples per class)."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import load_jsonl  # noqa: E402
from benchmarks.quotes_polnear import DATA, docs, gold_quotes, match  # noqa: E402
from benchmarks.quotes_recall import cv_preds  # noqa: E402
from newsweave.stages import quote_context as qc  # noqa: E402
from newsweave.stages import quote_direct as qd  # noqa: E402
from newsweave.stages import quote_learned as qr  # noqa: E402
from newsweave.stages.quotes import extract_quotes  # noqa: E402


def cue_class(doc, cue: list) -> str | None:  # type: ignore[no-untyped-def]
    toks = [t for t in doc if cue[0] <= t.idx < cue[1]]
    if not toks:
        return None
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
    other = [t for t in toks if t.pos_ in ("NOUN", "ADJ", "PROPN")]
    if toks[0].lower_ == "in" and other:
        return "in:" + other[-1].lower_
    if verbs and other:
        return f"act:{verbs[0].lower_}+{other[-1].lower_}"
    if not verbs and other:
        return f"{other[-1].pos_.lower()}:{other[-1].lower_}"
    return None


def main() -> int:
    n_ex = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    arts = load_jsonl(DATA)
    ds = docs(arts)
    preds = cv_preds(arts, ds)
    classes: Counter[str] = Counter()
    words: dict[str, Counter[str]] = defaultdict(Counter)
    ex: dict[str, list[str]] = defaultdict(list)
    for i, pr in preds.items():
        art, doc = arts[i], ds[i]
        gold = gold_quotes(art)
        cues = {a["content"][0]: a.get("cue") for a in art["attributions"]}
        p3, missed, _l = match(gold, pr, 0.3)
        p8, _m, _l = match(gold, pr, 0.8)
        at8 = {g.start for g, _p in p8}
        ctx = qc.Ctx(doc)
        qd.direct_quotes(ctx)
        found = list(extract_quotes(doc, learned=False, keep_nested=True))
        cands = qr.cue_candidates(ctx, found)
        rows = [(g, "miss") for g in missed] + [(g, "short") for g, p in p3 if g.start not in at8 and p.chars < g.chars]
        for g, how in rows:
            cue = cues.get(g.start)
            if g.direct or not cue:
                continue
            cls = cue_class(doc, cue)
            if cls is None:
                continue
            kind = cls.split(":")[0]
            has = [
                key
                for v, key, (lo, hi), _s in cands
                if cue[0] <= v.idx < cue[1]
                and len(g.chars & frozenset(range(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))))
                > 0.3 * len(g.chars)
            ]
            tag = f"{how}/{kind}/{'cand' if has else 'nocand'}"
            classes[tag] += 1
            words[tag][cls.split(":", 1)[1]] += 1
            if len(ex[tag]) < n_ex:
                t = art["text"]
                ex[tag].append(f"    [{cue[2]}] {t[min(g.chars) : max(g.chars) + 1][:160]!r} {has[:1]}")
    for tag, n in classes.most_common():
        print(f"{tag}: {n}   {words[tag].most_common(25)}")
        print("\n".join(ex[tag]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
