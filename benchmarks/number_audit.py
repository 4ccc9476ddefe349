"""Audit of the story number tables as a reader sees them (issue 5): a fixed-seed draw of table rows
of a stored run, each judged by hand from its sentence.

The tables are rebuilt with the current ``facts.story_facts`` from the run's store (its stored
analyses hold each article's sentences and spaCy mentions: no parse, seconds), over the stories of
the run's ``stories.json``. A table row groups figures of several articles; what is drawn and judged
is one figure of a row in one article (its value, unit and what it counts, as the row shows them),
read in its sentence. Only figures of dev articles are drawn (md5("dates:" + id) % 3 != 0, the
split of ``benchmarks/dates.py``): the audit chose the rules, so it is a dev figure.

Judgments: ``benchmarks/gold/number_audit.json``, keyed by (article, start of the figure, value,
unit, counts), each with a class: ``ok`` (right value, unit and thing counted, a row worth reading),
``ok_trivial`` (right but not worth a reader's time: "1 - car" from "a car" spelled "one car"), or an
error class (``wrong_counts``, ``no_counts`` (the counted thing is missing), ``wrong_value``,
``wrong_unit``, ``not_a_quantity``: a name, code, date, score, age, ordinal...). A figure judged once
keeps its judgment while the code gives it the same reading; the report says how many of the drawn
figures were dropped or re-read by the current code and how each of those was judged.

    .venv/bin/python benchmarks/number_audit.py --store /tmp/run2/s.db --stories /tmp/run2/out/stories.json
    ... --dump /tmp/numbers_now.json           # every figure of every story's table, for a before/after diff
    ... --diff /tmp/numbers_before.json        # the figures whose reading changed since that dump
    ... --show                                 # the drawn figures with their sentences and judgments
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import heldout, stored_stories  # noqa: E402
from newsweave.stages.facts import story_facts  # noqa: E402

JUDGED = ROOT / "benchmarks" / "gold" / "number_audit.json"
SEED, FRESH_SEED, DRAW = 11, 12, 60


def reading(e: dict[str, Any] | None) -> tuple[Any, ...] | None:
    """What the reader sees of a figure: value, unit, what it counts, the outcome verbs of its row."""
    return None if e is None else (e["value"], e["unit"], e["counts"])


def tables(store_path: str, stories_path: str) -> dict[str, dict[str, Any]]:
    """{figure key: figure} over the number tables of every story of the run, with its sentence."""
    out: dict[str, dict[str, Any]] = {}
    for st, arts, analyses in stored_stories(store_path, stories_path):
        texts = {a.id: a.text for a in arts}
        _timeline, numbers = story_facts(arts, analyses)
        for row in numbers:
            for sp in row["spans"]:
                aid, start, end = sp["article"], sp["start"], sp["end"]
                text = texts[aid]
                sent = next(((s, e) for s, e in analyses[aid].sentences if s <= start < e), (start, end))
                k = f"{aid}|{start}"
                out[k] = {"story": st["id"], "key": k, "article": aid, "value": row["value"], "unit": row["unit"],
                          "counts": row["counts"], "verbs": row["verbs"], "figure": text[start:end],
                          "conflict": row["conflict"],
                          "text": text[sent[0] : sent[1]].replace("\n", " ")}  # fmt: skip
    return out


def show_line(e: dict[str, Any]) -> str:
    return f"{e['value']} {e['unit'] or '-'} {e['counts'] or '-'} ({e['figure']!r})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default="/tmp/run2/s.db")
    ap.add_argument("--stories", default="/tmp/run2/out/stories.json")
    ap.add_argument("--dump", help="write every figure to this JSON file")
    ap.add_argument("--diff", help="list the figures whose reading changed since this dump")
    ap.add_argument("--show", action="store_true", help="print the drawn figures with their judgments")
    args = ap.parse_args()
    now = tables(args.store, args.stories)
    if args.dump:
        Path(args.dump).write_text(json.dumps(now, indent=0), encoding="utf-8")
    if args.diff:
        before = json.loads(Path(args.diff).read_text(encoding="utf-8"))
        changed = [k for k in sorted(set(before) | set(now)) if reading(before.get(k)) != reading(now.get(k))]
        kinds = Counter("dropped" if now.get(k) is None else "added" if before.get(k) is None
                        else "re-read" for k in changed)  # fmt: skip
        print(f"{len(changed)} of {len(before)} figures changed ({len(now)} now): {dict(kinds)}")
        for k in changed:
            b, n = before.get(k), now.get(k)
            e = b or n
            assert e is not None
            print(f"  {show_line(b) if b else 'none'} -> {show_line(n) if n else 'none'} | {e['text'][:220]}")
    judged = json.loads(JUDGED.read_text(encoding="utf-8")) if JUDGED.exists() else {"items": []}
    pool = sorted(k for k, e in now.items() if not heldout("dates:" + e["article"]))
    sample = judged.get("sample") or sorted(random.Random(SEED).sample(pool, DRAW))
    report(now, judged, sample, f"{len(sample)} figures drawn (seed {SEED}) before the fixes", args.show)
    if judged.get("fresh_sample"):
        report(now, judged, judged["fresh_sample"], f"{DRAW} other figures drawn (seed {FRESH_SEED}) after the fixes",
               args.show)  # fmt: skip
    elif judged.get("sample"):
        fresh = sorted(random.Random(FRESH_SEED).sample([k for k in pool if k not in set(sample)], DRAW))
        print("fresh draw (for judging):", json.dumps(fresh))


def report(now: dict[str, dict[str, Any]], judged: dict[str, Any], sample: list[str], title: str, show: bool) -> None:
    by_key = {(j["key"], j["value"], j["unit"], j["counts"]): j for j in judged["items"]}
    tally: Counter[str] = Counter()
    for k in sample:
        e = now.get(k)
        if e is None:
            first = next((j for j in judged["items"] if j["key"] == k), None)
            cls = "dropped (was " + (first["class"] if first else "unjudged") + ")"
        else:
            j = by_key.get((k, e["value"], e["unit"], e["counts"]))
            cls = j["class"] if j else "unjudged"
        tally[cls] += 1
        if show and e is not None:
            print(f"[{cls}] {show_line(e)}{' CONFLICT' if e['conflict'] else ''} | {e['text'][:300]}\n   key {k}")
    print(f"\nnumber audit, {title}; {len(now)} figures in the stream's tables now:")
    for cls, n in tally.most_common():
        print(f"  {cls}: {n}")


if __name__ == "__main__":
    main()
