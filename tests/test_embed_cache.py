"""The sentence-vector cache: a text embedded once is read back, not embedded again, and the vectors
are the same either way."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsweave.stages.embed import DIM, CachedEmbedder, Embedder
from newsweave.store.sqlite import SQLiteStore


class _Counting(Embedder):
    def __init__(self) -> None:
        super().__init__(max_tokens=160)
        self.seen: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, len(t) % DIM] = 1.0
        return out


def test_cached_vectors_are_read_back_from_the_store(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "nw.db"))
    inner = _Counting()
    first = CachedEmbedder(inner, store.sentence_vectors)
    a = first.embed(["Putin met Tillerson.", "Lavrov spoke.", "Putin met Tillerson."])
    assert inner.seen == ["Putin met Tillerson.", "Lavrov spoke."]  # a repeated text is embedded once
    store.save_sentence_vectors(first.new)
    second = CachedEmbedder(inner, store.sentence_vectors)
    b = second.embed(["Lavrov spoke.", "A new claim."])
    assert inner.seen[2:] == ["A new claim."] and list(second.new) == [second.key("A new claim.")]
    assert np.array_equal(b[0], a[1])
    # another input length is another key: a vector of another setting is never read back
    assert CachedEmbedder(Embedder(max_tokens=64), store.sentence_vectors).key("Lavrov spoke.") != second.key(
        "Lavrov spoke."
    )
    store.close()
