"""Flat tables of a stories document (stories.json) as CSV, for spreadsheets and notebooks.

One table per kind of record a reader tallies: the quote ledger (one row per wording), the articles,
the entities, the numbers, the timeline and the claims of the comparison. Every row starts with the
story's id and headline, so tables of several stories can be filtered and joined; lists (outlets,
article ids, variants) are joined with "; ". The values are the document's, not the reports' display
forms: an unnamed outlet keeps its input file, quote marks stay as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Row = dict[str, Any]


def _join(values: Iterable[Any] | None) -> str:
    return "; ".join(str(v) for v in values or () if v is not None and str(v) != "")


def _urls(story: dict[str, Any], ids: Iterable[Any]) -> str:
    url_of = {a.get("id"): a.get("url") for a in story.get("articles") or [] if isinstance(a, dict)}
    return _join(url_of.get(i) for i in ids or ())


def other_event_articles(story: dict[str, Any]) -> set[str]:
    """The ids of the articles of a story's other events (``sub_events``): the summary does not follow them."""
    return {str(i) for e in story.get("sub_events") or [] if isinstance(e, dict) for i in e.get("articles") or []}


def in_other_event(ids: Iterable[Any], other: set[str]) -> bool:
    """Whether all these articles (one at least) are of the story's other events (``other_event_articles``)."""
    found = [str(i) for i in ids if i is not None]
    return bool(other and found) and all(i in other for i in found)


def _quotes(story: dict[str, Any]) -> Iterator[Row]:
    other = other_event_articles(story)
    for n, q in enumerate(story.get("quotes") or [], 1):
        for w in q.get("wordings") or []:
            ids = w.get("articles") or []
            yield {
                "entry": n,
                "speaker": q.get("speaker") or "",
                "speaker_description": q.get("speaker_description") or "",
                "direct": bool(w.get("direct", q.get("direct", True))),
                "cue": q.get("cue") or "",
                "channel": q.get("channel") or "",
                "wording": w.get("text") or "",
                "outlets": _join(w.get("outlets")),
                "articles": _join(ids),
                "urls": _urls(story, ids),
                "other_event": in_other_event(ids, other),
            }


def _articles(story: dict[str, Any]) -> Iterator[Row]:
    other = other_event_articles(story)
    for a in story.get("articles") or []:
        yield {
            "article": a.get("id") or "",
            "title": a.get("title") or "",
            "outlet": a.get("source") or "",
            "original_source": a.get("original_source") or "",
            "authors": _join(a.get("authors")),
            "published": a.get("published") or "",
            "url": a.get("url") or "",
            "language": a.get("language") or "",
            "words": a.get("words") if a.get("words") is not None else "",
            "copy_of": a.get("copy_of") or "",
            "origin": a.get("origin") or "",
            "other_event": str(a.get("id")) in other,
        }


def _entities(story: dict[str, Any]) -> Iterator[Row]:
    for e in story.get("entities") or []:
        yield {
            "entity": e.get("id") or "",
            "name": e.get("name") or "",
            "label": e.get("label") or "",
            "mentions": e.get("mentions") if e.get("mentions") is not None else "",
            "variants": _join(e.get("variants")),
            "roles": _join(e.get("roles")),
            "articles": _join(e.get("articles")),
        }


def _numbers(story: dict[str, Any]) -> Iterator[Row]:
    for x in story.get("numbers") or []:
        yield {
            "value": x.get("value") if x.get("value") is not None else "",
            "qualifiers": _join(x.get("qualifiers")),
            "unit": x.get("unit") or "",
            "counts": x.get("counts") or "",
            "verbs": _join(x.get("verbs")),
            "as_written": x.get("text") or "",
            "articles": _join(x.get("articles")),
            "conflict": bool(x.get("conflict")),
        }


def _timeline(story: dict[str, Any]) -> Iterator[Row]:
    other = other_event_articles(story)
    for t in story.get("timeline") or []:
        ids = t.get("articles") or ([t["article"]] if t.get("article") else [])
        yield {
            "date": t.get("date") or "",
            "granularity": t.get("granularity") or "",
            "approximate": bool(t.get("approximate")),
            "text": t.get("text") or "",
            "expressions": _join(t.get("expressions")),
            "articles": _join(ids),
            "other_event": in_other_event(ids, other),
        }


def _claims(story: dict[str, Any]) -> Iterator[Row]:
    cmp = story.get("comparison") or {}
    for c in cmp.get("corroborated") or []:
        yield {"kind": "corroborated", "about": "", "text": c.get("text") or "", "outlets": _join(c.get("outlets")),
               "articles": _join(c.get("articles")), "value": ""}  # fmt: skip
    for u in cmp.get("unique") or []:
        yield {"kind": "one outlet", "about": "", "text": u.get("text") or "", "outlets": u.get("outlet") or "",
               "articles": u.get("article") or "", "value": ""}  # fmt: skip
    for n, k in enumerate(cmp.get("conflicting") or [], 1):
        kind = "possible conflict" if k.get("tentative") else "conflict"  # a negation alone: to check
        for c in k.get("claims") or []:
            yield {"kind": kind, "about": f"{n}: {k.get('about') or ''}", "text": c.get("text") or "",
                   "outlets": c.get("outlet") or "", "articles": c.get("article") or "",
                   "value": c.get("value") if c.get("value") is not None else ""}  # fmt: skip


TABLES: dict[str, Callable[[dict[str, Any]], Iterator[Row]]] = {
    "quotes": _quotes,
    "articles": _articles,
    "entities": _entities,
    "numbers": _numbers,
    "timeline": _timeline,
    "claims": _claims,
}


def table_rows(doc: dict[str, Any], table: str) -> list[Row]:
    """The rows of one table (a key of ``TABLES``) over every story of ``doc``, each led by the story's
    id and headline."""
    if table not in TABLES:
        raise ValueError(f"no table {table!r}: choose one of {', '.join(TABLES)}")
    rows = []
    for s in doc.get("stories") or []:
        if isinstance(s, dict):
            head = {"story": s.get("id") or "", "headline": s.get("headline") or ""}
            rows += [{**head, **r} for r in TABLES[table](s)]
    return rows


def render_csv(doc: dict[str, Any], table: str) -> str:
    """One table of ``doc`` as CSV text with a header row (RFC 4180 quoting, "\\r\\n" line ends as the
    csv module writes them); an empty table is its header alone."""
    rows = table_rows(doc, table)
    if rows:
        fields = list(rows[0])
    else:  # the header of an empty table: the columns a row would have
        fields = ["story", "headline", *next(iter(TABLES[table](_SAMPLE[table])), {})]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# one record of each kind, for the header of an empty table
_SAMPLE: dict[str, dict[str, Any]] = {
    "quotes": {"quotes": [{"wordings": [{}]}]},
    "articles": {"articles": [{}]},
    "entities": {"entities": [{}]},
    "numbers": {"numbers": [{}]},
    "timeline": {"timeline": [{}]},
    "claims": {"comparison": {"corroborated": [{}]}},
}
