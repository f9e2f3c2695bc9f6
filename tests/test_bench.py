"""The benchmark runs end to end on a small archive (issue #5: `make bench` on a fresh clone)."""

import json

import pytest

from tests.tools import bench


@pytest.mark.slow  # over 10 s here; `make test-fast` leaves it out
def test_bench_runs_and_writes_its_table_and_json(tmp_path):
    code = bench.main(["--n", "300", "--subset", "100", "--http-seconds", "1", "--rounds", "1",
                       "--out", str(tmp_path), "--no-real", "--queries", "60"])
    assert code == 0
    report = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    configs = [row["config"] for row in report["rows"]]
    for expected in ("timtin index, 2 processes", "timtin reindex, 2 processes",
                     "timtin in process, + facets + snippets", "timtin /api/search over HTTP, 32 clients for 1 s",
                     "timtin in process, cold, facets + snippets", "timtin in process, warm, facets + snippets",
                     "timtin /api/search over HTTP, cold, sequential", "timtin /api/search over HTTP, warm, sequential",
                     "plain Whoosh in process, + facets + snippets", "SQLite FTS5 in process, + facets + snippets"):
        assert expected in configs
    http = next(r for r in report["rows"] if r["config"].startswith("timtin /api/search over HTTP, 32"))
    assert http["errors"] == 0
    table = (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert table.startswith("Benchmark of ") and "| config |" in table
    assert report["ratios"]
