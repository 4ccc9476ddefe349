"""Reported speech: that-clauses and other complements of speech, belief, evidence and intent
verbs ('Lavrov said the two nations agreed ...'), 'according to X', passives, stances ('criticized X
for Y', 'called for X', 'his claim that X', 'critical of X') and headline colons ('Lynch: ...'): the
hand rules. The cue constructions learned on PolNeAR train are in ``quote_learned``."""

from __future__ import annotations

import re

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
    LIGHT_VERBS,
    NOUN_CUES,
    OBJECT_VERBS,
    PREP_CUES,
    PRO_OBJECTS,
    REPORT_VERBS,
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

# prepositional phrases after a learned cue's object that belong to the content: the parser hangs
# them on the verb ('backed [the deal] [with state lawmakers]', 'praised [Toomey] [for ...]')
_DOBJ_PREPS = tuple("for as over with on about against to in from at into among by of during after before".split())
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
        if c.i < v.i:
            lo = _after_lead(doc, lo, c.i)
        if ctx.quoted[lo]:
            continue
        if c.i < v.i:  # a complement before its verb must end with a comma: "X is bad, he said"
            if "," not in {t.text for t in doc[hi - 1 : v.i]}:  # (the comma may close the clause)
                continue
            # and the sentence runs on after the cue: '[X], the Times said, [including Y]'
            j = next((t.i for t in v.rights if t.text == "," and t.dep_ == "punct"), None)
            if j is not None and j < v.i + 8:
                end = _tail(ctx, v, j)
                if end - j > 2 and inside(lo, end):
                    return [(lo, hi), (j + 1, cut(j + 1, end))]
        elif low not in ADDRESSEE_VERBS:  # "said [his plan]dobj [is bad]ccomp": a misparse
            objs = [o for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
            lo = objs[0].left_edge.i if objs else lo
            # and a second clause hung on the verb right after ('said that [samples taken from
            # victims] [confirmed sarin was used]': one clause the parser split)
            hi = _tail(ctx, v, _siblings(v, _conj_clause(v, hi), ("ccomp",), ()))
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
            lo, hi = objs[0].left_edge.i, _tail(ctx, v, objs[-1].right_edge.i + 1)
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


def _after_lead(doc: Doc, lo: int, hi: int) -> int:
    """Where a content range lo:hi before its cue starts when it opens with a lead-in of another cue
    up to a colon ('As Johanna Neuman writes in a Los Angeles Times piece: [A controversial figure ...,
    Felt died ...], his grandson Rob Jones said': the writer's lead-in is not what the grandson said)."""
    colon = next((j for j in range(hi - 1, lo, -1) if doc[j].text == ":"), None)
    if colon is not None and hi - colon > 3 and any(is_cue(t) for t in doc[lo:colon]):
        return colon + 1
    return lo


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
    lo = _after_lead(doc, lo, comma)
    j = v.i + 1
    while j < hi and doc[j].text not in ",.:;" and j - v.i < 8:
        j += 1
    if j < hi and doc[j].text in ",:;" and hi - j > 3 and not ctx.quoted[j + 1]:
        return [(lo, comma), (j + 1, hi)]
    return [(lo, comma)] if j >= hi - 1 else None


_RELATIVES = frozenset("which that who what whom".split())
_REASON_MARKS = frozenset("if unless because since although though while whereas so until".split())
_CONJ_WORDS = frozenset(", and but or nor yet so while whereas".split())


def _joins(t: Token) -> bool:
    """A word or mark between a clause and the next one the parser hangs on the same cue: a
    conjunction, a comma, or a closing quote mark or bracket ('said that X ''could be unyielding,''
    [and that Y]', 'said X (really?) [and that Y]')."""
    return t.lower_ in _CONJ_WORDS or t.is_quote or t.text in ")]?"


def _conj_clause(v: Token, hi: int) -> int:
    """Extend a complement ending at token ``hi`` over a clause the parser hung on the cue verb
    ('said [that X, but Y]'): a conjunct with a subject of its own that is no cue itself."""
    doc, i = v.doc, hi
    while i < len(doc) and doc[i].head.i == v.i and doc[i].dep_ in ("cc", "punct") and _joins(doc[i]):
        i += 1
    for c in v.rights:
        if c.dep_ == "conj" and c.left_edge.i == i and i > hi and not is_cue(c):
            if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.lefts):
                return c.right_edge.i + 1
        if c.dep_ == "advcl" and c.left_edge.i in (hi, hi + 1) and c.left_edge.lower_ in _REASON_MARKS:
            return c.right_edge.i + 1  # 'said [X if Y]', 'said [X because Y]'
    return hi


_TAIL_DEPS = frozenset("prep advcl advmod npadvmod conj cc punct".split())


def _tail(ctx: Ctx, v: Token, hi: int) -> int:
    """Extend a complement ending at token ``hi`` over what the parser hangs on the cue after it, to
    the end of the sentence ('said [X, with Y leading]', 'said [X, instead of Y]', 'said [X, but
    Y]'): PolNeAR's contents run to the sentence end. Not over another cue, 'according to', a
    direct quote or an object (a partial quote goes with its marks)."""
    end, i, new = _para_sent(ctx, v)[1], hi, hi
    for c in v.rights:
        if c.i < hi:
            continue
        if c.left_edge.i != i or c.right_edge.i >= end or c.dep_ not in _TAIL_DEPS:
            break
        sub = c.subtree
        if any(is_cue(t) or t.lower_ == "according" or ctx.quoted[t.i] for t in sub):
            break
        i = c.right_edge.i + 1
        if c.dep_ not in ("punct", "cc"):
            new = i
    return new


_CLOSING = re.compile(r"[.,?!]?(?:[\"”]|'')")
# a text tokenized with spaces (ECB+: 'in Greece . "', 'Greece. "') sets the closing mark apart; a mark so set apart
# that a word or a figure follows opens the next quote
_CLOSING_SPACED = re.compile(r" ?[.,?!]? ?(?:[\"”]|'')(?!\w)")


def _close_mark(text: str, s: int, e: int) -> int:
    """The end of a content span that opens a quote it does not close ('called them "illegals'):
    past the closing mark (and the punctuation it encloses) that follows at once."""
    seg = text[s:e]
    opens = seg.count("``")  # a wire's opening mark (DUC 2003, "``having endured ... martyrdom.''")
    if not (seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1 or opens > seg.count("''")
            or not opens and seg.count("''") % 2 == 1):  # fmt: skip
        return e
    m = _CLOSING.match(text, e) or _CLOSING_SPACED.match(text, e)
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
