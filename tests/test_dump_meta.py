"""Plain-text dumps: the headline model (dump_meta), and bylines and dates written next to the headline (clean)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.stages import dump_meta
from newsweave.stages.clean import byline_and_date, byline_names, clean_text_dump
from newsweave.stages.clean_model import load_tree_ensemble
from newsweave.stages.dates_text import numeric_order, parse_date

FIXTURE = Path(__file__).parent / "fixtures" / "dump_wikinews.txt"
BODY = [
    "Food and nutrition advice changes every year, and nutritionists say this year's diet trends are good for you.",
    "Protein remains the macronutrient of the year, and more people are cutting back on alcohol, nutritionists say.",
    "Nutritionists expect fibre to be the next big trend in diet advice, with protein still on top.",
]


def dump(*head: str) -> str:
    return "\n\n".join([*head, *BODY])


def test_headline_byline_and_date_are_found_among_menu_lines() -> None:
    res = clean_text_dump(dump("Skip to Content", "SIGN IN", "SUBSCRIBE", "Health", "Food & Nutrition",
                               "The 7 Biggest Diet and Nutrition Trends in 2025, According to Nutritionists",
                               "Protein continues to be huge.", "BY KORIN MILLERPUBLISHED: JAN 29, 2025",
                               "TANJA IVANOVA//GETTY IMAGES"))  # fmt: skip
    assert res.title == "The 7 Biggest Diet and Nutrition Trends in 2025, According to Nutritionists"
    assert res.authors == ("KORIN MILLER",) and res.published == "2025-01-29"
    assert res.text.startswith("Food and nutrition advice")


def test_a_bare_name_next_to_the_date_is_the_byline() -> None:
    lines = ["Menu", "Andrew King", "September 4, 2025", "5:50 am", "Top Nutrition Trends for Fall 2025", *BODY]
    assert byline_and_date(lines, 4, 5) == (("Andrew King",), "2025-09-04")
    # "Written by" on its own line, the name on the next
    lines = ["Aug 04, 2025", "Written by", "Edzel Tabing", "10 Trends in catering", *BODY]
    assert byline_and_date(lines, 3, 4) == (("Edzel Tabing",), "2025-08-04")
    # nothing that reads like a byline: no authors, and a menu word is no name
    assert byline_and_date(["Share", "Comments", "A headline here", *BODY], 2, 3) == ((), None)


def test_stated_metadata_wins_over_lines_near_the_headline() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    res = clean_text_dump(text)
    assert res.title == "Wreckage of plane thought to be missing Air France flight found in Atlantic"
    assert res.published == "2009-06-02"


def test_shipped_headline_model_matches_the_features_the_code_computes() -> None:
    model = load_tree_ensemble(dump_meta.MODEL_PATH, dump_meta.FEATURES)
    assert len(model.trees) > 0
    lines = ["Menu", "Home", "The 7 Biggest Diet and Nutrition Trends in 2025", *BODY]
    idx, rows = dump_meta.features(lines, 3, BODY)
    assert idx == [2, 3, 4, 5]  # one-word menu lines are no candidates; the body's first LOOK_AHEAD lines are
    assert all(len(r) == len(dump_meta.FEATURES) for r in rows)
    assert dump_meta.find_title(lines, 3, BODY) == 2


def test_one_byline_reader_for_full_names_single_names_and_glued_dates() -> None:
    assert byline_names("Camila Domonoske and Bill Chappell, NPR") == ("Camila Domonoske", "Bill Chappell")
    assert byline_names("KORIN MILLERPUBLISHED: JAN 29, 2025") == ("KORIN MILLER",)
    assert byline_names("Sarah July 30, 2019") == ("Sarah",)
    assert byline_names("Sarah July 30, 2019", loose=False) == ()
    assert byline_names("clicking Subscribe you agree") == ()
    # a byline too long for a metadata line still names the author next to the headline
    lines = ["Brake Pads", "by Daniel Gibson | Mar 11, 2023 | All About Brakes and Brake Repair, Learn About Brakes | "
             "0 comments", "Table of Contents", *BODY]  # fmt: skip
    assert byline_and_date(lines, 0, 3) == (("Daniel Gibson",), "2023-03-11")
    # "Written by" on its own line, the name (then a blurb) on the next
    lines = ["A headline here", "Written by", "Adrien Ramirez, 4+ years covering computer hardware", *BODY]
    assert byline_and_date(lines, 0, 3) == (("Adrien Ramirez",), None)
    # a user name in lower case ("by whova"); "by the way | ..." names no one, and the next line is not read then
    lines = ["A headline here", "by whova | Apr 21, 2025", "Last updated: April 21, 2025", *BODY]
    assert byline_and_date(lines, 0, 3) == (("whova",), "2025-04-21")
    lines = ["A headline here", "by the way | Apr 21, 2025", "Last Updated", *BODY]
    assert byline_and_date(lines, 0, 3) == ((), "2025-04-21")


@pytest.mark.parametrize(("line", "authors"), [
    ("Faith Katunga\u2022Oct 20, 2025", ("Faith Katunga",)),
    ("Kristian Larsen July 13, 2025 \u2014 7 minutes read", ("Kristian Larsen",)),
    ("September 1st, 2023 By Emily Norwood", ("Emily Norwood",)),
    ("By George Michaelson on 18 Dec 2025", ("George Michaelson",)),
    ("Last Updated: Event Type | December 4, 2025", ()),
])  # fmt: skip
def test_a_name_on_the_date_line_is_the_byline(line: str, authors: tuple[str, ...]) -> None:
    assert byline_and_date(["A headline here", line, *BODY], 0, 2)[0] == authors


def test_a_form_label_next_to_the_date_is_no_name() -> None:
    lines = ["A headline here", "Event Type", "September 4, 2025", *BODY]
    assert byline_and_date(lines, 0, 3) == ((), "2025-09-04")
    lines = ["A headline here", "Andrew King", "September 4, 2025", *BODY]
    assert byline_and_date(lines, 0, 3) == (("Andrew King",), "2025-09-04")


def test_the_date_next_to_the_headline_wins_over_todays_date_in_the_page_header() -> None:
    res = clean_text_dump(dump("Almanac  Saturday, December 20, 2025", "Home", "Gardening", "Menu", "Search",
                               "Subscribe", "Sign in", "The Basics of Planting and Growing a Vegetable Garden",
                               "December 17, 2025"))  # fmt: skip
    assert res.title == "The Basics of Planting and Growing a Vegetable Garden"
    assert res.published == "2025-12-17"


def test_a_byline_set_off_by_dot_operators_gives_name_and_date() -> None:
    byline = "By Chris McNamara \u22c5 Founder and Editor-in-Chief \u22c5 Updated May 6, 2025"
    lines = ["A headline here", byline, *BODY]
    assert byline_and_date(lines, 0, 2) == (("Chris McNamara",), "2025-05-06")


@pytest.mark.parametrize(("head", "authors"), [
    (["Text by Hunter Dukes"], ("Hunter Dukes",)),
    (["By A. J. Neal \u00a0\u00a0 View In Digital Edition"], ("A. J. Neal",)),
    (["by ibby"], ("ibby",)),  # a user name in lower case
    (["Mazi", "December 19, 2025"], ("Mazi",)),  # one name next to the date
    (["Gardening", "December 19, 2025"], ()),  # a section label next to the date
])  # fmt: skip
def test_more_bylines_near_the_headline(head: list[str], authors: tuple[str, ...]) -> None:
    assert byline_and_date(["A headline here", *head, *BODY], 0, 1 + len(head))[0] == authors


def test_a_menu_entry_after_by_far_from_the_headline_is_no_author() -> None:
    menu = ("Solutions", "By Event Type", "Conferences", "Webinars", "Pricing", "Customers", "Resources", "Log in")
    res = clean_text_dump(dump(*menu, "The 7 Biggest Diet and Nutrition Trends in 2025, According to Nutritionists"))
    assert res.authors == () and "By Event Type" in res.removed


def test_a_name_line_over_a_job_title_is_the_byline() -> None:
    lines = ["A headline here", "5 min read", "Elena Linker", "Marketing Operations Analyst", *BODY]
    assert byline_and_date(lines, 0, 4)[0] == ("Elena Linker",)
    lines = ["A headline here", "I Need Legal Help", "I can call you today", *BODY]  # no job title: a pronoun
    assert byline_and_date(lines, 0, 3)[0] == ()


def test_headline_features_read_the_meta_lines_and_breadcrumbs_around_a_line() -> None:
    lines = ["Home > Blog > Top Diet Trends for 2025", "Top Diet Trends for 2025", "By Ann Lee", "Jan 29, 2025",
             "Table of Contents", "Protein Is Still King", *BODY]  # fmt: skip
    idx, rows = dump_meta.features(lines, 6, BODY)
    feat = {name: [r[k] for r in rows] for k, name in enumerate(dump_meta.FEATURES)}
    assert idx == [0, 1, 2, 3, 4, 5, 6, 7, 8]
    assert feat["meta_below"][:2] == [2.0, 1.0] and feat["meta_below"][5] == 0.0  # the section heading has none
    assert feat["meta_above"][5] == 2.0 and feat["meta_between"][1] == 2.0 and feat["meta_between"][5] == 0.0
    assert feat["contains_candidate"][:2] == [1.0, 0.0] and feat["contained_in_candidate"][:2] == [0.0, 1.0]
    # the headline over its byline and date wins over the breadcrumb holding it and the section heading
    assert dump_meta.find_title(lines, 6, BODY) == 1


def test_the_date_nearest_the_headline_wins_over_a_teasers_date_further_down() -> None:
    lines = ["January 16, 2025 11 min read", "What Are the Different Types of Mobile Apps?", "Table of Contents",
             "Most Popular", "Mobile App Marketing Guide: 25 Proven Strategies", "Subharun Mukherjee |July 15, 2025",
             *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 6)[1] == "2025-01-16"
    # on a tie the line below the headline wins
    assert byline_and_date(["May 2, 2024", "A headline here", "June 3, 2024", *BODY], 1, 3)[1] == "2024-06-03"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("October 17, 20236:01 PM ET", "2023-10-17"),
        ("ByKathryn GiuffridaMar 5, 2025 | 6 comments", "2025-03-05"),
        ("Published on 2021-01-18T19:55", "2021-01-18"),
        ("\U0001f4c5Jul. 11. 2025", "2025-07-11"),
        ("Updated: 10/31/2024", "2024-10-31"),
        ("17.05.2021", "2021-05-17"),
        ("Updated November 11, 20228:23 PM ET Originally published November 9, 202211:01 AM ET", "2022-11-09"),
    ],
)
def test_glued_and_numeric_dates_are_read_next_to_the_headline(line: str, day: str) -> None:
    assert parse_date(line) is None or "published" in line  # metadata lines elsewhere are read as before
    assert parse_date(line, loose=True) == day
    assert byline_and_date(["Menu", "A Headline About Things", line, "Body text " * 9], 1, 3)[1] == day


def test_the_pages_other_numeric_dates_settle_day_or_month_first() -> None:
    assert numeric_order("19/02/2025\n08/12/2021\n25/01/2022") is True
    assert numeric_order("01/15/24\n02/09/24") is False
    assert numeric_order("03/04/2025") is None
    assert parse_date("Updated on 09/10/2025", loose=True, day_first=True) == "2025-10-09"
    assert parse_date("Updated on 09/10/2025", loose=True) == "2025-09-10"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("September 1, 2016September 8, 2016Autumn Adams", ("Autumn Adams",)),
        ("03/01/2017 by Agatha Caleo, Candidate Representative to the Committee", ("Agatha Caleo",)),
        ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ("Niko Matsakis",)),
    ],
)
def test_names_on_a_date_line_with_glued_or_numeric_dates(line: str, authors: tuple[str, ...]) -> None:
    assert byline_and_date(["Menu", "A Headline About Things", line, "Body text " * 9], 1, 3)[0] == authors


def test_more_bylines_next_to_the_headline_authors_label_reading_time_and_name_lists() -> None:
    head = ["Menu", "A Headline About Things"]
    assert byline_and_date([*head, "By Kyle Howells 15 min read", "Body"], 1, 3)[0] == ("Kyle Howells",)
    assert byline_and_date([*head, "Authors:Ann Roy, Jyoti Patel", "Body"], 1, 3)[0] == ("Ann Roy", "Jyoti Patel")
    names = ("Naftali Tishby", "Fernando C. Pereira", "William Bialek")
    assert byline_and_date([*head, ", ".join(names), "24 Apr 2000 • 3 min read", "Body"], 1, 4)[0] == names


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Matthew Frankel, CFP – Updated Mar 5, 2026", ("Matthew Frankel, CFP",)),
        ("By Jillian Kubala, MS, RD and Jane Roe", ("Jillian Kubala, MS, RD", "Jane Roe")),
        ("Written By: Catherine Boeckmann Executive Digital Editor and Master Gardener", ("Catherine Boeckmann",)),
        ("By Charles Patterson, WCI Columnist", ("Charles Patterson",)),
        ("By Meaghan Weeden ● December 23, 2025 ● 6 min read", ("Meaghan Weeden",)),
        ("by Jacob Trussell—10 min read", ("Jacob Trussell",)),
        ("By the Lavazza Team 2–3 minutes", ("the Lavazza Team",)),
        ("By Mahua Das", ("Mahua Das",)),
    ],
)
def test_bylines_next_to_the_headline_keep_credentials_and_drop_job_titles(line: str, authors: tuple[str, ...]) -> None:
    assert byline_and_date(["Menu", "A Headline About Things", line, "Body text " * 9], 1, 3)[0] == authors


def test_the_byline_next_to_the_headline_comes_before_a_teasers_byline_elsewhere() -> None:
    # the story's words are the headline's, as on real pages (a teaser sharing more of the body's words than the
    # headline itself does is taken for the headline by the round-3 model)
    body = ["The first paragraph of the story looks back at the year in gardening, long enough to be prose. " * 3] * 6
    menu = ["Menu", "Stories", "Gardens", "Plants", "Shop", "About", "Contact", "Events", "Search"]
    page = ["Home", "Related: Another Story Title Here", "By Kier Holmes", *menu,
            "The Year in Gardening Looking Back", "By Melissa Ozawa", *body]  # fmt: skip
    assert clean_text_dump("\n".join(page)).authors == ("Melissa Ozawa",)


@pytest.mark.parametrize(
    "between",
    [["reviewed by Jo-ann Caballes"], ["•"], ["8 min"], ["Last update:"], ["#Cloud Computing"],
     ["/", "10", "min read"]],
)
def test_a_bare_name_is_read_past_separators_reading_times_and_reviewers_before_its_date(between: list[str]) -> None:
    lines = ["Menu", "A Headline About Things", "Yaren Fadiloglulari", *between, "November 18, 2025", "Body text " * 9]
    assert byline_and_date(lines, 1, len(lines) - 1)[0] == ("Yaren Fadiloglulari",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Shelby Loos, DVM. Reviewed by Molly Price, DVM", ("Shelby Loos, DVM",)),
        ("by News Desk", ("News Desk",)),
        ("Dec 26, 2025 •  Mahua Das in Project Management", ("Mahua Das",)),
    ],
)
def test_reviewers_desks_and_particle_surnames_next_to_the_headline(line: str, authors: tuple[str, ...]) -> None:
    assert byline_and_date(["Menu", "A Headline About Things", line, "Body text " * 9], 1, 3)[0] == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Jeffrey A. Slotnick CPP, PSP", ("Jeffrey A. Slotnick CPP, PSP",)),
        ("Rasmus Barslund Founder & Lead Reviewer", ("Rasmus Barslund",)),
        ("Guide by Will Judd Former Deputy Tech Editor", ("Will Judd",)),
        ("Tags: BermudaESPHome Assistant", ()),
    ],
)
def test_a_name_line_over_the_date_without_its_job_title(line: str, authors: tuple[str, ...]) -> None:
    lines = ["Menu", "A Headline About Things", line, "Dec. 17, 2025", "Body text " * 9]
    assert byline_and_date(lines, 1, 4)[0] == authors


def test_an_author_box_after_the_article_names_the_author_when_no_byline_does() -> None:
    # the story's words are the headline's, as on real pages (a teaser sharing more of the body's words than the
    # headline itself does is taken for the headline by the round-3 model)
    body = ["The first paragraph of the story looks back at the year in gardening, long enough to be prose. " * 3] * 6
    box = ["Lauren Vetter", "Lauren Vetter is a growth-focused marketing professional specializing in health care."]
    page = ["Home", "Blog", "How To Grow A Practice In Ten Steps", *body, *box, "Related articles"]
    assert clean_text_dump("\n".join(page)).authors == ("Lauren Vetter",)
    assert clean_text_dump("\n".join(page[:-3] + page[-1:])).authors == ()


def test_long_date_lines_glued_menus_and_a_bare_by_over_a_category_line() -> None:
    head = ["Menu", "A Headline About Things"]
    line = "Posted on December 20, 2025 by Jean-Luc Aufranc (CNXSoft) - 5 Comments on Do you need 14 USB ports on a Pi?"
    assert byline_and_date([*head, line, "Body text " * 9], 1, 3)[0] == ("Jean-Luc Aufranc",)
    lines = [*head, "By", "Wedding ChecklistsJust EngagedWedding Planning", "Naoise McNally", "Body text " * 9]
    assert byline_and_date(lines, 1, 5)[0] == ("Naoise McNally",)
    brand = byline_and_date([*head, "Posted by Team SimplyThrilled", "Body text " * 9], 1, 3)[0]
    assert brand == ("Team SimplyThrilled",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [("October 8, 2024        Swoogo", ("Swoogo",)), ("Friday, December 19, 2025", ()),
     ("WASHINGTON, Dec. 1, 2025", ())],
)
def test_the_one_other_thing_a_date_line_writes_is_its_author(line: str, authors: tuple[str, ...]) -> None:
    assert byline_and_date(["Menu", "A Headline About Things", line, "Body text " * 9], 1, 3)[0] == authors
