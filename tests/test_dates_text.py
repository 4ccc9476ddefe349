"""The one parser of written-out dates in text dumps and bylines, and the month names the stages share."""

from __future__ import annotations

import pytest

from newsweave.stages import dates_text


@pytest.mark.parametrize(("line", "day"), [
    ("BY KORIN MILLERPUBLISHED: JAN 29, 2025", "2025-01-29"),
    ("Last Updated: 2025-02-22", "2025-02-22"),
    ("Tuesday February 11 2025", "2025-02-11"),
    ("LAST UPDATED ON SEPTEMBER 16TH, 2023 AT 09:27 AM", "2023-09-16"),
    ("Updated 29 Sept. 2024", "2024-09-29"),
    ("[Source: By Camila Domonoske and Bill Chappell, NPR, 12Apr17]", "2017-04-12"),
    ("Posted 2025/12/20 by the editors", "2025-12-20"),
    ("Published 3 March 2024, updated April 1, 2024", "2024-03-03"),
    ("February 30 people died", None),
    ("February 30, 2025", None),
    ("Page 2 of 2025 results", None),
    ("Signing of the Peace Protocol, August 12, 1898, by Theobald Chartran", None),
])  # fmt: skip
def test_parse_date_reads_the_first_written_out_date(line: str, day: str | None) -> None:
    assert dates_text.parse_date(line) == day


def test_month_names_and_numbers() -> None:
    assert dates_text.month_number("Sept.") == 9 and dates_text.month_number("DECEMBER") == 12
    assert dates_text.month_number("monday") == 0
    assert dates_text.MONTH_ALTERNATION.split("|")[:10] == [*dates_text.MONTH_ABBREVIATIONS[:9], "sept"]
    assert dates_text.without_dates("Updated: Jan 5, 2024").split() == ["Updated:"]
