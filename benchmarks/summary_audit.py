"""Story summaries as a reader sees them: an audit of a real run (issue 6).

Rebuilds each story's summary from a ``newsweave run`` store with the current ``Summarizer`` (the
article texts and sentence spans the run stored, copies left out as the product does; no spaCy), then:

* ``--show``: prints the summaries of ``--n`` stories drawn at random (fixed seed) from one split
  (``benchmarks.common.heldout`` on the story id; dev: two thirds of the stories), each sentence with the
  text before it in its article, for a person to judge.
* ``--score``: counts the judged classes (``benchmarks/gold/summary_audit.json``: {story: {sentence text:
  class}}) over the sentences the current code puts in those summaries; a sentence nobody judged yet is
  printed and counted as "unjudged".
  Each summary's first sentence is also counted as an opener that says what happened ("event") or gives a detail,
  background or a quotation first ("detail"; ``GOLD["_openers"]``, judged for the stories of the later draws).
* ``--diff OTHER.json``: sentences that differ between the summaries saved by ``--save`` and now, over all
  the run's stories (the before/after check of a change).

Classes: ok, fragment (cut wrong), context (needs what it lacks: "the company", "he", "the two"), furniture
(page furniture or a caption), offtopic (about another event), redundant (repeats another summary
sentence), speakerless (a quote without its speaker).

    .venv/bin/python benchmarks/summary_audit.py --run /tmp/run2 --show [--n 30] [--seed 6] [--split dev]
    .venv/bin/python benchmarks/summary_audit.py --run /tmp/run2 --score [--seed 6 7]
    .venv/bin/python benchmarks/summary_audit.py --run /tmp/run2 --save /tmp/before.json
    .venv/bin/python benchmarks/summary_audit.py --run /tmp/run2 --diff /tmp/before.json
    .venv/bin/python benchmarks/summary_audit.py --run /tmp/run4 --embed --score   # with the MiniLM repeat check
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import heldout  # noqa: E402
from newsweave.records import Analysis, Article  # noqa: E402
from newsweave.stages import story as st  # noqa: E402
from newsweave.stages.embed import Embedder  # noqa: E402
from newsweave.stages.summarize import Summarizer, SummaryDoc, pronoun_speakers  # noqa: E402

GOLD = Path(__file__).with_name("gold") / "summary_audit.json"
REJUDGED = Path(__file__).with_name("gold") / "mixed_stories_audit.json"
OPENERS = "_openers"  # GOLD[OPENERS]: {story: {first sentence: "event" (says what happened) or "detail" (a detail,
# background or a quotation first: "Normally, Microsoft releases ...", 'CNN management said: "..."')}}
CLASSES = ("ok", "fragment", "context", "furniture", "offtopic", "redundant", "speakerless")


def summaries(
    run: Path, words: int = 100, embed: bool = False, speakers: bool = True
) -> dict[str, tuple[dict[str, Any], dict[str, str]]]:
    """story id -> (summary of the current code, {article id: text}); the store is opened read-only. As
    ``story.analyse_story`` makes it: a story that mixes two events (``story.story_events`` over the stored
    analyses and MiniLM vectors) is summarized from its main group of articles, copies left out. With ``embed``,
    the Summarizer gets the MiniLM embedder (its check for sentences that repeat a chosen one). Without ``speakers``,
    no pronoun speaker is named from the stored quotes ('..., he said.' stays; the code before 2026-12-07 12:40 UTC)."""
    embedder = Embedder(threads=1) if embed else None
    stories = json.loads((run / "out" / "stories.json").read_text())["stories"]
    db = sqlite3.connect(f"file:{run / 's.db'}?mode=ro", uri=True)
    out = {}
    for s in stories:
        arts, analyses, vectors = [], {}, {}
        for a in s["articles"]:
            row = db.execute("select data from articles where id=?", (a["id"],)).fetchone()
            an = db.execute("select data, embedding from analyses where article_id=?", (a["id"],)).fetchone()
            if not row:
                continue
            arts.append(Article.from_dict(json.loads(row[0])))
            if an:
                analyses[a["id"]] = Analysis.from_dict(a["id"], json.loads(an[0]))
                if an[1]:
                    vectors[a["id"]] = np.frombuffer(an[1], dtype=np.float32)
        copies = {a["id"] for a in s["articles"] if a.get("copy_of")}
        analyses = st.english_only_restricted(arts, analyses)
        main_group = st.story_events(arts, analyses, vectors)[0]
        docs = [SummaryDoc(a.id, a.text, analyses[a.id].sentences, a.published, a.title,
                           pronoun_speakers(a.text, analyses[a.id].quotes) if speakers else ())
                for a in main_group if a.id in analyses and a.id not in copies]  # fmt: skip
        texts = {a.id: a.text for a in main_group}
        out[s["id"]] = (Summarizer(words=words, embedder=embedder).summarize(docs), texts)
    return out


def judgements() -> dict[str, dict[str, str]]:
    """{story: {sentence: class}}: ``GOLD``, with the judgements made again for the stories whose summary now follows
    the main event of a split story (``gold/mixed_stories_audit.json``, in the context of the new summary and
    headline) taking precedence sentence by sentence."""
    gold: dict[str, dict[str, str]] = json.loads(GOLD.read_text()) if GOLD.exists() else {}
    gold.pop(OPENERS, None)
    if REJUDGED.exists():
        for sid, judged in json.loads(REJUDGED.read_text())["stories"].items():
            gold[sid] = {**gold.get(sid, {}), **judged}
    return gold


def draw(ids: list[str], n: int, seeds: list[int], split: str) -> list[str]:
    """The union of the draws of ``n`` stories, one per seed, in draw order."""
    pool = sorted(i for i in ids if heldout(i) == (split == "held-out"))
    out: list[str] = []
    for seed in seeds:
        out += [i for i in random.Random(seed).sample(pool, min(n, len(pool))) if i not in out]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", type=Path, default=Path("/tmp/run2"))
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, nargs="+", default=[6])  # several: the union of their draws
    ap.add_argument("--split", choices=["dev", "held-out"], default="dev")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", type=Path)
    ap.add_argument("--embed", action="store_true", help="give the Summarizer sentence vectors (repeat check)")
    ap.add_argument("--no-speakers", action="store_true", help="leave '..., he said.' as written (no quote speakers)")
    args = ap.parse_args()
    summ = summaries(args.run, embed=args.embed, speakers=not args.no_speakers)
    picked = draw(list(summ), args.n, args.seed, args.split)
    if args.save:
        args.save.write_text(json.dumps({k: [x["text"] for x in v[0]["sentences"]] for k, v in summ.items()}))
    if args.diff:
        old = json.loads(args.diff.read_text())
        changed = held = reordered = 0
        for sid, (sm, _) in summ.items():
            new = [x["text"] for x in sm["sentences"]]
            gone, came = [t for t in old.get(sid, []) if t not in new], [t for t in new if t not in old.get(sid, [])]
            if not gone and not came and new != old.get(sid, []):
                if not heldout(sid):
                    print(f"== {sid} (dev) reordered:\n  " + "\n  ".join(new))
                reordered += 1
            if gone or came:
                changed += 1
                if heldout(sid):  # counted, not shown: the held-out stories are read once, at the end
                    held += 1
                    continue
                print(f"== {sid} ({'held-out' if heldout(sid) else 'dev'})")
                for t in gone:
                    print(f"  - {t}")
                for t in came:
                    print(f"  + {t}")
        print(f"{changed} of {len(summ)} summaries changed ({held} held-out, not shown), {reordered} reordered")
    if args.show:
        stories = json.loads((args.run / "out" / "stories.json").read_text())["stories"]
        headline = {s["id"]: s.get("headline") or "" for s in stories}
        for sid in picked:
            sm, texts = summ[sid]
            print(f"\n=== {sid} ({len(texts)} articles) {headline.get(sid, '')}")
            for x in sm["sentences"]:
                src = x["source"]
                before = texts[src["article"]][max(0, src["start"] - 160) : src["start"]].replace("\n", " / ")
                print(f"  [..{before[-160:]}]\n  >> {x['text']}  ({len(x['citations'])} cit.)")
    if args.score:
        gold = judgements()
        counts: Counter[str] = Counter()
        for sid in picked:
            judged = gold.get(sid, {})
            for x in summ[sid][0]["sentences"]:
                cls = judged.get(x["text"], "unjudged")
                counts[cls] += 1
                if cls == "unjudged":
                    print(f"unjudged {sid}: {x['text']}")
        total = sum(counts.values())
        openers = json.loads(GOLD.read_text()).get(OPENERS, {}) if GOLD.exists() else {}
        first: Counter[str] = Counter()
        for sid in picked:
            if summ[sid][0]["sentences"]:
                text = summ[sid][0]["sentences"][0]["text"]
                first[openers.get(sid, {}).get(text, "unjudged")] += 1
                if sid in openers and text not in openers[sid]:
                    print(f"opener unjudged {sid}: {text}")
        print("openers: " + ", ".join(f"{c} {first[c]}" for c in ("event", "detail", "unjudged") if first[c]))
        print(f"{args.split} (seed {' '.join(map(str, args.seed))}), {len(picked)} stories, {total} sentences: "
              + ", ".join(f"{c} {counts[c]}" for c in (*CLASSES, "unjudged") if counts[c]))  # fmt: skip


if __name__ == "__main__":
    main()
