"""The officials extractor, round 17 of issue #11: a post spelt with y after a consonant ("Thư
ký", "Thượng sỹ") is found as one spelt with i (the kinds the fourteenth blind set, now
development data, showed). Every sentence here is ours, written in the shape of real prose;
each test fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import EXTRACTOR_VERSION, extract


def test_the_extractor_version_is_bumped_so_indexes_are_read_again():
    assert EXTRACTOR_VERSION == "19"


def officials(body: str, title: str = ""):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title=title, body=body))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # no other post in the paragraph: "ký" (y) alone must open the sentence for reading
        ("Ủy ban đã làm việc với Tổng Thư ký Quốc hội Nguyễn Văn Hùng về chương trình kỳ họp.",
         [("Nguyễn Văn Hùng", ["Tổng Thư ký Quốc hội"])]),
        ("Tổng thư ký Hội đồng Quốc gia Giáo dục Lê Thị Hoa cho biết đề án đã xong.",
         [("Lê Thị Hoa", ["Tổng thư ký Hội đồng Quốc gia Giáo dục"])]),
        ("Tổng Thư kí Quốc hội Nguyễn Văn Hùng cho biết chương trình đã xong.",
         [("Nguyễn Văn Hùng", ["Tổng Thư kí Quốc hội"])]),
    ],
)
def test_a_post_spelt_with_y_is_found_as_with_i(text, expected):
    assert officials(text) == expected
