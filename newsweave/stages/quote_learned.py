"""Reported speech from the cue constructions learned on PolNeAR train (``quote_cues.json``): every
candidate construction of a verb or noun (``cue_candidates``: a verb form, what it governs, its tense)
is scored by a small logistic model over its features (``candidate_features``), then again by a second
one that also reads the first's decisions around it (``neighbour_features``), and those the two accept
become attributions (``learned_quotes``, ``model_decisions``). The hand rules are in ``quote_reported``."""

from __future__ import annotations

import math
from typing import Any

from spacy.tokens import Token

from newsweave.records import Quote, Span

from .quote_context import (
    ADDRESSEE_VERBS,
    CLAUSE_VERBS,
    LEARNED_CUES,
    LEARNED_MODEL,
    OTHER_SPEAKERS,
    PRO_OBJECTS,
    ROLE_NOUNS,
    Ctx,
    animate,
    resolve_speaker,
)
from .quote_reported import (
    _DOBJ_PREPS,
    _close_mark,
    _conj_clause,
    _finite_or_to,
    _for_to,
    _holder,
    _siblings,
    _speaker_ok,
    _trim_tokens,
)


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
        if v.lower_ in _LIGHT_ACTS:
            # a light verb's act: 'made clear [that X]', 'made it clear [X]', 'took aim [at X]'
            if (act := _light_act(ctx, v)) is not None and (keys is None or act[0] in keys):
                key, lo, hi, holder = act
                lo, hi = _trim_tokens(doc, lo, hi)
                if lo < hi and p_lo <= doc[lo].idx and doc[hi - 1].idx < p_hi and not any(ctx.quoted[lo:hi]):
                    s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                    if not any(min(e, b) - max(s, a) > 0.5 * (e - s) for a, b in spans):
                        out.append((v, key, (lo, hi), holder))
            continue
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
                    out.append((v, key, (lo, hi), _agent(ctx, v)))
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
            elif c.dep_ == "dobj" and v.lower_ in ADDRESSEE_VERBS and (after := _after_addressee(ctx, v, c)):
                kind, lo, hi = after  # 'informed Soros [that X]', 'asked Carson [about Y]'
            elif c.dep_ == "dobj" and c.lower_ not in PRO_OBJECTS:
                lo = c.left_edge.i
                hi = _siblings(v, c.right_edge.i + 1, ("oprd", "xcomp", "ccomp", "advcl"), _DOBJ_PREPS)
                kind = "dobj" if hi - lo >= 3 else "dobj-short"
                if (
                    v.lower_ in ADDRESSEE_VERBS
                    and c.pos_ == "NOUN"
                    and not animate(ctx, c)
                    and c.lower_ not in _AUDIENCE
                ):
                    kind = "thing"  # what is told or asked, no addressee: 'told [a joke]', 'asked [the question]'
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


def _after_addressee(ctx: Ctx, v: Token, obj: Token) -> tuple[str, int, int] | None:
    """What a verb of telling reports after its addressee: a clause ('informed Soros [that X]',
    'asked Rubio [which states he could win]', 'asked her [if she would commit]'), an infinitive with
    the addressee ('urged [the electorate to abandon X]', PolNeAR's span) or, failing these, a
    prepositional object of the verb ('asked Carson [about Y]'; the parser hangs most 'reminded voters
    of Z' on the addressee, a noun candidate already): (kind, content token range), else None (the
    addressee alone is no content)."""
    later = [c for c in v.rights if c.i > obj.i and not ctx.quoted[c.i]]
    for c in later:
        if (
            c.dep_ == "ccomp"
            or c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.lefts)
        ):
            return "addr-clause", c.left_edge.i, _conj_clause(v, c.right_edge.i + 1)
        if c.dep_ == "xcomp" and _finite_or_to(c):
            return "xcomp", obj.left_edge.i, c.right_edge.i + 1
    for c in later:
        if c.dep_ == "prep" and c.lower_ in _ADDRESSEE_PREPS and c.right_edge.i > c.i and not _when(ctx, c):
            return f"addr-prep:{c.lower_}", c.i + 1, c.right_edge.i + 1
    return None


# whom one tells or asks, beyond the people of ``animate`` (PolNeAR train: 'told [a crowd]', 'told a news
# conference', 'told the newspaper' are no content; 'told [a joke]', 'asked [the question]' are)
_AUDIENCE = frozenset(
    """crowd crowds audience audiences rally gathering gatherings listeners viewers readers attendees congregation
    members students journalists interviewer interviewers panel jury court committee lawmakers delegates donors
    fans followers workers employees staff staffers group groups conference briefing hearing meeting interview
    hall show station newspaper paper network magazine""".split()
)


def _when(ctx: Ctx, prep: Token) -> bool:
    """A prepositional phrase of time ('on Monday', 'over the weekend'): no content."""
    return any(ctx.label(g) in ("DATE", "TIME") for g in prep.children if g.dep_ == "pobj")


_ADDRESSEE_PREPS = frozenset("about of on for over against".split())


def _light_act(ctx: Ctx, v: Token) -> tuple[str, int, int, Token | None] | None:
    """A light verb (an act of NOT_SPEECH) with the word that makes it an attribution ('made clear
    [that X]', 'made it clear [X]', 'took aim [at X]', 'cast votes [for X]'): (key
    'verb|act:word-clause|tense' or 'verb|act:word-prep:P|tense', content token range, the verb's
    subject). The word is an adjective or noun the verb governs; the content an adjective's clause
    or prepositional object, or the verb's own after the word (a noun's own is its nominal candidate,
    'took the position [that X]'). Which verb and word make an attribution is learned on train like
    any key, by the model."""
    word = next(
        (c for c in v.rights if c.dep_ in ("dobj", "oprd", "acomp", "ccomp") and c.pos_ in ("ADJ", "NOUN")), None
    )
    if word is None or ctx.quoted[word.i]:
        return None
    holder = ctx.subject(v, fallback=False)
    if holder is None or holder.lower_ == "there" or ctx.quoted[holder.i]:
        return None
    for c in [*(word.rights if word.pos_ == "ADJ" else ()), *(c for c in v.rights if c.i > word.i)]:
        if ctx.quoted[c.i]:
            return None
        if c.dep_ in ("ccomp", "acl", "advcl", "xcomp") and (
            c.dep_ == "ccomp" or _finite_or_to(c) or c.head.i == word.i
        ):
            kind, lo, hi = "clause", c.left_edge.i, c.right_edge.i + 1
        elif c.dep_ == "prep" and c.lower_ in _NOMINAL_PREPS | {"at", "behind"} and c.right_edge.i > c.i:
            kind, lo, hi = f"prep:{c.lower_}", c.i + 1, c.right_edge.i + 1
        else:
            continue
        return f"{v.lower_}|act:{word.lower_}-{kind}|{_tense(v)}", lo, hi, holder
    return None


def _agent(ctx: Ctx, v: Token) -> Token | None:
    """The agent of a passive ('[That effort has been championed] by [Curly Haugland]', '[Trump has been
    rebuked] by [opponents]'): PolNeAR's source of the attribution, else None (no one named)."""
    by = next((c for c in v.rights if c.dep_ == "agent"), None)
    a = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    return a if a is not None and not ctx.quoted[a.i] else None


_NOMINAL_PREPS = frozenset("of for on about against to with over toward towards in".split())


# light verbs whose acts are learned with the word they take ('made clear', 'took issue'): the acts
# of NOT_SPEECH but the copulas and 'do'
_LIGHT_ACTS = frozenset(
    "make makes made making take takes took taken taking have has had having give gives gave given giving "
    "cast casts casting hold holds held holding put puts putting get gets got getting lay lays laid".split()
)
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
        elif holder is None and v.dep_ == "dobj" and v.head.pos_ == "VERB":
            holder, kind = ctx.subject(v.head, fallback=False), "noun-obj"  # 'Sanders took the position [that X]'
        elif holder is None and v.dep_ == "pobj" and v.head.dep_ == "prep" and v.head.head.pos_ == "VERB":
            holder, kind = ctx.subject(v.head.head, fallback=False), "noun-pobj"  # 'X responded with a call [for Y]'
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
    question, a clause verb above it, the cue inside a quote already found, the content's length, its
    first word (or part of speech) and the entity labels inside it."""
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
    if con.startswith(("noun", "adj")) and v.head.i != v.i:  # the word above a noun cue: 'voiced [support]'
        feats.append(f"nhead={v.dep_}:{stem(v.head.lower_)}")
    first = ctx.doc[lo]
    feats.append("first=" + (first.lower_ if first.lower_ in _FIRST_WORDS else first.pos_))
    ent_of, labels = ctx.ent_of, ctx.ent_labels
    feats += sorted({"cent=" + labels[ent_of[i]] for i in range(lo, hi) if ent_of[i] >= 0} & _CONTENT_ENTS)
    return feats


# the content's first word (else its part of speech) and the entity labels inside it: a candidate
# whose content is a date, a number or a sum ('[percent] of', 'raised [$3 million]') is rarely an
# attribution, one naming people and parties more often (two-fold CV inside train, all F1 @0.3 / @0.8:
# 77.25 / 70.17 -> 77.50 / 70.41; another split of the folds 77.19 / 70.07 -> 77.33 / 70.20)
_FIRST_WORDS = frozenset("that to the a his her their".split())
_CONTENT_ENTS = frozenset(
    "cent=" + x for x in ("PERSON", "ORG", "GPE", "DATE", "CARDINAL", "MONEY", "PERCENT", "EVENT", "LAW")
)


def model_accepts(model: dict[str, Any], feats: list[str]) -> bool:
    w = model["weights"]
    return model["bias"] + sum(w.get(f, 0.0) for f in feats) >= model["cut"]


def model_prob(model: dict[str, Any], feats: list[str]) -> float:
    w = model["weights"]
    return 1 / (1 + math.exp(-(model["bias"] + sum(w.get(f, 0.0) for f in feats))))


Where = tuple[int, int, int, int, str]  # a candidate's sentence, cue token, content tokens lo:hi, cue word


def where(ctx: Ctx, v: Token, lo: int, hi: int) -> Where:
    return ctx.sent_of[v.i], v.i, lo, hi, v.lower_


def _bin(p: float) -> str:
    return "0" if p < 0.1 else "1" if p < 0.2 else "2" if p < 0.3 else "3" if p < 0.5 else "4"


NEIGHBOURS = ("smax", "omax", "inside", "holds", "dw")


def neighbour_maxima(at: list[Where], probs: list[float]) -> list[dict[str, float]]:
    """The highest first-pass probability (-1: none) among each candidate's neighbours of each kind of
    NEIGHBOURS: the other candidates of its sentence ('smax'), those whose content overlaps its own ('omax'),
    those whose content holds its cue ('inside': 'said [they believe X]' is one attribution, the outer one)
    or whose cue lies in its content ('holds'), the same cue word elsewhere in the doc ('dw')."""
    out = []
    for s, v, lo, hi, word in at:
        m = dict.fromkeys(NEIGHBOURS, -1.0)
        for k, (s2, v2, lo2, hi2, word2) in enumerate(at):
            if v2 == v:
                continue
            p = probs[k]
            if s2 == s:
                m["smax"] = max(m["smax"], p)
            if min(hi, hi2) > max(lo, lo2):
                m["omax"] = max(m["omax"], p)
            if lo2 <= v < hi2:
                m["inside"] = max(m["inside"], p)
            if lo <= v2 < hi:
                m["holds"] = max(m["holds"], p)
            if word2 == word:
                m["dw"] = max(m["dw"], p)
        out.append(m)
    return out


def neighbour_features(at: list[Where], probs: list[float], kinds: tuple[str, ...] | list[str]) -> list[list[str]]:
    """What the first pass decided around each candidate of a doc, for the second pass: the maxima of
    ``neighbour_maxima`` of the kinds asked, binned, and its own probability ('self', in twentieths)."""
    out = []
    for p, m in zip(probs, neighbour_maxima(at, probs), strict=True):
        f2 = [f"n2:{k}=" + ("none" if m[k] < 0 else _bin(m[k])) for k in m if k in kinds]
        if "self" in kinds:
            f2.append(f"n2:self={min(int(p * 20), 19)}")
        out.append(f2)
    return out


def candidate_quote(ctx: Ctx, v: Token, lo: int, hi: int, subj: Token | None) -> Quote:
    """The attribution a learned candidate gives: content tokens lo:hi (with a closing mark it
    opens), the resolved speaker, the cue word; indirect."""
    doc, text = ctx.doc, ctx.text
    s = doc[lo].idx
    e = _close_mark(text, s, doc[hi - 1].idx + len(doc[hi - 1]))
    speaker, name = resolve_speaker(ctx, subj)
    return Quote(Span(s, e, text[s:e]), speaker, name, Span(v.idx, v.idx + len(v), v.text), None, False)


def scorable(v: Token, key: str) -> bool:
    """A candidate the model scores: not a NOT_SPEECH act, nor the addressee ('told [a crowd in Ohio]')."""
    if key.split("|")[1].startswith("act:"):
        return True
    return v.lower_ not in NOT_SPEECH and not (v.lower_ in ADDRESSEE_VERBS and key.split("|")[1].startswith("dobj"))


def learned_quotes(ctx: Ctx, found: list[Quote]) -> list[Quote]:
    """Attributions by cues learned on PolNeAR train (quote_cues.json): verbs with a named
    speaker, nouns and adjectives with a holder, passives held by no one named; with a learned
    model, every candidate but NOT_SPEECH acts that the model accepts, else those with a kept key."""
    model = LEARNED_MODEL
    cands = cue_candidates(ctx, found, LEARNED_CUES if model is None else None)
    if model is None:
        return [candidate_quote(ctx, v, lo, hi, subj) for v, _key, (lo, hi), subj in cands]
    cands = [c for c in cands if scorable(c[0], c[1])]
    feats = [candidate_features(ctx, v, key, lo, hi, subj, found) for v, key, (lo, hi), subj in cands]
    ok = model_decisions(model, feats, [where(ctx, v, lo, hi) for v, _k, (lo, hi), _s in cands])
    return [candidate_quote(ctx, v, lo, hi, subj) for (v, _k, (lo, hi), subj), y in zip(cands, ok, strict=True) if y]


def model_decisions(model: dict[str, Any], feats: list[list[str]], at: list[Where]) -> list[bool]:
    """The model's decision on each candidate of a doc: its probability against the cut, or, with a
    second pass ('second'), the mean of both passes' probabilities against the second's 'mean_p' (the
    second reads the first's decisions around the candidate, ``neighbour_features``; two-fold CV inside
    train, all F1 @0.3 / @0.8 / speaker 78.47 / 72.07 / 88.66 -> 78.62 / 72.28 / 88.66)."""
    second = model.get("second")
    if second is None:
        return [model_accepts(model, f) for f in feats]
    probs = [model_prob(model, f) for f in feats]
    nb = neighbour_features(at, probs, second["kinds"])
    return [
        (p + model_prob(second, f + n)) / 2 >= second["mean_p"] for f, n, p in zip(feats, nb, probs, strict=True)
    ]
