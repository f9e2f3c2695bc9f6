"""One story once: find articles that are copies of one another (a story republished).

At index time each article gets two sketches of its body (:func:`sketch`), from its
words folded (accents, case and tone placement aside):

* a MinHash signature (256 bytes): the body cut into overlapping runs of three words
  (shingles), each hashed, and each of :data:`K` hash functions keeping its smallest
  value (16 bits of a multiply-shift hash). Two bodies agree on a position with the
  probability that a shingle is shared, so the share of equal positions estimates their
  Jaccard similarity. It finds candidate pairs among all articles cheaply.
* a fingerprint: an 8-bit hash of every word, in order (a byte a word, 1-255, at most
  :data:`FINGERPRINT_WORDS` words), with a 0 after each word that ends a sentence. It
  measures a candidate pair exactly: two runs of ten words match by chance with a
  probability of about 2^-80, and a word changed in a run goes unseen once in 255 times.

Once an indexing run has committed, :func:`group` finds candidate pairs by banding the
signatures (LSH: :data:`BANDS` bands of :data:`ROWS` positions; two articles equal on a
whole band are candidates), drops those whose estimated overlap is far too small, adds
the pairs sharing a few anchors (:func:`_anchor_pairs`: runs of RUN words sampled by
their hash, one in 16, found through an inverted index of all fingerprints; a cut of a
long text shares too few three-word phrases with it for the bands), and compares the
fingerprints of the rest: which words of each body lie in a run of
:data:`RUN` words that the other body holds too (:func:`covered`; a run found more than
:data:`FILLER` times in one body is filler and counts for nothing: :func:`_once`). A
pair is a copy (:func:`is_copy`) when such runs cover most of the shorter body
(:data:`COVERED`; a little more, :data:`COVERED_OTHER_DAY`, when the two are dated on
different days: a follow-up repeats yesterday's background under a new lead) and a fair
part of the longer (:data:`COVERED_LONGER`: a short item of a digest is not a copy of
it), or, a cut of a long text, :data:`CUT_WORDS` words and :data:`COVERED_CUT` of the
shorter. Dated more than :data:`MAX_DAYS` apart, the shorter must lie
nearly whole in shared runs (:data:`COVERED_WHOLE`): template articles, such as the
weather bulletins or price reports of two dates, share most of their text, but their
figures break a run every few words, while a text republished weeks later keeps all of
it but a lead or a sentence of its own.
The same day or the next (:data:`BOTH_DAYS`), a pair is also a copy when it is the same
text lightly edited: a word changed in every sentence or two breaks its runs of ten
words, so less of it lies in them, but a fair part of both bodies still does
(:data:`COVERED_BOTH`, :data:`COVERED_BOTH_LONGER`) and most sentences of the shorter
have a counterpart in the longer, a sentence sharing at least half of their words
(:func:`sentences_kept`, :data:`SENTENCES_KEPT`; the next day more of them,
:data:`SENTENCES_KEPT_OTHER_DAY`: a follow-up repeats some paragraphs of the day before
whole and writes its other sentences anew, which have no counterpart), where an article
that takes a block of another, or a second report of one event, has sentences of its own.
But a next-day article that names no day after the other's (:func:`mentioned_days`,
:func:`newer_news`: the bodies of those pairs are read, a few dozen) reports
the same day's news, as an outlet's copy under a lead and closing of its own does, and
is judged by the same day's share of sentences; a follow-up names the day of its news.
Up to :data:`ORDERED_DAYS` apart, a text edited all along its length is a copy too: fewer
of its words lie in runs of ten (:data:`ORDERED_FROM`), but most lie in runs of
:data:`ORDERED_RUN` words that line up in order with the longer (:func:`ordered_share`,
:data:`COVERED_ORDERED`), with as many sentences kept as above.
And (round 10) a pair judged a copy that has less than :data:`COVERED_WHOLE` of the
shorter in shared runs is no copy when it is another day's edition (the next day, the
later drops the earlier's own date and names a newer one: :func:`date_replaced`), or
another reading of a bulletin (at most a day apart, the shorter names an hour of the day
the longer does not and most of its decimal figures, a storm's position, are not in it:
:func:`another_reading`); the bodies of those pairs are read, a few hundred.
And (round 11) dated :data:`IN_ORDER_DAYS` apart or more, a pair below COVERED_WHOLE is a
copy only when :data:`KEPT_IN_ORDER` of the shorter lies in runs of ORDERED_RUN words in
order with the longer (:func:`ordered_share`): a copy keeps its text in order, where the
forecast of another week, written on the same frame, shares the set phrases that every
paragraph repeats, with other figures between them.
And (round 12) a pair judged a copy below COVERED_WHOLE is no copy when the two titles
each name a day, and none the other's (:func:`title_days`, :func:`other_editions`: today's
gold prices of 19.6 and of 20.6); the titles of those pairs are read, a few hundred.
Copies join into stories as stars, not chains: the longest article starts a story and
its copies join it, the closest first, so reports that each quote a part of one bulletin
do not chain into one story through each other; and copies that are each a small part of
it (:data:`PART`) join it only when they share text (:data:`PART_OVERLAP`): a digest or a
long report holding two stories does not make them one. And a copy of most of both bodies
(a twin: :data:`TWIN` of each in shared runs, the share of a plain copy; or one that
holds the other whole, :data:`COVERED_WHOLE` of the shorter, and is no part of it) of
an article already in a story joins that story rather than start one or stay out: the
centre may share less with it than its twin does (a release that a longer report of
the next day holds, and the release retold by another outlet the same day).
And (round 13, :data:`LONE`) an article the stars leave alone (its copies all joined
stories first, and it is a twin of none of them) joins the story of its closest copy
when that copy holds as much of the shorter as a plain copy does (COVERED, another day
COVERED_OTHER_DAY) and the article shares text (PART_OVERLAP) with every article of
that story: an item of a digest whose other items are other stories stays out, so no
roundup chains two stories into one.
And (round 14) a pair judged a copy dated :data:`SUBJECT_DAYS` apart or more is no copy
when the shorter names a name :data:`SUBJECT_TIMES` times that the longer never holds, nor
by its initial (:func:`names_of`, :func:`another_subject`): a template text written again
for another subject, such as the same notice of two firms, shares every set phrase but
not the names it repeats; the bodies of those pairs are read, a few dozen. And a
bulletin's reading counts the figures written with a decimal point too (``40.7 độ``,
:data:`READING_POINT`), that name no day of a month.
And (round 15, :data:`PAGES`) two bodies that are pages, not texts written in sentences
(no word but the last ends one: a schedule's cells, a site's links; :func:`is_page`), are
no copies under two titles (:func:`other_pages`): two pages of one site's template hold the
same cells and links and are told apart by their titles alone; the titles of those pairs
are read, a few in 15,000. And dated a day apart or more, a pair that is a copy on its
shared runs alone (below COVERED_WHOLE) keeps :data:`PLAIN_KEPT` of the shorter in
sentences with a counterpart too (:func:`sentences_kept`): a second write-up of one
programme the next day shares its long names and lists, runs of ten words, in sentences of
its own.
And (round 16) bodies identical word for word, folded (one signature and one fingerprint:
:func:`_identical`; bodies that are no text, pages or filler, under two titles aside) are
one article to the grouping, in the place of the first indexed (its date, its title), and
the others take its story: an exact copy dated another day could be a copy of articles
its original is not (the day rules), and join another star first; a copy gave an article
the stars would leave alone a star of its own; and one copy more than MAX_BUCKET made
every copy of a wire story boilerplate. An exact copy indexed later moves no article.

Why runs of ten words and not the overlap of three-word shingles: reports written
separately from one press release, or built on the same background paragraphs, share
most of their three-word phrases (names, titles, set phrases) but far fewer whole
runs of ten words, which a republished copy keeps even when it is retitled, cut or
lightly edited (measured on labelled pairs of real news, see README). Exact runs also
spare the rule the noise of a MinHash estimate (about 0.05 on a share), which blurred
every threshold of the earlier rule.

Why our own and not datasketch (MIT): the whole of it is about 100 lines over numpy,
which timtin already uses, with no scipy; the sketches are computed in the indexing
workers and banded in a few vectorised steps.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Callable

import numpy as np

from indexer import normalize

K = 128  # hash functions (all of them estimate the similarity of a candidate pair)
ROWS = 2  # positions per band
BANDS = 32  # bands of the first BANDS * ROWS positions: a pair of Jaccard 0.36 is a candidate with p = 0.99
SHINGLE = 3  # words per shingle of the signature
RUN = 10  # words: a run this long found in both bodies is copied text
COVERED = 0.55  # share of the shorter body's words in such runs (same day, or undated)
COVERED_OTHER_DAY = 0.65  # the same, for bodies dated on different days
COVERED_LONGER = 0.2  # share of the longer body's words in such runs ...
CUT_WORDS = 150  # ... unless the shorter body's words in them are this many (a cut of a long text, not an item of
COVERED_CUT = 0.65  # a digest) and this share of the shorter (a second report sharing background paragraphs has its own)
PART = 0.5  # a copy holding less of the longer body is a part of it (see group's stars) ...
PART_OVERLAP = 0.2  # ... and two parts of one body are one story when this share of the shorter lies in shared runs
TWIN = 0.55  # a copy with this share of both bodies in shared runs (another day COVERED_OTHER_DAY) joins its twin's story
COVERED_BOTH = 0.4  # or: this share of the shorter body ... (0.45 to round 11)
COVERED_BOTH_LONGER = 0.35  # ... and this share of the longer (a fair part of both: the same text lightly edited)
BOTH_DAYS = 1  # ... dated at most this many days apart
SENTENCES_KEPT = 0.55  # ... and this share of the shorter in sentences with a counterpart in the longer
SENTENCES_KEPT_OTHER_DAY = 0.65  # ... the next day (a follow-up repeats whole paragraphs, its own sentences new)
SAME_NEWS_DAYS = 1  # ... but SENTENCES_KEPT this many days apart when the later names no day after the earlier's
SENTENCE_SIMILAR = 0.5  # a counterpart: this Jaccard similarity of two sentences' words
SENTENCE_WORDS = 40  # longer sentences are cut into pieces of this many words
ORDERED_RUN = 6  # or, edited throughout: runs of this many words, found once in each body, in the same order ...
COVERED_ORDERED = 0.55  # ... hold this share of the shorter body (and SENTENCES_KEPT, other days ..._OTHER_DAY) ...
ORDERED_DAYS = 3  # ... dated at most this many days apart ...
ORDERED_FROM = 0.4  # ... with this share of the shorter in shared runs of RUN words (and COVERED_LONGER of the longer)
MAX_DAYS = 7
COVERED_WHOLE = 0.8  # further apart than MAX_DAYS, the shorter body must be nearly whole in the longer (0.9 to round 7)
NEW_EDITION_DAYS = 1  # round 10: dated this many days apart, a later edition that replaces the earlier's date ...
NEW_READING_DAYS = 1  # ... or, at most this many days apart, another reading of a bulletin (another hour, other
READING_FIGURES = 3  # measurements: this many decimal figures in the shorter, fewer than READING_KEPT of them
READING_KEPT = 0.5  # in the longer) is no copy, unless the shorter lies nearly whole in it (COVERED_WHOLE)
READING_POINT = True  # round 14: a figure written with a decimal point (40.7 độ) is a reading's figure too
IN_ORDER_DAYS = 2  # round 11: dated this many days apart or more (up to MAX_DAYS), a copy below COVERED_WHOLE ...
KEPT_IN_ORDER = 0.4  # ... holds this share of the shorter in runs of ORDERED_RUN words in order (ordered_share)
SUBJECT_DAYS = 2  # round 14: dated this many days apart or more, a copy ...
SUBJECT_TIMES = 3  # ... whose shorter writes a name this often that the longer never holds is another subject
LONE = True  # round 13: an article the stars leave alone joins its closest copy's story (see group's stars)
PAGES = True  # round 15: two bodies with no sentence (pages of a table) under two titles are two pages
PLAIN_KEPT = SENTENCES_KEPT  # round 15: dated on other days, a copy on its runs alone keeps this share of sentences
FILLER = 5  # a run found more often in one body is filler (see _once)
MIN_WORDS = 40  # shorter than this, a body (with its captions, as indexed: group's *words*) is never grouped
PREFILTER = 0.4  # estimated share of the shorter body's shingles in the longer: below it, not compared
PREFILTER_WHOLE = 0.7  # the same, for bodies dated more than MAX_DAYS apart (they need COVERED_WHOLE)
MAX_BUCKET = 60  # a band value (or an anchor) shared by more articles is boilerplate, not a story
ANCHOR_BITS = 4  # a run of RUN words whose hash has its top ANCHOR_BITS bits 0 is an anchor: 1 run in 16
ANCHOR_BATCH = 1 << 21  # words of fingerprints whose anchors are found at once (some 60 MB at the peak)
ANCHORS = 3  # articles sharing this many anchors are a candidate pair, whatever their signatures ...
ANCHORS_SHARED = 0.15  # ... and this share of the anchors of the one with fewer (far below any copy's share)
PAIRS_AT_ONCE = 1 << 16  # candidate pairs compared at once (16 MB of signatures a side)
FINGERPRINT_WORDS = 5000  # the fingerprint keeps the first words of a longer body

_rng = np.random.default_rng(20261130)
_A = (_rng.integers(1, 2**63 - 1, K, dtype=np.int64).astype(np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63 - 1, K, dtype=np.int64).astype(np.uint64)
_MIX = (_rng.integers(1, 2**63 - 1, SHINGLE, dtype=np.int64).astype(np.uint64) << np.uint64(1)) | np.uint64(1)
_ROLL = np.uint64(0x9E3779B97F4A7C15)  # odd: the rolling hash of a run of RUN words
EMPTY = b"\xff" * (2 * K)
SENTENCE_MARK = 0  # the fingerprint's byte after a word that ends a sentence (words are 1-255)
_SENTENCE_END = re.compile(r"[.!?…][^\w\s]*\s|\n")


def _words(text: str) -> tuple[np.ndarray, np.ndarray]:
    """CRC-32 of each folded word of *text*, in order (uint64), and which words end a
    sentence (bool): a full stop, question or exclamation mark or ellipsis followed by a
    space, or a line break, before the next word (``TP.HCM``, ``19.5``, ``2,5`` end none).
    A number's digit groups are words apart (:func:`indexer.normalize.parts`): an outlet
    that writes ``19/5`` for ``19.5`` keeps the runs of words of the copy it made."""
    spans = list(normalize.parts(text))
    hashes = np.fromiter((zlib.crc32(normalize.folded(w).encode("utf-8")) for w, _, _ in spans), np.uint64,
                         count=len(spans))
    ends = np.zeros(len(spans), bool)
    marks = [m.start() for m in _SENTENCE_END.finditer(text)]  # never inside a word
    if marks and spans:
        before = np.searchsorted(np.fromiter((start for _, start, _ in spans), np.int64, count=len(spans)), marks) - 1
        ends[before[before >= 0]] = True
    ends[-1:] = False
    return hashes, ends


_SIGNATURE_BLOCK = 8192  # runs hashed at once by :func:`_signature`


def _signature(words: np.ndarray) -> bytes:
    """The MinHash signature of the runs of SHINGLE words of *words* (their hashes)."""
    n = len(words) - SHINGLE + 1
    if n <= 0:
        return EMPTY
    with np.errstate(over="ignore"):
        x = sum(words[i:i + n] * _MIX[i] for i in range(SHINGLE))
        x = np.unique(x)
        # K hashes of every run, a block of runs at a time: the whole K x runs table of a body of
        # two million characters held 410 MB at once (an attacker's finding), a block 8 MB
        low = np.full(len(_A), np.iinfo(np.uint64).max, np.uint64)
        for at in range(0, len(x), _SIGNATURE_BLOCK):
            block = x[at:at + _SIGNATURE_BLOCK]
            np.minimum(low, ((_A[:, None] * block[None, :] + _B[:, None]) >> np.uint64(48)).min(axis=1), out=low)
    return low.astype("<u2").tobytes()


def sketch(text: str) -> tuple[bytes, bytes]:
    """The (signature, fingerprint) of a body: K little-endian uint16 (:data:`EMPTY`
    when it has fewer than SHINGLE words), and a byte for each word (1-255) with a 0
    after each word that ends a sentence (:func:`_words`), for the first
    :data:`FINGERPRINT_WORDS` words."""
    hashes, ends = _words(text)
    words, ends = hashes[:FINGERPRINT_WORDS], ends[:FINGERPRINT_WORDS].copy()
    ends[-1:] = False  # no mark after the last word kept
    stream = np.zeros(len(words) + int(ends.sum()), np.uint8)
    at = np.arange(len(words)) + np.cumsum(ends) - ends  # each word moved by the marks before it
    stream[at] = (words >> np.uint64(24)) % np.uint64(255) + np.uint64(1)
    return _signature(hashes), stream.tobytes()


def words_and_sentences(fingerprint: bytes | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The word bytes of a fingerprint (:func:`sketch`) and the sentence of each word (0, 1, ...)."""
    stream = np.frombuffer(fingerprint, np.uint8) if isinstance(fingerprint, bytes) else fingerprint
    word = stream != SENTENCE_MARK
    return stream[word], np.cumsum(~word)[word]


def _runs(fingerprint: np.ndarray, length: int = RUN) -> np.ndarray:
    """A hash of every run of *length* consecutive words."""
    n = len(fingerprint) - length + 1
    if n <= 0:
        return np.zeros(0, np.uint64)
    x = fingerprint.astype(np.uint64) + np.uint64(1)
    h = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):
        for j in range(length):
            h = h * _ROLL + x[j:j + n]
    return h


def _unique_at(runs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The runs found once in *runs*, sorted, and where each is."""
    values, first, counts = np.unique(runs, return_index=True, return_counts=True)
    return values[counts == 1], first[counts == 1]


def ordered_share(a: np.ndarray, b: np.ndarray) -> float:
    """The share of the words of *a* (word bytes) that lie in runs of :data:`ORDERED_RUN`
    words found once in each body and in the same order in both (the longest such chain).
    A text edited here and there all along its length keeps most of its runs of six words
    in order, where a word changed every few words breaks its runs of ten; a bulletin or
    a notice written on a template shares its set phrases, but in another order, or
    repeated, or with its figures breaking even the short runs."""
    va, at_a = _unique_at(_runs(a, ORDERED_RUN))
    vb, at_b = _unique_at(_runs(b, ORDERED_RUN))
    if not len(va) or not len(vb):
        return 0.0
    both, ia, ib = np.intersect1d(va, vb, assume_unique=True, return_indices=True)
    if not len(both):
        return 0.0
    order = np.argsort(at_a[ia])
    starts, targets = at_a[ia][order].tolist(), at_b[ib][order].tolist()
    # the longest chain ascending in b (patience sorting, with the chain kept)
    tails: list[int] = []
    tail_at: list[int] = []
    before = [-1] * len(targets)
    for k, target in enumerate(targets):
        place = bisect.bisect_left(tails, target)
        if place == len(tails):
            tails.append(target)
            tail_at.append(k)
        else:
            tails[place], tail_at[place] = target, k
        before[k] = tail_at[place - 1] if place else -1
    mark = np.zeros(len(a), bool)
    k = tail_at[-1]
    while k >= 0:
        mark[starts[k]:starts[k] + ORDERED_RUN] = True
        k = before[k]
    return float(mark.mean())


def _once(runs: np.ndarray, ranked: np.ndarray | None = None) -> np.ndarray | None:
    """Which of *runs* are not filler (None: all of them): a run found more than
    :data:`FILLER` times in its own body is filler (a table's empty cells, a word repeated
    down a page), not evidence of a copy; a body that repeats its title or lead, as many
    pages do, keeps it. *ranked*: *runs* sorted, when at hand."""
    ranked = np.sort(runs) if ranked is None else ranked
    if len(ranked) <= FILLER or not (ranked[FILLER:] == ranked[:-FILLER]).any():
        return None  # no run is found more than FILLER times (the usual case)
    values, counts = np.unique(ranked, return_counts=True)
    return counts[np.searchsorted(values, runs)] <= FILLER


def _covered_share(runs: np.ndarray, other_sorted: np.ndarray, words: int, once: np.ndarray | None) -> float:
    """The share of *words* words that lie in one of *runs* found in *other_sorted*,
    filler aside (*once*: :func:`_once` of *runs*)."""
    if not len(runs) or not len(other_sorted):
        return 0.0
    at = np.minimum(np.searchsorted(other_sorted, runs), len(other_sorted) - 1)
    shared = other_sorted[at] == runs
    if once is not None:
        shared &= once
    if not shared.any():
        return 0.0
    mark = np.zeros(words, bool)
    for j in range(RUN):
        mark[j:j + len(shared)] |= shared
    return float(mark.mean())


def covered(a: bytes | np.ndarray, b: bytes | np.ndarray) -> tuple[float, float]:
    """The share of the words of *a*, and of *b* (fingerprints), that lie in a run of
    RUN words found in the other (filler aside)."""
    a, b = words_and_sentences(a)[0], words_and_sentences(b)[0]
    ra, rb = _runs(a), _runs(b)
    return _covered_share(ra, np.sort(rb), len(a), _once(ra)), _covered_share(rb, np.sort(ra), len(b), _once(rb))


def _pieces(words: np.ndarray, sentences: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sentences of a body as sets of word bytes, cut into pieces of at most
    :data:`SENTENCE_WORDS` words (a table or a page without full stops is not one
    sentence): a (pieces, 256) bool matrix, and the words of each piece."""
    starts = np.r_[0, np.flatnonzero(np.diff(sentences)) + 1]
    first = np.repeat(starts, np.diff(np.r_[starts, len(words)]))
    key = sentences.astype(np.int64) * (FINGERPRINT_WORDS + 1) + (np.arange(len(words)) - first) // SENTENCE_WORDS
    _, piece = np.unique(key, return_inverse=True)
    sets = np.zeros((int(piece.max()) + 1 if len(piece) else 0, 256), bool)
    sets[piece, words] = True
    return sets, np.bincount(piece)


def sentences_kept(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> float:
    """The share of the words of *a* (word bytes and sentences: :func:`words_and_sentences`;
    each distinct word of a sentence counted once, so a cell repeated down a table weighs
    little) that lie in a sentence with a counterpart in *b*: a sentence whose words are
    at least :data:`SENTENCE_SIMILAR` of the words of the two (Jaccard similarity of
    their sets). A text lightly edited keeps a counterpart of nearly every sentence, with
    other words here and there; two reports of one event, or an article that takes a
    block of another, hold sentences of their own."""
    sa, sb = _pieces(*a)[0], _pieces(*b)[0]
    if not len(sa) or not len(sb):
        return 0.0
    x, y = sa.astype(np.float32), sb.astype(np.float32)
    both = x @ y.T
    na = x.sum(1)
    similar = both / (na[:, None] + y.sum(1)[None, :] - both)
    return float(na[similar.max(axis=1) >= SENTENCE_SIMILAR].sum() / na.sum())


def is_copy(cover_shorter: np.ndarray, cover_longer: np.ndarray, days_apart: np.ndarray,
            sentences: np.ndarray | None = None, shorter_words: np.ndarray | None = None,
            ordered: np.ndarray | None = None, newer: np.ndarray | None = None) -> np.ndarray:
    """Which compared pairs are copies: the shares of the shorter and of the longer body
    in runs found in both (:func:`covered`), the days between them (0 = the same day
    or undated), and for the pairs of :func:`reworded` (None: 0 for all) the share of the
    shorter in sentences with a counterpart in the longer (:func:`sentences_kept`).

    Dated on different days, a pair needs more of its text in common: an article that
    repeats yesterday's background under a new lead is a follow-up; more than MAX_DAYS
    apart, the shorter nearly whole: a template article of another date changes its
    figures every few words. Or, the same day or the next, the same text lightly edited:
    a fair part of both bodies in shared runs (:data:`COVERED_BOTH`,
    :data:`COVERED_BOTH_LONGER`) and a counterpart of most sentences of the shorter
    (:data:`SENTENCES_KEPT`; the next day :data:`SENTENCES_KEPT_OTHER_DAY`). Not further
    apart: the bulletin of a template (a gold price, the weather) of another day keeps a
    counterpart of every sentence, other figures in each (the next day it may too: a risk
    taken for the copies a day apart, measured on the labelled pairs). Or, dated at most
    :data:`ORDERED_DAYS` apart, the same text edited throughout (the pairs of
    :func:`edited_throughout`): *ordered*, the share of the shorter in runs of
    :data:`ORDERED_RUN` words in the same order in both (:func:`ordered_share`), at least
    :data:`COVERED_ORDERED`, and as many of its sentences with a counterpart as above.

    *newer* (round 9; None: not known, as before): for pairs of other days, whether the
    later names a day after the earlier's that the earlier does not (:func:`newer_news`;
    :func:`group` reads it only where it decides, False elsewhere).
    The next day, a later article with no newer date is judged by the sentences kept of
    the same day (:data:`SENTENCES_KEPT`): it reports the same day's news, as an outlet's
    copy under a lead of its own does, where a follow-up names the day of its news."""
    needed = np.where(days_apart == 0, COVERED, COVERED_OTHER_DAY)
    needed = np.where(days_apart > MAX_DAYS, COVERED_WHOLE, needed)
    shared_words = cover_shorter * (0 if shorter_words is None else shorter_words)
    cut = (shared_words >= CUT_WORDS) & (cover_shorter >= COVERED_CUT)
    plain = (cover_shorter >= needed) & ((cover_longer >= COVERED_LONGER) | cut)
    kept = np.zeros(len(days_apart)) if sentences is None else sentences
    kept_needed = _kept_needed(days_apart, newer)
    in_order = np.zeros(len(days_apart)) if ordered is None else ordered
    throughout = (_edited_throughout(cover_shorter, cover_longer, days_apart) & (in_order >= COVERED_ORDERED)
                  & (kept >= kept_needed))
    return plain | (_half_of_both(cover_shorter, cover_longer, days_apart) & (kept >= kept_needed)) | throughout


def _kept_needed(days_apart: np.ndarray, newer: np.ndarray | None) -> np.ndarray:
    """The share of the shorter in sentences with a counterpart that a pair judged on its
    sentences needs: the same day's, or the next day's when the later names no newer day."""
    same_news = days_apart == 0
    if newer is not None:
        same_news = same_news | ((days_apart <= SAME_NEWS_DAYS) & ~newer)
    return np.where(same_news, SENTENCES_KEPT, SENTENCES_KEPT_OTHER_DAY)


# a day named in a text: 12/5, 12-5, 12.5, 12/5/2026, ngày 12 tháng 5 (năm 2026); not 1.350, 19,5, 19.5%, 1/2/3
_DAY_MONTH = re.compile(r"(?<![\d/.,-])(\d{1,2}) ?[/.-] ?(\d{1,2})(?: ?[/.-] ?(\d{4}))?(?![\d/%]|[.,-]\d)"
                        r"|\bngày (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?", re.IGNORECASE)


def mentioned_days(text: str, year: int) -> frozenset[int]:
    """The days (yyyymmdd) that *text* names, in *year* when it names none (an article
    dated *year*): ``sáng 13/5``, ``ngày 13-5``, ``13.5``, ``13/5/2026``, ``ngày 13 tháng 5``.
    What is no day of a month (``27-28 độ``, ``32/40``) is not one."""
    found = set()
    for m in _DAY_MONTH.finditer(normalize.clean(text)):
        day, month, in_year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
        d, mo, y = int(day), int(month), int(in_year) if in_year else year
        if 1 <= mo <= 12 and 1 <= d <= _MONTH_DAYS[mo - 1]:
            found.add(y * 10000 + mo * 100 + d)
    return frozenset(found)


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def newer_news(first_day: int, first: frozenset[int], then_day: int, then: frozenset[int]) -> bool:
    """Whether the later of two articles (dated *then_day*, naming the days *then*) names
    a day after the earlier's date (*first_day*, naming *first*), up to its own, that the
    earlier does not name: news the earlier could not hold (``sáng 13/5, UBND tỉnh họp``
    above yesterday's report). An outlet's copy, even under a lead of its own, names the
    days of the original's news."""
    return any(first_day < d <= then_day for d in then - first)


def date_replaced(first_day: int, first: frozenset[int], then_day: int, then: frozenset[int]) -> bool:
    """Whether the later of two articles is another day's edition of the earlier: the
    earlier names its own date (*first_day* in *first*), the later does not, and names a
    day after it, up to its own (:func:`newer_news`). The next day's weather forecast
    ("ngày 12/5" where the day before said "ngày 11/5") keeps most of the day before's
    sentences, its set phrases and many of its figures; an outlet's copy of yesterday's
    report keeps the day its news happened, even under a lead of its own."""
    return first_day in first and first_day not in then and newer_news(first_day, first, then_day, then)


def title_days(title: str, day: int) -> frozenset[int]:
    """The days (yyyymmdd) that *title* names within :data:`MAX_DAYS` of its article's
    date *day* (0, undated: none): the day of an edition, ``Giá vàng hôm nay 19.6``,
    ``Thời tiết hôm nay 9/2/2017``, ``Đêm nay 8/2, ...``; a score (``thắng 2-1``) or a
    date of long ago is none."""
    named = sorted(mentioned_days(title, day // 10000)) if day else []
    if not named:
        return frozenset()
    apart = np.abs(_ordinal(np.array(named)) - _ordinal(np.array([day]))[0])
    return frozenset(d for d, gap in zip(named, apart.tolist()) if gap <= MAX_DAYS)


def other_editions(first: frozenset[int], then: frozenset[int]) -> bool:
    """Whether two articles whose titles name the days *first* and *then*
    (:func:`title_days`) are two editions of a bulletin: each title names a day, and none
    the other's (today's gold prices of 19.6 and of 20.6, the forecast of 8/2 and of 9/2).
    An outlet's copy keeps the day its source's title names, or names none."""
    return bool(first) and bool(then) and not first & then


# an hour of the day: 13 giờ, 16h, 16h30, 9h42 (not a span: 24 giờ tới, 48 giờ tiếp theo, trong 3 giờ qua)
_HOUR = re.compile(r"(?<![\d.,])(\d{1,2}) ?(?:giờ|h)(\d{2})?(?!\w)(?! ?(?:tới|qua|tiếp|sau|trước|đồng hồ))",
                   re.IGNORECASE)
# a measurement written with a decimal comma: 17,5 (độ vĩ Bắc), 2,1 (mm), 36,6 (triệu đồng); not 1.350, not 1,2,3;
# round 14: or with a decimal point, one or two digits after it, that is no day of a month (40.7 độ; not 19.6)
_DECIMAL = re.compile(r"(?<![\d.,])(\d+)([.,])(\d+)(?![\d,]|[.,]\d)")


def hours_named(text: str) -> frozenset[tuple[int, int]]:
    """The hours of the day a text names, as (hour, minute): ``hồi 16 giờ``, ``lúc 9h42``."""
    return _readings(text)[0]


def _readings(text: str) -> tuple[frozenset[tuple[int, int]], frozenset[str]]:
    """The hours of the day a text names (:func:`hours_named`) and its measurements
    written with a decimal comma (the text cleaned once for both)."""
    clean = normalize.clean(text)
    hours = set()
    for m in _HOUR.finditer(clean):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour <= 24 and minute < 60:
            hours.add((hour, minute))
    return frozenset(hours), frozenset(_decimals(clean))


def _decimals(clean: str) -> list[str]:
    """The measurements of a cleaned text written with a decimal comma (``17,5``), or with
    a decimal point and one or two digits after it that name no day of a month (``40.7``:
    an outlet's way of writing ``40,7``; ``19.6`` may be a day, ``1.350`` is a thousand),
    each as written with the comma."""
    found = []
    for whole, mark, fraction in _DECIMAL.findall(clean):
        a_day = 1 <= int(whole) <= 31 and 1 <= int(fraction) <= 12
        if mark == "." and (not READING_POINT or len(fraction) > 2 or a_day):
            continue
        found.append(f"{whole},{fraction}")
    return found


def another_reading(shorter: str, longer: str) -> bool:
    """Whether *shorter* is another reading of the bulletin *longer* is built on: it names
    an hour of the day *longer* does not (the hour of its observation), and holds at least
    :data:`READING_FIGURES` measurements written with a decimal comma of which fewer than
    :data:`READING_KEPT` are in *longer*. Two bulletins of one storm a few hours apart
    repeat each other's sentences word for word with a new position (``17,5 độ vĩ Bắc``),
    new winds and a new hour; a copy keeps its figures and the hour it was written."""
    return _another_reading(_readings(shorter), _readings(longer))


def _another_reading(shorter: tuple[frozenset, frozenset], longer: tuple[frozenset, frozenset]) -> bool:
    (hours, figures), (other_hours, other_figures) = shorter, longer
    if len(figures) < READING_FIGURES or not hours - other_hours:
        return False
    return len(figures & other_figures) < READING_KEPT * len(figures)


# a word that may start a sentence: after a full stop, question or exclamation mark, colon, ellipsis,
# an opening quote or bracket, or a line break (or the text's start)
_STARTS_SENTENCE = re.compile(r"(?:^|[.!?:…\n\"“'‘(\[-]\s*)$")


def names_of(text: str) -> dict[str, int]:
    """The names *text* repeats: each word written with a capital and small letters after
    it (``Triwonder``, ``Khánh``; not ``UBND``, not a sentence's first word), folded, and how
    many times it is written so."""
    clean = normalize.clean(text)
    found: dict[str, int] = {}
    for word, start, _ in normalize.tokens(clean):
        if len(word) < 3 or not word[0].isupper() or not word[1:].islower() \
                or _STARTS_SENTENCE.search(clean[max(0, start - 3):start]):
            continue
        key = normalize.folded(word)
        found[key] = found.get(key, 0) + 1
    return found


def another_subject(shorter: str, longer: str) -> bool:
    """Whether *shorter* is a template text written again for another subject: it names a
    name :data:`SUBJECT_TIMES` times or more that *longer* never holds (as a word, folded,
    nor by its initial: ``anh Nguyễn Văn H.`` for ``anh Nguyễn Văn Hùng``). A notice of one
    firm (its name eight times) and the same notice of another share every set phrase; a
    copy keeps the names it repeats."""
    return _another_subject(names_of(shorter), longer)


def _another_subject(names: dict[str, int], longer: str) -> bool:
    repeated = [name for name, times in names.items() if times >= SUBJECT_TIMES]
    if not repeated:
        return False
    words = {normalize.folded(w) for w, _, _ in normalize.tokens(normalize.clean(longer))}
    # a name the longer writes by its initial (anh Nguyễn Văn H.), as papers do in crime reports, is kept
    return any(name not in words and name[0] not in words for name in repeated)


def is_page(fingerprint: bytes | np.ndarray) -> bool:
    """Whether a body (its fingerprint, :func:`sketch`) is a page, not a text written in
    sentences: no word of it but the last ends a sentence (a full stop, a question or
    exclamation mark or an ellipsis followed by a space, or a line break): a schedule's
    or a table's cells and a site's links. (A body of one sentence is one too: of the
    MIN_WORDS words or more that the grouping asks, rare.)"""
    stream = np.frombuffer(fingerprint, np.uint8) if isinstance(fingerprint, bytes) else fingerprint
    return not (stream == SENTENCE_MARK).any()


def other_pages(first: str, then: str) -> bool:
    """Whether two titles of pages (:func:`is_page`) name two pages: their words, folded,
    differ (``Lịch thi đấu ... đơn nam`` and ``... đơn nữ``). Two pages of one site's
    template share every cell and link, and hold nothing of their own that tells them
    apart but the title; the same page fetched twice keeps its title."""
    return _title_words(first) != _title_words(then)


def _title_words(title: str | None) -> tuple[str, ...]:
    return tuple(normalize.folded(w) for w, _, _ in normalize.tokens(normalize.clean(title or "")))


def _edited_throughout(cover_shorter: np.ndarray, cover_longer: np.ndarray, days_apart: np.ndarray) -> np.ndarray:
    return (cover_shorter >= ORDERED_FROM) & (cover_longer >= COVERED_LONGER) & (days_apart <= ORDERED_DAYS)


def edited_throughout(cover_shorter: np.ndarray, cover_longer: np.ndarray, days_apart: np.ndarray) -> np.ndarray:
    """The pairs :func:`is_copy` judges on their runs in order (:func:`ordered_share`):
    dated at most :data:`ORDERED_DAYS` apart (or undated), not copies on their shared runs
    alone, with :data:`ORDERED_FROM` of the shorter and :data:`COVERED_LONGER` of the
    longer in them."""
    return _edited_throughout(cover_shorter, cover_longer, days_apart) & ~is_copy(cover_shorter, cover_longer, days_apart)


def _half_of_both(cover_shorter: np.ndarray, cover_longer: np.ndarray, days_apart: np.ndarray) -> np.ndarray:
    return (cover_shorter >= COVERED_BOTH) & (cover_longer >= COVERED_BOTH_LONGER) & (days_apart <= BOTH_DAYS)


def reworded(cover_shorter: np.ndarray, cover_longer: np.ndarray, days_apart: np.ndarray) -> np.ndarray:
    """The pairs :func:`is_copy` judges on their sentences: dated the same day or the next
    (or undated), not copies on their shared runs alone, but with a fair part of both
    bodies in them."""
    return _half_of_both(cover_shorter, cover_longer, days_apart) & ~is_copy(cover_shorter, cover_longer, days_apart)


def _ordinal(days: np.ndarray) -> np.ndarray:
    """yyyymmdd -> days since an epoch (0 stays 0: undated)."""
    out = np.zeros(len(days), np.int64)
    dated = days > 0
    if dated.any():
        d = days[dated]
        stamps = np.array([f"{v // 10000:04d}-{v // 100 % 100:02d}-{v % 100:02d}" for v in d], dtype="datetime64[D]")
        out[dated] = stamps.astype(np.int64) + 1
    return out


def _anchors(streams: list[np.ndarray], first: int) -> tuple[np.ndarray, np.ndarray]:
    """The anchors of fingerprints (word bytes and sentence marks) and the body of each
    (*first* for the first of *streams*, and on), each anchor once a body. The runs of
    all of them are hashed at once, the bodies laid end to end (runs across two bodies
    left out)."""
    words = [s[s != SENTENCE_MARK] for s in streams]
    lengths = np.fromiter(map(len, words), np.int64, count=len(words))
    runs = _runs(np.concatenate(words) if words else np.zeros(0, np.uint8))
    if not len(runs):
        return np.zeros(0, np.uint64), np.zeros(0, np.int32)
    ends = np.cumsum(lengths) - RUN  # the last run of each body starts there
    anchor = np.flatnonzero((runs >> np.uint64(64 - ANCHOR_BITS)) == 0)
    body = np.searchsorted(ends, anchor)  # the first body whose last run starts at or after it
    within = anchor >= ends[body] - lengths[body] + RUN  # not a run across the body's start
    values, docs = runs[anchor[within]], (body[within] + first).astype(np.int32)
    if not len(values):
        return values, docs
    order = np.lexsort((values, docs))
    values, docs = values[order], docs[order]
    once = np.r_[True, (values[1:] != values[:-1]) | (docs[1:] != docs[:-1])]
    return values[once], docs[once]


def _anchor_pairs(usable: np.ndarray, fingerprint: Callable[[int], bytes]) -> np.ndarray:
    """The pairs (i * m + j, i < j: positions in *usable*, m its length) sharing at least
    :data:`ANCHORS` anchors, and :data:`ANCHORS_SHARED` of those of the one with fewer:
    runs of RUN words whose hash falls in a fixed 1/2^ANCHOR_BITS of the values, each
    counted once a body. An anchor held by more than :data:`MAX_BUCKET` articles is
    boilerplate and counts for nothing, so the pairs stay few: at most MAX_BUCKET - 1 a
    body and anchor. The fingerprints are read in batches of :data:`ANCHOR_BATCH` words:
    only the anchors (1 run in 2^ANCHOR_BITS) are kept of each."""
    m = len(usable)
    held_values, held_docs = [], []
    batch: list[np.ndarray] = []
    size = first = 0
    for i, doc in enumerate(usable.tolist()):
        batch.append(np.frombuffer(fingerprint(doc), np.uint8))
        size += len(batch[-1])
        if size >= ANCHOR_BATCH or i == m - 1:
            values, docs = _anchors(batch, first)
            held_values.append(values)
            held_docs.append(docs)
            first, batch, size = i + 1, [], 0
    if not held_values:
        return np.zeros(0, np.int64)
    values = np.concatenate(held_values)
    del held_values
    if not len(values):
        return np.zeros(0, np.int64)
    order = np.argsort(values, kind="stable")  # the bodies ascend within a value, as they were read
    values, docs = values[order], np.concatenate(held_docs)[order]
    del order, held_docs
    held = np.bincount(docs, minlength=m)  # anchors of each body
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    sizes = np.diff(np.r_[starts, len(values)])
    small = np.repeat(sizes <= MAX_BUCKET, sizes)
    found = []
    for offset in range(1, MAX_BUCKET):
        same = (values[offset:] == values[:-offset]) & small[offset:]
        if not same.any():
            break
        found.append(docs[:-offset][same].astype(np.int64) * m + docs[offset:][same])
    if not found:
        return np.zeros(0, np.int64)
    pairs, shared = np.unique(np.concatenate(found), return_counts=True)
    fewer = np.minimum(held[pairs // m], held[pairs % m])
    return pairs[(shared >= ANCHORS) & (shared >= ANCHORS_SHARED * fewer)]


def _identical(signatures: np.ndarray, usable: np.ndarray, words: np.ndarray, fingerprint: Callable[[int], bytes],
               title: Callable[[int], str] | None) -> tuple[np.ndarray, np.ndarray]:
    """The documents of *usable* (ascending) whose body is an earlier one's (a lower
    number), exactly, and that earlier one: (copies, originals). Identical bodies have
    identical signatures, so only the documents sharing a signature with another are
    read: one body is another's when their fingerprints are identical (and, the first
    FINGERPRINT_WORDS words alone fingerprinted, their lengths as indexed). A body that
    is no text, which the rule would not call a copy of itself (round 15's page,
    :func:`is_page`; or one mostly filler, less than COVERED of it in runs that are not:
    a table's empty cells, a sentence repeated down a template), is another's only under
    one title: two pages of a site's template are two pages (:func:`other_pages`)."""
    if len(usable) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    rows = np.ascontiguousarray(signatures[usable]).view(f"V{2 * signatures.shape[1]}").ravel()
    order = np.argsort(rows, kind="stable")  # a signature's documents ascend, as *usable* does
    ranked = rows[order]
    equal = ranked[1:] == ranked[:-1]
    if not equal.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    copies, originals = [], []
    first: dict[tuple, int] = {}
    text_like: dict[bytes, bool] = {}
    for k in np.flatnonzero(np.r_[equal, False] | np.r_[False, equal]).tolist():
        if k == 0 or not equal[k - 1]:
            first.clear()  # another signature
        doc = int(usable[order[k]])
        stream = bytes(fingerprint(doc))
        key: tuple = (stream,)
        if np.count_nonzero(np.frombuffer(stream, np.uint8)) >= FINGERPRINT_WORDS:
            key += (int(words[doc]),)  # the rest of the body was not fingerprinted
        if stream not in text_like:
            text_like[stream] = not (PAGES and is_page(stream)) and covered(stream, stream)[0] >= COVERED
        if not text_like[stream] and title is not None:
            key += (_title_words(title(doc)),)
        if key in first:
            copies.append(doc)
            originals.append(first[key])
        else:
            first[key] = doc
    return np.array(copies, np.int64), np.array(originals, np.int64)


def group(signatures: np.ndarray, words: np.ndarray, days: np.ndarray, live: np.ndarray,
          fingerprint: Callable[[int], bytes], text: Callable[[int], str] | None = None,
          trace: dict[str, np.ndarray] | None = None, title: Callable[[int], str] | None = None) -> np.ndarray:
    """The story of every document: the lowest document number of its story (its own
    number when it has no copy). Identical bodies (round 16: :func:`_identical`) are one
    article to the grouping, the first indexed, and the others take its story: an exact
    copy is always in its original's story, and adding one moves no other article
    (:func:`_stars` groups the rest; *trace* gets ``identical``, (copy, original) pairs).
    *signatures*: (n, K) uint16; *words*: body lengths (as
    indexed: a body shorter than MIN_WORDS is never grouped);
    *days*: yyyymmdd (0 undated); *live*: documents not deleted; *fingerprint*: the
    fingerprint of a document number, asked only for the documents of candidate pairs;
    *text*: its body, asked only for the pairs :data:`SAME_NEWS_DAYS` apart whose share of
    sentences kept the days they name decide (:func:`newer_news`), and for the copies at
    most a day apart with less than COVERED_WHOLE of the shorter in shared runs (round 10:
    :func:`date_replaced`, :func:`another_reading`; None: no pair is looked at that way,
    as before round 9). *trace* (round 12; for the eval's ``--errors``): a dict filled
    with the pairs of document numbers, (k, 2) int arrays, at each stage: ``proposed``
    (candidates of the bands and the anchors), ``compared`` (kept by the estimate and
    measured) and ``copies`` (judged copies, before the stars). *title*: the title of a
    document number, asked only for the copies with less than COVERED_WHOLE of the shorter
    in shared runs (round 12: :func:`other_editions`; None: titles are not read). *text* is
    asked too for the copies :data:`SUBJECT_DAYS` apart or more (round 14:
    :func:`another_subject`; a few dozen in 15,000 articles)."""
    live = np.array(live, bool)
    copies, originals = _identical(signatures, _usable(signatures, words, live), words, fingerprint, title)
    if trace is not None:
        trace["identical"] = np.column_stack([copies, originals])
    live[copies] = False
    story = _stars(signatures, words, days, live, fingerprint, text, trace, title)
    story[copies] = story[originals]  # (an original's number is below its copies': the story's lowest stays)
    return story


def _usable(signatures: np.ndarray, words: np.ndarray, live: np.ndarray) -> np.ndarray:
    """The documents that may be grouped: live, MIN_WORDS long, with a signature."""
    if not len(signatures):
        return np.zeros(0, np.int64)
    return np.flatnonzero(live & (words >= MIN_WORDS) & (signatures[:, 0] != 0xFFFF))


def _stars(signatures: np.ndarray, words: np.ndarray, days: np.ndarray, live: np.ndarray,
           fingerprint: Callable[[int], bytes], text: Callable[[int], str] | None,
           trace: dict[str, np.ndarray] | None, title: Callable[[int], str] | None) -> np.ndarray:
    """:func:`group`'s stories of the live documents, each body once."""
    n = len(signatures)
    story = np.arange(n, dtype=np.int32)
    usable = _usable(signatures, words, live)
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
    # a cut of a long text shares a small part of the longer's three-word phrases (a
    # Jaccard similarity of 0.1-0.16), which the bands seldom catch: pairs sharing a
    # few anchors (runs of RUN words sampled by their hash) are candidates too
    anchored = _anchor_pairs(usable, fingerprint)
    from_anchors = np.zeros(0, np.int64)
    if len(anchored):
        from_anchors = np.setdiff1d(anchored, pairs, assume_unique=True)
        pairs = np.union1d(pairs, anchored)
    if trace is not None:
        trace["proposed"] = np.column_stack([usable[pairs // m], usable[pairs % m]])
    if not len(pairs):
        return story
    # the share of the shorter body's shingles found in the longer, estimated from the
    # signatures' Jaccard similarity and the lengths: the pairs far below any copy are
    # not compared word by word. In runs of pairs: 3.4 million candidates (100,000
    # synthetic articles) compared at once took 2.3 GB when a server warmed up.
    ordinal = _ordinal(days[usable])
    lengths = np.maximum(words[usable], 1).astype(np.float64)
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for lo in range(0, len(pairs), PAIRS_AT_ONCE):
        left, right = pairs[lo:lo + PAIRS_AT_ONCE] // m, pairs[lo:lo + PAIRS_AT_ONCE] % m
        jaccard = np.count_nonzero(sig[left] == sig[right], axis=1) / sig.shape[1]
        a, b = lengths[left], lengths[right]
        estimate = jaccard * (a + b) / (1 + jaccard) / np.minimum(a, b)
        apart = np.where((ordinal[left] > 0) & (ordinal[right] > 0), np.abs(ordinal[left] - ordinal[right]), 0)
        keep = estimate >= np.where(apart > MAX_DAYS, PREFILTER_WHOLE, PREFILTER)
        keep |= np.isin(pairs[lo:lo + PAIRS_AT_ONCE], from_anchors, assume_unique=True)  # shared runs, not estimated
        kept.append((left[keep], right[keep], apart[keep]))
    left, right, apart = (np.concatenate(part) for part in zip(*kept))
    if trace is not None:
        trace["compared"] = np.column_stack([usable[left], usable[right]])
    if not len(left):
        return story
    bodies: dict[int, tuple[int, np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]] = {}

    def body(i: int) -> tuple[int, np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]:
        """Words, runs, runs sorted, not filler, and the fingerprint of document i."""
        if i not in bodies:
            stream = np.frombuffer(fingerprint(int(usable[i])), np.uint8)
            words_i = stream[stream != SENTENCE_MARK]
            runs_i = _runs(words_i)
            ranked = np.sort(runs_i)
            bodies[i] = (len(words_i), runs_i, ranked, _once(runs_i, ranked), stream)
        return bodies[i]

    shorter = np.zeros(len(left))
    longer = np.zeros(len(left))
    shorter_words = np.zeros(len(left))
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist())):
        (ni, ri, si, oi, _), (nj, rj, sj, oj, _) = body(i), body(j)
        ci, cj = _covered_share(ri, sj, ni, oi), _covered_share(rj, si, nj, oj)
        shorter[k], longer[k] = (ci, cj) if ni <= nj else (cj, ci)
        shorter_words[k] = min(ni, nj)
    # the same text lightly edited, which breaks a run of ten words every sentence or two
    # or edited all along, which breaks runs of ten words but keeps shorter runs in order
    kept = np.zeros(len(left))
    ordered = np.zeros(len(left))
    newer = None if text is None else np.zeros(len(left), bool)
    mentions: dict[int, frozenset[int]] = {}
    texts: dict[int, str] = {}

    def body_text(i: int) -> str:
        if i not in texts:
            texts[i] = text(int(usable[i]))
        return texts[i]

    readings: dict[int, tuple[frozenset, frozenset]] = {}

    def read(i: int) -> tuple[frozenset, frozenset]:
        if i not in readings:
            readings[i] = _readings(body_text(i))
        return readings[i]

    def mentioned(i: int) -> frozenset[int]:
        if i not in mentions:
            doc = int(usable[i])
            mentions[i] = mentioned_days(body_text(i), int(days[doc]) // 10000) if days[doc] else frozenset()
        return mentions[i]

    throughout = edited_throughout(shorter, longer, apart)
    for k in np.flatnonzero(reworded(shorter, longer, apart) | throughout).tolist():
        i, j = int(left[k]), int(right[k])
        (ni, *_, a), (nj, *_, b) = body(i), body(j)
        a, b = words_and_sentences(a), words_and_sentences(b)
        if ni > nj:
            a, b = b, a
        kept[k] = sentences_kept(a, b)
        if newer is not None and 0 < apart[k] <= SAME_NEWS_DAYS and SENTENCES_KEPT <= kept[k] < SENTENCES_KEPT_OTHER_DAY:
            # only where the days named decide (the bodies read: a few dozen in 15,000 articles)
            (first, m_first), (then, m_then) = sorted([(int(days[usable[i]]), i), (int(days[usable[j]]), j)])
            newer[k] = newer_news(first, mentioned(m_first), then, mentioned(m_then))
        if throughout[k] and kept[k] >= _kept_needed(apart[k:k + 1], None if newer is None else newer[k:k + 1])[0]:
            ordered[k] = ordered_share(a[0], b[0])  # (in Python: only where the sentences allow a copy)
    ok = is_copy(shorter, longer, apart, kept, shorter_words, ordered, newer)
    if text is not None:  # round 10: another day's edition, or another reading of a bulletin, is no copy
        for k in np.flatnonzero(ok & (shorter < COVERED_WHOLE)
                                & (apart <= max(NEW_EDITION_DAYS, NEW_READING_DAYS))).tolist():
            i, j = int(left[k]), int(right[k])
            if 0 < apart[k] <= NEW_EDITION_DAYS:
                (first, m_first), (then, m_then) = sorted([(int(days[usable[i]]), i), (int(days[usable[j]]), j)])
                if date_replaced(first, mentioned(m_first), then, mentioned(m_then)):
                    ok[k] = False
                    continue
            if apart[k] <= NEW_READING_DAYS:
                short_i, long_i = (i, j) if bodies[i][0] <= bodies[j][0] else (j, i)
                hours, figures = read(short_i)  # the longer is read only when the shorter could be a reading
                if hours and len(figures) >= READING_FIGURES and _another_reading((hours, figures), read(long_i)):
                    ok[k] = False
    # round 11: two days or more apart, a copy keeps its text in order; a template bulletin
    # of another week repeats its set phrases in every paragraph, with other figures between
    for k in np.flatnonzero(ok & (shorter < COVERED_WHOLE) & (apart >= IN_ORDER_DAYS)).tolist():
        if not ordered[k]:  # (in Python: 16 pairs of the 15,000 real articles)
            (ni, *_, a), (nj, *_, b) = bodies[int(left[k])], bodies[int(right[k])]
            a, b = words_and_sentences(a)[0], words_and_sentences(b)[0]
            ordered[k] = ordered_share(a, b) if ni <= nj else ordered_share(b, a)
        ok[k] = ordered[k] >= KEPT_IN_ORDER
    if title is not None:  # round 12: two titles that name other days are two editions
        titled: dict[int, frozenset[int]] = {}

        def edition(i: int) -> frozenset[int]:
            if i not in titled:
                doc = int(usable[i])
                titled[i] = title_days(title(doc), int(days[doc]))
            return titled[i]

        for k in np.flatnonzero(ok & (shorter < COVERED_WHOLE)).tolist():  # (a few hundred titles in 15,000)
            if other_editions(edition(int(left[k])), edition(int(right[k]))):
                ok[k] = False
    if title is not None and PAGES:  # round 15: two pages of a site's template (no sentence in either body)
        pages = {i: is_page(bodies[i][4]) for i in set(left[ok].tolist()) | set(right[ok].tolist())}
        for k in np.flatnonzero(ok).tolist():  # (titles read: 1 pair of the 15,000 real articles' copies)
            i, j = int(left[k]), int(right[k])
            if pages[i] and pages[j] and other_pages(title(int(usable[i])), title(int(usable[j]))):
                ok[k] = False
    if text is not None and SUBJECT_TIMES:  # round 14: a template text written again for another subject
        named: dict[int, dict[str, int]] = {}
        for k in np.flatnonzero(ok & (apart >= SUBJECT_DAYS)).tolist():
            i, j = int(left[k]), int(right[k])
            short_i, long_i = (i, j) if bodies[i][0] <= bodies[j][0] else (j, i)
            if short_i not in named:
                named[short_i] = names_of(body_text(short_i))
            if _another_subject(named[short_i], body_text(long_i)):
                ok[k] = False
    # round 15: dated on other days, a copy on its shared runs alone (below COVERED_WHOLE)
    # keeps most of its sentences too (those the rule of sentences judged were measured):
    # a second write-up of one programme the next day shares its long names and lists,
    # runs of ten words, in sentences of its own
    plain_other_day = ok & (shorter < COVERED_WHOLE) & (apart >= 1) & (kept == 0)
    for k in np.flatnonzero(plain_other_day if PLAIN_KEPT else np.zeros(0, bool)).tolist():
        (ni, *_, a), (nj, *_, b) = bodies[int(left[k])], bodies[int(right[k])]
        a, b = words_and_sentences(a), words_and_sentences(b)
        kept[k] = sentences_kept(a, b) if ni <= nj else sentences_kept(b, a)  # (48 pairs of the 15,000 real articles)
        ok[k] = kept[k] >= PLAIN_KEPT
    left, right, part, share = left[ok], right[ok], longer[ok] < PART, shorter[ok]
    if trace is not None:
        trace["copies"] = np.column_stack([usable[left], usable[right]])
    twin = np.minimum(shorter[ok], longer[ok]) >= np.where(apart[ok] == 0, TWIN, max(TWIN, COVERED_OTHER_DAY))
    twin |= (shorter[ok] >= COVERED_WHOLE) & (longer[ok] >= PART)  # the shorter whole in the longer, no part of it
    if not len(left):
        return story
    # stories as stars, not chains: the longest article not yet in a story starts one,
    # and its copies not yet in a story join it. Reports written from one bulletin over
    # several days are each a copy of the next day's, but not of the whole run. And
    # copies that are each a small part of it join it only when they share text with
    # one another: a digest, or a long report, holding two stories is not one story.
    # An article not yet in a story that is a twin of one already in a story (a copy of
    # most of both bodies) joins that story: a near-duplicate is never left alone because
    # the centre its twin joined shares less with it.
    copies: dict[int, dict[int, float]] = {}  # share of the shorter in shared runs, < 0: a part
    twins: dict[int, list[int]] = {}  # copies of both bodies: TWIN of each in shared runs (another day, COVERED_OTHER_DAY)
    for i, j, is_part, covered_, is_twin in zip(left.tolist(), right.tolist(), part.tolist(), share.tolist(),
                                                twin.tolist()):
        copies.setdefault(i, {})[j] = copies.setdefault(j, {})[i] = -covered_ if is_part else covered_
        if is_twin:
            twins.setdefault(i, []).append(j)
            twins.setdefault(j, []).append(i)

    def overlap(i: int, j: int) -> bool:
        """Whether two parts of one body share text: PART_OVERLAP of the shorter in shared runs."""
        if j in copies[i]:
            return True
        (ni, ri, si, oi, _), (nj, rj, sj, oj, _) = body(i), body(j)
        share = _covered_share(ri, sj, ni, oi) if ni <= nj else _covered_share(rj, si, nj, oj)
        return share >= PART_OVERLAP

    centre: dict[int, int] = {}
    for i in sorted(copies, key=lambda i: (-bodies[i][0], i)):
        if i not in centre:
            placed = [j for j in twins.get(i, ()) if j in centre]
            if placed:
                centre[i] = centre[max(placed, key=lambda j: (abs(copies[i][j]), -j))]
                continue
            centre[i] = i
            parts: list[int] = []
            for j in sorted(copies[i], key=lambda j: (-abs(copies[i][j]), j)):  # the closest copies first
                if j in centre:
                    continue
                if copies[i][j] < 0:  # a part of i
                    if any(not overlap(j, p) for p in parts):
                        continue
                    parts.append(j)
                centre[j] = i
    # round 13: an article the stars left alone (its copies all joined stories first, and
    # it is a twin of none of them) joins the story of its closest copy in a story when
    # that copy holds as much of the shorter as a plain copy (COVERED, another day
    # COVERED_OTHER_DAY) and it shares text (PART_OVERLAP) with every article of that
    # story: an item of a digest whose other items are other stories stays out. The stars
    # are read before any article moves: no article follows a lone one into a story.
    if LONE:
        stars: dict[int, list[int]] = {}
        for j, c in centre.items():
            stars.setdefault(c, []).append(j)
        moves: dict[int, int] = {}
        for i in [i for i, held in stars.items() if held == [i]]:
            for j in sorted(copies[i], key=lambda j: (-abs(copies[i][j]), j)):
                c = centre[j]
                if len(stars[c]) < 2:
                    continue
                dated = ordinal[i] > 0 and ordinal[j] > 0
                plain = COVERED_OTHER_DAY if dated and ordinal[i] != ordinal[j] else COVERED
                if abs(copies[i][j]) >= plain and all(overlap(i, k) for k in stars[c]):
                    moves[i] = c
                break  # only the closest copy in a story
        centre.update(moves)
    members: dict[int, list[int]] = {}
    for i, c in centre.items():
        members.setdefault(c, []).append(i)
    for group_ in members.values():
        docs = usable[group_]
        story[docs] = docs.min()
    return story
