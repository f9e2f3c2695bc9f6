"""The index folder on disk: the pointer to the live generation, the generations, and
the files each holds besides Whoosh's. Indexing writes them, searching reads them;
both go through here::

    var/index/
        CURRENT            name of the live generation, replaced atomically
        gen-0003/          a Whoosh index, plus timtin.json (the sources indexed, the
                           schema version, each file's size and digest: :mod:`indexer.integrity`), the postings of its titles and bodies
                           (postings-<n>.tpl, one per Whoosh commit: :mod:`indexer.postings`
                           names and writes them) and each segment's vocabulary
                           (vocab-<segment>.json); the stories its copies make
                           (stories-<n>-<rules>.bin, written by whoever groups them
                           first: :mod:`indexer.snapshot`), and stories.lock
        gen-0002/          the one before, kept while searchers may still read it
        write.lock         held (flock) by the one process writing
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from indexer import schema
from indexer.errors import IndexBusy, IndexNotFound, IndexOutdated, TimtinError

CURRENT = "CURRENT"
LOCK = "write.lock"
META = "timtin.json"
KEEP_GENERATIONS = 2
VOCAB_PREFIX = "vocab-"
STORIES_PREFIX = "stories-"
STORIES_LOCK = "stories.lock"


def stories_name(generation: int, rules: str) -> str:
    """The file of the stories of Whoosh generation *generation*, grouped by the rules
    whose fingerprint is *rules* (other rules, another file)."""
    return f"{STORIES_PREFIX}{generation:06d}-{rules}.bin"


def current_generation(root: Path) -> Path | None:
    """The folder of the live generation, or None when there is no index.

    A ``CURRENT`` pointer missing, empty or naming no folder, beside generations, is
    damage, not an empty index: the newest generation is the live one (a generation
    folder is only ever named when complete), so nothing starts a new index beside it
    and the next rebuild's cleanup never deletes it (:func:`pointer_lost`). Newest by
    number, not by the clock its record gives (a clock set back chose an older one, and
    the live one was deleted as a leftover: a reviewer's finding); a rebuild killed before
    it swapped ``CURRENT`` is removed by the next run while the pointer still names the
    live one (``indexing._cleanup``)."""
    gen = _pointed(root)
    if gen is None:
        complete = generations(root)
        return complete[-1] if complete else None
    return gen


def written(gen: Path) -> float:
    """When the generation *gen* last committed, by its record (0 if it tells none)."""
    try:
        meta = json.loads((gen / META).read_text(encoding="utf-8"))
        return max(float(meta.get("updated") or 0), float(meta.get("created") or 0))
    except (OSError, ValueError, TypeError, AttributeError):
        return 0.0


def _pointed(root: Path) -> Path | None:
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return None
    gen = root / name
    return gen if _GENERATION.fullmatch(name) and gen.is_dir() else None


def pointer_lost(root: Path) -> bool:
    """Whether ``CURRENT`` is unusable while generations are there (see :func:`current_generation`)."""
    return _pointed(root) is None and bool(generations(root))


def require_generation(root: Path) -> Path:
    gen = current_generation(root)
    if gen is None:
        raise IndexNotFound(root)
    return gen


_GENERATION = re.compile(r"gen-\d{4,}")  # a complete generation's folder (not gen-0001.tmp, .bak, ".")


def generations(root: Path) -> list[Path]:
    """The complete generations, oldest first (by number: gen-10000 after gen-9999)."""
    found = [p for p in root.glob("gen-*") if _GENERATION.fullmatch(p.name) and p.is_dir()]
    return sorted(found, key=lambda p: int(p.name[4:]))


def new_generation_name(root: Path) -> str:
    numbers = [int(p.name.split("-")[1].split(".")[0]) for p in root.glob("gen-*")
               if p.name.split("-")[1].split(".")[0].isdigit()]
    return f"gen-{max(numbers, default=0) + 1:04d}"


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(folder: Path) -> None:
    for file in folder.iterdir():
        if file.is_file():
            with open(file, "rb") as fh:
                os.fsync(fh.fileno())
    fsync_dir(folder)


def read_meta(gen: Path) -> dict:
    try:
        return json.loads((gen / META).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"sources": []}
    except ValueError as err:  # garbage: not JSON, not UTF-8
        raise TimtinError(f"{gen / META}: the index's record of its sources and layout cannot be read ({err}), "
                          "so it can be neither used nor rebuilt from them. Index the sources again into a new "
                          "folder (timtin index SOURCES --index NEW_FOLDER)") from None


def new_meta(sources: list[str]) -> dict:
    return {"sources": sources, "created": time.time(), "schema_version": schema.SCHEMA_VERSION}


def check_schema(gen: Path) -> None:
    """Refuse to write to (or read from) an index built by another timtin schema."""
    version = read_meta(gen).get("schema_version")
    if version != schema.SCHEMA_VERSION:
        raise IndexOutdated(gen.parent, version, schema.SCHEMA_VERSION)


def write_meta(gen: Path, meta: dict) -> None:
    # ASCII escapes: a source's name that is no UTF-8 (held as surrogates) is written and read back
    write_atomic(gen / META, json.dumps(meta, ensure_ascii=True, indent=2))


@contextlib.contextmanager
def hold_lock(path: Path, wait: bool, busy: Callable[[str], str]) -> Iterator[None]:
    """Hold the lock file *path* (an ``flock``, which the kernel releases when its holder
    dies: no stale lock); when another process holds it, wait, or raise
    :class:`IndexBusy` with ``busy(holder)``. The file holds the holder's pid, written
    unbuffered: on a full disk the pid is left out, and the lock (which needs no space)
    still holds."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise IndexBusy(busy(holder)) from None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
