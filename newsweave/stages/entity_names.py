"""Entity names: normal and folded forms, skeletons, acronyms and the tests of two names being one."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from .textutil import stage_data

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


# given names and frequent surnames from a name list (US 1990 census, see the file): evidence FOR a person only
_NAME_LISTS = stage_data("person_names.json")
_GIVEN_NAMES = frozenset(_NAME_LISTS["names"])
# well-known names (countries, capitals, regions, international organisations, benchmarks/
# entity_gazetteer_build.py) that count as mentions where spaCy left them untagged; "ambiguous"
# ones (also first names or common words: "Chad", "Jordan") only when the story tags them itself
_GAZETTEER_DATA = stage_data("gazetteer.json")
_GAZETTEER: dict[str, str] = {k: v for k, v in _GAZETTEER_DATA["names"].items()
                              if k not in set(_GAZETTEER_DATA["ambiguous"])}  # fmt: skip
