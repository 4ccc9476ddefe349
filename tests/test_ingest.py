"""Reading inputs: every format, and every kind of bad input gets a reason while the rest goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsweave.records import Article, Skip
from newsweave.settings import Settings
from newsweave.stages.ingest import declared_charset, decode_bytes, normalise_published, read_inputs
from newsweave.stages.language import detect_language

from .conftest import SAMPLES


def _read(paths: list[Path | str], **kw: float) -> tuple[list[Article], list[Skip]]:
    items = list(read_inputs(paths, Settings().with_(**kw)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skip)]


def test_samples_folder_reads_every_format() -> None:
    arts, skips = _read([SAMPLES])
    assert not skips
    fmts = {a.fmt for a in arts}
    assert fmts == {"txt", "html", "jsonl"}
    html = next(a for a in arts if a.fmt == "html")
    assert html.title and "Haiti" in html.title
    assert "All rights reserved" not in html.text and "Most read" not in html.text
    assert html.published and html.published.startswith("2010-01-13")
    dump = next(a for a in arts if a.fmt == "txt")
    assert "Post a Comment" not in dump.text and "newsletter" not in dump.text
    assert any("Post a Comment" in r for r in dump.removed)
    assert dump.title == "New earthquake hits Chile"
    jl = [a for a in arts if a.fmt == "jsonl"]
    assert len(jl) == 10 and all(a.external_id and a.source == "Wikinews" for a in jl)


def test_ids_are_content_hashes() -> None:
    a1, _ = _read([SAMPLES / "wikinews.jsonl"])
    a2, _ = _read([SAMPLES / "wikinews.jsonl"])
    assert [a.id for a in a1] == [a.id for a in a2]
    assert len({a.id for a in a1}) == len(a1)
    assert Article.make_id("T", "some  text\n") == Article.make_id("T", "some text")


def test_bad_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin1.txt").write_bytes(
        (
            "Caf\u00e9 owners in S\u00e3o Paulo said on Monday that the new tax would close "
            "many small businesses before the end of the year, according to the union."
        ).encode("latin-1")
    )
    (tmp_path / "huge.txt").write_bytes(b"word " * 300_000)
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip at all")
    (tmp_path / "tags.html").write_text("<html><body><div></div></body></html>")
    pdf = tmp_path / "sub" / "x.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4")
    lines = [
        json.dumps({"id": "ok", "title": "Fine", "text": "A perfectly fine article text " * 5}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad", "text": 42}),
        "",
    ]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines))
    arts, skips = _read([tmp_path, tmp_path / "missing.txt", pdf], max_file_mb=1.0)
    reasons = {Path(s.origin.split(":")[0]).name: s.reason for s in skips}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "gzip" in reasons["broken.html.gz"]
    assert "HTML" in reasons["tags.html"] or "no article text" in reasons["tags.html"]
    assert reasons["missing.txt"] == "path not found"
    assert "unsupported" in reasons["x.pdf"]
    jl = [s.reason for s in skips if "mixed.jsonl" in s.origin]
    assert any("invalid JSON" in r for r in jl)
    assert any("not a JSON object" in r for r in jl)
    assert any("must be a string" in r for r in jl)
    names = {Path(a.origin.split(":")[0]).name for a in arts}
    assert names == {"latin1.txt", "mixed.jsonl"}
    latin = next(a for a in arts if a.origin.endswith("latin1.txt"))
    assert "São Paulo" in latin.text


def test_gzipped_html_is_read(tmp_path: Path) -> None:
    page = (SAMPLES / "haiti-earthquake.html").read_bytes()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page))
    arts, skips = _read([tmp_path])
    assert not skips and len(arts) == 1 and "Haiti" in (arts[0].title or "")


@pytest.mark.parametrize(
    ("text", "codepage"),
    [
        # English with typographic quotes and dashes: charset_normalizer read these as mac_latin2, cp852 or cp949
        ("It’s the country’s worst quake in decades — and doesn’t look like the last, the officials said on "
         "Tuesday. “We’re still counting,” a spokesman told reporters in the capital. " * 3, "cp1252"),
        ("Le café de Montréal a fermé ses portes mardi après trente ans. " * 8, "latin-1"),
        ("Rząd w środę przyjął projekt ustawy, który ma poprawić ochronę konsumentów. Minister powiedział, że "
         "zmiany nastąpią w przyszłym roku. " * 3, "cp1250"),
        ("Правительство в среду одобрило законопроект, который должен улучшить защиту потребителей. " * 3, "cp1251"),
        ("政府星期三批准了一项旨在改善消费者保护的法案。部长说，这些变化将于明年生效。" * 5, "gb18030"),
    ],
)
def test_legacy_code_pages_are_read_back_exactly(text: str, codepage: str) -> None:
    assert decode_bytes(text.encode(codepage)) == (text, "")


def test_an_html_page_is_read_in_the_charset_it_declares(tmp_path: Path) -> None:
    # Hungarian in cp1250 reads as cp1252 to a detector ("ő" -> "õ"); the page's own <meta> settles it
    body = "A kormány szerdán elfogadta a fogyasztóvédelem javítását célzó törvényjavaslatot. " * 8
    page = f'<html><head><meta charset="windows-1250"><title>Törvény</title></head><body><p>{body}</p></body></html>'
    (tmp_path / "hu.html").write_bytes(page.encode("cp1250"))
    arts, skips = _read([tmp_path])
    assert not skips and "fogyasztóvédelem" in arts[0].text and arts[0].title == "Törvény"
    # a page that says Latin-1 is read as Windows-1252, as browsers do: its curly quotes survive
    quoted = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head>"
    assert decode_bytes("“Quoted” – text".encode("cp1252"), "iso-8859-1")[0] == "“Quoted” – text"
    assert declared_charset(quoted.encode()) == "cp1252"


def test_decode_detects_utf16_and_cp1252() -> None:
    text = "“Quoted” words – and more text here for detection purposes, said the minister."
    assert decode_bytes(text.encode("utf-16"))[0] == text
    got, _ = decode_bytes(text.encode("cp1252"))
    assert got is not None and "minister" in got


def test_language_detection_marks_non_english() -> None:
    assert detect_language("The minister said on Monday that the talks would go on.") == "en"
    assert detect_language("Le ministre a déclaré lundi que les négociations vont continuer.") == "fr"
    assert detect_language("Der Minister sagte am Montag, dass die Gespräche weitergehen.") == "de"
    assert detect_language("ok") is None


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2017-04-12", "2017-04-12"),
        ("2017-04-12T10:00:00Z", "2017-04-12T10:00:00Z"),
        ("Wed, 12 Apr 2017 10:00:00 GMT", "2017-04-12T10:00:00+00:00"),  # RFC 2822, as feeds write it
        (1491991200, "2017-04-12T10:00:00+00:00"),  # Unix seconds
        ("1491991200000", "2017-04-12T10:00:00+00:00"),  # ... and milliseconds
        ("April 12, 2017", "2017-04-12"),
        ("12.04.2017", "2017-04-12"),  # day first after dots
        ("04/12/2017", "2017-04-12"),  # month first after slashes
        ("20170412", "2017-04-12"),
        ("yesterday", "yesterday"),  # relative: kept as given, the article counts as undated
        ("", None),
        (None, None),
    ],
)
def test_a_json_records_publication_date_becomes_iso(given: object, iso: str | None) -> None:
    assert normalise_published(given) == iso


def test_a_jsonl_article_dated_the_rfc_2822_way_gets_its_day(tmp_path: Path) -> None:
    rec = {"id": "x", "title": "Quake", "published": "Wed, 12 Apr 2017 10:00:00 GMT",
           "text": "A strong earthquake struck the city on Wednesday, officials said. " * 5}
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n")
    arts, skips = _read([tmp_path])
    assert not skips and arts[0].published == "2017-04-12T10:00:00+00:00"


def test_counts_read_as_a_reader_writes_them() -> None:
    from newsweave.stages.textutil import counted

    assert [counted(n, "story") for n in (0, 1, 2)] == ["0 stories", "1 story", "2 stories"]
    assert counted(1, "article") == "1 article" and counted(3, "day") == "3 days"
    assert counted(5, "mention", 4) == "   5 mentions"


def test_a_wire_credited_by_its_own_service_is_no_outlet_it_carries() -> None:
    from newsweave.stages.ingest import read_jsonl_record

    # DUC 2003 (the stream's TDT articles): an AP dateline in a story of the AP's own world service
    text = ("MANILA, Philippines (AP) _ Ailing Philippine Airlines and prospective investor Cathay Pacific Airways "
            "have clashed over the laying off of PAL workers, a PAL official said Saturday.")
    own = read_jsonl_record({"text": text, "source": "Associated Press Worldstream"}, "a:1", Settings())
    carried = read_jsonl_record({"text": text, "source": "Manila Standard"}, "a:2", Settings())
    assert isinstance(own, Article) and isinstance(carried, Article)
    assert (own.source, own.original_source) == ("Associated Press Worldstream", None)
    assert (carried.source, carried.original_source) == ("Manila Standard", "AP")
