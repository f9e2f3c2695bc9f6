"""The officials extractor, round 10 of issue #11: a foreign name whose hyphen is written with a
space or as a dash (the kinds facet seed 50 and the eighth held-out set showed). Every sentence
here is ours, written in the shape of real prose; each test fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="", body=body))]


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert EXTRACTOR_VERSION == "12"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a Korean given name whose hyphen has a space before it and is an en dash
        ("Sáng nay, Thủ tướng Hàn Quốc Park Min –Soo đã tiếp đoàn doanh nghiệp Việt Nam.",
         [("Park Min-soo", ["Thủ tướng Hàn Quốc"])]),
        # ... spaces on both sides of a plain hyphen
        ("Sáng nay, Thủ tướng Hàn Quốc Park Min - Soo đã tiếp đoàn doanh nghiệp Việt Nam.",
         [("Park Min-soo", ["Thủ tướng Hàn Quốc"])]),
        # ... and the same man written with the plain hyphen is the same name
        ("Thủ tướng Hàn Quốc Park Min-Soo cho biết hai nước sẽ mở thêm đường bay.",
         [("Park Min-soo", ["Thủ tướng Hàn Quốc"])]),
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
