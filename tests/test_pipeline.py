"""End to end: the seeds and the bundled samples through `newsweave run`, as a new user would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.pipeline import Pipeline
from newsweave.store.sqlite import SQLiteStore

from .conftest import ROOT, SAMPLES, need_seeds

pytestmark = pytest.mark.slow


def _run(paths: list[str], out: Path, db: Path) -> int:
    return main(["run", *paths, "--out", str(out), "--db", str(db), "-q"])


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    seeds = need_seeds()
    out = tmp_path_factory.mktemp("seeds")
    assert _run([str(seeds)], out, out / "nw.db") == 0
    return {"out": out, "doc": json.loads((out / "stories.json").read_text())}


def test_seeds_make_one_story_with_both_articles(seeds_run: dict) -> None:
    doc = seeds_run["doc"]
    assert doc["schema_version"] == "1.0"
    assert len(doc["stories"]) == 1
    story = doc["stories"][0]
    assert story["size"] == 2


def test_seed_furniture_is_gone_and_sources_recognised(seeds_run: dict) -> None:
    out = seeds_run["out"]
    store = SQLiteStore(str(out / "nw.db"))
    arts = store.articles()
    store.close()
    text = "\n".join(a.text for a in arts)
    for junk in (
        "Post a Comment",
        "syria.suv@gmail.com",
        "ADS\n",
        "Bookshop | Donate",
        "Equipo Nizkor",
    ):
        assert junk not in text
    npr = next(a for a in arts if "Kremlin" in (a.title or ""))
    assert npr.original_source == "NPR"
    assert npr.published == "2017-04-12"


def test_seed_quote_ledger_joins_the_two_wordings(seeds_run: dict) -> None:
    story = seeds_run["doc"]["stories"][0]
    entry = next(q for q in story["quotes"] if any("important moment" in w["text"] for w in q["wordings"]))
    assert "Tillerson" in (entry["speaker"] or "")
    assert len(entry["wordings"]) == 2 and len(entry["articles"]) == 2
    assert any(op != "=" for op, _ in entry["diff"])


def test_seed_corroborated_claims_carry_each_articles_wording(seeds_run: dict) -> None:
    story = seeds_run["doc"]["stories"][0]
    texts = {a["id"]: None for a in story["articles"]}
    group = next(g for g in story["comparison"]["corroborated"] if "candid" in g["text"])
    assert {s["article"] for s in group["sentences"]} == set(texts)
    for s in group["sentences"]:  # each span's text is its own article's sentence (as the report prints it)
        assert "candid" in s["text"] and len(s["text"]) <= s["end"] - s["start"]
    assert "*also:*" in (seeds_run["out"] / "report.md").read_text()


def test_seed_entities(seeds_run: dict) -> None:
    story = seeds_run["doc"]["stories"][0]
    names = {v for e in story["entities"] for v in e["variants"]}
    for want in ("Lavrov", "Putin", "Tillerson", "Assad"):
        assert any(want in n for n in names), want
    assert any(n.startswith("Khan Sh") for n in names)
    lavrov = next(e for e in story["entities"] if "Lavrov" in e["name"])
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= set(lavrov["variants"])


def test_seed_summary_cites_articles(seeds_run: dict) -> None:
    story = seeds_run["doc"]["stories"][0]
    ids = {a["id"] for a in story["articles"]}
    assert story["summary"]["sentences"]
    for s in story["summary"]["sentences"]:
        assert s["citations"] and set(s["citations"]) <= ids
    html = (seeds_run["out"] / "report.html").read_text()
    assert "Tillerson" in html and (seeds_run["out"] / "report.md").exists()


def test_rerun_is_idempotent_and_adding_files_is_incremental(tmp_path: Path) -> None:
    db, out = tmp_path / "nw.db", tmp_path / "out"
    jl = SAMPLES / "wikinews.jsonl"
    assert _run([str(jl)], out, db) == 0
    first = json.loads((out / "stories.json").read_text())
    assert _run([str(jl)], out, db) == 0
    again = json.loads((out / "stories.json").read_text())
    strip = lambda d: [(s["id"], s["size"], s["summary"]["text"]) for s in d["stories"]]  # noqa: E731
    assert strip(first) == strip(again)
    store = SQLiteStore(str(db))
    assert store.article_count() == 10
    store.close()
    assert _run([str(SAMPLES)], out, db) == 0  # adds the .html and .txt samples
    more = json.loads((out / "stories.json").read_text())
    assert sum(s["size"] for s in more["stories"]) == 12
    old_ids = {s["id"] for s in first["stories"]}
    assert old_ids <= {s["id"] for s in more["stories"]}  # same stories continue


def test_a_file_read_again_by_a_newer_extractor_is_not_stored_twice(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from newsweave.stages import ingest

    db, out = tmp_path / "nw.db", tmp_path / "out"
    html, dump = SAMPLES / "haiti-earthquake.html", SAMPLES / "chile-aftershock-blog.txt"
    assert _run([str(html), str(dump)], out, db) == 0
    # a newer extractor finds other titles in the same files: other ids, but the same stored files,
    # which are not even extracted again
    calls: list[str] = []
    for name in ("read_html", "read_text_dump"):
        real = getattr(ingest, name)

        def retitled(*a: object, _real: object = real, **k: object) -> object:
            calls.append(str(a[1]))
            return replace(_real(*a, **k), title="Retitled", id="a-new-id-" + str(a[1])[-8:])  # type: ignore[operator]

        monkeypatch.setattr(ingest, name, retitled)
    assert _run([str(html), str(dump)], out, db) == 0
    store = SQLiteStore(str(db))
    assert store.article_count() == 2 and calls == []
    store.close()
    # a changed file is a new input
    edited = tmp_path / "edited.txt"
    edited.write_text(dump.read_text(encoding="utf-8") + "\nA paragraph added later by the site's editors.\n")
    assert _run([str(edited)], out, db) == 0
    store = SQLiteStore(str(db))
    assert store.article_count() == 3 and calls == [str(edited)]
    store.close()


def test_samples_group_into_their_three_events(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "nw.db"))
    res = Pipeline(store, progress=False).run([str(SAMPLES)], tmp_path / "out")
    assert res.new == 12 and not res.skipped
    members = store.story_members()
    arts = {a.id: a for a in store.articles()}
    store.close()
    topics = []
    for ids in members.values():
        words = " ".join((arts[i].title or "") + arts[i].text[:300] for i in ids)
        topics.append({t for t in ("London", "Chile", "Haiti") if t in words})
    big = [t for t, ids in zip(topics, members.values(), strict=True) if len(ids) >= 3]
    assert len(big) == 3 and all(len(t) >= 1 for t in big)


def test_interrupted_run_keeps_finished_work(tmp_path: Path) -> None:
    """Kill a run mid-way: the store stays readable and a second run completes the job."""
    db, out = tmp_path / "nw.db", tmp_path / "out"
    src = tmp_path / "in.jsonl"
    lines = (SAMPLES / "wikinews.jsonl").read_text().splitlines()
    src.write_text("\n".join(lines * 1) + "\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [
        sys.executable,
        "-m",
        "newsweave",
        "run",
        str(src),
        "--out",
        str(out),
        "--db",
        str(db),
        "-q",
    ]
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4.0)
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert subprocess.run(cmd, env=env, capture_output=True).returncode == 0
    store = SQLiteStore(str(db))
    assert store.article_count() == 10
    assert not store.unclustered_ids()
    assert not store.stale_stories()
    store.close()


def test_cli_reads_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "nw.db", tmp_path / "out"
    assert _run([str(SAMPLES / "wikinews.jsonl")], out, db) == 0
    capsys.readouterr()
    assert main(["stories", "--db", str(db)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing
    sid = listing[0].split()[0]
    assert main(["show", sid[:8], "--db", str(db)]) == 0
    assert "##" in capsys.readouterr().out
    assert main(["show", sid, "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == sid
    for fmt in ("json", "md", "html"):
        assert main(["export", "--format", fmt, "--db", str(db), "-o", str(tmp_path / f"x.{fmt}")]) == 0
    assert json.loads((tmp_path / "x.json").read_text())["stories"]
    assert main(["show", "nope", "--db", str(db)]) == 2
    assert main(["stories", "--db", str(tmp_path / "none.db")]) == 2
    # the entity listing counts in words a reader would write, and says when a query matches nothing
    assert main(["entities", "--db", str(db), "--limit", "0"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows and all(" 1 stories" not in r and " 1 mentions" not in r for r in rows)
    assert any(" 1 story " in r for r in rows) and any(" mentions  " in r for r in rows)
    assert main(["entities", "--db", str(db), "no such name here"]) == 0
    assert "no entity name contains 'no such name here'" in capsys.readouterr().err


def test_crash_between_storing_and_clustering_is_repaired(tmp_path: Path) -> None:
    """A run that dies after storing a chunk but before clustering it loses nothing."""
    from newsweave.settings import Settings

    store = SQLiteStore(str(tmp_path / "nw.db"))
    pipe = Pipeline(store, Settings(db_batch_size=4), progress=False)
    real = store.save_clustering
    calls = {"n": 0}

    def flaky(states, assignments):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(states, assignments)

    store.save_clustering = flaky  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        pipe.run([str(SAMPLES / "wikinews.jsonl")])
    store.save_clustering = real  # type: ignore[method-assign]
    assert store.article_count() == 8 and len(store.unclustered_ids()) == 4
    res = Pipeline(store, Settings(db_batch_size=4), progress=False).run([str(SAMPLES / "wikinews.jsonl")])
    assert res.new == 2 and res.already_stored == 8
    assert store.article_count() == 10 and not store.unclustered_ids() and not store.stale_stories()
    assert sum(len(v) for v in store.story_members().values()) == 10
    store.close()


def test_stories_json_follows_the_schema(seeds_run: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "newsweave" / "schema" / "stories.schema.json").read_text())
    jsonschema.validate(seeds_run["doc"], schema)


def test_a_reposted_copy_is_marked_as_copy_of_the_original(tmp_path: Path) -> None:
    """The blog's text dump reposts a WikiNews article: same story, marked as a copy of it."""
    blog = (SAMPLES / "chile-aftershock-blog.txt").read_text()
    body = blog.split("By Wikinews staff\n\n", 1)[1].split("\n\nShare this article", 1)[0]
    src = tmp_path / "wire.jsonl"
    rec = {"id": "wire-1", "title": "New earthquake hits Chile", "text": body, "source": "Wikinews",
           "published": "2010-05-05"}  # fmt: skip
    src.write_text(json.dumps(rec) + "\n")
    store = SQLiteStore(str(tmp_path / "nw.db"))
    Pipeline(store, progress=False).run([str(src), str(SAMPLES / "chile-aftershock-blog.txt")])
    doc = Pipeline(store, progress=False).document()
    store.close()
    assert len(doc["stories"]) == 1
    arts = {a["origin"].split("/")[-1]: a for a in doc["stories"][0]["articles"]}
    wire, copy = arts["wire.jsonl:1"], arts["chile-aftershock-blog.txt"]
    assert copy["copy_of"] == wire["id"] and wire["copy_of"] is None


def test_a_story_without_titles_is_named_by_a_short_first_sentence() -> None:
    from newsweave.records import Article
    from newsweave.stages.story import HEADLINE_CHARS, headline

    wire = ("Eds: UPDATES with four more deaths\nMANILA, Philippines (AP) _ Typhoon Babs headed toward southern "
            "China on Friday after battering the central and northern Philippines, where it killed at least 156 "
            "people and left thousands homeless. More rain is expected.")  # fmt: skip
    short = "WASHINGTON _ Investigators found the cause on Sept. 5 of the crash of Swissair Flight 111. More later."
    arts = [Article("a1", wire), Article("a2", short)]
    assert headline(arts[::-1], []) == "Investigators found the cause on Sept. 5 of the crash of Swissair Flight 111"
    # a long first sentence loses its tail clause, or is cut at a word with an ellipsis
    assert headline([arts[0]], []) == (
        "Typhoon Babs headed toward southern China on Friday after battering the central and northern Philippines")
    run_on = ("Two possible gang members are under arrest for the assassination-style murder of a Los Angeles "
              "County sheriff's deputy outside his house in a gang-plagued section of the city last summer.")
    # ... ended where a phrase ends, after its verb, not inside a quotation or a relative clause
    assert headline([Article("a7", run_on)], []) == (
        "Two possible gang members are under arrest for the assassination-style murder")
    ends = {  # (the 961-article stream's and PolNeAR's first sentences)
        "Ailing Philippine Airlines and prospective investor Cathay Pacific Airways have clashed over the laying off "
        "of PAL workers, prompting PAL to revive talks with another foreign airline, an official said Tuesday.":
        "Ailing Philippine Airlines and prospective investor Cathay Pacific Airways have clashed over the laying off "
        "of PAL workers",
        "Declaring him a martyr of the faith, Pope John Paul II on Saturday honored Croatia's World War II cardinal, "
        "a hero to Roman Catholics, but long a symbol of divisions in the Balkans.":
        "Pope John Paul II on Saturday honored Croatia's World War II cardinal, a hero to Roman Catholics",
        "Eric Trump's not so sure father gave his charity 'hundreds of thousands.' Last week, Eric Trump said that "
        "his father had given money to the foundation.":
        "Eric Trump's not so sure father gave his charity 'hundreds of thousands.' Last week …",
    }
    for sentence, want in ends.items():
        assert headline([Article("a13", sentence)], []) == want
    investigators = ("Investigators looking into the crash last month of Swissair Flight 111 off the coast of Nova "
                     "Scotia have found heat damage in wires from the plane's in-flight entertainment system.")
    cut = headline([Article("a14", investigators)], [])  # no verb before the limit: cut at a word
    assert cut.startswith("Investigators looking") and cut.endswith(" …") and len(cut) <= HEADLINE_CHARS + 2
    assert headline([Article("a3", "A title here", title="Typhoon Babs hits China"), arts[0]], []) == (
        "Typhoon Babs hits China")
    # a title that is a long first sentence: its closing attribution, an apposition after the subject
    # and a tail clause go, never a clause inside a relative clause on the subject
    long_titles = {
        "Dr. Sanjay Gupta, a neurosurgeon and chief medical correspondent for CNN, has been offered the post of "
        "Surgeon General by President-elect Barack Obama, according to sources.":
        "Dr. Sanjay Gupta has been offered the post of Surgeon General by President-elect Barack Obama",
        "Jim O'Brien was terminated from his position as head men's basketball coach at Ohio State University "
        "following the disclosure that he loaned a recruit's mother money.":
        "Jim O'Brien was terminated from his position as head men's basketball coach at Ohio State University",
        "Tara Reid has entered a rehab program at a Malibu treatment centre for the second time this year, the "
        "American Pie star's rep confirmed to People on Friday.":
        "Tara Reid has entered a rehab program at a Malibu treatment centre for the second time this year",
    }
    long_titles["A suspected Mafia leader has hanged himself in prison in Sicily hours after being arrested, "
                "Italian police say"] = (  # 110 characters: over 90, the attribution goes
        "A suspected Mafia leader has hanged himself in prison in Sicily hours after being arrested")
    for title, want in long_titles.items():
        assert headline([Article("a8", "x", title=title)], []) == want
    climber = ("An Australian climber who survived two nights stuck on Mount Cook after seeing his brother die also "
               "narrowly escaped an avalanche on the descent, rescuers said on Monday.")
    assert headline([Article("a9", "x", title=climber)], []).endswith(" …")
    # a title in capitals only gives way to another article's title (the 961-article stream's DUI story)
    shout = Article("a11", "x", title="CHARGERS' WILLIAMS ARRESTED ON SUSPICION OF DUI")
    calm = Article("a12", "x", title="Charger Jamal Williams arrested on suspicion of DUI")
    assert headline([shout, calm], []) == "Charger Jamal Williams arrested on suspicion of DUI"
    assert headline([shout], []) == "CHARGERS' WILLIAMS ARRESTED ON SUSPICION OF DUI"
    # a cut one gives way to a short title of another central article
    assert headline([Article("a9", "x", title=climber), Article("a10", "x", title="Climber escapes avalanche")],
                    []) == "Climber escapes avalanche"  # fmt: skip
    # a site's full stop after its title goes; an abbreviation's stays
    title = "Watergate figure Fred LaRue dies."
    assert headline([Article("a4", "x", title=title)], []) == "Watergate figure Fred LaRue dies"
    assert headline([Article("a5", "x", title="Oil giant to buy Mobil Corp.")], []) == "Oil giant to buy Mobil Corp."
    assert headline([Article("a6", "x", title="Is it over? Not yet...")], []) == "Is it over? Not yet..."
    # a stop a tokenized source (ECB+) set apart goes with its space
    waitrose = 'A Waitrose store was reduced to ruins after a blaze treated by police as "potentially suspicious" .'
    assert headline([Article("a7", "x", title=waitrose)], []).endswith('as "potentially suspicious"')
    # a first sentence that leans on a pronoun or says too little gives way to another central article's
    # (DUC 2003, Hurricane Georges), and a participle clause is a tail to end before
    lead = "It plowed over and past 17 Caribbean islands, crashing into the lives of more than 30 million people."
    fact = ("For 11 days last month, Hurricane Georges plowed across the Caribbean, killing at least 500 people and "
            "inflicting property damage estimated at billions of dollars.")  # fmt: skip
    georges = [Article("b1", lead), Article("b2", "Things could have been worse. More later."), Article("b3", fact)]
    assert headline(georges, []) == "For 11 days last month, Hurricane Georges plowed across the Caribbean"
    assert headline(georges[:2], []) == lead[:-1]  # no better one: the first stays


def test_an_article_repeated_in_the_input_is_counted_as_repeated_not_stored(tmp_path: Path) -> None:
    from newsweave.settings import Settings

    lines = (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path / "twice.jsonl"
    path.write_text("\n".join(lines + lines[:1]) + "\n", encoding="utf-8")
    store = SQLiteStore(":memory:")
    res = Pipeline(store, Settings(), progress=False).run([str(path)])
    assert (res.read, res.new, res.already_stored, res.repeated) == (3, 2, 0, 1)
    assert "1 repeated in the input" in res.summary_line()
    store.close()


def test_a_headline_never_ends_inside_a_quotation_of_any_mark_style() -> None:
    from newsweave.stages.story import _open_quote

    # tokenized sources (DUC) write ``...'' for a quotation; the stream's own sentence
    inside = "The Election Committee spoke of ``unprecedented"
    assert _open_quote(inside) and not _open_quote(inside + "'' participation by voters")
    assert _open_quote('He said "the stations were empty') and _open_quote("it was \u201cgreat")
    assert _open_quote("it was 'great") and not _open_quote("it was 'great' but")
    assert not _open_quote("Clinton's plan and the voters' choice")
