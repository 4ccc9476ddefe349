"""``story_mentions``: spaCy's mentions completed from the texts (the gazetteer, mended spans, defined
acronyms, names tagged once and standing untagged elsewhere)."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from ..records import Mention
from .entity_context import (
    _BODY_HEADS,
    _KNOWN_BY,
    _LANDFORMS,
    _LONE_TITLES,
    _NAME_LABELS,
    _OPENERS,
    _SURNAME_PARTICLES,
    _SURNAMES,
    _TITLE_INSIDE,
    HONORIFICS,
    ROLE_WORDS,
    _exact,
    _is_head,
    _known_given,
)
from .entity_labels import _COMMON_WORDS, _lower_words, _person_noun
from .entity_names import (
    _ALIASES,
    _CAPITALISED,
    _CAPS_2_4,
    _GAZETTEER,
    _GIVEN_NAMES,
    _GIVEN_WORD_BEFORE,
    _HYPHENED_PAIR,
    _ONE_CAPITALISED,
    _ORG_NOUNS,
    _PARTICLES,
    _SPACE_CAPITAL,
    _WIRES,
    LABELS,
    _family,
    fold,
    normalise,
)
from .entity_support import _ACRONYM, _given_name

_GAZETTEER_RE: list[tuple[int, re.Pattern[str]]] = []  # (size of _GAZETTEER it was built from, pattern)


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
