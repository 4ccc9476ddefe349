"""Labels, session 19: landmarks, schools and villages spaCy tags as people (the stream's sentences)."""

from __future__ import annotations

from newsweave.stages.entities import resolve_entities

from .test_entities_org_evidence import _at, _labels


def test_a_landmark_of_the_gazetteer_is_a_place() -> None:
    # the stream's Athens stories: spaCy's PERSON on "Acropolis" and "Parthenon", and on "Big Ben" in the Tour
    text = ("The popular cafes in the Thissio area under the Acropolis were busy. Flights were halted and even the "
            "Parthenon barred to tourists. The riders passed Big Ben on the way out of London.")
    lab = _labels(text, [("Acropolis", "PERSON", 0), ("Parthenon", "PERSON", 0), ("Big Ben", "PERSON", 0)])
    assert lab["Acropolis"] == lab["Parthenon"] == lab["Big Ben"] == "FAC"


def test_a_name_ending_in_state_spacy_tags_person_is_a_school() -> None:
    # the stream's Saints story: "recently signed rookie Joique Bell (Wayne State)", "He played at Wayne State"
    text = ("They also recently signed rookie Joique Bell (Wayne State) from the practice squad. He played at Wayne "
            "State, where he finished with 6,728 yards rushing.")
    lab = _labels(text, [("Joique Bell", "PERSON", 0), ("Wayne State", "PERSON", 0), ("Wayne State", "PERSON", 1)])
    assert lab["Wayne State"] == "ORG" and lab["Joique Bell"] == "PERSON"


def test_a_name_beside_villages_the_context_found_is_a_village() -> None:
    # the stream's Qeshm earthquake story: "Tonban" is a village by "the four hardest-hit villages were"; "Goursin"
    # stands beside it, "Khaldin" at the end of a list of them, both spaCy's PERSON
    text = ("The four hardest-hit villages were Tonban, Gabardin and Karvan. The Deyrestan village saw serious "
            "destruction, while Tonban and Goursin were all but destroyed. The most affected villages were "
            "identified as Gabardin, Tonban, Karvan, Tourian and Khaldin - all situated in the west.")
    lab = _labels(text, [("Tonban", "PERSON", 0), ("Gabardin", "PERSON", 0), ("Karvan", "PERSON", 0),
                         ("Deyrestan", "GPE", 0), ("Tonban", "PERSON", 1), ("Goursin", "PERSON", 0),
                         ("Gabardin", "PERSON", 1), ("Tonban", "GPE", 2), ("Karvan", "GPE", 1),
                         ("Tourian", "NORP", 0), ("Khaldin", "PERSON", 0)])
    assert lab["Goursin"] == lab["Khaldin"] == "GPE"


def test_a_surname_beside_a_name_after_in_stays_a_person() -> None:
    # the stream's Oscars story: "in Rodgers" reads as a place's context, but a census surname is no village
    text = "He played a flirtatious singing barker (Billy Bigelow in Rodgers and Hammerstein's musical \"Carousel\")."
    lab = _labels(text, [("Billy Bigelow", "PERSON", 0), ("Rodgers", "PERSON", 0), ("Hammerstein", "PERSON", 0)])
    assert lab["Hammerstein"] == "PERSON"


def test_initials_and_a_surname_with_a_town_beside_them_are_a_person() -> None:
    # the stream's 76ers story: spaCy's ORG on "P.J. Carlesimo" in five of six mentions; a bank of that shape keeps
    # its ORG when no town stands beside it
    text = ("Cheeks would become the fifth NBA coach fired this season, along with P.J. Carlesimo (Oklahoma City), "
            "Eddie Jordan (Washington). He is the fifth coach fired, joining Oklahoma City's P.J.Carlesimo. Cheeks "
            "is the fifth coach fired this season, after PJ Carlesimo of Oklahoma City, Eddie Jordan of Washington. "
            "Analysts at J.P. Morgan expect more.")
    lab = _labels(text, [("P.J. Carlesimo", "ORG", 0), ("Eddie Jordan", "PERSON", 0), ("P.J.Carlesimo", "ORG", 0),
                         ("PJ Carlesimo", "ORG", 0), ("Eddie Jordan", "PERSON", 1), ("J.P. Morgan", "ORG", 0)])
    assert lab["P.J. Carlesimo"] == lab["PJ Carlesimo"] == "PERSON"
    assert lab["J.P. Morgan"] == "ORG"


def test_a_name_after_a_or_a_local_is_a_chains_shop() -> None:
    # the stream's Flatbush story: spaCy's PERSON on "Rite Aid"; a person's name after "a" keeps its PERSON when it
    # opens with a given name ("a Harry Winston", named after the jeweller)
    text = ("One person had been attacked outside of a local Rite Aid. The Post says a crowd looted a Rite Aid. "
            "Police investigators could be seen inside a Rite Aid store. She wore a Harry Winston.")
    lab = _labels(text, [("Rite Aid", "PERSON", 0), ("a Rite Aid", "PERSON", 0), ("Rite Aid", "PERSON", 2),
                         ("Harry Winston", "PERSON", 0)])
    assert lab["Rite Aid"] == "ORG"
    assert lab["Harry Winston"] == "PERSON"


def test_a_singular_team_name_after_over_the_is_an_organisation() -> None:
    # the stream's 76ers story: spaCy's PERSON on "Thunder"; a census surname after "against the" is left alone
    text = ("The Sixers (9-14) lost again. Marc Iavaroni of Memphis got a win this week. Sure, it was over the "
            "Thunder ... but whatever. They will play against the Hammond twins.")
    lab = _labels(text, [("Marc Iavaroni", "PERSON", 0), ("Thunder", "PERSON", 0), ("Hammond", "PERSON", 0)])
    assert lab["Thunder"] == "ORG" and lab["Hammond"] == "PERSON"


def test_a_team_or_school_named_as_a_place_in_a_sports_story_is_an_organisation() -> None:
    # the stream's Missouri Valley story: spaCy's GPE on "Creighton" (60 mentions) and "Illinois State", FAC on
    # "Virginia Tech"; a town of the place list keeps its place ("Evansville"), and outside a sports story a state
    # stays a state
    text = ("Top-seeded Creighton defeated Drake, 65 - 53. Creighton (25 - 7) will play Indiana State. Creighton "
            "also got 14 points from Will Artino. Illinois State broke away late. His shot against Virginia Tech "
            "won it. The winner meets Evansville (20 - 13).")
    lab = _labels(text, [("Creighton", "GPE", 0), ("Drake", "ORG", 0), ("Creighton", "GPE", 1),
                         ("Indiana State", "ORG", 0), ("Creighton", "GPE", 2), ("Will Artino", "PERSON", 0),
                         ("Illinois State", "GPE", 0), ("Virginia Tech", "FAC", 0), ("Evansville", "GPE", 0)])
    assert lab["Creighton"] == lab["Illinois State"] == lab["Virginia Tech"] == "ORG"
    assert lab["Evansville"] == "GPE"
    lab = _labels("Farmers in Washington State grow apples.", [("Washington State", "GPE", 0)])
    assert lab["Washington State"] == "GPE"


def test_a_town_and_a_plural_spacy_tags_as_a_place_is_a_team() -> None:
    # the stream's Saints and Colts stories: spaCy's GPE/FAC on "Miami Dolphins", FAC on "San Francisco 49ers";
    # places whose names end in a plural stay places
    text = ("The Saints signed cornerback Michael Lehan, who had been with the Miami Dolphins. They beat the San "
            "Francisco 49ers once. She moved to Palm Springs, then to the University of South Wales.")
    lab = _labels(text, [("Michael Lehan", "PERSON", 0), ("Miami Dolphins", "GPE", 0),
                         ("San Francisco 49ers", "FAC", 0), ("Palm Springs", "GPE", 0), ("South Wales", "GPE", 0)])
    assert lab["Miami Dolphins"] == lab["San Francisco 49ers"] == "ORG"
    assert lab["Palm Springs"] == lab["South Wales"] == "GPE"


def test_a_surname_of_a_plurals_shape_that_speaks_alone_is_no_team() -> None:
    # the stream's Athens story: spaCy's ORG on "Paris Kyriakides" ("Kyriakides" has a plural's shape); a team
    # whose plural speaks after "the" keeps its ORG
    text = ("\"The violence we use is minimal,\" said 32-year-old protester Paris Kyriakides. \"Speaking as an "
            "anarchist, we want change,\" Kyriakides said. The Pittsburgh Steelers won. The Steelers said so.")
    lab = _labels(text, [("Paris Kyriakides", "ORG", 0), ("Kyriakides", "PERSON", 1),
                         ("Pittsburgh Steelers", "ORG", 0), ("Steelers", "ORG", 1)])
    assert lab["Paris Kyriakides"] == "PERSON"
    assert lab["Pittsburgh Steelers"] == "ORG"


def test_a_persons_noun_run_into_a_full_name_is_cut() -> None:
    # the stream's Matanuska Maid and Nichols stories: spaCy's "Clerk Janette Bower", "Unabomber Ted Kaczynski"
    text = ("Clerk Janette Bower read the order. Bower said the board would meet. He was compared with Unabomber Ted "
            "Kaczynski. Kicker Ryan Succop scored.")
    lab = _labels(text, [("Clerk Janette Bower", "PERSON", 0), ("Bower", "PERSON", 1),
                         ("Unabomber Ted Kaczynski", "PERSON", 0), ("Kicker Ryan Succop", "PERSON", 0)])
    assert lab["Janette Bower"] == lab["Bower"] == lab["Ted Kaczynski"] == "PERSON"
    assert "Clerk Janette Bower" not in lab and "Unabomber Ted Kaczynski" not in lab


def test_a_groups_name_in_a_list_of_villages_is_a_village() -> None:
    # the stream's Qeshm story: spaCy's NORP on "Gourian" at the end of a list of villages; a people's word in a
    # list of places stays a group
    text = ("The four hardest-hit villages were Tonban, Gavarzin, Khaledin and Gourian. Aid went to the villages "
            "of Tonban and Khaledin. Refugees reached Iraq, Jordan and Kurds fled too.")
    lab = _labels(text, [("Tonban", "PERSON", 0), ("Gavarzin", "GPE", 0), ("Khaledin", "PERSON", 0),
                         ("Gourian", "NORP", 0), ("Tonban", "PERSON", 1), ("Khaledin", "PERSON", 1),
                         ("Iraq", "GPE", 0), ("Jordan", "GPE", 0), ("Kurds", "NORP", 0)])
    assert lab["Gourian"] == "GPE"
    assert lab["Kurds"] == "NORP"


def test_a_films_maker_before_its_kind_is_a_person() -> None:
    # the stream's Oscars story: spaCy's ORG on "Baz Luhrmann"; a studio before "film" stays an organisation
    text = ("He plays a cattle driver opposite Nicole Kidman in the new Baz Luhrmann romantic adventure \"Australia.\" "
            "It is the latest Paramount Pictures film.")
    lab = _labels(text, [("Nicole Kidman", "PERSON", 0), ("Baz Luhrmann", "ORG", 0),
                         ("Paramount Pictures", "ORG", 0)])
    assert lab["Baz Luhrmann"] == "PERSON" and lab["Paramount Pictures"] == "ORG"


def test_a_preposition_before_a_persons_name_is_no_places_mark() -> None:
    # the stream's Red Sox and Saints stories: "in Theo we trust" (Theo Epstein), "via Jeff Duncan of the
    # Times-Picayune" (spaCy's PERSON, voted GPE by "in"/"via"); a place spaCy tags PERSON after "in" stays a place
    text = ("Theo Epstein spoke. We just have to say \"in Theo we trust\" with this one. Coach Sean Payton said of "
            "the injuries (via Jeff Duncan of the Times-Picayune) that they would cope. The quake hit in Zarand.")
    lab = _labels(text, [("Theo Epstein", "PERSON", 0), ("Theo", "PERSON", 1), ("Sean Payton", "PERSON", 0),
                         ("Jeff Duncan", "PERSON", 0), ("Zarand", "PERSON", 0)])
    assert lab["Theo"] == lab["Jeff Duncan"] == "PERSON"
    assert lab["Zarand"] == "GPE"


def test_a_name_written_with_versions_glued_to_it_is_a_product_line() -> None:
    # the stream's Internet Explorer story: spaCy's ORG on "IE" (75 mentions), GPE on "IE6"; a road of one capital
    # and digits stays a place
    text = ("The flaw affects IE6, IE7 and IE8. Microsoft said IE users should patch. Users of IE are at risk. "
            "Traffic was stopped on the M25 and the M1.")
    lab = _labels(text, [("IE6", "GPE", 0), ("IE", "ORG", 3), ("IE", "ORG", 4), ("M25", "FAC", 0)])
    assert lab["IE"] == lab["IE6"] == "PRODUCT"
    assert lab["M25"] == "FAC"


def test_a_score_run_into_a_teams_name_is_cut() -> None:
    # the stream's basketball and Colts stories: spaCy's "Evansville 91-73" PRODUCT, "Bengals 13 - 10" LAW; a
    # model's number stays in its name
    text = ("Evansville (20-13) beat Butler. It was Evansville 91-73 at the half. The Colts lost to the Bengals "
            "13 - 10. He flew a Boeing 747-400.")
    lab = _labels(text, [("Evansville", "ORG", 0), ("Evansville 91-73", "PRODUCT", 0), ("Bengals 13 - 10", "LAW", 0),
                         ("Boeing 747-400", "PRODUCT", 0)])
    assert lab["Evansville"] == lab["Bengals"] == "ORG"
    assert "Evansville 91-73" not in lab and lab["Boeing 747-400"] == "PRODUCT"


def test_a_plural_after_the_in_a_sports_story_is_a_team() -> None:
    # the stream's Chiefs story: spaCy's PRODUCT on "Broncos"; outside a sports story a plural product keeps its label
    text = ("The Chiefs (2-13) lost again. Next week they face Peyton Manning and the Broncos. The Broncos are 12 - 3 "
            "for the season.")
    lab = _labels(text, [("Chiefs", "ORG", 0), ("Peyton Manning", "PERSON", 0), ("Broncos", "PRODUCT", 0),
                         ("Broncos", "PRODUCT", 1)])
    assert lab["Broncos"] == "ORG"
    lab = _labels("She bought the Nikes and wore the Nikes.", [("Nikes", "PRODUCT", 0), ("Nikes", "PRODUCT", 1)])
    assert lab["Nikes"] == "PRODUCT"


def test_a_given_name_alone_tagged_as_a_thing_is_its_persons() -> None:
    # the stream's Chargers story: spaCy's PRODUCT on "Vincent" (Vincent Jackson, named in full many times)
    text = ("Vincent Jackson was arrested. Vincent Jackson had 59 catches. \"We're aware of the off-the-field issue "
            "involving Vincent,\" general manager A.J. Smith said.")
    lab = _labels(text, [("Vincent Jackson", "PERSON", 0), ("Vincent Jackson", "PERSON", 1), ("Vincent", "PRODUCT", 2),
                         ("A.J. Smith", "PERSON", 0)])
    assert lab["Vincent"] == "PERSON"


def test_a_name_that_opens_a_longer_name_with_s_is_no_person() -> None:
    # the stream's Bloomington story: spaCy's PERSON "Sam" inside "Sam's Club" (also tagged whole, ORG); a person's
    # possessive stays a person
    text = "A woman was killed outside a Sam's Club store. She worked at Sam's Club for years. Sam's dog barked."
    ents, _ = resolve_entities([_at(text, s, lab, n) for s, lab, n in
                                [("Sam", "PERSON", 0), ("Sam's Club", "ORG", 1), ("Sam", "PERSON", 2)]],
                               texts={"a": text})  # fmt: skip
    by_name = {e["name"]: (e["label"], e["mentions"]) for e in ents}
    assert by_name["Sam's Club"][0] == "ORG"
    assert by_name["Sam"] == ("PERSON", 1)  # the dog's owner only


def test_an_institution_named_short_after_at_is_the_institution() -> None:
    # the stream's Lohan story: spaCy's PERSON on "Betty Ford" ("back at Betty Ford", "check-in to Betty Ford")
    # beside "Betty Ford Center"; the founder named as a person stays one
    text = ("She checked into the Betty Ford Center in Rancho Mirage. Lindsay is back at Betty Ford. She spent time "
            "at Betty Ford before. Prior to this check-in to Betty Ford, she was in court.")
    lab = _labels(text, [("Betty Ford Center", "ORG", 0), ("Betty Ford", "PERSON", 1), ("Betty Ford", "PERSON", 2),
                         ("Betty Ford", "PERSON", 3)])
    assert lab["Betty Ford"] == "ORG"
    text = "The Betty Ford Center opened in 1982. Betty Ford founded it after her own treatment. Betty Ford said so."
    lab = _labels(text, [("Betty Ford Center", "ORG", 0), ("Betty Ford", "PERSON", 1), ("Betty Ford", "PERSON", 2)])
    assert lab["Betty Ford"] == "PERSON"
