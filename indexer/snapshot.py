"""Storage for searching: one generation of the index, opened as arrays.

A :class:`Snapshot` holds, per document, the day, the word counts, the officials (as
people, :mod:`indexer.people`) and whether it is live; it reads a term's postings from
the generation's postings file (:mod:`indexer.postings`) once into arrays of document
numbers and BM25 contributions, kept in an LRU cache bounded in bytes, with
whole-archive vectors for common words. :func:`open_snapshot` opens a generation.
Whoosh keeps the stored articles, their columns and the officials' postings.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh.filedb.filestore import FileStorage

from indexer import normalize, people, postings, schema, stories
from indexer.errors import IndexBusy
from indexer.layout import STORIES_LOCK, STORIES_PREFIX, VOCAB_PREFIX, check_schema, hold_lock, stories_name
from indexer.models import Article, FacetCount
from indexer.officials import PROVINCES

BM25_K1 = 1.2
BM25_B = 0.75
# Term arrays kept in memory per process: postings as (int32 doc, float32 BM25), 8 bytes
# each, and for common words whole-archive vectors, 5 bytes a document. (float16 would
# take less room, but numpy computes with it element by element in software: a weighted
# add of a 100,000-document vector took 465 us against 14 in float32.) With postings
# read straight from their arrays on disk (indexer.postings) a miss is cheap: 48 MB
# serves 100,000 realistic articles at about the speed of 96 MB (which thrashed when
# postings were decoded from Whoosh) and keeps two server processes under 500 MB.
CACHE_BYTES = 48_000_000
DENSE_FRACTION = 8  # a word in more than 1/8 of the documents gets vectors

_EMPTY = (np.zeros(0, np.int32), np.zeros(0, np.float32))


@dataclass
class Snapshot:
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
    off_docs: np.ndarray  # one entry per (doc, official) pair, by document
    off_ids: np.ndarray
    off_starts: np.ndarray  # where each document's pairs start (one more entry, the end)
    official_keys: dict[str, list[str]]  # accent-free name -> person keys
    people: list[people.Person]  # by official index
    member_of: dict[str, str]  # article key (index term) -> person key (of most of its articles)
    split_keys: dict[str, list[str]]  # for people split article by article: their article keys, and the
    # key the person had before (a link kept from before the split), -> the people they stand for
    doc_person: dict[str, dict[int, str]]  # article key -> {document: person key}, for those keys
    folded_keys: dict[str, str]  # accent-free person key (or split_keys' key) -> that key
    lock: threading.Lock = field(default_factory=threading.Lock)
    cache: OrderedDict = field(default_factory=OrderedDict)
    costs: dict = field(default_factory=dict)
    cached: int = 0  # bytes
    _titles: dict[str, list[FacetCount]] | None = None
    _words: tuple[dict, dict] | None = None
    _whole_names: dict[str, str] | None = None
    _name_pairs: frozenset | None = None
    _stories: tuple[np.ndarray, np.ndarray] | None = None
    _publications: tuple[np.ndarray, np.ndarray] | None = None

    def stories(self) -> tuple[np.ndarray, np.ndarray]:
        """(story of each document, whether the document has live copies): the copies of
        one story, grouped once per generation and kept beside it (:func:`kept_stories`),
        on first use."""
        if self._stories is None:
            with self.lock:
                if self._stories is None:
                    story = kept_stories(self.gen, self.whoosh_gen, self.size, lambda: _group_stories(
                        self.searcher.reader(), self.size, self.live, self.days, self.lengths["body"][0]))
                    multi = (np.bincount(story, minlength=self.size)[story] > 1) & self.live
                    self._stories = (story, multi)
        return self._stories

    def publications(self) -> tuple[np.ndarray, np.ndarray]:
        """(the first publication of each document's story, each document's place among its
        story's publications): in order of date, undated last, the same day by id, its runs of
        digits read as numbers (a page gives no time of day; an outlet numbers its articles in
        the order it publishes them). The first publication's id is the story's id, the same
        whatever the search (a document alone in its story is its own first, place 0)."""
        if self._publications is None:
            story, multi = self.stories()
            first = np.arange(self.size, dtype=np.int64)
            place = np.zeros(self.size, dtype=np.int64)
            docs = np.flatnonzero(multi)
            if len(docs):  # (555 documents of the 15,000 real articles: 3 ms)
                with self.lock:
                    column = self.searcher.reader().column_reader("id")
                    ids = [_id_order(column[int(d)]) for d in docs]
                by_id = np.empty(len(docs), np.int64)
                by_id[sorted(range(len(docs)), key=ids.__getitem__)] = np.arange(len(docs))
                when = np.where(self.days[docs] == 0, 99999999, self.days[docs])
                docs = docs[np.lexsort((by_id, when, story[docs]))]
                _, starts, counts = np.unique(story[docs], return_index=True, return_counts=True)
                first[docs] = np.repeat(docs[starts], counts)
                place[docs] = np.arange(len(docs)) - np.repeat(starts, counts)
            self._publications = (first, place)
        return self._publications

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
                    if leaf.segment() is None:  # an index with no segment yet (nothing indexed): no words
                        continue
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
                contrib = (idf * tf * (BM25_K1 + 1) / (tf + norm)).astype(np.float32)
                value = (ids, contrib)
            else:
                value = _EMPTY
            self._keep(key, value, len(value[0]) * 8)
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
            vector = np.zeros(self.size, np.float32)
            vector[ids] = contrib
            value = (mask, vector)
        with self.lock:
            self._keep(key, value, 5 * self.size if value else 0)
        return value or None

    def _keep(self, key, value, cost: int) -> None:
        """Cache *value* (under the lock), dropping the least recently used past the budget."""
        self.cache[key] = value
        self.costs[key] = cost
        self.cached += cost
        while self.cached > CACHE_BYTES and len(self.cache) > 1:
            old, _ = self.cache.popitem(last=False)
            self.cached -= self.costs.pop(old, 0)

    def phrase(self, exact: list[str], folded: list[str], strict: bool, candidates: np.ndarray,
               apart: tuple[int, ...] = ()) -> np.ndarray:
        """Of *candidates* (the document numbers holding every word and pair of the form: a
        phrase of three or more words, or the parts of one that punctuation parts; always all
        of them, as the answer is cached under the form alone), those holding its words in
        one run, in the title or the body. The index
        holds pairs, not positions: "Phó Chủ tịch UBND xã" with "UBND tỉnh" elsewhere holds
        every pair of "chủ tịch UBND tỉnh". The texts are read and checked (cached); past
        :data:`PHRASE_CHECK_MAX` candidates, pair by pair is the answer. Before each word
        numbered in *apart*, punctuation may part the run (a quoted ``"Hà Nội, Đà Nẵng"``)."""
        if len(candidates) > PHRASE_CHECK_MAX:
            return candidates
        key = ("phrase", tuple(exact), tuple(folded), strict, apart)
        with self.lock:
            hit = self.cache.get(key)
            if hit is not None:
                self.cache.move_to_end(key)
                return hit
        pattern = _phrase_pattern(folded)
        want = exact if strict else folded
        kept = []
        docs = candidates.tolist()
        for at in range(0, len(docs), PHRASE_CHUNK):  # the lock a chunk at a time: other searches go on
            with self.lock:
                stored = [self.searcher.stored_fields(doc) for doc in docs[at:at + PHRASE_CHUNK]]
            kept += [doc for doc, fields in zip(docs[at:at + PHRASE_CHUNK], stored)
                     if any(_holds(text, pattern, want, strict, apart) for text in _texts(fields))]
        value = np.array(kept, dtype=np.int64)
        with self.lock:
            self._keep(key, value, 8 * len(value) + 64)
        return value

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
                    article_key = schema.official_name(person)
                    by_doc = self.doc_person.get(article_key)
                    if by_doc is not None:  # a person split article by article: count each document's
                        shares: dict[str, int] = {}
                        for doc in docs[self.live[docs]].tolist():
                            shares[by_doc[doc]] = shares.get(by_doc[doc], 0) + 1
                    elif article_key in self.member_of:
                        shares = {self.member_of[article_key]: n}
                    else:
                        continue
                    for person, share in shares.items():
                        spellings = counts.setdefault(person, {}).setdefault(key, {})
                        spellings[title] = spellings.get(title, 0) + share
            # one entry per title however written ("Tỉnh uỷ"/"Tỉnh ủy"), shown as written most
            self._titles = {
                name: sorted(
                    (FacetCount(max(sp, key=sp.get), sum(sp.values())) for sp in by_key.values()),
                    key=lambda c: (-c.count, c.value),
                )
                for name, by_key in counts.items()
            }
        return self._titles

    def person_of(self, article_key: str, doc: int | None = None) -> str | None:
        """The person (facet value) an article's official is: by the article key, or, for a
        key whose articles are several people (:func:`indexer.people.split`), by document."""
        by_doc = self.doc_person.get(article_key)
        if by_doc is not None and doc is not None and doc in by_doc:
            return by_doc[doc]
        return self.member_of.get(article_key)

    def official_counts(self, docs: np.ndarray, story: np.ndarray | None = None) -> np.ndarray:
        """How many of the documents *docs* (a mask) name each official (by index); with
        *story* (the story of each document), how many stories have a document of *docs*
        naming them: a story whose first copy leaves the person out and another names
        them counts, as clicking the person finds it. Only the matching documents' pairs
        are read: 4-10x faster than masking them all."""
        found = np.flatnonzero(docs)
        lo = self.off_starts[found]
        n = self.off_starts[found + 1] - lo
        at = np.arange(int(n.sum())) + np.repeat(lo - (np.cumsum(n) - n), n)
        ids = self.off_ids[at]
        if story is not None and len(ids):  # (only the copies of stories of several need their pairs made unique)
            docs_at = self.off_docs[at]
            copies = self.stories()[1][docs_at]
            pairs = np.unique(story[docs_at[copies]].astype(np.int64) * len(self.names) + ids[copies])
            ids = np.concatenate([ids[~copies], pairs % len(self.names)])
        return np.bincount(ids, minlength=len(self.names))

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
    holds, then :func:`indexer.people.split` article by article where a person's titles name
    bodies that conflict), the person of each article key (of each of its documents, for the
    keys of a person so split), and (doc, person index) pairs as two arrays."""
    postings: dict[str, np.ndarray] = {}
    if size:
        for term in reader.field_terms("official"):
            docs = np.fromiter(reader.postings("official", term).all_ids(), np.int64)
            docs = docs[live[docs]]
            if len(docs):
                postings[schema.official_name(term)] = docs.astype(np.int32)

    by_key: dict[str, dict[str, int]] | None = None
    terms: dict[str, list[tuple[str, str]]] = {}  # article key -> (index term, title)

    def titles_of(article_key: str) -> dict[str, int]:
        nonlocal by_key
        if by_key is None:  # one pass over each segment's titles, on the first name that needs them
            by_key = {}
            for leaf, _ in reader.leaf_readers():  # (the whole reader looks each term up in every segment)
                for tbytes, info in leaf.iter_field("official_title"):
                    term = tbytes.decode("utf-8")
                    key, _, title = term.partition("|")
                    key, title = schema.official_name(key), schema.official_name(title)
                    titles = by_key.setdefault(key, {})
                    if title not in titles:
                        terms.setdefault(key, []).append((term, title))
                    titles[title] = titles.get(title, 0) + info.doc_frequency()
        return by_key.get(article_key, {})

    def doc_titles(person: people.Person) -> dict[str, dict[int, list[str]]]:
        """Article key -> {live document: the titles it gives them}, for a person's keys: the
        postings of just their titles."""
        out: dict[str, dict[int, list[str]]] = {}
        for key in person.members:
            docs = out.setdefault(key, {int(d): [] for d in postings.get(key, ())})
            for term, title in terms.get(key, ()):
                for doc in reader.postings("official_title", term).all_ids():
                    if doc in docs:
                        docs[doc].append(title)
        return out

    persons, doc_person = people.people_of({k: len(d) for k, d in postings.items()}, titles_of, doc_titles)
    member_of = {k: p.key for p in persons for k in p.members if k not in doc_person}
    split_keys: dict[str, list[str]] = {}  # an article key or a person's key before a split -> its people
    for key, by_doc in doc_person.items():
        counted: dict[str, int] = {}
        for person_key in by_doc.values():
            counted[person_key] = counted.get(person_key, 0) + 1
        split_keys[key] = sorted(counted, key=lambda k: (-counted[k], k))
        member_of[key] = split_keys[key][0]  # (the person most of its articles are)
    for person in persons:  # (the person's key before, when also an article key: all of them)
        if person.split_from is not None:
            split_keys.setdefault(person.split_from, [])
    for person in persons:
        if person.split_from is not None and person.key not in split_keys[person.split_from]:
            split_keys[person.split_from] = [*split_keys[person.split_from], person.key]
    index = {p.key: i for i, p in enumerate(persons)}
    docs_parts = list(postings.values())
    ids_parts = [
        np.array([index[doc_person[k][int(doc)]] for doc in d], np.int32) if k in doc_person
        else np.full(len(d), index[member_of[k]], np.int32)
        for k, d in postings.items()
    ]
    return persons, member_of, split_keys, doc_person, docs_parts, ids_parts


def open_snapshot(gen: Path) -> Snapshot:
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
    live = _live(reader, size)

    def column(name: str) -> np.ndarray:
        return _column(reader, name, size)

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
    persons, member_of, split_keys, doc_person, docs_parts, ids_parts = _people(reader, live, size)
    names = [p.key for p in persons]
    off_docs = np.concatenate(docs_parts) if docs_parts else np.zeros(0, np.int32)
    off_ids = np.concatenate(ids_parts) if ids_parts else np.zeros(0, np.int32)
    by_doc = np.argsort(off_docs, kind="stable")
    off_docs, off_ids = off_docs[by_doc], off_ids[by_doc]
    keys: dict[str, list[str]] = {}
    for person in persons:  # (each spelling of a foreign name its articles give: "sergey lavrov" too)
        for name in sorted(person.names()):
            listed = keys.setdefault(normalize.name_key(name), [])
            if person.key not in listed:
                listed.append(person.key)
    snap = Snapshot(
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
        off_docs=off_docs,
        off_ids=off_ids,
        off_starts=np.searchsorted(off_docs, np.arange(size + 1)),
        official_keys=keys,
        people=persons,
        member_of=member_of,
        split_keys=split_keys,
        doc_person=doc_person,
        folded_keys={normalize.name_key(k): k for k in [*split_keys, *(p.key for p in persons)]},
    )
    # Close the generation's files once no request holds the snapshot any more
    # (a newer one replaced it, or the Searcher went away).
    weakref.finalize(snap, searcher.close)
    weakref.finalize(snap, layout.close)
    return snap


def _id_order(article_id: str) -> tuple:
    """An id as publications of one day are ordered: its runs of digits as numbers
    (``bm17-9`` before ``bm17-10``), then as written."""
    parts = re.split(r"(\d+)", article_id)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), article_id


def _live(reader, size: int) -> np.ndarray:
    live = np.zeros(size, bool)
    if size:
        live[np.fromiter(reader.all_doc_ids(), np.int64)] = True
    return live


def _column(reader, name: str, size: int) -> np.ndarray:
    if not size:
        return np.zeros(0, np.int32)
    return np.fromiter(reader.column_reader(name), np.int64, count=size).astype(np.int32)


# -- stories, grouped once per generation ------------------------------------------

def _rules() -> str:
    """A fingerprint of the grouping rules (the source of :mod:`indexer.stories`): stories
    kept by other rules are grouped again."""
    try:
        source = Path(stories.__file__).read_bytes()
    except OSError:
        source = b""
    return hashlib.blake2b(source, digest_size=6).hexdigest()


RULES = _rules()


def _group_stories(reader, size: int, live: np.ndarray, days: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Group the copies of one story from the signatures and fingerprints stored at index
    time (:mod:`indexer.stories`; only the fingerprints of candidate pairs are read)."""
    column = reader.column_reader("minhash") if size else []
    width = 2 * stories.K
    raw = b"".join(v if len(v) == width else stories.EMPTY for v in column)
    signatures = np.frombuffer(raw, dtype="<u2").reshape(size, stories.K)
    prints = reader.column_reader("wordprint") if size else []

    read: dict[int, Article] = {}

    def stored(doc: int) -> Article:  # a few hundred documents at most (stories.group's *text*, *title*)
        if doc not in read:
            read[doc] = schema.from_stored(reader.stored_fields(doc))
        return read[doc]

    return stories.group(signatures, words.astype(np.int64), days, live, prints.__getitem__,
                         lambda doc: stored(doc).body, title=lambda doc: stored(doc).title)


def kept_stories(gen: Path, whoosh_gen: int, size: int, group) -> np.ndarray:
    """The story of each document of Whoosh generation *whoosh_gen*: read from the file
    kept beside it, or grouped by *group()* and kept there. Grouping takes seconds and
    hundreds of megabytes at 100,000 articles; done once (by the indexing run, or by the
    first server process: the others wait on a lock and read it), each process of a
    server holds just the result. A folder it may not write to, or a holder of the lock
    that does not finish in :data:`STORIES_WAIT` seconds: grouped in memory."""
    path = gen / stories_name(whoosh_gen, RULES)
    story = _read_stories(path, size)
    if story is not None:
        return story
    try:
        with contextlib.ExitStack() as stack:
            held = _take_stories_lock(stack, gen)
            story = _read_stories(path, size)
            if story is None:
                story = group()
                if held:
                    _write_stories(path, story)
    except OSError:  # a read-only index: every process groups for itself
        story = group()
    return story


STORIES_WAIT = 60.0  # seconds to wait for another process grouping the same stories


def _take_stories_lock(stack: contextlib.ExitStack, gen: Path) -> bool:
    """Take *gen*'s stories lock into *stack*, waiting for its holder at most
    :data:`STORIES_WAIT` seconds: False when it still holds it then. A holder that does
    not finish (stopped with Ctrl-Z or kill -STOP) must not hold up a server's searches,
    nor an index run, which holds the write lock, for as long as it stays stopped."""
    deadline = time.monotonic() + STORIES_WAIT
    while True:
        try:
            stack.enter_context(hold_lock(gen / STORIES_LOCK, wait=False, busy=str))
            return True
        except IndexBusy:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)


def prepare_stories(gen: Path) -> None:
    """Group the stories of *gen*'s latest generation and keep them beside it, so that a
    server finds them ready (called at the end of an indexing run)."""
    ix = FileStorage(str(gen), supports_mmap=False).open_index()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        size = reader.doc_count_all()
        whoosh_gen = reader.generation()
        if whoosh_gen is None:
            return
        live, days = _live(reader, size), _column(reader, "day", size)
        kept_stories(gen, whoosh_gen, size, lambda: _group_stories(reader, size, live, days,
                                                                   _column(reader, "blen", size)))


_STORIES_MAGIC = b"TIMTINS2"  # then a digest of the rest, then the story of each document, int32 little-endian
_STORIES_DIGEST = 16


def _stories_digest(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=_STORIES_DIGEST).digest()


def _read_stories(path: Path, size: int) -> np.ndarray | None:
    """The stories kept in *path*, or None when it is missing or damaged: of another
    length, or of the right length with other numbers than were written (a crash before
    its data reached the disk, a bad sector), which the digest tells. (Not np.load: its
    header is read by ``ast``, which CPython 3.11 breaks on when threads parse at once.)"""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    start = len(_STORIES_MAGIC) + _STORIES_DIGEST
    if not raw.startswith(_STORIES_MAGIC) or len(raw) != start + 4 * size:
        return None
    body = memoryview(raw)[start:]
    if _stories_digest(body) != raw[len(_STORIES_MAGIC):start]:
        return None
    story = np.frombuffer(raw, "<i4", offset=start).astype(np.int32)
    # a story is named by its lowest document: never past the document itself
    if size and ((story < 0) | (story > np.arange(size))).any():
        return None
    return story


def _write_stories(path: Path, story: np.ndarray) -> None:
    """Write under a temporary name and rename: a reader sees the whole file or none
    (and a file whose data a crash lost fails its digest). A full disk only costs the
    next process the grouping."""
    tmp = path.with_name(path.name + ".tmp")
    body = story.astype("<i4").tobytes()
    try:
        with open(tmp, "wb") as out:
            out.write(_STORIES_MAGIC + _stories_digest(body) + body)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def stale_stories(gen: Path, keep: int) -> list[Path]:
    """Stories files of *gen* that are not those of Whoosh generation *keep* by today's rules."""
    live = stories_name(keep, RULES)
    return [p for p in gen.glob(f"{STORIES_PREFIX}*.bin") if p.name != live]


# A phrase of three words or more is checked in the texts of at most this many articles
# holding all its pairs (0.1-0.2 ms an article: a query's at most eight such phrases cost
# at most about two seconds the first time); past it, pair by pair (README).
PHRASE_CHECK_MAX = 1500
PHRASE_CHUNK = 64  # stored articles read under the snapshot's lock at once


def _phrase_pattern(folded: list[str]):
    """A loose pattern of folded words in a row, over a text as written (each letter any
    of its accented forms, either case; i and y alike; any short gap but a line break):
    it finds where to look, without folding the whole text."""
    def letter(c: str) -> str:
        forms = _FORMS.get(c, "") + (_FORMS.get("y", "") if c == "i" else "")
        return f"[{forms}]" if forms else re.escape(c)
    words = ["".join(map(letter, w)) for w in folded]
    return re.compile(r"(?<!\w)" + r"[^\w\n]{1,4}".join(words) + r"(?!\w)", re.IGNORECASE)


_FORMS = normalize.letter_forms()


def _texts(stored: dict) -> tuple[str, str]:
    article = schema.from_stored(stored)
    return article.title, schema.searchable_body(article)


def _holds(text: str, pattern, want: list[str], strict: bool, apart: tuple[int, ...] = ()) -> bool:
    """Whether *text* holds the words *want* (exact if *strict*, else folded) side by side
    as the index reads it (:func:`indexer.schema.joins`), but before the words numbered in
    *apart*, where the short gap of punctuation the pattern allows may part them."""
    form = normalize.exact if strict else normalize.folded
    if normalize.has_marks_apart(text):  # decomposed marks (the texts are NFC; just in case): read it all
        spans = [(0, len(text))]
    else:
        spans = [m.span() for m in pattern.finditer(text)]
    for start, end in spans:
        piece = text[start:end]
        words = list(normalize.tokens(piece))
        for k in range(len(words) - len(want) + 1):
            run = words[k:k + len(want)]
            if [form(w) for w, _, _ in run] == want and all(
                    at in apart or schema.joins(piece[a[2]:b[1]]) for at, (a, b) in enumerate(zip(run, run[1:]), 1)):
                return True
    return False
