"""The officials extractor, round 14 of issue #11: in a list of foreign leaders, a country's post
goes to the name after it, not to the one before; a name cut at its hyphen by the next post; a
press secretary is no president; a country written as its English adjective ("Israeli") or a
country the list lacked ("Montenegro") stays out of the name; a foreign letter ("ğ") goes on a
foreign name (the kinds today's user trial on the real archive showed). Every sentence here is
ours, written in the shape of real prose; each test fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="", body=body))]


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert int(EXTRACTOR_VERSION) >= 16  # (round 15 bumped it again)


def test_a_countrys_post_in_a_list_goes_to_the_name_after_it():
    text = (
        "Cuộc gặp cho thấy Thủ tướng Canada Justin Trudeau, Chủ tịch Trung Quốc Tập Cận Bình, "
        "Thủ tướng Ấn Độ Narendra Modi chưa thể thống nhất về thương mại."
    )
    assert officials(text) == [
        ("Justin Trudeau", ["Thủ tướng Canada"]),
        ("Tập Cận Bình", ["Chủ tịch Trung Quốc"]),
        ("Narendra Modi", ["Thủ tướng Ấn Độ"]),
    ]


def test_a_post_before_a_hyphened_name_is_not_the_one_before():
    text = "Trong cuộc điện đàm với Thủ tướng Pháp Édouard Philippe, Tổng thống Moon Jae-in nhất trí tăng cường hợp tác."
    assert officials(text) == [
        ("Édouard Philippe", ["Thủ tướng Pháp"]),
        ("Moon Jae-in", ["Tổng thống"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Thư ký báo chí Tổng thống Nga Ivan Petrov khẳng định Moskva chưa có biện pháp đáp trả.",
        "Trả lời báo giới, người phát ngôn của Tổng thống Nga Ivan Petrov cho biết Moskva không bình luận.",
    ],
)
def test_a_presidents_press_secretary_is_not_the_president(text):
    assert officials(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thủ tướng Israeli David Levin phát biểu tại phiên họp nội các.", [("David Levin", ["Thủ tướng Israeli"])]),
        ("Thủ tướng Montenegro Marko Vukovic đã tới thăm Hà Nội.", [("Marko Vukovic", ["Thủ tướng Montenegro"])]),
    ],
)
def test_a_country_before_a_foreign_name_stays_out_of_the_name(text, expected):
    assert officials(text) == expected


def test_a_foreign_letter_goes_on_a_foreign_name():
    text = "Chủ tịch nước Lê Văn Hà đã tiếp Tổng thống Thổ Nhĩ Kỳ Mehmet Ali Doğan, Tổng thống Senegal Amadou Ba."
    assert officials(text) == [
        ("Lê Văn Hà", ["Chủ tịch nước"]),
        ("Mehmet Ali Doğan", ["Tổng thống Thổ Nhĩ Kỳ"]),
        ("Amadou Ba", ["Tổng thống Senegal"]),
    ]


def test_a_presidents_post_is_his_when_his_spokesman_is_named_after_him():
    text = "Người phát ngôn của Tổng thống Hungary Viktor Kovacs, ông Peter Szabo cho biết hai bên đã thảo luận."
    assert officials(text) == [("Viktor Kovacs", ["Tổng thống Hungary"])]


def test_a_foreign_guests_post_before_a_comma_is_not_the_hosts():
    text = (
        "Đồng ý với những đề xuất của Chủ tịch Quốc hội Cuba, Chủ tịch Quốc hội Trần Thị Mai "
        "cho rằng kim ngạch thương mại hai nước còn thấp."
    )
    assert officials(text) == [("Trần Thị Mai", ["Chủ tịch Quốc hội"])]


def test_a_hosts_rank_after_a_guests_post_keeps_the_post_with_the_guest():
    # (a guard on the rule above) a rank and a foreign name after the comma: both posts are the one guest's
    text = "Đó là nhận định của Bộ trưởng Quốc phòng Nga, Đại tướng Ivan Sokolov tại phiên họp."
    assert officials(text) == [("Ivan Sokolov", ["Bộ trưởng Quốc phòng Nga", "Đại tướng"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a medical domain inside an institute's name, then the hospital it belongs to
        ("Bác sĩ Trần Văn Lộc, Phó viện trưởng Viện Sức khỏe tâm thần Bệnh viện Việt Đức cho biết, số ca bệnh tăng.",
         [("Trần Văn Lộc", ["Phó viện trưởng Viện Sức khỏe tâm thần Bệnh viện Việt Đức"])]),
        # a commune's second syllable that also opens sentences ("Phát biểu")
        ("Ông Lê Văn Tám, Chủ tịch UBND xã Hòa Phát cho biết, đường đã được sửa.",
         [("Lê Văn Tám", ["Chủ tịch UBND xã Hòa Phát"])]),
        ("Chủ tịch UBND xã Hòa Phát Lê Văn Tám cho biết, đường đã được sửa.",
         [("Lê Văn Tám", ["Chủ tịch UBND xã Hòa Phát"])]),
    ],
)
def test_a_bodys_name_is_not_cut(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, title",
    [
        ("Trước các cuộc biểu tình, Thủ tướng nước chủ nhà Greta Lindqvist đã lên án bạo lực.", "Thủ tướng nước chủ nhà"),
        ("Đoàn đã hội đàm với Thủ tướng nước Đức Greta Lindqvist tại Berlin.", "Thủ tướng nước Đức"),
    ],
)
def test_a_country_said_with_nuoc_names_the_leader_after_it(text, title):
    assert officials(text) == [("Greta Lindqvist", [title])]


def test_a_father_named_after_his_sons_abbreviation_keeps_his_post():
    text = "Ông Michael Brown Jr., con trai của Tổng thống Mỹ Michael Brown, đã đồng ý gặp một luật sư."
    assert officials(text) == [("Michael Brown", ["Tổng thống Mỹ"])]


def test_a_deputy_director_written_cuc_pho_is_a_post():
    # (the kind that cost most on the twelfth held-out set: a list of a ministry's deputies)
    text = (
        "Trong 15 ủy viên có ông Trần Huy Dũng, Cục Phó Cục An toàn thông tin; ông Bùi Văn Lâm, "
        "Cục phó Cục Thông tin Đối ngoại; ông Phạm Văn Nam, Phó Vụ trưởng Vụ Pháp chế."
    )
    assert officials(text) == [
        ("Trần Huy Dũng", ["Cục Phó Cục An toàn thông tin"]),
        ("Bùi Văn Lâm", ["Cục phó Cục Thông tin Đối ngoại"]),
        ("Phạm Văn Nam", ["Phó Vụ trưởng Vụ Pháp chế"]),
    ]


@pytest.mark.parametrize(
    "text, title",
    [
        # a board's parent after a comma: the social insurance agency
        ("Theo ông Đỗ Văn Hải, Phó trưởng ban Ban Thu, Bảo hiểm xã hội Việt Nam, số nợ đã giảm.",
         "Phó trưởng ban Ban Thu, Bảo hiểm xã hội Việt Nam"),
        # a school's parent university after a dash
        ("Ông Trần Văn Khánh, Trưởng phòng Đào tạo Trường ĐH Khoa học Tự nhiên – ĐHQG Hà Nội, cho biết điểm sàn đã công bố.",
         "Trưởng phòng Đào tạo Trường ĐH Khoa học Tự nhiên – ĐHQG Hà Nội"),
        # a subject's department, its faculty, then its hospital
        ("Theo Đại tá Ngô Văn Lâm, Chủ nhiệm bộ môn Nội tiết, khoa Nội, Bệnh viện Quân y 175, bệnh đang tăng.",
         "Chủ nhiệm bộ môn Nội tiết, khoa Nội, Bệnh viện Quân y 175"),
    ],
)
def test_a_units_parent_body_after_a_comma_or_dash_is_part_of_the_title(text, title):
    assert title in officials(text)[0][1]


@pytest.mark.parametrize("given", ["Tuy", "Phát", "Là"])
def test_a_given_name_that_also_opens_sentences_ends_a_name(given):
    text = f"Sáng nay, ông Nguyễn Đức {given}, Phó chủ tịch UBND tỉnh Kon Tum, đã đến thăm các gia đình."
    assert officials(text) == [(f"Nguyễn Đức {given}", ["Phó chủ tịch UBND tỉnh Kon Tum"])]


def test_a_sentence_opener_after_a_full_name_still_ends_it():
    # (a guard on the rule above) the full stop is missing, the next sentence opens with "Về"
    assert officials("Tổng Bí thư Nguyễn Phú Trọng Về thăm quê.") == [("Nguyễn Phú Trọng", ["Tổng Bí thư"])]
