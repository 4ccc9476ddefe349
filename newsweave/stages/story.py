"""Analyse one story: its articles and copies, headline, entities, quote ledger, cited summary,
timeline, numbers and the cross-source comparison."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from typing import Any

import numpy as np

from ..records import Analysis, Article, Quote
from .cluster import content_terms, entity_keys
from .compare import TextEmbedder, compare_sources, outlet_name, outlet_of
from .dates import DATE_LABELS
from .dedupe import DuplicateIndex
from .entities import canonical_lookup, resolve_entities
from .facts import story_facts
from .language import common_word
from .ledger import build_ledger
from .ledger_names import story_names
from .registry import LINKED_LABELS
from .summarize import Summarizer, SummaryDoc, pronoun_speakers
from .textutil import PERSON_PRONOUNS, join_spaced_hyphens, tokenized_hyphens


def find_copies(articles: list[Article]) -> dict[str, str]:
    """Near-identical texts within a story (MinHash LSH with a Jaccard/containment recheck):
    copy id -> original id, the original being a news agency's own page or the page of the outlet
    another copy credits (``Article.original_source``), else the earliest published."""
    index = DuplicateIndex()
    for a in articles:
        index.add(a.id, a.text, a.published, a.source, credit=a.original_source)
    return index.original_of(a.id for a in articles)


HEADLINE_CHARS = 110  # a headline made from a first sentence is cut to about this length
HEADLINE_SOFT = 90  # ... and one longer than this loses a closing attribution or an apposition

# a wire dateline before the first sentence: "MANILA, Philippines (AP) _ ", "WASHINGTON _ ", "PARIS (Reuters) - "
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s+[A-Z][\w .'’-]*?)?\s*(?:\([A-Za-z .-]+\)\s*)?[_\u2013\u2014-]+\s+")
_WIRE_NOTE = re.compile(r"(?i)^(?:eds?:|editor'?s note|ap photos?\b|by [A-Z][a-z]+ [A-Z])")
_END = re.compile(r"(\S*)[.!?](?=\s)")
# words a full stop follows without ending the sentence ("on Sept. 5", "Gov. Palin", "U.S.")
_ABBREV = frozenset("mr mrs ms dr st jr sr no gen sen rep gov lt col capt sgt prof jan feb mar apr jun jul aug sep "
                    "sept oct nov dec inc corp co vs".split())  # fmt: skip


def headline(articles: list[Article], vectors: list[np.ndarray]) -> str:
    """The title of the article closest to the story centroid; a long one (some sources give an
    article's first sentence as its title) shortened by ``_shorten``'s rules, or when only a cut at a
    word would do, the first title of the five closest that fits in ``HEADLINE_CHARS``, else the cut
    one. When no article has a title, the same with the first sentences of the five most central
    articles, their wire datelines and heading lines dropped. Hyphens a tokenized source spaced are
    joined again ("Deadly fire - bomb hits bank" -> "fire-bomb") when the article it comes from writes
    all its hyphens so."""
    text = _headline(articles, vectors)
    if " - " not in text:
        return text
    head = text.split(" - ", 1)[0][:40]
    source = [a for a in articles if head in (a.title or "") or head in a.text[:3000]]
    return join_spaced_hyphens(text) if any(tokenized_hyphens(a.text) for a in source) else text


def _headline(articles: list[Article], vectors: list[np.ndarray]) -> str:
    if vectors:
        c = np.mean(vectors, axis=0)
        order = [int(i) for i in np.argsort(-(np.stack(vectors) @ c), kind="stable")]
    else:
        order = list(range(len(articles)))
    titles = [_no_full_stop(str(articles[i].title)) for i in order if articles[i].title][:5]
    titles = [t for t in titles if not _shouting(t)] + [t for t in titles if _shouting(t)]  # capitals last
    leads = [s for s in (_first_sentence(articles[i].text) for i in order[:5]) if s]
    firsts = titles or [s for s in leads if not _weak_lead(s)] or leads
    if not firsts:
        return "(untitled story)"
    if len(firsts[0]) <= HEADLINE_SOFT:
        return _no_full_stop(firsts[0])
    shortened, whole = _shorten(firsts[0])
    if whole:
        return shortened
    short = [s for s in firsts if len(s) <= HEADLINE_CHARS]
    return _shorten(short[0])[0] if short else shortened


# a closing attribution: ", police said Saturday", ", according to sources", ", the American Pie star's rep confirmed"
_SAID_END = re.compile(
    r",?\s+(?:according to [^,]{3,60}|(?:[\w'’.-]+\s+){0,6}?(?:said|says|say|reported|announced|confirmed)"
    r"(?:\s+(?:on\s+)?(?:\w+day|today|yesterday))?(?:\s+to\s+[^,]{3,40})?)\s*[.!]?$")
# an apposition after the sentence's subject: "Dr. Sanjay Gupta, a neurosurgeon and ... for CNN, has been offered"
_APPOSITION = re.compile(r"^([A-Z][^,]{2,50}?), (?:an?|the|who|whose|\d[\w-]*) [^,]{3,90}?, (?=[a-z])")
# where a tail clause starts: ", ending ...", ", killing at least 500 people", " after battering ...",
# " following the disclosure ..."
_TAIL = re.compile(
    r",\s+(?:[a-z]{3,}ing|while|after|which|where|as|but|and|with)\s|\s(?:after|following|while|whose|when)\s")
_RELATIVE = re.compile(r"\b(?:who|that|which)\b")
_SHORT_MIN = 30  # a headline shortened by dropping words keeps at least this many characters
_TAIL_MIN = 40  # ... and by ending it before a tail clause, this many


def _shorten(sentence: str) -> tuple[str, bool]:
    """A long first sentence or title made a headline: a closing attribution (", police said Saturday")
    and an apposition after the subject (", a neurosurgeon and ... for CNN,") dropped from one longer
    than ``HEADLINE_SOFT``, then one still longer than ``HEADLINE_CHARS``
    ended before its last tail clause (", ending ...", " after ...", " whose ...") that leaves it within
    ``HEADLINE_CHARS``; else cut where a phrase ends (``_clause_cut``) or at a clause or a word (``_cut``). With
    whether the headline reads whole: not cut at a phrase's end, a clause or a word (a shorter title is
    better then)."""
    s = _no_full_stop(sentence.strip())
    for pattern, repl in ((_SAID_END, ""), (_APPOSITION, r"\1 ")):
        if len(s) > HEADLINE_SOFT:
            t = pattern.sub(repl, s, count=1).strip()
            s = t if len(t) >= _SHORT_MIN else s
    if len(s) <= HEADLINE_CHARS:
        return s, True
    t = _OPENER.sub("", s, count=1)  # "Declaring him a martyr of the faith, Pope John Paul II ... honored ..."
    s = t if len(t) >= _SHORT_MIN else s
    if len(s) <= HEADLINE_CHARS:
        return s, True
    # not inside a relative clause on the subject ("A climber who survived ... | after seeing ... also ...")
    cuts = [m.start() for m in _TAIL.finditer(s)
            if _TAIL_MIN <= m.start() <= HEADLINE_CHARS and not _RELATIVE.search(s, 0, m.start())]
    if cuts:
        return s[: cuts[-1]].rstrip(" ,;"), True
    return _clause_cut(s) or _cut(s), False


# an opening phrase set off by a comma: "Declaring him a martyr of the faith, ", "After a two-week search, "
_OPENER = re.compile(
    r"^(?:[A-Z][a-z]+ing|After|Before|Despite|Following|Amid|During|In|On|At|With)\b[^,]{3,70}, (?=[A-Z])")
# where a phrase ends: before a preposition or a clause word, or at a comma, a dash or a semicolon
_PREPOSITIONS = frozenset("about above across after against along amid among around as at before behind below beside "
                          "between beyond by despite during for from in inside into near of off on onto outside over "
                          "past since through throughout to toward towards under until upon with within without"
                          .split())  # fmt: skip
_CLAUSE_WORDS = "that|which|who|whose|where|when|while|because|although|thus"
_BOUNDARY = re.compile(rf",\s|\s[\u2014\u2013-]\s|;\s|\s(?=(?:{'|'.join(sorted(_PREPOSITIONS))}|{_CLAUSE_WORDS})\s)")
# words a headline does not end on
_DANGLING = _PREPOSITIONS | frozenset(
    "the a an and or but nor his her its their our my your this these those is are was were be been being has have had "
    "will would could can may might must should not no than very most more less so such one said says".split())
# words that show a finite verb in a headline-length prefix (with past forms in -ed after no article)
_FINITE = frozenset(
    "is are was were has have had will would could can may might must should did does won lost burst hit struck made "
    "took said says told left fell found gave got went came saw set met began led held kept ran shot sent brought "
    "bought sold stole broke beat became built caught chose drove fought flew fled grew hung knew laid lit meant paid "
    "put quit rose sank shook shut sought spent spoke stood stuck swore swept threw tore woke wore wrote".split())
_ARTICLES = frozenset("the a an his her its their our my your this that these those".split())
_CLAUSE_OVER = 15  # a cut at a comma, a dash or a semicolon may end this many characters past HEADLINE_CHARS


def _has_finite_verb(words: list[str]) -> bool:
    low = [w.lower().strip(",;:'\"") for w in words]
    return any(w in _FINITE or (len(w) > 3 and w.endswith("ed") and low[i - 1] not in _ARTICLES)
               for i, w in enumerate(low) if i > 0)  # fmt: skip


def _clause_cut(sentence: str) -> str | None:
    """A long sentence ended where a phrase ends, so that what is left reads as a whole headline: the last
    such end within ``HEADLINE_CHARS`` (at a comma, a dash or a semicolon, ``_CLAUSE_OVER`` more) whose
    prefix holds a finite verb after the subject, is inside no relative clause and ends on no function word
    ("... Airways have clashed | over the laying off of PAL workers, prompting ..."). None when no end does."""
    best = None
    for m in _BOUNDARY.finditer(sentence):
        at, punct = m.start(), m.group().strip() != ""
        if at < _TAIL_MIN or at > HEADLINE_CHARS + (_CLAUSE_OVER if punct else 0):
            continue
        words = sentence[:at].rstrip(" ,;").split()
        last = _CLAUSE_BREAK.split(" ".join(words))[-1].split()  # the clause the headline would end in
        if (len(last) >= 3 and not _dangling(words) and not _RELATIVE.search(sentence, 0, at)
                and last[0].lower() not in _SUBORDINATORS and _has_finite_verb(last)
                and not _open_quote(sentence[:at])):  # fmt: skip
            best = " ".join(words)
    return best


# a clause opening on these is no headline's main clause ("When the writers filed their lawsuit against X")
_SUBORDINATORS = frozenset("when whether if as although though while because since unless once until after before "
                           "how why what whatever whenever wherever".split())  # fmt: skip
_AUXILIARIES = frozenset("is are was were be been being has have had get gets got".split())
_PARTICIPLES = frozenset("held wrought known made built shown given taken written born led set seen done".split())


def _dangling(words: list[str]) -> bool:
    """A headline's end that leaves something out: a function word, a participle with no auxiliary before it
    ("startups funded", "conferences recommended"), or an -ing form after a preposition ("since working")."""
    last, before = words[-1].lower().strip(",;:'\"’”"), words[-2].lower() if len(words) > 1 else ""
    return (last in _DANGLING or ((last.endswith("ed") or last in _PARTICIPLES) and before not in _AUXILIARIES)
            or (last.endswith("ing") and before in _PREPOSITIONS))  # fmt: skip


_CLAUSE_BREAK = re.compile(r"[;:.!?…]['\"’”]*\s|,['\"’”]*\s|\s[\u2014\u2013-]\s")


# single quote marks that open (after a space) and that close (before a space or a stop: not "Clinton’s")
_OPENING_SINGLE = re.compile(r"(?:^|[\s(])['‘]")
_CLOSING_SINGLE = re.compile(r"['’](?=[\s.,;:!?)]|$)")


def _open_quote(text: str) -> bool:
    """Whether ``text`` ends inside a quotation (a quote mark opened and not closed): straight, curly, single,
    or the ``...'' pairs of tokenized sources (DUC, PTB style), which ``compare.balanced_quotes`` counts too."""
    double_close = text.count("''")
    single = len(_OPENING_SINGLE.findall(text)) - len(_CLOSING_SINGLE.findall(text)) + double_close
    return (text.count('"') % 2 == 1 or text.count("“") > text.count("”") or text.count("``") > double_close
            or single > 0)  # fmt: skip


# a lead that leans on what the reader does not know yet: "It plowed over and past 17 Caribbean islands ...",
# "But scores of instruments ...", "This morning, ..."
_ANAPHORIC = frozenset("it he she they we i you his her their its this that these those there but and so yet".split())
_LEAD_MIN_WORDS = 6  # "Things could have been worse.", "Chicken Little would love this one."


def _weak_lead(sentence: str) -> bool:
    """A first sentence no headline should be made of when another central article's is better: one
    opening on a pronoun or a conjunction, a question, or one too short to say what happened."""
    words = sentence.split()
    first = re.sub(r"[^\w]", "", words[0]).lower() if words else ""
    return first in _ANAPHORIC or len(words) < _LEAD_MIN_WORDS or sentence.rstrip().endswith("?")


def _shouting(title: str) -> bool:
    """A title in capitals only ("CHARGERS' WILLIAMS ARRESTED ON SUSPICION OF DUI"): a reader's headline
    takes one of the story's other titles when it has one."""
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 8 and not any(c.islower() for c in letters) and any(c.isupper() for c in letters)


def _no_full_stop(line: str) -> str:
    """A headline without the full stop some sites end titles with ("Watergate figure Fred LaRue dies.");
    an abbreviation's stop stays ("... to join Exxon Corp.", "... in the U.S."); a stop a tokenized source set
    apart goes with its space ('... as "potentially suspicious" .')."""
    line = line.strip()
    if not line.endswith(".") or line.endswith(".."):
        return line
    body = line[:-1].rstrip()
    word = body.rsplit(" ", 1)[-1].lower()
    return line if word in _ABBREV or "." in word or len(word) <= 1 else body


def _first_sentence(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    # headings ("NATIONAL FORECAST"), wire notes ("Eds: UPDATES with ...", "AP Photo XYZ101") and bylines
    while len(lines) > 1 and (lines[0].isupper() or len(lines[0].split()) <= 3 or _WIRE_NOTE.match(lines[0])):
        lines.pop(0)
    body = _DATELINE.sub("", " ".join(lines), count=1)
    for m in _END.finditer(body):
        word = m.group(1).lower().rstrip(".")
        if word in _ABBREV or len(word) <= 1 or "." in word:  # "Sept.", "J.", "U.S."
            continue
        return body[: m.end()]
    return body


first_sentence = _first_sentence  # public: the report shows an untitled article by its first words


def _cut(sentence: str) -> str:
    """A long sentence cut at its last clause boundary (or else word) before ``HEADLINE_CHARS``."""
    head = sentence[: HEADLINE_CHARS + 1]
    for sep in (", ", " \u2014 ", " - ", "; "):
        at = head.rfind(sep)
        if at >= HEADLINE_CHARS // 2:
            return head[:at] + " …"
    return head.rsplit(" ", 1)[0] + " …"


# -- stories that mix two events ------------------------------------------------------------------
# The streaming clusterer can put two similar events in one story (two earthquakes, two heists on one street). Inside
# a story the articles are compared with one another the way the clusterer compares an article with a story (MiniLM
# cosine, entity-key overlap, TF-IDF cosine of title + lead terms, the IDF counted within the story), grouped by
# average linkage, and the story reads as two events when the two largest groups are both big enough and clearly
# apart (mean silhouette). Settings chosen on the dev stories of the 961-article stream (benchmarks/mixed_stories.py).
SPLIT_WEIGHTS = (0.3, 0.3, 0.3, 0.1)  # cosine, entities, terms, numbers: the clusterer's 0.3 / 0.3 / 0.4 with 0.1 of
# the terms' weight on the numbers of title and lead, years aside (a record, a toll, an age, a sum tell twins apart)
SPLIT_LEAD = 1000  # characters of an article's text (after its title) whose terms are compared
SPLIT_STORY = 8  # only a story of at least this many articles is checked (smaller ones split by chance)
SPLIT_MIN = 3  # each group holds at least this many articles ...
SPLIT_SHARE = 0.25  # ... and this share of the story's
SPLIT_SILHOUETTE = 0.30  # split when the mean silhouette of the articles in the two groups is at least this ...
SPLIT_COHESION = 0.325  # ... and the articles of each group are this similar on average (several outlets telling one
# event alike; not a series of reports on one topic, such as a disaster's toll, aid and aftermath)


_YEAR = re.compile(r"1[89]\d\d|20\d\d")  # a year is left out: mostly background ("hosted in 2007", "since 1990")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?!\w)")  # "9", "2.6", "200,000"; not "ms08" or "3rd"


def _story_tfidf(bags: list[Counter[str] | dict[str, int]]) -> list[dict[str, float]]:
    """Unit TF-IDF vectors of the articles' term bags, the document frequencies counted within the story."""
    n = len(bags)
    df = Counter(t for ts in bags for t in ts)
    out = []
    for ts in bags:
        w = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1.0) for t, c in ts.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        out.append({t: x / norm for t, x in w.items()})
    return out


def article_similarities(articles: list[Article], analyses: dict[str, Analysis],
                         vectors: dict[str, np.ndarray]) -> np.ndarray:  # fmt: skip
    """Pairwise similarity of a story's articles (n x n): ``SPLIT_WEIGHTS`` over the MiniLM cosine (0 without
    both vectors), the overlap of their entity keys (shared keys over the smaller of the two sets, at most 8), the
    cosine of their content terms (title + first ``SPLIT_LEAD`` characters) and that of the numbers written there
    (both TF-IDF with the story's document frequencies)."""
    n = len(articles)
    cw, ew, lw, nw = SPLIT_WEIGHTS
    dim = next((len(v) for v in vectors.values()), 0)
    vec = np.stack([vectors.get(a.id, np.zeros(dim, dtype=np.float32)) for a in articles]) if dim else None
    cos = vec @ vec.T if vec is not None else np.zeros((n, n))
    ents = [set(entity_keys(analyses[a.id])[:8]) if a.id in analyses else set() for a in articles]
    terms = _story_tfidf([content_terms(a.title, a.text, SPLIT_LEAD) for a in articles])
    leads = [f"{a.title or ''}\n{a.text[:SPLIT_LEAD]}" for a in articles]
    numbers = _story_tfidf([Counter(x.replace(",", "") for x in _NUMBER.findall(lead) if not _YEAR.fullmatch(x))
                            for lead in leads])  # fmt: skip
    sim = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            e = len(ents[i] & ents[j]) / min(len(ents[i]), len(ents[j])) if ents[i] and ents[j] else 0.0
            lex = sum(x * terms[j][t] for t, x in terms[i].items() if t in terms[j])
            num = sum(x * numbers[j][t] for t, x in numbers[i].items() if t in numbers[j])
            sim[i, j] = sim[j, i] = cw * float(cos[i, j]) + ew * e + lw * lex + nw * num
    return sim


def split_groups(sim: np.ndarray, min_size: int = SPLIT_MIN, share: float = SPLIT_SHARE,
                 silhouette: float = SPLIT_SILHOUETTE,
                 cohesion: float = SPLIT_COHESION) -> list[list[int]]:  # fmt: skip
    """The article groups of a story from their pairwise similarities: one group (all) when they read as one event,
    else two, the main one first (the larger; on a tie the one holding the article most similar to all others).
    Average linkage is run to the end; the candidate split is its last merge of two groups both of at least
    max(``min_size``, ``share`` x n) articles, the smaller groups of that moment joining the one they are most similar
    to; kept when the mean silhouette of the articles (mean similarity to their own group minus that to the other,
    over the larger of the two) is at least ``silhouette`` and the mean similarity of two articles of one group is at
    least ``cohesion`` in each."""
    n = len(sim)
    big = max(min_size, math.ceil(share * n))
    if n < 2 * big:
        return [list(range(n))]
    groups: list[list[int]] = [[i] for i in range(n)]
    last: tuple[list[list[int]], int, int] | None = None
    while len(groups) > 1:
        best, pair = -math.inf, (0, 1)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                s = float(sim[np.ix_(groups[a], groups[b])].mean())
                if s > best:
                    best, pair = s, (a, b)
        a, b = pair
        if len(groups[a]) >= big and len(groups[b]) >= big:
            last = ([list(g) for g in groups], a, b)
        groups[a] = groups[a] + groups[b]
        del groups[b]
    if last is None:
        return [list(range(n))]
    state, a, b = last
    one, two = list(state[a]), list(state[b])
    for k, g in enumerate(state):
        if k not in (a, b):
            (one if sim[np.ix_(g, one)].mean() >= sim[np.ix_(g, two)].mean() else two).extend(g)
    if _silhouette(sim, one, two) < silhouette or min(_cohesion(sim, one), _cohesion(sim, two)) < cohesion:
        return [list(range(n))]
    central = int(np.argmax(sim.sum(axis=1)))
    one, two = sorted(one), sorted(two)
    if (len(two), central in two) > (len(one), central in one):
        one, two = two, one
    return [one, two]


def _cohesion(sim: np.ndarray, group: list[int]) -> float:
    """The mean similarity of two articles of the group."""
    k = len(group)
    return float(sim[np.ix_(group, group)].sum()) / (k * (k - 1)) if k > 1 else 1.0


def _silhouette(sim: np.ndarray, one: list[int], two: list[int]) -> float:
    out = []
    for own, other in ((one, two), (two, one)):
        for i in own:
            inside = (float(sim[i, own].sum()) - sim[i, i]) / (len(own) - 1)
            outside = float(sim[i, other].mean())
            out.append((inside - outside) / max(inside, outside, 1e-9))
    return float(np.mean(out))


def story_events(articles: list[Article], analyses: dict[str, Analysis],
                 vectors: dict[str, np.ndarray]) -> list[list[Article]]:  # fmt: skip
    """The story's articles as one event, or as two when they form two clearly separate groups (``split_groups``),
    the main group first (the one the headline and the summary come from)."""
    if len(articles) < SPLIT_STORY:
        return [list(articles)]
    return [[articles[i] for i in g] for g in split_groups(article_similarities(articles, analyses, vectors))]


def _headline_of(articles: list[Article], vectors: dict[str, np.ndarray]) -> str:
    return headline([a for a in articles if a.id in vectors] + [a for a in articles if a.id not in vectors],
                    [vectors[a.id] for a in articles if a.id in vectors])


def story_ledger(articles: list[Article], analyses: dict[str, Analysis]) -> tuple[list[dict[str, Any]], list[Any]]:
    """The story's entities (one canonical name each) and its quote ledger, whose speakers carry those names."""
    mentions = ((a.id, m) for a in articles if a.id in analyses for m in analyses[a.id].mentions)
    entities, canon = resolve_entities(mentions, texts={a.id: a.text for a in articles})
    lookup = canonical_lookup(canon)
    kind = {e["name"]: e["label"] for e in entities}
    # the name read against the article's words: a surname two people share, a title alone, a name cut short
    speaker_name = story_names(canon, lookup, kind)
    chosen: set[str] = set()
    items: list[tuple[str, str | None, str, Quote]] = []
    for a in articles:
        an = analyses.get(a.id)
        for q in an.quotes if an else ():
            if q.speaker_name:
                name = speaker_name(q, a.text)
                chosen.add(name or "")
                # "he" or "she" is a person: a name the story knows as an organisation or a place was a
                # wrong antecedent ('"...," he told Wikinews.' then '"...," he added.' -> "Wikinews")
                he = q.speaker is not None and q.speaker.text.lower() in PERSON_PRONOUNS
                q = _with_speaker(q, None if he and kind.get(name, "PERSON") != "PERSON" else name)
            items.append((a.id, outlet_of(a), a.text, q))  # the same outlet names as the comparison
    # (a name chosen here stays: the story-level lookup would map "Gigante" back to its one owner)
    return entities, build_ledger(items, canonical=lambda n: n if n in chosen else lookup(n))


def analyse_story(story_id: str, articles: list[Article], analyses: dict[str, Analysis],
                  vectors: dict[str, np.ndarray], summary_words: int = 100,
                  embedder: TextEmbedder | None = None) -> dict[str, Any]:  # fmt: skip
    """The story's report record (see schema/stories.schema.json). With an embedder, the comparison
    also matches paraphrased claims, and the summary skips a sentence that restates a chosen one in
    other words (``Summarizer.repeat_cosine``)."""
    copies = find_copies(articles)
    analyses = english_only_restricted(articles, analyses)
    entities, ledger = story_ledger(articles, analyses)
    # a story that mixes two events reads as its main one: headline and summary from the main group of articles
    events = story_events(articles, analyses, vectors)
    docs = [
        SummaryDoc(a.id, a.text, analyses[a.id].sentences, a.published, a.title,
                   pronoun_speakers(a.text, analyses[a.id].quotes))
        for a in events[0] if a.id in analyses and a.id not in copies
    ]  # fmt: skip
    summary = Summarizer(words=summary_words, embedder=embedder).summarize(docs)
    dates = sorted(a.published[:10] for a in articles if a.published)
    outlets = sorted({outlet_name(o) for a in articles for o in (a.source, a.original_source) if o})
    timeline, numbers = story_facts(articles, analyses)
    return {
        "id": story_id,
        "headline": _headline_of(events[0], vectors),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "size": len(articles),
        "outlets": outlets,
        "articles": [_article_entry(a, copies.get(a.id)) for a in articles],
        "summary": summary,
        # the other event's articles, with a headline of their own: they stay in the story (the clusterer put them
        # there), and the reader is told that the summary leaves them out
        "sub_events": [{"headline": _headline_of(g, vectors), "articles": [a.id for a in g]} for g in events[1:]],
        "quotes": ledger,
        "entities": [e for e in entities if e["label"] in LINKED_LABELS],
        "timeline": timeline,
        "numbers": numbers,
        "comparison": compare_sources(articles, analyses, copies, numbers, embedder=embedder),
    }  # fmt: skip


# a date mention an article in another language keeps: a year, an ISO day (no English words, no 03/04 order)
_NEUTRAL_DATE = re.compile(r"(?:19|20)\d\d(?:-[01]\d-[0-3]\d)?")
NOT_READ = "NOT_READ"  # the label of a date mention left unread (still covers its digits: no count is made of them)


def english_only_restricted(articles: list[Article], analyses: dict[str, Analysis]) -> dict[str, Analysis]:
    """The analyses of articles whose language is known and not English, cut to what the English-only
    stages read right in any language: entity mentions that are not common words of the article's
    language ("Un", "Le", "Die Behörden" read as names) or figures ("8,5 Meter"); direct quotes (any
    quote marks) without reported speech (English cue verbs), a speaker that is not a common word;
    date mentions only when a year or an ISO day (English date words and day/month order are not
    read: such a mention is relabelled ``NOT_READ``). English articles and those of unknown language
    are left as they are (the same dict when there are none)."""
    other = {a.id: a for a in articles if a.language and a.language != "en" and a.id in analyses}
    if not other:
        return analyses
    out = dict(analyses)
    for aid, a in other.items():
        an, lang = analyses[aid], a.language
        starts = {s for s, _ in an.sentences}
        mentions = tuple(
            m if m.label not in DATE_LABELS or _NEUTRAL_DATE.fullmatch(m.text.strip()) else replace(m, label=NOT_READ)
            for m in an.mentions
            if not common_word(m.text, lang, a.text, m.start in starts)
            and not (m.label in LINKED_LABELS and m.text[:1].isdigit())  # "8,5 Meter" read as a person
        )  # fmt: skip
        quotes = tuple(
            q if q.speaker is None or not common_word(q.speaker.text, lang, a.text)
            else replace(q, speaker=None, speaker_name=None)
            for q in an.quotes if q.direct
        )  # fmt: skip
        out[aid] = replace(an, mentions=mentions, quotes=quotes)
    return out


def _with_speaker(q: Any, name: str | None) -> Any:
    return replace(q, speaker_name=name)


def _article_entry(a: Article, copy_of: str | None) -> dict[str, Any]:
    return {
        "id": a.id,
        "external_id": a.external_id,
        "title": a.title,
        "source": a.source,
        "original_source": a.original_source,
        "authors": list(a.authors),
        "published": a.published,
        "url": a.url,
        "language": a.language,
        "origin": a.origin,
        "words": len(a.text.split()),
        "copy_of": copy_of,
        "lead": None if a.title else _first_sentence(a.text),  # how a reader tells untitled articles apart
    }
