"""Main-text extraction from HTML on ../shared/data/extraction_wcxb (709 article pages, gold main text).

Systems, all run in this process on the same decoded HTML: newsweave (``ingest.read_html``, which
calls ``stages.html.extract_html``), trafilatura with its default settings (``trafilatura.extract``),
readability-lxml (the text of ``Document.summary()``) and jusText (non-boilerplate paragraphs,
English stoplist: 687 of the 709 pages declare lang=en, the rest none). Score: bag of lower-cased word tokens
(``\\w+``) against gold_text, precision, recall and F1 per page, then averaged over pages. Pages are
split by a hash of their id into dev (about 2/3, the only ones used for tuning) and held-out.
Outputs are cached per system under benchmarks/results/extract_html/ (``--fresh NAMES`` recomputes).

    .venv/bin/python benchmarks/extract_html.py [--systems newsweave,trafilatura] [--fresh newsweave] [--variants]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, SHARED, heldout, load_jsonl, machine, stamp  # noqa: E402

# ---- shared with benchmarks/extract_text.py: the pages, the split, the score, the tables ----

DATA = SHARED / "extraction_wcxb"
_TOKEN = re.compile(r"\w+")


def load_pages() -> list[dict[str, Any]]:
    """The 709 article pages, each with its split ("dev" or "heldout") added."""
    pages = load_jsonl(DATA / "pages.jsonl")
    for p in pages:
        p["split"] = "heldout" if heldout(p["id"]) else "dev"
    return pages


def page_html(page: dict[str, Any]) -> str:
    """The page's HTML as text: UTF-8 when it decodes, else newsweave's own encoding detection."""
    from newsweave.stages.ingest import decode_bytes

    raw = gzip.decompress((DATA / page["html"]).read_bytes())
    text, _ = decode_bytes(raw)
    return text or ""


def tokens(text: str | None) -> Counter[str]:
    """Bag of lower-cased word tokens (``\\w+``)."""
    return Counter(_TOKEN.findall((text or "").lower()))


def prf(gold: str, pred: str | None) -> tuple[float, float, float]:
    """Token precision, recall and F1 of one page (bag-of-words overlap, counts clipped)."""
    g, p = tokens(gold), tokens(pred)
    tp = sum((g & p).values())
    ng, np_ = sum(g.values()), sum(p.values())
    if not ng and not np_:
        return 1.0, 1.0, 1.0
    prec = tp / np_ if np_ else 0.0
    rec = tp / ng if ng else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def summarize(scores: Iterable[tuple[float, float, float]]) -> tuple[float, float, float, int]:
    """Mean P, R, F1 over pages (macro average, as the ScrapingHub benchmark averages per page)."""
    rows = list(scores)
    if not rows:
        return 0.0, 0.0, 0.0, 0
    return (
        statistics.fmean(r[0] for r in rows),
        statistics.fmean(r[1] for r in rows),
        statistics.fmean(r[2] for r in rows),
        len(rows),
    )


def table(results: dict[str, list[dict[str, Any]]], splits: tuple[str, ...] = ("dev", "heldout", "all")) -> str:
    """Markdown tables, one per split: system, pages, P, R, F1, median ms/page."""
    out: list[str] = []
    for split in splits:
        out += [
            f"**{split}**",
            "",
            "| system | pages | precision | recall | F1 | median ms/page |",
            "|---|---|---|---|---|---|",
        ]
        for name, rows in results.items():
            sel = [r for r in rows if split == "all" or r["split"] == split]
            p, r, f, n = summarize((x["p"], x["r"], x["f"]) for x in sel)
            ms = statistics.median(x["ms"] for x in sel) if sel and "ms" in sel[0] else float("nan")
            out.append(f"| {name} | {n} | {p:.3f} | {r:.3f} | {f:.3f} | {ms:.1f} |")
        out.append("")
    return "\n".join(out)


def cache_dir(name: str) -> Path:
    d = ROOT / "benchmarks" / "results" / name
    d.mkdir(parents=True, exist_ok=True)
    return d


# ---- the HTML extraction benchmark ----

CACHE = cache_dir("extract_html")
BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table blockquote pre section article header footer dd dt".split()
)


def _html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with a line break after every block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    from newsweave.stages.html import block_text

    return block_text(lxml.html.fromstring(fragment), BLOCKS)


def run_newsweave(html: str, url: str | None) -> str:
    from newsweave.settings import Settings
    from newsweave.stages.ingest import read_html

    art = read_html(html, url or "page.html", Settings())
    return getattr(art, "text", "")  # a Skip (no article found) scores as empty output


def run_trafilatura(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def run_readability(html: str, url: str | None) -> str:
    from readability import Document  # type: ignore[import-untyped]

    return _html_to_text(Document(html).summary(html_partial=True))


def run_justext(html: str, url: str | None) -> str:
    import justext

    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n\n".join(p.text for p in paras if not p.is_boilerplate)


SYSTEMS: dict[str, Callable[[str, str | None], str]] = {
    "newsweave": run_newsweave,
    "trafilatura (default)": run_trafilatura,
    "readability-lxml": run_readability,
    "jusText": run_justext,
}


def _variants() -> dict[str, Callable[[str, str | None], str]]:
    """trafilatura settings and fallbacks tried while tuning newsweave (dev pages only)."""
    import trafilatura

    def traf(**kw: Any) -> Callable[[str, str | None], str]:
        return lambda html, url: trafilatura.extract(html, include_comments=False, **kw) or ""

    return {
        "t-nocomments": traf(),
        "t-recall": traf(favor_recall=True),
        "t-precision": traf(favor_precision=True),
        "t-fast": traf(fast=True),
        "t-recall-fast": traf(favor_recall=True, fast=True),
    }


def run_system(name: str, fn: Callable[[str, str | None], str], pages: list[dict[str, Any]], fresh: bool) -> list[dict]:
    path = CACHE / (name.split(" ")[0] + ".jsonl")
    if path.exists() and not fresh:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        if [r["id"] for r in rows] == [p["id"] for p in pages]:
            return rows
    rows = []
    t0 = time.time()
    for p in pages:
        html = page_html(p)
        t = time.perf_counter()
        try:
            out = fn(html, p.get("url"))
        except Exception as e:  # a crash on one page is an empty output, not the end of the run
            print(f"{name} {p['id']}: {type(e).__name__}: {e}", file=sys.stderr)
            out = ""
        ms = (time.perf_counter() - t) * 1000
        rows.append({"id": p["id"], "split": p["split"], "text": out, "ms": ms})
    print(f"{name}: {len(pages)} pages in {time.time() - t0:.0f}s", file=sys.stderr)
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated names (prefixes) of systems")
    ap.add_argument("--fresh", default="", help="comma-separated systems whose cached outputs are recomputed")
    ap.add_argument("--variants", action="store_true", help="also the tuning variants (dev pages only)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "extract_html.json")
    args = ap.parse_args()

    pages = load_pages()
    gold = {p["id"]: p["gold_text"] for p in pages}
    fresh = [s.strip() for s in args.fresh.split(",") if s.strip()]
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    systems = {n: f for n, f in SYSTEMS.items() if any(n.startswith(w) for w in wanted)}
    results: dict[str, list[dict[str, Any]]] = {}
    for name, fn in systems.items():
        rows = run_system(name, fn, pages, any(name.startswith(w) for w in fresh))
        results[name] = [r | dict(zip("prf", prf(gold[r["id"]], r["text"]), strict=True)) for r in rows]
    splits: tuple[str, ...] = ("dev", "heldout", "all")
    if args.variants:
        dev = [p for p in pages if p["split"] == "dev"]
        for name, fn in _variants().items():
            rows = run_system(name, fn, dev, any(name.startswith(w) for w in fresh))
            results[name] = [r | dict(zip("prf", prf(gold[r["id"]], r["text"]), strict=True)) for r in rows]
    print(f"{stamp()} - {machine()}\n")
    print(table(results, splits))
    for name, rows in results.items():
        print(name, "median ms", round(statistics.median(r["ms"] for r in rows), 1), file=sys.stderr)
    args.out.write_text(json.dumps({n: [{k: r[k] for k in ("id", "split", "p", "r", "f", "ms")} for r in rows]
                                    for n, rows in results.items()}), encoding="utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
