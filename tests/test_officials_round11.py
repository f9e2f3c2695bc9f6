"""The officials extractor, round 11 of issue #11: long bodies' names no longer cut at a
lower-case word, at "về" or inside a list of domains, a place named "Bà …" after its level, a
delegation or an institution no longer read as a person (the kinds the blind facet samples of
seeds 47-51 showed). Every sentence here is ours, written in the shape of real prose; each test
fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import extract


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="", body=body))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "ngoài nước" (overseas): a function word that is part of the body's name
        ("Ông Lê Văn Hà, Phó Cục trưởng Cục Quản lý lao động ngoài nước cho biết hồ sơ đã đủ.",
         [("Lê Văn Hà", ["Phó Cục trưởng Cục Quản lý lao động ngoài nước"])]),
        # a boarding school's kind, after "dân tộc"
        ("Ông Lê Văn Hà, Hiệu trưởng Trường Phổ thông dân tộc bán trú THCS xã Nậm Cắn cho biết học sinh đã đến lớp.",
         [("Lê Văn Hà", ["Hiệu trưởng Trường Phổ thông dân tộc bán trú THCS xã Nậm Cắn"])]),
        ("Bà Lò Thị Mai, Hiệu trưởng Trường PTDT nội trú huyện Mường Tè cho biết.",
         [("Lò Thị Mai", ["Hiệu trưởng Trường PTDT nội trú huyện Mường Tè"])]),
        # a province's lottery company: "Xổ số kiến thiết", whose "số" is no number
        ("Ông Lê Văn Hà, Tổng giám đốc Công ty TNHH MTV Xổ số kiến thiết Cần Thơ cho biết vé đã bán hết.",
         [("Lê Văn Hà", ["Tổng giám đốc Công ty TNHH MTV Xổ số kiến thiết Cần Thơ"])]),
    ],
)
def test_a_bodys_lower_case_words_stay_in_the_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a state company's own name after its legal form, its second word in lower case
        ("Ông Lê Văn Hà, Phó Tổng giám đốc Công ty TNHH Một thành viên Công viên cây xanh Hải Phòng cho biết cây đã trồng.",
         [("Lê Văn Hà", ["Phó Tổng giám đốc Công ty TNHH Một thành viên Công viên cây xanh Hải Phòng"])]),
        # (the verb after it still ends the title)
        ("Ông Lê Văn Hà, Giám đốc Công ty TNHH MTV Cấp nước nói rằng nước đã về.",
         [("Lê Văn Hà", ["Giám đốc Công ty TNHH MTV Cấp nước"])]),
    ],
)
def test_a_companys_own_name_goes_on_in_lower_case(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ông Lê Văn Hà, Chánh Văn phòng Quốc gia về Giảm nghèo cho biết.",
         [("Lê Văn Hà", ["Chánh Văn phòng Quốc gia về Giảm nghèo"])]),
        ("Bà Lê Thị Hà, Phó Chủ tịch Ủy ban Quốc gia về Người cao tuổi Việt Nam phát biểu.",
         [("Lê Thị Hà", ["Phó Chủ tịch Ủy ban Quốc gia về Người cao tuổi Việt Nam"])]),
        # (but "về" before a person, or a verb's "về", is no part of the body)
        ("Ông Lê Văn Hà, Ủy viên Trung ương về dự.", [("Lê Văn Hà", ["Ủy viên Trung ương"])]),
    ],
)
def test_a_national_bodys_purpose_after_ve_stays_in_the_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a committee of the National Assembly named for five domains, the last after "và"
        ("Ông Lê Văn Hà - Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội "
         "cho rằng cần làm rõ.",
         [("Lê Văn Hà", ["Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội"])]),
        # (a second post after the list is still a post of its own)
        ("Ông Lê Văn Hà, Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Phó Chủ tịch Hội Nông dân dự họp.",
         [("Lê Văn Hà", ["Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên", "Phó Chủ tịch Hội Nông dân"])]),
    ],
)
def test_a_committees_listed_domains_stay_whole(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Bà Rịa", "Bà Điểm": places, after their level's word, not "Mrs"
        ("Ông Lê Văn Hà được bổ nhiệm giữ chức Viện trưởng VKSND TP Bà Rịa.",
         [("Lê Văn Hà", ["Viện trưởng VKSND TP Bà Rịa"])]),
        ("Ông Lê Văn Hà giữ chức Viện trưởng VKSND TP. Bà Rịa, từ ngày 15/5.",
         [("Lê Văn Hà", ["Viện trưởng VKSND TP. Bà Rịa"])]),
        ("Chủ tịch UBND xã Bà Điểm Lê Văn Hà cho biết.", [("Lê Văn Hà", ["Chủ tịch UBND xã Bà Điểm"])]),
        # (while "Bà" before a woman's name is still her honorific)
        ("Phó Chủ tịch UBND huyện Bà Lê Thị Hà cho biết.", [("Lê Thị Hà", ["Phó Chủ tịch UBND huyện"])]),
    ],
)
def test_a_place_named_ba_is_not_read_as_an_honorific(text, expected):
    assert officials(text) == expected


def test_a_deputys_delegation_in_brackets_is_no_person():
    # "(Đoàn Nghệ An - …)": the deputy's provincial delegation, not a man called Đoàn Nghệ An
    found = officials("Đại biểu Lê Văn Hà (Đoàn Nghệ An - Phó Chủ nhiệm Ủy ban Pháp luật của Quốc hội) cho rằng "
                      "dự thảo chưa khả thi.")
    assert [name for name, _ in found] == ["Lê Văn Hà"]
    # (while a man whose given name is a province's is still a person)
    assert officials("Ông Đoàn Thái Bình, Chủ tịch UBND huyện Tiên Lữ cho biết.") == [
        ("Đoàn Thái Bình", ["Chủ tịch UBND huyện Tiên Lữ"])
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "phát ngôn viên" (spokesman) is a post like "người phát ngôn"
        ("Ông Lê Văn Tám, phát ngôn viên Bộ Ngoại giao cho biết lịch thăm đã định.",
         [("Lê Văn Tám", ["phát ngôn viên Bộ Ngoại giao"])]),
        # the chiefs' council is a body: its spokesman is no chief of staff
        ("Phát ngôn viên Hội đồng tham mưu trưởng liên quân Hàn Quốc Kim Min-seok nói tên lửa rơi xuống biển.",
         [("Kim Min-seok", ["Phát ngôn viên Hội đồng tham mưu trưởng liên quân Hàn Quốc"])]),
        # (the council's chairman keeps the council in his post)
        ("Chủ tịch Hội đồng tham mưu trưởng liên quân Mỹ John Walker nói.",
         [("John Walker", ["Chủ tịch Hội đồng tham mưu trưởng liên quân Mỹ"])]),
    ],
)
def test_a_spokesman_of_the_chiefs_council_is_no_chief_of_staff(text, expected):
    assert officials(text) == expected


def test_a_hospital_named_for_a_person_is_no_person():
    # the hospital's province after a comma shows the name is the hospital's, not the next person's
    text = "Ông Lê Văn Tám, nguyên Phó giám đốc Bệnh viện Y học cổ truyền Phạm Ngọc Thạch, tỉnh Lâm Đồng bị 5 năm tù."
    assert officials(text) == [
        ("Lê Văn Tám", ["nguyên Phó giám đốc Bệnh viện Y học cổ truyền Phạm Ngọc Thạch, tỉnh Lâm Đồng"])
    ]
    assert officials("Nguyên Phó giám đốc Bệnh viện Y học cổ truyền Phạm Ngọc Thạch, tỉnh Lâm Đồng bị 5 năm tù.") == []
    # (while a hospital's director named after his title is still a person)
    assert officials("Giám đốc Bệnh viện Đa khoa tỉnh Nguyễn Văn An cho biết ca mổ thành công.") == [
        ("Nguyễn Văn An", ["Giám đốc Bệnh viện Đa khoa tỉnh"])
    ]


def test_the_start_of_a_places_name_is_no_person():
    # "Lầu Năm góc" typed with a small "g": "Lầu Năm" is no one
    assert officials("Hôm qua, một phát ngôn viên Lầu Năm góc tuyên bố Mỹ sẵn sàng đáp trả.") == []


def test_what_a_research_centre_studies_stays_in_the_title():
    # "Tội" opens many sentences, but after "Nghiên cứu" it is what the centre studies
    assert officials(
        "Đại tá Lê Văn Tám – Phó Giám đốc Trung tâm Nghiên cứu Tội phạm học và Điều tra tội phạm (Học viện Cảnh sát "
        "nhân dân) cho rằng bạo lực có nhiều nguyên nhân."
    ) == [("Lê Văn Tám", ["Đại tá",
                          "Phó Giám đốc Trung tâm Nghiên cứu Tội phạm học và Điều tra tội phạm (Học viện Cảnh sát nhân dân)"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an ad-hoc steering board, in lower case: what it steers is part of the post
        ("Trưởng ban chỉ đạo thi THPT quốc gia 2019, Thứ trưởng Bộ GD-ĐT Lê Văn Tám cho biết đề đã in xong.",
         [("Lê Văn Tám", ["Trưởng ban chỉ đạo thi THPT quốc gia 2019", "Thứ trưởng Bộ GD-ĐT"])]),
        ("Ông Lê Văn Tám, Trưởng ban chỉ đạo giải thưởng nhấn mạnh chất lượng bài dự thi.",
         [("Lê Văn Tám", ["Trưởng ban chỉ đạo giải thưởng"])]),
        # an organising board and its festival, held at a temple named for the people it honours
        ("Ông Lê Văn Tám, Trưởng ban tổ chức Lễ hội đền Trần Nam Định cho biết năm nay không phát ấn.",
         [("Lê Văn Tám", ["Trưởng ban tổ chức Lễ hội đền Trần Nam Định"])]),
        # (a person after the board is no part of it)
        ("Trưởng ban tổ chức Lê Văn Tám cho biết.", [("Lê Văn Tám", ["Trưởng ban tổ chức"])]),
    ],
)
def test_what_an_ad_hoc_board_runs_stays_in_the_post(text, expected):
    assert officials(text) == expected


def test_a_units_two_domains_joined_by_a_bare_hyphen_stay_whole():
    # "Tài chính-Kế hoạch", the hyphen written without spaces, as "Tài chính - Kế hoạch"
    assert officials("Ông Hồ Văn Tám, Trưởng phòng Tài chính-Kế hoạch huyện Tiên Lữ cho biết.") == [
        ("Hồ Văn Tám", ["Trưởng phòng Tài chính-Kế hoạch huyện Tiên Lữ"])
    ]
    # (a person after the hyphen is no domain)
    assert officials("Ông Hồ Văn Tám, Giám đốc Sở Tài chính-Nguyễn Văn An cho biết.") == [
        ("Hồ Văn Tám", ["Giám đốc Sở Tài chính"])
    ]


def test_posts_listed_after_a_named_guest_are_other_guests():
    # a list of who came, ending with "Thứ trưởng các Bộ …": the bare posts after the named
    # minister are held by people the article does not name
    assert officials(
        "Đi cùng Phó Thủ tướng có Bộ trưởng Bộ Tư pháp Lê Văn Tám, Phó Chánh án Tòa án nhân dân tối cao, "
        "Phó Chủ nhiệm Văn phòng Chính phủ, Thứ trưởng các Bộ Ngoại giao, Công an."
    ) == [("Lê Văn Tám", ["Bộ trưởng Bộ Tư pháp"])]
    # (while a second post of his own after his name stays his)
    assert officials("Bộ trưởng Bộ Tư pháp Lê Văn Tám, Trưởng ban chỉ đạo cải cách tư pháp, đã phát biểu.") == [
        ("Lê Văn Tám", ["Bộ trưởng Bộ Tư pháp", "Trưởng ban chỉ đạo cải cách tư pháp"])
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bà Lê Thị Tám, Hiệu trưởng nhà trường xin lỗi phụ huynh.", [("Lê Thị Tám", ["Hiệu trưởng nhà trường"])]),
        ("Bà Lê Thị Tám, Hiệu trưởng nhà trường xin nhận trách nhiệm.", [("Lê Thị Tám", ["Hiệu trưởng nhà trường"])]),
    ],
)
def test_the_verb_xin_is_not_glued_onto_a_title(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # where a delegation goes, after "tại", is part of its head's post
        ("Ông Lê Văn Tám, Phó Tổng cục trưởng Tổng cục TDTT kiêm Trưởng đoàn TTVN tại SEA Games 31 cho biết.",
         [("Lê Văn Tám", ["Phó Tổng cục trưởng Tổng cục TDTT", "Trưởng đoàn TTVN tại SEA Games 31"])]),
        ("Phó Tổng cục trưởng Tổng cục TDTT, Trưởng đoàn thể thao Việt Nam tại SEA Games 31 Lê Văn Tám cho biết.",
         [("Lê Văn Tám", ["Phó Tổng cục trưởng Tổng cục TDTT", "Trưởng đoàn thể thao Việt Nam tại SEA Games 31"])]),
        # (a person after "tại" is no event)
        ("Ông Lê Văn Tám, Trưởng đoàn Việt Nam tại Nguyễn Văn An cho biết.",
         [("Lê Văn Tám", ["Trưởng đoàn Việt Nam"])]),
    ],
)
def test_a_delegations_event_stays_in_its_heads_post(text, expected):
    assert officials(text) == expected
