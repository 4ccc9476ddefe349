"""Audit of real copy links: which articles of a stored `newsweave run` copy which, and which copy
is the original (``stages.dedupe``: ``DuplicateIndex`` + ``original_of``, run per story by
``story.find_copies``).

For every story of the run (stories.json + the store) the script re-runs ``find_copies`` over the
story's articles in their stored order (as ``newsweave run`` does), and lists

* every predicted copy link (copy -> the original of its group), and
* every other pair of the story with word 5-shingle Jaccard >= 0.2 or containment >= 0.3 (smaller
  text >= 20 shingles): candidates for a MISSED copy,

with their sources, dates, detected wire credit (``original_source``), word counts and exact
Jaccard / containment. The hand judgments live in benchmarks/gold/syndication_audit.json, one per
unordered pair (keyed by the two articles' external ids): ``copy`` (the same story text, not just
the same event) and ``original`` (the external id of the original, or null when the texts do not
say; see the gold file's ``guide``).

Scores (per split: the pair's story id through ``common.heldout``, 1/3 held-out):

* link precision: predicted copy links judged real copies / predicted links;
* pair recall: judged copy pairs that the prediction puts in one group / judged copy pairs;
* direction: predicted links (copy -> original, as the story JSON's ``copy_of`` shows them) whose
  pair is a judged copy with a known original, and whose predicted original is that original / those
  links;
* pair_direction: the same over every judged copy pair with a known original that the prediction
  puts in one group (is the group's original the pair's original).

Held-out is read once, at the end. ``--rows`` scores a ``--dump`` of an earlier version (the
"before" figures); pairs that a new version links and the gold lacks are reported as ``unjudged``.

Usage: ``.venv/bin/python benchmarks/syndication_audit.py --store /tmp/run3/s.db
--stories /tmp/run3/out/stories.json [--list] [--split dev|heldout|all]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, stored_stories  # noqa: E402
from newsweave.stages.dedupe import shingle_hashes, words  # noqa: E402
from newsweave.stages.story import find_copies  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "syndication_audit.json"
CAND_J, CAND_C, MIN_SH = 0.2, 0.3, 20


def pair_key(a: str, b: str) -> str:
    return " | ".join(sorted((a, b)))


def scores(x: str, y: str) -> tuple[float, float, int]:
    sa, sb = shingle_hashes(words(x)), shingle_hashes(words(y))
    if not sa or not sb:
        return 0.0, 0.0, 0
    inter = len(sa & sb)
    small = min(len(sa), len(sb))
    return inter / (len(sa) + len(sb) - inter), inter / small, small


def collect(store: str, stories: str) -> list[dict[str, Any]]:
    """One record per audited pair: predicted links and candidates."""
    rows = []
    for st, arts, _ in stored_stories(store, stories):
        order = {a["id"]: i for i, a in enumerate(st["articles"])}
        arts = sorted((a for a in arts if a.id in order), key=lambda a: order[a.id])
        copies = find_copies(arts)
        group = {a.id: copies.get(a.id, a.id) for a in arts}
        by_id = {a.id: a for a in arts}
        for a, b in combinations(arts, 2):
            j, c, small = scores(a.text, b.text)
            linked = group[a.id] == group[b.id]
            if not (linked or j >= CAND_J or (small >= MIN_SH and c >= CAND_C)):
                continue
            ea, eb = a.external_id or a.id, b.external_id or b.id
            pred_orig = None
            if linked:
                o = by_id[group[a.id]]
                pred_orig = o.external_id or o.id
            rows.append({
                "story": st["id"], "key": pair_key(ea, eb), "a": ea, "b": eb, "linked": linked,
                "predicted_link": linked and group[a.id] in (a.id, b.id),  # the JSON shows this pair as copy_of
                "pred_original": pred_orig, "jaccard": round(j, 3), "containment": round(c, 3),
                "split": "heldout" if heldout(st["id"]) else "dev",
                "info": {e: {"source": x.source, "original_source": x.original_source, "published": x.published,
                             "words": len(x.text.split()), "head": x.text[:300].replace("\n", " "),
                             "tail": x.text[-160:].replace("\n", " ")} for e, x in ((ea, a), (eb, b))},
            })  # fmt: skip
    return rows


def evaluate(rows: list[dict[str, Any]], gold: dict[str, dict[str, Any]], split: str) -> dict[str, Any]:
    rows = [r for r in rows if split == "all" or r["split"] == split]
    links = [r for r in rows if r["predicted_link"]]
    judged_links = [r for r in links if r["key"] in gold]
    true_links = [r for r in judged_links if gold[r["key"]]["copy"]]
    directed = [r for r in true_links if gold[r["key"]].get("original")]
    right = [r for r in directed if r["pred_original"] == gold[r["key"]]["original"]]
    # every judged copy pair of the split counts, also one that these rows never met (never linked)
    linked = {r["key"]: r for r in rows if r["linked"]}
    gold_pairs = [k for k, g in gold.items() if g["copy"] and (split == "all" or g["split"] == split)]
    found = [k for k in gold_pairs if k in linked]
    # group-level direction: judged copy pairs with a known original, linked in one group, whose
    # group original is that original
    g_dir = [k for k in found if gold[k].get("original")]
    g_right = [k for k in g_dir if linked[k]["pred_original"] == gold[k]["original"]]
    return {
        "links": len(links), "unjudged": len(links) - len(judged_links),
        "link_precision": round(len(true_links) / len(judged_links), 3) if judged_links else None,
        "false_links": [r["key"] for r in judged_links if not gold[r["key"]]["copy"]],
        "copy_pairs": len(gold_pairs), "pair_recall": round(len(found) / len(gold_pairs), 3) if gold_pairs else None,
        "missed": [k for k in gold_pairs if k not in linked],
        "direction": f"{len(right)}/{len(directed)}",
        "direction_acc": round(len(right) / len(directed), 3) if directed else None,
        "wrong_direction": [r["key"] for r in directed if r not in right],
        "pair_direction": f"{len(g_right)}/{len(g_dir)}",
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default="/tmp/run3/s.db")
    ap.add_argument("--stories", default="/tmp/run3/out/stories.json")
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    ap.add_argument("--list", action="store_true", help="print every pair with its evidence (for judging)")
    ap.add_argument("--dump", help="write the pair records as JSON here")
    ap.add_argument("--rows", help="score pair records written by --dump (e.g. by an earlier version) instead")
    args = ap.parse_args()
    rows = json.loads(Path(args.rows).read_text()) if args.rows else collect(args.store, args.stories)
    gold = {g["key"]: g for g in json.loads(GOLD.read_text())["pairs"]} if GOLD.exists() else {}
    if args.dump:
        Path(args.dump).write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    if args.list:
        for r in rows:
            if args.split != "all" and r["split"] != args.split:
                continue
            g = gold.get(r["key"])
            judged = g and (g["copy"], g.get("original"))
            print(f"== {r['story']} {r['split']} J={r['jaccard']} C={r['containment']} linked={r['linked']} "
                  f"shown={r['predicted_link']} pred_orig={r['pred_original']} gold={judged}")  # fmt: skip
            for e, x in r["info"].items():
                print(f"  [{e}] {x['source']} | credit={x['original_source']} | {x['published']} | {x['words']}w")
                print(f"     HEAD: {x['head'][:240]}")
                print(f"     TAIL: {x['tail']}")
    print(json.dumps(evaluate(rows, gold, args.split), indent=1))


if __name__ == "__main__":
    main()
