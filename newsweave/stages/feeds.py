"""RSS and Atom feeds: one article per item that carries the article's text.

Feeds are parsed with feedparser, which reads RSS 0.9x/1.0/2.0 and Atom, and survives most broken
feeds. An item's text is its longest ``content`` (``content:encoded`` in RSS, ``<content>`` in Atom),
else its description/summary, turned from an HTML fragment into paragraphs. newsweave never fetches
the linked pages (it works offline): an item holding only a teaser is skipped with its URL in the
reason, so the page can be saved and passed as a file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

from ..records import Article, Skip
from ..settings import Settings

FEED_EXT = (".rss", ".atom", ".rdf", ".xml", ".rss.gz", ".atom.gz", ".xml.gz")

_BLOCKS = {"p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dd", "dt",
           "figcaption", "section", "article", "header", "footer", "ul", "ol", "table", "br", "hr"}  # fmt: skip
_DROP = {"script", "style", "noscript", "iframe", "form", "button", "svg", "img", "video", "audio"}
# the line WordPress and other feed generators add under every item's content
_FEED_FOOTER = re.compile(
    r"^(?:the post .{1,300} appeared first on .{1,120}\.?|continue reading.{0,40}|read more.{0,40}"
    r"|\[(?:…|\.\.\.)\]|this entry was posted in .{1,200})$",
    re.IGNORECASE,
)


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of an XML file are an RSS, RDF or Atom feed (not a sitemap, not XHTML)."""
    h = head[:4096].lower()
    return b"<rss" in h or b"<feed" in h or (b"<rdf:rdf" in h and b"purl.org/rss" in h)


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, whitespace normalised."""
    if "<" not in html:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", html) if p.strip())
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup: fall back to the tags stripped
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    parts: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buf)).strip()
        if line:
            parts.append(line)
        buf.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP:
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCKS
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return "\n\n".join(p for p in parts if not _FEED_FOOTER.match(p))


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    except (TypeError, ValueError):
        return None


def _item_html(entry: Any) -> str:
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name", "").strip() for a in entry.get("authors") or [] if isinstance(a, dict)]
    if not any(names) and entry.get("author"):
        names = [str(entry["author"]).strip()]
    # RSS <author> is often "mail@example.com (Jane Doe)"
    names = [m.group(1) if (m := re.match(r"^\S+@\S+\s*\((.+)\)$", n)) else n for n in names]
    return tuple(dict.fromkeys(n for n in names if n and "@" not in n))


def read_feed(raw: bytes, origin: str, settings: Settings) -> Iterator[Article | Skip]:
    """Every item of one feed as an Article, or a Skip that says why (and where the item is)."""
    import feedparser

    from .clean import detect_original_source
    from .ingest import finish_article
    from .language import detect_language

    d = feedparser.parse(raw)
    if not d.entries:
        why = f" ({d.bozo_exception})" if d.get("bozo") else ""
        yield Skip(origin, "not an RSS or Atom feed, or a feed without items" + why)
        return
    site = (d.feed.get("title") or "").strip() or None
    for n, entry in enumerate(d.entries, 1):
        link = (entry.get("link") or "").strip() or None
        where = f"{origin}#{n}" + (f" {link}" if link else "")
        text = fragment_text(_item_html(entry))
        words = len(text.split())
        if words < settings.feed_min_words:
            why = (f"feed item holds {words} words of text (fewer than feed_min_words = {settings.feed_min_words}; "
                   "--set feed_min_words=N changes it): a summary, not the article; newsweave does not fetch "
                   "pages: save the linked page and pass the file")  # fmt: skip
            yield Skip(where, why)
            continue
        title = fragment_text(entry.get("title") or "").replace("\n\n", " ") or None
        art = Article(
            id=Article.make_id(title, text, site),
            text=text,
            title=title,
            source=site,
            original_source=detect_original_source(text[:600]),
            authors=_authors(entry),
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            url=link,
            language=detect_language(text),
            origin=where,
            external_id=(entry.get("id") or "").strip() or None,
            fmt="feed",
        )
        yield finish_article(art, settings)
