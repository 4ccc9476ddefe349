"""The quote ledger's grouping across outlets: an audit of real output (issue 5).

Rebuilds the ledger of every story of a stored ``newsweave run`` (its ``s.db`` and
``out/stories.json``: the story's articles, their stored analyses, the story's entity names; the
items as ``stages.story.analyse_story`` gives them to ``build_ledger``) with the current code, then

* ``--draw``: prints entries with two or more wordings drawn at random (fixed seed), and pairs of
  single-wording entries of one speaker whose words are near (possible missed merges), for a person
  to judge whether every wording is one statement;
* ``--score``: scores the judgements in ``benchmarks/gold/ledger_group_audit.json`` against the
  current grouping: for every judged pair of wordings, same statement or not, whether the ledger
  now puts them in one entry (pair precision and recall over the judged pairs);
* ``--diff OLD.json``: the entries whose grouping changed against an earlier dump (``--dump``).

Split: ``benchmarks.common.heldout`` on the external id of the story's first article (stable across
runs; story ids are not): dev two thirds of the stories, held-out one third.

    .venv/bin/python benchmarks/ledger_group_audit.py --run /tmp/run3 --draw [--n 30] [--pairs 15] [--seed 0]
    .venv/bin/python benchmarks/ledger_group_audit.py --run /tmp/run3 --score [--split dev|held-out]
    .venv/bin/python benchmarks/ledger_group_audit.py --run /tmp/run3 --dump /tmp/a.json [--diff /tmp/b.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp  # noqa: E402
from newsweave.stages.story import story_ledger  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "ledger_group_audit.json"


def ledgers(run: Path, split: str | None) -> dict[str, dict[str, Any]]:
    """Story key (first article's external id) -> {"split", "ledger", "texts"} rebuilt from the run."""
    stories = json.loads((run / "out" / "stories.json").read_text())["stories"]
    store = SQLiteStore(str(run / "s.db"))
    out = {}
    for s in stories:
        key = s["articles"][0]["external_id"]
        part = "held-out" if heldout(key) else "dev"
        if split is not None and part != split:
            continue
        ids = [a["id"] for a in s["articles"]]
        articles = store.articles(ids)
        analyses = store.analyses(ids)
        out[key] = {"split": part, "ledger": story_ledger(articles, analyses)[1],
                    "texts": {a.id: a.text for a in articles}}  # fmt: skip
    return out


def _key(w: dict[str, Any]) -> str:
    sp = w["spans"][0]
    return f"{sp['article']}:{sp['start']}:{sp['end']}"


def _entry_of(ledger: list[dict[str, Any]]) -> dict[str, int]:
    """Span key -> index of the entry holding it (every span of every wording)."""
    return {f"{sp['article']}:{sp['start']}:{sp['end']}": i
            for i, e in enumerate(ledger) for w in e["wordings"] for sp in w["spans"]}  # fmt: skip


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 160) : start].split()) + " [[" + " ".join(text[start:end].split()) + "]]"


def draw(data: dict[str, dict[str, Any]], n: int, pairs: int, seed: int) -> None:
    rng = random.Random(seed)
    multi = [(k, e) for k, d in sorted(data.items()) for e in d["ledger"] if len(e["wordings"]) > 1]
    print(f"# ledger grouping draw, seed {seed}, {stamp()}, {machine()}; {len(data)} stories, "
          f"{sum(len(d['ledger']) for d in data.values())} entries, {len(multi)} with 2+ wordings")  # fmt: skip
    for i, (k, e) in enumerate(rng.sample(multi, min(n, len(multi)))):
        print(f"\n### E{i} story={k} speaker={e['speaker']!r} desc={e['speaker_description']!r} cue={e['cue']!r}")
        for j, w in enumerate(e["wordings"]):
            sp = w["spans"][0]
            ctx = _context(data[k]["texts"][sp["article"]], sp["start"], sp["end"])
            print(f"  w{j} {_key(w)} {w['outlets']}\n     {ctx}")
        for f in e["fragments"]:
            print(f"  fragment {f['article']}:{f['start']}:{f['end']}: {f['text'][:160]!r}")
            print(f"     of {f['fragment_of']['text'][:160]!r}")
    near = []
    for k, d in sorted(data.items()):
        singles = [e for e in d["ledger"] if len(e["wordings"]) == 1 and e["speaker"]]
        for a, b in combinations(singles, 2):
            if a["speaker"] != b["speaker"] or set(a["articles"]) == set(b["articles"]):
                continue
            wa, wb = (set(w for w in x["wordings"][0]["text"].lower().split() if len(w) > 3) for x in (a, b))
            if wa and wb and len(wa & wb) >= 0.4 * min(len(wa), len(wb)):
                near.append((k, a, b))
    print(f"\n# near pairs of single-wording entries of one speaker: {len(near)}")
    for i, (k, a, b) in enumerate(rng.sample(near, min(pairs, len(near)))):
        print(f"\n### P{i} story={k} speaker={a['speaker']!r}")
        for x in (a, b):
            w = x["wordings"][0]
            sp = w["spans"][0]
            ctx = _context(data[k]["texts"][sp["article"]], sp["start"], sp["end"])
            print(f"  {_key(w)} {w['outlets']}\n     {ctx}")


def _moved(key: str, where: dict[str, Any]) -> str:
    """The listed span of ``key``'s article that starts or ends where ``key`` does (``key`` if listed or none)."""
    if key in where:
        return key
    art, start, end = key.split(":")
    same = [k for k in where if k.split(":")[0] == art]
    return next((k for k in same if k.split(":")[1] == start), next((k for k in same if k.split(":")[2] == end), key))


def score(data: dict[str, dict[str, Any]], split: str, draw: str = "", follow: bool = False) -> None:
    """Pair precision and recall over the judged items of ``split``. With ``follow`` a wording is looked up
    in the story that now holds its article (a later run's clustering may have moved both articles of a
    judged pair to another story; two wordings in two stories are apart; the split stays the judged
    story's), and a judged span no listed wording has is matched to a listed span of its article that
    starts or ends where it did (a later extractor's span of the same quote: "... the all-time leading
    scorer" now runs on to the quote's next sentence)."""
    gold = json.loads(GOLD.read_text())
    gold["judged"] = [j for j in gold["judged"] if j["id"].startswith(draw)]
    everywhere = {k: (s, i) for s, d in data.items() for k, i in _entry_of(d["ledger"]).items()} if follow else {}
    tp = fp = fn = tn = 0
    wrong = []
    for j in gold["judged"]:
        if j["story"] not in data or data[j["story"]]["split"] != split:
            continue
        where: dict[str, Any] = everywhere or _entry_of(data[j["story"]]["ledger"])
        for (ka, la), (kb, lb) in combinations(zip(j["keys"], j["labels"], strict=True), 2):
            if la is None or lb is None:
                continue  # a wording judged no statement of this speaker at all (counted under "speaker")
            if follow:
                ka, kb = _moved(ka, where), _moved(kb, where)
            together = ka in where and where.get(ka) == where.get(kb)
            same = la == lb
            tp += same and together
            fp += together and not same
            fn += same and not together
            tn += not same and not together
            if together != same:
                wrong.append(f"  {j['id']}: {ka} {kb} judged {'same' if same else 'different'}, "
                             f"now {'together' if together else 'apart'}")  # fmt: skip
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"# ledger grouping score, {split}, draw {draw or 'all'}, {stamp()}, {machine()}; "
          f"{sum(1 for j in gold['judged'] if j['story'] in data)} judged entries/pairs")  # fmt: skip
    print(f"judged pairs: same statement {tp + fn}, different {fp + tn}")
    print(f"together and same {tp}, together but different {fp}, apart but same {fn}, apart and different {tn}")
    print(f"pair precision {p:.3f}, pair recall {r:.3f}")
    print("\n".join(wrong))


def dump(data: dict[str, dict[str, Any]]) -> dict[str, list[list[str]]]:
    return {k: sorted(sorted(_key(w) for w in e["wordings"]) for e in d["ledger"]) for k, d in data.items()}


def diff(data: dict[str, dict[str, Any]], old: dict[str, list[list[str]]]) -> None:
    new = dump(data)
    text = {_key(w): f'{e["speaker"] or e["speaker_description"]}: {w["text"][:110]}'
            for d in data.values() for e in d["ledger"] for w in e["wordings"]}  # fmt: skip
    n = 0
    for k in sorted(new):
        a, b = {tuple(g) for g in old.get(k, [])}, {tuple(g) for g in new[k]}
        gone, came = a - b, b - a
        if not gone and not came:
            continue
        n += 1
        print(f"\n## {k}: {len(gone)} groups gone, {len(came)} new")
        for g in sorted(gone):
            if len(g) > 1:
                print("  - was one entry: " + " | ".join(text.get(x, "(wording gone)") for x in g))
        for g in sorted(came):
            if len(g) > 1:
                print("  + now one entry: " + " | ".join(text.get(x, "(wording gone)") for x in g))
    print(f"\n{n} stories changed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run3"))
    ap.add_argument("--split", choices=("dev", "held-out"), default="dev")
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--pairs", type=int, default=15)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--draw-id", default="", help="score only judged items whose id starts so (seed0, seed1)")
    ap.add_argument("--follow", action="store_true", help="--score: look wordings up in the story now holding them")
    ap.add_argument("--dump", type=Path, help="write every story's grouping (wording keys) to this file")
    ap.add_argument("--diff", type=Path, help="print the groupings changed against an earlier --dump")
    args = ap.parse_args()
    data = ledgers(args.run, None if args.dump or args.diff or args.follow else args.split)
    if args.draw:
        draw(data, args.n, args.pairs, args.seed)
    if args.score:
        score(data, args.split, args.draw_id, args.follow)
    if args.diff:
        diff(data, json.loads(args.diff.read_text()))
    if args.dump:
        args.dump.write_text(json.dumps(dump(data)))


if __name__ == "__main__":
    main()
