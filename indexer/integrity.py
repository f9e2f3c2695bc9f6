"""Whether an index's files are still what was written (``timtin check``).

A bad sector, a file changed by hand or a copy cut short makes searches answer wrong
without a word: Whoosh keeps no checksums, and the postings arrays are read as they are
(an attacker changed bytes inside one and every search went on, answering from them).
So each commit records, in its generation's record (``timtin.json``, under ``files``),
the size and a BLAKE2b digest of every file its Whoosh generation reads: the table of
contents, the segments' files and vocabularies, the postings file. A segment never
changes once written, so its digest is carried from commit to commit and only the files
new since (just written: in the page cache) are read. :func:`check` reads them all again
and says which differ, and checks what can be checked without digests too (an index
written before them has none): the postings arrays' order and bounds, every stored
article. (The stories file is not checked: it carries its own digest, and one damaged is
grouped again when the index is next opened.)
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from indexer import postings, whoosh_private
from indexer.layout import META, check_schema, read_meta, require_generation

DIGESTS = "files"  # the record's key: file name -> [size, hex digest]
_BLOCK = 1 << 20


def _digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while block := fh.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def live_files(gen: Path, recorded: dict | None = None) -> tuple[int, list[str]]:
    """The latest Whoosh generation of *gen* and the names of the files it reads: its
    table of contents, each segment's files (vocabulary included), the postings file;
    with those of its segments *recorded* that are gone."""
    ix = FileStorage(str(gen), supports_mmap=False).open_index()
    whoosh_gen = ix.latest_generation()
    ids = [segment.segment_id() for segment in whoosh_private.segments(ix)]
    names = [f"_{ix.indexname}_{whoosh_gen}.toc", postings.layout_name(whoosh_gen)]
    names += sorted(name for name in {*os.listdir(gen), *(recorded or ())} if any(segid in name for segid in ids))
    return whoosh_gen, names


def record(gen: Path, meta: dict) -> None:
    """Put in *meta* (the generation's record, written after a commit) the size and
    digest of each file the commit reads. A file an earlier commit recorded keeps its
    record: a name is written once (a segment's files, a generation's table of contents
    and postings), so one that reads otherwise now is damage to find, not to record."""
    known = meta.get(DIGESTS) or {}
    meta[DIGESTS] = {name: known.get(name) or [(gen / name).stat().st_size, _digest(gen / name)]
                     for name in live_files(gen)[1]}


@dataclass
class Checked:
    """What :func:`check` found: the generation, its articles and files, and each fault."""

    gen: Path
    articles: int = 0
    files: int = 0
    unrecorded: int = 0  # files read with no digest recorded (an index older than them, or a run stopped)
    faults: list[str] = field(default_factory=list)


# How often :func:`check` reads the index again when a commit replaced what it was reading
ATTEMPTS = 3


def check(root: Path) -> Checked:
    """Read the live generation of the index at *root* whole and say what is damaged.

    No lock is taken, so an ``index`` run (a cron's, a ``fetch --every``) is never kept
    waiting or refused; one that commits while the index is read makes it read again
    (the generation or its Whoosh commit changed), at most :data:`ATTEMPTS` times."""
    for _ in range(ATTEMPTS):
        gen = require_generation(root)
        check_schema(gen)
        before = _commit_of(gen)
        found = _check(gen)
        if require_generation(root) == gen and _commit_of(gen) == before:
            return found
    found.faults.append(f"{root}: the index changed while it was read, {ATTEMPTS} times: run check again "
                        "once the index runs are done")
    return found


def _commit_of(gen: Path) -> tuple:
    """What tells one commit of *gen* from the next: its Whoosh generation and record."""
    meta = gen / META
    try:
        return FileStorage(str(gen), supports_mmap=False).open_index().latest_generation(), meta.stat().st_mtime_ns
    except Exception:  # (a damaged table of contents: :func:`_check` names it)
        return None, None


def _check(gen: Path) -> Checked:
    found = Checked(gen)
    recorded = read_meta(gen).get(DIGESTS) or {}
    try:
        whoosh_gen, names = live_files(gen, recorded)
    except Exception as err:  # whatever a damaged file makes Whoosh raise (zlib, struct, pickle...): damage
        found.faults.append(f"{gen}: the index's table of contents cannot be read ({type(err).__name__}: {err})")
        return found
    found.files = len(names)
    for name in names:
        path = gen / name
        if not path.exists():
            found.faults.append(f"{path}: missing (the index needs it)")
            continue
        was = recorded.get(name)
        if was is None:
            found.unrecorded += 1
            continue
        if not (isinstance(was, list) and len(was) == 2):
            found.faults.append(f"{gen / META}: the record of {name} cannot be read ({was!r})")
            continue
        size, digest = was
        if path.stat().st_size != size:
            found.faults.append(f"{path}: {path.stat().st_size:,} bytes, where {size:,} were written")
        elif _digest(path) != digest:
            found.faults.append(f"{path}: its bytes are not those written (same size, other contents)")
    layout = gen / postings.layout_name(whoosh_gen)
    try:
        docs = _check_documents(gen, found)
        if layout.exists():
            for fault in postings.check(layout, docs):
                found.faults.append(f"{layout}: {fault}")
    except Exception as err:  # (as above)
        found.faults.append(f"{gen}: the index cannot be read whole ({type(err).__name__}: {err})")
    return found


def _check_documents(gen: Path, found: Checked) -> int:
    """Read every stored article of *gen* (a damaged one fails to decode); the number of
    documents (deleted ones included), which the postings must stay under."""
    ix = FileStorage(str(gen), supports_mmap=False).open_index()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        size = reader.doc_count_all()
        for doc in range(size):
            if reader.is_deleted(doc):
                continue
            try:
                searcher.stored_fields(doc)
            except Exception as err:  # (as above)
                found.faults.append(f"{gen}: stored article {doc} cannot be read ({type(err).__name__})")
                continue
            found.articles += 1
    return size
