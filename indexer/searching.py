"""Answer searches from the index: one API for the command line and the web.

:class:`Searcher` is the facade: it answers a :class:`~indexer.query.SearchRequest`
from the live index with a :class:`~indexer.models.SearchResult`, and reopens the
index when it changes (a new commit, or a reindex swapped in). The work is done by:

* :mod:`indexer.snapshot` (storage): one generation opened as arrays (days, word
  counts, officials as people) and term postings read into a bounded cache;
* :mod:`indexer.scoring`: a query's match mask and BM25 scores, the ranking key;
* :mod:`indexer.spelling`: accents restored to a query typed without them, the
  nearest known word of a misspelt one;
* here: reading a query (:meth:`Searcher.parse`: syllables grouped into words, each
  given its likely spelling), filters, facets (``bincount`` over all matches), one
  result per story, ranking and pages, snippets (only the page's hits read stored
  fields), suggestions and completion, officials, articles and related articles.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from whoosh.index import EmptyIndexError

from indexer import normalize, people, schema, spelling, wordlist
from indexer.abbreviations import Abbreviations, expand
from indexer.layout import require_generation
from indexer.officials import PROVINCES, SURNAMES
from indexer.models import Article, Copy, FacetCount, Html, Official, OfficialSummary, SearchHit, SearchResult
from indexer.scoring import FIELDS, Scorer, order_key
from indexer.snapshot import Snapshot, open_snapshot
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
# Two typed words with no listed word or name between them are read as one word when
# they stand side by side in this share of the articles holding both (README).
JOIN_SHARE = 0.2
# A hit lists at most this many of its story's other publications (it counts them all).
COPIES_SHOWN = 50
# Words a number after them names (folded): "số 1", "năm 2017", "Nghị định 100", "quốc lộ 1A",
# "khóa XII"'s digits, "phường 3": typed in a run, the number stands with them.
NUMBERED = frozenset("so nam thang quy khoa ky lan dot phuong quan khu to lo tuyen dinh tu dieu khoan chuong "
                     "phan vong doan".split())
# Completions as you type are chosen among this many of the most used words that start so.
COMPLETE_FROM = 60


@dataclass
class Matches:
    """Every match of a search (:meth:`Searcher.stream`): the total, the query whose
    results they are when the typed one found nothing, and the hits, read lazily."""

    query: str
    total: int
    corrected: str | None
    hits: Iterator[SearchHit]
    articles: int = 0  # every matching article, copies of a story too
    grouped: bool = False  # copies of one story are one hit, carrying the others


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
        self._snapshot: Snapshot | None = None

    def warm(self) -> None:
        """Open the index and read what suggestions and the grouping of copies need,
        ahead of the first request (a few seconds at 100,000 articles). Never raises: a
        missing index is reported by the request that needs it."""
        try:
            snap = self._current()
            snap.words()
            snap.stories()
            highlight("Sẵn sàng.", parse_query("san sang"))  # the snippet maker's table of folds
        except Exception:  # noqa: BLE001 - best effort; the next request opens it again
            pass

    def parse(self, query: str, snap: Snapshot | None = None) -> ParsedQuery:
        """The query as the searcher reads it: parsed, abbreviations expanded, syllables
        grouped into words (which must stand side by side), and, typed without
        accents, each word's likely spelling (which ranks first)."""
        snap = snap or self._current()
        parsed = parse_query(query)
        self._join_left_out(snap, parsed)
        for run in parsed.left_out_runs:  # -(Hà Nội OR Lạng Sơn): each alternative's words read as words
            within = {id(c) for c in run}
            parsed.excluded = [c for c in parsed.excluded if id(c) not in within] + self._group(snap, run, parsed.strict)
        parsed = expand(parsed, self.abbreviations)
        _read_prefixes(snap, parsed)
        parsed.alternatives = [self._group(snap, alt, parsed.strict) for alt in parsed.alternatives]
        if not parsed.strict:
            for alt in parsed.alternatives:
                self._likely_spelling(snap, alt)
        return parsed

    def _group(self, snap: Snapshot, clauses: list[Clause], strict: bool) -> list[Clause]:
        """Runs of unquoted words regrouped into words of several syllables. An
        abbreviation or long form of the table stands in a run as one word with its
        forms, so ``UBND tỉnh`` is one word written either way (``UBND tỉnh``, ``Ủy ban
        nhân dân tỉnh``), not UBND anywhere and tỉnh anywhere."""
        out: list[Clause] = []
        run: list[Clause] = []
        for clause in [*clauses, None]:
            if clause is not None and _may_join(clause) and not clause.start:
                run.append(clause)
                continue
            if len(run) > 1:
                named = self._names_typed(run) | _names_known(snap, run)
                groups = [[run[0]]]
                for i in range(len(run) - 1):
                    # a name typed (``Nguyễn Xuân Phúc``, ``Yên Bái``) is joined to its
                    # neighbours as a whole word, once read (:meth:`_join_words`), not by its edge
                    # syllable: "tướng Nguyễn" side by side joined `Thủ tướng Nguyễn Xuân Phúc` whole
                    edge = i not in named and (i + 1 in named or i - 1 in named)
                    if i in named or (not edge and self._joins(snap, run, i, strict)):
                        groups[-1].append(run[i + 1])
                    else:
                        groups.append([run[i + 1]])
                run = self._join_words(snap, [g[0] if len(g) == 1 else _joined(g) for g in groups], strict)
            out += run
            run = []
            if clause is not None:
                if _may_join(clause):
                    run.append(clause)  # a bracket opens before it: a run of its own begins
                else:
                    out.append(clause)
        return out

    def _join_words(self, snap: Snapshot, words: list[Clause], strict: bool) -> list[Clause]:
        """Neighbouring words of a run, once read, joined as one when the archive writes them
        side by side in at least JOIN_SHARE of the articles holding both: ``Bí thư`` +
        ``Tỉnh ủy`` (55 of the 79 real articles holding both; their edge syllables, "thư"
        and "tỉnh", are each too common to tell), ``UBND tỉnh`` + ``Yên Bái`` (a place
        after a title's abbreviation). A person's name stays a word of its own: a title
        before it is written many ways (``Thủ tướng`` + ``Nguyễn Xuân Phúc`` finds "Thủ
        tướng Chính phủ Nguyễn Xuân Phúc"; joined, it lost 47 of 251 real articles), and so
        does a capitalised word after an abbreviation (``PGS`` + ``Trần Đắc Phu``)."""
        out = words[:1]
        for word in words[1:]:
            left = out[-1]
            several = len(left.folded) + len(word.folded) > 2  # (two syllables alone: judged as typed)
            apart = (_names_a_person(snap, left) or _names_a_person(snap, word)
                     or (left.synonyms and _typed_as_a_name(word)))
            if several and not apart and self._side_by_side(snap, left, word, strict):
                out[-1] = _joined([left, word])
            else:
                out.append(word)
        return out

    @staticmethod
    def _side_by_side(snap: Snapshot, left: Clause, right: Clause, strict: bool) -> bool:
        """Whether *left* and *right* stand side by side (in any of their forms) in at least
        JOIN_SHARE of the articles holding both (kept with the snapshot: every page, facet
        click and export of a query reads it again)."""
        key = ("side by side", strict, *(tuple((tuple(e), tuple(f)) for e, f in c.forms()) for c in (left, right)))
        with snap.lock:
            if key in snap.cache:
                return snap.cache[key]
        scorer = Scorer(snap)
        both = scorer.clause(left, strict, score=False) & scorer.clause(right, strict, score=False)
        held = int(both.sum())
        together = scorer.clause(_joined([left, right]), strict, score=False) & both
        answer = bool(held) and int(together.sum()) >= JOIN_SHARE * held
        with snap.lock:
            snap._keep(key, answer, 64)
        return answer

    def _join_left_out(self, snap: Snapshot, parsed: ParsedQuery) -> None:
        """A word left out takes the words typed after it that make one word with it:
        ``-Hà Nội`` leaves out "Hà Nội" (it left out Hà and asked for Nội). As the
        archive joins them in a long run, or as a name: not merely because the two
        stand side by side somewhere (``-covid tin`` leaves out covid)."""
        for left_out, typed_after in parsed.followers:
            run = [left_out, *typed_after]
            taken = 0
            # judged as in a long run (not "two typed words are one"): by the archive alone
            while taken < len(typed_after) and self._joins(snap, run, taken, parsed.strict, two_typed_are_one=False):
                taken += 1
            gone = {c.at for c in typed_after[:taken]}  # the alternatives hold copies of them
            if not taken or not any(c.at not in gone for alt in parsed.alternatives for c in alt):
                continue  # nothing joins, or nothing would be left to search for (-Trump Obama)
            parsed.excluded = [_joined(run[:taken + 1]) if c is left_out else c for c in parsed.excluded]
            parsed.alternatives = [kept for alt in parsed.alternatives if (kept := [c for c in alt if c.at not in gone])]

    @staticmethod
    def _names_typed(run: list[Clause]) -> set[int]:
        """Positions i of *run* where words i and i+1 are one name as typed: two capitalised
        Vietnamese syllables alone (``Kỳ Lừa``: a place, even one the archive never
        writes), or three opening with a surname (``Vi Đức Thắng``) and holding no province
        (``Hà Nội Huế`` is two). Such a name is one word, found where it stands whole, or
        nowhere. Foreign words are not syllables: ``Obama Trump`` is two names, as typed
        together to find both."""
        caps = [_capitalised(c) and normalize.is_syllable(c.typed[0]) for c in run]
        named: set[int] = set()
        i = 0
        while i < len(run):
            j = i
            while j < len(run) and caps[j]:
                j += 1
            words = [run[k].typed[0] for k in range(i, j)]
            if j - i == 2 or (j - i == 3 and normalize.folded(words[0]) in _SURNAMES and not _holds_province(words)):
                named.update(range(i, j - 1))
            i = max(j, i + 1)
        return named

    def _joins(self, snap: Snapshot, run: list[Clause], i: int, strict: bool, two_typed_are_one: bool = True) -> bool:
        """Whether words i and i+1 of a run of typed words form one word.

        Never when the archive never has them side by side; always for a run of two
        words (what a reader types is mostly one word), for a pair inside a listed
        word, an official's name or a province, and for a number after a word that a
        number names (:data:`NUMBERED`: ``bão số 1``, ``Nghị định 100``, ``năm 2017``,
        but not ``giá vàng 2017``, where the year is a word of its own); otherwise when
        they stand side by side in at least JOIN_SHARE of the articles that hold both.
        An abbreviation's forms join by their edge words, any form's pair counting
        (``UBND`` + ``tỉnh``: "UBND tỉnh" or "dân tỉnh"), but not a name typed after
        it: a title's abbreviation is a word of its own before a name (``PGS Trần Đắc
        Phu`` finds "PGS.TS Trần Đắc Phu"). With *two_typed_are_one* False (words after a
        left-out one), a run of two is judged as a longer run is.
        """
        if run[i].synonyms and _capitalised(run[i + 1]):
            return False
        edges = {(left[0][-1], left[1][-1], right[0][0], right[1][0])
                 for left in run[i].forms() for right in run[i + 1].forms()}
        alone = two_typed_are_one and len(run) == 2  # two words typed alone are mostly one word
        return any(self._pair_joins(snap, a, fa, b, fb, alone, strict) for a, fa, b, fb in sorted(edges))

    def _pair_joins(self, snap: Snapshot, a: str, fa: str, b: str, fb: str, alone: bool, strict: bool) -> bool:
        in_titles, in_bodies = snap.pair("title", a, b, strict)[0], snap.pair("body", a, b, strict)[0]
        if not len(in_titles) and not len(in_bodies):
            return False
        if alone or self.words.joins(a, b, strict) or (fa, fb) in snap.name_pairs() or (
                fb[:1].isdigit() and fa in NUMBERED):
            return True
        together = np.zeros(snap.size, bool)
        together[in_titles] = True
        together[in_bodies] = True
        scorer = Scorer(snap)
        both = scorer.word(a, fa, strict, score=False) & scorer.word(b, fb, strict, score=False)
        return int(together.sum()) >= JOIN_SHARE * int(both.sum())

    def _likely_spelling(self, snap: Snapshot, clauses: list[Clause]) -> None:
        """Give the clauses of an accent-free query the spelling restoration finds
        likeliest, to rank it first (matching stays accent-free)."""
        folded = [w for c in clauses for w in c.folded]
        if not folded or len(folded) > MAX_WORDS:
            return
        restored = spelling.restore(snap, folded, self.abbreviations, words=self.words)
        if restored is None:
            return
        at = 0
        for clause in clauses:
            spelled = [normalize.exact(w) for w in restored[at:at + len(clause.folded)]]
            at += len(clause.folded)
            if clause.prefix:
                continue  # ``tham*`` is every word starting so, no one of them first
            if [normalize.folded(w) for w in spelled] == clause.folded:
                clause.exact = spelled

    def _current(self) -> Snapshot:
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
                        self._snapshot = snap = open_snapshot(gen)
                        break
                    except (FileNotFoundError, EmptyIndexError):  # a commit replaced (or a hand removed) what
                        # we were opening: open the newer (the live generation deleted under a server: a 500 once)
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

    def _search(self, snap: Snapshot, request: SearchRequest, facets: bool, snippets: bool) -> SearchResult:
        parsed, scorer, base, in_year, final = self._select(snap, request)
        articles, matching = int(final.sum()), final
        story, (base, in_year, final) = self._one_per_story(snap, request, scorer, parsed, (base, in_year, final))
        grouped = story is not None

        counted = {
            "year": _slot_counts(snap.year_slot[base], lambda slot: str(snap.first_year + slot - 1)),
            "month": _slot_counts(
                snap.month_slot[in_year],
                lambda slot: f"{snap.first_year + (slot - 1) // 12:04d}-{(slot - 1) % 12 + 1:02d}",
            ),
            "official": self._official_facet(snap, matching if grouped else final, request, story),
        } if facets else {}
        ranked = self._rank(snap, scorer, final, request, parsed)
        hits = tuple(self._hits(snap, ranked, parsed if snippets else None))
        # on the first page only: later pages are the same query, already offered
        total = int(final.sum())
        # on the first page, and on any page of a search that found nothing (it is corrected)
        wanted = request.query.strip() and (request.page == 1 or not total)
        suggestion = self._suggestion(snap, request.query, total) if wanted else None
        if suggestion and not self._finds(snap, request, suggestion, articles):
            suggestion = None
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

    def _select(self, snap: Snapshot, request: SearchRequest):
        """The query read, its scorer, and the masks of its matches: before the year
        filter (the year chart counts them), within the year (the month chart), final."""
        parsed = self.parse(request.query, snap)
        scorer = Scorer(snap, parsed.strict, self.abbreviations.breaks if self.abbreviations else frozenset())
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

    def _finds(self, snap: Snapshot, request: SearchRequest, suggestion: str, found: int) -> bool:
        """Whether a suggestion is worth offering: it finds something, with the request's
        filters, and for a query typed with accents (its words respelled) more than the
        query's *found* articles. An accent-free query's suggestion is its likely reading,
        among the articles it found: it finds fewer, and is offered when it finds any. (A user
        trial: ``Vi Đức Thắng`` found nothing, and its suggestion ``Vì Đức Thắng`` nothing
        either.)"""
        final = self._select(snap, replace(request, query=suggestion))[-1]
        return int(final.sum()) > (found if normalize.has_accents(request.query) else 0)

    def stream(self, request: SearchRequest, limit: int, snippets: bool = True, stories: bool = True) -> Matches:
        """Every match of *request* in its order, up to *limit*, from one snapshot of
        the index: the page's rules (a query that finds nothing shows its suggestion's
        results unless verbatim), but all pages at once. The hits are read as the
        caller iterates (each reads its stored article), so a caller can stream them.
        ``stories=False``: without each hit's story and copies (which read the copies).
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
        articles = int(final.sum())
        story, (final,) = self._one_per_story(snap, request, scorer, parsed, (final,))  # as the pages count
        total = int(final.sum())
        ranked = self._rank(snap, scorer, final, replace(request, page=1, per_page=max(1, min(limit, total))), parsed)
        hits = self._hits(snap, ranked, parsed if snippets else None, stories)
        return Matches(query=query, total=total, corrected=corrected, hits=hits if limit > 0 else iter(()),
                       articles=articles, grouped=story is not None)

    @staticmethod
    def _one_per_story(snap: Snapshot, request: SearchRequest, scorer: Scorer, parsed: ParsedQuery, masks: tuple):
        """(story of each document, *masks* with one result per story: its best match under
        each filter, so facets count stories); (None, *masks*) when the request lists every
        copy or the archive has none."""
        story, multi = snap.stories() if request.group else (None, None)
        if multi is None or not multi.any():
            return None, masks
        key = order_key(snap, scorer, request.sort, parsed)
        # ranked by relevance, the story's first publication stands for it, in the place its
        # best match earns (a user trial: the paper that broke a story was listed as a
        # "bản đăng lại" of the one that republished it), or when it does not match, its earliest
        # copy that does; by date, the copy of that date: oldest first, the first publication
        # too (a review: the copy of its day indexed first stood for it, the first listed among
        # its "bản đăng khác"), newest first, its last copy
        by_date = (request.sort == "relevance" and not parsed.is_empty()) or request.sort == "oldest"
        heads = snap.publications()[0] == np.arange(snap.size) if by_date else None
        out = []
        for mask in masks:
            mask, shown, best = _one_per_story(mask, story, multi, key, snap.days if by_date else None, heads)
            out.append(mask)
            scorer.scores[shown] = scorer.scores[best]
            scorer.exact[shown] = scorer.exact[best]
        return story, tuple(out)

    def _hits(self, snap: Snapshot, ranked, parsed: ParsedQuery | None, stories: bool = True
              ) -> Iterator[SearchHit]:
        """The hits of *ranked* (document, score), each read as its turn comes, with its
        story (:meth:`_story`) unless *stories* is False: copies grouped or each listed
        (``group=0``), every hit says its story and the story's other publications."""
        # the copies read for the hits before, and the hits themselves: listed each on its own,
        # the copies of one story are one another's copies (a review: a story of 60 copies read
        # 3,000 stored articles for its 60 rows, ten times a row's time)
        # (only documents with copies are kept: an export of millions of rows keeps a few)
        read: dict[int, Copy] = {}
        multi = snap.stories()[1] if stories else None
        for docnum, score in ranked:
            hit = self._hit(snap, docnum, score, parsed)
            if stories and multi[docnum]:
                read[docnum] = Copy(hit.id, hit.title, hit.outlet, hit.date)
            yield replace(hit, **self._story(snap, docnum, hit.article, read)) if stories else hit

    @staticmethod
    def _story(snap: Snapshot, docnum: int, article: Article, read: dict[int, Copy] | None = None) -> dict:
        """A document's story, as :class:`SearchHit` fields: ``story`` (the id of its first
        publication, :meth:`Snapshot.publications`) and ``first_date``; and its other live
        publications: how many (``copy_count``), and the first :data:`COPIES_SHOWN` of them
        in order of publication (``copies``), the first publication marked. *read*: copies
        already read, by document, and where those read here are kept."""
        story, multi = snap.stories()
        if not multi[docnum]:
            return {"story": article.id, "first_date": article.date}
        first, place = snap.publications()
        members = np.flatnonzero((story == story[docnum]) & snap.live)
        members = members[members != docnum]
        members = members[np.argsort(place[members], kind="stable")]
        read = {} if read is None else read
        out = []
        for other in members[:COPIES_SHOWN].tolist():
            if other not in read:
                with snap.lock:
                    copy = schema.from_stored(snap.searcher.stored_fields(other))
                read[other] = Copy(copy.id, copy.title, outlet(copy), copy.date)
            out.append(replace(read[other], first=bool(other == first[docnum])))
        head = out[0] if out and out[0].first else article  # (the first publication is the first listed)
        return {"copies": tuple(out), "copy_count": len(members), "story": head.id, "first_date": head.date}

    @staticmethod
    def _rank(snap: Snapshot, scorer: Scorer, final, request: SearchRequest, parsed: ParsedQuery):
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

    def _hit(self, snap: Snapshot, docnum: int, score: float, parsed: ParsedQuery | None) -> SearchHit:
        with snap.lock:
            article = schema.from_stored(snap.searcher.stored_fields(docnum))
        # each official as the person of the archive they are (a namesake: "name (place)")
        officials = tuple(snap.person_of(o.key, docnum) or o.name for o in article.officials)
        if parsed is None:
            return SearchHit(article.id, article.title, article.date, officials,
                             score, Html(""), Html(html.escape(article.title)), article, outlet=outlet(article))
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
            outlet=outlet(article),
        )

    def resolve_official(self, name: str, snap: Snapshot | None = None) -> list[str]:
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
        if key in snap.official_keys:  # (accent-free keys fold y to i: "pham si quy" is "Phạm Sỹ Quý" too)
            found = snap.official_keys[key]
            if not normalize.has_accents(match[0]):
                return found
            # typed with accents, that spelling (as a query means it): "Nguyễn Thanh Phong" is
            # not Nguyễn Thành Phong (a user trial's finding), but "Sĩ" is "Sỹ" and "Hoà" "Hòa";
            # a name nobody has so, the people whose name holds each syllable typed with a mark
            # ("Nguyễn Phú Trong", a mark left off: Nguyễn Phú Trọng; a reviewer's finding)
            names = {p: {_spelled(n) for n in snap.people[snap.name_index[p]].names()} for p in found}
            spelled = _spelled(match[0])
            return [p for p in found if spelled in names[p]] or [
                p for p in found if any(_agrees(spelled, n) for n in names[p])]
        for asked in (value, canonical):  # a key whose articles are several people (split by article): each
            if asked in snap.split_keys:
                return list(snap.split_keys[asked])
        if value in snap.member_of:
            return [snap.member_of[value]]
        folded = snap.folded_keys.get(key)
        if folded and normalize.has_accents(match[0]) and not _agrees(_spelled(match[0]),
                                                                      _spelled(people.split_key(folded)[0])):
            return []
        return list(snap.split_keys.get(folded, [folded])) if folded else []

    def person_key(self, official: Official, docnum: int | None = None) -> str:
        """The person (facet value, :mod:`indexer.people`) an article's official is: the one
        function that maps an article's ``Official.key`` to the archive's person key. Give
        the document (*docnum*) the official was read from: namesakes split article by article
        share an article key (without it, the person most of that key's articles are)."""
        return self._current().person_of(official.key, docnum) or official.name

    def _official_facet(self, snap: Snapshot, final: np.ndarray, request: SearchRequest,
                        story: np.ndarray | None = None) -> tuple[FacetCount, ...]:
        """The people the matches name, most named first; with *story*, *final* holds every
        matching copy, and a story counts once for each person one of its copies names."""
        if not len(snap.off_ids):
            return ()
        counts = snap.official_counts(final, story)
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

    def find_officials(self, text: str = "", limit: int = 20, within: SearchRequest | None = None) -> list[FacetCount]:
        """Officials whose name, or one of its syllables, starts with *text* (accents
        optional), most named first: of the whole archive, or with *within*, of that
        search's results, counted as its officials facet counts them (the facet's name
        box: archive-wide counts, and people a click then found nothing for, misled)."""
        snap = self._current()
        key = normalize.name_key(text)
        if within is not None:
            # (search, not _search: a search that found nothing shows, and facets, its suggestion's results)
            facet = self.search(replace(within, page=1, per_page=1, facet_limit=len(snap.names) or 1),
                                snippets=False).facets.get("official", ())
            counted = {c.value: c.count for c in facet}
        else:
            totals = np.bincount(snap.off_ids, minlength=len(snap.names)) if len(snap.names) else []
            counted = {name: int(totals[i]) for i, name in enumerate(snap.names)}
        found = [
            FacetCount(name, counted[name], snap.people[snap.name_index[name]].detail)
            for k, names in snap.official_keys.items()
            if not key or k.startswith(key) or f" {key}" in f" {k}"
            for name in names
            if counted.get(name)
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

    def _suggestion(self, snap: Snapshot, query: str, found: int = 1) -> str | None:
        """The query with its words respelled, everything else as typed (quotes,
        ``-exclusions``, ``OR``): typed without any accent, every word gets its likely
        accents; typed with accents, words the archive never saw are mended (``tham
        nhũg`` -> ``tham nhũng``), and when nothing was *found*, words typed without
        marks get them too (``Lang Sơn`` -> ``Lạng Sơn``)."""
        text = normalize.clean(query)
        spans = [(w, a, b) for w, a, b in normalize.tokens(text) if w not in spelling.OPERATORS][:MAX_WORDS]
        if not spans:
            return None
        typed: list[tuple[str, bool]] | None = None
        if normalize.has_accents(text):
            known = [spelling.known(snap, w) for w, _, _ in spans]
            if all(known) and found:
                return None
            # words typed with marks and known stay; the others may be respelled
            typed = [(normalize.exact(w), k and normalize.has_accents(w)) for (w, _, _), k in zip(spans, known)]
        restored = spelling.restore(snap, [normalize.folded(w) for w, _, _ in spans], self.abbreviations, typed, self.words)
        if restored is None:
            return None
        out, at = [], 0
        for i, ((word, start, end), new) in enumerate(zip(spans, restored)):
            keep = (
                (typed is not None and typed[i][1])
                or (normalize.exact(new) == normalize.exact(word) and new == new.lower())  # the same word
                or (len(word) > 1 and word.isupper())  # an abbreviation typed as one
            )
            if not keep:
                new = normalize.as_written(new)
            if not keep and word[:1].isupper() and new[:1].islower():
                new = new[:1].upper() + new[1:]  # capitals as typed: "Na Sam" -> "Na Sầm", not "Na sầm"
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
        # the folded words the last one may become: the most used, and after a word typed
        # before it, those that follow that word side by side (a word once glued to the
        # next, "tíchreal", never does); each folded word stands for all its spellings
        completions = sorted((w for w in counts if w.startswith(last) and (counts[w] > 1 or w == last)),
                             key=lambda w: -counts[w])[:COMPLETE_FROM]  # (a word seen once: likely a typo)
        if head:  # side by side with the word before (as typed, when typed with accents); a listed word first
            before = normalize.exact(words[-2]) if normalize.has_accents(words[-2]) else None
            together = {w: sum(n for f in ("title", "body") for spelled, n in snap.spelling_counts(f, head[-1], w).items()
                               if before is None or spelled.split()[0] == before) for w in completions}
            listed = {w: bool(self.words and self.words.joins(head[-1], w, False)) for w in completions}
            completions = sorted((w for w in completions if together[w]), key=lambda w: (-listed[w], -together[w]))
        # each phrase spelled whole (its head with the completion: "tham nh" -> "tham nhũng",
        # not "thậm" alone then "những"), words typed with accents kept as typed
        typed = [(normalize.exact(w), normalize.has_accents(w)) for w in words[:-1]]
        shown = self.abbreviations.shown if self.abbreviations else {}
        phrases: list[str] = []
        for word in completions[:4]:
            spelled = spelling.restore(snap, [*head, word], self.abbreviations, [*typed, (word, False)],
                                       self.words) or [*head, word]
            if word in shown and len(word) >= 3:
                spelled[-1] = shown[word]
            text = " ".join(spelled)
            if text not in phrases:
                phrases.append(text)
        return {"query": prefix, "officials": [c.to_json() for c in officials], "phrases": phrases[:limit]}

    def article_page(self, article_id: str, query: str = ""
                     ) -> tuple[Article, ParsedQuery, list[SearchHit], dict] | None:
        """What an article's page shows, from one snapshot of the index (a reindex that
        lands meanwhile cannot mix two): the article, *query* read (to mark its words),
        the articles most like it, and the other publications of its story (``copies``
        and ``copy_count``, as a hit has them; ``{}`` when none). None when there is no
        such article."""
        snap = self._current()
        found = self._article_story(snap, article_id)
        if found is None:
            return None
        article, copies = found
        same_story = {c.id for c in copies.get("copies", ())}
        related = [h for h in self._related(snap, article_id, article, 5 + len(same_story)) if h.id not in same_story]
        return article, self.parse(query, snap), related[:5], copies

    def article_story(self, article_id: str) -> tuple[Article, dict] | None:
        """The article with this id and its story: ``story``, ``first_date``, and when it has
        other publications, ``copies`` and ``copy_count`` (as a hit has them). None when there
        is no such article."""
        return self._article_story(self._current(), article_id)

    def _article_story(self, snap: Snapshot, article_id: str) -> tuple[Article, dict] | None:
        with snap.lock:
            docnum = snap.searcher.document_number(id=article_id)
            if docnum is None:
                return None
            article = schema.from_stored(snap.searcher.stored_fields(docnum))
        return article, self._story(snap, docnum, article)

    def related(self, article_id: str, limit: int = 5) -> list[SearchHit]:
        """Articles most like this one (by its title's and lead's word pairs), never itself."""
        snap = self._current()
        article = self._article(snap, article_id)
        return self._related(snap, article_id, article, limit) if article is not None else []

    def _related(self, snap: Snapshot, article_id: str, article: Article, limit: int = 5) -> list[SearchHit]:
        words = [normalize.exact(w) for w, _, _ in normalize.tokens(article.title + " \n " + (article.lead or ""))]
        scorer = Scorer(snap)
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
    def _article(snap: Snapshot, article_id: str) -> Article | None:
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


# A word typed with * finds the words starting so that this many articles hold most.
MAX_PREFIX_WORDS = 30


def _read_prefixes(snap: Snapshot, parsed: ParsedQuery) -> None:
    """Give each clause typed with ``*`` (``tham*``) the archive's words that start so,
    each spelling a form, the most used first (at most :data:`MAX_PREFIX_WORDS`): with
    accents typed anywhere in the query, those spelled so (``thăm*``: thăm, thămbournemouth
    as a paper glued it...); else every spelling (``tham*``: thậm, thăm, thẩm, tham gia's
    tham...), each matching any accents. A prefix no word starts with is that word alone."""
    for clause in [c for alt in parsed.alternatives for c in alt] + parsed.excluded:
        if not clause.prefix:
            continue
        folded_counts, spellings = snap.words()
        (typed,), (start,) = clause.exact, clause.folded
        found: dict[tuple[str, str], int] = {}  # (exact, folded) -> articles
        for word in {w for w in [*folded_counts, *spellings] if w.startswith(start)}:
            options = [(word, folded_counts[word])] if word in folded_counts else []
            options += [(normalize.exact(spelled), n) for spelled, n in spellings.get(word, ())]
            for spelled, n in options:  # each spelling (typed with accents, those that start as typed)
                if not parsed.strict or spelled.startswith(typed):
                    found[(spelled, word)] = found.get((spelled, word), 0) + n
        forms = sorted(found, key=lambda k: (-found[k], k))[:MAX_PREFIX_WORDS]
        if forms:
            (clause.exact, clause.folded), *others = [([e], [f]) for e, f in forms]
            clause.synonyms = others


# A group of words read as one keeps every combination of its parts' forms, this many at most.
MAX_FORMS = 8


def _spelled(name: str) -> str:
    """A name as its spelling counts: case, tone placement and i/y aside (``Võ Sĩ Tuấn`` is
    ``võ sĩ tuấn`` as ``Võ Sỹ Tuấn`` is), its accents kept."""
    return " ".join(normalize.exact(w) for w in normalize.clean(name).split())


def _agrees(typed: str, name: str) -> bool:
    """Whether *name* (as :func:`_spelled`) holds each syllable of *typed* that carries a mark
    as typed, the others in any spelling: ``nguyễn phú trong`` agrees with ``nguyễn phú trọng``."""
    typed_words, name_words = typed.split(), name.split()
    return len(typed_words) == len(name_words) and all(
        t == n if normalize.has_accents(t) else normalize.folded(t) == normalize.folded(n)
        for t, n in zip(typed_words, name_words))


def _joined(group: list[Clause]) -> Clause:
    """Clauses read as one word: their words side by side, in each combination of their
    forms (an abbreviation's and its long form's), the typed form first."""
    combos = list(itertools.islice(itertools.product(*(c.forms() for c in group)), MAX_FORMS))
    forms = [([w for exact, _ in combo for w in exact], [w for _, folded in combo for w in folded]) for combo in combos]
    (exact, folded), *others = forms
    return Clause(exact, folded, synonyms=others, typed=typed_words(group))


def _may_join(clause: Clause) -> bool:
    """Whether *clause* may be read as one word with its neighbours: one typed word, or an
    abbreviation with its forms; not quoted, not a prefix (``tham*``)."""
    return not clause.quoted and not clause.prefix and (len(clause.folded) == 1 or bool(clause.synonyms))


def _capitalised(clause: Clause) -> bool:
    """Whether *clause* is one word, no abbreviation, typed with a capital (a name's part)."""
    return (clause.typed is not None and len(clause.folded) == 1 and not clause.synonyms
            and clause.typed[0][:1].isupper())


def _names_known(snap: Snapshot, run: list[Clause]) -> set[int]:
    """Positions i of *run* where words i and i+1 are inside the name of a person of the
    archive, however typed (``nguyen xuan phuc``), as :meth:`Searcher._names_typed` gives them."""
    names, folded = snap.whole_names(), [c.folded[0] if len(c.folded) == 1 else None for c in run]
    inside: set[int] = set()
    for size in (4, 3, 2):
        for k in range(len(run) - size + 1):
            words = folded[k:k + size]
            key = " ".join(w or "" for w in words)
            if None not in words and key in names and key not in _PROVINCES:
                inside.update(range(k, k + size - 1))
    return inside


def _names_a_person(snap: Snapshot, clause: Clause) -> bool:
    """Whether *clause*'s words are the name of a person of the archive (not a province)."""
    key = " ".join(clause.folded)
    return len(clause.folded) > 1 and key in snap.whole_names() and key not in _PROVINCES


def _typed_as_a_name(clause: Clause) -> bool:
    """Whether *clause*, typed with a capital, is a person's name more likely than a place:
    not a province (``Yên Bái``)."""
    typed = clause.typed or []
    return bool(typed) and typed[0][:1].isupper() and not clause.synonyms and not (
        len(typed) == 2 and _holds_province(typed))


def _holds_province(words: list[str]) -> bool:
    """Whether two neighbouring *words* name a province (``Hà Nội``), whatever their accents."""
    return any(normalize.name_key(" ".join(words[k:k + 2])) in _PROVINCES for k in range(len(words) - 1))


_PROVINCES = frozenset(normalize.name_key(p) for p in PROVINCES)
_SURNAMES = frozenset(normalize.folded(s) for s in SURNAMES)


def outlet(article: Article) -> str | None:
    """Where an article was published: its web address's host (``www.`` and the mobile
    site's ``m.`` aside: one paper), else its dateline's code."""
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.").removeprefix("m.")
    return article.source


def _one_per_story(mask: np.ndarray, story: np.ndarray, multi: np.ndarray, key: np.ndarray,
                   days: np.ndarray | None = None, heads: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """*mask* with one document per story: the one with the highest *key* (ties: the lowest
    number), or given *days*, the earliest dated (undated last; the same day: the story's
    first publication, where *heads* marks it, then the highest key); and, story by story,
    the document kept and the one with the highest key."""
    docs = np.flatnonzero(mask & multi)
    if not len(docs):
        return mask, docs, docs
    docs = docs[np.lexsort((docs, -key[docs]))]
    _, first = np.unique(story[docs], return_index=True)
    best = shown = docs[first]
    if days is not None:
        when = np.where(days[docs] == 0, 99999999, days[docs])
        later = ~heads[docs] if heads is not None else np.zeros(len(docs), bool)
        by_date = docs[np.lexsort((np.arange(len(docs)), later, when, story[docs]))]
        _, earliest = np.unique(story[by_date], return_index=True)
        shown = by_date[earliest]
    out = mask.copy()
    out[docs] = False
    out[shown] = True
    return out, shown, best


def _slot_counts(slots: np.ndarray, label) -> list[FacetCount]:
    """Counts of each slot but 0 ("undated"), in slot order."""
    counts = np.bincount(slots)
    return [FacetCount(label(int(slot)), int(counts[slot])) for slot in np.flatnonzero(counts) if slot]


def _day(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _date_str(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"
