"""Round 6 of the date resolver (a third date gold, benchmarks/gold/dates_gold3.json): spans of dates, a year said in
words after a day ("June 1 last year"), "later that year", a deadline after "must", "May" as a wish, a habit.
Sentences from dev articles of the stream."""

from __future__ import annotations

import pytest

from newsweave.records import Mention
from newsweave.stages.dates import dates_in_text


def _resolve(text: str, expression: str, published: str | None, sentences: list[tuple[int, int]] | None = None,
             others: tuple[str, ...] = ()) -> str | None:  # fmt: skip
    mentions = [Mention(text.index(x), text.index(x) + len(x), x, "DATE") for x in (*others, expression)]
    found = dates_in_text(text, mentions, sentences or [(0, len(text))], published)
    return next(d["date"] for d in found if d["text"] == expression)


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected"),
    [
        ("Between 1991 and 1998, Comeaux was in and out of prison on parole violations.", "Between 1991 and 1998",
         "2009-11-30", "1991-01-01"),
        ("Previously, 35 students of Tourism were working in Lolol, between April 30 and May 1, helping to clean up.",
         "between April 30 and May 1", "2010-05-22", "2010-04-30"),
        ("The search is now in its third phase, which started on March 30 \u2013 April 1, 2010 and was announced.",
         "March 30 \u2013 April 1, 2010", "2010-05-06", "2010-03-30"),
        ("Registration will run from October 26 to November 20.", "October 26 to November 20", "2013-09-26",
         "2013-10-26"),
        ("Lohan was previously at Betty Ford from September 2010 to January 2011 after a probation violation.",
         "September 2010 to January 2011", "2013-05-03", "2010-09-01"),
        # the first side after the last one: the year before the last side's
        ("The festival ran December 28 \u2013 January 3, 2010 in the capital.", "December 28 \u2013 January 3, 2010",
         "2010-02-01", "2009-12-28"),
        # a year said in words on the last side holds for the first
        ("The city will be the first in southeastern Europe to host CowParade, the world's largest public art event, "
         "between June and August this year.", "between June and August this year", "2005-01-20", "2005-06-01"),
        # no month or year on a side: no span of dates
        ("The boat sank between six and 12 hours after it left.", "between six and 12 hours", "2010-02-27", None),
    ],
)
def test_a_span_of_dates_is_its_first_day(sentence: str, expression: str, published: str,
                                          expected: str | None) -> None:  # fmt: skip
    assert _resolve(sentence, expression, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected"),
    [
        ("The black boxes from an Air France plane that crashed on June 1 last year in the Atlantic Ocean have been "
         "localized.", "June 1 last year", "2010-05-06", "2009-06-01"),
        ("The shuttle Atlantis was hit by a piece of debris in September last year.", "September last year",
         "1998-10-12", "1997-09-01"),
        ("Parliamentary elections that are scheduled for December 15 of this year will be held on a two-party basis.",
         "December 15 of this year", "2013-09-27", "2013-12-15"),
        ("It was the fifth operation by its crew in the Gulf of Aden since September this year.", "September this year",
         "2011-11-11", "2011-09-01"),
    ],
)
def test_a_year_said_in_words_after_a_day_or_month(sentence: str, expression: str, published: str,
                                                   expected: str) -> None:  # fmt: skip
    assert _resolve(sentence, expression, published) == expected


def test_later_that_year_is_the_year_of_the_date_before() -> None:
    text = ("He bought a Jackson bank in 1957, using his family's newfound wealth. Later that year, Mr. LaRue shot and "
            "killed his father in a duck-hunting accident in Canada.")  # fmt: skip
    cut = text.index("Later")
    assert _resolve(text, "Later that year", "2004-07-29", [(0, cut), (cut, len(text))], ("1957",)) == "1957-01-01"
    # no date before it in its sentence or the one before: no year
    assert _resolve(text[cut:], "Later that year", "2004-07-29") is None


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected"),
    [
        ("The school must respond to the allegations by July 26, and a committee will hold a hearing.", "July 26",
         "2005-05-16", "2005-07-26"),
        # "must" without a deadline: the date stays in the past (the vote was held on that Sunday)
        ("Cardoso must win more than half the vote from Sunday's election to avoid a second-round runoff.", "Sunday",
         "1998-10-06", "1998-10-04"),
    ],
)
def test_must_before_a_deadline_puts_it_ahead(sentence: str, expression: str, published: str, expected: str) -> None:
    assert _resolve(sentence, expression, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected"),
    [
        ("``May understanding, mutual respect, forgiveness and reconciliation at last take the place of violence.''",
         "May", "1998-10-04", None),
        ("May saw record rainfall across the region.", "May", "1998-10-04", "1998-05-01"),
        ("Tents were ordered for the rainy season, which generally starts in May.", "May", "2010-01-29", None),
        ("The rainy season started in May, officials said.", "May", "2010-06-29", "2010-05-01"),
    ],
)
def test_may_as_a_wish_and_a_habit_are_no_dates(sentence: str, expression: str, published: str,
                                                expected: str | None) -> None:  # fmt: skip
    assert _resolve(sentence, expression, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected"),
    [
        # the reader's pass (session 15): a firing dated after the article that tells of it
        ("O'Brien, fired on June 8, is seeking up to $6 million from the university.", "June 8", "2005-05-16",
         "2004-06-08"),
        ("He died on May 30 at his home.", "May 30", "2005-05-16", "2004-05-30"),
        # a passive of the present or future, or a schedule, stays ahead
        ("He faces life in prison when he's sentenced May 7.", "May 7", "2013-04-24", "2013-05-07"),
        ("Orozco is to be formally sentenced May 3 by Judge Philip H. Hickock.", "May 3", "2007-04-04", "2007-05-03"),
        ("The hearing is scheduled on June 8.", "June 8", "2005-05-16", "2005-06-08"),
        # only a day and month without a year move: a weekday after "next" stays ahead
        ("The board announced next Monday as the start.", "next Monday", "2005-05-16", "2005-05-23"),
    ],
)
def test_a_past_tense_before_a_day_just_ahead_means_last_year(sentence: str, expression: str, published: str,
                                                              expected: str) -> None:  # fmt: skip
    assert _resolve(sentence, expression, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        # a figure spaCy tagged DATE
        ('A "sudden" and "terrifying" aftershock of the magnitude 8.8, February 27 earthquake hit central Chile.',
         "8.8"),
        # the last one of a period named after it, not the weekend before publication
        ('The earthquake took place in what is considered the "last weekend in the summer;" on Saturday.',
         "last weekend"),
        ("it was not strange to think that [during] the last weekend before the entrance to school, many would go",
         "the last weekend"),
    ],
)
def test_no_day_from_a_figure_or_the_last_of_a_named_period(sentence: str, expression: str) -> None:
    assert _resolve(sentence, expression, "2010-10-24") is None


def test_last_weekend_and_the_last_week_stay_relative_to_publication() -> None:
    assert _resolve("Protesters marched last weekend in the capital.", "last weekend", "2010-10-24") == "2010-10-16"
    assert _resolve("Prices rose in the last week, traders said.", "the last week", "2010-10-24") is not None


def test_pieces_of_a_telephone_number_are_no_dates() -> None:
    # the Air France story of the stream: spaCy tags "20 20", "1 57" and "10 55" of the help lines DATE
    text = ("* 0800 800 812 for calls from within France * 0800 881 20 20 for calls from Brazil * +33 1 57 02 10 55, "
            "for calls from outside France or Brazil.")  # fmt: skip
    for piece in ("20 20", "1 57", "10 55"):
        assert _resolve(text, piece, "2009-06-01") is None


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("According to CNN, a vessel from the Brazilian navy is to arrive at the scene on Wednesday.", "Wednesday",
         "2009-06-03"),
        ("The data is to be released Thursday.", "Thursday", "2009-06-04"),
    ],
)
def test_is_to_before_a_weekday_is_the_one_ahead(sentence: str, expression: str, expected: str) -> None:
    assert _resolve(sentence, expression, "2009-06-02") == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "expected"),
    [
        ("Shortly after 3:30 Tuesday morning someone called 911 to and reported a fire at the Matanuska Maid building.",
         "3:30 Tuesday", "2012-08-07", "2012-08-07"),
        ("As of 6 p.m. Monday, some $300 million had left foreign reserve coffers.", "6 p.m. Monday", "1998-10-05",
         "1998-10-05"),
    ],
)
def test_a_clock_time_beside_a_weekday_leaves_the_weekday_to_name_the_day(
    sentence: str, expression: str, published: str, expected: str
) -> None:
    assert _resolve(sentence, expression, published) == expected
