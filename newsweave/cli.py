"""The `newsweave` command: a thin layer that parses arguments, calls the library and prints.

Heavy modules (spaCy, onnxruntime) are imported only inside the commands that need them, so
`newsweave --help` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .stages.textutil import counted


def _err(msg: str) -> None:
    print(f"newsweave: {msg}", file=sys.stderr)


def _settings(args: argparse.Namespace) -> Any:
    from .settings import Settings

    s = Settings()
    changes = {}
    if getattr(args, "max_file_mb", None) is not None:
        changes["max_file_mb"] = args.max_file_mb
    if getattr(args, "words", None) is not None:
        changes["summary_words"] = args.words
    for item in getattr(args, "set", None) or []:
        key, value = _setting(s, item)
        changes[key] = value
    return s.with_(**changes) if changes else s


def _setting(s: Any, item: str) -> tuple[str, Any]:
    """``KEY=VALUE`` -> (key, value typed like the setting's default); SystemExit with a clear message."""
    key, sep, raw = item.partition("=")
    key = key.strip().replace("-", "_")
    if not sep or not hasattr(s, key):
        known = ", ".join(sorted(s.to_dict()))
        raise SystemExit(_fail(f"--set {item!r}: expected KEY=VALUE with KEY one of: {known}"))
    default = getattr(s, key)
    try:
        if isinstance(default, bool):
            if raw.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(raw)
            return key, raw.lower() in ("true", "1", "yes")
        if isinstance(default, int):
            return key, int(raw)
        if isinstance(default, float):
            return key, float(raw)
        return key, (None if raw.lower() in ("", "none") and default is None else raw)
    except ValueError:
        kind = type(default).__name__
        raise SystemExit(_fail(f"--set {item!r}: {key} takes {'an' if kind == 'int' else 'a'} {kind}")) from None


def store_problem(path: str | Path) -> str | None:
    """Why newsweave cannot open (or create) its store at ``path``, or None. SQLite writes its journal
    files next to the store, also to read it, so its folder must be writable."""
    p = Path(path)
    if p.is_dir():
        return "a folder, not a store file"
    folder = p.parent
    while not folder.exists() and folder != folder.parent:  # missing folders are made: the first that exists
        folder = folder.parent
    if not folder.is_dir():
        return f"{str(folder)!r} is a file, not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return (f"folder {str(folder)!r} is not writable (the store and its journal files are written there, "
                "also to read it): copy the store to a writable folder or pick another --db")  # fmt: skip
    if p.exists() and not os.access(p, os.R_OK | os.W_OK):
        return "the file is not readable and writable: copy it to a writable folder or pick another --db"
    return None


def _open_store(args: argparse.Namespace, must_exist: bool = False) -> Any:
    from .store.sqlite import SQLiteStore, StoreError

    if must_exist and not Path(args.db).exists():
        raise SystemExit(_fail(f"no store at {args.db!r}: run `newsweave run PATH...` first"))
    if why := store_problem(args.db):
        # a command that only reads reads a store in a read-only folder without writing anything there
        db = Path(args.db)
        if must_exist and db.is_file() and os.access(db, os.R_OK) and not os.access(db.parent, os.W_OK | os.X_OK):
            try:
                return SQLiteStore(args.db, read_only=True)
            except StoreError as e:
                raise SystemExit(_fail(f"--db {args.db}: {e}")) from None
        raise SystemExit(_fail(f"--db {args.db}: {why}"))
    return SQLiteStore(args.db)


def output_problem(path: str | Path, folder: bool = False) -> str | None:
    """Why an output file (or, with ``folder``, an output folder, created here) cannot be written, or None."""
    p = Path(path)
    if folder:
        if p.exists() and not p.is_dir():
            return "a file is there, not a folder"
        try:
            p.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            return f"cannot create the folder ({e.strerror or e})"
        return None
    if p.is_dir():
        return "a folder, not a file"
    if not p.parent.is_dir():
        return f"folder {str(p.parent)!r} does not exist"
    return None


def _fail(msg: str) -> int:
    _err(msg)
    return 2


def cmd_run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    settings = _settings(args)  # every check before the work, and before a folder or the store is made
    if why := store_problem(args.db):
        return _fail(f"--db {args.db}: {why}")
    if why := output_problem(args.out, folder=True):
        return _fail(f"--out {args.out}: {why}")
    store = _open_store(args)
    from .pipeline import Pipeline  # (after the checks: it imports the models' libraries)

    pipe = Pipeline(store, settings, progress=not args.quiet)

    def on_skip(s: Any) -> None:
        if not args.quiet:
            tqdm.write(f"newsweave: skipped {s.origin}: {s.reason}", file=sys.stderr)  # above the progress bar

    def on_interrupt(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGINT, stop_now)
        tqdm.write("\nnewsweave: stopping: what is stored stays (Ctrl-C again to stop without closing the store)",
                   file=sys.stderr)  # fmt: skip
        # The workers' batches in hand would be thrown away anyway (only this process stores what they
        # return), and finishing them took up to ~10 s: they are stopped now. A worker writing a story
        # report is rolled back by SQLite, as after the second Ctrl-C.
        import multiprocessing

        for child in multiprocessing.active_children():
            child.kill()
        raise KeyboardInterrupt

    def stop_now(signum: int, frame: Any) -> None:
        # not a second KeyboardInterrupt: raised inside the worker pool's shutdown, it left the pool's
        # workers waiting on their queue and this process joining them, forever. SQLite rolls back
        # the transaction in hand when the store is next opened.
        import multiprocessing

        for child in multiprocessing.active_children():
            child.kill()
        _err("stopped: everything stored before the interruption is kept; run the same command again to carry on")
        os._exit(130)

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # (not where Ctrl-C is ignored)
        signal.signal(signal.SIGINT, on_interrupt)
    try:
        res = pipe.run(args.paths, Path(args.out), on_skip=on_skip)
    except KeyboardInterrupt:
        _err("interrupted: everything finished before the interruption is kept in the store; "
             "run the same command again to carry on")  # fmt: skip
        return 130
    finally:
        if signal.getsignal(signal.SIGINT) is on_interrupt:  # not interrupted (once interrupted, the process
            signal.signal(signal.SIGINT, signal.default_int_handler)  # is ending: Ctrl-C again ends it at once)
        store.close()
    print(res.summary_line())
    if args.timings:
        print(json.dumps({k: round(v, 3) for k, v in pipe.timings.items()}), file=sys.stderr)
    for kind, path in res.outputs.items():
        print(f"  {kind}: {path}")
    return 0 if res.read or not res.skipped else 1  # no input could be read: a failure


def at_least(minimum: float, kind: type = int) -> Any:
    """An argparse type: a number (int or float, as ``kind``) no smaller than ``minimum``."""

    def parse(value: str) -> Any:
        try:
            n = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum:g}, not {value}")
        return n

    return parse


def _date(value: str) -> str:
    """An argparse type: a ``YYYY-MM-DD`` date, kept as that text."""
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2005-07-07") from None


def cmd_stories(args: argparse.Namespace) -> int:
    from .store.query import find_stories, story_summary

    if args.since and args.until and args.since > args.until:
        return _fail(f"--since {args.since} is after --until {args.until}: no story can match")
    store = _open_store(args, must_exist=True)
    try:
        found = find_stories(store, args.query, args.outlet, args.entity, args.since, args.until, args.sort)
    finally:
        store.close()
    shown = found[: args.limit or None]
    if args.json:
        print(json.dumps([story_summary(s) for s in shown], ensure_ascii=False, indent=2))
        return 0
    if not found:
        filters = [f"--{k} {v!r}" for k, v in (("query", args.query), ("outlet", args.outlet), ("entity", args.entity),
                                               ("since", args.since), ("until", args.until)) if v]  # fmt: skip
        print(f"no story matches {' '.join(filters)}" if filters else "no stories in the store yet "
              "(`newsweave run PATH...` makes them)", file=sys.stderr)  # fmt: skip
    for s in shown:
        span = s.get("first_published") or "?"
        if s.get("last_published") and s["last_published"] != s.get("first_published"):
            span += f"..{s['last_published']}"
        size = int(s.get("size") or len(s.get("articles") or []))
        print(f"{s['id']}  {size:>3} art  {span:<22}  {(s.get('headline') or '(no headline)')[:90]}")
    if len(found) > len(shown):
        print(f"... {len(found) - len(shown)} more (--limit 0 for all)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .store.query import AmbiguousStoryId, find_story

    store = _open_store(args, must_exist=True)
    try:
        story = find_story(store, args.story_id)
    except AmbiguousStoryId as e:
        return _fail(f"{e}: give more of the id")
    finally:
        store.close()
    if story is None:
        return _fail(f"no story {args.story_id!r} (see `newsweave stories`)")
    if args.json:
        print(json.dumps(story, ensure_ascii=False, indent=2))
    else:
        from .report import render_markdown

        print(render_markdown({"schema_version": "1.0", "generated": "", "stories": [story]}))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.table and args.format != "csv":
        return _fail(f"--table {args.table} is a CSV table: add --format csv")
    if args.output not in (None, "-") and (why := output_problem(args.output)):
        return _fail(f"-o {args.output}: {why}")
    store = _open_store(args, must_exist=True)
    from .pipeline import Pipeline  # (after the checks: it imports the models' libraries)
    from .report import render_html, render_markdown

    doc = Pipeline(store, progress=False).document()
    store.close()
    if args.format == "json":
        text = json.dumps(doc, ensure_ascii=False, indent=2)
    elif args.format == "csv":
        from .report.tables import render_csv

        text = render_csv(doc, args.table or "quotes")
    elif args.format == "md":
        text = render_markdown(doc)
    else:
        text = render_html(doc)
    if args.output in (None, "-"):
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    store = _open_store(args, must_exist=True)
    try:
        if args.id:
            ent = store.entity(args.id)
            if ent is None:
                return _fail(f"no entity {args.id!r} (see `newsweave entities`)")
            if args.json:
                print(json.dumps(ent, ensure_ascii=False, indent=2))
                return 0
            print(f"{ent['id']}  {ent['label']}  {ent['name']}  ({counted(ent['mentions'], 'mention')})")
            print("  names: " + "; ".join(ent["variants"]))
            for s in ent["stories"]:
                print(f"  story {s['story']}  {counted(s['mentions'], 'mention', 4):<13}  as {s['name']!r}")
            return 0
        total, ents = store.entities(args.query, limit=args.limit or 1_000_000)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"total": total, "entities": ents}, ensure_ascii=False, indent=2))
        return 0
    if not ents:
        hint = f"no entity name contains {args.query!r}" if args.query else "no entities in the store yet"
        print(hint + (" (for an entity id use --id)" if args.query and re.fullmatch(r"E[0-9a-f]{10}", args.query)
                      else ""), file=sys.stderr)  # fmt: skip
    for e in ents:
        others = [v for v in e["variants"] if v != e["name"]][:4]
        stories, mentions = counted(e["stories"], "story", 3), counted(e["mentions"], "mention", 5)
        print(f"{e['id']}  {e['label']:<7} {stories:<11} {mentions:<14}  {e['name']}"
              + (f"  (also: {'; '.join(others)})" if others else ""))  # fmt: skip
    if total > len(ents):
        print(f"... {total - len(ents)} more (--limit 0 for all)")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .records import Article, Skip
    from .settings import Settings
    from .stages.ingest import iter_files, read_path

    settings = Settings()
    written = skipped = 0
    for f in iter_files(args.paths):
        if not isinstance(f, Path):
            _err(f"skipped {f.origin}: {f.reason}")
            skipped += 1
            continue
        for item in read_path(f, settings):  # without a store nothing is "already stored"
            if isinstance(item, Skip):
                _err(f"skipped {item.origin}: {item.reason}")
                skipped += 1
                continue
            if not isinstance(item, Article):
                continue
            rec: dict[str, Any] = {
                "path": item.origin, "title": item.title, "author": "; ".join(item.authors) or None,
                "published": item.published, "site": item.source,
                "original_source": item.original_source, "language": item.language,
                "url": item.url, "text": item.text,
            }  # fmt: skip
            if item.fmt == "txt":
                rec["removed"] = list(item.removed)
            print(json.dumps(rec, ensure_ascii=False))
            written += 1
    _err(f"{counted(written, 'article')} extracted, {counted(skipped, 'input')} skipped")
    return 0 if written or not skipped else 1  # no input could be read: a failure


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsweave",
        description="Turn a pile of raw news articles into stories: clusters, cited summaries, "
        "quote ledgers and entities.",
    )
    p.add_argument("--version", action="version", version=f"newsweave {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def db(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", default="newsweave.db", help="SQLite store (default: newsweave.db)")

    r = sub.add_parser("run", help="ingest files/folders, find stories, write reports")
    r.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt, .html/.htm/.html.gz, .jsonl, .warc/.warc.gz, .rss/.atom/.xml feed files or folders",
    )
    r.add_argument("--out", default="newsweave-out", help="report folder (default: newsweave-out)")
    db(r)
    r.add_argument("--words", type=at_least(1), help="summary length in words (default 100)")
    r.add_argument("--max-file-mb", type=at_least(0.001, float), help="skip larger .txt/.html files (default 50)")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress bars or skip messages")
    r.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="override a setting (see newsweave/settings.py), e.g. nlp_processes=0; repeatable")  # fmt: skip
    r.add_argument("--timings", action="store_true", help="print seconds per stage (JSON) to stderr")
    r.set_defaults(func=cmd_run)

    s = sub.add_parser("stories", help="list the stories in the store (filters as in the web app)",
                       description="List the stories in the store, biggest first (or newest with --sort recent). "
                       "Filters combine; text matches ignore case.")  # fmt: skip
    db(s)
    s.add_argument("--query", metavar="TEXT",
                   help="every word in the headline or summary, or in an article or quote of the story")  # fmt: skip
    s.add_argument("--outlet", metavar="NAME", help="an outlet whose name contains NAME")
    s.add_argument("--entity", metavar="NAME", help="a person, organisation or place whose name contains NAME")
    s.add_argument("--since", type=_date, metavar="DATE", help="published on or after DATE (YYYY-MM-DD)")
    s.add_argument("--until", type=_date, metavar="DATE", help="published on or before DATE (YYYY-MM-DD)")
    s.add_argument("--sort", choices=["size", "recent"], default="size",
                   help="size: biggest first, then newest (default); recent: newest first")  # fmt: skip
    s.add_argument("--limit", type=at_least(0), default=0, help="show at most N stories (default: all)")
    s.add_argument("--json", action="store_true", help="print JSON: id, headline, size, dates, outlets per story")
    s.set_defaults(func=cmd_stories)

    sh = sub.add_parser("show", help="show one story (id or id prefix)")
    sh.add_argument("story_id", metavar="STORY_ID")
    db(sh)
    sh.add_argument("--json", action="store_true", help="print the story's JSON record")
    sh.set_defaults(func=cmd_show)

    en = sub.add_parser("entities", help="people, organisations and places across all stories")
    en.add_argument("query", nargs="?", help="only entities with a name containing this (case and accents ignored)")
    db(en)
    en.add_argument("--id", help="show one entity (id from the list) and the stories it is in")
    en.add_argument("--limit", type=at_least(0), default=50, help="show at most N entities (0: all; default 50)")
    en.add_argument("--json", action="store_true", help="print JSON")
    en.set_defaults(func=cmd_entities)

    from .report.tables import TABLES  # (no jinja2: the report package loads its renderers on first use)

    e = sub.add_parser("export", help="write all stories as JSON, Markdown, HTML or a CSV table")
    e.add_argument("--format", choices=["json", "md", "html", "csv"], default="json")
    e.add_argument("--table", choices=list(TABLES),
                   help="with --format csv: which table, one row per quote wording, article, "
                   "entity, number, dated event or claim, each led by its story (default: quotes)")  # fmt: skip
    e.add_argument("-o", "--output", help="file to write (default: standard output)")
    db(e)
    e.set_defaults(func=cmd_export)

    from . import cluster_cmd, quotes_cmd, serve_cmd, summarize_cmd

    cluster_cmd.add_parser(sub)
    quotes_cmd.add_parser(sub)
    summarize_cmd.add_parser(sub)
    serve_cmd.add_parser(sub)

    x = sub.add_parser("extract", help="print main text and metadata of each input file as JSON lines")
    x.add_argument("paths", nargs="+", metavar="PATH")
    x.set_defaults(func=cmd_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except SystemExit as e:
        return int(e.code or 0)
    except BrokenPipeError:
        return 0
    except OSError as e:  # a file that vanished or cannot be written: say which, without a traceback
        _err(f"{e.filename}: {e.strerror or e}" if e.filename else str(e))
        return 1
    except RuntimeError as e:  # clear messages from stages and store (missing model, bad db)
        _err(str(e))
        return 1


if __name__ == "__main__":
    sys.exit(main())
