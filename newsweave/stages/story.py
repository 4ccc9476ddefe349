"""Analyse one story: its articles and copies, headline, entities, quote ledger, cited summary,
timeline, numbers and the cross-source comparison."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..records import Analysis, Article, Quote
from .compare import TextEmbedder, compare_sources, outlet_of
from .dedupe import DuplicateIndex
from .entities import canonical_lookup, resolve_entities
from .facts import story_facts
from .ledger import build_ledger
from .summarize import Summarizer, SummaryDoc


def find_copies(articles: list[Article]) -> dict[str, str]:
    """Near-identical texts within a story (MinHash LSH with a Jaccard/containment recheck):
    copy id -> original id, the original being the earliest published."""
    index = DuplicateIndex()
    for a in articles:
        index.add(a.id, a.text, a.published, a.source)
    return index.original_of(a.id for a in articles)


def headline(articles: list[Article], vectors: list[np.ndarray]) -> str:
    """The title of the article closest to the story centroid (or its first sentence)."""
    if vectors:
        c = np.mean(vectors, axis=0)
        order = np.argsort(-(np.stack(vectors) @ c), kind="stable")
    else:
        order = np.arange(len(articles))
    for i in order:
        if articles[int(i)].title:
            return str(articles[int(i)].title)
    text = articles[int(order[0])].text.strip()
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return first[:120] + ("…" if len(first) > 120 else "")


def analyse_story(story_id: str, articles: list[Article], analyses: dict[str, Analysis],
                  vectors: dict[str, np.ndarray], summary_words: int = 100,
                  embedder: TextEmbedder | None = None) -> dict[str, Any]:  # fmt: skip
    """The story's report record (see schema/stories.schema.json). With an embedder, the comparison
    also matches paraphrased claims."""
    copies = find_copies(articles)
    mentions = ((a.id, m) for a in articles if a.id in analyses for m in analyses[a.id].mentions)
    entities, canon = resolve_entities(mentions, texts={a.id: a.text for a in articles})
    lookup = canonical_lookup(canon)
    items: list[tuple[str, str | None, str, Quote]] = []
    for a in articles:
        an = analyses.get(a.id)
        for q in an.quotes if an else ():
            if q.speaker_name:
                q = _with_speaker(q, lookup(q.speaker_name))
            items.append((a.id, outlet_of(a), a.text, q))  # the same outlet names as the comparison
    ledger = build_ledger(items, canonical=lookup)
    docs = [
        SummaryDoc(a.id, a.text, analyses[a.id].sentences, a.published, a.title)
        for a in articles if a.id in analyses and a.id not in copies
    ]  # fmt: skip
    summary = Summarizer(words=summary_words).summarize(docs)
    dates = sorted(a.published[:10] for a in articles if a.published)
    outlets = sorted({o for a in articles for o in (a.source, a.original_source) if o})
    timeline, numbers = story_facts(articles, analyses)
    return {
        "id": story_id,
        "headline": headline(articles, [vectors[a.id] for a in articles if a.id in vectors]),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "size": len(articles),
        "outlets": outlets,
        "articles": [_article_entry(a, copies.get(a.id)) for a in articles],
        "summary": summary,
        "quotes": ledger,
        "entities": [e for e in entities if e["label"] in ("PERSON", "ORG", "GPE", "LOC", "NORP",
                                                           "FAC", "EVENT")],
        "timeline": timeline,
        "numbers": numbers,
        "comparison": compare_sources(articles, analyses, copies, numbers, embedder=embedder),
    }  # fmt: skip


def _with_speaker(q: Any, name: str) -> Any:
    from dataclasses import replace

    return replace(q, speaker_name=name)


def _article_entry(a: Article, copy_of: str | None) -> dict[str, Any]:
    return {
        "id": a.id,
        "external_id": a.external_id,
        "title": a.title,
        "source": a.source,
        "original_source": a.original_source,
        "authors": list(a.authors),
        "published": a.published,
        "url": a.url,
        "language": a.language,
        "origin": a.origin,
        "words": len(a.text.split()),
        "copy_of": copy_of,
    }
