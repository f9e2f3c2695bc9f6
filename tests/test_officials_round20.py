"""The officials extractor, round 20: a body named for a place and its province across a dash.

A user trial (2026-11-30) on a provincial paper: "Trưởng Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng
- Lạng Sơn Vy Văn Thành cho biết" gave no official, and "Ông Vy Văn Thành, Trưởng Ban Quản lý …
Đồng Đăng - Lạng Sơn" the title cut at "Đồng Đăng". Every sentence here is ours, written in the
shape of real prose; each test fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert int(EXTRACTOR_VERSION) >= 22


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="Tin", body=body))]


BODY = "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn"


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"Trưởng {BODY} Vy Văn Thành cho biết, kim ngạch qua các cửa khẩu tăng 18%.",
         [("Vy Văn Thành", [f"Trưởng {BODY}"])]),
        (f"Ông Vy Văn Thành, Trưởng {BODY} cho biết, kim ngạch qua các cửa khẩu tăng 18%.",
         [("Vy Văn Thành", [f"Trưởng {BODY}"])]),
        (f"Bà Nông Thị Hạnh, Phó Trưởng {BODY}, đề nghị doanh nghiệp chủ động điều tiết hàng hóa.",
         [("Nông Thị Hạnh", [f"Phó Trưởng {BODY}"])]),
        (f"Phó Trưởng {BODY} Đồng Văn Hải thông tin thêm về thời gian thông quan.",
         [("Đồng Văn Hải", [f"Phó Trưởng {BODY}"])]),
    ],
)
def test_a_gates_place_and_its_province_across_a_dash_are_one_bodys_name(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [  # what the rule must leave as it was
        ("Chủ tịch UBND tỉnh Thừa Thiên - Huế Nguyễn Văn Phương cho biết như vậy.",
         [("Nguyễn Văn Phương", ["Chủ tịch UBND tỉnh Thừa Thiên - Huế"])]),
        ("Giám đốc Sở Y tế tỉnh Lạng Sơn Vy Văn Thành cho biết như vậy.",
         [("Vy Văn Thành", ["Giám đốc Sở Y tế tỉnh Lạng Sơn"])]),
    ],
)
def test_titles_without_a_gates_place_are_read_as_before(text, expected):
    assert officials(text) == expected
