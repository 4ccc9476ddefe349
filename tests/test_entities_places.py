"""Places, round 1: a GPE entity no place list knows leaves Places when it is a common word or a company's name,
unless a mention stands where places stand (the stream's sentences)."""

from __future__ import annotations

from newsweave.records import Mention
from newsweave.stages.entities import resolve_entities

from .test_entities_org_evidence import _labels


def test_a_common_word_or_a_company_tagged_gpe_leaves_places() -> None:
    text = ("It is urban, and largely Eastern. Three in ten citizens have donated to Tsunami aid. The tsunami hit. "
            "Karen Olson, president and CEO of Valley Dairy, notified the panel. Police used a Taser on him; the "
            "taser worked. This exploit was listed as one of the SysAdmin, Audit, Network, Security top risks.")
    lab = _labels(text, [("Eastern", "GPE", 0), ("Tsunami", "GPE", 0), ("Valley Dairy", "GPE", 0),
                         ("Taser", "GPE", 0), ("SysAdmin", "GPE", 0)])
    assert lab.get("Eastern") not in ("GPE", "LOC", "FAC")
    assert lab.get("Tsunami") not in ("GPE", "LOC", "FAC")
    assert lab.get("Taser") not in ("GPE", "LOC", "FAC")
    assert lab["Valley Dairy"] == lab["SysAdmin"] == "ORG"


def test_places_stay_places() -> None:
    # common words and unknown names where places stand: after "near", "from", a hometown's "59, of", a town before
    # a state's abbreviation, a town's police; and known places whatever their context
    text = ("Thieves cracked two safes near Nice. Nice is nice. A 50-year-old man from Dexter, Michigan, tipped off "
            "police. Raj K. Chohan, 59, of College Point, was hit. Officials in Walpole, Mass., said so. He bribed "
            "the Old Tappan police force. According to the Bristol district attorney's office, it was arson.")
    lab = _labels(text, [("Nice", "GPE", 0), ("Nice", "GPE", 1), ("Dexter", "GPE", 0), ("College Point", "GPE", 0),
                         ("Walpole", "GPE", 0), ("Mass", "GPE", 0), ("Old Tappan", "GPE", 0),
                         ("Bristol", "GPE", 0)])
    for name in ("Nice", "Dexter", "College Point", "Walpole", "Mass", "Old Tappan", "Bristol"):
        assert lab[name] == "GPE", name


def test_without_texts_spacy_gpe_stands() -> None:
    ents, _ = resolve_entities([("a", Mention(0, 7, "Eastern", "GPE"))])
    assert [e["label"] for e in ents] == ["GPE"]


def test_a_first_name_taken_for_a_place_joins_its_person() -> None:
    # the stream's stories: "Tyler" GPE beside "Tyler Hansbrough" (and one "Tyler Smith"), "Regina" LOC beside
    # "Regina Benjamin"; a hurricane's name and a real town stay out of the person
    text = ("Tyler Hansbrough scored. Hansbrough broke the record. Tyler Hansbrough smiled. Tyler Smith played too. "
            "\"I am proud of Tyler,\" Ford said. \"Whatever Tyler gets, he deserves.\" George W. Bush came. "
            "George W. Bush spoke. Hurricanes Katrina and George hit the clinic. Hansbrough left. Hansbrough won.")
    lab = _labels(text, [("Tyler Hansbrough", "PERSON", 0), ("Hansbrough", "PERSON", 1), ("Hansbrough", "PERSON", 3),
                         ("Hansbrough", "PERSON", 4), ("Tyler Hansbrough", "PERSON", 1), ("Tyler Smith", "PERSON", 0),
                         ("Tyler", "GPE", 3), ("Tyler", "GPE", 4),
                         ("George W. Bush", "PERSON", 0), ("George W. Bush", "PERSON", 1), ("George", "GPE", 2)])
    assert lab["Tyler"] == "PERSON"
    assert lab["George"] == "GPE"  # Bush is named twice only: no one calls him "George" here


def test_a_first_name_where_places_stand_stays_a_place() -> None:
    text = ("Tyler Hansbrough scored. Hansbrough broke the record. Tyler Hansbrough smiled. He grew up in Tyler. "
            "Tyler is a city.")
    lab = _labels(text, [("Tyler Hansbrough", "PERSON", 0), ("Hansbrough", "PERSON", 0),
                         ("Tyler Hansbrough", "PERSON", 1), ("Tyler", "GPE", 2), ("Tyler", "GPE", 3)])  # fmt: skip
    assert lab["Tyler"] == "GPE"


def test_a_name_ends_before_an_open_bracket_a_count_or_a_date() -> None:
    # spaCy's spans in the stream: "World Health Organization (WHO", "Dashoguz province - 27", "Atlantic on June 1"
    text = ("The World Health Organization (WHO) warned. Seats: Dashoguz province - 27, Lebap province - 28. "
            "Debris fell into the Atlantic on June 1 and the Regulatory Reform (Fire Safety) Order applies.")
    lab = _labels(text, [("World Health Organization (WHO", "ORG", 0), ("Dashoguz province - 27", "GPE", 0),
                         ("Atlantic on June 1", "LOC", 0), ("Regulatory Reform (Fire Safety", "LAW", 0)])
    assert lab["World Health Organization"] == "ORG"
    assert lab["Dashoguz province"] == "GPE" and lab["Atlantic"] == "LOC"
    assert "Regulatory Reform (Fire Safety" in lab  # the bracket closes inside the name: left as spaCy read it


def test_a_given_name_and_a_surname_tagged_gpe_is_a_person() -> None:
    # the stream's Tour de France story: "Andreas Klöden" GPE once; a town of that shape stays ("Alice Springs")
    text = "Andreas Klöden lost time. They drove to Alice Springs. Mary Lake is a lake."
    lab = _labels(text, [("Andreas Klöden", "GPE", 0), ("Alice Springs", "GPE", 0), ("Mary Lake", "GPE", 0)])
    assert lab["Andreas Klöden"] == "PERSON"
    assert lab["Alice Springs"] == lab["Mary Lake"] == "GPE"


def test_a_name_ends_before_a_small_word_and_a_full_name_is_no_team() -> None:
    # the stream's boxing story: spaCy's "Thompson in" (of "Thompson in Berne") named Tony Thompson's entity; a
    # player's full name in a sports story (a record "(10-3)") is a person, not an organisation
    text = ("Klitschko beat 40-year-old Thompson in Berne. Tony Thompson fell. The Colts (10-3) won. T.Y. Hilton "
            "caught two passes. T.Y. Hilton scored.")
    lab = _labels(text, [("Thompson in", "ORG", 0), ("Tony Thompson", "PERSON", 0), ("Colts", "ORG", 0),
                         ("T.Y. Hilton", "ORG", 0), ("T.Y. Hilton", "ORG", 1)])
    assert "Thompson in" not in lab and lab["Tony Thompson"] == "PERSON"
    assert lab["T.Y. Hilton"] == "PERSON" and lab["Colts"] == "ORG"


def test_common_abbreviations_are_no_organisations() -> None:
    text = "He was arrested on suspicion of DUI. CCTV footage shows it. H.R. Haldeman resigned. GM recalled cars."
    lab = _labels(text, [("DUI", "ORG", 0), ("CCTV", "ORG", 0), ("H.R. Haldeman", "PERSON", 0), ("GM", "ORG", 0)])
    assert "DUI" not in lab and "CCTV" not in lab
    assert lab["H.R. Haldeman"] == "PERSON" and lab["GM"] == "ORG"  # initials and a company's acronym stay


def test_a_first_name_no_place_list_knows_joins_its_person() -> None:
    # the stream's Albany trial: "Kathina" GPE 17 times beside "Kathina Thomas" (no given name of the lists)
    text = ("The bullet struck Kathina Thomas. Kathina Thomas died. Kathina Thomas was 12. Medics treated Kathina. "
            "Kathina was shot outside her home.")
    lab = _labels(text, [("Kathina Thomas", "PERSON", 0), ("Kathina Thomas", "PERSON", 1),
                         ("Kathina Thomas", "PERSON", 2), ("Kathina", "GPE", 3), ("Kathina", "GPE", 4)])
    assert lab["Kathina"] == "PERSON"


def test_names_in_a_list_after_a_plural_place_noun_are_places() -> None:
    # the stream (Qeshm earthquake): spaCy tags each village PERSON; "the Bicol region" (Philippines)
    text = ("The report said the villages of Karavan and Kousheh were worst hit. Several residential units in the "
            "villages Kavouhi and Zinabieh were damaged. The earth tremor hit a triangular area between Ras Al "
            "Khaimah, Al Ain and Dubai. Babs, in particular, ravaged the Bicol region, a large coconut-producing area.")
    names = ["Karavan", "Kousheh", "Kavouhi", "Zinabieh", "Ras Al Khaimah", "Al Ain", "Bicol"]
    lab = _labels(text, [(n, "PERSON", 0) for n in names] + [("Dubai", "GPE", 0)])
    assert all(lab[n] == "GPE" for n in names), lab


def test_a_person_named_after_a_plural_noun_that_is_no_place_stays_a_person() -> None:
    text = "The report named the suspects Hasib Hussain and Jermaine Lindsay."
    lab = _labels(text, [("Hasib Hussain", "PERSON", 0), ("Jermaine Lindsay", "PERSON", 0)])
    assert lab["Hasib Hussain"] == lab["Jermaine Lindsay"] == "PERSON"
