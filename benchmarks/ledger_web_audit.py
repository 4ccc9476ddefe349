"""The quote ledger on pages that are not news (how-to pages, reviews, blogs, docs): a precision audit (issue 5).

Runs newsweave's reading and analysis (``Pipeline.ingest``: HTML extraction, cleaning, spaCy, the quote stages)
over a sample of the WCXB pages (``../shared/data/extraction_wcxb``: 709 real article pages of all kinds) into a
scratch store (``--build``; the analyses are cached there), then rebuilds each page's ledger with the current code
as a story of one page (``stages.story.story_ledger``, after ``english_only_restricted`` as ``analyse_story``) and

* ``--list``: prints every ledger entry of the sample (speaker, cue, wording);
* ``--draw``: prints N entries drawn at random (fixed seed; entries judged before are skipped) with the text
  before them, for a person to judge: a statement by a speaker that can state ("ok") or not, with the class;
* ``--score``: scores the judgements in ``benchmarks/gold/ledger_web_audit.json`` ({key: {"draw", "split",
  "page", "label", "note"}}; key = page id:start:end of the entry's first wording) against the current ledger:
  the share of judged entries that are statements as drawn, among those the current code still lists, and the
  statements it no longer lists;
* ``--dump FILE`` / ``--diff FILE``: every entry to a file, and the entries removed and added against it.

``--baseline REV`` rebuilds the ledgers with ``build_ledger`` of ``ledger.py`` at git revision REV (a draw from the
ledger as it was before a change; ``--score`` without it tells what the current code removes from that draw).
``--exclude DB ...`` leaves the pages of other scratch stores out of a ``--build`` (a fresh sample).

Split: ``benchmarks.common.heldout`` on the page id (``0001``): dev two thirds of the pages, held-out one third.
The sample is drawn from one split (``--split``, seeded): tune on dev, draw held-out once at the end.

    nice -n 10 .venv/bin/python benchmarks/ledger_web_audit.py --db /tmp/lwa/dev.db --build --n-pages 80
    .venv/bin/python benchmarks/ledger_web_audit.py --db /tmp/lwa/dev.db --draw --n 60 --seed 0
    .venv/bin/python benchmarks/ledger_web_audit.py --db /tmp/lwa/dev.db --score --draw-id seed0
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import SHARED, heldout, machine, stamp  # noqa: E402
from benchmarks.ledger_group_audit import _context  # noqa: E402
from benchmarks.ledger_precision_audit import print_score, use_baseline  # noqa: E402
from newsweave.stages.story import english_only_restricted, story_ledger  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402

WCXB = SHARED / "extraction_wcxb"
GOLD = Path(__file__).with_name("gold") / "ledger_web_audit.json"


def pages(split: str) -> list[str]:
    """Page ids of the split, in file order."""
    ids = [json.loads(line)["id"] for line in (WCXB / "pages.jsonl").open(encoding="utf-8")]
    return [i for i in ids if heldout(i) == (split == "held-out")]


def page_ids(db: Path) -> set[str]:
    """The WCXB page ids a scratch store holds."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = [json.loads(r[0]).get("origin") or "" for r in con.execute("select data from articles")]
    con.close()
    return {Path(o).name.split(".")[0] for o in rows}


def build(db: Path, split: str, n_pages: int, seed: int, exclude: list[Path]) -> None:
    from newsweave.pipeline import Pipeline

    seen = set().union(*(page_ids(x) for x in exclude))
    chosen = sorted(random.Random(seed).sample([p for p in pages(split) if p not in seen], n_pages))
    store = SQLiteStore(str(db))
    res = Pipeline(store, progress=False).ingest([WCXB / "html" / f"{i}.html.gz" for i in chosen])
    store.close()
    print(f"# built {db}: {split} pages {len(chosen)} (seed {seed}), {res.new} articles stored, "
          f"{len(res.skipped)} skipped, {stamp()}")  # fmt: skip


def ledgers(db: Path) -> dict[str, dict[str, Any]]:
    """Page id -> {"split", "ledger", "text", "outlet"}: each page's ledger as a story of one page."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in con.execute("select id from articles order by seq")]
    con.close()
    store = SQLiteStore(str(db))
    out = {}
    for a in store.articles(ids):
        page = Path(a.origin or "").name.split(".")[0]
        an = english_only_restricted([a], store.analyses([a.id]))
        out[page] = {"split": "held-out" if heldout(page) else "dev", "ledger": story_ledger([a], an)[1],
                     "text": a.text, "outlet": a.source}  # fmt: skip
    return out


def _line(e: dict[str, Any]) -> str:
    who = e["speaker"] or (f"{e['speaker_description']} (not named)" if e["speaker_description"] else "Unattributed")
    how = "direct" if e["direct"] else f"reported *{e['cue']}*"
    return f"{who} [{how}]: {' '.join(e['wordings'][0]['text'].split())[:200]}"


def entries(data: dict[str, dict[str, Any]]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Entry key (page id:start:end of its first wording's first span) -> (page id, entry)."""
    out = {}
    for page, d in sorted(data.items()):
        for e in d["ledger"]:
            sp = e["wordings"][0]["spans"][0]
            out[f"{page}:{sp['start']}:{sp['end']}"] = (page, e)
    return out


def draw(data: dict[str, dict[str, Any]], n: int, seed: int, skip: set[str]) -> None:
    pool = [(key, p, e) for key, (p, e) in entries(data).items() if key not in skip]
    print(f"# ledger web draw, seed {seed}, {stamp()}, {machine()}; {len(data)} pages, {len(pool)} entries not "
          f"judged before")  # fmt: skip
    for i, (key, p, e) in enumerate(random.Random(seed).sample(pool, min(n, len(pool)))):
        sp = e["wordings"][0]["spans"][0]
        text = data[p]["text"]
        after = " ".join(text[sp["end"] : sp["end"] + 100].split())
        before = _context(text, sp["start"], sp["end"])[-420:]
        print(f"\n### {i} {key} ({data[p]['outlet']})\n   {_line(e)}\n   {before} {after}")


def score(data: dict[str, dict[str, Any]], split: str, draw_id: str) -> None:
    print_score(GOLD, "ledger web", split, draw_id, set(entries(data)))


def dump(data: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {key: _line(e) for key, (_p, e) in entries(data).items()}


def diff(data: dict[str, dict[str, Any]], old: dict[str, str]) -> None:
    new = dump(data)
    gone, came = sorted(set(old) - set(new)), sorted(set(new) - set(old))
    print(f"# ledger web diff, {stamp()}; entries {len(old)} -> {len(new)}: {len(gone)} gone, {len(came)} new")
    for k in gone:
        print(f"  - {k} {old[k]}")
    for k in came:
        print(f"  + {k} {new[k]}")
    for k in sorted(set(old) & set(new)):
        if old[k] != new[k]:
            print(f"  ~ {k} {old[k]}\n    -> {new[k]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="the scratch store of the sample")
    ap.add_argument("--build", action="store_true", help="read and analyse the sample into --db")
    ap.add_argument("--n-pages", type=int, default=80)
    ap.add_argument("--page-seed", type=int, default=0)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="--build leaves out these stores' pages")
    ap.add_argument("--split", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--baseline", metavar="REV", help="use build_ledger of ledger.py at this git revision")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--draw-id", default="")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--diff", type=Path)
    args = ap.parse_args()
    if args.build:
        build(args.db, args.split, args.n_pages, args.page_seed, args.exclude)
    if args.baseline:
        use_baseline(args.baseline)
    data = ledgers(args.db)
    if any(d["split"] != args.split for d in data.values()):
        sys.exit(f"{args.db} holds pages of another split than {args.split}")
    print(f"# {len(data)} pages, {sum(len(d['ledger']) for d in data.values())} ledger entries")
    if args.list:
        for key, (_p, e) in entries(data).items():
            print(f"{key} {_line(e)}")
    if args.draw:
        skip = set(json.loads(GOLD.read_text())) if GOLD.exists() else set()
        draw(data, args.n, args.seed, skip)
    if args.score:
        score(data, args.split, args.draw_id)
    if args.diff:
        diff(data, json.loads(args.diff.read_text()))
    if args.dump:
        args.dump.write_text(json.dumps(dump(data), indent=0))


if __name__ == "__main__":
    main()
