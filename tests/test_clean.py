"""Text-dump cleaning: page furniture goes, article lines and the metadata the text states stay."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path

import pytest

from newsweave.stages import clean
from newsweave.stages.clean import CleanResult, clean_text_dump, detect_original_source
from newsweave.stages.clean_model import load_tree_ensemble

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _seed(name: str) -> CleanResult:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed dumps not available at {SEEDS}")
    return clean_text_dump(path.read_text(encoding="utf-8"))


def test_blog_repost_drops_comment_box_email_and_foreign_script_footer() -> None:
    res = _seed("000_f2caec4f31b0e51f.txt")
    for furniture in ("Post a Comment", "syria.suv@gmail.com", "ADS", "أحدث أقدم", "Ammar Johmani"):
        assert furniture not in res.text
    assert res.removed == (
        "Post a Comment",
        "syria.suv@gmail.com",
        "أحدث أقدم",
        "ADS",
        "Ammar Johmani Magazine publisher News about syria and the world.",
    )


def test_blog_repost_keeps_title_first_paragraph_and_section_headings() -> None:
    res = _seed("000_f2caec4f31b0e51f.txt")
    paragraphs = res.text.split("\n\n")
    assert res.title == "Tillerson meets Lavrov after war of words over Syria"
    assert paragraphs[0].startswith("US Secretary of State Rex Tillerson and his Russian")
    assert "- 'Where is the proof?' -" in paragraphs
    assert "- Anger over Hitler comments -" in paragraphs
    assert paragraphs[-1].startswith('"Is that a long-term alliance')
    assert res.title not in res.text


def test_nizkor_repost_drops_header_and_footer_but_keeps_short_lines() -> None:
    res = _seed("004_23f2fadc937a667e.txt")
    for furniture in (
        "Bookshop | Donate",
        "Equipo Nizkor",
        "This document has been published",
        "[Source:",
        "Russian Affairs",
    ):
        assert furniture not in res.text
    paragraphs = res.text.split("\n\n")
    assert "Things didn't get less tense from there." in paragraphs
    assert paragraphs[0].startswith("U.S. Secretary of State Rex Tillerson says he had a")
    assert paragraphs[-1].startswith("Reporters asked whether Tillerson had introduced evidence")
    assert res.title == "Putin, Tillerson Meet At Kremlin, Discuss Tensions Between Russia And U.S."


def test_nizkor_source_line_gives_authors_outlet_date_and_site() -> None:
    res = _seed("004_23f2fadc937a667e.txt")
    assert res.original_source == "NPR"
    assert res.authors == ("Camila Domonoske", "Bill Chappell")
    assert res.published == "2017-04-12"  # the original's date, not the repost's (13Apr17)
    assert res.site == "Equipo Nizkor"
    assert any(line.startswith("[Source: By Camila Domonoske") for line in res.removed)


WIKINEWS_PARAGRAPHS = (
    "BRASILIA (Reuters) - According to the Brazilian air force, Brazilian military aircraft have "
    "found wreckage of an airplane in the Atlantic Ocean, about 650 kilometres off the northern "
    "coast of Brazil.",
    "The wreckage is suspected to have come from Air France Flight 447, a passenger jet that went "
    "missing over the Atlantic Ocean on June 1.",
    "The debris includes airplane seats and metallic objects. Pilots from TAM, a Brazilian airline "
    "had earlier said they saw what they perceived to be a fire in the Atlantic, but French "
    "officials say that no sign of wreckage had been found.",
    "Brazilian airplanes with sensors are currently scanning the area of the ocean where the debris was found.",
    '"A TAM airlines plane from Brazil supposedly saw something on fire in the Atlantic Ocean. '
    'This was an aeroplane that landed today," said Jose Alencar, the Brazilian vice president.',
    "Air France Flight AF447 was an Airbus A330 carrying 216 passengers and 12 crew members that "
    "disappeared after it went into a severe thunderstorm. Authorities are not yet certain what "
    "caused the incident, but are pessimistic as to whether any survivors will be found.",
)
WIKINEWS_FURNITURE = (
    "Example News",
    "Home | World | Politics | Business | Science | Sport",
    "Sign in | Register",
    "We use cookies to give you the best experience on our website.",
    "Accept cookies",
    "Share this",
    "Advertisement",
    "Facebook Twitter Email",
    "Subscribe to our newsletter",
    "Get the day's top stories in your inbox every morning.",
    "Related stories",
    "Air France jet with 228 on board goes missing",
    "© 2009 Example News. All rights reserved.",
    "newsdesk@example.com",
)


def test_wikinews_dump_keeps_every_body_paragraph_across_an_advertisement() -> None:
    res = clean_text_dump((FIXTURES / "dump_wikinews.txt").read_text(encoding="utf-8"))
    assert tuple(res.text.split("\n\n")) == WIKINEWS_PARAGRAPHS
    assert res.title == ("Wreckage of plane thought to be missing Air France flight found in Atlantic")


def test_wikinews_dump_drops_all_furniture_and_reads_the_stated_metadata() -> None:
    res = clean_text_dump((FIXTURES / "dump_wikinews.txt").read_text(encoding="utf-8"))
    for furniture in WIKINEWS_FURNITURE:
        assert furniture not in res.text
        assert any(furniture in line for line in res.removed)
    assert res.original_source == "Reuters"
    assert res.published == "2009-06-02"
    assert res.site == "Example News"
    assert res.authors == ()


def test_text_without_furniture_is_kept_whole_with_crlf_normalised() -> None:
    paragraphs = [
        "A powerful storm hit the northern coast on Monday, cutting power to thousands of homes.",
        '"We lost everything."',
        "Officials said repairs would take at least a week in the worst-hit areas of the region.",
    ]
    raw = "Storm hits northern coast\r\n\r\n" + "\r\n\r\n".join(paragraphs) + "\r\n"
    res = clean_text_dump(raw)
    assert res.title == "Storm hits northern coast"
    assert res.text.split("\n\n") == paragraphs
    assert res.removed == ()
    assert "\r" not in res.text


def test_byline_date_line_and_other_script_menu_are_dropped_as_metadata_or_furniture() -> None:
    raw = "\n".join(
        [
            "Главная | Новости",
            "Quake shakes coastal city",
            "By Jane Smith and JOHN DOE",
            "Published: 3 March 2015",
            "KIEV, Ukraine (AP) _ A strong earthquake shook the coastal city early on Tuesday.",
            "Rescue teams searched collapsed buildings all night, the mayor told reporters.",
        ]
    )
    res = clean_text_dump(raw)
    assert res.title == "Quake shakes coastal city"
    assert res.authors == ("Jane Smith", "John Doe")
    assert res.published == "2015-03-03"
    assert res.original_source == "AP"
    assert res.removed == (
        "Главная | Новости",
        "By Jane Smith and JOHN DOE",
        "Published: 3 March 2015",
    )


def test_a_repeated_line_is_kept_once_but_a_short_recurring_heading_stays() -> None:
    promo = "Get the latest updates texted right to your phone every single day."
    raw = "\n".join(
        [
            "Storm hits northern coast",
            "A powerful storm hit the northern coast on Monday, cutting power to thousands of homes.",
            promo,
            "Damage",
            "Officials said repairs would take at least a week in the worst-hit areas of the region.",
            promo,
            "Damage",
            "Crews from three neighbouring states arrived on Tuesday to help restore the power lines.",
        ]
    )
    res = clean_text_dump(raw)
    paragraphs = res.text.split("\n\n")
    assert paragraphs.count(promo) == 1
    assert paragraphs.count("Damage") == 2
    assert paragraphs[-1].startswith("Crews from three")
    assert res.removed == (promo,)


def test_a_small_tail_after_two_short_lines_is_cut_but_a_last_paragraph_after_one_heading_stays() -> None:
    sentence = (
        "The council met again on Tuesday to discuss the new budget for roads, schools and parks across "
        "the district, and members argued for hours about how much money each project should receive."
    )
    paragraphs = [f"In session {k}, {sentence[0].lower()}{sentence[1:]} {sentence}" for k in range(1, 7)]
    last = "The vote on the final budget is expected at next week's meeting."  # after one heading: kept
    blurb = "Jane Smith covers local politics for the paper and has lived in the district for twenty years."
    lines = ["Council argues over budget", *paragraphs, "What comes next", last, "Jane Smith", "Politics", blurb]
    raw = "\n".join(lines)
    res = clean_text_dump(raw)
    assert res.text.split("\n\n") == [*paragraphs, "What comes next", last]
    assert res.removed == ("Jane Smith", "Politics", blurb)


def _council_article() -> list[str]:
    sentence = (
        "The council met again on Tuesday to discuss the new budget for roads, schools and parks across "
        "the district, and members argued for hours about how much money each project should receive."
    )
    return [f"In session {k}, {sentence[0].lower()}{sentence[1:]} {sentence}" for k in range(1, 7)]


def test_an_off_topic_tail_after_two_short_lines_is_cut() -> None:
    testimonials = [
        "Great doctors and friendly staff, they genuinely care about you and the clinic is always very clean.",
        "Mallory R.",
        "Everyone at the office has been wonderful and booking appointments online was quick and easy for us.",
        "Brittany M.",
        "Spent quality time with our daughter and answered every single question we had, so glad we came here.",
    ]
    lines = ["Council argues over budget", *_council_article(), "Testimonials", "What patients say", *testimonials]
    res = clean_text_dump("\n".join(lines))
    assert res.text.split("\n\n") == _council_article()
    assert res.removed[-len(testimonials) - 2 :] == ("Testimonials", "What patients say", *testimonials)


def test_an_on_topic_last_section_after_two_short_lines_stays() -> None:
    section = [
        "The district's schools asked the council for more money to repair roofs and heating this winter.",
        "Parks staff said the budget for roads and parks had not kept up with the cost of repairs for years.",
        "Members of the council agreed to discuss the budget for schools again at next week's session.",
    ]
    lines = ["Council argues over budget", *_council_article(), "What comes next", "Schools and parks", *section]
    res = clean_text_dump("\n".join(lines))
    assert res.text.split("\n\n") == [*_council_article(), "What comes next", "Schools and parks", *section]


def test_an_author_box_near_the_end_ends_the_article() -> None:
    box = [
        "Written by Jane Doe",
        "Jane Doe is a finance writer who has covered city budgets, schools and local politics for ten years.",
        "Before that she reported on housing and transport for a regional paper in the north of the country.",
    ]
    res = clean_text_dump("\n".join(["Council argues over budget", *_council_article(), *box]))
    assert res.text.split("\n\n") == _council_article()
    assert res.authors == ("Jane Doe",)


def test_a_profile_whose_subject_is_named_early_keeps_every_paragraph() -> None:
    profile = [
        "Jane Doe",
        "Jane Doe is a finance writer who has covered city budgets, schools and local politics for ten years.",
        *_council_article(),
    ]
    res = clean_text_dump("\n".join(["A life in local news", *profile]))
    assert res.text.split("\n\n") == profile[1:]


def test_the_article_above_a_longer_comment_section_is_the_body() -> None:
    comment = (
        "I have lived in the district for thirty years and I have never seen the roads in such a bad state, "
        "the council should spend the money on repairs before anything else, and the schools can wait a year."
    )
    comments = [line for k in range(12) for line in (f"Reader {k}", f"{comment} Comment number {k}.")]
    raw = "\n".join(["Council argues over budget", *_council_article(), "12 Comments on “Council argues”", *comments])
    res = clean_text_dump(raw)
    assert res.text.split("\n\n") == _council_article()


def test_affiliate_disclosures_and_teaser_headings_are_not_article_text() -> None:
    disclosure = "We may earn a commission when you buy through links on our site."
    res = clean_text_dump("\n".join(["Council argues over budget", disclosure, *_council_article()]))
    assert res.text.split("\n\n") == _council_article()
    assert disclosure in res.removed
    for heading in ("You’ll Also Love...", "More from Jane Doe", "Related Resources:", "Popular topics"):
        assert clean._SECTION_END.match(heading)
    assert not clean._SECTION_END.match("More on the budget")


LIST_AFTER_ARTICLE = [
    "The budget lists these projects for the district:",
    "Road repairs in the north",
    "New roofs for three schools",
    "Two new parks by the river",
    "More buses for the schools",
]


def test_the_block_model_adds_a_list_after_the_article_but_not_the_share_footer() -> None:
    raw = "\n".join(["Council argues over budget", *_council_article(), *LIST_AFTER_ARTICLE, "Share this",
                     "Facebook Twitter", "© 2024 Example News"])  # fmt: skip
    res = clean_text_dump(raw)
    assert res.text.split("\n\n") == [*_council_article(), *LIST_AFTER_ARTICLE]
    assert res.removed == ("Share this", "Facebook Twitter", "© 2024 Example News")


def test_without_the_model_file_the_span_rule_alone_drops_the_list(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(clean, "SEGMENT_MODEL", tmp_path / "absent.json")
    clean._segment_model.cache_clear()
    try:
        res = clean_text_dump("\n".join(["Council argues over budget", *_council_article(), *LIST_AFTER_ARTICLE]))
    finally:
        clean._segment_model.cache_clear()
    assert res.text.split("\n\n") == [*_council_article(), LIST_AFTER_ARTICLE[0]]


def test_a_block_reaching_past_both_ends_of_the_span_is_scored_without_error() -> None:
    paragraph = " ".join(_council_article()[:2])
    lines = ["A short line of prose that ends with a full stop here.", "Subscribe to our newsletter", paragraph,
             "Follow us on Facebook", "Another short line of prose that ends the page."]  # fmt: skip
    res = clean_text_dump("\n".join(lines))  # one block holds all five lines; the span is the paragraph
    assert res.text == paragraph
    assert "Subscribe to our newsletter" in res.removed and "Follow us on Facebook" in res.removed


def test_tree_ensemble_follows_thresholds_and_rejects_a_stale_feature_list(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    tree = [[1, 0.5, 1, 2, 0.0], [-1, 0.0, 0, 0, -2.0], [-1, 0.0, 0, 0, 2.0]]
    path.write_text(json.dumps({"features": ["a", "b"], "baseline": 0.5, "trees": [tree, tree]}), encoding="utf-8")
    model = load_tree_ensemble(path, ("a", "b"))
    assert model.probability([9.0, 0.5]) == pytest.approx(1 / (1 + math.exp(3.5)))  # b <= 0.5: left leaf twice
    assert model.probability([9.0, 0.6]) == pytest.approx(1 / (1 + math.exp(-4.5)))
    with pytest.raises(ValueError, match="clean_segments.py --write"):
        load_tree_ensemble(path, ("a", "c"))


def test_shipped_block_model_matches_the_features_the_cleaner_computes() -> None:
    model = clean._segment_model()
    assert model is not None and model.features == clean.SEGMENT_FEATURES
    assert len(model.trees) == 200


@pytest.mark.parametrize("raw", ["", "   ", "\r\n \n\t\n"])
def test_empty_input_gives_empty_result(raw: str) -> None:
    assert clean_text_dump(raw) == CleanResult("", None, (), None, None, None, ())


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("MOSCOW (AFP) - Russia said on Tuesday it would veto the resolution.", "AFP"),
        ("LONDON (Reuters) - British shares fell on Monday.", "Reuters"),
        ("TEHRAN, Iran (AP) _ Conservative clerics led the vote.", "AP"),
        ("WASHINGTON _ (AP) _ The Senate voted on Friday.", "AP"),
        ("The talks ended without a deal.\n-- AFP", "AFP"),
        ("Body text.\n\nAgence France-Presse", "AFP"),
        ("Body text.\nAssociated Press Writer", "AP"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "Reuters"),
        ("[Source: By Ann Lee, BBC News, 12 April 2017]", "BBC"),
        ("Copyright 2017 The Associated Press. All rights reserved.", "AP"),
    ],
)
def test_detect_original_source_finds_wire_credits(text: str, outlet: str) -> None:
    assert detect_original_source(text) == outlet


@pytest.mark.parametrize(
    "text",
    [
        "",
        "He told the Associated Press on Monday that the talks were over.",
        "Lavrov said so, according to Tass. The Interfax news agency quoted Putin.",
        "AP Photo/Jane Doe",
    ],
)
def test_detect_original_source_ignores_mere_mentions(text: str) -> None:
    assert detect_original_source(text) is None


@pytest.mark.slow
def test_clean_articles_keep_at_least_97_percent_of_their_characters() -> None:
    path = SHARED / "clustering_stream" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"clustering stream not available at {path}")
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(200), f, strict=False)]
    ratios = [len("".join(clean_text_dump(t).text.split())) / len("".join(t.split())) for t in texts if t.strip()]
    assert statistics.mean(ratios) >= 0.97


def test_captions_credits_and_form_fine_print_leave_the_text_but_not_the_span() -> None:
    para = (
        "The city council voted on Tuesday to expand the bus network, adding twelve routes that will run through the "
        "night in the eastern districts, officials said after a long debate."
    )
    raw = "\n\n".join(
        [
            "Buses to run all night",
            para,
            "Jane Doe / Getty Images",
            para.replace("Tuesday", "Wednesday"),
            "Above: a night bus in the eastern districts.",
            para.replace("twelve", "ten"),
            "Photo: John Roe",
            "Schools will also get earlier buses, the mayor said.",
            "By submitting this form, you agree to our Terms of Use and Privacy Policy.",
            para.replace("officials", "planners"),
        ]
    )
    res = clean_text_dump(raw)
    for note in ("Getty Images", "Above:", "Photo: John Roe", "By submitting"):
        assert note not in res.text
    assert "Schools will also get earlier buses, the mayor said." in res.text  # a short line inside stays
    assert res.text.count("eastern districts, officials said") == 3
    assert res.text.count("planners said") == 1
    for line in ("$150 AT ADIDAS", "$32 $29 at Amazon", "Shop now", "SHOP MEN’S AT HOKA.COM"):
        assert clean.page_note(line)  # a shop's button
    for line in (
        "Pictured: the Summit 3 tent",
        "Video: 4K/30p",
        "Graphics: Nvidia RTX 4050",
        "Shop on weekdays",
        "Shop at the market on Sundays for the best fish",
    ):
        assert not clean.page_note(line)  # spec rows of product reviews are article text
