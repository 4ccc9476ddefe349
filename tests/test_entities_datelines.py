"""Labels, session 19 round 2: datelines, flights, islands, teams and edits spaCy misreads (the stream's sentences)."""

from __future__ import annotations

from newsweave.stages.entities import resolve_entities

from .test_entities_org_evidence import _at, _labels


def test_a_dateline_in_capitals_is_a_place() -> None:
    # the stream's Swissair story: spaCy's ORG on "ZURICH" and "TORONTO" before "(AP) _"; a name in capitals inside a
    # sentence keeps its label
    text = ("ZURICH, Switzerland (AP) _ Swissair lawyers are looking at procedures. CEO Jeffrey Katz was quoted in "
            "the Zurich weekly SonntagsZeitung.\nTORONTO (AP) _ Hundreds of thousands of pieces were found. "
            "Investigators at NASA said so.")
    lab = _labels(text, [("ZURICH", "ORG", 0), ("Swissair", "ORG", 0), ("Jeffrey Katz", "PERSON", 0),
                         ("Zurich", "GPE", 0), ("TORONTO", "ORG", 0), ("NASA", "ORG", 0)])
    assert lab["ZURICH"] == lab["Zurich"] == lab["TORONTO"] == "GPE"
    assert lab["NASA"] != "GPE" and lab["Swissair"] != "GPE"


def test_a_bracketed_edit_inside_a_word_is_no_name() -> None:
    # the stream's Air France story, as markdown escapes it: '"\[I\]t's like trying to find a shoe box ...'
    text = "\u201c\\[I\\]t's like trying to find a shoe box in an area the size of Paris,\u201d said [Nicolas] Sarkozy."
    ents, _canon = resolve_entities([_at(text, "I\\]t", "PERSON"), _at(text, "Paris", "GPE")], texts={"a": text})
    assert [e["name"] for e in ents] == ["Paris"]


def test_an_airlines_flight_is_the_airline() -> None:
    # the stream's Air France and Swissair stories: spaCy's ORG "Air France Flight" before "447", "Valujet Flight 592"
    text = ("The Brazilian Air Force has located wreckage of Air France Flight 447 in the Atlantic. Air France said "
            "so. His son died on the crash of Valujet Flight 592 in May, 1996. Her sister died on the Valujet flight.")
    ents, _canon = resolve_entities([_at(text, "Brazilian Air Force", "ORG"), _at(text, "Air France Flight", "ORG"),
                                     _at(text, "Air France", "ORG", 1), _at(text, "Valujet Flight 592", "ORG"),
                                     _at(text, "Valujet", "LOC", 1)], texts={"a": text})  # fmt: skip
    got = {e["name"]: (e["label"], e["mentions"]) for e in ents}
    # (ORG or, with no organisation's evidence in so short a text, OTHER: no place)
    assert got["Air France"][1] == got["Valujet"][1] == 2 and got["Valujet"][0] in ("ORG", "OTHER")
    assert not any("Flight" in n for n in got)


def test_a_name_called_an_island_is_a_place() -> None:
    # the stream's Air France story: spaCy's ORG on "Fernando de Noronha"
    text = ("Operations are to be centered on the island of Fernando de Noronha. Search teams focused on the area "
            "north of Fernando de Noronha, an island located two hundred miles off the coast.")
    lab = _labels(text, [("Fernando de Noronha", "ORG", 0), ("Fernando de Noronha", "ORG", 1)])
    assert lab["Fernando de Noronha"] == "LOC"


def test_a_leagues_team_name_after_any_town_is_a_team() -> None:
    # the stream's Chiefs and Barnes stories: "Denver" and "Golden State" are in no place list (census names), spaCy's
    # FAC; "the Titans' Chris Johnson" (spaCy's NORP) in a story with a win-loss record
    text = ("The Chiefs (2-13) will play their season finale against the Denver Broncos next Sunday. He is wrapping up "
            "his rookie season with the Golden State Warriors. Charles joined the Titans' Chris Johnson.")
    lab = _labels(text, [("Chiefs", "ORG", 0), ("the Denver Broncos", "FAC", 0),
                         ("the Golden State Warriors", "FAC", 0), ("Titans", "NORP", 0),
                         ("Chris Johnson", "PERSON", 0)])
    assert lab["Denver Broncos"] == lab["Golden State Warriors"] == lab["Titans"] == "ORG"


def test_a_group_of_a_demonyms_shape_stays_a_group_outside_the_leagues() -> None:
    text = "The Chiefs (2-13) lost. The Haitians and the Titans' fans cheered."
    lab = _labels(text, [("Chiefs", "ORG", 0), ("Haitians", "NORP", 0), ("Titans", "NORP", 0)])
    assert lab["Haitians"] == "NORP" and lab["Titans"] == "ORG"


def test_chilean_places_spacy_tags_as_people() -> None:
    # the stream's Chile story: a town named for a saint, a region after "Libertador General"
    text = ("Piñera has visited some locations, including Chocholgue, San Pedro de La Paz, Constitución, and Maule. It "
            "occurred off the coast of the Libertador General Bernardo O'Higgins Region coast. Bernardo Cornejo said.")
    lab = _labels(text, [("San Pedro de La Paz", "PERSON", 0), ("Bernardo O'Higgins Region", "PERSON", 0),
                         ("Bernardo Cornejo", "PERSON", 0)])
    assert lab["San Pedro de La Paz"] == lab["Bernardo O'Higgins Region"] == "GPE"
    assert lab["Bernardo Cornejo"] == "PERSON"


def test_a_camel_cased_company_is_no_person() -> None:
    # the stream's Swissair story: spaCy's PERSON on "SAirGroup"; a given name of that look stays a person's
    text = ("The newsletter, published for the staff by the airline's parent SAirGroup, said so. DeShawn Wynn "
            "ran for 40 yards.")
    lab = _labels(text, [("SAirGroup", "PERSON", 0), ("DeShawn Wynn", "PERSON", 0)])
    assert lab["SAirGroup"] == "ORG" and lab["DeShawn Wynn"] == "PERSON"


def test_a_product_lines_editions_are_products() -> None:
    # the stream's Internet Explorer story: "versions of Windows" and its editions (spaCy's ORG, LOC, GPE); a maker
    # before its models keeps its label
    text = ("The update is for IE on all currently supported versions of Windows. The flaw affects Windows XP, Vista "
            "and 7, as well as Windows Server 2003 and Windows 8.1. Boeing said versions of the Boeing 737 and "
            "Boeing 747 are safe.")
    lab = _labels(text, [("Windows", "ORG", 0), ("Windows XP", "LOC", 0), ("Vista", "GPE", 0),
                         ("Windows Server", "LOC", 0), ("Boeing", "ORG", 0), ("Boeing", "ORG", 1)])
    assert lab["Windows"] == lab["Windows XP"] == lab["Vista"] == lab["Windows Server"] == "PRODUCT"
    assert lab["Boeing"] != "PRODUCT"


def test_a_name_with_a_teams_turnovers_is_a_team() -> None:
    # the stream's Hansbrough story: spaCy's PERSON on "a late Davidson rally", ORG on "Davidson's 17 turnovers"; a
    # player named in full keeps his
    text = ("Duke fended off a late Davidson rally to top the Wildcats, 79-67. Stephen Curry had seven of "
            "Davidson's 17 turnovers in the loss. Curry's 3 turnovers were his fewest.")
    lab = _labels(text, [("Duke", "ORG", 0), ("Davidson", "PERSON", 0), ("Stephen Curry", "PERSON", 0),
                         ("Davidson", "ORG", 1), ("Curry", "PERSON", 1)])
    assert lab["Davidson"] == "ORG" and lab["Curry"] == "PERSON"


def test_a_balcony_is_a_place() -> None:
    # the stream's Chile story: spaCy's PERSON on "Agustín Ross Balcony" (the balcony named after its architect)
    text = "Agustín Ross Balcony was completely destroyed. Agustín Ross Balcony after the earthquake and tsunami."
    lab = _labels(text, [("Agustín Ross Balcony", "PERSON", 0), ("Agustín Ross Balcony", "PERSON", 1)])
    assert lab["Agustín Ross Balcony"] == "FAC"


def test_a_programs_file_name_is_a_product() -> None:
    # the stream's Internet Explorer story: spaCy's PERSON on "Mshtml" of 'a DLL named "Mshtml . dll"'
    text = 'It modifies the core library of IE - - a DLL named " Mshtml . dll" that contains the rendering engine.'
    lab = _labels(text, [("IE", "PRODUCT", 0), ("Mshtml", "PERSON", 0)])
    assert lab["Mshtml"] == "PRODUCT"


def test_a_stage_race_and_its_short_name_are_an_event() -> None:
    # the stream's Tour stories: spaCy's ORG on "Tour de France" and on "the Tour"
    text = ("The Tour de France will start in London. It will be the most spectacular Grand Depart the Tour has "
            "ever seen, said Ken Livingstone.")
    lab = _labels(text, [("Tour de France", "ORG", 0), ("Tour", "ORG", 1), ("Ken Livingstone", "PERSON", 0)])
    assert lab["Tour de France"] == lab["Tour"] == "EVENT"
