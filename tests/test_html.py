"""HTML metadata: the headline without the site name, and bylines without what pages glue to them."""

from __future__ import annotations

import pytest

from newsweave.stages.html import clean_byline, extract_html, strip_site_name

from .conftest import SAMPLES

BODY = "<p>" + " ".join(["The committee met on Tuesday and agreed the plan after a long debate."] * 8) + "</p>"


def page(head: str, body: str) -> str:
    return f"<html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}{BODY}</body></html>"


@pytest.mark.parametrize(("title", "names", "want"), [
    ("Machine learning, explained | MIT Sloan", ["MIT Sloan"], "Machine learning, explained"),
    ("Video Production: A Guide - QuickFrame", ["quickframe.com"], "Video Production: A Guide"),
    ("Example Wire \u2014 Details emerge in Haiti", ["Example Wire"], "Details emerge in Haiti"),
    ("Best Movers in NYC | Top 19 | Supermove", ["Supermove"], "Best Movers in NYC | Top 19"),
    # a dash inside the headline, and a part that is not the site, stay
    ("Russia-US ties - what comes next", ["Example Wire"], "Russia-US ties - what comes next"),
    ("Tillerson meets Lavrov | Moscow", [], "Tillerson meets Lavrov | Moscow"),
])  # fmt: skip
def test_site_name_is_cut_from_either_end_of_the_title(title: str, names: list[str], want: str) -> None:
    assert strip_site_name(title, names) == want


@pytest.mark.parametrize(("byline", "want"), [
    ("By Jane Doe", "Jane Doe"),
    ("Author Michael Ansaldo", "Michael Ansaldo"),
    ("Luke Kim December", "Luke Kim"),
    ("Haley Hoekstra \u2022 March 4, 2025", "Haley Hoekstra"),
    ("Linda Rosencrance Contributing Writer", "Linda Rosencrance"),
    ("Cazzy Magennis Last updated", "Cazzy Magennis"),
    ("Dec", None),
    ("Written By", None),
])  # fmt: skip
def test_byline_loses_prefixes_dates_and_job_titles(byline: str, want: str | None) -> None:
    assert clean_byline(byline) == want


def test_headline_is_the_pages_h1_and_not_the_social_title() -> None:
    html = page("<title>Nutritionists explain diet trends | Daily Example</title>"
                "<meta property='og:site_name' content='Daily Example'>",
                "<header><h1>Daily Example</h1></header><article><h1>The 7 biggest diet trends in 2025, "
                "according to nutritionists</h1></article>")  # fmt: skip
    assert extract_html(html).title == "The 7 biggest diet trends in 2025, according to nutritionists"
    # a line break inside the headline reads as a space, a comment in it not at all
    html = page("<title>Top MBA Programs</title>",
                "<h1>Top MBA Programs of 2025 (US)<br>Your Guide to the <!-- x -->Best Schools</h1>")  # fmt: skip
    assert extract_html(html).title == "Top MBA Programs of 2025 (US) Your Guide to the Best Schools"


def test_authors_fall_back_to_json_ld_and_byline_elements() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", '
          '"name": "Jared Newman"}, {"name": "Sam Singleton"}]}</script>')  # fmt: skip
    assert extract_html(page("<title>Cord cutting</title>" + ld, "<h1>Cut the cord</h1>")).authors == (
        "Jared Newman", "Sam Singleton")
    byline = page("<title>Gardens</title>", '<h1>School gardens</h1><span class="byline">By Arlene Marturano</span>')
    assert extract_html(byline).authors == ("Arlene Marturano",)


def test_sample_page_title_drops_the_site_name() -> None:
    html = (SAMPLES / "haiti-earthquake.html").read_text(encoding="utf-8")
    r = extract_html(html)
    assert r.title == "Details emerge in Haiti earthquake; thousands feared dead"
    assert r.site == "Example Wire" and r.authors == ("Wikinews contributors",)


def test_date_shown_under_the_headline_wins_unless_an_update_contradicts_a_stated_publication() -> None:
    ld = ('<script type="application/ld+json">{"@type": "Article", "datePublished": "2024-04-10", '
          '"dateModified": "2025-09-04"}</script>')  # fmt: skip
    shown = page("<title>SEO</title>" + ld, "<h1>SEO content predictions</h1><p>Last updated: Sep 4, 2025</p>")
    assert extract_html(shown).published == "2025-09-04"
    meta = '<meta property="article:published_time" content="2024-10-15T10:00:00+00:00">'
    stated = page("<title>Gym</title>" + meta, "<h1>A gym review for everyone</h1><p>Updated on June 18, 2025</p>")
    assert extract_html(stated).published == "2024-10-15"
    plain = page("<title>Gym</title>" + meta, "<h1>A gym review for everyone</h1><p>June 18, 2025</p>")
    assert extract_html(plain).published == "2025-06-18"
    glued = page("<title>Espresso</title>" + meta.replace("2024-10-15", "2025-04-24"),
                 "<h1>Espresso machines under $500</h1><p>May 21, 2025April 24, 2025 by The Ritualist</p>")
    assert extract_html(glued).published == "2025-04-24"  # two dates glued: which is the publication? the meta tag


def test_authors_lose_job_titles_reviewers_and_placeholders() -> None:
    def authors(meta_author: str, body: str = "") -> tuple[str, ...]:
        return extract_html(page(f"<title>T</title><meta name='author' content='{meta_author}'>",
                                 "<h1>A headline of some length</h1>" + body)).authors  # fmt: skip

    assert authors("Liz Kenny Former McKinsey Consultant") == ("Liz Kenny",)
    assert authors("Shelby Loos DVM Reviewed by Molly Price") == ("Shelby Loos DVM",)
    assert authors("admin") == ()
    assert authors("Webmaster", "<p>By Chase Bernath</p>") == ("Chase Bernath",)  # the byline under the headline


def test_site_names_read_as_a_reader_cites_them() -> None:
    from newsweave.stages.html import site_name

    # og:site_name values of WCXB pages (CC BY 4.0)
    assert site_name("SFist - San Francisco News, Restaurants, Events, & Sports", "sfist.com") == "SFist"
    assert site_name("Urge Fitness | Affordable 24/7 Gyms Near Me in PA and NJ") == "Urge Fitness"
    assert site_name("Find a Provider Near You - Book Online - Sofia Health") == "Sofia Health"
    assert site_name('"Terabyte Systems"') == "Terabyte Systems"
    assert site_name("/", "www.kaspersky.com") == "kaspersky.com"
    assert site_name("Http://@Vichattanooga", "vascularinstituteofchattanooga.com") == (
        "vascularinstituteofchattanooga.com")
    assert site_name("BBC News - Home") == "BBC News"
    # a name stays as it is, and a long first part is no name to cut a tagline from
    assert site_name("The Guardian", "www.theguardian.com") == "The Guardian"
    assert site_name("Department of Health and Human Services of the State - Home") == (
        "Department of Health and Human Services of the State - Home")
    assert site_name(None, "www.npr.org") == "npr.org" and site_name(None) is None


def test_a_site_name_that_is_the_headline_gives_way() -> None:
    from newsweave.stages.html import site_name

    # pages without a site name of their own: trafilatura gives their headline (WCXB pages, CC BY 4.0)
    title = "Do you need 14 USB ports on your Raspberry Pi 5?"
    assert site_name(f"{title} - CNX Software", "www.cnx-software.com", title) == "CNX Software"
    title = "How to Design a Website: a Complete Guide for 2026"
    assert site_name(f"{title} | Clay", "clay.global", title) == "Clay"
    title = "The leading generative AI companies"
    assert site_name(title, "iot-analytics.com", title) == "iot-analytics.com"
    assert site_name("Meals From the Heart Cafe in New Orleans Vegan Restaurant |") == (
        "Meals From the Heart Cafe in New Orleans Vegan Restaurant")
    # a site named in its own headline keeps its name
    wirecutter = "Wirecutter: Reviews for the Real World"
    assert site_name(wirecutter, "nytimes.com", "The Best Wireless Bluetooth Earbuds") == wirecutter
    assert site_name("BBC News", "bbc.co.uk", "BBC News investigation finds ...") == "BBC News"
