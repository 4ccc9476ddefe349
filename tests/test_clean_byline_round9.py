"""Plain-text dumps, round 9 of the byline: a column's name by the date is no author, a label over a byline's own
lead, a name over an "Author" caption, a paper's author list, a list of authors with job titles and avatar initials,
a given name and a surname on lines of their own, and author boxes headed "About <given name>" or followed by
"Who is <name>?". The lines are those of real pages' dumps."""

from __future__ import annotations

import pytest

from newsweave.stages.clean import byline_and_date, byline_names, clean_text_dump

from .test_dump_meta_round5 import BODY, dump
from .test_dump_meta_round6 import page


def test_a_column_named_after_a_weekday_by_the_date_is_no_author() -> None:
    lines = ["Search", "Nagel on Reason", "Tags:", "Philosophy", "12/19/2025", "•", "Friday Philosophy", "•",
             "David Gordon", *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 9) == ((), "2025-12-19")
    # the page's author box names the author instead
    box = ["Meet the Writer", "David Gordon", "David Gordon is Senior Fellow at the Mises Institute and editor."]
    assert clean_text_dump(dump(*lines, *box)).authors == ("David Gordon",)


def test_an_author_label_over_a_bylines_own_lead() -> None:
    lines = ["Search Jobs", "Soliant Report Reveals the Best States for Mental Health",
             "Author Posted by Soliant\xa0on December 20, 2024September 26, 2025", *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 3) == (("Soliant",), "2024-12-20")


@pytest.mark.parametrize(
    "box",
    [
        ["Share this article", "Nawaz Dhandala", "Author", "@nawazdhandala • Jan 26, 2026 •",
         "Nawaz is building OneUptime with a passion for engineering reliable systems."],
        ["Sign Up for Free and Start Shopping", "Nawaz Dhandala", "Author’s Profile", "Latest Blogs"],
    ],
)  # fmt: skip
def test_a_name_over_an_author_caption(box: list[str]) -> None:
    assert clean_text_dump(page(*box)).authors == ("Nawaz Dhandala",)


def test_an_author_caption_under_no_name_names_no_one() -> None:
    assert clean_text_dump(page("Latest Blogs", "Author", "Share this article")).authors == ()


def test_a_list_of_authors_with_job_titles_and_avatar_initials() -> None:
    box = ["SHARE THIS", "AUTHOR", "CP", "Chengcheng Pei", "Staff Software Engineer, MongoDB", "YL", "Yuan Lin",
           "Director of Engineering, Inference Platform, MongoDB", "MONGODB RESOURCES", "Documentation"]  # fmt: skip
    assert clean_text_dump(page(*box)).authors == ("Chengcheng Pei", "Yuan Lin")


def test_a_papers_authors_with_affiliation_numbers_under_a_label() -> None:
    lines = ["Published on 25.Jun.2019 in Vol 7, No 6 (2019): June",
             "Efficacy of the Mindfulness Meditation Mobile App “Calm” to Reduce Stress Among College Students",
             "Authors of this article:",
             "Jennifer Huberty1  ;\xa0\xa0Jeni Green1  ;\xa0\xa0Christine Glissmann2  ;\xa0\xa0Chong Lee1",
             "Article", "Authors", "Cited by (332)", *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 7)[0] == ("Jennifer Huberty", "Jeni Green", "Christine Glissmann", "Chong Lee")
    assert byline_names("Jane Doe1,2 ; John Roe3") == ("Jane Doe", "John Roe")


def test_a_given_name_and_a_surname_on_lines_of_their_own_by_the_date() -> None:
    lines = ["TALK TO US", "25 Top Social Media Agencies in 2025", "Top Agencies",
             "Partner with the top social media agencies. Boost your brand's online presence with expert help.",
             "Dec 8, 2024", "Maria", "Mathioudaki", "Table of contents", *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 8) == (("Maria Mathioudaki",), "2024-12-08")
    # a given name alone stays alone when the next line is a label
    lines[6] = "Share"
    assert byline_and_date(lines, 1, 8)[0] == ("Maria",)


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        (["About Alexa", "Alexa Amador is a writer, graphic designer, and murder-mystery junkie."], ("Alexa",)),
        (["About Us", "Us is a writer of things."], ()),  # no given name
        (["Jeff Hoyt", "Who is Jeff Hoyt?", "As Editor-in-Chief of a personal finance site, Jeff produced ..."],
         ("Jeff Hoyt",)),
        (["Jeff Hoyt", "Who is Jane Doe?", "As Editor-in-Chief of a personal finance site, Jeff produced ..."], ()),
    ],
)  # fmt: skip
def test_author_boxes_headed_by_a_given_name_or_followed_by_who_is(box: list[str], authors: tuple[str, ...]) -> None:
    assert clean_text_dump(page(*box)).authors == authors


@pytest.mark.parametrize(
    ("first", "authors"),
    [
        ("Cory Dransfeldt", ("Cory Dransfeldt",)),
        ("Kyle Howells //", ("Kyle Howells",)),
        ("Levine Music", ()),  # a firm: "music" is a word pages write in lower case
        ("Main Menu", ()),  # no given name first
    ],
)
def test_a_personal_sites_name_on_its_first_line_when_nothing_else_names_anyone(
    first: str, authors: tuple[str, ...]
) -> None:
    assert clean_text_dump(dump(first, "Posts Music Watching Reading", "How to Choose a Tool for Your Diet",
                                *BODY)).authors == authors  # fmt: skip
    # a byline comes first
    res = clean_text_dump(dump(first, "How to Choose a Tool for Your Diet", "By Jane Doe", *BODY))
    assert res.authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("first", "authors"),
    [
        (["Skip to content", "Derek Seaman's Tech Blog"], ("Derek Seaman",)),
        (["Engora Data Blog", "Mike Woodward's thoughts on AI, data, and analytics."], ("Mike Woodward",)),
        (["Skip to content", "Colorado Tourism's Travel Blog"], ()),  # no given name first
    ],
)
def test_a_blog_named_after_its_owner_in_the_first_lines(first: list[str], authors: tuple[str, ...]) -> None:
    assert clean_text_dump(dump(*first, "How to Choose a Tool for Your Diet", *BODY)).authors == authors


def test_a_language_menus_entry_by_the_date_is_no_author() -> None:
    lines = ["English", "Deutsch", "OCTOBER 13, 2025", "Biggest Tech events 2026", *BODY]
    assert byline_and_date(lines, 3, 4) == ((), "2025-10-13")


@pytest.mark.parametrize(
    ("under", "authors"),
    [
        ("BRIAN TRUITT \xa0 USA TODAY", ("Brian Truitt",)),
        ("BRIAN TRUITT", ("Brian Truitt",)),
        ("SHOW CAPTION", ()),
        ("Brian Truitt   USA TODAY", ()),  # not in capitals: a name line, read (or not) by the other rules
    ],
)
def test_a_name_in_capitals_under_the_headline(under: str, authors: tuple[str, ...]) -> None:
    lines = ["Streaming", "From 'One Battle After Another' to 'Knives Out,' 10 movies to stream now",
             "Need a new movie to watch? Stream these 10 at home for free with Netflix and Hulu.", under,
             "Show Caption", *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 5)[0] == authors


def test_a_posts_name_by_the_date_is_no_author_and_a_copyright_line_with_the_year_after_the_name() -> None:
    lines = ["Sam Bossleythoughtsstreamsportfoliomiscrecs", "Thoughts on Zig", "2025-08-29#review#tech#zig",
             "Zig has the syntax of Rust", *BODY]  # fmt: skip
    assert byline_and_date(lines, 3, 4) == ((), "2025-08-29")
    assert clean_text_dump(dump(*lines, "Copyright Sam Bossley 2012-2025. CC BY-NC 4.0.")).authors == ("Sam Bossley",)
    assert clean_text_dump(dump(*lines, "Copyright Acme Widgets 2012-2025.")).authors == ()


def test_names_with_a_description_one_a_line_under_a_bare_written_by() -> None:
    lines = ["More Articles You Might Enjoy", "How We Tested Gaming Laptops Under $1,000", "Written by",
             "Adrien Ramirez, 4+ years covering computer hardware, software, and science",
             "Joanna Nelius, senior editor and E Ink enthusiast with 5+ years experience testing PC hardware.",
             "Updated March 13, 2024", *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 6) == (("Adrien Ramirez", "Joanna Nelius"), "2024-03-13")
    lines[4] = "Our favorite gaming laptops are the Acer Nitro 16 (2023) and the Acer Chromebook 516 GE (2022)."
    assert byline_and_date(lines, 1, 6)[0] == ("Adrien Ramirez",)
