"""The split check on grown stories (issue 4, ``cluster_split``): dev F1 per setting and what the splits did.

Dev topics only (cluster_stream.py's split; held-out is read by ``cluster_stream.py`` alone, once). For each
variant (``ratio:min:max:share:group``, the StoryClusterer fields split_ratio, split_min, split_max,
split_share, split_group) the dev stream is run in the file order and cluster_stream.py's shuffles (or fresh
ones, ``--first-seed 100``): BCubed F1 of the final assignments, and every split sorted by whether the two
halves' main gold events differ (a right cut) or are the same event (a story of one event parted), with the
story's size when it split.

    .venv/bin/python benchmarks/cluster_split.py [--seeds 5] [--first-seed 100]
        [--variants 0 0.8:8:32:0.3:4 0.7:8:32:0.3:4 0.8,split_peel=1 ...]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cluster_stream import default_params, dev_stream, score, stream_figures  # noqa: E402
from benchmarks.common import machine, stamp  # noqa: E402
from newsweave.stages.cluster import StoryClusterer, template_heading  # noqa: E402

FIELDS = ("split_ratio", "split_min", "split_max", "split_share", "split_group")


def variant(spec: str) -> dict[str, float]:
    """"0.8:8:32:0.3:4" -> the split fields (missing ones keep the clusterer's defaults); "0.8:12,split_peel=1":
    the same, then any other StoryClusterer fields by name."""
    head, *named = spec.split(",")
    out = {k: (float(v) if "." in v else int(v)) for k, v in zip(FIELDS, head.split(":"), strict=False) if v}
    for kv in named:
        k, v = kv.split("=", 1)
        out[k] = float(v) if "." in v else int(v)
    return out


def run(order: list[int], records: list[dict], vecs: np.ndarray, ents: list, terms: list,
        params: dict[str, Any], cpu: list[float] | None = None, figs: list | None = None
        ) -> tuple[list[str], Counter[str], list[int]]:  # fmt: skip
    """Final story per article, the splits by kind and the sizes of the stories that split (``cpu``: gets the
    CPU seconds of every assignment)."""
    c = StoryClusterer(**params)
    event = {records[i]["id"]: records[i]["event"] for i in order}
    kinds: Counter[str] = Counter()
    sizes: list[int] = []
    where: dict[str, str] = {}
    got = []
    for i in order:
        aid = records[i]["id"]
        t = time.process_time()
        figures = figs[i] if figs is not None else ()
        head = template_heading(records[i].get("text") or "")
        got.append(c.assign(aid, vecs[i], ents[i], records[i].get("published"), terms[i], figures, head))
        if cpu is not None:
            cpu.append(time.process_time() - t)
        moved = c.moved_articles()
        for a, sid in moved.items():
            if c.stories[sid].members[0] == a:  # the first article names the new half
                old = c.story_of(where.get(a, got[-1]))  # (a merge may have taken its story since)
                halves = [Counter(event[m] for m in c.stories[x].members).most_common(1)[0][0] for x in (old, sid)]
                kinds["right cut: halves' main events differ" if halves[0] != halves[1] else "one event parted"] += 1
                sizes.append(len(c.stories[old].members) + len(c.stories[sid].members))
        where.update(moved)
        where.setdefault(aid, got[-1])
    kinds["merges"] = len(c.merged_into)
    return [c.final_story(records[i]["id"], s) for i, s in zip(order, got, strict=True)], kinds, sizes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=5, help="shuffles besides the file order")
    ap.add_argument("--first-seed", type=int, default=0, help="fresh shuffles from this seed on, no file order")
    ap.add_argument("--variants", nargs="*", default=["0", "0.8:8:32:0.3:4"])
    args = ap.parse_args()
    records, vecs, ents, terms, dev = dev_stream()
    figs = stream_figures(records)
    orders = [list(dev)] if args.first_seed == 0 else []
    for sd in range(args.first_seed, args.first_seed + args.seeds):
        idx = list(dev)
        random.Random(sd).shuffle(idx)  # the report's shuffles (cluster_stream.py), or fresh seeds
        orders.append(idx)
    out: dict[str, Any] = {"first_seed": args.first_seed, "orders": len(orders), "variants": {}}
    for spec in args.variants:
        params = dict(default_params(), **variant(spec))
        f1, p, r, kinds, sizes, cpu = [], [], [], Counter(), [], []  # type: ignore[var-annotated]
        for o in orders:
            pred, k, sz = run(o, records, vecs, ents, terms, params, cpu, figs)
            sc = score(o, records, pred)
            f1.append(sc["bcubed_f1"])
            p.append(sc["bcubed_p"])
            r.append(sc["bcubed_r"])
            kinds += k
            sizes += sz
        row = {"mean_f1": round(float(np.mean(f1)), 4), "sd": round(float(np.std(f1, ddof=1)), 4),
               "each": [round(x, 4) for x in f1], "mean_p": round(float(np.mean(p)), 4),
               "mean_r": round(float(np.mean(r)), 4), "splits": dict(kinds),
               "split_sizes": dict(sorted(Counter(sizes).items())),
               "cpu_ms_p50": round(float(np.percentile(cpu, 50)) * 1000, 2),
               "cpu_ms_p95": round(float(np.percentile(cpu, 95)) * 1000, 2)}  # fmt: skip
        out["variants"][spec] = row
        print(spec, row, file=sys.stderr)
    out["when"] = stamp()
    out["machine"] = machine()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
