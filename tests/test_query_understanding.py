"""Abbreviations, i/y spellings, accent restoration, suggestions, related articles (issue #6)."""

import pytest

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
