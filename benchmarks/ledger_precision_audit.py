"""Statements and speakers a reader can trust: a precision audit of the quote ledger of real output (issue 5).

Rebuilds the ledger of every story of a stored ``newsweave run`` with the current code
(``ledger_group_audit.ledgers``: the items as ``stages.story.story_ledger`` gives them to ``build_ledger``),
then

* ``--draw``: prints N entries drawn at random (fixed seed) from the split's stories: speaker (or the
  article's description of an unnamed one), cue, channel, direct or reported, the wording and the text
  before it, for a person to judge whether it is a real statement by the right kind of speaker;
* ``--score``: scores the judgements in ``benchmarks/gold/ledger_precision_audit.json`` ({key: {"draw",
  "split", "story", "label", "note"}}; key = article:start:end of the entry's first wording; label "ok" or the
  class of error) against the current ledger: the share of judged entries that are statements, as drawn
  (before) and among those the current code still lists (after), and the statements it no longer lists;
* ``--dump FILE`` / ``--diff FILE``: every story's entries (key, speaker, cue, wording) to a file, and the
  entries removed and added against such a dump (``--show`` of the removed printed at random).

Split: ``benchmarks.common.heldout`` on the external id of the story's first article (as
``ledger_group_audit.py``): dev two thirds of the stories, held-out one third.

    .venv/bin/python benchmarks/ledger_precision_audit.py --run /tmp/run3 --draw [--n 60] [--seed 0] [--split dev]
    .venv/bin/python benchmarks/ledger_precision_audit.py --run /tmp/run3 --score [--split dev] [--draw-id seed0]
    .venv/bin/python benchmarks/ledger_precision_audit.py --run /tmp/run3 --dump /tmp/a.json
    .venv/bin/python benchmarks/ledger_precision_audit.py --run /tmp/run3 --diff /tmp/a.json [--show 40]

``--baseline REV`` rebuilds the ledgers with ``build_ledger`` of ``ledger.py`` at git revision REV (the draw of
the ledger as it was before a change; ``--score`` then tells what the current code removes from it).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.ledger_group_audit import _context, _key, ledgers  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "ledger_precision_audit.json"


def _line(e: dict[str, Any]) -> str:
    who = e["speaker"] or (f"{e['speaker_description']} (not named)" if e["speaker_description"] else "Unattributed")
    how = "direct" if e["direct"] else f"reported *{e['cue']}*"
    via = f", via {e['channel']}" if e["channel"] else ""
    return f"{who} [{how}{via}; {len(e['articles'])} art.]: {' '.join(e['wordings'][0]['text'].split())[:200]}"


def entries(data: dict[str, dict[str, Any]]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Entry key (its first wording's first span) -> (story key, entry)."""
    return {_key(e["wordings"][0]): (k, e) for k, d in sorted(data.items()) for e in d["ledger"]}


def draw(data: dict[str, dict[str, Any]], n: int, seed: int, skip: set[str]) -> None:
    pool = [(key, k, e) for key, (k, e) in entries(data).items() if key not in skip]
    rng = random.Random(seed)
    print(f"# ledger precision draw, seed {seed}, {stamp()}, {machine()}; {len(data)} stories, "
          f"{len(pool)} entries not judged before")  # fmt: skip
    for i, (key, k, e) in enumerate(rng.sample(pool, min(n, len(pool)))):
        sp = e["wordings"][0]["spans"][0]
        print(f"\n### {i} {key} story={k}\n   {_line(e)}")
        text = data[k]["texts"][sp["article"]]
        after = " ".join(text[sp["end"] : sp["end"] + 100].split())
        print("   " + _context(text, sp["start"], sp["end"])[-420:] + " " + after)


def score(data: dict[str, dict[str, Any]], split: str, draw_id: str) -> None:
    print_score(GOLD, "ledger precision", split, draw_id, set(entries(data)), whoever=True)


def print_score(gold_path: Path, name: str, split: str, draw_id: str, now: set[str], whoever: bool = False) -> None:
    """How many judged entries of a draw are statements by a speaker that can state, as drawn and among those
    the current code still lists (``now``: the keys of its entries); ``whoever`` adds the statements counted
    whoever the speaker. Serves this audit and ledger_web_audit.py (each with its own gold file)."""
    gold = json.loads(gold_path.read_text())
    judged = {k: g for k, g in gold.items() if g["split"] == split and g["draw"].startswith(draw_id)}
    listed = {k: g for k, g in judged.items() if k in now}
    before, after = Counter(g["label"] for g in judged.values()), Counter(g["label"] for g in listed.values())
    ok_b, ok_a = before["ok"], after["ok"]
    print(f"# {name} score, {split}, draw {draw_id or 'all'}, {stamp()}, {machine()}")
    print(f"as drawn:     {ok_b}/{len(judged)} statements by a speaker that can state "
          f"({ok_b / max(len(judged), 1):.1%}); {dict(before.most_common())}")  # fmt: skip
    print(f"current code: {ok_a}/{len(listed)} of the judged entries still listed "
          f"({ok_a / max(len(listed), 1):.1%}); {dict(after.most_common())}")  # fmt: skip
    if whoever:
        st_b = ok_b + before["wrong_speaker"]
        st_a = ok_a + after["wrong_speaker"]
        print(f"statements whoever the speaker (ok + wrong_speaker): as drawn {st_b}/{len(judged)} "
              f"({st_b / max(len(judged), 1):.1%}), current code {st_a}/{len(listed)} "
              f"({st_a / max(len(listed), 1):.1%})")  # fmt: skip
    print(f"removed: {len(judged) - len(listed)}, of which statements (lost): {ok_b - ok_a}")
    for k, g in judged.items():
        if k not in now:
            print(f"  removed {g['label']}: {k} {g.get('note', '')[:120]}")


def dump(data: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {key: f"{k} | {_line(e)}" for key, (k, e) in entries(data).items()}


def diff(data: dict[str, dict[str, Any]], old: dict[str, str], show: int, seed: int) -> None:
    new = dump(data)
    gone, came = sorted(set(old) - set(new)), sorted(set(new) - set(old))
    print(f"# ledger precision diff, {stamp()}; entries {len(old)} -> {len(new)}: {len(gone)} gone, {len(came)} new")
    print(f"stories changed: {len({old[k].split(' | ')[0] for k in gone} | {new[k].split(' | ')[0] for k in came})}")
    for k in came:
        print(f"  + {k} {new[k]}")
    changed = [k for k in sorted(set(old) & set(new)) if old[k] != new[k]]
    print(f"\n## {len(changed)} entries listed with another speaker, cue or wording")
    for k in changed:
        print(f"  ~ {k} {old[k]}\n    -> {new[k].split(' | ', 1)[1]}")
    rng = random.Random(seed)
    print(f"\n## {min(show, len(gone))} of {len(gone)} gone, at random (seed {seed})")
    for k in sorted(rng.sample(gone, min(show, len(gone)))):
        print(f"  - {k} {old[k]}")


def use_baseline(rev: str) -> None:
    """Rebuild the ledgers with ``build_ledger`` of ``newsweave/stages/ledger.py`` at git revision ``rev`` (the
    rest of the code as it is), to draw from the ledger as it was before a change."""
    import importlib.util
    import subprocess
    import tempfile

    import newsweave.stages.story as story

    def show(name: str) -> str:
        root = Path(__file__).resolve().parents[1]
        return subprocess.run(["git", "show", f"{rev}:newsweave/stages/{name}"], cwd=root, check=True,
                              capture_output=True, text=True).stdout  # fmt: skip

    src = show("ledger.py")
    path = Path(tempfile.mkdtemp()) / "ledger_baseline.py"
    path.write_text(src, encoding="utf-8")
    for data in re.findall(r'with_name\("([\w.]+)"\)', src):  # the word lists it reads, as they were then
        (path.parent / data).write_text(show(data), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("newsweave.stages.ledger_baseline", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    story.build_ledger = module.build_ledger  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run3"))
    ap.add_argument("--split", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--draw-id", default="", help="score only judged entries of draws starting so (seed0, seed1)")
    ap.add_argument("--dump", type=Path, help="write every story's entries to this file")
    ap.add_argument("--diff", type=Path, help="print the entries removed and added against an earlier --dump")
    ap.add_argument("--show", type=int, default=40, help="removed entries printed by --diff")
    ap.add_argument("--baseline", metavar="REV", help="use build_ledger of ledger.py at this git revision")
    args = ap.parse_args()
    if args.baseline:
        use_baseline(args.baseline)
    data = ledgers(args.run, None if args.dump or args.diff else args.split)
    if args.draw:
        skip = set(json.loads(GOLD.read_text())) if GOLD.exists() else set()
        draw(data, args.n, args.seed, skip)
    if args.score:
        score(data, args.split, args.draw_id)
    if args.diff:
        diff(data, json.loads(args.diff.read_text()), args.show, args.seed)
    if args.dump:
        args.dump.write_text(json.dumps(dump(data), indent=0))


if __name__ == "__main__":
    main()
