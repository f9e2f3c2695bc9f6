"""Answer searches from the index: one API for the command line and the web.

:class:`Searcher` answers a :class:`~indexer.query.SearchRequest` from the live
index with a :class:`~indexer.models.SearchResult`, and reopens the index when it
changes (a new commit, or a reindex swapped in).

Whoosh stores the index; the search itself runs on arrays. For each generation a
:class:`_Snapshot` holds, per document, the day, the word counts and the officials,
and it loads a term's postings once into arrays of document numbers and BM25
contributions (an LRU cache bounded in postings). A query is then a few vector
operations: a match mask (every word present, folded), a score (folded words;
exact words again when typed with accents; neighbouring words as pairs, so words
side by side rank first; titles weigh more), and facet counts by ``bincount`` over
all matches. Only the page's hits read stored fields, for their snippets.
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
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from whoosh.filedb.filestore import FileStorage

from indexer import normalize, schema
from indexer.abbreviations import Abbreviations, expand
from indexer.officials import PROVINCES
from indexer.indexing import VOCAB_PREFIX, check_schema, require_generation
from indexer.models import Article, FacetCount, OfficialSummary, SearchHit, SearchResult
from indexer.query import (  # noqa: F401 - re-exported: the search API in one place
    SORTS,
    Clause,
    ParsedQuery,
    SearchRequest,
    highlight,
    parse_query,
)

TITLE_WEIGHT = 2.0
EXACT_WEIGHT = 1.0  # added again for words matching with their accents as typed
PAIR_WEIGHT = 10.0  # neighbouring words side by side; measured on real news (README)
BM25_K1 = 1.2
BM25_B = 0.75
# Term arrays kept in memory per process: postings as (int32 doc, float16 BM25), 6 bytes
# each, and for common words whole-archive vectors, 3 bytes a document. 96 MB holds the
# common words and pairs of a 100,000-article archive; half of that thrashed
# (measured: the median search 4x slower).
CACHE_BYTES = 96_000_000
DENSE_FRACTION = 8  # a word in more than 1/8 of the documents gets vectors

_EMPTY = (np.zeros(0, np.int32), np.zeros(0, np.float16))


@dataclass
class _Snapshot:
    """One generation of the index, opened, with its per-document arrays."""

    gen: Path
    whoosh_gen: int
    ix: object
    searcher: object
    size: int  # documents, deleted ones included
    live: np.ndarray  # bool
    days: np.ndarray  # int32 yyyymmdd, 0 undated
    years: np.ndarray  # int32
    months: np.ndarray  # int32 yyyymm
    first_year: int  # the earliest year, for counting by bincount
    year_slot: np.ndarray  # int32: years since first_year + 1, 0 undated
    month_slot: np.ndarray  # int32: months since January of first_year + 1, 0 undated
    lengths: dict[str, tuple[np.ndarray, float]]  # field -> (words per doc, average)
    names: list[str]  # official index -> canonical name
    name_index: dict[str, int]
    off_docs: np.ndarray  # one entry per (doc, official) pair
    off_ids: np.ndarray
    official_keys: dict[str, list[str]]  # accent-free key -> canonical names
    lock: threading.Lock = field(default_factory=threading.Lock)
    cache: OrderedDict = field(default_factory=OrderedDict)
    costs: dict = field(default_factory=dict)
    cached: int = 0  # bytes
    _titles: dict[str, list[FacetCount]] | None = None
    _words: tuple[dict, dict] | None = None
    _whole_names: dict[str, str] | None = None

    def whole_names(self) -> dict[str, str]:
        """Accent-free key -> officials' names and provinces, taken whole when restoring accents."""
        if self._whole_names is None:
            self._whole_names = {normalize.name_key(n): n for n in [*self.names, *PROVINCES]}
        return self._whole_names

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
        key = (fieldname, term)
        with self.lock:
            hit = self.cache.get(key)
            if hit is not None:
                self.cache.move_to_end(key)
                return hit
            ids, tf = self._read_postings(fieldname, term)
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
        tbytes = term.encode("utf-8")
        ids_parts, tf_parts = [], []
        for leaf, offset in self.searcher.reader().leaf_readers():
            if (fieldname, tbytes) not in leaf:
                continue
            ids, tf = _leaf_postings(leaf, fieldname, tbytes)
            ids_parts.append(ids + offset)
            tf_parts.append(tf)
        if not ids_parts:
            return _EMPTY
        return np.concatenate(ids_parts).astype(np.int32), np.concatenate(tf_parts).astype(np.float32)

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
                    spellings = counts.setdefault(schema.official_name(person), {}).setdefault(key, {})
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


def _leaf_postings(leaf, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
    """All (ids, frequencies) of a term in one segment, deleted documents included.

    Reads Whoosh 2.7's posting blocks whole (its matchers yield one posting per
    Python call, a hundred times slower); any other matcher is read the slow way.
    """
    matcher = leaf._terms.matcher(fieldname, tbytes, leaf.schema[fieldname].format)
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_lastblock"):
        ids_parts, tf_parts = [], []
        while True:
            matcher._read_ids()
            matcher._read_weights()
            ids_parts.append(np.asarray(matcher._ids, dtype=np.int64))
            tf_parts.append(np.asarray(matcher._weights, dtype=np.float32))
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
        return np.concatenate(ids_parts), np.concatenate(tf_parts)
    ids, tfs = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        tfs.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(tfs, dtype=np.float32)


def _open_snapshot(gen: Path) -> _Snapshot:
    check_schema(gen)
    # Read files, not memory maps: a mapped index counts in the server's resident
    # memory as its pages are touched (the whole index, in time); the page cache
    # serves reads as fast and belongs to nobody.
    ix = FileStorage(str(gen), supports_mmap=False).open_index()
    searcher = ix.searcher()
    reader = searcher.reader()
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
    names: list[str] = []
    docs_parts, ids_parts = [], []
    if size:
        for term in reader.field_terms("official"):
            docs = np.fromiter(reader.postings("official", term).all_ids(), np.int64)
            docs = docs[live[docs]]
            if not len(docs):
                continue
            ids_parts.append(np.full(len(docs), len(names), np.int32))
            docs_parts.append(docs.astype(np.int32))
            names.append(schema.official_name(term))
    keys: dict[str, list[str]] = {}
    for name in names:
        keys.setdefault(normalize.name_key(name), []).append(name)
    snap = _Snapshot(
        gen=gen,
        whoosh_gen=ix.latest_generation(),
        ix=ix,
        searcher=searcher,
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
    )
    # Close the generation's files once no request holds the snapshot any more
    # (a newer one replaced it, or the Searcher went away).
    weakref.finalize(snap, searcher.close)
    return snap


# -- matching and scoring ---------------------------------------------------------

class _Scorer:
    """Builds the match mask and the scores of one query over a snapshot."""

    def __init__(self, snap: _Snapshot) -> None:
        self.snap = snap
        self.scores = np.zeros(snap.size, np.float32)
        # how many of the words typed with accents a document holds with those accents:
        # it ranks first, so "nói tới" finds "nói tới" before "nói tôi"
        self.exact = np.zeros(snap.size, np.int8)

    def _add(self, fieldname: str, term: str, weight: float, mask: np.ndarray | None) -> None:
        dense = self.snap.dense(fieldname, term)
        if dense is not None:
            self.scores += weight * dense[1]
            if mask is not None:
                mask |= dense[0]
            return
        ids, contrib = self.snap.term(fieldname, term)
        if len(ids):
            self.scores[ids] += weight * contrib
            if mask is not None:
                mask[ids] = True

    def word(self, clause_exact: str, clause_folded: str, score: bool = True) -> np.ndarray:
        """Documents holding the word (folded); scores it on the way."""
        present = np.zeros(self.snap.size, bool)
        exact = np.zeros(self.snap.size, bool) if score and clause_exact != clause_folded else None
        for fieldname, weight in (("title", TITLE_WEIGHT), ("body", 1.0)):
            dense = self.snap.dense(fieldname, clause_folded)
            if dense is not None:
                present |= dense[0]
                if score:
                    self.scores += weight * dense[1]
            else:
                ids, contrib = self.snap.term(fieldname, clause_folded)
                if len(ids):
                    present[ids] = True
                    if score:
                        self.scores[ids] += weight * contrib
            if exact is not None:
                self._add(fieldname, clause_exact, weight * EXACT_WEIGHT, exact)
        if exact is not None:
            self.exact += exact
        return present

    def pairs(self, folded: list[str], score: bool = True) -> np.ndarray:
        """Documents holding every neighbouring pair of *folded* (a phrase)."""
        present = np.ones(self.snap.size, bool)
        for a, b in zip(folded, folded[1:]):
            both = np.zeros(self.snap.size, bool)
            for fieldname, weight in (("title", TITLE_WEIGHT), ("body", 1.0)):
                ids, contrib = self.snap.term(fieldname, schema.pair(a, b))
                if len(ids):
                    both[ids] = True
                    if score:
                        self.scores[ids] += weight * PAIR_WEIGHT * contrib
            present &= both
        return present

    def form(self, exact: list[str], folded: list[str], score: bool = True) -> np.ndarray:
        """Documents holding the words, side by side when there are several."""
        present = np.ones(self.snap.size, bool)
        for e, f in zip(exact, folded):
            present &= self.word(e, f, score)
        if len(folded) > 1:
            present &= self.pairs(folded, score)
        return present

    def clause(self, clause: Clause, score: bool = True) -> np.ndarray:
        """Documents holding the clause in any of its forms (an abbreviation or its long form)."""
        present = self.form(clause.exact, clause.folded, score)
        for exact, folded in clause.synonyms:
            present |= self.form(exact, folded, score)
        return present

    def alternative(self, clauses: list[Clause]) -> np.ndarray:
        present = np.ones(self.snap.size, bool)
        for clause in clauses:
            present &= self.clause(clause)
        # words side by side rank above scattered ones, across clauses too
        for sequence in _sequences(clauses):
            if len(sequence) > 1:
                self.pairs(sequence)
        return present

    def excluded(self, clause: Clause) -> np.ndarray:
        """Documents to leave out: typed with accents, only that spelling."""
        if not clause.accented:
            return self.clause(clause, score=False)
        present = np.ones(self.snap.size, bool)
        for e in clause.exact:
            present &= self.word(e, e, score=False)
        if len(clause.folded) > 1:
            present &= self.pairs(clause.folded, score=False)
        return present

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


def _sequences(clauses: list[Clause]) -> list[list[str]]:
    """The query's unquoted words in order, once as typed and once with each
    abbreviation swapped for its other form, for the side-by-side boost."""
    plain = [c for c in clauses if not c.quoted]
    typed = [w for c in plain for w in c.folded]
    swapped = [w for c in plain for w in (c.synonyms[0][1] if c.synonyms else c.folded)]
    return [typed] if swapped == typed else [typed, swapped]


# -- the searcher ----------------------------------------------------------------

class Searcher:
    """Searches the index at *root*; reopens it when it changes. Thread-safe."""

    def __init__(self, root: Path, abbreviations: Abbreviations | None = None) -> None:
        """:param abbreviations: the table that makes UBND find "Ủy ban nhân dân"
        (:func:`indexer.abbreviations.load_default` gives the bundled one)."""
        self.root = Path(root)
        self.abbreviations = abbreviations
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

    def parse(self, query: str) -> ParsedQuery:
        """The query as the searcher reads it: parsed, abbreviations expanded."""
        return expand(parse_query(query), self.abbreviations)

    def _current(self) -> _Snapshot:
        """The snapshot of the live index (two small reads to see if it changed)."""
        snap = self._snapshot
        gen = require_generation(self.root)
        if snap is not None and snap.gen == gen and snap.ix.latest_generation() == snap.whoosh_gen:
            return snap
        with self._lock:
            snap = self._snapshot
            if snap is None or snap.gen != gen or snap.ix.latest_generation() != snap.whoosh_gen:
                self._snapshot = snap = _open_snapshot(gen)
        return snap

    def search(self, request: SearchRequest, facets: bool = True, snippets: bool = True) -> SearchResult:
        """Answer *request*. ``facets=False`` or ``snippets=False`` skip that work
        (the benchmark measures each part; the CLI and the web want both)."""
        started = time.perf_counter()
        snap = self._current()
        parsed = self.parse(request.query)
        scorer = _Scorer(snap)
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
        # on the first page only: later pages are the same query, already offered
        suggestion = self._suggestion(snap, request.query) if request.query.strip() and request.page == 1 else None
        return SearchResult(
            query=request.query,
            suggestion=suggestion,
            total=int(final.sum()),
            page=request.page,
            per_page=request.per_page,
            took_ms=(time.perf_counter() - started) * 1000,
            hits=hits,
            facets=counted,
        )

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
            if len(docs) > wanted:  # only the best *wanted* need sorting
                top = np.argpartition(-key, wanted - 1)[:wanted]
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
        if parsed is None:
            return SearchHit(article.id, article.title, article.date, tuple(o.name for o in article.officials),
                             score, "", html.escape(article.title))
        snippet = highlight(article.body, parsed) if not parsed.is_empty() else None
        if snippet is None or "<mark>" not in snippet:
            caption = next((c for c in article.captions if "<mark>" in highlight(c, parsed, None)), None)
            snippet = highlight(caption, parsed) if caption else highlight(article.lead or article.body, ParsedQuery())
        return SearchHit(
            id=article.id,
            title=article.title,
            date=article.date,
            officials=tuple(o.name for o in article.officials),
            score=score,
            snippet=snippet,
            title_html=highlight(article.title, parsed, max_chars=None),
        )

    def resolve_official(self, name: str, snap: _Snapshot | None = None) -> list[str]:
        """The canonical names a user's spelling of an official stands for."""
        snap = snap or self._current()
        canonical = normalize.canonical_name(name)
        if canonical in snap.name_index:
            return [canonical]
        return snap.official_keys.get(normalize.name_key(name), [])

    def _official_facet(self, snap: _Snapshot, final: np.ndarray, request: SearchRequest) -> tuple[FacetCount, ...]:
        if not len(snap.off_ids):
            return ()
        counts = np.bincount(snap.off_ids[final[snap.off_docs]], minlength=len(snap.names))
        nonzero = np.flatnonzero(counts)
        if len(nonzero) > request.facet_limit:  # only the top need sorting by name for ties
            cut = counts[nonzero][np.argpartition(-counts[nonzero], request.facet_limit - 1)[request.facet_limit - 1]]
            nonzero = nonzero[counts[nonzero] >= cut]
        top = sorted(((snap.names[i], int(counts[i])) for i in nonzero), key=lambda kv: (-kv[1], kv[0]))
        shown = [FacetCount(n, c) for n, c in top[: request.facet_limit]]
        selected = {n for o in request.officials for n in self.resolve_official(o, snap)}
        extra = [FacetCount(n, int(counts[snap.name_index[n]])) for n in sorted(selected - {c.value for c in shown})]
        return tuple(shown + extra)

    def find_officials(self, text: str = "", limit: int = 20) -> list[FacetCount]:
        """Officials of the whole archive whose name, or one of its syllables, starts
        with *text* (accents optional), most named first."""
        snap = self._current()
        key = normalize.name_key(text)
        counts = np.bincount(snap.off_ids, minlength=len(snap.names)) if len(snap.names) else []
        found = [
            FacetCount(name, int(counts[snap.name_index[name]]))
            for k, names in snap.official_keys.items()
            if not key or k.startswith(key) or f" {key}" in f" {k}"
            for name in names
        ]
        found.sort(key=lambda c: (not normalize.name_key(c.value).startswith(key), -c.count, c.value))
        return found[:limit]

    def officials(self, text: str = "", limit: int = 20) -> list[OfficialSummary]:
        """Officials with their article counts and most used titles (filtered like find_officials)."""
        titles = self._current().titles()
        return [
            OfficialSummary(c.value, c.count, tuple(titles.get(c.value, ())[:5]))
            for c in self.find_officials(text, limit)
        ]

    def suggestion(self, query: str) -> str | None:
        """The query with its accents restored, for a query typed without any:
        ``dan van`` -> ``dân vận``. None when there is nothing better to offer."""
        return self._suggestion(self._current(), query)

    def _suggestion(self, snap: _Snapshot, query: str) -> str | None:
        words = [w for w, _, _ in normalize.tokens(normalize.clean(query))]
        if not words or len(words) > MAX_SUGGEST_WORDS or normalize.has_accents(query):
            return None
        restored = _restore(snap, [normalize.folded(w) for w in words], self.abbreviations)
        if restored is None:
            return None
        text = " ".join(restored)
        return text if normalize.fold(text).lower() != query.strip().lower() or text != query.strip() else None

    def complete(self, prefix: str, limit: int = 8) -> dict:
        """Suggestions as the user types: officials and frequent phrases for a prefix,
        with or without accents."""
        snap = self._current()
        words = [w for w, _, _ in normalize.tokens(normalize.clean(prefix))][:MAX_SUGGEST_WORDS]
        if not words:
            return {"query": prefix, "officials": [], "phrases": []}
        officials = self.find_officials(prefix, limit=4)
        counts, _ = snap.words()
        last = normalize.folded(words[-1])
        head = [normalize.folded(w) for w in words[:-1]]
        completions = sorted((w for w in counts if w.startswith(last)), key=lambda w: -counts[w])[:12]
        if head:  # the words that follow the one before most often
            completions.sort(key=lambda w: -len(snap.term("body", schema.pair(head[-1], w))[0]))
        # the words typed so far are spelled once; each completion then picks its spelling
        spelled = [normalize.exact(w) if normalize.has_accents(w) else w for w in words[:-1]]
        if head and not normalize.has_accents(prefix):
            spelled = _restore(snap, head, self.abbreviations) or head
        phrases: list[str] = []
        shown = self.abbreviations.shown if self.abbreviations else {}
        for word in completions[:4]:
            last_word = shown[word] if word in shown and len(word) >= 3 else \
                _best_spelling(snap, spelled[-1] if spelled else None, word)
            text = " ".join([*spelled, last_word])
            if text not in phrases:
                phrases.append(text)
        return {"query": prefix, "officials": [c.to_json() for c in officials], "phrases": phrases[:limit]}

    def related(self, article_id: str, limit: int = 5) -> list[SearchHit]:
        """Articles most like this one (by its title's and lead's word pairs), never itself."""
        snap = self._current()
        article = self.article(article_id)
        if article is None:
            return []
        words = [normalize.folded(w) for w, _, _ in normalize.tokens(article.title + " \n " + (article.lead or ""))]
        terms = {schema.pair(a, b) for a, b in zip(words, words[1:])}
        scorer = _Scorer(snap)
        for term in terms:
            for fieldname, weight in (("title", TITLE_WEIGHT), ("body", 1.0)):
                scorer._add(fieldname, term, weight, None)
        with snap.lock:
            own = snap.searcher.document_number(id=article_id)
        scores = scorer.scores
        scores[~snap.live] = 0
        if own is not None:
            scores[own] = 0
        top = np.argsort(-scores)[:limit]
        return [self._hit(snap, int(d), float(scores[d]), None) for d in top if scores[d] > 0]

    def looser(self, request: SearchRequest) -> list[tuple[str, SearchRequest, int]]:
        """Looser forms of a request that found nothing, with their totals.

        Tried in order: without accents, without quotes, without filters.
        Returns ``(what changed, request, total)`` for those that find something.
        """
        candidates: list[tuple[str, SearchRequest]] = []
        folded_q = normalize.fold(normalize.clean(request.query))
        if folded_q != normalize.clean(request.query):
            candidates.append(("không dấu", replace(request, query=folded_q, page=1)))
        if '"' in request.query:
            candidates.append(("bỏ ngoặc kép", replace(request, query=request.query.replace('"', " "), page=1)))
        if request.officials or request.year or request.month or request.date_from or request.date_to:
            candidates.append(("bỏ bộ lọc", SearchRequest(query=request.query, sort=request.sort)))
        out = []
        for label, candidate in candidates:
            total = self.search(replace(candidate, per_page=1)).total
            if total:
                out.append((label, candidate, total))
        return out

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        snap = self._current()
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


def _slot_counts(slots: np.ndarray, label) -> list[FacetCount]:
    """Counts of each slot but 0 ("undated"), in slot order."""
    counts = np.bincount(slots)
    return [FacetCount(label(int(slot)), int(counts[slot])) for slot in np.flatnonzero(counts) if slot]


def _day(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _date_str(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


# -- accent restoration -------------------------------------------------------------

MAX_SUGGEST_WORDS = 10
SPELLINGS = 6  # accented spellings tried per word
PAIR_EVIDENCE = 8.0  # weight of two spellings seen side by side against one alone
BODY_EVIDENCE = 0.3  # an article holding both spellings and the pair, against a title holding the pair
BODY_EVIDENCE_DOCS = 5000  # above this the pair is common enough for titles to speak; bounds the work


def _restore(snap: _Snapshot, folded: list[str], table: Abbreviations | None) -> list[str] | None:
    """The most likely accented spelling of a folded word sequence, from the index.

    Officials' names and abbreviations are taken whole; a word the index never saw
    becomes the nearest one it did (one letter off); then each position's spellings
    are chosen together (Viterbi): how often each spelling occurs, and how often
    two neighbours occur in the same articles as the folded pair itself.
    """
    counts, spellings = snap.words()
    out: list[list[tuple[str, float]]] = []  # per position: candidates with a base score
    fixed: dict[int, str] = {}
    i = 0
    names = snap.whole_names()
    while i < len(folded):
        for size in (4, 3, 2):  # an official's full name
            key = " ".join(folded[i:i + size])
            if len(folded[i:i + size]) == size and key in names:
                for k, part in enumerate(names[key].split()):
                    fixed[i + k] = part
                i += size
                break
        else:
            i += 1
    changed = False
    for i, word in enumerate(folded):
        if i in fixed:
            out.append([(fixed[i], 0.0)])
            changed = True
            continue
        if table and word in table.shown and len(word) >= 3:  # UBND, not "tu" (TƯ)
            out.append([(table.shown[word], 0.0)])
            changed = changed or table.shown[word] != word
            continue
        if word not in counts and not word.isdigit():
            near = _nearest(word, counts)
            if near:
                word, changed = near, True
        options = spellings.get(word, [])[:SPELLINGS]
        total = counts.get(word, 0)
        plain = total - sum(n for _, n in options)
        cands = [(w, math.log1p(n)) for w, n in options]
        cands.append((word, math.log1p(max(plain, 0))))  # the word may be written so too
        out.append(cands)
    best = _capitalise_places(_viterbi(snap, folded, out))
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


def _best_spelling(snap: _Snapshot, before: str | None, word: str) -> str:
    """The likeliest spelling of one folded word, after the spelled word *before*."""
    counts, spellings = snap.words()
    accented = spellings.get(word, [])[:SPELLINGS]
    options = [*accented, (word, max(0, counts.get(word, 0) - sum(n for _, n in accented)))]
    if before is None:
        return max(options, key=lambda o: o[1])[0]
    evidence = _pair_evidence(snap, [(before, 0.0)], [(w, 0.0) for w, _ in options])[0]
    return max(zip(options, evidence), key=lambda oe: math.log1p(oe[0][1]) + PAIR_EVIDENCE * oe[1])[0][0]


def _viterbi(snap: _Snapshot, folded: list[str], cands: list[list[tuple[str, float]]]) -> list[str]:
    """The best spelling per position: each spelling's count, and above all how many
    titles hold two neighbouring spellings side by side."""
    scores = [base for _, base in cands[0]]
    back: list[list[int]] = []
    for i in range(1, len(cands)):
        evidence = _pair_evidence(snap, cands[i - 1], cands[i])
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


def _pair_evidence(snap: _Snapshot, left, right) -> list[list[float]]:
    """log(1 + titles holding the two spellings side by side), for each combination.

    Two unaccented spellings share their term with the folded pair, so they get
    what the folded pair has beyond the accented combinations.
    """
    counts = [[0.0] * len(right) for _ in left]
    plain_at = None
    accented_total = 0
    for k, (a, _) in enumerate(left):
        for j, (b, _) in enumerate(right):
            ea, eb = normalize.exact(a), normalize.exact(b)
            if ea == normalize.folded(a) and eb == normalize.folded(b):
                plain_at = (k, j)
                continue
            n = len(snap.term("title", schema.pair(ea, eb))[0])
            counts[k][j] = n
            accented_total += n
    folded_pair = schema.pair(normalize.folded(left[0][0]), normalize.folded(right[0][0]))
    if plain_at:
        counts[plain_at[0]][plain_at[1]] = max(0, len(snap.term("title", folded_pair)[0]) - accented_total)
    if not any(any(row) for row in counts):
        # No title holds the pair: fall back on bodies, counting the articles that hold
        # the folded pair and both spellings (a weaker sign: they may stand apart).
        within = snap.term("body", folded_pair)[0]
        if 0 < len(within) <= BODY_EVIDENCE_DOCS:
            rights = [_doc_set(snap, b, within) for b, _ in right]
            for k, (a, _) in enumerate(left):
                here = _doc_set(snap, a, within)
                for j, docs in enumerate(rights):
                    counts[k][j] = BODY_EVIDENCE * len(here & docs)
    return [[math.log1p(n) for n in row] for row in counts]


def _doc_set(snap: _Snapshot, word: str, within: np.ndarray) -> set[int]:
    """The documents among *within* (a pair's, sorted) that hold *word* as spelled."""
    if not len(within):
        return set()
    ids = snap.term("body", normalize.exact(word))[0]
    if not len(ids):
        return set()
    at = np.searchsorted(ids, within)  # both sorted: look each of the few up among the many
    at[at == len(ids)] = 0
    return set(within[ids[at] == within].tolist())


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
