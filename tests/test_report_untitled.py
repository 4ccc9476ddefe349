"""An article without a title is shown by its first words (marked as such), not as "(untitled)", when its text is at
hand (the web app) or the document carries its ``lead``; without either it stays "(untitled)"."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from newsweave.report import render_html, render_markdown
from newsweave.report.render import first_words

from .test_report import _article, make_doc

WIRE = ("MANILA, Philippines (AP) _ President Joseph Estrada on Saturday urged militant unionists at Philippine "
        "Airlines to end their strike, saying the country could not afford it. He spoke at a rally.")  # fmt: skip
SHORT = "The parliament election is over in Turkmenistan. Turnout was high."


def untitled_doc() -> dict[str, Any]:
    doc = make_doc()
    story = next(s for s in doc["stories"] if s["id"] == "s-quake")
    story["articles"] += [_article("u1", None, None, None), _article("u2", None, None, None, url="https://x.example/2")]
    story["size"] = len(story["articles"])
    return doc


def test_first_words_drop_the_dateline_and_cut_at_a_word() -> None:
    lead = first_words(WIRE)
    assert lead is not None and lead.startswith("President Joseph Estrada on Saturday")
    assert lead.endswith("\u2026") and len(lead) <= 91 and "strike" not in lead
    assert first_words(SHORT) == "The parliament election is over in Turkmenistan."
    # a tokenized source's spaced hyphens joined again, as in the story's headline
    assert first_words("A five - boat attack on a cargo vessel was foiled by a two - ship patrol.") == \
        "A five-boat attack on a cargo vessel was foiled by a two-ship patrol."  # fmt: skip
    assert first_words("   ") is None


def test_untitled_rows_show_their_first_words_given_the_texts() -> None:
    texts = {"u1": (WIRE, []), "u2": (SHORT, [])}
    md = render_markdown(untitled_doc(), texts)
    assert "(untitled)" not in md
    assert "| *First words:* President Joseph Estrada on Saturday" in md
    assert "[*First words:* The parliament election is over in Turkmenistan.](https://x.example/2)" in md
    html = render_html(untitled_doc(), texts)
    assert "(untitled)" not in html.split('<table class="articles">', 1)[1]
    assert '<span class="lead" title="the article has no title: these are its first words"><span class="sub">' \
           "First words:</span> The parliament election is over in Turkmenistan.</span></a>" in html  # fmt: skip
    # a citation marker's tooltip names them too
    assert "The parliament election is over in Turkmenistan. (first words; no title)" in html


def test_without_texts_or_lead_an_untitled_row_stays_untitled() -> None:
    assert render_markdown(untitled_doc()).count("(untitled)") == 2


def test_a_lead_the_document_carries_is_shown_and_cut() -> None:
    doc = untitled_doc()
    story = next(s for s in doc["stories"] if s["id"] == "s-quake")
    story["articles"][-2]["lead"] = "word " * 40
    md = render_markdown(doc)
    assert md.count("(untitled)") == 1 and "| *First words:* word word" in md and "word\u2026 |" in md


def test_titled_stories_render_as_before() -> None:
    doc = make_doc()
    texts = {a["id"]: (SHORT, []) for s in doc["stories"] for a in s["articles"]}
    assert render_markdown(copy.deepcopy(doc)) == render_markdown(doc, {k: v for k, v in texts.items() if k == "zz"})
    assert "First words" not in render_markdown(doc) + render_html(doc)


def test_web_pages_show_first_words() -> None:
    pytest.importorskip("fastapi")
    from newsweave.records import Article
    from newsweave.web.pages import article_page, story_page

    story = next(s for s in untitled_doc()["stories"] if s["id"] == "s-quake")
    page = bytes(story_page(story, {"u1": (WIRE, []), "u2": (SHORT, [])}).body).decode("utf-8")
    assert "(untitled)" not in page and page.count("First words:</span> The parliament election") == 2
    art = bytes(article_page(Article(id="u2", text=SHORT, title=None), None).body).decode("utf-8")
    assert "<title>The parliament election is over in Turkmenistan. · newsweave</title>" in art
    assert "First words:</span> The parliament election" in art and "(untitled)" not in art
