"""The re-check of small stories: a story that grows takes in a one-article story whose article would join it now."""

from __future__ import annotations

import numpy as np

from newsweave.settings import Settings
from newsweave.stages.cluster import StoryClusterer, content_terms
from newsweave.stages.cluster_split import Member
from newsweave.store.sqlite import SQLiteStore

# headlines of one event of the stream (Hugh Jackman named Oscar host, 2008) and of its ECB+ twin (DeGeneres, 2013)
JACKMAN = [
    "Hugh Jackman to host the 81st Academy Awards",
    "Australian actor Hugh Jackman was named on Friday as host of February's Oscars",
    "Hugh Jackman will be hosting the 81st Annual Academy Awards",
    "Oscar organizers on Friday unveiled Hugh Jackman as the host of their gala film awards",
    "The Academy announced Friday that Hugh Jackman will host the 81st Academy Awards",
]
LATE = "Wolverine star picked to front the Oscars telecast"  # says it in other words: no shared term with the first
ELLEN = "Comedian Ellen DeGeneres picked to host 2014 Oscars"
KW = {"threshold": 0.275, "entity_weight": 0.3, "lexical_weight": 0.4, "split_ratio": 0.8}  # the settings' defaults


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _stream() -> list[tuple[str, Member]]:
    """The first Jackman article, then one in other words that no story fits yet (it opens its own), then the other
    Jackman articles, then the DeGeneres one. Embeddings: the event's direction plus each article's own part, so
    two articles are far apart (cosine ~0.3) and an article is close to the mean of many (~0.5)."""
    rng = np.random.default_rng(1)
    event, other = _unit(rng.normal(size=64)), _unit(rng.normal(size=64))

    def art(title: str, direction: np.ndarray, ents: tuple[str, ...]) -> Member:
        return Member(_unit(direction + 1.4 * _unit(rng.normal(size=64))), ents, content_terms(title, ""), None)

    items = [("jackman-0", art(JACKMAN[0], event, ("academy awards",)))]
    items.append(("late", art(LATE, event, ("jackman", "wolverine"))))
    items += [(f"jackman-{i}", art(t, event, ("jackman", "academy awards"))) for i, t in enumerate(JACKMAN[1:], 1)]
    items.append(("ellen", art(ELLEN, 0.5 * event + other, ("degeneres", "oscars"))))
    return items


def _run(rejoin: int) -> tuple[StoryClusterer, dict[str, str]]:
    c = StoryClusterer(rejoin_size=rejoin, **KW)  # type: ignore[arg-type]
    got = {a: c.assign(a, m.vec, m.ents, None, m.terms) for a, m in _stream()}
    return c, {a: c.final_story(a, s) for a, s in got.items()}


def test_a_one_article_story_rejoins_the_story_of_its_event_once_that_grew() -> None:
    c, got = _run(0)
    assert got["late"] == "s-late"  # without the re-check it stays a story of its own
    c, got = _run(1)
    assert c.merged_into == {"s-late": "s-jackman-0"}
    assert got["late"] == got["jackman-4"] == "s-jackman-0"
    # taken in when the second Jackman article made the story look like it
    assert c.stories["s-jackman-0"].members[:3] == ["jackman-0", "jackman-1", "late"]
    assert sorted(st.row for st in c._live) == list(range(c.live_count))


def test_the_twin_events_article_is_not_taken_in() -> None:
    _, got = _run(1)
    assert got["ellen"] == "s-ellen"


def test_a_resumed_run_rejoins_a_stored_story_given_the_stored_features() -> None:
    """The one-article story was stored by an earlier run: its article's features are read back to re-check it.
    (Story merges off: here the story-level merge would take the article in too.)"""
    items = _stream()
    s = Settings(cluster_merge_threshold=0.0)
    straight = StoryClusterer.from_settings(s)
    placed = {a: straight.assign(a, m.vec, m.ents, None, m.terms) for a, m in items}
    expected = {a: straight.final_story(a, sid) for a, sid in placed.items()}
    assert expected["late"] == "s-jackman-0"
    store = SQLiteStore(":memory:")
    first = StoryClusterer.from_settings(s)
    got = {a: first.assign(a, m.vec, m.ents, None, m.terms) for a, m in items[:2]}
    store.save_clustering(first.changed_states(), {})
    store.save_term_df(*first.changed_df())
    feats = dict(items)
    resumed = StoryClusterer.from_settings(s, store.story_states(), store.term_df(),
                                           member_features=lambda ids: {a: feats[a] for a in ids})  # fmt: skip
    got.update({a: resumed.assign(a, m.vec, m.ents, None, m.terms) for a, m in items[2:]})
    assert {a: resumed.final_story(a, sid) for a, sid in got.items()} == expected
    # without the stored features the loaded story cannot be re-checked: it stays a story of its own
    blind = StoryClusterer.from_settings(s, store.story_states(), store.term_df())
    a, m = items[2]
    assert blind.final_story(a, blind.assign(a, m.vec, m.ents, None, m.terms)) == "s-jackman-0"
    assert "s-late" in blind.stories
    store.close()
