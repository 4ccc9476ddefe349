"""A fact-checker's pass over the story page (round 3): every quote wording, number, dated event and claim can be
checked against the words around it in its article, on the web app's story page; the report files (no texts) stay
as they were."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytest.importorskip("fastapi")

from newsweave.report import render_html, render_markdown  # noqa: E402
from newsweave.web.pages import story_page  # noqa: E402

from .test_report import make_doc  # noqa: E402
from .test_web_pages import body, quake  # noqa: E402

TEXT_A1 = "Officials: We are searching every building tonight, and 40 people died on Tuesday. " * 2
TEXT_A2 = "They say We are checking every building tonight; 45 people died, the Herald said. " * 2


def checked_story() -> dict[str, Any]:
    story = quake()
    story["numbers"] = [{"value": 40, "unit": None, "counts": "people", "qualifiers": [], "verbs": ["died"],
                         "text": "40 people", "articles": ["a1"], "spans": [{"article": "a1", "start": 56, "end": 65}]}]
    story["timeline"] = [{"date": "2024-04-30", "granularity": "day", "text": "40 people died on Tuesday.",
                          "article": "a1", "start": 56, "end": 82, "articles": ["a1"]}]  # fmt: skip
    story["comparison"] = {
        "corroborated": [{"text": "40 people died on Tuesday.", "outlets": ["Daily Post", "Coast Herald"],
                          "articles": ["a1", "a2"], "independent_outlets": 2,
                          "sentences": [{"article": "a1", "start": 56, "end": 82, "text": "40 people died on Tuesday.",
                                         "outlet": "Daily Post"},
                                        {"article": "a2", "start": 50, "end": 80,
                                         "text": "45 people died, the Herald said.", "outlet": "Coast Herald"}]}],
        "unique": [{"text": "They say We are checking.", "outlet": "Coast Herald", "article": "a2", "start": 0,
                    "end": 25}],
        "conflicting": [],
    }  # fmt: skip
    return story


def texts() -> dict[str, tuple[str, list[Any]]]:
    return {"a1": (TEXT_A1, []), "a2": (TEXT_A2, []), "a3": (TEXT_A1, [])}


def part(page: str, head: str, end: str) -> str:
    return page[page.index(f">{head}</h3>") : page.index(f">{end}</h3>")]


def test_quotes_numbers_dates_and_claims_link_to_their_words_in_the_article() -> None:
    page = body(story_page(checked_story(), texts()))
    quotes = part(page, "Quotes", "Entities")
    # the first wording is in a1 and a3 but has a span in a1 only; the second in a2
    assert '<a href="/articles/a1?hl=10-49#hl"' in quotes and '<a href="/articles/a2?hl=5-43#hl"' in quotes
    # one article cited: "read it in the article"; a wording of two articles names the one its link opens
    assert quotes.count("read it in the article</a>") == 1
    assert re.search(r'read it in <a href="/articles/a1\?hl=10-49#hl"[^>]*>\[1\]</a></span>', quotes)
    numbers = part(page, "Numbers", "Agreement across sources")
    assert re.search(r'data-label="As written"><a href="/articles/a1\?hl=56-65#hl"[^>]*>40 people</a>', numbers)
    timeline = part(page, "Timeline", "Numbers")
    assert '<a href="/articles/a1?hl=56-82#hl"' in timeline
    agreement = part(page, "Agreement across sources", "Articles")
    # the shown wording (a1's sentence), the other wording (a2's) and the one-outlet claim
    for href in ("/articles/a1?hl=56-82#hl", "/articles/a2?hl=50-80#hl", "/articles/a2?hl=0-25#hl"):
        assert f'<a href="{href}"' in agreement, href
    # the corroborated claim says what its number counts (it was a bare "2" in a pill, the meaning in a tooltip)
    assert '<span class="size" title="Daily Post, Coast Herald">2&nbsp;outlets</span>' in agreement


def test_a_span_beyond_its_text_or_of_another_story_gets_no_link() -> None:
    story = checked_story()
    story["numbers"][0]["spans"] = [{"article": "a1", "start": 56, "end": 10_000}]
    story["timeline"][0]["article"] = "a-elsewhere"
    page = body(story_page(story, texts()))
    assert "hl=56-10000" not in page and "a-elsewhere?hl" not in page


def test_a_wording_in_several_articles_links_each() -> None:
    story = checked_story()
    story["quotes"][0]["wordings"][0]["spans"].append({"article": "a3", "start": 10, "end": 49})
    quotes = part(body(story_page(story, texts())), "Quotes", "Entities")
    assert re.search(r'read it in <a href="/articles/a1\?hl=10-49#hl"[^>]*>\[1\]</a>, '
                     r'<a href="/articles/a3\?hl=10-49#hl"[^>]*>\[3\]</a>', quotes)


def test_the_report_file_has_no_such_links() -> None:
    doc = make_doc()
    doc["stories"] = [checked_story()]
    page = render_html(doc)
    assert "read it in" not in page and "?hl=" not in page


def test_a_dated_event_says_which_words_its_date_was_read_from() -> None:
    """One sentence can stand under two dates ("last week" and "15:30 today"), a year can be guessed ("July 7"):
    the entry names the words it was dated by, in the page and in the Markdown."""
    story = checked_story()
    story["timeline"][0]["expressions"] = ["on Tuesday"]
    page = body(story_page(story, texts()))
    assert "(date read from “on Tuesday”)" in part(page, "Timeline", "Numbers")
    doc = make_doc()
    doc["stories"] = [story]
    assert "*(date read from “on Tuesday”)*" in render_markdown(doc)
    story["timeline"][0]["expressions"] = []
    assert "date read from" not in render_html(doc)


def test_a_vague_amount_reads_as_its_word_not_as_a_figure() -> None:
    """'thousands of hours' is stored as 1,000 with the qualifier 'thousands of': it read "thousands of 1,000"."""
    story = checked_story()
    story["numbers"] = [{"value": 1000, "unit": "hours", "counts": "footage", "qualifiers": ["thousands of"],
                         "verbs": [], "text": "thousands of hours", "articles": ["a1"], "spans": []},
                        {"value": 1000, "unit": None, "counts": "people", "qualifiers": ["about"], "verbs": [],
                         "text": "about 1,000 people", "articles": ["a1"], "spans": []}]  # fmt: skip
    doc = make_doc()
    doc["stories"] = [story]
    html, md = render_html(doc), render_markdown(doc)
    assert '<td class="value"><strong>thousands</strong></td>' in html and "thousands of 1,000" not in html
    assert "| thousands | hours | footage | thousands of hours |" in md
    assert '<span class="sub">about</span> <strong>1,000</strong>' in html  # a plain qualifier stays


def test_the_agreement_part_names_the_numbers_the_articles_give_differently() -> None:
    """The coverage picture said "0 in conflict" above a numbers table flagging conflicts: the agreement part now
    names them, once per disagreement, and points at the table."""
    story = checked_story()
    story["numbers"] = [{"value": 40, "unit": None, "counts": "people", "qualifiers": [], "verbs": [], "text": "40",
                         "articles": ["a1"], "spans": [], "conflict": True, "conflicts_with": [45]},
                        {"value": 45, "unit": None, "counts": "people", "qualifiers": [], "verbs": [], "text": "45",
                         "articles": ["a2"], "spans": [], "conflict": True, "conflicts_with": [40]}]  # fmt: skip
    doc = make_doc()
    doc["stories"] = [story]
    html, md = render_html(doc), render_markdown(doc)
    agreement = html[html.index(">Agreement across sources</h3>") :]
    assert "not counted as claims here): 40 people (also 45).</p>" in agreement
    anchor = re.search(r'<section class="story" id="([^"]+)"', html)
    assert anchor and f'<a href="#{anchor.group(1)}-numbers">Numbers</a>' in agreement
    assert "not counted as claims here):* 40 people (also 45)." in md
    story["numbers"] = story["numbers"][:1]
    story["numbers"][0]["conflict"] = False
    assert "give differently" not in render_html(doc)


def test_an_article_row_links_to_its_stored_text_on_the_web_page_only() -> None:
    """A row's title links to the outlet's page (or nowhere when the input had no URL): the text the claims were
    read from was reachable only from a list at the page's foot."""
    page = body(story_page(checked_story(), texts()))
    rows = re.findall(r'<tr id="[^"]*-a\d+".*?</tr>', page, re.S)
    assert len(rows) == 3 and all('<a href="/articles/a' in r and ">stored text</a>" in r for r in rows)
    doc = make_doc()
    doc["stories"] = [checked_story()]
    assert "stored text" not in render_html(doc)


def test_a_negation_is_labelled_as_one_not_by_the_words_both_sentences_use() -> None:
    story = checked_story()
    story["comparison"]["conflicting"] = [{
        "about": "man arson fire", "kind": "negation", "tentative": True,
        "claims": [{"text": "A man was charged with arson after the fire.", "negated": False, "article": "a1",
                    "outlet": "Daily Post", "start": 0, "end": 10},
                   {"text": "A man denied arson after the fire.", "negated": True, "article": "a2",
                    "outlet": "Coast Herald", "start": 0, "end": 10}]}]  # fmt: skip
    doc = make_doc()
    doc["stories"] = [story]
    html, md = render_html(doc), render_markdown(doc)
    assert '<span class="conflict-tag">man arson fire</span>' not in html
    assert ('<span class="conflict-tag">one sentence negates the other</span> <span class="sub">(words both use: '
            'man, arson, fire)</span>') in html
    assert '<em class="sub">states:</em> A man was charged' in html
    assert '<em class="sub">negates:</em> A man denied' in html
    assert "- **one sentence negates the other** (words both use: man, arson, fire)\n  - *states:* A man was" in md
    assert "  - *negates:* A man denied arson" in md


def test_a_claim_of_several_folded_outlets_shows_how_many_not_one_dot() -> None:
    """The coverage picture folds rarely seen outlets into one "N more outlets" column: a corroborated claim made by
    two of them drew one dot, as if one outlet said it."""
    from newsweave.report.pictures import coverage_picture

    articles = [{"n": i} for i in range(1, 16)]
    outlet_of = {f"[{i}]": f"Outlet {i}" for i in range(1, 16)}

    def refs(*ns: int) -> list[dict[str, Any]]:
        return [{"marker": f"[{i}]", "n": i} for i in ns]

    comparison = {"conflicting": [], "unique": [{"text": "Only one says so.", "refs": refs(14), "outlet": None}],
                  "corroborated": [{"text": f"Claim {i}.", "refs": refs(*range(1, 12)), "outlets": []}
                                   for i in range(3)]
                  + [{"text": "Two rarely seen outlets say so.", "refs": refs(12, 13), "outlets": []}]}  # fmt: skip
    pic = coverage_picture(articles, comparison, outlet_of)
    assert pic is not None and pic["columns"][-1]["label"] == "4 more outlets"
    rows = {r["label"]: [c["value"] for c in r["cells"]] for r in pic["rows"]}
    assert rows["Two rarely seen outlets say so."] == ["\u00d72"]
    assert rows["Only one says so."] == [""]  # one of them: a dot
