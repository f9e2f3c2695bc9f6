"""One story once: copies of a story are grouped, and a search shows the story once (issue #15).

tests/data/stories holds an article written for these tests (original.txt) and another
report of the same event, written separately (separately-written.txt); the copies are
made from the original the way aggregators republish: another title, a dateline,
a paragraph cut, numbers written another way, a day later.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from indexer import indexing, parsing, stories
from indexer.cli import cli
from indexer.searching import COPIES_SHOWN, SearchRequest, Searcher
from tests.conftest import TEST_DATA, write_jsonl
from webui import create_app

STORIES = TEST_DATA / "stories"
SITE = TEST_DATA / "site"


def republished(text: str, *, date: str = "Thứ Tư, 13/05/2026", title: str | None = None) -> str:
    """The original as an aggregator republishes it."""
    lines = text.split("\n")
    lines[0] = date
    lines[2] = title or "Hơn 2.000 hộ dân Lạng Sơn chuyển sang trồng na, hồng, quýt"
    out = "\n".join(lines)
    out = out.replace("LSO-Sáng nay (12/5)", "(LSO) - Sáng 12/5")
    out = out.replace("1.350 ha", "1350 ha").replace("Nhiều mô hình bước đầu cho hiệu quả rõ rệt. ", "")
    cut = out.index("Dịp này")
    return out[:cut] + out[out.index("NGỌC ANH"):]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The original, two copies, the separate report, and the original's text as a
    template article ten days later (another week's bulletin): indexed."""
    root = tmp_path_factory.mktemp("stories")
    src = root / "src"
    src.mkdir()
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    (src / "lso-goc.txt").write_text(original, encoding="utf-8")
    (src / "tonghop-ban-sao.txt").write_text(republished(original), encoding="utf-8")
    (src / "baomoi-ban-sao.txt").write_text(
        republished(original, date="Thứ Năm, 14/05/2026", title="Chuyển đổi cây trồng trên đất dốc ở Lạng Sơn"),
        encoding="utf-8")
    (src / "bai-rieng.txt").write_text((STORIES / "separately-written.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (src / "tuan-sau.txt").write_text(original.replace("Thứ Ba, 12/05/2026 10:20", "Thứ Sáu, 22/05/2026"),
                                      encoding="utf-8")
    index = root / "index"
    indexing.update(index, [src])
    return index


def test_a_republished_copy_is_grouped_and_another_report_of_the_event_is_not():
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    texts = [original, republished(original), (STORIES / "separately-written.txt").read_text(encoding="utf-8")]
    articles = [parsing.parse_text(t, f"a{i}", f"a{i}")[0] for i, t in enumerate(texts)]
    sigs = np.frombuffer(b"".join(stories.signature(a.body) for a in articles), "<u2").reshape(3, stories.K)
    words = np.array([len(a.body.split()) for a in articles])
    days = np.array([20260512, 20260513, 20260512])
    story = stories.group(sigs, words, days, np.ones(3, bool))
    assert story.tolist() == [0, 0, 2]
    # the same copy dated ten days apart is another week's article, not a copy
    assert stories.group(sigs[:2], words[:2], np.array([20260512, 20260522]), np.ones(2, bool)).tolist() == [0, 1]
    # a deleted copy groups nothing
    assert stories.group(sigs, words, days, np.array([True, False, True])).tolist() == [0, 1, 2]
    # identical text, identical signature; no words, no signature to match
    assert stories.signature(original) == stories.signature(original)
    assert stories.signature("") == stories.EMPTY


def test_a_search_shows_the_story_once_with_its_copies(archive):
    result = Searcher(archive).search(SearchRequest.from_params({"q": "chi lang"}))
    assert (result.total, result.articles, result.grouped) == (3, 5, True)
    [story] = [h for h in result.hits if h.copies]
    publications = {story.id: story.date.isoformat(), **{c.id: c.date.isoformat() for c in story.copies}}
    assert publications == {"lso-goc": "2026-05-12", "tonghop-ban-sao": "2026-05-13", "baomoi-ban-sao": "2026-05-14"}
    assert [c.date for c in story.copies] == sorted(c.date for c in story.copies)  # oldest first
    assert all(c.outlet == "LSO" for c in story.copies)  # the dateline's outlet, for files without a URL
    assert {h.id for h in result.hits} - {story.id} == {"bai-rieng", "tuan-sau"}
    every = Searcher(archive).search(SearchRequest.from_params({"q": "chi lang", "group": "0"}))
    assert (every.total, every.grouped) == (5, False) and not any(h.copies for h in every.hits)


def test_facets_count_stories_and_a_filter_keeps_the_copy_it_selects(archive):
    searcher = Searcher(archive)
    result = searcher.search(SearchRequest.from_params({"q": "", "official": "Đoàn Thu Hà"}))
    assert result.total == 2  # the story and the next week's article; the two copies count once
    assert [(c.value, c.count) for c in result.facets["official"]][:1] == [("Đoàn Thu Hà", 2)]
    # a day that only a copy holds still finds the story, shown by that copy
    day = searcher.search(SearchRequest.from_params({"q": "", "from": "2026-05-14", "to": "2026-05-14"}))
    assert [h.id for h in day.hits] == ["baomoi-ban-sao"]
    assert [c.id for c in day.hits[0].copies] == ["lso-goc", "tonghop-ban-sao"]


def test_the_web_page_json_api_and_cli_show_n_ban_dang_lai(archive, runner):
    client = create_app({"INDEX_DIR": str(archive), "TESTING": True}).test_client()
    page = client.get("/?q=chi+lang").get_data(as_text=True)
    assert "<strong>3</strong> tin" in page and "(5 bài viết; bản đăng lại của một tin gộp làm một" in page
    assert "<summary>2 bản đăng lại</summary>" in page
    assert 'href="/article/tonghop-ban-sao?q=chi%20lang">LSO</a> · <time datetime="2026-05-13">' in page or \
        'href="/article/lso-goc?q=chi%20lang">LSO</a> · <time datetime="2026-05-12">' in page
    assert "Số đếm theo tin: các bản đăng lại của một tin tính một lần." in page
    every = client.get("/?q=chi+lang&group=0").get_data(as_text=True)
    assert "<strong>5</strong> bài viết" in every and "bản đăng lại</summary>" not in every
    data = client.get("/api/search?q=chi+lang").get_json()
    assert (data["total"], data["articles"], data["grouped"]) == (3, 5, True)
    hit = next(h for h in data["hits"] if h["copies"])
    assert len(hit["copies"]) == 2 and set(hit["copies"][0]) == {"id", "title", "outlet", "date"}
    assert {hit["id"], *(c["id"] for c in hit["copies"])} == {"lso-goc", "tonghop-ban-sao", "baomoi-ban-sao"}
    cli_json = json.loads(runner.invoke(cli, ["search", "chi lang", "--index", str(archive),
                                              "--json"]).stdout)
    assert cli_json["hits"] == data["hits"]  # one search API: the same answer
    shown = runner.invoke(cli, ["search", "chi lang", "--index", str(archive)]).stdout
    assert "3 stories (5 articles; copies of one story count once, --all-copies to list each)" in shown
    assert "2 bản đăng lại (republished): LSO 2026-05-" in shown


def test_a_paper_and_an_aggregators_copy_fetched_as_pages_show_once(tmp_path):
    indexing.update(tmp_path / "index", [SITE])
    result = Searcher(tmp_path / "index").search(SearchRequest.from_params({"q": "cầu treo Bản Chắt"}))
    [hit] = result.hits
    assert hit.id == "https://baolangson.vn/khanh-thanh-cau-treo-ban-chat-5071234.html"
    assert [(c.outlet, c.date.isoformat()) for c in hit.copies] == [("tintonghop.example", "2026-11-30")]


def test_a_story_republished_more_often_than_listed_counts_every_copy(tmp_path, runner):
    """A wire story republished by 59 outlets: the hit says 59 bản đăng lại, lists the oldest
    COPIES_SHOWN and links to every article, in the page, the JSON and the CLI alike."""
    original = parsing.parse_text((STORIES / "original.txt").read_text(encoding="utf-8"), "goc", "goc")[0]
    rows = [{"id": f"bao-{k:02d}", "title": original.title, "date": f"2026-05-{12 + k % 3:02d}",
             "url": f"https://bao{k:02d}.example/tin-{k}.html", "body": original.body} for k in range(60)]
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "wire.jsonl", rows)], procs=1)
    data = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client().get("/api/search?q=chi+lang").get_json()
    [hit] = data["hits"]
    assert (data["total"], data["articles"], hit["copy_count"], len(hit["copies"])) == (1, 60, 59, COPIES_SHOWN)
    assert [c["date"] for c in hit["copies"]] == sorted(c["date"] for c in hit["copies"])  # the oldest listed
    page = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client().get("/?q=chi+lang").get_data(as_text=True)
    assert "<summary>59 bản đăng lại</summary>" in page
    assert f'{COPIES_SHOWN} bản đầu tiên (cũ nhất) được liệt kê; <a href="/?q=chi+lang&amp;group=0">xem mọi bài viết</a>' in page
    shown = runner.invoke(cli, ["search", "chi lang", "--index", str(index)]).stdout
    assert f"59 bản đăng lại (republished, the oldest {COPIES_SHOWN} listed): " in shown


def test_candidate_pairs_compared_in_runs_find_the_same_stories(monkeypatch):
    """Issue #13: pairs are compared a run at a time (3.4 million candidates at 100,000
    articles took 2.3 GB at once); runs of any length find the same stories."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    other = (STORIES / "separately-written.txt").read_text(encoding="utf-8")
    texts = [original, other, republished(original), other, republished(original, title="Bản sao thứ hai")]
    articles = [parsing.parse_text(t, f"a{i}", f"a{i}")[0] for i, t in enumerate(texts)]
    sigs = np.frombuffer(b"".join(stories.signature(a.body) for a in articles), "<u2").reshape(5, stories.K)
    words = np.array([len(a.body.split()) for a in articles])
    days = np.full(5, 20260512)
    expected = [0, 1, 0, 1, 0]
    assert stories.group(sigs, words, days, np.ones(5, bool)).tolist() == expected
    for run in (1, 2, 3):
        monkeypatch.setattr(stories, "PAIRS_AT_ONCE", run)
        assert stories.group(sigs, words, days, np.ones(5, bool)).tolist() == expected
