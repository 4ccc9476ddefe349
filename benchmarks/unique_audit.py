"""What only one outlet adds, as a reader sees it: the "Only one outlet" lists of a real run (issue 6).

Rebuilds every story's comparison from a ``newsweave run`` store (as benchmarks/corroboration_audit.py does:
articles of ``out/stories.json`` in their order, copies, the number table, the store's sentence vectors) and
lists each story's unique claims (``compare_sources(...)["unique"]``), split by ``benchmarks.common.heldout`` on
the external id of the story's first article (held-out stories are printed only with ``--split held-out``, to be
read once at the end).

    nice -n 10 .venv/bin/python benchmarks/unique_audit.py --run /tmp/run4 --save FILE [--set NAME=VALUE]
    nice -n 10 .venv/bin/python benchmarks/unique_audit.py --run /tmp/run4 --diff FILE [--split held-out]
    nice -n 10 .venv/bin/python benchmarks/unique_audit.py --run /tmp/run4 --show [--split held-out]

``--diff`` prints, for each story whose list changed, the sentences that left and came (outlet: text), and
totals; ``--set`` overrides a constant of ``newsweave.stages.compare`` (the code before a change).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, set_constants, stamp, stored_comparison_inputs  # noqa: E402
from newsweave.stages import compare as cmp  # noqa: E402
from newsweave.stages.facts import story_facts  # noqa: E402


def unique_lists(run: Path) -> list[dict[str, Any]]:
    emb, stories = stored_comparison_inputs(run)
    out = []
    for st in stories:
        arts, analyses, copies = st["articles"], st["analyses"], st["copies"]
        _timeline, numbers = story_facts(arts, analyses)
        res = cmp.compare_sources(arts, analyses, copies, numbers, embedder=emb)
        out.append({"id": st["report"]["id"], "key": st["key"], "split": st["split"],
                    "articles": len(arts), "outlets": len({cmp.outlet_of(a) for a in arts if a.id not in copies}),
                    "unique": [f"{u['outlet']}: {u['text']}" for u in res["unique"]]})  # fmt: skip
    print(f"# unique audit, {stamp()}, {machine()}; {run}: {len(out)} stories, "
          f"{sum(len(s['unique']) for s in out)} unique claims; {len(emb.new)} sentences embedded afresh")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--run", type=Path, required=True)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", type=Path)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--split", default="dev", choices=["dev", "held-out"])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    set_constants(cmp, args.set)
    data = unique_lists(args.run)
    if args.save:
        args.save.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    mine = [s for s in data if s["split"] == args.split]
    if args.show:
        for s in mine:
            if s["unique"]:
                print(f"=== {s['key']} ({s['articles']} articles, {s['outlets']} outlets)")
                for u in s["unique"]:
                    print(f"   {u[:220]}")
    if args.diff:
        before = {s["id"]: s for s in json.loads(args.diff.read_text(encoding="utf-8"))}
        went = came = changed = 0
        for s in mine:
            old = before.get(s["id"], {"unique": []})["unique"]
            gone = [u for u in old if u not in s["unique"]]
            new = [u for u in s["unique"] if u not in old]
            if not gone and not new:
                continue
            changed += 1
            went += len(gone)
            came += len(new)
            print(f"=== {s['key']} ({s['articles']} articles, {s['outlets']} outlets): "
                  f"{len(old)} -> {len(s['unique'])}")
            for u in gone:
                print(f"  - {u[:220]}")
            for u in new:
                print(f"  + {u[:220]}")
        print(f"# {args.split}: {changed} stories changed, {went} sentences went, {came} came; "
              f"listed {sum(len(before.get(s['id'], {'unique': []})['unique']) for s in mine)} -> "
              f"{sum(len(s['unique']) for s in mine)}")


if __name__ == "__main__":
    main()
