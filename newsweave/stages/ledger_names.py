"""The names the quote ledger shows for its speakers: the extractor's speaker name mapped onto the story's
entities (``entities.canonical_lookup``), read against the article's own words where the story-level mapping
alone goes wrong: a surname two people of the story share ("Gigante": Vincent or the Rev. Louis), a title
alone ("The German Chancellor, Angela Merkel, ..." is Merkel, not "Chancellor"; "Filmmaker" is no name), an
organisation's name cut by the tagger ("US Agency" [for International Development])."""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any

from newsweave.records import Quote
from newsweave.stages.entities import HONORIFICS, ROLE_HEADS, ROLE_WORDS
from newsweave.stages.ledger import COMMON_WORDS, PEOPLE_NOUNS, person_noun
from newsweave.stages.textutil import singular, stage_data

_NAMES = stage_data("person_names.json")
_CENSUS = frozenset(_NAMES["names"]) | frozenset(_NAMES["surnames"])  # "King", "Pope", "Green" are names
_GENERATIONS = frozenset({"jr", "sr", "snr", "ii", "iii", "iv"})
_NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW"})
# a person's name after a title: "Chancellor, Angela Merkel", "Sgt. Marty Earley", "Director at security company
# Trusteer, Dana Tamir", "Filmmaker and aviator Howard Hughes"
_NAME_AFTER = re.compile(r"\.?(?:,|\s+(?:at|of|for|with)\s+[^,.;:\"“”\n]{1,50},|\s+and\s+[a-z]+)?\s+"
                         r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)")  # fmt: skip
# an organisation's head noun the tagger's span may stop at before "for ..." / "of ..."
_ORG_HEADS = frozenset("""
    agency department ministry office commission committee bureau service institute council administration
    organization organisation association union federation board
""".split())  # fmt: skip
# (no day or month: "the Interior Department on Thursday")
_NO_DATE = (r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|"
            r"September|October|November|December)\b)")
_ORG_REST = re.compile(rf"\s+(?:for|of|on)\s+(?:the\s+)?{_NO_DATE}[A-Z][\w’'-]*(?:\s+(?:and\s+|of\s+|for\s+|on\s+|"
                       rf"the\s+)*{_NO_DATE}[A-Z][\w’'-]*)*")  # fmt: skip


def _bare(w: str) -> str:
    return w.lower().strip(".,")


def _marker(w: str) -> bool:
    """A word that can tell a person from another of the same surname: a given name or a nickname, no initial
    ("L."), honorific or generation."""
    return w[:1].isupper() and len(w.strip(".")) > 2 and _bare(w) not in HONORIFICS | _GENERATIONS


def _apart(a: set[str], b: set[str]) -> bool:
    """Whether two people's given names differ: none shared, none a spelling of another ("Jon" / "John")."""
    return bool(a and b) and not any(
        x.lower().startswith(y.lower()) or y.lower().startswith(x.lower()) or SequenceMatcher(None, x, y).ratio() > 0.75
        for x in a for y in b
    )


def _surname(name: str) -> str:
    words = [w for w in name.split() if _bare(w) not in _GENERATIONS]
    return words[-1] if words else name


class StoryNames:
    """A story's speaker names: ``speaker(q, text)`` is the name the ledger shows for quote ``q`` of an article
    (its text), or None when the article names nobody (a title alone)."""

    def __init__(self, canon: dict[str, str], lookup: Callable[[str], str], kind: dict[str, str]) -> None:
        self.lookup, self.kind = lookup, kind
        people = sorted({v for v in canon.values() if kind.get(v) == "PERSON" and len(v.split()) > 1})
        given = {p: {w for w in p.split() if _marker(w) and w != _surname(p)} for p in people}
        by_surname: dict[str, list[str]] = {}
        for p in people:
            by_surname.setdefault(_surname(p), []).append(p)
        # two people, not one written two ways ("Jon Owen" / "John Owen", "Naturally Scott Boras" / "Scott Boras")
        self.shared = {
            s: kept for s, ps in by_surname.items()
            if len(kept := [p for p in ps if all(_apart(given[p], given[o]) for o in ps if o != p)]) > 1
        }  # fmt: skip
        # the words that tell them apart: given names and nicknames the story has for one of them ("Chin")
        self.markers: dict[str, dict[str, str]] = {}
        for s, ps in self.shared.items():
            words: dict[str, set[str]] = {}
            for k, v in canon.items():
                if v in ps:
                    for w in k.split():
                        if w != s and _marker(w):
                            words.setdefault(w, set()).add(v)
            self.markers[s] = {w: next(iter(vs)) for w, vs in words.items() if len(vs) == 1}

    def speaker(self, q: Quote, text: str) -> str | None:
        raw = q.speaker_name
        if not raw:
            return None
        span = q.speaker
        if span is not None and span.text.split() and _bare(span.text.split()[-1]) in ROLE_HEADS:
            named = self._name_after(text, span.end)  # "The German Chancellor, Angela Merkel, ..."
            if named:
                return named
        if span is not None and _bare(raw.split()[-1]) in _ORG_HEADS and raw.split()[-1] == span.text.split()[-1]:
            rest = _ORG_REST.match(text, span.end)  # "US Agency" [for International Development]
            if rest:  # the story's name for it if it has one, else as the article writes it
                full = f"{raw} {' '.join(rest.group(0).split())}"
                mapped = self.lookup(full)
                return mapped if set(full.lower().split()) <= set(mapped.lower().split()) else full
        name = self.lookup(raw)
        if " " not in raw and raw != _surname(name) and raw in _surname(name).split("-"):
            return raw  # a part of another's double surname: Adam "Pacman" Jones is no Maurice Jones-Drew
        words = raw.split()
        if name.split()[: len(words)] == words and all(_bare(w) in ROLE_HEADS for w in name.split()[len(words) :]):
            name = raw  # a title the story's name caught after it: "Oregon State Police Lt"
        if self._title(name, text):
            return None
        return self._surname_owner(name, q, text)

    def _name_after(self, text: str, end: int) -> str | None:
        m = _NAME_AFTER.match(text, end)
        if not m:
            return None
        words = m.group(1).split()
        for n in range(len(words), 1, -1):  # "Angela Merkel", not "Angela Merkel Tuesday"
            name = self.lookup(" ".join(words[:n]))
            if self.kind.get(name) == "PERSON" or n == len(words) == 2 and _bare(words[0]) in _NAMES["names"]:
                return name
        return None

    def _title(self, name: str, text: str) -> bool:
        """Whether a name is a title or a person noun alone ("Chancellor", "Filmmaker", "Surgeon General"), not
        the name of someone ("King", "Metzger", "Haldeman") nor of an organisation the story knows ("Navy")."""
        if self.kind.get(name) in _NOT_PEOPLE:
            return False
        words = [_bare(w) for w in name.split()]
        if any(w in _CENSUS for w in words) or not all(w in ROLE_WORDS or w in PEOPLE_NOUNS for w in words[:-1]):
            return False
        head = words[-1]
        if head in ROLE_HEADS or head in PEOPLE_NOUNS:
            return True
        if singular(head) != head or not person_noun(head):  # (a plural is a team's name: "the Sixers")
            return False
        # a word that ends like a person's ("-er", "-man") is a title when it is a compound of a common word and a
        # person noun ("film-maker", not "Metzger" or "Haldeman") or when the article writes it as one
        if any(head[:i] in COMMON_WORDS and head[i:] in PEOPLE_NOUNS for i in range(3, len(head) - 3)):
            return True
        w = re.escape(name.split()[-1])
        return bool(re.search(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}(?i:{w})\b", text)) or any(
            self._name_after(text, m.end()) for m in re.finditer(rf"\b{w}\b", text)
        )

    def _surname_owner(self, name: str, q: Quote, text: str) -> str:
        """Of two people of the story with one surname, the one the extractor named, unless the article names
        that one only after the quote (the Rev. Louis Gigante, named further on, for "Gigante" in an article about
        Vincent): then the one the speaker's words name, else the one the article names nearest before, else the
        story's owner of the surname. A bare surname keeps the story's owner of it."""
        s = _surname(name)
        if s not in self.shared or q.speaker is None or name not in self.markers[s].values():
            return name
        markers = self.markers[s]
        own = [markers[w] for w in q.speaker.text.split() if w in markers]
        if own:
            return own[0]
        # (a name in apposition to the speaker counts: 'said her nephew, Ravi Singh, 32')
        after = re.match(r"[^.!?\"“”\n]{0,40}", text[q.speaker.end :])
        before = text[: q.speaker.end + (after.end() if after else 0)]
        found = sorted((m.start(), p) for w, p in markers.items() for m in re.finditer(rf"\b{re.escape(w)}\b", before))
        if q.speaker_name == s or name in {p for _, p in found}:
            return name
        if found:
            return found[-1][1]
        return self.lookup(s)


def story_names(canon: dict[str, str], lookup: Callable[[str], str], kind: dict[str, str]) -> Any:
    """``StoryNames(...).speaker``: the speaker-name function of a story."""
    return StoryNames(canon, lookup, kind).speaker
