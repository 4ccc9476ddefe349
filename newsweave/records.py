"""Immutable records passed between stages.

Annotations are offset spans into an article's cleaned ``text`` (like spaCy's ``Span``), never
copies detached from their source, so every quote, entity and summary sentence can be traced back.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_id(prefix: str, *parts: str | None) -> str:
    """A stable id from content: the same input always yields the same id."""
    h = hashlib.sha256()
    for p in parts:
        h.update((p or "").encode("utf-8"))
        h.update(b"\x1f")
    return f"{prefix}{h.hexdigest()[:16]}"


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of an article's text, with the text they cover."""

    start: int
    end: int
    text: str

    def to_list(self) -> list[Any]:
        return [self.start, self.end, self.text]

    @classmethod
    def from_list(cls, v: list[Any] | None) -> Span | None:
        return None if v is None else cls(int(v[0]), int(v[1]), str(v[2]))


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``id`` is a hash of title and text, so re-ingesting is idempotent."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None  # the outlet that published this copy (site, blog, wire)
    original_source: str | None = None  # the outlet the text says it comes from ("NPR", "AFP")
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    url: str | None = None
    language: str | None = None
    origin: str = ""  # file path (and line for .jsonl) it was read from
    external_id: str | None = None  # the id given in the input, if any
    removed: tuple[str, ...] = ()  # lines dropped as page furniture (text dumps)
    fmt: str = "txt"
    # hash of the raw file it was extracted from (.txt, .html): a later run of a newer extractor, which
    # may find another title or text (so another id), still knows the file is stored
    input_hash: str | None = None

    @staticmethod
    def make_id(title: str | None, text: str, source: str | None = None) -> str:
        """Hash of title, text and outlet: the same article read twice is one record, while the
        same text published by another outlet (syndication) is a record of its own."""
        parts = [(title or "").strip(), " ".join(text.split())]
        if source:
            parts.append(source.strip().lower())
        return content_id("a", *parts)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["authors"] = list(self.authors)
        d["removed"] = list(self.removed)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        d = dict(d)
        d["authors"] = tuple(d.get("authors") or ())
        d["removed"] = tuple(d.get("removed") or ())
        return cls(**d)


@dataclass(frozen=True)
class Skip:
    """An input that could not be read, and why (shown to the user, nothing else is lost)."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Mention:
    """A named-entity mention in one article."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE...


@dataclass(frozen=True)
class Quote:
    """A quotation in one article: what was said, by whom, through which cue and channel."""

    content: Span
    speaker: Span | None = None
    speaker_name: str | None = None
    cue: Span | None = None
    channel: str | None = None  # "Mir television", "Tass"
    direct: bool = True
    parts: tuple[Span, ...] = ()  # fragments when the quote is split around its cue

    def to_dict(self) -> dict[str, Any]:
        return {
            "content": self.content.to_list(),
            "speaker": self.speaker.to_list() if self.speaker else None,
            "speaker_name": self.speaker_name,
            "cue": self.cue.to_list() if self.cue else None,
            "channel": self.channel,
            "direct": self.direct,
            "parts": [p.to_list() for p in self.parts],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        content = Span.from_list(d["content"])
        assert content is not None
        return cls(
            content=content,
            speaker=Span.from_list(d.get("speaker")),
            speaker_name=d.get("speaker_name"),
            cue=Span.from_list(d.get("cue")),
            channel=d.get("channel"),
            direct=bool(d.get("direct", True)),
            parts=tuple(p for p in (Span.from_list(x) for x in d.get("parts") or []) if p),
        )


@dataclass(frozen=True)
class Analysis:
    """What the NLP stages found in one article."""

    article_id: str
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": [list(s) for s in self.sentences],
            "mentions": [[m.start, m.end, m.text, m.label] for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, article_id: str, d: dict[str, Any]) -> Analysis:
        return cls(
            article_id=article_id,
            sentences=tuple((int(a), int(b)) for a, b in d["sentences"]),
            mentions=tuple(Mention(int(a), int(b), str(t), str(lab)) for a, b, t, lab in d["mentions"]),
            quotes=tuple(Quote.from_dict(q) for q in d["quotes"]),
        )


@dataclass(frozen=True)
class KnownEntity:
    """An entity across stories as the store knows it (``stages.registry``): its id, canonical name,
    label family (PERSON, ORG, PLACE or another label) and every name used for it."""

    id: str
    name: str
    family: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class StoryState:
    """The clusterer's view of a story: members, centroid and time span."""

    id: str
    members: tuple[str, ...]
    centroid: tuple[float, ...]
    entities: tuple[tuple[str, int], ...] = ()  # entity key -> number of member articles
    first: str | None = None
    last: str | None = None
    terms: tuple[tuple[str, int], ...] = ()  # the story's top content terms (title + lead) with counts


@dataclass(frozen=True)
class StoryReport:
    """A fully analysed story, as written to stories.json (see schema/stories.schema.json)."""

    data: dict[str, Any] = field(default_factory=dict)
