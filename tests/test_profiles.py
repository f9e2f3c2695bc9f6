"""An official's page, and who held a post when (issue #16): core, CLI, web and JSON.

The articles are written for these tests: Lạng Sơn's chairman Lương Văn Khải (2016-2020),
his deputy Hồ Tiến Thiệu who follows him (2021-2024), and two people whose names differ
only by a tone mark (Lê Văn Bảy, Lê Văn Bày), who are one name without accents.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from indexer import indexing, profiles
from indexer.abbreviations import load_default
from indexer.cli import cli
from indexer.searching import SearchRequest, Searcher
from tests.conftest import TEST_DATA, write_jsonl
from webui import create_app

ROWS = [
    {"id": "ls/2016-khai", "date": "2016-05-10", "title": "Lạng Sơn họp bàn phát triển du lịch Mẫu Sơn",
     "body": "Sáng 10/5, ông Lương Văn Khải, Chủ tịch UBND tỉnh Lạng Sơn, chủ trì cuộc họp về du lịch Mẫu Sơn. Ông Hồ Tiến Thiệu, Phó Chủ tịch UBND tỉnh Lạng Sơn, báo cáo tiến độ dự án."},
    {"id": "ls/2018-khai", "date": "2018-03-02", "title": "Kiểm tra tiến độ đường lên Mẫu Sơn",
     "body": "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn Lương Văn Khải đã kiểm tra tuyến đường lên Mẫu Sơn. Cùng đi có ông Hồ Tiến Thiệu, Phó Chủ tịch UBND tỉnh Lạng Sơn."},
    {"id": "ls/2020-khai", "date": "2020-11-20", "title": "Tổng kết công tác cải cách hành chính",
     "body": "Ông Lương Văn Khải, Chủ tịch UBND tỉnh Lạng Sơn, phát biểu tại hội nghị. Ông Hồ Tiến Thiệu, Phó Chủ tịch UBND tỉnh Lạng Sơn, điều hành thảo luận."},
    {"id": "ls/2021-thieu", "date": "2021-06-15", "title": "Ra quân làm đường giao thông nông thôn",
     "body": "Ông Hồ Tiến Thiệu, Chủ tịch UBND tỉnh Lạng Sơn, dự lễ ra quân tại huyện Cao Lộc. Bà Đoàn Thu Hà, Phó Chủ tịch UBND tỉnh Lạng Sơn, cũng có mặt."},
    {"id": "ls/2023-thieu", "date": "2023-09-09", "title": "Lạng Sơn đón đoàn công tác của Bộ Y tế",
     "body": "Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu tiếp đoàn công tác. Ông Lương Văn Khải, nguyên Chủ tịch UBND tỉnh Lạng Sơn, được mời dự."},
    {"id": "ls/2024-thieu", "date": "2024-12-01", "title": "Khánh thành cửa khẩu số hóa",
     "body": "Ông Hồ Tiến Thiệu, Chủ tịch UBND tỉnh Lạng Sơn, cắt băng khánh thành. Bà Đoàn Thu Hà, Phó Chủ tịch UBND tỉnh Lạng Sơn, giới thiệu dự án."},
    {"id": "ls/2024-bay-1", "date": "2024-04-04", "title": "Xã Tân Liên ra mắt tổ tự quản",
     "body": "Ông Lê Văn Bảy, Chủ tịch UBND xã Tân Liên, cho biết xã đã lập 12 tổ tự quản."},
    {"id": "ls/2024-bay-2", "date": "2024-04-05", "title": "Công an huyện tuần tra biên giới",
     "body": "Thượng tá Lê Văn Bày, Trưởng Công an huyện Cao Lộc, chỉ đạo tuần tra."},
]


@pytest.fixture(scope="module")
def lang_son_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("people")
    src = write_jsonl(root / "src" / "a.jsonl", ROWS)
    assert indexing.update(root / "index", [src], procs=1).added == len(ROWS)
    return root / "index"


@pytest.fixture(scope="module")
def searcher(lang_son_index):
    return Searcher(lang_son_index, load_default())


@pytest.fixture(scope="module")
def client(lang_son_index):
    return create_app({"INDEX_DIR": str(lang_son_index), "TESTING": True, "WARM_UP": False}).test_client()


def test_a_profile_gives_every_title_with_its_first_and_last_date(searcher):
    p = profiles.profile(searcher, "Hồ Tiến Thiệu")
    assert p.articles == p.read == 6
    assert (p.first, p.last) == (dt.date(2016, 5, 10), dt.date(2024, 12, 1))
    assert [(t.title, t.first, t.last, t.articles) for t in p.titles] == [
        ("Phó Chủ tịch UBND tỉnh Lạng Sơn", dt.date(2016, 5, 10), dt.date(2020, 11, 20), 3),
        ("Chủ tịch UBND tỉnh Lạng Sơn", dt.date(2021, 6, 15), dt.date(2024, 12, 1), 3),
    ]
    # every month from the first to the last, the empty ones too
    assert p.months[0].value == "2016-05" and p.months[-1].value == "2024-12"
    assert len(p.months) == 8 * 12 + 8 and sum(m.count for m in p.months) == 6
    assert [(c.value, c.count) for c in p.named_with] == [("Lương Văn Khải", 4), ("Đoàn Thu Hà", 2)]


def test_a_title_written_long_or_short_is_one_title_of_the_profile(searcher):
    p = profiles.profile(searcher, "Lương Văn Khải")
    titles = {t.title: t.articles for t in p.titles}
    # "Chủ tịch Ủy ban nhân dân tỉnh" (once) and "Chủ tịch UBND tỉnh" (twice): one row, as written most
    assert titles == {"Chủ tịch UBND tỉnh Lạng Sơn": 3, "nguyên Chủ tịch UBND tỉnh Lạng Sơn": 1}


@pytest.mark.parametrize("post", [
    "Chủ tịch UBND tỉnh Lạng Sơn",
    "chu tich ubnd tinh lang son",
    "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn",
    "CHỦ TỊCH UBND TỈNH LẠNG SƠN",
])
def test_who_held_a_post_lists_the_people_by_date_accents_and_abbreviations_optional(searcher, post):
    found = profiles.holders(searcher, post)
    assert [(h.name, h.first, h.last, h.articles) for h in found.holders] == [
        ("Lương Văn Khải", dt.date(2016, 5, 10), dt.date(2020, 11, 20), 3),  # "nguyên" (former) is not the post
        ("Hồ Tiến Thiệu", dt.date(2021, 6, 15), dt.date(2024, 12, 1), 3),  # his years as deputy are not
    ]


def test_a_deputy_post_is_its_own_post(searcher):
    found = profiles.holders(searcher, "Phó Chủ tịch UBND tỉnh Lạng Sơn")
    assert [(h.name, h.first.year, h.last.year) for h in found.holders] == [
        ("Hồ Tiến Thiệu", 2016, 2020), ("Đoàn Thu Hà", 2021, 2024)]


@pytest.mark.parametrize("query, post", [
    ("Chủ tịch UBND tỉnh Lạng Sơn", True), ("Bộ trưởng Bộ Y tế", True), ("Giám đốc Sở Y tế", True),
    ("Phó Thủ tướng", False), ("dân vận khéo", False), ("Mẫu Sơn", False), ('"Chủ tịch UBND tỉnh"', False),
])
def test_a_query_is_read_as_a_post_when_it_starts_with_one_and_names_its_body(query, post):
    assert profiles.looks_like_post(query) is post


def test_the_official_page_shows_the_career_the_months_and_who_is_named_with_them(client):
    answer = client.get("/official/ho%20tien%20thieu")  # accent-free: redirected to the person
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/official/H%E1%BB%93%20Ti%E1%BA%BFn%20Thi%E1%BB%87u"
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "<h1>Hồ Tiến Thiệu</h1>" in page
    spans = re.findall(r'<li class="span" data-title="([^"]+)" data-first="([^"]+)" data-last="([^"]+)"', page)
    assert spans == [("Phó Chủ tịch UBND tỉnh Lạng Sơn", "2016-05-10", "2020-11-20"),
                     ("Chủ tịch UBND tỉnh Lạng Sơn", "2021-06-15", "2024-12-01")]
    # the chair's bar starts where the deputy's ends, more than halfway along
    xs = [float(x) for x in re.findall(r'<rect class="bar" x="([\d.]+)"', page)]
    assert xs[0] == 0 and 55 < xs[1] < 65
    assert page.count('<rect class="gap" data-key=') == 104 - 6  # months without articles (6 with one each)
    # the articles newest first, each name linked to its page
    ids = re.findall(r'<h3><a href="/article/([^"?]+)', page)
    assert ids == ["ls/2024-thieu", "ls/2023-thieu", "ls/2021-thieu", "ls/2020-khai", "ls/2018-khai", "ls/2016-khai"]
    assert 'href="/official/L%C6%B0%C6%A1ng%20V%C4%83n%20Kh%E1%BA%A3i">Lương Văn Khải</a>' in page
    # the search page's facets, leading to the search filtered by this person
    assert 'href="/?official=H%E1%BB%93+Ti%E1%BA%BFn+Thi%E1%BB%87u&amp;sort=newest&amp;year=2021"' in page


def test_the_api_gives_the_page_as_json_and_the_cli_the_same(client, runner, lang_son_index):
    data = client.get("/api/officials/Lương Văn Khải").get_json()
    assert data["name"] == "Lương Văn Khải" and data["articles"] == 4
    assert data["titles"][0] == {"title": "Chủ tịch UBND tỉnh Lạng Sơn", "articles": 3,
                                 "first": "2016-05-10", "last": "2020-11-20"}
    assert [h["id"] for h in data["search"]["hits"]][0] == "ls/2023-thieu"
    out = runner.invoke(cli, ["officials", "luong van khai", "--index", str(lang_son_index), "--json"])
    assert out.exit_code == 0, out.output
    cli_data = json.loads(out.stdout)
    for d in (data, cli_data):
        d["search"].pop("took_ms")
    assert cli_data == data
    text = runner.invoke(cli, ["officials", "Hồ", "Tiến", "Thiệu", "--index", str(lang_son_index)]).stdout
    assert "Hồ Tiến Thiệu: 6 articles, 2016-05-10 to 2024-12-01" in text
    assert "  2021-06-15  2024-12-01      3  Chủ tịch UBND tỉnh Lạng Sơn" in text


def test_the_cli_and_the_api_list_who_held_a_post(client, runner, lang_son_index):
    out = runner.invoke(cli, ["officials", "--post", "chu tich ubnd tinh lang son", "--index", str(lang_son_index)])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[1:] == [
        "  2016-05-10  2020-11-20      3  Lương Văn Khải",
        "  2021-06-15  2024-12-01      3  Hồ Tiến Thiệu",
    ]
    data = client.get("/api/posts?q=Chủ tịch UBND tỉnh Lạng Sơn").get_json()
    assert [h["name"] for h in data["holders"]] == ["Lương Văn Khải", "Hồ Tiến Thiệu"]
    assert client.get("/api/posts?q=").status_code == 400


def test_searching_a_post_shows_its_holders_as_a_timeline(client):
    page = client.get("/?q=chu+tich+ubnd+tinh+lang+son").get_data(as_text=True)
    assert '<section class="holders"' in page
    names = re.findall(r'<li class="span" data-name="([^"]+)" data-first="([^"]+)" data-last="([^"]+)"', page)
    assert names == [("Lương Văn Khải", "2016-05-10", "2020-11-20"), ("Hồ Tiến Thiệu", "2021-06-15", "2024-12-01")]
    assert '<section class="holders"' not in client.get("/?q=mau+son").get_data(as_text=True)


def test_names_that_fold_alike_are_offered_to_choose_and_unknown_names_are_404(client, runner, lang_son_index):
    page = client.get("/official/le van bay")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "2 người tên “le van bay”" in text
    assert 'href="/official/L%C3%AA%20V%C4%83n%20B%E1%BA%A3y"' in text and 'href="/official/L%C3%AA%20V%C4%83n%20B%C3%A0y"' in text
    assert client.get("/api/officials/le van bay").status_code == 300
    assert client.get("/official/Lê Văn Bày").status_code == 200  # as written: that person
    missing = client.get("/official/Nguyễn Văn Không")
    assert missing.status_code == 404 and "Không có quan chức nào tên" in missing.get_data(as_text=True)
    assert client.get("/api/officials/Nobody").status_code == 404
    out = runner.invoke(cli, ["officials", "le van bay", "--index", str(lang_son_index)])
    assert out.exit_code == 1 and '"le van bay" stands for 2 people: Lê Văn Bày; Lê Văn Bảy' in out.stderr


def test_every_place_a_name_appears_links_to_its_page(client):
    search = client.get("/?q=mau+son").get_data(as_text=True)
    url = "/official/L%C6%B0%C6%A1ng%20V%C4%83n%20Kh%E1%BA%A3i"
    assert search.count(f'class="profile" href="{url}"') >= 2  # a hit's names and the facet
    finder = client.get("/?tim_quan_chuc=luong").get_data(as_text=True)
    assert f'class="profile" href="{url}"' in finder
    article = client.get("/article/ls/2016-khai").get_data(as_text=True)
    assert f'class="profile-name" href="{url}"' in article


D = dt.date


@pytest.mark.parametrize("days, others, expected", [
    # a sparse archive: long silences, nobody else named in the post -> one period
    ([D(2016, 5, 10), D(2018, 3, 2), D(2020, 11, 20)], [], [(D(2016, 5, 10), D(2020, 11, 20), 3)]),
    # a former holder named by the post after the successor took over -> a period of its own
    ([D(2013, 10, 23), D(2017, 6, 21)], [D(2017, 2, 7), D(2017, 7, 15)],
     [(D(2013, 10, 23), D(2013, 10, 23), 1), (D(2017, 6, 21), D(2017, 6, 21), 1)]),
    # someone else named in between, but no long silence -> one period
    ([D(2017, 5, 22), D(2017, 5, 25)], [D(2017, 5, 23)], [(D(2017, 5, 22), D(2017, 5, 25), 2)]),
])
def test_a_holders_periods_split_only_at_a_long_silence_filled_by_someone_else(days, others, expected):
    assert [(p.first, p.last, p.articles) for p in profiles.periods(days, others)] == expected


def test_a_post_written_in_each_spelling_of_its_place_is_one_post(make_index):
    """Papers write Ho Chi Minh City TP.HCM, TPHCM or in full, and the centre Trung ương,
    TW or T.Ư: the table's rows sharing a form make these one post, in who held it and on
    the official's page alike (they did not: each spelling was a post of its own)."""
    searcher = make_index([
        {"id": "hcm-1", "date": "2021-03-01", "title": "Thành phố ra quân chống ngập",
         "body": "Ông Nguyễn Văn Nên, Bí thư Thành ủy TP.HCM, chủ trì lễ ra quân chống ngập."},
        {"id": "hcm-2", "date": "2021-04-01", "title": "Thành phố khởi công cầu Thủ Thiêm 2",
         "body": "Ông Nguyễn Văn Nên, Bí thư Thành ủy TPHCM, dự lễ khởi công cầu Thủ Thiêm 2."},
        {"id": "hcm-3", "date": "2021-05-01", "title": "Thành phố gặp mặt doanh nghiệp",
         "body": "Ông Nguyễn Văn Nên, Bí thư Thành ủy thành phố Hồ Chí Minh, gặp mặt doanh nghiệp."},
        {"id": "hcm-4", "date": "2021-06-01", "title": "Thành phố sơ kết phòng dịch",
         "body": "Ông Nguyễn Văn Nên, Bí thư Thành ủy TP.HCM, chủ trì hội nghị sơ kết phòng dịch."},
        {"id": "tw-1", "date": "2021-06-01", "title": "Hội nghị cán bộ",
         "body": "Ông Trần Văn Sơn, Ủy viên Trung ương Đảng, phát biểu tại hội nghị cán bộ tỉnh."},
        {"id": "tw-2", "date": "2021-07-01", "title": "Gặp mặt cử tri",
         "body": "Ông Trần Văn Sơn, Ủy viên TW Đảng, tiếp xúc cử tri huyện Cao Lộc."},
    ])
    for post in ("Bí thư Thành ủy TPHCM", "Bí thư Thành ủy TP.HCM", "Bí thư Thành ủy thành phố Hồ Chí Minh"):
        found = profiles.holders(searcher, post)
        assert [(h.name, h.first, h.last, h.articles) for h in found.holders] == [
            ("Nguyễn Văn Nên", dt.date(2021, 3, 1), dt.date(2021, 6, 1), 4)], post
    assert [(t.title, t.articles) for t in profiles.profile(searcher, "Nguyễn Văn Nên").titles] == [
        ("Bí thư Thành ủy TP.HCM", 4)]  # one row, as written most
    [title] = profiles.profile(searcher, "Trần Văn Sơn").titles  # each written once: either shown
    assert (title.title in ("Ủy viên Trung ương Đảng", "Ủy viên TW Đảng"), title.articles) == (True, 2)


def test_an_officials_page_counts_every_copy_and_dates_from_the_first(make_index):
    """A story republished the next day is one result of a search, but two articles that
    name the person: the page said "1 article", from the copy chosen to stand for it."""
    body = (TEST_DATA / "stories" / "original.txt").read_text(encoding="utf-8").split("\n\n", 2)[2]
    searcher = make_index([
        {"id": "lso/1", "date": "2026-05-12", "title": "Hơn 2.000 hộ dân chuyển sang trồng cây ăn quả", "body": body},
        {"id": "tonghop/1", "date": "2026-05-13", "title": "Lạng Sơn: chuyển đổi cây trồng trên đất dốc",
         "body": body},
    ])
    assert searcher.search(profiles.request_for("Đoàn Thu Hà")).total == 1  # one story
    page = profiles.profile(searcher, "Đoàn Thu Hà")
    assert (page.articles, page.first, page.last) == (2, dt.date(2026, 5, 12), dt.date(2026, 5, 13))
    assert [(t.title, t.articles) for t in page.titles] == [("Phó Chủ tịch UBND tỉnh", 2)]


def test_a_post_written_short_is_one_row_of_the_career_with_its_full_title(make_index):
    """One post was four rows: "Chủ tịch UBND TP Hà Nội", "… TP", "… Hà Nội" and "… thành phố"."""
    searcher = make_index([
        {"id": "1", "date": "2017-03-01", "title": "Hà Nội ra quân", "body": "Ông Nguyễn Đức Chung, Chủ tịch UBND TP Hà Nội, chủ trì lễ ra quân."},
        {"id": "2", "date": "2017-04-01", "title": "Hà Nội họp", "body": "Ông Nguyễn Đức Chung, Chủ tịch UBND TP Hà Nội, chủ trì cuộc họp."},
        {"id": "3", "date": "2017-02-01", "title": "Thành phố họp", "body": "Ông Nguyễn Đức Chung, Chủ tịch UBND TP, chủ trì cuộc họp giao ban."},
        {"id": "4", "date": "2017-05-01", "title": "Gặp mặt", "body": "Ông Nguyễn Đức Chung, Chủ tịch UBND Hà Nội, gặp mặt doanh nghiệp."},
        {"id": "5", "date": "2017-06-01", "title": "Cử tri", "body": "Ông Nguyễn Đức Chung, Chủ tịch UBND thành phố, tiếp xúc cử tri quận Hoàn Kiếm."},
        {"id": "6", "date": "2016-01-01", "title": "Công an", "body": "Thiếu tướng Nguyễn Đức Chung, Giám đốc Công an TP Hà Nội, kiểm tra."},
    ])
    titles = [(t.title, t.articles, t.first, t.last) for t in profiles.profile(searcher, "Nguyễn Đức Chung").titles]
    assert ("Chủ tịch UBND TP Hà Nội", 5, dt.date(2017, 2, 1), dt.date(2017, 6, 1)) in titles
    assert ("Giám đốc Công an TP Hà Nội", 1, dt.date(2016, 1, 1), dt.date(2016, 1, 1)) in titles
    assert len(titles) == 3, titles  # and his rank


def test_a_promotion_is_no_title_written_short(make_index):
    """Only a title cut after its body, or with a level's word left out, is the same post:
    a district's chairman who became the province's is two rows, as a vice-chairman who
    became the standing vice-chairman is."""
    searcher = make_index([
        {"id": "1", "date": "2015-01-10", "title": "Huyện họp", "body": "Ông Lê Văn Hòa, Chủ tịch UBND huyện Hưng Nguyên, tỉnh Nghệ An, chủ trì."},
        {"id": "2", "date": "2015-06-10", "title": "Huyện họp", "body": "Ông Lê Văn Hòa, Chủ tịch UBND huyện Hưng Nguyên, tỉnh Nghệ An, phát biểu."},
        {"id": "3", "date": "2021-03-10", "title": "Tỉnh họp", "body": "Ông Lê Văn Hòa, Chủ tịch UBND tỉnh Nghệ An, chủ trì."},
        {"id": "4", "date": "2016-03-10", "title": "Tỉnh họp", "body": "Ông Trần Văn Bình, Phó Chủ tịch UBND tỉnh Hà Tĩnh, dự họp."},
        {"id": "5", "date": "2020-03-10", "title": "Tỉnh họp", "body": "Ông Trần Văn Bình, Phó Chủ tịch Thường trực UBND tỉnh Hà Tĩnh, dự họp."},
    ])
    rows = [(t.title, t.articles) for t in profiles.profile(searcher, "Lê Văn Hòa").titles]
    assert len(rows) == 2 and ("Chủ tịch UBND tỉnh Nghệ An", 1) in rows, rows
    rows = [(t.title, t.first.year) for t in profiles.profile(searcher, "Trần Văn Bình").titles]
    assert rows == [("Phó Chủ tịch UBND tỉnh Hà Tĩnh", 2016), ("Phó Chủ tịch Thường trực UBND tỉnh Hà Tĩnh", 2020)]


def test_an_official_typed_with_accents_is_that_spelling_not_another_that_folds_alike(make_index):
    """A user trial: "Nguyễn Thanh Phong" (two namesakes, told apart by place) also gave the
    26 articles of Nguyễn Thành Phong, another man whose name only folds alike."""
    searcher = make_index([
        {"id": "hcm/1", "date": "2024-03-01", "title": "TP.HCM họp về ngập",
         "body": "Ông Nguyễn Thành Phong, Chủ tịch UBND TP.HCM, chủ trì cuộc họp về chống ngập."},
        {"id": "hcm/2", "date": "2024-03-02", "title": "TP.HCM khởi công cầu",
         "body": "Chủ tịch UBND TP.HCM Nguyễn Thành Phong dự lễ khởi công cầu mới."},
        {"id": "ls/1", "date": "2024-03-03", "title": "Lạng Sơn kiểm tra trường học",
         "body": "Ông Nguyễn Thanh Phong, Phó Chủ tịch UBND tỉnh Lạng Sơn, kiểm tra trường học."},
        {"id": "cb/1", "date": "2024-03-04", "title": "Cao Bằng sửa đường",
         "body": "Ông Nguyễn Thanh Phong, Giám đốc Sở Giao thông vận tải tỉnh Cao Bằng, báo cáo tiến độ sửa đường."},
        {"id": "vs/1", "date": "2024-03-05", "title": "Hội nghị cán bộ",
         "body": "Ông Võ Sỹ Tuấn, Chủ tịch UBND huyện Cao Lộc, phát biểu tại hội nghị."},
    ])

    def ids(name: str) -> list[str]:
        return sorted(h.id for h in searcher.search(SearchRequest(officials=(name,), per_page=50)).hits)

    assert ids("Nguyễn Thanh Phong") == ["cb/1", "ls/1"]  # both namesakes, not Thành Phong
    assert ids("Nguyễn Thành Phong") == ["hcm/1", "hcm/2"]
    assert ids("nguyen thanh phong") == ["cb/1", "hcm/1", "hcm/2", "ls/1"]  # without accents: every spelling
    assert ids("Võ Sĩ Tuấn") == ["vs/1"]  # i for y is one spelling
    assert ids("Nguyễn Thạnh Phong") == []  # a spelling nobody has
    # a mark left off a syllable, and nobody spelled so: the names holding every syllable typed
    # with a mark (a reviewer: "Nguyễn Phú Trong" found nothing)
    assert ids("Võ Sỹ Tuan") == ["vs/1"]
    assert ids("Nguyễn Thanh Phong (Lạng Sơn)") == ["ls/1"]


def test_an_officials_page_opens_each_storys_copies_and_says_what_it_counts(make_index, tmp_path):
    """A user trial: a page said "66 bài viết" over a list of 62 stories, its year chart "62
    bài", and the 4 copies could not be reached from it."""
    body = (TEST_DATA / "stories" / "original.txt").read_text(encoding="utf-8").split("\n\n", 2)[2]
    make_index([
        {"id": "lso/1", "date": "2026-05-12", "title": "Hơn 2.000 hộ dân chuyển sang trồng cây ăn quả", "body": body,
         "url": "https://baolangson.vn/a1.html"},
        {"id": "tonghop/1", "date": "2026-05-13", "title": "Lạng Sơn: chuyển đổi cây trồng trên đất dốc", "body": body,
         "url": "https://tonghop.example.vn/a1.html"},
    ])
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True, "WARM_UP": False}).test_client()
    page = client.get("/official/Đoàn Thu Hà").get_data(as_text=True)
    assert re.search(r'class="n-articles">2</strong> bài viết\s*\(<span class="n-stories">1</span> tin', page)
    assert "Các tin, mới nhất trước" in page
    hits = page.split('<li class="hit">')[1:]
    # newest first, the later copy stands for the story: the first publication is no republication of it
    assert len(hits) == 1 and "<summary>1 bản đăng khác của tin này (đăng đầu tiên 12/05/2026)</summary>" in hits[0]
    copy_id = "tonghop/1" if "lso/1" in hits[0].split("<details")[0] else "lso/1"
    assert f'href="/article/{copy_id}' in hits[0].split("<details")[1]
    assert "2026: 1 tin" in page  # the year chart counts what the list shows


HA_NOI_CHAIR = [  # one man, one post, written six ways over six articles
    {"id": "hn/1", "date": "2017-02-06", "title": "Hà Nội ra quân dọn vỉa hè",
     "body": "Sáng 6/2, ông Nguyễn Đức Chung, Chủ tịch UBND TP Hà Nội, chủ trì lễ ra quân dọn vỉa hè. Phát biểu kết "
             "luận, Chủ tịch UBND thành phố Hà Nội Nguyễn Đức Chung yêu cầu các quận làm quyết liệt."},
    {"id": "hn/2", "date": "2017-03-10", "title": "Hà Nội họp bàn chống ngập",
     "body": "Ông Nguyễn Đức Chung, Chủ tịch UBND TP Hà Nội, chủ trì cuộc họp. Cuối buổi, Chủ tịch UBND Hà Nội "
             "Nguyễn Đức Chung giao việc cho các sở."},
    {"id": "hn/3", "date": "2017-04-12", "title": "Thành phố tiếp dân",
     "body": "Chủ tịch TP.Hà Nội Nguyễn Đức Chung tiếp công dân tại trụ sở."},
    {"id": "hn/4", "date": "2017-05-15", "title": "Thành phố trồng cây",
     "body": "Ông Nguyễn Đức Chung, Chủ tịch UBTP.Hà Nội, phát động Tết trồng cây."},
    {"id": "hn/5", "date": "2017-06-20", "title": "Thành phố đối thoại",
     "body": "Ông Nguyễn Đức Chung, Chủ tịch UBND TP. Hà Nội, đối thoại với doanh nghiệp."},
    {"id": "hn/6", "date": "2017-07-07", "title": "Hà Nội công bố thanh tra",
     "body": "Chủ tịch Hà Nội Nguyễn Đức Chung dự buổi công bố kết luận thanh tra."},
]


def test_a_title_row_counts_articles_as_the_header_does_on_the_page_the_web_and_post(make_index, tmp_path, runner):
    """A user trial (real news): "Nguyễn Đức Chung: 68 articles" over a row "69 Chủ tịch UBND TP
    Hà Nội" (the web: "68 bài viết", "69 bài"), and `--post "chu tich ubnd tp ha noi"` said 40.
    A title was counted by mention: an article writing the post twice (``TP``/``thành phố``,
    or in full and short) counted twice; ``Chủ tịch TP.Hà Nội`` and ``Chủ tịch UBTP.Hà Nội``
    were rows of their own; and the post's count read only the articles a search for it finds
    (not ``TP. Hà Nội``), by its full spelling alone."""
    make_index(HA_NOI_CHAIR)
    index = str(tmp_path / "index")
    page = runner.invoke(cli, ["officials", "nguyen duc chung", "--index", index])
    assert page.exit_code == 0, page.output
    assert "Nguyễn Đức Chung: 6 articles, 2017-02-06 to 2017-07-07" in page.stdout
    rows = page.stdout.split("Titles (first used, last used, articles):\n")[1].split("\n\n")[0]
    assert rows == "  2017-02-06  2017-07-07      6  Chủ tịch UBND TP Hà Nội"
    web = create_app({"INDEX_DIR": index, "TESTING": True, "WARM_UP": False}).test_client()
    html = web.get("/official/Nguyễn Đức Chung").get_data(as_text=True)
    assert re.search(r'class="n-articles">6</strong> bài viết,', html)
    assert re.findall(r'<span class="dates">[^<]*· (\d+) bài</span>', html) == ["6"]
    for post in ("chu tich ubnd tp ha noi", "Chủ tịch UBND thành phố Hà Nội"):
        held = runner.invoke(cli, ["officials", "--post", post, "--index", index])
        assert held.exit_code == 0, held.output
        assert held.stdout.splitlines()[1:] == ["  2017-02-06  2017-07-07      6  Nguyễn Đức Chung"], post
        api = web.get(f"/api/posts?q={post}").get_json()["holders"]
        assert [(h["name"], h["articles"], h["title"]) for h in api] == [
            ("Nguyễn Đức Chung", 6, "Chủ tịch UBND TP Hà Nội")], post


def test_who_held_a_post_typed_short_says_the_fuller_post_it_counts(make_index, tmp_path, runner):
    """A post typed short ("Chủ tịch UBND tỉnh") is counted as the row of each person's page it
    belongs to, and that row is named, in the CLI and on the web alike."""
    make_index(ROWS + [{"id": "ls/2019-khai", "date": "2019-01-02", "title": "Tỉnh họp",
                        "body": "Ông Lương Văn Khải, Chủ tịch UBND tỉnh, chủ trì cuộc họp đầu năm."}])
    index = str(tmp_path / "index")
    held = runner.invoke(cli, ["officials", "--post", "Chủ tịch UBND tỉnh", "--index", index])
    assert held.exit_code == 0, held.output
    assert held.stdout.splitlines()[1:] == [
        "  2016-05-10  2020-11-20      4  Lương Văn Khải  (as Chủ tịch UBND tỉnh Lạng Sơn)"]
    web = create_app({"INDEX_DIR": index, "TESTING": True, "WARM_UP": False}).test_client()
    page = web.get("/?q=Chủ+tịch+UBND+tỉnh+Lạng+Sơn").get_data(as_text=True)
    assert re.findall(r'· (\d+) bài(?: \(<span class="as">[^<]*</span>\))?</span>', page) == ["4", "3"]
    assert '<span class="as">' not in page  # asked in full: the row is the post asked


@pytest.mark.parametrize("title, same_as", [
    ("Chủ tịch TP.Hà Nội", "Chủ tịch UBND TP Hà Nội"),
    ("Chủ tịch UBTP.Hà Nội", "Chủ tịch Ủy ban nhân dân thành phố Hà Nội"),
    ("Chủ tịch UBNDTP", "Chủ tịch UBND TP"),
    ("Phó chủ tịch huyện Kỳ Sơn", "Phó Chủ tịch UBND huyện Kỳ Sơn"),
    ("Chủ tịch thị xã Đông Triều", "Chủ tịch UBND TX Đông Triều"),
    ("Phó Chủ tịch xã", "Phó Chủ tịch UBND xã"),
])
def test_a_chair_named_by_the_level_alone_is_the_peoples_committees(title, same_as):
    assert profiles.post_key(title, load_default()) == profiles.post_key(same_as, load_default())


@pytest.mark.parametrize("title", [
    "Chủ tịch Tỉnh hội Nông dân", "Chủ tịch Huyện Hội Cựu chiến binh", "Chủ tịch HĐND TP Hà Nội",
    "Chủ tịch Quân ủy Trung ương", "Chủ tịch nước", "Chủ tịch Hà Nội",
])
def test_a_level_before_a_body_of_its_own_or_no_level_is_no_committee(title):
    """(The level's own bodies and the council are other posts; "Chủ tịch Hà Nội" is one row with
    the committee's only on the page of a person who holds it, as a title written short.)"""
    assert "ubnd" not in profiles.post_key(title, load_default()).split()


def test_the_cli_page_lists_stories_under_a_heading_that_says_so(make_index, tmp_path, runner):
    """The list under "Newest articles:" showed one line a story (the web: "Các tin"); its rows
    and header count articles, each copy of the story too."""
    body = (TEST_DATA / "stories" / "original.txt").read_text(encoding="utf-8").split("\n\n", 2)[2]
    make_index([
        {"id": "lso/1", "date": "2026-05-12", "title": "Hơn 2.000 hộ dân chuyển sang trồng cây ăn quả", "body": body},
        {"id": "tonghop/1", "date": "2026-05-13", "title": "Lạng Sơn: chuyển đổi cây trồng trên đất dốc", "body": body},
    ])
    out = runner.invoke(cli, ["officials", "Đoàn Thu Hà", "--index", str(tmp_path / "index")])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == "Đoàn Thu Hà: 2 articles (1 story), 2026-05-12 to 2026-05-13"
    assert "  2026-05-12  2026-05-13      2  Phó Chủ tịch UBND tỉnh" in lines
    assert lines[lines.index("Newest stories:") + 1:] == [  # newest first: the copy of the later day stands for it
        "  2026-05-13  Lạng Sơn: chuyển đổi cây trồng trên đất dốc  [tonghop/1]"]
