"""Results taken away: every match as CSV, JSON Lines or JSON, from the CLI and the web (issue #16)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random

import pytest

from indexer import export, indexing
from indexer.cli import cli
from indexer.searching import SearchRequest
from tests.conftest import TEST_DATA, write_jsonl
from webui import create_app

STORIES = TEST_DATA / "stories"
COMMUNES = ["Mẫu Sơn", "Công Sơn", "Xuất Lễ", "Cao Lâu", "Lộc Bình", "Đình Lập", "Hữu Lũng", "Tràng Định"]


WORDS = ("đường giao thông sạt lở đất đá vùi lấp nhà ở tài sản ruộng lúa hoa màu gia súc gia cầm trường học trạm y tế "
         "cầu tràn ngầm suối thôn bản lực lượng vũ trang dân quân bộ đội biên phòng công an thanh niên tình nguyện "
         "khẩn trương di dời an toàn lương thực thuốc men chăn màn áo phao thuyền máy nước sạch điện lưới").split()


def flood_rows(n: int) -> list[dict]:
    """*n* articles about floods (written for this test), on different days, a few undated;
    each tells its own story (a paragraph of its own), so none is a copy of another."""
    start = dt.date(2024, 6, 1)
    rows = []
    for i in range(n):
        commune = COMMUNES[i % len(COMMUNES)]
        own = " ".join(random.Random(i).choices(WORDS, k=150))
        rows.append({
            "id": f"lu/{i:03d}",
            "title": f"Lũ lụt ở xã {commune}: khắc phục hậu quả, số {i}",
            "date": None if i % 25 == 7 else (start + dt.timedelta(days=i)).isoformat(),
            "url": f"https://baolangson.vn/lu-{i}",
            # a title starting with "=" would run as a formula in a spreadsheet
            "body": (f"Mưa lớn kéo dài gây lũ lụt tại xã {commune}, huyện Cao Lộc. "
                     f"Ông Hồ Tiến Thiệu, Chủ tịch UBND tỉnh Lạng Sơn, đã đến kiểm tra. "
                     f"Đến nay, {i} hộ dân đã được hỗ trợ \"lương thực\" và nước sạch.\n\n"
                     "Chính quyền xã tiếp tục vận động Nhân dân dọn dẹp nhà cửa.\n\n" + own),
        })
    rows.append({"id": "khac/cho", "title": "Khánh thành chợ trung tâm", "date": "2024-05-01",
                 "body": "Chợ mới có 200 ki-ốt, phục vụ Nhân dân trong vùng."})
    rows.append({"id": "khac/cong-thuc", "title": "=HYPERLINK(\"http://x\") lũ lụt", "date": "2023-01-01",
                 "body": "Bài viết có tiêu đề lạ, nói về lũ lụt."})
    return rows


@pytest.fixture(scope="module")
def flood_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("flood")
    src = write_jsonl(root / "src" / "articles.jsonl", flood_rows(150))
    report = indexing.update(root / "index", [src], procs=1)
    assert report.added == 152
    return root / "index"


@pytest.fixture(scope="module")
def client(flood_index):
    app = create_app({"INDEX_DIR": str(flood_index), "TESTING": True, "WARM_UP": False})
    return app.test_client()


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_a_csv_of_every_match_has_as_many_rows_as_the_total_and_the_rows_of_every_page(runner, flood_index):
    cli_result = runner.invoke(cli, ["search", "lu lut", "--index", str(flood_index), "--format", "csv"])
    assert cli_result.exit_code == 0, cli_result.output
    rows = read_csv(cli_result.stdout)
    page = runner.invoke(cli, ["search", "lu lut", "--index", str(flood_index), "--json"])
    total = json.loads(page.stdout)["total"]
    assert total == 151 and len(rows) == total  # more than the 100 a page can hold
    assert list(rows[0]) == ["id", "date", "title", "url", "officials", "snippet", "copy_count", "copy_ids", "outlet",
                             "official_titles", "story", "first_date", "copies", "author", "source"]
    # the same rows, in the same order, as the search pages one after another
    paged = []
    for n in range(1, 5):
        one = runner.invoke(cli, ["search", "lu lut", "--index", str(flood_index), "--json",
                                  "--per-page", "50", "--page", str(n)])
        paged += [hit["id"] for hit in json.loads(one.stdout)["hits"]]
    assert [r["id"] for r in rows] == paged
    first = next(r for r in rows if r["id"] == "lu/003")
    assert first["date"] == "2024-06-04"
    assert first["url"] == "https://baolangson.vn/lu-3"
    assert first["officials"] == "Hồ Tiến Thiệu"
    # with the post the article gives him (a user trial: names alone told a researcher nothing)
    assert first["official_titles"] == "Hồ Tiến Thiệu: Chủ tịch UBND tỉnh Lạng Sơn"
    # plain text: no <mark>, no &quot;
    assert "<mark>" not in first["snippet"] and "lũ lụt" in first["snippet"] and "&" not in first["snippet"]
    # a cell a spreadsheet would run as a formula is shown as text
    assert next(r for r in rows if r["id"] == "khac/cong-thuc")["title"].startswith("'=HYPERLINK")


def test_the_web_download_gives_the_rows_the_cli_prints(runner, flood_index, client):
    cli_rows = read_csv(runner.invoke(
        cli, ["search", "lu lut", "--index", str(flood_index), "--format", "csv", "--sort", "newest"]).stdout)
    answer = client.get("/export.csv?q=lu+lut&sort=newest&page=3")  # the page does not matter
    assert answer.status_code == 200
    assert answer.mimetype == "text/csv"
    assert "attachment" in answer.headers["Content-Disposition"]
    assert answer.is_streamed
    text = answer.get_data(as_text=True)
    assert text.startswith("\ufeff")  # so a spreadsheet reads it as UTF-8
    web_rows = read_csv(text)
    assert web_rows == cli_rows
    assert int(answer.headers["X-Timtin-Total"]) == len(web_rows) == 151
    # newest first, undated last
    dates = [r["date"] for r in web_rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[-1] == ""


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_lines_and_json_hold_the_same_rows(runner, flood_index, client, fmt):
    csv_ids = [r["id"] for r in read_csv(runner.invoke(
        cli, ["search", "lu lut", "--year", "2024", "--index", str(flood_index), "--format", "csv"]).stdout)]
    out = runner.invoke(cli, ["search", "lu lut", "--year", "2024", "--index", str(flood_index), "--format", fmt])
    web = client.get(f"/export.{fmt}?q=lu+lut&year=2024").get_data(as_text=True)
    for text in (out.stdout, web):
        if fmt == "jsonl":
            rows = [json.loads(line) for line in text.splitlines()]
        else:
            data = json.loads(text)
            assert data["total"] == data["rows"] == len(data["hits"]) and data["capped"] is False
            rows = data["hits"]
        assert [r["id"] for r in rows] == csv_ids
        assert rows[0]["officials"] == ["Hồ Tiến Thiệu"]
        assert rows[0]["official_titles"] == [{"name": "Hồ Tiến Thiệu", "titles": ["Chủ tịch UBND tỉnh Lạng Sơn"]}]


def test_a_large_set_is_capped_with_a_message_that_says_the_cap_and_why(runner, flood_index, tmp_path):
    result = runner.invoke(cli, ["search", "lu lut", "--index", str(flood_index), "--format", "csv",
                                 "--max-rows", "40"])
    assert result.exit_code == 3
    assert len(read_csv(result.stdout)) == 40
    assert result.stderr == ("151 articles match; this export holds the first 40 articles, in the order asked "
                             "(--max-rows 40). --max-rows 151 exports them all.\n")

    app = create_app({"INDEX_DIR": str(flood_index), "TESTING": True, "WARM_UP": False, "EXPORT_ROWS": 25})
    client = app.test_client()
    answer = client.get("/export.csv?q=lu+lut")
    assert len(read_csv(answer.get_data(as_text=True))) == 25
    assert "151 articles match; this export holds the first 25 articles" in answer.headers["X-Timtin-Capped"]
    assert "would hold a server thread for minutes" in answer.headers["X-Timtin-Capped"]
    page = client.get("/?q=lu+lut").get_data(as_text=True)
    assert "Tải về tối đa 25 bài" in page
    assert "tệp tải về chỉ gồm 25 bài đầu" in page


def test_the_search_page_links_the_download_of_every_match(client):
    page = client.get("/?q=lu+lut&year=2024&page=2").get_data(as_text=True)
    assert 'href="/export.csv?q=lu+lut&amp;year=2024"' in page
    assert "<strong>144</strong> bài viết" in page and "Tải về cả 144 bài" in page


def test_an_unknown_format_is_refused_with_the_choices(runner, flood_index, client):
    result = runner.invoke(cli, ["search", "lu", "--index", str(flood_index), "--format", "xlsx"])
    assert result.exit_code == 2 and "'xlsx' is not one of 'csv', 'jsonl', 'json'" in result.stderr
    answer = client.get("/export.xlsx?q=lu")
    assert answer.status_code == 404 and "csv, jsonl, json" in answer.get_data(as_text=True)
    with pytest.raises(Exception, match='Unknown format "xml"'):
        export.export(None, SearchRequest(), "xml")


def test_json_and_format_together_are_refused(runner, flood_index):
    result = runner.invoke(cli, ["search", "lu", "--index", str(flood_index), "--format", "csv", "--json"])
    assert result.exit_code == 2 and "Give --json (one page) or --format (every match), not both." in result.stderr


def test_the_server_writes_a_streamed_body_as_it_is_made_not_held_whole():
    """The gevent worker runs the app in native threads; a body must leave a block at a
    time (an export of 10,000 rows starts arriving at once), not be built whole first."""
    import threading

    from webui.server import BLOCK_BYTES, _in_threads

    sent = threading.Event()

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/csv")])

        def body():
            yield b"x" * BLOCK_BYTES
            # the rest is made only once the first block has left (or it never is)
            yield b"late" if sent.wait(5) else b"held back"
        return body()

    served = _in_threads(app, 2)({}, lambda status, headers: None)
    blocks = []
    for block in served:
        blocks.append(block)
        sent.set()
    served.close()
    assert [len(b) for b in blocks] == [BLOCK_BYTES, 4] and blocks[1] == b"late"


@pytest.fixture(scope="module")
def copies_index(tmp_path_factory):
    """One story in three papers (the same text) and one article of its own."""
    tmp = tmp_path_factory.mktemp("copies")
    body = ("Sáng 19/1, Ban Dân vận Tỉnh ủy Lạng Sơn tổ chức hội nghị tổng kết công tác dân vận năm 2024 "
            "và triển khai nhiệm vụ năm 2025. Năm qua, các cấp ủy, chính quyền đã thực hiện tốt quy chế dân chủ "
            "ở cơ sở, xây dựng hơn 4.000 mô hình dân vận khéo trên các lĩnh vực kinh tế, văn hóa, xã hội, "
            "quốc phòng, an ninh; phát huy vai trò của Nhân dân trong xây dựng nông thôn mới và đô thị văn minh.")
    rows = [{"id": f"ban-sao/{outlet}", "title": f"Tổng kết công tác dân vận ({outlet})", "date": f"2025-01-{day}",
             "url": f"https://{outlet}.vn/dan-van", "body": body, "author": author, "source": source}
            for outlet, day, author, source in (("baolangson", 19, "Ngọc Anh", "LSO"), ("baocaobang", 20, None, "TTXVN"),
                                                ("tonghop", 21, None, "Theo Báo Lạng Sơn"))]
    rows.append({"id": "khac", "title": "Dân vận ở khu dân cư", "date": "2025-01-20",
                 "body": "Công tác dân vận ở khu dân cư được chú trọng, " + " ".join(random.Random(1).choices(WORDS, k=80))})
    root = tmp / "index"
    indexing.update(root, [write_jsonl(tmp / "copies.jsonl", rows)], procs=1)
    return root


def test_an_export_counts_stories_as_the_pages_do(runner, copies_index):
    """Copies of one story (issue #15) are one row, as they are one result; --all-copies lists each."""
    for extra, expected in (([], 2), (["--all-copies"], 4)):
        args = ["search", "dan van", "--index", str(copies_index), *extra]
        total = json.loads(runner.invoke(cli, [*args, "--json"]).stdout)["total"]
        exported = read_csv(runner.invoke(cli, [*args, "--format", "csv"]).stdout)
        assert total == len(exported) == expected


def test_each_exported_row_names_the_copies_of_its_story(runner, copies_index):
    """User trial: the page said "166 tin (169 bài viết)", the CSV had 166 rows and no word of the 3 copies."""
    args = ["search", "dan van", "--index", str(copies_index), "--sort", "oldest"]
    [story, other] = read_csv(runner.invoke(cli, [*args, "--format", "csv"]).stdout)
    assert story["id"] == "ban-sao/baolangson"
    assert story["copy_count"] == "2"
    assert story["copy_ids"] == "ban-sao/baocaobang; ban-sao/tonghop"
    assert (other["id"], other["copy_count"], other["copy_ids"]) == ("khac", "0", "")
    api = json.loads(runner.invoke(cli, [*args, "--json"]).stdout)["hits"]
    for fmt in ("jsonl", "json"):
        text = runner.invoke(cli, [*args, "--format", fmt]).stdout
        rows = [json.loads(line) for line in text.splitlines()] if fmt == "jsonl" else json.loads(text)["hits"]
        assert [(r["copies"], r["copy_count"]) for r in rows] == [(h["copies"], h["copy_count"]) for h in api]
    assert rows[0]["copies"][0] == {"id": "ban-sao/baocaobang", "title": "Tổng kết công tác dân vận (baocaobang)",
                                    "outlet": "baocaobang.vn", "date": "2025-01-20", "first": False}


def test_the_web_export_says_stories_and_articles_and_how_to_get_every_copy(copies_index):
    client = create_app({"INDEX_DIR": str(copies_index), "TESTING": True, "WARM_UP": False,
                         "EXPORT_ROWS": 1}).test_client()
    answer = client.get("/export.json?q=dan+van&sort=oldest")
    data = json.loads(answer.get_data(as_text=True))
    assert (data["total"], data["articles"], data["rows"], data["capped"]) == (2, 4, 1, True)
    assert "group=0 (timtin search --all-copies) exports every article as its own row" in data["note"]
    assert answer.headers["X-Timtin-Capped"].startswith(
        "2 stories (4 articles) match; this export holds the first story, in the order asked")
    page = client.get("/?q=dan+van").get_data(as_text=True)
    assert "mỗi tin một dòng, kèm số và mã các bản đăng lại" in page
    every = client.get("/export.csv?q=dan+van&group=0").get_data(as_text=True)
    assert len(read_csv(every)) == 1 and client.get("/export.csv?q=dan+van&group=0").headers["X-Timtin-Total"] == "4"


def test_the_clis_cap_counts_stories_and_articles_in_its_own_words(runner, copies_index):
    result = runner.invoke(cli, ["search", "dan van", "--index", str(copies_index), "--format", "csv",
                                 "--max-rows", "1"])
    assert result.exit_code == 3
    assert result.stderr == (
        "2 stories (4 articles) match; this export holds the first story, in the order asked (--max-rows 1). "
        "--max-rows 2 exports them all; each row names its story's copies (copy_count, copy_ids), and "
        "--all-copies exports each of the 4 articles as its own row.\n")
    assert "server thread" not in result.stderr


def test_a_csv_the_cli_writes_to_a_file_opens_in_a_spreadsheet_as_the_webs_does(flood_index, tmp_path, client):
    """A user trial: `timtin search … --format csv > f.csv` had no byte-order mark, so a
    spreadsheet read its Vietnamese as Latin-1; the web's file had one. Piped on, to a
    program, it still starts with the header."""
    import subprocess
    import sys

    args = [sys.executable, "-m", "indexer", "search", "lu lut", "--index", str(flood_index), "--format", "csv"]
    saved = tmp_path / "hits.csv"
    with open(saved, "wb") as out:
        subprocess.run(args, stdout=out, check=True, timeout=120)
    web = client.get("/export.csv?q=lu+lut").data
    assert saved.read_bytes() == web and web.startswith(b"\xef\xbb\xbfid,date,title")
    piped = subprocess.run(args, capture_output=True, check=True, timeout=120).stdout
    assert piped.startswith(b"id,date,title") and piped == web[3:]
    with open(saved, "ab") as out:  # appended (`>> hits.csv`): no mark in the middle of the file
        subprocess.run(args, stdout=out, check=True, timeout=120)
    assert saved.read_bytes() == web + piped


def test_a_downloads_name_says_what_chose_its_rows(client):
    """A user trial: every export without a query was named timtin-tat-ca.csv, so the
    exports of two officials' articles overwrote each other."""
    from urllib.parse import unquote

    def name(url: str) -> str:
        header = client.get(url).headers["Content-Disposition"]
        return unquote(header.split("filename*=UTF-8''")[1])

    assert name("/export.csv?official=Hồ+Tiến+Thiệu&year=2024") == "timtin-Hồ-Tiến-Thiệu-2024.csv"
    assert name("/export.json?q=lũ+lụt&month=2024-05") == "timtin-lũ-lụt-2024-05.json"
    assert name("/export.csv?q=lu+lut&from=2024-01-01&to=2024-03-31") == "timtin-lu-lut-2024-01-01_2024-03-31.csv"
    assert name("/export.csv") == "timtin-tat-ca.csv"


# -- every row says its story and when it was first published (a user trial: a media researcher
# studying how stories spread could not tell a rerun from the original, nor group the rows by story)

HEADER = ("id,date,title,url,officials,snippet,copy_count,copy_ids,outlet,official_titles,"
          "story,first_date,copies,author,source")


def _csv(runner, index, *args: str) -> str:
    result = runner.invoke(cli, ["search", *args, "--index", str(index), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_article_exported_on_its_own_row_says_its_story_and_who_republished_it_when(runner, copies_index):
    """`--all-copies` (group=0) gave each copy copy_count 0, empty copy_ids and no story."""
    text = _csv(runner, copies_index, "dan van", "--all-copies", "--sort", "oldest")
    assert text.splitlines()[0] == HEADER
    rows = read_csv(text)
    keys = ("id", "date", "outlet", "copy_count", "copy_ids", "story", "first_date", "copies", "author", "source")
    assert [tuple(r[k] for k in keys) for r in rows] == [
        ("ban-sao/baolangson", "2025-01-19", "baolangson.vn", "2", "ban-sao/baocaobang; ban-sao/tonghop",
         "ban-sao/baolangson", "2025-01-19", "2025-01-20 baocaobang.vn ban-sao/baocaobang; 2025-01-21 tonghop.vn ban-sao/tonghop",
         "Ngọc Anh", "LSO"),
        ("ban-sao/baocaobang", "2025-01-20", "baocaobang.vn", "2", "ban-sao/baolangson; ban-sao/tonghop",
         "ban-sao/baolangson", "2025-01-19", "2025-01-19 baolangson.vn ban-sao/baolangson; 2025-01-21 tonghop.vn ban-sao/tonghop",
         "", "TTXVN"),
        ("khac", "2025-01-20", "", "0", "", "khac", "2025-01-20", "", "", ""),
        ("ban-sao/tonghop", "2025-01-21", "tonghop.vn", "2", "ban-sao/baolangson; ban-sao/baocaobang",
         "ban-sao/baolangson", "2025-01-19", "2025-01-19 baolangson.vn ban-sao/baolangson; 2025-01-20 baocaobang.vn ban-sao/baocaobang",
         "", "Theo Báo Lạng Sơn"),
    ]
    # one whole row, as a spreadsheet shows it
    assert text.splitlines()[4] == (
        "ban-sao/tonghop,2025-01-21,Tổng kết công tác dân vận (tonghop),https://tonghop.vn/dan-van,,"
        f'"{rows[3]["snippet"]}",2,ban-sao/baolangson; ban-sao/baocaobang,tonghop.vn,,ban-sao/baolangson,2025-01-19,'
        "2025-01-19 baolangson.vn ban-sao/baolangson; 2025-01-20 baocaobang.vn ban-sao/baocaobang,,Theo Báo Lạng Sơn")


def test_the_webs_downloads_and_api_give_each_article_its_story_as_the_cli_does(runner, copies_index):
    client = create_app({"INDEX_DIR": str(copies_index), "TESTING": True, "WARM_UP": False}).test_client()
    cli_csv = _csv(runner, copies_index, "dan van", "--all-copies")
    assert read_csv(client.get("/export.csv?q=dan+van&group=0").get_data(as_text=True)) == read_csv(cli_csv)
    assert len(read_csv(cli_csv)) == 4
    cli_jsonl = runner.invoke(cli, ["search", "dan van", "--index", str(copies_index), "--all-copies",
                                    "--format", "jsonl"]).stdout
    assert client.get("/export.jsonl?q=dan+van&group=0").get_data(as_text=True) == cli_jsonl
    rows = {r["id"]: r for r in map(json.loads, cli_jsonl.splitlines())}
    assert rows["ban-sao/tonghop"]["story"] == "ban-sao/baolangson" and rows["ban-sao/tonghop"]["first_date"] == "2025-01-19"
    assert (rows["ban-sao/tonghop"]["author"], rows["ban-sao/tonghop"]["source"]) == (None, "Theo Báo Lạng Sơn")
    assert [(c["id"], c["first"]) for c in rows["ban-sao/tonghop"]["copies"]] == [
        ("ban-sao/baolangson", True), ("ban-sao/baocaobang", False)]
    api = client.get("/api/search?q=dan+van&group=0").get_json()
    cli_api = json.loads(runner.invoke(cli, ["search", "dan van", "--index", str(copies_index), "--all-copies",
                                             "--json"]).stdout)
    assert api["hits"] == cli_api["hits"]  # one search API: the same answer
    assert {h["id"]: (h["story"], h["first_date"], h["copy_count"]) for h in api["hits"]} == {
        "ban-sao/baolangson": ("ban-sao/baolangson", "2025-01-19", 2), "ban-sao/baocaobang": ("ban-sao/baolangson", "2025-01-19", 2),
        "ban-sao/tonghop": ("ban-sao/baolangson", "2025-01-19", 2), "khac": ("khac", "2025-01-20", 0)}
    # an article's own JSON says its story and copies, as its page does
    article = client.get("/api/articles/ban-sao/tonghop").get_json()
    hit = next(h for h in api["hits"] if h["id"] == "ban-sao/tonghop")
    assert {k: article[k] for k in ("outlet", "story", "first_date", "copies", "copy_count")} == {
        k: hit[k] for k in ("outlet", "story", "first_date", "copies", "copy_count")}
    assert (article["author"], article["source"]) == (None, "Theo Báo Lạng Sơn")


def test_a_story_shown_by_a_later_copy_gives_its_first_publication_and_calls_it_none_of_its_republications(
        runner, copies_index):
    """Sorted newest (the default without a query) a story's row was its last rerun; ranked by
    relevance, the earliest copy matching the query, so an original that does not match was
    listed as a "bản đăng lại (republished)" of a later copy."""
    newest = read_csv(_csv(runner, copies_index))  # no query: newest first
    story = next(r for r in newest if r["copy_count"] == "2")
    assert (story["id"], story["date"], story["story"], story["first_date"]) == (
        "ban-sao/tonghop", "2025-01-21", "ban-sao/baolangson", "2025-01-19")
    # only the second paper's title holds its name: that copy stands for the story
    args = ["search", "baocaobang", "--index", str(copies_index)]
    [row] = read_csv(_csv(runner, copies_index, "baocaobang"))
    assert (row["id"], row["story"], row["first_date"]) == ("ban-sao/baocaobang", "ban-sao/baolangson", "2025-01-19")
    shown = runner.invoke(cli, args).stdout
    assert (
        "  2 bản đăng khác của tin này (other publications of this story, first published 2025-01-19):\n"
        "    baolangson.vn 2025-01-19 ban-sao/baolangson [đăng đầu tiên, first published]  "
        "Tổng kết công tác dân vận (baolangson)\n"
        "    tonghop.vn 2025-01-21 ban-sao/tonghop  Tổng kết công tác dân vận (tonghop)\n") in shown
    assert "bản đăng lại" not in shown
    client = create_app({"INDEX_DIR": str(copies_index), "TESTING": True, "WARM_UP": False}).test_client()
    page = client.get("/?q=baocaobang").get_data(as_text=True)
    assert "<summary>2 bản đăng khác của tin này (đăng đầu tiên 19/01/2025)</summary>" in page
    assert ('<li class="first"><a href="/article/ban-sao/baolangson?q=baocaobang">baolangson.vn</a> · '
            '<time datetime="2025-01-19">19/01/2025</time> · <strong class="first-published">đăng đầu tiên</strong> · '
            '<span class="copy-title">Tổng kết công tác dân vận (baolangson)</span></li>') in page
    assert "bản đăng lại</summary>" not in page
    data = client.get("/api/search?q=baocaobang").get_json()
    assert data["hits"] == json.loads(runner.invoke(cli, [*args, "--json"]).stdout)["hits"]
    [hit] = data["hits"]
    assert (hit["story"], hit["first_date"]) == ("ban-sao/baolangson", "2025-01-19")
    assert [(c["id"], c["date"], c["first"]) for c in hit["copies"]] == [
        ("ban-sao/baolangson", "2025-01-19", True), ("ban-sao/tonghop", "2025-01-21", False)]
    # shown by its first publication, its copies are its republications, and none is marked first
    first = client.get("/?q=dan+van&sort=oldest").get_data(as_text=True)
    assert "<summary>2 bản đăng lại</summary>" in first and "đăng đầu tiên" not in first


def test_the_copies_cell_says_one_entry_a_copy_whatever_its_date_and_outlet(runner, tmp_path):
    """A review of b8f64e2: the CSV's ``copies`` (``DATE OUTLET ID; ...``) wrote a copy without a
    date as ``- OUTLET ID``, so a cell opening with one started with the formula guard's
    apostrophe (``'- LSO b-2; - - c-3``); and an outlet holding ``; `` (the dateline's source of a
    file without an address: ``Nguồn: TTXVN; Báo Lạng Sơn``) made one copy two entries."""
    body = (STORIES / "original.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    rows = [{"id": "a-1", "title": "Trồng na trên đất dốc", "date": "2026-05-12", "body": body,
             "source": "TTXVN; Báo Lạng Sơn"},
            {"id": "b-2", "title": "Trồng na trên đất dốc", "body": body, "source": "LSO"},
            {"id": "c-3", "title": "Trồng na trên đất dốc", "body": body}]
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "wire.jsonl", rows)], procs=1)
    result = runner.invoke(cli, ["search", "trồng na", "--all-copies", "--index", str(index), "--format", "csv"])
    assert result.exit_code == 0, result.output
    cells = {r["id"]: (r["outlet"], r["copies"], r["copy_ids"]) for r in read_csv(result.stdout)}
    assert cells == {
        "a-1": ("TTXVN; Báo Lạng Sơn", "undated LSO b-2; undated - c-3", "b-2; c-3"),
        "b-2": ("LSO", "2026-05-12 TTXVN, Báo Lạng Sơn a-1; undated - c-3", "a-1; c-3"),
        "c-3": ("", "2026-05-12 TTXVN, Báo Lạng Sơn a-1; undated LSO b-2", "a-1; b-2"),
    }
