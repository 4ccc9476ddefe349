"""Who said it, round 4 (issue 5): the speakers that the given-name sex rule changes, quote by quote.

Parses every article of a split that carries a ledger entry in a ``newsweave run`` output once (spaCy,
as the product parses) and extracts its quotes twice with the current code: with the given-name sex
table empty (the rule off: honorifics alone give a sex, as before) and as shipped. Prints each quote
whose resolved speaker changes, with the text before it, for a person to read.

    .venv/bin/python benchmarks/speaker_gender_diff.py --run /tmp/run8 [--split dev|held-out] [--rule gender|roles]

``--rule roles`` (round 5) toggles instead the rule that a definite role noun after an unnamed indefinite
one ("a Western diplomat said ... the diplomat added") stays unnamed (``quote_context.UNNAMED_ROLES``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp  # noqa: E402
from benchmarks.speaker_audit import _texts  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run8"))
    ap.add_argument("--split", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--rule", choices=("gender", "roles"), default="gender")
    a = ap.parse_args()
    from newsweave.stages import quote_context
    from newsweave.stages.nlp import NLP
    from newsweave.stages.quotes import extract_quotes

    stories = json.loads((a.run / "out" / "stories.json").read_text())["stories"]
    ids = sorted({sp["article"] for s in stories if heldout(s["id"]) == (a.split == "held-out")
                  for q in s.get("quotes", []) for w in q["wordings"] for sp in w["spans"]})  # fmt: skip
    texts = _texts(a.run, set(ids))
    docs = NLP().docs([texts[i][0] for i in ids])
    table, n_quotes, changed = quote_context.GIVEN_GENDER, 0, 0
    for aid, doc in zip(ids, docs, strict=True):
        if a.rule == "gender":
            quote_context.GIVEN_GENDER = {}
        else:
            quote_context.UNNAMED_ROLES = False
        old = list(extract_quotes(doc))
        quote_context.GIVEN_GENDER, quote_context.UNNAMED_ROLES = table, True
        new = list(extract_quotes(doc))
        n_quotes += len(new)
        olds = {(q.content.start, q.content.end): q.speaker_name for q in old}
        for q in new:
            before = olds.get((q.content.start, q.content.end), "(no such quote)")
            if before != q.speaker_name:
                changed += 1
                text = doc.text
                lo = max(0, min(q.content.start, q.speaker.start if q.speaker else q.content.start) - 350)
                ctx = " ".join(text[lo : q.content.end].split())
                print(f"\n## {aid}:{q.content.start}:{q.content.end}  {before!r} -> {q.speaker_name!r}\n   {ctx}")
    print(f"\n# {a.split}: {len(ids)} articles, {n_quotes} quotes, {changed} speakers changed; {stamp()}, {machine()}")


if __name__ == "__main__":
    main()
