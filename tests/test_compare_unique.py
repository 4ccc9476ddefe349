"""Unique claims ("Only one outlet"): what a reader can use on its own, each once."""

from __future__ import annotations

import re

from newsweave.records import Analysis, Article
from newsweave.stages.compare import compare_sources, fragment

SHARED_A = "Rescue teams pulled twelve survivors from the collapsed apartment building on Monday."
SHARED_B = "On Monday rescue teams pulled twelve survivors from the collapsed apartment building."
REPEAT = "Registration of the volunteers will run from October 26 to November 20 in the town hall."
OTHER = "Insurers estimated the damage to warehouses along the canal at several million dollars."


def analysis(a: Article, cuts: tuple[int, ...] = ()) -> Analysis:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\s][^.!?]*[.!?]", a.text)]
    out = []
    for s, e in spans:  # a sentence splitter's error: cut a sentence at these offsets
        inner = [c for c in cuts if s < c < e]
        bounds = [s, *inner, e]
        out += [(x, y) for x, y in zip(bounds, bounds[1:], strict=False)]
    return Analysis(a.id, tuple(out), (), ())


def test_fragments_are_not_listed_as_unique_claims() -> None:
    assert fragment("and hydrants were being used for extra water.")
    assert fragment("gov / hmd / about / exhibition / travelingexhibitions / ctfom. html.")
    assert fragment("You can view the itinerary at: http: / / www.")
    assert not fragment("eBay and Google are helping enable donations to the relief effort.")
    assert not fragment('"A TAM airlines plane from Brazil saw something on fire in the Atlantic Ocean.')

    tail = "Firefighters from six stations fought the blaze at the depot through the night, and hydrants were used."
    a = Article("aA", f"{SHARED_A} {tail}", source="AP")
    b = Article("aB", f"{SHARED_B} {OTHER}", source="NYT")
    cut = a.text.index(", and hydrants") + 2
    out = compare_sources([a, b], {"aA": analysis(a, (cut,)), "aB": analysis(b)}, {})
    texts = [u["text"] for u in out["unique"]]
    assert OTHER in texts
    assert not any(t.startswith("and hydrants") for t in texts)


def test_an_outlets_sentence_repeated_in_its_updates_is_listed_once() -> None:
    a1 = Article("a1", f"{SHARED_A} {REPEAT}", source="AP")
    a2 = Article("a2", f"{REPEAT} {SHARED_A} Crews searched the rubble with dogs and thermal cameras overnight.",
                 source="AP")
    b = Article("aB", f"{SHARED_B} {OTHER}", source="NYT")
    arts = [a1, a2, b]
    out = compare_sources(arts, {x.id: analysis(x) for x in arts}, {})
    texts = [u["text"] for u in out["unique"]]
    assert texts.count(REPEAT) == 1


def test_a_quotation_without_its_speaker_ranks_after_sentences_that_stand_alone() -> None:
    from newsweave.stages import compare

    assert compare.unsaid_quote('"Trust me, my body is tired.')
    assert compare.unsaid_quote("Politicians appear to have fallen short of the task at hand.\"")
    assert not compare.unsaid_quote('"It is good to have a saint of our own," said Kruno Cabraka, a student.')
    assert not compare.unsaid_quote('He called the storm "the worst in thirty years."')

    # more new words than the fact, so first on new words alone; the quotation goes on in the next sentence
    quote = '"We will never give up on the fishermen, the bakers, the teachers and the nurses of this proud port.'
    fact = "Insurers put the canal damage at several million."
    a = Article("aA", SHARED_A, source="AP")
    b = Article("aB", f"{SHARED_B} {quote} {fact}", source="NYT")
    old = compare.MAX_UNIQUE
    try:
        compare.MAX_UNIQUE = 1
        out = compare_sources([a, b], {x.id: analysis(x) for x in (a, b)}, {})
    finally:
        compare.MAX_UNIQUE = old
    assert [u["text"] for u in out["unique"]] == [fact]
