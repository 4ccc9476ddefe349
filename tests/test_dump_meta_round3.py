"""The headline model's round-3 features (dump_meta): repeats below and above, runs of short lines, prose between a
line and the body, how widely the body uses the line's words; the breadcrumb rule."""

from __future__ import annotations

from newsweave.stages import dump_meta

BODY = [
    "Food and nutrition advice changes every year, and nutritionists say this year's diet trends are good for you.",
    "Protein remains the macronutrient of the year, and more people are cutting back on alcohol, nutritionists say.",
    "Nutritionists expect fibre to be the next big trend in diet advice, with protein still on top.",
]


def test_round3_features_read_repeats_the_first_meta_line_short_runs_and_prose() -> None:
    intro = "This is an introduction of the article that runs to more than twenty words, as prose lines do on a page."
    lines = ["Top Diet Trends", "Latest News", "Top Diet Trends for 2025", "By Ann Lee", "Jan 29, 2025", intro,
             "Protein Is Still King", *BODY, "Fibre is next, nutritionists say, and not only in diet advice.",
             "Protein Is Still King", "Top Diet Trends"]  # fmt: skip
    idx, rows = dump_meta.features(lines, 7, BODY)
    feat = {name: dict(zip(idx, (r[k] for r in rows), strict=True)) for k, name in enumerate(dump_meta.FEATURES)}
    assert feat["repeats_after"][6] == 1.0 and feat["repeats_after"][2] == 0.0  # the heading recurs past the candidates
    assert feat["repeats_before"][0] == 0.0 and feat["repeats_after"][0] == 1.0
    assert feat["body_spread"][2] > feat["body_spread"][1] == 0.0  # "diet", "trends" in the body; "Latest News" not
    assert feat["short_run"][0] == 5.0 and feat["short_run"][6] == 1.0
    assert feat["prose_between"][2] == 1.0 and feat["prose_between"][6] == 0.0
    assert dump_meta.find_title(lines, 7, BODY) == 2


def test_a_headline_just_below_the_bodys_start_is_a_candidate() -> None:
    # the cleaner's body may begin a few lines before the headline (a promo line taken for prose)
    lines = ["Menu", "Sign up for our newsletter to get the best offers every week in your inbox today.",
             "Top Diet Trends for 2025", "By Ann Lee", *BODY]  # fmt: skip
    idx, _ = dump_meta.features(lines, 1, BODY)
    assert 2 in idx and 4 in idx and dump_meta.LOOK_AHEAD >= 3


def test_a_chosen_breadcrumb_gives_way_to_the_headline_it_ends_with() -> None:
    lines = ["Home > Blog > Top Diet Trends for 2025", "Top Diet Trends for 2025",
             "NETGEAR BlogTechnologyWhat is Mesh WiFi?", "What is Mesh WiFi?",
             "Introducing Bolmo: Byteifying the next generation of language models", "Language models"]  # fmt: skip
    idx = list(range(len(lines)))
    assert dump_meta.breadcrumb_tail(lines, idx, 0) == 1
    assert dump_meta.breadcrumb_tail(lines, idx, 2) == 3  # the headline glued to the last section's name
    assert dump_meta.breadcrumb_tail(lines, idx, 4) == 4  # a headline ending with a shorter line is no breadcrumb
    assert dump_meta.breadcrumb_tail(lines, idx, 1) == 1
