"""Plain-text dumps, round 5 of the date: a publication date stated under the article, dates in more formats, and a
day without a year read in the headline's year. The lines are those of real pages' dumps."""

from __future__ import annotations

import pytest

from newsweave.stages.clean import byline_and_date, clean_text_dump
from newsweave.stages.dates_text import parse_date, yearless_date

BODY = [
    "Food and nutrition advice changes every year, and nutritionists say this year's diet trends are good for you.",
    "Protein remains the macronutrient of the year, and more people are cutting back on alcohol, nutritionists say.",
    "Nutritionists expect fibre to be the next big trend in diet advice, with protein still on top.",
]


def dump(*lines: str) -> str:
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    "tail",
    [
        ["Posted on the 15/12/2025 at 19:00 by @GuillaumeGomez", "Previous article"],
        ["Published on 2025-12-15T19:55", "Comment via email (persistent) or via Disqus (ephemeral) comments below:"],
        ["DOWNLOAD\tPDF", "PUBLISHED", "Dec 15, 2025", "IF YOU LIKED THIS…", "GET OUR NEWSLETTER"],
        ["Pages", "Published", "Publish date", "15 December 2025", "Reviewed", "8 October 2026"],
        ["Posted by Colin Watson on 2025-12-15 in debusine. Tags: debusine, freexian, planet-debian."],
    ],
)
def test_a_publication_date_stated_under_the_article_when_none_is_near_the_headline(tail: list[str]) -> None:
    res = clean_text_dump(dump("Menu", "Search", "How to Choose a Tool for Your Diet", *BODY, *["Related"] * 12, *tail))
    assert res.title == "How to Choose a Tool for Your Diet"
    assert res.published == "2025-12-15"


def test_a_date_far_below_the_article_without_a_publication_label_is_not_taken() -> None:
    res = clean_text_dump(dump("Menu", "How to Choose a Tool for Your Diet", *BODY, *["Related"] * 12, "Reviewed",
                               "Dec 15, 2025"))  # fmt: skip
    assert res.published is None


def test_a_date_near_the_headline_still_wins_over_a_label_far_below() -> None:
    res = clean_text_dump(dump("How to Choose a Tool for Your Diet", "March 3, 2024", *BODY, "Posted on 2025-12-15"))
    assert res.published == "2024-03-03"


def test_a_line_that_starts_with_published_wins_over_a_nearer_date() -> None:
    lines = ["Published on 25.Jun.2019 in Vol 7, No 6 (2019): June",
             "Preprints (earlier versions) of this paper are available at https://preprints.jmir.org/preprint/14273, "
             "first published 04.Apr.2019.",
             "Efficacy of the Mindfulness Meditation Mobile App to Reduce Stress Among College Students",
             *BODY]  # fmt: skip
    assert byline_and_date(lines, 2, 3)[1] == "2019-06-25"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published on 25.Jun.2019 in Vol 7, No 6 (2019): June", "2019-06-25"),
        ("Mar 27, 20255 mins", "2025-03-27"),  # the year glued to a reading time
        ("30-Sep-2022", "2022-09-30"),
        ("29th of January 2025", "2025-01-29"),
    ],
)
def test_more_date_formats_next_to_the_headline(line: str, day: str) -> None:
    assert parse_date(line) is None  # metadata lines elsewhere are read as before
    assert parse_date(line, loose=True) == day


def test_a_day_without_a_year_is_read_in_the_headlines_year() -> None:
    assert yearless_date("Aug 15", "Top 7 Corporate Catering Trends for 2024") == "2024-08-15"
    assert yearless_date("Jan 4", "New Year, New Smile: Top Dental Resolutions for 2025") == "2025-01-04"
    assert yearless_date("Sep 16", "Top 10 HR Outsourcing Companies") is None  # no year in the headline
    assert yearless_date("Mar 6", "From 2019 to 2025: the best headphones") is None  # two years
    assert yearless_date("Updated: Sep 19", "Trends for 2025") is None  # not the day alone
    lines = ["Menu", "Top 7 Corporate Catering Trends for 2024", "Aug 15", "Written By Tyler King", *BODY]
    assert byline_and_date(lines, 1, 4) == (("Tyler King",), "2024-08-15")
    # a full date near the headline wins over a day without a year
    lines = ["Top 7 Corporate Catering Trends for 2024", "Aug 15", "Updated March 3, 2023", *BODY]
    assert byline_and_date(lines, 0, 3)[1] == "2023-03-03"


def page(*tail: str) -> str:
    """A page whose headline has no byline next to it, then ``tail`` under the article."""
    return dump("Menu", "Search", "Understanding Mathematics Through Lean", *BODY, *["Related"] * 12, *tail)


@pytest.mark.parametrize(
    ("tail", "authors"),
    [
        (["Article by", "Matias Heikkilä", "Let's talkSubscribe"], ("Matias Heikkilä",)),
        (["Posted by:", "Idle Cartulary", "«Previous Post"], ("Idle Cartulary",)),
        (["Get started", "Author:", "Shai Shmarel", "Last Updated:", "February 1, 2026"], ("Shai Shmarel",)),
        (["AUTHOR", "Written by", "Sir Nuno", "I created Strategy and Wargaming because I love these genres."],
         ("Sir Nuno",)),
        (["Author(s)", "John A. Alic", "David C. Mowery", "Edward S. Rubin", "Download pdf"],
         ("John A. Alic", "David C. Mowery", "Edward S. Rubin")),
        (["AUTHOR", "CP", "Chengcheng Pei", "Staff Software Engineer, MongoDB"], ("Chengcheng Pei",)),
        (["About the Author: Tom", "Engineer by day, YouTube and Content Creator part-time."], ("Tom",)),
        (["Posted By: Kiersten · In: Sides, Sourdough", "You’ll Also Love"], ("Kiersten",)),
    ],
)  # fmt: skip
def test_an_author_label_under_the_article_names_the_author(tail: list[str], authors: tuple[str, ...]) -> None:
    assert clean_text_dump(page(*tail)).authors == authors


@pytest.mark.parametrize(
    "tail",
    [
        ["Read this next", "Written by Franziska Spritzler", "Real food is whole, single-ingredient food."],  # a teaser
        ["Authorization", "PROGRAM", "Affiliate Programs"],  # no label
        ["Author", "Related Program", "Contact Us"],  # no name after it
    ],
)
def test_no_author_from_a_teasers_byline_or_a_word_that_is_no_label(tail: list[str]) -> None:
    assert clean_text_dump(page(*tail)).authors == ()


def test_this_post_was_written_by_names_the_author() -> None:
    tail = ["This post was written by Danielle Padula, Head of Marketing and Community Development",
            "Posted on April 13, 2023"]  # fmt: skip
    assert clean_text_dump(page(*tail)).authors == ("Danielle Padula",)


def test_a_byline_in_a_later_part_of_the_line_next_to_the_headline() -> None:
    line = ("Medically reviewed by Kim Rose-Francis RDN, CDCES, LD — Written by Jillian Kubala, MS, RD — Updated on "
            "March 7, 2025")
    lines = ["Nutrition", "Beginner's Guide to A Whole-Foods, Plant-Based Diet", line, "What it is", *BODY]
    assert byline_and_date(lines, 1, 4) == (("Jillian Kubala, MS, RD",), "2025-03-07")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Posted by IndustrySelect on Tuesday, August 29, 2023", ("IndustrySelect",)),
        ("By Jeff Cobb.\u00a0 Last Updated on December 11, 2025", ("Jeff Cobb.",)),
        ("By Craig Randall , Alli Miles , Eszter Horanyi on March 12, 2026 | Comments",
         ("Craig Randall", "Alli Miles", "Eszter Horanyi")),
    ],
)  # fmt: skip
def test_a_date_after_on_or_a_run_of_spaces_ends_the_names(line: str, authors: tuple[str, ...]) -> None:
    assert byline_and_date(["Menu", "A Headline About Things", line, *BODY], 1, 3)[0] == authors


def test_a_bare_by_with_one_name_a_line_takes_every_name() -> None:
    lines = ["Best Online MBA Programs", "By", "Thomas Broderick", ",", "Nalea Ko", ", and", "ACO Rankings Team",
             "Updated on December 11, 2025", *BODY]  # fmt: skip
    assert byline_and_date(lines, 0, 8) == (("Thomas Broderick", "Nalea Ko", "ACO Rankings Team"), "2025-12-11")
