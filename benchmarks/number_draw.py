"""Draw numbers from ECB+ articles of the stream for hand labelling (issue 5, round 2), blind to the
number pass: the candidates are spaCy's number mentions (CARDINAL, QUANTITY, MONEY, PERCENT, TIME)
and digit tokens no mention covers (not years), i.e. everything ``numbers_in_text`` could read, never
its reading. Articles are drawn at random (fixed seed), then up to ``--per`` candidates per article.
Split as in ``quantities.py``: md5("numbers:" + id) % 3 == 0 held out.

    nice -n 10 .venv/bin/python benchmarks/number_draw.py --seed 21 --articles 45 --per 2 --out /tmp/draw.json

Round 3 (session 14, ``numbers_gold3.json``): ``--prefix ""`` draws from every source of the stream,
``--exclude`` leaves out the articles of earlier golds, and ``--total N`` stratifies by kind (the
mention's label, or "DIGITS" for a digit token no mention covers): a share of N proportional to the
kind's candidates, at least ``--min-kind`` each, at most ``--per`` per article.

    nice -n 10 .venv/bin/python benchmarks/number_draw.py --seed 31 --prefix "" --articles 140 --per 2 \
        --total 90 --exclude benchmarks/gold/numbers_gold.json benchmarks/gold/numbers_gold_ecb.json --out F
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import SHARED, heldout, load_jsonl  # noqa: E402
from newsweave.stages.numbers import _LOOSE_NUMBER, _YEAR, NUMBER_LABELS  # noqa: E402

_NUMBERISH = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?|tens|half|quarter|a couple)\b",
    re.I,
)


def stratified(
    pool: list[dict[str, Any]], total: int, per: int, min_kind: int, rng: random.Random
) -> list[dict[str, Any]]:
    """``total`` items of ``pool``, each kind's share proportional to its size but at least
    ``min_kind`` (or all it has), at most ``per`` per article; in article order."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for it in pool:
        by_kind[it["kind"]].append(it)
    quota = {k: max(min(min_kind, len(v)), round(total * len(v) / len(pool))) for k, v in by_kind.items()}
    while sum(quota.values()) > total:  # trim the largest kind back to the total
        k = max(quota, key=lambda x: quota[x])
        quota[k] -= 1
    per_article: Counter[str] = Counter()
    out = []
    for k in sorted(by_kind):
        cands = by_kind[k][:]
        rng.shuffle(cands)
        n = 0
        for it in cands:
            if n == quota[k]:
                break
            if per_article[it["id"]] < per:
                per_article[it["id"]] += 1
                out.append(it)
                n += 1
    order = {r: i for i, r in enumerate(dict.fromkeys(it["id"] for it in pool))}
    return sorted(out, key=lambda it: (order[it["id"]], it["start"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--articles", type=int, default=45)
    ap.add_argument("--per", type=int, default=2)
    ap.add_argument("--prefix", default="ecbplus:")
    ap.add_argument("--exclude", nargs="*", default=[], help="gold files whose articles are not drawn")
    ap.add_argument("--total", type=int, default=0, help="stratified draw of this many items (0: --per each)")
    ap.add_argument("--min-kind", type=int, default=8)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    from newsweave.stages.nlp import NLP, analyse_doc

    seen = {it["id"] for g in args.exclude for it in json.loads(Path(g).read_text(encoding="utf-8"))["items"]}
    recs = [
        r
        for r in load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
        if r["id"].startswith(args.prefix) and r["id"] not in seen
    ]
    rng = random.Random(args.seed)
    rng.shuffle(recs)
    recs = recs[: args.articles]
    pool: list[dict[str, Any]] = []
    for r, doc in zip(recs, NLP().docs(x["text"] for x in recs), strict=True):
        text = r["text"]
        an = analyse_doc(r["id"], doc)
        kinds = {(m.start, m.end): m.label for m in an.mentions if m.label in NUMBER_LABELS}
        covered = [(m.start, m.end) for m in an.mentions]
        for lm in _LOOSE_NUMBER.finditer(text):
            s, e = lm.start(), lm.end()
            if not any(a < e and s < b for a, b in covered) and not (_YEAR.match(lm.group(1)) and not lm.group(2)):
                kinds[(s, e)] = "DIGITS"
        # a TIME mention with neither digits nor a number word ("night", "this morning") is no number at all
        cands = sorted((s, e) for s, e in kinds if re.search(r"\d", text[s:e]) or _NUMBERISH.search(text[s:e]))
        picked = cands if args.total else sorted(rng.sample(cands, min(args.per, len(cands))))
        for s, e in picked:
            pool.append({
                "part": "heldout" if heldout("numbers:" + r["id"]) else "dev", "kind": kinds[(s, e)],
                "id": r["id"], "start": s, "end": e, "text": text[s:e],
                "context": text[max(0, s - 120) : e + 120].replace("\n", " "), "left": s - max(0, s - 120),
            })  # fmt: skip
    items = stratified(pool, args.total, args.per, args.min_kind, rng) if args.total else pool
    Path(args.out).write_text(json.dumps(items, indent=1, ensure_ascii=False), encoding="utf-8")
    print(len(items), "items;", sum(it["part"] == "dev" for it in items), "dev;", Counter(it["kind"] for it in items))


if __name__ == "__main__":
    main()
