"""Read files and folders into Article records; every unreadable input becomes a Skip with a reason.

Formats: plain-text page dumps (.txt), HTML pages (.html, .htm, .html.gz), JSON lines (.jsonl,
one article per line: id, title, text, source, published, url; unknown fields ignored), web archives
(.warc, .warc.gz: every archived HTML page) and RSS/Atom feeds (.rss, .atom, .rdf, .xml: every item
that carries its article's text).
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..records import Article, Skip
from ..settings import Settings
from .clean import clean_text_dump, detect_original_source, outlet_in
from .feeds import FEED_EXT, looks_like_feed, read_feed
from .html import extract_html
from .language import detect_language, stop_word_hits
from .warc import WARC_EXT, read_warc

TEXT_EXT = (".txt", ".text")
HTML_EXT = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz")
ALL_EXT = TEXT_EXT + HTML_EXT + JSONL_EXT + WARC_EXT + FEED_EXT


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def path_label(path: str | Path) -> str:
    """A path as text that can be stored and printed: the bytes of a file name that are not UTF-8
    (an old Latin-1 name on Linux) become U+FFFD instead of lone surrogates, which SQLite refuses."""
    s = str(path)
    return os.fsencode(s).decode("utf-8", "replace") if _LONE_SURROGATE.search(s) else s


def clean_json(value: Any) -> Any:
    """A parsed JSON value with each lone surrogate (an escape such as "\\udce9" that names no
    character) replaced by U+FFFD: text holding one can be neither hashed, stored nor written as UTF-8."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [clean_json(v) for v in value]
    if isinstance(value, dict):
        return {clean_json(k): clean_json(v) for k, v in value.items()}
    return value


def parse_json_line(line: str) -> Any:
    """The value of one JSON line, lone surrogates replaced (``clean_json``); ValueError("invalid JSON (...
    at column N)") when the line is no JSON."""
    try:
        return clean_json(json.loads(line))
    except json.JSONDecodeError as e:
        msg = e.msg.removesuffix(" at")  # "Unterminated string starting at": the column follows
        raise ValueError(f"invalid JSON ({msg} at column {e.colno})") from None


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    kinds = (("html", HTML_EXT), ("jsonl", JSONL_EXT), ("txt", TEXT_EXT), ("warc", WARC_EXT), ("feed", FEED_EXT))
    for kind, exts in kinds:
        if name.endswith(exts):
            return kind
    return None


Paths = Iterable[str | Path] | str | Path  # input files and folders, or one of them alone


def as_path_list(paths: Paths) -> list[str | Path]:
    """The inputs as a list; one path given alone is a list of one (not, as a string, a list of its
    characters, whose "/" would be the whole file system)."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


def iter_files(paths: Paths) -> Iterator[Path | Skip]:
    """Expand files and folders (recursively, sorted) into input files; missing paths are Skips."""
    for p in as_path_list(paths):
        path = Path(p)
        if not path.exists():
            yield Skip(path_label(p), "path not found")
        elif path.is_dir():
            found, other = 0, 0
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if not f.startswith(".") and _kind(fp):
                        found += 1
                        yield fp
                    else:
                        other += 1
            if not found:  # files of other types in a folder are passed over; a folder of none is reported
                others = f"{other} files of other types; " if other else ""
                yield Skip(path_label(p), f"no input files in this folder ({others}expected {', '.join(ALL_EXT)})")
        elif _kind(path) is None:
            yield Skip(path_label(path), f"unsupported file type (expected one of {', '.join(ALL_EXT)})")
        else:
            yield path


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
SNIFF_BYTES = 6000  # the part of a file its readings are compared on
CHAOS_SLACK = 0.1  # how much less clean than charset_normalizer's pick another reading may be and still win
_NON_ASCII_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")


def signs_in_words(text: str) -> int:
    """Signs and digits between two letters of a word, the mark of a misread code page ("Zürich" ->
    "Z³rich", "Señor" -> "Se±or", which also splits off the stop word "or"); punctuation ("it’s") is no sign."""
    return sum(1 for m in _NON_ASCII_IN_WORD.finditer(text) if unicodedata.category(m.group())[0] in "SN")


# an HTML page's own charset: <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# labels browsers read as another encoding (WHATWG Encoding Standard): Latin-1 and ASCII pages are Windows-1252
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "iso8859-1": "cp1252", "x-user-defined": "cp1252"}  # fmt: skip


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> tag of its first 4 KB, as Python names it, or None."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").lower()
    return _CHARSET_ALIASES.get(label, label)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str | None, str]:
    """Decode bytes to text: UTF-8 first, then the ``declared`` encoding (an HTML page's or an HTTP
    header's charset) when the bytes fit it, else the detected encoding. Returns (text, why-not)."""
    if not data.strip():
        return None, "empty file"
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return None, "binary file (NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(_CHARSET_ALIASES.get(declared.lower(), declared)), ""
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None, "binary or undecodable file (no text encoding fits)"
    text = str(best)
    # charset_normalizer's pick is often wrong on legacy pages: English in Windows-1252 read as
    # mac_latin2, cp852 or even cp949 ("we’ve" -> "weíve", "you뭨e"), French Latin-1 as cp1250
    # ("aprčs"), Polish cp1250 as cp1252 ("siê"). Among its readings about as clean as the best, and
    # Windows-1252 itself, the one whose words are most often stop words of its language, less its
    # signs inside words, wins; Windows-1252 on a tie. Texts whose language no stop list knows
    # (Chinese...) keep the pick.
    head = data[:SNIFF_BYTES]
    encodings = [best.encoding] + [m.encoding for m in results if m.chaos <= best.chaos + CHAOS_SLACK] + ["cp1252"]
    readings: dict[str, str] = {}
    for enc in dict.fromkeys(encodings):
        try:
            reading = head.decode(enc, errors="strict" if len(data) <= SNIFF_BYTES else "ignore")
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == best.encoding or not _CONTROL.search(reading):  # UTF-16 read as a code page: NULs
            readings[enc] = reading
    if len(readings) > 1:
        lang = detect_language(readings.get(best.encoding) or text)  # the stop words are mostly ASCII
        scored = {enc: stop_word_hits(t, lang) - signs_in_words(t[:5000]) for enc, t in readings.items()}
        pick = max(scored, key=lambda enc: (scored[enc], enc == "cp1252", enc == best.encoding))
        if scored[pick] > 0 and pick != best.encoding:
            try:
                text = data.decode(pick)
            except UnicodeDecodeError:
                pass
    ctrl = sum(1 for ch in text[:4000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if ctrl > 0.05 * min(len(text), 4000):
        return None, "binary file (control characters), not text"
    return text, ""


def _read_limited(path: Path, settings: Settings) -> tuple[bytes | None, str]:
    size = path.stat().st_size
    limit = int(settings.max_file_mb * 1024 * 1024)
    if size > limit:
        return (
            None,
            f"file too large ({size / 1e6:.1f} MB > {settings.max_file_mb:g} MB; raise --max-file-mb)",
        )
    raw = path.read_bytes()
    # gzipped by name, or by content: a page saved as the server sent it, under its .html name
    if path.name.lower().endswith(".gz") or raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as e:
            return None, f"corrupt gzip file ({e})"
        if len(raw) > limit:
            return None, f"file too large once decompressed (> {settings.max_file_mb:g} MB)"
    return raw, ""


def input_hash(raw: bytes) -> str:
    """The fingerprint of a raw input file (its bytes, decompressed)."""
    return "i" + hashlib.sha256(raw).hexdigest()[:16]


def too_long(origin: str, chars: int, settings: Settings) -> Skip:
    return Skip(origin, f"article too long ({chars} chars > {settings.max_article_chars}; "
                        "raise it with --set max_article_chars=N)")  # fmt: skip


def finish_article(art: Article, settings: Settings) -> Article | Skip:
    """The article, or a Skip when its text is too long or (nearly) empty. A wire the text credits that is its own
    source ("(AP)" in a story of "Associated Press Worldstream") is no other outlet it carries: one outlet, not two
    that corroborate each other."""
    if art.original_source and art.source and outlet_in(art.source) == art.original_source:
        art = replace(art, original_source=None)
    if len(art.text) > settings.max_article_chars:
        return too_long(art.origin, len(art.text), settings)
    if len(chars := art.text.strip()) < settings.min_article_chars:
        return Skip(art.origin, f"no article text found (only {len(chars)} characters of text; "
                                f"fewer than {settings.min_article_chars}; lower it with --set min_article_chars=N)")
    return art


def read_text_dump(text: str, origin: str, settings: Settings) -> Article | Skip:
    if len(text) > settings.max_article_chars:  # skipped before cleaning, which takes minutes over
        return too_long(origin, len(text), settings)  # megabytes (furniture is never most of a dump)
    res = clean_text_dump(text)
    body = res.text
    art = Article(
        id=Article.make_id(res.title, body, res.site),
        text=body,
        title=res.title,
        source=res.site,
        original_source=res.original_source,
        authors=res.authors,
        published=res.published,
        language=detect_language(body),
        origin=origin,
        removed=res.removed,
        fmt="txt",
    )
    return finish_article(art, settings)


def read_html(html: str, origin: str, settings: Settings, url: str | None = None) -> Article | Skip:
    """One HTML page; ``url`` is where it was fetched from, when known (a WARC record's target)."""
    try:
        res = extract_html(html, url=url)
    except Exception as e:  # the HTML parsers raise many kinds on broken markup
        return Skip(origin, f"unreadable HTML ({type(e).__name__}: {e})")
    if not res.text and not res.title:
        return Skip(origin, "unreadable HTML (no main text found)")
    art = Article(
        id=Article.make_id(res.title, res.text, res.site),
        text=res.text,
        title=res.title,
        source=res.site,
        original_source=detect_original_source(res.text),
        authors=res.authors,
        published=res.published,
        url=res.url or url,
        language=res.language,
        origin=origin,
        fmt="html",
    )
    return finish_article(art, settings)


def _s(v: Any) -> str | None:
    if v is None:
        return None
    return str(v).strip() or None


_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")  # Unix time in seconds or milliseconds
_COMPACT_DATE = re.compile(r"(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")  # 20170412


def normalise_published(value: Any) -> str | None:
    """The publication date of a JSON record as ISO 8601, the form every stage reads. ISO dates and
    datetimes stay as given; RFC 2822 ("Wed, 12 Apr 2017 10:00:00 GMT", feeds and mail), Unix time
    (seconds or milliseconds), "20170412" and written dates ("April 12, 2017", "12.04.2017": day
    first after dots, month first after slashes) are converted; anything else is kept as given,
    and the article counts as undated."""
    if value is None or isinstance(value, bool):
        return None
    s = str(value).strip()
    if not s:
        return None
    if _COMPACT_DATE.fullmatch(s):
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    try:
        date.fromisoformat(s[:10])
        return s
    except ValueError:
        pass
    dt: datetime | None = None
    if _EPOCH.fullmatch(s):
        seconds = float(s) / (1000 if len(s.split(".")[0]) > 11 else 1)
        dt = datetime.fromtimestamp(seconds, tz=UTC)
    else:
        try:
            dt = email.utils.parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            import dateparser  # type: ignore[import-untyped]

            settings = {"DATE_ORDER": "DMY" if re.search(r"\d\.\d", s) else "MDY",
                        "REQUIRE_PARTS": ["day", "month", "year"],
                        "PARSERS": ["custom-formats", "absolute-time"]}  # never "yesterday" (a relative date)
            dt = dateparser.parse(s, languages=["en"], settings=settings)
    if dt is None:
        return s
    if (dt.hour, dt.minute, dt.second) == (0, 0, 0) and dt.tzinfo is None:
        return dt.date().isoformat()
    return dt.isoformat(timespec="seconds")


def read_jsonl_record(rec: Any, origin: str, settings: Settings) -> Article | Skip:
    if not isinstance(rec, dict):
        return Skip(origin, "not a JSON object")
    text = rec.get("text")
    title = _s(rec.get("title"))
    if text is not None and not isinstance(text, str):
        return Skip(origin, f"field 'text' must be a string, got {type(text).__name__}")
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        if not title:
            return Skip(origin, "no article text found (no 'text' field, or an empty one)")
        text, title = title, None  # single-sentence records keep everything in the title
    source = _s(rec.get("source"))
    art = Article(
        id=Article.make_id(title, text, source),
        text=text,
        title=title,
        source=source,
        original_source=detect_original_source(text[:600]),
        published=normalise_published(rec.get("published")),
        url=_s(rec.get("url")),
        language=detect_language(text),
        origin=origin,
        external_id=_s(rec.get("id")),
        fmt="jsonl",
    )
    return finish_article(art, settings)


OWN_PAGE = b'<meta name="generator" content="newsweave">'  # in the head of every page newsweave writes


@dataclass(frozen=True)
class AlreadyStored:
    """A .txt or .html file whose bytes the store holds already: not extracted again."""

    origin: str
    input_hash: str


def read_path(path: Path, settings: Settings,
              known: Callable[[str], bool] | None = None) -> Iterator[Article | Skip | AlreadyStored]:  # fmt: skip
    """All articles of one file (one for .txt/.html, many for .jsonl). ``known`` tells whether a raw
    file's fingerprint is stored: such a file is not extracted again."""
    kind = _kind(path)
    origin = path_label(path)
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path, settings)
            return
        if kind == "warc":
            yield from read_warc(path, settings, known)
            return
        raw, why = _read_limited(path, settings)
        if raw is None:
            yield Skip(origin, why)
            return
        if not raw.strip():
            yield Skip(origin, "empty file")
            return
        if kind == "feed":
            if not looks_like_feed(raw):
                yield Skip(origin, "XML file that is not an RSS or Atom feed")
            else:
                yield from read_feed(raw, origin, settings)
            return
        if kind == "html" and OWN_PAGE in raw[:8192]:  # a report in a folder read again: not news
            yield Skip(origin, "newsweave's own report, not an article")
            return
        fingerprint = input_hash(raw)
        if known is not None and known(fingerprint):
            yield AlreadyStored(origin, fingerprint)
            return
        text, why = decode_bytes(raw, declared_charset(raw) if kind == "html" else None)
        if text is None:
            yield Skip(origin, why)
            return
        item = read_html(text, origin, settings) if kind == "html" else read_text_dump(text, origin, settings)
        yield replace(item, input_hash=fingerprint) if isinstance(item, Article) else item
    except OSError as e:
        yield Skip(origin, f"cannot read file ({e.strerror or e})")


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def open_input(path: Path) -> Any:
    """A file's bytes, decompressed when it is gzipped (by its name, or by its first bytes)."""
    fh = open(path, "rb")  # noqa: SIM115 (returned)
    if path.name.lower().endswith(".gz") or fh.peek(2)[:2] == b"\x1f\x8b":
        fh.close()
        return gzip.open(path, "rb")
    return fh


def jsonl_problem(path: str | Path) -> str | None:
    """Why a file cannot be read as JSON lines at all (missing, a folder, binary, corrupt gzip), or None.
    A gzipped file that breaks off later is not a problem here: the lines before the break are read."""
    p = Path(path)
    if not p.exists():
        return "no such file"
    if p.is_dir():
        return "a folder, not a JSON-lines file"
    try:
        with open_input(p) as fh:
            head = fh.peek(8192)[:8192]
    except (EOFError, zlib.error):  # cut short: jsonl_lines reads up to the break and says where
        return None
    except gzip.BadGzipFile as e:
        return f"corrupt gzip file ({e})"
    except OSError as e:
        return f"cannot read file ({e.strerror or e})"
    if not head.strip():
        return "empty file"
    if not head.startswith(_UTF16_BOMS) and b"\x00" in head:
        return "binary file (NUL bytes), not JSON lines"
    return None


def jsonl_lines(path: str | Path) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text, "") for each non-blank line of a JSON-lines file ("-": standard input), or
    (line number, None, why) for a line that cannot be read. Gzipped by name or content; UTF-8 (a BOM
    is dropped, also at the start of a file appended to another), UTF-16 with its BOM, or a line in
    another encoding as ``decode_bytes`` reads it. A gzipped file that breaks off ends with the line it
    broke on and why; the lines before it are all given. Raises OSError when the file cannot be opened."""
    import sys

    fh: Any = sys.stdin.buffer if str(path) == "-" else open_input(Path(path))
    n = 0
    try:
        try:
            utf16 = fh.peek(2)[:2] in _UTF16_BOMS
        except (*GZIP_ERRORS, OSError):  # the reading below says where it breaks
            utf16 = False
        if utf16:  # not split on the byte b"\n"; (not splitlines: JSON strings may hold U+2028)
            for k, line in enumerate(fh.read().decode("utf-16", errors="replace").split("\n"), 1):
                if line.strip():
                    yield k, line, ""
            return
        lines = _split_lines(fh)
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                return
            except (*GZIP_ERRORS, OSError) as e:
                why = f"corrupt gzip file ({e})" if isinstance(e, GZIP_ERRORS) else f"cannot read ({e})"
                yield n + 1, None, why + (f"; the {n} lines before it were read" if n else "")
                return
            n += 1
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                decoded, why = decode_bytes(raw)
                if decoded is None:
                    yield n, None, why
                    continue
                line = decoded
            yield n, line.lstrip("\ufeff"), ""
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _split_lines(fh: Any) -> Iterator[bytes]:
    """The lines of a binary stream. Unlike iterating the stream, every whole line read before an
    error (a gzip file that breaks off) is given before the error is raised."""
    buf = b""
    while chunk := fh.read1(1 << 16):
        *whole, buf = (buf + chunk).split(b"\n")
        yield from whole
    if buf:
        yield buf


def _read_jsonl(path: Path, settings: Settings) -> Iterator[Article | Skip]:
    """The records of a JSON-lines file, one Skip per bad line (a binary file: one Skip)."""
    label = path_label(path)
    if why := jsonl_problem(path):
        yield Skip(label, why)
        return
    records = 0
    for n, text, why in jsonl_lines(path):
        records += 1
        origin = f"{label}:{n}"
        if text is None:
            yield Skip(origin, why)
            continue
        try:
            rec = parse_json_line(text)
        except ValueError as e:
            yield Skip(origin, str(e))
            continue
        yield read_jsonl_record(rec, origin, settings)
    if not records:
        yield Skip(label, "empty file")


def read_inputs(paths: Paths, settings: Settings,
                known: Callable[[str], bool] | None = None) -> Iterator[Article | Skip | AlreadyStored]:  # fmt: skip
    for item in iter_files(paths):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_path(item, settings, known)


def read_articles(paths: Paths, settings: Settings | None = None) -> Iterator[Article | Skip]:
    """The library's reader: every article in files and folders of any supported format, cleaned, with
    its metadata (an ``Article``), or a ``Skip`` that says why an input (or a record, an item, a line
    of it) gave none. Nothing is stored."""
    for item in read_inputs(paths, settings or Settings()):
        if isinstance(item, Article | Skip):
            yield item
