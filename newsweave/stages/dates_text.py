"""Month names and the one parser of written-out dates that the text cleaners use.

``clean`` (metadata lines of text dumps, "[Source: ..., 12Apr17]", datelines, dates next to the
headline) and ``html`` (dates glued to a byline) read month names from here, so that every stage
agrees on what a date is. ``parse_date`` returns the first date a line writes as an ISO day.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
MONTH_ABBREVIATIONS = tuple(m[:3] for m in MONTHS)
# every accepted spelling as a regex alternation: the abbreviations (and "sept"), then the full names
MONTH_ALTERNATION = "|".join((*MONTH_ABBREVIATIONS[:9], "sept", *MONTH_ABBREVIATIONS[9:],
                              *(m for m in MONTHS if len(m) > 3)))

FIRST_YEAR, LAST_YEAR = 1900, 2100  # years outside are history, not when a page was published

_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE_RES = (
    # 2025-12-20 and 2025/12/20: the slash form too (dev scores of benchmarks/extract_text_meta.py equal either way)
    re.compile(r"\b(?P<y>(?:19|20)\d\d)[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})\b"),
    re.compile(rf"\b{_MON}\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),  # Jan 29, 2025
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}\.?,?\s+(?P<y>\d{{4}})\b", re.I),  # 29th January 2025
    re.compile(rf"\b(?P<d>\d{{1,2}}){_MON}(?P<y>\d{{4}}|\d{{2}})\b", re.I),  # 12Apr17
)


# near the headline (``parse_date(..., loose=True)``, clean.byline_and_date only, so what lines are metadata does not
# change): dates glued to the words around them ("October 17, 20236:01 PM ET", "GiuffridaMar 5, 2025",
# "2021-01-18T19:55", "Jul. 11. 2025") and numeric days ("8/1/2025", "17.05.2021", "14.11.24")
_GLUED_START = r"(?:\b|(?<=[a-z\d])(?-i:(?=[A-Z])))"  # a capitalised month right after a letter or a year
# a year followed by a non-digit, or glued to a time "6:01" or a reading time ("Mar 27, 20255 mins")
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d)|(?=\d{1,2}\s*min))"
LOOSE_DATE_RES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"{_GLUED_START}{_MON}\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[.,]?\s+(?P<y>\d{{4}}){_YEAR_END}", re.I),
    re.compile(  # "29th of January 2025", "25.Jun.2019", "25-Jun-2019"
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?|[.-]){_MON}(?:\.?,?\s+|[.-])(?P<y>\d{{4}}){_YEAR_END}",
        re.I,
    ),
)
# 12/19/2025, 19.12.2025, 02-12-2025, 14.11.24: the order of day and month is read from a part over 12; else month
# first with "/" (the US form), day first with "." or "-"
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.-]\d)")

_PUBLISHED = re.compile(r"\bpublished\b", re.I)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "DECEMBER"); 0 for anything else."""
    key = name.lower().rstrip(".")[:3]
    return MONTH_ABBREVIATIONS.index(key) + 1 if key in MONTH_ABBREVIATIONS else 0


def numeric_order(text: str) -> bool | None:
    """Whether the numeric dates of a page put the day first ("19/02/2025": True), the month first ("08/14/25":
    False), by a majority of those with a part over 12; None when none settles it."""
    votes = [int(m["a"]) > 12 for m in _NUMERIC.finditer(text) if (int(m["a"]) > 12) != (int(m["b"]) > 12)]
    return None if not votes or len(votes) == 2 * sum(votes) else 2 * sum(votes) > len(votes)


def _numeric_dates(s: str, day_first: bool | None) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for m in _NUMERIC.finditer(s):
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        year = int(y) + (0 if len(y) == 4 else 2000)
        if a > 12 or b > 12:
            day_first = a > 12
        elif day_first is None:
            day_first = m["sep"] != "/"
        month, day = (b, a) if day_first else (a, b)
        if FIRST_YEAR <= year <= LAST_YEAR:
            try:
                found.append((m.start(), date(year, month, day).isoformat()))
            except ValueError:
                continue
    return found


def parse_date(s: str, loose: bool = False, day_first: bool | None = None) -> str | None:
    """The first date written in ``s`` as ISO YYYY-MM-DD ("12Apr17", "April 12, 2017", "LAST UPDATED ON
    SEPTEMBER 16TH, 2023", "2025-02-22"); a day the calendar lacks ("February 30, 2025") is no date. ``loose``
    (next to the headline only): also dates glued to other words and numeric days (LOOSE_DATE_RES, _NUMERIC; the
    day first when ``day_first``, see numeric_order), and the date after "published" first ("Updated November 11,
    2022 Originally published November 9, 2022")."""
    if loose and (m := _PUBLISHED.search(s)) and (d := parse_date(s[m.end() :], True, day_first)):
        return d
    found: list[tuple[int, str]] = _numeric_dates(s, day_first) if loose else []
    for rx in DATE_RES + (LOOSE_DATE_RES if loose else ()):
        for m in rx.finditer(s):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else month_number(g["mon"])
            year = int(g["y"]) + (0 if len(g["y"]) == 4 else 2000 if int(g["y"]) < 70 else 1900)
            if not FIRST_YEAR <= year <= LAST_YEAR:  # "August 12, 1898" under a painting is no publication date
                continue
            try:
                found.append((m.start(), date(year, month, int(g["d"])).isoformat()))
                break
            except ValueError:
                continue
    return min(found)[1] if found else None


# a line that is a day of the year alone, "Aug 15", "Sep 16", "2 June" (blogs that write the year nowhere near it)
_MON2 = _MON.replace("<mon>", "<mon2>")
_YEARLESS = re.compile(
    rf"{_MON}\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON2}\.?", re.I
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def yearless_date(line: str, headline: str) -> str | None:
    """A line that is only a day and month ("Aug 15") read in the one year its headline writes ("Top 7 Corporate
    Catering Trends for 2024": 2024-08-15); None when the line is no such day or the headline writes no year or
    two years."""
    if not (m := _YEARLESS.fullmatch(line.strip())) or len(years := set(_YEAR.findall(headline))) != 1:
        return None
    year = int(years.pop())
    try:
        return date(year, month_number(m["mon"] or m["mon2"]), int(m["d"] or m["d2"])).isoformat()
    except ValueError:
        return None


def without_dates(s: str, mark: str = " ", loose: bool = False) -> str:
    """``s`` with every date ``parse_date`` could read (``loose``: as parse_date(s, loose=True)) replaced by
    ``mark``."""
    if loose:
        s = _NUMERIC.sub(mark, s)
    for rx in DATE_RES + (LOOSE_DATE_RES if loose else ()):
        s = rx.sub(mark, s)
    return s
