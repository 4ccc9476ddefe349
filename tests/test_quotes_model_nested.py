"""benchmarks/quotes_model.py --nested (session 19, B2): which nested attributions a rule may keep, and the
product's assembly reproduced when a rule keeps none."""

from __future__ import annotations

from newsweave.records import Quote, Span

TEXT = "Ms. Palin said the senator told voters that taxes would rise, a claim he denied."


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part), part)


OUTER = Quote(
    _span("the senator told voters that taxes would rise"), _span("Ms. Palin"), cue=_span("said"), direct=False
)
INNER = Quote(_span("that taxes would rise"), _span("the senator"), cue=_span("told"), direct=False)
NO_HOLDER = Quote(_span("that taxes would rise"), None, cue=_span("told"), direct=False)


def test_an_attribution_with_its_cue_and_holder_inside_another_is_its_own() -> None:
    from benchmarks.quotes_model import own_nested

    assert own_nested(INNER, OUTER)
    assert not own_nested(OUTER, INNER)  # (the outer one is not inside the inner)
    assert not own_nested(NO_HOLDER, OUTER)  # (no holder: nothing says it is a second attribution)
    assert not own_nested(INNER, INNER)


def test_the_product_rule_drops_the_nested_one_and_keeping_rules_keep_it() -> None:
    from benchmarks.quotes_model import NEST_RULES, assemble, assemble_keeping

    product = NEST_RULES["product (drop every nested one)"]
    assert assemble_keeping([OUTER, INNER], [], product) == assemble([OUTER, INNER], []) == [OUTER]
    assert assemble_keeping([OUTER, INNER], [], NEST_RULES["  + speech cue"]) == [OUTER, INNER]
    # found by a learned candidate, not the hand rules: the hand-rule rules leave it out
    assert assemble_keeping([OUTER], [INNER], NEST_RULES["own, hand rules, reported"]) == [OUTER]
    # content 'that taxes would rise' is about half of the outer one's: kept under 0.5, not under 0.3
    assert assemble_keeping([OUTER, INNER], [], NEST_RULES["  + content < 0.5 of outer"]) == [OUTER, INNER]
    assert assemble_keeping([OUTER, INNER], [], NEST_RULES["  + content < 0.3 of outer"]) == [OUTER]
