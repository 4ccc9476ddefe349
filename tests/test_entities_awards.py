"""Labels, session 19 round 3: awards, reference books, Spanish places, venues and products spaCy tags as people or
bodies (the stream's sentences)."""

from __future__ import annotations

from newsweave.stages.entities import resolve_entities

from .test_entities_org_evidence import _at, _labels


def test_an_award_is_no_person() -> None:
    # the stream's LenDale White story: spaCy's PERSON on "Heisman Trophy"; a person named before it keeps hers
    text = ("The former USC running back and Heisman Trophy winner also missed the final four games. Reggie Bush said "
            "so, and Reggie Bush left.")
    lab = _labels(text, [("Heisman Trophy", "PERSON", 0), ("Reggie Bush", "PERSON", 0), ("Reggie Bush", "PERSON", 1)])
    assert lab["Heisman Trophy"] not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
    assert lab["Reggie Bush"] == "PERSON"
    # the stream's CNN Heroes story: spaCy's ORG on "MacArthur Foundation Fellow" and "National Caring Award"
    text = ("She is a MacArthur Foundation Fellow and won the National Caring Award. The MacArthur Foundation gave "
            "$500,000.")
    lab = _labels(text, [("MacArthur Foundation Fellow", "ORG", 0), ("National Caring Award", "ORG", 0),
                         ("MacArthur Foundation", "ORG", 1)])
    assert lab["MacArthur Foundation Fellow"] == lab["National Caring Award"] == "OTHER"
    assert lab["MacArthur Foundation"] == "ORG"


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


def test_a_regions_short_name_joins_its_long_one() -> None:
    # the stream's Chile quake story: "Libertador General Bernardo O'Higgins Region" (spaCy's PERSON) and
    # "O'Higgins Region"; "South Wales" and "New South Wales" stay two places
    text = ("It occurred off the coast of the Libertador General Bernardo O'Higgins Region coast. Pichilemu is the "
            "most popular beach in O'Higgins Region. He flew from New South Wales to South Wales.")
    ents, _canon = resolve_entities([_at(text, "Bernardo O'Higgins Region", "PERSON"),
                                     _at(text, "O'Higgins Region", "GPE", 1), _at(text, "Pichilemu", "GPE"),
                                     _at(text, "New South Wales", "GPE"), _at(text, "South Wales", "GPE", 1)],
                                    texts={"a": text})  # fmt: skip
    groups = {frozenset(e["variants"]) for e in ents}
    assert frozenset({"Bernardo O'Higgins Region", "O'Higgins Region"}) in groups
    assert frozenset({"South Wales"}) in groups


def test_the_tour_joins_the_race_it_shortens() -> None:
    # the stream's Tour de France stories: "the Tour" beside "Tour de France" and its "Tour de France Prologue"
    text = ("Contador will ride the Tour de France. The Tour de France Prologue is on Saturday. He won the Tour in "
            "2007 and the Tour de France again in 2009.")
    ents, _canon = resolve_entities([_at(text, "Tour de France", "ORG"), _at(text, "Tour de France Prologue", "EVENT"),
                                     _at(text, "Tour", "ORG", 2), _at(text, "Tour de France", "ORG", 2)],
                                    texts={"a": text})  # fmt: skip
    groups = {frozenset(e["variants"]) for e in ents}
    assert frozenset({"Tour de France", "Tour"}) in groups and frozenset({"Tour de France Prologue"}) in groups


def test_a_product_line_is_named_by_its_own_name() -> None:
    # the stream's IE story: spaCy's span "Windows IE 8" joined "Windows"; the line is named "Windows"
    text = ("Microsoft issued patches for versions of Windows. Windows XP, Vista and 7 are hit. Windows IE 8 users "
            "and Windows users should update. Windows 8.1 is safe.")
    ents, _canon = resolve_entities([_at(text, "Windows", "ORG"), _at(text, "Windows XP", "LOC"),
                                     _at(text, "Vista", "GPE"), _at(text, "Windows IE 8", "ORG"),
                                     _at(text, "Windows", "NORP", 3), _at(text, "Windows 8.1", "ORG")],
                                    texts={"a": text})  # fmt: skip
    named = {v: e["name"] for e in ents for v in e["variants"]}
    assert named["Windows IE 8"] == named["Windows"] == "Windows"


def test_a_town_whose_team_the_story_names_is_the_team() -> None:
    # the stream's Teixeira story: spaCy's GPE on "Washington" and "Baltimore" beside "Washington Nationals" and
    # "Baltimore Orioles"; "Los Angeles" beside the "Los Angeles Times" (a paper) and "in Boston" stay places
    text = ("The Washington Nationals and the Baltimore Orioles want him. Washington and Baltimore have expressed "
            "interest in Teixeira. He may settle on a deal with Washington. The Los Angeles Times said Los Angeles "
            "is out. The Boston Red Sox are out too; he lives in Boston.")
    lab = _labels(text, [("Washington Nationals", "ORG", 0), ("Baltimore Orioles", "ORG", 0),
                         ("Washington", "GPE", 1), ("Baltimore", "GPE", 1), ("Teixeira", "PERSON", 0),
                         ("Washington", "GPE", 2), ("Los Angeles Times", "ORG", 0), ("Los Angeles", "GPE", 1),
                         ("Boston Red Sox", "ORG", 0), ("Boston", "GPE", 1)])
    assert lab["Washington"] == lab["Baltimore"] == "ORG"
    assert lab["Los Angeles"] == lab["Boston"] == "GPE"


def test_a_town_in_a_sports_storys_results_is_the_team() -> None:
    # the stream's Chiefs story: "carries against Oakland" (spaCy's GPE) in a story with a win-loss record; a town
    # the story puts in a place ("in Indianapolis") and a war's "against Iraq" outside sports stay places
    text = ("The Chiefs (2-13) lost. Charles came one week after he managed 10 yards on nine carries against Oakland. "
            "Oakland 24, Denver 17. The game was played in Indianapolis on Sunday.")
    lab = _labels(text, [("Chiefs", "ORG", 0), ("Charles", "PERSON", 0), ("Oakland", "GPE", 0),
                         ("Oakland", "GPE", 1), ("Denver", "GPE", 0), ("Indianapolis", "GPE", 0)])
    assert lab["Oakland"] == "ORG" and lab["Indianapolis"] == "GPE"
    text = "The senator voted against Iraq's war. Iraq said no."
    lab = _labels(text, [("Iraq", "GPE", 0), ("Iraq", "GPE", 1)])
    assert lab["Iraq"] == "GPE"


def test_a_facility_named_for_a_person_joins_its_short_name() -> None:
    # the stream's Chile quake story: "Agustín Ross Balcony" and "Ross Balcony" (both FAC by their last word);
    # "New Oxford Street" and "Oxford Street" are two streets ("New" is no given name)
    text = ("Agustín Ross Balcony after the earthquake. The Ross Balcony was damaged. Shops on New Oxford Street "
            "and Oxford Street closed.")
    ents, _canon = resolve_entities([_at(text, "Agustín Ross Balcony", "PERSON"), _at(text, "Ross Balcony", "FAC", 1),
                                     _at(text, "New Oxford Street", "FAC"), _at(text, "Oxford Street", "FAC", 1)],
                                    texts={"a": text})  # fmt: skip
    groups = {frozenset(e["variants"]) for e in ents}
    assert frozenset({"Agustín Ross Balcony", "Ross Balcony"}) in groups
    assert frozenset({"Oxford Street"}) in groups
