"""Quote stage: direct and reported quotes with cue, speaker and channel.

Needs a parsed spaCy ``Doc`` (tagger, parser, ner). Quote marks are paired on the characters;
reported speech, beliefs, findings and stances ('X said ...', 'officials believe ...', 'polls show
...', 'according to X, ...', 'X criticized Y for ...', 'his claim that ...') come from the parse;
cue, speaker and channel from the parse and PERSON entities; more cues ('endorsed X', 'sought to
Y', 'voted for Z') come from ``quote_cues.json``, learned on PolNeAR train. A partial quote inside
reported speech is part of that one attribution; quotes of several sentences or paragraphs are one
quote. Spans are offsets into doc.text. The cross-article ledger lives in ``ledger.py``
(``build_ledger`` is re-exported here). Figures: benchmarks/RESULTS_quotes.md (PolNeAR).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Token

from newsweave.records import Quote, Span

from .ledger import build_ledger

__all__ = ["build_ledger", "extract_quotes"]

_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’']")
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|(?<=[.?!:\"”’'»)])[ \t]*\n\s*")
_TITLE = re.compile(r"(?:(?:[A-Z0-9][\w’'.&-]*|of|the|and|with|a|an|for|to|in|on|at|by|or)[ ,:]*)+\.?")
_WORD = re.compile(r"[\w’']+")
_HEAD_COLON = re.compile(r"((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*):[ \t]+(?=\S)")
_TRIM = re.compile(r"[\s…]*(.*?)[\s,;:—–\-…]*", re.S)
_OPEN_BEFORE = '([{—–-/"“‘'
_CLOSE_AFTER = ".,;:?!)]}—–-…"


def _verb_forms(bases: str) -> frozenset[str]:
    """Regular inflections (say -> says, sayed, saying); irregular forms are added by hand."""
    out = set("said told wrote written writing admitted admitting testified echoes".split())
    for b in bases.split():
        y, e = re.search(r"[^aeiou]y$", b), b.endswith("e")
        s = b + ("es" if b.endswith(("s", "sh", "ch", "x", "o")) else "s")
        out |= {b, b[:-1] + "ies" if y else s, b[:-1] + "ied" if y else b + ("d" if e else "ed")}
        out.add(b[:-1] + "ing" if e else b + "ing")
    return frozenset(out)


REPORT_VERBS = _verb_forms("""
    say tell warn add argue claim insist note explain write state declare reply respond tweet
    announce acknowledge admit suggest conclude emphasize emphasise stress predict deny repeat
    reiterate concede testify vow promise assert contend maintain report allege confirm caution
    charge counter complain ask recall indicate observe remark comment""")  # may govern a ccomp
SPEECH_VERBS = REPORT_VERBS | _verb_forms("""
    joke shout urge quote continue point exclaim interrupt retort chant bark answer echo read
    thank call whisper yell scream proclaim boast quip muse mutter lament plead demand inform
    recount opine""")
BELIEF_VERBS = _verb_forms("""
    think believe expect hope fear worry feel know suspect doubt assume guess reckon estimate
    recognize recognise realize realise understand wonder""")  # not "agree": it reports an event
BELIEF_VERBS |= {"thought", "knew", "known", "felt"}
EVIDENCE_VERBS = _verb_forms("show find indicate reveal demonstrate suggest mention insist boast brag")
EVIDENCE_VERBS |= {"found", "shown"}
INTENT_VERBS = _verb_forms("urge vow promise pledge threaten want plan seek refuse decline")
INTENT_VERBS |= _verb_forms("propose recommend advise demand request require order decide hope expect intend aim")
# verbs of learning, agreeing and persuading also attribute their that-clause: 'pointed out that X',
# 'agreed that X', 'assured voters that X' ('see', 'consider', 'prove' ... do not: < 50% on PolNeAR train)
COGNITION_VERBS = _verb_forms("agree point question learn imply assure convince")
CLAUSE_VERBS = REPORT_VERBS | BELIEF_VERBS | EVIDENCE_VERBS | INTENT_VERBS | COGNITION_VERBS  # what _reported reads
# Stances (PolNeAR annotates them as attributions): an attitude verb and its object ('criticized
# Clinton for ...'), a verb and a prepositional object ('called for a ban', 'talked about X'), a noun
# with a that- or to-clause ('his claim that X', 'her pledge to Y') and an adjective of attitude
# ('critical of X', 'confident that X'). Content is the object, the clause or the prepositional object.
# Verbs count only as reported acts ('criticized', 'is criticizing', ', citing'), not as plans or
# mentions ('to support', 'supports'): the lists and that rule keep what is >= 75% precise on PolNeAR
# train (support, back, welcome, offer, plan, decision, effort, 'criticism of', 'focus on' are not).
OBJECT_VERBS = _verb_forms("""
    endorse criticize criticise accuse praise defend oppose attack blast slam condemn denounce dismiss
    blame question reject hail cite describe propose recommend mock deride decry fault rebuke chide
    scold tout champion announce discuss express outline congratulate thank lambast ridicule disparage
    insult belittle label dub brand""") - _verb_forms("")
PREP_CUES: dict[str, frozenset[str]] = {}
for _bases, _preps in (
    ("call ask press push argue advocate plead campaign lobby vouch", "for"),
    ("refer point object", "to"),
    ("call", "on upon"),
    ("talk complain worry boast brag joke warn write care tweet", "about"),
    ("speak", "about"),
    ("warn", "of against"),
    ("agree disagree side", "with"),
):
    for _form in _verb_forms(_bases) - _verb_forms("") | ({"spoke", "spoken"} if _bases == "speak" else set()):
        PREP_CUES[_form] = PREP_CUES.get(_form, frozenset()) | frozenset(_preps.split())
NOUN_CUES = frozenset(
    """
    claim claims assertion suggestion promise promises pledge fear fears belief hope hopes warning
    argument allegation allegations assessment view notion insistence demand demands threat vow
    prediction concern concerns conviction assurance assurances denial admission complaint
    accusation accusations charge contention speculation rumor rumors recommendation observation
    impression expectation expectations confidence worry suspicion doubt doubts theory""".split()
)
ADJ_CUES = frozenset(
    """
    critical supportive skeptical sceptical confident optimistic pessimistic convinced hopeful upbeat
    appreciative wary fearful doubtful adamant unhappy angry furious""".split()
)
CALL_FORMS = _verb_forms("call") - _verb_forms("")
LIGHT_VERBS = _verb_forms("make issue express voice repeat reiterate offer raise share float renew give deliver")
LIGHT_VERBS = LIGHT_VERBS - _verb_forms("") | {"made", "gave", "given"}
STANCE_WORDS = OBJECT_VERBS | frozenset(PREP_CUES) | NOUN_CUES | ADJ_CUES  # (for a cue-only parse)
ADDRESSEE_VERBS = (_verb_forms("tell ask warn inform remind assure urge") - _verb_forms("")) | {"told"}
SAY_FORMS = frozenset("say says said saying".split())
_PRO_OBJECTS = frozenset("it this that so something anything nothing what which much more".split())
PERSON_PRONOUNS = frozenset("he she him her".split())
ROLE_NOUNS = frozenset(
    """
    leader president secretary minister official spokesman spokeswoman spokesperson chief
    diplomat envoy executive senator candidate governor chairman chairwoman director premier
    chancellor prime ambassador general commander mayor congressman congresswoman nominee
    representative lawmaker founder ceo king queen pope head adviser advisor aide""".split()
)
OTHER_SPEAKERS = frozenset(
    """
    people officials experts analysts sources critics residents voters reporters protesters
    supporters police authorities government administration campaign statement ministry
    department agency judge lawyer attorney host reporter writer author company court committee
    party team office""".split()
)
MEDIA_WORDS = frozenset(
    """
    television tv radio newspaper paper agency network channel magazine broadcaster news daily
    times post journal station outlet website blog wire""".split()
)
# cue keys 'verb form|construction|tense' learned on PolNeAR train (benchmarks/quotes_polnear.py --learn-cues)
_CUES_PATH = Path(__file__).with_name("quote_cues.json")
LEARNED_CUES = frozenset(json.loads(_CUES_PATH.read_text())["cues"]) if _CUES_PATH.exists() else frozenset()
HONORIFICS = frozenset("the mr mr. mrs mrs. ms ms. dr dr. sen. rep. gov. gen. president".split())


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


class _Ctx:
    """Per-document look-ups: paragraphs, sentences, entities, quote mask, PERSON mentions."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.text = doc, doc.text
        self.paras = _paragraphs(self.text)
        self.para_starts = [s for s, _e in self.paras]
        self.sents = [(s.start, s.end) for s in doc.sents]
        self.sent_of = [k for k, (s, e) in enumerate(self.sents) for _ in range(s, e)]
        self.ent_of = [-1] * len(doc)
        for k, e in enumerate(doc.ents):
            self.ent_of[e.start : e.end] = [k] * len(e)
        self.quoted = [False] * len(doc)
        self.tok_starts = [t.idx for t in doc]
        self.tok_ends = [t.idx + len(t) for t in doc]
        # (start, end, clean name, rank: 2 speaker, 1 subject, 0 other); an ORG-tagged surname of
        # a PERSON ("Lavrov") counts as a person too
        surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON"}
        self.persons: list[tuple[int, int, str, int]] = []
        for e in doc.ents:
            name = _clean_name(e.text)
            if name and (e.label_ == "PERSON" or (len(e) == 1 and e.text in surnames)):
                subj = e.root.dep_ in ("nsubj", "nsubjpass")
                rank = 2 if subj and _is_cue(e.root.head) else int(subj)
                self.persons.append((e.start, e.end, name, rank))

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping characters start:end (from the next token when start is a space)."""
        a = bisect.bisect_right(self.tok_ends, start)
        return a, max(a, bisect.bisect_left(self.tok_starts, end))

    def label(self, tok: Token) -> str:
        k = self.ent_of[tok.i]
        return self.doc.ents[k].label_ if k >= 0 else ""

    def subject(self, v: Token, fallback: bool = True) -> Token | None:
        """The subject of a cue inside the cue's paragraph (headlines confuse the parser), else
        the leftmost nominal between the quote or paragraph start and the cue."""
        subj, k = _subject(v, self.quoted), self.para_of(v.idx)
        if subj is not None and self.para_of(subj.idx) == k and not self.quoted[subj.i]:
            return subj
        if not fallback:  # only a name or pronoun right before the verb: "Rex Tillerson says"
            i = v.i - 1 - (v.i > 1 and self.doc[v.i - 1].dep_ in ("advmod", "aux", "neg"))
            t = self.doc[i] if i >= 0 else None
            ok = t is not None and t.pos_ in ("PROPN", "PRON") and self.para_of(t.idx) == k
            return t if ok else None
        found: Token | None = None
        for t in reversed(self.doc[max(0, v.i - 15) : v.i]):
            if self.quoted[t.i] or self.para_of(t.idx) != k or t.is_punct and t.text not in ",()":
                break
            if t.pos_ in ("PROPN", "PRON", "NOUN"):
                found = t
        while found is not None and found.dep_ in ("compound", "nmod", "flat"):
            if not found.i < found.head.i < v.i:
                break
            found = found.head
        return found

    def expand(self, name: str, before: int) -> str:
        """A surname-only mention -> the longest PERSON mention ending with it, earlier first."""
        words = name.split()
        best, key = name, (False, len(words))
        for s, _e, full, _r in self.persons:
            fw = full.split()
            if len(fw) > len(words) and fw[-len(words) :] == words and (s < before, len(fw)) > key:
                best, key = full, (s < before, len(fw))
        return best

    def recent_person(self, before: int, title: str | None = None) -> str | None:
        """Antecedent of a pronoun or nominal: a PERSON introduced with that title, a recent
        speaker, a recent subject, else the last PERSON mentioned (outside quotes)."""
        cands = [p for p in self.persons if p[1] <= before and not self.quoted[p[0]]]
        if not cands:
            return None
        for s, _e, name, _r in reversed(cands if title else []):
            if title in {t.lower_ for t in self.doc[max(0, s - 6) : s]}:
                return self.expand(name, s)
        k = self.sent_of[min(before, len(self.doc) - 1)]
        for back, rank in ((2, 2), (3, 1)):
            lo = self.sents[max(0, k - back)][0]
            for s, _e, name, r in reversed(cands):
                if s < lo:
                    break
                if r >= rank:
                    return self.expand(name, s)
        return self.expand(cands[-1][2], cands[-1][0])


def _paragraphs(text: str) -> list[tuple[int, int]]:
    cuts = [0, *(x for m in _PARA_BREAK.finditer(text) for x in m.span()), len(text)]
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if b > a] or [(0, len(text))]


def _clean_name(s: str) -> str:
    words = re.sub(r"[’']s?$", "", s.strip()).strip(' ,;:-"“”').split()
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
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
                s, e = _trim(text, opener[0] + len(opener[1]), p)
                if s < e:
                    raw = pending or _Raw([], (opener[0], 0), k)
                    raw.parts.append((s, e))
                    raw.outer, raw.para = (raw.outer[0], m.end()), k
                    out.append(raw)
                pending, opener = None, None
            carried = None
        if opener is not None:  # left open at the paragraph end
            s, e = _trim(text, opener[0] + len(opener[1]), hi)
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
                s, e = _trim(text, opener + 1, p)
                if s < e and p - opener < 600:
                    out.append(_Raw([(s, e)], (opener, p + 1), k, single=True))
                opener = None
    return out


def _is_cue(t: Token) -> bool:
    if not t.tag_.startswith("VB"):
        return False
    if t.lower_ in ("went", "goes", "go", "going"):  # '"...," Trump went on'
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in t.children)
    return t.lower_ in SPEECH_VERBS


def _according(t: Token) -> Token | None:
    """X in 'according to X', or None."""
    if t.lower_ != "according":
        return None
    return next((g for c in t.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)


def _subject(tok: Token, quoted: list[bool]) -> Token | None:
    """The speaker of a cue verb, climbing through participles and conjuncts ("adding ...")."""
    t = tok
    for _ in range(4):
        if t.lower_.startswith("quot") and t.tag_.startswith("VB"):  # quoted Putin as saying
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            return obj or next((c for c in t.children if c.dep_ == "nsubjpass"), None)
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and not quoted[c.i]]
        if subs:
            c = min(subs, key=lambda c: abs(c.i - t.i))  # "Gov. Kasich, ..., said", not "OH"
            return c  # (a relative "who" is resolved to its antecedent by _speaker)
        if t.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep", "acl") or t.head is t:
            return None
        t = t.head
    return None


def _animate(ctx: _Ctx, tok: Token) -> bool:
    """Can this mention be a speaker? Names, personal pronouns, people and institutions."""
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in ("he", "she", "i", "we", "they", "you", "who")
    if tok.pos_ == "PROPN" or ctx.label(tok) in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return low in ROLE_NOUNS or low in OTHER_SPEAKERS or low.rstrip("s") in ROLE_NOUNS


def _np(ctx: _Ctx, tok: Token) -> tuple[int, int]:
    """Token bounds of the mention headed by ``tok``: a name, a pronoun, or a short nominal."""
    if tok.pos_ == "PRON":
        return tok.i, tok.i + 1
    k = ctx.ent_of[tok.i]
    if k >= 0 and (tok.pos_ == "PROPN" or ctx.label(tok) == "PERSON"):
        e = ctx.doc.ents[k]
        s = e.start + (ctx.doc[e.start].lower_ == "the" and len(e) > 1)
        return s, e.end - (ctx.doc[e.end - 1].tag_ == "POS" and e.end - 1 > s)
    s, propn = tok.i, tok.pos_ == "PROPN"
    mods = ("compound", "flat") if propn else ("det", "amod", "compound", "nmod", "poss", "nummod")
    for c in reversed(list(tok.lefts)):
        if c.dep_ not in mods or c.i != s - 1 or (propn and c.pos_ != "PROPN"):
            break
        s = c.left_edge.i if c.dep_ == "poss" else c.i
    end = tok.i + 1
    for c in tok.rights:  # "the secretary of state"
        if c.dep_ == "prep" and c.lower_ == "of" and c.right_edge.i - tok.i <= 6:
            end = c.right_edge.i + 1
    return s, end


def _channel_name(ctx: _Ctx, tok: Token | None) -> str | None:
    """The medium named by ``tok`` (an ORG or a media noun: 'Tass', 'Mir television'), if any."""
    if tok is None or tok.pos_ == "PRON" or ctx.label(tok) == "PERSON":
        return None
    orgs = [c for c in tok.subtree if c.i <= tok.i and ctx.label(c) == "ORG"]
    if orgs:  # "the Interfax news agency" -> "Interfax"
        return _clean_name(ctx.doc.ents[ctx.ent_of[orgs[0].i]].text)
    if MEDIA_WORDS.isdisjoint(c.lower_ for c in (tok, *tok.lefts)):
        return None
    return _clean_name(ctx.doc[slice(*_np(ctx, tok))].text)


def _channel(ctx: _Ctx, cue: Token, subj: Token | None) -> str | None:
    """Who carried it: 'told Mir television', 'according to Tass', 'Interfax quoted', 'NPR's X'."""
    lo, hi = ctx.sents[ctx.sent_of[cue.i]]
    cands: list[Token | None] = []
    for t in ctx.doc[lo:hi]:
        if ctx.quoted[t.i]:
            continue
        if (obj := _according(t)) is not None and obj is not subj:
            cands.append(obj)
        if t.lower_.startswith("quot") and t.tag_.startswith("VB"):
            cands += [c for c in t.children if c.dep_ == "nsubj"]
            cands += [g for c in t.children if c.dep_ == "agent" for g in c.children]
    if cue.lower_ in ("tell", "tells", "told", "telling"):
        cands += [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    for c in cue.children:  # "said in an interview with CNN", "reports for NPR"
        if c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "in", "with"):
            preps = ("to", "for", "on", "with")
            cands += [g for g in c.subtree if g.dep_ == "pobj" and g.head.lower_ in preps]
    if subj is not None:
        cands += [c for c in subj.lefts if c.dep_ == "poss"]
    return next((n for n in (_channel_name(ctx, t) for t in cands) if n), None)


def _speaker(ctx: _Ctx, subj: Token | None) -> tuple[Span | None, str | None]:
    """The speaker mention and the resolved name (pronouns and role nominals -> a PERSON)."""
    if subj is None:
        return None, None
    s, e = _np(ctx, subj)
    span = ctx.doc[s:e]
    sp, low = Span(span.start_char, span.end_char, span.text), subj.lower_
    if low in PERSON_PRONOUNS:
        return sp, ctx.recent_person(s)
    if low in ("who", "that", "which") and subj.head.dep_ == "relcl" and subj.head.head is not subj:
        return sp, _speaker(ctx, subj.head.head)[1]  # the mention is "who", the name its antecedent's
    if subj.pos_ == "PRON" or low in ("who", "that", "which"):
        return sp, None
    if subj.pos_ == "PROPN" or ctx.label(subj) == "PERSON":
        name = _clean_name(span.text)
        return sp, (ctx.expand(name, s) if name else None)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in subj.lefts)
    return sp, (ctx.recent_person(s, title=low) if low in ROLE_NOUNS and definite else None)


def _attribute(ctx: _Ctx, raw: _Raw, gap: tuple[int, int] | None) -> _Attr:
    """The cue of a direct quote: in the gap of a split quote, up the parse from the quote, right
    after or before it, or in a colon lead-in (also ending the previous paragraph)."""
    doc, quoted = ctx.doc, ctx.quoted
    lo_char, hi_char = ctx.paras[ctx.para_of(raw.outer[0])][0], ctx.paras[raw.para][1]

    def ok(v: Token) -> bool:
        cue = _is_cue(v) or _according(v) is not None
        return cue and lo_char <= v.idx < hi_char and not quoted[v.i]

    def done(v: Token) -> _Attr:
        obj = _according(v)
        return _Attr(v, v.i + 2, obj) if obj is not None else _Attr(v, v.i + 1, ctx.subject(v))

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
            if c.i not in inside and ok(c) and _is_cue(c):
                return done(c)
    a = ctx.tokens(raw.outer[1], raw.outer[1] + 1)[0]
    if raw.outer[1] < len(ctx.text) and a < len(doc):  # '"...?" he asked.'
        ends = doc.text[raw.parts[-1][1] - 1] in ".?!"
        window = []
        for t in doc[a : min(ctx.sents[ctx.sent_of[a]][1], a + (6 if ends else 12))]:
            if quoted[t.i] or t.idx >= hi_char:
                break
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


def _colon_lead(ctx: _Ctx, raw: _Raw) -> _Attr | None:
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
        ok = subj is not None and (_is_cue(v) or _animate(ctx, subj))
        return _Attr(v, v.i + 1, subj) if ok else None
    if prev.pos_ in ("PROPN", "NOUN") and _animate(ctx, prev) and prev.i - v.i < 6:
        return _Attr(None, 0, prev)
    return None


def _split_gap(ctx: _Ctx, a: _Raw, b: _Raw) -> tuple[int, int] | None:
    """Token range of the interrupting text if quotes ``a`` and ``b`` are one quote split around
    its cue: '"X," Tillerson said as ..., "Y"' or '"X?" he asked. "Y?"'."""
    if a.para != b.para or a.single or b.single:
        return None
    gap = ctx.text[a.outer[1] : b.outer[0]].strip()
    lead = ctx.text[ctx.paras[a.para][0] : a.outer[0]].rstrip()
    if not gap or gap[-1] not in ",:." or len(gap) > 200 or lead and lead[-1] not in '.?!:"”’»':
        return None  # (a first quote embedded in narrative is no split quote)
    s, e = ctx.tokens(a.outer[1], b.outer[0])
    if not any(_is_cue(t) or _according(t) is not None for t in ctx.doc[s:e]):
        return None
    if e - s > 8 and ctx.text[a.parts[-1][1]] not in ",-—–":
        return None  # a long gap only after a first part ending with a comma or dash
    s2 = ctx.tokens(b.outer[1], b.outer[1] + 1)[0]  # b must not have its own cue
    own = any(_is_cue(t) and t.idx < ctx.paras[b.para][1] for t in ctx.doc[s2 : s2 + 4])
    return None if own and ctx.text[b.outer[1] : b.outer[1] + 2].strip()[:1] != "." else (s, e)


def _keep(ctx: _Ctx, raw: _Raw, attr: _Attr) -> bool:
    """Scare quotes of 1-3 words and single-quoted text need a cue with a speaker; titles go."""
    words = sum(len(_WORD.findall(ctx.text[s:e])) for s, e in raw.parts)
    if words == 0 or words <= 7 and _TITLE.fullmatch(ctx.text[raw.parts[0][0] : raw.parts[-1][1]]):
        return False  # a show, book or slogan title: "Good Morning America"
    subj = attr.subject
    speaker = attr.cue is not None and subj is not None and _animate(ctx, subj)
    if raw.single:
        return speaker and words >= 2 or (words >= 4 and ctx.text[raw.parts[-1][1] - 1] in ".?!")
    return words > 3 or speaker


def _direct(ctx: _Ctx) -> list[Quote]:
    doc, text = ctx.doc, ctx.text
    raws = _pair_double(text, ctx.paras)
    raws = sorted(raws + _pair_single(text, ctx.paras, raws), key=lambda r: r.outer[0])
    for r in raws:
        a, b = ctx.tokens(*r.outer)
        ctx.quoted[a:b] = [True] * (b - a)
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
    for raw, gap in merged:
        attr = _attribute(ctx, raw, gap)
        if not _keep(ctx, raw, attr):
            continue
        parts = tuple(Span(s, e, text[s:e]) for s, e in raw.parts)
        split = parts if len(parts) > 1 else ()
        content = Span(parts[0].start, parts[-1].end, text[parts[0].start : parts[-1].end])
        if attr.subject is None and attr.cue is None:
            # no cue: it goes on from the previous quote of this or the previous paragraph (a quote
            # of several sentences or paragraphs is one quote: its parts join the previous quote)
            para_start = not text[ctx.paras[raw.para][0] : raw.outer[0]].strip()
            if last and (last[0] == raw.para or (last[0] == raw.para - 1 and para_start)):
                q = last[1]
                parts = (*(q.parts or (q.content,)), *parts)
                whole = Span(parts[0].start, parts[-1].end, text[parts[0].start : parts[-1].end])
                q = Quote(whole, q.speaker, q.speaker_name, q.cue, q.channel, True, parts)
                out[-1], last = q, (raw.para, q)
            else:
                out.append(Quote(content, parts=split))
                last = None
            continue
        speaker, name = _speaker(ctx, attr.subject)
        cue_span, channel = None, None
        if attr.cue is not None:
            cue = doc[attr.cue.i : attr.cue_end]
            cue_span = Span(cue.start_char, cue.end_char, cue.text)
            channel = _channel(ctx, attr.cue, attr.subject)
        out.append(Quote(content, speaker, name, cue_span, channel, True, split))
        last = (raw.para, out[-1])
    return out


def _complement(ctx: _Ctx, v: Token) -> list[tuple[int, int]] | None:
    """Token ranges of what a verb reports, inside the verb's paragraph: its clausal complement
    ('said [that] X', 'X, he said'), the clause it interrupts ('X, he added, Y': two ranges), a
    long object of 'say' (often a misparsed clause) or of a finding ('polls show X'), or an
    infinitive ('urged X to Y')."""
    p_lo, p_hi = ctx.paras[ctx.para_of(v.idx)]
    doc = v.doc

    def inside(lo: int, hi: int) -> bool:
        lo, hi = _trim_tokens(doc, lo, hi)  # (the parse hangs a paragraph break on the last word)
        return lo < hi and p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi

    low = v.lower_
    for c in v.children:
        if c.dep_ != "ccomp" or ctx.quoted[c.left_edge.i] or c.left_edge.i <= v.i <= c.right_edge.i:
            continue
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        if c.i < v.i:  # a complement before its verb must end with a comma: "X is bad, he said"
            if "," not in {t.text for t in doc[hi : v.i]}:
                continue
        elif low not in ADDRESSEE_VERBS:  # "said [his plan]dobj [is bad]ccomp": a misparse
            objs = [o for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
            lo = objs[0].left_edge.i if objs else lo
            # and a second clause hung on the verb right after ('said that [samples taken from
            # victims] [confirmed sarin was used]': one clause the parser split)
            hi = _siblings(v, _conj_clause(v, hi), ("ccomp",), ())
        if inside(lo, hi):
            return [(lo, hi)]
    h = v.head
    if v.dep_ == "parataxis" and h is not v and h.pos_ in ("VERB", "AUX") and not ctx.quoted[h.i]:
        lo, hi, a, b = h.left_edge.i, h.right_edge.i + 1, v.left_edge.i, v.right_edge.i + 1
        parts = [(x, y) for x, y in ((lo, a), (b, hi)) if y - x > 1]
        if parts and inside(parts[0][0], parts[-1][1]):
            return parts
    if low in SAY_FORMS or low in EVIDENCE_VERBS and low not in ("find", "finding", "told"):  # "polls show [a lead]"
        # (not "to find a way", "finding jobs": to come upon; nor "told [a crowd in Ohio]": the addressee)
        objs = [o for o in v.children if o.dep_ == "dobj" and o.i > v.i and o.lower_ not in _PRO_OBJECTS]
        if objs and objs[0].right_edge.i - objs[0].left_edge.i >= 3:
            lo, hi = objs[0].left_edge.i, objs[-1].right_edge.i + 1
            if inside(lo, hi):
                return [(lo, hi)]
    for c in v.children:  # "vowed to ...", "urged X to ...", "claimed to have ..."
        if c.dep_ == "xcomp" and c.i > v.i and not ctx.quoted[c.i]:
            objs = [o for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
            lo = (objs[0] if objs else c).left_edge.i
            if inside(lo, c.right_edge.i + 1):
                return [(lo, c.right_edge.i + 1)]
    return None


_REASON_MARKS = frozenset("if unless because since although though while whereas so until".split())
_CONJ_WORDS = frozenset(", and but or yet so while whereas".split())


def _conj_clause(v: Token, hi: int) -> int:
    """Extend a complement ending at token ``hi`` over a clause the parser hung on the cue verb
    ('said [that X, but Y]'): a conjunct with a subject of its own that is no cue itself."""
    doc, i = v.doc, hi
    while i < len(doc) and doc[i].head.i == v.i and doc[i].dep_ in ("cc", "punct") and doc[i].lower_ in _CONJ_WORDS:
        i += 1
    for c in v.rights:
        if c.dep_ == "conj" and c.left_edge.i == i and i > hi and not _is_cue(c):
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


def _speaker_ok(ctx: _Ctx, v: Token, subj: Token) -> bool:
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


def _stance(ctx: _Ctx, v: Token) -> tuple[list[tuple[int, int]], Token | None, int] | None:
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
        hi = _siblings(v, hi, ("oprd", "xcomp", "ccomp", "advcl"), ("for", "of", "as", "over", "on", "about"))
        return [(lo, hi)], ctx.subject(v, fallback=False), v.i + 1
    if act and low in CALL_FORMS:  # a naming act: 'called [Clinton's use of email "extremely careless"]'
        objs = [c for c in v.rights if c.dep_ == "dobj" and not ctx.quoted[c.i]]
        named = [c for c in v.rights if c.dep_ in ("oprd", "ccomp", "xcomp") and objs and c.i > objs[0].i]
        if named:
            lo, hi = objs[0].left_edge.i, named[0].right_edge.i + 1
            return [(lo, _siblings(v, hi, ("advcl",), ("for",)))], ctx.subject(v, fallback=False), v.i + 1
    if act and low in PREP_CUES:
        for p in v.rights:
            if p.dep_ == "prep" and p.lower_ in PREP_CUES[low] and p.right_edge.i > p.i and not ctx.quoted[p.i + 1]:
                hi = _siblings(v, p.right_edge.i + 1, ("xcomp", "advcl", "ccomp"), ())
                end = p.i + 1 if p.i - v.i <= 2 else v.i + 1
                return [(p.i + 1, hi)], ctx.subject(v, fallback=False), end
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


def _finite_or_to(c: Token) -> bool:
    """A that/whether-clause or a to-infinitive: 'the claim [that X]', 'a plan [to Y]'."""
    return any(g.dep_ in ("mark", "aux") and g.lower_ in ("that", "whether", "if", "to") for g in c.lefts)


def _holder(ctx: _Ctx, noun: Token) -> Token | None:
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


def _reported(ctx: _Ctx, direct: list[Quote]) -> list[Quote]:
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
        obj = _according(v) if verb else None
        unnamed = False  # an attribution without a holder: 'X is expected to win'
        if verb and v.lower_ in CLAUSE_VERBS and (ranges := _complement(ctx, v)):
            subj, cue_end = ctx.subject(v, fallback=False), v.i + 1
            if subj is None and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                subj = v.head  # "a statement saying ...", "911 calls saying ..."
            if any(c.dep_ == "auxpass" for c in v.children):  # the passive subject says nothing
                ranges, subj = _passive(v, ranges)
                unnamed = subj is None
        elif obj is not None and v.head is not v:
            sent = ctx.sents[ctx.sent_of[v.i]]
            if _is_cue(v.head):
                continue  # "X said, according to Tass": a channel, not a cue
            a, b = v.left_edge.i, v.right_edge.i + 1  # the sentence around "according to X"
            ranges, subj, cue_end = [(sent[0], a), (b, sent[1])], obj, v.i + 2
        elif (stance := _stance(ctx, v)) is not None:
            ranges, subj, cue_end = stance
        else:
            continue
        ranges = [r for r in (_trim_tokens(doc, lo, hi) for lo, hi in ranges) if r[1] > r[0]]
        if not ranges or sum(hi - lo for lo, hi in ranges) < 3:
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
        speaker, name = _speaker(ctx, subj)
        channel = _channel(ctx, v, subj) if obj is None else None
        if obj is not None and ctx.label(obj) in ("ORG", "GPE", "NORP"):
            name = name or _clean_name(doc[slice(*_np(ctx, obj))].text)
        cue = doc[v.i : cue_end]
        cue_span = Span(cue.start_char, cue.end_char, cue.text)
        out.append(Quote(Span(s, e, text[s:e]), speaker, name, cue_span, channel, direct=False, parts=parts))
    return out


def _headline_colon(ctx: _Ctx, direct: list[Quote]) -> list[Quote]:
    """Headline style 'Lynch: No outside influence on FBI probe': a short line that opens with a
    name and a colon attributes the rest of the line to that name."""
    doc, text, out = ctx.doc, ctx.text, []
    for lo, hi in ctx.paras:
        m = _HEAD_COLON.match(text, lo, hi)
        if not m or hi - lo > 300 or any(lo <= q.content.start < hi for q in direct):
            continue
        a, b = ctx.tokens(lo, m.end(1))
        toks = doc[a:b]
        if not toks or not all(t.pos_ == "PROPN" for t in toks):
            continue
        if not any(ctx.label(t) in ("PERSON", "ORG", "NORP") for t in toks):
            continue
        s, e = _trim(text, m.end(), hi)
        if len(_WORD.findall(text[s:e])) < 3:
            continue
        speaker, name = _speaker(ctx, toks.root)
        colon = Span(m.end(1), m.end(1) + 1, ":")
        out.append(Quote(Span(s, e, text[s:e]), speaker, name, colon, direct=False))
    return out


def _carried(reported: Quote, q: Quote) -> bool:
    """A partial quote inside a reported clause of the same cue ('Lavrov said the talks were
    "productive"') is part of that one attribution, not a quote of its own (as PolNeAR and the
    Gender Gap Tracker annotate mixed quotes); the reported quote keeps the marks and exact words."""
    c, r = q.content, reported.content
    inside = r.start <= c.start and c.end <= r.end + 2  # (+ the closing punctuation the marks enclose)
    same = q.cue is None or reported.cue is not None and reported.cue.start == q.cue.start
    return inside and same


def _tense(v: Token) -> str:
    return {"VBD": "past", "VBN": "past", "VBZ": "pres", "VBP": "pres", "VBG": "ger"}.get(v.tag_, "base")


def cue_candidates(
    ctx: _Ctx, found: list[Quote], keys: frozenset[str] | None = None
) -> list[tuple[Token, str, tuple[int, int], Token]]:
    """Verbs the hand rules leave alone, each with what it may attribute and a key
    'form|construction|tense' ('supported|dobj|past', 'voted|prep:for|past'; word forms, since the
    product runs no lemmatizer): the first of its clausal complement, to-infinitive, object (+ the
    reason or label after it) and prepositional object, inside the verb's paragraph and not mostly
    inside a quote already found, with the verb's subject as the speaker. quote_cues.json lists the
    keys that were attributions on PolNeAR train (``benchmarks/quotes_polnear.py --learn-cues``);
    with ``keys``, only candidates with one of them."""
    doc, out = ctx.doc, []
    taken = {i for q in found if q.cue is not None for i in range(*ctx.tokens(q.cue.start, q.cue.end))}
    spans = [(q.content.start, q.content.end) for q in found]
    for v in doc:
        if ctx.quoted[v.i] or v.i in taken:
            continue
        if not v.tag_.startswith("VB") or v.dep_ in ("amod", "aux", "auxpass"):
            continue
        if any(c.dep_ == "auxpass" for c in v.children):
            continue
        p_lo, p_hi = ctx.paras[ctx.para_of(v.idx)]
        for c in v.rights:
            if ctx.quoted[c.i]:
                continue
            if c.dep_ == "ccomp":
                kind, lo, hi = "ccomp", c.left_edge.i, _conj_clause(v, c.right_edge.i + 1)
            elif c.dep_ == "xcomp" and _finite_or_to(c):
                objs = [o for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
                kind, lo, hi = "xcomp", (objs[0] if objs else c).left_edge.i, c.right_edge.i + 1
            elif c.dep_ == "dobj" and c.lower_ not in _PRO_OBJECTS:
                lo = c.left_edge.i
                hi = _siblings(v, c.right_edge.i + 1, ("oprd", "xcomp", "ccomp", "advcl"), ("for", "as", "over"))
                kind = "dobj" if hi - lo >= 3 else "dobj-short"
            elif c.dep_ == "prep" and c.right_edge.i > c.i:
                kind, lo, hi = f"prep:{c.lower_}", c.i + 1, c.right_edge.i + 1
            else:
                continue
            key = f"{v.lower_}|{kind}|{_tense(v)}"
            if keys is not None and key not in keys:
                break
            lo, hi = _trim_tokens(doc, lo, hi)
            if lo >= hi or not (p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi):
                break
            s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
            subj = ctx.subject(v, fallback=False)
            if subj is not None and _speaker_ok(ctx, v, subj):
                if not any(min(e, b) - max(s, a) > 0.5 * (e - s) for a, b in spans):
                    out.append((v, key, (lo, hi), subj))
            break
    return out


def _learned(ctx: _Ctx, found: list[Quote]) -> list[Quote]:
    """Attributions by cues learned on PolNeAR train (quote_cues.json), with a named speaker."""
    doc, text, out = ctx.doc, ctx.text, []
    for v, _key, (lo, hi), subj in cue_candidates(ctx, found, LEARNED_CUES):
        s = doc[lo].idx
        e = _close_mark(text, s, doc[hi - 1].idx + len(doc[hi - 1]))
        speaker, name = _speaker(ctx, subj)
        out.append(Quote(Span(s, e, text[s:e]), speaker, name, Span(v.idx, v.idx + len(v), v.text), None, False))
    return out


def extract_quotes(doc: Doc, learned: bool = True) -> tuple[Quote, ...]:
    """Direct quotes (any quote-mark style, split around the cue, multi-paragraph) and reported
    speech (direct=False), in text order, with cue, speaker, resolved speaker name and channel.
    ``learned=False`` leaves out the cues learned from PolNeAR train (quote_cues.json)."""
    if not doc.text.strip():
        return ()
    ctx = _Ctx(doc)
    direct = _direct(ctx)
    reported = _reported(ctx, direct)
    direct = [q for q in direct if not any(_carried(r, q) for r in reported)]
    found = direct + reported + _headline_colon(ctx, direct)
    if learned:
        found += _learned(ctx, found)
    return tuple(sorted(found, key=lambda q: (q.content.start, not q.direct)))
