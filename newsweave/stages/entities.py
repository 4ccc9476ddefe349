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

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from ..records import Mention
from .entity_context import (
    _MEDIUM_BEFORE,
    _PLACES,
    _SURNAMES,
    HONORIFICS,
    ROLE_HEADS,
    ROLE_WORDS,
    _Cluster,
    _context_votes,
    _is_head,
    _not_an_entity,
    _of_place_after,
    _owner_of_a_name,
    _role,
    _role_before,
    _shape_label,
)
from .entity_labels import (
    _ADJECTIVE_USE,
    _AGE_BEFORE,
    _CAPS_AFTER,
    _MODEL_AFTER,
    _NAME_BEFORE,
    _PERSON_AFTER,
    _PLURAL,
    _PRONOUN_AFTER,
    _RECORD,
    _SHOP_AFTER,
    _SPEECH_AFTER,
    _TITLE_WORD_BEFORE,
    _award_shows,
    _beside_people,
    _common_words_out,
    _cut_names,
    _demonym_plurals,
    _given_names_as_things,
    _group_words,
    _groups_in_names,
    _institutions_named_short,
    _lede_capitals_out,
    _list_votes,
    _listed_beside,
    _lower_words,
    _majority_family,
    _meteor_showers,
    _not_groups,
    _not_people,
    _papers,
    _people_named_as_things,
    _person_noun_before,
    _place_votes,
    _places_named_as_bodies,
    _product_families,
    _product_lines,
    _pronoun_follows,
    _races_named_short,
    _scales,
    _sports_plurals,
    _starts_sentence,
    _team_votes,
    _titles_out,
    _tools,
    _venues,
    _voted_family,
    _work_cue,
    _works,
)
from .entity_mentions import story_mentions
from .entity_merge import (
    _KIN_AFTER,
    _cut_surnames,
    _generic_owner,
    _longer_name_owner,
    _merge_editions,
    _merge_glued,
    _merge_late_first_names,
    _merge_linked,
    _merge_nicknames,
    _merge_person_shaped,
    _merge_singulars,
    _merge_slips,
    _merge_storms,
    _nicknames,
    _odd_label_surname_owner,
    _particle_surname,
    _short_form_owner,
    _surname_owner,
    _text_links,
)
from .entity_names import (
    _GAZETTEER,
    _GIVEN_NAMES,
    _ORG_NOUNS,
    _PAPER_NOUNS,
    _SENTENCE_GAP,
    LABELS,
    _core,
    _expand,
    _family,
    _initials_all,
    _org_short,
    _place_core,
    acronym,
    fold,
    misspelt,
    normalise,
    similar,
    skeleton,
    translit,
)
from .entity_support import (
    _full_person_name,
    _label,
    _named_by_surname,
    _org_support,
    _paper_names,
    _team_named_as_place,
    _team_town,
    _town_in_score_lines,
    _town_named_for_its_team,
    _unsupported_org,
    _unsupported_place,
    _work_parts_out,
    surnames_of,
)

# names the stages, benchmarks and tests import from here (the rules live in the entity_* modules)
__all__ = [
    "HONORIFICS", "LABELS", "ROLE_HEADS", "ROLE_WORDS", "_GAZETTEER", "_ORG_NOUNS", "_PAPER_NOUNS", "_core",
    "_expand", "_family", "_initials_all", "_not_people", "_place_core", "_role_before", "acronym",
    "canonical_lookup", "fold", "misspelt", "normalise", "resolve_entities", "similar", "skeleton",
    "story_mentions", "surnames_of", "translit",
]

_ORG_WHY: dict[str, str | None] | None = None  # set to a dict to collect each ORG entity's support (the audit)


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
    _scales(by_surface, cues, read)
    _cut_names(by_surface, cues, counts, read)
    _papers(by_surface, cues, counts, read)
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
    _merge_editions(clusters)
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


# Evidence before a name is listed under Organisations (round 4). spaCy tags ORG on many names of other kinds
# (teams are organisations here; products, events, works, headings, pieces of names, people and small places
# are not): an ORG entity keeps its label only when something supports it, else it takes a kind it has
# votes for or is a plain name ("OTHER").
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
