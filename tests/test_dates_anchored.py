"""A day named without a year takes the year the article writes out for that month (sentences from the stream's
articles on the 2005 killing of a Los Angeles County deputy, published in 2007, and on the July 7 bombings)."""

from __future__ import annotations

from newsweave.records import Mention
from newsweave.stages.dates import dates_in_text


def _dates(text: str, expressions: tuple[str, ...], published: str) -> dict[str, str | None]:
    mentions = [Mention(text.index(x), text.index(x) + len(x), x, "DATE") for x in expressions]
    ends = [i + 1 for i, c in enumerate(text) if c == "." and (i + 1 == len(text) or text[i + 1] == " ")]
    sentences = list(zip([0, *[e + 1 for e in ends[:-1]]], ends, strict=True))
    return {d["text"]: d["date"] for d in dates_in_text(text, mentions, sentences, published)}


def test_a_day_beside_a_full_date_of_its_month_takes_its_year() -> None:
    text = ("Sheriff Deputy Ortiz, 35, was killed June 24, 2005 outside an apartment in Hawaiian Gardens while "
            "investigating a June 20 shooting in which Orozco was a suspect.")  # fmt: skip
    assert _dates(text, ("June 24, 2005", "June 20"), "2007-03-20") == {"June 24, 2005": "2005-06-24",
                                                                          "June 20": "2005-06-20"}


def test_a_month_written_with_its_year_anchors_the_article() -> None:
    text = ("The judge weighed the ambush slaying of Deputy Jerry Ortiz in June 2005. "
            "The 35-year-old deputy was killed on June 24, while investigating an attack.")  # fmt: skip
    assert _dates(text, ("June 2005", "June 24"), "2007-05-02")["June 24"] == "2005-06-24"


def test_without_a_written_year_the_day_is_read_as_before() -> None:
    text = "The 35-year-old deputy was killed on June 24, while investigating an attack."
    assert _dates(text, ("June 24",), "2007-05-02")["June 24"] == "2006-06-24"


def test_another_day_of_the_month_elsewhere_in_the_article_is_no_anchor() -> None:
    text = ("The first hearing was on June 2, 2005. "
            "The deputy said on June 24 that the case was closed.")  # fmt: skip
    assert _dates(text, ("June 2, 2005", "June 24"), "2007-05-02")["June 24"] == "2006-06-24"


def test_a_day_and_year_take_the_month_before_them_and_a_race_time_is_no_date() -> None:
    text = "Cassani said he had seen Rasmussen in the Dolomites on both June 13 and 14, 2007."
    assert _dates(text, ("June 13", "14, 2007"), "2007-07-25") == {"June 13": "2007-06-13", "14, 2007": "2007-06-14"}
    alone = "The report is dated 14, 2007 in the file."
    assert _dates(alone, ("14, 2007",), "2007-07-25") == {"14, 2007": None}
    race = "Vinokourov won stage 15 of the 2007 Tour de France in a time of 5h 34' 28\"."
    assert _dates(race, ("34' 28",), "2007-07-23") == {"34' 28": None}


def test_a_month_a_business_expects_to_reach_is_ahead() -> None:
    text = "The Allegro Resort Bavaro and the Viva Dominicus expect to be fully operational by mid-November."
    assert _dates(text, ("mid-November",), "1998-10-20") == {"mid-November": "1998-11-01"}


def test_a_reopening_date_and_a_deadline_one_can_meet_are_ahead() -> None:
    # the NYT's Caribbean resorts after Hurricane Georges (DUC 2003), written on 1998-10-20
    reopen = ("The area's best-known resort, Casa de Campo, is one of several hotels still closed, though a reopening "
              "date of Dec. 20 has been set.")
    assert _dates(reopen, ("Dec. 20",), "1998-10-20") == {"Dec. 20": "1998-12-20"}
    repairs = "There is no reason why we cannot be completely finished with repairs by Dec. 1."
    assert _dates(repairs, ("Dec. 1",), "1998-10-20") == {"Dec. 1": "1998-12-01"}
    # ... but a day the writer tells of as past stays last year's
    closed = "The resort closed on Dec. 1 after the storm."
    assert _dates(closed, ("Dec. 1",), "1998-10-20") == {"Dec. 1": "1997-12-01"}


def test_a_radio_stations_number_and_a_programme_are_no_dates() -> None:
    text = "She was hit by a car, police told 1010 WINS' Glenn Schuck."
    assert _dates(text, ("1010",), "2013-09-14") == {"1010": None}
    show = "Benjamin was named the Person of the Week on ABC News' World News Tonight in 1995."
    assert _dates(show, ("Tonight",), "2009-07-13") == {"Tonight": None}
    glued = "President Obama Announces Nominee for Surgeon General Today, President Barack Obama announced his intent."
    assert _dates(glued, ("Today",), "2009-07-13") == {"Today": "2009-07-13"}
