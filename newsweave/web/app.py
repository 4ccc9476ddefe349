"""newsweave's web app and REST API: a thin layer over the SQLite store and the report renderer.

Every request opens its own store (sqlite3 connections are not shared across threads; WAL lets
readers run beside a writer). Ingests go through the same :class:`~newsweave.pipeline.Pipeline`
as ``newsweave run``, one at a time behind a lock, with the models loaded once per app.
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.datastructures import UploadFile

from .. import __version__
from ..report.tables import render_csv
from ..stages.ingest import ALL_EXT, clean_json
from ..store import query
from ..store.query import story_summary
from ..store.sqlite import SQLiteStore, StoreError
from . import pages

UPLOAD_EXT = ALL_EXT  # every kind `newsweave run` reads (.jsonl.gz and .rss.gz too)
TOKEN_COOKIE = "newsweave_token"
_DATE = r"^\d{4}-\d{2}-\d{2}"
# the story filters of /api/stories, also taken by /api/export.csv
_StoryWords = Annotated[str | None, Query(max_length=200, description="words in headline, summary, texts, quotes")]
_Outlet = Annotated[str | None, Query(max_length=200)]
_Entity = Annotated[str | None, Query(max_length=200, description="entity name or variant")]
_Day = Annotated[str | None, Query(pattern=_DATE, description="YYYY-MM-DD")]
SEARCH_SNIPPETS = 200  # the best full-text hits, with snippets, to show under the stories


# ---------------------------------------------------------------- API models


class ArticleIn(BaseModel):
    """One article to ingest: the fields of a .jsonl line; other fields are ignored."""

    model_config = ConfigDict(extra="ignore", strict=True)  # strict: 123 is not a title

    id: str | int | None = None
    title: str | None = None
    text: str
    source: str | None = None
    published: str | None = None
    url: str | None = None

    @field_validator("text")
    @classmethod
    def _text_not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is empty")
        return v


class StorySummary(BaseModel):
    id: str
    headline: str | None
    size: int
    first_published: str | None
    last_published: str | None
    outlets: list[str]


class StoryList(BaseModel):
    total: int
    limit: int
    offset: int
    stories: list[StorySummary]


class SearchHit(BaseModel):
    kind: str = Field(description="article | quote")
    story: str | None = Field(description="the story the article or quote belongs to (null: not yet clustered)")
    article: str | None
    title: str | None = Field(description="the article's title, or the quote's speaker")
    snippet: str = Field(description="plain text around the matched words")
    highlights: list[list[int]] = Field(description="[start, end] character offsets of matched words in snippet")


class SearchResult(BaseModel):
    query: str
    hits: list[SearchHit]


class SkipOut(BaseModel):
    origin: str
    reason: str


class IngestResult(BaseModel):
    read: int
    new: int
    already_stored: int
    repeated: int = 0
    skipped: list[SkipOut]
    stories: int
    stories_updated: int


class Error(BaseModel):
    detail: Any


def _error(status: int, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


# ---------------------------------------------------------------- uploads


def upload_ext(filename: str | None) -> str | None:
    """The allowed extension the name ends with, or None. The name itself is never used as a path."""
    name = (filename or "").lower()
    return next((ext for ext in UPLOAD_EXT if name.endswith(ext)), None)


def unsafe_name(filename: str | None) -> str | None:
    """Why an upload's file name is refused, or None. Browsers send a bare name; folders, ``..``, an
    absolute path or control characters mean a crafted request (the name is never used as a path anyway)."""
    name = filename or ""
    if not name.strip():
        return "the file has no name"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return "the file name holds control characters (such as NUL)"
    if "/" in name or "\\" in name or re.match(r"^[A-Za-z]:", name):
        return "the file name holds a folder or an absolute path"
    if name.strip(" .") == "":
        return "the file name is only dots"
    if len(name) > 255:
        return "the file name is longer than 255 characters"
    return None


def display_name(filename: str | None) -> str:
    """A harmless label for an uploaded file in messages: its last path part, plain characters only."""
    base = PurePosixPath((filename or "").replace("\\", "/")).name
    return re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")[:80] or "upload"


class _TooLarge(Exception):
    pass


async def _read_limited(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise _TooLarge
    buf = bytearray()
    async for chunk in request.stream():
        buf += chunk
        if len(buf) > limit:
            raise _TooLarge
    return bytes(buf)


def upload_origin(origin: str, labels: dict[str, str]) -> str:
    """What an ingested upload records as its origin: ``upload:`` and the client's label, never the temp path."""
    return "upload:" + _relabel(origin, labels)


READ_ONLY_MESSAGE = ("this server reads its store read-only (newsweave serve --read-only, or the store's folder is "
                     "not writable): adding articles is switched off")


class _Ingester:
    """Runs uploads through the Pipeline one at a time; spaCy and the embedder load once."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.lock = threading.Lock()
        self.models: tuple[Any, Any] | None = None

    def run(self, labels: dict[str, str]) -> Any:
        """Ingest the temp files (keys of ``labels``); stored articles take their label as origin."""
        from dataclasses import replace

        from ..pipeline import Pipeline
        from ..records import Analysis, Article
        from ..settings import Settings

        class UploadPipeline(Pipeline):
            def process_analysed(self, pairs: list[tuple[Article, Analysis]], vecs: Any = None) -> int:
                pairs = [(replace(a, origin=upload_origin(a.origin, labels)), an) for a, an in pairs]
                return super().process_analysed(pairs, vecs)

        with self.lock:
            store = SQLiteStore(self.db_path)
            try:
                # fresh clusterer (the store may have changed); no worker processes: forking a
                # threaded server is unsafe, and an upload is small
                pipe = UploadPipeline(store, Settings(nlp_processes=0, story_processes=0), progress=False)
                if self.models is None:
                    self.models = (pipe.nlp, pipe.embedder)
                pipe.nlp, pipe.embedder = self.models
                return pipe.run([Path(p) for p in labels])
            finally:
                store.close()


def _validate_articles(data: Any) -> list[ArticleIn] | JSONResponse:
    items = [data] if isinstance(data, dict) else data
    if not isinstance(items, list):
        return _error(422, "expected an article object or a list of article objects")
    if not items:
        return _error(422, "the list of articles is empty")
    out: list[ArticleIn] = []
    errors: list[dict[str, Any]] = []
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append({"loc": [n], "msg": f"expected an article object, got {type(item).__name__}"})
            continue
        try:
            out.append(ArticleIn.model_validate(item))
        except ValidationError as e:
            for err in e.errors(include_url=False, include_input=False):
                msg = str(err["msg"]).removeprefix("Value error, ")
                errors.append({"loc": [n, *err["loc"]], "msg": msg})
    if errors:
        first = errors[0]
        where = "article " + ".".join(str(p) for p in first["loc"])
        return JSONResponse({"detail": f"{where}: {first['msg']}", "errors": errors}, status_code=422)
    return out


# ---------------------------------------------------------------- the app


def create_app(db_path: str, token: str | None = None, max_upload_mb: float = 10,
               allowed_hosts: list[str] | None = None, read_only: bool = False) -> FastAPI:  # fmt: skip
    """The web app over the store at ``db_path``.

    ``read_only``: the store is opened read-only (it may sit in a folder newsweave cannot write) and every
    request that would change it is refused with 403.

    ``token``: when set, every request needs ``Authorization: Bearer <token>`` or ``?token=``
    (a page opened with ``?token=`` also sets a same-site cookie, accepted for GET only).
    ``allowed_hosts``: Host headers to accept (guards a loopback server against DNS rebinding).
    """
    limit = int(max_upload_mb * 1024 * 1024)
    ingester = _Ingester(db_path)
    app = FastAPI(
        docs_url=None,  # Swagger UI loads from a CDN: blank offline; /docs below is self-contained
        redoc_url=None,
        title="newsweave",
        version=__version__,
        description="Stories, articles and ingest over a newsweave store. "
        "Story records follow `schema/stories.schema.json`.",
    )
    @app.exception_handler(StoreError)
    async def store_unusable(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))  # not a bare 500: the store file is not a newsweave database

    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @contextmanager
    def opened() -> Iterator[SQLiteStore]:
        store = SQLiteStore(db_path, read_only=read_only)
        try:
            yield store
        finally:
            store.close()

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("origin")
            if origin and urlsplit(origin).netloc != request.headers.get("host"):
                return _error(403, "cross-site request refused: post from this server's own pages or a client")
            if read_only:
                return _error(403, READ_ONLY_MESSAGE)
        via_query = False
        if token is not None:
            auth = request.headers.get("authorization", "")
            supplied = auth[7:].strip() if auth[:7].lower() == "bearer " else None
            if supplied is None and "token" in request.query_params:
                supplied, via_query = request.query_params["token"], True
            if supplied is None and request.method in ("GET", "HEAD"):
                supplied = request.cookies.get(TOKEN_COOKIE)
            if supplied is None or not hmac.compare_digest(supplied.encode(), token.encode()):
                return _error(401, "missing or wrong token: send 'Authorization: Bearer <token>' or add "
                              "?token=<token> to the URL", headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
        response = await call_next(request)
        if via_query and request.method == "GET":
            response.set_cookie(TOKEN_COOKIE, token or "", httponly=True, samesite="strict", path="/")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    def find_story(store: SQLiteStore, story_id: str) -> dict[str, Any] | None:
        try:
            return query.find_story(store, story_id)
        except query.AmbiguousStoryId as e:
            raise HTTPException(409, str(e)) from None

    def list_stories(q: str | None, outlet: str | None, entity: str | None, since: str | None,
                     until: str | None) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:  # fmt: skip
        """Stories matching the filters, biggest then newest first, and the best full-text hit per story.

        ``q`` matches a story when all its words are in the headline or summary, or when an article
        or quote of the story matches (SQLite FTS5 over article titles and texts, quotes and speakers).
        """
        with opened() as store:
            found = query.find_stories(store, q, outlet, entity, since, until)
            hits: dict[str, dict[str, Any]] = {}
            for hit in store.search(q, SEARCH_SNIPPETS) if q else []:  # the best hit of a story, to show
                if hit["story"]:
                    hits.setdefault(hit["story"], hit)
        return found, hits

    # -- JSON API -----------------------------------------------------------------------------
    @app.get("/api/stories", response_model=StoryList, tags=["stories"])
    def api_stories(
        q: _StoryWords = None,
        outlet: _Outlet = None,
        entity: _Entity = None,
        since: _Day = None,
        until: _Day = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Story summaries, biggest first, then newest."""
        found, _ = list_stories(q, outlet, entity, since, until)
        page = found[offset : offset + limit]
        return {"total": len(found), "limit": limit, "offset": offset, "stories": [story_summary(s) for s in page]}

    @app.get("/api/export.csv", tags=["stories"], response_class=Response,
             responses={200: {"content": {"text/csv": {}}, "description": "one table as CSV, with a header row"},
                        404: {"model": Error}})  # fmt: skip
    def api_export_csv(
        table: Annotated[Literal["quotes", "articles", "entities", "numbers", "timeline", "claims"],
                         Query(description="one row per quote wording, article, entity, number, dated event or claim")]
        = "quotes",
        story: Annotated[str | None, Query(max_length=64, description="one story (id or id prefix)")] = None,
        q: _StoryWords = None,
        outlet: _Outlet = None,
        entity: _Entity = None,
        since: _Day = None,
        until: _Day = None,
    ) -> Any:
        """A table of the stories for spreadsheets (as `newsweave export --format csv`): every story, one story,
        or the stories the filters of /api/stories match; each row starts with its story's id and headline."""
        if story is not None:
            with opened() as store:
                found = find_story(store, story)
            if found is None:
                return _error(404, f"no story {story!r} (list them at /api/stories)")
            stories = [found]
        else:
            stories, _ = list_stories(q, outlet, entity, since, until)
        name = f"newsweave-{table}" + (f"-{stories[0]['id']}" if story is not None else "") + ".csv"
        return Response(render_csv({"stories": stories}, table), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip

    @app.get("/api/search", response_model=SearchResult, tags=["search"])
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=200, description="words; all must match; word* for a prefix")],
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, Any]:
        """Full-text search (SQLite FTS5) over article titles and texts and over quotes and their speakers,
        best match first. Query syntax characters are taken literally."""
        with opened() as store:
            return {"query": q, "hits": store.search(q, limit)}

    @app.get("/api/stories/{story_id}", tags=["stories"], responses={404: {"model": Error}, 409: {"model": Error}})
    def api_story(story_id: str) -> Any:
        """The full story record, as in stories.json; an id prefix is enough."""
        with opened() as store:
            story = find_story(store, story_id)
        if story is None:
            return _error(404, f"no story {story_id!r} (list them at /api/stories)")
        return story

    @app.get("/api/entities", tags=["entities"])
    def api_entities(
        q: Annotated[str | None, Query(max_length=200, description="part of a name or variant")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """People, organisations and places across all stories (one id per real entity, spelling
        variants merged), in most stories first."""
        with opened() as store:
            total, ents = store.entities(q, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "entities": ents}

    @app.get("/api/entities/{entity_id}", tags=["entities"], responses={404: {"model": Error}})
    def api_entity(entity_id: str) -> Any:
        """One entity: its names and the stories it is in."""
        with opened() as store:
            ent = store.entity(entity_id)
        if ent is None:
            return _error(404, f"no entity {entity_id!r} (list them at /api/entities)")
        return ent

    @app.get("/api/articles/{article_id}", tags=["articles"], responses={404: {"model": Error}})
    def api_article(article_id: str) -> Any:
        """The stored article, with the boilerplate lines removed from it (``removed``)."""
        with opened() as store:
            found = store.articles([article_id])
        if not found:
            return _error(404, f"no article {article_id!r}")
        return found[0].to_dict()

    schema = ArticleIn.model_json_schema()
    ingest_body = {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [schema, {"type": "array", "items": schema}]}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                    "required": ["file"],
                }
            },
        },
    }

    @app.post(
        "/api/articles",
        response_model=IngestResult,
        tags=["articles"],
        openapi_extra={"requestBody": ingest_body},
        responses={c: {"model": Error} for c in (400, 413, 415, 422)},
    )
    async def api_ingest(request: Request) -> Any:
        """Ingest articles: a JSON object or list, or uploaded .txt/.html/.htm/.jsonl files, web archives
        (.warc, .warc.gz) or RSS/Atom feeds (.rss, .atom, .xml) (field ``file``).

        Nothing is stored when the request is rejected; inputs the pipeline cannot read are listed in
        ``skipped`` with the reason.
        """
        return await ingest_request(request)

    async def ingest_request(request: Request) -> dict[str, Any] | JSONResponse:
        """The ingest behind both the API and the upload page: the outcome, or the error response."""
        try:
            body = await _read_limited(request, limit)
        except _TooLarge:
            return _error(413, f"request body too large: the limit is {max_upload_mb:g} MB (serve --max-upload-mb)")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        with tempfile.TemporaryDirectory(prefix="newsweave-upload-") as tmp:
            labels: dict[str, str] = {}
            if ctype == "application/json" or ctype.endswith("+json"):
                try:
                    data = clean_json(json.loads(body))
                except RecursionError:
                    return _error(400, "malformed JSON body: nested too deeply")
                except (json.JSONDecodeError, UnicodeDecodeError) as e:
                    where = f" at line {e.lineno} column {e.colno}" if isinstance(e, json.JSONDecodeError) else ""
                    msg = e.msg if isinstance(e, json.JSONDecodeError) else "not UTF-8"
                    return _error(400, f"malformed JSON body: {msg}{where}")
                items = _validate_articles(data)
                if isinstance(items, JSONResponse):
                    return items
                path = Path(tmp) / "body.jsonl"
                lines = (json.dumps(a.model_dump(exclude_none=True), ensure_ascii=False) for a in items)
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                labels[str(path)] = "article"
            elif ctype == "multipart/form-data":
                files = await _uploaded_files(request, body)
                if isinstance(files, JSONResponse):
                    return files
                for n, (name, ext, content) in enumerate(files):
                    path = Path(tmp) / f"upload-{n}{ext}"  # fixed name: the client's filename is never a path
                    path.write_bytes(content)
                    labels[str(path)] = name
            else:
                return _error(415, "send JSON (Content-Type: application/json) or a multipart/form-data "
                              "upload with the files in field 'file'")  # fmt: skip
            try:
                res = await run_in_threadpool(ingester.run, labels)
            except RuntimeError as e:  # a missing model or an unusable store: say which
                return _error(503, str(e))
        skipped = [{"origin": _relabel(s.origin, labels), "reason": s.reason} for s in res.skipped]
        return {
            "read": res.read, "new": res.new, "already_stored": res.already_stored, "repeated": res.repeated,
            "skipped": skipped,
            "stories": res.stories, "stories_updated": res.stories_updated,
        }  # fmt: skip

    async def _uploaded_files(request: Request, body: bytes) -> list[tuple[str, str, bytes]] | JSONResponse:
        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        form = await Request(request.scope, receive=replay).form(max_files=50, max_fields=50)
        try:
            uploads = [v for k, v in form.multi_items() if k in ("file", "files") and isinstance(v, UploadFile)]
            if not uploads:
                return _error(422, "no file in the upload: send it in a form field named 'file'")
            out = []
            for up in uploads:
                name, ext = display_name(up.filename), upload_ext(up.filename)
                if why := unsafe_name(up.filename):
                    return _error(422, f"unsafe file name {name!r}: {why}; send the file's own name only, "
                                  "like 'feed.jsonl'")  # fmt: skip
                if ext is None:
                    return _error(422, f"unsupported file type {name!r}: expected {', '.join(UPLOAD_EXT)}")
                content = await up.read()
                if not content.strip():
                    return _error(422, f"file {name!r} is empty")
                out.append((name, ext, content))
            return out
        finally:
            await form.close()

    # -- pages --------------------------------------------------------------------------------
    # the upload form posts with the token in its URL: the page's own cookie is accepted for GET only
    add_action = "/add" + (f"?{urlencode({'token': token})}" if token else "")
    accept = ",".join(UPLOAD_EXT)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def page_add() -> HTMLResponse:
        return pages.add_page(add_action, accept, max_upload_mb, error=READ_ONLY_MESSAGE if read_only else None,
                              closed=read_only)  # fmt: skip

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def page_add_post(request: Request) -> HTMLResponse:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "multipart/form-data":
            return pages.add_page(add_action, accept, max_upload_mb, error="send the files with the form",
                                  status=415)  # fmt: skip
        out = await ingest_request(request)
        if isinstance(out, JSONResponse):
            detail = json.loads(bytes(out.body)).get("detail")
            return pages.add_page(add_action, accept, max_upload_mb, error=str(detail), status=out.status_code)
        return pages.add_page(add_action, accept, max_upload_mb, result=out)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """The API's endpoints from its OpenAPI spec, as one offline page."""
        from html import escape

        rows = []
        for path, ops in app.openapi()["paths"].items():
            for method, op in ops.items():
                params = ", ".join(p["name"] for p in op.get("parameters", []))
                rows.append(
                    f"<tr><td><code>{escape(method.upper())}</code></td><td><code>{escape(path)}</code></td>"
                    f"<td>{escape(op.get('summary', ''))}</td><td>{escape(params)}</td></tr>"
                )
        body = (
            "<!doctype html><meta charset='utf-8'><title>newsweave API</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2rem}td{padding:.3rem .8rem;"
            "border-bottom:1px solid #ddd}</style><h1>newsweave API</h1>"
            "<p>Full spec: <a href='/openapi.json'>/openapi.json</a></p><table><tr><th>method</th>"
            "<th>path</th><th>what</th><th>parameters</th></tr>" + "".join(rows) + "</table>"
        )
        return HTMLResponse(body)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_index(request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
                   offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:  # fmt: skip
        found, hits = list_stories(q, None, None, None, None)
        per_page = 50
        shown = found[offset : offset + per_page]

        def href(at: int) -> str:
            return "/?" + urlencode({k: v for k, v in (("q", q), ("offset", at)) if v})

        prev_href = href(max(0, offset - per_page)) if offset > 0 else None
        next_href = href(offset + per_page) if offset + per_page < len(found) else None
        return pages.index_page(shown, q or "", len(found), offset, prev_href, next_href, hits)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_story(story_id: str) -> HTMLResponse:
        with opened() as store:
            story = find_story(store, story_id)
            if story is None:
                return pages.error_page(404, f"No story {story_id!r}.")
            ids = [str(a["id"]) for a in story.get("articles") or [] if isinstance(a, dict) and a.get("id")]
            analyses = store.analyses(ids)
            texts = {a.id: (a.text, list(analyses[a.id].sentences) if a.id in analyses else [])
                     for a in store.articles(ids)}  # fmt: skip
        return pages.story_page(story, texts)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_entity(entity_id: str) -> HTMLResponse:
        with opened() as store:
            ent = store.entity(entity_id)
            if ent is None:
                return pages.error_page(404, f"No entity {entity_id!r}.")
            reports = [r for r in (store.story_report(str(x["story"])) for x in ent["stories"]) if r]
        return pages.entity_page(ent, reports)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_article(article_id: str, hl: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
        """An article's text and metadata; ``?hl=START-END`` marks that span (a cited sentence)."""
        with opened() as store:
            found = store.articles([article_id])
            if not found:
                return pages.error_page(404, f"No article {article_id!r}.")
            sid = next((s for s, ids in store.story_members().items() if article_id in ids), None)
            story = store.story_report(sid) if sid else None
        m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", hl or "")
        mark = (int(m.group(1)), int(m.group(2))) if m and int(m.group(1)) < int(m.group(2)) else None
        return pages.article_page(found[0], story, mark)

    return app


def _relabel(origin: str, labels: dict[str, str]) -> str:
    """Temp paths in skip reasons become the upload's label: ``upload-0.jsonl:3`` -> ``feed.jsonl:3``,
    ``upload-1.warc#7 URL`` -> ``crawl.warc#7 URL``."""
    for path, label in labels.items():
        if origin == path:
            return label
        if origin.startswith(path + "#"):  # a record of a web archive or an item of a feed
            return label + origin[len(path) :]
        if origin.startswith(path + ":"):
            line = origin[len(path) + 1 :]
            return f"article[{int(line) - 1}]" if label == "article" and line.isdigit() else f"{label}:{line}"
    return origin
