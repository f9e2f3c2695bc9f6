"""The newsroom pages in headless Chromium against `timtin serve` (issue #16): time as people
think of it (gaps, presets, the chosen range), and the officials' pages.

Runs as tests/test_browser.py does (skipped without chromium unless TIMTIN_REQUIRE_BROWSER).
"""

from __future__ import annotations

import datetime as dt

import pytest

from indexer import indexing
from tests.conftest import ROOT, write_jsonl
from tests.test_browser import browser, query_of, serving  # noqa: F401 - the browser fixture

SHOTS = ROOT / "var" / "screenshots"


TODAY = dt.date.today()


def years_rows() -> list[dict]:
    """Articles in the years the real archive has (2012, 2013, 2017, 2025, 2026), and a
    few from the last days, so the presets find them (written for this test)."""
    rows = []
    for i, day in enumerate([dt.date(2012, 7, 17), dt.date(2013, 3, 2), dt.date(2013, 9, 9), dt.date(2017, 5, 5),
                             dt.date(2017, 11, 20), dt.date(2025, 4, 1), dt.date(2026, 2, 8)]):
        rows.append({"id": f"cu/{i}", "date": day.isoformat(), "title": f"Đường lên Mẫu Sơn, bài {i}",
                     "body": "Tuyến đường lên khu du lịch Mẫu Sơn được nâng cấp."})
    for i, back in enumerate((1, 3, 20)):
        day = TODAY - dt.timedelta(days=back)
        rows.append({"id": f"moi/{i}", "date": day.isoformat(), "title": f"Mẫu Sơn đón khách, {back} ngày trước",
                     "body": "Khu du lịch Mẫu Sơn đón nhiều khách dịp cuối tuần."})
    return rows


@pytest.fixture(scope="module")
def years_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("years")
    src = write_jsonl(root / "src" / "a.jsonl", years_rows())
    indexing.update(root / "index", [src], procs=1)
    with serving(root / "index", "--workers", "1") as base:
        yield base


@pytest.fixture
def page(browser):  # noqa: F811 - the fixture imported above
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_years_without_articles_are_gaps_on_the_year_chart(years_server, page):
    page.goto(years_server + "/?q=mau+son")
    keys = page.locator(".chart.year a.bar").evaluate_all("bars => bars.map(b => b.dataset.key)")
    last = max(2026, TODAY.year)
    assert keys == [str(y) for y in range(2012, last + 1)]
    gaps = page.locator(".chart.year a.bar.gap").evaluate_all("bars => bars.map(b => b.dataset.key)")
    assert "2014" in gaps and "2024" in gaps and "2013" not in gaps and "2017" not in gaps
    # a gap has no height; 2013's two articles stand taller than 2012's one
    heights = {k: page.locator(f".chart.year a.bar[data-key='{k}'] rect").bounding_box()["height"]
               for k in ("2012", "2013", "2014")}
    assert heights["2013"] > heights["2012"] > heights["2014"]


def test_a_date_preset_fills_the_fields_and_is_drawn_on_the_chart(years_server, page):
    page.goto(years_server + "/?q=mau+son&year=2013")
    page.locator(".presets a", has_text="30 ngày qua").click()
    page.wait_for_url("**from=**")
    start = (TODAY - dt.timedelta(days=29)).isoformat()
    assert query_of(page.url) == {"q": ["mau son"], "from": [start], "to": [TODAY.isoformat()]}  # year dropped
    assert page.locator(".dates input[name=from]").input_value() == start
    assert page.locator(".dates input[name=to]").input_value() == TODAY.isoformat()
    assert page.locator(".count strong").inner_text() == "3"
    assert page.locator(".presets a.on").inner_text() == "30 ngày qua"
    # the range is drawn over the whole archive's years, on the last year's bar
    band = page.locator(".chart.year rect.range")
    assert band.count() == 1
    box, last_bar = band.bounding_box(), page.locator(f".chart.year a.bar[data-key='{TODAY.year}'] rect").bounding_box()
    first_bar = page.locator(".chart.year a.bar[data-key='2012'] rect").bounding_box()
    assert box["x"] >= last_bar["x"] - 2 and box["x"] + box["width"] <= last_bar["x"] + last_bar["width"] + 2
    assert box["x"] > first_bar["x"] + first_bar["width"]
    assert page.locator(".chart.year a.bar").count() > 5  # other years still shown, for context

    # typing a range by hand draws it too
    page.fill(".dates input[name=from]", "2013-01-01")
    page.fill(".dates input[name=to]", "2017-12-31")
    page.locator(".dates button").click()
    page.wait_for_url("**from=2013-01-01**")
    assert page.locator(".count strong").inner_text() == "4"
    box = page.locator(".chart.year rect.range").bounding_box()
    b2013 = page.locator(".chart.year a.bar[data-key='2013'] rect").bounding_box()
    b2017 = page.locator(".chart.year a.bar[data-key='2017'] rect").bounding_box()
    assert box["x"] <= b2013["x"] + 1 and box["x"] + box["width"] >= b2017["x"] + b2017["width"] - 1


@pytest.fixture(scope="module")
def lang_son_server(tmp_path_factory):
    from tests.test_profiles import ROWS

    root = tmp_path_factory.mktemp("lang-son")
    src = write_jsonl(root / "src" / "a.jsonl", ROWS)
    indexing.update(root / "index", [src], procs=1)
    with serving(root / "index", "--workers", "1") as base:
        yield base


def test_click_from_a_hit_to_an_officials_page_and_read_the_timeline(lang_son_server, page):
    page.goto(lang_son_server + "/?q=mau+son")
    hit = page.locator(".hit", has_text="Kiểm tra tiến độ đường lên Mẫu Sơn")
    hit.locator("a.profile[title*='Hồ Tiến Thiệu']").click()
    page.wait_for_url("**/official/**")
    assert page.locator("h1").inner_text() == "Hồ Tiến Thiệu"
    rows = page.locator(".career .timeline .span")
    assert rows.count() == 2
    assert rows.nth(0).locator(".title").inner_text() == "Phó Chủ tịch UBND tỉnh Lạng Sơn"
    assert rows.nth(0).locator(".dates").inner_text() == "10/05/2016 – 20/11/2020 · 3 bài"
    assert rows.nth(1).locator(".title").inner_text() == "Chủ tịch UBND tỉnh Lạng Sơn"
    assert rows.nth(1).locator(".dates").inner_text() == "15/06/2021 – 01/12/2024 · 3 bài"
    # the bars follow each other in time: the chair's starts right of where the deputy's ends
    deputy = rows.nth(0).locator("rect.bar").bounding_box()
    chair = rows.nth(1).locator("rect.bar").bounding_box()
    assert deputy["x"] + deputy["width"] < chair["x"]
    assert page.locator(".hit h3 a").first.inner_text() == "Khánh thành cửa khẩu số hóa"  # newest first

    # from there to a colleague's page, then to the search filtered by both
    page.locator(".named-with a", has_text="Lương Văn Khải").first.click()
    page.wait_for_url("**/official/L**")
    assert page.locator(".career .span .title").first.inner_text() == "Chủ tịch UBND tỉnh Lạng Sơn"


def test_searching_a_post_shows_who_held_it_by_date(lang_son_server, page):
    page.goto(lang_son_server + "/")
    page.fill("#q", "chu tich ubnd tinh lang son")
    page.press("#q", "Enter")
    page.wait_for_url("**q=chu+tich**")
    holders = page.locator(".holders .span")
    assert holders.all_inner_texts()[0].startswith("Lương Văn Khải")
    assert [holders.nth(i).get_attribute("data-first") for i in range(holders.count())] == ["2016-05-10", "2021-06-15"]
    holders.nth(1).locator("a.title").click()
    page.wait_for_url("**/official/**")
    assert page.locator("h1").inner_text() == "Hồ Tiến Thiệu"


def test_screenshots_of_an_officials_page_on_desktop_and_phone(lang_son_server, browser):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(lang_son_server + "/official/Hồ Tiến Thiệu")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        path = SHOTS / f"official-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        context.close()
        assert path.stat().st_size > 10_000
