"""Numbers and what they count (``stages.numbers.numbers_in_text``, what the story analysis runs)
against a hand-labelled gold.

Gold: ``benchmarks/gold/numbers_gold.json`` (guideline inside): numbers found in MultiLing 2011 and
DUC 2003 articles of ``../shared/data/clustering_stream``, each labelled from its sentence with its
value and what it counts (the noun, or the unit: "miles", "$", "%"), or as no quantity at all (a
flight number, a piece of a clock time: the product should drop it). Split: articles by
md5("numbers:" + id) % 3 == 0 held out; rules were written looking at the dev items only and the
held-out items were labelled after that.

Scored per item: value right (equal within 0.5 %), "what" right (lower-cased, a final "s" ignored;
the system's unit when it has one, else the noun it counts), both right; a no-quantity item is right
when the system reports no number there. Peer in the same run: the plain reading, value only from
the mention's digits and number words with the first word after it as "what" (what a tool without
the number rules gives).

    .venv/bin/python benchmarks/quantities.py [--show] [--dev-only] [--gold FILE ...]
    (not numbers.py: that name would shadow the standard library)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import SHARED, load_jsonl, machine, stamp  # noqa: E402
from newsweave.stages.numbers import numbers_in_text, parse_number  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "numbers_gold.json"
# round 2: ECB+ articles (sports, ages, casualty counts, money), drawn blind by ``number_draw.py``
GOLD_ECB = ROOT / "benchmarks" / "gold" / "numbers_gold_ecb.json"
# round 3 (session 14): every source, articles of no earlier gold, stratified by kind, drawn blind
GOLD3 = ROOT / "benchmarks" / "gold" / "numbers_gold3.json"
_UNIT_NAMES = {"$": "$", "€": "€", "£": "£", "%": "%"}


def _norm(w: str | None) -> str | None:
    if w is None:
        return None
    w = w.lower().strip()
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def newsweave_numbers(items: list[dict[str, Any]]) -> dict[tuple[str, int], dict[str, Any]]:
    """The pipeline's reading: spaCy's mentions and sentences, then ``numbers_in_text``; keyed by
    (article, start of the number), and also (article, -1) -> every number of the article."""
    from newsweave.stages.nlp import NLP, analyse_doc

    recs = {r["id"]: r for r in load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")}
    ids = sorted({it["id"] for it in items})
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for i, doc in zip(ids, NLP().docs(recs[i]["text"] for i in ids), strict=True):
        an = analyse_doc(i, doc)
        found = numbers_in_text(recs[i]["text"], an.mentions, an.sentences)
        for n in found:
            out[(i, n["start"])] = n
        out[(i, -1)] = {"all": found}
    return out


def system_at(ours: dict[tuple[str, int], dict[str, Any]], it: dict[str, Any], overlap: bool) -> dict[str, Any] | None:
    """The system's number for a gold item: the one starting where it starts, or (``overlap``, for
    items drawn blind to the system's spans) the first one whose span overlaps the item's."""
    if not overlap:
        return ours.get((it["id"], it["start"]))
    hits = [n for n in ours[(it["id"], -1)]["all"] if n["start"] < it["end"] and it["start"] < n["end"]]
    return hits[0] if hits else None


def _what(n: dict[str, Any]) -> str | None:
    unit = n.get("unit")
    if unit in _UNIT_NAMES:
        return unit
    if unit and unit not in ("all", "tens", "hundreds", "dozens"):
        return str(unit)
    return n.get("counts")


def plain_peer(it: dict[str, Any], text: str) -> dict[str, Any] | None:
    p = parse_number(re.sub(r"^\D*?(?=\d)|^(?:about|some|over|nearly|more than)\s+", "", it["text"]))
    m = re.match(r"\s*([A-Za-z%$]+)", text[it["end"] :])
    return {"value": p["value"], "unit": None, "counts": m.group(1) if m else None}


def right(it: dict[str, Any], n: dict[str, Any] | None) -> tuple[bool, bool]:
    if it["drop"]:
        return n is None, n is None
    if n is None or n.get("value") is None:
        return False, False
    v, g = float(n["value"]), float(it["value"])
    value_ok = abs(v - g) <= 0.005 * max(1.0, abs(g))
    golds = it["what"] if isinstance(it["what"], list) else [it["what"]]  # round 3: several right spellings
    return value_ok, _norm(_what(n)) in {_norm(w) for w in golds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print newsweave's errors on the dev items")
    ap.add_argument("--dev-only", action="store_true", help="score the dev items only (while tuning)")
    ap.add_argument("--gold", type=Path, action="append",
                    help=f"gold file (repeatable; default {GOLD.name}, {GOLD_ECB.name}, {GOLD3.name})")
    args = ap.parse_args()
    texts = {r["id"]: r["text"] for r in load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")}
    print(f"# quantities benchmark, {stamp()}, {machine()}")
    for path in args.gold or [GOLD, GOLD_ECB, GOLD3]:
        score(path, texts, args.dev_only, args.show)


def score(path: Path, texts: dict[str, str], dev_only: bool, show: bool) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = data["items"]
    overlap = data.get("match") == "overlap"
    if dev_only:
        gold = [it for it in gold if it["part"] == "dev"]
    ours = newsweave_numbers(gold)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    print(f"\n## {path.name}")
    for it in gold:
        got = {"newsweave": system_at(ours, it, overlap), "plain reading": plain_peer(it, texts[it["id"]])}
        for system, n in got.items():
            v, w = right(it, n)
            t = tally[(it["part"], system)]
            t[0] += v
            t[1] += w
            t[2] += v and w
            t[3] += 1
            if show and system == "newsweave" and it["part"] == "dev" and not (v and w):
                seen = None if n is None else (n.get("value"), _what(n))
                print(
                    f"  {it['text']!r}: {seen} (gold {it['value']}, {it['what']}, drop={it['drop']}) | {it['context']}"
                )
    print("| part | system | items | value right | what right | both right |")
    print("|---|---|---|---|---|---|")
    for (part, system), (v, w, b, n) in sorted(tally.items()):
        print(f"| {part} | {system} | {n} | {v / n:.3f} | {w / n:.3f} | {b / n:.3f} |")


if __name__ == "__main__":
    main()
