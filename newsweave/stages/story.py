"""Analyse one story: its articles and copies, headline, entities, quote ledger, cited summary,
timeline, numbers and the cross-source comparison."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..records import Analysis, Article, Quote
from .compare import TextEmbedder, compare_sources, outlet_name, outlet_of
from .dedupe import DuplicateIndex
from .entities import canonical_lookup, resolve_entities
from .facts import story_facts
from .ledger import build_ledger
from .registry import LINKED_LABELS
from .summarize import Summarizer, SummaryDoc
from .textutil import PERSON_PRONOUNS


def find_copies(articles: list[Article]) -> dict[str, str]:
    """Near-identical texts within a story (MinHash LSH with a Jaccard/containment recheck):
    copy id -> original id, the original being the earliest published."""
    index = DuplicateIndex()
    for a in articles:
        index.add(a.id, a.text, a.published, a.source)
    return index.original_of(a.id for a in articles)


HEADLINE_CHARS = 110  # a headline made from a first sentence is cut to about this length

# a wire dateline before the first sentence: "MANILA, Philippines (AP) _ ", "WASHINGTON _ ", "PARIS (Reuters) - "
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s+[A-Z][\w .'’-]*?)?\s*(?:\([A-Za-z .-]+\)\s*)?[_\u2013\u2014-]+\s+")
_WIRE_NOTE = re.compile(r"(?i)^(?:eds?:|editor'?s note|ap photos?\b|by [A-Z][a-z]+ [A-Z])")
_END = re.compile(r"(\S*)[.!?](?=\s)")
# words a full stop follows without ending the sentence ("on Sept. 5", "Gov. Palin", "U.S.")
_ABBREV = frozenset("mr mrs ms dr st jr sr no gen sen rep gov lt col capt sgt prof jan feb mar apr jun jul aug sep "
                    "sept oct nov dec inc corp co vs".split())  # fmt: skip


def headline(articles: list[Article], vectors: list[np.ndarray]) -> str:
    """The title of the article closest to the story centroid. When no article has a title: the first
    sentence of one of the most central articles, its wire dateline and heading lines dropped, the
    first short one of the five most central when the closest one is long, cut at a clause or a word near
    ``HEADLINE_CHARS`` characters."""
    if vectors:
        c = np.mean(vectors, axis=0)
        order = [int(i) for i in np.argsort(-(np.stack(vectors) @ c), kind="stable")]
    else:
        order = list(range(len(articles)))
    for i in order:
        if articles[i].title:
            return _no_full_stop(str(articles[i].title))
    firsts = [s for s in (_first_sentence(articles[i].text) for i in order[:5]) if s]
    if not firsts:
        return "(untitled story)"
    short = [s for s in firsts if len(s) <= HEADLINE_CHARS]
    return _no_full_stop(short[0]) if short else _cut(firsts[0])


def _no_full_stop(line: str) -> str:
    """A headline without the full stop some sites end titles with ("Watergate figure Fred LaRue dies.");
    an abbreviation's stop stays ("... to join Exxon Corp.", "... in the U.S.")."""
    line = line.strip()
    if not line.endswith(".") or line.endswith(".."):
        return line
    word = line[:-1].rsplit(" ", 1)[-1].lower()
    return line if word in _ABBREV or "." in word or len(word) <= 1 else line[:-1]


def _first_sentence(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    # headings ("NATIONAL FORECAST"), wire notes ("Eds: UPDATES with ...", "AP Photo XYZ101") and bylines
    while len(lines) > 1 and (lines[0].isupper() or len(lines[0].split()) <= 3 or _WIRE_NOTE.match(lines[0])):
        lines.pop(0)
    body = _DATELINE.sub("", " ".join(lines), count=1)
    for m in _END.finditer(body):
        word = m.group(1).lower().rstrip(".")
        if word in _ABBREV or len(word) <= 1 or "." in word:  # "Sept.", "J.", "U.S."
            continue
        return body[: m.end()]
    return body


def _cut(sentence: str) -> str:
    """A long sentence cut at its last clause boundary (or else word) before ``HEADLINE_CHARS``."""
    head = sentence[: HEADLINE_CHARS + 1]
    for sep in (", ", " \u2014 ", " - ", "; "):
        at = head.rfind(sep)
        if at >= HEADLINE_CHARS // 2:
            return head[:at] + " …"
    return head.rsplit(" ", 1)[0] + " …"


def analyse_story(story_id: str, articles: list[Article], analyses: dict[str, Analysis],
                  vectors: dict[str, np.ndarray], summary_words: int = 100,
                  embedder: TextEmbedder | None = None) -> dict[str, Any]:  # fmt: skip
    """The story's report record (see schema/stories.schema.json). With an embedder, the comparison
    also matches paraphrased claims."""
    copies = find_copies(articles)
    mentions = ((a.id, m) for a in articles if a.id in analyses for m in analyses[a.id].mentions)
    entities, canon = resolve_entities(mentions, texts={a.id: a.text for a in articles})
    lookup = canonical_lookup(canon)
    kind = {e["name"]: e["label"] for e in entities}
    items: list[tuple[str, str | None, str, Quote]] = []
    for a in articles:
        an = analyses.get(a.id)
        for q in an.quotes if an else ():
            if q.speaker_name:
                name = lookup(q.speaker_name)
                # "he" or "she" is a person: a name the story knows as an organisation or a place was a
                # wrong antecedent ('"...," he told Wikinews.' then '"...," he added.' -> "Wikinews")
                he = q.speaker is not None and q.speaker.text.lower() in PERSON_PRONOUNS
                q = _with_speaker(q, None if he and kind.get(name, "PERSON") != "PERSON" else name)
            items.append((a.id, outlet_of(a), a.text, q))  # the same outlet names as the comparison
    ledger = build_ledger(items, canonical=lookup)
    docs = [
        SummaryDoc(a.id, a.text, analyses[a.id].sentences, a.published, a.title)
        for a in articles if a.id in analyses and a.id not in copies
    ]  # fmt: skip
    summary = Summarizer(words=summary_words).summarize(docs)
    dates = sorted(a.published[:10] for a in articles if a.published)
    outlets = sorted({outlet_name(o) for a in articles for o in (a.source, a.original_source) if o})
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
        "entities": [e for e in entities if e["label"] in LINKED_LABELS],
        "timeline": timeline,
        "numbers": numbers,
        "comparison": compare_sources(articles, analyses, copies, numbers, embedder=embedder),
    }  # fmt: skip


def _with_speaker(q: Any, name: str | None) -> Any:
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
