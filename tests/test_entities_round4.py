"""Labels and merges, session 19 round 4: a scale's name, a paper cited as a source, a name cut short, an award's
title, a place's head word before its name, a surname in small letters, a product's edition (the stream's
sentences)."""

from __future__ import annotations

from newsweave.stages.entities import resolve_entities

from .test_entities_org_evidence import _at, _labels


def _variants(text: str, tagged: list[tuple[str, str, int]]) -> list[set[str]]:
    ents, _canon = resolve_entities([_at(text, s, lab, n) for s, lab, n in tagged], texts={"a": text})
    return [set(e["variants"]) for e in ents]


def test_a_scale_and_its_degree_are_no_person() -> None:
    # the stream's Chile quake story: spaCy's PERSON on "Mercalli" and "Mercalli III"; a regnal number stays
    text = ("The Mercalli scale intensities were: Pichilemu, Constitución. It was felt throughout the Valparaíso "
            "(Mercalli III), Santiago. Pope Leo XIII said so, and Leo XIII left.")
    lab = _labels(text, [("Mercalli", "PERSON", 0), ("Mercalli III", "PERSON", 0), ("Leo XIII", "PERSON", 0),
                         ("Leo XIII", "PERSON", 1)])
    assert lab["Mercalli III"] == lab["Mercalli"] == "OTHER"
    assert lab["Leo XIII"] == "PERSON"


def test_a_paper_cited_as_a_source_is_a_body() -> None:
    # the stream's Chile quake story: "according to La Nación" (spaCy's PERSON); a person after "according to" stays
    text = ("There were at least five aftershocks, according to La Nación. The strongest one was on land, according "
            "to Laura Smith. Laura Smith said so.")
    lab = _labels(text, [("La Nación", "PERSON", 0), ("Laura Smith", "PERSON", 0), ("Laura Smith", "PERSON", 1)])
    assert lab["La Nación"] == "ORG"
    assert lab["Laura Smith"] == "PERSON"


def test_a_name_cut_short_takes_its_full_names_label() -> None:
    # the stream's Chile quake story: "the [Hydrographic] and Oceanographic Service" (spaCy's PERSON on one word)
    text = ("According to SHOA, the Hydrographic and Oceanographic Service of the Chilean Navy, the tsunami came. "
            "The Hydrographic and Oceanographic Service said so.")
    lab = _labels(text, [("Hydrographic", "PERSON", 0), ("Hydrographic and Oceanographic Service", "ORG", 1)])
    assert lab["Hydrographic"] == "ORG"


def test_an_award_named_by_its_title_is_no_body() -> None:
    # the stream's Teixeira story and a college basketball story: spaCy's ORG
    text = ("He was the American League Most Valuable Player in 2004. She was named National Player of the Year. "
            "The American League said so.")
    lab = _labels(text, [("American League Most Valuable Player", "ORG", 0), ("National Player of the Year", "ORG", 0),
                         ("American League", "ORG", 1)])
    assert lab["American League Most Valuable Player"] == lab["National Player of the Year"] == "OTHER"
    assert lab["American League"] == "ORG"


def test_a_head_word_before_its_name_and_a_surname_in_small_letters_join_their_entity() -> None:
    # the stream's Qeshm quake story
    text = ("The tourist Island of Qeshm on the Persian Gulf was hit. Qeshm Island has 100,000 people. The governor "
            "of Qeshm, Mehdi iran-Nejad, told ISNA. Mehdi Irannejad said aid had arrived.")
    groups = _variants(text, [("Island", "GPE", 0), ("Qeshm Island", "LOC", 0), ("Mehdi", "ORG", 0),
                              ("Mehdi Irannejad", "PERSON", 0)])
    assert {"Island", "Qeshm Island"} in groups
    assert {"Mehdi", "Mehdi Irannejad"} in groups


def test_a_product_named_by_its_line_and_edition_joins_the_edition() -> None:
    # the stream's IE flaw story: "Windows XP" beside "XP" and "XP Professional"; "Windows Mail" stays apart
    text = ("The flaw affects these versions of Windows: Windows XP, Vista and 7. Windows users, especially Windows XP "
            "users, should patch. It affects IE 5.01: XP, XP Professional. Windows Mail is safe.")
    groups = _variants(text, [("Windows", "PRODUCT", 0), ("Windows XP", "PRODUCT", 0), ("Windows", "PRODUCT", 2),
                              ("Windows XP", "PRODUCT", 1), ("XP", "PRODUCT", 2), ("XP Professional", "PRODUCT", 0),
                              ("Windows Mail", "PRODUCT", 0)])
    assert {"Windows XP", "XP", "XP Professional"} in groups
    assert not any("Windows Mail" in g and len(g) > 1 for g in groups)
