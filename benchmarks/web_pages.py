"""The web app's pages as a reader sees them: page height and sideways overflow in headless Chromium.

Serves a copy of a store (``newsweave serve``, in a subprocess: the given file is never written) and
opens every story page, the story list, a search, an entity, an article, the add page and a 404 at a
desktop width (1366x900) and a phone width (390x844, mobile emulation). For each page it reports the
document height (how far a reader scrolls), whether the page scrolls sideways, and boxes that run off
the screen outside a scrolling box; on story pages, the quote wordings, dated events, numbers and
agreement claims shown, and how many give no link to their words in the article's text (``?hl=``), and the
article rows with no link to the stored text.
Story pages are split into dev and held-out by ``benchmarks.common.heldout(story id)``; the folding
thresholds were set looking at dev stories only.

    nice -n 10 .venv/bin/python -m benchmarks.web_pages --db /tmp/run4/s.db [--ref GIT_REV] [--shots DIR]

``--ref`` serves the store with an earlier revision's package (``git archive``, no worktree), to
measure before and after on the same store. Needs Debian's chromium and chromium-driver and Selenium.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

from benchmarks.common import ROOT, heldout, machine, stamp

SIZES = {"desktop": (1366, 900), "phone": (390, 844)}

# boxes whose right edge passes the screen's, unless a scrolling box (a table wrapper, a picture) holds them
OVERFLOW_JS = """
var vw = document.documentElement.clientWidth, out = [];
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.width === 0 || r.right <= vw + 1) return;
  for (var p = e.parentElement; p; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return;
  }
  out.push(e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''));
});
// the size a reader sees the pictures' labels at: font size x the drawn width / the viewBox width
function label_px(sel) {
  var svg = document.querySelector(sel), t = svg && svg.querySelector('text');
  if (!t || !svg.viewBox.baseVal.width) return null;
  return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
}
// a tag ('OTHER EVENT', 'DIRECT') split over two lines
var broken = 0;
document.querySelectorAll('.tag').forEach(function (e) { if (e.getClientRects().length > 1) broken++; });
// what a fact-checker checks against the article: quote wordings, dated events, numbers, agreement claims; how
// many link to their words in the article's text (the article page with the span marked, "?hl=")
var items = new Set(document.querySelectorAll('ol.wordings > li, ul.wordings > li, ol.timeline > li, ' +
                                              'ul.claims li:not(:has(> ul)), td[data-label="As written"]:not(.none)'));
var checkable = 0;
items.forEach(function (e) {
  var own = Array.prototype.some.call(e.querySelectorAll('a[href*="?hl="]'), function (a) {
    return a.closest('li, td') === e;
  });
  if (own) checkable++;
});
// article rows with no link to the stored text (the title links to the outlet's page, if anywhere)
var rows = document.querySelectorAll('table.articles tbody tr'), textless = 0;
rows.forEach(function (r) { if (!r.querySelector('a[href^="/articles/"]')) textless++; });
var nav = performance.getEntriesByType('navigation')[0];
return {rows: rows.length, textless: textless, checks: items.size, checkable: checkable,
        broken_tags: broken, load_ms: nav ? nav.loadEventEnd : null,
        height: document.documentElement.scrollHeight, sideways: document.documentElement.scrollWidth > vw,
        off_screen: out.slice(0, 5), n_off: out.length, title: document.title,
        coverage_px: label_px('svg.coverage-pic'), timeline_px: label_px('svg.timeline-pic')};
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def export(ref: str, into: Path) -> Path:
    """The package of revision ``ref``, unpacked under ``into`` (for PYTHONPATH)."""
    data = subprocess.run(["git", "archive", ref, "newsweave"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


def driver(width: int, height: int) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                f"--window-size={max(width, 500)},{height}", "--disable-extensions", "--no-first-run"):  # fmt: skip
        opts.add_argument(arg)
    d = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)
    d.set_page_load_timeout(120)
    if width < 500:  # a desktop window is at least 500 px wide: emulate the phone's viewport
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True}
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--ref", help="serve with this git revision's package (before/after on one store)")
    ap.add_argument("--shots", help="save a screenshot of each non-story page and of the biggest story here")
    ap.add_argument("--json", help="write the per-page figures here")
    ap.add_argument("--dev-only", action="store_true", help="open the dev stories only (while tuning)")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="newsweave-webpages-"))
    try:
        db = tmp / "s.db"
        shutil.copy(args.db, db)
        env = dict(os.environ)
        if args.ref:
            env["PYTHONPATH"] = str(export(args.ref, tmp / "code"))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "newsweave", "serve", "--db", str(db), "--port", str(port)],
                                  cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            for _ in range(120):
                try:
                    stories = get_json(f"{base}/api/stories?limit=500")["stories"]
                    break
                except OSError:
                    time.sleep(0.5)
            else:
                raise SystemExit("the server did not start")
            run(base, stories, args)
        finally:
            server.terminate()
            server.wait(30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(base: str, stories: list[dict[str, Any]], args: argparse.Namespace) -> None:
    top = stories[0]
    article = get_json(f"{base}/api/stories/{top['id']}")["articles"][0]["id"]
    entity = get_json(f"{base}/api/entities?limit=1")["entities"][0]["id"]
    word = max((w for w in (top.get("headline") or "").split() if w.isalpha()), key=len, default="news")
    others = {"list": "/", "search": "/?q=" + quote(word.lower()), "entity": "/entities/" + quote(entity),
              "article": "/articles/" + quote(article), "add": "/add", "404": "/stories/nope"}  # fmt: skip
    figures: dict[str, Any] = {}
    for size, (w, h) in SIZES.items():
        d = driver(w, h)
        try:
            for name, path in others.items():
                d.get(base + path)
                figures[f"{size} {name}"] = d.execute_script(OVERFLOW_JS)
                if args.shots:
                    Path(args.shots).mkdir(parents=True, exist_ok=True)
                    d.save_screenshot(f"{args.shots}/{name}_{size}.png")
            for s in stories:
                if args.dev_only and heldout(s["id"]):
                    continue
                d.get(f"{base}/stories/{s['id']}")
                figures[f"{size} story {s['id']}"] = {**d.execute_script(OVERFLOW_JS), "size": s["size"],
                                                      "heldout": heldout(s["id"])}  # fmt: skip
                if args.shots and s is top:
                    d.save_screenshot(f"{args.shots}/story_{size}.png")
            if size == "desktop":  # printed, the biggest story's folded parts must show: count its pages
                d.get(f"{base}/stories/{top['id']}")
                pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {})["data"])
                figures["print pages"] = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        finally:
            d.quit()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print(f"# web pages, {stamp()}, {machine()}, store {args.db}, code {args.ref or 'this checkout'}")
    print(f"printed story page ({top['size']} articles): {figures.get('print pages')} pages")
    for size in SIZES:
        print(f"\n## {size} {SIZES[size][0]}x{SIZES[size][1]}")
        for name in others:
            f = figures[f"{size} {name}"]
            print(f"{name:8} height {f['height']:6} px  sideways {f['sideways']!s:5}  off-screen boxes {f['n_off']}"
                  f"  title {f['title'][:60]!r}")  # fmt: skip
        for part, held in (("dev", False), ("held-out", True))[: 1 if args.dev_only else 2]:
            rows = [f for k, f in figures.items() if k.startswith(f"{size} story ") and f["heldout"] == held]
            if not rows:
                continue
            hs = sorted(f["height"] for f in rows)
            big = max(rows, key=lambda f: f["size"])
            sideways, off = sum(f["sideways"] for f in rows), sum(f["n_off"] > 0 for f in rows)
            print(f"stories {part:8} n={len(rows):3}  height median {statistics.median(hs):7.0f}  max {hs[-1]:6}"
                  f"  biggest story ({big['size']} articles) {big['height']:6}  pages sideways {sideways}"
                  f"  with off-screen boxes {off}")  # fmt: skip
            loads = sorted(f["load_ms"] for f in rows if f.get("load_ms") is not None)
            broken = [f.get("broken_tags", 0) for f in rows]
            checks = [(f.get("checks", 0), f.get("checkable", 0)) for f in rows]
            print(f"  wordings, dates, numbers, claims: {sum(c for c, _ in checks)}, with no link to their words in "
                  f"the article: {sum(c - k for c, k in checks)} on {sum(c > k for c, k in checks)} pages")
            print(f"  article rows: {sum(f.get('rows', 0) for f in rows)}, with no link to the stored text: "
                  f"{sum(f.get('textless', 0) for f in rows)}")
            print(f"  tags split over two lines: {sum(broken)} on {sum(b > 0 for b in broken)} pages"
                  + (f"  load ms median {statistics.median(loads):.0f} max {loads[-1]:.0f}" if loads else ""))
            for pic in ("coverage", "timeline"):
                px = sorted(f[f"{pic}_px"] for f in rows if f.get(f"{pic}_px"))
                if px:
                    print(f"  {pic} picture labels, px as drawn: median {statistics.median(px):.1f}  min {px[0]:.1f}"
                          f"  (n={len(px)})")  # fmt: skip


if __name__ == "__main__":
    main()
