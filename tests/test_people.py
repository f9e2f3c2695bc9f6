"""People, not strings (issue #11, item 4): one entry per person in the officials facet,
namesakes in different places kept apart, in the facet on the web, the JSON API and the CLI."""

import json

import pytest

from indexer import indexing, normalize
from indexer.cli import cli
from indexer.officials import CENTRAL, person_place
from indexer.people import UNPLACED, group
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl
from webui import create_app


@pytest.mark.parametrize(
    "titles, place",
    [
        (["Phó Chủ tịch UBND tỉnh Quảng Nam"], "Quảng Nam"),
        (["Bí thư Thành ủy TP.HCM"], "Hồ Chí Minh"),  # a province's other spellings
        (["Phó Giám đốc Sở Y tế TPHCM"], "Hồ Chí Minh"),
        (["Phó Giám đốc Công an tỉnh Thừa Thiên – Huế"], "Thừa Thiên Huế"),
        (["Chủ tịch UBND TP Nha Trang"], "Khánh Hòa"),  # a city, for its province
        (["Chủ tịch UBND tỉnh Khánh Hoà"], "Khánh Hòa"),  # tone placement
        (["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Sơn La"], "Sơn La"),  # the province wins
        (["Thứ trưởng Bộ Y tế"], CENTRAL),
        (["Cục trưởng Cục Thuế tỉnh Nam Định"], "Nam Định"),
        (["Ngoại trưởng Nga"], "Nga"),
        (["Tư lệnh Hạm đội Thái Bình Dương Mỹ"], "Mỹ"),  # an ocean is no province
        (["Chủ tịch UBND xã Tân An"], None),  # a commune: no province said
        (["Đại biểu Quốc hội"], None),  # a deputy's seat is no national post
        (["Đại biểu Quốc hội tỉnh Ninh Bình", "Bộ trưởng Bộ Tài chính"], CENTRAL),  # nor a province's
        (["Chi cục trưởng Chi cục Kiểm lâm"], None),
        (["Phó Giám đốc Bệnh viện Việt Đức"], None),  # a country after "Việt" names a body
        (["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"], None),  # a province's post, the province unsaid
        (["Ủy viên T.Ư Đảng", "Phó Bí thư Thường trực Thành ủy"], None),
        (["Đại sứ Hoa Kỳ"], "Mỹ"),  # a country's other names
        (["Chủ tịch Hội hữu nghị Việt Nam - Cuba"], None),
        (["Chủ tịch UBND TP Huế"], "Thừa Thiên Huế"),
        (["Trưởng khoa Ngoại thần kinh BVĐK tỉnh Đắc Lắc"], "Đắk Lắk"),  # a province's other spellings
        (["GIÁM ĐỐC BAN QLDA ĐẦU TƯ XÂY DỰNG TỈNH"], None),  # capitals: "TƯ" is no "Trung ương"
        (["Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam TP. Thủ Đức"], None),  # a city's name, no country
        (["Thủ tướng Cộng hòa Liên bang Đức"], "Đức"),
    ],
)
def test_place_of_a_person_from_their_titles(titles, place):
    assert person_place(titles) == place


def test_a_foreign_name_has_no_place():
    assert person_place(["Bộ trưởng Nội vụ"], "Gerard Collomb") is None
    assert person_place(["Đại sứ Mỹ tại Việt Nam"], "Ted Osius") is None
    assert person_place(["Bộ trưởng Nội vụ"], "Trần Văn An") == CENTRAL


def test_a_country_and_national_posts_without_it_are_one_person():
    titles = {"Vương Nghị (Trung Quốc)": {"Ngoại trưởng Trung Quốc": 4}, f"Vương Nghị ({CENTRAL})": {"Bộ trưởng Ngoại giao": 1}}
    assert [p.key for p in group({k: 1 for k in titles}, _titles(titles))] == ["Vương Nghị"]


def _titles(table: dict[str, dict[str, int]]):
    return lambda key: table.get(key, {})


def test_one_place_and_no_place_are_one_person():
    people = group({"Lê Văn Hoa (Khánh Hòa)": 3, "Lê Văn Hoa": 2}, _titles({}))
    assert [(p.key, p.place, sorted(p.members), p.detail) for p in people] == [
        ("Lê Văn Hoa", "Khánh Hòa", ["Lê Văn Hoa", "Lê Văn Hoa (Khánh Hòa)"], None)
    ]


def test_a_committee_glued_to_its_level_is_the_same_post():
    # "Chủ tịch UBNDTP" (no space, no city) made the Đà Nẵng chairman a second entry (facet seed 52)
    titles = {"Huỳnh Đức Thơ (Đà Nẵng)": {"Chủ tịch UBND TP Đà Nẵng": 6}, "Huỳnh Đức Thơ": {"Chủ tịch UBNDTP": 1}}
    assert [p.key for p in group({"Huỳnh Đức Thơ (Đà Nẵng)": 6, "Huỳnh Đức Thơ": 1}, _titles(titles))] == [
        "Huỳnh Đức Thơ"]


def test_no_place_and_a_body_no_title_of_the_place_names_are_two_people():
    titles = {
        "Lê Văn Bảy (Lai Châu)": {"Giám đốc Công an tỉnh Lai Châu": 1, "Thiếu tướng": 1},
        "Lê Văn Bảy": {"Chủ tịch UBND xã Vân Xuân": 1},
    }
    people = {p.key: p.detail for p in group({k: 1 for k in titles}, _titles(titles))}
    assert people == {"Lê Văn Bảy (Lai Châu)": "Giám đốc Công an tỉnh Lai Châu",
                      f"Lê Văn Bảy ({UNPLACED})": "Chủ tịch UBND xã Vân Xuân"}
    # ... but the same post without its place, written long, is the same person's
    titles = {"Lê Văn Bảy (Nghệ An)": {"Chủ tịch UBND tỉnh Nghệ An": 2}, "Lê Văn Bảy": {"Chủ tịch Ủy ban nhân dân tỉnh": 1}}
    assert [p.key for p in group({k: 1 for k in titles}, _titles(titles))] == ["Lê Văn Bảy"]
    titles = {"Huỳnh Như Đồng (Đắk Lắk)": {"Trưởng Khoa Ngoại Thần kinh, Bệnh viện Đa khoa tỉnh Đắk Lắk": 1},
              "Huỳnh Như Đồng": {"Trưởng khoa Ngoại thần kinh BVĐK tỉnh": 1}}
    assert [p.key for p in group({k: 1 for k in titles}, _titles(titles))] == ["Huỳnh Như Đồng"]
    # ... and a town's vice-chairman is not another town's
    titles = {"Lê Văn Bảy (Hà Nội)": {"Phó Chủ tịch UBND TP Hà Nội": 2}, "Lê Văn Bảy": {"Phó Chủ tịch UBND TP Hội An": 1}}
    assert len(group({k: 1 for k in titles}, _titles(titles))) == 2
    # ... and a commune's chairman is not the province's
    titles = {"Lê Văn Bảy (Nghệ An)": {"Phó Chủ tịch UBND tỉnh Nghệ An": 2}, "Lê Văn Bảy": {"Phó Chủ tịch UBND xã Quỳnh Lập": 1}}
    assert len(group({k: 1 for k in titles}, _titles(titles))) == 2


def test_a_rank_alone_and_a_civilian_post_are_two_people():
    """Issue #11, round 5: the press names soldiers and police officers by their rank."""
    titles = {"Lê Văn Hùng (Hà Tĩnh)": {"Chủ tịch UBND xã Đức Liên": 1}, "Lê Văn Hùng": {"Thiếu tá": 1}}
    people = {p.key: p.detail for p in group({k: 1 for k in titles}, _titles(titles))}
    assert people == {"Lê Văn Hùng (Hà Tĩnh)": "Chủ tịch UBND xã Đức Liên", f"Lê Văn Hùng ({UNPLACED})": "Thiếu tá"}
    # ... but a rank beside a post of the police is the same person's
    titles = {"Lê Văn Hùng (Hà Tĩnh)": {"Trưởng Công an huyện Vũ Quang": 1}, "Lê Văn Hùng": {"Thiếu tá": 1}}
    assert [p.key for p in group({k: 1 for k in titles}, _titles(titles))] == ["Lê Văn Hùng"]


def test_namesakes_in_two_provinces_are_two_people_with_their_titles():
    titles = {
        "Lê Văn Hoa (Khánh Hòa)": {"Phó Giám đốc Sở Văn hóa tỉnh Khánh Hòa": 3},
        "Lê Văn Hoa (Thanh Hóa)": {"Phó Giám đốc Sở GD&ĐT Thanh Hóa": 1},
        "Lê Văn Hoa": {"Phó Giám đốc Sở": 1},
    }
    people = {p.key: p for p in group({k: 1 for k in titles}, _titles(titles))}
    assert set(people) == {"Lê Văn Hoa (Khánh Hòa)", "Lê Văn Hoa (Thanh Hóa)", f"Lê Văn Hoa ({UNPLACED})"}
    assert people["Lê Văn Hoa (Thanh Hóa)"].detail == "Phó Giám đốc Sở GD&ĐT Thanh Hóa"
    assert people[f"Lê Văn Hoa ({UNPLACED})"].members == ("Lê Văn Hoa",)


def test_a_national_title_in_common_makes_two_places_one_person():
    """A leader who moved from a province to a ministry keeps one entry."""
    titles = {
        "Trần Văn An (Hồ Chí Minh)": {"Bí thư Thành ủy TP.HCM": 5, "Ủy viên Bộ Chính trị": 4},
        f"Trần Văn An ({CENTRAL})": {"Phó Thủ tướng Chính phủ": 6, "Ủy viên Bộ Chính trị": 3},
        "Trần Văn An": {"Ủy viên Bộ Chính trị": 1},
    }
    people = group({"Trần Văn An (Hồ Chí Minh)": 5, f"Trần Văn An ({CENTRAL})": 6, "Trần Văn An": 1}, _titles(titles))
    assert [(p.key, p.place, len(p.members)) for p in people] == [("Trần Văn An", CENTRAL, 3)]


def test_articles_without_a_place_join_the_namesake_they_share_a_national_title_with():
    titles = {
        "Vũ Văn Tám (Quảng Ninh)": {"Phó Chủ tịch UBND tỉnh Quảng Ninh": 2},
        f"Vũ Văn Tám ({CENTRAL})": {"Thứ trưởng Bộ NN&PTNT": 4},
        "Vũ Văn Tám": {"Thứ trưởng Bộ NN&PTNT": 1, "Đại tá": 1},
    }
    people = {p.key: p for p in group({k: 1 for k in titles}, _titles(titles))}
    assert set(people) == {"Vũ Văn Tám (Quảng Ninh)", f"Vũ Văn Tám ({CENTRAL})"}
    assert set(people[f"Vũ Văn Tám ({CENTRAL})"].members) == {f"Vũ Văn Tám ({CENTRAL})", "Vũ Văn Tám"}


ARTICLES = [
    {"id": "kh1", "title": "Khánh Hòa khai mạc lễ hội", "date": "2024-03-01",
     "body": "Ông Lê Văn Hoa, Phó Giám đốc Sở Văn hóa và Thể thao tỉnh Khánh Hòa cho biết lễ hội kéo dài ba ngày."},
    {"id": "kh2", "title": "Nha Trang đón khách", "date": "2024-03-02",
     "body": "Phó Giám đốc Sở Văn hóa và Thể thao tỉnh Khánh Hoà Lê Văn Hoa kiểm tra các điểm đón khách. "
             "Ông Hoa đề nghị các đơn vị giữ vệ sinh."},
    {"id": "th1", "title": "Thanh Hóa tuyển sinh lớp 10", "date": "2024-03-03",
     "body": "Ông Lê Văn Hoa, Phó Giám đốc Sở Giáo dục và Đào tạo Thanh Hóa cho biết năm nay có 40.000 thí sinh."},
    # one person, spelled and shortened in several ways across articles
    {"id": "qn1", "title": "Quảng Nam họp báo", "date": "2024-03-04",
     "body": "Phó Chủ tịch UBND tỉnh Quảng Nam Hồ Quang Bửu chủ trì họp báo."},
    {"id": "qn2", "title": "Kiểm tra tuyến đê biển", "date": "2024-03-05",  # (names no province)
     "body": "Ông HỒ QUANG BỬU, Phó Chủ tịch UBND tỉnh, kiểm tra tuyến đê. Ông Bửu yêu cầu gia cố ngay."},
]


@pytest.fixture(scope="module")
def people_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("people")
    src = write_jsonl(root / "src" / "articles.jsonl", ARTICLES)
    indexing.update(root / "index", [src])
    return root / "index"


def test_facet_counts_people_and_keeps_namesakes_apart(people_index):
    result = Searcher(people_index).search(SearchRequest())
    facet = {c.value: (c.count, c.detail) for c in result.facets["official"]}
    assert facet == {
        "Lê Văn Hoa (Khánh Hòa)": (2, "Phó Giám đốc Sở Văn hóa và Thể thao tỉnh Khánh Hòa"),
        "Lê Văn Hoa (Thanh Hóa)": (1, "Phó Giám đốc Sở Giáo dục và Đào tạo Thanh Hóa"),
        "Hồ Quang Bửu": (2, None),
    }


def test_a_namesake_filters_their_own_articles_and_a_bare_name_all_of_them(people_index):
    searcher = Searcher(people_index)
    one = searcher.search(SearchRequest(officials=("le van hoa (thanh hoa)",)))
    assert [h.id for h in one.hits] == ["th1"]
    both = searcher.search(SearchRequest(officials=("Lê Văn Hoa",)))
    assert sorted(h.id for h in both.hits) == ["kh1", "kh2", "th1"]


def test_an_articles_official_maps_to_their_person(people_index):
    searcher = Searcher(people_index)
    officials = {o.name: o for o in searcher.article("th1").officials}
    assert officials["Lê Văn Hoa"].key == "Lê Văn Hoa (Thanh Hóa)"
    assert searcher.person_key(officials["Lê Văn Hoa"]) == "Lê Văn Hoa (Thanh Hóa)"
    one = {o.name: o for o in searcher.article("qn2").officials}["Hồ Quang Bửu"]
    assert (one.key, searcher.person_key(one)) == ("Hồ Quang Bửu", "Hồ Quang Bửu")


def _tones(text: str) -> str:
    return " ".join(normalize.unify_tone(w) for w in text.split())


def test_namesakes_on_the_web_and_in_the_json_api(people_index):
    client = create_app({"INDEX_DIR": str(people_index), "TESTING": True}).test_client()
    page = client.get("/").get_data(as_text=True)
    assert "Lê Văn Hoa (Thanh Hóa)</a> <span class=\"detail\">Phó Giám đốc Sở Giáo dục và Đào tạo Thanh Hóa</span>" in page
    assert "Lê Văn Hoa (Khánh Hòa)</a>" in page
    found = client.get("/api/officials?q=le van hoa").get_json()
    # (one title however its tone marks are placed: "Khánh Hòa", "Khánh Hoà")
    assert sorted((o["key"], o["place"], o["count"], _tones(o["titles"][0]["value"])) for o in found) == [
        ("Lê Văn Hoa (Khánh Hòa)", "Khánh Hòa", 2, _tones("Phó Giám đốc Sở Văn hóa và Thể thao tỉnh Khánh Hòa")),
        ("Lê Văn Hoa (Thanh Hóa)", "Thanh Hóa", 1, _tones("Phó Giám đốc Sở Giáo dục và Đào tạo Thanh Hóa")),
    ]
    facet = client.get("/api/search").get_json()["facets"]["official"]
    assert {(c["value"], c.get("detail")) for c in facet if c["value"].startswith("Lê Văn Hoa")} == {
        ("Lê Văn Hoa (Khánh Hòa)", "Phó Giám đốc Sở Văn hóa và Thể thao tỉnh Khánh Hòa"),
        ("Lê Văn Hoa (Thanh Hóa)", "Phó Giám đốc Sở Giáo dục và Đào tạo Thanh Hóa"),
    }
    filtered = client.get("/api/search?official=Lê Văn Hoa (Khánh Hòa)").get_json()
    assert sorted(h["id"] for h in filtered["hits"]) == ["kh1", "kh2"]


def test_namesakes_in_the_cli(runner, people_index):
    out = runner.invoke(cli, ["officials", "--index", str(people_index), "--query", "le van hoa"])
    assert out.exit_code == 0, out.output
    assert "     1  Lê Văn Hoa (Thanh Hóa)  (Phó Giám đốc Sở Giáo dục và Đào tạo Thanh Hóa)" in out.output
    data = json.loads(runner.invoke(cli, ["officials", "--index", str(people_index), "--json"]).output)
    bửu = next(o for o in data if o["name"] == "Hồ Quang Bửu")
    assert (bửu["key"], bửu["place"], bửu["count"]) == ("Hồ Quang Bửu", "Quảng Nam", 2)


def test_namesakes_have_a_page_each_and_hits_link_to_their_own(people_index, runner):
    """Issue #16 on #11's people: two people who share a name are two official pages."""
    client = create_app({"INDEX_DIR": str(people_index), "TESTING": True}).test_client()
    hit = next(h for h in client.get("/api/search?q=tuyen+sinh").get_json()["hits"] if h["id"] == "th1")
    assert "Lê Văn Hoa (Thanh Hóa)" in hit["officials"]
    thanh_hoa = client.get("/api/officials/Lê Văn Hoa (Thanh Hóa)").get_json()
    assert [t["title"] for t in thanh_hoa["titles"]] == ["Phó Giám đốc Sở Giáo dục và Đào tạo Thanh Hóa"]
    assert thanh_hoa["articles"] == 1
    khanh_hoa = client.get("/api/officials/le van hoa (khanh hoa)").get_json()
    assert khanh_hoa["articles"] == 2 and all("Thanh Hóa" not in t["title"] for t in khanh_hoa["titles"])
    # the bare name stands for both: the page asks which one
    assert client.get("/api/officials/Lê Văn Hoa").status_code == 300
    page = client.get("/?q=tuyen+sinh").get_data(as_text=True)
    assert "/official/L%C3%AA%20V%C4%83n%20Hoa%20(Thanh%20H%C3%B3a)" in page
    out = runner.invoke(cli, ["officials", "Lê Văn Hoa (Thanh Hóa)", "--index", str(people_index)])
    assert out.exit_code == 0 and "Sở Giáo dục và Đào tạo Thanh Hóa" in out.output and "Khánh" not in out.output
