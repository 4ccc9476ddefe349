"""Unique claims ("Only one outlet"): what a reader can use on its own, each once."""

from __future__ import annotations

import re

import pytest

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


def first_unique(first: str, fact: str) -> list[str]:
    """The one unique claim shown when outlet b says ``first`` (more new words) and then ``fact``."""
    from newsweave.stages import compare

    a = Article("aA", SHARED_A, source="AP")
    b = Article("aB", f"{SHARED_B} {first} {fact}", source="NYT")
    old = compare.MAX_UNIQUE
    try:
        compare.MAX_UNIQUE = 1
        out = compare_sources([a, b], {x.id: analysis(x) for x in (a, b)}, {})
    finally:
        compare.MAX_UNIQUE = old
    return [u["text"] for u in out["unique"]]


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


FACT = "Insurers put the canal damage at several million."
# each has more new words than FACT, so it would come first on new words alone
QUOTE = '"We will never give up on the fishermen, the bakers, the teachers and the nurses of this proud port.'
VOICE = "I applaud the fishermen, the bakers, the teachers and the nurses of my proud port town for their work."


@pytest.mark.parametrize(("check", "yes", "no", "first"), [
    ("unsaid_quote",  # a quotation without its speaker (this one goes on in the next sentence)
     ['"Trust me, my body is tired.', 'Politicians appear to have fallen short of the task at hand."'],
     ['"It is good to have a saint of our own," said Kruno Cabraka, a student.',
      'He called the storm "the worst in thirty years."'], QUOTE),
    ("writer_voice",  # the writer's own voice
     ["I chose the above picture to memorialize her because everyone loves monkeys.",
      "Leave your thoughts, ideas and desires in the comments section below."],
     ['"I will devote all my strengths to the task," the candidate said.',
      'The notice read "Keep your distance from the wreck."'], VOICE),
])  # fmt: skip
def test_sentences_a_reader_cannot_attribute_rank_after_those_that_stand_alone(
    check: str, yes: list[str], no: list[str], first: str
) -> None:
    from newsweave.stages import compare

    assert all(getattr(compare, check)(t) for t in yes)
    assert not any(getattr(compare, check)(t) for t in no)
    assert first_unique(first, FACT) == [FACT]
