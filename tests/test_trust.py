"""Bad input, crashes and hostile requests lose nothing and let nobody in (issue #7)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from indexer import indexing, parsing
from indexer.cli import cli
from indexer.errors import QueryError
from indexer.models import Article, Problem
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl
from webui import create_app

VIET = "Tiếng Việt: Đồng chí Hoàng Văn Nghiệm, Phó Bí thư Tỉnh ủy phát biểu tại hội nghị tổng kết."


def cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese Windows wrote it: tones as combining bytes."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in "\u0302\u0306\u031b":
            i = len(out) - 1
            while unicodedata.combining(out[i]):
                i -= 1
            out[i] = unicodedata.normalize("NFC", out[i] + ch)
        else:
            out.append(ch)
    return "".join(out).encode("cp1258")


def article_bytes(body: bytes) -> bytes:
    return b"19/01/2021\n\nTieu de\n\n" + body + b"\n"


def read(path):
    return parsing.read_file(path, path.parent)


# -- bad input -------------------------------------------------------------------

def test_windows_1258_is_converted(tmp_path):
    path = tmp_path / "cp1258.txt"
    path.write_bytes(article_bytes(cp1258(VIET)))
    [article] = [a for a in read(path) if isinstance(a, Article)]
    assert article.body == VIET
    assert [o.name for o in article.officials] == ["Hoàng Văn Nghiệm"]


@pytest.mark.parametrize(
    "raw, name",
    [
        # "Tiếng Việt: Đồng chí Hoàng Văn ... phát biểu tại hội nghị" as each encoding writes it
        (b"Ti\xd5ng Vi\xd6t: \xae\xe5ng ch\xed Ho\xb5ng V\xa8n Nghi\xd6m, Ph\xf3 B\xed th\xad T\xdanh \xf7y "
         b"ph\xb8t bi\xd3u t\xb9i h\xe9i ngh\xdb", "TCVN3 (ABC)"),
        (b"Tie\xe1ng Vie\xe4t: \xd1o\xe0ng ch\xed Hoa\xf8ng Va\xecn Nghie\xe4m, Pho\xf9 Bi\xf9 th\xf6 Tha\xfbnh u\xfby "
         b"pha\xf9t bie\xe5u ta\xefi ho\xe4i ngh\xf2", "VNI"),
    ],
)
def test_legacy_encodings_are_refused_by_name(tmp_path, raw, name):
    path = tmp_path / "old.txt"
    path.write_bytes(article_bytes(raw))
    [problem] = read(path)
    assert problem.skipped
    assert f"is in the legacy Vietnamese encoding {name}, not Unicode" in problem.message
    assert "convert it to Unicode (UTF-8)" in problem.message


def test_a_huge_file_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(article_bytes(b"a"))
        fh.truncate(50 * 1024 * 1024)
    [problem] = read(path)
    assert "over the 2,000,000 characters one article may have" in problem.message


def test_one_bad_article_never_stops_a_batch_and_the_summary_counts_it(runner, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text("19/01/2021\n\nTin tốt\n\nNội dung bài viết.\n", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "empty.txt").write_bytes(b"")
    (src / "bad-date.txt").write_text("31/02/2021\n\nNgày sai\n\nNội dung.\n", encoding="utf-8")
    write_jsonl(src / "feed.jsonl", [{"id": "a", "title": "Một", "body": "Nội dung."}, {"title": "Thiếu nội dung"},
                                     {"id": "a", "title": "Trùng", "body": "Nội dung."}])
    result = runner.invoke(cli, ["index", str(src), "--index", str(tmp_path / "index"), "--officials", os.devnull])
    assert result.exit_code == 3
    assert "Added 3, updated 0, unchanged 0, removed 0, skipped 4." in result.stdout
    errors = result.stderr
    assert "binary.txt: looks like a binary file" in errors
    assert "empty.txt: the file is empty" in errors
    assert 'feed.jsonl:2: missing "body"' in errors
    assert 'feed.jsonl:3: id "a" is already used by' in errors
    assert 'warning: ' in errors and 'no such date "31/02/2021"' in errors


# -- crashes and concurrent use ----------------------------------------------------

def big_feed(tmp_path, n=1500):
    return write_jsonl(tmp_path / "feed.jsonl", [
        {"id": f"a{i}", "title": f"Tin số {i}", "body": "Công tác dân vận ở cơ sở được chú trọng. " * 40}
        for i in range(n)
    ])


def test_kill_9_during_index_leaves_the_index_as_before_and_the_next_run_completes(tmp_path):
    src = big_feed(tmp_path, 3000)
    root = tmp_path / "index"
    small = write_jsonl(tmp_path / "small.jsonl", [{"id": "s", "title": "Một", "body": "Nội dung."}])
    indexing.update(root, [small])
    proc = subprocess.Popen([sys.executable, "-m", "indexer", "index", str(src), "--index", str(root),
                             "--procs", "2", "--officials", os.devnull],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)  # its workers die with it
    assert Searcher(root).search(SearchRequest()).total in (1, 3001)  # before, or complete: never half
    report = indexing.update(root, [src])
    assert Searcher(root).search(SearchRequest()).total == 3001
    assert report.added + report.updated + report.unchanged == 3000


def test_searches_during_a_reindex_always_answer(tmp_path):
    src = big_feed(tmp_path, 1000)
    root = tmp_path / "index"
    indexing.update(root, [src])
    searcher = Searcher(root)
    proc = subprocess.Popen([sys.executable, "-m", "indexer", "reindex", "--index", str(root), "--officials",
                             os.devnull], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    totals = set()
    while proc.poll() is None:
        totals.add(searcher.search(SearchRequest(query="dan van")).total)
    assert proc.returncode == 0
    totals.add(searcher.search(SearchRequest(query="dan van")).total)
    assert totals == {1000}


# -- hostile queries and requests ----------------------------------------------------

QUERY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.lists(st.sampled_from(['"', "-", "OR", "AND", "NOT", "(", ")", "*", "~", ":", "dân", "vận", "\u0301", "\x00",
                              "🙂", "\u202e", "ubnd", "UBND", " "]), max_size=60).map("".join)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=QUERY_TEXT)
def test_core_search_never_raises_on_any_text(sample_searcher, q):
    started = time.perf_counter()
    result = sample_searcher.search(SearchRequest(query=q))
    assert result.total >= 0
    assert time.perf_counter() - started < 1.0


# values a parameter may hold, good and bad, beside any text
PARAM_VALUES = QUERY_TEXT | st.sampled_from(["2021", "2021-05", "2021-13", "2021-01-19", "19/01/2021", "-3", "0", "10",
                                             "101", "newest", "date", "vi duc thang", "1"])


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(
    st.sampled_from(["q", "from", "to", "year", "month", "official", "sort", "page", "per_page", "x"]),
    PARAM_VALUES, max_size=5))
@example(params={"q": "dân vận", "year": "2021"})  # both branches are always reached, whatever is drawn
@example(params={"month": "2021-13"})
def test_api_search_answers_200_or_400_never_500(sample_index, params):
    client = create_app({"INDEX_DIR": str(sample_index)}).test_client()
    answer = client.get("/api/search", query_string=params)
    assert answer.status_code in (200, 400), answer.get_data(as_text=True)
    data = answer.get_json()
    assert ("error" in data) == (answer.status_code == 400)
    if answer.status_code == 200:
        assert data["total"] >= 0 and len(data["hits"]) <= data["per_page"]
    else:
        assert data["error"].startswith(("Bad", "Unknown", "The")) or "officials given" in data["error"]


@pytest.mark.parametrize("path", [
    "/article/../../../../etc/passwd", "/article/%2e%2e/%2e%2e/etc/passwd", "/api/articles/..%2f..%2fCURRENT",
    "/article/" + "a" * 5000, "/static/../../pyproject.toml",
])
def test_paths_reach_nothing_outside_the_index(sample_index, path):
    client = create_app({"INDEX_DIR": str(sample_index)}).test_client()
    answer = client.get(path)
    assert answer.status_code == 404
    assert "root:" not in answer.get_data(as_text=True) and "[project]" not in answer.get_data(as_text=True)


def test_long_queries_are_refused_politely_and_per_page_is_capped(sample_index):
    client = create_app({"INDEX_DIR": str(sample_index)}).test_client()
    answer = client.get("/api/search", query_string={"q": "dân " * 1000})
    assert answer.status_code == 400
    assert "the limit is 2000" in answer.get_json()["error"]
    with pytest.raises(QueryError, match="from 1 to 100"):
        SearchRequest.from_params({"per_page": "101"})


def test_suggestions_and_queries_come_back_as_text(sample_index):
    client = create_app({"INDEX_DIR": str(sample_index)}).test_client()
    page = client.get("/?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+dan+van").get_data(as_text=True)
    assert "<img src=x" not in page
    data = client.get("/api/suggest?q=%3Cscript%3E").get_json()
    assert data["query"] == "<script>"  # JSON, served as application/json, never HTML


def test_problem_messages_name_the_file_and_line(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_bytes(b'{"title": "A", "body": "B"}\n{broken\n')
    items = read(src)
    [problem] = [p for p in items if isinstance(p, Problem)]
    assert str(problem).startswith(f"{src}:2: not valid JSON")
    assert json.loads(src.read_text().splitlines()[0])["title"] == "A"


@pytest.mark.slow  # over 10 s here; `make test-fast` leaves it out
def test_soak_short_form_loses_no_request_and_no_article(capsys):
    from tests.tools import soak

    code = soak.main(["--articles", "400", "--clients", "2", "--kill-after", "1.0", "--limit", "240"])
    out = capsys.readouterr().out
    assert "failed requests: 0" in out, out
    assert "lost: 0" in out, out
    assert code == 0
