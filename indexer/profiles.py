"""Officials as people, as the archive tells it: an official's page (profile), and who held a post when.

Everything here is read from the articles that name someone, through the search
API (:meth:`indexer.searching.Searcher.stream`), so it answers exactly as search
does, from one snapshot of the index.

**People, not names.** A person is keyed as the archive's officials facet keys them
(issue #11, :mod:`indexer.people`): the name, or ``name (place)`` for each of several
namesakes told apart by the places their titles give, so two people who share a name
are two pages. :func:`people_of` (the person each official of a hit is), :func:`request_for`
(the search for a person's articles), :func:`resolve` (what a typed name stands for)
and :func:`display_name` are the only functions here that know it; the page, the JSON,
the CLI and the post timelines go through :func:`profile` and :func:`holders`. Search
hits give their officials as the same keys, so every name links to its own person.

* :func:`profile`: every title the archive gives a person, with the first and
  last date it was used (their career as the archive tells it), articles per
  month, the officials named with them most often.
* :func:`holders`: for a post typed as a search (``Chủ tịch UBND tỉnh Lạng Sơn``,
  accents optional, abbreviations either way), the people the archive names in
  it, by date. A mention counts when the title given to the person *is* the post
  (``Phó Chủ tịch …``, ``nguyên Chủ tịch …``, ``Quyền Chủ tịch …`` are other
  posts); the README says how reliable that is on real news.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from indexer import normalize
from indexer.abbreviations import Abbreviations
from indexer.models import FacetCount, Official
from indexer.officials import is_post
from indexer.query import SearchRequest

PROFILE_READS = 5_000  # articles read for one person's page (the most named has 662 in the real archive)
HOLDER_READS = 3_000  # articles read to find who held a post
NAMED_WITH = 15  # officials shown as named with a person


# -- the person key: the one place that knows what identifies a person ----------

def people_of(hit) -> list[tuple[Official, str]]:
    """Each official of a search hit with the person they are, as the archive keys them
    (issue #11): the name, or ``name (place)`` for one of several namesakes. The hit
    gives them in its article's order, read from the snapshot the hit was read from."""
    return list(zip(hit.article.officials, hit.officials))


def request_for(key: str, **fields) -> SearchRequest:
    """The search for the articles naming the person *key* (other fields as given)."""
    return SearchRequest(officials=(key,), **fields)


def resolve(searcher, text: str) -> list[str]:
    """The people a user's spelling stands for (accents and capitals optional; a name
    stands for each of its namesakes): none, one, or several keys."""
    return list(searcher.resolve_official(text))


def display_name(key: str) -> str:
    """How a key is shown: as it is (a namesake's key says their place)."""
    return key


# -- an official's page ---------------------------------------------------------

@dataclass(frozen=True)
class TitleSpan:
    """A title the archive gives a person: in how many articles, first and last used."""

    title: str
    articles: int
    first: dt.date | None
    last: dt.date | None

    def to_json(self) -> dict:
        return {"title": self.title, "articles": self.articles,
                "first": _iso(self.first), "last": _iso(self.last)}


@dataclass(frozen=True)
class OfficialProfile:
    key: str
    name: str
    articles: int  # every article naming them
    read: int  # the articles the figures below come from (all, or the newest PROFILE_READS)
    first: dt.date | None
    last: dt.date | None
    titles: tuple[TitleSpan, ...]  # by first use
    months: tuple[FacetCount, ...]  # "YYYY-MM" -> articles, every month from first to last
    named_with: tuple[FacetCount, ...]  # other officials (keys), most shared articles first

    def to_json(self) -> dict:
        return {
            "key": self.key, "name": self.name, "articles": self.articles, "read": self.read,
            "first": _iso(self.first), "last": _iso(self.last),
            "titles": [t.to_json() for t in self.titles],
            "months": [c.to_json() for c in self.months],
            "named_with": [c.to_json() for c in self.named_with],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class _Spans:
    """Titles with their dates, one entry per title however written (see :func:`post_key`:
    ``Tỉnh uỷ``/``Tỉnh ủy``, capitals, ``UBND``/``Ủy ban nhân dân``), shown as written most."""

    def __init__(self, table: Abbreviations | None) -> None:
        self.table = table
        self.spellings: dict[str, Counter] = {}
        self.count: Counter = Counter()
        self.first: dict[str, dt.date] = {}
        self.last: dict[str, dt.date] = {}

    def add(self, title: str, day: dt.date | None) -> None:
        key = post_key(title, self.table)
        self.spellings.setdefault(key, Counter())[title] += 1
        self.count[key] += 1
        if day:
            self.first[key] = min(self.first.get(key, day), day)
            self.last[key] = max(self.last.get(key, day), day)

    def spans(self) -> list[TitleSpan]:
        self._fold_shortened()
        out = [TitleSpan(self.spellings[k].most_common(1)[0][0], n, self.first.get(k), self.last.get(k))
               for k, n in self.count.items()]
        return sorted(out, key=lambda s: (s.first or dt.date.max, -s.articles, s.title))

    def _fold_shortened(self) -> None:
        """A title written short (``Chủ tịch UBND TP``: the full title cut after its body;
        ``Chủ tịch UBND Hà Nội``: a level's word left out) is one row with the person's most
        used full title it shortens: one post, one row of the career. Other words left out
        make another post (``Chủ tịch UBND tỉnh Nghệ An`` is not ``Chủ tịch UBND huyện Hưng
        Nguyên, tỉnh Nghệ An``; ``Phó Chủ tịch`` not ``Phó Chủ tịch Thường trực``)."""
        for short in sorted(self.count, key=lambda k: len(k.split())):
            words = short.split()
            longer = [k for k in self.count if len(k.split()) > len(words) and _shortens(words, k.split())]
            if not longer:
                continue
            into = max(longer, key=lambda k: (self.count[k], k))
            del self.spellings[short]  # shown as the full title is written most
            self.count[into] += self.count.pop(short)
            for ends, pick in ((self.first, min), (self.last, max)):
                days = [d for d in (ends.pop(short, None), ends.get(into)) if d]
                if days:
                    ends[into] = pick(days)


_LEVEL_WORDS = {"tp", "tinh", "huyen", "quan", "xa", "phuong", "tx", "tt"}  # (post_key writes "thành phố" TP)


def _shortens(words: list[str], full: list[str]) -> bool:
    """Whether the title key *words* is *full* cut short: its start, with only words of a
    level (``TP``, ``tỉnh``, ``huyện``) left out on the way."""
    k = 0
    for word in words:
        while k < len(full) and full[k] != word and full[k] in _LEVEL_WORDS:
            k += 1
        if k == len(full) or full[k] != word:
            return False
        k += 1
    return True


def mentions(hit, key: str) -> list[Official]:
    """How a hit's article names the person *key* (one entry; a list, in case a key
    gathers several spellings)."""
    return [o for o, person in people_of(hit) if person == key]


def profile(searcher, key: str, reads: int = PROFILE_READS) -> OfficialProfile | None:
    """Everything the archive says of the person *key*, or None when no article names them.

    :param searcher: an :class:`indexer.searching.Searcher`.
    """
    # every copy of a story counts: each is an article that names the person, on its own day
    matches = searcher.stream(request_for(key, sort="newest", verbatim=True, group=False), reads, snippets=False,
                            stories=False)
    if not matches.total:
        return None
    spans, months, others = _Spans(searcher.abbreviations), Counter(), Counter()
    read = 0
    days: list[dt.date] = []
    for hit in matches.hits:
        read += 1
        if hit.date:
            days.append(hit.date)
            months[f"{hit.date:%Y-%m}"] += 1
        for official in mentions(hit, key):
            for title in official.titles:
                spans.add(title, hit.date)
        others.update(set(hit.officials) - {key})
    first, last = (min(days), max(days)) if days else (None, None)
    return OfficialProfile(
        key=key,
        name=display_name(key),
        articles=matches.total,
        read=read,
        first=first,
        last=last,
        titles=tuple(spans.spans()),
        months=tuple(FacetCount(m, months.get(m, 0)) for m in _month_range(first, last)),
        named_with=tuple(FacetCount(k, n) for k, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))[:NAMED_WITH]),
    )


def _month_range(first: dt.date | None, last: dt.date | None) -> list[str]:
    if not first or not last:
        return []
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def articles(searcher, key: str, page: int = 1, per_page: int = 20):
    """The person's articles newest first, with the search page's facets (a SearchResult)."""
    return searcher.search(request_for(key, sort="newest", page=page, per_page=per_page, verbatim=True))


# -- who held a post -------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """A stretch of time in which articles name a person in a post, with no year-long silence."""

    first: dt.date
    last: dt.date
    articles: int

    def to_json(self) -> dict:
        return {"first": _iso(self.first), "last": _iso(self.last), "articles": self.articles}


@dataclass(frozen=True)
class Holder:
    """A person the archive names in a post: in how many articles, first and last date,
    and the periods of those articles (see :func:`periods`)."""

    key: str
    name: str
    articles: int
    first: dt.date | None
    last: dt.date | None
    periods: tuple[Period, ...] = ()

    def to_json(self) -> dict:
        return {"key": self.key, "name": self.name, "articles": self.articles,
                "first": _iso(self.first), "last": _iso(self.last),
                "periods": [p.to_json() for p in self.periods]}


SILENCE = dt.timedelta(days=180)


def periods(days: list[dt.date], others: list[dt.date]) -> tuple[Period, ...]:
    """A holder's dates as periods: split where more than SILENCE passes without an
    article naming them so *and* someone else (*others*, sorted) is named in the post
    meanwhile. A later article that names a former holder by the post, without
    "nguyên", then stands apart instead of stretching their tenure over their
    successor's; a sparse archive's long silences alone split nothing."""
    out: list[Period] = []
    for day in sorted(days):
        if out:
            prev = out[-1].last
            at = bisect.bisect_right(others, prev)
            someone_else = at < len(others) and others[at] < day
            if day - prev <= SILENCE or not someone_else:
                out[-1] = Period(out[-1].first, day, out[-1].articles + 1)
                continue
        out.append(Period(day, day, 1))
    return tuple(out)


@dataclass(frozen=True)
class PostHolders:
    post: str  # as typed
    holders: tuple[Holder, ...]  # by first date
    read: int  # articles read (those that match the post as a search, newest first)
    matched: int  # articles that match the post as a search

    def to_json(self) -> dict:
        return {"post": self.post, "read": self.read, "matched": self.matched,
                "holders": [h.to_json() for h in self.holders]}


def post_key(text: str, table: Abbreviations | None) -> str:
    """A post's words for comparing: folded, and every long form written as its
    abbreviation (``Ủy ban nhân dân thành phố`` and ``UBND TP`` are the same)."""
    words = [normalize.folded(w) for w, _, _ in normalize.tokens(normalize.clean(text))]
    return " ".join(table.write_short(words) if table else words)


def looks_like_post(text: str) -> bool:
    """Whether a query starts with a post and names its body (``Chủ tịch UBND tỉnh …``,
    ``Bộ trưởng Bộ Y tế``), as opposed to a bare post or ordinary words."""
    words = [w for w, _, _ in normalize.tokens(normalize.clean(text))]
    if len(words) < 3 or len(words) > 16 or '"' in text or " OR " in text:
        return False
    return any(is_post(" ".join(words[:n])) for n in range(1, min(5, len(words)))) and not is_post(" ".join(words))


def holders(searcher, post: str, reads: int = HOLDER_READS) -> PostHolders:
    """The people the archive names in *post*, by the first date it names them so.

    The articles are those a search for the post finds (accents optional, abbreviations
    either way), newest first; a person counts in an article when a title the article
    gives them is the post itself.
    """
    wanted = post_key(post, searcher.abbreviations)
    matches = searcher.stream(SearchRequest(query=post, sort="newest", group=False), reads, snippets=False, stories=False)
    count: Counter = Counter()
    days: dict[str, list[dt.date]] = {}
    read = 0
    for hit in matches.hits:
        read += 1
        for official, key in people_of(hit):
            if any(post_key(t, searcher.abbreviations) == wanted for t in official.titles):
                count[key] += 1
                if hit.date:
                    days.setdefault(key, []).append(hit.date)
    def others(key: str) -> list[dt.date]:
        return sorted(d for k, ds in days.items() if k != key for d in ds)

    people = [
        Holder(k, display_name(k), n, min(days[k]) if k in days else None, max(days[k]) if k in days else None,
               periods(days.get(k, []), others(k)))
        for k, n in count.items()
    ]
    people.sort(key=lambda h: (h.first or dt.date.max, h.last or dt.date.max, h.name))
    return PostHolders(post, tuple(people), read, matches.total)
