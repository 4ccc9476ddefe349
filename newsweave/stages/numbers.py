"""Numbers in articles and what they count.

``numbers_in_text`` works over what the NLP stage already stores: the article text, its entity mentions (CARDINAL,
QUANTITY, MONEY, PERCENT, TIME with offsets) and its sentence spans, so a story is analysed without parsing its
articles again; ``extract_numbers(doc)`` runs the same code over a spaCy ``Doc`` and also reads the dependency parse
for what a number counts. Without a parse, what a number counts is the first plural-looking word of the run of words
right after it ("87 civilians dead" -> civilians): simple, and wrong on unusual word order. The story's number table
is built from these records in ``facts``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from .textutil import singular

NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"})


class MentionLike(Protocol):
    start: int
    end: int
    text: str
    label: str

QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as few as",
    "nearly", "almost", "about", "around", "approximately", "roughly", "some", "over", "under",
    "just over", "just under", "well over", "an estimated", "estimated", "close to", "upwards of",
    "no fewer than", "no more than", "only", "exactly",
)  # fmt: skip
_QUALIFIER_ALT = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
QUALIFIER = re.compile(rf"^(?:{_QUALIFIER_ALT})\b\s*", re.I)
_QUALIFIER_BEFORE = re.compile(rf"\b({_QUALIFIER_ALT})\s*$", re.I)

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12}
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
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
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
OUTCOME_WORDS = frozenset("dead died killed injured wounded missing hurt displaced arrested detained".split())
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
NOT_NAMES = frozenset("""January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    The A An About Nearly Some Over Under More Less Only All Just Around Almost""".split())  # fmt: skip


def as_number(v: float) -> int | float:
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
        return _VAGUE_MULT[vague.group(1)] * SCALES[vague.group(2)], f"{vague.group(1)} of {vague.group(2)}s"
    several = _SEVERAL.match(" ".join(w.lower() for w in words))
    if several:  # "several dozen countries", "a few hundred people": a range, written as the words say
        base = 12 if several.group(2) == "dozen" else SCALES[several.group(2)]
        return base * (SCALES[several.group(3)] if several.group(3) else 1), several.group(0)
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
            elif p in SCALES:
                scale = SCALES[p]
                current = (current or 1) * scale
                if scale >= 1000:
                    total, current = total + current, 0
            elif p.rstrip("s") in SCALES and not seen:
                return SCALES[p.rstrip("s")], f"{p} of"
            elif p == "tens" and not seen:  # "tens or hundreds of meteors": at least ten
                return 10, "tens of"
            else:
                continue
            seen = True
    if not seen or (fraction != 1.0 and total + current < 100):
        return None, None
    value = as_number((total + current) * fraction)
    return value, ("about" if approximate and (fraction != 1.0 or value >= 12) else None)


_NUMBER_WORD = "|".join([*_SMALL, *_TENS, *SCALES, "tens", "dozens", "hundreds", "thousands", "millions", "billions"])
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
    m = QUALIFIER.match(s)
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
            value *= SCALES.get(word) or _SHORT_SCALES[word]
            rest = rest[scale.end() :]
        # a range ("10 to 12 inches", "5-7 days"): its lower end, and the unit after the upper one; a scale
        # after the upper end is the lower end's too ("$140-150 million")
        rng = _RANGE_REST.match(rest)
        if rng:
            rest = rest[rng.end() :]
            upper = re.sub(r"[^\d.]", "", rng.group(1))
            below = bool(re.fullmatch(r"\d+(?:\.\d+)?", upper)) and value <= float(upper)
            if (rng.group(2) or rng.group(3)) and not scale and below:  # not "$888, 600 to $1.4 million"
                value *= SCALES[(rng.group(2) or "million").lower()]
        elif not scale and unit in ("$", "€", "£") and re.match(r"MM\b", rest):
            value, rest = value * 1_000_000, rest[2:]  # "$160MM", as baseball writers spell a million
        value = as_number(value)
    else:
        # a range in words ("seven to eight buildings", "between four and seven", "tens or hundreds"): its lower end
        low = re.match(r"(?i)(?:between\s+)?(.+?)\s+(?:to|or|and)\s+(?=(?:" + _NUMBER_WORD + r")\b)", s)
        if low and (s.lower().startswith("between") or not re.search(r"(?i)\band\b", low.group(0))):
            s = low.group(1) + " " + s[low.end() :].split(" ", 1)[-1] if " " in s[low.end() :] else low.group(1)
        words = WORD.findall(s)
        value, vague = parse_words(words)
        qualifier = qualifier or vague
        figure = [parse_words([w])[0] is not None for w in words]
        first = figure.index(True) if True in figure else 0  # "all three": a unit follows the figure
        rest = " ".join(w for w, f in zip(words[first:], figure[first:], strict=True)
                        if not f and w.lower() not in _NO_UNIT_WORDS)  # fmt: skip
    rate = _RATE.search(rest) if unit is None else None
    if rate:  # "up to 120 miles per hour" is a speed in mph, not a count of hours
        per, each = rate.group(1).lower(), rate.group(2).lower()
        unit = _RATE_UNITS.get(f"{per} {each}", f"{per} per {each}")
    if unit is None:
        tail = [w for w in WORD.findall(rest) if w.lower() not in _NOT_UNITS]
        if tail:
            unit = "°" + tail[-1] if tail[-1] in ("F", "C") else tail[-1].lower()  # "570 degrees F"
            if len(tail) > 1 and tail[-2].lower() in ("square", "cubic"):
                unit = f"{tail[-2].lower()} {unit}"  # "7,491 square kilometers"
    if negative and value is not None:
        value = -value
    return {"value": value, "qualifier": qualifier, "unit": unit}


# model and type codes ("AK-47", "AK - 47" as ECB+ spaces it, "F-16s", "Mi-8"): names, not counts
_CODE = re.compile(r"[A-Z][A-Za-z]{0,5}[ \t]?[-\u2013][ \t]?\d+[A-Za-z]*")
_CODE_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,5}[ \t]?[-\u2013][ \t]?$")
_CODE_TAIL = re.compile(r"[ \t]?[-\u2013]?[ \t]?\d+[A-Za-z]*")
# a 24-hour clock time: "1230 hours", "0930 GMT", "about 1100 IST"
HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
CLOCK_AFTER = re.compile(r"[ \t]*(?:hours|hrs|h|gmt|utc|ist|bst|est|edt|cst|pst|cet|cest|local time)\b", re.I)
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
    km inch yard pound ton tonne gallon litre liter acre degree percent per cent point magnitude millimeter millimetre
    centimeter centimetre kilogram kilogramme gram hectare barrel watt kilowatt megawatt gigawatt""".split())
_UNIT_WORDS = _MEASURE_WORDS - {"point"}  # a plural of these after a figure is its unit (points scored stay counted)


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
    if nxt and nxt.group(1).lower() in SCALES:
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
    return not (w in _STOP or _plural(w) or w in _MEASURE_WORDS or w in SCALES or w.endswith(("s", "ed", "ing")))


_PHONE_RUN = re.compile(r"[\d+()][\d \t+()./-]*\d")


def phone_number(text: str, start: int, end: int) -> bool:
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
    if figure[:1].isdigit() and phone_number(text, start, end):
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
    if not digits or HHMM.fullmatch(digits[-1].group()) is None:
        return False
    return bool(CLOCK_AFTER.match(text, start + digits[-1].end()))


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
        if w.lower() in _PAST_VERBS or w.lower() in WEEKDAYS or (run and parse_words([w])[0] is not None):
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
        if w in OUTCOME_WORDS or (w.endswith("ed") and len(w) > 4):
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
# degrees a quake is measured in: its magnitude, no angle or temperature
_DEGREES_QUAKE = re.compile(rf"(?:[ \t]*degrees?)?(?:[ \t]+on[ \t]+the[ \t]+Richter\b|{_QUAKE_AFTER.pattern})", re.I)


def sentence_span(sentences: Sequence[tuple[int, int]], start: int) -> list[int]:
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
            if not text[start:end].strip() or parse_words(WORD.findall(text[start:end]))[0] is None:
                continue
            end = start + len(text[start:end].rstrip())
        if _name_part(text, start, end, sentences) or not_a_count(text, start, end):
            continue
        if _ONE_OF.fullmatch(m.text) and _OF.match(text, end):
            continue  # "one of the world's biggest heists", "one of the victims": no count
        if m.label == "TIME" and not _DIGITS.search(m.text) and parse_words(WORD.findall(m.text))[0] is None:
            continue
        out.append(number_at(text, *_whole_figure(text, start, end), m.label, sentences))
    covered = [(m.start, m.end) for m in ms]
    for lm in _LOOSE_NUMBER.finditer(text):
        s, e = lm.start(), lm.end()
        if any(a < e and s < b for a, b in covered) or (_YEAR.match(lm.group(1)) and not lm.group(2)):
            continue
        if _name_part(text, s, e, sentences) or not_a_count(text, s, e):
            continue
        out.append(number_at(text, *_whole_figure(text, s, e), "PERCENT" if lm.group(2) else "CARDINAL", sentences))
    seen: set[tuple[int, int]] = set()
    kept = []
    for n in sorted(out, key=lambda n: (n["start"], -n["end"])):
        span = (n["start"], n["end"])
        # one figure once (its parts may come from two mentions); a day of a month is a date, not a count
        if n["value"] is None or span in seen or any(a <= span[0] < b for a, b in seen):
            continue  # also the tail of a figure joined to its head ("1, 500 kilometers" read as "1, 500" and "500 km")
        if n.get("counts") and MONTH.fullmatch(str(n["counts"])):
            continue
        seen.add(span)
        kept.append(n)
    return kept


# a figure written with a space after its thousands comma ("12, 000 people", the ECB+ texts' tokenised
# spelling), which spaCy and the loose pattern read as "12" and "000"
# a month's name or abbreviation (also ``MONTH`` of the dates below)
MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = re.compile(rf"\b{MONTH_NAME}\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b{MONTH_NAME}\.?\s+$", re.I)
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
    if m is None or not m.group(1)[0].isupper() or not m.group(1)[1:].islower() or m.group(1) in NOT_NAMES:
        return False
    sent = sentence_span(sentences, start)
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


def number_at(text: str, start: int, end: int, label: str, sentences: Sequence[tuple[int, int]]) -> dict[str, Any]:
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
    sent = sentence_span(sentences, start)
    lead = text[max(sent[0] if sent != [start, start] else 0, start - 12) : start]
    if parsed["unit"] == "mm" and re.search(r"[$€£]\s*$", lead) and isinstance(parsed["value"], int | float):
        parsed["value"], parsed["unit"] = as_number(parsed["value"] * 1_000_000), None  # "$160MM": million
    limit = sent[1] if sent[1] > start else len(text)
    if glued_unit and parsed["unit"] is None:
        end = glued_unit.end()
        after, _verb = _noun_after(text, end, limit)
        if glued_unit.group(1).lower() == "m" and after and _plural(after) and isinstance(parsed["value"], int | float):
            parsed["value"] = as_number(parsed["value"] * 1_000_000)  # "over 2m Windows users": million
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
    elif counts and parsed["unit"] is None and not hyphen and counts != singular(counts) \
            and singular(counts) in _UNIT_WORDS:  # fmt: skip
        # a measure after a figure spaCy tagged apart from it ("1, 500 kilometers south of Tehran", "from 2.8 to 3.8
        # degrees"): the figure's unit, as in "1,500 kilometers", not what it counts (points scored stay counted;
        # "at one point", "zero day" are no measures)
        parsed["unit"], counts, verb = _pluralise(singular(counts)), None, None
    if parsed["unit"] in ("degree", "degrees") and _DEGREES_QUAKE.match(text, end):
        parsed["unit"] = "magnitude"  # "a 6.7 degree quake", "from 2.8 to 3.8 degrees on the Richter scale"
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
    mentions = [DocMention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
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
        elif head.text.lower() == n["unit"]:
            continue  # "30 kilowatts": the measure numbers_in_text made the figure's unit counts nothing
        elif tok.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and not n["start"] <= head.idx < n["end"]:
            n["counts"] = head.text.lower()
            gov = head.head
            if head.dep_ in ("nsubj", "nsubjpass") and gov.pos_ in ("VERB", "AUX"):
                n["verb"] = gov.text.lower()
    return numbers


class DocMention:
    __slots__ = ("start", "end", "text", "label")

    def __init__(self, start: int, end: int, text: str, label: str) -> None:
        self.start, self.end, self.text, self.label = start, end, text, label
