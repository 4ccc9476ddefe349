"""Numbers and what they count, round 3 (a fresh gold, session 14): a number joined by a hyphen to a
noun that modifies another noun, an -ing word before the plural counted, and the upper end of a range
before the unit. Sentences of the stream."""

from __future__ import annotations

from newsweave.records import Mention
from newsweave.stages.numbers import numbers_in_text


def _numbers(text: str, *mentions: str, label: str = "CARDINAL") -> list[tuple[float, str | None, str | None]]:
    """The numbers of one sentence, given the number mentions spaCy finds in it."""
    ms = [Mention(text.index(m), text.index(m) + len(m), m, label) for m in mentions]
    return [(n["value"], n["unit"], n["counts"]) for n in numbers_in_text(text, ms, [(0, len(text))])]


def test_a_number_joined_to_a_measure_is_its_unit() -> None:
    text = "capped it off with a 7 - yard touchdown pass from Luck to (who else) Reggie Wayne."
    assert _numbers(text, "7") == [(7, "yards", None)]
    text = "Serving as host of the three-hour live show requires physical stamina"
    assert _numbers(text, "three-hour", label="TIME") == [(3, "hours", None)]
    text = "amid a 24 - hour nationwide general strike that grounded all flights"
    assert _numbers(text, "24 - hour", label="TIME") == [(24, "hours", None)]  # was "hour"
    text = 'The 170, 000 - square - foot building houses a number of businesses'
    assert _numbers(text, "000 - square - foot", label="QUANTITY") == [(170_000, "square feet", None)]


def test_a_number_joined_to_a_noun_counts_it() -> None:
    text = "In September, the People's Council, a 2,507-member assembly of presidential appointees, voted"
    assert _numbers(text, "2,507") == [(2507, None, "members")]
    text = "There were several performances, including a 100+ member troupe of Taiwanese dancers."
    assert _numbers(text, "100") == [(100, None, "members")]
    assert _numbers("Thomas' spot on the 53 - man roster was quickly filled", "53") == [(53, None, "men")]


def test_hyphens_that_join_no_counted_noun() -> None:
    # a number word's own hyphen, a capitalised name after an ECB+ dash, a field position, a fraction, an age,
    # a kind of shot
    assert _numbers("Twenty-three personnel surrendered on boarding.", "Twenty-three") == [(23, None, "personnel")]
    assert _numbers("1st - and - 10 – Quinn pass incomplete", "10") == [(10, None, None)]
    assert _numbers("was tackled at the 10 - yard line.", "10") == [(10, None, None)]
    text = "served a 4 - 1 / 2 - month prison term for his role"
    assert all(unit != "months" for _v, unit, _c in _numbers(text, "2"))
    assert _numbers("a 16 - year old boy was hurt", "16") == [(16, None, None)]
    assert _numbers("Echenique's third three - point play of the day", "three") == [(3, None, None)]
    assert _numbers("who was a mother of 12 - another mom and a girl were wounded", "12") == [(12, None, None)]


def test_an_ing_word_between_a_number_and_its_plural() -> None:
    text = "Luck also set an NFL rookie record for a season with 4, 183 passing yards."
    assert _numbers(text, "4") == [(4183, "yards", None)]  # (a measure: the unit, since session 18)
    assert _numbers("It said counting is underway for 69 remaining seats.", "69") == [(69, None, "seats")]
    assert _numbers("left a receptionist dead and two managing partners wounded.", "two")[0][2] == "partners"


def test_the_upper_end_of_a_range_before_its_unit() -> None:
    text = "could leave a country's economy crippled for at least 72 to 120 hours causing a lot of problems!"
    assert _numbers(text, "at least 72", "120 hours") == [(72, "hours", None)]
    # no range: a clock time after it, a smaller figure
    assert _numbers("open from 1 to 5 p.m. on weekdays", "1") == [(1, None, None)]
    assert _numbers("voted 9 to 3 jurors", "9")[0][:1] == (9,)


def test_a_measure_after_a_figure_tagged_apart_is_its_unit() -> None:
    # spaCy tags "1" and "500 kilometers" apart in "1, 500 kilometers": the joined figure's unit is the measure
    text = "Qeshm, a 1, 500 - square - kilometer island off the coast and 1, 500 kilometers south of Tehran, is big."
    found = _numbers(text, "1", "500 - square - kilometer", "1, 500 kilometers")
    assert (1500, "kilometers", None) in found
    text = "The quake has been followed by frequent aftershocks varying from 2.8 to 3.8 degrees on the Richter scale."
    assert _numbers(text, "2.8") == [(2.8, "magnitude", None)]  # degrees on the Richter scale: a magnitude
    # points scored stay counted; "at one point" is no measure
    assert _numbers("Shy Ely scored 23 points for the Purple Aces.", "23") == [(23, None, "points")]
    assert all(unit != "points" for _v, unit, _c in _numbers("He even laughed at one point.", "one"))


def test_square_measures_and_metric_units() -> None:
    text = "The territory of Pichilemu has a surface of 7,491 square kilometers, and comprises at least 24 villages."
    assert _numbers(text, "7,491 square kilometers", label="QUANTITY")[0] == (7491, "square kilometers", None)
    text = "At least 29 millimeters were reported by ONEMI in the Bío Bío Region in Wednesday morning."
    assert _numbers(text, "At least 29") == [(29, "millimeters", None)]


def test_a_word_before_the_figure_is_no_unit_and_power_is_measured() -> None:
    # the Swissair story of the stream: "all three" is 3 engines, not 3 "all"; "30 kilowatts" a power, not a count
    text = "the operation was a success, retrieving all three of the engines, parts of the fuselage and cockpit."
    assert _numbers(text, "all three") == [(3, None, "engines")]
    text = "on a big jet the system can use 30 kilowatts _ enough electricity to run several large suburban houses."
    assert _numbers(text, "30") == [(30, "kilowatts", None)]


def test_degrees_of_a_quake_are_its_magnitude() -> None:
    text = "In December 2003, the southeastern city of Bam was razed by a 6.7 degree quake that left 31,000 dead."
    assert _numbers(text, "6.7 degree", label="QUANTITY")[0][:2] == (6.7, "magnitude")
    text = "The position is 26.94 degrees north latitude and 55.96 degrees east longitude."
    assert _numbers(text, "26.94 degrees", label="QUANTITY")[0][:2] == (26.94, "degrees")


def test_a_large_sum_nothing_is_counted_for_joins_the_row_that_counts_it() -> None:
    """The stream's PAL story: "dlrs 2.1 billion in debts" (nothing counted) and "$2.1 billion in debt" of two
    other articles are one row; a figure under a million stays its own row."""
    from newsweave.stages.facts import build_number_table

    def n(value: float, counts: str | None) -> dict:
        return {"value": value, "unit": "$", "counts": counts, "text": str(value), "start": 0, "end": 3}

    rows = build_number_table([("a1", [n(2_100_000_000, None), n(500_000, None)]),
                               ("a2", [n(2_100_000_000, "debt")]), ("a3", [n(2_100_000_000, "debt"),
                                                                          n(500_000, "supplies")]),
                               ("a4", [n(500_000, "supplies")])])  # fmt: skip
    debt = [r for r in rows if r["value"] == 2_100_000_000]
    assert len(debt) == 1 and debt[0]["counts"] == "debt" and sorted(debt[0]["articles"]) == ["a1", "a2", "a3"]
    assert len([r for r in rows if r["value"] == 500_000]) == 2
