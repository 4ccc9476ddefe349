"""Learned candidates of round 14 (issue 5): light-verb acts and holders of noun cues."""

from __future__ import annotations

from typing import Any

import pytest

from . import test_quotes

nlp = test_quotes.nlp  # (the spaCy fixture)


def _candidates(nlp: Any, text: str) -> dict[str, tuple[str, str | None]]:
    from newsweave.stages import quote_context as qc
    from newsweave.stages import quote_direct as qd
    from newsweave.stages.quote_learned import cue_candidates

    doc = nlp(text)
    ctx = qc.Ctx(doc)
    qd.direct_quotes(ctx)
    return {
        key: (doc[lo:hi].text, h.text if h is not None else None) for _v, key, (lo, hi), h in cue_candidates(ctx, [])
    }


@pytest.mark.slow
def test_light_verb_acts_are_candidates_held_by_the_subject(nlp: Any) -> None:
    """'made clear [that X]' and 'made it clear [X]' are candidates of the act 'made clear', held by
    the verb's subject, and the model scores them although 'made' alone is no statement."""
    from newsweave.stages.quote_learned import scorable

    c = _candidates(nlp, "The mayor made clear that she would not resign.")
    assert c["made|act:clear-clause|past"] == ("that she would not resign", "mayor")
    c = _candidates(nlp, "The mayor made it clear she would run again.")
    assert c["made|act:clear-clause|past"] == ("she would run again", "mayor")
    assert "made|ccomp|past" not in c
    doc = nlp("The mayor made clear that she would not resign.")
    assert scorable(doc[2], "made|act:clear-clause|past") and not scorable(doc[2], "made|ccomp|past")


@pytest.mark.slow
def test_a_noun_cue_is_held_by_the_subject_of_its_verb(nlp: Any) -> None:
    """'X took the position [that Y]' and 'X responded with a call [for Y]': the noun's holder is the
    subject of the verb above it (before, no one named)."""
    c = _candidates(nlp, "The governor took the position that the tax must be repealed.")
    assert c["position|noun-obj-clause"] == ("that the tax must be repealed", "governor")
    c = _candidates(nlp, "The union responded with a call for a new vote on the contract.")
    assert c["call|noun-pobj-prep:for"] == ("a new vote on the contract", "union")
