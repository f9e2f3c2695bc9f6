"""Careers, not namesakes (issue #11, round 13): one person's career across a province and
the centre is one entry (a province's chairman who became a minister, a minister who came to
lead a city's party), and so is one post an article places in another province, a name's
articles that give no place but fit one person's titles however written, and a foreign name's
spellings; namesakes whose posts cannot be one career stay apart (a province's vice-chairman
and a former minister, a town's chairman and a minister, two members of the Central
Committee). Through a real index, the search API, the web and the CLI; every article here
is written for this test."""

import json

import pytest

from indexer import indexing
from indexer.cli import cli
from indexer.officials import CENTRAL
from indexer.people import UNPLACED, group
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl
from webui import create_app

ARTICLES = [
    # one career: a province's chairman (2017), then a minister (2025), and once "Chủ tịch UBND tỉnh" unplaced
    {"id": "ct-1", "title": "Thái Bình đón nhà đầu tư Nhật Bản", "date": "2017-05-02",
     "body": "Ông Phan Khắc Điềm, Chủ tịch UBND tỉnh Thái Bình tiếp đoàn doanh nghiệp và giới thiệu các khu công nghiệp."},
    {"id": "ct-2", "title": "Họp bàn giá điện mùa khô", "date": "2025-03-11",
     "body": "Bộ trưởng Bộ Công Thương Phan Khắc Điềm chủ trì cuộc họp với các tập đoàn năng lượng."},
    {"id": "ct-3", "title": "Kiểm tra tiến độ cầu vượt sông", "date": "2017-08-20",
     "body": "Ông Phan Khắc Điềm, Chủ tịch UBND tỉnh, yêu cầu nhà thầu hoàn thành trước mùa mưa."},
    # one career: a minister (2013), then a city's party secretary (2017), and once "Bí thư Thành ủy" unplaced
    {"id": "bt-1", "title": "Khởi công tuyến cao tốc", "date": "2013-04-09",
     "body": "Bộ trưởng Bộ Giao thông vận tải Hoàng Kỳ Lân dự lễ khởi công và yêu cầu bảo đảm chất lượng."},
    {"id": "bt-2", "title": "Thành ủy họp về chống ngập", "date": "2017-06-14",
     "body": "Bí thư Thành ủy TP.HCM Hoàng Kỳ Lân yêu cầu các quận báo cáo tiến độ chống ngập."},
    {"id": "bt-3", "title": "Đối thoại với thanh niên", "date": "2017-07-01",
     "body": "Ông Hoàng Kỳ Lân, Bí thư Thành ủy trả lời câu hỏi của các bạn trẻ về khởi nghiệp."},
    # namesakes: a province's vice-chairman and a former minister, in the same year
    {"id": "ns-1", "title": "Hưng Yên khánh thành cầu", "date": "2017-09-01",
     "body": "Phó Chủ tịch UBND tỉnh Hưng Yên Lã Văn Tường cắt băng khánh thành cây cầu mới."},
    {"id": "ns-2", "title": "Hội thảo về đất đai", "date": "2017-09-02",
     "body": "Ông Lã Văn Tường, nguyên Bộ trưởng Bộ Tài nguyên và Môi trường phát biểu tại hội thảo."},
    # namesakes: a town's chairman and a minister
    {"id": "ns-3", "title": "Hội An đón khách quốc tế", "date": "2017-02-03",
     "body": "Ông Lê Thế Vĩnh, Chủ tịch UBND TP Hội An (Quảng Nam) cho biết lượng khách tăng mạnh."},
    {"id": "ns-4", "title": "Sửa luật thi hành án", "date": "2017-02-04",
     "body": "Bộ trưởng Bộ Tư pháp Lê Thế Vĩnh trình bày tờ trình dự án luật."},
    # one foreign minister, his name written two ways
    {"id": "fr-1", "title": "Hội đàm Việt Nam - Nga", "date": "2017-03-03",
     "body": "Ngoại trưởng Nga Dmitry Sokolov hội đàm với người đồng cấp Việt Nam tại Hà Nội."},
    {"id": "fr-2", "title": "Nga bàn về an ninh khu vực", "date": "2017-03-09",
     "body": "Ngoại trưởng Nga Dmitri Sokolov cho biết hai nước sẽ tăng cường hợp tác."},
    {"id": "fr-3", "title": "Tuyên bố chung", "date": "2017-03-10",
     "body": "Ngoại trưởng Nga Dmitri Sokolov ký tuyên bố chung."},
]


@pytest.fixture(scope="module")
def careers_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("careers")
    indexing.update(root / "index", [write_jsonl(root / "src" / "articles.jsonl", ARTICLES)])
    return root / "index"


def test_a_career_between_a_province_and_the_centre_is_one_entry_and_namesakes_stay_apart(careers_index):
    facet = {c.value: c.count for c in Searcher(careers_index).search(SearchRequest()).facets["official"]}
    assert facet == {
        "Phan Khắc Điềm": 3,  # Chủ tịch UBND tỉnh Thái Bình, then Bộ trưởng Bộ Công Thương
        "Hoàng Kỳ Lân": 3,  # Bộ trưởng, then Bí thư Thành ủy TP.HCM
        "Lã Văn Tường (Hưng Yên)": 1, f"Lã Văn Tường ({CENTRAL})": 1,  # a vice-chairman leads no province
        "Lê Thế Vĩnh (Quảng Nam)": 1, f"Lê Thế Vĩnh ({CENTRAL})": 1,  # Hội An is a town, not a province
        "Dmitri Sokolov": 3,  # the spelling most used
    }


def test_a_career_is_one_person_to_search_the_cli_and_the_web(careers_index, runner):
    searcher = Searcher(careers_index)
    assert searcher.resolve_official("Phan Khắc Điềm") == ["Phan Khắc Điềm"]
    hits = searcher.search(SearchRequest(officials=("Phan Khắc Điềm",))).hits
    assert sorted(h.id for h in hits) == ["ct-1", "ct-2", "ct-3"]
    assert sorted(h.id for h in searcher.search(SearchRequest(officials=("Dmitry Sokolov",))).hits) == [
        "fr-1", "fr-2", "fr-3"]  # (the other spelling, as typed: the same person)
    assert searcher.resolve_official("dmitry sokolov") == ["Dmitri Sokolov"]  # (typed without capitals too)
    out = runner.invoke(cli, ["officials", "Phan Khắc Điềm", "--index", str(careers_index)])
    assert out.exit_code == 0, out.output  # it said: "stands for 2 people … Give the name as written."
    assert "Chủ tịch UBND tỉnh Thái Bình" in out.output and "Bộ trưởng Bộ Công Thương" in out.output
    data = json.loads(runner.invoke(cli, ["officials", "--index", str(careers_index), "--json"]).output)
    assert [(o["key"], o["count"]) for o in data if o["name"] == "Hoàng Kỳ Lân"] == [("Hoàng Kỳ Lân", 3)]
    client = create_app({"INDEX_DIR": str(careers_index), "TESTING": True}).test_client()
    page = client.get("/api/officials/Hoàng Kỳ Lân")
    assert page.status_code == 200 and page.get_json()["articles"] == 3
    assert client.get("/api/officials/Lã Văn Tường").status_code == 300  # two people: which one?


def _titles(table: dict[str, dict[str, int]]):
    return lambda key: table.get(key, {})


def _keys(table: dict[str, dict[str, int]]) -> list[str]:
    return sorted(p.key for p in group({k: sum(v.values()) or 1 for k, v in table.items()}, _titles(table)))


@pytest.mark.parametrize(
    "table, people",
    [
        # a province's chairman, a minister: one career, the unplaced article fits it
        ({"Hà Minh Khiêm (Thái Bình)": {"Chủ tịch UBND tỉnh Thái Bình": 2},
          f"Hà Minh Khiêm ({CENTRAL})": {"Bộ trưởng": 4, "Bộ trưởng Công Thương": 1}},
         ["Hà Minh Khiêm"]),
        # a city's party secretary and a deputy prime minister (the city is a province)
        ({"Đặng Gia Thụy (Hà Nội)": {"Bí thư Thành ủy Hà Nội": 11, "Ủy viên Bộ Chính trị": 6},
          f"Đặng Gia Thụy ({CENTRAL})": {"Phó thủ tướng Chính phủ": 1}},
         ["Đặng Gia Thụy"]),
        # a province's deputy party secretary, then the youth union's standing secretary
        ({"Quan Văn Mạnh (Bến Tre)": {"Phó Bí thư thường trực Tỉnh ủy Bến Tre": 1},
          f"Quan Văn Mạnh ({CENTRAL})": {"Bí thư thường trực T.Ư Đoàn": 2}},
         ["Quan Văn Mạnh"]),
        # namesakes: a province's secretary, a state firm's head on the Central Committee (a
        # membership is held beside a province's lead: it tells no move)
        ({"Tạ Đình Khang (Bình Thuận)": {"Bí thư Tỉnh ủy Bình Thuận": 1},
          f"Tạ Đình Khang ({CENTRAL})": {"Tổng giám đốc Tập đoàn Viễn thông Quân đội": 1,
                                          "Ủy viên Trung ương Đảng": 1}},
         ["Tạ Đình Khang (Bình Thuận)", f"Tạ Đình Khang ({CENTRAL})"]),
        # namesakes: a province's vice-chairman, a former minister
        ({"Lã Văn Tường (Hưng Yên)": {"Phó Chủ tịch UBND tỉnh Hưng Yên": 3},
          f"Lã Văn Tường ({CENTRAL})": {"nguyên Bộ trưởng": 1}},
         ["Lã Văn Tường (Hưng Yên)", f"Lã Văn Tường ({CENTRAL})"]),
        # namesakes: a town's chairman (of a province's town, "TP.Huế"), a deputy minister of the police
        ({"Tôn Thất Quyền (Thừa Thiên Huế)": {"chủ tịch UBND TP.Huế": 1},
          f"Tôn Thất Quyền ({CENTRAL})": {"Thứ trưởng Bộ Công an": 3, "Ủy viên trung ương Đảng": 1}},
         ["Tôn Thất Quyền (Thừa Thiên Huế)", f"Tôn Thất Quyền ({CENTRAL})"]),
        # namesakes: a province's chairman and a deputy head of a department of the central bank
        ({"Kiều Đức Lượng (Quảng Ninh)": {"Chủ tịch UBND tỉnh Quảng Ninh": 4},
          f"Kiều Đức Lượng ({CENTRAL})": {"Phó Vụ trưởng Vụ Chính sách Tiền tệ NHNN": 1}},
         ["Kiều Đức Lượng (Quảng Ninh)", f"Kiều Đức Lượng ({CENTRAL})"]),
    ],
)
def test_a_province_lead_and_a_lead_at_the_centre_are_one_career(table, people):
    assert _keys(table) == sorted(people)


@pytest.mark.parametrize(
    "table, people",
    [
        # one district's post placed in two provinces by two articles: one post, one person
        ({"Mạc Thế Thuận (Hồ Chí Minh)": {"Chủ tịch UBND quận 1": 4},
          "Mạc Thế Thuận (Thái Bình)": {"Chủ tịch UBND quận 1": 1}},
         ["Mạc Thế Thuận"]),
        ({"Ninh Thị Anh Thư (Đà Nẵng)": {"Chủ tịch UBND Q. Ngũ Hành Sơn": 1},  # (a district written short)
          "Ninh Thị Anh Thư (Quảng Nam)": {"Chủ tịch UBND quận Ngũ Hành Sơn": 1}},
         ["Ninh Thị Anh Thư"]),
        # a rank alone, the same, in two places (a team an article places in another province)
        ({"Quách Văn Tuấn (Hà Nội)": {"Đại úy": 1}, "Quách Văn Tuấn (Kon Tum)": {"Đại úy": 1}},
         ["Quách Văn Tuấn"]),
        ({"Lò Xuân Thành (Bạc Liêu)": {"Trung tá": 1}, "Lò Xuân Thành (Hà Nội)": {"Thượng úy": 2}},  # (two ranks)
         ["Lò Xuân Thành (Bạc Liêu)", "Lò Xuân Thành (Hà Nội)"]),
        ({"Bế Anh Đức (Bình Định)": {"thượng úy": 1},  # (one rank in common, and the unplaced give it too)
          "Bế Anh Đức (Hà Tĩnh)": {"thượng úy": 11, "Thượng úy": 6, "Trung úy": 1}, "Bế Anh Đức": {"thượng úy": 2}},
         ["Bế Anh Đức"]),
        # two communes' chairmen in two provinces: two people
        ({"Lưu Văn Truyền (Hà Tĩnh)": {"Chủ tịch UBND xã Sơn Trường": 1},
          "Lưu Văn Truyền (Long An)": {"Chủ tịch UBND xã Lạc Tấn, huyện Tân Trụ": 1}},
         ["Lưu Văn Truyền (Hà Tĩnh)", "Lưu Văn Truyền (Long An)"]),
    ],
)
def test_one_named_local_post_in_two_places_is_one_person(table, people):
    assert _keys(table) == sorted(people)


@pytest.mark.parametrize(
    "table, people",
    [
        # titles written short or long, beside namesakes elsewhere: the one person they fit
        ({f"Mẫn Tiến Dũng ({CENTRAL})": {"Chủ nhiệm Văn phòng Chính phủ": 22, "Bộ trưởng": 26},
          "Mẫn Tiến Dũng (Đắk Nông)": {"Phó Chủ tịch HĐND xã": 1},
          "Mẫn Tiến Dũng": {"Chủ nhiệm VP Chính Phủ": 1}},
         [f"Mẫn Tiến Dũng ({CENTRAL})", "Mẫn Tiến Dũng (Đắk Nông)"]),
        ({"Chu Phú Hữu (Hà Nội)": {"Giám đốc Sở NN&PTNT Hà Nội": 2,
                                    "Giám đốc Sở Nông nghiệp và phát triển nông thôn thành phố Hà Nội": 1},
          "Chu Phú Hữu": {"Giám đốc Sở Nông nghiệp Phát triển nông thôn Hà Nội": 1}},
         ["Chu Phú Hữu"]),
        ({f"Lương Hòa Bình ({CENTRAL})": {"Chánh án Tòa án Nhân dân Tối cao": 1, "Bí thư Trung ương Đảng": 2},
          "Lương Hòa Bình": {"Chánh án TANDTC": 1}},  # (the initials of six words)
         ["Lương Hòa Bình"]),
        # beside one person only, one title that fits is enough ("VOV" fits nothing, "Đài TNVN" does)
        ({f"Ngô Thế Kỷ ({CENTRAL})": {"Tổng Giám đốc Đài Tiếng nói Việt Nam": 3, "Ủy viên Trung ương Đảng": 1},
          "Ngô Thế Kỷ": {"Tổng Giám đốc Đài TNVN": 1, "Tổng Giám đốc VOV": 1}},
         ["Ngô Thế Kỷ"]),
        # a deputy's seat tells nothing: a minister sits for a province
        ({f"Đinh Quốc Hưng ({CENTRAL})": {"Bộ trưởng Bộ Tài chính": 14},
          "Đinh Quốc Hưng": {"Đại biểu Quốc hội tỉnh Ninh Bình": 1}},
         ["Đinh Quốc Hưng"]),
        # placed by a rank alone, and the unplaced articles give the same rank with a post of the police
        ({"Hà Mạnh Cường (Hà Nội)": {"Đại tá": 1}, "Hà Mạnh Cường": {"Trưởng CAQ Hoàn Kiếm": 2, "Đại tá": 2}},
         ["Hà Mạnh Cường"]),
        # a commune's former chairman fits no one: apart
        ({f"Đàm Văn Sơn ({CENTRAL})": {"Thứ trưởng Bộ Công an": 1, "ĐB": 2},
          "Đàm Văn Sơn (Quảng Nam)": {"Phó Chủ tịch Ủy ban Nhân dân thành phố Hội An": 1},
          "Đàm Văn Sơn": {"cựu chủ tịch xã Đồng Tâm": 1, "Đại biểu": 1}},
         [f"Đàm Văn Sơn ({CENTRAL})", "Đàm Văn Sơn (Quảng Nam)", f"Đàm Văn Sơn ({UNPLACED})"]),
        # a bare post that begins one person's titles: theirs
        ({"Ngô Quốc Cường (Nhật Bản)": {"Đại sứ Việt Nam tại Nhật Bản": 3},
          "Ngô Quốc Cường (Thừa Thiên Huế)": {"Phó Chủ tịch UBND huyện A Lưới": 1},
          "Ngô Quốc Cường": {"Đại sứ": 2}},
         ["Ngô Quốc Cường (Nhật Bản)", "Ngô Quốc Cường (Thừa Thiên Huế)"]),
        # ... not one that begins no one's (the director of a project board, beside a city's vice-chairman)
        ({"Lý Văn Khoa (Hồ Chí Minh)": {"Phó Chủ tịch UBND TP HCM": 18},
          "Lý Văn Khoa (Lâm Đồng)": {"Phó Giám đốc Trung tâm bồi dưỡng chính trị TP Bảo Lộc": 1},
          "Lý Văn Khoa": {"giám đốc": 1}},
         ["Lý Văn Khoa (Hồ Chí Minh)", "Lý Văn Khoa (Lâm Đồng)", f"Lý Văn Khoa ({UNPLACED})"]),
        ({"Vi Anh Tú (Hà Nội)": {"Trung tá": 1}, f"Vi Anh Tú ({CENTRAL})": {"Cục trưởng Cục Hóa chất": 1},
          "Vi Anh Tú": {"Tổng Biên tập": 1}},
         ["Vi Anh Tú (Hà Nội)", f"Vi Anh Tú ({CENTRAL})", f"Vi Anh Tú ({UNPLACED})"]),
    ],
)
def test_articles_that_give_no_place_join_the_one_person_they_fit(table, people):
    assert _keys(table) == sorted(people)


def test_the_titles_fit_join_the_unplaced_articles_to_their_person():
    table = {f"Mẫn Tiến Dũng ({CENTRAL})": {"Chủ nhiệm Văn phòng Chính phủ": 22},
             "Mẫn Tiến Dũng (Đắk Nông)": {"Phó Chủ tịch HĐND xã": 1}, "Mẫn Tiến Dũng": {"Chủ nhiệm VP Chính Phủ": 1}}
    people = {p.key: set(p.members) for p in group({k: 1 for k in table}, _titles(table))}
    assert people[f"Mẫn Tiến Dũng ({CENTRAL})"] == {f"Mẫn Tiến Dũng ({CENTRAL})", "Mẫn Tiến Dũng"}


@pytest.mark.parametrize(
    "table, people",
    [
        # a deputy for TP.HCM whose TP.HCM articles name no body of theirs (a seat, a bar's post)
        ({"Trương Hữu Nghị (Hồ Chí Minh)": {"ĐB": 8, "Phó Chủ nhiệm Đoàn Luật sư TP HCM": 1},
          f"Trương Hữu Nghị ({CENTRAL})": {"ĐBQH TP.HCM": 1, "Phó Chủ tịch Hội Luật gia Việt Nam": 1},
          "Trương Hữu Nghị": {"ĐB": 3}},
         ["Trương Hữu Nghị"]),
        # ... not a ward's police chief of the city the seat is for
        ({"Kha Văn Chiến (Hà Nội)": {"Trưởng Công an phường Khương Đình": 2, "Thượng tá": 2},
          f"Kha Văn Chiến ({CENTRAL})": {"ĐBQH thành phố Hà Nội": 1, "Phó Chủ tịch Liên đoàn Luật sư Việt Nam": 1}},
         ["Kha Văn Chiến (Hà Nội)", f"Kha Văn Chiến ({CENTRAL})"]),
    ],
)
def test_a_deputys_seat_for_a_province_joins_the_one_there_whose_titles_name_no_body(table, people):
    assert _keys(table) == sorted(people)


def test_a_foreign_names_spellings_are_one_person_and_a_vietnamese_names_accents_two():
    counts = {"Sergei Kovalyov (Nga)": 7, "Sergey Kovalyov (Nga)": 6, "Moon Jae-in": 83, "Moon Jae In": 6,
              "Nguyễn Văn Hùng": 2, "Nguyễn Văn Hưng": 3}
    people = {p.key: sorted(p.members) for p in group(counts, _titles({}))}
    assert people == {
        "Sergei Kovalyov": ["Sergei Kovalyov (Nga)", "Sergey Kovalyov (Nga)"],
        "Moon Jae-in": ["Moon Jae In", "Moon Jae-in"],
        "Nguyễn Văn Hùng": ["Nguyễn Văn Hùng"], "Nguyễn Văn Hưng": ["Nguyễn Văn Hưng"],
    }
