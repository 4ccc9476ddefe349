"""Entity resolution across articles: spelling variants and surnames merge, different names do not."""

from __future__ import annotations

from newsweave.records import Mention
from newsweave.stages.entities import canonical_lookup, resolve_entities, similar, skeleton


def _m(text: str, label: str) -> Mention:
    return Mention(0, len(text), text, label)


def test_transliteration_variants_merge() -> None:
    assert similar("Sergei Lavrov", "Sergey Lavrov")
    assert similar("Khan Sheikhun", "Khan Shaykhun")
    assert similar("ExxonMobil", "Exxon Mobil")
    assert skeleton("Khan Sheikhun") == skeleton("Khan Shaykhun")
    assert not similar("Rex Tillerson", "Rex Tilden")
    assert not similar("Iran", "Iraq")
    assert not similar("Austria", "Australia")


def test_resolution_merges_surnames_and_keeps_kinds_apart() -> None:
    items = [
        ("a1", _m("Sergei Lavrov", "PERSON")), ("a1", _m("Lavrov", "PERSON")),
        ("a2", _m("Sergey Lavrov", "PERSON")), ("a2", _m("Lavrov", "PERSON")),
        ("a1", _m("Khan Sheikhun", "GPE")), ("a2", _m("Khan Shaykhun", "GPE")),
        ("a1", _m("the Kremlin", "ORG")), ("a2", _m("Kremlin", "ORG")),
        ("a1", _m("Moscow", "GPE")), ("a2", _m("Putin", "PERSON")),
        ("a1", _m("Vladimir Putin", "PERSON")),
    ]  # fmt: skip
    ents, canon = resolve_entities(items)
    by_name = {e["name"]: e for e in ents}
    lav = next(e for e in ents if "Lavrov" in e["name"])
    assert set(lav["variants"]) == {"Sergei Lavrov", "Sergey Lavrov", "Lavrov"}
    assert lav["articles"] == ["a1", "a2"] and lav["mentions"] == 4
    assert by_name["Vladimir Putin"]["variants"] == ["Vladimir Putin", "Putin"] or set(
        by_name["Vladimir Putin"]["variants"]
    ) == {"Vladimir Putin", "Putin"}
    assert by_name["Kremlin"]["label"] == "ORG"
    kh = next(e for e in ents if e["name"].startswith("Khan"))
    assert len(kh["variants"]) == 2
    look = canonical_lookup(canon)
    assert look("Putin") == "Vladimir Putin"
    assert look("Sergey Lavrov") == lav["name"]
    assert look("Nobody Known") == "Nobody Known"


def test_particles_and_acronyms() -> None:
    assert similar("Bashar al-Assad", "Bashar Assad")
    assert similar("U.S.", "United States") and similar("US", "U.S")
    assert similar("UN", "United Nations")
    assert not similar("US", "UK")
    ents, _ = resolve_entities([("a", _m("Sergei Lavrov", "PERSON")), ("a", _m("Lavrov", "ORG")),
                                ("b", _m("Lavrov", "ORG")), ("b", _m("Lavrov", "ORG"))])  # fmt: skip
    assert [(e["name"], e["label"]) for e in ents] == [("Sergei Lavrov", "PERSON")]
