"""Build and update the index on disk, safely.

An index folder holds generations of a Whoosh index and a pointer to the live one::

    var/index/
        CURRENT            name of the live generation, replaced atomically
        gen-0003/          a Whoosh index, plus timtin.json (the sources indexed)
        gen-0002/          the one before, kept while searchers may still read it
        write.lock         held (flock) by the one process writing

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
import fcntl
import hashlib
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import Prefix, Term

from indexer import officials as officials_mod
from indexer import parsing, schema
from indexer.errors import IndexBusy, IndexNotFound, TimtinError
from indexer.models import Article, IndexReport, Problem

CURRENT = "CURRENT"
LOCK = "write.lock"
META = "timtin.json"
KEEP_GENERATIONS = 2

Progress = Callable[[int, int], None]  # (files done, files in all)


# -- generations ---------------------------------------------------------------

def current_generation(root: Path) -> Path | None:
    """The folder of the live generation, or None when there is no index."""
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    gen = root / name
    return gen if name and gen.is_dir() else None


def require_generation(root: Path) -> Path:
    gen = current_generation(root)
    if gen is None:
        raise IndexNotFound(root)
    return gen


def _generations(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("gen-*") if p.is_dir() and not p.name.endswith(".tmp"))


def _new_generation_name(root: Path) -> str:
    numbers = [int(p.name.split("-")[1].split(".")[0]) for p in root.glob("gen-*")
               if p.name.split("-")[1].split(".")[0].isdigit()]
    return f"gen-{max(numbers, default=0) + 1:04d}"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for file in folder.iterdir():
        if file.is_file():
            with open(file, "rb") as fh:
                os.fsync(fh.fileno())
    _fsync_dir(folder)


def read_meta(gen: Path) -> dict:
    try:
        return json.loads((gen / META).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"sources": []}


def _new_meta(sources: list[str]) -> dict:
    return {"sources": sources, "created": time.time(), "schema_version": schema.SCHEMA_VERSION}


def check_schema(gen: Path) -> None:
    """Refuse to write to (or read from) an index built by another timtin schema."""
    version = read_meta(gen).get("schema_version")
    if version != schema.SCHEMA_VERSION:
        raise TimtinError(
            f"The index at {gen.parent} was built by another version of timtin "
            f"(schema {version}, this one reads {schema.SCHEMA_VERSION}). Run \"timtin reindex\" to rebuild it."
        )


def _write_meta(gen: Path, meta: dict) -> None:
    _write_atomic(gen / META, json.dumps(meta, ensure_ascii=False, indent=2))


def _cleanup(root: Path, notes: list[str]) -> None:
    """Remove unfinished reindex folders and generations no searcher needs."""
    live = current_generation(root)
    for tmp in root.glob("gen-*.tmp"):
        shutil.rmtree(tmp, ignore_errors=True)
        notes.append(f"Removed {tmp.name}, left by an interrupted reindex.")
    for stray in root.glob("*.tmp"):
        if stray.is_file():
            stray.unlink(missing_ok=True)
    old = [g for g in _generations(root) if g != live]
    for gen in old[: max(0, len(old) - (KEEP_GENERATIONS - 1))]:
        shutil.rmtree(gen, ignore_errors=True)


@contextlib.contextmanager
def write_lock(root: Path, wait: bool = False) -> Iterator[None]:
    """Hold the index's write lock; raise :class:`IndexBusy` if another process has it."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK, "a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise IndexBusy(
                f"Another timtin index or reindex ({holder}) is writing {root}. "
                "Wait for it to finish, or run again with --wait."
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


def _create_generation(root: Path, name: str) -> Path:
    gen = root / name
    gen.mkdir(parents=True)
    whoosh_index.create_in(str(gen), schema.make_schema())
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


def _read_one(job) -> tuple[str, list[Article | Problem]]:
    file, root, shown, curated = job
    return str(file.resolve()), parsing.read_file(file, root, shown, curated)


def _read_all(paths: Iterable[Path], procs: int, progress: Progress | None, curated):
    """Yield (origin, items) for each file, reading in *procs* processes."""
    jobs = [(file, root, str(file), curated) for file, root in parsing.find_files(paths)]
    total = len(jobs)
    if progress:
        progress(0, total)
    if procs > 1 and total > 1:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(procs) as pool:
            for done, item in enumerate(pool.imap(_read_one, jobs, chunksize=4), start=1):
                yield item
                if progress:
                    progress(done, total)
    else:
        for done, job in enumerate(jobs, start=1):
            yield _read_one(job)
            if progress:
                progress(done, total)


def _existing(ix) -> dict[str, tuple[str, str]]:
    """id -> (hash, origin) of every live document."""
    out: dict[str, tuple[str, str]] = {}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count() == 0:
            return out
        ids = reader.column_reader("id")
        hashes = reader.column_reader("hash")
        origins = reader.column_reader("origin")
        for docnum in reader.all_doc_ids():
            out[ids[docnum]] = (hashes[docnum], origins[docnum])
    return out


# -- writing -------------------------------------------------------------------

def _write(
    ix,
    paths: list[Path],
    procs: int,
    progress: Progress | None,
    report: IndexReport,
    existing: dict[str, tuple[str, str]],
    curated: officials_mod.Curated | None,
) -> None:
    """Add, update and remove articles of *paths* in *ix*, in one commit."""
    writer = ix.writer(procs=procs, multisegment=True) if procs > 1 else ix.writer()
    try:
        seen: dict[str, str] = {}  # id -> where it was first read
        files_read: set[str] = set()
        files_intact: set[str] = set()  # read with no article skipped
        for origin, items in _read_all(paths, procs, progress, curated):
            files_read.add(origin)
            intact = True
            for item in items:
                if isinstance(item, Problem):
                    report.problems.append(item)
                    intact = intact and not item.skipped
                    continue
                if item.id in seen:
                    report.problems.append(Problem(
                        item.where or origin,
                        f'id "{item.id}" is already used by {seen[item.id]}; '
                        "give each article its own id (this one was skipped)",
                    ))
                    intact = False
                    continue
                seen[item.id] = item.where or origin
                digest = content_hash(item, curated)
                old = existing.get(item.id)
                if old and old[0] == digest:
                    report.unchanged += 1
                    continue
                doc = schema.to_document(item, digest)
                if old:
                    writer.update_document(**doc)
                    report.updated += 1
                else:
                    writer.add_document(**doc)
                    report.added += 1
            if intact:
                files_intact.add(origin)
        # Articles whose file left a folder indexed again, or left a file read whole.
        folders = [str(p.resolve()) + os.sep for p in paths if p.is_dir()]
        for doc_id, (_, origin) in existing.items():
            if doc_id in seen:
                continue
            gone = origin not in files_read and any(origin.startswith(f) for f in folders)
            dropped = origin in files_intact
            if gone or dropped:
                writer.delete_by_term("id", doc_id)
                report.removed += 1
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def _sources(paths: Iterable[Path]) -> list[str]:
    return [str(p.resolve()) for p in paths]


def update(
    root: Path,
    paths: list[Path],
    procs: int = 1,
    progress: Progress | None = None,
    wait: bool = False,
    curated: officials_mod.Curated | None = None,
) -> IndexReport:
    """Index the articles under *paths* into the index at *root* (created if need be)."""
    for path in paths:
        if not path.exists():
            raise TimtinError(f"{path}: no such file or folder")
    report = IndexReport()
    with write_lock(root, wait=wait):
        _cleanup(root, report.notes)
        gen = current_generation(root)
        if gen is None:
            gen = _create_generation(root, _new_generation_name(root))
            _write_meta(gen, _new_meta([]))
            _set_current(root, gen)
        check_schema(gen)
        ix = whoosh_index.open_dir(str(gen))
        existing = _existing(ix)
        _write(ix, paths, procs, progress, report, existing, curated)
        meta = read_meta(gen)
        meta["sources"] = sorted(set(meta.get("sources", [])) | set(_sources(paths)))
        meta["updated"] = time.time()
        _write_meta(gen, meta)
    return report


def reindex(
    root: Path,
    procs: int = 1,
    progress: Progress | None = None,
    wait: bool = False,
    drop_missing: bool = False,
    curated: officials_mod.Curated | None = None,
) -> IndexReport:
    """Rebuild the index from its recorded sources and swap it in when complete."""
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
        name = _new_generation_name(root)
        tmp = _create_generation(root, name + ".tmp")
        ix = whoosh_index.open_dir(str(tmp))
        _write(ix, sources, procs, progress, report, {}, curated)
        if procs > 1:
            ix.optimize()  # one segment searches faster than one per process
        _write_meta(tmp, _new_meta([str(s) for s in sources]))
        _fsync_tree(tmp)
        final = root / name
        os.rename(tmp, final)
        _fsync_dir(root)
        _set_current(root, final)
        _cleanup(root, report.notes)
    return report
