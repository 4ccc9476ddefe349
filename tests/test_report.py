"""Report rendering: HTML page, Markdown report and the atomic writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.report import render_html, render_markdown, write_reports
from newsweave.report.render import build_view

SCHEMA = Path(__file__).resolve().parents[1] / "newsweave" / "schema" / "stories.schema.json"
XSS = "<script>alert(1)</script>"


def _article(aid: str, title: str | None, source: str | None, published: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "id": aid,
        "external_id": None,
        "title": title,
        "source": source,
        "original_source": extra.pop("original_source", None),
        "authors": extra.pop("authors", []),
        "published": published,
        "url": extra.pop("url", None),
        "language": "en",
        "origin": extra.pop("origin", f"input/{aid}.txt"),
        "words": 240,
        "copy_of": extra.pop("copy_of", None),
    }


def make_doc() -> dict[str, Any]:
    """Two stories: a full one (quotes, diff, entities, a syndicated copy) and a bare one."""
    quake = {
        "id": "s-quake",
        "headline": "Earthquake shakes coastal city",
        "first_published": "2024-05-01T08:00:00Z",
        "last_published": "2024-05-02",
        "size": 3,
        "outlets": ["Daily Post", "Coast Herald", "Wire Mirror"],
        "articles": [
            _article(
                "a1",
                "Quake hits city",
                "Daily Post",
                "2024-05-01T08:00:00Z",
                original_source="AP",
                authors=["Ann Lee"],
                url="https://post.example/q",
            ),
            _article(
                "a2",
                "Strong quake rattles coast",
                "Coast Herald",
                "2024-05-01",
                url="javascript:alert(2)",
                origin="feed.jsonl:7",
            ),
            _article("a3", "Quake hits city", "Wire Mirror", "2024-05-02", copy_of="a1"),
        ],
        "summary": {
            "text": "A 6.1 quake struck. Mayor Ruiz said crews were out.",
            "sentences": [
                {
                    "text": "A 6.1 quake struck the city on Wednesday.",
                    "source": {"article": "a1", "start": 0, "end": 41},
                    "citations": ["a1", "a2"],
                },
                {
                    "text": "Mayor Ruiz said crews were searching the rubble.",
                    "source": {"article": "a2", "start": 50, "end": 98},
                    "citations": ["a2", "zz-unknown"],
                },
            ],
        },
        "quotes": [
            {
                "speaker": "Maria Ruiz",
                "direct": True,
                "channel": "City TV",
                "articles": ["a1", "a2", "a3"],
                "wordings": [
                    {
                        "text": "We are searching every building tonight",
                        "articles": ["a1", "a3"],
                        "outlets": ["Daily Post", "Wire Mirror"],
                        "spans": [{"article": "a1", "start": 10, "end": 49}],
                    },
                    {
                        "text": "We are checking every building tonight",
                        "articles": ["a2"],
                        "spans": [{"article": "a2", "start": 5, "end": 43}],
                    },
                ],
                "diff": [
                    ["=", "We are"],
                    ["-", "searching"],
                    ["+", "checking"],
                    ["=", "every building tonight"],
                ],
                "fragments": [],
            },
            {
                "speaker": None,
                "direct": False,
                "channel": None,
                "articles": ["a2"],
                "wordings": [
                    {
                        "text": "residents should stay outside",
                        "articles": ["a2"],
                        "outlets": [None],
                        "spans": [],
                    }
                ],
            },
        ],
        "entities": [
            {
                "name": "Maria Ruiz",
                "label": "PERSON",
                "variants": ["Maria Ruiz", "Ruiz", "Mayor Ruiz"],
                "mentions": 5,
                "articles": ["a1", "a2"],
            },
            {
                "name": "Port Alba",
                "label": "GPE",
                "variants": [],
                "mentions": 3,
                "articles": ["a1", "a2", "a3"],
            },
            {
                "name": "Red Cross",
                "label": "ORG",
                "variants": ["Red Cross"],
                "mentions": 1,
                "articles": ["a2"],
            },
        ],
    }
    bare = {
        "id": "s-bare",
        "headline": f"Hostile {XSS} headline",
        "first_published": None,
        "last_published": None,
        "size": 1,
        "articles": [_article("b1", f"Title {XSS}", None, None, origin="dump/<b>x</b>.html")],
        "summary": {"text": "", "sentences": []},
        "quotes": [],
        "entities": [],
    }
    return {"schema_version": "1.0", "generated": "2024-05-03T12:00:00Z", "stories": [bare, quake]}


def test_document_matches_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(make_doc(), schema)


def test_view_sorts_biggest_story_first_and_counts_header() -> None:
    view = build_view(make_doc())
    assert [s["id"] for s in view["stories"]] == ["s-quake", "s-bare"]
    assert view["counts"] == {"stories": 2, "articles": 4, "outlets": 3}


def test_html_shows_headline_citations_quotes_diff_and_entities() -> None:
    html = render_html(make_doc())
    assert "Earthquake shakes coastal city" in html
    # citation marker linking to the cited article, with its title and outlet on hover
    assert 'href="#story-s-quake-a2" title="Strong quake rattles coast — Coast Herald, 2024-05-01"' in html
    assert ">[1]</a>" in html and ">[2]</a>" in html
    assert 'id="story-s-quake-a2"' in html
    assert ">[?]</span>" in html  # cited id that is not in the story
    assert "We are searching every building tonight" in html
    assert "We are <del>searching</del> <ins>checking</ins> every building tonight" in html
    assert "City TV" in html and "Unattributed" in html
    assert 'title="Also written: Ruiz; Mayor Ruiz · 5 mentions in 2 articles"' in html
    assert "Port Alba" in html and "People" in html
    assert "copy of [1]" in html
    assert "No quotes found in this story." in html
    assert "2024-05-01 – 2024-05-02" in html


def test_html_is_self_contained() -> None:
    html = render_html(make_doc())
    assert "<style>" in html and "<script>" in html
    assert "<link" not in html and "src=" not in html and "@import" not in html
    assert 'http-equiv="Content-Security-Policy"' in html


def test_html_escapes_untrusted_text() -> None:
    html = render_html(make_doc())
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>x</b>" not in html
    assert html.count("<script>") == 1  # only the page's own filter script
    assert "javascript:alert(2)" not in html  # non-http URLs are not linked
    assert 'href="https://post.example/q"' in html


def test_markdown_mirrors_the_page() -> None:
    md = render_markdown(make_doc())
    assert "## 1. Earthquake shakes coastal city" in md
    assert "A 6.1 quake struck the city on Wednesday.[1][2]" in md
    assert "“We are searching every building tonight” — Daily Post, Wire Mirror [1][3]" in md
    assert "We are ~~searching~~ **checking** every building tonight" in md
    assert "**People:** Maria Ruiz (5; also Ruiz, Mayor Ruiz)" in md
    assert "*No quotes found in this story.*" in md
    assert "| 3 | Quake hits city | Wire Mirror |" in md
    assert "copy of [1]" in md
    assert XSS not in md and "\\<script\\>" in md
    assert "javascript:" not in md


def test_empty_and_missing_fields_render() -> None:
    doc: dict[str, Any] = {
        "schema_version": "1.0",
        "generated": "2024-01-01T00:00:00Z",
        "stories": [],
    }
    assert "No stories." in render_html(doc)
    assert "No stories." in render_markdown(doc)
    sparse = {
        "id": "x",
        "headline": "",
        "size": 0,
        "articles": [{"id": "q", "title": None, "source": None, "published": None, "origin": "o"}],
        "summary": {"text": "Just text.", "sentences": []},
        "quotes": [],
        "entities": [],
    }
    doc["stories"] = [sparse]
    html = render_html(doc)
    assert "(untitled story)" in html and "Just text." in html and "date unknown" in html
    assert "No named entities." in render_markdown(doc)


def test_write_reports_writes_three_files_atomically(tmp_path: Path) -> None:
    doc = make_doc()
    out = tmp_path / "out"
    paths = write_reports(doc, out)
    assert set(paths) == {"html", "md", "json"}
    assert {p.name for p in paths.values()} == {"report.html", "report.md", "stories.json"}
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.md", "stories.json"]
    assert json.loads(paths["json"].read_text(encoding="utf-8")) == doc
    assert "<script>alert(1)</script>" in paths["json"].read_text(encoding="utf-8")  # raw data
    assert paths["html"].read_text(encoding="utf-8") == render_html(doc)
    # a second run replaces the files in place
    doc["stories"] = doc["stories"][1:]
    write_reports(doc, out)
    assert json.loads((out / "stories.json").read_text(encoding="utf-8")) == doc
    assert len(list(out.iterdir())) == 3
