"""Corroborated claims as a reader sees them: an audit of the "also" wordings of a real run (issue 6).

Each corroborated group of a story report shows one sentence and every outlet's own wording of it. This
rebuilds every story's comparison from a ``newsweave run`` store (the stories of ``out/stories.json``,
articles in their order, copies from ``find_copies``, the number table from ``story_facts`` with the
stored article vectors, sentence vectors from the store's cache, as ``stages.story.analyse_story`` does),
keeps the groups the report shows (2+ independent outlets, the first MAX_CORROBORATED), and lists each
group's "also" members: the sentences other than the one shown (copies and verbatim repeats left out).
For each it records the signal that put it next to the group's centre (the claim the star was built on):
``words`` (overlap or TF-IDF cosine), ``embedding`` (cosine >= EMB_COSINE with 2+ rare shared words) or
``figure`` (the same figure, cosine >= FIGURE_COSINE), with the cosine and the shared / rare-shared counts.

* ``--show``: prints ``--n`` members drawn at random (``--seed``) from the dev stories (split: ``benchmarks.
  common.heldout`` on the external id of the story's first article, as listed in stories.json; held-out
  stories are never drawn), the judged label when the gold has one.
* ``--score``: over the same draw, counts the labels of ``benchmarks/gold/corroboration_audit.json`` (same /
  different fact); with ``--gold-seed S`` it also reports what became of the members judged in draw S under
  the current code (still next to the same centre, or gone).
* ``--save FILE`` / ``--diff FILE``: every group of every story (centre -> members) saved, then the pairs of
  sentences shown together in a group that parted or met since, printed for the dev stories (``--split
  held-out``: for the held-out ones, to be read once at the end).

    .venv/bin/python benchmarks/corroboration_audit.py --run /tmp/run3 --show [--n 30] [--seed 0]
    .venv/bin/python benchmarks/corroboration_audit.py --run /tmp/run3 --score --seed 0
    .venv/bin/python benchmarks/corroboration_audit.py --run /tmp/run3 --save /tmp/groups_before.json
    .venv/bin/python benchmarks/corroboration_audit.py --run /tmp/run3 --diff /tmp/groups_before.json
    .venv/bin/python benchmarks/corroboration_audit.py --run /tmp/run4 --clash off --set EMBED_PER_ARTICLE=5 \
        --set SCOPED_POLARITY=0 --save /tmp/groups_before.json   (constants of the code before a change)
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

from benchmarks.common import machine, set_constants, stamp, stored_comparison_inputs  # noqa: E402
from newsweave.stages import compare as cmp  # noqa: E402
from newsweave.stages.facts import story_facts  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "corroboration_audit.json"


def signal(m: cmp.Matching, i: int, j: int) -> dict[str, Any]:
    """Why claim j sits next to centre i: the matching rule(s) it passes, and the pair's figures."""
    st = m.stats
    assert st is not None
    cos = float(m.vectors[i] @ m.vectors[j]) if m.vectors is not None and m.vectors.size else 0.0
    fig = bool(st.figures is not None and st.figures[i, j])
    rules = [name for name, ok in (
        ("words", bool(st.words_match[i, j])),
        ("embedding", cos >= cmp.EMB_COSINE and st.shared_rare[i, j] >= cmp.EMB_MIN_SHARED),
        ("figure", fig and cos >= cmp.FIGURE_COSINE),
    ) if ok]  # fmt: skip
    shared = sorted(set(m.claims[i].words) & set(m.claims[j].words))
    return {"signal": "+".join(rules) or "?", "cosine": round(cos, 3), "shared": int(st.shared[i, j]),
            "shared_rare": int(st.shared_rare[i, j]), "tfidf": round(float(st.tfidf[i, j]), 3),
            "same_figure": fig, "shared_words": shared,
            "clash": cmp.clash(cmp.Details.of(m.claims[i].text), cmp.Details.of(m.claims[j].text))}  # fmt: skip


def stories(run: Path) -> list[dict[str, Any]]:
    """Every story's shown groups and their "also" members (see the module docstring)."""
    emb, stories_in = stored_comparison_inputs(run)
    out = []
    for st in stories_in:
        arts, analyses, copies = st["articles"], st["analyses"], st["copies"]
        story: dict[str, Any] = {"id": st["report"]["id"], "key": st["key"], "split": st["split"], "groups": []}
        out.append(story)
        if len({cmp.outlet_of(a) for a in arts if a.id not in copies}) < 2:
            continue
        _timeline, numbers = story_facts(arts, analyses)
        m = cmp.match_claims(arts, analyses, copies, numbers, embedder=emb)
        for g in cmp.shown_groups(m.claims, m.groups):
            centre, (rep_i, head) = g[0], cmp.group_head(m.claims, g, {a.id: a.text for a in arts})
            also = [j for j in g if j != rep_i and not m.claims[j].copy and m.claims[j].text != m.claims[rep_i].text]
            story["groups"].append({
                "centre": m.claims[centre].text, "shown": head,
                "members": [{"text": m.claims[j].text, "outlet": m.claims[j].outlet,
                             **(signal(m, centre, j) if j != centre else {"signal": "centre"})} for j in also],
            })  # fmt: skip
    print(f"# corroboration audit, {stamp()}, {machine()}; {run}: {len(out)} stories, "
          f"{sum(len(s['groups']) for s in out)} groups shown; {len(emb.new)} sentences embedded afresh")
    return out


def members(data: list[dict[str, Any]], split: str = "dev") -> list[dict[str, Any]]:
    return [{"story": s["key"], "centre": g["centre"], "shown": g["shown"], **x}
            for s in data if s["split"] == split for g in s["groups"] for x in g["members"]]  # fmt: skip


def draw(data: list[dict[str, Any]], n: int, seed: int, sig: str | None = None) -> list[dict[str, Any]]:
    pool = sorted((x for x in members(data) if sig in (None, x["signal"])),
                  key=lambda x: (x["story"], x["centre"], x["text"]))
    return random.Random(seed).sample(pool, min(n, len(pool)))


def together_pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Unordered pairs of distinct sentences shown in one group (centre and members)."""
    out = set()
    for centre, texts in groups.items():
        items = sorted({centre, *texts})
        out.update((a, b) for k, a in enumerate(items) for b in items[k + 1 :])
    return out


# what a reader cannot read as a claim (issue 6): a piece ending on a comma or colon (the splitter cut at an
# apposition: "Senior Trooper William Hakim, a bomb squad technician with the Oregon State Police,"), one opening
# lower-case, a lone attribution ("Bensel said in a statement released by the team."), a quotation opened or closed
# and not both ('"The grenades, being unstable, were thrown off overboard.')
_ATTRIBUTION = re.compile(
    r"^\W*(?:[A-Z][\w.'\u2019-]*\s+){1,5}(?:said|says|told|added|wrote|stated|explained|noted)\b"
    r"(?:\s+(?:in|on|at|during|after|before|to|from|via|through|when|while|last|earlier|later|this|yesterday|"
    r"today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,\"\u201c\u201d]*)?[.!]\W*$")


def fragment_kind(text: str) -> str | None:
    t = text.strip()
    core = t.rstrip("\"'\u201d\u2019 ")
    if core.endswith((",", ":", ";")):
        return "comma"
    if re.match(r"^\W*[a-z]", t):
        return "lower"
    if _ATTRIBUTION.match(t):
        return "attribution"
    straight = t.count('"') + t.count("``") + t.count("''")
    if straight % 2 or t.count("\u201c") != t.count("\u201d"):
        return "quote"
    return None


def fragments(run: Path) -> None:
    """Group heads and unique claims of every story's comparison (as the product builds it) that are fragments,
    by kind, dev and held-out apart; the dev ones printed."""
    emb, stories_in = stored_comparison_inputs(run)
    counts: Counter[tuple[str, str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    for st in stories_in:
        arts, analyses, copies = st["articles"], st["analyses"], st["copies"]
        _timeline, numbers = story_facts(arts, analyses)
        res = cmp.compare_sources(arts, analyses, copies, numbers, embedder=emb)
        for part, items in (("head", res["corroborated"]), ("unique", res["unique"])):
            for x in items:
                totals[(st["split"], part)] += 1
                kind = fragment_kind(x["text"])
                if kind:
                    counts[(st["split"], part, kind)] += 1
                    if st["split"] == "dev":
                        print(f"  {part} {kind}: {st['key']}: {x['text'][:140]}")
    print(f"# fragments, {stamp()}, {machine()}; {run}")
    for split in ("dev", "held-out"):
        for part in ("head", "unique"):
            kinds = {k: v for (s, p, k), v in counts.items() if s == split and p == part}
            print(f"{split} {part}: {sum(kinds.values())} fragments of {totals[(split, part)]} "
                  f"{dict(sorted(kinds.items()))}")


def gold_key(x: dict[str, Any]) -> str:
    return f"{x['story']}\x00{x['centre']}\x00{x['text']}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run3"))
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--split", choices=["dev", "held-out"], default="dev", help="the stories --diff prints")
    ap.add_argument("--signal", help="draw only members matched by this signal (words, embedding, ...)")
    ap.add_argument("--gold-seed", type=int, action="append", default=[], help="follow the members of this draw")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", type=Path)
    ap.add_argument("--clash", choices=["on", "off"], default="on",
                    help="compare.CLASH_CHECK for this run (off in the product; the audit measured it on)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override a constant of newsweave.stages.compare (the code before a change, for --save)")
    ap.add_argument("--fragments", action="store_true", help="count group heads and unique claims that are fragments")
    args = ap.parse_args()
    cmp.CLASH_CHECK = args.clash == "on"
    set_constants(cmp, args.set)
    if args.fragments:
        fragments(args.run)
        return
    data = stories(args.run)
    gold = json.loads(GOLD.read_text()) if GOLD.exists() else {"items": []}
    labels = {gold_key(x): x["label"] for x in gold["items"]}
    picked = draw(data, args.n, args.seed, args.signal)
    counts = Counter(x["signal"] for x in members(data))
    print(f"dev members shown under a group: {sum(counts.values())} "
          f"({', '.join(f'{k} {v}' for k, v in counts.most_common())})")
    if args.save:
        args.save.write_text(json.dumps({s["key"]: {g["centre"]: [x["text"] for x in g["members"]] for g in s["groups"]}
                                         for s in data}))  # fmt: skip
    if args.diff:  # pairs of sentences shown together in a group, before and now
        old = json.loads(args.diff.read_text())
        gone = came = held = 0
        for s in data:
            now = {g["centre"]: [x["text"] for x in g["members"]] for g in s["groups"]}
            pairs_now, pairs_old = together_pairs(now), together_pairs(old.get(s["key"], {}))
            if pairs_now == pairs_old:
                continue
            gone += len(pairs_old - pairs_now)
            came += len(pairs_now - pairs_old)
            if s["split"] != args.split:  # held-out stories are counted, not shown, until read once at the end
                held += 1
                continue
            print(f"== {s['key']} ({s['id']})")
            for sign, pairs in (("-", pairs_old - pairs_now), ("+", pairs_now - pairs_old)):
                for a, b in sorted(pairs):
                    print(f"  {sign} {a[:110]}\n      {b[:110]}")
        print(f"sentence pairs shown together: {gone} gone, {came} came ({held} stories of the other split changed, "
              "not shown)")
    if args.show:
        for k, x in enumerate(picked):
            sig = {k2: x[k2] for k2 in ("signal", "cosine", "shared", "shared_rare", "tfidf", "same_figure") if k2 in x}
            print(f"\n[{k}] {x['story']} {labels.get(gold_key(x), 'unjudged')} {sig} {x.get('shared_words')}")
            print(f"   CENTRE: {x['centre']}")
            print(f"   ALSO ({x['outlet'][:30]}): {x['text']}")
    if args.score:
        c = Counter(labels.get(gold_key(x), "unjudged") for x in picked)
        by_sig = Counter((x["signal"], labels.get(gold_key(x), "unjudged")) for x in picked)
        print(f"draw seed {args.seed}, {len(picked)} members: {dict(c)}; by signal: {dict(by_sig)}")
        # a judged member is kept while some shown group holds both it and its judged centre
        together = {(s["key"], a, b) for s in data if s["split"] == "dev" for g in s["groups"]
                    for a in (g["centre"], g["shown"], *(x["text"] for x in g["members"]))
                    for b in (g["centre"], g["shown"], *(x["text"] for x in g["members"]))}  # fmt: skip
        for gs in args.gold_seed:
            judged = [x for x in gold["items"] if x.get("seed") == gs]
            kept = Counter((x["label"], (x["story"], x["centre"], x["text"]) in together) for x in judged)
            for x in judged:
                if (x["story"], x["centre"], x["text"]) not in together:
                    print(f"  gone ({x['label']}, {x['draw']} {x['index']}): {x['centre'][:70]} | {x['text'][:70]}")
            print(f"judged draw seed {gs} ({len(judged)}): " + ", ".join(
                f"{lab} {kept[(lab, True)]} kept / {kept[(lab, False)]} gone" for lab in ("same", "different")))


if __name__ == "__main__":
    main()
