"""One story once: find articles that are copies of one another (a story republished).

At index time each article gets a MinHash signature of its body (:func:`signature`):
the body's words, folded (accents, case and tone placement aside), cut into
overlapping runs of three (shingles); each shingle is hashed (CRC-32) and each of
:data:`K` hash functions keeps its smallest value (16 bits of a multiply-shift hash).
Two bodies agree on a position with the probability that a shingle is shared, so the
share of equal positions estimates their Jaccard similarity. The signature is stored
in the index beside the article (256 bytes).

When a searcher opens the index, :func:`group` finds candidate pairs by banding the
signatures (LSH: :data:`BANDS` bands of :data:`ROWS` positions; two articles equal on a
whole band are candidates), keeps the pairs that pass :func:`is_copy`, and joins them
into stories. A pair is a copy when its estimated Jaccard similarity and the estimated
share of the shorter body found in the longer are both high (thresholds chosen on
labelled pairs of real news, see README), when both bodies are long enough for the
overlap to mean something (shorter ones need a near-verbatim match), and when the two
are dated at most :data:`MAX_DAYS` apart (template articles, such as the weather
bulletins of two different days, share most of their words).

Why our own and not datasketch (MIT): the whole of it is 60 lines over numpy, which
timtin already uses, with no scipy; the signatures are computed in the indexing
workers and banded in a few vectorised steps.
"""

from __future__ import annotations

import zlib

import numpy as np

from indexer import normalize

K = 128  # hash functions (all of them estimate the similarity of a candidate pair)
ROWS = 2  # positions per band
BANDS = 32  # bands of the first BANDS * ROWS positions: a pair of Jaccard 0.36 is a candidate with p = 0.99
SHINGLE = 3  # words per shingle
MAX_DAYS = 7
LONG_WORDS = 200  # both bodies at least this long: the normal thresholds
MIN_WORDS = 40  # shorter than this, a body is never grouped
JACCARD, CONTAINED = 0.36, 0.64  # long bodies
SHORT_JACCARD, SHORT_CONTAINED = 0.60, 0.85  # shorter bodies: near-verbatim only
MAX_BUCKET = 60  # a band value shared by more articles is boilerplate, not a story
PAIRS_AT_ONCE = 1 << 16  # candidate pairs compared at once (16 MB of signatures a side)

_rng = np.random.default_rng(20261130)
_A = (_rng.integers(1, 2**63 - 1, K, dtype=np.int64).astype(np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63 - 1, K, dtype=np.int64).astype(np.uint64)
EMPTY = b"\xff" * (2 * K)


def shingles(text: str) -> np.ndarray:
    """CRC-32 of each run of three folded words of *text*."""
    words = [normalize.folded(w) for w, _, _ in normalize.tokens(text)]
    if len(words) < SHINGLE:
        return np.zeros(0, np.uint64)
    runs = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return np.fromiter((zlib.crc32(r.encode("utf-8")) for r in runs), np.uint64, count=len(runs))


def signature(text: str) -> bytes:
    """The MinHash signature of a body: K little-endian uint16."""
    x = shingles(text)
    if not len(x):
        return EMPTY
    with np.errstate(over="ignore"):
        hashed = (_A[:, None] * x[None, :] + _B[:, None]) >> np.uint64(48)
    return hashed.min(axis=1).astype("<u2").tobytes()


def is_copy(jaccard: np.ndarray, words_a: np.ndarray, words_b: np.ndarray, days_apart: np.ndarray) -> np.ndarray:
    """Which candidate pairs are copies: estimated Jaccard similarity, the estimated
    share of the shorter body in the longer (from the Jaccard and the lengths), the
    lengths and the dates (0 = undated: no date rule)."""
    a = np.maximum(words_a, 1).astype(np.float64)
    b = np.maximum(words_b, 1).astype(np.float64)
    shared = jaccard * (a + b) / (1 + jaccard)
    contained = shared / np.minimum(a, b)
    short = np.minimum(a, b)
    long_ok = (short >= LONG_WORDS) & (jaccard >= JACCARD) & (contained >= CONTAINED)
    short_ok = (short >= MIN_WORDS) & (jaccard >= SHORT_JACCARD) & (contained >= SHORT_CONTAINED)
    return (long_ok | short_ok) & (days_apart <= MAX_DAYS)


def _ordinal(days: np.ndarray) -> np.ndarray:
    """yyyymmdd -> days since an epoch (0 stays 0: undated)."""
    out = np.zeros(len(days), np.int64)
    dated = days > 0
    if dated.any():
        d = days[dated]
        stamps = np.array([f"{v // 10000:04d}-{v // 100 % 100:02d}-{v % 100:02d}" for v in d], dtype="datetime64[D]")
        out[dated] = stamps.astype(np.int64) + 1
    return out


def group(signatures: np.ndarray, words: np.ndarray, days: np.ndarray, live: np.ndarray) -> np.ndarray:
    """The story of every document: the lowest document number of its story (its own
    number when it has no copy). *signatures*: (n, K) uint16; *words*: body lengths;
    *days*: yyyymmdd (0 undated); *live*: documents not deleted."""
    n = len(signatures)
    story = np.arange(n, dtype=np.int32)
    usable = np.flatnonzero(live & (words >= MIN_WORDS) & (signatures[:, 0] != 0xFFFF) if n else np.zeros(0, bool))
    if len(usable) < 2:
        return story
    sig = signatures[usable]
    m = len(usable)
    found = []
    for band in range(BANDS):
        keys = sig[:, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
        packed = keys[:, 0]
        for r in range(1, ROWS):
            packed = packed << np.uint64(16) | keys[:, r]
        order = np.argsort(packed, kind="stable")
        ranked = packed[order]
        starts = np.r_[True, ranked[1:] != ranked[:-1]]
        bucket = np.cumsum(starts) - 1
        sizes = np.bincount(bucket)
        small = sizes[bucket] <= MAX_BUCKET  # a value shared by many is boilerplate
        for offset in range(1, MAX_BUCKET):  # members of one bucket are neighbours once sorted
            same = (ranked[offset:] == ranked[:-offset]) & small[offset:]
            if not same.any():
                break
            a, b = order[:-offset][same], order[offset:][same]
            found.append(np.minimum(a, b).astype(np.int64) * m + np.maximum(a, b))
    pairs = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
    if not len(pairs):
        return story
    # the estimated Jaccard similarity of each pair, keeping only those that can be copies;
    # in runs (3.4 million candidates at 100,000 synthetic articles took 2.3 GB at once)
    kept_left, kept_right, kept_jaccard = [], [], []
    lowest = min(JACCARD, SHORT_JACCARD)
    for lo in range(0, len(pairs), PAIRS_AT_ONCE):
        a, b = pairs[lo:lo + PAIRS_AT_ONCE] // m, pairs[lo:lo + PAIRS_AT_ONCE] % m
        similar = np.count_nonzero(sig[a] == sig[b], axis=1) / K
        near = similar >= lowest
        kept_left.append(a[near])
        kept_right.append(b[near])
        kept_jaccard.append(similar[near])
    left, right, jaccard = np.concatenate(kept_left), np.concatenate(kept_right), np.concatenate(kept_jaccard)
    ordinal = _ordinal(days[usable])
    apart = np.where((ordinal[left] > 0) & (ordinal[right] > 0), np.abs(ordinal[left] - ordinal[right]), 0)
    ok = is_copy(jaccard, words[usable][left], words[usable][right], apart)
    left, right = left[ok], right[ok]
    if not len(left):
        return story
    label = np.arange(m)
    while True:  # connected components: each takes its lowest member, by propagation and pointer jumping
        low = np.minimum(label[left], label[right])
        new = label.copy()
        np.minimum.at(new, left, low)
        np.minimum.at(new, right, low)
        new = new[new]
        if np.array_equal(new, label):
            break
        label = new
    story[usable] = usable[label]
    return story
