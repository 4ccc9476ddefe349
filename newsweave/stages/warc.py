"""Web archives (WARC, plain or gzipped): one article per archived HTML page.

Read with warcio, streaming: a crawl of many gigabytes is never held in memory. Only ``response``
and ``resource`` records of HTML pages are articles; requests, metadata, images, scripts and style
sheets are not and pass silently. An HTML page that is not one (HTTP status other than 2xx), too
large, or unreadable becomes a Skip with its record number and URL; a WARC that breaks off stops
with a Skip after the pages read before the break.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import Article, Skip
from ..settings import Settings

if TYPE_CHECKING:
    from .ingest import AlreadyStored

WARC_EXT = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, settings: Settings, known: Callable[[str], bool] | None = None,
              ) -> Iterator[Article | Skip | AlreadyStored]:  # fmt: skip
    """Articles of the HTML pages archived in one WARC file (AlreadyStored for pages a store holds)."""
    from dataclasses import replace

    from warcio.archiveiterator import ArchiveIterator

    from .ingest import AlreadyStored, input_hash, path_label, read_html

    limit = int(settings.max_file_mb * 1024 * 1024)
    label = path_label(path)
    n = 0
    pages = 0
    if not _starts_as_warc(path):
        yield Skip(label, "not a WARC file (it does not open with a 'WARC/1.x' record header)")
        return
    with open(path, "rb") as fh:
        try:
            for rec in ArchiveIterator(fh):
                n += 1
                if rec.rec_type not in ("response", "resource"):
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI") or None
                headers = rec.http_headers if rec.rec_type == "response" else None
                if rec.rec_type == "response" and headers is None:  # a DNS or other non-HTTP response
                    continue
                ctype = (headers or rec.rec_headers).get_header("Content-Type") or ""
                if ctype.split(";")[0].strip().lower() not in _HTML_TYPES:
                    continue
                origin = f"{label}#{n}" + (f" {uri}" if uri else "")
                pages += 1
                status = headers.get_statuscode() if headers is not None else "200"
                if not str(status).startswith("2"):
                    yield Skip(origin, f"HTTP status {status}, not a page")
                    continue
                raw = rec.content_stream().read(limit + 1)
                if len(raw) > limit:
                    yield Skip(origin, f"page too large (> {settings.max_file_mb:g} MB; raise --max-file-mb)")
                    continue
                missing = getattr(rec.raw_stream, "limit", 0)  # bytes the record declares but the file lacks
                if isinstance(missing, int) and missing > 0:
                    yield Skip(origin, f"page cut short: the WARC file ends in this record ({missing} bytes missing)")
                    continue
                fingerprint = input_hash(raw)
                if known is not None and known(fingerprint):
                    yield AlreadyStored(origin, fingerprint)
                    continue
                text, why = _decode(raw, ctype)
                if text is None:
                    yield Skip(origin, why)
                    continue
                item = read_html(text, origin, settings, url=uri)
                yield replace(item, input_hash=fingerprint) if isinstance(item, Article) else item
        except Exception as e:  # warcio raises several kinds on a truncated or corrupt archive
            yield Skip(label, f"WARC unreadable after record {n} ({type(e).__name__}: {e}); "
                                  f"the {pages} pages before it were read")  # fmt: skip
            return
    if n == 0:
        yield Skip(label, "empty WARC file (no records)")
    elif pages == 0:  # only requests, images, scripts... or not a web archive at all
        yield Skip(label, f"no archived HTML page in this WARC file ({n} record{'s' if n != 1 else ''} read)")


def _starts_as_warc(path: Path) -> bool:
    """Whether the file (gzipped or not) opens with a WARC record's version line; an unreadable start is
    left to the reader, which says what is wrong."""
    from .ingest import GZIP_ERRORS, open_input

    try:
        with open_input(path) as fh:
            start = fh.read(5)
    except (OSError, *GZIP_ERRORS):
        return True
    return start == b"WARC/" or start == b""


def _decode(raw: bytes, ctype: str) -> tuple[str | None, str]:
    """The page's text: in the charset its HTTP header names when that fits, else the one the page
    declares, else as any other file."""
    from .ingest import declared_charset, decode_bytes

    m = re.search(r"charset=[\"']?([\w.:-]+)", ctype, re.IGNORECASE)
    if m and raw.strip():
        text, why = decode_bytes(raw, m.group(1))
        if text is not None:
            return text, why
    return decode_bytes(raw, declared_charset(raw))
