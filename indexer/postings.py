"""The postings of the text fields, laid out as arrays on disk.

Whoosh keeps the articles (stored fields, columns, officials) and decides, commit by
commit, which documents an index holds; the words and pairs of titles and bodies are
kept here instead, in one file per Whoosh generation (``postings-000007.tpl``) that a
search reads straight into numpy arrays, with no decoding:

=========  =========  ===============================================================
array      dtype      what
=========  =========  ===============================================================
keys       uint64     a 64-bit hash of each term (field and text), sorted
starts     int64      where each term's postings start (one more entry, the end)
docs       int32      document numbers, ascending within a term
tfs        uint16     how often the term occurs in the document
=========  =========  ===============================================================

A term is found by a binary search in ``keys`` (memory-mapped: only the pages
touched are read), its postings by one read of each array. Term text is not kept:
the words themselves are in the vocabularies beside the segments, and the spellings
of a pair are their products (:meth:`Layout.df_many`). Two terms of one index
sharing a 64-bit hash is a chance of about three in a million at 10 million terms
(it would merge their postings).

An index run writes one small *part* per new segment (:class:`PartWriter`, in the
worker processes) and :func:`merge` joins the previous generation's file and the
parts into the next one before Whoosh commits it, so a search that sees a
generation always finds its file. Files are written under a ``.tmp`` name, their room
taken first, and renamed when complete.
"""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from pathlib import Path

import numpy as np

MAGIC = b"TIMTINP1"
SUFFIX = ".tpl"
LAYOUT_PREFIX = "postings-"
PART_PREFIX = "part-"
MAX_TF = np.iinfo(np.uint16).max
_ARRAYS = (("keys", np.uint64), ("starts", np.int64), ("docs", np.int32), ("tfs", np.uint16))
_CHUNK = 4_000_000  # postings copied at a time when merging


def layout_name(generation: int) -> str:
    return f"{LAYOUT_PREFIX}{generation:06d}{SUFFIX}"


def part_name(segment_id: str) -> str:
    return f"{PART_PREFIX}{segment_id}{SUFFIX}"


def term_key(fieldname: str, term: str) -> int:
    """The 64-bit key of a term of a field."""
    return int.from_bytes(_digest(fieldname, term), "little")


def _digest(fieldname: str, term: str) -> bytes:
    return hashlib.blake2b(f"{fieldname}\x00{term}".encode("utf-8"), digest_size=8).digest()


def term_keys(fieldname: str, terms) -> np.ndarray:
    """The keys of many terms of a field, as uint64."""
    return np.frombuffer(b"".join([_digest(fieldname, t) for t in terms]), "<u8").astype(np.uint64)


# -- writing ---------------------------------------------------------------------

class _Output:
    """A layout file being written under a ``.tmp`` name: the room for arrays of the
    given sizes is taken first (a full disk is an error here), then parts of each
    array are written at their place, and :meth:`finish` renames it when complete."""

    def __init__(self, path: Path, docs_count: int, sizes: dict[str, int]) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        header = {"docs": int(docs_count), "sizes": {k: int(v) for k, v in sizes.items()}}
        head = json.dumps(header).encode("utf-8")
        at = len(MAGIC) + 8 + len(head)
        self.offsets = {}
        for name, dtype in _ARRAYS:
            at += -at % 8
            self.offsets[name] = at
            at += sizes[name] * np.dtype(dtype).itemsize
        self.fd = os.open(self.tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
        try:
            os.posix_fallocate(self.fd, 0, max(at, 1))
            os.pwrite(self.fd, MAGIC + len(head).to_bytes(8, "little") + head, 0)
        except BaseException:
            self.close()
            raise

    def put(self, name: str, at: int, values: np.ndarray) -> None:
        """Write *values* as entries at.. of array *name*."""
        dtype = dict(_ARRAYS)[name]
        data = np.ascontiguousarray(values, dtype=dtype).tobytes()
        done = 0
        while done < len(data):
            done += os.pwrite(self.fd, data[done:], self.offsets[name] + at * np.dtype(dtype).itemsize + done)

    def finish(self) -> None:
        os.fsync(self.fd)
        self.close()
        os.replace(self.tmp, self.path)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _write(path: Path, docs_count: int, arrays: dict[str, np.ndarray]) -> None:
    """Write a layout file of whole *arrays* at *path*."""
    out = _Output(path, docs_count, {name: len(arrays[name]) for name, _ in _ARRAYS})
    try:
        for name, _ in _ARRAYS:
            out.put(name, 0, arrays[name])
        out.finish()
    finally:
        out.close()


class PartWriter:
    """Collects the counted terms of one segment's documents; :meth:`write` lays them out."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        self.fields = fields
        self.ids: dict[str, dict[str, int]] = {f: {} for f in fields}
        self.tids = {f: array("i") for f in fields}
        self.tfs = {f: array("i") for f in fields}
        self.docs = {f: array("i") for f in fields}
        self.count = 0  # documents
        self.postings = 0

    def add(self, doc: dict) -> None:
        """Add the next document (its number in the segment is the count so far)."""
        for fieldname in self.fields:
            counts = doc[fieldname]
            ids = self.ids[fieldname]
            self.tids[fieldname].extend([ids.setdefault(t, len(ids)) for t in counts])
            self.tfs[fieldname].extend(counts.values())
            self.docs[fieldname].extend([self.count] * len(counts))
            self.postings += len(counts)
        self.count += 1

    def arrays(self) -> dict[str, np.ndarray]:
        keys, docs, tfs = [], [], []
        for fieldname in self.fields:
            distinct = term_keys(fieldname, self.ids[fieldname])
            keys.append(distinct[np.frombuffer(self.tids[fieldname], np.int32)])
            docs.append(np.frombuffer(self.docs[fieldname], np.int32))
            tfs.append(np.frombuffer(self.tfs[fieldname], np.int32))
        return _sorted(np.concatenate(keys) if keys else np.zeros(0, np.uint64),
                       np.concatenate(docs) if docs else np.zeros(0, np.int32),
                       np.concatenate(tfs) if tfs else np.zeros(0, np.int32))

    def write(self, path: Path) -> None:
        _write(path, self.count, self.arrays())


def _sorted(keys: np.ndarray, docs: np.ndarray, tfs: np.ndarray) -> dict[str, np.ndarray]:
    """Arrays of a layout from one (key, doc, tf) triple per posting."""
    order = np.argsort(keys, kind="stable")  # documents were added in order
    keys, docs, tfs = keys[order], docs[order], tfs[order]
    distinct, starts = np.unique(keys, return_index=True)
    return {"keys": distinct, "starts": np.append(starts, len(keys)).astype(np.int64),
            "docs": docs.astype(np.int32), "tfs": np.minimum(tfs, MAX_TF).astype(np.uint16)}


def empty(path: Path) -> None:
    """An empty layout (an index of no documents)."""
    _write(path, 0, {"keys": np.zeros(0, np.uint64), "starts": np.zeros(1, np.int64),
                     "docs": np.zeros(0, np.int32), "tfs": np.zeros(0, np.uint16)})


def merge(sources: list[tuple[Path, int]], docs_count: int, path: Path) -> None:
    """Write at *path* the layout of *sources*, each (layout file, number of its first
    document), given in the order of their documents.

    The terms are written in runs of about ``_CHUNK`` postings: for each run, every
    source's postings of those terms (one stretch of each source, as all are sorted
    by key) are read, set in place and written, so memory stays bounded whatever the
    size of the index."""
    layouts = [Layout(p) for p, _ in sources]
    try:
        # the sources' arrays are read, not mapped: mapped pages touched count in the
        # process's memory until it ends (442 MB joining 60 parts of 100,000 articles)
        keys = _union([lambda lay=lay: lay.whole("keys") for lay in layouts])
        df = np.zeros(len(keys), np.int64)
        for lay in layouts:
            df[np.searchsorted(keys, lay.whole("keys"))] += np.diff(lay.whole("starts"))
        starts = np.zeros(len(keys) + 1, np.int64)
        np.cumsum(df, out=starts[1:])
        del df
        out = _Output(path, docs_count, {"keys": len(keys), "starts": len(starts),
                                         "docs": int(starts[-1]), "tfs": int(starts[-1])})
        try:
            out.put("keys", 0, keys)
            out.put("starts", 0, starts)
            t0 = 0
            while t0 < len(keys):
                t1 = int(np.searchsorted(starts, starts[t0] + _CHUNK, side="right")) - 1
                t1 = min(len(keys), max(t1, t0 + 1))
                base, size = int(starts[t0]), int(starts[t1] - starts[t0])
                docs, tfs = np.empty(size, np.int32), np.empty(size, np.uint16)
                fill = starts[t0:t1] - base  # where the next posting of each term goes in this run
                for lay, (_, first_doc) in zip(layouts, sources):
                    a = int(np.searchsorted(lay.keys, keys[t0]))
                    b = int(np.searchsorted(lay.keys, keys[t1 - 1], side="right"))
                    if a == b:
                        continue
                    lay_starts = lay._read("starts", np.int64, a, b + 1)
                    place = np.searchsorted(keys[t0:t1], lay._read("keys", np.uint64, a, b))
                    counts = np.diff(lay_starts)
                    lo, hi = int(lay_starts[0]), int(lay_starts[-1])
                    dest = np.repeat(fill[place] - (lay_starts[:-1] - lo), counts) + np.arange(hi - lo)
                    docs[dest] = lay._read("docs", np.int32, lo, hi) + first_doc
                    tfs[dest] = lay._read("tfs", np.uint16, lo, hi)
                    fill[place] += counts
                out.put("docs", base, docs)
                out.put("tfs", base, tfs)
                t0 = t1
            out.finish()
        finally:
            out.close()
    finally:
        for lay in layouts:
            lay.close()


def _union(readers: list, batch: int = 8) -> np.ndarray:
    """The sorted distinct keys of the arrays *readers* give, joined a few at a time:
    all at once, the keys of 60 parts (each repeating the common terms) took 900 MB."""
    keys = np.zeros(0, np.uint64)
    for i in range(0, len(readers), batch):
        keys = np.unique(np.concatenate([keys, *(read() for read in readers[i:i + batch])]))
    return keys


# -- reading -----------------------------------------------------------------------

def _header(path: Path) -> tuple[dict, int]:
    """A layout file's header, and where its arrays begin."""
    with open(path, "rb") as fh:
        if fh.read(len(MAGIC)) != MAGIC:
            raise ValueError(f"{path}: not a timtin postings file")
        size = int.from_bytes(fh.read(8), "little")
        header = json.loads(fh.read(size).decode("utf-8"))
    return header, len(MAGIC) + 8 + size


def check(path: Path, docs_count: int) -> list[str]:
    """What is wrong with the layout file at *path*, by its own rules (``timtin check``):
    keys ascending, each term's postings in bounds and ascending, document numbers under
    the index's *docs_count*, every frequency at least 1. Bytes changed inside an array
    break one of these more often than not; the recorded digests tell the rest."""
    try:
        layout = Layout(path)
    except (ValueError, KeyError, OSError) as err:
        return [f"cannot be opened ({err})"]
    try:
        keys, starts = layout.whole("keys"), layout.whole("starts")
        docs, tfs = layout.whole("docs"), layout.whole("tfs")
    except ValueError as err:
        return [str(err)]
    finally:
        layout.close()
    faults = []
    if layout.docs_count != docs_count:
        faults.append(f"made for {layout.docs_count:,} documents, where the index holds {docs_count:,}")
    if len(keys) and (np.diff(keys) <= 0).any():
        faults.append(f"its terms are out of order at {int(np.argmax(np.diff(keys) <= 0)):,}")
    if len(starts) != len(keys) + 1 or (len(starts) and (starts[0] != 0 or starts[-1] != len(docs))) \
            or (np.diff(starts) <= 0).any():
        faults.append("its terms' starts do not run from 0 to the number of postings, each after the last")
        return faults
    if len(docs) and ((docs < 0) | (docs >= docs_count)).any():
        faults.append(f"{int(((docs < 0) | (docs >= docs_count)).sum()):,} postings name no document of the index")
    step = np.diff(docs.astype(np.int64))
    first = np.zeros(len(docs), bool)
    first[starts[:-1]] = True  # where a term's postings begin, any number may follow the last term's
    if len(step) and ((step <= 0) & ~first[1:]).any():
        faults.append(f"{int(((step <= 0) & ~first[1:]).sum()):,} postings out of order within their term")
    if len(tfs) and (tfs == 0).any():
        faults.append(f"{int((tfs == 0).sum()):,} postings count their word 0 times")
    return faults


class Layout:
    """A layout file, opened: terms looked up by key, postings read as arrays."""

    @staticmethod
    def docs_in(path: Path) -> int:
        """How many documents a layout file covers (deleted ones included)."""
        return _header(path)[0]["docs"]

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        header, size = _header(self.path)
        self.docs_count = header["docs"]
        sizes = header["sizes"]
        at = size + (-size % 8)
        arrays = {}
        self._offsets = {}
        for name, dtype in _ARRAYS:
            n = sizes[name]
            self._offsets[name] = at
            arrays[name] = (np.memmap(self.path, dtype=dtype, mode="r", offset=at, shape=(n,)) if n
                            else np.zeros(0, dtype))
            at += n * np.dtype(dtype).itemsize
            at += -at % 8
        self.keys, self.starts, self.docs, self.tfs = (arrays[name] for name, _ in _ARRAYS)
        self._fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        for name, dtype in _ARRAYS:  # the maps close with their last reference
            setattr(self, name, np.zeros(0, dtype))

    def _find(self, keys: np.ndarray) -> np.ndarray:
        """Index of each key in ``keys``, -1 where absent."""
        if not len(self.keys):
            return np.full(len(keys), -1, np.int64)
        at = np.searchsorted(self.keys, keys)
        found = at < len(self.keys)
        found[found] = self.keys[at[found]] == keys[found]
        return np.where(found, at, -1)

    def postings(self, fieldname: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers as int32, frequencies as float32) of a term; empty if absent."""
        i = int(self._find(np.array([term_key(fieldname, term)], np.uint64))[0])
        if i < 0:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        lo, hi = int(self.starts[i]), int(self.starts[i + 1])
        return self._read("docs", np.int32, lo, hi), self._read("tfs", np.uint16, lo, hi).astype(np.float32)

    def whole(self, name: str) -> np.ndarray:
        """One of the arrays, read whole."""
        dtype = dict(_ARRAYS)[name]
        return self._read(name, dtype, 0, len(getattr(self, name)))

    def _read(self, name: str, dtype, lo: int, hi: int) -> np.ndarray:
        """Entries lo:hi of an array, read (not mapped: mapped pages would count in the
        server's resident memory, the whole file in time; the page cache serves reads
        as fast and belongs to nobody)."""
        size = np.dtype(dtype).itemsize
        out = np.empty(hi - lo, dtype)
        done, want, at = 0, out.nbytes, self._offsets[name] + lo * size
        view = memoryview(out).cast("B")
        while done < want:  # straight into the array: no bytes object to copy from
            got = os.preadv(self._fd, [view[done:]], at + done)
            if not got:
                raise ValueError(f"{self.path}: shorter than its header says")
            done += got
        return out

    def df_many(self, fieldname: str, terms: list[str]) -> np.ndarray:
        """How many documents hold each term (0 when none)."""
        if not terms:
            return np.zeros(0, np.int64)
        at = self._find(term_keys(fieldname, terms))
        out = np.zeros(len(terms), np.int64)
        hit = at >= 0
        out[hit] = np.asarray(self.starts)[at[hit] + 1] - np.asarray(self.starts)[at[hit]]
        return out
