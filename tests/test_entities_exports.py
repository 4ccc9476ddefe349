"""entities.py is split into entity_* modules: the names other stages, benchmarks and tests import from
``newsweave.stages.entities`` still come from there, and the gazetteer the audits edit through it
(``entities._GAZETTEER``, cleared and refilled in place) is the one the rules read."""

from __future__ import annotations

import importlib

from newsweave.records import Mention
from newsweave.stages import entities

_HOMES = ("entity_names", "entity_context", "entity_labels", "entity_support", "entity_mentions", "entity_merge")


def test_every_exported_name_is_the_rule_modules_own() -> None:
    homes = [importlib.import_module(f"newsweave.stages.{h}") for h in _HOMES]
    for name in entities.__all__:
        value = getattr(entities, name)
        own = name in ("resolve_entities", "canonical_lookup")  # the entry points stay in entities.py
        assert own or any(getattr(h, name, None) is value for h in homes), name
    for name in ("resolve_entities", "canonical_lookup", "story_mentions", "similar", "fold", "_GAZETTEER"):
        assert name in entities.__all__


def test_a_name_added_to_the_gazetteer_through_entities_changes_the_label() -> None:
    text = "He flew to Zorbania on Monday, the ministry said. Zorbania denied it."
    items = [("a", Mention(start=11, end=19, text="Zorbania", label="PERSON"))]
    assert entities.resolve_entities(items, {"a": text})[0][0]["label"] == "PERSON"
    entities._GAZETTEER["Zorbania"] = "GPE"
    try:
        assert entities.resolve_entities(items, {"a": text})[0][0]["label"] != "PERSON"
    finally:
        del entities._GAZETTEER["Zorbania"]
    assert entities.resolve_entities(items, {"a": text})[0][0]["label"] == "PERSON"
