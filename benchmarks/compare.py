"""Cross-source comparison against the hand-built gold set benchmarks/gold/compare_gold.json.

Ten real clusters from ../shared/data (5 of summarization_multiling2011, 3 of summarization_duc2003,
the two seeds as one story; 2-3 articles each, named in the gold file; four of them added on 2026-12-06).
Articles are read the way the pipeline reads them (``ingest.read_jsonl_record`` / ``read_inputs``), analysed by spaCy
(``stages.nlp``), and the comparison is built as ``stages.story.analyse_story`` builds it: copies
from ``find_copies``, the number table from ``story_facts``, then ``compare_sources``. Peers in the
same run: the comparison as it was before tuning (benchmarks/results/compare_v0.py).

Matching (all on sentences: a gold quote marks the spaCy sentence(s) it overlaps):
- corroborated: a predicted group matches a gold fact when, in at least 2 different articles, one
  of its sentences overlaps a sentence of that fact. P = matched groups / groups, R = gold facts
  matched / gold facts.
- unique: a predicted unique claim is right when its sentence overlaps a gold unique sentence of
  the same article, wrong when it overlaps only sentences of gold corroborated or conflicting facts,
  unjudged otherwise (the gold unique lists are not exhaustive). P = right / (right + wrong),
  R = gold unique sentences found / gold unique sentences (the product shows at most 12 a story, compare.MAX_UNIQUE).
- conflicting: a predicted conflict matches a gold one when two of its claims, from different
  articles, overlap one side each. P and R as for corroborated.

The split is the one of benchmarks/common.heldout on the cluster id (M003, M007, d30016t and the seeds held out);
choices in compare.py were made on the dev clusters only.

    nice -n 19 .venv/bin/python benchmarks/compare.py [--no-write] [--show] [--dev-only] [--grid] [--audit]
        [--cost | --cost-full]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from itertools import product
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, SHARED, heldout, load_jsonl, machine, stamp  # noqa: E402
from newsweave.records import Analysis, Article  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.facts import story_facts  # noqa: E402
from newsweave.stages.ingest import read_inputs, read_jsonl_record  # noqa: E402
from newsweave.stages.nlp import NLP  # noqa: E402
from newsweave.stages.story import find_copies  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "compare_gold.json"
OUT = ROOT / "benchmarks" / "RESULTS_compare.md"
Span = tuple[str, int, int]  # article id, start, end
Compare = Callable[..., dict[str, Any]]


def load_cluster(entry: dict[str, Any], settings: Settings) -> dict[str, Article]:
    """Gold document key -> Article, read by the pipeline's own readers."""
    if entry["file"].startswith("seeds"):
        out = {}
        for key in entry["documents"]:
            arts = [a for a in read_inputs([SHARED / key], settings) if isinstance(a, Article)]
            out[key] = arts[0]
        return out
    cluster = next(c for c in load_jsonl(SHARED / entry["file"]) if c["id"] == entry["id"])
    docs = {d["id"]: d for d in cluster["documents"]}
    out = {}
    for key in entry["documents"]:
        rec = dict(docs[key])
        if rec.get("source") == "Wikinews":  # one outlet per article (see the gold guideline)
            rec["source"] = f"Wikinews {key.split(':')[-1]}"
        art = read_jsonl_record(rec, key, settings)
        assert isinstance(art, Article), art
        out[key] = art
    return out


def locate(text: str, quote: str) -> tuple[int, int]:
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, text)
    if m is None:
        raise ValueError(f"gold quote not found: {quote!r}")
    return m.start(), m.end()


def sentences_of(art: Article, an: Analysis, quotes: list[str]) -> set[Span]:
    out: set[Span] = set()
    for q in quotes:
        qs, qe = locate(art.text, q)
        hit = {(art.id, s, e) for s, e in an.sentences if s < qe and qs < e}
        if not hit:
            raise ValueError(f"gold quote outside every sentence: {q!r}")
        out |= hit
    return out


def overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def hits(pred: list[Span], gold: set[Span]) -> set[str]:
    """Articles in which a predicted sentence overlaps a gold sentence."""
    return {p[0] for p in pred if any(overlaps(p, g) for g in gold)}


def spans(items: list[dict[str, Any]]) -> list[Span]:
    return [(s["article"], s["start"], s["end"]) for s in items]


def score_cluster(entry: dict[str, Any], arts: dict[str, Article], analyses: dict[str, Analysis],
                  out: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """Counts for one cluster (see the module docstring for the matching rules)."""
    facts = [
        set().union(*(sentences_of(arts[k], analyses[arts[k].id], qs) for k, qs in f["support"].items()))
        for f in entry["corroborated"]
    ]
    uniques = [sentences_of(arts[u["article"]], analyses[arts[u["article"]].id], [u["quote"]]) for u in entry["unique"]]
    conflicts = [
        [
            set().union(*(sentences_of(arts[k], analyses[arts[k].id], qs) for k, qs in side.items()))
            for side in c["sides"]
        ]
        for c in entry["conflicting"]
    ]
    c: dict[str, Any] = {}
    groups = [spans(g["sentences"]) for g in out["corroborated"]]
    matched = [[len(hits(g, f)) >= 2 for f in facts] for g in groups]
    c["corr"] = (sum(any(m) for m in matched), len(groups), sum(any(m[j] for m in matched) for j in range(len(facts))),
                 len(facts))  # fmt: skip

    covered = set().union(*facts, *(s for k in conflicts for s in k)) if facts or conflicts else set()
    right = wrong = 0
    found = [False] * len(uniques)
    for u in spans(out["unique"]):
        ok = [j for j, g in enumerate(uniques) if hits([u], g)]
        for j in ok:
            found[j] = True
        if ok:
            right += 1
        elif hits([u], covered):
            wrong += 1
    c["uniq"] = (right, right + wrong, sum(found), len(uniques), len(out["unique"]))

    preds = [spans(k["claims"]) for k in out["conflicting"]]

    def conflict_match(p: list[Span], sides: list[set[Span]]) -> bool:
        return any(x[0] != y[0] and hits([x], sides[0]) and hits([y], sides[1]) for x in p for y in p)

    cm = [[conflict_match(p, k) for k in conflicts] for p in preds]
    c["conf"] = (sum(any(m) for m in cm), len(preds), sum(any(m[j] for m in cm) for j in range(len(conflicts))),
                 len(conflicts))  # fmt: skip
    c["pred"] = out
    return c


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float | None, float | None, float | None]:
    p = tp_p / n_p if n_p else None
    r = tp_r / n_r if n_r else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if p is not None and r else None)
    return p, r, f


def fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def run(systems: dict[str, Compare], show: bool, dev_only: bool = False) -> tuple[list[str], dict[str, Any]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    settings = Settings()
    nlp = NLP(settings.spacy_model).load()
    data = []
    for entry in gold["clusters"]:
        split = "held-out" if heldout(entry["id"]) else "dev"
        assert split.replace("-", "") == entry["split"], (entry["id"], split)  # the file says the same
        if dev_only and split != "dev":
            continue
        arts = load_cluster(entry, settings)
        analyses = {a.id: an for a, an in nlp.analyse_stream(list(arts.values()))}
        data.append((entry, split, arts, analyses))
    lines = []
    summary: dict[str, Any] = {}
    for name, compare in systems.items():
        totals: dict[str, dict[str, list[int]]] = {}
        t0 = time.perf_counter()
        for entry, split, arts, analyses in data:
            articles = list(arts.values())
            copies = find_copies(articles)
            _, numbers = story_facts(articles, analyses)
            out = compare(articles, analyses, copies, numbers)
            c = score_cluster(entry, arts, analyses, out)
            if show and split == "dev":  # tuning looks at the dev clusters only
                print(f"== {name} {entry['id']} ({split}) corr {c['corr']} uniq {c['uniq']} conf {c['conf']}")
                texts = {a.id: a.text for a in articles}
                for g in out["corroborated"]:
                    print("  C", g["independent_outlets"], g["text"][:150])
                    for x in g["sentences"]:
                        print("     -", " ".join(texts[x["article"]][x["start"] : x["end"]].split())[:150])
                for k in out["conflicting"]:
                    print("  K", k["kind"], k["about"], [x["text"][:80] for x in k["claims"]])
                for u in out["unique"]:
                    print("  U", u["text"][:120])
            for split_name in (split, "all"):
                t = totals.setdefault(split_name, {"corr": [0] * 4, "uniq": [0] * 5, "conf": [0] * 4})
                for kind in ("corr", "uniq", "conf"):
                    t[kind] = [a + b for a, b in zip(t[kind], c[kind], strict=True)]
        secs = time.perf_counter() - t0
        for split_name in ("dev", "held-out", "all"):
            if split_name not in totals:
                continue
            t = totals[split_name]
            row = [name, split_name]
            for kind in ("corr", "uniq", "conf"):
                p, r, f = prf(*t[kind][:4])
                row += [fmt(p), fmt(r), fmt(f)]
                summary.setdefault(name, {}).setdefault(split_name, {})[kind] = {
                    "p": p,
                    "r": r,
                    "f": f,
                    "counts": t[kind],
                }
            row.append(f"{t['corr'][1]}/{t['corr'][3]}, {t['uniq'][4]}/{t['uniq'][3]}, {t['conf'][1]}/{t['conf'][3]}")
            lines.append("| " + " | ".join(row) + " |")
        lines.append(f"| {name}: {secs:.1f} s for {len(data)} stories | | | | | | | | | | | |")
    return lines, summary


def stream_cost(full: bool = False) -> None:
    """What the sentence embeddings cost: the comparison of every gold event of the 961-article stream
    (clustering_stream, 85 events) with and without the embedder. Sentences come from a regex split
    (no spaCy: only the cost is measured), outlets are the articles. ``full`` adds the run without the
    per-article embedding budget (compare.EMBED_PER_ARTICLE), the cost before the budget."""
    from collections import defaultdict

    from newsweave.stages import compare
    from newsweave.stages.embed import Embedder

    events: dict[str, list[Article]] = defaultdict(list)
    for r in load_jsonl(SHARED / "clustering_stream" / "articles.jsonl"):
        events[r["event"]].append(Article(r["id"], r["text"], title=r.get("title"), source=r["id"]))
    split = re.compile(r"[^.!?\s][^.!?]*[.!?]")
    analyses = {
        a.id: Analysis(a.id, tuple((m.start(), m.end()) for m in split.finditer(a.text)), (), ())
        for arts in events.values()
        for a in arts
    }
    embedder = Embedder().load()  # the pipeline's defaults
    counted = {"texts": 0, "cpu": 0.0}

    class Counting:
        def embed(self, texts: list[str]) -> Any:
            counted["texts"] += len(texts)
            cpu = time.process_time()
            out = embedder.embed(texts)
            counted["cpu"] += time.process_time() - cpu
            return out

    claims = sum(len(compare._claims(arts, analyses, {})) for arts in events.values())
    budget = compare.EMBED_PER_ARTICLE
    runs = [("words only", None, budget), ("with embedder", Counting(), budget)]
    if full:  # the embedder without the per-article budget (every claim with a candidate partner)
        runs.append(("with embedder, no per-article budget", Counting(), 10**6))
    largest = max(events, key=lambda k: len(events[k]))
    for name, e, per_article in runs:
        compare.EMBED_PER_ARTICLE = per_article
        counted.update(texts=0, cpu=0.0)
        t, cpu = time.perf_counter(), time.process_time()
        story_cpu = 0.0
        for key, arts in events.items():
            start = time.process_time()
            compare.compare_sources(arts, analyses, {}, [], embedder=e)
            if key == largest:
                story_cpu = time.process_time() - start
        extra = f", {counted['texts']} claims embedded ({counted['cpu']:.1f} s CPU of it)" if e else ""
        print(f"{name}: {time.perf_counter() - t:.1f} s wall, {time.process_time() - cpu:.1f} s CPU{extra}; "
              f"largest story ({len(events[largest])} articles) {story_cpu:.2f} s CPU")  # fmt: skip
    compare.EMBED_PER_ARTICLE = budget
    print(f"{len(events)} stories, {claims} claims ({machine()}, {stamp()})")


def audit(compare: Compare, first: int = 10) -> None:
    """False-conflict audit: the conflicts found in the MultiLing and DUC summarization clusters that are
    neither in the gold set nor held out (first ``first`` articles each, each article its own outlet), for
    reading by hand. There is no gold here: every conflict printed is to be judged."""
    gold = {c["id"] for c in json.loads(GOLD.read_text(encoding="utf-8"))["clusters"]}
    settings = Settings()
    nlp = NLP(settings.spacy_model).load()
    for folder in ("summarization_multiling2011", "summarization_duc2003"):
        for cluster in load_jsonl(SHARED / folder / "clusters.jsonl"):
            if cluster["id"] in gold or heldout(cluster["id"]):
                continue
            arts = []
            for d in cluster["documents"][:first]:
                art = read_jsonl_record(dict(d, source=d["id"]), d["id"], settings)
                assert isinstance(art, Article), art
                arts.append(art)
            analyses = {a.id: an for a, an in nlp.analyse_stream(arts)}
            _, numbers = story_facts(arts, analyses)
            out = compare(arts, analyses, find_copies(arts), numbers)
            print(f"== {cluster['id']}: {len(out['conflicting'])} conflicts, {len(out['corroborated'])} corroborated")
            for k in out["conflicting"]:
                print(f"  K {k['kind']} {k['about']}")
                for c in k["claims"]:
                    print(f"     - {c['text'][:160]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS_compare.md alone")
    ap.add_argument(
        "--show",
        action="store_true",
        help="print the predicted groups, conflicts and unique claims of the dev clusters",
    )
    ap.add_argument(
        "--dev-only", action="store_true", help="score the dev clusters only (while tuning); implies --no-write"
    )
    ap.add_argument("--grid", action="store_true", help="tuning grid for the embedding thresholds on the dev clusters")
    ap.add_argument("--audit", action="store_true", help="print conflicts on non-gold, non-held-out clusters")
    ap.add_argument("--cost", action="store_true", help="time the comparison with/without embeddings on the stream")
    ap.add_argument("--cost-full", action="store_true", help="--cost, plus the embedder without the per-article budget")
    args = ap.parse_args()
    if args.cost or args.cost_full:
        stream_cost(args.cost_full)
        return
    from newsweave.stages import compare
    from newsweave.stages.embed import Embedder

    embedder = Embedder(threads=1).load()
    systems: dict[str, Compare] = {
        "newsweave": partial(compare.compare_sources, embedder=embedder),
        "newsweave, words only": compare.compare_sources,
    }
    # the comparison before tuning, when a frozen copy is at hand (benchmarks/results/ is not in git:
    # `git show 933af2b:newsweave/stages/compare.py > benchmarks/results/compare_v0.py`)
    if (ROOT / "benchmarks" / "results" / "compare_v0.py").exists():
        sys.path.insert(0, str(ROOT / "benchmarks" / "results"))
        import compare_v0

        systems["v0 (before tuning)"] = compare_v0.compare_sources
    if args.audit:
        audit(systems["newsweave"])
        return
    if args.grid:  # the tuning run: dev clusters only, one row per setting
        for cos, shared, topic in product((0.4, 0.45, 0.5, 0.55), (1, 2), (0.1, 0.15, 0.25, 1.0)):
            compare.EMB_COSINE, compare.EMB_MIN_SHARED, compare.TOPIC_SHARE = cos, shared, topic
            name = f"cos {cos} shared {shared} topic {topic}"
            lines, _ = run({name: systems["newsweave"]}, False, True)
            print(lines[0])
        return
    lines, summary = run(systems, args.show, args.dev_only)
    header = [
        "| system | split | corr P | corr R | corr F1 | uniq P (judged) | uniq R | uniq F1 | conf P | conf R | conf F1 "
        "| predicted/gold (corr, uniq, conf) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    table = "\n".join(header + lines)
    print(table)
    print(json.dumps({k: {s: {kind: v["counts"] for kind, v in d.items()} for s, d in x.items()}
                      for k, x in summary.items()}))  # fmt: skip
    if args.no_write or args.dev_only:
        return
    text = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
    marker = "<!-- table -->"
    block = f"{marker}\nRun {stamp()} on {machine()} (shared, nice -n 19):\n\n{table}\n{marker}"
    if text.count(marker) == 2:
        a, _, rest = text.partition(marker)
        _, _, b = rest.partition(marker)
        text = a + block + b
    else:
        text = text + "\n" + block + "\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
