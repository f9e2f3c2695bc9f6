"""Trust, round three: what an attacker's run of this session broke, held by a test each.

Nothing already indexed is lost: a source file emptied or cut short (a crash or a full
disk while it was rewritten) keeps its articles in `index` and in `reindex`, and a rebuild
keeps the articles of a file it cannot read, as its message says.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from indexer import indexing
from indexer.cli import cli
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl

NO_OFFICIALS = ["--officials", os.devnull]


def _rows(prefix: str, count: int) -> list[dict]:
    return [{"id": f"{prefix}-{k}", "title": f"Tin {prefix} số {k}", "date": "2026-11-30",
             "body": f"Xã Tân Tri tổ chức hội nghị lần thứ {k} về công tác dân vận ở thôn {prefix}."} for k in range(count)]


def _total(index) -> int:
    return Searcher(index).search(SearchRequest.from_params({"q": "", "group": "0"})).total


def _two_files(tmp_path):
    src = tmp_path / "src"
    a = write_jsonl(src / "a.jsonl", _rows("a", 30))
    b = write_jsonl(src / "b.jsonl", _rows("b", 30))
    return src, a, b


def test_a_source_emptied_or_cut_short_keeps_its_articles(runner, tmp_path):
    """`: > b.jsonl` (what a crash during a rewrite leaves) removed its 300 articles, exit 0,
    no word; `head -1500` of a 3,000-line file removed 1,500."""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    assert runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS]).exit_code == 0
    b.write_text("\n", encoding="utf-8")
    emptied = runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    assert emptied.exit_code == 3 and _total(index) == 60
    assert f"{b}: holds no article now, where 30 were indexed from it" in emptied.stderr
    assert "removed 0" in emptied.stdout
    write_jsonl(b, _rows("b", 30)[:12])  # cut at a line boundary: 12 of 30
    cut = runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    assert cut.exit_code == 3 and _total(index) == 60
    assert f"{b}: holds 12 articles, where 30 were indexed from it: the 18 missing are kept" in cut.stderr
    # removed on purpose: --prune; and a few lines removed go without it
    pruned = runner.invoke(cli, ["index", str(src), "--index", str(index), "--prune", *NO_OFFICIALS])
    assert pruned.exit_code == 0 and "removed 18" in pruned.stdout and _total(index) == 42
    write_jsonl(a, _rows("a", 30)[:25])
    edited = runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    assert edited.exit_code == 0 and "removed 5" in edited.stdout and _total(index) == 37


def test_a_rebuild_keeps_the_articles_of_a_file_it_cannot_read_whole(runner, tmp_path):
    """`reindex` said a FIFO's articles "are kept" and dropped them (600 -> 300); random
    bytes in place of a file, or one line cut in half, lost its articles the same way."""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    b.write_bytes(os.urandom(20_000).replace(b"\n", b" "))
    garbage = runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS])
    assert garbage.exit_code == 3 and _total(index) == 60, garbage.output
    assert "Kept 30 articles of the index whose files could not be read whole" in garbage.stdout + garbage.stderr
    hit = Searcher(index).search(SearchRequest(query="thôn b"))
    assert hit.total == 30 and Searcher(index).article("b-7").title == "Tin b số 7"
    lines = [line for line in write_jsonl(tmp_path / "x.jsonl", _rows("b", 30)).read_text(encoding="utf-8").splitlines()]
    b.write_text("\n".join(lines[:10] + [lines[10][:40]] + lines[11:]) + "\n", encoding="utf-8")
    cut = runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS])
    assert cut.exit_code == 3 and _total(index) == 60 and Searcher(index).article("b-10") is not None
    b.unlink()
    os.mkfifo(b)
    fifo = runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS])
    assert "is a named pipe (FIFO)" in fifo.stderr and "the articles indexed from it are kept" in fifo.stderr
    assert _total(index) == 60
    b.unlink()
    write_jsonl(b, _rows("b", 30))
    assert runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS]).exit_code == 0
    assert _total(index) == 60
    assert indexing.current_generation(index) is not None


def test_a_lost_pointer_to_the_live_generation_loses_nothing(runner, tmp_path):
    """With `CURRENT` removed (or emptied), search said "No index", `index` started a new
    index of the new articles alone beside the old generation, and the next `reindex`
    deleted the old one: 3,000 articles gone. The newest generation is the live one."""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    (index / "gen-0001.bak").mkdir()  # a user's copy is no generation
    for k, damage in enumerate(("remove", "empty", "elsewhere", ".", "gen-0001.bak")):
        pointer = index / indexing.CURRENT
        if damage == "remove":
            pointer.unlink()
        else:
            pointer.write_text({"empty": "", "elsewhere": "gen-0099\n"}.get(damage, damage), encoding="utf-8")
        assert _total(index) == 60 + 5 * k, damage
        more = write_jsonl(tmp_path / f"more-{damage}.jsonl", _rows(f"m{damage}", 5))
        result = runner.invoke(cli, ["index", str(more), "--index", str(index), *NO_OFFICIALS])
        assert "pointer was missing or damaged; it names gen-0001 again" in result.stdout + result.stderr, damage
    assert _total(index) == 85
    assert runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS]).exit_code == 0
    assert _total(index) == 85


def test_brackets_nested_deep_and_words_past_the_cap_are_refused_not_a_500_or_everything(tmp_path, runner):
    """1,000 brackets (under the 2,000-character limit) overflowed the stack: a 500 and a
    traceback on every route and in the CLI. `-x0 … -x23 lạng sơn` dropped the words to find
    past the 24th, leaving only left-out words: the whole archive, 14,696 stories."""
    from webui import create_app

    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "a.jsonl", _rows("a", 3))])
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    deep = "(" * 1000 + "dân vận"
    left_out = " ".join(f"-x{k}" for k in range(24)) + " lạng sơn"
    for query, said in ((deep, "brackets inside brackets more than 16 deep"),
                        (left_out, "words are all words to leave out")):
        for url in ("/api/search", "/export.csv", "/feed.atom"):
            answer = client.get(url, query_string={"q": query})
            assert answer.status_code == 400, (url, query[:20])
        assert said in client.get("/api/search", query_string={"q": query}).get_json()["error"]
        printed = runner.invoke(cli, ["search", query, "--index", str(index)])
        shown = printed.stdout + printed.stderr
        assert printed.exit_code != 0 and said in shown and "Traceback" not in shown
    assert client.get("/api/search", query_string={"q": "((dân vận))"}).status_code == 200


def test_a_query_of_many_starred_words_is_refused(tmp_path):
    """22 words with a star (`a* b* … i*`) cost 5.5 s a search on the real news; 24
    clients sending it held a simple search for 116 s. At most four are searched."""
    from webui import create_app

    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "a.jsonl", _rows("a", 3))])
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    many = client.get("/api/search", query_string={"q": "a* b* c* d* e* g* h* k* l* m* n* p* q* r* s* t*"})
    assert many.status_code == 400 and "16 words ending in *; a query may have at most 4" in many.get_json()["error"]
    assert client.get("/api/search", query_string={"q": "(x* OR t*) (d* OR v*)"}).get_json()["total"] == 3


def test_the_snippet_window_slides_over_the_marks_and_takes_the_richest():
    """The snippet's window was found by rescanning every later mark from each mark
    (3,170 marks in one article: 170 ms a snippet, the cost an attacker multiplied); it
    slides now, and still takes the window with the most distinct words, then exact ones."""
    from indexer import query

    marks = [(k * 10, k * 10 + 3, "a", False) for k in range(3000) if not 2470 <= k < 2503]  # one word, everywhere
    marks[2470:2470] = [(25000, 25003, "b", True), (25010, 25013, "c", False), (25020, 25023, "d", False)]
    text = "x" * 30_100
    start, end = query._best_window(text, marks, 100)
    assert start <= 25000 < 25023 <= end
    assert query._best_window(text, marks[:1], 100)[0] == 0


def test_a_damaged_index_is_named_and_rebuilt_by_reindex(runner, tmp_path):
    """A truncated segment made every command print "Aborted!" (Whoosh's EOFError read as
    Ctrl-D), and `reindex`, the documented way out, opened the damaged index and stopped
    the same way. It now names the damage and rebuilds from the sources. (The damaged
    index is read in a child process: Whoosh leaves the files it failed on open.)"""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    gen = indexing.current_generation(index)
    for seg in gen.glob("*.seg"):
        seg.write_bytes(seg.read_bytes()[:200])

    def timtin(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "indexer", *args, "--index", str(index)],
                              capture_output=True, text=True, timeout=120)

    searched = timtin("search", "dân vận")
    assert searched.returncode == 1 and "Aborted" not in searched.stderr
    assert "The index looks damaged" in searched.stderr and "timtin reindex" in searched.stderr
    rebuilt = timtin("reindex", *NO_OFFICIALS)
    assert rebuilt.returncode == 0 and "The index could not be read" in rebuilt.stdout + rebuilt.stderr, rebuilt
    assert _total(index) == 60
    (indexing.current_generation(index) / indexing.META).write_text("{garbage", encoding="utf-8")
    lost = timtin("reindex", *NO_OFFICIALS)
    assert lost.returncode == 1 and "the index's record of its sources and layout cannot be read" in lost.stderr


def test_the_rebuild_an_upgrade_asks_for_keeps_or_refuses_never_drops(runner, tmp_path):
    """A review: every index of the last schema must be rebuilt (schema 14), and that rebuild
    could not carry the articles of an emptied or unreadable file from an index of another
    schema: `: > b.jsonl; timtin reindex` gave "Added 30", exit 0, 30 articles gone. The
    last schema's index is read to keep them; one it cannot read stops the rebuild."""
    import json

    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    meta = indexing.current_generation(index) / indexing.META
    meta.write_text(json.dumps({**json.loads(meta.read_text(encoding="utf-8")), "schema_version": 13}), encoding="utf-8")
    b.write_text("", encoding="utf-8")
    upgraded = runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS])
    assert upgraded.exit_code == 3 and "built by another version of timtin (schema 13)" in upgraded.stdout + upgraded.stderr
    assert f"{b}: holds no article now, where 30 were indexed from it" in upgraded.stderr and _total(index) == 60
    meta = indexing.current_generation(index) / indexing.META
    meta.write_text(json.dumps({**json.loads(meta.read_text(encoding="utf-8")), "schema_version": 7}), encoding="utf-8")
    b.unlink()
    os.mkfifo(b)
    stopped = runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS])
    assert stopped.exit_code == 1
    assert f"Rebuild stopped; the index is left as it was. {b} cannot be read" in stopped.stdout + stopped.stderr
    assert json.loads(meta.read_text(encoding="utf-8"))["schema_version"] == 7  # the old one, untouched
    assert indexing.current_generation(index) == meta.parent and not list(index.glob("gen-*.tmp"))


def test_articles_moved_to_another_file_are_not_missing_and_small_removals_are_noted(runner, tmp_path):
    """A review: splitting a 30-article file into 10 and 20 in another file said "the 20
    missing are kept" (nothing was missing); a 9-article file cut to one line removed 8 in
    silence. `--prune` also removes an emptied file's articles."""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    rows = _rows("a", 30)
    write_jsonl(a, rows[:10])
    write_jsonl(src / "a2.jsonl", rows[10:])
    moved = runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    assert moved.exit_code == 0 and "missing" not in moved.stdout + moved.stderr and _total(index) == 60
    write_jsonl(a, rows[:9])
    trimmed = runner.invoke(cli, ["index", str(src), "--index", str(index), *NO_OFFICIALS])
    assert trimmed.exit_code == 0
    assert f"{a} no longer holds 1 of the 10 articles indexed from it: removed." in trimmed.stdout + trimmed.stderr
    b.write_text("", encoding="utf-8")
    emptied = runner.invoke(cli, ["index", str(b), "--index", str(index), "--prune", *NO_OFFICIALS])
    assert emptied.exit_code == 0 and _total(index) == 29
    # the file pruned by name is inside the recorded folder: a rebuild reads it once
    rebuilt = runner.invoke(cli, ["reindex", "--index", str(index), *NO_OFFICIALS])
    assert rebuilt.exit_code == 0 and "already used" not in rebuilt.stdout + rebuilt.stderr and _total(index) == 29


def test_a_damaged_index_is_a_503_on_the_web_that_says_what_to_run(tmp_path):
    """A review: the CLI named the damage, the web answered a bare 500 ("internal error").
    The damaged index is served by a child process (Whoosh leaves the files it failed on open)."""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    indexing.update(index, [src])
    for seg in indexing.current_generation(index).glob("*.seg"):
        seg.write_bytes(seg.read_bytes()[:200])
    probe = """import json, sys
from webui import create_app
client = create_app({"INDEX_DIR": sys.argv[1], "TESTING": True}).test_client()
for url in ("/api/search?q=dan+van", "/?q=dan+van", "/healthz"):
    answer = client.get(url)
    print(json.dumps([url, answer.status_code, answer.get_data(as_text=True)]))
"""
    done = subprocess.run([sys.executable, "-c", probe, str(index)], capture_output=True, text=True, timeout=120)
    import json

    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [code for _, code, _ in answers] == [503, 503, 503], done.stderr[-2000:]
    assert json.loads(answers[0][2]) == {"error": 'The index is damaged: run "timtin reindex" on the server.'}
    assert "timtin reindex" in answers[1][2] and "Chỉ mục bị hỏng" in answers[1][2]


def test_a_live_generation_deleted_under_a_server_is_left_for_the_one_still_there(tmp_path):
    """An attacker (stop 25): `rm -rf` of the live generation while clients searched gave
    one bare 500 (Whoosh's EmptyIndexError: the folder went while it was being opened)
    before the server found the older generation. Opening it again finds the one left."""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    indexing.update(index, [src])
    live = indexing.current_generation(index)
    shutil.copytree(live, index / "gen-0009")
    (index / indexing.CURRENT).write_text("gen-0009\n", encoding="utf-8")
    probe = """import json, shutil, sys
from pathlib import Path
from whoosh.index import EmptyIndexError
import indexer.searching as searching
from webui import create_app
index = Path(sys.argv[1])
client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
print(client.get("/api/search?q=dan+van").get_json()["total"])
opened = searching.open_snapshot

def removed_while_opening(gen):  # the folder goes between reading CURRENT and opening it
    if gen.name == "gen-0009":
        shutil.rmtree(gen)
        raise EmptyIndexError(f"Index {gen} does not exist")
    return opened(gen)

searching.open_snapshot = removed_while_opening
import whoosh.index
whoosh.index.FileIndex.latest_generation = lambda self: -2  # as after a commit: the server opens the live one again
print(client.get("/api/search?q=dan+van").status_code)
print(client.get("/api/search?q=dan+van").get_json()["total"])
"""
    done = subprocess.run([sys.executable, "-c", probe, str(index)], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["60", "200", "60"], (done.stdout, done.stderr[-2000:])


def test_a_generation_without_its_table_of_contents_is_named_as_damage(tmp_path):
    """Whoosh's EmptyIndexError (a generation's table of contents lost) was a bare 500: it is
    damage, a 503 that says to run timtin reindex, as a segment cut short is."""
    src, a, b = _two_files(tmp_path)
    index = tmp_path / "index"
    indexing.update(index, [src])
    for toc in indexing.current_generation(index).glob("_MAIN_*.toc"):
        toc.unlink()
    probe = """import sys
from webui import create_app
client = create_app({"INDEX_DIR": sys.argv[1], "TESTING": True}).test_client()
answer = client.get("/api/search?q=dan+van")
print(answer.status_code, answer.get_json()["error"])
"""
    done = subprocess.run([sys.executable, "-c", probe, str(index)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == '503 The index is damaged: run "timtin reindex" on the server.', done.stderr[-2000:]
