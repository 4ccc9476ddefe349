"""The headline of a text dump without a label in front or the site's name after it (issue 3)."""

from __future__ import annotations

from newsweave.stages.clean import _bare_title


def test_a_label_and_the_sites_name_leave_the_headline() -> None:
    lines = ["Bridgestone Tires", "Menu", "The Ultimate Car Maintenance Checklist | Bridgestone Tires", "Body text."]
    assert _bare_title(lines[2], lines, 2, []) == "The Ultimate Car Maintenance Checklist"
    assert _bare_title("Blog: Best Agencies in 2025", ["x"], 0, []) == "Best Agencies in 2025"
    assert _bare_title("X - Artlyst", ["X - Artlyst"], 0, ["Artlyst"]) == "X"


def test_a_dash_inside_the_headline_stays() -> None:
    lines = ["Putin, Tillerson Meet At Kremlin - Discuss Tensions", "Body text about Putin."]
    assert _bare_title(lines[0], lines, 0, []) == lines[0]
