"""Entities across stories: one id and one name per real entity in the store (stages/registry.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsweave.cli import main
from newsweave.pipeline import Pipeline
from newsweave.stages.entities import similar
from newsweave.stages.registry import blocking_keys, link_story, same_entity
from newsweave.store.sqlite import SQLiteStore

from .conftest import SAMPLES


def ent(name: str, label: str = "PERSON", variants: list[str] | None = None, mentions: int = 3) -> dict[str, Any]:
    return {"name": name, "label": label, "variants": variants or [name], "mentions": mentions, "articles": ["a"]}


@pytest.mark.parametrize(
    ("a", "b", "fam", "same"),
    [
        (["Sergei Lavrov", "Lavrov"], ["Sergey Lavrov"], "PERSON", True),  # the seeds' two spellings
        (["Khan Sheikhun"], ["Khan Shaykhun"], "PLACE", True),
        (["ExxonMobil"], ["Exxon Mobil"], "ORG", True),
        (["U.S."], ["United States", "US"], "PLACE", True),
        (["America"], ["United States"], "PLACE", True),
        (["Atlantic"], ["Atlantic Ocean"], "PLACE", True),
        (["Jane Smith", "Smith"], ["John Smith", "Smith"], "PERSON", False),  # the shared surname is not enough
        (["Thomas"], ["Pierre Thomas", "Thomas"], "PERSON", False),  # a bare name links no person
        (["George W. Bush", "Bush"], ["George H.W. Bush"], "PERSON", False),
        (["BBC"], ["Banstead Baptist Church"], "ORG", False),  # initials alone link nothing across stories
        (["ICC", "International Criminal Court"], ["ICC", "International Cricket Council"], "ORG", False),
        (["Parliament"], ["Greek Parliament", "Parliament"], "ORG", False),  # a generic noun
        (["Creep"], ["Crip"], "ORG", False),
    ],
)
def test_same_entity_across_stories(a: list[str], b: list[str], fam: str, same: bool) -> None:
    assert same_entity(a, b, fam) is same
    assert same_entity(b, a, fam) is same


def test_a_hyphenated_word_is_not_an_acronym() -> None:
    assert not similar("All-American", "African American", "NORP")
    assert not similar("Pre-Tour", "Portugal Telecom", "ORG")
    assert similar("U.S.", "United States") and similar("MOD", "Ministry of Defence", "ORG")


def test_alike_names_share_a_blocking_key() -> None:
    pairs = [("Sergei Lavrov", "Sergey Lavrov", "PERSON"), ("U.S.", "United States", "PLACE"),
             ("Khan Sheikhun", "Khan Shaykhun", "PLACE"), ("Atlantic", "Atlantic Ocean", "PLACE")]  # fmt: skip
    for a, b, fam in pairs:
        assert blocking_keys([a], fam) & blocking_keys([b], fam), (a, b)


def test_stories_share_ids_and_the_store_keeps_them() -> None:
    store = SQLiteStore(":memory:")
    one = link_story(store, "s1", [ent("Sergei Lavrov", variants=["Sergei Lavrov", "Lavrov"], mentions=5),
                                   ent("Moscow", "GPE")])  # fmt: skip
    two = link_story(store, "s2", [ent("Sergey Lavrov", mentions=9), ent("John Smith"), ent("Moscow", "GPE")])
    assert two[0] == one[0] and two[2] == one[1] and two[1] not in one
    lavrov = store.entity(one[0])
    assert lavrov is not None
    assert {s["story"] for s in lavrov["stories"]} == {"s1", "s2"}
    assert lavrov["name"] == "Sergey Lavrov"  # the most mentioned full name across the stories
    assert {"Sergei Lavrov", "Sergey Lavrov", "Lavrov"} <= set(lavrov["variants"])
    total, found = store.entities("lavrov")
    assert total == 1 and found[0]["stories"] == 2
    # re-linking a story replaces its links; an entity left without a story is gone
    again = link_story(store, "s2", [ent("Sergey Lavrov", mentions=9)])
    assert again == [one[0]]
    assert store.entity(two[1]) is None
    assert store.entities("smith")[0] == 0
    store.close()


def test_a_plain_name_links_with_the_organisation_another_story_shows_it_is() -> None:
    # entities.py gives an ORG tag without an organisation's evidence the label "OTHER" ("Yahoo" named once)
    store = SQLiteStore(":memory:")
    plain = link_story(store, "s1", [ent("Yahoo", "OTHER", mentions=4)])
    org = link_story(store, "s2", [ent("Yahoo", "ORG", mentions=1)])
    assert plain == org
    yahoo = store.entity(org[0])
    assert yahoo is not None and yahoo["label"] == "ORG"  # a kind wins over none, whatever the mentions
    store.close()


def test_stored_reports_show_the_name_across_stories(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "nw.db"))
    eid = link_story(store, "s0", [ent("Sergey Lavrov", mentions=50)])[0]
    report = {"id": "s1", "entities": [{**ent("Sergei Lavrov"), "id": eid}],
              "quotes": [{"speaker": "Sergei Lavrov"}, {"speaker": "Someone Else"}]}  # fmt: skip
    store.db.execute("INSERT INTO stories (id, state, report, updated_at) VALUES ('s1', '{}', NULL, '')")
    store.save_story_reports({"s1": report})
    got = store.story_report("s1")
    assert got is not None
    assert got["entities"][0]["name"] == "Sergey Lavrov"
    assert "Sergei Lavrov" in got["entities"][0]["variants"]  # the story's own spelling stays visible
    assert [q["speaker"] for q in got["quotes"]] == ["Sergey Lavrov", "Someone Else"]
    assert store.story_reports()[0]["entities"][0]["name"] == "Sergey Lavrov"
    store.close()


@pytest.mark.slow
def test_runs_give_entities_ids_and_the_cli_lists_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nw.db"
    store = SQLiteStore(str(db))
    Pipeline(store, progress=False).run([str(SAMPLES)], tmp_path / "out")
    reports = store.story_reports()
    ids = [e["id"] for r in reports for e in r["entities"]]
    assert ids and all(ids)
    top = store.entities(limit=1)[1][0]
    store.close()
    capsys.readouterr()
    assert main(["entities", "--db", str(db), "--limit", "5"]) == 0
    assert top["name"] in capsys.readouterr().out
    assert main(["entities", "--db", str(db), "--id", top["id"]]) == 0
    assert "story" in capsys.readouterr().out
    assert main(["entities", "--db", str(db), "--id", "nope"]) == 2


@pytest.mark.slow
def test_a_store_from_before_entity_links_gets_them_on_the_next_run(tmp_path: Path) -> None:
    db = tmp_path / "nw.db"
    store = SQLiteStore(str(db))
    Pipeline(store, progress=False).run([str(SAMPLES / "wikinews.jsonl")], tmp_path / "out")
    n = store.entities()[0]
    assert n > 0
    # what an older newsweave left: reports without entity ids, no entity tables filled
    for table in ("entities", "entity_links", "entity_keys"):
        store.db.execute(f"DELETE FROM {table}")
    for r in store.story_reports():
        for e in r["entities"]:
            e.pop("id", None)
        store.save_story_reports({r["id"]: r})
    assert store.unlinked_stories()
    Pipeline(store, progress=False).run([str(SAMPLES / "wikinews.jsonl")], tmp_path / "out")
    assert store.entities()[0] == n
    assert all(e.get("id") for r in store.story_reports() for e in r["entities"])
    store.close()


def test_two_entities_of_one_story_with_one_name_are_both_linked() -> None:
    store = SQLiteStore(":memory:")
    ids = link_story(store, "s1", [ent("Washington", "GPE", mentions=4), ent("Washington", "PERSON", mentions=2)])
    assert len(set(ids)) == 2
    found = {e["id"]: (e["label"], e["stories"], e["mentions"]) for e in store.entities()[1]}
    assert found == {ids[0]: ("GPE", 1, 4), ids[1]: ("PERSON", 1, 2)}
    link_story(store, "s1", [])  # relinked without them: both gone
    assert store.entities()[0] == 0
    store.close()


def test_an_entity_across_stories_is_named_by_its_full_calm_form() -> None:
    from newsweave.store.sqlite import _name_rank

    def best(tallies: dict[str, int]) -> str:
        return max(tallies, key=lambda n: _name_rank(n, tallies[n], list(tallies)))

    # the 961-article stream: "Colo" (AP style) was more mentioned than "Colorado", "TAIPEI" than "Taipei"
    assert best({"Colo": 6, "Colorado": 4}) == "Colorado"
    assert best({"TAIPEI": 5, "Taipei": 2}) == "Taipei"
    assert best({"Conn": 3, "Connecticut": 2}) == "Connecticut"
    assert best({"US": 40, "United States": 10, "America": 12}) == "United States"
    assert best({"NATO": 9, "Nato": 1}) == "NATO"  # a short acronym in capitals is no shouting


def test_names_with_other_numbers_are_other_things() -> None:
    from newsweave.stages.entities import similar

    assert not similar("Interstate 75", "Interstate 5", "FAC")
    assert not similar("Flight 447", "Flight 477", "ORG")
    assert similar("Flight 447", "flight 447", "ORG") and similar("A330", "A330-200", "PRODUCT")


def test_a_short_name_is_no_spelling_of_a_longer_word() -> None:
    from newsweave.stages.entities import similar

    # the 961-article stream (ECB+, CC BY): "the Dairy" (Matanuska Maid) had joined Dar Miller
    assert not similar("Dar", "Dairy", "PERSON")
    assert similar("Jim", "Jimmy", "PERSON") and similar("Sergei", "Sergey", "PERSON")
