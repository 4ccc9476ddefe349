"""Tentative ("possible") conflicts: a negation must be asserted, of a subject and a thing the other sentence
states (sentences from the dev stories of the stream audit, benchmarks/conflict_audit2.py)."""

from __future__ import annotations

import re

from newsweave.records import Analysis, Article
from newsweave.stages.compare import (
    _negated,
    asserted_text,
    compare_sources,
    negation_foci,
    negation_subjects,
    stem,
)


def analysis(a: Article) -> Analysis:
    return Analysis(a.id, tuple((m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", a.text)), (), ())


def tentative(sa: str, sb: str, pa: str | None = None, pb: str | None = None) -> list[list[str]]:
    a = Article("aA", sa, source="westerndailypress.co.uk", published=pa)
    b = Article("aB", sb, source="bbc.co.uk", published=pb)
    out = compare_sources([a, b], {x.id: analysis(x) for x in (a, b)}, {})
    return [[c["text"] for c in k["claims"]] for k in out["conflicting"] if k.get("tentative")]


ARSON = "A man has been charged on suspicion of arson following a fire that devastated a Somerset supermarket."
DENIED = "A man has denied arson following a fire at a Somerset supermarket early on Sunday."


def test_an_accusation_and_its_denial_stay_a_possible_conflict() -> None:
    assert len(tentative(ARSON, DENIED)) == 1


def test_a_negation_in_an_aside_or_an_overturned_report_is_not_asserted() -> None:
    assert asserted_text("Ms. Palin, who was not at the church at the time of the fire, stopped by Saturday.").count(
        "not") == 0  # fmt: skip
    text = ("Despite reports last week that said Gary Ross would definitely not be returning to direct the sequel, "
            "it seems he will be back at the negotiating table.")  # fmt: skip
    assert " not " not in asserted_text(text)
    aside = "Ms. Palin, who was not at the church at the time of the fire, stopped by Saturday."
    assert not tentative("Palin stopped by the church this morning after the fire.", aside)


def test_a_negation_of_another_subject_pairs_with_nothing() -> None:
    assert negation_subjects("Unlike stars Jennifer Lawrence and Liam Hemsworth, Ross is not signed for a sequel.") == {
        stem("Ross")}  # fmt: skip
    assert negation_subjects("You can't call it arson yet.") == set()
    assert negation_subjects("He said it was a revolver, not a handgun.") == set()
    unlike = "Unlike stars Jennifer Lawrence and Liam Hemsworth, Ross is not signed for a sequel."
    assert not tentative("The leads Jennifer Lawrence and Liam Hemsworth are already signed for the sequel.", unlike)


def test_the_other_sentence_must_state_all_that_is_denied() -> None:
    assert negation_foci("Officials say that no sign of wreckage had been found.") == [{stem("wreckage")}]
    assert not tentative("The first call came at 3:33 a.m., Palmer public safety director Jon Owen said.",
                         '"You can\'t call it arson yet," Palmer public safety director Jon Owen said.')  # fmt: skip
    # "A, not B" states A: the other sentence stating A agrees
    assert not tentative(
        "Lynch said his client had a .32-caliber revolver, while the girl was killed by a .45-caliber bullet.",
        "He said his client had a .32-caliber revolver, not a .45-caliber handgun like the one that killed the girl.")


def test_a_bound_on_a_figure_and_without_incident_are_no_negation() -> None:
    assert not _negated("None of those offers are believed to be for more than eight years.")
    assert not _negated("He was taken into custody without incident.")
    assert _negated("The debris particles are not bigger than a grain of sand")  # no figure: still a negation


def test_a_not_yet_published_days_before_the_news_is_an_update() -> None:
    neg = "Results of the Williams blood alcohol test have not been released by the police."
    pos = "Results of the Williams blood alcohol test were released by the police on Wednesday."
    assert len(tentative(neg, pos)) == 1  # no dates: possible
    assert not tentative(neg, pos, "2009-02-04", "2009-04-02")  # the denial two months before: news since
    assert len(tentative(neg, pos, "2009-04-03", "2009-04-02")) == 1  # a later denial stays possible
