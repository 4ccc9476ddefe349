"""The figures a story's leads state part twin events the words do not (``cluster_split_figures``)."""

from __future__ import annotations

import numpy as np

from newsweave.records import Analysis, Article
from newsweave.settings import Settings
from newsweave.stages.cluster import StoryClusterer, content_terms, stated_figures, stored_member_features
from newsweave.stages.cluster_split import Member, figure_similarities
from newsweave.store.sqlite import SQLiteStore

# leads of the two quakes of one ECB+ topic in the stream: Qeshm island, 5.6 (2008), and southern Iran, 5.9 (2005)
QESHM = [
    "An earthquake with a magnitude of 5.6 on the Richter scale shook the southern Iranian island of Qeshm",
    "An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran's southern coast on Sunday",
    "A 5.6 magnitude earthquake hit an island off Iran's southern coast on Sunday, injuring five people",
    "A strong 5.6 -magnitude earthquake jolted part of Qeshm island in the Persian Gulf",
    "Quake hits Qeshm island: the 5.6 magnitude tremor damaged buildings in 17 villages",
    "The 5.6 quake on Qeshm damaged homes in 17 villages, Iranian media said",
]
SOUTH = [
    "An earthquake measuring at least magnitude 5.9 shook a sparsely populated area of southern Iran, killing 10",
    "A powerful earthquake hit southern Iran on Sunday, killing 10 people and injuring 80",
    "A 5.9 magnitude earthquake has leveled seven villages in Iran's southern area, killing 10 persons",
    "Ten people were killed when an earthquake of magnitude 5.9 struck southern Iran",
    "A powerful earthquake has hit southern Iran, killing at least 10 people, injuring dozens more",
    "Iranian rescue workers helped survivors of a 5.9 earthquake that killed 10 people and injured 80",
    "An earthquake of magnitude 5.9 flattened seven villages in southern Iran and killed 10",
    "The 5.9 quake killed 10 people and hurt 80 in southern Iran",
    "Survivors of the quake that killed 10 in southern Iran sheltered in tents",
    "Iran counted 10 dead and 80 hurt after the magnitude 5.9 quake",
]
KW = {"threshold": 0.275, "entity_weight": 0.3, "lexical_weight": 0.4, "split_ratio": 0.8, "split_small_ratio": 0.75,
      "split_fiedler": 0.6}  # fmt: skip


def test_stated_figures_are_the_years_magnitudes_and_counts_of_the_lead() -> None:
    assert stated_figures("Five Wounded by Quake", QESHM[1]) == ("5.6",)
    got = stated_figures(None, "killing 10 people, home to 1,300 families and 200, 000 people")
    assert got == ("10", "1300", "200")
    assert stated_figures("27 / 09 / 2013 - Turkmenistan", "elections planned for December 15, 2013: 288 candidates"
                          ) == ("27", "2013", "15", "288")  # fmt: skip
    # no figure inside a word, one-digit numbers, the parts of a time or a leading zero
    assert stated_figures("IE6 through IE11", "2m Windows users at 8:00 am; 7 villages; a 3.5m wall") == ()
    # nor a product's version or a bulletin's code: both IE patches of twin topic 27 (2008 / 2013) name IE6 and
    # IE8: as figures, the codes raise that twin's between/within of figures from 0.14 to 0.33-0.42 (session 19)
    assert stated_figures("Microsoft Patches IE", "the update, MS08-078, fixes IE7 and Internet Explorer 8") == ()
    assert stated_figures(None, "x" * 50 + " 2008", lead_chars=40) == ()  # past the lead


def _members(sources: list[str]) -> list[Member]:
    return [Member(np.ones(4, dtype=np.float32), ("iran",), content_terms(t, ""), None, stated_figures(None, t))
            for t in sources]  # fmt: skip


def _sim(n_a: int, n_b: int, within: float = 0.6, between: float = 0.52) -> np.ndarray:
    """Members' similarity of one story of two twin events whose words alone do not part them (between/within
    0.87: over the split check's 0.8, and too even for its other cuts)."""
    rng = np.random.default_rng(0)
    n = n_a + n_b
    side = np.array([0] * n_a + [1] * n_b)
    sim = np.where(side[:, None] == side[None, :], within, between) + rng.normal(0, 0.01, (n, n))
    sim = (sim + sim.T) / 2
    np.fill_diagonal(sim, 1.0)
    return sim


def test_key_figures_are_the_ones_several_members_state() -> None:
    fsim, states = figure_similarities(_members(QESHM[:2] + SOUTH[:3]), 2)
    assert states.tolist() == [True, True, True, True, True]  # "5.6" twice, "10" three times, "5.9" twice
    assert fsim[0, 1] == 1.0 and fsim[0, 2] == 0.0 and round(float(fsim[2, 4]), 3) == 1.0
    assert round(float(fsim[2, 3]), 3) == 0.707  # "5.9" and "10" / "10" ("80" is stated once)
    fsim, states = figure_similarities(_members(QESHM[:2] + SOUTH[:3]), 3)
    assert states.tolist() == [False, False, True, True, True]  # only "10" is stated by three


def test_the_twin_quakes_split_by_the_figures_they_state() -> None:
    ms = _members(SOUTH + QESHM)
    sim = _sim(len(SOUTH), len(QESHM))
    assert StoryClusterer(**KW).split_check(ms, sim) is None  # type: ignore[arg-type]  # the words alone: one story
    c = StoryClusterer(split_figures=0.2, split_figures_sim=0.9, **KW)  # type: ignore[arg-type]
    assert c.split_check(ms, sim) == list(range(len(SOUTH), len(ms)))  # the Qeshm reports leave
    # but not when the words set them further apart than twins (0.93 > 0.9) ...
    assert c.split_check(ms, _sim(len(SOUTH), len(QESHM), between=0.56)) is None
    # ... nor when the figures are one event's: every report states the same toll and magnitude
    same = [m._replace(figs=("5.9", "10")) for m in ms]
    assert c.split_check(same, sim) is None
    # ... nor when no figure is stated by three members (each report's own figures say nothing of its event)
    own = [m._replace(figs=(str(100 + i),)) for i, m in enumerate(ms)]
    assert c.split_check(own, sim) is None


def test_the_settings_turn_it_on_and_a_resumed_run_reads_the_figures_back_from_the_stored_text() -> None:
    c = StoryClusterer.from_settings(Settings())
    assert (c.split_figures, c.split_figures_sim) == (0.2, 0.9)
    store = SQLiteStore(":memory:")
    arts = [Article(id=f"a{i}0", title="Quake in Iran", text=t) for i, t in enumerate(QESHM[:2])]
    store.add_analysed([(a, Analysis(a.id, (), (), ()), np.ones(4, dtype=np.float32)) for a in arts])
    got = stored_member_features(store, Settings().cluster_lead_chars)([a.id for a in arts])
    assert [got[a.id].figs for a in arts] == [("5.6",), ("5.6",)]
    # a member kept by an older run (no figures) states none: absent, not an error
    assert Member(np.ones(4), (), {}, None).figs == ()
    store.close()
