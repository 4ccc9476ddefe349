"""The store interface. SQLite is the embedded default; other back ends implement the same Protocol."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import numpy as np

from ..records import Analysis, Article, KnownEntity, Skip, StoryState


class Store(Protocol):
    def existing_ids(self, ids: Iterable[str]) -> set[str]: ...

    def known_inputs(self, hashes: Iterable[str]) -> set[str]:
        """Which raw-input fingerprints (``Article.input_hash``) are stored already."""
        ...

    def add_analysed(self, items: list[tuple[Article, Analysis, np.ndarray]]) -> int:
        """Store articles with their analysis and embedding in one transaction; duplicates are
        ignored (ids are content hashes). Returns how many were new."""
        ...

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]: ...

    def analyses(self, ids: Iterable[str]) -> dict[str, Analysis]: ...

    def embeddings(self, ids: Iterable[str]) -> dict[str, np.ndarray]: ...

    def sentence_vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """Cached sentence embeddings by key (``embed.CachedEmbedder``); unknown keys are absent."""
        ...

    def save_sentence_vectors(self, vectors: dict[str, np.ndarray]) -> None:
        """Add sentence embeddings to the cache (keys already there keep their vector)."""
        ...

    def story_states(self) -> list[StoryState]: ...

    def save_clustering(self, states: list[StoryState], assignments: dict[str, str]) -> None: ...

    def term_df(self) -> tuple[int, dict[str, int]]:
        """The clusterer's document frequencies: articles counted, and per term how many contain it."""
        ...

    def save_term_df(self, n_docs: int, df: dict[str, int]) -> None:
        """Replace the counts of the given terms (absolute values, so saving twice is harmless)."""
        ...

    def save_story_reports(self, reports: dict[str, dict[str, Any]]) -> None: ...

    def story_reports(self) -> list[dict[str, Any]]: ...

    def story_report(self, story_id: str) -> dict[str, Any] | None: ...

    def entity_candidates(self, keys: Iterable[str]) -> list[KnownEntity]:
        """Entities across stories found under any of the blocking keys (``stages.registry``)."""
        ...

    def save_entity_links(self, story_id: str, links: list[tuple[KnownEntity, str, int, list[str]]]) -> None:
        """Replace one story's entity links (entity with the story's names, label, mentions, keys)."""
        ...

    def prune_entity_links(self) -> int:
        """Drop the links of stories that no longer exist; returns how many stories."""
        ...

    def unlinked_stories(self) -> list[str]:
        """Stories whose report lists entities but which have no entity links."""
        ...

    def entities(self, query: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Entities across stories, most stories first, optionally those with a name containing ``query``."""
        ...

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity with the stories it is in."""
        ...

    def search(self, query: str, limit: int = 20, snippets: bool = True) -> list[dict[str, Any]]:
        """Full-text search over article titles and texts and quote wordings and speakers: hits with
        ``kind`` (article|quote), ``story``, ``article``, ``title``, ``snippet``, ``highlights``."""
        ...

    def log_skips(self, skips: list[Skip]) -> None: ...

    def close(self) -> None: ...


def open_store(path: str) -> Store:
    from .sqlite import SQLiteStore

    return SQLiteStore(path)
