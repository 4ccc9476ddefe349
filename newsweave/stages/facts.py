"""Numbers and dates in articles, and a story's timeline and number table built from them.

One code path works over what the NLP stage already stores: the article text, its entity mentions
(CARDINAL, QUANTITY, MONEY, PERCENT, DATE, TIME with offsets) and its sentence spans, so a story is
analysed without parsing its articles again. ``extract_numbers(doc)`` and ``resolve_dates(doc, ...)``
run the same code over a spaCy ``Doc``; the first also reads the dependency parse for what a number
counts. Without a parse, what a number counts is the first plural-looking word of the run of
words right after it ("87 civilians dead" -> civilians): simple, and wrong on unusual word order.

Dates are resolved against the article's publication date with ``dateparser``, except for bare
weekdays, which dateparser places a week too early when the article appeared on that weekday. A
resolved date is the first day of its period (``granularity`` day, week (Monday), month, year or
decade), so timelines sort as plain ISO strings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from .textutil import PLACE_NOUNS

NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"})
DATE_LABELS = frozenset({"DATE", "TIME"})


class MentionLike(Protocol):
    start: int
    end: int
    text: str
    label: str


# ---------------------------------------------------------------- numbers

QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as few as",
    "nearly", "almost", "about", "around", "approximately", "roughly", "some", "over", "under",
    "just over", "just under", "well over", "an estimated", "estimated", "close to", "upwards of",
    "no fewer than", "no more than", "only", "exactly",
)  # fmt: skip
_QUALIFIER_ALT = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
_QUALIFIER = re.compile(rf"^(?:{_QUALIFIER_ALT})\b\s*", re.I)
_QUALIFIER_BEFORE = re.compile(rf"\b({_QUALIFIER_ALT})\s*$", re.I)

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 10**9, "b": 10**9, "tn": 10**12}
_DIGITS = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+")
_CURRENCIES = (
    (re.compile(r"US\$|\$|\bdollars?\b|\bUSD\b", re.I), "$"),
    (re.compile(r"€|\beuros?\b|\bEUR\b", re.I), "€"),
    (re.compile(r"£|\bpounds? sterling\b|\bpounds?\b|\bGBP\b", re.I), "£"),
    (re.compile(r"¥|\byen\b|\byuan\b", re.I), "¥"),
    (re.compile(r"\br[ou]+bles?\b", re.I), "rubles"),
)
_PERCENT = re.compile(r"%|\bper ?cent\b|\bpercentage points?\b", re.I)
_CLOCK = re.compile(r"\d:\d\d|(?:\b|(?<=\d))[ap](?:\.[ \t]?)?m\b\.?", re.I)  # "08:32", "7 p.m.", "11am", "10 a. m."
_CLOCK_AFTER_NUMBER = re.compile(r"[ \t]?(?:[ap]\.[ \t]?m\b|[ap]m\b)", re.I)  # "at 8 p. m." (ECB+ spacing), "11 am"
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# words that end the noun run after a number: function words, auxiliaries, common verbs
_STOP = frozenset(
    """a an the of in on at to for from by with and or but than as that which who whom whose this these those
    is are was were be been being have has had do does did will would can could may might must shall should
    dead died killed injured wounded missing hurt said says say more less most least other others each per
    were it its their they them he she his her we our you your i me my not no also all both while when where
    after before during since until about over under into out up down off again just only even still
    between among across through against per via within without toward towards near amid despite due
    either neither themselves ourselves yourselves himself herself itself besides except including""".split()
)  # fmt: skip
_DETERMINERS = frozenset("the these those its their his her our your my".split())
_IRREGULAR_PLURALS = frozenset(
    "people children men women police troops staff personnel cattle sheep fish deer aircraft feet teeth mice".split()
)
_MEN_COMPOUNDS = frozenset("police fire gun crew fisher sea air chair sales spokes congress business country "
                           "work gentle clergy council trades lines middle alder kins states".split())
_AUX = frozenset("have has had were was are is been be being reportedly also now already all were".split())
_OUTCOME = frozenset("dead died killed injured wounded missing hurt displaced arrested detained".split())
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'-]*)")
_OF = re.compile(r"\s+of\b")
_GLUED = re.compile(r"[A-Za-z]\d")  # "12Apr17", "G7": codes, not quantities
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_LOOSE_NUMBER = re.compile(r"(?<![\w.,$€£:-])(\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(%?)(?![\w-]|:\d)")
# a currency written before a number spaCy left out of it ("dlrs 2.1 billion": AP style)
_CURRENCY_BEFORE = re.compile(r"(?:\b(dlrs?|usd)\.?|(US\$|\$)|(€)|(£))\s*$", re.I)
# a number right after a capitalised word inside a sentence is part of a name ("Flight 447",
# "Windows 8", "Apollo 11"), unless the word is a month, a weekday or one that starts a count
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_CODE_NAME_BEFORE = re.compile(r"\b[A-Z]{2,}(?:[ \t]?-[ \t]?[A-Z]{2,})+[ \t]+$")  # capitals joined by hyphens
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our)\s+$", re.I)
_NOT_NAMES = frozenset("""January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    The A An About Nearly Some Over Under More Less Only All Just Around Almost""".split())  # fmt: skip


def _as_number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 6)


_SCALE_AFTER = re.compile(r"\s*(?:[-\u2013]\s*)?(hundred|thousand|million|billion|trillion)\b|(k|mn|m|bn|b|tn)\b", re.I)
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
_VAGUE_MULT = {"tens": 10, "dozens": 12, "hundreds": 100}
_SEVERAL = re.compile(r"^(several|a few|a couple of) (dozen|hundred|thousand|million|billion)"
                      r"(?: (thousand|million|billion))?\b")
_VAGUE_OF_SCALE = re.compile(r"^(tens|dozens|hundreds) of (thousand|million|billion)s\b")


def parse_words(words: Sequence[str]) -> tuple[int | float | None, str | None]:
    """A number written in words ("two", "twenty-five", "two hundred", "half a million"), and a
    qualifier for round estimates: vague plurals ("hundreds" -> 100, "hundreds of"), "a dozen" and
    fractions of a scale word ("half a million" -> 500,000, "about"). A fraction with no scale word
    ("half of the passengers") is a share, not a count: no value."""
    vague = _VAGUE_OF_SCALE.match(" ".join(w.lower() for w in words))
    if vague:  # "tens of thousands": at least 10,000
        return _VAGUE_MULT[vague.group(1)] * _SCALES[vague.group(2)], f"{vague.group(1)} of {vague.group(2)}s"
    several = _SEVERAL.match(" ".join(w.lower() for w in words))
    if several:  # "several dozen countries", "a few hundred people": a range, written as the words say
        base = 12 if several.group(2) == "dozen" else _SCALES[several.group(2)]
        return base * (_SCALES[several.group(3)] if several.group(3) else 1), several.group(0)
    total: float = 0
    current: float = 0
    seen, fraction, approximate = False, 1.0, False
    for raw in words:
        w = raw.lower().strip(",")
        parts = w.split("-") if "-" in w else [w]
        for p in parts:
            if p in _FRACTIONS:
                if seen:  # "three and a half million"
                    current += _FRACTIONS[p]
                else:  # "half a million", "a quarter of a million"
                    fraction, approximate = _FRACTIONS[p], True
                continue
            if p in _SMALL:
                current += _SMALL[p]
            elif p in _TENS:
                current += _TENS[p]
            elif p in ("a", "an"):
                if not seen:
                    current = 1
                    approximate = True  # "a dozen", "a hundred", "a million": round figures
                continue
            elif p in ("dozen", "dozens"):
                current = (current or 1) * 12
                if p == "dozens" and not seen:
                    return 12, "dozens of"
            elif p in _SCALES:
                scale = _SCALES[p]
                current = (current or 1) * scale
                if scale >= 1000:
                    total, current = total + current, 0
            elif p.rstrip("s") in _SCALES and not seen:
                return _SCALES[p.rstrip("s")], f"{p} of"
            elif p == "tens" and not seen:  # "tens or hundreds of meteors": at least ten
                return 10, "tens of"
            else:
                continue
            seen = True
    if not seen or (fraction != 1.0 and total + current < 100):
        return None, None
    value = _as_number((total + current) * fraction)
    return value, ("about" if approximate and (fraction != 1.0 or value >= 12) else None)


_NUMBER_WORD = "|".join([*_SMALL, *_TENS, *_SCALES, "tens", "dozens", "hundreds", "thousands", "millions", "billions"])
# the upper end of a range after its lower one, with a scale word or "MM" after it
_RANGE_REST = re.compile(
    r"\s*(?:to|-|\u2013|or)\s*[$€£]?\s?(\d[\d,.]*)(?:\s*(hundred|thousand|million|billion)\b|(MM)\b)?", re.I
)
# words of a number written out that say nothing of its unit ("a few hundred", "several dozen", "half of")
_NO_UNIT_WORDS = frozenset({"a", "an", "of", "several", "few", "many", "some", "tens", *_FRACTIONS})
# words at the end of a number mention that are no unit ("10 minutes later", "600-plus", "between four and seven")
_NOT_UNITS = frozenset("later earlier ago just another plus between or to than and of only more less".split())


# a rate: "miles per hour", "kilometres an hour", "gallons a minute"
_RATE = re.compile(r"(?i)\b([a-z]+)\s+(?:per|an|a)\s+(hour|minute|second|day|week|month|year)\b")
_RATE_UNITS = {"miles hour": "mph", "mile hour": "mph", "kilometres hour": "km/h", "kilometers hour": "km/h",
               "kilometre hour": "km/h", "kilometer hour": "km/h", "km hour": "km/h"}  # fmt: skip
# a unit's abbreviation written after a figure spaCy's mention left it out of ("more than 100 mph"): no count
_UNIT_ABBREVIATIONS = {"mph": "mph", "kph": "km/h", "kmh": "km/h", "km": "km", "cm": "cm", "mm": "mm", "ft": "ft",
                       "kg": "kg", "lbs": "pounds", "lb": "pounds", "min": "minutes", "mins": "minutes",
                       "hr": "hours", "hrs": "hours", "secs": "seconds", "sec": "seconds"}  # fmt: skip


def qualifier_before(text: str, start: int, floor: int = 0) -> str | None:
    """The qualifier written just before the figure at ``start`` ("killing [at least] 10 people"), lower-cased;
    none before ``floor`` (the sentence's start)."""
    before = _QUALIFIER_BEFORE.search(text, max(floor, start - 20), start)
    return before.group(1).lower() if before else None


_VULGAR = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3)}


def parse_number(text: str) -> dict[str, Any]:
    """Value, qualifier and unit of a number expression: "more than 320,000" -> 320000,
    "more than"; "$5 million" -> 5000000, "$"; "nearly two hours" -> 2, "nearly", "hours"."""
    s = re.sub(r"(\d),\s(?=\d{3}(?!\d))", r"\1,", " ".join(text.split()))  # "12, 000" -> "12,000"
    qualifier = None
    m = _QUALIFIER.match(s)
    if m:
        qualifier, s = m.group(0).strip().lower(), s[m.end() :]
    negative = re.match(r"(?:minus|negative)\s+", s, re.I)
    if negative:  # "minus 2 degrees"
        s = s[negative.end() :]
    unit = None
    for pattern, symbol in _CURRENCIES:
        if pattern.search(s):
            unit = symbol
            break
    if unit is None and _PERCENT.search(s):
        unit = "%"
    value: int | float | None = None
    rest = s
    d = _DIGITS.search(s)
    if d:
        value = float(d.group(0).replace(",", ""))
        rest = s[d.end() :]
        if frac := re.match(r"[ \t]*(?:-[ \t]*)?([1-9])[ \t]?/[ \t]?([2-9]|1[0-6])\b|[ \t]?([½¼¾⅓⅔])", rest):
            # a mixed number: "2 1/2 hours" is 2.5, "3 ½ miles" 3.5 (a fraction below one only)
            num, den = (int(frac.group(1)), int(frac.group(2))) if frac.group(1) else _VULGAR[frac.group(3)]
            if num < den and "." not in d.group(0):
                value, rest = value + num / den, rest[frac.end() :]
        # "$5 million", "$137-million", "$2.6 - million" (ECB+ spacing), "$136M"
        scale = _SCALE_AFTER.match(rest)
        if scale:
            word = (scale.group(1) or scale.group(2)).lower()
            value *= _SCALES.get(word) or _SHORT_SCALES[word]
            rest = rest[scale.end() :]
        # a range ("10 to 12 inches", "5-7 days"): its lower end, and the unit after the upper one; a scale
        # after the upper end is the lower end's too ("$140-150 million")
        rng = _RANGE_REST.match(rest)
        if rng:
            rest = rest[rng.end() :]
            upper = re.sub(r"[^\d.]", "", rng.group(1))
            below = bool(re.fullmatch(r"\d+(?:\.\d+)?", upper)) and value <= float(upper)
            if (rng.group(2) or rng.group(3)) and not scale and below:  # not "$888, 600 to $1.4 million"
                value *= _SCALES[(rng.group(2) or "million").lower()]
        elif not scale and unit in ("$", "€", "£") and re.match(r"MM\b", rest):
            value, rest = value * 1_000_000, rest[2:]  # "$160MM", as baseball writers spell a million
        value = _as_number(value)
    else:
        # a range in words ("seven to eight buildings", "between four and seven", "tens or hundreds"): its lower end
        low = re.match(r"(?i)(?:between\s+)?(.+?)\s+(?:to|or|and)\s+(?=(?:" + _NUMBER_WORD + r")\b)", s)
        if low and (s.lower().startswith("between") or not re.search(r"(?i)\band\b", low.group(0))):
            s = low.group(1) + " " + s[low.end() :].split(" ", 1)[-1] if " " in s[low.end() :] else low.group(1)
        words = _WORD.findall(s)
        value, vague = parse_words(words)
        qualifier = qualifier or vague
        rest = " ".join(w for w in words if parse_words([w])[0] is None
                        and w.lower() not in _NO_UNIT_WORDS)  # fmt: skip
    rate = _RATE.search(rest) if unit is None else None
    if rate:  # "up to 120 miles per hour" is a speed in mph, not a count of hours
        per, each = rate.group(1).lower(), rate.group(2).lower()
        unit = _RATE_UNITS.get(f"{per} {each}", f"{per} per {each}")
    if unit is None:
        tail = [w for w in _WORD.findall(rest) if w.lower() not in _NOT_UNITS]
        if tail:
            unit = "°" + tail[-1] if tail[-1] in ("F", "C") else tail[-1].lower()  # "570 degrees F"
    if negative and value is not None:
        value = -value
    return {"value": value, "qualifier": qualifier, "unit": unit}


# model and type codes ("AK-47", "AK - 47" as ECB+ spaces it, "F-16s", "Mi-8"): names, not counts
_CODE = re.compile(r"[A-Z][A-Za-z]{0,5}[ \t]?[-\u2013][ \t]?\d+[A-Za-z]*")
_CODE_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,5}[ \t]?[-\u2013][ \t]?$")
_CODE_TAIL = re.compile(r"[ \t]?[-\u2013]?[ \t]?\d+[A-Za-z]*")
# a 24-hour clock time: "1230 hours", "0930 GMT", "about 1100 IST"
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_AFTER = re.compile(r"[ \t]*(?:hours|hrs|h|gmt|utc|ist|bst|est|edt|cst|pst|cet|cest|local time)\b", re.I)
# words after a number that say where or how, not what is counted ("26 aboard", "13 fully loaded")
_NOT_COUNTED = frozenset("aboard onboard abroad ashore overboard away back apiece altogether alone together worth "
                         "ago more less each respectively".split())  # fmt: skip
# "12 Somali and 11 Yemeni nationals": the first number counts the noun after the second
_COORDINATED = re.compile(r"[ \t]+(?:and|or)[ \t]+(?:\d[\d,.]*|[a-z]+)[ \t]+(?:[A-Z][a-z]+[ \t]+)?([a-z]+)\b")


_GLUED_AFTER = re.compile(r"\d([A-Za-z]+)")
_GLUED_OK = frozenset("km cm mm m ft kg lbs lb mph kph kmh k mn bn b tn".split())


def _glued_name(figure: str) -> bool:
    """Digits glued to letters that are no unit or scale: a name ("76ers", "10News"), an ordinal
    ("1,000th", "2nd"), a decade ("50s"), a race time ("5h 34'"), "4x4"."""
    return any(g.group(1).lower() not in _GLUED_OK for g in _GLUED_AFTER.finditer(figure))


# a prefix the ECB+ texts write apart from its word ("co - workers", "ex - wife")
_PREFIXES = frozenset("co ex non anti pre post self vice semi sub mid multi".split())
_HYPHEN_JOINED = re.compile(r"[ \t]?-[ \t]?([a-z][A-Za-z'-]*)")
# a part of a count: "11 of the 16 seats", "eight of the Bluejays' 11 assists", "18 of their next 23 games",
# "three of the seven bullets"; what it counts is what the whole counts
_PARTITIVE = re.compile(
    r"(?:[ \t]+(of))?[ \t]+(?:(?:the|their|its|his|her|our|these|those|my|your)[ \t]+)?"
    r"(?:[A-Za-z][\w.]*(?:'s|’s|s')[ \t]+)?(?:(?:first|last|next|past|remaining|other|final|top|total)[ \t]+)?"
    r"(?:(?!(?:1[89]|20)\d\d\b)\d[\d,.]*|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b)"
)
_SPACED_CODE = re.compile(r"[A-Z]{2,3}[ \t]\d{1,3}s?\b(?=[ \t]+[A-Za-z])")
# words between a number and the plural it counts that are no nouns themselves
_BETWEEN_WORDS = frozenset("other more additional further extra separate fewer".split())
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_ING_BEFORE_NOUN = re.compile(r"[a-z]{2,}ing")
_HYPHEN_MODIFIER = re.compile(r"[ \t]-[ \t]([a-z]+)[ \t]+([a-z]+)\b")
# irregular past tenses, which end the noun run after a number as "-ed" words do
_PAST_VERBS = frozenset("""threw came went took made gave got ran fell won lost told saw found blew
    kept held brought began became wrote sat stood fled fought stole broke drove flew rode spoke sent spent""".split())


def _coordinated_noun(text: str, pos: int) -> str | None:
    """The noun after a coordinated second number, when a proper adjective follows the first one."""
    m = re.match(r"[ \t]+([A-Z][a-z]+)(?=[ \t]+(?:and|or)\b)", text[pos : pos + 40])
    if not m or _plural(m.group(1)):  # "31 Magazines and 923 rounds" counts magazines
        return None
    c = _COORDINATED.match(text, pos + m.end())
    return c.group(1) if c and _plural(c.group(1)) else None


def _adverb(word: str) -> bool:
    w = word.lower()
    return w in _NOT_COUNTED or (w.endswith("ly") and len(w) > 4 and word.islower() and not w.endswith("ily"))


# a clock time with a dot and a time zone ("06.03 local time (11.03 UTC)", "at 19.05 UTC")
_DOT_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_ZONE_AFTER = re.compile(r"[ \t]*(?:gmt|utc|ist|bst|est|edt|cst|pst|cet|cest|local time)\b", re.I)
# a calibre (".357 Magnum", "a. 357 caliber revolver" as ECB+ spaces it, ".22-caliber")
_CALIBRE_AFTER = re.compile(r"[ \t]*-?[ \t]*(?:caliber|calibre|magnum)\b", re.I)
# a rank or a number in a list ("the No. 2 official", "#1"), a street address ("24 Independent Street",
# "the 22000 block of Joliet Avenue"), a vehicle ("a four - by - four car")
# a word that makes the number after it a label ("version 7 of Internet Explorer", "page 20", "stage 15")
_LABEL_BEFORE = re.compile(r"\b(?:version|stage|page|chapter|article|section|room|route|highway|channel|gate|"
                           r"terminal|exit|platform|suite|apartment|precinct|district|ward|pier)[ \t]+$")
_RANK_BEFORE = re.compile(r"(?:\bNo\.?|#)[ \t]*$")
_ADDRESS_AFTER = re.compile(
    r"[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))[ \t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|"
    r"Boulevard|Blvd|Lane|Drive|Dr|Place|Court|Way|Highway)\b\.?|[ \t]+block[ \t]+of\b"
)
_TIMES_AFTER = re.compile(r"[ \t]?[x×][ \t]?\d")
_TIMES_BEFORE = re.compile(r"\d[ \t]?[x×][ \t]?$")
_BY_AROUND = re.compile(r"[ \t]?-[ \t]?by[ \t]?-")
# a score or a win-loss record: two integers joined by a dash ("a 20 - 13 lead", "(58 - 3, 51 KO)", "an 8-8
# record"); a range ("10 - 12 inches", "5-7 days") has a plural after it and is kept
_PAIR_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}[ \t]?[-\u2013][ \t]?$")
_PAIR_AFTER = re.compile(r"[ \t]?[-\u2013][ \t]?\d{1,3}(?!\d|[.,]\d|[ \t]?[-\u2013][ \t]?[A-Za-z])")
_PAIR = re.compile(r"\d{1,3}[ \t]?[-\u2013][ \t]?\d{1,3}")
# an age: "aged 77", "two sons, ages 6 and 16", "from age 16 to 19"
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)[ \t]+(?:\d{1,3}[ \t]*(?:,|and|or|to|-|\u2013)[ \t]*)*$", re.I)
# a number inside a compound modifier after "a": "a seven count", "an eight round decision", "a 911 dispatcher";
# not before a unit ("a six year deal", "a 100 km") nor a decimal ("a 6.1 quake")
_A_BEFORE = re.compile(r"(?:^|[^\w'’-])[Aa]n?[ \t]+$")
_MODIFIER_NUMBER = re.compile(r"\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve", re.I)
_MEASURE_WORDS = frozenset("""year month week day night hour minute second mile foot meter metre kilometer kilometre
    km inch yard pound ton tonne gallon litre liter acre degree percent per cent point magnitude""".split())


# a number joined by a hyphen to a singular noun, the pair modifying a noun after it: "a 7 - yard touchdown
# pass", "the three-hour live show", "a 2,507-member assembly", "a 100+ member troupe", "the 170, 000 - square -
# foot building": a measure is the figure's unit ("yards", "square feet"), another noun what it counts
_HYPHEN_NOUN = re.compile(
    rf"(?:\d|\b(?:{_NUMBER_WORD}))(?:[ \t]?[-\u2013][ \t]?|\+[ \t])((?:square|cubic)[ \t]?[-\u2013][ \t]?)?"
    r"([a-z]+)\b(?![ \t]?[-\u2013])[ \t]+([a-z]+)\b",
    re.I,
)
_MEASURE_PLURALS = {"foot": "feet", "feet": "feet", "inch": "inches", "yd": "yards", "km": "km", "mm": "mm",
                    "cm": "cm", "percent": "%", "magnitude": "magnitude", "storey": "storeys"}  # fmt: skip
# words after a number's hyphen that are no noun counted: fractions, idioms, specifications
_NOT_HYPHEN_NOUNS = frozenset("""plus odd time way fold sided handed faced gauge caliber calibre bit step another
    thirds third quarters quarter half tenth sixth fifth fourth thousand hundred million billion dozen""".split())
# a "three - point play", "3 - point range": the name of a kind of shot, no quantity of points
_POINT_TERMS = frozenset("range play plays shot shots shooter shooters attempt attempts touch basket baskets".split())


def _pluralise(word: str) -> str:
    w = word.lower()
    if w in _MEASURE_PLURALS:
        return _MEASURE_PLURALS[w]
    if w in ("man", "woman", "person"):
        return {"man": "men", "woman": "women", "person": "people"}[w]
    if w.endswith(("ch", "sh", "x", "ss")):
        return w + "es"
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def hyphen_noun(text: str, start: int, end: int) -> tuple[str, bool] | None:
    """(the plural, is it a unit of measure) for a figure joined by a hyphen to a singular noun that
    modifies the noun after it ("a 7 - yard touchdown pass" -> ("yards", True), "a 13 - play drive" ->
    ("plays", False)); None otherwise, and for an age ("a 16 - year old")."""
    m = _HYPHEN_NOUN.search(text, start, min(len(text), end + 60))
    if m is None or m.start() >= end or m.end(2) < end or not text[m.start() : m.start() + 1].isalnum():
        return None
    word, nxt = m.group(2).lower(), m.group(3).lower()
    if not m.group(2).islower() or parse_words([word])[0] is not None or nxt == "line" or (
        word == "point" and nxt in _POINT_TERMS
    ):
        return None  # "1st - and - 10 – Quinn", "Twenty-three", "the 20 - yard line" (a place on the field)
    j = m.start()
    while j > 0 and (text[j - 1].isdigit() or text[j - 1] in ".,"):
        j -= 1
    if re.search(r"/[ \t]?$", text[max(0, j - 2) : j]):
        return None  # "a 4 - 1 / 2 - month prison term"
    if m.group(1) and word not in ("foot", "feet", "mile", "miles", "metre", "meter", "kilometre", "kilometer", "yard"):
        return None
    if word in _STOP or word in _NOT_HYPHEN_NOUNS or len(word) < 2 or word.endswith(("ed", "ing", "ly")):
        return None
    if nxt in _STOP or nxt in ("old", "olds") or not m.group(3).islower() or parse_words([nxt])[0] is not None:
        return None
    measure = word in _MEASURE_WORDS or word in _MEASURE_PLURALS
    if _plural(word) and word not in _MEASURE_PLURALS:
        return None  # "two - thirds of", "3-pointers"
    plural = _pluralise(word)
    return ("square " + plural if m.group(1) and m.group(1).lower().startswith("square") else plural), measure


def _score(text: str, start: int, end: int) -> bool:
    figure = text[start:end]
    if _PAIR.fullmatch(figure):
        pair_end = end
    elif re.fullmatch(r"\d{1,3}", figure) and _PAIR_BEFORE.search(text, max(0, start - 8), start):
        pair_end = end
    elif re.fullmatch(r"\d{1,3}", figure) and (after := _PAIR_AFTER.match(text, end)):
        if _PAIR_BEFORE.search(text, max(0, start - 8), start):
            return True  # "45-7-2"
        pair_end = after.end()
    else:
        return False
    if re.search(r"[$€£][ \t]?$", text[max(0, start - 2) : start]):
        return False  # "$140-150 million": a range of sums
    nxt = _NEXT_WORD.match(text, pair_end)
    if nxt and nxt.group(1).lower() in _SCALES:
        return False
    return not (nxt and _plural(nxt.group(1)) and nxt.group(1).lower() not in ("wins", "losses"))


def _modifier_number(text: str, start: int, end: int) -> bool:
    """"a seven count", "an eight round decision", "a 999 call": "a", a whole number, a singular noun."""
    if not _MODIFIER_NUMBER.fullmatch(text[start:end]) or not _A_BEFORE.search(text, max(0, start - 4), start):
        return False
    nxt = _NEXT_WORD.match(text, end)
    if not nxt or not nxt.group(1).islower() or nxt.end() - nxt.start(1) > 20:
        return False
    w = nxt.group(1).lower()
    return not (w in _STOP or _plural(w) or w in _MEASURE_WORDS or w in _SCALES or w.endswith(("s", "ed", "ing")))


_PHONE_RUN = re.compile(r"[\d+()][\d \t+()./-]*\d")


def _phone_number(text: str, start: int, end: int) -> bool:
    """The figure is a piece of a telephone number: the run of digits, spaces, "+", brackets, dots and dashes around
    it holds 9 digits or more in two groups or more, and opens on "0", "+" or "(" ("call 0800 789321", "+44 800
    789321"; not "1,000 2,000")."""
    lo = start
    while lo > 0 and text[lo - 1] in "0123456789 +()-.\t" and start - lo < 40:
        lo -= 1
    run = _PHONE_RUN.search(text, lo, min(len(text), end + 20))
    if run is None or run.start() > start or run.end() < end:
        return False
    groups = re.findall(r"\d+", run.group())
    return sum(len(g) for g in groups) >= 9 and len(groups) >= 2 and (run.group()[0] in "0(" or "+" in run.group())


def not_a_count(text: str, start: int, end: int) -> bool:
    """A figure that is part of a model code ("AK-47", "F-16"), a clock time ("1230 hours", "8 p. m."), a
    score ("20 - 13"), a calibre (".357 Magnum"), a rank ("No. 2"), an address ("24 Independent Street")."""
    figure = text[start:end]
    if _CODE_BEFORE.search(text, max(0, start - 9), start) and figure[:1].isdigit():
        return True
    if figure[:1].isdigit() and _phone_number(text, start, end):
        return True
    if figure[:1].isdigit() and (_score(text, start, end) or _RANK_BEFORE.search(text, max(0, start - 5), start)
                                 or _LABEL_BEFORE.search(text, max(0, start - 12), start)
                                 or re.compile(r"(?:(?<![A-Za-z])a|\s)\.[ \t]?$").search(text, max(0, start - 4), start)
                                 or _CALIBRE_AFTER.match(text, end) or _ADDRESS_AFTER.match(text, end)):
        return True
    if figure[:1].isdigit() and _AGE_BEFORE.search(text, max(0, start - 24), start):
        return True
    if _modifier_number(text, start, end):
        return True
    if (_TIMES_AFTER.match(text, end) or _TIMES_BEFORE.search(text, max(0, start - 4), start)
            or re.search(r"\d[ \t]?[x×][ \t]?\d", figure)):  # fmt: skip
        return True  # "a 4×4 car", "50 x 50", "a large 4×4 car" (one token)
    if _BY_AROUND.match(text, end) or re.search(r"-[ \t]?by[ \t]?-[ \t]?$", text[max(0, start - 8) : start]):
        return True
    if re.search(r"(?:^|\s)" + _DOT_CLOCK.pattern + "$", figure) and _ZONE_AFTER.match(text, end):
        return True
    if _CLOCK_AFTER_NUMBER.match(text, end) and figure[-1:].isdigit():
        return True
    digits = list(_DIGITS.finditer(figure))
    if not digits or _HHMM.fullmatch(digits[-1].group()) is None:
        return False
    return bool(_CLOCK_AFTER.match(text, start + digits[-1].end()))


def _noun_after(text: str, pos: int, limit: int) -> tuple[str | None, str | None]:
    """What a number counts, read from the words right after it (no parse): the first plural-looking
    word of the run before a function word or punctuation; and a following outcome word ("died").
    A model code in the run is a modifier ("14 AK - 47 rifles" counts rifles)."""
    if noun := _coordinated_noun(text, pos):
        return noun, None
    part = _PARTITIVE.match(text, pos)
    if part and part.end() <= limit and (part.group(1) or re.search(r"\bof\s*$", text[max(0, pos - 4) : pos])):
        return _noun_after(text, part.end(), limit)  # "11 of the 16 seats", "eight of the Bluejays' 11 assists"
    words: list[tuple[str, int]] = []
    code_word: tuple[str, int] | None = None
    i = pos
    while i < limit and len(words) < 5:
        m = _NEXT_WORD.match(text, i)
        if not m or m.end() > limit:
            break
        code = _CODE.match(text, m.start(1))
        if code and code.end() <= limit:
            code_word = (re.sub(r"\s+", "", code.group()), code.end())
            if words:  # "one Swissair MD-11": the model is what is counted
                words.append(code_word)
                break
            i = code.end()  # "14 AK - 47 rifles": the model is a modifier of the noun after it
            continue
        if _adverb(m.group(1)) and m.group(1).lower() not in _NOT_COUNTED and not words:
            i = m.end()  # "100 critically ill patients"
            continue
        if not words and m.group(1).lower() in _BETWEEN_WORDS and (nxt := _NEXT_WORD.match(text, m.end())) \
                and _plural(nxt.group(1)) and nxt.group(1).lower() not in _STOP:
            i = m.end()  # "two other rifles", "20 more people", "two separate demonstrations"
            continue
        if not words and _ING_BEFORE_NOUN.fullmatch(m.group(1)) and m.group(1).lower() not in _STOP \
                and (nxt := _NEXT_WORD.match(text, m.end())) and _plural(nxt.group(1)) \
                and nxt.group(1).lower() not in _STOP and parse_words([nxt.group(1)])[0] is None:
            i = m.end()  # "4, 183 passing yards", "the 12 remaining hostages", "two bombing suspects"
            continue
        if not words and (spaced := _SPACED_CODE.match(text, m.start(1))):
            i = spaced.end()  # "14 AK 47 Rifles" (the code without its hyphen): a modifier
            continue
        if abbr := _ABBREVIATION.match(text, m.start(1)):
            i = abbr.end()  # "three in ten U.S. citizens", "20 percent of U.S. exports": a modifier
            continue
        if (mod := _HYPHEN_MODIFIER.match(text, m.end())) and _plural(mod.group(2)) and not _plural(m.group(1)):
            words.append((m.group(1) + "-" + mod.group(1), mod.end(1)))  # "the 12 worst - hit villages"
            i = mod.end(1)
            continue
        if m.group(1).lower() in _PREFIXES and (joined := _HYPHEN_JOINED.match(text, m.end())):
            words.append((m.group(1).lower() + "-" + joined.group(1), joined.end()))  # "two co - workers"
            i = joined.end()
            continue
        words.append((m.group(1), m.end()))
        i = m.end()
    after_of = bool(re.search(r"\bof\s*$", text[max(0, pos - 4) : pos]))
    if words and words[0][0].lower() == "of":
        words, after_of = words[1:], True
    if after_of and words and words[0][0].lower() in _DETERMINERS:  # "all three of the engines"
        words = words[1:]
    elif len(words) > 1 and (words[0][0].lower(), words[1][0].lower()) == ("or", "so"):
        words = words[2:]  # "the 400 or so candidates"
    run: list[tuple[str, int]] = []
    for w, end in words:
        if not run and w.lower().endswith(("'s", "’s", "s'")):
            continue  # "80 percent of Croatia's 4.7 million population", "two of Haiti's hospitals"
        if w.lower() in _STOP or w.lower().endswith("ing") or (w.lower().endswith("ed") and run) or _adverb(w):
            break
        if w.lower() in _PAST_VERBS or w.lower() in _WEEKDAYS or (run and parse_words([w])[0] is not None):
            break  # "One person threw a garbage can", "two co - workers two years ago"
        run.append((w, end))
        if len(run) == 4:  # "three separate London Underground trains"
            break
    # the last plural-looking word of the run ("ten United States nationals"), else its last word
    # unless that is a verb form ("thousands turned out")
    head = next(((w, e) for w, e in reversed(run) if _plural(w)), None)
    if head is None and run and not run[-1][0].lower().endswith("ed"):
        head = run[-1]
    if head is None and code_word:  # "15 MD-11s and three Boeing 747s"
        head = code_word
    if head is None:
        return None, None
    verb = None
    j, skipped = head[1], 0
    while j < limit and skipped <= 2:
        m = _NEXT_WORD.match(text, j)
        if not m or m.end() > limit:
            break
        w = m.group(1).lower()
        if w in _AUX:
            j, skipped = m.end(), skipped + 1
            continue
        if w in _OUTCOME or (w.endswith("ed") and len(w) > 4):
            verb = w
        break
    return head[0].lower(), verb


def _plural(word: str) -> bool:
    w = word.lower()
    if w.endswith(("'s", "’s", "s'")):  # a possessive: "across Haiti's capital"
        return False
    return (w in _IRREGULAR_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))
            or (len(w) > 5 and w.endswith("men") and w[:-3] in _MEN_COMPOUNDS))  # fmt: skip


# what makes a figure a quake's magnitude: "magnitude 7", "a magnitude of 6.1" before it, "6.1 - magnitude", "5.6 on
# the Richter scale" after it, or a decimal before a quake ("a 6.1 quake", "a 5.6 temblor")
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:[ \t]+of)?[\s-]+$", re.I)
_MAGNITUDE_AFTER = re.compile(r"[ \t]*-?[ \t]*magnitude\b|[ \t]+on[ \t]+the[ \t]+Richter\b", re.I)
_QUAKE_AFTER = re.compile(r"[ \t]*-?[ \t]*(?:earth)?quakes?\b|[ \t]*-?[ \t]*(?:temblor|tremor|aftershock)s?\b", re.I)


def _sentence_of(sentences: Sequence[tuple[int, int]], start: int) -> list[int]:
    for s, e in sentences:
        if s <= start < e:
            return [s, e]
    return [start, start]


def numbers_in_text(
    text: str, mentions: Iterable[MentionLike], sentences: Sequence[tuple[int, int]]
) -> list[dict[str, Any]]:
    """Numbers in one article from its stored mentions, plus digit tokens no mention covers (years
    and numbers inside other entities are left out). Dicts: start, end, text, value, qualifier,
    unit, counts, verb, sentence [start, end]."""
    ms = sorted(mentions, key=lambda m: m.start)
    out: list[dict[str, Any]] = []
    for m in ms:
        if m.label not in NUMBER_LABELS or _CLOCK.search(m.text) or _GLUED.search(m.text) or _glued_name(m.text):
            continue
        start, end = m.start, m.end
        if text[start:end].endswith(("s'", "s’")):  # "four hours' work": the possessive's mark is no part of the unit
            end -= 1
        if code := _CODE.search(m.text):  # "Seven AK-47s": the count is "Seven"
            end = start + code.start()
            if not text[start:end].strip() or parse_words(_WORD.findall(text[start:end]))[0] is None:
                continue
            end = start + len(text[start:end].rstrip())
        if _name_part(text, start, end, sentences) or not_a_count(text, start, end):
            continue
        if _ONE_OF.fullmatch(m.text) and _OF.match(text, end):
            continue  # "one of the world's biggest heists", "one of the victims": no count
        if m.label == "TIME" and not _DIGITS.search(m.text) and parse_words(_WORD.findall(m.text))[0] is None:
            continue
        out.append(_number(text, *_whole_figure(text, start, end), m.label, sentences))
    covered = [(m.start, m.end) for m in ms]
    for lm in _LOOSE_NUMBER.finditer(text):
        s, e = lm.start(), lm.end()
        if any(a < e and s < b for a, b in covered) or (_YEAR.match(lm.group(1)) and not lm.group(2)):
            continue
        if _name_part(text, s, e, sentences) or not_a_count(text, s, e):
            continue
        out.append(_number(text, *_whole_figure(text, s, e), "PERCENT" if lm.group(2) else "CARDINAL", sentences))
    seen: set[tuple[int, int]] = set()
    kept = []
    for n in sorted(out, key=lambda n: (n["start"], -n["end"])):
        span = (n["start"], n["end"])
        # one figure once (its parts may come from two mentions); a day of a month is a date, not a count
        if n["value"] is None or span in seen or any(a <= span[0] < b for a, b in seen):
            continue  # also the tail of a figure joined to its head ("1, 500 kilometers" read as "1, 500" and "500 km")
        if n.get("counts") and _MONTH.fullmatch(str(n["counts"])):
            continue
        seen.add(span)
        kept.append(n)
    return kept


# a figure written with a space after its thousands comma ("12, 000 people", the ECB+ texts' tokenised
# spelling), which spaCy and the loose pattern read as "12" and "000"
# a month's name or abbreviation (also ``_MONTH`` of the dates below)
_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_NAME}\.?\s+$", re.I)
_ONE_OF = re.compile(r"(?i)one|1")
_SCALE_GLUED = re.compile(r"(?:mn|m|bn|b|k|tn)\b", re.I)  # "£88m", "€1.2bn"
_THOUSANDS_TAIL = re.compile(r",\s\d{3}(?!\d)")
_THOUSANDS_HEAD = re.compile(r"(?<![\d,])\d{1,3}(?:,\s?\d{3})*,\s$")


def _whole_figure(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole figure a number's span is part of, when it is "12, 000" split in two; also
    when the span has words or a currency before the figure ("around €60" + ", 000")."""
    if re.fullmatch(r"\d{1,3}(?:,\s?\d{3})*", text[start:end]):
        head = _THOUSANDS_HEAD.search(text, max(0, start - 12), start)
        if head and (_MONTH_BEFORE.search(text, max(0, head.start() - 12), head.start())
                     or text[max(0, head.start() - 3) : head.start()].rstrip().endswith(("-", "\u2013"))):
            head = None  # "On May 5, 200 people marched", "6 - foot - 8, 225 pounds": not one figure
        if head and re.fullmatch(r"\d{3}", text[start:end]):
            start = head.start()
        while not _MONTH_BEFORE.search(text, max(0, start - 12), start) and (tail := _THOUSANDS_TAIL.match(text, end)):
            end = tail.end()
    elif re.search(r"(?:[A-Za-z][ \t]|[$€£][ \t]?)\d{1,3}$", text[start:end]) and _THOUSANDS_TAIL.match(text, end):
        # "more than 31" + ", 000"; not "5 - foot - 8" + ", 135" (pounds)
        while tail := _THOUSANDS_TAIL.match(text, end):
            end = tail.end()
    return start, end


def _name_part(text: str, start: int, end: int, sentences: Sequence[tuple[int, int]]) -> bool:
    """A bare integer right after a capitalised word that does not start its sentence: "Flight 447"."""
    if not re.fullmatch(r"\d+", text[start:end]):
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is not None and _CODE_NAME_BEFORE.search(text, max(0, start - 30), start):
        return True  # a cable's or system's name in capitals: "SEA-ME-WE 4 cable", "SEA - ME - WE 4"
    if m is None or not m.group(1)[0].isupper() or not m.group(1)[1:].islower() or m.group(1) in _NOT_NAMES:
        return False
    sent = _sentence_of(sentences, start)
    lo = sent[0] if sent != [start, start] else max(0, start - 200)
    return bool(text[lo : m.start()].strip()) and not text[lo : m.start()].rstrip().endswith((".", ":", '"', "“"))


# currencies written as a word after the figure, which the noun reading would take as what is counted
_CURRENCY_WORDS = {"euro": "€", "euros": "€", "dollar": "$", "dollars": "$", "dlrs": "$", "usd": "$", "yen": "¥",
                   "yuan": "¥", "lei": "lei",
                   **{w: w for w in "pesos gourdes rupees francs rubles roubles dinars shekels rand lira kronor "
                      "krona kroner zloty ringgit baht".split()}}  # fmt: skip
_CURRENCY_WORD_AFTER = re.compile(r"[ \t]+(?:" + "|".join(_CURRENCY_WORDS) + r")\b", re.I)
_UPPER_END = re.compile(r"[ \t]?[-\u2013][ \t]?[$€£]?\d[\d,.]*(?:[ \t]?(?:million|billion|trillion)\b|MM\b)")
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh(?:s|ed|ing)?|weight|heavy|heavier|lost|gained|tall)\b[^.;]*$", re.I)
_SCALE_WORD_AFTER = re.compile(r"[ \t]+(?:hundred|thousand|million|billion|trillion)\b", re.I)
# a unit written glued to its figure ("600m", "2,000ft", "3.5km"): metres unless a currency or one follows
_GLUED_UNIT = re.compile(r"(km|cm|mm|m|ft|kg|lbs|lb|mph|kph|kmh)\b", re.I)
# the upper end of a range spaCy's mention left out, before what both ends count ("for at least 72 to 120 hours")
_RANGE_UPPER = re.compile(r"[ \t]+(?:to|[-\u2013])[ \t]+(\d[\d.,]*)(?=[ \t]+([a-z]+)\b)")


def _upper_of_range(text: str, start: int, end: int, upper: re.Match[str]) -> bool:
    """Whether ``upper`` (after the figure ``start:end``) is the upper end of a range of the same
    things: a larger figure, then a plural or a unit, no clock time ("from 1 to 5 p.m.")."""
    low, high = _DIGITS.search(text, start, end), _DIGITS.fullmatch(upper.group(1).rstrip(".,"))
    if low is None or high is None or float(high.group().replace(",", "")) <= float(low.group().replace(",", "")):
        return False
    word = upper.group(2)
    if _CLOCK_AFTER_NUMBER.match(text, upper.end()) or word in _STOP:
        return False
    return _plural(word) or word in _MEASURE_WORDS


def _number(text: str, start: int, end: int, label: str, sentences: Sequence[tuple[int, int]]) -> dict[str, Any]:
    if (glued := _SCALE_GLUED.match(text, end)) and (re.search(r"[$€£]\s*[\d.,]+$", text[max(0, start - 4) : end])
                                                      or _CURRENCY_WORD_AFTER.match(text, glued.end())):
        end = glued.end()  # "£88m": spaCy's span is "88"; "11m euros"
    elif re.fullmatch(r"[\d.,\s]+", text[start:end]) and (scale := _SCALE_WORD_AFTER.match(text, end)):
        end = scale.end()  # "22" + " billion Euros", when spaCy's mention left the scale out
    elif re.fullmatch(r"\d[\d.,]*", text[start:end]) and (upper := _UPPER_END.match(text, end)):
        end = upper.end()  # "$140" + "-150 million": the scale of the upper end is the lower end's too
    elif (re.fullmatch(r"(?:[A-Za-z]+[ \t]+)*\d[\d.,]*", text[start:end]) and (upper := _RANGE_UPPER.match(text, end))
          and _upper_of_range(text, start, end, upper)):
        end = upper.end()  # "at least 72" + " to 120 hours": the range's unit is the lower end's too
    glued_unit = _GLUED_UNIT.match(text, end) if text[end - 1 : end].isdigit() else None
    parsed = parse_number(text[start:end])
    sent = _sentence_of(sentences, start)
    lead = text[max(sent[0] if sent != [start, start] else 0, start - 12) : start]
    if parsed["unit"] == "mm" and re.search(r"[$€£]\s*$", lead) and isinstance(parsed["value"], int | float):
        parsed["value"], parsed["unit"] = _as_number(parsed["value"] * 1_000_000), None  # "$160MM": million
    limit = sent[1] if sent[1] > start else len(text)
    if glued_unit and parsed["unit"] is None:
        end = glued_unit.end()
        after, _verb = _noun_after(text, end, limit)
        if glued_unit.group(1).lower() == "m" and after and _plural(after) and isinstance(parsed["value"], int | float):
            parsed["value"] = _as_number(parsed["value"] * 1_000_000)  # "over 2m Windows users": million
        else:
            parsed["unit"] = glued_unit.group(1).lower()  # "fell about 600m", "2, 000ft"
    cur = _CURRENCY_BEFORE.search(lead) if parsed["unit"] is None else None
    if cur:
        parsed["unit"] = "$" if cur.group(1) or cur.group(2) else "€" if cur.group(3) else "£"
    elif parsed["unit"] is None and (_MAGNITUDE_BEFORE.search(text, max(sent[0], start - 20), start)
                                     or _MAGNITUDE_AFTER.match(text, end)
                                     or "." in text[start:end] and _QUAKE_AFTER.match(text, end)):
        parsed["unit"] = "magnitude"  # "a magnitude 7 earthquake", "a 5.6 magnitude earthquake", "a 6.1 quake"
    if re.search(r"\bminus[ \t]+$", lead, re.I) and isinstance(parsed["value"], int | float) and parsed["value"] > 0:
        parsed["value"] = -parsed["value"]  # "(minus 6 F)" where the mention is "6"
    if parsed["qualifier"] is None:
        parsed["qualifier"] = qualifier_before(text, start, sent[0])
    counts = verb = None
    hyphen = hyphen_noun(text, start, end) if parsed["unit"] not in ("$", "€", "£", "¥", "%") else None
    if hyphen and hyphen[1] and (parsed["unit"] is None or parsed["unit"] in ("foot", "feet")
                                 or _pluralise(str(parsed["unit"])) == hyphen[0]):  # fmt: skip
        parsed["unit"] = hyphen[0]  # "a 7 - yard touchdown pass", "a 24 - hour strike": yards, hours
    elif hyphen and parsed["unit"] is None:
        counts = hyphen[0]  # "a 13 - play drive", "a 2,507-member assembly"
    elif label == "CARDINAL" and parsed["unit"] is None:
        counts, verb = _noun_after(text, end, limit)
    elif not glued_unit:  # "80m of their destination" counts nothing
        of = _OF.match(text, end)
        if of:
            counts, verb = _noun_after(text, of.end(), limit)
    if parsed["unit"] == "£" and re.search(r"\bpounds?\b", text[start:end], re.I) and _WEIGHT_BEFORE.search(
        text, max(sent[0], start - 40), start
    ):
        parsed["unit"] = "pounds"  # "weighing approximately 200 pounds": a weight
    if counts in ("f", "c") and parsed["unit"] is None and re.match(r"[ \t]*[FC]\b", text[end:]):
        parsed["unit"], counts, verb = "°" + counts.upper(), None, None  # "(minus 6 F)"
    if counts in _CURRENCY_WORDS and parsed["unit"] is None:  # "two million euros": a sum, not a count of euros
        parsed["unit"], counts, verb = _CURRENCY_WORDS[counts], None, None
    if counts in _UNIT_ABBREVIATIONS and parsed["unit"] is None:  # "more than 100 mph": a speed
        parsed["unit"], counts, verb = _UNIT_ABBREVIATIONS[counts], None, None
    out = {"start": start, "end": end, "text": text[start:end], **parsed, "counts": counts, "verb": verb,
           "sentence": sent}  # fmt: skip
    if (part := _PARTITIVE.match(text, end)) and part.group(1):
        out["part"] = True  # "11 of the 16 seats": no rival of the whole in a conflict
    if _DEFINITE_BEFORE.search(lead) and not _DIGITS.search(text[start:end]):
        out["definite"] = True  # "the two men", "both sides": a reference to what was counted before
    return out


def extract_numbers(doc: Any) -> list[dict[str, Any]]:
    """Numbers in a spaCy Doc: the same as :func:`numbers_in_text`, but what a number counts comes
    from the dependency parse when the number modifies a noun ("87 civilians dead" -> civilians,
    and the verb of which that noun is the subject: "320,000 people have died" -> died)."""
    mentions = [_DocMention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    numbers = numbers_in_text(doc.text, mentions, sentences)
    for n in numbers:
        span = doc.char_span(n["start"], n["end"], alignment_mode="expand")
        nums = [t for t in span if t.like_num] if span is not None else []
        if not nums:
            continue
        tok = nums[-1]
        while tok.dep_ in ("compound", "quantmod") and tok.head.like_num and tok.head != tok:
            tok = tok.head
        head = tok.head
        if noun := _coordinated_noun(doc.text, n["end"]):  # "12 Somali and 11 Yemeni nationals"
            n["counts"] = noun
        elif _adverb(head.text) or _CODE.fullmatch(head.text) or head.text.lower() in _CURRENCY_WORDS:
            continue  # "two million euros": a sum, read by numbers_in_text
        elif tok.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and not n["start"] <= head.idx < n["end"]:
            n["counts"] = head.text.lower()
            gov = head.head
            if head.dep_ in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
                n["verb"] = gov.text.lower()
    return numbers


class _DocMention:
    __slots__ = ("start", "end", "text", "label")

    def __init__(self, start: int, end: int, text: str, label: str) -> None:
        self.start, self.end, self.text, self.label = start, end, text, label


# ---------------------------------------------------------------- dates

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?", re.I)
_MONTH = re.compile(rf"\b{_MONTH_NAME}\b", re.I)
_DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "tomorrow": 1}  # fmt: skip
_DAY_WORD = re.compile(r"\b(today|tonight|yesterday|tomorrow|last night)\b", re.I)
_DURATION = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|few|"
    r"many|couple of)[\s-]+(?:more\s+)?(second|minute|hour|day|night|week|month|year|decade|centur)(y|ies|s)?\b|"
    r"\b(recent|past|coming|next few)\s+(days|weeks|months|years|decades)\b|^(days|weeks|months|years|decades)$|"
    r"\bnext\s+(decade|century)\b",
    re.I,
)
_DECADE = re.compile(r"\b((?:1[89]|20)\d0)'?s\b")
_EXPLICIT_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_NAME_BEFORE_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z']+\s+$")  # a capitalised word, no sentence start
_RACE_TIME = re.compile(r"\d['\u2019\u2032]\s?\d")  # minutes and seconds: "34' 28"
_DAY_YEAR = re.compile(r"(?:[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?:1[5-9]\d\d|20\d\d)")  # a day and a year, no month
_MONTH_DAY_BEFORE = re.compile(rf"\b({_MONTH_NAME})\.?\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|&|or|to|-|\u2013|,)\s*$",
                               re.I)
# an ordinal with a word that makes it no day of the month ("13th and 14th month", "the 10th anniversary");
# a bare "the 17th" is one
_ORDINAL_ONLY = re.compile(r"(?i)(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?:\s+(?:and|or|month|months|day|days|week|weeks|"
                           r"year|years|time|anniversary|century|place))+")
_RECURRING = re.compile(r"\b(?:every|each)\b", re.I)
# a season or a fiscal year over two years ("the 2007-08 season"), which dateparser reads as a month
_SEASON = re.compile(r"((?:19|20)\d\d)\s?[-\u2013/]\s?(\d\d)")
_LEAD = re.compile(r"^(?:on|in|over|since|until|by|from|during|around|about|before|after|earlier|early|later|late|mid|"
                   r"the|of|at|as of|back|(?:end|beginning|start|middle)\s+of)\b[\s-]*", re.I)  # fmt: skip
# a year named inside a phrase dateparser cannot read ("the 2008 season", "the target year of 2009"); not "post-2012"
_YEAR_IN_PHRASE = re.compile(r"(?<![\w-])(?<!\bpost-)(?<!\bpre-)((?:1[5-9]|20)\d\d)(?![\w-])")
# ... but not a product's name ("Windows 2000", "Server 2003"); a season's is a time ("Fall 2009")
_NAME_BEFORE_YEAR = re.compile(r"\b([A-Z][A-Za-z]*)\s+$")
_SEASON_WORD = re.compile(r"(?i)spring|summer|fall|autumn|winter")
# a day of the month after its preposition at the end of a longer phrase ("an uneventful day on the 17th")
_TAIL_DATE = re.compile(r"\s(?:on|by|until|till|since)\s+((?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+\w+)?)$", re.I)
# "(within) the last month", "the past year": a span up to now, no point (a bare "last month" is one)
_SPAN_UP_TO_NOW = re.compile(r"^the\s+(?:last|past)\s+(?:month|year)$", re.I)
# a span of dates ("Between 1991 and 1998", "between April 30 and May 1", "March 30 \u2013 April 1, 2010") names its
# first day; each side names a month or a year (not "between six and 12 hours", "Monday and Tuesday")
_SPAN = re.compile(r"^(?:between|from)?\s*(.+?)\s*(?:\s(?:and|to|through|until)\s|\u2013|\s-\s)\s*(.+)$", re.I)
# a day or month with the year said in words after it ("June 1 last year", "December 15 of this year")
_YEAR_IN_WORDS = re.compile(r"^(.+?)\s+(?:of\s+)?(last|this|next)\s+year$", re.I)
_YEAR_OFFSET = {"last": -1, "this": 0, "next": 1}
_WEEKEND = re.compile(r"(last|this|next|coming|past|previous)?\s*weekend", re.I)
_PAST_WEEK = re.compile(r"\b(?:past|previous)\s+week\b", re.I)
_TIME_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|noon|midnight)\b", re.I)
# words before a date in its sentence that put it ahead of the writing: "will meet Thursday", "is due to
# appear on Tuesday", "a hearing was scheduled for Wednesday", "set to begin filming in August"
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were|be|being|'s)\s+(?:set|due|expected|scheduled|slated|poised)\s+to|"
    r"(?:set|scheduled|slated)\s+(?:to|for)|planned\s+for|plans?\s+to|planning\s+to|going\s+to|upcoming|"
    r"(?:expects?|hopes?|aims?|intends?)\s+to|(?:is|are|'s)\s+likely\s+to|(?:re)?opening\s+date)\b|'ll\b",
    re.I,
)
# the future without those words: a modal before the date ("results could be announced as late as Sunday", "viewers
# might lose their signal Tuesday", "relatives would hold a vigil Thursday"; not "could not be reached Wednesday",
# "may have died Tuesday") and "until" after a delay ("not expected until Saturday", "postponed ... until Monday")
_FUTURE_MODAL = re.compile(r"\b(?:would|could|might|may)\s+(?!not\b|never\b|have\b|also\s+have\b|n't)[a-z]"
                           r"|\b(?:can|cannot|can't)\s+(?!have\b)[a-z][^.;:]*\bby\s+$")
# "must" and "should" only before a deadline ("The school must respond to the allegations by July 26"; not "Cardoso
# must win more than half the vote from Sunday's election", written after it)
_FUTURE_DEADLINE = re.compile(r"\b(?:must|should)\s+(?!not\b|never\b|have\b|n't)[a-z][^.;:]*\bby\s+$")
_FUTURE_UNTIL = re.compile(
    r"(?i)\b(?:expected|due|postpon\w*|delay\w*|adjourn\w*|extension|extended|recess\w*)\b[^.;:]{0,40}"
    r"\buntil\s+(?:on\s+)?$"
)
_FUTURE_REACH = 80  # characters before the date that are searched for those words
_FUTURE_DAYS = 183  # a month or day named as ahead is at most this far ahead, else it is the past one
_SOON_DAYS = 30  # a day and month without a year, this close ahead of publication, is that day
# a past tense right before the date ("O'Brien, fired on June 8", "died on May 30"): a day and month without a year
# that fall just after publication are last year's (``DateResolver.resolve``'s ``past``; not "scheduled", "expected",
# "planned" for it)
_PAST_CUE = re.compile(r"\b(?!(?:schedul|expect|plann|slat|postpon|delay|resched)ed\b)(?:[a-z]{3,}ed|was|were|died|"
                       r"said|told|fell|went|came|took|won|lost)\s+(?:on\s+|in\s+)?$")
# ... not a passive of the present or future ("when he's sentenced May 7", "is to be formally sentenced May 3")
_NOT_PAST = re.compile(r"\b(?:is|are|be|being|'s|’s|'re|will|shall|to)\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+(?:on\s+|in\s+)?$")



def parse_published(published: str | None) -> date | None:
    """The publication day of an article (``YYYY-MM-DD`` or an ISO datetime), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def _period_start(d: date, granularity: str) -> date:
    if granularity == "week":
        return d - timedelta(days=d.weekday())
    if granularity == "month":
        return d.replace(day=1)
    if granularity == "year":
        return d.replace(month=1, day=1)
    return d


class DateResolver:
    """Resolves date expressions against one publication day (None: only absolute dates resolve).

    Choices: a bare weekday is the latest such day on or before publication ("Wednesday" in an
    article of Wednesday 2017-04-12 is that day, "Tuesday" is 2017-04-11); "last Wednesday" is
    strictly before; "next Wednesday" strictly after. "last week" (also "the past week", "the
    previous week") is the Monday of the previous week. "the weekend" and "last weekend" are the
    Saturday of the latest weekend before publication (for "last", the one before when published
    on a weekend day); "this weekend" and "next weekend" the next Saturday. Durations ("six
    years", "recent months") and decades do not become timeline points (decades resolve with
    granularity "decade")."""

    def __init__(self, published: str | None) -> None:
        self.day = parse_published(published)

    def resolve(self, expression: str, future: bool = False, past: bool = False) -> dict[str, Any]:
        """{"date": ISO or None, "granularity", "relative", "note"} for one expression. ``future``:
        the words before it put it ahead of publication ("will meet Thursday"), so a bare weekday
        is the next such day on or after publication and a month or day without a year the next
        one, up to ``_FUTURE_DAYS`` ahead. ``past``: a past tense right before it ("fired on June 8"),
        so a day and month without a year just after publication is last year's, not that day."""
        s = " ".join(expression.replace("\u2019", "'").split())
        relative = _EXPLICIT_YEAR.search(s) is None
        out: dict[str, Any] = {"date": None, "granularity": None, "relative": relative, "note": None}
        if _RECURRING.search(s):  # "the second Tuesday of every month": a schedule, no point in time
            return {**out, "note": "recurring"}
        season = _SEASON.fullmatch(_LEAD.sub("", s).strip())
        if season and int(season.group(2)) == (int(season.group(1)) + 1) % 100:  # "2007-08": no August
            return {**out, "date": f"{season.group(1)}-01-01", "granularity": "year", "relative": False,
                    "note": "season"}  # fmt: skip
        dec = _DECADE.search(s)
        if dec:
            return {**out, "date": f"{dec.group(1)}-01-01", "granularity": "decade", "relative": False}
        if _DURATION.search(s) and not re.search(r"\bago\b", s, re.I):
            return {**out, "note": "duration"}
        if _SPAN_UP_TO_NOW.match(s):
            return {**out, "note": "duration"}
        span = _SPAN.match(s)
        if span and all(_MONTH.search(x) or _EXPLICIT_YEAR.search(x) for x in span.groups()):
            return self._span_start(span.group(1), span.group(2), future, past)
        in_words = _YEAR_IN_WORDS.match(_LEAD.sub("", s).strip())
        if in_words and _MONTH.search(in_words.group(1)) and not _EXPLICIT_YEAR.search(in_words.group(1)):
            if self.day is None:
                return {**out, "note": "relative date and no publication date"}
            year = self.day.year + _YEAR_OFFSET[in_words.group(2).lower()]
            return {**self.resolve(f"{in_words.group(1)} {year}", future, past), "relative": True}
        while True:
            stripped = _LEAD.sub("", s).strip()
            if stripped == s:
                break
            s = stripped
        if not s or re.fullmatch(r"\d{1,3}\+?", s):  # "Majid Ansari, 44,": an age spaCy read as a date; "55+ apps"
            return {**out, "note": "not a date"}
        if re.fullmatch(r"\(?\d{1,3}(?:\s?[-\u2013]\s?\d{1,3}){1,2}\)?", s):  # a record or score: "Bowe (45-1)"
            return {**out, "note": "not a date"}
        if _ORDINAL_ONLY.fullmatch(s):  # "13th and 14th month bonus pay": an ordinal names no day
            return {**out, "note": "not a date"}
        if re.search(r"\bcentur", s, re.I):
            return {**out, "note": "century"}
        if relative and self.day is None:
            return {**out, "note": "relative date and no publication date"}
        low = s.lower()
        for words, offset in _DAY_WORDS.items():
            if low == words or low.startswith(words + " "):
                assert self.day is not None
                return {**out, "date": (self.day + timedelta(days=offset)).isoformat(), "granularity": "day"}
        we = _WEEKEND.fullmatch(low)
        if we and self.day is not None:
            since_sat = (self.day.weekday() - 5) % 7  # days since the latest Saturday (0: today)
            which = (we.group(1) or "").lower()
            if which in ("this", "next", "coming"):
                shift = (5 - self.day.weekday()) % 7 if self.day.weekday() < 5 else -since_sat
            else:
                shift = -since_sat - (7 if which == "last" and self.day.weekday() >= 5 else 0)
            return {**out, "date": (self.day + timedelta(days=shift)).isoformat(), "granularity": "day"}
        s = _PAST_WEEK.sub("last week", s)
        wd = _WEEKDAY.search(s)
        if wd and self.day is not None and not _MONTH.search(s) and not re.search(r"\d", s):
            target = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(wd.group(1).lower()[:3]))
            back = (self.day.weekday() - target) % 7
            if re.search(r"\blast\b", low) and back == 0:
                back = 7
            elif re.search(r"\b(next|coming)\b", low):
                back = -((target - self.day.weekday()) % 7 or 7)
            elif future and not re.search(r"\b(last|past|previous)\b", low):
                back = -((target - self.day.weekday()) % 7)
            return {**out, "date": (self.day - timedelta(days=back)).isoformat(), "granularity": "day"}
        if (_RACE_TIME.search(s) or (_DAY_YEAR.fullmatch(s) and not _MONTH.search(s))
                or (re.fullmatch(r"\d{3,4}", s) and not _EXPLICIT_YEAR.fullmatch(s))):  # fmt: skip (1010 WINS)
            return {**out, "note": "not a date"}  # "5h 34' 28\"", a race time; "14, 2007" with no month to it
        found, period = _dateparse(_TIME_OF_DAY.sub("", s).strip() or s, self.day)
        if found is None:
            tail = _TAIL_DATE.search(s)  # "an uneventful day on the 17th": the date after its preposition
            if tail and tail.start() > 0:
                return self.resolve(tail.group(1), future, past)
            years = list(_YEAR_IN_PHRASE.finditer(s))
            name = _NAME_BEFORE_YEAR.search(s[: years[0].start()]) if len(years) == 1 else None
            if (len(years) == 1 and not _MONTH.search(s) and len(re.findall(r"\d+", s)) == 1
                    and (name is None or _SEASON_WORD.fullmatch(name.group(1)))):  # fmt: skip
                return {**out, "date": f"{years[0].group(1)}-01-01", "granularity": "year"}
            return {**out, "note": "not understood"}
        if (found.hour, found.minute, found.second) != (0, 0, 0) and not re.search(r"\d:\d\d|[ap]\.?m", s, re.I):
            return {**out, "note": "not understood"}  # e.g. "1990s" read as 1990 seconds ago
        if self.day is not None and not (1000 <= found.year <= self.day.year + 10):
            return {**out, "note": "out of range"}
        granularity = period if period in ("day", "week", "month", "year") else "day"
        found_day = found.date()
        if relative and self.day is not None and granularity in ("day", "month") and _MONTH.search(s):
            found_day = self._year_of(found_day, granularity, future, wd.group(1) if wd else None, past)
        return {**out, "date": _period_start(found_day, granularity).isoformat(), "granularity": granularity}

    def _span_start(self, first: str, last: str, future: bool, past: bool = False) -> dict[str, Any]:
        """The first day of a span: its first side, with the year of the last side when it names none
        (the year before when that puts the first side after the last: "December 28 - January 3, 2010"), also a
        year said in words ("between June and August this year")."""
        end = self.resolve(last, future, past)
        named = _EXPLICIT_YEAR.search(last)
        in_words = end["date"] is not None and _YEAR_IN_WORDS.match(_LEAD.sub("", last).strip()) is not None
        year = named.group(1) if named else end["date"][:4] if in_words else None
        if _EXPLICIT_YEAR.search(first) or year is None:
            return self.resolve(first, future, past)
        start = self.resolve(f"{first} {year}", future, past)
        if start["date"] is not None and end["date"] is not None and start["date"] > end["date"]:
            start = self.resolve(f"{first} {int(year) - 1}", future, past)
        return {**start, "relative": end["relative"]}

    def _year_of(self, found: date, granularity: str, future: bool, weekday: str | None, past: bool = False) -> date:
        """The year of a day or month named without one ("May 10", "in August"): dateparser's
        past reading, unless the words put it ahead (then the next one up to ``_FUTURE_DAYS``
        ahead), a day within ``_SOON_DAYS`` ahead, or a weekday named with it that only fits
        another year ("Sunday, January 23"); not a day just ahead when a past tense is before it (``past``)."""
        assert self.day is not None
        options = []
        for year in (self.day.year - 1, self.day.year, self.day.year + 1):
            try:
                options.append(found.replace(year=year))
            except ValueError:  # 29 February
                continue
        if weekday is not None and granularity == "day":
            target = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(weekday.lower()[:3]))
            fits = [d for d in options if d.weekday() == target]
            if len(fits) == 1:
                return fits[0]
        start = _period_start(self.day, granularity)
        ahead = [d for d in options if d >= start and (d - self.day).days <= _FUTURE_DAYS]
        if future and ahead:
            return ahead[0]
        if granularity == "day" and ahead and 0 < (ahead[0] - self.day).days <= _SOON_DAYS and not past:
            return ahead[0]
        return found


@functools.lru_cache(maxsize=64)
def _date_parser(day: date | None) -> Any:
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY", "RETURN_AS_TIMEZONE_AWARE": False}
    if day is not None:
        settings["RELATIVE_BASE"] = datetime(day.year, day.month, day.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=8192)
def _dateparse(expression: str, day: date | None) -> tuple[datetime | None, str | None]:
    """dateparser's reading of one expression against one publication day (memoised: a story's
    articles are re-read each time the story changes, and dateparser is slow)."""
    data = _date_parser(day).get_date_data(expression)
    return (data.date_obj, data.period) if data is not None else (None, None)


_BARE_ORDINAL = re.compile(r"(?i)(?:the\s+)?\d{1,2}(?:st|nd|rd|th)")


def _ordinal_names_day(before: str, after: str) -> bool:
    """Whether a bare ordinal ("the 11th") names a day: "on the 11th", "the 11th of July"; not "knocking
    out Thompson in the 11th of their first title fight" (a round, an inning, a hole)."""
    if re.search(r"(?i)\b(?:on|by|until|till|since|from|before|after|for|through|to)\s+(?:the\s+)?$", before):
        return True
    return bool(re.match(r"(?i)\s+of\s+", after)) and _MONTH.match(re.sub(r"(?i)^\s+of\s+", "", after)) is not None


# a year before a make of car is its model year ("his 2008 Bentley", "a 2007 silver Ford"), no event
_MODEL_YEAR = re.compile(
    r"\s+(?:(?:black|white|silver|gray|grey|red|blue|green|gold|tan|maroon|beige|brown|dark|light)\s+)*"
    r"(?:Acura|Audi|BMW|Bentley|Buick|Cadillac|Chevrolet|Chevy|Chrysler|Dodge|Ferrari|Fiat|Ford|GMC|Honda|Hummer|"
    r"Hyundai|Infiniti|Jeep|Kia|Lamborghini|Land Rover|Lexus|Mazda|Mercedes|Mitsubishi|Nissan|Oldsmobile|Peugeot|"
    r"Pontiac|Porsche|Range Rover|Renault|Saab|Subaru|Suzuki|Toyota|Volkswagen|VW|Volvo)\b|\s+model\b",
    re.I,
)


# what follows a decade used as a modifier ("a 1940s pompadour", "1950s-style", "the 1960s radical group"):
# a hyphen, or a lowercase word that is no function word ("in the 1960s when", "the 1940s and 1950s")
_DECADE_MODIFIES = re.compile(
    r"-|\s+(?!(?:and|or|but|nor|when|while|as|after|before|during|until|till|since|with|without|to|in|on|at|by|"
    r"for|from|of|into|through|than|that|which|who|where|he|she|it|they|we|i|you|there|the|a|an|his|her|their|"
    r"its|is|was|were|are|had|has|have|did|would|could|also|then|onward|onwards)\b)[a-z]"
)

# ... unless a preposition of time puts it in the sentence as when ("by the 1950s provocative pictures ...")
_TIME_PREPOSITION = re.compile(r"(?i)\b(?:in|by|during|since|until|till|through)\s+(?:the\s+)?$")

# a year that names a work, a law or a budget, not when something happened ("his 2006 memoir", "a 1972
# pornographic film", "the 2001 Anti-Terrorism Act", "the country's 1988 Constitution", "a generous 1999 budget");
# events stay ("the 1972 break-in", "the 2007 World Series", "a 2006 interview", "the 1974 resignation")
_THING_AFTER_YEAR = re.compile(
    r"\s+(?:(?:[A-Z][\w'-]*|(?!(?:of|and|or|in|on|at|to|for|with|by|from|a|an|the|his|her|their|its|that|which|"
    r"who|was|is|were|had|has)\b)[a-z]+)\s+){0,3}?(?:(?:book|memoir|autobiography|biography|novel|expose|movie|film|"
    r"documentary|comic series|album|song|image|photograph|poster|role|law|statute|constitution|budget|handbook|"
    r"manual|tax return)s?|(?:Act|Constitution|Code))\b(?!\s*-)"
)
_THING_BEFORE_YEAR = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|that)|'s|s')\s+(?:[a-z]+\s+)?$", re.I)
# ... or names it after "from" ("a federal government handbook from 1998")
_THING_FROM = re.compile(r"\b(?:book|memoir|handbook|manual|film|movie|law)s?\s+from\s+$", re.I)


def _datey(m: MentionLike) -> bool:
    if m.label == "DATE":
        return True
    # TIME mentions only when they name a day ("Earlier Wednesday", "Monday night", "last night")
    return m.label == "TIME" and bool(_WEEKDAY.search(m.text) or _MONTH.search(m.text) or _DAY_WORD.search(m.text))


# "Later that year", "that same year": the year of the date just before it (same or previous sentence)
_THAT_YEAR = re.compile(r"(?i)(?:(?:later|earlier|early|late)\s+)?(?:in\s+)?that\s+(?:same\s+)?year")
# "May" as a wish at the head of a sentence ("``May understanding, mutual respect ... take the place of
# violence"), not the month ("May saw record sales", "May was")
_WISH_MAY = re.compile(r"May[ \t]+(?!(?:and|or|to|through|was|is|has|had|will|would|saw|marked)\b)"
                       r"([a-z]+|God|he|she|it|they|we|you|the|his|her|their|our|your|all)\b(?<!s)(?<!ed)")
_SENTENCE_HEAD = re.compile(r"[\s\"'`\u201c\u2018(\[-]*")
# a habit, not a point in time ("the rainy season, which generally starts in May")
_HABIT_BEFORE = re.compile(r"(?i)\b(?:generally|usually|typically|normally|traditionally|customarily)\b[^,;.]{0,40}$")
_CLOCK_PAREN = re.compile(r"[ \t]*\([ \t]*\d{3,4}[ \t]*(?:gmt|utc|local)\b", re.I)  # "1353 (1023 GMT)"
_AT_BEFORE = re.compile(r"\bat[ \t]+$", re.I)


def _that_year(found: list[dict[str, Any]], sentences: Sequence[tuple[int, int]], sent: list[int]) -> dict[str, Any]:
    """"Later that year": the year of the latest date resolved before it in its sentence or the one before."""
    floor = max((s for s, _e in sentences if s < sent[0]), default=sent[0])
    prev = next((x for x in reversed(found) if x["start"] >= floor and x["date"] is not None and not x.get("background")
                 and x["granularity"] in ("day", "month", "year")), None)  # fmt: skip
    if prev is None:
        return {"date": None, "granularity": None, "relative": True, "note": "no year before"}
    return {"date": f"{prev['date'][:4]}-01-01", "granularity": "year", "relative": prev["relative"],
            "note": "that year"}  # fmt: skip


def dates_in_text(
    text: str, mentions: Iterable[MentionLike], sentences: Sequence[tuple[int, int]], published: str | None
) -> list[dict[str, Any]]:
    """DATE (and day-naming TIME) mentions of one article, resolved against its publication date.
    Dicts: start, end, text, date (ISO or None), granularity, relative, note, sentence [start, end]."""
    resolver = DateResolver(published)
    out: list[dict[str, Any]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        if not _datey(m):
            continue
        sent = _sentence_of(sentences, m.start)
        lo = m.start - _FUTURE_REACH if sent == [m.start, m.start] else max(sent[0], m.start - _FUTURE_REACH)
        before = text[max(lo, 0) : m.start]
        if _BARE_ORDINAL.fullmatch(m.text.strip()) and not _ordinal_names_day(before, text[m.end : m.end + 24]):
            r = {"date": None, "granularity": None, "relative": True, "note": "not a date"}
        elif _HHMM.fullmatch(m.text.strip()) and (_CLOCK_AFTER.match(text, m.end) or _CLOCK_PAREN.match(text, m.end)
                                                    or (int(m.text) < 1500 and _AT_BEFORE.search(before))):
            r = {"date": None, "granularity": None, "relative": False, "note": "clock time"}  # "at 1353 (1023 GMT)"
        elif re.fullmatch(r"(?:19|20)\d\d", m.text.strip()) and _MODEL_YEAR.match(text, m.end):
            r = {"date": None, "granularity": None, "relative": False, "note": "model year"}
        elif (m.text.strip() == "May" and _WISH_MAY.match(text, m.start) and sent[1] > sent[0]
              and _SENTENCE_HEAD.fullmatch(text[sent[0] : m.start])):  # fmt: skip
            r = {"date": None, "granularity": None, "relative": True, "note": "not a date"}
        elif (m.text.strip() in ("Today", "Tonight") and text[m.end : m.end + 1] != ","
              and _NAME_BEFORE_WORD.search(text, max(sent[0], m.start - 30), m.start)):  # fmt: skip
            # "World News Tonight", "NBC Today"; not a headline glued to "Today, President Obama announced"
            r = {"date": None, "granularity": None, "relative": True, "note": "part of a name"}
        elif _HABIT_BEFORE.search(before) and not _EXPLICIT_YEAR.search(m.text):
            r = {"date": None, "granularity": None, "relative": True, "note": "recurring"}
        elif _THAT_YEAR.fullmatch(m.text.strip()):
            r = _that_year(out, sentences, sent)
        else:
            ahead = (_FUTURE.search(before) or _FUTURE_MODAL.search(before) or _FUTURE_UNTIL.search(before)
                     or _FUTURE_DEADLINE.search(before))
            past = not ahead and _PAST_CUE.search(before) is not None and not _NOT_PAST.search(before)
            expression = text[m.start : m.end]
            if _DAY_YEAR.fullmatch(expression.strip()) and (month := _MONTH_DAY_BEFORE.search(before)):
                expression = f"{month.group(1)} {expression.strip()}"  # "June 13 and [14, 2007]": June 14, 2007
            r = resolver.resolve(expression, future=bool(ahead), past=past)
        modifier = _DECADE_MODIFIES.match(text, m.end) and not _TIME_PREPOSITION.search(before)
        if r["granularity"] == "decade" and modifier:
            r = {**r, "date": None, "granularity": None, "note": "decade as a modifier"}
        elif r["granularity"] == "decade" and r["date"] is not None:
            r = {**r, "background": "decade"}  # "in the 1950s": a decade is background, not a timeline entry
        elif (r["granularity"] == "year" and re.fullmatch(r"(?:19|20)\d\d", m.text.strip())
              and ((_THING_AFTER_YEAR.match(text, m.end) and _THING_BEFORE_YEAR.search(before))
                   or _THING_FROM.search(before))):
            r = {**r, "background": "year of a work, a law or a budget"}
        out.append({"start": m.start, "end": m.end, "text": text[m.start : m.end], **r,
                    "sentence": sent})  # fmt: skip
    return _anchored_years(out)


def _anchored_years(dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A day named without a year ("June 20") takes the year the article writes out for that month: beside a
    full date of the same month in its sentence ("killed June 24, 2005 ... while investigating a June 20
    shooting"), or anywhere in the article for the same day or the month alone ("in June 2005" ... "killed on
    June 24" in an article of 2007, which read alone is 2006-06-24)."""
    full = [d for d in dates if d.get("date") and not d.get("relative") and d.get("granularity") in ("day", "month")
            and _EXPLICIT_YEAR.search(d["text"])]  # fmt: skip
    if not full:
        return dates
    out = []
    for d in dates:
        if not (d.get("date") and d.get("relative") and d.get("granularity") == "day" and _MONTH.search(d["text"])):
            out.append(d)
            continue
        ymd = d["date"]
        same_month = [f for f in full if f["date"][5:7] == ymd[5:7] and f["date"][:4] != ymd[:4]]
        anchor = next((f for f in same_month if f["sentence"] == d["sentence"]), None) or next(
            (f for f in same_month if f["granularity"] == "month" or f["date"] == f"{f['date'][:4]}{ymd[4:]}"), None)
        years = {f["date"][:4] for f in same_month}
        if anchor is None or len(years) > 1:
            out.append(d)
            continue
        try:
            day = date.fromisoformat(anchor["date"][:4] + ymd[4:]).isoformat()
        except ValueError:  # February 29 of a year without one
            out.append(d)
            continue
        out.append({**d, "date": day, "note": f"year of {anchor['text']!r}"})
    return out


def resolve_dates(doc: Any, published: str | None) -> list[dict[str, Any]]:
    """:func:`dates_in_text` over a spaCy Doc's entities and sentences."""
    mentions = [_DocMention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    return dates_in_text(doc.text, mentions, [(s.start_char, s.end_char) for s in doc.sents], published)


# ---------------------------------------------------------------- story level


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
    rest = re.sub(r"\d", " ", _MONTH.sub(" ", _WEEKDAY.sub(" ", sentence)))
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
_OUTCOMES = {"dead": "died", "killed": "died", "killing": "died", "deaths": "died", "dying": "died", "die": "died",
             "wounded": "injured", "hurt": "injured", "injuring": "injured"}  # fmt: skip


def _bare_one(n: dict[str, Any]) -> bool:
    """A bare "one" or "zero" in words before a noun with no outcome verb ("at one point", "one big difference",
    "one count of murder", "the zero day flaw"): the number audit found these mostly idioms and
    articles, not figures a reader looks up; "one man died" (an outcome) stays."""
    words = [w.lower() for w in _WORD.findall(n.get("text") or "")]
    outcome = str(n.get("verb") or "").lower() in _OUTCOME or str(n.get("verb") or "").lower() in _OUTCOMES
    return bool(words) and words[-1] in ("one", "zero") and not outcome and not n.get("unit")


_VAGUE_SCALE = {"ten": 10, "dozen": 12, "score": 20, **_SCALES}


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
        for verb in {_OUTCOMES.get(v, v) for v in verbs}:
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
            d = _number(text, n["start"], max(m.end(), n["end"]), "PERCENT" if "%" in n["text"] else "CARDINAL",
                        sentences)  # fmt: skip
            d["value"] = _as_number(float(re.sub(r"\D", "", head) + "." + (tail or "0")))
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
