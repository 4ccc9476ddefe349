"""Entity resolution within a story: one canonical name per real entity, spelling variants merged.

Mentions are merged when their names share a consonant skeleton and look alike
("Sergei Lavrov" / "Sergey Lavrov", "Khan Sheikhun" / "Khan Shaykhun", "ExxonMobil" /
"Exxon Mobil"), a surname alone joins the full name that ends with it ("Lavrov"), and a
one-word short form joins the only person whose name starts with it ("Ban" -> "Ban Ki-moon"),
a generic head joins the only name it ends ("the Army" -> "U.S. Army", "Atlantic" -> "Atlantic
Ocean"), and the texts themselves link an acronym to its expansion ("the World Health Organization
(WHO)") and a name to its alias ("Hussain Osman, also known as Hamdi Issac").
When the article texts are given, the words around each mention vote on its kind ("the town of
Khan Sheikhun" is a place, "spokesperson Corinne Druey" a person) and the titles in front of a
person ("Russian Foreign Minister Sergei Lavrov") or in apposition become its roles, and
``story_mentions`` completes spaCy's mentions from them: a name tagged in one sentence counts wherever
it stands untagged, acronyms the text defines, first names and lists spaCy cut wrong.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..records import Mention
from .textutil import common_words, stage_data

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
_PLACE = frozenset({"GPE", "LOC", "FAC"})

# patterns of the rules below, compiled once (re.match etc. look their pattern up in re's cache on every call)
_APPOSITION_BEFORE = re.compile(
    r"(?:^|[.;:]\s+)(?:(?:while|but|and|as|when|then)\s+)?(?:the\s+|an?\s+)?([^,.;:\n]{3,70}),\s*$", re.IGNORECASE)
_DASH_OR_SPACE = re.compile(r"[\s-]+")
_WHO_OR_AGE_AFTER = re.compile(r",\s*(?:who\b|aged\b|\d{1,2},)")
_WORD_AND_STOP = re.compile(r"[A-Za-z][a-z]{2,}\.")
_APPOSITION_AFTER = re.compile(
    r",\s+(?:the\s+|an?\s+)?([^,;:()\"“”\n]{3,70}?)\s*(?:[,;:()]|(?<!\b[A-Z])(?<!\bSt)\.(?:\s|$)|$)")
_CLAUSE_WORDS = re.compile(r"\b(?:said|says|told|who|which|and)\b")
_LETTER_DIGIT = re.compile(r"[^\W\d_]-?\d")
_DASH = re.compile(r"[-–]")
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_SPACE_CAPITAL = re.compile(r"\s+[A-Z]")
_HYPHENED_PAIR = re.compile(r"(?:[Tt]he )?([A-Z][\w'’]+)[-–]([A-Z][\w'’]+)")
_GIVEN_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Z][a-zà-ÿ]{2,}|[A-Z][a-zà-ÿ]+-[A-Za-zà-ÿ][a-zà-ÿ]+) $")
_ONE_CAPITALISED = re.compile(r"[A-Z][a-zà-ÿ'’-]+")
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*")
_CAPS_2_4 = re.compile(r"[A-Z]{2,4}")
_PARENS_AFTER = re.compile(r"\s*\(([^()\n]{2,100})\)")
_NOT_DIGIT = re.compile(r"\D")
_VOWELS = re.compile(r"[aeiouy]")
# well-known short names of a few countries and the UN (a tiny alias list, not a gazetteer)
_ALIASES = {"britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
            "u k": "united kingdom", "us": "united states", "u s": "united states", "usa": "united states",
            "u s a": "united states", "united states of america": "united states", "america": "united states",
            "un": "united nations", "u n": "united nations",
            # AP's state abbreviations that are no other word ("Calif." = California)
            "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
            "conn": "connecticut", "fla": "florida", "ill": "illinois", "kan": "kansas", "mass": "massachusetts",
            "mich": "michigan", "minn": "minnesota", "mont": "montana", "neb": "nebraska", "nev": "nevada",
            "okla": "oklahoma", "ore": "oregon", "tenn": "tennessee", "wis": "wisconsin", "wyo": "wyoming"}  # fmt: skip
# the same short names in front of another name ("U.S. Army" = "United States Army")
_PREFIXES = re.compile(r"^(?:u s a|u s|usa|us|u k|uk|u n|un)(?= )")
# generic last words of place names that a bare name may drop ("Atlantic" ~ "Atlantic Ocean")
_GENERIC_BASES = frozenset({"fire", "health", "sheriff", "sheriff s", "public", "state", "city", "county"})
_PLACE_HEADS = frozenset({"ocean", "sea", "region", "province", "prefecture", "oblast", "governorate"})
# generic organisation nouns that stand alone for the only such organisation of a story ("the Army")
_ORG_NOUNS = frozenset({"army", "navy", "police", "senate", "congress", "parliament", "government", "ministry",
                        "court", "council", "assembly", "committee", "commission", "agency", "university",
                        "federation", "party", "service", "guard", "marines"})  # fmt: skip
# last words of newspaper names: "the Post" is the story's only "... Post" ("Washington Post")
_PAPER_NOUNS = frozenset({"post", "times", "journal", "tribune", "herald", "gazette", "chronicle", "globe",
                          "telegraph", "inquirer", "examiner"})  # fmt: skip
# wire services named in datelines ("TEHRAN, Iran (AP)"): never the acronym of the name before them
_WIRES = frozenset({"ap", "afp", "upi", "dpa", "efe", "ani", "pti", "ians", "aap", "cp", "ansa", "xinhua"})
# generic last words of organisation names ("Astana Cycling Team" ~ "Astana Team")
_ORG_HEADS = frozenset({"team", "cycling", "club", "group", "inc", "corp", "corporation", "ltd", "llc", "plc", "co",
                        "company"})  # fmt: skip


# a quoted nickname between a person's given names and surname, spaced or glued: 'Luis Gerardo "Jerry"Ortiz'
_NICKNAME_INSIDE = re.compile(
    r'(?<=[A-Za-z.])\s*["“]((?:[Tt]he\s+)?[A-Z][\w.\'’-]*(?:\s+[A-Z][\w.\'’-]*)?)["”]\s*(?=[A-Z])')


@lru_cache(maxsize=65536)
def normalise(surface: str) -> str:
    s = " ".join(surface.replace("’", "'").split())
    if " - " in s:
        s = _spaced_hyphen(s)
    s = re.sub(r"^[\u2022\u00b7\u25aa\u25cf*>|]+\s*", "", s)  # a bullet of page furniture: "• Interior"
    if '"' in s or "“" in s:  # a nickname inside a name: 'Vincent "The Chin"Gigante' is Vincent Gigante
        s = _NICKNAME_INSIDE.sub(" ", s)
    s = re.sub(r"^'s\s+(?=[A-Z])", "", s)  # "’s Sgt": a possessive's tail run into the next name
    s = re.sub(r"'s$|'$", "", s)
    s = re.sub(r"^(?:the|The|a|an)\s+(?=\S)", "", s) if not re.match(r"^(?:a|an)\s+[a-z]", s) else s
    s = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Prof|Rev|Ayatollah)\.?\s+(?=[A-Z])", "", s)  # "Mr. Ban" -> "Ban"
    s = s.strip(" ,;:-\"'“”‘")  # (curly marks too: "“ Mexico City", ECB+ spacing)
    # a final full stop ends the sentence, not an abbreviation ("U.S.", "Inc.", "Jr." keep theirs)
    return s if re.search(r"(?:\b[A-Z]|\b(?:Inc|Jr|Sr|Co|Corp|Ltd|St))\.$", s) else s.strip(" .,;:-\"'“”‘")


def _spaced_hyphen(s: str) -> str:
    """A name tokenized with spaces round its hyphen reads as written: "Dominique Strauss - Kahn" ->
    "Dominique Strauss-Kahn", "Mahmoud Al - Goweiny", "Jean - Max Bellerive"; only when one capitalised
    word stands after the dash, or a given name of the list before it (not "Evansville - Indiana State",
    a game; not "Jonathan Wright - director")."""
    left, sep, right = s.partition(" - ")
    if not left or " - " in right or not re.match(r"[A-Z]", right) or not left[-1:].isalpha():
        return s
    if " " not in right or (" " not in left and left.lower() in _GIVEN_NAMES):
        return left + "-" + right
    return s


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower-case ASCII letters and spaces only."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z ]+", " ", s.lower()).split())


@lru_cache(maxsize=65536)
def skeleton(s: str) -> str:
    """Consonant skeleton: spaces and vowels dropped (first letter kept), repeats collapsed."""
    f = fold(s).replace(" ", "")
    if not f:
        return ""
    body = _VOWELS.sub("", f[1:])
    out = f[0]
    for ch in body:
        if ch != out[-1]:
            out += ch
    return out


_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "der", "la"})


@lru_cache(maxsize=65536)
def _core(f: str) -> str:
    """A folded name without name particles ("bashar al assad" -> "bashar assad")."""
    return " ".join(w for w in f.split() if w not in _PARTICLES) or f


@lru_cache(maxsize=65536)
def acronym(s: str) -> str | None:
    """Initials of a multi-word name ("United States" -> "us"), or the letters of an acronym."""
    words = [w for w in _DASH_OR_SPACE.split(s) if w]
    if len(words) > 1 and all(w[0].isupper() for w in words if w.lower() not in ("of", "and", "the")):
        return "".join(w[0] for w in words if w.lower() not in ("of", "and", "the")).lower()
    letters = s.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
        return letters.lower()
    return None


def _initials_all(s: str) -> str | None:
    """Initials counting "of"/"and" too ("Ministry of Defence" -> "mod")."""
    words = [w for w in _DASH_OR_SPACE.split(s) if w and w.lower() != "the"]
    return "".join(w[0] for w in words).lower() if len(words) > 2 and words[0][0].isupper() else None


def _org_core(f: str) -> str:
    words = f.split()
    while len(words) > 1 and words[-1] in _ORG_HEADS:
        words.pop()
    return " ".join(words)


# generic words around an organisation's own name, dropped inside one story only ("Interior Department" /
# "Department of the Interior" / "Interior", "Greenpeace International", "Qualys Inc."); across stories a
# bare "Interior" or "Health Department" names another body in each, so ``similar`` keeps them
_ORG_TAILS = _ORG_HEADS | frozenset({"department", "dept", "international", "incorporated", "limited", "holdings",
                                     "sa", "ag", "nv", "gmbh"})  # fmt: skip
# legal forms of a company: "X Inc." is the company X whatever label spaCy gave the bare "X"
_LEGAL_FORMS = frozenset({"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "sa",
                          "ag", "nv", "gmbh"})  # fmt: skip


@lru_cache(maxsize=65536)
def _org_base(f: str) -> str:
    """A folded organisation name without its generic words: "department of the interior" -> "interior",
    "interior department" -> "interior", "greenpeace international" -> "greenpeace"."""
    words = f.split()
    if len(words) > 2 and words[0] in ("department", "dept") and words[1] == "of":
        words = words[3:] if words[2] == "the" and len(words) > 3 else words[2:]
    while len(words) > 1 and words[-1] in _ORG_TAILS:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=65536)
def _legal_base(f: str) -> str:
    """A folded company name without its legal form ("qualys inc" -> "qualys"); else the name itself."""
    words = f.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in _LEGAL_FORMS else f


def _org_short(a: str, b: str, lower: set[str]) -> bool:
    """One organisation of a story named with and without its generic words (see ``_org_base``); not
    when what is left is itself a generic noun ("Police Department" / "Police", "Fire Department") or one
    word the story also writes in lower case ("The Defense contends", the lawyers, is no "Department of
    Defense"; "Housing Secretary Andrew Cuomo" is not the "Housing Department" of Puerto Rico)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or " " not in fa + fb:
        return False
    base = _org_base(fa)
    if base != _org_base(fb) or base in _ORG_NOUNS | _PAPER_NOUNS | _GENERIC_BASES:
        return False
    return " " in base or base not in lower


def _place_core(f: str) -> str:
    words = f.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in _PLACE_HEADS else f


def _expand(f: str) -> str:
    """Country short names written out ("u s army" -> "united states army")."""
    if f in _ALIASES:
        return _ALIASES[f]
    m = _PREFIXES.match(f)
    return _ALIASES[m.group(0)] + f[m.end() :] if m else f


_TRANSLIT = [("kh", "k"), ("ph", "f"), ("ou", "u"), ("ck", "k"), ("dj", "j"), ("q", "k"), ("w", "v"),
             ("y", "i"), ("ee", "i"), ("ei", "ai"), ("sch", "sh")]  # fmt: skip


@lru_cache(maxsize=65536)
def translit(f: str) -> str:
    """A folded name with common romanisation variants levelled ("shaykhun" / "sheikhun" -> "shaikun";
    "sergey" / "sergei"), doubled letters collapsed."""
    for a, b in _TRANSLIT:
        f = f.replace(a, b)
    return re.sub(r"([a-z])\1+", r"\1", f)


def _given_names_fit(a: str, b: str) -> bool:
    """Two first names of people with the same surname may name one person: equal up to
    romanisation ("Sergei" / "Sergey"), an initial ("J." / "John"), or long names with the same
    consonants ("Alexander" / "Alexandre"). "John" / "Jane" or "Jan" / "Jon" do not fit."""
    if translit(a) == translit(b) or (min(len(a), len(b)) == 1 and a[0] == b[0]):
        return True
    if min(len(a), len(b)) >= 7 and misspelt(a, b):  # "Elisabeth" / "Elizabeth"
        return True
    if _short_form(a, b) or _short_form(b, a):  # "Fred" / "Frederick"
        return True
    if min(len(a), len(b)) < 5:
        return False
    if skeleton(a) == skeleton(b):
        return True
    # the same letters but vowels, two consonants swapped: "Shahzad" / "Shezhad" (not "Charlie" / "Charlene")
    return (len(a) == len(b) >= 6 and a[0] == b[0] and a[-1] == b[-1]
            and sorted(_VOWELS.sub("", a)) == sorted(_VOWELS.sub("", b)))


def _short_form(short: str, full: str) -> bool:
    """A first name cut short as people shorten it ("Fred" / "Frederick", "Alex" / "Alexander", "Chris" /
    "Christopher"): three letters or more, two or more left off; not a feminine form ("Paul" / "Paula",
    "Jan" / "Janet", "Chris" / "Christine") nor a name one letter longer ("Joe" / "Joel")."""
    return (
        len(short) >= 3
        and len(full) >= len(short) + 2
        and full.startswith(short)
        and not full.endswith(("a", "ine", "et", "ette", "elle", "ie"))
    )


def misspelt(a: str, b: str) -> bool:
    """Two folded strings one edit apart: a letter added, dropped, changed, or two neighbours swapped
    ("schenectady" / "schnectady", "brownsville" / "browsnville", "sri lanka" / "sri lanca")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


def _slip(fa: str, fb: str) -> bool:
    """Folded names one edit apart and long enough for that to be a slip, not another name (nine
    letters for one word, eight with spaces: "Colombia" / "Columbia" stay apart)."""
    return min(len(fa), len(fb)) >= (8 if " " in fa else 9) and misspelt(fa, fb)


_GENERATIONS = frozenset({"sr", "snr", "senior"})


@lru_cache(maxsize=65536)
def _person_words(s: str) -> list[str]:
    """A person's name as folded words without particles, an apostrophe kept inside its word ("O'Connor"
    is "oconnor", not an initial "o"), and "Sr." dropped (the father is the name without it; "Jr." stays)."""
    words = _core(fold(re.sub(r"(?<=\w)['’](?=\w)", "", s))).split()
    while len(words) > 1 and words[-1] in _GENERATIONS:
        words.pop()
    return words


_INITIALISM = re.compile(r"(?:[A-Z]\.?){2,6}")


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=65536)
def _numbers(s: str) -> tuple[str, ...]:
    """The runs of digits in a name ("A330-200" -> ("330", "200")); cached: ``similar`` is a hot path."""
    return tuple(_DIGITS.findall(s))


class _Keys:
    """What ``similar`` reads of one name, computed once per name (``similar`` runs on every pair of a
    story's names: ~185k calls over the stream's 93 stories, nearly all on distinct pairs)."""

    __slots__ = ("numbers", "fold", "nospace", "core", "expand", "words", "last", "middle", "translit", "space",
                 "place_core", "region", "place_self", "region_core", "raw_space", "letters", "initials",
                 "org_core", "skeleton")  # fmt: skip

    def __init__(self, s: str) -> None:
        f = fold(s)
        self.numbers = _numbers(s)
        self.fold = f
        self.nospace = f.replace(" ", "")
        self.core = _core(f)
        self.expand = _expand(f)
        self.words = _person_words(s)
        self.last = translit(self.words[-1]) if len(self.words) > 1 else ""
        self.middle = [w[0] for w in self.words[1:-1]]
        self.translit = translit(f)
        self.space = " " in f
        self.place_core = _place_core(f)
        self.region = f.endswith(" region")
        self.place_self = self.place_core == f
        self.region_core = _core(self.place_core)
        self.raw_space = " " in s
        # the acronym side of ``_initials_match`` (no space, written as an initialism) and the long side's
        # initials
        self.letters = s.replace(".", "").lower() if not self.raw_space and _INITIALISM.fullmatch(s) else None
        self.initials = (acronym(s), _initials_all(s)) if self.raw_space else (None, None)
        self.org_core = _org_core(f)
        self.skeleton = skeleton(s)


@lru_cache(maxsize=65536)
def _keys(s: str) -> _Keys:
    return _Keys(s)


def similar(a: str, b: str, family: str | None = None, initials: bool = True) -> bool:
    """Whether two names may name one entity. ``initials=False`` leaves out the matches through an
    acronym's letters ("ICC" / "International Criminal Court"), which need the text's own link
    between the two when names come from unrelated articles."""
    ka, kb = _keys(a), _keys(b)
    da, db = ka.numbers, kb.numbers
    if da and db and da[: len(db)] != db[: len(da)]:  # "Interstate 75" / "Interstate 5", "Route 52" / "Route 94",
        return False  # "79th" / "81st Academy Awards": other things; "A330" / "A330-200" may be one
    fa, fb = ka.fold, kb.fold
    if fa == fb or ka.nospace == kb.nospace or ka.core == kb.core:
        return True
    if ka.expand == kb.expand:  # "Britain" / "United Kingdom", "U.S. Army" / "United States Army"
        return True
    if family == "PERSON":
        ta, tb = ka.words, kb.words
        if ta == tb and len(ta) > 1:  # "W. Mark Felt Sr." / "W. Mark Felt", "John O'Connor" / "John OConnor"
            return True
        if min(len(ta), len(tb)) > 1 and len(ta) != len(tb) and set(ta) == set(tb):
            return True  # a name written twice over: "Mella Alejandro Mella" (a caption) / "Alejandro Mella"
        short, long_ = sorted((ta, tb), key=len)
        if 1 < len(short) < len(long_) and long_[-len(short) :] == short and len(long_[0]) == 1:
            return True  # a first initial left out: "Mark Felt" / "W. Mark Felt", "Dale Hall" / "H. Dale Hall"
        if len(ta) > 1 and len(tb) > 1 and ka.last == kb.last:
            # one surname: the first names decide, and middle names when both have them
            # ("George W. Bush" is not "George H.W. Bush")
            if len(ta) > 2 and len(tb) > 2 and ka.middle != kb.middle:
                return False
            return _given_names_fit(ta[0], tb[0])
    if family == "NORP" and " " not in fa + fb and (fa + "s" == fb or fb + "s" == fa):
        return True  # a group and one of it: "Croats" / "Croat", "Serbs" / "Serb" (too short for the ratio below)
    if ka.translit == kb.translit and len(fa) >= 4:  # "Khan Sheikhun" / "Khan Shaykhun"
        return True
    if _slip(fa, fb) and not (a in _GAZETTEER and b in _GAZETTEER):
        return True  # a typing slip: "Sri Lanca", "Salaluddin"; not two known names ("Colombia" / "Columbia")
    if family == "PLACE" and (ka.space or kb.space) and ka.place_core == kb.place_core:  # "Atlantic" / "Atlantic Ocean"
        return True
    one_region = ka.region and kb.place_self or kb.region and ka.place_self
    if family != "PERSON" and one_region and ka.region_core == kb.region_core:
        return True  # a region named two ways, whatever spaCy's label: "Araucanía Region" / "La Araucanía"
    if initials and ka.raw_space != kb.raw_space:  # ``_initials_match``, from the keys
        short_k, long_k = (ka, kb) if kb.raw_space else (kb, ka)
        if short_k.letters is not None and short_k.letters in long_k.initials:
            return True
    if family == "ORG" and (ka.space or kb.space) and ka.org_core == kb.org_core:
        return True
    # one skeleton: a spelling variant ("Sergei" / "Sergey"), if neither name is too short to tell ("Dar" / "Dairy")
    tiny = min(len(fa), len(fb)) < 4 and not (fa.startswith(fb) or fb.startswith(fa))  # "Jim" / "Jimmy" may be one
    need = 0.75 if ka.skeleton == kb.skeleton and not tiny else 0.92
    if 2 * min(len(fa), len(fb)) < need * (len(fa) + len(fb)):  # an upper bound of the ratio
        return False
    sm = SequenceMatcher(None, fa, fb)
    return sm.quick_ratio() >= need and sm.ratio() >= need


def _initials_match(a: str, b: str) -> bool:
    """An acronym and a multi-word name with its initials: "US" / "U.S." / "United States", "MOD" /
    "Ministry of Defence". The side without a space must be written as an acronym: a hyphenated word
    is not one ("All-American" is not "African American")."""
    if (" " in a) == (" " in b):
        return False
    short, long_ = (a, b) if " " not in a else (b, a)
    if not _INITIALISM.fullmatch(short):
        return False
    letters = short.replace(".", "").lower()
    return letters in (acronym(long_), _initials_all(long_))


def _family(label: str) -> str:
    return "PLACE" if label in _PLACE else label


# --- context: the words around a mention vote on its kind and give a person's roles ---------------

# titles and role nouns ("Foreign Minister", "spokesperson", "Maj. Gen.")
ROLE_HEADS = frozenset("""
    president minister secretary spokesman spokeswoman spokesperson manager director chairman chairwoman
    chair chief leader head ambassador commander general governor mayor senator officer envoy executive
    captain colonel sergeant lieutenant prosecutor judge king queen prince pope correspondent reporter
    editor founder coach adviser advisor secretary-general under-secretary premier chancellor
    representative spokesperson negotiator lawyer attorney analyst economist professor campaigner winner
    gen maj lt col sgt spc capt adm cmdr rev dr mr mrs ms sir dame lord lady
""".split())  # fmt: skip
ROLE_WORDS = ROLE_HEADS | frozenset("""
    foreign defence defense interior finance prime vice deputy former acting state of the for
    general army navy air force team tour senior top elected national chief-executive
""".split())  # fmt: skip
_LEADING = frozenset({"of", "the", "for", "with", "a", "an", "by", "from", "to", "at", "on", "in", "as", "and"})
# (a role never starts with one of the sentence openers, ``_OPENERS`` below: "Before former President", "If the ...")
_VERB_WORDS = frozenset("is was are were be been being has had have did does do would will could should "
                        "can may might must said says".split())  # fmt: skip
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "rev"})
_PLACE_PREPS = re.compile(
    r"(?:\b(?:in|near|nearby|outside|into|across|through|via|towards)(?:\s+the)?|"
    r"\b(?:town|city|village|province|region|capital|district|port|suburb|resort|island|state|county)\s+of|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of|\bclose\s+to|"
    # a list of places after their plural noun: "the villages of Karavan and Kousheh", "the villages Kavouhi and
    # Zinabieh", "resorts such as Cayo Coco", "a triangular area between Ras Al Khaimah, Al Ain and Dubai"
    r"\b(?:towns|cities|villages|provinces|regions|districts|suburbs|resorts|islands|area\s+between)"
    r"(?:\s+of|\s+such\s+as)?(?:\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},?(?:\s+(?:and|or))?)*)\s+$",
    re.IGNORECASE,
)
_PLACE_WORDS = frozenset({"col", "port", "mount", "mt", "lake", "river", "bay", "gulf", "cape", "plateau",
                          "valley", "strait", "island", "islands"})  # fmt: skip
_FACILITY_AFTER = re.compile(r"\s+(?:station|jail|prison|airport|square|bridge|stadium|street|road|avenue|airbase)\b")
# what may follow a place name that ends a phrase: punctuation, a preposition or conjunction
_CLAUSE_AFTER = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|on|in|at|to|for|with|from|after|before|since|until|where|"
                           r"which|when|last|this|earlier|yesterday|today|[A-Z])\b")
_STAKE_IN = re.compile(r"\b(?:invest\w*|stakes?|shares?|interests?|holdings?|jobs?|work\w*)\s+in\s+$", re.I)
# a name followed by one of these is a place ("the Burley, Beeston and Holbeck areas")
_AREA_AFTER = re.compile(r"\s+(?:area|areas|district|districts|suburb|suburbs|neighbou?rhoods?|estate|region)\b")
_TOWNS_AFTER = re.compile(r"\s+(?:cities|towns|villages|provinces)\b")  # "In Bojnourd and Astaneh Ashrafiyeh cities"
# a name followed by one of these is a company or an online service ("Twitter account", "Crowley's Web site")
_SERVICE_AFTER = re.compile(r"(?:['’]s)?\s+(?:account|accounts|user|users|page|feed|website|web\s+site|site|app|"
                            r"platform|customers|subscribers|employees|executives)\b", re.I)
# a team: a win-loss record or a score after its name ("putting Indy up 7 - 0"), a result before it
_TEAM_AFTER = re.compile(r"\s*\(\d{1,2}-\d{1,2}\b|"
                         r"\s+(?:led|leads|up|trailed|trails|beat|beats|edged)\s+\d{1,3}\s?-\s?\d{1,3}\b|"
                         r"['’]s\s+\d{1,2}\s+(?:turnovers|possessions|fumbles)\b")  # "seven of Davidson's 17 turnovers"
_TEAM_BEFORE = re.compile(r"\b(?:win|wins|victory|victories|loss|losses|defeat|defeats|upset)\s+(?:over|to)\s+"
                          r"(?:the\s+)?(?:(?:No\.\s*)?\d+\w*(?:-ranked)?\s+)?$")
_RIVAL_BEFORE = re.compile(r"\b(?:over|against|beat|beats|beating|vs\.?|versus|face|faces|facing)\s+the\s+$")
# a town's police, residents, mayor ("a Woodburn police officer")
_TOWN_AFTER = re.compile(r"\s+(?:police|residents|mayor|city\s+council|fire\s+department|firefighters|"
                         r"man|woman|men|women|native|natives|teen|teenager|boy|girl|couple)\b")
# a hometown after a person's name and a comma or age: "LuAnn Marie Johnson, 66, of Burnsville", "Jenkin, of Millom"
_HOMETOWN_BEFORE = re.compile(r"(?:\b\d{1,3},?|,)\s+of\s+$")  # (not "Alex Kohner of Morris, Yorn", a firm)
# a company by the business noun after it: "a branch of the Marfin bank", "Mozilla's browser"
_BUSINESS_AFTER = re.compile(r"(?:['’]s)?\s+(?:bank|banks|branch|branches|company|firm|chain|store|stores|browser|"
                             r"software|shares|stock|brand|airline|carrier|network|subsidiary|operator)\b", re.I)
# a company's premises or goods after its name ("the Mat Maid warehouse", "Mat Maid assets"): not for people's
# names, whose owners' houses and buildings are named so too
_PREMISES_AFTER = re.compile(r"(?:['’]s)?\s+(?:warehouse|warehouses|plant|plants|factory|factories|assets|"
                             r"headquarters|dairy|creamery|brewery|mill|complex|building)\b", re.I)
# a company or medium noun right before a name ("the conservative daily Eleftheros Typos", "the spiritual Web site
# Beliefnet", "law firm Morris"): lower case, so not a word of the name
_MEDIUM_BEFORE = re.compile(r"\b(?:daily|dailies|weekly|newspaper|tabloid|magazine|website|[Ww]eb\s+site|blog|"
                            r"broadcaster|company|firm|retailer|chain|browser|carrier|airline|provider|network)\s+$")
# a medium things are said on ("said on Twitter", "announced on CNN")
_SAID_ON = re.compile(r"\b(?:said|says|announced|posted|wrote|reported|confirmed|revealed|tweeted|told\s+\w+)\s+on\s+$")
# a name followed by one of these is a news organisation ("told Mir television", "the Itar-Tass news agency")
_MEDIA_AFTER = re.compile(r"\s+(?:television|tv|radio|news agency|newspaper|daily|broadcaster|channel)\b", re.I)
# "its" later in the clause a name opens, no personal pronoun or other capitalised word before it
_ITS_AFTER = re.compile(r"(?:\s+(?!(?:he|she|his|her|him|who)\b)[a-z][\w'’-]*){1,6}\s+its\b")
_GROUP_OF = re.compile(r"^g-?\d{1,2}$", re.I)  # "G7", "G-20": groups of countries, not places
# a product's version after its name ("released Firefox 3.05 to", "updates for Firefox 2\""): not a count or a score
_VERSION_AFTER = re.compile(r"\s+v?\d{1,2}(?:\.\d{1,3}){1,2}(?![\d%-])(?!\s+(?:percent|per|points?|million|billion|"
                            r"m|km|mph|kg|lbs?|seconds?|minutes?|hours?|yards?|feet|ft|inches|metres|meters|miles)\b)"
                            r"|\s+\d{1,2}[\"”](?=\s*[.,;]?\s)")
# a gun's calibre: "a .357 Magnum", "a. 357 Magnum" (not a decimal, "3.5 Richter", nor a date, "the Dec. 12 Register")
_CALIBRE_BEFORE = re.compile(r"(?:^|\s|\b(?:an?|the|his|her|their))\.\s?\d{2,3}\s+$")
# a company or lab someone works for: "intelligence director with Verisign's", "a researcher at Sophos"
_A_BRANCH_BEFORE = re.compile(r"\b(?:a|an)\s+(?:local\s+|nearby\s+)?$")  # people take no "a": "a local Rite Aid"
_EMPLOYER_BEFORE = re.compile(r"\b(?:director|manager|analyst|analysts|researcher|researchers|engineer|engineers|"
                              r"executive|executives|spokesman|spokeswoman|spokesperson|officer|scientist|"
                              r"employee|employees|staff|founder|vice\s+president)\s+(?:with|at)\s+$", re.I)
_FILE_AFTER = re.compile(r"\s?\.\s?(?:dll|exe|sys|ocx|jar)\b", re.I)  # a program's file: "Mshtml . dll"
_AIRLINE_AFTER = re.compile(r"\s+(?:flight|flights|jet|jets|jetliner|jetliners|airliner|airliners)\b")
_ISLAND_BEFORE = re.compile(r"\b(?:island|islands|isle|archipelago|atoll)\s+of\s+$", re.I)
_ISLAND_AFTER = re.compile(r",\s+(?:an?|the)\s+(?:[a-z]+\s+)?(?:island|islands|archipelago|atoll)\b")
_TOKEN = re.compile(r"[A-Za-z][\w.'’-]*|[,;:()\"“”]")


def _context_votes(text: str, m: Mention, person: bool = False, named: bool = False) -> Counter[str]:
    """Votes on a mention's kind from its context (a cue weighs as much as two spaCy labels). Cues
    only correct spaCy's usual confusions: names of people or places labelled as organisations,
    places labelled as people, teams labelled as places. ``person``: the name is a person's full
    name or surname in the story (a boxer's record is no team's); ``named``: a word of a person's full name in
    the story or a census given name and surname, no place of the list (a preposition before it is no place's
    mark: "in Theo we trust", "via Jeff Duncan of the Times-Picayune")."""
    votes: Counter[str] = Counter()
    before, after = text[max(0, m.start - 40) : m.start], text[m.end : m.end + 24]
    words = [w.lower().strip(".") for w in _DASH_OR_SPACE.split(normalise(m.text)) if w]
    if m.label == "PERSON" and not named and _PLACE_PREPS.search(before) and not after.startswith(("'", "’")):
        votes["GPE"] += 2  # "in the town of Khan Shaykhun"
    if m.label not in _PLACE and len(words) > 1 and words[0] in _PLACE_WORDS:
        votes["LOC"] += 3  # "the Col de Port"
    if m.label in ("PERSON", "ORG", "NORP") and (_ISLAND_BEFORE.search(before) or _ISLAND_AFTER.match(after)):
        votes["LOC"] += 2  # "the island of Fernando de Noronha", "Fernando de Noronha, an island located" (spaCy's ORG)
    elif m.label in ("PERSON", "ORG") and _FACILITY_AFTER.match(after):
        votes["FAC"] += 2  # "at Kings Cross station", "Rebibbia jail"
    elif m.label in ("PERSON", "ORG", "NORP") and _AREA_AFTER.match(after) or (
            m.label in ("PERSON", "ORG") and _TOWNS_AFTER.match(after)):  # fmt: skip
        votes["GPE"] += 2  # "the Burley, Beeston and Holbeck areas"; not "Asian cities"
    elif (m.label == "ORG" and len(words) == 1 and m.text.isalpha() and not m.text.isupper()
          and words[0] not in _BODY_HEADS | _ORG_NOUNS | {"house"} and _PLACE_PREPS.search(before)
          and _CLAUSE_AFTER.match(after) and not _STAKE_IN.search(before)):  # fmt: skip
        votes["GPE"] += 2  # "properties were searched in Dewsbury, about eight miles from"; not "in Colts territory"
    if m.label in ("PERSON", "FAC", "GPE", "PRODUCT") and _MEDIA_AFTER.match(after):
        votes["ORG"] += 2  # "told Mir television"
    elif (m.label in ("PERSON", "LOC", "FAC", "NORP") and len(words) == 1 and _AIRLINE_AFTER.match(after)
          and normalise(m.text) not in _PLACES and normalise(m.text) not in _GAZETTEER):  # fmt: skip
        votes["ORG"] += 2  # an airline: "died on the Valujet flight" (spaCy's LOC); not "the Paris flight"
    elif m.label in ("PERSON", "GPE", "FAC", "NORP", "PRODUCT") and (
            _SERVICE_AFTER.match(after) or _SAID_ON.search(before)):  # fmt: skip
        votes["ORG"] += 2  # "another Twitter user", "Verizon customers", "announced on Twitter"
    elif (not person and m.label == "PERSON" and len(words) == 1 and before.endswith(" on ")
          and _CLAUSE_AFTER.match(after) and not _known_given(m.text) and words[0] not in _SURNAMES):  # fmt: skip
        votes["ORG"] += 2  # "made the announcement on Twitter on Friday": a service (a person with no name's shape)
    elif (not person and m.label == "PERSON" and len(words) == 1 and not _known_given(m.text)
          and words[0] not in _SURNAMES and _ITS_AFTER.match(text, m.end)):  # fmt: skip
        votes["ORG"] += 2  # "Mozilla has released a scheduled update for its open source Firefox web browser"
    if not person and m.label in ("GPE", "LOC", "FAC", "NORP", "PERSON", "ORG") and (
            _TEAM_AFTER.match(after) or _TEAM_BEFORE.search(before)):  # fmt: skip
        votes["ORG"] += 2  # "a 71-57 win over South Florida", "the Golden Eagles (14-2, 3-0)", "Indy led 13 - 3"
    elif (not person and m.label == "PERSON" and len(words) == 1 and _RIVAL_BEFORE.search(before)
          and words[0] not in _SURNAMES and not _known_given(m.text)):  # fmt: skip
        votes["ORG"] += 2  # a team's name in the singular: "it was over the Thunder" (no one is "the Thunder")
    elif (not person and m.label in ("ORG", "PERSON") and len(words) == 1 and _TOWN_AFTER.match(after)
          and words[0] not in _ORG_NOUNS | _BODY_LAST):  # fmt: skip
        votes["GPE"] += 2  # "a Woodburn police officer", "Bloomington residents", "a 66-year-old Burnsville woman"
    elif not person and m.label in ("ORG", "PERSON") and len(words) == 1 and _HOMETOWN_BEFORE.search(before):
        votes["GPE"] += 2  # "LuAnn Marie Johnson, 66, of Burnsville"
    if not person and m.label == "PERSON" and len(words) == 1 and _BUSINESS_AFTER.match(after):
        votes["ORG"] += 2  # "the Marfin bank", "Mozilla's browser"
    elif (m.label == "PERSON" and not any(_known_given(w) for w in m.text.split())
          and words[-1] not in _SURNAMES
          and (_BUSINESS_AFTER.match(after) or _PREMISES_AFTER.match(after))):  # fmt: skip
        votes["ORG"] += 2  # "the old Mat Maid building", "the Matanuska Maid Dairy warehouse"
    elif m.label == "PERSON" and _MEDIUM_BEFORE.search(before) and not _known_given(m.text.split()[0]):
        votes["ORG"] += 2  # "the Bucharest daily Evenimentul Zilei"
    elif (m.label == "PERSON" and len(words) > 1 and not _known_given(normalise(m.text).split()[0])
          and (_A_BRANCH_BEFORE.search(before) or m.text.startswith(("a ", "an ")))):  # fmt: skip
        votes["ORG"] += 2  # one of a chain's shops: "attacked outside of a local Rite Aid", "looted a Rite Aid"
    if m.label in ("PERSON", "ORG", "GPE") and (_VERSION_AFTER.match(after) or _FILE_AFTER.match(after)):
        votes["PRODUCT"] += 2  # "just released Firefox 3.05 to Firefox users", 'a DLL named "Mshtml . dll"'
    elif not person and m.label in ("PERSON", "ORG", "GPE") and _CALIBRE_BEFORE.search(before):
        votes["PRODUCT"] += 2  # "she returned with a .357 Magnum" (a gun's calibre before its maker's or model's name)
    elif (not person and m.label == "PERSON" and len(words) == 1 and _EMPLOYER_BEFORE.search(before)
          and not _known_given(m.text) and words[0] not in _SURNAMES):  # fmt: skip
        votes["ORG"] += 2  # "Rick Howard, intelligence director with Verisign's iDefense group"
    if m.label != "ORG" and _GROUP_OF.match(m.text.strip()):
        votes["ORG"] += 2  # "a G7 ministerial meeting"
    if m.label in ("PERSON", "ORG") and _initials_of_a_town(text, m):
        votes["PERSON"] += 2  # "P.J. Carlesimo (Oklahoma City), Eddie Jordan (Washington)" (spaCy's ORG)
    elif m.label == "ORG" and _films_maker(m.text) and _GENRE_AFTER.match(after):
        votes["PERSON"] += 2  # a film's maker: "the new Baz Luhrmann romantic adventure" (spaCy's ORG)
    elif len(words) > 1 and (words[-1] in _BODY_LAST | _ORG_NOUNS or normalise(m.text) in _GAZETTEER
                             or words[-1] in _PERSON_PLACE_HEADS):  # fmt: skip
        pass  # "Rep. Nick Rahall (D) of West Virginia, the chairman", "Professor at Duke University, who": not people
        # (nor "the Libertador General Bernardo O'Higgins Region": the region's name, after no one's title)
    elif m.label in ("PERSON", "ORG", "GPE") and _role_before(before):
        votes["PERSON"] += 2  # "team spokesperson Corinne Druey"
    elif (m.label in ("PERSON", "ORG", "GPE") and len(words) > 1 and not (m.label == "GPE" and before.endswith(" of "))
          and _role_apposition(text, m)):  # fmt: skip (not "Rep. Nick Rahall (D) of West Virginia, the chairman")
        votes["PERSON"] += 2  # "the head of the UNFCCC Secretariat, Yvo de Boer,"
    elif (m.label in ("PERSON", "ORG") and _WHO_OR_AGE_AFTER.match(after) and not m.text.startswith("the ")
          and not before.endswith("the ")):  # fmt: skip
        votes["PERSON"] += 2  # "Valverde and Mayo, who"; not "the Atlanta Hawks, who" (people take no "the")
    return votes


# the shape of a name says its kind, whatever spaCy tagged: streets and squares ("Rue de Castiglione",
# "Place Vendôme", "Avenue Montaigne", "Church Avenue"), buildings ("Carlton Hotel"), bodies and
# companies ("West Yorkshire Police", "Harry Winston Diamond Corp.")
_STREET_FIRST = frozenset({"rue", "place", "avenue", "avenida", "plaza", "piazza", "boulevard", "calle", "rua", "quai"})
_STREET_LAST = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "square",
                          "highway", "motorway", "bridge", "plaza", "hotel", "airport", "stadium", "prison", "jail",
                          "lodge", "resort", "motel", "inn", "balcony", "promenade", "boardwalk"})
_RACE_LINKS = frozenset({"de", "of", "du", "down"})  # a stage race: "Tour de France", "Tour of Flanders"
_STORM_FIRST = frozenset({"typhoon", "hurricane", "cyclone", "superstorm"})  # "Typhoon Angela" PERSON
_EVENT_LAST = frozenset({"awards", "games", "olympics", "championship", "championships", "cup", "festival", "summit",
                         "tournament", "marathon"})
_BODY_LAST = frozenset("""
    organization organisation agency service services committee council institute fund party army navy force
    forces ministry department commission board authority corporation company foundation federation league
    university college administration bureau secretariat alliance coalition police constabulary command assembly
    parliament congress senate tribunal corp inc ltd plc llc co airlines airways newswire newswires
    industries holdings petroleum motors communications technologies pharmaceuticals enterprises laboratories labs
    studios broadcasting telecom news info tv radio television times journal tribune herald gazette press
""".split())  # fmt: skip
# a name spaCy tags PERSON ending in one of these is a university or its team: "played at Wayne State", "Texas Tech"
# (no one's name ends so; spaCy's GPE "Free State", ORG "Islamic State" keep theirs)
_SCHOOL_LAST = frozenset({"state", "tech"})
# titles that, inside a name spaCy ran together, put a person after them ("Palmer Police Sergeant Shayne La Croix")
_TITLE_INSIDE = frozenset("""
    sergeant sgt officer detective det sheriff lieutenant lt captain capt spokesman spokeswoman spokesperson
    minister secretary senator sen president director chairman chairwoman mayor governor gov judge coach
    commissioner superintendent supt inspector constable trooper deputy
""".split())  # fmt: skip


def _shape_label(surface: str, label: str) -> str | None:
    """The label a multi-word name's first or last word gives it: FAC for a street, square or
    building, ORG for a body or company; None when the shape says nothing or agrees with ``label``
    (laws, events, works keep theirs: "Clean Air Act", "Battle of Britain")."""
    words = [w.lower().strip(".,") for w in surface.split()]
    if label == "PERSON" and len(words) == 1 and _FIRM_CAMEL.fullmatch(surface):
        return "ORG"  # "the airline's parent SAirGroup": no one's name opens with two capitals and a small letter
    if len(words) == 1 and words[0] in _PRODUCT_NAMES:
        return None if label == "PRODUCT" else "PRODUCT"  # "playing Xbox and 'Mortal Kombat'" (spaCy's PERSON)
    if len(words) < 2 or label not in _NAME_LABELS | {"NORP"} or surface in _GAZETTEER:
        return None
    if label == "PERSON" and words[0] in _SAINT_TOWN_FIRST and surface.split()[1][:1].isupper():
        return "GPE"  # "San Pedro de La Paz", "Santa Cruz de Tenerife" (spaCy's PERSON): a town named for a saint
    after = next((i for i, w in enumerate(words[:-1]) if w in _TITLE_INSIDE), None)
    if after is not None and words[-1] not in _BODY_LAST | _STREET_LAST and 1 <= len(words) - after - 1 <= 3:
        rest = surface.split()[after + 1 :]
        if all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in rest) and not any(w.lower() in _TITLE_INSIDE for w in rest):
            return None if label == "PERSON" else "PERSON"  # "Marion County Sheriff Russ Isham"
    if label in ("PERSON", "ORG") and words[-1] in _AWARD_LAST:
        return "OTHER"  # "USC running back and Heisman Trophy winner" (PERSON), "a MacArthur Foundation Fellow" (ORG)
    if label == "PERSON" and words[-1] in _BOOK_LAST:
        return "WORK_OF_ART"  # "according to Nat Fleischer's Ring Record Book" (spaCy's PERSON)
    if label == "PERSON" and (words[0] in _SPANISH_PLACE_FIRST or words[-1] in _SPANISH_PLACE_LAST):
        return "GPE"  # "Espinillo, Los Boldos, Alto Ramírez", "Viña del Mar, Santiago Centro", "the owner of Entre Mar"
    if words[-1] in _EVENT_LAST or words[0] in _STORM_FIRST or words[0] == "tour" and words[1] in _RACE_LINKS:
        return None if label == "EVENT" else "EVENT"  # "Golden Globe Awards", "ACC Tournament", "Tour de France"
    if words[0] in _STREET_FIRST or words[-1] in _STREET_LAST:
        return None if label in _PLACE else "FAC"
    if label == "PERSON" and (head := _PERSON_PLACE_HEADS.get(words[-1])):
        return head  # "Juan Fernández Islands", "Bernardo O'Higgins Region", "Sydney Observatory" (spaCy's PERSON)
    if words[-1] in _BODY_LAST or (label == "PERSON" and words[-1] in _SCHOOL_LAST):
        return None if label == "ORG" else "ORG"
    if label in _PLACE and _town_and_plural(surface):
        return "ORG"  # a team: "the Miami Dolphins" (spaCy's GPE), "the Denver Broncos", "San Francisco 49ers" (FAC)
    if words[0] == "comet":
        return None if label in _PLACE else "LOC"  # a celestial body, as "the Sun": "Comet Tempel-Tuttle" (ORG)
    return None


# consoles and devices known by one word that is no person's, place's or firm's name (the maker's is its own)
_PRODUCT_NAMES = frozenset({"xbox", "playstation", "wii", "iphone", "ipad", "ipod", "kindle", "walkman", "gameboy"})
# an award's last word ("awards" is the ceremony, an event): no person's name ends so
_AWARD_LAST = frozenset({"trophy", "prize", "medal", "award", "fellow"})
# a reference book's last word ("Ring Record Book", "Guinness Book"); no person's name ends so
_BOOK_LAST = frozenset({"book", "handbook", "almanac", "almanack", "yearbook", "encyclopedia", "encyclopaedia"})
# Spanish words that open or end a place's name and no person's: "Alto Ramírez", "Puerto Montt", "Santiago Centro",
# "Entre Mar" ("between": a preposition opens no one's name); not "villa", "monte", "del", surnames' first words
_SPANISH_PLACE_FIRST = frozenset({"alto", "bajo", "puerto", "cerro", "punta", "playa", "lago", "bahía", "entre"})
_SPANISH_PLACE_LAST = frozenset({"centro", "norte", "sur", "oriente", "poniente"})
_FIRM_CAMEL = re.compile(r"[A-Z]{2}[a-z]+[A-Z][a-z]+\w*")  # "SAirGroup"; not "DeShawn", "McDermott", "LeBron"
_SAINT_TOWN_FIRST = frozenset({"san", "santa", "santo", "são", "sao"})  # (people's names open with "Saint" too)
# plurals that end places' names: "Palm Springs", "Golan Heights", "Hawaiian Gardens", "Finger Lakes"
_PLACE_PLURALS = frozenset("""
    falls springs mountains lakes keys heights gardens islands isles hills plains highlands woods rapids flats pines
    oaks meadows estates acres villas towers sands glades everglades narrows shoals banks groves parks territories
    downs fields cliffs rocks bluffs wells cays avenues aves streets sts roads emirates
""".split())  # fmt: skip
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())
_CAPITALISED_WORDS = re.compile(r"(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_TEAM_PLURAL = re.compile(r"[A-Z][a-z]+[^siu'’]s|\d+ers")  # "Dolphins", "Broncos", "49ers"; not "Davis"


# the major leagues' team names in the plural that are no people's or group's word ("Texans", "Indians", "Senators",
# "Nationals", "Islanders", "Patriots" are): after a town that is also a census name ("Denver", "Golden State" are
# not in the place list) they still make a team
_TEAM_NAMES = frozenset("""
    49ers 76ers bengals bills broncos browns buccaneers chargers chiefs colts cowboys dolphins falcons jaguars
    packers panthers raiders ravens redskins seahawks steelers titans vikings celtics nets hornets cavaliers
    mavericks nuggets pistons warriors rockets pacers clippers lakers grizzlies bucks timberwolves pelicans knicks
    spurs raptors suns blazers wizards supersonics sonics bobcats diamondbacks braves orioles cubs rockies astros
    dodgers marlins brewers mets yankees phillies padres mariners bruins sabres blackhawks oilers canadiens
    predators flyers penguins canucks thrashers
""".split())  # fmt: skip


def _town_and_plural(surface: str) -> bool:
    """A known town or state, then a plural no place's name ends with: a team's full name ("Miami Dolphins",
    "San Francisco 49ers"; not "Palm Springs", "Colorado Springs", "Cayman Islands", "South Wales", "Northern
    Emirates"); or any town's name before a league's team name ("Denver Broncos", "Golden State Warriors")."""
    head, _sep, last = surface.rpartition(" ")
    return (bool(head) and _TEAM_PLURAL.fullmatch(last) is not None and last.lower() not in _PLACE_PLURALS
            and head.lower() not in _COMPASS and last not in _PLACES and last not in _GAZETTEER
            and (head in _PLACES or _GAZETTEER.get(head) == "GPE"
                 or last.lower() in _TEAM_NAMES and _CAPITALISED_WORDS.fullmatch(head) is not None))  # fmt: skip


# a square bracket inside a word, as an editor marks a changed letter: "[I]t's", "I\]t" (markdown's escape); not
# a name the editor put in: "[Obama] said"
_BRACKET_IN_WORD = re.compile(r"[^\W\d_]\\?[\[\]][^\W\d_]|^\\?\[[^\W\d_]{1,2}\\?\][^\W\d_]")
_CALENDAR_WORDS = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday""".split())


def _role_before(before: str, names: frozenset[str] = frozenset()) -> str | None:
    """The title right in front of a name ("Russian Foreign Minister", "Maj. Gen.", "Mr."), never holding
    another person's full name (``names``: "Attorney General John Mitchell President Nixon" gives "President")."""
    toks = _TOKEN.findall(before.split("\n")[-1])
    role: list[str] = []
    for t in reversed(toks):
        low = t.lower().strip(".")
        if _WORD_AND_STOP.fullmatch(t) and low not in ROLE_WORDS:
            break  # a word ending its sentence ("... in the Gulf of Aden. Secretary of State Rice")
        if low in _CALENDAR_WORDS:
            break  # "in September Judge Anthony Russell": a date, not part of the title
        if low in ROLE_WORDS or (t[0].isupper() and not t.endswith(("'s", "’s")) and len(role) < 6):
            role.insert(0, t)
            continue
        break
    while role and role[0].lower() in _LEADING | _OPENERS:  # "With President", "Before former President"
        role.pop(0)
    # "John Mitchell President": another person's full name, then the title
    cut = [j for i in range(len(role)) for j in range(i + 2, len(role) + 1) if " ".join(role[i:j]) in names]
    role = role[max(cut) :] if cut else role
    ofs = [i for i in range(1, len(role) - 1) if role[i] == "of"]
    if ofs:  # "Government of Prime Minister" -> "Prime Minister"; "Secretary of State" stays
        after = role[ofs[-1] + 1 :]
        first = after[0].lower().strip(".")
        if _is_head(after[-1]) and (_is_head(first) or first in ROLE_WORDS - {"the", "of", "for"}):
            role = after
    if not role:
        return None
    while len(role) > 1 and role[-1].lower().strip(".") in HONORIFICS:  # "Lieutenant General Sir"
        role.pop()
    if not any(w.lower().strip(".") in ROLE_HEADS for w in role):
        return None
    if role[-1].lower().strip(".") not in ROLE_HEADS and not re.search(
        r"\b[A-Za-z]+ of(?: [A-Z][a-z]+){1,2}$", " ".join(role)
    ):
        return None  # the title must end the phrase ("... Minister", "Secretary of State")
    return " ".join(role)


def _is_head(w: str) -> bool:
    return w.lower().strip(".") in ROLE_HEADS


def _role_apposition(text: str, m: Mention) -> str | None:
    """A role in apposition: after the name ("Jose Alencar, the Brazilian vice president,") or
    before it ("The United Nations secretary-general, Ban Ki-moon says")."""
    after = text[m.end : m.end + 90]
    hit = _APPOSITION_AFTER.match(after)
    if hit:
        phrase = hit.group(1)
        words = phrase.split()
        if (
            len(words) <= 8
            and (words[0].lower() in ROLE_WORDS or words[0][0].isupper())
            and any(_is_head(w) for w in words[:4])
            and not _CLAUSE_WORDS.search(phrase)
        ):
            return phrase
    start = text.rfind("\n", 0, m.start) + 1
    before = text[max(start, m.start - 80) : m.start]
    hit = _APPOSITION_BEFORE.search(before)
    if hit:
        words = hit.group(1).split()
        if (
            len(words) <= 8
            and (words[0].lower() in ROLE_WORDS or words[0][0].isupper())
            and words[0].lower() not in _OPENERS
            and not any(w.lower() in _VERB_WORDS for w in words)
            and any(_is_head(w) for w in words)
        ):
            return hit.group(1)  # not a clause: "If the president had approved the plan, LaRue ..."
    return None


def _role(text: str, m: Mention, names: frozenset[str] = frozenset()) -> str | None:
    pre = _role_before(text[max(0, m.start - 60) : m.start], names)
    if pre and pre.split()[-1].lower().strip(".") in HONORIFICS and len(pre.split()) == 1:
        pre = None  # "Mr." alone is no role
    role = pre or _role_apposition(text, m)
    last = role.split()[-1] if role else ""
    if role and last.endswith(".") and len(last) > 5 and last[:-1].isalpha():  # "acting director." ends a sentence;
        role = role[:-1]  # "Vice Adm.", "Sgt." keep their abbreviation's stop
    return role


_REGNAL = re.compile(r"(?:[IVX]{1,4}|Jr\.?|Sr\.?)")


@dataclass(eq=False)  # one cluster is itself only: "c in clusters" by identity, not by comparing Counters
class _Cluster:
    family: str
    surfaces: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)  # spaCy labels and context votes
    articles: set[str] = field(default_factory=set)
    roles: Counter[str] = field(default_factory=Counter)
    glued: set[str] = field(default_factory=set)  # names read with words in front ("GM Ed Stefanski")

    def name(self) -> str:
        # the most informative variant: most distinct tokens ("Mella Alejandro Mella", a caption's repeat, has
        # no more than "Alejandro Mella"), then most mentioned, then first seen; a glued name is no candidate.
        # A person is named by the full name the articles write most ("Bettie Page", 40 times, not her birth name
        # "Betty Mae Page", 4), the longer one on a tie
        names = [s for s in self.surfaces if s not in self.glued] or list(self.surfaces)
        full = [s for s in names if len({w.lower() for w in s.split()}) >= 2 and s.split()[0].lower() not in
                _SURNAME_PARTICLES]  # a surname with its particle is no full name ("Del Rio" beside "Jack Del Rio")
        if self.family == "PERSON" and full:
            best = max(full, key=lambda s: (self.surfaces[s], len({w.lower() for w in s.split()})))
            # ... with the regnal or generational number the articles write with it ("John Paul II")
            return next((s for s in full if s.startswith(best + " ") and _REGNAL.fullmatch(s[len(best) + 1 :])), best)
        line = [s for s in names if " " not in s and all(v == s or v.startswith(s + " ") for v in names)]
        if self.family == "PRODUCT" and line:
            return line[0]  # a product line by its own name ("Windows", not "Windows IE 8" nor "Windows 8.1")
        return max(names, key=lambda s: (len({w.lower() for w in s.split()}), self.surfaces[s]))


_TITLE_BEFORE = re.compile(r"(?i)\b(?:secretary|minister|ministers|secretaries)\s+(?:of|for)\s+(?:the\s+)?$")


_TIME_ZONE = re.compile(r"(?:[\d:.]+\s*(?i:[ap]\.?m\.?\s*)?)?(?:GMT|UTC|BST|CET|CEST|EET|EEST|[ECMP][SD]T|IST|JST|"
                        r"AE[SD]T|HKT|SGT|MSK)(?:[+-]\d{1,2})?")


_LONE_TITLES = _TITLE_INSIDE | frozenset("atty dist clerk founder retiree cpl pvt spc gen col maj cmdr adm".split())
# a portfolio's words before "Secretary", "Minister", "General": "Finance Secretary Edgardo Espiritu", "former Foreign
# Affairs Minister Mircea Geoană", "Surgeon General David Satcher" are titles, spaCy's ORG names no body there
_PORTFOLIO = frozenset("""
    surgeon attorney solicitor inspector postmaster finance defence defense foreign affairs home interior internal
    external commerce housing health treasury justice labour labor education trade energy environment transport
    transportation agriculture economy economic economics culture tourism welfare veterans homeland security state
    communications information industry planning development social public works budget fisheries mines
    employment immigration science technology sports youth women children family local government and of the for
""".split())  # fmt: skip
_PORTFOLIO_TITLE_AFTER = re.compile(r"\s+(?:Secretary|Minister|General|Secretary-General|Ministers|Secretaries)\b")
_COUNTRY_FRONT = re.compile(r"^(?:U\.S\.|US|U\.K\.|UK|British|American)\s+")


# a disease named after someone ("Huntington's disease") or an award after a name ("the MacArthur genius award",
# "the Pulitzer prize"): no person, body or place of the story
_DISEASE_OR_AWARD_AFTER = re.compile(r"(?:['’]s?\s+(?:disease|syndrome)|(?:\s+[a-z]+)?\s+(?:award|awards|prize|prizes|"
                                     r"medal|medals|fellowship|fellowships|trophy)(?![\w-]))")


def _portfolio_title(m: Mention, surface: str, text: str) -> bool:
    """A non-person mention made only of a portfolio's words ("Finance", "Foreign Affairs", "U.S. Surgeon") right
    before "Secretary", "Minister" or "General": part of a title."""
    if not _PORTFOLIO_TITLE_AFTER.match(text, m.end):
        return False
    words = [w.lower() for w in _COUNTRY_FRONT.sub("", surface).split()]
    return bool(words) and all(w in _PORTFOLIO for w in words) and words[0] not in ("and", "of", "the", "for")


# abbreviations of common nouns, which spaCy tags ORG ("arrested on suspicion of DUI", "won by KO", "CCTV footage"):
# general knowledge, no organisation's name
_COMMON_ABBREVIATIONS = frozenset("""
    DUI DWI OWI KO TKO TD TDs MVP MVPs RBI RBIs QB RB WR CCTV SOS HTML SQL PDF GPS DNA HIV ATM ATMs VIP VIPs IQ
    I.Q. CEO CEOs CFO COO CTO GDP CPI IPO IPOs SUV SUVs PCs USB DVD DVDs MRI ICU IED IEDs RPG RPGs UFO UFOs FAQ FAQs
    VPN LED LCD
""".split())  # fmt: skip


# degrees and titles written as abbreviations beside a name ("Regina Benjamin, MD, MBA", "Howard R. Sanders, Esq.",
# "Msgr. Farmer", "Deputy D.A. Lowell Anger"): spaCy tags them GPE or ORG; a doctor's "MD" only after a story
# surname or an article ("her MD degree"), since "Md." and "MD" are also Maryland ("Bethesda, Md.")
_DEGREES = frozenset("PhD Ph.D. MBA M.B.A. Esq Esq. Msgr Msgr. D.A. DDS D.D.S. LLB LL.B.".split())
_DOCTOR = frozenset({"MD", "M.D."})
_SURNAME_COMMA_BEFORE = re.compile(r"([A-Z][\w'’-]+),\s*$")
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|her|his|their)\s+$", re.I)


def _degree(surface: str, text: str | None, m: Mention, surnames: set[str]) -> bool:
    if surface in _DEGREES:
        return True
    if surface not in _DOCTOR or text is None or not _exact(m, text):
        return False
    before = text[max(0, m.start - 40) : m.start]
    name = _SURNAME_COMMA_BEFORE.search(before)
    return (name is not None and name.group(1) in surnames) or _ARTICLE_BEFORE.search(before) is not None


def _owner_of_a_name(m: Mention, surface: str, text: str | None, owned: set[str]) -> bool:
    """A one-word PERSON mention that opens a longer name the story tags as something else, "X's Club": spaCy's
    "[Sam]'s Club" beside its "Sam's Club" (ORG) is no person named Sam (``owned``: the story's names with "'s")."""
    if m.label != "PERSON" or " " in surface or text is None or text[m.end : m.end + 2] not in ("'s", "’s"):
        return False
    rest = re.match(r"['’]s ([A-Z][\w'’-]*)", text[m.end : m.end + 40])
    return rest is not None and any(o in (f"{surface}'s {rest.group(1)}", f"{surface}’s {rest.group(1)}")
                                    or o.startswith((f"{surface}'s {rest.group(1)} ", f"{surface}’s {rest.group(1)} "))
                                    for o in owned)  # fmt: skip


def _not_an_entity(m: Mention, surface: str, text: str | None, surnames: set[str]) -> bool:
    """spaCy's misreadings of news titles and pairs: the department in "Secretary of State Rex
    Tillerson" or "Minister for Foreign Affairs" is part of a person's title, not an organisation;
    "the Tillerson-Lavrov talks" pairs two people of the story, it names no organisation."""
    if _TIME_ZONE.fullmatch(surface):  # "GMT", "08:30 BST": a time, which spaCy often tags ORG
        return True
    if " " not in surface and surface.lower().rstrip(".") in _LONE_TITLES:  # "Sgt", "Sheriff", "Atty" alone
        return True
    words = [w.lower().rstrip(".") for w in surface.split()]
    titles = ROLE_WORDS | {"rear", "admiral"}
    if len(words) > 1 and words[-1] in ROLE_HEADS | {"admiral"} and all(w in titles for w in words):
        return True  # "Rear Admiral", "Prime Minister": a title alone names nobody
    if surface in ("Us", "Me", "It"):  # "About Us", "Contact Us": the pronoun, not the United States
        return True
    if surface in _COMMON_ABBREVIATIONS or _degree(surface, text, m, surnames):  # "DUI", "KO", "CCTV": a thing
        return True
    if re.search(r"(?i)\bn't\b|(?<=\s)'(?:re|ve|ll|m|d)\b", surface):  # "DO N'T Appropriate": a tokenized contraction
        return True
    if m.label == "PERSON" and _LETTER_DIGIT.search(surface):  # "COVID-19", "MD-11", "AF447": a code
        return True
    if _BRACKET_IN_WORD.search(m.text):  # '"[I]t's like trying to find ...': an editor's bracket inside a word
        return True
    if not any(ch.isupper() for ch in surface):  # "un" of "un-indicted", tagged ORG: names have a capital
        return True
    if m.label != "PERSON" and text is not None and text[m.start : m.end] == m.text:
        if _TITLE_BEFORE.search(text[max(0, m.start - 30) : m.start]) or _portfolio_title(m, surface, text):
            return True
        if (_DISEASE_OR_AWARD_AFTER.match(text, m.end) and surface.split()[-1].lower() not in _BODY_LAST
                and not surface.isupper() and surface not in _GAZETTEER):  # fmt: skip
            return True  # ("the Ford Foundation award", "an NFL special award": the giver stays)
    halves = [h.strip() for h in _DASH.split(surface)]
    if len(halves) != 2 or halves[0] == halves[1]:
        return False
    if all(h in surnames for h in halves):
        return True
    # a pair before a noun, the first a person of the story: a ticket, "the Obama-Biden transition team" (not
    # "Strauss - Kahn met", the end of "Dominique Strauss - Kahn")
    return (halves[0] in surnames and all(re.fullmatch(r"[A-Z][a-z]{2,}", h) for h in halves)
            and not any(h.lower() in _PARTICLES for h in halves)
            and text is not None and _exact(m, text) and re.match(r" [a-z]{3,}", text[m.end : m.end + 5]) is not None)


def resolve_entities(
    items: Iterable[tuple[str, Mention]],
    texts: dict[str, str] | None = None,
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Group (article id, mention) pairs into entities.

    ``texts`` (article id -> text the mention offsets point into) lets the context vote on each
    entity's kind and gives people's roles. Returns the entities (name, label, variants, mentions,
    articles, roles; most mentioned first) and a map from every variant surface to its canonical name.
    """
    texts = texts or {}
    items = _work_parts_out(_paper_names(story_mentions(items, texts), texts), texts)
    surnames = {m.text.split()[-1] for _a, m in items if m.label == "PERSON" and len(m.text.split()) > 1}
    person_words = {w for _a, m in items if m.label == "PERSON" for w in m.text.split()[:-1]} | surnames
    owned = {normalise(m.text) for _a, m in items if m.label != "PERSON" and re.search(r"\w['’]s ", m.text)}
    person_counts = Counter(" ".join(m.text.split()) for _a, m in items if m.label == "PERSON")
    full_names = frozenset(n for n, k in person_counts.items()  # people the story names twice or more
                           if k > 1 and " " in n and not any(_is_head(w) for w in n.split()))  # fmt: skip
    by_surface: dict[str, Counter[str]] = defaultdict(Counter)  # spaCy labels
    cues: dict[str, Counter[str]] = defaultdict(Counter)  # context votes
    arts: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    order: list[str] = []
    speaks: Counter[str] = Counter()  # mentions followed by "said", "told"...
    kin: set[str] = set()  # names followed by "family", "clan": "the Genovese crime family"
    after_the: Counter[str] = Counter()  # mentions right after a lower-case "the": "the Dolphins"
    adjective: Counter[str] = Counter()  # mentions between "a"/"an" and a lower-case word: "a Sikh temple"
    pronoun: Counter[str] = Counter()  # mentions a personal pronoun follows: "Deep Throat ... he"
    titled: Counter[str] = Counter()  # mentions right after a title: "Doctor Green", "Mr Guest"
    noun_before: Counter[str] = Counter()  # mentions after a person's noun: "receptionist Madeline Kafoury"
    shop: Counter[str] = Counter()  # mentions before a shop's or company's noun: "the Harry Winston jewellery store"
    aged: Counter[str] = Counter()  # mentions not tagged PERSON right after an age: "the 46-year-old Chmiel"
    norp_before: Counter[tuple[str, str]] = Counter()  # (NORP surface, the capitalised words right after a mention)
    marked: Counter[str] = Counter()  # place-list names tagged PERSON with a person's mark next to them
    places: set[str] = set()
    org_places: Counter[str] = Counter()  # place-list names tagged ORG (+100 for each with a body's or maker's mark)
    place_he: Counter[str] = Counter()
    work: Counter[str] = Counter()  # mentions standing where titles of works stand: "the film X", "X sequel"
    spacy_works: dict[str, set[str]] = defaultdict(set)  # spaCy's WORK_OF_ART mentions: surface -> articles
    spacy_work_n: Counter[str] = Counter()
    titled_work: Counter[str] = Counter()  # of those, mentions after "the film", "the book"... or in single quotes
    read: dict[str, list[tuple[str, Mention]]] = defaultdict(list)  # (text, mention) of each surface, read lazily
    org_arts: dict[str, set[str]] = defaultdict(set)  # articles where spaCy tags the name ORG
    for art_id, m in items:
        if m.label == "WORK_OF_ART":
            spacy_work_n[s := normalise(m.text)] += 1
            spacy_works[s].add(art_id)
            text = texts.get(art_id)
            titled_work[s] += text is not None and text[m.start : m.end] == m.text and _work_cue(text, m, False)
            continue
        if m.label not in LABELS:
            continue
        s = normalise(m.text)
        if len(s) < 2 or not any(ch.isalpha() for ch in s):
            continue
        if _not_an_entity(m, s, texts.get(art_id), surnames) or _owner_of_a_name(m, s, texts.get(art_id), owned):
            continue
        if s not in by_surface:
            order.append(s)
        by_surface[s][m.label] += 1
        if shape := _shape_label(s, m.label):
            cues[s][shape] += 3  # "Place Vendôme" PERSON, "West Yorkshire Police" GPE
        counts[s] += 1
        arts[s].add(art_id)
        if m.label == "ORG":
            org_arts[s].add(art_id)
        text = texts.get(art_id)
        if text is not None and text[m.start : m.end] == m.text:
            named = s not in _PLACES and (s in person_words or _full_person_name(s))
            cues[s].update(_context_votes(text, m, " " in s and m.label == "PERSON" or s in surnames, named))
            speaks[s] += _SPEECH_AFTER.match(text, m.end) is not None
            after_the[s] += (text[max(0, m.start - 4) : m.start] == "the " or m.text.startswith("the ")
                             or (text[max(0, m.start - 4) : m.start] == "The " and _starts_sentence(text, m.start - 4)))
            adjective[s] += _ADJECTIVE_USE.search(text, max(0, m.start - 4), m.start) is not None and re.match(
                r" [a-z]{3,}", text[m.end : m.end + 5]) is not None  # fmt: skip
            pronoun[s] += m.label == "PERSON" and _pronoun_follows(text, m)
            titled[s] += _TITLE_WORD_BEFORE.search(text, max(0, m.start - 16), m.start) is not None
            if " " in s:  # (a full name's marks: "receptionist Madeline Kafoury", "the Harry Winston store")
                noun_before[s] += _person_noun_before(text, m) or _of_place_after(text, m)
                shop[s] += _SHOP_AFTER.match(text, m.end) is not None
            aged[s] += (m.label != "PERSON" and _AGE_BEFORE.search(text, max(0, m.start - 24), m.start) is not None
                        and _MODEL_AFTER.match(text, m.end) is None)  # fmt: skip
            if m.label == "NORP" and (caps := _CAPS_AFTER.match(text, m.end)):
                norp_before[s, caps.group(1)] += 1
            if m.label == "ORG" and s in _PLACES:  # "a silver Toyota Camry", "Delta Sigma Theta": a maker's, a body's
                org_places[s] += 1 + (re.match(r" (?:[A-Z][a-z]|[IVX]+\b|\d)", text[m.end : m.end + 6]) is not None
                                      or _MEDIUM_BEFORE.search(text, max(0, m.start - 30), m.start) is not None) * 100
            if m.label == "PERSON" and s in _PLACES:
                places.add(s)
                marked[s] += (_NAME_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
                              or _PERSON_AFTER.match(text, m.end) is not None)  # fmt: skip
                # a pronoun later in its own sentence (in the next one it is as often another's: "Dubrovnik
                # suffered damage. The pope mentioned this in his homily")
                place_he[s] += _PRONOUN_AFTER.search(_SENTENCE_GAP.split(text[m.end : m.end + 120])[0]) is not None
            work[s] += _work_cue(text, m)
            read[s].append((text, m))
            if _KIN_AFTER.match(text, m.end):
                kin.add(s)
            if m.label in ("PERSON", "ORG", "GPE") and (r := _role(text, m, full_names)):  # kept for people only
                roles[s][r] += 1
    sports_story: list[bool] = []

    def sports() -> bool:  # the story gives a team a win-loss record: its organisations are teams, colleges, leagues
        if not sports_story:
            sports_story.append(any(_RECORD.search(t) for t in texts.values()))
        return sports_story[0]

    # names the context puts in a place ("in X", "the villages of X"), no census name ("in Rodgers and Hammerstein's")
    context_places = {s for s, votes in cues.items() if votes["GPE"] and s.lower() not in _SURNAMES | _GIVEN_NAMES}
    _list_votes(items, texts, cues, surnames)
    cut = _cut_surnames(items, texts, counts)
    _demonym_plurals(by_surface)
    _common_words_out(items, texts, by_surface, counts)
    _lede_capitals_out(items, texts, by_surface, counts)
    _titles_out(items, texts, by_surface, counts)
    _team_votes(by_surface, cues, counts)
    _sports_plurals(by_surface, cues, counts, after_the, sports)
    _given_names_as_things(by_surface, cues, counts, full_names)
    _institutions_named_short(by_surface, cues, counts, read)
    _award_shows(by_surface, cues, counts, texts)
    _meteor_showers(by_surface, cues, read)
    _product_lines(by_surface, cues, counts, texts)
    _product_families(by_surface, cues, counts, texts)
    _races_named_short(by_surface, cues, counts)
    _venues(by_surface, cues, counts, read, sports)
    _tools(by_surface, cues, counts, read)
    _place_votes(by_surface, cues, counts, speaks)
    _places_named_as_bodies(by_surface, cues, counts, org_places, texts)
    lower = _lower_words(texts)
    for p in places:  # a word of a person's name as spaCy tagged it: 'Vincent "The Chin"Gigante' ... "Chin"
        word = re.compile(rf"(?<![\w'’-]){re.escape(p)}(?![\w'’-])")
        marked[p] += any(m.label == "PERSON" and m.text != p and word.search(m.text) for _a, m in items)
    _group_words(by_surface, cues, counts)
    _not_people(by_surface, cues, counts, speaks, roles, after_the, pronoun, lower, titled, adjective, marked,
                place_he)
    _groups_in_names(by_surface, cues, counts, norp_before)
    _not_groups(by_surface, cues, counts)
    voted = {s: _voted_family(s, by_surface, cues, context_places) for s in by_surface}
    _list_votes(items, texts, cues, surnames, lambda s: voted.get(s, ""))
    _people_named_as_things(by_surface, cues, roles, titled, noun_before, shop, lambda: _beside_people(items, texts),
                            aged, counts, lower, sports)  # fmt: skip
    for w in _works(by_surface, cues, counts, speaks, roles, work):  # spaCy's WORK_OF_ART mentions of it count too
        counts[w] += spacy_work_n[w]
        by_surface[w]["WORK_OF_ART"] += spacy_work_n[w]
        arts[w] |= spacy_works.get(w, set())
    for w, n in spacy_work_n.items():  # a title spaCy tagged WORK_OF_ART only, once after "the film" or the like
        if titled_work[w] and w not in by_surface and len(w) > 1 and any(ch.isalpha() for ch in w):
            by_surface[w]["WORK_OF_ART"] += n
            counts[w] += n
            arts[w] |= spacy_works[w]
            order.append(w)
    # each surface takes its majority label family; multi-word names first so surnames find them
    order = sorted((s for s in order if s in counts), key=lambda s: -len(s.split()))
    clusters: list[_Cluster] = []
    # one-word names of things that are no people, by their folded singular: "Oscars" ORG -> "oscar"
    things = {fold(s)[: -2 if s.endswith("es") and fold(s[:-2]) + "es" == fold(s) else -1]: s for s in order
              if " " not in s and _PLURAL.fullmatch(s) and counts[s] >= 2
              and _majority_family(by_surface[s] + cues[s]) not in ("PERSON", "NORP", "PLACE")}  # fmt: skip
    for s in order:
        fam = _majority_family(by_surface[s] + cues[s])
        target, by_name = None, True
        for c in clusters:
            if c.family == fam and any(similar(s, v, fam) or (fam == "ORG" and _org_short(s, v, lower))
                                       for v in c.surfaces):
                target = c
                break
        if target is None and fam in ("PLACE", "EVENT"):
            target = _longer_name_owner(s, clusters, fam)
        if target is None and _particle_surname(s):  # "Van Rompuy", "Del Rio" ORG: the person's surname
            target = _surname_owner(s, clusters, fam, arts[s])
            by_name = target is None
        elif target is None and len(s.split()) == 1:
            thing = things.get(fold(s))  # "Oscar" beside "the Oscars": the award, no one's first name
            target = (_surname_owner(s, clusters, fam, arts[s])
                      or (None if thing else _short_form_owner(s, clusters, fam, cut.get(s)))
                      or _generic_owner(s, clusters, fam)
                      or _odd_label_surname_owner(s, clusters, fam, kin, texts))  # fmt: skip
            by_name = target is None
        if target is None:
            target = _Cluster(fam)
            clusters.append(target)
        target.surfaces[s] += counts[s]
        # spaCy's label of a bare surname says little once it joined a full name; its context does
        target.labels.update(by_surface[s] + cues[s] if by_name else cues[s])
        target.articles |= arts[s]
        target.roles.update(roles[s])
    _merge_nicknames(clusters, _nicknames(items, texts, counts))
    _merge_singulars(clusters, things)
    _merge_linked(clusters, _text_links(items, texts))
    _merge_glued(clusters, counts)
    _merge_storms(clusters)
    _merge_slips(clusters)
    _merge_person_shaped(clusters, lower)
    _merge_late_first_names(clusters, things, cut, read)
    out: list[dict[str, Any]] = []
    canon: dict[str, str] = {}
    labels = {id(c): _label(c) for c in clusters}
    people = {s for s, seen in read.items() if " " not in s and any(m.label == "PERSON" for _, m in seen)}
    whys = {id(c): _org_support(c, read, cues, org_arts, lower, sports, people)
            for c in clusters if labels[id(c)] == "ORG" and texts}  # fmt: skip (no text, no evidence to read)
    if any(w is None for w in whys.values()):  # a name in a list beside supported organisations or groups
        backed = {v for c in clusters if whys.get(id(c)) or labels[id(c)] == "NORP" for v in c.surfaces}
        beside = _listed_beside(items, texts, {v for c in clusters if id(c) in whys and whys[id(c)] is None
                                               for v in c.surfaces}, backed)  # fmt: skip
        for c in clusters:
            if id(c) in whys and whys[id(c)] is None:
                if any(v in beside for v in c.surfaces) and not any(
                        _named_by_surname(v, people, lower) for v in c.surfaces):  # fmt: skip
                    whys[id(c)] = "list"  # "the Assad regime, the Iranians, and Hezbollah"; not "CC Sabathia"
                else:
                    labels[id(c)] = _unsupported_org(c, speaks, people, lower, surnames_of(clusters, labels), read)
    if texts:  # a GPE name no place list knows, of a common word's or a company's shape, with no place's context
        for c in clusters:
            if labels[id(c)] == "GPE" and (lab := _unsupported_place(c, read, lower)) is not None:
                labels[id(c)] = lab
            elif _family(labels[id(c)]) == "PLACE" and _team_named_as_place(c, read) and sports():
                labels[id(c)] = "ORG"
        towns = {t for c in clusters if _family(labels[id(c)]) == "ORG" for v in c.surfaces
                 if (t := _team_town(v)) is not None}  # fmt: skip (the towns of the teams the story names in full)
        for c in clusters:
            if _family(labels[id(c)]) == "PLACE" and (towns and _town_named_for_its_team(c, read, towns)
                                                      or _town_in_score_lines(c, read) and sports()):
                labels[id(c)] = "ORG"
    if _ORG_WHY is not None:
        _ORG_WHY.update({c.name(): whys[id(c)] for c in clusters if id(c) in whys})
    for c in clusters:
        name = c.name()
        for v in c.surfaces:
            canon[v] = name
        label = labels[id(c)]
        entry: dict[str, Any] = {
            "name": name,
            "label": label,
            "variants": sorted(c.surfaces, key=lambda v: -c.surfaces[v]),
            "mentions": sum(c.surfaces.values()),
            "articles": sorted(c.articles),
        }
        if label == "PERSON" and c.roles:
            entry["roles"] = [r for r, _n in c.roles.most_common(3)]
        out.append(entry)
    out.sort(key=lambda e: (-len(e["articles"]), -int(e["mentions"]), str(e["name"])))
    return out, canon


# (after a count: "Dashoguz province - 27, Lebap province - 28")
_LIST_GAP = re.compile(r"(?:\s+-\s+\d[\d,.]*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_LIST_GAP_THE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")


def _texts_and_mentions(items: list[tuple[str, Mention]], texts: dict[str, str]) -> list[tuple[str, list[Mention]]]:
    """Each article's text with its mentions in text order (articles with a text only)."""
    by_art: dict[str, list[Mention]] = defaultdict(list)
    for art_id, m in items:
        by_art[art_id].append(m)
    return [(texts[a], sorted(ms, key=lambda m: m.start)) for a, ms in by_art.items() if a in texts]


def _listed_beside(items: list[tuple[str, Mention]], texts: dict[str, str], names: set[str],
                   backed: set[str]) -> set[str]:
    """Of ``names``, those standing in a list beside a name of ``backed``, or beside one so found ("Apple Computer,
    Microsoft, Cisco, eBay, Google, and AOL"; "the Assad regime, the Iranians, and Hezbollah")."""
    pairs: list[tuple[str, str]] = []
    for text, ms in _texts_and_mentions(items, texts):
        for a, b in zip(ms, ms[1:], strict=False):
            sa, sb = normalise(a.text), normalise(b.text)
            if (sa in names or sb in names) and _LIST_GAP_THE.fullmatch(text, a.end, b.start):
                pairs.append((sa, sb))
    found: set[str] = set()
    grew = True
    while grew:
        grew = False
        for sa, sb in pairs:
            for x, y in ((sa, sb), (sb, sa)):
                if x in names and x not in found and (y in backed or y in found):
                    found.add(x)
                    grew = True
    return found


_AND_OR = re.compile(r"\b(?:and|or)\b")
_ITEM_END = re.compile(r"\s*[,;:.)]")
_AGE_AFTER = re.compile(r",\s*(?:who\b|aged\b|\d{1,3}\b)")


def _list_votes(items: list[tuple[str, Mention]], texts: dict[str, str], cues: dict[str, Counter[str]],
                surnames: set[str], family: Callable[[str], str] | None = None) -> None:  # fmt: skip
    """A one-word name spaCy tagged PERSON, no surname of the story's people, standing in a list right
    beside a name it tagged as a place is a place too ("the Dutch islands of Aruba, Bonaire and
    Curacao"): a vote for GPE (in place). So is a longer name that opens with no given name of the list
    in a list of names holding two it tagged as places ("the states of Sao Paulo, Rio de Janeiro, Minas
    Gerais and Rio Grande do Sul", "Curicó, Río Claro, Linares"). With ``family`` (a surface's family after
    the votes, ``_voted_family``), the same for a name the votes still make a person beside names they made places,
    whatever spaCy tagged: "Tonban and Goursin were all but destroyed" (Tonban a place by "villages were" elsewhere),
    and for a one-word group's name in a list of two such places or more ("Tonban, Gavarzin, Khaledin and Gourian").
    """
    def place(m: Mention) -> bool:
        return m.label in _PLACE if family is None else family(normalise(m.text)) == "PLACE"

    def person(m: Mention) -> bool:
        return m.label == "PERSON" if family is None else family(normalise(m.text)) == "PERSON"

    def group(m: Mention) -> bool:  # (with ``family``: a one-word "group" no people's word, "Tourian", "Gourian")
        s = normalise(m.text)
        return family is not None and " " not in s and family(s) == "NORP" and s.lower() not in _GROUP_WORDS

    kinds = _NAME_LABELS if family is None else _NAME_LABELS | {"NORP"}  # (a list goes on over "Tourian" NORP)
    for text, all_ms in _texts_and_mentions(items, texts):
        ms = [m for m in all_ms if m.label in kinds]
        chain: list[Mention] = []
        for a, b in zip(ms, [*ms[1:], None], strict=False):
            chain.append(a)
            if b is not None and _LIST_GAP.fullmatch(text, a.end, b.start):
                continue
            if len(chain) < 2:  # (a name alone is in no list)
                chain = []
                continue
            places = [i for i, m in enumerate(chain) if place(m)]
            for i, one in enumerate(chain):
                s = normalise(one.text)
                if (not (person(one) or group(one)) or s in surnames or not _exact(one, text)
                        or _AGE_AFTER.match(text, one.end)):  # fmt: skip
                    continue  # ("from Crawley, West Sussex, Salahuddin Amin, 31, from Luton")
                # a last item after a bare comma may open the next clause ("from Brooklyn, N.Y., Viena K. Neaville
                # told"), unless punctuation follows it ("Curicó, Río Claro, Linares")
                gap = text[chain[i - 1].end : one.start] if i else ""
                listed = len(places) >= 2 and (i + 1 < len(chain) or "," not in gap or _AND_OR.search(gap) is not None
                                               or _ITEM_END.match(text, one.end) is not None)  # fmt: skip
                if (" " not in s and (listed or (not group(one) and (i - 1 in places or i + 1 in places)))) or (
                        " " in s and listed and not any(_known_given(w) for w in s.split())):  # fmt: skip
                    cues[s]["GPE"] += 2 * min(2, len(places))  # a list of several places weighs more
            chain = []


def _voted_family(s: str, by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]],
                  context_places: set[str]) -> str:
    """A surface's family after the votes, PLACE only for a name its context puts in a place ("in X", "the villages
    of X"; not a magazine spaCy tagged GPE, "Wink and Titter"); "" for no name of the story."""
    if s not in by_surface:
        return ""
    fam = _majority_family(by_surface[s] + cues[s])
    return "" if fam == "PLACE" and s not in context_places else fam


def _starts_sentence(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence, a line or the text (after any opening quotes)."""
    before = text[max(0, start - 12) : start].rstrip(" \t\"'“‘`«")
    return not before or before[-1] in ".!?\n:"


def _demonym_plurals(by_surface: dict[str, Counter[str]]) -> None:
    """A plural spaCy tagged as people whose singular the story tags as a nationality or group is that
    group (in place): "Greeks" PERSON x14 beside "Greek" NORP x39 in the Athens riots story."""
    for s, labs in by_surface.items():
        one = by_surface.get(s[:-1]) if " " not in s and s.endswith("s") else None
        if one and labs["PERSON"] and one["NORP"] > sum(n for lab, n in one.items() if lab != "NORP"):
            labs["NORP"] += labs.pop("PERSON")


def _common_words_out(items: list[tuple[str, Mention]], texts: dict[str, str], by_surface: dict[str, Counter[str]],
                      counts: Counter[str]) -> None:  # fmt: skip
    """Drop (in place) one-word "names" that are common words a sentence opens with ("Tributes were
    also paid", "Jewellery and watches worth £1.7m"): every mention opens a sentence or a line, the
    story writes the word in lower case elsewhere, and it is no word of another name of the story."""
    lower = _lower_words(texts)
    cands = {s for s in by_surface if " " not in s and s.lower() in lower and not s.isupper() and s not in _GAZETTEER}
    if not cands:
        return
    parts = {w for s in by_surface if " " in s for w in s.split()}
    cands -= parts
    for art_id, m in items:
        if (s := normalise(m.text)) in cands and m.label in LABELS:
            text = texts.get(art_id)
            if text is None or text[m.start : m.end] != m.text or not _starts_sentence(text, m.start):
                cands.discard(s)
    for s in cands:
        del by_surface[s]
        del counts[s]


_LEDE_BEFORE = re.compile(r"(?:^|[.!?\n:])\s*[\"“‘']?((?:A|AN|THE)\s+)?$")  # "A MAN was ...": a lede's capitals
_LOWER_AFTER = re.compile(r"\s+[a-z]")


def _lede_capitals_out(items: list[tuple[str, Mention]], texts: dict[str, str],
                       by_surface: dict[str, Counter[str]], counts: Counter[str]) -> None:  # fmt: skip
    """Drop (in place) common words in capitals that open a lede ("A MAN was last night being quizzed", "A FIRE
    has badly damaged ... FIRE crews from Tiverton"): every mention opens a sentence or stands right after its
    capital "A", "AN" or "THE" (one at least), before a lower-case word; each word is a common word or one the story
    writes in lower case, no gazetteer name ("A WHO report"), and spaCy never calls it a person or a group ("A
    GREEK police officer")."""
    cands = {s for s, labs in by_surface.items()
             if s.isupper() and len(s) > 2 and s not in _GAZETTEER and not labs["PERSON"] and not labs["NORP"]}
    if not cands:
        return
    lower = _lower_words(texts)
    cands = {s for s in cands
             if all(w.lower() in _COMMON_WORDS or w.lower() in lower for w in _DASH_OR_SPACE.split(s) if w)}
    led: set[str] = set()
    for art_id, m in items:
        if (s := normalise(m.text)) in cands:
            text = texts.get(art_id)
            lede = None if text is None or text[m.start : m.end] != m.text else _LEDE_BEFORE.search(
                text[max(0, m.start - 12) : m.start])
            if lede is None or not _LOWER_AFTER.match(text or "", m.end):
                cands.discard(s)
            elif lede.group(1):
                led.add(s)
    for s in cands & led:
        del by_surface[s]
        del counts[s]


_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|tells|added|asked|explained|wrote|insisted|"
                           r"argued|warned|stated|claimed)\b")


def _place_votes(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                 speaks: Counter[str]) -> None:  # fmt: skip
    """A one-word name spaCy mostly tags as a person but never with a first name in the story (no
    word of a longer person's name), never speaking ("... said"), and tagged as a place elsewhere or
    standing where places stand ("in Pichilemu", "south of Pichilemu") twice at least and in a quarter
    of its mentions, is a place (in place)."""
    people = set()  # given names and surnames of the story's people ("Pichilemu Roberto Córdova" is no given name)
    for s, labs in by_surface.items():
        if " " in s and "PERSON" in labs:
            words = s.split()
            people.update(words[1:] if len(words) > 2 else words)
    for s, labs in by_surface.items():
        if " " in s or s in people or speaks[s] or _majority_family(labs + cues[s]) != "PERSON":
            continue
        place = sum(n for lab, n in labs.items() if lab in _PLACE) + cues[s]["GPE"] // 2
        if place >= max(2, cues[s]["PERSON"] // 2) and 4 * place >= labs["PERSON"]:
            cues[s]["GPE"] += 3 * counts[s]


_RECORD = re.compile(r"\(\d{1,2}\s?-\s?\d{1,2}[,)]")  # a team's win-loss record: "Creighton (25 - 7)", "(5-9, 0-2)"


def _places_named_as_bodies(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                            org_places: Counter[str], texts: dict[str, str]) -> None:
    """A name of the place list (a city or region) that spaCy mostly tags ORG is a place (GPE) when nothing marks a
    body: no context vote for an organisation (a team's "win over X", "said on X", "X users"...), never right before
    a capitalised word or a number ("a silver Toyota Camry", "Delta Sigma Theta", "Annex I nations") nor after a
    medium's noun ("the newspaper Granma"), no common word, no gazetteer name, and the story gives no team a
    win-loss record (where towns name teams: "Evansville coach Marty Simmons"). "Beaumont Hospital in Royal Oak",
    "hard-hit Catanduanes island", "Suez governorates"."""
    sports = None
    for s, n in org_places.items():
        labs = by_surface.get(s)
        if (labs is None or n >= 100 or cues[s]["ORG"] or s in _GAZETTEER or s.lower() in _COMMON_WORDS
                or _majority_family(labs + cues[s]) != "ORG"):  # fmt: skip
            continue
        if sports is None:
            sports = any(_RECORD.search(t) for t in texts.values())
        if sports:
            return
        cues[s]["GPE"] += counts[s] + labs["ORG"]


def _quoted(text: str, m: Mention) -> bool:
    """The mention is all of a text in double quotes ("his movie “Ted”", “New Moon.”)."""
    before = text[max(0, m.start - 2) : m.start].rstrip(" ")
    close = re.match(r"\s?[.,!?]?\s?[\"”]", text[m.end : m.end + 4])
    return before.endswith(('"', "“")) and close is not None


# where titles of works stand: after "the film", "the novel", "the video game" (an opening quote may follow), before
# "sequel", "franchise", "star", "director" ("the Twilight franchise", "Harry Potter star"), or all of a text in
# single quotes ("playing Xbox and 'Mortal Kombat'")
_WORK_BEFORE = re.compile(r"\b(?:film|films|movie|movies|novel|novels|book|books|series|sitcom|album|song|musical|"
                          r"documentary|franchise|saga|sequel|prequel|trilogy|blockbuster|video\s+game|the\s+(?:show|play|"
                          r"game))\s+[\"“‘']?\s?$")
_WORK_AFTER = re.compile(r"(?:['’]s)?\s+(?:sequel|sequels|prequel|franchise|saga|trilogy|series|star|stars|co-star|"
                         r"director|soundtrack|premiere|box[\s-]office)\b")  # (not "the Nick Hornby novel": an author)

_SINGLE_CLOSE = re.compile(r"\s?[.,!?]?\s?['’](?![A-Za-z])")


# after a name, "star" and "director" follow companies and teams too ("Microsoft Trustworthy Computing director")
_WORK_ONLY_AFTER = re.compile(r"['’]?\s+(?:sequel|sequels|prequel|franchise|saga|trilogy|series|soundtrack|premiere)\b")


def _work_cue(text: str, m: Mention, people_words: bool = True) -> bool:
    """The mention stands where a title of a work stands (``_WORK_BEFORE``, ``_WORK_AFTER`` or, not
    ``people_words``, ``_WORK_ONLY_AFTER``; single quotes)."""
    after = _WORK_AFTER if people_words else _WORK_ONLY_AFTER
    if _WORK_BEFORE.search(text, max(0, m.start - 30), m.start) or after.match(text, m.end):
        return True
    before = text[max(0, m.start - 2) : m.start].rstrip(" ")
    return before.endswith(("‘", "'")) and _SINGLE_CLOSE.match(text[m.end : m.end + 4]) is not None


def _works(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
           speaks: Counter[str], roles: dict[str, Counter[str]], work: Counter[str]) -> list[str]:  # fmt: skip
    """A name spaCy mostly tagged as a person standing where titles of films, books, shows and games stand
    (``_work_cue``) in a third of its mentions at least, that never speaks, has no role and opens with no given
    name of the list, is a work: all its mentions are relabelled WORK_OF_ART (in place; the report lists them
    under Works): "the Twilight franchise". Returns those names."""
    named = {w for s, labs in by_surface.items() if " " in s and "PERSON" in labs for w in s.split()}
    out = []
    for s, labs in list(by_surface.items()):
        if (not labs["PERSON"] or not work[s] or 3 * work[s] < counts[s] or speaks[s] or roles.get(s)
                or s in named or _known_given(s.split()[0]) or _majority_family(labs + cues[s]) != "PERSON"):
            continue
        by_surface[s] = Counter({"WORK_OF_ART": counts[s]})
        cues[s] = Counter()
        out.append(s)
    return out


def _titles_out(items: list[tuple[str, Mention]], texts: dict[str, str], by_surface: dict[str, Counter[str]],
                counts: Counter[str]) -> None:  # fmt: skip
    """Drop (in place) names whose every mention opens a text in double quotes: titles of films, books,
    articles ("his movie “Ted”", “New Moon”), which spaCy tags as people or places."""
    seen: dict[str, bool] = {}
    for art_id, m in items:
        s = normalise(m.text)
        if s in counts and m.label in LABELS:
            text = texts.get(art_id)
            seen[s] = seen.get(s, True) and text is not None and text[m.start : m.end] == m.text and _quoted(text, m)
    for s, all_quoted in seen.items():
        if all_quoted:
            del by_surface[s]
            del counts[s]


def _team_votes(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str]) -> None:
    """A plural name that ends an organisation's name in the story is that organisation's short name,
    an organisation too: "the Nationals" (spaCy's GPE) of "Washington Nationals", "the Panthers" (NORP)."""
    orgs = {s.split()[-1] for s, labs in by_surface.items()
            if " " in s and _majority_family(labs + cues[s]) == "ORG" and " of " not in s}  # fmt: skip
    people = {s.split()[-1] for s, labs in by_surface.items() if " " in s and "PERSON" in labs}
    for s, labs in by_surface.items():
        if (" " not in s and s in orgs and s not in people and s not in _GAZETTEER
                and re.fullmatch(r"[A-Z][a-z]+[^s]s", s)):  # fmt: skip
            if _majority_family(labs + cues[s]) != "ORG":
                cues[s]["ORG"] += 3 * counts[s]


_INSTITUTION_HEADS = frozenset("""center centre clinic hospital foundation institute library museum school university
    college academy""".split())  # fmt: skip
_AT_BEFORE = re.compile(r"\b(?:at|in|into|to|from|inside|outside)\s+$")


def _institutions_named_short(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]],
                              counts: Counter[str], read: dict[str, list[tuple[str, Mention]]]) -> None:
    """A full name the votes make a person's that opens the name of an institution of the story ("Betty Ford" of
    "Betty Ford Center") and stands after "at", "in", "to" in half its mentions or more is the institution named
    short (in place): "Lindsay never checked into Morningside but is back at Betty Ford" (spaCy's PERSON)."""
    heads = {" ".join(w[:-1]) for v in by_surface if len(w := v.split()) > 2 and w[-1].lower() in _INSTITUTION_HEADS}
    for s, labs in by_surface.items():
        if s in heads and _majority_family(labs + cues[s]) == "PERSON":
            at = sum(_AT_BEFORE.search(t, max(0, m.start - 12), m.start) is not None for t, m in read[s])
            if 2 * at >= counts[s]:
                cues[s]["ORG"] += 3 * counts[s] + sum(labs.values())


def _given_names_as_things(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]],
                           counts: Counter[str], full_names: frozenset[str]) -> None:
    """A census given name alone that spaCy mostly tags as a thing or a body, the first word of one person's full
    name the story writes twice or more, is that person's (in place): '"We're aware of the issue involving
    Vincent," the general manager said' (spaCy's PRODUCT, Vincent Jackson); not a place or gazetteer name, nor
    one spaCy mostly tags as a place."""
    firsts = Counter(n.split()[0] for n in full_names)
    for s, labs in by_surface.items():
        if (" " not in s and firsts[s] == 1 and s.lower() in _GIVEN_NAMES and s not in _PLACES
                and s not in _GAZETTEER_DATA["names"] and _majority_family(labs) in ("PRODUCT", "ORG", "WORK_OF_ART",
                                                                                    "LAW", "EVENT")):  # fmt: skip
            cues[s]["PERSON"] += 3 * counts[s] + sum(labs.values())


def _sports_plurals(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                    after_the: Counter[str], sports: Callable[[], bool]) -> None:
    """In a sports story (a win-loss record), a one-word plural written after "the" in half its mentions at least,
    that spaCy tags as a thing or a place, is a team (in place): "Manning and the Broncos" (spaCy's PRODUCT); not a
    census name, a people's word or demonym ("the Americans": groups as well), a known place; a league's team name
    of a demonym's shape is a team in any label ("the Titans' Chris Johnson", spaCy's NORP)."""
    for s, labs in by_surface.items():
        if (" " not in s and _PLURAL.fullmatch(s) and 2 * after_the[s] >= counts[s] and s not in _GAZETTEER
                and s not in _PLACES and s.lower() not in _SURNAMES | _GIVEN_NAMES
                and (_majority_family(labs + cues[s]) in ("PRODUCT", "PLACE", "WORK_OF_ART", "LAW")
                     and not _group_shape(s) or s.lower() in _TEAM_NAMES)
                and sports()):  # fmt: skip
            cues[s]["ORG"] += 3 * counts[s] + sum(labs.values())


_PLURAL_NAME = re.compile(r"[A-Z][a-z]{2,}s")
_AWARD_CUE = re.compile(r"\b([A-Z][a-z]{2,})(?:-(?:winning|winner|nominated)|\s+(?:nominations?|nominees?|nods?|"
                        r"statuettes?|awards?|trophy|trophies)\b)")


def _award_shows(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                 texts: dict[str, str]) -> None:  # fmt: skip
    """A one-word plural whose singular the story names as an award is the awards show, an event (in place):
    "the Oscars" beside "an Oscar nomination", "the Emmys" beside "Emmy-winning", "the Globes" (spaCy's PERSON) beside
    "the Golden Globe Awards"; a group's name, a census surname or a word of a person's name keeps its label."""
    people = {w for s, labs in by_surface.items() if " " in s and labs["PERSON"] for w in s.split()}
    award_names = {w for s in by_surface if " " in s and s.split()[-1] in ("Award", "Awards") for w in s.split()[:-1]}
    cued: set[str] | None = None
    for s, labs in list(by_surface.items()):
        if " " in s or not _PLURAL_NAME.fullmatch(s) or labs["EVENT"] >= counts[s] // 2 + 1:
            continue
        if _majority_family(labs + cues[s]) == "NORP" or s.lower() in _SURNAMES or s in people:
            continue
        if cued is None:  # words the texts name as an award: "an Oscar nominee", "Emmy-winning"
            cued = {w for t in texts.values() for w in _AWARD_CUE.findall(t)}
        if s[:-1] in award_names or s[:-1] in cued:
            by_surface[s] = Counter({"EVENT": counts[s]})
            cues[s] = Counter()


_GLUED_VERSION = re.compile(r"\b([A-Z]{2,3})(\d{1,2})\b")  # "IE6", "IE11", "PS3"


def _product_lines(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                   texts: dict[str, str]) -> None:
    """A short capitals' name the story writes with two versions or more glued to it ("IE6, IE7 and IE8", "IE11") is
    a product line: it and its versions are products, whatever spaCy tagged ("IE" ORG 75 times, "IE6" GPE); not a
    group of countries ("G7", "G20": one capital) nor a road ("M25", "A40": one capital)."""
    versions: dict[str, set[str]] = defaultdict(set)
    for t in texts.values():
        for glued in _GLUED_VERSION.finditer(t):
            versions[glued.group(1)].add(glued.group(2))
    lines = {p for p, ns in versions.items() if len(ns) >= 2}
    for s, labs in by_surface.items():
        hit = _GLUED_VERSION.fullmatch(s)
        if s in lines or (hit is not None and hit.group(1) in lines):
            cues[s]["PRODUCT"] += 3 * counts[s] + sum(labs.values())


# "versions of Windows", "versions of Internet Explorer" (the last word; not "of Microsoft Internet Explorer"'s maker,
# nor "of the Boeing 737"'s)
_VERSIONS_OF = re.compile(r"\b(?:versions?|editions?) of (?:the )?(?:[A-Z]\w* )*([A-Z][a-z]+)\b(?![\s-]*[\dA-Z]|['’])")
_LINE_ITEM = r"(?:[A-Z][\w.]*|\d+(?:\.\d+)?)"  # an edition after its line's name: "XP", "Vista", "Server", "8.1"
_LINE_ITEMS = _LINE_ITEM + r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)" + _LINE_ITEM + r")*"


def _product_families(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                      texts: dict[str, str]) -> None:  # fmt: skip
    """A one-word name the story writes "versions of" and before two editions or more ("versions of Windows",
    "Windows XP, Vista and 7", "Windows 8.1", "Windows Server") is a product line: names that open with it ("Windows
    IE 8", "Windows Mail") and the editions it lists ("Vista", "XP": spaCy's GPE) are products (in place); not a
    maker before its models ("versions of the Boeing 737": a number after the name)."""
    lines = {w for t in texts.values() for w in _VERSIONS_OF.findall(t)} - set(_GAZETTEER) - _PLACES
    members: set[str] = set()
    for line in lines:
        editions: set[str] = set()
        for t in texts.values():
            for run in re.finditer(rf"\b{line} ({_LINE_ITEMS})", t):
                editions.update(re.findall(_LINE_ITEM, run.group(1)))
        if len(editions) >= 2:
            # (an edition may share a town's name: "Vista"; not a well-known place's)
            members |= {line} | {e for e in editions if e[0].isupper() and e not in _GAZETTEER}
    for s, labs in by_surface.items():
        if s.split()[0] in members and (" " in s or s in members) and _majority_family(labs) != "PERSON":
            cues[s]["PRODUCT"] += 3 * counts[s] + sum(labs.values())


# a sports venue's last word when the name stands after a bare "at" in a sports story ("Harvard shocked 17th-ranked
# Boston College, 82-70, at Conte Forum", spaCy's ORG); not "at the World Economic Forum" (a body's name takes "the")
# nor "back at Betty Ford Center" outside a sports story (a clinic)
_VENUE_LAST = frozenset({"forum", "center", "centre", "garden", "dome", "pavilion", "fieldhouse", "coliseum"})
_BARE_AT_BEFORE = re.compile(r"\bat\s+$")


def _venues(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
            read: dict[str, list[tuple[str, Mention]]], sports: Callable[[], bool]) -> None:
    """A name ending with a venue's word that stands after a bare "at" in half its mentions or more, in a sports
    story, is the venue (FAC), whatever spaCy tagged."""
    for s, labs in by_surface.items():
        words = s.split()
        if len(words) < 2 or words[-1].lower() not in _VENUE_LAST or _majority_family(labs + cues[s]) == "PLACE":
            continue
        at = sum(_BARE_AT_BEFORE.search(t, max(0, m.start - 12), m.start) is not None
                 and not m.text.lower().startswith("the ") for t, m in read[s])  # (spaCy's span may hold "the")
        if 2 * at >= counts[s] and sports():
            cues[s]["FAC"] += 3 * counts[s] + sum(labs.values())


# what a program does for its users: "Mashmaker allows developers to add a bit of JavaScript" (spaCy's PERSON)
_TOOL_AFTER = re.compile(r"\s+(?:allows|lets|enables|helps)\s+(?:developers|users|programmers|webmasters|"
                         r"customers|publishers|players|gamers)\s+(?:to\s+)?[a-z]")


def _tools(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
           read: dict[str, list[tuple[str, Mention]]]) -> None:
    """A one-word name the votes make a person's, written before what it lets its users do, is a program
    (PRODUCT): people are not said to allow developers to add code."""
    for s, labs in by_surface.items():
        if " " not in s and _majority_family(labs + cues[s]) == "PERSON" and any(
                _TOOL_AFTER.match(t, m.end) for t, m in read[s]):  # fmt: skip
            cues[s]["PRODUCT"] += 3 * counts[s] + sum(labs.values())


def _races_named_short(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]],
                       counts: Counter[str]) -> None:  # fmt: skip
    """"The Tour" in a story that names the "Tour de France" (or "Tour of Flanders") is the race, an event (in
    place), whatever spaCy tagged (ORG)."""
    for s, labs in by_surface.items():
        if s == "Tour" and any(v.startswith("Tour ") and _shape_label(v, "ORG") == "EVENT" for v in by_surface):
            cues[s]["EVENT"] += 3 * counts[s] + sum(labs.values())


_METEOR_AFTER = re.compile(r"\s+meteors?\b", re.I)


def _meteor_showers(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]],
                    read: dict[str, list[tuple[str, Mention]]]) -> None:  # fmt: skip
    """A one-word name written before "meteor(s)" is the meteor shower's, an event (in place): "the Leonid meteor
    shower", "Leonid meteors" (spaCy's ORG, 28 mentions); not a known place's or a census name's ("the Arizona
    meteor crater")."""
    for s, labs in list(by_surface.items()):
        if (" " not in s and s not in _GAZETTEER and s not in _PLACES and s.lower() not in _GIVEN_NAMES
                and s.lower() not in _SURNAMES
                and any(_METEOR_AFTER.match(t, m.end) for t, m in read.get(s, ()))):  # fmt: skip
            by_surface[s] = Counter({"EVENT": sum(labs.values())})
            cues[s] = Counter()


# given names and frequent surnames from a name list (US 1990 census, see the file): evidence FOR a person only
_NAME_LISTS = stage_data("person_names.json")
_GIVEN_NAMES = frozenset(_NAME_LISTS["names"])
_SURNAMES = frozenset(_NAME_LISTS["surnames"])
# titles a person is known by, that open the name ("Mother Teresa", "Prophet Mohammed", "Pope Leo XIII")
_KNOWN_BY = frozenset("mother father sister brother prophet imam rabbi cardinal bishop archbishop ayatollah "
                      "sheikh emir sultan king queen prince princess pope emperor empress saint".split())  # fmt: skip
_PRONOUN_AFTER = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)
_PLURAL = re.compile(r"[A-Z][a-z]+[^siu'’]s")  # "Dolphins", "Bucs"; not "Davis", "Marcus", "Acropolis", "Hess"
# names of cities of 15,000 people or more and of states, provinces, regions, counties (GeoNames, CC BY 4.0, and
# ISO 3166-2; benchmarks/entity_places_build.py): evidence against PERSON for a name with no person's mark only
# a capitalised word (no abbreviation: "St. Croix" is a place) or a nickname's bracket right before a name: "Thomas
# (Tommy Ryan) Eboli"; a person's office, kin or campaign right after it: "the Obama administration"
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*|\))\s+$")
_PERSON_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|presidency|campaign|era|family|cabinet|aides?|wife|"
                           r"husband|widow|son|daughter|mother|father|brother|sister)\b")
_PLACES = frozenset(
    stage_data("places.json")["names"].split("\n"))


# common English words pages write in lower case (the list ``stages/clean.py`` uses; benchmarks/dump_common_words.py)
_COMMON_WORDS = common_words()
# a title right before a one-word name ("Doctor Green", "Mr. Guest", "Gov. Covas")
_ADJECTIVE_USE = re.compile(r"\ban? $")
_TITLE_WORD_BEFORE = re.compile(r"\b(?i:doctor|prof|professor|gov|sen|rep|det|insp|" + "|".join(
    sorted(w for w in ROLE_HEADS | HONORIFICS if w.isalpha())) + r")\.?\s+$")


def _known_given(w: str) -> bool:
    """A given name of the list, an initial ("J.", "H.R.") or an honorific opens a person's name."""
    low = w.lower().rstrip(".")
    return low in _GIVEN_NAMES or low in HONORIFICS | _KNOWN_BY or _INITIALS_ONLY.fullmatch(w) is not None


def _pronoun_follows(text: str, m: Mention) -> bool:
    """A personal pronoun in the rest of the mention's sentence or the next ("Deep Throat ... he")."""
    after = _SENTENCE_GAP.split(text[m.end : m.end + 120])
    return _PRONOUN_AFTER.search(" ".join(after[:2])) is not None


def _not_people(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                speaks: Counter[str], roles: dict[str, Counter[str]], after_the: Counter[str],
                pronoun: Counter[str], lower: set[str], titled: Counter[str], adjective: Counter[str],
                marked: Counter[str], place_he: Counter[str]) -> None:
    """Names spaCy tagged as people that have no person's shape (in place): the PERSON votes go, and a
    name left with no other vote is no entity. A name keeps them when it speaks ("... said"), has a title
    or a role, a pronoun follows a third of its mentions (twice at least: "Deep Throat ... he"), or it
    opens with a given name of the list or a title it is known by ("Gary Player", "Mother Teresa"). Else
    a name of two words or more is no person's when one of its words is one the story writes in lower
    case ("Somerset Fire", "Catching Fire", "Hiller Feuded", "Associate Dean"), unless it ends with a
    frequent surname of the list after a first word that is no common word ("Chip Brown"); a one-word name
    that is no word of a person's full name in the story is none when the story writes it in lower case
    ("Highway", "Calendar") or it is a plural after "the" ("the Dolphins", "the Bucs": a team, ORG, or a
    group, NORP, when the story tags its singular so). A one-word name that is a common English word
    ("Calendar", "Map", "Smart", "Twitter") is none either, whether or not the story writes it in lower
    case, unless it is a word of any of the story's person names ("Rice" of "Condoleezza Rice"), a title
    stands before it ("Doctor Green"), or it is a given name of the list ("Mark") not always after "the"
    ("the Moon"); nor is one only ever written between "a" or "an" and a lower-case word ("a Sikh temple").
    A name of the place list (a city or region) with no person's mark (no title, role, speech, pronoun later in
    its sentence after a third of its mentions, capitalised word or nickname right before it, "administration"
    or "wife" after it;
    alone, no word of a story person's name; of two words, no given name and census surname) is a place, GPE
    ("Zadar", "La Romana", "Devon"; not "the Obama administration", "Thomas (Tommy Ryan) Eboli")."""
    people = set()  # words of the story's person-shaped full names
    named = set()  # words of all the story's names of two words or more spaCy tagged as people
    for s, labs in by_surface.items():
        if " " in s and "PERSON" in labs:
            named.update(s.split())
            if _known_given(s.split()[0]):
                people.update(s.split())
    for s, labs in list(by_surface.items()):
        if not labs["PERSON"] or _majority_family(labs + cues[s]) != "PERSON" or speaks[s] or roles.get(s):
            continue
        words = s.split()
        he = place_he[s] >= 2 and 3 * place_he[s] >= counts[s]
        if s in _PLACES and not titled[s] and not marked[s] and not he and (
                s not in named if len(words) == 1
                else not (_known_given(words[0]) and words[-1].lower() in _SURNAMES)):  # fmt: skip
            n = labs.pop("PERSON")  # a city or region of the list with no person's mark: "Zadar", "La Romana"
            cues[s].pop("PERSON", None)
            cues[s]["GPE"] += counts[s] + n  # (over a thing's votes: "Dubrovnik suffered damage to its art")
            continue
        team = len(words) == 1 and _PLURAL.fullmatch(s) is not None and after_the[s] > 0
        if (len(words) > 1 and _PLURAL.fullmatch(words[-1]) and after_the[s] and not titled[s]
                and words[-1].lower() not in _SURNAMES | _GIVEN_NAMES and words[0].lower() not in HONORIFICS):
            cues[s]["ORG"] += 3 * counts[s] + labs.pop("PERSON")  # a team: "the Charlotte Bobcats", "the Tar Heels"
            cues[s].pop("PERSON", None)
            continue
        adj = len(words) == 1 and adjective[s] == counts[s]  # (a pronoun after "a Sikh temple" is no one's)
        common = len(words) == 1 and s not in named and not titled[s] and (
            (s.lower() in _COMMON_WORDS and (s.lower() not in _GIVEN_NAMES or after_the[s] == counts[s])) or adj)
        if ((_known_given(words[0]) and not common) or s in _GAZETTEER
                or (pronoun[s] >= 2 and 3 * pronoun[s] >= counts[s] and not team and not adj)
                or any(w.lower() in _VESSEL_WORDS for w in words)):  # fmt: skip
            continue  # "Warship INS Sukanya" is a ship's name (VESSEL below)
        if len(words) > 1:
            low = [w for w in words if w.lower() in lower and w.lower() not in _GIVEN_NAMES | _PARTICLES]
            if (not low or (words[-1].lower() in _SURNAMES and words[0] not in low)) and not (
                    _shapeless(words, titled[s], pronoun[s], counts[s])
                    and (_thing_votes(Counter(), cues[s]) or after_the[s] >= 2
                         or 2 * (sum(labs.values()) - labs["PERSON"]) >= labs["PERSON"])):  # fmt: skip
                continue  # (a name of no person's shape, written as a thing's: "the old Mat Maid building")
        elif s in people:
            continue
        elif team:
            one = by_surface.get(s[:-1])
            cues[s]["NORP" if one and one["NORP"] else "ORG"] += 3 * counts[s] + labs["PERSON"]
            continue
        elif (_PLURAL.fullmatch(s) and s not in named and s.lower() not in _SURNAMES | _GIVEN_NAMES
              and not pronoun[s]):  # fmt: skip
            pass  # a plural no one of the story is called, naming no one ("armed with Kalashnikovs"): no person
        elif (s not in named and not titled[s] and 3 * pronoun[s] < counts[s]
              and s.lower() not in _SURNAMES | _GIVEN_NAMES and _thing_votes(labs, cues[s])):  # fmt: skip
            pass  # no person's shape anywhere, a company's or product's somewhere ("Mozilla ... its", "Firefox 3.05")
        elif not common and s.lower() not in lower and not (s.endswith("ing") and len(s) > 5
                                                            and s.lower() not in _SURNAMES):
            continue  # ("Emitting" of "the Major Emitting nations": a word in "-ing", no name of the lists)
        labs.pop("PERSON")
        cues[s].pop("PERSON", None)
        if not +labs and not +cues[s]:
            del by_surface[s]
            del counts[s]



# words a nationality, a religious or a political group is called by that no ending below gives (or that are census
# names: "German", "Christian", "Roman"); NORP is for these and for demonyms ("Haitian", "Chinese", "Danish")
_GROUP_WORDS = frozenset("""
    catholic christian christianity muslim moslem islam islamic islamist jew jewish judaism hindu hinduism sikh buddhist
    buddhism shiite shia sunni protestant orthodox mormon evangelical baptist methodist lutheran anglican presbyterian
    quaker pentecostal coptic copt druze alawite republican democrat democratic communist socialist conservative
    liberal labour tory tories nazi fascist marxist maoist zionist sandinista contra taliban gypsy gypsies roma fed
    soviet western westerner southern southerner northern northerner eastern easterner latino latina hispanic
    semitic arab greek swiss thai dutch french welsh irish scots scottish basque uzbek kurd serb croat czech turk pole
    dane finn swede inuit maori zulu pashtun tamil bedouin aboriginal aborigine gentile jihadist nationalist loyalist
    unionist separatist royalist german roman filipino filipina philippine slovak slovene tajik kazakh kyrgyz turkmen
    bosniak afrikaner cypriot chechen berber tuareg uighur uyghur hmong polish
""".split())  # fmt: skip
_DEMONYM_END = ("an", "ese", "ish", "ic", "i", "ch")


def _group_shape(s: str) -> bool:
    """A name a group of people is called by: a word of ``_GROUP_WORDS`` or a demonym's ending ("Haitians",
    "Chinese", "Danish", "Islamic", "Iraqi", "French") on its last word or the last part of it ("pro-Nazi",
    "Roman Catholics", "Chinese-Filipino"); not a census name ("Dennis", "Barnes") nor a common English word
    ("Automatic" of "Automatic Updates") by its ending alone."""
    last = _DASH.split(s.split()[-1])[-1]
    w = last.lower()
    one = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    if w in _GROUP_WORDS or one in _GROUP_WORDS:
        return True
    return (w not in _GIVEN_NAMES and w not in _COMMON_WORDS and w not in _SURNAMES and len(one) > 3
            and one.endswith(_DEMONYM_END) and last[:1].isupper() and last[1:].islower())  # fmt: skip


_CAPS_AFTER = re.compile(r"((?:\s+[A-Z][\w'’.-]*){1,3})")


def _groups_in_names(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
                     norp_before: Counter[tuple[str, str]]) -> None:  # fmt: skip
    """NORP mentions that are the first word of a longer name the story tags as something else (in place): "a
    Hawaiian Gardens home" beside "Hawaiian Gardens" (GPE), "directed American Pie" beside "American Pie" (ORG);
    their NORP votes go and the mentions count for the longer name; a name left with none is no entity."""
    for (s, caps), n in norp_before.items():
        words = caps.split()
        for k in range(len(words), 0, -1):
            longer = normalise(f"{s} {' '.join(words[:k])}")
            labs = by_surface.get(longer)
            if labs and _majority_family(labs) not in ("NORP", "PERSON") and by_surface.get(s):
                by_surface[s]["NORP"] -= n
                counts[s] -= n
                counts[longer] += n  # the text there is the longer name
                if by_surface[s]["NORP"] <= 0:
                    del by_surface[s]["NORP"]
                if counts[s] <= 0 or (not +by_surface[s] and not +cues[s]):
                    del by_surface[s]
                    del counts[s]
                break


def _not_groups(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str]) -> None:
    """Names spaCy tagged as a nationality or group (NORP) that have no group's shape (in place): "Telstra",
    "Webcasts", "Dumpster", "Saginaw", "Peavy". Their NORP votes go; a name of the gazetteer gets its label, one
    of the place list (a city or region) a place vote ("Saginaw", "Punjab", "Iloilo"), one word of a person's
    full name in the story a person's ("Peavy" of "Jake Peavy"; not speech alone: "Telstra said" is a
    company's); a name left with no vote at all is no entity ("Webcasts", "Technicolour", "Astrophysicists")."""
    people = {w for s, labs in by_surface.items() if " " in s and _majority_family(labs + cues[s]) == "PERSON"
              for w in s.split()}  # fmt: skip
    for s, labs in list(by_surface.items()):
        if not labs["NORP"] or _majority_family(labs + cues[s]) != "NORP" or _group_shape(s):
            continue
        n = labs.pop("NORP")
        cues[s].pop("NORP", None)
        if s in _GAZETTEER:  # a well-known place or organisation ("Sumatra" LOC)
            cues[s][_GAZETTEER[s]] += counts[s] + n
        elif s in _PLACES:
            cues[s]["GPE"] += counts[s] + n
        elif " " not in s and s in people:
            cues[s]["PERSON"] += counts[s] + n
        if not +labs and not +cues[s]:
            del by_surface[s]
            del counts[s]


def _group_words(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str]) -> None:
    """A people's or faith's word of ``_GROUP_WORDS`` or its plural, whatever spaCy tagged it, is a group (in place):
    "the Croats" (ORG), "father of all Turkmens" (PERSON), "Islam"; not a word of a person's full name in the story,
    a body's or a compass word ("the Fed", "largely Eastern")."""
    people = {w for s, labs in by_surface.items() if " " in s and _majority_family(labs + cues[s]) == "PERSON"
              for w in s.split()}  # fmt: skip
    for s, labs in by_surface.items():
        low = s.lower()
        word = low[:-2] if low.endswith("es") and low[:-2] in _GROUP_WORDS else low[:-1] if low.endswith("s") else low
        if (" " not in s and word in _GROUP_WORDS and word not in _BODY_GROUPS and s not in _GAZETTEER
                and s[:1].isupper() and s not in people and _majority_family(labs + cues[s]) != "NORP"):  # fmt: skip
            cues[s]["NORP"] += 3 * counts[s] + sum(labs.values())


# group words that name a body, a city or a compass point too ("the Fed", "Roma", "largely Eastern")
_BODY_GROUPS = frozenset({"taliban", "fed", "roma", "contra", "western", "eastern", "southern", "northern"})


# a person's noun right before a name ("receptionist Madeline Kafoury", "said 32-year-old protester Paris Kyriakides",
# "free-agent catcher Jason Varitek"): a lower-case word of the speaker nouns' people (groups and firms left out) or
# with a person's ending, and no thing that ends so ("printer", "maker" of "the computer maker Dell" is a company's)
_SPEAKER_NOUNS = stage_data("speaker_nouns.json")
_GROUP_NOUNS = frozenset("""police family team crew staff personnel squad side club band group company firm business
    brand organisation organization association union party campaign committee council court jury couple pair duo trio
    maker makers manufacturer retailer carrier operator provider publisher distributor developer producer
    broadcaster insurer lender supplier jeweler jeweller jewellers designer""".split())  # fmt: skip
_THING_NOUNS = frozenset(_SPEAKER_NOUNS["things"].split()) | frozenset(_SPEAKER_NOUNS["sources"].split())
# (the speakers' list holds bodies and places that speak too: "newspaper", "airline", "university")
_BODY_SPEAKERS = frozenset("""academy administration agency airline alliance army assembly audience authority bank
    battalion board brigade bureau cabinet capital center centre chain channel church city clinic coalition college
    command commission community conference congress consulate country county crowd daily defence defense delegation
    department diocese district editorial electorate embassy federation force fund giant government headquarters
    hospital house institute league lobby magazine majority management media military militia ministry minority
    mission municipality nation navy network newspaper newsroom observatory office opposition outlet palace panel
    paper parliament people platoon population press prosecution province public radio regime regiment region
    restaurant school secretariat senate service shop startup state station store studio television town tv unit
    university vatican village weekly wire""".split())  # fmt: skip
_PERSON_NOUNS = frozenset(_SPEAKER_NOUNS["people"].split()) - _GROUP_NOUNS - _BODY_SPEAKERS
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "eer", "ee", "man", "woman", "ant", "ent")
_TRADE_ENDINGS = ("ician", "ist", "eer", "man", "woman")  # (also as common words: "electrician"; not "center")
_AGE_BEFORE = re.compile(r"\b\d{1,3}\s?-\s?year\s?-\s?old\s+$")
_MODEL_AFTER = re.compile(r"\s+[\w-]*\d")  # "a 25-year-old Boeing 747": a machine's age
_NOUN_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-z][a-z]+)\s+$")
# a shop or a company after a name, a lower-case word between ("the Harry Winston jewellery store", "a Harry Winston
# boutique"): a name of a person's shape is a business's there
_SHOP_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+)?(?:store|stores|boutique|boutiques|shop|shops|jewell?ers|salon|"
                         r"company|firm|chain|brand|label|restaurant|clinic|center|centre|foundation)\b")


# a person's noun in apposition after a name: "Stipe Dorotic, a 38-year electrician from", ", a public sector worker."
_NOUN_APPOSED = re.compile(r",\s+(?:an?|the)\s+(?:[a-z\d][\w'’-]*\s+){0,3}?([a-z]+)(?=\s*[,.;:]|\s+(?:from|of|in|at|"
                           r"for|with|who|and)\b)")


def _person_noun(w: str) -> bool:
    w = w.lower()
    return w not in _GROUP_NOUNS and w not in _THING_NOUNS and w not in _BODY_SPEAKERS and (
        w in _PERSON_NOUNS or (w.endswith(_PERSON_ENDINGS) and len(w) > 5 and w not in _COMMON_WORDS)
        or (w.endswith(_TRADE_ENDINGS) and len(w) > 6))  # "electrician", "technician", "columnist", "fireman"


# a person's country or town after the name: "He won by 23 seconds over Cadel Evans of Australia", "Alberto Contador
# of Spain" (a name of a person's shape only: a body's name holds its place, "Bank of America")
_OF_PLACE_AFTER = re.compile(r"\s+of\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
                             r"(?=\s*[,.;:)]|\s+(?:by|and|in|on|at|with|for|who)\b)")


def _of_place_after(text: str, m: Mention) -> bool:
    hit = _OF_PLACE_AFTER.match(text, m.end)
    return hit is not None and _town(hit.group(1))


def _town(name: str) -> bool:
    return name in _PLACES or _GAZETTEER.get(name) == "GPE"


# a film's kind after the name of its maker: "the new Baz Luhrmann romantic adventure 'Australia'"
_GENRE_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:film|movie|adventure|comedy|drama|thriller|epic|musical|documentary|"
                          r"romance|western|biopic|remake)s?\b")


def _films_maker(name: str) -> bool:
    """Two title-case words, neither a place, a gazetteer name or an organisation's word: a person's name's shape
    ("Baz Luhrmann"; not "Warner Bros", "Walt Disney Pictures", "Paramount Pictures")."""
    words = name.split()
    return (len(words) == 2 and all(re.fullmatch(r"[A-Z][a-z]+", w) and w not in _PLACES and w not in _GAZETTEER
                                    and w.lower() not in _ORG_WORDS for w in words))  # fmt: skip


# initials and a surname: "P.J. Carlesimo", "P.J.Carlesimo", "PJ Carlesimo" (spaCy's ORG; "J.P. Morgan" a bank too)
_INITIALS_NAME = re.compile(r"(?:(?:[A-Z]\.){2,3}\s?|[A-Z]{2}\s)[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")
_TOWN_IN_BRACKETS = re.compile(r"\s*\(([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\)")  # "P.J. Carlesimo (Oklahoma City)"
_TOWNS_OWN = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s\s+$")  # "Oklahoma City's P.J.Carlesimo"


def _initials_of_a_town(text: str, m: Mention) -> bool:
    """A name of initials and a surname with a town beside it, a hometown or a team's: "PJ Carlesimo of Oklahoma
    City", "P.J. Carlesimo (Oklahoma City)", "Oklahoma City's P.J.Carlesimo": a person (a bank named so, "J.P.
    Morgan", takes no town beside it)."""
    if not _INITIALS_NAME.fullmatch(m.text):
        return False
    hits = (_TOWN_IN_BRACKETS.match(text, m.end), _TOWNS_OWN.search(text, max(0, m.start - 40), m.start))
    return _of_place_after(text, m) or any(h is not None and _town(h.group(1)) for h in hits)


def _person_noun_before(text: str, m: Mention) -> bool:
    """A person's noun right before the mention ("receptionist Madeline Kafoury", "Receptionist Madeline Kafoury")
    or in apposition after it ("Stipe Dorotic, a 38-year electrician from eastern Croatia")."""
    hit = _NOUN_BEFORE.search(text, max(0, m.start - 25), m.start)
    after = _NOUN_APPOSED.match(text, m.end, m.end + 80)
    return (hit is not None and _person_noun(hit.group(1))) or (after is not None and _person_noun(after.group(1)))


def _person_name_shape(s: str, lower: set[str]) -> bool:
    """Two or three title-case words, the first a census given name, the last no common word, place, plural (but a
    census surname: "Jones") or body's word of a name ("Madeline Kafoury", "Cesar Maia"; not "Carolina Panthers",
    "Gordon Advisors", "Sierra Nevada", "Royal Oak", "Lee College", "Al Jazeera", "Le Monde")."""
    words = s.split()
    if not 2 <= len(words) <= 3 or s in _GAZETTEER or s in _PLACES:
        return False
    if not all(re.fullmatch(r"[A-Z][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ][a-zà-ÿ]+)?", w) for w in words):
        return False
    first, last = words[0].lower(), words[-1].lower()
    surname = last in _SURNAMES
    return (first in _GIVEN_NAMES and first not in _SURNAME_PARTICLES and last not in _COMMON_WORDS
            and last not in lower and (surname or (_PLURAL.fullmatch(words[-1]) is None and words[-1] not in _PLACES))
            and last not in _BODY_LAST | _ORG_TAILS | _PAPER_NOUNS | _STREET_LAST | _PLACE_HEADS)  # fmt: skip


_UNLISTED_WORD = re.compile(r"[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)?")  # "Yvo", "Paul-Lois", "Kyriakides"


def _unlisted_person_shape(s: str, lower: set[str]) -> bool:
    """A full name like a person's whose first word no census list has ("Yvo de Boer", "Stipe Dorotic", "Matthieu
    Ladagnous", "Paul-Lois Arslanian"): two or three title-case words (a surname's particle between, none first:
    "Le Parisien"), none a common word, a word the story writes in lower case, a place or gazetteer name, or a
    body's, street's, event's or landform's word; the last plural-shaped only when a census surname ("Evans"; not
    "Washington Wizards", "Carolina Panthers")."""
    words = s.split()
    if not 2 <= len(words) <= 4 or s in _GAZETTEER or s in _PLACES or words[0].lower() in _SURNAME_PARTICLES:
        return False
    names = [w for w in words[1:-1] if w.lower() not in _SURNAME_PARTICLES]
    if len(names) > 1 or not all(_UNLISTED_WORD.fullmatch(w) for w in [words[0], *names, words[-1]]):
        return False
    if any(w.lower() in _COMMON_WORDS or w.lower() in lower or w in _PLACES or w in _GAZETTEER
           or w.lower() in _NOT_PERSON_WORDS or w.lower() in _ORG_WORDS or w.lower() in _PAPER_NOUNS
           for w in [words[0], *names, words[-1]]):
        return False
    return words[-1].lower() in _SURNAMES or _PLURAL.fullmatch(words[-1]) is None


def _beside_people(items: list[tuple[str, Mention]], texts: dict[str, str]) -> Counter[str]:
    """Mentions not tagged PERSON that stand in a pair or list right beside a full name tagged PERSON ("Reggie Bush
    and [Julius Jones]", "A.J. Slaughter and [Orlando Mendez-Valdez]"), by surface."""
    by_art: dict[str, list[Mention]] = defaultdict(list)
    for art_id, m in items:
        by_art[art_id].append(m)
    out: Counter[str] = Counter()
    for art_id, ms in by_art.items():
        text = texts.get(art_id)
        ms = sorted((m for m in ms if _exact(m, text)), key=lambda m: m.start)
        for a, b in zip(ms, ms[1:], strict=False):
            if text is None or not _LIST_GAP.fullmatch(text, a.end, b.start) or (a.label == "PERSON") == (
                    b.label == "PERSON"):  # fmt: skip
                continue
            person, other = (a, b) if a.label == "PERSON" else (b, a)
            if " " in person.text.strip():
                out[normalise(other.text)] += 1
    return out


_FIRM_PLURALS = frozenset({"brothers", "sons", "sisters", "partners", "associates"})  # "Warner Brothers"


def _people_named_as_things(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]],
                            roles: dict[str, Counter[str]], titled: Counter[str], noun_before: Counter[str],
                            shop: Counter[str], beside_people: Callable[[], Counter[str]], aged: Counter[str],
                            counts: Counter[str], lower: set[str],
                            sports: Callable[[], bool] = lambda: False) -> None:  # fmt: skip
    """A person's full name the labels outvote (in place): a name of a person's shape (``_person_name_shape``)
    with a role, a title or a person's noun before it ("receptionist Madeline Kafoury", PERSON 2 / ORG 4; "free-agent
    catcher Jason Varitek") or beside a person's full name in a pair or list ("Reggie Bush and Julius Jones"), no
    cue of the context for another kind and no shop's or company's noun after it ("the Harry Winston jewellery
    store", "jeweler Harry Winston") is a person's. spaCy's PERSON on some of its mentions is not enough ("Harry
    Winston" PERSON 5 / FAC 6). So is a one-word name, no common word, place or name of the gazetteer, right after
    an age in half its mentions ("25-year-old Guzel said", "the 46-year-old Chmiel"; not "a 25-year-old Boeing
    747") with no cue for another kind. A name of a census given name and surname named once or twice with no cue
    of the context at all is a person's too ("Do you think Eli Manning should", "Dominique Jones had 11 points";
    not "Warner Brothers"), and in a sports story (``sports``: a team's win-loss record) with a surname no list
    has ("could face Tyson Fury", spaCy's ORG; outside sports "Pearl Harbor", "Royal Caribbean" are no people)."""
    beside: Counter[str] | None = None
    for s, labs in by_surface.items():
        if (not aged[s]) if " " not in s else not (_person_name_shape(s, lower) or _unlisted_person_shape(s, lower)):
            continue
        fam = _majority_family(labs + cues[s])
        if fam == "PERSON" or fam not in ("ORG", "PLACE", "PRODUCT"):
            continue
        if (" " not in s and 2 * aged[s] >= counts[s] and not shop[s] and not +cues[s]
                and re.fullmatch(r"[A-Z][a-zà-ÿ]{2,}", s) and s.lower() not in _COMMON_WORDS
                and s.lower() not in lower and s not in _GAZETTEER and s not in _PLACES):  # fmt: skip
            cues[s]["PERSON"] += sum(labs.values()) + 1
            continue
        listed = _person_name_shape(s, lower)
        if shop[s] or any(n > 0 and lab != "PERSON" for lab, n in cues[s].items()):
            continue
        strong = bool(roles.get(s) or titled[s] or noun_before[s] or aged[s])
        if not listed and not _unlisted_person_shape(s, lower):
            continue
        if beside is None and not strong:
            beside = beside_people()  # (only for a name of a person's shape with no other mark)
        words = s.split()
        if (strong or (beside is not None and beside[s])
                or (listed and len(words) == 2 and words[1].lower() not in _FIRM_PLURALS and counts[s] <= 2
                    and not +cues[s] and (words[1].lower() in _SURNAMES or sports()))):  # fmt: skip
            cues[s]["PERSON"] += sum((labs + cues[s]).values()) + 1  # (a census given name and surname named once
            # or twice with no cue at all for a body: "Do you think Eli Manning should", "Dominique Jones had 11")


# the capitalised words of a newspaper's name spaCy left out: "the Press [Democrat] newspaper reported"
_PAPER_FRONT = re.compile(r"\bthe ((?:[A-Z][\w'’-]+ ){1,3})$")
_PAPER_AFTER = re.compile(r"\s+(?:newspaper|daily|weekly|tabloid)\b")


def _paper_name(text: str | None, m: Mention) -> Mention:
    """A newspaper's name spaCy cut to its last word and tagged as a group or a place ("the Press Democrat
    newspaper": "Democrat" NORP, which would join the Democrats): the whole name, an organisation, when a
    lower-case "the" and capitalised words stand before it and a newspaper noun follows it, or its last word is
    one of a paper's ("the Santa Rosa Herald")."""
    if text is None or m.label not in ("NORP", "GPE", "PERSON", "ORG") or " " in m.text:
        return m
    if text[m.start : m.end] != m.text:
        return m
    front = _PAPER_FRONT.search(text, max(0, m.start - 60), m.start)
    if front is None or not (_PAPER_AFTER.match(text, m.end) or m.text.lower() in _PAPER_NOUNS):
        return m
    start = front.start(1)
    return Mention(start, m.end, text[start : m.end], "ORG")


_QUOTED_AROUND = re.compile(r"[\"“]\s?([^\"“”\n]{1,60}?)[.,!?]?\s?[\"”]")


def _work_parts_out(items: list[tuple[str, Mention]], texts: dict[str, str]) -> list[tuple[str, Mention]]:
    """Mentions inside a quoted title that the story names as a work (spaCy's WORK_OF_ART elsewhere) go:
    'films like "The Prestige" and "Kate and Leopold."' tags "Kate" and "Leopold" as people."""
    works = {fold(m.text) for _a, m in items if m.label == "WORK_OF_ART"}
    if not works:
        return items
    titles: dict[str, list[tuple[int, int]]] = {}  # article -> spans of its quoted texts that are works' names
    out = []
    for a, m in items:
        text = texts.get(a)
        if m.label != "WORK_OF_ART" and text is not None and text[m.start : m.end] == m.text:
            if a not in titles:
                titles[a] = [(q.start(1), q.end(1)) for q in _QUOTED_AROUND.finditer(text)
                             if fold(q.group(1)) in works]  # fmt: skip
            if any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in titles[a]):
                continue
        out.append((a, m))
    return out


def _paper_names(items: list[tuple[str, Mention]], texts: dict[str, str]) -> list[tuple[str, Mention]]:
    """The mentions with newspapers' names made whole (``_paper_name``), the mentions of their parts gone
    ("the Press" ORG beside "Democrat" NORP)."""
    out = [(a, _paper_name(texts.get(a), m)) for a, m in items]
    grown = {(a, m.start, m.end) for (a, m), (_a, m0) in zip(out, items, strict=True) if m is not m0}
    if not grown:
        return out
    return [(a, m) for a, m in out if (a, m.start, m.end) in grown
            or not any(a == g and s <= m.start and m.end <= e for g, s, e in grown)]  # fmt: skip


def _shapeless(words: list[str], titled: int, pronoun: int, count: int) -> bool:
    """A name with none of a person's marks: no word a census given name or surname, no title, no pronoun after
    a third of its mentions."""
    return not titled and 3 * pronoun < count and not any(w.lower() in _GIVEN_NAMES | _SURNAMES for w in words)


def _thing_votes(labs: Counter[str], cues: Counter[str]) -> int:
    """spaCy's labels and the context's votes for an organisation or a product ("Firefox users", "Firefox 3.05")."""
    return sum(n for lab, n in (labs + cues).items() if lab in ("ORG", "PRODUCT"))


def _majority_family(labels: Counter[str]) -> str:
    fams: Counter[str] = Counter()
    for lab, n in labels.items():
        fams[_family(lab)] += n
    first = list(fams)
    return max(fams, key=lambda f: (fams[f], -first.index(f)))  # a tie goes to the first seen


# ship prefixes and words: "INS Sukanya", "Warship INS Mysore", "MV Gibe", "USS Cole" are vessels
_VESSEL_WORDS = frozenset("ins uss hms mv rms hmas hmcs hmnzs usns fs nrp tcg kri pns bns slns ccgs cgc rfa "
                          "warship frigate destroyer corvette submarine tanker freighter trawler".split())  # fmt: skip


def _vessel(c: _Cluster) -> bool:
    """The entity is named with a ship prefix ("INS Mysore", "Warship INS Sukanya") and its other names
    are the ends of those ("Mysore", "Sukanya"): spaCy tags such names as people or places."""
    prefixed = [v.split() for v in c.surfaces if len(v.split()) > 1 and v.split()[0].lower() in _VESSEL_WORDS]
    if not prefixed:
        return False
    ends = {" ".join(w[i:]).lower() for w in prefixed for i in range(1, len(w))}
    return all(v.lower() in ends or v.split()[0].lower() in _VESSEL_WORDS for v in c.surfaces)


def _label(c: _Cluster) -> str:
    """The entity's label: the family with most votes over all its mentions (spaCy's labels plus
    context cues), then the most common label in that family; VESSEL (newsweave's own label) for a
    ship, whatever spaCy tagged its mentions."""
    if _vessel(c):
        return "VESSEL"
    fam = _majority_family(c.labels)
    legal = any(len(w := v.split()) > 1 and w[-1].lower().rstrip(".") in _LEGAL_FORMS for v in c.surfaces)
    if fam == "PERSON" and legal and not any(_known_given(v.split()[0]) for v in c.surfaces):
        return "ORG"  # "Reliance Globalcom Ltd." (and "Reliance", spaCy's PERSON): a company
    inside = [(n, lab) for lab, n in c.labels.items() if _family(lab) == fam]
    return max(inside)[1]


# Evidence before a name is listed under Organisations (round 4). spaCy tags ORG on many names of other kinds
# (teams are organisations here; products, events, works, headings, pieces of names, people and small places
# are not): an ORG entity keeps its label only when something supports it, else it takes a kind it has
# votes for or is a plain name ("OTHER").
_ORG_WHY: dict[str, str | None] | None = None  # set to a dict to collect each ORG entity's support (the audit)
# an organisation's context: who speaks or works for it, what it does
_ORG_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|representatives?|statement|executives?|chief|head|director|"
    r"president|chairman|chairwoman|founder|members?|employees?|staff|workers?|analysts?|researchers?|professor|"
    r"lawyers?|attorneys?|editor|reporters?|correspondent|CEO)\s+(?:for|at|with|of|from)\s+(?:the\s+)?$|"
    r"\b(?:joined|join|joins|joining|according\s+to|funded\s+by|owned\s+by|run\s+by|operated\s+by|"
    r"published\s+by|reported\s+by|founded|agreement\s+with|deal\s+with|contract\s+with|told|tells)\s+"
    r"(?:the\s+)?$", re.I)
_ORG_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:said\s+in\s+a\s+statement|spokes(?:man|woman|person)|officials?|executives?|"
    r"chief\s+executive|CEO|chairman|chairwoman|president|board|headquarters|employees|staff|members|"
    r"shareholders|subsidiary|reported|reports|announced|issued|news\s+agency|newspaper|website|web\s+site|"
    r"report|statement|police|forces|troops|officers|agents|team|leader|leaders|boss|bosses)\b|"
    r"\s+(?:(?:has|have|had)\s+(?:also\s+|now\s+|just\s+)?)?(?:released|issued|announced|confirmed|ordered|launched|"
    r"filed|claimed\s+responsibility|hired|fired|signed|acquired|sued|estimated|denied|employs|"
    r"manufactures|makes|sells|publishes|broadcasts|operates)\b")


# "The White House compared", "the Pentagon has also ordered": a name after "the" that acts (people take no "the")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_ACTS_AFTER = re.compile(r"(?:\s+(?:only|however|also|now|then|later|still|has|have|had|is|was|will|would|could|"
                         r"may|did|been))*\s+(?:said|says|saying|told|tells|asked|added|warned|warns|compared|decided|"
                         r"agreed|refused|admitted|insisted|insists|argued|argues|urged|urges|called|calls|plans|"
                         r"planned|wants|wanted|announced|announces|confirmed|confirms|released|issued|ordered|"
                         r"launched|reported|reports|denied|denies|declined|expects|expected|claims|claimed|responded|"
                         r"accused|accuses|approved|rejected)\b")


# a lower-case noun of a body right before its name ("cruise operator Hapag-Lloyd", "a Chinese security firm,
# Knowsec,", "its affiliate, American Eagle", "The U.S. internet news site Salon")
_BODY_NOUN_BEFORE = re.compile(r"\b(?:company|firm|operator|maker|manufacturer|giant|group|insurer|lender|bank|"
                               r"carrier|airline|retailer|chain|broker|agency|network|station|provider|organi[sz]ation|"
                               r"charity|club|newspaper|magazine|daily|website|site|studio|label|publisher|affiliate|"
                               r"subsidiary|rival|venture|consultancy|startup|conglomerate)\s*,?\s+(?:the\s+)?$")
# who works for it or talks to it: "a consultant ... at A.T. Kearney", "an interview with People", "who runs X"
_WORKS_FOR_BEFORE = re.compile(r"\b(?:consultant|economist|strategist|partner|adviser|advisor)\b[^.;]{0,40}\b"
                               r"(?:at|for|with)\s+$|\b(?:interview\s+with|interviewed\s+by|who\s+runs|runs)\s+$")
# a maker's product by name ("Google's Chrome"), a college's or a club's game ("a Georgia Tech football game")
_MAKERS_OR_GAME_AFTER = re.compile(r"['’]s\s+[A-Z][a-z]+\b|\s+(?:football|basketball|baseball|hockey|soccer|rugby|"
                                   r"athletic|athletics)\b")
_CALL_SIGN = re.compile(r"[A-Z]{3,4}-(?:FM|AM|TV|DT)")  # a station: "WWUS-FM"
# a maker before its model's name: "a silver Toyota Camry" ("Camry" no word of the name)
_MAKER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their)\s+(?:[a-z]+\s+)?$")
_MODEL_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b(?! [A-Z])")


def _org_context(text: str, m: Mention) -> bool:
    """A mention spaCy tagged ORG stands where organisations stand: "a spokesman for the FAA", "analyst
    at Lumension", "according to the Philadelphia Inquirer", "Kraft officials", "the Post reported"."""
    return (_ORG_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
            or _ORG_AFTER.match(text, m.end) is not None
            or _MEDIUM_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
            or _MEDIA_AFTER.match(text, m.end) is not None or _BUSINESS_AFTER.match(text, m.end) is not None
            or _SERVICE_AFTER.match(text, m.end) is not None
            or _EMPLOYER_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
            or (_THE_BEFORE.search(text, max(0, m.start - 4), m.start) is not None
                and _ACTS_AFTER.match(text, m.end) is not None)
            or _STAKE_IN.search(text, max(0, m.start - 30), m.start) is not None
            or _BODY_NOUN_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
            or _WORKS_FOR_BEFORE.search(text, max(0, m.start - 70), m.start) is not None
            or _MAKERS_OR_GAME_AFTER.match(text, m.end) is not None
            or (_MAKER_BEFORE.search(text, max(0, m.start - 24), m.start) is not None
                and _MODEL_NAME_AFTER.match(text, m.end) is not None))  # fmt: skip


_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}|[A-Z]{2,4}&[A-Z]{1,2}")


def _org_support(c: _Cluster, read: dict[str, list[tuple[str, Mention]]], cues: dict[str, Counter[str]],
                 org_arts: dict[str, set[str]], lower: set[str], sports: Callable[[], bool],
                 people: set[str]) -> str | None:
    """What supports an ORG entity being an organisation (the first found), or None. ``people``: the single
    words spaCy tags PERSON somewhere in the story (surnames named alone)."""
    for v in c.surfaces:
        words = [w.lower().strip(".,’'") for w in re.split(r"[\s-]+", v)]
        if (any(w in _ORG_WORDS for w in words) or _GAZETTEER_FOLDED.get(v.lower()) == "ORG"
                or v.lower() in _WIRES or words[-1] == "house" and len(words) <= 2 or _GROUP_OF.match(v)
                or _CALL_SIGN.fullmatch(v)):  # fmt: skip
            return "shape"  # "Taunton Crown Court", "University of Brasilia", "Nato", "the House", "White House"
        if "&" in v or (len(words) > 1 and (words[-1] in ("state", "tech", "today") and " ".join(
                v.split()[:-1]) in _PLACES | _GAZETTEER.keys() or _GAZETTEER_ORG_INSIDE.search(v))):  # fmt: skip
            return "shape"  # "Pratt & Whitney", "Ohio State", "Georgia Tech", "USA Today", "American Red Cross"
    if any(cues[v]["ORG"] or any(_org_context(t, m) for t, m in read[v]) for v in c.surfaces):
        return "context"  # (and the context votes: "announced on Twitter", "Cybersmart posted on its website")
    if any(_ACRONYM.fullmatch(v) and any(re.match(r"\s+[A-Z]{2,}\b", t[m.end : m.end + 12]) is None
                                         for t, m in read[v]) for v in c.surfaces):  # fmt: skip
        return "acronym"  # "the SEC", "CNN says", "an NFL award"; not "SAO PAULO"
    if any(_WEB_OR_CAMEL.fullmatch(v) and not v.startswith(("Mc", "Mac")) for v in c.surfaces):
        return "web or camel case"  # "SI.com", "eBay", "BlackBerry"
    if any(_speaks_as_person(v, read, lower) for v in c.surfaces):
        return None  # "“But I couldn't stop smiling,” Jahenns Manigat said" (spaCy's ORG, no support of a shape)
    for v in c.surfaces:
        words = v.split()
        if len(words) == 1 and _PLURAL.fullmatch(v) and any(
                _THE_BEFORE.search(t, max(0, m.start - 4), m.start) for t, m in read[v]):  # fmt: skip
            return "team"  # "the Steelers"
        folded = [w.lower().strip(".’'") for w in words]
        if (len(words) < 2 or "," in v or folded[-1] in ("and", "of", "the", "(")
                or any(w in _STREET_FIRST | _STREET_LAST | _AWARD_WORDS for w in folded)):  # fmt: skip
            continue  # "High Street in Banstead", "Allegro Resort Bavaro", "Medal of Valor"
        if (_PLURAL.fullmatch(words[-1]) and not folded[-1].endswith("ss") and " ".join(words[-2:]) not in _PLACES
                and not _unlisted_full_name(v, lower) and not _speaks_alone(words[-1], read)):  # fmt: skip
            return "team"  # "New England Patriots", "Scarlet Knights"; not "I.R. New Orleans", "Cadel Evans", nor
            # a surname of a plural's shape that speaks alone: "Paris Kyriakides" ... '"...," Kyriakides said'"
        if (not any(_known_given(w) and w.lower() not in _PARTICLES for w in words[:-1])
                and not _named_by_surname(v, people, lower) and not _titled_person(v)
                and folded[-1] not in _COMMON_WORDS
                and folded[-1] not in lower and not (len(words) <= 3 and folded[-1] in _SURNAMES)):  # fmt: skip
            return "name"  # "Cosa Nostra", "Cebu Pacific"; not "Federal Register", "Fox Mulder", "Panthers Reggie Bush"
    if any(" " in v for v in c.surfaces) and all(_reads_as_person(v, people, lower) for v in c.surfaces if " " in v):
        return None  # "Lennox Lewis", "T.Y. Hilton": spaCy's ORG in two articles or a sports story is no support
    if len(set().union(*(org_arts.get(v, set()) for v in c.surfaces))) >= 2:
        return "articles"
    if _SPORTS and _family(max((n, lab) for lab, n in c.labels.items())[1]) == "ORG" and sports():
        return "sports"
    return None


_SPORTS = True


def _speaks_alone(word: str, read: dict[str, list[tuple[str, Mention]]]) -> bool:
    """The word, named alone, speaks ("Kyriakides said"), no "the" before it (a team's "the Steelers said")."""
    return any(_SPEECH_AFTER.match(t, m.end) and not _THE_BEFORE.search(t, max(0, m.start - 4), m.start)
               for t, m in read.get(word, ()))  # fmt: skip


_SURNAME_SHAPE = re.compile(r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?")  # "Lewis", "O'Brien", "Jones-Drew"


def _reads_as_person(v: str, people: set[str], lower: set[str]) -> bool:
    """A name that reads as a person's whatever spaCy tagged it ("Philip Pullman", "T.Y. Hilton", "Lennox Lewis",
    "Pope Pius XII", "Cadel Evans"): ``_full_person_name``, ``_named_by_surname``, ``_titled_person`` or
    ``_unlisted_full_name``."""
    return (_full_person_name(v) or _named_by_surname(v, people, lower) or _titled_person(v)
            or _unlisted_full_name(v, lower))


def _unlisted_full_name(v: str, lower: set[str]) -> bool:
    """Two words of a person's shape (``_unlisted_person_shape``), the first no given name or surname of the lists
    (two surnames name firms: "Smith Barney"), no group's word, the last a census surname, no firm's plural:
    "Cadel Evans" (spaCy's ORG, "Evans" a plural's shape)."""
    w = v.split()
    return (len(w) == 2 and w[-1].lower() in _SURNAMES - _FIRM_PLURALS and w[0].lower() not in _GIVEN_NAMES | _SURNAMES
            and not _group_shape(w[0]) and _unlisted_person_shape(v, lower))  # fmt: skip


def _full_person_name(v: str) -> bool:
    """Two or three words that read as a person's full name: a given name of the list or initials first, a surname
    of the list last, no place's or organisation's word ("Lennox Lewis", "T.Y. Hilton", "Philip Pullman"; not
    "Cosa Nostra", "Georgia Tech", "Boston College")."""
    w = v.split()
    return (2 <= len(w) <= 3 and _known_given(w[0]) and w[0].lower().rstrip(".") not in HONORIFICS
            and _SURNAME_SHAPE.fullmatch(w[-1]) is not None
            and w[-1].lower() in _SURNAMES and not any(x in _PLACES or x in _GAZETTEER for x in w)
            and not any(x.lower().strip(".,") in _ORG_WORDS for x in w))  # fmt: skip
_AWARD_WORDS = frozenset({"medal", "award", "awards", "prize", "trophy", "fellow", "fellowship"})
_WEB_OR_CAMEL = re.compile(r"[\w-]+\.(?:com|net|org|co\.uk)|[a-z]?[A-Z]?[a-z]+[A-Z][a-z]+[A-Za-z]*")


_PERSON_TITLES = HONORIFICS | _KNOWN_BY | frozenset(
    "professor prof president senator sen governor gov mayor judge".split())
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[IVX]+|(?:[A-Z]\.){1,3}")


def _titled_person(v: str) -> bool:
    """A person's title, then a name of one to three words and no body's or place's word: "Pope Pius XII",
    "Professor Varoufakis" (spaCy's ORG); not "Prince of Wales Hospital", "King County", "President Hotel"."""
    w = v.split()
    return (2 <= len(w) <= 4 and w[0].lower().rstrip(".") in _PERSON_TITLES
            and all(_NAME_WORD.fullmatch(x) for x in w[1:]) and w[-1] not in _PLACES and v not in _GAZETTEER
            and not any(x.lower().strip(".,") in _ORG_WORDS | _STREET_LAST | _PLACE_HEAD_WORDS
                        for x in w[1:]))  # fmt: skip


def _named_by_surname(v: str, people: set[str], lower: set[str]) -> bool:
    """Two title-case words whose second spaCy tags PERSON alone elsewhere in the story and is no place, the first
    no common word or organisation's word (a town's name may be a given name: "Lennox", "Paris"): a person's full
    name whose given name the list lacks ("Lennox Lewis" beside "Lewis agreed"; not "Lennox International",
    "Goldman Sachs" without a "Sachs" named as a person)."""
    w = v.split()
    return (2 <= len(w) <= 3 and w[-1] in people and _SURNAME_SHAPE.fullmatch(w[-1]) is not None
            and all(_GIVEN_SHAPE.fullmatch(x) for x in w[:-1])
            and not any(x.lower() in lower or x.lower() in _COMMON_WORDS for x in w[:-1])
            and w[-1] not in _PLACES and not any(x in _GAZETTEER or x.lower() in _ORG_WORDS for x in w))  # fmt: skip


_GIVEN_SHAPE = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|(?:[A-Z]\.){1,3}|[A-Z]{2}")  # "Paul-Lois", "P.J.", "CC"


def surnames_of(clusters: list[_Cluster], labels: dict[int, str]) -> set[str]:
    """The last words of the full names of the story's people (two words or more, title-case)."""
    return {v.split()[-1] for c in clusters if labels[id(c)] == "PERSON" for v in c.surfaces
            if " " in v and _SURNAME_SHAPE.fullmatch(v.split()[-1])}  # fmt: skip


_QUOTE_CLOSED_BEFORE = re.compile(r"[,?!]\s*[\"”]\s*$")  # '... a little more optimism," Paul-Lois Arslanian, the'


def _speaks_as_person(v: str, read: dict[str, list[tuple[str, Mention]]], lower: set[str]) -> bool:
    """A full name of a person's shape whose list lacks its given name (``_unlisted_person_shape``) that speaks:
    "... said" after it, or right after a quotation it closes ('optimism," Paul-Lois Arslanian, the leader')."""
    return _unlisted_person_shape(v, lower) and any(
        _SPEECH_AFTER.match(t, m.end) or _QUOTE_CLOSED_BEFORE.search(t, max(0, m.start - 6), m.start)
        for t, m in read.get(v, ()))  # fmt: skip


def _unsupported_org(c: _Cluster, speaks: Counter[str], people: set[str], lower: set[str],
                     surnames: AbstractSet[str] = frozenset(),
                     read: dict[str, list[tuple[str, Mention]]] | None = None) -> str:
    """The label of an ORG entity nothing supports: the kind of its other votes; a person when it speaks
    ("Kyrtsos said", "her first name, Veatriki, said"): no organisation's support, so no company speaking; or when
    it is one word, the surname of the story's people (``surnames``: two bear it, so it joined neither); a place
    of the place list; a street or building by its words; else a plain name ("OTHER")."""
    person = any(speaks[v] for v in c.surfaces) and all(
        len(v.split()) <= 3 and "-" not in v and not any(w in _PLACES or w in _GAZETTEER for w in v.split())
        for v in c.surfaces)  # fmt: skip (not "Scotland Yard says", "Hapag-Lloyd said")
    person = person or any(_reads_as_person(v, people, lower) or _speaks_as_person(v, read or {}, lower)
                           for v in c.surfaces)  # fmt: skip
    # a person's surname alone, when two people of the story bear it and the text does not say which: "Tanweer"
    person = person or all(" " not in v and v in surnames and v.lower() not in lower for v in c.surfaces)
    other = Counter({lab: n for lab, n in c.labels.items()
                     if _family(lab) not in ("ORG", "NORP") and (lab != "PERSON" or person)})  # fmt: skip
    if other:  # (a person's votes count with a person's mark only: not "Euro", "Outlook", "Sirius Star")
        return max((n, lab) for lab, n in other.items())[1]
    if person:
        return "PERSON"
    if any(v in _PLACES for v in c.surfaces):
        return "GPE"
    if any(w.lower().strip(".,") in _STREET_FIRST | _STREET_LAST for v in c.surfaces for w in re.split(r"[\s-]+", v)):
        return "FAC"
    return "OTHER"


# Evidence before a name is listed under Places (round 1). spaCy tags GPE on common words ("largely Eastern",
# "Tsunami Aid organizations", "Tributes") and on companies ("Verizon", "Valley Dairy"): a GPE entity no place list
# knows, that no mention puts in a place's context, leaves Places when its name is a common word (OTHER) or has a
# company's word or context (ORG).
_PLACE_HEAD_WORDS = frozenset({"city", "province", "county", "district", "region", "state", "island", "islands",
                               "valley", "township", "prefecture", "department", "municipality"})  # fmt: skip
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+(?:the\s+)?$|(?:\b\d{1,3},?|,)\s+of\s+$|\b[A-Z][a-z]+,\s+$")  # "Redmond, Wash."
# words of bodies' names that places' names have too ("Soviet Union", "Bristol County District")
_PLACE_BODY_WORDS = frozenset({"union", "federation", "republic", "state", "states", "kingdom", "city", "county",
                               "district", "commonwealth", "territory", "council", "authority"})  # fmt: skip
_PLACE_AFTER = re.compile(r",\s+([A-Z][a-z]*(?:\.|\s+[A-Z][a-z]+\b|\b)|(?:[A-Z]\.){2})")  # "Dexter, Michigan", "Ill."


def _known_place(v: str) -> bool:
    """A name of the place list or the gazetteer's places, or one with a place's head after it ("Elblag province")."""
    f = v[4:] if v.lower().startswith("the ") else v
    words = f.split()
    return any(x in _PLACES or _GAZETTEER_DATA["names"].get(x) in ("GPE", "LOC")
               for x in (f, " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _PLACE_HEAD_WORDS else ""))


def _place_context(t: str, m: Mention) -> bool:
    """A mention stands where places stand: "near Nice", "from Naples", "Chohan, 59, of College Point", "Dexter,
    Michigan", "Redmond, Wash.", "the Old Tappan police force"."""
    return (_PLACE_PREPS.search(t, max(0, m.start - 30), m.start) is not None
            or _FROM_BEFORE.search(t, max(0, m.start - 16), m.start) is not None
            or _TOWN_AFTER.match(t, m.end) is not None
            or ((a := _PLACE_AFTER.match(t, m.end)) is not None
                and (a.group(1).endswith(".") or _known_place(a.group(1)) or _known_place(a.group(1).split()[0]))))


def _unsupported_place(c: _Cluster, read: dict[str, list[tuple[str, Mention]]], lower: set[str]) -> str | None:
    """The label of a GPE entity with no place's support: OTHER for a one-word name the story (or the common words'
    list) writes in lower case ("Eastern", "Tsunami"), ORG for a name with a company's word or context ("Valley
    Dairy", "Etisalat's network"); None (it stays GPE) for any other, a known place, or one in a place's context."""
    if any(_place_context(t, m) for v in c.surfaces for t, m in read[v]):
        return None
    if all(" " not in v and (v.lower() in lower or v.lower() in _COMMON_WORDS) and v.lower() not in _GAZETTEER_FOLDED
           for v in c.surfaces):
        return "OTHER"
    if any(_known_place(v) for v in c.surfaces):
        return None
    if all(_person_shaped(v, lower) and v.split()[0].lower() in _GIVEN_NAMES
           and v.split()[-1].lower() not in _LANDFORMS | _PLACE_HEAD_WORDS for v in c.surfaces):
        return "PERSON"  # a given name of the list and a surname: "Andreas Klöden", "Anquan Boldin"
    words = {w.lower().strip(".,’'") for v in c.surfaces for w in re.split(r"[\s-]+", v)}
    if (words & (_ORG_WORDS - _PLACE_BODY_WORDS) or any(_org_context(t, m) for v in c.surfaces for t, m in read[v])
            or any(_WEB_OR_CAMEL.fullmatch(v) and not v.startswith(("Mc", "Mac", "De", "La", "Le", "Du"))
                   for v in c.surfaces)):  # fmt: skip
        return "ORG"  # (and a web name or camel case: "SysAdmin", "NY1.com")
    return None


# a team's win-loss record after its name, spaced as the stream writes it too: "Creighton (25 - 7) will play"
_RECORD_AFTER = re.compile(r"\s*\(\d{1,2}\s?-\s?\d{1,2}[,)]")


def _team_named_as_place(c: _Cluster, read: dict[str, list[tuple[str, Mention]]]) -> bool:
    """A place's entity that is a team or its school (for a sports story): no name of the place list or the
    gazetteer, and a school's last word ("Illinois State", "Virginia Tech") or a team's mark after a mention (a
    win-loss record, a score: "Creighton (25 - 7) will play", "put Creighton up 47 - 42") or a result before it
    ("a win over South Florida"). A town of the list keeps its place ("Evansville", "Louisville")."""
    if any(v in _PLACES or v in _GAZETTEER for v in c.surfaces):
        return False
    if any(v.split()[-1].lower() in _SCHOOL_LAST for v in c.surfaces if " " in v):
        return True
    return any(_RECORD_AFTER.match(t, m.end) or _TEAM_AFTER.match(t, m.end)
               or _TEAM_BEFORE.search(t, max(0, m.start - 40), m.start) for v in c.surfaces for t, m in read[v])


# a team's marks around a town's name in a sports story: a rival's verb before it ("carries against Oakland", "vs.
# Utah"), a score line ("Indianapolis 31, Jacksonville 24"); not a win-loss record after it, which a town of the
# place list may carry as its school ("meets Evansville (20 - 13)": kept a place, as round 1 chose)
_RIVAL_BARE_BEFORE = re.compile(r"\b(?:against|vs\.?|versus|beat|beats|beating|defeated|edged|routed|host|hosts)\s+$")
_SCORE_AFTER = re.compile(r"\s+\d{1,3}\s?(?:,\s+[A-Z]|-\s?\d{1,3}\b)")
_SCORE_BEFORE = re.compile(r"[A-Z][\w.'’]*\s+\d{1,3},\s+$")


def _town_in_score_lines(c: _Cluster, read: dict[str, list[tuple[str, Mention]]]) -> bool:
    """A place whose mentions carry a team's mark in two thirds of them or more, and a place's context in at most
    a third, is a team (for a sports story): the town named for its team in score lines and results."""
    seen = [(t, m) for v in c.surfaces for t, m in read[v]]
    marked = sum(_RIVAL_BARE_BEFORE.search(t, max(0, m.start - 12), m.start) is not None
                 or _SCORE_AFTER.match(t, m.end) is not None
                 or _SCORE_BEFORE.search(t, max(0, m.start - 30), m.start) is not None for t, m in seen)
    placed = sum(_place_context(t, m) for t, m in seen)
    return bool(seen) and 3 * marked >= 2 * len(seen) and 3 * placed <= len(seen)


def _team_town(v: str) -> str | None:
    """The town of a team's full name, a town's capitalised words and a plural ("Washington Nationals", "Detroit
    Pistons"); None for a paper's or a body's name ("Los Angeles Times", "U.S. Customs")."""
    head, _sep, last = v.rpartition(" ")
    if (not head or _TEAM_PLURAL.fullmatch(last) is None or _CAPITALISED_WORDS.fullmatch(head) is None
            or head.startswith("the ") or last.lower() in _PLACE_PLURALS | _PAPER_NOUNS | _BODY_LAST | _FIRM_PLURALS):
        return None
    return head


def _town_named_for_its_team(c: _Cluster, read: dict[str, list[tuple[str, Mention]]], towns: set[str]) -> bool:
    """A town whose team the story names in full ("Washington Nationals") is the team when no more than a third of
    its mentions stand where places stand: "Washington and Baltimore have expressed interest in Teixeira", "a deal
    with Washington" (spaCy's GPE); not "in Washington", "Seattle, Washington", "Washington police"."""
    if not all(v in towns for v in c.surfaces):
        return False
    seen = [(t, m) for v in c.surfaces for t, m in read[v]]
    placed = sum(_place_context(t, m) or _AT_BEFORE.search(t, max(0, m.start - 12), m.start) is not None
                 for t, m in seen)  # fmt: skip
    return bool(seen) and 3 * placed <= len(seen)


# name particles that open a surname written alone ("Van Rompuy", "da Silva", "La Croix", "Del Rio")
_SURNAME_PARTICLES = _PARTICLES | frozenset({"le", "di", "du", "dos", "das", "van der", "van den", "de la", "st",
                                              "lo", "li", "della", "dello", "delle", "degli", "dei", "dal", "dalla",
                                              "de los", "de las", "van de", "von der", "ter", "ten"})  # fmt: skip


def _particle_surname(s: str) -> bool:
    """A surname with a name particle in front, written alone: "Van Rompuy", "da Silva", "Del Rio", "Lo
    Presti" (not a known place: "La Paz")."""
    words = s.split()
    return (len(words) in (2, 3) and " ".join(words[:-1]).lower() in _SURNAME_PARTICLES and words[-1][:1].isupper()
            and words[-1][1:].islower() and s not in _GAZETTEER)  # fmt: skip


def _surname_owner(s: str, clusters: list[_Cluster], fam: str,
                   seen_in: AbstractSet[str] = frozenset()) -> _Cluster | None:  # fmt: skip
    """The person cluster whose full name ends with this single word, or with this surname and its
    particle ("Van Rompuy" for "Herman Van Rompuy"): the one named in more of the articles ``seen_in`` that
    write the surname, then the most mentioned one; none when two tie and neither is named in those articles
    ("Mr Blair", in an article naming neither "Ian Blair" nor "Tony Blair", each named once). A surname's
    plural is the
    family, not the person ("the Cullens", "the Mitchells"). A well-known place or organisation that is
    no one's name (the gazetteer's unambiguous names) is no surname: "Egypt", 72 times a place, is not the
    surname of "Etisalat Egypt" (a company spaCy read as a person once)."""
    if fam != "PERSON" and _GAZETTEER.get(s, "PERSON") != "PERSON":
        return None
    best, best_n, tie = None, (0, 0), False
    f = fold(s)
    k = len(s.split())
    # a word that is the first name of a full name in the story is a surname only as written: "Bella" (of "Bella
    # Swan") is not a slip of Kristen Bell's surname
    given = k == 1 and any(fold(v.split()[0]) == f for c in clusters if c.family == "PERSON" for v in c.surfaces
                           if len(v.split()) > 1)  # fmt: skip
    for c in clusters:
        if c.family != "PERSON" or fam not in ("PERSON", "ORG", "PLACE"):
            continue
        for v in c.surfaces:
            parts = v.split()
            if k > 1:
                fits = len(parts) > k and fold(" ".join(parts[-k:])) == f and parts[-k - 1][:1].isupper()
            else:
                fits = (len(parts) > 1 and (fold(parts[-1]) == f if given else similar(parts[-1], s))
                        and not _plural_of(f, fold(parts[-1])))  # fmt: skip
            if fits:  # the person named in the surname's articles first, then the most mentioned
                n = (len(c.articles & seen_in), sum(c.surfaces.values()))
                if n > best_n:
                    best, best_n, tie = c, n, False
                elif n == best_n and not n[0]:
                    tie = True  # two people of the surname, neither in its articles: "Ian Blair", "Tony Blair"
                break
    return None if tie else best


_KIN_AFTER = re.compile(r"(?:['’]s)?\s+(?:crime\s+)?(?:family|families|clan|brothers|sisters|dynasty)\b", re.I)


def _odd_label_surname_owner(s: str, clusters: list[_Cluster], fam: str, kin: set[str],
                             texts: dict[str, str]) -> _Cluster | None:
    """A surname spaCy read as a nationality or a product ("Klitschko" NORP, 96 times in a boxing story;
    "Arians said", "Crystal's jokes" PRODUCT) is the only person of the story whose full name ends with
    it. Not a plural whose singular the story writes ("Serbs" / "Serb", of "Orthodox Serbs"), not a name
    followed by "family" or "clan" (the "Genovese crime family"), not when two people have that surname."""
    if fam not in ("NORP", "PRODUCT") or s in kin or not s[:1].isupper() or s.isupper() or len(s) < 3:
        return None
    if s.endswith("s") and any(re.search(rf"\b{re.escape(s[:-1])}\b", t) for t in texts.values()):
        return None
    f = fold(s)
    hits = [c for c in clusters if c.family == "PERSON"
            and any(len(v.split()) > 1 and fold(v.split()[-1]) == f and v.split()[0][:1].isupper() for v in c.surfaces)]
    return hits[0] if len(hits) == 1 else None


def _plural_of(f: str, last: str) -> bool:
    """Folded ``f`` is the plural of the folded surname ``last`` ("cullens" / "cullen")."""
    return f != last and f in (last + "s", last + "es")


# a one-word name then a capitalised word, maybe with a one-word nickname in between: 'Adam "Pacman" Jones'
# (the last word of the run counts: "Duncan Robert Rait" is Duncan Rait)
_NEXT_NAME = re.compile(r"""[ \t]+(?:["“'(][A-Za-z][\w.'-]*["”')][ \t]+)?((?:[A-Z](?:\.|[\w'’-]+)[ \t]+)*"""
                        r"""[A-Z][\w'’-]+)""")


def _cut_surnames(items: list[tuple[str, Mention]], texts: dict[str, str], counts: Counter[str]) -> dict[str, set[str]]:
    """For each one-word name, the capitalised words right after its mentions in the text: a surname spaCy
    cut off ('Adam "Pacman" Jones' tagged "Adam"); no month, day, title or word the story writes in lower
    case."""
    out: dict[str, set[str]] = defaultdict(set)
    lower: set[str] | None = None
    for art_id, m in items:
        s = normalise(m.text)
        if " " in s or s not in counts:
            continue
        text = texts.get(art_id)
        if text is None or text[m.start : m.end] != m.text or not (nx := _NEXT_NAME.match(text, m.end)):
            continue
        if lower is None:
            lower = _lower_words(texts)
        w = re.sub(r"['’]s?$", "", nx.group(1).split()[-1])
        if w and _given_name(w, lower) and not w.isupper():
            out[s].add(fold(w))
    return out


def _short_form_owner(s: str, clusters: list[_Cluster], fam: str, cut: set[str] | None = None) -> _Cluster | None:
    """The only person in the story whose name has this word as a name part ("Ban" in "Ban Ki-moon",
    "Mayo" in "Iban Mayo" labelled otherwise) or as the start of its last name ("Vino" for
    "Vinokourov", four letters at least). None when no or several people fit. A first name is no part of
    a person when a mention of it runs into another capitalised word that is no part of that person's
    name (``cut``: 'Adam "Pacman" Jones' is not Adam Vinatieri)."""
    if fam not in ("PERSON", "ORG") or (fam == "ORG" and s.isupper()):
        return None
    f = fold(s)
    hits = []
    for c in clusters:
        if c.family == "PLACE":
            continue
        for v in c.surfaces:
            parts = fold(v).split()
            if len(parts) < 2:
                continue
            # a first name spaCy labelled ORG ("Shahzad and Hasib were reported missing") must be the first
            by_part = c.family == "PERSON" and f in (parts[:-1] if fam == "PERSON" else parts[:1])
            by_part = by_part and not (cut and cut - {p for u in c.surfaces for p in fold(u).split()})
            # a surname whose full name (two or three capitalised words) spaCy labelled ORG
            by_last = fam == "PERSON" and f == parts[-1] and len(parts) <= 3 and all(w[:1].isupper() for w in v.split())
            by_prefix = fam == c.family == "PERSON" and len(f) >= 4 and parts[-1].startswith(f) and len(parts) > 1
            by_prefix = by_prefix and len(parts[-1]) > len(f)
            if by_part or by_last or by_prefix:
                hits.append(c)
                break
    return hits[0] if len(hits) == 1 else None


def _longer_name_owner(s: str, clusters: list[_Cluster], fam: str) -> _Cluster | None:
    """The place whose longer name this place's name ends, when it ends with a region's word ("O'Higgins Region" of
    "Libertador General Bernardo O'Higgins Region"; or with a given name before it: "Ross Balcony" of "Agustín Ross
    Balcony"; one such place only: not "Metropolitan Region" between two), or
    the most mentioned event whose name this one word opens ("the Tour" of "Tour de France", not of its "Tour de
    France Prologue"). Places' names that end others' with no region's word are often other places ("South Wales",
    "York")."""
    words = s.split()
    hits: list[_Cluster] = []
    for c in clusters:
        if c.family != fam:
            continue
        for v in c.surfaces:
            longer = v.split()
            if len(longer) <= len(words):
                continue
            named = all(fold(w) in _GIVEN_NAMES for w in longer[: -len(words)])  # "Agustín Ross Balcony"
            if (fam == "PLACE" and len(words) >= 2 and (words[-1].lower() in _PLACE_HEADS or named)
                    and longer[-len(words):] == words) or (fam == "EVENT" and len(words) == 1 and longer[0] == s):
                hits.append(c)
                break
    if fam == "PLACE":
        return hits[0] if len(hits) == 1 else None
    return max(hits, key=lambda c: sum(c.surfaces.values()), default=None)


def _generic_owner(s: str, clusters: list[_Cluster], fam: str) -> _Cluster | None:
    """The only organisation of the story whose name ends with this generic noun ("Army" for
    "U.S. Army", "Police" for "Metropolitan Police") or starts with it before "of" ("Council" for
    "Council of Guardians"). None when no or several organisations fit."""
    f = fold(s)
    if fam != "ORG" or f not in _ORG_NOUNS | _PAPER_NOUNS or not s[:1].isupper():
        return None
    hits = []
    for c in clusters:
        if c.family == "ORG":
            for v in c.surfaces:
                parts = fold(v).split()
                if len(parts) > 1 and (parts[-1] == f or (parts[0] == f and parts[1] == "of")):
                    hits.append(c)
                    break
    return hits[0] if len(hits) == 1 else None


# --- mentions the texts add to spaCy's: names it tagged elsewhere in the story, acronyms the texts
# define, first names it cut off, lists it read as one name ------------------------------------------

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# capitalised words that may stand right before a name at a sentence start ("The Hall report")
_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "in", "at", "on", "by", "for", "from",
                      "with", "as", "but", "and", "or", "when", "while", "after", "before", "if", "so", "then",
                      "yet", "to", "of", "said", "says", "told"})  # fmt: skip
# never a first name: sentence openers, titles, months and days ("Yesterday Valverde" is no name)
_NOT_GIVEN = _OPENERS | ROLE_WORDS | _PLACE_WORDS | _ORG_NOUNS | _CALENDAR_WORDS | frozenset("""
    tomorrow tonight now meanwhile also only even both neither either unlike like despite
    although though because since until unless whereas however earlier later last next new old young
    veteran rookie striker defender goalkeeper champion leader star winner rider cyclist driver player
    coach doctor father mother brother sister son daughter wife husband uncle aunt cousin friend
    north south east west northern southern eastern western
    saint st san santa mount miss madam madame princess staff
""".split())  # fmt: skip
# generic words spaCy sometimes tags as a surname ("near the Tasman Glacier")
_LANDFORMS = _PLACE_WORDS | _PLACE_HEADS | frozenset({"glacier", "hill", "hills", "peak", "park", "beach", "forest",
                                                      "desert", "canyon", "falls", "coast", "harbour", "harbor"})
# a place's last word after a name spaCy tags PERSON: its label (not a census surname: "Kellie Hill", "P.J. Hill",
# "Ricki Lake"; nor "bay": "Michael Bay"); an observatory is an institution ("Sydney Observatory astronomy curator")
_PERSON_PLACE_HEADS = {w: "GPE" if w in _PLACE_HEADS - {"ocean", "sea"} else "LOC"
                       for w in _LANDFORMS | {"gardens"} if w not in _SURNAMES and w != "bay"} | {"observatory": "ORG"}
# last words that make a name written before an acronym an organisation ("World Health Organization (WHO)")
_BODY_HEADS = frozenset("""
    organization organisation office agency service services committee council union association institute
    institution bank fund programme program party front army navy force forces ministry department commission
    court board authority corporation company foundation federation league movement network centre center
    university college survey administration bureau secretariat alliance coalition society trust police
    command guard assembly parliament congress senate tribunal panel group
""".split())  # fmt: skip
# well-known names (countries, capitals, regions, international organisations, benchmarks/
# entity_gazetteer_build.py) that count as mentions where spaCy left them untagged; "ambiguous"
# ones (also first names or common words: "Chad", "Jordan") only when the story tags them itself
_GAZETTEER_DATA = stage_data("gazetteer.json")
_GAZETTEER: dict[str, str] = {k: v for k, v in _GAZETTEER_DATA["names"].items()
                              if k not in set(_GAZETTEER_DATA["ambiguous"])}  # fmt: skip
_GAZETTEER_RE: list[tuple[int, re.Pattern[str]]] = []  # (size of _GAZETTEER it was built from, pattern)
_GAZETTEER_FOLDED = {k.lower(): v for k, v in _GAZETTEER.items()}  # "Nato"
_GAZETTEER_ORG_INSIDE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k, v in _GAZETTEER.items()
                                                     if v == "ORG" and " " in k) + r")\b")  # "American Red Cross"
# words of an organisation's own name: "Taunton Crown Court", "University of Brasilia", "Greek Sky TV"
_ORG_WORDS = _BODY_LAST | _BODY_HEADS | _ORG_NOUNS | _PAPER_NOUNS | _ORG_HEADS | _LEGAL_FORMS | frozenset("""
    church school hospital museum club society association union conference network magazine daily newspaper
    media publishing books foods systems software energy entertainment pictures records airline airlines
    channel cable broadcasting international institution academy seminary cathedral diocese archdiocese
    sorority fraternity brigade battalion regiment squadron unit crusade mission charity clinic exchange
    electronics sports creamery dairy brewery conservancy rescue convention division register weekly guardian
    observer monde forum embassy legislature insurance enterprise accounting project computer computers
""".split())  # fmt: skip


def _alternation(alts: list[str]) -> str:
    """Regex alternatives (escaped names, tried in this order) grouped under their first character:
    "Paris|Peru|Oslo" -> "P(?:aris|eru)|O(?:slo)". Two names with other first characters never match
    at one place, and the names of a group keep their order, so the match is the same; the engine
    tests one character per group, not each name in turn (hundreds a story, at every capital)."""
    if not all(a[:1].isalnum() for a in alts):  # (an escaped first character would not split off)
        return "|".join(alts)
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(c + "(?:" + "|".join(rest) + ")" for c, rest in groups.items())


def _gazetteer_pattern() -> re.Pattern[str]:
    if not _GAZETTEER_RE or _GAZETTEER_RE[0][0] != len(_GAZETTEER):
        names = _alternation([re.escape(n) for n in sorted(_GAZETTEER, key=len, reverse=True)]) or "(?!)"
        _GAZETTEER_RE[:] = [(len(_GAZETTEER), re.compile(r"(?<![\w.'’-])(?=[A-Z])(" + names + r")(?![\w-])"))]
    return _GAZETTEER_RE[0][1]


_LIST_PART = re.compile(r"[A-Z][a-zà-ÿ'’-]{2,}(?: [A-Z][a-zà-ÿ'’-]{2,}){0,2}")  # a name in "Carcassonne, Limoux"
_CAP_WORD = r"[A-Z][\w'’.&-]*"
_NAME_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|and|for|on|the|de|du|la|&)\s+)*{_CAP_WORD})*\s*$")


def story_mentions(items: Iterable[tuple[str, Mention]], texts: dict[str, str]) -> list[tuple[str, Mention]]:
    """spaCy's (article id, mention) pairs of one story, mended and completed from the texts the
    offsets point into: a list read as one name is cut at its commas ("Carcassonne, Limoux"), a first
    name spaCy left out in front of a tagged surname is put back ("Alejandro Valverde"), an acronym
    the text defines becomes a mention with its name ("the World Health Organization (WHO)"), and every
    name the story tags somewhere, or a tagged person's surname, is a mention wherever it stands
    untagged in the story's texts ("Hall said", a name spaCy missed in one sentence of three)."""
    lower = _lower_words(texts)
    hits = {art_id: [(h.start(1), h.end(1), h.group(1)) for h in _gazetteer_pattern().finditer(t)]
            for art_id, t in texts.items()}  # fmt: skip
    items = _mended(_gazetteer_labels(items, texts, hits), texts, lower)
    items += _defined_acronyms(items, texts)
    return items + _propagated_mentions(items, texts, lower, {n for hs in hits.values() for _a, _b, n in hs})


def _gazetteer_labels(items: Iterable[tuple[str, Mention]], texts: dict[str, str],
                      hits: dict[str, list[tuple[int, int, str]]]) -> list[tuple[str, Mention]]:  # fmt: skip
    """A well-known name spaCy labelled in another family takes the gazetteer's label ("Ashgabat"
    PERSON, "Croatia's" ORG, "Oxfam" NORP); not an ambiguous name ("Jordan" the officer), nor one
    followed by another capitalised word (spaCy's "The US" of "The US Chamber of Commerce"). A
    well-known name spaCy cut into pieces, each inside it ("French" NORP + "Polynesia" PERSON,
    "Trinidad" GPE + "Tobago" ORG), is one mention of it (``hits``: the gazetteer's names in the texts)."""
    items = list(items)
    pieces: dict[tuple[str, int], tuple[int, int, str]] = {}  # (article, mention start) -> the name over it
    for art_id, hs in hits.items():
        ms = [m for a, m in items if a == art_id] if hs else []
        for a, b, name in hs:
            over = [m for m in ms if m.start < b and a < m.end]
            inside = all(a <= m.start and m.end <= b or m.end <= b and texts[art_id][m.start : a] in ("the ", "The ")
                         for m in over)  # fmt: skip
            if over and inside and not any(m.start <= a and b <= m.end for m in over):
                for m in over:
                    pieces[(art_id, m.start)] = (a, b, name)
    out = []
    done: set[tuple[str, int]] = set()
    for art_id, m in items:
        if (span := pieces.get((art_id, m.start))) is not None:
            if (art_id, span[0]) not in done:
                done.add((art_id, span[0]))
                out.append((art_id, Mention(span[0], span[1], span[2], _GAZETTEER[span[2]])))
            continue
        lab = _GAZETTEER.get(normalise(m.text)) if m.label in LABELS else None
        if lab is not None and _family(lab) != _family(m.label) and _exact(m, text := texts.get(art_id)):
            assert text is not None
            if not _SPACE_CAPITAL.match(text[m.end : m.end + 2]):
                m = Mention(m.start, m.end, m.text, lab)
        out.append((art_id, m))
    return out


def _exact(m: Mention, text: str | None) -> bool:
    return text is not None and text[m.start : m.end] == m.text


_LOWER_CACHE: list[tuple[tuple[str, ...], set[str]]] = []  # the last story's texts and their words


def _lower_words(texts: dict[str, str]) -> set[str]:
    """The words the texts write in lower case (kept for the last story: ``story_mentions`` and
    ``resolve_entities`` both ask; the key holds the texts themselves, compared by identity first)."""
    key = tuple(texts.values())
    if _LOWER_CACHE and _LOWER_CACHE[0][0] == key:
        return _LOWER_CACHE[0][1]
    words = {w for t in key for w in re.findall(r"\b[a-z][a-z'’-]+\b", t)}
    _LOWER_CACHE[:] = [(key, words)]
    return words


_MONTH_OR_DAY = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
                 r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d")
# what ends a name early: an open bracket the text never closes, a dash between a lower-case word and a bare count
# ("province - 27", not "AK - 47" or "Bengals 13 - 10"), "on" before a date, a small word of the sentence after it
_TRAILING_JUNK = re.compile(rf"\s*\([^)]*$|(?<=[a-z]{{4}})\s+-\s+\d[\d,.]*$|\s+on\s+(?:{_MONTH_OR_DAY}).*$|"
                            r"\s+(?:in|on|at|of|for|and|or|to|with|by|from|the)$")  # ("Thompson in Berne")
# a score after a team's name: "Evansville 91-73", "Bengals 13 - 10" (not a model's "Boeing 747-400")
_SCORE_TAIL = re.compile(r"(?<=[a-z])\s+(?:\d{1,3}\s?-\s?\d{1,2}|\d{1,2}\s?-\s?\d{3})$")


_NAME_GOES_ON = re.compile(r"\)\s+[A-Z]")  # "Regulatory Reform (Fire Safety) Order": the bracket is the name's
# a dateline: a place in capitals opening an article or a line, before its country or state and the wire's name or a
# dash ("ZURICH, Switzerland (AP) _", "TORONTO (AP) _", "LONDON (Reuters) -", "PARIS —")
_DATELINE_LINE = re.compile(r"(?:^|\n)[ \t]*$")
_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*(?:\((?:AP|Reuters|AFP|UPI|CNN|dpa|"
                             r"Bloomberg|PTI|IANS|Xinhua|CP)\)|[—–_]|--?\s)")
# a flight's number after an airline's name: "Air France Flight 447", "Valujet Flight 592" (the airline is the ORG)
_FLIGHT_TAIL = re.compile(r"\s+[Ff]light(\s+\d{1,5}[A-Z]?)?$")


def _mended(items: list[tuple[str, Mention]], texts: dict[str, str], lower: set[str]) -> list[tuple[str, Mention]]:
    """Boundary fixes of spaCy's spans: "Carcassonne, Limoux" (one ORG) is two names, and so is "the
    Tillerson-Lavrov talks" when both are surnames of people tagged in the story; "Alejandro
    Valverde" with only "Valverde" tagged gets its first name back when that word is no common word
    of the story (never written in lower case), no title or sentence opener, and tagged nowhere."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    tagged: set[str] = set()
    surnames: set[str] = set()
    full: set[str] = set()  # people's full names as tagged
    for art_id, m in items:
        spans[art_id].append((m.start, m.end))
        tagged.add(fold(m.text))
        if m.label == "PERSON" and len(words := normalise(m.text).split()) > 1:
            surnames.add(words[-1])
            full.add(" ".join(words))
    out: list[tuple[str, Mention]] = []
    for art_id, m in items:
        text = texts.get(art_id)
        if not _exact(m, text) or m.label not in LABELS:
            out.append((art_id, m))
            continue
        assert text is not None
        if ((tail := _TRAILING_JUNK.search(m.text)) is not None and tail.start() > 0
                and not _NAME_GOES_ON.match(text, m.end)):  # fmt: skip
            # "World Health Organization (WHO", "Dashoguz province - 27", "Atlantic on June 1": spaCy took an
            # open bracket, a count or a date into the name; the name ends before them
            m = Mention(m.start, m.start + tail.start(), m.text[: tail.start()], m.label)
        if (score := _SCORE_TAIL.search(m.text)) is not None:
            # "Evansville 91-73" (spaCy's PRODUCT), "Bengals 13 - 10" (LAW): a team's name with its score run in;
            # the name ends before it and is the team's (a player's stays a person's: "Nadal 6-4")
            m = Mention(m.start, m.start + score.start(), m.text[: score.start()],
                        m.label if m.label == "PERSON" else "ORG")
        if (m.label != "PERSON" and (flight := _FLIGHT_TAIL.search(m.text)) is not None and flight.start() > 0
                and (flight.group(1) or re.match(r"\s+\d", text[m.end : m.end + 3]))):  # fmt: skip
            # "Air France Flight 447" (spaCy's ORG "Air France Flight"): a flight is no organisation, its airline is
            m = Mention(m.start, m.start + flight.start(), m.text[: flight.start()], "ORG")
        if _dateline(text, m):  # "ZURICH, Switzerland (AP) _" (spaCy's ORG): the place the story was filed from
            m = Mention(m.start, m.end, m.text, "GPE")
        if m.label == "PERSON" and (cut := _word_before_a_name(m.text, surnames, lower, full)):
            # "Panthers Reggie Bush", "GM Ed Stefanski", "Losing Thomas": spaCy ran a team, a title or a
            # sentence's first word into the name; the name starts after it
            m = Mention(m.start + cut, m.end, m.text[cut:], m.label)
        if m.label == "PERSON" and (keep := _name_end(m.text, surnames)) < len(m.text):
            # "Chris Ivory on Injured Reserve"; "Sri Lanka - approximately" is the place it starts with
            m = Mention(m.start, m.start + keep, m.text[:keep], _GAZETTEER.get(m.text[:keep], m.label))
        halves = m.text.split(" - ")
        if (m.label == "PERSON" and len(halves) == 2 and all(_FULL_NAME.fullmatch(h) for h in halves)
                and any(h.split()[0].lower() in _GIVEN_NAMES for h in halves)):  # fmt: skip
            # "Jennifer Lawrence - Liam Hemsworth": two people in a dashed list, not one name
            out.append((art_id, Mention(m.start, m.start + len(halves[0]), halves[0], m.label)))
            at = m.end - len(halves[1])
            out.append((art_id, Mention(at, m.end, halves[1], m.label)))
            continue
        parts = m.text.split(", ")
        if len(parts) > 1 and all(_LIST_PART.fullmatch(p) for p in parts):
            at = m.start
            for p in parts:
                out.append((art_id, Mention(at, at + len(p), p, m.label)))
                at += len(p) + 2
            continue
        pair = _HYPHENED_PAIR.fullmatch(m.text)
        if pair and pair.group(1) != pair.group(2) and {pair.group(1), pair.group(2)} <= surnames:
            for g in (1, 2):  # "the Tillerson-Lavrov talks": two people of the story
                out.append((art_id, Mention(m.start + pair.start(g), m.start + pair.end(g), pair.group(g), "PERSON")))
            continue
        # (a hyphenated given name too: "Kuen-hui Huang" is not "Chih-hsiung Huang")
        hit = _GIVEN_WORD_BEFORE.search(text[max(0, m.start - 30) : m.start])
        if m.label == "PERSON" and hit and _ONE_CAPITALISED.fullmatch(m.text):
            given, start = hit.group(1), m.start - len(hit.group(1)) - 1
            generic = m.text.lower() in _LANDFORMS or m.text.lower() in ROLE_WORDS
            # a hyphenated word is a given name only when no half is a word ("President-elect Obama")
            generic = generic or ("-" in given and any(h.lower() in _COMMON_WORDS | ROLE_WORDS
                                                       for h in given.split("-")))
            if (_given_name(given, lower) and fold(given) not in tagged and not generic
                    and not any(s < m.start and start < e for s, e in spans[art_id])):  # fmt: skip
                m = Mention(start, m.end, text[start : m.end], m.label)
        out.append((art_id, m))
    return out


def _dateline(text: str, m: Mention) -> bool:
    """A place in capitals opening an article or a line, then its country and the wire's name or a dash: a
    dateline ("ZURICH, Switzerland (AP) _", "TORONTO (AP) _")."""
    letters = [ch for ch in m.text if ch.isalpha()]
    return (len(letters) >= 3 and all(ch.isupper() for ch in letters) and m.label in _NAME_LABELS
            and _DATELINE_LINE.search(text, max(0, m.start - 8), m.start) is not None
            and _DATELINE_AFTER.match(text, m.end) is not None)  # fmt: skip


_STYLED_BY = frozenset({"king", "queen", "prince", "princess", "pope", "emperor", "empress", "sheikh", "saint"})
# police and military ranks as written before a surname, British style without a full stop too ("Insp Gaskin")
_RANKS = frozenset("""
    insp inspector det detective supt superintendent const constable sgt sergeant cpl corporal pc wpc dc ds di
    dci dcs lt lieut capt cpt col maj gen brig adm cmdr cdr pte pvt pfc spc trooper officer deputy sheriff
""".split())  # fmt: skip
_RANK_INITIALS = frozenset({"pc", "wpc", "dc", "ds", "di", "dci", "dcs"})  # only in capitals ("Di Matteo" is a name)


def _rank(w: str) -> bool:
    low = w.lower()
    return (low in _RANKS or low in _TITLE_INSIDE) and (low not in _RANK_INITIALS or w.isupper())


def _noun_of_people(low: str) -> bool:
    """A person's noun or a title, or its plural: "clerk", "filmmaker", "veterans" (a word spaCy runs into a name)."""
    return _person_noun(low) or low in _LONE_TITLES or (low.endswith("s") and _person_noun(low[:-1]))


def _word_before_a_name(name: str, surnames: set[str], lower: set[str], full: AbstractSet[str] = frozenset()) -> int:
    """Where a person's name really starts when spaCy took the word before it in: the rest ends with a
    surname of the story's people and the first word is a title ("Lawyer"), capitals before a full name
    ("GM Ed Stefanski") or a sentence opener in "-ing"/"-ly" the story also writes in lower case
    ("Losing Thomas"), or the first two words are a team and a title before a full name ("Colts QB Andrew
    Luck"), or the rest is a full name tagged elsewhere (``full``) that opens with a name's word or an initial and
    the first word is no given name ("Kicker Ryan Succop", "Razorback Peyton Hillis"; not "Gaetano Lo Presti"; a
    surname first is another person's, ``_merge_glued``: "Nixon W. Mark Felt"); never a title a name is known by
    ("Queen Elizabeth"). 0 when the name is whole."""
    words = name.split()
    if len(words) < 2 or words[-1] not in surnames or not _CAPITALISED.fullmatch(words[0]):
        return 0
    first = words[0].rstrip(".")
    low = first.lower()
    if (len(words) > 2 and " ".join(words[1:]) in full and re.fullmatch(r"[A-Z][a-z]+", words[0])
            and low not in _GIVEN_NAMES | _KNOWN_BY | HONORIFICS | _STYLED_BY and words[0] not in surnames
            and (_known_given(words[1]) or _given_name(words[1], lower)) and words[1].lower() not in _SURNAME_PARTICLES
            and words[1].lower() not in _COMMON_WORDS):  # fmt: skip
        return len(name) - len(name[len(words[0]) :].lstrip())
    # "Lawyer Alexis Kougias", "Deputy Ortiz"; "GM Ed Stefanski", "TE David Thomas" (capitals before a full
    # name only: "AME Info" is a name); not the titles names are known by ("Queen Elizabeth", "Pope Leo XIII")
    title = low in ROLE_WORDS or (_CAPS_2_4.fullmatch(first) is not None and len(words) > 2)
    if _rank(first):  # "Insp Gaskin", "Det Sgt Jim Smith": every rank in front goes
        at = 1
        while at < len(words) - 1 and _rank(words[at].rstrip(".")):
            at += 1
        return name.index(words[at], sum(len(w) for w in words[:at]))
    opener = (low.endswith("ing") and len(low) > 5 or low.endswith("ly") and len(low) > 4) and low in lower
    if (title or opener) and low not in HONORIFICS | _STYLED_BY:
        return len(name) - len(name[len(words[0]) :].lstrip())
    if (len(words) > 2 and low in lower and low not in _GIVEN_NAMES | _KNOWN_BY | HONORIFICS
            and words[1].lower() in _GIVEN_NAMES and not any(w.lower() in lower for w in words[1:])):  # fmt: skip
        return len(name) - len(name[len(words[0]) :].lstrip())  # "Kicker Ryan Succop", "Naturally Scott Boras"
    if (len(words) > 2 and _noun_of_people(low) and low not in _GIVEN_NAMES | _SURNAMES | _KNOWN_BY | HONORIFICS
            and words[1].lower() in _GIVEN_NAMES and words[1].lower() not in _SURNAME_PARTICLES):  # fmt: skip
        return len(name) - len(name[len(words[0]) :].lstrip())  # "Clerk Janette Bower", "Veterans Donyell Marshall"
    # a team or an employer, then a title, before a full name: "Colts QB Andrew Luck", "Sixers GM Ed Stefanski"
    second = words[1].rstrip(".") if len(words) > 3 else ""
    if _CAPS_2_4.fullmatch(second) or (second.lower() in ROLE_WORDS and second[:1].isupper()):
        if second.lower() not in HONORIFICS | _STYLED_BY and low not in HONORIFICS | _STYLED_BY:
            return name.index(words[2], len(words[0]) + len(words[1]))
    return 0


_FULL_NAME = re.compile(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,2}")
_TRAILING = re.compile(r"(?:\s+(?:and|or)|\s+on\s+[A-Z].*|\s+-\s+(?:[a-z].*|and\b.*)|\s*[‘’“”\"'(]+)$")
_GLUED_VERB = re.compile(r"([A-Z][a-z]+?)(?:was|is|has|had|said|says)")


def _name_end(name: str, surnames: set[str]) -> int:
    """Where a person's name spaCy ran on really ends: before a trailing "and"/"or", an "on ..." phrase
    ("Chris Ivory on Injured Reserve"), a spaced dash and lower-case words ("Jonathan Wright - director",
    "... Liam Hemsworth - and"), quote marks ("Simon Beaufoy ‘"), or a verb glued to a surname of the
    story ("Johnsonwas"). The length of the name kept; never less than one word."""
    end = len(name)
    while True:
        if (cut := _TRAILING.search(name, 0, end)) and cut.start() > 0:
            end = cut.start()
        elif (tail := re.search(r"\s+(?:[^\sA-Za-zÀ-ÿ]+|\d(?!\d*(?:st|nd|rd|th)$)\S*)$", name[:end])) and tail.start():
            end = tail.start()  # "Charles ' 80": a quote mark or a number is no word of a name
        else:
            break
    last = name[:end].rsplit(" ", 1)
    if (glued := _GLUED_VERB.fullmatch(last[-1])) and glued.group(1) in surnames:
        end = end - len(last[-1]) + len(glued.group(1))
    return end


def _given_name(w: str, lower: set[str]) -> bool:
    """Whether a capitalised word right before a surname may be a first name: no word the story also
    writes in lower case, no title, opener, month or day, no adverb ("Ironically") or "-ing" word."""
    low = w.lower()
    if low in _NOT_GIVEN or low in lower or low.endswith("ly") or (low.endswith("ing") and len(low) > 5):
        return False
    return True


def _defined_acronyms(items: list[tuple[str, Mention]], texts: dict[str, str]) -> list[tuple[str, Mention]]:
    """Mentions for an acronym the text defines beside its name, "Name (ACR)" or "ACR (Name)", when
    spaCy tagged one side or the name ends in an organisation noun ("Organization", "Office",
    "Service"): the untagged side (or both) become mentions, with the tagged side's label or ORG.
    The acronym's letters must be the initials of the name's capitalised words (or of all its words)."""
    by_art: dict[str, list[Mention]] = defaultdict(list)
    for art_id, m in items:
        by_art[art_id].append(m)
    out = []
    for art_id, text in texts.items():
        ms = by_art.get(art_id, [])
        for hit in re.finditer(r"\(([^()\n]{2,100})\)", text):
            inner, a, b = hit.group(1).strip(), hit.start(1), hit.end(1)
            if _ACRONYM.fullmatch(inner):  # "Name (ACR)"
                run = _NAME_RUN.search(text, max(0, hit.start() - 120), hit.start())
                if run is None:
                    continue
                name = _acronym_name(text, run.start(), run.group(0).rstrip(), inner)
                if name is None:
                    continue
                pair = [(name[0], name[1]), (a, b)]
            else:  # "ACR (Name)"
                acr = re.search(r"(?<![\w.])([A-Z][A-Z.&]{1,9})\s*$", text[max(0, hit.start() - 12) : hit.start()])
                if acr is None or not _NAME_RUN.fullmatch(inner):
                    continue
                name = _acronym_name(text, a + (len(hit.group(1)) - len(hit.group(1).lstrip())), inner, acr.group(1))
                if name is None:
                    continue
                s = hit.start() - len(acr.group(0))
                pair = [(name[0], name[1]), (s, s + len(acr.group(1)))]
            if fold(text[pair[1][0] : pair[1][1]]) in _WIRES:
                continue
            labels: list[str | None] = []
            for s, e in pair:
                same = [m for m in ms if fold(normalise(m.text)) == fold(text[s:e]) and m.start <= s + 4 and m.end >= e]
                labels.append(same[0].label if same else None)
            if any(lab is not None and lab not in _NAME_LABELS for lab in labels):
                continue  # a law, an event, a product ("Endangered Species Act (ESA)")
            head = fold(text[pair[0][0] : pair[0][1]]).split()[-1]
            if labels[0] is None and labels[1] is None and head not in _BODY_HEADS:
                continue
            label = labels[0] or labels[1] or "ORG"
            for (s, e), lab in zip(pair, labels, strict=True):
                crossing = any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in ms)
                if lab is None and not crossing:
                    out.append((art_id, Mention(s, e, text[s:e], label)))
    return out


def _acronym_name(text: str, start: int, run: str, acr: str) -> tuple[int, int] | None:
    """The span of the shortest end of ``run`` (at ``start`` in ``text``) whose initials spell ``acr``."""
    letters = acr.replace(".", "").replace("&", "").lower()
    words = list(re.finditer(r"\S+", run))
    for i in range(len(words) - 1, -1, -1):
        ws = [w.group(0) for w in words[i:]]
        if ws[0].lower() in ("of", "and", "for", "on", "the", "de", "du", "la", "&"):
            continue
        ws = [re.sub(r"^[^\s'’]+['’]s$", "", w) if j == 0 else w for j, w in enumerate(ws)]  # "Chile's"
        if not ws[0]:
            continue
        caps = "".join(w[0] for w in ws if w[0].isupper()).lower()
        every = "".join(w[0] for w in ws).lower()
        if len(ws) > 1 and letters in (caps, every):
            return start + words[i].start(), start + words[-1].end()
        if len(caps) > len(letters):
            break
    return None


def _propagated_mentions(items: list[tuple[str, Mention]], texts: dict[str, str], lower: set[str],
                         found: set[str]) -> list[tuple[str, Mention]]:  # fmt: skip
    """Untagged occurrences of the story's names: every name tagged in the story as a person,
    organisation or place (with its majority label), and the surname of a tagged full name ("Hall
    said"), as a word of its own outside every tagged span. A name tagged in two families ("Jordan"
    the country and a person's surname), a one-word name the story also writes in lower case, and a
    title or generic noun alone are left out. A one-word name next to another capitalised word is
    part of a longer name ("City Hall", "Hall Street"; a title or a sentence opener may stand before
    it: "Mr. Hall", "The Hall report"), and so is any name followed by one."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)  # families, "other" and "surname"
    raw: dict[str, Counter[str]] = defaultdict(Counter)  # spaCy's labels
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for art_id, m in items:
        spans[art_id].append((m.start, m.end))
        s = normalise(m.text)
        labels[s][_family(m.label) if m.label in _NAME_LABELS else "other"] += 1
        raw[s][m.label] += 1
        words = s.split()
        if (m.label == "PERSON" and len(words) > 1 and re.fullmatch(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?", words[-1])
                and words[-1].lower() not in _PARTICLES):  # fmt: skip
            labels[words[-1]]["surname"] += 1
    known: dict[str, str] = {}
    for s, fams in labels.items():
        if "surname" in fams:
            fams = Counter({"PERSON" if f == "surname" else f: n for f, n in fams.items()})
        if len(fams) != 1 or "other" in fams or not s[:1].isupper() or not any(ch.isalpha() for ch in s):
            continue
        one = " " not in s
        if one and (s.lower() in lower or s.lower().strip(".") in ROLE_WORDS | _ORG_NOUNS | _OPENERS or len(s) < 2):
            continue
        if one and not (re.fullmatch(r"[A-Z][\w'’-]*[a-z][\w'’-]*", s) or _ACRONYM.fullmatch(s)):
            continue
        fam = next(iter(fams))
        known[s] = max((n, lab) for lab, n in raw[s].items() if _family(lab) == fam)[1] if fam != "PERSON" else "PERSON"
    # well-known names the story never tags ("World Health Organization", "Sri Lanka"): the gazetteer's
    # label; not a name the story tags in any way, nor a word it also writes in lower case ("Turkey")
    for s in found - labels.keys():
        if s.isupper() or (" " in s or s.lower() not in lower):
            known[s] = _GAZETTEER[s]
    if not known:
        return []
    for s in list(known):  # a dateline's "TEHRAN" is "Tehran"
        if len(s) >= 4 and not s.isupper() and s.upper() not in known:
            known[s.upper()] = known[s]
    # a name read with its hyphen closed ("Strauss-Kahn") is found as the text writes it ("Strauss - Kahn")
    names = _alternation([re.escape(k).replace(r"\-", r" ?- ?") for k in sorted(known, key=len, reverse=True)])
    ends = {k.split()[-1] for k in known}
    pattern = re.compile(r"(?<![\w.'’-])(?=[A-Z])(" + names + r")(?![\w-])")  # the lookahead skips most places fast
    out = []
    for art_id, text in texts.items():
        taken = sorted(spans.get(art_id, []))
        starts = [s for s, _e in taken]
        longest = max((e - s for s, e in taken), default=0)
        for hit in pattern.finditer(text):
            a, b = hit.span()
            lo = bisect.bisect_left(starts, a - longest)
            if any(s < b and a < e for s, e in taken[lo : bisect.bisect_left(starts, b)]):
                continue
            written = name = hit.group(1)
            if name not in known:  # "Strauss - Kahn" for "Strauss-Kahn"
                name = normalise(name)
                if name not in known:
                    continue
            if _SPACE_CAPITAL.match(text[b : b + 2]) or (name.isupper() and _shouting(text, a, b)):
                continue  # "Hall Street"; "WHO" in a line of capitals
            if _inside_longer_name(text, a, taken, ends):
                continue
            prev = re.search(r"([A-Z][\w'’.-]*)\s+$", text[max(0, a - 30) : a])
            if prev and _sentence_end(prev.group(1)):
                prev = None  # "... Bo Viktor Nylund. UNICEF press official": the sentence before ends there
            if prev and not _is_head(prev.group(1)) and prev.group(1).lower() not in _OPENERS:
                # "City Hall", "J. Edgar Hoover", "Turkmen Communist Party": part of a longer name; a
                # person's full name may follow another name ("Minister for the Olympics Tessa Jowell")
                if " " not in name or known[name] != "PERSON" or re.fullmatch(r"[A-Z]\.", prev.group(1)):
                    continue
            out.append((art_id, Mention(a, b, written, known[name])))
    return out


_ABBREVIATED = frozenset("""
    st mt ft jr sr inc corp co ltd bros no nos vol gov sen rep pres supt insp det sgt gen capt cmdr adm maj col
    lt mrs messrs prof rev hon jan feb mar apr aug sep sept oct nov dec
""".split())  # fmt: skip


def _sentence_end(word: str) -> bool:
    """A capitalised word with a full stop that ends a sentence ("Nylund."), not an abbreviation
    ("St.", "Gen.", "Calif.") or initials ("J.", "U.S.")."""
    w = word.rstrip(".").lower()
    return (re.fullmatch(r"[A-Z][a-z'’-]{2,}\.", word) is not None and w not in _ABBREVIATED
            and w not in _ALIASES and w not in HONORIFICS)  # fmt: skip


def _inside_longer_name(text: str, a: int, taken: list[tuple[int, int]], ends: set[str]) -> bool:
    """A name at ``a`` ends a longer one: "Viña del Mar", "Fish and Wildlife Service", "Bank of
    England"; not "the President of Iran", "Tessa Jowell and Gordon Brown" (a name before "and":
    tagged, or the last word of a name of the story)."""
    hit = re.search(r"([A-Z][\w'’.-]*)\s+(and|of|for|&|de|del|da|la|van|von|al|el)\s+$", text[max(0, a - 40) : a])
    if hit is None:
        return False
    if hit.group(2) in ("and", "&"):
        end = a - (len(hit.group(0)) - hit.end(1))
        return hit.group(1) not in ends and not any(s < end <= e for s, e in taken)
    return not _is_head(hit.group(1))


def _shouting(text: str, a: int, b: int) -> bool:
    """The word at a..b stands among words in capitals ("WHO SAID IT", a headline or dateline in caps)."""
    near = re.findall(r"[A-Za-z]{2,}", text[max(0, a - 25) : a] + " " + text[b : b + 25])
    return sum(w.isupper() for w in near) >= 2


# --- links written in the texts: "the World Health Organization (WHO)", "X, also known as Y" ---------

_ALIAS_CUE = re.compile(
    r"\s*,?\s*\(?\s*(?:also\s+(?:known|named|called|spelled|spelt)(?:\s+as)?|a\.?k\.?a\.?|alias)\s+", re.IGNORECASE
)
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,9}")


def _is_acronym_of(acr: str, name: str) -> bool:
    """``acr`` looks like an acronym and ``name`` like the multi-word name it abbreviates (the
    acronym's first letter starts one of its words: "ONEMI" / "National Emergencies Office")."""
    letters = acr.replace(".", "").replace("&", "")
    words = [w for w in name.split() if w[:1].isupper()]
    if not _ACRONYM.fullmatch(acr) or len(letters) < 2 or letters.lower() in _WIRES or len(words) < 2:
        return False
    return letters[0] in {w[0] for w in words}


def _text_links(items: list[tuple[str, Mention]], texts: dict[str, str]) -> list[tuple[str, str, bool]]:
    """Pairs of surfaces the texts say name one entity: a name and the acronym in brackets right
    after it (or the other way round), a name and its alias ("also known as", "a.k.a."); the flag
    tells an acronym link."""
    by_art: dict[str, list[Mention]] = defaultdict(list)
    for art_id, m in items:
        text = texts.get(art_id)
        if m.label in LABELS and text is not None and text[m.start : m.end] == m.text:
            by_art[art_id].append(m)
    links = []
    for art_id, ms in by_art.items():
        text = texts[art_id]
        ms.sort(key=lambda m: m.start)
        for i, m in enumerate(ms):
            a = normalise(m.text)
            if hit := _PARENS_AFTER.match(text[m.end : m.end + 110]):
                inner = normalise(hit.group(1))
                for acr, name in ((inner, a), (a, inner)):
                    if _is_acronym_of(acr, name):
                        links.append((acr, name, True))
            if i + 1 < len(ms) and _ALIAS_CUE.fullmatch(text[m.end : ms[i + 1].start]):
                links.append((a, normalise(ms[i + 1].text), False))
    return links


def _merge_linked(clusters: list[_Cluster], links: list[tuple[str, str, bool]]) -> None:
    """Merge the clusters of linked surfaces (in place); a written name may carry a possessive
    in front ("Chile's National Emergencies Office"). An acronym that already stands with another
    full name ("UNCCC" with "U.N. Climate Change Conference" by its initials) is not linked to a
    second one ("United Nations Convention on Climate Change (UNCCC)"): no chains of names."""
    where = {v: c for c in clusters for v in c.surfaces}
    for x, y, is_acronym in links:
        cx = where.get(x)
        cy = next((where[n] for n in (y, re.sub(r"^[^\s']+['’]s\s+", "", y)) if n in where), None)
        if cx is None or cy is None or cx is cy:
            continue
        if is_acronym and _two_full_names(cx, cy):
            continue
        _absorb(cx, cy, clusters)
        cx.family = _majority_family(cx.labels)
        for v in cy.surfaces:
            where[v] = cx


# a quoted or bracketed nickname, then a surname: '"Jerry"Ortiz', '(Jerry) Ortiz' (the given names come before)
_NICKNAME_THEN_SURNAME = re.compile(r"""["“(]((?:[Tt]he )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)["”)] ?([A-Z][\w'’-]+)""")
_GIVEN_BEFORE = re.compile(r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}) ?$")


def _nicknames(items: list[tuple[str, Mention]], texts: dict[str, str],
               counts: Counter[str]) -> list[tuple[str, set[str]]]:  # fmt: skip
    """People written with a nickname between their given names and surname ('Vincent "The Chin" Gigante',
    'Luis Gerardo (Jerry) Ortiz'), as (the full name as a name of the story, the folded names that stand for
    that person: the nickname alone, the nickname and the surname, the given names of two words or more)."""
    out: dict[str, set[str]] = defaultdict(set)

    def add(given: str, nick: str, surname: str) -> None:
        full = normalise(f"{given} {surname}")
        if full not in counts or len(full.split()) < 2 or fold(nick) in _NOT_GIVEN:
            return
        aliases = out[full]
        aliases |= {fold(normalise(nick)), fold(f"{normalise(nick)} {surname}")}
        if len(given.split()) > 1:
            aliases.add(fold(given))

    for _a, m in items:
        if m.label == "PERSON" and (hit := _NICKNAME_INSIDE.search(m.text)):
            add(m.text[: hit.start()].strip(), hit.group(1), m.text[hit.end() :].split()[0])
    for t in texts.values():
        if "“" not in t and '"' not in t and "(" not in t:
            continue
        for hit in _NICKNAME_THEN_SURNAME.finditer(t):
            if before := _GIVEN_BEFORE.search(t, max(0, hit.start() - 40), hit.start()):
                add(before.group(1), hit.group(1), hit.group(2))
    return list(out.items())


def _merge_nicknames(clusters: list[_Cluster], nicks: list[tuple[str, set[str]]]) -> None:
    """The nickname of a person ("Chin", "Jerry", "Jerry Ortiz", "Luis Gerardo") joins the person written
    with it ('Vincent "The Chin" Gigante'), with all of its entity when every name of that entity is the
    nickname, the nickname and the surname, a one-word part of the full name, or a name ``similar`` to it."""
    for full, aliases in nicks:
        dst = next((c for c in clusters if full in c.surfaces), None)
        if dst is None:
            continue
        parts = set(fold(full).split())
        for c in list(clusters):
            if c is dst or c.family == "PLACE" or not any(fold(v) in aliases for v in c.surfaces):
                continue
            if all(fold(v) in aliases or fold(v) in parts or similar(v, full, "PERSON") for v in c.surfaces):
                _absorb(dst, c, clusters, labels=c.family == "PERSON")


def _merge_singulars(clusters: list[_Cluster], things: dict[str, str]) -> None:
    """A one-word name whose plural names a thing of the story, no person ("Oscar", 28 times a person to
    spaCy in "the Oscar show", "Oscar night", beside "the Oscars", 44 times an organisation), is that thing
    when the plural is named no less, and so are the awards of its name ("Tony", "Tony Awards", "the
    Tonys"); a person's surname stays the person's ("Jackson" and "the Jacksons")."""
    for c in list(clusters):
        if len(c.surfaces) != 1 or c.family in ("NORP", "PLACE"):
            continue
        (s,) = c.surfaces
        if (plural := things.get(fold(s))) is None or " " in s:
            continue
        dst = next((o for o in clusters if plural in o.surfaces), None)
        if dst is None or dst is c or sum(dst.surfaces.values()) < c.surfaces[s]:
            continue
        _absorb(dst, c, clusters, labels=False)
        awards = {f"{fold(s)} award", f"{fold(s)} awards"}  # "the Tonys" are the "Tony Awards"
        for o in list(clusters):
            if o is not dst and all(fold(v) in awards for v in o.surfaces):
                _absorb(dst, o, clusters)


def _absorb(dst: _Cluster, src: _Cluster, clusters: list[_Cluster], labels: bool = True) -> None:
    """Move ``src``'s names, articles and roles (and its label votes, unless ``labels`` is False) into ``dst``."""
    dst.surfaces.update(src.surfaces)
    if labels:
        dst.labels.update(src.labels)
    dst.articles |= src.articles
    dst.roles.update(src.roles)
    dst.glued |= src.glued
    clusters.remove(src)


# capitalised words that may stand before a person's name as a title or trade ("GM Ed Stefanski",
# "Coroner Gary Hargrove", "Comedian Ellen DeGeneres"), besides the role words and titles above
_TRADES = frozenset("""
    gm ceo cto cfo coo coroner comedian comic filmmaker actor actress singer rapper author writer novelist
    poet producer designer dean marshal marshall undersheriff clerk fire police unbeaten
""".split())  # fmt: skip


def _merge_storms(clusters: list[_Cluster]) -> None:
    """A storm's name alone joins the storm ("Georges", 27 mentions spaCy tags PERSON, beside "Hurricane Georges";
    "Babs" beside "Typhoon Babs"), unless a person of the story has that name as a surname or given name, or the
    name alone has a multi-word name of its own (in place)."""
    storms = {v.split()[1]: c for c in clusters for v in c.surfaces
              if len(v.split()) == 2 and v.split()[0].lower() in _STORM_FIRST}  # fmt: skip
    if not storms:
        return
    in_names = {w for c in clusters if c.family == "PERSON" for v in c.surfaces if len(v.split()) > 1
                for w in v.split()}  # fmt: skip
    for c in list(clusters):
        storm = next((storms[v] for v in c.surfaces if v in storms), None)
        if storm is None or storm is c or any(" " in v for v in c.surfaces) or any(v in in_names for v in c.surfaces):
            continue
        storm.surfaces.update(c.surfaces)  # (its votes stay out: a storm is where places stand, "the eye of Georges")
        storm.articles |= c.articles
        clusters.remove(c)


def _merge_glued(clusters: list[_Cluster], counts: Counter[str]) -> None:
    """A name that is another entity's full name (two words or more) with words in front, all of them
    titles or trades ("GM Ed Stefanski", "Palmer Police Sergeant Shayne La Croix"), words written in
    lower case ("unbeaten Russian Alexander Povetkin", "a Rite Aid"), a nationality before a person, or
    other names of the story run into it (a headline glued to the text: "Nixon W. Mark Felt",
    "Pichilemu Roberto Córdova", "U.S. Forest Service"), joins that entity (in place); the names in
    front are counted as mentions of their own entities. A hyphen or a list ("Evansville - Indiana
    State") is no glue, nor two names in front of one name of a thing ("Banstead High Street",
    "Wellington High Street")."""
    where = {_glue_key(v): (v, c) for c in clusters for v in c.surfaces}
    # the words seen in front of each name: two places in front of one generic name are two things
    # ("Banstead High Street", "Wellington High Street")
    heads: dict[tuple[str, str], set[tuple[int, ...]]] = defaultdict(set)
    for c in clusters:
        for s in c.surfaces:
            words = s.split()
            for j in range(1, len(words) - 1):  # the entities in front: "U.S." and "US" are one
                if fronts := _glue(words[:j], where, clusters, False):
                    heads[_glue_key(" ".join(words[j:]))].add(tuple(sorted({id(o) for _v, o in fronts})))
    for c in list(clusters):
        if c not in clusters:
            continue
        for s in sorted(c.surfaces, key=lambda v: -len(v.split())):
            words = s.split()
            for j in range(1, len(words) - 1):
                hit = where.get(_glue_key(" ".join(words[j:])))
                if hit is None or hit[1] is c or hit[1] not in clusters or len(hit[0].split()) < 2:
                    continue
                if not words[j][:1].isalnum():  # "Evansville - Indiana State": a game, no glue
                    continue
                fronts = _glue(words[:j], where, clusters, hit[1].family == "PERSON")
                if fronts is None:
                    continue
                dst = hit[1]
                if fronts and dst.family != "PERSON" and len(heads[_glue_key(" ".join(words[j:]))]) > 1:
                    continue
                if any(owner is c for _v, owner in fronts):
                    continue  # the words in front are a name of this same entity ("Panthers" of "Panthers Reggie Bush")
                _absorb(dst, c, clusters, labels=False)  # "Coroner Gary Hargrove" with "Hargrove"
                dst.glued.add(s)
                for v, owner in fronts:
                    owner.surfaces[v] += counts.get(s, 0)
                for v in dst.surfaces:
                    where[_glue_key(v)] = (v, dst)
                break
            else:
                continue
            break


def _glue_key(s: str) -> tuple[str, str]:
    """A name folded, its digits kept apart ("Flight 592" is not "Flight 111")."""
    return fold(s), _NOT_DIGIT.sub("", s)


def _glue(words: list[str], where: dict[tuple[str, str], tuple[str, _Cluster]], clusters: list[_Cluster],
          person: bool) -> list[tuple[str, _Cluster]] | None:  # fmt: skip
    """The names of the story among the words in front of a name, or None when a word is no title,
    trade, lower-case word or name (for a person, a nationality too)."""
    fronts: list[tuple[str, _Cluster]] = []
    if any(re.fullmatch(r"[-–—/&+]+", w) for w in words):  # "Evansville - Indiana State": a game, no glue
        return None
    i = 0
    while i < len(words):
        for e in range(len(words), i, -1):  # the longest name of the story starting here
            hit = where.get(_glue_key(" ".join(words[i:e])))
            if hit is not None and person and hit[1].family == "PERSON" and " " not in hit[0]:
                # a one-word person in front of a person is a surname of another ("Nixon W. Mark Felt"),
                # not a first name ("Regina M. Benjamin")
                surname = any(v.split()[-1] == hit[0] for v in hit[1].surfaces if " " in v)
                hit = hit if surname else None
            if hit is not None and hit[1] in clusters and (hit[1].family != "NORP" or person):
                if hit[1].family != "NORP":
                    fronts.append(hit)
                i = e
                break
        else:
            w = words[i].lower().rstrip(".")
            if not w[:1].isalpha() or (w in _LEADING and (i or w not in ("a", "an", "the"))):
                return None  # "Chris Ivory on Injured Reserve", "Parliament the Communist Party": no glue
            if not (words[i][:1].islower() or (person and w in ROLE_WORDS | _TITLE_INSIDE | _LONE_TITLES | _TRADES)):
                return None
            i += 1
    return fronts


def _merge_slips(clusters: list[_Cluster]) -> None:
    """Clusters of different label families whose names differ by a slip of typing ("Schenectady" GPE /
    "Schnectady" PERSON, "Hugh Hefner" / "Hugh Heffner"), a plural ("Academy Awards" / "Academy Award"),
    a generic place head ("Bío Bío Region" LOC / "Bío Bío" PERSON) or a company's legal form ("Qualys"
    GPE / "Qualys Inc." ORG) are one entity (in place): the less mentioned joins the other, with the
    place head the place and the legal form the company; nationalities are left alone ("Somali" /
    "Somalia")."""
    keys = {id(c): _slip_keys(c) for c in clusters}
    index: dict[str, set[int]] = defaultdict(set)  # clusters that may be one edit apart share a key
    for c in clusters:
        for k in keys[id(c)]:
            index[k].add(id(c))
    for small in sorted(clusters, key=lambda c: sum(c.surfaces.values())):
        if small.family == "NORP" or small not in clusters:
            continue
        near = {i for k in keys[id(small)] for i in index[k]}
        for big in clusters:
            if big is small or id(big) not in near or big.family in (small.family, "NORP"):
                continue
            how = _slip_between(small, big)
            if how == "head" or (how and sum(big.surfaces.values()) >= sum(small.surfaces.values())):
                _absorb(big, small, clusters, labels=False)
                break


def _slip_keys(c: _Cluster) -> set[str]:
    """Keys two clusters share when a name of one may be a slip, plural or headless form of one of the
    other: the folded names, their place cores and levelled spellings, and the cores with one letter
    dropped (a slip of one letter leaves one deletion in common)."""
    keys = set()
    for x in c.surfaces:
        fx = fold(x)
        core = _place_core(fx)
        keys |= {fx, core, translit(fx), _legal_base(fx)}
        for f in {fx, core}:
            if len(f) >= 7:
                keys |= {f[:i] + f[i + 1 :] for i in range(len(f))}
    return keys


def _slip_between(a: _Cluster, b: _Cluster) -> str | None:
    """How names of ``a`` and ``b`` are one: "slip", or "head" when a name of ``b`` (a place) is one
    of ``a`` with a place head ("Bío Bío Region" / "Bío Bío")."""
    for x in a.surfaces:
        fx = fold(x)
        for y in b.surfaces:
            fy = fold(y)
            if _NOT_DIGIT.sub("", x) != _NOT_DIGIT.sub("", y):  # "Windows 8" / "Windows", "Beijing 2008"
                continue
            if b.family == "PLACE" and " " in fy and _place_core(fy) == fx:
                return "head"
            if b.family == "ORG" and a.family != "PERSON" and _legal_base(fy) == fx and x not in _GAZETTEER:
                return "head"  # "Qualys" GPE / "Qualys Inc.": the company, whatever spaCy said of the bare name
            if _slip(_place_core(fx), _place_core(fy)) or (translit(fx) == translit(fy) and len(fx) >= 6):
                return "slip"
            # a plural, not of a person's name: "the Mitchells" is the family, not John N. Mitchell
            if min(len(fx), len(fy)) >= 7 and (fy == fx + "s" and not _surname_of(a, fx)
                                               or fx == fy + "s" and not _surname_of(b, fy)):
                return "slip"
    return None


_NOT_PERSON_WORDS = _BODY_LAST | _STREET_LAST | _EVENT_LAST | _ORG_TAILS | _LANDFORMS | _TITLE_INSIDE


def _merge_person_shaped(clusters: list[_Cluster], lower: set[str]) -> None:
    """A person's full name spaCy labelled an organisation, a place or a product ("Bettie Page" ORG, 22
    times beside "Betty Mae Page"; "Kathryn Gomes" FAC) joins the only person of the story it fits
    (``similar`` for people: one surname, first names that fit), a person named two ways at least and
    mentioned no less. Every name of the cluster must look like
    a person's: two or three capitalised words, the first and last no word the story writes in lower
    case, no title or opener, none the word of a body, street, event or landform ("Matanuska Creamery",
    "Academy Award", "McAfee Labs")."""
    # a person named two ways at least ("Page" and "Betty Mae Page"), not a thing spaCy called a person once
    # ("Matanuska Maid Creamery" PERSON)
    people = [c for c in clusters if c.family == "PERSON" and len(c.surfaces) > 1]
    shaped = [c for c in clusters if c.family in ("ORG", "PLACE", "PRODUCT")
              and all(_person_shaped(v, lower) for v in c.surfaces)]  # fmt: skip
    for c in shaped:  # people only grow, and no shaped cluster is a person: no cluster is gone before its turn
        hits = [p for p in people if any(similar(x, v, "PERSON") for x in c.surfaces for v in p.surfaces if " " in v)]
        if len(hits) == 1 and sum(hits[0].surfaces.values()) >= sum(c.surfaces.values()):
            _absorb(hits[0], c, clusters, labels=False)


def _merge_late_first_names(clusters: list[_Cluster], things: dict[str, str], cut: dict[str, set[str]],
                            read: dict[str, list[tuple[str, Mention]]] | None = None) -> None:
    """A first name alone that found no person when it was placed, because its person's full names were then
    an organisation's ("Bettie" ORG, 15 mentions, beside "Bettie Page" ORG, 19, which joined "Betty Mae Page"
    only as a person-shaped name), joins that person now when it is the first word of the full names of no
    other person, and its mentions run into no capitalised word foreign to that name (``_short_form_owner``'s
    first-name rule). So does a given name of the list, or a name no place list knows ("Kathina"), that spaCy took
    for a place ("Regina" beside "Regina Benjamin", "Tyler" beside "Tyler Hansbrough") when it is no country or
    capital of the gazetteer and none of its mentions stands where places stand (a possessive is no place: "from
    Kathina's home") or after another capitalised word ("Hurricane George"); its person is the one whose full
    names begin with it, or the one of them mentioned five times as often as all the others together ("Tyler" 96
    times, "Tyler Smith" once), and named three times at least."""
    for c in list(clusters):
        if c not in clusters or len(c.surfaces) != 1 or c.family not in ("PERSON", "ORG", "PLACE"):
            continue
        (s,) = c.surfaces
        if " " in s or s.isupper() or fold(s) in things:
            continue
        if c.family == "PLACE" and (read is None or not (_known_given(s) or not _known_place(s))
                                    or s.lower() in _GAZETTEER_FOLDED
                                    or any(_placed_or_named_after(t, m) for t, m in read[s])):
            continue
        f, others = fold(s), cut.get(s, set())
        owners = [o for o in clusters if o is not c and o.family == "PERSON"
                  and any(" " in v and v not in o.glued and fold(v).split()[0] == f for v in o.surfaces)]  # fmt: skip
        if len(owners) > 1 and c.family == "PLACE":
            owners.sort(key=lambda o: -sum(o.surfaces.values()))
            if sum(owners[0].surfaces.values()) >= 5 * sum(sum(o.surfaces.values()) for o in owners[1:]):
                owners = owners[:1]
        if c.family == "PLACE" and owners and sum(owners[0].surfaces.values()) < 3:
            continue  # a person named in passing is not called by a first name ("George W. Bush" twice)
        if len(owners) == 1 and not others - {p for v in owners[0].surfaces for p in fold(v).split()}:
            _absorb(owners[0], c, clusters, labels=False)


_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _placed_or_named_after(t: str, m: Mention) -> bool:
    """A mention of a bare given name stands where places stand (not counting a possessive: "from Kathina's
    home"), or comes right after a capitalised word that is no honorific ("Hurricane George", "St. Louis")."""
    if t.startswith(("'s", "’s"), m.end):
        return False
    if _place_context(t, m):
        return True
    b = _CAPITALISED_BEFORE.search(t, max(0, m.start - 30), m.start)
    return b is not None and not _starts_sentence(t, b.start(1)) and b.group(1).lower() not in HONORIFICS


def _person_shaped(v: str, lower: set[str]) -> bool:
    words = v.split()
    if not 2 <= len(words) <= 3 or v in _GAZETTEER:
        return False
    if not all(re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+|[A-Z]\.?", w) for w in words):
        return False
    return (_given_name(words[0], lower) and _given_name(words[-1], lower)
            and not any(w.lower() in _NOT_PERSON_WORDS for w in words))  # fmt: skip


def _surname_of(c: _Cluster, f: str) -> bool:
    """Folded ``f`` is the surname of a person's full name in ``c``."""
    return c.family == "PERSON" and any(" " in v and fold(v).split()[-1] == f for v in c.surfaces)


def _two_full_names(a: _Cluster, b: _Cluster) -> bool:
    """Both clusters hold a multi-word name and no two of those names are alike."""
    fa, fb = [v for v in a.surfaces if " " in v], [v for v in b.surfaces if " " in v]
    return bool(fa and fb) and not any(similar(x, y, a.family) for x in fa for y in fb)


def canonical_lookup(canon: dict[str, str]) -> Any:
    """A function mapping any name (a variant, or a surname) to its canonical entity name. A name
    that is none of them but holds a full name of the story as whole words ("Qualys CTO Wolfgang
    Kandek", a speaker read with its title) maps to that name's entity."""

    folded = {fold(k): v for k, v in canon.items()}
    # full names (two words or more), longest first, as whole-word patterns over folded text
    inside = sorted((f for f in folded if " " in f), key=lambda f: (-len(f), f))

    def lookup(name: str) -> str:
        n = normalise(name)
        if n in canon:
            return canon[n]
        f = fold(n)
        if f in folded:
            return folded[f]
        pair, titled = " and " in f" {n} ", n.split()[-1].lower().strip(".") in ROLE_HEADS
        for k, v in canon.items():
            # (not two names' initials: "Mark and Condon" is no "M.C."; nor for a title: "Foreign Minister" is no
            # "Foreign Ministry")
            if similar(k, n) and not titled and not (pair and k.isupper()):
                return v
        # a title comes before the name: a full name ending the string first ("Prime Minister of the
        # United Kingdom Tony Blair" is Tony Blair), then one inside it, not one a title ends ("Albany
        # County District Attorney" is no "Albany County District")
        padded = f" {f} "
        for k in inside:
            if padded.endswith(f" {k} "):
                return folded[k]
        for k in inside:
            if f" {k} " in padded:
                after = padded.split(f" {k} ", 1)[1].split()
                if after and after[0] in ROLE_HEADS and not re.search(r"[-–,:(]", n):
                    return n
                return folded[k]
        return n

    return lookup
