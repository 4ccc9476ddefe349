"""Reading web archives: the real WCXB pages packed into a WARC, read back through ``newsweave run``'s
reader, against the same pages read as .html.gz files.

The pages of ../shared/data/extraction_wcxb (real article pages, their raw bytes) are written into one
gzipped WARC as a crawler would (a ``warcinfo`` record, then per page a ``request`` and a ``response``
record with its HTTP headers and target URL; every tenth page also a style sheet, which is no article).
Then ``stages.ingest.read_path`` reads the WARC and, in the same process, every page file. Reported:
whether each page gives the same article both ways (text and title; the WARC adds the crawl's URL,
which may change the site name trafilatura reports), what the WARC gives besides (skips), and pages
per second both ways (median of interleaved repetitions: the machine is shared).

    .venv/bin/python benchmarks/warc_ingest.py [--pages N] [--repeat 3]

Repetitions alternate files first and WARC first, so neither reader always runs on a warmer cache.
"""

from __future__ import annotations

import argparse
import gzip
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import machine, stamp  # noqa: E402
from benchmarks.extract_html import DATA, load_pages  # noqa: E402
from newsweave.records import Article, Skip  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.ingest import read_path  # noqa: E402


def write_warc(pages: list[dict], path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "newsweave benchmarks/warc_ingest.py"}))
        for n, p in enumerate(pages):
            url = p["url"]
            host = url.split("/")[2] if url.count("/") >= 2 else "example.org"
            req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", host)], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            body = gzip.decompress((DATA / p["html"]).read_bytes())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            if n % 10 == 0:
                css = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url + ".css", "response", payload=io.BytesIO(b"p{margin:0}"),
                                                    http_headers=css))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=0, help="first N pages only (default: all)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved timing repetitions (default 3)")
    args = ap.parse_args()
    pages = load_pages()
    if args.pages:
        pages = pages[: args.pages]
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "wcxb.warc.gz"
        t0 = time.perf_counter()
        write_warc(pages, warc)
        print(f"wrote {len(pages)} pages to a WARC of {warc.stat().st_size / 1e6:.1f} MB "
              f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)  # fmt: skip
        list(read_path(DATA / pages[0]["html"], settings))  # warm-up: imports and first-call costs, not timed
        files, archive = [], []
        t_files, t_warc = [], []
        for r in range(args.repeat):
            for which in ("files", "warc") if r % 2 == 0 else ("warc", "files"):
                t0 = time.perf_counter()
                if which == "files":
                    got_files = [item for p in pages for item in read_path(DATA / p["html"], settings)]
                    t_files.append(time.perf_counter() - t0)
                else:
                    got_warc = list(read_path(warc, settings))
                    t_warc.append(time.perf_counter() - t0)
            if r == 0:
                files, archive = got_files, got_warc
            print(f"repetition {r + 1}: files {t_files[-1]:.1f} s, WARC {t_warc[-1]:.1f} s", file=sys.stderr)
    by_url = {a.origin.split(" ", 1)[1]: a for a in archive if isinstance(a, Article)}
    same_text = same_title = same_all = missing = 0
    for p, f in zip(pages, files, strict=True):
        a = by_url.get(p["url"])
        if a is None or not isinstance(f, Article):
            missing += int(a is None) != int(not isinstance(f, Article))  # one way only
            continue
        same_text += a.text == f.text
        same_title += a.title == f.title
        same_all += (a.text, a.title, a.authors, a.published) == (f.text, f.title, f.authors, f.published)
    n_art = sum(isinstance(x, Article) for x in files)
    skips_w = [x for x in archive if isinstance(x, Skip)]
    med_f, med_w = statistics.median(t_files), statistics.median(t_warc)
    lines = [
        f"Run {stamp()} on {machine()}; {len(pages)} WCXB pages, {args.repeat} interleaved repetitions.",
        "",
        "| reader | articles | skips | median s | pages/s |",
        "|---|---|---|---|---|",
        f"| page files (.html.gz, `read_path` each) | {n_art} | {sum(isinstance(x, Skip) for x in files)} "
        f"| {med_f:.1f} | {len(pages) / med_f:.1f} |",
        f"| one WARC (`read_path`, warcio stream) | {len(by_url)} | {len(skips_w)} | {med_w:.1f} "
        f"| {len(pages) / med_w:.1f} |",
        "",
        f"WARC / files time ratio {med_w / med_f:.3f}. Same article both ways: text {same_text}, title {same_title}, "
        f"text + title + authors + date {same_all} of {n_art}; an article one way only: {missing}.",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
