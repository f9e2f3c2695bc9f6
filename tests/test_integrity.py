"""`timtin check`: an index's files read against the digests recorded when they were
written, so a failing disk or a changed file is found before searches answer wrong from it
(an attacker changed bytes inside a postings file, and every search went on answering from
it without a word). The CLI runs in a subprocess, on a real index on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

import pytest

from indexer import indexing, integrity, postings
from indexer.errors import IndexOutdated
from indexer.searching import SearchRequest, Searcher
from tests.conftest import write_jsonl
from tests.test_trust_two import timtin

NO_OFFICIALS = ["--officials", os.devnull]


def _rows(prefix: str, count: int) -> list[dict]:
    return [{"id": f"{prefix}-{k}", "title": f"Hội nghị dân vận khối {prefix} lần {k}", "date": "2026-11-30",
             "body": f"Sáng 30/11, UBND phường Đông Kinh (TP. Lạng Sơn) tổ chức hội nghị dân vận lần thứ {k} "
                     f"ở khối {prefix}; ý kiến của người dân được ghi nhận."}
            for k in range(count)]


def _index(tmp_path: Path) -> Path:
    index = tmp_path / "index"
    first = timtin("index", str(write_jsonl(tmp_path / "a.jsonl", _rows("a", 12))), "--index", str(index),
                   *NO_OFFICIALS)
    assert first.returncode == 0, first.stderr
    second = timtin("index", str(write_jsonl(tmp_path / "b.jsonl", _rows("b", 8))), "--index", str(index),
                    *NO_OFFICIALS)  # a second commit: its segments' digests join the first's
    assert second.returncode == 0, second.stderr
    return index


def _check(index: Path):
    return timtin("check", "--index", str(index))


def _flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x10
    path.write_bytes(bytes(data))


def test_an_index_as_written_checks_clean_and_every_file_is_recorded(tmp_path):
    index = _index(tmp_path)
    gen = indexing.current_generation(index)
    files = json.loads((gen / indexing.META).read_text(encoding="utf-8"))["files"]
    assert sum(name.endswith(".seg") for name in files) == 2 and postings.layout_name(2) in files
    done = _check(index)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{index} ({gen.name}): 20 articles and {len(files)} files read, every file as written."


def test_bytes_changed_in_a_postings_file_or_a_segment_are_found_and_reindex_mends_them(tmp_path):
    index = _index(tmp_path)
    gen = indexing.current_generation(index)
    layout = gen / postings.layout_name(2)
    segment = sorted(gen.glob("*.seg"))[0]
    _flip(layout, layout.stat().st_size - 3)  # a frequency's byte: the search still runs, with another score
    _flip(segment, segment.stat().st_size // 2)
    found = _check(index)
    assert found.returncode == 1
    assert f"damaged: {layout}: its bytes are not those written (same size, other contents)" in found.stderr
    assert f"damaged: {segment}: its bytes are not those written" in found.stderr
    assert "run `timtin reindex` to rebuild the index from its sources" in found.stderr
    mended = timtin("reindex", "--index", str(index), *NO_OFFICIALS)
    assert mended.returncode == 0, mended.stderr
    assert _check(index).returncode == 0
    assert Searcher(index).search(SearchRequest(query="dân vận")).total == 20


def test_a_file_cut_short_or_gone_is_named(tmp_path):
    index = _index(tmp_path)
    gen = indexing.current_generation(index)
    segment = sorted(gen.glob("*.seg"))[1]
    size = segment.stat().st_size
    os.truncate(segment, size - 100)
    vocab = sorted(gen.glob(f"{indexing.VOCAB_PREFIX}*"))[0]
    vocab.unlink()
    found = _check(index)
    assert found.returncode == 1
    assert f"damaged: {segment}: {size - 100:,} bytes, where {size:,} were written" in found.stderr
    assert f"damaged: {vocab}: missing (the index needs it)" in found.stderr


def test_an_index_written_before_digests_is_checked_by_the_postings_own_rules(tmp_path):
    """No digests to compare with: a document number past the index, or postings out of
    order, still tell a damaged postings file; the note says what was not checked."""
    index = _index(tmp_path)
    gen = indexing.current_generation(index)
    meta = json.loads((gen / indexing.META).read_text(encoding="utf-8"))
    del meta["files"]
    (gen / indexing.META).write_text(json.dumps(meta), encoding="utf-8")
    clean = _check(index)
    assert clean.returncode == 0 and "note: 6 of the 6 files have no digest recorded" in clean.stderr
    assert "20 articles" in clean.stdout and "no damage found." in clean.stdout
    layout_path = gen / postings.layout_name(2)
    layout = postings.Layout(layout_path)
    at = layout._offsets["docs"]
    layout.close()
    data = bytearray(layout_path.read_bytes())
    data[at:at + 4] = np.array([1_000_000], "<i4").tobytes()  # the first posting names a document past the index
    layout_path.write_bytes(bytes(data))
    found = _check(index)
    assert found.returncode == 1
    assert f"damaged: {layout_path}: 1 postings name no document of the index" in found.stderr


def test_a_damaged_file_stays_damaged_after_the_next_commit(tmp_path):
    """A reviewer: a vocabulary changed by a byte was "every file as written" again once one
    more article was indexed (the commit recorded its new size and digest)."""
    index = _index(tmp_path)
    gen = indexing.current_generation(index)
    vocab = sorted(gen.glob(f"{indexing.VOCAB_PREFIX}*"))[0]
    size = vocab.stat().st_size
    vocab.write_bytes(vocab.read_bytes() + b" ")
    more = timtin("index", str(write_jsonl(tmp_path / "c.jsonl", _rows("c", 2))), "--index", str(index), *NO_OFFICIALS)
    assert more.returncode == 0, more.stderr
    found = _check(index)
    assert found.returncode == 1 and f"damaged: {vocab}: {size + 1:,} bytes, where {size:,} were written" in found.stderr


def test_files_a_stopped_run_left_unrecorded_are_counted_and_a_bad_record_is_named(tmp_path):
    index = _index(tmp_path)
    gen = indexing.current_generation(index)
    meta = json.loads((gen / indexing.META).read_text(encoding="utf-8"))
    toc = next(name for name in meta["files"] if name.endswith(".toc"))
    del meta["files"][postings.layout_name(2)]  # as a run killed between its commit and its record leaves it
    meta["files"][toc] = [meta["files"][toc][0]]
    (gen / indexing.META).write_text(json.dumps(meta), encoding="utf-8")
    found = _check(index)
    assert found.returncode == 1
    assert "note: 1 of the 6 files have no digest recorded" in found.stderr
    assert f"damaged: {gen / indexing.META}: the record of {toc} cannot be read" in found.stderr
    assert "Traceback" not in found.stderr


def test_an_index_of_another_schema_is_refused_as_search_refuses_it(tmp_path):
    index = _index(tmp_path)
    gen = indexing.current_generation(index)
    meta = json.loads((gen / indexing.META).read_text(encoding="utf-8"))
    meta["schema_version"] = 10
    (gen / indexing.META).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(IndexOutdated):
        integrity.check(index)
    refused = _check(index)
    assert refused.returncode == 1 and "timtin reindex" in refused.stderr


def test_check_takes_no_lock_and_reads_again_when_a_commit_lands_meanwhile(tmp_path, monkeypatch):
    """A reviewer: holding the write lock, a check made a cron's `index` fail ("Another timtin
    index or reindex is writing"). Now an index run goes on, and a check it overtakes reads
    the new commit."""
    index = _index(tmp_path)
    read = integrity._check
    runs = []

    def overtaken(gen):
        found = read(gen)
        if not runs:  # an index run commits while the first reading is under way
            indexing.update(index, [write_jsonl(tmp_path / "c.jsonl", _rows("c", 3))],
                            curated=indexing.officials_mod.Curated.load(Path(os.devnull)))
        runs.append(found.articles)
        return found

    monkeypatch.setattr(integrity, "_check", overtaken)
    found = integrity.check(index)
    assert runs == [20, 23] and not found.faults and found.articles == 23
