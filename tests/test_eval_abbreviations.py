"""The abbreviation eval (tests/tools/eval_abbreviations.py), on articles and a table written here."""

from __future__ import annotations

import json

from tests.conftest import write_jsonl
from tests.tools import eval_abbreviations
from tests.tools.eval_abbreviations import groups, truths

ROWS = [
    ("TP.HCM", "thành phố Hồ Chí Minh"),
    ("TPHCM", "thành phố Hồ Chí Minh"),
    ("TƯ", "Trung ương"),
    ("VH-TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("HLV", "huấn luyện viên"),
]
ARTICLES = [
    {"id": "tphcm", "title": "Giá xăng", "body": "Giá xăng tại TPHCM tăng nhẹ."},
    {"id": "thanh-pho", "title": "Giá xăng", "body": "Giá xăng tại Thành phố Hồ Chí Minh tăng."},
    {"id": "dau-tu", "title": "Đầu tư", "body": "Thu hút đầu tư vào tỉnh."},
    {"id": "tu", "title": "Hội nghị TƯ 5", "body": "Hội nghị bế mạc."},
    {"id": "bo-vh", "title": "Lễ hội", "body": "Bộ Văn hóa, Thể thao và Du lịch tổ chức lễ hội."},
    {"id": "comma-apart", "title": "Tin", "body": "Văn hóa, thể thao và du lịch phát triển; HLV mới đến."},
    {"id": "line-apart", "title": "Tin", "body": "Ông là huấn luyện\nviên cũ."},
]


def _texts():
    return [(a["id"], [a["title"], a["body"]]) for a in ARTICLES]


def test_rows_sharing_a_form_are_one_group():
    found = groups(ROWS)
    assert found[0] == found[1]
    assert found[2] != found[0]


def test_truth_reads_abbreviations_as_written_and_long_forms_side_by_side():
    truth, count = truths(_texts(), groups(ROWS))
    assert count == len(ARTICLES)
    assert truth[0] == truth[1] == {"tphcm", "thanh-pho"}
    assert truth[2] == {"tu"}  # "đầu tư" is not TƯ
    assert truth[3] == {"bo-vh", "comma-apart"}  # the comma the long form has, case aside
    assert truth[4] == {"comma-apart"}  # never across a line break


def test_tool_prints_each_row_before_and_after_and_writes_the_figures(tmp_path, capsys):
    table = tmp_path / "abbreviations.tsv"
    table.write_text("".join(f"{s}\t{l}\n" for s, l in ROWS), encoding="utf-8")
    source = write_jsonl(tmp_path / "news.jsonl", ARTICLES)
    figures = tmp_path / "figures.json"
    args = ["--table", str(table), "--source", str(source), "--index", str(tmp_path / "index"), "--json", str(figures)]
    assert eval_abbreviations.main(args) == 0
    out = capsys.readouterr().out
    assert "Real news: 5 rows, 7 articles; before = no table" in out
    real = {r["short"]: r for r in json.loads(figures.read_text(encoding="utf-8"))["real"]["rows"]}
    # without a table TPHCM finds only its own spelling; with it, both
    assert (real["TPHCM"]["short_query"]["before_right"], real["TPHCM"]["short_query"]["after_right"]) == (1, 2)
    assert real["TPHCM"]["truth"] == 2


def test_tool_without_real_news_measures_our_own_articles_only(tmp_path, capsys):
    assert eval_abbreviations.main(["--source", str(tmp_path / "missing.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "Our own articles (data/)" in out
    assert "No real news at" in out
