"""The postings of the text fields, laid out as arrays on disk.

Whoosh keeps the articles (stored fields, columns, officials) and decides, commit by
commit, which documents an index holds; the words and pairs of titles and bodies are
kept here instead, in one file per Whoosh generation (``postings-0007.tpl``) that a
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
sharing a 64-bit hash is a chance of about one in a million at 10 million terms.

An index run writes one small *part* per new segment (:class:`PartWriter`, in the
worker processes) and :func:`merge` joins the previous generation's file and the
parts into the next one before Whoosh commits it, so a search that sees a
generation always finds its file. Files are written under a ``.tmp`` name and
renamed when complete.
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

def _write(path: Path, docs_count: int, arrays: dict[str, np.ndarray] | None = None,
           sizes: dict[str, int] | None = None):
    """Write a layout file at *path* (via ``.tmp``): either whole *arrays*, or room for
    arrays of the given *sizes*, returned as writable memory maps (the caller fills
    them, then calls :func:`_finish`)."""
    sizes = sizes or {name: len(arrays[name]) for name, _ in _ARRAYS}
    offsets, at = {}, 0
    header = {"docs": int(docs_count), "sizes": {k: int(v) for k, v in sizes.items()}}
    head = json.dumps(header).encode("utf-8")
    start = len(MAGIC) + 8 + len(head)
    start += -start % 8
    at = start
    for name, dtype in _ARRAYS:
        offsets[name] = at
        at += sizes[name] * np.dtype(dtype).itemsize
        at += -at % 8
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(MAGIC + len(head).to_bytes(8, "little") + head)
        fh.flush()
        # the room is taken now, so that a full disk is an error here, not a SIGBUS
        # when the memory maps below are written
        os.posix_fallocate(fh.fileno(), 0, max(at, 1))
        if arrays is not None:
            for name, dtype in _ARRAYS:
                fh.seek(offsets[name])
                fh.write(np.ascontiguousarray(arrays[name], dtype=dtype).tobytes())
    if arrays is not None:
        _finish(tmp, path)
        return None
    return tmp, {name: (np.memmap(tmp, dtype=dtype, mode="r+", offset=offsets[name], shape=(sizes[name],))
                        if sizes[name] else np.zeros(0, dtype))
                 for name, dtype in _ARRAYS}


def _finish(tmp: Path, path: Path) -> None:
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


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
    order = np.lexsort((docs, keys))
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
    document), given in the order of their documents."""
    layouts = [Layout(p) for p, _ in sources]
    try:
        keys = np.unique(np.concatenate([lay.keys for lay in layouts])) if layouts else np.zeros(0, np.uint64)
        df = np.zeros(len(keys), np.int64)
        places = []
        for lay in layouts:
            place = np.searchsorted(keys, lay.keys)
            df[place] += np.diff(lay.starts)
            places.append(place)
        starts = np.zeros(len(keys) + 1, np.int64)
        np.cumsum(df, out=starts[1:])
        tmp, out = _write(path, docs_count, sizes={"keys": len(keys), "starts": len(starts),
                                                   "docs": int(starts[-1]), "tfs": int(starts[-1])})
        out["keys"][:] = keys
        out["starts"][:] = starts
        fill = starts[:-1].copy()
        for lay, place, (_, base) in zip(layouts, places, sources):
            lay_starts = np.asarray(lay.starts)
            i, n = 0, len(lay.keys)
            while i < n:  # terms of this source in chunks of about _CHUNK postings
                j = int(np.searchsorted(lay_starts, lay_starts[i] + _CHUNK, side="right")) - 1
                j = min(n, max(j, i + 1))
                lo, hi = int(lay_starts[i]), int(lay_starts[j])
                counts = np.diff(lay_starts[i:j + 1])
                dest = np.repeat(fill[place[i:j]] - lay_starts[i:j], counts) + np.arange(lo, hi)
                out["docs"][dest] = np.asarray(lay.docs[lo:hi]) + base
                out["tfs"][dest] = lay.tfs[lo:hi]
                fill[place[i:j]] += counts
                i = j
        for name, _ in _ARRAYS:
            if isinstance(out[name], np.memmap):
                out[name].flush()
        del out
        _finish(tmp, path)
    finally:
        for lay in layouts:
            lay.close()


# -- reading -----------------------------------------------------------------------

def _header(path: Path) -> tuple[dict, int]:
    """A layout file's header, and where its arrays begin."""
    with open(path, "rb") as fh:
        if fh.read(len(MAGIC)) != MAGIC:
            raise ValueError(f"{path}: not a timtin postings file")
        size = int.from_bytes(fh.read(8), "little")
        header = json.loads(fh.read(size).decode("utf-8"))
    return header, len(MAGIC) + 8 + size


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

    def _read(self, name: str, dtype, lo: int, hi: int) -> np.ndarray:
        """Entries lo:hi of an array, read (not mapped: mapped pages would count in the
        server's resident memory, the whole file in time; the page cache serves reads
        as fast and belongs to nobody)."""
        size = np.dtype(dtype).itemsize
        data = os.pread(self._fd, (hi - lo) * size, self._offsets[name] + lo * size)
        return np.frombuffer(data, dtype).copy() if data else np.zeros(0, dtype)

    def df_many(self, fieldname: str, terms: list[str]) -> np.ndarray:
        """How many documents hold each term (0 when none)."""
        if not terms:
            return np.zeros(0, np.int64)
        at = self._find(term_keys(fieldname, terms))
        out = np.zeros(len(terms), np.int64)
        hit = at >= 0
        out[hit] = np.asarray(self.starts)[at[hit] + 1] - np.asarray(self.starts)[at[hit]]
        return out
