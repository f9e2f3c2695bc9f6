"""People, not strings (issue #11, item 4, round 11): namesakes of one place, or of no
place, told apart article by article when their articles give them posts in bodies one
person cannot hold (the police and a city council, a bank and the police, two ministries,
the army and a newspaper), and kept one person when the posts can be one career (a police
chief who came to chair the province, the police's own company, a minister who changed
ministries) or an article gives both. Through a real index, the search API, the web and
the CLI; every article here is written for this test."""

import json

import pytest

from indexer import indexing
from indexer.cli import cli
from indexer.people import Body, Person, bodies, conflict, may_split, split
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl
from webui import create_app

ARTICLES = [
    # 1. a ward's police chief and a city council committee's head of one name, one city
    {"id": "hn-ca", "title": "Bắt nhóm trộm xe máy ở Hoàng Mai", "date": "2024-04-01",
     "body": "Thiếu tá Đinh Quang Thắng, Trưởng Công an phường Tân Mai (quận Hoàng Mai, Hà Nội) cho biết nhóm trộm đã bị tạm giữ."},
    {"id": "hn-hd1", "title": "Giám sát việc xây trường học", "date": "2024-04-02",
     "body": "Ông Đinh Quang Thắng, Trưởng Ban Văn hóa - Xã hội HĐND TP Hà Nội yêu cầu các quận báo cáo tiến độ."},
    {"id": "hn-hd2", "title": "HĐND thành phố họp chuyên đề", "date": "2024-04-03",
     "body": "Trưởng Ban Văn hóa - Xã hội HĐND TP Hà Nội Đinh Quang Thắng trình bày báo cáo thẩm tra."},
    # 2. a police officer and a bank branch's director, neither placed
    {"id": "nb-ca", "title": "Khởi tố vụ lừa đảo qua mạng", "date": "2024-04-04",
     "body": "Thượng tá Lương Văn Khải, Trưởng phòng Cảnh sát hình sự cho biết các đối tượng đã nhận tội."},
    {"id": "nb-bank", "title": "Giải ngân vốn vay cho nông dân", "date": "2024-04-05",
     "body": "Ông Lương Văn Khải, Giám đốc Agribank chi nhánh Đông Sơn cho biết đã giải ngân 200 tỷ đồng."},
    # 3. two ministries' departments
    {"id": "tw-yte", "title": "Sửa quy định về khám bệnh", "date": "2024-04-06",
     "body": "Ông Tạ Minh Khôi, Phó Vụ trưởng Vụ Pháp chế (Bộ Y tế) cho biết dự thảo sẽ lấy ý kiến rộng rãi."},
    {"id": "tw-thue", "title": "Hoàn thuế cho doanh nghiệp", "date": "2024-04-07",
     "body": "Ông Tạ Minh Khôi, Phó Cục trưởng Cục Giám sát quản lý (Tổng cục Hải quan) cho biết hồ sơ được xử lý nhanh."},
    # one person: a police chief who became the province's chairman
    {"id": "na-ca", "title": "Công an tỉnh tổng kết năm", "date": "2021-01-08",
     "body": "Đại tá Hoàng Trọng Nghĩa, Giám đốc Công an tỉnh Nghệ An phát biểu tại hội nghị."},
    {"id": "na-ub", "title": "Nghệ An thu hút đầu tư", "date": "2024-04-08",
     "body": "Ông Hoàng Trọng Nghĩa, Chủ tịch UBND tỉnh Nghệ An tiếp các nhà đầu tư."},
    # one person: the police's company, written with and without its ministry
    {"id": "bca-1", "title": "Doanh nghiệp ngành công an ký hợp đồng", "date": "2024-04-09",
     "body": "Đại tá Vương Đình Lộc, Tổng Giám đốc Công ty TNHH MTV Thông tin Hòa Bình (Bộ Công an) ký hợp đồng."},
    {"id": "bca-2", "title": "Khánh thành nhà xưởng mới", "date": "2024-04-10",
     "body": "Ông Vương Đình Lộc, Tổng Giám đốc Công ty TNHH MTV Thông tin Hòa Bình cho biết nhà xưởng rộng 5 ha."},
    # one person: a commune's vice-chairman who heads its police, said so once
    {"id": "vp-1", "title": "Xã Tam Hồng ra quân giữ trật tự", "date": "2024-04-11",
     "body": "Ông Trịnh Văn Đạo, Phó Chủ tịch UBND xã Tam Hồng, Trưởng Công an xã Tam Hồng cho biết lực lượng đã sẵn sàng."},
    {"id": "vp-2", "title": "Tam Hồng kiểm tra quán karaoke", "date": "2024-04-12",
     "body": "Ông Trịnh Văn Đạo, Trưởng Công an xã Tam Hồng chỉ đạo kiểm tra."},
    {"id": "vp-3", "title": "Tam Hồng làm đường giao thông nông thôn", "date": "2024-04-13",
     "body": "Ông Trịnh Văn Đạo, Phó Chủ tịch UBND xã Tam Hồng vận động người dân hiến đất."},
    # one person: a defence minister who became foreign minister
    {"id": "bt-1", "title": "Hội nghị quốc phòng khu vực", "date": "2020-05-01",
     "body": "Đại tướng Lã Quốc Hưng, Bộ trưởng Bộ Quốc phòng dự hội nghị."},
    {"id": "bt-2", "title": "Ngoại giao đa phương", "date": "2024-04-14",
     "body": "Bộ trưởng Bộ Ngoại giao Lã Quốc Hưng hội đàm với người đồng cấp."},
    # 4. an officer of the army and a newspaper's deputy editor
    {"id": "qs-1", "title": "Diễn tập khu vực phòng thủ", "date": "2024-04-17",
     "body": "Đại tá Mai Xuân Trường, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Ninh Bình chủ trì buổi diễn tập."},
    {"id": "qs-2", "title": "Trao giải báo chí nông nghiệp", "date": "2024-04-18",
     "body": "Ông Mai Xuân Trường, Phó Tổng Biên tập báo Nông thôn Ngày nay trao giải cho các tác giả."},
]

POLICE = "Đinh Quang Thắng (Hà Nội, Trưởng Công an phường Tân Mai, quận Hoàng Mai, Hà Nội)"
COUNCIL = "Đinh Quang Thắng (Hà Nội, Trưởng Ban Văn hóa - Xã hội HĐND TP Hà Nội)"
OFFICER = "Lương Văn Khải (Trưởng phòng Cảnh sát hình sự)"
BANKER = "Lương Văn Khải (Giám đốc Agribank chi nhánh Đông Sơn)"
HEALTH = "Tạ Minh Khôi (trung ương, Phó Vụ trưởng Vụ Pháp chế, Bộ Y tế)"
CUSTOMS = "Tạ Minh Khôi (trung ương, Phó Cục trưởng Cục Giám sát quản lý, Tổng cục Hải quan)"
SOLDIER = "Mai Xuân Trường (Ninh Bình, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Ninh Bình)"
EDITOR = "Mai Xuân Trường (Phó Tổng Biên tập)"


@pytest.fixture(scope="module")
def namesakes_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("namesakes")
    indexing.update(root / "index", [write_jsonl(root / "src" / "articles.jsonl", ARTICLES)])
    return root / "index"


def test_namesakes_of_one_place_with_bodies_one_person_cannot_hold_are_two_entries(namesakes_index):
    facet = {c.value: c.count for c in Searcher(namesakes_index).search(SearchRequest()).facets["official"]}
    assert facet == {
        COUNCIL: 2, POLICE: 1,  # the police and the city council, one city
        OFFICER: 1, BANKER: 1,  # the police and a bank's branch, no place
        HEALTH: 1, CUSTOMS: 1,  # two ministries' departments
        SOLDIER: 1, EDITOR: 1,  # the army and a newspaper
        # one person each: a career, the police's own company, one article giving both posts
        "Hoàng Trọng Nghĩa": 2, "Vương Đình Lộc": 2, "Trịnh Văn Đạo": 3, "Lã Quốc Hưng": 2,
    }


def test_each_namesake_filters_their_own_articles_and_the_name_all(namesakes_index):
    searcher = Searcher(namesakes_index)

    def ids(*officials):
        return sorted(h.id for h in searcher.search(SearchRequest(officials=officials)).hits)

    assert ids(POLICE) == ["hn-ca"]
    assert ids(COUNCIL) == ["hn-hd1", "hn-hd2"]
    assert ids(COUNCIL.lower()) == ["hn-hd1", "hn-hd2"]  # (as typed: case and accents optional)
    assert ids("dinh quang thang") == ["hn-ca", "hn-hd1", "hn-hd2"]  # the name: both
    assert ids("Đinh Quang Thắng (Hà Nội)") == ["hn-ca", "hn-hd1", "hn-hd2"]  # the article key: both
    assert ids(BANKER) == ["nb-bank"] and ids(OFFICER) == ["nb-ca"]
    assert ids(CUSTOMS) == ["tw-thue"] and ids(EDITOR) == ["qs-2"]
    assert sorted(searcher.resolve_official("Đinh Quang Thắng")) == sorted([COUNCIL, POLICE])
    # the key the person had before the split (a link kept from then): both, however typed
    for typed in ("Đinh Quang Thắng (Hà Nội)", "đinh quang thắng (hà nội)", "dinh quang thang (ha noi)"):
        assert sorted(searcher.resolve_official(typed)) == sorted([COUNCIL, POLICE])


def test_a_hit_names_the_namesake_of_its_own_article(namesakes_index):
    searcher = Searcher(namesakes_index)
    hits = {h.id: h for h in searcher.search(SearchRequest(officials=("Đinh Quang Thắng",))).hits}
    assert hits["hn-ca"].officials == (POLICE,)
    assert hits["hn-hd1"].officials == (COUNCIL,)
    snap = searcher._current()
    for hit in hits.values():  # the one function that maps an article's official to a person
        docnum = snap.searcher.document_number(id=hit.id)
        assert [searcher.person_key(o, docnum) for o in hit.article.officials] == list(hit.officials)


def test_each_namesake_has_their_own_titles(namesakes_index):
    searcher = Searcher(namesakes_index)
    found = {o.key: [t.value for t in o.titles] for o in searcher.officials("luong van khai")}
    assert found == {OFFICER: ["Thượng tá", "Trưởng phòng Cảnh sát hình sự"],
                     BANKER: ["Giám đốc Agribank chi nhánh Đông Sơn"]}
    titles = searcher._current().titles()
    assert [t.value for t in titles[POLICE]] == ["Thiếu tá", "Trưởng Công an phường Tân Mai (quận Hoàng Mai, Hà Nội)"]
    assert [(t.value, t.count) for t in titles[COUNCIL]] == [("Trưởng Ban Văn hóa - Xã hội HĐND TP Hà Nội", 2)]


def test_the_web_and_the_cli_show_the_two_people(namesakes_index, runner):
    client = create_app({"INDEX_DIR": str(namesakes_index), "TESTING": True}).test_client()
    page = client.get("/?official=Đinh Quang Thắng").get_data(as_text=True)
    assert f"{POLICE}</a>" in page and f"{COUNCIL}</a>" in page
    hits = client.get("/api/search", query_string={"official": POLICE}).get_json()["hits"]
    assert [(h["id"], h["officials"]) for h in hits] == [("hn-ca", [POLICE])]
    profile = client.get(f"/api/officials/{COUNCIL}").get_json()  # each their own page
    assert profile["articles"] == 2 and [t["title"] for t in profile["titles"]] == [
        "Trưởng Ban Văn hóa - Xã hội HĐND TP Hà Nội"]
    assert client.get("/api/officials/Đinh Quang Thắng (Hà Nội)").status_code == 300  # which one?
    out = runner.invoke(cli, ["search", "--index", str(namesakes_index), "--official", COUNCIL])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("2 articles") and out.output.count(f"  {COUNCIL}\n") == 2
    assert POLICE not in out.output
    both = runner.invoke(cli, ["search", "--index", str(namesakes_index), "--official", "dinh quang thang"]).output
    assert both.startswith("3 articles") and f"hn-ca\n  {POLICE}\n" in both and f"hn-hd1\n  {COUNCIL}\n" in both
    listed = json.loads(runner.invoke(cli, ["officials", "--index", str(namesakes_index), "--query",
                                            "dinh quang thang", "--json"]).output)
    assert sorted((o["key"], o["count"]) for o in listed) == [(COUNCIL, 2), (POLICE, 1)]


@pytest.mark.parametrize(
    "a, b, apart",
    [
        ("Trưởng Công an phường Tân Mai", "Trưởng Ban Pháp chế HĐND TP", True),
        ("Thiếu tá", "Chủ tịch UBND xã Phú Mỹ", True),  # the press names police and soldiers by rank
        ("Trưởng phòng Cảnh sát kinh tế", "Giám đốc Vietcombank chi nhánh Hà Tây", True),
        ("Đại tá", "Phó Tổng Biên tập báo Lao động", True),
        ("Phó Chủ tịch UBND huyện Hưng Hà", "Chủ tịch Ủy ban Chứng khoán Nhà nước", True),  # a district, a central body
        ("Phó Vụ trưởng Vụ Pháp chế (Bộ Y tế)", "Phó Cục trưởng Cục Thuế (Tổng cục Thuế)", True),
        ("Giám đốc Công ty Xăng dầu Nghệ An", "Tổng Biên tập báo Nghệ An", True),
        # one career, or telling nothing
        ("Giám đốc Công an tỉnh Nghệ An", "Chủ tịch UBND tỉnh Nghệ An", False),  # a police chief chairs the province
        ("Thiếu tướng", "Phó Chủ tịch UBND TP Hà Nội", False),
        ("Đại tướng", "Bộ trưởng Bộ Ngoại giao", False),  # a minister's post tells nothing
        ("Giám đốc Công an tỉnh", "Ủy viên Ban Thường vụ Tỉnh ủy", False),  # nor a party's
        ("Tổng Giám đốc Công ty TNHH MTV Hòa Bình (Bộ Công an)", "Tổng Giám đốc Công ty TNHH MTV Hòa Bình", False),
        ("Trung tá", "người phát ngôn Lầu Năm Góc", False),  # a Pentagon spokesman
        ("Trung tá", "Người phát ngôn Bộ Quốc phòng Mỹ", False),
        ("Đại úy", "Giám đốc", False),  # a bare post
        ("Thượng tá", "đại biểu Quốc hội", False),  # a deputy's seat
        ("Trưởng Công an xã Tam Hồng", "nguyên Chủ tịch UBND xã Tam Hồng", False),  # a former post
        ("Giám đốc Bệnh viện đa khoa tỉnh", "Giám đốc Sở Y tế", False),  # a hospital and the state: one career
        ("Phó Giám đốc Sở Xây dựng", "Vụ trưởng Vụ Kế hoạch (Bộ Xây dựng)", False),  # a province to a ministry
        ("Cục trưởng Cục Trẻ em (Bộ LĐTBXH)", "Cục trưởng Cục Trẻ em (Bộ Lao động, Thương binh và Xã hội)", False),
        ("Phó Tổng cục trưởng Tổng cục Hải quan", "Vụ trưởng Vụ Ngân sách (Bộ Tài chính)", False),
    ],
)
def test_which_posts_one_person_cannot_hold(a, b, apart):
    """Two articles, one post each: two people, or one."""
    person = Person("Hà Văn Tâm", "Hà Văn Tâm", None, ("Hà Văn Tâm",))
    parts = split(person, {"Hà Văn Tâm": {1: [a], 2: [b]}})
    assert len(parts) == (2 if apart else 1)
    if apart:
        assert may_split([a, b]) and any(conflict(x, y) for x in bodies(a) for y in bodies(b))


def test_an_article_giving_both_posts_joins_them():
    person = Person("Trịnh Văn Đạo", "Trịnh Văn Đạo", None, ("Trịnh Văn Đạo",))
    apart = {2: ["Trưởng Công an xã Tam Hồng"], 3: ["Phó Chủ tịch UBND xã Tam Hồng"], 4: ["Bí thư Đảng ủy xã"]}
    parts = split(person, {"Trịnh Văn Đạo": apart})
    assert sorted((p.key, m["Trịnh Văn Đạo"]) for p, m in parts) == [
        ("Trịnh Văn Đạo (Phó Chủ tịch UBND xã Tam Hồng)", [3]),
        ("Trịnh Văn Đạo (Trưởng Công an xã Tam Hồng)", [2, 4]),  # (telling nothing: with the first)
    ]
    both = {1: ["Phó Chủ tịch UBND xã Tam Hồng", "Trưởng Công an xã Tam Hồng"], **apart}
    assert split(person, {"Trịnh Văn Đạo": both}) == [(person, {"Trịnh Văn Đạo": [1, 2, 3, 4]})]


def test_bodies_of_a_title_in_parts():
    assert bodies("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Nam") == {Body("gov", "province", top=True)}
    assert bodies("Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh") == {Body("gov", "province")}  # the council's, no party's
    assert bodies("Chủ tịch HĐQT Sở Giao dịch Chứng khoán TP.HCM") == {Body("firm", "province")}


def test_the_namesakes_keys_are_the_same_however_the_archive_is_indexed(namesakes_index, tmp_path):
    """A facet value is a link: the same articles indexed in another order, in two runs, give
    the same people under the same keys."""
    again = tmp_path / "index"
    half = len(ARTICLES) // 2
    indexing.update(again, [write_jsonl(tmp_path / "a.jsonl", ARTICLES[half:][::-1])])
    indexing.update(again, [write_jsonl(tmp_path / "b.jsonl", ARTICLES[:half][::-1])])

    def facet(index):
        return {(c.value, c.count) for c in Searcher(index).search(SearchRequest()).facets["official"]}

    assert facet(again) == facet(namesakes_index)


def test_an_article_rewritten_without_the_namesake_leaves_one_person(tmp_path):
    """The police chief's only article, indexed again naming someone else (its old version
    deleted in the index), leaves one person of the name: deleted articles tell nothing."""
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "a.jsonl", ARTICLES)])
    rewritten = {**ARTICLES[0], "body": ARTICLES[0]["body"].replace("Đinh Quang Thắng", "Lò Văn Tú")}
    indexing.update(index, [write_jsonl(tmp_path / "b.jsonl", [rewritten])])
    result = Searcher(index).search(SearchRequest(officials=("Đinh Quang Thắng",)))
    assert sorted(h.id for h in result.hits) == ["hn-hd1", "hn-hd2"]
    assert [(c.value, c.count) for c in result.facets["official"]] == [("Đinh Quang Thắng", 2)]
