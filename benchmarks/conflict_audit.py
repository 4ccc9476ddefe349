"""Conflicts the comparison reports on a whole real stream, drawn at random for a person to judge.

The gold of ``benchmarks/compare.py`` has few conflicts (10 clusters); this looks at every story of a
store built by ``newsweave run`` (the 961-article stream: ECB+, DUC 2003, MultiLing 2011), recomputes
each story's comparison from the stored articles and analyses (sentence vectors come from the store's
cache, so no model runs for stories analysed before), counts the conflicts by kind, and prints a random
draw of them with both sentences.

    .venv/bin/newsweave run ../shared/data/clustering_stream/articles.jsonl --db /tmp/stream.db --out /tmp/out
    .venv/bin/python benchmarks/conflict_audit.py --db /tmp/stream.db [--show 30] [--seed 0] [--kind negation]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.compare import compare_sources  # noqa: E402
from newsweave.stages.embed import CachedEmbedder, Embedder  # noqa: E402
from newsweave.stages.facts import story_facts  # noqa: E402
from newsweave.stages.story import find_copies  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="a store made by `newsweave run`")
    ap.add_argument("--show", type=int, default=30, help="conflicts to print (default 30)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kind", help="only this kind (number, negation)")
    args = ap.parse_args()
    if not Path(args.db).exists():
        raise SystemExit(f"no store {args.db!r}: make one with `newsweave run` (see --help)")
    store = SQLiteStore(args.db)
    emb = CachedEmbedder(Embedder.from_settings(Settings()), store.sentence_vectors)
    found: list[tuple[str, dict[str, Any]]] = []
    members = store.story_members()
    for sid, ids in sorted(members.items()):
        arts = store.articles(ids)
        analyses = store.analyses(ids)
        _timeline, numbers = story_facts(arts, analyses)
        comp = compare_sources(arts, analyses, find_copies(arts), numbers, embedder=emb)
        found += [(sid, c) for c in comp["conflicting"] if not args.kind or c["kind"] == args.kind]
    store.close()
    kinds = ", ".join(f"{k} {n}" for k, n in Counter(c["kind"] for _s, c in found).most_common())
    tentative = sum(bool(c.get("tentative")) for _s, c in found)
    print(f"# conflict audit, {stamp()}, {machine()}; {args.db}: {len(members)} stories, {len(found)} conflicts "
          f"({kinds}; {tentative} tentative); {len(emb.new)} sentences embedded")  # fmt: skip
    for sid, c in random.Random(args.seed).sample(found, min(args.show, len(found))):
        print(f"\n[{c['kind']}{', tentative' if c.get('tentative') else ''}] story {sid} about {c['about']!r}")
        for x in c["claims"][:2]:
            print(f"   {'NEG ' if x.get('negated') else ''}{x['outlet'][:30]}: {x['text'][:230]}")


if __name__ == "__main__":
    main()
