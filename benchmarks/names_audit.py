"""Names a reader sees: story headlines and site names, the current code against what a run or a
page gave before (issue 2 / issue 3). Prints every change, for reading by hand.

    .venv/bin/python benchmarks/names_audit.py headlines --run /tmp/run4   # headline() on a stored run
    .venv/bin/python benchmarks/names_audit.py headlines --run R --dump F   # ... then --diff F after a change
    .venv/bin/python benchmarks/names_audit.py sites                       # the WCXB pages' site names

``headlines`` recomputes each story's headline from the run's store (articles and embeddings) and
prints those that differ from the run's stories.json, with the split of the story (dev / held-out, by
``common.heldout`` of its first article's id). ``sites`` reads each WCXB page's site name and host
with trafilatura (what ``html.extract_html`` starts from) and prints where ``html.site_name`` differs
from the raw value (the site name, else the host), the code before ``site_name``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import SHARED, heldout, machine, stamp  # noqa: E402


def headlines(run: Path, dump: Path | None = None, diff: Path | None = None) -> None:
    """Each story's headline as the product makes it now (from the main event's articles, as
    ``story.analyse_story``), against the run's stories.json, or with ``diff`` a ``dump`` taken before."""
    from newsweave.stages.story import _headline_of, story_events
    from newsweave.store.sqlite import SQLiteStore

    store = SQLiteStore(str(run / "s.db"), read_only=True)
    changed = 0
    stories = json.loads((run / "out" / "stories.json").read_text(encoding="utf-8"))["stories"]
    before = json.loads(diff.read_text(encoding="utf-8")) if diff else {s["id"]: s["headline"] for s in stories}
    now_all: dict[str, str] = {}
    for s in stories:
        ids = [a["id"] for a in s["articles"]]
        arts, vecs = store.articles(ids), store.embeddings(ids)
        main_event = story_events(arts, store.analyses(ids), vecs)[0]
        now = now_all[s["id"]] = _headline_of(main_event, vecs)
        if now != before.get(s["id"]):
            changed += 1
            part = "held-out" if heldout(s["articles"][0]["external_id"] or s["id"]) else "dev"
            print(f"[{part}] {before.get(s['id'])!r}\n      -> {now!r}")
    if dump:
        dump.write_text(json.dumps(now_all, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{changed} of {len(stories)} headlines change ({stamp()}, {machine()})")


def _site(path: Path) -> tuple[str, str | None, str | None]:
    import trafilatura

    meta = trafilatura.extract_metadata(gzip.open(path, "rt", errors="replace").read())
    return (path.name, meta.sitename, meta.hostname) if meta is not None else (path.name, None, None)


def sites() -> None:
    from newsweave.stages.html import site_name

    pages = sorted((SHARED / "extraction_wcxb" / "html").glob("*.html.gz"))
    with ProcessPoolExecutor(2) as ex:
        rows = list(ex.map(_site, pages, chunksize=20))
    changed = 0
    for name, raw, host in rows:
        before, now = raw or host or None, site_name(raw, host)
        if before != now:
            changed += 1
            print(f"{name}: {before!r} -> {now!r}")
    print(f"{changed} of {len(rows)} site names change ({stamp()}, {machine()})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["headlines", "sites"])
    ap.add_argument("--run", type=Path, default=Path("/tmp/run4"), help="a newsweave run: s.db and out/stories.json")
    ap.add_argument("--dump", type=Path, help="headlines: write the headlines now to this file")
    ap.add_argument("--diff", type=Path, help="headlines: compare with a --dump taken before, not stories.json")
    a = ap.parse_args()
    headlines(a.run, a.dump, a.diff) if a.what == "headlines" else sites()


if __name__ == "__main__":
    main()
