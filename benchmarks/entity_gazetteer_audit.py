"""Audit, without gold, of well-known names spaCy leaves untagged, on a full run's stored analyses.

Reads the stories of a ``newsweave run`` (``stories.json``) and its store (texts and spaCy's
mentions), and for every story:

- ``--count``: every occurrence of a gazetteer name (``newsweave/stages/gazetteer.json``: countries,
  capitals, regions, international organisations; case-sensitive, whole words, longest first) and
  what spaCy did there: the same span with a label of the gazetteer's family, the same span with
  another label, a span that overlaps it differently (longer name, cut name), or no mention at all;
  and what is left uncovered after ``story_mentions`` (with and without the gazetteer pass);
- ``--diff``: ``resolve_entities`` with the gazetteer pass against the same code with an empty
  gazetteer: entities and mentions that change per story, and every added or relabelled mention
  (``--samples N`` of them drawn with seed 0, with the words around them) to be read by hand.

    .venv/bin/python benchmarks/entity_gazetteer_audit.py --count --diff --samples 30 \
        [--store /tmp/run2/s.db --stories /tmp/run2/out/stories.json] [--before OLD/entities.py]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsweave.records import Mention  # noqa: E402
from newsweave.stages import entities  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402

FAMILY = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def load(store_path: str, stories_path: str) -> list[tuple[str, dict[str, str], list[tuple[str, Mention]]]]:
    store = SQLiteStore(store_path)
    out = []
    for s in json.loads(Path(stories_path).read_text())["stories"]:
        ids = [a["id"] for a in s["articles"]]
        arts = store.articles(ids)
        an = store.analyses(ids)
        items = [(a.id, m) for a in arts if a.id in an for m in an[a.id].mentions]
        out.append((s["id"], {a.id: a.text for a in arts}, items))
    return out


def occurrences(texts: dict[str, str], names: dict[str, str]) -> list[tuple[str, int, int, str]]:
    pat = re.compile(r"(?<![\w.'’-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])")
    return [(aid, h.start(), h.end(), h.group(1)) for aid, t in texts.items() for h in pat.finditer(t)]


def count(stories: list[Any]) -> None:
    names = entities._GAZETTEER
    kinds: Counter[str] = Counter()
    by_name: dict[str, Counter[str]] = {}
    left = Counter[str]()
    left_gaz = Counter[str]()
    samples: list[str] = []
    saved = dict(entities._GAZETTEER)
    for _sid, texts, items in stories:
        spans: dict[str, list[Mention]] = {}
        for aid, m in items:
            spans.setdefault(aid, []).append(m)
        entities._GAZETTEER.clear()
        before = entities.story_mentions(items, texts)
        entities._GAZETTEER.update(saved)
        after = entities.story_mentions(items, texts)
        for aid, a, b, name in occurrences(texts, names):
            ms = spans.get(aid, [])
            same = [m for m in ms if m.start == a and m.end == b]
            over = [m for m in ms if m.start < b and a < m.end]
            fam = FAMILY.get(names[name])
            if same and FAMILY.get(same[0].label) == fam:
                k = "tagged right"
            elif same:
                k = f"same span, label {same[0].label}"
            elif over:
                inside = any(m.start <= a and b <= m.end for m in over)
                k = "other span " + ("(inside a longer one)" if inside else "(cut)")
            else:
                k = "no mention"
            kinds[k] += 1
            by_name.setdefault(name, Counter())[k] += 1
            if k == "no mention" and len(samples) < 2000:
                t = texts[aid]
                samples.append(f"{name!r}: ...{t[max(0, a - 60):a]}[[{t[a:b]}]]{t[b:b + 60]}...".replace("\n", " "))
            for ms2, ctr in ((before, left), (after, left_gaz)):
                if not any(x == aid and m.start < b and a < m.end for x, m in ms2):
                    ctr[k] += 1
    total = sum(kinds.values())
    print(f"gazetteer names: {len(names)}; occurrences in {len(stories)} stories: {total}")
    for k, n in kinds.most_common():
        print(f"  {k:40s} {n:6d}  left uncovered after story_mentions: before {left[k]}, "
              f"with the gazetteer {left_gaz[k]}")
    print("names most often with no mention (no mention / all):")
    top = sorted(by_name.items(), key=lambda kv: -kv[1]["no mention"])[:40]
    print("  " + "; ".join(f"{n} {c['no mention']}/{sum(c.values())}" for n, c in top if c["no mention"]))
    print("names most often tagged with another label:")
    wrong = sorted(by_name.items(), key=lambda kv: -sum(v for k, v in kv[1].items() if k.startswith("same span,")))[:25]
    print("  " + "; ".join(f"{n} " + ",".join(f"{k[17:]}:{v}" for k, v in c.items() if k.startswith("same span,"))
                           for n, c in wrong if any(k.startswith("same span,") for k in c)))
    rng = random.Random(0)
    print("samples with no mention:")
    for s in rng.sample(samples, min(30, len(samples))):
        print("  " + s)


def _module(path: str) -> Any:
    """Another version of entities.py (with gazetteer.json beside it), run on the same mentions."""
    spec = importlib.util.spec_from_file_location("newsweave.stages._entities_before", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "newsweave.stages"
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def diff(stories: list[Any], n_samples: int, before: str | None = None) -> None:
    saved = dict(entities._GAZETTEER)
    old = _module(before) if before else None
    changed_stories = 0
    ent_changes = 0
    added: list[str] = []
    relabelled: list[str] = []
    before_n = after_n = 0
    for sid, texts, items in stories:
        if old is None:
            entities._GAZETTEER.clear()
        e0, _ = (old or entities).resolve_entities(items, texts=texts)
        m0 = (old or entities).story_mentions(items, texts)
        entities._GAZETTEER.update(saved)
        e1, _ = entities.resolve_entities(items, texts=texts)
        m1 = entities.story_mentions(items, texts)
        before_n += len(e0)
        after_n += len(e1)
        k0 = {(e["name"], e["label"], e["mentions"]) for e in e0}
        k1 = {(e["name"], e["label"], e["mentions"]) for e in e1}
        if k0 != k1:
            changed_stories += 1
            ent_changes += len(k0 ^ k1) // 2 + abs(len(k0) - len(k1)) // 2
        s0 = {(aid, m.start, m.end): m.label for aid, m in m0}
        for aid, m in m1:
            key = (aid, m.start, m.end)
            t = texts[aid]
            ctx = f"{sid} {m.label:6s} ...{t[max(0, m.start - 60):m.start]}[[{m.text}]]{t[m.end:m.end + 60]}..."
            ctx = ctx.replace("\n", " ")
            if key not in s0:
                added.append(ctx)
            elif s0[key] != m.label:
                relabelled.append(f"{s0[key]}->" + ctx)
    print(f"stories whose entities change: {changed_stories} of {len(stories)}; entities {before_n} -> {after_n}")
    print(f"mentions added: {len(added)}; relabelled: {len(relabelled)}")
    names = Counter(re.search(r"\[\[(.*?)\]\]", a).group(1) for a in added)  # type: ignore[union-attr]
    print("added, by name: " + "; ".join(f"{n} {c}" for n, c in names.most_common(60)))
    rng = random.Random(0)
    print(f"{n_samples} added or relabelled mentions, seed 0:")
    pool = added + relabelled
    for s in rng.sample(pool, min(n_samples, len(pool))):
        print("  " + s)
    print("all relabelled:")
    for s in relabelled:
        print("  " + s)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default="/tmp/run2/s.db")
    ap.add_argument("--stories", default="/tmp/run2/out/stories.json")
    ap.add_argument("--count", action="store_true")
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--samples", type=int, default=30)
    ap.add_argument("--before", help="diff against this copy of entities.py (default: an empty gazetteer)")
    a = ap.parse_args()
    stories = load(a.store, a.stories)
    if a.count:
        count(stories)
    if a.diff:
        diff(stories, a.samples, a.before)


if __name__ == "__main__":
    main()
