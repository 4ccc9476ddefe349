"""The learned model's second pass (round 18, issue 5): each candidate is decided again with what the first
pass decided around it (``quote_learned.neighbour_features``), and kept on the mean of both probabilities."""

from __future__ import annotations

import math
from typing import Any

import pytest

from . import test_quotes

nlp = test_quotes.nlp  # (the spaCy fixture)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _where(nlp: Any, text: str) -> dict[str, Any]:
    from newsweave.stages import quote_context as qc
    from newsweave.stages import quote_direct as qd
    from newsweave.stages.quote_learned import cue_candidates, where

    doc = nlp(text)
    ctx = qc.Ctx(doc)
    qd.direct_quotes(ctx)
    return {key: where(ctx, v, lo, hi) for v, key, (lo, hi), _h in cue_candidates(ctx, [])}


@pytest.mark.slow
def test_an_inner_cue_reads_the_outer_candidates_decision(nlp: Any) -> None:
    """'Clinton backed [a plan to raise the minimum wage]': the noun cue 'plan' lies inside the content of
    'backed', so it reads the first pass's probability of 'backed' as 'inside' (and 'backed' reads the
    noun's as 'holds'); both read each other in the sentence ('smax') and as overlapping contents ('omax')."""
    from newsweave.stages.quote_learned import neighbour_features

    at = _where(nlp, "Clinton backed a plan to raise the minimum wage.")
    keys = ["backed|dobj|past", "plan|noun-obj-clause", "raise|dobj|base"]
    assert all(k in at for k in keys)
    kinds = ("self", "smax", "omax", "inside", "holds", "dw")
    backed, plan, raise_ = neighbour_features([at[k] for k in keys], [0.9, 0.15, 0.05], kinds)
    assert backed == ["n2:smax=1", "n2:omax=1", "n2:inside=none", "n2:holds=1", "n2:dw=none", "n2:self=18"]
    assert plan == ["n2:smax=4", "n2:omax=4", "n2:inside=4", "n2:holds=0", "n2:dw=none", "n2:self=3"]
    assert "n2:inside=4" in raise_ and "n2:holds=none" in raise_


@pytest.mark.slow
def test_a_candidate_is_kept_on_the_mean_of_both_passes(nlp: Any) -> None:
    """With a second pass, a candidate the first pass puts under its cut is kept when the second is sure
    enough (mean 0.35 >= 0.32), and one just over the cut is dropped when the second is not (mean 0.275)."""
    from newsweave.stages.quote_learned import model_decisions

    at = _where(nlp, "Trump criticized the decision to cancel the rally in Chicago.")
    pair = [at["criticized|dobj|past"], at["decision|noun-obj-clause"]]
    first = {"bias": 0.0, "cut": _logit(0.3), "weights": {"a": _logit(0.25), "b": _logit(0.35)}}
    assert model_decisions(first, [["a"], ["b"]], pair) == [False, True]
    second = {"bias": 0.0, "weights": {"a": _logit(0.45), "b": _logit(0.2)}, "kinds": ["inside"], "mean_p": 0.32}
    assert model_decisions(first | {"second": second}, [["a"], ["b"]], pair) == [True, False]


def test_the_shipped_model_has_its_second_pass() -> None:
    """quote_cues.json, relearned by ``benchmarks/quotes_polnear.py --learn-cues``, carries the second pass."""
    from newsweave.stages.quote_context import LEARNED_MODEL

    assert LEARNED_MODEL is not None
    second = LEARNED_MODEL["second"]
    assert set(second["kinds"]) == {"self", "smax", "omax", "inside", "holds", "dw"}
    assert 0.2 < second["mean_p"] < 0.5 and len(second["weights"]) > 1000
    assert any(w.startswith("n2:inside=") for w in second["weights"])


@pytest.mark.slow
def test_the_neighbour_maxima_are_the_unbinned_probabilities(nlp: Any) -> None:
    """``neighbour_maxima`` gives the highest first-pass probability of each kind of neighbour (-1 when there
    is none), which ``neighbour_features`` bins and ``benchmarks/quotes_model.py --gbt2`` reads raw."""
    from newsweave.stages.quote_learned import NEIGHBOURS, neighbour_maxima

    at = _where(nlp, "Clinton backed a plan to raise the minimum wage.")
    keys = ["backed|dobj|past", "plan|noun-obj-clause", "raise|dobj|base"]
    backed, plan, raise_ = neighbour_maxima([at[k] for k in keys], [0.9, 0.15, 0.05])
    assert tuple(backed) == NEIGHBOURS
    assert backed == {"smax": 0.15, "omax": 0.15, "inside": -1.0, "holds": 0.15, "dw": -1.0}
    assert plan == {"smax": 0.9, "omax": 0.9, "inside": 0.9, "holds": 0.05, "dw": -1.0}
    assert raise_["inside"] == 0.9 and raise_["holds"] == -1.0
