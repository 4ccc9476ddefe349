"""Metadata from HTML on ../shared/data/extraction_wcxb: title, author and publication date.

709 real article pages, each with a human-reviewed gold title (709), author (552) and publication
date (587). Every system gets the page's HTML only (no URL: `newsweave run` reads files), all in this
process: newsweave (``stages.html.extract_html``, what ``newsweave run`` / ``extract`` use),
trafilatura 2.3 with metadata (``bare_extraction``), and for one field each, htmldate alone
(``find_date``, with ``original_date`` on and off) and readability-lxml's ``short_title()``.

Scores, over the pages of a split (dev: the pages used for tuning; held-out: by a hash of the id, as
in extract_html.py):
- title: exact match after normalising case, whitespace, quotes and dashes; and word-token F1;
- author, on pages with a gold author: word-token F1 of the predicted names (all authors joined)
  against the gold byline, and the share of pages where the token sets are equal; on pages without
  one, the share where the system names an author anyway;
- date, on pages with a gold date: the share where the predicted day equals it (a gold "YYYY-MM" is
  matched on the month); on pages without one, the share where the system gives a date anyway.

    .venv/bin/python benchmarks/extract_meta.py [--show FIELD] [--split dev]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.extract_html import load_pages, page_html  # noqa: E402

Meta = dict[str, Any]  # {"title": str | None, "authors": list[str], "date": str | None}
_WORD = re.compile(r"\w+")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"',
                         "\u201d": '"', "\u00a0": " "})  # fmt: skip


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_DASHES)
    return " ".join(text.casefold().split())


def words(text: str | None) -> Counter[str]:
    return Counter(_WORD.findall(norm(text)))


def f1(gold: str | None, pred: str | None) -> float:
    g, p = words(gold), words(pred)
    tp = sum((g & p).values())
    if not tp:
        return 1.0 if not g and not p else 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def date_ok(gold: str, pred: str | None) -> bool:
    return bool(pred) and str(pred)[: len(gold)] == gold


# ---- systems --------------------------------------------------------------------------------------


def newsweave(html: str) -> Meta:
    from newsweave.stages.html import extract_html

    r = extract_html(html)
    return {"title": r.title, "authors": list(r.authors), "date": r.published}


def trafilatura_meta(html: str) -> Meta:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    d: dict[str, Any] = (doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}
    author = d.get("author")
    return {"title": d.get("title"), "authors": [author] if author else [], "date": d.get("date")}


def htmldate_system(original: bool) -> Callable[[str], Meta]:
    def run(html: str) -> Meta:
        from htmldate import find_date

        return {"date": find_date(html, original_date=original)}

    return run


def readability_title(html: str) -> Meta:
    from readability import Document

    return {"title": Document(html).short_title()}


FIELDS = {"newsweave": ("title", "authors", "date"), "trafilatura": ("title", "authors", "date"),
          "htmldate (original_date)": ("date",), "htmldate (default)": ("date",),
          "readability short_title": ("title",)}  # fmt: skip
SYSTEMS: dict[str, Callable[[str], Meta]] = {
    "newsweave": newsweave,
    "trafilatura": trafilatura_meta,
    "htmldate (original_date)": htmldate_system(True),
    "htmldate (default)": htmldate_system(False),
    "readability short_title": readability_title,
}


# ---- scoring --------------------------------------------------------------------------------------


def score(pages: list[dict[str, Any]], out: dict[str, Meta]) -> dict[str, float | None]:
    s: dict[str, float | None] = {}
    titled = [p for p in pages if "title" in out[p["id"]]]
    if titled:
        s["title exact"] = statistics.fmean(norm(p["gold_title"]) == norm(out[p["id"]]["title"]) for p in titled)
        s["title F1"] = statistics.fmean(f1(p["gold_title"], out[p["id"]]["title"]) for p in titled)
    if pages and "authors" in out[pages[0]["id"]]:
        with_a = [p for p in pages if p.get("gold_author")]
        without = [p for p in pages if not p.get("gold_author")]
        joined = {p["id"]: " ".join(out[p["id"]]["authors"]) for p in pages}
        s["author F1"] = statistics.fmean(f1(p["gold_author"], joined[p["id"]]) for p in with_a)
        s["author exact"] = statistics.fmean(
            set(words(p["gold_author"])) == set(words(joined[p["id"]])) for p in with_a)  # fmt: skip
        s["author where none"] = statistics.fmean(bool(joined[p["id"]]) for p in without) if without else None
    if pages and "date" in out[pages[0]["id"]]:
        with_d = [p for p in pages if p.get("gold_date")]
        without = [p for p in pages if not p.get("gold_date")]
        s["date right"] = statistics.fmean(date_ok(p["gold_date"], out[p["id"]]["date"]) for p in with_d)
        s["date where none"] = statistics.fmean(bool(out[p["id"]]["date"]) for p in without) if without else None
    return s


COLUMNS = ["title exact", "title F1", "author F1", "author exact", "author where none", "date right",
           "date where none"]  # fmt: skip


def table(results: dict[str, dict[str, Meta]], pages: list[dict[str, Any]]) -> str:
    lines = ["| split | system | pages | " + " | ".join(COLUMNS) + " | ms/page |",
             "|---" * (len(COLUMNS) + 4) + "|"]  # fmt: skip
    for split in ("dev", "heldout", "all"):
        part = [p for p in pages if split == "all" or p["split"] == split]
        for name, out in results.items():
            sc = score(part, out)
            cells = ["" if sc.get(c) is None else f"{sc[c]:.3f}" for c in COLUMNS]
            ms = statistics.median(out[p["id"]]["ms"] for p in part)
            lines.append(f"| {split} | {name} | {len(part)} | " + " | ".join(cells) + f" | {ms:.1f} |")
    return "\n".join(lines)


def arguments(doc: str | None, systems: dict[str, Any]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--systems", default=",".join(systems), help="comma-separated names (prefixes)")
    ap.add_argument("--show", choices=["title", "author", "date"], help="print newsweave's misses on a split")
    ap.add_argument("--split", default="dev", choices=["dev", "heldout"], help="the split --show prints")
    return ap.parse_args()


def run_systems(systems: dict[str, Callable[[str], Meta]], fields: dict[str, tuple[str, ...]],
                inputs: dict[str, str], pages: list[dict[str, Any]], wanted: str
                ) -> dict[str, dict[str, Meta]]:  # fmt: skip
    """Every wanted system on every page's input; a system failing on a page answers nothing there."""
    names = [w.strip() for w in wanted.split(",") if w.strip()]
    results: dict[str, dict[str, Meta]] = {}
    for name, fn in systems.items():
        if not any(name.startswith(w) for w in names):
            continue
        out: dict[str, Meta] = {}
        for p in pages:
            t = time.process_time()
            try:
                m = {k: v for k, v in fn(inputs[p["id"]]).items() if k in fields[name]}
            except Exception as e:  # a peer failing on a page scores nothing there
                print(f"{name} failed on {p['id']}: {type(e).__name__}: {e}", file=sys.stderr)
                m = {k: v for k, v in {"title": None, "authors": [], "date": None}.items() if k in fields[name]}
            m["ms"] = 1000 * (time.process_time() - t)
            out[p["id"]] = m
        results[name] = out
    return results


def show_misses(out: dict[str, Meta], pages: list[dict[str, Any]], what: str, split: str) -> None:
    """Print one system's wrong answers for one field on one split."""
    field = {"title": "gold_title", "author": "gold_author", "date": "gold_date"}[what]
    for p in pages:
        if p["split"] != split:
            continue
        m = out[p["id"]]
        pred = {"title": m.get("title"), "author": " ".join(m.get("authors") or []), "date": m.get("date")}[what]
        gold = p.get(field)
        if what == "title":
            ok = norm(gold) == norm(pred)
        elif what == "author":
            ok = set(words(gold)) == set(words(pred))
        else:
            ok = date_ok(gold, pred) if gold else not pred
        if not ok:
            print(f"{p['id']}\tgold: {gold!r}\n\tnewsweave: {pred!r}")


def report(args: argparse.Namespace, results: dict[str, dict[str, Meta]], pages: list[dict[str, Any]],
           ours: str, note: str = "") -> None:  # fmt: skip
    """The table, then (with --show) our system's misses."""
    print(f"{stamp()} - {machine()}{note}\n")
    print(table(results, pages))
    if args.show and ours in results:
        show_misses(results[ours], pages, args.show, args.split)


def main() -> None:
    args = arguments(__doc__, SYSTEMS)
    pages = load_pages()
    report(args, run_systems(SYSTEMS, FIELDS, {p["id"]: page_html(p) for p in pages}, pages, args.systems),
           pages, "newsweave")  # fmt: skip


if __name__ == "__main__":
    main()
