"""Text-dump cleaning on real pages: ../shared/data/extraction_wcxb rendered as a copy-paste gives them.

Each page's HTML is opened in headless Chromium (JavaScript off, every network request refused, so
the result does not depend on the live web; pages that show fewer than 50 words so are opened again
with JavaScript on) and ``document.body.innerText`` is kept: the whole
visible text, menus, footers and all, as a user selecting the page and pasting it would get. The
dumps are cached under benchmarks/results/text_dumps/. ``newsweave.stages.clean.clean_text_dump``
then has to find the article in each dump; it is scored against gold_text with bag-of-token
precision, recall and F1 per page, averaged over pages (dev / held-out split by a hash of the id).
The "keep everything" row is the dump itself. ``--compare FILE`` scores another copy of
clean.py (an older version, e.g. ``git show REV:newsweave/stages/clean.py > /tmp/clean_old.py``) in
the same run, on the same dumps.

    .venv/bin/python benchmarks/extract_text.py [--render-only] [--limit N] [--split dev] [--compare FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ROOT, machine, stamp  # noqa: E402
from benchmarks.extract_html import cache_dir, load_pages, page_html, prf, table  # noqa: E402
from newsweave.stages.clean import clean_text_dump  # noqa: E402

DUMPS = cache_dir("text_dumps")
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MIN_WORDS = 50  # a dump with fewer words is rendered again with JavaScript on
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
).split()


class Renderer:
    """One headless Chromium driven by Selenium; restarted after a failure."""

    def __init__(self, javascript: bool = False) -> None:
        self.javascript = javascript
        self.driver: Any = None
        self.profile = ""

    def start(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="nw-chromium-")
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for flag in FLAGS + [f"--user-data-dir={self.profile}", "--host-resolver-rules=MAP * ~NOTFOUND"]:
            opts.add_argument(flag)
        opts.add_experimental_option(
            "prefs",
            {
                "profile.managed_default_content_settings.javascript": 1 if self.javascript else 2,
                "profile.managed_default_content_settings.images": 2,
            },
        )
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        self.driver.set_page_load_timeout(30)
        self.driver.set_window_size(1366, 900)

    def stop(self) -> None:
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:  # the browser may already be gone
                pass
            self.driver = None
        shutil.rmtree(self.profile, ignore_errors=True)

    def inner_text(self, path: Path) -> str:
        if self.driver is None:
            self.start()
        try:
            try:
                self.driver.get(path.as_uri())
            except Exception:  # load timeout: what has rendered so far is still the page
                self.driver.execute_script("window.stop()")
            return self.driver.execute_script("return document.body ? document.body.innerText : ''") or ""
        except Exception:
            self.stop()
            raise


def render_all(pages: list[dict[str, Any]]) -> None:
    todo = [p for p in pages if not (DUMPS / f"{p['id']}.txt").exists()]
    if todo:
        _render(todo, javascript=False)
    # pages that show (almost) nothing without JavaScript are rendered again with it, as a reader sees them
    blank = [p for p in pages if len((DUMPS / f"{p['id']}.txt").read_text(encoding="utf-8").split()) < MIN_WORDS]
    blank = [p for p in blank if not (DUMPS / f"{p['id']}.js").exists()]
    if blank:
        _render(blank, javascript=True)
        for p in blank:
            (DUMPS / f"{p['id']}.js").touch()


def _render(todo: list[dict[str, Any]], javascript: bool) -> None:
    r = Renderer(javascript)
    tmp = Path(tempfile.mkdtemp(prefix="nw-pages-"))
    t0 = time.time()
    try:
        for n, p in enumerate(todo, 1):
            f = tmp / f"{p['id']}.html"
            f.write_text(page_html(p), encoding="utf-8")
            try:
                text = r.inner_text(f)
            except Exception as e:
                print(f"{p['id']}: render failed ({type(e).__name__}), retrying once", file=sys.stderr)
                text = r.inner_text(f)
            (DUMPS / f"{p['id']}.txt").write_text(text, encoding="utf-8")
            f.unlink()
            if n % 50 == 0:
                print(f"rendered {n}/{len(todo)} in {time.time() - t0:.0f}s", file=sys.stderr)
    finally:
        r.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def load_cleaner(path: Path) -> Callable[[str], Any]:
    """``clean_text_dump`` of another copy of clean.py (it must import nothing relative)."""
    name = f"_clean_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    fn: Callable[[str], Any] = module.clean_text_dump
    return fn


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--render-only", action="store_true", help="only fill the dump cache")
    ap.add_argument("--limit", type=int, default=0, help="first N pages only (quick checks)")
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--compare", type=Path, help="also score the clean_text_dump of this copy of clean.py")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "extract_text.json")
    args = ap.parse_args()

    pages = load_pages()
    if args.split != "all":
        pages = [p for p in pages if p["split"] == args.split]
    if args.limit:
        pages = pages[: args.limit]
    render_all(pages)
    if args.render_only:
        return

    cleaners: dict[str, Callable[[str], Any]] = {"newsweave clean_text_dump": clean_text_dump}
    if args.compare:
        cleaners[f"clean_text_dump of {args.compare.name}"] = load_cleaner(args.compare)
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in ["keep everything (innerText)", *cleaners]}
    for p in pages:
        dump = (DUMPS / f"{p['id']}.txt").read_text(encoding="utf-8")
        base = {"id": p["id"], "split": p["split"]}
        pr, rc, f1 = prf(p["gold_text"], dump)
        results["keep everything (innerText)"].append(base | {"p": pr, "r": rc, "f": f1, "ms": 0.0})
        for name, clean in cleaners.items():
            t = time.perf_counter()
            res = clean(dump)
            ms = (time.perf_counter() - t) * 1000
            pr, rc, f1 = prf(p["gold_text"], res.text)  # gold_text leaves the headline out, so does res.text
            results[name].append(base | {"p": pr, "r": rc, "f": f1, "ms": ms})

    print(f"{stamp()} - {machine()}\n")
    print(table(results))
    args.out.write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main()
