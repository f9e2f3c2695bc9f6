"""The matching eval of issue 10 (tests/tools/eval_matching.py), on articles written here."""

from __future__ import annotations

import json

from tests.conftest import write_jsonl
from tests.tools import eval_matching
from tests.tools.eval_matching import Probe

ARTICLES = [
    {"id": "side-by-side", "title": "Phòng chống tham nhũng", "body": "Tỉnh uỷ họp về công tác dân vận."},
    {"id": "comma-between", "title": "Họp báo", "body": "Nhiều người tham, nhũng nhiễu thì không."},
    {"id": "line-between", "title": "Hội nghị", "body": "Các đại biểu đến tham\nnhũng là chuyện khác."},
    {"id": "across-title", "title": "Bàn chuyện tham", "body": "Nhũng nhiễu dân, ban dân văn nghệ."},
    {"id": "other-accents", "title": "Tin ngắn", "body": "Thăm nhung hươu ở trại, tình ủy thác."},
]


def test_truth_wants_the_syllables_side_by_side_with_only_spaces_between(tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", ARTICLES)
    cases = [Probe("tham nhũng", True, False), Probe("tham nhũng", False, False),
             Probe("dân vận", True, False), Probe("tỉnh ủy", True, False), Probe("tỉnh ủy", False, False)]
    strict, loose, count = eval_matching.truths(source, cases)
    assert count == 5
    assert strict[cases[0]] == {"side-by-side"}
    assert strict[cases[1]] == {"side-by-side", "other-accents"}  # folded: "thăm nhung" too
    assert loose[cases[0]] == {"side-by-side", "comma-between"}  # never across a line or title/body
    assert strict[cases[2]] == {"side-by-side"}  # not "dân văn"
    assert strict[cases[3]] == {"side-by-side"}  # "Tỉnh uỷ": case and tone placement aside
    assert strict[cases[4]] == {"side-by-side", "other-accents"}


def test_tool_prints_the_figures_and_finds_no_quoted_loss_against_itself(tmp_path, capsys):
    source = write_jsonl(tmp_path / "news.jsonl", ARTICLES)
    args = ["--source", str(source), "--index", str(tmp_path / "index")]
    saved, figures = tmp_path / "quoted.json", tmp_path / "figures.json"
    assert eval_matching.main([*args, "--save-quoted", str(saved), "--json", str(figures)]) == 0
    assert eval_matching.main([*args, "--check-quoted", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "Means (precision / recall):" in out
    assert "articles found before" in out and " 0 articles found before" in out
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["articles"] == 5 and len(data["probes"]) == 2 * len(eval_matching.PROBES)
    assert set(json.loads(saved.read_text(encoding="utf-8"))['"tham nhũng"']) >= {"side-by-side"}


def test_missing_real_news_is_a_note_not_a_failure(tmp_path, capsys):
    assert eval_matching.main(["--source", str(tmp_path / "absent.jsonl")]) == 0
    assert "matching not measured" in capsys.readouterr().out
