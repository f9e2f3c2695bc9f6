"""The officials extractor, round 19 of issue #11: a province written with a dash before the holder's
name ("UBND tỉnh Thừa Thiên - Huế X", "Bà Rịa- Vũng Tàu"); former and present posts said after the
name ("khi còn …", "khi đó là … và hiện nay là …", after a kinship "chị ông Quý"); "lúc bấy giờ là
ông X"; a city's committee that leaves the city unnamed ("Chủ tịch UBND Thành phố X"); a dash after
"của <post>"; a passive's agent keeps no post appointed to someone else; a two-word country with a
hyphen ("Timor-Leste"); a date after a title opens the next sentence; "TP.HCM" ends no sentence;
a post "chức vụ <post> của ông X"; a term in figures ("khóa 13"); "Ủy ban Các vấn đề xã hội" in capitals; a shared post before a list of people with posts of their own; a post
after a bracket of posts ("(…) làm Trưởng ban"); "do Thứ trưởng X làm trưởng ban". The kinds a user
trial, the sixteenth blind set (now development data) and facet seed 59 showed. Every sentence here
is ours, written in the shape of real prose; each test fails without the rule it names."""

import pytest

from indexer import indexing
from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert int(EXTRACTOR_VERSION) >= 21  # (round 20 bumped it again)


def officials(body: str, title: str = ""):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title=title, body=body))]


@pytest.mark.parametrize(
    "text, expected, place",
    [
        ("Chủ tịch UBND tỉnh Thừa Thiên - Huế Nguyễn Văn Cao cho biết tỉnh sẽ mở thêm tuyến xe buýt.",
         [("Nguyễn Văn Cao", ["Chủ tịch UBND tỉnh Thừa Thiên - Huế"])], "Thừa Thiên Huế"),
        ("Chủ tịch UBND tỉnh Thừa Thiên – Huế Phan Ngọc Thọ đã ký công văn gửi các huyện.",
         [("Phan Ngọc Thọ", ["Chủ tịch UBND tỉnh Thừa Thiên – Huế"])], "Thừa Thiên Huế"),
        ("Phó Chủ tịch UBND tỉnh Bà Rịa- Vũng Tàu Nguyễn Thành Long đã ký quyết định thu hồi đất.",
         [("Nguyễn Thành Long", ["Phó Chủ tịch UBND tỉnh Bà Rịa- Vũng Tàu"])], "Bà Rịa Vũng Tàu"),
        ("Phó Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu Lê Tuấn Quốc kiểm tra công trình kè biển.",
         [("Lê Tuấn Quốc", ["Phó Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu"])], "Bà Rịa Vũng Tàu"),
    ],
)
def test_a_province_written_with_a_dash_before_the_name(text, expected, place):
    # the user trial: three articles of Thừa Thiên - Huế's chairman named no official at all
    found = extract(Article(id="x", title="", body=text))
    assert [(o.name, list(o.titles)) for o in found] == expected
    assert found[0].place == place


def test_the_provinces_second_part_alone_is_no_short_name():
    # the bound of the rule above (a name of two words at least after the province): "… Công an tỉnh Thừa Thiên- Huế cho biết": no name follows, and "Huế" is no one's given name
    text = ("Thiếu tá Lê Quốc Hải, Phó trưởng Phòng Cảnh sát QLHC Công an tỉnh Thừa Thiên- Huế cho biết mỗi ngày "
            "phòng nhận 400 hồ sơ. Thiếu tá Nguyễn Thị Xuân Huệ - Phó trưởng phòng, cho biết thêm về thủ tục.")
    assert ("Nguyễn Thị Xuân Huệ", ["Thiếu tá", "Phó trưởng phòng"]) in officials(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trước đó, bà Hoàng Thị Thu Hà - khi đó là Chủ tịch UBND tỉnh Yên Bái và hiện nay là Bí thư Tỉnh ủy Yên "
         "Bái - đã ký quyết định bổ nhiệm.",
         [("Hoàng Thị Thu Hà", ["Chủ tịch UBND tỉnh Yên Bái", "Bí thư Tỉnh ủy Yên Bái"])]),
        ("Quyết định do ông Trần Văn Nam, khi còn Chủ tịch UBND tỉnh Lào Cai, ký hồi năm 2015.",
         [("Trần Văn Nam", ["Chủ tịch UBND tỉnh Lào Cai"])]),
        ("Ông Trần Văn Nam, khi còn là Giám đốc Sở Xây dựng, đã duyệt dự án này.",
         [("Trần Văn Nam", ["Giám đốc Sở Xây dựng"])]),
        ("Bà Hoàng Thị Thu Hà, khi đó là Chủ tịch UBND tỉnh Yên Bái, trả lời báo chí về việc bổ nhiệm.",
         [("Hoàng Thị Thu Hà", ["Chủ tịch UBND tỉnh Yên Bái"])]),
        # a kinship between the commas: the post is still hers, not her brother's
        ("Bà Hoàng Thị Thu Hà, chị ông Tuấn, khi đó là Chủ tịch UBND tỉnh Yên Bái cho báo chí hay việc bổ nhiệm "
         "là quyết định của tập thể.",
         [("Hoàng Thị Thu Hà", ["Chủ tịch UBND tỉnh Yên Bái"])]),
    ],
)
def test_a_former_or_present_post_after_the_name(text, expected):
    # the user trial: "khi đó là", "khi còn" after the name gave no title, and the article no official
    assert officials(text) == expected


def test_a_post_then_lúc_bấy_giờ_là_and_its_holder():
    text = "Ngày 11-3, Bí thư Thành ủy lúc bấy giờ là ông Đinh Văn Thắng nói quận không thể cô đơn."
    assert officials(text) == [("Đinh Văn Thắng", ["Bí thư Thành ủy"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Năm 2016, Chủ tịch UBND Thành phố Nguyễn Đức Chung đã ký các văn bản chỉ đạo các sở kiểm tra.",
         [("Nguyễn Đức Chung", ["Chủ tịch UBND Thành phố"])]),
        ("Phó Chủ tịch HĐND thành phố Lê Văn Tám phát biểu tại kỳ họp.",
         [("Lê Văn Tám", ["Phó Chủ tịch HĐND thành phố"])]),
        # a city named for a person stays a place
        ("Chủ tịch UBND thành phố Hồ Chí Minh Nguyễn Thành Phong yêu cầu các quận giải tỏa vỉa hè.",
         [("Nguyễn Thành Phong", ["Chủ tịch UBND thành phố Hồ Chí Minh"])]),
    ],
)
def test_a_citys_committee_without_the_citys_name(text, expected):
    # the user trial: "Chủ tịch UBND Thành phố Nguyễn Đức Chung" read the name as the city's
    assert officials(text) == expected


def test_a_citys_committee_left_unnamed_is_the_articles_central_city():
    # "Thành phố" alone is one of the five cities run by the centre, not a province a project is named for
    text = ("Sau khi báo chí phản ánh sai phạm tại dự án Hòa Bình Green City, Hà Nội đã có văn bản truyền đạt ý kiến "
            "của Phó chủ tịch UBND thành phố Nguyễn Thế Hùng, yêu cầu quận Hai Bà Trưng xem xét trách nhiệm. Dự án "
            "Hòa Bình Green City có 5 tòa nhà.")
    found = extract(Article(id="x", title="", body=text))
    assert [(o.name, list(o.titles), o.place) for o in found] == [
        ("Nguyễn Thế Hùng", ["Phó chủ tịch UBND thành phố"], "Hà Nội")
    ]
    # a provincial city's committee, in an article about its province (and quoting a paper named for TP.HCM)
    text = ("Trao đổi với báo Pháp Luật TP.HCM, ông Tôn Văn Giáp cho hay UBND tỉnh Thừa Thiên - Huế đã họp về ngôi mộ. "
            "Tại cuộc làm việc với UBND TP Huế, ông Võ Lê Nhật, Phó chủ tịch UBND thành phố thông báo phương án của "
            "UBND tỉnh Thừa Thiên - Huế.")
    found = extract(Article(id="x", title="", body=text))
    assert [(o.name, o.place) for o in found] == [("Võ Lê Nhật", "Thừa Thiên Huế")]


def test_a_dash_after_của_and_a_post_sets_the_holder_beside_it():
    text = ("Ông Lê Văn Mão cho biết ông chia sẻ với phát biểu của Chủ tịch Ủy ban Nhân dân Thành phố – ông Nguyễn "
            "Đức Chung: quy hoạch phải đi trước một bước.")
    assert ("Nguyễn Đức Chung", ["Chủ tịch Ủy ban Nhân dân Thành phố"]) in officials(text)
    # on someone's behalf, the post is still another's
    text = "Thừa ủy quyền của Chủ tịch nước – ông Trần Văn Bình đã trao quyết định cho các tân đại sứ."
    assert officials(text) == []


def test_the_agent_of_a_passive_is_not_given_the_post_appointed():
    text = ("Ông Hoàng Văn Tuấn được bà Hoàng Thị Thu Hà, khi còn Chủ tịch UBND tỉnh Yên Bái, ký quyết định bổ nhiệm "
            "làm Giám đốc Sở Tài nguyên và Môi trường.")
    assert officials(text) == [("Hoàng Thị Thu Hà", ["Chủ tịch UBND tỉnh Yên Bái"])]


def test_a_two_word_country_written_with_a_hyphen():
    # seed 59: the facet showed "Timor-Leste Francisco Guterres"
    text = "Chủ tịch nước đã gửi điện mừng Tổng thống Timor-Leste Francisco Guterres nhân dịp nhậm chức."
    assert ("Francisco Guterres", ["Tổng thống Timor-Leste"]) in officials(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # seed 59: "Tổng giám đốc Vinaconex Năm", the next sentence's date glued on where a full stop is missing
        ("Ông Lê Trọng Quỳnh, Giám đốc Sở Xây dựng Năm 2017, sở đặt mục tiêu hoàn thành 30 công trình.",
         [("Lê Trọng Quỳnh", ["Giám đốc Sở Xây dựng"])]),
        ("Ông Lê Trọng Quỳnh, Tổng giám đốc Vinaconex Năm 2017, công ty đặt mục tiêu lãi 400 tỷ đồng.",
         [("Lê Trọng Quỳnh", ["Tổng giám đốc Vinaconex"])]),
    ],
)
def test_a_date_after_a_title_opens_the_next_sentence(text, expected):
    assert officials(text) == expected


def test_a_post_taken_up_after_tp_hcm_in_the_same_sentence():
    text = ("Ông Nguyễn Mạnh Cường, Bí thư Thành đoàn TP.HCM được Thành ủy TP.HCM điều động tham gia Ban chấp hành "
            "Quận ủy Thủ Đức và giữ chức Bí thư Quận ủy Thủ Đức.")
    assert officials(text) == [("Nguyễn Mạnh Cường", ["Bí thư Thành đoàn TP.HCM", "Bí thư Quận ủy Thủ Đức"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bà Bùi Thị An, đại biểu Quốc hội khóa 13, đặt vấn đề về trách nhiệm của cơ quan bảo hiểm.",
         [("Bùi Thị An", ["đại biểu Quốc hội khóa 13"])]),
        ("Đại biểu Quốc hội khóa 13 Bùi Thị An đặt vấn đề về trách nhiệm của cơ quan bảo hiểm.",
         [("Bùi Thị An", ["Đại biểu Quốc hội khóa 13"])]),
        ("Ông Lê Văn Nam, Ủy viên Trung ương Đảng khóa 11, 12, Bí thư Tỉnh ủy Yên Bái, dự buổi lễ.",
         [("Lê Văn Nam", ["Ủy viên Trung ương Đảng khóa 11, 12", "Bí thư Tỉnh ủy Yên Bái"])]),
    ],
)
def test_a_term_written_in_figures(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Phó chủ nhiệm UB Các vấn đề xã hội Bùi Sỹ Lợi kể lại chuyến công tác của mình.",
         [("Bùi Sỹ Lợi", ["Phó chủ nhiệm UB Các vấn đề xã hội"])]),
        ("Phó chủ nhiệm Ủy ban Các vấn đề xã hội của Quốc hội Bùi Sỹ Lợi kể lại chuyến công tác của mình.",
         [("Bùi Sỹ Lợi", ["Phó chủ nhiệm Ủy ban Các vấn đề xã hội của Quốc hội"])]),
    ],
)
def test_a_committees_name_in_capitals_after_its_committee(text, expected):
    # heldout16: "Các" after "UB" read as a new sentence's word, and the deputy was lost
    assert officials(text) == expected


def test_a_shared_post_before_a_list_of_people_with_posts_of_their_own():
    text = ("Cùng dự có các Ủy viên T.Ư Đảng: Ngô Thị Hằng, Phó Bí thư Thường trực Thành ủy; Trần Văn Nam, Chủ tịch "
            "UBND TP Hà Nội.")
    assert officials(text) == [
        ("Ngô Thị Hằng", ["Ủy viên T.Ư Đảng", "Phó Bí thư Thường trực Thành ủy"]),
        ("Trần Văn Nam", ["Ủy viên T.Ư Đảng", "Chủ tịch UBND TP Hà Nội"]),
    ]


def test_a_post_named_as_someones_after_chức_vụ():
    text = ("Sở Y tế đã đồng ý với nguyện vọng xin thôi chức vụ Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm "
            "tỉnh của ông Lê Trọng Trang.")
    assert officials(text) == [("Lê Trọng Trang", ["Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm tỉnh"])]
    # without "chức vụ" before it, "của" still leaves the post someone else's
    text = "Văn bản nêu rõ ý kiến chỉ đạo của Chủ tịch UBND tỉnh của ông Lê Trọng Trang về vụ việc."
    assert officials(text) == []


def test_a_post_after_a_bracket_of_posts():
    text = ("Ban Chỉ đạo do Thượng tướng Lê Văn Long (Thứ trưởng Bộ Công an) làm Trưởng ban; Trung tướng Trần Ngọc Hà "
            "(Cục trưởng Cục Cảnh sát Hình sự) là Phó Trưởng Ban Thường trực.")
    assert officials(text) == [
        ("Lê Văn Long", ["Thượng tướng", "Thứ trưởng Bộ Công an", "Trưởng ban"]),
        ("Trần Ngọc Hà", ["Trung tướng", "Cục trưởng Cục Cảnh sát Hình sự", "Phó Trưởng Ban Thường trực"]),
    ]
    # a bracket then "làm việc": no post
    assert officials("Ông Lê Văn Nam (Giám đốc Sở Y tế) làm việc với đoàn kiểm tra.") == [
        ("Lê Văn Nam", ["Giám đốc Sở Y tế"])
    ]


def test_the_board_an_official_is_put_at_the_head_of():
    text = "Ban soạn thảo có 17 thành viên do Thứ trưởng Hồ Thị Kim Thoa làm trưởng ban."
    assert officials(text) == [("Hồ Thị Kim Thoa", ["Thứ trưởng", "trưởng ban"])]
    # a trial's chair is no post
    text = "Hội đồng xét xử do Thẩm phán Lê Thị Minh Nguyệt làm chủ tọa."
    assert officials(text) == [("Lê Thị Minh Nguyệt", ["Thẩm phán"])]


def test_the_facet_finds_the_chairman_named_after_a_dashed_province(tmp_path):
    # the user trial, as the researcher met it: the facet had no entry for the chairman
    articles = [
        {"id": "hue1", "title": "Huế mở tuyến buýt", "date": "2024-03-01",
         "body": "Chủ tịch UBND tỉnh Thừa Thiên - Huế Nguyễn Văn Cao cho biết tỉnh sẽ mở thêm tuyến xe buýt."},
        {"id": "hue2", "title": "Huế làm đường", "date": "2024-03-02",
         "body": "Ông Nguyễn Văn Cao, Chủ tịch UBND tỉnh Thừa Thiên Huế, kiểm tra tiến độ làm đường."},
    ]
    src = write_jsonl(tmp_path / "src" / "articles.jsonl", articles)
    indexing.update(tmp_path / "index", [src])
    searcher = Searcher(tmp_path / "index")
    result = searcher.search(SearchRequest())
    assert {c.value: c.count for c in result.facets["official"]} == {"Nguyễn Văn Cao": 2}
    assert sorted(h.id for h in searcher.search(SearchRequest(officials=("nguyen van cao",))).hits) == ["hue1", "hue2"]
