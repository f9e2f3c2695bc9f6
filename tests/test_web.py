"""The web UI and JSON API through Flask's test client (issue #4)."""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import indexing
from indexer.errors import QueryError
from indexer.searching import SearchRequest
from tests.conftest import write_jsonl
from webui import create_app, views


@pytest.fixture(scope="module")
def app(sample_index):
    return create_app({"INDEX_DIR": str(sample_index), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def text_of(response) -> str:
    return response.get_data(as_text=True)


def test_home_lists_the_newest_articles_and_the_archive_facets(client):
    page = text_of(client.get("/"))
    assert "<strong>43</strong> bài viết" in page
    assert page.index("Khánh thành chợ trung tâm") < page.index("Tôn vinh điển hình")
    assert "Theo năm" in page and "Vi Đức Thắng" in page
    assert 'autofocus' in page


def test_accent_free_query_shows_marked_accented_results(client):
    page = text_of(client.get("/?q=dan+van"))
    assert "<mark>dân vận</mark>" in page
    assert 'value="dan van"' in page
    assert re.search(r"<strong>\d+</strong> bài viết", page)


def test_results_link_to_the_article_with_the_query(client):
    page = text_of(client.get("/?q=ky+lua"))
    assert 'href="/article/articles/2023/le-hoi-ky-lua?q=ky%20lua"' in page


def test_official_links_add_a_filter_and_chips_remove_it(client):
    page = text_of(client.get("/?q=dan+van"))
    assert 'href="/?q=dan+van&amp;official=Linh+Th%E1%BB%8B+%C3%81nh+Nguy%E1%BB%87t"' in page
    filtered = text_of(client.get("/?q=dan+van&official=linh+thi+anh+nguyet"))
    assert "<strong>4</strong> bài viết" in filtered
    assert 'href="/?q=dan+van" title="Bỏ bộ lọc">linh thi anh nguyet' in filtered


def test_year_bar_zooms_into_months_and_month_bar_filters(client):
    page = text_of(client.get("/?year=2022"))
    assert "Theo tháng, năm 2022" in page
    assert 'href="/?year=2022&amp;month=2022-06"' in page
    month = text_of(client.get("/?year=2022&month=2022-06"))
    assert "<strong>1</strong> bài viết" in month
    assert "Khẩn trương khắc phục hậu quả lũ quét tại Bình Gia" in month


def test_sort_and_pages_keep_the_rest_of_the_state(client):
    page = text_of(client.get("/?q=tinh&year=2021&page=2&per_page=2"))
    assert 'href="/?q=tinh&amp;year=2021&amp;per_page=2&amp;sort=newest"' in page  # sort goes back to page 1
    assert 'rel="prev" href="/?q=tinh&amp;year=2021&amp;per_page=2&amp;page=1"' in page


def test_no_results_says_so_and_offers_a_looser_search(client):
    page = text_of(client.get("/?q=K%E1%BB%B3+L%E1%BB%ABa&year=2019"))
    assert "Không tìm thấy bài viết nào" in page
    assert "1 kết quả nếu bỏ bộ lọc" in page


def test_the_page_says_how_the_query_was_read_and_offers_the_accent_free_reading(client):
    page = text_of(client.get("/?q=Lang+S%C6%A1n+tr%E1%BA%A7n&verbatim=1"))  # "Lang Sơn trần"
    # two words typed with capitals are a name, one word, even where the archive never
    # has it side by side as typed ("Lang Sơn"): found nowhere, but without accents
    assert "Đã hiểu: «Lang Sơn» + trần · đúng dấu như đã gõ" in page
    assert "1 kết quả nếu bỏ dấu" in page
    assert "Có phải bạn muốn tìm: <a" in page and ">Lạng Sơn trần</a>" in page


def test_words_past_the_limit_are_named_not_dropped_in_silence(client):
    """A query of more than 24 words lost the rest without a word, on the page, the API and the CLI."""
    words = " ".join(["tỉnh"] * 23 + ["dân", "vận", "khéo"])
    page = text_of(client.get("/", query_string={"q": words}))
    assert "chỉ tìm 24 từ đầu, bỏ qua: vận khéo" in page
    assert client.get("/api/search", query_string={"q": words}).get_json()["reading"]["dropped"] == ["vận", "khéo"]
    assert client.get("/api/search?q=dan+van").get_json()["reading"]["dropped"] == []


def test_a_query_that_finds_nothing_shows_the_suggestion_and_links_the_exact_search(client):
    page = text_of(client.get("/?q=dan+vann"))
    assert "Đang hiện kết quả cho\n      <strong>dân vận</strong>" in page
    assert 'href="/?q=dan+vann&amp;verbatim=1"' in page
    exact = text_of(client.get("/?q=dan+vann&verbatim=1"))
    assert "Không tìm thấy bài viết nào" in exact


def test_finder_box_finds_officials_by_accent_free_name(client):
    page = text_of(client.get("/?tim_quan_chuc=nguyet"))
    assert re.search(r'<ul class="found">\s*<li><a href="[^"]*">Linh Thị Ánh Nguyệt</a>', page)


def test_finder_box_finds_among_the_results_with_their_counts(client):
    # it listed the whole archive's people with the archive's counts: a click then found less, or nothing
    page = text_of(client.get("/?q=dan+van&year=2024&tim_quan_chuc=nguyet"))
    found = page[page.index('<ul class="found">'):]
    assert re.search(r'Linh Thị Ánh Nguyệt</a>.*?<span class="n">1</span>', found[:found.index("</ul>")], re.S)
    none = text_of(client.get("/?q=dan+van&year=2024&tim_quan_chuc=khai"))  # named in 2021 only
    assert "Không có ai tên “khai”" in none
    # a search that found nothing shows its suggestion's results: the box finds among those
    corrected = text_of(client.get("/?q=dan+vann&tim_quan_chuc=nguyet"))
    assert re.search(r'<ul class="found">\s*<li><a href="[^"]*">Linh Thị Ánh Nguyệt</a>', corrected)


def test_article_page_shows_text_officials_and_highlights(client):
    page = text_of(client.get("/article/articles/2021/dan-van-khu-dan-cu?q=dan+van"))
    assert "<h1>Nâng cao hiệu quả công tác <mark>dân vận</mark> ở khu dân cư</h1>" in page
    assert "Linh Thị Ánh Nguyệt</a> — Trưởng Ban Dân vận Tỉnh uỷ" in page
    assert "12/03/2021" in page and "Phương Dung" in page
    assert 'href="/?year=2021&amp;month=2021-03"' in page


def test_article_captions_are_shown_apart(client):
    page = text_of(client.get("/article/articles/2019/nong-thon-moi-cao-loc"))
    assert "Chú thích ảnh" in page
    assert "Người dân xã Hợp Thành tham gia làm đường bê tông" in page


def test_api_search_is_exactly_the_cli_json(client, sample_searcher):
    data = client.get("/api/search?q=dan+van&year=2021&per_page=5").get_json()
    core = sample_searcher.search(SearchRequest.from_params({"q": "dan van", "year": "2021", "per_page": "5"})).to_json()
    data.pop("took_ms"), core.pop("took_ms")
    assert data == core


def test_api_article_is_the_parse_json(client):
    data = client.get("/api/articles/articles/2021/dan-van-khu-dan-cu").get_json()
    assert list(data) == ["id", "title", "date", "author", "lead", "body", "captions", "url", "source", "officials",
                          "outlet", "story", "first_date", "copies", "copy_count"]  # then its story, as a hit's
    assert (data["story"], data["first_date"], data["copies"], data["copy_count"]) == (
        "articles/2021/dan-van-khu-dan-cu", data["date"], [], 0)  # alone in its story
    assert data["officials"][0] == {
        "name": "Linh Thị Ánh Nguyệt", "titles": ["Trưởng Ban Dân vận Tỉnh uỷ"], "place": None, "key": "Linh Thị Ánh Nguyệt"
    }


@pytest.mark.parametrize("query", ["page=-3", "month=2021-13", "per_page=10000", "sort=date", "from=2021-02-31"])
def test_bad_parameters_get_400_with_a_message(client, query):
    page = client.get(f"/?{query}")
    assert page.status_code == 400
    assert "Yêu cầu không hợp lệ" in text_of(page)
    assert "không hợp lệ" in text_of(page).split("Yêu cầu không hợp lệ", 2)[-1]  # the reason, in Vietnamese too
    assert "expected" not in text_of(page)
    api = client.get(f"/api/search?{query}")
    assert api.status_code == 400
    assert api.get_json()["error"].startswith(("Bad", "Unknown"))


def test_the_error_page_does_not_keep_the_bad_value_for_the_next_search(client):
    # its search box kept year=abc in a hidden field, so every search typed there was refused too
    page = client.get("/?q=dan+van&year=abc&official=Linh+Th%E1%BB%8B+%C3%81nh+Nguy%E1%BB%87t&sort=random")
    assert page.status_code == 400
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page.get_data(as_text=True)))
    assert form == {"official": "Linh Thị Ánh Nguyệt"}  # the good filter stays; the bad year and sort do not
    assert 'value="dan van"' in page.get_data(as_text=True)
    again = client.get("/?" + urlencode({"q": "dân vận", **form}))
    assert again.status_code == 200 and "<strong>4</strong> bài viết" in text_of(again)
    # values refused only together: the later one is left out, so the next search is not refused
    both = client.get("/?q=dan+van&from=2024-02-01&to=2024-01-01")
    assert both.status_code == 400
    kept = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', both.get_data(as_text=True)))
    assert kept == {"from": "2024-02-01"}
    assert client.get("/?" + urlencode({"q": "dân vận", **kept})).status_code == 200


def test_the_date_form_drops_the_year_a_page_past_the_end_says_so_and_an_unknown_page_speaks_vietnamese(client):
    page = text_of(client.get("/?q=dan+van&year=2021"))
    form = page[page.index('<section class="facet dates">'):]
    form = form[:form.index("</form>")]
    # a range typed while a year is chosen: the year must not stay (it found nothing)
    assert 'name="q" value="dan van"' in form and 'name="year"' not in form
    past = text_of(client.get("/?q=dan+van&page=50"))
    assert re.search(r"Trang 50 vượt quá trang cuối \(1\)\. <a href=\"[^\"]*page=1[^\"]*\">Về trang 1</a>", past)
    # with several pages too, and no "Trang 50 / 3" beside it (a user trial met "Trang 18 / 17")
    several = text_of(client.get("/?q=lang+son&per_page=2&page=50"))
    assert re.search(r"Trang 50 vượt quá trang cuối \(\d+\)", several) and not re.search(r"Trang 50 / \d", several)
    nowhere = client.get("/khong-co-trang-nay")
    assert nowhere.status_code == 404 and "Không có trang này" in text_of(nowhere)
    assert "The requested URL was not found" not in text_of(nowhere)


def test_unknown_article_is_404_never_500(client):
    assert client.get("/article/no/such/id").status_code == 404
    assert client.get("/api/articles/nope").get_json() == {"error": 'No article with id "nope".'}
    assert client.get("/article/../../etc/passwd").status_code == 404


def test_healthz(client):
    assert client.get("/healthz").get_json()["articles"] == 43


def test_security_headers_on_every_answer(client):
    for path in ("/", "/api/search?q=x", "/article/nope"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_all_text_is_escaped_only_marks_pass(tmp_path):
    src = write_jsonl(tmp_path / "x.jsonl", [{
        "id": "x<1>", "title": "<script>alert('t')</script> dân vận",
        "body": "<img src=x onerror=alert(1)> công tác dân vận", "author": "<b>A</b>",
        "url": "javascript:alert(1)",
    }])
    indexing.update(tmp_path / "index", [src])
    client = create_app({"INDEX_DIR": str(tmp_path / "index")}).test_client()
    page = text_of(client.get("/?q=dan+van"))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; <mark>dân vận</mark>" in page
    echoed = text_of(client.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E"))
    assert "<script>alert(1)" not in echoed
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in echoed
    article = text_of(client.get("/article/x%3C1%3E"))
    assert "<img src=x" not in article and "<b>A</b>" not in article
    assert "javascript:" not in article


def test_without_an_index_the_page_says_how_to_make_one(tmp_path):
    client = create_app({"INDEX_DIR": str(tmp_path / "none")}).test_client()
    page = client.get("/")
    assert page.status_code == 503
    assert "timtin index data/" in text_of(page)
    assert client.get("/api/search").get_json()["error"].startswith("There is no index yet")
    assert str(tmp_path) not in text_of(page)  # no server folders for a visitor


def test_an_index_of_another_layout_answers_503_with_the_fix_on_every_route(tmp_path):
    import json

    root = tmp_path / "index"
    indexing.update(root, [write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "title": "Tin", "body": "Nội dung."}])])
    meta = indexing.current_generation(root) / indexing.META
    meta.write_text(json.dumps({**json.loads(meta.read_text(encoding="utf-8")), "schema_version": 1}), encoding="utf-8")
    client = create_app({"INDEX_DIR": str(root), "TESTING": True}).test_client()
    for url in ("/api/search?q=tin", "/healthz", "/api/articles/a", "/api/officials", "/api/officials/A",
                "/api/posts?q=chu+tich"):
        answer = client.get(url)
        assert answer.status_code == 503, url
        assert 'Run "timtin reindex"' in answer.get_json()["error"]
        assert str(root) not in answer.get_json()["error"]  # no server folders for a visitor
    for url in ("/?q=tin", "/article/a", "/official/A", "/feed.atom?q=tin", "/export.csv?q=tin"):
        answer = client.get(url)
        assert answer.status_code == 503, url
        assert "Chỉ mục chưa sẵn sàng" in answer.get_data(as_text=True)
        assert "timtin reindex" in answer.get_data(as_text=True)


def test_the_web_reads_the_settings_the_cli_reads(sample_index, monkeypatch):
    monkeypatch.setenv("TIMTIN_INDEX", str(sample_index))
    monkeypatch.setenv("TIMTIN_MAX_PER_PAGE", "5")
    client = create_app({"TESTING": True, "WARM_UP": False}).test_client()
    data = client.get("/api/search?q=dan+van").get_json()
    assert data["total"] > 0  # the index of TIMTIN_INDEX, not var/index
    response = client.get("/api/search?q=dan+van&per_page=6")
    assert response.status_code == 400
    assert "from 1 to 5" in response.get_json()["error"]


def test_a_query_of_only_symbols_gets_a_message_not_the_whole_archive(client):
    for q in ("%21%21%21", "%F0%9F%99%82", "--"):  # !!!, an emoji, two dashes
        page = client.get(f"/?q={q}")
        assert page.status_code == 400
        assert "không có chữ hay số nào để tìm" in text_of(page)
        assert "no letter or digit" in client.get(f"/api/search?q={q}").get_json()["error"]


def test_a_query_of_only_operators_gets_a_message_not_the_whole_archive(client):
    """`OR` alone (or `AND NOT`) was read as no query at all and listed every article;
    quoted, the word is searched."""
    for q in ("OR", "AND+NOT", "OR+%7C%7C"):  # OR, AND NOT, OR ||
        page = client.get(f"/?q={q}")
        assert page.status_code == 400
        assert "chỉ có toán tử OR, AND, NOT; hãy gõ một từ để tìm" in text_of(page)
        assert "holds only the operators" in client.get(f"/api/search?q={q}").get_json()["error"]
    assert client.get('/api/search?q="OR"').status_code == 200


def test_the_page_speaks_vietnamese_and_shows_days_as_dd_mm_yyyy(client):
    page = text_of(client.get("/?from=2021-01-01&to=2021-12-31"))
    assert "Từ 01/01/2021" in page and "Đến 31/12/2021" in page
    empty = text_of(client.get("/?from=2021-12-31&to=2021-01-01"))
    assert "ngày bắt đầu 31/12/2021 sau ngày kết thúc 01/01/2021" in empty


def test_favicon(client):
    with client.get("/favicon.ico") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
        assert icon.get_data(as_text=True).startswith("<svg")
    assert 'rel="icon"' in text_of(client.get("/"))


def test_api_officials_is_what_the_cli_prints_and_honours_limit(client, runner, sample_index):
    from indexer.cli import cli
    import json

    api = client.get("/api/officials?q=vi+duc&limit=1").get_json()
    cli_rows = json.loads(runner.invoke(cli, ["officials", "--index", str(sample_index), "--query", "vi duc",
                                              "--limit", "1", "--json"]).stdout)
    assert api == cli_rows and len(api) == 1
    assert api[0]["name"] == "Vi Đức Thắng" and api[0]["titles"]
    assert len(client.get("/api/officials?limit=3").get_json()) == 3
    assert client.get("/api/officials?limit=0").status_code == 400


def test_templates_print_html_only_when_it_is_typed_as_html():
    """Trusted HTML (snippets, marked titles) is typed in the core (models.Html); no
    template may mark a plain string safe, or build a site link by hand."""
    from pathlib import Path

    for template in (Path(__file__).resolve().parent.parent / "webui" / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), template.name
        assert 'href="/' not in text and 'action="/' not in text, template.name


@settings(max_examples=200, deadline=None)
@given(params=st.fixed_dictionaries({}, optional={
    "q": st.text(max_size=40), "official": st.lists(st.text(max_size=20), max_size=3),
    "year": st.integers(1, 9999).map(str), "month": st.dates().map(lambda d: f"{d:%Y-%m}"),
    "from": st.dates().map(str), "to": st.dates().map(str), "sort": st.sampled_from(["relevance", "newest", "oldest"]),
    "page": st.integers(1, 1000).map(str), "per_page": st.integers(1, 100).map(str),
    "verbatim": st.sampled_from(["", "1", "on"]), "group": st.sampled_from(["", "0", "1", "off"]),
}))
def test_to_params_round_trips_from_params(params):
    try:
        request = SearchRequest.from_params(params)
    except QueryError:
        return  # a refused request has no parameters to give back
    assert SearchRequest.from_params(request.to_params()) == request
    # and the search page's address carries exactly those parameters
    with create_app({"INDEX_DIR": "unused", "WARM_UP": False}).test_request_context():
        url = views.search_url(request.to_params())
    parsed = parse_qs(urlsplit(url).query, keep_blank_values=True)
    again = {k: v if k == "official" else v[0] for k, v in parsed.items()}
    assert SearchRequest.from_params(again) == request


def test_each_result_and_article_page_shows_its_outlet_alike_on_web_cli_and_json(tmp_path, runner):
    """A user trial: neither a result nor the article page said which paper published it
    (only the copies' list did); a newsroom archive holds several papers. The outlet is the
    address's host (``www.`` aside), else the dateline's code."""
    from indexer.cli import cli

    root = tmp_path / "index"
    indexing.update(root, [write_jsonl(tmp_path / "a.jsonl", [
        {"id": "ls-1", "title": "Khánh thành cầu treo Bản Chắt", "body": "Cầu treo Bản Chắt ở xã Tân Tri đã khánh thành.",
         "url": "https://www.baolangson.vn/khanh-thanh-cau-treo-5071234.html", "date": "2026-11-30"},
        {"id": "ls-2", "title": "Cầu treo mới ở Bình Gia", "body": "LSO- Cầu treo mới ở huyện Bình Gia đã thông xe.",
         "date": "2026-11-29"}])])
    client = create_app({"INDEX_DIR": str(root), "TESTING": True}).test_client()
    hits = client.get("/api/search?q=cau+treo").get_json()["hits"]
    assert {h["id"]: h["outlet"] for h in hits} == {"ls-1": "baolangson.vn", "ls-2": "LSO"}
    page = client.get("/?q=cau+treo").get_data(as_text=True)
    assert page.count('<span class="outlet">baolangson.vn</span>') == 1 and '<span class="outlet">LSO</span>' in page
    assert '<span class="outlet">baolangson.vn</span>' in client.get("/article/ls-1").get_data(as_text=True)
    printed = runner.invoke(cli, ["search", "cau treo", "--index", str(root)]).stdout
    assert "[2026-11-30 · baolangson.vn]" in printed and "[2026-11-29 · LSO]" in printed


def test_a_very_long_article_marks_the_words_asked_for_in_its_first_characters_only(make_index, tmp_path):
    """An attacker (stop 25): an article of two million characters took 3 s of a server thread
    to mark for each query, and a dozen clients asking so held every search for 5-10 s."""
    paragraph = "Người dân Lạng Sơn tham gia lễ hội mùa xuân ở chợ Kỳ Lừa. " * 40
    body = "\n\n".join([paragraph] * (views.MARKED_CHARS // len(paragraph) + 20))
    make_index([{"id": "dai", "title": "Một bài rất dài", "body": body}])
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True, "WARM_UP": False}).test_client()
    page = client.get("/article/dai?q=Kỳ+Lừa").get_data(as_text=True)
    paragraphs = re.findall(r"<p>(.*?)</p>", page)
    marked = [p for p in paragraphs if "<mark>" in p]
    assert marked and len(marked) < len([p for p in paragraphs if "Kỳ Lừa" in p])
    assert (len(marked) - 1) * len(paragraph) < views.MARKED_CHARS <= len(marked) * len(paragraph)
    assert "các từ tìm chỉ được tô sáng trong 200.000 ký tự đầu" in page
    short = client.get("/article/dai").get_data(as_text=True)
    assert "marks-cut" not in short  # nothing asked, nothing said


def test_an_article_of_one_long_paragraph_is_marked_in_its_start_only_and_its_title_always(make_index, tmp_path):
    """A reviewer: a body with no blank line is one paragraph, marked whole past the cap
    (1-2 s a request); and the title, marked after the body had spent the cap, never was."""
    sentence = "Người dân Lạng Sơn tham gia lễ hội mùa xuân ở chợ Kỳ Lừa. "
    make_index([{"id": "mot", "title": "Lễ hội ở chợ Kỳ Lừa", "body": sentence * (2 * views.MARKED_CHARS // len(sentence))}])
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True, "WARM_UP": False}).test_client()
    page = client.get("/article/mot?q=Kỳ+Lừa").get_data(as_text=True)
    assert re.search(r"<h1>Lễ hội ở chợ <mark>Kỳ Lừa</mark></h1>", page)
    body = max(re.findall(r"<p>(.*?)</p>", page), key=len)
    marked_part = body[:body.rindex("</mark>")]
    assert 0.9 * views.MARKED_CHARS < len(re.sub(r"</?mark>", "", marked_part)) <= views.MARKED_CHARS
    assert body.count("Kỳ Lừa") >= 1.9 * body.count("<mark>")  # the second half shown, unmarked
    assert "chỉ được tô sáng trong 200.000 ký tự đầu" in page


def test_a_suggestion_is_offered_only_when_it_finds_something(make_index, tmp_path, runner):
    """A user trial: `timtin search Vi Đức Thắng` answered "Did you mean: Vì Đức Thắng", which
    found nothing either (the archive knows "Vì", "Đức" and "Thắng", never together)."""
    from indexer.cli import cli

    make_index([
        {"id": "a/1", "date": "2024-03-01", "title": "Vì sao đường lên Mẫu Sơn hỏng",
         "body": "Vì mưa lớn kéo dài, đường lên Mẫu Sơn bị sạt lở. Ông Hoàng Văn Đức cho biết sẽ sửa trong tháng."},
        {"id": "a/2", "date": "2024-03-02", "title": "Đội bóng huyện thắng lớn",
         "body": "Đội bóng huyện Cao Lộc thắng đậm trong trận chung kết. Anh Trần Đức Thắng ghi hai bàn."},
    ])
    index = str(tmp_path / "index")
    client = create_app({"INDEX_DIR": index, "TESTING": True, "WARM_UP": False}).test_client()
    for verbatim in ([], ["--verbatim"]):
        out = runner.invoke(cli, ["search", "Vi", "Đức", "Thắng", "--index", index, *verbatim])
        assert out.exit_code == 0, out.output
        assert out.stdout.startswith("No articles match") and "Did you mean" not in out.stdout
    for verbatim in ("", "&verbatim=1"):
        page = text_of(client.get("/?q=Vi+%C4%90%E1%BB%A9c+Th%E1%BA%AFng" + verbatim))
        assert "Không tìm thấy bài viết nào" in page and "Có phải bạn muốn tìm" not in page
    assert client.get("/api/search", query_string={"q": "Vi Đức Thắng"}).get_json()["suggestion"] is None
    # one that finds something is offered: an accent-free query's reading, and a misspelt word mended
    out = runner.invoke(cli, ["search", "vi", "sao", "--index", index])
    assert out.stdout.splitlines()[1] == "Did you mean: vì sao"
    assert ">vì sao</a>" in text_of(client.get("/?q=vi+sao"))
    out = runner.invoke(cli, ["search", "Đội", "bóg", "--index", index])
    assert "showing results for: Đội bóng" in out.stdout


def _web_facets(page: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]], str]:
    """The page's year and month bars that count something, its officials shown, and their unit."""
    bars = re.findall(r"<title>([\w/ ]+): (\d+) (bài|tin)</title>", page)
    years = [(label, n) for label, n, _ in bars if re.fullmatch(r"\d{4}", label) and n != "0"]
    months = [(label, n) for label, n, _ in bars if not re.fullmatch(r"\d{4}", label) and n != "0"]
    aside = page.split('<section class="facet officials">')[1].split("</ul>")[0]
    named = re.findall(r'<li[^>]*><a href="[^"]*">([^<]+)</a>.*?<span class="n">(\d+)</span></li>', aside)
    return years, months, named, {"bài": "articles", "tin": "stories"}[bars[0][2]]


def test_the_cli_prints_the_pages_counts_after_its_results(client, runner, sample_index):
    """A user trial: the text output of `timtin search` had no years, months or officials (the
    web shows them beside the results, --json has them)."""
    from indexer.cli import cli

    for args, qs in ((['"tỉnh ủy"', "--year", "2021"], "q=%22t%E1%BB%89nh+%E1%BB%A7y%22&year=2021"),
                     (["dan", "van"], "q=dan+van")):
        out = runner.invoke(cli, ["search", *args, "--index", str(sample_index)])
        assert out.exit_code == 0, out.output
        years, months, named, unit = _web_facets(text_of(client.get(f"/?{qs}")))
        year = years[0][0] if len(years) == 1 else "2021" if "--year" in args else None
        shown = [f"Years ({unit}): " + ", ".join(f"{y} {n}" for y, n in years)]
        if year:
            shown.append(f"Months ({unit}): " + ", ".join(f"{year}-{int(m):02d} {n}" for m, n in months))
        shown.append(f"Officials named most ({unit}): " + "; ".join(f"{o} ({n})" for o, n in named[:5])
                     + (f"; {len(named) - 5} more (--json lists them)" if len(named) > 5 else ""))
        lines = out.stdout.splitlines()
        assert lines[-len(shown):] == shown, (args, lines)  # after the results, in the page's order
        assert lines[-len(shown) - 1] == "" and lines[-len(shown) - 2].startswith("  ")  # (a hit's snippet)
        quiet = runner.invoke(cli, ["search", *args, "--index", str(sample_index), "--no-facets"]).stdout
        assert quiet.splitlines()[1:] == lines[1:-len(shown)]  # (the first line says how long it took)


def test_the_clis_counts_say_stories_when_copies_count_once(make_index, tmp_path, runner):
    from indexer.cli import cli
    from tests.conftest import TEST_DATA

    body = (TEST_DATA / "stories" / "original.txt").read_text(encoding="utf-8").split("\n\n", 2)[2]
    make_index([
        {"id": "lso/1", "date": "2026-05-12", "title": "Hơn 2.000 hộ dân chuyển sang trồng cây ăn quả", "body": body},
        {"id": "tonghop/1", "date": "2026-05-13", "title": "Lạng Sơn: chuyển đổi cây trồng trên đất dốc", "body": body},
    ])
    index = str(tmp_path / "index")
    out = runner.invoke(cli, ["search", "cây", "ăn", "quả", "--index", index])
    assert out.stdout.startswith("1 story (2 articles; copies of one story count once")
    page = text_of(create_app({"INDEX_DIR": index, "TESTING": True, "WARM_UP": False}).test_client().get(
        "/?q=c%C3%A2y+%C4%83n+qu%E1%BA%A3"))
    years, months, named, unit = _web_facets(page)
    assert unit == "stories" and "Số đếm theo tin" in page
    assert out.stdout.splitlines()[-3:] == [
        "Years (stories): " + ", ".join(f"{y} {n}" for y, n in years),
        "Months (stories): " + ", ".join(f"2026-{int(m):02d} {n}" for m, n in months),
        "Officials named most (stories): " + "; ".join(f"{o} ({n})" for o, n in named)]
    assert out.stdout.splitlines()[-3] == "Years (stories): 2026 1"
