"""The web app in a real headless browser: Debian's Chromium driven by Selenium, over the two seed articles.

Skips when ../shared/data/seeds, Chromium, chromedriver or Selenium is missing. The driver path is
given explicitly, so Selenium Manager never looks for a browser or driver on the network. Screenshots
go to a pytest temp dir and, when ``NEWSWEAVE_SCREENSHOTS=DIR`` is set, also to DIR.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import need_seeds

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
pytest.importorskip("selenium")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("NEWSWEAVE_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("NEWSWEAVE_CHROMEDRIVER", "/usr/bin/chromedriver"))
WAIT = 10  # seconds for any element to show up


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a store built from the two seed articles, served by uvicorn on a free loopback port."""
    seeds = sorted(need_seeds().glob("0*_*.txt"))
    if len(seeds) != 2:
        pytest.skip("expected the two seed articles 000_*.txt and 004_*.txt in ../shared/data/seeds")
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    from newsweave.pipeline import Pipeline
    from newsweave.store.sqlite import SQLiteStore
    from newsweave.web.app import create_app

    db = str(tmp_path_factory.mktemp("browser") / "newsweave.db")
    store = SQLiteStore(db)
    try:
        Pipeline(store, progress=False).run(list(seeds))
    finally:
        store.close()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # bound before the thread starts: no race for the port
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(WAIT)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.skip("needs Debian's chromium and chromium-driver")
    opts = Options()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1400", "--disable-extensions", "--no-first-run"):  # fmt: skip
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(WAIT * 3)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("screenshots")
    extra = os.environ.get("NEWSWEAVE_SCREENSHOTS")

    def save(driver: Any, name: str) -> Path:
        path = out / f"{name}.png"
        assert driver.save_screenshot(str(path)), name
        if extra:
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(extra) / path.name)
        return path

    return save


def wait_for(driver: Any, css: str, visible: bool = True) -> WebElement:
    cond = ec.visibility_of_element_located if visible else ec.presence_of_element_located
    el: WebElement = WebDriverWait(driver, WAIT).until(cond((By.CSS_SELECTOR, css)))
    return el


def click(driver: Any, el: WebElement) -> None:
    """Scroll the element to the middle of the window first, so no sticky or overlapping box takes the click."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", el)
    WebDriverWait(driver, WAIT).until(ec.element_to_be_clickable(el))
    el.click()


def open_seed_story(driver: Any, base_url: str) -> None:
    driver.get(base_url + "/")
    click(driver, wait_for(driver, ".story-list a"))
    wait_for(driver, "section.story h2")


def test_story_list_search_and_click_into_the_seed_story(browser: Any, base_url: str, shots: Any) -> None:
    browser.get(base_url + "/")
    link = wait_for(browser, ".story-list a")
    assert "Tillerson" in link.text
    shots(browser, "01-story-list")
    box = wait_for(browser, "input#q")
    box.send_keys("sarin")  # only in an article's text, not in the headline or summary
    box.submit()
    hit = wait_for(browser, ".story-list .hit mark")
    assert hit.text.lower() == "sarin"
    shots(browser, "02-search")
    click(browser, wait_for(browser, ".story-list li > a"))
    heading = wait_for(browser, "section.story h2")
    assert "/stories/s" in browser.current_url and "Tillerson" in heading.text
    assert wait_for(browser, "svg.timeline-pic").size["width"] > 200  # the pictures are drawn
    assert wait_for(browser, "svg.coverage-pic").size["height"] > 100
    assert browser.find_elements(By.CSS_SELECTOR, ".agreement .claims li")  # agreements / unique / conflicts
    shots(browser, "03-story")


def test_citation_marker_reveals_its_source_sentence(browser: Any, base_url: str, shots: Any) -> None:
    open_seed_story(browser, base_url)
    sentence = wait_for(browser, ".summary span.sent").text
    marker = wait_for(browser, ".summary span.sent + sup a.cite")
    box_id = marker.get_attribute("href").rsplit("#", 1)[1]
    box = browser.find_element(By.ID, box_id)
    assert not box.is_displayed()  # hidden until its marker is clicked
    click(browser, marker)
    WebDriverWait(browser, WAIT).until(lambda d: box.is_displayed())
    source = box.find_element(By.CSS_SELECTOR, "blockquote.source mark")
    assert source.text == sentence  # extractive: the cited source sentence is the summary sentence
    assert "taken from this article" in box.text
    shots(browser, "04-citation")
    click(browser, box.find_element(By.LINK_TEXT, "read it in the article"))
    marked = wait_for(browser, "mark#hl")
    assert marked.text == sentence  # the article page marks the same span of its text
    shots(browser, "05-article-at-citation")


def test_citation_markers_get_their_article_tooltip_on_hover(browser: Any, base_url: str) -> None:
    """Markers carry no title in the page (1.8 MB of the stream's report): the script copies the tip of the article
    row a marker points to (or, for a summary marker, the row of the article its evidence box is from) on hover."""
    open_seed_story(browser, base_url)
    marker = wait_for(browser, ".summary span.sent + sup a.cite")
    assert not browser.execute_script("return arguments[0].hasAttribute('title')", marker)
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", marker)
    n = marker.text.strip("[]")
    row = browser.find_element(By.CSS_SELECTOR, f"tr[id$='-a{n}']")
    assert marker.get_attribute("title") == row.get_attribute("data-tip") and row.get_attribute("data-tip")
    tips = browser.execute_script(
        "var all = document.querySelectorAll('a.cite'); all.forEach(function (a) {"
        " a.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); });"
        " return Array.prototype.filter.call(all, function (a) { return !a.title; }).length;")  # fmt: skip
    assert tips == 0  # every marker of the page found its row


def test_quote_ledger_entry_opens_to_its_word_diff(browser: Any, base_url: str, shots: Any) -> None:
    open_seed_story(browser, base_url)
    entries = browser.find_elements(By.CSS_SELECTOR, "li.quote")
    with_diff = [li for li in entries if li.find_elements(By.CSS_SELECTOR, ".diff")]
    assert with_diff, "the seed story has a quote worded differently by the two outlets"
    entry = with_diff[0]
    diff = entry.find_element(By.CSS_SELECTOR, ".diff")
    assert not diff.is_displayed()
    click(browser, entry.find_element(By.CSS_SELECTOR, "summary"))
    WebDriverWait(browser, WAIT).until(lambda d: diff.is_displayed())
    assert diff.find_element(By.TAG_NAME, "del").is_displayed()
    assert diff.find_element(By.TAG_NAME, "ins").is_displayed()
    assert len(entry.find_elements(By.CSS_SELECTOR, "ol.wordings > li")) >= 2
    shots(browser, "06-quote-diff")


def test_article_page_greys_removed_page_furniture(browser: Any, base_url: str, shots: Any) -> None:
    open_seed_story(browser, base_url)
    links = browser.find_elements(By.CSS_SELECTOR, "nav[aria-label='Article texts'] a")
    assert len(links) == 2
    nizkor = next(a for a in links if a.text.startswith("Putin, Tillerson"))
    click(browser, nizkor)  # the Equipo Nizkor page dump: its site menu lines were removed
    wait_for(browser, "div.text p")
    removed = browser.find_elements(By.CSS_SELECTOR, "ul.removed li")
    assert removed and "Nizkor" in " ".join(li.text for li in removed)
    assert float(removed[0].value_of_css_property("opacity")) < 1  # greyed out
    shots(browser, "07-article")


def test_story_page_fits_a_phone(browser: Any, base_url: str, shots: Any) -> None:
    """At 390 px the article table turns into cards that fit the screen; nothing makes the page scroll sideways."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})  # fmt: skip
    try:
        open_seed_story(browser, base_url)
        width = browser.execute_script("return document.documentElement.clientWidth")
        assert width == 390
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        rows = browser.find_elements(By.CSS_SELECTOR, "table.articles tbody tr")
        assert len(rows) == 2
        for row in rows:
            assert row.value_of_css_property("display") == "block"  # a card, not a squeezed table row
            box = browser.execute_script("return arguments[0].getBoundingClientRect().right", row)
            assert box <= width, "an article card runs off the screen"
        title = rows[0].find_element(By.CSS_SELECTOR, "td.title")
        assert title.size["width"] > 200  # the title gets the card's width, not a 90 px column
        browser.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", rows[0])
        shots(browser, "08-story-phone")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_tap_on_an_entity_chip_of_the_report_file_shows_its_tooltip(browser: Any, tmp_path: Path) -> None:
    """A phone cannot hover: in the report file (chips link nowhere) a tap writes the chip's tooltip under its
    group; a second tap on another chip replaces the line."""
    from newsweave.report import render_html

    from .test_report import make_doc

    page = tmp_path / "report.html"
    page.write_text(render_html(make_doc()), encoding="utf-8")
    browser.get(page.as_uri())
    chips = browser.find_elements(By.CSS_SELECTOR, "span.chip")
    click(browser, chips[0])
    line = wait_for(browser, "p.chiptip")
    tip = chips[0].get_attribute("title")
    assert tip and line.text == f"Maria Ruiz: {tip}" and "Also written: Ruiz; Mayor Ruiz" in tip
    click(browser, chips[1])  # another group's chip: a line under that group
    second = chips[1].get_attribute("title") or "?"
    WebDriverWait(browser, WAIT).until(
        lambda d: any(p.text.endswith(second) for p in d.find_elements(By.CSS_SELECTOR, "p.chiptip")))
    click(browser, chips[0])  # the same chip again: its group's line is written over, not doubled
    assert len(browser.find_elements(By.CSS_SELECTOR, "p.chiptip")) <= len(chips)
    assert [p.text for p in browser.find_elements(By.CSS_SELECTOR, "p.chiptip")].count(f"Maria Ruiz: {tip}") == 1
    assert "Hover or tap a name" in browser.page_source
