"""Answer searches: one API for the command line and the web.

:class:`SearchRequest` holds what a user asked (and checks it);
:class:`Searcher` answers it from the live index and returns a
:class:`~indexer.models.SearchResult`.

How a query is read (:func:`parse_query`): words, ``"quoted phrases"``,
``-excluded`` words, ``OR`` between alternatives. Anything else (stray quotes,
brackets, operators) is read as plain words or ignored, never an error.

How it matches: every word must appear, folded (``dan`` finds ``dân``). A word
typed with accents also scores its exact form, so exact matches rank first.
Title matches weigh more than body matches, and the words of a query side by side
(a phrase) weigh more than the same words scattered.

Facets are counted over all matches from per-generation arrays (the ``day``
column, and each document's officials read once from the postings), never from
stored fields, and the searcher is reused until the index changes.
"""

from __future__ import annotations

import datetime as dt
import heapq
import html
import re
import threading
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import And, AndMaybe, AndNot, Every, Or, Phrase, Query, Term

from indexer import normalize, schema
from indexer.errors import QueryError
from indexer.indexing import check_schema, require_generation
from indexer.models import Article, FacetCount, OfficialSummary, SearchHit, SearchResult

SORTS = ("relevance", "newest", "oldest")
MAX_QUERY_CHARS = 2000
MAX_WORDS = 24
MAX_PER_PAGE = 100
MAX_PAGE = 1000
FACET_LIMIT = 30
TITLE_BOOST = 2.0
PHRASE_BOOST = 8.0  # measured: words side by side must beat scattered title words
SNIPPET_CHARS = 240

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


# -- the request ---------------------------------------------------------------

@dataclass(frozen=True)
class SearchRequest:
    """A search as a user asked it. Build it with :meth:`from_params` to check input."""

    query: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    year: int | None = None
    month: tuple[int, int] | None = None  # (year, month)
    officials: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    facet_limit: int = FACET_LIMIT

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> SearchRequest:
        """Check string parameters (from the CLI or a URL) and build a request.

        Accepted keys: ``q``, ``from``, ``to``, ``year``, ``month``, ``official``
        (a string or a list), ``sort``, ``page``, ``per_page``. Raises
        :class:`QueryError` with a message that names the bad value.
        """
        query = str(params.get("q") or "")
        if len(query) > MAX_QUERY_CHARS:
            raise QueryError(
                f"The query is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}. "
                "Shorten it."
            )
        officials = params.get("official") or ()
        if isinstance(officials, str):
            officials = (officials,)
        officials = tuple(o for o in (normalize.clean(str(v)).strip() for v in officials) if o)
        if len(officials) > 10:
            raise QueryError(f"{len(officials)} officials given; filter by at most 10.")
        sort = str(params.get("sort") or "relevance")
        if sort not in SORTS:
            raise QueryError(f'Unknown sort "{sort}"; expected one of: {", ".join(SORTS)}')
        year = _int_param(params, "year", 1, 9999)
        month = None
        if params.get("month"):
            match = _MONTH.match(str(params["month"]).strip())
            if not match or not 1 <= int(match[2]) <= 12:
                raise QueryError(f'Bad month "{params["month"]}"; expected YYYY-MM, like 2021-01')
            month = (int(match[1]), int(match[2]))
        date_from = _date_param(params, "from")
        date_to = _date_param(params, "to")
        if date_from and date_to and date_from > date_to:
            raise QueryError(f"The date range is empty: from {date_from} is after to {date_to}.")
        return cls(
            query=query,
            date_from=date_from,
            date_to=date_to,
            year=year,
            month=month,
            officials=officials,
            sort=sort,
            page=_int_param(params, "page", 1, MAX_PAGE) or 1,
            per_page=_int_param(params, "per_page", 1, MAX_PER_PAGE) or 10,
        )


def _int_param(params: Mapping[str, object], key: str, low: int, high: int) -> int | None:
    raw = params.get(key)
    if raw is None or raw == "":
        return None
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise QueryError(f'Bad {key} "{raw}"; expected a whole number from {low} to {high}') from None
    if not low <= value <= high:
        raise QueryError(f"Bad {key} {value}; expected a whole number from {low} to {high}")
    return value


def _date_param(params: Mapping[str, object], key: str) -> dt.date | None:
    raw = params.get(key)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise QueryError(f'Bad {key} date "{raw}"; expected YYYY-MM-DD, like 2021-01-19') from None


# -- the query -----------------------------------------------------------------

@dataclass
class Clause:
    """One word or phrase of a query, as exact and folded word lists."""

    exact: list[str]
    folded: list[str]
    quoted: bool = False

    @property
    def accented(self) -> bool:
        return self.exact != self.folded


@dataclass
class ParsedQuery:
    """Alternatives (split by ``OR``), each a list of clauses that must all match."""

    alternatives: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)

    @property
    def positive(self) -> list[Clause]:
        return [c for alt in self.alternatives for c in alt]

    def is_empty(self) -> bool:
        return not self.positive


_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(text: str) -> ParsedQuery:
    """Read a query string into clauses; never raises.

    ``OR`` splits the query into whole alternatives: ``Mẫu Sơn OR Kỳ Lừa`` is
    (Mẫu Sơn) or (Kỳ Lừa), as Vietnamese words are several syllables long.
    """
    parsed = ParsedQuery(alternatives=[[]])
    negate_next = False
    words = 0
    for match in _QUERY_TOKEN.finditer(normalize.clean(text)):
        minus, phrase, bare = match.groups()
        if bare in ("OR", "|", "||"):
            if parsed.alternatives[-1]:
                parsed.alternatives.append([])
            continue
        if bare in ("AND", "&&", "+"):
            continue
        if bare == "NOT":
            negate_next = True
            continue
        negated = bool(minus) or negate_next
        negate_next = False
        if bare is not None:
            if bare.startswith("-") and len(bare) > 1:
                negated, bare = True, bare.lstrip("-")
            raw = bare
        else:
            raw = phrase
        found = [w for w, _, _ in normalize.tokens(raw)]
        if not found or words >= MAX_WORDS:
            continue
        found = found[: MAX_WORDS - words]
        words += len(found)
        clause = Clause(
            [normalize.exact(w) for w in found],
            [normalize.folded(w) for w in found],
            quoted=phrase is not None,
        )
        (parsed.excluded if negated else parsed.alternatives[-1]).append(clause)
    parsed.alternatives = [alt for alt in parsed.alternatives if alt]
    return parsed


def _word_query(exact: str, folded: str) -> Query:
    parts: list[Query] = [Term("title_f", folded, boost=TITLE_BOOST), Term("body_f", folded)]
    if exact != folded:
        parts += [Term("title", exact, boost=TITLE_BOOST), Term("body", exact)]
    return Or(parts)


def _phrase_query(exact: list[str], folded: list[str], boost: float = 1.0) -> Query:
    parts: list[Query] = [
        Phrase("title_f", folded, boost=TITLE_BOOST * boost),
        Phrase("body_f", folded, boost=boost),
    ]
    if exact != folded:
        parts += [Phrase("title", exact, boost=TITLE_BOOST * boost), Phrase("body", exact, boost=boost)]
    return Or(parts)


def _clause_query(clause: Clause) -> Query:
    if len(clause.folded) == 1:
        return _word_query(clause.exact[0], clause.folded[0])
    return _phrase_query(clause.exact, clause.folded)


def _alternative_query(clauses: list[Clause]) -> Query:
    required = And([_clause_query(c) for c in clauses]) if len(clauses) > 1 else _clause_query(clauses[0])
    plain = [c for c in clauses if not c.quoted]
    folded = [w for c in plain for w in c.folded]
    if len(folded) > 1:  # words side by side rank above scattered ones
        exact = [w for c in plain for w in c.exact]
        required = AndMaybe(required, _phrase_query(exact, folded, PHRASE_BOOST))
    return required


def _excluded_query(clause: Clause) -> Query:
    """An excluded word typed with accents excludes only that spelling."""
    if not clause.accented:
        return _clause_query(clause)
    if len(clause.exact) == 1:
        return Or([Term("title", clause.exact[0]), Term("body", clause.exact[0])])
    return Or([Phrase("title", clause.exact), Phrase("body", clause.exact)])


def build_query(parsed: ParsedQuery) -> Query | None:
    """The Whoosh query of a parsed query, or None when it has nothing to match."""
    if parsed.is_empty():
        if not parsed.excluded:
            return None
        required: Query = Every()
    else:
        alts = [_alternative_query(alt) for alt in parsed.alternatives]
        required = alts[0] if len(alts) == 1 else Or(alts)
    if parsed.excluded:
        required = AndNot(required, Or([_excluded_query(c) for c in parsed.excluded]))
    return required


# -- snippets ------------------------------------------------------------------

def highlight(text: str, parsed: ParsedQuery, max_chars: int | None = SNIPPET_CHARS) -> str:
    """HTML of *text* (or its best passage) with the query's words in ``<mark>``.

    Words match folded, so an accent-free query marks the accented text; a passage
    with more distinct query words, and with words as typed (accents and all), wins.
    Where the words of a query stand side by side in the text, only those places are
    marked: ``dan van`` marks "dân vận", not every "văn" of the article.
    """
    toks = list(normalize.tokens(text))
    folded_toks = [normalize.folded(w) for w, _, _ in toks]
    exact_terms = {w for c in parsed.positive if c.accented for w in c.exact}
    marked: set[int] = set()
    for alt in parsed.alternatives:
        plain = [w for c in alt if not c.quoted for w in c.folded]
        phrase_found = len(plain) > 1 and _mark_sequence(folded_toks, plain, marked)
        for clause in alt:
            if len(clause.folded) > 1:
                _mark_sequence(folded_toks, clause.folded, marked)
            elif not phrase_found:
                marked.update(i for i, f in enumerate(folded_toks) if f == clause.folded[0])
    marks = [
        (toks[i][1], toks[i][2], folded_toks[i], normalize.exact(toks[i][0]) in exact_terms)
        for i in sorted(marked)
    ]
    start, end = 0, len(text)
    if max_chars is not None and len(text) > max_chars:
        start, end = _best_window(text, marks, max_chars)
    out: list[str] = []
    pos = start
    open_end = -1
    for m_start, m_end, _, _ in marks:
        if m_start < start or m_end > end:
            continue
        gap = text[pos:m_start]
        if open_end >= 0 and gap.strip() == "":
            out.append(html.escape(gap))  # join neighbours into one <mark>
        else:
            if open_end >= 0:
                out.append("</mark>")
            out.append(html.escape(gap))
            out.append("<mark>")
        out.append(html.escape(text[m_start:m_end]))
        pos = open_end = m_end
    if open_end >= 0:
        out.append("</mark>")
    out.append(html.escape(text[pos:end]))
    snippet = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + snippet.strip() + ("…" if end < len(text) else "")


def _mark_sequence(tokens: list[str], sequence: list[str], marked: set[int]) -> bool:
    """Add the indexes of every occurrence of *sequence* in *tokens*; whether any."""
    n = len(sequence)
    found = False
    for i in range(len(tokens) - n + 1):
        if tokens[i] == sequence[0] and tokens[i:i + n] == sequence:
            marked.update(range(i, i + n))
            found = True
    return found


def _best_window(text: str, marks, max_chars: int) -> tuple[int, int]:
    if not marks:
        end = text.rfind(" ", 0, max_chars)
        return 0, end if end > max_chars // 2 else max_chars
    best = (-1.0, 0)
    for i, (m_start, _, _, _) in enumerate(marks):
        window = [m for m in marks[i:] if m[1] <= m_start + max_chars]
        score = len({m[2] for m in window}) * 10 + sum(1 for m in window if m[3]) + len(window) * 0.1
        if score > best[0]:
            best = (score, m_start)
    first = best[1]
    # Start at the sentence the first match is in, if it is near; else a little before.
    sentence = max(text.rfind(". ", 0, first), text.rfind("\n", 0, first))
    start = sentence + 1 if sentence >= 0 and first - sentence < max_chars // 3 else max(0, first - 40)
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    while start < len(text) and text[start].isspace():
        start += 1
    end = min(len(text), start + max_chars)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


# -- the searcher ----------------------------------------------------------------

@dataclass
class _Snapshot:
    """One generation of the index, opened, with the arrays facets count on."""

    gen: Path
    whoosh_gen: int
    ix: object
    days: list[int]
    officials: dict[int, tuple[str, ...]]  # docnum -> canonical names
    official_docs: dict[str, frozenset[int]]  # canonical name -> docnums
    official_keys: dict[str, list[str]]  # accent-free key -> canonical names
    live: frozenset[int]
    _titles: dict[str, list[FacetCount]] | None = None

    def titles(self) -> dict[str, list[FacetCount]]:
        """Each official's titles, most used first (read from the index on first use)."""
        if self._titles is None:
            counts: dict[str, dict[str, Counter]] = {}
            with self.ix.searcher() as searcher:
                reader = searcher.reader()
                for term in reader.field_terms("official_title"):
                    person, _, title = term.partition("|")
                    docs = sum(1 for d in reader.postings("official_title", term).all_ids() if d in self.live)
                    if not docs:
                        continue
                    title = schema.official_name(title)
                    key = " ".join(normalize.words(title))
                    spellings = counts.setdefault(schema.official_name(person), {}).setdefault(key, Counter())
                    spellings[title] += docs
            # one entry per title however written ("Tỉnh uỷ"/"Tỉnh ủy"), shown as written most
            self._titles = {
                name: sorted(
                    (FacetCount(sp.most_common(1)[0][0], sum(sp.values())) for sp in by_key.values()),
                    key=lambda c: (-c.count, c.value),
                )
                for name, by_key in counts.items()
            }
        return self._titles


class Searcher:
    """Searches the index at *root*; reopens it when it changes. Thread-safe."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._local = threading.local()

    # opening and refreshing

    def _current(self) -> _Snapshot:
        gen = require_generation(self.root)
        snap = self._snapshot
        if snap is not None and snap.gen == gen and snap.ix.latest_generation() == snap.whoosh_gen:
            return snap
        with self._lock:
            snap = self._snapshot
            if snap is None or snap.gen != gen or snap.ix.latest_generation() != snap.whoosh_gen:
                snap = self._snapshot = _open_snapshot(gen)
        return snap

    def _searcher(self, snap: _Snapshot):
        cached = getattr(self._local, "searcher", None)
        if cached is not None and cached[0] is snap:
            return cached[1]
        if cached is not None:
            cached[1].close()
        searcher = snap.ix.searcher()
        self._local.searcher = (snap, searcher)
        return searcher

    # answers

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        snap = self._current()
        searcher = self._searcher(snap)
        parsed = parse_query(request.query)
        query = build_query(parsed)
        matches = set(searcher.docs_for_query(query)) if query is not None else set(snap.live)

        base = matches
        for name in request.officials:
            base = base & self._official_docs(snap, name)
        if request.date_from or request.date_to:
            low = _day(request.date_from) if request.date_from else 0
            high = _day(request.date_to) if request.date_to else 99999999
            days = snap.days
            base = {d for d in base if low <= days[d] <= high}
        in_year = base
        if request.year:
            days = snap.days
            in_year = {d for d in base if days[d] // 10000 == request.year}
        final = in_year
        if request.month:
            key = request.month[0] * 100 + request.month[1]
            days = snap.days
            final = {d for d in in_year if days[d] // 100 == key}

        facets = {
            "year": _counts(Counter(snap.days[d] // 10000 for d in base), lambda v: str(v), by_value=True),
            "month": _counts(
                Counter(snap.days[d] // 100 for d in in_year),
                lambda v: f"{v // 100:04d}-{v % 100:02d}",
                by_value=True,
            ),
            "official": self._official_facet(snap, final, request),
        }

        first = (request.page - 1) * request.per_page
        wanted = first + request.per_page
        sort = request.sort if query is not None else ("oldest" if request.sort == "oldest" else "newest")
        if sort == "relevance":
            results = searcher.search(query, filter=final, limit=wanted) if final else []
            ranked = [(hit.docnum, hit.score) for hit in results][first:]
        else:
            days = snap.days
            if sort == "newest":
                order = heapq.nlargest(wanted, final, key=lambda d: (days[d], -d))
            else:  # undated articles last
                order = heapq.nsmallest(wanted, final, key=lambda d: (days[d] or 99999999, d))
            ranked = [(d, 0.0) for d in order[first:]]
        hits = tuple(self._hit(searcher, snap, docnum, score, parsed) for docnum, score in ranked)
        return SearchResult(
            query=request.query,
            total=len(final),
            page=request.page,
            per_page=request.per_page,
            took_ms=(time.perf_counter() - started) * 1000,
            hits=hits,
            facets=facets,
        )

    def _hit(self, searcher, snap: _Snapshot, docnum: int, score: float, parsed: ParsedQuery) -> SearchHit:
        article = schema.from_stored(searcher.stored_fields(docnum))
        body_snippet = highlight(article.body, parsed) if not parsed.is_empty() else None
        if body_snippet is None or "<mark>" not in body_snippet:
            caption = next((c for c in article.captions if _has_mark(c, parsed)), None)
            body_snippet = highlight(caption, parsed) if caption else highlight(article.lead or article.body, ParsedQuery())
        return SearchHit(
            id=article.id,
            title=article.title,
            date=article.date,
            officials=tuple(o.name for o in article.officials),
            score=float(score),
            snippet=body_snippet,
            title_html=highlight(article.title, parsed, max_chars=None),
        )

    def _official_docs(self, snap: _Snapshot, name: str) -> frozenset[int]:
        names = self.resolve_official(name, snap)
        docs: set[int] = set()
        for canonical in names:
            docs |= snap.official_docs.get(canonical, frozenset())
        return frozenset(docs)

    def resolve_official(self, name: str, snap: _Snapshot | None = None) -> list[str]:
        """The canonical names a user's spelling of an official stands for."""
        snap = snap or self._current()
        canonical = normalize.canonical_name(name)
        if canonical in snap.official_docs:
            return [canonical]
        return snap.official_keys.get(normalize.name_key(name), [])

    def _official_facet(self, snap: _Snapshot, docs: set[int], request: SearchRequest) -> tuple[FacetCount, ...]:
        counts: Counter[str] = Counter()
        names = snap.officials
        for d in docs:
            people = names.get(d)
            if people:
                counts.update(people)
        top = _counts(counts, str)[: request.facet_limit]
        selected = {n for o in request.officials for n in self.resolve_official(o, snap)}
        shown = {c.value for c in top}
        extra = tuple(FacetCount(n, counts[n]) for n in sorted(selected - shown))
        return tuple(top) + extra

    def find_officials(self, text: str = "", limit: int = 20) -> list[FacetCount]:
        """Officials of the whole archive whose name starts with *text* (accents optional),
        or has a syllable that does, most named first."""
        snap = self._current()
        key = normalize.name_key(text)
        found = [
            FacetCount(name, len(snap.official_docs[name]))
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
        return [
            OfficialSummary(c.value, c.count, tuple(titles.get(c.value, ())[:5]))
            for c in self.find_officials(text, limit)
        ]

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
        searcher = self._searcher(snap)
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return None
        return schema.from_stored(searcher.stored_fields(docnum))

    def stats(self, top: int = 10) -> dict:
        snap = self._current()
        dated = [snap.days[d] for d in snap.live if snap.days[d]]
        size = sum(f.stat().st_size for f in snap.gen.iterdir() if f.is_file())
        counts = Counter({name: len(docs) for name, docs in snap.official_docs.items()})
        return {
            "articles": len(snap.live),
            "undated": len(snap.live) - len(dated),
            "first_date": _date_str(min(dated)) if dated else None,
            "last_date": _date_str(max(dated)) if dated else None,
            "index_bytes": size,
            "index_dir": str(snap.gen),
            "officials": [c.to_json() for c in _counts(counts, str)[:top]],
        }


def _has_mark(text: str, parsed: ParsedQuery) -> bool:
    folded_terms = {w for c in parsed.positive for w in c.folded}
    return any(normalize.folded(w) in folded_terms for w, _, _ in normalize.tokens(text))


def _day(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _date_str(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def _counts(counter: Counter, label, by_value: bool = False) -> list[FacetCount]:
    items = [(k, n) for k, n in counter.items() if k]  # 0: undated
    items.sort(key=(lambda kv: kv[0]) if by_value else (lambda kv: (-kv[1], kv[0])))
    return [FacetCount(label(k), n) for k, n in items]


def _open_snapshot(gen: Path) -> _Snapshot:
    check_schema(gen)
    ix = whoosh_index.open_dir(str(gen))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        whoosh_gen = ix.latest_generation()
        total = reader.doc_count_all()
        days = list(reader.column_reader("day")) if total else []
        live = frozenset(reader.all_doc_ids())
        official_docs: dict[str, frozenset[int]] = {}
        officials: dict[int, list[str]] = {}
        if "official" in reader.indexed_field_names():
            for term in reader.field_terms("official"):
                name = schema.official_name(term)
                docs = frozenset(d for d in reader.postings("official", term).all_ids() if d in live)
                if not docs:
                    continue
                official_docs[name] = docs
                for d in docs:
                    officials.setdefault(d, []).append(name)
    keys: dict[str, list[str]] = {}
    for name in official_docs:
        keys.setdefault(normalize.name_key(name), []).append(name)
    return _Snapshot(
        gen=gen,
        whoosh_gen=whoosh_gen,
        ix=ix,
        days=days,
        officials={d: tuple(v) for d, v in officials.items()},
        official_docs=official_docs,
        official_keys=keys,
        live=live,
    )
