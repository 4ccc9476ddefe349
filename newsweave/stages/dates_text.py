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


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "DECEMBER"); 0 for anything else."""
    key = name.lower().rstrip(".")[:3]
    return MONTH_ABBREVIATIONS.index(key) + 1 if key in MONTH_ABBREVIATIONS else 0


def parse_date(s: str) -> str | None:
    """The first date written in ``s`` as ISO YYYY-MM-DD ("12Apr17", "April 12, 2017", "LAST UPDATED ON
    SEPTEMBER 16TH, 2023", "2025-02-22"); a day the calendar lacks ("February 30, 2025") is no date."""
    found: list[tuple[int, str]] = []
    for rx in DATE_RES:
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


def without_dates(s: str, mark: str = " ") -> str:
    """``s`` with every date ``parse_date`` could read replaced by ``mark``."""
    for rx in DATE_RES:
        s = rx.sub(mark, s)
    return s
