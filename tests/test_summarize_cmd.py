"""`newsweave summarize`: clusters of JSON lines in, one cited summary per cluster out."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsweave.summarize_cmd import add_parser, cmd_summarize
from tests.test_generate import closed_port_url, serve_fake_llm, shorten

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "wikinews.jsonl"
TOPICS = {"london": "wikinews-M001", "chile": "wikinews-M005", "haiti": "wikinews-M006"}


def _clusters() -> list[dict]:
    arts = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        {"id": name, "documents": [a for a in arts if a["id"].startswith(prefix)]} for name, prefix in TOPICS.items()
    ]


def _run(tmp_path: Path, lines: list[str], words: int = 60, extra: tuple[str, ...] = ()) -> tuple[int, list[dict]]:
    src, dst = tmp_path / "clusters.jsonl", tmp_path / "summaries.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["summarize", str(src), "--words", str(words), "--out", str(dst), *extra])
    rc = args.func(args)
    assert args.func is cmd_summarize
    return rc, [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[dict]]:
    return _run(tmp_path_factory.mktemp("sum"), [json.dumps(c) for c in _clusters()])


def test_one_summary_per_cluster_within_the_word_budget(result: tuple[int, list[dict]]) -> None:
    rc, out = result
    assert rc == 0
    assert [o["id"] for o in out] == list(TOPICS)
    for o in out:
        assert 20 <= len(o["summary"].split()) <= 60
        assert o["summary"] == " ".join(s["text"] for s in o["sentences"])


def test_citations_are_document_ids_of_the_same_cluster(result: tuple[int, list[dict]]) -> None:
    clusters = {c["id"]: {d["id"] for d in c["documents"]} for c in _clusters()}
    for o in result[1]:
        assert o["sentences"]
        for s in o["sentences"]:
            assert s["citations"] and set(s["citations"]) <= clusters[o["id"]]
            assert len(set(s["citations"])) == len(s["citations"])


def test_summary_sentences_are_spacy_sentences_of_a_cited_article(result: tuple[int, list[dict]]) -> None:
    texts = {d["id"]: " ".join(d["text"].split()) for c in _clusters() for d in c["documents"]}
    for o in result[1]:
        for s in o["sentences"]:
            assert s["text"] in texts[s["citations"][0]]


def test_bad_line_is_reported_with_its_number_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    good = json.dumps(_clusters()[0])
    rc, out = _run(tmp_path, [good, "{not json", json.dumps({"id": "x", "documents": []}), good], words=40)
    assert rc == 0
    assert [o["id"] for o in out] == ["london", "london"]
    err = capsys.readouterr().err
    assert "line 2: invalid JSON" in err
    assert "line 3: 'documents' must be a non-empty list" in err
    assert "skipped 2 bad lines" in err


def test_missing_input_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    args = argparse.Namespace(clusters=str(tmp_path / "nope.jsonl"), words=100, out="-", quiet=True)
    assert cmd_summarize(args) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.fixture()
def fake_llm() -> Iterator[Any]:
    yield from serve_fake_llm()


def test_generative_mode_writes_checked_llm_summaries(tmp_path: Path, fake_llm: Any) -> None:
    url, llm = fake_llm
    llm.answer = lambda src: f"{shorten(src[1])} [1]"
    clusters = _clusters()[:2]
    rc, out = _run(tmp_path, [json.dumps(c) for c in clusters], extra=("--mode", "generative", "--llm-url", url, "-q"))
    assert rc == 0 and [o["mode"] for o in out] == ["generative", "generative"]
    for o, c in zip(out, clusters, strict=True):
        assert len(o["sentences"]) == 1 and set(o["sentences"][0]["citations"]) <= {d["id"] for d in c["documents"]}
    assert len(llm.requests) == 2


def test_generative_mode_without_a_server_falls_back_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSWEAVE_LLM_URL", raising=False)
    rc, out = _run(tmp_path, [json.dumps(_clusters()[0])], extra=("--mode", "generative"))
    assert rc == 0 and out[0]["mode"] == "extractive" and out[0]["sentences"]
    assert "without --llm-url" in capsys.readouterr().err
    down = ("--mode", "generative", "--llm-url", closed_port_url())
    rc, out = _run(tmp_path, [json.dumps(_clusters()[0])], extra=down)
    assert rc == 0 and out[0]["mode"] == "extractive"
    assert "failed" in capsys.readouterr().err
