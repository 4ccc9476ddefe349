"""Labels, session 19 round 3: awards, reference books, Spanish places, venues and products spaCy tags as people or
bodies (the stream's sentences)."""

from __future__ import annotations

from .test_entities_org_evidence import _labels


def test_an_award_is_no_person() -> None:
    # the stream's LenDale White story: spaCy's PERSON on "Heisman Trophy"; a person named before it keeps hers
    text = ("The former USC running back and Heisman Trophy winner also missed the final four games. Reggie Bush said "
            "so, and Reggie Bush left.")
    lab = _labels(text, [("Heisman Trophy", "PERSON", 0), ("Reggie Bush", "PERSON", 0), ("Reggie Bush", "PERSON", 1)])
    assert lab["Heisman Trophy"] not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
    assert lab["Reggie Bush"] == "PERSON"


def test_a_reference_book_is_a_work() -> None:
    # the stream's boxing story: "according to Nat Fleischer's Ring Record Book" (spaCy's PERSON)
    text = ("He fought at night in clubs around town, winning 21 of 25 bouts, according to Nat Fleischer's Ring Record "
            "Book. Nat Fleischer said so.")
    lab = _labels(text, [("Nat Fleischer", "PERSON", 0), ("Ring Record Book", "PERSON", 0),
                         ("Nat Fleischer", "PERSON", 1)])
    assert lab["Ring Record Book"] == "WORK_OF_ART" and lab["Nat Fleischer"] == "PERSON"


def test_spanish_place_words_make_a_place() -> None:
    # the stream's Chile quake story: spaCy's PERSON on a locality, a commune and a hotel by the beach
    text = ("Churches are working in Espinillo, Los Boldos, Alto Ramírez. It was felt in cities such as Valparaíso, "
            "Viña del Mar, Santiago Centro, San Fernando. The owner of Entre Mar, an hotel and restaurant in that "
            "beach, said the tsunami had destroyed it. Paula Ramírez said so.")
    lab = _labels(text, [("Alto Ramírez", "PERSON", 0), ("Santiago Centro", "PERSON", 0), ("Entre Mar", "PERSON", 0),
                         ("Paula Ramírez", "PERSON", 0)])
    assert lab["Alto Ramírez"] == lab["Santiago Centro"] == lab["Entre Mar"] == "GPE"
    assert lab["Paula Ramírez"] == "PERSON"


def test_a_venue_after_a_bare_at_in_a_sports_story() -> None:
    # the stream's Harvard story: spaCy's ORG on "Conte Forum"; "the World Economic Forum" takes "the" (a body)
    text = ("Harvard (8-2) shocked 17th-ranked Boston College, 82-70, at Conte Forum. The coach spoke at the World "
            "Economic Forum last year.")
    lab = _labels(text, [("Harvard", "ORG", 0), ("Boston College", "ORG", 0), ("Conte Forum", "ORG", 0),
                         ("the World Economic Forum", "ORG", 0)])
    assert lab["Conte Forum"] == "FAC" and lab["World Economic Forum"] != "FAC"


def test_a_venue_word_outside_a_sports_story_keeps_its_label() -> None:
    # no win-loss record: "back at Betty Ford Center" is a clinic
    text = "Lindsay never checked into Morningside but is back at Betty Ford Center, TMZ reported."
    lab = _labels(text, [("Betty Ford Center", "ORG", 0), ("TMZ", "ORG", 0)])
    assert lab["Betty Ford Center"] != "FAC"


def test_consoles_and_programs_are_products() -> None:
    # the stream's Harvard and IE stories: spaCy's PERSON on "Xbox" and on "Mashmaker"
    text = ('"Before the game the whole team is around playing Xbox and \'Mortal Kombat,\'" Frasor said. '
            "Mashmaker allows developers to add a bit of JavaScript to any page. Frasor allows players to rest.")
    lab = _labels(text, [("Xbox", "PERSON", 0), ("Frasor", "PERSON", 0), ("Mashmaker", "PERSON", 0),
                         ("Frasor", "PERSON", 1)])
    assert lab["Xbox"] == lab["Mashmaker"] == "PRODUCT"
