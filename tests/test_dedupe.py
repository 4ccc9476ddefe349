"""DuplicateIndex: exact and near copies of real Wikinews articles (samples/wikinews.jsonl)."""

from __future__ import annotations

import json
import pickle
import random

import pytest

from newsweave.stages.dedupe import DuplicateIndex, Match

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    rows = [json.loads(x) for x in (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    return {r["id"]: r for r in rows}


def _index(articles: dict[str, dict]) -> DuplicateIndex:
    ix = DuplicateIndex()
    for a in articles.values():
        assert ix.add(a["id"], a["text"], a["published"], a["source"]) is None  # ten different articles
    return ix


def _edited(text: str, seed: int) -> str:
    """Change two words in every paragraph, with words from the same article (a light rewrite)."""
    rng = random.Random(seed)
    vocab = text.split()
    out = []
    for para in text.split("\n\n"):
        w = para.split()
        for _ in range(2):
            w[rng.randrange(len(w))] = rng.choice(vocab)
        out.append(" ".join(w))
    return "\n\n".join(out)


def test_exact_copy_matches_despite_case_and_spacing(articles):
    ix = _index(articles)
    a = articles["wikinews-M0050"]
    m = ix.add("copy", "  " + a["text"].upper().replace(". ", ".   "), "2010-02-28", "blog")
    assert m == Match("copy", "wikinews-M0050", "exact", 1.0, 1.0)


def test_near_copy_in_other_furniture_with_edits_is_found(articles):
    ix = _index(articles)
    a, other = articles["wikinews-M0063"], articles["wikinews-M0011"]
    furniture = "Home | World | Americas\nShare this article\n" + other["title"]  # another real page's headline
    text = furniture + "\n" + _edited(a["text"], seed=1) + "\nRelated stories\nMost read\nContact us"
    m = ix.add("wrapped", text, "2010-01-24", "aggregator")
    assert m is not None and m.kind == "near" and m.duplicate_of == "wikinews-M0063"


def test_truncated_copy_is_found_by_containment(articles):
    ix = _index(articles)
    words = articles["wikinews-M0060"]["text"].split(" ")
    m = ix.add("short", " ".join(words[: len(words) * 6 // 10]), "2010-01-13", "wire")
    assert m is not None and m.duplicate_of == "wikinews-M0060"
    assert m.containment > 0.95 and m.jaccard < 0.7  # Jaccard alone would be weak here


def test_different_article_on_the_same_story_is_not_a_copy(articles):
    ix = DuplicateIndex()
    ix.add("wikinews-M0060", articles["wikinews-M0060"]["text"], "2010-01-12", "Wikinews")
    # same earthquake, a different article: related, not a copy
    assert ix.add("wikinews-M0061", articles["wikinews-M0061"]["text"], "2010-01-20", "Wikinews") is None
    assert all(c.jaccard < 0.1 for c in ix.candidates(articles["wikinews-M0053"]["text"]))


def test_original_is_the_earliest_published_even_when_added_last(articles):
    ix = DuplicateIndex()
    a = articles["wikinews-M0051"]
    words = a["text"].split(" ")
    ix.add("blog-copy", "Posted by admin\n" + a["text"], "2010-05-07", "blog")
    ix.add("wire-cut", " ".join(words[: len(words) * 7 // 10]), "2010-05-06", "wire")
    m = ix.add(a["id"], a["text"], a["published"], a["source"])  # 2010-05-05, the first publication
    assert m is not None
    assert ix.original_of(["blog-copy", "wire-cut", a["id"]]) == {"blog-copy": a["id"], "wire-cut": a["id"]}
    reps = ix.republications(["blog-copy", "wire-cut", a["id"]])
    assert [(r.copy_source, r.original_source) for r in reps] == [("blog", "Wikinews"), ("wire", "Wikinews")]


def test_original_tie_goes_to_the_first_added(articles):
    ix = DuplicateIndex()
    text = articles["wikinews-M0012"]["text"]
    ix.add("first", text, None, "a")
    ix.add("second", text, None, "b")
    assert ix.original_of(["second", "first"]) == {"second": "first"}
    assert ix.original_of(["second"]) == {}  # groups only span the ids asked about


def test_results_are_deterministic_and_survive_pickling(articles):
    def run(ix: DuplicateIndex) -> list[Match | None]:
        out = []
        for i, a in enumerate(articles.values()):
            out.append(ix.add(f"c{i}", "Advertisement\n" + _edited(a["text"], seed=i), "2011-01-01", "x"))
        return out

    first, second = run(_index(articles)), run(_index(articles))
    assert first == second and all(m is not None for m in first)
    restored = pickle.loads(pickle.dumps(_index(articles)))
    assert run(restored) == first
    assert restored.add("wikinews-M0010", "ignored: already indexed") is None  # adding an id twice is a no-op


def test_the_wire_site_is_the_original_though_undated_and_added_last(articles):
    # the AP's own page of a story is the original of the sites that republish it, even when the
    # republication carries a date and the AP page none (found so in the stream: bigstory.ap.org)
    text = articles["wikinews-M0063"]["text"]
    ix = DuplicateIndex()
    ix.add("paper", "Sports | News\n" + text, "2010-01-23", "www.huffingtonpost.com")
    ix.add("portal", text, None, "sports.yahoo.com")
    ix.add("ap", text, None, "bigstory.ap.org")
    assert ix.original_of(["paper", "portal", "ap"]) == {"paper": "ap", "portal": "ap"}


def test_the_outlet_a_repost_credits_is_the_original(articles):
    # a blog reposts an NPR story, crediting it ("[Source: ... NPR ...]"), and dates it a day earlier
    # than NPR's own page: the credited outlet's page is the original
    text = articles["wikinews-M0050"]["text"]
    ix = DuplicateIndex()
    ix.add("blog", text + "\n[Source: NPR, 27Feb10]", "2010-02-27", "blog.example.org", credit="NPR")
    ix.add("npr", text, "2010-02-28", "www.npr.org")
    assert ix.original_of(["blog", "npr"]) == {"blog": "npr"}
    # without the credit, the earlier date decides as before
    ix2 = DuplicateIndex()
    ix2.add("blog", text, "2010-02-27", "blog.example.org")
    ix2.add("npr", text, "2010-02-28", "www.npr.org")
    assert ix2.original_of(["blog", "npr"]) == {"npr": "blog"}


def test_a_short_excerpt_of_a_long_article_is_found_in_a_small_index(articles):
    # an aggregator's teaser: the first 40 words of a 709-word article. Containment 1, but Jaccard
    # about 0.05, under the LSH threshold: LSH alone misses it. A story's index is small, so every
    # indexed article is checked, not only those sharing LSH buckets
    long = articles["wikinews-M0060"]
    teaser = " ".join(long["text"].split()[:40])
    lsh_only = _index(articles)
    lsh_only.exhaustive_below = 0
    assert lsh_only.add("teaser", teaser, "2010-01-13", "aggregator") is None
    ix = _index(articles)
    (c,) = [c for c in ix.candidates(teaser) if c.duplicate_of == long["id"]]
    assert c.jaccard < 0.1 and c.containment == 1.0
    m = ix.add("teaser", teaser, "2010-01-13", "aggregator")
    assert m is not None and m.duplicate_of == long["id"]
