"""`newsweave stories` filters and `newsweave show` ids: the same matching as the web app's story list
(newsweave/store/query.py), over a store built from samples/wikinews.jsonl and the text-dump fixture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.cli import main
from newsweave.store.query import sort_by, story_matches

from .conftest import FIXTURES, SAMPLES

STORY = {
    "id": "s1", "headline": "Floods in Vukovar", "size": 2, "first_published": "2020-05-01",
    "last_published": "2020-05-03T10:00:00Z", "outlets": ["Reuters"],
    "summary": {"text": "The Danube rose on Wednesday."},
    "articles": [{"id": "a1", "source": "Reuters"}, {"id": "a2", "source": "Glas Slavonije"}],
    "entities": [{"name": "Vukovar", "variants": ["Vukovaru"]}],
}  # fmt: skip


def test_story_matches_every_filter() -> None:
    assert story_matches(STORY, q="DANUBE floods")  # every word, any case, in headline or summary
    assert not story_matches(STORY, q="danube drought")
    assert story_matches(STORY, outlet="slavonije") and not story_matches(STORY, outlet="bbc")
    assert story_matches(STORY, entity="vukovaru") and not story_matches(STORY, entity="zagreb")
    assert story_matches(STORY, since="2020-05-03", until="2020-05-03")  # the span overlaps one day
    assert not story_matches(STORY, since="2020-05-04") and not story_matches(STORY, until="2020-04-30")
    assert not story_matches({**STORY, "first_published": None, "last_published": None}, since="2000-01-01")


def test_sort_by_size_or_recent() -> None:
    big_old = {**STORY, "id": "big", "size": 5, "last_published": "2019-01-01"}
    small_new = {**STORY, "id": "new", "size": 1, "last_published": "2021-01-01"}
    undated = {**STORY, "id": "undated", "size": 1, "first_published": None, "last_published": None}
    stories = [small_new, undated, big_old]
    assert [s["id"] for s in sort_by(stories, "size")] == ["big", "new", "undated"]
    assert [s["id"] for s in sort_by(stories, "recent")] == ["new", "big", "undated"]
    with pytest.raises(ValueError):
        sort_by(stories, "name")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "newsweave.db"
    out = path.parent / "out"
    code = main(["run", str(SAMPLES / "wikinews.jsonl"), str(FIXTURES / "dump_wikinews.txt"),
                 "--db", str(path), "--out", str(out), "-q"])  # fmt: skip
    assert code == 0
    return str(path)


def stories(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert main(["stories", "--db", db, "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_filters_on_the_command_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    every = stories(db, capsys)
    assert len(every) >= 4
    sizes = [s["size"] for s in every]
    assert sizes == sorted(sizes, reverse=True)
    london = stories(db, capsys, "--query", "LONDON bomb")
    assert london and all("london" in s["headline"].lower() for s in london)
    assert stories(db, capsys, "--query", "no such words here") == []
    leeds = {s["id"] for s in stories(db, capsys, "--entity", "leeds")}
    assert leeds and leeds <= {s["id"] for s in london}
    assert {s["id"] for s in stories(db, capsys, "--entity", "haiti")}.isdisjoint(leeds)
    example = stories(db, capsys, "--outlet", "example news")
    assert len(example) == 1 and "Example News" in example[0]["outlets"]
    july = stories(db, capsys, "--since", "2005-07-01", "--until", "2005-07-31")
    assert {s["id"] for s in london} <= {s["id"] for s in july}
    assert all((s["last_published"] or "") >= "2010-01-01" for s in stories(db, capsys, "--since", "2010-01-01"))
    recent = [s["last_published"] or "" for s in stories(db, capsys, "--sort", "recent")]
    assert recent == sorted(recent, reverse=True)
    assert [s["id"] for s in stories(db, capsys, "--limit", "2")] == [s["id"] for s in every[:2]]


@pytest.mark.slow
def test_text_listing_and_clear_messages(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", db, "--limit", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[0].startswith("s") and " art " in out[0] and out[1].startswith("... ")
    assert main(["stories", "--db", db, "--query", "zebra crossing"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no story matches --query 'zebra crossing'" in captured.err
    assert main(["stories", "--db", db, "--since", "2010-01-02", "--until", "2010-01-01"]) == 2
    assert "--since 2010-01-02 is after --until 2010-01-01" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["stories", "--db", db, "--since", "last week"])
    assert e.value.code == 2 and "'last week' is not a date: use YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.slow
def test_show_by_prefix_and_ambiguous_or_bad_ids(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    sid = stories(db, capsys)[0]["id"]
    assert main(["show", sid[:8], "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == sid
    assert main(["show", "s", "--db", db]) == 2  # every story id starts with "s"
    err = capsys.readouterr().err
    assert "story id prefix 's' is ambiguous" in err and "give more of the id" in err and len(err.splitlines()) == 1
    for bad in ("snope", "s%", "s_"):  # no LIKE wildcard reaches the store
        assert main(["show", bad, "--db", db]) == 2
        assert f"no story {bad!r}" in capsys.readouterr().err


def test_stories_without_a_store_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", str(tmp_path / "none.db")]) == 2
    assert "run `newsweave run PATH...` first" in capsys.readouterr().err


@pytest.mark.slow
def test_export_and_show_json_follow_the_shipped_schema(db: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parents[1] / "newsweave/schema/stories.schema.json").read_text())
    out = tmp_path / "all.json"
    assert main(["export", "--db", db, "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    story_schema = {**schema, "$ref": "#/$defs/story"}
    del story_schema["required"], story_schema["properties"]
    for s in doc["stories"]:
        capsys.readouterr()
        assert main(["show", s["id"], "--db", db, "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        jsonschema.validate(shown, story_schema)
        assert shown == s


def test_export_csv_tables(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    out = tmp_path / "articles.csv"
    assert main(["export", "--db", db, "--format", "csv", "--table", "articles", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows and {"story", "headline", "article", "title", "outlet", "published", "url"} <= set(rows[0])
    assert len({r["article"] for r in rows}) == len(rows)  # one row per article
    capsys.readouterr()
    assert main(["export", "--db", db, "--format", "csv"]) == 0  # the quote ledger by default, to stdout
    assert capsys.readouterr().out.startswith("story,headline,entry,speaker,")
    with pytest.raises(SystemExit) as e:
        main(["export", "--db", db, "--format", "csv", "--table", "people"])
    assert e.value.code == 2  # argparse names the tables there are
    assert main(["export", "--db", db, "--table", "quotes"]) == 2
    assert "--table quotes is a CSV table: add --format csv" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "words"), [
    (["stories", "--limit", "-1"], "argument --limit: must be at least 0, not -1"),
    (["entities", "--limit", "x"], "argument --limit: 'x' is not a number"),
    (["run", "x", "--words", "0"], "argument --words: must be at least 1, not 0"),
    (["run", "x", "--max-file-mb", "-1"], "argument --max-file-mb: must be at least 0.001, not -1"),
])  # fmt: skip
def test_counts_out_of_range_are_refused(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2 and words in capsys.readouterr().err


def test_a_bad_setting_value_reads_right(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, db = tmp_path / "out", tmp_path / "x.db"
    assert main(["run", str(tmp_path), "--db", str(db), "--out", str(out), "--set", "nlp_processes=two"]) == 2
    assert "nlp_processes takes an int" in capsys.readouterr().err
    assert not out.exists() and not db.exists()  # refused before anything was made
