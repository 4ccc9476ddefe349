"""The web app's HTML pages. The story page is the report renderer's page for one story; the list
and article pages are small templates that share the report's stylesheet. Autoescape is on."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..records import Article
from ..report.render import TEMPLATES as REPORT_TEMPLATES
from ..report.render import fmt_date, render_html, safe_url, sort_stories

__all__ = ["article_page", "error_page", "index_page", "sort_stories", "story_page"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")  # fmt: skip

_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@lru_cache(maxsize=1)
def report_css() -> Markup:
    """The report page's stylesheet, read from its template so both look the same."""
    src = (REPORT_TEMPLATES / "report.html.j2").read_text(encoding="utf-8")
    m = re.search(r"<style>(.*?)</style>", src, re.S)
    return Markup(m.group(1) if m else "")


def _page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = _ENV.get_template(template).render(css=report_css(), **context)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": CSP})


def _date_span(first: Any, last: Any) -> str:
    a, b = fmt_date(first, with_time=False), fmt_date(last, with_time=False)
    if a and b and a != b:
        return f"{a} \u2013 {b}"
    return a or b or "date unknown"


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def index_page(stories: list[dict[str, Any]], q: str, total: int, offset: int,
               prev_href: str | None, next_href: str | None) -> HTMLResponse:  # fmt: skip
    rows = [
        {
            "href": story_href(str(s["id"])),
            "headline": s.get("headline") or "(untitled story)",
            "size": s.get("size") or len(s.get("articles") or []),
            "date_span": _date_span(s.get("first_published"), s.get("last_published")),
            "outlets": [o for o in s.get("outlets") or [] if o],
        }
        for s in stories
    ]
    return _page("index.html.j2", stories=rows, q=q, total=total, start=offset + 1,
                 prev_href=prev_href, next_href=next_href)  # fmt: skip


def story_page(story: dict[str, Any]) -> HTMLResponse:
    """The report page for one story, with a way back to the list and links to its articles."""
    html = render_html({"schema_version": "1.0", "generated": "", "stories": [story]})
    nav = Markup('<p class="sub" style="max-width:68rem;margin:1rem auto 0;padding:0 1.25rem">'
                 '<a href="/">\u2190 all stories</a></p>')  # fmt: skip
    links = Markup("").join(
        Markup('<li><a href="{}">{}</a> <span class="sub">{}</span></li>').format(
            article_href(str(a["id"])),
            a.get("title") or "(untitled)",
            " \u00b7 ".join(x for x in (a.get("source"), fmt_date(a.get("published"))) if x),
        )
        for a in story.get("articles") or []
        if isinstance(a, dict) and a.get("id")
    )
    texts = Markup('<nav class="index" aria-label="Article texts"><h2>Article texts</h2>'
                   '<ol class="story-list">{}</ol></nav>\n').format(links)  # fmt: skip
    html = _inject(html, '<body id="top">\n', nav, after=True)
    html = _inject(html, "</main>", texts, after=False)
    return HTMLResponse(html)


def _inject(html: str, marker: str, fragment: str, after: bool) -> str:
    at = html.find(marker)
    if at < 0:  # the report template changed: keep the page, lose the extra
        return html
    cut = at + len(marker) if after else at
    return html[:cut] + str(fragment) + html[cut:]  # str(): Markup + str would escape the page


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text.strip())
    if len(blocks) == 1:
        blocks = text.strip().splitlines()
    return [" ".join(b.split()) for b in blocks if b.strip()]


def article_page(article: Article, story: dict[str, Any] | None) -> HTMLResponse:
    meta = [
        ("Outlet", article.source),
        ("Original source", article.original_source),
        ("Authors", ", ".join(article.authors) or None),
        ("Published", fmt_date(article.published)),
        ("Language", article.language),
        ("Format", article.fmt),
        ("Read from", article.origin or None),
        ("Id", article.id),
        ("Id given in the input", article.external_id),
    ]
    return _page(
        "article.html.j2",
        article=article,
        url=safe_url(article.url),
        meta=[(k, v) for k, v in meta if v],
        paragraphs=_paragraphs(article.text),
        removed=list(article.removed),
        story={"href": story_href(str(story["id"])), "headline": story.get("headline") or story["id"]}
        if story
        else None,
    )


def error_page(status: int, message: str) -> HTMLResponse:
    return _page("error.html.j2", status=status, status_code=status, message=message)
