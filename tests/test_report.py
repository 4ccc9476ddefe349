"""Report rendering: HTML page, Markdown report and the atomic writer."""

from __future__ import annotations

import json
import re
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
                        "direct": True,
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
                "cue": "warned",
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
    # citation marker linking to the cited article; its title and outlet on hover come from the row it points to
    # (the page's script copies the row's data-tip: one tooltip per marker made 1.8 MB of a 93-story report)
    assert '<a class="cite" href="#story-s-quake-a2">[2]</a>' in html
    assert ">[1]</a>" in html and ">[2]</a>" in html
    assert 'id="story-s-quake-a2" data-tip="Strong quake rattles coast — Coast Herald, 2024-05-01"' in html
    assert 'class="cite" href="#story-s-quake-a2" title=' not in html
    assert ">[?]</span>" in html  # cited id that is not in the story
    assert "We are searching every building tonight" in html
    assert "We are <del>searching</del> <ins>checking</ins> every building tonight" in html
    assert "City TV" in html and "Unattributed" in html
    assert 'title="Also written: Ruiz; Mayor Ruiz · 5 mentions in 2 articles"' in html
    assert "Port Alba" in html and "People" in html
    assert "copy of [1]" in html
    assert "No quotes found in this story." in html
    assert "2024-05-01 – 2024-05-02" in html


def test_html_shows_the_cue_of_reported_speech() -> None:
    assert '&#32;<em class="cue">warned</em>' in render_html(make_doc())  # apart from the speaker


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
    # a wording marked as reported speech ('that "we are ..."') is shown without quote marks
    doc = make_doc()
    story = next(st for st in doc["stories"] if st.get("quotes"))
    story["quotes"][0]["wordings"][0]["direct"] = False
    assert "  - We are searching every building tonight — Daily Post" in render_markdown(doc)
    # a speaker described as a body is no person left unnamed
    q0 = story["quotes"][0]
    q0.update(speaker=None, speaker_description="the Indian navy")
    md = render_markdown(doc)
    assert "**the Indian navy**" in md and "**the Indian navy** (not named)" not in md
    q0["speaker_description"] = "a senior US official"
    assert "**a senior US official** (not named)" in render_markdown(doc)
    # an article not in English is marked as such (kept, never dropped)
    story["articles"][0]["language"] = "fr"
    assert "*(language: fr)*" in render_markdown(doc) and "*(language: en)*" not in render_markdown(make_doc())
    # a name of no known kind is listed last, as an other name (entities.py: an ORG tag without evidence)
    story["entities"].append({"name": "Outlook", "label": "OTHER", "variants": [], "mentions": 2, "articles": ["a1"]})
    md = render_markdown(doc)
    assert "- **Other names:** Outlook (2)" in md and md.index("**Places:**") < md.index("**Other names:**")
    assert "We are ~~searching~~ **checking** every building tonight" in md
    assert "**People:** Maria Ruiz (5; also Ruiz, Mayor Ruiz)" in md
    assert "*No quotes found in this story.*" in md
    assert "**Unattributed** *warned* (reported; 1 article)" in md  # the cue verb of reported speech
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


# ---------------------------------------------------------------- citations that reveal, pictures


def with_facts(doc: dict[str, Any]) -> dict[str, Any]:
    """The quake story with a timeline and a cross-source comparison (as stages/facts and compare make them)."""
    quake = next(s for s in doc["stories"] if s["id"] == "s-quake")
    quake["timeline"] = [
        {"date": "2013-01-01", "granularity": "year", "text": "A smaller quake hit in 2013.", "article": "a1",
         "articles": ["a1"]},
        {"date": "2024-05-01", "granularity": "day", "text": "The quake struck on Wednesday.", "article": "a2",
         "articles": ["a2", "a1"]},
    ]  # fmt: skip
    quake["numbers"] = []
    quake["comparison"] = {
        "corroborated": [{"text": "Crews searched the rubble all night.", "outlets": ["Daily Post", "Coast Herald"],
                          "articles": ["a1", "a2"], "independent_outlets": 2}],
        "unique": [{"text": f"Only the Herald says {XSS} this.", "outlet": "Coast Herald", "article": "a2"}],
        "conflicting": [{"about": "people (dead)", "claims": [
            {"text": "Twelve people died.", "value": 12, "outlet": "Daily Post", "article": "a1"},
            {"text": "Fifteen people died.", "value": 15, "outlet": "Coast Herald", "article": "a2"}]}],
    }  # fmt: skip
    return doc


def test_summary_citation_marker_reveals_its_source_sentence() -> None:
    html = render_html(make_doc())
    # the marker points at a hidden box, shown by CSS :target (no script needed)
    assert '<a class="cite" href="#story-s-quake-s1-1"' in html
    assert '<div class="evidence" id="story-s-quake-s1-1" role="note">' in html
    assert "<mark>A 6.1 quake struck the city on Wednesday.</mark>" in html
    assert "taken from this article (characters 0–41)" in html
    assert ".evidence:target { display: block; }" in html
    # a supporting article's sentence needs its text, which the static report does not hold
    assert "does not hold this article" in html


def test_evidence_with_article_texts_shows_context_and_supporting_sentence() -> None:
    text1 = "Intro words here. A 6.1 quake struck the city on Wednesday. More text after it."
    text2 = "Unrelated opening line here. The city was struck by a 6.1 quake on Wednesday morning. End."
    doc = make_doc()
    quake = next(s for s in doc["stories"] if s["id"] == "s-quake")
    quake["summary"]["sentences"][0]["source"] = {"article": "a1", "start": 18, "end": 59}
    texts = {"a1": (text1, [(0, 17), (18, 59), (60, 80)]), "a2": (text2, [(0, 28), (29, 85), (86, 90)])}
    view = build_view(doc, texts, lambda aid, s, e: f"/articles/{aid}?hl={s}-{e}")
    first = view["stories"][0]["summary"][0]["evidence"]
    assert first[0]["is_source"] and first[0]["context"]["text"] == "A 6.1 quake struck the city on Wednesday."
    assert first[0]["context"]["before"] == "Intro words here. " and first[0]["open"] == "/articles/a1?hl=18-59"
    assert not first[1]["is_source"] and first[1]["span"] == (29, 85)  # the a2 sentence with the same words
    assert first[1]["context"]["text"].startswith("The city was struck by a 6.1 quake")


def test_quote_entries_open_to_their_wordings_and_diff() -> None:
    html = render_html(make_doc())
    entry = html[html.index('<li class="quote" id="story-s-quake-q1"') :]
    entry = entry[: entry.index("</details></li>")]
    assert entry.startswith('<li class="quote" id="story-s-quake-q1" data-speaker="Maria Ruiz"><details>')
    assert '<span class="tag changed">wording differs</span>' in entry
    assert entry.index("</summary>") < entry.index('<p class="diff">')  # the diff opens with the entry


def test_html_draws_timeline_and_coverage_pictures() -> None:
    html = render_html(with_facts(make_doc()))
    assert html.count('<svg class="timeline-pic"') == 1 and html.count('<svg class="coverage-pic"') == 1
    svg = html[html.index('<svg class="coverage-pic"') :]
    svg = svg[: svg.index("</svg>")]
    assert "Daily Post" in svg and "Coast Herald" in svg and "Conflict: people (dead)" in svg
    assert ">12</text>" in svg and ">15</text>" in svg
    assert XSS not in html and "Only the Herald says &lt;script&gt;" in svg
    assert 'href="#story-s-quake-a2"' in html[html.index('<svg class="timeline-pic"') :]  # marks link to articles


def test_timeline_picture_keeps_date_order_and_compresses_long_gaps() -> None:
    view = build_view(with_facts(make_doc()))["stories"][0]
    pic = view["timeline_picture"]
    assert [lane["name"] for lane in pic["lanes"]] == ["Published", "Events"]
    pubs = pic["lanes"][0]["marks"]
    assert [m["label"] for m in pubs] == ["1", "2", "3"]
    assert pubs[0]["x"] == pubs[1]["x"] < pubs[2]["x"]  # same day, then the next day
    events = pic["lanes"][1]["marks"]
    assert events[0]["x"] < events[1]["x"] == pubs[0]["x"]
    eleven_years = events[1]["x"] - events[0]["x"]
    assert eleven_years < 10 * (pubs[2]["x"] - pubs[0]["x"])  # linear: 4,000 times; log: a day stays visible
    assert pic["ticks"][0]["label"] == "2013"  # a year-precise event is labelled by its year
    assert pic["note"] == ""


def test_coverage_matrix_marks_which_outlet_makes_which_claim() -> None:
    view = build_view(with_facts(make_doc()))["stories"][0]
    pic = view["coverage_picture"]
    cols = [c["label"] for c in pic["columns"]]
    assert cols == ["AP", "Coast Herald", "Wire Mirror"]  # a1 is AP's text (original source) carried by Daily Post
    by_kind = {r["kind"]: r for r in pic["rows"]}
    x = {c["label"]: c["x"] for c in pic["columns"]}
    assert [c["x"] for c in by_kind["agree"]["cells"]] == [x["AP"], x["Coast Herald"]]
    assert [c["x"] for c in by_kind["unique"]["cells"]] == [x["Coast Herald"]]
    assert [c["value"] for c in by_kind["conflict"]["cells"]] == ["12", "15"]
    assert "1 corroborated, 1 from one outlet, 1 in conflict" in pic["desc"]
    assert build_view(make_doc())["stories"][0]["coverage_picture"] is None  # no comparison, no picture


def test_corroborated_claim_shows_every_other_outlets_wording() -> None:
    doc = with_facts(make_doc())
    quake = next(s for s in doc["stories"] if s["id"] == "s-quake")
    quake["comparison"]["corroborated"][0]["sentences"] = [
        {"article": "a1", "start": 0, "end": 36, "text": "Crews searched the rubble all night."},
        {"article": "a2", "start": 10, "end": 52, "text": f"Rescuers dug through {XSS} debris overnight."},
        {"article": "a2", "start": 60, "end": 80, "text": f"Rescuers dug through {XSS} debris overnight."},
        {"article": "a1", "start": 90, "end": 99},  # a span without text (older stories.json): left out
    ]
    group = build_view(doc)["stories"][0]["comparison"]["corroborated"][0]
    # the representative wording is not repeated, a repeated wording is shown once, with its outlet
    assert [(w["text"], w["outlet"], [r["marker"] for r in w["refs"]]) for w in group["wordings"]] == [
        (f"Rescuers dug through {XSS} debris overnight.", "Coast Herald", ["[2]"])]
    md = render_markdown(doc)
    assert "  - *also:* Rescuers dug through" in md and "— Coast Herald [2]" in md
    html = render_html(doc)
    assert '<span class="also">also:</span> Rescuers dug through &lt;script&gt;' in html
    # no sentences at all (a library caller's own comparison): no wordings, nothing breaks
    assert build_view(with_facts(make_doc()))["stories"][0]["comparison"]["corroborated"][0]["wordings"] == []


def test_an_entity_in_other_stories_says_so_and_links_to_its_page() -> None:
    lavrov = {"id": "E1", "name": "Sergei Lavrov", "label": "PERSON", "variants": ["Lavrov"], "mentions": 4,
              "articles": ["a1"]}  # fmt: skip
    doc = {"stories": [
        {"id": "s1", "headline": "Tillerson meets Lavrov", "size": 2, "articles": [], "entities": [lavrov]},
        {"id": "s2", "headline": "Lavrov visits Ankara", "size": 1, "articles": [], "entities": [dict(lavrov)]},
        {"id": "s3", "headline": "Storm hits coast", "size": 1, "articles": [],
         "entities": [{**lavrov, "id": "E2", "name": "Sergei Ivanov"}]},
    ]}  # fmt: skip
    views = {v["headline"]: v for v in build_view(doc)["stories"]}
    chip = views["Tillerson meets Lavrov"]["entity_groups"][0]["entities"][0]
    assert chip["others"] == 1 and "also in 1 other story: Lavrov visits Ankara" in chip["tip"]
    assert chip["href"] is None  # the static report has no entity pages
    assert views["Storm hits coast"]["entity_groups"][0]["entities"][0]["others"] == 0
    assert "↗1" in render_html(doc)
    linked = build_view(doc, entity_link=lambda i: f"/entities/{i}")["stories"][0]["entity_groups"][0]["entities"][0]
    assert linked["href"] == "/entities/E1"


def test_coverage_matrix_folds_rarely_seen_outlets_into_one_column() -> None:
    from newsweave.report.pictures import CM_MAX_COLS, MIN_SCALE, coverage_picture

    n = 15
    articles = [{"n": i} for i in range(1, n + 1)]
    outlet_of = {f"[{i}]": f"Outlet {i}" for i in range(1, n + 1)}

    def refs(*ns: int) -> list[dict[str, Any]]:
        return [{"marker": f"[{i}]", "n": i} for i in ns]

    comparison = {
        # outlets 1-11 carry two claims each; 12-15 one claim each, so they share the last column
        "corroborated": [{"text": "All of them say so.", "refs": refs(*range(1, 16)), "outlets": []}],
        "unique": [{"text": "Only the first eleven say this.", "refs": refs(*range(1, 12)), "outlet": None}],
        "conflicting": [{"about": "people (dead)", "claims": [
            {"refs": refs(12), "outlet": "Outlet 12", "value": "12", "text": "12 died."},
            {"refs": refs(13), "outlet": "Outlet 13", "value": "15", "text": "15 died."},
        ]}],
    }  # fmt: skip
    pic = coverage_picture(articles, comparison, outlet_of)
    assert pic is not None
    cols = [c["label"] for c in pic["columns"]]
    assert len(cols) == CM_MAX_COLS and cols[:11] == [f"Outlet {i}" for i in range(1, 12)]
    assert cols[-1] == "4 more outlets" and pic["columns"][-1]["tip"] == "Outlet 12, Outlet 13, Outlet 14, Outlet 15"
    conflict = next(r for r in pic["rows"] if r["kind"] == "conflict")
    assert [c["value"] for c in conflict["cells"]] == ["\u2260"]  # 12 and 15 share the column: they differ
    agree = next(r for r in pic["rows"] if r["kind"] == "agree")
    assert len(agree["cells"]) == CM_MAX_COLS
    assert pic["min_width"] == round(pic["width"] * MIN_SCALE) < pic["width"]



def test_unnamed_outlets_beside_citation_markers_read_without_their_file_name() -> None:
    from newsweave.report.render import _shown_outlets

    assert _shown_outlets(["NPR", "unnamed outlet (000_f2caec4f31b0e51f.txt)"]) == ["NPR", "unnamed outlet"]
    assert _shown_outlets(["unnamed outlet (ecbplus:24_2ecb)", "AP", "unnamed outlet (ecbplus:24_4ecb)"]) == [
        "AP", "2 unnamed outlets"]
    assert _shown_outlets(["Equipo Nizkor"]) == ["Equipo Nizkor"]


def test_a_story_that_may_mix_two_events_says_so_with_the_other_events_articles() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    doc = make_doc()
    quake = next(s for s in doc["stories"] if s["id"] == "s-quake")
    quake["sub_events"] = [{"headline": "Earlier quake hit the same coast", "articles": ["a3"]}]
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    md = render_markdown(doc)
    assert 'This story may mix two events: the summary follows the main one; another event: "Earlier quake hit the ' \
           'same coast" (articles [3]).' in md
    html = render_html(doc)
    assert "This story may mix two events" in html and "Earlier quake hit the same coast" in html
    assert 'href="#story-s-quake-a3"' in html.split("This story may mix two events", 1)[1].split("</p>", 1)[0]
    row = html.split('id="story-s-quake-a3"', 1)[1].split("</tr>", 1)[0]  # its article is tagged in the list
    other_row = html.split('id="story-s-quake-a2"', 1)[1].split("</tr>", 1)[0]
    assert ">other event</span>" in row and ">other event</span>" not in other_row
    assert "*(other event)*" in md
    bare = render_markdown(make_doc())
    assert "may mix two events" not in bare and "other event)" not in bare
    quake["sub_events"] = [{"headline": "Earlier quake hit the same coast", "articles": ["a2"]}]
    view = next(s for s in build_view(doc)["stories"] if s["id"] == "s-quake")
    # a quote carried only by the other event's article is tagged; one carried by both events' articles is not
    assert [(q["other_event"], [r["marker"] for r in q["refs"]]) for q in view["quotes"]] == [
        (False, ["[1]", "[2]", "[3]"]), (True, ["[2]"])]
    quake["quotes"].reverse()  # the other event's entry first in the ledger: the report lists it after
    view = next(s for s in build_view(doc)["stories"] if s["id"] == "s-quake")
    assert [(q["other_event"], len(q["refs"])) for q in view["quotes"]] == [(False, 3), (True, 1)]
    assert "; other event)" in render_markdown(doc)


def test_wire_quote_marks_typed_as_backticks_read_as_curly_quotes() -> None:
    from newsweave.report.render import _text

    # AP wire copy, DUC 2003 style
    want = "Cathay is \u201ctaking a very close look\u201d at PAL"
    assert _text("Cathay is ``taking a very close look'' at PAL") == want
    assert _text("because of ``certain issues which could not be resolved") == (
        "because of \u201ccertain issues which could not be resolved")
    assert _text("the 12'' gun and 'quoted'") == "the 12'' gun and 'quoted'"  # no backticks: left as written


def test_an_approximate_week_reads_as_english() -> None:
    doc = with_facts(make_doc())
    quake = next(s for s in doc["stories"] if s["id"] == "s-quake")
    quake["timeline"] = [
        {"date": "2017-04-03", "granularity": "week", "text": "Last week's attack infuriated Trump.", "article": "a1",
         "approximate": True},
        {"date": "2017-04-11", "granularity": "day", "text": "Turkey said Tuesday ...", "article": "a1",
         "approximate": True},
    ]  # fmt: skip
    view = next(s for s in build_view(doc)["stories"] if s["id"] == "s-quake")
    assert [t["label"] for t in view["timeline"]] == ["about the week of 2017-04-03", "about 2017-04-11"]


def test_markdown_list_items_keep_their_own_lines() -> None:
    # a block tag at the end of a template line eats its newline (trim_blocks): list items ran together
    doc = with_facts(make_doc())
    quake = next(s for s in doc["stories"] if s["id"] == "s-quake")
    quake["sub_events"] = [{"headline": "Earlier quake hit the same coast", "articles": ["a2"]}]
    for md in (render_markdown(doc), render_markdown(with_facts(make_doc()))):
        assert not re.search(r"\]\s?- (?:\*\*|\S)", md.replace("\n- ", "\n")), "two list items on one line"
        timeline = md[md.index("### Timeline") : md.index("### Numbers")]
        assert all(line.startswith("- **") for line in timeline.splitlines()[2:] if line.strip())


def test_works_get_their_own_heading_after_events() -> None:
    doc = make_doc()
    story = next(st for st in doc["stories"] if st["entities"])
    story["entities"] += [
        {"name": "Twilight", "label": "WORK_OF_ART", "variants": ["Twilight"], "mentions": 14, "articles": ["a1"]},
        {"name": "Oscars", "label": "EVENT", "variants": ["Oscars"], "mentions": 2, "articles": ["a1"]},
    ]
    md = render_markdown(doc)
    assert "**Works:** Twilight (14)" in md
    assert md.index("**Events:**") < md.index("**Works:**")
    html = render_html(doc)
    assert '<span class="elabel" title="WORK_OF_ART">Works</span>' in html
    assert html.index(">Events</span>") < html.index(">Works</span>")


def test_the_articles_table_names_a_host_outlet_as_the_header_does() -> None:
    doc = make_doc()
    story = next(s for s in doc["stories"] if s["id"] == "s-quake")
    story["articles"][1]["source"] = "www.coastherald.example"
    md, page = render_markdown(doc), render_html(doc)
    row = next(line for line in md.splitlines() if line.startswith("| 2 | "))  # the articles table's row
    assert "| coastherald.example |" in row and "www." not in row
    assert 'data-label="Outlet">coastherald.<wbr>example' in page or 'data-label="Outlet">coastherald.example' in page


def test_other_names_named_once_fold_under_those_named_twice() -> None:
    """Names of no known kind named once (171 of the 198 on the stream: 'Pattern', 'Nominee', 'Symbols') fold under
    'N more named once'; with none named twice, the group is one line that opens; the Markdown lists them all."""
    doc = make_doc()
    story = next(st for st in doc["stories"] if st["entities"])
    story["entities"] += [{"name": n, "label": "OTHER", "variants": [], "mentions": 1, "articles": ["a1"]}
                          for n in ("Pattern", "Nominee")]  # fmt: skip
    html = render_html(doc)
    group = html[html.index('title="OTHER"') :]
    group = group[: group.index("</details>")]
    assert '<details class="more chips solo"><summary><span class="elabel" title="OTHER">Other names</span>' in html
    assert '<span class="more-n">2 named once</span>' in group and ">Pattern<" in group and ">Nominee<" in group
    story["entities"].append({"name": "Outlook", "label": "OTHER", "variants": [], "mentions": 2, "articles": ["a1"]})
    html = render_html(doc)
    group = html[html.index('title="OTHER"') :]
    group = group[: group.index("</details>")]
    assert "solo" not in group and group.index(">Outlook<") < group.index("<summary>2 more named once</summary>")
    assert group.index("<summary>") < group.index(">Pattern<")
    assert "- **Other names:** Outlook (2), Nominee (1), Pattern (1)" in render_markdown(doc)
    # other kinds fold as before: after 12 chips, and only when 3 or more would fold
    assert "more people" not in html


def test_the_header_says_how_many_articles_name_no_outlet() -> None:
    """The seeds' header named 'Equipo Nizkor, NPR' while the ledger cited 'unnamed outlet [1]': the header now says
    that some articles name no outlet (neither their own nor an original source), or that none does."""
    doc = make_doc()
    story = next(s for s in doc["stories"] if s["id"] == "s-quake")
    assert " no outlet" not in render_markdown(doc) and " no outlet" not in render_html(doc)
    story["articles"][0]["source"] = story["articles"][0]["original_source"] = None
    md, page = render_markdown(doc), render_html(doc)
    assert "· 1 article names no outlet*" in md and "· 1 article names no outlet</p>" in page
    for a in story["articles"]:
        a["source"] = a["original_source"] = None
    story["outlets"] = []
    assert f"· {len(story['articles'])} articles · outlets not named*" in render_markdown(doc)


def test_not_named_marks_people_only() -> None:
    """'(not named)' follows a person left unnamed, not a body ('authorities' lost its plural 's' and its first 's'
    to a strip: 42 stream speakers were marked), a text ('the statement') or a site ('washingtonpost.com')."""
    from newsweave.report.render import _body, _unnamed_person

    for body in ("authorities", "the Greek authorities", "the Kremlin's press service", "the agencies", "the NYPD",
                 "washingtonpost.com", "the airline", "CNN management", "Greek unions"):  # fmt: skip
        assert _body(body) and not _unnamed_person(body), body
    for text in ("the statement", "court records", "a press release", "media reports", "an opinion poll"):
        assert not _body(text) and not _unnamed_person(text), text
    for person in ("a senior US official", "witnesses", "diplomats", "a lawyer of CIPFG", "officials of the Puerto "
                   "Rican government", "the Rev.", "U.S."):  # fmt: skip
        assert _unnamed_person(person) and not _body(person), person
    doc = make_doc()
    q0 = next(st for st in doc["stories"] if st["quotes"])["quotes"][0]
    q0.update(speaker=None, speaker_description="the statement")
    md = render_markdown(doc)
    assert "**the statement**" in md and "**the statement** (not named)" not in md


def test_the_story_list_names_three_outlets_and_counts_the_rest() -> None:
    """A story-list entry named every outlet (11 host names, 8 lines on a phone): now three and 'N more outlets'
    (all in its tooltip), as the web app's list; the story's header still lists them all."""
    doc = make_doc()
    story = next(s for s in doc["stories"] if s["id"] == "s-quake")
    story["outlets"] = [f"outlet{i}.example" for i in range(1, 7)]
    story["articles"][0]["original_source"] = None  # (else "AP (via Daily Post)" joins the list)
    page = render_html(doc)
    entry = page[page.index('<ol class="story-list">') : page.index("</ol>", page.index('<ol class="story-list">'))]
    assert "outlet1.example, outlet2.example, outlet3.example and 3 more outlets</span>" in entry
    assert 'title="outlet1.example, outlet2.example, outlet3.example, outlet4.example, outlet5.example, ' in entry
    assert "6 outlets: outlet1.example, outlet2.example, outlet3.example, outlet4.example, outlet5.example" in page
    story["outlets"] = story["outlets"][:4]  # one more than three is named, not counted
    assert "outlet3.example, outlet4.example</span></li>" in render_html(doc)


def test_an_outlet_that_only_carried_another_is_named_after_it() -> None:
    """The seeds' header named 'Equipo Nizkor, NPR' (two outlets) for one NPR article that Equipo Nizkor carried, where
    the ledger says 'NPR [2]'; the stream's 'AP, Associated Press Worldstream' likewise. Now 'NPR (via Equipo
    Nizkor)', one outlet; an outlet that also published on its own keeps its own name too."""
    doc = make_doc()
    story = next(s for s in doc["stories"] if s["id"] == "s-quake")  # a1: Daily Post, original source AP
    view = next(v for v in build_view(doc)["stories"] if v["id"] == "s-quake")
    assert view["outlets"] == ["AP (via Daily Post)", "Coast Herald", "Wire Mirror"]
    assert "· 3 outlets: AP (via Daily Post), Coast Herald, Wire Mirror" in render_html(doc)
    assert "· AP (via Daily Post), Coast Herald, Wire Mirror*" in render_markdown(doc)
    story["articles"][2]["source"] = "Daily Post"  # Daily Post also publishes an article of its own
    view = next(v for v in build_view(doc)["stories"] if v["id"] == "s-quake")
    assert view["outlets"] == ["Daily Post", "Coast Herald", "Wire Mirror", "AP (via Daily Post)"]
    story["articles"][0]["original_source"] = None  # no repost: the stage's list as it is
    view = next(v for v in build_view(doc)["stories"] if v["id"] == "s-quake")
    assert view["outlets"] == ["Daily Post", "Coast Herald", "Wire Mirror"]
