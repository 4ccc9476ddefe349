"""Organisations, round 4: an ORG entity is listed under Organisations only with evidence (the stream's sentences)."""

from __future__ import annotations

from newsweave.records import Mention
from newsweave.stages.entities import resolve_entities


def _at(text: str, surface: str, label: str, nth: int = 0) -> tuple[str, Mention]:
    start = -1
    for _ in range(nth + 1):
        start = text.find(surface, start + 1)
    assert start >= 0, surface
    return ("a", Mention(start, start + len(surface), surface, label))


def _labels(text: str, tagged: list[tuple[str, str, int]]) -> dict[str, str]:
    ents, _canon = resolve_entities([_at(text, s, lab, n) for s, lab, n in tagged], texts={"a": text})
    return {v: e["label"] for e in ents for v in e["variants"]}


def test_an_org_with_its_shape_context_or_an_acronym_stays_an_organisation() -> None:
    text = ("Paul Henry, security and forensic analyst at Lumension, says the threat is serious. He will appear before "
            "Taunton Crown Court on 19 August. The Pentagon has also ordered aircraft. CNN says Lohan's lawyer made "
            "the arrangements. The Wildcats (10-3) lost.")
    lab = _labels(text, [("Paul Henry", "PERSON", 0), ("Lumension", "ORG", 0), ("Taunton Crown Court", "ORG", 0),
                         ("Pentagon", "ORG", 0), ("CNN", "ORG", 0), ("Wildcats", "ORG", 0)])
    assert lab["Lumension"] == lab["Taunton Crown Court"] == lab["Pentagon"] == lab["CNN"] == "ORG"
    assert lab["Wildcats"] == "ORG"


def test_an_org_nothing_supports_is_no_organisation() -> None:
    # "the Technicolor aqua musicals" (a colour process), "the Defense contends" (the lawyers), "the Enhanced
    # Security Configuration", "Kyrtsos said" (a person spaCy tagged ORG: speech and no organisation's support)
    text = ("She launched an entire genre of movies, the Technicolor aqua musicals. The Defense contends the soldiers "
            "were following orders. Users are not using the Enhanced Security Configuration and click. \"We are "
            "entering a long period of crisis,\" Kyrtsos said. Kyrtsos, a conservative, was critical.")
    lab = _labels(text, [("Technicolor", "ORG", 0), ("Defense", "ORG", 0),
                         ("Enhanced Security Configuration", "ORG", 0), ("Kyrtsos", "ORG", 0), ("Kyrtsos", "ORG", 1)])
    assert "ORG" not in {lab.get("Technicolor"), lab.get("Defense"), lab.get("Enhanced Security Configuration")}
    assert lab["Kyrtsos"] == "PERSON"


def test_a_name_listed_beside_a_group_or_a_supported_organisation_stays() -> None:
    # the seeds: "aligned itself with the Assad regime, the Iranians, and Hezbollah"; the stream: "Many major
    # companies including Apple Computer, Microsoft, Cisco, eBay, Google, and AOL"
    text = ("Russia has really aligned itself with the Assad regime, the Iranians, and Hezbollah, Tillerson said. "
            "Microsoft has released a patch. Companies including Microsoft, Cisco and Google help.")
    lab = _labels(text, [("Iranians", "NORP", 0), ("Hezbollah", "ORG", 0), ("Tillerson", "PERSON", 0),
                         ("Microsoft", "ORG", 0), ("Microsoft", "ORG", 1), ("Cisco", "ORG", 0), ("Google", "ORG", 0)])
    assert lab["Hezbollah"] == lab["Cisco"] == lab["Google"] == "ORG"


def test_without_texts_spacys_org_stands() -> None:
    ents, _canon = resolve_entities([("a", Mention(0, 11, "Technicolor", "ORG"))])
    assert ents[0]["label"] == "ORG"


def test_a_full_name_whose_surname_is_tagged_a_person_alone_is_a_person() -> None:
    # spaCy tags "Lennox Lewis" ORG in every mention (Lennox is a company and a town); "Lewis" alone it tags PERSON
    text = ("Rahman, who won the WBC and IBF belts from Lennox Lewis in 2001, lost. He floored Lennox Lewis in 2001. "
            "They made verbal love to Lewis while Lewis agreed. Lennox International makes furnaces.")
    tagged = [("Lennox Lewis", "ORG", 0), ("Lennox Lewis", "ORG", 1), ("Lewis", "PERSON", 2), ("Lewis", "PERSON", 3),
              ("Lennox International", "ORG", 0)]  # fmt: skip
    lab = _labels(text, tagged)
    assert lab["Lennox Lewis"] == "PERSON" and lab["Lennox International"] == "ORG"
    # without a bare "Lewis" tagged as a person, nothing says the name is a person's
    assert _labels(text.split(" They made")[0], tagged[:2])["Lennox Lewis"] != "PERSON"


def test_a_name_of_initials_and_a_surname_tagged_a_person_is_a_person_even_in_a_list_of_teams() -> None:
    text = ("The Yankees, CC Sabathia and the Red Sox met. The Yankees signed left - hander CC Sabathia for seven "
            "years. Sabathia said he was happy. The Red Sox made an offer.")
    lab = _labels(text, [("Yankees", "ORG", 0), ("CC Sabathia", "ORG", 0), ("Red Sox", "ORG", 0), ("Yankees", "ORG", 1),
                         ("CC Sabathia", "ORG", 1), ("Sabathia", "PERSON", 2), ("Red Sox", "ORG", 1)])
    assert lab["CC Sabathia"] == "PERSON" and lab["Yankees"] == lab["Red Sox"] == "ORG"


def test_a_storms_name_alone_joins_the_storm() -> None:
    text = ("Hurricane Georges slammed into the Keys. In Puerto Rico, Georges killed three people. The eye of Georges "
            "passed over Key West. Forecasters said Georges would weaken. Residents fled as Georges neared. Georges "
            "Bizet wrote Carmen.")
    tagged = [("Hurricane Georges", "EVENT", 0)] + [("Georges", "PERSON", i) for i in range(1, 5)]
    ents, _canon = resolve_entities([_at(text, s, lab, n) for s, lab, n in tagged], texts={"a": text})
    assert {e["name"]: (e["label"], e["mentions"]) for e in ents}["Hurricane Georges"] == ("EVENT", 5)
    # a person of the story with that name keeps the bare name apart
    tagged += [("Georges Bizet", "PERSON", 0)]
    ents, _canon = resolve_entities([_at(text, s, lab, n) for s, lab, n in tagged], texts={"a": text})
    assert {e["name"]: e["mentions"] for e in ents}["Hurricane Georges"] == 1


def test_a_persons_title_and_a_name_is_a_person_but_not_a_body_or_place_after_a_title() -> None:
    text = ("Pope Pius XII was criticised for his wartime silence. The economist Professor Varoufakis warned of the "
            "debt. She was taken to Prince of Wales Hospital. Residents of King County voted.")
    lab = _labels(text, [("Pope Pius XII", "ORG", 0), ("Professor Varoufakis", "ORG", 0),
                         ("Prince of Wales Hospital", "ORG", 0), ("King County", "ORG", 0)])
    assert lab["Pope Pius XII"] == lab["Professor Varoufakis"] == "PERSON"
    assert lab.get("Prince of Wales Hospital") != "PERSON" and lab.get("King County") != "PERSON"


def test_a_full_name_no_census_list_has_is_a_person_with_a_persons_mark() -> None:
    # spaCy's ORG on people whose given names the census lists lack: a role in apposition, a person's noun in
    # apposition, a pair with a full name tagged PERSON
    text = ("U.N. climate change chief Yvo de Boer has also sought to downplay any differences. Stipe Dorotic, a "
            "38-year electrician from eastern Croatia, who attended the mass, was moved. After an early escape, "
            "Nicolas Vogondy and Matthieu Ladagnous were joined by two riders.")
    lab = _labels(text, [("Yvo de Boer", "ORG", 0), ("Stipe Dorotic", "ORG", 0), ("Nicolas Vogondy", "PERSON", 0),
                         ("Matthieu Ladagnous", "ORG", 0)])
    assert lab["Yvo de Boer"] == lab["Stipe Dorotic"] == lab["Matthieu Ladagnous"] == "PERSON"


def test_a_body_after_a_medium_or_a_team_after_a_verb_is_no_person() -> None:
    # "newspaper" and "host" are in the speakers' list, but a newspaper is no person's noun, a name a particle opens
    # is no person's shape here, and a team's plural is none either
    text = ("Strauss-Kahn said in an interview published in French newspaper Le Parisien Wednesday. Philadelphia host "
            "the Washington Wizards on Saturday.")
    lab = _labels(text, [("Le Parisien", "ORG", 0), ("Washington Wizards", "ORG", 0)])
    assert lab["Le Parisien"] != "PERSON" and lab["Washington Wizards"] != "PERSON"


def test_a_name_tagged_person_that_ends_in_a_places_word_is_a_place() -> None:
    # spaCy's PERSON on islands, gardens, an observatory; a census surname that is a place's word stays a person's
    text = ("According to the BBC, \"large waves\" have struck Chile's Juan Fernández Islands, reaching halfway into "
            "one inhabited area. The crowd behind Jubilee Gardens grew as the start time approached. Sydney "
            "Observatory astronomy curator Nick Lomb said that. Kellie Hill testified on Friday.")
    lab = _labels(text, [("Juan Fernández Islands", "PERSON", 0), ("Jubilee Gardens", "PERSON", 0),
                         ("Sydney Observatory", "PERSON", 0), ("Nick Lomb", "PERSON", 0), ("Kellie Hill", "PERSON", 0)])
    assert lab["Juan Fernández Islands"] == lab["Jubilee Gardens"] == "LOC"
    assert lab["Sydney Observatory"] == "ORG"  # an institution with a curator, as the label audit judged it
    assert lab["Kellie Hill"] == lab["Nick Lomb"] == "PERSON"


def test_a_name_tagged_person_ending_in_a_plural_after_the_is_a_team() -> None:
    # spaCy's PERSON on teams (with "the" inside its span or before it); a census surname's plural shape is no team's
    text = ("Point guard Ty Lawson also chipped in 16 points for the Tar Heels (10-0), though coach Roy Williams "
            "looked frustrated. Ford, an assistant coach with the Charlotte Bobcats, was posing for a picture. "
            "Deon Thompson had 15 points for the Tar Heels. He played with the Chris Evans who coached there.")
    lab = _labels(text, [("Ty Lawson", "PERSON", 0), ("the Tar Heels", "PERSON", 0), ("Roy Williams", "PERSON", 0),
                         ("the Charlotte Bobcats", "PERSON", 0), ("Deon Thompson", "PERSON", 0),
                         ("Tar Heels", "PERSON", 1), ("Chris Evans", "PERSON", 0)])
    assert lab["Tar Heels"] == lab["Charlotte Bobcats"] == "ORG"
    assert lab["Roy Williams"] == lab["Chris Evans"] == "PERSON"


def test_a_meteor_showers_name_is_an_event_and_a_comet_a_celestial_place() -> None:
    # spaCy's ORG on the Leonid shower and its comet (the label audit judged them an event and a celestial body)
    text = ("The much-anticipated storm of Leonid meteors swept over Earth on Tuesday. Crowds cheered each dazzling "
            "display from the Leonid meteor shower. The Leonid storm is caused by the Earth's passage through the "
            "long tail of the Comet Tempel-Tuttle.")
    lab = _labels(text, [("Leonid", "ORG", 0), ("Leonid", "ORG", 1), ("Leonid", "ORG", 2),
                         ("Comet Tempel-Tuttle", "ORG", 0)])
    assert lab["Leonid"] == "EVENT"
    assert lab["Comet Tempel-Tuttle"] == "LOC"


def test_a_word_spacy_ran_into_a_full_name_tagged_elsewhere_is_cut() -> None:
    # "former Razorback Peyton Hillis" is Peyton Hillis; a particle's surname keeps its given name ("Gaetano Lo
    # Presti" beside "Lo Presti")
    text = ("Peyton Hillis ran for 101 yards. It was a great performance by their running backs Jamaal Charles and "
            "former Razorback Peyton Hillis. Gaetano Lo Presti was found dead. Lo Presti had been arrested.")
    items = [_at(text, "Peyton Hillis", "PERSON", 0), _at(text, "Jamaal Charles", "PERSON", 0),
             _at(text, "Razorback Peyton Hillis", "PERSON", 0), _at(text, "Gaetano Lo Presti", "PERSON", 0),
             _at(text, "Lo Presti", "PERSON", 1)]
    ents, _canon = resolve_entities(items, texts={"a": text})
    by_name = {e["name"]: e for e in ents}
    assert by_name["Peyton Hillis"]["mentions"] == 2
    assert "Razorback Peyton Hillis" not in {v for e in ents for v in e["variants"]}
    assert "Gaetano Lo Presti" in {v for e in ents for v in e["variants"]}


def test_a_degree_or_title_abbreviation_beside_a_name_is_no_place() -> None:
    # spaCy's GPE on "MD", "Msgr", "D.A."; Maryland's "Md." after a town stays a place
    text = ("Obama announced that he was nominating Regina M. Benjamin, MD, a family physician from southern Alabama. "
            "She received her MD degree in Alabama. CNA spoke with Msgr. Michael L. Farmer. The D.A.'s release says "
            "Deputy Ortiz spotted him. He keeps a lab at the NIH's Bethesda, Md., campus.")
    lab = _labels(text, [("Regina M. Benjamin", "PERSON", 0), ("MD", "GPE", 0), ("MD", "GPE", 1),
                         ("Msgr", "GPE", 0), ("Michael L. Farmer", "PERSON", 0), ("D.A.", "GPE", 0),
                         ("Bethesda", "GPE", 0), ("Md.", "GPE", 0)])
    assert "MD" not in lab and "Msgr" not in lab and "D.A." not in lab
    assert lab["Md"] == "GPE"


def test_a_peoples_word_or_its_plural_is_a_group_and_one_of_it_joins_them() -> None:
    # spaCy's PERSON on "Turkmens", ORG on "Croats"; a compass word of the list stays out ("largely Eastern")
    text = ("He called himself Turkmenbashi, or father of all Turkmens. Over 2.5 million Turkmens are eligible to "
            "vote. The Croats honored the cardinal; one Croat wept. It is urban, and largely Eastern.")
    lab = _labels(text, [("Turkmens", "PERSON", 0), ("Turkmens", "PERSON", 1), ("Croats", "ORG", 0),
                         ("Croat", "ORG", 0), ("Eastern", "ORG", 0)])
    assert lab["Turkmens"] == lab["Croats"] == lab["Croat"] == "NORP"
    assert lab.get("Eastern") != "NORP"
    ents, _canon = resolve_entities([_at(text, "Croats", "ORG", 0), _at(text, "Croat", "ORG", 0)], texts={"a": text})
    assert [sorted(e["variants"]) for e in ents] == [["Croat", "Croats"]]


def test_a_team_after_the_is_no_person_for_a_who_after_it() -> None:
    # the stream: "visit the Atlanta Hawks, who had the money under the cap" (spaCy's ORG; "Hawks" is a census surname)
    text = ("The signing came just one day before Dalembert was set to get on a plane and visit the Atlanta Hawks, who "
            "had the money under the cap to pay him. Samuel Dalembert agreed.")
    lab = _labels(text, [("the Atlanta Hawks", "ORG", 0), ("Dalembert", "PERSON", 0),
                         ("Samuel Dalembert", "PERSON", 0)])
    assert lab["Atlanta Hawks"] == "ORG"
    text = "The bus carried Valverde and Mayo, who lost ground."
    lab = _labels(text, [("Valverde", "ORG", 0), ("Mayo", "ORG", 0)])
    assert lab["Mayo"] == "PERSON"  # (no "the": the cue stands)


def test_two_spellings_of_a_given_name_with_consonants_swapped_are_one_person() -> None:
    # the stream (7 July bombers): "Shahzad Tanweer" and "Shezhad Tanweer"; not a brother and sister: "Charlie
    # Kafoury, Charlene's brother"
    text = "Shahzad Tanweer, 22, left Leeds. Shezhad Tanweer was seen at Luton. Sidique Khan and Tanweer meet Lindsay."
    ents, _ = resolve_entities([_at(text, "Shahzad Tanweer", "PERSON"), _at(text, "Shezhad Tanweer", "PERSON"),
                                _at(text, "Tanweer", "ORG", 2)], texts={"a": text})
    tanweer = [e for e in ents if "Shahzad Tanweer" in e["variants"]]
    assert len(tanweer) == 1 and "Shezhad Tanweer" in tanweer[0]["variants"] and tanweer[0]["label"] == "PERSON"
    text = "said Charlie Kafoury, Charlene's brother. Charlene Kafoury said she did not do it."
    ents, _ = resolve_entities([_at(text, "Charlie Kafoury", "PERSON"), _at(text, "Charlene Kafoury", "PERSON")],
                               texts={"a": text})
    assert len(ents) == 2


def test_a_surname_two_people_bear_is_a_person_when_spacy_read_an_organisation() -> None:
    # two people of one surname, the bare surname tagged ORG in an article naming neither: it joins neither, and
    # stays a person (the stream's "Sidique Khan and [Tanweer] meet Lindsay at Luton Station", two spellings)
    a = "Ian Blair spoke first. Tony Blair spoke later."
    b = "Sidique Khan and Blair meet Lindsay at Luton Station at 8:10 a.m."
    items = [("a", Mention(0, 9, "Ian Blair", "PERSON")), ("a", Mention(23, 33, "Tony Blair", "PERSON")),
             ("b", Mention(17, 22, "Blair", "ORG"))]
    assert a[23:33] == "Tony Blair" and b[17:22] == "Blair"
    ents, _ = resolve_entities(items, texts={"a": a, "b": b})
    lab = {v: e["label"] for e in ents for v in e["variants"]}
    assert lab["Blair"] == "PERSON" and lab["Ian Blair"] == lab["Tony Blair"] == "PERSON"
    assert not any(len(e["variants"]) > 1 for e in ents)


def test_a_given_name_and_an_unlisted_surname_in_a_sports_story_is_a_player() -> None:
    # the stream: "Klitschko, who could face Tyson Fury in the near future" (spaCy's ORG), in a story that gives
    # records; outside a sports story a listed given name before an unlisted word is no person's mark ("Pearl Harbor")
    text = ("Klitschko (59-3) won. Klitschko, who could face Tyson Fury in the near future, was called out by the "
            "British fighter.")
    lab = _labels(text, [("Klitschko", "PERSON", 0), ("Klitschko", "PERSON", 1), ("Tyson Fury", "ORG", 0)])
    assert lab["Tyson Fury"] == "PERSON"
    text = "Klitschko won. Klitschko, who could face Tyson Fury in the near future, was called out by the fighter."
    lab = _labels(text, [("Klitschko", "PERSON", 0), ("Klitschko", "PERSON", 1), ("Tyson Fury", "ORG", 0)])
    assert lab["Tyson Fury"] != "PERSON"


def test_a_plural_after_a_sentence_opening_the_is_a_team() -> None:
    # the stream: "The Rams lost two more players", "the number of Rams players" (spaCy's PERSON both times)
    text = ("Finnegan told the Tennessean he planned to appeal. The Rams lost two more players for the rest of the "
            "season. The moves brought to 12 the number of Rams players on injured reserve.")
    lab = _labels(text, [("Rams", "PERSON", 0), ("Rams", "PERSON", 1), ("Finnegan", "PERSON", 0)])
    assert lab["Rams"] == "ORG"


def test_a_full_name_before_of_and_a_country_is_a_person() -> None:
    # the stream: "He won by 23 seconds over Cadel Evans of Australia" (spaCy's ORG; "Evans" a plural's shape); with
    # no mark at all, "Cadel" no listed given name and "Evans" a census surname, a person too, no team by its plural
    for text in ("Alberto Contador of Spain has won the 2007 Tour de France general classification. He won by 23 "
                 "seconds over Cadel Evans of Australia. Third place went to Levi Leipheimer.",
                 "Alejandro Valverde and Iban Mayo both lost ground. Cadel Evans gained ground on Rasmussen."):
        people = [n for n in ("Alberto Contador", "Levi Leipheimer", "Iban Mayo", "Rasmussen") if n in text]
        lab = _labels(text, [("Cadel Evans", "ORG", 0)] + [(n, "PERSON", 0) for n in people])
        assert lab["Cadel Evans"] == "PERSON"


def test_a_full_name_no_list_knows_that_speaks_is_a_person() -> None:
    # the stream: '... try to be super low-key," Jahenns Manigat said' (a sports story, spaCy's ORG); '"... a little
    # more optimism," Paul-Lois Arslanian, the leader of the French aviation accident investigation agency BEA'
    text = ("Creighton (25-7) won. \"I had to go to class today and try to be super low-key,\" Jahenns Manigat said. "
            "\"There is a little more optimism,\" Paul-Lois Arslanian, the leader of the agency, told reporters.")
    lab = _labels(text, [("Creighton", "ORG", 0), ("Jahenns Manigat", "ORG", 0), ("Paul-Lois Arslanian", "ORG", 0)])
    assert lab["Jahenns Manigat"] == lab["Paul-Lois Arslanian"] == "PERSON"


def test_a_name_with_a_score_after_it_is_a_team() -> None:
    # the stream: "Indy led 13 - 3 at the half", "putting Indy up 7 - 0" (spaCy's PERSON)
    text = ("Indy led 13 - 3 at the half, but Kansas City opened up the second half. Darius Butler returned it 32 "
            "yards for a touchdown, putting Indy up 7 - 0.")
    lab = _labels(text, [("Indy", "PERSON", 0), ("Indy", "PERSON", 1), ("Darius Butler", "PERSON", 0)])
    assert lab["Indy"] == "ORG"


def test_a_name_after_a_guns_calibre_is_a_product() -> None:
    # the stream: "she returned with a. 357 Magnum" (spaCy's PERSON, 9 mentions); not "the Dec. 12 Federal Register"
    text = ("She returned with a. 357 Magnum that she legally owned. She was carrying a .357 Magnum handgun. The "
            "changes are scheduled to appear in the Dec. 12 Federal Register.")
    lab = _labels(text, [("Magnum", "PERSON", 0), ("Magnum", "PERSON", 1), ("Federal Register", "ORG", 0)])
    assert lab["Magnum"] == "PRODUCT" and lab.get("Federal Register") != "PRODUCT"
