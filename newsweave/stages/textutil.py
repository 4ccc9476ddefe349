"""Small text helpers shared by the stages."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

#: English function words plus reporting words ("said", "according") that carry no content in news.
ENGLISH_STOP = frozenset(
    "a about above after again against all also am an and any are as at be because been before being below "
    "between both but by can could did do does doing down during each few for from further had has have "
    "having he her here hers herself him himself his how i if in into is it its itself just me more most "
    "my myself no nor not now of off on once only or other our ours out over own same she should so some "
    "such than that the their theirs them themselves then there these they this those through to too "
    "under until up very was we were what when where which while who whom why will with would you your "
    "said says say told according mr mrs ms".split()
)

#: Pronouns that can only stand for a person: a speaker "he" or "she" is never an organisation or a place.
PERSON_PRONOUNS = frozenset("he she him her".split())
# nouns a place's name follows ("the city of Bandar Abbas", "the border town of Fonds Verrettes", "the villages
# Kavouhi and Zinabieh"): whatever the tagger calls the name, it is a place's
PLACE_NOUNS = frozenset("city town village villages capital island province port region district county state".split())

#: A sentence the splitter cut after a title's abbreviation: "... surrounded the building, Const." (Jana
#: McGuinness said). "Jr." and "Sr." end sentences too often to be on the list.
TITLE_AT_END = re.compile(
    r"\b(?:Const|Sgt|Cpl|Pte|Det|Insp|Supt|Lt|Col|Capt|Cmdr|Adm|Gen|Maj|Gov|Sen|Rep|Rev|Dr|Mr|Mrs|Ms|Prof|Hon|Fr)\.$"
)


def counted(n: int, word: str, width: int = 0) -> str:
    """A count in words a reader would write: '1 story', '3 stories', '1 article', '0 lines', the
    number right-aligned in ``width`` (for column listings)."""
    plural = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    return f"{n:>{width}} {word if n == 1 else plural}"



_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
_JOINED_HYPHEN = re.compile(r"\w-\w")
# a word that opens a clause after a dash ("the law - although it", "component - which had"): no compound
_DASH_OPENERS = frozenset(
    "a an the although though which who whom whose whether while when where because if as but or nor some many "
    "most all including especially even not he she it they we i you his her its their this that these those".split()
)


def tokenized_hyphens(text: str) -> bool:
    """Whether a text writes its hyphens spaced, as tokenized corpora do ("a three - point play", "the pre -
    election campaign"): spaced hyphens between words, twice at least, and no word joined by one."""
    return len(_SPACED_HYPHEN.findall(text)) >= 2 and not _JOINED_HYPHEN.search(text)


def join_spaced_hyphens(text: str) -> str:
    """``text`` (a short label: a headline) with the hyphens a tokenized source spaced joined again: "two -
    party basis" -> "two-party basis", "Hit - And - Run" -> "Hit-And-Run", "20 - 13" -> "20-13"; a dash before
    a word that opens a clause stays ("the law - although it ...", "robbers - some disguised as women")."""

    dash_open = False  # a dash opened an aside: the next spaced hyphen closes it ("- some disguised as women -")

    def join(m: re.Match[str]) -> str:
        nonlocal dash_open
        nxt = re.match(r"\w+", text[m.end() :])
        word = nxt.group(0).lower() if nxt else ""
        compound_and = word in ("and", "or") and text[m.end() + len(word) : m.end() + len(word) + 3] == " - "
        if dash_open or (word in _DASH_OPENERS and not compound_and):
            dash_open = not dash_open
            return " - "
        return "-"

    return _SPACED_HYPHEN.sub(join, text)


def singular(word: str) -> str:
    """A plural noun's singular, roughly ("studies" -> "study", "spokesmen" -> "spokesman", "analyses" ->
    "analysis"); the ledger's speaker test and the report's "(not named)" test read nouns by it."""
    if word.endswith("men") and len(word) > 2:
        return word[:-3] + "man"
    if word.endswith("yses"):
        return word[:-2] + "is"  # "analyses"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def outlet_name(source: str) -> str:
    """An outlet as readers name it: a site given as its host loses the "www." ("www.bbc.co.uk" ->
    "bbc.co.uk"); other names stay as given."""
    s = source.strip()
    return s[4:] if s.lower().startswith("www.") and "." in s[4:] and " " not in s else s


UNNAMED_OUTLET = "unnamed outlet"


def unnamed_outlet(where: str) -> str:
    """The outlet label of an article that names none, unique to it: the input file or id it is known by."""
    return f"{UNNAMED_OUTLET} ({where})"


def is_unnamed_outlet(name: str) -> bool:
    """Whether an outlet label is ``unnamed_outlet``'s, not an outlet's name."""
    return name.startswith(f"{UNNAMED_OUTLET} (") and name.endswith(")")


@functools.cache
def stage_data(name: str) -> Any:
    """One of the data files shipped beside the stages (``person_names.json``, ``gazetteer.json``, ...), parsed
    once for every stage that reads it."""
    return json.loads(Path(__file__).with_name(name).read_text(encoding="utf-8"))


COMMON_WORDS_PATH = Path(__file__).with_name("common_words.json")


@functools.cache
def common_words() -> frozenset[str]:
    """English words pages write in lower case (``common_words.json``, written by benchmarks/dump_common_words.py
    from the dev text dumps), read once for every stage that asks; empty while the file is not built."""
    if not COMMON_WORDS_PATH.is_file():
        return frozenset()
    return frozenset(stage_data(COMMON_WORDS_PATH.name)["words"])
