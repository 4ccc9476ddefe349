"""Generative summary: a fake OpenAI-compatible server (http.server in a thread) answers; what it
writes is kept only where its citations hold, and anything going wrong gives the extractive summary."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from newsweave.stages.generate import API_KEY_ENV, GenerativeSummarizer, endpoint, split_sentences
from newsweave.stages.summarize import Summarizer, SummaryDoc

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "wikinews.jsonl"
_SOURCE = re.compile(r"^\[(\d+)\] \(article ([^)]+)\) (.+)$", re.M)


def haiti_docs() -> list[SummaryDoc]:
    """The three WikiNews articles on the 2010 Haiti earthquake in samples/ (CC BY 2.5)."""
    recs = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentence = re.compile(r"[^.!?\s][^.!?]*[.!?]")
    return [
        SummaryDoc(r["id"], r["text"], tuple((m.start(), m.end()) for m in sentence.finditer(r["text"])),
                   r.get("published"), r.get("title"))
        for r in recs if r["id"].startswith("wikinews-M006")
    ]  # fmt: skip


class FakeLLM:
    """What the fake server answers: ``answer(sources) -> text`` (sources: {n: sentence}), or a status
    code / a delay. It records the requests it got."""

    def __init__(self) -> None:
        self.answer: Any = lambda sources: ""
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []


def serve_fake_llm() -> Iterator[tuple[str, FakeLLM]]:
    """A fake OpenAI-compatible server on a free local port, for as long as the generator runs."""
    llm = FakeLLM()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            llm.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
            time.sleep(llm.delay)
            prompt = body["messages"][-1]["content"]
            sources = {int(n): text for n, _, text in _SOURCE.findall(prompt)}
            data = json.dumps({"choices": [{"message": {"role": "assistant", "content": llm.answer(sources)}}]})
            self.send_response(llm.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(data.encode())

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", llm
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def fake_llm() -> Iterator[tuple[str, FakeLLM]]:
    yield from serve_fake_llm()


def closed_port_url() -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{port}"


def shorten(sentence: str) -> str:
    """A faithful rewording: the sentence's first clause, cut before a comma (still its own words)."""
    words = sentence.rstrip(".").split(",")[0].split()
    return " ".join(words[:14]) + "."


def test_supported_sentences_are_kept_and_cite_the_articles(
    fake_llm: tuple[str, FakeLLM], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, llm = fake_llm
    monkeypatch.setenv(API_KEY_ENV, "sekret")
    llm.answer = lambda src: f"{shorten(src[1])} [1] {shorten(src[2])} [2][1]"
    docs = haiti_docs()
    out = GenerativeSummarizer(url, "tiny-model", 5.0, words=80).summarize(docs)
    assert out["mode"] == "generative" and out["warning"] is None
    assert len(out["sentences"]) == 2
    req = llm.requests[0]
    assert req["path"] == "/v1/chat/completions" and req["body"]["model"] == "tiny-model"
    assert req["auth"] == "Bearer sekret"
    ids = {d.id for d in docs}
    texts = {d.id: d.text for d in docs}
    for s in out["sentences"]:
        assert s["citations"] and set(s["citations"]) <= ids
        for src in s["sources"]:  # every cited source is a real span of its article
            assert texts[src["article"]][src["start"] : src["end"]].strip()
    assert out["text"] == " ".join(s["text"] for s in out["sentences"])


def test_unsupported_and_miscited_sentences_are_dropped(fake_llm: tuple[str, FakeLLM]) -> None:
    url, llm = fake_llm

    def answer(src: dict[int, str]) -> str:
        good = f"{shorten(src[1])} [1]"
        invented = "The president resigned after a scandal over missing ballots in the capital. [1]"
        out_of_range = f"{shorten(src[2])} [99]"
        # a source whose faithful rewording states a figure (the Haiti sources carry figures), the figure changed
        n, figure = next((k, f) for k, v in src.items() if (f := re.search(r"\d[\d,.]*\d|\d", shorten(v))))
        changed = shorten(src[n]).replace(figure.group(0), "987654") + f" [{n}]"
        return " ".join([good, invented, out_of_range, changed])

    llm.answer = answer
    out = GenerativeSummarizer(url, timeout_s=5.0, words=100).summarize(haiti_docs())
    assert out["mode"] == "generative"
    assert len(out["sentences"]) == 1 and "president" not in out["text"] and "987654" not in out["text"]
    assert out["warning"] == "dropped 3 LLM sentences without support in the cited sources"


def test_server_down_gives_the_extractive_summary_with_a_warning() -> None:
    docs = haiti_docs()
    url = closed_port_url()
    out = GenerativeSummarizer(url, timeout_s=2.0, words=60).summarize(docs)
    assert out["mode"] == "extractive"
    assert out["warning"].startswith(f"LLM endpoint {url} failed")
    assert out["text"] == Summarizer(words=60).summarize(docs)["text"]


@pytest.mark.parametrize("failure", ["http 500", "timeout", "not json", "nothing supported"])
def test_failures_fall_back_to_extractive(fake_llm: tuple[str, FakeLLM], failure: str) -> None:
    url, llm = fake_llm
    llm.answer = lambda src: f"{shorten(src[1])} [1]"
    if failure == "http 500":
        llm.status = 500
    elif failure == "timeout":
        llm.delay = 1.5
    elif failure == "not json":
        llm.answer = lambda src: None  # content null: no text
    else:
        llm.answer = lambda src: "Aliens landed in the harbour and were greeted by the mayor. [1]"
    docs = haiti_docs()
    out = GenerativeSummarizer(url, timeout_s=0.5, words=60).summarize(docs)
    assert out["mode"] == "extractive" and out["warning"]
    assert out["text"] == Summarizer(words=60).summarize(docs)["text"]
    if failure == "nothing supported":
        assert "none of its 1 sentences is supported" in out["warning"]


def test_without_an_endpoint_the_summary_is_extractive() -> None:
    docs = haiti_docs()
    out = GenerativeSummarizer(None, words=60).summarize(docs)
    assert out["mode"] == "extractive" and "no LLM endpoint configured" in out["warning"]
    assert out["sentences"] == Summarizer(words=60).summarize(docs)["sentences"]


def test_endpoint_accepts_base_v1_and_full_addresses() -> None:
    assert endpoint("http://h:8080") == "http://h:8080/v1/chat/completions"
    assert endpoint("http://h:8080/v1/") == "http://h:8080/v1/chat/completions"
    assert endpoint("https://api.example/v1/chat/completions") == "https://api.example/v1/chat/completions"


def test_answer_splits_into_sentences_with_their_citations() -> None:
    answer = "U.S. officials said 5 people died [1]. The fire spread. [2][3] It rained [4, 5]. Uncited end."
    assert split_sentences(answer) == [
        ("U.S. officials said 5 people died.", [1]),
        ("The fire spread.", [2, 3]),
        ("It rained.", [4, 5]),
        ("Uncited end.", []),
    ]
