"""A recurring column's issues of different days (the same heading, the column's words) are no one story."""

from __future__ import annotations

import numpy as np

from newsweave.stages.cluster import StoryClusterer, content_terms, template_heading

# openings of four NYT "NATIONAL FORECAST" columns in the stream, each in another DUC event's files
COLUMNS = [
    ("1998-10-01", "NATIONAL FORECAST\n\nFrost will cover patches of the landscape from the western Great Lakes to "
                   "the northern Ohio Valley on Friday morning. High pressure stretching from Manitoba to West "
                   "Virginia will promote mainly sunny, but very cool conditions in the Northeast."),
    ("1998-10-22", "NATIONAL FORECAST\n\nSnow advisories were issued Thursday for the San Juan Mountains in "
                   "southeast Colorado as moist air drawn northward by a distant upper-level low-pressure system "
                   "over northern Nevada was forced to ascend the sloping terrain."),
    ("1998-11-18", "NATIONAL FORECAST\n\nLow pressure will move northeast over the northern Great Lakes Thursday. A "
                   "conveyor belt of cold, moist air to the northwest of the low's track will cause moderate to "
                   "heavy snow over northern Minnesota."),
    ("1998-11-25", "NATIONAL FORECAST\n\nInclement weather will affect parts of the Northeast on Thursday as "
                   "developing low pressure lifts Atlantic moisture across the region. Wet snow will fall in "
                   "northern Maine and on the high ground of northern New Hampshire."),
]  # fmt: skip
KW = {"threshold": 0.275, "entity_weight": 0.3, "lexical_weight": 0.4, "time_penalty": 0.0}  # as the settings


def _stories(dates: list[str], headed: bool) -> set[str]:
    c = StoryClusterer(**KW)  # type: ignore[arg-type]
    vec = np.ones(8, dtype=np.float32) / np.sqrt(8)  # the columns' embeddings are alike: the guard must part them
    got = set()
    for k, ((_, text), day) in enumerate(zip(COLUMNS, dates, strict=True)):
        head = template_heading(text) if headed else None
        got.add(c.assign(f"a{k}", vec, (), day, content_terms(None, text), (), head))
    return {c.story_of(s) for s in got}


def test_template_heading_is_a_short_capitalised_opening_line() -> None:
    assert template_heading(COLUMNS[0][1]) == "NATIONAL FORECAST"
    assert template_heading("  NATIONAL   FORECAST \nLow pressure") == "NATIONAL FORECAST"
    assert template_heading("Frost will cover patches of the landscape.") is None  # a lead's sentence
    assert template_heading("Quake hits Qeshm island\n\nThe 5.6 quake") is None  # a headline, not a column's name
    assert template_heading("WASHINGTON (AP) -- THE SENATE VOTED ON THE BILL TODAY.") is None  # a sentence
    assert template_heading("") is None


def test_issues_of_a_column_from_different_days_stay_apart() -> None:
    dates = [d for d, _ in COLUMNS]
    assert len(_stories(dates, headed=False)) == 1  # without the guard the column's words make one story
    assert len(_stories(dates, headed=True)) == 4


def test_issues_of_one_day_still_join() -> None:
    assert len(_stories(["1998-10-01"] * 4, headed=True)) == 1
    assert len(_stories(["1998-10-01", "1998-10-02", "1998-11-18", "1998-11-18"], headed=True)) == 2
