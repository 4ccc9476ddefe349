"""Draw numbers from ECB+ articles of the stream for hand labelling (issue 5, round 2), blind to the
number pass: the candidates are spaCy's number mentions (CARDINAL, QUANTITY, MONEY, PERCENT, TIME)
and digit tokens no mention covers (not years), i.e. everything ``numbers_in_text`` could read, never
its reading. Articles are drawn at random (fixed seed), then up to ``--per`` candidates per article.
Split as in ``quantities.py``: md5("numbers:" + id) % 3 == 0 held out.

    nice -n 10 .venv/bin/python benchmarks/number_draw.py --seed 21 --articles 45 --per 2 --out /tmp/draw.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import SHARED, heldout, load_jsonl  # noqa: E402
from newsweave.stages.facts import _LOOSE_NUMBER, _YEAR, NUMBER_LABELS  # noqa: E402

_NUMBERISH = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?|tens|half|quarter|a couple)\b",
    re.I,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--articles", type=int, default=45)
    ap.add_argument("--per", type=int, default=2)
    ap.add_argument("--prefix", default="ecbplus:")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    from newsweave.stages.nlp import NLP, analyse_doc

    recs = [r for r in load_jsonl(SHARED / "clustering_stream" / "articles.jsonl") if r["id"].startswith(args.prefix)]
    rng = random.Random(args.seed)
    rng.shuffle(recs)
    recs = recs[: args.articles]
    items = []
    for r, doc in zip(recs, NLP().docs(x["text"] for x in recs), strict=True):
        text = r["text"]
        an = analyse_doc(r["id"], doc)
        cands = [(m.start, m.end) for m in an.mentions if m.label in NUMBER_LABELS]
        covered = [(m.start, m.end) for m in an.mentions]
        for lm in _LOOSE_NUMBER.finditer(text):
            s, e = lm.start(), lm.end()
            if not any(a < e and s < b for a, b in covered) and not (_YEAR.match(lm.group(1)) and not lm.group(2)):
                cands.append((s, e))
        # a TIME mention with neither digits nor a number word ("night", "this morning") is no number at all
        cands = sorted({(s, e) for s, e in cands if re.search(r"\d", text[s:e]) or _NUMBERISH.search(text[s:e])})
        for s, e in sorted(rng.sample(cands, min(args.per, len(cands)))):
            items.append({
                "part": "heldout" if heldout("numbers:" + r["id"]) else "dev",
                "id": r["id"], "start": s, "end": e, "text": text[s:e],
                "context": text[max(0, s - 120) : e + 120].replace("\n", " "), "left": s - max(0, s - 120),
            })  # fmt: skip
    Path(args.out).write_text(json.dumps(items, indent=1, ensure_ascii=False), encoding="utf-8")
    print(len(items), "items;", sum(it["part"] == "dev" for it in items), "dev")


if __name__ == "__main__":
    main()
