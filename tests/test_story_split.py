"""Stories that mix two events: the within-story split (``story.split_groups``, ``story.story_events``) and the
headline and summary it chooses (``story.analyse_story``).

``fixtures/oscar_hosts.jsonl``: the first 700 characters and titles of 14 articles of ECB+ topic 2 (the corpus is
released for research under CC BY 3.0; each record names its ECB+ document and URL): ten report that Ellen DeGeneres
will host the 2014 Oscars, four that Hugh Jackman will host the 2009 ones, two events the streaming clusterer put in
one story of the 961-article stream."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from newsweave.records import Article
from newsweave.stages import story as st

from .conftest import FIXTURES


def _blocks(sizes: list[int], within: float, between: float) -> np.ndarray:
    n = sum(sizes)
    sim = np.full((n, n), between)
    at = 0
    for k in sizes:
        sim[at : at + k, at : at + k] = within
        at += k
    np.fill_diagonal(sim, 0.0)
    return sim


def test_two_separate_groups_split_the_larger_first() -> None:
    sim = _blocks([4, 6], within=0.5, between=0.15)
    assert st.split_groups(sim) == [[4, 5, 6, 7, 8, 9], [0, 1, 2, 3]]


def test_one_event_is_not_split() -> None:
    rng = np.random.default_rng(0)
    noise = rng.uniform(-0.05, 0.05, (12, 12))
    sim = _blocks([12], within=0.45, between=0.45) + (noise + noise.T) / 2
    np.fill_diagonal(sim, 0.0)
    assert st.split_groups(sim) == [list(range(12))]


def test_a_series_of_reports_on_one_topic_is_not_split() -> None:
    # two groups apart, but their articles do not tell one event alike (as a disaster's toll and its aid reports)
    sim = _blocks([6, 4], within=0.2, between=0.05)
    assert st.split_groups(sim) == [list(range(10))]


def test_a_small_group_is_no_other_event() -> None:
    sim = _blocks([10, 2], within=0.5, between=0.1)  # two outliers: fewer than SPLIT_MIN articles
    assert st.split_groups(sim) == [list(range(12))]


@pytest.fixture(scope="module")
def oscars(nlp: Any, embedder: Any) -> dict[str, Any]:
    from newsweave.stages.embed import embed_text
    from newsweave.stages.nlp import analyse_doc

    rows = [json.loads(line) for line in (FIXTURES / "oscar_hosts.jsonl").read_text().splitlines() if line.strip()]
    arts = [Article(id=f"a{i:02d}", title=r["title"], text=r["text"]) for i, r in enumerate(rows)]
    analyses = {a.id: analyse_doc(a.id, d) for a, d in zip(arts, nlp.docs(a.text for a in arts), strict=True)}
    vectors = dict(zip([a.id for a in arts], embedder.embed([embed_text(a) for a in arts]), strict=True))
    event = {a.id: r["event"] for a, r in zip(arts, rows, strict=True)}
    return {"articles": arts, "analyses": analyses, "vectors": vectors, "event": event}


def _story(oscars: dict[str, Any], degeneres: int, jackman: int) -> list[Article]:
    arts = oscars["articles"]
    return ([a for a in arts if oscars["event"][a.id] == "DeGeneres 2013"][:degeneres]
            + [a for a in arts if oscars["event"][a.id] == "Jackman 2008"][:jackman])  # fmt: skip


def test_two_oscar_hosts_are_two_events(oscars: dict[str, Any]) -> None:
    arts = _story(oscars, 5, 4)
    events = st.story_events(arts, oscars["analyses"], oscars["vectors"])
    assert [{oscars["event"][a.id] for a in e} for e in events] == [{"DeGeneres 2013"}, {"Jackman 2008"}]


def test_one_oscar_host_is_one_event(oscars: dict[str, Any]) -> None:
    arts = _story(oscars, 10, 0)
    assert len(st.story_events(arts, oscars["analyses"], oscars["vectors"])) == 1


def test_headline_and_summary_follow_the_main_event_and_the_other_is_listed(oscars: dict[str, Any]) -> None:
    arts = _story(oscars, 5, 4)
    report = st.analyse_story("s1", arts, oscars["analyses"], oscars["vectors"])
    event = oscars["event"]
    assert "DeGeneres" in report["headline"]
    sentences = report["summary"]["sentences"]
    assert sentences and all(event[x["source"]["article"]] == "DeGeneres 2013" for x in sentences)
    assert all(event[c] == "DeGeneres 2013" for x in sentences for c in x["citations"])
    [other] = report["sub_events"]
    assert {event[a] for a in other["articles"]} == {"Jackman 2008"} and len(other["articles"]) == 4
    assert other["headline"] and "DeGeneres" not in other["headline"]
    assert report["size"] == 9 and len(report["articles"]) == 9  # the other event's articles stay in the story


def test_a_story_of_one_event_has_no_sub_events(oscars: dict[str, Any]) -> None:
    report = st.analyse_story("s2", _story(oscars, 8, 0), oscars["analyses"], oscars["vectors"])
    assert report["sub_events"] == []


def test_numbers_of_the_lead_tell_two_twin_reports_apart() -> None:
    # the same words, but a different record and day of the month: the numbers part of the similarity
    lead = "The Sixers fired coach Maurice Cheeks with the team at {} on {} December, its manager said."
    arts = [Article(id=f"a{i}", title="Sixers fire Cheeks", text=lead.format(*nums))
            for i, nums in enumerate([("9-14", "13"), ("9-14", "13"), ("11-12", "20")])]  # fmt: skip
    sim = st.article_similarities(arts, {}, {})
    assert sim[0, 1] > sim[0, 2] + 0.05
    assert sim[0, 2] == pytest.approx(sim[1, 2])


def test_numbers_are_whole_figures() -> None:
    found = st._NUMBER.findall("MS08-078 fixed 2,000 sites, $2.6 million, 3rd time in 2008; IE11.")
    assert found == ["078", "2,000", "2.6", "2008"]
    assert [x for x in found if not st._YEAR.fullmatch(x)] == ["078", "2,000", "2.6"]  # a year is background
