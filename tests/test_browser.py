"""End-to-end tests in a real headless browser against `timtin serve` (issue #4).

They drive Debian's chromium through Playwright. Without chromium they skip,
unless TIMTIN_REQUIRE_BROWSER is set (CI sets it), where they fail instead.
Screenshots land in var/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "var" / "screenshots"

if not Path(CHROMIUM).exists():
    if os.environ.get("TIMTIN_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required for the browser tests: apt-get install chromium")
    pytest.skip("chromium not installed (apt-get install chromium)", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(index: Path, *options: str):
    """`timtin serve` (gunicorn) over *index* on a free loopback port; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "indexer", "serve", "--index", str(index), "--port", str(port), *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 20
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError("timtin serve did not start")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(sample_index):
    with serving(sample_index) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def query_of(url: str) -> dict:
    return parse_qs(urlparse(url).query)


def test_type_a_query_click_a_month_and_an_official_then_go_back(server, page):
    page.goto(server + "/")
    page.fill("#q", "dan van")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=dan+van**")
    assert page.locator(".hit mark", has_text="dân vận").count() > 0
    total = page.locator(".count strong").inner_text()

    # a year bar zooms into that year's months
    page.locator(".chart.year a.bar[data-key='2021']").click()
    page.wait_for_url("**year=2021**")
    assert query_of(page.url) == {"q": ["dan van"], "year": ["2021"]}
    assert page.locator(".chart.month").is_visible()

    # a month bar filters to that month
    page.locator(".chart.month a.bar[data-key='2021-03']").click()
    page.wait_for_url("**month=2021-03**")
    dates = page.locator(".hit time").all_inner_texts()
    assert dates and all(d.endswith("/03/2021") for d in dates)

    # an official in the facet filters by them
    page.locator(".facets .officials a", has_text="Linh Thị Ánh Nguyệt").first.click()
    page.wait_for_url("**official=**")
    assert query_of(page.url)["official"] == ["Linh Thị Ánh Nguyệt"]
    assert page.locator(".chips a", has_text="Linh Thị Ánh Nguyệt").is_visible()
    for hit in page.locator(".hit .meta").all_inner_texts():
        assert "Linh Thị Ánh Nguyệt" in hit

    # back, back, back: the states come again from the URL
    page.go_back()
    assert "official" not in query_of(page.url)
    page.go_back()
    assert query_of(page.url) == {"q": ["dan van"], "year": ["2021"]}
    page.go_back()
    assert query_of(page.url) == {"q": ["dan van"]}
    assert page.locator(".count strong").inner_text() == total


def test_removing_a_chip_and_opening_an_article(server, page):
    page.goto(server + "/?q=dan+van&year=2024")
    page.locator(".chips a", has_text="Năm 2024").click()
    page.wait_for_url(lambda url: "year" not in query_of(url))
    page.locator(".hit h2 a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("h1 mark").first.inner_text().lower() == "dân vận"
    assert page.locator(".people li").count() >= 1


def test_an_article_goes_back_to_the_very_page_of_results_it_was_opened_from(server, page):
    # "← Kết quả tìm kiếm" went back to the query alone: filters, sort and page lost
    page.goto(server + "/?q=dan+van&sort=newest&year=2021")
    page.locator(".hit h2 a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("#q").input_value() == "dan van"  # the search box keeps the query
    page.locator(".crumbs a").click()
    page.wait_for_url(lambda url: "year" in query_of(url))
    assert query_of(page.url) == {"q": ["dan van"], "sort": ["newest"], "year": ["2021"]}


def test_screenshots_desktop_and_phone(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(server + "/?q=dan+van&year=2021")
        # nothing wider than the screen on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(path=str(SHOTS / f"search-{name}.png"), full_page=True)
        page.goto(server + "/article/articles/2021/dan-van-khu-dan-cu?q=dan+van")
        page.screenshot(path=str(SHOTS / f"article-{name}.png"), full_page=True)
        context.close()
    assert (SHOTS / "search-phone.png").stat().st_size > 10_000


@pytest.fixture(scope="module")
def site_server(tmp_path_factory):
    """`timtin serve` over the fixture site's pages: a paper's article and an aggregator's copy (issue #15)."""
    from indexer import indexing
    from tests.conftest import TEST_DATA

    index = tmp_path_factory.mktemp("site") / "index"
    indexing.update(index, [TEST_DATA / "site"])
    with serving(index) as base:
        yield base


def test_a_story_shows_once_and_its_copies_open_from_n_ban_dang_lai(site_server, page):
    page.goto(site_server + "/?q=c%E1%BA%A7u+treo")
    assert page.locator(".hit").count() == 1
    assert page.locator(".count").inner_text().startswith("1 tin (2 bài viết")
    copy = page.locator(".copies a", has_text="tintonghop.example")
    assert not copy.is_visible()  # folded until asked for
    page.locator(".copies summary", has_text="1 bản đăng lại").click()
    assert copy.is_visible()
    assert page.locator(".copies time").inner_text() == "30/11/2026"
    copy.click()
    page.wait_for_url("**/article**")
    assert page.locator("h1").inner_text().startswith("Lạng Sơn: Cầu treo Bản Chắt chính thức đưa vào sử dụng")
    page.go_back()
    page.locator(".count a", has_text="xem riêng từng bài").click()
    page.wait_for_url("**group=0**")
    assert page.locator(".hit").count() == 2


def test_two_namesakes_of_one_city_are_two_officials_to_click(tmp_path, page):
    """Issue #11 item 4 (round 11): a ward's police chief and a city council's committee head
    of one name and one city are two entries of the facet; each filters their own articles."""
    from indexer import indexing
    from tests.conftest import write_jsonl
    from tests.test_namesakes import ARTICLES, COUNCIL, POLICE

    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "src" / "articles.jsonl", ARTICLES)])
    with serving(index) as base:
        page.goto(base + "/?official=dinh+quang+thang")  # the name: both of them
        metas = page.locator(".hit .meta").all_inner_texts()
        assert len(metas) == 3 and sum(COUNCIL in m for m in metas) == 2 and sum(POLICE in m for m in metas) == 1
        facet = page.locator(".facets .officials li")
        assert sorted(facet.locator("a:not(.profile)").all_inner_texts()) == sorted([COUNCIL, POLICE])
        facet.filter(has_text=POLICE).locator("a").first.click()
        page.wait_for_url("**official=**official=**")
        assert query_of(page.url)["official"] == ["dinh quang thang", POLICE]
        metas = page.locator(".hit .meta").all_inner_texts()
        assert len(metas) == 1 and POLICE in metas[0] and COUNCIL not in metas[0]
