"""The headline model's round-3 features (dump_meta): repeats below and above, the first byline/date line, runs of
short lines, prose between a line and the body."""

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
    assert feat["first_meta_offset"][2] == 1.0 and feat["first_meta_offset"][6] == -3.0
    assert feat["short_run"][0] == 5.0 and feat["short_run"][6] == 1.0
    assert feat["prose_between"][2] == 1.0 and feat["prose_between"][6] == 0.0
    assert dump_meta.find_title(lines, 7, BODY) == 2


def test_a_headline_just_below_the_bodys_start_is_a_candidate() -> None:
    # the cleaner's body may begin a few lines before the headline (a promo line taken for prose)
    lines = ["Menu", "Sign up for our newsletter to get the best offers every week in your inbox today.",
             "Top Diet Trends for 2025", "By Ann Lee", *BODY]  # fmt: skip
    idx, _ = dump_meta.features(lines, 1, BODY)
    assert 2 in idx and 4 in idx and dump_meta.LOOK_AHEAD >= 3
