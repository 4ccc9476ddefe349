"""Audit of the story timelines as a reader sees them (issue 5): a fixed-seed draw of timeline
entries of a stored run, each judged by hand from its sentence and the article's publication date.

The timelines are rebuilt with the current ``facts.story_facts`` from the run's store (its stored
analyses hold each article's sentences and spaCy mentions: no parse, seconds), over the stories of
the run's ``stories.json``. Only entries of dev articles are drawn (md5("dates:" + id) % 3 != 0, the
split of ``benchmarks/dates.py``): the audit chose the rules, so it is a dev figure.

Judgments: ``benchmarks/gold/timeline_audit.json``, keyed by (article, sentence start, expression,
date), each with a class: ``ok`` (right date, a good entry) or an error class. An entry judged once
keeps its judgment while the code gives it the same date; the report says how many of the drawn
entries were dropped or re-dated by the current code and how each of those was judged.

    .venv/bin/python benchmarks/timeline_audit.py --store /tmp/run2/s.db --stories /tmp/run2/out/stories.json
    ... --dump /tmp/timeline_now.json           # every entry of every story, for a before/after diff
    ... --diff /tmp/timeline_before.json        # the entries whose dates changed since that dump
    ... --diff /tmp/timeline_before.json --diff-part dev   # only those of dev articles (choose on these)
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

JUDGED = ROOT / "benchmarks" / "gold" / "timeline_audit.json"
SEED, DRAW = 11, 60


def timelines(store_path: str, stories_path: str) -> dict[str, dict[str, Any]]:
    """{entry key: entry} over every story of the run, with the story id and the publication date."""
    out: dict[str, dict[str, Any]] = {}
    for st, arts, analyses in stored_stories(store_path, stories_path):
        published = {a.id: a.published for a in arts}
        timeline, _numbers = story_facts(arts, analyses)
        for e in timeline:
            for expr in e["expressions"][:1]:
                k = f"{e['article']}|{e['start']}|{expr}"
                out[k] = {"story": st["id"], "key": k, "date": e["date"], "granularity": e["granularity"],
                          "expression": expr, "published": published.get(e["article"]), "text": e["text"],
                          "article": e["article"], "approximate": bool(e.get("approximate"))}  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default="/tmp/run2/s.db")
    ap.add_argument("--stories", default="/tmp/run2/out/stories.json")
    ap.add_argument("--dump", help="write every entry to this JSON file")
    ap.add_argument("--diff", help="list the entries whose date changed since this dump")
    ap.add_argument("--show", action="store_true", help="print the drawn entries with their judgments")
    ap.add_argument("--diff-part", choices=("all", "dev", "held-out"), default="all",
                    help="list only the changed entries of dev (or held-out) articles in --diff")  # fmt: skip
    ap.add_argument("--seed", type=int, help="also draw 60 other dev entries with this seed (a new audit round); "
                    "a draw already stored in the judgments under this seed is reused")  # fmt: skip
    args = ap.parse_args()
    now = timelines(args.store, args.stories)
    if args.dump:
        Path(args.dump).write_text(json.dumps(now, indent=0), encoding="utf-8")
    if args.diff:
        before = json.loads(Path(args.diff).read_text(encoding="utf-8"))
        changed = [k for k in sorted(set(before) | set(now))
                   if (before.get(k) or {}).get("date") != (now.get(k) or {}).get("date")
                   and args.diff_part in ("all", part_of(k))]  # fmt: skip
        kinds = Counter("dated -> no date" if now.get(k) is None else "no date -> dated" if before.get(k) is None
                        else "re-dated" for k in changed)  # fmt: skip
        part = "" if args.diff_part == "all" else f" ({args.diff_part} articles)"
        print(f"{len(changed)} of {len(before)} entries changed{part} ({len(now)} now): {dict(kinds)}")
        for k in changed:
            e = before.get(k) or now[k]
            was, is_ = (before.get(k) or {}).get("date"), (now.get(k) or {}).get("date")
            print(f"  {e['published']} {e['expression']!r}: {was} -> {is_} | {e['text'][:200]}")
    judged = json.loads(JUDGED.read_text(encoding="utf-8")) if JUDGED.exists() else {"items": []}
    sample = judged.get("sample") or sorted(random.Random(SEED).sample(
        sorted(k for k, e in now.items() if not heldout("dates:" + e["article"])), DRAW))  # fmt: skip
    report(now, judged, sample, f"{len(sample)} entries drawn (seed {SEED}) before the fixes", args.show)
    if judged.get("fresh_sample"):
        report(now, judged, judged["fresh_sample"], "60 other entries drawn (seed 12) after the fixes", args.show)
    if args.seed is not None and args.seed not in (SEED, 12):
        stored = judged.get("draws", {}).get(str(args.seed))
        if stored is None:
            seen = set(sample) | set(judged.get("fresh_sample") or [])
            pool = sorted(k for k, e in now.items() if not heldout("dates:" + e["article"]) and k not in seen)
            stored = sorted(random.Random(args.seed).sample(pool, DRAW))
        report(now, judged, stored, f"{len(stored)} other entries drawn (seed {args.seed})", args.show)


def part_of(key: str) -> str:
    """"dev" or "held-out": the split of the entry's article (its key starts with the article id)."""
    return "held-out" if heldout("dates:" + key.split("|")[0]) else "dev"


def report(now: dict[str, dict[str, Any]], judged: dict[str, Any], sample: list[str], title: str, show: bool) -> None:
    by_key = {(j["key"], j["date"]): j for j in judged["items"]}
    tally: Counter[str] = Counter()
    for k in sample:
        e = now.get(k)
        if e is None:
            first = next((j for j in judged["items"] if j["key"] == k), None)
            cls = "dropped (was " + (first["class"] if first else "unjudged") + ")"
        else:
            j = by_key.get((k, e["date"]))
            cls = j["class"] if j else "unjudged"
        tally[cls] += 1
        if show and e is not None:
            print(f"[{cls}] {e['published']} {e['expression']!r} -> {e['date']} ({e['granularity']})"
                  f"{' approx' if e['approximate'] else ''} | {e['text'][:300]}\n   key {k}")  # fmt: skip
    print(f"\ntimeline audit, {title}; {len(now)} entries in the stream's timelines now:")
    for cls, n in tally.most_common():
        print(f"  {cls}: {n}")


if __name__ == "__main__":
    main()
