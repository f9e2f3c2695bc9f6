"""The officials extractor, round 13 of issue #11: posts given through "còn là", "đảm nhận cương
vị", "sẽ đảm nhận vị trí"; a broadcaster's board named for the programmes it makes; a title
that ends in another person's name; a foreign name misspelt once (the kinds the eleventh
held-out set and the blind facet sample of seed 53 showed). Every sentence here is ours,
written in the shape of real prose; each test fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="", body=body))]


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert int(EXTRACTOR_VERSION) >= 15  # (round 14 bumped it again)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a post besides the one the article is about: "còn là", "cũng là"
        ("Được biết, ông Trần Minh Khoa còn là Đại biểu Quốc hội khóa XIV.",
         [("Trần Minh Khoa", ["Đại biểu Quốc hội khóa XIV"])]),
        ("Bà Lê Thị Hạnh cũng là Phó Chủ tịch UBND huyện Đức Hòa.",
         [("Lê Thị Hạnh", ["Phó Chủ tịch UBND huyện Đức Hòa"])]),
        # the post after the office's word: "đảm nhận cương vị", "sẽ đảm nhận vị trí"
        ("Trước khi nghỉ hưu, ông Phùng Văn Lộc đảm nhận cương vị Phó Giám đốc Sở Y tế tỉnh Hà Nam.",
         [("Phùng Văn Lộc", ["Phó Giám đốc Sở Y tế tỉnh Hà Nam"])]),
        ("Từ tháng tới, bà Đỗ Thu Trang sẽ đảm nhận vị trí Giám đốc Trung tâm Văn hóa tỉnh.",
         [("Đỗ Thu Trang", ["Giám đốc Trung tâm Văn hóa tỉnh"])]),
    ],
)
def test_a_post_after_a_link_of_office_is_the_persons(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, title",
    [
        ("Theo đài, ông Vũ Đình Phong sẽ đảm nhận vị trí Trưởng ban Sản xuất các chương trình thể thao VTV6.",
         "Trưởng ban Sản xuất các chương trình thể thao VTV6"),
        ("Bà Hồ Mai Chi, Phó trưởng ban sản xuất các chương trình Văn nghệ HTV7, cho biết.",
         "Phó trưởng ban sản xuất các chương trình Văn nghệ HTV7"),
    ],
)
def test_a_broadcasters_board_is_named_for_the_programmes_it_makes(text, title):
    assert officials(text)[0][1] == [title]


def test_programmes_a_board_runs_without_a_broadcaster_stay_out_of_the_title():
    # no broadcaster's name closes the words: a sentence about programmes, not the board's name
    assert officials("Ông Vũ Đình Phong, Trưởng ban Quản lý dự án, các chương trình vẫn chậm.")[0][1] == [
        "Trưởng ban Quản lý dự án"
    ]


def test_a_title_ending_in_another_persons_name_is_not_given_to_the_first():
    text = (
        "Về chuyến thăm của Phó Thủ tướng, Bộ trưởng Ngoại giao Lương Văn Tài, Vụ trưởng Đào Hùng cho biết "
        "hai nước đã ký sáu văn kiện. Vụ trưởng Vụ Đông Nam Á Đào Hùng nói thêm về hợp tác kinh tế."
    )
    assert officials(text) == [
        ("Lương Văn Tài", ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"]),
        ("Đào Hùng", ["Vụ trưởng Vụ Đông Nam Á"]),
    ]


def test_a_foreign_name_misspelt_once_is_the_person_the_article_spells_right():
    text = (
        "Thủ tướng Lê Văn Hà đã hội đàm với Thủ tướng Australia Malcolm Turnbull. "
        "\"Chúng tôi rất vui được đón Thủ tướng Malclom Turnbull\", ông Hà nói. "
        "Sau đó, Thủ tướng Malcom Turnbull đã tiễn đoàn."
    )
    assert officials(text) == [
        ("Lê Văn Hà", ["Thủ tướng"]),
        ("Malcolm Turnbull", ["Thủ tướng Australia"]),
    ]


def test_foreign_names_a_letter_changed_apart_stay_two_people():
    text = "Thủ tướng Nhật Bản Shinzo Abe đã tiếp Bộ trưởng Quốc phòng Nhật Bản Shinji Abe."
    assert [name for name, _ in officials(text)] == ["Shinzo Abe", "Shinji Abe"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the ministry's last word and its country are no part of the foreign name after them
        ("Bộ trưởng Bộ Công Thương Campuchia Sorasak Pannha đã tiếp đoàn.",
         [("Sorasak Pannha", ["Bộ trưởng Bộ Công Thương Campuchia"])]),
        ("Thứ trưởng Bộ Nội vụ Lào Khamla Lorlonsy cho biết.",
         [("Khamla Lorlonsy", ["Thứ trưởng Bộ Nội vụ Lào"])]),
    ],
)
def test_a_country_after_a_body_is_no_part_of_the_foreign_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "tướng" between a commander's title and a name is the general's rank, not the title's end
        ("Tư lệnh Lực lượng Hải quân Nga tướng Ivan Petrov đã dự lễ.",
         [("Ivan Petrov", ["Tư lệnh Lực lượng Hải quân Nga", "tướng"])]),
        ("Phó Tư lệnh Quân khu 7 tướng Lê Văn Hà đã dự lễ.",
         [("Lê Văn Hà", ["Phó Tư lệnh Quân khu 7", "tướng"])]),
        # a rank in full after a foreign country keeps the commander's title too
        ("Tư lệnh Lực lượng Hải quân Nga Thượng tướng Ivan Petrov đã dự lễ.",
         [("Ivan Petrov", ["Tư lệnh Lực lượng Hải quân Nga", "Thượng tướng"])]),
    ],
)
def test_a_general_after_a_commanders_title_keeps_both(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Đại tướng Võ Văn Hà là vị tướng của nhân dân.", "Thủ tướng Lê Văn Hà cho biết các tướng Mỹ đã tới."],
)
def test_tuong_inside_a_rank_or_a_post_is_not_a_general_of_its_own(text):
    assert [titles for _, titles in officials(text)] == [[text.split(" Võ")[0].split(" Lê")[0]]]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a city's level written "Tp" (capital, then lower case) is no foreign brand nor name
        ("Ông Lê Văn Hà, Chủ tịch UBND Tp. Hồ Chí Minh cho biết.", [("Lê Văn Hà", ["Chủ tịch UBND Tp. Hồ Chí Minh"])]),
        ("Phó Chủ tịch UBND Tp Cần Thơ Trần Thị Lan cho biết.", [("Trần Thị Lan", ["Phó Chủ tịch UBND Tp Cần Thơ"])]),
        ("Ủy viên Bộ Chính trị, Bí thư Thành ủy Tp. Hồ Chí Minh Lê Văn Hà đã gửi hoa.",
         [("Lê Văn Hà", ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy Tp. Hồ Chí Minh"])]),
    ],
)
def test_a_city_written_tp_keeps_the_title(text, expected):
    assert officials(text) == expected


def test_a_city_written_tp_gives_the_place():
    [official] = extract(Article(id="x", title="", body="Ông Lê Văn Hà, Chủ tịch UBND Tp. Cần Thơ cho biết."))
    assert official.place == "Cần Thơ"


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Phó ban" with a lower-case "ban", a board's known domain after it
        ("Ông Đinh Văn Tâm - Phó ban tuyên giáo Tỉnh ủy Nam Định cho rằng việc này đúng.",
         [("Đinh Văn Tâm", ["Phó ban tuyên giáo Tỉnh ủy Nam Định"])]),
        ("Bà Vi Thị Hồng, Phó ban An toàn giao thông tỉnh Lạng Sơn, cho biết.",
         [("Vi Thị Hồng", ["Phó ban An toàn giao thông tỉnh Lạng Sơn"])]),
    ],
)
def test_a_deputy_head_of_a_board_written_in_lower_case_is_a_post(text, expected):
    assert officials(text) == expected


def test_a_deputy_of_a_board_with_no_known_domain_stays_out():
    assert officials("Ông Đinh Văn Tâm, phó ban quản lý chợ, cho biết.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the police written short, "CA", before a level's word
        ("Thượng tá Lò Văn Thanh – Trưởng CA huyện Mường Tè cho biết.",
         [("Lò Văn Thanh", ["Thượng tá", "Trưởng CA huyện Mường Tè"])]),
        # a ward named for a person is the ward, and a second post after "và chỉ huy" is no part of the title
        ("Thiếu tá Lò Văn Thanh – Trưởng CA phường Trần Hưng Đạo và chỉ huy tổ công tác 363 cho biết.",
         [("Lò Văn Thanh", ["Thiếu tá", "Trưởng CA phường Trần Hưng Đạo"])]),
        ("Ông Lò Văn Thanh, Phó trưởng Công an phường Lê Hồng Phong cho biết.",
         [("Lò Văn Thanh", ["Phó trưởng Công an phường Lê Hồng Phong"])]),
    ],
)
def test_a_police_chief_written_short_and_a_ward_named_for_a_person(text, expected):
    assert officials(text) == expected


def test_a_shift_leader_in_lower_case_is_no_police_chief():
    assert officials("Ông Lò Văn Thanh, trưởng ca trực của nhà máy, cho biết.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the Party's standing secretary: a post of its own, and a national one
        ("Thay mặt lãnh đạo, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Lê Văn Hà đã tặng hoa.",
         [("Lê Văn Hà", ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"])]),
        ("Ông Lê Văn Hà, Thường trực Ban Bí thư Trung ương Đảng, đã phát biểu.",
         [("Lê Văn Hà", ["Thường trực Ban Bí thư Trung ương Đảng"])]),
    ],
)
def test_the_standing_member_of_the_secretariat_is_a_post(text, expected):
    assert officials(text) == expected


def test_the_standing_member_of_the_secretariat_is_a_national_post():
    [official] = extract(Article(id="x", title="", body="Thường trực Ban Bí thư Lê Văn Hà đã tặng hoa."))
    assert official.place == "trung ương"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare post, a dash, a second post: two posts, the body is the second's
        ("Bà Hà Thị Nga, Phó Chủ tịch - Tổng Thư ký Hội Liên hiệp Phụ nữ Việt Nam cho biết.",
         [("Hà Thị Nga", ["Phó Chủ tịch", "Tổng Thư ký Hội Liên hiệp Phụ nữ Việt Nam"])]),
        # a parent body after a dash is still the title's
        ("Ông Lê Văn Hà, Cục trưởng Cục Điều tra chống buôn lậu - Tổng cục Hải quan cho biết.",
         [("Lê Văn Hà", ["Cục trưởng Cục Điều tra chống buôn lậu - Tổng cục Hải quan"])]),
    ],
)
def test_two_posts_joined_by_a_dash_are_two_titles(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, title",
    [
        # "đương nhiệm" (in office) after a title is no part of the body
        ("Ông Lê Văn Hà cũng sẽ là Chủ tịch UBND tỉnh đương nhiệm đầu tiên đến thăm xã.", "Chủ tịch UBND tỉnh"),
        ("Bà Trần Thị Mai, Bộ trưởng Bộ Y tế đương chức, cho biết.", "Bộ trưởng Bộ Y tế"),
    ],
)
def test_in_office_after_a_title_is_no_part_of_it(text, title):
    assert officials(text)[0][1] == [title]


def test_a_district_after_a_title_is_no_person():
    text = (
        "Vụ việc xảy ra ở quận Lê Chân. Thiếu tá Chu Văn Toàn - Trưởng CA phường An Biên, Lê Chân cho biết "
        "đã triệu tập các đối tượng."
    )
    assert officials(text) == [("Chu Văn Toàn", ["Thiếu tá", "Trưởng CA phường An Biên"])]


def test_a_person_named_like_a_place_is_still_a_person():
    text = "Ông Trần Châu, Phó Chủ tịch UBND tỉnh Bình Định cho biết. Phó Chủ tịch UBND tỉnh Trần Châu khẳng định."
    assert officials(text) == [("Trần Châu", ["Phó Chủ tịch UBND tỉnh Bình Định"])]
    text = "Ông Hà Đông, Chủ tịch UBND xã Tân Lập cho biết, xã này giáp quận Hà Đông."
    assert officials(text) == [("Hà Đông", ["Chủ tịch UBND xã Tân Lập"])]


def test_a_ward_named_for_a_person_gives_no_province():
    [official] = extract(Article(id="x", title="", body=(
        "Bà Lưu Thị Phượng, Chủ tịch UBND phường Nguyễn Thái Bình, quận 1, TP.HCM chia sẻ về vỉa hè.")))
    assert official.place == "Hồ Chí Minh"  # not Thái Bình
    [official] = extract(Article(id="x", title="", body=(
        "Bà Lưu Thị Phượng, Chủ tịch phường Nguyễn Thái Bình chia sẻ. Phường nằm ở trung tâm TP.HCM, "
        "nơi TP.HCM đang lập lại trật tự vỉa hè.")))
    assert official.place == "Hồ Chí Minh"


def test_a_title_ending_in_a_countrys_name_is_kept_though_a_false_name_holds_its_end():
    text = (
        "Nhận lời mời của Bộ trưởng Ngoại giao Bồ Đào Nha Augusto Santos Silva, Phó Thủ tướng Lê Văn Hà "
        "đã thăm Bồ Đào Nha."
    )
    assert ("Augusto Santos Silva", ["Bộ trưởng Ngoại giao Bồ Đào Nha"]) in officials(text)


def test_a_general_named_by_his_rank_in_full_needs_no_bare_tuong():
    text = "Trung tướng Lê Văn Hà đã dự lễ. Phó Tư lệnh Quân khu 7 tướng Lê Văn Hà phát biểu."
    assert officials(text) == [("Lê Văn Hà", ["Trung tướng", "Phó Tư lệnh Quân khu 7"])]


def test_a_motor_sports_federation_is_no_public_body():
    assert officials("Ca sĩ Lê Thị Mai cũng là phó chủ tịch Liên đoàn Mô tô thể thao Việt Nam.") == []


def test_the_one_credentials_are_presented_to_is_not_given_the_ambassadors_post():
    text = (
        "Sáng nay, Đại sứ Chile Pedro Alvarez đã trình Quốc thư lên Chủ tịch nước Lê Văn Hà nhân dịp được "
        "bổ nhiệm làm Đại sứ Đặc mệnh toàn quyền tại Việt Nam."
    )
    assert ("Lê Văn Hà", ["Chủ tịch nước"]) in officials(text)


@pytest.mark.parametrize("post", ["Phó Trưởng phòng Tài chính", "Phó Trưởng phòng-Tài chính"])
def test_a_post_cancelled_for_someone_else_is_not_the_speakers(post):
    text = (
        f"Ông Trần Văn Cường – Phó Chủ tịch UBND huyện Hòa Vang nói rằng tỉnh đã hủy bỏ chức vụ {post} "
        "đối với ông Hải từ tháng trước."
    )
    assert officials(text) == [("Trần Văn Cường", ["Phó Chủ tịch UBND huyện Hòa Vang"])]


def test_a_new_post_after_the_name_is_still_the_persons():
    assert officials("Ông Lê Văn Hà, Phó Giám đốc Sở Y tế vừa được bổ nhiệm giữ chức vụ Giám đốc Sở Y tế.") == [
        ("Lê Văn Hà", ["Phó Giám đốc Sở Y tế", "Giám đốc Sở Y tế"])
    ]


def test_a_misspelt_foreign_name_goes_under_the_spelling_written_most():
    text = (
        "Tổng thống Nga Valdimir Pultin đã gặp Thủ tướng Lê Văn Hà. Tổng thống Vladimir Pultin nói rằng hai "
        "nước là đối tác. Ông Vladimir Pultin cũng mời Thủ tướng thăm Nga."
    )
    assert ("Vladimir Pultin", ["Tổng thống Nga"]) in officials(text)
    assert "Valdimir Pultin" not in [name for name, _ in officials(text)]


@pytest.mark.parametrize(
    "text",
    [
        "PGS.TS Trần Thị Hoa, Giám đốc Bệnh viện Đa khoa An Việt (Hà Nội) cho rằng thuốc lá có hại.",
        "Theo ông Trịnh Văn Yên, Giám đốc Trung tâm UNESCO nghiên cứu văn hóa dân gian, lễ mừng thọ rất quý.",
        "PGS-TS Đỗ Văn Bang - Chủ tịch Hội khoa học lịch sử tỉnh Bình Định cho biết.",
        "Ông Dương Văn Minh - Chủ tịch Tập đoàn Him Lam bị cổ đông phản ứng.",
        "Ông Kenji Tanaka - Đội trưởng đội pháo hoa Nhật Bản rà soát dàn pháo.",
    ],
)
def test_private_hospitals_unesco_centres_societies_and_groups_are_no_public_bodies(text):
    # (the seed-53 judges: a private hospital, a UNESCO club's centre, a history society, a private group)
    assert officials(text) == []


@pytest.mark.parametrize(
    "text, title",
    [
        # a unit's post, a comma, the state company it belongs to
        ("Ông Đặng Văn Hải – Trưởng phòng kỹ thuật, Công ty điện lực Hà Tĩnh cho biết lưới điện đã sẵn sàng.",
         "Trưởng phòng kỹ thuật, Công ty điện lực Hà Tĩnh"),
        ("Ông Đặng Văn Hải, Phó trưởng phòng Tổ chức, Tổng công ty Điện lực miền Trung cho biết.",
         "Phó trưởng phòng Tổ chức, Tổng công ty Điện lực miền Trung"),
        # "kỹ thuật" goes on in a body's name in lower case
        ("Ông Lê Văn Hà, Hiệu trưởng Trường ĐH Sư phạm kỹ thuật Vĩnh Long cho biết.",
         "Hiệu trưởng Trường ĐH Sư phạm kỹ thuật Vĩnh Long"),
    ],
)
def test_a_units_post_keeps_the_state_company_after_its_comma(text, title):
    assert officials(text)[0][1] == [title]


def test_a_units_post_in_a_private_company_after_its_comma_is_left_out():
    assert officials("Ông Đặng Văn Hải, Trưởng phòng Kinh doanh, Công ty CP Sữa Hà Nội cho biết.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hamlet ("xóm", "ấp") goes on in the title as "thôn" does, with its name or number
        ("Theo Bí thư Chi bộ xóm Đồng Tâm Lâm Văn Páo, ruộng đã bị sụt lún nhiều năm.",
         [("Lâm Văn Páo", ["Bí thư Chi bộ xóm Đồng Tâm"])]),
        ("Ông Lê Văn Hà, Bí thư chi bộ ấp 3, cho biết.", [("Lê Văn Hà", ["Bí thư chi bộ ấp 3"])]),
    ],
)
def test_a_hamlets_party_cell_is_part_of_the_title(text, expected):
    assert officials(text) == expected


def test_an_arab_leader_named_short_after_the_full_name_is_one_person():
    text = (
        "Ngoại trưởng Oman Sheikh Khalid bin Hamad al-Busaidi phát biểu tại Geneva. "
        "Sau đó, Bộ trưởng Sheikh Khalid vẫn giữ lập trường cũ."
    )
    names = [name for name, _ in officials(text)]
    assert len(names) == 1 and names[0].startswith("Khalid bin Hamad")  # (round 18: the article's case)
