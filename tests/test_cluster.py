"""The streaming clusterer: joins similar articles, separates different ones, persists its state."""

from __future__ import annotations

import numpy as np

from newsweave.records import Analysis, Mention
from newsweave.stages.cluster import StoryClusterer, entity_keys


def _unit(v: list[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def test_similar_articles_join_and_different_ones_do_not() -> None:
    c = StoryClusterer(threshold=0.5, entity_weight=0.0)
    s1 = c.assign("a1", _unit([1, 0, 0]))
    s2 = c.assign("a2", _unit([0.9, 0.1, 0]))
    s3 = c.assign("a3", _unit([0, 1, 0]))
    assert s1 == s2 != s3
    assert s1 == "s1"


def test_entities_tip_the_balance() -> None:
    v1, v2 = _unit([1, 0]), _unit([0.6, 0.8])  # cosine 0.6
    plain = StoryClusterer(threshold=0.6, entity_weight=0.3)
    plain.assign("a1", v1, ("lavrov", "moscow"))
    assert plain.assign("a2", v2, ("obama",)) != "s1"
    withents = StoryClusterer(threshold=0.6, entity_weight=0.3)
    withents.assign("a1", v1, ("lavrov", "moscow"))
    assert withents.assign("a2", v2, ("lavrov", "moscow")) == "s1"


def test_time_gap_lowers_similarity() -> None:
    def second(published: str) -> str:
        c = StoryClusterer(threshold=0.55, entity_weight=0.0, time_window_days=30, time_penalty=0.2)
        c.assign("a1", _unit([1, 0]), published="2010-01-01")
        return c.assign("a2", _unit([0.6, 0.8]), published=published)  # cosine 0.6

    assert second("2010-01-05") == "s1"
    assert second("2012-06-01") != "s1"


def test_state_round_trip_continues_the_same_stories() -> None:
    c = StoryClusterer(threshold=0.5, entity_weight=0.0)
    c.assign("a1", _unit([1, 0, 0]))
    c.assign("a2", _unit([0, 0, 1]))
    states = c.changed_states()
    assert {s.id for s in states} == {"s1", "s2"}
    assert c.changed_states() == []
    c2 = StoryClusterer.from_states(states, threshold=0.5, entity_weight=0.0)
    assert c2.assign("a3", _unit([0.95, 0.05, 0])) == "s1"
    assert [s.members for s in c2.changed_states()] == [("a1", "a3")]


def test_entity_keys_use_surnames_and_skip_numbers() -> None:
    text = "Sergei Lavrov met Lavrov's aides in the Kremlin on 12 April with 87 people."
    ms = (Mention(0, 13, "Sergei Lavrov", "PERSON"), Mention(18, 26, "Lavrov's", "PERSON"),
          Mention(37, 48, "the Kremlin", "ORG"), Mention(52, 60, "12 April", "DATE"),
          Mention(66, 68, "87", "CARDINAL"))  # fmt: skip
    keys = entity_keys(Analysis("a", (), ms, ()))
    assert keys[0] == "lavrov" and "kremlin" in keys and "12 april" not in keys and len(keys) == 2
    assert text  # offsets above are illustrative
