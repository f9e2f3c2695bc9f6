"""The officials extractor, round 10 of issue #11: a foreign name whose hyphen is written with a
space or as a dash, a ministry's abbreviation with its own comma, the next clause's subject or
verb glued on, a contractor's site commander (the kinds facet seed 50 showed). Every sentence
here is ours, written in the shape of real prose; each test fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import extract


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="", body=body))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a Korean given name whose hyphen has a space before it and is an en dash
        ("Sáng nay, Thủ tướng Hàn Quốc Park Min –Soo đã tiếp đoàn doanh nghiệp Việt Nam.",
         [("Park Min-Soo", ["Thủ tướng Hàn Quốc"])]),  # (round 18: the article's case)
        # ... spaces on both sides of a plain hyphen
        ("Sáng nay, Thủ tướng Hàn Quốc Park Min - Soo đã tiếp đoàn doanh nghiệp Việt Nam.",
         [("Park Min-Soo", ["Thủ tướng Hàn Quốc"])]),  # (round 18: the article's case)
        # ... and the same man written with the plain hyphen is the same name
        ("Thủ tướng Hàn Quốc Park Min-Soo cho biết hai nước sẽ mở thêm đường bay.",
         [("Park Min-Soo", ["Thủ tướng Hàn Quốc"])]),  # (round 18: the article's case)
    ],
)
def test_a_foreign_name_whose_hyphen_has_a_space_stays_whole(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a Vietnamese name, then a dash and a post: the post is no part of the name
        ("Ông Trần Văn Minh - Giám đốc Sở Y tế tỉnh Nam Định cho biết thuốc đã về.",
         [("Trần Văn Minh", ["Giám đốc Sở Y tế tỉnh Nam Định"])]),
        # a foreign name, then a dash and a country: the country is no part of the name
        ("Tổng thống Lee Jae Myung - Hàn Quốc đã phát biểu.",
         [("Lee Jae Myung", ["Tổng thống"])]),
    ],
)
def test_a_dash_after_a_name_still_ends_it(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a ministry's abbreviation written with a comma inside it ("Lao động, Thương binh và Xã hội")
        ("Ông Lê Văn Hà, Thứ trưởng Bộ LĐ, TB&XH cho biết hồ sơ đã đủ.",
         [("Lê Văn Hà", ["Thứ trưởng Bộ LĐ, TB&XH"])]),
        ("Bà Vũ Thị Lan, Giám đốc Sở LĐ, TB&XH tỉnh Nam Định cho biết quà đã trao.",
         [("Vũ Thị Lan", ["Giám đốc Sở LĐ, TB&XH tỉnh Nam Định"])]),
        # ... but a list of two ministries stays two
        ("Ông Lê Văn Hà, Thứ trưởng Bộ GTVT, Bộ KH&ĐT đến dự.",
         [("Lê Văn Hà", ["Thứ trưởng Bộ GTVT"])]),
    ],
)
def test_a_ministry_abbreviated_with_a_comma_stays_whole(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the next clause's subject, the district's people's committee, after the title's comma
        ("Theo ông Lý Văn Hòa, Trưởng phòng Kinh tế huyện Cờ Đỏ, UBND huyện đã chi 2 tỷ đồng sửa đường.",
         [("Lý Văn Hòa", ["Trưởng phòng Kinh tế huyện Cờ Đỏ"])]),
        # (but a unit's parent committee, named, stays)
        ("Ông Lý Văn Hòa, Trưởng phòng Kinh tế, UBND huyện Cờ Đỏ cho biết đường đã sửa.",
         [("Lý Văn Hòa", ["Trưởng phòng Kinh tế, UBND huyện Cờ Đỏ"])]),
        # "đồng chủ trì" (co-chaired): the verb's first syllable is no part of the body
        ("Ông Phạm Văn Sơn, Bí thư Trung ương Đoàn đồng chủ trì hội nghị sáng nay.",
         [("Phạm Văn Sơn", ["Bí thư Trung ương Đoàn"])]),
        ("Ông Phạm Văn Sơn, Giám đốc Sở Y tế đồng tổ chức hội thảo với bệnh viện.",
         [("Phạm Văn Sơn", ["Giám đốc Sở Y tế"])]),
    ],
)
def test_the_next_clause_is_not_glued_on(text, expected):
    assert officials(text) == expected


def test_a_contractors_site_commander_is_no_official():
    assert officials("Ông Đỗ Văn Tâm, Chỉ huy trưởng công trình cầu Rạch Miễu 3 cho biết cầu sẽ thông xe vào tháng Tư.") == []
    # while the province's military commander is one
    assert officials("Ông Đỗ Văn Tâm, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh cho biết lễ giao quân đã xong.") == [
        ("Đỗ Văn Tâm", ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"])
    ]


def test_a_presidents_party_is_not_written_into_his_post():
    # the party after "tổng thống" is no body he heads: no "tổng thống đảng Cộng hòa" title
    found = officials("Ông là một trong nhiều thẩm phán do tổng thống đảng Cộng hòa Richard Nixon bổ nhiệm.")
    assert all("đảng" not in title for _, titles in found for title in titles)
    # while a party's own leader keeps his party
    assert officials("Ông Lê Văn Hà, Tổng Bí thư Đảng Cộng sản Việt Nam nói chuyện với cử tri.") == [
        ("Lê Văn Hà", ["Tổng Bí thư Đảng Cộng sản Việt Nam"])
    ]
