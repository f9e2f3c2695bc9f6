"""Foreign leaders in the officials (issue #11, after round 11): a name part longer than
any Vietnamese syllable was refused, so Putin, Macron, Medvedev, Netanyahu were never found
("Tổng thống Nga Vladimir Putin" gave nobody), nor Chinese leaders written in Sino-Vietnamese
whose surname is no Vietnamese one (Tập Cận Bình: 216 mentions in the real news). Every
sentence here is ours; each test fails without the rule it names."""

import pytest

from indexer.models import Article
from indexer.officials import extract
from tests.tools.eval_officials import Score, score_real


def officials(body: str):
    return [(o.name, list(o.titles)) for o in extract(Article(id="x", title="", body=body))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tổng thống Nga Vladimir Putin phát biểu tại lễ khai mạc.", [("Vladimir Putin", ["Tổng thống Nga"])]),
        ("Tổng thống Pháp Emmanuel Macron đón đoàn tại điện Élysée.", [("Emmanuel Macron", ["Tổng thống Pháp"])]),
        ("Thủ tướng Nga Dmitry Medvedev cho biết kinh tế đã phục hồi.", [("Dmitry Medvedev", ["Thủ tướng Nga"])]),
        ("Thủ tướng Israel Benjamin Netanyahu bác bỏ cáo buộc.", [("Benjamin Netanyahu", ["Thủ tướng Israel"])]),
        # a country written short before the name is no part of it
        ("Tổng thống Kazakh Nursultan Nazarbayev tiếp đoàn.", [("Nursultan Nazarbayev", ["Tổng thống"])]),
        # a Chinese leader's Sino-Vietnamese name, whose first syllable is no Vietnamese surname
        ("Chủ tịch Trung Quốc Tập Cận Bình hội đàm với lãnh đạo Việt Nam.",
         [("Tập Cận Bình", ["Chủ tịch Trung Quốc"])]),
    ],
)
def test_a_foreign_leader_with_a_long_name_is_found(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize("text", [
    "Giám đốc Samsung Electronics Việt Nam cho biết nhà máy đã mở rộng.",  # a company, after a post that is no state's
    "Tổng giám đốc Tập đoàn Vingroup cho biết dự án đã khởi công.",  # "Tập đoàn": a group, not "Tập" the surname
])
def test_a_long_capitalised_word_after_a_post_is_no_person_by_itself(text):
    assert officials(text) == []


def test_the_eval_takes_a_foreign_name_as_the_label_whatever_its_transliteration():
    """Papers write François or Francois, al-Thani or Al Thani, with "Sheikh" or not: the
    labelled set's scorer counts such a name as the labelled person, right or missed."""
    article = Article(id="a", title="", body="Cựu Tổng thống Pháp Francois Hollande và Ngoại trưởng Qatar "
                                              "Mohammed bin Abdulrahman Al-Thani dự hội nghị.")
    from indexer.officials import with_officials

    labels = [{"name": "François Hollande", "titles": ["Cựu Tổng thống Pháp"], "foreign": True},
              {"name": "Sheikh Mohammed bin Abdulrahman al-Thani", "titles": ["Ngoại trưởng Qatar"], "foreign": True}]
    names, pairs = Score(), Score()
    score_real(with_officials(article), labels, True, names, pairs)
    assert (names.true, names.false, names.missed) == (2, 0, 0), names.errors
