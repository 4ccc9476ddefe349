"""Dates and relative dates in articles, resolved against the article's publication date.

``dates_in_text`` works over the stored text, DATE / TIME mentions and sentence spans (``resolve_dates(doc, ...)`` over
a spaCy ``Doc``). Dates are resolved with ``dateparser``, except for bare weekdays, which dateparser places a week too
early when the article appeared on that weekday. A resolved date is the first day of its period (``granularity`` day,
week (Monday), month, year or decade), so timelines sort as plain ISO strings. The story's timeline is built from
these records in ``facts``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from .numbers import (
    CLOCK_AFTER,
    HHMM,
    MONTH,
    MONTH_NAME,
    WEEKDAYS,
    DocMention,
    MentionLike,
    phone_number,
    sentence_span,
)

DATE_LABELS = frozenset({"DATE", "TIME"})

WEEKDAY = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?", re.I)
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
_MONTH_DAY_BEFORE = re.compile(rf"\b({MONTH_NAME})\.?\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|&|or|to|-|\u2013|,)\s*$",
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
# a clock time beside a weekday ("Shortly after 3:30 Tuesday morning", "10 p.m. Tuesday"): the weekday says the day
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b\.?|\b\d{1,2}:\d\d\b", re.I)
# words before a date in its sentence that put it ahead of the writing: "will meet Thursday", "is due to
# appear on Tuesday", "a hearing was scheduled for Wednesday", "set to begin filming in August"
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were|be|being|'s)\s+(?:set|due|expected|scheduled|slated|poised)\s+to|"
    r"(?:set|scheduled|slated)\s+(?:to|for)|planned\s+for|plans?\s+to|planning\s+to|going\s+to|upcoming|"
    r"(?:expects?|hopes?|aims?|intends?)\s+to|(?:is|are|'s)\s+likely\s+to|(?:re)?opening\s+date|"
    r"(?:is|are)\s+to\s+(?!have\b)[a-z]+)\b|'ll\b",  # "a vessel is to arrive at the scene on Wednesday"
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
        if span and all(MONTH.search(x) or _EXPLICIT_YEAR.search(x) for x in span.groups()):
            return self._span_start(span.group(1), span.group(2), future, past)
        in_words = _YEAR_IN_WORDS.match(_LEAD.sub("", s).strip())
        if in_words and MONTH.search(in_words.group(1)) and not _EXPLICIT_YEAR.search(in_words.group(1)):
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
        wd = WEEKDAY.search(s)
        if wd and self.day is not None and not MONTH.search(s) and not re.search(r"\d", _CLOCK.sub("", s)):
            target = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(wd.group(1).lower()[:3]))
            back = (self.day.weekday() - target) % 7
            if re.search(r"\blast\b", low) and back == 0:
                back = 7
            elif re.search(r"\b(next|coming)\b", low):
                back = -((target - self.day.weekday()) % 7 or 7)
            elif future and not re.search(r"\b(last|past|previous)\b", low):
                back = -((target - self.day.weekday()) % 7)
            return {**out, "date": (self.day - timedelta(days=back)).isoformat(), "granularity": "day"}
        if (_RACE_TIME.search(s) or (_DAY_YEAR.fullmatch(s) and not MONTH.search(s))
                or (re.fullmatch(r"\d{3,4}", s) and not _EXPLICIT_YEAR.fullmatch(s))):  # fmt: skip (1010 WINS)
            return {**out, "note": "not a date"}  # "5h 34' 28\"", a race time; "14, 2007" with no month to it
        found, period = _dateparse(_TIME_OF_DAY.sub("", s).strip() or s, self.day)
        if found is None:
            tail = _TAIL_DATE.search(s)  # "an uneventful day on the 17th": the date after its preposition
            if tail and tail.start() > 0:
                return self.resolve(tail.group(1), future, past)
            years = list(_YEAR_IN_PHRASE.finditer(s))
            name = _NAME_BEFORE_YEAR.search(s[: years[0].start()]) if len(years) == 1 else None
            if (len(years) == 1 and not MONTH.search(s) and len(re.findall(r"\d+", s)) == 1
                    and (name is None or _SEASON_WORD.fullmatch(name.group(1)))):  # fmt: skip
                return {**out, "date": f"{years[0].group(1)}-01-01", "granularity": "year"}
            return {**out, "note": "not understood"}
        if (found.hour, found.minute, found.second) != (0, 0, 0) and not re.search(r"\d:\d\d|[ap]\.?m", s, re.I):
            return {**out, "note": "not understood"}  # e.g. "1990s" read as 1990 seconds ago
        if self.day is not None and not (1000 <= found.year <= self.day.year + 10):
            return {**out, "note": "out of range"}
        granularity = period if period in ("day", "week", "month", "year") else "day"
        found_day = found.date()
        if relative and self.day is not None and granularity in ("day", "month") and MONTH.search(s):
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
            target = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(weekday.lower()[:3]))
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
    return bool(re.match(r"(?i)\s+of\s+", after)) and MONTH.match(re.sub(r"(?i)^\s+of\s+", "", after)) is not None


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
    return m.label == "TIME" and bool(WEEKDAY.search(m.text) or MONTH.search(m.text) or _DAY_WORD.search(m.text))


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
_DECIMAL = re.compile(r"\d{1,2}\.\d{1,2}")  # a figure spaCy tagged DATE ("of the magnitude 8.8, February 27")
_THE_LAST = re.compile(r"\bthe[ \t]+[\"“'‘]?$", re.I)
_LAST_UNIT = re.compile(r"(?i)last\s+(?:weekend|week|month|year|night|day)$")
_LAST_OF = re.compile(r"\s+(?:in|of|before)\s")  # "the last weekend in the summer"; not "in the last week,"


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
        sent = sentence_span(sentences, m.start)
        lo = m.start - _FUTURE_REACH if sent == [m.start, m.start] else max(sent[0], m.start - _FUTURE_REACH)
        before = text[max(lo, 0) : m.start]
        if _BARE_ORDINAL.fullmatch(m.text.strip()) and not _ordinal_names_day(before, text[m.end : m.end + 24]):
            r = {"date": None, "granularity": None, "relative": True, "note": "not a date"}
        elif _DECIMAL.fullmatch(m.text.strip()) or (m.text[:1].isdigit() and phone_number(text, m.start, m.end)):
            # "the magnitude 8.8"; "20 20" of "0800 881 20 20 for calls from Brazil"
            r = {"date": None, "granularity": None, "relative": True, "note": "not a date"}
        elif ((_THE_LAST.search(before) or m.text.lower().startswith("the "))
              and _LAST_UNIT.match(re.sub(r"(?i)^the\s+", "", m.text.strip())) and _LAST_OF.match(text, m.end)):
            # "the last weekend in the summer", "the last weekend before the entrance to school": the last one of a
            # period named after it, not the one before the publication day ("last weekend", "in the last week")
            r = {"date": None, "granularity": None, "relative": True, "note": "not anchored to publication"}
        elif HHMM.fullmatch(m.text.strip()) and (CLOCK_AFTER.match(text, m.end) or _CLOCK_PAREN.match(text, m.end)
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
        if not (d.get("date") and d.get("relative") and d.get("granularity") == "day" and MONTH.search(d["text"])):
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
    mentions = [DocMention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    return dates_in_text(doc.text, mentions, [(s.start_char, s.end_char) for s in doc.sents], published)
