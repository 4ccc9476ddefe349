"""Merging a story's clusters: the owners of short forms and surnames, and the merges of links, nicknames,
singulars, storms, glued names and slips."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet

from ..records import Mention
from .entity_context import (
    _LEADING,
    _LONE_TITLES,
    _STORM_FIRST,
    _SURNAME_PARTICLES,
    _TITLE_INSIDE,
    HONORIFICS,
    ROLE_WORDS,
    _Cluster,
    _known_given,
)
from .entity_labels import _lower_words, _majority_family, _starts_sentence
from .entity_names import (
    _GAZETTEER,
    _GIVEN_NAMES,
    _NICKNAME_INSIDE,
    _NOT_DIGIT,
    _ORG_NOUNS,
    _PAPER_NOUNS,
    _PARENS_AFTER,
    _PLACE_HEADS,
    _WIRES,
    LABELS,
    _legal_base,
    _place_core,
    _slip,
    fold,
    normalise,
    similar,
    translit,
)
from .entity_support import (
    _ACRONYM,
    _GAZETTEER_FOLDED,
    _NOT_GIVEN,
    _given_name,
    _known_place,
    _person_shaped,
    _place_context,
)


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


# --- links written in the texts: "the World Health Organization (WHO)", "X, also known as Y" ---------

_ALIAS_CUE = re.compile(
    r"\s*,?\s*\(?\s*(?:also\s+(?:known|named|called|spelled|spelt)(?:\s+as)?|a\.?k\.?a\.?|alias)\s+", re.IGNORECASE
)


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
            links.extend((x, a, False) for x in _written_out(a, text, m.end))
    return links


# a place's head word, then its own name after "of": "the tourist Island of Qeshm" (also "Qeshm Island")
_HEAD_OF = re.compile(r" of ([A-Z][\w'’-]+)")
_HEAD_OF_WORDS = frozenset({"Island", "Lake", "Mount", "Cape", "Bay", "River", "Isle"})
# a surname spaCy left out of a name, written in small letters with a hyphen: "Mehdi iran-Nejad" (the story's
# "Mehdi Irannejad")
_LOWER_SURNAME = re.compile(r" ([a-z]+-[A-Z][a-z]+)\b")


def _written_out(a: str, text: str, end: int) -> list[str]:
    """The fuller surfaces a one-word mention ``a`` is written out to right after it: "X Island" for "Island of
    X", "Mehdi Irannejad" for "Mehdi iran-Nejad" (the fuller surface need not exist; the merge looks it up)."""
    if a in _HEAD_OF_WORDS and (hit := _HEAD_OF.match(text, end)):
        return [f"{hit.group(1)} {a}"]
    if " " not in a and (hit := _LOWER_SURNAME.match(text, end)):
        glued = hit.group(1).replace("-", "")
        return [f"{a} {glued[0].upper()}{glued[1:].lower()}"]
    return []


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


def _merge_editions(clusters: list[_Cluster]) -> None:
    """A product named only by its line's name and its edition ("Windows XP") is the product the story also names
    by the edition alone ("XP", "XP Professional"), when the line is a product of the story ("Windows"): the
    edition's word then names no other product (not "Windows Mail" beside a "Mail" that is no product)."""
    products = {s: c for c in clusters if c.family == "PRODUCT" for s in c.surfaces}
    for c in list(clusters):
        if c.family != "PRODUCT" or len(c.surfaces) != 1:
            continue
        (s,) = c.surfaces
        line, _, edition = s.partition(" ")
        dst = products.get(edition)
        if " " in edition or dst is None or dst is c or products.get(line) in (None, c, dst):
            continue
        _absorb(dst, c, clusters)
        products[s] = dst


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


def _surname_of(c: _Cluster, f: str) -> bool:
    """Folded ``f`` is the surname of a person's full name in ``c``."""
    return c.family == "PERSON" and any(" " in v and fold(v).split()[-1] == f for v in c.surfaces)


def _two_full_names(a: _Cluster, b: _Cluster) -> bool:
    """Both clusters hold a multi-word name and no two of those names are alike."""
    fa, fb = [v for v in a.surfaces if " " in v], [v for v in b.surfaces if " " in v]
    return bool(fa and fb) and not any(similar(x, y, a.family) for x in fa for y in fb)
