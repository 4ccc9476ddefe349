"""When may an undated article borrow its story's publication day? (issue 5, story timeline)

An article that states no publication date reads its relative dates ("on Wednesday", "yesterday")
against a day borrowed from the story's dated articles (``facts.undated_reference``). That day is right
only when the article reports the same event as those dated articles. On the 961-article stream the
gold events say when that holds: a borrowing is right when every dated article of the story belongs to
the undated article's own gold event (the gold is read here, by the benchmark, never by newsweave).

For every undated article of a story whose dated articles span at most ``facts.BORROW_DAYS`` days (the
stories where newsweave borrows), the script takes two closeness signals to the nearest dated article of
the story: the TF-IDF cosine of the texts that newsweave uses (``facts.closest_dated``) and the cosine of
the stored title-and-lead embeddings, and reports, per threshold, how many borrowings would be kept and
how many of those are right. Split as ``benchmarks/dates.py``: articles with
md5("dates:" + id) % 3 == 0 (the stream's own ids) are held out; the threshold is chosen on dev.

    newsweave run ../shared/data/clustering_stream/articles.jsonl --db /tmp/run/s.db --out /tmp/run/out
    .venv/bin/python benchmarks/timeline_borrow.py --store /tmp/run/s.db --stories /tmp/run/out/stories.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from newsweave.stages.dates import parse_published
from newsweave.stages.facts import BORROW_DAYS, closest_dated
from newsweave.store.sqlite import SQLiteStore

STREAM = Path(__file__).resolve().parents[2] / "shared" / "data" / "clustering_stream" / "articles.jsonl"
THRESHOLDS = {"text TF-IDF cosine (newsweave)": (0.0, 0.1, 0.15, 0.18, 0.2, 0.25, 0.3),
              "title-and-lead embedding cosine": (0.0, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)}


def held_out(source_id: str) -> bool:
    return int(hashlib.md5(("dates:" + source_id).encode()).hexdigest(), 16) % 3 == 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--stories", required=True)
    ap.add_argument("--held-out", action="store_true", help="also print the held-out rows (once, at the end)")
    args = ap.parse_args()
    gold = {r["id"]: r["event"] for r in map(json.loads, STREAM.open(encoding="utf-8"))}
    store = SQLiteStore(args.store)
    rows: list[tuple[str, float, float, bool]] = []  # (split, TF-IDF cosine, embedding cosine, borrowing right)
    for story in json.loads(Path(args.stories).read_text(encoding="utf-8"))["stories"]:
        ext = {a["id"]: a.get("external_id") for a in story["articles"]}
        arts = store.articles(list(ext))
        dated = [a for a in arts if parse_published(a.published)]
        undated = [a for a in arts if not parse_published(a.published)]
        days = sorted(d for a in dated if (d := parse_published(a.published)) is not None)
        if not undated or not days or (days[-1] - days[0]).days > BORROW_DAYS:
            continue
        vecs = store.embeddings([a.id for a in arts])
        events = {gold.get(ext[a.id] or "") for a in dated}
        matrix = np.stack([vecs[a.id] for a in dated])
        closest = closest_dated(arts)
        for a in undated:
            source = ext[a.id] or ""
            right = len(events) == 1 and gold.get(source) in events
            rows.append(("held-out" if held_out(source) else "dev", closest.get(a.id, 0.0),
                         float((matrix @ vecs[a.id]).max()), right))  # fmt: skip
    for split in ("dev", "held-out") if args.held_out else ("dev",):
        for k, (signal, thresholds) in enumerate(THRESHOLDS.items()):
            part = [(r[1 + k], r[3]) for r in rows if r[0] == split]
            print(f"\n{split}, {signal}: {len(part)} undated articles in stories that borrow a day; borrowing "
                  f"right for {sum(r for _, r in part)}")
            print("| nearest dated article's cosine >= | borrowings kept | right | wrong | right ones lost |")
            print("|---|---|---|---|---|")
            for t in thresholds:
                kept = [r for c, r in part if c >= t]
                print(f"| {t} | {len(kept)} | {sum(kept)} | {len(kept) - sum(kept)} | "
                      f"{sum(r for c, r in part if c < t)} |")


if __name__ == "__main__":
    main()
