"""Learned candidates of round 15 (issue 5): what a verb of telling reports after its addressee."""

from __future__ import annotations

from typing import Any

import pytest

from . import test_quotes
from .test_quotes_nouncues import _candidates

nlp = test_quotes.nlp  # (the spaCy fixture)


@pytest.mark.slow
def test_the_clause_or_object_after_the_addressee_is_the_candidate(nlp: Any) -> None:
    """'asked Carson [about X]', 'informed the council [that Y]': the content after the addressee, held by the
    subject; the addressee alone ('asked|dobj') is no candidate the model scores."""
    from newsweave.stages.quote_learned import scorable

    c = _candidates(nlp, "The moderator asked Carson about his ties to a supplement maker.")
    assert c["asked|addr-prep:about|past"] == ("his ties to a supplement maker", "moderator")
    c = _candidates(nlp, "The mayor informed the council that the budget was short.")
    assert c["informed|addr-clause|past"] == ("that the budget was short", "mayor")
    doc = nlp("The moderator asked Carson about his ties.")
    assert scorable(doc[2], "asked|addr-prep:about|past") and not scorable(doc[2], "asked|dobj-short|past")


@pytest.mark.slow
def test_a_time_is_no_content_and_a_thing_told_is(nlp: Any) -> None:
    """'told a crowd on Monday': neither the audience nor the time is content; 'told a joke' offers
    the thing told (key 'thing', scored by the model), 'told a crowd' does not."""
    c = _candidates(nlp, "Kasich told a crowd in Ohio on Monday.")
    assert not any("addr" in k or "thing" in k for k in c)
    c = _candidates(nlp, "The governor told a long story about his first campaign.")
    assert c["told|thing|past"][0].startswith("a long story")
