"""Defects a reader meets in the HTML report, counted over every story of a run's stories.json.

Renders the document with this checkout's package (or, with ``--ref``, an earlier revision's, from
``git archive``: no worktree) and counts, per story, things that tell a reader nothing or mislead:

- ``dash_columns``: article-table columns in which every article shows a dash (no article has authors, say);
- ``unlabelled_sizes``: story-list entries whose article count is a bare number (its meaning only in a tooltip,
  which a phone never shows);
- ``no_part_links``: story sections without links to their parts (quotes, timeline, articles...);
- ``two_number_chips``: entity chips showing two bare numbers side by side ('+1 23': spellings and mentions);
- ``split_hosts``: host names in the article table with no break point but mid-word (longer than 20 characters);
- ``repeated_dates``: timeline entries showing the same date as the entry just above them;
- ``other_names_once``: chips of the "Other names" group (a name of no known kind, often a stray capitalised word:
  'Pattern', 'Nominee') named once in the story and shown before any fold;
- ``silent_unnamed``: articles naming no outlet (neither outlet nor original source; the ledger cites them as
  "unnamed outlet [n]") in stories whose header lists the named outlets only, as if they were all;
- ``not_named_marks``: speakers marked "(not named)" (read, not judged here: the commit says which were right);
- ``untitled_rows``: article-table rows that read "(untitled)" (no title, no first words shown);
- ``same_label_rows``: article-table rows, copies aside, whose title (or first words) is another's of the same story
  (a reader cannot tell them apart by it);
- ``vague_figures``: numbers-table values that read as a vague word before its unit figure ("thousands of 1,000":
  'thousands of hours' is stored as 1,000 with the qualifier 'thousands of'), a figure no article gives;
- ``timeline_entries`` and ``undated_basis``: timeline entries, and those that do not say which words their date was
  read from (one sentence can stand under two dates, "last week" and "15:30 today"; a year can be guessed);
- ``bare_claim_counts``: corroborated claims whose outlet count is a bare number in a pill ("7"; what it counts only
  in its tooltip, which a phone never shows);
- ``silent_number_conflicts``: stories whose numbers table flags numbers other articles give differently while their
  agreement part names no conflict at all (its picture said "0 in conflict");
- ``word_bag_labels``: conflicts of one sentence negating another labelled by the words both use, as if a topic
  ("man arson following fire Somerset supermarket");
- ``one_mark_corroborated``: corroborated rows of the coverage picture drawn with a single mark (one dot for two
  outlets of the shared "N more outlets" column), as if one outlet made the claim;
- ``scattered_speakers``: speakers (named, or a body) with 2+ entries in a ledger longer than the 8 entries shown
  that the page offers no way to show alone (the reader scans the whole ledger, fold included).

With ``--db`` the renderer gets the texts (and sentence spans) of the store's articles, as the web app's story page
does: an untitled article is shown by its first words. Without it, the document alone (the report files). With
``--db`` and ``--leads``, the document alone given each untitled article's first sentence as its ``lead`` (what the
report files would show if stories.json carried it).

Stories are split into dev and held-out by ``benchmarks.common.heldout(story id)``.

With ``--loads N`` it also opens the report file N times in headless Chromium (1366x900) and reports the median
time to its load event and the page height.

    nice -n 10 .venv/bin/python -m benchmarks.report_reader --stories /tmp/run8/out/stories.json [--ref GIT_REV] \
        [--db COPY_OF_S.DB]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from html import escape, unescape
from pathlib import Path

from benchmarks.common import ROOT, heldout, machine, stamp
from benchmarks.web_pages import driver, export

DASH = re.compile(r"^(?:—|<code>—</code>)$")
SPEAKER = re.compile(r'<li class="quote"[^>]*><details>\s*<summary class="qhead"><strong class="speaker">([^<]+)'
                     r'</strong>(?!\s*<span class="sub">\(not named)')  # named, or a body shown as the speaker
VAGUE = re.compile(r'<td class="value"><span class="sub">(?:[^<]* / )?(?:tens|dozens|scores|hundreds|thousands|millions'
                   r'|billions) of(?: / [^<]*)?</span> <strong>')
TIMELINE_ENTRY = re.compile(r'<li(?: class="again")?><time datetime=.*?</li>')
LONG_HOST = re.compile(r'data-label="(?:Outlet|Original source)">[^<\s]{21,}</td>')  # no break point but mid-word


# renders argv[1] (stories.json); with argv[2] (a store), with the texts of its articles when the renderer takes them
RENDER = """
import inspect, json, sys
from newsweave.report import render_html
doc, kw = json.load(open(sys.argv[1])), {}
if len(sys.argv) > 3:  # the document given a "lead" (first sentence) for each untitled article: no texts
    from newsweave.stages.story import first_sentence
    from newsweave.store.sqlite import SQLiteStore
    rows = [a for s in doc["stories"] for a in s.get("articles") or [] if not a.get("title")]
    texts = {a.id: a.text for a in SQLiteStore(sys.argv[2], read_only=True).articles([a["id"] for a in rows])}
    for a in rows:
        a["lead"] = first_sentence(texts.get(a["id"], ""))
elif len(sys.argv) > 2 and "texts" in inspect.signature(render_html).parameters:
    from newsweave.store.sqlite import SQLiteStore
    store = SQLiteStore(sys.argv[2], read_only=True)
    ids = [a["id"] for s in doc["stories"] for a in s.get("articles") or []]
    an = store.analyses(ids)
    kw["texts"] = {a.id: (a.text, list(an[a.id].sentences) if a.id in an else []) for a in store.articles(ids)}
sys.stdout.write(render_html(doc, **kw))
"""


def render(stories: Path, ref: str | None, db: Path | None = None, leads: bool = False) -> str:
    """The HTML report of ``stories``, rendered by this checkout or by revision ``ref`` (with ``db``, given the
    texts of its articles; with ``leads`` too, given instead a ``lead`` in the document for each untitled article)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = str(export(ref, Path(tmp)) if ref else ROOT)
        argv = [sys.executable, "-c", RENDER, str(stories)] + ([str(db)] if db else []) + (["leads"] if leads else [])
        out = subprocess.run(argv, cwd=path, check=True, capture_output=True,
                             env={"PYTHONPATH": path, "PATH": "/usr/bin:/bin"})  # fmt: skip
    return out.stdout.decode("utf-8")


def title_cells(section: str, copies: bool = True) -> list[str]:
    """The article table's title cells, as text (the words and language line and the 'other event' tag left out);
    with ``copies`` false, not those of rows marked as copies of another article."""
    rows = re.findall(r'<tr id="[^"]*"( class="is-copy")?[^>]*>.*?<td class="title">(.*?)</td>', section, re.S)
    cells = [c.split('<span class="sub"><br>', 1)[0] for copy, c in rows if copies or not copy]
    cells = [re.sub(r'<span class="tag"[^>]*>.*?</span>', "", c) for c in cells]
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", c)).split()) for c in cells]


def untitled_rows(section: str) -> int:
    return sum(1 for c in title_cells(section) if c == "(untitled)")


def same_label_rows(section: str) -> int:
    """Rows (copies of another article aside) whose title cell reads as another's of the story."""
    labels = title_cells(section, copies=False)
    return sum(1 for c in labels if labels.count(c) > 1)


def load_times(html: str, n: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        d = driver(1366, 900)
        try:
            runs = []
            for _ in range(n):
                d.get(page.as_uri())
                runs.append(d.execute_script("var n = performance.getEntriesByType('navigation')[0];"
                                             "return [n.loadEventEnd, document.documentElement.scrollHeight];"))
        finally:
            d.quit()
    loads = sorted(r[0] for r in runs)
    return f"load event, median of {n}: {loads[len(loads) // 2]:.0f} ms (all: {[round(x) for x in loads]}), " \
           f"height {runs[-1][1]} px"  # fmt: skip


def dash_columns(section: str) -> int:
    start = section.find('<table class="articles">')
    if start < 0:
        return 0
    table = section[start : section.index("</table>", start)]
    heads = re.findall(r"<th>(.*?)</th>", table)
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", r, re.S) for r in re.findall(r"<tr id=.*?</tr>", table, re.S)]
    return sum(1 for i in range(len(heads)) if rows and all(DASH.match(r[i].strip()) for r in rows if i < len(r)))


def repeated_dates(section: str) -> int:
    """Timeline entries whose shown date is the one shown just above (a fold's edge starts afresh)."""
    n = 0
    for block in re.findall(r'<ol class="timeline">(.*?)</ol>', section, re.S):
        last = None
        for shown, label in re.findall(r'<li( class="again")?><time datetime="[^"]*">([^<]*)</time>', block):
            n += not shown and label == last
            last = label
    return n


def scattered_speakers(section: str) -> int:
    names = [unescape(m.group(1)) for m in SPEAKER.finditer(section)]
    if len(names) <= 8:
        return 0
    bar = re.search(r'<p class="speakers"[^>]*>(.*?)</p>', section)
    offered = {unescape(b) for b in re.findall(r'data-speaker="([^"]+)"', bar.group(1))} if bar else set()
    return sum(1 for name in set(names) if names.count(name) > 1 and name != "Unattributed" and name not in offered)


def silent_number_conflicts(section: str) -> int:
    start = section.find('-agreement">Agreement across sources</h3>')
    if start < 0 or '<span class="conflict-tag" title="other articles give' not in section[:start]:
        return 0
    agreement = section[start:]
    return int('<p class="alabel">In conflict</p>' not in agreement and "Numbers the articles give differently" not in
               agreement)


def one_mark_corroborated(section: str) -> int:
    rows = re.findall(r'<g class="row agree">.*?</g>', section, re.S)
    # a dot is one outlet; "×3" in the shared column three
    return sum(1 for r in rows if r.count('<circle class="cell"')
               + sum(int(n or 1) for n in re.findall(r'<text class="val"[^>]*>(?:\u00d7(\d+))?', r)) < 2)


def other_names_once(section: str) -> int:
    """'Other names' chips counting one mention, shown without opening a fold."""
    m = re.search(r'<div class="egroup"><span class="elabel" title="OTHER">.*?</div>', section, re.S)
    return len(re.findall(r'<span class="n">1</span></span>', m.group(0))) if m else 0


def silent_unnamed(section: str) -> int:
    """Articles with no outlet named, when the story's header does not say some articles name none."""
    rows = re.findall(r"<tr id=.*?</tr>", section, re.S)
    unnamed = sum(1 for r in rows if not re.search(r'data-label="(?:Outlet|Original source)">(?!—)', r))
    header = re.search(r'</h2>\s*<p class="sub">(.*?)</p>', section, re.S)
    said = header is not None and ("no outlet" in header.group(1) or "not named" in header.group(1))
    return 0 if said else unnamed


def unlabelled_sizes(html: str) -> dict[str, int]:
    """Story-list entries (by story anchor) whose article count is a bare number."""
    out: dict[str, int] = {}
    for m in re.finditer(r'<li[^>]*><span class="size"[^>]*>(\d+)</span><a href="#([^"]+)"', html):
        out[m.group(2)] = 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", default="/tmp/run8/out/stories.json")
    ap.add_argument("--ref", help="render with this git revision's package")
    ap.add_argument("--db", type=Path, help="render with the texts of this store's articles (a copy of s.db)")
    ap.add_argument("--leads", action="store_true", help="with --db: no texts, but each untitled article's first "
                    "sentence as a 'lead' in the document (what the report files would show if stories.json had it)")
    ap.add_argument("--loads", type=int, default=0, help="open the report this many times in Chromium")
    args = ap.parse_args()
    html = render(Path(args.stories), args.ref, args.db, args.leads)
    if args.loads:
        print(load_times(html, args.loads))
    sections = re.split(r'(?=<section class="story" id=")', html)[1:]
    ids = [s["id"] for s in json.loads(Path(args.stories).read_text())["stories"]]
    anchors = [re.match(r'<section class="story" id="([^"]+)"', s).group(1) for s in sections]  # type: ignore[union-attr]
    sizes = unlabelled_sizes(html)
    rows: dict[str, dict[str, int]] = {"dev": {}, "held-out": {}}
    bags = {s["id"]: [c.get("about") or "" for c in (s.get("comparison") or {}).get("conflicting") or []
                      if c.get("kind") == "negation"] for s in json.loads(Path(args.stories).read_text())["stories"]}
    for sid, anchor, section in zip(ids, anchors, sections, strict=True):
        part = rows["held-out" if heldout(sid) else "dev"]
        part["stories"] = part.get("stories", 0) + 1
        figures = (("dash_columns", dash_columns(section)), ("unlabelled_sizes", sizes.get(anchor, 0)),
                   ("no_part_links", int('<nav class="parts"' not in section)),
                   ("two_number_chips", section.count('<span class="v">')),
                   ("split_hosts", len(LONG_HOST.findall(section))),
                   ("scattered_speakers", scattered_speakers(section)),
                   ("repeated_dates", repeated_dates(section)),
                   ("other_names_once", other_names_once(section)),
                   ("silent_unnamed", silent_unnamed(section)),
                   ("untitled_rows", untitled_rows(section)),
                   ("same_label_rows", same_label_rows(section)),
                   ("not_named_marks", section.count('<span class="sub">(not named)</span>')),
                   ("vague_figures", len(VAGUE.findall(section))),
                   ("silent_number_conflicts", silent_number_conflicts(section)),
                   ("one_mark_corroborated", one_mark_corroborated(section)),
                   ("word_bag_labels", sum(section.count(f'<span class="conflict-tag">{escape(b)}</span>')
                                           for b in bags[sid] if b)),
                   ("bare_claim_counts", len(re.findall(r'<li><span class="size"[^>]*>\d+</span>', section))),
                   ("timeline_entries", len(TIMELINE_ENTRY.findall(section))),
                   ("undated_basis", sum("(date read from" not in e for e in TIMELINE_ENTRY.findall(section))))
        for name, n in figures:
            part[name] = part.get(name, 0) + n
            part[name + " (stories)"] = part.get(name + " (stories)", 0) + (n > 0)
    db = f"{args.db or '-'}{' leads' if args.leads else ''}"
    print(f"# report_reader {args.stories} ref={args.ref or 'checkout'} db={db} · {stamp()} · {machine()}")
    print(f"html bytes: {len(html):,}")
    for part, figures in rows.items():
        print(part, json.dumps(figures))


if __name__ == "__main__":
    main()
