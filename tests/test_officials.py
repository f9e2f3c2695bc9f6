"""The officials extractor, the curated list and the officials listing (issue #3)."""

import json
import unicodedata

import pytest

from indexer import indexing
from indexer.cli import cli
from indexer.errors import TimtinError
from indexer.models import Article
from indexer.officials import Curated, CuratedPerson, extract
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl
from tests.tools import eval_officials


def officials(body: str, title: str = "", author: str | None = None, curated=None):
    found = extract(Article(id="x", title=title, body=body, author=author), curated)
    return [(o.name, list(o.titles)) for o in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        # name, then titles
        ("Dự có đồng chí Nguyễn Văn Dũng, Phó Bí thư Thường trực Tỉnh uỷ, Chủ tịch HĐND tỉnh tại hội nghị.",
         [("Nguyễn Văn Dũng", ["Phó Bí thư Thường trực Tỉnh uỷ", "Chủ tịch HĐND tỉnh"])]),
        # titles, then name, with the place between
        ("Phó Chủ tịch UBND tỉnh Đoàn Thu Hà dự lễ.", [("Đoàn Thu Hà", ["Phó Chủ tịch UBND tỉnh"])]),
        ("Bí thư Tỉnh ủy Yên Bái Phạm Thị Thanh Trà phát biểu.", [("Phạm Thị Thanh Trà", ["Bí thư Tỉnh ủy Yên Bái"])]),
        ("Thứ trưởng Bộ Xây dựng Đỗ Đức Duy cho biết.", [("Đỗ Đức Duy", ["Thứ trưởng Bộ Xây dựng"])]),
        # ông/bà + name + title
        ("Bà Lục Thị Hương, Giám đốc Sở Tài chính cho biết.", [("Lục Thị Hương", ["Giám đốc Sở Tài chính"])]),
        # rank + name
        ("Thiếu tướng Nguyễn Văn An, Giám đốc Công an tỉnh kiểm tra.",
         [("Nguyễn Văn An", ["Thiếu tướng", "Giám đốc Công an tỉnh"])]),
        # former posts
        ("nguyên Bí thư Tỉnh ủy Lê Văn Hai dự.", [("Lê Văn Hai", ["nguyên Bí thư Tỉnh ủy"])]),
        # rare surnames, from the title context alone
        ("ông Viên Văn Nỗ, Chủ tịch UBND huyện Cao Lộc nói.", [("Viên Văn Nỗ", ["Chủ tịch UBND huyện Cao Lộc"])]),
        ("Trưởng Ban Dân vận Tỉnh ủy Linh Thị Ánh Nguyệt phát biểu.",
         [("Linh Thị Ánh Nguyệt", ["Trưởng Ban Dân vận Tỉnh ủy"])]),
        ("Chủ tịch UBND TP. Hồ Chí Minh Phan Văn Tường dẫn đầu.", [("Phan Văn Tường", ["Chủ tịch UBND TP. Hồ Chí Minh"])]),
    ],
)
def test_patterns_from_real_articles(text, expected):
    assert officials(text) == expected


def test_short_references_belong_to_the_person_named_before():
    text = ("Bộ trưởng Bộ Giao thông vận tải Đinh Văn Tiến kiểm tra dự án. Bộ trưởng Tiến nhấn mạnh chất lượng. "
            "Ông Tiến cũng yêu cầu đẩy nhanh tiến độ. Đồng chí Nghiệm dự.")
    assert officials(text) == [("Đinh Văn Tiến", ["Bộ trưởng Bộ Giao thông vận tải"])]


@pytest.mark.parametrize(
    "text",
    [
        "Lễ hội diễn ra ở phường Hoàng Văn Thụ, trên đường Trần Hưng Đạo.",
        "Du khách từ TP. Hồ Chí Minh đến hồ Thác Bà.",
        "Ủy ban Mặt trận Tổ quốc tỉnh phối hợp với Trường THPT Chu Văn An.",
        "Đối tượng Nguyễn Văn Hòa (SN 1990) bị bắt. Bà Nguyễn Thị Mai, người dân thôn Bản Cưởm, báo tin.",
        "Bí thư Huyện ủy Văn Lãng cho biết huyện đã hoàn thành kế hoạch.",
    ],
)
def test_places_bodies_and_citizens_are_not_officials(text):
    assert officials(text) == []


def test_the_byline_is_not_an_official():
    text = "Ông Minh Anh, Giám đốc Sở Y tế cho biết."
    assert officials(text, author="Minh Anh") == []


def test_one_person_however_written():
    found = officials(
        unicodedata.normalize("NFD", "Bà Triệu Thị Hoà, Chủ tịch Ủy ban MTTQ tỉnh dự. ")
        + "Chủ tịch Ủy ban MTTQ tỉnh Triệu Thị Hòa phát biểu.",
        title="Bà TRIỆU THỊ HÒA thăm hỏi",
    )
    assert found == [("Triệu Thị Hòa", ["Chủ tịch Ủy ban MTTQ tỉnh"])]


def test_a_person_in_the_title_line_and_a_caption_is_one_entry():
    article = Article(
        id="x", title="Chủ tịch UBND tỉnh Lường Văn Sáng thăm gia đình chính sách",
        body="Đồng chí Lường Văn Sáng, Chủ tịch UBND tỉnh tặng quà.",
        captions=("Chủ tịch UBND tỉnh Lường Văn Sáng trao quà",),
    )
    assert [(o.name, o.titles) for o in extract(article)] == [("Lường Văn Sáng", ("Chủ tịch UBND tỉnh",))]


def test_labelled_set_meets_the_targets():
    """Issue #3: name precision >= 0.95 and recall >= 0.90, by the rules alone."""
    names, pairs, count = eval_officials.evaluate()
    assert count >= 40
    assert names.precision >= 0.95, names.errors
    assert names.recall >= 0.90, names.errors
    assert pairs.precision >= 0.90 and pairs.recall >= 0.85, pairs.errors


def test_curated_list_renames_aliases_and_adds_people_rules_miss():
    curated = Curated.of([
        CuratedPerson("Lương Văn Khải", ("Lương V. Khải",), ("Chủ tịch UBND tỉnh",)),
        CuratedPerson("Vi Đức Thắng", ("Vy Đức Thắng",), ()),
    ])
    text = ("Chủ tịch UBND tỉnh Lương V. Khải dự lễ. Ông Vy Đức Thắng, Bí thư Tỉnh ủy phát biểu. "
            "Ông Lương Văn Khải cắt băng khánh thành.")
    assert officials(text, curated=curated) == [
        ("Lương Văn Khải", ["Chủ tịch UBND tỉnh"]),
        ("Vi Đức Thắng", ["Bí thư Tỉnh ủy"]),
    ]
    assert officials("Ông Lương Văn Khải (giữa) cắt băng.", curated=curated) == [("Lương Văn Khải", [])]
    assert officials("Ông Lương Văn Khải (giữa) cắt băng.") == []


def test_curated_file_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "officials.csv"
    path.write_text("name,aliases,titles\nLê Văn A,,\n,x,y\n", encoding="utf-8")
    with pytest.raises(TimtinError, match=r"officials.csv:3: empty name"):
        Curated.load(path)
    path.write_text("ten,bi danh\nA,B\n", encoding="utf-8")
    with pytest.raises(TimtinError, match=r"officials.csv:1: expected the columns name,aliases,titles"):
        Curated.load(path)
    path.write_text("name,aliases\n", encoding="utf-8")  # a header alone is checked too
    with pytest.raises(TimtinError, match=r"officials.csv:1: expected the columns name,aliases,titles"):
        Curated.load(path)


def test_changing_the_curated_list_updates_the_articles_it_touches(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "a", "title": "Khánh thành chợ", "body": "Ông Lương Văn Khải cắt băng."},
        {"id": "b", "title": "Tin khác", "body": "Không có ai."},
    ])
    root = tmp_path / "index"
    indexing.update(root, [src])
    assert Searcher(root).search(SearchRequest(officials=("luong van khai",))).total == 0
    curated = Curated.of([CuratedPerson("Lương Văn Khải")], digest="v1")
    report = indexing.update(root, [src], curated=curated)
    assert report.updated == 2
    assert Searcher(root).search(SearchRequest(officials=("luong van khai",))).total == 1


def test_officials_command_lists_counts_and_titles(runner, sample_index):
    result = runner.invoke(cli, ["officials", "--index", str(sample_index), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["name"] for d in data][:2] == ["Vi Đức Thắng", "Lương Văn Khải"]
    assert data[0]["count"] == 9
    assert data[0]["titles"][0] == {"value": "Bí thư Tỉnh ủy", "count": 9}  # "Tỉnh uỷ" counted in


def test_officials_query_finds_by_accent_free_prefix(runner, sample_index):
    result = runner.invoke(cli, ["officials", "--index", str(sample_index), "--query", "linh thi"])
    assert result.stdout.strip().splitlines() == [
        "Articles naming each, every copy of a story counted; their titles, most used first:",
        "     4  Linh Thị Ánh Nguyệt  (Trưởng Ban Dân vận Tỉnh ủy)"]
    none = runner.invoke(cli, ["officials", "--index", str(sample_index), "--query", "zzz"])
    assert none.stdout.strip() == 'No official matches "zzz".'


# Issue #11: the shapes of real prose. Each article below was written for the test, in a
# shape the real labelled set showed; each fails without the rule it names.
@pytest.mark.parametrize(
    "text, expected",
    [
        # apposition with a dash, in brackets, after a comma with a Party post first
        ("Ông Lò Văn Pấng - Chủ tịch UBND xã Mường Chiên cho biết.",
         [("Lò Văn Pấng", ["Chủ tịch UBND xã Mường Chiên"])]),
        ("Bà Hà Thị Nguyệt (Phó Chủ tịch UBND tỉnh) dự lễ.", [("Hà Thị Nguyệt", ["Phó Chủ tịch UBND tỉnh"])]),
        ("Ông Đào Văn Khiêm, Đảng ủy viên, Phó Giám đốc Sở Y tế phát biểu.",
         [("Đào Văn Khiêm", ["Đảng ủy viên", "Phó Giám đốc Sở Y tế"])]),
        # posts in lower case, a name straight after "huyện"
        ("Phó chủ tịch UBND huyện Lục Văn Tình và Phó bí thư Huyện ủy Nông Thị Mến dự.",
         [("Lục Văn Tình", ["Phó chủ tịch UBND huyện"]), ("Nông Thị Mến", ["Phó bí thư Huyện ủy"])]),
        # one post, a list of people
        ("Dự họp có các Phó Chủ tịch UBND tỉnh: Lý Văn Hậu, Hoàng Thị Dung và Mã Văn Quý.",
         [("Lý Văn Hậu", ["Phó Chủ tịch UBND tỉnh"]), ("Hoàng Thị Dung", ["Phó Chủ tịch UBND tỉnh"]),
          ("Mã Văn Quý", ["Phó Chủ tịch UBND tỉnh"])]),
        # each with their own post, separated by semicolons (a rare surname first)
        ("Lãnh đạo xã gồm ông Điểu Văn Á, Bí thư Đảng ủy xã; Nông Văn Kha, Phó Chủ tịch HĐND xã; "
         "Lý Văn Ba, Chỉ huy trưởng Ban Chỉ huy quân sự xã.",
         [("Điểu Văn Á", ["Bí thư Đảng ủy xã"]), ("Nông Văn Kha", ["Phó Chủ tịch HĐND xã"]),
          ("Lý Văn Ba", ["Chỉ huy trưởng Ban Chỉ huy quân sự xã"])]),
        # discipline and appointment: the post first, the person after
        ("UBND huyện đã quyết định cách chức Chủ tịch UBND xã Tân An đối với ông Triệu Văn Sính.",
         [("Triệu Văn Sính", ["Chủ tịch UBND xã Tân An"])]),
        # a title, a comma, an honorific, the name
        ("Giám đốc Sở Giáo dục và Đào tạo tỉnh Lạng Sơn, bà Hoàng Thị Thu cho biết.",
         [("Hoàng Thị Thu", ["Giám đốc Sở Giáo dục và Đào tạo tỉnh Lạng Sơn"])]),
        # several posts before one name
        ("Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ Đinh Văn Lượng dự hội nghị.",
         [("Đinh Văn Lượng", ["Ủy viên Bộ Chính trị", "Phó Thủ tướng Chính phủ"])]),
        # a body's own name in lower case after its capital, with a comma, with its place
        ("Cục trưởng Cục Nghệ thuật biểu diễn Vương Duy Biên ký quyết định.",
         [("Vương Duy Biên", ["Cục trưởng Cục Nghệ thuật biểu diễn"])]),
        ("Chi cục trưởng Chi cục Kiểm lâm tỉnh Hà Văn Thạch cho biết.",
         [("Hà Văn Thạch", ["Chi cục trưởng Chi cục Kiểm lâm tỉnh"])]),
        ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Hoàng Tuấn Anh dự.",
         [("Hoàng Tuấn Anh", ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"])]),
        ("Ông Phùng Văn Dư, Chủ tịch UBND xã Quảng Tâm, huyện Tuy Đức cho biết.",
         [("Phùng Văn Dư", ["Chủ tịch UBND xã Quảng Tâm, huyện Tuy Đức"])]),
        ("Ông Hà Văn Khoát, Cục trưởng Cục An ninh kinh tế (Bộ Công an) phát biểu.",
         [("Hà Văn Khoát", ["Cục trưởng Cục An ninh kinh tế (Bộ Công an)"])]),
        ("Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch (VHTTDL) Lò Văn Sinh ký văn bản.",
         [("Lò Văn Sinh", ["Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch (VHTTDL)"])]),
        ("Ông Tạ Văn Hưng, Phó Chủ tịch UBND TP. Hồ Chí Minh cho biết.",
         [("Tạ Văn Hưng", ["Phó Chủ tịch UBND TP. Hồ Chí Minh"])]),
        ("Chánh Thanh tra Bộ NN&PTNT Đỗ Văn Việt cho biết.", [("Đỗ Văn Việt", ["Chánh Thanh tra Bộ NN&PTNT"])]),
        ("Phó Bí thư Thường trực Huyện ủy Vân Hồ Lường Văn Huân dự.",
         [("Lường Văn Huân", ["Phó Bí thư Thường trực Huyện ủy Vân Hồ"])]),
        # "đại biểu" marks a person only right before the name
        ("Đại biểu Mạc Văn Thanh (Cao Bằng) chất vấn. Ông Hứa Văn Khải, đại biểu dự hội nghị, phát biểu.",
         [("Mạc Văn Thanh", ["Đại biểu"])]),
        ("Thống đốc Ngân hàng Nhà nước Lương Văn Hiển và Tổng Thanh tra Chính phủ Triệu Văn Lâm dự.",
         [("Lương Văn Hiển", ["Thống đốc Ngân hàng Nhà nước"]), ("Triệu Văn Lâm", ["Tổng Thanh tra Chính phủ"])]),
        # foreign officials: the country is no part of the name
        ("Thủ tướng Hà Lan Mark Rutte phát biểu. Tổng thống Pháp Macron cũng dự.",
         [("Mark Rutte", ["Thủ tướng Hà Lan"])]),
        # a hospital named like a person is the body
        ("PGS Mai Văn Tường (Phó Giám đốc Bệnh viện Bạch Mai, Giám đốc Trung tâm Chống độc) cho biết.",
         [("Mai Văn Tường", ["Phó Giám đốc Bệnh viện Bạch Mai", "Giám đốc Trung tâm Chống độc"])]),
        ("Trao đổi với Báo Giao Thông, Thiếu tá Đào Văn Hải cho biết.", [("Đào Văn Hải", ["Thiếu tá"])]),
        # a name ends before the next phrase of a headline
        ("Tổng Bí thư Nguyễn Phú Trọng Về thăm tỉnh", [("Nguyễn Phú Trọng", ["Tổng Bí thư"])]),
        # a name in capitals; posts after "là" (is), of a full name or a short one
        ("Đồng chí VƯƠNG ĐÌNH HUỆ, Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ dự diễn đàn.",
         [("Vương Đình Huệ", ["Ủy viên Bộ Chính trị", "Phó Thủ tướng Chính phủ"])]),
        ("Ông Hà Văn Sáng, Giám đốc Sở Nội vụ tỉnh. Ông Sáng là Tỉnh ủy viên, Phó Trưởng ban Tổ chức Tỉnh ủy.",
         [("Hà Văn Sáng", ["Giám đốc Sở Nội vụ tỉnh", "Tỉnh ủy viên", "Phó Trưởng ban Tổ chức Tỉnh ủy"])]),
        # posts before one name across a dash; a list of people each with their own post
        ("Ủy viên Bộ Chính trị - Phó thủ tướng Lê Văn Huệ chủ trì.",
         [("Lê Văn Huệ", ["Ủy viên Bộ Chính trị", "Phó thủ tướng"])]),
        ("Dự có bà Tòng Thị Liên, Phó Chủ tịch Quốc hội, Phó Chủ tịch nước Đặng Thị Thịnh.",
         [("Tòng Thị Liên", ["Phó Chủ tịch Quốc hội"]), ("Đặng Thị Thịnh", ["Phó Chủ tịch nước"])]),
        ("Ông John Kerry, Ngoại trưởng Mỹ, Thủ tướng Pakistan Nawaz Sharif dự.",
         [("John Kerry", ["Ngoại trưởng Mỹ"]), ("Nawaz Sharif", ["Thủ tướng Pakistan"])]),
        # a dash inside a body's name; a lone capital's second syllable; a foreign name with a hyphen
        ("Ông Phạm Văn Nhân, Trưởng ban Khoa học – Kỹ thuật Thành đoàn phát biểu.",
         [("Phạm Văn Nhân", ["Trưởng ban Khoa học – Kỹ thuật Thành đoàn"])]),
        # an ambassador's post names the country they serve in (round 3: "tại" goes on it)
        ("Ông Lò Văn Tâm, Đại sứ Đặc mệnh toàn quyền Việt Nam tại Lào dự.",
         [("Lò Văn Tâm", ["Đại sứ Đặc mệnh toàn quyền Việt Nam tại Lào"])]),
        ("Tổng thống Hàn Quốc Moon Jae-in phát biểu.", [("Moon Jae-in", ["Tổng thống Hàn Quốc"])]),
        # a school named after a person: the name is the school's, the person is the other one
        ("Bà Lê Thị Hoa, Phó Hiệu trưởng trường Tiểu học Hoàng Văn Thụ cho biết.",
         [("Lê Thị Hoa", ["Phó Hiệu trưởng trường Tiểu học Hoàng Văn Thụ"])]),
        ("Hiệu trưởng Trường THPT Chu Văn An Nguyễn Văn Bình dự.",
         [("Nguyễn Văn Bình", ["Hiệu trưởng Trường THPT Chu Văn An"])]),
        ("Ông Nguyễn Thế Kỷ, Tổng Giám đốc Đài Tiếng nói Việt Nam dự.",
         [("Nguyễn Thế Kỷ", ["Tổng Giám đốc Đài Tiếng nói Việt Nam"])]),
        # titles after a person that lead to the next name are the next person's
        ("Theo lời mời của Ngoại trưởng Ấn Độ Sushma Swaraj, Phó Thủ tướng, Bộ trưởng Ngoại giao "
         "Phạm Văn Minh thăm Ấn Độ.",
         [("Sushma Swaraj", ["Ngoại trưởng Ấn Độ"]), ("Phạm Văn Minh", ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"])]),
        # one person per entry within an article, however shortened
        ("Bộ trưởng Y tế Nguyễn Thị Kim Tiến dự. Bộ trưởng Bộ Y tế Kim Tiến phát biểu.",
         [("Nguyễn Thị Kim Tiến", ["Bộ trưởng Y tế", "Bộ trưởng Bộ Y tế"])]),
        ("Quốc hội chất vấn Bộ trưởng Nguyễn Văn Thiện Chủ tịch Quốc hội cho biết.",
         [("Nguyễn Văn Thiện", ["Bộ trưởng"])]),
        # on someone else's behalf; an ocean is no person
        ("Thừa ủy quyền Thủ tướng, Bộ trưởng Bộ Tài chính Đinh Văn Dũng trao quyết định.",
         [("Đinh Văn Dũng", ["Bộ trưởng Bộ Tài chính"])]),
        ("Tư lệnh Nhóm hậu cần Tây Thái Bình Dương cho biết.", []),
        ("Ông Y Nhông, Trưởng Công an xã Ia Sao, huyện Ia Grai cho biết.",
         [("Y Nhông", ["Trưởng Công an xã Ia Sao, huyện Ia Grai"])]),
        ("Phó trưởng Công an xã Trà Cổ Nguyễn Văn Cường Em cho biết.",
         [("Nguyễn Văn Cường", ["Phó trưởng Công an xã Trà Cổ"])]),
    ],
)
def test_shapes_of_real_prose(text, expected):
    """Issue #11."""
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a unit's post, a comma, the body the unit belongs to
        ("Ông Trần Văn Bảy, Trưởng phòng Nghiệp vụ du lịch, Sở VH-TT&DL tỉnh Lâm Đồng, cho biết sẽ xử lý.",
         [("Trần Văn Bảy", ["Trưởng phòng Nghiệp vụ du lịch, Sở VH-TT&DL tỉnh Lâm Đồng"])]),
        ("TS Lê Đình Hòa, Phó Trưởng phòng Quản lý đào tạo, ĐH Y Hà Nội nhận định.",
         [("Lê Đình Hòa", ["Phó Trưởng phòng Quản lý đào tạo, ĐH Y Hà Nội"])]),
        # ... but two posts of a head of a body stay two titles
        ("Ông Lý Văn Tư, Giám đốc Sở Y tế, Ủy viên Ban Thường vụ Tỉnh ủy cho biết.",
         [("Lý Văn Tư", ["Giám đốc Sở Y tế", "Ủy viên Ban Thường vụ Tỉnh ủy"])]),
        # a bracket that says when the post was held
        ("Bà Trần Thị Hoa (lúc đó là Bí thư Thành ủy) đã chỉ đạo trường thay đổi.",
         [("Trần Thị Hoa", ["Bí thư Thành ủy"])]),
        ("Ông Đào Văn Lộc (hiện là Phó Giám đốc Sở Tư pháp) không trả lời.",
         [("Đào Văn Lộc", ["Phó Giám đốc Sở Tư pháp"])]),
        # "của" + the body the post belongs to; posts joined by a comma and a dash before the name
        ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ - Người phát ngôn của Chính phủ Mai Văn Tuấn trả lời.",
         [("Mai Văn Tuấn", ["Bộ trưởng", "Chủ nhiệm Văn phòng Chính phủ", "Người phát ngôn của Chính phủ"])]),
        ("Theo Ủy viên thường trực Ủy ban Tư pháp của Quốc hội Đỗ Văn Hào, cần xem lại.",
         [("Đỗ Văn Hào", ["Ủy viên thường trực Ủy ban Tư pháp của Quốc hội"])]),
        # ... but never the post of the person one serves
        ("Ông Lê Văn Hùng, Thư ký của Bộ trưởng Trần Văn Hai cho biết.", [("Trần Văn Hai", ["Bộ trưởng"])]),
        # a name's last word that often opens a sentence, before a comma and a post
        ("Ông Nguyễn Văn Cường Em, Phó trưởng Công an xã Trà Cổ nói.",
         [("Nguyễn Văn Cường Em", ["Phó trưởng Công an xã Trà Cổ"])]),
        # a body's own name in lower case, long, after its capital
        ("Ông Trần Chí Hùng - Giám đốc Trung tâm Quản lý và điều hành vận tải hành khách công cộng TP.HCM cho biết.",
         [("Trần Chí Hùng", ["Giám đốc Trung tâm Quản lý và điều hành vận tải hành khách công cộng TP.HCM"])]),
        ("Ông Đào Hồng Hải, Giám đốc Trung tâm đăng kiểm tàu cá - Tổng cục Thủy sản nhận trách nhiệm.",
         [("Đào Hồng Hải", ["Giám đốc Trung tâm đăng kiểm tàu cá - Tổng cục Thủy sản"])]),
        ("Đại biểu Quốc hội Lưu Văn Tám - Ủy viên thường trực Ủy ban các vấn đề xã hội cho rằng.",
         [("Lưu Văn Tám", ["Đại biểu Quốc hội", "Ủy viên thường trực Ủy ban các vấn đề xã hội"])]),
        ("Ông Nguyễn Cao Hải, Trưởng Ban quản lý đường sắt đô thị Hà Nội, xác nhận.",
         [("Nguyễn Cao Hải", ["Trưởng Ban quản lý đường sắt đô thị Hà Nội"])]),
        ("Bà Nguyễn Thị Bảy (nguyên Phó Chủ tịch nước, Chủ tịch danh dự Viện Phan Châu Trinh) chia sẻ.",
         [("Nguyễn Thị Bảy", ["nguyên Phó Chủ tịch nước", "Chủ tịch danh dự Viện Phan Châu Trinh"])]),
        # a post after the titles, after "là"
        ("Đoàn do ông Nguyễn Văn Huy, Phó Chánh thanh tra TP là Trưởng đoàn.",
         [("Nguyễn Văn Huy", ["Phó Chánh thanh tra TP", "Trưởng đoàn"])]),
        # an ambassador: the country served in, then the name
        ("Đại sứ Việt Nam tại Nhật Bản Vũ Hồng Nam dự lễ.", [("Vũ Hồng Nam", ["Đại sứ Việt Nam tại Nhật Bản"])]),
        # the facet sample: "Từ" before a foreign place is "from"; a unit's head with no name
        # of its own ends no title; a numbered branch goes on with its number
        ("“Từ Odessa, Tổng thống Ukraine đã đến bãi thử tên lửa.", []),
        ("Tại Châu Á-Thái Bình Dương, Vụ trưởng cho biết tình hình.", []),
        ("Đại úy Trịnh Văn Phong - Đội trưởng đội hướng dẫn điều tra án cho biết.",
         [("Trịnh Văn Phong", ["Đại úy", "Đội trưởng"])]),
        ("Bà Nguyễn Thị Dung - Giám đốc Ngân hàng Nhà nước chi nhánh KV 6 - trao giải.",
         [("Nguyễn Thị Dung", ["Giám đốc Ngân hàng Nhà nước chi nhánh KV 6"])]),
        # a country's post after a name, going on to a verb, is the next sentence's subject
        ("Khi hội kiến Chủ tịch nước Trần Văn Quang, Thủ tướng Belarus khẳng định sẵn sàng hợp tác.",
         [("Trần Văn Quang", ["Chủ tịch nước"])]),
        # on another's behalf ("Thừa quyền"): the post is not the person's
        ("Thừa quyền Chủ tịch nước, Chủ tịch Ủy ban nhân dân tỉnh Nghệ An Lê Hồng Vân đã trao Huân chương.",
         [("Lê Hồng Vân", ["Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"])]),
        # a foreign head written with an initial ("M.Dê-man") is someone else
        ("Nhận lời mời của Chủ tịch nước Trần Văn Quang, Tổng thống Cộng hòa Séc M.Dê-man đã đến Hà Nội.",
         [("Trần Văn Quang", ["Chủ tịch nước"])]),
        ("Ông Nguyễn Anh Tuấn, Chủ tịch UBND P.Hải Cảng cho biết.", [("Nguyễn Anh Tuấn", ["Chủ tịch UBND P.Hải Cảng"])]),
        # a post one reports to ("với"), then a comma and the one who reports: not theirs
        ("Báo cáo với Bí thư Thành ủy, bà Trần Kim Yến cho biết công đoàn quản lý 19.260 đơn vị.", []),
        ("Cùng với Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn Ba đã đến thăm.", [("Nguyễn Văn Ba", ["Phó Chủ tịch UBND tỉnh"])]),
        # a district abbreviated with its number; a Central Highlands place with an apostrophe
        ("Bà Đặng Thị Minh Xuân, Phó chi cục trưởng Chi cục Thuế Q.1, khẳng định vé này do bãi xe tự in.",
         [("Đặng Thị Minh Xuân", ["Phó chi cục trưởng Chi cục Thuế Q.1"])]),
        ("Thiếu tá Lê Trọng Tưởng, Đội trưởng Đội CSGT Công an huyện Cư M’Gar cho biết.",
         [("Lê Trọng Tưởng", ["Thiếu tá", "Đội trưởng Đội CSGT Công an huyện Cư M’Gar"])]),
        # a ministry's two-word name written in capitals, then a name that starts with "Nguyễn"
        ("Thứ trưởng Bộ Công Thương Nguyễn Hoàng Long cho biết.",
         [("Nguyễn Hoàng Long", ["Thứ trưởng Bộ Công Thương"])]),
        # an aide of a post, "của", the post: the name is the aide's
        ("Thư ký Báo chí của Tổng thống Nga Dmitri Peskov cho rằng các cáo buộc này vô căn cứ.", []),
        ("Nga bác bỏ, còn Thư ký Báo chí của Tổng thống Nga Dmitri Peskov cho rằng đó là vô căn cứ.", []),
        ("Ông Steffen Seibert - người phát ngôn của Thủ tướng Đức Angela Merkel chia sẻ.",
         [("Steffen Seibert", ["người phát ngôn"]), ("Angela Merkel", ["Thủ tướng Đức"])]),
        # a foreign name after a bare post and "và" is someone else; a federal state before a name
        ("Tổng thống và David Pecker, nhà sản xuất của tờ báo, được cho là bạn bè.", []),
        ("Đón Thủ tướng có Bộ trưởng Khoa học và Nghệ thuật bang Hessen Boris Rhein và các quan chức.",
         [("Boris Rhein", ["Bộ trưởng Khoa học và Nghệ thuật bang Hessen"])]),
        # (round 4: VIFW, a fashion week, is no public body: an unknown acronym after "của" is private;
        # the facet sample showed it among the people)
        ("Bà Trang Lê, chủ tịch của VIFW đồng thời là một nhà báo, cho biết.", []),
        ("Bộ trưởng Bộ Công an đón ngài Robert Kalinak, Bộ trưởng Bộ Nội vụ Slovakia.",
         [("Robert Kalinak", ["Bộ trưởng Bộ Nội vụ Slovakia"])]),
        # the next sentence's first words, its full stop missing, end no title
        ("Ông Mai Đức Ngọc, Trưởng ban Đào tạo, Học viện Báo chí Tuyên truyền Mặt khác, nhà trường tuyển thêm.",
         [("Mai Đức Ngọc", ["Trưởng ban Đào tạo, Học viện Báo chí Tuyên truyền"])]),
        # a capital that opens a listed word with the next, after a name of three words: the
        # next sentence, its full stop missing
        ("ĐBQH Dương Trung Quốc Chức năng của Cục là quản lý.", [("Dương Trung Quốc", ["ĐBQH"])]),
        ("Chủ tịch UBND tỉnh Nguyễn Văn Bình thường xuyên kiểm tra.", [("Nguyễn Văn Bình", ["Chủ tịch UBND tỉnh"])]),
        # bodies' names in lower case: "nội địa", "các tổ chức hữu nghị"
        ("Ông Phan Thành Công, Phó Giám đốc Khu Quản lý Đường thủy nội địa cho biết.",
         [("Phan Thành Công", ["Phó Giám đốc Khu Quản lý Đường thủy nội địa"])]),
        ("Ông Vũ Xuân Hồng, Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam phát biểu.",
         [("Vũ Xuân Hồng", ["Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam"])]),
        # a ward named after a person is the ward
        ("Chủ tịch UBND phường Bùi Thị Xuân cho biết phường đã kiểm tra.", []),
        ("Chủ tịch UBND phường Bến Thành Nguyễn Văn Bảy cho biết.",
         [("Nguyễn Văn Bảy", ["Chủ tịch UBND phường Bến Thành"])]),
        # a university named after a person is the body
        ("Ông Trần Văn Bình, hiệu trưởng Trường ĐH Nguyễn Tất Thành cho biết.",
         [("Trần Văn Bình", ["hiệu trưởng Trường ĐH Nguyễn Tất Thành"])]),
        ("Hiệu trưởng Trường Đại học Nguyễn Tất Thành Trần Văn Bình cho biết.",
         [("Trần Văn Bình", ["Hiệu trưởng Trường Đại học Nguyễn Tất Thành"])]),
        # a reporter's abbreviation opens the question, after the title
        ("Ông Nguyễn Xuân Sang, Cục trưởng Cục Hàng hải Việt Nam PV: Xin ông cho biết thêm?",
         [("Nguyễn Xuân Sang", ["Cục trưởng Cục Hàng hải Việt Nam"])]),
        # a place's last syllable that often opens a sentence ("Bí") still ends the place
        ("Đại tá Vũ Đức Tính - Trưởng Công an TP Uông Bí - xác nhận thông tin.",
         [("Vũ Đức Tính", ["Đại tá", "Trưởng Công an TP Uông Bí"])]),
        # an alternate member; a former post ("cựu") as "nguyên"
        ("Ông Thái Thanh Lâm - Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Chánh văn phòng Tỉnh ủy dự.",
         [("Thái Thanh Lâm", ["Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", "Chánh văn phòng Tỉnh ủy"])]),
        ("Theo ông Lê Văn Sơn, cựu Thứ trưởng Bộ Tài chính, việc này cần làm rõ.",
         [("Lê Văn Sơn", ["cựu Thứ trưởng Bộ Tài chính"])]),
        # a street named after a person, then the next person's rank: the rank is not the street's
        ("Tại ngã tư Chùa Bộc - Phạm Ngọc Thạch, trung tá Lê Tú - Đội trưởng Đội CSGT số 3 cho biết.",
         [("Lê Tú", ["trung tá", "Đội trưởng Đội CSGT số 3"])]),
    ],
)
def test_shapes_of_real_prose_round_3(text, expected):
    """Issue #11, round 3: kinds of miss on the 200 real labelled articles."""
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # heads of private companies, a bare executive post, a foreign name with no state post
        "Ông Lê Văn Tuấn, Giám đốc Công ty TNHH Media 24h nhận xét.",
        "Ông Vũ Văn Nam, Tổng giám đốc Coteccons ký hợp đồng.",
        "Ông Hồ Văn Lợi, Chủ tịch HĐQT cho biết.",
        "Ông Trịnh Văn Đạo, Giám đốc, cho biết.",
        "Brad Smith, Giám đốc pháp lý của hãng, nói.",
        # places, memorials, bodies and abbreviations that look like names
        "Phó Chủ tịch UBND TP Sầm Sơn cho biết.",
        "Khu lưu niệm cố Thủ tướng Chính phủ Võ Văn Kiệt được tu bổ.",
        "Viện Phan Châu Trinh ra mắt. Chủ tịch Hội đồng Viện Phan Châu Trinh phát biểu.",
        "Bí thư thường trực T.Ư Đoàn, Chủ tịch Hội LHTN Việt Nam phát biểu.",
        "Thượng úy Trần Văn",
        # associations of businesses, clubs and honorary ambassadors hold no public post
        "Ông Vũ Văn Hải, Chủ tịch Hiệp hội Doanh nghiệp tỉnh cho biết.",
        "Ông Lê Văn Tú, Chủ tịch CLB Bóng đá Than Quảng Ninh nói.",
        "Hoa hậu Nguyễn Thị Hà, Đại sứ Du lịch Việt Nam dự.",
        # people-founded and commercial bodies; a title holding a foreign name is someone else's
        "Ông Tống Văn Thơm, Chủ tịch Nghiệp đoàn vệ sinh dân lập Quận 5 cho biết.",
        "Ông Trần Tấn Lộc, Phó tổng giám đốc Ngân hàng, cho biết.",
        "Ông Vũ Xuân Hưng, Chủ tịch Hội đồng, phát biểu.",
        "Ông Ngô Chí Dũng, Chủ tịch ngân hàng Việt Nam Thịnh Vượng, phát biểu.",
    ],
)
def test_what_is_not_an_official_in_real_prose(text):
    """Issue #11: nothing that is not a public official in the facet."""
    assert officials(text) == []


def test_a_state_company_is_public():
    text = "Ông Hà Văn Tùng, Giám đốc Công ty Điện lực Lạng Sơn dự."
    assert officials(text) == [("Hà Văn Tùng", ["Giám đốc Công ty Điện lực Lạng Sơn"])]


def test_a_career_in_a_biography_goes_to_its_subject():
    """Issue #11: "dates: posts" steps of a biography belong to the person it is about."""
    text = (
        "Ông Hoàng Văn Lực, Bộ trưởng Bộ Nội vụ. Ông Hoàng Văn Lực sinh năm 1960. "
        "1990-1995: Phó Chủ tịch UBND huyện Bảo Lạc. 1995-2000: Bí thư Huyện ủy Bảo Lạc. "
        "2000-2010: Giám đốc Sở Nội vụ tỉnh Cao Bằng; Tỉnh ủy viên."
    )
    assert officials(text) == [("Hoàng Văn Lực", [
        "Bộ trưởng Bộ Nội vụ", "Phó Chủ tịch UBND huyện Bảo Lạc", "Bí thư Huyện ủy Bảo Lạc",
        "Giám đốc Sở Nội vụ tỉnh Cao Bằng", "Tỉnh ủy viên",
    ])]


def test_real_labels_hold_no_article_text():
    """Issue #11: the real labelled set keeps ids, names, titles and flags, never text."""
    rows = [json.loads(line) for line in eval_officials.REAL_LABELS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 200 and sum(r["first_heldout"] for r in rows) == 40
    assert {r["part"] for r in rows} == {"dev"}  # the first held-out 40 were read: all are dev now
    for row in rows:
        assert set(row) == {"n", "id", "part", "first_heldout", "officials"}
        for official in row["officials"]:
            assert set(official) <= {"name", "titles", "foreign", "unsure", "partial"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title never ends inside a word: "Bộ Quốc | Phòng", "tỉnh Khuyến | cáo"
        ("Có mặt Thứ trưởng Bộ Quốc Phòng Lê Văn Dần tại lễ.",
         [("Lê Văn Dần", ["Thứ trưởng Bộ Quốc Phòng"])]),
        ("Ông Hồ Văn Tám – Chi cục trưởng Chi cục Thú y tỉnh Khuyến cáo người dân tiêm phòng.",
         [("Hồ Văn Tám", ["Chi cục trưởng Chi cục Thú y"])]),
        # nor on a level word without its place, nor on a word that opens what follows
        # (round 4: "Thạch An" is a district of two syllables, though "Thạch" is a surname)
        ("Ông Đào Văn Kha, Chủ tịch UBND xã Tân Lập, huyện Thạch An, (Cao Bằng) cho biết.",
         [("Đào Văn Kha", ["Chủ tịch UBND xã Tân Lập, huyện Thạch An"])]),
        ("Bà Mạc Thị Hồng, Phó chủ tịch không chuyên trách Hội Nông dân tỉnh phát biểu.",
         [("Mạc Thị Hồng", ["Phó chủ tịch"])]),
    ],
)
def test_titles_end_where_the_body_ends(text, expected):
    """Issue #11: no cut titles in the facet."""
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ông Tôn Thất Bảo – Chủ tịch FPX – cho rằng thị trường còn rộng.",
        "Ông Vũ Đình Khang, Giám đốc Địa ốc Hưng Thành cho biết dự án sắp mở bán.",
        "Ông Lý Văn Hào, Giám đốc Công nghệ của hãng cho hay sản phẩm đã ra mắt.",
        "Bà Đỗ Thị Lan, Giám đốc cấp cao khối Bán lẻ của tập đoàn chia sẻ.",
        "Ông Lưu Văn Nam, nguyên trưởng phòng kinh doanh, bị bắt.",
        "Ông Cù Văn Hậu, Phó Giám đốc Xí nghiệp May Hòa Bình cho biết.",
    ],
)
def test_private_firms_people_are_left_out(text):
    """Issue #11: an unknown acronym or a body no public one starts with, after Giám đốc or
    Chủ tịch, is a company's; business departments and senior directors are too."""
    assert officials(text) == []


def test_a_post_on_whose_behalf_is_no_ones_here():
    text = "Thừa ủy quyền của Chủ tịch nước, Bí thư Tỉnh ủy Hòa Bình Tạ Văn Hòa trao huân chương."
    assert officials(text) == [("Tạ Văn Hòa", ["Bí thư Tỉnh ủy Hòa Bình"])]


def test_a_bare_post_before_a_verb_is_the_next_subject():
    text = "Về ý kiến của đại biểu Lò Văn Sáng, Bộ trưởng nêu rõ quy hoạch đã được duyệt."
    assert officials(text) == [("Lò Văn Sáng", ["đại biểu"])]


def test_posts_joined_by_and_before_a_name_are_the_last_ones():
    text = ("Tham gia có Ủy viên Quốc vụ Trung Quốc Wang Lei và Tổng tham mưu trưởng quân đội "
            "Trung Quốc Zhao Minghui.")
    assert officials(text) == [
        ("Wang Lei", ["Ủy viên Quốc vụ Trung Quốc"]),
        ("Zhao Minghui", ["Tổng tham mưu trưởng quân đội Trung Quốc"]),
    ]


def test_a_foreign_name_does_not_swallow_the_next_word():
    text = "Bộ trưởng Quốc phòng Pháp Anne Marchal Đảng Xanh đang bị điều tra."
    assert [name for name, _ in officials(text)] == ["Anne Marchal"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title goes on to the end of a word its body's name began ("Trợ | cấp", "bảo | mật")
        ("Cựu Bộ trưởng Lao động và Trợ cấp Tom Hadley cũng được điều chuyển.",
         [("Tom Hadley", ["Cựu Bộ trưởng Lao động và Trợ cấp"])]),
        ("Ông Lê Văn Hà, Trưởng ban Tạp chí Quân đội điện tử trình bày báo cáo.",
         [("Lê Văn Hà", ["Trưởng ban Tạp chí Quân đội điện tử"])]),
        # and across a hyphen inside a name
        ("Ông Lê Văn Tập – Giám đốc bệnh viện Việt-Hàn cho biết.",
         [("Lê Văn Tập", ["Giám đốc bệnh viện Việt-Hàn"])]),
        # a verb after the body, and "và đồng chí" before the next person, are no part of a title
        ("Ông Phạm Văn Vinh - Giám đốc NXB Hòa Đồng phát biểu tại lễ.",
         [("Phạm Văn Vinh", ["Giám đốc NXB Hòa Đồng"])]),
        ("Tiếp đồng chí Hà Minh, Chủ nhiệm Ủy ban Thường vụ tỉnh Vân Nam và đồng chí Lý Cường dự.",
         [("Hà Minh", ["Chủ nhiệm Ủy ban Thường vụ tỉnh Vân Nam"])]),
    ],
)
def test_titles_end_at_the_end_of_a_word(text, expected):
    """Issue #11: titles end where the organisation's name ends, not a syllable before or after."""
    assert officials(text) == expected


def test_a_name_ends_before_a_post_or_a_sentence_opener():
    text = "Bộ trưởng Mai Văn Dũng Thứ trưởng Bộ Công thương Đỗ Văn Hải cho biết."
    assert officials(text) == [("Mai Văn Dũng", ["Bộ trưởng"]), ("Đỗ Văn Hải", ["Thứ trưởng Bộ Công thương"])]
    text = "Chủ tịch nước Trần Văn Quang Chuyến thăm sẽ diễn ra vào tuần tới."
    assert officials(text) == [("Trần Văn Quang", ["Chủ tịch nước"])]


def test_an_aide_holds_no_post_of_the_one_they_serve():
    assert officials("Trợ lý Tổng thống Nga Ivan Petrov xác nhận tin này.") == []
    assert officials("Phu nhân Thủ tướng Lê Thị Hoa thăm trường.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title holding "V.Putin" is his, not the next person's
        ("Phòng đã đón Chủ tịch Lý Văn Tâm, Hà Minh Đào, Tổng thống V.Kovac và nhiều khách quý.", []),
        # "trước Thủ tướng": before whom, no title of the person named next
        ("Giải thích trước Thủ tướng và hàng ngàn DN, Bí thư Tỉnh ủy Nam Định Lê Văn Thanh khẳng định.",
         [("Lê Văn Thanh", ["Bí thư Tỉnh ủy Nam Định"])]),
        # a lower-case word that ends the word a capital began goes with the title
        # (round 4: and "miền Trung" goes on with the body)
        ("Bà Hà Thị Lan, Phó Giám đốc Cảng vụ Hàng không miền Trung cho biết.",
         [("Hà Thị Lan", ["Phó Giám đốc Cảng vụ Hàng không miền Trung"])]),
        # a school named after a person ("THPT chuyên Lê Quý Đôn") names nobody
        ("Phó Hiệu trưởng Trường THPT chuyên Lê Quý Đôn - lớp có nhiều học sinh giỏi.", []),
        # after a place's name, a body's head opens a new phrase
        ("Ông Đỗ Văn Thắng, nguyên Chủ tịch UBND tỉnh Phú Yên Ban cán sự đảng nhiệm kỳ trước có khuyết điểm.",
         [("Đỗ Văn Thắng", ["nguyên Chủ tịch UBND tỉnh Phú Yên"])]),
    ],
)
def test_titles_in_run_on_prose(text, expected):
    """Issue #11: captions and lists that run into the next phrase."""
    assert officials(text) == expected


def test_a_continent_after_chau_and_two_syllable_places_stay_whole():
    text = "Bộ trưởng Ngoại giao và Hội nhập châu Âu Moldova Andrei Popa cho biết."
    assert officials(text) == [("Andrei Popa", ["Bộ trưởng Ngoại giao và Hội nhập châu Âu Moldova"])]
    text = "Trung tá Lê Văn Vũ, Phó Trưởng Công an phường Kim Liên thông tin về vụ việc."
    assert officials(text) == [("Lê Văn Vũ", ["Trung tá", "Phó Trưởng Công an phường Kim Liên"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the next sentence's first word, when its full stop is missing, is no part of a title
        # (round 7: a bar's post alone makes no official, so the example is a department's)
        ("Ông Lê Văn Hà, Phó Giám đốc Sở Tư pháp tỉnh Phú Yên Không ủng hộ dự thảo.",
         [("Lê Văn Hà", ["Phó Giám đốc Sở Tư pháp tỉnh Phú Yên"])]),
        ("Ông Nguyễn Đức Lâm, Chủ tịch Hội đồng Thành viên SCIC Mặc dù vậy, năm nay vẫn tốt.",
         [("Nguyễn Đức Lâm", ["Chủ tịch Hội đồng Thành viên SCIC"])]),
        # "ĐH Y Hà Nội" is a school, not a person called "Y Hà Nội"
        ("Ông Nguyễn Văn An, Hiệu trưởng ĐH Y Hà Nội cho biết.", [("Nguyễn Văn An", ["Hiệu trưởng ĐH Y Hà Nội"])]),
    ],
)
def test_run_on_sentences_and_schools(text, expected):
    assert officials(text) == expected


def test_a_name_after_a_country_makes_the_title_someone_elses():
    text = "Dự có Chủ tịch Trung Quốc Lật Cận Đông, Tổng thống Thổ Nhĩ Kỳ Ahmet Kaya."
    assert officials(text) == [("Ahmet Kaya", ["Tổng thống Thổ Nhĩ Kỳ"])]


def test_a_private_title_is_never_shown_beside_a_bare_post():
    """A board seat (HĐQT) is a company's; what is left, a bare "Phó Tổng giám đốc", tells
    nothing of a public post."""
    assert officials("Ông Nguyễn Thành Tâm, Ủy viên HĐQT, Phó Tổng giám đốc cho biết.") == []


def test_an_unnamed_company_is_no_public_post():
    """Which company is not said, so whether it is the state's is not either: left out."""
    assert officials("Ông Hoàng Văn Gia, Giám đốc Công ty cho biết sản lượng tăng.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bà Lò Thị Hương, Phó cục trưởng Cục Văn hóa cơ sở không đồng tình với ý kiến này.",
         [("Lò Thị Hương", ["Phó cục trưởng Cục Văn hóa cơ sở"])]),
        ("Bà Lò Thị Hương, Phó Giám đốc Cảng hàng không Vinh cho biết.",
         [("Lò Thị Hương", ["Phó Giám đốc Cảng hàng không Vinh"])]),
        ("Thống đốc Ngân hàng Nhà nước Lê Văn Hưng Nhiều cán bộ ngân hàng bị truy tố.",
         [("Lê Văn Hưng", ["Thống đốc Ngân hàng Nhà nước"])]),
    ],
)
def test_not_and_many_end_titles_and_names(text, expected):
    """"không" (not) ends a title unless it is "hàng không"; "Nhiều" opens a sentence."""
    assert officials(text) == expected
