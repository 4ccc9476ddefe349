"""Main text and metadata of an HTML page: trafilatura, with a readability fallback when it finds too little.

trafilatura (comments left out, tables kept) is right on most pages; where its text is much shorter
than what the readability algorithm (readability-lxml) finds in the same page, it has usually
stopped at the first section of a long article, and readability's text is taken instead. The ratio
was chosen on the dev pages of the WCXB benchmark (benchmarks/extract_html.py,
benchmarks/RESULTS_extraction.md).
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .dates_text import MONTH_ALTERNATION, parse_date
from .language import detect_language

# readability's text replaces trafilatura's when trafilatura has fewer words than this share of it;
# tuned on the dev pages (mean F1 0.942 without fallback; ratio 0.5: 0.945, 0.9: 0.949, 1.1: 0.946)
FALLBACK_RATIO = 0.9
_WORD = re.compile(r"\w+")
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table blockquote pre section article header footer dd dt "
    "figcaption".split()
)


@dataclass(frozen=True)
class HtmlResult:
    """What an HTML page says: its main text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date
    site: str | None = None
    language: str | None = None
    url: str | None = None
    method: str = "trafilatura"  # which extractor's text was kept: "trafilatura" or "readability"


def _paragraphs(text: str) -> str:
    """One paragraph per line becomes paragraphs separated by a blank line."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _readability_summary(html: str) -> str:
    """The main block's HTML by readability-lxml, else by trafilatura's bundled (weaker) port of it."""
    try:
        from readability import Document  # type: ignore[import-untyped]  # dev F1 0.949; the port: 0.944
    except ImportError:
        from trafilatura.readability_lxml import Document as PortDocument
        from trafilatura.utils import load_html

        tree = load_html(html)
        return PortDocument(tree).summary() if tree is not None else ""
    return str(Document(html).summary(html_partial=True))


def block_text(root: Any, blocks: frozenset[str] = _BLOCK_TAGS) -> str:
    """Text of a parsed lxml element with a line break after every block element (changes its tails)."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in blocks:
            el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


def _readability_text(html: str) -> str:
    """Text of the main block readability finds, one block per line."""
    import lxml.html

    summary = _readability_summary(html)
    if not summary.strip():
        return ""
    return _paragraphs(block_text(lxml.html.fromstring(summary)))


def _drop_title_line(body: str, title: str | None) -> str:
    """Drop the headline when the text repeats it as its first paragraph."""
    if title and body.split("\n", 1)[0].strip() == title.strip():
        return body.split("\n\n", 1)[1] if "\n\n" in body else ""
    return body


# -- title and authors: trafilatura's metadata, corrected where the page says more ----------------
# Chosen on the dev pages of benchmarks/extract_meta.py (WCXB gold title and author).
_TITLE_SEP = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|\u00bb|\u00b7|\u2022|/)\s+")
_MONTHS = MONTH_ALTERNATION
_ROLE = (r"(?:senior |staff |contributing |lead |chief |associate |managing |tech |technology |deputy |executive |"
         r"freelance |trending )*(?:writer|reporter|editor|author|founder|co-founder|journalist|"
         r"correspondent|columnist|reviewer)s?")  # fmt: skip
# what pages glue to a byline's end: a date ("Jane Doe December 4, 2025", "Updated March"), a job title
_BYLINE_TAIL = re.compile(
    rf"(?:\s*[\u2022|\u00b7,-]?\s*(?:(?:last\s+)?(?:updated|published|posted|on)\s+)?(?:{_MONTHS})\b\.?"
    rf"(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\s+{_ROLE}|\s+last(?:\s+updated)?)+\s*$", re.I)
_BYLINE_HEAD = re.compile(r"^(?:(?:this\s+(?:post|article)\s+(?:was\s+)?)?(?:written|posted|authored)\s+by|"
                          r"author|by)\s*:?\s+", re.I)  # fmt: skip
_BYLINE_XPATH = (
    '//*[@rel="author"]|//*[@itemprop="author"]|//*[contains(concat(" ",normalize-space(@class)," ")," byline ")]'
    '|//*[contains(@class,"author-name") or contains(@class,"author__name") or contains(@class,"authorName") or '
    'contains(@class,"byline__name") or contains(@class,"post-author") or contains(@class,"entry-author")]'
)


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _shared_words(a: str, b: str) -> tuple[int, int, int]:
    """Word tokens two short texts share (with repeats), and how many each has."""
    x, y = _WORD.findall(a.casefold()), _WORD.findall(b.casefold())
    return sum((Counter(x) & Counter(y)).values()), len(x), len(y)


def _overlap(a: str, b: str) -> float:
    """Word-token F1 of two short texts."""
    common, nx, ny = _shared_words(a, b)
    return 2 * common / (nx + ny) if common else 0.0


def strip_site_name(title: str, names: list[str]) -> str:
    """The title without a site name joined to either end ("Machine learning, explained | MIT Sloan")."""
    keys = {k for k in (_squash(n) for n in names) if k}

    def is_site(part: str) -> bool:
        k = _squash(part)
        return bool(k) and any(k == n or (len(k) >= 4 and (k in n or n in k)) for n in keys)

    while True:
        seps = list(_TITLE_SEP.finditer(title))
        if not seps:
            return title
        if is_site(title[seps[-1].end():]):
            title = title[: seps[-1].start()]
        elif is_site(title[: seps[0].start()]):
            title = title[seps[0].end():]
        else:
            return title


def _is_headline(part: str, title: str) -> bool:
    """Whether a part of a site name is the page's headline: most of both in common ("BBC News" is no
    headline "BBC News investigation finds ...")."""
    common, nx, ny = _shared_words(part, title)
    return common >= 0.6 * ny and 2 * common >= 0.6 * (nx + ny)


_GENERIC_PART = frozenset("home homepage welcome news blog official site website".split())


def site_name(name: str | None, hostname: str | None = None, title: str | None = None) -> str | None:
    """The site's name as a reader would cite it: a tagline after the name goes ("SFist - San Francisco
    News, Restaurants, Events, & Sports" -> "SFist", "Urge Fitness | Affordable 24/7 Gyms Near Me in PA and
    NJ" -> "Urge Fitness"; "Find a Provider Near You - Book Online - Sofia Health" -> "Sofia Health"), quote
    marks around it too ('"Terabyte Systems"'); a value that is no name ("/",
    "Http://@Vichattanooga", a bare URL) gives way to the host name, without "www.". Pages without a
    site name of their own give their headline: a part that is the ``title`` goes ("Do you need 14 USB
    ports on your Raspberry Pi 5? - CNX Software" -> "CNX Software"), and a value that is nothing but the
    title gives way to the host."""
    host = (hostname or "").strip().removeprefix("www.") or None
    n = " ".join((name or "").split()).strip("\"'“”‘’ ")
    n = re.sub(r"\s+(?:\||-|\u2013|\u2014|::|\u00bb|\u00b7|\u2022|/)$", "", n)  # "Vegan Restaurant |"
    if not re.search(r"[^\W\d_]", n) or re.match(r"(?i)https?:|www\.|@|/", n) or "://" in n:
        return host
    parts = [p for p in _TITLE_SEP.split(n) if p.strip()]
    if title and len(title.split()) >= 4:
        rest = [p for p in parts if not _is_headline(p, title)]
        if not rest:
            return host
        if len(rest) < len(parts):
            n, parts = " - ".join(p.strip() for p in rest), rest
    if len(parts) > 1:  # "Name - tagline"; of three parts or more, "Page - tagline - Name"
        first = len(parts) == 2 and parts[0].lower() not in _GENERIC_PART or len(parts[-1].split()) > 4
        keep = parts[0] if first else parts[-1]
        if len(keep.split()) <= 5:
            n = keep.strip()
    return n or host


def _heading_text(el: Any) -> str:
    """An element's text with a line break read as a space: "Top MBA Programs of 2025 (US)<br>Your Guide to
    ..." is not "(US)Your Guide" (``text_content`` joins the pieces as they are)."""
    heading = copy.deepcopy(el)  # (the page's tree is read again later: left as it is)
    for br in heading.iter("br"):
        br.tail = " " + (br.tail or "")
    return str(heading.text_content())


def _page_title(tree: Any, meta_title: str | None, names: list[str]) -> str | None:
    """The article's headline: the page's one headline (h1) of three words or more, or the h1 that
    matches the meta title; else the meta title. A site name joined to it is dropped."""
    sites = {_squash(n) for n in names}
    h1s = list(dict.fromkeys(
        t for t in (" ".join(_heading_text(h).split()) for h in tree.iter("h1"))
        if len(t.split()) >= 3 and _squash(t) not in sites))  # fmt: skip
    base = strip_site_name(meta_title, names) if meta_title else None
    if len(h1s) == 1 and (not base or _overlap(h1s[0], base) > 0):
        return strip_site_name(h1s[0], names)
    similar = [h for h in h1s if base and _overlap(h, base) >= 0.5]
    return strip_site_name(similar[0], names) if similar else base


def clean_byline(name: str) -> str | None:
    """A byline without what pages glue to it: "By", "Written by", a date, a job title."""
    name = _BYLINE_HEAD.sub("", " ".join(name.split()))
    prev = None
    while prev != name:
        prev, name = name, _BYLINE_TAIL.sub("", name).strip()
    if not name or re.fullmatch(rf"(?:{_MONTHS})\.?|written by|by", name, re.I):
        return None
    return name


def _ld_authors(tree: Any) -> list[str]:
    """Author names from the page's JSON-LD."""
    import json

    out: list[str] = []

    def walk(o: Any) -> None:
        if isinstance(o, dict):
            a = o.get("author")
            for x in a if isinstance(a, list) else [a] if a is not None else []:
                if isinstance(x, dict) and isinstance(x.get("name"), str):
                    out.append(x["name"])
                elif isinstance(x, str):
                    out.append(x)
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            walk(json.loads(script))
        except ValueError:
            continue
    return list(dict.fromkeys(a.strip() for a in out if a.strip()))


# a placeholder or page furniture read as an author ("admin", "Undefined", "© Conditions Privacy Policy")
_NO_NAME = re.compile(r"(?:site\s+)?(?:admin(?:istrator)?|webmaster|undefined|null|none|name|author|user|unknown)|"
                      r".*(?:\u00a9|\bprivacy\b|\bsubmenu\b).*", re.I)  # fmt: skip
# a job title after the name ("Liz Kenny Former McKinsey Consultant", "Rasmus Barslund Lead")
_TITLE_WORDS = frozenset("former head lead sr senior director expert consultant attorney manager president ceo "
                         "founder co-founder cofounder specialist analyst officer strategist".split())  # fmt: skip
_REVIEWED = re.compile(r"\s+(?:medically\s+)?(?:reviewed|fact[- ]checked)\s+by\b.*$", re.I)


def _titled(name: str) -> bool:
    return any(w.casefold().strip(".,") in _TITLE_WORDS for w in name.split())


def _person(name: str) -> str | None:
    """A byline name without a job title or reviewer glued to it; None for a placeholder."""
    name = _REVIEWED.sub("", name).strip()
    if not name or _NO_NAME.fullmatch(name):
        return None
    words = name.split()
    first = 3 if len(words) > 2 and len(words[1].rstrip(".")) == 1 else 2  # "Justin C Meserole"
    if any(w.casefold().strip(".,") in _TITLE_WORDS for w in words[first:]):
        name = " ".join(words[:first])
    return name


def _authors(tree: Any, found: str | None) -> tuple[str, ...]:
    """trafilatura's authors cleaned; else the author meta tag, the JSON-LD authors, or a byline element."""
    names = []
    for i, piece in enumerate(c for a in re.split(r";|,| and ", found or "") if (c := clean_byline(a))):
        if i and _titled(piece):  # "Danielle Padula; Head; Community Development": a job title from here on
            break
        p = _person(piece)
        if p is None and not i:  # "Open submenu LSC Code; Conduct": page furniture, not a byline
            break
        names += [p] if p else []
    if not names:
        meta = [m.strip() for m in tree.xpath('//meta[@name="author"]/@content') if m.strip() and "@" not in m]
        names = [p for c in meta[:1] or _ld_authors(tree)[:3] if (p := _person(c))]
    if not names:
        for el in tree.xpath(_BYLINE_XPATH)[:8]:
            c = clean_byline(el.text_content())
            if c and len(c.split()) <= 5 and not re.search(r"\d|@|http", c) and (p := _person(c)):
                names = [p]
                break
    return tuple(dict.fromkeys(names))


# -- publication date: the date the page shows next to its headline, else trafilatura's (htmldate) ----
# Chosen on the dev pages of benchmarks/extract_meta.py: the gold is the day a reader sees under the
# headline (often the "Updated ..." day), which htmldate's original-date search misses
# (date right, dev 0.864 -> 0.915, held-out 0.818 -> 0.864).
SHOWN_BEFORE, SHOWN_AFTER = 3, 10  # lines around the headline searched (dev: 2/10 0.908, 3/8 0.908, 5/10 0.908)
_UPDATED = re.compile(r"updat|modif|revis|edited", re.I)
_PUBLISHED_META = (
    '//meta[@property="article:published_time" or @property="og:published_time" or @name="parsely-pub-date" '
    'or @property="og:publish_date" or @name="article:published_time"]/@content'
)


def _headline_lines(tree: Any) -> tuple[list[str], int] | None:
    """The page's visible text as lines, and the index of the headline's (the first h1 found as a line of
    its own); None without one. Drops the scripts and styles of ``tree`` and edits its text."""
    h1s = [t for t in (" ".join(h.text_content().split()) for h in tree.iter("h1")) if t]
    if not h1s:
        return None
    for el in tree.xpath("//script|//style|//noscript|//template|//svg"):
        el.drop_tree()
    for h in tree.iter("h1"):  # the headline on a line of its own, also after inline text
        h.text = "\n" + (h.text or "")
    body = tree.find("body")
    text = block_text(body if body is not None else tree)
    lines = [ln for ln in (" ".join(x.split()) for x in text.split("\n")) if ln]
    at = {ln: i for i, ln in reversed(list(enumerate(lines)))}  # each line's first index
    idx = next((at[h] for h in h1s if h in at), None)
    return None if idx is None else (lines, idx)


def _near(lines: list[str], idx: int) -> list[str]:
    """The lines SHOWN_BEFORE above to SHOWN_AFTER below the headline's, shorter than 200 characters."""
    first = max(0, idx - SHOWN_BEFORE)
    return [ln for i, ln in enumerate(lines[first: idx + SHOWN_AFTER + 1], first) if i != idx and len(ln) < 200]


def _shown_date(lines: list[str], stated: bool) -> str | None:
    """The first date written on a line near the headline in the page's visible text. An "Updated ..."
    line counts unless a meta tag states the publication time (``stated``; then the gold is the first
    publication, which trafilatura reads from that tag)."""
    for line in lines:
        if re.search(rf"\d{{4}}(?:{_MONTHS})", line, re.I):  # "July 4, 2025February 9, 2026": which is which?
            return None
        day = parse_date(re.sub(r"(\d{4})(?=[A-Z][a-z])", r"\1 ", line))  # "December 31, 2024Written by"
        if day and not (stated and _UPDATED.search(line)):
            return day
    return None


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of one page; ``text`` is empty when no main text is found.

    Raises whatever the HTML parsers raise on markup they cannot read.
    """
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)  # parsed once here; trafilatura works on a copy
    doc = trafilatura.bare_extraction(
        tree if tree is not None else html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=False,
    )
    d: dict[str, Any] = {}
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    names = [n for n in (d.get("sitename"), d.get("hostname")) if n]
    if tree is not None:
        names += [n for n in tree.xpath('//meta[@property="og:site_name"]/@content') if n.strip()]
    title = (_page_title(tree, d.get("title"), names) if tree is not None else d.get("title")) or None
    body = _paragraphs(d.get("text") or "")
    method = "trafilatura"
    try:
        alt = _readability_text(html)
    except Exception:  # the fallback must never cost the page trafilatura could read
        alt = ""
    if alt and _n_words(body) < FALLBACK_RATIO * _n_words(alt):
        body, method = alt, "readability"
    body = _drop_title_line(body, title)
    if tree is not None:
        authors = _authors(tree, d.get("author"))
    else:
        authors = tuple(a.strip() for a in re.split(r";|,| and ", d.get("author") or "") if a.strip())
    published = d.get("date") or None
    if tree is not None:  # last: edits tree
        stated = any(re.match(r"\s*\d{4}-\d\d-\d\d", c) for c in tree.xpath(_PUBLISHED_META))
        if (headline := _headline_lines(tree)) is not None:
            near = _near(*headline)
            published = _shown_date(near, stated) or published
            if not authors:  # a byline near the headline, read as in text dumps (clean.byline_and_date)
                from .clean import byline_and_date

                authors = tuple(p for a in byline_and_date(*headline, headline[1])[0] if (p := _person(a)))
    return HtmlResult(
        text=body,
        title=title,
        authors=authors,
        published=published,
        site=site_name(d.get("sitename"), d.get("hostname"), title),
        language=d.get("language") or detect_language(body),
        url=d.get("url") or url,
        method=method,
    )
