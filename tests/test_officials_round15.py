"""The officials extractor, round 15 of issue #11: a unit's number (a number, a Roman numeral,
"số" and a number word) ends its title, not the title before it; a verb or the holder's degree
after a unit is no part of it; a foreign city or a country of two words before a foreign name
is the post's place, not the person's (the kinds two blind samples of the real archive showed).
Every sentence here is ours, written in the shape of real prose; each test fails without the
rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="", body=body))]


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert int(EXTRACTOR_VERSION) >= 17  # (round 16 bumped it again)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ông Lê Văn Hùng, Trưởng Phòng quản lý dự án 2, cho biết công trình sẽ xong trong năm nay.",
         [("Lê Văn Hùng", ["Trưởng Phòng quản lý dự án 2"])]),
        ("Chuẩn đô đốc Trần Văn Nam, Tư lệnh Vùng Cảnh sát biển 1, đã chỉ đạo cứu nạn.",
         [("Trần Văn Nam", ["Chuẩn đô đốc", "Tư lệnh Vùng Cảnh sát biển 1"])]),
        ("Đại tá Phạm Văn Tâm, Tư lệnh Sư đoàn hộ tống số ba, kiểm tra công tác huấn luyện.",
         [("Phạm Văn Tâm", ["Đại tá", "Tư lệnh Sư đoàn hộ tống số ba"])]),
    ],
)
def test_a_units_number_ends_its_title(text, expected):
    assert officials(text) == expected


def test_a_count_after_a_unit_is_no_number_of_it():
    assert officials("Ông Lê Văn Hùng, Trưởng Phòng quản lý dự án 2 năm liền, cho biết như vậy.") == [
        ("Lê Văn Hùng", ["Trưởng Phòng quản lý dự án"])
    ]


def test_a_verb_after_a_units_number_ends_the_title():
    text = "Thượng úy Lê Văn Tùng, Đội phó Đội CSGT số 15 thông tin vụ việc đang được điều tra."
    assert officials(text) == [("Lê Văn Tùng", ["Thượng úy", "Đội phó Đội CSGT số 15"])]


def test_the_holders_degree_after_a_body_is_no_part_of_it():
    text = "Ông Trần Văn An, Chủ tịch Hội đồng Trường ĐH PGS Nguyễn Văn Quang và các giảng viên dự lễ khai giảng."
    assert ("Trần Văn An", ["Chủ tịch Hội đồng Trường ĐH"]) in officials(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bộ trưởng Quốc phòng Litva Raimundas Karoblis đã tới thăm Hà Nội.",
         [("Raimundas Karoblis", ["Bộ trưởng Quốc phòng Litva"])]),
        ("Thị trưởng Los Angeles Eric Garcetti phát biểu tại buổi lễ.",
         [("Eric Garcetti", ["Thị trưởng Los Angeles"])]),
        ("Thủ tướng New Zealand Jacinda Ardern đã phát biểu tại hội nghị.",
         [("Jacinda Ardern", ["Thủ tướng New Zealand"])]),
    ],
)
def test_a_foreign_place_before_a_foreign_name_is_the_posts(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bà Trần Thị Lan, Tập sự Phó Tổng Biên tập Báo Hà Tĩnh, dự hội nghị.",
         [("Trần Thị Lan", ["Tập sự Phó Tổng Biên tập Báo Hà Tĩnh"])]),
        ("Ông Lê Văn Hà, tập sự Phó Chánh án TAND huyện Đức Thọ, cho biết như vậy.",
         [("Lê Văn Hà", ["tập sự Phó Chánh án TAND huyện Đức Thọ"])]),
    ],
)
def test_a_probationary_post_keeps_its_probation(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đại tá Vũ Văn Minh, Chủ nhiệm Hậu cần - Kỹ thuật Quân khu 5, đã kiểm tra kho.",
         [("Vũ Văn Minh", ["Đại tá", "Chủ nhiệm Hậu cần - Kỹ thuật Quân khu 5"])]),
        ("Ông Đỗ Văn Hải, Giám đốc Sở VH,TT&DL tỉnh Bình Định, cho biết lễ hội sẽ diễn ra.",
         [("Đỗ Văn Hải", ["Giám đốc Sở VH,TT&DL tỉnh Bình Định"])]),
        ("Ông Hoàng Văn Lực, Cục trưởng Cục Giám định nhà nước về chất lượng công trình xây dựng, đã kiểm tra hiện trường.",
         [("Hoàng Văn Lực", ["Cục trưởng Cục Giám định nhà nước về chất lượng công trình xây dựng"])]),
    ],
)
def test_a_bodys_long_name_is_not_cut_at_a_dash_a_comma_or_about(text, expected):
    assert officials(text) == expected


def test_a_degrees_letters_inside_a_bodys_name_are_no_degree():
    text = "Luật sư Đỗ Văn Khang, Chủ tịch Liên đoàn LS Việt Nam, cho biết sẽ lấy ý kiến các đoàn."
    assert officials(text) == []  # the lawyers' federation: no public post, as before round 15
