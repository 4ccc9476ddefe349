"""The web pages and the report as a reader sees them: long sections collapse, the article table
turns into cards on a phone, page titles say what the page is. Rendered straight from the page
functions over the report tests' document (no store, no models)."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

pytest.importorskip("fastapi")

from newsweave.records import Article  # noqa: E402
from newsweave.report import render_html, render_markdown  # noqa: E402
from newsweave.web.pages import article_page, index_page, story_page  # noqa: E402

from .test_report import make_doc  # noqa: E402


def quake(n_quotes: int = 2) -> dict[str, Any]:
    """The report tests' full story, with its quote ledger grown to ``n_quotes`` entries."""
    story = copy.deepcopy(next(s for s in make_doc()["stories"] if s["id"] == "s-quake"))
    base = story["quotes"][1]
    more = range(len(story["quotes"]), n_quotes)
    story["quotes"] += [{**copy.deepcopy(base), "speaker": f"Speaker {i}"} for i in more]
    return story


def body(response: Any) -> str:
    return bytes(response.body).decode("utf-8")


def test_a_long_quote_ledger_shows_eight_and_collapses_the_rest() -> None:
    page = body(story_page(quake(11)))
    assert page.count('<li class="quote"') == 11  # all there (find in page, links to a quote)
    head, _, rest = page.partition('<details class="more"><summary>3 more quotes</summary>')
    assert rest, "the quotes after the eighth go into a closed 'N more quotes'"
    assert head.count('<li class="quote"') == 8 and rest.count('<li class="quote"') == 3
    short = body(story_page(quake(8)))
    assert short.count('<li class="quote"') == 8 and "more quote" not in short  # nothing to collapse


def test_the_report_file_collapses_the_same_way() -> None:
    doc = make_doc()
    doc["stories"] = [quake(10)]
    page = render_html(doc)
    assert '<details class="more"><summary>2 more quotes</summary>' in page
    assert page.count("<details") == page.count("</details>")  # balanced: the ledger closes its list


def test_the_article_table_becomes_cards_on_a_phone() -> None:
    page = body(story_page(quake()))
    start = page.index('<table class="articles">')
    table = page[start : page.index("</table>", start)]
    assert table.count("<tr id=") == 3
    assert 'data-label="Outlet">Daily Post</td>' in table and 'data-label="Authors">Ann Lee</td>' in table
    # an empty cell is marked, so the card leaves it out rather than printing a bare dash
    assert 'data-label="Original source" class="none">—</td>' in table
    css = page[page.index("@media (max-width: 600px)") :]
    assert re.search(r"table\.articles td\.none \{ display: none; \}", css)
    assert "table.articles td[data-label]::before" in css


def test_story_page_has_the_site_navigation_and_no_list_number() -> None:
    page = body(story_page(quake()))
    nav = page[page.index('<nav class="site"') : page.index("</nav>", page.index('<nav class="site"'))]
    assert 'href="/"' in nav and 'href="/add"' in nav and 'href="/docs"' in nav
    assert "section.story h2 .num { display: none; }" in page  # a page of one story is not item 1 of a list


def test_page_titles_say_what_the_page_is() -> None:
    search = body(index_page([], "river flood", 0, 0, None, None))
    assert "<title>“river flood” · search · newsweave</title>" in search
    assert "<title>newsweave · stories</title>" in body(index_page([], "", 0, 0, None, None))
    long_title = ("A five-boat pirate attack on merchant vessels transiting the Gulf of Aden was foiled by an "
                  "Indian warship that was on escort duty, a naval officer said here Friday.")  # fmt: skip
    page = body(article_page(Article(id="a1", text="Text.", title=long_title), None))
    title = re.search(r"<title>(.*?)</title>", page)
    assert title and len(title.group(1)) < 100 and title.group(1).endswith("… · newsweave")
    assert '<h1 class="long">' in page  # a sentence-long headline is set smaller, not a wall of 2rem type
    assert "<h1>" in body(article_page(Article(id="a2", text="Text.", title="Short title"), None))


def test_long_numbers_and_claim_lists_fold_after_the_first_few() -> None:
    story = quake()
    story["timeline"] = []
    story["numbers"] = [{"value": 100 + i, "unit": None, "counts": "people", "qualifiers": [], "verbs": [],
                         "text": str(100 + i), "articles": ["a1"], "spans": []} for i in range(13)]  # fmt: skip
    story["comparison"] = {
        "corroborated": [{"text": f"Claim {i} is shared.", "outlets": ["Daily Post", "Coast Herald"],
                          "articles": ["a1", "a2"], "independent_outlets": 2} for i in range(10)],
        "unique": [{"text": f"Only the Herald says {i}.", "outlet": "Coast Herald", "article": "a2"} for i in range(9)],
        "conflicting": [],
    }  # fmt: skip
    page = body(story_page(story))
    numbers = page[page.index(">Numbers</h3>") : page.index(">Agreement across sources</h3>")]
    shown, _, folded = numbers.partition('<details class="more"><summary>3 more numbers</summary>')
    assert shown.count("<strong>1") == 10 and folded.count("<strong>1") == 3
    assert folded.count('<table class="numbers">') == 1 and folded.count("<col class=") == 6  # same columns
    assert '<details class="more"><summary>2 more corroborated claims</summary>' in page
    assert '<details class="more"><summary>1 more claim of one outlet</summary>' in page  # 9 of them, 8 shown
    assert page.count("<details") == page.count("</details>")


def test_the_origin_column_shows_the_file_name_and_keeps_the_path_in_its_tip() -> None:
    story = quake()
    story["articles"][0]["origin"] = "/work/shared/data/stream/articles.jsonl:28"
    story["articles"][1]["origin"] = "crawl.warc#7 https://example.org/a/b"  # a record of an archive: kept whole
    page = body(story_page(story))
    assert '<code title="/work/shared/data/stream/articles.jsonl:28">articles.jsonl:28</code>' in page
    assert "<code>crawl.warc#7 https://example.org/a/b</code>" in page


def test_the_story_list_names_three_outlets_and_counts_the_rest() -> None:
    def row(n: int) -> dict[str, Any]:
        outlets = [f"outlet{i}.example" for i in range(n)]
        return {"id": f"s{n}", "headline": f"Story {n}", "size": n, "first_published": "2024-05-01",
                "last_published": "2024-05-02", "outlets": outlets}  # fmt: skip

    page = body(index_page([row(11), row(4)], "", 2, 0, None, None))
    assert "outlet0.example, outlet1.example, outlet2.example and 8 more outlets" in page
    assert 'title="outlet0.example, outlet1.example, ' in page  # all of them on hover (and on the story page)
    assert "outlet0.example, outlet1.example, outlet2.example, outlet3.example</span>" in page  # 4: no "1 more"


def test_a_run_of_citation_markers_can_wrap_on_a_phone() -> None:
    """'[1][4][12][13]...' was one unbreakable box (white-space: nowrap) that pushed three dev story pages
    of the stream sideways at 390 px; now a line may break between two markers, never inside one."""
    page = body(story_page(quake()))
    first = page[page.index('<div class="summary">') :]
    sup = first[first.index('<sup class="cites">') : first.index("</sup>")]
    assert sup.count('<a class="cite"') == 2 and sup.count("<wbr>") == 1  # between the two markers only
    assert ".cites { font-size: .7em; line-height: 0; margin-left: .1em; }" in page
    assert "padding: 0 .05em; white-space: nowrap; }" in page  # a marker itself never breaks


def test_a_long_timeline_shows_its_first_and_latest_events_and_folds_the_middle() -> None:
    story = quake()
    story["timeline"] = [{"date": f"{2000 + i}-01-01", "granularity": "year", "text": f"Event {i}.", "article": "a1",
                          "articles": ["a1"]} for i in range(20)]  # fmt: skip
    page = body(story_page(story))
    part = page[page.index(">Timeline</h3>") : page.index(">Numbers</h3>")]
    head, _, rest = part.partition('<details class="more"><summary>8 more dated events, 2004 to 2011</summary>')
    folded, _, tail = rest.partition("</details>")
    assert [int(x) for x in re.findall(r"</time>Event (\d+)\.", head)] == [0, 1, 2, 3]
    assert [int(x) for x in re.findall(r"</time>Event (\d+)\.", folded)] == list(range(4, 12))
    assert [int(x) for x in re.findall(r"</time>Event (\d+)\.", tail)] == list(range(12, 20))  # the latest stay in view
    story["timeline"] = story["timeline"][:13]  # 4 + 8 + 1: folding one event saves nothing
    assert "more dated event" not in body(story_page(story))


def test_entities_of_a_kind_show_the_twelve_most_mentioned_and_fold_the_rest() -> None:
    story = quake()
    story["entities"] = [{"name": f"Person {i}", "label": "PERSON", "variants": [], "mentions": 40 - i,
                          "articles": ["a1"]} for i in range(20)]  # fmt: skip
    page = body(story_page(story))
    part = page[page.index(">Entities</h3>") :]
    shown, _, folded = part.partition('<details class="more chips"><summary>8 more people</summary>')
    assert shown.count('class="chip"') == 12 and "Person 0" in shown and "Person 11" in shown
    assert folded[: folded.index("</details>")].count('class="chip"') == 8 and "Person 19" in folded
    story["entities"] = story["entities"][:14]  # 12 + 2: nothing folds for two chips
    assert "more people</summary>" not in body(story_page(story))


def test_numbers_cells_are_labelled_for_phone_cards_and_folds_open_for_print() -> None:
    story = quake()
    story["numbers"] = [{"value": 87, "unit": None, "counts": "civilians", "qualifiers": [], "verbs": ["dead"],
                         "text": "87", "articles": ["a1"], "spans": []}]  # fmt: skip
    page = body(story_page(story))
    table = page[page.index('<table class="numbers">') :]
    table = table[: table.index("</table>")]
    assert '<td data-label="Counts">civilians' in table and '<td data-label="Articles">' in table
    assert '<td data-label="Unit" class="none">' in table  # no unit: the phone card leaves the line out
    assert "table.numbers td[data-label]::before" in page  # the cards' labels, under the phone query
    assert 'addEventListener("beforeprint"' in page and "afterprint" in page


def test_a_work_page_names_its_kind() -> None:
    from newsweave.web.pages import entity_page

    work = {"id": "E1", "name": "Twilight", "label": "WORK_OF_ART", "variants": ["Twilight"], "mentions": 14,
            "stories": []}  # fmt: skip
    page = body(entity_page(work, []))
    assert "Work" in page and "work_of_art" not in page.lower().replace("work_of_art\"", "")


def test_the_article_table_leaves_out_columns_no_article_fills() -> None:
    """A column of dashes only (no article has authors, say) is left out, in the page, the report file and the
    Markdown; a column one article fills stays, with a dash for the others."""
    story = quake()
    for a in story["articles"]:
        a["authors"] = []
    page = body(story_page(story))
    start = page.index('<table class="articles">')
    table = page[start : page.index("</table>", start)]
    assert "<th>Authors</th>" not in table and 'data-label="Authors"' not in table and "c-authors" not in table
    assert "<th>Outlet</th>" in table and "<th>Copy of</th>" in table  # a3 is a copy: the column stays
    assert table.count("<th>") == table.count("<col ")  # header and widths in step
    doc = make_doc()
    doc["stories"] = [story]
    assert "<th>Authors</th>" not in render_html(doc)
    md = render_markdown(doc)
    head = next(line for line in md.splitlines() if line.startswith("| # |"))
    assert head == "| # | Title | Outlet | Original source | Date | Copy of | Origin |"
    rows = [line for line in md.splitlines() if line.startswith("| ") and line.count("|") == head.count("|")]
    assert len(rows) == 1 + len(story["articles"])  # every row has as many cells as the head


def test_a_story_links_to_its_parts() -> None:
    """A story page runs to 10,000 px on a phone: under the headline, links to each part, with counts."""
    story = quake()
    page = body(story_page(story))
    nav = page[page.index('<nav class="parts"') : page.index("</nav>", page.index('<nav class="parts"'))]
    targets = re.findall(r'href="#([^"]+)"', nav)
    assert [t.rsplit("-", 1)[1] for t in targets][:3] == ["summary", "quotes", "entities"]
    assert targets[-1].endswith("-articles") and f"Articles ({len(story['articles'])})" in nav
    assert f"Quotes ({len(story['quotes'])})" in nav
    for t in targets:
        assert f'<h3 id="{t}">' in page  # every link lands on its heading
    printed = page[page.index("@media print") :]
    assert "nav.index .filter, nav.parts, p.speakers { display: none !important; }" in printed


def test_entity_chips_say_what_their_number_counts() -> None:
    """A chip showed 'Rex Tillerson US Secretary of State +1 23': two bare numbers side by side. The count of
    other spellings moved to the tooltip; a line under the heading says the number counts mentions."""
    page = body(story_page(quake()))
    start = page.index(">Entities</h3>")
    part = page[start : page.index("<h3", start)]
    assert 'class="v"' not in part and "Most mentioned first; the number after a name counts its mentions" in part
    assert re.search(r'<span class="n">\d+</span></span>', part)


def test_story_lists_say_articles_in_words() -> None:
    """The article count was a bare number in a pill ('30'), its meaning only in a tooltip a phone never shows."""
    row = {"id": "s1", "headline": "Story", "size": 30, "first_published": "2024-05-01",
           "last_published": "2024-05-02", "outlets": ["a.example"]}  # fmt: skip
    page = body(index_page([row], "", 1, 0, None, None))
    assert '<span class="size"' not in page and "30 articles · 2024-05-01 – 2024-05-02 · a.example" in page
    doc = make_doc()
    html = render_html(doc)
    index = html[html.index('<ol class="story-list">') : html.index("</ol>", html.index('<ol class="story-list">'))]
    assert '<span class="size"' not in index and re.search(r'<span class="sub">\d+ articles? · ', index)


def test_host_names_break_after_a_dot_and_tags_do_not_break() -> None:
    story = quake()
    story["articles"][0]["source"] = "articles.timesofindia.indiatimes.com"
    page = body(story_page(story))
    assert 'data-label="Outlet">articles.<wbr>timesofindia.<wbr>indiatimes.<wbr>com</td>' in page
    assert re.search(r"\.tag \{ white-space: nowrap;", page)  # 'OTHER EVENT' stays on one line


def test_the_article_page_leads_with_what_a_reader_needs() -> None:
    """Format, ids and the input path go into a folded 'where this text was read from'; the 'Removed as page
    furniture (0 lines)' part shows only for text dumps (the only inputs the line cleaner reads) or removed lines."""
    art = Article(id="a1", text="Text.", title="T", source="Daily Post", fmt="jsonl", origin="in/articles.jsonl:3",
                  external_id="x:1")  # fmt: skip
    page = body(article_page(art, None))
    head, _, folded = page.partition('<details class="more record"><summary>where this text was read from</summary>')
    assert "<dt>Outlet</dt><dd>Daily Post</dd>" in head and "<dt>Format</dt>" not in head
    folded = folded[: folded.index("</details>")]
    assert "<dt>Read from</dt><dd>in/articles.jsonl:3</dd>" in folded and "<dt>Id given in the input</dt>" in folded
    assert "page furniture" not in page
    dump = Article(id="a2", text="Text.", title="T", fmt="txt", origin="in/a.txt")
    assert "Removed as page furniture (0 lines)" in body(article_page(dump, None))


def test_a_long_ledger_can_show_one_speakers_quotes() -> None:
    """The ledger is ordered by articles, so one speaker's entries are spread over it (the seeds: Rex Tillerson in
    8 of 34). A bar of buttons, shown by the page's script, keeps one named speaker's entries (two or more)."""
    story = quake(12)
    for i, q in enumerate(story["quotes"]):
        q["speaker"] = ["Ann Lee", "Bo Chan", "Cy Dean"][i % 3] if i < 9 else f"Solo {i}"
    page = body(story_page(story))
    bar = re.search(r'<p class="speakers" hidden>(.*?)</p>', page)
    assert bar, "the bar is hidden until the script shows it: without JS every quote shows"
    buttons = re.findall(r'<button type="button" data-speaker="([^"]*)"', bar.group(1))
    assert buttons == ["", "Ann Lee", "Bo Chan", "Cy Dean"]  # everyone, then speakers of 2+ entries
    assert "Ann Lee (3)" in bar.group(1) and "Solo" not in bar.group(1)
    assert page.count('data-speaker="Ann Lee"><details>') == 3
    assert 'document.querySelectorAll("p.speakers")' in page
    assert '<p class="speakers"' not in body(story_page(quake(8)))  # all eight show: nothing to pick from


def test_a_timeline_shows_a_date_once_for_the_events_under_it() -> None:
    """Half the stream's timeline entries repeated the date just above them ('2017-04-12' seven times running):
    an event of the same date shows none of its own (the date stays for screen readers), except first after a fold's
    edge."""
    story = quake()
    dates = ["2001", "2001", "2001", "2002", "2003", "2003", "2003", "2003", "2003", "2003", "2003", "2003", "2003",
             "2003", "2004"]  # fmt: skip
    story["timeline"] = [{"date": f"{d}-01-01", "granularity": "year", "text": f"Event {i}.", "article": "a1",
                          "articles": ["a1"]} for i, d in enumerate(dates)]  # fmt: skip
    page = body(story_page(story))
    part = page[page.index(">Timeline</h3>") : page.index(">Numbers</h3>")]
    entries = re.findall(r'<li( class="again")?><time datetime="[^"]*">([^<]*)</time>Event (\d+)\.', part)
    shown = [(label, int(i)) for again, label, i in entries if not again]
    # 15 events: the first 4 and latest 8 in view, 3 folded; a fold's edge (events 4 and 7) shows its date again
    assert shown == [("2001", 0), ("2002", 3), ("2003", 4), ("2003", 7), ("2004", 14)]
    assert "ol.timeline li.again time { position: absolute; width: 1px; height: 1px;" in page


def test_a_report_of_many_stories_lays_out_a_story_when_it_is_scrolled_to() -> None:
    """The whole stream's report (93 stories) took 2.3 s to load in Chromium: with more than ten stories each one is
    laid out when scrolled to (content-visibility), jumps are instant (a smooth scroll aims at the size guesses and
    stops short) and print lays out everything. A page of one story is left as it was."""
    doc = make_doc()
    doc["stories"] = [{**copy.deepcopy(quake()), "id": f"s{i}", "headline": f"Story {i}"} for i in range(11)]
    many = render_html(doc)
    extra = many[many.index("<style>", many.index("</style>")) :]
    extra = extra[: extra.index("</style>")]
    assert "section.story { content-visibility: auto; contain-intrinsic-size: auto 5000px; }" in extra
    assert "html { scroll-behavior: auto; }" in extra
    assert "@media print { section.story { content-visibility: visible; } }" in extra
    doc["stories"] = doc["stories"][:10]
    assert "content-visibility: auto" not in render_html(doc)
    assert "content-visibility: auto" not in body(story_page(quake()))


def test_a_story_list_says_when_no_outlet_is_named() -> None:
    """A story whose articles name no outlet showed only 'date unknown' under its headline (19 of the stream's 93)."""
    row = {"id": "s1", "headline": "Story", "size": 18, "first_published": None, "last_published": None,
           "outlets": []}  # fmt: skip
    assert "18 articles · date unknown · outlets not named</span>" in body(index_page([row], "", 1, 0, None, None))
    doc = make_doc()
    doc["stories"][0]["outlets"] = []
    for a in doc["stories"][0]["articles"]:
        a["source"] = None
    html = render_html(doc)
    index = html[html.index('<ol class="story-list">') : html.index("</ol>", html.index('<ol class="story-list">'))]
    assert "outlets not named</span>" in index


def test_an_entity_of_no_known_kind_says_so_on_its_page() -> None:
    """OTHER was shown as a bare 'Name' under the heading; a story lists it under 'Other names'."""
    from newsweave.web.pages import entity_page

    entity = {"name": "Sirius Star", "label": "OTHER", "stories": [], "mentions": 2, "variants": []}
    page = bytes(entity_page(entity, []).body).decode()
    assert "Name of no known kind" in page


def test_the_story_list_names_a_carried_outlet_after_its_source() -> None:
    """The list named 'Equipo Nizkor, NPR' for one NPR article Equipo Nizkor carried; the story page says 'NPR (via
    Equipo Nizkor)', and so does the list now."""
    from newsweave.web.pages import index_page

    story = {"id": "s1", "headline": "Tillerson meets Lavrov", "size": 2, "outlets": ["Equipo Nizkor", "NPR"],
             "articles": [{"id": "a1", "source": None}, {"id": "a2", "source": "Equipo Nizkor",
                                                          "original_source": "NPR"}]}  # fmt: skip
    page = bytes(index_page([story], "", 1, 0, None, None).body).decode()
    assert "· NPR (via Equipo Nizkor)</span>" in page and "Equipo Nizkor, NPR" not in page
