"""A story's timeline and number table, from the dates (``dates``) and numbers (``numbers``) of its articles.

``story_facts`` reads what the NLP stage stored for each article (text, mentions, sentence spans), so a story is
analysed without parsing its articles again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from .dates import WEEKDAY, dates_in_text, parse_published
from .numbers import (
    MONTH,
    OUTCOME_WORDS,
    SCALES,
    WORD,
    MentionLike,
    as_number,
    number_at,
    numbers_in_text,
)
from .textutil import PLACE_NOUNS


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def _near_identical(a: str, b: str, threshold: float = 0.6) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= threshold


def build_timeline(items: Iterable[tuple[str, str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Timeline entries from resolved dates: ``items`` are (article id, text, dates). One entry per
    date and sentence; a near-identical sentence with the same date in another article (or a copy)
    adds that article to the entry. Sorted by date, then by first appearance."""
    entries: list[dict[str, Any]] = []
    for aid, text, dates in items:
        for d in dates:
            if d.get("date") is None or d.get("background"):
                continue  # a decade or the year of a work stays among the article's dates, off the timeline
            s, e = d["sentence"]
            sentence = " ".join(text[s:e].split())
            if _dateline(sentence) or _no_event(sentence):
                continue
            same = next((x for x in entries if x["date"] == d["date"] and _near_identical(x["text"], sentence)), None)
            if same is not None:
                if aid not in same["articles"]:
                    same["articles"].append(aid)
                if d["text"] not in same["expressions"]:
                    same["expressions"].append(d["text"])
                continue
            entries.append({"date": d["date"], "granularity": d["granularity"], "text": sentence, "article": aid,
                            "start": s, "end": e, "articles": [aid], "expressions": [d["text"]]})  # fmt: skip
            if d.get("approximate"):
                entries[-1]["approximate"] = True
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
    # a sentence dated twice within one period keeps the finer date ("Earlier this week, ... late
    # Tuesday": the Tuesday, not also the week)
    entries = [x for x in entries if not any(
        y is not x and (y["article"], y["start"]) == (x["article"], x["start"])
        and order.get(y["granularity"], 5) < order.get(x["granularity"], 5) and _within(y["date"], x)
        for y in entries
    )]  # fmt: skip
    return sorted(entries, key=lambda x: (x["date"], order.get(x["granularity"], 5)))


def _dateline(sentence: str) -> bool:
    """Whether a "sentence" is nothing but a date, a page's dateline or time stamp ("(Tue, 16 Aug 2011)",
    "Dec. 18 - 11:14 pm et"): no word of three letters or more besides weekdays and months."""
    rest = re.sub(r"\d", " ", MONTH.sub(" ", WEEKDAY.sub(" ", sentence)))
    return re.search(r"[^\W\d_]{3,}", rest) is None


def _no_event(sentence: str) -> bool:
    """Whether a dated sentence reports no event: a question ("What are the most important SEO strategies
    for 2025?", "Does this mean they will not be able to get that big free agent next year?"), also one
    quoted whole; a quoted question inside a report ('"Where is the proof?" Putin asked') stays."""
    return sentence.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")


def _within(day: str, entry: dict[str, Any]) -> bool:
    """Whether an ISO date falls inside the period a timeline entry names (its date is the start; a day is no
    period)."""
    if entry["granularity"] not in ("week", "month", "year", "decade"):
        return False
    return date.fromisoformat(entry["date"]) <= date.fromisoformat(day) <= _period_end(entry)


_CLOCK_WORDS = frozenset({"utc", "gmt", "bst", "est", "edt", "pst", "pdt", "cet", "cest", "am", "pm", "local"})
OUTCOME_VERBS = {"dead": "died", "killed": "died", "killing": "died", "deaths": "died", "dying": "died", "die": "died",
             "wounded": "injured", "hurt": "injured", "injuring": "injured"}  # fmt: skip


def _bare_one(n: dict[str, Any]) -> bool:
    """A bare "one" or "zero" in words before a noun with no outcome verb ("at one point", "one big difference",
    "one count of murder", "the zero day flaw"): the number audit found these mostly idioms and
    articles, not figures a reader looks up; "one man died" (an outcome) stays."""
    words = [w.lower() for w in WORD.findall(n.get("text") or "")]
    outcome = str(n.get("verb") or "").lower() in OUTCOME_WORDS or str(n.get("verb") or "").lower() in OUTCOME_VERBS
    return bool(words) and words[-1] in ("one", "zero") and not outcome and not n.get("unit")


_VAGUE_SCALE = {"ten": 10, "dozen": 12, "score": 20, **SCALES}


def vague_value(qualifier: str | None) -> int | None:
    """The figure a vague amount is stored as, when the qualifier ``parse_number`` gave is one ("dozens of": 12,
    "tens of thousands": 10,000, "hundreds of millions": 100,000,000, "several hundred million": 100,000,000, "a
    few hundred": 100), else None ("at least", "about"). Such a figure names a range, not a count: it stands
    against no other article's figure (``build_number_table``) and the report shows it as written."""
    words = (qualifier or "").lower().removesuffix(" of").split()
    plural = [w for w in words if w.endswith("s") and w[:-1] in _VAGUE_SCALE]
    if not words or not (plural or words[0] in ("several", "a") and words[-1] in _VAGUE_SCALE):
        return None
    value = 1
    for w in words:
        value *= _VAGUE_SCALE.get(w.removesuffix("s"), 1) if w not in ("a", "of") else 1
    return value


# what a count of progress did: "2 bodies have been recovered so far" and "Sixteen bodies have been recovered", "56
# percent of the votes counted" and "69.5 percent": a figure of its day, no rival of another day's
_PROGRESS_VERBS = frozenset({"counted", "recovered", "tallied", "processed", "retrieved"})
BACKGROUND_DAYS = 60  # a figure whose sentence is dated this long before its article tells of an earlier event


def _no_rival(n: dict[str, Any]) -> bool:
    """Whether a figure stands against no other article's figure of the same thing: a vague plural ("dozens of
    firefighters", "tens of thousands of people" name a range, not a count), an added count ("another 102
    people", "Thirty other people"), a count of progress ("bodies recovered", "votes counted") or a figure of an
    earlier event (``background``, set by ``story_facts``: "more than 31,000 people were killed in Bam in December
    2003" in a story of 2005)."""
    progress = str(n.get("verb") or "").lower() in _PROGRESS_VERBS
    return bool(vague_value(n.get("qualifier")) is not None or n.get("added") or n.get("background") or progress)


def _same_scope(a: tuple[set[str], bool], b: tuple[set[str], bool]) -> bool:
    """Whether two rows' figures (each: the places their sentences count them in, and whether one of them names
    none) may count the same whole: figures of places named apart are not ("In Poland, 36 people died" / "In
    Romania, at least 21"), nor a row counted in places only ("more than a dozen people were killed by a quake in
    eastern China") and a row that names no place at all (the story's own toll: "killing 10 people")."""
    (pa, open_a), (pb, open_b) = a, b
    if pa and pb:
        return bool(pa & pb)
    return not (pa and not open_a or pb and not open_b)


def build_number_table(items: Iterable[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Numbers grouped across articles by (value, unit, counts); ``conflict`` marks groups whose
    ``counts`` noun (with the same unit) has other values in other articles (e.g. two death tolls).
    Numbers that count nothing recognisable are kept only with a unit; small numbers in words
    after a determiner ("the two sides", "their three children") refer back to a count and are left out."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for aid, numbers in items:
        for n in numbers:
            if n.get("counts") is None and n.get("unit") is None:
                continue
            if n.get("definite") and isinstance(n.get("value"), int | float) and abs(n["value"]) < 10:
                continue
            if _bare_one(n):
                continue
            key = (n["value"], n.get("unit"), n.get("counts"))
            g = groups.setdefault(key, {"value": n["value"], "unit": n.get("unit"), "counts": n.get("counts"),
                                        "qualifiers": [], "verbs": [], "text": n["text"], "articles": [],
                                        "spans": [], "conflict": False})  # fmt: skip
            if aid not in g["articles"]:
                g["articles"].append(aid)
            g["spans"].append({"article": aid, "start": n["start"], "end": n["end"]})
            for field, v in (("qualifiers", n.get("qualifier")), ("verbs", n.get("verb"))):
                if v and v not in g[field]:
                    g[field].append(v)
            g["part"] = g.get("part", True) and bool(n.get("part"))
            if not _no_rival(n):  # the figures that can stand against another article's
                g.setdefault("rivals", set()).add(aid)
                g.setdefault("places", set()).update(n.get("places") or ())
                g["unplaced"] = g.get("unplaced", False) or not n.get("places")
                if n.get("verb"):  # what a row's rival figures did: a vague or added figure's verb is no outcome
                    g.setdefault("rival_verbs", set()).add(str(n["verb"]).lower())
    _merge_uncounted(groups)
    # a conflict needs the same thing counted with the same outcome ("87 civilians dead" against
    # "100 civilians killed"): the same noun alone ("3 million people affected" against "200,000
    # people") is too weak, and clock times ("21:53 UTC") count nothing
    by_counts: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    rivals: dict[int, tuple[set[str], set[str], bool]] = {}
    for g in groups.values():
        part = g.pop("part", False)  # a part of a count ("11 of the 16 seats") is no rival figure of the whole
        rivals[id(g)] = (g.pop("rivals", set()), g.pop("places", set()), g.pop("unplaced", True))
        verbs = g.pop("rival_verbs", set())
        if g["counts"] is None or str(g["counts"]).lower() in _CLOCK_WORDS or part or not rivals[id(g)][0]:
            continue
        for verb in {OUTCOME_VERBS.get(v, v) for v in verbs}:
            by_counts.setdefault((g["counts"], g["unit"], verb), []).append(g)
    for gs in by_counts.values():
        for g in gs:
            arts = rivals[id(g)][0]
            others = [h for h in gs if h is not g and h["value"] != g["value"] and rivals[id(h)][0] - arts
                      and _same_scope(rivals[id(g)][1:], rivals[id(h)][1:])]  # fmt: skip
            if others:
                g["conflict"] = True
                g["conflicts_with"] = sorted({h["value"] for h in others} | set(g.get("conflicts_with", [])))
    # conflicts first, then numbers written in digits (tolls, sums) before "two sides", then the most cited
    return sorted(
        groups.values(),
        key=lambda g: (not g["conflict"], not any(c.isdigit() for c in g["text"]), -len(g["articles"]), -g["value"]),
    )


UNCOUNTED_MERGE_MIN = 1_000_000  # a figure this large with its unit and nothing counted is the one row counting it


def _merge_uncounted(groups: dict[tuple[Any, ...], dict[str, Any]]) -> None:
    """A large figure with a unit that other articles say what it counts ("$2.1 billion" beside "$2.1 billion in
    debt") joins that row when there is exactly one such row, carried by two articles or more: one sum, not two rows
    of it. Figures under a million and percentages do not ("20 percent" of one article is no other's "20 percent
    stake"; a "$500,000" deductible is no "$500,000" of supplies)."""
    for key in [k for k in groups if k[2] is None and k[1] not in (None, "%")]:
        value, unit = key[0], key[1]
        if not isinstance(value, int | float) or abs(value) < UNCOUNTED_MERGE_MIN:
            continue
        homes = [k for k in groups if k[:2] == (value, unit) and k[2] is not None]
        if len(homes) != 1 or len(groups[homes[0]]["articles"]) < 2:  # (a second article's say, not one's reading)
            continue
        g, home = groups.pop(key), groups[homes[0]]
        home["articles"] += [a for a in g["articles"] if a not in home["articles"]]
        home["spans"] += g["spans"]
        for field in ("qualifiers", "verbs"):
            home[field] += [v for v in g[field] if v not in home[field]]
        home["part"] = home.get("part", True) and g.get("part", True)
        for field in ("rivals", "places", "rival_verbs"):
            if field in g:
                home.setdefault(field, set()).update(g[field])
        if "unplaced" in g:
            home["unplaced"] = home.get("unplaced", False) or g["unplaced"]


BORROW_DAYS = 2  # an undated article borrows a date when its story's dated articles span at most this
# ... and when its text is this close to one of theirs (TF-IDF cosine over the story's texts): the same event,
# not a similar one (benchmarks/timeline_borrow.py: on the stream's dev articles 24 of 115 borrowings were right;
# at 0.2, 19 of 24; the title-and-lead embedding at cosine 0.8, 18 of 27)
BORROW_SIMILARITY = 0.2


# a place a figure is counted in ("In Romania, at least 21 people died", "killed by a quake in eastern China",
# "in the northern city of Thessaloniki"); not a place of another role ("the governor of Qeshm island")
_PLACE_SCOPE = re.compile(r"\b(?:[Ii]n|on|throughout|across)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}(?:of\s+)?$")
# a name of any label after a place noun (``textutil.PLACE_NOUNS``, as the quote stage reads them), or before a
# relative clause of place, is a place too (spaCy tags such names ORG or PERSON: "the southeastern border town of
# Fonds Verrettes, where 102 people died", "in Posoltega, where more than 1,500 people died")
_PLACE_NOUN = re.compile(rf"\b(?:{'|'.join(sorted(PLACE_NOUNS))}) of\s+$")
_WHERE_AFTER = re.compile(r",\s+where\b")
_ADDED_BEFORE = re.compile(r"\b(?:another|a further|an additional|additional|further)\s+$", re.I)
_ADDED_AFTER = re.compile(r"\s+(?:other|more|additional|further)\b", re.I)


def _period_end(entry: dict[str, Any]) -> date:
    """The last day of the period a resolved date names (its ``date`` is the period's first day)."""
    start, g = date.fromisoformat(entry["date"]), entry.get("granularity")
    if g == "week":
        return start + timedelta(days=6)
    if g == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if g == "year":
        return start.replace(month=12, day=31)
    if g == "decade":
        return start.replace(year=start.year + 9, month=12, day=31)
    return start


def scope_numbers(
    text: str, numbers: list[dict[str, Any]], dates: Sequence[dict[str, Any]], mentions: Iterable[MentionLike],
    day: date | None,
) -> list[dict[str, Any]]:
    """An article's numbers marked with what limits them as rivals of other articles' figures: ``places``, the
    places named in the figure's sentence as where things happened ("in", "on", "throughout", "across");
    ``added``, a count on top of another ("another 102 people",
    "Thirty other people died"); ``background``, a figure whose nearest date in its sentence ended more than
    ``BACKGROUND_DAYS`` before the article's day ``day`` (an earlier event: "in December 2003 ... more than
    31,000 people were killed" in an article of 2005)."""
    places = [(m.start, m.end, m.text, m.label in ("GPE", "LOC")) for m in mentions
              if m.label in ("GPE", "LOC", "ORG", "PERSON", "FAC")]  # fmt: skip
    out = []
    for n in numbers:
        s0, s1 = n.get("sentence") or (n["start"], n["end"])
        named = {re.sub(r"^the\s+", "", t.lower()) for p, e, t, place in places
                 if s0 <= p < s1 and (place and _PLACE_SCOPE.search(text, max(s0, p - 40), p)
                                      or _PLACE_NOUN.search(text, max(s0, p - 20), p)
                                      or e < n["start"] and _WHERE_AFTER.match(text, e, s1))}  # fmt: skip
        extra: dict[str, Any] = {"places": sorted(named)} if named else {}
        if _ADDED_BEFORE.search(text, max(s0, n["start"] - 16), n["start"]) or _ADDED_AFTER.match(text, n["end"]):
            extra["added"] = True
        near = [x for x in dates if x.get("date") and s0 <= x["start"] < s1]
        if day is not None and near:
            closest = min(near, key=lambda x: min(abs(x["start"] - n["end"]), abs(n["start"] - x["end"])))
            if (day - _period_end(closest)).days > BACKGROUND_DAYS:
                extra["background"] = True
        out.append({**n, **extra} if extra else n)
    return out


def story_facts(articles: Iterable[Any], analyses: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A story's timeline and number table from its articles and their stored analyses (no parse).

    An article that states no publication date has its relative dates ("on Wednesday") resolved
    against a reference day (``undated_reference``): the earliest publication day of the story's
    dated articles when those all fall within ``BORROW_DAYS`` days of each other (one news cycle),
    the article's text is close to one of theirs (``BORROW_SIMILARITY``, ``closest_dated``) and its
    own full dates do not put it elsewhere, else the latest full date the article itself names; such
    entries are marked ``approximate``."""
    articles = list(articles)
    days = sorted(day for a in articles if (day := parse_published(a.published)) is not None)
    borrowed = days[0].isoformat() if days and (days[-1] - days[0]).days <= BORROW_DAYS else None
    closest = closest_dated(articles) if borrowed is not None else {}
    dated, counted = [], []
    for a in articles:
        an = analyses.get(a.id)
        if an is None:
            continue
        ref = None
        if parse_published(a.published) is not None:
            dates = dates_in_text(a.text, an.mentions, an.sentences, a.published)
        else:
            dates = dates_in_text(a.text, an.mentions, an.sentences, None)
            near = closest.get(a.id, 0.0) >= BORROW_SIMILARITY
            ref = undated_reference(dates, borrowed if near else None)
            if ref is not None:
                dates = dates_in_text(a.text, an.mentions, an.sentences, ref)
                for x in dates:
                    if x.get("relative") and x.get("date") is not None:
                        x["approximate"] = True
        dated.append((a.id, a.text, dates))
        numbers = numbers_in_text(a.text, an.mentions, an.sentences)
        if getattr(a, "language", None) in DECIMAL_COMMA_LANGUAGES:
            numbers = decimal_comma(a.text, numbers, an.sentences)
        day = parse_published(a.published) or parse_published(ref)
        counted.append((a.id, scope_numbers(a.text, numbers, dates, an.mentions, day)))
    return build_timeline(dated), build_number_table(counted)


# languages whose figures are written "8,8" (a decimal comma) and "1.000" or "1 000" (thousands)
DECIMAL_COMMA_LANGUAGES = frozenset("fr de es it pt nl sv da no fi pl cs ro hu tr id ru uk bg el".split())
_COMMA_FIGURE = re.compile(r"\d{1,3}(?:[. \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d.,]\d)|\d+,\d+(?![\d.,]\d)")


def decimal_comma(
    text: str, numbers: list[dict[str, Any]], sentences: Sequence[tuple[int, int]]
) -> list[dict[str, Any]]:
    """An article's numbers (``numbers_in_text``) read with a decimal comma ("8,8" is 8.8, not 8) and dots
    or spaces between thousands ("1.000", "2 000" are 1000, 2000): a number whose text is a bare figure
    takes the whole figure written from its start (what it counts read again after it), and a number
    inside that figure ("000") goes; one with words ("1,5 millions") is left as it is."""
    out: list[dict[str, Any]] = []
    taken = (-1, -1)
    for n in numbers:
        if taken[0] <= n["start"] < taken[1]:
            continue
        m = _COMMA_FIGURE.match(text, n["start"])
        if m and re.fullmatch(r"[\d.,\s]+%?", n["text"]) and m.end() >= n["start"] + len(n["text"].rstrip(" %")):
            head, _, tail = m.group().partition(",")
            d = number_at(text, n["start"], max(m.end(), n["end"]), "PERCENT" if "%" in n["text"] else "CARDINAL",
                        sentences)  # fmt: skip
            d["value"] = as_number(float(re.sub(r"\D", "", head) + "." + (tail or "0")))
            d["unit"] = d.get("unit") or n.get("unit")
            n, taken = d, (m.start(), m.end())
        out.append(n)
    return out


def closest_dated(articles: Sequence[Any]) -> dict[str, float]:
    """For each undated article, the TF-IDF cosine of its text to the closest dated article's (sublinear
    term counts, English stop words out, document frequencies of the story's own articles)."""
    with_day = [a for a in articles if parse_published(a.published) is not None]
    without = [a for a in articles if parse_published(a.published) is None]
    if not with_day or not without:
        return {}
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit([a.text for a in articles])
    except ValueError:  # no words at all
        return {}
    sims = tfidf.transform([a.text for a in without]) @ tfidf.transform([a.text for a in with_day]).T
    best = sims.max(axis=1).toarray().ravel()
    return {a.id: float(b) for a, b in zip(without, best, strict=True)}


def undated_reference(dates: list[dict[str, Any]], borrowed: str | None = None) -> str | None:
    """The day an undated article's relative dates are read against, from its dates resolved without
    one (``dates_in_text(..., published=None)``: only full dates resolve). ``borrowed`` (the story's
    publication day) unless the article's full days all lie more than ``BORROW_DAYS`` from it
    ("Fresh riots on Saturday December 13 2008" in a story of May 2010); else the latest full day
    the article names; None when there is neither, or when the article names a year more than one
    after the day (an obituary's "born April 22, 1923" beside "in the 1970s"; a story of 2005 for an
    article of "the 2007-08 season")."""
    full = sorted(date.fromisoformat(x["date"]) for x in dates
                  if x.get("date") and not x.get("relative") and x.get("granularity") == "day")  # fmt: skip
    # the article was written after every year it names, give or take the next one ("the 2014 show" in
    # 2013): a day before that is history (a birth day in an obituary), not when it was written
    named = max((int(x["date"][:4]) for x in dates if x.get("date") and not x.get("relative")), default=0)
    if borrowed is not None:
        b = date.fromisoformat(borrowed)
        if (not full or any(abs((d - b).days) <= BORROW_DAYS for d in full)) and named <= b.year + 1:
            return borrowed
    return full[-1].isoformat() if full and named <= full[-1].year + 1 else None
