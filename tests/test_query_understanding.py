"""Abbreviations, i/y spellings, accent restoration, suggestions, related articles (issue #6)."""

import pytest

from indexer.query import describe_text
from indexer.searching import SearchRequest

ARTICLES = [
    {"id": "short", "title": "UBND tỉnh Yên Bái họp phiên thường kỳ", "body": "Sáng nay, UBND tỉnh Yên Bái đã họp."},
    {"id": "long", "title": "Họp phiên thường kỳ tháng 5",
     "body": "Ủy ban nhân dân tỉnh Yên Bái tổ chức phiên họp thường kỳ."},
    {"id": "other", "title": "Mặt trận tỉnh Yên Bái", "body": "Ủy ban Mặt trận Tổ quốc tỉnh Yên Bái họp."},
    {"id": "ki", "title": "Nâng cao kĩ năng số", "body": "Lớp học kĩ thuật cho cán bộ xã."},
    {"id": "ky", "title": "Kỹ thuật trồng na", "body": "Hướng dẫn kỹ thuật chăm sóc cây na."},
    {"id": "mttq", "title": "MTTQ tỉnh trao quà Tết", "body": "MTTQ tỉnh trao 500 suất quà."},
]


@pytest.fixture
def searcher(make_index):
    return make_index(ARTICLES)


def ids(result):
    return sorted(h.id for h in result.hits)


@pytest.mark.parametrize("query", ["UBND tỉnh Yên Bái", "Ủy ban nhân dân tỉnh Yên Bái", "ubnd tinh yen bai",
                                   "uy ban nhan dan tinh Yen Bai"])
def test_abbreviation_and_long_form_find_the_same_articles(searcher, query):
    assert ids(searcher.search(SearchRequest(query=query))) == ["long", "short"]


def test_abbreviations_work_inside_quoted_phrases(searcher):
    assert ids(searcher.search(SearchRequest(query='"UBND tỉnh"'))) == ["long", "short"]
    assert ids(searcher.search(SearchRequest(query='"Ủy ban nhân dân tỉnh"'))) == ["long", "short"]


def test_long_form_of_mttq(searcher):
    assert ids(searcher.search(SearchRequest(query="Mặt trận Tổ quốc"))) == ["mttq", "other"]


def test_snippet_marks_the_long_form_for_an_abbreviation(searcher):
    hit = next(h for h in searcher.search(SearchRequest(query="UBND")).hits if h.id == "long")
    assert "<mark>Ủy ban nhân dân</mark>" in hit.snippet


@pytest.mark.parametrize("query", ["kỹ thuật", "kĩ thuật", "ki thuat", "ky thuat"])
def test_i_and_y_spellings_find_each_other(searcher, query):
    assert ids(searcher.search(SearchRequest(query=query))) == ["ki", "ky"]


@pytest.mark.parametrize(
    "query, suggestion",
    [
        ("dan van", "dân vận"),
        ("cong tac dan van", "công tác dân vận"),
        ("chu tich ubnd tinh", "chủ tịch UBND tỉnh"),
        ("chu tich ubnd tinh lang son", "chủ tịch UBND tỉnh Lạng Sơn"),
        ("linh thi anh nguyet", "Linh Thị Ánh Nguyệt"),
        ("thuy loi", "thủy lợi"),
    ],
)
def test_accent_free_query_gets_the_accented_suggestion(search, query, suggestion):
    result = search(query)
    assert result.suggestion == suggestion
    assert result.query == query  # it suggests; the accent-free search still runs as typed
    assert result.corrected is None


def test_no_suggestion_is_offered_that_finds_nothing(search):
    """The sample archive has no Đồng Tháp: its accented form was suggested all the same (a
    user trial met it on the real news: "Vi Đức Thắng" -> "Vì Đức Thắng", found nowhere)."""
    result = search("chu tich ubnd tinh dong thap")
    assert (result.total, result.suggestion, result.corrected) == (0, None, None)


def test_a_query_that_finds_nothing_shows_the_suggestions_results(search, sample_searcher):
    # a misspelt syllable becomes the nearest known one
    result = search("dan vann")
    assert result.corrected == "dân vận"
    assert result.total == search("dân vận").total > 0
    assert result.query == "dan vann"
    assert sample_searcher.search(SearchRequest(query="dan vann", verbatim=True)).total == 0
    # with accents too, keeping what was typed with marks
    assert search("Lang Sơn").corrected == "Lạng Sơn"


@pytest.mark.parametrize(
    "query, suggestion",
    [
        ('"tinh uy" -covid', '"tỉnh ủy" -covid'),
        ("dan van OR tinh uy", "dân vận OR tỉnh ủy"),
        ("-khu dan cu dan van", "-khu dân cư dân vận"),  # (every "dân vận" of the sample is beside "tỉnh ủy")
    ],
)
def test_the_suggestion_keeps_quotes_exclusions_and_or(search, query, suggestion):
    assert search(query).suggestion == suggestion


def test_long_queries_get_a_suggestion_too(search):
    query = "cong tac dan van gop phan giu vung on dinh o co so ban dan van tinh uy to chuc hoi nghi"
    assert len(query.split()) >= 12  # (a headline and a lead's words: a suggestion finds something)
    assert search(query).suggestion.startswith("công tác dân vận góp phần")


def test_no_suggestion_for_a_query_with_accents(search):
    assert search("dân vận").suggestion is None


def test_suggestions_as_you_type(sample_searcher):
    found = sample_searcher.complete("dan v")
    assert found["phrases"][0] == "dân vận"
    assert sample_searcher.complete("linh thi")["officials"][0]["value"] == "Linh Thị Ánh Nguyệt"
    assert sample_searcher.complete("Bí th")["phrases"][0] == "bí thư"


def test_related_articles_never_include_the_article_itself(sample_searcher):
    related = sample_searcher.related("articles/2021/dan-van-khu-dan-cu")
    assert related and all(h.id != "articles/2021/dan-van-khu-dan-cu" for h in related)
    assert any("dân vận" in h.title.lower() for h in related[:3])


def test_words_once_read_join_when_the_archive_writes_them_side_by_side(make_index):
    """A user trial: `Bí thư Tỉnh uỷ` and `UBND tỉnh Yên Bái` were read as two words each,
    anywhere (79 and 19 real articles against 55 and 14 writing them), while `UBND tỉnh
    Lạng Sơn` was one: "thư" + "tỉnh" are each too common for their pair to tell, and a
    capital after a title's abbreviation was taken for a person's name."""
    rows = [{"id": f"together/{i}", "title": "Hội nghị", "body": body} for i, body in enumerate([
        "Ông Trần Văn Minh, Bí thư Tỉnh ủy Yên Bái, dự hội nghị của UBND tỉnh Yên Bái.",
        "Bí thư Tỉnh ủy chủ trì. UBND tỉnh Yên Bái báo cáo kết quả.",
        "Đồng chí Bí thư Tỉnh ủy phát biểu về kế hoạch của UBND tỉnh Yên Bái.",
    ])] + [{"id": f"apart/{i}", "title": "Tin địa phương", "body": body} for i, body in enumerate([
        "Bí thư chi bộ thôn cho biết, Tỉnh ủy đã có chỉ đạo. UBND tỉnh giao Sở Nội vụ ở Yên Bái làm.",
        "Thư của bạn đọc gửi tỉnh về đường ở Yên Bái; UBND tỉnh đã trả lời.",
    ])] + [{"id": "phu", "title": "Bộ Y tế", "body": "PGS.TS Trần Đắc Phu, Cục trưởng Cục Y tế dự phòng, cho biết."}]
    # "thư", "tỉnh" and "yên" are common words apart: their pairs alone do not tell
    rows += [{"id": f"other/{i}", "title": "Nông nghiệp", "body": f"Bà con yên tâm sản xuất vụ {i}; tỉnh hỗ trợ giống. "
              "Bức thư cảm ơn được gửi tới xã."} for i in range(12)]
    searcher = make_index(rows)

    def found(query: str) -> list[str]:
        return sorted(h.id for h in searcher.search(SearchRequest(query=query, per_page=50, group=False)).hits)

    assert found("Bí thư Tỉnh ủy") == ["together/0", "together/1", "together/2"]
    assert found("UBND tỉnh Yên Bái") == ["together/0", "together/1", "together/2"]
    assert found("PGS Trần Đắc Phu") == ["phu"]  # a title's abbreviation before a name stays a word of its own
    assert found("UBND Yên Bái") == ["apart/0", "apart/1", "together/0", "together/1", "together/2"]  # never side by side


def test_a_suggestion_spells_i_and_y_as_the_press_writes_them(make_index):
    """A user trial: `ky luat` suggested "kỉ luật" (13 of 15,000 real articles write it so,
    269 "kỷ luật"): i and y are one spelling for matching, but shown as the press writes."""
    searcher = make_index([
        {"id": f"a{i}", "title": "Tin", "body": body} for i, body in enumerate([
            "Hội đồng kỷ luật đã họp; lý do được nêu rõ theo quy định.",
            "Thi hành kỉ luật đối với cán bộ vi phạm quy định.",
            "Ông Lê Văn Minh, bác sĩ Bệnh viện tỉnh, cho biết lí do.",
        ])])
    for typed, shown in (("ky luat", "kỷ luật"), ("ly do", "lý do"), ("quy dinh", "quy định"), ("bac si", "bác sĩ")):
        result = searcher.search(SearchRequest(query=typed))
        assert result.suggestion == shown
        assert f"«{shown}»" in describe_text(result.reading)
    assert searcher.search(SearchRequest(query="kỷ luật")).total == 2  # both spellings still match


def test_the_reading_spells_an_abbreviations_long_form_with_the_words_restored_around_it(search):
    """A user trial: `chu tich ubnd tinh` read «chủ tịch ubnd tỉnh» (or «chu tich ủy ban nhân
    dân tinh»): the long form kept the words typed without accents."""
    reading = describe_text(search("chu tich ubnd tinh").reading)
    assert "(or «chủ tịch ủy ban nhân dân tỉnh»)" in reading, reading


@pytest.mark.parametrize("short, long_form", [("TT-Huế", "Thừa Thiên Huế"), ("BR-VT", "Bà Rịa - Vũng Tàu")])
def test_a_province_written_short_finds_it_written_whole(make_index, short, long_form):
    """A user trial: `TT-Huế` found the 7 real articles writing it so, none of the 169
    writing Thừa Thiên Huế."""
    searcher = make_index([{"id": "whole", "title": "Tin", "body": f"Mưa lớn ở {long_form} gây ngập."},
                           {"id": "short", "title": "Tin", "body": f"Mưa lớn ở {short} gây ngập."},
                           {"id": "other", "title": "Tin", "body": "Mưa lớn ở Quảng Trị gây ngập."}])
    for typed in (short, long_form):
        assert sorted(h.id for h in searcher.search(SearchRequest(query=typed, group=False)).hits) == ["short", "whole"]


@pytest.mark.parametrize("query", ["Thủ tướng Nguyễn Xuân Phúc", "thu tuong nguyen xuan phuc"])
def test_a_title_and_a_name_typed_together_are_two_words(make_index, query):
    """A reviewer: joining words the archive writes side by side joined a title to the name
    after it, and lost "Thủ tướng Chính phủ Nguyễn Xuân Phúc" (47 of 251 real articles)."""
    rows = [{"id": f"tt/{i}", "title": "Tin", "body": f"Thủ tướng Nguyễn Xuân Phúc làm việc với tỉnh số {i}."}
            for i in range(3)]
    rows.append({"id": "cp", "title": "Tin", "body": "Thủ tướng Chính phủ Nguyễn Xuân Phúc dự hội nghị."})
    searcher = make_index(rows)
    assert sorted(h.id for h in searcher.search(SearchRequest(query=query, group=False)).hits) == [
        "cp", "tt/0", "tt/1", "tt/2"]


def test_a_title_abbreviation_and_a_name_typed_after_it_are_two_words(make_index):
    """`PGS Lê Văn Nam` finds "PGS.TS Lê Văn Nam" too: a capitalised name after an
    abbreviation stays a word of its own, even where most articles write the two together."""
    searcher = make_index([
        {"id": "a", "title": "Tin", "body": "PGS Lê Văn Nam giảng bài ở trường."},
        {"id": "b", "title": "Tin", "body": "Theo PGS Lê Văn Nam, cần đổi mới."},
        {"id": "c", "title": "Tin", "body": "PGS.TS Lê Văn Nam cho biết như vậy."},
    ])
    assert sorted(h.id for h in searcher.search(SearchRequest(query="PGS Lê Văn Nam", group=False)).hits) == [
        "a", "b", "c"]
