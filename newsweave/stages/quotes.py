"""Quote stage: direct and reported quotes with cue, speaker and channel.

Needs a parsed spaCy ``Doc`` (tagger, parser, ner). Quote marks are paired on the characters;
reported speech, beliefs, findings and stances ('X said ...', 'officials believe ...', 'polls show
...', 'according to X, ...', 'X criticized Y for ...', 'his claim that ...') come from the parse;
cue, speaker and channel from the parse and PERSON entities; more cues ('endorsed X', 'sought to
Y', 'voted for Z') come from ``quote_cues.json``, learned on PolNeAR train. A partial quote inside
reported speech is part of that one attribution; quotes of several sentences or paragraphs are one
quote; an attribution nested inside another's content ('said they believe X'), or mostly inside a
longer one, is left out. Spans are offsets into doc.text. The cross-article ledger lives in
``ledger.py`` (``build_ledger`` is re-exported here). Figures: benchmarks/RESULTS_quotes.md (PolNeAR).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from newsweave.records import Quote, Span

from .ledger import build_ledger
from .quote_context import CLAUSE_VERBS, LEARNED_CUES, SPEECH_VERBS, STANCE_WORDS, Ctx, is_cue
from .quote_direct import direct_quotes
from .quote_learned import learned_quotes
from .quote_reported import _close_mark, _trim_tokens, headline_colon, headline_verb, reported_speech

__all__ = ["CLAUSE_VERBS", "LEARNED_CUES", "SPEECH_VERBS", "STANCE_WORDS", "build_ledger", "extract_quotes"]


def _carried(reported: Quote, q: Quote) -> bool:
    """A partial quote inside a reported clause of the same cue ('Lavrov said the talks were
    "productive"') is part of that one attribution, not a quote of its own (as PolNeAR and the
    Gender Gap Tracker annotate mixed quotes); the reported quote keeps the marks and exact words."""
    c, r = q.content, reported.content
    inside = r.start <= c.start and c.end <= r.end + 2  # (+ the closing punctuation the marks enclose)
    same = q.cue is None or reported.cue is not None and reported.cue.start == q.cue.start
    return inside and same


_COMPLEMENTS = frozenset(("ccomp", "xcomp", "dobj", "advcl", "oprd"))
_MARKS = "\"“”‘’'«»„`"


def _mixed(ctx: Ctx, q: Quote) -> Quote:
    """A partial quote inside its cue's complement with words of the writer's own before or after it
    ('noted [the leading candidate "has surprisingly earned himself a few fans"]', 'called [the use of
    executive orders "quite dangerous."]', 'said ["the next president" should choose the nominee]'):
    the attribution is the whole complement with the marks, as PolNeAR and the Gender Gap Tracker
    annotate mixed quotes, indirect; the cue already belongs to the quote, so the reported-speech rules
    never offered that clause."""
    if q.parts or q.cue is None or q.cue.start < q.content.end and q.cue.end > q.content.start:
        return q
    doc, c0, c1 = ctx.doc, q.content.start, q.content.end
    v_i, _ = ctx.tokens(q.cue.start, q.cue.end)
    first, last = ctx.tokens(c0, c1)
    if first >= len(doc) or v_i >= len(doc) or ctx.sent_of[v_i] != ctx.sent_of[first]:
        return q
    v, tok = doc[v_i], doc[first]
    comp = next((c for c in v.children if c.dep_ in _COMPLEMENTS and c.left_edge.i <= tok.i <= c.right_edge.i), None)
    if comp is None:
        return q
    lo, hi = _trim_tokens(doc, comp.left_edge.i, comp.right_edge.i + 1)
    outside = [t for t in doc[lo:hi] if not c0 - 2 <= t.idx < c1 + 2]
    if lo >= hi or not any(t.is_alpha for t in outside) or any(t.is_quote for t in outside):
        return q
    if any(t.idx >= c1 and is_cue(t) and any(c.dep_ == "nsubj" and ctx.label(c) == "ORG" for c in t.children)
           for t in outside):  # fmt: skip
        return q  # 'said: "...," the Daily News reported': an outlet's cue after the quote, not mixed words
    if ctx.para_of(doc[lo].idx) != ctx.para_of(c0) or ctx.para_of(doc[hi - 1].idx) != ctx.para_of(c0):
        return q
    s = min(doc[lo].idx, c0)
    if s == c0:  # (the opening mark of a quote that starts the complement)
        while s > 0 and ctx.text[s - 1] in _MARKS:
            s -= 1
    e = _close_mark(ctx.text, s, max(doc[hi - 1].idx + len(doc[hi - 1]), c1))
    return Quote(Span(s, e, ctx.text[s:e]), q.speaker, q.speaker_name, q.cue, q.channel, False)


def _nested(q: Quote, outer: Quote) -> bool:
    """``q``'s cue and content lie inside ``outer``'s content ('they said [they believe X]'): PolNeAR,
    like most quote annotations, gives such an attribution no relation of its own (on train, two-fold
    CV, dropping them: all F1 @0.3 74.84 -> 76.58, indirect P 74.3 -> 81.4 at R 65.7 -> 64.0)."""
    c, o = q.content, outer.content
    cue = q.cue or c
    return q is not outer and o.start <= min(c.start, cue.start) and max(c.end, cue.end) <= o.end


def _covered(q: Quote, longer: Quote) -> bool:
    """Half of ``q``'s content or more lies inside a longer content: the same attribution found twice
    (two cues, or a quote inside a clause), kept once (train, two-fold CV, after the nested rule: all
    F1 @0.3 76.58 -> 76.72, direct 92.92 -> 93.34; a share of 0.3 / 0.8: 76.72 / 76.64)."""
    c, o = q.content, longer.content
    inter = min(c.end, o.end) - max(c.start, o.start)
    return q is not longer and o.end - o.start > c.end - c.start and 2 * inter >= c.end - c.start


def _balanced(text: str, q: Quote) -> Quote:
    """Reported content cut inside a parenthesis takes its closing bracket ("he believes Mr. LaRue died
    Saturday (July 24, 2004" -> "... 2004)"), or its opening one when it starts inside; a bracket
    opened at the very end is left out ("a mark of 162 - 139 (")."""
    c = q.content
    s, e = c.start, c.end
    body = text[s:e]
    if body.count("(") > body.count(")"):
        if body.rstrip().endswith("("):
            e = s + len(body.rstrip()[:-1].rstrip())
        elif text[e : e + 1] == ")":
            e += 1
    elif body.count(")") > body.count("(") and s > 0 and text[s - 1] == "(":
        s -= 1
    if (s, e) == (c.start, c.end) or e <= s:
        return q
    return replace(q, content=Span(s, e, text[s:e]))


def extract_quotes(doc: Doc, learned: bool = True, keep_nested: bool = False) -> tuple[Quote, ...]:
    """Direct quotes (any quote-mark style, split around the cue, multi-paragraph) and reported
    speech (direct=False), in text order, with cue, speaker, resolved speaker name and channel.
    ``learned=False`` leaves out the cues learned from PolNeAR train (quote_cues.json);
    ``keep_nested=True`` keeps the attributions nested in another's content or mostly covered by a
    longer one (as learning the cues sees them)."""
    if not doc.text.strip():
        return ()
    ctx = Ctx(doc)
    direct = direct_quotes(ctx)
    reported = reported_speech(ctx, direct)
    direct = [q for q in direct if not any(_carried(r, q) for r in reported)]
    direct = [_mixed(ctx, q) for q in direct]
    found = direct + reported + headline_colon(ctx, direct)
    found += headline_verb(ctx, found)
    if learned:
        found += learned_quotes(ctx, found)
    if not keep_nested:
        found = [q for q in found if not any(_nested(q, o) for o in found)]
        found = [q for q in found if not any(_covered(q, o) for o in found)]
    found = [q if q.direct else _balanced(doc.text, q) for q in found]
    return tuple(sorted(found, key=lambda q: (q.content.start, not q.direct)))
