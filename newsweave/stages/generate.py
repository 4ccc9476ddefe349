"""Optional generative summary: an LLM behind an OpenAI-compatible ``/v1/chat/completions`` endpoint
that the user configures (a local llama.cpp server, vLLM, or a hosted API), checked against the
articles before anything it wrote is shown.

The prompt holds the story's top extractive sentences, numbered, each with its article id; the
model is asked for a summary whose every sentence ends with [n] citations. Each sentence it returns
is kept only when its citations point at prompt sentences that support it: the content words and
bigrams of the sentence are mostly in the cited sentences (the share the extractive summary's own
citation check uses), and every figure it states appears in them. Unsupported sentences are
dropped. With no endpoint configured, or when the endpoint fails, times out or yields no supported
sentence, the extractive summary is returned with a warning saying why. Standard library only.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from .summarize import Summarizer, SummaryDoc, text_concepts

API_KEY_ENV = "NEWSWEAVE_LLM_API_KEY"
_CITE = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_SENT_END = re.compile(r"(?<=[.!?])(?:[\"'”’)\]]*)(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?=\s+|$)")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
SYSTEM = (
    "You summarize news stories. Use only facts stated in the numbered source sentences. End every "
    "sentence of your summary with the numbers of the source sentences it is based on, in square "
    "brackets, like [2] or [1][4]. Write plain prose: no title, no list, no preamble."
)


def endpoint(url: str) -> str:
    """The chat-completions address for a base URL ("http://localhost:8080" or ".../v1") or a full one."""
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def split_sentences(text: str) -> list[tuple[str, list[int]]]:
    """The model's answer as (sentence without its citations, cited numbers) pairs. A piece without
    citations is joined to the next one ("U.S. officials said ... [2]." is one sentence)."""
    out = []
    pos = 0
    text = text.strip()
    pending = ""
    for m in [*_SENT_END.finditer(text), None]:
        end = m.end() if m else len(text)
        chunk = (pending + " " + text[pos:end]).strip()
        pos = end
        if not chunk:
            continue
        if not _CITE.search(chunk) and m is not None:
            pending = chunk
            continue
        pending = ""
        nums = [int(n) for group in _CITE.findall(chunk) for n in re.split(r"\s*[,;]\s*", group)]
        clean = re.sub(r"\s+([.!?,;:])", r"\1", " ".join(_CITE.sub("", chunk).split()))
        if clean:
            out.append((clean, nums))
    return out


@dataclass
class GenerativeSummarizer:
    """Generative summary with checked citations, falling back to ``extractive``. Plain settings."""

    url: str | None = None
    model: str = ""
    timeout_s: float = 60.0
    words: int = 100
    api_key: str | None = field(default_factory=lambda: os.environ.get(API_KEY_ENV) or None)
    prompt_words: int = 400  # how much extractive material the model sees

    def summarize(self, docs: list[SummaryDoc]) -> dict[str, Any]:
        """{"text", "sentences": [{"text", "citations", "sources"}], "mode", "warning"}; "mode" says
        which summary it is ("generative", or "extractive" after a fallback)."""
        extractive = Summarizer(words=self.words)
        fallback = {**extractive.summarize(docs), "mode": "extractive"}
        if not self.url:
            return {**fallback, "warning": "no LLM endpoint configured (llm_url): extractive summary"}
        sources = Summarizer(words=self.prompt_words).summarize(docs)["sentences"]
        if not sources:
            return {**fallback, "warning": None}
        try:
            answer = self._ask(sources)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, IndexError, TypeError) as e:
            reason = getattr(e, "reason", None) or e
            return {**fallback, "warning": f"LLM endpoint {self.url} failed ({reason}): extractive summary"}
        kept, dropped = self.check(answer, sources, extractive)
        if not kept:
            why = f"none of its {dropped} sentences is supported by the cited sources" if dropped else "it said nothing"
            return {**fallback, "warning": f"LLM answer unusable ({why}): extractive summary"}
        warning = f"dropped {dropped} LLM sentences without support in the cited sources" if dropped else None
        return {"text": " ".join(s["text"] for s in kept), "sentences": kept, "mode": "generative", "warning": warning}

    def prompt(self, sources: list[dict[str, Any]]) -> str:
        lines = [f"[{i}] (article {s['source']['article']}) {s['text']}" for i, s in enumerate(sources, 1)]
        return (
            "Source sentences:\n" + "\n".join(lines) + f"\n\nWrite a summary of this story in at most {self.words} "
            "words. End every sentence with the numbers of the source sentences it uses, like [1] or [2][3]."
        )

    def _ask(self, sources: list[dict[str, Any]]) -> str:
        assert self.url
        body = {
            "model": self.model,
            "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": self.prompt(sources)}],
            "temperature": 0,
        }
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(endpoint(self.url), json.dumps(body).encode(), headers, method="POST")
        with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:  # noqa: S310 (the user's own URL)
            data = json.loads(resp.read().decode("utf-8", errors="replace"))
        content = data["choices"][0]["message"]["content"]
        if not isinstance(content, str):
            raise TypeError("no text in the answer's choices[0].message.content")
        return content

    def check(
        self, answer: str, sources: list[dict[str, Any]], extractive: Summarizer
    ) -> tuple[list[dict[str, Any]], int]:
        """The answer's supported sentences within the word budget, and how many were dropped."""
        kept: list[dict[str, Any]] = []
        dropped = 0
        budget = self.words
        for text, nums in split_sentences(answer):
            cited = [sources[n - 1] for n in dict.fromkeys(nums) if 1 <= n <= len(sources)]
            if not cited or not supported(text, [c["text"] for c in cited], extractive):
                dropped += 1
                continue
            n_words = len(text.split())
            if kept and n_words > budget:
                break
            budget -= n_words
            kept.append({
                "text": text,
                "citations": list(dict.fromkeys(c for s in cited for c in s["citations"])),
                "sources": [s["source"] for s in cited],
            })  # fmt: skip
        return kept, dropped


def supported(text: str, cited: list[str], check: Summarizer) -> bool:
    """The extractive citation rule against the cited sentences taken together, and no new figures."""
    have = set().union(*(text_concepts(c) for c in cited))
    if not check.supports(text_concepts(text), [have]):
        return False
    figures = {f.replace(",", "") for c in cited for f in _FIGURE.findall(c)}
    return all(f.replace(",", "") in figures for f in _FIGURE.findall(text))
