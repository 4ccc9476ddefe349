"""Plain-text dumps, round 6 of the byline: a desk or team under the headline, a name over a job title with a
capitalised role word, a post's own "Posted by X on <date>" footer, and the person a copyright line names. The lines
are those of real pages' dumps."""

from __future__ import annotations

import pytest

from newsweave.stages.clean import byline_and_date, clean_text_dump

from .test_dump_meta_round5 import BODY, dump


def page(*tail: str) -> str:
    """A page whose headline has no byline next to it, then ``tail`` under the article."""
    return dump("Menu", "Search", "How to Choose a Tool for Your Diet", *BODY, *["Related"] * 12, *tail)


@pytest.mark.parametrize(
    ("under", "authors"),
    [
        (["Staff", "April 18, 2025"], ("Staff",)),
        (["IT", "InstaTunnel Team", "Published by our engineering team"], ("InstaTunnel Team",)),
        (["Our Team", "April 18, 2025"], ()),  # a menu entry
    ],
)
def test_a_desk_or_team_on_its_own_line_under_the_headline(under: list[str], authors: tuple[str, ...]) -> None:
    lines = ["Menu", "Smart Thermostats: Do They Really Save You Money?", *under, *BODY]
    assert byline_and_date(lines, 1, 2 + len(under))[0] == authors


def test_a_name_over_a_job_title_with_a_capitalised_role_word() -> None:
    lines = ["10/12/2023 7:38:01 PM | 3 minute read", "Skiplagging in the relocation process", "Get in touch",
             "Chris Pardo", "Vice President of Consulting", *BODY]  # fmt: skip
    assert byline_and_date(lines, 1, 5) == (("Chris Pardo",), "2023-10-12")


def test_a_posts_own_footer_with_a_date_names_the_author() -> None:
    tail = ["Posted by Colin Watson on 2025-12-18 in debusine. Tags: debusine, freexian, planet-debian."]
    assert clean_text_dump(page(*tail)).authors == ("Colin Watson",)
    # without the date it is a teaser's byline, and no label
    assert clean_text_dump(page("Posted by Colin Watson in debusine. Tags: debusine, freexian.")).authors == ()


@pytest.mark.parametrize(
    ("footer", "authors"),
    [
        ("© 2025 Toby Hede. All rights reserved.", ("Toby Hede",)),
        ("© 2025 Marco Bambini · Privacy ∙ Terms ∙ Collection notice", ("Marco Bambini",)),
        ("© 2026 Austin Hardware & Supply", ()),  # a firm: "hardware" is a word pages write in lower case
        ("Copyright © 2025 Sofia Health, LLC. All rights reserved.", ()),
        ("© 2025 Chapman University", ()),  # no given name first
    ],
)
def test_the_person_a_copyright_line_names_when_nothing_else_does(footer: str, authors: tuple[str, ...]) -> None:
    assert clean_text_dump(page(footer)).authors == authors


def test_a_byline_comes_before_the_copyright_line() -> None:
    res = clean_text_dump(dump("How to Choose a Tool for Your Diet", "By Jane Doe", *BODY, "© 2025 Toby Hede"))
    assert res.authors == ("Jane Doe",)


class _Leaning:
    """A headline model that leans, weakly, toward one line (p 0.07) and rules out the others."""

    def __init__(self, rows: dict[tuple[float, ...], float]) -> None:
        self.rows = rows

    def probability(self, row: list[float]) -> float:
        return self.rows.get(tuple(row), 0.001)


def test_a_weak_lean_of_the_headline_model_beats_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.stages import dump_meta

    lines = ["Family Healthy Weight Programs", "About Healthy Weight and Growth", "March 1, 2024",
             "Healthy Eating Tips", "At a glance", *BODY]  # fmt: skip
    idx, rows = dump_meta.features(lines, 5, BODY)
    model = _Leaning({tuple(rows[idx.index(3)]): 0.07})
    monkeypatch.setattr(dump_meta, "_model", lambda: model)
    assert dump_meta.find_title(lines, 5, BODY) == 3  # under 0.1 the cleaner's rule used to answer
    model.rows = {tuple(rows[idx.index(3)]): 0.03}
    assert dump_meta.find_title(lines, 5, BODY) is None  # too weak: the rule answers
