"""Bad input never crashes newsweave: every entry point is fed a pile of broken, real-looking inputs
(built here in tmp_path) and must (1) not raise, with a non-zero exit only for a fatal problem and a
one-line message naming the file (and the line of a JSON-lines file) and what is wrong, (2) process
and count every good item of a mixed batch, (3) report every skipped item.

The reader, `newsweave extract` and the fatal errors of every command run without models (fast);
`run`, `cluster`, `quotes`, `summarize` and the web upload load spaCy and MiniLM (marked slow).
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from pathlib import Path

import pytest

from newsweave import read_articles
from newsweave.cli import main
from newsweave.records import Article, Skip
from newsweave.settings import Settings
from newsweave.stages.ingest import jsonl_lines, jsonl_problem

# real-looking news prose, each a different article (distinct content-hash ids)
PARAS = [
    "The city council of Springfield voted on Tuesday to approve a new budget for its public schools, "
    "mayor John Smith told reporters. The plan adds 40 teachers and repairs the roofs of six buildings.",
    "Flood waters rose across the lower Danube on Wednesday as rain kept falling, and officials in Vukovar "
    "said hundreds of homes had been evacuated. The river is expected to peak on Friday night.",
    "Shares in the carmaker fell 8 percent on Thursday after it cut its forecast for the year, blaming weak "
    "demand in China and the cost of a recall of 300,000 vehicles, the company said in a statement.",
    "A magnitude 6.1 earthquake struck off the coast of northern Chile early on Monday, the US Geological "
    "Survey said. There were no immediate reports of damage or casualties, local radio reported.",
    "The health ministry said on Saturday that the number of measles cases had doubled since January, and "
    "urged parents to have their children vaccinated before the start of the new school year.",
    "Negotiators from both sides met in Geneva on Sunday for a third round of talks on the ceasefire, a UN "
    "spokesman said, adding that the meeting had been constructive but that no agreement was reached.",
    "The national railway said on Friday that it would cancel a third of its trains next week because of a "
    "strike by signal workers over pay, and advised passengers to travel only if they had to.",
]
ZH = ("北京市政府周二宣布，将在未来五年内投资一千亿元用于改善城市交通系统。市长在新闻发布会上表示，"
      "新的地铁线路将连接城市东部和西部的主要居住区。专家认为，这项计划有助于缓解交通拥堵。")  # fmt: skip
AR = [
    "أعلنت الحكومة المصرية يوم الثلاثاء عن خطة جديدة لتحسين البنية التحتية في القاهرة.",
    "وقال وزير النقل في مؤتمر صحفي إن المشروع سيشمل بناء طرق وجسور جديدة خلال السنوات الخمس المقبلة.",
    "ويرى خبراء أن الخطة ستساعد في تخفيف الازدحام المروري في العاصمة والمدن الكبرى.",
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256)) * 8


def _page(title: str, text: str) -> str:
    head = f"<html><head><title>{title}</title></head>"
    return head + f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"


def _mixed_jsonl() -> bytes:
    """A JSON-lines file with a BOM, CRLF line ends, bad lines in the middle and no final newline."""
    lines = [
        json.dumps({"id": "j1", "title": "Springfield budget", "text": PARAS[0]}),  # 1 (after the BOM)
        '{"id": "j2", "text": "broken',  # 2 invalid JSON
        "[1, 2]",  # 3 not an object
        '"x"',  # 4
        "null",  # 5
        json.dumps({"id": "j6", "source": "no text at all"}),  # 6 no text
        json.dumps({"id": "j7", "text": 42}),  # 7 text not a string
        json.dumps({"id": 8, "text": PARAS[1]}),  # 8 a number as id
        "",  # 9 blank: passed over, not a skip
        json.dumps({"id": "j10", "text": ZH}, ensure_ascii=False),  # 10 all in Chinese
        # 11 escapes of lone surrogates (no character: text that cannot be stored as UTF-8 as it is)
        json.dumps({"id": "j11", "title": "Rail strike \udce9", "text": PARAS[6] + " \ud800"}),
        json.dumps({"id": "j12", "text": PARAS[2], "published": 1492000000}),  # 12 last line, no newline
    ]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


MIXED_GOOD = ["j1", "8", "j10", "j11", "j12"]  # the ids of its good lines
MIXED_BAD = {2: "invalid JSON", 3: "not a JSON object", 4: "not a JSON object", 5: "not a JSON object",
             6: "no article text", 7: "must be a string"}  # fmt: skip


def _truncated_gzip_jsonl(path: Path, n: int = 60) -> int:
    """n distinct JSON lines, gzipped, cut in the middle of the compressed stream; returns how many
    whole lines the bytes left hold (what zlib itself can decompress of them)."""
    lines = "".join(json.dumps({"id": f"g{i}", "text": f"Line {i}: " + PARAS[i % 6]}) + "\n" for i in range(n))
    data = gzip.compress(lines.encode(), mtime=0)
    path.write_bytes(data[: len(data) * 3 // 4])
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(path.read_bytes()).count(b"\n")


@pytest.fixture
def pile(tmp_path: Path) -> tuple[Path, set[str], dict[str, str]]:
    """A folder of broken inputs: (folder, names of the files that hold a good article, {name: reason})."""
    d = tmp_path / "pile"
    (d / "nested" / "deeper").mkdir(parents=True)
    (d / "empty-subfolder").mkdir()
    (d / "good.txt").write_text("Springfield approves school budget\n\n" + PARAS[3] + "\n", encoding="utf-8")
    (d / "nested" / "deeper" / "good2.html").write_text(_page("Measles cases double", PARAS[4]), encoding="utf-8")
    (d / "nested" / "notes.pdf").write_bytes(b"%PDF-1.4 not an input")  # unknown types in a folder: passed over
    (d / "nested" / "README").write_text("no extension")
    (d / "utf16.txt").write_bytes(("Talks in Geneva\n\n" + PARAS[5]).encode("utf-16"))  # with its BOM
    (d / "arabic.txt").write_text("\n\n".join(AR) + "\n", encoding="utf-8")
    (d / "mixed.jsonl").write_bytes(_mixed_jsonl())
    # a file name in Latin-1, not UTF-8 (an old archive on Linux): read, and labelled with U+FFFD
    (d / os.fsdecode(b"caf\xe9.txt")).write_text("Cafe closes\n\n" + PARAS[6], encoding="utf-8")
    good = {"good.txt", "good2.html", "utf16.txt", "arabic.txt", "mixed.jsonl", "caf\ufffd.txt"}
    bad: dict[str, str] = {}
    for ext in ("txt", "html", "jsonl", "html.gz", "warc.gz", "rss"):
        (d / f"zero.{ext}").write_bytes(b"")
        bad[f"zero.{ext}"] = "empty"
    (d / "cut.html.gz").write_bytes(gzip.compress(_page("Cut", PARAS[0]).encode())[:40])
    bad["cut.html.gz"] = "corrupt gzip"
    (d / "plain.html.gz").write_text(_page("Plain", PARAS[0]))
    bad["plain.html.gz"] = "corrupt gzip"
    (d / "junk.warc.gz").write_bytes(b"this is no web archive at all")
    bad["junk.warc.gz"] = "WARC"
    (d / "image.txt").write_bytes(PNG)
    bad["image.txt"] = "binary"
    (d / "nul.txt").write_bytes(PARAS[0][:100].encode() + b"\x00\x00\x00" + PARAS[0].encode())
    bad["nul.txt"] = "binary"
    (d / "scripts.html").write_text("<html><body><script>var a = 1;</script><script>track()</script></body></html>")
    bad["scripts.html"] = "no main text"
    (d / "nobody.html").write_text("<html><head><title>Nothing here</title></head></html>")
    bad["nobody.html"] = "no article text"
    (d / "oneword.txt").write_text("Breaking\n")
    bad["oneword.txt"] = "no article text"
    (d / "long-line.jsonl").write_text(json.dumps({"id": "big", "text": "word " * 1_000_000}) + "\n")  # 5 MB
    bad["long-line.jsonl"] = "too long"
    return d, good, bad


def _name(origin: str) -> str:
    """The file name in a Skip's or an Article's origin (``path``, ``path:line``, ``path#record url``)."""
    path = origin.split("#", 1)[0]
    head, sep, line = path.rpartition(":")
    return Path(head if sep and line.isdigit() else path).name


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Exception" not in err


# ---------------------------------------------------------------- the library reader


def test_the_reader_keeps_every_good_item_and_names_every_bad_one(pile: tuple[Path, set[str], dict[str, str]],
                                                                  tmp_path: Path) -> None:  # fmt: skip
    d, good, bad = pile
    missing = tmp_path / "no-such-folder"
    items = list(read_articles([d, missing, d / "empty-subfolder"]))
    arts = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert {_name(a.origin) for a in arts} == good
    assert sorted(a.external_id for a in arts if a.fmt == "jsonl") == sorted(MIXED_GOOD)
    reasons: dict[str, list[str]] = {}
    for s in skips:
        assert s.reason and "\n" not in s.reason and "Traceback" not in s.reason
        reasons.setdefault(_name(s.origin), []).append(s.reason)
    for name, why in bad.items():
        assert name in reasons, f"{name} gave no article and no reason"
        assert any(why in r for r in reasons[name]), (name, reasons[name])
    assert reasons[missing.name] == ["path not found"]
    assert reasons["empty-subfolder"][0].startswith("no input files in this folder")
    assert len(reasons["mixed.jsonl"]) == len(MIXED_BAD)
    # files of unknown types inside a folder are passed over, not read
    assert not {"notes.pdf", "README"} & set(reasons) and not {"notes.pdf", "README"} & {_name(a.origin) for a in arts}


def test_jsonl_bad_lines_are_named_by_their_line_number(pile: tuple[Path, set[str], dict[str, str]]) -> None:
    d, _, _ = pile
    items = list(read_articles([d / "mixed.jsonl"]))
    skips = {int(s.origin.rsplit(":", 1)[1]): s.reason for s in items if isinstance(s, Skip)}
    assert set(skips) == set(MIXED_BAD)
    for n, why in MIXED_BAD.items():
        assert why in skips[n]
    arts = [a for a in items if isinstance(a, Article)]
    assert [a.external_id for a in arts] == MIXED_GOOD  # the BOM line and the unterminated last line too
    assert [a.origin.rsplit(":", 1)[1] for a in arts] == ["1", "8", "10", "11", "12"]
    assert all("\r" not in a.text for a in arts)
    assert arts[0].title == "Springfield budget" and arts[2].text == ZH
    assert arts[3].title == "Rail strike \ufffd" and arts[3].text.endswith(" \ufffd")
    assert arts[4].published and arts[4].published.startswith("2017-04-12")


def test_jsonl_in_other_encodings_and_wrappers_is_read(tmp_path: Path) -> None:
    text = _mixed_jsonl().decode("utf-8-sig")
    (tmp_path / "utf16.jsonl").write_bytes(text.encode("utf-16"))
    (tmp_path / "gzipped-content.jsonl").write_bytes(gzip.compress(text.encode()))  # gzip without .gz in its name
    (tmp_path / "named.jsonl.gz").write_bytes(gzip.compress(text.encode()))
    # two files joined with `cat`, the second with its own BOM
    (tmp_path / "joined.jsonl").write_bytes(_mixed_jsonl() + b"\n" + _mixed_jsonl())
    for name in ("utf16.jsonl", "gzipped-content.jsonl", "named.jsonl.gz"):
        arts = [a for a in read_articles([tmp_path / name]) if isinstance(a, Article)]
        assert [a.external_id for a in arts] == MIXED_GOOD, name
    arts = [a for a in read_articles([tmp_path / "joined.jsonl"]) if isinstance(a, Article)]
    assert [a.external_id for a in arts] == MIXED_GOOD + MIXED_GOOD


def test_a_gzipped_jsonl_cut_short_keeps_every_line_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    whole = _truncated_gzip_jsonl(path)
    items = list(read_articles([path]))
    arts = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert len(skips) == 1 and "corrupt gzip" in skips[0].reason
    broke_at = int(skips[0].origin.rsplit(":", 1)[1])
    assert len(arts) == broke_at - 1 == whole >= 5  # every line the bytes hold, none lost
    assert [a.external_id for a in arts] == [f"g{i}" for i in range(len(arts))]
    assert f"the {len(arts)} lines before it were read" in skips[0].reason


def test_what_cannot_be_json_lines_at_all(tmp_path: Path) -> None:
    (tmp_path / "image.jsonl").write_bytes(PNG)
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n \r\n\n")
    (tmp_path / "notgzip.jsonl.gz").write_text('{"id": 1}\n')
    assert "binary" in (jsonl_problem(tmp_path / "image.jsonl") or "")
    assert jsonl_problem(tmp_path / "empty.jsonl") == "empty file"
    assert jsonl_problem(tmp_path / "blank.jsonl") == "empty file"
    assert "corrupt gzip" in (jsonl_problem(tmp_path / "notgzip.jsonl.gz") or "")
    assert jsonl_problem(tmp_path / "missing.jsonl") == "no such file"
    assert "folder" in (jsonl_problem(tmp_path) or "")
    # one Skip for a binary file, not one per "line" of it
    skips = list(read_articles([tmp_path / "image.jsonl"]))
    assert len(skips) == 1 and isinstance(skips[0], Skip) and "binary" in skips[0].reason
    # a line in a legacy code page is read, an undecodable one named
    (tmp_path / "latin1.jsonl").write_bytes(json.dumps({"id": "l1", "text": "São Paulo café " + PARAS[0]},
                                                       ensure_ascii=False).encode("latin-1"))  # fmt: skip
    assert [t for _n, t, _w in jsonl_lines(tmp_path / "latin1.jsonl")][0].startswith('{"id": "l1", "text": "São')


def test_a_huge_file_is_refused_by_size_before_it_is_read(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_bytes(b"word " * (1024 * 1024))  # 5 MB in one line
    skips = list(read_articles([tmp_path / "huge.txt"], Settings(max_file_mb=4)))
    assert len(skips) == 1 and isinstance(skips[0], Skip) and "too large" in skips[0].reason


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_an_unreadable_file_is_a_skip(tmp_path: Path) -> None:
    for name in ("locked.txt", "locked.jsonl"):
        (tmp_path / name).write_text(PARAS[0])
        (tmp_path / name).chmod(0)
    try:
        items = list(read_articles([tmp_path]))
    finally:
        for name in ("locked.txt", "locked.jsonl"):
            (tmp_path / name).chmod(0o644)
    assert len(items) == 2 and all(isinstance(i, Skip) and "cannot read" in i.reason for i in items)


# ---------------------------------------------------------------- `newsweave extract`


def test_extract_prints_the_good_and_reports_the_rest(pile: tuple[Path, set[str], dict[str, str]],
                                                     capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    d, good, bad = pile
    assert main(["extract", str(d), str(d / "missing.html")]) == 0
    out, err = capsys.readouterr()
    _no_traceback(err)
    recs = [json.loads(line) for line in out.splitlines()]
    assert {_name(r["path"]) for r in recs} == good
    assert len(recs) == len(good) - 1 + len(MIXED_GOOD)
    lines = err.splitlines()
    skipped = [ln for ln in lines if ln.startswith("newsweave: skipped ")]
    assert len(skipped) == len(lines) - 1  # one line per skip, and the closing count
    for name in bad:
        assert any(f"{name}: " in ln or f"{name}:" in ln for ln in skipped), name
    assert f"{d / 'mixed.jsonl'}:7: field 'text' must be a string" in err
    assert f"skipped {d / 'missing.html'}: path not found" in err
    assert lines[-1] == f"newsweave: {len(recs)} articles extracted, {len(skipped)} inputs skipped"


def test_extract_of_nothing_usable_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "image.txt").write_bytes(PNG)
    assert main(["extract", str(tmp_path / "image.txt"), str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    _no_traceback(err)
    assert "image.txt: binary" in err and "nope: path not found" in err


# ---------------------------------------------------------------- fatal errors: one line, no models needed


def _fatal_cases(tmp: Path) -> list[tuple[list[str], int, str]]:
    (tmp / "image.jsonl").write_bytes(PNG)
    (tmp / "empty.jsonl").write_bytes(b"")
    (tmp / "ok.jsonl").write_text(json.dumps({"id": "a", "text": PARAS[0]}) + "\n")
    (tmp / "good.txt").write_text(PARAS[0])
    (tmp / "a-file").write_text("x")
    (tmp / "not-sqlite.db").write_text("this is not a database\n")
    from newsweave.store.sqlite import SQLiteStore

    SQLiteStore(str(tmp / "store.db")).close()
    t = str(tmp)
    return [
        (["stories", "--db", f"{t}/not-sqlite.db"], 1, "not-sqlite.db"),
        (["stories", "--db", f"{t}/no/such/folder/x.db"], 2, "no store"),
        (["entities", "--db", f"{t}/not-sqlite.db"], 1, "not-sqlite.db"),
        (["serve", "--db", f"{t}/not-sqlite.db"], 1, "not-sqlite.db"),  # before it binds a port
        (["run", f"{t}/good.txt", "--db", f"{t}/not-sqlite.db", "--out", f"{t}/out"], 1, "not-sqlite.db"),
        (["run", f"{t}/good.txt", "--db", f"{t}/new.db", "--out", f"{t}/a-file"], 2, "--out"),
        (["export", "--db", f"{t}/store.db", "-o", t], 2, "folder"),
        (["export", "--db", f"{t}/store.db", "-o", f"{t}/no/such/x.json"], 2, "does not exist"),
        (["cluster", f"{t}/image.jsonl"], 2, "image.jsonl: binary"),
        (["cluster", f"{t}/empty.jsonl"], 2, "empty.jsonl: empty file"),
        (["cluster", t], 2, "folder"),
        (["cluster", f"{t}/missing.jsonl"], 2, "missing.jsonl"),
        (["cluster", f"{t}/ok.jsonl", "--out", f"{t}/no/such/a.jsonl"], 2, "does not exist"),
        (["quotes", f"{t}/image.jsonl", "--out", f"{t}/q.jsonl"], 2, "image.jsonl: binary"),
        (["quotes", f"{t}/ok.jsonl", "--out", t], 2, "folder"),
        (["summarize", f"{t}/image.jsonl"], 2, "image.jsonl: binary"),
        (["summarize", f"{t}/ok.jsonl", "--out", f"{t}/no/such/s.jsonl"], 2, "does not exist"),
    ]


def test_fatal_problems_are_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv, code, words in _fatal_cases(tmp_path):
        assert main(argv) == code, argv
        out, err = capsys.readouterr()
        _no_traceback(err)
        msgs = [ln for ln in err.splitlines() if ln.strip()]
        assert len(msgs) == 1 and msgs[0].startswith("newsweave") and words in msgs[0], (argv, err)
    assert not (tmp_path / "new.db").exists()  # --out was checked before the store was made


def test_the_web_api_over_a_file_that_is_no_store_says_so(tmp_path: Path) -> None:
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from newsweave.web.app import create_app

    (tmp_path / "not-sqlite.db").write_text("this is not a database\n")
    client = TestClient(create_app(str(tmp_path / "not-sqlite.db")), raise_server_exceptions=False)
    for url in ("/api/stories", "/api/search?q=flood", "/api/entities", "/"):
        r = client.get(url)
        assert r.status_code == 503 and "not-sqlite.db" in r.json()["detail"], url


# ---------------------------------------------------------------- commands with models (slow)


@pytest.mark.slow
def test_run_stores_every_good_article_of_a_broken_pile(pile: tuple[Path, set[str], dict[str, str]], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from newsweave.store.sqlite import SQLiteStore

    d, good, bad = pile
    db, out = tmp_path / "new" / "folder" / "nw.db", tmp_path / "out"  # --db in a folder that does not exist yet
    argv = ["run", str(d), str(tmp_path / "missing"), "--out", str(out), "--db", str(db),
            "--set", "nlp_processes=0", "--set", "story_processes=0"]  # fmt: skip
    assert main(argv) == 0
    stdout, err = capsys.readouterr()
    _no_traceback(err)
    n_good = len(good) - 1 + len(MIXED_GOOD)
    skipped = [ln for ln in err.splitlines() if "newsweave: skipped " in ln]
    n_bad = len(bad) + len(MIXED_BAD) + 1  # + the missing path
    assert len(skipped) == n_bad
    for name in bad:
        assert any(name in ln for ln in skipped), name
    assert stdout.startswith(f"{n_good} articles read ({n_good} new, 0 already stored), {n_bad} skipped")
    store = SQLiteStore(str(db))
    try:
        assert store.article_count() == n_good
    finally:
        store.close()
    assert json.loads((out / "stories.json").read_text())["stories"]
    # again: nothing new, nothing lost, the same skips
    assert main(argv + ["-q"]) == 0
    stdout, err = capsys.readouterr()
    assert stdout.startswith(f"{n_good} articles read (0 new, {n_good} already stored), {n_bad} skipped") and not err
    # nothing readable at all: a failure (exit 1), the report of the store still written
    assert main(["run", str(d / "image.txt"), "--out", str(out), "--db", str(db), "-q"]) == 1


@pytest.mark.slow
def test_cluster_quotes_and_summarize_take_every_good_line(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    src = tmp_path / "mixed.jsonl"
    src.write_bytes(_mixed_jsonl())
    out = tmp_path / "assign.jsonl"
    assert main(["cluster", str(src), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    _no_traceback(err)
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == MIXED_GOOD
    for n in MIXED_BAD:
        assert f"{src}:{n}: skipped" in err
    assert f"{len(MIXED_GOOD)} articles assigned, {len(MIXED_BAD)} lines skipped" in err

    qout = tmp_path / "quotes.jsonl"
    assert main(["quotes", str(src), "--out", str(qout), "-q"]) == 0
    err = capsys.readouterr().err
    _no_traceback(err)
    assert [json.loads(x)["id"] for x in qout.read_text().splitlines()] == MIXED_GOOD
    assert all(f"{src}:{n}: skipped" in err for n in MIXED_BAD)

    cut = tmp_path / "cut.jsonl.gz"
    whole = _truncated_gzip_jsonl(cut)
    assert main(["quotes", str(cut), "--out", str(qout), "-q"]) == 0
    err = capsys.readouterr().err
    kept = len(qout.read_text().splitlines())
    assert kept == whole and f"{cut}:{kept + 1}: skipped: corrupt gzip file" in err

    docs = [{"id": "d1", "text": PARAS[0], "title": "Budget"}, {"id": 2, "text": PARAS[1]}]
    clusters = ["\ufeff" + json.dumps({"id": "c1", "documents": docs}), "{broken", "[1]",
                json.dumps({"id": "c4", "documents": []}), json.dumps({"id": 5, "documents": [docs[1]]})]  # fmt: skip
    (tmp_path / "clusters.jsonl").write_text("\r\n".join(clusters), encoding="utf-8")
    sout = tmp_path / "summaries.jsonl"
    assert main(["summarize", str(tmp_path / "clusters.jsonl"), "--out", str(sout), "-q"]) == 0
    err = capsys.readouterr().err
    _no_traceback(err)
    assert [json.loads(x)["id"] for x in sout.read_text().splitlines()] == ["c1", 5]
    assert all(f"line {n}:" in err for n in (2, 3, 4))


@pytest.mark.slow
def test_a_web_upload_of_good_and_broken_files_keeps_the_good(pile: tuple[Path, set[str], dict[str, str]],
                                                              tmp_path: Path) -> None:  # fmt: skip
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from newsweave.web.app import create_app

    d, _, _ = pile
    client = TestClient(create_app(str(tmp_path / "web.db")))
    cut = tmp_path / "cut.jsonl.gz"
    whole = _truncated_gzip_jsonl(cut, n=20)
    names = ["good.txt", "utf16.txt", "mixed.jsonl", "image.txt", "cut.html.gz", "scripts.html", "junk.warc.gz"]
    files = [("file", (n, (d / n).read_bytes(), "application/octet-stream")) for n in names]
    files.append(("file", ("cut.jsonl.gz", cut.read_bytes(), "application/gzip")))
    r = client.post("/api/articles", files=files)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["read"] == 2 + len(MIXED_GOOD) + whole  # + the lines of cut.jsonl.gz before its break
    assert body["new"] == body["read"]
    skipped = {s["origin"].split(":")[0].split("#")[0]: s["reason"] for s in body["skipped"]}
    assert {"image.txt", "cut.html.gz", "scripts.html", "junk.warc.gz", "mixed.jsonl", "cut.jsonl.gz"} <= set(skipped)
    assert "binary" in skipped["image.txt"] and "corrupt gzip" in skipped["cut.html.gz"]
    # JSON body: a BOM before it, a number as id, the escape of a lone surrogate
    arts = [{"id": 7, "text": PARAS[5]}, {"id": "s", "title": "Strike \udce9", "text": PARAS[6] + " \ud800"}]
    r = client.post("/api/articles", content=b"\xef\xbb\xbf" + json.dumps(arts).encode(),
                    headers={"Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 200 and r.json()["read"] == 2 and r.json()["new"] == 2, r.text
