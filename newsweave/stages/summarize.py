"""Extractive multi-document summary with citations.

Concept coverage: the concepts are the content words and word bigrams of the candidate
sentences, each weighted by the number of articles that use it (what many outlets repeat is what
the story is about). Sentences are picked greedily by the weight of the concepts they add that are
not yet covered, per word, with a lead-position prior, so redundancy is paid for by construction;
the summary stays within the word budget. The prior depends on the cluster: when the articles' first
sentences carry about twice the concept weight per word of their other sentences (`lead_signal`: the
leads are summaries, as in short wiki-style reports), a much steeper and stronger prior is used;
otherwise (newswire follow-ups, where the story is told across later sentences) a mild one.
Sentences that open on a dangling reference ("But", "He said", a pronoun, "The two directed ...", a pronoun
subject after an opening phrase) or quote without attribution are left out, and so is page furniture: editors'
notes ("Eds: UPDATES with ...", "For immediate release:"), bullets, captions or headlines (no full stop, title
case, or a photo caption's closing date "Monday, July 13, 2009."). Datelines
("WASHINGTON (AP) _", "RIO DE JANEIRO, Brazil _", "Meadow Lake, Saskatchewan – ") are trimmed, at the
start of any sentence (the source span is trimmed with them). Sentences are ordered by
article date and position, except that one naming someone by the surname alone or opening on a definite noun
comes after the summary sentence that introduces them (`_reading_order`), and one opening on a person's surname alone
("Kroon declined ...") is chosen only once a chosen sentence names them in full (`introduce_surnames`); each cites
every article having one
sentence that holds most of its content words and bigrams. Given an embedder (sentence vectors), the greedy
pass also skips a sentence that says again what a chosen one says in other words (`repeat_cosine`; lower,
`restate_cosine`, for one that adds no name or figure and few words). The weights
below are the defaults chosen on the dev
clusters; a leave-one-cluster-out check (benchmarks/summarize.py --cv) finds no setting of its grid (lead prior,
length penalty, bigram weight, longest sentence) that does better on clusters left out, while the
summary-like-leads switch (threshold, bonus and decay) does (--cv-lead).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .textutil import ENGLISH_STOP, TITLE_AT_END

if TYPE_CHECKING:
    from .compare import TextEmbedder

_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# "WASHINGTON (AP) _ ", "BEIJING, Nov. 17 (Xinhua) -- ", "LONDON (Reuters) - "
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z .,'&-]{1,60}?\s*\([A-Za-z &-]{2,20}\)\s*(?:_|--|-|—|–|:)"  # "WASHINGTON (AP) _"
    r"|[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){0,3}(?:,\s[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?\s+(?:_|--|—|–)"
    r"|[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3},\s[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,2}\s+(?:—|–|--))\s+"
)  # "RIO DE JANEIRO, Brazil _ ", "Meadow Lake, Saskatchewan – "
_NOTE = re.compile(  # "Eds: UPDATES with ...", "For immediate release: The American Medical Association ..."
    r"^(?:(?:Eds?|Editors?|EDS|EDITORS?)\b\s*(?:note)?\s*[:.]|For (?:immediate )?release\b)", re.I
)
# A photo caption ends on the full date of the picture: "... in the White House Rose Garden Monday, July 13, 2009."
_CAPTION_DATE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\W*$"
)
# A reference the summary cannot resolve, at the start or as the subject after an opening phrase: "The two
# directed ...", "The others involved ...", "In Atlanta's posh Buckhead neighborhood, he shot ...".
_DANGLING_LATE = re.compile(
    r"^(?:The (?:two|three|four|others|latter|former|pair|couple|trio)\s+"
    r"(?:[a-z]+ed|were|are|have|had|will|would|did|say|said|also|then|later|both)\b"
    r"|[A-Z][^,;:\"“”]{0,80},\s+(?:he|she|they|it|his|her|their|its)\s)"
)
# an appeal to the reader with a telephone number: "Anyone with information is asked to call police on 0845 125 2222"
_APPEAL = re.compile(r"(?i)\b(?:call|calls|calling|contact|phone|ring|dial)\b.{0,80}?\d[\d\s().-]{6,}\d")
_ENDS_STATEMENT = re.compile(r"[.!][\"'”’)\]]*$")  # captions and headlines have no full stop
_DANGLING = frozenset(
    "but and or also however he she they it this these those his her their its him them yet still so "
    "meanwhile instead then such there that which who others another both".split()
)
_STOP = ENGLISH_STOP | frozenset("one two new year years would could also last first".split())
_SPEECH = frozenset("said say says told according reported added announced".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
# A short opening phrase of time, place or circumstance before the subject: "In preliminary returns, ",
# "On Sunday, ", "Earlier this week, ", "For 11 days last month, ". Only when capitalised words and then a
# lower-case one follow (a subject and its verb), not "In Buffalo, New York, ..." or "In Washington, D.C., ...".
_OPENING = re.compile(
    r"(?:On|In|At|By|During|After|Before|Since|Earlier|Later|For|From|Under|With|Despite|Through"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,;:\"“”()]{0,60}?,\s+"
    r"(?=[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*\s[a-z0-9])"
)


@dataclass(frozen=True)
class SummaryDoc:
    id: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    published: str | None = None
    title: str | None = None
    # who a pronoun speaker is, as the article's quotes resolve it: (start, end, name) of "he" in '..., he said.'
    # (`pronoun_speakers`); a chosen sentence whose speaker the summary has not named gets the name in brackets
    speakers: tuple[tuple[int, int, str], ...] = ()


_SPEAKER_PRONOUNS = frozenset("he she".split())
# a person's full name: two to four capitalised words, initials allowed, none all capitals ("Perry L. Nouis")
_PERSON_NAME = re.compile(r"(?:(?:[A-Z]\.|[A-Z](?:[a-z]|['’][A-Z])[\w'’.-]*)\s+){1,3}[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*")


def pronoun_speakers(text: str, quotes: Iterable[Any]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of each quote speaker written as a pronoun ("he", "she") that the quote stages resolved to
    a person's full name (``Quote.speaker`` / ``Quote.speaker_name``) in an article's text: '"This is a very rare
    situation," he said.' -> Louis-Michel Aymard. Kept only when that person is the one the text last named before
    the pronoun (of the words the article uses as surnames, `_persons`, and the name's own words): not '"Tara was 100
    percent professional," he told E! News.' resolved to the publicist Ketsoyan after "Reunion Pictures' Matthew
    O'Connor". A name of one word (a surname alone, or "Flag", a cable) or with an all-capitals word ("MV Gibe", a
    ship) is left out."""
    found = [(q.speaker, q.speaker_name.strip()) for q in quotes if q.speaker is not None and q.speaker_name]
    found = [(sp, n) for sp, n in found if sp.text.lower() in _SPEAKER_PRONOUNS and _PERSON_NAME.fullmatch(n)]
    if not found:
        return ()
    persons = _persons([text])
    out = set()
    for sp, name in found:
        own = set(name.replace(".", " ").split())
        words = sorted(persons | own, key=len, reverse=True)
        named = re.findall(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", text[: sp.start])
        if named and named[-1] in own and not _namesakes(text, name):
            out.add((sp.start, sp.end, name))
    return tuple(sorted(out))


_TITLES = frozenset(
    "mr mrs ms miss dr sgt sergeant chief coach officer pastor rev reverend judge sen senator rep gov governor "
    "president commissioner inspector captain capt lt lieutenant det detective sheriff deputy prosecutor attorney "
    "general adm gen col colonel maj major prof professor father sister brother bishop msgr pope king queen prince "
    "mayor agent trooper minister secretary spokesman spokeswoman manager director".split()
)


def _namesakes(text: str, name: str) -> bool:
    """Whether the text names another person of the same surname ("Anthony LaCalamita" and "Michele LaCalamita",
    "Bettie Page" and "Jack Page"): a capitalised word before the surname that is none of the name's words, no title
    ("Chief Craft") and no stop word ("When Page ...")."""
    *first, last = name.split()
    before = re.findall(rf"\b([A-Z][\w'’-]*)\.?\s+(?:[A-Z]\.\s+)*{re.escape(last)}\b", text)
    return any(w not in first and w.lower() not in _TITLES and w.lower() not in _STOP for w in before)


def _name_speakers(sents: list[dict[str, Any]], docs: list[SummaryDoc], where: list[tuple[int, int, int]]) -> None:
    """Replaces a pronoun speaker ('Each cable has a "leader" country, he said.') by the name the article's quotes
    give, in brackets as an edit ('..., [Louis-Michel Aymard] said.'), when no earlier summary sentence names that
    person (their last name); the source span and citations stay the article's. ``where``: (doc, start, end) of
    each sentence's source span; the sentence texts are the spans with whitespace runs made single spaces."""
    for k, (di, s, e) in enumerate(where):
        spans = [(a, b, n) for a, b, n in docs[di].speakers if s <= a and b <= e]
        if not spans:
            continue
        said = " ".join(str(x["text"]) for x in sents[:k])
        text, edits = docs[di].text, []
        out, pos = [], s
        for a, b, name in spans:
            if re.search(rf"\b{re.escape(name.split()[-1])}\b", f"{said} {text[s:a]}"):
                continue
            out += [text[pos:a], f"[{name}]"]
            edits.append({"from": text[a:b], "to": name})
            pos = b
        if edits:
            sents[k]["text"] = _WS.sub(" ", "".join([*out, text[pos:e]])).strip()
            sents[k]["edits"] = edits


@dataclass(frozen=True)
class Summarizer:
    words: int = 100
    bigram_weight: float = 2.0  # weight of a bigram concept relative to a unigram one
    min_df: int = 2  # concepts used by fewer articles count only when the story has few articles
    length_power: float = 0.7  # gain is divided by (words ** length_power)
    lead_bonus: float = 1.5  # multiplies the gain of an article's first sentence by (1 + bonus), decaying
    # When the articles' leads look like summaries (see `lead_signal`), a steeper and stronger prior replaces it:
    # the gain of the sentence at position p is multiplied by 1 + summary_lead_bonus / (1 + p) ** summary_lead_decay.
    summary_lead_min: float = 2.2  # lead_signal at or above which the leads count as summaries
    summary_lead_bonus: float = 6.0
    summary_lead_decay: float = 4.0
    min_words: int = 8
    max_words: int = 55
    cite_unigram: float = 0.6  # an article is cited when one of its sentences holds this share of words
    cite_bigram: float = 0.3  # ... and this share of the content bigrams
    # Three switches measured and left off (benchmarks/summarize.py --cv-variants: a wash at the word limit on
    # left-out dev clusters, and together they lost 1.7 R-1 / 1.7 R-2 on MultiLing held-out):
    trim_opening_phrase: bool = False  # "In preliminary returns, Cardoso ..." -> "Cardoso ..." (`_trim_opening`)
    weekday_concepts: bool = True  # whether "Sunday", "on Sunday", "today" count as concepts
    speech_concepts: bool = True  # whether bigrams of a speech verb ("police said", "said monday") count
    # With sentence vectors (the pipeline's MiniLM ``embed.Embedder``), the greedy pass skips a sentence whose
    # cosine with a chosen one is at least `repeat_cosine`: another outlet's words for the same fact ("Williams died
    # early Thursday in her sleep" after "Williams died peacefully in her sleep Thursday"), which shares too few
    # concepts to be paid for. Only the sentences the pass is about to choose are embedded (a few per story).
    embedder: TextEmbedder | None = field(default=None, compare=False)
    repeat_cosine: float = 0.75
    # ... and below it, down to `restate_cosine`, one that restates a chosen sentence: no name or figure that sentence
    # lacks (`_facts`) and at most `restate_novelty` of its content words new to it (`_novelty`, attribution and
    # weekdays aside): "No one was injured when the blaze hit the Wasilla Bible Church." after "No one was hurt in the
    # fire on Friday night although a handful of people ... were inside the Wasilla Bible Church, said ..." (cosine
    # 0.61, novelty 0.50). Chosen on the dev stories of the stream audit (benchmarks/summary_audit.py; margins thin:
    # restatements removed at cosine 0.57-0.61, an ok sentence kept at 0.54).
    restate_cosine: float = 0.55
    restate_novelty: float = 0.5
    introduce_surnames: bool = True  # a sentence opening on a surname alone waits for the sentence naming them in full

    def summarize(self, docs: list[SummaryDoc]) -> dict[str, Any]:
        """{"text", "sentences": [{"text", "source": {article, start, end}, "citations"}]}."""
        cands, concepts, weight = self._candidates(docs)
        if not cands:
            return {"text": "", "sentences": []}
        lengths = [len(c[4].split()) for c in cands]
        if self._lead_signal(cands, concepts, weight) >= self.summary_lead_min:
            prior = [1.0 + self.summary_lead_bonus / (1 + c[1]) ** self.summary_lead_decay for c in cands]
        else:
            prior = [1.0 + self.lead_bonus / (1 + c[1]) for c in cands]
        covered: set[str] = set()
        chosen: list[int] = []
        repeats: set[int] = set()
        vectors: dict[int, np.ndarray] = {}
        budget = self.words
        # a sentence opening on a surname alone ("Kroon declined ...") waits until a chosen sentence gives the full name
        # ("Pastor Larry Kroon ..."), when the articles use it as a surname somewhere (a person, not "Police")
        lone = [_lone_subject(c[4]) if self.introduce_surnames else "" for c in cands]
        intro = [{w for w, p in _words(c[4]) if p == "C"} if any(lone) else set() for c in cands]
        persons = _persons([d.text[a:b] for d in docs for a, b in d.sentences]) if any(lone) else set()
        lone = [w if w in persons else "" for w in lone]
        while True:
            best, best_score = -1, 0.0
            known = set().union(*(intro[j] for j in chosen)) if any(lone) else set()
            for i, cs in enumerate(concepts):
                if i in chosen or i in repeats or lengths[i] > budget:
                    continue
                if lone[i] and lone[i] not in known:
                    continue
                gain = sum(weight.get(k, 0.0) for k in cs - covered)
                score = prior[i] * gain / lengths[i] ** self.length_power
                if score > best_score:
                    best, best_score = i, score
            if best < 0:
                break
            if chosen and self._repeats(best, chosen, [c[4] for c in cands], vectors):
                repeats.add(best)
                continue
            chosen.append(best)
            covered |= concepts[best]
            budget -= lengths[best]
        chosen.sort(key=lambda i: (docs[cands[i][0]].published or "9999", cands[i][0], cands[i][1]))
        # an article's lead opens the summary (the earliest one chosen), not background the earliest article
        # gives further down; a lead that itself opens on background ("Normally, Microsoft releases security bulletins
        # ... on the second Tuesday", "Through the anxious weeks leading up to ...") or on a detail (`_DETAIL_FIRST`)
        # gives way to another lead, and so does one the reading order would move down (it names something another
        # chosen sentence introduces: "... INS Mysore, ..." after "... INS Mysore warship intervened ...")
        leads = [i for i in chosen if cands[i][1] <= LEAD_POSITION]

        def moved_down(i: int) -> bool:
            return _reading_order([cands[k][4] for k in [i, *(k for k in chosen if k != i)]])[0] != 0

        lead = min(leads, key=lambda i: (_detail_first(cands[i][4]), moved_down(i), cands[i][1]), default=-1)
        if lead >= 0:
            chosen.remove(lead)
            chosen.insert(0, lead)
        chosen = [chosen[k] for k in _reading_order([cands[i][4] for i in chosen])]
        doc_concepts = [[text_concepts(_WS.sub(" ", d.text[s:e])) for s, e in d.sentences] for d in docs]
        sents = []
        where = []
        for i in chosen:
            di, _, s, e, text = cands[i]
            cited = [di] + [k for k in range(len(docs)) if k != di and self.supports(concepts[i], doc_concepts[k])]
            sents.append({
                "text": text,
                "source": {"article": docs[di].id, "start": s, "end": e},
                "citations": [docs[k].id for k in cited],
            })  # fmt: skip
            where.append((di, s, e))
        _name_speakers(sents, docs, where)
        return {"text": " ".join(str(s["text"]) for s in sents), "sentences": sents}

    def _repeats(self, i: int, chosen: list[int], texts: list[str], vectors: dict[int, np.ndarray]) -> bool:
        """Whether sentence i says again what a chosen sentence says: cosine of their vectors at least
        ``repeat_cosine``, or at least ``restate_cosine`` with no new name or figure and few new words (False without
        an embedder). Vectors are computed on demand and kept in ``vectors``."""
        if self.embedder is None:
            return False
        todo = [k for k in (*chosen, i) if k not in vectors]
        if todo:
            vectors.update(zip(todo, self.embedder.embed([texts[k] for k in todo]), strict=True))
        cos = {k: float(vectors[i] @ vectors[k]) for k in chosen}
        if max(cos.values()) >= self.repeat_cosine:
            return True
        facts = _facts(texts[i])
        return any(
            c >= self.restate_cosine and facts <= _facts(texts[k])
            and _novelty(texts[i], texts[k]) <= self.restate_novelty
            for k, c in cos.items()
        )  # fmt: skip

    def lead_signal(self, docs: list[SummaryDoc]) -> float:
        """How summary-like the articles' leads are (0 when no article has two candidate sentences)."""
        return self._lead_signal(*self._candidates(docs))

    def _candidates(
        self, docs: list[SummaryDoc]
    ) -> tuple[list[tuple[int, int, int, int, str]], list[set[str]], dict[str, float]]:
        """Candidate sentences (doc index, position, start, end, text), their concepts, the concept weights."""
        cands: list[tuple[int, int, int, int, str]] = []
        for di, d in enumerate(docs):
            for pos, (s, e) in enumerate(d.sentences):
                s = _trim_dateline(d.text, s, e)
                if self.trim_opening_phrase:
                    s = _trim_opening(d.text, s, e)
                while e > s and d.text[e - 1].isspace():
                    e -= 1
                text = _WS.sub(" ", d.text[s:e]).strip()
                n = len(text.split())
                if self.min_words <= n <= self.max_words and n <= self.words and _usable(text):
                    cands.append((di, pos, s, e, text))
        concepts = [text_concepts(c[4]) for c in cands]
        df: dict[str, set[int]] = defaultdict(set)
        for c, cs in zip(cands, concepts, strict=True):
            for k in cs:
                df[k].add(c[0])
        min_df = self.min_df if len(docs) >= 3 else 1
        weight = {k: len(v) * (self.bigram_weight if " " in k else 1.0) for k, v in df.items() if len(v) >= min_df}
        if not self.weekday_concepts:  # articles of one story date the same event by different days
            weight = {k: w for k, w in weight.items() if not all(t in _STOP or t in _DAYS for t in k.split())}
        if not self.speech_concepts:  # who said it is not what the story is about
            weight = {k: w for k, w in weight.items() if " " not in k or not _SPEECH.intersection(k.split())}
        return cands, concepts, weight

    def _lead_signal(
        self, cands: list[tuple[int, int, int, int, str]], concepts: list[set[str]], weight: dict[str, float]
    ) -> float:
        """Mean over the articles of: the concept weight per word of the article's first candidate sentence over
        the mean of its other candidates'. About 2 or more when the leads state what the cluster is about (short
        wiki-style reports), less when the story is told across sentences and articles (newswire follow-ups)."""
        per_doc: dict[int, list[float]] = defaultdict(list)  # candidates come in document order, by position
        for c, cs in zip(cands, concepts, strict=True):
            per_doc[c[0]].append(sum(weight.get(k, 0.0) for k in cs) / len(c[4].split()) ** self.length_power)
        ratios = [v[0] / (sum(v[1:]) / (len(v) - 1) + 1e-9) for v in per_doc.values() if len(v) > 1]
        return sum(ratios) / len(ratios) if ratios else 0.0

    def supports(self, want: set[str], sentences: list[set[str]]) -> bool:
        """Whether one sentence (its `text_concepts`) holds enough of the concepts wanted to be cited for them."""
        uni = {k for k in want if " " not in k}
        bi = want - uni
        for have in sentences:
            if len(uni & have) >= self.cite_unigram * len(uni) and len(bi & have) >= self.cite_bigram * len(bi):
                return True
        return False


def _norm(w: str) -> str:
    """A light stemmer: enough to match plural and possessive forms of the same word."""
    w = w.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# words that tell who said it or when, not what happened: "..., the Anchorage Daily News reported", "police said Friday"
_ATTRIBUTION = frozenset("said say says told tell according report reported reporting announced announce confirmed "
                         "spokesman spokeswoman spokesperson statement news agency".split())  # fmt: skip


def _content_words(text: str) -> set[str]:
    """A sentence's content words, normalised, without stop words, weekdays and attribution."""
    return {w for w in (_norm(t) for t in _TOKEN.findall(text.lower()))
            if w not in _STOP and w not in _DAYS and w not in _ATTRIBUTION and len(w) > 1}  # fmt: skip


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _numbers(text: str) -> set[str]:
    """The figures a sentence gives ("2,302", "$1 million" -> "1", "91"), commas dropped."""
    return {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}


def _facts(text: str) -> set[str]:
    """The names and figures a sentence gives: capitalised words past its first, and numbers."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return {_norm(w.lower()) for w in words[1:] if w[:1].isupper() and w.lower() not in _STOP} | _numbers(text)


def _novelty(text: str, other: str) -> float:
    """The share of a sentence's content words (attribution and weekdays aside) that the other sentence lacks."""
    words = _content_words(text)
    return len(words - _content_words(other)) / len(words) if words else 0.0


def text_concepts(text: str) -> set[str]:
    """Content words and bigrams of adjacent words (not both stop words), normalised."""
    toks = [_norm(t) for t in _TOKEN.findall(text.lower())]
    out = {t for t in toks if t not in _STOP and len(t) > 1}
    for a, b in zip(toks, toks[1:], strict=False):
        if not (a in _STOP and b in _STOP):
            out.add(f"{a} {b}")
    return out


_CAP = re.compile(r"[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*")
_DEFINITE = re.compile(r"^The ([A-Za-z][a-z-]+)\b")


# A sentence that opens on background rather than the event: "Normally, Microsoft releases ...", "Through the
# anxious weeks leading up to the national elections here on Sunday, ...", "Today, the day of the National Monuments
# of Chile, ..."
_BACKGROUND = re.compile(
    r"(?:[A-Z][a-z]+ly|Today|Now|Meanwhile|Still|Yet|Again|Instead|Earlier|Later|Already|Once)\b[^,;:]{0,40},"
    r"|(?:Through|Throughout|While|Although|Though)\s[^,;:]{8,},"
)
# ... or on a detail rather than the event: a quotation first ('CNN management said: "Since first learning ..."', a
# sentence opening on a quotation mark), a "By the time ..." clause, or a past perfect or "had" as the first verb of the
# main clause ("The pirates on two speed boats had surrounded the merchant vessel ...", "The Sixers had a three-game
# losing streak going into ..."; not "Police said the man had ...", "A man who had been fired ...")
_DETAIL_FIRST = re.compile(
    r"[\"“‘`']|[^\"“,;:]{0,60}?\b(?:said|says|told|wrote|added|stated)\s*[:,]\s*[\"“]"
    r"|(?:By the time|Until)\b[^,;:]{8,},"
    r"|(?![^,;:]*\b(?:said|says|told|who|that|which|when|after|before|because|if|since)\b)[A-Z][^,;:\"“]{0,70}?\shad\s(?!to\b)"
)
LEAD_POSITION = 1  # a chosen sentence at most this far into its article (0 = its first) may open the summary


def _detail_first(text: str) -> bool:
    """Whether a sentence opens on background or a detail (`_BACKGROUND`, `_DETAIL_FIRST`) rather than the event."""
    return bool(_BACKGROUND.match(text) or _DETAIL_FIRST.match(text))


def _words(t: str) -> list[tuple[str, str]]:
    """The words of a text, each with "C" when it follows a capitalised name word ("Marie Johnson", "Dr. Benjamin"),
    else the word before it, lower-cased."""
    out, prev, end = [], "", 0
    for m in re.finditer(r"[A-Za-z][A-Za-z'’-]*", t):
        w, between = m.group(0), t[end : m.start()].strip()
        initial = between == "." and len(prev) <= 3  # "Regina M. Benjamin", "Dr. Benjamin"
        name = prev[:1].isupper() and prev.lower() not in _STOP and (between in ("", '"', "”", "“", "'") or initial)
        out.append((w, "C" if name else prev.lower()))
        prev, end = w, m.end()
    return out


# a sentence whose subject is a surname alone: "Kroon declined to say ...", "Echenique scored all 11 points ..."; not
# one that introduces the person itself ("Palin, who was also the Republican vice presidential candidate, ...")
_LONE_SUBJECT = re.compile(r"([A-Z][a-z]*(?:['’][A-Z])?[a-z]+(?:-[A-Z]?[a-z]+)?)(?:['’]s)?\s+(?![A-Z])")


def _lone_subject(text: str) -> str:
    """The surname a sentence opens on, alone ("Kroon declined ..." -> "Kroon"), or ""."""
    m = _LONE_SUBJECT.match(text)
    if not m or m.group(1).lower() in _STOP or m.group(1).lower() in _DANGLING:
        return ""
    return m.group(1)


def _persons(texts: list[str]) -> set[str]:
    """Words the texts use as surnames: after a first name or title that does not open the sentence ("Pastor Larry
    Kroon", "... said Larry Kroon"; not "Typically Microsoft ...") and never in lower case (not "Surrey Police")."""
    full: set[str] = set()
    lower: set[str] = set()
    for t in texts:
        ws = _words(t)
        full.update(w for k, (w, p) in enumerate(ws) if p == "C" and k >= 2)
        lower.update(w for w, _ in ws if w[:1].islower())
    return {w for w in full if w.lower() not in lower}


def _reading_order(texts: list[str]) -> list[int]:
    """The summary's order (date and position) with one change: a sentence that names someone by the surname alone
    ("Johnson was walking ...") or opens on a definite noun ("The quake was centred ...") comes after the one that
    introduces them ("... LuAnn Marie Johnson ...", "A powerful earthquake ..."), when that one is in the summary."""

    ws = [_words(t) for t in texts]

    def introduces(j: int, term: str) -> bool:
        # a name after a first name or title ("Marie Johnson"), or a noun shortly after "a" ("A powerful earthquake")
        if term[:1].isupper():
            return any(w == term and p == "C" for w, p in ws[j])
        return any(
            w.lower().endswith(term) and any(x.lower() in ("a", "an") for x, _ in ws[j][max(0, k - 3) : k])
            for k, (w, _) in enumerate(ws[j])
        )

    needs: list[set[str]] = []
    for i, t in enumerate(texts):
        want = set()
        for k, (w, p) in enumerate(ws[i]):
            nxt = ws[i][k + 1][0] if k + 1 < len(ws[i]) else ""
            if _CAP.fullmatch(w) and p != "C" and not nxt[:1].isupper() and w.lower() not in _STOP:
                want.add(w)  # a capitalised word alone: a surname (or a place: it is introduced nowhere else)
        m = _DEFINITE.match(t)
        if m and m.group(1).lower() not in _STOP:
            want.add(m.group(1))
        needs.append({w for w in want if not introduces(i, w)})
    # for each sentence, for each thing it needs: the other sentences that introduce it; one of them must come first
    after = [
        [by for w in needs[i] if (by := {j for j in range(len(texts)) if j != i and introduces(j, w)})]
        for i in range(len(texts))
    ]
    order: list[int] = []
    left = list(range(len(texts)))
    while left:
        ready = [i for i in left if all(by & set(order) for by in after[i])]
        pick = ready[0] if ready else left[0]
        order.append(pick)
        left.remove(pick)
    return order


def _trim_dateline(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    m = _DATELINE.match(text, start, end)
    return m.end() if m and end - m.end() > 20 else start


def _trim_opening(text: str, start: int, end: int) -> int:
    """Skip an opening phrase of at most 10 words (`_OPENING`): the words go to the story's facts."""
    m = _OPENING.match(text, start, end)
    return m.end() if m and len(m.group(0).split()) <= 10 else start


def _usable(text: str) -> bool:
    """Not junk, and readable out of its context."""
    letters = sum(ch.isalpha() for ch in text)
    if sum(w[0].islower() for w in text.split()) < 3:
        return False  # names or a headline in title case: "Hoyt Teasley and U.S. Customs Agent David Wilhelm."
    if letters < 0.6 * len(text) or text.endswith((":", ",", "?")) or text.isupper():
        return False
    if not text[0].isalnum() and text[0] not in "\"“'`" or _NOTE.match(text) or not _ENDS_STATEMENT.search(text):
        return False  # a bullet ("* AP - ..."), an editor's note, a caption or a headline
    if _CAPTION_DATE.search(text) or _APPEAL.search(text):
        return False  # a photo caption, a police appeal with its number
    if TITLE_AT_END.search(text):
        return False  # cut at a title's full stop: "... surrounded the building, Const." (Jana McGuinness said)
    first = re.match(r"[A-Za-z']+", text)
    if text[0] in "\"“'`" or (first and first.group(0).lower() in _DANGLING) or _DANGLING_LATE.match(text):
        return False
    return not (text.count('"') % 2 or text.count("“") != text.count("”") or text.count("``") != text.count("''"))
