"""Draws a fresh sample of date mentions for a second date gold (issue 5, round 4), to be labelled by hand.

Pool: DATE (and day-naming TIME) mentions that spaCy finds, as ``benchmarks/dates.py`` reads them, in the dated
articles of ``../shared/data/clustering_stream`` that ``benchmarks/gold/dates_gold.json`` does not hold (no article
of the old gold, so no sentence the rules were written on). Each mention gets a kind from its words alone (no
resolver output), and a fixed number is drawn per kind with a fixed seed, favouring the relative kinds the old gold
has few of ("last week", "earlier this month", "Tuesday night", "April 4", "next year"). Split as the old gold:
md5("dates:" + id) % 3 == 0 held out.

The output holds no resolved date: ``date`` is "?" until a person writes the day each mention names, from the
sentence and the publication date (``context``), before the code is scored on it.

    .venv/bin/python benchmarks/dates_sample.py --out benchmarks/gold/dates_gold2.json [--seed 21]

Third gold (round 6): ``--exclude`` names every earlier gold whose articles stay out of the pool:

    .venv/bin/python benchmarks/dates_sample.py --out benchmarks/gold/dates_gold3.json --seed 31 \\
        --exclude benchmarks/gold/dates_gold.json benchmarks/gold/dates_gold2.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import SHARED, heldout, load_jsonl  # noqa: E402

OLD_GOLD = ROOT / "benchmarks" / "gold" / "dates_gold.json"

_WD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b"
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# kind -> how many to draw (about 80 in all); the first pattern that matches gives the kind
KINDS: list[tuple[str, str, int]] = [
    (
        "weekday with a part of the day or a qualifier",
        rf"(?i)\b{_WD}.*\b(?:morning|afternoon|evening|night)\b|"
        rf"\b(?:last|next|this|coming|past|earlier|late|early)\s+{_WD}",
        10,
    ),
    (
        "relative phrase",
        r"(?i)\b(?:last|next|this|past|previous|coming|earlier|later|late|early)\b.*\b(?:week|month|"
        r"year|weekend|spring|summer|fall|autumn|winter)s?\b|\bago\b|\b(?:yesterday|tomorrow|today|tonight)\b",
        22,
    ),
    ("bare weekday", rf"(?i)^(?:on\s+)?{_WD}\.?$", 10),
    (
        "day and month, no year",
        rf"(?i)^(?!.*\b(?:1[5-9]|20)\d\d\b).*(?:\b{_MON}\s+\d{{1,2}}\b|"
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON})",
        12,
    ),
    (
        "month, no year",
        rf"(?i)^(?!.*\b(?:1[5-9]|20)\d\d\b)(?:(?:early|late|mid|the end of|the start of)[\s-]+)?{_MON}$",
        8,
    ),
    ("with a year", r"\b(?:1[5-9]|20)\d\d\b", 10),
    ("other", r"", 8),
]


def kind_of(expression: str) -> str:
    for name, rx, _n in KINDS:
        if re.search(rx, expression.strip()):
            return name
    return "other"


def pool(exclude: list[Path]) -> list[dict[str, Any]]:
    """Every date mention of the dated articles no gold of ``exclude`` holds, with its context."""
    from newsweave.records import Mention
    from newsweave.stages.dates import _datey
    from newsweave.stages.nlp import NLP, analyse_doc

    old = {it["id"] for g in exclude for it in json.loads(g.read_text(encoding="utf-8"))["items"]}
    recs = [r for r in load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")
            if r.get("published") and r["id"] not in old]  # fmt: skip
    out = []
    for r, doc in zip(recs, NLP().docs(r["text"] for r in recs), strict=True):
        an = analyse_doc(r["id"], doc)
        text = r["text"]
        for m in an.mentions:
            if not isinstance(m, Mention) or not _datey(m):
                continue
            sent = next(((a, b) for a, b in an.sentences if a <= m.start < b), (m.start - 150, m.end + 150))
            lo, hi = max(0, min(sent[0], m.start - 80)), min(len(text), max(sent[1], m.end + 80))
            out.append({"part": "held-out" if heldout("dates:" + r["id"]) else "dev", "sample": kind_of(m.text),
                        "id": r["id"], "published": r["published"], "start": m.start, "end": m.end, "text": m.text,
                        "date": "?", "context": " ".join(text[lo:hi].split())})  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--exclude", nargs="+", default=[str(OLD_GOLD)],
                    help="earlier golds whose articles stay out of the pool (default: the first gold)")
    args = ap.parse_args()
    exclude = [Path(g) for g in args.exclude]
    items = pool(exclude)
    print(f"pool: {len(items)} mentions; by kind: {dict(Counter(it['sample'] for it in items))}")
    rng = random.Random(args.seed)
    drawn: list[dict[str, Any]] = []
    for name, _rx, n in KINDS:
        of_kind = [it for it in items if it["sample"] == name]
        drawn += rng.sample(of_kind, min(n, len(of_kind)))
    drawn.sort(key=lambda it: (it["part"], it["id"], it["start"]))
    print(f"drawn: {len(drawn)}; {dict(Counter(it['part'] for it in drawn))}")
    guideline = json.loads(OLD_GOLD.read_text(encoding="utf-8"))["guideline"]
    Path(args.out).write_text(
        json.dumps(
            {
                "guideline": guideline + f" Drawn by benchmarks/dates_sample.py (seed {args.seed}) from "
                f"articles that {', '.join(g.name for g in exclude)} do not hold.",
                "items": drawn,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
