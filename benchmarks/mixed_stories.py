"""Stories that mix two events: the within-story split (``story.story_events``) against the gold events (issue 4/6).

Over a stored ``newsweave run`` (its store ``s.db``: articles, analyses, MiniLM vectors; ``out/stories.json``: the
stories), each story's articles are split as the product splits them, and the gold ``event`` of each article
(``clustering_stream/articles.jsonl``, read here only) tells:

* split quality: over the stories with more than one gold event ("mixed"), pairwise precision / recall of "same
  group" against the gold partition (pairs pooled over the stories), how many mixed stories are split; over the pure
  stories, how many are split (false splits);
* what the reader gets, before (one group, the code before the split) and after: the share of summary sentences
  whose source article is of the story's majority gold event, whether the headline's article is, and the share of
  summary sentences of the headline article's event (headline and summary about one event);
* ``--audit``: the summary audit's judged classes (``benchmarks/gold/summary_audit.json``, the draws of
  ``summary_audit.py``) over the summaries after the split; sentences nobody judged are printed;
* ``--grid``: split quality over a grid of the split's settings (dev stories while tuning);
* the time of the split check per story.

Stories are dev or held-out by ``benchmarks.common.heldout`` on the story id, as in the other audits.

    .venv/bin/python benchmarks/mixed_stories.py --run /tmp/run6 [--split dev|held-out] [--embed] [--show]
    .venv/bin/python benchmarks/mixed_stories.py --run /tmp/run6 --grid
    .venv/bin/python benchmarks/mixed_stories.py --run /tmp/run6 --embed --audit --seed 9 10
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import SHARED, heldout, load_jsonl, pairwise  # noqa: E402
from benchmarks.summary_audit import CLASSES, GOLD, draw  # noqa: E402
from newsweave.records import Analysis, Article  # noqa: E402
from newsweave.stages import story as st  # noqa: E402
from newsweave.stages.summarize import Summarizer, SummaryDoc  # noqa: E402


def load(run: Path) -> list[dict[str, Any]]:
    """Per story: id, articles (Article), analyses, vectors, copies (as the run's stories.json marks them)."""
    stories = json.loads((run / "out" / "stories.json").read_text())["stories"]
    db = sqlite3.connect(f"file:{run / 's.db'}?mode=ro", uri=True)
    out = []
    for s in stories:
        arts, analyses, vectors = [], {}, {}
        for a in s["articles"]:
            row = db.execute("select data from articles where id=?", (a["id"],)).fetchone()
            if not row:
                continue
            arts.append(Article.from_dict(json.loads(row[0])))
            an = db.execute("select data, embedding from analyses where article_id=?", (a["id"],)).fetchone()
            if an:
                analyses[a["id"]] = Analysis.from_dict(a["id"], json.loads(an[0]))
                vectors[a["id"]] = np.frombuffer(an[1], dtype=np.float32)
        copies = {a["id"] for a in s["articles"] if a.get("copy_of")}
        out.append({"id": s["id"], "articles": arts, "analyses": analyses, "vectors": vectors, "copies": copies})
    return out


def gold_events() -> dict[str, str]:
    return {a["id"]: a["event"] for a in load_jsonl(SHARED / "clustering_stream" / "articles.jsonl")}


def event_of(a: Article, gold: dict[str, str]) -> str:
    return gold.get(a.external_id or a.id, "?")


def groups_for(s: dict[str, Any], **kw: Any) -> list[list[int]]:
    arts = s["articles"]
    if not kw:
        return [[arts.index(a) for a in g] for g in st.story_events(arts, s["analyses"], s["vectors"])]
    if len(arts) < kw.pop("story", st.SPLIT_STORY):
        return [list(range(len(arts)))]
    return st.split_groups(st.article_similarities(arts, s["analyses"], s["vectors"]), **kw)


def split_quality(stories: list[dict[str, Any]], gold: dict[str, str], groups: dict[str, list[list[int]]]) -> dict:
    g_all: list[str] = []
    p_all: list[str] = []
    mixed = split_mixed = pure = false_split = 0
    for s in stories:
        ev = [event_of(a, gold) for a in s["articles"]]
        pred = ["?"] * len(ev)
        for k, g in enumerate(groups[s["id"]]):
            for i in g:
                pred[i] = f"{s['id']}:{k}"
        is_split = len(groups[s["id"]]) > 1
        if len(set(ev)) > 1:
            mixed += 1
            split_mixed += is_split
            g_all += [f"{s['id']}:{e}" for e in ev]
            p_all += pred
        else:
            pure += 1
            false_split += is_split
    p, r, _ = pairwise(g_all, p_all, empty=1.0)
    return {"mixed": mixed, "split_mixed": split_mixed, "pure": pure, "false_split": false_split, "P": p, "R": r}


def summary_and_headline(s: dict[str, Any], main: list[int], embedder: Any) -> tuple[dict[str, Any], str]:
    arts = [s["articles"][i] for i in main]
    an = s["analyses"]
    docs = [SummaryDoc(a.id, a.text, an[a.id].sentences, a.published, a.title)
            for a in arts if a.id in an and a.id not in s["copies"]]  # fmt: skip
    summary = Summarizer(words=100, embedder=embedder).summarize(docs)
    # the article whose title (or lead) the headline is made of: the most central one of the group
    # (``story.headline``: the titled article closest to the centroid of the group's vectors)
    with_vec = [a for a in arts if a.id in s["vectors"]]
    if not with_vec:
        return summary, arts[0].id
    vecs = np.stack([s["vectors"][a.id] for a in with_vec])
    order = np.argsort(-(vecs @ vecs.mean(axis=0)), kind="stable")
    titled = [with_vec[i].id for i in order if with_vec[i].title]
    return summary, titled[0] if titled else with_vec[int(order[0])].id


def reader_figures(stories: list[dict[str, Any]], gold: dict[str, str], groups: dict[str, list[list[int]]],
                   embedder: Any, show: bool) -> dict[str, Any]:  # fmt: skip
    """Over the mixed stories: summary sentences from the majority event, headline from it, sentences of the
    headline's event; before (all articles) and after (the main group)."""
    out: dict[str, Any] = {k: Counter() for k in ("before", "after")}
    for s in stories:
        ev = {a.id: event_of(a, gold) for a in s["articles"]}
        if len(set(ev.values())) < 2:
            continue
        majority = Counter(ev.values()).most_common(1)[0][0]
        for when, main in (("before", list(range(len(s["articles"])))), ("after", groups[s["id"]][0])):
            summary, central = summary_and_headline(s, main, embedder)
            c = out[when]
            c["stories"] += 1
            c["headline_majority"] += ev[central] == majority
            for x in summary["sentences"]:
                c["sentences"] += 1
                c["majority"] += ev[x["source"]["article"]] == majority
                c["as_headline"] += ev[x["source"]["article"]] == ev[central]
            c["all_as_headline"] += all(ev[x["source"]["article"]] == ev[central] for x in summary["sentences"])
            if show and when == "after" and len(groups[s["id"]]) > 1:
                grp = Counter(ev[s["articles"][i].id] for i in main)
                print(f"== {s['id']} main group {dict(grp)}; headline article {ev[central]}")
                for x in summary["sentences"]:
                    print(f"   [{ev[x['source']['article']]}] {x['text'][:110]}")
    return out


REJUDGED = Path(__file__).with_name("gold") / "mixed_stories_audit.json"


def audit(summ: dict[str, dict[str, Any]], seeds: list[int], split: str, label: str, rejudged: bool) -> None:
    """The judged classes over the summaries of the audit's draws. With ``rejudged``, the stories judged again in
    the context of their split summary (``REJUDGED``) take those judgements instead of summary_audit.json's."""
    gold = json.loads(GOLD.read_text()) if GOLD.exists() else {}
    if rejudged and REJUDGED.exists():
        gold.update(json.loads(REJUDGED.read_text())["stories"])
    picked = draw(list(summ), 30, seeds, split)
    rows = [(sid, x["text"]) for sid in picked for x in summ[sid]["sentences"]]
    classes = [gold.get(sid, {}).get(text, "unjudged") for sid, text in rows]
    print("".join(f"unjudged {sid}: {text}\n" for (sid, text), c in zip(rows, classes, strict=True) if c == "unjudged"),
          end="")  # fmt: skip
    counts = Counter(classes)
    print(f"audit {label}, {split} (seed {' '.join(map(str, seeds))}), {len(picked)} stories, {len(rows)} sentences: "
          + ", ".join(f"{c} {counts[c]}" for c in (*CLASSES, "unjudged") if counts[c]))  # fmt: skip


def guard_stories(run: Path, split: str) -> list[dict[str, Any]]:
    """The summarization benchmark's DUC 2003 / MultiLing 2011 clusters (each one event; dev and held-out as
    ``benchmarks/summarize.py`` splits them) as stories, their articles, analyses and vectors taken from the run's
    store (the stream holds every one of their documents)."""
    from benchmarks.summarize import DATASETS, split_heldout

    db = sqlite3.connect(f"file:{run / 's.db'}?mode=ro", uri=True)
    by_ext: dict[str, tuple[Article, Analysis, np.ndarray]] = {}
    rows = db.execute("select a.data, n.data, n.embedding from articles a join analyses n on n.article_id=a.id")
    for d, an, emb in rows:
        art = Article.from_dict(json.loads(d))
        if art.external_id:
            by_ext[art.external_id] = (art, Analysis.from_dict(art.id, json.loads(an)), np.frombuffer(emb, np.float32))
    out = []
    for folder in DATASETS.values():
        clusters = load_jsonl(SHARED / folder / "clusters.jsonl")
        held = split_heldout([c["id"] for c in clusters])
        for c in clusters:
            if (c["id"] in held) != (split == "held-out"):
                continue
            got = [by_ext[d["id"]] for d in c["documents"] if d["id"] in by_ext]
            out.append({"id": c["id"], "articles": [g[0] for g in got], "analyses": {g[0].id: g[1] for g in got},
                        "vectors": {g[0].id: g[2] for g in got}, "copies": set()})  # fmt: skip
    return out


def guard(run: Path, split: str) -> None:
    """The false-split guard on pure events: a split of a summarization cluster would cost ROUGE. For each split
    cluster, ROUGE-1 / ROUGE-2 recall (as ``benchmarks/summarize.py`` scores it: the newsweave summary at the task's
    word limit against each reference, mean) of the summary of all its articles and of the main group's."""
    from rouge_score import rouge_scorer

    from benchmarks.summarize import DATASETS, build_docs, cut, newsweave
    from newsweave.stages.nlp import NLP

    scorer, nlp = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True), None
    clusters = {c["id"]: c for folder in DATASETS.values() for c in load_jsonl(SHARED / folder / "clusters.jsonl")}
    for name in DATASETS:
        checked = splits = total = 0
        for s in guard_stories(run, split):
            if not s["id"].startswith(name):
                continue
            total += 1
            events = groups_for(s)
            checked += len(s["articles"]) >= st.SPLIT_STORY
            if len(events) == 1:
                continue
            splits += 1
            nlp = nlp or NLP()
            c = clusters[s["id"]]
            n, docs = int(c["target_words"]), build_docs(c, nlp)
            main_ids = {s["articles"][i].external_id for i in events[0]}
            scores = []
            for part in (docs, [d for d in docs if d.id in main_ids]):
                summary = cut(" ".join(newsweave(part, n)[0]), n)
                sc = [scorer.score(cut(r, n), summary) for r in c["references"]]
                scores.append([100 * float(np.mean([x[m].recall for x in sc])) for m in ("rouge1", "rouge2")])
            print(f"  false split: {s['id']} {[len(e) for e in events]}; ROUGE-1/2 recall of this cluster "
                  f"{scores[0][0]:.2f}/{scores[0][1]:.2f} -> {scores[1][0]:.2f}/{scores[1][1]:.2f}")
        print(f"{name} {split}: {total} clusters, {checked} big enough to be checked, {splits} split")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", type=Path, default=Path("/tmp/run6"))
    ap.add_argument("--split", choices=["dev", "held-out"], default="dev")
    ap.add_argument("--embed", action="store_true", help="the Summarizer's MiniLM repeat check, as `newsweave run`")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--audit", action="store_true")
    ap.add_argument("--guard", action="store_true", help="false splits of the DUC / MultiLing summarization clusters")
    ap.add_argument("--seed", type=int, nargs="+", default=[9, 10])
    args = ap.parse_args()
    if args.guard:
        guard(args.run, args.split)
        return
    everything = load(args.run)
    stories = [s for s in everything if heldout(s["id"]) == (args.split == "held-out")]
    gold = gold_events()
    print(f"{args.split}: {len(stories)} stories")
    if args.grid:
        guard_clusters = guard_stories(args.run, args.split)
        for sil in (0.26, 0.28, 0.3, 0.32, 0.34):
            for coh in (0.0, 0.25, 0.3, 0.325, 0.35):
                kw = {"silhouette": sil, "cohesion": coh}
                q = split_quality(stories, gold, {s["id"]: groups_for(s, **kw) for s in stories})
                g = sum(len(groups_for(s, **kw)) > 1 for s in guard_clusters)
                print(f"silhouette {sil} cohesion {coh}: mixed split {q['split_mixed']}/{q['mixed']}, false splits "
                      f"{q['false_split']}/{q['pure']} + {g}/{len(guard_clusters)} summarization clusters, pairwise P "
                      f"{q['P']:.3f} R {q['R']:.3f}")
        return
    groups, times = {}, []
    for s in stories:
        t = time.perf_counter()
        groups[s["id"]] = groups_for(s)
        times.append((time.perf_counter() - t, len(s["articles"])))
    one = {s["id"]: [list(range(len(s["articles"])))] for s in stories}
    for name, g in (("before (no split)", one), ("after", groups)):
        q = split_quality(stories, gold, g)
        print(f"{name}: mixed stories split {q['split_mixed']}/{q['mixed']}, false splits {q['false_split']}/"
              f"{q['pure']}, same-group pairs of mixed stories P {q['P']:.3f} R {q['R']:.3f}")
    big = [t for t, n in times if n >= st.SPLIT_STORY]
    print(f"split check: {sum(t for t, _ in times) / len(times) * 1000:.1f} ms per story on average, "
          f"max {max(t for t, _ in times) * 1000:.1f} ms ({len(big)} stories big enough to be checked, "
          f"largest {max(n for _, n in times)} articles)")
    embedder = None
    if args.embed:
        from newsweave.stages.embed import Embedder

        embedder = Embedder(threads=1)
    fig = reader_figures(stories, gold, groups, embedder, args.show)
    for when in ("before", "after"):
        c = fig[when]
        print(f"{when}: {c['stories']} mixed stories, summary sentences from the majority event "
              f"{c['majority']}/{c['sentences']} ({c['majority'] / max(1, c['sentences']):.1%}), headline from it "
              f"{c['headline_majority']}/{c['stories']}, sentences of the headline's event {c['as_headline']}/"
              f"{c['sentences']} ({c['as_headline'] / max(1, c['sentences']):.1%}), stories whose every sentence is "
              f"of the headline's event {c['all_as_headline']}/{c['stories']}")
    if args.audit:
        before, after = {}, {}
        for s in everything:
            before[s["id"]] = summary_and_headline(s, list(range(len(s["articles"]))), embedder)[0]
            main_group = groups[s["id"]][0] if s["id"] in groups else groups_for(s)[0]
            after[s["id"]] = summary_and_headline(s, main_group, embedder)[0] if len(main_group) < len(
                s["articles"]) else before[s["id"]]
        audit(before, args.seed, args.split, "before (no split)", rejudged=False)
        changed = {k for k in after if after[k]["sentences"] != before[k]["sentences"]}
        audit(after, args.seed, args.split, f"after ({len(changed)} summaries changed)", rejudged=True)


if __name__ == "__main__":
    main()
