"""A filter by an official the archive does not know says so, and offers the nearest names
(user trial of 2026-11-30: ``timtin search --official "khong co ai"`` said only "No articles
match")."""

import json
import re

import pytest

from indexer import indexing
from indexer.cli import cli
from indexer.unknown_officials import unknown_officials
from indexer.abbreviations import load_default
from indexer.searching import Searcher
from tests.conftest import write_jsonl
from webui import create_app

ROWS = [
    {"id": "vdt", "title": "Bí thư Tỉnh ủy thăm huyện Cao Lộc", "date": "2021-03-02",
     "body": "Ngày 2/3, đồng chí Vi Đức Thắng, Phó Bí thư Tỉnh ủy, đã đến thăm và làm việc tại huyện Cao Lộc."},
    {"id": "vdt2", "title": "Hội nghị dân vận khéo", "date": "2021-04-10",
     "body": "Ông Vi Đức Thắng, Phó Bí thư Tỉnh ủy, dự hội nghị dân vận khéo tại thành phố Lạng Sơn."},
    {"id": "htt", "title": "Chủ tịch UBND tỉnh kiểm tra công trình", "date": "2021-05-05",
     "body": "Ông Hồ Tiến Thiệu, Chủ tịch UBND tỉnh Lạng Sơn, kiểm tra tiến độ đường cao tốc Đồng Đăng."},
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("unknown")
    indexing.update(tmp / "index", [write_jsonl(tmp / "tin.jsonl", ROWS)], procs=1)
    return tmp / "index"


def test_the_cli_says_no_official_of_that_name_is_known(runner, index_dir):
    result = runner.invoke(cli, ["search", "--index", str(index_dir), "--official", "khong co ai"])
    assert result.exit_code == 0
    assert 'No official named "khong co ai" is known in the archive. (timtin officials' in result.stdout


def test_a_misspelt_or_partial_name_gets_the_nearest_known_names(runner, index_dir):
    typo = runner.invoke(cli, ["search", "--index", str(index_dir), "--official", "vi duc thnag"])
    assert 'No official named "vi duc thnag" is known in the archive. Nearest known: Vi Đức Thắng.' in typo.stdout
    part = runner.invoke(cli, ["search", "--index", str(index_dir), "--official", "ho tien"])
    assert "Nearest known: Hồ Tiến Thiệu." in part.stdout


def test_a_known_official_with_no_match_is_not_called_unknown(runner, index_dir):
    result = runner.invoke(cli, ["search", "cao tốc", "--index", str(index_dir), "--official", "Vi Đức Thắng"])
    assert "No articles match" in result.stdout and "is known" not in result.stdout
    assert unknown_officials(Searcher(index_dir, load_default()), ("vi duc thang", "Hồ Tiến Thiệu")) == []


def test_the_web_says_so_and_links_the_nearest_name_in_its_place(index_dir):
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True, "WARM_UP": False}).test_client()
    page = client.get("/?official=vi+duc+thnag&year=2021").get_data(as_text=True)
    assert "Không có quan chức nào tên “vi duc thnag” trong kho tin." in page
    [link] = re.findall(r'Tên gần nhất: <a class="official" href="([^"]+)">Vi Đức Thắng</a>', page)
    found = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert "<strong>2</strong> bài viết" in found and "Không có quan chức" not in found


def test_the_json_answer_names_the_unknown_official_as_the_api_does(runner, index_dir):
    result = runner.invoke(cli, ["search", "--index", str(index_dir), "--official", "vi duc thnag", "--json"])
    answer = json.loads(result.stdout)
    assert answer["total"] == 0
    assert answer["unknown_officials"] == [{"name": "vi duc thnag", "nearest": ["Vi Đức Thắng"]}]
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True, "WARM_UP": False}).test_client()
    api = client.get("/api/search?official=vi+duc+thnag").get_json()
    assert {**api, "took_ms": 0} == {**answer, "took_ms": 0}
    known = json.loads(runner.invoke(cli, ["search", "--index", str(index_dir), "--official", "vi duc thang",
                                           "--json"]).stdout)
    assert known["total"] == 2 and "unknown_officials" not in known
