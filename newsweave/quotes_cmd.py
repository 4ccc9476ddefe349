"""`newsweave quotes INPUT.jsonl --out QUOTES.jsonl`: the quotes of each article, as JSON lines.

Input lines are objects with "id" and "text" (other keys are ignored); each output line is
{"id", "quotes": [{"content", "parts", "speaker", "speaker_name", "cue", "direct"}]} with spans as
[start, end, text], character offsets into the input text. Bad input lines are reported on stderr
with their line number and skipped; the run goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Any

from .records import Quote, Span
from .stages.textutil import counted


def _err(msg: str) -> None:
    from tqdm import tqdm

    tqdm.write(f"newsweave quotes: {msg}", file=sys.stderr)  # (above the progress bar, not through it)


def _span(sp: Span | None) -> list[Any] | None:
    return sp.to_list() if sp is not None else None


def quote_record(q: Quote) -> dict[str, Any]:
    """One quote as the command writes it (parts: the fragments of a quote split around its cue)."""
    return {
        "content": q.content.to_list(),
        "parts": [p.to_list() for p in q.parts],
        "speaker": _span(q.speaker),
        "speaker_name": q.speaker_name,
        "cue": _span(q.cue),
        "direct": q.direct,
    }


def read_articles(fh: IO[str], name: str) -> Iterator[tuple[int, str, str]]:
    """(line number, id, text) for each valid line of a text stream; a bad line, or a line repeating
    an id, gets one stderr message."""
    return read_lines(((n, line.lstrip("\ufeff"), "") for n, line in enumerate(fh, 1)), name)


def read_lines(lines: Iterable[tuple[int, str | None, str]], name: str,
               skipped: list[int] | None = None) -> Iterator[tuple[int, str, str]]:  # fmt: skip
    """``read_articles`` over the numbered lines of ``ingest.jsonl_lines`` (text None: unreadable,
    and why); the numbers of the lines skipped go to ``skipped``."""
    first_line: dict[str, int] = {}
    for n, line, why in lines:
        if line is not None and not line.strip():
            continue
        got = _article(line, why, first_line)
        if isinstance(got, str):
            _err(f"{name}:{n}: skipped{got}")
            if skipped is not None:
                skipped.append(n)
            continue
        first_line[got[0]] = n
        yield n, *got


def _article(line: str | None, why: str, first_line: dict[str, int]) -> tuple[str, str] | str:
    """(id, text) of one line, or the end of the message that says why it is skipped."""
    from .stages.ingest import clean_json

    if line is None:
        return f": {why}"
    try:
        rec = clean_json(json.loads(line.rstrip("\r\n")))
    except json.JSONDecodeError as e:
        return f": not valid JSON ({e.msg.removesuffix(' at')} at column {e.colno})"  # ("...starting at")
    if not isinstance(rec, dict):
        return f': expected a JSON object with "id" and "text", got {type(rec).__name__}'
    art_id, text = rec.get("id"), rec.get("text")
    if isinstance(art_id, int) and not isinstance(art_id, bool):
        art_id = str(art_id)
    if not isinstance(art_id, str) or not art_id:
        return ': missing or empty "id" (a string)'
    if not isinstance(text, str):
        return f' (id {art_id!r}): missing "text" (a string)'
    if art_id in first_line:
        return f": id {art_id!r} repeated (first on line {first_line[art_id]})"
    return art_id, text


def _count_lines(path: str) -> int | None:
    from .stages.ingest import GZIP_ERRORS, open_input

    if path == "-":
        return None
    try:
        with open_input(Path(path)) as fh:
            return sum(1 for _line in fh)
    except (*GZIP_ERRORS, OSError):  # the reading says what is wrong; the bar goes without a total
        return None


def cmd_quotes(args: argparse.Namespace) -> int:
    from .cli import output_problem
    from .stages.ingest import jsonl_lines, jsonl_problem

    src = args.input
    if src != "-" and (why := jsonl_problem(src)):
        _err(f"{src}: {why}")
        return 2
    if args.out != "-" and (why := output_problem(args.out)):
        _err(f"--out {args.out}: {why}")
        return 2
    from tqdm import tqdm

    from .stages.nlp import NLP  # (after the checks: spaCy takes seconds to import)
    from .stages.quotes import extract_quotes
    from .workers import batched

    nlp = NLP(batch_size=args.batch_size).load()
    written = 0
    skipped: list[int] = []
    with (
        nullcontext(sys.stdout) if args.out == "-" else open(args.out, "w", encoding="utf-8") as fout,
        tqdm(total=_count_lines(src), unit="art", desc="quotes", disable=args.quiet, file=sys.stderr) as bar,
    ):
        name = "<stdin>" if src == "-" else src
        for chunk in batched(read_lines(jsonl_lines(src), name, skipped), args.batch_size):
            for (n, art_id, text), doc in zip(chunk, nlp.docs(t for _n, _i, t in chunk), strict=True):
                if len(text) > nlp.max_chars:
                    _err(f"{src}:{n}: id {art_id!r}: only the first {nlp.max_chars} characters were read")
                qs = [quote_record(q) for q in extract_quotes(doc)]
                fout.write(json.dumps({"id": art_id, "quotes": qs}, ensure_ascii=False) + "\n")
                written += 1
            bar.update(chunk[-1][0] - bar.n if bar.total else len(chunk))  # (total: lines read)
        if bar.total:
            bar.update(bar.total - bar.n)
    if not args.quiet:
        _err(f"{counted(written, 'article')} written to {args.out}"
             + (f", {counted(len(skipped), 'line')} skipped" if skipped else ""))  # fmt: skip
    return 0 if written or not skipped else 1  # nothing usable in the input: a failure


def add_parser(sub: Any) -> None:
    """Add the `quotes` subcommand to the CLI's subparsers."""
    q = sub.add_parser("quotes", help="extract quotes (direct and reported) from JSON lines of articles")
    q.add_argument("input", metavar="INPUT.jsonl", help='JSON lines with "id" and "text" ("-" for stdin)')
    q.add_argument("--out", required=True, metavar="QUOTES.jsonl", help='output JSON lines ("-" for stdout)')
    q.add_argument("--batch-size", type=int, default=32, help="articles per spaCy batch (default 32)")
    q.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    q.set_defaults(func=cmd_quotes)
