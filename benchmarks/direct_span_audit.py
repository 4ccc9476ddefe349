"""Direct-quote spans in real output: an audit of joined quotes (issue 5, round 11).

Lists the direct quotes of a ``newsweave run`` output (``stories.json``, "quotes") whose span holds
quote marks inside (2+ quoted pieces joined into one quote) or follows a word that names a work
("book", "memoir", "titled" ...), draws ``--n`` of them at random (fixed seed) from dev stories
(``benchmarks.common.heldout`` on the story id false) and prints each in its article for a person to
judge. Judgements live in ``benchmarks/gold/direct_span_audit.json`` ({key: {"verdict": class,
"note": text}}, key = article:start:end; verdict "ok" = the span is right).

``--score`` re-parses the judged articles with spaCy as the product does and, for each judged entry,
says whether the current code still outputs a direct quote with that span: a wrong span should be
gone, a right one kept.

    .venv/bin/python benchmarks/direct_span_audit.py --run /tmp/run4 [--n 30] [--seed 0]
    .venv/bin/python benchmarks/direct_span_audit.py --run /tmp/run4 --score
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "direct_span_audit.json"
MARK = re.compile(r"``|''|[\"“”„«»]")
LEAD = re.compile(r"\b(book|memoir|titled|entitled|called|novel|film|song|show|album)\W*$", re.I)


def candidates(run: Path, split: str) -> list[dict[str, Any]]:
    from newsweave.store.sqlite import SQLiteStore

    stories = json.loads((run / "out" / "stories.json").read_text())["stories"]
    store = SQLiteStore(str(run / "s.db"))
    rows = []
    for s in stories:
        if heldout(s["id"]) != (split == "held-out"):
            continue
        for q in s.get("quotes", []):
            if not q["direct"]:
                continue
            for w in q["wordings"]:
                sp = w["spans"][0]
                text = store.articles([sp["article"]])[0].text
                inner, pre = text[sp["start"] : sp["end"]], text[max(0, sp["start"] - 60) : sp["start"]]
                if MARK.search(inner) or LEAD.search(pre):
                    key = f"{sp['article']}:{sp['start']}:{sp['end']}"
                    rows.append({"key": key, "story": s["id"], "speaker": q["speaker"], "text": text})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run4"))
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--split", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--score", action="store_true")
    args = ap.parse_args()
    rows = candidates(args.run, args.split)
    if not args.score:
        rng = random.Random(args.seed)
        rng.shuffle(rows)
        print(f"{len(rows)} candidate wordings ({args.split})")
        for i, r in enumerate(rows[: args.n]):
            _a, s, e = r["key"].split(":")
            t, s, e = r["text"], int(s), int(e)
            print(f"=== {i} {r['key']} speaker={r['speaker']}")
            print(t[max(0, s - 200) : s] + "⟦" + t[s:e] + "⟧" + t[e : e + 150])
        return 0
    from newsweave.stages.nlp import NLP
    from newsweave.stages.quotes import extract_quotes

    gold = json.loads(GOLD.read_text())
    texts = {r["key"]: r["text"] for r in rows}
    keys = [k for k in gold if k in texts]
    docs = dict(zip(keys, NLP().docs(texts[k] for k in keys), strict=True))
    tally: Counter[tuple[str, bool]] = Counter()
    for k in keys:
        _a, s, e = k.split(":")
        spans = {(q.content.start, q.content.end) for q in extract_quotes(docs[k]) if q.direct}
        kept = (int(s), int(e)) in spans
        verdict = gold[k]["verdict"]
        tally[(verdict, kept)] += 1
        if kept == (verdict != "ok"):
            print(f"{'still' if kept else 'lost'} {verdict}: {k}")
    print(f"{len(keys)} judged entries ({args.split})")
    for verdict in sorted({v for v, _ in tally}):
        print(f"  {verdict}: span still output {tally[(verdict, True)]}, gone {tally[(verdict, False)]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
