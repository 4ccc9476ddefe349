"""Metadata from plain-text dumps (the seeds' kind): title, byline and publication date.

The same 709 WCXB article pages and split as benchmarks/extract_html.py, as text: each page's visible
text as Chromium renders it (the dumps benchmarks/extract_text.py caches; run it once to fill the
cache), against the pages' gold title, author and date. Scores as in benchmarks/extract_meta.py.
Systems, in this process on the same dumps: newsweave (``clean_text_dump``: its title line, byline
and dateline) and simple baselines a user would otherwise write: the first line of three words or
more as the title, the first line that starts with "By " as the byline, and the first date that
dateparser's ``search_dates`` finds in the first 40 lines (with a year, not in the future of 2026).

    .venv/bin/python benchmarks/extract_text_meta.py [--show title|author|date] [--split dev] [--dev-only]

``--dev-only`` runs and scores the dev pages alone (for tuning: the held-out figures are not computed).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.extract_html import cache_dir, load_pages  # noqa: E402
from benchmarks.extract_meta import COLUMNS, Meta, arguments, report, run_systems, score, show_misses  # noqa: E402

DUMPS = cache_dir("text_dumps")
_BY = re.compile(r"^by\s+(.+)$", re.I)


def newsweave(dump: str) -> Meta:
    from newsweave.stages.clean import clean_text_dump

    r = clean_text_dump(dump)
    return {"title": r.title, "authors": list(r.authors), "date": r.published}


def _lines(dump: str) -> list[str]:
    return [ln.strip() for ln in dump.splitlines() if ln.strip()]


def baseline(dump: str) -> Meta:
    lines = _lines(dump)
    title = next((ln for ln in lines if len(ln.split()) >= 3), None)
    by = next((m.group(1) for ln in lines if (m := _BY.match(ln))), None)
    return {"title": title, "authors": [by] if by else [], "date": None}


def dateparser_first(dump: str) -> Meta:
    from dateparser.search import search_dates

    head = "\n".join(_lines(dump)[:40])
    try:
        found = search_dates(head, languages=["en"], settings={"REQUIRE_PARTS": ["year"]}) or []
    except Exception:  # dateparser raises on odd inputs; no date then
        found = []
    day = next((d.date().isoformat() for _, d in found if 1990 <= d.year <= 2026), None)
    return {"date": day}


SYSTEMS: dict[str, Callable[[str], Meta]] = {
    "newsweave clean_text_dump": newsweave,
    "first line / 'By' line": baseline,
    "dateparser search_dates, first 40 lines": dateparser_first,
}
FIELDS = {"newsweave clean_text_dump": ("title", "authors", "date"), "first line / 'By' line": ("title", "authors"),
          "dateparser search_dates, first 40 lines": ("date",)}  # fmt: skip


def dev_report(results: dict[str, dict[str, Meta]], pages: list[dict[str, Any]], show: str | None) -> None:
    """The scores on the dev pages only (``pages`` are all dev), then (with --show) newsweave's misses."""
    print(f"{stamp()} - {machine()}; {len(pages)} dev dumps only\n")
    print("| split | system | pages | " + " | ".join(COLUMNS) + " |\n" + "|---" * (len(COLUMNS) + 3) + "|")
    for name, out in results.items():
        sc = score(pages, out)
        cells = ["" if sc.get(c) is None else f"{sc[c]:.3f}" for c in COLUMNS]
        print(f"| dev | {name} | {len(pages)} | " + " | ".join(cells) + " |")
    if show and "newsweave clean_text_dump" in results:
        show_misses(results["newsweave clean_text_dump"], pages, show, "dev")


def main() -> None:
    dev_only = "--dev-only" in sys.argv
    if dev_only:
        sys.argv.remove("--dev-only")
    args = arguments(__doc__, SYSTEMS)
    pages = [p for p in load_pages() if (DUMPS / f"{p['id']}.txt").exists()]
    if not pages:
        sys.exit("no text dumps cached: run benchmarks/extract_text.py --render-only first")
    if dev_only:
        pages = [p for p in pages if p["split"] == "dev"]
    dumps = {p["id"]: (DUMPS / f"{p['id']}.txt").read_text(encoding="utf-8") for p in pages}
    if dev_only:
        dev_report(run_systems(SYSTEMS, FIELDS, dumps, pages, args.systems), pages, args.show)
        return
    report(args, run_systems(SYSTEMS, FIELDS, dumps, pages, args.systems), pages, "newsweave clean_text_dump",
           f"; {len(pages)} dumps")  # fmt: skip


if __name__ == "__main__":
    main()
