"""Build and update the index on disk, safely.

An index folder holds generations of a Whoosh index and a pointer to the live one
(:mod:`indexer.layout` names its files).

:func:`update` (``timtin index``) adds, updates and removes articles in the live
generation; each Whoosh commit is atomic, so a search sees the index before or
after it, never half. :func:`reindex` builds a new generation from the recorded
sources in a ``.tmp`` folder and swaps ``CURRENT`` only once it is complete: a
crash or kill at any moment leaves the old index answering, and the next run
removes the leftovers. The write lock is an ``flock``, which the kernel releases
when its holder dies, so no stale lock can block the next run.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import hashlib
import queue
import signal
import json
import multiprocessing
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

from indexer import officials as officials_mod
from indexer import integrity, parsing, postings, schema, snapshot, whoosh_private
from indexer.layout import (  # noqa: F401 - CURRENT, META...: the folder's names, used by tests and tools too
    CURRENT,
    KEEP_GENERATIONS,
    LOCK,
    META,
    STORIES_LOCK,
    STORIES_PREFIX,
    VOCAB_PREFIX,
    check_schema,
    current_generation,
    hold_lock,
    pointer_lost,
    fsync_dir as _fsync_dir,
    fsync_tree as _fsync_tree,
    generations as _generations,
    new_generation_name as _new_generation_name,
    new_meta as _new_meta,
    read_meta,
    require_generation,
    write_atomic as _write_atomic,
    write_meta as _write_meta,
    written,
)
from indexer.errors import DiskFull, IndexBusy, IndexOutdated, TimtinError
from indexer.models import Article, IndexReport, Problem

WRITER_MB = 512  # Whoosh's posting pool per writer before it spills to temporary runs
SPLIT_BYTES = 1 << 20  # JSONL files larger than this are shared among the workers

Progress = Callable[[int, int], None]  # (files done, files in all)


def _cleanup(root: Path, notes: list[str]) -> None:
    """Remove unfinished reindex folders and generations no searcher needs; point a lost
    ``CURRENT`` at the newest generation again (the writer holds the lock).

    A complete generation numbered after the live one, older by its record than the live
    one's last commit, is a rebuild killed before ``CURRENT`` named it: no searcher ever
    read it, and it is older than what was indexed since into the live one, so it goes
    (taken for live after a lost pointer, it lost those articles). One whose record is
    unreadable or newer is left and named: the pointer is what tells the live one."""
    live = current_generation(root)
    if live is not None and pointer_lost(root):
        _set_current(root, live)
        notes.append(f"The index's {CURRENT} pointer was missing or damaged; it names {live.name} again, "
                     "the newest generation (nothing was removed).")
    elif live is not None:
        _remove_stale(root, live, notes)
    for tmp in root.glob("gen-*.tmp"):
        shutil.rmtree(tmp, ignore_errors=True)
        notes.append(f"Removed {tmp.name}, left by an interrupted reindex.")
    for stray in root.glob("*.tmp"):
        if stray.is_file():
            stray.unlink(missing_ok=True)
    old = [g for g in _generations(root) if g != live]
    for gen in old[: max(0, len(old) - (KEEP_GENERATIONS - 1))]:
        shutil.rmtree(gen, ignore_errors=True)
    if live is not None:
        _remove_orphans(live, notes)


def _remove_stale(root: Path, live: Path, notes: list[str], name_the_rest: bool = False) -> None:
    """Remove each generation numbered after *live* that *live* has provably committed
    after (by their records; run again once a run has committed): one unreadable, or
    newer, stays (named when *name_the_rest*), so a clock set back cannot delete the live one."""
    for gen in _generations(root):
        if int(gen.name[4:]) <= int(live.name[4:]):
            continue
        if 0 < written(gen) < written(live):
            shutil.rmtree(gen, ignore_errors=True)
            notes.append(f"Removed {gen.name}, a rebuild interrupted before it was swapped in "
                         f"({live.name} is the live index and was written since).")
        elif name_the_rest:
            notes.append(f"{gen.name} is a complete generation {CURRENT} does not name ({live.name} is live); "
                         f"it is left as it is. If it is the one to use: echo {gen.name} > {root / CURRENT}")


def _tree_bytes(folder: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _remove_orphans(gen: Path, notes: list[str]) -> int:
    """Remove what an index run killed or failed mid-way left in *gen*: files of
    segments no commit took in (finished or not), their vocabularies, unfinished
    tables of contents, Whoosh's temporary folders and stories of other generations or
    rules (a stories file being written is left to the searcher writing it, which holds
    the stories lock). Call with the lock.

    Returns the bytes freed."""
    if read_meta(gen).get("schema_version") != schema.SCHEMA_VERSION:
        return 0  # another timtin's index may not open (see _old_articles): a reindex replaces it whole
    try:
        ix = _open_index(str(gen))
        live = {seg.segment_id() for seg in whoosh_private.segments(ix)}  # "MAIN_<id>"
    except Exception:  # noqa: BLE001 - an index that does not open is left alone for the user
        return 0
    with contextlib.ExitStack() as stack:
        quiet = True  # no searcher is writing stories: a stories .tmp is a leftover
        try:
            stack.enter_context(hold_lock(gen / STORIES_LOCK, wait=False, busy=str))
        except IndexBusy:  # a searcher is grouping them (kept_stories): its .tmp is no leftover
            quiet = False
        except OSError:  # a folder no one can lock in (or write to)
            pass
        return _remove_orphans_of(ix, gen, live, notes, quiet)


def _remove_orphans_of(ix, gen: Path, live: set[str], notes: list[str], quiet: bool) -> int:
    name = ix.indexname
    stale = set(snapshot.stale_stories(gen, ix.latest_generation()))
    segments: set[str] = set()
    freed = removed = grouping = 0
    for path in gen.iterdir():
        half_grouped = path.name.startswith(STORIES_PREFIX) and path.name.endswith(".tmp")
        if half_grouped and not quiet:
            continue  # a searcher is writing it
        stem = path.name.split(".")[0]
        orphan_segment = (path.name.startswith(f"{name}_") and stem not in live
                          and stem != f"{name}_WRITELOCK")
        orphan_vocab = path.name.startswith(VOCAB_PREFIX) and path.stem[len(VOCAB_PREFIX):] not in live
        orphan_part = path.name.startswith(postings.PART_PREFIX)  # no run is writing: all are left over
        orphan_layout = (path.name.startswith(postings.LAYOUT_PREFIX)
                         and path.name != postings.layout_name(ix.latest_generation()))
        orphan_stories = path in stale
        unfinished_toc = path.name.startswith(f"_{name}_") and ".toc." in path.name
        if orphan_segment or orphan_vocab or orphan_part or orphan_layout or orphan_stories or unfinished_toc \
                or path.name.endswith(".tmp"):
            removed += 1
            grouping += half_grouped
            if orphan_segment:
                segments.add(stem)
            elif orphan_vocab:
                segments.add(path.stem[len(VOCAB_PREFIX):])
            elif orphan_part:
                segments.add(path.name[len(postings.PART_PREFIX):].split(".")[0])
            if path.is_dir():
                freed += _tree_bytes(path)
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    freed += path.stat().st_size
                path.unlink(missing_ok=True)
    if segments:
        notes.append(f"Removed {len(segments)} unfinished segment(s) ({_mb(freed)}) left by an interrupted "
                     "index run.")
    elif removed and removed == grouping:  # written by whichever process grouped the stories: a search, or a run
        notes.append(f"Removed {removed} unfinished file(s) of grouped stories ({_mb(freed)}) left by a search "
                     "or index run stopped while grouping them.")
    elif removed:
        notes.append(f"Removed {removed} temporary file(s) ({_mb(freed)}) left by an interrupted index run.")
    return freed


def write_lock(root: Path, wait: bool = False):
    """Hold the index's write lock; raise :class:`IndexBusy` if another process has it."""
    root.mkdir(parents=True, exist_ok=True)
    return hold_lock(root / LOCK, wait, lambda holder: (
        f"Another timtin index or reindex ({holder}) is writing {root}. "
        "Wait for it to finish, or run again with --wait."))


def _open_index(gen: str | Path):
    """Open a generation's Whoosh index reading files, not memory maps: a mapped
    segment counts in the process's resident memory as its pages are touched, and
    opening 30 segments of real articles touched 1.3 GB (the page cache serves
    reads as fast and belongs to nobody)."""
    return FileStorage(str(gen), supports_mmap=False).open_index()


def _create_generation(root: Path, name: str) -> Path:
    gen = root / name
    gen.mkdir(parents=True)
    ix = whoosh_index.create_in(str(gen), schema.make_schema())
    postings.empty(gen / postings.layout_name(ix.latest_generation()))
    return gen


def _set_current(root: Path, gen: Path) -> None:
    _write_atomic(root / CURRENT, gen.name + "\n")


# -- reading articles ------------------------------------------------------------

def content_hash(article: Article, curated: officials_mod.Curated | None = None) -> str:
    """Changes when the article, its file, the schema, the extractor or the curated list do."""
    payload = json.dumps(
        [article.to_json(), article.origin, schema.SCHEMA_VERSION, officials_mod.EXTRACTOR_VERSION,
         curated.digest if curated else ""],
        ensure_ascii=False, sort_keys=True,
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


@dataclass
class _Outcome:
    """What one writer (in the main process, or a worker) did with its share of the files."""

    segments: list = field(default_factory=list)
    added: int = 0
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # id -> where first read, in file order
    files_read: set[str] = field(default_factory=set)
    files_damaged: set[str] = field(default_factory=set)  # some article in them was skipped
    counts: Counter = field(default_factory=Counter)  # origin -> articles read from it
    # a rebuild's ids left out as older copies (see *owners*): id -> (file, root) of the first
    superseded: dict[str, tuple[str, str]] = field(default_factory=dict)
    bad_lines: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # origin -> (file, line) skipped
    failed: set[str] = field(default_factory=set)  # ids read but not written (a fault of timtin's)


def unnamable(path: str) -> bool:
    """Whether *path* is no UTF-8 name (bytes Python holds as surrogates: a name made on
    Windows or by an old system): it cannot be stored in the index or its record."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown_name(path: str) -> str:
    """*path* printable: a byte that is no UTF-8 shown as ``\\xe1``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


RENAME = ("its name (or a folder's above it) is not valid UTF-8 (made on Windows, or by an old system?), so "
          "the index cannot record it. Rename it to UTF-8 (convmv converts names: convmv -r -f cp1252 -t utf8 "
          "--notest FOLDER) and index it again")


class _SegmentWriters:
    """Adds documents into fresh segments of at most *BATCH* documents each, never locking.

    Whoosh gets the stored article and its columns; the counted words and pairs of
    title and body go to a :class:`~indexer.postings.PartWriter`, laid out beside the
    segment when it is written (joined into the generation's postings at commit).
    """

    BATCH = 10_000
    # Postings held before a segment is written, as compact arrays (12 bytes each, and
    # about 40 more while they are sorted), with their distinct terms: 2 million (1,700
    # real articles of 3,600 characters) keep a worker under 300 MB.
    MAX_POSTINGS = 2_000_000

    def __init__(self, gen: str) -> None:
        self.gen = Path(gen)
        self.ix = _open_index(gen)
        self.writer = None
        self.part: postings.PartWriter | None = None
        self.segments: list = []
        self.vocabulary: Counter = Counter()

    def add(self, doc: dict) -> None:
        if self.writer is None:
            self.writer = whoosh_private.segment_writer(self.ix, schema.CODEC, WRITER_MB)
            self.part = postings.PartWriter(schema.TEXT_FIELDS)
        self.writer.add_document(**schema.whoosh_fields(doc))
        self.part.add(doc)
        self.vocabulary.update({t for field in schema.TEXT_FIELDS for t in doc[field] if " " not in t})
        if self.part.count >= self.BATCH or self.part.postings >= self.MAX_POSTINGS:
            self.flush()

    def flush(self) -> None:
        if self.writer is not None:
            segment = whoosh_private.finalize_segment(self.writer)
            self.part.write(self.gen / postings.part_name(segment.segment_id()))
            write_vocabulary(self.gen, segment.segment_id(), self.vocabulary)
            self.segments.append(segment)
            self.writer = None
            self.part = None
            self.vocabulary = Counter()

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer.cancel()
            self.writer = None
            self.part = None


def _index_jobs(gen: str, jobs, existing, curated, tick, owners=None) -> _Outcome:
    """Read *jobs* (file, root, span) and write new and changed articles to new segments.

    Old versions of changed articles are deleted by the main writer (see :func:`_write`).
    *owners* (a rebuild): id -> the file the live index took that id from; a copy of
    the id in another file is an older version, left out without a message.
    """
    out = _Outcome()
    writers = _SegmentWriters(gen)
    try:
        for file, root, span in jobs:
            origin = parsing.origin_of(file, root)
            if unnamable(origin):  # never indexed: no article came from it before
                if not span or span[0] == 0:
                    out.problems.append(Problem(shown_name(str(file)), RENAME))
                tick()
                continue
            # an index made before symbolic links kept their own name recorded the target
            origins = {origin, os.path.realpath(file)} if owners else {origin}
            out.files_read.add(origin)
            for item in parsing.iter_file(file, root, str(file), curated, span):
                if isinstance(item, Problem):
                    out.problems.append(item)
                    if item.skipped:
                        out.files_damaged.add(origin)
                        path, _, line = item.where.rpartition(":")
                        out.bad_lines.setdefault(origin, []).append(
                            (path, int(line)) if line.isdigit() else (item.where, 0))
                    continue
                where = item.where or origin
                if owners and owners.get(item.id, origin) not in origins:
                    # superseded by the version indexed later from another file (taken
                    # from here after all if that file no longer holds it: _recover)
                    out.superseded.setdefault(item.id, (str(file), str(root)))
                    continue
                out.counts[origin] += 1
                if item.id in out.seen:
                    out.problems.append(_duplicate(where, item.id, out.seen[item.id]))
                    out.files_damaged.add(origin)
                    continue
                try:
                    digest = content_hash(item, curated)
                    doc = schema.to_document(item, digest)
                except Exception as err:  # noqa: BLE001 - one article, named; never the batch
                    out.problems.append(parsing.fault(where, err))
                    out.files_damaged.add(origin)
                    out.failed.add(item.id)
                    continue
                out.seen[item.id] = where
                old = existing.get(item.id)
                if old and old[0] == digest:
                    out.unchanged += 1
                    continue
                writers.add(doc)
                if old:
                    out.updated.append(item.id)
                else:
                    out.added += 1
            tick()
        writers.flush()
    except BaseException:
        with contextlib.suppress(Exception):  # on a full disk cancelling can fail too
            writers.cancel()
        raise
    out.segments = writers.segments
    return out


def write_vocabulary(gen: Path, segment_id: str, counts: Counter) -> None:
    """Beside each segment, how many of its documents hold each word: the accent
    restoration of :mod:`indexer.searching` reads these instead of the whole lexicon."""
    _write_atomic(gen / f"{VOCAB_PREFIX}{segment_id}.json", json.dumps(counts, ensure_ascii=False))


def _remove_stale_vocabularies(gen: Path, ix) -> None:
    live = {f"{VOCAB_PREFIX}{seg.segment_id()}.json" for seg in whoosh_private.segments(ix)}
    for path in gen.glob(f"{VOCAB_PREFIX}*.json"):
        if path.name not in live:
            path.unlink(missing_ok=True)


def _name_superseded(outcomes: list[_Outcome], owners: dict[str, str], seen: set[str], report: IndexReport) -> None:
    """A warning for each file a rebuild left copies of ids out of because another file, their
    owner, holds the version the index held (*seen*: the ids indexed from their owner).
    `index` names the copy it skips; a rebuild left it out without a word (a user's re-check
    found a page gone after `reindex`, which said "skipped 0")."""
    left: dict[tuple[str, str], list[str]] = {}
    for out in outcomes:
        for doc_id, (file, _root) in out.superseded.items():
            if doc_id in seen and owners.get(doc_id):
                left.setdefault((file, owners[doc_id]), []).append(doc_id)
    for (file, owner), ids in sorted(left.items()):
        shown = ", ".join(f'"{i}"' for i in ids[:3]) + (f" and {len(ids) - 3:,} more" if len(ids) > 3 else "")
        report.problems.append(Problem(file, (
            f"{len(ids):,} article(s) left out ({shown}): {owner} holds the same id(s), and its version is "
            "the one the index held; give each article its own id (or delete the copy you do not need)"),
            skipped=False))


def _duplicate(where: str, article_id: str, first: str) -> Problem:
    return Problem(
        where, f'id "{article_id}" is already used by {first}; give each article its own id (this one was skipped)'
    )


def _die_with_parent(parent: int) -> None:
    """Linux: kill this worker if the indexer that started it dies (kill -9 included),
    so no orphan keeps writing, or keeps the write lock it inherited."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # died before prctl took effect
        os._exit(1)


def _worker(index: int, gen: str, jobs, existing, curated, ticks, results, parent: int, owners=None) -> None:
    """A worker process: segments of its own from its share of the files."""
    _die_with_parent(parent)
    try:
        results.put((index, _index_jobs(gen, jobs, existing, curated, lambda: ticks.put(1), owners), None))
    except BaseException as err:  # reported to the parent, which fails the run
        # as plain values: not every exception can be pickled back
        results.put((index, None, (err.errno, err.strerror, err.filename) if isinstance(err, OSError)
                     else f"{type(err).__name__}: {err}"))


def _jobs(paths: list[Path], procs: int, elsewhere: list[Path]) -> tuple[list, list[parsing.Unread]]:
    """(file, root, span) for every article file, big JSONL files cut in parts (shared
    among the workers, and so that the progress bar moves through one big file too);
    and the folders and names that could not be read."""
    jobs, unread = [], []
    for item in parsing.walk(paths, elsewhere):
        if isinstance(item, parsing.Unread):
            unread.append(item)
            continue
        file, root = item
        try:
            size = file.stat().st_size
        except OSError:
            size = 0  # reading it names the problem
        if file.suffix.lower() == ".jsonl" and size > SPLIT_BYTES:
            parts = min(max(procs, 4) * 8, max(2, size // SPLIT_BYTES))
            try:
                jobs += [(file, root, span) for span in parsing.jsonl_spans(file, parts)]
                continue
            except OSError:
                pass  # unreadable: reading it whole names the problem
        jobs.append((file, root, None))
    return jobs, unread


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _split(jobs: list, parts: int) -> list[list]:
    """Contiguous chunks of about equal bytes, so that chunk order is file order."""
    sizes = [max(1, span[1] - span[0] if span else _size(f)) for f, _, span in jobs]
    target = sum(sizes) / parts
    chunks: list[list] = [[]]
    total = 0.0
    for job, size in zip(jobs, sizes):
        if chunks[-1] and total >= target * len(chunks) and len(chunks) < parts:
            chunks.append([])
        chunks[-1].append(job)
        total += size
    return chunks


def _run_workers(gen: str, jobs, procs, existing, curated, progress, total, owners=None) -> list[_Outcome]:
    ctx = multiprocessing.get_context("fork")
    ticks, results = ctx.Queue(), ctx.Queue()
    chunks = _split(jobs, procs)
    workers = [
        ctx.Process(target=_worker, args=(i, gen, chunk, existing, curated, ticks, results, os.getpid(), owners),
                    daemon=True)
        for i, chunk in enumerate(chunks)
    ]
    for w in workers:
        w.start()
    done, outcomes = 0, []
    try:
        while len(outcomes) < len(workers):
            while not ticks.empty():
                ticks.get()
                done += 1
                if progress:
                    progress(done, total)
            try:
                outcomes.append(results.get(timeout=0.1))
            except queue.Empty:
                if any(w.exitcode not in (None, 0) for w in workers):
                    raise TimtinError("An indexing worker died; nothing was changed. Run the command again.")
        with contextlib.suppress(queue.Empty):  # ticks still in the pipe when the last result came
            while progress and done < total:
                ticks.get(timeout=1)
                done += 1
                progress(done, total)
    finally:
        for w in workers:
            w.join(timeout=10)
            if w.is_alive():
                w.kill()
    errors = [err for _, _, err in outcomes if err]
    if errors:
        if isinstance(errors[0], tuple):
            raise OSError(*errors[0])
        raise TimtinError(f"Indexing failed in a worker ({errors[0]}); nothing was changed.")
    return [out for _, out, _ in sorted(outcomes, key=lambda o: o[0])]


def _existing(ix) -> dict[str, tuple[str, str, tuple[int, ...]]]:
    """id -> (hash, origin, document numbers) of every live document.

    The numbers are those the writer opened on the same commit sees (the caller holds
    the lock), so deleting by number costs nothing; deleting by term would open a
    searcher and read the index files again for every article updated."""
    out: dict[str, tuple[str, str, tuple[int, ...]]] = {}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count() == 0:
            return out
        ids = reader.column_reader("id")
        hashes = reader.column_reader("hash")
        origins = reader.column_reader("origin")
        for docnum in reader.all_doc_ids():
            doc_id = ids[docnum]
            earlier = out[doc_id][2] if doc_id in out else ()
            out[doc_id] = (hashes[docnum].decode("ascii"), origins[docnum].decode("utf-8"), (*earlier, docnum))
    return out


# -- writing -------------------------------------------------------------------

def _write(
    ix,
    gen: Path,
    paths: list[Path],
    procs: int,
    progress: Progress | None,
    report: IndexReport,
    existing: dict[str, tuple[str, str, tuple[int, ...]]],
    curated: officials_mod.Curated | None,
    owners: dict[str, str] | None = None,
    carry: tuple[Path, dict] | None = None,
    prune: bool = False,
    rebuild: bool = False,
    elsewhere: list[Path] = (),
) -> list[str]:
    """Add, update and remove the articles of *paths* in *ix*, in one commit.

    New documents go into new segments (written by worker processes when *procs*
    > 1); the main writer, which holds Whoosh's lock, deletes old versions and
    vanished articles and commits everything at once, so a search sees all or nothing.

    The articles of a file that could not be read, was damaged, or now holds none or less
    than half of those indexed from it (:func:`_held`) are kept: in place, or, for a
    *rebuild* into an empty index, copied from the old generation *carry* (its folder and
    its :func:`_existing`). With *prune*, a file that shrank gives up the articles it no
    longer holds. Returns, for a rebuild with no *carry*, the files whose articles it
    could not keep. A link under *paths* to a folder of *elsewhere* (the index's other
    sources) is not followed (:func:`indexer.parsing.walk`).
    """
    jobs, unread = _jobs(paths, procs, list(elsewhere))
    report.problems += [u.problem for u in unread]
    # a page saved twice: its newer copy only, said in a note; also against the copy an earlier
    # run indexed from a file this one does not read (a rebuild reads them all: *existing* is empty)
    indexed = {doc_id: origin for doc_id, (_, origin, _) in existing.items() if doc_id.startswith(("http:", "https:"))}
    older, notes, newer = parsing.page_copies(jobs, indexed, owners)
    if owners:  # the newer copy owns the id (the older owned it when `index` let the run read last win)
        owners.update({address: parsing.origin_of(*jobs[n][:2]) for address, n in newer.items()})
    jobs = [job for n, job in enumerate(jobs) if n not in older]
    report.notes += notes
    report.copies += len(older)
    total = len(jobs)
    if progress:
        progress(0, total)
    writer = ix.writer(codec=schema.CODEC)
    outcomes: list[_Outcome] = []
    try:
        if procs > 1 and total > 1:
            outcomes = _run_workers(str(gen), jobs, procs, existing, curated, progress, total, owners)
        else:
            ticker = iter(range(1, total + 1))
            outcomes = [_index_jobs(str(gen), jobs, existing, curated,
                                    lambda: progress and progress(next(ticker), total), owners)]
        seen: dict[str, str] = {}
        duplicates = 0  # later copies a worker wrote: deleted in its segments before the commit
        files_read: set[str] = set()
        files_damaged: set[str] = set()
        for out in outcomes:  # in file order
            report.problems += out.problems
            report.unchanged += out.unchanged
            report.updated += len(out.updated)
            report.added += out.added
            files_read |= out.files_read
            files_damaged |= out.files_damaged
            replaced = set(out.updated)
            later: set[str] = set()
            for article_id, where in out.seen.items():
                if article_id not in seen:
                    seen[article_id] = where
                    continue
                # read by two workers: the later copy is skipped, as one process skips it.
                # The worker counted (and perhaps wrote) it as it found it against the index.
                report.problems.append(_duplicate(where, article_id, seen[article_id]))
                files_damaged.add(where.rsplit(":", 1)[0])
                if article_id in replaced:  # written as a new version: the indexed one is not replaced by it
                    replaced.discard(article_id)
                    report.updated -= 1
                    later.add(article_id)
                elif article_id in existing:  # the same as the indexed version: nothing written
                    report.unchanged -= 1
                else:
                    report.added -= 1
                    later.add(article_id)
            if later:
                duplicates += _delete_in_segments(ix, out.segments, later)
            for article_id in replaced:
                for docnum in existing[article_id][2]:
                    writer.delete_document(docnum)
        if owners:  # an id its owner, read whole, no longer holds: the other copy, as `index` keeps it
            # (not when the owner was emptied or cut short: then the index's own version is kept,
            # carried as the file rule keeps it; a reviewer found it swapped for the older copy)
            now = sum((out.counts for out in outcomes), Counter())
            was = Counter(origin for _, origin, _ in (carry[1] if carry else existing).values())
            shrunk = {origin for origin in was if not prune and (not now[origin] or (
                was[origin] - now[origin] >= SHRUNK_LEAST and now[origin] < SHRUNK_SHARE * was[origin]))}
            superseded: dict[str, tuple[str, str]] = {}
            for out in outcomes:
                for doc_id, job in out.superseded.items():
                    if doc_id not in seen and owners[doc_id] in files_read - files_damaged - shrunk:
                        superseded.setdefault(doc_id, job)
            if superseded:
                outcomes.append(_recover(str(gen), superseded, curated, seen, report))
            _name_superseded(outcomes, owners, set(seen) - set(superseded), report)
        # Articles whose file left a folder indexed again, or left a file read whole.
        folders = [str(p.resolve()) + os.sep for p in paths if p.is_dir()]
        kept = tuple(u.origin for u in unread)  # under a folder we could not list, or not a file
        before = carry[1] if carry else existing
        read = sum((out.counts for out in outcomes), Counter())
        bad_lines: dict[str, list[tuple[str, int]]] = {}
        for out in outcomes:
            for origin, lines in out.bad_lines.items():
                bad_lines.setdefault(origin, []).extend(lines)
        prunable, keep_ids = (_prunable(before, seen, files_damaged, bad_lines, report) if prune and not rebuild
                              else (set(), set()))
        keep_ids |= {doc_id for out in outcomes for doc_id in out.failed}
        held = (_held(before, read, seen, files_read - files_damaged, prune, report, folders)
                | (files_damaged - prunable))
        if carry:
            segments_carried, carried = _carry(carry[0], gen, before, seen, kept, held)
            outcomes.append(_Outcome(segments=segments_carried))
            if carried:
                report.notes.append(f"Kept {carried:,} articles of the index whose files could not be read "
                                    "whole this time (named above), as the index held them.")
            # what the rebuild leaves out of what the index held: counted, never in silence
            report.removed += sum(1 for doc_id in before if doc_id not in seen) - carried
            _note_gone(report, Counter(origin for doc_id, (_, origin, _) in before.items()
                                       if doc_id not in seen and origin not in files_read and origin not in held
                                       and not origin.startswith(kept)))
        gone_files: Counter = Counter()
        for doc_id, (_, origin, docnums) in existing.items():
            if doc_id in seen or doc_id in keep_ids or origin.startswith(kept) or origin in held:
                continue
            gone = origin not in files_read and any(origin.startswith(f) for f in folders)
            if gone or (origin in files_read and (origin not in files_damaged or origin in prunable)):
                for docnum in docnums:
                    writer.delete_document(docnum)
                report.removed += 1
                gone_files[origin] += gone
        _note_gone(report, +gone_files)
        uncarried = sorted({*kept, *held}) if rebuild and carry is None else []
        segments = [segment for out in outcomes for segment in out.segments]
        if segments or report.updated or report.removed or duplicates:
            _commit(writer, gen, segments)
            _remove_stale_vocabularies(gen, ix)
        else:  # nothing changed: no new generation, and the stories kept for this one stay right
            writer.cancel()
            for path in gen.glob(writer.newsegment.segment_id() + ".*"):  # the files Whoosh opened for it
                path.unlink(missing_ok=True)
    except BaseException:
        with contextlib.suppress(Exception):  # on a full disk cancelling can fail too; the cause is the news
            writer.cancel()
        with contextlib.suppress(Exception):
            writer.writelock.release()
        for out in outcomes:  # segments written but never committed
            for segment in out.segments:
                _remove_segment_files(gen, segment)
        raise
    report.problems.sort(key=lambda p: _where_key(p.where))
    return uncarried


# A file that now holds less than this share of the articles indexed from it, and this many
# fewer, looks cut short (a crash or a full disk while it was written): its missing
# articles are kept, unless ``index --prune`` is asked for
SHRUNK_SHARE = 0.5
SHRUNK_LEAST = 10


def _held(before: dict, read: Counter, seen: dict, whole: set[str], prune: bool, report: IndexReport,
          folders: Iterable[str] = ()) -> set[str]:
    """The files read without a fault (*whole*) whose missing articles are kept: one that
    now holds none of those indexed from it (emptied), or less than half of them and at
    least :data:`SHRUNK_LEAST` fewer (cut short), unless *prune*. An article missing is
    one of its ids read from no file this run (an article moved to another file is not);
    the others a file gave up are removed, each file's count in a note.

    The same rule holds for each of the *folders* read (their paths end with a
    separator) over all the articles indexed from under it: a folder emptied, unmounted
    (an empty mount point) or copied in part keeps the articles of its missing files."""
    ids: dict[str, list[str]] = {}
    for doc_id, (_, origin, _) in before.items():
        ids.setdefault(origin, []).append(doc_id)
    held = set()
    given = set(folders)
    # and each folder inside them that is still there but gives nothing now (a drive
    # unmounted from a mount point inside a source folder: a reviewer's finding)
    inside = {os.path.dirname(origin) + os.sep for origin in ids if origin.startswith(tuple(given))} - given
    for folder in sorted(given | {f for f in inside if os.path.isdir(f)}):
        under = [origin for origin in ids if origin.startswith(folder)]
        was = sum(len(ids[origin]) for origin in under)
        now = sum(count for origin, count in read.items() if origin.startswith(folder))
        lost = Counter(origin for origin in under for doc_id in ids[origin] if doc_id not in seen)  # file -> missing
        missing = sum(lost.values())
        if prune or not missing or (now and (missing < SHRUNK_LEAST or now >= SHRUNK_SHARE * was)):
            continue
        if folder not in given and (now or missing < SHRUNK_LEAST):  # inside: only one emptied
            continue
        if set(lost) <= held:
            continue
        held |= set(lost)
        name = folder.rstrip(os.sep)
        report.problems.append(Problem(name, (
            f"the folder gives {now:,} articles now, where {was:,} were indexed from it: the {missing:,} missing "
            f"(from {len(lost):,} file(s)) are kept (a folder emptied, an unmounted drive's empty mount point "
            "or a copy not finished looks like this). If you removed them on purpose, run "
            f"`timtin index --prune {name}` (or `timtin reindex --prune`)"), kept=missing))
    for origin in sorted(whole & set(ids)):
        was, now = len(ids[origin]), read.get(origin, 0)
        missing = sum(1 for doc_id in ids[origin] if doc_id not in seen)
        if not missing or origin in held:  # (kept with its folder, and counted there)
            continue
        if not prune and not now:
            held.add(origin)
            report.problems.append(Problem(origin, (
                f"holds no article now, where {was:,} were indexed from it (is it empty, or cut short?); "
                "they are kept. If you emptied it on purpose, run `timtin index --prune` on it (or `timtin reindex "
                "--prune`)"), kept=missing))
        elif not prune and missing >= SHRUNK_LEAST and now < SHRUNK_SHARE * was:
            held.add(origin)
            report.problems.append(Problem(origin, (
                f"holds {now:,} articles, where {was:,} were indexed from it: the {missing:,} missing "
                "are kept (a file cut short by a crash or a full disk looks like this). If you removed "
                "them on purpose, run `timtin index --prune` on it (or `timtin reindex --prune`)"), kept=missing))
        else:
            report.notes.append(f"{origin} no longer holds {missing:,} of the {was:,} articles indexed from it: "
                                "removed.")
    return held


def _note_gone(report: IndexReport, gone: Counter, shown: int = 10) -> None:
    """A note for the files gone whose articles a run removed (a few per file go without
    a word of warning otherwise: the file rule holds only under half, 10 or more)."""
    if not gone:
        return
    names = [f"{origin} ({count:,})" for origin, count in sorted(gone.items())[:shown]]
    more = f" and {len(gone) - shown:,} more" if len(gone) > shown else ""
    report.notes.append(f"Removed the articles of {len(gone):,} file(s) no longer there: {', '.join(names)}{more}.")


def _recover(gen: str, wanted: dict[str, tuple[str, str]], curated, seen: dict, report: IndexReport) -> _Outcome:
    """Read again the copies of ids a rebuild left out as older (*wanted*: id -> (file,
    root) of the first) because the file the index took them from no longer holds them."""
    out = _Outcome()
    files: dict[tuple[str, str], set[str]] = {}
    for doc_id, job in wanted.items():
        files.setdefault(job, set()).add(doc_id)
    writers = _SegmentWriters(gen)
    try:
        for (file, root), ids in files.items():
            for item in parsing.iter_file(Path(file), Path(root), file, curated):
                if isinstance(item, Problem) or item.id not in ids or item.id in seen:
                    continue
                try:
                    doc = schema.to_document(item, content_hash(item, curated))
                except Exception:  # noqa: BLE001 - named when the file was read the first time
                    continue
                writers.add(doc)
                seen[item.id] = item.where or file
                out.counts[parsing.origin_of(Path(file), Path(root))] += 1
                report.added += 1
        writers.flush()
    except BaseException:
        with contextlib.suppress(Exception):
            writers.cancel()
        raise
    out.segments = writers.segments
    return out


def _prunable(before: dict, seen: dict, damaged: set[str], bad_lines: dict, report: IndexReport
              ) -> tuple[set[str], set[str]]:
    """For ``index --prune``: the files with a line that could not be read whose missing
    articles may go all the same, and the ids to keep (each bad line's, read from the line).
    A file with a bad line whose id cannot be told keeps them, with a note saying why."""
    prunable: set[str] = set()
    keep: set[str] = set()
    missing: Counter = Counter(origin for doc_id, (_, origin, _) in before.items()
                               if origin in damaged and doc_id not in seen)
    for origin in sorted(missing):
        lines: dict[str, set[int]] = {}
        for file, line in bad_lines.get(origin, []):
            lines.setdefault(file, set()).add(line)
        ids = {(file, line): doc_id for file, numbers in lines.items()
               for line, doc_id in _ids_at_lines(file, numbers).items()}
        unknown = [f"{file}:{line}" if line else file for file, line in bad_lines.get(origin, [])
                   if ids.get((file, line)) is None]
        if unknown:
            report.notes.append(
                f"{origin}: not pruned: it no longer holds {missing[origin]:,} articles indexed from it, but "
                f"{', '.join(unknown[:3])} cannot be read (see its message) and may be one of them. Fix or delete "
                "that line and run `timtin index --prune` on it again.")
            continue
        prunable.add(origin)
        keep |= set(ids.values())
    return prunable, keep


def _ids_at_lines(file: str, numbers: set[int]) -> dict[int, str | None]:
    """The ``"id"`` of each line *numbers* of the JSON Lines file *file* (None where it cannot
    be told), read in one pass."""
    found: dict[int, str | None] = dict.fromkeys(numbers)
    wanted = {n for n in numbers if n}
    if not wanted:
        return found
    try:
        with open(file, "rb") as fh:
            for number, raw in enumerate(fh, 1):
                if number in wanted:
                    found[number] = _line_id(raw.decode("utf-8", "replace"))
                    if number >= max(wanted):
                        break
    except OSError:
        pass
    return found


def _line_id(text: str) -> str | None:
    try:
        value = json.loads(text).get("id")
    except (ValueError, AttributeError):  # bad JSON: the id, if it comes whole first
        found = _ID_FIELD.search(text)
        try:
            value = json.loads(f'"{found.group(1)}"') if found else None
        except ValueError:
            value = None
    return str(value) if isinstance(value, (str, int)) and str(value).strip() else None


_ID_FIELD = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _carry(old: Path, gen: Path, before: dict, seen: dict, kept: tuple, held: set[str]) -> tuple[list, int]:
    """Copy into new segments of *gen* the articles of the generation *old* that a rebuild
    did not read again from their files, when those files are *held* or under a folder
    or file that could not be read (*kept*): as the old index stored them."""
    lost = [(doc_id, digest, origin, docnums[-1]) for doc_id, (digest, origin, docnums) in before.items()
            if doc_id not in seen and (origin in held or origin.startswith(kept))]
    if not lost:
        return [], 0
    writers = _SegmentWriters(str(gen))
    try:
        with _open_index(str(old)).searcher() as searcher:
            for doc_id, digest, origin, docnum in lost:
                article = replace(schema.from_stored(searcher.stored_fields(docnum)), origin=origin)
                writers.add(schema.to_document(article, digest))
        writers.flush()
    except BaseException:
        with contextlib.suppress(Exception):
            writers.cancel()
        raise
    return writers.segments, len(lost)


def _where_key(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (where, 0)


def _remove_segment_files(gen: Path, segment) -> None:
    for name in segment.segment_files() if hasattr(segment, "segment_files") else ():
        (gen / name).unlink(missing_ok=True)
    (gen / postings.part_name(segment.segment_id())).unlink(missing_ok=True)


def _commit(writer, gen: Path, segments: list) -> None:
    """Commit *writer* with new *segments* added, as Whoosh's MpWriter does, merging none.

    Merging would rewrite every stored article in Python, and renumber the documents
    the postings name. Before Whoosh's table of contents names the new generation,
    its postings are laid out (the last generation's and the new segments' parts,
    joined): a search that sees the generation finds them.
    """
    if whoosh_private.added_documents(writer):  # every document goes through _SegmentWriters, which lays out its terms
        raise TimtinError("Internal error: a document was added without its postings; nothing was changed.")
    whoosh_private.commit_with(writer, segments, lambda old: _lay_out(gen, writer.generation, old, segments))
    for segment in segments:
        (gen / postings.part_name(segment.segment_id())).unlink(missing_ok=True)
    _remove_stale_layouts(gen, keep=writer.generation)


def _lay_out(gen: Path, generation: int, old: list, new: list) -> None:
    """Write the postings of Whoosh generation *generation*: those of the one before
    (for the segments *old*, which keep their documents' numbers) and the parts of
    the segments *new*, numbered after them."""
    target = gen / postings.layout_name(generation)
    base = sum(seg.doc_count_all() for seg in old)
    sources: list[tuple[Path, int]] = []
    if base:
        previous = gen / postings.layout_name(generation - 1)
        if not previous.exists() or postings.Layout.docs_in(previous) != base:
            raise IndexOutdated(gen.parent, "unknown", schema.SCHEMA_VERSION)
        if not new:  # deletions only: the same postings
            with contextlib.suppress(FileExistsError):
                os.link(previous, target)
            return
        sources.append((previous, 0))
    for segment in new:
        sources.append((gen / postings.part_name(segment.segment_id()), base))
        base += segment.doc_count_all()
    postings.merge(sources, base, target)


def _remove_stale_layouts(gen: Path, keep: int) -> None:
    """Remove the postings and stories of generations before *keep* (a search still
    reading those postings has them open; its stories are read whole)."""
    live = postings.layout_name(keep)
    for path in gen.glob(f"{postings.LAYOUT_PREFIX}*{postings.SUFFIX}"):
        if path.name != live:
            path.unlink(missing_ok=True)
    for path in snapshot.stale_stories(gen, keep):
        path.unlink(missing_ok=True)


def _keep_stories(gen: Path, report: IndexReport) -> None:
    """Group the copies of each story now, once, so that a server's processes read the
    result instead of each grouping them (:func:`indexer.snapshot.kept_stories`)."""
    try:
        snapshot.prepare_stories(gen)
    except Exception as err:  # noqa: BLE001 - the articles are in; the first search groups them
        report.notes.append(f"Copies of one story were not grouped yet ({err}); the first search will group them.")


def _delete_in_segments(ix, segments: list, ids: set[str]) -> int:
    """Mark the documents of *ids* deleted in the new *segments* (a worker's, not yet
    committed), so that the commit that adds them leaves them out: the later copies of
    ids another worker read first. Returns how many were deleted."""
    deleted = 0
    for segment in segments:
        reader = SegmentReader(ix.storage, ix.schema, segment)
        try:
            column = reader.column_reader("id")
            for docnum in range(segment.doc_count_all()):
                if column[docnum] in ids:
                    segment.delete_document(docnum)
                    deleted += 1
        finally:
            reader.close()
    return deleted


def _sources(paths: Iterable[Path]) -> list[str]:
    return [str(p.resolve()) for p in paths]


def _merged_sources(recorded: Iterable[str], paths: Iterable[Path]) -> list[str]:
    """The sources to record after indexing *paths*: a file or folder inside a recorded
    folder is not recorded again (a later reindex would read its articles twice, each
    a duplicate id), and a recorded one inside a new folder gives way to it."""
    def inside(path: str, folder: str) -> bool:
        return path != folder and path.startswith(folder.rstrip(os.sep) + os.sep)

    every = set(recorded) | set(_sources(paths))
    folders = [s for s in every if os.path.isdir(s)]
    return sorted(s for s in every if not any(inside(s, f) for f in folders))


def _outermost(paths: list[Path]) -> list[Path]:
    """*paths* without those inside another one given (or given twice): each file is read
    once, under the id the outermost folder gives (``index ov ov/sub`` read ov/sub's
    files twice, as ``sub/x`` and ``x``)."""
    resolved = [(path, path.resolve()) for path in paths]
    folders = {real for _, real in resolved if real.is_dir()}
    out: list[Path] = []
    taken: set[Path] = set()
    for path, real in resolved:
        if real in taken or any(parent in folders for parent in real.parents):
            continue
        taken.add(real)
        out.append(path)
    return out


def _disk_full(err: BaseException) -> bool:
    return isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT)


def _free_bytes(folder: Path) -> int:
    info = os.statvfs(folder)
    return info.f_bavail * info.f_frsize


def _input_bytes(paths: Iterable[Path]) -> int:
    total = 0
    for item in parsing.walk(paths):
        if not isinstance(item, parsing.Unread):
            total += _size(item[0])
    return total


def _needed_for(gen: Path, paths: list[Path], written: int) -> int:
    """About how much room indexing *paths* takes: their size times the live index's
    bytes per byte of its sources (3 for an empty index), and more than was written;
    plus the live postings, which the run writes again beside the old ones, and the
    new postings twice (in parts, then joined)."""
    ratio = 3.0
    with contextlib.suppress(OSError, ValueError):
        sources = _input_bytes(Path(s) for s in read_meta(gen).get("sources", []) if Path(s).exists())
        if sources > (1 << 20):  # below, the index's fixed overhead says nothing
            ratio = max(1.0, _tree_bytes(gen) / sources)
    live = sum(_size(p) for p in gen.glob(f"{postings.LAYOUT_PREFIX}*{postings.SUFFIX}"))
    return live + max(int(_input_bytes(paths) * ratio * 1.7), written + (1 << 20))


def update(
    root: Path,
    paths: list[Path],
    procs: int = 1,
    progress: Progress | None = None,
    wait: bool = False,
    curated: officials_mod.Curated | None = None,
    prune: bool = False,
) -> IndexReport:
    """Index the articles under *paths* into the index at *root* (created if need be).
    With *prune*, a file or folder now holding far fewer articles than were indexed from
    it gives up the others (without, they are kept: see :func:`_held`), and a file with a
    line that cannot be read those it no longer holds (:func:`_prunable`).

    A path whose name is no UTF-8 is refused before anything is written; a path inside
    another one given is left out (its files are read once, under the outer one's ids)."""
    for path in paths:
        if not path.exists():
            raise TimtinError(f"{path}: no such file or folder")
        if unnamable(str(path.resolve())):
            raise TimtinError(f"{shown_name(str(path.resolve()))}: nothing was indexed: {RENAME}")
    paths = _outermost(paths)
    report = IndexReport()
    with write_lock(root, wait=wait):
        _cleanup(root, report.notes)
        gen = current_generation(root)
        if gen is None:
            gen = _create_generation(root, _new_generation_name(root))
            _write_meta(gen, _new_meta([]))
            _set_current(root, gen)
        check_schema(gen)
        ix = _open_index(str(gen))
        existing = _existing(ix)
        before = _tree_bytes(gen)
        written = None
        meta = read_meta(gen)  # made before the commit: a commit never goes without its sources recorded
        meta["sources"] = _merged_sources(meta.get("sources", []), paths)
        try:
            # the index's other sources: a link to one is not followed (its files have their own ids)
            _write(ix, gen, paths, procs, progress, report, existing, curated, prune=prune,
                   elsewhere=[Path(s) for s in meta["sources"]])
            meta["updated"] = time.time()
            integrity.record(gen, meta)
            _write_meta(gen, meta)
            _keep_stories(gen, report)
            _remove_stale(root, gen, report.notes, name_the_rest=True)  # a killed rebuild: older than this commit
        except OSError as err:
            if not _disk_full(err):
                raise
            written = max(0, _tree_bytes(gen) - before)
        if written is not None:  # out of the except block: the failed writer's files are closed now
            gc.collect()
            _remove_orphans(gen, [])
            for stray in root.glob("*.tmp"):
                stray.unlink(missing_ok=True)
            raise DiskFull(root, _free_bytes(root), _needed_for(gen, paths, written))
    return report


def _old_articles(old: Path, notes: list[str]) -> dict | None:
    """What :func:`_existing` gives of the generation *old* a rebuild replaces, or None.

    An index from before schema 11 is not opened: its Whoosh schema may name classes this
    one no longer has (schema 7's ``CountedText``). Nor, with a note, one that cannot be
    read (damaged). Either is rebuilt from its sources all the same (what "run timtin
    reindex" promises)."""
    version = read_meta(old).get("schema_version")
    if version != schema.SCHEMA_VERSION:
        notes.append(f"The index was built by another version of timtin (schema {version}); "
                     f"rebuilt for this one (schema {schema.SCHEMA_VERSION}) from its sources.")
    if not (isinstance(version, int) and version >= 11):
        return None
    try:
        return _existing(_open_index(str(old)))
    except Exception as err:  # noqa: BLE001 - a damaged index is what a rebuild is for
        notes.append(f"The index could not be read ({type(err).__name__}: {err}); rebuilt from its sources "
                     "without it.")
        return None



def reindex(
    root: Path,
    procs: int = 1,
    progress: Progress | None = None,
    wait: bool = False,
    drop_missing: bool = False,
    curated: officials_mod.Curated | None = None,
    prune: bool = False,
) -> IndexReport:
    """Rebuild the index from its recorded sources and swap it in when complete.

    The articles of a source that cannot be read whole, or a file or folder that now holds
    far fewer (:func:`_held`), are carried from the live generation; *drop_missing* rebuilds
    without the sources gone, *prune* without the articles a file or folder that is still
    there no longer holds (as ``index --prune``; two options, so a cron that always drops
    gone sources keeps the file rule). ``report.removed`` counts the articles of the live
    generation the new one leaves out."""
    report = IndexReport()
    with write_lock(root, wait=wait):
        _cleanup(root, report.notes)
        old = require_generation(root)
        meta = read_meta(old)
        sources = [Path(s) for s in meta.get("sources", [])]
        missing = [s for s in sources if not s.exists()]
        if missing and not drop_missing:
            raise TimtinError(
                "These sources of the index are gone: "
                + ", ".join(map(str, missing))
                + ". Restore them, or run reindex --drop-missing to rebuild without their articles."
            )
        sources = [s for s in sources if s.exists()]
        # The file each id was last indexed from: where an id is in two sources, the
        # version indexed last is the one the index holds, whatever the path order.
        # (a file since gone gives up its ids to the other copies)
        present: dict[str, bool] = {}

        def exists(origin: str) -> bool:
            if origin not in present:
                present[origin] = os.path.exists(origin)
            return present[origin]

        # read once: the file each id was taken from (among files still there; an index not
        # read tells none, and an id in two sources keeps the copy read first), and the
        # articles of sources that cannot be read whole, carried from the old generation
        old_articles = _old_articles(old, report.notes)
        owners = {doc_id: origin for doc_id, (_, origin, _) in (old_articles or {}).items() if exists(origin)}
        name = _new_generation_name(root)
        tmp = root / (name + ".tmp")
        written = None
        try:
            tmp = _create_generation(root, name + ".tmp")
            ix = _open_index(str(tmp))
            uncarried = _write(ix, tmp, sources, procs, progress, report, {}, curated, owners,
                               carry=None if old_articles is None else (old, old_articles), rebuild=True,
                               prune=prune)
            if uncarried:
                del ix
                gc.collect()
                shutil.rmtree(tmp, ignore_errors=True)
                shown = ", ".join(uncarried[:5]) + (f" and {len(uncarried) - 5} more" if len(uncarried) > 5 else "")
                raise TimtinError(
                    f"Rebuild stopped; the index is left as it was. {shown} cannot be read whole, and "
                    "the index being rebuilt (another timtin's, or damaged) cannot give back the articles "
                    "indexed from them. Fix those files, or move them out if you meant to drop their "
                    "articles, and run reindex again")
            meta = _new_meta([str(s) for s in sources])
            integrity.record(tmp, meta)
            _write_meta(tmp, meta)
            _keep_stories(tmp, report)
            _fsync_tree(tmp)
        except OSError as err:
            if not _disk_full(err):
                raise
            written = _tree_bytes(tmp)
        if written is not None:  # out of the except block: the failed writer's files are closed now
            gc.collect()
            shutil.rmtree(tmp, ignore_errors=True)
            for stray in root.glob("*.tmp"):
                stray.unlink(missing_ok=True)
            # a rebuild takes about as much room as the index it replaces, and each segment
            # is written twice (its parts, then joined) before the parts go
            largest = max((p.stat().st_size for p in old.glob("*.seg")), default=0)
            raise DiskFull(root, _free_bytes(root), max(_tree_bytes(old) + largest, written + (1 << 20)))
        final = root / name
        os.rename(tmp, final)
        _fsync_dir(root)
        _set_current(root, final)
        _cleanup(root, report.notes)
    return report
