"""Answer searches from the index: one API for the command line and the web.

:class:`Searcher` answers a :class:`~indexer.query.SearchRequest` from the live
index with a :class:`~indexer.models.SearchResult`, and reopens the index when it
changes (a new commit, or a reindex swapped in).

Whoosh stores the index; the search itself runs on arrays. For each generation a
:class:`_Snapshot` holds, per document, the day, the word counts and the officials,
and it loads a term's postings once into arrays of document numbers and BM25
contributions (an LRU cache bounded in bytes). A query is first *read*
(:meth:`Searcher.parse`): its syllables are grouped into words, and, typed without
accents, given their likely spelling. It is then a few vector operations: a match
mask (every word present, as spelled when the query has accents, in any spelling
when it has none; the syllables of one word side by side, as pair terms), a score
(folded words; the spelling typed or restored again; pairs, so words side by side
rank first; titles weigh more), and facet counts by ``bincount`` over all matches.
Only the page's hits read stored fields, for their snippets. Accent restoration
(:func:`_restore`) reads how many documents hold each spelling of a pair.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from whoosh.filedb.filestore import FileStorage

from indexer import normalize, people, postings, schema, stories, wordlist
from indexer.abbreviations import Abbreviations, expand
from indexer.officials import PROVINCES
from indexer.indexing import VOCAB_PREFIX, check_schema, require_generation
from indexer.models import Article, Copy, FacetCount, Html, Official, OfficialSummary, SearchHit, SearchResult
from indexer.wordlist import WordList
from indexer.query import (  # noqa: F401 - re-exported: the search API in one place
    MAX_WORDS,
    SORTS,
    Clause,
    ParsedQuery,
    SearchRequest,
    describe,
    highlight,
    parse_query,
    typed_words,
)

TITLE_WEIGHT = 2.0
FIELDS = (("title", TITLE_WEIGHT), ("body", 1.0))  # the text fields, with their weights
EXACT_WEIGHT = 1.0  # added again for words matching with their accents as typed
PAIR_WEIGHT = 10.0  # neighbouring words side by side; measured on real news (README)
BM25_K1 = 1.2
BM25_B = 0.75
# Term arrays kept in memory per process: postings as (int32 doc, float16 BM25), 6 bytes
# each, and for common words whole-archive vectors, 3 bytes a document. With postings
# read straight from their arrays on disk (indexer.postings) a miss is cheap: 48 MB
# serves 100,000 realistic articles at about the speed of 96 MB (which thrashed when
# postings were decoded from Whoosh) and keeps two server processes under 500 MB.
CACHE_BYTES = 48_000_000
DENSE_FRACTION = 8  # a word in more than 1/8 of the documents gets vectors
# Two typed words with no listed word or name between them are read as one word when
# they stand side by side in this share of the articles holding both (README).
JOIN_SHARE = 0.2

_EMPTY = (np.zeros(0, np.int32), np.zeros(0, np.float16))


@dataclass
class _Snapshot:
    """One generation of the index, opened, with its per-document arrays."""

    gen: Path
    whoosh_gen: int
    ix: object
    searcher: object
    layout: postings.Layout  # the postings of title and body
    size: int  # documents, deleted ones included
    live: np.ndarray  # bool
    days: np.ndarray  # int32 yyyymmdd, 0 undated
    years: np.ndarray  # int32
    months: np.ndarray  # int32 yyyymm
    first_year: int  # the earliest year, for counting by bincount
    year_slot: np.ndarray  # int32: years since first_year + 1, 0 undated
    month_slot: np.ndarray  # int32: months since January of first_year + 1, 0 undated
    lengths: dict[str, tuple[np.ndarray, float]]  # field -> (words per doc, average)
    names: list[str]  # official index -> person key (indexer.people: the facet's values)
    name_index: dict[str, int]
    off_docs: np.ndarray  # one entry per (doc, official) pair
    off_ids: np.ndarray
    official_keys: dict[str, list[str]]  # accent-free name -> person keys
    people: list[people.Person]  # by official index
    member_of: dict[str, str]  # article key (index term) -> person key
    folded_keys: dict[str, str]  # accent-free person key -> person key
    lock: threading.Lock = field(default_factory=threading.Lock)
    cache: OrderedDict = field(default_factory=OrderedDict)
    costs: dict = field(default_factory=dict)
    cached: int = 0  # bytes
    _titles: dict[str, list[FacetCount]] | None = None
    _words: tuple[dict, dict] | None = None
    _whole_names: dict[str, str] | None = None
    _name_pairs: frozenset | None = None
    _stories: tuple[np.ndarray, np.ndarray] | None = None

    def stories(self) -> tuple[np.ndarray, np.ndarray]:
        """(story of each document, whether the document has live copies): the copies of
        one story grouped from the signatures stored at index time (:mod:`indexer.stories`),
        on first use (0.2-0.4 s at 15,000 real articles)."""
        if self._stories is None:
            with self.lock:
                if self._stories is None:
                    size = self.size
                    column = self.searcher.reader().column_reader("minhash") if size else []
                    width = 2 * stories.K
                    raw = b"".join(v if len(v) == width else stories.EMPTY for v in column)
                    signatures = np.frombuffer(raw, dtype="<u2").reshape(size, stories.K)
                    story = stories.group(signatures, self.lengths["body"][0].astype(np.int64), self.days, self.live)
                    multi = (np.bincount(story, minlength=size)[story] > 1) & self.live
                    self._stories = (story, multi)
        return self._stories

    def whole_names(self) -> dict[str, str]:
        """Accent-free key -> officials' names and provinces, taken whole when restoring accents."""
        if self._whole_names is None:
            self._whole_names = {normalize.name_key(n): n for n in [*(p.name for p in self.people), *PROVINCES]}
        return self._whole_names

    def name_pairs(self) -> frozenset[tuple[str, str]]:
        """Neighbouring folded syllables inside officials' names and provinces."""
        if self._name_pairs is None:
            pairs = set()
            for key in self.whole_names():
                parts = key.split()
                pairs.update(zip(parts, parts[1:]))
            self._name_pairs = frozenset(pairs)
        return self._name_pairs

    def words(self) -> tuple[dict[str, int], dict[str, list[tuple[str, int]]]]:
        """(folded word -> documents, folded word -> its accented spellings with counts),
        from the vocabularies written beside the segments."""
        if self._words is None:
            counts: dict[str, int] = {}
            with self.lock:
                leaves = self.searcher.reader().leaf_readers()
                for leaf, _ in leaves:
                    path = self.gen / f"{VOCAB_PREFIX}{leaf.segment().segment_id()}.json"
                    try:
                        for word, n in json.loads(path.read_text(encoding="utf-8")).items():
                            counts[word] = counts.get(word, 0) + n
                    except (OSError, ValueError):
                        continue  # a segment without one: suggestions just know less
            folded: dict[str, int] = {}
            spellings: dict[str, list[tuple[str, int]]] = {}
            for word, n in counts.items():
                if word.isascii():
                    folded[word] = folded.get(word, 0) + n
                else:
                    spellings.setdefault(normalize.fold(word), []).append((word, n))
            for options in spellings.values():
                options.sort(key=lambda o: -o[1])
            self._words = (folded, spellings)
        return self._words

    # postings

    def term(self, fieldname: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, BM25 contributions) of a term in a field."""
        return self._postings((fieldname, term), lambda: self._read_postings(fieldname, term))

    def pair(self, fieldname: str, a: str, b: str, strict: bool) -> tuple[np.ndarray, np.ndarray]:
        """Documents holding two exact words side by side: as spelled (*strict*), or in
        any spelling that folds like them."""
        fa, fb = normalize.folded(a), normalize.folded(b)
        if strict:
            return self.term(fieldname, schema.spelled_pair(a, b, fa, fb))
        terms = [schema.pair(fa, fb), *(t for t, _ in self.spellings(fieldname, fa, fb))]
        return self._postings(
            (fieldname, "any", fa, fb), lambda: _merge([self._read_postings(fieldname, t) for t in terms])
        )

    def plain(self, fieldname: str, word: str) -> tuple[np.ndarray, np.ndarray]:
        """Documents holding a folded word written without accents (``tham``, not
        ``thăm``): its folded count less the counts of its accented spellings."""
        accented = self.words()[1].get(word)
        if not accented:
            return self.term(fieldname, word)

        def read():
            ids, tf = self._read_postings(fieldname, word)
            left = tf.copy()
            for spelling, _ in accented:
                s_ids, s_tf = self._read_postings(fieldname, spelling)
                if len(s_ids):
                    left[np.searchsorted(ids, s_ids)] -= s_tf
            keep = left > 0
            return ids[keep], left[keep]
        return self._postings((fieldname, "plain", word), read)

    def spellings(self, fieldname: str, a: str, b: str) -> list[tuple[str, int]]:
        """The accented spelling terms of the folded pair *a b* in a field, with the
        number of documents holding each (deleted ones included), most first: every
        spelling of *a* beside every spelling of *b*, looked up at once."""
        key = (fieldname, "spellings", a, b)
        with self.lock:
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        spelled = self.words()[1]
        left = [w for w, _ in spelled.get(a, ())] + [a]
        right = [w for w, _ in spelled.get(b, ())] + [b]
        terms = [schema.spelled_pair(x, y, a, b) for x in left for y in right if x != a or y != b]
        with self.lock:
            counts = self.layout.df_many(fieldname, terms)
            value = sorted(((t, int(n)) for t, n in zip(terms, counts) if n), key=lambda kv: -kv[1])
            self._keep(key, value, 64 * len(value) + 64)
            return value

    def spelling_counts(self, fieldname: str, a: str, b: str) -> dict[str, int]:
        """Exact pair (``dân vận``, or ``tham gia`` unaccented) -> documents holding it
        side by side so spelled, for the folded pair *a b*; from the postings' lengths alone."""
        key = (fieldname, "spelling counts", a, b)
        with self.lock:
            hit = self.cache.get(key)
        if hit is not None:
            return hit
        counts = {schema.spelling_of(term): n for term, n in self.spellings(fieldname, a, b)}
        plain = schema.pair(a, b)
        with self.lock:
            n = int(self.layout.df_many(fieldname, [plain])[0])
            if n:
                counts[plain] = n
            self._keep(key, counts, 64 * len(counts) + 64)
        return counts

    def _postings(self, key, read) -> tuple[np.ndarray, np.ndarray]:
        """Cached (ids, BM25 contributions) under *key*; *read* gives (ids, frequencies)."""
        fieldname = key[0]
        with self.lock:
            hit = self.cache.get(key)
            if hit is not None:
                self.cache.move_to_end(key)
                return hit
            ids, tf = read()
            if len(ids):
                lens, avg = self.lengths[fieldname]
                df = len(ids)
                idf = math.log(1 + (self.size - df + 0.5) / (df + 0.5))
                norm = BM25_K1 * (1 - BM25_B + BM25_B * lens[ids] / avg)
                contrib = (idf * tf * (BM25_K1 + 1) / (tf + norm)).astype(np.float16)
                value = (ids, contrib)
            else:
                value = _EMPTY
            self._keep(key, value, len(value[0]) * 6)
            return value

    def dense(self, fieldname: str, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """For a word in many documents: (presence mask, contributions) over all
        documents, or None for a rarer one. Adding whole vectors beats scattering
        tens of thousands of entries at random places, query after query."""
        key = ("dense", fieldname, term)
        with self.lock:
            hit = self.cache.get(key)
            if hit is not None:
                self.cache.move_to_end(key)
                return hit or None
        ids, contrib = self.term(fieldname, term)
        if len(ids) * DENSE_FRACTION < self.size:
            value: tuple = ()
        else:
            mask = np.zeros(self.size, bool)
            mask[ids] = True
            vector = np.zeros(self.size, np.float16)
            vector[ids] = contrib
            value = (mask, vector)
        with self.lock:
            self._keep(key, value, 3 * self.size if value else 0)
        return value or None

    def _keep(self, key, value, cost: int) -> None:
        """Cache *value* (under the lock), dropping the least recently used past the budget."""
        self.cache[key] = value
        self.costs[key] = cost
        self.cached += cost
        while self.cached > CACHE_BYTES and len(self.cache) > 1:
            old, _ = self.cache.popitem(last=False)
            self.cached -= self.costs.pop(old, 0)

    def _read_postings(self, fieldname: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        return self.layout.postings(fieldname, term)

    def titles(self) -> dict[str, list[FacetCount]]:
        """Each official's titles, most used first (read from the index on first use)."""
        if self._titles is None:
            counts: dict[str, dict[str, dict[str, int]]] = {}
            with self.lock:
                reader = self.searcher.reader()
                for term in reader.field_terms("official_title"):
                    person, _, title = term.partition("|")
                    docs = np.fromiter(reader.postings("official_title", term).all_ids(), np.int64)
                    n = int(self.live[docs].sum()) if len(docs) else 0
                    if not n:
                        continue
                    title = schema.official_name(title)
                    key = " ".join(normalize.words(title))
                    person = self.member_of.get(schema.official_name(person))
                    if person is None:
                        continue
                    spellings = counts.setdefault(person, {}).setdefault(key, {})
                    spellings[title] = spellings.get(title, 0) + n
            # one entry per title however written ("Tỉnh uỷ"/"Tỉnh ủy"), shown as written most
            self._titles = {
                name: sorted(
                    (FacetCount(max(sp, key=sp.get), sum(sp.values())) for sp in by_key.values()),
                    key=lambda c: (-c.count, c.value),
                )
                for name, by_key in counts.items()
            }
        return self._titles

    def official_mask(self, names: list[str]) -> np.ndarray:
        mask = np.zeros(self.size, bool)
        for name in names:
            i = self.name_index.get(name)
            if i is not None:
                mask[self.off_docs[self.off_ids == i]] = True
        return mask


def _merge(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """One posting list from several: sorted ids, frequencies summed."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return _EMPTY[0], np.zeros(0, np.float32)
    if len(parts) == 1:
        return parts[0]
    ids, where = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
    tf = np.bincount(where, weights=np.concatenate([p[1] for p in parts])).astype(np.float32)
    return ids.astype(np.int32), tf


def _people(reader, live: np.ndarray, size: int):
    """The archive's people (:func:`indexer.people.group` over the article keys the index
    holds), the person of each article key, and (doc, person index) pairs as two arrays."""
    postings: dict[str, np.ndarray] = {}
    if size:
        for term in reader.field_terms("official"):
            docs = np.fromiter(reader.postings("official", term).all_ids(), np.int64)
            docs = docs[live[docs]]
            if len(docs):
                postings[schema.official_name(term)] = docs.astype(np.int32)

    by_key: dict[str, dict[str, int]] | None = None

    def titles_of(article_key: str) -> dict[str, int]:
        nonlocal by_key
        if by_key is None:  # one pass over each segment's titles, on the first name with namesakes
            by_key = {}
            for leaf, _ in reader.leaf_readers():  # (the whole reader looks each term up in every segment)
                for tbytes, info in leaf.iter_field("official_title"):
                    key, _, title = tbytes.decode("utf-8").partition("|")
                    titles = by_key.setdefault(schema.official_name(key), {})
                    title = schema.official_name(title)
                    titles[title] = titles.get(title, 0) + info.doc_frequency()
        return by_key.get(article_key, {})

    persons = people.group({k: len(d) for k, d in postings.items()}, titles_of)
    member_of = {k: p.key for p in persons for k in p.members}
    index = {p.key: i for i, p in enumerate(persons)}
    docs_parts = list(postings.values())
    ids_parts = [np.full(len(d), index[member_of[k]], np.int32) for k, d in postings.items()]
    return persons, member_of, docs_parts, ids_parts


def _open_snapshot(gen: Path) -> _Snapshot:
    check_schema(gen)
    # Read files, not memory maps: a mapped index counts in the server's resident
    # memory as its pages are touched (the whole index, in time); the page cache
    # serves reads as fast and belongs to nobody.
    ix = FileStorage(str(gen), supports_mmap=False).open_index()
    searcher = ix.searcher()
    reader = searcher.reader()
    whoosh_gen = reader.generation()
    if whoosh_gen is None:  # an index of no segment
        whoosh_gen = ix.latest_generation()
    try:
        layout = postings.Layout(gen / postings.layout_name(whoosh_gen))
    except BaseException:
        searcher.close()
        raise
    size = reader.doc_count_all()
    live = np.zeros(size, bool)
    if size:
        live[np.fromiter(reader.all_doc_ids(), np.int64)] = True

    def column(name: str) -> np.ndarray:
        if not size:
            return np.zeros(0, np.int32)
        return np.fromiter(reader.column_reader(name), np.int64, count=size).astype(np.int32)

    days = column("day")
    years, months = days // 10000, days // 100
    dated = days > 0
    first_year = int(years[dated].min()) if dated.any() else 2000
    year_slot = np.where(dated, years - first_year + 1, 0).astype(np.int32)
    month_slot = np.where(dated, (years - first_year) * 12 + months % 100, 0).astype(np.int32)
    lengths = {}
    for fieldname, col in (("title", "tlen"), ("body", "blen")):
        lens = column(col).astype(np.float32)
        avg = float(lens[live].mean()) if live.any() else 1.0
        lengths[fieldname] = (lens, avg or 1.0)
    persons, member_of, docs_parts, ids_parts = _people(reader, live, size)
    names = [p.key for p in persons]
    keys: dict[str, list[str]] = {}
    for person in persons:
        keys.setdefault(normalize.name_key(person.name), []).append(person.key)
    snap = _Snapshot(
        gen=gen,
        whoosh_gen=whoosh_gen,
        ix=ix,
        searcher=searcher,
        layout=layout,
        size=size,
        live=live,
        days=days,
        years=years,
        months=months,
        first_year=first_year,
        year_slot=year_slot,
        month_slot=month_slot,
        lengths=lengths,
        names=names,
        name_index={n: i for i, n in enumerate(names)},
        off_docs=np.concatenate(docs_parts) if docs_parts else np.zeros(0, np.int32),
        off_ids=np.concatenate(ids_parts) if ids_parts else np.zeros(0, np.int32),
        official_keys=keys,
        people=persons,
        member_of=member_of,
        folded_keys={normalize.name_key(p.key): p.key for p in persons},
    )
    # Close the generation's files once no request holds the snapshot any more
    # (a newer one replaced it, or the Searcher went away).
    weakref.finalize(snap, searcher.close)
    weakref.finalize(snap, layout.close)
    return snap


# -- matching and scoring ---------------------------------------------------------

@dataclass
class Matches:
    """Every match of a search (:meth:`Searcher.stream`): the total, the query whose
    results they are when the typed one found nothing, and the hits, read lazily."""

    query: str
    total: int
    corrected: str | None
    hits: Iterator[SearchHit]


class _Scorer:
    """Builds the match mask and the scores of one query over a snapshot.

    A *strict* query (typed with accents) matches words and pairs as spelled; a loose
    one (no accent anywhere) matches every spelling, and ranks the spelling its
    reading restored first (a clause's ``exact`` words are that reading).
    """

    def __init__(self, snap: _Snapshot, strict: bool = False, breaks: frozenset = frozenset()) -> None:
        """:param breaks: folded word pairs that never stand side by side in the forms of
        the abbreviation table (``hoa the`` in ``Văn hóa, Thể thao và Du lịch``)."""
        self.snap = snap
        self.strict = strict
        self.breaks = breaks
        self.scores = np.zeros(snap.size, np.float32)
        # how many words and pairs of the likely reading a document holds as spelled:
        # it ranks first, so "dan van" finds "dân vận" before "dân vẫn"
        self.exact = np.zeros(snap.size, np.int16)

    def _add(self, fieldname: str, term: str, weight: float, mask: np.ndarray | None) -> None:
        """Score a term (unless *weight* is 0) and mark the documents holding it in *mask*."""
        dense = self.snap.dense(fieldname, term)
        if dense is not None:
            if weight:
                self.scores += weight * dense[1]
            if mask is not None:
                mask |= dense[0]
            return
        ids, contrib = self.snap.term(fieldname, term)
        if len(ids):
            if weight:
                self.scores[ids] += weight * contrib
            if mask is not None:
                mask[ids] = True

    def word(self, e: str, f: str, strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding the word (exact *e*, folded *f*); scores it on the way."""
        present = np.zeros(self.snap.size, bool)
        boost = np.zeros(self.snap.size, bool) if score and not strict and e != f else None
        for fieldname, weight in FIELDS:
            folded_mask = None if strict else present
            if score or not strict:
                self._add(fieldname, f, weight if score else 0.0, folded_mask)
            if strict and e != f:
                self._add(fieldname, e, weight * EXACT_WEIGHT if score else 0.0, present)
            elif strict:
                present[self.snap.plain(fieldname, f)[0]] = True
            elif boost is not None:
                self._add(fieldname, e, weight * EXACT_WEIGHT, boost)
        if boost is not None:
            self.exact += boost
        return present

    def pairs(self, exact: list[str], folded: list[str], strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding every neighbouring pair of the words side by side."""
        present = np.ones(self.snap.size, bool)
        for (a, b), (fa, fb) in zip(zip(exact, exact[1:]), zip(folded, folded[1:])):
            if not schema.pairable(fa, fb) or (fa, fb) in self.breaks:
                continue  # the index holds no such pair: the words are asked for alone
            both = np.zeros(self.snap.size, bool)
            boost = np.zeros(self.snap.size, bool) if score and not strict and (a, b) != (fa, fb) else None
            for fieldname, weight in FIELDS:
                ids, contrib = self.snap.pair(fieldname, a, b, strict)
                both[ids] = True
                if score:
                    self.scores[ids] += weight * PAIR_WEIGHT * contrib
                if boost is not None:
                    ids, contrib = self.snap.pair(fieldname, a, b, True)
                    boost[ids] = True
                    self.scores[ids] += weight * EXACT_WEIGHT * PAIR_WEIGHT * contrib
            present &= both
            if boost is not None:
                self.exact += boost
        return present

    def form(self, exact: list[str], folded: list[str], strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding the words, side by side when there are several."""
        present = np.ones(self.snap.size, bool)
        for e, f in zip(exact, folded):
            present &= self.word(e, f, strict, score)
        if len(folded) > 1:
            present &= self.pairs(exact, folded, strict, score)
        return present

    def clause(self, clause: Clause, strict: bool, score: bool = True) -> np.ndarray:
        """Documents holding the clause in any of its forms (an abbreviation or its long form)."""
        present = self.form(clause.exact, clause.folded, strict, score)
        for exact, folded in clause.synonyms:
            present |= self.form(exact, folded, strict, score)
        return present

    def alternative(self, clauses: list[Clause]) -> np.ndarray:
        present = np.ones(self.snap.size, bool)
        for clause in clauses:
            present &= self.clause(clause, self.strict)
        # clauses side by side rank above scattered ones
        for a, b in _boundaries(clauses):
            for fieldname, weight in FIELDS:
                ids, contrib = self.snap.pair(fieldname, a, b, self.strict)
                self.scores[ids] += weight * PAIR_WEIGHT * contrib
        return present

    def excluded(self, clause: Clause) -> np.ndarray:
        """Documents to leave out, spelled as the rest of the query is read."""
        return self.clause(clause, self.strict, score=False)

    def query(self, parsed: ParsedQuery) -> np.ndarray:
        if parsed.is_empty():
            mask = self.snap.live.copy()
        else:
            mask = np.zeros(self.snap.size, bool)
            for alt in parsed.alternatives:
                mask |= self.alternative(alt)
            mask &= self.snap.live
        for clause in parsed.excluded:
            mask &= ~self.excluded(clause)
        return mask


def _boundaries(clauses: list[Clause]) -> set[tuple[str, str]]:
    """The exact word pairs where neighbouring unquoted clauses meet, in each of their
    forms (``UBND`` | ``tỉnh`` and ``dân`` | ``tỉnh``), for the side-by-side boost."""
    plain = [c for c in clauses if not c.quoted]
    return {
        (left[-1], right[0])
        for a, b in zip(plain, plain[1:])
        for left, _ in a.forms()
        for right, _ in b.forms()
    }


# -- the searcher ----------------------------------------------------------------

class Searcher:
    """Searches the index at *root*; reopens it when it changes. Thread-safe."""

    def __init__(
        self, root: Path, abbreviations: Abbreviations | None = None, words: WordList | None = None
    ) -> None:
        """:param abbreviations: the table that makes UBND find "Ủy ban nhân dân"
        (:func:`indexer.abbreviations.load_default` gives the bundled one).
        :param words: words of several syllables, for reading queries (the bundled
        list when None)."""
        self.root = Path(root)
        self.abbreviations = abbreviations
        self.words = words if words is not None else wordlist.default()
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None

    def warm(self) -> None:
        """Open the index and read what suggestions need, ahead of the first request
        (about two seconds at 100,000 articles). Never raises: a missing index is
        reported by the request that needs it."""
        try:
            self._current().words()
        except Exception:  # noqa: BLE001 - best effort; the next request opens it again
            pass

    def parse(self, query: str, snap: _Snapshot | None = None) -> ParsedQuery:
        """The query as the searcher reads it: parsed, abbreviations expanded, syllables
        grouped into words (which must stand side by side), and, typed without
        accents, each word's likely spelling (which ranks first)."""
        snap = snap or self._current()
        parsed = expand(parse_query(query), self.abbreviations)
        parsed.alternatives = [self._group(snap, alt, parsed.strict) for alt in parsed.alternatives]
        if not parsed.strict:
            for alt in parsed.alternatives:
                self._likely_spelling(snap, alt)
        return parsed

    def _group(self, snap: _Snapshot, clauses: list[Clause], strict: bool) -> list[Clause]:
        """Runs of single unquoted words regrouped into words of several syllables."""
        out: list[Clause] = []
        run: list[Clause] = []
        for clause in [*clauses, None]:
            if clause is not None and not clause.quoted and len(clause.folded) == 1 and not clause.synonyms:
                run.append(clause)
                continue
            if len(run) > 1:
                groups = [[run[0]]]
                for i in range(len(run) - 1):
                    if self._joins(snap, run, i, strict):
                        groups[-1].append(run[i + 1])
                    else:
                        groups.append([run[i + 1]])
                run = [
                    g[0] if len(g) == 1 else Clause(
                        [c.exact[0] for c in g], [c.folded[0] for c in g], typed=typed_words(g)
                    )
                    for g in groups
                ]
            out += run
            run = []
            if clause is not None:
                out.append(clause)
        return out

    def _joins(self, snap: _Snapshot, run: list[Clause], i: int, strict: bool) -> bool:
        """Whether words i and i+1 of a run of typed words form one word.

        Never when the archive never has them side by side; always for a run of two
        words (what a reader types is mostly one word), for a pair inside a listed
        word, an official's name or a province; otherwise when they stand side by
        side in at least JOIN_SHARE of the articles that hold both.
        """
        (a,), (b,) = run[i].exact, run[i + 1].exact
        (fa,), (fb,) = run[i].folded, run[i + 1].folded
        in_titles, in_bodies = snap.pair("title", a, b, strict)[0], snap.pair("body", a, b, strict)[0]
        if not len(in_titles) and not len(in_bodies):
            return False
        if len(run) == 2 or self.words.joins(a, b, strict) or (fa, fb) in snap.name_pairs():
            return True
        together = np.zeros(snap.size, bool)
        together[in_titles] = True
        together[in_bodies] = True
        scorer = _Scorer(snap)
        both = scorer.word(a, fa, strict, score=False) & scorer.word(b, fb, strict, score=False)
        return int(together.sum()) >= JOIN_SHARE * int(both.sum())

    def _likely_spelling(self, snap: _Snapshot, clauses: list[Clause]) -> None:
        """Give the clauses of an accent-free query the spelling restoration finds
        likeliest, to rank it first (matching stays accent-free)."""
        folded = [w for c in clauses for w in c.folded]
        if not folded or len(folded) > MAX_WORDS:
            return
        restored = _restore(snap, folded, self.abbreviations, words=self.words)
        if restored is None:
            return
        at = 0
        for clause in clauses:
            spelled = [normalize.exact(w) for w in restored[at:at + len(clause.folded)]]
            at += len(clause.folded)
            if [normalize.folded(w) for w in spelled] == clause.folded:
                clause.exact = spelled

    def _current(self) -> _Snapshot:
        """The snapshot of the live index (two small reads to see if it changed)."""
        snap = self._snapshot
        gen = require_generation(self.root)
        if snap is not None and snap.gen == gen and snap.ix.latest_generation() == snap.whoosh_gen:
            return snap
        with self._lock:
            snap = self._snapshot
            if snap is None or snap.gen != gen or snap.ix.latest_generation() != snap.whoosh_gen:
                for attempt in range(3):
                    try:
                        self._snapshot = snap = _open_snapshot(gen)
                        break
                    except FileNotFoundError:  # a commit replaced what we were opening: open the newer
                        if attempt == 2:
                            raise
                        gen = require_generation(self.root)
        return snap

    def search(self, request: SearchRequest, facets: bool = True, snippets: bool = True) -> SearchResult:
        """Answer *request*. ``facets=False`` or ``snippets=False`` skip that work
        (the benchmark measures each part; the CLI and the web want both).

        A query that finds nothing but has a suggestion shows the suggestion's
        results instead (``corrected`` says so), unless the request is *verbatim*.
        """
        started = time.perf_counter()
        snap = self._current()
        result = self._search(snap, request, facets, snippets)
        if not result.total and result.suggestion and not request.verbatim:
            shown = self._search(snap, replace(request, query=result.suggestion), facets, snippets)
            if shown.total:
                result = replace(shown, query=request.query, suggestion=None, corrected=result.suggestion)
        return replace(result, took_ms=(time.perf_counter() - started) * 1000)

    def _search(self, snap: _Snapshot, request: SearchRequest, facets: bool, snippets: bool) -> SearchResult:
        parsed, scorer, base, in_year, final = self._select(snap, request)
        articles = int(final.sum())
        story, (base, in_year, final) = self._one_per_story(snap, request, scorer, parsed, (base, in_year, final))
        grouped = story is not None

        counted = {
            "year": _slot_counts(snap.year_slot[base], lambda slot: str(snap.first_year + slot - 1)),
            "month": _slot_counts(
                snap.month_slot[in_year],
                lambda slot: f"{snap.first_year + (slot - 1) // 12:04d}-{(slot - 1) % 12 + 1:02d}",
            ),
            "official": self._official_facet(snap, final, request),
        } if facets else {}
        ranked = self._rank(snap, scorer, final, request, parsed)
        hits = tuple(self._hit(snap, docnum, score, parsed if snippets else None) for docnum, score in ranked)
        if grouped:
            hits = tuple(replace(hit, copies=self._copies(snap, docnum, story))
                         for hit, (docnum, _) in zip(hits, ranked))
        # on the first page only: later pages are the same query, already offered
        total = int(final.sum())
        # on the first page, and on any page of a search that found nothing (it is corrected)
        wanted = request.query.strip() and (request.page == 1 or not total)
        suggestion = self._suggestion(snap, request.query, total) if wanted else None
        return SearchResult(
            query=request.query,
            suggestion=suggestion,
            total=total,
            page=request.page,
            per_page=request.per_page,
            took_ms=0.0,
            hits=hits,
            facets=counted,
            reading=describe(parsed),
            articles=articles,
            grouped=grouped,
        )

    def _select(self, snap: _Snapshot, request: SearchRequest):
        """The query read, its scorer, and the masks of its matches: before the year
        filter (the year chart counts them), within the year (the month chart), final."""
        parsed = self.parse(request.query, snap)
        scorer = _Scorer(snap, parsed.strict, self.abbreviations.breaks if self.abbreviations else frozenset())
        base = scorer.query(parsed)
        if request.officials:
            for name in request.officials:
                base &= snap.official_mask(self.resolve_official(name, snap))
        days = snap.days
        if request.date_from or request.date_to:
            low = _day(request.date_from) if request.date_from else 1
            high = _day(request.date_to) if request.date_to else 99999999
            base &= (days >= low) & (days <= high)
        in_year = base & (snap.years == request.year) if request.year else base
        final = in_year
        if request.month:
            final = in_year & (snap.months == request.month[0] * 100 + request.month[1])
        return parsed, scorer, base, in_year, final

    def stream(self, request: SearchRequest, limit: int, snippets: bool = True) -> Matches:
        """Every match of *request* in its order, up to *limit*, from one snapshot of
        the index: the page's rules (a query that finds nothing shows its suggestion's
        results unless verbatim), but all pages at once. The hits are read as the
        caller iterates (each reads its stored article), so a caller can stream them.
        """
        snap = self._current()
        query = request.query
        corrected = None
        parsed, scorer, _, _, final = self._select(snap, request)
        if not final.any() and query.strip() and not request.verbatim:
            suggestion = self._suggestion(snap, query, 0)
            if suggestion:
                parsed, scorer, _, _, alt = self._select(snap, replace(request, query=suggestion))
                if alt.any():
                    final, corrected = alt, suggestion
        _, (final,) = self._one_per_story(snap, request, scorer, parsed, (final,))  # as the pages count
        total = int(final.sum())
        ranked = self._rank(snap, scorer, final, replace(request, page=1, per_page=max(1, min(limit, total))), parsed)
        hits = (self._hit(snap, docnum, score, parsed if snippets else None) for docnum, score in ranked)
        return Matches(query=query, total=total, corrected=corrected, hits=hits if limit > 0 else iter(()))

    @staticmethod
    def _one_per_story(snap: _Snapshot, request: SearchRequest, scorer: _Scorer, parsed: ParsedQuery, masks: tuple):
        """(story of each document, *masks* with one result per story: its best match under
        each filter, so facets count stories); (None, *masks*) when the request lists every
        copy or the archive has none."""
        story, multi = snap.stories() if request.group else (None, None)
        if multi is None or not multi.any():
            return None, masks
        key = _order_key(snap, scorer, request.sort, parsed)
        return story, tuple(_one_per_story(m, story, multi, key) for m in masks)

    @staticmethod
    def _copies(snap: _Snapshot, docnum: int, story: np.ndarray, limit: int = 50) -> tuple[Copy, ...]:
        """The other live publications of a document's story, oldest first."""
        members = np.flatnonzero((story == story[docnum]) & snap.live)
        members = members[members != docnum]
        if not len(members):
            return ()
        members = members[np.lexsort((members, np.where(snap.days[members] == 0, 99999999, snap.days[members])))]
        out = []
        with snap.lock:
            for other in members[:limit].tolist():
                article = schema.from_stored(snap.searcher.stored_fields(other))
                out.append(Copy(article.id, article.title, outlet(article), article.date))
        return tuple(out)

    @staticmethod
    def _rank(snap: _Snapshot, scorer: _Scorer, final, request: SearchRequest, parsed: ParsedQuery):
        first = (request.page - 1) * request.per_page
        wanted = first + request.per_page
        docs = np.flatnonzero(final)
        if first >= len(docs):
            return []
        sort = request.sort
        if parsed.is_empty() and sort == "relevance":
            sort = "newest"
        days = snap.days[docs].astype(np.int64)
        scores = scorer.scores
        if sort == "relevance":
            # exact-accent matches first, then score; one key: exact count in the high part
            key = scorer.exact[docs].astype(np.float64) * 1e9 + scores[docs]
            if len(docs) > wanted:  # only the best *wanted* need sorting, with every tie
                cut = -np.partition(-key, wanted - 1)[wanted - 1]  # of the last: pages never overlap
                top = key >= cut
                docs, key, days = docs[top], key[top], days[top]
            order = np.lexsort((docs, -days, -key))  # ties: newer first
        elif sort == "newest":
            order = np.lexsort((docs, -days))
        else:  # oldest, undated last
            order = np.lexsort((docs, np.where(days == 0, 99999999, days)))
        order = order[first:wanted]
        return [(int(docs[i]), float(scores[docs[i]])) for i in order]

    def _hit(self, snap: _Snapshot, docnum: int, score: float, parsed: ParsedQuery | None) -> SearchHit:
        with snap.lock:
            article = schema.from_stored(snap.searcher.stored_fields(docnum))
        # each official as the person of the archive they are (a namesake: "name (place)")
        officials = tuple(snap.member_of.get(o.key, o.name) for o in article.officials)
        if parsed is None:
            return SearchHit(article.id, article.title, article.date, officials,
                             score, Html(""), Html(html.escape(article.title)), article)
        snippet = highlight(article.body, parsed) if not parsed.is_empty() else None
        if snippet is None or "<mark>" not in snippet:
            caption = next((c for c in article.captions if "<mark>" in highlight(c, parsed, None)), None)
            snippet = highlight(caption, parsed) if caption else highlight(article.lead or article.body, ParsedQuery())
        return SearchHit(
            id=article.id,
            title=article.title,
            date=article.date,
            officials=officials,
            score=score,
            snippet=snippet,
            title_html=highlight(article.title, parsed, max_chars=None),
            article=article,
        )

    def resolve_official(self, name: str, snap: _Snapshot | None = None) -> list[str]:
        """The people (facet values, :mod:`indexer.people`) a user's official stands for: a
        person's key (``Trần Văn Dũng (Đà Nẵng)``, accents optional) is that person; a name
        (``tran van dung``) every person of that name; an article's key (``Official.key``)
        the person it belongs to."""
        snap = snap or self._current()
        value = normalize.clean(name).strip()
        if value in snap.name_index:
            return [value]
        match = people.split_key(value)
        canonical = normalize.canonical_name(match[0]) + (f" ({match[1]})" if match[1] else "")
        if canonical in snap.name_index:
            return [canonical]
        key = normalize.name_key(value)
        if key in snap.official_keys:
            return snap.official_keys[key]
        if value in snap.member_of:
            return [snap.member_of[value]]
        return [snap.folded_keys[key]] if key in snap.folded_keys else []

    def person_key(self, official: Official) -> str:
        """The person (facet value, :mod:`indexer.people`) an article's official is: the one
        function that maps an article's ``Official.key`` to the archive's person key."""
        return self._current().member_of.get(official.key, official.name)

    def _official_facet(self, snap: _Snapshot, final: np.ndarray, request: SearchRequest) -> tuple[FacetCount, ...]:
        if not len(snap.off_ids):
            return ()
        counts = np.bincount(snap.off_ids[final[snap.off_docs]], minlength=len(snap.names))
        nonzero = np.flatnonzero(counts)
        if len(nonzero) > request.facet_limit:  # only the top need sorting by name for ties
            cut = counts[nonzero][np.argpartition(-counts[nonzero], request.facet_limit - 1)[request.facet_limit - 1]]
            nonzero = nonzero[counts[nonzero] >= cut]
        top = sorted(((snap.names[i], int(counts[i])) for i in nonzero), key=lambda kv: (-kv[1], kv[0]))
        detail = lambda n: snap.people[snap.name_index[n]].detail  # noqa: E731 - a namesake's title
        shown = [FacetCount(n, c, detail(n)) for n, c in top[: request.facet_limit]]
        selected = {n for o in request.officials for n in self.resolve_official(o, snap)}
        extra = [
            FacetCount(n, int(counts[snap.name_index[n]]), detail(n)) for n in sorted(selected - {c.value for c in shown})
        ]
        return tuple(shown + extra)

    def find_officials(self, text: str = "", limit: int = 20) -> list[FacetCount]:
        """Officials of the whole archive whose name, or one of its syllables, starts
        with *text* (accents optional), most named first."""
        snap = self._current()
        key = normalize.name_key(text)
        counts = np.bincount(snap.off_ids, minlength=len(snap.names)) if len(snap.names) else []
        found = [
            FacetCount(name, int(counts[snap.name_index[name]]), snap.people[snap.name_index[name]].detail)
            for k, names in snap.official_keys.items()
            if not key or k.startswith(key) or f" {key}" in f" {k}"
            for name in names
        ]
        found.sort(key=lambda c: (not normalize.name_key(c.value).startswith(key), -c.count, c.value))
        return found[:limit]

    def officials(self, text: str = "", limit: int = 20) -> list[OfficialSummary]:
        """Officials with their article counts and most used titles (filtered like find_officials)."""
        snap = self._current()
        titles = snap.titles()
        out = []
        for c in self.find_officials(text, limit):
            person = snap.people[snap.name_index[c.value]]
            out.append(OfficialSummary(person.name, c.count, tuple(titles.get(c.value, ())[:5]), person.key, person.place))
        return out

    def suggestion(self, query: str) -> str | None:
        """The query with its accents restored, for a query typed without any:
        ``dan van`` -> ``dân vận``. None when there is nothing better to offer."""
        return self._suggestion(self._current(), query)

    def _suggestion(self, snap: _Snapshot, query: str, found: int = 1) -> str | None:
        """The query with its words respelled, everything else as typed (quotes,
        ``-exclusions``, ``OR``): typed without any accent, every word gets its likely
        accents; typed with accents, words the archive never saw are mended (``tham
        nhũg`` -> ``tham nhũng``), and when nothing was *found*, words typed without
        marks get them too (``Lang Sơn`` -> ``Lạng Sơn``)."""
        text = normalize.clean(query)
        spans = [(w, a, b) for w, a, b in normalize.tokens(text) if w not in _OPERATORS][:MAX_WORDS]
        if not spans:
            return None
        typed: list[tuple[str, bool]] | None = None
        if normalize.has_accents(text):
            known = [_known(snap, w) for w, _, _ in spans]
            if all(known) and found:
                return None
            # words typed with marks and known stay; the others may be respelled
            typed = [(normalize.exact(w), k and normalize.has_accents(w)) for (w, _, _), k in zip(spans, known)]
        restored = _restore(snap, [normalize.folded(w) for w, _, _ in spans], self.abbreviations, typed, self.words)
        if restored is None:
            return None
        out, at = [], 0
        for i, ((word, start, end), new) in enumerate(zip(spans, restored)):
            keep = (
                (typed is not None and typed[i][1])
                or (normalize.exact(new) == normalize.exact(word) and new == new.lower())  # the same word
                or (len(word) > 1 and word.isupper())  # an abbreviation typed as one
            )
            out += [text[at:start], word if keep else new]
            at = end
        suggestion = "".join(out) + text[at:]
        return suggestion if suggestion != text else None

    def complete(self, prefix: str, limit: int = 8) -> dict:
        """Suggestions as the user types: officials and frequent phrases for a prefix,
        with or without accents."""
        snap = self._current()
        words = [w for w, _, _ in normalize.tokens(normalize.clean(prefix))][:MAX_WORDS]
        if not words:
            return {"query": prefix, "officials": [], "phrases": []}
        officials = self.find_officials(prefix, limit=4)
        counts, _ = snap.words()
        last = normalize.folded(words[-1])
        head = [normalize.folded(w) for w in words[:-1]]
        completions = sorted((w for w in counts if w.startswith(last)), key=lambda w: -counts[w])[:12]
        if head:  # the words that follow the one before most often
            completions.sort(key=lambda w: -sum(snap.spelling_counts("body", head[-1], w).values()))
        # the words typed so far are spelled once; each completion then picks its spelling
        spelled = [normalize.exact(w) if normalize.has_accents(w) else w for w in words[:-1]]
        if head and not normalize.has_accents(prefix):
            spelled = _restore(snap, head, self.abbreviations, words=self.words) or head
        phrases: list[str] = []
        shown = self.abbreviations.shown if self.abbreviations else {}
        for word in completions[:4]:
            last_word = shown[word] if word in shown and len(word) >= 3 else \
                _best_spelling(snap, spelled[-1] if spelled else None, word, self.words)
            text = " ".join([*spelled, last_word])
            if text not in phrases:
                phrases.append(text)
        return {"query": prefix, "officials": [c.to_json() for c in officials], "phrases": phrases[:limit]}

    def article_page(self, article_id: str, query: str = "") -> tuple[Article, ParsedQuery, list[SearchHit]] | None:
        """What an article's page shows, from one snapshot of the index (a reindex that
        lands meanwhile cannot mix two): the article, *query* read (to mark its words),
        and the articles most like it. None when there is no such article."""
        snap = self._current()
        article = self._article(snap, article_id)
        if article is None:
            return None
        return article, self.parse(query, snap), self._related(snap, article_id, article)

    def related(self, article_id: str, limit: int = 5) -> list[SearchHit]:
        """Articles most like this one (by its title's and lead's word pairs), never itself."""
        snap = self._current()
        article = self._article(snap, article_id)
        return self._related(snap, article_id, article, limit) if article is not None else []

    def _related(self, snap: _Snapshot, article_id: str, article: Article, limit: int = 5) -> list[SearchHit]:
        words = [normalize.exact(w) for w, _, _ in normalize.tokens(article.title + " \n " + (article.lead or ""))]
        scorer = _Scorer(snap)
        for a, b in set(zip(words, words[1:])):
            for fieldname, weight in FIELDS:
                ids, contrib = snap.pair(fieldname, a, b, strict=True)
                scorer.scores[ids] += weight * contrib
        with snap.lock:
            own = snap.searcher.document_number(id=article_id)
        scores = scorer.scores
        scores[~snap.live] = 0
        if own is not None:
            scores[own] = 0
        top = np.argsort(-scores)[:limit]
        return [self._hit(snap, int(d), float(scores[d]), None) for d in top if scores[d] > 0]

    def looser(self, request: SearchRequest, found: int = 0) -> list[tuple[str, SearchRequest, int]]:
        """Looser forms of a request that found few articles (*found*), with their totals.

        Tried in order: without accents, without quotes, without filters.
        Returns ``(what changed, request, total)`` for those that find more.
        """
        candidates: list[tuple[str, SearchRequest]] = []
        folded_q = normalize.fold(normalize.clean(request.query))
        if folded_q != normalize.clean(request.query):
            candidates.append(("nếu bỏ dấu", replace(request, query=folded_q, page=1)))
        if '"' in request.query:
            candidates.append(("nếu bỏ ngoặc kép", replace(request, query=request.query.replace('"', " "), page=1)))
        if request.officials or request.year or request.month or request.date_from or request.date_to:
            candidates.append(("nếu bỏ bộ lọc", SearchRequest(query=request.query, sort=request.sort)))
        out = []
        for label, candidate in candidates:
            total = self.search(replace(candidate, per_page=1, verbatim=True), facets=False, snippets=False).total
            if total > found:
                out.append((label, candidate, total))
        return out

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        return self._article(self._current(), article_id)

    @staticmethod
    def _article(snap: _Snapshot, article_id: str) -> Article | None:
        with snap.lock:
            docnum = snap.searcher.document_number(id=article_id)
            if docnum is None:
                return None
            return schema.from_stored(snap.searcher.stored_fields(docnum))

    def stats(self, top: int = 10) -> dict:
        snap = self._current()
        dated = snap.days[snap.live & (snap.days > 0)]
        size = sum(f.stat().st_size for f in snap.gen.iterdir() if f.is_file())
        return {
            "articles": int(snap.live.sum()),
            "undated": int(snap.live.sum() - len(dated)),
            "first_date": _date_str(int(dated.min())) if len(dated) else None,
            "last_date": _date_str(int(dated.max())) if len(dated) else None,
            "index_bytes": size,
            "index_dir": str(snap.gen),
            "officials": [c.to_json() for c in self.find_officials("", top)] if top else [],
        }


def outlet(article: Article) -> str | None:
    """Where an article was published: its web address's host, else its dateline's code."""
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return article.source


def _order_key(snap: _Snapshot, scorer: _Scorer, sort: str, parsed: ParsedQuery) -> np.ndarray:
    """Per document, higher is shown first: the ranking's key (see :meth:`Searcher._rank`)."""
    if sort == "relevance" and not parsed.is_empty():
        return scorer.exact.astype(np.float64) * 1e9 + scorer.scores
    days = snap.days.astype(np.float64)
    return -np.where(days == 0, 99999999, days) if sort == "oldest" else days


def _one_per_story(mask: np.ndarray, story: np.ndarray, multi: np.ndarray, key: np.ndarray) -> np.ndarray:
    """*mask* with one document per story: the one with the highest *key* (ties: the lowest number)."""
    docs = np.flatnonzero(mask & multi)
    if not len(docs):
        return mask
    docs = docs[np.lexsort((docs, -key[docs]))]
    _, first = np.unique(story[docs], return_index=True)
    out = mask.copy()
    out[docs] = False
    out[docs[first]] = True
    return out


def _slot_counts(slots: np.ndarray, label) -> list[FacetCount]:
    """Counts of each slot but 0 ("undated"), in slot order."""
    counts = np.bincount(slots)
    return [FacetCount(label(int(slot)), int(counts[slot])) for slot in np.flatnonzero(counts) if slot]


def _day(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _date_str(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


# -- accent restoration -------------------------------------------------------------

SPELLINGS = 24  # accented spellings tried per word (postings' lengths: cheap)
PAIR_EVIDENCE = 32.0  # weight of two spellings seen side by side against one alone (tuned on real news)
TITLE_EVIDENCE = 3.0  # a title holding a pair, against an article body holding it
WORD_EVIDENCE = 2.0  # a pair inside a listed word, in units of log(pair count): "dân vận" over "dân vẫn"
_OPERATORS = frozenset({"OR", "AND", "NOT"})


def _known(snap: _Snapshot, word: str) -> bool:
    """Whether the archive holds *word* as spelled (accents and all)."""
    counts, spellings = snap.words()
    e, f = normalize.exact(word), normalize.folded(word)
    if e == f:
        return f in counts
    return any(s == e for s, _ in spellings.get(f, ()))


def _restore(
    snap: _Snapshot,
    folded: list[str],
    table: Abbreviations | None,
    typed: list[tuple[str, bool]] | None = None,
    words: WordList | None = None,
) -> list[str] | None:
    """The most likely accented spelling of a folded word sequence, from the index.

    Officials' names and abbreviations are taken whole; *typed* words (exact form,
    and whether the archive knows it) are kept where known, and where not, become a
    known spelling one letter from what was typed (``nhũg`` -> ``nhũng``); a word the
    index never saw becomes the nearest one it did (one letter off); then each
    position's spellings are chosen together
    (Viterbi): how often each spelling occurs, and above all how often two
    neighbouring spellings stand side by side in titles and bodies.
    """
    key = ("restore", tuple(folded), tuple(typed) if typed else None, id(table), id(words))
    with snap.lock:
        if key in snap.cache:  # the reading and the suggestion of one query restore alike
            hit = snap.cache[key]
            return list(hit) if hit is not None else None
    best = _restore_uncached(snap, folded, table, typed, words)
    with snap.lock:
        snap._keep(key, tuple(best) if best is not None else None, 64 * len(folded) + 64)
    return best


def _restore_uncached(
    snap: _Snapshot,
    folded: list[str],
    table: Abbreviations | None,
    typed: list[tuple[str, bool]] | None,
    words: WordList | None,
) -> list[str] | None:
    counts, spellings = snap.words()
    out: list[list[tuple[str, float]]] = []  # per position: candidates with a base score
    fixed: dict[int, str] = {}
    i = 0
    names = snap.whole_names()
    while i < len(folded):
        for size in (4, 3, 2):  # an official's full name
            key = " ".join(folded[i:i + size])
            if len(folded[i:i + size]) == size and key in names and not (typed and any(k for _, k in typed[i:i + size])):
                for k, part in enumerate(names[key].split()):
                    fixed[i + k] = part
                i += size
                break
        else:
            i += 1
    changed = False
    for i, word in enumerate(folded):
        if typed and typed[i][1]:
            out.append([(typed[i][0], 0.0)])
            continue
        if i in fixed:
            out.append([(fixed[i], 0.0)])
            changed = True
            continue
        if table and word in table.shown and len(word) >= 3:  # UBND, not "tu" (TƯ)
            out.append([(table.shown[word], 0.0)])
            changed = changed or table.shown[word] != word
            continue
        if word not in counts and not word.isdigit() and len(word) >= 3:
            near = _nearest(word, counts)
            if near:
                word, changed = near, True
        options = spellings.get(word, [])[:SPELLINGS]
        total = counts.get(word, 0)
        plain = total - sum(n for _, n in options)
        cands = [(w, math.log1p(n)) for w, n in options]
        cands.append((word, math.log1p(max(plain, 0))))  # the word may be written so too
        if typed and normalize.has_accents(typed[i][0]):  # keep the accents that were typed
            cands = [c for c in cands if _one_edit(c[0], typed[i][0])] or cands
        out.append(cands)
    best = _capitalise_places(_viterbi(snap, out, words))
    if not changed and best == folded:
        return None
    return best


_PLACES = {tuple(normalize.folded(w) for w in p.split()): p.split() for p in PROVINCES}


def _capitalise_places(words: list[str]) -> list[str]:
    """Province names as written: "tỉnh đồng tháp" -> "tỉnh Đồng Tháp"."""
    out = list(words)
    keys = [normalize.folded(w) for w in words]
    for i in range(len(words)):
        for size in (4, 3, 2, 1):
            place = _PLACES.get(tuple(keys[i:i + size]))
            if place and len(keys[i:i + size]) == size:
                out[i:i + size] = place
                break
    return out


def _best_spelling(snap: _Snapshot, before: str | None, word: str, words: WordList | None = None) -> str:
    """The likeliest spelling of one folded word, after the spelled word *before*."""
    counts, spellings = snap.words()
    accented = spellings.get(word, [])[:SPELLINGS]
    options = [*accented, (word, max(0, counts.get(word, 0) - sum(n for _, n in accented)))]
    if before is None:
        return max(options, key=lambda o: o[1])[0]
    evidence = _pair_evidence(snap, [(before, 0.0)], [(w, 0.0) for w, _ in options], words)[0]
    return max(zip(options, evidence), key=lambda oe: math.log1p(oe[0][1]) + PAIR_EVIDENCE * oe[1])[0][0]


def _viterbi(snap: _Snapshot, cands: list[list[tuple[str, float]]], words: WordList | None = None) -> list[str]:
    """The best spelling per position: each spelling's count, and above all how often
    two neighbouring spellings stand side by side."""
    scores = [base for _, base in cands[0]]
    back: list[list[int]] = []
    for i in range(1, len(cands)):
        evidence = _pair_evidence(snap, cands[i - 1], cands[i], words)
        new_scores, pointers = [], []
        for j, (_, base) in enumerate(cands[i]):
            options = [scores[k] + PAIR_EVIDENCE * evidence[k][j] for k in range(len(cands[i - 1]))]
            k = max(range(len(options)), key=options.__getitem__)
            new_scores.append(options[k] + base)
            pointers.append(k)
        scores = new_scores
        back.append(pointers)
    k = max(range(len(scores)), key=scores.__getitem__)
    path = [k]
    for pointers in reversed(back):
        k = pointers[k]
        path.append(k)
    path.reverse()
    return [cands[i][k][0] for i, k in enumerate(path)]


def _pair_evidence(snap: _Snapshot, left, right, words: WordList | None = None) -> list[list[float]]:
    """log(1 + how often two spellings stand side by side), for each combination:
    articles whose body holds the pair so spelled, and titles, which weigh more; and
    a pair inside a listed word more (a query is made of words: ``dan van`` is "dân
    vận" even where running text says "dân vẫn" more)."""
    fa, fb = normalize.folded(left[0][0]), normalize.folded(right[0][0])
    titles = snap.spelling_counts("title", fa, fb)
    bodies = snap.spelling_counts("body", fa, fb)
    out = []
    for a, _ in left:
        row = []
        for b, _ in right:
            key = f"{normalize.exact(a)} {normalize.exact(b)}"
            evidence = math.log1p(TITLE_EVIDENCE * titles.get(key, 0) + bodies.get(key, 0))
            if evidence and words is not None and words.joins(normalize.exact(a), normalize.exact(b), True):
                evidence += WORD_EVIDENCE
            row.append(evidence)
        out.append(row)
    return out


def _one_edit(a: str, b: str) -> bool:
    """Whether *a* and *b* differ by at most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _nearest(word: str, counts: dict[str, int]) -> str | None:
    """The most frequent known word one edit away (delete, swap, replace, insert)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    known = [(counts[e], e) for e in edits if e in counts]
    return max(known)[1] if known else None
