"""Text-dump cleaning on dumps of other kinds than a browser's copy-paste: the same WCXB pages, the same gold.

Kinds (each page's text, cached under benchmarks/results/ like benchmarks/extract_text.py's dumps):

- ``chromium``: the cached ``document.body.innerText`` dumps of benchmarks/extract_text.py (the reference);
- ``wrap72`` / ``wrap80``: those dumps hard-wrapped at 72 / 80 columns, each line as one paragraph
  (``textwrap.fill``, as e-mail and plain-text archives wrap), the blank lines left as they were;
- ``single``: those dumps with the blank lines taken out (one newline between paragraphs);
- ``w3m``: ``w3m -dump -cols 80`` of the page HTML (text-mode browser, 80 columns), rendered with no network
  (``unshare -n``), cached in benchmarks/results/text_dumps_w3m/;
- ``lynx``: ``lynx -dump -nolist -width=80`` of the page HTML, likewise, cached in benchmarks/results/text_dumps_lynx/.

Score: bag-of-token P/R/F1 against gold_text per page, averaged (benchmarks/extract_html.prf), for "keep
everything" (the dump itself) and for ``clean_text_dump``; and two measures of the text's paragraphs:
``split`` = share of the cleaned text's paragraph breaks that fall inside a sentence (the next paragraph starts
with a lower-case letter: a wrapped line left on its own), ``ref par`` (wrapped and single kinds only) = share of
the paragraphs of the cleaned reference dump found word for word (whitespace aside) among the kind's cleaned
paragraphs. ``--compare FILE`` also scores another copy of clean.py (see benchmarks/extract_text.py; copy
clean_model.json and common_words.json beside it).

    .venv/bin/python benchmarks/extract_text_kinds.py [--split dev] [--kinds chromium,wrap72] [--compare FILE]
        [--render-only] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, machine, stamp  # noqa: E402
from benchmarks.extract_html import cache_dir, load_pages, page_html, prf, summarize  # noqa: E402
from benchmarks.extract_text import DUMPS, load_cleaner, render_all  # noqa: E402
from newsweave.stages.clean import clean_text_dump  # noqa: E402

KINDS = ("chromium", "wrap72", "wrap80", "single", "w3m", "lynx")
TOOLS = {
    "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", "80", "-I", "UTF-8", "-O", "UTF-8"],
    "lynx": ["lynx", "-dump", "-nolist", "-force_html", "-width=80", "-assume_charset=utf-8",
             "-display_charset=utf-8", "-stdin"],
}  # fmt: skip


def wrap(dump: str, width: int) -> str:
    """Each line of ``dump`` filled to ``width`` columns as its own paragraph; blank lines stay."""
    return "\n".join(textwrap.fill(ln, width) if ln.strip() else ln for ln in dump.split("\n"))


def single_newlines(dump: str) -> str:
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n", dump)


def render_tool(tool: str, pages: list[dict[str, Any]]) -> Path:
    """``tool``'s dumps of the pages' HTML, cached; no network (``unshare -n`` when it works)."""
    out = cache_dir(f"text_dumps_{tool}")
    todo = [p for p in pages if not (out / f"{p['id']}.txt").exists()]
    prefix = ["unshare", "-n"] if shutil.which("unshare") and subprocess.run(
        ["unshare", "-n", "true"], capture_output=True).returncode == 0 else []  # fmt: skip
    t0 = time.time()
    for n, p in enumerate(todo, 1):
        html = page_html(p).encode("utf-8")
        try:
            res = subprocess.run(prefix + TOOLS[tool], input=html, capture_output=True, timeout=60)
            text = res.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            text = ""
        (out / f"{p['id']}.txt").write_text(text, encoding="utf-8")
        if n % 100 == 0:
            print(f"{tool}: rendered {n}/{len(todo)} in {time.time() - t0:.0f}s", file=sys.stderr)
    return out


def dump_of(kind: str, page: dict[str, Any]) -> str:
    if kind in TOOLS:
        return (cache_dir(f"text_dumps_{kind}") / f"{page['id']}.txt").read_text(encoding="utf-8")
    ref = (DUMPS / f"{page['id']}.txt").read_text(encoding="utf-8")
    if kind.startswith("wrap"):
        return wrap(ref, int(kind[4:]))
    return single_newlines(ref) if kind == "single" else ref


def _norm(par: str) -> str:
    return " ".join(par.split())


def paragraph_scores(text: str, ref_text: str | None) -> tuple[int, int, int, int]:
    """Breaks inside a sentence, breaks, reference paragraphs found, reference paragraphs."""
    pars = [p for p in text.split("\n\n") if p.strip()]
    splits = sum(bool(re.match(r"[a-z]", p.lstrip())) for p in pars[1:])
    if ref_text is None:
        return splits, max(len(pars) - 1, 0), 0, 0
    ref = [_norm(p) for p in ref_text.split("\n\n") if p.strip()]
    have = {_norm(p) for p in pars}
    return splits, max(len(pars) - 1, 0), sum(p in have for p in ref), len(ref)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--render-only", action="store_true")
    ap.add_argument("--compare", type=Path, help="also score the clean_text_dump of this copy of clean.py")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "extract_text_kinds.json")
    args = ap.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]

    pages = [p for p in load_pages() if args.split in ("all", p["split"])][: args.limit or None]
    render_all(pages)
    for tool in TOOLS:
        if tool in kinds:
            render_tool(tool, pages)
    if args.render_only:
        return

    cleaners: dict[str, Callable[[str], Any]] = {"clean_text_dump": clean_text_dump}
    if args.compare:
        cleaners[f"clean_text_dump of {args.compare.name}"] = load_cleaner(args.compare)
    results: dict[str, Any] = {}
    print(f"{stamp()} - {machine()} - split {args.split}, {len(pages)} pages\n")
    print("| kind | system | P | R | F1 | split breaks | ref paragraphs | median ms |")
    print("|---|---|---|---|---|---|---|---|")
    refs: dict[str, dict[str, str]] = {name: {} for name in cleaners}
    for kind in ["chromium", *[k for k in kinds if k != "chromium"]]:
        rows: dict[str, list[dict[str, Any]]] = {"keep everything": [], **{name: [] for name in cleaners}}
        for p in pages:
            dump = dump_of(kind, p)
            pr, rc, f1 = prf(p["gold_text"], dump)
            rows["keep everything"].append({"id": p["id"], "p": pr, "r": rc, "f": f1})
            for name, clean in cleaners.items():
                t = time.perf_counter()
                text = clean(dump).text
                ms = (time.perf_counter() - t) * 1000
                if kind == "chromium":
                    refs[name][p["id"]] = text
                pr, rc, f1 = prf(p["gold_text"], text)
                ref = refs[name][p["id"]] if kind.startswith("wrap") or kind == "single" else None
                s, b, fr, nr = paragraph_scores(text, ref)
                rows[name].append({"id": p["id"], "p": pr, "r": rc, "f": f1, "ms": ms, "splits": s, "breaks": b,
                                   "ref_found": fr, "ref_pars": nr})  # fmt: skip
        if kind not in kinds:
            continue
        for name, sel in rows.items():
            pm, rm, fm, _ = summarize((x["p"], x["r"], x["f"]) for x in sel)
            if "ms" in (sel[0] if sel else {}):
                br = sum(x["breaks"] for x in sel)
                sp = f"{sum(x['splits'] for x in sel) / br:.3f}" if br else "-"
                nr = sum(x["ref_pars"] for x in sel)
                rp = f"{sum(x['ref_found'] for x in sel) / nr:.3f}" if nr else "-"
                ms = f"{statistics.median(x['ms'] for x in sel):.1f}"
            else:
                sp = rp = ms = "-"
            print(f"| {kind} | {name} | {pm:.3f} | {rm:.3f} | {fm:.3f} | {sp} | {rp} | {ms} |", flush=True)
        results[kind] = rows
    args.out.write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main()
