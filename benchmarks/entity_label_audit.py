"""Entity labels as a reader sees them: an audit of the labels in the stories of a real run (issue 5).

Rebuilds every story's entities from a ``newsweave run``'s store (texts and spaCy's mentions, as
``stages/story.py`` calls ``entities.resolve_entities``), keeps the stories of the dev part (split:
``benchmarks.common.heldout`` on "entlabel:" + the story's first article id, sorted; about a third
held out), and draws entities at random with a fixed seed, two ways: weighted by mention count (as a
reader meets them in the text) and uniformly (as a reader meets them in the entity list). Each drawn
entity is printed with its label, variants and the words around a few of its mentions, to be judged.

Judged entities live in ``benchmarks/gold/entity_label_audit.json`` ({key: {"family": right family,
"draw": which draw, "note": ...}}; key = story id + "|" + a variant the entity had when drawn; family
one of PERSON, ORG, PLACE (GPE, LOC, FAC), NORP, EVENT, PRODUCT, LAW, VESSEL, OTHER (a named thing
no label family of the report fits: a film, an article, an award; right when the entity is gone or
labelled outside PERSON, ORG, PLACE and NORP), or NONE (no entity: a common noun, a misreading)).
``--score`` rebuilds the entities with the current code and counts the judged ones whose label's
family is the judged one (a NONE entity is right when it is no longer an entity); ``--before`` scores
another copy of entities.py too; ``--diff OLD`` lists every entity whose label changes over all stories.

    .venv/bin/python benchmarks/entity_label_audit.py --draw --n 50 --seed 0 [--run /tmp/run2]
    .venv/bin/python benchmarks/entity_label_audit.py --score [--before OLD/entities.py]
    .venv/bin/python benchmarks/entity_label_audit.py --diff OLD/entities.py
    .venv/bin/python benchmarks/entity_label_audit.py --draw --label PERSON --n 60 --seed 10 --run /tmp/run6
    .venv/bin/python benchmarks/entity_label_audit.py --people OLD/entities.py --run /tmp/run6
    .venv/bin/python benchmarks/entity_label_audit.py --draw --label PERSON --draw-from OLD/entities.py --split held-out
    .venv/bin/python benchmarks/entity_label_audit.py --people OLD/entities.py --label NORP --run /tmp/run8
    .venv/bin/python benchmarks/entity_label_audit.py --org-lists OLD/entities.py --run /tmp/run10 [--split held-out]
    .venv/bin/python benchmarks/entity_label_audit.py --org-lists OLD/entities.py --label GPE --run /tmp/run11
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout, machine, stamp  # noqa: E402
from benchmarks.entity_gazetteer_audit import _module  # noqa: E402
from newsweave.records import Mention  # noqa: E402
from newsweave.stages import entities  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "entity_label_audit.json"
FAMILY = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

Story = tuple[str, dict[str, str], list[tuple[str, Mention]]]


def family(label: str) -> str:
    return FAMILY.get(label, label)


def load(run: Path, split: str | None = "dev") -> list[Story]:
    store = SQLiteStore(str(run / "s.db"))
    out = []
    for s in json.loads((run / "out" / "stories.json").read_text())["stories"]:
        ids = [a["id"] for a in s["articles"]]
        if split is not None and heldout("entlabel:" + sorted(ids)[0]) != (split == "held-out"):
            continue
        arts = store.articles(ids)
        an = store.analyses(ids)
        items = [(a.id, m) for a in arts if a.id in an for m in an[a.id].mentions]
        out.append((s["id"], {a.id: a.text for a in arts}, items))
    return out


def resolved(mod: Any, story: Story) -> tuple[list[dict[str, Any]], list[tuple[str, Mention]]]:
    _sid, texts, items = story
    ents, _canon = mod.resolve_entities(items, texts=texts)
    return ents, mod.story_mentions(items, texts)


def _judged_entity(mod: Any, ents: list[dict[str, Any]], variant: str) -> dict[str, Any] | None:
    """The entity a judged variant now belongs to: the one holding it (as written or re-spelt:
    "Strauss - Kahn"), or, when the code now cuts that surface ("Chris Ivory on Injured Reserve"), the
    entity with the longest variant inside it as whole words, the earliest on a tie (a cut keeps a start)."""
    if (e := _find(ents, variant) or _find(ents, mod.normalise(variant))) is not None:
        return e
    padded = f" {mod.fold(variant)} "
    best: tuple[int, int] | None = None
    found = None
    for e in ents:
        for v in e["variants"]:
            f = mod.fold(v)
            if f and f" {f} " in padded:
                key = (-len(f.split()), padded.index(f" {f} "))
                if best is None or key < best:
                    best, found = key, e
    return found


def draw(stories: list[Story], n: int, seed: int, skip: set[str], label: str | None = None,
         mod: Any = entities) -> None:
    """Print ``n`` entities drawn weighted by mentions and ``n`` drawn uniformly; with ``label``, only
    ``n`` drawn uniformly among the entities of that label (as a reader scans that list); ``mod``: the copy of
    entities.py whose entities are drawn (``--draw-from OLD``: a draw of the lists before a change, to judge them
    before scoring the change)."""
    pool: list[tuple[Story, dict[str, Any], list[tuple[str, Mention]]]] = []
    for st in stories:
        ents, ms = resolved(mod, st)
        pool += [(st, e, ms) for e in ents if f"{st[0]}|{e['variants'][0]}" not in skip
                 and (label is None or e["label"] == label)]  # fmt: skip
    rng = random.Random(seed)
    if label is None:
        weighted = rng.choices(range(len(pool)), weights=[e["mentions"] for _s, e, _m in pool], k=n * 3)
        picks = list(dict.fromkeys(weighted))[:n]
        uniform = [i for i in rng.sample(range(len(pool)), min(len(pool), n * 2)) if i not in picks][:n]
        plan = [("weighted", picks), ("uniform", uniform)]
    else:
        plan = [(f"uniform {label}", rng.sample(range(len(pool)), min(len(pool), n)))]
    print(f"# {len(stories)} stories, {len(pool)} entities (skipping {len(skip)} judged); seed {seed}")
    for how, idx in plan:
        for i in idx:
            (sid, texts, _items), e, ms = pool[i]
            key = f"{sid}|{e['variants'][0]}"
            print(f"\n### {how} {key!r} label={e['label']} mentions={e['mentions']} variants={e['variants'][:6]}")
            names = {entities.normalise(v) for v in e["variants"]}
            shown = 0
            for aid, m in ms:
                if entities.normalise(m.text) in names and shown < 3:
                    t = texts[aid]
                    print(f"   [{m.label}] ..." + " ".join(t[max(0, m.start - 90) : m.start].split())
                          + f" [[{m.text}]] " + " ".join(t[m.end : m.end + 60].split()) + "...")  # fmt: skip
                    shown += 1


def _find(ents: list[dict[str, Any]], variant: str) -> dict[str, Any] | None:
    for e in ents:
        if variant in e["variants"]:
            return e
    return None


def score(stories: list[Story], mods: list[tuple[str, Any]], draws: set[str] | None) -> None:
    gold = json.loads(GOLD.read_text())
    by_story: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for k, g in gold.items():
        if draws is None or g["draw"] in draws:
            sid, variant = k.split("|", 1)
            by_story[sid].append((variant, g))
    print(f"# entity label audit, {stamp()}, {machine()}; {sum(map(len, by_story.values()))} judged entities")
    for name, mod in mods:
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        wrong: list[str] = []
        for st in stories:
            if st[0] not in by_story:
                continue
            ents, _ = resolved(mod, st)
            for variant, g in by_story[st[0]]:
                e = _judged_entity(mod, ents, variant)
                fam = family(e["label"]) if e else "NONE"
                ok = fam == g["family"] or (g["family"] == "OTHER" and fam not in ("PERSON", "ORG", "PLACE", "NORP"))
                total[g["draw"]] += 1
                right[g["draw"]] += ok
                if not ok:
                    wrong.append(f"    {g['draw']:12s} {st[0]}|{variant}: {fam} (judged {g['family']})")
        parts = "; ".join(f"{d} {right[d]}/{total[d]} = {right[d] / total[d]:.3f}" for d in sorted(total))
        print(f"{name}: {parts}")
        print("\n".join(wrong))


def org_lists(stories: list[Story], old: Any, draws: set[str] | None, label: str = "ORG") -> None:
    """The Organisations list as a reader sees it, on the judged ORG draws (``--org-lists OLD``): of the judged
    entities listed under ORG, how many are organisations (precision), before (OLD) and after (the current code);
    and of the judged organisations listed before, how many are still listed after (retention). With ``label``
    GPE (``--org-lists OLD --label GPE``): the Places list (any label of the PLACE family) on the judged GPE draws."""
    fam = family(label)
    gold = json.loads(GOLD.read_text())
    by_story: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for k, g in gold.items():
        if g["draw"].endswith("-" + label.lower()) and (draws is None or g["draw"] in draws):
            sid, variant = k.split("|", 1)
            by_story[sid].append((variant, g))
    print(f"# {fam} lists on the judged {label} draws, {stamp()}, {machine()}")
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for st in stories:
        if st[0] not in by_story:
            continue
        e0, _ = resolved(old, st)
        e1, _ = resolved(entities, st)
        for variant, g in by_story[st[0]]:
            a, b = _judged_entity(old, e0, variant), _judged_entity(entities, e1, variant)
            was = a is not None and family(a["label"]) == fam
            now = b is not None and family(b["label"]) == fam
            org = g["family"] == fam
            r = rows[g["draw"]]
            r["judged"] += 1
            r["listed before"] += was
            r["right before"] += was and org
            r["listed after"] += now
            r["right after"] += now and org
            r["kept right"] += was and now and org
            if was != now:
                how = f"{fam} -> " + (b["label"] if b else "gone") if was else f"now {fam}"
                print(f"    {g['draw']:20s} {st[0]}|{variant}: {how} (judged {g['family']})")
    print("| draw | judged | listed before | right before | precision before | listed after | right after | "
          "precision after | right kept (retention) |")
    print("|---|---|---|---|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for d in sorted(rows) + ["all"]:
        r = rows[d] if d != "all" else total
        if d != "all":
            total.update(r)
        p0 = r["right before"] / max(1, r["listed before"])
        p1 = r["right after"] / max(1, r["listed after"])
        print(f"| {d} | {r['judged']} | {r['listed before']} | {r['right before']} | {p0:.3f} | {r['listed after']} | "
              f"{r['right after']} | {p1:.3f} | {r['kept right']}/{r['right before']} = "
              f"{r['kept right'] / max(1, r['right before']):.3f} |")


def diff(stories: list[Story], old: Any) -> None:
    changes: Counter[str] = Counter()
    lines = []
    for st in stories:
        e0, _ = resolved(old, st)
        e1, _ = resolved(entities, st)
        lab0 = {v: e["label"] for e in e0 for v in e["variants"]}
        lab1 = {v: e["label"] for e in e1 for v in e["variants"]}
        for e in e1:
            before = {lab0.get(v, "-") for v in e["variants"]}
            if before != {e["label"]}:
                lines.append(f"  {st[0]} {'/'.join(sorted(before))} -> {e['label']}: {e['name']!r} ({e['mentions']})")
                changes[f"{'/'.join(sorted(before))} -> {e['label']}"] += 1
        for e in e0:
            if not any(v in lab1 for v in e["variants"]):
                lines.append(f"  {st[0]} {e['label']} -> gone: {e['name']!r} ({e['mentions']})")
                changes[f"{e['label']} -> gone"] += 1
    print(f"# label changes over {len(stories)} stories: {sum(changes.values())}: {dict(changes.most_common())}")
    print("\n".join(lines))


def people(stories: list[Story], old: Any, label: str = "PERSON") -> None:
    """Every story's PERSON list (or ``label``'s: ``--people OLD --label NORP``; names as shown) before and after:
    names that leave or join it."""
    gone = new = 0
    t0 = t1 = 0.0
    for st in stories:
        c = time.process_time()
        e0, _ = resolved(old, st)
        t0 += time.process_time() - c
        c = time.process_time()
        e1, _ = resolved(entities, st)
        t1 += time.process_time() - c
        p0 = {e["name"]: e for e in e0 if e["label"] == label}
        p1 = {e["name"]: e for e in e1 if e["label"] == label}
        out = [f"  - {n!r} ({p0[n]['mentions']}) -> {_now(e1, p0[n])}" for n in p0 if n not in p1]
        out += [f"  + {n!r} ({p1[n]['mentions']}) {p1[n]['variants'][:4]}" for n in p1 if n not in p0]
        gone += sum(n not in p1 for n in p0)
        new += sum(n not in p0 for n in p1)
        if out:
            print(f"{st[0]} ({len(p0)} -> {len(p1)} {label})")
            print("\n".join(out))
    print(f"# {len(stories)} stories: {gone} names leave the {label} lists, {new} join; "
          f"CPU of resolve_entities + story_mentions: old {t0:.2f} s, current {t1:.2f} s")


def _now(ents: list[dict[str, Any]], e: dict[str, Any]) -> str:
    for v in e["variants"]:
        if (f := _find(ents, v)) is not None:
            return f"{f['label']} {f['name']!r}"
    return "gone"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run2"), help="a newsweave run: s.db and out/stories.json")
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--n", type=int, default=50, help="entities per draw (weighted and uniform)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--draws", help="comma-separated draw names to score (default all)")
    ap.add_argument("--before", help="also score this copy of entities.py (gazetteer.json beside it)")
    ap.add_argument("--draw-from", metavar="OLD", help="with --draw: draw from this copy of entities.py's entities")
    ap.add_argument("--label", help="with --draw: draw --n entities of this label only, uniformly; with --people: "
                    "that label's lists (default PERSON)")
    ap.add_argument("--split", default="dev", choices=("dev", "held-out"), help="stories to draw from or score")
    ap.add_argument("--people", metavar="OLD", help="list names that leave or join People against OLD, all stories")
    ap.add_argument("--diff", metavar="OLD", help="list label changes against this copy of entities.py, all stories")
    ap.add_argument("--org-lists", metavar="OLD", help="precision of the ORG lists and retention of the judged "
                    "organisations on the judged ORG draws of --split, OLD (before) against the current code; "
                    "with --label GPE: the Places lists on the judged GPE draws")
    a = ap.parse_args()
    if a.diff:
        diff(load(a.run, None), _module(a.diff))
        return
    if a.people:
        people(load(a.run, None), _module(a.people), a.label or "PERSON")
        return
    stories = load(a.run, a.split)
    if a.org_lists:
        org_lists(stories, _module(a.org_lists), set(a.draws.split(",")) if a.draws else None, a.label or "ORG")
        return
    if a.draw:
        skip = set(json.loads(GOLD.read_text())) if GOLD.exists() else set()
        draw(stories, a.n, a.seed, skip, a.label, _module(a.draw_from) if a.draw_from else entities)
    if a.score:
        mods = ([("before", _module(a.before))] if a.before else []) + [("current", entities)]
        score(stories, mods, set(a.draws.split(",")) if a.draws else None)


if __name__ == "__main__":
    main()
