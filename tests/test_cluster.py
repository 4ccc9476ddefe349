"""The streaming clusterer: joins similar articles, separates different ones, persists its state."""

from __future__ import annotations

import numpy as np

from newsweave.records import Analysis, Mention
from newsweave.stages.cluster import StoryClusterer, content_terms, entity_keys
from newsweave.store.sqlite import SQLiteStore


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


def test_content_terms_keep_content_words_of_title_and_lead() -> None:
    terms = content_terms("Quake hits Chile", "The 8.8 earthquake said to hit Chile's coast. " + "x" * 50 + " tail", 60)
    assert terms["chile"] == 2 and terms["quake"] == 1 and terms["earthquake"] == 1
    assert "the" not in terms and "said" not in terms and "8.8" not in terms and "tail" not in terms


def test_shared_rare_terms_tip_the_balance() -> None:
    v1, v2 = _unit([1, 0]), _unit([0.5, 0.866])  # cosine 0.5
    common = {"police": 1, "city": 1}

    def second(terms: dict[str, int]) -> str:
        c = StoryClusterer(threshold=0.5, entity_weight=0.0, lexical_weight=0.4)
        for k in range(5):  # other articles make "police" and "city" common terms
            c.assign(f"a-other{k}", _unit([-1, 0.01 * k]), terms=common)
        c.assign("a1", v1, terms={"tunnel": 2, "collapse": 1, **common})
        return c.assign("a2", v2, terms=terms)

    assert second({"tunnel": 1, "collapse": 1}) == "s1"
    assert second(common) != "s1"  # only common words in common: not enough


def test_state_and_term_counts_round_trip_through_the_store() -> None:
    rng = np.random.default_rng(0)
    base = [_unit(rng.normal(size=8).tolist()) for _ in range(3)]
    arts = [(f"a{i}", base[i % 3] + 0.3 * _unit(rng.normal(size=8).tolist()), {f"w{i % 3}": 2, f"u{i}": 1})
            for i in range(12)]  # fmt: skip
    kw = {"threshold": 0.45, "entity_weight": 0.0, "lexical_weight": 0.3}
    one = StoryClusterer(**kw)  # type: ignore[arg-type]
    straight = [one.assign(i, v / np.linalg.norm(v), terms=t) for i, v, t in arts]
    store = SQLiteStore(":memory:")
    first = StoryClusterer(**kw)  # type: ignore[arg-type]
    resumed = [first.assign(i, v / np.linalg.norm(v), terms=t) for i, v, t in arts[:6]]
    store.save_clustering(first.changed_states(), {})  # member rows need stored articles: not needed here
    store.save_term_df(*first.changed_df())
    second = StoryClusterer.from_states(store.story_states(), store.term_df(), **kw)
    assert second.n_docs == 6 and second.df["w0"] == 2
    _, v, t = arts[6]
    fresh = StoryClusterer(**kw)  # type: ignore[arg-type]
    for i, v0, t0 in arts[:6]:
        fresh.assign(i, v0 / np.linalg.norm(v0), terms=t0)
    u = v / np.linalg.norm(v)  # the resumed clusterer scores the next article as the uninterrupted one does
    assert np.allclose(second.similarities(u, terms=t), fresh.similarities(u, terms=t), atol=0.01)
    resumed += [second.assign(i, v / np.linalg.norm(v), terms=t) for i, v, t in arts[6:]]
    assert resumed == straight and len(set(straight)) == 3
    store.close()


def test_dormant_stories_leave_the_live_index_but_stay_stored() -> None:
    c = StoryClusterer(threshold=0.5, entity_weight=0.0, dormant_days=14)
    c.assign("a1", _unit([1, 0, 0]), published="2020-01-01")
    c.assign("a2", _unit([0, 1, 0]))  # no date: never dormant
    assert c.assign("a3", _unit([1, 0.05, 0]), published="2020-01-10") == "s1"
    assert c.live_count == 2
    c.assign("a4", _unit([0, 0, 1]), published="2020-01-30")  # s1 quiet for 20 days now
    assert c.live_count == 2 and "s1" in c.stories
    assert c.assign("a5", _unit([1, 0, 0]), published="2020-01-30") == "s5"
    assert c.assign("a6", _unit([0.05, 1, 0]), published="2020-01-30") == "s2"
    assert {s.id for s in c.changed_states()} == {"s1", "s2", "s4", "s5"}


def test_index_grows_past_its_first_capacity_and_finds_the_nearest_story() -> None:
    rng = np.random.default_rng(1)
    vecs = rng.normal(size=(300, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    c = StoryClusterer(threshold=0.8, entity_weight=0.0, candidates=8)
    ids = [c.assign(f"a{i}", v) for i, v in enumerate(vecs)]
    assert len(set(ids)) == 300 and c.live_count == 300
    near = vecs[217] + 0.05 * vecs[3]
    assert c.assign("a-new", near / np.linalg.norm(near)) == "s217"


def test_a_story_that_grows_into_another_is_merged_with_it() -> None:
    def run(merge: float) -> tuple[StoryClusterer, list[str]]:
        c = StoryClusterer(threshold=0.6, entity_weight=0.0, merge_threshold=merge)
        ids = [c.assign("a1", _unit([1, 0])), c.assign("a2", _unit([0.5, 0.866]))]  # cosine 0.5: two stories
        ids.append(c.assign("a3", _unit([0.8, 0.6])))  # nearer s2 (0.92 vs 0.8); s2 moves to 0.66 from s1
        return c, ids

    c, ids = run(0.0)
    assert ids == ["s1", "s2", "s2"] and c.merged_into == {} and c.moved_articles() == {}
    c, ids = run(0.65)
    assert ids == ["s1", "s2", "s2"]  # what assign said at the time
    assert c.story_of("s1") == "s2" and set(c.stories) == {"s2"} and c.live_count == 1
    assert c.stories["s2"].members == ["a2", "a3", "a1"]
    assert c.moved_articles() == {"a1": "s2"} and c.moved_articles() == {}
    states = {st.id: st for st in c.changed_states()}
    assert states["s1"].members == () and set(states["s2"].members) == {"a1", "a2", "a3"}
    assert c.assign("a4", _unit([1, 0.05])) == "s2"  # the merged story takes s1's articles' successors
    store = SQLiteStore(":memory:")
    first, _ = run(0.0)
    store.save_clustering(first.changed_states(), {})
    assert {st.id for st in store.story_states()} == {"s1", "s2"}
    store.save_clustering(list(states.values()), {})  # the empty state drops the merged-away story
    assert {st.id for st in store.story_states()} == {"s2"}
    store.close()


def test_merging_keeps_the_live_index_consistent() -> None:
    rng = np.random.default_rng(2)
    centres = [_unit(rng.normal(size=16).tolist()) for _ in range(6)]
    c = StoryClusterer(threshold=0.75, entity_weight=0.0, merge_threshold=0.7)
    for i in range(120):
        v = centres[i % 6] + 0.8 * _unit(rng.normal(size=16).tolist())
        c.assign(f"a{i}", v / np.linalg.norm(v))
    assert c.merged_into  # noisy articles open stories that later merge
    assert sorted(st.row for st in c._live) == list(range(c.live_count))
    for st in c._live:  # every live row holds its own story's centroid
        assert np.allclose(c._matrix[st.row], st.centroid(), atol=1e-6)
    members = [a for st in c.stories.values() for a in st.members]
    assert sorted(members) == sorted(f"a{i}" for i in range(120))  # nobody lost or counted twice


def test_similarity_parts_match_the_combined_score() -> None:
    """The parts benchmarks/cluster_decisions.py reads (term weights, entity overlap, term cosine) add up
    to what ``similarities`` gives."""
    c = StoryClusterer(threshold=0.0, entity_weight=0.3, lexical_weight=0.4, place_penalty=0.0, time_penalty=0.0)
    t1, t2 = {"patch": 2, "microsoft": 1, "explorer": 1}, {"patch": 1, "microsoft": 1, "seacom": 1}
    c.assign("a1", _unit([1, 0.2, 0]), ("microsoft", "@redmond"), terms=t1)
    c.n_docs += 1
    c.df.update(t2.keys())
    vec, ents = _unit([0.8, 0.3, 0.1]), ("microsoft", "gates")
    aw, idf = c.term_weights(t2)
    assert abs(sum((w / idf[t]) ** 2 for t, w in aw.items()) - 1) < 1e-9  # unit norm after one idf
    st = c.stories["s1"]
    assert c._entity_overlap(ents, st) == 0.5  # one of the two keys, named by the story's only article
    parts = 0.3 * float(st.centroid() @ vec) + 0.3 * 0.5 + 0.4 * c._lexical(aw, st, idf)
    assert abs(float(c.similarities(vec, ents, None, t2)[0]) - parts) < 1e-5


def test_a_story_is_named_after_its_first_article_whatever_the_ids_look_like() -> None:
    from newsweave.stages.cluster import story_id_for

    assert story_id_for("a1b2c3d4e5f6a7b8c") == "s1b2c3d4e5f6a7b8c"  # newsweave's own article ids
    assert story_id_for("a") == "s-a" and story_id_for("abc") == "s-abc"  # input ids of `newsweave cluster`
    assert story_id_for("ecbplus:35_4ecb") == "s-ecbplus:35_4ecb"
