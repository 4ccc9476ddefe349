"""`newsweave summarize CLUSTERS.jsonl --words N --out SUMMARIES.jsonl`: cited summaries of given clusters.

Input lines: {"id", "documents": [{"id", "title", "text", "published", "source"}]}; output lines:
{"id", "summary", "sentences": [{"text", "citations": [document ids]}]}. Sentences come from the
same spaCy split as the pipeline's; a bad input line is reported on stderr and skipped.
With ``--mode generative`` an LLM behind the configured OpenAI-compatible endpoint writes the summary
from the top extractive sentences, its citations are checked (stages/generate.py), and each line
also says which ``mode`` it holds: "extractive" when the endpoint was missing, failed or said
nothing supported (the reason goes to stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .stages.textutil import counted


def _err(msg: str) -> None:
    print(f"newsweave: {msg}", file=sys.stderr)


def parse_cluster(line: str) -> dict[str, Any]:
    """The cluster of one input line; ValueError says what is wrong with it."""
    from .stages.ingest import parse_json_line

    rec = parse_json_line(line)
    if not isinstance(rec, dict):
        raise ValueError("expected a JSON object with 'id' and 'documents'")
    if not isinstance(rec.get("id"), (str, int)) or isinstance(rec.get("id"), bool):
        raise ValueError("missing or invalid 'id' (a string)")
    docs = rec.get("documents")
    if not isinstance(docs, list) or not docs:
        raise ValueError("'documents' must be a non-empty list")
    for k, d in enumerate(docs):
        if not isinstance(d, dict) or not isinstance(d.get("id"), (str, int)) or not isinstance(d.get("text"), str):
            raise ValueError(f"document {k} needs an 'id' and a 'text' string")
        if not isinstance(d.get("published"), (str, type(None))) or not isinstance(d.get("title"), (str, type(None))):
            raise ValueError(f"document {k}: 'published' and 'title' must be strings or null")
    return rec


def summarize_clusters(lines: Iterator[tuple[int, str]], words: int, out: TextIO,
                       on_error: Any = None, progress: Any = None, generative: Any = None,
                       on_warning: Any = None) -> tuple[int, int]:  # fmt: skip
    """Summarize each valid cluster line into `out`; returns (written, skipped). ``generative`` is a
    ``generate.GenerativeSummarizer`` for the generative mode; its warnings go to ``on_warning``."""
    from .stages.nlp import NLP, sentence_spans
    from .stages.summarize import Summarizer, SummaryDoc

    nlp = NLP()
    summarizer = generative or Summarizer(words=words)
    written = skipped = 0
    for lineno, line in lines:
        try:
            if not line.strip():
                continue
            try:
                rec = parse_cluster(line)
            except ValueError as e:
                skipped += 1
                if on_error:
                    on_error(lineno, str(e))
                continue
            raw = rec["documents"]
            docs = []
            for d, doc in zip(raw, nlp.docs(d["text"] for d in raw), strict=True):
                spans = sentence_spans(doc.text, ((s.start_char, s.end_char) for s in doc.sents))
                docs.append(SummaryDoc(str(d["id"]), doc.text, spans, d.get("published"), d.get("title")))
            summary = summarizer.summarize(docs)
            record = {
                "id": rec["id"],
                "summary": summary["text"],
                "sentences": [{"text": s["text"], "citations": s["citations"]} for s in summary["sentences"]],
            }
            if generative is not None:
                record["mode"] = summary["mode"]
                if summary.get("warning") and on_warning:
                    on_warning(lineno, rec["id"], summary["warning"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
        finally:
            if progress is not None:
                progress.update(1)
    return written, skipped


def cmd_summarize(args: argparse.Namespace) -> int:
    from .cli import output_problem
    from .stages.ingest import jsonl_lines, jsonl_problem

    path = Path(args.clusters)
    if not path.is_file():
        _err(f"no such file {str(path)!r}: give a JSON-lines file of clusters")
        return 2
    if why := jsonl_problem(path):
        _err(f"{path}: {why}")
        return 2
    if args.words < 1:
        _err("--words must be at least 1")
        return 2
    if args.out not in (None, "-") and (why := output_problem(args.out)):
        _err(f"--out {args.out}: {why}")
        return 2
    numbered = list(jsonl_lines(path))
    from tqdm import tqdm

    bar = tqdm(total=sum(line is not None for _n, line, _w in numbered), desc="summarize", unit="cluster",
               file=sys.stderr, disable=args.quiet)  # fmt: skip

    def on_error(lineno: int, msg: str) -> None:
        bar.clear()
        _err(f"{path} line {lineno}: {msg}; skipped")

    unreadable: list[int] = []

    def readable() -> Iterator[tuple[int, str]]:
        for n, line, why in numbered:
            if line is None:  # (a gzip file cut short, bytes in no encoding...): said in line order
                unreadable.append(n)
                on_error(n, why)
            else:
                yield n, line

    generative = None
    if args.mode == "generative":
        from .settings import Settings
        from .stages.generate import GenerativeSummarizer

        s = Settings()
        url = args.llm_url or os.environ.get("NEWSWEAVE_LLM_URL") or s.llm_url
        timeout = args.llm_timeout if args.llm_timeout is not None else s.llm_timeout_s
        generative = GenerativeSummarizer(url, args.llm_model or s.llm_model, timeout, args.words)
        if not url:
            _err("--mode generative without --llm-url (or $NEWSWEAVE_LLM_URL): writing extractive summaries")

    def on_warning(lineno: int, cid: Any, msg: str) -> None:
        if generative is not None and generative.url:  # without a URL it was said once above
            bar.clear()
            _err(f"cluster {cid} (line {lineno}): {msg}")

    out = sys.stdout if args.out in (None, "-") else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        written, skipped = summarize_clusters(readable(), args.words, out, on_error, bar, generative, on_warning)
        skipped += len(unreadable)
    finally:
        bar.close()
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        dest = "" if out is sys.stdout else f" to {args.out}"
        _err(f"wrote {counted(written, 'summary')}{dest}"
             + (f", skipped {skipped} bad {'line' if skipped == 1 else 'lines'}" if skipped else ""))  # fmt: skip
    return 0 if written or not skipped else 1


def add_parser(sub: Any) -> None:
    p = sub.add_parser("summarize", help="write a cited summary (extractive, or --mode generative) for each cluster")
    fields = '{"id", "documents": [{"id", "title", "text", "published", "source"}]}'
    p.add_argument("clusters", metavar="CLUSTERS.jsonl", help=f"one cluster a line: {fields}")
    p.add_argument("--words", type=int, default=100, help="summary length in words (default 100)")
    p.add_argument("--out", default="-", metavar="SUMMARIES.jsonl", help="output file (default: standard output)")
    p.add_argument("--mode", choices=("extractive", "generative"), default="extractive",
                   help="extractive (default, CPU only) or generative: an LLM behind --llm-url writes the summary, "
                        "its citations are checked, extractive when it fails")  # fmt: skip
    p.add_argument("--llm-url", metavar="URL", help="OpenAI-compatible server (http://host:port or .../v1); "
                   "default $NEWSWEAVE_LLM_URL; API key from $NEWSWEAVE_LLM_API_KEY")  # fmt: skip
    p.add_argument("--llm-model", default="", metavar="NAME", help="model name sent to the server")
    p.add_argument("--llm-timeout", type=float, metavar="SECONDS", help="request timeout (default 60)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or closing line")
    p.set_defaults(func=cmd_summarize)
