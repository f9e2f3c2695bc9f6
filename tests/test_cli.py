"""The timtin command: thin wrappers that print what the core returns."""

import json

from indexer.cli import cli
from indexer.searching import SearchRequest
from tests.conftest import SAMPLE_DATA, TEST_DATA


def test_parse_json_prints_one_article_per_line(runner):
    result = runner.invoke(cli, ["parse", str(TEST_DATA / "articles" / "seedlike.txt"), "--json"])
    assert result.exit_code == 0, result.output
    [line] = result.output.splitlines()
    data = json.loads(line)
    assert list(data) == ["id", "title", "date", "author", "lead", "body", "captions", "url", "source", "officials"]
    assert data["date"] == "2021-01-19"
    assert data["author"] == "Kim Ngân"
    assert data["body"].startswith("Đó là yêu cầu")
    assert [o["name"] for o in data["officials"]] == ["Lò Văn Phúc", "Hà Thị Ngân"]


def test_parse_names_broken_files_and_exits_3(runner):
    result = runner.invoke(cli, ["parse", str(TEST_DATA / "articles"), "--json"])
    assert result.exit_code == 3
    assert "no-date.txt: line 1 is not a date line" in result.stderr
    assert "empty.txt: the file is empty" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_index_summarises_and_exits_3_when_something_was_skipped(runner, tmp_path):
    index = tmp_path / "index"
    result = runner.invoke(cli, ["index", str(SAMPLE_DATA), "--index", str(index)])
    assert result.exit_code == 3
    assert "Added 43, updated 0, unchanged 0, removed 0, skipped 2." in result.stdout
    assert "skipped: " in result.stderr and "thieu-ngay.txt: line 1 is not a date line" in result.stderr
    again = runner.invoke(cli, ["index", str(SAMPLE_DATA / "articles" / "2019"), "--index", str(index)])
    assert again.exit_code == 0
    # ids are relative to the folder given: the 2019 files come in under new ids
    assert "Added 5, updated 0, unchanged 0, removed 5, skipped 0." in again.stdout


def test_an_empty_folder_or_a_file_of_another_kind_is_said_so(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["index", str(tmp_path / "empty"), "--index", str(tmp_path / "index")])
    assert result.exit_code == 0 and "Added 0, updated 0, unchanged 0, removed 0, skipped 0." in result.stdout
    assert f"warning: no article file (.txt, .jsonl, .html, .htm) in {tmp_path / 'empty'}" in result.stderr
    note = tmp_path / "ghi-chu.md"
    note.write_text("# Ghi chú\n\nViệc cần làm tuần này.\n", encoding="utf-8")
    result = runner.invoke(cli, ["index", str(note), "--index", str(tmp_path / "index")])
    assert result.exit_code == 3
    assert "line 1 is not a date line" in result.stderr
    assert "(a .md file is read as a text article like the .txt ones; timtin reads .txt, .jsonl" in result.stderr


def test_serve_refuses_a_port_in_use_and_warns_of_a_missing_index(runner, tmp_path, monkeypatch):
    import socket

    from webui import server

    started = []
    monkeypatch.setattr(server, "run", lambda *args, **kwargs: started.append(args))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["serve", "--index", str(tmp_path / "index"), "--port", str(port)])
        assert result.exit_code == 1 and not started
        assert f"Error: Cannot serve on 127.0.0.1:{port}: Address already in use" in result.stderr
    result = runner.invoke(cli, ["serve", "--index", str(tmp_path / "nowhere"), "--port", str(port)])
    assert result.exit_code == 0 and len(started) == 1
    assert f"warning: no index at {tmp_path / 'nowhere'} yet; every page answers 503" in result.stderr
    # --debug: werkzeug's reloader holds the port and runs the command again; no check of ours then
    import webui

    ran = []
    monkeypatch.setattr(webui, "create_app", lambda config: type("App", (), {"run": lambda self, **kw: ran.append(kw)})())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = runner.invoke(cli, ["serve", "--index", str(tmp_path / "index"), "--port", str(port), "--debug"])
    assert result.exit_code == 0 and ran == [{"host": "127.0.0.1", "port": port, "debug": True}], result.output


def test_index_folder_comes_from_the_environment(runner, tmp_path):
    index = tmp_path / "env-index"
    result = runner.invoke(cli, ["index", str(SAMPLE_DATA / "feeds")], env={"TIMTIN_INDEX": str(index)})
    assert result.exit_code == 0, result.output
    assert (index / "CURRENT").exists()


def test_search_json_is_exactly_the_core_answer(runner, sample_index, sample_searcher):
    result = runner.invoke(cli, ["search", "dan", "van", "--index", str(sample_index), "--json", "--per-page", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    core = sample_searcher.search(SearchRequest(query="dan van", per_page=3)).to_json()
    data.pop("took_ms"), core.pop("took_ms")
    assert data == core


def test_search_prints_count_titles_and_snippets(runner, sample_index):
    result = runner.invoke(cli, ["search", "Kỳ Lừa", "--index", str(sample_index)])
    assert result.exit_code == 0
    assert result.stdout.startswith("1 article, showing 1-1")
    assert "Lễ hội Kỳ Lừa thu hút đông đảo người dân và du khách  [2023-02-20 · LSO]" in result.stdout


def test_search_takes_excluded_words_without_quoting(runner, sample_index):
    result = runner.invoke(cli, ["search", "dân", "vận", "-covid", "--index", str(sample_index), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["query"] == "dân vận -covid"


def test_a_mistyped_option_is_refused_not_searched_for(runner, sample_index):
    """Unknown options are read as query words (so that -covid leaves a word out); a mistyped
    --year must not silently leave out "yaer" and search for "2021" unfiltered."""
    result = runner.invoke(cli, ["search", "dân", "vận", "--yaer", "2021", "--index", str(sample_index)])
    assert result.exit_code == 2
    assert "No such option: --yaer. Did you mean --year?" in result.stderr
    result = runner.invoke(cli, ["search", "dân", "--offical=hoang thi mai", "--index", str(sample_index)])
    assert result.exit_code == 2
    assert "No such option: --offical. Did you mean --official?" in result.stderr


def test_search_with_filters(runner, sample_index):
    result = runner.invoke(cli, [
        "search", "--index", str(sample_index), "--official", "linh thi anh nguyet", "--year", "2021", "--json",
    ])
    data = json.loads(result.stdout)
    assert data["total"] == 1
    assert data["hits"][0]["id"] == "articles/2021/dan-van-khu-dan-cu"


def test_bad_parameter_is_a_one_line_error(runner, sample_index):
    result = runner.invoke(cli, ["search", "x", "--index", str(sample_index), "--month", "2021-13"])
    assert result.exit_code == 1
    assert result.stderr.strip() == 'Error: Bad --month "2021-13"; expected YYYY-MM, like 2021-01'


def test_errors_name_the_option_as_typed(runner, sample_index):
    result = runner.invoke(cli, ["search", "x", "--index", str(sample_index), "--per-page", "abc"])
    assert result.exit_code == 1
    assert result.stderr.strip() == 'Error: Bad --per-page "abc"; expected a whole number from 1 to 100'
    result = runner.invoke(cli, ["search", "x", "--index", str(sample_index), "--from", "19/01/2021"])
    assert 'Bad --from date "19/01/2021"' in result.stderr


def test_a_bad_since_names_both_forms_it_takes(runner, sample_index):
    result = runner.invoke(cli, ["search", "x", "--index", str(sample_index), "--since", "7x"])
    assert result.exit_code == 1
    assert 'Bad --since date "7x"; expected a day, like 2024-01-31, or a number of days, like 7d' in result.stderr


def test_settings_show_values_and_where_they_came_from(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMTIN_INDEX", str(tmp_path / "news"))
    monkeypatch.setenv("TIMTIN_MAX_PER_PAGE", "20")
    monkeypatch.delenv("TIMTIN_PROCS", raising=False)
    result = runner.invoke(cli, ["settings", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["index"]["value"] == str(tmp_path / "news") and rows["index"]["source"] == "environment"
    assert rows["procs"]["source"] == "default" and int(rows["procs"]["value"]) >= 1
    assert rows["abbreviations"]["source"] == "bundled"
    assert rows["abbreviations"]["value"].endswith("abbreviations.tsv")
    # the limit set in the environment is the one searches enforce
    result = runner.invoke(cli, ["search", "x", "--index", str(tmp_path / "news"), "--per-page", "50"])
    assert "expected a whole number from 1 to 20" in result.stderr
    text = runner.invoke(cli, ["settings"]).stdout
    assert "TIMTIN_INDEX" in text and str(tmp_path / "news") in text


def test_a_bad_setting_in_the_environment_is_named(runner, monkeypatch):
    monkeypatch.setenv("TIMTIN_MAX_PER_PAGE", "many")
    result = runner.invoke(cli, ["settings"])
    assert result.exit_code == 1
    assert 'TIMTIN_MAX_PER_PAGE="many" is not valid' in result.stderr


def test_no_index_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["search", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert f'No index at {tmp_path / "none"}. Run "timtin index data/" first' in result.stderr


def test_stats_prints_count_dates_and_officials(runner, sample_index):
    result = runner.invoke(cli, ["stats", "--index", str(sample_index)])
    assert result.exit_code == 0
    assert "Articles:   43 (0 without a date)" in result.stdout
    assert "Dates:      2019-05-27 to 2024-12-14" in result.stdout
    assert "Vi Đức Thắng" in result.stdout


def test_search_prints_the_accented_suggestion_as_a_line(runner, sample_index):
    result = runner.invoke(cli, ["search", "dan", "van", "--index", str(sample_index)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "Did you mean: dân vận"


def test_a_page_past_the_end_says_so(runner, sample_index):
    result = runner.invoke(cli, ["search", "dân vận", "--index", str(sample_index), "--page", "50"])
    assert result.exit_code == 0
    assert "page 50 is past the last page (1)" in result.stdout
    assert "showing" not in result.stdout


def test_indexing_uses_every_core_by_default():
    import os

    from indexer.cli import index

    procs = next(p for p in index.params if p.name == "procs")
    assert procs.default == len(os.sched_getaffinity(0))
