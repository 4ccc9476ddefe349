"""Extractive multi-document summary with citations.

Sentences are scored by TF-IDF closeness to the story's centroid plus a lead bonus, picked
greedily without redundancy (MMR) up to a word budget, ordered by article date and position, and
each cites every article that has a sentence stating the same thing (TF-IDF cosine above a bar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class SummaryDoc:
    id: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Summarizer:
    words: int = 100
    redundancy: float = 0.5  # a candidate this similar to a chosen sentence is skipped
    cite_threshold: float = 0.45  # an article is cited when one of its sentences is this similar
    lead_bonus: float = 0.25
    min_words: int = 6
    max_words: int = 60

    def summarize(self, docs: list[SummaryDoc]) -> dict[str, Any]:
        """{"text", "sentences": [{"text", "source": {article, start, end}, "citations"}]}."""
        cands: list[tuple[int, int, int, int, str]] = []  # doc index, position, start, end, text
        for di, d in enumerate(docs):
            for pos, (s, e) in enumerate(d.sentences):
                text = _WS.sub(" ", d.text[s:e]).strip()
                n = len(text.split())
                if self.min_words <= n <= self.max_words and not _is_junk(text):
                    cands.append((di, pos, s, e, text))
        if not cands:
            return {"text": "", "sentences": []}
        from sklearn.feature_extraction.text import TfidfVectorizer

        try:
            vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
            X = vec.fit_transform([c[4] for c in cands])
        except ValueError:  # only stop words
            return {"text": "", "sentences": []}
        X = X.toarray().astype(np.float32)
        norms = np.linalg.norm(X, axis=1, keepdims=True)
        X = X / np.clip(norms, 1e-9, None)
        centroid = X.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        score = X @ centroid + np.array([self.lead_bonus / (1 + c[1]) for c in cands], dtype=np.float32)
        chosen: list[int] = []
        budget = self.words
        for i in np.argsort(-score, kind="stable"):
            if budget <= 0:
                break
            if chosen and float((X[chosen] @ X[i]).max()) > self.redundancy:
                continue
            n = len(cands[i][4].split())
            if n > budget + 10 and chosen:  # too long for what is left
                continue
            chosen.append(int(i))
            budget -= n
        chosen.sort(key=lambda i: (docs[cands[i][0]].published or "9999", cands[i][0], cands[i][1]))
        sents = []
        doc_of = np.array([c[0] for c in cands])
        for i in chosen:
            di, _, s, e, text = cands[i]
            sims = X @ X[i]
            cited = {di} | {int(doc_of[j]) for j in np.flatnonzero(sims >= self.cite_threshold)}
            sents.append({
                "text": text,
                "source": {"article": docs[di].id, "start": s, "end": e},
                "citations": [docs[k].id for k in sorted(cited, key=lambda k: (k != di, k))],
            })  # fmt: skip
        return {"text": " ".join(s["text"] for s in sents), "sentences": sents}


def _is_junk(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    return letters < 0.6 * len(text) or text.endswith((":", ",")) or text.isupper()
