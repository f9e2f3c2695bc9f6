"""Trust, round four: what an attacker's run of this session broke, held by a test each.

Nothing already indexed is lost: a source *folder* emptied, unmounted or copied in part
keeps its articles as a file does; a name that is no UTF-8 is refused or skipped with a
message, never a traceback after the commit; `reindex` keeps what `index` keeps and counts
what it drops; a rebuild killed before its swap is never taken for the live index.
The CLI runs in a subprocess (`timtin()` of test_trust_two), on real files and a real index.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from indexer import indexing
from indexer.searching import SearchRequest, Searcher
from tests.conftest import ROOT, write_jsonl
from tests.test_trust_two import timtin

NO_OFFICIALS = ["--officials", os.devnull]


def _rows(prefix: str, count: int) -> list[dict]:
    return [{"id": f"{prefix}-{k}", "title": f"Tin {prefix} số {k}", "date": "2026-11-30",
             "body": f"Phường Đông Kinh tổ chức hội nghị lần thứ {k} về công tác dân vận ở khối {prefix}."}
            for k in range(count)]


def _total(index: Path) -> int:
    return Searcher(index).search(SearchRequest.from_params({"q": "", "group": "0"})).total


def _run(index: Path, *args: str) -> subprocess.CompletedProcess:
    return timtin(*args, "--index", str(index), *NO_OFFICIALS)


def test_a_source_folder_emptied_or_unmounted_keeps_its_articles(tmp_path):
    """`mv news away && mkdir news` (an unmounted drive leaves its empty mount point), then
    `timtin reindex`: "Added 0 … removed 0", exit 0, no article left; `timtin index news`
    on it: "removed 60", exit 0."""
    news = tmp_path / "news"
    write_jsonl(news / "a.jsonl", _rows("a", 30))
    write_jsonl(news / "b" / "b.jsonl", _rows("b", 30))
    index = tmp_path / "index"
    assert _run(index, "index", str(news)).returncode == 0
    news.rename(tmp_path / "away")
    news.mkdir()
    rebuilt = _run(index, "reindex")
    assert rebuilt.returncode == 3, rebuilt.stdout + rebuilt.stderr
    assert (f"{news}: the folder gives 0 articles now, where 60 were indexed from it: the 60 missing "
            "(from 2 file(s)) are kept") in rebuilt.stderr
    assert f"timtin index --prune {news}" in rebuilt.stderr and "removed 0" in rebuilt.stdout
    assert _total(index) == 60
    # said as kept, not as input skipped (a reviewer: "skipped: ... are kept", "skipped 1")
    assert f"kept: {news}: the folder gives 0" in rebuilt.stderr and "skipped:" not in rebuilt.stderr
    assert "skipped 0, kept 60." in rebuilt.stdout
    assert "60 article(s) kept that their file or folder no longer gives" in rebuilt.stderr
    again = _run(index, "reindex")  # the next rebuild carries them again: the last generation is not lost
    assert again.returncode == 3 and _total(index) == 60
    indexed = _run(index, "index", str(news))
    assert indexed.returncode == 3 and "removed 0" in indexed.stdout and _total(index) == 60
    assert f"{news}: the folder gives 0 articles now" in indexed.stderr
    # emptied on purpose: --prune says so, and removes them
    pruned = _run(index, "index", str(news), "--prune")
    assert pruned.returncode == 0 and "removed 60" in pruned.stdout and _total(index) == 0


def test_a_file_cut_short_in_a_folder_that_shrank_is_kept_and_counted_once(tmp_path):
    """A reviewer: a.jsonl of 100 cut to 5 in a folder of 110 said "kept 190" (the folder's
    rule and the file's each counted the 95)."""
    news = tmp_path / "news"
    big = write_jsonl(news / "a.jsonl", _rows("a", 100))
    write_jsonl(news / "b.jsonl", _rows("b", 10))
    index = tmp_path / "index"
    assert _run(index, "index", str(news)).returncode == 0
    big.write_text("".join(big.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    again = _run(index, "index", str(news))
    assert again.returncode == 3 and "skipped 0, kept 95." in again.stdout, again.stdout + again.stderr
    assert again.stderr.count("kept: ") == 1 and _total(index) == 110


def test_a_big_file_gone_from_a_folder_or_a_folder_copied_in_part_keeps_its_articles(tmp_path):
    """Deleting a 1,000-article JSONL from a folder source, then `reindex`: 1,030 -> 29,
    "removed 0", exit 0; a half-copied folder under a cron `index` lost the rest the same way.
    A few articles gone go as before, and reindex counts what it drops."""
    news = tmp_path / "news"
    big = write_jsonl(news / "big.jsonl", _rows("big", 40))
    small = write_jsonl(news / "small.jsonl", _rows("small", 6))
    write_jsonl(news / "tiny.jsonl", _rows("tiny", 2))
    index = tmp_path / "index"
    assert _run(index, "index", str(news)).returncode == 0 and _total(index) == 48
    big.unlink()
    rebuilt = _run(index, "reindex", "--procs", "2")
    assert rebuilt.returncode == 3 and _total(index) == 48, rebuilt.stdout + rebuilt.stderr
    assert f"{news}: the folder gives 8 articles now, where 48 were indexed from it: the 40 missing" in rebuilt.stderr
    indexed = _run(index, "index", str(news))  # the cron run over the half-copied folder
    assert indexed.returncode == 3 and "removed 0" in indexed.stdout and _total(index) == 48
    # a cron's `reindex --drop-missing` (for sources gone) keeps them: the file rule still holds
    assert _run(index, "reindex", "--drop-missing").returncode == 3 and _total(index) == 48
    dropped = _run(index, "reindex", "--prune")  # meant: the rebuild drops them, and says how many
    assert dropped.returncode == 0 and "removed 40" in dropped.stdout and _total(index) == 8
    assert f"Removed the articles of 1 file(s) no longer there: {big} (40)." in dropped.stderr
    small.unlink()  # 6 of 8: under half, but fewer than 10 missing: they go, counted
    fewer = _run(index, "reindex")
    assert fewer.returncode == 0 and "removed 6" in fewer.stdout and _total(index) == 2, fewer.stdout + fewer.stderr
    assert f"Removed the articles of 1 file(s) no longer there: {small} (6)." in fewer.stderr
    write_jsonl(small, _rows("small", 6))
    assert _run(index, "index", str(news)).returncode == 0 and _total(index) == 8
    small.unlink()
    assert f"no longer there: {small} (6)." in _run(index, "index", str(news)).stderr and _total(index) == 2


def _bad(name: bytes) -> str:
    return os.fsdecode(name)


def test_names_that_are_not_utf8_are_refused_or_skipped_with_a_message_never_a_traceback(tmp_path):
    """`mkdir "$(printf 'b\\xe1d')"` (a Windows zip unpacked on Linux): `index` crashed
    writing its record after the commit (articles added, sources not recorded, exit 1
    "nothing changed", timtin.json.tmp left); a badly named file in a good folder was
    "timtin failed … Please report it" for each article."""
    index = tmp_path / "index"
    good = write_jsonl(tmp_path / "good.jsonl", _rows("g", 3))
    assert _run(index, "index", str(good)).returncode == 0
    folder = tmp_path / _bad(b"b\xe1d")
    folder.mkdir()
    (folder / "t1.txt").write_text("30/11/2026\n\nTin một\n\nCông tác dân vận ở cơ sở.\n", encoding="utf-8")
    refused = _run(index, "index", str(folder))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "b\\xe1d: nothing was indexed: its name (or a folder's above it) is not valid UTF-8" in refused.stderr
    assert "Rename it to UTF-8" in refused.stderr and _total(index) == 3
    news = tmp_path / "news"
    write_jsonl(news / "ok.jsonl", _rows("ok", 4))
    write_jsonl(news / _bad(b"b\xe1o.jsonl"), _rows("bao", 5))
    (news / _bad(b"tin-\xe1.txt")).write_text("30/11/2026\n\nTin hai\n\nHội nghị dân vận.\n", encoding="utf-8")
    (news / _bad(b"th\xe1ng")).mkdir()
    (news / _bad(b"th\xe1ng") / "t3.txt").write_text("30/11/2026\n\nTin ba\n\nHội nghị dân vận.\n", encoding="utf-8")
    skipped = _run(index, "index", str(news))
    assert skipped.returncode == 3 and "Traceback" not in skipped.stderr and "Please report" not in skipped.stderr
    assert "b\\xe1o.jsonl: its name (or a folder's above it) is not valid UTF-8" in skipped.stderr
    assert "tin-\\xe1.txt: its name" in skipped.stderr and "th\\xe1ng/t3.txt: its name" in skipped.stderr
    assert skipped.stderr.count("is not valid UTF-8") == 3
    assert "Added 4" in skipped.stdout and _total(index) == 7
    gen = indexing.current_generation(index)
    assert str(news) in json.loads((gen / indexing.META).read_text(encoding="utf-8"))["sources"]
    assert not list(gen.glob("*.tmp")) and not list(index.glob("*.tmp"))
    rebuilt = _run(index, "reindex")  # the sources were recorded: nothing dropped
    assert rebuilt.returncode == 3 and "removed 0" in rebuilt.stdout and _total(index) == 7


def test_a_source_name_that_is_not_utf8_round_trips_through_the_record(tmp_path):
    """The record of the sources is JSON with ASCII escapes: any name Python holds is written and read back."""
    gen = tmp_path / "gen-0001"
    gen.mkdir()
    name = str(tmp_path / _bad(b"b\xe1d"))
    indexing._write_meta(gen, {"sources": [name]})
    assert indexing.read_meta(gen)["sources"] == [name]


def test_reindex_keeps_an_id_another_source_still_holds(tmp_path):
    """a.jsonl and b.jsonl both held id X; X left b.jsonl: `index a.jsonl b.jsonl` kept X
    from a (41 articles), `reindex` ended with 40."""
    index = tmp_path / "index"
    shared = {"id": "X", "title": "Tin chung của hai tệp", "date": "2026-11-30", "body": "Tin chung về dân vận."}
    a = write_jsonl(tmp_path / "a.jsonl", [*_rows("a", 20), shared])
    b = write_jsonl(tmp_path / "b.jsonl", [*_rows("b", 20), {**shared, "title": "Bản của b"}])
    indexing.update(index, [a])
    indexing.update(index, [b])
    assert Searcher(index).article("X").title == "Bản của b"
    write_jsonl(b, _rows("b", 20))
    report = indexing.reindex(index)
    assert _total(index) == 41 and Searcher(index).article("X").title == "Tin chung của hai tệp"
    assert report.removed == 0 and not report.problems
    indexing.update(index, [a, b])  # what `index` did all along
    assert _total(index) == 41 and Searcher(index).article("X").title == "Tin chung của hai tệp"
    assert indexing.reindex(index, procs=2).removed == 0 and _total(index) == 41


def test_overlapping_paths_index_each_file_once_under_the_outermost_id(tmp_path):
    """`timtin index ov ov/sub` added 10 articles for 5 files (ids `sub/x` and `x`)."""
    sub = tmp_path / "ov" / "sub"
    sub.mkdir(parents=True)
    for k in range(5):
        (sub / f"t{k}.txt").write_text(f"30/11/2026\n\nTin số {k}\n\nHội nghị dân vận lần {k}.\n", encoding="utf-8")
    index = tmp_path / "index"
    done = _run(index, "index", str(tmp_path / "ov"), str(sub), str(sub / "t1.txt"))
    assert done.returncode == 0 and "Added 5," in done.stdout, done.stdout + done.stderr
    ids = {hit.id for hit in Searcher(index).search(SearchRequest(per_page=100)).hits}
    assert ids == {f"sub/t{k}" for k in range(5)}


def test_a_link_inside_a_source_to_another_folder_given_reads_its_files_once(tmp_path):
    """`news/lso` a symbolic link to `lso`, then `timtin index news lso` (and `reindex`):
    the 3 articles of lso were read twice, as `lso/t0` under news and `t0` under lso."""
    news, lso = tmp_path / "news", tmp_path / "lso"
    news.mkdir()
    lso.mkdir()
    (news / "own.txt").write_text("30/11/2026\n\nTin riêng\n\nHội nghị dân vận.\n", encoding="utf-8")
    for k in range(3):
        (lso / f"t{k}.txt").write_text(f"30/11/2026\n\nTin Lạng Sơn {k}\n\nHọp lần {k}.\n", encoding="utf-8")
    (news / "lso").symlink_to(lso, target_is_directory=True)
    index = tmp_path / "index"
    done = _run(index, "index", str(news), str(lso))
    assert done.returncode == 0 and "Added 4," in done.stdout, done.stdout + done.stderr
    ids = {hit.id for hit in Searcher(index).search(SearchRequest(per_page=100)).hits}
    assert ids == {"own", "t0", "t1", "t2"}
    rebuilt = _run(index, "reindex")
    assert rebuilt.returncode == 0 and "Added 4," in rebuilt.stdout, rebuilt.stdout + rebuilt.stderr
    # a later run given news alone knows lso is a source of the index: the link is not
    # followed then either (a reviewer: a cron's `index news` added the 3 again as lso/t*)
    later = _run(index, "index", str(news))
    assert later.returncode == 0 and "Added 0," in later.stdout, later.stdout + later.stderr
    assert {hit.id for hit in Searcher(index).search(SearchRequest(per_page=100)).hits} == {"own", "t0", "t1", "t2"}
    # given alone to an index that does not hold lso, the link is followed as before
    alone = _run(tmp_path / "alone", "index", str(news))
    assert "Added 4," in alone.stdout and {hit.id for hit in Searcher(tmp_path / "alone").search(
        SearchRequest(per_page=100)).hits} == {"own", "lso/t0", "lso/t1", "lso/t2"}


KILL_AT_SWAP = """import os, sys
from pathlib import Path
from indexer import indexing
indexing._set_current = lambda root, gen: os._exit(9)  # kill -9 after the rename, before CURRENT names it
indexing.reindex(Path(sys.argv[1]), curated=indexing.officials_mod.Curated.load(Path(os.devnull)))
"""


def test_a_rebuild_killed_before_its_swap_is_never_taken_for_the_live_index(tmp_path):
    """Kill `reindex` between the rename of gen-0002 and the CURRENT swap, `index` 10 more
    articles into the live gen-0001, `rm CURRENT`: the next run took the stale gen-0002
    ("nothing was lost"), losing the 10, and a later reindex deleted gen-0001."""
    index = tmp_path / "index"
    assert _run(index, "index", str(write_jsonl(tmp_path / "a.jsonl", _rows("a", 30)))).returncode == 0
    killed = subprocess.run([sys.executable, "-c", KILL_AT_SWAP, str(index)], cwd=ROOT, timeout=120,
                            capture_output=True, text=True)
    assert killed.returncode == 9 and (index / "gen-0002").is_dir(), killed.stderr
    (index / indexing.CURRENT).unlink()  # the pointer lost first: the newest generation is live
    assert indexing.current_generation(index).name == "gen-0002"  # the rebuild, as new as anything indexed
    (index / indexing.CURRENT).write_text("gen-0001\n", encoding="utf-8")
    more = _run(index, "index", str(write_jsonl(tmp_path / "more.jsonl", _rows("m", 10))))
    assert more.returncode == 0 and _total(index) == 40
    assert "Removed gen-0002, a rebuild interrupted before it was swapped in" in more.stdout + more.stderr
    (index / indexing.CURRENT).unlink()
    assert _total(index) == 40
    assert _run(index, "reindex").returncode == 0 and _total(index) == 40
    # a reviewer: choosing by the records' clock, a clock set back (or a record unreadable) made
    # the live generation look older than the one before it, deleted as a leftover. A higher
    # generation the live one has not provably committed after is left, and named
    live = indexing.current_generation(index)
    shutil.copytree(live, index / "gen-0009")
    (index / "gen-0009" / indexing.META).write_text("garbage", encoding="utf-8")
    left = _run(index, "index", str(tmp_path / "more.jsonl"))
    assert left.returncode == 0 and (index / "gen-0009").is_dir() and _total(index) == 40
    assert "gen-0009 is a complete generation CURRENT does not name" in left.stdout + left.stderr


def test_prune_on_a_file_with_a_bad_line_removes_what_is_gone_or_says_why_not(tmp_path):
    """A 30-article file cut to 4 good lines and 1 bad one: `index --prune` kept all 30, in silence."""
    index = tmp_path / "index"
    rows = _rows("p", 30)
    feed = write_jsonl(tmp_path / "p.jsonl", rows)
    assert _run(index, "index", str(feed)).returncode == 0
    good = [json.dumps(r, ensure_ascii=False) for r in rows[:4]]
    feed.write_text("\n".join([*good, '{"id": "p-4", "title": broken']) + "\n", encoding="utf-8")
    pruned = _run(index, "index", str(feed), "--prune")
    assert pruned.returncode == 3 and "removed 25" in pruned.stdout, pruned.stdout + pruned.stderr
    assert _total(index) == 5 and Searcher(index).article("p-4").title == "Tin p số 4"  # the bad line's, kept
    write_jsonl(feed, rows)
    assert _run(index, "index", str(feed)).returncode == 0 and _total(index) == 30
    feed.write_text("\n".join([*good, "garbage without an id"]) + "\n", encoding="utf-8")
    unsure = _run(index, "index", str(feed), "--prune")
    assert unsure.returncode == 3 and "removed 0" in unsure.stdout and _total(index) == 30
    assert (f"{feed}: not pruned: it no longer holds 26 articles indexed from it, but {feed}:5 cannot be read"
            in unsure.stderr), unsure.stderr


def test_reindex_keeps_the_newer_copy_of_an_id_whose_file_was_emptied(tmp_path):
    """A reviewer: b.jsonl held the newer copy of a.jsonl's first id; `: > b.jsonl; timtin
    reindex` kept b's other articles, as the file rule says, but swapped that id's text for
    a.jsonl's older copy (the text the index held, lost)."""
    index = tmp_path / "index"
    a = write_jsonl(tmp_path / "a.jsonl", _rows("a", 10))
    newer = {**_rows("a", 1)[0], "body": "Bản mới có chữ xanhtuoi ở Đông Kinh."}
    b = write_jsonl(tmp_path / "b.jsonl", [newer, *_rows("b", 20)])
    assert _run(index, "index", str(a)).returncode == 0 and _run(index, "index", str(b)).returncode == 0
    found = lambda: Searcher(index).search(SearchRequest(query="xanhtuoi")).total  # noqa: E731
    assert found() == 1 and _total(index) == 30
    b.write_text("", encoding="utf-8")
    rebuilt = _run(index, "reindex")
    assert rebuilt.returncode == 3, rebuilt.stdout + rebuilt.stderr
    assert found() == 1 and _total(index) == 30


def test_a_lost_pointer_never_deletes_the_live_generation_whatever_the_clock(tmp_path):
    """A reviewer: with the live generation chosen by the clock its record gives, a clock
    that ran ahead at one commit made the older generation look newer after a lost CURRENT,
    and the live one, holding 20 articles more, was deleted as a leftover (the newest
    generation by number is the live one; a killed rebuild's leftover goes while CURRENT
    still names the live one: test_a_rebuild_killed_before_its_swap_is_never_taken...)."""
    index = tmp_path / "index"
    assert _run(index, "index", str(write_jsonl(tmp_path / "a.jsonl", _rows("a", 40)))).returncode == 0
    first = indexing.current_generation(index)
    meta = json.loads((first / indexing.META).read_text(encoding="utf-8"))
    meta["updated"] = meta.get("updated", meta["created"]) + 600  # the clock ten minutes ahead then
    (first / indexing.META).write_text(json.dumps(meta), encoding="utf-8")
    assert _run(index, "reindex").returncode == 0
    assert _run(index, "index", str(write_jsonl(tmp_path / "b.jsonl", _rows("b", 20)))).returncode == 0
    (index / indexing.CURRENT).unlink()
    again = _run(index, "index", str(tmp_path / "a.jsonl"))
    assert again.returncode == 0 and _total(index) == 60, again.stdout + again.stderr
    assert "Removed gen-" not in again.stdout + again.stderr


def test_a_drive_unmounted_from_a_folder_inside_a_source_keeps_its_articles(tmp_path):
    """A reviewer: the folder rule held only for folders given on the command line; a mount
    point inside one (data/mnt, 45 articles, beside data/local, 55) emptied lost its 45, exit 0."""
    index = tmp_path / "index"
    data = tmp_path / "data"
    write_jsonl(data / "mnt" / "feed.jsonl", _rows("m", 45))
    write_jsonl(data / "local" / "feed.jsonl", _rows("l", 55))
    assert _run(index, "index", str(data)).returncode == 0 and _total(index) == 100
    (data / "mnt" / "feed.jsonl").rename(tmp_path / "away.jsonl")  # unmounted: the mount point stays, empty
    kept = _run(index, "index", str(data))
    assert kept.returncode == 3 and _total(index) == 100, kept.stdout + kept.stderr
    assert f"{data / 'mnt'}: the folder gives 0 articles now, where 45 were indexed from it" in kept.stderr
    pruned = _run(index, "index", str(data), "--prune")
    assert pruned.returncode == 0 and _total(index) == 55


def test_reindex_names_the_copy_of_an_id_it_leaves_out(tmp_path):
    """A user's re-check: `index` named the second article with a used id ("skipped 1", exit
    3); `reindex` left it out with "skipped 0" and not a word."""
    write_jsonl(tmp_path / "src" / "a.jsonl", [{"id": "x", "title": "Hội nghị dân vận", "body": "Hội nghị dân vận tỉnh."}])
    write_jsonl(tmp_path / "src" / "b.jsonl", [{"id": "x", "title": "Chợ phiên Kỳ Lừa", "body": "Chợ phiên đông vui."}])
    index = tmp_path / "index"
    first = _run(index, "index", str(tmp_path / "src"))
    assert first.returncode == 3 and 'id "x" is already used by' in first.stderr
    rebuilt = _run(index, "reindex")
    assert rebuilt.returncode == 0 and _total(index) == 1
    assert (f'warning: {tmp_path / "src" / "b.jsonl"}: 1 article(s) left out ("x"): {tmp_path / "src" / "a.jsonl"} '
            "holds the same id(s)") in rebuilt.stderr
