"""Every conflict a report lists, for a precision audit by hand (issue 6 follow-up: "where sources conflict").

``benchmarks/conflict_audit.py`` prints a random draw; this lists ALL the conflicts of every story of a
``newsweave run`` (the stories of ``out/stories.json``, articles in their order), recomputed with the current
code from the store (copies from ``find_copies``, the number table from ``story_facts``, sentence vectors from
the store's cache, as ``stages.story.analyse_story`` does). Sure conflicts (the report's "In conflict") and
tentative ones ("Possible conflicts, to check") are listed apart. Stories are split by ``benchmarks.common.
heldout`` on the external id of the story's first article (as corroboration_audit.py does): held-out ones are
listed only with ``--split held-out``, to be read once at the end.

A conflict is keyed by its story, kind and the sorted (article, start) of its claims, so a judgment survives
reruns as long as the conflict lists the same sentences. Judgments are in ``benchmarks/gold/conflict_audit.json``
(``{"key": {"real": true|false, "why": "..."}}``); ``--score`` gives the share of listed conflicts judged real
(a conflict not judged yet is counted apart, to be judged).

    .venv/bin/python benchmarks/conflict_audit2.py --run /tmp/run3 [--split dev|held-out] [--tentative]
    .venv/bin/python benchmarks/conflict_audit2.py --run /tmp/run3 --score [--split held-out]
    .venv/bin/python benchmarks/conflict_audit2.py --run /tmp/run3 --save /tmp/c_before.json
    .venv/bin/python benchmarks/conflict_audit2.py --run /tmp/run3 --diff /tmp/c_before.json [--split all]
    .venv/bin/python benchmarks/conflict_audit2.py --run /tmp/run3 --load /tmp/c_before.json --score

The saved lists of the audit of 2026-12-07 (before: the code at 461ebbf; after: 089d79a) are
benchmarks/gold/conflict_audit_before.json and conflict_audit_after.json; those of the audit of the possible
(tentative) conflicts on /tmp/run4 (before: 3c51ff0; after: the asserted-denial rules of stages/compare.py) are
conflict_audit_run4_before.json and conflict_audit_run4_after.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages import compare as cmp  # noqa: E402
from newsweave.stages.embed import CachedEmbedder, Embedder  # noqa: E402
from newsweave.stages.facts import story_facts  # noqa: E402
from newsweave.stages.story import find_copies  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "conflict_audit.json"


def conflict_key(story: str, c: dict[str, Any]) -> str:
    spans = sorted(f"{x['article']}@{x['start']}" for x in c["claims"])
    return f"{story}|{c['kind']}{'~' if c.get('tentative') else ''}|{';'.join(spans)}"


def conflicts(run: Path) -> list[dict[str, Any]]:
    """Every conflict of every story of the run, with its story's split."""
    reports = json.loads((run / "out" / "stories.json").read_text())["stories"]
    store = SQLiteStore(str(run / "s.db"))
    emb = CachedEmbedder(Embedder.from_settings(Settings(), threads=1), store.sentence_vectors)
    out: list[dict[str, Any]] = []
    for rep in reports:
        ids = [a["id"] for a in rep["articles"]]
        by_id = {a.id: a for a in store.articles(ids)}
        arts = [by_id[i] for i in ids if i in by_id]
        analyses = store.analyses(ids)
        key = rep["articles"][0].get("external_id") or rep["articles"][0]["id"]
        _timeline, numbers = story_facts(arts, analyses)
        comp = cmp.compare_sources(arts, analyses, find_copies(arts), numbers, embedder=emb)
        for c in comp["conflicting"]:
            split = "held-out" if heldout(key) else "dev"
            out.append({"story": rep["id"], "title": rep.get("title", ""), "split": split,
                        "key": conflict_key(rep["id"], c),
                        "kind": c["kind"], "tentative": bool(c.get("tentative")), "about": c["about"],
                        "claims": [{"outlet": x["outlet"], "text": x["text"], "negated": x.get("negated"),
                                    "value": x.get("value")} for x in c["claims"]]})  # fmt: skip
    store.close()
    print(f"# conflict audit 2, {stamp()}, {machine()}; {run}: {len(reports)} stories, {len(out)} conflicts "
          f"({sum(not c['tentative'] for c in out)} sure); {len(emb.new)} sentences embedded afresh")
    return out


def show(c: dict[str, Any], gold: dict[str, Any]) -> None:
    g = gold.get(c["key"])
    judged = f"  JUDGED {'real' if g['real'] else 'not real'}: {g.get('why', '')}" if g else ""
    print(f"\n[{c['kind']}{', tentative' if c['tentative'] else ''}] {c['key']}\n  about {c['about']!r}{judged}")
    for x in c["claims"]:
        val = f" [{x['value']:g}]" if isinstance(x.get("value"), (int, float)) else ""
        print(f"   {'NEG ' if x.get('negated') else ''}{x['outlet'][:28]}{val}: {x['text'][:260]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", required=True, type=Path, help="a `newsweave run` directory (s.db and out/stories.json)")
    ap.add_argument("--split", default="dev", choices=("dev", "held-out", "all"))
    ap.add_argument("--tentative", action="store_true", help="list the tentative conflicts (default: the sure ones)")
    ap.add_argument("--score", action="store_true", help="share of listed conflicts judged real")
    ap.add_argument("--save", type=Path, help="save every conflict (all splits) to this JSON file")
    ap.add_argument("--diff", type=Path, help="conflicts gone and new since a --save file")
    ap.add_argument("--load", type=Path, help="score or list a --save file (the conflicts of earlier code) instead")
    args = ap.parse_args()
    data = json.loads(args.load.read_text()) if args.load else conflicts(args.run)
    if args.save:
        args.save.write_text(json.dumps(data, indent=1))
    gold = json.loads(GOLD.read_text()) if GOLD.exists() else {}
    mine = [c for c in data if args.split in ("all", c["split"])]
    if args.diff:
        before = [c for c in json.loads(args.diff.read_text()) if args.split in ("all", c["split"])]
        old, new = {c["key"] for c in before}, {c["key"] for c in mine}
        print(f"## {args.split}: {len(old)} -> {len(new)} conflicts; gone {len(old - new)}, new {len(new - old)}")
        for title, cs in (("GONE", [c for c in before if c["key"] not in new]),
                          ("NEW", [c for c in mine if c["key"] not in old])):  # fmt: skip
            print(f"\n##### {title}: {len(cs)}")
            for c in cs:
                show(c, gold)
        return
    if args.score:
        for tentative in (False, True):
            cs = [c for c in mine if c["tentative"] == tentative]
            judged = [gold[c["key"]] for c in cs if c["key"] in gold]
            real = sum(bool(g["real"]) for g in judged)
            share = f"{real / len(judged):.1%}" if judged else "-"
            print(f"{args.split} {'tentative' if tentative else 'sure'}: {len(cs)} listed, {len(judged)} judged, "
                  f"{real} real ({share}); not judged {len(cs) - len(judged)}")
        return
    cs = [c for c in mine if c["tentative"] == args.tentative]
    print(f"## {args.split}, {'tentative' if args.tentative else 'sure'}: {len(cs)}")
    for c in cs:
        show(c, gold)


if __name__ == "__main__":
    main()
