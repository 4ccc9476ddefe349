"""`newsweave cluster INPUT.jsonl --out ASSIGNMENTS.jsonl`: stream articles into stories.

Reads articles in file order as a stream, and writes one line per article: {"id", "story"}.
It uses the same engine as `newsweave run` (embedding of title and lead, entity keys, content
terms, the streaming StoryClusterer with the settings' defaults); only the NER part of spaCy is run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .records import Analysis, Article, Mention
from .settings import Settings
from .stages.ingest import jsonl_lines, jsonl_problem, normalise_published, parse_json_line
from .stages.textutil import counted


def _err(msg: str) -> None:
    from tqdm import tqdm

    tqdm.write(f"newsweave cluster: {msg}", file=sys.stderr)  # (above the progress bar, not through it)


def _records(path: Path, quiet: bool, skipped: list[int] | None = None) -> Iterator[tuple[str, Article]]:
    """(input id, article) for each valid line; a bad line is reported (unless ``quiet``), and its
    number added to ``skipped``."""
    first_line: dict[str, int] = {}
    for n, line, why in jsonl_lines(path):
        try:
            if line is None:
                raise ValueError(why)
            rec = parse_json_line(line)
            if not isinstance(rec, dict):
                raise ValueError(f"not a JSON object (got {type(rec).__name__})")
            rid = rec.get("id")
            if rid is None:
                raise ValueError("no 'id' field")
            text = rec.get("text") or ""
            if not isinstance(text, str):
                raise ValueError("field 'text' must be a string")
            title = rec.get("title") if isinstance(rec.get("title"), str) else None
            if not text.strip() and not (title or "").strip():
                raise ValueError("no title and no text")
            if str(rid) in first_line:
                raise ValueError(f"id {str(rid)!r} repeated (first on line {first_line[str(rid)]})")
            first_line[str(rid)] = n
        except ValueError as e:
            if skipped is not None:
                skipped.append(n)
            if not quiet:
                _err(f"{path}:{n}: skipped: {e}")
            continue
        published = normalise_published(rec.get("published"))
        art = Article(id=Article.make_id(title, text), text=text, title=title, published=published)
        yield str(rid), art


def cluster_file(path: Path, out: Any, settings: Settings, quiet: bool = False, batch: int = 32,
                 skipped: list[int] | None = None) -> int:  # fmt: skip
    """Cluster the articles of one .jsonl file in order; write assignments; return how many (the
    numbers of the lines skipped go to ``skipped``).

    The lines are written at the end, so that an article whose story was later merged into another
    is given the story that holds it in the end."""
    import spacy
    from tqdm import tqdm

    from .stages.cluster import StoryClusterer, content_terms, entity_keys, stated_figures, template_heading
    from .stages.embed import Embedder, embed_text

    nlp = spacy.load(settings.spacy_model, exclude=["lemmatizer", "parser", "tagger", "attribute_ruler"])
    emb = Embedder.from_settings(settings)
    clusterer = StoryClusterer.from_settings(settings)
    bar = tqdm(disable=quiet, file=sys.stderr, unit="art", desc="cluster")
    assigned: list[tuple[str, str]] = []
    chunk: list[tuple[str, Article]] = []

    def flush() -> None:
        if not chunk:
            return
        arts = [a for _, a in chunk]
        vecs = emb.embed([embed_text(a) for a in arts])
        docs = nlp.pipe((a.text[: settings.nlp_max_chars] for a in arts), batch_size=settings.spacy_batch_size)
        for (rid, a), v, doc in zip(chunk, vecs, docs, strict=True):
            ms = tuple(Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
            terms = content_terms(a.title, a.text, settings.cluster_lead_chars)
            keys = entity_keys(Analysis(a.id, (), ms, ()))
            figs = stated_figures(a.title, a.text, settings.cluster_lead_chars)
            assigned.append((rid, clusterer.assign(rid, v, keys, a.published, terms, figs, template_heading(a.text))))
        bar.update(len(chunk))
        chunk.clear()

    for item in _records(path, quiet, skipped):
        chunk.append(item)
        if len(chunk) >= batch:
            flush()
    flush()
    bar.close()
    for rid, story in assigned:
        # the story that holds the article at the end of the stream: a later merge or split may have moved it
        out.write(json.dumps({"id": rid, "story": clusterer.final_story(rid, story)}, ensure_ascii=False) + "\n")
    return len(assigned)


def cmd_cluster(args: argparse.Namespace) -> int:
    from .cli import output_problem

    path = Path(args.input)
    if why := jsonl_problem(path):
        print(f"newsweave cluster: {path}: {why}", file=sys.stderr)
        return 2
    if args.out not in (None, "-") and (why := output_problem(args.out)):
        print(f"newsweave cluster: --out {args.out}: {why}", file=sys.stderr)
        return 2
    settings = Settings()
    skipped: list[int] = []
    if args.out in (None, "-"):
        n = cluster_file(path, sys.stdout, settings, args.quiet, skipped=skipped)
    else:
        tmp = Path(args.out + ".part")
        with open(tmp, "w", encoding="utf-8") as fh:
            n = cluster_file(path, fh, settings, args.quiet, skipped=skipped)
        tmp.replace(args.out)
    if not args.quiet:
        bad = f", {counted(len(skipped), 'line')} skipped" if skipped else ""
        print(f"newsweave cluster: {counted(n, 'article')} assigned{bad}", file=sys.stderr)
    return 0 if n or not skipped else 1  # nothing usable in the input: a failure


def add_parser(sub: Any) -> None:
    p = sub.add_parser("cluster", help="assign the articles of a JSON-lines file, in order, to stories")
    p.add_argument("input", metavar="INPUT.jsonl", help='one article a line: {"id", "title", "text", "published", ...}')
    p.add_argument("--out", default="-", metavar="ASSIGNMENTS.jsonl", help="output (default: standard output)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or messages")
    p.set_defaults(func=cmd_cluster)
