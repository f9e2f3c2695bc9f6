"""The officials extractor, round 8 of issue #11: titles cut inside long organisation names
(continued after a dash, after commas between capitalised parts, in lower case after "Quản lý"),
a verb glued on, someone else's title, foreign names cut, bodies that are not public, and namesakes
merged (the kinds facet seed 48 and the sixth held-out set showed). Every sentence here is ours,
written in the shape of real prose; each test fails without the rule it names."""

import pytest

from indexer import indexing
from indexer import officials as officials_mod
from indexer.models import Article
from indexer.officials import extract
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl


def officials(body: str, title: str = ""):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title=title, body=body))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hospital department of three parts, each a capital and its lower-case words, joined by dashes
        ("Bác sĩ Lê Thị Hoa, Phó trưởng khoa Cấp cứu - Hồi sức tích cực - Chống độc người lớn, Bệnh viện "
         "Bạch Mai cho biết bệnh nhân đã tỉnh.",
         [("Lê Thị Hoa", ["Phó trưởng khoa Cấp cứu - Hồi sức tích cực - Chống độc người lớn, Bệnh viện Bạch Mai"])]),
        # ... two lower-case parts either side of the dash
        ("Bác sĩ Vũ Văn Cường, Trưởng khoa Phẫu thuật gây mê - hồi sức, Bệnh viện Việt Đức cho biết ca mổ thành công.",
         [("Vũ Văn Cường", ["Trưởng khoa Phẫu thuật gây mê - hồi sức, Bệnh viện Việt Đức"])]),
        # a bank's branch after a dash
        ("Ông Nguyễn Văn An, Giám đốc Vietcombank - Chi nhánh Gia Lai cho biết dư nợ tăng.",
         [("Nguyễn Văn An", ["Giám đốc Vietcombank - Chi nhánh Gia Lai"])]),
        # a railway named for the two places it joins, the second one starting with a surname ("Hà")
        ("Ông Trần Văn Bình, Phó Tổng giám đốc Ban quản lý dự án đường sắt đô thị Văn Cao- Hà Đông cho biết tiến độ chậm.",
         [("Trần Văn Bình", ["Phó Tổng giám đốc Ban quản lý dự án đường sắt đô thị Văn Cao- Hà Đông"])]),
        ("Ông Trần Văn Bình, Giám đốc Ban quản lý dự án cao tốc Mỹ Thuận - Hà Tiên cho biết tiến độ chậm.",
         [("Trần Văn Bình", ["Giám đốc Ban quản lý dự án cao tốc Mỹ Thuận - Hà Tiên"])]),
    ],
)
def test_a_name_goes_on_after_a_dash(text, expected):
    assert officials(text) == expected


def test_the_head_of_the_national_sports_delegation_stays_an_official():
    assert officials("Ông Trần Văn Quý, Trưởng đoàn thể thao Việt Nam cho biết các vận động viên đã sẵn sàng.") == [
        ("Trần Văn Quý", ["Trưởng đoàn thể thao Việt Nam"]),
    ]


def test_a_capitalised_next_sentence_after_the_parent_body_is_no_part_of_the_title():
    # the full stop is missing before "Người nhà bệnh nhân …"
    text = ("Bác sĩ Lê Thị Hoa, Phó trưởng khoa Hồi sức tích cực - Chống độc người lớn, Bệnh viện Chợ Rẫy TP.HCM "
            "Người nhà bệnh nhân cho biết đã yên tâm.")
    assert officials(text) == [
        ("Lê Thị Hoa", ["Phó trưởng khoa Hồi sức tích cực - Chống độc người lớn, Bệnh viện Chợ Rẫy TP.HCM"]),
    ]


def test_a_person_after_a_routes_dash_is_no_part_of_it():
    # three capitals after the dash are a person's name, not the route's second place
    assert officials("Giám đốc dự án cao tốc Mỹ Thuận - Lê Văn Hòa cho biết tiến độ chậm.") == [
        ("Lê Văn Hòa", ["Giám đốc dự án cao tốc Mỹ Thuận"]),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # three domains listed with commas
        ("Ông Lê Văn Dũng, Vụ trưởng Vụ Kế hoạch, Tài chính, Tổng hợp (Bộ Nội vụ) cho biết ngân sách đủ.",
         [("Lê Văn Dũng", ["Vụ trưởng Vụ Kế hoạch, Tài chính, Tổng hợp (Bộ Nội vụ)"])]),
        # two with a comma, the last after "và", then the province
        ("Ông Phạm Văn Em, Giám đốc Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch Đắk Nông cho biết khách tăng.",
         [("Phạm Văn Em", ["Giám đốc Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch Đắk Nông"])]),
        # a committee of the National Assembly, named the same way, before the name
        ("Phó Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại Trần Văn Tâm cho biết dự luật đã sẵn sàng.",
         [("Trần Văn Tâm", ["Phó Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại"])]),
    ],
)
def test_a_name_that_lists_its_domains_with_commas_is_one_body(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a comma then a post: the second title
        ("Ông Lê Văn Dũng, Giám đốc Sở Tài chính, Phó Chủ tịch UBND tỉnh cho biết ngân sách đủ.",
         [("Lê Văn Dũng", ["Giám đốc Sở Tài chính", "Phó Chủ tịch UBND tỉnh"])]),
        # a comma then other bodies: a list of who met, not the department's name
        ("Ông Lê Văn Dũng, Giám đốc Sở Y tế, Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh đã họp.",
         [("Lê Văn Dũng", ["Giám đốc Sở Y tế"])]),
        # two domains only, no "và" to close them: the second is not taken
        ("Ông Lê Văn Dũng, Giám đốc Sở Tài chính, Kế hoạch được giao cho ông.",
         [("Lê Văn Dũng", ["Giám đốc Sở Tài chính"])]),
    ],
)
def test_a_comma_before_a_post_or_another_body_still_ends_the_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a department manages, in lower case after its capital
        ("Ông Nguyễn Văn Phúc, Cục trưởng Cục Quản lý Tài nguyên nước ngầm cho biết mực nước đã giảm.",
         [("Nguyễn Văn Phúc", ["Cục trưởng Cục Quản lý Tài nguyên nước ngầm"])]),
        ("Ông Trịnh Văn Giang, Cục trưởng Cục Quản lý nhà và thị trường bất động sản cho biết giá nhà tăng.",
         [("Trịnh Văn Giang", ["Cục trưởng Cục Quản lý nhà và thị trường bất động sản"])]),
        # a verb of agreeing right after the body's lower-case words is no part of it
        ("Ông Trịnh Văn Khoa, Giám đốc Trung tâm điều tra xã hội học đồng tình với ý kiến trên.",
         [("Trịnh Văn Khoa", ["Giám đốc Trung tâm điều tra xã hội học"])]),
    ],
)
def test_lower_case_words_go_on_to_the_end_of_the_body_and_stop_at_a_verb(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a second post after "cũng là" / "đồng thời là"
        ("Chủ nhiệm Văn phòng Chính phủ Mai Văn Dũng - cũng là Chánh Văn phòng Ban Cán sự Đảng Chính phủ, cho biết "
         "sẽ rà soát.",
         [("Mai Văn Dũng", ["Chủ nhiệm Văn phòng Chính phủ", "Chánh Văn phòng Ban Cán sự Đảng Chính phủ"])]),
        ("Ông Lê Văn Tám, Giám đốc Sở Y tế, đồng thời là Trưởng ban Chỉ đạo phòng chống dịch tỉnh cho biết đã đủ thuốc.",
         [("Lê Văn Tám", ["Giám đốc Sở Y tế", "Trưởng ban Chỉ đạo phòng chống dịch tỉnh"])]),
        # an admissions board's name, then its parent body
        ("Thượng úy Nguyễn Văn Tuấn, Thư ký hội đồng tuyển sinh Tổng cục Chính trị (Bộ Công an) cho biết điểm chuẩn tăng.",
         [("Nguyễn Văn Tuấn", ["Thượng úy", "Thư ký hội đồng tuyển sinh Tổng cục Chính trị (Bộ Công an)"])]),
        # a university after the office's comma, "trường" in lower case
        ("Ông Nguyễn Văn Điền, trưởng phòng đào tạo, trường ĐH Bách khoa Hà Nội khẳng định điểm chuẩn tăng.",
         [("Nguyễn Văn Điền", ["trưởng phòng đào tạo, trường ĐH Bách khoa Hà Nội"])]),
    ],
)
def test_a_second_post_after_its_lead_words_and_a_unit_with_its_parent(text, expected):
    assert officials(text) == expected


def test_also_being_something_that_is_no_post_adds_no_title():
    assert officials("Ông Lê Văn Tám, Giám đốc Sở Y tế, cũng là người đã ký văn bản.") == [
        ("Lê Văn Tám", ["Giám đốc Sở Y tế"]),
    ]


def test_a_school_named_after_a_person_written_twice_keeps_its_full_name():
    # the second mention leaves out "Trường" and mistypes the last syllable in lower case
    text = ("Thầy Nguyễn Văn Hải, Hiệu trưởng Trường THCS Lê Đình Chinh cho biết học sinh đủ. "
            "Thầy Nguyễn Văn Hải, Hiệu trưởng THCS Lê Đình chinh cho biết thêm về lớp học.")
    assert officials(text) == [("Nguyễn Văn Hải", ["Hiệu trưởng Trường THCS Lê Đình Chinh"])]


def test_on_behalf_of_someone_the_post_is_theirs_not_the_speakers():
    text = ("Thay mặt cho giám đốc Công an tỉnh Hà Nam, thượng tá Phạm Văn Long - Phó giám đốc Công an tỉnh Hà Nam "
            "trao thưởng cho các đơn vị.")
    assert officials(text) == [("Phạm Văn Long", ["thượng tá", "Phó giám đốc Công an tỉnh Hà Nam"])]


def test_a_foreign_parliaments_post_before_a_verb_is_the_next_speakers():
    # "X, Chủ tịch Quốc hội Venezuela nhấn mạnh": the chairman speaks; X, named after his own title, is not him
    text = "Tại lễ tưởng niệm Tổng tư lệnh Hugo Chavez, Chủ tịch Quốc hội Venezuela nhấn mạnh tình hữu nghị."
    assert officials(text) == [("Hugo Chavez", ["Tổng tư lệnh"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tổng thống Bồ Đào Nha Marcelo Rebelo de Sousa cho biết sẽ thăm Việt Nam.",
         [("Marcelo Rebelo de Sousa", ["Tổng thống Bồ Đào Nha"])]),
        ("Tổng thống Brazil Luiz Inacio Lula da Silva cho biết sẽ thăm Việt Nam.",
         [("Luiz Inacio Lula da Silva", ["Tổng thống Brazil"])]),
        # an Arabic name's "al-" part, longer than any Vietnamese syllable
        ("Bộ trưởng Tài chính Qatar Ali Hassan al-Kuwari tuyên bố nước này đủ sức chống đỡ.",
         [("Ali Hassan al-Kuwari", ["Bộ trưởng Tài chính Qatar"])]),
        # a Korean given name with a hyphen, longer than any Vietnamese syllable; the country written short
        ("Cựu Tổng thống Hàn Park Kyung-hwan bị tòa án triệu tập.", [("Park Kyung-hwan", ["Cựu Tổng thống"])]),
        # a Gulf honorific before the name (round 18: every name in the article's own case)
        ("Ngoại trưởng Bahrain Sheikh Rashid bin Ahmed al-Khalifa cho biết sẽ dự họp.",
         [("Rashid bin Ahmed al-Khalifa", ["Ngoại trưởng Bahrain"])]),
    ],
)
def test_a_foreign_name_goes_on_after_its_particle(text, expected):
    assert officials(text) == expected


def test_two_countries_joined_by_a_hyphen_are_no_name():
    assert officials("Chủ tịch Phân ban Ủy ban liên Chính phủ Việt Nam-Belarus đã họp tại Minsk.") == []


def test_a_vietnamese_name_does_not_take_a_lower_case_word_after_it():
    assert officials("Ông Trần Văn Nam, Chủ tịch UBND xã cho biết. Ông Trần Văn Nam da đen sạm vì nắng.") == [
        ("Trần Văn Nam", ["Chủ tịch UBND xã"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ông Nguyễn Văn Minh, Chủ tịch Nghiệp đoàn nghề cá xã Bình Châu cho biết ngư dân đã về.",
        "Ông Nguyễn Văn Nam, Giám đốc khu vực phía Bắc của VCPMC cho biết sẽ thu tiền bản quyền.",
        "Bác sĩ Nguyễn Văn Sơn, Trưởng khoa Ngoại Bệnh viện Sài Gòn ITO cho biết ca mổ thành công.",
        "Ông Phan Văn Hậu, Giám đốc Trung tâm Bất động sản Phú Quý cho biết giá đất tăng.",
        "Ông Trần Văn Quý, trưởng đoàn U20 Việt Nam cho biết các cầu thủ đã sẵn sàng.",  # the federation's team
    ],
)
def test_a_guild_a_football_team_a_private_hospital_or_an_estate_agent_makes_no_official(text):
    assert officials(text) == []


@pytest.mark.parametrize("title", ["Tổng thư ký AFF", "Phó Chủ tịch FIFA", "Giám đốc khu vực phía Bắc VCPMC"])
def test_the_football_federations_and_the_copyright_centre_are_no_public_body(title):
    # a foreign name after such a post reached the facet (seed 48), where only this check stops it
    assert officials_mod._private(title)


# One name, two people: a deputy of one province and a ward's party secretary of another.
NAMESAKES = [
    {"id": "dn1", "title": "Thảo luận luật tố cáo", "date": "2024-05-01",
     "body": "Phát biểu tại hội trường, đại biểu Lê Văn Thọ (Đồng Nai) cho rằng cần quy định rõ trách nhiệm."},
    {"id": "hcm1", "title": "Phê bình cán bộ quận 9", "date": "2024-05-02",
     "body": "Ông Lê Văn Thọ, Bí thư Đảng ủy phường Phú Hữu, quận 9, TP.HCM bị phê bình vì chậm xử lý."},
    # and a minister who sits for a province: one person
    {"id": "m1", "title": "Bộ trưởng trả lời chất vấn", "date": "2024-05-03",
     "body": "Bộ trưởng Bộ Giao thông Vận tải Đỗ Văn Hiền cho biết sẽ đẩy nhanh tiến độ cao tốc."},
    {"id": "m2", "title": "Đại biểu chất vấn", "date": "2024-05-04",
     "body": "ĐB Đỗ Văn Hiền (Sóc Trăng) cho rằng cử tri mong đường sớm thông xe."},
]


@pytest.fixture(scope="module")
def namesakes_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("namesakes8")
    src = write_jsonl(root / "src" / "articles.jsonl", NAMESAKES)
    indexing.update(root / "index", [src])
    return root / "index"


def test_a_deputy_of_one_province_and_a_wards_official_of_another_are_two_people(namesakes_index):
    searcher = Searcher(namesakes_index)
    facet = {c.value: c.count for c in searcher.search(SearchRequest()).facets["official"]}
    assert facet["Lê Văn Thọ (Đồng Nai)"] == 1
    assert facet["Lê Văn Thọ (Hồ Chí Minh)"] == 1
    assert "Lê Văn Thọ" not in facet
    hits = searcher.search(SearchRequest(officials=("Lê Văn Thọ (Đồng Nai)",))).hits
    assert [h.id for h in hits] == ["dn1"]


def test_a_minister_named_by_his_seat_in_a_province_is_still_one_person(namesakes_index):
    facet = {c.value: c.count for c in Searcher(namesakes_index).search(SearchRequest()).facets["official"]}
    assert facet["Đỗ Văn Hiền"] == 2
