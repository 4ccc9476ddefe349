"""The headline of a text dump without a label in front or the site's name after it (issue 3)."""

from __future__ import annotations

from newsweave.stages.clean import _prepare, bare_title, page_sites


def test_a_label_and_the_sites_name_leave_the_headline() -> None:
    lines = ["Bridgestone Tires", "Menu", "The Ultimate Car Maintenance Checklist | Bridgestone Tires", "Body text."]
    assert bare_title(lines[2], lines, 2, []) == "The Ultimate Car Maintenance Checklist"
    assert bare_title("Blog: Best Agencies in 2025", ["x"], 0, []) == "Best Agencies in 2025"
    assert bare_title("X - Artlyst", ["X - Artlyst"], 0, ["Artlyst"]) == "X"


def test_a_dash_inside_the_headline_stays() -> None:
    lines = ["Putin, Tillerson Meet At Kremlin - Discuss Tensions", "Body text about Putin."]
    assert bare_title(lines[0], lines, 0, []) == lines[0]


def test_a_date_glued_in_front_of_the_headline_leaves_it() -> None:
    line = "Dec 18 2025 Preparing a transition in Debusine"
    assert bare_title(line, [line], 0, []) == "Preparing a transition in Debusine"
    # a date that is the whole headline but one word stays: too little would be left
    assert bare_title("Dec 18 2025 Update", ["Dec 18 2025 Update"], 0, []) == "Dec 18 2025 Update"


def test_the_sites_name_from_a_copyright_line_with_the_year_after_it_leaves_the_headline() -> None:
    lines = ["Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst", "Dec 17, 2025", "Terms & Conditions",
             "© Artlyst 2025"]  # fmt: skip
    sites = page_sites(*_prepare("\n".join(lines)))
    assert sites == ["Artlyst 2025"]  # the copyright line's name keeps the year written after it
    assert bare_title(lines[0], lines, 0, sites) == "Critics’ Choice: Best UK Art Exhibitions 2025"
