"""Blocks of a text dump that are the page's, not the article's, left out of the text (issue 3, text round 7):
testimonials after the article, a reference list, a byline and the dek at the head. Lines modelled on WCXB dev
pages (a pediatric clinic's blog, a Huberman Lab page, Healthline's sources, a J.D. Power travel story)."""

from __future__ import annotations

from newsweave.stages.clean import (
    Kind,
    _button,
    _head_byline,
    _prepare,
    _references,
    _signature,
    _teaser_cards,
    _testimonials,
    clean_text_dump,
)

ARTICLE = [
    "Exhaustion often feels like a permanent state of parenthood, especially when your child wakes up at night and "
    "cannot settle back to sleep without you.",
    "Before you change your nighttime routine, pause. Your child may be waking for a reason that has nothing to do "
    "with habits, and a few questions can help you find it.",
    "Is your child teething, or do they have a cold or a runny nose that makes breathing harder when they lie down "
    "for the night?",
    "If the waking goes on for more than two weeks, talk with your pediatrician about what else could be behind it "
    "and what you can try next.",
]
TESTIMONIALS = [
    "“Great doctors and staff. They genuinely care about you. The clinic is kept very clean!”",
    "Mallory R.",
    "Everyone at the office has been great. It’s been easy to set up appointments.",
    "Brittany M.",
    "Every episode has the capacity to change your life.",
    "TeeLox23",
    "Spent quality time with our daughter. Staff and doctors were super friendly and helpful.",
    "Dawn H.",
]


def _lines(dump: list[str]) -> tuple[list[str], list[Kind]]:
    lines, _, kinds = _prepare("\n".join(dump))
    return lines, kinds


def test_signatures_are_names_initials_and_handles_not_headings() -> None:
    for line in ("Mallory R.", "A. Rae V. B.", "Kylie Farr", "Stacey", "TeeLox23", "Best_Law8690", "H Kotala"):
        assert _signature(line), line
    for line in ("Conclusion", "Budget", "2025-09-30", "Is your child teething?", "The doctors were great.", "54"):
        assert not _signature(line), line


def test_testimonials_after_the_article_leave_the_text() -> None:
    lines, kinds = _lines(ARTICLE + TESTIMONIALS)
    text = list(range(len(lines)))
    assert _testimonials(lines, kinds, text) == set(range(len(ARTICLE), len(lines)))
    result = clean_text_dump("\n".join(["Why Is My Child Waking at Night?", *ARTICLE, *TESTIMONIALS]))
    assert "Mallory R." not in result.text and "Great doctors" not in result.text
    assert result.text.startswith("Exhaustion often feels") and "talk with your pediatrician" in result.text


def test_two_quoted_lines_with_names_under_them_stay() -> None:
    lines, kinds = _lines(ARTICLE + TESTIMONIALS[:4] + ARTICLE[:1])
    assert _testimonials(lines, kinds, list(range(len(lines)))) == set()


def test_a_reference_list_leaves_the_text_but_a_sources_heading_over_prose_stays() -> None:
    refs = [
        "Sources",
        "Clem J, et al. (2021). A look at plant-based diets.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC8210981/",
        "Gan ZH, et al. (2021). Association between plant-based dietary patterns and risk of cardiovascular disease.",
        "https://pubmed.ncbi.nlm.nih.gov/34836208/",
    ]
    lines, _ = _lines(ARTICLE + refs)
    assert _references(lines, list(range(len(lines)))) == set(range(len(ARTICLE), len(lines)))
    prose = ["Sources", ARTICLE[1], ARTICLE[2], "Clem J, et al. (2021). A look at plant-based diets."]
    lines, _ = _lines(ARTICLE + prose)
    assert _references(lines, list(range(len(lines)))) == set()


def test_a_byline_and_the_dek_over_it_leave_the_head_of_the_text() -> None:
    dump = [
        "Travelers say Enterprise is redefining what a smooth car rental experience looks like in 2025.",
        "Faith Katunga•Oct 20, 2025",
        *ARTICLE,
    ]
    lines, kinds = _lines(dump)
    assert _head_byline(lines, kinds, list(range(len(lines)))) == {0, 1}
    # no byline under the first paragraph: it is the article's
    lines, kinds = _lines(ARTICLE)
    assert _head_byline(lines, kinds, list(range(len(lines)))) == set()


def test_a_date_labelled_as_a_fact_of_the_article_stays() -> None:
    dump = ["The publisher set the date for the sequel this week.", "Released: June 17, 2025 by Tor Books", *ARTICLE]
    lines, kinds = _lines(dump)
    assert _head_byline(lines, kinds, list(range(len(lines)))) == set()
    dek = "We could all use a little help sprucing up our home gardens. Stream these shows and spark your imagination."
    dump = [dek, "#Plants & Crops", "by Emily Baron Cadloff· October 10, 2021", *ARTICLE]
    lines, kinds = _lines(dump)
    assert _head_byline(lines, kinds, list(range(len(lines)))) == {0, 2}  # the dek two lines over the byline too


def test_buttons_and_a_listings_phone_leave_the_text_but_a_heading_stays() -> None:
    for line in ("Try Alitu for free", "Book a demo with Otter", "Request A Free Consultation for Accounting Services",
                 "Get Deal", "877-621-6572", "4.8 out of 5 stars (193)", "Google Maps"):  # fmt: skip
        assert _button(line, "soft"), line
    for line in ("Get Started with Your Budget", "Start Small", "Learning kate", "Contact a legal aid organization"):
        assert not _button(line, "soft"), line


def test_the_sites_other_stories_after_the_article_leave_the_text() -> None:
    cards = ["Need More Backpacking Advice?"]
    for head, blurb in (
        ("Ultralight Backpacking Gear: Packing List Under 10 lbs", "This gear list will keep you moving on trail."),
        ("FlipFuel Fuel Transfer Device Review", "Stop hauling around half-empty fuel canisters on every trip."),
        ("Best Backpacking Quilts of 2026", "From the deep forests of the Pacific Northwest, we've vetted the best."),
    ):
        cards += [head, head, blurb]  # the picture's caption and the link: the headline twice
    lines, kinds = _lines(ARTICLE + cards)
    text = [i for i, k in enumerate(kinds) if k in ("prose", "soft")]
    assert _teaser_cards(lines, kinds, text) == {i for i in text if i >= len(ARTICLE)}
    # the same sections without a copy of their headline or a date are the article's own (a list of tips)
    lines, kinds = _lines(ARTICLE + [ln for k, ln in enumerate(cards) if k % 3 != 2 or k == 0])
    text = [i for i, k in enumerate(kinds) if k in ("prose", "soft")]
    assert _teaser_cards(lines, kinds, text) == set()
