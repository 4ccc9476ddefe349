"""Numbers and what they count, without a parse (what the story analysis reads): sentences from
the dev stream."""

from __future__ import annotations

import pytest

from newsweave.records import Mention
from newsweave.stages.numbers import numbers_in_text, parse_number


def _numbers(text: str, *mentions: str, label: str = "CARDINAL") -> list[tuple[float, str | None, str | None]]:
    """The numbers of one sentence, given the number mentions spaCy finds in it."""
    ms = [Mention(text.index(m), text.index(m) + len(m), m, label) for m in mentions]
    return [(n["value"], n["unit"], n["counts"]) for n in numbers_in_text(text, ms, [(0, len(text))])]


def test_vague_multiples_of_a_scale_word() -> None:
    assert parse_number("Tens of thousands")["value"] == 10_000
    assert parse_number("hundreds of thousands")["value"] == 100_000
    assert parse_number("hundreds")["value"] == 100


def test_minus_makes_a_negative_value() -> None:
    assert parse_number("minus 26 Celsius")["value"] == -26


def test_currency_written_before_the_number() -> None:
    text = "It must resume payments on dlrs 2.1 billion in debt."
    assert _numbers(text, "2.1 billion", label="MONEY") == [(2_100_000_000, "$", None)]


def test_pieces_of_clock_times_and_names_are_no_quantities() -> None:
    assert _numbers("The aftershock occurred at 08:32:22 UTC on Saturday.") == []
    assert _numbers("Searchers found debris of Air France Flight 447 in the ocean.") == []
    # a capitalised word that starts the sentence or is a month does not make a name
    assert _numbers("About 300 people were rescued on March 3.")[0][:1] == (300,)


@pytest.mark.parametrize(
    ("text", "number", "counts"),
    [
        ("Haitian police arrested ten United States nationals, five men and five women.", "ten", "nationals"),
        ("They retrieved all three of the engines from the sea floor.", "all three", "engines"),
        ("Rice was distributed in sixteen locations across Haiti's capital.", "sixteen", "locations"),
        ("It is greater than the 400 or so candidates who registered.", "400", "candidates"),
        ("On Sunday, thousands turned out to hear the student leader.", "thousands", None),
    ],
)
def test_what_a_number_counts(text: str, number: str, counts: str | None) -> None:
    assert _numbers(text, number)[0][2] == counts


def test_magnitude_before_the_number_is_its_unit() -> None:
    assert _numbers("The magnitude 7 earthquake made 1.5 million people homeless.")[0][:2] == (7, "magnitude")


def test_number_table_leaves_out_references_back_to_a_count() -> None:
    from newsweave.stages.facts import build_number_table

    text = "The two men met for nearly two hours; two sides agreed and 87 civilians died."
    spans = [
        ("two", 4),
        ("nearly two hours", text.index("nearly")),
        ("two", text.index("two sides")),
        ("87", text.index("87")),
    ]
    ms = [Mention(at, at + len(x), x, "TIME" if "hours" in x else "CARDINAL") for x, at in spans]
    table = build_number_table([("a1", numbers_in_text(text, ms, [(0, len(text))]))])
    assert {(g["value"], g["unit"], g["counts"]) for g in table} == {(87, None, "civilians"), (2, None, "sides"),
                                                                    (2, "hours", None)}  # fmt: skip


def test_a_figure_spaced_after_its_thousands_comma_is_one_number() -> None:
    from newsweave.stages.numbers import numbers_in_text, parse_number

    # ECB+ texts are tokenised: "12, 000 people" (read as 12 and as 0 before)
    text = "The quake killed 12, 000 people and left 1, 250, 000 homeless on 10 October, officials said."
    found = {n["text"]: (n["value"], n["counts"]) for n in numbers_in_text(text, [], [(0, len(text))])}
    assert found == {"12, 000": (12000, "people"), "1, 250, 000": (1250000, "homeless")}  # "10 October" is a date
    assert parse_number("12, 000")["value"] == 12000 and parse_number("1, 2")["value"] == 1


def test_model_codes_and_24_hour_times_are_no_counts() -> None:
    # ECB+ (CC BY) sentences of the stream: a model code is no count but may say what is counted
    text = "INS Sukanya has seized a total of 14 AK - 47 rifles, 31 magazines and 923 rounds of ammunition."
    assert _numbers(text, "14", "31", "923") == [(14, None, "rifles"), (31, None, "magazines"), (923, None, "rounds")]
    text = "Marine commandos boarded the dhow at 1230 hours and apprehended the pirates at about 1100 hrs IST."
    assert _numbers(text, "1230 hours", "about 1100") == []
    assert 800 not in [v for v, _, _ in _numbers("At 4 p.m. (0800 GMT), it was located 370 kilometers east.", "0800")]
    text = "Swissair had inspected one Swissair MD-11 and its remaining 15 MD-11s and three Boeing 747s."
    assert [c for _, _, c in _numbers(text, "one", "15")] == ["md-11", "md-11s"]


def test_what_coordinated_numbers_count_and_adverbs_after_a_number() -> None:
    text = "Indian commandos boarded the larger pirate boat, seizing 12 Somali and 11 Yemeni nationals."
    assert _numbers(text, "12", "11") == [(12, None, "nationals"), (11, None, "nationals")]
    text = "The Navy confiscated 14 AK 47 Rifles, 31 Magazines and 923 rounds of ammunition."
    assert {v: c for v, _, c in _numbers(text, "31")}[31] == "magazines"
    assert _numbers("They had 26 crewmen aboard, all Somalian nationals.", "26") == [(26, None, "crewmen")]
    assert _numbers("The three boats had a total of 26 Somali crew onboard.", "26") == [(26, None, "crew")]
    assert _numbers('"We have 100 critically ill patients who will die," he said.', "100") == [(100, None, "patients")]


def test_clock_times_written_without_a_colon_are_no_quantities() -> None:
    # stream sentences (ECB+, CC BY): "7 p. m." as its texts space it, "11am" as UK papers write it
    text = "She was struck at about 7 p. m. Friday and taken to a hospital with 3 other people."
    assert [v for v, _, _ in _numbers(text, "about 7", "3")] == [3]
    assert _numbers("The bid was made shortly after 11am on Friday.", "11am", label="TIME") == []


def test_a_part_of_a_count_counts_nothing_itself() -> None:
    # stream sentences (ECB+, CC BY): "one of the two men" is one man of two, not a count of 1 man against 2
    text = "A jury has handed down a guilty verdict for one of the two men accused of murdering a mother."
    assert _numbers(text, "one", "two") == [(2, None, "men")]  # "one of ...": no count at all
    assert _numbers("All three of the engines failed.", "three") == [(3, None, "engines")]


def test_ranges_and_vague_amounts_have_no_unit_of_their_words() -> None:
    # "10 to 12" had the unit "to", "several dozen" the unit "several"
    assert parse_number("10 to 12 inches") == {"value": 10, "qualifier": None, "unit": "inches"}
    assert parse_number("40 or 50")["unit"] is None and parse_number("5-7 days")["unit"] == "days"
    assert parse_number("several dozen")["unit"] is None
    assert _numbers("Several hundred protesters gathered.", "Several hundred")[0][2] == "protesters"


def test_scales_after_a_hyphen_or_glued_and_split_thousands_keep_their_words() -> None:
    text = ("Four men made off with a $2.6 - million booty, and diamonds worth $137-million. A masked man took "
            "£88m of gems. More than 31, 000 people fled; around €60, 000 was taken. On May 5, 200 people "
            "marched. He is 6 - foot - 8, 225 pounds. It was one of the world's biggest heists.")
    ents = [("$2.6 - million", "MONEY"), ("$137-million", "MONEY"), ("88", "MONEY"), ("More than 31", "CARDINAL"),
            ("000", "CARDINAL"), ("around €60", "MONEY"), ("000", "CARDINAL"), ("200", "CARDINAL"),
            ("6 - foot - 8", "QUANTITY"), ("225", "CARDINAL"), ("one", "CARDINAL")]
    mentions, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        mentions.append(Mention(start, start + len(surface), surface, label))
        pos = start + len(surface)
    got = {n["text"]: n["value"] for n in numbers_in_text(text, mentions, [(0, len(text))])}
    assert got["$2.6 - million"] == 2_600_000 and got["$137-million"] == 137_000_000
    assert got["88m"] == 88_000_000
    assert got["More than 31, 000"] == 31_000 and got["around €60, 000"] == 60_000
    assert got["200"] == 200  # a day of the month, then a count: not 5,200
    assert got["6 - foot - 8"] == 6 and got["225"] == 225  # a height, then a weight
    assert "one" not in got  # "one of ...": no count


def test_audit_rows_of_the_stream_tables() -> None:
    # rows of the 961-article run's number tables that a reader would find wrong (benchmarks/number_audit.py)
    assert _numbers("as tens of thousands of protesters took to the streets", "tens of thousands") == [
        (10_000, None, "protesters")]  # was the unit "tens"
    assert _numbers("and grabbed watches worth an estimated two million euros (£1.7 million).",
                    "an estimated two million")[0] == (2_000_000, "€", None)  # was a count of euros
    assert _numbers("had escaped with 11m euros of jewellery.", "11") == [(11_000_000, "€", None)]
    assert _numbers("pass the bailout - - 22 billion Euros over three years.", "22") == [(22 * 10**9, "€", None)]
    assert _numbers("fell about 600m while climbing", "about 600") == [(600, "m", None)]
    assert _numbers("it has attacked over 2m Windows users.", "2") == [(2_000_000, None, "users")]
    assert _numbers("the Angels at eight years and $160MM.", "160MM", label="MONEY") == [(160_000_000, "$", None)]
    assert _numbers("the Angels at least $160MM.", "at least $160MM", label="MONEY")[0][:2] == (160_000_000, "$")
    assert _numbers("the Orioles, $140 - 150MM, and", "140", label="MONEY")[0][:2] == (140_000_000, "$")
    assert parse_number("$140- $150 million")["value"] == 140_000_000
    assert _numbers("she re - entered 10 minutes later with a handgun.", "10 minutes later", label="TIME") == [
        (10, "minutes", None)]  # was the unit "later"
    assert _numbers("Between four and seven candidates will be elected.", "Between four and seven") == [
        (4, None, "candidates")]  # was 11: "four and seven" summed
    assert _numbers("I've seen seven to eight buildings collapse.", "seven to eight")[0][0] == 7


def test_names_codes_scores_and_clock_times_are_no_counts() -> None:
    for text, mention in [("Mo bleeds 76ers.", "76ers"), ("with his 1,000th career point", "1,000th"),
                          ("gave the Colts a 20 - 13 lead.", "13"), ("with an 8 - 8 record.", "8 - 8"),
                          ("Thompson (36 - 3) just didn't", "36"), ("grabbed a. 357 Magnum and", "357"),
                          ("pointed a .357 caliber revolver", "357"), ("the No. 2 official at the FBI", "2"),
                          ("an apartment at 24 Independent Street.", "24"), ("in the 22000 block of Joliet", "22000"),
                          ("walked in around 10 a. m., stopped", "10 a. m."), ("It occurred at 11.03 UTC.", "11.03"),
                          ("drove a large four - by - four car into", "four")]:  # fmt: skip
        assert _numbers(text, mention) == [], text
    assert [n[0] for n in _numbers("Thompson (36 - 3, 24 KO) just didn't", "36")] == [24]  # 24 knockouts
    # a range is no score: its plural stays its unit or what is counted, and a range of sums keeps its currency
    assert _numbers("it fell 10 - 12 inches of snow", "10 - 12") == [(10, "inches", None)]  # (its unit)
    assert _numbers("the Orioles (seven years, $140-150 million)", "$140-150 million", label="MONEY")[0][:2] == (
        140_000_000, "$")


def test_what_is_counted_past_possessives_prefixes_and_verbs() -> None:
    assert _numbers("Some 80 percent of Croatia's 4.7 million population is Catholic.", "Some 80 percent",
                    label="PERCENT")[0] == (80, "%", "population")  # fmt: skip
    assert _numbers("accused of killing two co - workers and injuring", "two") == [(2, None, "co-workers")]
    assert _numbers("One person threw a garbage can at a cop.", "One") == [(1, None, "person")]
    # a part of a count counts what the whole counts ("11 of the 16 seats"), but is no rival of it in a conflict
    assert _numbers("who have dropped four of their last five games.", "four") == [(4, None, "games")]
    assert _numbers("Hard-liners won 11 of the 16 seats in Tehran.", "11")[0] == (11, None, "seats")
    assert _numbers("had eight of the Bluejays' 11 assists.", "eight")[0] == (8, None, "assists")
    assert _numbers("He has won stage 13 of the 2007 Tour de France.", "13") == []  # a label, and no part of 2007
    assert _numbers("13 fully loaded magazines and three in ten U.S. citizens", "13", "ten") == [
        (13, None, "magazines"), (10, None, "citizens")]  # fmt: skip
    assert _numbers("in the 12 worst - hit villages", "12") == [(12, None, "villages")]
    assert _numbers("A 5.6 magnitude earthquake hit an island.", "5.6") == [(5.6, "magnitude", None)]


def test_spaced_model_codes_and_degrees() -> None:
    assert _numbers("the Navy has confiscated 14 AK 47 Rifles, 31 magazines", "14")[0] == (14, None, "rifles")
    assert parse_number("570 degrees F")["unit"] == "°F"
    assert _numbers("to minus 21 Celsius (minus 6 F).", "minus 21", "6") == [(-21, None, "celsius"), (-6, "°F", None)]


def test_split_figure_tails_weights_and_labels() -> None:
    text = "Qeshm is 1, 500 kilometers south of Tehran."
    ms = [Mention(9, 10, "1", "CARDINAL"), Mention(12, 26, "500 kilometers", "QUANTITY")]
    got = [(n["value"], n["unit"]) for n in numbers_in_text(text, ms, [(0, len(text))])]
    assert got == [(1500, "kilometers")]  # its unit; not also "500 kilometers"
    assert _numbers("a man weighing approximately 200 pounds", "approximately 200 pounds", label="QUANTITY") == [
        (200, "pounds", None)]  # fmt: skip
    assert _numbers("only in version 7 of Internet Explorer", "7") == []
    assert _numbers("with hundreds of policemen either killed or missing", "hundreds")[0][2] == "policemen"
    assert _numbers("when four suicide bombers blew themselves up on three separate London Underground trains",
                    "four", "three") == [(4, None, "bombers"), (3, None, "trains")]  # fmt: skip


def test_ages_and_numbers_inside_a_modifier_are_no_counts() -> None:
    assert _numbers("He is also survived by two sons, ages 6 and 16.", "two", "6", "16") == [(2, None, "sons")]
    assert _numbers("He has died in jail, aged 77.", "77") == []
    assert _numbers("Rahman got up after a seven count but spent the rest", "seven") == []
    assert _numbers("Janice Leader, a 911 dispatcher, told reporters", "911") == []
    assert _numbers("with an eight round decision win over Gene Pukall", "eight") == []
    assert _numbers("a four year spell", "four")  # a unit after it: kept
    assert _numbers("after a 6.1 quake in the region", "6.1")  # a decimal (a magnitude): kept


def test_other_and_more_between_a_number_and_what_it_counts() -> None:
    assert _numbers("seized seven AK-47 assault rifles, two other rifles, a grenade launcher", "two")[0][2] == "rifles"
    assert _numbers("Around 20 more people had to be ushered to safety.", "Around 20")[0][2] == "people"
    assert _numbers("Two other buildings besides the bank were set on fire.", "Two")[0][2] == "buildings"
    assert _numbers("These are just two more arrests that we've had.", "two")[0][2] == "arrests"
    assert _numbers("the bidding reached 10 more than expected", "10")[0][2] is None


def test_speeds_are_units_not_counts_of_hours() -> None:
    # DUC 2003 and ECB+ sentences of the stream: "120 miles an hour" counted "hour"; "100 mph" counted "mph"
    assert parse_number("up to 120 miles per hour")["unit"] == "mph"
    assert parse_number("135 miles an hour")["unit"] == "mph"
    assert parse_number("193 kilometres an hour")["unit"] == "km/h"
    assert parse_number("nearly two hours")["unit"] == "hours"
    text = "Deputies chased him at speeds of more than 100 mph, winds of 130 kph (81 mph)."
    mentions = [Mention(text.index("more"), text.index(" mph"), "more than 100", "CARDINAL"),
                Mention(text.index("130"), text.index("130") + 3, "130", "CARDINAL")]  # fmt: skip
    assert [(n["value"], n["unit"], n["counts"]) for n in numbers_in_text(text, mentions, [(0, len(text))])][:2] == [
        (100, "mph", None), (130, "km/h", None)]
