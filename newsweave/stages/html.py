"""Main text and metadata of an HTML page: trafilatura, with a readability fallback when it finds too little.

trafilatura (comments left out, tables kept) is right on most pages; where its text is much shorter
than what the readability algorithm (readability-lxml) finds in the same page, it has usually
stopped at the first section of a long article, and readability's text is taken instead. The ratio
was chosen on the dev pages of the WCXB benchmark (benchmarks/extract_html.py,
benchmarks/RESULTS_extraction.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

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


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of one page; ``text`` is empty when no main text is found.

    Raises whatever the HTML parsers raise on markup they cannot read.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=False,
    )
    d: dict[str, Any] = {}
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = d.get("title") or None
    body = _paragraphs(d.get("text") or "")
    method = "trafilatura"
    try:
        alt = _readability_text(html)
    except Exception:  # the fallback must never cost the page trafilatura could read
        alt = ""
    if alt and _n_words(body) < FALLBACK_RATIO * _n_words(alt):
        body, method = alt, "readability"
    body = _drop_title_line(body, title)
    authors = tuple(a.strip() for a in re.split(r";|,| and ", d.get("author") or "") if a.strip())
    return HtmlResult(
        text=body,
        title=title,
        authors=authors,
        published=d.get("date") or None,
        site=d.get("sitename") or d.get("hostname") or None,
        language=d.get("language") or detect_language(body),
        url=d.get("url") or url,
        method=method,
    )
