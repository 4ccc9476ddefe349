"""What the quote ledger leaves out as "no statement": reported attributions whose content is a noun
phrase after a verb that is no statement verb ("Boris Johnson cancelled [a planned trip]").

No gold exists for statements outside political news, so this prints, for a person to judge, a
random draw of the attributions the rule removes and of those it keeps with the same shape (a noun
phrase content), over real articles of the 961-article stream (ECB+, DUC 2003 and MultiLing 2011:
disasters, sport, technology, crime, politics). The spaCy analysis is the product's (``stages.nlp``).

    .venv/bin/python benchmarks/ledger_audit.py [--articles 300] [--show 40] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp, stream_sample  # noqa: E402
from newsweave.stages.ledger import _CLAUSE_START, _statement_cue  # noqa: E402
from newsweave.stages.nlp import NLP  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300, help="articles drawn from the stream (default 300)")
    ap.add_argument("--show", type=int, default=40, help="attributions shown per group (default 40)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    arts = stream_sample(args.articles, rng)
    removed, kept = [], []
    for _a, an in NLP().analyse_stream(arts):
        for q in an.quotes:
            if q.direct or q.cue is None:
                continue
            content = q.content.text.lstrip()
            if _CLAUSE_START.match(content):
                continue
            line = f"{(q.speaker.text if q.speaker else '-')[:30]!r} {q.cue.text!r} [{content[:80]}]"
            (kept if _statement_cue(q.cue.text.lower()) else removed).append((q.cue.text.lower(), line))
    n_rep = len(removed) + len(kept)
    print(f"# ledger audit, {stamp()}, {machine()}; {len(arts)} stream articles (seed {args.seed})")
    print(f"reported attributions with a noun-phrase content: {n_rep}; removed as no statement: {len(removed)}")
    print("most common removed cues:", ", ".join(f"{c} {n}" for c, n in Counter(c for c, _ in removed).most_common(25)))
    for name, group in (("removed", removed), ("kept", kept)):
        print(f"\n## {name}: {min(args.show, len(group))} of {len(group)} at random")
        for _c, line in rng.sample(group, min(args.show, len(group))):
            print("  ", line)


if __name__ == "__main__":
    main()
