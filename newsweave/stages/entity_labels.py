"""A story's label votes by family: lists, places and landmarks, works, teams and schools, products, awards,
groups, and names that are not people."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from ..records import Mention
from .entity_context import (
    _BODY_LAST,
    _EVENT_LAST,
    _LANDFORMS,
    _NAME_LABELS,
    _ORG_WORDS,
    _PLACES,
    _STREET_LAST,
    _SURNAME_PARTICLES,
    _SURNAMES,
    _TEAM_NAMES,
    _TITLE_INSIDE,
    HONORIFICS,
    ROLE_HEADS,
    _exact,
    _known_given,
    _shape_label,
)
from .entity_names import (
    _DASH,
    _DASH_OR_SPACE,
    _GAZETTEER,
    _GAZETTEER_DATA,
    _GIVEN_NAMES,
    _ORG_TAILS,
    _PAPER_NOUNS,
    _PARTICLES,
    _PLACE,
    _PLACE_HEADS,
    _SENTENCE_GAP,
    LABELS,
    _family,
    normalise,
)
from .textutil import common_words, stage_data

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
_SCALE_AFTER = re.compile(r"\s+scale\b")
# a degree of a scale after its name: "Valparaíso (Mercalli III)"; the I-XII of intensity scales
_SCALE_DEGREE = re.compile(r"(?:X{0,1}(?:IX|IV|V?I{0,3})|XII?)")


def _scales(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]],
            read: dict[str, list[tuple[str, Mention]]]) -> None:  # fmt: skip
    """A one-word name written before "scale" is a measuring scale's ("the Mercalli scale intensities", "the
    Richter scale"), a plain name (OTHER), and so is that name with a degree after it ("Mercalli III"), which
    spaCy takes for a person's with a generation's numeral."""
    named = {s for s in by_surface if " " not in s and any(_SCALE_AFTER.match(t, m.end) for t, m in read.get(s, ()))}
    for s, labs in list(by_surface.items()):
        head, _, degree = s.partition(" ")
        if s in named or (head in named and degree and _SCALE_DEGREE.fullmatch(degree)):
            by_surface[s] = Counter({"OTHER": sum(labs.values())})
            cues[s] = Counter()


def _cut_names(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
               read: dict[str, list[tuple[str, Mention]]]) -> None:  # fmt: skip
    """A one-word name each of whose mentions is the start of a longer name of the story written out in full
    right there is that name cut short by spaCy, and takes its family: "the [Hydrographic] and Oceanographic
    Service of the Chilean Navy" (PERSON) beside "Hydrographic and Oceanographic Service" (ORG)."""
    for s, labs in by_surface.items():
        longer = [v for v in by_surface if v.startswith(s + " ")]
        if " " in s or not longer or not read.get(s):
            continue
        whole = {v for t, m in read[s] for v in longer if t.startswith(v, m.start)}
        if len(whole) == 1 and all(any(t.startswith(v, m.start) for v in whole) for t, m in read[s]):
            full = by_surface[next(iter(whole))] + cues[next(iter(whole))]
            if full and _majority_family(full) != _majority_family(labs + cues[s]):
                cues[s][full.most_common(1)[0][0]] += 3 * counts[s] + sum(labs.values())


# a newspaper's name that opens with a Romance article, cited as a source: "according to La Nación" (spaCy's
# PERSON); people are rarely named so ("El Chapo" is not cited "according to")
_PAPER_FIRST = frozenset({"La", "El", "Le", "Il"})
_SOURCE_BEFORE = re.compile(r"\b(?:according to|reported by|told|(?:newspaper|daily|paper))\s+$")


def _papers(by_surface: dict[str, Counter[str]], cues: dict[str, Counter[str]], counts: Counter[str],
            read: dict[str, list[tuple[str, Mention]]]) -> None:  # fmt: skip
    """A two- or three-word name opening with "La", "El", "Le" or "Il" that the votes make a person's, cited as a
    source in one of its mentions, is a newspaper (ORG): "according to La Nación", "the daily El Mercurio"."""
    for s, labs in by_surface.items():
        words = s.split()
        if (1 < len(words) <= 3 and words[0] in _PAPER_FIRST and _majority_family(labs + cues[s]) == "PERSON"
                and any(_SOURCE_BEFORE.search(t, max(0, m.start - 30), m.start) for t, m in read.get(s, ()))):
            cues[s]["ORG"] += 3 * counts[s] + sum(labs.values())


_PRONOUN_AFTER = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)
_PLURAL = re.compile(r"[A-Z][a-z]+[^siu'’]s")  # "Dolphins", "Bucs"; not "Davis", "Marcus", "Acropolis", "Hess"
# names of cities of 15,000 people or more and of states, provinces, regions, counties (GeoNames, CC BY 4.0, and
# ISO 3166-2; benchmarks/entity_places_build.py): evidence against PERSON for a name with no person's mark only
# a capitalised word (no abbreviation: "St. Croix" is a place) or a nickname's bracket right before a name: "Thomas
# (Tommy Ryan) Eboli"; a person's office, kin or campaign right after it: "the Obama administration"
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*|\))\s+$")
_PERSON_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|presidency|campaign|era|family|cabinet|aides?|wife|"
                           r"husband|widow|son|daughter|mother|father|brother|sister)\b")


# common English words pages write in lower case (the list ``stages/clean.py`` uses; benchmarks/dump_common_words.py)
_COMMON_WORDS = common_words()
# a title right before a one-word name ("Doctor Green", "Mr. Guest", "Gov. Covas")
_ADJECTIVE_USE = re.compile(r"\ban? $")
_TITLE_WORD_BEFORE = re.compile(r"\b(?i:doctor|prof|professor|gov|sen|rep|det|insp|" + "|".join(
    sorted(w for w in ROLE_HEADS | HONORIFICS if w.isalpha())) + r")\.?\s+$")


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


_NOT_PERSON_WORDS = _BODY_LAST | _STREET_LAST | _EVENT_LAST | _ORG_TAILS | _LANDFORMS | _TITLE_INSIDE
