"""Nested attributions on PolNeAR train (two-fold CV inside train, as ``quotes_polnear.py --cv``):
an attribution whose cue and content lie inside the content of another predicted attribution
('said they believe [X]') is scored with several drop rules, each applied to the same predictions.
Prints all / indirect / direct figures per rule; never reads held-out. Run:
``nice -n 10 .venv/bin/python benchmarks/quotes_nested.py`` (about a minute with the docs cached)."""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import load_jsonl  # noqa: E402
from benchmarks.quotes_polnear import DATA, THRESHOLDS, docs, gold_quotes, learn_cues, newsweave_preds, score  # noqa: E402
from newsweave.records import Quote  # noqa: E402
from newsweave.stages import quote_learned as qr  # noqa: E402
from newsweave.stages.quote_context import BELIEF_VERBS, INTENT_VERBS, REPORT_VERBS  # noqa: E402
from newsweave.stages.quotes import extract_quotes  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "them", "us"}


def _inside(q: Quote, p: Quote) -> bool:
    c, o = q.content, p.content
    cue = q.cue or q.content
    return p is not q and o.start <= min(c.start, cue.start) and max(c.end, cue.end) <= o.end


def _cue_inside(q: Quote, p: Quote) -> bool:
    cue = q.cue or q.content
    return p is not q and p.content.start <= cue.start and cue.end <= p.content.end


def _covered(q: Quote, p: Quote, share: float) -> bool:
    """At least ``share`` of q's content lies inside the (longer) content of p."""
    c, o = q.content, p.content
    inter = max(0, min(c.end, o.end) - max(c.start, o.start))
    return p is not q and o.end - o.start > c.end - c.start and inter >= share * (c.end - c.start)


HAND: dict[int, set[tuple[Any, ...]]] = {}


def _key(q: Quote) -> tuple[Any, ...]:
    return (q.content.start, q.content.end, q.cue.start if q.cue else None, q.direct)


def _hand_outer(d: Any, qs: list[Quote]) -> list[Quote]:
    """Nested drop only when the outer attribution comes from the hand rules (or is direct)."""
    hand = HAND[id(d)]
    return [q for q in qs if not any(_inside(q, p) and _key(p) in hand for p in qs)]


def _swap(d: Any, qs: list[Quote]) -> list[Quote]:
    """A hand-rule attribution nested in a learned one: the learned (outer) one goes instead."""
    hand = HAND[id(d)]
    gone = {id(p) for q in qs for p in qs if _inside(q, p) and _key(q) in hand and _key(p) not in hand}
    rest = [q for q in qs if id(q) not in gone]
    return [q for q in rest if not any(_inside(q, p) for p in rest)]


def _word(text: str, q: Quote) -> str:
    return text[q.cue.start : q.cue.end].lower() if q.cue else ""


def variants() -> dict[str, Callable[[str, Quote, Quote], bool]]:
    """Each: (doc text, inner q, outer p) -> drop q."""
    cog = BELIEF_VERBS | INTENT_VERBS

    def same_or_pro(text: str, q: Quote, p: Quote) -> bool:
        if q.speaker is None:
            return True
        s = text[q.speaker.start : q.speaker.end].lower()
        return s in PRONOUNS or (q.speaker_name is not None and q.speaker_name == p.speaker_name)

    return {
        "always": lambda t, q, p: True,
        "indirect inner": lambda t, q, p: not q.direct,
        "indirect inner+outer": lambda t, q, p: not q.direct and not p.direct,
        "cognition": lambda t, q, p: not q.direct and _word(t, q) in cog,
        "cognition, indirect outer": lambda t, q, p: not q.direct and not p.direct and _word(t, q) in cog,
        "same/pronoun": lambda t, q, p: not q.direct and same_or_pro(t, q, p),
        "cognition + same/pronoun": lambda t, q, p: not q.direct and _word(t, q) in cog and same_or_pro(t, q, p),
        "no speaker or pronoun": lambda t, q, p: (
            not q.direct and (q.speaker is None or t[q.speaker.start : q.speaker.end].lower() in PRONOUNS)
        ),
    }


def apply(text: str, qs: list[Quote], rule: Callable[[str, Quote, Quote], bool], test: Any = None) -> list[Quote]:
    test = test or _inside
    return [q for q in qs if not any(test(q, p) and rule(text, q, p) for p in qs)]


def _outer_only(text: str, qs: list[Quote]) -> list[Quote]:
    """Drop q only when its outer p is itself not nested (a chain keeps its middle)."""
    top = [p for p in qs if not any(_inside(p, r) for r in qs)]
    return [q for q in qs if not any(_inside(q, p) for p in top)]


def main() -> int:
    arts = load_jsonl(DATA)
    t0 = time.time()
    ds = docs(arts)
    print(f"docs ready in {time.time() - t0:.1f}s", file=sys.stderr)
    train = [i for i, a in enumerate(arts) if a["compartment"] == "train"]
    random.Random(5).shuffle(train)
    folds = [sorted(train[: len(train) // 2]), sorted(train[len(train) // 2 :])]
    golds: list[Any] = []
    raw: list[tuple[Any, list[Quote]]] = []
    for k in (0, 1):
        fit, test = folds[k], folds[1 - k]
        learned = learn_cues([arts[i] for i in fit], [ds[i] for i in fit], 3, 0.5, 1, 8.0, 3, 0.5, 0.3)
        qr.LEARNED_CUES, qr.LEARNED_MODEL = frozenset(learned["cues"]), learned.get("model")
        golds += [gold_quotes(arts[i]) for i in test]
        raw += [(ds[i], list(extract_quotes(ds[i], keep_nested=True))) for i in test]
        for i in test:
            HAND[id(ds[i])] = {_key(q) for q in extract_quotes(ds[i], learned=False, keep_nested=True)}
    conv = newsweave_preds(lambda qs: qs)
    v = variants()
    rules: dict[str, Any] = {"none": lambda t, qs: qs}
    rules |= {k: (lambda t, qs, r=r: apply(t, qs, r)) for k, r in v.items()}
    rel = ("which", "who", "whom", "whose", "that", "where")
    rules["always but relative"] = lambda t, qs: apply(
        t, qs, lambda t, q, p: t[q.content.start : q.content.end].split(" ", 1)[0].lower() not in rel
    )
    rules["always but report verb"] = lambda t, qs: apply(t, qs, lambda t, q, p: _word(t, q) not in REPORT_VERBS)
    rules["cue inside, always"] = lambda t, qs: apply(t, qs, v["always"], _cue_inside)
    rules["cue inside, indirect inner"] = lambda t, qs: apply(t, qs, v["indirect inner"], _cue_inside)
    rules["top-level outer only"] = _outer_only
    for share in (0.3, 0.5, 0.8):
        rules[f"always + {share} of content inside a longer"] = lambda t, qs, share=share: apply(
            t, apply(t, qs, v["always"]), v["always"], lambda q, p: _covered(q, p, share)
        )
    rules["outer from the hand rules"] = "hand"
    rules["hand inner in learned outer: drop outer"] = "swap"
    only = sys.argv[1:]
    for name, rule in rules.items():
        if only and name != "none" and not any(o in name for o in only):
            continue
        if rule == "hand":
            preds = [conv(_hand_outer(d, qs)) for d, qs in raw]
        elif rule == "swap":
            preds = [conv(_swap(d, qs)) for d, qs in raw]
        else:
            preds = [conv(rule(d.text, qs)) for d, qs in raw]
        res = {thr: score(golds, preds, thr) for thr in THRESHOLDS}
        a, b = res[0.3], res[0.8]
        dropped = sum(len(qs) for _d, qs in raw) - sum(len(p) for p in preds)
        print(
            f"{name:28s} dropped {dropped:5d}  all F1 @0.3/@0.8/spk {100 * a['all']['f1']:.2f} / "
            f"{100 * b['all']['f1']:.2f} / {100 * a['all']['spk']:.2f}; indirect P/R {100 * a['indirect']['p']:.1f} / "
            f"{100 * a['indirect']['r']:.1f}; direct F1 {100 * a['direct']['f1']:.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
