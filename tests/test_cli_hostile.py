"""What a first-time user meets with bad input, beyond tests/test_bad_input.py: the wording of the
messages (one line, which file, what to do) and inputs that used to cost minutes before being skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave import read_articles
from newsweave.pipeline import RunResult
from newsweave.records import Skip
from newsweave.settings import Settings
from newsweave.stages import ingest
from newsweave.stages.ingest import parse_json_line


def reasons(paths: list[Path], settings: Settings | None = None) -> dict[str, str]:
    return {i.origin.rsplit("/", 1)[-1]: i.reason for i in read_articles(list(paths), settings) if isinstance(i, Skip)}


def test_json_errors_read_as_one_clause() -> None:
    with pytest.raises(ValueError) as e:
        parse_json_line('{"id": "x", "text": "unterminated')
    assert str(e.value) == "invalid JSON (Unterminated string starting at column 21)"  # not "at at column"


def test_a_huge_text_dump_is_skipped_before_it_is_cleaned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text("Headline\n\n" + "word " * 50_000 + "\n", encoding="utf-8")

    def never(text: str) -> None:
        raise AssertionError("cleaned a text dump longer than max_article_chars")

    monkeypatch.setattr(ingest, "clean_text_dump", never)
    why = reasons([huge], Settings(max_article_chars=100_000))["huge.txt"]
    assert why.startswith("article too long (250011 chars > 100000") and "--set max_article_chars=" in why


def test_a_json_line_without_text_says_which_field(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    lines = [{"id": "a", "title": "Only a title"}, {"id": "b", "url": "http://x"}, {"id": "c", "text": ""}]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    got = {i.origin: i.reason for i in read_articles([f]) if isinstance(i, Skip)}
    assert got[f"{f}:1"].startswith("no article text found (only ")  # the title alone is taken as the text: too short
    assert got[f"{f}:2"] == got[f"{f}:3"] == "no article text found (no 'text' field, or an empty one)"


def test_the_summary_line_counts_skips_by_kind() -> None:
    res = RunResult(read=3, new=3, skipped=[
        Skip("a.jsonl:2", "invalid JSON (Expecting value at column 1)"),
        Skip("a.jsonl:5", "invalid JSON (Unterminated string starting at column 40)"),
        Skip("b.warc.gz#2", "page cut short: the WARC file ends in this record (2897 bytes missing)"),
        Skip("c.txt", "binary file (NUL bytes), not text"),
    ])  # fmt: skip
    line = res.summary_line()
    assert "4 skipped (2 invalid JSON; 1 page cut short; 1 binary file)" in line
    assert "\n" not in line


def test_latin1_with_few_accents_is_not_read_as_a_baltic_code_page() -> None:
    # this text's stop words tie across Windows-1252 and cp775/cp1257, and cp775 splits "Se±or" into
    # "Se" and the stop word "or": the signs inside words decide it
    text = ("Café owners in Zürich protest new rules\n\nThe owners of the city's cafés said on Monday that "
            "the rules would cost them their terraces. Señor Müller said the café would stay open.")  # fmt: skip
    assert ingest.decode_bytes(text.encode("latin-1")) == (text, "")
    assert ingest.signs_in_words("Z³rich Se±or it’s m² 3±1") == 2


def test_an_unusable_db_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from newsweave import cli

    txt = tmp_path / "a.txt"
    txt.write_text("Headline\n\n" + "Some words of an article. " * 10, encoding="utf-8")
    out = tmp_path / "out"
    for db, words in [(tmp_path, "a folder, not a store file"),
                      (txt / "x.db", f"'{txt}' is a file, not a folder")]:  # fmt: skip
        assert cli.main(["run", str(txt), "--db", str(db), "--out", str(out), "-q"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"newsweave: --db {db}: ") and words in err and len(err.splitlines()) == 1
        assert cli.main(["stories", "--db", str(db)]) == 2
        capsys.readouterr()
    assert not out.exists()  # refused before the report folder was made
    ro = tmp_path / "ro"
    ro.mkdir()
    monkeypatch.setattr(cli.os, "access", lambda p, mode: Path(p) != ro)  # (root may write anywhere)
    assert cli.main(["run", str(txt), "--db", str(ro / "x.db"), "--out", str(out), "-q"]) == 2
    assert f"folder '{ro}' is not writable" in capsys.readouterr().err


def _read_into(stream: object, seen: list[bytes]) -> None:
    """Read ``stream`` (a subprocess pipe) into ``seen`` in a thread, to its end."""
    import threading

    def read() -> None:
        while chunk := stream.read1(4096):  # type: ignore[attr-defined]
            seen.append(chunk)

    threading.Thread(target=read, daemon=True).start()


@pytest.mark.slow
@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_stops_at_once_and_a_rerun_carries_on(tmp_path: Path, presses: int) -> None:
    """A second Ctrl-C used to land inside the worker pool's shutdown and hang the run forever; the first
    waited for the workers' batches in hand (about 6 s here), which were thrown away anyway."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    from .conftest import SAMPLES

    db, out, src = tmp_path / "nw.db", tmp_path / "out", tmp_path / "many.jsonl"
    lines = (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    copies = []  # enough batches in flight that the workers are busy when Ctrl-C comes
    for n in range(5):
        for line in lines:
            item = json.loads(line)
            item.update(id=f"{item.get('id', '')}-{n}", text=f"{item['text']}\n\nCopy {n} of the article.")
            copies.append(json.dumps(item))
    src.write_text("\n".join(copies) + "\n", encoding="utf-8")
    argv = [sys.executable, "-m", "newsweave", "run", str(src), "--db", str(db),
            "--out", str(out), "--set", "nlp_processes=2"]  # fmt: skip
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal
    seen: list[bytes] = []
    _read_into(proc.stderr, seen)
    deadline = time.time() + 120
    while b"articles:" not in b"".join(seen) and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the run ended before it could be interrupted")
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal goes to the whole process group
    pressed = time.time()
    while b"newsweave: stopping:" not in b"".join(seen) and proc.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    if presses == 2 and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError(f"still running 30 s after Ctrl-C pressed {presses} times") from None
    if presses == 1:  # the store is closed cleanly, without waiting for the workers (was ~6 s)
        assert time.time() - pressed < 4
    err = b"".join(seen).decode("utf-8", "replace")
    # 130, or killed by the second SIGINT when it came once Python had begun to exit (signal handlers gone)
    assert code in (130, -signal.SIGINT) and "newsweave: stopping:" in err and "run the same command again" in err
    if db.exists():
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and f"{len(copies)} articles read" in again.stdout


@pytest.mark.slow
def test_quotes_names_a_bad_line_in_one_clause(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from newsweave.cli import main

    src = tmp_path / "in.jsonl"
    good = {"id": "a1", "text": 'The mayor said: "The bridge will open on Monday." Residents cheered.'}
    src.write_text(json.dumps(good) + '\n{"id": "a2", "text": "cut\n', encoding="utf-8")
    assert main(["quotes", str(src), "--out", "-", "-q"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == ["a1"]
    assert f"{src}:2: skipped: not valid JSON (Unterminated string starting at column 22)" in captured.err


def test_a_gzipped_page_under_an_html_name_is_read(tmp_path: Path) -> None:
    import gzip

    page = ("<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens after two years</h1>"
            "<p>The new bridge over the river opened on Monday after two years of work, the city said. "
            "Thousands of people walked across it in the first hour, and traffic will follow next week.</p>"
            "</article></body></html>")  # fmt: skip
    (tmp_path / "page.html").write_bytes(gzip.compress(page.encode("utf-8")))
    (tmp_path / "fake.html").write_bytes(b"\x1f\x8b" + b"\x00" * 40)
    items = list(read_articles([tmp_path / "page.html", tmp_path / "fake.html"]))
    assert [getattr(i, "title", None) for i in items if not isinstance(i, Skip)] == ["Bridge opens after two years"]
    assert reasons([tmp_path / "fake.html"])["fake.html"].startswith("corrupt gzip file")


def test_one_path_alone_is_one_input_not_a_list_of_characters(tmp_path: Path) -> None:
    # read_articles("page.html") went through "p", "a", ... and a "/" in the string walked the whole disk
    from newsweave.pipeline import count_inputs
    from newsweave.stages.ingest import as_path_list

    txt = tmp_path / "a.txt"
    txt.write_text("Bridge opens after two years\n\n" + "The new bridge over the river opened on Monday. " * 4)
    for one in (str(txt), txt):
        got = list(read_articles(one))
        assert [type(i).__name__ for i in got] == ["Article"] and got[0].origin == str(txt)
        assert count_inputs(one) == 1
    assert as_path_list(str(tmp_path) + "/") == [str(tmp_path) + "/"] and as_path_list((txt, txt)) == [txt, txt]


@pytest.mark.slow
def test_a_folder_run_again_does_not_read_its_own_report(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    # `cd articles; newsweave run .` twice: the second run read newsweave-out/report.html as a new article
    # (which joined the story it reports)
    from newsweave.cli import main

    from .conftest import FIXTURES

    (tmp_path / "dump.txt").write_bytes((FIXTURES / "dump_wikinews.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["run", ".", "-q", "--set", "nlp_processes=0"]) == 0
    assert (tmp_path / "newsweave-out" / "report.html").exists()
    capsys.readouterr()
    assert main(["run", ".", "--set", "nlp_processes=0"]) == 0
    captured = capsys.readouterr()
    assert "newsweave-out/report.html: newsweave's own report, not an article" in captured.err
    assert "1 article read (0 new, 1 already stored), 1 skipped" in captured.out
