"""Which figures of a story's number table stand against each other (a conflict): not a figure of an earlier
event, a place named apart, a count added on top of another, or a vague plural. Sentences from the stream's
DUC 2003 and ECB+ articles."""

from __future__ import annotations

from typing import Any

from newsweave.records import Analysis, Article, Mention
from newsweave.stages.facts import build_number_table, story_facts

BAM = ("In December 2003, the southeastern city of Bam was razed by a 6.7 degree quake that left more than 31,000 "
       "people dead.")  # fmt: skip
QESHM = ("A powerful earthquake hit southern Iran on Sunday, causing major destruction in seven villages and killing "
         "10 people.")  # fmt: skip
CHINA = "On Saturday, more than a dozen people were killed by a quake in eastern China."
POLAND = "In Poland, 36 people died, most of them homeless, police said."
ROMANIA = "In Romania, at least 21 people died from the cold."
POLAND_32 = "In Poland, 32 people died, most of them homeless or others who passed out in the cold, police said."
FIRE_50 = "More than 50 firefighters tackled the blaze at the store."
FIRE_DOZENS = "Dozens of firefighters tackled the blaze at the supermarket."
SORSOGON = "Another 102 people were injured by flying debris in Sorsogon province."
TAITUNG = "Nine people were injured when their van was hit by rockslides."


def _story(*texts: str, published: str = "2005-11-28") -> list[dict[str, Any]]:
    """The number table of a story whose i-th article holds the i-th text, with spaCy's mentions as the
    stored analysis gives them (found here with a small hand list: numbers, dates and places)."""
    import re

    tags = [(r"December 2003|Sunday|Saturday|Monday", "DATE"), (r"Bam|Iran|China|Poland|Romania|Sorsogon province|"
            r"Heraklion|Athens|Thessaloniki|Cuba", "GPE"), (r"more than 31,000|10,000|seven|10|more than a dozen|36|"
            r"at least 21|32|More than 50|Dozens|102|Nine|6.7|tens of thousands|as many as 20,000|20,000|five|"
            r"more than 1,500|at least 85",
            "CARDINAL"), ("Posoltega", "PERSON"), ("Fonds Verrettes", "GPE")]  # fmt: skip
    arts, analyses = [], {}
    for i, text in enumerate(texts):
        aid = f"a{i}"
        ms = sorted((Mention(m.start(), m.end(), m.group(), label) for rx, label in tags
                     for m in re.finditer(rf"\b(?:{rx})\b", text)), key=lambda m: m.start)  # fmt: skip
        arts.append(Article(id=aid, text=text, title=None, published=published, source=f"site{i}.com"))
        analyses[aid] = Analysis(article_id=aid, sentences=((0, len(text)),), mentions=tuple(ms), quotes=())
    return story_facts(arts, analyses)[1]


def _conflicts(table: list[dict[str, Any]]) -> dict[Any, list[Any]]:
    return {g["value"]: g.get("conflicts_with", []) for g in table if g["conflict"]}


def test_a_toll_of_an_earlier_event_is_no_rival() -> None:
    assert _conflicts(_story(QESHM, BAM)) == {}


def test_tolls_of_places_named_apart_are_no_rivals_but_one_place_keeps_its_conflict() -> None:
    assert _conflicts(_story(QESHM, CHINA)) == {}
    assert _conflicts(_story(POLAND, ROMANIA)) == {}
    assert _conflicts(_story(POLAND, POLAND_32, published="1998-11-23")) == {36: [32], 32: [36]}


def test_a_toll_counted_in_a_place_is_no_rival_of_a_toll_that_names_none() -> None:
    # Hurricane Georges (DUC 2003): Cuba's toll against a Haitian town's, whose sentence names no place as where
    cuba = "Fidel Castro seemed relieved in Cuba, where only five people were killed after evacuations."
    town = "A flash flood nearly destroyed the southeastern border town of Fonds Verrettes, where 102 people died."
    assert _conflicts(_story(cuba, town, published="1998-10-03")) == {}
    # a name spaCy tags PERSON is a place where a relative clause of place follows it, and a place noun before a
    # name makes it the place of the figure: the town's two tolls still conflict
    posoltega = "As people in Posoltega, where more than 1,500 people died in mudslides, waited for help."
    toll = "The hurricane killed 102 people, officials said."
    assert _conflicts(_story(posoltega, toll, published="1998-11-03")) == {}
    earlier = "Earlier, officials said at least 85 people were killed in Fonds Verrettes, population 27,000."
    assert _conflicts(_story(town, earlier, published="1998-10-03")) == {102: [85], 85: [102]}


def test_a_vague_or_added_figures_verb_makes_no_rival_of_its_row() -> None:
    # the Athens bank fire (ECB+): "joined" is said of tens of thousands and of a further 20,000 only
    heraklion = "In Heraklion, 10,000 people are reported as marching against the measures."
    walkout = "Police clashed with protesters as tens of thousands of people joined a 24-hour walkout."
    athens = "Police said as many as 20,000 people took to the streets of Athens."
    further = "Violence was also reported in Thessaloniki, where a further 20,000 people joined the demonstrations."
    assert _conflicts(_story(heraklion, walkout, athens, further, published="2010-05-05")) == {}


def test_a_vague_plural_and_an_added_count_are_no_rivals() -> None:
    assert _conflicts(_story(FIRE_50, FIRE_DOZENS)) == {}
    assert _conflicts(_story(SORSOGON, TAITUNG)) == {}


def test_the_same_figures_without_the_limits_still_conflict() -> None:
    """The guards act through the marks ``story_facts`` sets: the bare figures are rivals."""
    def num(value: int, start: int) -> dict[str, Any]:
        return {"start": start, "end": start + 2, "text": str(value), "value": value, "qualifier": None,
                "unit": None, "counts": "people", "verb": "killed", "sentence": [0, 10]}  # fmt: skip

    table = build_number_table([("a1", [num(10, 0)]), ("a2", [num(31000, 0)])])
    assert _conflicts(table) == {10: [31000], 31000: [10]}
    marked = build_number_table([("a1", [num(10, 0)]), ("a2", [{**num(31000, 0), "background": True}])])
    assert _conflicts(marked) == {}


def test_vague_amounts_are_shown_as_written_and_code_names_and_short_units_are_read() -> None:
    from newsweave.records import Mention as M
    from newsweave.stages.facts import vague_value
    from newsweave.stages.numbers import numbers_in_text, parse_number

    assert parse_number("several dozen") == {"value": 12, "qualifier": "several dozen", "unit": None}
    assert parse_number("several hundred million")["value"] == 100_000_000
    assert [vague_value(q) for q in (
        "tens of thousands", "hundreds of millions", "several dozen", "several hundred million", "at least")] == [
        10_000, 100_000_000, 12, 100_000_000, None]
    text = "Priority will be to recover the SEA-ME-WE 4 cable. Total downtime was 1hr 4 mins, SEACOM said."
    found = numbers_in_text(text, [M(text.index("4 cable"), text.index("4 cable") + 1, "4", "CARDINAL"),
                                   M(text.index("4 mins"), text.index("4 mins") + 1, "4", "CARDINAL")],
                            [(0, 50), (51, len(text))])  # fmt: skip
    assert [(n["value"], n["unit"], n["counts"]) for n in found] == [(4, "minutes", None)]


def test_a_quakes_magnitude_is_read_from_the_richter_scale_or_a_decimal_before_quake() -> None:
    from newsweave.records import Mention as M
    from newsweave.stages.numbers import numbers_in_text

    # the Qeshm quake (ECB+) and Chile's aftershock (MultiLing): all magnitudes, none a count of quakes
    text = ("An earthquake measuring 5.6 on the Richter scale jolted Qeshm island. The same island was hit by a 6.1 "
            "quake in September. A powerful quake with a magnitude of 6.1 struck. Two quakes hit the town.")
    import re

    ends = [m.end() for m in re.finditer(r"\. ", text)]
    sentences = list(zip([0, *ends], [e - 1 for e in ends] + [len(text)], strict=True))
    found = numbers_in_text(text, [M(m.start(), m.end(), m.group(), "CARDINAL")
                                   for m in re.finditer(r"5\.6|6\.1|Two", text)], sentences)  # fmt: skip
    assert [(n["value"], n["unit"], n["counts"]) for n in found] == [
        (5.6, "magnitude", None), (6.1, "magnitude", None), (6.1, "magnitude", None), (2, None, "quakes")]


def test_a_possessives_mark_is_no_part_of_a_unit() -> None:
    from newsweave.records import Mention as M
    from newsweave.stages.numbers import numbers_in_text

    # Bettie Page's obituaries (ECB+): spaCy's TIME mention takes the apostrophe in
    text = "Klaw, who paid $80 for four hours' work at his studio in Greenwich Village, required such shots."
    found = numbers_in_text(text, [M(23, 34, "four hours'", "TIME")], [(0, len(text))])
    assert [(n["value"], n["unit"], n["text"]) for n in found] == [(4, "hours", "four hours")]


def test_counts_of_progress_are_no_rivals() -> None:
    # Air France 447 (MultiLing): bodies recovered over the days of a search
    so_far = "At least two bodies have been recovered so far."
    weekend = "Sixteen bodies have been recovered from the waters of the ocean last weekend."
    table = build_number_table([("a1", [{"start": 9, "end": 12, "text": "two", "value": 2, "qualifier": "at least",
                                         "unit": None, "counts": "bodies", "verb": "recovered", "sentence": [0, 47]}]),
                                ("a2", [{"start": 0, "end": 7, "text": "Sixteen", "value": 16, "qualifier": None,
                                         "unit": None, "counts": "bodies", "verb": "recovered", "sentence": [0, 77]}])])
    assert (so_far[9:12], weekend[0:7]) == ("two", "Sixteen") and _conflicts(table) == {}
    killed = [{**row, "verb": "killed"} for row in ({"start": 0, "end": 2, "text": "10", "value": 10, "qualifier": None,
               "unit": None, "counts": "people", "sentence": [0, 10]},)]  # fmt: skip
    tolls = build_number_table([("a1", killed), ("a2", [{**killed[0], "value": 3, "text": "3"}])])
    assert _conflicts(tolls) == {10: [3], 3: [10]}
