"""The web app's HTML pages. The story page extends the report's page template (same view, same
pictures) with navigation and links to the article texts; the list and article pages are small
templates that share the report's stylesheet. Autoescape is on."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..records import Article
from ..report.render import TEMPLATES as REPORT_TEMPLATES
from ..report.render import Texts, first_words, fmt_date, html_context, outlets_via, safe_url, sort_stories
from ..report.tables import TABLES

__all__ = ["add_page", "article_page", "error_page", "index_page", "sort_stories", "story_page"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")  # fmt: skip

_ENV = Environment(
    loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(REPORT_TEMPLATES)]),
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


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def highlighted(snippet: str, highlights: list[list[int]]) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_match) segments, for the template to wrap matches in <mark>."""
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted((int(a), int(b)) for a, b in highlights):
        if start < at or end <= start:
            continue
        if start > at:
            out.append((snippet[at:start], False))
        out.append((snippet[start:end], True))
        at = end
    if at < len(snippet):
        out.append((snippet[at:], False))
    return out


def _hit_view(hit: dict[str, Any] | None) -> dict[str, Any] | None:
    if not hit:
        return None
    where = f"quote by {hit['title']}" if hit["kind"] == "quote" and hit.get("title") else hit["kind"]
    href = article_href(str(hit["article"])) if hit["kind"] == "article" and hit.get("article") else None
    return {"where": where, "href": href, "segments": highlighted(hit["snippet"], hit["highlights"])}


def index_page(stories: list[dict[str, Any]], q: str, total: int, offset: int, prev_href: str | None,
               next_href: str | None, hits: dict[str, dict[str, Any]] | None = None) -> HTMLResponse:  # fmt: skip
    """The story list; with a query, each story shows its best full-text hit with the words marked."""
    rows = [
        {
            "href": story_href(str(s["id"])),
            "headline": s.get("headline") or "(untitled story)",
            "size": s.get("size") or len(s.get("articles") or []),
            "date_span": _date_span(s.get("first_published"), s.get("last_published")),
            # named as the story page names them: "NPR (via Equipo Nizkor)", not two outlets for one source
            "outlets": [label for _, label in outlets_via([o for o in s.get("outlets") or [] if o],
                                                          [a for a in s.get("articles") or [] if isinstance(a, dict)])],
            "hit": _hit_view((hits or {}).get(str(s["id"]))),
        }
        for s in stories
    ]
    return _page("index.html.j2", stories=rows, q=q, total=total, start=offset + 1,
                 prev_href=prev_href, next_href=next_href)  # fmt: skip


def span_href(article_id: str, start: int, end: int) -> str:
    """The article page with a span of its text marked and scrolled to."""
    return f"{article_href(article_id)}?hl={start}-{end}#hl"


def story_page(story: dict[str, Any], texts: Texts | None = None) -> HTMLResponse:
    """The report's page for one story, with a way back to the list and links to its article texts.

    ``texts`` (article id -> text and sentence spans) lets each summary citation show its sentence."""
    context = html_context({"schema_version": "1.0", "generated": "", "stories": [story]}, texts, span_href,
                           entity_href, article_href)  # fmt: skip
    known = texts or {}
    links = [
        {
            "href": article_href(str(a["id"])),
            "title": a.get("title"),
            # no title: its first words (with the text at hand), shown as such
            "lead": None if a.get("title") or str(a["id"]) not in known else first_words(known[str(a["id"])][0]),
            "sub": " \u00b7 ".join(x for x in (a.get("source"), fmt_date(a.get("published"))) if x),
        }
        for a in story.get("articles") or []
        if isinstance(a, dict) and a.get("id")
    ]
    return HTMLResponse(_ENV.get_template("story.html.j2").render(**context, article_links=links, tables=list(TABLES)))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph offsets: blocks between blank lines, or lines when there is no blank line."""
    for sep in (r"\n\s*\n", r"\n"):
        spans, at = [], 0
        for m in re.finditer(sep, text):
            spans.append((at, m.start()))
            at = m.end()
        spans.append((at, len(text)))
        spans = [(a, b) for a, b in spans if text[a:b].strip()]
        if len(spans) > 1:
            break
    return spans


def paragraphs(text: str, mark: tuple[int, int] | None = None) -> list[list[dict[str, Any]]]:
    """The text as paragraphs of segments ``{"text", "mark", "anchor"}``, whitespace collapsed;
    the characters in ``mark`` (start, end) are marked, the first marked segment is the anchor."""
    out = []
    anchored = False
    for a, b in _blocks(text):
        cuts = [a, b]
        if mark and mark[0] < b and mark[1] > a:
            cuts = [a, max(a, mark[0]), min(b, mark[1]), b]
        segs: list[dict[str, Any]] = []
        for i, (x, y) in enumerate(zip(cuts, cuts[1:], strict=False)):
            piece = re.sub(r"\s+", " ", text[x:y])
            if not piece:
                continue
            marked = len(cuts) == 4 and i == 1
            segs.append({"text": piece, "mark": marked, "anchor": marked and not anchored})
            anchored = anchored or marked
        if segs:
            segs[0]["text"] = segs[0]["text"].lstrip()
            segs[-1]["text"] = segs[-1]["text"].rstrip()
            out.append([seg for seg in segs if seg["text"]])
    return out


def article_page(article: Article, story: dict[str, Any] | None, mark: tuple[int, int] | None = None) -> HTMLResponse:
    meta = [
        ("Outlet", article.source),
        ("Original source", article.original_source),
        ("Authors", ", ".join(article.authors) or None),
        ("Published", fmt_date(article.published)),
        ("Language", article.language),
    ]
    record = [  # where the text was read from: for checking, not for reading (folded on the page)
        ("Read from", article.origin or None),
        ("Format", article.fmt),
        ("Id", article.id),
        ("Id given in the input", article.external_id),
    ]
    return _page(
        "article.html.j2",
        article=article,
        lead=None if article.title else first_words(article.text),
        url=safe_url(article.url),
        meta=[(k, v) for k, v in meta if v],
        record=[(k, v) for k, v in record if v],
        paragraphs=paragraphs(article.text, mark),
        marked=mark is not None,
        removed=list(article.removed),
        story={"href": story_href(str(story["id"])), "headline": story.get("headline") or story["id"]}
        if story
        else None,
    )


def entity_page(entity: dict[str, Any], stories: list[dict[str, Any]]) -> HTMLResponse:
    """One entity across stories: its names and the stories it is in (``store.entity`` and the
    stories' reports), biggest story first."""
    by_id = {str(s["id"]): s for s in stories}
    rows = []
    for link in entity["stories"]:
        s = by_id.get(str(link["story"]))
        if s is None:
            continue
        rows.append({
            "href": story_href(str(s["id"])), "headline": s.get("headline") or "(untitled story)",
            "size": s.get("size") or 0, "date_span": _date_span(s.get("first_published"), s.get("last_published")),
            "name": link["name"], "mentions": link["mentions"],
        })  # fmt: skip
    rows.sort(key=lambda r: (-r["size"], r["headline"]))
    kind = _KIND.get(str(entity.get("label")), str(entity.get("label") or "entity").lower())
    return _page("entity.html.j2", entity=entity, stories=rows, kind=kind)


# an entity's label as a reader names its kind (the label stays in the API); OTHER is listed under "Other names"
# in a story: a bare "Name" under the heading told nothing
_KIND = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Location", "NORP": "Group",
         "FAC": "Facility", "EVENT": "Event", "VESSEL": "Vessel", "WORK_OF_ART": "Work",
         "OTHER": "Name of no known kind"}  # fmt: skip


def add_page(action: str, accept: str, max_mb: float, result: dict[str, Any] | None = None,
             error: str | None = None, status: int = 200, closed: bool = False) -> HTMLResponse:  # fmt: skip
    """The upload form, with the outcome of the last upload (counts and skipped inputs) or its error; ``closed``
    (a read-only server): the ``error`` says why, as a plain note, and no form is offered that would be refused."""
    return _page("add.html.j2", status=status, action=action, accept=accept, max_mb=f"{max_mb:g}",
                 result=result, error=error, closed=closed)  # fmt: skip


def error_page(status: int, message: str) -> HTMLResponse:
    return _page("error.html.j2", status=status, status_code=status, message=message)
