"""No link to a page that cannot open (user trial of 2026-11-30).

A search opens pages up to :data:`indexer.query.MAX_PAGE`; ``/?q=và&page=1000`` showed
"Trang 1000 / 1415" with a "Trang sau" link to page 1001, which answered 400. The page now
offers no such link, names the last page that opens and how to reach the rest.
"""

import re

import pytest

from indexer import indexing
from indexer.cli import cli
from indexer.query import MAX_PAGE
from tests.conftest import write_jsonl
from webui import create_app

PLACES = ["Cao Lộc", "Văn Lãng", "Tràng Định", "Bình Gia", "Bắc Sơn", "Hữu Lũng", "Chi Lăng", "Đình Lập", "Lộc Bình"]
WORKS = ["làm đường bê tông", "sửa trường học", "đào kênh thủy lợi", "trồng rừng keo", "xây nhà văn hóa",
         "khám bệnh miễn phí", "tập huấn nông dân", "cấp nước sạch", "dạy chữ ban đêm", "tiêm vắc xin"]
N = MAX_PAGE + 12  # one a page: 12 pages past the last that opens


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cap")
    rows = [
        {"id": f"tin-{i:04d}", "date": f"{2020 + i * 6 // N}-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "title": f"Xã số {i} huyện {PLACES[i % 9]} {WORKS[i % 10]}",
         "body": f"Năm nay, xã số {i} và {i * 7 % 101} hộ dân huyện {PLACES[i * 5 % 9]} {WORKS[i * 3 % 10]} "
                 f"với {i * 13 % 997} triệu đồng, thôn {i % 31} và thôn {i % 17} góp {i % 53} ngày công."}
        for i in range(N)
    ]
    src = write_jsonl(tmp / "src" / "tin.jsonl", rows)
    indexing.update(tmp / "index", [src])
    return tmp / "index"


@pytest.fixture(scope="module")
def client(index_dir):
    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()


def test_the_last_page_that_opens_offers_no_next_page_and_says_how_to_reach_the_rest(client):
    page = client.get(f"/?q=va&per_page=1&page={MAX_PAGE}").get_data(as_text=True)
    assert f"Trang {MAX_PAGE} / {N:,}".replace(",", ".") in page
    assert "Trang sau" not in page
    assert 'rel="prev"' in page
    assert "Chỉ mở được 1.000 trang đầu (1.000 kết quả đầu tiên): đây là trang cuối mở được." in page
    assert "Thu hẹp tìm kiếm (theo ngày, tháng, năm hoặc quan chức ở bộ lọc)" in page
    assert client.get(f"/?q=va&per_page=1&page={MAX_PAGE + 1}").status_code == 400


def test_every_next_link_opens(client):
    page = client.get(f"/?q=va&per_page=1&page={MAX_PAGE - 1}").get_data(as_text=True)
    [link] = re.findall(r'<a rel="next" href="([^"]+)"', page)
    assert client.get(link.replace("&amp;", "&")).status_code == 200
    assert "Chỉ mở được 1.000 trang đầu (1.000 kết quả đầu tiên). Thu hẹp" in page


def test_narrowing_by_year_reaches_the_articles_past_the_cap(client):
    oldest_last = client.get(f"/?q=va&per_page=1&sort=oldest&page={MAX_PAGE}").get_data(as_text=True)
    assert f"tin-{N - 1:04d}" not in oldest_last
    narrowed = client.get("/?q=va&per_page=1&sort=oldest&year=2025&page=1").get_data(as_text=True)
    assert "Chỉ mở được" not in narrowed


def test_the_cli_says_the_last_page_that_opens_and_how_to_narrow(index_dir, runner):
    result = runner.invoke(cli, ["search", "va", "--index", str(index_dir), "--per-page", "1", "--page", str(MAX_PAGE)])
    assert result.exit_code == 0, result.output
    assert (f"Page {MAX_PAGE} is the last that opens ({N} pages of 1): narrow the search (--from/--to, --year, "
            f"--month, --official) to reach the rest, or export every match with --format csv --max-rows {N}.") in result.stdout
    earlier = runner.invoke(cli, ["search", "va", "--index", str(index_dir), "--per-page", "1"])
    assert f"Pages open up to {MAX_PAGE}" in earlier.stdout
