"""Who said it, the names the ledger shows: a whole-run diff of the quote ledger's speaker names (issue 5).

Rebuilds the ledger of every story of a stored ``newsweave run`` with the current code
(``ledger_group_audit.ledgers``), then

* ``--dump FILE``: every span of every wording and fragment in the ledger -> the speaker its entry shows (or the
  article's description of an unnamed one, or "Unattributed"), with the story and the text before it;
* ``--diff FILE``: the spans whose speaker changed against such a dump, grouped by (before, after) and printed
  with the text before each (every change, for a person to read: better, worse or neutral), and the spans that
  came or went.

Split: ``benchmarks.common.heldout`` on the external id of the story's first article (dev two thirds).

    .venv/bin/python benchmarks/ledger_names_audit.py --run /tmp/run13 --dump /tmp/names_before.json
    .venv/bin/python benchmarks/ledger_names_audit.py --run /tmp/run13 --diff /tmp/names_before.json [--split dev]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.ledger_group_audit import ledgers  # noqa: E402


def _who(e: dict[str, Any]) -> str:
    return e["speaker"] or (f"({e['speaker_description']})" if e["speaker_description"] else "Unattributed")


def names(data: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Span key (article:start:end) -> {"story", "split", "who", "before"} for every wording and fragment."""
    out = {}
    for k, d in sorted(data.items()):
        for e in d["ledger"]:
            spans = [sp for w in e["wordings"] for sp in w["spans"]] + e["fragments"]
            for sp in spans:
                text = d["texts"][sp["article"]]
                out[f"{sp['article']}:{sp['start']}:{sp['end']}"] = {
                    "story": k, "split": d["split"], "who": _who(e),
                    "before": " ".join(text[max(0, sp["start"] - 220) : sp["start"]].split()),
                    "quote": " ".join(text[sp["start"] : sp["end"]].split())[:90],
                }  # fmt: skip
    return out


def diff(new: dict[str, dict[str, str]], old: dict[str, dict[str, str]], split: str | None) -> None:
    keep = {k for k in set(old) | set(new) if split is None or (old.get(k) or new[k])["split"] == split}
    changed: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for k in sorted(keep & set(old) & set(new)):
        if old[k]["who"] != new[k]["who"]:
            changed[(new[k]["story"], old[k]["who"], new[k]["who"])].append(k)
    gone, came = sorted(keep & (set(old) - set(new))), sorted(keep & (set(new) - set(old)))
    n = sum(len(v) for v in changed.values())
    print(f"# ledger speaker names diff, {split or 'all'}, {stamp()}, {machine()}; {len(keep & set(old))} spans "
          f"before, {len(keep & set(new))} after; {n} spans ({len(changed)} story/name pairs) with another speaker; "
          f"{len(gone)} gone, {len(came)} new")  # fmt: skip
    for (story, a, b), keys in sorted(changed.items()):
        print(f"\n## {story}: {a!r} -> {b!r} ({len(keys)} spans)")
        for k in keys:
            print(f"   {k} ...{new[k]['before'][-200:]} [[{new[k]['quote']}]]")
    for sign, keys, src in (("-", gone, old), ("+", came, new)):
        for k in keys:
            print(f" {sign} {k} {src[k]['story']} {src[k]['who']!r}: {src[k]['quote']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run13"))
    ap.add_argument("--split", choices=("dev", "held-out"), help="--diff only the stories of one split")
    ap.add_argument("--dump", type=Path, help="write every ledger span's speaker to this file")
    ap.add_argument("--diff", type=Path, help="print the spans whose speaker changed against an earlier --dump")
    args = ap.parse_args()
    new = names(ledgers(args.run, None))
    if args.diff:
        diff(new, json.loads(args.diff.read_text()), args.split)
    if args.dump:
        args.dump.write_text(json.dumps(new, indent=0))


if __name__ == "__main__":
    main()
