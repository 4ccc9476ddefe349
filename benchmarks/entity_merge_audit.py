"""Entity merges as a reader sees them: an audit of merged and unmerged names in the stories of a real run (issue 5).

Rebuilds every story's entities from a ``newsweave run``'s store (texts and spaCy's mentions, as
``stages/story.py`` calls ``entities.resolve_entities``), keeps the stories of the dev part (split:
``benchmarks.common.heldout`` on "entmerge:" + the story id; about a third held out), and draws with a
fixed seed two kinds of items to be judged by hand:

(a) merged entities with two distinct surface forms or more (after folding case and accents): is every
    form the same real entity? Judged as a partition of the forms (``groups``: the forms of each real
    entity; one group when the merge is right);
(b) candidate missed merges: two entities of one story, not merged, whose names are close (a shared
    content word, one name inside the other, one the acronym of the other, a small edit distance after
    folding accents, a one-word name that is a person's first name or surname): is it one entity?
    (``same``: true / false).

Judgements live in ``benchmarks/gold/entity_merge_audit.json`` ({"merged": {key: {"forms", "groups",
"draw", "note"}}, "missed": {key: {"a", "b", "same", "draw", "note"}}}; key = story id + "|" + the
entity's name, or story id + "|" + a + "|" + b). ``--score`` rebuilds the entities with a version of
the code and counts, over the judged items: merge precision (pairs of judged forms that share an
entity and belong to one real entity / pairs of judged forms that share an entity; and merged
entities with no wrong form), and for the candidate pairs, how many are one entity and how many of
those, and of the others, the code merges. ``--diff OLD`` lists every entity whose forms change over
all stories (dev and held-out), to be read.

    .venv/bin/python benchmarks/entity_merge_audit.py --draw --n 40 --seed 0 [--run /tmp/run3]
    .venv/bin/python benchmarks/entity_merge_audit.py --score [--before OLD/entities.py] [--draws seed0]
    .venv/bin/python benchmarks/entity_merge_audit.py --diff OLD/entities.py
    .venv/bin/python benchmarks/entity_merge_audit.py --draw --split held-out ...   (once, at the end)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp, stored_stories  # noqa: E402
from benchmarks.entity_gazetteer_audit import _module  # noqa: E402
from newsweave.records import Mention  # noqa: E402
from newsweave.stages import entities  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "entity_merge_audit.json"
Story = tuple[str, dict[str, str], list[tuple[str, Mention]]]
_STOP = frozenset("the of and for in on at to a an de la del new national international united states city "
                  "county state university news".split())  # fmt: skip


def load(run: Path, split: str | None = "dev") -> list[Story]:
    out = []
    for st, arts, an in stored_stories(str(run / "s.db"), str(run / "out" / "stories.json")):
        if split is not None and heldout("entmerge:" + st["id"]) != (split == "held-out"):
            continue
        items = [(a.id, m) for a in arts if a.id in an for m in an[a.id].mentions]
        out.append((st["id"], {a.id: a.text for a in arts}, items))
    return out


def resolved(mod: Any, story: Story) -> list[dict[str, Any]]:
    _sid, texts, items = story
    return list(mod.resolve_entities(items, texts=texts)[0])


def _distinct(e: dict[str, Any]) -> list[str]:
    seen: dict[str, str] = {}
    for v in e["variants"]:
        seen.setdefault(entities.fold(v), v)
    return list(seen.values())


def _edit_close(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 4:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def close(x: dict[str, Any], y: dict[str, Any]) -> str | None:
    """Why two entities' names look alike (a candidate missed merge), or None."""
    for a in x["variants"]:
        for b in y["variants"]:
            fa, fb = entities.fold(a), entities.fold(b)
            if not fa or not fb:
                continue
            if f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ":
                return "contains"
            if entities.acronym(a) == fb.replace(" ", "") or entities.acronym(b) == fa.replace(" ", ""):
                return "acronym"
            if _edit_close(fa, fb):
                return "edit"
            wa, wb = set(fa.split()) - _STOP, set(fb.split()) - _STOP
            if {w for w in wa & wb if len(w) >= 3}:
                return "token"
    return None


def candidates(ents: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    out = []
    for x, y in combinations(ents, 2):
        if why := close(x, y):
            out.append((x, y, why))
    return out


def _contexts(story: Story, forms: list[str], per: int = 1) -> list[str]:
    _sid, texts, items = story
    lines = []
    for f in forms:
        shown = 0
        for aid, m in entities.story_mentions(items, texts):
            if shown < per and entities.normalise(m.text) == f:
                t = texts[aid]
                lines.append(f"   [{m.label}] ..." + " ".join(t[max(0, m.start - 80) : m.start].split())
                             + f" [[{m.text}]] " + " ".join(t[m.end : m.end + 50].split()) + "...")  # fmt: skip
                shown += 1
    return lines


def draw(stories: list[Story], n: int, seed: int, gold: dict[str, Any], tag: str) -> None:
    merged, missed = [], []
    for st in stories:
        ents = resolved(entities, st)
        merged += [(st, e) for e in ents if len(_distinct(e)) > 1 and f"{st[0]}|{e['name']}" not in gold["merged"]]
        missed += [(st, x, y, why) for x, y, why in candidates(ents)
                   if f"{st[0]}|{x['name']}|{y['name']}" not in gold["missed"]]  # fmt: skip
    rng = random.Random(seed)
    print(f"# {len(stories)} stories ({tag}), {len(merged)} merged entities, {len(missed)} candidate pairs "
          f"(skipping judged); seed {seed}")  # fmt: skip
    for st, e in rng.sample(merged, min(n, len(merged))):
        forms = _distinct(e)
        print(f"\n### merged {st[0]}|{e['name']} label={e['label']} forms={forms}")
        print("\n".join(_contexts(st, [v for v in e["variants"] if v in forms])))
    for st, x, y, why in rng.sample(missed, min(n, len(missed))):
        print(f"\n### missed {st[0]}|{x['name']}|{y['name']} ({why}) {x['label']} {x['variants'][:4]} / "
              f"{y['label']} {y['variants'][:4]}")  # fmt: skip
        print("\n".join(_contexts(st, [x["variants"][0], y["variants"][0]])))


def score(stories: list[Story], mods: list[tuple[str, Any]], draws: set[str] | None) -> None:
    gold = json.loads(GOLD.read_text())
    by_story: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for kind in ("merged", "missed"):
        for k, g in gold[kind].items():
            if draws is None or g["draw"] in draws:
                by_story[k.split("|", 1)[0]].append((kind, k, g))
    print(f"# entity merge audit, {stamp()}, {machine()}; "
          f"{sum(map(len, by_story.values()))} judged items in {len(by_story)} stories")  # fmt: skip
    for name, mod in mods:
        pairs = right_pairs = ents_ok = ents_n = 0
        same = same_merged = diff_n = diff_merged = 0
        lines = []
        for st in stories:
            if st[0] not in by_story:
                continue
            ents = resolved(mod, st)
            exact = {v: i for i, e in enumerate(ents) for v in e["variants"]}
            folded = {entities.fold(v): i for i, e in enumerate(ents) for v in e["variants"]}

            def where(form: str, exact: dict[str, int] = exact, folded: dict[str, int] = folded) -> int | None:
                return exact[form] if form in exact else folded.get(entities.fold(form))

            for kind, k, g in by_story[st[0]]:
                if kind == "merged":
                    group = {f: gi for gi, grp in enumerate(g["groups"]) for f in grp}
                    at = {f: where(f) for f in group if where(f) is not None}
                    bad = [(a, b) for a, b in combinations(at, 2) if at[a] == at[b] and group[a] != group[b]]
                    n = sum(at[a] == at[b] for a, b in combinations(at, 2))
                    pairs += n
                    right_pairs += n - len(bad)
                    if n:
                        ents_n += 1
                        ents_ok += not bad
                    if bad:
                        lines.append(f"    false merge {k}: {bad[:3]}")
                else:
                    a, b = where(g["a"]), where(g["b"])
                    merged = a is not None and a == b
                    if g["same"]:
                        same += 1
                        same_merged += merged
                        if not merged:
                            lines.append(f"    missed {k}")
                    else:
                        diff_n += 1
                        diff_merged += merged
                        if merged:
                            lines.append(f"    false merge (candidate) {k}")
        print(f"{name}: merge precision (pairs) {right_pairs}/{pairs} = {right_pairs / max(1, pairs):.3f}; "
              f"merged entities with no wrong form {ents_ok}/{ents_n}; candidate pairs that are one entity "
              f"{same}/{same + diff_n}, of them merged {same_merged}; of the others merged {diff_merged}")  # fmt: skip
        print("\n".join(lines))


def diff(stories: list[Story], old: Any) -> None:
    n = 0
    for st in stories:
        before = {tuple(sorted(e["variants"])): e for e in resolved(old, st)}
        after = {tuple(sorted(e["variants"])): e for e in resolved(entities, st)}
        for k in sorted(set(before) ^ set(after)):
            e = before.get(k) or after[k]
            sign = "-" if k in before else "+"
            print(f"  {st[0]} {sign} {e['label']} {list(k)} ({e['mentions']})")
            n += 1
    print(f"# {n} entity lines differ over {len(stories)} stories")


def diff_roles(stories: list[Story], old: Any) -> None:
    """The roles ("Russian Foreign Minister") of each person that change against ``old``, with the
    story's split."""
    n = 0
    for st in stories:
        part = "held-out" if heldout("entmerge:" + st[0]) else "dev"
        before = {e["name"]: e.get("roles") or [] for e in resolved(old, st)}
        for e in resolved(entities, st):
            was, now = before.get(e["name"]), e.get("roles") or []
            if was is not None and was != now:
                print(f"  [{part}] {e['name']}: {was} -> {now}")
                n += 1
    print(f"# {n} people's roles differ over {len(stories)} stories")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run3"), help="a newsweave run: s.db and out/stories.json")
    ap.add_argument("--split", default="dev", choices=["dev", "held-out"])
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--n", type=int, default=40, help="items of each kind per draw")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--draws", help="comma-separated draw names to score (default all of the split)")
    ap.add_argument("--before", help="also score this copy of entities.py (gazetteer.json beside it)")
    ap.add_argument("--diff", metavar="OLD", help="list entities whose forms change against this copy, all stories")
    ap.add_argument("--diff-roles", metavar="OLD", help="list people whose roles change against this copy")
    a = ap.parse_args()
    if a.diff:
        diff(load(a.run, None), _module(a.diff))
        return
    if a.diff_roles:
        diff_roles(load(a.run, None), _module(a.diff_roles))
        return
    stories = load(a.run, a.split)
    if a.draw:
        gold = json.loads(GOLD.read_text()) if GOLD.exists() else {"merged": {}, "missed": {}}
        draw(stories, a.n, a.seed, gold, a.split)
    if a.score:
        mods = ([("before", _module(a.before))] if a.before else []) + [("current", entities)]
        score(stories, mods, set(a.draws.split(",")) if a.draws else None)


if __name__ == "__main__":
    main()
