"""Where the stream's story errors are, story by story (issue 4): what cutting each impure final story by its gold
events, or merging each event's fragments, would gain in BCubed F1.

Dev topics only (cluster_stream.py's split; held-out is read by ``cluster_stream.py`` alone, once). The dev stream
runs in the file order and cluster_stream.py's shuffles with the settings' clusterer (``--variant`` as in
cluster_split.py, e.g. ``0.8,split_fiedler=0``). Per order: the impure final stories (their events, size, the gain of
cutting that story alone by gold event, the between/within similarity of that gold cut and of the members' top
average-linkage cut) and the events split over several stories; then the mean gain per set of events over the
orders, and the gain of the two oracles (every story cut by event; every event's stories merged).

    .venv/bin/python benchmarks/cluster_errors.py [--seeds 5] [--variant 0.8] [--quiet]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cluster_split import variant  # noqa: E402
from benchmarks.cluster_stream import default_params, dev_stream, stream_figures  # noqa: E402
from benchmarks.common import bcubed, machine, stamp  # noqa: E402
from newsweave.stages.cluster import StoryClusterer, template_heading  # noqa: E402
from newsweave.stages.cluster_split import between_within, two_groups  # noqa: E402


def ratio(sim: np.ndarray, a: list[int], b: list[int]) -> str:
    means = between_within(sim, a, b)
    return f"{means[0] / means[1]:.3f}" if means and means[1] > 0 else "-"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=5, help="shuffles besides the file order")
    ap.add_argument("--variant", default="0.8", help="clusterer fields on top of the settings' (cluster_split.py)")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    args = ap.parse_args()
    records, vecs, ents, terms, dev = dev_stream()
    figs = stream_figures(records)
    params = dict(default_params(), **variant(args.variant))
    event = {r["id"]: r["event"] for r in records}
    orders = [list(dev)]
    for sd in range(args.seeds):
        orders.append(list(dev))
        random.Random(sd).shuffle(orders[-1])  # cluster_stream.py's shuffles
    gains: Counter[tuple[str, ...]] = Counter()
    oracle_cut, oracle_merge, base = [], [], []
    for k, order in enumerate(orders):
        c = StoryClusterer(**params)
        got = [c.assign(records[i]["id"], vecs[i], ents[i], records[i].get("published"), terms[i], figs[i],
                        template_heading(records[i].get("text") or "")) for i in order]  # fmt: skip
        pred = [c.final_story(records[i]["id"], s) for i, s in zip(order, got, strict=True)]
        gold = [records[i]["event"] for i in order]
        f1 = bcubed(gold, pred)[2]
        base.append(f1)
        oracle_cut.append(bcubed(gold, [f"{p}|{g}" for g, p in zip(gold, pred, strict=True)])[2])
        main_event = {s: Counter(g for g, p in zip(gold, pred, strict=True) if p == s).most_common(1)[0][0]
                      for s in set(pred)}  # fmt: skip
        oracle_merge.append(bcubed(gold, [main_event[p] for p in pred])[2])
        lines = []
        for sid, st in c.stories.items():
            count = Counter(event[a] for a in st.members)
            if len(count) < 2:
                continue
            gain = bcubed(gold, [f"{p}|{g}" if p == sid else p for g, p in zip(gold, pred, strict=True)])[2] - f1
            gains[tuple(sorted(count))] += gain
            ms = c._member_list(st)
            where = ""
            if ms is not None:
                sim = c.pair_similarities(ms)
                top = count.most_common(1)[0][0]
                own = [x for x, a in enumerate(st.members) if event[a] == top]
                rest = [x for x, a in enumerate(st.members) if event[a] != top]
                g0, g1 = two_groups(sim)
                where = f"; gold cut {ratio(sim, own, rest)}, top cut {len(g0)}/{len(g1)} {ratio(sim, g0, g1)}"
            lines.append(f"  {gain:+.4f} {len(st.members):2d} articles: {dict(count.most_common())}{where}")
        parts: dict[str, Counter[str]] = defaultdict(Counter)
        for g, p in zip(gold, pred, strict=True):
            parts[g][p] += 1
        frags = [f"  {g}: {sorted(n.values(), reverse=True)}" for g, n in sorted(parts.items()) if len(n) > 1]
        if not args.quiet:
            print(f"order {k} ({'file order' if k == 0 else f'shuffle {k - 1}'}): F1 {f1:.4f}")
            print("\n".join(sorted(lines, reverse=True)))
            print("events in several stories:\n" + "\n".join(frags))
    print(f"\nmean over {len(orders)} orders: F1 {np.mean(base):.4f}; every story cut by event "
          f"{np.mean(oracle_cut):.4f}; every event's stories merged {np.mean(oracle_merge):.4f}")  # fmt: skip
    print("gain of cutting the stories of these events by event (mean over the orders):")
    for evs, g in sorted(gains.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {g / len(orders):+.4f} {', '.join(evs)}")
    print(f"({stamp()}; {machine()})")


if __name__ == "__main__":
    main()
