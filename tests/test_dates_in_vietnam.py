"""A time with a zone is dated by the day in Vietnam (UTC+7), in every input form.

User trial of 2026-11-30: articles stamped ``2026-02-04T20:45:00Z`` (03:45 on 5 February in
Vietnam, when the paper published them) were dated 4 February, so ``--from 2026-02-05
--to 2026-02-05`` missed them. A date or time without a zone stays as written.
"""

import datetime as dt
import json

import pytest

from indexer import parsing
from indexer.cli import cli
from tests.conftest import write_jsonl

BODY = ("Sáng 5/2, UBND tỉnh Lạng Sơn tổ chức hội nghị tổng kết công tác năm 2025 và triển khai "
        "nhiệm vụ năm 2026. Chủ tịch UBND tỉnh Hồ Tiến Thiệu chủ trì hội nghị. ") * 3

ROWS = [
    {"id": "dem-utc", "title": "Hội nghị tổng kết công tác năm 2025", "date": "2026-02-04T20:45:00Z", "body": BODY},
    {"id": "toi-utc", "title": "Tuyển futsal Việt Nam thắng trận mở màn", "date": "2026-02-04T16:30:00+00:00",
     "body": "Tối 4/2, tuyển futsal Việt Nam thắng 3-1 ở trận mở màn giải châu Á tại Indonesia."},
    {"id": "gio-vn", "title": "Đường tỉnh 226 thông xe", "date": "2026-02-04T23:10:00+07:00",
     "body": "Đêm 4/2, tuyến đường tỉnh 226 qua xã Đồng Đăng đã thông xe sau ba tháng sửa chữa."},
    {"id": "ngay-tron", "title": "Chợ hoa xuân mở cửa", "date": "2026-02-04",
     "body": "Chợ hoa xuân thành phố Lạng Sơn mở cửa từ ngày 4/2 đến hết 28 tháng Chạp."},
    {"id": "gio-khong-mui", "title": "Lễ ra quân làm thủy lợi", "date": "2026-02-04 21:00",
     "body": "Tối 4/2, huyện Cao Lộc ra quân làm thủy lợi đầu xuân tại xã Hồng Phong."},
]


def _ids_on(runner, index, day: str) -> list[str]:
    result = runner.invoke(cli, ["search", "--index", str(index), "--from", day, "--to", day, "--json",
                                 "--all-copies", "--per-page", "50"])
    assert result.exit_code == 0, result.output
    return sorted(hit["id"] for hit in json.loads(result.stdout)["hits"])


def test_a_utc_timestamp_after_17h_is_found_on_the_next_day_in_vietnam(tmp_path, runner):
    src = write_jsonl(tmp_path / "src" / "tin.jsonl", ROWS)
    index = tmp_path / "index"
    assert runner.invoke(cli, ["index", str(src), "--index", str(index)]).exit_code == 0
    assert _ids_on(runner, index, "2026-02-05") == ["dem-utc"]
    assert _ids_on(runner, index, "2026-02-04") == ["gio-khong-mui", "gio-vn", "ngay-tron", "toi-utc"]


@pytest.mark.parametrize("line, date", [
    ("2026-02-04T20:45:00Z", dt.date(2026, 2, 5)),
    ("2026-02-04T16:59:59Z", dt.date(2026, 2, 4)),
    ("2026-02-04T17:00:00.250+00:00", dt.date(2026, 2, 5)),
    ("2026-02-05T01:00:00+09:00", dt.date(2026, 2, 4)),
    ("2026-02-04T20:45:00+07:00", dt.date(2026, 2, 4)),
    ("2026-02-04T20:45", dt.date(2026, 2, 4)),
    ("2026-02-04T24:00:00Z", dt.date(2026, 2, 4)),  # no such time: the day as written
    ("Thứ Tư, 04/02/2026 20:45 (GMT+0)", dt.date(2026, 2, 5)),
    ("08:45 pm 04/02/2026 GMT+0", dt.date(2026, 2, 5)),
    ("Thứ Tư, 04/02/2026, 20:45 (GMT+7)", dt.date(2026, 2, 4)),
])
def test_a_text_articles_date_line_with_a_zone_is_dated_in_vietnam(tmp_path, line, date):
    path = tmp_path / "a.txt"
    path.write_text(f"{line}\n\nHội nghị tổng kết\n\n{BODY}\n", encoding="utf-8")
    [article] = [a for a in parsing.read_file(path, tmp_path) if not isinstance(a, parsing.Problem)]
    assert article.date == date


def test_an_impossible_timestamp_is_a_warning_and_the_article_kept(tmp_path):
    src = write_jsonl(tmp_path / "tin.jsonl", [{**ROWS[0], "date": "2026-02-30T20:45:00Z"}])
    items = list(parsing.read_file(src, tmp_path))
    [article] = [i for i in items if not isinstance(i, parsing.Problem)]
    [warning] = [i for i in items if isinstance(i, parsing.Problem)]
    assert article.date is None
    assert '"2026-02-30T20:45:00Z"' in warning.message


def test_a_pages_published_time_in_utc_is_dated_in_vietnam(tmp_path):
    body = "".join(f"<p>{s}</p>" for s in BODY.split(". ") if s)
    page = ('<html><head><title>Hội nghị tổng kết</title>'
            '<meta property="article:published_time" content="2026-02-04T20:45:00Z"></head>'
            f'<body><h1>Hội nghị tổng kết công tác năm 2025</h1>{body}</body></html>')
    (tmp_path / "hoi-nghi.html").write_text(page, encoding="utf-8")
    [article] = [a for a in parsing.read_paths([tmp_path]) if not isinstance(a, parsing.Problem)]
    assert article.date == dt.date(2026, 2, 5)


def test_indexing_again_redates_articles_an_older_timtin_dated_by_the_utc_day(tmp_path, runner, monkeypatch):
    src = write_jsonl(tmp_path / "src" / "tin.jsonl", ROWS)
    index = tmp_path / "index"
    real = parsing.parse_date
    monkeypatch.setattr(parsing, "parse_date", lambda value: real(value[:10]))  # the old reading: the UTC day
    assert runner.invoke(cli, ["index", str(src), "--index", str(index), "--procs", "1"]).exit_code == 0
    assert _ids_on(runner, index, "2026-02-05") == []
    monkeypatch.setattr(parsing, "parse_date", real)
    again = runner.invoke(cli, ["index", str(src), "--index", str(index), "--procs", "1"])
    assert "updated 1, unchanged 4" in again.stdout
    assert _ids_on(runner, index, "2026-02-05") == ["dem-utc"]
