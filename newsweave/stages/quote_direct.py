"""Direct quotes: quote marks paired on the characters (all styles, left open across paragraphs,
single quotes), quotes split around their cue joined, continued quotes joined, and each quote's cue
and speaker found from the parse (in the gap, up the parse, after or before it, colon lead-ins)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Token

from newsweave.records import Quote, Span

from .quote_context import (
    SPEECH_VERBS,
    Ctx,
    according,
    animate,
    channel_name,
    clean_name,
    find_channel,
    is_cue,
    resolve_speaker,
)

_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’']")
_TITLE = re.compile(r"(?:(?:[A-Z0-9][\w’'.&-]*|of|the|and|with|a|an|for|to|in|on|at|by|or)[ ,:]*)+\.?")
WORD = re.compile(r"[\w’']+")
INTRODUCED = True  # a quote paragraph without a cue takes the speaker the sentence before introduces
TITLES = True  # a quoted work title after 'book', 'memoir', 'titled' ... is no quote and joins none
SPAN_GAP = True  # a quote with no cue joins the previous one only over a short gap of narrative (_goes_on)
INVERTED = True  # '"...," recounted Raphaelle Chenet': the name the parser hangs on the cue as an object speaks
_TRIM = re.compile(r"[\s…]*(.*?)[\s,;:—–\-…]*", re.S)
_OPEN_BEFORE = '([{—–-/"“‘'
_CLOSE_AFTER = ".,;:?!)]}—–-…"


@dataclass
class _Raw:
    """A quotation found on the characters: inner part spans, mark bounds, last paragraph."""

    parts: list[tuple[int, int]]
    outer: tuple[int, int]  # first opening mark .. last closing mark
    para: int
    single: bool = False


class _Attr(NamedTuple):
    cue: Token | None = None
    cue_end: int = 0  # token after the cue ("according to" is two tokens)
    subject: Token | None = None
    via: Token | None = None  # an outlet that carries the quote ('..."," the Daily News reported')


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Inner bounds without surrounding space, ellipses and a trailing comma or dash."""
    m = _TRIM.fullmatch(text, s, e)
    return m.span(1) if m else (s, s)


def _is_opening(text: str, p: int, mk: str, opener: str | None, lo: int, hi: int) -> bool:
    """Whether a double mark opens a quote, given the mark currently open (if any)."""
    c0 = text[p - 1] if p > lo else " "
    c1 = text[p + len(mk)] if p + len(mk) < hi else " "
    if c0.isspace() or c0 in _OPEN_BEFORE:  # straight marks by context
        by_context: bool | None = not (c1.isspace() and p + len(mk) < hi)
    elif c1.isspace() or c1 in _CLOSE_AFTER or p + len(mk) >= hi:
        by_context = False
    else:
        by_context = True if c1.isalnum() else None
    if opener is None:
        return mk in ("``", "„", "«", "“") or bool(by_context)  # also NYT-style ''...''

    if mk in ("``", "„") or (mk == "«" and opener != "»"):
        return True
    return mk == "“" and opener != "„" and by_context is True


def _pair_double(text: str, paras: list[tuple[int, int]]) -> list[_Raw]:
    """Pair double marks paragraph by paragraph; a quote left open at a paragraph end goes on
    only when the next paragraph starts with an opening mark (news convention), else it is
    dropped, as are closing marks with nothing open."""
    out: list[_Raw] = []
    pending: _Raw | None = None
    for k, (lo, hi) in enumerate(paras):
        carried, pending = pending, None
        opener: tuple[int, str] | None = None
        for m in _DOUBLE.finditer(text, lo, hi):
            p, mk = m.start(), m.group()
            if _is_opening(text, p, mk, opener[1] if opener else None, lo, hi):
                if carried is not None and not text[lo:p].strip():
                    pending = carried
                carried, opener = None, (p, mk)
            elif opener is not None:
                s, e = trim(text, opener[0] + len(opener[1]), p)
                if s < e:
                    raw = pending or _Raw([], (opener[0], 0), k)
                    raw.parts.append((s, e))
                    raw.outer, raw.para = (raw.outer[0], m.end()), k
                    out.append(raw)
                pending, opener = None, None
            carried = None
        if opener is not None:  # left open at the paragraph end
            s, e = trim(text, opener[0] + len(opener[1]), hi)
            raw = pending or _Raw([], (opener[0], 0), k)
            raw.parts.append((s, e))
            raw.outer, raw.para = (raw.outer[0], hi), k
            pending = raw if s < e else None
        else:
            pending = None
    return out


def _pair_single(text: str, paras: list[tuple[int, int]], taken: list[_Raw]) -> list[_Raw]:
    """Single-quoted candidates outside double quotes; apostrophes never open or close."""
    out: list[_Raw] = []
    for k, (lo, hi) in enumerate(paras):
        opener: int | None = None
        for m in _SINGLE.finditer(text, lo, hi):
            p, mk = m.start(), m.group()
            if any(r.outer[0] <= p < r.outer[1] for r in taken):
                opener = None
                continue
            c0 = text[p - 1] if p > lo else " "
            c1 = text[p + 1] if p + 1 < hi else " "
            if mk == "‘" or (mk == "'" and (c0.isspace() or c0 in _OPEN_BEFORE) and c1.isalpha()):
                opener = p
            elif opener is not None and c0 != " " and not c1.isalnum():
                s, e = trim(text, opener + 1, p)
                if s < e and p - opener < 600:
                    out.append(_Raw([(s, e)], (opener, p + 1), k, single=True))
                opener = None
    return out


def _attribute(ctx: Ctx, raw: _Raw, gap: tuple[int, int] | None) -> _Attr:
    """The cue of a direct quote: in the gap of a split quote, up the parse from the quote, right
    after or before it, or in a colon lead-in (also ending the previous paragraph)."""
    doc, quoted = ctx.doc, ctx.quoted
    lo_char, hi_char = ctx.paras[ctx.para_of(raw.outer[0])][0], ctx.paras[raw.para][1]

    def ok(v: Token) -> bool:
        cue = is_cue(v) or according(v) is not None
        return cue and lo_char <= v.idx < hi_char and not quoted[v.i]

    def done(v: Token) -> _Attr:
        obj = according(v)
        if obj is not None:
            return _Attr(v, v.i + 2, obj)
        subj = ctx.subject(v)
        if subj is None and INVERTED and v.idx >= raw.outer[1]:  # '"...," recounted Raphaelle Chenet, ...':
            # the parser takes the name after an inverted cue for its object
            subj = next((c for c in v.rights if c.dep_ in ("dobj", "attr", "npadvmod") and c.i - v.i <= 3
                         and (c.pos_ == "PROPN" or ctx.label(c) == "PERSON")), None)  # fmt: skip
        return _Attr(v, v.i + 1, subj)

    def first(cands: Iterable[Token]) -> _Attr | None:
        """The first candidate cue with a speaker, else the first without one."""
        attrs = [done(t) for t in cands]
        return next((a for a in attrs if a.subject is not None), attrs[0] if attrs else None)

    if gap is not None and (found := first(t for t in doc[gap[0] : gap[1]] if ok(t))):
        return found
    inside = {i for s, e in raw.parts for i in range(*ctx.tokens(s, e))}
    for i in sorted(inside):
        h, steps = doc[i].head, 0
        while h.i not in inside and steps < 6:  # up the parse: 'Tillerson said he wanted "..."'
            if ok(h):
                return done(h)
            if h.head is h or h.dep_ in ("relcl", "appos", "acl"):
                break
            h, steps = h.head, steps + 1
        for c in doc[i].children:  # '"...," he said' parsed as a parataxis of the quote
            if c.i not in inside and ok(c) and is_cue(c):
                return done(c)
    a = ctx.tokens(raw.outer[1], raw.outer[1] + 1)[0]
    if raw.outer[1] < len(ctx.text) and a < len(doc):  # '"...?" he asked.'
        ends = doc.text[raw.parts[-1][1] - 1] in ".?!"
        # after a quote closed by a full stop, a capitalised word opens a new sentence: a cue there is the
        # quote's only as a short tag ('"...." Smith said.'), not a sentence of narrative ('"...." Felt had
        # insisted on remaining completely anonymous, ...': Woodward's words, quoted before it)
        full_stop = doc.text[raw.parts[-1][1] - 1] == "." and doc[a].text[:1].isupper()
        window = []
        for t in doc[a : min(ctx.sents[ctx.sent_of[a]][1], a + (6 if ends else 12))]:
            if quoted[t.i] or t.idx >= hi_char:
                break
            if full_stop and ctx.sents[ctx.sent_of[t.i]][1] - t.i > 5:
                continue
            if ok(t) and not any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                window.append(t)
        if found := first(window):
            return found
    b = ctx.tokens(raw.outer[0], raw.outer[0] + 1)[0]
    for t in reversed(doc[max(ctx.sents[ctx.sent_of[b]][0], b - 4) : b] if b < len(doc) else []):
        if quoted[t.i] or t.idx < lo_char:
            break
        if ok(t):  # 'Tillerson said: "..."'
            return done(t)
    return _colon_lead(ctx, raw) or _Attr()


def _lead_over_outlet(ctx: Ctx, raw: _Raw, attr: _Attr) -> _Attr:
    """'Commissioner Raymond Kelly said: "...," the Daily News reported': the person of a colon lead-in said
    it; the organisation reporting after the quote only carries it (the channel)."""
    subj, cue = attr.subject, attr.cue
    if subj is None or cue is None or cue.idx < raw.outer[1] or cue.lower_ not in ("reported", "reports"):
        return attr
    if ctx.label(subj) != "ORG" or (lead := _colon_lead(ctx, raw)) is None or lead.cue is None:
        return attr
    return lead._replace(via=subj) if lead.subject is not None and ctx.label(lead.subject) == "PERSON" else attr


def _colon_lead(ctx: Ctx, raw: _Raw) -> _Attr | None:
    """'Cruz continued:' or 'Kerry:' right before the quote, also across a paragraph break."""
    lead = ctx.text[: raw.outer[0]].rstrip()
    if not lead.endswith(":") or raw.outer[0] - len(lead) > 8:
        return None
    k = ctx.tokens(len(lead) - 1, len(lead))[0]
    if k == 0 or ctx.quoted[k]:
        return None
    v, prev = ctx.doc[k].head, ctx.doc[k - 1]
    if v.tag_.startswith("VB") and not ctx.quoted[v.i]:
        subj = ctx.subject(v)
        ok = subj is not None and (is_cue(v) or animate(ctx, subj))
        return _Attr(v, v.i + 1, subj) if ok else None
    if prev.pos_ in ("PROPN", "NOUN") and animate(ctx, prev) and prev.i - v.i < 6:
        return _Attr(None, 0, prev)
    return None


# verbs of a sentence that introduces the quote paragraph after it: 'UN Peacekeeping Chief Alain LeRoy said
# the organisation is working to learn the fate of its personnel. "..."', 'Daras described the situation. "..."'
_INTRO_VERBS = SPEECH_VERBS | frozenset("described describes describing spoke speaks speaking".split())


def _introduced(ctx: Ctx, raw: _Raw) -> _Attr | None:
    """The speaker of a quote that starts right after a sentence (at the start of its paragraph or
    after the sentence in the same paragraph) which holds no quote and whose main verb is a verb of
    speech with a person or an institution as subject: the WikiNews way, the speaker introduced, then
    quoted ('Efstathios Daras, the Greek ambassador, described the situation. "..."'). The quote may
    follow a short opener ('Later in the afternoon, "I went back ..."'). Other main verbs introduce it
    when their object is a statement ('The Metropolitan Police made a request for ... "We need to
    establish ..."', 'MWEB operations has issued an update ... "... We allowed P2P traffic ..."'), or
    when their subject is a person and the quote speaks in the first person ('T.J. Simons, 17, ...,
    also heard the blast. "At first I thought it was thunder ..."')."""
    b = ctx.tokens(raw.outer[0], raw.outer[0] + 1)[0]
    if b >= len(ctx.doc):
        return None
    k = ctx.sent_of[b]
    opener = ctx.doc[ctx.sents[k][0] : b]
    if len(opener) and not (INTRO_MORE and _opener(ctx, opener)):
        return None  # the quote must open its sentence (or follow a short opener)
    if k == 0:
        return None
    s, e = ctx.sents[k - 1]
    while INTRO_MORE and e - 1 > s and ctx.doc[e - 1].is_space:  # (a sentence ending with the paragraph break)
        e -= 1
    # the parser's sentence can run over a paragraph break: only the part in the paragraph before the quote
    para = ctx.paras[ctx.para_of(ctx.doc[e - 1].idx)]
    s = max(s, ctx.tokens(*para)[0])
    sent = ctx.doc[s:e]
    start = opener.start_char if len(opener) else raw.outer[0]
    if not len(sent) or ctx.text[sent.end_char : start].strip() or ctx.para_of(sent.start_char) < raw.para - 1:
        return None
    if any(ctx.quoted[t.i] for t in sent) or not sent.text.rstrip().endswith((".", ":")):
        return None
    # the main verb of that part (its head lies outside it) must be a verb of speech with a subject in it
    tops = [t for t in sent if t.head.i == t.i or not s <= t.head.i < e]
    verb = next((t for t in tops if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and s <= c.i < e), None)
    if subj is None:
        return None
    if verb.lower_ in _INTRO_VERBS:
        return _Attr(verb, verb.i + 1, subj) if animate(ctx, subj) else None
    if not INTRO_MORE:
        return None
    named = animate(ctx, subj) or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subj.children)
    if named and any(c.dep_ == "dobj" and c.lower_ in _STATEMENT_NOUNS for c in verb.children):
        return _Attr(None, 0, subj)  # ('MWEB operations has issued an update')
    who = any(c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in subj.children)
    person = ctx.label(subj) == "PERSON" or who and subj.pos_ == "PROPN"  # ('T.J. Simons, 17, who works at ...')
    if subj.lower_ in ("he", "she"):
        person = resolve_speaker(ctx, subj)[1] is not None
    others = (t for t in sent if t.dep_ == "nsubj" and t.i != subj.i)
    if any(ctx.label(t) == "PERSON" or t.lower_ in ("he", "she") for t in others):
        return None  # another person acts in the sentence ('Playbook won't go that far, but Sherman wants ...')
    words = ctx.text[raw.parts[0][0] : min(raw.parts[0][1], raw.parts[0][0] + 300)]
    return _Attr(None, 0, subj) if person and _FIRST_PERSON.search(words) else None


INTRO_SPLIT = True  # a cue-less quote introduced by another speaker's sentence does not go on from the quote before
INTRO_MORE = True  # _introduced: after a short opener; objects naming a statement; a person, then first-person words
_STATEMENT_NOUNS = frozenset(
    "statement statements update updates request requests appeal appeals message messages announcement explanation"
    " warning warnings release comment comments remarks".split()
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|me|us)\b")


def _opener(ctx: Ctx, opener: Iterable[Token]) -> bool:
    """A short adverbial opener before a quote that needs no verb: 'Later in the afternoon,'."""
    toks = list(opener)
    return (
        0 < len(toks) <= 6
        and toks[-1].text == ","
        and toks[0].pos_ in ("ADP", "ADV", "ADJ", "SCONJ")
        and not any(t.pos_ in ("VERB", "AUX") or ctx.quoted[t.i] for t in toks)
    )


_NAME = r"[A-Z][\w.&!’']*(?:[ -](?:[A-Z][\w.&!’']*|of|the|and|for|de|van|von))*"
# '* BBC - "..."' (a list of sources, at the start of its paragraph)
_CITE_BEFORE = re.compile(rf"(?:^|(?<=[.?!\"”]\s))\s*(?:[*•·]\s*)?({_NAME})\s+[-–—]\s*$", re.M)
# '"..." - "Pauline"', '"..." — Jane Doe, Reviewer' (to the end of the paragraph)
_CITE_AFTER = re.compile(rf"[\s.]*[-–—]+\s*[\"“”]?({_NAME})[\"“”]?\s*(?:,[^\"“”\n]{{0,80}})?\.?\s*")
# '"..."( USA Today article)'
_CITE_ARTICLE = re.compile(rf"\s*\(\s*({_NAME})\s+(?:[Nn]ews\s+)?(?:[Aa]rticle|[Rr]eport|[Ss]tory)\s*\)")
CITED = True  # a quote cited with its source before or after it: a list of sources, a review, '(X article)'


def _cited(ctx: Ctx, raw: _Raw) -> tuple[Span, str] | None:
    """The source a quote with no cue is cited with: a name and a dash opening its paragraph ('* AP -
    "confirmed death toll passed 121,000 ..."'), a dash and a name closing it ('"If nothing else, an
    enquiry would ..." - "Pauline"', '— Jane Doe, Reviewer'), or '"..."( USA Today article)'. The name
    must hold a proper noun; up to five words."""
    text = ctx.text
    lo, hi = ctx.paras[ctx.para_of(raw.outer[0])][0], ctx.paras[raw.para][1]
    found = (
        _CITE_BEFORE.search(text, lo, raw.outer[0]),
        _CITE_AFTER.fullmatch(text, raw.outer[1], hi),
        _CITE_ARTICLE.match(text, raw.outer[1], hi),
    )
    for m in found:
        if m is None:
            continue
        s, e = m.span(1)
        if not 0 < len(text[s:e].split()) <= 5:
            continue
        a, b = ctx.tokens(s, e)
        toks = ctx.doc[a:b]
        if len(toks) and any(t.pos_ == "PROPN" or ctx.label(t) in ("PERSON", "ORG") for t in toks):
            return Span(s, e, text[s:e]), clean_name(text[s:e]) or text[s:e]
    return None


def _split_gap(ctx: Ctx, a: _Raw, b: _Raw) -> tuple[int, int] | None:
    """Token range of the interrupting text if quotes ``a`` and ``b`` are one quote split around
    its cue: '"X," Tillerson said as ..., "Y"' or '"X?" he asked. "Y?"'."""
    if a.para != b.para or a.single or b.single:
        return None
    gap = ctx.text[a.outer[1] : b.outer[0]].strip()
    lead = ctx.text[ctx.paras[a.para][0] : a.outer[0]].rstrip()
    if not gap or gap[-1] not in ",:." or len(gap) > 200 or lead and lead[-1] not in '.?!:"”’»':
        return None  # (a first quote embedded in narrative is no split quote)
    if gap[-1] == ":" and ctx.text[a.parts[-1][1] - 1] in ".?!":
        return None  # '"... lack of experience." A Foreign Office spokeswoman said: "We are aware ...": a sentence of
        # its own leads the second quote in
    s, e = ctx.tokens(a.outer[1], b.outer[0])
    if not any(is_cue(t) or according(t) is not None for t in ctx.doc[s:e]):
        return None
    if e - s > 8 and ctx.text[a.parts[-1][1]] not in ",-—–":
        return None  # a long gap only after a first part ending with a comma or dash
    stop = max((t.i for t in ctx.doc[s : e - 1] if t.text in ".!?"), default=None)
    if stop is not None and any(is_cue(t) for t in ctx.doc[stop + 1 : e]):
        return None  # '"...," Zadan and Meron said in a statement. DeGeneres announced the news in a tweet: "..."'
        # (a sentence of its own with a cue introduces the second quote)
    s2 = ctx.tokens(b.outer[1], b.outer[1] + 1)[0]  # b must not have its own cue
    own = any(is_cue(t) and t.idx < ctx.paras[b.para][1] for t in ctx.doc[s2 : s2 + 4])
    return None if own and ctx.text[b.outer[1] : b.outer[1] + 2].strip()[:1] != "." else (s, e)


_GOES_ON = frozenset("added adds continued continues".split())


def _added(ctx: Ctx, cue: Token, subj: Token, prev: Quote, raw: _Raw) -> str | None:
    """'"...," she added' goes on from the quote before it (in this or the previous paragraph): its
    speaker, of the pronoun's gender where an honorific gives one ('DeGeneres announced the news in a
    tweet: "..." "I am so excited ...," she added', not the producers quoted two sentences before)."""
    low = subj.lower_
    if cue.lower_ not in _GOES_ON or low not in ("he", "she") or not prev.speaker_name:
        return None
    if ctx.para_of(prev.content.start) < raw.para - 1 or raw.outer[0] - prev.content.end > 400:
        return None
    if ctx.gender.get(prev.speaker_name) == ("m" if low == "she" else "f"):
        return None
    return prev.speaker_name


# words right before a quoted title: 'wrote in his 2006 memoir, "A G-Man's Life: ..."', 'the book "Secret Man"'
_TITLE_LEAD = re.compile(
    r"\b(?:book|books|memoir|memoirs|novel|biography|autobiography|titled|entitled|film|movie|documentary|album"
    r"|song|play|essay|column|wrote in|written in|published in)\W{0,3}$",
    re.I,
)
_TITLE_LONG = re.compile(
    r"(?:(?:[A-Z0-9`‘'][\w’'.&`-]*|of|the|and|with|a|an|for|to|in|on|at|by|or|from|is|as)[ ,:;!?]*)+\.?"
)


def _title(text: str, raw: _Raw) -> bool:
    """A quoted work title after a word that names it ('Felt wrote in his 2006 memoir, "A G-Man's Life: The
    FBI, `Deep Throat' and the Struggle for Honor in Washington."'): title-cased throughout, up to 20 words;
    it is no quote and joins no neighbouring quote."""
    if len(raw.parts) != 1 or not TITLES:
        return False
    s, e = raw.parts[0]
    return len(WORD.findall(text[s:e])) <= 20 and bool(
        _TITLE_LEAD.search(text[max(0, raw.outer[0] - 40) : raw.outer[0]]) and _TITLE_LONG.fullmatch(text, s, e)
    )


def _keep(ctx: Ctx, raw: _Raw, attr: _Attr) -> bool:
    """Scare quotes of 1-3 words and single-quoted text need a cue with a speaker; titles go."""
    words = sum(len(WORD.findall(ctx.text[s:e])) for s, e in raw.parts)
    if words == 0 or words <= 7 and _TITLE.fullmatch(ctx.text[raw.parts[0][0] : raw.parts[-1][1]]):
        return False  # a show, book or slogan title: "Good Morning America"
    subj = attr.subject
    speaker = attr.cue is not None and subj is not None and animate(ctx, subj)
    if raw.single:
        return speaker and words >= 2 or (words >= 4 and ctx.text[raw.parts[-1][1] - 1] in ".?!")
    return words > 3 or speaker


# a full stop ending a word of narrative inside the gap, with more text after it: another sentence
_INNER_STOP = re.compile(r"[a-z]{3,}[.?!][\"”’)]*\s+\S")


def _goes_on(text: str, end: int, start: int) -> bool:
    """Whether a quote with no cue opening at ``start`` goes on from the quote closed at ``end``: the
    narrative between them holds no full sentence of its own beyond the previous quote's tag ('"...," he
    said. "..."'), and after a quote that ends its sentence the next one must open one. A quote embedded
    in the narrative sentence after it ('... for Oscar Sunday." DeGeneres hosted ... for which she received a
    nomination for "Outstanding Individual Performance ..."') is no part of it; a quote of the same
    sentence is ('says there's a "long road ahead" but he feels Cruz will "blow away ..."')."""
    gap = text[end:start].strip().rstrip("\"”’')")  # the gap may end with a title's closing mark
    if not gap:
        return True
    closed = text[: end - 1].rstrip("\"”’'` ")[-1:] in (".", "?", "!")
    return len(_INNER_STOP.findall(gap)) < 2 and (not closed or gap[-1] in ".?!:,;")


def direct_quotes(ctx: Ctx) -> list[Quote]:
    doc, text = ctx.doc, ctx.text
    raws = _pair_double(text, ctx.paras)
    raws = sorted(raws + _pair_single(text, ctx.paras, raws), key=lambda r: r.outer[0])
    for r in raws:
        a, b = ctx.tokens(*r.outer)
        ctx.quoted[a:b] = [True] * (b - a)
    raws = [r for r in raws if not _title(text, r)]
    merged: list[tuple[_Raw, tuple[int, int] | None]] = []
    for r in raws:
        gap = _split_gap(ctx, merged[-1][0], r) if merged else None
        if gap is not None:
            prev = merged[-1][0]
            merged[-1] = (_Raw(prev.parts + r.parts, (prev.outer[0], r.outer[1]), r.para), gap)
        else:
            merged.append((r, None))
    out: list[Quote] = []
    last: tuple[int, Quote] | None = None
    last_end = 0  # closing mark of the last quote kept
    for raw, gap in merged:
        attr = _lead_over_outlet(ctx, raw, _attribute(ctx, raw, gap))
        if not _keep(ctx, raw, attr):
            continue
        parts = tuple(Span(s, e, text[s:e]) for s, e in raw.parts)
        split = parts if len(parts) > 1 else ()
        content = Span(parts[0].start, parts[-1].end, text[parts[0].start : parts[-1].end])
        if attr.subject is None and attr.cue is None and CITED and (cited := _cited(ctx, raw)) is not None:
            out.append(Quote(content, cited[0], cited[1], None, None, True, split))
            last, last_end = (raw.para, out[-1]), raw.outer[1]
            continue
        if attr.subject is None and attr.cue is None:
            # no cue: it goes on from the previous quote of this or the previous paragraph (a quote
            # of several sentences or paragraphs is one quote: its parts join the previous quote)
            para_start = not text[ctx.paras[raw.para][0] : raw.outer[0]].strip()
            near = last is not None and (last[0] == raw.para or (last[0] == raw.para - 1 and para_start))
            intro = _introduced(ctx, raw) if INTRODUCED else None
            named = resolve_speaker(ctx, intro.subject) if intro is not None else (None, None)
            was = last[1].speaker_name if last is not None else None
            if INTRO_SPLIT and was and named[1] and named[1].split()[-1] != was.split()[-1]:
                near = False  # the sentence between introduces another speaker ('T.J. Simons ... heard the blast.')
            if last is not None and near and (not SPAN_GAP or _goes_on(text, last_end, raw.outer[0])):
                q = last[1]
                parts = (*(q.parts or (q.content,)), *parts)
                whole = Span(parts[0].start, parts[-1].end, text[parts[0].start : parts[-1].end])
                q = Quote(whole, q.speaker, q.speaker_name, q.cue, q.channel, True, parts)
                out[-1], last, last_end = q, (raw.para, q), raw.outer[1]
            elif intro is not None:
                out.append(Quote(content, named[0], named[1], None, None, True, split))
                # (a quote the sentence before introduces without a verb of speech starts no run of quotes)
                last, last_end = ((raw.para, out[-1]) if intro.cue is not None else None), raw.outer[1]
            else:
                out.append(Quote(content, parts=split))
                last = None
            continue
        speaker, name = resolve_speaker(ctx, attr.subject)
        if out and attr.cue is not None and attr.subject is not None:
            name = _added(ctx, attr.cue, attr.subject, out[-1], raw) or name
        cue_span, channel = None, None
        if attr.cue is not None:
            cue = doc[attr.cue.i : attr.cue_end]
            cue_span = Span(cue.start_char, cue.end_char, cue.text)
            channel = find_channel(ctx, attr.cue, attr.subject) or channel_name(ctx, attr.via)
        out.append(Quote(content, speaker, name, cue_span, channel, True, split))
        last, last_end = (raw.para, out[-1]), raw.outer[1]
    return out
