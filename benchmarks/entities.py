"""Cross-document entity resolution (``stages.entities.resolve_entities``) against a hand-built gold.

Gold: ``benchmarks/gold/entities_gold.json`` (see its "guideline"): the two seed articles as one
story, subsets of nine MultiLing 2011 topics and one DUC 2003 cluster, every person / organisation /
place with every surface form written in the articles. The real spaCy analysis (``stages.nlp.NLP``)
runs on the cleaned articles, then each cluster's mentions are resolved as one story.

Scored over the gold surface forms (a form is matched to a system surface after ``normalise`` and
``fold``; a form the system never found counts as a singleton with no label):

- merges: pairwise precision / recall / F1 over pairs of forms the gold says co-refer, and BCubed;
- labels: accuracy of the entity's label family (PERSON, ORG, PLACE = GPE/LOC/FAC) over found forms;
- coverage: share of gold forms found at all (spaCy's recall, the same for the peers; newsweave
  adds the mentions of ``story_mentions``: names tagged elsewhere in the story, surnames, acronyms the
  text defines, first names spaCy cut off), and how many gold pairs that leaves reachable;
- mentions: every occurrence of a gold form in the texts (as written, whole words, longest form
  first), covered when a mention of that form overlaps it: spaCy's mentions alone and newsweave's;
- extra: newsweave's entity surfaces that are no gold form (events, nationalities, misreadings), a
  guard that the added mentions bring in no common words.

Peers in the same run, on the same mentions: exact-string grouping (each surface its own entity,
spaCy's majority label) and lower-cased last-word grouping (label: majority over the group).
Split: the clusters are ordered by md5("entities:" + id) and the last third (rounded up) is held
out (M000, M005, M007, M008 of the eleven); choices were made on the other seven only.

    .venv/bin/python benchmarks/entities.py [--show] [--speed]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, SHARED, bcubed, machine, pairwise, stamp  # noqa: E402
from newsweave.records import Analysis, Article, Mention  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.entities import LABELS, fold, normalise, resolve_entities, story_mentions  # noqa: E402
from newsweave.stages.ingest import read_inputs  # noqa: E402
from newsweave.stages.nlp import NLP  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "entities_gold.json"
FAMILY = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
# a system: (article id, mention) pairs and the texts -> {folded surface: (entity key, label)}
System = Callable[[list[tuple[str, Mention]], dict[str, str]], dict[str, tuple[str, str]]]


def newsweave_system(items: list[tuple[str, Mention]], texts: dict[str, str]) -> dict[str, tuple[str, str]]:
    ents, _canon = resolve_entities(items, texts=texts)
    return {fold(v): (e["name"], e["label"]) for e in ents for v in e["variants"]}


def _grouped(items: list[tuple[str, Mention]], key: Callable[[str], str]) -> dict[str, tuple[str, str]]:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    surf_key: dict[str, str] = {}
    for _a, m in items:
        if m.label not in LABELS:
            continue
        s = normalise(m.text)
        if len(s) < 2:
            continue
        k = key(s)
        surf_key[fold(s)] = k
        labels[k][m.label] += 1
    return {f: (k, labels[k].most_common(1)[0][0]) for f, k in surf_key.items()}


def exact_peer(items: list[tuple[str, Mention]], texts: dict[str, str]) -> dict[str, tuple[str, str]]:
    return _grouped(items, lambda s: s)


def surname_peer(items: list[tuple[str, Mention]], texts: dict[str, str]) -> dict[str, tuple[str, str]]:
    return _grouped(items, lambda s: (fold(s).split() or [s])[-1])


def score(clusters: list[dict[str, Any]], out: dict[str, dict[str, tuple[str, str]]]) -> dict[str, Any]:
    """Forms of all the given clusters pooled (entity keys are prefixed by their cluster)."""
    gold, pred, errors = [], [], []
    found = right = 0
    for c in clusters:
        sys_map = out[c["id"]]
        seen: set[str] = set()
        for i, e in enumerate(c["entities"]):
            for form in e["forms"]:
                f = fold(normalise(form))
                if f in seen:
                    continue
                seen.add(f)
                gold.append(f"{c['id']}#{i}")
                hit = sys_map.get(f)
                if hit is None:
                    pred.append(f"{c['id']}#miss:{f}")
                    continue
                pred.append(f"{c['id']}#{hit[0]}")
                found += 1
                fam = FAMILY.get(hit[1], hit[1])
                right += fam == e["label"]
                if fam != e["label"]:
                    errors.append(f"label {form!r}: {e['label']} -> {hit[1]}")
    p, r, f1 = pairwise(gold, pred, empty=1.0)
    found_keys = Counter(g for g, q in zip(gold, pred, strict=True) if "#miss:" not in q)
    n_pairs = sum(n * (n - 1) // 2 for n in Counter(gold).values())
    reachable = sum(n * (n - 1) // 2 for n in found_keys.values())
    bp, br, bf = bcubed(gold, pred)
    return {"forms": len(gold), "found": found, "pair_p": p, "pair_r": r, "pair_f1": f1,
            "b3_p": bp, "b3_r": br, "b3_f1": bf, "label_acc": right / found if found else 0.0,
            "pairs": n_pairs, "reachable": reachable,
            "label_errors": errors}  # fmt: skip


def coverage(c: dict[str, Any], arts: list[Article], items: list[tuple[str, Mention]]) -> tuple[int, int]:
    """Occurrences of the cluster's gold forms in its texts (as written, whole words, longest form
    first) and how many of them a mention covers whose surface is that form (``normalise``, ``fold``)."""
    forms = sorted({f for e in c["entities"] for f in e["forms"]}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    by_art: dict[str, list[Mention]] = defaultdict(list)
    for art_id, m in items:
        if m.label in LABELS:
            by_art[art_id].append(m)
    n = hit = 0
    for a in arts:
        for occ in pattern.finditer(a.text):
            n += 1
            f = fold(normalise(occ.group(1)))
            hit += any(m.start < occ.end() and occ.start() < m.end and fold(normalise(m.text)) == f
                       for m in by_art[a.id])  # fmt: skip
    return n, hit


def extras(c: dict[str, Any], sys_map: dict[str, tuple[str, str]]) -> list[str]:
    """The system's entity surfaces that are no gold form of the cluster (events, nationalities,
    common words read as names, forms of names the gold leaves out)."""
    gold = {fold(normalise(f)) for e in c["entities"] for f in e["forms"]}
    return sorted(f for f in sys_map if f not in gold)


def merge_errors(c: dict[str, Any], sys_map: dict[str, tuple[str, str]]) -> list[str]:
    """Wrong merges and missed merges among the gold forms of one cluster (for --show)."""
    form_of = {fold(normalise(f)): (i, f) for i, e in enumerate(c["entities"]) for f in e["forms"]}
    by_pred: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for f, (i, form) in form_of.items():
        if f in sys_map:
            by_pred[sys_map[f][0]].append((i, form))
    out = []
    for k, members in by_pred.items():
        if len({i for i, _ in members}) > 1:
            out.append(f"wrong merge under {k!r}: {[f for _, f in members]}")
    for e in c["entities"]:
        keys = {sys_map[fold(normalise(f))][0] for f in e["forms"] if fold(normalise(f)) in sys_map}
        if len(keys) > 1:
            out.append(f"split {e['name']!r}: {sorted(keys)}")
        missing = [f for f in e["forms"] if fold(normalise(f)) not in sys_map]
        if missing:
            out.append(f"not found {missing}")
    return out


def load_articles(gold: dict[str, Any]) -> dict[str, list[Article]]:
    settings = Settings()
    seeds = list(read_inputs([SHARED / "seeds"], settings))
    if skipped := [s for s in seeds if not isinstance(s, Article)]:
        raise SystemExit(f"cannot read the seed articles: {skipped}")
    by_name = {Path(a.origin).name: a for a in seeds if isinstance(a, Article)}
    by_ext = {}
    for pack in ("clustering_multiling2011", "clustering_duc2003"):
        by_ext.update({a.external_id: a for a in read_inputs([SHARED / pack / "articles.jsonl"], settings)
                       if isinstance(a, Article)})  # fmt: skip
    out = {}
    for c in gold["clusters"]:
        out[c["id"]] = [by_name[Path(x).name] if x.startswith("seeds/") else by_ext[x] for x in c["articles"]]
    return out


def speed(nlp: NLP) -> None:
    """Resolution time per story over whole real events (spaCy parse not included)."""
    settings, groups = Settings(), defaultdict(list)
    for pack in ("clustering_duc2003", "clustering_multiling2011"):
        path = SHARED / pack / "articles.jsonl"
        event = {r["id"]: r["event"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}
        for a in read_inputs([path], settings):
            if isinstance(a, Article):
                groups[event[a.external_id]].append(a)
    arts = [a for g in groups.values() for a in g]
    analyses = {a.id: an for a, an in nlp.analyse_stream(arts)}
    t0 = time.perf_counter()
    for g in groups.values():
        resolve_entities([(a.id, m) for a in g for m in analyses[a.id].mentions], texts={a.id: a.text for a in g})
    dt = time.perf_counter() - t0
    print(f"\nresolve_entities on {len(groups)} events, {len(arts)} articles: {dt:.2f} s "
          f"({1000 * dt / len(arts):.1f} ms per article)")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print newsweave's errors on the dev clusters")
    ap.add_argument(
        "--speed",
        action="store_true",
        help="also time resolve_entities on every DUC 2003 and MultiLing 2011 event (189 articles)",
    )
    ap.add_argument("--show-heldout", action="store_true", help="also on the held-out clusters (not for tuning)")
    ap.add_argument("--dev-only", action="store_true", help="print no held-out figure (while choosing rules)")
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    arts = load_articles(gold)
    nlp = NLP()
    analyses: dict[str, Analysis] = {}
    for a, an in nlp.analyse_stream([a for v in arts.values() for a in v]):
        analyses[a.id] = an
    order = sorted(gold["clusters"], key=lambda c: hashlib.md5(f"entities:{c['id']}".encode()).hexdigest())
    n_held = -(-len(order) // 3)  # a third, rounded up
    held = {c["id"] for c in order[-n_held:]}
    systems: dict[str, System] = {
        "newsweave": newsweave_system,
        "exact string": exact_peer,
        "lower-cased last word": surname_peer,
    }
    outs: dict[str, dict[str, dict[str, tuple[str, str]]]] = {}
    cover: dict[str, dict[str, tuple[int, int]]] = {"spaCy": {}, "newsweave": {}}
    for c in gold["clusters"]:
        items = [(a.id, m) for a in arts[c["id"]] for m in analyses[a.id].mentions]
        texts = {a.id: a.text for a in arts[c["id"]]}
        cover["spaCy"][c["id"]] = coverage(c, arts[c["id"]], items)
        cover["newsweave"][c["id"]] = coverage(c, arts[c["id"]], story_mentions(items, texts))
    for name, fn in systems.items():
        outs[name] = {}
        for c in gold["clusters"]:
            items = [(a.id, m) for a in arts[c["id"]] for m in analyses[a.id].mentions]
            outs[name][c["id"]] = fn(items, {a.id: a.text for a in arts[c["id"]]})
    print(f"# entities benchmark, {stamp()}, {machine()}")
    print(f"held-out clusters: {sorted(held)}; dev: {sorted(c['id'] for c in order[:-n_held])}")
    parts = {"dev": [c for c in order if c["id"] not in held], "held-out": [c for c in order if c["id"] in held]}
    if args.dev_only:
        del parts["held-out"]
        order = [c for c in order if c["id"] not in held]
    print("| part | system | forms | found | pair P | pair R | pair F1 | B3 P | B3 R | B3 F1 | label acc |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for part, cl in parts.items():
        for name in systems:
            s = score(cl, outs[name])
            print(f"| {part} | {name} | {s['forms']} | {s['found']} | {s['pair_p']:.3f} | {s['pair_r']:.3f} | "
                  f"{s['pair_f1']:.3f} | {s['b3_p']:.3f} | {s['b3_r']:.3f} | {s['b3_f1']:.3f} | "
                  f"{s['label_acc']:.3f} |")  # fmt: skip
    for part, cl in parts.items():
        s = score(cl, outs["newsweave"])
        print(
            f"{part}: {s['pairs']} co-referring gold pairs, {s['reachable']} with both forms found by newsweave "
            f"(spaCy or its mention pass; the most it can recall: {s['reachable'] / max(1, s['pairs']):.3f})"
        )
    print("\nmentions: occurrences of gold forms in the texts covered by a mention of that form; extra: "
          "entity surfaces that are no gold form (events, nationalities, misreadings)")
    for part, cl in parts.items():
        for who, cov in cover.items():
            n = sum(cov[c["id"]][0] for c in cl)
            k = sum(cov[c["id"]][1] for c in cl)
            print(f"{part}: {who} mentions cover {k} / {n} = {k / max(1, n):.3f}")
        print(f"{part}: newsweave extra surfaces: {sum(len(extras(c, outs['newsweave'][c['id']])) for c in cl)}")
    print("\nper story (newsweave): " + "; ".join(
        f"{c['id'].split(':')[-1]}{'*' if c['id'] in held else ''} P {s['pair_p']:.2f} R {s['pair_r']:.2f} "
        f"({s['pairs']} pairs)" for c in order for s in [score([c], outs["newsweave"])]
    ) + " (* held out)")  # fmt: skip
    if args.speed:
        speed(nlp)
    if args.show:
        for c in order if args.show_heldout else [c for c in order if c["id"] not in held]:
            print(f"\n## {c['id']} ({'held-out' if c['id'] in held else 'dev'})")
            for line in merge_errors(c, outs["newsweave"][c["id"]]):
                print("  ", line)
            for line in score([c], outs["newsweave"])["label_errors"]:
                print("  ", line)
            print("   extra:", extras(c, outs["newsweave"][c["id"]]))


if __name__ == "__main__":
    main()
