"""Small text helpers: hyphens that tokenized corpora (ECB+) write spaced."""

from __future__ import annotations

import pytest

from newsweave.stages.textutil import join_spaced_hyphens, tokenized_hyphens


@pytest.mark.parametrize("text, want", [
    # ECB+ headlines and sentences (CC BY)
    ("Woman Killed In Queens Hit - And - Run Accident, Driver Charged",
     "Woman Killed In Queens Hit-And-Run Accident, Driver Charged"),
    ("Deadly fire - bomb hits bank during Greek riots", "Deadly fire-bomb hits bank during Greek riots"),
    ("Colts Beat Chiefs 20 - 13 To Clinch Playoff Berth", "Colts Beat Chiefs 20-13 To Clinch Playoff Berth"),
    ("on fourth - and - goal", "on fourth-and-goal"),
    # dashes between clauses stay
    ("Armed robbers - some disguised as women - snatched $108 million",
     "Armed robbers - some disguised as women - snatched $108 million"),
    ("the law - although it was never enforced", "the law - although it was never enforced"),
])  # fmt: skip
def test_spaced_hyphens_of_tokenized_text_join_again(text: str, want: str) -> None:
    assert join_spaced_hyphens(text) == want


def test_a_text_is_tokenized_when_it_spaces_its_hyphens_and_joins_none() -> None:
    assert tokenized_hyphens("a three - point play and a 17 - 14 victory")
    assert not tokenized_hyphens("a three-point play - and a 17 - 14 victory")  # one joined: written so
    assert not tokenized_hyphens("Tillerson - the former oil executive")  # once is a dash
