"""Entities across stories: one id and one canonical name per real entity in the whole store.

Each story resolves its own mentions (``entities.resolve_entities``); this stage links every
story's entities to the entities already known from other stories, so that "Sergey Lavrov" in one
story and "Sergei Lavrov" in another are the same entity with one name.

Across stories names are more ambiguous than inside one story (two people called Smith, "ICC" for a
court and for a cricket council), so the rule is stricter than the story's own:

- the label family must agree (person, organisation, place, or the same other label);
- when both sides have a full name (two words or more), the full names decide: some pair of them must
  be alike (``entities.similar``: spelling, romanisation, "U.S." / "United States", first names that
  fit). "Jane Smith" never joins "John Smith" through the shared "Smith";
- when one side has only one-word names ("Washington", "Atlantic", "ICC"), a name must be alike and the
  match unique: a bare name that fits two known entities opens a third rather than guess. A person
  needs a full name on both sides ("Thomas" alone links to no one), and initials alone never link
  ("CU" to "Catholic University"): an acronym joins its expansion through a story whose text
  links the two ("the World Health Organization (WHO)").

The stage is free of state: candidates come from an index (``EntityIndex``: the store; an in-memory
SQLite store for a one-off run) looked up by blocking keys, so linking a story costs a few lookups
however many entities are known.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from ..records import KnownEntity
from .entities import (
    _ORG_NOUNS,
    _PAPER_NOUNS,
    _core,
    _expand,
    _family,
    _initials_all,
    _place_core,
    acronym,
    fold,
    similar,
    translit,
)

# labels that get a story-independent identity (the ones a story report lists); "OTHER" is a name the
# story gives no kind for (an ORG tag without an organisation's evidence: entities.py)
LINKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "VESSEL", "WORK_OF_ART", "OTHER"})


def _link_family(label: str) -> str:
    """The family an entity is linked in across stories: a plain name with organisations, since it is one the
    tagger called an organisation and another story may give the evidence for ("Yahoo" named once here)."""
    return "ORG" if label == "OTHER" else _family(label)


class EntityIndex(Protocol):
    """Where known entities live (``store.sqlite.SQLiteStore``)."""

    def entity_candidates(self, keys: Iterable[str]) -> list[KnownEntity]:
        """Known entities that share at least one blocking key."""
        ...

    def save_entity_links(self, story_id: str, links: list[tuple[KnownEntity, str, int, list[str]]]) -> None:
        """Replace the story's links: (entity id and family with the story's name and names, label,
        mentions, blocking keys) per entity."""
        ...


def _full(variants: Iterable[str]) -> list[str]:
    return [v for v in variants if " " in fold(v)]


def blocking_keys(variants: Iterable[str], fam: str) -> set[str]:
    """Keys under which a name is indexed; two names ``similar`` calls alike share one (the whole
    name with romanisation levelled, its first or last word, its initials)."""
    keys: set[str] = set()
    for v in variants:
        f = fold(v)
        if not f:
            continue
        c = _core(_expand(f))
        keys.add("x:" + translit(c.replace(" ", "")))
        words = c.split()
        for w in {words[0], words[-1]}:
            if len(w) >= 3:
                keys.add("w:" + translit(w))
        for a in (acronym(v), _initials_all(v)):
            if a:
                keys.add("a:" + a)
    return {f"{fam}|{k}" for k in keys}


def same_entity(a: Sequence[str], b: Sequence[str], fam: str) -> bool:
    """Whether two entities of one family from different stories, given by all their names, are one
    (see the module docstring). Initials alone never link across stories ("BBC" is not "Banstead
    Baptist Church" there): an acronym joins its expansion through a story whose text links the two."""
    fa, fb = _full(a), _full(b)
    if fa and fb:
        return any(similar(x, y, fam, initials=False) for x in fa for y in fb)
    if fam == "PERSON":
        return False  # a bare "Thomas" in one story says nothing about "Pierre Thomas" in another
    return any(_bare_alike(x, y, fam) for x in a for y in b)


def _bare_alike(x: str, y: str, fam: str) -> bool:
    """Names alike across stories when one entity has only one-word names: the same letters (case,
    accents, spaces, dots and hyphens aside: "U.S." / "US", "Los Ángeles" / "Los Angeles"), a
    country's short name ("America" / "United States"), a generic place word dropped ("Atlantic" /
    "Atlantic Ocean"), or one romanisation of a long name. A generic noun ("Parliament", "the Army")
    names a different body in each story, so it links nothing."""
    fx, fy = fold(x), fold(y)
    generic = _ORG_NOUNS | _PAPER_NOUNS  # "the Post" is another paper in each story
    if not fx or not fy or (" " not in fx and fx in generic) or (" " not in fy and fy in generic):
        return False
    if fx.replace(" ", "") == fy.replace(" ", "") or _expand(fx) == _expand(fy):
        return True
    if fam == "PLACE" and _place_core(fx) == _place_core(fy):
        return True
    return min(len(fx), len(fy)) >= 6 and translit(fx) == translit(fy)


def entity_id(name: str, fam: str, taken: set[str] | None = None) -> str:
    """A stable id from the first canonical name ("E" + 10 hex digits); a suffix if it is taken."""
    base = "E" + hashlib.sha1(f"{fam}:{fold(name)}".encode()).hexdigest()[:10]
    out, n = base, 1
    while taken is not None and out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


def match(entity: dict[str, Any], cands: list[KnownEntity]) -> str | None:
    """The id of the known entity this story entity is, among the candidates, or None for a new one."""
    fam = _link_family(str(entity["label"]))
    names = _names(entity)
    hits = [k for k in cands if k.family == fam and same_entity(names, k.variants, fam)]
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0].id
    if not _full(names):
        return None  # a bare name that fits several known entities
    # full names that fit several known ones (an earlier story could not tell them apart): the one
    # sharing a full name exactly, else the first known
    exact = {fold(n) for n in _full(names)}
    for k in hits:
        if exact & {fold(v) for v in _full(k.variants)}:
            return k.id
    return hits[0].id


def _names(entity: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys([str(entity["name"]), *map(str, entity.get("variants", ()))]))


def link_story(index: EntityIndex, story_id: str, entities: list[dict[str, Any]]) -> list[str]:
    """Link one story's entities (``resolve_entities`` output, linked labels only) to the entities
    known from other stories, save the links, and return each entity's id in order. Re-linking a
    story replaces its earlier links (an entity keeps its id when it is matched again)."""
    ids: list[str] = []
    links: list[tuple[KnownEntity, str, int, list[str]]] = []
    for e in entities:
        fam = _link_family(str(e["label"]))
        names = _names(e)
        keys = blocking_keys(names, fam)
        cands = index.entity_candidates(sorted(keys))
        eid = match(e, cands)
        if eid is None or eid in ids:  # two entities of one story stay two
            eid = entity_id(str(e["name"]), fam, {c.id for c in cands} | set(ids))
        ids.append(eid)
        links.append((KnownEntity(eid, str(e["name"]), fam, tuple(names)), str(e["label"]), int(e.get("mentions", 1)),
                      sorted(keys)))  # fmt: skip
    index.save_entity_links(story_id, links)
    return ids
