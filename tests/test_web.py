"""`newsweave serve`: the REST API and pages over a store built from samples/wikinews.jsonl."""

from __future__ import annotations

import argparse
import html
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from newsweave.records import Article  # noqa: E402
from newsweave.serve_cmd import cmd_serve, is_loopback  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.stages.cluster import story_id_for  # noqa: E402
from newsweave.stages.ingest import read_inputs  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402
from newsweave.web.app import create_app, display_name, unsafe_name, upload_ext  # noqa: E402
from newsweave.web.pages import highlighted, paragraphs  # noqa: E402

from .conftest import FIXTURES, SAMPLES  # noqa: E402

pytestmark = pytest.mark.slow


def _article_id(path: Path, external_id: str | None = None) -> str:
    """The content-hash id newsweave gives an input article (reading only, no models)."""
    for item in read_inputs([path], Settings()):
        if isinstance(item, Article) and external_id in (None, item.external_id):
            return item.id
    raise LookupError(path)


DUMP_ID = _article_id(FIXTURES / "dump_wikinews.txt")  # a text dump with page furniture removed
DUMP_STORY = story_id_for(DUMP_ID)
LONDON = story_id_for(_article_id(SAMPLES / "wikinews.jsonl", "wikinews-M0010"))  # the London bombings (4 articles)
TEXT = ("The river burst its banks overnight and flooded the old town, the mayor said on Tuesday. "
        "Hundreds of residents were moved to the school gym while pumps worked through the night.")  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from newsweave.pipeline import Pipeline

    path = str(tmp_path_factory.mktemp("web") / "newsweave.db")
    store = SQLiteStore(path)
    try:
        # the web layer's tests, not the clusterer's: the store is built with the embedding length
        # these tests were written against, where the four London articles are one story (in this
        # 11-article pile that story sits at the join threshold, and shorter inputs split it)
        settings = Settings(embed_max_tokens=256)
        Pipeline(store, settings, progress=False).run([SAMPLES / "wikinews.jsonl", FIXTURES / "dump_wikinews.txt"])
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def article_count(db: str) -> int:
    store = SQLiteStore(db)
    try:
        return store.article_count()
    finally:
        store.close()


def post_json(client: TestClient, body: Any) -> Any:
    return client.post("/api/articles", content=json.dumps(body), headers={"Content-Type": "application/json"})


def multipart(filename: bytes, content: bytes) -> tuple[bytes, dict[str, str]]:
    """A hand-made upload, so the file name reaches the server byte for byte (NUL, backslashes...)."""
    b = b"newsweave-test-boundary"
    body = (b"--" + b + b'\r\nContent-Disposition: form-data; name="file"; filename="' + filename
            + b'"\r\nContent-Type: text/plain\r\n\r\n' + content + b"\r\n--" + b + b"--\r\n")  # fmt: skip
    return body, {"Content-Type": "multipart/form-data; boundary=" + b.decode()}


# ---------------------------------------------------------------- reading


def test_list_is_biggest_first_with_summaries(client: TestClient) -> None:
    r = client.get("/api/stories")
    assert r.status_code == 200
    data = r.json()
    assert data["total"] == len(data["stories"]) >= 4
    sizes = [s["size"] for s in data["stories"]]
    assert sizes == sorted(sizes, reverse=True)
    assert set(data["stories"][0]) == {"id", "headline", "size", "first_published", "last_published", "outlets"}


def test_search_and_filters(client: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        return [s["id"] for s in client.get("/api/stories", params=params).json()["stories"]]

    assert ids(q="LONDON bomb") == [LONDON]  # every word, any case, in headline or summary
    assert ids(q="no such words here") == []
    assert LONDON in ids(entity="leeds") and LONDON not in ids(entity="haiti")
    assert ids(outlet="example news") == [DUMP_STORY]
    assert LONDON in ids(since="2005-07-01", until="2005-07-31")
    assert LONDON not in ids(since="2010-01-01")
    page = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert len(page["stories"]) == 1 and page["total"] > 1
    assert client.get("/api/stories", params={"since": "last week"}).status_code == 422


def test_one_story_by_id_and_by_prefix(client: TestClient) -> None:
    full = client.get(f"/api/stories/{LONDON}").json()
    assert full["id"] == LONDON and full["size"] == 4 and full["summary"]["sentences"]
    assert client.get(f"/api/stories/{LONDON[:6]}").json() == full
    assert client.get("/api/stories/s").status_code == 409  # ambiguous prefix


def test_csv_tables_for_all_stories_one_story_or_a_filter(client: TestClient) -> None:
    import csv
    import io

    r = client.get("/api/export.csv", params={"table": "articles"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="newsweave-articles.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert LONDON in {x["story"] for x in rows} and {"article", "title", "outlet", "url"} <= set(rows[0])
    one = client.get("/api/export.csv", params={"table": "quotes", "story": LONDON[:6]})
    assert one.status_code == 200 and f"newsweave-quotes-{LONDON}.csv" in one.headers["content-disposition"]
    assert {x["story"] for x in csv.DictReader(io.StringIO(one.text))} <= {LONDON}
    filtered = client.get("/api/export.csv", params={"table": "articles", "entity": "leeds"}).text
    assert LONDON in filtered and DUMP_STORY not in filtered
    assert client.get("/api/export.csv", params={"story": "snope"}).status_code == 404
    assert client.get("/api/export.csv", params={"table": "people"}).status_code == 422
    page = client.get(f"/stories/{LONDON}").text  # the story page links its tables
    assert f'href="/api/export.csv?table=quotes&amp;story={LONDON}" download>quotes</a>' in page


def test_unknown_story_is_a_clear_404(client: TestClient) -> None:
    for sid in ("snope", "s%25", "s_"):
        r = client.get(f"/api/stories/{sid}")
        assert r.status_code == 404
        assert "no story" in r.json()["detail"]
    assert client.get("/stories/snope").status_code == 404


def test_article_record_and_page_show_removed_lines(client: TestClient) -> None:
    art = client.get(f"/api/articles/{DUMP_ID}").json()
    assert art["id"] == DUMP_ID and art["removed"] and art["text"]
    assert client.get("/api/articles/anope").status_code == 404
    page = client.get(f"/articles/{DUMP_ID}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert f"Removed as page furniture ({len(art['removed'])} lines)" in page.text
    assert '<ul class="removed">' in page.text
    assert f"/stories/{DUMP_STORY}" in page.text  # links to its story


def test_pages(client: TestClient) -> None:
    index = client.get("/", params={"q": "london"})
    assert index.status_code == 200 and f'href="/stories/{LONDON}"' in index.text
    assert 'name="q" value="london"' in index.text
    story = client.get(f"/stories/{LONDON[:7]}")
    assert story.status_code == 200 and 'href="/"' in story.text and f"/articles/a{LONDON[1:]}" in story.text
    assert 'aria-label="Stories"' not in story.text and 'aria-label="Article texts"' in story.text  # blocks
    assert '<svg class="timeline-pic"' in story.text and "Agreement across sources" in story.text
    assert client.get("/openapi.json").json()["paths"].keys() >= {"/api/stories", "/api/articles", "/api/search"}
    assert client.get("/docs").status_code == 200


def test_story_page_citations_open_the_article_at_their_sentence(client: TestClient) -> None:
    story = client.get(f"/api/stories/{LONDON}").json()
    first = story["summary"]["sentences"][0]
    src = first["source"]
    page = client.get(f"/stories/{LONDON}").text
    href = f"/articles/{src['article']}?hl={src['start']}-{src['end']}#hl"
    assert f'href="{href}"' in page and "the summary sentence is taken from this article" in page
    article = client.get(href.split("#")[0]).text
    marked = article[article.index('<mark id="hl">') + len('<mark id="hl">') :]
    assert html.unescape(" ".join(marked[: marked.index("</mark>")].split())) == first["text"]
    assert client.get(f"/articles/{src['article']}?hl=junk").status_code == 200  # a bad span marks nothing
    assert "<mark" not in client.get(f"/articles/{src['article']}?hl=9-3").text


# ---------------------------------------------------------------- full-text search


def test_search_finds_words_in_article_texts_and_quotes(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "passport photo"})  # in an article's text, not in the summary
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert hits and hits[0]["kind"] == "article" and hits[0]["story"] == LONDON
    first = hits[0]
    marked = [first["snippet"][a:b].lower() for a, b in first["highlights"]]
    assert "passport" in marked and "photo" in marked
    quotes = client.get("/api/search", params={"q": "crowley dark"}).json()["hits"]  # speaker + wording
    assert any(h["kind"] == "quote" and h["title"] == "P. J. Crowley" and "dark" in h["snippet"] for h in quotes)
    assert client.get("/api/search", params={"q": "pass*", "limit": 3}).json()["hits"]  # prefix
    assert len(client.get("/api/search", params={"q": "the", "limit": 2}).json()["hits"]) == 2
    assert client.get("/api/search", params={"q": "zzzqqq"}).json()["hits"] == []
    assert client.get("/api/search").status_code == 422 and client.get("/api/search?q=").status_code == 422


@pytest.mark.parametrize("q", ['"', '"passport', "passport*photo", "AND(", "NEAR(a b)", "title:x", "-x", "^x", "*",
                               "a OR", "(", ")", "{x}", "'", "\\", "NOT", "x:y:z", "ä*", "\u2026"])  # fmt: skip
def test_search_syntax_in_a_query_never_raises(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text
    assert isinstance(r.json()["hits"], list)


def test_story_list_search_uses_article_texts(client: TestClient) -> None:
    assert [s["id"] for s in client.get("/api/stories", params={"q": "passport"}).json()["stories"]] == [LONDON]
    page = client.get("/", params={"q": "passport"})
    assert page.status_code == 200 and f'href="/stories/{LONDON}"' in page.text
    assert "<mark>passport</mark>" in page.text.lower()
    assert client.get("/", params={"q": 'AND( "'}).status_code == 200


def _copy_store(db: str, path: Path) -> None:
    """A copy of the module's store file (its WAL folded in first)."""
    src = SQLiteStore(db)
    src.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    shutil.copy(db, path)


def test_search_index_is_back_filled_for_an_older_store(db: str, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    _copy_store(db, old)
    raw = sqlite3.connect(old)  # what a store made before the search index looks like
    raw.execute("DROP TABLE search_fts")
    raw.execute("DELETE FROM meta WHERE key='search_index'")
    raw.commit()
    raw.close()
    store = SQLiteStore(str(old))
    try:
        hits = store.search("passport photo")
        assert hits and hits[0]["story"] == LONDON
        assert any(h["kind"] == "quote" for h in store.search("crowley"))
        rows = store.db.execute("SELECT count(*) FROM search_fts WHERE kind='article'").fetchone()[0]
        assert rows == store.article_count()
    finally:
        store.close()


def test_saving_a_story_report_again_replaces_its_quote_rows(db: str, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    _copy_store(db, path)
    store = SQLiteStore(str(path))
    try:
        report = store.story_report(LONDON)
        assert report is not None

        def quote_rows() -> int:
            q = "SELECT count(*) FROM search_fts WHERE kind='quote' AND story=?"
            return int(store.db.execute(q, (LONDON,)).fetchone()[0])

        n = quote_rows()
        assert n > 0
        store.save_story_reports({LONDON: report})
        assert quote_rows() == n  # replaced, not added twice
        store.save_story_reports({LONDON: {**report, "quotes": []}})
        assert quote_rows() == 0
    finally:
        store.close()


def test_snippet_highlights_and_paragraph_marks() -> None:
    assert highlighted("a bc d", [[2, 4]]) == [("a ", False), ("bc", True), (" d", False)]
    assert highlighted("abc", [[5, 2], [0, 1]]) == [("a", True), ("bc", False)]  # a bad range is ignored
    paras = paragraphs("First para.\n\nSecond  one here.\nstill second.", (13, 24))
    assert [[seg["text"] for seg in p] for p in paras] == [["First para."], ["Second one", " here. still second."]]
    assert paras[1][0]["mark"] and paras[1][0]["anchor"]


# ---------------------------------------------------------------- ingest


def test_post_json_ingests_once(client: TestClient, db: str) -> None:
    before = article_count(db)
    body = {"id": "flood-1", "title": "River floods the old town", "text": TEXT, "source": "Example Times",
            "published": "2024-03-05", "url": "https://example.org/flood"}  # fmt: skip
    r = post_json(client, body)
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1 and r.json()["skipped"] == []
    assert article_count(db) == before + 1
    again = post_json(client, [body])
    assert again.status_code == 200 and again.json()["new"] == 0 and again.json()["already_stored"] == 1
    assert article_count(db) == before + 1
    aid = Article.make_id(body["title"], TEXT, body["source"])
    assert client.get(f"/api/articles/{aid}").json()["external_id"] == "flood-1"


def test_too_short_article_is_reported_as_skipped(client: TestClient) -> None:
    r = post_json(client, {"title": "Short", "text": "Too short."})
    assert r.status_code == 200
    assert r.json()["new"] == 0 and [s["origin"] for s in r.json()["skipped"]] == ["article[0]"]
    assert r.json()["skipped"][0]["reason"].startswith("no article text found (only ")


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ('{"title": "x", "text": ', 400, "malformed JSON"),
        ("[1, 2", 400, "malformed JSON"),
        ('"just a string"', 422, "article object"),
        ("[]", 422, "empty"),
        ('{"title": 5, "text": 123}', 422, "string"),
        ('{"title": "No text"}', 422, "text"),
        ('{"title": "Blank", "text": "   "}', 422, "text is empty"),
        (json.dumps([{"title": "ok", "text": TEXT}, {"text": ["a"]}]), 422, "article 1.text"),
        (json.dumps({"text": TEXT, "published": 20240101}), 422, "article 0.published"),
        (json.dumps({"text": TEXT, "url": ["https://example.org"]}), 422, "article 0.url"),
        (json.dumps({"text": TEXT, "id": 1.5}), 422, "article 0.id"),
        (json.dumps({"text": TEXT, "source": {"name": "x"}}), 422, "article 0.source"),
        ('{"text": NaN}', 422, "string"),
        ("null", 422, "article object"),
        ("true", 422, "article object"),
        (json.dumps([[{"text": TEXT}]]), 422, "got list"),
        ("[" * 100_000, 400, "nested too deeply"),
        ("", 400, "malformed JSON"),
    ],
)
def test_rejected_bodies_store_nothing(client: TestClient, db: str, body: str, status: int, words: str) -> None:
    before = article_count(db)
    r = client.post("/api/articles", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert words in r.json()["detail"]
    assert article_count(db) == before


def test_invalid_utf8_and_broken_multipart_are_clear_400s(client: TestClient, db: str) -> None:
    before = article_count(db)
    r = client.post("/api/articles", content=b'{"text": "\xff\xfe"}', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "malformed JSON" in r.json()["detail"]
    r = client.post("/api/articles", content=b"garbage", headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert r.status_code == 400 and "multipart" in r.json()["detail"]
    assert article_count(db) == before


def test_wrong_content_type_is_415(client: TestClient) -> None:
    r = client.post("/api/articles", content=TEXT, headers={"Content-Type": "text/plain"})
    assert r.status_code == 415 and "application/json" in r.json()["detail"]


def test_oversized_body_is_413(db: str) -> None:
    small = TestClient(create_app(db, max_upload_mb=0.001))
    before = article_count(db)
    r = post_json(small, {"title": "Big", "text": TEXT * 20})
    assert r.status_code == 413 and "0.001 MB" in r.json()["detail"]
    files = {"file": ("big.txt", (TEXT * 20).encode(), "text/plain")}
    assert small.post("/api/articles", files=files).status_code == 413
    chunks = iter([TEXT.encode()] * 20)  # no Content-Length: counted while streaming
    r = small.post("/api/articles", content=chunks, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["detail"]
    assert article_count(db) == before


@pytest.mark.parametrize(
    "filename",
    [b"../../etc/passwd.txt", b"/etc/passwd.txt", b"..\\..\\win.txt",
     b"C:feed.txt", b"a\x00.txt", b"feed.txt\x00.html", b"tab\tname.txt", b"..", b"sub/feed.jsonl"],
)  # fmt: skip
def test_unsafe_upload_names_are_refused_and_nothing_stored(
    client: TestClient, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, filename: bytes
) -> None:
    """(A full Windows path such as C:\\Users\\x\\feed.jsonl reaches the app as its base name: the multipart
    parser cuts it, as browsers of old sent it.)"""
    base = tmp_path / "a" / "b"
    base.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(base))  # ../../etc would be tmp_path/a/etc
    before = article_count(db)
    body, headers = multipart(filename, (SAMPLES / "chile-aftershock-blog.txt").read_bytes())
    r = client.post("/api/articles", content=body, headers=headers)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/json"
    assert "unsafe file name" in r.json()["detail"] and "\x00" not in r.json()["detail"]
    assert article_count(db) == before
    assert [p for p in (tmp_path / "a").rglob("*") if p != base] == []  # nothing written anywhere
    assert not Path("/etc/passwd.txt").exists()


def test_upload_keeps_its_file_name_as_origin(client: TestClient, db: str) -> None:
    content = (SAMPLES / "chile-aftershock-blog.txt").read_bytes()
    before = article_count(db)
    r = client.post("/api/articles", files={"file": ("chile aftershock.txt", content, "text/plain")})
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1 and article_count(db) == before + 1
    aid = _article_id(SAMPLES / "chile-aftershock-blog.txt")
    assert client.get(f"/api/articles/{aid}").json()["origin"] == "upload:chile_aftershock.txt"
    body = {"title": "Storm closes the harbour", "text": TEXT.replace("river", "storm"), "source": "Example Post"}
    assert post_json(client, [body]).json()["new"] == 1
    posted = client.get(f"/api/articles/{Article.make_id(body['title'], body['text'], body['source'])}").json()
    assert posted["origin"] == "upload:article[0]"
    story = client.get("/api/stories", params={"q": "storm closes harbour"}).json()["stories"][0]
    entries = client.get(f"/api/stories/{story['id']}").json()["articles"]
    assert all("newsweave-upload-" not in (a["origin"] or "") for a in entries)


def test_upload_of_a_web_archive(client: TestClient, db: str, tmp_path: Path) -> None:
    from .test_containers import _warc

    content = _warc(tmp_path / "c.warc.gz").read_bytes()
    r = client.post("/api/articles", files={"file": ("crawl.warc.gz", content, "application/warc")})
    assert r.status_code == 200, r.text
    assert [s["origin"] for s in r.json()["skipped"]] == ["crawl.warc.gz#5 https://news.example/gone"]
    assert r.json()["read"] == 2
    with sqlite3.connect(db) as con:
        origins = {o for (o,) in con.execute("SELECT json_extract(data, '$.origin') FROM articles")}
    assert origins >= {"upload:crawl.warc.gz#3 https://news.example/haiti", "upload:crawl.warc.gz#6 https://news.example/leeds"}


def test_the_upload_page_adds_files_and_says_what_it_skipped(client: TestClient, db: str, tmp_path: Path) -> None:
    from .test_containers import _warc

    form = client.get("/add")
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text and ".warc.gz" in form.text
    content = _warc(tmp_path / "c.warc.gz").read_bytes()
    r = client.post("/add", files={"file": ("crawl.warc.gz", content, "application/warc")})
    assert r.status_code == 200, r.text
    page = html.unescape(r.text)
    assert "2 articles read" in page and "crawl.warc.gz#5 https://news.example/gone: HTTP status 404" in page
    bad = client.post("/add", files={"file": ("x.pdf", b"%PDF-1.4", "application/pdf")})
    assert bad.status_code == 422 and "unsupported file type" in html.unescape(bad.text)
    assert client.post("/add", data={"x": "1"}).status_code == 415


def test_the_upload_page_posts_with_the_token(db: str) -> None:
    locked = TestClient(create_app(db, token="s3cret"))
    assert locked.get("/add").status_code == 401
    form = locked.get("/add", params={"token": "s3cret"})
    assert 'action="/add?token=s3cret"' in form.text
    content = (SAMPLES / "chile-aftershock-blog.txt").read_bytes()
    # the cookie the page set is not accepted for POST
    assert locked.post("/add", files={"file": ("a.txt", content, "text/plain")}).status_code == 401
    r = locked.post("/add?token=s3cret", files={"file": ("a.txt", content, "text/plain")})
    assert r.status_code == 200 and "read" in r.text


def test_bad_upload_types_are_refused(client: TestClient, db: str) -> None:
    before = article_count(db)
    bad = client.post("/api/articles", files={"file": ("x.pdf", b"%PDF-1.4", "application/pdf")})
    assert bad.status_code == 422 and "'x.pdf'" in bad.json()["detail"]
    assert client.post("/api/articles", files={"other": ("a.txt", b"x", "text/plain")}).status_code == 422
    empty = client.post("/api/articles", files={"file": ("empty.txt", b"  \n", "text/plain")})
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]
    assert article_count(db) == before


def test_filenames_are_labels_never_paths() -> None:
    assert unsafe_name("feed.jsonl") is None and unsafe_name("Zeitung – 1. Mai.txt") is None
    assert unsafe_name("../x.txt") and unsafe_name("/x.txt") and unsafe_name("a\x00.txt") and unsafe_name("...")
    assert display_name("../../etc/passwd.txt") == "passwd.txt"
    assert display_name("..\\..\\win.ini") == "win.ini"
    assert display_name("") == "upload" and display_name("../..") == "upload"
    assert upload_ext("Feed.JSONL") == ".jsonl" and upload_ext("a.txt.exe") is None and upload_ext(None) is None


def test_script_in_a_posted_title_is_escaped_everywhere(client: TestClient) -> None:
    title = "<script>alert(1)</script> Volcano erupts near the coast"
    text = ("The volcano erupted at dawn and sent ash over the coast, officials said. "
            "Flights were cancelled and villages below the crater were evacuated by bus.")  # fmt: skip
    assert post_json(client, {"title": title, "text": text}).json()["new"] == 1
    aid = Article.make_id(title, text)
    sid = client.get("/api/stories", params={"q": "volcano erupts"}).json()["stories"][0]["id"]
    for url in ("/?q=volcano", f"/stories/{sid}", f"/articles/{aid}"):
        page = client.get(url).text
        assert "<script>alert(1)" not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url


# ---------------------------------------------------------------- security


def test_token_is_required_when_configured(db: str) -> None:
    locked = TestClient(create_app(db, token="s3cret"))
    for url in ("/api/stories", "/", "/openapi.json"):
        r = locked.get(url)
        assert r.status_code == 401 and "token" in r.json()["detail"]
    assert locked.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert locked.get("/api/stories", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert locked.post("/api/articles", json={"title": "x", "text": TEXT}).status_code == 401
    page = locked.get("/", params={"token": "s3cret"})
    assert page.status_code == 200
    assert locked.get(f"/stories/{LONDON}").status_code == 200  # the page set a same-site cookie
    assert locked.post("/api/articles", json={"title": "x", "text": TEXT}).status_code == 401  # not for POST


def test_cross_site_post_is_refused(client: TestClient, db: str) -> None:
    before = article_count(db)
    r = client.post("/api/articles", json={"title": "x", "text": TEXT}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert article_count(db) == before


def test_serve_refuses_public_host_without_token(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(db="x.db", host="0.0.0.0", port=8765, token=None, insecure=False,
                              max_upload_mb=10.0, verbose=False)  # fmt: skip
    assert cmd_serve(args) == 2
    err = capsys.readouterr().err
    assert "warning" in err and "--insecure" in err
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_entities_across_stories(client: TestClient) -> None:
    r = client.get("/api/entities", params={"limit": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] >= len(body["entities"]) > 0
    top = body["entities"][0]
    one = client.get(f"/api/entities/{top['id']}").json()
    assert one["name"] == top["name"] and one["stories"]
    story = client.get(f"/api/stories/{one['stories'][0]['story']}").json()
    assert top["id"] in {e.get("id") for e in story["entities"]}
    assert client.get("/api/entities", params={"q": top["name"]}).json()["total"] >= 1
    assert client.get("/api/entities/nope").status_code == 404


def test_entity_page_lists_its_stories_and_story_chips_link_to_it(client: TestClient) -> None:
    top = client.get("/api/entities", params={"limit": 1}).json()["entities"][0]
    page = client.get(f"/entities/{top['id']}")
    assert page.status_code == 200 and top["name"] in page.text and 'href="/stories/' in page.text
    kinds = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Location"}
    assert kinds.get(top["label"], "") + " · " in page.text  # the kind as a reader names it
    sid = client.get(f"/api/entities/{top['id']}").json()["stories"][0]["story"]
    assert f'href="/entities/{top["id"]}"' in client.get(f"/stories/{sid}").text
    assert client.get("/entities/nope").status_code == 404


def test_a_read_only_store_is_served_and_never_changed(db: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from newsweave import serve_cmd

    folder = tmp_path / "ro"
    folder.mkdir()
    store = folder / "nw.db"
    _copy_store(db, store)
    before = store.read_bytes()
    folder.chmod(0o555)
    # (root may write anywhere: the folder is taken as read-only by os.access, as for any other user)
    monkeypatch.setattr(serve_cmd.os, "access", lambda p, mode: not str(p).startswith(str(folder)))
    try:
        ro = TestClient(create_app(str(store), read_only=True))
        stories = ro.get("/api/stories").json()["stories"]
        assert stories and ro.get("/").status_code == 200
        assert ro.get(f"/stories/{stories[0]['id']}").status_code == 200
        r = ro.post("/api/articles", json={"title": "x", "text": TEXT})
        assert r.status_code == 403 and "read-only" in r.json()["detail"]
        page = ro.get("/add").text
        # said plainly, with no upload form that every post would be refused by
        assert "adding articles is switched off." in page and "<form" not in page and 'role="alert"' not in page
        assert "<form" in TestClient(create_app(db)).get("/add").text
        assert store.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["nw.db"]

        # `newsweave serve` on a store it cannot write serves it read-only instead of failing
        served: dict[str, Any] = {}
        monkeypatch.setattr("uvicorn.run", lambda app, **kw: served.update(app=app))
        args = argparse.Namespace(db=str(store), host="127.0.0.1", port=8765, token=None, insecure=False,
                                  max_upload_mb=10.0, verbose=False, read_only=False)  # fmt: skip
        assert cmd_serve(args) == 0
        assert TestClient(served["app"]).post("/api/articles", json={"title": "x", "text": TEXT}).status_code == 403
        args.db = str(folder / "missing.db")
        assert cmd_serve(args) == 1  # no store to serve, and none can be made there
    finally:
        folder.chmod(0o755)
