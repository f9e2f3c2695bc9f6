"""Incremental indexing, atomic reindex and the write lock (issue #2, section 5)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer import indexing
from indexer.cli import cli
from indexer.errors import IndexBusy, IndexNotFound, TimtinError
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl


def article_text(title: str, body: str, date: str = "19/01/2021") -> str:
    return f"{date}\n\n{title}\n\n{body}\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    src = tmp_path / "src"
    (src / "2021").mkdir(parents=True)
    (src / "2021" / "a.txt").write_text(article_text("Tin dân vận", "Công tác dân vận ở cơ sở."), encoding="utf-8")
    (src / "2021" / "b.txt").write_text(article_text("Tin giao thông", "Đường cao tốc thông xe."), encoding="utf-8")
    return src


def total(root: Path, q: str = "") -> int:
    return Searcher(root).search(SearchRequest(query=q)).total


def test_second_run_finds_everything_unchanged(tmp_path, folder):
    root = tmp_path / "index"
    first = indexing.update(root, [folder])
    assert (first.added, first.updated, first.unchanged, first.removed) == (2, 0, 0, 0)
    again = indexing.update(root, [folder])
    assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 2, 0)


def test_a_run_that_changes_nothing_leaves_the_index_as_it_was(tmp_path, folder):
    """Indexing a folder again when none of its articles changed makes no new generation
    of the index: its files (and the stories grouped for it) stay as they were, and a
    search answers as before."""
    root = tmp_path / "index"
    indexing.update(root, [folder])
    gen = indexing.current_generation(root)
    kept = ("timtin.json", "stories.lock")  # the sources read, and the lock of the stories' grouping
    files = {p.name: p.stat().st_mtime_ns for p in gen.iterdir() if p.name not in kept}
    assert any(name.startswith("stories-") for name in files)
    again = indexing.update(root, [folder])
    assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 2, 0)
    assert indexing.current_generation(root) == gen
    assert {p.name: p.stat().st_mtime_ns for p in gen.iterdir() if p.name not in kept} == files
    assert total(root, "dân vận") == 1
    # a change afterwards still makes its generation
    (folder / "2021" / "c.txt").write_text(article_text("Tin mới", "Chợ phiên vùng cao."), encoding="utf-8")
    assert indexing.update(root, [folder]).added == 1
    assert total(root) == 3


def test_an_index_of_no_articles_answers_searches(tmp_path, runner):
    """A folder with no articles yet (a new feed's, before its first fetch) makes an
    index that answers "no articles match" (the run commits no generation: the index
    holds no segment); so does one rebuilt after its every source is gone, and the
    folder's articles come in on the next run. (A search once failed on it with
    AttributeError: 'NoneType' object has no attribute 'segment_id'.)"""
    root, src = tmp_path / "index", tmp_path / "src"
    src.mkdir()
    assert indexing.update(root, [src]).added == 0
    result = runner.invoke(cli, ["search", "dân", "vận", "--index", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No articles match")
    (src / "a.txt").write_text(article_text("Tin dân vận", "Công tác dân vận ở cơ sở."), encoding="utf-8")
    assert indexing.update(root, [src]).added == 1
    assert total(root, "dân vận") == 1
    (src / "a.txt").unlink()
    src.rmdir()
    indexing.reindex(root, drop_missing=True)
    result = runner.invoke(cli, ["search", "dan", "van", "--index", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No articles match")


def test_changed_article_is_updated_not_duplicated(tmp_path, folder):
    root = tmp_path / "index"
    indexing.update(root, [folder])
    (folder / "2021" / "b.txt").write_text(article_text("Tin giao thông", "Cầu mới thông xe."), encoding="utf-8")
    report = indexing.update(root, [folder])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert total(root) == 2
    assert total(root, "cau moi") == 1
    assert total(root, "cao tốc") == 0


def test_article_whose_file_left_the_folder_is_removed(tmp_path, folder):
    root = tmp_path / "index"
    indexing.update(root, [folder])
    (folder / "2021" / "b.txt").unlink()
    report = indexing.update(root, [folder])
    assert report.removed == 1
    assert total(root) == 1
    assert Searcher(root).article("2021/b") is None


def test_a_file_that_turned_bad_keeps_its_indexed_article(tmp_path, folder):
    root = tmp_path / "index"
    indexing.update(root, [folder])
    (folder / "2021" / "b.txt").write_bytes(b"\xff\xfe\x00garbage")
    report = indexing.update(root, [folder])
    assert report.skipped == 1 and report.removed == 0
    assert Searcher(root).article("2021/b").title == "Tin giao thông"


def test_jsonl_line_dropped_from_a_good_file_is_removed(tmp_path):
    root = tmp_path / "index"
    rows = [{"id": f"n{i}", "title": f"Tin số {i}", "body": "Nội dung."} for i in range(3)]
    src = write_jsonl(tmp_path / "feed.jsonl", rows)
    indexing.update(root, [src])
    write_jsonl(src, rows[:2])
    assert indexing.update(root, [src]).removed == 1
    assert total(root) == 2


def test_same_id_twice_is_skipped_with_both_places_named(tmp_path):
    root = tmp_path / "index"
    src = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "x", "title": "Một", "body": "Nội dung."},
        {"id": "x", "title": "Hai", "body": "Nội dung."},
    ])
    report = indexing.update(root, [src])
    assert report.added == 1
    [problem] = report.problems
    assert str(problem) == f'{src}:2: id "x" is already used by {src}:1; give each article its own id (this one was skipped)'


def test_index_of_a_missing_path_says_so(tmp_path):
    with pytest.raises(TimtinError, match="no such file or folder"):
        indexing.update(tmp_path / "index", [tmp_path / "nope"])


def test_searching_without_an_index_says_how_to_make_one(tmp_path):
    with pytest.raises(IndexNotFound, match=r'No index at .*Run "timtin index data/" first'):
        total(tmp_path / "none")


def test_reindex_rebuilds_from_recorded_sources_in_a_new_generation(tmp_path, folder):
    root = tmp_path / "index"
    indexing.update(root, [folder])
    before = indexing.current_generation(root)
    searcher = Searcher(root)
    assert searcher.search(SearchRequest()).total == 2
    report = indexing.reindex(root)
    after = indexing.current_generation(root)
    assert report.added == 2
    assert after != before
    # a searcher opened before the swap answers from the new generation
    assert searcher.search(SearchRequest(query="dan van")).total == 1
    assert searcher._current().gen == after


def test_reindex_refuses_when_a_source_is_gone_and_keeps_the_index(tmp_path, folder):
    root = tmp_path / "index"
    indexing.update(root, [folder])
    before = indexing.current_generation(root)
    moved = folder.rename(tmp_path / "moved")
    with pytest.raises(TimtinError, match="These sources of the index are gone"):
        indexing.reindex(root)
    assert indexing.current_generation(root) == before
    assert total(root) == 2
    moved.rename(folder)


OLD_TIMTIN = """
import json, sys
sys.path.insert(0, sys.argv[1])
from whoosh import fields, index
from oldfields import CountedText  # a field class of an older timtin, gone from this one
gen = sys.argv[2] + "/gen-0001"
import os; os.makedirs(gen)
ix = index.create_in(gen, fields.Schema(id=fields.ID(stored=True), body=CountedText()))
with ix.writer() as w:
    w.add_document(id="x", body="Tin cũ")
json.dump({"sources": [sys.argv[3]], "schema_version": 7}, open(gen + "/timtin.json", "w"))
open(sys.argv[2] + "/CURRENT", "w").write("gen-0001\\n")
"""


def test_reindex_rebuilds_an_index_another_timtin_wrote(tmp_path, folder):
    """Searching or indexing an older timtin's index says: run "timtin reindex". That
    reindex opened the old index to read which file each id came from, and an index
    whose Whoosh schema names a class this timtin no longer has (schema 7's field
    class) stopped it with a traceback: the advice led nowhere. It rebuilds from the
    recorded sources now, and says so."""
    old_code = tmp_path / "old"
    old_code.mkdir()
    (old_code / "oldfields.py").write_text("from whoosh.fields import TEXT\nclass CountedText(TEXT):\n    pass\n")
    root = tmp_path / "index"
    root.mkdir()
    subprocess.run([sys.executable, "-c", OLD_TIMTIN, str(old_code), str(root), str(folder)], check=True)
    with pytest.raises(TimtinError, match='another version of timtin .*Run "timtin reindex"'):
        Searcher(root).search(SearchRequest(query="dan van"))
    result = CliRunner().invoke(cli, ["reindex", "--index", str(root)])
    assert result.exit_code == 0, result.output
    assert "Added 2" in result.output
    assert "built by another version of timtin (schema 7); rebuilt for this one" in result.output
    assert total(root) == 2
    assert Searcher(root).search(SearchRequest(query="dan van")).total == 1


def test_second_writer_is_told_another_is_running(tmp_path, folder):
    root = tmp_path / "index"
    with indexing.write_lock(root):
        with pytest.raises(IndexBusy, match=r"Another timtin index or reindex \(pid \d+\) is writing"):
            indexing.update(root, [folder])


def _feed(path: Path, x_title: str, prefix: str) -> Path:
    """A feed of six articles: "x" first, then five of its own ids."""
    return write_jsonl(path, [{"id": "x", "title": x_title, "body": f"{x_title}, tin gốc."}]
                       + [{"id": f"{prefix}{i}", "title": f"Tin dân vận {i}", "body": "Công tác dân vận."} for i in range(5)])


@pytest.mark.parametrize("procs", [1, 2])
@pytest.mark.parametrize("case", ["first unchanged", "both changed", "first from a new file"])
def test_an_id_in_two_files_keeps_the_first_copy_whatever_the_workers(tmp_path, procs, case):
    """The same id in two files read by two worker processes (procs=2 puts one file in
    each) is what one process makes of it: the copy read first is in the index, the
    later one is skipped as its message says, and nothing indexed is lost; the counts
    leave the skipped copy out. (Two workers once kept the later copy, replacing the
    indexed first one, and counted it as an update and one article less added.)"""
    root = tmp_path / "index"
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    if case == "first from a new file":  # "x" indexed from b before a came
        indexing.update(root, [_feed(b, "Đường Láng", "b")])
    else:
        indexing.update(root, [_feed(a, "Cầu Long Biên", "a")])
    _feed(a, "Cầu Thăng Long" if case == "both changed" else "Cầu Long Biên", "a")
    _feed(b, "Đường Láng", "b")
    report = indexing.update(root, [a, b], procs=procs)
    [problem] = report.problems
    assert str(problem) == f'{b}:1: id "x" is already used by {a}:1; give each article its own id (this one was skipped)'
    expected = {"first unchanged": (5, 0, 6), "both changed": (5, 1, 5), "first from a new file": (5, 1, 5)}[case]
    assert (report.added, report.updated, report.unchanged, report.removed) == (*expected, 0)
    searcher = Searcher(root)
    kept = "Cầu Thăng Long" if case == "both changed" else "Cầu Long Biên"
    [hit] = searcher.search(SearchRequest(query=kept)).hits
    assert hit.id == "x"
    assert searcher.search(SearchRequest(query="Đường Láng")).total == 0
    assert total(root) == 11


def test_a_big_file_with_an_id_twice_indexed_again_by_two_workers_changes_nothing(tmp_path, monkeypatch):
    """A JSONL file shared among two workers, with one id on its first and last lines:
    run again unchanged, the run reports what one process does (the later line skipped,
    no article added, none lost) and makes no new generation (the stories grouped for
    the current one stay). Two workers once reported -1 articles added and committed
    two generations for nothing, grouping the stories again."""
    monkeypatch.setattr(indexing, "SPLIT_BYTES", 4000)  # a "big" file without writing megabytes
    x = {"id": "x", "title": "Cầu Long Biên", "body": "Bản tin gốc về cây cầu. " * 20}
    rows = [x] + [{"id": f"a{i}", "title": f"Tin số {i}", "body": "Công tác dân vận ở cơ sở. " * 20} for i in range(80)]
    src = write_jsonl(tmp_path / "feed.jsonl", [*rows, x])
    root = tmp_path / "index"
    first = indexing.update(root, [src], procs=1)
    assert (first.added, len(first.problems)) == (81, 1)
    gen = indexing.current_generation(root)
    stories = sorted(p.name for p in gen.glob("stories-*"))
    for _ in range(2):
        again = indexing.update(root, [src], procs=2)
        assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 81, 0)
        assert [str(p) for p in again.problems] == [str(p) for p in first.problems]
        assert sorted(p.name for p in gen.glob("stories-*")) == stories
    assert total(root) == 81
    assert total(root, "Long Biên") == 1


def test_an_id_read_by_two_workers_is_in_the_index_once_from_the_commit_on(tmp_path):
    """The later copy of an id two workers read goes in the same commit as the articles,
    deleted: an index run killed (or a search opened) right after that commit sees the
    article once. (It was dropped by a second commit: in between, or killed there for
    good, the index held it twice.) The run is a real process, stopped dead (os._exit,
    no cleanup) right after its commit."""
    root = tmp_path / "index"
    a = _feed(tmp_path / "a.jsonl", "Cầu Long Biên", "a")
    b = _feed(tmp_path / "b.jsonl", "Đường Láng", "b")
    script = ("import os, sys\n"
              "from pathlib import Path\n"
              "from indexer import indexing\n"
              "indexing._remove_stale_vocabularies = lambda gen, ix: os._exit(9)  # right after the commit\n"
              "indexing.update(Path(sys.argv[1]), [Path(sys.argv[2]), Path(sys.argv[3])], procs=2)\n")
    run = subprocess.run([sys.executable, "-c", script, str(root), str(a), str(b)], capture_output=True, text=True)
    assert run.returncode == 9, run.stderr
    assert total(root) == 11
    [hit] = Searcher(root).search(SearchRequest(query="Cầu Long Biên")).hits
    assert hit.id == "x"
    assert total(root, "Đường Láng") == 0
    report = indexing.update(root, [a, b], procs=2)  # the next run finds it all done
    assert (report.added, report.updated, report.unchanged, report.removed) == (0, 0, 11, 0)
    assert total(root) == 11


def test_leftovers_of_an_interrupted_reindex_are_removed_with_a_note(tmp_path, folder):
    root = tmp_path / "index"
    indexing.update(root, [folder])
    (root / "gen-0007.tmp").mkdir()
    report = indexing.update(root, [folder])
    assert report.notes == ["Removed gen-0007.tmp, left by an interrupted reindex."]
    assert not (root / "gen-0007.tmp").exists()


def test_two_processes_index_the_same_articles_as_one(tmp_path):
    rows = [{"id": f"a{i}", "title": f"Tin dân vận số {i}", "body": f"Nội dung {i} về công tác dân vận."} for i in range(60)]
    src = write_jsonl(tmp_path / "feed.jsonl", rows)
    one, two = tmp_path / "one", tmp_path / "two"
    indexing.update(one, [src], procs=1)
    indexing.update(two, [src], procs=2)
    assert total(one, "dan van") == total(two, "dan van") == 60


@pytest.mark.parametrize("procs", [1, 2])
def test_the_progress_moves_through_one_big_jsonl_file(tmp_path, monkeypatch, procs):
    monkeypatch.setattr(indexing, "SPLIT_BYTES", 4000)  # a "big" file without writing megabytes
    rows = [{"id": f"a{i}", "title": f"Tin số {i}", "body": "Công tác dân vận ở cơ sở. " * 20} for i in range(80)]
    src = write_jsonl(tmp_path / "feed.jsonl", rows)
    seen = []
    indexing.update(tmp_path / "index", [src], procs=procs, progress=lambda done, total: seen.append((done, total)))
    total_steps = seen[-1][1]
    assert total_steps >= 8  # the one file counts as many steps
    assert [done for done, _ in seen] == list(range(total_steps + 1))
    assert total(tmp_path / "index", "dan van") == 80


def answers(root: Path, queries: list[str]) -> list:
    searcher = Searcher(root)
    out = []
    for q in queries:
        result = searcher.search(SearchRequest(query=q, per_page=50))
        out.append((q, result.total, [(h.id, round(h.score, 3)) for h in result.hits]))
    return out


def test_an_index_grown_run_by_run_answers_as_one_built_at_once(tmp_path, monkeypatch):
    """Each run joins its new postings to the last generation's (documents keep their
    numbers, deleted ones stay until a reindex): the same hits, scores and totals as
    an index of the final articles built in one run, segments of 7 articles or 40."""
    words = ["dân vận", "giao thông", "Lạng Sơn", "tỉnh ủy", "hội nghị", "công tác", "cao tốc"]
    def rows(start, n, edition=""):
        return [{"id": f"a{i}", "title": f"Tin {words[i % 7]} số {i}{edition}",
                 "body": f"Nội dung về {words[i % 5]} và {words[(i * 3) % 7]} {edition}. Tỉnh {words[i % 3]}."}
                for i in range(start, start + n)]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    grown = tmp_path / "grown"
    monkeypatch.setattr(indexing._SegmentWriters, "BATCH", 7)
    indexing.update(grown, [write_jsonl(first, rows(0, 30))])
    indexing.update(grown, [write_jsonl(second, rows(30, 25))])
    indexing.update(grown, [write_jsonl(first, rows(0, 10, " bản mới") + rows(12, 18))])  # 10 changed, 2 gone
    queries = ["dan van", "dân vận", '"giao thông"', "tinh uy hoi nghi", "bản mới", "cao tốc -dân", "Lạng Sơn"]
    monkeypatch.setattr(indexing._SegmentWriters, "BATCH", 40)
    once = tmp_path / "once"
    indexing.update(once, [first, second])
    assert total(grown) == total(once) == 53
    # scores depend on the number of documents, deleted ones included: compare hits and totals
    grown_answers = [(q, n, [i for i, _ in hits]) for q, n, hits in answers(grown, queries)]
    once_answers = [(q, n, [i for i, _ in hits]) for q, n, hits in answers(once, queries)]
    assert [(q, n) for q, n, _ in grown_answers] == [(q, n) for q, n, _ in once_answers]
    assert all(n > 0 for _, n, _ in once_answers)
    for (_, _, a), (_, _, b) in zip(grown_answers, once_answers):
        assert set(a) == set(b)
    indexing.reindex(grown)  # and rebuilt: the same scores too
    assert answers(grown, queries) == answers(once, queries)


def test_kill_9_during_reindex_leaves_the_old_index_answering(tmp_path):
    rows = [
        {"id": f"a{i}", "title": f"Tin số {i}", "body": "Công tác dân vận ở cơ sở được chú trọng. " * 40}
        for i in range(1500)
    ]
    src = write_jsonl(tmp_path / "feed.jsonl", rows)
    root = tmp_path / "index"
    indexing.update(root, [src])
    before = indexing.current_generation(root)
    proc = subprocess.Popen(
        [sys.executable, "-m", "indexer", "reindex", "--index", str(root), "--procs", "1"],  # no workers left behind
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 30
    while not list(root.glob("gen-*.tmp")) and time.time() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)
    # the kill lands mid-run: the reindex is still running and its new generation unfinished
    assert proc.poll() is None, "the reindex finished before it could be killed; give it more articles"
    assert list(root.glob("gen-*.tmp"))
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    assert indexing.current_generation(root) == before
    assert total(root) == 1500
    report = indexing.reindex(root)  # the next run completes and cleans up
    assert report.notes and "interrupted reindex" in report.notes[0]
    assert total(root) == 1500
    assert not list(root.glob("gen-*.tmp"))


FIRE = "lực lượng kiểm lâm phối hợp với chính quyền xã tuần tra, canh gác rừng suốt mùa hanh khô"


def _saved_page(date: str, extra: str, canonical: str = "https://tinbiencuong.vn/thoi-su/phong-chay-rung.html",
                text: str = FIRE) -> str:
    """One article page of tinbiencuong.vn as saved on *date*, ending with *extra*."""
    body = "".join(f"<p>Đoạn {k}: {text}.</p>" for k in range(5))
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phòng cháy rừng</title>'
            f'<link rel="canonical" href="{canonical}"></head><body>'
            f'<h1>Tăng cường phòng cháy rừng mùa hanh khô</h1><p class="time">{date}</p>{body}<p>{extra}</p>'
            "<p><strong>HÀ AN</strong></p></body></html>")


@pytest.mark.parametrize("order", ["older first", "newer first"])
def test_a_page_saved_twice_in_folders_indexed_apart_keeps_its_newer_copy(tmp_path, runner, order):
    """One page saved twice in two folders indexed in two runs: the run read last won, the
    older copy replacing the newer in silence (and a reindex kept that older copy, saying
    its folder "gives 0 articles now"). The newer wins, as within one run, with the note
    naming both files; both stay on disk, and a reindex gives the same article."""
    url = "https://tinbiencuong.vn/thoi-su/phong-chay-rung.html"
    newer, older = tmp_path / "a" / "phong-chay-rung.html", tmp_path / "b" / "phong-chay-rung.html"
    newer.parent.mkdir()
    older.parent.mkdir()
    newer.write_text(_saved_page("09:15 | 02/12/2026", "Bản cập nhật ngày 2/12 có thêm số vụ cháy."), encoding="utf-8")
    older.write_text(_saved_page("06:40 | 01/12/2026", "Bản đăng lúc sáng chưa có số liệu."), encoding="utf-8")
    index = tmp_path / "index"
    first, second = (older, newer) if order == "older first" else (newer, older)
    assert runner.invoke(cli, ["index", str(first.parent), "--index", str(index)]).exit_code == 0
    result = runner.invoke(cli, ["index", str(second.parent), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert ("Added 0, updated 1, unchanged 0, removed 0, skipped 0." if order == "older first" else
            "Added 0, updated 0, unchanged 0, removed 0, skipped 0.") in result.stdout
    assert (f"{older}: the same article as {newer} ({url}), saved twice; the newer copy was indexed (dated "
            "02/12/2026, this one 01/12/2026), this one left out") in result.stderr
    assert "no article file" not in result.stderr  # (the folder's one article was read: an older copy)
    assert "số vụ cháy" in Searcher(index).article(url).body and older.exists() and newer.exists()
    rebuilt = runner.invoke(cli, ["reindex", "--index", str(index)])
    assert rebuilt.exit_code == 0 and "kept" not in rebuilt.output, rebuilt.output
    assert "Added 1, updated 0, unchanged 0, removed 0, skipped 0." in rebuilt.stdout
    assert "số vụ cháy" in Searcher(index).article(url).body and total(index) == 1


def test_reindex_takes_the_newer_copy_of_a_page_saved_since_into_another_source(tmp_path, runner):
    """A newer copy of an indexed page saved into another source folder, then `reindex`: the
    rebuild gave the id to the file the index held it from, the older copy, while the saved-twice
    check left that one out; the index kept the older copy from the old index, saying its folder
    "gives 0 articles now". The newer copy wins, as `index` of that folder gives it."""
    url = "https://tinbiencuong.vn/thoi-su/phong-chay-rung.html"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    older = tmp_path / "b" / "phong-chay-rung.html"
    older.write_text(_saved_page("06:40 | 01/12/2026", "Bản đăng lúc sáng chưa có số liệu."), encoding="utf-8")
    index = tmp_path / "index"
    assert runner.invoke(cli, ["index", str(tmp_path / "b"), str(tmp_path / "a"), "--index", str(index)]).exit_code == 0
    newer = tmp_path / "a" / "phong-chay-rung.html"
    newer.write_text(_saved_page("09:15 | 02/12/2026", "Bản cập nhật ngày 2/12 có thêm số vụ cháy."), encoding="utf-8")
    rebuilt = runner.invoke(cli, ["reindex", "--index", str(index)])
    assert rebuilt.exit_code == 0 and "kept" not in rebuilt.output, rebuilt.output
    assert f"{older}: the same article as {newer} ({url}), saved twice" in rebuilt.stderr
    assert "số vụ cháy" in Searcher(index).article(url).body and total(index) == 1


def test_reindex_keeps_the_page_the_runs_held_where_other_pages_name_its_address(tmp_path, runner):
    """A template naming its category page as every article's canonical: two copies of one
    article in b/, indexed, then another article under that address from a/, which the run
    indexed last (the id rule across runs). `reindex` gave the id to b/'s newer copy, the
    saved-twice check of b/'s two copies taking the id from the file the index held it from
    (a reviewer of pages27): the rebuilt index held b/'s article, saying a/'s "left out", b/'s
    version being "the one the index held". The runs' article stays, as before that check."""
    category = "https://tinbiencuong.vn/thoi-su/"
    football = "đội bóng đá của huyện giành chức vô địch giải thanh niên toàn tỉnh năm nay"
    for name, date, mtime in (("b1", "06:40 | 01/12/2026", 1_700_000_000), ("b2", "09:15 | 02/12/2026", 1_700_100_000)):
        page = tmp_path / "b" / f"{name}.html"
        page.parent.mkdir(exist_ok=True)
        page.write_text(_saved_page(date, "Bản có thêm tỉ số.", category, football), encoding="utf-8")
        os.utime(page, (mtime, mtime))
    fire = tmp_path / "a" / "phong-chay-rung.html"
    fire.parent.mkdir()
    fire.write_text(_saved_page("10:00 | 03/12/2026", "Bài về phòng cháy rừng.", category), encoding="utf-8")
    index = tmp_path / "index"
    assert runner.invoke(cli, ["index", str(tmp_path / "b"), "--index", str(index)]).exit_code == 0
    assert runner.invoke(cli, ["index", str(tmp_path / "a"), "--index", str(index)]).exit_code == 0
    assert "kiểm lâm" in Searcher(index).article(category).body
    rebuilt = runner.invoke(cli, ["reindex", "--index", str(index)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "kiểm lâm" in Searcher(index).article(category).body and total(index) == 1
    assert f"{fire}: 1 article(s) left out" not in rebuilt.stderr
    assert (f"{tmp_path / 'b' / 'b2.html'}: 1 article(s) left out (\"{category}\"): {fire} holds the same id(s), "
            "and its version is the one the index held") in rebuilt.stderr


@pytest.mark.parametrize("runs", ["b/, then a/", "b/ and a/ in one run"])
def test_reindex_keeps_the_indexed_copy_of_a_page_saved_twice_at_one_time(tmp_path, runner, runs):
    """Two copies of one page, of one date and one modification time (copied with `cp -p`,
    unpacked from archives), in b/ indexed first and a/ indexed later (or `index b/ a/`):
    `index` keeps b/'s, the copy indexed ("on a tie, the indexed one"; the first read); `reindex`
    took a/'s, the first by path (a reviewer of pages27), and said b/'s was left out, "saved
    later". It keeps b/'s too: the order the sources were given in no longer changes it."""
    older, later = tmp_path / "b" / "phong-chay-rung.html", tmp_path / "a" / "phong-chay-rung.html"
    for page, extra in ((older, "Bản lưu trong thư mục b."), (later, "Bản lưu trong thư mục a, có đính chính.")):
        page.parent.mkdir()
        page.write_text(_saved_page("06:40 | 01/12/2026", extra), encoding="utf-8")
        os.utime(page, (1_700_000_000, 1_700_000_000))
    url = "https://tinbiencuong.vn/thoi-su/phong-chay-rung.html"
    index = tmp_path / "index"
    if runs == "b/, then a/":
        assert runner.invoke(cli, ["index", str(older.parent), "--index", str(index)]).exit_code == 0
        second = runner.invoke(cli, ["index", str(later.parent), "--index", str(index)])
    else:
        second = runner.invoke(cli, ["index", str(older.parent), str(later.parent), "--index", str(index)])
    assert f"{later}: the same article as {older} ({url}), saved twice" in second.stderr
    assert "thư mục b" in Searcher(index).article(url).body
    rebuilt = runner.invoke(cli, ["reindex", "--index", str(index)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert (f"{later}: the same article as {older} ({url}), saved twice; the newer copy was indexed (the page's "
            "date and the time it was saved being the same), this one left out") in rebuilt.stderr
    assert "thư mục b" in Searcher(index).article(url).body and total(index) == 1


def test_an_article_replacing_another_under_its_address_in_a_later_run_is_said(tmp_path, runner):
    """A template naming its category page as every article's canonical: one article indexed
    from a/, another under that address from b/ in a later run. The id rule across runs lets
    the one indexed last replace the other, which went unsaid ("updated 1": a reviewer of
    pages27; within one run the second is named, exit 3). The run that reads the first copy's
    file to compare them says so, naming both."""
    category = "https://tinbiencuong.vn/thoi-su/"
    fire, football = tmp_path / "a" / "phong-chay.html", tmp_path / "b" / "bong-da.html"
    for page, text in ((fire, FIRE), (football, "đội bóng đá của huyện giành chức vô địch giải thanh niên toàn tỉnh")):
        page.parent.mkdir()
        page.write_text(_saved_page("10:00 | 03/12/2026", "Hết.", category, text), encoding="utf-8")
    index = tmp_path / "index"
    assert runner.invoke(cli, ["index", str(fire.parent), "--index", str(index)]).exit_code == 0
    second = runner.invoke(cli, ["index", str(football.parent), "--index", str(index)])
    assert second.exit_code == 0, second.output
    assert (f"{football}: another article than the one indexed from {fire} under its address ({category}), their "
            "texts differing; it replaces that one, as the article indexed last does") in second.stderr
    assert "bóng đá" in Searcher(index).article(category).body
