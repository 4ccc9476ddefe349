"""The cross-article quote ledger: the same statement carried by several articles, its wordings,
word-level diffs and partial quotes. Pure Python over ``Quote`` records (no spaCy)."""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from newsweave.records import Quote, Span
from newsweave.stages.textutil import common_words, singular, stage_data

_WORD = re.compile(r"[\w’']+")
STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from as is are was were be been being it
    its this that these those there here we our us you your i me my he him his she her they them
    their so than then too very can could will would shall should may might must do does did not
    no have has had which who whom what when where why how all any some such about into over
    also just more most only""".split()
)


class _Item(NamedTuple):
    article: str
    outlet: str | None
    quote: Quote
    text: str  # the joined parts, without the interrupting cue
    words: list[str]
    content: frozenset[str]  # content words
    speaker: str | None  # canonical, lower-cased
    inner: tuple[frozenset[str], ...]  # content words of the phrases reported speech quotes (``_inner_quotes``)


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


_COMPOUND = re.compile(r"[\w’']+(?:-[\w’']+)+")


def _content(text: str) -> frozenset[str]:
    """The content words of a wording, a hyphenated compound one word: "a 13-year-old" and "his 13-year-old son"
    share one word, not three ("13", "year", "old"), so that a speaker's two statements about a boy are two."""
    text = text.lower().replace("’", "'")
    compounds = [m.group() for m in _COMPOUND.finditer(text)]
    rest = _COMPOUND.sub(" ", text)
    return frozenset(w for w in [*compounds, *_WORD.findall(rest)] if w not in STOPWORDS)


def _same_speaker(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    n = min(len(a.split()), len(b.split()))
    return a.split()[-n:] == b.split()[-n:]  # "tillerson" ~ "rex tillerson"


class _Frequency(NamedTuple):
    """In how many of the story's ``n`` articles each content word occurs."""

    df: dict[str, int]
    n: int


def _same_statement(a: _Item, b: _Item, freq: _Frequency | None = None) -> bool:
    """Content-word containment >= 0.6 (at least 3 words) at comparable lengths, or a close word
    sequence. With the story's word frequencies the containment must also hold with words weighted by
    their rarity in the story's other articles (``_weighted``), so two statements of a piracy story
    alike only on its own words ("INS Tabar", "pirate", "vessel", "attack") are two. Two wordings that
    both state figures and share none are two statements ("the death toll has risen to 151" / "rose to 156")."""
    if not a.content or not b.content:
        return a.words == b.words
    if _figures_differ(a, b):
        return False
    small, big = sorted((len(a.content), len(b.content)))
    both = a.content & b.content
    shared = len(both)
    if small >= 0.4 * big and _contained(both, small, a, b, freq):
        return True
    if shared < 0.3 * small:
        return False  # (saves the sequence match)
    return _ratio(a, b) >= 0.6


WEIGHTED_MIN = 0.55  # ... and the shared words' weight at least this share of the lighter wording's


def _figures_differ(a: _Item, b: _Item) -> bool:
    """Both wordings state figures and share none ("risen to 151" / "rose to 156")."""
    fa, fb = _figures(a.text), _figures(b.text)
    return bool(fa and fb and not fa & fb)


def _contained(both: frozenset[str], small: int, a: _Item, b: _Item, freq: _Frequency | None) -> bool:
    """The shared content words ``both`` are at least 3 and 0.6 of the shorter wording's ``small``, also weighted
    by their rarity in the story (``_weighted``)."""
    return len(both) >= max(3, 0.6 * small) and _weighted(both, a, b, freq) >= WEIGHTED_MIN


def _weighted(both: frozenset[str], a: _Item, b: _Item, freq: _Frequency | None) -> float:
    """The shared words' weight over the lighter wording's, a word weighing ``1 + log((m + 1) / (k +
    1))`` for the ``k`` of the story's ``m`` other articles (not the two wordings' own) that use it: the
    story's own words weigh about 1, a word no other article uses 1 + log(m + 1). Without other
    articles every word weighs 1 (plain containment)."""
    if freq is None:
        return 1.0
    own = {a.article, b.article}
    m = freq.n - len(own)

    def weight(words: frozenset[str], k_own: int) -> float:
        return sum(1.0 + math.log((m + 1) / (max(freq.df.get(x, 0) - k_own, 0) + 1)) for x in words)

    shared = weight(both, len(own))
    return shared / max(min(shared + weight(x.content - both, 1) for x in (a, b)), 1e-9)


def _ratio(a: _Item, b: _Item) -> float:
    return _sequence_ratio(a.words, b.words)


def _sequence_ratio(a: list[str], b: list[str]) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


NEAR_RATIO = 0.75  # a wording of an unknown speaker joins another speaker's entry at this word-sequence ratio


def _near_identical(a: _Item, b: _Item) -> bool:
    """Nearly the same words: the test for joining wordings whose speakers are not both known
    (an unnamed wording shares words with a named one about as often by topic as by copy: "BBC
    recommends [...]" / "Microsoft's Dustin Childs advised users to set ...")."""
    small, big = sorted((len(a.content), len(b.content)))
    if small and len(a.content & b.content) >= 0.8 * small and small >= 0.6 * big:
        return True
    return _ratio(a, b) >= NEAR_RATIO


_NUMBER = re.compile(r"\d+(?:(?:,\s?|\.)\d{3})*(?:\.\d+)?")
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORD = re.compile(
    rf"(?i)\b(?:({'|'.join(_TENS)})(?:[-\s]({'|'.join(_UNITS)}))?|({'|'.join(_TEENS)})|({'|'.join(_UNITS[1:])}))\b"
)


@lru_cache(maxsize=4096)  # a story's ledger compares each wording with many others
def _figures(text: str) -> frozenset[float]:
    """The numbers a wording states ("151", "20, 000" as tokenised, "three", "Sixty-five"; not "one",
    which is as often a pronoun)."""
    nums = {float(re.sub(r"[,\s]", "", m.group())) for m in _NUMBER.finditer(text)}
    for m in _NUMBER_WORD.finditer(text):
        tens, unit, teen, small = (g.lower() if g else None for g in m.groups())
        if tens:
            nums.add(10.0 * (_TENS.index(tens) + 2) + (_UNITS.index(unit) + 1 if unit else 0))
        else:
            nums.add(float(_TEENS.index(teen) + 10) if teen else float(_UNITS.index(small or "") + 1))
    return frozenset(nums)


FRAGMENT_WHOLE_MAX = 100  # words: a longer "quote" is a span run over the article's text, no whole to link a part to


def _fragment_of(short: _Item, long: _Item) -> bool:
    """A partial quote: its content words inside the longer quote, mostly as one run. A "quote" of
    more than ``FRAGMENT_WHOLE_MAX`` words is no whole: in the stream such spans ran from one quote
    mark over paragraphs of the writer's text and other speakers' quotes (164 words from "A man
    suspected of shooting three people ..." held 10 police statements as its "parts"). A single
    content word ("television") is no partial quote, unless the part is a run of three or more of the
    whole's words as they stand: a heading that quotes a line ("- 'Where is the proof?' -") above
    "Where is the proof that Syrian troops used chemical weapons? ...," Putin told Mir television."""
    if len(short.words) >= len(long.words) or len(long.words) > FRAGMENT_WHOLE_MAX:
        return False
    if len(short.content) < 2:
        n = len(short.words)
        return bool(short.content) and n >= 3 and any(
            long.words[i : i + n] == short.words for i in range(len(long.words) - n + 1)
        )
    if len(short.content & long.content) < 0.8 * len(short.content):
        return False
    n, sm = len(short.words), difflib.SequenceMatcher(None, short.words, long.words, autojunk=False)
    return sm.find_longest_match(0, n, 0, len(long.words)).size >= 0.6 * n


_OPENING_MARKS = ("“", "‘", "«", "„", "``")


def _diff_tokens(text: str) -> list[str]:
    """The words of a wording for the diff, a lone mark kept with its word (an opening mark with the word after it,
    a closing one with the word before), so that a quote mark one outlet spaces apart ('the " beta" release' / 'the
    "beta" release') shows as no change."""
    out: list[str] = []
    pending, straight = "", 0
    for w in text.split():
        if re.search(r"\w", w) is None:
            opening = w.startswith(_OPENING_MARKS) or (w.startswith('"') and straight % 2 == 0)
            straight += w.count('"')
            if opening or not out:
                pending = f"{pending}{w} "
            else:
                out[-1] = f"{out[-1]} {w}"
            continue
        straight += w.count('"')
        out.append(pending + w)
        pending = ""
    if pending:
        out.append(pending.strip())
    return out


def _diff(a: str, b: str) -> list[list[str]]:
    """Word-level diff of two wordings as [op, text], op in '=', '-', '+' (case and punctuation
    are ignored when aligning)."""
    wa, wb = _diff_tokens(a), _diff_tokens(b)
    ka, kb = ([re.sub(r"\W", "", w.lower()) for w in ws] for ws in (wa, wb))
    out: list[list[str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(["=", " ".join(wa[i1:i2])])
        if op in ("replace", "delete"):
            out.append(["-", " ".join(wa[i1:i2])])
        if op in ("replace", "insert"):
            out.append(["+", " ".join(wb[j1:j2])])
    return out


_RESUMES = re.compile(r"[,:.;?!]\s*[\"“”„«»‘’'`]*\s*$")


def _join_parts(text: str, parts: tuple[Span, ...]) -> str:
    """The fragments of a split quote as one wording, keeping the punctuation that closed each
    fragment before its quote mark ("... our two countries," -> "... our two countries."). A
    fragment that does not resume the quote after its cue (no comma, colon or full stop before its quote mark:
    '"Your visit is very timely," Lavrov said, adding it offers a chance for cooperation "above all
    on ..."') continues the writer's own sentence: the gap is marked "…" instead of hidden."""
    out = []
    for i, p in enumerate(parts):
        frag = p.text.rstrip()
        if i < len(parts) - 1 and frag and frag[-1] not in ".?!,;:-":
            after = text[p.end : p.end + 2].lstrip()
            nxt = parts[i + 1].text.lstrip()[:1]
            frag += "." if nxt.isupper() and (not after or after[0] in ".?!,\"”'’") else ""
        if i and text and not _RESUMES.search(text[max(parts[i - 1].end, p.start - 12) : p.start]):
            out.append("…")
        out.append(frag)
    return " ".join(out)


_INNER_QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]{8,}?)[\"“”„«»]")


def _inner_quotes(text: str) -> tuple[frozenset[str], ...]:
    """Content words of each quoted phrase inside reported speech ('he wanted "a very open, candid
    and frank exchange"'), for phrases of at least three content words."""
    phrases = (_content(m.group(1)) for m in _INNER_QUOTE.finditer(text))
    return tuple(p for p in phrases if len(p) >= 3)


def _same_inner_quote(a: _Item, b: _Item) -> bool:
    """Two reported statements of one speaker quoting the same phrase ('he wanted "a very open,
    candid and frank exchange"' / 'he was looking forward to "an open, candid, frank exchange"'):
    outlets paraphrase around the words they quote, so the quoted words tell the statement."""
    if a.speaker is None or b.speaker is None:
        return False
    return any(len(x & y) >= max(3, 0.75 * min(len(x), len(y))) for x in a.inner for y in b.inner)


def _carries(reported: Span, start: int, end: int) -> bool:
    """Reported speech that carries a direct quote of its own article: the quote lies inside it,
    give or take the closing punctuation the quote marks enclose ('... forces."' ends one
    character after the reported clause '... forces')."""
    inside = min(reported.end, end) - max(reported.start, start)
    return end > start and inside >= 0.9 * (end - start)


_GLUED_OPENING = re.compile(r"\w[ \t]*[\"“„«‘`']+[ \t]*$")  # 'to replace Thomas “ ': a word, then the mark


def _runs_into(reported: Span, start: int, end: int, text: str) -> bool:
    """Reported speech that runs into a direct quote of its article and stops inside it, the quote a sentence of its
    own glued to the writer's (its mark after a word, no colon or comma; a capital after it): '... signed Joique Bell
    to replace Thomas " With Pierre, last week during practice he had a setback, " head coach Sean Payton said' is
    no statement. Not 'she was a "social drinker" ...: "No. I've done it', nor '... demonstrates her "tremendous
    attention to the issue of life."'."""
    if not reported.start < start < reported.end < end:
        return False
    return bool(_GLUED_OPENING.search(text, reported.start, start)) and text[start : start + 1].isupper()


def _unique(xs: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(x for x in xs if x is not None))


MIN_REPORTED_WORDS = 5  # reported speech shorter than this is not listed in the ledger
# speaker spans that say nothing about who spoke when no name was resolved for them
_PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their this that these those who one".split()
)


# what a speaker span ends in when it is no one: a relative pronoun the extractor did not resolve ("...,
# which vowed [to ...]", "20 million of whom voted"), or a state of mind or a likelihood, which cannot state
# ("hope in Moscow has dimmed [that Trump will ...]", "the odds say [that ...]")
_NO_SPEAKER_HEADS = _PRONOUNS | frozenset(
    """which whom whose the a an 's _ hope hopes fear fears doubt doubts concern concerns expectation expectations
    optimism pessimism odds chance chances prospect prospects""".split()
)
# what the head of a speaker span names when it is an event, a thing or a time, which cannot state: the head is
# the word before "of" if there is one ("The interesting part of that blaze reported [...]", "Standing ovations and
# cheers welcomed [...]", "the free agency process hoping [...]", "Twelve hours into the investigation authorities
# said": a misparse that would list "Twelve hours" as the speaker); people "of" a thing keep their head ("survivors
# of the attack argue [...]")
_NO_SPEAKER_NOUNS = frozenset(
    """attack attacks shooting shootings bombing bombings blast explosion explosions crash fire blaze quake earthquake
    storm rampage riot riots violence march failure impact cold heat swarm cheers ovation ovations applause flag flags
    canisters warehouse part process history reforms objection hour hours minute minutes day days week weeks month
    months year years"""
    # ... or a product, a part of a program or a page, a method, a figure or an event of the web pages that are no
    # news (how-to pages, reviews, docs): "This change supports [...]", "This critical component implements [...]",
    # "its integrations support [...]", "little icons indicating [...]", "base fares tell [...]", "the widget
    # explained [...]", "the emergence signaled [...]", "A score of 7 indicates [...]", "the last step confirming"
    """
    change changes component components integration integrations icon icons widget widgets button buttons feature
    features dashboard dashboards builder plugin plugins module modules interface template templates layout codegen
    compiler algorithm algorithms platform platforms smartphone smartphones device devices fare fares price
    prices score scores query queries step steps approach approaches paradigm method methods methodology technique
    techniques emergence trend trends notebook grains lag""".split()
)


def _description(q: Quote) -> str | None:
    """What the article calls an unnamed speaker ("a senior US official", "diplomats"), or None
    for a pronoun, a relative pronoun ("which"), a state of mind ("hope") or no speaker at all."""
    if q.speaker is None or q.speaker_name:
        return None
    text = " ".join(q.speaker.text.split())
    words = _words(text)
    if not words or text.lower() in _PRONOUNS or words[-1] in _NO_SPEAKER_HEADS:
        return None
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    if head in _NO_SPEAKER_NOUNS or head.isdigit() and "of" not in words and not re.search(r"%|percent", text):
        return None  # ... nor is a number or a year ("2020–2025 recommend [...]"; "50% say [...]" are people)
    return text if head.isdigit() or _can_state(text, words, head) else None


_SPEAKER_NOUNS = stage_data("speaker_nouns.json")
PEOPLE_NOUNS, _SOURCES, _QUANTIFIERS, _THINGS = (
    frozenset(_SPEAKER_NOUNS[k].split()) for k in ("people", "sources", "quantifiers", "things")
)
_CAN_STATE = _QUANTIFIERS | PEOPLE_NOUNS | _SOURCES
_PERSON_SUFFIXES = tuple(_SPEAKER_NOUNS["person_suffixes"].split())
_DOMAIN = re.compile(r"(?i)\w\.(?:com|org|net|gov|edu)\b")  # "washingtonpost.com"
COMMON_WORDS = common_words()


def _can_state(text: str, words: list[str], head: str) -> bool:
    """Whether an unnamed speaker's head noun names someone who can state: a person or a group ("officials", "the
    ministry", "our taste testers", "Fitness experts"), a source that reports ("a 2014 report", "Studies", "The
    results", "the FAQ page"), a share of people ("Many", "half", "some of them"), or a name the tagger missed (the head
    in capitals past the span's first word, an acronym, or a first word that is no common English word: "Gage",
    "IVPN", "ISPs"). Not a thing, a food, a season or a way ("Wild rice adds [...]", "winter calls for [...]", "The
    plan should indicate [...]", "These factors show [...]", "a red light indicates [...]"). A person is known by a
    compact list (``speaker_nouns.json``) or by a person's ending (-er, -or, -ist, -an, -ee, -man, -ant, -ent) when
    the word is not one of the things that end so ("printer", "winter", "factor", "playlist", "plan", "coffee",
    "content")."""
    lemma = singular(head)
    if {head, lemma} & _CAN_STATE or _DOMAIN.search(text):
        return True
    tokens = _WORD.findall(text)
    if tokens[0][:1].isupper() and tokens[0].lower().replace("’", "'") == head and not {head, lemma} & COMMON_WORDS:
        return True  # a name the tagger missed ("Gage said")
    if any(t[:1].isupper() and (i or t.isupper() and len(t) > 1) or not t[:1].isupper() and any(c.isupper() for c in t)
           for i, t in enumerate(tokens)):  # fmt: skip
        return True  # ... or a name in it: "Vodafone Egypt", "IVPN", "the ACARS data", "10News", "MWEB operations"
    if person_noun(lemma):
        return True
    # a group "of" people: "a parade of six turncoat mobsters", "a generation of clients and art directors"
    return "of" in words[1:] and person_noun(singular(words[-1]))


def person_noun(lemma: str) -> bool:
    """A person's ending (-er, -or, -ist, -an, -ee, -man, -ant, -ent) on a word that is no thing, or a person or group
    noun of the list."""
    return lemma in PEOPLE_NOUNS or len(lemma) > 4 and lemma.endswith(_PERSON_SUFFIXES) and lemma not in _THINGS \
        and not lemma.endswith("ment")  # fmt: skip


# cues that make an infinitive a statement ("urged Russia to end its support", "vowed to
# retaliate"); after other cues it is an aim or a wish ("seeking to repair ties", "hoping to understand")
_SPEECH_ACT_STEMS = ("urg", "ask", "tell", "told", "order", "call", "promis", "vow", "pledg", "threat", "warn",
                     "demand", "agre", "offer", "refus", "propos", "declin", "claim", "insist", "announc", "vot",
                     "appeal", "invit", "advis", "instruct", "encourag", "challeng", "press")  # fmt: skip


# cues that make a noun phrase a statement ("rejected [accusations that ...]", "criticized [U.S.
# policy]"); after other verbs the noun phrase is the object of an act ("cancelled [a planned trip]",
# "released [a patch]", "hit [a 47-yard field goal]"), which attribution models trained on political
# news (PolNeAR counts "released [a report]") accept and a ledger of statements does not
_STATEMENT_STEMS = _SPEECH_ACT_STEMS + (
    "say", "said", "accus", "reject", "critic", "condemn", "deni", "deny", "argu", "assert", "reiterat",
    "stat", "declar", "add", "note", "explain", "acknowledg", "admit", "confirm", "describ", "prais", "blam",
    "question", "report", "suggest", "compar", "respond", "repl", "writ", "wrote", "tweet", "comment",
    "predict", "estimat", "believ", "think", "thought", "fear", "hop", "expect", "feel", "felt", "know",
    "knew", "doubt", "dismiss", "welcom", "defend", "attack", "slam", "hail", "recall", "recount",
    "testif", "mention", "observ", "point", "indicat", "cit", "conced", "caution", "emphas", "stress",
    "signal", "hint", "alleg", "charg", "complain", "lament", "voic", "express", "echo", "reaffirm",
    "recogni", "rebuk", "decr", "denounc", "disput", "contest", "counter", "dubb", "label", "brand",
    "want", "wish", "seek", "sought", "push", "back", "support",
    "endors", "oppos", "favo", "prefer", "recommend", "suspect", "assum", "conclud", "find", "found",
    "show", "reveal", "disclos", "publish", "forecast", "project", "according",
    "contend", "discount", "regard", "maintain", "reckon", "specul", "theori", "guess", "advocat", "lobb",
    "plead", "pled", "vouch", "swear", "swore", "assur", "reassur", "boast", "brag", "concur", "disagre",
    "object", "protest", "rebut", "refut", "retort", "quip", "jok", "muse", "wonder", "imply", "implie", "characteri",
    "portray", "depict", "paint", "concern", "worr", "attribut", "assail",
    "remark", "noting", "iterat", "conjectur", "profess",
)  # fmt: skip
# what someone knows is the writer's account of their mind, no words ("the team's front office still knows [it would
# take a mild upset ...]", "Whether he knew [Wilhelm was a federal agent]"; "to let fans know [that ...]" is the words
# of the one who lets them know)
_KNOWING_STEMS = ("know", "knew")
# ... and so is what someone learns, understands, remembers, is aware of, realises, decides, hides or proves, and what
# a rule requires: the writer's account of a mind or a rule, whatever clause follows ("Lynch also learned [that one of
# Teixeira's hometown teams ... has made a huge offer]", "Zhang decided [that she was too old]", "if he was aware [that
# he could be sentenced to life ...]", "The IOC requires [that athletes ... should be able to get from venue to
# venue]", "Lionsgate can't hide [that they don't have the money]", "word emerged [that Beaufoy was ...]")
_MIND_STEMS = ("learn", "understand", "understood", "remember", "aware", "realiz", "realis", "decid", "prove",
               "proving", "requir", "hid", "emerg")  # fmt: skip
# cues whose infinitive is words ("vowed to retaliate"); after "agreed", "voted" it is a decision ("the
# government agreed [to slash spending]", "the People's Council voted [to abolish itself]") and after
# "refused", "declined" what was not done or said ("declined [to say whether ...]")
_INFINITIVE_STEMS = tuple(s for s in _SPEECH_ACT_STEMS if s not in ("agre", "vot", "refus", "declin"))
# cues that make a question ("how", "what", "whether" ...) a statement: telling, asking, explaining ("described
# [how rioters tried to storm the business]", "asked [whether ...]"); after others it is what is known,
# decided or looked at ("understand [how the anger had spiraled]", "considering [whether to file charges]")
_WH_CLAUSE_STEMS = ("ask", "question", "explain", "describ", "detail", "tell", "told", "say", "said", "reveal",
                    "disclos", "recount", "recall", "specif", "indicat", "report", "writ", "wrote", "according",
                    "testif", "clarif", "confirm", "comment", "note", "noting", "point", "discuss")  # fmt: skip
_WH_START = re.compile(r"^(?:how|what|why|where|who|whom|which|whether|if|when)\b")  # lower case: inside a sentence
# a negated cue reports what was not said ("Police couldn't say [how many shots were fired]", "would not reveal")
_NEGATED = re.compile(r"(?i)(?:\bnot|n't|\bnever|\bcannot)\s+(?:[a-z]+\s+){0,2}$")
# "asked" without a subject before it: the question put to the speaker ("When asked [whether she ...]")
_ASKED_PASSIVE = re.compile(r"(?i)(?:(?:^|[.!?:;\"“”]\s*)|\b(?:when|if|after|once|as)\s+)$")
# a cue followed by a bare preposition: its content is a topic, a name or the charge against the speaker
# ("commented on [how easy it was]", "accused of [shooting ...]", "known as [...]"), not what was said, but for
# demands ("called for [an end to ...]") and "insisted on"
_TOPIC_PREPOSITIONS = frozenset("of about on as with over for like".split())  # "can sometimes feel like [...]"
_DEMAND_STEMS = {"for": ("call", "appeal", "ask", "press", "push", "plead", "urg"), "on": ("insist", "call")}
# statement verbs only with a clause ("a study found [that ...]"); with a noun phrase they are acts of
# finding or showing ("the boarding party found [a host of other equipment]", "showed [the wreckage]")
_CLAUSE_ONLY_STEMS = ("find", "found", "show", "reveal", "disclos", "publish", "project", "discover", "uncover",
                      # ... with a noun phrase a deed ("Pirates have attacked [as many as 100 merchant vessels]",
                      # "protesters attacked [police with rocks]") or a topic ("explained [his reasoning for his
                      # actions]", "addressed [the criticism in his homily]", "mentioned [the Leonids in a filing]")
                      "attack", "explain", "address", "mention", "discuss", "recount",
                      # ... or a deal, an aim, a reply in deeds, a piece of work ("The Nationals offered [him the same
                      # deal]", "Sabathia agreed [a seven-year deal]", "Stargazers sought [high ground]", "declined
                      # [an opportunity to leave school]", "The German frigate responded [to a distress call]", "is
                      # writing [the picture]"); their infinitive is another matter ("offered [to help]")
                      "offer", "agre", "seek", "sought", "declin", "respond", "writ", "wrote",
                      # ... or what a thing does, a preference or a deed ("Teachable's course builder supports [multiple
                      # content types]", "These models boast [a dual motor]", "Microsoft Corp. pushes [software
                      # updates]", "Customers favor [this format]", "The experience emphasizes [efficiency]", "Movers
                      # charge [an average hourly rate]", "Authorities charged [Andrew Lopez ... with her murder]")
                      "support", "boast", "push", "prefer", "favo", "emphas", "charg",
                      # ... or a march ("More than 10,000 people protest [the conservative Government's economic
                      # policies in a general strike]"); "protested [that ...]" says something
                      "protest")  # fmt: skip
# "described" with a noun phrase says something only with "as" ("described [the cardinal's record as mixed]"); without
# it the noun phrase is a topic ("described [a chaotic scene immediately after the shooting]")
# ... and an "as" that opens a clause of time is no "as" of a description ("described [a chaotic scene immediately after
# the shooting as workers barricaded themselves ...]", "described to jurors [the hectic scene on May 29 as she lay her
# daughter ... on the sidewalk]": a subject pronoun, or a plural noun and a verb in -ed, after it)
_AS = re.compile(r"(?i)\bas\b(?!\s+(?:he|she|they|we|i|you|it)\b|\s+(?!(?:a|an|the|being|well)\b)\w+s\s+\w+ed\b)")
# a result clause: "so relieved [that he didn't even leave the weight room]", "so dense [that tens of meteors ...]"
_SO_BEFORE = re.compile(r"(?i)\b(?:so|such(?:\s+an?)?)\s+$")
# a clause without "that": its finite verb is an auxiliary or a form of "be"/"have" (a cheap test; no parse), after a
# subject of at most ``BARE_SUBJECT_MAX`` words and not right after a relative pronoun or a conjunction: an auxiliary
# further on or after those belongs to a clause inside a noun phrase ("shopping channels offer [a better service to
# their users by comparing the right products when a user does a search]", "analytics dashboard offers [plenty of
# insights on your content's performance so you can tweak ...]", "[the terms and phrases (keywords) that can ...]")
# ("may" in lower case only: "the hectic scene on May 29 as she lay ..." is no clause)
_BARE_CLAUSE = re.compile(
    r"(?i)\b(?:is|are|was|were|has|have|had|will|would|can|could|(?-i:may)|might|must|should|did|does)\b")
BARE_SUBJECT_MAX = 8
_INSIDE_NOUN_PHRASE = frozenset("that which who whom whose so when if because where while to how".split())
# a clause that opens on a subject pronoun, after a conjunction or not ("explained [But she became nervous, telling
# her son the night before she was to testify ...]")
_PRONOUN_START = re.compile(r"(?i)^(?:(?:but|and|yet|so|then)\s+)?(?:i|he|she|we|they)\b")
# a sentence that opens on an adverbial phrase and a comma: its subject follows the last comma before the auxiliary
# ("agrees [In addition to improving alertness, memory, and cognitive performance, coffee has been connected ...]")
_OPENER = re.compile(r"^(?:In|As|After|Although|Though|While|Since|When|Whenever|Once|If|Because|Despite|Unlike"
                     r"|Before|Given|However|Still|Now|Today|Yet|For|With|Without|Like)\b[^,]*,")  # fmt: skip
# reported content that opens on a finite verb has lost its subject (``_lost_subject``); not a conditional's inversion
# ("admitted [had Creighton remained in the Missouri Valley ...]")
_VERB_FIRST = re.compile(r"^(?:would|will|could|can|may|might|must|should|shall|is|are|was|were|has|have|had)\b"
                         r"(?!\s+[A-Z])")
_CLAUSE_START = re.compile(r"(?i)^(?:(?:that|whether|if|how|why|what|when|where|who|which)\b|[\"“‘'])")


def _reported_unusable(q: Quote, text: str = "") -> bool:
    """Reported speech the ledger leaves out (the article's quotes keep it): nobody to attribute
    it to (no speaker, an unresolved pronoun, "which", "hope"), a speaker inside its own content, the mark
    of a misread clause ("that Russia says violated international law"), an infinitive after
    a cue that is no speech act (an aim: "seeking to repair a relationship"; a decision: "voted to
    abolish itself"; a refusal: "declined to say"), a noun phrase after a verb that is no statement
    ("Boris Johnson cancelled [a planned trip]"),
    a question after a verb that neither tells nor asks ("understand [how the anger had spiraled]"), and,
    with the article's ``text``, what a negated cue did not say ("Police couldn't say [how many ...]"),
    the question put to the speaker ("When asked [whether ...]") and a cue followed by a preposition
    ("accused of [shooting ...]", "commented on [...]")."""
    if q.speaker is not None and q.content.start <= q.speaker.start < q.content.end:
        return True
    cue = q.cue.text.lower() if q.cue else ""
    if cue and all(w.startswith(_KNOWING_STEMS + _MIND_STEMS) for w in re.findall(r"[a-z]+", cue)):
        return True
    content = q.content.text.lstrip()
    if content.lower().startswith("to ") and not cue.startswith(_INFINITIVE_STEMS):
        return True
    if _VERB_FIRST.match(content) and _lost_subject(q, text) is None or _title(content):
        return True
    if cue and not _CLAUSE_START.match(content) and not _statement_cue(cue):
        return True
    if cue and _WH_START.match(content) and not any(w.startswith(_WH_CLAUSE_STEMS) for w in re.findall(r"[a-z]+", cue)):
        return True
    if q.cue is not None and text and _cue_context_unusable(q, cue, text):
        return True
    words = re.findall(r"[a-z]+", cue)
    if words and all(_clause_only(w, content) for w in words) and not _CLAUSE_START.match(content) \
            and not content.lower().startswith("to "):  # fmt: skip
        if not _bare_clause(content):  # "records show [Lasalle has three prior convictions]" stays
            return True
    return not q.speaker_name and _description(q) is None


def _lost_subject(q: Quote, text: str) -> str | None:
    """The subject of reported content that opens on a finite verb (``_VERB_FIRST``), left between the cue or the
    speaker and the content: "Eleftherotypia warned [young Greeks] would rise up ...", "U.S. officials say [including
    emission targets] would prejudge negotiations", "According to Alan Mauldin, ..., [the succession of problems in the
    region] are only likely to be remedied ..." (the words after the last comma, at most ``BARE_SUBJECT_MAX``, and no
    day or time). None when nothing is left there: the subject was the speaker's side, a relative clause ("what
    officials said [were the bulk of ... comments]", "The man police say [is behind a fatal hit and run]") or a
    participle ("The rules announced Thursday [would allow ...]"), and the content is no statement a reader can read."""
    ends = [s.end for s in (q.cue, q.speaker) if s is not None and s.end <= q.content.start]
    if not ends or not text:
        return None
    gap = text[max(ends) : q.content.start]
    words = gap[gap.rfind(",") + 1 :].split()
    if len(words) > BARE_SUBJECT_MAX or not any(re.search(r"[^\W\d_]", w) for w in words):
        return None  # (a closing quote mark: 'said Jackman, 40, star of the romantic epic "Australia," [will host]')
    if _TIME_WORDS.intersection(w.lower() for w in words):
        return None
    return " ".join(words)


_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening
    night week month year earlier later""".split()
)


def _after_content(q: Quote) -> bool:
    """Whether the quote's attribution (its cue, else its speaker) follows its content: "[...], police said"."""
    s = q.cue or q.speaker
    return s is not None and s.start >= q.content.end


# a line glued to the next inside reported content, with no stop between: a headline, a caption or a teaser before the
# lede ("[Suspect had been fired last week by Troy, Mich., company An accounting firm employee who ... shot and killed a
# woman ...], police said", "[Heart disease He died in a medical prison ...], said a spokesman"); not after a word
# that leads into a capitalised name or title ("with The Hunger Games", "plan A")
_GLUED_LINE = re.compile(r"(?<![\w'’.-])([a-z]{2,})\s+(?=(?:His|Her|He|She|They|We|It|The|An?|At|In|On)\s+[a-z])")
_BEFORE_TITLE = frozenset("the of and or an to in on at for by with from as into than plan type grade class".split())
_PAST = re.compile(r"\b[a-z]{3,}ed\b")


def _unglued(q: Quote, text: str) -> Quote | None:
    """Reported content cut to the line its attribution belongs to when a line is glued to it (``_GLUED_LINE``): the
    line after the last glue when the attribution follows the content, the one before the first when it precedes. None
    when that line is no clause (no auxiliary, no verb in -ed: "[Creamery lacks the cheddar At the start of the month],
    Valley Dairy Inc. ... told", "[... The vice president of the civil servants' union, Elias Vrettakos], told Sky
    News"): the content is no statement a reader can read."""
    c = q.content
    glues = [m for m in _GLUED_LINE.finditer(c.text) if m.group(1) not in _BEFORE_TITLE]
    if q.direct or not glues:
        return q
    if _after_content(q):
        start, end = c.start + glues[-1].end(), c.end
    else:
        start, end = c.start, c.start + glues[0].end(1)
    line = text[start:end]
    if len(_words(line)) < MIN_REPORTED_WORDS or not (_PAST.search(line) or _bare_clause(line)):
        return None
    return replace(q, content=Span(start, end, line))


def _quoted_tail(q: Quote, text: str) -> Quote | None:
    """Reported content that runs from the writer's words into a quote closed right before an attribution after it:
    the writer's sentence, then the speaker's. A quote that opens on a capital right after a word is a sentence of its
    own glued to the writer's ('[In the afternoon sun, only charred rubble remained " And it's ... a total loss], "
    Jon Owen said', '[... to express their exasperation "I want the families to know ...]," said the white woman'):
    the speaker's words are that quote. When the writer's words before the quote name the speaker, they are the
    writer's sentence about them with a phrase of theirs ('[... President Barack Obama nominated Regina Benjamin ...,
    the "leading spokesperson on issues of public health]," Obama said'): None. A lead-in that reports the speaker
    without naming them stays theirs ('[He surrendered "peacefully and without incident]," Pickell said')."""
    c = q.content
    if q.direct or q.speaker is None or not _after_content(q) or not re.match(r"\s*[,.]?\s*[\"”]", text[c.end :]):
        return q
    t = c.text
    i = t.rfind("“") if t.count("“") > t.count("”") else t.rfind('"') if t.count('"') % 2 else -1
    if i < 0:
        return q
    lead, quoted = t[:i], t[i + 1 :]
    if re.search(r"[^\W\d_]\s*$", lead) and quoted.lstrip()[:1].isupper() and len(_words(quoted)) >= MIN_REPORTED_WORDS:
        start = c.start + i + 1 + len(quoted) - len(quoted.lstrip())
        return replace(q, content=Span(start, c.end, text[start : c.end]), direct=True)
    names = [n for n in re.findall(r"[A-Z][\w’'-]{2,}", q.speaker.text) if n.lower() not in _ARTICLES]
    return None if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", lead) for n in names) else q


_STOP = re.compile(r"[.!?][\"”’']*\s+")


_SUBJECT_PRONOUNS = frozenset("he she they it we i".split())


_COLON_LEAD_IN = re.compile(r"\b([a-z]+)\s*:\s*[\"“'‘`]*\s*$")


def _second_speakers_parts(q: Quote, text: str) -> Quote:
    """A direct quote whose speaker stands between its parts while its first part has a lead-in of its own ('He said:
    "I can't speak for the first death ...." A Foreign Office spokeswoman said: "We are aware of the death ..."'):
    two speakers' quotes, of which this speaker's is the part after their cue."""
    if len(q.parts) < 2 or q.speaker is None or not q.parts[0].end <= q.speaker.start < q.parts[-1].start:
        return q
    lead_in = _COLON_LEAD_IN.search(text, max(0, q.parts[0].start - 30), q.parts[0].start)
    if lead_in is None or not _statement_cue(lead_in.group(1).lower()):
        return q
    kept = tuple(p for p in q.parts if p.start > q.speaker.end)
    start, end = kept[0].start, kept[-1].end
    return replace(q, content=Span(start, end, text[start:end]), parts=kept if len(kept) > 1 else ())


def _own_parts(q: Quote, text: str) -> Quote | None:
    """A direct quote without its parts that stand in the writer's next sentence: a part whose gap ends a sentence and
    opens another on the writer's words, not on a quote mark, a cue or a colon ('"... he wouldn't do it that way
    again," said Jerry Capeci, ... For the man described by The New York Times Magazine as "the last great Mafioso of
    the century"', '"by Chinese officials" according to ... Delanoë. A banner with "Paris defends human rights ..."':
    the magazine's phrase and the banner's words are not the speaker's). Not when the new sentence has a subject pronoun
    or a word of the speaker's span, which may be the speaker's ('"...," Strauss-Kahn said. But, he said, Greeks must
    also understand that without these measures "the situation would be ..."', '... said a statement from the
    coalition .... It accused [...] of conspiring "to influence public opinion ..."'). None when what is left is a
    phrase (``_phrase``)."""
    speaker = _words(q.speaker.text) if q.speaker is not None else []
    for i in range(1, len(q.parts)):
        gap = text[q.parts[i - 1].end : q.parts[i].start]
        stops = list(_STOP.finditer(gap))
        tail = gap[stops[-1].end() :] if stops else ""
        words = re.findall(r"[^\W\d_]+", tail.lower())
        if not words or tail.rstrip(" \"“'‘`").endswith((":", ",")) or _statement_cue(words[-1]) \
                or _SUBJECT_PRONOUNS.union(speaker).intersection(words):  # fmt: skip
            continue
        kept, start = q.parts[:i], q.content.start
        end = kept[-1].end
        left = " ".join(p.text for p in kept)
        if _phrase(left, _words(left)):
            return None  # a phrase left: 'by Chinese officials' (the reported sentence holding it stays)
        return replace(q, content=Span(start, end, text[start:end]), parts=kept if len(kept) > 1 else ())
    return q


def _bare_clause(content: str) -> bool:
    """Whether ``content`` reads as a clause without "that" (``_BARE_CLAUSE``; "Lasalle has three prior convictions"),
    or opens on a subject pronoun (``_PRONOUN_START``)."""
    if _PRONOUN_START.match(content.lstrip()):
        return True
    opener = _OPENER.match(content.lstrip()) is not None
    for m in _BARE_CLAUSE.finditer(content):
        head = content[: m.start()]
        before = _words(head[head.rindex(",") + 1 :] if opener and "," in head else head)
        if len(before) > BARE_SUBJECT_MAX or _INSIDE_NOUN_PHRASE.intersection(before):
            return False
        if before:
            return True
    return False


def _clause_only(word: str, content: str) -> bool:
    """Whether cue word ``word`` states something only before a clause (``_CLAUSE_ONLY_STEMS``; "described"
    before a noun phrase without "as")."""
    return word.startswith(_CLAUSE_ONLY_STEMS) or word.startswith("describ") and not _AS.search(content)


_NO_BEFORE = re.compile(r"(?i)\bno\s+$")


def _cue_context_unusable(q: Quote, cue: str, text: str) -> bool:
    """The cue's surroundings in the article: negated, a passive "asked", "so" or "such" before it (a result
    clause, "so relieved [that ...]"), "no" before "doubt", "point" with no "out" or "to" before a noun phrase, or
    followed by a bare preposition."""
    assert q.cue is not None
    words = re.findall(r"[a-z]+", cue)
    before = text[max(0, q.cue.start - 40) : q.cue.start]
    if _NEGATED.search(before) or words and words[0] in ("asked", "asking") and _ASKED_PASSIVE.search(before):
        return True
    if _SO_BEFORE.search(before) and q.content.text.lstrip().lower().startswith("that "):
        return True
    if words == ["doubt"] and _NO_BEFORE.search(before):
        return True  # the writer's "there is no doubt [that ...]", nobody's statement
    between = text[q.cue.end : q.content.start].strip().lower() if q.cue.end <= q.content.start else ""
    if words and all(w.startswith("point") for w in words) and not {"out", "to"} & set(between.split()) \
            and not _CLAUSE_START.match(q.content.text.lstrip()) and not _bare_clause(q.content.text):  # fmt: skip
        return True  # pointing a thing, or the noun "points" ("She pointed [the gun at two unarmed security guards]")
    last = between.split()[-1] if between else ""  # "known locally as [the King of the Cochayuyo]"
    prep = last if last in _TOPIC_PREPOSITIONS else words[-1] if words and not between else ""
    return prep in _TOPIC_PREPOSITIONS and not cue.startswith(_DEMAND_STEMS.get(prep, ("-",)))


# what precedes a title or a name in quote marks (not "called", which precedes a speaker's words as often:
# 'what he called "a cowardly attack"')
_TITLE_BEFORE = re.compile(
    r"(?i)(?:\b(?:known as|so[- ]called|dubbed|nicknamed|titled|entitled|subtitle|subtitled|book|novel|memoir"
    r"|film|movie|documentary|song|album|essay|musical|opera|play|show|series)\s*[:,]?\s*[\"“'‘`(]+"
    r"|\(\s*[\"“'‘`]+"  # ... or a bracket: a name or its translation ('the King of the Cochayuyo ("El Rey ...")')
    # ... or a naming with its object ('we've affectionately dubbed it "Mozlow's hierarchy of SEO needs."'), a list
    # of titles ("track titles like ‘Are You Being Served?’"), or the key of a value in code ('"reviewBody": "...')
    r"|\b(?:dubbed|nicknamed|named|christened)\s+(?:it|them|this|these)\s*[:,]?\s*[\"“'‘`]+"
    r"|\btitles?\s+(?:like|such\s+as)\s*[\"“'‘`]+|[\"”]\s*:\s*[\"“]+)\s*$"
)
# what an unattributed "quote" is when it is code, a path, an address or a number ('“%s\\n%s\\n”',
# '“/var/log/unbound/unbound.log”', '“https://www.example.com”', '“+47-99-999-9900”', '“Exists('$(_FormatLockFile)')”',
# '“flex-grow p-2 border rounded-l-lg focus:outline-none”'): a format verb, an escape, a brace, a markup or assignment
# sign, a call, a word joined by "_", a scheme, a path, a CSS utility class; or no word of letters and spaces at all
_CODE = re.compile(
    r"%[sdvfq]|\\[ntr]|[{}<>=|]|\$\(|\w\(|\w_\w|://|(?:^|\s)/\w+/|\b[a-z]+-\d\b|\b[a-z]+:[a-z]+-|^[^a-zA-Z]*$"
)
# what precedes an example in quote marks: 'navigational (e.g., “Google Search Console guide”)', 'location-specific
# terms like “SEO services in [city].”', 'phrases such as "..."'
_EXAMPLE_BEFORE = re.compile(
    r"(?i)(?:\be\.g\.|\bi\.e\.|\bfor (?:example|instance)|\bsuch as|\b(?:terms?|words?|phrases?|keywords?|quer(?:y|ies)"
    r"|searches|names?|labels?|messages?|prompts?|headlines?)\s+like)\s*[:,]?\s*[\"“'‘`]+\s*$"
)
# words a title leaves in lower case ("How I Turned My Substack Posts into Dividend-Paying Assets")
_TITLE_LOWER = frozenset("a an the and or nor but of to in on at by for with from into onto as vs via per than".split())
TITLE_MIN_WORDS = 3


def _code_or_title(text: str) -> bool:
    """An unattributed "quote" that is code, a path or an address (``_CODE``), or a title (``_title``)."""
    return _CODE.search(text.strip()) is not None or _title(text)


def _title(text: str) -> bool:
    """A title: every word of at least ``TITLE_MIN_WORDS`` capitalised but the small words a title leaves in lower case
    ("What to Expect in Your First Counseling Session", "Virtual Therapy in [State]", "Are You Being Served?"; a
    headline taken for what police said: "[Driver Charged With DWI, Vehicular Manslaughter] A 59-year-old mother ...
    died ..., police said"). Someone's words are a sentence with words in lower case, or shouted in capitals (a crowd's
    "ONE MORE YEAR! ONE MORE YEAR!")."""
    words = re.findall(r"[^\W\d_][\w’'-]*|\d[\w,.]*", text)
    return len(words) >= TITLE_MIN_WORDS and any(c.islower() for c in text) and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_LOWER and i for i, w in enumerate(words)
    )


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")
_NOT_PRONOUN = r"(?!(?:he|she|they|i|we|it|you|He|She|They|I|We|It|You)\b)"
# the writer's attribution to someone else inside a quote: ", police said", "said Troy police Lt. Gerry Scherlinck",
# "A spokeswoman for Beaumont Hospital said" (not "..., he said")
_THIRD_PARTY_SAID = re.compile(
    r",\s+" + _NOT_PRONOUN + r"(?:[\w.'’-]+\s+){1,6}?(?:said|says|reported|told)\b"
    r"|\b(?:said|says)\s+" + _NOT_PRONOUN + r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+"
    r"|(?:^|[.!?]\s+)" + _NOT_PRONOUN + r"[A-Z][\w'’-]*(?:\s+[\w.'’-]+){0,5}?\s+(?:said|says|told|reported)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|me|us|I'm|I've|we're|you|You|your)\b")


def _excerpt(text: str) -> bool:
    """A quote that is another article's text quoted whole (a blog quoting a wire story: "A gunman shot three
    people ..., police said. The victims' conditions weren't immediately known, said Troy police Lt. ..."), no
    statement of the outlet it is credited to: three sentences or more with the writer's attributions to others
    in them (two, or one in words with no first or second person)."""
    sentences, said = len(_SENTENCE_END.findall(text)) + 1, len(_THIRD_PARTY_SAID.findall(text))
    return sentences >= 3 and (said >= 2 or (said >= 1 and sentences >= 4 and not _FIRST_PERSON.search(text)))


PHRASE_MAX = 8  # words: a quote nobody is named for that starts in lower case and is this short is a phrase


def _phrase(text: str, words: list[str]) -> bool:
    """A short quote that starts in lower case ("love it or hate it", "light detection and ranging", "television"):
    a term, a name or a scare quote in the writer's sentence. Longer ones are mostly someone's words whose
    speaker was missed ("to forgive and reconcile and to purify one's memory of hatred")."""
    first = text.lstrip()[:1]
    return len(words) <= PHRASE_MAX and (first.islower() or first in ",;:")


INLINE_MAX = 5  # words: a named speaker's quote this short that the writer's sentence runs into is a phrase


def _inline(q: Quote, text: str, words: list[str]) -> bool:
    """A quote of at most ``INLINE_MAX`` words that the writer's sentence runs into, a word and no cue right before
    its quote mark: a phrase of the speaker's the sentence uses ('because of its "precarious debt dynamics"', 'she
    called police to her apartment numerous times "for the smell."', 'charged with the "illegal use" of his service
    weapon'), no statement on its own (not 'The protesters chanted "murderers out"', 'said: "..."')."""
    before = re.findall(r"[^\W\d_]+|[^\w\s]", text[max(0, q.content.start - 40) : q.content.start].rstrip(" \"“'‘`"))
    return len(words) <= INLINE_MAX and bool(before) and before[-1][0].isalpha() and not _statement_cue(
        before[-1].lower()) and not before[-1].lower().startswith(("chant", "shout", "cr", "yell", "sang", "sing"))


def _named_in_own_words(q: Quote) -> bool:
    """Reported speech whose resolved speaker is named in its own content while the speaker span does not name them:
    a pronoun or a role resolved to the wrong person. Before its content the writer says "he" of the one who speaks,
    not his name ("He remained an ardent defender of Nixon, speaking out ... to assail [Magruder's assertions]":
    LaRue, not Magruder; "He said [he had spoken to Mr. Gray's parents]"); a relative pronoun after it stands for the
    content's last words ("[... Crowley Petroleum Distributors], which maintains"), and someone's spokesman is not
    that someone ("[Esther Williams ... died on Thursday], her spokesman said"). A pronoun after the content may name
    its speaker in it ("[Kelly's group does not manage any of the optical spy satellites], he said": Kelly), and a
    direct quote is the speaker's own words, which may name them."""
    if q.direct or q.speaker is None or not q.speaker_name:
        return False
    span = q.speaker.text.strip()
    before = q.speaker.end <= q.content.start
    if not (before or span.lower() in _RELATIVES or _POSSESSIVE.match(span)):
        return False
    names = re.findall(r"[A-Z][\w’'-]{2,}", q.speaker_name)
    if not names or names[-1] in span:
        return False  # the span names them (a speaker inside its content is ``_reported_unusable``'s)
    return re.search(rf"(?<![\w-]){re.escape(names[-1])}(?![\w-])", q.content.text) is not None


_RELATIVES = frozenset("who which that whom".split())
_POSSESSIVE = re.compile(r"(?i)(?:his|her|their|its)\s")


ANTECEDENT_MAX = 600  # characters from an unnamed speaker to a "he" or "she" that can stand for them


def _last_speaker_before(q: Quote, quotes: list[Quote]) -> Quote | None:
    """The article's quote whose speaker span ends last before ``q``'s (which has one)."""
    assert q.speaker is not None
    before = [x for x in quotes if x is not q and x.speaker is not None and x.speaker.end <= q.speaker.start]
    return max(before, key=lambda x: x.speaker.end if x.speaker is not None else -1) if before else None


def _unnamed_antecedent(q: Quote, quotes: list[Quote], text: str) -> Quote | None:
    """The quote whose unnamed speaker a "he" or "she" stands for though it was resolved to a name: the article's
    last speaker before it is one person described, not named ("the official", "a relative", "a source"), within
    ``ANTECEDENT_MAX`` characters and with no part of the resolved name between them: '"Several crucial minutes were
    lost," the official said, visibly upset. "..." He asked [not to be identified]' (not Herman Van Rompuy, named
    earlier), "According to a relative, ... 'He's had a very dark past ...,' she said" (not John Jenkin, of whom she
    speaks). Not a group ("police", "Authorities"), a thing ("her official biography"), a name the tagger missed
    ("Gage", "Timmons") or a noun of the other sex."""
    if q.speaker is None or not q.speaker_name or q.speaker.text.lower() not in ("he", "she"):
        return None
    x = _last_speaker_before(q, quotes)
    if x is None or x.speaker is None:
        return None
    if x.speaker_name or q.speaker.start - x.speaker.end > ANTECEDENT_MAX or _description(x) is None:
        return None
    tokens = _WORD.findall(x.speaker.text)
    if any(t[:1].isupper() for t in tokens[1:]) or tokens[0][:1].isupper() and tokens[0].lower() not in _ARTICLES:
        return None
    head = _words(x.speaker.text)[-1]
    other_sex = _MEN if q.speaker.text.lower() == "she" else _WOMEN
    if singular(head) != head or head in _GROUPS or head in other_sex or not person_noun(head):
        return None
    between = text[x.speaker.end : q.speaker.start]
    return None if any(n in between for n in re.findall(r"[A-Z][\w’'-]{2,}", q.speaker_name)) else x


PRONOUN_MAX = 400  # characters from the last speaker to an unresolved pronoun of a direct quote that stands for them


def _unresolved_antecedent(q: Quote, quotes: list[Quote], text: str) -> Quote | None:
    """The quote whose speaker an unresolved "he", "she", "it" or "they" of a direct quote stands for: the article's
    last speaker before it, within ``PRONOUN_MAX`` characters, named or described, of the pronoun's number and sex
    ('Nichols' mother expressed their sentiments. "We just want to fade into obscurity," she said', 'The American Red
    Cross pledged US$500,000 ... "As with most earthquakes, we expect ...," it said', 'The protesters ... "Don't bend
    your head down," they chanted'; not "operators" for "he"), when the sentence before the quote names them ('...,"
    Goldstein added. ... The pope seemed indirectly to address ... "Blessed Alojzije Stepinac did not shed his blood
    ...," he said' is not Goldstein's). Such a quote was listed as nobody's."""
    pronoun = q.speaker.text.lower() if q.speaker is not None else ""
    if not q.direct or q.speaker_name or q.speaker is None or pronoun not in ("he", "she", "it", "they"):
        return None
    x = _last_speaker_before(q, quotes)
    if x is None or x.speaker is None:
        return None
    if q.speaker.start - x.speaker.end > PRONOUN_MAX or not (x.speaker_name or _description(x)):
        return None
    end = min(q.speaker.start, q.content.start)  # ... the sentence before "She added: [...]", before "[...]," he said
    sentences = [t for t in _STOP.split(text[x.speaker.start : end]) if _words(t)]
    if not sentences or not set(_words(x.speaker.text)) - _ARTICLES & set(_words(sentences[-1])):
        return None  # the sentence before the quote is about someone else ('... The pope seemed to address ...')
    if x.speaker_name:
        return x if pronoun in ("he", "she", "it") else None
    head = _words(x.speaker.text)[-1]
    plural = singular(head) != head or head in _GROUPS
    if pronoun == "they":
        return x if plural else None
    person = person_noun(head)
    if pronoun == "it":
        return None if person or plural else x
    other_sex = _MEN if pronoun == "she" else _WOMEN
    return x if person and not plural and head not in other_sex else None


_ARTICLES = frozenset("the a an one another his her their its".split())
_GROUPS = frozenset("police staff government ministry family team crowd public management military".split())
_MEN = frozenset("man husband father son brother spokesman boy uncle nephew grandfather chairman businessman".split())
_WOMEN = frozenset(
    "woman wife mother daughter sister spokeswoman girl aunt niece grandmother chairwoman businesswoman actress".split()
)


def _with_antecedents(items: list[tuple[str, str | None, str, Quote]]) -> list[tuple[str, str | None, str, Quote]]:
    """``items`` with each "he" or "she" that stands for an unnamed speaker (``_unnamed_antecedent``) given that
    speaker's words as its own: no name, the description ("the official"); and each unresolved pronoun of a direct
    quote that stands for the last speaker (``_unresolved_antecedent``) given that speaker's name or description."""
    by_article: dict[str, list[Quote]] = {}
    for art, _o, _t, q in items:
        by_article.setdefault(art, []).append(q)
    out = []
    for art, outlet, text, q in items:
        if (x := _unnamed_antecedent(q, by_article[art], text)) is not None:
            q = replace(q, speaker=x.speaker, speaker_name=None)
        elif (x := _unresolved_antecedent(q, by_article[art], text)) is not None:
            q = replace(q, speaker=x.speaker, speaker_name=x.speaker_name)
        out.append((art, outlet, text, q))
    return out


def _own_spans(items: list[tuple[str, str | None, str, Quote]]) -> list[tuple[str, str | None, str, Quote]]:
    """``items`` with each quote cut to the speaker's words (``_own_parts``, ``_quoted_tail``, ``_unglued``), and
    without those that hold only the writer's."""
    out = []
    for art, outlet, text, q in items:
        fixed = _own_parts(_second_speakers_parts(q, text), text)
        fixed = fixed and _quoted_tail(fixed, text)
        fixed = fixed and _unglued(fixed, text)
        if fixed is not None:
            out.append((art, outlet, text, fixed))
    return out


def _statement_cue(cue: str) -> bool:
    """Whether any word of the cue ("said", "went on to say", "according to") is a statement verb."""
    return any(w.startswith(_STATEMENT_STEMS) for w in re.findall(r"[a-z]+", cue))


def build_ledger(
    items: list[tuple[str, str | None, str, Quote]],
    canonical: Callable[[str], str] | None = None,
) -> list[dict]:
    """Group quotes that are the same statement carried by several articles.

    ``items`` are (article_id, outlet, article_text, quote). Quotes group when their speakers
    agree (or one is unknown) and their words overlap; a short partial quote whose words lie in a
    longer quote of the same speaker is listed under that entry's "fragments". Reported speech
    carrying a direct quote of its own article (the quote inside it, up to its closing
    punctuation) is left to the quote's exact words, so the statement is listed once; so is reported
    speech nested in a longer reported quote of its article (left to the outer one). Reported
    speech of fewer than ``MIN_REPORTED_WORDS`` words is left out, and so is reported speech with
    nobody to attribute it to, a speaker inside its own content or no statement in it (``_reported_unusable``;
    the article's quotes keep them all). A title or a name in quote marks ('the 2005 book "..."') is no
    entry, nor is a short phrase nobody is named for (``_phrase``) unless it is a part of a longer quote, nor
    another article's text quoted whole (``_excerpt``).
    An entry without a named speaker carries the article's description of the speaker
    ("speaker_description": "a senior US official") when there is one.
    Entries are sorted by number of articles, most first.
    """
    items = _own_spans(_with_antecedents(items))
    direct = {(a, q.content.start, q.content.end) for a, _o, _t, q in items if q.direct}
    reported: dict[str, list[tuple[int, int]]] = {}
    for a, _o, _t, q in items:
        if not q.direct:
            reported.setdefault(a, []).append((q.content.start, q.content.end))
    recs: list[_Item] = []
    phrases: set[int] = set()
    for art, outlet, text, q in items:
        if _named_in_own_words(q):
            q = replace(q, speaker_name=None)  # the article's description of the speaker, if any, stays
        c = q.content
        if not q.direct and (_reported_unusable(q, text) or any(
            a == art and (_carries(c, s, e) or _runs_into(c, s, e, text)) for a, s, e in direct
        )):  # fmt: skip
            continue
        outer = [(s, e) for s, e in reported.get(art, []) if (s, e) != (c.start, c.end)]
        if not q.direct and any(_carries(Span(s, e, ""), c.start, c.end) for s, e in outer):
            continue  # a nested attribution ('said [Moscow hoped [to ...]]'): the outer statement is listed
        qt = _join_parts(text, q.parts) if q.parts else c.text or text[c.start : c.end]
        if not q.direct and _VERB_FIRST.match(qt.lstrip()) and (subject := _lost_subject(q, text)):
            qt = f"{subject} {qt.lstrip()}"  # the subject the content lost: "young Greeks would rise up ..."
        if q.direct and _TITLE_BEFORE.search(text[max(0, c.start - 40) : c.start]):
            continue  # a title or a name in quote marks: 'the 2005 book "The Big Show ..."', 'the so-called "X"'
        if q.direct and _excerpt(qt):
            continue  # another article's text quoted whole: its statements are its sources', not a speaker's
        words, name = _words(qt), q.speaker_name
        if q.direct and not name and _description(q) is None and (
            _code_or_title(qt) or _EXAMPLE_BEFORE.search(text[max(0, c.start - 40) : c.start])
        ):
            continue  # code, a path, an address, a title or an example in quote marks nobody is named for
        if not q.direct and len(words) < MIN_REPORTED_WORDS:
            continue  # a stance on a thing ("slammed the US missile strike"), not a statement
        key = (canonical(name) if canonical else name).lower() if name else None
        content = _content(qt)
        inner = () if q.direct else _inner_quotes(qt)  # only reported speech is matched on what it quotes
        recs.append(_Item(art, outlet, q, qt, words, content, key, inner))
        if q.direct and (not name and _description(q) is None or _inline(q, text, words)) and _phrase(qt, words):
            phrases.add(id(recs[-1]))  # listed only as a part of someone's quote
    freq = _frequency({art: text for art, _o, text, _q in items})
    groups: list[tuple[list[_Item], list[tuple[_Item, _Item]]]] = []  # members, (fragment, of)
    for r in sorted(recs, key=lambda r: -len(r.words)):  # longer first: fragments find a whole
        agree = [g for g in groups if all(_same_speaker(r.speaker, m.speaker) for m in g[0])]
        homes = [g for g in agree if any(_joins(r, m, freq) for m in g[0])]
        if homes:
            # of two entries whose members it states, the one with the closest wording ('died at a branch of the
            # Marfin bank ... after rioters ...' goes with '... after hooded youths ...', not with the longer
            # statement that took the first's place as longer wordings came first)
            home = homes[0] if len(homes) == 1 else max(homes, key=lambda g: max(_ratio(r, m) for m in g[0]))
            home[0].append(r)
        elif hit := next(((g, m) for g in agree for m in g[0] if _fragment_of(r, m)), None):
            hit[0][1].append((r, hit[1]))
        else:
            groups.append(([r], []))
    groups = [g for g in groups if not all(id(m) in phrases for m in g[0])]
    entries = [_entry(members, fragments, canonical) for members, fragments in groups]
    return sorted(entries, key=lambda e: (-len(e["articles"]), -len(e["wordings"])))


def _frequency(texts: dict[str, str]) -> _Frequency:
    """The story's article frequency of each content word."""
    df: Counter[str] = Counter()
    for text in texts.values():
        df.update(_content(text))
    return _Frequency(dict(df), len(texts))


def _joins(r: _Item, m: _Item, freq: _Frequency) -> bool:
    """Whether wording ``r`` is the statement of member ``m`` (their speakers agree). A wording
    nobody is named or described for joins a named speaker's entry only when nearly the same words."""
    if (r.speaker is None) != (m.speaker is None):
        nameless = r if r.speaker is None else m
        if _description(nameless.quote) is None:
            return _near_identical(r, m)
    if r.article == m.article and r.quote.direct and m.quote.direct:
        return _near_identical(r, m)  # an article's two direct quotes are two statements, unless one repeats the other
    if r.speaker is not None and m.speaker is not None and _restates(r, m, freq) and not _fragment_of(r, m):
        return True  # (a partial quote of the longer one stays under its "fragments")
    return _same_statement(r, m, freq) or _same_inner_quote(r, m)


def _restates(a: _Item, b: _Item, freq: _Frequency) -> bool:
    """A named speaker's short wording that restates their longer one: ``_same_statement``'s
    containment (at least 3 shared words, 0.6 of the shorter's, weighted by rarity) without its
    comparable lengths, as one outlet sums up in a clause what another quotes at length ('Within
    minutes, the roof was engulfed' / '... Within a moment or two, the entire roof was engulfed in
    flame.'). Not for a "quote" run over the article (``FRAGMENT_WHOLE_MAX``), nor across figures."""
    if max(len(a.words), len(b.words)) > FRAGMENT_WHOLE_MAX or _figures_differ(a, b):
        return False
    return _contained(a.content & b.content, min(len(a.content), len(b.content)), a, b, freq)


def _closest(ws: list[dict[str, Any]]) -> int:
    """Of the wordings carried as widely as the second, the one of a comparable length (half to twice the first's
    words) closest to the first by word sequence: the second the diff is drawn against, so that it reads as one
    statement's variants (Papandreou's 'We are all deeply shocked by the unjust death of three of our citizens ...'
    against Reuters' '... of these three people ...', not 'the firebombing was a "raw murderous act"')."""
    words = [_words(w["text"]) for w in ws]
    first = words[0]
    ties = [k for k in range(1, len(ws)) if len(ws[k]["articles"]) == len(ws[1]["articles"])
            and 0.5 * len(first) <= len(words[k]) <= 2 * len(first)]  # fmt: skip
    return max(ties, key=lambda k: (_sequence_ratio(first, words[k]), -k), default=1)


def _entry(
    members: list[_Item],
    fragments: list[tuple[_Item, _Item]],
    canonical: Callable[[str], str] | None,
) -> dict[str, Any]:
    order = sorted(members, key=lambda m: (m.article, m.quote.content.start))
    wordings: dict[str, dict[str, Any]] = {}
    for m in order:
        w = wordings.setdefault(" ".join(m.words), {"text": m.text, "direct": False, "articles": [], "outlets": []})
        w["direct"] = w["direct"] or m.quote.direct  # a reported wording ('stating that "we should ..."') has no marks
        w["articles"] = _unique([*w["articles"], m.article])
        w["outlets"] = _unique([*w["outlets"], m.outlet])
        span = {"article": m.article, "start": m.quote.content.start, "end": m.quote.content.end}
        w.setdefault("spans", []).append(span)
    ws = sorted(wordings.values(), key=lambda w: -len(w["articles"]))
    if len(ws) > 2:
        ws.insert(1, ws.pop(_closest(ws)))
    names = [m.quote.speaker_name for m in order if m.quote.speaker_name]
    name = max(names, key=lambda n: (names.count(n), len(n))) if names else None
    frags: list[dict[str, Any]] = [{"text": f.text, "article": f.article} for f, _of in fragments]
    for d, (f, of) in zip(frags, fragments, strict=True):
        d.update(outlet=f.outlet, start=f.quote.content.start, end=f.quote.content.end)
        d["fragment_of"] = {"text": of.text, "article": of.article, "start": of.quote.content.start}
    descriptions = [d for d in (_description(m.quote) for m in order) if d]
    # the cue verb of reported speech carries its sense: Putin "rejected" [accusations that ...]
    cues = [" ".join(m.quote.cue.text.lower().split()) for m in order if m.quote.cue and m.quote.cue.text.strip()]
    return {
        "speaker": canonical(name) if canonical and name else name,
        "speaker_description": None if name or not descriptions else max(descriptions, key=descriptions.count),
        "direct": any(m.quote.direct for m in members),
        "channel": next((m.quote.channel for m in order if m.quote.channel), None),
        "cue": max(cues, key=cues.count) if cues else None,
        "wordings": ws,
        "articles": _unique([m.article for m in order] + [f.article for f, _of in fragments]),
        "diff": _diff(ws[0]["text"], ws[1]["text"]) if len(ws) > 1 else [],
        "fragments": frags,
    }
