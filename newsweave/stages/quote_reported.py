"""Reported speech: that-clauses and other complements of speech, belief, evidence and intent
verbs ('Lavrov said the two nations agreed ...'), 'according to X', passives, stances ('criticized X
for Y', 'called for X', 'his claim that X', 'critical of X'), headline colons ('Lynch: ...') and the
cue constructions learned on PolNeAR train (``quote_cues.json``, ``cue_candidates``)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from newsweave.records import Quote, Span

from .quote_context import (
    ADDRESSEE_VERBS,
    ADJ_CUES,
    BELIEF_VERBS,
    CALL_FORMS,
    CLAUSE_VERBS,
    EVIDENCE_VERBS,
    INTENT_VERBS,
    LEARNED_CUES,
    LEARNED_MODEL,
    LIGHT_VERBS,
    NOUN_CUES,
    OBJECT_VERBS,
    OTHER_SPEAKERS,
    PREP_CUES,
    PRO_OBJECTS,
    REPORT_VERBS,
    ROLE_NOUNS,
    SAY_FORMS,
    SPEECH_VERBS,
    Ctx,
    according,
    clean_name,
    find_channel,
    is_cue,
    mention_bounds,
    resolve_speaker,
)
from .quote_direct import WORD, trim

_HEAD_COLON = re.compile(r"((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*):[ \t]+(?=\S)")


def _complement(ctx: Ctx, v: Token) -> list[tuple[int, int]] | None:
    """Token ranges of what a verb reports, inside the verb's paragraph: its clausal complement
    ('said [that] X', 'X, he said'), the clause it interrupts ('X, he added, Y': two ranges), a
    long object of 'say' (often a misparsed clause) or of a finding ('polls show X'), or an
    infinitive ('urged X to Y')."""
    p_lo, p_hi = ctx.paras[ctx.para_of(v.idx)]
    doc = v.doc

    # a clause after its verb ends with the paragraph: the parser runs sentences on over a break
    # ("pointed out that [X were ignored]:" + the next paragraph)
    para_end = ctx.tokens(p_hi, p_hi + 1)[0]
    # and a clause before its verb starts with the paragraph ('task."' + break + '[The approach is
    # made possible by its resources], said Harbath': one sentence to the parser)
    para_start = ctx.tokens(p_lo, p_lo + 1)[0]

    def inside(lo: int, hi: int) -> bool:
        lo, hi = _trim_tokens(doc, lo, min(hi, para_end) if lo > v.i else hi)
        return lo < hi and p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi

    def cut(lo: int, hi: int) -> int:
        return min(hi, para_end) if lo > v.i else hi

    low = v.lower_
    for c in v.children:
        if c.dep_ == "ccomp" and v.dep_ == "relcl" and c.i > v.i and not ctx.quoted[c.left_edge.i]:
            # 'a law [which critics said was discriminatory]': the relative pronoun heads the content
            rel = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.i < v.i and g.lower_ in _RELATIVES]
            if rel and inside(rel[0].i, c.right_edge.i + 1):
                return [(rel[0].i, cut(rel[0].i, c.right_edge.i + 1))]
        if c.dep_ != "ccomp" or c.left_edge.i <= v.i <= c.right_edge.i:
            continue
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        if c.i < v.i and c.i >= para_start:
            lo = max(lo, para_start)
        if ctx.quoted[lo]:
            continue
        if c.i < v.i:  # a complement before its verb must end with a comma: "X is bad, he said"
            if "," not in {t.text for t in doc[hi - 1 : v.i]}:  # (the comma may close the clause)
                continue
        elif low not in ADDRESSEE_VERBS:  # "said [his plan]dobj [is bad]ccomp": a misparse
            objs = [o for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
            lo = objs[0].left_edge.i if objs else lo
            # and a second clause hung on the verb right after ('said that [samples taken from
            # victims] [confirmed sarin was used]': one clause the parser split)
            hi = _siblings(v, _conj_clause(v, hi), ("ccomp",), ())
        if inside(lo, hi):
            return [(lo, cut(lo, hi))]
    h = v.head
    if v.dep_ == "parataxis" and h is not v and h.pos_ in ("VERB", "AUX") and not ctx.quoted[h.i]:
        lo, hi, a, b = h.left_edge.i, h.right_edge.i + 1, v.left_edge.i, v.right_edge.i + 1
        parts = [(x, y) for x, y in ((lo, a), (b, hi)) if y - x > 1]
        if parts and inside(parts[0][0], parts[-1][1]):
            return parts
    if low in SAY_FORMS or low in EVIDENCE_VERBS and low not in ("find", "finding", "told"):  # "polls show [a lead]"
        # (not "to find a way", "finding jobs": to come upon; nor "told [a crowd in Ohio]": the addressee)
        objs = [o for o in v.children if o.dep_ == "dobj" and o.i > v.i and o.lower_ not in PRO_OBJECTS]
        if objs and objs[0].right_edge.i - objs[0].left_edge.i >= 3:
            lo, hi = objs[0].left_edge.i, objs[-1].right_edge.i + 1
            if inside(lo, hi):
                return [(lo, cut(lo, hi))]
    for c in v.children:  # "vowed to ...", "urged X to ...", "claimed to have ..."
        if c.dep_ == "xcomp" and c.i > v.i and not ctx.quoted[c.i]:
            objs = [o for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
            lo = (objs[0] if objs else c).left_edge.i
            if inside(lo, c.right_edge.i + 1):
                return [(lo, cut(lo, c.right_edge.i + 1))]
    j = v.i + 1 + (v.i + 1 < len(doc) and doc[v.i + 1].lower_ == "not")
    if j + 1 < len(doc) and doc[j].lower_ in _ANSWERS and doc[j].head.i == v.i and not ctx.quoted[j]:
        if doc[j + 1].is_punct or doc[j + 1].lower_ in ("and", "but"):
            return [(j, j + 1)]  # '46 percent said [yes]', 'I think [so]'
    return _postposed(ctx, v) if low in REPORT_VERBS else None


_ANSWERS = frozenset(("yes", "no", "so"))


def _postposed(ctx: Ctx, v: Token) -> list[tuple[int, int]] | None:
    """'[The only problem], Ms. Bigbee said, [is ...]' and '[X ...], she said.' when the parser hangs
    the cue on the clause's verb (advcl, conj ...) instead of the clause on the cue: the sentence
    before the comma that opens the cue's subject, and what follows the cue's next comma."""
    doc = v.doc
    subj = next((c for c in v.lefts if c.dep_ == "nsubj"), None)
    if subj is None or v.dep_ == "ROOT":
        return None
    comma = subj.left_edge.i - 1
    between = doc[subj.right_edge.i + 1 : v.i]
    if comma < 1 or doc[comma].text != "," or any(t.dep_ not in ("advmod", "aux", "neg") for t in between):
        return None
    lo, hi = _para_sent(ctx, v)
    if not lo <= v.head.i < comma or comma - lo < 3 or any(ctx.quoted[lo:comma]):
        return None
    j = v.i + 1
    while j < hi and doc[j].text not in ",.:;" and j - v.i < 8:
        j += 1
    if j < hi and doc[j].text in ",:;" and hi - j > 3 and not ctx.quoted[j + 1]:
        return [(lo, comma), (j + 1, hi)]
    return [(lo, comma)] if j >= hi - 1 else None


_RELATIVES = frozenset("which that who what whom".split())
_REASON_MARKS = frozenset("if unless because since although though while whereas so until".split())
_CONJ_WORDS = frozenset(", and but or yet so while whereas".split())


def _conj_clause(v: Token, hi: int) -> int:
    """Extend a complement ending at token ``hi`` over a clause the parser hung on the cue verb
    ('said [that X, but Y]'): a conjunct with a subject of its own that is no cue itself."""
    doc, i = v.doc, hi
    while i < len(doc) and doc[i].head.i == v.i and doc[i].dep_ in ("cc", "punct") and doc[i].lower_ in _CONJ_WORDS:
        i += 1
    for c in v.rights:
        if c.dep_ == "conj" and c.left_edge.i == i and i > hi and not is_cue(c):
            if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.lefts):
                return c.right_edge.i + 1
        if c.dep_ == "advcl" and c.left_edge.i in (hi, hi + 1) and c.left_edge.lower_ in _REASON_MARKS:
            return c.right_edge.i + 1  # 'said [X if Y]', 'said [X because Y]'
    return hi


_CLOSING = re.compile(r"[.,?!]?(?:[\"”]|'')")


def _close_mark(text: str, s: int, e: int) -> int:
    """The end of a content span that opens a quote it does not close ('called them "illegals'):
    past the closing mark (and the punctuation it encloses) that follows at once."""
    seg = text[s:e]
    open_ = seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1 or seg.count("''") % 2 == 1
    m = _CLOSING.match(text, e) if open_ else None
    return m.end() if m else e


def _trim_tokens(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (doc[lo].is_space or doc[lo].is_punct and not doc[lo].is_quote):
        lo += 1  # (quote marks stay, so a partial quote inside keeps both marks)
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].text in ",.;:-—–"):
        hi -= 1
    return lo, hi


def _speaker_ok(ctx: Ctx, v: Token, subj: Token) -> bool:
    """Any subject but an expletive: news attributes to people, institutions and things alike
    ('the rival says', 'it said', 'polls show'); PolNeAR train agrees (F1 +0.7 over persons and
    institutions only)."""
    return subj.lower_ != "there"


def _siblings(v: Token, hi: int, deps: tuple[str, ...], preps: tuple[str, ...]) -> int:
    """Extend a content range ending at token ``hi`` over the next children of ``v`` that follow
    it at once: 'criticized [Clinton] [for accepting ...]'."""
    for c in v.rights:
        if c.left_edge.i == hi and (c.dep_ in deps or c.dep_ == "prep" and c.lower_ in preps):
            hi = c.right_edge.i + 1
    return hi


def _stance(ctx: Ctx, v: Token) -> tuple[list[tuple[int, int]], Token | None, int] | None:
    """(content ranges, speaker, cue end) of a stance cue (OBJECT_VERBS, PREP_CUES, NOUN_CUES,
    ADJ_CUES), or None."""
    low, tag = v.lower_, v.tag_
    # a reported act ('criticized', 'is criticizing', ', citing X'), not a plan or a mention ('to support')
    kids = [c.dep_ for c in v.children]
    act = tag in ("VBD", "VBN") and v.dep_ not in ("amod", "acl") and "auxpass" not in kids
    act = act or tag == "VBG" and (v.dep_ == "advcl" or "aux" in kids and "auxpass" not in kids)
    if act and low in OBJECT_VERBS:
        objs = [c for c in v.rights if c.dep_ == "dobj" and not ctx.quoted[c.i]]
        if not objs:
            return None
        lo, hi = objs[0].left_edge.i, objs[0].right_edge.i + 1
        hi = _siblings(v, hi, ("oprd", "xcomp", "ccomp", "advcl"), _DOBJ_PREPS)
        return [(lo, hi)], ctx.subject(v, fallback=False), v.i + 1
    # a naming act: 'called [Clinton's use of email "extremely careless"]'
    if low in CALL_FORMS and "auxpass" not in kids:
        objs = [c for c in v.rights if c.dep_ == "dobj" and not ctx.quoted[c.i]]
        named = [c for c in v.rights if c.dep_ in ("oprd", "ccomp", "xcomp") and objs and c.i > objs[0].i]
        if act and named:
            lo, hi = objs[0].left_edge.i, named[0].right_edge.i + 1
            return [(lo, _siblings(v, hi, ("advcl",), ("for",)))], ctx.subject(v, fallback=False), v.i + 1
        if objs and (end := _quoted_label(ctx, objs[0].right_edge.i + 1)):
            # the label in quote marks right after the object, however parsed ('calls [him "a total stiff"]')
            return [(objs[0].left_edge.i, end)], ctx.subject(v, fallback=False), v.i + 1
    if act and low in PREP_CUES:
        for p in v.rights:
            if p.dep_ == "prep" and p.lower_ in PREP_CUES[low] and p.right_edge.i > p.i and not ctx.quoted[p.i + 1]:
                hi = _siblings(v, p.right_edge.i + 1, ("xcomp", "advcl", "ccomp"), _DOBJ_PREPS)
                end = p.i + 1 if p.i - v.i <= 2 else v.i + 1
                return [(p.i + 1, hi)], ctx.subject(v, fallback=False), end
            if (m := _for_to(v, p)) is not None and m.lower_ in PREP_CUES[low] and not ctx.quoted[m.i + 1]:
                return [(m.i + 1, p.right_edge.i + 1)], ctx.subject(v, fallback=False), m.i + 1
        return None
    if tag.startswith("NN") and low in NOUN_CUES:
        clause = next((c for c in v.rights if c.dep_ in ("acl", "ccomp") and _finite_or_to(c)), None)
        if clause is not None:
            return [(clause.left_edge.i, clause.right_edge.i + 1)], _holder(ctx, v), v.i + 1
    if tag == "JJ" and low in ADJ_CUES and v.dep_ == "acomp":
        for c in v.rights:
            if c.dep_ in ("ccomp", "xcomp") and _finite_or_to(c) or c.dep_ == "prep" and c.lower_ in ("of", "about"):
                lo = c.left_edge.i + (c.dep_ == "prep")
                return [(lo, c.right_edge.i + 1)], ctx.subject(v.head, fallback=False), v.i + 1
    return None


def _quoted_label(ctx: Ctx, i: int) -> int | None:
    """The end (token index) of the quoted words that open at token ``i`` ('"offensive and outlandish"',
    '"illegals" and "thugs"'), or None when no quote opens there."""
    doc, k = ctx.doc, i
    while k < len(doc) and doc[k].is_quote:
        k += 1
    if k == i or k >= len(doc) or not ctx.quoted[k]:
        return None
    e = k
    while e < len(doc) and (
        ctx.quoted[e] or doc[e].is_quote or doc[e].lower_ in ("and", "or", ",") and _opens(ctx, e + 1)
    ):
        e += 1
    return e


def _opens(ctx: Ctx, i: int) -> bool:
    return i < len(ctx.doc) and (ctx.doc[i].is_quote or ctx.quoted[i])


def _for_to(v: Token, c: Token) -> Token | None:
    """'called for [Trump to drop out]': the parser makes 'for' the mark of an infinitive clause hung
    on the verb right after it; returns the 'for' (as a preposition of the verb), else None."""
    if c.dep_ != "advcl" or c.left_edge.i != v.i + 1 or c.left_edge.lower_ != "for":
        return None
    return c.left_edge if any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) else None


def _finite_or_to(c: Token) -> bool:
    """A that/whether-clause or a to-infinitive: 'the claim [that X]', 'a plan [to Y]'."""
    return any(g.dep_ in ("mark", "aux") and g.lower_ in ("that", "whether", "if", "to") for g in c.lefts)


def _holder(ctx: Ctx, noun: Token) -> Token | None:
    """Whose claim: 'Trump's claim', 'a claim by Trump', 'Trump made the claim'."""
    for c in noun.lefts:
        if c.dep_ == "poss":
            return c
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    h = noun.head
    if noun.dep_ == "dobj" and h.lower_ in LIGHT_VERBS:
        return ctx.subject(h, fallback=False)
    return None


def _passive(v: Token, ranges: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], Token | None]:
    """'Trump is expected to win' -> all of it, held by no one named; 'it was reported by CNN that
    X' -> X, held by CNN."""
    agent = next((g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    sp = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if sp is not None and sp.lower_ != "it" and sp.i < v.i < ranges[0][0]:
        ranges = [(sp.left_edge.i, ranges[-1][1])]
    return ranges, agent


def reported_speech(ctx: Ctx, direct: list[Quote]) -> list[Quote]:
    """'Lavrov said the two nations agreed ...' -> the complement clause, direct=False; also
    beliefs and findings ('officials believe ...', 'polls show ...'), 'According to X, ...'
    when the sentence has no other cue, passives ('X is expected to ...') and stances
    ('criticized X for Y', 'called for X', 'his claim that X', 'critical of X')."""
    doc, text = ctx.doc, ctx.text
    out: list[Quote] = []
    for v in doc:
        if ctx.quoted[v.i]:
            continue
        verb = v.tag_.startswith("VB")
        obj = according(v) if verb else _in_view(ctx, v) if v.lower_ == "in" else None
        unnamed = False  # an attribution without a holder: 'X is expected to win'
        if verb and v.lower_ in CLAUSE_VERBS and (ranges := _complement(ctx, v)):
            subj, cue_end = ctx.subject(v, fallback=False), v.i + 1
            if subj is None and ranges[-1][1] <= v.i:  # "X, said [a former spokesman]dobj": a misparse
                subj = next((c for c in v.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if subj is None and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                subj = v.head  # "a statement saying ...", "911 calls saying ..."
            if any(c.dep_ == "auxpass" for c in v.children):  # the passive subject says nothing
                ranges, subj = _passive(v, ranges)
                unnamed = subj is None
        elif obj is not None and v.head is not v:
            sent = _para_sent(ctx, v)
            if is_cue(v.head):
                continue  # "X said, according to Tass": a channel, not a cue
            a, b = v.left_edge.i, v.right_edge.i + 1  # the sentence around "according to X"
            ranges, subj, cue_end = [(sent[0], a), (b, sent[1])], obj, v.i + 1 + verb
        elif (stance := _stance(ctx, v)) is not None:
            ranges, subj, cue_end = stance
        else:
            continue
        ranges = [r for r in (_trim_tokens(doc, lo, hi) for lo, hi in ranges) if r[1] > r[0]]
        if not ranges or sum(hi - lo for lo, hi in ranges) < 3 and doc[ranges[0][0]].lower_ not in _ANSWERS:
            continue
        if subj is None and not unnamed or subj is not None and not _speaker_ok(ctx, v, subj):
            continue
        spans = [Span(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), "") for lo, hi in ranges]
        spans[-1] = Span(spans[-1].start, _close_mark(text, spans[-1].start, spans[-1].end), "")
        s, e = spans[0].start, spans[-1].end
        inside = sum(max(0, min(e, q.content.end) - max(s, q.content.start)) for q in direct)
        if inside > 0.8 * (e - s):
            continue  # mostly a direct quote already
        parts = tuple(Span(p.start, p.end, text[p.start : p.end]) for p in spans) if len(spans) > 1 else ()
        speaker, name = resolve_speaker(ctx, subj)
        channel = find_channel(ctx, v, subj) if obj is None else None
        if obj is not None and ctx.label(obj) in ("ORG", "GPE", "NORP"):
            name = name or clean_name(doc[slice(*mention_bounds(ctx, obj))].text)
        cue = doc[v.i : cue_end]
        cue_span = Span(cue.start_char, cue.end_char, cue.text)
        out.append(Quote(Span(s, e, text[s:e]), speaker, name, cue_span, channel, direct=False, parts=parts))
    return out


def _para_sent(ctx: Ctx, v: Token) -> tuple[int, int]:
    """Token bounds of the sentence of ``v`` inside its paragraph (the parser runs sentences on
    over paragraph breaks)."""
    lo, hi = ctx.sents[ctx.sent_of[v.i]]
    p_lo, p_hi = ctx.paras[ctx.para_of(v.idx)]
    return max(lo, ctx.tokens(p_lo, p_lo + 1)[0]), min(hi, ctx.tokens(p_hi, p_hi + 1)[0])


_VIEW_NOUNS = frozenset("poll polls survey surveys view opinion estimation judgment assessment words mind eyes".split())


def _in_view(ctx: Ctx, v: Token) -> Token | None:
    """The holder in a sentence-opening 'In X's view, Y' or 'In the CBS poll, Y' (a channel like
    'according to X'): the possessor, else the poll; None for any other 'in'."""
    pobj = next((c for c in v.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lower_ not in _VIEW_NOUNS or v.dep_ != "prep":
        return None
    lo = _para_sent(ctx, v)[0]
    if any(not (t.is_punct or t.is_space or t.dep_ == "cc") for t in ctx.doc[lo : v.i]):
        return None  # (only at the start of the sentence)
    after = v.right_edge.i + 1
    if after >= len(ctx.doc) or ctx.doc[after].text != ",":
        return None
    return next((c for c in pobj.lefts if c.dep_ == "poss"), pobj)


# third-person verb forms that open what a title attributes: 'Carly Fiorina Endorses [Ted Cruz]'
_TITLE_VERBS = frozenset(
    w
    for w in SPEECH_VERBS | OBJECT_VERBS | BELIEF_VERBS | INTENT_VERBS | frozenset(PREP_CUES)
    if w.endswith("s") and not w.endswith("ss")
)


def headline_verb(ctx: Ctx, found: list[Quote]) -> list[Quote]:
    """A title in title case 'Conservative Icon Morton Blackwell Endorses [Ted Cruz]': the tagger
    reads its verb as a name, so the rest of the title after a capitalised speech or stance verb is
    attributed to the words before it (on PolNeAR train 24 of the 33 such titles no other rule
    found were attributions)."""
    doc, text = ctx.doc, ctx.text
    lo, hi = ctx.paras[0]
    if hi - lo > 200:
        return []
    a, b = ctx.tokens(lo, hi)
    for t in doc[a + 1 : b]:
        if ctx.quoted[t.i] or t.lower_ not in _TITLE_VERBS or not t.text[:1].isupper():
            continue
        s, e = trim(text, t.idx + len(t), hi)
        e = e - (text[e - 1 : e] == ".")
        chars = e - s
        if chars < 5 or any(min(e, q.content.end) - max(s, q.content.start) > 0.3 * chars for q in found):
            return []
        speaker, name = resolve_speaker(ctx, doc[t.i - 1])  # (the name ends right before the verb)
        cue = Span(t.idx, t.idx + len(t), t.text)
        return [Quote(Span(s, e, text[s:e]), speaker, name, cue, direct=False)]
    return []


def headline_colon(ctx: Ctx, direct: list[Quote]) -> list[Quote]:
    """Headline style 'Lynch: No outside influence on FBI probe': a short line that opens with a
    name and a colon attributes the rest of the line to that name."""
    doc, text, out = ctx.doc, ctx.text, []
    for k, (lo, hi) in enumerate(ctx.paras):
        m = _HEAD_COLON.match(text, lo, hi)
        if not m or hi - lo > 300:
            continue
        s, e = trim(text, m.end(), hi)
        inside = sum(max(0, min(e, q.content.end) - max(s, q.content.start)) for q in direct)
        if k > 0 and any(lo <= q.content.start < hi for q in direct) or inside > 0.8 * (e - s):
            continue
        a, b = ctx.tokens(lo, m.end(1))
        toks = doc[a:b]
        if not toks:
            continue
        # the title ('Poll: ...', 'Wash Post Fact-Check: ...'): the tagger reads title case poorly,
        # so any capitalised words but a determiner ('The Latest: ...') name the source
        title = k == 0 and toks[0].pos_ != "DET" and toks[0].lower_ not in ("the", "a", "an")
        if not title and not all(t.pos_ == "PROPN" for t in toks):
            continue
        if not title and not any(ctx.label(t) in ("PERSON", "ORG", "NORP") for t in toks):
            continue
        if len(WORD.findall(text[s:e])) < 3:
            continue
        speaker, name = resolve_speaker(ctx, toks.root)
        colon = Span(m.end(1), m.end(1) + 1, ":")
        out.append(Quote(Span(s, e, text[s:e]), speaker, name, colon, direct=False))
    return out


def _tense(v: Token) -> str:
    return {"VBD": "past", "VBN": "past", "VBZ": "pres", "VBP": "pres", "VBG": "ger"}.get(v.tag_, "base")


def cue_candidates(
    ctx: Ctx, found: list[Quote], keys: frozenset[str] | None = None
) -> list[tuple[Token, str, tuple[int, int], Token | None]]:
    """Verbs the hand rules leave alone, each with what it may attribute and a key
    'form|construction|tense' ('supported|dobj|past', 'voted|prep:for|past'; word forms, since the
    product runs no lemmatizer): the first of its clausal complement, to-infinitive, object (+ the
    reason or label after it) and prepositional object, inside the verb's paragraph and not mostly
    inside a quote already found, with the verb's subject as the speaker. quote_cues.json lists the
    keys that were attributions on PolNeAR train (``benchmarks/quotes_polnear.py --learn-cues``);
    with ``keys``, only candidates with one of them. Also passives ('seen|passive|past': the clause
    from its subject, no speaker) and nouns and adjectives with a holder (``_nominal_candidate``)."""
    doc = ctx.doc
    out: list[tuple[Token, str, tuple[int, int], Token | None]] = []
    taken = {i for q in found if q.cue is not None for i in range(*ctx.tokens(q.cue.start, q.cue.end))}
    spans = [(q.content.start, q.content.end) for q in found]
    for v in doc:
        if ctx.quoted[v.i] or v.i in taken:
            continue
        if v.tag_ in ("NN", "NNS") or v.tag_ == "JJ" and v.dep_ == "acomp":
            if (nominal := _nominal_candidate(ctx, v)) is not None and (keys is None or nominal[0] in keys):
                key, lo, hi, subj = nominal
                lo, hi = _trim_tokens(doc, lo, hi)
                p_lo, p_hi = ctx.paras[ctx.para_of(v.idx)]
                if lo < hi and p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi:
                    s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                    if not any(min(e, b) - max(s, a) > 0.5 * (e - s) for a, b in spans):
                        out.append((v, key, (lo, hi), subj))
            continue
        if not v.tag_.startswith("VB") or v.dep_ in ("amod", "aux", "auxpass"):
            continue
        p_lo, p_hi = ctx.paras[ctx.para_of(v.idx)]
        if any(c.dep_ == "auxpass" for c in v.children):
            # a passive attributes its whole clause to no one named ('[Sanders was written off as a
            # fringe candidate]', '[Mrs. Clinton is seen as far more capable]')
            sp = next((c for c in v.lefts if c.dep_ == "nsubjpass"), None)
            key = f"{v.lower_}|passive|{_tense(v)}"
            if sp is None or sp.lower_ in ("it", "there") or keys is not None and key not in keys:
                continue
            lo, hi = _trim_tokens(doc, sp.left_edge.i, v.right_edge.i + 1)
            if lo < hi and p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi and not any(ctx.quoted[lo:hi]):
                s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                if not any(min(e, b) - max(s, a) > 0.5 * (e - s) for a, b in spans):
                    out.append((v, key, (lo, hi), None))
            continue
        kids = {c.dep_ for c in v.children}
        seeming = kids & {"acomp", "oprd", "xcomp"} or v.lower_ in _SEEM and kids & {"prep", "advcl"}
        if seeming and not kids & {"dobj", "ccomp"}:
            # a verb of seeming attributes its whole clause to no one named ('[Hizbollah seems
            # unlikely to want war]', '[Ms. Kelly seemed certain to leave]', '[X seemed beside the point]')
            sp = next((c for c in v.lefts if c.dep_ == "nsubj"), None)
            key = f"{v.lower_}|whole|{_tense(v)}"
            if sp is not None and sp.lower_ not in ("it", "there") and (keys is None or key in keys):
                lo, hi = _trim_tokens(doc, sp.left_edge.i, v.right_edge.i + 1)
                if lo < hi and p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi and not any(ctx.quoted[lo:hi]):
                    s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                    if not any(min(e, b) - max(s, a) > 0.5 * (e - s) for a, b in spans):
                        out.append((v, key, (lo, hi), None))
                        if keys is not None:
                            continue
        for c in v.rights:
            if ctx.quoted[c.i]:
                continue
            if c.dep_ == "ccomp":
                kind, lo, hi = "ccomp", c.left_edge.i, _conj_clause(v, c.right_edge.i + 1)
            elif c.dep_ == "xcomp" and _finite_or_to(c):
                objs = [o for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
                kind, lo, hi = "xcomp", (objs[0] if objs else c).left_edge.i, c.right_edge.i + 1
            elif c.dep_ == "dobj" and c.lower_ not in PRO_OBJECTS:
                lo = c.left_edge.i
                hi = _siblings(v, c.right_edge.i + 1, ("oprd", "xcomp", "ccomp", "advcl"), _DOBJ_PREPS)
                kind = "dobj" if hi - lo >= 3 else "dobj-short"
            elif c.dep_ == "prep" and c.right_edge.i > c.i:
                kind, lo, hi = f"prep:{c.lower_}", c.i + 1, c.right_edge.i + 1
                hi = _siblings(v, hi, ("oprd", "xcomp", "ccomp", "advcl"), _DOBJ_PREPS)
            elif (m := _for_to(v, c)) is not None:
                kind, lo, hi = f"prep:{m.lower_}", m.i + 1, c.right_edge.i + 1
            else:
                continue
            key = f"{v.lower_}|{kind}|{_tense(v)}"
            if keys is not None and key not in keys:
                break
            lo, hi = _trim_tokens(doc, lo, hi)
            if lo >= hi or not (p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi):
                break
            s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
            holder = ctx.subject(v, fallback=False)
            if holder is None and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i:
                holder = v.head  # 'a super PAC [backing] Jeb Bush'
            if holder is not None and _speaker_ok(ctx, v, holder):
                if not any(min(e, b) - max(s, a) > 0.5 * (e - s) for a, b in spans):
                    out.append((v, key, (lo, hi), holder))
            break
    return out


# prepositional phrases after a learned cue's object that belong to the content: the parser hangs
# them on the verb ('backed [the deal] [with state lawmakers]', 'praised [Toomey] [for ...]')
_DOBJ_PREPS = tuple("for as over with on about against to in from at into among by of during after before".split())
_NOMINAL_PREPS = frozenset("of for on about against to with over toward towards in".split())


_SEEM = frozenset("seem seems seemed seeming appear appears appeared appearing sound sounds sounded".split())
_COPULAS = frozenset("is are was were be been being 's 're 'm am".split())


def _nominal_candidate(ctx: Ctx, v: Token) -> tuple[str, int, int, Token | None] | None:
    """A noun with a holder ('his criticism [of X]', 'Trump's decision [to Y]', 'a call by X [for
    Y]', 'Clinton is a defender [of X]', 'Adelson, a supporter [of X]', 'anger among Democrats [at
    X]'), or without one ('noun0': '[Opposition] to trade deals', held by no one named), or an
    adjective of its subject ('Voters are skeptical [of free trade]', 'I am glad [we won]'): (key
    'word|noun-construction' or 'word|adj-construction', content token range, holder). The first
    prepositional object, that/to-clause after the word; an adjective needs a holder."""
    if v.pos_ == "ADJ":
        holder, kind = ctx.subject(v.head, fallback=False), "adj"
    else:
        holder, kind = _holder(ctx, v), "noun"
        if holder is None and v.dep_ == "attr" and v.head.lower_ in _COPULAS:
            holder, kind = ctx.subject(v.head, fallback=False), "noun-attr"  # 'Clinton is a defender [of X]'
        elif holder is None and v.dep_ == "appos" and v.head.pos_ in ("PROPN", "NOUN"):
            holder, kind = v.head, "noun-appos"  # 'Adelson, a fierce supporter [of Israel]'
        if holder is None:  # 'an allegation from [his first wife]', 'anger among [Democrats]'
            prep = next((c for c in v.rights if c.dep_ == "prep" and c.lower_ in ("from", "among")), None)
            holder = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            kind = "noun-from" if holder is not None else "noun0"  # noun0: none, '[Opposition] to trade deals'
    if holder is None and kind != "noun0":
        return None
    if holder is not None and (holder.i == v.i or ctx.quoted[holder.i] or holder.lower_ == "there"):
        return None
    for c in v.rights:
        if ctx.quoted[c.i]:
            return None
        if c.dep_ == "prep" and c.lower_ in _NOMINAL_PREPS and c.right_edge.i > c.i:
            return f"{v.lower_}|{kind}-prep:{c.lower_}", c.i + 1, c.right_edge.i + 1, holder
        if c.dep_ in ("acl", "ccomp", "xcomp") and _finite_or_to(c):
            return f"{v.lower_}|{kind}-clause", c.left_edge.i, c.right_edge.i + 1, holder
    return None


# Acts that PolNeAR sometimes annotates as attributions but that are no statement for a quote
# ledger ('the bombers targeted [the transport network]', 'fired [his adviser]', 'signed [the bill]'),
# the copulas and 'do': never learned cues (the copulas and 'do' would also bring a fifth of the
# otherwise unparsed tokens into the product's cue parse for a handful of attributions on train)
NOT_SPEECH = frozenset(
    """
    target targeted fire fired ban banned block blocked file filed pass passed sign signed appoint
    appointed choose chose chosen order ordered authorize authorized withdraw withdrew withdrawn begin
    began begun move moved roll rolled spot spotted display displayed mount mounted unleash unleashed
    cast lay laid laying nominate nominated nominating approve approved open opened tick ticked brush
    brushed resist resisted avoid avoided knock knocked single singled hold held take took taken put
    give gave given make made have had has get got win won lose lost spend spent use used
    is are was were be been being am 's 're 'm do does did done doing""".split()
)


def stem(word: str) -> str:
    """A crude stem that groups a cue's word forms ('backed', 'backing', 'backs' -> 'back';
    'announced', 'announces' -> 'announc'); irregular forms ('said') stay apart."""
    w = word.lower()
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not w.endswith("ss"):
            w = w[: -len(suf)] + rep
            if suf in ("ing", "ed") and len(w) >= 2 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # 'planning' -> 'plan'
            break
    return w.rstrip("e") or w


def backoff_key(key: str) -> str:
    """'backing|dobj|ger' -> 'back|dobj': the stem with the construction, without the tense."""
    parts = key.split("|")
    return f"{stem(parts[0])}|{parts[1]}"


_PERSONAL = frozenset("he she they i we you him her them me us".split())
_MODALS = frozenset("will would could might may should can 'll 'd".split())


def _holder_class(ctx: Ctx, h: Token | None) -> str:
    if h is None:
        return "none"
    if h.lower_ in _PERSONAL:
        return "pron-pers"
    if h.pos_ == "PRON":
        return "pron-who" if h.lower_ in ("who", "whom") else "pron-other"
    lab = ctx.label(h)
    if lab == "PERSON":
        return "PERSON"
    if lab in ("ORG", "NORP", "GPE"):
        return "ORG"
    if h.pos_ == "PROPN":
        return "propn"
    low = h.lower_
    return "noun-people" if low in ROLE_NOUNS or low in OTHER_SPEAKERS or low.rstrip("s") in ROLE_NOUNS else "noun"


def candidate_features(
    ctx: Ctx, v: Token, key: str, lo: int, hi: int, subj: Token | None, found: list[Quote]
) -> list[str]:
    """What the learned model reads of a candidate (``cue_candidates``): its key, the key's stem
    and construction, the construction alone and with the holder's kind (a person, a pronoun, an
    organisation, another noun, none), the cue's tag and dependency, a modal, a negation, a
    question, a clause verb above it, the cue inside a quote already found, and the content's length."""
    parts = key.split("|")
    con = parts[1].split(":")[0]
    h = _holder_class(ctx, subj)
    feats = [
        "key=" + key, "bk=" + backoff_key(key), "con=" + con, "conp=" + parts[1], f"ch={con}/{h}", "h=" + h,
        "dep=" + v.dep_, "tag=" + v.tag_, "stem=" + stem(parts[0]), "w=" + parts[0], f"len={min((hi - lo) // 5, 6)}",
    ]  # fmt: skip
    kids = list(v.children)
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        feats.append("modal")
    if any(c.dep_ == "neg" for c in kids):
        feats.append("neg")
    if ctx.doc[ctx.sents[ctx.sent_of[v.i]][1] - 1].text == "?":
        feats.append("q")
    if v.head is not v and v.head.lower_ in CLAUSE_VERBS:
        feats.append("headsay")
    if any(q.content.start <= v.idx < q.content.end for q in found):
        feats.append("nested")
    return feats


def model_accepts(model: dict[str, Any], feats: list[str]) -> bool:
    w = model["weights"]
    return model["bias"] + sum(w.get(f, 0.0) for f in feats) >= model["cut"]


def learned_quotes(ctx: Ctx, found: list[Quote]) -> list[Quote]:
    """Attributions by cues learned on PolNeAR train (quote_cues.json): verbs with a named
    speaker, nouns and adjectives with a holder, passives held by no one named; with a learned
    model, every candidate but NOT_SPEECH acts that the model accepts, else those with a kept key."""
    doc, text, out, model = ctx.doc, ctx.text, [], LEARNED_MODEL
    for v, key, (lo, hi), subj in cue_candidates(ctx, found, LEARNED_CUES if model is None else None):
        if model is not None:
            if v.lower_ in NOT_SPEECH or v.lower_ in ADDRESSEE_VERBS and key.split("|")[1].startswith("dobj"):
                continue  # (an act, or the addressee: 'told [a crowd in Ohio]')
            if not model_accepts(model, candidate_features(ctx, v, key, lo, hi, subj, found)):
                continue
        s = doc[lo].idx
        e = _close_mark(text, s, doc[hi - 1].idx + len(doc[hi - 1]))
        speaker, name = resolve_speaker(ctx, subj)
        out.append(Quote(Span(s, e, text[s:e]), speaker, name, Span(v.idx, v.idx + len(v), v.text), None, False))
    return out
