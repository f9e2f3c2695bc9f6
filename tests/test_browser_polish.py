"""In a real browser against `timtin serve`: the last page that opens, and an unknown
official's nearest names (user trial of 2026-11-30). Skips as tests/test_browser.py does."""

from __future__ import annotations

from indexer.query import MAX_PAGE
from tests.test_browser import browser, page, serving  # noqa: F401 - fixtures
from tests.test_paging_cap import index_dir as paging_index  # noqa: F401 - fixture
from tests.test_unknown_official import index_dir as officials_index  # noqa: F401 - fixture


def test_next_page_stops_at_the_last_page_that_opens(paging_index, page):  # noqa: F811
    with serving(paging_index) as base:
        page.goto(base + f"/?q=va&per_page=1&page={MAX_PAGE - 1}")
        page.locator(".pages a[rel=next]").click()
        page.wait_for_url(f"**page={MAX_PAGE}**")
        assert page.locator(".pages span").inner_text().startswith(f"Trang {MAX_PAGE} /")
        assert page.locator(".pages a[rel=next]").count() == 0
        assert "đây là trang cuối mở được" in page.locator(".pages-cap").inner_text()


def test_an_unknown_officials_nearest_name_is_one_click_away(officials_index, page):  # noqa: F811
    with serving(officials_index) as base:
        page.goto(base + "/?official=vi+duc+thnag")
        assert "Không có quan chức nào tên “vi duc thnag”" in page.locator(".unknown-official").inner_text()
        page.locator(".unknown-official a", has_text="Vi Đức Thắng").click()
        page.wait_for_url("**official=Vi**")
        assert page.locator(".hit").count() == 2
