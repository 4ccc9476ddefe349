"""Web archives (WARC) and feeds (RSS, Atom): built here from the bundled real samples (WikiNews,
CC BY 2.5), with the records and items real crawls and feeds hold beside the articles."""

from __future__ import annotations

import gzip
import io
import json
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from newsweave.records import Article, Skip
from newsweave.settings import Settings
from newsweave.stages.feeds import fragment_text
from newsweave.stages.ingest import AlreadyStored, read_path

from .conftest import SAMPLES
from .test_ingest import _read

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

WIKI = [json.loads(line) for line in (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()]
HAITI = (SAMPLES / "haiti-earthquake.html").read_bytes()


def _response(w: WARCWriter, url: str, body: bytes, ctype: str = "text/html; charset=utf-8",
              status: str = "200 OK") -> None:  # fmt: skip
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def _warc(path: Path, gz: bool = True) -> Path:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        req = StatusAndHeaders("GET /haiti HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        w.write_record(w.create_warc_record("https://news.example/haiti", "request", http_headers=req))
        _response(w, "https://news.example/haiti", HAITI)
        _response(w, "https://news.example/site.css", b"body { color: red }", ctype="text/css")
        _response(w, "https://news.example/gone", b"<html><body><h1>Not found</h1></body></html>",
                  status="404 Not Found")  # fmt: skip
        page = ("<html><head><title>{}</title><meta charset='iso-8859-1'></head>"
                "<body><article><h1>{}</h1>{}</article></body></html>")
        rec = WIKI[5]  # Spanish place names: the page is sent as Latin-1
        paras = "".join(f"<p>{escape(p)}</p>" for p in rec["text"].split("\n\n"))
        body = page.format(escape(rec["title"]), escape(rec["title"]), paras)
        _response(w, "https://news.example/leeds", body.encode("latin-1"), ctype="text/html; charset=ISO-8859-1")
    return path


def test_warc_reads_html_pages_only(tmp_path: Path) -> None:
    arts, skips = _read([_warc(tmp_path / "crawl.warc.gz")])
    # the page's own canonical URL wins over the crawl's; a page without one keeps the crawl's
    assert [a.url for a in arts] == [
        "https://news.example.org/2010/01/13/haiti-earthquake-details", "https://news.example/leeds"]
    assert all(a.fmt == "html" and a.input_hash for a in arts)
    haiti = arts[0]
    assert haiti.title and "Haiti" in haiti.title and "All rights reserved" not in haiti.text
    assert "crawl.warc.gz#" in haiti.origin and haiti.origin.endswith("https://news.example/haiti")
    assert WIKI[5]["text"].split("\n\n")[0][:60] in arts[1].text  # in the page's declared charset, not UTF-8
    assert len(skips) == 1 and "404" in skips[0].reason and "news.example/gone" in skips[0].origin


def test_warc_plain_and_stored_pages(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc", gz=False)
    first = [i for i in read_path(path, Settings()) if isinstance(i, Article)]
    hashes = {a.input_hash for a in first}
    again = list(read_path(path, Settings(), known=lambda h: h in hashes))
    assert sum(isinstance(i, AlreadyStored) for i in again) == 2
    assert not any(isinstance(i, Article) for i in again)


def test_truncated_warc_keeps_pages_before_the_break(tmp_path: Path) -> None:
    whole = _warc(tmp_path / "whole.warc", gz=False).read_bytes()
    for extra in (300, 2000):  # cut in the page's HTTP headers, then in its body
        cut = whole.index(b"https://news.example/leeds") + extra
        (tmp_path / "cut.warc").write_bytes(whole[:cut])
        arts, skips = _read([tmp_path / "cut.warc"])
        assert [a.origin.rsplit(" ", 1)[1] for a in arts] == ["https://news.example/haiti"]
        assert len(skips) == 2 and "404" in skips[0].reason
        assert skips[1].reason.startswith("page cut short") and skips[1].origin.endswith("news.example/leeds")
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"this is no web archive\n" * 20))
    (tmp_path / "notes.warc").write_text("Some notes, saved with the wrong name.\n", encoding="utf-8")
    arts, skips = _read([tmp_path / "junk.warc.gz", tmp_path / "notes.warc"])
    assert not arts and [s.reason for s in skips] == [
        "not a WARC file (it does not open with a 'WARC/1.x' record header)"] * 2
    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(whole)[:40])  # a gzip cut in its first block
    arts, skips = _read([tmp_path / "cut.warc.gz"])
    assert not arts and len(skips) == 1 and "WARC" in skips[0].reason


def _rss(items: list[dict[str, str]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wikinews</title>'
           "<link>https://en.wikinews.org</link><description>news</description>"]  # fmt: skip
    for it in items:
        out.append("<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in it.items()) + "</item>")
    return "\n".join(out + ["</channel></rss>"])


def _cdata(s: str) -> str:
    return "<![CDATA[" + s + "]]>"


def test_rss_items_become_articles(tmp_path: Path) -> None:
    rec, rec2 = WIKI[0], WIKI[5]
    html = "".join(f"<p>{escape(p)}</p>" for p in rec["text"].split("\n\n"))
    html += '<p>The post <a href="https://x.example/a">Leeds searches</a> appeared first on Wikinews.</p>'
    date = format_datetime(datetime(2005, 7, 12, 9, 30, tzinfo=UTC))
    items = [
        {"title": escape(rec["title"]), "link": "https://en.wikinews.org/wiki/a", "pubDate": date,
         "dc:creator": "Jane Reporter", "description": escape(rec["text"][:150]),
         "content:encoded": _cdata(html)},
        {"title": escape(rec2["title"]), "link": "https://en.wikinews.org/wiki/b",
         "description": escape(rec2["text"])},
        {"title": "Teaser only", "link": "https://en.wikinews.org/wiki/c", "description": "Short teaser text."},
    ]  # fmt: skip
    (tmp_path / "news.rss").write_text(_rss(items), encoding="utf-8")
    arts, skips = _read([tmp_path / "news.rss"])
    assert [a.title for a in arts] == [rec["title"], rec2["title"]]
    a = arts[0]
    assert a.fmt == "feed" and a.source == "Wikinews" and a.url == "https://en.wikinews.org/wiki/a"
    assert a.published == "2005-07-12T09:30:00Z" and a.authors == ("Jane Reporter",)
    assert a.text.split("\n\n") == rec["text"].split("\n\n")  # paragraphs kept, the footer line dropped
    assert " ".join(arts[1].text.split()) == " ".join(rec2["text"].split())  # no content: the description
    assert len(skips) == 1 and "a summary, not the article" in skips[0].reason and "wiki/c" in skips[0].origin


def test_atom_feed_and_not_a_feed(tmp_path: Path) -> None:
    rec = WIKI[7]
    html = "".join(f"<p>{escape(p)}</p>" for p in rec["text"].split("\n\n"))
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wiki news</title><id>urn:x</id><updated>2010-03-01T00:00:00Z</updated>
<entry><title>{escape(rec["title"])}</title><id>urn:x:1</id><link href="https://en.wikinews.org/wiki/d"/>
<updated>2010-03-01T12:00:00Z</updated><author><name>A. Writer</name></author>
<content type="html">{escape(html)}</content></entry></feed>"""
    (tmp_path / "news.atom.gz").write_bytes(gzip.compress(atom.encode()))
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x</loc></url></urlset>')
    arts, skips = _read([tmp_path])
    assert len(arts) == 1 and arts[0].source == "Wiki news" and arts[0].external_id == "urn:x:1"
    assert arts[0].published == "2010-03-01T12:00:00Z" and arts[0].authors == ("A. Writer",)
    assert arts[0].text.split("\n\n") == rec["text"].split("\n\n")
    assert len(skips) == 1 and skips[0].origin.endswith("sitemap.xml") and "not an RSS or Atom" in skips[0].reason


def test_fragment_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<div><h2>Head</h2><p>One <b>bold</b>\n word.</p><script>x=1</script><ul><li>a</li><li>b</li></ul>tail</div>"
    assert fragment_text(html).split("\n\n") == ["Head", "One bold word.", "a", "b", "tail"]
    assert fragment_text("plain\n\ntext") == "plain\n\ntext"


def test_the_library_reads_articles_of_every_format(tmp_path: Path) -> None:
    import newsweave

    items = list(newsweave.read_articles([SAMPLES, _warc(tmp_path / "c.warc.gz")]))
    fmts = {i.fmt for i in items if isinstance(i, Article)}
    assert fmts == {"txt", "html", "jsonl"} and sum(isinstance(i, Skip) for i in items) == 1
