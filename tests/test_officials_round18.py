"""The officials extractor, round 18 of issue #11: "Chánh tòa" (the head of a court's division);
bodies' names whole ("Vụ Thị trường trong nước", "Cục Giải quyết khiếu nại, tố cáo và …", a
department in lower case before its hospital or health centre, "khoa dược - vật tư …", "- BHXH
tỉnh"); a rank's rare surname ("Trung tá Lao X" is no Laos); the adverb "Hiện" opens no name; a post
linked to someone named short ("nơi ông Minh giữ chức …") is not the last full name's; a foreign
name with Spanish accents whole ("Bruno Rodríguez") and every foreign name in the article's own case
("Bashar al-Assad", not "Bashar Al-assad"), on the web page too. The kinds the fifteenth blind set
(now development data), facet seed 58 and a user trial showed. Every sentence here is ours, written
in the shape of real prose; each test fails without the rule it names."""

import pytest

from indexer import indexing
from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert int(EXTRACTOR_VERSION) >= 20  # (round 19 bumped it again)


def officials(body: str, title: str = ""):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title=title, body=body))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trả lời phóng viên, bà Trần Thị Mai, Chánh tòa Hình sự TAND tỉnh Hà Nam, cho biết phiên tòa sẽ mở lại.",
         [("Trần Thị Mai", ["Chánh tòa Hình sự TAND tỉnh Hà Nam"])]),
        ("Ông Lê Văn Hải, nguyên Chánh Tòa Hành chính TAND TP.HCM, nói rằng bản án chưa thỏa đáng.",
         [("Lê Văn Hải", ["nguyên Chánh Tòa Hành chính TAND TP.HCM"])]),
    ],
)
def test_the_head_of_a_courts_division_is_an_official(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # seed 58: "Vụ Thị trường" was cut from its "trong nước" (the domestic market)
        ("Ông Lê Văn Nam - Vụ trưởng Vụ Thị trường trong nước (Bộ Công Thương) cho biết giá xăng sẽ giảm.",
         [("Lê Văn Nam", ["Vụ trưởng Vụ Thị trường trong nước (Bộ Công Thương)"])]),
        # seed 58: a body's name cut at its comma
        ("Ông Trần Văn Tâm, Phó Cục trưởng Cục Giải quyết khiếu nại, tố cáo và thanh tra khu vực III "
         "(thuộc Thanh tra Chính phủ) làm Trưởng đoàn kiểm tra.",
         [("Trần Văn Tâm", ["Phó Cục trưởng Cục Giải quyết khiếu nại, tố cáo và thanh tra khu vực III"])]),
        # the same words after a full post are the sentence's, not the body's
        ("Ông Trần Văn Tâm, Chánh Thanh tra tỉnh, cho biết sẽ giải quyết khiếu nại, tố cáo của người dân.",
         [("Trần Văn Tâm", ["Chánh Thanh tra tỉnh"])]),
    ],
)
def test_a_bodys_lower_case_domains_stay_in_its_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of sentences, each a defendant's former post, the department in lower case
        ("Bản án sơ thẩm: 11. Nguyễn Văn An, Cựu phó khoa dược, Trung tâm y tế thị xã Mỹ Hào, tỉnh Hưng Yên: "
         "5 năm tù",
         [("Nguyễn Văn An", ["Cựu phó khoa dược, Trung tâm y tế thị xã Mỹ Hào, tỉnh Hưng Yên"])]),
        ("Ông Nguyễn Văn An, phó khoa nội, Bệnh viện Đa khoa tỉnh Hà Tĩnh cho biết bệnh nhân đã ổn định.",
         [("Nguyễn Văn An", ["phó khoa nội, Bệnh viện Đa khoa tỉnh Hà Tĩnh"])]),
        # a department's second domain after a dash, then its hospital
        ("Bản án sơ thẩm: 12. Lê Văn Cường, Trưởng khoa dược - vật tư thiết bị y tế, Bệnh viện Y học cổ "
         "truyền tỉnh Bình Định: 2 năm tù",
         [("Lê Văn Cường", ["Trưởng khoa dược - vật tư thiết bị y tế, Bệnh viện Y học cổ truyền tỉnh Bình Định"])]),
        # a health centre after the comma is the department's parent
        ("Ông Nguyễn Văn Bình, Trưởng khoa Nội, Trung tâm Y tế huyện Kim Động cho biết bệnh nhân đã ổn.",
         [("Nguyễn Văn Bình", ["Trưởng khoa Nội, Trung tâm Y tế huyện Kim Động"])]),
        # the province's social insurance, written short after a dash
        ("Theo ông Trần Văn Bình - Trưởng phòng Giám định BHYT - BHXH Nghệ An, giá dịch vụ sẽ tăng.",
         [("Trần Văn Bình", ["Trưởng phòng Giám định BHYT - BHXH Nghệ An"])]),
    ],
)
def test_a_hospitals_department_keeps_its_parent_body(text, expected):
    assert officials(text) == expected


def test_a_lone_phó_khoa_in_lower_case_is_no_post():
    assert officials("Ông Lê Văn Nam là phó khoa nào thì chưa rõ.") == []


def test_a_ranks_rare_surname_is_no_country():
    # seed 58: "Lao" (a surname) was read as Laos, giving "Hoàng Hải" the post "Trung tá Lao"
    text = "Trung tá Lao Văn Hải - Tổ trưởng Tổ tuần tra Phòng CSGT Công an tỉnh Thái Nguyên bị ô tô tông."
    assert officials(text) == [
        ("Lao Văn Hải", ["Trung tá", "Tổ trưởng Tổ tuần tra Phòng CSGT Công an tỉnh Thái Nguyên"])
    ]
    text = "Trung tá Lao Hoàng Hải - Tổ trưởng Tổ tuần tra Phòng CSGT Công an tỉnh Thái Nguyên bị ô tô tông."
    assert officials(text) == [
        ("Lao Hoàng Hải", ["Trung tá", "Tổ trưởng Tổ tuần tra Phòng CSGT Công an tỉnh Thái Nguyên"])
    ]
    # a foreign officer's country is still split off
    assert officials("Đại tá Nga Ivan Petrov cho biết cuộc tập trận đã xong.") == [("Ivan Petrov", ["Đại tá Nga"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hiện Thanh Thủy làm đại sứ các thương hiệu, người mẫu thời trang.", []),
        ("Hiện Trần Thanh Thủy làm Phó Chủ tịch UBND xã Tân Lập.",
         [("Trần Thanh Thủy", ["Phó Chủ tịch UBND xã Tân Lập"])]),
    ],
)
def test_the_adverb_hiện_opens_no_name(text, expected):
    assert officials(text) == expected


def test_a_post_linked_to_someone_named_short_is_not_the_last_full_names():
    # seed 58: the party cell's secretary is Minh, named in full later; the director Hòa spoke
    text = ("Ngày 7/6, ông Lê Văn Hòa, Giám đốc BVĐK huyện Cẩm Thủy thông tin, Chi bộ Khoa Sản nơi ông Minh "
            "giữ chức Bí thư Chi bộ vừa họp.")
    assert officials(text) == [("Lê Văn Hòa", ["Giám đốc BVĐK huyện Cẩm Thủy"])]
    # the person's own short name still takes the post
    text = ("Ngày 7/6, ông Lê Văn Hòa, Giám đốc BVĐK huyện Cẩm Thủy thông tin, ông Hòa giữ chức Bí thư Chi bộ "
            "từ năm 2015.")
    assert officials(text) == [("Lê Văn Hòa", ["Giám đốc BVĐK huyện Cẩm Thủy", "Bí thư Chi bộ"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # seed 58: "Bruno" was glued to the title "Ngoại trưởng Cuba Bruno"
        ("Ngoại trưởng Cuba Bruno Rodríguez nhấn mạnh thiện chí đối thoại với Mỹ.",
         [("Bruno Rodríguez", ["Ngoại trưởng Cuba"])]),
        ("Thủ tướng Tây Ban Nha Pedro Sánchez và Tổng thống Mexico Andrés Manuel López Obrador đã điện đàm.",
         [("Pedro Sánchez", ["Thủ tướng Tây Ban Nha"]),
          ("Andrés Manuel López Obrador", ["Tổng thống Mexico"])]),
        # a Vietnamese word glued on by a missing space is no foreign name's part
        ("Sáng nay Thủ tướng Phạm Minh Chínhcùng đoàn công tác đã tới Lạng Sơn.", []),
        # a Tây Nguyên name with an accent is Vietnamese: no foreign post needed
        ("Ông Điểu Kré, Ủy viên Ban chấp hành Trung ương Đảng phát biểu.",
         [("Điểu Kré", ["Ủy viên Ban chấp hành Trung ương Đảng"])]),
    ],
)
def test_a_foreign_name_with_spanish_accents_is_whole(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tổng thống Syria Bashar al-Assad đã tới Moskva.", "Bashar al-Assad"),
        ("Thái tử Ả-rập Xê-út Mohammed bin Salman gặp Ngoại trưởng Qatar Mohammed bin Abdulrahman Al-Thani.",
         "Mohammed bin Abdulrahman Al-Thani"),
        ("Thủ tướng Hà Lan Mark van Rutte phát biểu tại hội nghị.", "Mark van Rutte"),
        ("Tổng thống Hàn Quốc Moon Jae-in phát biểu tại hội nghị.", "Moon Jae-in"),
        ("Tổng thống Đức Frank-Walter Steinmeier phát biểu tại hội nghị.", "Frank-Walter Steinmeier"),
        # a Vietnamese name in capitals is still capitalised syllable by syllable
        ("Đồng chí VƯƠNG ĐÌNH HUỆ, Ủy viên Bộ Chính trị phát biểu.", "Vương Đình Huệ"),
    ],
)
def test_a_foreign_name_keeps_the_articles_case(text, expected):
    assert expected in [name for name, _ in officials(text)]


def test_the_facet_shows_a_foreign_name_in_the_articles_case(tmp_path):
    # a user trial: the facet showed "Bashar Al-assad"
    articles = [
        {"id": "sy1", "title": "Syria bầu cử", "date": "2024-03-01",
         "body": "Tổng thống Syria Bashar al-Assad đã bỏ phiếu tại Damascus."},
        {"id": "sy2", "title": "Syria và Nga", "date": "2024-03-02",
         "body": "Tổng thống Syria Bashar al-Assad đã hội đàm với phái đoàn Nga."},
    ]
    src = write_jsonl(tmp_path / "src" / "articles.jsonl", articles)
    indexing.update(tmp_path / "index", [src])
    searcher = Searcher(tmp_path / "index")
    result = searcher.search(SearchRequest())
    assert {c.value: c.count for c in result.facets["official"]} == {"Bashar al-Assad": 2}
    # typed in any case, with or without the hyphen, the name still finds the person
    for typed in ("bashar al-assad", "Bashar Al-Assad", "bashar al assad"):
        assert sorted(h.id for h in searcher.search(SearchRequest(officials=(typed,))).hits) == ["sy1", "sy2"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bộ trưởng Bộ Công an điều động, bổ nhiệm giữ chức Phó Cục trưởng Cục CSGT đối với 3 cán bộ gồm: Đại tá "
         "Phạm Văn Lâm (Phó Giám đốc Công an tỉnh Bắc Ninh), đại tá Đỗ Thị Thu Hà (Phó Giám đốc Công an tỉnh Hà "
         "Nam) và thượng tá Nguyễn Đức Huy (Phó Giám đốc Công an tỉnh Hòa Bình).",
         [("Phạm Văn Lâm", ["Đại tá", "Phó Cục trưởng Cục CSGT", "Phó Giám đốc Công an tỉnh Bắc Ninh"]),
          ("Đỗ Thị Thu Hà", ["đại tá", "Phó Cục trưởng Cục CSGT", "Phó Giám đốc Công an tỉnh Hà Nam"]),
          ("Nguyễn Đức Huy", ["thượng tá", "Phó Cục trưởng Cục CSGT", "Phó Giám đốc Công an tỉnh Hòa Bình"])]),
        ("UBND tỉnh quyết định bổ nhiệm Phó Giám đốc Sở Y tế đối với 2 đồng chí gồm: ông Lê Văn An và bà Trần "
         "Thị Bình.",
         [("Lê Văn An", ["Phó Giám đốc Sở Y tế"]), ("Trần Thị Bình", ["Phó Giám đốc Sở Y tế"])]),
    ],
)
def test_a_post_given_to_a_counted_list_of_people_is_each_ones(text, expected):
    # heldout15: three colonels appointed deputy heads of the traffic police department at once
    assert officials(text) == expected


def test_a_courts_division_keeps_its_court_after_a_comma():
    text = "Bà Nghiêm Thị Lan, Chánh tòa Hình sự, TAND tỉnh Bắc Ninh cho biết phiên tòa đã xong."
    assert officials(text) == [("Nghiêm Thị Lan", ["Chánh tòa Hình sự, TAND tỉnh Bắc Ninh"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # heldout15: a ministry's board for reforming (state) enterprises read as a business
        ("Bà Nguyễn Thị Lan - Phó Vụ trưởng Ban Đổi mới doanh nghiệp cho biết, Bộ đã trình đề án.",
         [("Nguyễn Thị Lan", ["Phó Vụ trưởng Ban Đổi mới doanh nghiệp"])]),
        ("Ông Lê Văn Hùng, Cục trưởng Cục Phát triển doanh nghiệp (Bộ Kế hoạch và Đầu tư) cho biết.",
         [("Lê Văn Hùng", ["Cục trưởng Cục Phát triển doanh nghiệp (Bộ Kế hoạch và Đầu tư)"])]),
        # a business is still no public body
        ("Ông Lê Văn Hùng, Giám đốc doanh nghiệp tư nhân Minh Phát cho biết.", []),
    ],
)
def test_a_state_office_for_businesses_is_public(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # seed 57 and 58: the Fed chair's nominee was given the post
        ("Vàng giảm sau khi Tổng thống Mỹ Donald Trump chọn ông Kevin Warsh làm Chủ tịch Fed.",
         [("Donald Trump", ["Tổng thống Mỹ"])]),
        ("Tổng thống Mỹ Donald Trump đề cử ông Kevin Warsh làm Chủ tịch Fed.", [("Donald Trump", ["Tổng thống Mỹ"])]),
        # one elected or appointed holds the post
        ("HĐND tỉnh đã bầu ông Nguyễn Văn An làm Chủ tịch UBND tỉnh.", [("Nguyễn Văn An", ["Chủ tịch UBND tỉnh"])]),
    ],
)
def test_a_nominee_is_not_given_the_post_he_is_put_forward_for(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bản án sơ thẩm: 10. Nguyễn Văn Trung, Cựu Giám đốc Bệnh viện Y học cổ truyền Bảo Lộc, tỉnh Lâm Đồng: 2 "
         "năm tù",
         [("Nguyễn Văn Trung", ["Cựu Giám đốc Bệnh viện Y học cổ truyền Bảo Lộc, tỉnh Lâm Đồng"])]),
        # a hospital with no place in its name: what follows the comma is the sentence's
        ("Ông Nguyễn Văn Trung, Giám đốc Bệnh viện Mắt, tỉnh đã giao thêm giường bệnh.",
         [("Nguyễn Văn Trung", ["Giám đốc Bệnh viện Mắt"])]),
    ],
)
def test_a_hospital_named_for_its_town_keeps_its_province_after_a_comma(text, expected):
    assert officials(text) == expected
