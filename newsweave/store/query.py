"""Finding stories in a store: the filters the web app and ``newsweave stories`` share.

A story here is its report record (as in stories.json). ``q`` matches a story when all its words
are in the headline or summary, or when an article or quote of the story matches the store's
full-text index; ``outlet`` and ``entity`` are case-insensitive substrings; ``since``/``until``
(``YYYY-MM-DD``) keep the stories whose publication span overlaps them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .sqlite import SQLiteStore

SEARCH_STORY_HITS = 5000  # full-text hits read to find the stories a query matches
SORTS = ("size", "recent")
STORY_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")  # no LIKE wildcards reach the store's prefix match


class AmbiguousStoryId(LookupError):
    """A story id prefix that more than one story starts with; ``matches`` are their ids, sorted."""

    def __init__(self, prefix: str, matches: list[str]) -> None:
        self.prefix, self.matches = prefix, matches
        shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
        super().__init__(f"story id prefix {prefix!r} is ambiguous: {shown}")


def story_summary(s: dict[str, Any]) -> dict[str, Any]:
    """The short record of a story list: id, headline, size, first/last published, outlets."""
    return {
        "id": s["id"],
        "headline": s.get("headline"),
        "size": int(s.get("size") or len(s.get("articles") or [])),
        "first_published": s.get("first_published"),
        "last_published": s.get("last_published"),
        "outlets": list(s.get("outlets") or []),
    }


def _any_contains(needle: str, values: Iterator[Any]) -> bool:
    return any(needle in str(v).casefold() for v in values if v)


def story_matches(s: dict[str, Any], q: str | None = None, outlet: str | None = None, entity: str | None = None,
                  since: str | None = None, until: str | None = None) -> bool:  # fmt: skip
    """Case-insensitive: every word of ``q`` in headline or summary; outlet/entity substrings; date overlap."""
    if q:
        summary = s.get("summary") or {}
        hay = f"{s.get('headline') or ''}\n{summary.get('text') or ''}".casefold()
        if not all(word in hay for word in q.casefold().split()):
            return False
    if outlet:
        sources = (a.get("source") for a in s.get("articles") or [] if isinstance(a, dict))
        if not _any_contains(outlet.casefold(), iter([*(s.get("outlets") or []), *sources])):
            return False
    if entity:
        names = (n for e in s.get("entities") or [] if isinstance(e, dict)
                 for n in [e.get("name"), *(e.get("variants") or [])])  # fmt: skip
        if not _any_contains(entity.casefold(), names):
            return False
    first = str(s.get("first_published") or "")[:10]
    last = str(s.get("last_published") or "")[:10] or first
    if since and (not last or last < since[:10]):
        return False
    return not (until and (not first or first > until[:10]))


def sort_by(stories: list[dict[str, Any]], sort: str = "size") -> list[dict[str, Any]]:
    """``size``: biggest first, then newest (the report's order); ``recent``: newest first, then biggest."""
    from ..report.render import sort_stories

    by_size = sort_stories(stories)
    if sort == "size":
        return by_size
    if sort != "recent":
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    return sorted(by_size, key=lambda s: str(s.get("last_published") or s.get("first_published") or ""), reverse=True)


def find_stories(store: SQLiteStore, q: str | None = None, outlet: str | None = None, entity: str | None = None,
                 since: str | None = None, until: str | None = None,
                 sort: str = "size") -> list[dict[str, Any]]:  # fmt: skip
    """The stories of ``store`` that pass every filter given, in ``sort`` order (see the module's docstring)."""
    stories = sort_by(store.story_reports(), sort)
    matched = {h["story"] for h in store.search(q, SEARCH_STORY_HITS, snippets=False)} if q else set()
    return [s for s in stories if story_matches(s, None, outlet, entity, since, until)
            and (not q or s["id"] in matched or story_matches(s, q))]  # fmt: skip


def find_story(store: SQLiteStore, story_id: str) -> dict[str, Any] | None:
    """One story by id or id prefix; None when no story has it; AmbiguousStoryId for a prefix of several."""
    if not STORY_ID.match(story_id):
        return None
    story = store.story_report(story_id)
    if story is None or story["id"] == story_id:
        return story
    matches = sorted(sid for sid in store.story_members() if sid.startswith(story_id))
    if len(matches) > 1:
        raise AmbiguousStoryId(story_id, matches)
    return story
