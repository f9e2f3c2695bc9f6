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
import re
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
    ``Tỉnh uỷ``/``Tỉnh ủy``, capitals, ``UBND``/``Ủy ban nhân dân``), shown as written most.

    A title counts *articles*, as the page's header does: an article that gives the person
    one post twice (``Chủ tịch UBND TP Hà Nội`` and ``Chủ tịch UBND thành phố Hà Nội``), or
    written in full and short (``Chủ tịch UBND TP``), counts once for it (a user trial: a row
    of 69 under a header of 68 articles)."""

    def __init__(self, table: Abbreviations | None) -> None:
        self.table = table
        self.spellings: dict[str, Counter] = {}
        self.docs: dict[str, dict[int, dt.date | None]] = {}  # post key -> {article: its date}
        self.into: dict[str, str] = {}  # a post key written short -> the key it was folded into
        self.articles = 0
        self.folded = False

    def add(self, titles, day: dt.date | None) -> None:
        """The titles one article gives the person."""
        self.articles += 1
        for title in titles:
            key = post_key(title, self.table)
            self.spellings.setdefault(key, Counter())[title] += 1
            self.docs.setdefault(key, {})[self.articles] = day

    def spans(self) -> list[TitleSpan]:
        self._fold_shortened()
        out = [self._span(k) for k in self.docs]
        return sorted(out, key=lambda s: (s.first or dt.date.max, -s.articles, s.title))

    def row(self, key: str) -> tuple[TitleSpan, list[dt.date], bool] | None:
        """The row of the page that holds the post key *key* (its own, or the full title it
        was folded into), with the dates of its articles and whether it is that full title;
        None when no article gives it."""
        self._fold_shortened()
        row = key
        while row in self.into:
            row = self.into[row]
        if row not in self.docs:
            return None
        return self._span(row), [d for d in self.docs[row].values() if d], row != key

    def _span(self, key: str) -> TitleSpan:
        days = [d for d in self.docs[key].values() if d]
        return TitleSpan(self.spellings[key].most_common(1)[0][0], len(self.docs[key]),
                         min(days, default=None), max(days, default=None))

    def _fold_shortened(self) -> None:
        """A title written short (``Chủ tịch UBND TP``: the full title cut after its body;
        ``Chủ tịch UBND Hà Nội``: a level's word left out; ``Chủ tịch Hà Nội``: the committee
        too) is one row with the person's most used full title it shortens: one post, one row
        of the career. Other words left out make another post (``Chủ tịch UBND tỉnh Nghệ An``
        is not ``Chủ tịch UBND huyện Hưng Nguyên, tỉnh Nghệ An``; ``Phó Chủ tịch`` not ``Phó
        Chủ tịch Thường trực``)."""
        if self.folded:
            return
        self.folded = True
        for short in sorted(self.docs, key=lambda k: len(k.split())):
            words = short.split()
            longer = [k for k in self.docs if len(k.split()) > len(words) and _shortens(words, k.split())]
            if not longer:
                continue
            into = max(longer, key=lambda k: (len(self.docs[k]), k))
            del self.spellings[short]  # shown as the full title is written most
            self.docs[into].update(self.docs.pop(short))  # (an article giving both counts once)
            self.into[short] = into


_LEVEL_WORDS = {"tp", "tinh", "huyen", "quan", "xa", "phuong", "tx", "tt"}  # (post_key writes "thành phố" TP)
# words a title written short leaves out: a level's, and the People's Committee's after a chair
# ("Chủ tịch Hà Nội" is "Chủ tịch UBND TP Hà Nội", as the press writes it)
_LEFT_OUT = _LEVEL_WORDS | {"ubnd"}


def _shortens(words: list[str], full: list[str]) -> bool:
    """Whether the title key *words* is *full* cut short: its start, with only words of a
    level (``TP``, ``tỉnh``, ``huyện``) or ``UBND`` left out on the way."""
    k = 0
    for word in words:
        while k < len(full) and full[k] != word and full[k] in _LEFT_OUT:
            k += 1
        if k == len(full) or full[k] != word:
            return False
        k += 1
    return True


def mentions(hit, key: str) -> list[Official]:
    """How a hit's article names the person *key* (one entry; a list, in case a key
    gathers several spellings)."""
    return [o for o, person in people_of(hit) if person == key]


@dataclass
class _Reading:
    """What a person's articles say of them, read once for the page and for who held a post."""

    total: int  # every article naming them
    read: int
    spans: _Spans
    months: Counter
    others: Counter
    days: list[dt.date]


def _read(searcher, key: str, reads: int) -> _Reading:
    # every copy of a story counts: each is an article that names the person, on its own day
    matches = searcher.stream(request_for(key, sort="newest", verbatim=True, group=False), reads, snippets=False,
                            stories=False)
    found = _Reading(matches.total, 0, _Spans(searcher.abbreviations), Counter(), Counter(), [])
    for hit in matches.hits:
        found.read += 1
        if hit.date:
            found.days.append(hit.date)
            found.months[f"{hit.date:%Y-%m}"] += 1
        found.spans.add([title for official in mentions(hit, key) for title in official.titles], hit.date)
        found.others.update(set(hit.officials) - {key})
    return found


def profile(searcher, key: str, reads: int = PROFILE_READS) -> OfficialProfile | None:
    """Everything the archive says of the person *key*, or None when no article names them.

    :param searcher: an :class:`indexer.searching.Searcher`.
    """
    found = _read(searcher, key, reads)
    if not found.total:
        return None
    first, last = (min(found.days), max(found.days)) if found.days else (None, None)
    others = found.others
    return OfficialProfile(
        key=key,
        name=display_name(key),
        articles=found.total,
        read=found.read,
        first=first,
        last=last,
        titles=tuple(found.spans.spans()),
        months=tuple(FacetCount(m, found.months.get(m, 0)) for m in _month_range(first, last)),
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
    and the periods of those articles (see :func:`periods`); *title* is the row of their
    page these come from (the post as they are named in it most)."""

    key: str
    name: str
    articles: int
    first: dt.date | None
    last: dt.date | None
    periods: tuple[Period, ...] = ()
    title: str = ""
    fuller: bool = False  # the title is a fuller post the one asked for is short for ("… tỉnh Lạng Sơn")

    def to_json(self) -> dict:
        return {"key": self.key, "name": self.name, "articles": self.articles,
                "first": _iso(self.first), "last": _iso(self.last), "title": self.title,
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
    abbreviation (``Ủy ban nhân dân thành phố`` and ``UBND TP`` are the same). Two ways the
    press writes a People's Committee's chair are read as the committee's (a user trial
    found them rows of their own): its name glued to the city's (``Chủ tịch UBTP.Hà Nội``,
    ``UBNDTP``), and left out before a level and a place (``Chủ tịch TP.Hà Nội``, ``Phó
    Chủ tịch huyện Kỳ Sơn``: the council's chair is always written ``Chủ tịch HĐND``), but not
    before a body of the level's own (``Chủ tịch Tỉnh hội Nông dân``, ``Huyện đoàn``)."""
    written = [normalize.exact(w) for w, _, _ in normalize.tokens(normalize.clean(text))]
    words: list[str] = []
    for at, word in enumerate(written):
        glued = _GLUED.match(normalize.folded(word))
        words += ["ubnd" if glued[1] == "ub" else glued[1], glued[2]] if glued else [normalize.folded(word)]
        if written[at - 1:at + 1] == ["chủ", "tịch"] and _level_and_place(written, at + 1):
            words.append("ubnd")
    return " ".join(table.write_short(words) if table else words)


_GLUED = re.compile(r"^(ubnd|hdnd|ub)(tp|tx)$")
_LEVELS = {"tỉnh", "tp", "huyện", "quận", "xã", "phường", "tx"}
_LEVELS_OF_TWO = {("thành", "phố"), ("thị", "xã"), ("thị", "trấn")}
_LEVELS_OWN = {"hội", "ủy", "đoàn", "đội"}  # "Tỉnh hội", "Huyện ủy", "Tỉnh đoàn", "Huyện đội", "xã hội"


def _level_and_place(words: list[str], at: int) -> bool:
    """Whether *words* (exact forms) name a level from *at* (``tỉnh``, ``TP``, ``thị xã``),
    then a place or nothing, not a body of that level's own."""
    if tuple(words[at:at + 2]) in _LEVELS_OF_TWO:
        at += 2
    elif at < len(words) and words[at] in _LEVELS:
        at += 1
    else:
        return False
    return at == len(words) or words[at] not in _LEVELS_OWN


def looks_like_post(text: str) -> bool:
    """Whether a query starts with a post and names its body (``Chủ tịch UBND tỉnh …``,
    ``Bộ trưởng Bộ Y tế``), as opposed to a bare post or ordinary words."""
    words = [w for w, _, _ in normalize.tokens(normalize.clean(text))]
    if len(words) < 3 or len(words) > 16 or '"' in text or " OR " in text:
        return False
    return any(is_post(" ".join(words[:n])) for n in range(1, min(5, len(words)))) and not is_post(" ".join(words))


def holders(searcher, post: str, reads: int = HOLDER_READS) -> PostHolders:
    """The people the archive names in *post*, by the first date it names them so.

    The people are those a title of theirs *is* the post in an article a search for the
    post finds (accents optional, abbreviations either way; the newest *reads*). What is
    said of each is the row of their page (:func:`profile`) that holds the post: its
    articles (the post written short counts, as the page folds it: ``Chủ tịch UBND Hà Nội``
    and ``Chủ tịch UBND TP``), its first and last date. A user trial found the two apart:
    40 articles here where the page's row said 69 (the search missed articles writing the
    post another way, ``TP. Hà Nội``, and the rows counted a title by mention).
    """
    table = searcher.abbreviations
    wanted = post_key(post, table)
    matches = searcher.stream(SearchRequest(query=post, sort="newest", group=False), reads, snippets=False, stories=False)
    named: dict[str, None] = {}
    read = 0
    for hit in matches.hits:
        read += 1
        for official, key in people_of(hit):
            if key not in named and any(post_key(t, table) == wanted for t in official.titles):
                named[key] = None
    rows: dict[str, tuple[TitleSpan, list[dt.date], bool]] = {}
    for key in named:
        row = _read(searcher, key, PROFILE_READS).spans.row(wanted)
        if row:
            rows[key] = row

    def others(key: str) -> list[dt.date]:
        return sorted(d for k, (_, ds, _) in rows.items() if k != key for d in ds)

    people = [Holder(k, display_name(k), span.articles, span.first, span.last, periods(days, others(k)),
                     span.title, fuller) for k, (span, days, fuller) in rows.items()]
    people.sort(key=lambda h: (h.first or dt.date.max, h.last or dt.date.max, h.name))
    return PostHolders(post, tuple(people), read, matches.total)
