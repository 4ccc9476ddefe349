"""A resolved entity's label from its votes, and the evidence an organisation, a place or a team needs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from collections.abc import Set as AbstractSet

from ..records import Mention
from .entity_context import (
    _BODY_LAST,
    _BUSINESS_AFTER,
    _CALENDAR_WORDS,
    _CAPITALISED_WORDS,
    _EMPLOYER_BEFORE,
    _GROUP_OF,
    _KNOWN_BY,
    _LANDFORMS,
    _MEDIA_AFTER,
    _MEDIUM_BEFORE,
    _OPENERS,
    _ORG_WORDS,
    _PLACE_PLURALS,
    _PLACE_PREPS,
    _PLACE_WORDS,
    _PLACES,
    _SCHOOL_LAST,
    _SERVICE_AFTER,
    _STAKE_IN,
    _STREET_FIRST,
    _STREET_LAST,
    _SURNAMES,
    _TEAM_AFTER,
    _TEAM_BEFORE,
    _TEAM_PLURAL,
    _TOWN_AFTER,
    HONORIFICS,
    ROLE_WORDS,
    _Cluster,
    _known_given,
)
from .entity_labels import (
    _AT_BEFORE,
    _COMMON_WORDS,
    _FIRM_PLURALS,
    _NOT_PERSON_WORDS,
    _PLURAL,
    _SPEECH_AFTER,
    _VESSEL_WORDS,
    _group_shape,
    _majority_family,
    _unlisted_person_shape,
)
from .entity_names import (
    _GAZETTEER,
    _GAZETTEER_DATA,
    _GIVEN_NAMES,
    _LEGAL_FORMS,
    _ORG_NOUNS,
    _PAPER_NOUNS,
    _PARTICLES,
    _WIRES,
    _family,
    fold,
)

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
# never a first name: sentence openers, titles, months and days ("Yesterday Valverde" is no name)
_NOT_GIVEN = _OPENERS | ROLE_WORDS | _PLACE_WORDS | _ORG_NOUNS | _CALENDAR_WORDS | frozenset("""
    tomorrow tonight now meanwhile also only even both neither either unlike like despite
    although though because since until unless whereas however earlier later last next new old young
    veteran rookie striker defender goalkeeper champion leader star winner rider cyclist driver player
    coach doctor father mother brother sister son daughter wife husband uncle aunt cousin friend
    north south east west northern southern eastern western
    saint st san santa mount miss madam madame princess staff
""".split())  # fmt: skip
_GAZETTEER_FOLDED = {k.lower(): v for k, v in _GAZETTEER.items()}  # "Nato"
_GAZETTEER_ORG_INSIDE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k, v in _GAZETTEER.items()
                                                     if v == "ORG" and " " in k) + r")\b")  # "American Red Cross"


def _given_name(w: str, lower: set[str]) -> bool:
    """Whether a capitalised word right before a surname may be a first name: no word the story also
    writes in lower case, no title, opener, month or day, no adverb ("Ironically") or "-ing" word."""
    low = w.lower()
    if low in _NOT_GIVEN or low in lower or low.endswith("ly") or (low.endswith("ing") and len(low) > 5):
        return False
    return True
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,9}")


def _person_shaped(v: str, lower: set[str]) -> bool:
    words = v.split()
    if not 2 <= len(words) <= 3 or v in _GAZETTEER:
        return False
    if not all(re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+|[A-Z]\.?", w) for w in words):
        return False
    return (_given_name(words[0], lower) and _given_name(words[-1], lower)
            and not any(w.lower() in _NOT_PERSON_WORDS for w in words))  # fmt: skip
