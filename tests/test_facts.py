"""Numbers and dates: values, units and what they count; dates resolved against publication;
the story timeline and number table; their rendering."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsweave.records import Analysis, Article, Mention
from newsweave.report import render_html, render_markdown
from newsweave.stages.dates import DateResolver, dates_in_text
from newsweave.stages.facts import build_number_table, build_timeline, story_facts
from newsweave.stages.numbers import numbers_in_text, parse_number

KHAN = (
    "The Kremlin leader rejected accusations over the suspected chemical attack last week on the town of "
    "Khan Sheikhun that left 87 civilians dead including children."
)
SYRIA = "The talks look set to be dominated by Syria -- where more than 320,000 people have died in six years of war."
TALKS = "Tillerson and Lavrov began tense talks in Moscow on Wednesday. They met Putin for nearly two hours."


def mention(text: str, phrase: str, label: str, nth: int = 0) -> Mention:
    """A hand-made mention of the nth occurrence of ``phrase``."""
    start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    return Mention(start, start + len(phrase), phrase, label)


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(r"[^.!?\s][^.!?]*[.!?]", text))


# ---------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("expression", "value", "qualifier", "unit"),
    [
        ("320,000", 320000, None, None),
        ("more than 320,000", 320000, "more than", None),
        ("nearly two hours", 2, "nearly", "hours"),
        ("$5 million", 5_000_000, None, "$"),
        ("1.5bn euros", 1_500_000_000, None, "€"),
        ("12%", 12, None, "%"),
        ("about 12 percent", 12, "about", "%"),
        ("twenty-five", 25, None, None),
        ("a dozen", 12, "about", None),
        ("Half a million", 500_000, "about", None),
        ("a quarter of a million", 250_000, "about", None),
        ("three and a half million", 3_500_000, None, None),
        ("half", None, None, None),
        ("two hundred thousand", 200_000, None, None),
        ("hundreds", 100, "hundreds of", None),
    ],
)
def test_parse_number_reads_value_qualifier_and_unit(expression: str, value: float, qualifier: str | None,
                                                      unit: str | None) -> None:  # fmt: skip
    assert parse_number(expression) == {"value": value, "qualifier": qualifier, "unit": unit}


def test_number_counts_the_noun_after_it() -> None:
    text = f"{KHAN} {SYRIA}"
    ms = [mention(text, "87", "CARDINAL"), mention(text, "more than 320,000", "CARDINAL"),
          mention(text, "six years", "DATE"), mention(text, "last week", "DATE")]  # fmt: skip
    nums = {n["text"]: n for n in numbers_in_text(text, ms, sentences(text))}
    assert set(nums) == {"87", "more than 320,000"}
    assert (nums["87"]["value"], nums["87"]["counts"], nums["87"]["verb"]) == (87, "civilians", "dead")
    big = nums["more than 320,000"]
    assert (big["value"], big["qualifier"], big["counts"], big["verb"]) == (320000, "more than", "people", "died")
    s, e = big["sentence"]
    assert text[s:e] == SYRIA


def test_qualifier_before_the_mention_and_unmentioned_digits_are_read() -> None:
    text = "At least 59 Tomahawk missiles hit the base in 2017."
    nums = numbers_in_text(text, [mention(text, "59", "CARDINAL")], sentences(text))
    assert [(n["value"], n["qualifier"], n["counts"]) for n in nums] == [(59, "at least", "missiles")]
    loose = numbers_in_text("Police said 14 protesters were arrested.", [], [(0, 40)])
    assert [(n["value"], n["counts"], n["verb"]) for n in loose] == [(14, "protesters", "arrested")]


def test_half_a_million_is_500000_people_not_a_million_halves() -> None:
    text = "Half a million people watched the ceremony. More than 350,000 believers crowded the hill."
    ms = [mention(text, "Half a million", "CARDINAL"), mention(text, "More than 350,000", "CARDINAL")]
    nums = numbers_in_text(text, ms, sentences(text))
    assert [(n["value"], n["qualifier"], n["unit"], n["counts"]) for n in nums] == [
        (500_000, "about", None, "people"),
        (350_000, "more than", None, "believers"),
    ]


def test_codes_and_clock_times_are_not_numbers() -> None:
    text = "Filed 12Apr17 at 10:30 a.m. by the desk."
    ms = [mention(text, "12Apr17", "CARDINAL"), mention(text, "10:30 a.m.", "TIME")]
    assert numbers_in_text(text, ms, sentences(text)) == []
    # a mixed number is its whole value ("2 1/2 hours", as the reader's pass found it read as 2)
    assert parse_number("2 1/2 hours")["value"] == 2.5 and parse_number("3 \u00bd miles")["value"] == 3.5
    assert parse_number("24/7")["value"] == 24
    # a 4x4 is a vehicle, whether spaCy cuts the figure out of it or takes it whole (ECB+ sentence)
    text = "A police source said the men drove a large 4\u00d74 car into the store."
    assert numbers_in_text(text, [mention(text, "4\u00d74", "CARDINAL")], sentences(text)) == []


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("expression", "iso", "granularity"),
    [
        ("on Wednesday", "2017-04-12", "day"),  # published on a Wednesday: the same day
        ("Wednesday", "2017-04-12", "day"),
        ("Earlier Wednesday", "2017-04-12", "day"),
        ("Tuesday", "2017-04-11", "day"),
        ("last Wednesday", "2017-04-05", "day"),
        ("next Friday", "2017-04-14", "day"),
        ("yesterday", "2017-04-11", "day"),
        ("last week", "2017-04-03", "week"),  # Monday of the previous week
        ("the past week", "2017-04-03", "week"),
        ("the previous week", "2017-04-03", "week"),
        ("over the weekend", "2017-04-08", "day"),  # the Saturday before
        ("last weekend", "2017-04-08", "day"),
        ("this weekend", "2017-04-15", "day"),
        ("April 4", "2017-04-04", "day"),
        ("last month", "2017-03-01", "month"),
        ("2013", "2013-01-01", "year"),
        ("the 1990s", "1990-01-01", "decade"),
    ],
)
def test_dates_resolve_against_the_publication_day(expression: str, iso: str, granularity: str) -> None:
    r = DateResolver("2017-04-12T09:00:00Z").resolve(expression)
    assert (r["date"], r["granularity"]) == (iso, granularity)


def test_weekends_on_a_weekend_day() -> None:
    sunday = DateResolver("2017-04-16")
    assert sunday.resolve("the weekend")["date"] == "2017-04-15"  # the one it is
    assert sunday.resolve("this weekend")["date"] == "2017-04-15"
    assert sunday.resolve("last weekend")["date"] == "2017-04-08"  # the one before


@pytest.mark.parametrize("expression", ["six years", "recent months", "the past six years", "earlier on"])
def test_durations_and_fragments_are_not_timeline_points(expression: str) -> None:
    assert DateResolver("2017-04-12").resolve(expression)["date"] is None


def test_relative_dates_stay_unresolved_without_a_publication_date() -> None:
    resolver = DateResolver(None)
    assert resolver.resolve("on Wednesday") == {"date": None, "granularity": None, "relative": True,
                                                "note": "relative date and no publication date"}  # fmt: skip
    absolute = resolver.resolve("April 4, 2017")
    assert (absolute["date"], absolute["relative"]) == ("2017-04-04", False)


def test_dates_in_text_keeps_offsets_and_sentences() -> None:
    ms = [mention(TALKS, "Wednesday", "DATE"), mention(TALKS, "nearly two hours", "TIME")]
    dates = dates_in_text(TALKS, ms, sentences(TALKS), "2017-04-12")
    assert len(dates) == 1  # a TIME mention counts as a date only when it names a day
    d = dates[0]
    assert (d["text"], d["date"], TALKS[d["start"] : d["end"]]) == ("Wednesday", "2017-04-12", "Wednesday")
    assert TALKS[d["sentence"][0] : d["sentence"][1]].endswith("on Wednesday.")


# ---------------------------------------------------------------- story level


def _article(aid: str, text: str, published: str | None, ms: list[Mention]) -> tuple[Article, Analysis]:
    return Article(id=aid, text=text, published=published), Analysis(aid, sentences(text), tuple(ms), ())


def test_story_timeline_merges_near_identical_sentences_and_sorts_by_date() -> None:
    t2 = "Tillerson and Lavrov began their tense talks in Moscow on Wednesday. The attack came on April 4."
    a1, an1 = _article("a1", TALKS, "2017-04-12", [mention(TALKS, "Wednesday", "DATE")])
    a2, an2 = _article("a2", t2, "2017-04-12", [mention(t2, "Wednesday", "DATE"), mention(t2, "April 4", "DATE")])
    timeline, _ = story_facts([a1, a2], {"a1": an1, "a2": an2})
    assert [(t["date"], t["articles"]) for t in timeline] == [("2017-04-04", ["a2"]), ("2017-04-12", ["a1", "a2"])]
    first = timeline[1]
    assert first["article"] == "a1" and TALKS[first["start"] : first["end"]] == first["text"]


def test_an_undated_article_borrows_its_storys_day_and_says_so() -> None:
    # close to the dated article's text (facts.BORROW_SIMILARITY): the same talks
    t2 = "Putin told Mir TV on Wednesday, as Tillerson and Lavrov held tense talks in Moscow, there was no proof."
    a1, an1 = _article("a1", TALKS, "2017-04-12", [mention(TALKS, "Wednesday", "DATE")])
    a2, an2 = _article("a2", t2, None, [mention(t2, "Wednesday", "DATE")])
    timeline, _ = story_facts([a1, a2], {"a1": an1, "a2": an2})
    by_article = {t["article"]: t for t in timeline}
    assert by_article["a2"]["date"] == "2017-04-12" and by_article["a2"]["approximate"] is True
    assert "approximate" not in by_article["a1"]
    # dated articles a week apart are not one news cycle: nothing to borrow
    a3, an3 = _article("a3", "Talks ended.", "2017-04-19", [])
    timeline, _ = story_facts([a1, a2, a3], {"a1": an1, "a2": an2, "a3": an3})
    assert [t["article"] for t in timeline] == ["a1"]


def test_same_date_in_unrelated_sentences_stays_two_entries() -> None:
    dates = [{"date": "2017-04-12", "granularity": "day", "text": "Wednesday", "sentence": [0, 20]}]
    timeline = build_timeline([("a1", "Talks began Wednesday", dates), ("a2", "Putin spoke Wednesday evening.", dates)])
    assert len(timeline) == 2


def _num(value: float, counts: str | None, start: int = 0, unit: str | None = None,
         verb: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {"start": start, "end": start + 2, "text": str(value), "value": value, "qualifier": None, "unit": unit,
            "counts": counts, "verb": verb, "sentence": [0, 10]}  # fmt: skip


def test_number_table_groups_same_values_and_flags_conflicting_tolls() -> None:
    table = build_number_table(
        [
            ("a1", [_num(87, "civilians", verb="dead"), _num(2, "hours", 5)]),
            ("a2", [_num(87, "civilians", verb="killed")]),
            ("a3", [_num(86, "civilians", verb="died"), _num(12, None, 9, unit="%"), _num(3, None, 20)]),
        ]
    )
    rows = {(r["value"], r["counts"]): r for r in table}
    assert (12, None) in rows and (3, None) not in rows  # a bare number that counts nothing is dropped
    assert rows[(87, "civilians")]["articles"] == ["a1", "a2"]
    assert rows[(87, "civilians")]["conflict"] and rows[(87, "civilians")]["conflicts_with"] == [86]
    assert rows[(86, "civilians")]["conflict"] and not rows[(2, "hours")]["conflict"]
    assert table[0]["conflict"]  # conflicts come first


def test_same_noun_with_other_outcomes_or_clock_times_is_not_a_conflict() -> None:
    table = build_number_table(
        [
            ("a1", [_num(3_000_000, "people", verb="affected"), _num(21, "utc", 5)]),
            ("a2", [_num(200_000, "people", verb="killed"), _num(19, "utc", 5), _num(150, "people")]),
        ]
    )
    assert not any(r["conflict"] for r in table)


def test_one_article_with_two_values_is_not_a_conflict() -> None:
    table = build_number_table([("a1", [_num(3, "soldiers"), _num(5, "soldiers", 10)])])
    assert not any(r["conflict"] for r in table)


# ---------------------------------------------------------------- rendering


def _story_doc() -> dict[str, Any]:
    text = f"{KHAN} {SYRIA}"
    other = "The attack on Khan Sheikhun left 86 civilians dead, officials said on Tuesday."
    a1, an1 = _article("a1", text, "2017-04-12", [mention(text, "87", "CARDINAL"), mention(text, "last week", "DATE"),
                                                  mention(text, "more than 320,000", "CARDINAL")])  # fmt: skip
    a2, an2 = _article("a2", other, "2017-04-12", [mention(other, "86", "CARDINAL"), mention(other, "Tuesday", "DATE")])
    timeline, numbers = story_facts([a1, a2], {"a1": an1, "a2": an2})
    arts = [
        {"id": a.id, "title": f"T {a.id}", "source": "S", "published": a.published, "origin": "x"} for a in (a1, a2)
    ]
    story = {"id": "s1", "headline": "Syria", "size": 2, "articles": arts, "summary": {"text": "", "sentences": []},
             "quotes": [], "entities": [], "timeline": timeline, "numbers": numbers}  # fmt: skip
    return {"schema_version": "1.0", "generated": "2017-04-13T00:00:00Z", "stories": [story]}


def test_report_shows_timeline_and_highlights_conflicts() -> None:
    doc = _story_doc()
    html = render_html(doc)
    assert '<ol class="timeline">' in html and "week of 2017-04-03" in html and "2017-04-11" in html
    assert '<tr class="conflict">' in html and "conflict: 86" in html and "320,000" in html
    md = render_markdown(doc)
    assert "### Timeline" in md and "- **week of 2017-04-03**" in md
    assert "**conflict:** 87" in md and "more than 320,000 | — | people (died)" in md


def test_stories_without_facts_render_as_before() -> None:
    doc = _story_doc()
    for key in ("timeline", "numbers"):
        del doc["stories"][0][key]
    assert "Timeline" not in render_html(doc) and "### Numbers" not in render_markdown(doc)


def test_story_record_with_facts_follows_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import json
    from pathlib import Path

    schema = json.loads((Path(__file__).resolve().parents[1] / "newsweave/schema/stories.schema.json").read_text())
    jsonschema.validate(_story_doc(), schema)


# ---------------------------------------------------------------- with spaCy


@pytest.mark.slow
def test_seed_sentences_through_spacy() -> None:
    from newsweave.stages.dates import resolve_dates
    from newsweave.stages.nlp import NLP
    from newsweave.stages.numbers import extract_numbers

    text = f"{TALKS} {KHAN} {SYRIA}"
    doc = next(NLP().docs([text]))
    nums = {n["text"]: n for n in extract_numbers(doc)}
    assert (nums["87"]["value"], nums["87"]["counts"]) == (87, "civilians")
    big = nums["more than 320,000"]
    assert (big["value"], big["qualifier"], big["counts"], big["verb"]) == (320000, "more than", "people", "died")
    hours = nums["nearly two hours"]
    assert (hours["value"], hours["qualifier"], hours["unit"]) == (2, "nearly", "hours")
    dates = {d["text"]: d for d in resolve_dates(doc, "2017-04-12")}
    assert dates["Wednesday"]["date"] == "2017-04-12"
    assert (dates["last week"]["date"], dates["last week"]["granularity"]) == ("2017-04-03", "week")
    assert dates["six years"]["date"] is None


def test_a_bare_one_without_an_outcome_is_left_out_of_the_table() -> None:
    one = {"start": 0, "end": 3, "text": "one", "value": 1, "unit": None, "counts": "point", "verb": None}
    died = {**one, "counts": "man", "verb": "died"}
    digits = {**one, "text": "1", "counts": "property"}
    table = build_number_table([("a1", [one, died, digits])])
    assert sorted(g["counts"] for g in table) == ["man", "property"]  # not "1 - point" ("at one point")


def test_a_part_of_a_count_is_no_rival_of_the_whole() -> None:
    part = {"start": 0, "end": 3, "text": "two", "value": 2, "unit": None, "counts": "victims", "verb": "died",
            "part": True}  # fmt: skip
    whole = {**part, "text": "3", "value": 3, "part": False}
    table = build_number_table([("a1", [part]), ("a2", [whole])])
    assert not any(g["conflict"] for g in table)
    assert any(g["conflict"] for g in build_number_table([("a1", [{**part, "part": False}]), ("a2", [whole])]))


def test_a_telephone_number_is_no_count() -> None:
    # the stream's London bombing stories: "0800 789321 (+44 800 789321 if outside the UK)" was read as 789,321
    text = ("Police asked the public to call 0800 789321 (+44 800 789321 if outside the UK). "
            "Some 1,000 people called and 2,000 wrote.")
    values = [n["value"] for n in numbers_in_text(text, [], [(0, len(text))])]
    assert 789321 not in values and 800 not in values
    assert 1000 in values and 2000 in values
